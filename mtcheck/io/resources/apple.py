"""Apple ``.strings`` files: ``de.lproj/Localizable.strings``.

Every ``"key" = "value";`` is a record, its id the key (decoded); ``/* */`` and ``//`` comments
are not. Keys and values are read as CoreFoundation's old-style property list parser reads them
(CFOldStylePList.c): in double or single quotes, with the escapes ``\\"``, ``\\'``, ``\\\\``,
``\\n``, ``\\t``, ``\\r``, ``\\a``, ``\\b``, ``\\f``, ``\\v``, ``\\Uxxxx`` (up to four hex digits; a
surrogate pair of them is one character), octal ``\\0``–``\\377``, a backslash before any other
character standing for that character; or unquoted (letters, digits, ``_$/:.-``). The shortcut
``"key";`` (the value is the key) is checked but never fixed: its text is the key's.

    >>> [(e.key, e.target.text, e.line) for e in read('/* Title */\\n"title" = "Caf\\\\U00e9 \\\\"Mond\\\\"";\\nok = "OK";', "de.lproj/x.strings").entries]
    [('title', 'Café "Mond"', 2), ('ok', 'OK', 3)]

**Written back**: only the changed characters; a quote or backslash a fix writes is escaped as
the string's quoting needs, a line break ``\\n``; the file stays UTF-8 (a UTF-16 file is refused
on reading, with the command to convert it).

**Languages** come from the ``.lproj`` folder (``de.lproj``, ``pt-BR.lproj``, ``zh-Hans.lproj``).
The source of ``de.lproj/Localizable.strings``, with a source language configured (``en``):
``en.lproj/Localizable.strings``, then ``Base.lproj/Localizable.strings``; without one,
``Base.lproj`` first (Base is the development language, whatever it is), then ``en.lproj``.
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path, PurePath

from mtcheck.io.resources import DEFAULT_SOURCE_LANG, Entry, Resource
from mtcheck.io.resources.naming import language_of
from mtcheck.io.resources.utf16 import join_surrogates
from mtcheck.io.splice import Target

KIND = "strings"
LABEL = "Apple .strings"
BASE = "Base"
LPROJ = ".lproj"
SPACE = "\t\n\v\f\r \u2028\u2029"  # what the parser skips between tokens
UNQUOTED = re.compile(r"[A-Za-z0-9_$/:.-]+")
_SLASHED = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}
_HEX = "0123456789abcdefABCDEF"
_PLAIN = {q: re.compile(rf"[^{q}\\]+") for q in "\"'"}


# -- where the files are (shared with .stringsdict) -----------------------------------------------


def language(path: PurePath) -> str | None:
    """The language of the ``.lproj`` folder the file is in.

    >>> [language(PurePath(f"{d}/Localizable.strings")) for d in ("de.lproj", "pt-BR.lproj", "zh-Hans.lproj", "Base.lproj", "src")]
    ['de', 'pt-BR', 'zh-Hans', None, None]
    """
    folder = PurePath(path).parent.name
    if not folder.endswith(LPROJ):
        return None
    return language_of(folder[:-len(LPROJ)])


def is_resource(path: PurePath) -> bool:
    """A file in an ``.lproj`` folder, Base's included (the source of the others)."""
    return PurePath(path).parent.name.endswith(LPROJ)


def source_paths(path: PurePath, source_lang: str | None) -> list[Path]:
    """The same file in the source language's folder and in Base.lproj.

    >>> [str(p) for p in source_paths(PurePath("App/de.lproj/Localizable.strings"), None)]
    ['App/Base.lproj/Localizable.strings', 'App/en.lproj/Localizable.strings']
    >>> [str(p) for p in source_paths(PurePath("App/de.lproj/Localizable.strings"), "fr")]
    ['App/fr.lproj/Localizable.strings', 'App/Base.lproj/Localizable.strings']
    """
    path = PurePath(path)
    if language(path) is None:
        return []
    folders = [source_lang, BASE] if source_lang else [BASE, DEFAULT_SOURCE_LANG]
    return [Path(path.parent.parent) / f"{folder}{LPROJ}" / path.name for folder in folders]


# -- reading --------------------------------------------------------------------------------------


def read(text: str, name: str) -> Resource:
    return Resource(_Parser(text, name).entries())


class _Parser:
    def __init__(self, text: str, name: str):
        self.text, self.name, self.pos = text, name, 0
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line(self, at: int) -> int:
        return bisect.bisect_right(self.starts, at)

    def error(self, at: int, what: str):
        from mtcheck.io.readers import InputError

        return InputError(f"{self.name}: line {self.line(at)}: not a valid .strings file: {what}")

    def skip(self) -> bool:
        """Past white space and comments; False at the end of the text."""
        text, n = self.text, len(self.text)
        while self.pos < n:
            c = text[self.pos]
            if c in SPACE:
                self.pos += 1
            elif text.startswith("//", self.pos):
                while self.pos < n and text[self.pos] not in "\n\r\u2028\u2029":
                    self.pos += 1
            elif text.startswith("/*", self.pos):
                end = text.find("*/", self.pos + 2)
                if end == -1:
                    raise self.error(self.pos, "a /* comment that does not end")
                self.pos = end + 2
            else:
                return True
        return False

    def entries(self) -> list[Entry]:
        out = []
        while self.skip():
            key_at = self.pos
            key = self.string("a key")
            if not self.skip():
                raise self.error(self.pos, "missing ';' or '=' after the key")
            if self.text[self.pos] == ";":
                # `"key";` — the value is the key: checked, never written (its text is the key's)
                out.append(Entry(key.text, Target(key.text, key.spans, key.sections, lambda t: None, key.end),
                                 self.line(key_at)))
                self.pos += 1
                continue
            if self.text[self.pos] != "=":
                raise self.error(self.pos, f"expected '=' after the key, found {self.text[self.pos]!r}")
            self.pos += 1
            if not self.skip():
                raise self.error(self.pos, "missing value after '='")
            value_at = self.pos
            value = self.string("a value")
            value_end = self.pos
            if not self.skip() or self.text[self.pos] != ";":
                raise self.error(value_end - 1, "missing ';' after the value")
            self.pos += 1
            out.append(Entry(key.text, value, self.line(value_at)))
        return out

    def string(self, what: str) -> Target:
        text, start = self.text, self.pos
        c = text[start]
        if c in "\"'":
            return self.quoted(c)
        m = UNQUOTED.match(text, start)
        if not m:
            raise self.error(start, f"expected {what}, found {c!r} (a .strings value is a string)")
        self.pos = m.end()
        spans = [(i, i + 1) for i in range(start, m.end())]
        return Target(m.group(), spans, [0] * len(spans), _unquoted_escape, m.end())

    def quoted(self, quote: str) -> Target:
        text, n = self.text, len(self.text)
        start = self.pos
        plain = _PLAIN[quote]
        i = start + 1
        chars, spans = [], []
        while i < n and text[i] != quote:
            m = plain.match(text, i)
            if m:  # a run of characters that stand for themselves
                end = m.end()
                chars.extend(text[i:end])
                spans.extend(zip(range(i, end), range(i + 1, end + 1)))
                i = end
            elif i + 1 < n:
                value, end = _slashed(text, i + 1)
                chars.append(value)
                spans.append((i, end))
                i = end
            else:  # a backslash at the very end: the string does not end
                i = n
        if i >= n:
            raise self.error(start, "a quoted string that does not end")
        self.pos = i + 1
        chars, spans = join_surrogates(chars, spans)
        return Target("".join(chars), spans, [0] * len(spans), _escaper(quote), i)


def _slashed(text: str, i: int) -> tuple[str, int]:
    """The character an escape stands for (its backslash before ``i``), and where it ends."""
    c = text[i]
    if c in "01234567":
        end = i + 1
        while end < len(text) and end < i + 3 and text[end] in "01234567":
            end += 1
        # one byte in NeXTSTEP Latin: ASCII below 128 (above, read as Latin-1: close, not exact)
        return chr(int(text[i:end], 8) & 0xFF), end
    if c == "U":
        end = i + 1
        while end < len(text) and end < i + 5 and text[end] in _HEX:
            end += 1
        return chr(int(text[i + 1:end] or "0", 16)), end
    return _SLASHED.get(c, c), i + 1


# -- writing --------------------------------------------------------------------------------------

_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _escaper(quote: str):
    """New text for a string in ``quote``: the quote and a backslash escaped, line breaks and tabs
    as ``\\n`` and ``\\t``, other control characters as ``\\Uxxxx``.

    >>> print(_escaper('"')('Say "hi"\\n'))
    Say \\"hi\\"\\n
    """
    table = dict(_ESCAPES, **{quote: "\\" + quote})

    def escape(text: str) -> str:
        return "".join(table.get(c) or (f"\\U{ord(c):04x}" if ord(c) < 0x20 else c) for c in text)

    return escape


def _unquoted_escape(text: str) -> str | None:
    """An unquoted string holds only its own characters: any other fix is not written."""
    return text if not text or UNQUOTED.fullmatch(text) else None
