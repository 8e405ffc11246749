#!/usr/bin/env python3
"""Locale formats (issue 17): findings of the unit-spacing rule (MT609) and of the us-news ISO
date rule on clean human text and on MT output, per 10,000 words.

Human text: the references of ``../shared/data/wmt22`` and ``wmt24`` (field ``reference``) and
the UD treebank sentences of ``ud/`` (the all-languages ``pud.jsonl`` apart, whose texts are
those of the per-language PUD files). MT output: every system of wmt22/wmt24 (field
``systems``). Records are grouped by ``doc_id`` into one Document each, as ``mtcheck`` reads
JSONL; each rule runs alone (``Config(select=[code])``, which turns a profile's rule on too).
Every finding is printed with its context (``--show``) for hand-checking: on human text each
one is a false alarm unless the check says it is a real slip of the writer.

    python benchmarks/locale_formats.py [--data ../shared/data] [--rule MT609] [--show 40]
                                        [--mt] [--json out.json] [--labels FILE ...]

The hand checks are ``benchmarks/labels/locale-formats-*.jsonl`` (corpus, record, code,
offsets, label, why; no corpus text): the report counts the findings labelled true and false.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter, defaultdict
from itertools import groupby
from pathlib import Path

from mtcheck.checker import check_document
from mtcheck.config import Config
from mtcheck.document import Document
from mtcheck.languages import with_data
from mtcheck.rules import get_rule

ROOT = Path(__file__).resolve().parents[1]


def _documents(rows: list[dict], field: str, system: str | None = None) -> list[list[tuple[str, str]]]:
    def text(r: dict) -> str:
        return r[field] if system is None else r[field].get(system) or ""
    return [[(r["id"], text(r)) for r in group]
            for _, group in groupby(rows, key=lambda r: r.get("doc_id") or object())]


def human_corpora(data: Path):
    """Yield (language, corpus name, documents as lists of (id, text))."""
    for path in sorted(data.glob("wmt2*/*.jsonl")):
        rows = [json.loads(line) for line in path.open(encoding="utf-8")]
        yield rows[0]["target_lang"], f"{path.parent.name}/{path.name}", _documents(rows, "reference")
    for path in sorted((data / "ud").glob("*-*.jsonl")):
        rows = [json.loads(line) for line in path.open(encoding="utf-8")]
        yield rows[0]["lang"], f"ud/{path.name}", _documents(rows, "text")


def mt_corpora(data: Path):
    """Yield (language, corpus name with its system, documents) for every system output."""
    for path in sorted(data.glob("wmt2*/*.jsonl")):
        rows = [json.loads(line) for line in path.open(encoding="utf-8")]
        for system in sorted(rows[0]["systems"]):
            yield rows[0]["target_lang"], f"{path.parent.name}/{path.name}:{system}", _documents(rows, "systems", system)


def measure(corpora, code: str) -> dict:
    rule = get_rule(code)
    config = Config(select=[code])
    report: dict = {"corpora": [], "findings": []}
    for lang, name, docs in corpora:
        if lang not in with_data() or not rule.applies_to(lang):
            continue
        words = found = 0
        for doc_records in docs:
            texts = [t for _, t in doc_records]
            words += sum(len(t.split()) for t in texts)
            doc = Document.from_records(texts, [i for i, _ in doc_records], list(range(1, len(texts) + 1)), lang)
            by_id = dict(doc_records)
            for f in check_document(doc, config):
                found += 1
                text = by_id[f.record]
                report["findings"].append({"corpus": name, "record": f.record, "code": f.code,
                                           "start": f.start, "end": f.end, "text": text[f.start:f.end],
                                           "context": text[max(f.start - 40, 0):f.end + 30].replace("\n", " ")})
        report["corpora"].append({"lang": lang, "corpus": name, "words": words, "findings": found,
                                  "per_10k": round(10_000 * found / words, 2) if words else 0.0})
    return report


def load_labels(paths: list[Path]) -> dict:
    """(corpus, record, code, start, end) → label ("true"/"false") of the hand checks."""
    labels = {}
    for path in paths:
        for line in path.open(encoding="utf-8"):
            row = json.loads(line)
            labels[(row["corpus"], row["record"], row["code"], row["start"], row["end"])] = row["label"]
    return labels


def print_report(title: str, report: dict, show: int, labels: dict | None = None) -> None:
    print(f"\n## {title}\n")
    print("| language | corpus | words | findings | per 10,000 words |\n|---|---|---:|---:|---:|")
    totals: dict = defaultdict(Counter)
    for row in report["corpora"]:
        print(f"| {row['lang']} | {row['corpus']} | {row['words']:,} | {row['findings']} | {row['per_10k']:.2f} |")
        totals[row["lang"]].update(words=row["words"], findings=row["findings"])
    words = sum(t["words"] for t in totals.values())
    found = sum(t["findings"] for t in totals.values())
    print(f"| all ({len(totals)} languages) | | {words:,} | {found} | {10_000 * found / max(words, 1):.2f} |")
    findings = report["findings"]
    sample = findings if len(findings) <= show else random.Random(17).sample(findings, show)
    print(f"\n{len(findings)} findings" + ("." if not show else f", a sample of {show}:" if len(findings) > show else ":"))
    for f in sample:
        print(f"  {f['corpus']} {f['record']}: `{f['text']}` … {f['context']!r}")
    print("by token:", Counter(f["text"] for f in findings).most_common(20))
    if labels:
        verdicts = Counter(labels.get((f["corpus"], f["record"], f["code"], f["start"], f["end"]), "unlabelled")
                           for f in findings)
        print("hand checks:", dict(sorted(verdicts.items())))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--rule", action="append", help="rule codes (default: MT609 and MT806)")
    parser.add_argument("--mt", action="store_true", help="also the MT systems' outputs")
    parser.add_argument("--show", type=int, default=40, help="findings to print (a random sample past that)")
    parser.add_argument("--json", type=Path, help="write the report here")
    parser.add_argument("--labels", type=Path, nargs="*", default=sorted((ROOT / "benchmarks" / "labels").glob("locale-formats-*.jsonl")),
                        help="hand checks (default: benchmarks/labels/locale-formats-*.jsonl)")
    args = parser.parse_args()
    labels = load_labels(args.labels)
    out = {}
    for code in args.rule or ["MT609", "MT806"]:
        out[code] = {"human": measure(human_corpora(args.data), code)}
        print_report(f"{code} on human text", out[code]["human"], args.show, labels)
        if args.mt:
            out[code]["mt"] = measure(mt_corpora(args.data), code)
            print_report(f"{code} on MT output", out[code]["mt"], args.show, labels)
    if args.json:
        args.json.write_text(json.dumps(out, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
