"""Synthetic corruption: the artifacts of machine translation, injected into clean human text.

Each corruptor takes a clean text (and, for the source-aware ones, its source) and returns a
:class:`Corruption`: the corrupted text, the gold span of the artifact in it, the taxonomy
category, and the gold fix (what the span must become to restore the clean text), or None when
the text offers no place for it. Every choice is drawn from a ``random.Random`` the caller seeds,
so a corpus corrupts the same way every time.

    >>> import random
    >>> from mtcheck.languages import get_language
    >>> c = CORRUPTORS["merged-words"]("The troops left the city on Monday.", random.Random(1), get_language("en"))
    >>> c.text, c.text[c.start:c.end], c.fix
    ('The troops leftthe city on Monday.', 'leftthe', 'left the')

The same generator feeds the synthetic benchmark (``benchmarks/synthetic.py``), ``mtcheck
corrupt``, and the training data of the tagger (``mtcheck.model``).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import asdict, dataclass

import regex

from mtcheck.languages import Language, all_boilerplate

_WORD = regex.compile(r"(?<![\p{L}\p{M}\p{N}_'’\-.@#&/])\p{L}[\p{L}\p{M}]*(?![\p{L}\p{M}\p{N}_'’\-/@])")
_SENTENCE_END = regex.compile(r"(?<=\p{Ll}{2})[.!?] (?=\p{Lu}\p{Ll})")
_HOMOGLYPHS = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у",
               "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y"}


@dataclass(frozen=True)
class Corruption:
    category: str
    text: str  # the corrupted text
    start: int  # gold span in ``text`` (start == end: something is missing at that point)
    end: int
    fix: str | None  # what text[start:end] must become to give the clean text back
    source: str | None = None  # the source, for the source-aware categories

    def restored(self) -> str:
        return self.text[:self.start] + (self.fix or "") + self.text[self.end:]

    def to_dict(self) -> dict:
        return asdict(self)


Corruptor = Callable[..., Corruption | None]
CORRUPTORS: dict[str, Corruptor] = {}
SOURCE_CATEGORIES = frozenset({"untranslated", "omission"})  # need the source text


def corruptor(category: str):
    def register(fn: Corruptor) -> Corruptor:
        CORRUPTORS[category] = fn
        return fn
    return register


def _replace(category: str, text: str, start: int, end: int, new: str, source: str | None = None) -> Corruption:
    """The corruption that writes ``new`` over ``text[start:end]``."""
    return Corruption(category, text[:start] + new + text[end:], start, start + len(new), text[start:end], source)


def _words(text: str, lang: Language, test=lambda m: True) -> list:
    return [m for m in _WORD.finditer(text) if test(m)]


# -- segmentation -------------------------------------------------------------------------------

@corruptor("merged-words")
def glue_words(text: str, rng: random.Random, lang: Language, source: str | None = None) -> Corruption | None:
    """Two words lose the space between them: ``the city on`` → ``the cityon``. The pair is one
    a reader splits without doubt: the second is a short function word of the language."""
    glue = lang.glue_words
    pairs = [(a, b) for a, b in zip(_words(text, lang), _words(text, lang)[1:])
             if text[a.end():b.start()] == " " and b.group() in glue and len(a.group()) >= 4 and a.group().islower()]
    if not pairs:
        return None
    a, b = rng.choice(pairs)
    return _replace("merged-words", text, a.start(), b.end(), a.group() + b.group())


@corruptor("missing-sentence-boundary")
def glue_sentences(text: str, rng: random.Random, lang: Language, source: str | None = None) -> Corruption | None:
    """Two sentences lose their period and space: ``injured. They`` → ``injuredThey``."""
    ends = list(_SENTENCE_END.finditer(text))
    if not ends:
        return None
    m = rng.choice(ends)
    before = _WORD.search(text[:m.start()][::-1])  # the word before, reversed
    start = m.start() - len(before.group()) if before else m.start()
    after = _WORD.match(text, m.end())
    end = after.end() if after else m.end()
    return _replace("missing-sentence-boundary", text, start, end, text[start:m.start()] + text[m.end():end])


@corruptor("split-word")
def split_word(text: str, rng: random.Random, lang: Language, source: str | None = None) -> Corruption | None:
    """A long word broken in two: ``government`` → ``govern ment``."""
    long = _words(text, lang, lambda m: len(m.group()) >= 9 and m.group().islower())
    if not long:
        return None
    m = rng.choice(long)
    cut = rng.randrange(4, len(m.group()) - 3)
    return _replace("split-word", text, m.start(), m.end(), m.group()[:cut] + " " + m.group()[cut:])


@corruptor("repeated-word")
def repeat_word(text: str, rng: random.Random, lang: Language, source: str | None = None) -> Corruption | None:
    """A word written twice: ``the city`` → ``the the city``."""
    # Not a word whose doubling may be grammatical, anywhere or in some context (`had had`, `is is`).
    words = _words(text, lang, lambda m: m.group().lower() not in lang.repeated_ok
                   and m.group().lower() not in lang.repeated_context and len(m.group()) >= 2)
    if not words:
        return None
    m = rng.choice(words)
    return _replace("repeated-word", text, m.start(), m.end(), f"{m.group()} {m.group()}")


# -- punctuation and spacing --------------------------------------------------------------------

@corruptor("missing-space")
def drop_space_after_punctuation(text: str, rng: random.Random, lang: Language, source: str | None = None) -> Corruption | None:
    """``them, including`` → ``them,including``."""
    spots = list(regex.finditer(r"(?<=\p{Ll})[,;] (?=\p{Ll})", text))
    if not spots:
        return None
    m = rng.choice(spots)
    return _replace("missing-space", text, m.start(), m.end(), m.group()[0])


@corruptor("extra-space")
def space_before_punctuation(text: str, rng: random.Random, lang: Language, source: str | None = None) -> Corruption | None:
    """A space where the language has none: en ``line,`` → ``line ,``; or a doubled space."""
    marks = [m for m in regex.finditer(r"(?<=\p{L})[,;:.!?](?=\s|$)", text) if m.group() in lang.no_space_before]
    if marks and rng.random() < 0.5:
        m = rng.choice(marks)
        return _replace("extra-space", text, m.start(), m.end(), " " + m.group())
    spaces = [m.start() for m in regex.finditer(r"(?<=\p{L}) (?=\p{L})", text)]
    if not spaces:
        return None
    at = rng.choice(spaces)
    return _replace("extra-space", text, at, at + 1, "  ")


def _unpaired(category: str, mark: str, marks: str, text: str, rng: random.Random, lang: Language) -> Corruption | None:
    """``mark`` before a word inside ``text``, where the text has none of ``marks`` of its own
    (one more could pair with them)."""
    words = _words(text, lang)
    if any(c in text for c in marks) or len(words) < 4:
        return None
    m = rng.choice(words[1:-1])
    return _replace(category, text, m.start(), m.start(), mark)


@corruptor("unbalanced-quote")
def unbalance_quote(text: str, rng: random.Random, lang: Language, source: str | None = None) -> Corruption | None:
    """An opening quote mark with no closing one: ``the city`` → ``the “city``."""
    return _unpaired("unbalanced-quote", lang.primary_quotes.open, "".join(lang.quote_chars), text, rng, lang)


@corruptor("unbalanced-bracket")
def unbalance_bracket(text: str, rng: random.Random, lang: Language, source: str | None = None) -> Corruption | None:
    """A bracket with no partner: ``some of them`` → ``(some of them``."""
    return _unpaired("unbalanced-bracket", "(", "()[]", text, rng, lang)


@corruptor("foreign-punctuation")
def foreign_quotes(text: str, rng: random.Random, lang: Language, source: str | None = None) -> Corruption | None:
    """Quote marks of another convention: en ``“lack of will”`` → ``«lack of will»``."""
    own = lang.primary_quotes
    pairs = list(regex.finditer(regex.escape(own.open) + r"[^\n" + regex.escape(own.close) + "]{1,200}"
                                + regex.escape(own.close), text))
    foreign = next(((o, c) for o, c in _FOREIGN_PAIRS if o not in lang.quote_chars and c not in lang.quote_chars), None)
    if not pairs or foreign is None:
        return None
    m = rng.choice(pairs)
    return _replace("foreign-punctuation", text, m.start(), m.end(), foreign[0] + m.group()[1:-1] + foreign[1])


_FOREIGN_PAIRS = (("«", "»"), ("“", "”"), ("„", "“"), ("»", "«"), ("「", "」"))


# -- encoding ----------------------------------------------------------------------------------

@corruptor("mojibake")
def mojibake(text: str, rng: random.Random, lang: Language, source: str | None = None) -> Corruption | None:
    """UTF-8 read as Windows-1252: ``situação`` → ``situaÃ§Ã£o``."""
    words = _words(text, lang, lambda m: not m.group().isascii() and _cp1252(m.group()) is not None)
    if not words:
        return None
    m = rng.choice(words)
    return _replace("mojibake", text, m.start(), m.end(), _cp1252(m.group()))


def _cp1252(word: str) -> str | None:
    try:
        return word.encode("utf-8").decode("cp1252")
    except UnicodeDecodeError:
        return None


@corruptor("markup-residue")
def html_entity(text: str, rng: random.Random, lang: Language, source: str | None = None) -> Corruption | None:
    """A character left as an HTML entity: ``don’t`` → ``don&#8217;t``, ``"`` → ``&quot;``."""
    spots = [m for m in regex.finditer(r"[’\"&“”«»]", text)]
    if not spots:
        return None
    m = rng.choice(spots)
    entity = {"\"": "&quot;", "&": "&amp;"}.get(m.group(), f"&#{ord(m.group())};")
    return _replace("markup-residue", text, m.start(), m.end(), entity)


@corruptor("invisible-character")
def zero_width(text: str, rng: random.Random, lang: Language, source: str | None = None) -> Corruption | None:
    """A zero-width space inside a word: ``Zaporizhzhia`` → ``Zaporiz\\u200bhzhia``."""
    words = _words(text, lang, lambda m: len(m.group()) >= 4)
    if not words:
        return None
    m = rng.choice(words)
    at = m.start() + rng.randrange(1, len(m.group()) - 1)
    return _replace("invisible-character", text, at, at, "\u200b")


@corruptor("mixed-script")
def homoglyph(text: str, rng: random.Random, lang: Language, source: str | None = None) -> Corruption | None:
    """One letter of another script that looks the same: Latin ``city`` → ``сity`` (Cyrillic с)."""
    words = _words(text, lang, lambda m: len(m.group()) >= 4 and any(c in _HOMOGLYPHS for c in m.group()[1:]))
    if not words:
        return None
    m = rng.choice(words)
    spots = [i for i, c in enumerate(m.group()) if c in _HOMOGLYPHS and i > 0]
    i = m.start() + rng.choice(spots)
    return _replace("mixed-script", text, m.start(), m.end(),
                    text[m.start():i] + _HOMOGLYPHS[text[i]] + text[i + 1:m.end()])


# -- casing and spelling ------------------------------------------------------------------------

@corruptor("proper-noun-case")
def lowercase_name(text: str, rng: random.Random, lang: Language, source: str | None = None) -> Corruption | None:
    """A name written in lower case: ``Kyiv`` → ``kyiv``, ``Wednesday`` → ``wednesday``."""
    def is_name(m) -> bool:
        entry = lang.casing.get(m.group().lower())
        return (m.start() > 0 and m.group()[0].isupper() and m.group()[1:].islower() and entry is not None
                and entry.is_name and not entry.in_date and entry.form == m.group())
    names = _words(text, lang, is_name)
    if not names:
        return None
    m = rng.choice(names)
    return _replace("proper-noun-case", text, m.start(), m.end(), m.group().lower())


@corruptor("over-capitalization")
def capitalize_common_word(text: str, rng: random.Random, lang: Language, source: str | None = None) -> Corruption | None:
    """A weekday, month or language written with a capital where the language has none:
    es ``el lunes`` → ``el Lunes``."""
    def lower_kind(m) -> bool:
        entry = lang.casing.get(m.group())
        return (m.group().islower() and entry is not None and not entry.is_name and not entry.in_date
                and entry.kind in lang.over_capitalized)
    words = _words(text, lang, lower_kind)
    if not words:
        return None
    m = rng.choice(words)
    return _replace("over-capitalization", text, m.start(), m.end(), m.group().capitalize())


@corruptor("sentence-case")
def lowercase_sentence_start(text: str, rng: random.Random, lang: Language, source: str | None = None) -> Corruption | None:
    """A sentence after another starts in lower case: ``hours. The`` → ``hours. the``."""
    starts = [m.end() for m in _SENTENCE_END.finditer(text)
              if (w := _WORD.match(text, m.end())) and w.group()[1:].islower()
              and not (lang.casing.get(w.group().lower()) or _NOT_A_NAME).is_name]
    if not starts:
        return None
    at = rng.choice(starts)
    return _replace("sentence-case", text, at, at + 1, text[at].lower())


class _NotAName:
    is_name = False


_NOT_A_NAME = _NotAName()


@corruptor("spelling")
def drop_accent(text: str, rng: random.Random, lang: Language, source: str | None = None) -> Corruption | None:
    """An accent dropped where the language has only the accented form: es ``también`` →
    ``tambien`` (only where the language's data restores accents)."""
    accents = lang.accents
    if not accents:
        return None
    bare = {accented: plain for plain, accented in accents.items()}
    words = _words(text, lang, lambda m: m.group() in bare)
    if not words:
        return None
    m = rng.choice(words)
    return _replace("spelling", text, m.start(), m.end(), bare[m.group()])


# -- numbers -----------------------------------------------------------------------------------

@corruptor("number-format")
def source_number_format(text: str, rng: random.Random, lang: Language, source: str | None = None) -> Corruption | None:
    """A number written with another locale's separators: en ``1,500`` → ``1.500``, de
    ``8,5 %`` → ``8.5 %``."""
    from mtcheck.text.numbers import number_words

    data = number_words(lang.tag)
    pattern = rf"(?<![\d.,])\d{{1,3}}(?:{regex.escape(data.group)}\d{{3}})+(?![\d.,]\d)" if data.group.strip() else None
    grouped = list(regex.finditer(pattern, text)) if pattern else []
    if not grouped:
        return None
    m = rng.choice(grouped)
    other = "." if data.group == "," else ","
    return _replace("number-format", text, m.start(), m.end(), m.group().replace(data.group, other))


# -- page furniture and repetition ---------------------------------------------------------------

@corruptor("web-boilerplate")
def insert_prompt(text: str, rng: random.Random, lang: Language, source: str | None = None) -> Corruption | None:
    """A news site's prompt as a paragraph of its own: ``(Also read: <a headline>)``, in the
    language's prompts or another's (they often arrive untranslated)."""
    cut = text.find("\n\n")
    if cut < 0:
        return None
    own = sorted(p for p in lang.boilerplate if len(p.split()) >= 2)
    phrase = rng.choice(own or sorted(p for p in all_boilerplate() if len(p.split()) >= 2))
    headline = " ".join(_WORD.findall(text)[:6])
    prompt = f"({phrase[0].upper()}{phrase[1:]}: {headline})\n\n"
    at = cut + 2
    return Corruption("web-boilerplate", text[:at] + prompt + text[at:], at, at + len(prompt), "", source)


@corruptor("duplicate-sentence")
def pull_quote(text: str, rng: random.Random, lang: Language, source: str | None = None) -> Corruption | None:
    """A quoted sentence repeated later as a paragraph without its quote marks (a pull quote)."""
    q = lang.primary_quotes
    quoted = list(regex.finditer(regex.escape(q.open) + r"([^\n" + regex.escape(q.close) + r"]{40,300}?)[,.]?"
                                 + regex.escape(q.close), text))
    quoted = [m for m in quoted if len(m.group(1).split()) >= 8]
    if not quoted:
        return None
    m = rng.choice(quoted)
    copy = "\n\n" + m.group(1).strip(" ,.")
    return Corruption("duplicate-sentence", text + copy, len(text), len(text) + len(copy), "", source)


# -- against the source -------------------------------------------------------------------------

@corruptor("untranslated")
def copy_source_sentence(text: str, rng: random.Random, lang: Language, source: str | None = None) -> Corruption | None:
    """The translation of a sentence replaced by its source sentence, left untranslated (the
    text and its source are one sentence each, or as many sentences in the same order)."""
    if not source:
        return None
    from mtcheck.text.sentences import split

    target_spans = split(text, lang.code)
    source_spans = split(source, "")
    if len(target_spans) != len(source_spans) or len(source.split()) < 6:
        return None
    i = rng.randrange(len(target_spans))
    start, end = target_spans[i]
    return _replace("untranslated", text, start, end, source[slice(*source_spans[i])], source)


@corruptor("omission")
def drop_sentence(text: str, rng: random.Random, lang: Language, source: str | None = None) -> Corruption | None:
    """A sentence of the translation dropped while its source keeps it (the translation keeps
    at least one sentence; the span is empty, where the sentence was)."""
    if not source:
        return None
    from mtcheck.text.sentences import split

    spans = split(text, lang.code)
    if len(spans) < 2:
        return None
    i = rng.randrange(len(spans))
    start = spans[i][0]
    end = spans[i + 1][0] if i + 1 < len(spans) else len(text)
    if i + 1 == len(spans):
        start = spans[i - 1][1]  # the last sentence: take the space before it
    return Corruption("omission", text[:start] + text[end:], start, start, text[start:end], source)


def corrupt(text: str, category: str, lang: Language, seed: int, source: str | None = None) -> Corruption | None:
    """One corruption of ``category`` in ``text``, drawn with ``seed``; None when the text has no
    place for it (no long word to split, no quoted sentence to repeat, no source…)."""
    return CORRUPTORS[category](text, random.Random(seed), lang, source=source)


def categories() -> list[str]:
    return sorted(CORRUPTORS)
