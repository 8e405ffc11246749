"""Where a word stands in its sentence, for the casing rules and for the build of their data.

Casing is only judged mid-sentence, where the language's own rules decide: the first word of a
sentence, of a line, after a colon, a quote mark or a bracket may be capitalized for reasons of
its own. A word is *mid-sentence* here when the token before it, on the same line, is a word in
lower case, a number, or a comma or semicolon. That is stricter than a sentence splitter and
needs no abbreviation list.

>>> [w for _, _, w in mid_sentence_words("Troops left Kyiv on Monday. Then, slowly, Paris")]
['Kyiv', 'Monday', 'slowly', 'Paris']
"""

from __future__ import annotations

import unicodedata
from typing import Iterator

import regex

# A word of letters, not touching digits, apostrophes, hyphens, dots inside a token, @, #, /, _
# or masked (protected) text, so parts of names such as `pro-Russian`, `O'Neil` and of web
# addresses are never judged.
WORD = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}_'’\-./@#&\ue000])(\p{L}[\p{L}\p{M}]*)(?![\p{L}\p{M}\p{N}_'’\-/@\ue000]|\.\p{L})"
)
# The same, also after an elided article or preposition (French `l'économie`, Italian
# `dell'anno`): the part after the apostrophe is a word of its own. Rules that look at lower-case
# words use it; a capital after an apostrophe is left alone (`O'Neil`).
WORD_OR_ELIDED = regex.compile(
    WORD.pattern + r"|(?<=(?<![\p{L}\p{M}\p{N}_'’\-./@#&\ue000])\p{L}{1,4}['’])\p{Ll}[\p{L}\p{M}]*"
    r"(?![\p{L}\p{M}\p{N}_'’\-/@\ue000]|\.\p{L})"
)
_BEFORE = regex.compile(r"(?:(?<![\p{L}\p{M}\p{N}_'’\-./@#&\ue000])(?:\p{Ll}[\p{L}\p{M}]*|\p{N}+)|[,;])[ \t]+$")


def mid_sentence_words(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, word) for every mid-sentence word of ``text``.

    A text without any capital letter (chat, all-lower-case styling) has no casing to judge
    and yields nothing.

    >>> list(mid_sentence_words("it rains in paris"))
    []
    """
    if not any(ch.isupper() for ch in text):
        return
    for m in WORD.finditer(text):
        start = m.start()
        if _BEFORE.search(text, max(0, start - 40), start):
            yield start, m.end(), m.group()


def lower_case_words(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, word) for every word in lower case, wherever it stands: a name in lower
    case is wrong mid-sentence and at its start alike (``Olaf scholz``, ``kyiv is``). As above, a
    text without any capital letter yields nothing.

    >>> [w for _, _, w in lower_case_words("Olaf scholz visita l'italie")]
    ['scholz', 'visita', 'italie']
    """
    if not any(ch.isupper() for ch in text):
        return
    for m in WORD_OR_ELIDED.finditer(text):
        if m.group().islower():
            yield m.start(), m.end(), m.group()


def strip_accents(word: str, keep: set[str] = frozenset()) -> str:
    """``también`` → ``tambien``; letters of other scripts are kept (Russian ``й``, ``ё``), and
    so are the letters in ``keep``.

    >>> strip_accents("maîtrisé"), strip_accents("maîtrisé", keep={"é"})
    ('maitrise', 'maitrisé')
    """
    out = []
    for ch in word:
        base = unicodedata.normalize("NFD", ch)
        out.append(base[0] if base[0].isascii() and ch not in keep else ch)
    return "".join(out)


def in_language(text: str, start: int, end: int, zipf, known: float = 3.0) -> bool:
    """Is the word at ``text[start:end]`` among words of the language: more than half of the two
    words on either side frequent in it (``zipf``: word → Zipf frequency)? A quotation in another
    language is not (German text quoting `Metti, una sera a cena`).

    >>> frequent = {"die", "zahl", "der", "ist", "im"}.__contains__
    >>> in_language("Die Zahl der firmenpleiten ist im Mai", 13, 26, lambda w: 5.0 * frequent(w))
    True
    >>> in_language("Lied Metti, una sera a cena war", 16, 20, lambda w: 5.0 * frequent(w))
    False
    """
    around = [m.group() for m in WORD.finditer(text, max(0, start - 40), start)][-2:]
    around += [m.group() for m in WORD.finditer(text, end, end + 40)][:2]
    return 2 * sum(zipf(w.lower()) >= known for w in around) > len(around) or not around

