#!/usr/bin/env python3
"""Source-aware checking on the WMT22 (and WMT24) system outputs and human references.

1. **Quiet on human text**: the human references taken as translations of their sources; findings
   of the source-aware rules per 10,000 words per target language (goal: at most 1).
2. **Findings on MT output**: the same rules on every system's output; counts per rule, and with
   ``--sample N`` a seeded random sample of N findings per rule written as JSONL for checking by
   hand (``benchmarks/labels/source-aware-wmt22.jsonl`` holds the checked sample with verdicts).
3. **Omission on synthetic drops**: one sentence (seeded, random) taken out of every reference
   that has as many sentences as its source (two or more); the share that MT604 finds.
4. **Speed**: words per second checking the system outputs with all rules, with and without
   their sources (goal: source-aware at least half the target-only throughput).

    python benchmarks/source_aware.py [--data ../shared/data] [--sample 50 --out sample.jsonl]
                                      [--rules MT601,…] [--every-target] [--show-references] [--no-speed]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter, defaultdict
from itertools import groupby
from pathlib import Path

from mtcheck.checker import check_document
from mtcheck.config import Config
from mtcheck.document import Document
from mtcheck.languages import available
from mtcheck.rules.source import missing_sentences
from mtcheck.text.sentences import split

ROOT = Path(__file__).resolve().parents[1]
SOURCE_RULES = ["MT601", "MT602", "MT603", "MT604", "MT605"]


def load(data: Path, every_target: bool = False) -> list[dict]:
    records = []
    for path in sorted((data / "wmt22").glob("*.jsonl")) + sorted((data / "wmt24").glob("*.jsonl")):
        for line in path.open(encoding="utf-8"):
            r = json.loads(line)
            if every_target or r["target_lang"] in available():
                records.append(r)
    return records


def documents(records: list[dict], field: str | None, with_source: bool = True):
    """One Document per (pair, doc_id) for the references (field None) or one system."""
    for (pair, doc_id), group in groupby(records, key=lambda r: (r["id"].rsplit("-", 1)[0], r["doc_id"])):
        group = [r for r in group if (r["reference"] if field is None else r["systems"].get(field))]
        if not group:
            continue
        texts = [r["reference"] if field is None else r["systems"][field] for r in group]
        yield group, Document.from_records(
            texts, [r["id"] for r in group], [i + 1 for i in range(len(group))], group[0]["target_lang"],
            sources=[r["source"] for r in group] if with_source else None,
            source_lang=group[0]["source_lang"] if with_source else None)


def systems_of(records: list[dict]) -> list[str]:
    return sorted({s for r in records for s in r["systems"]})


def quiet(records: list[dict], config: Config, show: bool = False) -> dict[str, tuple[int, Counter]]:
    """Words and findings per rule, per target language, on the human references (``show``:
    print each finding with its source and reference, for the hand check)."""
    words: Counter = Counter()
    found: dict[str, Counter] = defaultdict(Counter)
    for group, doc in documents(records, None):
        words[doc.lang] += len(doc.text.split())
        findings = check_document(doc, config)
        found[doc.lang].update(f.code for f in findings)
        if show:
            by_id = {r["id"]: r for r in group}
            for f in findings:
                r = by_id[f.record]
                print(f"{f.record} {f.code} {f.message}\n    source:    {r['source'][:300]}\n"
                      f"    reference: {r['reference'][:300]}")
    return {lang: (n, found[lang]) for lang, n in words.items()}


def on_systems(records: list[dict], config: Config) -> list[dict]:
    found = []
    for system in systems_of(records):
        for group, doc in documents(records, system):
            by_id = {r["id"]: r for r in group}
            for f in check_document(doc, config):
                r = by_id[f.record]
                found.append({"rule": f.code, "system": system, "id": f.record, "target_lang": doc.lang,
                              "source_lang": r["source_lang"], "source": r["source"],
                              "translation": r["systems"][system], "span": [f.start, f.end],
                              "flagged": f.text, "message": f.message})
    return found


def synthetic_omissions(records: list[dict], seed: int) -> tuple[int, int]:
    """(found, dropped): references with one sentence taken out, found by missing_sentences."""
    rng = random.Random(seed)
    found = dropped = 0
    for r in records:
        sentences = split(r["reference"], r["target_lang"])
        if len(sentences) < 2 or len(sentences) != len(split(r["source"], r["source_lang"])):
            continue
        gone = rng.randrange(len(sentences))
        kept = " ".join(r["reference"][a:b] for i, (a, b) in enumerate(sentences) if i != gone)
        dropped += 1
        found += bool(missing_sentences(r["source"], r["source_lang"], kept, r["target_lang"]))
    return found, dropped


def speed(records: list[dict]) -> tuple[float, float, int]:
    config = Config()
    results = []
    for with_source in (False, True):
        docs = [doc for system in systems_of(records) for _, doc in documents(records, system, with_source)]
        words = sum(len(d.text.split()) for d in docs)
        start = time.perf_counter()
        for d in docs:
            check_document(d, config)
        results.append(words / (time.perf_counter() - start))
    return results[0], results[1], words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--sample", type=int, default=0, help="findings per rule to sample for hand-checking")
    parser.add_argument("--out", type=Path, help="where to write the sample (JSONL)")
    parser.add_argument("--rules", default=",".join(SOURCE_RULES))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--every-target", action="store_true",
                        help="every pair of the data (cs, uk, ja, zh targets too), not only the targets with full data")
    parser.add_argument("--show-references", action="store_true", help="print each finding on a reference")
    args = parser.parse_args()
    records = load(args.data, args.every_target)
    config = Config(select=args.rules.split(","))

    print("## Human references as translations (findings per 10,000 words)\n")
    print("| target | words | findings | per 10k | by rule |\n|---|---|---|---|---|")
    for lang, (words, by_rule) in sorted(quiet(records, config, args.show_references).items()):
        n = sum(by_rule.values())
        rules = ", ".join(f"{code} {k}" for code, k in sorted(by_rule.items()))
        print(f"| {lang} | {words:,} | {n} | {n / words * 1e4:.2f} | {rules} |")

    hit, dropped = synthetic_omissions(records, args.seed)
    print(f"\n## Omission: one sentence dropped from {dropped:,} references: {hit / dropped:.2f} found\n")

    found = on_systems(records, config)
    print("\n## System outputs: findings per rule\n")
    counts = Counter((f["rule"], f["target_lang"]) for f in found)
    for (rule, lang), n in sorted(counts.items()):
        print(f"- {rule} {lang}: {n}")
    if args.sample and args.out:
        rng = random.Random(args.seed)
        sample = []
        for rule in sorted({f["rule"] for f in found}):
            of_rule = [f for f in found if f["rule"] == rule]
            sample += rng.sample(of_rule, min(args.sample, len(of_rule)))
        args.out.write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in sample), encoding="utf-8")
        print(f"\n{len(sample)} sampled findings written to {args.out}")

    if not args.no_speed:
        plain, with_source, words = speed(records)
        print(f"\n## Speed, all rules, {words:,} words of system output\n")
        print(f"- target only: {plain:,.0f} words/s\n- with sources: {with_source:,.0f} words/s "
              f"({with_source / plain:.2f} of target-only)")


if __name__ == "__main__":
    main()
