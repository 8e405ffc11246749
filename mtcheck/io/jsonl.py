"""One JSONL line: parsed and checked field by field, and the place of its ``translation`` value.

``fix`` never re-serialises a line (``json.dumps`` would turn ``1e400`` into ``Infinity``,
``1.0e5`` into ``100000.0``, change escapes and spacing, and drop the first of two equal keys).
:func:`translation_target` finds the raw JSON string that ``json.loads`` took as the
translation (the last top-level ``"translation"`` key, as ``json.loads`` keeps the last) and
maps each of its characters to its escape in the line, so that only the edited characters are
rewritten, escaped in the line's own style (:func:`escaper`).
"""

from __future__ import annotations

import json
import re

from mtcheck.io.splice import Target

OPTIONAL_STRINGS = ("source", "reference", "source_lang", "target_lang")
KEYS = ("id", "doc_id")  # a string or an integer


class RecordError(ValueError):
    """What is wrong with a line, in words (the reader adds the file and line)."""


class LongNumber:
    """An integer with more digits than ``int()`` converts (``sys.get_int_max_str_digits``): kept
    as its digits, so that a long number in a field mtcheck does not read is no error."""

    def __init__(self, digits: str):
        self.digits = digits


def _parse_int(digits: str):
    try:
        return int(digits)
    except ValueError:
        return LongNumber(digits)


def _type_name(value) -> str:
    """The JSON name of a parsed value's type.

    >>> _type_name(5), _type_name(None), _type_name([1]), _type_name(True)
    ('a number', 'null', 'an array', 'a boolean')
    """
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float, LongNumber)):
        return "a number"
    return {str: "a string", list: "an array", dict: "an object"}.get(type(value), "null")


def parse(raw: str) -> dict:
    """The fields of one record line, each field mtcheck reads of the right type; else
    RecordError naming the field.

    >>> parse('{"translation": "Hi.", "id": 3}')
    {'translation': 'Hi.', 'id': 3}
    >>> parse('{"translation": "Hi.", "source": 5}')
    Traceback (most recent call last):
    mtcheck.io.jsonl.RecordError: field 'source' must be a string or null, not a number
    """
    try:
        fields = json.loads(raw, parse_int=_parse_int)
    except json.JSONDecodeError as exc:
        raise RecordError(f"invalid JSON ({exc.msg})") from None
    except RecursionError:
        raise RecordError(_too_deep(raw)) from None
    if not isinstance(fields, dict):
        raise RecordError("a JSONL record must be an object")
    if not isinstance(fields.get("translation"), str):
        raise RecordError("record has no string field 'translation'")
    for key in OPTIONAL_STRINGS:
        if fields.get(key) is not None and not isinstance(fields[key], str):
            raise RecordError(f"field '{key}' must be a string or null, not {_type_name(fields[key])}")
    for key in KEYS:
        value = fields.get(key)
        if isinstance(value, LongNumber):
            raise RecordError(f"field '{key}' is a number of {len(value.digits.lstrip('-'))} digits; "
                              f"write a long {key} as a string")
        if value is not None and (isinstance(value, bool) or not isinstance(value, (str, int))):
            raise RecordError(f"field '{key}' must be a string or an integer, not {_type_name(value)}")
    return fields


def _too_deep(raw: str) -> str:
    """The message for a line nested deeper than the parser goes, naming the field when the line
    is an object."""
    try:
        members = top_level(raw)
    except ValueError:
        members = []
    for key, _, (start, end) in members:
        try:
            json.loads(raw[start:end])
        except RecursionError:
            return f"field '{key}' is nested too deeply"
        except ValueError:
            continue
    return "JSON nested too deeply"


# -- where the values are ------------------------------------------------------------------

_WS = re.compile(r"[ \t\r\n]*")
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_NESTING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.S)
_SCALAR = re.compile(r"[^,}\]\s]+")


def top_level(raw: str) -> list[tuple[str, tuple[int, int], tuple[int, int]]]:
    """(key, key span, value span) of each member of the object on a valid JSON line, in order;
    a loop and regular expressions, no recursion (a line may nest 100,000 deep).

    >>> top_level('{"a": [1, {"b": "]"}], "t" : "x\\\\"y"}')
    [('a', (1, 4), (6, 21)), ('t', (23, 26), (29, 35))]
    """
    pos = _WS.match(raw).end()
    if not raw.startswith("{", pos):
        raise ValueError("not an object")
    pos = _WS.match(raw, pos + 1).end()
    members = []
    while pos < len(raw) and raw[pos] != "}":
        key = _STRING.match(raw, pos)
        if not key:
            raise ValueError(f"no key at {pos}")
        pos = _WS.match(raw, key.end()).end()
        if not raw.startswith(":", pos):
            raise ValueError(f"no colon at {pos}")
        start = _WS.match(raw, pos + 1).end()
        end = _value_end(raw, start)
        members.append((json.loads(key.group()), key.span(), (start, end)))
        pos = _WS.match(raw, end).end()
        if raw.startswith(",", pos):
            pos = _WS.match(raw, pos + 1).end()
    return members


def _value_end(raw: str, start: int) -> int:
    if raw.startswith('"', start):
        m = _STRING.match(raw, start)
        if not m:
            raise ValueError(f"unterminated string at {start}")
        return m.end()
    if raw.startswith(("{", "["), start):
        depth = 0
        for m in _NESTING.finditer(raw, start):
            token = m.group()
            if token in "[{":
                depth += 1
            elif token in "]}":
                depth -= 1
                if not depth:
                    return m.end()
        raise ValueError(f"unclosed value at {start}")
    m = _SCALAR.match(raw, start)
    if not m:
        raise ValueError(f"no value at {start}")
    return m.end()


# -- the translation's characters ------------------------------------------------------------

_SHORT = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_LOW = re.compile(r"\\u[dD][c-fC-F][0-9a-fA-F]{2}")


def translation_target(raw: str) -> Target:
    """The ``translation`` string that ``json.loads`` keeps (the last one), with the span of the
    line each character comes from (a ``\\u`` pair for one character beyond U+FFFF).

    >>> t = translation_target('{"translation": "x", "translation": "a\\\\u00e9\\\\ud83d\\\\ude00\\\\n"}')
    >>> t.text == "a\\u00e9\\U0001F600\\n", t.spans
    (True, [(37, 38), (38, 44), (44, 56), (56, 58)])
    """
    spans_of = [value for key, _, value in top_level(raw) if key == "translation"]
    if not spans_of or not raw.startswith('"', spans_of[-1][0]):
        raise ValueError("no string translation")
    return string_target(raw, *spans_of[-1], escaper(raw))


def string_target(raw: str, start: int, end: int, escape) -> Target:
    """The JSON string at ``raw[start:end]`` (quotes included), decoded, with the span of
    ``raw`` each character comes from; ``escape`` writes new text for it.

    >>> t = string_target('["a\\\\"b"]', 1, 7, str)
    >>> t.text, t.spans
    ('a"b', [(2, 3), (3, 5), (5, 6)])
    """
    chars, spans, i, close = [], [], start + 1, end - 1
    while i < close:
        if raw[i] != "\\":
            chars.append(raw[i])
            spans.append((i, i + 1))
            i += 1
            continue
        if raw[i + 1] != "u":
            chars.append(_SHORT[raw[i + 1]])
            spans.append((i, i + 2))
            i += 2
            continue
        code, step = int(raw[i + 2:i + 6], 16), 6
        if 0xD800 <= code < 0xDC00 and _LOW.match(raw, i + 6, close):  # a pair, as json reads it
            code = 0x10000 + ((code - 0xD800) << 10) + (int(raw[i + 8:i + 12], 16) - 0xDC00)
            step = 12
        chars.append(chr(code))
        spans.append((i, i + step))
        i += step
    return Target("".join(chars), spans, [0] * len(spans), escape, end=close)


_ESCAPED_SLASH = re.compile(r"(?<!\\)(?:\\\\)*\\/")
_U_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


def escaper(raw: str):
    """A function escaping text for a JSON string of this line, in the line's style: non-ASCII
    as ``\\u`` escapes when the line holds no raw non-ASCII character (``json.dumps``'s
    default), the hex digits in the line's case, ``/`` as ``\\/`` if the line escapes it. Quote,
    backslash, control characters and lone surrogates (which UTF-8 cannot hold) are always
    escaped.

    >>> escaper('{"t": "caf\\\\u00E9"}')('é "x"')
    '\\\\u00E9 \\\\"x\\\\"'
    >>> escaper('{"t": "café"}')('é\\ud800/')
    'é\\\\ud800/'
    """
    ascii_only = raw.isascii()
    hexes = "".join(_U_ESCAPE.findall(raw))
    upper = any(c in "ABCDEF" for c in hexes) and not any(c in "abcdef" for c in hexes)
    form = "\\u%04X" if upper else "\\u%04x"
    slash = bool(_ESCAPED_SLASH.search(raw))
    separators = {c for c in "\u2028\u2029" if ("\\u%04x" % ord(c)) in raw.lower()}
    short = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
    if slash:
        short["/"] = "\\/"

    def one(c: str) -> str:
        if c in short:
            return short[c]
        code = ord(c)
        if code < 0x20 or 0xD800 <= code < 0xE000 or c in separators or (ascii_only and code > 0x7F):
            if code > 0xFFFF:
                code -= 0x10000
                return form % (0xD800 + (code >> 10)) + form % (0xDC00 + (code & 0x3FF))
            return form % code
        return c

    return lambda text: "".join(one(c) for c in text)
