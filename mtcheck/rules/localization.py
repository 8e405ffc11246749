"""Localization QA against the source: placeholders, consistency, terminology.

The checks every translation-QA tool has (Xbench, Okapi CheckMate, pofilter), for translations
that come with their source: JSONL/TSV records with a ``source`` field (each record one unit), or
a text file checked with ``--source`` (its lines are the units when source and translation have
as many lines, as in line-aligned parallel text; otherwise the whole text is one unit).

- MT701 compares the placeholders of each unit's source and translation: printf (``%d``,
  ``%1$s``; ``%%`` and the percent sign of ``50%``/``50 %`` are not placeholders), Python and ICU
  (``{0}``, ``{name!r:>10}``, ``%(name)s``, ``{count, plural, …}`` by argument name), templates
  (``{{var}}``, ``${var}``, ``%name%``, ``$(var)``, ``@var@``, ``&entity;``, ``#PRS_ORG#``, Laravel
  ``:name`` when the source has them; the grammar is mtcheck.text.placeholders),
  inline tags by name and id, URLs and e-mail addresses.
- MT702 finds one source segment translated two ways in one document.
- MT703 checks the terms of a glossary (``--glossary``, config ``glossary``; mtcheck.io.glossary).

These rules report tokens that the text rules never touch (URLs, ``#PRS_ORG#``) and whole
translations, so they set ``compares_source``: the checker does not silence them on protected
spans or accepted words.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex

from mtcheck.document import EMAIL, URL, Document
from mtcheck.finding import Fix
from mtcheck.io.glossary import Glossary, Term, active
from mtcheck.languages import Language
from mtcheck.text.patterns import lazy
from mtcheck.text.placeholders import (AT_NAME, COLON, DOLLAR, ENTITY, FORMAT, ICU_HEAD, PERCENT_LITERAL, PERCENT_NAME,
                                  PERCENT_SIGN, PRINTF, PRINTF_NAMED, QT_ARG, TEMPLATE, TOKEN, is_entity, is_token)
from mtcheck.rules import Example, Rule, register


# -- aligned units ----------------------------------------------------------------------------
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


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- placeholders -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Placeholder:
    """A placeholder found in a text. ``key`` is what is compared (``%s`` and ``%1$s``, ``{}``
    and ``{0}`` are told apart unless one side numbers them; see ``_keys``); ``start``/``end``
    is the part a fix replaces (an ICU argument's ``{count, plural`` head, not its bodies)."""

    kind: str  # printf, format, icu, template, token, colon, tag, url, email
    key: str
    start: int
    end: int
    text: str
    numbered_key: str | None = None  # for automatic numbering: the key with its position

    @property
    def automatic(self) -> bool:
        return self.numbered_key is not None


# The grammar is shared with the Document's protected spans and MT601 (mtcheck.text.placeholders).
_PERCENT_SIGN = PERCENT_SIGN
TAG = lazy(r"<(?P<close>/)?(?P<name>[A-Za-z][\w:.-]*)(?P<attrs>(?:\s+[\w:.-]+\s*=\s*(?:\"[^\"<>]*\""
                    r"|'[^'<>]*'|[^\s\"'<>=`/]+))*)\s*(?P<empty>/)?>")
# Inline elements of HTML, XLIFF 1.2/2.0 and TMX: tags by name alone. Other names are tags only
# with an attribute or as `<name/>`: `<Fukushima>` is an MT's rendering of `＜福島＞`.
INLINE_TAGS = frozenset("""a abbr b bdi bdo big blockquote br button cite code del dfn div em font h1 h2 h3
    h4 h5 h6 hr i img input ins kbd label li mark ol p pre q samp small span strike strong sub sup
    table td th tr tt u ul var wbr x g bx ex bpt ept ph it mrk sc ec pc sm em hi ut""".split())
# Every kind above holds one of these (a URL its `:` or `www.`).
_PLACEHOLDER_CHAR = lazy(r"[{<%#:@$&]|www\.")
TAG_ID = lazy(r"""\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>/=`]+))""")
VOID_TAGS = frozenset({"br", "hr", "img", "input", "wbr", "meta", "link", "area", "col", "source"})
# Tokenizer leftovers are MT104's (subword-residue), not placeholders.
SUBWORD_TAGS = frozenset({"unk", "pad", "mask", "s"})
MASK_CHAR = "\0"


def placeholders(text: str) -> list[Placeholder]:
    """Every placeholder in ``text``, in order of position. Each character belongs to one at
    most: kinds are taken from the most specific to the least (a URL before a tag, ``%%``
    before printf, an ICU argument before ``{name}``), masking what each one took.

    >>> [p.key for p in placeholders("Hi {name}, %d new <b>messages</b> at 50 % off, 100%")]
    ['{name}', '%d', '<b>', '</b>']
    """
    if not _PLACEHOLDER_CHAR.search(text):
        return []  # most sentences: none of the characters any placeholder needs
    chars = list(text)
    found: list[Placeholder] = []

    def take(kind: str, start: int, end: int, key: str, numbered: str | None = None,
             mask_end: int | None = None) -> None:
        for i in range(start, mask_end or end):
            chars[i] = MASK_CHAR
        found.append(Placeholder(kind, key, start, end, text[start:end], numbered))

    def scan(pattern) -> Iterator:
        return pattern.finditer("".join(chars))

    for m in scan(URL):
        take("url", *m.span(), m.group().rstrip("/"))
    for m in scan(EMAIL):
        take("email", *m.span(), m.group().lower())
    covered = 0
    for m in scan(ICU_HEAD):
        if m.start() < covered:
            continue  # an argument nested in another's bodies: the bodies are not compared
        covered = _balanced_end(text, m.start())
        take("icu", m.start(), m.end(), f"{{{m['name']}, {m['type']}}}", mask_end=covered)
    for m in scan(TEMPLATE):
        take("template", *m.span(), regex.sub(r"\s+", "", m.group()))
    for m in scan(TAG):
        name = m["name"].lower()
        if not m["attrs"] and (name in SUBWORD_TAGS or (name not in INLINE_TAGS and not m["empty"])):
            continue
        if m["close"]:
            key = f"</{name}>"
        else:
            ident = TAG_ID.search(m["attrs"] or "")
            ident = f' id="{next(g for g in ident.groups() if g is not None)}"' if ident else ""
            key = f"<{name}{ident}/>" if m["empty"] or name in VOID_TAGS else f"<{name}{ident}>"
        take("tag", *m.span(), key)
    for m in scan(PERCENT_LITERAL):
        take("literal", *m.span(), "%%")
    for m in scan(PRINTF_NAMED):
        take("printf", *m.span(), m.group())
    for m in scan(PERCENT_NAME):
        take("template", *m.span(), m.group())
    auto = 0
    for m in scan(PRINTF):
        if m["pos"]:
            take("printf", *m.span(), f"%{m['pos']}${m['spec']}")
        else:
            auto += 1
            take("printf", *m.span(), f"%{m['spec']}", f"%{auto}${m['spec']}")
    for m in scan(QT_ARG):
        take("printf", *m.span(), m.group())
    auto = 0
    for m in scan(FORMAT):
        rest = (m["conv"] or "") + (m["spec"] or "")
        if m["field"] is None:
            take("format", *m.span(), f"{{{rest}}}", f"{{{auto}{rest}}}")
            auto += 1
        else:
            take("format", *m.span(), m.group())
    for m in scan(DOLLAR):
        take("template", *m.span(), m.group())
    for m in scan(AT_NAME):
        take("template", *m.span(), m.group())
    for m in scan(TOKEN):
        if is_token(m["name"]):
            take("token", *m.span(), m.group())
    for m in scan(ENTITY):
        if is_entity(m["name"]):
            take("template", *m.span(), m.group())
    for m in scan(COLON):
        take("colon", *m.span(), m.group())
    return sorted((p for p in found if p.kind != "literal"), key=lambda p: p.start)


def _balanced_end(text: str, start: int) -> int:
    """The end of the brace group opening at ``text[start]`` (the text's end when unbalanced)."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return i + 1
    return len(text)


def _numbered(p: Placeholder) -> bool:
    """``%1$s``, ``%1``, ``{0}``: a placeholder that says which argument it takes."""
    return p.kind in ("printf", "format") and not p.automatic and p.key[1:2].isdigit()


def _keys(source: list[Placeholder], target: list[Placeholder]) -> tuple[list[str], list[str]]:
    """Comparison keys. Automatic numbering (``%s``, ``{}``) is compared as written, unless the
    other side numbers its placeholders of that kind (``%2$s de %1$s`` translates ``%s of %s``,
    as gettext's msgfmt allows): then both sides are compared by position."""
    numbered = {p.kind for p in source + target if _numbered(p)}

    def key(p: Placeholder) -> str:
        return f"{p.kind} {p.numbered_key if p.automatic and p.kind in numbered else p.key}"

    return [key(p) for p in source], [key(p) for p in target]


@dataclass
class Mismatch:
    missing: list[Placeholder]  # of the source
    added: list[Placeholder]  # of the translation
    changed: list[tuple[Placeholder, Placeholder]]  # (source, translation)
    reordered: bool = False  # the changes are unnumbered placeholders in another order


def compare(source: str, target: str) -> Mismatch | None:
    """How the placeholders of ``target`` differ from those of ``source``; None when they agree.

    >>> m = compare("Hello {name}, %d new", "Hola {nombre}, % d nuevos")
    >>> [(s.text, t.text) for s, t in m.changed], m.missing, m.added
    ([('{name}', '{nombre}'), ('%d', '% d')], [], [])
    """
    src, tgt = placeholders(source), placeholders(target)
    if not src and not tgt:
        return None
    if not _colon_placeholders(src, tgt):
        src = [p for p in src if p.kind != "colon"]
        tgt = [p for p in tgt if p.kind != "colon"]
    src_keys, tgt_keys = _keys(src, tgt)
    unmatched = Counter(src_keys) - Counter(tgt_keys)
    extra = Counter(tgt_keys) - Counter(src_keys)
    # A named or numbered placeholder (`{name}`, `%1$s`, `#PRS_ORG#`, a tag) the source says twice
    # and the translation once still gets its value (a translator may merge the two mentions):
    # only the count of unnumbered ones (`%s`, `{}`) is part of the format. A copy added is
    # still reported: MT repeats placeholders.
    in_target = set(tgt_keys)
    missing = [p for p, k in zip(src, src_keys) if _take(unmatched, k) and (p.automatic or k not in in_target)]
    added = [p for p, k in zip(tgt, tgt_keys) if _take(extra, k)]
    if not missing and not added:
        return _order_changed(src, tgt)
    changed = []
    # A placeholder broken by white space or a case change (`% d`, `{ name }`, `# NAME #`)
    # is no placeholder any more: look for it where the translation has no placeholder.
    masked = _mask(target, tgt)
    for p in list(missing):
        near = _near_form(p, masked)
        if near is not None:
            missing.remove(p)
            changed.append((p, Placeholder(p.kind, p.key, *near, target[near[0]:near[1]])))
            masked = masked[:near[0]] + MASK_CHAR * (near[1] - near[0]) + masked[near[1]:]
    # A placeholder of the same kind in its place (`{name}` → `{nombre}`, `%s` → `%d`).
    for p in list(missing):
        partner = next((a for a in added if a.kind == p.kind), None)
        if partner is not None:
            missing.remove(p)
            added.remove(partner)
            changed.append((p, partner))
    changed.sort(key=lambda pair: pair[1].start)
    return Mismatch(missing, added, changed)


def _colon_placeholders(src: list[Placeholder], tgt: list[Placeholder]) -> bool:
    """Is ``:name`` a placeholder here (Laravel, Rails)? It is prose as often (a French source
    typed `Attention :vous`), so only when the source has two, or both sides have one."""
    in_source = sum(p.kind == "colon" for p in src)
    return in_source >= 2 or (in_source == 1 and any(p.kind == "colon" for p in tgt))


def _order_changed(src: list[Placeholder], tgt: list[Placeholder]) -> Mismatch | None:
    """Unnumbered printf placeholders are filled in order: `%s of %d` → `%d de %s` swaps the
    arguments (a crash for C, garbage for Python). Reported where the order differs."""
    pairs = []
    for kind in ("printf", "format"):
        a = [p for p in src if p.kind == kind and p.automatic]
        b = [p for p in tgt if p.kind == kind and p.automatic]
        if len(a) == len(b) and not any(p.kind == kind and _numbered(p) for p in src + tgt):
            pairs += [(x, y) for x, y in zip(a, b) if x.key != y.key]
    return Mismatch([], [], sorted(pairs, key=lambda pair: pair[1].start), reordered=True) if pairs else None


def _take(counter: Counter, key: str) -> bool:
    """Count one occurrence of ``key`` off ``counter``; False when none is left."""
    if counter[key] > 0:
        counter[key] -= 1
        return True
    return False


def _mask(text: str, found: list[Placeholder]) -> str:
    chars = list(text)
    for p in found:
        for i in range(p.start, p.end):
            chars[i] = MASK_CHAR
    return "".join(chars)


@lru_cache(maxsize=1024)
def _near_pattern(text: str):
    """``%d`` → ``%\\s*d``: the placeholder with white space allowed between its parts, any case."""
    parts = regex.findall(r"[^\W_]+|\S", text)
    body = r"[ \u00a0\u202f]*".join(regex.escape(p) for p in parts)
    lead = _PERCENT_SIGN if text.startswith("%") else r"(?<![#$%{])"
    # `%d` must not match the `% d` of `50 % des`; `#NAME#` may touch a word (`#NAME #Store`).
    tail = r"(?![\w}])" if text[-1].isalnum() else r"(?!\})"
    return regex.compile(lead + body + tail, regex.IGNORECASE)


def _near_form(p: Placeholder, masked_target: str) -> tuple[int, int] | None:
    if p.kind in ("url", "email", "icu"):
        return None
    for m in _near_pattern(p.text).finditer(masked_target):
        if m.group() != p.text:
            return m.span()
    return None


@register
class PlaceholderMismatch(Rule):
    """MT701: the placeholders of a unit's source, as a multiset, must be those of its translation."""

    code = "MT701"
    needs_language_data = False
    name = "placeholder-mismatch"
    category = "placeholder-mismatch"
    fix_availability = "sometimes"
    compares_source = True
    what = ("Compares the placeholders of each translation with those of its source: printf "
            "(`%d`, `%1$s`, `%(name)s`), Python and ICU (`{0}`, `{name}`, `{count, plural, …}` by "
            "argument name), templates (`{{var}}`, `${var}`, `%name%`, `#NAME#`, `:name`), inline "
            "tags (`<b>`, `</b>`, `<x id=\"1\"/>`, by name and id), URLs and e-mail addresses. "
            "Reports one missing from the translation (on the whole translation), one added, and "
            "one changed (`%d` → `% d`, `{name}` → `{nombre}`). The percent sign of `50%` and "
            "`50 %` and the literal `%%` are not placeholders.")
    why = ("A program fills placeholders at run time: a missing or renamed one crashes it or "
           "shows the reader raw `{nombre}`; a lost tag breaks the markup, a lost URL the link.")
    fix_safety = ("Unsafe, and only when the translation has exactly one placeholder changed "
                  "and nothing else missing or added: the source's placeholder is restored. "
                  "A placeholder can be renamed on purpose (a localized URL), so nothing is "
                  "fixed silently; missing and added placeholders have no fix (where one goes "
                  "in the sentence is the translator's call).")
    examples = (
        Example("en", "⟦% d⟧ files were deleted.", "%d files were deleted.",
                source="%d Dateien wurden gelöscht.", source_lang="de"),
        Example("en", "Hello ⟦%(nombre)s⟧, welcome back.", "Hello %(name)s, welcome back.",
                source="Hola %(name)s, bienvenido de nuevo.", source_lang="es"),
        Example("es", "Hola ⟦{nombre}⟧, tienes mensajes nuevos.", "Hola {name}, tienes mensajes nuevos.",
                source="Hello {name}, you have new messages.", source_lang="en"),
        Example("es", "El campo ⟦:atributo⟧ es obligatorio.", "El campo :attribute es obligatorio.",
                source="The :attribute field is required.", source_lang="en"),
        Example("pt", "⟦Clique em <b>Salvar para continuar.⟧", None,
                source="Click <b>Save</b> to continue.", source_lang="en"),
        Example("fr", "Économisez 50 % sur ⟦%d⟧ aujourd'hui.", "Économisez 50 % sur %s aujourd'hui.",
                source="Save 50% on %s today.", source_lang="en"),
        Example("fr", "⟦Écrivez-nous pour en savoir plus.⟧", None,
                source="Write to help@example.com for details.", source_lang="en"),
        Example("de", "Hallo #NAME#, Ihre Bestellung ⟦#NUMMER#⟧ ist unterwegs.",
                "Hallo #NAME#, Ihre Bestellung #NUMBER# ist unterwegs.",
                source="Hi #NAME#, your order #NUMBER# is on its way.", source_lang="en"),
        Example("it", "⟦{conteggio, plural⟧, one {# file} other {# file}} selezionati",
                "{count, plural, one {# file} other {# file}} selezionati",
                source="{count, plural, one {# file} other {# files}} selected", source_lang="en"),
        Example("nl", "Totaal: ⟦${bedrag}⟧", "Totaal: ${amount}", source="Total: ${amount}", source_lang="en"),
        Example("nl", "⟦Meer informatie vindt u online.⟧", None,
                source="See https://example.com/help for more.", source_lang="en"),
        Example("ru", "Нажмите <b>OK</b>, чтобы подтвердить.⟦<br/>⟧", None,
                source="Press <b>OK</b> to confirm.", source_lang="en"),
        Example("ru", "Удалено ⟦{ 0 }⟧ файлов.", "Удалено {0} файлов.",
                source="{0} files deleted.", source_lang="en"),
    )
    clean = (
        ("fr", "Une hausse de 50 % en un an, soit 20 % de plus qu'en 2021."),
        ("ru", "Рост на 50 % за год."),
        ("de", "Die Preise stiegen um 50% und mehr."),
        ("es", "Un aumento del 50 % {en teoría}."),
    )

    def check(self, doc: Document, lang: Language) -> Iterable:
        for unit in aligned_units(doc):
            if unit.start == unit.end:
                continue  # an empty translation is omission's business
            mismatch = compare(unit.source, doc.text[unit.start:unit.end])
            if mismatch is None:
                continue
            yield from self._report(unit, mismatch)

    def _report(self, unit: Unit, m: Mismatch):
        only_change = len(m.changed) == 1 and not m.missing and not m.added
        for src, tgt in m.changed:
            fix = None
            if only_change and src.kind not in ("url", "email"):
                fix = Fix.replace(unit.start + tgt.start, unit.start + tgt.end, src.text, safe=False)
            why = (": unnumbered placeholders are filled in order (number them, `%1$s`, to reorder)"
                   if m.reordered else " as in the source")
            yield self.finding(unit.start + tgt.start, unit.start + tgt.end,
                               f"`{_quote(tgt.text)}` should be `{_quote(src.text)}`{why}", fix)
        for p in m.added:
            yield self.finding(unit.start + p.start, unit.start + p.end,
                               f"`{_quote(p.text)}` is not in the source")
        if m.missing:
            names = ", ".join(f"`{_quote(p.text)}`" for p in m.missing)
            yield self.finding(unit.start, unit.end,
                               f"missing from the translation: {names} of the source")


# -- consistency ------------------------------------------------------------------------------
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
    fix_availability = "never"
    compares_source = True
    what = ("Finds a source segment (white space collapsed; case and punctuation kept) "
            "translated differently from its first occurrence in the same document: the "
            "records of one `doc_id` (PO, XLIFF and TMX files are one document), or the lines "
            "of a text checked with a line-aligned `--source`; PO units with another `msgctxt` "
            "or plural form are other contexts. Sources of one word need four "
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
                                   f"`{_quote(source, 40)}` is translated `{_quote(translation, 40)}` "
                                   f"in {where}")


# -- terminology ------------------------------------------------------------------------------
_SPACE = r"[\s\u00a0\u202f]+"
SOURCE_PLURAL = r"(?:s|es|e|en|n)?"  # `ceasefires`, `Dateien`: plural endings of the last word
MIN_STEM_WORD = 4  # shorter target words (`el`, `de`, `der`) must match exactly


def _case_sensitive(term: str) -> bool:
    """`US`, `WHO`, `iPhone`: acronyms and inner capitals are matched in their case."""
    return sum(c.isupper() for c in term) >= 2 or any(c.isupper() for c in term[1:2])


@lru_cache(maxsize=8192)
def _source_pattern(term: str):
    """The term as whole words, any case (see _case_sensitive), its last word maybe plural."""
    words = term.split()
    body = _SPACE.join(regex.escape(w) for w in words)
    if len(_LETTER.findall(words[-1])) >= MIN_STEM_WORD and words[-1][-1].isalpha():
        body += SOURCE_PLURAL
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


def _candidates(source: str, index: dict) -> list[tuple[Term, str]]:
    seen, out = set(), []
    for word in _WORD.findall(source):
        folded = word.casefold()
        keys = [folded] + [folded[: -len(e)] for e in ("s", "es", "e", "en", "n") if folded.endswith(e)]
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
    fix_availability = "never"
    compares_source = True
    what = ("With a glossary (`--glossary terms.csv`, or `glossary = \"terms.tbx\"` in the "
            "config), finds a unit whose source contains a glossary term (whole words, any case "
            "but for acronyms such as `US`, a plural ending allowed) while its translation has "
            "none of the term's target terms. Target terms are matched as whole words in any "
            "case, each word of four letters or more with a free ending (`sistemas operativos` "
            "for `sistema operativo`, Russian `учётной записи` for `учётная запись`). The "
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
        for unit in aligned_units(doc):
            translation = _fold(doc.text[unit.start:unit.end])
            if not translation:
                continue
            reported = set()
            for term, source_term in _candidates(unit.source, index[1]):
                if id(term) in reported or not _source_pattern(source_term).search(unit.source):
                    continue
                if any(_target_pattern(t, lang.compounding).search(translation) for t in term.targets):
                    continue
                reported.add(id(term))
                wanted = " or ".join(f"“{t}”" for t in term.targets)
                yield self.finding(unit.start, unit.end, f"glossary: “{source_term}” should be {wanted}")
