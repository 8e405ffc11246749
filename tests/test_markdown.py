"""Markdown: code, URLs, link targets, HTML and front matter are never flagged, and offsets
still point into the file."""

from __future__ import annotations

from mtcheck import check

MD = """---
title: disappearedin the the
tags: [a,b]
---
# Report

They have disappearedin the city.

Inline `the the` code, a [link](https://example.org/the_the,x) and <span class="a,b">x</span>.

```
the the disappearedin ( x
```

    indented code the the

<!-- a comment the the -->
Visit <https://example.org/foo,bar> now.
"""


def test_only_prose_is_flagged_and_offsets_point_into_the_file():
    findings = check(MD, lang="en", markdown=True)
    assert [(f.category, f.text) for f in findings] == [("merged-words", "disappearedin")]
    f = findings[0]
    assert MD[f.start:f.end] == "disappearedin"
    assert (f.line, f.column) == (7, 11)


def test_the_same_text_as_plain_text_is_flagged_in_code_too():
    categories = {f.category for f in check(MD, lang="en")}
    assert "repeated-word" in categories


def test_suppression_comment_silences_the_next_line_only():
    md = ("<!-- mtcheck: ignore[merged-words] -->\nThey have disappearedin the city.\n"
          "They have disappearedin the town.\n")
    findings = check(md, lang="en", markdown=True)
    assert [f.line for f in findings] == [3]


def test_suppression_without_selector_silences_everything_on_the_next_line():
    md = "<!-- mtcheck: ignore -->\nthe the disappearedin\n"
    assert check(md, lang="en", markdown=True) == []


def test_html_entities_are_markdown_not_residue():
    assert check("Tom &amp; Jerry &quot;here&quot;.", lang="en", markdown=True) == []
    assert {f.code for f in check("Tom &amp; Jerry.", lang="en")} == {"MT302"}
