"""Java ``.properties`` resource bundles: ``Messages.properties`` (the base bundle, the source by
convention: no language in its name), ``Messages_de.properties``, ``Messages_pt_BR.properties``.

Every ``key=value`` (or ``key: value``, ``key value``) is a record; its id is the key, decoded.
Lines are read as ``java.util.Properties.load`` reads them: comments start with ``#`` or ``!``,
a line ending in an odd number of backslashes goes on on the next line (whose leading white
space is not part of the value), ``\\n \\t \\r \\f \\uXXXX`` are escapes and any other backslash
just keeps the character after it (``\\\\ \\= \\: \\#``). Each character of a value keeps the span
of the file it was decoded from, so that ``fix`` rewrites only what changed: new text is written
in the file's style, non-ASCII as ``\\uXXXX`` when the file is ASCII only (Java 8's ISO-8859-1
bundles, ``native2ascii``), as it is when the file already holds UTF-8 (Java 9 and later).
Of a key written twice, the last one counts, as for ``Properties``.

    >>> r = read("# Menu\\nmenu.save = Save \\\\\\n    changes\\ntitle:Caf\\\\u00e9\\n", "Messages_fr.properties")
    >>> [(e.key, e.target.text, e.line) for e in r.entries]
    [('menu.save', 'Save changes', 2), ('title', 'Café', 4)]
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path, PurePath

from mtcheck.io.resources import DEFAULT_SOURCE_LANG, Entry, Resource
from mtcheck.io.resources.naming import language_at_end, with_language
from mtcheck.io.splice import Target

KIND = "properties"
LABEL = ".properties"
_WHITE = " \t\f"
_SIMPLE_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "f": "\f"}
_WRITE_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\f": "\\f"}
_HEX = frozenset("0123456789abcdefABCDEF")


def language(path: PurePath) -> str | None:
    """The language after the bundle's name (``_`` separated, as ResourceBundle names them).

    >>> language(PurePath("Messages_pt_BR.properties")), language(PurePath("Messages.properties"))
    ('pt-BR', None)
    """
    return language_at_end(path.stem, "_")[1]


def is_resource(path: PurePath) -> bool:
    """A bundle file: its name ends in a language, or it is a base file with such siblings
    (``Messages.properties`` beside ``Messages_de.properties``); Spring's lone
    ``application.properties`` is configuration, not a bundle."""
    if language(path) is not None:
        return True
    siblings = Path(path.parent).glob(f"{_glob_escape(path.stem)}_*{path.suffix}")
    return any(language_at_end(p.stem, "_") == (path.stem, language(p)) and language(p) for p in siblings)


def _glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def source_paths(path: PurePath, source_lang: str | None) -> list[Path]:
    """The base bundle, the source by convention, and the bundle of the source language: the
    configured language's file first when there is one. A base file is its own source.

    >>> [str(p) for p in source_paths(PurePath("i18n/Messages_de.properties"), None)]
    ['i18n/Messages.properties', 'i18n/Messages_en.properties']
    >>> [str(p) for p in source_paths(PurePath("i18n/Messages_de.properties"), "fr")]
    ['i18n/Messages_fr.properties', 'i18n/Messages.properties']
    """
    name, lang = language_at_end(path.stem, "_")
    if lang is None:
        return [Path(path)]
    folder = Path(path.parent)
    in_language = folder / f"{with_language(name, source_lang or DEFAULT_SOURCE_LANG, '_')}{path.suffix}"
    base = [folder / f"{name}{path.suffix}"] if name else []
    return [in_language] + base if source_lang else base + [in_language]


def read(text: str, name: str) -> Resource:
    from mtcheck.io.readers import InputError

    starts = [0] + [m.end() for m in re.finditer(r"\r\n?|\n", text)]
    escape = escaper(text)
    entries: dict[str, Entry] = {}
    for chars, places in logical_lines(text):
        key_end, value_start = _split(chars)
        try:
            key, _ = _unescape(chars, places, 0, key_end)
            value, spans = _unescape(chars, places, value_start, len(chars))
        except ValueError as exc:
            line = bisect.bisect_right(starts, places[0])
            raise InputError(f"{name}: line {line}: {exc}") from None
        if not key:
            continue  # `=value`: a key nobody can look up by name
        at = spans[0][0] if spans else (places[value_start - 1] + 1 if value_start else places[0])
        entries.pop(key, None)  # a key written twice: the last one is the value
        entries[key] = Entry(key, Target(value, spans, [0] * len(value), escape, at if not spans else None),
                             bisect.bisect_right(starts, at))
    return Resource(list(entries.values()))


def logical_lines(text: str):
    """(characters, their offsets in ``text``) of each logical line, as ``Properties.load``'s
    line reader joins them: blank and comment lines skipped, leading white space dropped, a
    backslash before a line break and the next line's leading white space taken out.

    >>> ["".join(c) for c, _ in logical_lines("! note\\n  a = b\\\\\\n   c\\\\\\\\\\n\\n#x\\\\\\nd")]
    ['a = bc\\\\\\\\', 'd']
    """
    pos, n = 0, len(text)
    while pos < n:
        while pos < n and text[pos] in " \t\f\r\n":
            pos += 1
        if pos >= n:
            return
        if text[pos] in "#!":
            while pos < n and text[pos] not in "\r\n":
                pos += 1  # a comment ends at its line's end, backslash or not
            continue
        chars: list[str] = []
        places: list[int] = []
        backslash = False
        while pos < n:
            char = text[pos]
            if char in "\r\n":
                if not backslash:
                    break
                chars.pop()
                places.pop()
                pos += 2 if text.startswith("\r\n", pos) else 1
                if not chars:
                    break  # nothing before the backslash: a new line still (a `#` there is a comment)
                while pos < n and text[pos] in _WHITE:
                    pos += 1
                backslash = False
                continue
            chars.append(char)
            places.append(pos)
            backslash = not backslash if char == "\\" else False
            pos += 1
        else:
            if backslash:  # a backslash at the very end of the file is dropped
                chars.pop()
                places.pop()
        if chars:
            yield chars, places


def _split(chars: list[str]) -> tuple[int, int]:
    """(where the key ends, where the value starts) in a logical line: the key ends at the first
    unescaped ``=``, ``:`` or white space; white space and one ``=`` or ``:`` follow it."""
    limit, i, backslash, separator, value_start = len(chars), 0, False, False, len(chars)
    while i < limit:
        char = chars[i]
        if not backslash and char in "=:":
            value_start, separator = i + 1, True
            break
        if not backslash and char in _WHITE:
            value_start = i + 1
            break
        backslash = not backslash if char == "\\" else False
        i += 1
    while value_start < limit:
        char = chars[value_start]
        if char not in _WHITE:
            if separator or char not in "=:":
                break
            separator = True
        value_start += 1
    return i, value_start


def _unescape(chars: list[str], places: list[int], start: int, end: int) -> tuple[str, list[tuple[int, int]]]:
    """The text of ``chars[start:end]`` with its escapes decoded, and each character's span;
    a ``\\uXXXX`` pair of surrogates is one character."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    i = start
    while i < end:
        char = chars[i]
        if char != "\\" or i + 1 >= end:
            out.append(char)
            spans.append((places[i], places[i] + 1))
            i += 1
            continue
        code = chars[i + 1]
        if code == "u":
            digits = "".join(chars[i + 2:i + 6])
            if len(digits) != 4 or not set(digits) <= _HEX:
                raise ValueError(f"malformed \\uXXXX escape: `\\u{digits}`")
            char, width = chr(int(digits, 16)), 6
        else:
            char, width = _SIMPLE_ESCAPES.get(code, code), 2
        span = (places[i], places[i + width - 1] + 1)
        if out and "\ud800" <= out[-1] <= "\udbff" and "\udc00" <= char <= "\udfff":
            out[-1] = chr(0x10000 + ((ord(out[-1]) - 0xD800) << 10) + ord(char) - 0xDC00)
            spans[-1] = (spans[-1][0], span[1])
        else:
            out.append(char)
            spans.append(span)
        i += width
    # A lone surrogate is no text: it reads as the replacement character.
    return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in out), spans


def escaper(text: str):
    """New text in the file's style: ``\\uXXXX`` for what is not ASCII when the file is ASCII
    only (its hex digits in the case the file uses), as it is otherwise; backslashes, line
    breaks and tabs always escaped.

    >>> escaper("a=b\\n")("Café\\n"), escaper("a=Caf\\\\u00e9\\n")("ü"), escaper("a=Café\\n")("ü\\\\")
    ('Caf\\\\u00E9\\\\n', '\\\\u00fc', 'ü\\\\\\\\')
    """
    ascii_only = text.isascii()
    lower = re.search(r"\\u[0-9a-fA-F]{4}", text) is not None and re.search(r"\\u[0-9A-F]{4}", text) is None

    def unicode_escape(char: str) -> str:
        data = char.encode("utf-16-be")
        units = [data[k:k + 2].hex() for k in range(0, len(data), 2)]
        return "".join(f"\\u{u if lower else u.upper()}" for u in units)

    def escape(new: str) -> str:
        out = []
        for char in new:
            if char in _WRITE_ESCAPES:
                out.append(_WRITE_ESCAPES[char])
            elif ord(char) < 0x20 or ord(char) == 0x7F or (ascii_only and ord(char) > 0x7E):
                out.append(unicode_escape(char))
            else:
                out.append(char)
        return "".join(out)

    return escape
