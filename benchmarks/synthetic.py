#!/usr/bin/env python3
"""Synthetic corruption benchmark: recall, precision and exact fixes per language and category.

Clean text: the UD PUD parallel sentences of ``../shared/data/ud/pud.jsonl`` (en, de, es, fr, it,
pt, ru; professional translations, with English as the source of the others and German as the
source of English) and the Dutch Alpino treebank (no source: the source-aware categories are not
run for nl). Consecutive sentences of a document make one short text: two sentences, a blank
line, a third (so sentence- and paragraph-level corruptions have room). Each text is corrupted
once per category (``mtcheck/corrupt.py``, seeded) and checked with all rules
(``mtcheck/synthetic.py`` says what is counted).

    python benchmarks/synthetic.py [--data ../shared/data] [--texts 150] [--seed 0] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import time
from itertools import groupby
from pathlib import Path

from mtcheck.synthetic.corrupt import CORRUPTORS
from mtcheck.languages import get_language
from mtcheck.synthetic.benchmark import evaluate

LANGS = ("en", "de", "es", "fr", "it", "pt", "ru", "nl")


def texts(data: Path, lang: str, limit: int) -> list[tuple[str, str | None]]:
    """Up to ``limit`` (text, source) pairs of three consecutive sentences of one document."""
    if lang == "nl":
        rows = [json.loads(line) for line in (data / "ud" / "nl-alpino.jsonl").open(encoding="utf-8")]
        sentences = [[(r["text"], None) for r in group] for _, group in groupby(rows, key=lambda r: r["doc_id"])]
    else:
        source_lang = "de" if lang == "en" else "en"
        rows = [json.loads(line) for line in (data / "ud" / "pud.jsonl").open(encoding="utf-8")]
        sentences = [[(r["texts"][lang], r["texts"][source_lang]) for r in group]
                     for _, group in groupby(rows, key=lambda r: r["doc_id"])]
    out = []
    for doc in sentences:
        for i in range(0, len(doc) - 2, 3):
            (a, sa), (b, sb), (c, sc) = doc[i:i + 3]
            source = f"{sa} {sb}\n\n{sc}" if sa else None
            out.append((f"{a} {b}\n\n{c}", source))
    return out[:limit]


def run(data: Path, limit: int, seed: int) -> dict:
    report = {}
    for lang in LANGS:
        source_lang = None if lang == "nl" else ("de" if lang == "en" else "en")
        results = evaluate(texts(data, lang, limit), get_language(lang), source_lang=source_lang, seed=seed)
        report[lang] = {cat: results[cat].to_dict() for cat in sorted(CORRUPTORS) if cat in results}
    return report


def fmt(x) -> str:
    return "–" if x is None else f"{x:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[1] / ".." / "shared" / "data")
    parser.add_argument("--texts", type=int, default=150, help="texts per language")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    started = time.perf_counter()
    report = run(args.data, args.texts, args.seed)
    categories = sorted(CORRUPTORS)
    for measure in ("recall", "precision", "exact_fix_rate"):
        print(f"\n### {measure.replace('_', ' ')}\n")
        print("| category | " + " | ".join(LANGS) + " |\n|---|" + "---:|" * len(LANGS))
        for cat in categories:
            print(f"| {cat} | " + " | ".join(fmt(report[lang].get(cat, {}).get(measure)) for lang in LANGS) + " |")
    print("\nclean-text findings per category (all languages):",
          {cat: sum(report[lang].get(cat, {}).get("clean_findings", 0) for lang in LANGS) for cat in categories})
    print(f"\n{time.perf_counter() - started:.0f} s")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
