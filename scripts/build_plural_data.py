#!/usr/bin/env python3
"""Build ``mtcheck/languages/plurals.tsv``: CLDR's plural categories of every language.

ICU MessageFormat (``{n, plural, one {…} few {…} other {…}}``), Fluent selectors, Android
``<plurals>`` and i18next's ``key_few`` pick a message by the plural category of a number, and
each language has its own: English ``one``/``other``, Polish ``one``/``few``/``many``/``other``,
Arabic all six, Japanese ``other`` alone. mtcheck reads this file at run time
(``mtcheck.languages.plurals``); Babel (pinned in the ``build`` extra) is needed only here.

One line per locale and kind (``cardinal``: counts, ``{n, plural}``; ``ordinal``: ranks,
``{n, selectordinal}``)::

    pl	cardinal	one:1 few:2,3,4,22 many:0,5,6,7 other:

Each category with the first integers from 0 to 999 that take it (at most SAMPLES of them);
a category with none (Polish ``other``, French ``many``) is taken only by decimals (``1,5
pliku``) or by large round numbers (``1 million de fichiers``). Rows are written for every
language Babel knows (its locales without a region), for the region locales whose rules differ
from their language's (``pt-PT``: ``one`` is 1, not 0 and 1), keyed by BCP-47 tag, and for the
mtcheck data codes CLDR names otherwise (``sh``, served by ``sr_Latn``).

Run from the repository root (``pip install -e '.[build]'``); ``tests/test_plurals.py`` checks
that the shipped file equals what this script builds.

    python scripts/build_plural_data.py [--out mtcheck/languages/plurals.tsv]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from build_cldr_data import LOCALE

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "mtcheck" / "languages" / "plurals.tsv"
SAMPLES = 4
INTEGERS = range(1000)  # the counts a message shows most: a category none of them takes is rare
ORDER = ("zero", "one", "two", "few", "many", "other")  # CLDR's order of the categories
HEADER = """\
# CLDR plural categories (built by scripts/build_plural_data.py from Babel {version}, CLDR {cldr}).
# tag	kind	category:first integers in 0-999 that take it (none: decimals or large numbers only)
"""


def row(rule) -> str:
    """``one:1 other:0,2,3,4`` for a Babel plural rule: each category with its first integers.

    >>> from babel import Locale
    >>> row(Locale.parse("en").plural_form)
    'one:1 other:0,2,3,4'
    >>> row(Locale.parse("ja").plural_form)
    'other:0,1,2,3'
    """
    samples: dict[str, list[int]] = {tag: [] for tag in (*rule.tags, "other")}
    for n in INTEGERS:
        taken = samples[rule(n)]
        if len(taken) < SAMPLES:
            taken.append(n)
    return " ".join(f"{tag}:{','.join(map(str, samples[tag]))}" for tag in ORDER if tag in samples)


def locales() -> list[tuple[str, str]]:
    """(tag written, Babel locale) of every row, sorted by tag."""
    from babel import Locale
    from babel.localedata import locale_identifiers

    identifiers = locale_identifiers()
    rows = {ident: ident for ident in identifiers if "_" not in ident and ident != "root"}
    for ident in identifiers:
        language = ident.split("_")[0]
        if "_" in ident and language in rows:
            here, there = Locale.parse(ident), Locale.parse(language)
            if (here.plural_form.rules, here.ordinal_form.rules) != (there.plural_form.rules, there.ordinal_form.rules):
                rows[ident.replace("_", "-")] = ident
    for code, ident in LOCALE.items():
        rows.setdefault(code, ident)
    return sorted(rows.items())


def build() -> str:
    import babel
    from babel import Locale
    from babel.core import get_cldr_version

    lines = [HEADER.format(version=babel.__version__, cldr=get_cldr_version())]
    for tag, ident in locales():
        locale = Locale.parse(ident)
        lines.append(f"{tag}\tcardinal\t{row(locale.plural_form)}\n")
        lines.append(f"{tag}\tordinal\t{row(locale.ordinal_form)}\n")
    return "".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    args.out.write_text(build(), encoding="utf-8", newline="\n")


if __name__ == "__main__":
    main()
