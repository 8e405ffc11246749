"""CLDR's plural categories of each language, read from ``plurals.tsv``
(built by ``scripts/build_plural_data.py`` from Babel; nothing here imports Babel).

A message that depends on a count has one variant per plural category of its language: ICU's
``{n, plural, one {…} few {…} other {…}}``, Fluent's ``[few]``, Android's ``<item
quantity="few">``, i18next's ``key_few``. English has ``one`` and ``other``; Polish ``one``,
``few``, ``many`` and ``other``; Japanese ``other`` alone.

    >>> sorted(plural_categories("pl"))
    ['few', 'many', 'one', 'other']
    >>> sorted(plural_categories("ja")), plural_categories("zz")
    (['other'], None)
    >>> sorted(plural_categories("en", ordinal=True))
    ['few', 'one', 'other', 'two']

A category that no integer from 0 to 999 takes is needed only by decimals or by large round
numbers (Polish ``other``: ``1,5 pliku``; French ``many``: ``1 million de fichiers``):
``required_categories`` leaves it out, since a message without it still reads right for the
counts it shows (a missing variant falls back to ``other``).

    >>> sorted(required_categories("fr")), sorted(plural_categories("fr"))
    (['one', 'other'], ['many', 'one', 'other'])
    >>> plural_rules("ru").samples["one"]
    (1, 21, 31, 41)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PLURALS_FILE = Path(__file__).parent / "plurals.tsv"
# Every category CLDR defines, in its order: a key outside these is no plural category.
CATEGORIES = ("zero", "one", "two", "few", "many", "other")
# How many integers a row lists per category at most (scripts/build_plural_data.py's SAMPLES):
# a category with fewer is listed whole (Polish `one`: 1 alone), so `=1` can stand for it.
SAMPLES_LISTED = 4


@dataclass(frozen=True)
class PluralRules:
    """A language's categories of one kind (cardinal or ordinal) and the first integers from 0
    to 999 that take each one (empty: decimals or large numbers only)."""

    tag: str
    samples: dict[str, tuple[int, ...]]

    @property
    def categories(self) -> frozenset[str]:
        return frozenset(self.samples)

    @property
    def required(self) -> frozenset[str]:
        """The categories that integer counts below 1000 take, and ``other``."""
        return frozenset(c for c, taken in self.samples.items() if taken or c == "other")


def plural_rules(lang: str, ordinal: bool = False) -> PluralRules | None:
    """The plural rules of a language tag as users write it (``pl``, ``pt_PT``, ``sr-Latn``):
    its own row where its rules differ from its language's (``pt-PT``), else its language's;
    None for a code CLDR has no rules for.

    >>> plural_rules("pt_PT").samples["one"], plural_rules("pt-BR").samples["one"]
    ((1,), (0, 1))
    """
    from mtcheck.languages.codes import InvalidLanguageCode, normalize

    try:
        parts = normalize(lang).split("-")
    except InvalidLanguageCode:
        return None
    table = _table()
    kind = "ordinal" if ordinal else "cardinal"
    for n in range(len(parts), 0, -1):
        found = table.get(("-".join(parts[:n]), kind))
        if found is not None:
            return found
    return None


def plural_categories(lang: str, ordinal: bool = False) -> frozenset[str] | None:
    """Every CLDR plural category of ``lang`` (``other`` included); None without data."""
    rules = plural_rules(lang, ordinal)
    return rules.categories if rules else None


def required_categories(lang: str, ordinal: bool = False) -> frozenset[str] | None:
    """The categories a message of ``lang`` needs for the integers it shows (see the module)."""
    rules = plural_rules(lang, ordinal)
    return rules.required if rules else None


@lru_cache(maxsize=1)
def _table() -> dict[tuple[str, str], PluralRules]:
    table = {}
    for line in PLURALS_FILE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        tag, kind, row = line.split("\t")
        samples = {}
        for cell in row.split(" "):
            category, _, numbers = cell.partition(":")
            samples[category] = tuple(int(n) for n in numbers.split(",") if n)
        table[(tag, kind)] = PluralRules(tag, samples)
    return table
