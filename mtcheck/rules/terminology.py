"""MT703: the terms of a glossary (``--glossary``, config ``glossary``; mtcheck.io.glossary).

A unit whose source contains a glossary term must have one of the term's target terms.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import regex

from mtcheck.document import Document
from mtcheck.io.glossary import Glossary, Term, active
from mtcheck.languages import Language, language_settings
from mtcheck.rules import Example, FixAvailability, Rule, register
from mtcheck.text.patterns import lazy
from mtcheck.text.units import aligned_units

_LETTER = lazy(r"\p{L}")
_SPACE = r"[\s\u00a0\u202f]+"
MIN_STEM_WORD = 4  # shorter target words (`el`, `de`, `der`) must match exactly


def _case_sensitive(term: str) -> bool:
    """`US`, `WHO`, `iPhone`: acronyms and inner capitals are matched in their case."""
    return sum(c.isupper() for c in term) >= 2 or any(c.isupper() for c in term[1:2])


@lru_cache(maxsize=64)
def plural_endings(source_lang: str | None) -> tuple[str, ...]:
    """The endings a source term's last word may take (the plural; German's genitive): the
    source language's (``[words] plural_endings`` of its language.toml), or defaults.toml's,
    English and German's together, for a language without its own list and for a source of no
    given language.

    >>> plural_endings("en"), plural_endings("nl-BE"), plural_endings(None)
    (('s', 'es'), ('s', 'en', 'n'), ('s', 'es', 'e', 'en', 'n'))
    >>> plural_endings("fr") == plural_endings("zz") == plural_endings(None)
    True
    """
    return tuple(language_settings(source_lang)["words"]["plural_endings"])


@lru_cache(maxsize=8192)
def _source_pattern(term: str, endings: tuple[str, ...]):
    """The term as whole words, any case (see _case_sensitive), its last word maybe with one of
    the plural ``endings`` (`ceasefires`, `Dateien`).

    >>> bool(_source_pattern("ceasefire", ("s", "es")).search("The ceasefires held."))
    True
    >>> bool(_source_pattern("Waffenruhe", ("s", "es")).search("Die Waffenruhen hielten."))
    False
    """
    words = term.split()
    body = _SPACE.join(regex.escape(w) for w in words)
    if endings and len(_LETTER.findall(words[-1])) >= MIN_STEM_WORD and words[-1][-1].isalpha():
        body += "(?:" + "|".join(map(regex.escape, endings)) + ")?"
    return regex.compile(rf"(?<!\w){body}(?!\w)", 0 if _case_sensitive(term) else regex.IGNORECASE)


@lru_cache(maxsize=8192)
def _target_pattern(term: str, compounding: bool):
    """The term as whole words, any case, each word of four letters or more with its ending
    free: its last letter (two for words of six or more) may change and up to four follow.
    `sistema operativo` matches `sistemas operativos` and Italian `sistemi operativi`, Russian
    `учётная запись` matches `учетной записи`. Accents are folded on both sides (German
    `Buch` … `Bücher`). Where the language writes compounds, a one-word term may also be a
    part of a word (`Konto` in `Kontodaten` and `Benutzerkonto`, `Bestellung` in `Bestellnummer`)."""
    term = _fold(term)
    pieces = []
    for word in term.split():
        if word.isalpha() and len(word) >= MIN_STEM_WORD:
            stem = word[:-2] if len(word) >= 6 else word[:-1]
            pieces.append(regex.escape(stem) + r"\w{0,4}")
        else:
            pieces.append(regex.escape(word))
    pattern = rf"(?<!\w){_SPACE.join(pieces)}(?!\w)"
    if compounding and len(term.split()) == 1 and len(term) >= MIN_STEM_WORD:
        # A compound's first part often drops the ending (`Bestellnummer`): the stem then,
        # when it is long enough not to be part of every other word.
        stem = term[:-2] if len(term) >= 7 else term
        pattern += "|" + regex.escape(stem)
    return regex.compile(pattern, 0 if _case_sensitive(term) else regex.IGNORECASE)


def _fold(text: str) -> str:
    """``text`` without its accents (`Bücher` → `Bucher`, `учётной` → `учетнои`)."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _first_word(term: str) -> str:
    return term.split()[0].casefold()


def _index(terms: tuple[Term, ...]) -> dict[str, list[tuple[Term, str]]]:
    """Source terms by their first word (casefolded), so a unit looks up only the terms that
    can start at one of its words."""
    index: dict[str, list[tuple[Term, str]]] = {}
    for term in terms:
        for source in term.sources:
            index.setdefault(_first_word(source), []).append((term, source))
    return index


_INDEXES: dict[int, tuple] = {}  # id(terms) → (terms, _index(terms)): one glossary, many documents
_WORD = lazy(r"\w+(?:[-'’.]\w+)*")


def _candidates(source: str, index: dict, endings: tuple[str, ...]) -> list[tuple[Term, str]]:
    """The entries of ``index`` whose first word is a word of ``source``, as written or without
    one of the plural ``endings``."""
    seen, out = set(), []
    for word in _WORD.findall(source):
        folded = word.casefold()
        keys = [folded] + [folded[: -len(e)] for e in endings if folded.endswith(e)]
        for key in keys:
            for entry in index.get(key, ()):
                if id(entry) not in seen:
                    seen.add(id(entry))
                    out.append(entry)
    return out


EXAMPLE_GLOSSARY = Glossary(tuple(
    Term(sources, targets, src, tgt) for sources, targets, src, tgt in (
        (("Waffenruhe", "Waffenstillstand"), ("ceasefire", "truce"), "de", "en"),
        (("ceasefire",), ("alto el fuego",), "en", "es"),
        (("ceasefire",), ("cessar-fogo",), "en", "pt"),
        (("ceasefire",), ("cessez-le-feu",), "en", "fr"),
        (("ceasefire",), ("Waffenruhe", "Waffenstillstand"), "en", "de"),
        (("ceasefire",), ("cessate il fuoco",), "en", "it"),
        (("ceasefire",), ("staakt-het-vuren", "wapenstilstand"), "en", "nl"),
        (("ceasefire",), ("прекращение огня",), "en", "ru"),
    )
), ("(the examples' glossary)",))


@register
class Terminology(Rule):
    """MT703: a glossary source term in the source, its required target term not in the translation."""

    code = "MT703"
    needs_language_data = False
    name = "terminology"
    category = "terminology"
    fix_availability = FixAvailability.NEVER
    compares_source = True
    what = ("With a glossary (`--glossary terms.csv`, or `glossary = \"terms.tbx\"` in the "
            "config), finds a unit whose source contains a glossary term while its translation "
            "has none of the term's target terms, and reports it on the whole translation. "
            "Source terms are matched as whole words in any case (acronyms and inner capitals, "
            "`US`, `iPhone`, in their own case), the last word maybe with a plural ending of the "
            "source language (English and Spanish `-s`, `-es`; German `-s`, `-es`, `-e`, `-en`, "
            "`-n`, also the list of languages that give none). Target terms are matched as whole words in any case, accents folded, "
            "each word of four letters or more with a free ending (`sistemas operativos` for "
            "`sistema operativo`, Russian `учетной записи` for `учётная запись`); in languages "
            "that write compounds a one-word term may be part of a word (`Kontodaten` for "
            "`Konto`). Separable verbs (`abmelden` … `melden Sie sich ab`) are not recognized. The "
            "examples use the glossary `ceasefire` → `alto el fuego` (es), `cessar-fogo`, "
            "`cessez-le-feu`, `Waffenruhe|Waffenstillstand`, `cessate il fuoco`, "
            "`staakt-het-vuren|wapenstilstand`, `прекращение огня`; `Waffenruhe` → `ceasefire`.")
    why = ("Clients, regulators and readers expect one approved term for one concept; a "
           "synonym in a contract, a manual or a user interface reads as another thing.")
    fix_safety = "This rule has no fix: the term must be worked into the sentence by a translator."
    example_glossary = EXAMPLE_GLOSSARY  # tests/test_rule_examples.py checks the examples with it
    examples = tuple(
        Example(lang, f"⟦{text}⟧", None, source=source, source_lang=src_lang)
        for lang, src_lang, source, text in (
            ("en", "de", "Die Waffenruhe hielt die ganze Nacht.", "The armistice held all night."),
            ("es", "en", "The ceasefire held overnight.", "La tregua se mantuvo durante la noche."),
            ("pt", "en", "The ceasefire held overnight.", "A trégua foi mantida durante a noite."),
            ("fr", "en", "The ceasefire held overnight.", "La trêve a tenu toute la nuit."),
            ("de", "en", "The ceasefire held overnight.", "Die Feuerpause hielt die ganze Nacht."),
            ("it", "en", "The ceasefire held overnight.", "La tregua ha retto per tutta la notte."),
            ("nl", "en", "The ceasefire held overnight.", "Het bestand hield de hele nacht stand."),
            ("ru", "en", "The ceasefire held overnight.", "Перемирие соблюдалось всю ночь."),
        )
    )
    clean = (
        ("es", "El alto el fuego se mantuvo durante la noche."),
    )

    def check(self, doc: Document, lang: Language) -> Iterable:
        glossary = active()
        if not glossary:
            return
        terms = glossary.for_pair(doc.source_lang, doc.lang)
        if not terms:
            return
        index = _INDEXES.get(id(terms))
        if index is None or index[0] is not terms:
            if len(_INDEXES) > 32:
                _INDEXES.clear()
            _INDEXES[id(terms)] = index = (terms, _index(terms))
        endings = plural_endings(doc.source_lang)
        for unit in aligned_units(doc):
            translation = _fold(doc.text[unit.start:unit.end])
            if not translation:
                continue
            reported = set()
            for term, source_term in _candidates(unit.source, index[1], endings):
                if id(term) in reported or not _source_pattern(source_term, endings).search(unit.source):
                    continue
                if any(_target_pattern(t, lang.compounding).search(translation) for t in term.targets):
                    continue
                reported.add(id(term))
                wanted = " or ".join(f"“{t}”" for t in term.targets)
                yield self.finding(unit.start, unit.end, f"glossary: “{source_term}” should be {wanted}")
