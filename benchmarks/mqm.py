#!/usr/bin/env python3
"""Untranslated output per WMT24 system, and mtcheck's findings against MQM error annotations.

1. **Untranslated share (WMT24 en-es)**: every system's output in ``wmt24/en-es.jsonl``, and the
   human ``reference`` checked as if it were one more system, with the untranslated rule only
   (``Config(select=["untranslated"])``). Records are grouped by ``doc_id`` (consecutive, in file
   order), one Document per document with its sources (``source_lang`` en), as the library reads
   JSONL. Per system: segments, segments with at least one finding, their share.

2. **MQM detection (WMT21 TED, ``wmt-mqm/ted-ende.jsonl`` and ``ted-zhen.jsonl``)**: every
   system's output, the human ``ref`` included as it comes (and ``refB`` of zh-en, a second human
   translation, counted among the systems), is checked with ALL rules (``Config()``): records
   grouped by (system, doc), ordered by ``seg_id``, one Document per group with its sources, the
   target language from the records. Per language pair:

   a. recall on ``Accuracy/Untranslated text`` and ``Accuracy/Omission``: the share of the raters'
      error annotations of that category matched by a finding of a mapped mtcheck category;
   b. precision of every finding, overall and per code: the share of findings that match some
      rater error of the same record (span overlap with an error of ANY category, or the category
      rule below for errors or findings without a span);
   c. the same precision restricted to the findings on systems other than ``ref``.

**Category mapping.** An mtcheck category maps to MQM through ``CATEGORIES[name].mqm``. An MQM
category string of the data and an mtcheck MQM string correspond when, compared case-folded,
one is a prefix of the other ending at a word boundary (the longer one goes on with a character
that is not a letter or digit, e.g. ``/``, a space or ``(``), or they are equal. So
``Accuracy/Untranslated`` ↔ ``Accuracy/Untranslated text``, ``Terminology/Inconsistent use`` ↔
``Terminology/Inconsistent use of terminology``, ``Locale convention`` ↔ ``Locale
convention/Name format``, ``Accuracy/Mistranslation (Markup)`` ↔ ``Accuracy/Mistranslation``,
``Other (non-translation)`` ↔ ``Other``.

**Span matching.** Findings are placed by the library in their record: ``Finding.record`` is the
record id and ``start``/``end`` are offsets into that record's text (``check_document`` maps the
Document offsets back through ``doc.locate``), the same frame as the raters' ``start``/``end``
into ``target``. A finding and a rater error match when they are in the same record and

- both have spans and the spans overlap (``f.start < e.end and e.start < f.end``); or
- the error has no span (``start``/``end`` null) and its category corresponds to the finding's
  mapped MQM category; or
- the finding has no span (``start == end``, or it covers the whole record text, surrounding
  white space aside) and the error's category corresponds to the finding's mapped MQM category.

For recall (a) the finding must in every case be of a category mapped to the error's category;
for precision (b, c) a span overlap with an error of any category is enough.

    python benchmarks/mqm.py [--data ../shared/data] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter, defaultdict
from itertools import groupby
from pathlib import Path

from mtcheck.scoring import detection
from mtcheck.checker import check_document
from mtcheck.config import Config
from mtcheck.scoring.detection import Span, mapped, spanless
from mtcheck.document import Document
from mtcheck.taxonomy import CATEGORIES

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = "reference"  # part 1: the human reference, checked like a system
RECALL_CATEGORIES = ("Accuracy/Untranslated text", "Accuracy/Omission", "Fluency/Punctuation", "Fluency/Spelling",
                     "Locale convention")
PAIRS = ("ted-ende", "ted-zhen")


# -- part 1: WMT24 untranslated share --------------------------------------------------------------
def untranslated_share(data: Path) -> list[dict]:
    """Per system (and the reference): segments, segments with an untranslated finding, share."""
    path = data / "wmt24" / "en-es.jsonl"
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    for i, r in enumerate(rows):
        r["_line"] = i + 1
    docs = [list(group) for _, group in groupby(rows, key=lambda r: r["doc_id"])]
    systems = sorted({s for r in rows for s in r["systems"]}) + [REFERENCE]
    config = Config(select=["untranslated"])
    out = []
    for system in systems:
        segments, flagged, findings = 0, set(), 0
        for group in docs:
            group = [r for r in group if (r["reference"] if system == REFERENCE else r["systems"].get(system)) is not None]
            if not group:
                continue
            texts = [r["reference"] if system == REFERENCE else r["systems"][system] for r in group]
            doc = Document.from_records(texts, [r["id"] for r in group], [r["_line"] for r in group],
                                        group[0]["target_lang"], path=str(path),
                                        sources=[r["source"] for r in group], source_lang=group[0]["source_lang"])
            segments += len(group)
            for f in check_document(doc, config):
                findings += 1
                flagged.add(f.record)
        out.append({"system": system, "segments": segments, "flagged": len(flagged), "findings": findings,
                    "share": round(100 * len(flagged) / max(segments, 1), 1)})
    out.sort(key=lambda r: (-r["share"], r["system"]))
    return out


# -- part 2: MQM -----------------------------------------------------------------------------------
def matches(f: dict, e: dict, any_category: bool) -> bool:
    """Does finding ``f`` (record-level offsets, same record) match rater error ``e``? The rule is
    mtcheck.scoring.detection's."""
    return detection.matches(Span(f["category"], f["start"], f["end"]), f["spanless"],
                             Span(e["category"], e["start"], e["end"]), any_category)


def check_pair(path: Path, profiles: list[str] | None = None) -> tuple[list[dict], list[dict]]:
    """(records, findings) of one MQM file; findings as dicts with record-level offsets.
    ``profiles``: house-style profiles to check too (mtcheck.profiles)."""
    records = [json.loads(line) for line in path.open(encoding="utf-8")]
    by_id = {r["id"]: r for r in records}
    groups = defaultdict(list)
    for r in records:
        groups[(r["system"], r["doc"])].append(r)
    config = Config(profiles=list(profiles or []))
    findings = []
    for (system, _), group in sorted(groups.items()):
        group.sort(key=lambda r: r["seg_id"])
        doc = Document.from_records([r["target"] for r in group], [r["id"] for r in group],
                                    [r["seg_id"] for r in group], group[0]["target_lang"], path=str(path),
                                    sources=[r["source"] for r in group], source_lang=group[0]["source_lang"])
        for f in check_document(doc, config):
            target = by_id[f.record]["target"]
            # The library hands back offsets local to the record; make sure of it.
            assert target[f.start:f.end] == f.text, (f.record, f.code, f.start, f.end)
            findings.append({"record": f.record, "system": system, "code": f.code, "category": f.category,
                             "start": f.start, "end": f.end, "spanless": spanless(f.start, f.end, target)})
    return records, findings


def evaluate(records: list[dict], findings: list[dict]) -> dict:
    errors_of = {r["id"]: r["errors"] for r in records}
    system_of = {r["id"]: r["system"] for r in records}
    findings_of = defaultdict(list)
    for f in findings:
        findings_of[f["record"]].append(f)

    recall = {}
    for category in RECALL_CATEGORIES:
        rules = sorted(c for c in CATEGORIES if mapped(category, c))
        annotations = [(r["id"], e) for r in records for e in r["errors"] if e["category"] == category]
        hit = [(rid, e) for rid, e in annotations
               if any(mapped(category, f["category"]) and matches(f, e, any_category=False) for f in findings_of[rid])]
        recall[category] = {
            "mtcheck_categories": rules,
            "findings": sum(f["category"] in rules for f in findings),
            "annotations": len(annotations), "spanless_annotations": sum(e["start"] is None for _, e in annotations),
            "on_ref": sum(system_of[rid] == "ref" for rid, _ in annotations),
            "matched": len(hit), "recall": round(100 * len(hit) / len(annotations), 1) if annotations else None}

    def precision(subset: list[dict]) -> dict:
        total, good = Counter(), Counter()
        for f in subset:
            ok = any(matches(f, e, any_category=True) for e in errors_of[f["record"]])
            total[f["code"]] += 1
            good[f["code"]] += ok
            f["matched"] = ok
        n, m = sum(total.values()), sum(good.values())
        return {"findings": n, "matched": m, "precision": round(100 * m / n, 1) if n else None,
                "by_code": {code: {"findings": total[code], "matched": good[code],
                                   "precision": round(100 * good[code] / total[code], 1)}
                            for code in sorted(total)}}

    systems = Counter(r["system"] for r in records)
    return {"records": len(records), "systems": len(systems),
            "annotations": sum(len(r["errors"]) for r in records),
            "recall": recall,
            "precision_all": precision(findings),
            "precision_systems": precision([f for f in findings if f["system"] != "ref"])}


def mqm(data: Path, profiles: list[str] | None = None) -> dict:
    out = {}
    for name in PAIRS:
        records, findings = check_pair(data / "wmt-mqm" / f"{name}.jsonl", profiles)
        out[name] = evaluate(records, findings)
    return out


# -- printing --------------------------------------------------------------------------------------
def pct(x) -> str:
    return "–" if x is None else f"{x:.1f}"


def print_untranslated(rows: list[dict]) -> None:
    print("## WMT24 en-es: segments with an untranslated finding (MT603), per system\n")
    print("| system | segments | flagged | share % | findings |\n|---|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['system']} | {r['segments']} | {r['flagged']} | {pct(r['share'])} | {r['findings']} |")


def print_mqm(name: str, rep: dict) -> None:
    print(f"\n## MQM {name}: {rep['records']} records, {rep['systems']} systems, "
          f"{rep['annotations']} error annotations\n")
    print("(a) recall\n")
    print("| MQM category | mtcheck categories | findings | annotations (spanless, on ref) | matched | recall % |")
    print("|---|---|---:|---:|---:|---:|")
    for category, r in rep["recall"].items():
        print(f"| {category} | {', '.join(r['mtcheck_categories']) or '–'} | {r['findings']} | "
              f"{r['annotations']} ({r['spanless_annotations']}, {r['on_ref']}) | {r['matched']} | {pct(r['recall'])} |")
    all_, sys_ = rep["precision_all"], rep["precision_systems"]
    print("\n(b) precision, all systems incl. ref; (c) systems other than ref\n")
    print("| code | findings (b) | matched (b) | precision % (b) | findings (c) | matched (c) | precision % (c) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for code in sorted(all_["by_code"]):
        a = all_["by_code"][code]
        s = sys_["by_code"].get(code, {"findings": 0, "matched": 0, "precision": None})
        print(f"| {code} | {a['findings']} | {a['matched']} | {pct(a['precision'])} | "
              f"{s['findings']} | {s['matched']} | {pct(s['precision'])} |")
    print(f"| all | {all_['findings']} | {all_['matched']} | {pct(all_['precision'])} | "
          f"{sys_['findings']} | {sys_['matched']} | {pct(sys_['precision'])} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--json", type=Path, help="write the report here")
    parser.add_argument("--profile", action="append", default=[],
                        help="a house-style profile to check too (de-typography, fr-typography, us-news); repeatable")
    args = parser.parse_args()
    started = time.perf_counter()
    report = {"untranslated_wmt24_en_es": untranslated_share(args.data)}
    print_untranslated(report["untranslated_wmt24_en_es"])
    report["mqm"] = mqm(args.data, args.profile)
    for name, rep in report["mqm"].items():
        print_mqm(name, rep)
    report["seconds"] = round(time.perf_counter() - started, 1)
    print(f"\n{report['seconds']} s")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
