"""Mojibake made on purpose: clean text garbled the ways text is garbled in the wild, for
measuring MT301 against ftfy (``tests/test_mojibake_reference.py``, ``benchmarks/mojibake.py``).

Each way is a pure function of the text (and, for one word, of a seeded choice):

- ``cp1252``: UTF-8 read as Windows-1252 (`situaciÃ³n`), bytes it lacks read as Latin-1;
- ``latin-1``: UTF-8 read as Latin-1 (`â\\x80\\x99` for `’`: C1 controls among the letters);
- ``double``: read as Windows-1252 twice (`situaciÃƒÂ³n`);
- ``one word``: one word only, as Windows-1252 (a name pasted from elsewhere);
- ``regional``: UTF-8 read in the code page of the language's region (cp1250, cp1251, …);
- ``C1 marks``: Windows-1252 quotes, dashes and ellipsis read as Latin-1 in text otherwise
  right (`\\x93hello\\x94`); a text without such a mark gets an ellipsis at its end first.
"""

from __future__ import annotations

import random

import regex

from mtcheck.rules.encoding import sloppy_decode

# The code page a language's own region used, among those ftfy repairs (not Hebrew's cp1255 or
# Arabic's cp1256: ftfy does not know them, and its badness measure finds nothing wrong there).
REGIONAL = {"pl": "cp1250", "cs": "cp1250", "sk": "cp1250", "hu": "cp1250", "ro": "cp1250",
            "sl": "cp1250", "hr": "cp1250", "ru": "cp1251", "uk": "cp1251", "bg": "cp1251",
            "mk": "cp1251", "el": "cp1253", "tr": "cp1254", "lt": "cp1257", "lv": "cp1257",
            "et": "cp1257"}

# Windows-1252's marks, as their bytes read as Latin-1: the C1 controls of such text.
C1_OF = {mark: mark.encode("cp1252").decode("latin-1") for mark in "“”„‘’–—…"}
SENTENCE_ENDS = ".。।"
# Scripts whose text writes its own full-width marks, not Windows-1252's.
FULL_WIDTH_SCRIPTS = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")


def utf8_read_as(text: str, codec: str) -> str:
    """``text`` written in UTF-8 and read in ``codec`` (Latin-1 where the code page has no
    character, as browsers and ftfy's sloppy codecs do).

    >>> utf8_read_as("situación", "cp1252"), utf8_read_as("it’s", "latin-1")
    ('situaciÃ³n', 'itâ\\x80\\x99s')
    """
    return sloppy_decode(text.encode("utf-8"), codec)


def one_word(text: str, rng: random.Random | None = None) -> str:
    """One word that UTF-8 writes in more than one byte garbled alone (the first, or one chosen
    by ``rng``), as Windows-1252; ``text`` itself if it has none.

    >>> one_word("Čeština je úřední jazyk.")
    'ÄŒeÅ¡tina je úřední jazyk.'
    """
    words = text.split(" ")
    candidates = [i for i, word in enumerate(words) if not word.isascii()]
    if not candidates:
        return text
    i = rng.choice(candidates) if rng else candidates[0]
    words[i] = utf8_read_as(words[i], "cp1252")
    return " ".join(words)


def with_c1_mark(text: str) -> str:
    """``text``, or, where it has no Windows-1252 quote, dash or ellipsis, ``text`` ending in an
    ellipsis (quotation marks differ by language: English ones in a Russian sentence would be
    another rule's finding).

    >>> with_c1_mark("Il a dit oui."), with_c1_mark("He said “yes”.")
    ('Il a dit oui…', 'He said “yes”.')
    """
    if any(mark in text for mark in C1_OF) or not text:
        return text
    return text[:-1] + "…" if text[-1] in SENTENCE_ENDS else text + "…"


def c1_marks(text: str) -> str:
    """Windows-1252 quotes, dashes and ellipsis read as Latin-1, in text otherwise right.

    >>> c1_marks("He said “yes”…")
    'He said \\x93yes\\x94\\x85'
    """
    return "".join(C1_OF.get(c, c) for c in text)


def garblings(lang: str, text: str, rng: random.Random | None = None) -> list[tuple[str, str, str]]:
    """(way, clean text, garbled text) for each way that changes ``text``; the clean text is
    ``text`` itself but for ``C1 marks`` (``with_c1_mark``), made only for text in a script
    that writes such marks (not Chinese, Japanese or Korean).

    >>> [way for way, _, _ in garblings("pl", "Władze miasta.")]
    ['cp1252', 'latin-1', 'double', 'one word', 'cp1250', 'C1 marks']
    """
    out = [("cp1252", text, utf8_read_as(text, "cp1252")), ("latin-1", text, utf8_read_as(text, "latin-1")),
           ("double", text, utf8_read_as(utf8_read_as(text, "cp1252"), "cp1252")),
           ("one word", text, one_word(text, rng))]
    if lang in REGIONAL:
        out.append((REGIONAL[lang], text, utf8_read_as(text, REGIONAL[lang])))
    if not FULL_WIDTH_SCRIPTS.search(text):
        clean = with_c1_mark(text)
        out.append(("C1 marks", clean, c1_marks(clean)))
    return [(way, clean, garbled) for way, clean, garbled in out if garbled != clean]
