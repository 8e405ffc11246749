#!/usr/bin/env python3
"""The localization checks (MT701 placeholders, MT702 consistency, MT703 terminology) on WMT.

Each record of ``../shared/data/wmt22/*.jsonl`` (and WMT24 en-es, for Spanish) whose target language mtcheck has data for is
checked as the translation of its ``source``, records grouped by ``doc_id`` as the CLI groups
them: once with the human ``reference`` as the translation (the goal: at most 1 finding per
10,000 words per language for MT701 and MT702), and once with each system's output. WMT22
sources are anonymized with placeholders (``#PRS_ORG#``, ``#NAME#``, ``#NUMBER#``, ``#URL#``) and
hold a few URLs and e-mail addresses: what MT701 compares.

MT703 needs a glossary; ``--glossary terms.csv`` adds one (none is shipped: a glossary is a
client's, and the figures in docs/benchmarks.md, "Localization checks", use none).

    python benchmarks/localization.py [--data ../shared/data] [--show 15] [--glossary PATH]
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
from mtcheck.io.glossary import load_glossary
from mtcheck.languages import available

CODES = ("MT701", "MT702", "MT703")


def documents(path: Path, field: str):
    """(doc records, translations) per document; ``field`` is ``reference`` or a system name."""
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    for _, group in groupby(rows, key=lambda r: r.get("doc_id") or object()):
        group = list(group)
        texts = [r["reference"] if field == "reference" else r["systems"].get(field) for r in group]
        if all(t is not None for t in texts):
            yield group, texts


def run(data: Path, config: Config, show: int = 0, seed: int = 1) -> dict:
    words: Counter = Counter()
    found: dict = defaultdict(Counter)
    samples: dict = defaultdict(list)
    for path in sorted(data.glob("wmt2[24]/*.jsonl")):
        first = json.loads(path.open(encoding="utf-8").readline())
        lang = first["target_lang"]
        if lang not in available():
            continue
        for field in ["reference", *first["systems"]]:
            key = (f"{path.parent.name}:{path.stem}", field)
            for group, texts in documents(path, field):
                doc = Document.from_records(texts, [r["id"] for r in group], list(range(1, len(group) + 1)),
                                            lang, path=path.name, sources=[r["source"] for r in group],
                                            source_lang=first["source_lang"])
                words[key] += sum(len(t.split()) for t in texts)
                for f in check_document(doc, config):
                    found[key][f.code] += 1
                    source = next(r["source"] for r in group if r["id"] == f.record)
                    samples[field == "reference"].append((key[0], field, f.record, f.code, f.message,
                                                          source, f.text))
    if show:
        for is_reference in (True, False):
            pool = samples[is_reference]
            random.Random(seed).shuffle(pool)
            print(f"\n{'references' if is_reference else 'system outputs'}: {len(pool)} findings, "
                  f"{min(show, len(pool))} at random")
            for pair, field, record, code, message, source, text in pool[:show]:
                print(f"  {pair} {field} {record} {code}: {message}\n      src: {source[:150]!r}\n"
                      f"      mt:  {text[:150]!r}")
    return {"words": words, "found": found}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[1] / ".." / "shared" / "data")
    parser.add_argument("--show", type=int, default=0, help="print this many random findings of each side")
    parser.add_argument("--glossary", type=Path, action="append", default=[])
    args = parser.parse_args()
    config = Config(select=list(CODES))
    for path in args.glossary:
        config.add_glossary(load_glossary(path))
    report = run(args.data, config, args.show)
    words, found = report["words"], report["found"]
    print(f"\n{'pair':<12} {'translation':<16} {'words':>7}  " + "  ".join(f"{c:>5} {'/10k':>5}" for c in CODES))
    by_lang: dict = defaultdict(Counter)
    for (pair, field), n in sorted(words.items(), key=lambda kv: (kv[0][0], kv[0][1] != "reference", kv[0][1])):
        cells = "  ".join(f"{found[(pair, field)][c]:>5} {10000 * found[(pair, field)][c] / n:>5.2f}" for c in CODES)
        print(f"{pair:<12} {field:<16} {n:>7}  {cells}")
        if field == "reference":
            lang = pair.rsplit("-", 1)[1]
            by_lang[lang]["words"] += n
            for c in CODES:
                by_lang[lang][c] += found[(pair, field)][c]
    print(f"\nreferences by target language\n{'lang':<5} {'words':>7}  " + "  ".join(f"{c:>5} {'/10k':>5}" for c in CODES))
    for lang, row in sorted(by_lang.items()):
        print(f"{lang:<5} {row['words']:>7}  " + "  ".join(f"{row[c]:>5} {10000 * row[c] / row['words']:>5.2f}" for c in CODES))


if __name__ == "__main__":
    main()
