#!/usr/bin/env python3
"""The fix invariants of tests/test_invariants.py, long profile: 5,000 generated texts per language.

Each broken invariant is counted per language, with the shortest text that broke it (hypothesis
generates, no shrinking: the counts are of what was generated). Exit 1 when any broke.

    python benchmarks/invariants.py [--texts 5000] [--lang de] [--seed 0]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, seed, settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from invariant_texts import LANGS, invariants, texts  # noqa: E402


def run(lang: str, count: int, random_seed: int) -> tuple[Counter, dict[str, tuple[str, str]]]:
    """(invariant → texts that broke it, invariant → (shortest such text, detail)) for ``lang``."""
    broken: Counter = Counter()
    shortest: dict[str, tuple[str, str]] = {}

    @seed(random_seed)
    @settings(max_examples=count, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(texts(lang))
    def one(text: str) -> None:
        try:
            found = invariants(text, lang)
        except Exception as exc:  # the first invariant: no exception
            found = [("no-exception", repr(exc))]
        for name, detail in found:
            broken[name] += 1
            if name not in shortest or len(text) < len(shortest[name][0]):
                shortest[name] = (text, detail)

    one()
    return broken, shortest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=5000, help="texts per language")
    parser.add_argument("--lang", action="append", help="a language (repeatable; default: all)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    total = 0
    for lang in args.lang or LANGS:
        started = time.perf_counter()
        broken, shortest = run(lang, args.texts, args.seed)
        total += sum(broken.values())
        print(f"{lang}: {args.texts} texts, {sum(broken.values())} broken invariants "
              f"({time.perf_counter() - started:.0f} s)")
        for name, n in broken.most_common():
            text, detail = shortest[name]
            print(f"  {name}: {n}; shortest {text!r}: {detail}")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
