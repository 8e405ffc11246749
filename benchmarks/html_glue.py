"""MT107 glued-at-tag on HTML made from held-out treebank sentences.

Each sentence becomes a paragraph of an HTML page with one word (or two) wrapped in an inline
tag (`<b>`, `<i>`, `<a href>`, `<span class>`), the spaces kept: the clean page, where every
finding is a false alarm. Then one space next to that tag is deleted (after the closing tag or
before the opening one, seeded): the glued page, where a finding at that place is a hit.

    python benchmarks/html_glue.py [--data ../shared/data] [--langs en de ...] [--n 300]

Reports per language: recall, precision (findings on both pages), false alarms per 10,000 words
of the clean pages.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from mtcheck.checker import check_document  # noqa: E402
from mtcheck.config import Config  # noqa: E402
from mtcheck.document import Document  # noqa: E402
from segmentation import sentences  # noqa: E402

TAGS = [("<b>", "</b>"), ("<i>", "</i>"), ('<a href="/x">', "</a>"), ('<span class="k">', "</span>")]
WORD = regex.compile(r"(?<![\p{L}\p{M}\p{N}'’\-])\p{L}[\p{L}\p{M}]*(?![\p{L}\p{M}\p{N}'’\-])")


def pages(text: str, rng: random.Random) -> tuple[str, str, int] | None:
    """(clean page, glued page, where the space was lost in the glued page's text), or None."""
    words = list(WORD.finditer(text))
    if len(words) < 4:
        return None
    i = rng.randrange(1, len(words) - 2)
    first, last = words[i], words[i + rng.randrange(0, 2)]
    open_, close = rng.choice(TAGS)
    before, inner, after = text[:first.start()], text[first.start():last.end()], text[last.end():]
    clean = f"<p>{before}{open_}{inner}{close}{after}</p>"
    if rng.random() < 0.5 and after.startswith(" "):
        glued = f"<p>{before}{open_}{inner}{close}{after[1:]}</p>"
        at = len(f"<p>{before}{open_}{inner}{close}")
    elif before.endswith(" "):
        glued = f"<p>{before[:-1]}{open_}{inner}{close}{after}</p>"
        at = len(f"<p>{before[:-1]}")
    else:
        return None
    return clean, glued, at


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--langs", nargs="*", default=["en", "de", "es", "fr", "it", "nl", "pt", "ru", "cs", "pl"])
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    config = Config(select=("MT107",))
    print("| language | cases | recall | precision | false per 10k |\n|---|---:|---:|---:|---:|")
    for lang in args.langs:
        rng = random.Random(f"{args.seed}:{lang}")
        rows = [t for _, t in sentences(args.data, lang, "held-out")]
        rng.shuffle(rows)
        hits = false = cases = words = 0
        for text in rows:
            made = pages(text, rng)
            if made is None:
                continue
            clean, glued, at = made
            cases += 1
            words += len(WORD.findall(text))
            false += len(check_document(Document(clean, lang, html=True), config))
            found = check_document(Document(glued, lang, html=True), config)
            hit = [f for f in found if f.start - 12 <= at <= f.end + 12]
            hits += bool(hit)
            false += len(found) - len(hit[:1])
            if cases == args.n:
                break
        precision = hits / (hits + false) if hits + false else 1.0
        print(f"| {lang} | {cases} | {hits / cases:.2f} | {precision:.3f} | {false / words * 10_000:.2f} |")


if __name__ == "__main__":
    main()
