"""Regular expressions compiled on first use.

The ``regex`` module compiles a pattern in about 0.1–1 ms. Patterns of rules that only act with a
source (numbers, placeholders, alignment) are many, and a pre-commit hook checking plain text
should not pay for them at every start: ``lazy(...)`` stands for ``regex.compile(...)`` and
compiles when the pattern is first used.

    >>> DIGITS = lazy(r"\\d+")
    >>> DIGITS.findall("3 of 45")
    ['3', '45']

Also here: the patterns of what is never an error in any language (URLs, e-mail addresses,
handles, hashtags, bare domains), which the Document protects from the rules and placeholder
comparison reads.

    >>> [m.group() for m in URL.finditer("See https://example.com/a, or www.example.org.")]
    ['https://example.com/a', 'www.example.org']
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


# Things that are never errors in any language (TAXONOMY.md, last paragraph).
_URL = r"(?:(?:https?|ftp)://|www\.)[^\s<>\"“”«»]+[^\s<>\"“”«».,;:!?)\]'’]"
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_HANDLE = r"(?<![\w@])@\w{2,}"
_HASHTAG = r"(?<![\w#&])#\w*[^\W\d_]\w*"
# A bare domain (example.com, gov.uk, Newsfeed.Com): letters, a dot, a common top-level domain.
# Generic domains match in any case; country codes only in lower case, since "Ukraine.It" or
# "said.De" are glued sentences, not hosts.
_DOMAIN = r"(?<![\w@.])(?:[\w-]+\.)+(?:(?i:com|org|net|edu|gov|info|biz)|io|co|uk|de|es|fr|it|nl|ru|pt|br|eu|int|ua)(?:/[^\s<>\"“”«»]*[^\s<>\"“”«».,;:!?)\]'’])?(?![\w])"
# Compiled one by one: a single alternation is tried at every position and runs 3× slower.
URL, EMAIL = regex.compile(_URL), regex.compile(_EMAIL)
PLAIN_PROTECTED = (URL, EMAIL, *(regex.compile(p) for p in (_HANDLE, _HASHTAG, _DOMAIN)))
