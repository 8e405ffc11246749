"""Translation files as records: PO, XLIFF 1.2, XLIFF 2.0 and TMX, read through translate-toolkit.

Every translation unit with a non-empty target becomes a :class:`Record` (``translation`` the
target, ``source`` the source, ``id`` the unit's id, ``line`` the line where its target starts),
so the runner treats these files like JSONL. The units of one file (of one XLIFF ``<file>``, of
one TMX target language) share a ``doc_id`` and form one document, in file order.

Writing never re-serializes the file. translate-toolkit's serializers re-wrap PO strings and
re-indent XML, so the new target text is spliced into the original text instead: for each
character of a target the reader remembers the span of the file it was decoded from (``\\"``
in PO, ``&amp;`` or a CDATA section in XML), and only the spans of the characters the fixes
edited (at the fixes' own offsets, io/splice.py) are rewritten, escaped as the place needs.
Every other character of the file stays as it was, inline elements included.

XML is read with entities off: a DOCTYPE whose internal subset declares entities (the
"billion laughs", external entities) is refused before any parser sees the file, the parser
loads no DTD and opens no network connection, and an entity reference left in the tree (one
that only an external DTD could define) is refused too.

translate-toolkit and lxml are imported only when such a file is read (extra ``formats``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from mtcheck.document import MASK
from mtcheck.finding import Edit
from mtcheck.io.readers import InputError, Record
from mtcheck.io.splice import Target, apply, diff_edits, splice

KINDS = {"po": "PO", "xliff": "XLIFF", "tmx": "TMX"}
INSTALL = "pip install 'mtcheck[formats]'"
XML_NS = "{http://www.w3.org/XML/1998/namespace}"

# Inline elements whose content is translated text (bold, a marker); every other element inside
# a target (XLIFF <x/>, <ph>, <bpt>, <sc/>, TMX <ph>, <ut>...) stands for something that is not
# text, and is one MASK character in the checked text: words touching it are not judged, and
# no fix may remove it.
PAIRED = {"g", "mrk", "pc", "hi"}


def _toolkit(name: str, kind: str):
    try:
        import translate.storage  # noqa: F401
        from lxml import etree
    except ImportError:
        raise InputError(f"{name}: reading {KINDS[kind]} files needs translate-toolkit: "
                         f"{INSTALL}") from None
    return etree


def normalize_lang(code: str | None) -> str | None:
    """A file's declared language as a normalized tag, its region kept (whose conventions are
    checked): ``pt_PT`` → ``pt-PT``; None when none is declared, and a malformed code as
    written (checking it then says why).

    >>> normalize_lang("pt_PT"), normalize_lang(" "), normalize_lang("english!")
    ('pt-PT', None, 'english!')
    """
    from mtcheck.languages.codes import InvalidLanguageCode, normalize

    code = (code or "").strip()
    if not code:
        return None
    try:
        return normalize(code)
    except InvalidLanguageCode:
        return code


# -- targets and splicing -------------------------------------------------------------------


@dataclass
class TranslationFile:
    """What a reader keeps to write the file back: a Target per record."""

    kind: str
    targets: list[Target]

    def write(self, text: str, fixed: dict[int, str], edits: dict[int, list[Edit]] | None = None) -> str:
        """``text`` with the translations of the records at the given indexes replaced. ``edits``
        (per record, edits of its original translation) say where; without them the change is
        found by a diff, which may place a deletion of a repeated word in the wrong copy. A target
        whose change would remove or move an inline code is left as it was."""
        replacements = []
        for i, new in fixed.items():
            target = self.targets[i]
            found = splice(target, edits[i] if edits and i in edits else diff_edits(target.text, new))
            if found:
                replacements += found
        return apply(text, replacements) if replacements else text


def read(text: str, kind: str, name: str) -> tuple[list[Record], TranslationFile]:
    """Records of a PO, XLIFF or TMX file (``kind``: po, xliff or tmx), and its writer."""
    if kind == "po":
        records, targets = _read_po(text, name)
    else:
        records, targets = _read_xml(text, kind, name)
    _unique_keys(records)
    return records, TranslationFile(kind, targets)


def _unique_keys(records: list[Record]) -> None:
    """The runner tells records apart by (line, id); two units on one line (minified XML) with
    the same id get ``#2``, ``#3``... after the id."""
    seen: dict[tuple[int, str], int] = {}
    for r in records:
        key = (r.line, r.id)
        if key in seen:
            seen[key] += 1
            r.fields["id"] = f"{r.id}#{seen[key]}"
        else:
            seen[key] = 1


def _record(translation: str, ident: str, line: int, source: str | None, source_lang: str | None,
            target_lang: str | None, doc_id: str) -> Record:
    return Record({"id": ident, "translation": translation, "source": source,
                   "source_lang": normalize_lang(source_lang),
                   "target_lang": normalize_lang(target_lang), "doc_id": doc_id}, line, "")


def _nothing_to_check(text: str) -> bool:
    return not text.replace(MASK, "").strip()


# -- PO ---------------------------------------------------------------------------------------

_PO_UNESCAPE = {"r": "\r", "t": "\t", '"': '"', "n": "\n", "\\": "\\"}  # as translate-toolkit's pypo
_PO_ESCAPE = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _po_escape(text: str) -> str:
    return "".join(_PO_ESCAPE.get(c, c) for c in text)


_PO_PARSE_ERROR = re.compile(r"^(?P<msg>.*?) on line (?P<line>\d+): (?P<at>.*)$", re.S)


def _read_po(text: str, name: str) -> tuple[list[Record], list[Target]]:
    _toolkit(name, "po")
    from translate.storage import poparser, pypo

    # translate-toolkit splits at the file's newline ("\r\n", "\n" or "\r", whichever follows the
    # first msgid); the lines are handed over decoded, so the header's charset plays no part:
    # mtcheck reads every input as UTF-8.
    raw_lines, newline = pypo.splitlines(text.encode("utf-8"))
    lines = [line.decode("utf-8") for line in raw_lines]
    store = pypo.pofile()
    store.units = []
    store.newline = newline
    try:
        poparser.parse_units(poparser.PoParseState(lines, store.create_unit), store)
    except poparser.PoParseError as exc:
        m = _PO_PARSE_ERROR.match(str(exc))
        if m:
            raise InputError(f"{name}: line {m['line']}: not a valid PO file: {m['msg']} at {m['at']}") from None
        raise InputError(f"{name}: not a valid PO file: {_one_line(str(exc))}") from None
    except (ValueError, IndexError, KeyError) as exc:
        raise InputError(f"{name}: not a valid PO file: {_one_line(str(exc))}") from None

    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    target_lang = store.gettargetlanguage()
    header = store.parseheader()
    source_lang = header.get("X-Source-Language") or None
    starts = sorted(u._line_number for u in store.units if u._line_number)
    records, targets = [], []
    for unit in store.units:
        if unit.isheader() or unit.isobsolete() or not unit._line_number:
            continue
        after = bisect.bisect_right(starts, unit._line_number)
        end = starts[after] - 1 if after < len(starts) else len(lines)
        forms = _po_msgstrs(lines, offsets, unit._line_number - 1, end)
        ident = str(unit.getid())
        if unit.hasplural():
            sources = [str(s) for s in unit.source.strings]
            expected = {n: pypo.unquotefrompo(v) for n, v in unit.msgstr.items()}
        else:
            sources = [str(unit.source)]
            expected = {None: pypo.unquotefrompo(unit.msgstr)}
        for n, value in expected.items():
            line_no, target = forms.get(n, (unit._line_number, None))
            if target is None or target.text != value:
                raise InputError(f"{name}: line {line_no}: cannot find the msgstr of this unit")
            if _nothing_to_check(value):
                continue  # untranslated: nothing to check
            rid = ident if n is None else f"{ident}[{n}]"
            source = sources[0] if not n else sources[min(n, len(sources) - 1)]
            records.append(_record(value, rid, line_no, source or None, source_lang, target_lang, name))
            targets.append(target)
    return records, targets


def _po_msgstrs(lines: list[str], offsets: list[int], first: int, end: int) -> dict:
    """{None or plural index: (line number, Target)} for the msgstr keywords among lines
    first..end (0-based, end excluded) of one unit, read as translate-toolkit's parser reads them."""
    forms = {}
    i = first
    while i < end:
        line = lines[i]
        if line.startswith("msgstr[") and "]" in line:
            close = line.index("]")
            key, start = int(line[7:close]), close + 1
        elif line.startswith("msgstr") and not line.startswith("msgstr["):
            key, start = None, 6
        else:
            i += 1
            continue
        text, spans = [], []
        keyword_line = i + 1
        if line.find('"', start) == -1:  # no string: not a msgstr translate-toolkit reads
            i += 1
            continue
        while True:
            left = line.find('"', start)
            if left == -1 or not (left == start or line[start:left].isspace()):
                break
            right = line.rfind('"')
            _po_decode(line, left + 1, right, offsets[i], text, spans)
            i += 1
            while i < end and lines[i].isspace():  # blank lines inside a string are skipped
                i += 1
            if i >= end:
                break
            line, start = lines[i], 0
        forms[key] = (keyword_line, Target("".join(text), spans, [0] * len(spans), _po_escape))
    return forms


def _po_decode(line: str, start: int, end: int, base: int, text: list, spans: list) -> None:
    i = start
    while i < end:
        c = line[i]
        if c == "\\" and i + 1 < end:
            text.append(_PO_UNESCAPE.get(line[i + 1], line[i + 1]))
            spans.append((base + i, base + i + 2))
            i += 2
        else:
            text.append(c)
            spans.append((base + i, base + i + 1))
            i += 1


def _one_line(message: str) -> str:
    return " ".join(message.split())


# -- XML: safety ------------------------------------------------------------------------------

_ENCODING = re.compile(r"""\A<\?xml[^>]*?\sencoding\s*=\s*["']([^"']+)["']""")


def refuse_entities(text: str, name: str) -> None:
    """Refuse, before any parser sees it, a DOCTYPE whose internal subset declares entities
    (internal ones can multiply into gigabytes, external ones read files or URLs)."""
    pos, n = 0, len(text)
    while pos < n:
        while pos < n and text[pos] in " \t\r\n":
            pos += 1
        if text.startswith("<?", pos):
            end = text.find("?>", pos)
            pos = n if end == -1 else end + 2
        elif text.startswith("<!--", pos):
            end = text.find("-->", pos)
            pos = n if end == -1 else end + 3
        elif text.startswith("<!DOCTYPE", pos):
            end = _doctype_end(text, pos)
            line = text.count("\n", 0, pos) + 1
            if end == -1:
                raise InputError(f"{name}: line {line}: refused: a DOCTYPE that does not end")
            if "<!entity" in text[pos:end].lower():
                raise InputError(f"{name}: line {line}: refused: the DOCTYPE declares entities "
                                 f"(entity expansion is off for safety)")
            pos = end
        else:
            return


def _doctype_end(text: str, pos: int) -> int:
    """The end of the DOCTYPE declaration at ``pos`` (quoted strings, an internal subset in
    brackets with its comments and processing instructions), or -1. A loop, not a regular
    expression: linear on any input."""
    i, n, subset = pos + len("<!DOCTYPE"), len(text), False
    while i < n:
        c = text[i]
        if c in "\"'":
            j = text.find(c, i + 1)
            if j == -1:
                return -1
            i = j + 1
        elif subset and text.startswith(("<!--", "<?"), i):  # a comment or processing instruction
            close = "-->" if text.startswith("<!--", i) else "?>"
            j = text.find(close, i + 2)
            if j == -1:
                return -1
            i = j + len(close)
        elif c == "[" and not subset:
            subset, i = True, i + 1
        elif c == "]" and subset:
            subset, i = False, i + 1
        elif c == ">" and not subset:
            return i + 1
        else:
            i += 1
    return -1


def _xml_parser(etree):
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False, dtd_validation=False, strip_cdata=False)


# -- XML: where each element is in the text ----------------------------------------------------

_TOKEN = re.compile(r"""
    (?P<text>[^<]+)
  | (?P<comment><!--.*?-->)
  | (?P<cdata><!\[CDATA\[.*?\]\]>)
  | (?P<pi><\?.*?\?>)
  | (?P<end></(?P<ename>[^\s>]+)\s*>)
  | (?P<start><(?P<sname>[^\s/>!?]+)(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(?P<empty>/?)>)
""", re.S | re.X)


@dataclass
class _Element:
    name: str  # local name
    open: int  # index of its start tag among the tokens
    close: int  # index of its end tag (its start tag when empty)


def _lex(text: str, name: str) -> tuple[list[tuple[str, int, int]], list[_Element], dict[int, int]]:
    """Tokens (kind, start, end) of a well-formed document, its elements in document order, and
    the element index of each start-tag token."""
    tokens, elements, of_token, stack = [], [], {}, []
    pos, n = 0, len(text)
    while pos < n:
        if text.startswith("<!DOCTYPE", pos):
            end = _doctype_end(text, pos)
            if end == -1:
                raise InputError(f"{name}: line {text.count(chr(10), 0, pos) + 1}: cannot read the XML here")
            tokens.append(("doctype", pos, end))
            pos = end
            continue
        m = _TOKEN.match(text, pos)
        if not m:
            raise InputError(f"{name}: line {text.count(chr(10), 0, pos) + 1}: cannot read the XML here")
        kind = m.lastgroup  # the outer group: text, comment, cdata, pi, end or start
        index = len(tokens)
        tokens.append((kind, m.start(), m.end()))
        if kind == "start":
            element = _Element(m.group("sname").rpartition(":")[2], index, index)
            of_token[index] = len(elements)
            elements.append(element)
            if not m.group("empty"):
                stack.append(element)
        elif kind == "end":
            if not stack:
                raise InputError(f"{name}: line {text.count(chr(10), 0, pos) + 1}: cannot read the XML here")
            stack.pop().close = index
        pos = m.end()
    return tokens, elements, of_token


_REFERENCE = re.compile(r"&(?:#(\d+)|#x([0-9A-Fa-f]+)|(lt|gt|amp|quot|apos));")
_PREDEFINED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _Content:
    """Decodes the content of elements into a Target."""

    def __init__(self, text: str, tokens, elements: list[_Element], of_token: dict[int, int]):
        self.source, self.tokens, self.elements, self.of_token = text, tokens, elements, of_token
        self.sections = 0

    def target(self, element: _Element) -> Target:
        chars, spans, sections = [], [], []
        self._walk(element, chars, spans, sections)
        return Target("".join(chars), spans, sections, _xml_escape)

    def _walk(self, element: _Element, chars: list, spans: list, sections: list) -> None:
        t = element.open + 1
        while t < element.close:
            kind, start, end = self.tokens[t]
            if kind == "text":
                self._text(start, end, chars, spans, sections)
            elif kind == "cdata":
                self.sections += 1
                self._cdata(start + 9, end - 3, chars, spans, sections, self.sections)
            elif kind == "start":
                child = self.elements[self.of_token[t]]
                if child.name in PAIRED and child.close != child.open:
                    self._walk(child, chars, spans, sections)
                else:
                    chars.append(MASK)
                    spans.append((start, self.tokens[child.close][2]))
                    sections.append(0)
                t = child.close
            t += 1

    def _text(self, start: int, end: int, chars, spans, sections) -> None:
        src, i = self.source, start
        while i < end:
            c = src[i]
            if c == "&":
                m = _REFERENCE.match(src, i, end)
                if not m:  # entity references are refused before; well-formedness checked by lxml
                    raise ValueError(f"unexpected reference at {i}")
                value = (chr(int(m[1])) if m[1] else chr(int(m[2], 16)) if m[2] else _PREDEFINED[m[3]])
                chars.append(value)
                spans.append((i, m.end()))
                i = m.end()
            elif c == "\r":  # XML reads "\r\n" and a lone "\r" as "\n"
                step = 2 if src.startswith("\r\n", i) else 1
                chars.append("\n")
                spans.append((i, i + step))
                i += step
            else:
                chars.append(c)
                spans.append((i, i + 1))
                i += 1
            sections.append(0)

    def _cdata(self, start: int, end: int, chars, spans, sections, section: int) -> None:
        src, i = self.source, start
        while i < end:
            step = 2 if src.startswith("\r\n", i) else 1
            chars.append("\n" if src[i] == "\r" else src[i])
            spans.append((i, i + step))
            sections.append(section)
            i += step


# -- XML: XLIFF and TMX ------------------------------------------------------------------------


def _local(tag) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def safe_root(text: str, name: str, etree):
    """The root element of an XML text, parsed with entities off; a one-line InputError with its
    line for a text that is not well-formed, declares entities or another encoding than UTF-8."""
    refuse_entities(text, name)
    declared = _ENCODING.match(text)
    if declared and declared[1].lower().replace("_", "-") not in ("utf-8", "utf8", "us-ascii", "ascii") \
            and not text.isascii():
        raise InputError(f"{name}: declares encoding {declared[1]}; mtcheck reads UTF-8 only")
    try:
        root = etree.fromstring(text.encode("utf-8"), parser=_xml_parser(etree))
    except etree.XMLSyntaxError as exc:
        line = getattr(exc, "lineno", None)
        where = f" line {line}:" if line else ""
        message = re.sub(r"(?:,? line \d+)?, column \d+$", "", _one_line(exc.msg or str(exc)))
        raise InputError(f"{name}:{where} not well-formed XML: {message}") from None
    for node in root.iter():
        if isinstance(node, etree._Entity):
            raise InputError(f"{name}: line {node.sourceline}: refused: entity reference {node.text} "
                             f"(entities are not expanded)")
    if root.getroottree().docinfo.internalDTD is not None and \
            list(root.getroottree().docinfo.internalDTD.iterentities()):
        raise InputError(f"{name}: refused: the DOCTYPE declares entities")
    return root


def _read_xml(text: str, kind: str, name: str) -> tuple[list[Record], list[Target]]:
    etree = _toolkit(name, kind)
    root = safe_root(text, name, etree)
    data = text.encode("utf-8")
    root_name = _local(root.tag)
    if root_name == "xliff":
        namespace = etree.QName(root).namespace or ""
        version2 = namespace.endswith(":2.0") or (root.get("version") or "").startswith("2")
        return _read_xliff(text, data, name, version2, etree)
    if root_name == "tmx":
        return _read_tmx(text, data, name, etree)
    raise InputError(f"{name}: not an XLIFF or TMX file (root element <{root_name}>)")


def _store(cls, data: bytes, name: str, label: str):
    try:
        return cls(data)
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - translate-toolkit raises assorted errors on bad files
        raise InputError(f"{name}: not a valid {label} file: {_one_line(str(exc)) or type(exc).__name__}") from None


class _Locator:
    """From translate-toolkit's lxml elements to their place in the text."""

    def __init__(self, text: str, store, etree, name: str):
        tokens, self.elements, of_token = _lex(text, name)
        tree_elements = list(store.document.getroot().iter(etree.Element))
        if len(tree_elements) != len(self.elements) or any(
                _local(a.tag) != b.name for a, b in zip(tree_elements, self.elements)):
            raise InputError(f"{name}: cannot map the XML elements to the text")
        self.index = {id(e): i for i, e in enumerate(tree_elements)}
        self._keep = tree_elements  # keeps the proxies (and so their ids) alive
        self.content = _Content(text, tokens, self.elements, of_token)

    def target(self, element) -> Target:
        return self.content.target(self.elements[self.index[id(element)]])


def _child(element, local: str):
    for child in element:
        if _local(child.tag) == local:
            return child
    return None


def _read_xliff(text: str, data: bytes, name: str, version2: bool, etree):
    if version2:
        from translate.storage.xliff2 import Xliff2File as cls
    else:
        from translate.storage.xliff import xlifffile as cls
    store = _store(cls, data, name, "XLIFF 2.0" if version2 else "XLIFF")
    where = _Locator(text, store, etree, name)
    root = store.document.getroot()
    records, targets = [], []
    files: dict[int, tuple[str, str | None, str | None]] = {}
    for unit in store.units:
        element = unit.xmlelement  # <trans-unit>, or <segment> in XLIFF 2.0
        target_el = _child(element, "target")
        if target_el is None or not unit.istranslatable():
            continue
        file_el = next((a for a in element.iterancestors() if _local(a.tag) == "file"), None)
        key = id(file_el)
        if key not in files:
            n = len(files) + 1
            original = file_el.get("original") or file_el.get("id") if file_el is not None else None
            if version2:
                langs = root.get("srcLang"), root.get("trgLang")
            else:
                langs = ((file_el.get("source-language"), file_el.get("target-language"))
                         if file_el is not None else (None, None))
            files[key] = (f"{name}#{n}:{original or ''}", *langs)
        doc_id, source_lang, target_lang = files[key]
        target = where.target(target_el)
        if _nothing_to_check(target.text):
            continue
        ident = str(unit.getid()) if version2 else (element.get("id") or f"unit {len(records) + 1}")
        source_el = _child(element, "source")
        source = where.target(source_el).text if source_el is not None else None
        records.append(_record(target.text, ident, target_el.sourceline, source or None, source_lang,
                               target_lang, doc_id))
        targets.append(target)
    return records, targets


def _read_tmx(text: str, data: bytes, name: str, etree):
    from translate.storage.tmx import tmxfile

    store = _store(tmxfile, data, name, "TMX")
    where = _Locator(text, store, etree, name)
    header = _child(store.document.getroot(), "header")
    srclang = header.get("srclang") if header is not None else None
    by_lang: dict[str, list[tuple[Record, Target]]] = {}
    for position, unit in enumerate(store.units, 1):
        tu = unit.xmlelement
        tuvs = [(t.get(f"{XML_NS}lang") or t.get("lang") or "", _child(t, "seg"))
                for t in tu if _local(t.tag) == "tuv"]
        tuvs = [(lang, seg) for lang, seg in tuvs if seg is not None]
        if len(tuvs) < 2:
            continue
        source_i = next((i for i, (lang, _) in enumerate(tuvs)
                         if srclang and srclang != "*all*" and lang.lower() == srclang.lower()), 0)
        source_lang, source_seg = tuvs[source_i]
        source = where.target(source_seg).text
        ident = tu.get("tuid") or f"tu {position}"
        for i, (lang, seg) in enumerate(tuvs):
            if i == source_i:
                continue
            target = where.target(seg)
            if _nothing_to_check(target.text):
                continue
            record = _record(target.text, ident, seg.sourceline, source or None, source_lang, lang,
                             f"{name}#{lang}")
            by_lang.setdefault(lang, []).append((record, target))
    # One document per target language, in file order within it.
    pairs = [pair for group in by_lang.values() for pair in group]
    return [r for r, _ in pairs], [t for _, t in pairs]
