#!/usr/bin/env python3
"""Write each language's ``cldr.json``: what the Unicode CLDR says about it, so that a language's
hand-written ``language.toml`` holds only what data cannot say.

``cldr.json`` is a ``language.toml``-shaped table (same keys) that ``scripts/build_settings.py``
lays under the hand-written file (hand-written keys win; ``mtcheck/languages/defaults.toml``
lies under both): a new language needs a folder with a short ``language.toml`` and this file.

    name            English name of the language (Babel ``Locale("en").languages``)
    script          its script, a Unicode script name (``Latin``, ``Cyrillic``, ``Han``), from the
                    likely subtags (``sr`` → ``sr_Cyrl_RS``)
    quotes          primary and secondary quotation marks (CLDR ``delimiters``: quotationStart/End,
                    alternateQuotationStart/End) and the pairs: those two and ASCII ``"``
    punctuation     ``allowed_marks``: marks CLDR lists for the language but not for English
    numbers         decimal and group separators of Latin digits (``decimal``, ``group``) and
                    the default numbering system (``latn``, ``arab``, ``beng``), for number checks
    cldr_names      wide weekday and month names (format context, as used mid-sentence) and the
                    names of the 44 languages with data in this language, each as CLDR writes it,
                    so over-capitalization data can be built without a dictionary
                    (``lower`` lists the kinds CLDR writes in lower case mid-sentence)

Each language's ``regions.json`` holds its region and script locales (every one Babel knows
under the language's locale: ``pt_PT``, ``pt_AO``, ``de_CH``, ``zh_Hant_TW``) whose quotation
marks or number separators differ from the language's default locale, keyed by BCP-47 tag, with
only the keys that differ, in ``cldr.json``'s shape::

    {"pt-PT": {"numbers": {"group": "\u00a0"}, "quotes": {"primary": ["«", "»"], "secondary": ["“", "”"]}}}

A locale with a script has its tag without the script too where that is its likely form
(``zh-TW`` for ``zh-Hant-TW``). A language none of whose locales differs gets no file.

Babel (pinned in the ``build`` extra) has no quotation marks, so those come from the JSON CLDR
package ``cldr-misc-full`` (npm, version CLDR_MISC_VERSION; ``npm pack cldr-misc-full@48.2.0``
and unpack it, then pass ``--cldr-misc <dir>/package``).

    python scripts/build_cldr_data.py --cldr-misc /tmp/cldr/package [--lang tr el]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "mtcheck" / "languages"
CLDR_MISC_VERSION = "48.2.0"
# Babel locale of a code that CLDR names otherwise: wordfreq's `sh` (Serbo-Croatian, written in
# Latin letters in its sources) has no CLDR locale; Serbian in Latin script stands for it.
LOCALE = {"sh": "sr_Latn"}
# ISO 15924 codes of the likely subtags → Unicode script names (what `regex` \p{Script=…} takes).
# Japanese (`Jpan`) mixes Han with kana and Korean (`Kore`) Hangul with rare Han: their main script.
SCRIPT = {"Latn": "Latin", "Cyrl": "Cyrillic", "Grek": "Greek", "Hebr": "Hebrew", "Arab": "Arabic",
          "Deva": "Devanagari", "Thai": "Thai", "Hans": "Han", "Hant": "Han", "Jpan": "Han",
          "Kore": "Hangul", "Beng": "Bengali", "Taml": "Tamil"}


def locale_id(code: str) -> str:
    """The Babel/CLDR locale of an mtcheck code.

    >>> locale_id("sh"), locale_id("tr")
    ('sr_Latn', 'tr')
    """
    return LOCALE.get(code, code)


def script(code: str) -> str:
    """The Unicode script name of a language, from CLDR's likely subtags.

    >>> script("uk"), script("ja"), script("sh"), script("he")
    ('Cyrillic', 'Han', 'Latin', 'Hebrew')
    """
    from babel import Locale

    loc = Locale.parse(locale_id(code))
    if loc.script:
        return SCRIPT[loc.script]
    from babel.core import get_global

    likely = get_global("likely_subtags")[str(loc)]  # "ar_Arab_EG"
    return SCRIPT[likely.split("_")[1]]


def parent_locale(locale: str) -> str | None:
    """The locale CLDR inherits from: its parent exception, else the locale one subtag shorter
    (None for a bare language, whose parent is root).

    >>> parent_locale("pt_AO"), parent_locale("pt_PT"), parent_locale("pt")
    ('pt_PT', 'pt', None)
    """
    from babel.core import get_global

    exception = get_global("parent_exceptions").get(locale)
    if exception and exception != "root":
        return exception
    return locale.rsplit("_", 1)[0] if "_" in locale else None


def delimiters(locale: str, cldr_misc: Path) -> tuple[list[str], list[str]]:
    """(primary, secondary) quotation marks of a locale. The JSON package resolves inheritance
    inside each file, but leaves out the locales with nothing of their own (``pt_BR``, which is
    ``pt``): those take their parent's. ``pt_PT`` → ``(['«', '»'], ['“', '”'])``; ``pt_BR``,
    without a file, → ``pt``'s ``(['“', '”'], ['‘', '’'])``.
    """
    cldr = locale.replace("_", "-")
    path = cldr_misc / "main" / cldr / "delimiters.json"
    if not path.exists():
        parent = parent_locale(locale)
        if parent is None:
            raise SystemExit(f"{locale}: no delimiters.json in {cldr_misc}")
        return delimiters(parent, cldr_misc)
    marks = json.loads(path.read_text(encoding="utf-8"))["main"][cldr]["delimiters"]
    return ([marks["quotationStart"], marks["quotationEnd"]],
            [marks["alternateQuotationStart"], marks["alternateQuotationEnd"]])


def quotes(code: str, cldr_misc: Path) -> dict:
    """The [quotes] table: CLDR's primary and alternate marks, and ASCII double quotes (which
    every language's plain text uses)."""
    primary, secondary = delimiters(locale_id(code), cldr_misc)
    pairs = [primary] + [p for p in (secondary, ['"', '"']) if p != primary]
    return {"pairs": pairs, "primary": primary, "secondary": secondary}


def unicode_set(listed: str) -> set[str]:
    """The characters of a CLDR exemplar set without ranges (backslash escapes, spaces between).

    >>> sorted(unicode_set(r"[\\- ‐‑ ,， ; \\: ¡ ?]"))
    [',', '-', ':', ';', '?', '¡', '‐', '‑', '，']
    """
    return set(listed[1:-1].replace("\\", "").replace(" ", ""))


def punctuation_exemplars(locale: str, cldr_misc: Path) -> set[str]:
    """The punctuation marks CLDR lists for a locale (its ``characters.json``)."""
    cldr = locale.replace("_", "-")
    table = json.loads((cldr_misc / "main" / cldr / "characters.json").read_text(encoding="utf-8"))
    return unicode_set(table["main"][cldr]["characters"]["punctuation"])


def punctuation(code: str, cldr_misc: Path) -> dict:
    """The [punctuation] table: ``allowed_marks``, the marks CLDR lists for the language that it
    does not list for English (Spanish ``¡¿``, the full-width marks of Japanese and Chinese,
    Arabic ``،؛؟``), which are therefore not foreign there."""
    marks = punctuation_exemplars(locale_id(code), cldr_misc) - punctuation_exemplars("en", cldr_misc)
    return {"allowed_marks": "".join(sorted(marks))}


def separators(locale: str) -> dict:
    """Decimal and group separators of Latin digits in a locale (machine translation writes
    those even where the default numbering system has digits of its own, Bengali `beng`; CLDR
    gives those no separators).

    >>> separators("pt"), separators("de_CH")
    ({'decimal': ',', 'group': '.'}, {'decimal': '.', 'group': '’'})
    """
    from babel import Locale

    symbols = Locale.parse(locale).number_symbols["latn"]
    return {"decimal": symbols["decimal"], "group": symbols["group"]}


def numbers(code: str) -> dict:
    from babel import Locale

    loc = Locale.parse(locale_id(code))
    return {**separators(locale_id(code)), "numbering_system": loc.default_numbering_system}


def conventions(locale: str, cldr_misc: Path) -> dict:
    """What a region may change of its language, in cldr.json's shape: quotation marks and
    number separators."""
    primary, secondary = delimiters(locale, cldr_misc)
    return {"quotes": {"primary": primary, "secondary": secondary}, "numbers": separators(locale)}


def differences(default: dict, region: dict) -> dict:
    """The keys of ``region`` whose values differ from ``default``'s, tables kept as tables.

    >>> differences({"numbers": {"decimal": ",", "group": "."}, "quotes": {"primary": ["“", "”"]}},
    ...             {"numbers": {"decimal": ",", "group": "\u00a0"}, "quotes": {"primary": ["“", "”"]}})
    {'numbers': {'group': '\xa0'}}
    """
    out = {}
    for key, value in region.items():
        if isinstance(value, dict):
            value = differences(default.get(key, {}), value)
            if value:
                out[key] = value
        elif default.get(key) != value:
            out[key] = value
    return out


def region_locales(code: str) -> list[str]:
    """Babel's locales under a language's locale: its regions and scripts.

    >>> region_locales("pt")[:3], region_locales("sh")
    (['pt_AO', 'pt_BR', 'pt_CH'], ['sr_Latn_BA', 'sr_Latn_ME', 'sr_Latn_RS', 'sr_Latn_XK'])
    """
    from babel.localedata import locale_identifiers

    prefix = locale_id(code) + "_"
    return sorted(i for i in locale_identifiers() if i.startswith(prefix))


def tags(locale: str) -> list[str]:
    """The BCP-47 tags users write for a locale: its own, and, for a locale with a script, the
    tag without it where CLDR's likely subtags give that script (``zh_TW`` is ``zh_Hant_TW``).

    >>> tags("pt_PT"), tags("zh_Hant_TW"), tags("sr_Latn_BA")
    (['pt-PT'], ['zh-Hant-TW', 'zh-TW'], ['sr-Latn-BA'])
    """
    from babel.core import get_global

    from mtcheck.languages.codes import normalize

    out = [normalize(locale)]
    parts = locale.split("_")
    if len(parts) == 3 and len(parts[1]) == 4:
        short = f"{parts[0]}_{parts[2]}"
        if get_global("likely_subtags").get(short) == locale:
            out.append(normalize(short))
    return out


def regions(code: str, cldr_misc: Path) -> dict:
    """Tag → what that region or script writes otherwise than the language's default locale,
    for every locale of the language that differs (see the module docstring)."""
    default = conventions(locale_id(code), cldr_misc)
    out = {}
    for locale in region_locales(code):
        differ = differences(default, conventions(locale, cldr_misc))
        if differ:
            out.update(dict.fromkeys(tags(locale), differ))
    return out


def names(code: str, codes: list[str]) -> dict:
    """Weekday, month and language names as CLDR writes them in running text, and the kinds of
    those that it writes in lower case (the first letter of a name is upper only for some)."""
    from babel import Locale

    loc = Locale.parse(locale_id(code))
    table = {
        "weekday": [loc.days["format"]["wide"][i] for i in range(7)],
        "month": [loc.months["format"]["wide"][i] for i in range(1, 13)],
        "language": sorted({loc.languages[c] for c in codes if c in loc.languages}),
    }
    cased = [w for w in (table["weekday"] + table["month"]) if w[:1].lower() != w[:1].upper()]
    lower = [kind for kind, words in table.items()
             if cased and all(w == w.lower() for w in words if w[:1].lower() != w[:1].upper())]
    return {**table, "lower": lower}


def build(code: str, codes: list[str], cldr_misc: Path) -> dict:
    from babel import Locale

    return {"name": Locale("en").languages[code] if code in Locale("en").languages
            else Locale.parse(locale_id(code)).get_display_name("en"),
            "script": script(code), "quotes": quotes(code, cldr_misc), "numbers": numbers(code),
            "punctuation": punctuation(code, cldr_misc),
            "cldr_names": names(code, codes)}


def render(table: dict) -> str:
    """One key per line, sorted, so a rebuild is byte-identical and a diff readable."""
    return json.dumps(table, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cldr-misc", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--lang", nargs="*")
    args = parser.parse_args()
    codes = sorted(p.parent.name for p in OUT.glob("*/language.toml"))
    for code in args.lang or codes:
        folder = args.out / code
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "cldr.json").write_text(render(build(code, codes, args.cldr_misc)), encoding="utf-8")
        written = write_regions(folder, regions(code, args.cldr_misc))
        print(f"{code}: cldr.json" + (f", regions.json ({written} tags)" if written else ""))


def write_regions(folder: Path, table: dict) -> int:
    """Write ``regions.json`` (removed where no region differs); the number of tags written."""
    path = folder / "regions.json"
    if table:
        path.write_text(render(table), encoding="utf-8")
    elif path.exists():
        path.unlink()
    return len(table)


if __name__ == "__main__":
    main()
