"""Offsets of a text ↔ LSP positions.

LSP counts lines broken at ``\\n``, ``\\r\\n`` or ``\\r``, and characters in the code units of
the position encoding the client and server agreed on: UTF-16 unless both said otherwise, so
a character beyond U+FFFF (an emoji, 𝔸) counts two. mtcheck's offsets count code points.
"""

from __future__ import annotations

import bisect
import re

_LINE_END = re.compile(r"\r\n|\r|\n")


def _units(text: str, encoding: str) -> int:
    """Code units of ``text`` in ``encoding`` (utf-8, utf-16 or utf-32).

    >>> _units("a😀", "utf-16"), _units("a😀", "utf-8"), _units("a😀", "utf-32")
    (3, 5, 2)
    """
    if encoding == "utf-32":
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for c in text if c > "\uffff")


class LineIndex:
    """Positions of one text, in one position encoding.

    >>> index = LineIndex("😀 ab\\r\\ncd")
    >>> index.position(3), index.position(6), index.offset(0, 3), index.offset(1, 1)
    ((0, 4), (1, 0), 2, 7)
    """

    def __init__(self, text: str, encoding: str = "utf-16"):
        self.text, self.encoding = text, encoding
        self.starts = [0] + [m.end() for m in _LINE_END.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        """(line, character) of a code-point offset; both 0-based, as LSP counts."""
        line = bisect.bisect_right(self.starts, offset) - 1
        return line, _units(self.text[self.starts[line]:offset], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """The code-point offset of an LSP position; past a line's end: the line's end (LSP
        says so), past the last line: the text's end."""
        if line >= len(self.starts):
            return len(self.text)
        start = self.starts[line]
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        content = _LINE_END.sub("", self.text[start:end])
        units = 0
        for i, c in enumerate(content):
            if units >= character:
                return start + i
            units += _units(c, self.encoding)
        return start + len(content)
