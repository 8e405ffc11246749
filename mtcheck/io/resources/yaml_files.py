"""YAML resource files: Rails i18n (``config/locales/fr.yml``, ``devise.fr.yml``: the locale is
the root key, ``fr:``, and its tree mirrors ``en.yml``'s ``en:`` tree) and YAML files named by
their language without such a root (``locales/de.yml``, ``de/common.yaml``).

Every string scalar is a record; its key path joins the mapping keys with ``.`` and sequence
indexes as ``[i]``, the Rails locale root left out (``fr: {menu: {save: …}}`` → ``menu.save``,
the same key as in ``en.yml``). Numbers, booleans, nulls, Ruby symbols (``:year``) and tagged
values are not text; an alias (``*name``) is the value of its anchor again, not a second value;
of a key written twice, the last one counts, as for the YAML loader. A mapping whose keys are
CLDR plural categories, ``other`` among them (Rails' ``one:``/``other:``), is a plural: each of
its values is one form.

Values are decoded as YAML does (plain, single- and double-quoted scalars with their line
folding and escapes, literal ``|`` and folded ``>`` block scalars with their chomping), each
character with the span of the file it comes from, and the decoding is compared with what PyYAML
loads: a value where they differ is read but never fixed. New text is written in the scalar's
own style, or not at all when the style cannot hold it (``: `` in a plain scalar, a line break
in a folded block).

    >>> r = read('fr:\\n  menu:\\n    save: "Enregistrer"\\n    items:\\n      one: un\\n      other: "%{count}"\\n', "fr.yml")
    >>> r.lang, [(e.key, e.target.text, e.line, e.plural) for e in r.entries]
    ('fr', [('menu.save', 'Enregistrer', 3, None), ('menu.items.one', 'un', 5, ('menu.items', 'one')), ('menu.items.other', '%{count}', 6, ('menu.items', 'other'))])
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path, PurePath

from mtcheck.languages.plurals import CATEGORIES
from mtcheck.io.resources import Entry, Resource
from mtcheck.io.resources.json_files import language as _language
from mtcheck.io.resources.json_files import source_paths as _source_paths
from mtcheck.io.resources.naming import language_at_end, language_of
from mtcheck.io.splice import Target

KIND = "yaml"
LABEL = "YAML"
INSTALL = "pip install 'mtcheck[formats]'"
PLURAL_CATEGORIES = frozenset(CATEGORIES)
STR = "tag:yaml.org,2002:str"
MERGE = "tag:yaml.org,2002:merge"
_RUBY_SYMBOL = re.compile(r":[A-Za-z_][A-Za-z0-9_]*[?!]?\Z")  # Psych loads a plain `:year` as a Symbol
_BREAK = r"(?:\r\n|[\r\n\x85\u2028\u2029])"
_BREAK_RE = re.compile(_BREAK)
# A run of white space with a line break in it, which YAML folds (plain: spaces only; quoted: tabs too).
_PLAIN_FOLD = re.compile(rf" *{_BREAK}(?: |{_BREAK})*")
_FLOW_FOLD = re.compile(rf"[ \t]*{_BREAK}(?:[ \t]|{_BREAK})*")
_ESCAPED_BREAK = re.compile(rf"\\{_BREAK}(?:[ \t]|{_BREAK})*")
_ESCAPES = {"0": "\0", "a": "\x07", "b": "\x08", "t": "\t", "\t": "\t", "n": "\n", "v": "\x0b", "f": "\x0c",
            "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0",
            "L": "\u2028", "P": "\u2029"}
_CODES = {"x": 2, "u": 4, "U": 8}
# A node's properties: an anchor (`&name`) and a tag (`!!str`, `!<...>`), with the white space
# and comments after them.
_PROPERTIES = re.compile(r"(?:(?:&[^\s,\[\]{}]+|!<[^>]*>|![^\s,\[\]{}]*)(?:[ \t]|#[^\r\n]*|\r\n|[\r\n])*)*")
_BLOCK_HEADER = re.compile(r"([|>])(?:([+-])([1-9])?|([1-9])([+-])?)?")
# What YAML lets a file hold unescaped (PyYAML's Reader); anything else is written escaped or refused.
_NON_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# What a plain scalar cannot hold: a line break or tab, `: ` or ` #` (a `:` or `#` at an end of the
# new text may meet a space beside it), a first character that would start another token at the
# scalar's start (a quote, an anchor, a tag...), and, in a flow collection, `,[]{}`. A space at an
# end is fine inside the scalar, where nearly every fix puts one (`rendusdans` → `rendus dans`).
_PLAIN_UNSAFE = re.compile(r"[\r\n\x85\u2028\u2029\t]|:(?:\s|\Z)|(?:\s|\A)#|\A[-?:]\s|\A[#'\"&*!|>%@`]")
_FLOW_UNSAFE = re.compile(r"[,\[\]{}]")


def language(path: PurePath) -> str | None:
    """The language of a file by its name, else its folder's.

    >>> language(PurePath("config/locales/fr.yml")), language(PurePath("devise.pt-BR.yml"))
    ('fr', 'pt-BR')
    >>> language(PurePath("locales/de/common.yaml")), language(PurePath("docker-compose.yml"))
    ('de', None)
    """
    return _language(path)


def is_resource(path: PurePath) -> bool:
    """A translation file met in a directory walk: its name is a language (``fr.yml``), or ends in
    one after ``.`` or ``_`` (``devise.fr.yml``), or its folder is one (``de/common.yaml``). A
    ``-`` before it is a word of the name more often than not (``release-it.yml``, ``hosts-ha.yaml``).

    >>> [is_resource(PurePath(p)) for p in ("fr.yml", "devise.fr.yml", "de/a.yaml", "release-it.yml", "ci.yml")]
    [True, True, True, False, False]
    """
    name, lang = language_at_end(path.stem)
    if lang is not None:
        return not name or path.stem[len(name)] in "._"
    return language_of(path.parent.name) is not None


def source_paths(path: PurePath, source_lang: str | None) -> list[Path]:
    """The same name, else folder, with the source language; then with the other YAML suffix.

    >>> [str(p) for p in source_paths(PurePath("config/locales/devise.fr.yml"), None)]
    ['config/locales/devise.en.yml', 'config/locales/devise.en.yaml']
    """
    paths = _source_paths(path, source_lang)
    other = {".yml": ".yaml", ".yaml": ".yml"}.get(path.suffix.lower())
    return paths + [p.with_suffix(other) for p in paths] if other else paths


def _yaml(name: str):
    from mtcheck.io.readers import InputError

    try:
        import yaml
    except ImportError:
        raise InputError(f"{name}: reading YAML files needs PyYAML: {INSTALL}") from None
    return yaml


def read(text: str, name: str) -> Resource:
    from mtcheck.io.readers import InputError

    yaml = _yaml(name)
    # libyaml's loader when PyYAML has it (ten times faster); both count marks in characters.
    loader = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader
    try:
        root = yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f"line {mark.line + 1}: " if mark else ""
        raise InputError(f"{name}: {line}not valid YAML: {exc.problem or exc.context}") from None
    except yaml.reader.ReaderError as exc:
        # libyaml says where in UTF-8 bytes, PyYAML's own reader in characters
        before = text.encode("utf-8")[:exc.position].decode("utf-8", "ignore") if loader is not yaml.SafeLoader \
            else text[:exc.position]
        raise InputError(f"{name}: line {before.count(chr(10)) + 1}: not valid YAML: "
                         f"character {exc.character!r} is not allowed") from None
    except RecursionError:
        raise InputError(f"{name}: YAML nested too deeply") from None
    if root is None:
        return Resource([])
    if not isinstance(root, yaml.MappingNode):
        raise InputError(f"{name}: line {root.start_mark.line + 1}: a resource file is a YAML mapping, "
                         f"not {'a sequence' if isinstance(root, yaml.SequenceNode) else 'a scalar'}")
    lang = None
    if (len(root.value) == 1 and isinstance(root.value[0][0], yaml.ScalarNode)
            and isinstance(root.value[0][1], yaml.MappingNode) and language_of(root.value[0][0].value)):
        lang = root.value[0][0].value  # a Rails locale root: its tree is the resource
        root = root.value[0][1]
    walker = _Walker(yaml, text)
    try:
        walker.walk(root, "", 0)
    except RecursionError:
        raise InputError(f"{name}: YAML nested too deeply") from None
    return Resource(list(walker.entries.values()), lang, frozenset(walker.aliased - set(walker.entries)))


class _Walker:
    """The string values of a node tree, in document order, by key path."""

    def __init__(self, yaml, text: str):
        self.yaml, self.text = yaml, text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.seen: set[int] = set()
        self.entries: dict[str, Entry] = {}
        self.aliased: set[str] = set()  # key paths whose value is an alias: present, but no record

    def walk(self, node, path: str, column: int, plural: str | None = None, category: str = "",
             flow: bool = False) -> None:
        if id(node) in self.seen:
            self.aliased.update(self.paths(node, path, set()))
            return  # an alias: its anchor's value, read where the anchor is
        self.seen.add(id(node))
        yaml = self.yaml
        if isinstance(node, yaml.MappingNode):
            keys = [k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode) and k.tag != MERGE]
            is_plural = bool(keys) and "other" in keys and set(keys) <= PLURAL_CATEGORIES
            for key, value in node.value:
                if not isinstance(key, yaml.ScalarNode):
                    continue  # a complex key: no path to name it by
                if key.tag == MERGE:
                    self.walk(value, path, key.start_mark.column, flow=node.flow_style)  # an inline `<<:`
                    continue
                child = f"{path}.{key.value}" if path else key.value
                self.walk(value, child, key.start_mark.column, path if is_plural else None, key.value,
                          node.flow_style)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                self.walk(item, f"{path}[{i}]", node.start_mark.column, flow=node.flow_style)
        elif node.tag == STR and path and (node.style or not _RUBY_SYMBOL.match(node.value)):
            target = self.target(node, column, flow)
            self.entries.pop(path, None)  # a key written twice: the last one is the value
            start = target.spans[0][0] if target.spans else target.end
            self.entries[path] = Entry(path, target, bisect.bisect_right(self.starts, start),
                                       (plural, category) if plural is not None else None)

    def paths(self, node, path: str, inside: set[int]):
        """The key paths of the string values of a node met again through an alias (a
        translation's `cancel: *no` has the key `cancel`), its own aliases followed once."""
        yaml = self.yaml
        if id(node) in inside:
            return
        inside = inside | {id(node)}
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    child = path if key.tag == MERGE else (f"{path}.{key.value}" if path else key.value)
                    yield from self.paths(value, child, inside)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                yield from self.paths(item, f"{path}[{i}]", inside)
        elif node.tag == STR and path:
            yield path

    def target(self, node, column: int, flow: bool) -> Target:
        # A node starts at its anchor or tag, if it has one; the scalar after them.
        start, end = _PROPERTIES.match(self.text, node.start_mark.index).end(), node.end_mark.index
        decoded = _decode(self.text, start, end, node.style, column, flow) if start <= end else None
        if decoded is None or "".join(decoded[0]) != node.value:
            # Not decoded as the loader decodes it: read as loaded, never written.
            return Target(node.value, [(start, end)] * len(node.value), [0] * len(node.value),
                          lambda new: None, start)
        chars, spans, escape = decoded
        if not chars and node.style not in ("'", '"'):
            escape = _refuse  # an empty block or plain scalar: no place that is sure to hold text
        return Target("".join(chars), spans, [0] * len(chars), escape, end - 1 if not chars else None)


def _decode(text: str, start: int, end: int, style: str | None, column: int, flow: bool):
    """(characters, their spans, escape) of the scalar at ``text[start:end]``, or None."""
    out = _Out()
    if not style:  # plain (None from PyYAML, "" from libyaml)
        _flow(text, start, end, out, _PLAIN_FOLD, None)
        return out.chars, out.spans, _flow_plain_escape if flow else _plain_escape
    if style == "'":
        _flow(text, start + 1, end - 1, out, _FLOW_FOLD, "'")
        return out.chars, out.spans, _single_escape
    if style == '"':
        if _flow(text, start + 1, end - 1, out, _FLOW_FOLD, '"') is None:
            return None
        return out.chars, out.spans, _double_escape
    return _block(text, start, end, column)


class _Out:
    def __init__(self):
        self.chars: list[str] = []
        self.spans: list[tuple[int, int]] = []

    def add(self, char: str, start: int, end: int) -> None:
        self.chars.append(char)
        self.spans.append((start, end))

    def breaks(self, emitted: list[str], start: int, end: int, break_ends: list[int], extend: bool = True) -> None:
        """Characters a stretch of line breaks and indentation (``start:end``) reads as,
        spread over its lines: the first also takes the lines of breaks that read as nothing,
        the last (when ``extend``) the indentation after the last break, so that replacing them
        replaces the whole stretch."""
        k, m = len(emitted), len(break_ends)
        for j, char in enumerate(emitted):
            a = start if j == 0 else break_ends[m - k + j - 1]
            b = end if extend and j == k - 1 else break_ends[m - k + j]
            self.add(char, a, b)


def _normal_break(brk: str) -> str:
    return brk if brk in "\u2028\u2029" else "\n"


def _fold(text: str, m: re.Match, out: _Out) -> None:
    """A line folding: one break reads as a space; more, as all but the first."""
    found = list(_BREAK_RE.finditer(text, m.start(), m.end()))
    first = _normal_break(found[0].group())
    emitted = [first] if first != "\n" else ([] if len(found) > 1 else [" "])
    emitted += [_normal_break(b.group()) for b in found[1:]]
    out.breaks(emitted, m.start(), m.end(), [b.end() for b in found])


_SPECIAL = re.compile(r"[\\'\r\n\x85\u2028\u2029]")  # where a flow scalar's text is more than its characters


def _flow(text: str, start: int, end: int, out: _Out, fold: re.Pattern, quote: str | None):
    pos = start
    while pos < end:
        # Up to the next line break, backslash or quote (less the white space before a break),
        # each character is itself.
        special = _SPECIAL.search(text, pos, end)
        stop = special.start() if special else end
        if special and special.group() not in "\\'":
            while stop > pos and text[stop - 1] in " \t":
                stop -= 1
        if stop > pos:
            out.chars.extend(text[pos:stop])
            out.spans.extend(zip(range(pos, stop), range(pos + 1, stop + 1)))
            pos = stop
            continue
        char = text[pos]
        m = fold.match(text, pos, end) if char in " \t\r\n\x85\u2028\u2029" else None
        if m:
            _fold(text, m, out)
            pos = m.end()
        elif quote == "'" and text.startswith("''", pos):
            out.add("'", pos, pos + 2)
            pos += 2
        elif quote == '"' and char == "\\":
            pos = _escape_sequence(text, pos, end, out)
            if pos is None:
                return None
        else:
            out.add(char, pos, pos + 1)
            pos += 1
    return out


def _escape_sequence(text: str, pos: int, end: int, out: _Out) -> int | None:
    code = text[pos + 1:pos + 2]
    if code in _ESCAPES:
        out.add(_ESCAPES[code], pos, pos + 2)
        return pos + 2
    if code in _CODES:
        digits = text[pos + 2:pos + 2 + _CODES[code]]
        if len(digits) != _CODES[code] or not all(c in "0123456789abcdefABCDEF" for c in digits):
            return None
        out.add(chr(int(digits, 16)), pos, pos + 2 + len(digits))
        return pos + 2 + len(digits)
    m = _ESCAPED_BREAK.match(text, pos, end)
    if m is None:
        return None
    # An escaped line break joins the lines without a space; blank lines after it stay breaks.
    found = list(_BREAK_RE.finditer(text, pos, m.end()))
    out.breaks([_normal_break(b.group()) for b in found[1:]], pos, m.end(), [b.end() for b in found])
    return m.end()


def _block(text: str, start: int, end: int, column: int):
    """A literal (``|``) or folded (``>``) block scalar, read line by line as PyYAML's scanner
    reads it."""
    header = _BLOCK_HEADER.match(text, start, end)
    if header is None:
        return None
    folded = header.group(1) == ">"
    chomp = header.group(2) or header.group(5) or ""
    increment = header.group(3) or header.group(4)
    brk = _BREAK_RE.search(text, header.end())
    if brk is None:
        return [], [], _refuse
    newline = brk.group()
    pos = gap_start = brk.end()
    if increment:
        indent = column + int(increment)  # the indicator counts from the parent's indentation
        pos, gap = _blank_lines(text, pos, indent)
    else:  # the indentation of the first line with text (PyYAML: the deepest of the lines up to it)
        indent, gap = 0, []
        while pos < len(text) and text[pos] in " \r\n\x85\u2028\u2029":
            b = _BREAK_RE.match(text, pos)
            if b:
                gap.append(b)
                pos = b.end()
            else:
                pos += 1
                indent = max(indent, pos - (gap[-1].end() if gap else gap_start))
        indent = max(indent, 1)
    out, emitted, last, blank = _Out(), [_normal_break(b.group()) for b in gap], None, gap
    while _column(text, pos) == indent and pos < len(text):
        out.breaks(emitted, gap_start, pos, [b.end() for b in blank])
        leading_non_space = text[pos] not in " \t"
        last = _BREAK_RE.search(text, pos)
        stop = last.start() if last else len(text)
        out.chars.extend(text[pos:stop])
        out.spans.extend(zip(range(pos, stop), range(pos + 1, stop + 1)))
        if last is None:
            blank = []
            break
        pos, blank = _blank_lines(text, last.end(), indent)
        if not (_column(text, pos) == indent and pos < len(text)):
            break
        if folded and _normal_break(last.group()) == "\n" and leading_non_space and text[pos] not in " \t":
            emitted = [" "] if not blank else []  # folded: a line break between two lines is a space
        else:
            emitted = [_normal_break(last.group())]
        emitted += [_normal_break(b.group()) for b in blank]
        gap_start, blank = last.start(), [last] + blank
    # The end, as chomping says: clip keeps the last line break, strip none, keep every one.
    tail = [] if chomp == "-" else ([last] if last else []) + (blank if chomp == "+" else [])
    # These breaks are the block's structure as much as its text: their characters get no room
    # in the file (an empty span where the last line ends), so that no fix can remove a line
    # break YAML needs or write text below the block; such a fix does not read back, and is refused.
    for b in tail:
        out.add(_normal_break(b.group()), tail[0].start(), tail[0].start())
    return out.chars, out.spans, (_folded_escape if folded else _literal_escape(newline + " " * indent))


def _column(text: str, pos: int) -> int:
    line_start = max(text.rfind("\n", 0, pos), text.rfind("\r", 0, pos)) + 1
    return pos - line_start


def _blank_lines(text: str, pos: int, indent: int) -> tuple[int, list[re.Match]]:
    """Past the blank lines of a block scalar (spaces up to its indentation, then a break), and
    the indentation of the line after them: (where that line's text starts, the breaks)."""
    breaks = []
    while True:
        line = pos
        while pos < len(text) and pos - line < indent and text[pos] == " ":
            pos += 1
        b = _BREAK_RE.match(text, pos)
        if b is None:
            return pos, breaks
        breaks.append(b)
        pos = b.end()


# -- writing new text in the scalar's style ---------------------------------------------------------

def _refuse(new: str) -> None:
    return None


def _plain_escape(new: str) -> str | None:
    """New text as a plain scalar holds it (as it is), or None."""
    return None if _PLAIN_UNSAFE.search(new) or _NON_PRINTABLE.search(new) else new


def _flow_plain_escape(new: str) -> str | None:
    """In a flow collection (``[a, b]``), a plain scalar holds no ``,[]{}`` either."""
    return None if _FLOW_UNSAFE.search(new) else _plain_escape(new)


def _single_escape(new: str) -> str | None:
    if re.search(r"[\r\n\x85\u2028\u2029]", new) or _NON_PRINTABLE.search(new):
        return None  # a line break would need a blank line; not worth the risk
    return new.replace("'", "''")


def _double_escape(new: str) -> str:
    out = []
    for char in new:
        if char in '"\\':
            out.append("\\" + char)
        elif char in "\n\t\r":
            out.append({"\n": "\\n", "\t": "\\t", "\r": "\\r"}[char])
        elif char in "\x85\u2028\u2029" or _NON_PRINTABLE.match(char):
            out.append(f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return "".join(out)


def _folded_escape(new: str) -> str | None:
    """A folded block reads a line break as a space: new text may hold none."""
    if re.search(r"[\r\n\x85\u2028\u2029]", new) or _NON_PRINTABLE.search(new):
        return None
    return new


def _literal_escape(newline: str):
    """A literal block keeps its lines: a new line break is written with the block's indentation."""
    def escape(new: str) -> str | None:
        if re.search(r"[\r\x85\u2028\u2029]", new) or _NON_PRINTABLE.search(new) or new.endswith("\n"):
            return None
        return new.replace("\n", newline)
    return escape
