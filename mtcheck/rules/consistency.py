"""MT702: one source segment translated two ways in one document.

Units as mtcheck.text.units pairs them: the records of one ``doc_id`` (a PO, XLIFF or TMX file is
one document), or the lines of a text checked with a line-aligned ``--source``.
"""

from __future__ import annotations

from collections.abc import Iterable

from mtcheck.document import Document
from mtcheck.languages import Language
from mtcheck.rules import Example, FixAvailability, Rule, register
from mtcheck.text.patterns import lazy
from mtcheck.text.units import Unit, aligned_units, quote

MIN_LETTERS_ONE_WORD = 4  # `OK`, `No`, `Yes` are translated by context
_LETTER = lazy(r"\p{L}")


def _comparable(source: str) -> bool:
    """Worth a consistency check: two words, or one word of four letters or more."""
    words = [w for w in source.split() if _LETTER.search(w)]
    if len(words) >= 2:
        return True
    return len(words) == 1 and len(_LETTER.findall(words[0])) >= MIN_LETTERS_ONE_WORD


def _inflected(a: str, b: str) -> bool:
    """One-word translations differing in ending or case only (`Nuevo`/`Nueva`, `Open`/`open`):
    agreement with a context the unit does not show, not an inconsistency."""
    a, b = a.casefold(), b.casefold()
    if " " in a or " " in b:
        return a == b
    stem = min(len(a), len(b), MIN_LETTERS_ONE_WORD)
    return a[:stem] == b[:stem]


@register
class InconsistentTranslation(Rule):
    """MT702: one source segment, two translations, in one document."""

    code = "MT702"
    needs_language_data = False
    name = "inconsistent-translation"
    category = "inconsistent-translation"
    fix_availability = FixAvailability.NEVER
    compares_source = True
    what = ("Finds a source segment (white space collapsed; case and punctuation kept) "
            "translated differently (white space aside) from its first occurrence in the same "
            "document, and reports it on the later unit with the first one's place and "
            "translation. A document is the records of one `doc_id` (a PO file, an XLIFF "
            "`<file>`, the units of one target language of a TMX file), or the lines of a text "
            "checked with a line-aligned `--source`; PO units with another `msgctxt` or plural "
            "form are other contexts. Sources of one word need four "
            "letters or more (`OK`, `No` change with the context), and one-word translations "
            "that differ only in ending or case (`Nuevo`/`Nueva`) are agreement, not "
            "inconsistency. The reverse, two sources with one translation, is not reported: "
            "sources use synonyms (`Delete`/`Remove`) that a translation may rightly merge.")
    why = ("A reader (or a user of a program) who meets two words for one thing takes them for "
           "two things; translation memories propagate whichever came last.")
    fix_safety = "This rule has no fix: which of the two translations is right is a choice."
    examples = tuple(
        Example(lang, f"{first}\n{other}\n⟦{second}⟧", None, source=f"{src}\n{src_other}\n{src}",
                source_lang=src_lang)
        for lang, src_lang, src, src_other, first, other, second in (
            ("en", "de", "Datei speichern", "Abbrechen", "Save file", "Cancel", "Store file"),
            ("es", "en", "Save file", "Cancel", "Guardar archivo", "Cancelar", "Salvar archivo"),
            ("pt", "en", "Save file", "Cancel", "Salvar arquivo", "Cancelar", "Gravar arquivo"),
            ("fr", "en", "Save file", "Cancel", "Enregistrer le fichier", "Annuler", "Sauvegarder le fichier"),
            ("de", "en", "Save file", "Cancel", "Datei speichern", "Abbrechen", "Datei sichern"),
            ("it", "en", "Save file", "Cancel", "Salva file", "Annulla", "Memorizza file"),
            ("nl", "en", "Save file", "Cancel", "Bestand opslaan", "Annuleren", "Bestand bewaren"),
            ("ru", "en", "Save file", "Cancel", "Сохранить файл", "Отмена", "Записать файл"),
        )
    )
    clean = (
        ("es", "Guardar archivo\nGuardar archivo"),
        ("fr", "Nouveau\nNouvelle"),
    )

    def check(self, doc: Document, lang: Language) -> Iterable:
        units = aligned_units(doc)
        if len(units) < 2:
            return
        first: dict[tuple[str, str], tuple[Unit, str]] = {}
        for unit in units:
            source = " ".join(unit.source.split())
            target = " ".join(doc.text[unit.start:unit.end].split())
            if not target or not _comparable(source):
                continue
            key = (unit.context, source)
            if key not in first:
                first[key] = (unit, target)
                continue
            earlier, translation = first[key]
            one_word = len(source.split()) == 1
            if target != translation and not (one_word and _inflected(target, translation)):
                where = earlier.name if earlier.name != unit.name else f"{earlier.name} (line {earlier.line})"
                yield self.finding(unit.start, unit.end,
                                   f"`{quote(source, 40)}` is translated `{quote(translation, 40)}` "
                                   f"in {where}")
