"""HTML articles: one Document at offsets into the file, markup protected, fix writes text only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import run

from mtcheck.checker import check
from mtcheck.io.readers import expand_paths, kind_of

ARTICLE = """\
<!DOCTYPE html>
<html lang="de">
<head>
  <meta charset="utf-8">
  <meta name="description" content="Die die Stadt plant neue Radwege.">
  <title>Neue Radwege für die  Stadt</title>
  <style>p { margin: 0 0 1em; } .x::before { content: "the the"; }</style>
  <script>var msg = "Sie haben haben"; if (a < b && c) {}</script>
</head>
<body>
<h1>Neue Radwege für die Innenstadt</h1>
<p>Der Stadtrat hat am Dienstag beschlossen, neue Radwege zu bauen.</p><p>Die Arbeiten beginnen im Frühjahr.</p>
<p>Nach Angaben der Verwaltung kosten die Wege rund <b>zwei Millionen</b> Euro. Die Kosten trägt  das Land.</p>
<!-- Kommentar: die die Redaktion prüft -->
<p>Anwohner &amp; Händler wurden befragt, und die Mehrheit unterstützt die Pläne.Der Bau dauert zwei Jahre.</p>
<ul><li>Erste Strecke: Bahnhof bis Rathaus</li><li>zweite Strecke: Rathaus bis Hafen</li></ul>
<p>Die Stadt hofft, dass mehr Menschen das das Rad nutzen.<br>Weitere Informationen folgen.</p>
<p><a href="https://example.org/radwege" title="the the plan">Mehr lesen</a></p>
<pre>code  with  spaces the the</pre>
</body>
</html>
"""

FIXED = (ARTICLE.replace("für die  Stadt", "für die Stadt").replace("trägt  das", "trägt das")
         .replace("Pläne.Der", "Pläne. Der").replace("das das Rad", "das Rad"))


def findings(capsys, path) -> list[dict]:
    rc, out, _ = run(capsys, "check", "--format", "json", str(path))
    assert rc in (0, 1)
    return json.loads(out)["findings"]


def test_html_files_are_their_own_kind_and_found_in_a_walk(tmp_path):
    (tmp_path / "a.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "b.htm").write_text("<p>x</p>", encoding="utf-8")
    assert kind_of("a.html") == kind_of("b.HTM") == "html"
    assert [Path(p).name for p in expand_paths([str(tmp_path)])] == ["a.html", "b.htm"]


def test_text_nodes_are_checked_at_their_offsets_in_the_file(tmp_path, capsys):
    path = tmp_path / "artikel.html"
    path.write_text(ARTICLE, encoding="utf-8")
    found = [(f["code"], f["line"], ARTICLE[f["start"]:f["end"]]) for f in findings(capsys, path)]
    assert found == [("MT203", 6, "  "), ("MT203", 13, "  "), ("MT201", 15, "Pläne.Der"), ("MT105", 17, "das das")]


def test_fix_writes_only_text_characters_and_a_fixed_file_stays_byte_for_byte(tmp_path, capsys):
    path = tmp_path / "artikel.html"
    path.write_text(ARTICLE, encoding="utf-8")
    run(capsys, "fix", str(path))
    assert path.read_text(encoding="utf-8") == FIXED
    before = path.read_bytes()
    assert run(capsys, "fix", str(path))[0] == 0
    assert path.read_bytes() == before


def test_crlf_and_bom_round_trip(tmp_path, capsys):
    path = tmp_path / "artikel.html"
    path.write_bytes(b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    run(capsys, "fix", str(path))
    assert path.read_bytes() == b"\xef\xbb\xbf" + FIXED.replace("\n", "\r\n").encode("utf-8")


def test_the_language_is_the_pages_own(tmp_path, capsys):
    # German data: `die die` in a relative clause is grammatical there, and is not reported.
    path = tmp_path / "artikel.html"
    path.write_text('<html lang="de"><body><p>Die Frau, die die Zeitung las.</p></body></html>', encoding="utf-8")
    assert findings(capsys, path) == []
    rc, out, _ = run(capsys, "check", "--format", "json", "--lang", "en", str(path))
    assert [f["code"] for f in json.loads(out)["findings"]] == ["MT105"]


@pytest.mark.parametrize("html", [
    "<p>One sentence here.</p><p>Two more words here.</p>",
    "<ul><li>first item of the list</li><li>second item</li></ul>",
    "<p>It is <b>very</b> important to go.</p>",
    "<p>Fish &amp; chips&nbsp;are good, &quot;really&quot;.</p>",
    "<p>See the <a href=\"https://example.org/a?b=1&amp;c=2\" title=\"the the\">report</a>.</p>",
    "<table><tr><td>Price</td><td>Quantity</td></tr></table>",
    "<p>Line one of the address<br>Line two of the address</p>",
    "<p>It is <b>un</b>important and <i>iPhone</i>s.</p>",  # a tag inside a word: no glue (MT107)
    "{% if user %}<p>Welcome back, {{ user.name }}.</p>{% endif %}{# the the note #}",
    "<?php echo $title; ?><p>The news of the day.</p>",
])
def test_markup_is_never_flagged(html):
    assert [(f.code, f.text) for f in check(html, lang="en", html=True)] == []


def test_block_tags_are_line_breaks_to_the_rules_but_the_file_is_untouched():
    from mtcheck.document import Document

    doc = Document("<p>One.</p><p>Two</p>", "en", html=True)
    assert doc.masked.replace("\ue000", "") == "\nOne.\n\nTwo\n"
    assert len(doc.masked) == len(doc.text)


def test_a_fix_that_would_touch_markup_is_dropped():
    from mtcheck.document import Document
    from mtcheck.finding import Edit

    doc = Document("<p>Hi  there</p> &amp; <b>x</b>", "en", html=True)
    assert doc.writes_text_only([Edit(5, 7, " ")])
    assert not doc.writes_text_only([Edit(10, 14, "")])  # `re` and half of `</p>`
    assert not doc.writes_text_only([Edit(17, 22, " ")])  # the reference `&amp;`
    assert not doc.writes_text_only([Edit(7, 7, "&")])  # a character HTML reads as markup
    assert not doc.writes_text_only([Edit(14, 14, " ")])  # inside `</p>`
    assert not doc.writes_text_only([Edit(3, 3, "<i>")])
    # Removing a doubled word right before a tag keeps the tag.
    found = check("<p>Ich gehe nach Hause Hause</p>", lang="de", html=True)
    assert all(e.end <= 27 for f in found for fix in f.fixes for e in fix.edits)


def test_a_suppression_comment_works_as_in_markdown():
    html = "<!-- mtcheck: ignore[MT105] -->\n<p>Ich sah das das Haus.</p>\n<p>Ich sah das das Haus.</p>\n"
    assert [(f.code, f.line) for f in check(html, lang="de", html=True)] == [("MT105", 3)]


def test_a_space_lost_at_an_inline_tag_is_found_and_written_outside_the_element(tmp_path, capsys):
    """The page shows `arrivedin` and `fivemillion`; the space goes after `</b>` and before
    `<i>`, the tags as they were. A tag inside one word (`<b>Bundes</b>regierung`) is no glue."""
    page = ('<p>The troops <b>arrived</b>in the city and paid five<i>million</i> dollars for '
            '<a href="/r">the report</a>, the <b>re</b>writes and two <i>iPhone</i>s.</p>\n')
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    found = [(f["code"], page[f["start"]:f["end"]]) for f in findings(capsys, path)]
    assert found == [("MT107", "in"), ("MT107", "five")]
    run(capsys, "fix", "--unsafe-fixes", str(path))
    assert path.read_text(encoding="utf-8") == page.replace("</b>in", "</b> in").replace("five<i>", "five <i>")
    german = '<html lang="de"><p>Die <b>Bundes</b>regierung zahlte 5 <i>Millionen</i>für das Haus.</p></html>\n'
    (tmp_path / "seite.html").write_text(german, encoding="utf-8")
    assert [(f["code"], german[f["start"]:f["end"]]) for f in findings(capsys, tmp_path / "seite.html")] == [("MT107", "für")]
