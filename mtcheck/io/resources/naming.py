"""Languages in the names of resource files and folders: ``de.json``, ``pt_BR.yml``,
``values-pt-rBR``, ``Messages_fr.properties``, ``de.lproj``, ``app_de.arb``.

A name part is a language when it is a language tag whose language subtag CLDR has a locale for
(``languages/locale_codes.txt``, built by ``scripts/build_locale_codes.py``): ``main``, ``app`` and
``ui`` are not languages, ``de``, ``pt-BR`` and ``zh-Hant`` are.

    >>> [language_of(p) for p in ("de", "pt_BR", "zh-Hant", "main", "EN-us", "strings", "")]
    ['de', 'pt-BR', 'zh-Hant', None, 'en-US', None, None]
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_CODES = Path(__file__).resolve().parent.parent.parent / "languages" / "locale_codes.txt"


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    lines = _CODES.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=1024)
def language_of(part: str) -> str | None:
    """The normalized tag a name part spells, or None when it spells none."""
    from mtcheck.languages.codes import InvalidLanguageCode, normalize

    if not part or not 2 <= len(part.replace("_", "-").split("-")[0]) <= 3:
        return None
    try:
        tag = normalize(part)
    except InvalidLanguageCode:
        return None
    subtags = tag.split("-")
    if subtags[0] not in _known() or any(not s.isalnum() for s in subtags):
        return None
    return tag


def language_at_end(stem: str, separators: str = "._-") -> tuple[str, str | None]:
    """A file stem split into (the resource's name, the language at its end), for names such
    as ``Messages_de_AT``, ``devise.en`` and ``app_pt-BR``; (stem, None) when it ends in none.
    The whole stem may be the language (``de``: name ``""``).

    >>> language_at_end("Messages_de_AT"), language_at_end("devise.en"), language_at_end("de")
    (('Messages', 'de-AT'), ('devise', 'en'), ('', 'de'))
    >>> language_at_end("strings"), language_at_end("app_pt-BR")
    (('strings', None), ('app', 'pt-BR'))
    """
    # The longest language-looking tail wins (`de_AT` before `AT`), as long as it is a language.
    cuts = [i for i, c in enumerate(stem) if c in separators]
    for cut in [-1] + cuts:
        tail = stem[cut + 1:]
        lang = language_of(tail)
        if lang is not None and (cut == -1 or stem[:cut]):
            return stem[:max(cut, 0)], lang
    return stem, None


def with_language(name: str, lang: str, separator: str) -> str:
    """A sibling's stem: the same resource in another language (``Messages``, ``en`` →
    ``Messages_en``; a stem that is only a language: the language).

    >>> with_language("Messages", "en", "_"), with_language("", "en", "_")
    ('Messages_en', 'en')
    """
    return f"{name}{separator}{lang}" if name else lang


def parent_language(lang: str | None) -> str | None:
    """The language a regional or script variant falls back to, as resource loaders do (Java's
    ``ResourceBundle``, Android, Apple, i18next, Flutter): its tag without the last subtag.

    >>> parent_language("de-AT"), parent_language("zh-Hant-TW"), parent_language("de"), parent_language(None)
    ('de', 'zh-Hant', None, None)
    """
    if not lang or "-" not in lang:
        return None
    return lang.rsplit("-", 1)[0]
