"""Language codes: one normalizer from what users write to the data that serves it.

Users write BCP-47 tags (``pt-BR``, ``zh-Hant-TW``, ``es-419``), POSIX locales (``pt_BR``,
``sr_RS@latin``, ``de_DE.UTF-8``), legacy codes (``iw`` for Hebrew, ``no`` for Norwegian) and
any case. ``normalize`` turns each into one canonical tag; ``data_code`` names the folder of
``languages/`` that serves it (the tag's own folder where a region or script has one, else the
language's), or None when mtcheck has no data for that language: such a text is still checked,
by the rules that need no language knowledge. Only a code that is no language tag at all is an
error.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from mtcheck.languages import UnknownLanguage

_DATA_DIR = Path(__file__).parent
# language (2-3 letters, or the 4-8 letter registered kind) then subtags of 1-8 letters/digits,
# separated by - or _; a POSIX locale may end in .charset and/or @modifier.
_TAG = re.compile(r"(?P<tag>[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*)(?:\.[\w-]+)?(?:@(?P<mod>\w+))?")
# POSIX modifiers that name a script (sr_RS@latin, uz_UZ@cyrillic).
_MODIFIER_SCRIPTS = {"latin": "Latn", "cyrillic": "Cyrl", "devanagari": "Deva"}


class InvalidLanguageCode(UnknownLanguage):
    """A code that is no language tag (``--lang 12``, ``--lang english!``)."""


def _table(name: str) -> dict[str, str]:
    rows = (line.split("\t") for line in (_DATA_DIR / name).read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#"))
    return {code: value for code, value in rows}


def aliases() -> dict[str, str]:
    """Deprecated and macrolanguage codes → the code mtcheck files the language under."""
    return dict(_aliases())


def served() -> dict[str, str]:
    """Tags whose data lives in a folder of another name (``hr`` → ``sh``)."""
    return dict(_served())


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    """Deprecated and macrolanguage codes → the code mtcheck files the language under."""
    return _table("aliases.tsv")


@lru_cache(maxsize=1)
def _served() -> dict[str, str]:
    """Tags whose data lives in a folder of another name (``hr`` → ``sh``)."""
    return _table("served.tsv")


@lru_cache(maxsize=512)
def normalize(code: str) -> str:
    """The canonical BCP-47 form of a language code.

    >>> [normalize(c) for c in ("pt_BR", "PT-br", "zh-hant-tw", "es-419", "sr_RS@latin", "de_DE.UTF-8", "iw", "EN")]
    ['pt-BR', 'pt-BR', 'zh-Hant-TW', 'es-419', 'sr-Latn-RS', 'de-DE', 'he', 'en']
    >>> normalize("english!")
    Traceback (most recent call last):
    ...
    mtcheck.languages.codes.InvalidLanguageCode: 'english!' is not a language code (write one as en, pt-BR or zh-Hant)
    """
    m = _TAG.fullmatch(code.strip()) if isinstance(code, str) else None
    if m is None:
        raise InvalidLanguageCode(f"{code!r} is not a language code (write one as en, pt-BR or zh-Hant)")
    language, *subtags = re.split(r"[-_]", m["tag"])
    language = _aliases().get(language.lower(), language.lower())
    script = _MODIFIER_SCRIPTS.get((m["mod"] or "").lower())
    out = [language]
    for sub in subtags:
        if len(sub) == 4 and sub.isalpha():  # script: title case
            out.append(sub.title())
        elif len(sub) == 2 and sub.isalpha() or len(sub) == 3 and sub.isdigit():  # region
            out.append(sub.upper())
        else:  # variants and extensions: lower case
            out.append(sub.lower())
    if script and not any(len(s) == 4 and s.isalpha() for s in out[1:]):
        out.insert(1, script)
    return "-".join(out)


def base(code: str) -> str:
    """The language subtag of a code.

    >>> base("pt_BR"), base("zh-Hant")
    ('pt', 'zh')
    """
    return normalize(code).split("-")[0]


@lru_cache(maxsize=512)
def data_code(code: str) -> str | None:
    """The ``languages/`` folder that serves a code: the most specific of its tag that has data
    (``pt-BR`` where such a folder exists, else ``pt``), or None when the language has none.

    >>> data_code("pt_BR"), data_code("de-AT"), data_code("hr"), data_code("sr-Latn-RS"), data_code("zz")
    ('pt', 'de', 'sh', 'sh', None)
    """
    from mtcheck.languages import with_data

    parts = normalize(code).split("-")
    have, served = with_data(), _served()
    for n in range(len(parts), 0, -1):
        candidate = "-".join(parts[:n])
        candidate = served.get(candidate, candidate)
        if candidate in have:
            return candidate
    return None


def canonical(code: str) -> str:
    """The code mtcheck uses inside for a language: its data folder's name, or the normalized
    tag of a language without data.

    >>> canonical("es_ES"), canonical("sr-cyrl"), canonical("EN-us")
    ('es', 'sr-Cyrl', 'en')
    """
    return data_code(code) or normalize(code)
