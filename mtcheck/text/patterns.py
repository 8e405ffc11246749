"""Regular expressions compiled on first use.

The ``regex`` module compiles a pattern in about 0.1–1 ms. Patterns of rules that only act with a
source (numbers, placeholders, alignment) are many, and a pre-commit hook checking plain text
should not pay for them at every start: ``lazy(...)`` stands for ``regex.compile(...)`` and
compiles when the pattern is first used.

    >>> DIGITS = lazy(r"\\d+")
    >>> DIGITS.findall("3 of 45")
    ['3', '45']
"""

from __future__ import annotations

import regex


class lazy:  # noqa: N801 (used like the function it stands for)
    """``regex.compile(*args)``, done when an attribute is first asked for."""

    __slots__ = ("_args", "_compiled")

    def __init__(self, *args) -> None:
        self._args = args
        self._compiled = None

    def __getattr__(self, name: str):
        if self._compiled is None:
            self._compiled = regex.compile(*self._args)
        return getattr(self._compiled, name)
