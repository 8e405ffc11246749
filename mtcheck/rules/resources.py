"""Checks of the keys of resource files against their source file: a key the translation lacks
(MT607), a value left as its source (MT608).

A resource file (``de.json``, ``values-de/strings.xml``) is read with its source file, found by
convention (``en.json``, ``values/strings.xml``; mtcheck.io.resources): each key is a record with
its source. A key of the source that the translation lacks is a record with no text and a note
saying why it is expected (``Segment.missing``).
"""

from __future__ import annotations

from mtcheck.document import Document, Segment
from mtcheck.languages import Language, UnknownLanguage, get_language
from mtcheck.rules import Example, FixAvailability, Rule, register
from mtcheck.rules.source import identified
from mtcheck.text.align import source_language
from mtcheck.text.patterns import lazy
from mtcheck.text.units import quote

_WORD = lazy(r"\p{L}[\p{L}\p{M}'’-]*")


@register
class MissingKey(Rule):
    code = "MT607"
    needs_language_data = False
    name = "missing-key"
    category = "omission"
    fix_availability = FixAvailability.NEVER
    compares_source = True
    what = ("Finds the keys of a resource file's source (`en.json` beside `de.json`, `values/` "
            "beside `values-de/`, `Messages.properties` beside `Messages_de.properties`) that the "
            "translation file lacks; a plural the translation lacks is one key, whatever forms the "
            "source has. Reported at the line of the key before it in the source.")
    why = ("A missing key shows the user the source text, or the key's name, or nothing: the "
           "program falls back silently, and no reader of the translation file can see it.")
    fix_safety = "No fix: the key needs translating. The finding has no span (start = end) at the key's place."
    examples = tuple(
        Example(code, "⟦⟧", source="Save changes", source_lang="en", record="menu.save",
                missing="the source has this key")
        for code in ("de", "es", "fr", "it", "ja", "nl", "pl", "pt", "ru")
    ) + (Example("en", "⟦⟧", source="Änderungen speichern", source_lang="de", record="menu.save",
                 missing="the source has this key"),)

    def check(self, doc: Document, lang: Language):
        for segment in doc.segments:
            if segment.missing:
                source = f": `{quote(segment.source)}`" if segment.source else ""
                yield self.finding(segment.start, segment.start,
                                   f"`{segment.record}` is missing from the translation ({segment.missing}){source}")


MIN_COPIED_WORDS = 2  # one word is a name, a brand or a loan word as often as not (`OK`, `Email`)


MIN_KNOWN_ZIPF = 3.0  # a word of the source language's lexicon, not chat noise (`waahoo`)


def copied_record(doc: Document, segment: Segment, source_lang: str | None) -> bool:
    """Is a record's translation its source, unchanged, in a text that could not stay so: two
    words of letters at least outside placeholders, handles and hashtags, one of them in lower
    case (`Google Maps` stays), two of them words of the source language's lexicon where it has
    one (`waahoo x 2` stays), the pair of languages two languages, and language identification
    not saying the text is in the target language (a source that quotes it)?"""
    if segment.record is None or segment.missing or not segment.source or not source_lang:
        return False
    text = doc.text[segment.start:segment.end].strip()
    source_code = source_lang.split("-")[0]
    if text != segment.source.strip() or source_code == doc.lang:
        return False
    words = _WORD.findall(doc.masked[segment.start:segment.end])
    if len(words) < MIN_COPIED_WORDS or all(w[:1].isupper() for w in words):
        return False
    try:
        source = get_language(source_code)
    except UnknownLanguage:
        source = None
    if source is not None and source.lexicon:
        if sum(source.zipf(w) >= MIN_KNOWN_ZIPF for w in words) < MIN_COPIED_WORDS:
            return False
    return identified(text, source_code, doc.lang) != doc.lang


@register
class IdenticalToSource(Rule):
    code = "MT608"
    needs_language_data = False
    name = "identical-to-source"
    category = "untranslated"
    fix_availability = FixAvailability.NEVER
    compares_source = True
    what = ("Finds a record (a key of a resource file, a JSONL or PO unit) whose translation is "
            "its source, unchanged: two words of letters at least besides placeholders, one of "
            "them in lower case (`Google Maps`, `OK` and `Email` may stay as they are), unless "
            "language identification restricted to the two languages says the text is in the "
            "target language (a source that already quotes it). Longer copies are reported here "
            "too, and not by MT603.")
    why = "A value left in the source language is shown to every user of that language as it is."
    fix_safety = "No fix: the value needs translating."
    examples = tuple(
        Example(code, "⟦Save your changes⟧", source="Save your changes", source_lang="en", record="menu.save")
        for code in ("de", "es", "fr", "it", "ja", "nl", "pl", "pt", "ru")
    ) + (Example("en", "⟦Änderungen speichern⟧", source="Änderungen speichern", source_lang="de", record="save"),)

    def check(self, doc: Document, lang: Language):
        source_lang = source_language(doc)
        for segment in doc.segments:
            if copied_record(doc, segment, source_lang):
                start, end = doc.unprotected_core(segment.start, segment.end)
                yield self.finding(start, end, f"this is its source, unchanged ({source_lang})")
