#!/usr/bin/env python3
"""Build ``mtcheck/languages/length_ratios.tsv``: how long a human translation is, per language pair.

For every (source language, target language) pair with human translations in ``../shared/data``
(the WMT22 and WMT24 references with their sources, the WMT MQM references, and every pair of
languages of the parallel UD PUD sentences), the mean and standard deviation of
log(target characters / source characters), white space not counted, over all segments. The
aligner uses the mean as Gale and Church's length ratio; the omission rule flags a translation
shorter than the mean by more than a number of standard deviations chosen on the same data.

    python scripts/build_length_ratios.py [--data ../shared/data] [--out mtcheck/languages/length_ratios.tsv]
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import statistics
from collections import defaultdict
from pathlib import Path

from mtcheck.text.align import nonspace_length as chars  # what the aligner and the omission rule count

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "mtcheck" / "languages" / "length_ratios.tsv"
MIN_CHARS = 20  # very short segments (headlines, "Thanks!") say little about a pair's ratio


def pairs(data: Path):
    """(source_lang, target_lang, source, human translation) from every parallel file."""
    for path in sorted((data / "wmt22").glob("*.jsonl")) + sorted((data / "wmt24").glob("*.jsonl")):
        for line in path.open(encoding="utf-8"):
            r = json.loads(line)
            yield r["source_lang"], r["target_lang"], r["source"], r["reference"]
    seen = set()
    for path in sorted((data / "wmt-mqm").glob("*.jsonl")):
        for line in path.open(encoding="utf-8"):
            r = json.loads(line)
            key = (r["source_lang"], r["target_lang"], r["doc"], r["seg_id"])
            if key not in seen and r.get("reference"):
                seen.add(key)
                yield r["source_lang"], r["target_lang"], r["source"], r["reference"]
    pud = data / "ud" / "pud.jsonl"
    if pud.exists():
        for line in pud.open(encoding="utf-8"):
            texts = json.loads(line)["texts"]
            for a, b in itertools.permutations(sorted(texts), 2):
                yield a, b, texts[a], texts[b]


def build(data: Path) -> str:
    logs: dict[tuple[str, str], list[float]] = defaultdict(list)
    for src_lang, tgt_lang, src, tgt in pairs(data):
        if chars(src) >= MIN_CHARS and chars(tgt) >= MIN_CHARS:
            logs[(src_lang, tgt_lang)].append(math.log(chars(tgt) / chars(src)))
    lines = ["# source\ttarget\tmean log(target/source chars)\tstandard deviation\tsegments "
             "(built by scripts/build_length_ratios.py from the human translations of ../shared/data)"]
    for (src_lang, tgt_lang), values in sorted(logs.items()):
        if len(values) >= 100:
            lines.append(f"{src_lang}\t{tgt_lang}\t{statistics.fmean(values):.3f}\t"
                         f"{statistics.stdev(values):.3f}\t{len(values)}")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    args.out.write_text(build(args.data), encoding="utf-8")
    print(args.out.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
