#!/usr/bin/env python3
"""Write ``mtcheck/languages/locale_codes.txt``: every language code CLDR has a locale for, one
per line (``af``, ``agq``, ``ak``...).

Resource files are named by their language (``de.json``, ``values-pt-rBR/``,
``Messages_fr.properties``, ``devise.en.yml``), and mtcheck must tell such a name from any other
(``main.json``, ``app.yml``): a name is a language when its language subtag is one of these.
Babel (``build`` extra) is read here, never at run time.

    python scripts/build_locale_codes.py
"""

from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "mtcheck" / "languages" / "locale_codes.txt"


def codes() -> list[str]:
    from babel.localedata import locale_identifiers

    return sorted({identifier.split("_")[0] for identifier in locale_identifiers()} - {"root"})


def render(found: list[str]) -> str:
    return ("# Language subtags of the CLDR locales (Babel): scripts/build_locale_codes.py\n"
            + "".join(f"{code}\n" for code in found))


def main() -> None:
    OUT.write_text(render(codes()), encoding="utf-8")
    print(f"{OUT}: {len(codes())} codes")


if __name__ == "__main__":
    main()
