"""Where a word stands in its sentence, for the casing rules and for the build of their data.

A capital is only judged mid-sentence, where the language's own rules decide: the first word
of a sentence, of a line, after a colon, a quote mark or a bracket may be capitalized for reasons
of its own. A word is *mid-sentence* here when the token before it, on the same line, is a word in
lower case, a number, or a comma or semicolon. That is stricter than a sentence splitter and
needs no abbreviation list.

>>> [w for _, _, w in mid_sentence_words("Troops left Kharkiv on Monday. Then, slowly, Paris")]
['Kharkiv', 'Monday', 'slowly', 'Paris']

A name in lower case, though, is wrong anywhere, mid-sentence and at its start alike (``Olaf
scholz``, ``kharkiv is``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import lru_cache

import regex

from mtcheck.text.chars import QUOTE_MARKS

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
# A word in lower case before the word judged, after an elided article as WORD_OR_ELIDED reads
# it (Italian `l'esercito Ucraino`, French `l'armée Russe` are mid-sentence).
_BEFORE = regex.compile(r"(?:(?<![\p{L}\p{M}\p{N}_'’\-./@#&\ue000])(?:\p{L}{1,4}['’])?(?:\p{Ll}[\p{L}\p{M}]*|\p{N}+)|[,;])[ \t]+$")


def is_mid_sentence(text: str, start: int) -> bool:
    """Does the word at ``start`` stand mid-sentence: after a word in lower case, a number, or a
    comma or semicolon, on the same line?

    >>> text = "Troops left Kharkiv on Monday. Then, slowly, Paris"
    >>> [text[i:i + 7] for i in (12, 31, 37, 45)], [is_mid_sentence(text, i) for i in (12, 31, 37, 45)]
    (['Kharkiv', 'Then, s', 'slowly,', 'Paris'], [True, False, True, True])
    """
    return _BEFORE.search(text, max(0, start - 40), start) is not None


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
        if is_mid_sentence(text, m.start()):
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


# Where a phrase ends for in_language: quote marks, brackets and sentence punctuation.
MIN_FOREIGN = 2  # one foreign-looking word is chance (French `à la fin`, Spanish `fin`)
_PHRASE_END = regex.compile(f"[{regex.escape(QUOTE_MARKS)}()\\[\\].!?;:]")


def in_language(text: str, start: int, end: int, own: frozenset[str], foreign: frozenset[str]) -> bool:
    """Is the word at ``text[start:end]`` in a phrase of the language? Up to five words on either
    side, not past a quote mark or sentence punctuation, are counted as function words of this
    language only (``own``) or of other languages only (``foreign``, see ``function_words``);
    more foreign ones, and at least MIN_FOREIGN, mark a quotation in another language (German text quoting `No man is an
    island` or `Metti, una sera a cena`).

    >>> own, foreign = frozenset({"die", "der", "ist", "im", "zu"}), frozenset({"is", "a", "una", "no"})
    >>> in_language("Die Zahl der firmenpleiten ist im Mai", 13, 26, own, foreign)
    True
    >>> in_language('Er zitiert "No man is a island" gern', 24, 30, own, foreign)
    False
    """
    before = _PHRASE_END.split(text[max(0, start - 60):start])[-1]
    after = _PHRASE_END.split(text[end:end + 60])[0]
    around = [m.group().lower() for m in WORD.finditer(before)][-5:] + [m.group().lower() for m in WORD.finditer(after)][:5]
    foreign_count = sum(w in foreign for w in around)
    return foreign_count < MIN_FOREIGN or foreign_count <= sum(w in own for w in around)


@lru_cache(maxsize=None)
def function_words(code: str) -> tuple[frozenset[str], frozenset[str]]:
    """(function words of this language only, function words of other languages only): the
    languages' glue words, without those they share (`an`, `in` are English and German)."""
    from mtcheck.languages import available, glue_words

    own = set(glue_words(code))
    others = {w for other in available() if other != code for w in glue_words(other)}
    return frozenset(own - others), frozenset(others - own)
