"""MT502 on records with sources: a repetition the source has too is faithful, one it lacks is not."""

from __future__ import annotations

from mtcheck.checker import check_document
from mtcheck.config import Config
from mtcheck.document import Document

FIRST = "Orders are shipped within two working days by tracked international mail."
SOURCE_FIRST = "Los pedidos se envían en dos días laborables por correo internacional con seguimiento."


def repeats(translations: list[str], sources: list[str]) -> list[str]:
    doc = Document.from_records(translations, [f"r{i}" for i in range(len(translations))],
                                list(range(1, len(translations) + 1)), "en", sources=sources, source_lang="es")
    return [f.record for f in check_document(doc, Config()) if f.code == "MT502"]


def test_a_sentence_the_source_repeats_is_faithful():
    assert repeats([FIRST, "Returns are free.", FIRST], [SOURCE_FIRST, "Las devoluciones son gratis.", SOURCE_FIRST]) == []


def test_a_sentence_the_source_does_not_repeat_is_reported_once_on_the_later_copy():
    sources = [SOURCE_FIRST, "Las devoluciones son gratis.", "Los paquetes grandes tardan una semana más en llegar."]
    assert repeats([FIRST, "Returns are free.", FIRST], sources) == ["r2"]


def test_without_sources_only_a_quote_repeated_unquoted_is_reported():
    quoted = f"“{FIRST}” the shop says."
    assert repeats([quoted, "Returns are free.", FIRST], [None, None, None]) == ["r2"]
    assert repeats([FIRST, "Returns are free.", FIRST], [None, None, None]) == []
