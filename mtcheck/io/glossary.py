"""Glossaries: the required translations of source terms, read from CSV or TBX.

A glossary feeds the terminology rule (MT703: a source term whose required target term is
missing from the translation) and the accept-list (target terms are house spellings that the
casing and spelling rules never flag). ``load_glossary(path)`` reads one file; the CLI
(``--glossary PATH``) and the config (``glossary = "terms.csv"``) put it on the Config, and the
checker makes the Config's glossary visible to the rules while a document is checked
(``activated``/``active``): a glossary is a setting, not a property of the text, and the rules'
``check(doc, lang)`` stays what it is for every other rule.

CSV: a header row naming the columns ``source`` and ``target`` (any order, any case; comma,
semicolon or tab separated; other columns are ignored, except optional ``source_lang`` and
``target_lang``, which restrict a row to those languages). Several allowed terms in one cell
are separated by ``|``: ``ceasefire,alto el fuego|cese al fuego``. Rows with the same source
term (and languages) are merged into one entry with all their target terms::

    source,target,target_lang
    ceasefire,alto el fuego|cese al fuego,es
    ceasefire,cessez-le-feu,fr

A row without ``target_lang`` applies to every target language: give the column (or use one
glossary per target language) in multilingual projects.

TBX (TBX 2008 ``termEntry/langSet/tig/term`` and TBX v3 ``conceptEntry/langSec/termSec/term``):
each concept gives an entry for every ordered pair of its languages. Terms whose
``administrativeStatus`` is deprecated, superseded or forbidden are never required. The file is
read with the standard library's expat, and a document that declares entities (an "entity
bomb" or an external entity) or uses an undeclared one is refused, not expanded.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

MAX_GLOSSARY_BYTES = 50 * 1024 * 1024
ALTERNATIVES = "|"
# TBX administrativeStatus values (TBX 2008 and v3 spellings) of terms that must not be used.
_UNUSABLE_STATUS = ("deprecated", "superseded", "forbidden", "notrecommended")
_XML_LANG = "http://www.w3.org/XML/1998/namespace lang"


class GlossaryError(ValueError):
    """A glossary that cannot be read, said in one line naming the file."""


@dataclass(frozen=True)
class Term:
    """One glossary entry: source terms (alternatives) and the target terms allowed for them."""

    sources: tuple[str, ...]
    targets: tuple[str, ...]
    source_lang: str | None = None  # primary language subtags ("en"); None: any
    target_lang: str | None = None

    def applies(self, source_lang: str | None, target_lang: str) -> bool:
        """Is this entry for a translation from ``source_lang`` (None: unknown) into ``target_lang``?"""
        if self.target_lang is not None and self.target_lang != _primary(target_lang):
            return False
        return self.source_lang is None or source_lang is None or self.source_lang == _primary(source_lang)


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...] = ()
    paths: tuple[str, ...] = ()
    _by_pair: dict = field(default_factory=dict, init=False, repr=False, compare=False, hash=False)

    def __add__(self, other: Glossary) -> Glossary:
        return Glossary(_merge(self.terms + other.terms), self.paths + other.paths)

    def __len__(self) -> int:
        return len(self.terms)

    def for_pair(self, source_lang: str | None, target_lang: str) -> tuple[Term, ...]:
        """The entries that apply to a translation from ``source_lang`` into ``target_lang``."""
        key = (source_lang and _primary(source_lang), _primary(target_lang))
        if key not in self._by_pair:
            self._by_pair[key] = tuple(t for t in self.terms if t.applies(source_lang, target_lang))
        return self._by_pair[key]

    def target_terms(self) -> set[str]:
        """Every allowed target term, as written (for the accept-list)."""
        return {t for term in self.terms for t in term.targets}


def load_glossary(path: str | Path) -> Glossary:
    """Read a ``.tbx`` (or ``.xml``) or CSV/TSV glossary; GlossaryError when it cannot be read."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_GLOSSARY_BYTES:
            raise GlossaryError(f"{path}: glossary of {size} bytes is over the limit of {MAX_GLOSSARY_BYTES}")
        data = path.read_bytes()
    except FileNotFoundError:
        raise GlossaryError(f"{path}: no such glossary file") from None
    except OSError as exc:
        raise GlossaryError(f"{path}: {exc.strerror or exc}") from None
    if path.suffix.lower() in (".tbx", ".xml") or data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        terms = _read_tbx(data, str(path))
    else:
        terms = _read_csv(data, str(path))
    return Glossary(_merge(terms), (str(path),))


# -- the checker's view -----------------------------------------------------------------------
_ACTIVE: ContextVar[Glossary | None] = ContextVar("mtcheck_glossary", default=None)


def active() -> Glossary | None:
    """The glossary of the check in progress (set by the checker from its Config)."""
    return _ACTIVE.get()


@contextmanager
def activated(glossary: Glossary | None) -> Iterator[None]:
    """Make ``glossary`` the active one for the duration of a check (thread- and task-local)."""
    token = _ACTIVE.set(glossary)
    try:
        yield
    finally:
        _ACTIVE.reset(token)


# -- CSV --------------------------------------------------------------------------------------
def _read_csv(data: bytes, name: str) -> list[Term]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise GlossaryError(f"{name}: invalid UTF-8 at byte {exc.start}") from None
    lines = text.splitlines()
    header_line = next((line for line in lines if line.strip()), "")
    delimiter = max(",;\t", key=header_line.count)
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [h.strip().lower() for h in next(rows, [])]
        if "source" not in header or "target" not in header:
            raise GlossaryError(f"{name}: the first row must name the columns 'source' and 'target' "
                                f"(found: {', '.join(header) or 'nothing'})")
        col = {key: header.index(key) for key in ("source", "target", "source_lang", "target_lang") if key in header}
        terms = []
        for row in rows:
            cells = {key: row[i].strip() if i < len(row) else "" for key, i in col.items()}
            sources, targets = _alternatives(cells["source"]), _alternatives(cells["target"])
            if sources and targets:
                terms.append(Term(sources, targets, _primary(cells.get("source_lang")),
                                  _primary(cells.get("target_lang"))))
    except csv.Error as exc:
        raise GlossaryError(f"{name}: line {rows.line_num}: {exc}") from None
    return terms


def _alternatives(cell: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(" ".join(t.split()) for t in cell.split(ALTERNATIVES) if t.strip()))


# -- TBX --------------------------------------------------------------------------------------
class _Forbidden(Exception):
    pass


def _read_tbx(data: bytes, name: str) -> list[Term]:
    """Concepts of a TBX file as entries for each ordered pair of their languages.

    Parsed with expat, event by event (no tree, no lxml): entity declarations and external
    entities raise before anything is expanded, the technique of defusedxml.
    """
    from xml.parsers import expat

    concepts: list[dict[str, list[tuple[str, bool]]]] = []  # lang → [(term, usable)]
    stack: list[str] = []
    state = {"lang": None, "term": None, "status": None, "note": None, "group": None}

    def local(tag: str) -> str:
        return tag.rsplit(" ", 1)[-1]

    def start(tag, attrs):
        tag = local(tag)
        stack.append(tag)
        if tag in ("termEntry", "conceptEntry"):
            concepts.append({})
        elif tag in ("langSet", "langSec"):
            state["lang"] = _primary(attrs.get(_XML_LANG) or attrs.get("lang"))
        elif tag in ("tig", "ntig", "termSec"):
            state["group"], state["status"] = [], None
        elif tag == "term":
            state["term"] = []
        elif tag == "termNote" and attrs.get("type") == "administrativeStatus":
            state["note"] = []

    def end(tag):
        tag = local(tag)
        stack.pop()
        if tag == "term" and state["term"] is not None:
            text = " ".join("".join(state["term"]).split())
            state["term"] = None
            if state["group"] is not None:
                state["group"].append(text)
            else:  # a bare term directly in the language section
                _add(text, True)
        elif tag == "termNote" and state["note"] is not None:
            state["status"] = "".join(state["note"]).strip().lower()
            state["note"] = None
        elif tag in ("tig", "ntig", "termSec") and state["group"] is not None:
            status = (state["status"] or "").replace("-", "").replace(" ", "")
            usable = not any(s in status for s in _UNUSABLE_STATUS)
            for text in state["group"]:
                _add(text, usable)
            state["group"] = None
        elif tag in ("langSet", "langSec"):
            state["lang"] = None

    def _add(text: str, usable: bool) -> None:
        if text and concepts and state["lang"]:
            concepts[-1].setdefault(state["lang"], []).append((text, usable))

    def chars(text):
        for key in ("term", "note"):
            if state[key] is not None:
                state[key].append(text)

    def forbid(*_args):
        raise _Forbidden

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartElementHandler, parser.EndElementHandler = start, end
    parser.CharacterDataHandler = chars
    parser.EntityDeclHandler = forbid
    parser.UnparsedEntityDeclHandler = forbid
    parser.ExternalEntityRefHandler = forbid
    try:
        parser.Parse(data, True)
    except _Forbidden:
        raise GlossaryError(f"{name}: the TBX declares or references entities; refused "
                            f"(glossaries must not use DTD entities)") from None
    except expat.ExpatError as exc:
        raise GlossaryError(f"{name}: not well-formed XML ({expat.errors.messages[exc.code]}, "
                            f"line {exc.lineno})") from None
    terms = []
    for concept in concepts:
        for src_lang, src_terms in concept.items():
            sources = tuple(dict.fromkeys(t for t, _ in src_terms))
            for tgt_lang, tgt_terms in concept.items():
                targets = tuple(dict.fromkeys(t for t, usable in tgt_terms if usable))
                if tgt_lang != src_lang and sources and targets:
                    terms.append(Term(sources, targets, src_lang, tgt_lang))
    return terms


# -- shared -----------------------------------------------------------------------------------
def _primary(lang: str | None) -> str | None:
    """``en-US`` → ``en``; empty → None. Terms are matched on the language alone."""
    from mtcheck.languages.codes import InvalidLanguageCode, base

    if not lang or not lang.strip():
        return None
    try:
        return base(lang)
    except InvalidLanguageCode:
        return lang.strip().lower()


def _merge(terms) -> tuple[Term, ...]:
    """One entry per source term set and language pair, with the union of the target terms:
    two rows `file,archivo` and `file,fichero` allow either, rather than demanding both."""
    merged: dict[tuple, Term] = {}
    for term in terms:
        key = (tuple(sorted(s.casefold() for s in term.sources)), term.source_lang, term.target_lang)
        if key in merged:
            old = merged[key]
            term = Term(old.sources, tuple(dict.fromkeys(old.targets + term.targets)),
                        term.source_lang, term.target_lang)
        merged[key] = term
    return tuple(merged.values())
