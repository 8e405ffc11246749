"""The shared example article: the findings of this issue's rules, with their spans, and
nothing else. (The other expected findings come with the source-aware and casing rules.)"""

from __future__ import annotations

import json

from mtcheck import apply_fixes, check

THIS_ISSUE = {"merged-words", "missing-sentence-boundary", "unbalanced-quote"}


def overlaps(e: dict, f) -> bool:
    return f.category == e["category"] and f.start < e["end"] and e["start"] < f.end


def test_expected_findings_are_found_and_nothing_else(shared):
    folder = shared / "examples" / "azovstal"
    text = (folder / "article.txt").read_text(encoding="utf-8")
    expected = [json.loads(line) for line in (folder / "expected-findings.jsonl").open(encoding="utf-8")]
    findings = check(text, lang="en")
    for e in expected:
        if e["category"] in THIS_ISSUE:
            assert any(overlaps(e, f) for f in findings), f"missed {e['category']} {e['text'][:40]!r}"
    false = [f for f in findings if not any(overlaps(e, f) for e in expected)]
    assert false == [], [(f.code, f.text) for f in false]


def test_fixes_match_the_expected_fixed_text_where_this_issue_fixes(shared):
    folder = shared / "examples" / "azovstal"
    text = (folder / "article.txt").read_text(encoding="utf-8")
    expected = [json.loads(line) for line in (folder / "expected-findings.jsonl").open(encoding="utf-8")]
    fixed = apply_fixes(text, check(text, lang="en"))
    for e in expected:
        if e["category"] in THIS_ISSUE and e["fix"]:
            assert e["fix"] in fixed and e["text"] not in fixed
