"""The shared example article: the expected findings of the categories mtcheck has rules for,
with their spans and fixes, and nothing else. (web-boilerplate, which misses one photo caption,
is only held to "nothing false".)"""

from __future__ import annotations

import json

from mtcheck import apply_fixes, check

COVERED = {"merged-words", "missing-sentence-boundary", "unbalanced-quote", "proper-noun-case", "duplicate-sentence"}


def overlaps(e: dict, f) -> bool:
    return f.category == e["category"] and f.start < e["end"] and e["start"] < f.end


def test_expected_findings_are_found_and_nothing_else(shared):
    folder = shared / "examples" / "azovstal"
    text = (folder / "article.txt").read_text(encoding="utf-8")
    expected = [json.loads(line) for line in (folder / "expected-findings.jsonl").open(encoding="utf-8")]
    findings = check(text, lang="en")
    for e in expected:
        if e["category"] in COVERED:
            assert any(overlaps(e, f) for f in findings), f"missed {e['category']} {e['text'][:40]!r}"
    # What the boilerplate rule removes is not judged further (the issue of the casing rules
    # lets `Mariúpol` inside such a block be reported or not).
    removed = [e for e in expected if e["category"] == "web-boilerplate"]
    false = [f for f in findings if not any(overlaps(e, f) for e in expected)
             and not any(e["start"] <= f.start and f.end <= e["end"] for e in removed)]
    assert false == [], [(f.code, f.text) for f in false]


def test_fixes_match_the_expected_fixed_text_where_covered(shared):
    folder = shared / "examples" / "azovstal"
    text = (folder / "article.txt").read_text(encoding="utf-8")
    expected = [json.loads(line) for line in (folder / "expected-findings.jsonl").open(encoding="utf-8")]
    fixed = apply_fixes(text, check(text, lang="en"))
    for e in expected:
        if e["category"] in COVERED and e["fix"]:
            assert e["fix"] in fixed and e["text"] not in fixed
