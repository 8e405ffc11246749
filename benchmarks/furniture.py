#!/usr/bin/env python3
"""Page-furniture rules on human articles laid out as text files: findings per 10,000 words.

The rules that judge paragraphs by their place in a text file (web-boilerplate MT501 with the
list under a heading, photo-caption MT503) never see records, so here every document of the
human references (WMT22/WMT24 ``reference``, grouped by ``doc_id``) and of the UD treebanks with
documents is written as a text file would be, one segment a paragraph, and checked with those
rules alone. Every finding on this text is false: human articles carry no furniture.

    python benchmarks/furniture.py [--data ../shared/data] [--show 20]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from quiet import corpora  # run as a script: its folder is on sys.path
from mtcheck.checker import check_document
from mtcheck.config import Config
from mtcheck.document import Document

CODES = ("MT501", "MT503")


def run(data: Path, show: int = 0) -> dict:
    config = Config(select=list(CODES))
    words, found = Counter(), Counter()
    shown = 0
    for lang, name, docs in corpora(data):
        for records in docs:
            texts = [text for _, text, _ in records]
            if len(texts) < 2:
                continue
            doc = Document("\n\n".join(texts), lang, path=name)
            words[lang] += sum(len(t.split()) for t in texts)
            for f in check_document(doc, config):
                found[lang, f.code] += 1
                if shown < show:
                    shown += 1
                    print(f"{lang} {name} {f.code} {doc.text[f.start:f.end]!r}", file=sys.stderr)
    return {lang: {"words": n, **{code: found[lang, code] for code in CODES},
                   "per_10k_words": round(10000 * sum(found[lang, c] for c in CODES) / n, 3)}
            for lang, n in sorted(words.items())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[1] / ".." / "shared" / "data")
    parser.add_argument("--show", type=int, default=0, help="print this many findings to stderr")
    args = parser.parse_args()
    print(f"{'lang':<5} {'words':>9} " + " ".join(f"{c:>6}" for c in CODES) + f" {'per 10k':>8}")
    for lang, row in run(args.data, args.show).items():
        print(f"{lang:<5} {row['words']:>9} " + " ".join(f"{row[c]:>6}" for c in CODES) + f" {row['per_10k_words']:>8}")


if __name__ == "__main__":
    main()
