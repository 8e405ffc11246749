"""Checks against the source: text left untranslated (MT603), sentences dropped (MT604).

They run when the Document has a source (``--source``, a record's ``source`` field, PO, XLIFF,
TMX) and act only on aligned units the aligner is confident about (``mtcheck.text.align``).
"""

from __future__ import annotations

import math
import statistics
import unicodedata

import regex

from mtcheck.document import Document
from mtcheck.languages import Language, UnknownLanguage, get_language
from mtcheck.rules import Example, FixAvailability, Rule, register
from mtcheck.text.align import (MIN_CONFIDENCE, UNKNOWN_RATIO, anchors, length_ratio, nonspace_length,
                                 source_language)
from mtcheck.text.langdetect import identifier, identify_any
from mtcheck.text.patterns import lazy
from mtcheck.text.placeholders import placeholders
from mtcheck.text.sentences import split
from mtcheck.text.units import quote

# -- untranslated ----------------------------------------------------------------------------------

MIN_UNTRANSLATED_WORDS = 4  # shorter sentences are names, titles and formulas as often as not
MIN_LANGID_WORDS = 6  # language identification on fewer words is a guess
MIN_LANGID_PROBABILITY = 0.99
_WORDS = lazy(r"\p{L}[\p{L}\p{M}'’-]*")
_QUOTED = lazy(r"^[\"“”„«»‘’‚'(\[].*[\"“”„«»‘’‚')\]][.!?]?$", regex.DOTALL)


_QUOTATION = lazy(r"[\"“„«‘‚][^\"“”„«»‘’‚]*[\"”»’“]")


def _is_copy(text: str, source: str) -> bool:
    """The same words, case and punctuation aside; the first word settles most sentences."""
    first, first_source = _WORDS.search(text), _WORDS.search(source)
    if not first or not first_source or first.group().casefold() != first_source.group().casefold():
        return False
    return _normalized(text) == _normalized(source)


def _normalized(text: str) -> str:
    return " ".join(w.casefold() for w in _WORDS.findall(text))


_SCRIPTS = {name: lazy(rf"\p{{{name}}}") for name in
            ("Latin", "Cyrillic", "Greek", "Han", "Hiragana", "Katakana", "Arabic", "Hebrew", "Hangul")}


MIN_SCRIPT_SHARE = 0.8  # a sentence "in the source's script" has at least this share of its letters in it
_LETTER = lazy(r"\p{L}")


def _lower_case_words(text: str) -> str:
    # Names keep their own script (`EverGrow` in a Russian sentence): lower-case words only.
    return " ".join(w for w in _WORDS.findall(text) if not w[:1].isupper())


def _script_of(text: str) -> str | None:
    """The script most letters of ``text`` are written in (Latin, Cyrillic, Han…).

    >>> _script_of("EverGrow имеет мало общего с Shiba Inu.")
    'Cyrillic'
    """
    lower = _lower_case_words(text)
    counts = {name: len(pattern.findall(lower)) for name, pattern in _SCRIPTS.items()}
    best = max(counts, key=counts.get)
    return best if counts[best] else None


def _in_script(text: str, script: str) -> bool:
    """Are MIN_SCRIPT_SHARE of the letters of the lower-case words of ``text`` in ``script``?

    >>> _in_script("Способ доставки - Royal Mail international tracked for you.", "Latin")
    False
    """
    lower = _lower_case_words(text)
    letters = len(_LETTER.findall(lower))
    return bool(letters) and len(_SCRIPTS[script].findall(lower)) >= MIN_SCRIPT_SHARE * letters


# Scripts written without spaces: a run of their letters is a word or more (`北京`); in the
# others a copied word has two letters at least.
_UNSPACED = ("Han", "Hiragana", "Katakana")
MIN_COPIED_LETTERS = 4  # a lower-case word of another alphabet, left as the source has it
_LOWER_WORD = lazy(rf"(?<![\p{{L}}\-])\p{{Ll}}{{{MIN_COPIED_LETTERS},}}(?![\p{{L}}\-])")
_UNSPACED_RUN = lazy(r"[\p{Han}\p{Hiragana}\p{Katakana}ー]+")
_IN_URL = lazy(r"(?:https?://|www\.)\S*$")  # a run inside a link, which the URL pattern may not take
_GLOSSED = lazy(r"[(\[（「“\"'«]\s*$")  # `Beijing (北京)`: the original beside its translation


def _copied_runs(text: str, source: str, script: str) -> list[tuple[int, int]]:
    """Spans of ``text`` in the source's ``script`` that the source has too: words left
    untranslated inside a translated sentence (`the 北京 office`, `the городе`). Only runs of
    Chinese or Japanese characters and lower-case words of another alphabet: Latin names and
    terms stand in every script (`HBO`, `PDF`). A run in brackets or quotes is a gloss, kept on
    purpose (`Beijing (北京)`).

    >>> _copied_runs("He said the 北京 office (北京) would close.", "他说北京办事处将关闭。", "Han")
    [(12, 14)]
    """
    if script in _UNSPACED:
        pattern = _UNSPACED_RUN
    elif script != "Latin":  # Latin names and terms stand in every script (`HBO`, `Wi-Fi`, `PDF`)
        pattern = _LOWER_WORD  # a common word, in the source's script (checked below)
    else:
        return []
    return [m.span() for m in pattern.finditer(text)
            if m.group() in source and _SCRIPTS[script].match(m.group()) and not _GLOSSED.search(text, 0, m.start())]


def _mostly_names(words: list[str]) -> bool:
    """Titles, names and headings: most words capitalized."""
    return sum(w[:1].isupper() for w in words) * 2 > len(words)


_LEFT_IN_ENGLISH = "The new room of ancient pottery will open in the spring."


@register
class Untranslated(Rule):
    code = "MT603"
    needs_language_data = False
    name = "untranslated"
    category = "untranslated"
    fix_availability = FixAvailability.NEVER
    # A whole sentence is flagged: a placeholder, URL or accepted word inside must not silence it.
    compares_source = True
    what = ("Finds sentences of the translation left in the source language: a sentence equal to "
            "its aligned source sentence (a copy) and identified as the source language; a "
            "sentence with 80 % of its letters in the source's script where the target language "
            "uses another; or a sentence of six words or more whose lower-case words are mostly "
            "(60 %) words of the source language and not of the target, and that language "
            "identification (py3langid, restricted to the two languages) gives to the source "
            "language with a probability of 0.99. Names, titles, headings in capitals, "
            "quotations kept in the original language and sentences under four words stay "
            "quiet, and so does a copy of a passage that the source itself quotes in another "
            "language (an English passage in a German source). Handles, URLs and other protected "
            "spans at a sentence's edges are left out of it.")
    why = "A reader of the translation cannot read a sentence left in the source language."
    fix_safety = "No fix: the sentence needs translating."
    examples = (
        Example("en", "The museum reopened. ⟦La nueva sala dedicada a la cerámica antigua abrirá en primavera.⟧",
                source="El museo reabrió. La nueva sala dedicada a la cerámica antigua abrirá en primavera.",
                source_lang="es"),
    ) + tuple(
        Example(code, f"{translated} ⟦{_LEFT_IN_ENGLISH}⟧", source=f"The museum reopened. {_LEFT_IN_ENGLISH}",
                source_lang="en")
        for code, translated in (("es", "El museo reabrió."), ("pt", "O museu reabriu."), ("fr", "Le musée a rouvert."),
                                 ("de", "Das Museum hat wieder geöffnet."), ("it", "Il museo ha riaperto."),
                                 ("nl", "Het museum is weer open."), ("ru", "Музей снова открылся."))
    )

    def check(self, doc: Document, lang: Language):
        if not doc.units:
            return
        source_lang = source_language(doc)
        if not source_lang or source_lang == doc.lang:
            return
        target_script = _script_of(doc.text[:1000])
        source_script = _script_of(doc.source[:1000]) if doc.source else None  # one script: no sentence is "in the source's"
        for bead in doc.sentence_beads:
            if bead.is_omission or bead.confidence < MIN_CONFIDENCE and not bead.is_addition:
                continue
            start, end = doc.unprotected_core(bead.start, bead.end)  # `@user` and links are no language
            text = doc.text[start:end]
            words = _WORDS.findall(_QUOTATION.sub(" ", text))  # quotations may stay in the original
            if len(words) < MIN_UNTRANSLATED_WORDS or _mostly_names(words) or _QUOTED.match(text.strip()):
                continue
            if doc.has_records and _copied_record(doc, bead):
                continue  # a record left as its source: MT608's
            if bead.source_text and _is_copy(doc.text[bead.start:bead.end], bead.source_text):
                # Only a copy in the source language is untranslated: the source may quote the
                # target language or a third one (an English passage in a German source).
                if source_lang in (identified(text, source_lang, doc.lang), identify_any(text)):
                    yield self.finding(start, end, f"this sentence is its source, copied ({source_lang})")
            elif source_script not in (target_script, None) and _in_script(text, source_script):
                yield self.finding(start, end, f"this sentence is in the source's script ({source_lang})")
            elif (len(words) >= MIN_LANGID_WORDS and _mostly_source_words(words, source_lang, lang)
                  and identified(text, source_lang, doc.lang) == source_lang):
                yield self.finding(start, end, f"this sentence is in the source language ({source_lang})")
            elif source_script not in (target_script, None):
                for run_start, run_end in _copied_runs(text, bead.source_text or doc.source, source_script):
                    if doc.is_protected(start + run_start, start + run_end) or _IN_URL.search(text, 0, run_start):
                        continue  # a link (`https://премия.рф/`), a handle
                    yield self.finding(start + run_start, start + run_end,
                                       f"`{text[run_start:run_end]}` is left in the source's script ({source_lang})")


def _selects(text: str) -> bool:
    """Is ``text`` a message that selects among variants (an ICU plural, a Fluent selector)?

    >>> _selects("{ $n -> [one] One note *[other] { $n } notes }"), _selects("One note (or two).")
    (True, False)
    """
    if "{" not in text:
        return False
    from mtcheck.text.messages import parse

    message = parse(text)
    return message is not None and bool(message.choices)


def _copied_record(doc: Document, bead) -> bool:
    from mtcheck.rules.resources import copied_record  # that family imports this one

    segment = doc.segment_at(bead.start)
    return segment.start == bead.start and copied_record(doc, segment, source_language(doc))


MIN_SOURCE_SHARE = 0.6


def _mostly_source_words(words: list[str], source_lang: str, target: Language) -> bool:
    """Are MIN_SOURCE_SHARE of the lower-case words words of the source language and not of
    the target's (wordfreq lexicons)? Broken output that mixes a few source function words with
    made-up ones is not text left in the source language; False where the source has no lexicon."""
    try:
        source = get_language(source_lang)
    except UnknownLanguage:
        return False
    lower = [w.lower() for w in words if not w[:1].isupper()]
    # Target words first, and stop once too many: a translated sentence is settled in a few lookups.
    allowed = (1 - MIN_SOURCE_SHARE) * len(lower)
    target_words = 0
    for w in lower:
        target_words += target.zipf(w) >= 2.0
        if target_words > allowed:
            return False
    return bool(lower) and sum(source.zipf(w) >= 2.0 for w in lower if target.zipf(w) < 2.0) >= MIN_SOURCE_SHARE * len(lower)


def identified(text: str, source_lang: str, target_lang: str) -> str | None:
    """The language py3langid gives ``text`` among the two, when it is near certain."""
    restricted = identifier(tuple(sorted((source_lang, target_lang))))
    if restricted is None:
        return None
    lang, probability = restricted.classify(text)
    return lang if probability >= MIN_LANGID_PROBABILITY else None


# Omission thresholds, chosen on the human references of ../shared/data (benchmarks/source_aware.py):
# z is the log length ratio of a unit, in standard deviations of the language pair's ratio.
MIN_OMISSION_SOURCE = 40  # characters (no spaces): shorter units vary too much in length to judge
SHORT_Z = -1.5  # a unit this much shorter than its source, with fewer sentences, is missing one...
FITS_Z = 1.5  # ...when without that source sentence the lengths agree this well
MIN_DROPPED_SHARE, MIN_DROPPED_WORDS = 0.2, 5  # the sentence is a fifth of the source at least
# Without a sentence to name, only a long unit this much shorter is reported: idiom makes short
# sentences shrink in translation (references: 31 findings at -3 over 40 characters, 3 over 80).
MIN_MUCH_SHORTER_SOURCE, MUCH_SHORTER_Z = 80, -3.0


# A pair with no learned ratio takes its ratio from the document when it has this many units
# long enough to judge: the median log ratio, and the median absolute deviation as its spread
# (robust to the omissions being looked for). The spread is not taken tighter than the learned
# pairs' usual (0.14-0.17).
MIN_UNITS_FOR_OWN_RATIO = 30
MIN_OWN_SD = 0.15
MAD_TO_SD = 1.4826  # the median absolute deviation of a normal distribution, in standard deviations


def document_ratio(pairs: list[tuple[str, str]]) -> tuple[float, float] | None:
    """(mean, standard deviation) of log(target/source characters) over a document's own
    (source, translation) units, or None when fewer than MIN_UNITS_FOR_OWN_RATIO are long
    enough to judge.

    >>> mean, sd = document_ratio([("a" * 60, "b" * 30)] * 29 + [("a" * 60, "b" * 33)] * 10)
    >>> round(math.exp(mean), 2), sd
    (0.5, 0.15)
    >>> document_ratio([("a" * 60, "b" * 30)] * 29) is None
    True
    """
    logs = sorted(math.log(nonspace_length(t) / nonspace_length(s)) for s, t in pairs
                  if nonspace_length(s) >= MIN_OMISSION_SOURCE and nonspace_length(t))
    if len(logs) < MIN_UNITS_FOR_OWN_RATIO:
        return None
    median = statistics.median(logs)
    spread = MAD_TO_SD * statistics.median(abs(v - median) for v in logs)
    return median, max(spread, MIN_OWN_SD)


def writing_system(text: str) -> str | None:
    """The script most letters of ``text`` belong to, by their Unicode names (any script:
    Hangul, Thai and Devanagari as well as Latin).

    >>> writing_system("소셜 미디어 전환"), writing_system("Kori Schulman wrote"), writing_system("12 %")
    ('HANGUL', 'LATIN', None)
    """
    counts: dict[str, int] = {}
    for ch in text[:2000]:
        if ch.isalpha():
            script = unicodedata.name(ch, "?").split(" ")[0]
            counts[script] = counts.get(script, 0) + 1
    return max(counts, key=counts.get) if counts else None


def _z(source_chars: int, target_chars: int, ratio: tuple[float, float]) -> float:
    mean, sd = ratio
    return (math.log(target_chars / source_chars) - mean) / sd


def missing_sentences(source: str, source_lang: str, target: str, target_lang: str,
                      ratio: tuple[float, float] | None = None) -> list[str]:
    """The source sentences a translation may leave out, judged by length: the translation is
    short for its source and has fewer sentences, and without any one of these substantial
    source sentences the lengths agree. A sentence whose numbers and names all stand in the
    translation is translated; it is no candidate while another is.

    >>> missing_sentences("Las tropas salieron de la ciudad el lunes por la mañana. La población "
    ...                   "civil fue evacuada a los pueblos vecinos durante la noche.", "es",
    ...                   "The troops left the city on Monday morning.", "en")
    ['La población civil fue evacuada a los pueblos vecinos durante la noche.']
    """
    ratio = ratio or length_ratio(source_lang, target_lang)
    source_chars, target_chars = nonspace_length(source), nonspace_length(target)
    if source_chars < MIN_OMISSION_SOURCE or not target_chars or _z(source_chars, target_chars, ratio) >= SHORT_Z:
        return []
    sentences = [source[start:end] for start, end in split(source, source_lang)]
    if len(split(target, target_lang)) >= len(sentences):
        return []  # as many sentences as the source: it was condensed, not cut
    fitting = [s for s in sentences
               if nonspace_length(s) >= MIN_DROPPED_SHARE * source_chars and len(s.split()) >= MIN_DROPPED_WORDS
               and source_chars > nonspace_length(s)
               and abs(_z(source_chars - nonspace_length(s), target_chars, ratio)) < FITS_Z]
    in_target = anchors(target)
    unmatched = [s for s in fitting if not anchors(s) <= in_target]
    return unmatched or fitting


@register
class Omission(Rule):
    code = "MT604"
    name = "omission"
    category = "omission"
    fix_availability = FixAvailability.NEVER
    compares_source = True
    what = ("Finds source content with no counterpart in the translation: a unit (record, "
            "paragraph, aligned sentences) short for its source (its length ratio 1.5 standard "
            "deviations under the language pair's mean) and with fewer sentences, where leaving "
            "out one substantial source sentence (a fifth of the source and five words at least) "
            "brings the lengths within 1.5 standard deviations. That sentence is named when it "
            "is the only one that could be missing, or the only one whose numbers and names the "
            "translation lacks. Without a sentence to blame, a unit whose source has 80 "
            "characters or more (spaces not counted) and that is 3 standard deviations short is "
            "reported too, and so is a record whose translation is empty (an MT system that "
            "returned nothing) while its source has words outside its placeholders. Sources "
            "under 40 characters and sources already in the target language are left alone "
            "otherwise. Length ratios are learned per language pair "
            "from human translations (`languages/length_ratios.tsv`); a pair without one takes "
            "the document's own (the median over 30 units or more, as in a file of records), "
            "and with fewer units it is judged by length only where source and translation "
            "share a script.")
    why = "A dropped sentence is the error a reader of the translation cannot notice."
    fix_safety = "No fix: the sentence needs translating. The finding has no span (start = end) at the unit."
    examples = (
        Example("en", "⟦⟧The troops left the city on Monday morning.",
                source="Las tropas salieron de la ciudad el lunes por la mañana. La población civil fue evacuada "
                       "a los pueblos vecinos durante la noche.", source_lang="es"),
    ) + tuple(
        Example(code, f"⟦⟧{translated}", source="The troops left the city on Monday morning. The civilians were "
                                               "taken to the nearby villages during the night.", source_lang="en")
        for code, translated in (("es", "Las tropas salieron de la ciudad el lunes por la mañana."),
                                 ("pt", "As tropas deixaram a cidade na segunda-feira de manhã."),
                                 ("fr", "Les troupes ont quitté la ville lundi matin."),
                                 ("de", "Die Truppen verließen die Stadt am Montagmorgen."),
                                 ("it", "Le truppe hanno lasciato la città lunedì mattina."),
                                 ("nl", "De troepen verlieten de stad op maandagochtend."),
                                 ("ru", "Войска покинули город в понедельник утром."))
    )

    def check(self, doc: Document, lang: Language):
        source_lang = source_language(doc)
        if not source_lang or source_lang == doc.lang:
            return
        ratio = self._ratio(doc, source_lang)
        for bead in doc.units:
            target = doc.text[bead.start:bead.end]
            if bead.is_omission or not bead.source_text or doc.segment_at(bead.start).missing:
                continue  # a key the translation file lacks: MT607's
            if _selects(bead.source_text):
                continue  # variants are alternatives, not content: a translation may need fewer
            if not target.strip():
                # A record left empty (an MT system that returned nothing): all of it is left
                # out. A source of only symbols or placeholders (`%s`, `—`) may stay empty.
                if doc.has_records and _has_words(bead.source_text):
                    yield self.finding(bead.start, bead.start,
                                       f"the translation is empty: nothing translates `{quote(bead.source_text)}`")
                continue
            if ratio is None:
                continue  # no length ratio to judge by
            candidates = missing_sentences(bead.source_text, source_lang, target, doc.lang, ratio)
            if len(candidates) == 1:
                message = f"nothing translates the source sentence `{candidates[0][:60]}`"
            elif candidates:
                message = (f"a source sentence is left out: the translation is short and has fewer "
                           f"sentences than the source's {len(split(bead.source_text, source_lang))}")
            elif (nonspace_length(bead.source_text) >= MIN_MUCH_SHORTER_SOURCE
                  and _z(nonspace_length(bead.source_text), nonspace_length(target), ratio) < MUCH_SHORTER_Z):
                message = "the translation is much shorter than its source: part of it is left out"
            else:
                continue
            # A source unit already in the target language (quoted, or copied into the source
            # file) has no translation ratio to keep.
            if identified(bead.source_text, source_lang, doc.lang) != doc.lang:
                yield self.finding(bead.start, bead.start, message)

    @staticmethod
    def _ratio(doc: Document, source_lang: str) -> tuple[float, float] | None:
        """The pair's learned length ratio; for a pair with none, the document's own (a corpus
        of records), else the unknown ratio where both texts share a script and None where they
        do not: English to Korean takes half the characters, and with no measure of that every
        Korean sentence looked short."""
        ratio = length_ratio(source_lang, doc.lang)
        if ratio != UNKNOWN_RATIO:
            return ratio
        own = document_ratio([(bead.source_text, doc.text[bead.start:bead.end])
                              for bead in doc.units if bead.source_text])
        if own:
            return own
        sources = " ".join(bead.source_text for bead in doc.units[:50] if bead.source_text)
        return UNKNOWN_RATIO if writing_system(sources) == writing_system(doc.text[:2000]) else None


LETTER = lazy(r"[^\W\d_]")


def _has_words(source: str) -> bool:
    """Does ``source`` hold a letter outside its placeholders, something to translate?

    >>> _has_words("Save the file"), _has_words("%s (%d)"), _has_words("{count} — <br/>")
    (True, False, False)
    """
    kept = list(source)
    for p in placeholders(source):
        kept[p.start:p.end] = " " * (p.end - p.start)
    return bool(LETTER.search("".join(kept)))
