"""Characters decoded from UTF-16 escapes (Android's ``\\uXXXX``, Apple's ``\\UXXXX``): a
surrogate pair is one character, its span both escapes.

    >>> join_surrogates(["a", "\\ud83d", "\\ude00"], [(0, 1), (1, 7), (7, 13)])
    (['a', '😀'], [(0, 1), (1, 13)])
"""

from __future__ import annotations

import re

_HIGH = re.compile("[\ud800-\udbff]")


def join_surrogates(chars: list[str], spans: list[tuple[int, int]]) -> tuple[list[str], list[tuple[int, int]]]:
    if not _HIGH.search("".join(chars)):
        return chars, spans
    out, places, i = [], [], 0
    while i < len(chars):
        c = chars[i]
        if "\ud800" <= c <= "\udbff" and i + 1 < len(chars) and "\udc00" <= chars[i + 1] <= "\udfff":
            out.append(chr(0x10000 + ((ord(c) - 0xD800) << 10) + ord(chars[i + 1]) - 0xDC00))
            places.append((spans[i][0], spans[i + 1][1]))
            i += 2
        else:  # a lone surrogate stays as it was read
            out.append(c)
            places.append(spans[i])
            i += 1
    return out, places
