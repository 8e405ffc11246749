"""Translation units: the parts of a Document that translate a known source.

A unit is a record with a (non-blank) source, a line of a text checked with a line-aligned
``--source``, or else the whole text. The rules that compare with the source (placeholders,
consistency, terminology) read these.

    >>> from mtcheck.document import Document
    >>> doc = Document("Hello\\nBye\\n", "en", source="Hola\\nAdiós\\n")
    >>> [(u.name, doc.text[u.start:u.end], u.source) for u in aligned_units(doc)]
    [('line 1', 'Hello', 'Hola'), ('line 2', 'Bye', 'Adiós')]
"""

from __future__ import annotations

from dataclasses import dataclass

from mtcheck.document import Document
from mtcheck.text.patterns import lazy


@dataclass(frozen=True)
class Unit:
    """A translation aligned with its source: ``doc.text[start:end]`` (surrounding white space
    left out) translates ``source``; ``name`` says where it is (``record 12``, ``line 3``)."""

    start: int
    end: int
    source: str
    name: str
    context: str = ""  # what tells two units with one source apart (see _context)
    line: int = 1


_PLURAL_FORM = lazy(r"\[\d+\]\Z")


def _context(record: str) -> str:
    """What the record id says about the unit's context: PO ids (mtcheck.io.formats, gettext's
    key) are ``msgctxt`` U+0004 ``msgid``, and a plural form adds ``[n]`` (Russian msgstr[1]
    and msgstr[2] both translate msgid_plural, and differ on purpose)."""
    context = record.split("\x04", 1)[0] if "\x04" in record else ""
    form = _PLURAL_FORM.search(record)
    return context + (form.group() if form else "")


def aligned_units(doc: Document) -> list[Unit]:
    """The units of ``doc`` that have a (non-blank) source: its records with one, or the lines
    of a text whose source has as many lines, or else the whole text.

    Not ``Document.units`` (mtcheck.text.align): for a text, that pairs paragraphs or aligns
    sentences by length, where a placeholder compared in the wrong bead would be reported
    twice; a multiset over the whole text cannot be misaligned, and line-aligned parallel text
    (one segment a line, as WMT and Moses files are) is paired line by line here."""
    if doc.has_records:
        return [_unit(doc, s.start, s.end, s.source, "record " + s.record.replace("\x04", "\\x04"),
                      _context(s.record), s.line)
                for s in doc.segments if s.source and s.source.strip()]
    if not doc.source or not doc.source.strip():
        return []
    lines, sources = _lines(doc.text), _lines(doc.source)
    if len(lines) == len(sources) > 1:
        units, offset = [], 0
        for n, (line, source) in enumerate(zip(lines, sources), 1):
            if source.strip():
                units.append(_unit(doc, offset, offset + len(line), source, f"line {n}", line=n))
            offset += len(line) + 1
        return units
    return [_unit(doc, 0, len(doc.text), doc.source, "the text")]


def _lines(text: str) -> list[str]:
    lines = text.split("\n")
    return lines[:-1] if len(lines) > 1 and lines[-1] == "" else lines


def _unit(doc: Document, start: int, end: int, source: str, name: str, context: str = "",
          line: int = 1) -> Unit:
    text = doc.text[start:end]
    stripped = text.strip()
    if stripped:
        start += text.index(stripped[0])
        end = start + len(stripped)
    return Unit(start, end, source, name, context, line)


def quote(text: str, limit: int = 60) -> str:
    """``text`` on one line, cut to ``limit`` characters, for a message.

    >>> quote("a  long\\n text", 8)
    'a long …'
    """
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
