"""Training examples for the spaces model: clean text, spaces lost and added the way MT and web
extraction lose and add them, and a label for every character of the result.

Labels, per character of the corrupted text:

- ``KEEP`` (0): nothing to do here;
- ``SPACE`` (1): a space is missing before this character (``disappearedin``: on the ``i``);
- ``SENTENCE`` (2): a period and a space are missing before it (``injuredThey``: on the ``T``);
- ``EXTRA`` (3): this character is a space that should not be there (``govern ment``).

    >>> corrupted([("a", 0), (" ", 0), ("b", 0)], [("delete", 1)])
    [('a', 0), ('b', 1)]
    >>> corrupted([("a", 0), ("b", 0), ("c", 0)], [("split", 2)])
    [('a', 0), ('b', 0), (' ', 3), ('c', 0)]
"""

from __future__ import annotations

import random
from collections.abc import Sequence

import regex

KEEP, SPACE, SENTENCE, EXTRA = 0, 1, 2, 3
LABELS = ("keep", "space", "sentence", "extra")
CLEAN_SHARE = 0.25  # texts left as they are: most text the linter sees is clean

GAP = regex.compile(r"(?<=\p{L}\p{M}*) (?=\p{L})")
LONG_WORD = regex.compile(r"(?<![\p{L}\p{M}\p{N}_'’\-.@/])\p{L}[\p{L}\p{M}]{4,}(?![\p{L}\p{M}\p{N}_'’\-@/])")
SENTENCE_GAP = regex.compile(r"(?<=\p{Ll}{2})\. (?=\p{Lu}\p{Ll})")


def corrupted(chars: list[tuple[str, int]], edits: Sequence[tuple[str, int]]) -> list[tuple[str, int]]:
    """Apply edits to (character, label) pairs, right to left so that positions stay valid:
    ``("delete", i)`` drops the space at ``i`` (the next character gets ``SPACE``),
    ``("sentence", i)`` drops the ``. `` at ``i`` (the next one gets ``SENTENCE``),
    ``("split", i)`` puts an ``EXTRA`` space before ``i``."""
    out = list(chars)
    for kind, i in sorted(edits, key=lambda e: -e[1]):
        if kind == "delete":
            del out[i]
            out[i] = (out[i][0], SPACE)
        elif kind == "sentence":
            del out[i:i + 2]
            out[i] = (out[i][0], SENTENCE)
        else:
            out.insert(i, (" ", EXTRA))
    return out


def corrupt(text: str, function_words: set[str], rng: random.Random, most: int = 3) -> tuple[str, list[int]]:
    """``text`` with up to ``most`` artifacts (none in CLEAN_SHARE of the draws), and its labels.

    A lost space is next to a function word half the time (``disappearedin``), anywhere between
    two letters otherwise (a link or tag boundary: ``Bristolin``); two sentences lose their
    period and space; a word of five letters or more is cut at least two letters from its ends
    (a line-break hyphen lost)."""
    chars = [(c, KEEP) for c in text]
    if rng.random() < CLEAN_SHARE:
        return text, [KEEP] * len(text)
    gaps = [m.start() for m in GAP.finditer(text)]
    function = [g for g in gaps if _word_at(text, g, -1).lower() in function_words
                or _word_at(text, g, 1).lower() in function_words]
    sentence = [m.start() for m in SENTENCE_GAP.finditer(text)]
    words = list(LONG_WORD.finditer(text))
    edits: list[tuple[str, int]] = []
    taken: set[int] = set()
    for _ in range(rng.randint(1, most)):
        kind = rng.choices(("function", "link", "sentence", "split"), (3, 3, 2, 3))[0]
        if kind == "sentence" and sentence:
            at, edit = rng.choice(sentence), "sentence"
        elif kind == "split" and words:
            m = rng.choice(words)
            at, edit = m.start() + rng.randrange(2, len(m.group()) - 1), "split"
        elif kind == "function" and function:
            at, edit = rng.choice(function), "delete"
        elif gaps:
            at, edit = rng.choice(gaps), "delete"
        else:
            continue
        # Artifacts apart from each other: a corruption next to another reads as neither.
        if any(abs(at - t) < 3 for t in taken):
            continue
        taken.add(at)
        edits.append((edit, at))
    out = corrupted(chars, edits)
    return "".join(c for c, _ in out), [label for _, label in out]


def _word_at(text: str, gap: int, side: int) -> str:
    """The letters before (side -1) or after (side 1) the space at ``gap``."""
    if side < 0:
        m = regex.search(r"[\p{L}\p{M}]+$", text[:gap])
    else:
        m = regex.match(r"[\p{L}\p{M}]+", text[gap + 1:])
    return m.group() if m else ""
