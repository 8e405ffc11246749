"""The shared example article: the expected findings of the categories mtcheck has rules for,
with their spans and fixes, and nothing else; and `mtcheck fix --unsafe-fixes` turns the article
into the expected fixed text byte for byte."""

from __future__ import annotations

import json
import shutil

from cli_helpers import run
from mtcheck import apply_fixes, check

COVERED = {"merged-words", "missing-sentence-boundary", "unbalanced-quote", "proper-noun-case", "duplicate-sentence",
           "web-boilerplate"}
# Whole blocks that a rule removes: the reported span is exactly the expected one.
EXACT = {"web-boilerplate", "duplicate-sentence"}


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
        if e["category"] in EXACT:
            assert any((f.start, f.end) == (e["start"], e["end"]) for f in findings if overlaps(e, f)), e["text"][:40]
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


def test_fix_with_unsafe_fixes_gives_the_expected_text_byte_for_byte(shared, tmp_path, capsys):
    folder = shared / "examples" / "azovstal"
    article = tmp_path / "article.txt"
    shutil.copyfile(folder / "article.txt", article)
    rc, _, err = run(capsys, "fix", "--unsafe-fixes", "--lang", "en", str(article))
    assert rc in (0, 1), err
    assert article.read_bytes() == (folder / "expected-fixed.txt").read_bytes()


def test_the_article_as_one_jsonl_record_gets_the_same_findings_and_fixed_text(shared, tmp_path, capsys):
    """Datasets of translated news hold one article per record: the record is a document, so the
    document-level rules (boilerplate, captions, duplicates, quotes across paragraphs) run in it."""
    folder = shared / "examples" / "azovstal"
    text = (folder / "article.txt").read_text(encoding="utf-8")
    record = tmp_path / "articles.jsonl"
    record.write_text(json.dumps({"id": "a1", "translation": text, "target_lang": "en"}, ensure_ascii=False) + "\n",
                      encoding="utf-8")
    rc, out, _ = run(capsys, "check", "--format", "json", str(record))
    as_record = sorted((f["code"], f["start"], f["end"]) for f in json.loads(out)["findings"])
    assert as_record == sorted((f.code, f.start, f.end) for f in check(text, lang="en"))
    rc, _, err = run(capsys, "fix", "--unsafe-fixes", str(record))
    assert rc in (0, 1), err
    fixed = json.loads(record.read_text(encoding="utf-8"))["translation"]
    assert fixed == (folder / "expected-fixed.txt").read_text(encoding="utf-8")
