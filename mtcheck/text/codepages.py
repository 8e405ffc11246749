"""Single-byte code pages, for mojibake: UTF-8 read in one of them, and read back.

Character knowledge in named constants (ftfy's way); no rules here. MT301 finds mojibake with
these tables, and the rules that judge single characters (MT207's quotation marks, MT208's
marks, MT304's invisible characters) ask ``byte_of_mojibake`` before touching one.
"""

from __future__ import annotations

from functools import lru_cache

# Mojibake is UTF-8 read in a single-byte code page: a lead byte (0xC2-0xF4) read as one
# character, then a continuation byte (0x80-0xBF) read as another (`Ã` then `³` for `ó`). A text
# without such a pair, in any of the code pages ftfy repairs, has no mojibake, and needs no ftfy
# (whose import is a third of a one-file run's start-up). A byte a code page leaves undefined
# reads as in Latin-1 (ftfy's "sloppy" code pages); a no-break space after a lead often became
# a plain space (`cittÃ ` for `città`).
CODE_PAGES = ("latin-1", "cp1252", "cp1251", "cp1250", "cp1253", "cp1254", "cp1257", "iso8859-2",
              "mac-roman", "cp437")


# The bytes a code page lacks come back from "surrogateescape" as U+DC80–U+DCFF: read them as Latin-1.
_ESCAPED_AS_LATIN_1 = {0xDC00 + byte: byte for byte in range(0x80, 0x100)}


def sloppy_decode(data: bytes, codec: str) -> str:
    """``data`` (single bytes) read in ``codec``, Latin-1 where the code page has no character.

    >>> sloppy_decode(bytes([0x80, 0x81, 0xE9]), "cp1252")  # cp1252 has no 0x81
    '€\\x81é'
    """
    return data.decode(codec, "surrogateescape").translate(_ESCAPED_AS_LATIN_1)


@lru_cache(maxsize=None)
def _encoders() -> tuple[dict[str, int], ...]:
    """For each of CODE_PAGES, character → byte, of its bytes 0x80–0xFF (read sloppily)."""
    return tuple({sloppy_decode(bytes([b]), codec): b for b in range(0x80, 0x100)} for codec in CODE_PAGES)


def byte_of_mojibake(text: str, i: int) -> bool:
    """Is ``text[i]``, written in one of CODE_PAGES with the characters around it, a byte of a
    UTF-8 sequence of two to four bytes, which reading it in that code page garbled? (`›` in
    `sobÄ›` is: bytes C4 9B are `ě`.)

    >>> byte_of_mojibake("sobÄ›", 4), byte_of_mojibake("êµ\xad", 2), byte_of_mojibake("a\xadb", 1)
    (True, True, False)
    >>> byte_of_mojibake("the «word»", 4)
    False
    """
    for table in _encoders():
        for first in range(max(0, i - 3), i + 1):
            for last in range(max(i + 1, first + 2), min(len(text), first + 4) + 1):
                window = text[first:last]
                try:
                    data = bytes(table[c] if c in table else ord(c) if c.isascii() else -1 for c in window)
                except ValueError:
                    continue
                try:
                    decoded = data.decode("utf-8")
                except UnicodeDecodeError:
                    continue
                if len(decoded) == 1:
                    return True
    return False
