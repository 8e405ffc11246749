"""Omission (MT604) on records of professional translations, with sentences dropped on purpose.

The PUD sentences first written in English (``../shared/data/ud/pud.jsonl`` and the other
``*-pud.jsonl`` treebanks) are paired into records of two consecutive sentences of one document
(source: the two English sentences; translation: their two translations), and every target
language's records make one document, as a JSONL file of records would. In a seeded fifth of the
records the translation loses one of its two sentences (the longer half of the time).

Reported per target language: ``recall`` (dropped records with an MT604 finding in them),
``clean`` (findings on the untouched records: false unless the translator slipped), and which
length ratio the rule used: ``learned`` (data/length_ratios.tsv), ``document`` (the records' own
median and spread, for pairs without a learned ratio) or ``none`` (different scripts and too few
records: no length judgement). ``--own`` ignores the learned ratios, to compare the document's
estimate with them.

    python benchmarks/omission.py [--data ../shared/data] [--langs ko ar de] [--own] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from pathlib import Path
from unittest import mock

from mtcheck.checker import check_document
from mtcheck.config import Config
from mtcheck.document import Document
from mtcheck.rules import source as source_rules
from mtcheck.text.align import UNKNOWN_RATIO, length_ratio

ROOT = Path(__file__).resolve().parents[1]
DROP_SHARE = 0.2


def pud_pairs(ud: Path) -> dict[str, list[tuple[str, str]]]:
    """target language → (English source, translation) of every English-original PUD sentence,
    in corpus order."""
    rows = [json.loads(line) for line in (ud / "pud.jsonl").open(encoding="utf-8")]
    by_id = {r["id"]: r for r in rows}
    for path in sorted(ud.glob("*-pud.jsonl")):
        lang = path.name.split("-")[0]
        for line in path.open(encoding="utf-8"):
            row = json.loads(line)
            if row["id"] in by_id:
                by_id[row["id"]]["texts"].setdefault(lang, row["text"])
    pairs = defaultdict(list)
    for row in rows:
        if row["orig_lang"] != "en" or "en" not in row["texts"]:
            continue
        for lang, text in row["texts"].items():
            if lang != "en":
                pairs[lang].append((row["texts"]["en"], text))
    return pairs


def records(pairs: list[tuple[str, str]], rng: random.Random):
    """(source, translation, dropped?) records of two sentences each."""
    for i in range(0, len(pairs) - 1, 2):
        (s1, t1), (s2, t2) = pairs[i], pairs[i + 1]
        if rng.random() < DROP_SHARE:
            longer_first = len(s1) >= len(s2)
            keep = t2 if longer_first == (rng.random() < 0.5) else t1
            yield f"{s1} {s2}", keep, True
        else:
            yield f"{s1} {s2}", f"{t1} {t2}", False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--langs", nargs="*")
    parser.add_argument("--own", action="store_true", help="ignore learned length ratios")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    config = Config(select=("MT604",))
    by_lang = pud_pairs(args.data / "ud")
    print("| language | records | dropped | recall | clean findings | ratio | exp(mean), sd |")
    print("|---|---|---|---|---|---|---|")
    for lang in sorted(args.langs or by_lang):
        rows = list(records(by_lang[lang], random.Random(f"{args.seed}-{lang}")))
        doc = Document.from_records([t for _, t, _ in rows], [str(i) for i in range(len(rows))],
                                    list(range(1, len(rows) + 1)), lang, sources=[s for s, _, _ in rows],
                                    source_lang="en")
        patch = mock.patch.object(source_rules, "length_ratio", lambda a, b: UNKNOWN_RATIO) if args.own else None
        if patch:
            patch.start()
        try:
            ratio = source_rules.Omission._ratio(doc, "en")
            hit = {f.record for f in check_document(doc, config)}
        finally:
            if patch:
                patch.stop()
        learned = not args.own and length_ratio("en", lang) != UNKNOWN_RATIO
        kind = "learned" if learned else ("none" if ratio is None else
                                          "unknown" if ratio == UNKNOWN_RATIO else "document")
        dropped = [str(i) for i, (_, _, d) in enumerate(rows) if d]
        found = sum(r in hit for r in dropped)
        clean = len(hit) - found
        shown = f"{2.718281828 ** ratio[0]:.2f}, {ratio[1]:.3f}" if ratio else "-"
        recall = f"{found / len(dropped):.2f}" if dropped else "-"
        print(f"| {lang} | {len(rows)} | {len(dropped)} | {recall} | {clean} | {kind} | {shown} |")


if __name__ == "__main__":
    main()
