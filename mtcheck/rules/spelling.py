"""Spelling that is certain: accents dropped from frequent words, one name spelled two ways, and
places spelled the way another language spells them.

Only what needs no guessing is reported. ``accents.txt`` lists forms that no dictionary of the
language has and whose accented spelling is a frequent word (Spanish ``tambien`` → ``también``);
everything less certain stays quiet. A document that mixes spellings of one name (``Kolkata`` …
``Calcutta``; ``Dmitry`` … ``Dmitri``) is inconsistent whichever spelling is right.
``source_spellings.txt`` lists other target languages' names of places that this language
names otherwise (English ``Varsovia`` → ``Warsaw``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

import regex

from mtcheck.text.casing import WORD, WORD_OR_ELIDED, function_words, in_language, strip_accents
from mtcheck.document import Document
from mtcheck.finding import Applicability, Fix
from mtcheck.languages import Language, get_language, top_level
from mtcheck.rules import Example, FixAvailability, Rule, register


@register
class DroppedAccent(Rule):
    code = "MT404"
    name = "dropped-accent"
    category = "spelling"
    fix_availability = FixAvailability.ALWAYS
    what = ("Finds a lower-case word that no dictionary of the language has, whose accented "
            "spelling is a frequent word at least six times as frequent as the bare form and as "
            "any other accented reading (es `tambien`, `estan` → `están`; fr `deja` → `déjà`). "
            "A form that is a word itself (es `publico`, `esta`) is not reported, nor a French "
            "word with `î` or `û` (optional since the 1990 spelling reform: `maitrise`), nor a "
            "word in a quotation in another language.")
    why = "Accents are part of the spelling; an MT system or a keyboard without them leaves typos."
    fix_safety = "Safe: the form is no word of its own, and one accented word is far more frequent than any other."
    examples = (
        Example("es", "Las tropas ⟦estan⟧ en la ciudad.", "Las tropas están en la ciudad."),
        Example("pt", "As tropas ⟦nao⟧ chegaram.", "As tropas não chegaram."),
        Example("fr", "Les troupes sont ⟦deja⟧ parties.", "Les troupes sont déjà parties."),
        Example("it", "Le truppe sono in ⟦citta⟧ oggi.", "Le truppe sono in città oggi."),
        Example("de", "Das ist gut ⟦fur⟧ die Stadt.", "Das ist gut für die Stadt."),
    )
    clean = (
        ("es", "Yo publico el libro y esta casa es de José."),
        ("en", "The cafe near the resume desk opened."),
        ("ru", "Он еще не пришел."),
    )

    def runs_on(self, language: Language) -> bool:
        return bool(language.accents)  # languages whose accents can be dropped

    def check(self, doc: Document, lang: Language) -> Iterable:
        accents = lang.accents
        for m in WORD_OR_ELIDED.finditer(doc.masked):
            word = m.group()
            fixed = accents.get(word) if word.islower() else None
            if fixed is not None and in_language(doc.masked, m.start(), m.end(), *function_words(lang.code)):
                yield self.finding(m.start(), m.end(), f"`{word}` is spelled `{fixed}` in {lang.name}",
                                   Fix.replace(m.start(), m.end(), fixed))


@lru_cache(maxsize=1)
def _transliteration() -> tuple[tuple, tuple]:
    """How transliterations of one name differ (i/y/j, h after a consonant, doubled letters; the
    vowels of Cyrillic), per script: the pairs of languages/transliteration.toml, compiled on
    first use, as ((test of a script's first letter, its pairs) for each script but the
    default, the default's pairs)."""
    table = top_level("transliteration")
    pairs = {script: tuple((regex.compile(pattern), replacement) for pattern, replacement in rows)
             for script, rows in table.items() if script != "default"}
    scripts = tuple((regex.compile(rf"\p{{{script}}}"), rows) for script, rows in pairs.items() if script != table["default"])
    return scripts, pairs[table["default"]]


_CAPITALIZED = regex.compile(r"\p{Lu}\p{Ll}{3,}")
MIN_NAME = 5
MAX_NAME_ZIPF = 4.0  # more frequent capitalized words are common words (`Party`, `Harry`)
LISTING_GAP = 6  # spellings this close are listed on purpose (`Gordievski, Gordievsky o Gordievskiy`)


def translit_key(word: str) -> str:
    """One key for the spellings a name gets from different transliterations (the pairs of
    languages/transliteration.toml for the script of its first letter).

    >>> translit_key("Dmitry") == translit_key("Dmitri") == translit_key("Dmitrij")
    True
    >>> len({translit_key(w) for w in ("Gaddafi", "Gadhafi", "Gadafi")}), translit_key("Ginza") == translit_key("Kinza")
    (1, False)
    >>> translit_key("Dostoevsky") == translit_key("Dostoievski"), translit_key("Odesa") == translit_key("Odessa")
    (True, True)
    >>> translit_key("Фрейд") == translit_key("Фройд"), translit_key("Путина") == translit_key("Путину")
    (True, False)
    """
    word = strip_accents(word.lower())
    scripts, default = _transliteration()
    for pattern, replacement in next((rows for first, rows in scripts if first.match(word)), default):
        word = pattern.sub(replacement, word)
    return word


@register
class InconsistentSpelling(Rule):
    code = "MT405"
    name = "inconsistent-spelling"
    category = "inconsistent-spelling"
    fix_applicability = Applicability.UNSAFE
    fix_availability = FixAvailability.ALWAYS
    what = ("Finds a name spelled two ways in one document: spellings listed as variants of one "
            "name in the language's data (a renamed place: `Kolkata` … `Calcutta`), or two transliterations of "
            "a name that is no common word (`Dmitry` … `Dmitri`, `Odesa` … `Odessa`, `Фрейд` … `Фройд`). "
            "Transliterations are compared for capitalized words of five letters or more that are "
            "not frequent words. Spellings listed side by side (`Gordievski, Gordievsky o "
            "Gordievskiy`) are left alone, and so are spellings the source has both of (`Haris` "
            "and `Harris`: two people, or a local name beside the original one); a place "
            "spelled the way another language writes it is MT406's.")
    why = "Readers take two spellings for two people or places; the house style picks one."
    fix_safety = ("Unsafe: every other spelling is replaced by the one the document uses first, or, "
                  "for a renamed place, by its current name when the document has it (`Calcutta` → "
                  "`Kolkata`, wherever it stands).")
    examples = (
        Example("en", "Dmitry Sokolov spoke. Later ⟦Dmitri⟧ Sokolov left.", "Dmitry Sokolov spoke. Later Dmitry Sokolov left."),
        Example("en", "Flights to Kolkata resumed. Hotels in ⟦Calcutta⟧ filled up.", "Flights to Kolkata resumed. Hotels in Kolkata filled up."),
        Example("de", "Dmitri Sokolow sprach. Später ging ⟦Dmitry⟧ Sokolow.", "Dmitri Sokolow sprach. Später ging Dmitri Sokolow."),
        Example("es", "Dmitri Sokolov habló. Después ⟦Dmitry⟧ Sokolov se fue.", "Dmitri Sokolov habló. Después Dmitri Sokolov se fue."),
        Example("pt", "Dmitri Sokolov falou. Depois ⟦Dmitry⟧ Sokolov saiu.", "Dmitri Sokolov falou. Depois Dmitri Sokolov saiu."),
        Example("fr", "Dmitri Sokolov a parlé. Puis ⟦Dmitry⟧ Sokolov est parti.", "Dmitri Sokolov a parlé. Puis Dmitri Sokolov est parti."),
        Example("it", "Dmitrij Sokolov ha parlato. Poi ⟦Dmitry⟧ Sokolov è partito.", "Dmitrij Sokolov ha parlato. Poi Dmitrij Sokolov è partito."),
        Example("nl", "Dmitri Sokolov sprak. Later vertrok ⟦Dmitry⟧ Sokolov.", "Dmitri Sokolov sprak. Later vertrok Dmitri Sokolov."),
        Example("ru", "Фрейд писал о снах. Позже ⟦Фройд⟧ уехал в Лондон.", "Фрейд писал о снах. Позже Фрейд уехал в Лондон."),
    )
    clean = (
        ("en", "Mary met Mari in Lviv; Mary left."),
        ("en", "Harry and Harri met Jane."),
    )

    @staticmethod
    def _maybe_name(lang: Language, word: str) -> bool:
        entry = lang.casing.get(lang.lower(word))
        return entry is None or entry.is_name  # not a weekday or nationality word

    def check(self, doc: Document, lang: Language) -> Iterable:
        seen: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        variant_of = {v: group for group in lang.name_variants for v in group}
        for m in WORD.finditer(doc.masked):
            word = m.group()
            if not _CAPITALIZED.fullmatch(word) or word in lang.source_spellings:
                continue  # another language's spelling of a place: source-spelling (MT406) says which
            group = variant_of.get(word)
            if group is not None:
                key = "=" + group[0]
            elif len(word) >= MIN_NAME and lang.zipf(word) < MAX_NAME_ZIPF and self._maybe_name(lang, word):
                key = translit_key(word)
            else:
                continue
            seen[key].append((m.start(), m.end(), word))
        source_words = set(WORD.findall(doc.source)) if doc.source else set()
        for key, occurrences in seen.items():
            spellings = {w for _, _, w in occurrences}
            if len(spellings) < 2 or len(spellings & source_words) >= 2:
                continue  # the source spells them two ways too: two people, or a name beside its local form
            # The names table's current spelling where the document has it, else its first one.
            preferred = key[1:] if key.startswith("=") else None
            keep = preferred if preferred in spellings else occurrences[0][2]
            previous_end = -LISTING_GAP
            for start, end, word in occurrences:
                between = doc.masked[max(previous_end, 0):start]
                listed = len(between) < LISTING_GAP and not any(mark in between for mark in ".!?")
                previous_end = end
                if word != keep and not listed:
                    yield self.finding(start, end, f"`{word}` is spelled `{keep}` elsewhere in this document",
                                       Fix.replace(start, end, keep, safe=False))


@register
class SourceSpelling(Rule):
    code = "MT406"
    name = "source-spelling"
    category = "source-spelling"
    fix_applicability = Applicability.UNSAFE
    fix_availability = FixAvailability.ALWAYS
    what = ("Finds a place name spelled the way another language writes it where this language "
            "has its own name: Spanish `Varsovia` or German `Deutschland` in English text; with a "
            "source, also a name copied from it that differs from this language's only in accents "
            "(Czech `Oděsa`). A copied name is matched by its accents alone: a transliteration "
            "(`Jermak` for `Yermak`) is not reported. The rule does not run in Russian: a name "
            "spelled in another script there is untranslated text.")
    why = "Machine translation copies names from the source; readers of the target know them otherwise."
    fix_safety = ("Unsafe: the target language's name is proposed, but the text may quote the "
                  "foreign form on purpose.")
    examples = (
        Example("en", "The delegation left ⟦Varsovia⟧ yesterday.", "The delegation left Warsaw yesterday."),
        Example("es", "Las tropas llegaron a ⟦Moskau⟧ ayer.", "Las tropas llegaron a Moscú ayer."),
        Example("pt", "As tropas chegaram à ⟦Rusia⟧ ontem.", "As tropas chegaram à Rússia ontem."),
        Example("fr", "Les troupes sont arrivées à ⟦Moskau⟧ hier.", "Les troupes sont arrivées à Moscou hier."),
        Example("de", "Die Truppen kamen gestern in ⟦Moscú⟧ an.", "Die Truppen kamen gestern in Moskau an."),
        Example("it", "Le truppe sono arrivate a ⟦Moscú⟧ ieri.", "Le truppe sono arrivate a Mosca ieri."),
        Example("nl", "De troepen kwamen gisteren in ⟦Moskau⟧ aan.", "De troepen kwamen gisteren in Moskou aan."),
    )
    clean = (
        ("en", "Troops left Kharkiv and Odesa for Moscow; the Köln office stayed."),
        ("es", "La delegación salió de Varsovia hacia Moscú."),
    )

    def runs_on(self, language: Language) -> bool:
        # Russian names places in Cyrillic: another language's spelling would be untranslated text.
        return bool(language.source_spellings)

    def check(self, doc: Document, lang: Language) -> Iterable:
        spellings = lang.source_spellings
        for m in WORD.finditer(doc.masked):
            word = m.group()
            known = spellings.get(word)
            if known is not None:
                name, codes = known
                names = [get_language(code).name for code in codes]
                where = " and ".join(filter(None, [", ".join(names[:-1]), names[-1]]))
                message = f"`{word}` is the {where} spelling; {lang.name} writes `{name}`"
            elif doc.source is not None and len(word) >= MIN_NAME and word[0].isupper() and word in _words(doc.source):
                name = self._copied_from_source(doc, lang, m.start(), word)
                if name is None:
                    continue
                message = f"`{word}` is copied from the source; {lang.name} writes `{name}`"
            else:
                continue
            yield self.finding(m.start(), m.end(), message, Fix.replace(m.start(), m.end(), name, safe=False))

    @staticmethod
    def _copied_from_source(doc: Document, lang: Language, start: int, word: str) -> str | None:
        """The language's own name of a place whose source spelling ``word`` was copied from
        the aligned source (Spanish `Melitópol` in English, where English writes `Melitopol`):
        the source has the very word, this language does not know it, and one of its place
        names differs from it only in accents. (Transliteration keys, as MT405 uses them, match
        unrelated names here: `Thraki`, `Tracy`.)"""
        source = doc.segment_at(start).source or doc.source
        if (word not in _words(source) or lang.casing.get(lang.lower(word)) is not None
                or lang.zipf(word.lower()) >= MAX_SOURCE_ZIPF):
            return None
        return _place_names(lang.code).get(strip_accents(word.lower()))


@lru_cache(maxsize=64)
def _words(source: str) -> frozenset[str]:
    """The words of a source text, read once: asking `word in source` of every capitalized word
    searched the whole source each time, quadratic in a long document.

    >>> sorted(_words("Tropas en Melitópol."))
    ['Melitópol', 'Tropas', 'en']
    """
    return frozenset(m.group() for m in WORD.finditer(source))


# A word the target language's text uses this often is its own spelling too (as in the build).
MAX_SOURCE_ZIPF = 1.5
PLACE_SOURCES = frozenset({"cldr", "geonames", "names.toml"})


@lru_cache(maxsize=None)
def _place_names(code: str) -> dict[str, str]:
    """The language's place names by their lower case without accents."""
    index: dict[str, str] = {}
    for key, entry in get_language(code).casing.items():
        if entry.is_name and entry.sources & PLACE_SOURCES:
            index.setdefault(strip_accents(key), entry.form)
    return index
