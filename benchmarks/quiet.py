#!/usr/bin/env python3
"""Quietness on human text: findings per 10,000 words on clean human translations and treebanks.

Human references of WMT22/WMT24 (field ``reference``, checked as the translation of its
``source``, records grouped by ``doc_id``) and the UD treebank sentences of ``../shared/data/ud``
are checked with every rule. Doubled spaces (MT203), which human text has too, are true findings
and reported apart, outside the rate. The goal (issue 2): at most 1 finding per 10,000 words per
language.

    python benchmarks/quiet.py [--data ../shared/data] [--show 20] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from itertools import groupby
from pathlib import Path

from mtcheck.checker import check_document
from mtcheck.config import Config
from mtcheck.document import Document
from mtcheck.languages import available

LEFT_OUT = {"MT203"}  # doubled spaces: true findings on human text too


def corpora(data: Path):
    """Yield (language, corpus name, list of documents as lists of (id, text, source))."""
    for path in sorted(data.glob("wmt2*/*.jsonl")):
        rows = [json.loads(line) for line in path.open(encoding="utf-8")]
        lang = rows[0]["target_lang"]
        if lang not in available():
            continue
        docs = [[(r["id"], r["reference"], r.get("source")) for r in group]
                for _, group in groupby(rows, key=lambda r: r.get("doc_id"))]
        yield lang, f"{path.parent.name}/{path.name}", docs
    for path in sorted((data / "ud").glob("*-*.jsonl")):
        rows = [json.loads(line) for line in path.open(encoding="utf-8")]
        lang = rows[0]["lang"]
        # Treebanks without document ids (the GSD files) are checked as one running text, as a
        # one-sentence-per-line file would be: a quote may close in the next sentence.
        docs = [[(r["id"], r["text"], None) for r in group]
                for _, group in groupby(rows, key=lambda r: r.get("doc_id"))]
        yield lang, f"ud/{path.name}", docs


def run(data: Path, show: int = 0, seed: int = 1) -> dict:
    config = Config()
    words, counted, left_out = Counter(), Counter(), Counter()
    by_code: dict[str, Counter] = defaultdict(Counter)
    examples = []
    for lang, name, docs in corpora(data):
        for doc_records in docs:
            ids, texts, sources = zip(*doc_records)
            doc = Document.from_records(list(texts), list(ids), list(range(1, len(ids) + 1)), lang,
                                        path=name, sources=list(sources))
            words[lang] += sum(len(t.split()) for t in texts)
            for f in check_document(doc, config):
                if f.code in LEFT_OUT:
                    left_out[lang] += 1
                    continue
                counted[lang] += 1
                by_code[lang][f.code] += 1
                text = texts[ids.index(f.record)]
                examples.append((lang, name, f.record, f.code, f.message,
                                 text[max(0, f.start - 40): f.end + 40]))
    report = {lang: {"words": words[lang], "findings": counted[lang],
                     "per_10k_words": round(10000 * counted[lang] / max(words[lang], 1), 3),
                     "doubled_spaces": left_out[lang], "by_code": dict(by_code[lang].most_common())}
              for lang in sorted(words)}
    if show:
        random.Random(seed).shuffle(examples)
        for ex in examples[:show]:
            print(" | ".join(map(str, ex[:5])), "|", repr(ex[5]), file=sys.stderr)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[1] / ".." / "shared" / "data")
    parser.add_argument("--show", type=int, default=0, help="print this many random findings to stderr")
    parser.add_argument("--json", type=Path, help="write the report here")
    args = parser.parse_args()
    report = run(args.data, args.show)
    print(f"{'lang':<5} {'words':>9} {'findings':>9} {'per 10k':>8} {'doubled sp.':>11}  by code")
    for lang, r in report.items():
        print(f"{lang:<5} {r['words']:>9} {r['findings']:>9} {r['per_10k_words']:>8} {r['doubled_spaces']:>11}  {r['by_code']}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
