"""Tagged training examples from clean text: corrupt, then label every token by the gold span.

    >>> bio([(0, 3), (3, 6), (7, 9)], [(0, 6, "merged-words")])
    ['B-merged-words', 'I-merged-words', 'O']
    >>> bio([(0, 3), (3, 6), (7, 9)], [(7, 9, None)])  # a span the loss must not learn from
    ['O', 'O', 'ignore']
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence

from mtcheck.synthetic.corrupt import corrupt
from mtcheck.languages import get_language
from mtcheck.model import TAGGED

IGNORE = "ignore"  # the tag of tokens the loss leaves out
CLEAN_SHARE = 0.2  # examples left clean: the model must learn to say nothing


def encode(sp, text: str) -> tuple[list[int], list[tuple[int, int]]]:
    """Piece ids of ``text`` under a sentencepiece processor, and the character span of each
    piece (sentencepiece reports byte offsets; identity normalization keeps them the text's)."""
    proto = sp.encode(text, out_type="immutable_proto")
    char_of, pos = [0] * (len(text.encode("utf-8")) + 1), 0
    for i, ch in enumerate(text):
        for _ in range(len(ch.encode("utf-8"))):
            char_of[pos] = i
            pos += 1
    char_of[-1] = len(text)
    return [p.id for p in proto.pieces], [(char_of[p.begin], char_of[p.end]) for p in proto.pieces]


def bio(offsets: Sequence[tuple[int, int]], spans: Iterable[tuple[int, int, str | None]]) -> list[str]:
    """A BIO tag for every token (character offsets): B on the first token overlapping a span,
    I on the next ones; an empty span (an insertion point) tags the token that starts there. A
    span of category None tags its tokens ``ignore`` (no tag of ours names it)."""
    tags = ["O"] * len(offsets)
    for start, end, category in spans:
        first = True
        for i, (a, b) in enumerate(offsets):
            inside = a < end and start < b if end > start else a <= start < max(b, a + 1)
            if inside:
                tags[i] = IGNORE if category is None else f"{'B' if first else 'I'}-{category}"
                first = False
    return tags


def examples(texts: Sequence[tuple[str, str]], seed: int) -> list[tuple[str, list[tuple[int, int, str]], str]]:
    """(text, gold spans, lang) for each (text, lang): corrupted in one drawn category, or left
    clean (CLEAN_SHARE); a text with no place for the drawn category stays clean."""
    rng = random.Random(seed)
    out = []
    for i, (text, lang) in enumerate(texts):
        if rng.random() < CLEAN_SHARE:
            out.append((text, [], lang))
            continue
        category = rng.choice(TAGGED)
        c = corrupt(text, category, get_language(lang), seed=seed * 7919 + i)
        out.append((c.text, [(c.start, c.end, c.category)], lang) if c else (text, [], lang))
    return out
