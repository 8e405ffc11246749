#!/usr/bin/env python3
"""Build ``mtcheck/languages/numbers/<code>.txt``: how each language writes numbers.

One file per language, for target languages and for common source languages alike (a
number-mismatch check reads the source side too). Lines are ``kind<TAB>form<TAB>value``:

``symbol``    ``decimal`` and ``group``: the locale's separators, from CLDR through Babel
              (``en`` → ``.`` and ``,``; ``de`` → ``,`` and ``.``; ``fr`` → ``,`` and a narrow
              no-break space); ``percent_pattern``: how it writes a percentage (``#,##0%``;
              ``de`` ``#,##0 %`` with a no-break space; ``tr`` ``%#,##0``); ``date_pattern``:
              CLDR's long date (``MMMM d, y``; ``de`` ``d. MMMM y``).
              ``decimal_variants``: other decimal marks in wide use, from ``language.toml
              [numbers]`` and checked against CLDR's locales (Spanish in Mexico and the United
              States writes ``9.4``).
``cardinal``  number words 0–100, the hundreds and ``thousand``, from num2words
              (``veintiuno`` 21, ``quinientos`` 500), lower-cased, plus the hand-written extra
              forms of ``language.toml [numbers] words`` (inflections: ru ``шести`` 6, feminine
              forms: pt ``duas`` 2).
``prefix``    combining forms of numbers that begin compounds (Russian ``дву`` 2 in
              ``двусторонний``, Czech ``dvou`` in ``dvoucestný``), hand-written in
              ``language.toml [numbers]``; read only at the start of a word.
``scale``     words that multiply what precedes them (``million`` 1000000, ``millones``).
``alone``     words with a value that stand alone, never inside a spelled-out number (``dozen``
              12, ``half`` 0.5, ``décennie`` 10), hand-written in ``language.toml [numbers]``,
              and the words derived from the cardinals 2–100 by ``[numbers] derived``: an
              ending and what it replaces at the end of the cardinal (Italian ``enne`` for
              a final vowel: ``venti`` → ``ventenne`` 20, "a twenty-year-old"; French
              ``aine`` for a final ``e``: ``trente`` → ``trentaine`` 30; German ``jährige``:
              ``zwanzigjährige`` 20).
``ordinal``   ordinal words 1–31 (``third`` 3, ``tercero`` 3), from num2words, with their case
              forms where ``language.toml [numbers] ordinal_endings`` gives them (uk ``другому`` 2).
``connector`` words inside a spelled-out number (``and`` in ``one hundred and five``),
``percent``   words for per cent, and ``unit`` units a translator may convert (``miles``,
              ``°F``); all three hand-written in ``language.toml [numbers]`` (value 0).
``sign``      words that say what a sign says, the value being the sign (``prozent`` ``%``,
              ``grados`` ``°``, ``dólares`` ``¤`` for any currency): CLDR's names of the units
              percent, per mille, degree and the temperatures, in the plural forms of 1, 2, 5
              and 1.5 and in long, short and narrow width, and its names and local symbols
              of the common currencies, plus the ``percent`` words. ``180°`` translated
              ``180 grados`` keeps its sign; ``180`` alone lost it (MT605).
``unit_pattern`` how the language writes a number with a unit symbol, CLDR's short unit
              pattern with ``{0}`` for the number (``km`` ``{0} km``; ``fr`` ``{0}\u202fkm``
              with a narrow no-break space; ``de`` ``GB`` ``{0}\u00a0GB``): for the units of
              UNIT_SPACING, where the symbol is the same in every plural form (a symbol, not
              a word: Polish ``waty`` is left out) and has two characters or more (``m``,
              ``g``, ``t``, ``W``, ``V`` are also millions, the network ``4G``, tonnes or
              grades in text). A symbol two units write with different patterns is left out.
              MT609 reads them.
``month``     month names, wide and abbreviated, format and stand-alone forms, from CLDR
              (``marzo`` 3, ``марта`` 3): a date written ``03/05`` in the source and
              ``5 March`` in the translation has the same numbers.

Run from the repository root (``pip install -e '.[build]'``); ``tests/test_language_data.py``
checks that the shipped files equal what this script builds.

    python scripts/build_number_data.py [--out mtcheck/languages/numbers]
"""

from __future__ import annotations

import argparse
from functools import lru_cache
import multiprocessing
from pathlib import Path

import regex

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

# Babel's name of a code CLDR names otherwise (sh → sr_Latn), and a locale's Latin-digit separators.
from build_cldr_data import locale_id, separators

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = ROOT / "mtcheck" / "languages"
# Every language with data (a target language may be any of them: MT602 reads its separators),
# and the source languages of the shared data and of common news translation.
SOURCE_LANGS = ["en", "es", "pt", "fr", "de", "it", "nl", "ru", "uk", "cs", "pl", "ca", "tr", "ja", "zh"]
LANGS = sorted(set(SOURCE_LANGS) | {p.parent.name for p in SETTINGS.glob("*/language.toml")})
# num2words names some locales otherwise (its `sr` is written in Latin, as wordfreq's `sh`).
NUM2WORDS_CODE = {"zh": "zh_CN", "nb": "no", "sh": "sr"}
SCALES = {1_000_000: "million", 1_000_000_000: "billion"}


def words_of(lang: str, value: int, to: str = "cardinal") -> list[str]:
    """num2words' spelling of ``value``, lower case; where num2words lacks the language, CLDR's
    spell-out rules (unicode-rbnf) in every gender (Greek `ένας`, `μία`, `ένα`); [] where both
    lack it."""
    from num2words import CONVERTER_CLASSES, num2words

    code = NUM2WORDS_CODE.get(lang, lang)
    if code not in CONVERTER_CLASSES:  # num2words would fall back to the code's first two letters: `fil` → `fi`
        return rbnf_words(lang, value, to)
    try:
        text = num2words(value, lang=code, to=to)
    except (NotImplementedError, KeyError, AttributeError, TypeError, ValueError):
        return []
    return [text.lower().replace(",", "")]


@lru_cache(maxsize=None)
def _rbnf_engine(lang: str):
    from unicode_rbnf import RbnfEngine

    try:
        return RbnfEngine.for_language(lang)
    except (ValueError, KeyError, FileNotFoundError):
        return None


def rbnf_words(lang: str, value: int, to: str = "cardinal") -> list[str]:
    """CLDR's spellings of ``value`` (its RBNF spell-out rules), one per ruleset, lower case."""
    from unicode_rbnf import FormatPurpose

    engine = _rbnf_engine(lang)
    if engine is None:
        return []
    purpose = FormatPurpose.CARDINAL if to == "cardinal" else FormatPurpose.ORDINAL
    try:
        result = engine.format_number(value, purpose=purpose)
    except Exception:  # noqa: BLE001 - a ruleset the engine cannot apply: no spelling
        return []
    return list(dict.fromkeys(t.lower().replace(",", "") for t in result.text_by_ruleset.values() if t))


def single_words(lang: str, value: int, to: str = "cardinal") -> list[str]:
    """``words_of`` where the spelling is one word (``veintiuno``, ``twenty-one``): text is read
    word by word, and longer spellings are made of words that are in the table themselves."""
    return [w for w in words_of(lang, value, to) if " " not in w]


def scale_words(lang: str, value: int) -> list[str]:
    """The word for 100, 1000, 10^6 or 10^9 in singular and plural (``million``, ``millions``):
    the last word of num2words' spelling of one, two and five of them (``un millón``, ``dos
    millones``); nothing where the language glues it to the count (German ``zweihundert``)."""
    forms = []
    for count in (1, 2, 5):
        for text in words_of(lang, count * value):
            if " " not in text:
                continue
            last = text.split()[-1]
            if last not in forms and not last.isdigit():
                forms.append(last)
    return forms


def compact_scales(lang: str) -> dict[str, int]:
    """Scale words of CLDR's compact number formats, with what they multiply by: the word after
    the zeros of each pattern (Korean `0만` at 10,000 → `만` 10,000; `00억`... → `억` 10^8;
    Hindi `0 लाख` → 100,000; German `0 Mio.` → 1,000,000). Single Latin letters (`K`, `M`, `B`)
    are left out: in text they are units, grades and names more often than scales; phrases of
    several words (`mil millones`) too."""
    from babel import Locale

    from babel.localedata import locale_identifiers

    found: dict[str, int] = {}
    # The language's locale and its other scripts (Chinese `zh_Hant`: `萬`, `億`; `zh`: `万`, `亿`).
    scripts = [i for i in locale_identifiers() if i.startswith(f"{lang}_") and i.count("_") == 1
               and len(i.split("_")[1]) == 4]
    for identifier in [locale_id(lang), *sorted(scripts)]:
        _compact_scales(Locale.parse(identifier).compact_decimal_formats, found)
    return found


def _compact_scales(formats, found: dict[str, int]) -> None:
    for width in formats.values():
        for patterns in width.values():
            for magnitude, pattern in patterns.items():
                text = pattern.pattern if hasattr(pattern, "pattern") else str(pattern)
                zeros = regex.search(r"0+", text)
                word = regex.sub(r"[0'.\s\u00a0]", "", text).lower()
                if zeros is None or not word or not regex.fullmatch(r"\p{L}[\p{L}\p{M}]*", word):
                    continue
                if len(word) == 1 and regex.match(r"\p{Latin}", word) or " " in text.strip("0 \u00a0").replace("\u00a0", " "):
                    continue
                found.setdefault(word, int(magnitude) // 10 ** (len(zeros.group()) - 1))


def inflected(word: str, endings: dict[str, list[str]]) -> list[str]:
    """The case forms of an ordinal adjective, by the ending of its dictionary form
    (``language.toml [numbers] ordinal_endings``; num2words writes the nominative only):
    ``другий`` with ``{"ий": ["ому"]}`` → ``["другому"]``."""
    for ending, forms in endings.items():
        if word.endswith(ending):
            return [word[:-len(ending)] + form for form in forms]
    return []


def month_names(lang: str) -> list[tuple[str, int]]:
    from babel import Locale

    locale = Locale.parse(locale_id(lang))
    out = []
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in locale.months[context][width].items():
                name = name.lower().rstrip(".")
                if len(name) >= 3 and name.isalpha():
                    out.append((name, number))
    return out


# The CLDR units and currencies behind each sign (``¤``: any currency sign).
SIGN_UNITS = {"%": ["concentr-percent"], "‰": ["concentr-permille"],
              "°": ["angle-degree", "temperature-celsius", "temperature-fahrenheit", "temperature-generic"]}
CURRENCIES = ["USD", "EUR", "GBP", "JPY", "CNY", "RUB", "UAH", "INR", "KRW", "TRY", "CHF", "CAD",
              "AUD", "MXN", "BRL", "PLN", "ILS"]
SIGN_COUNTS = (1, 2, 5, 1.5)


def sign_words(lang: str) -> list[tuple[str, str]]:
    """(form, sign) pairs: what CLDR writes for a unit or a currency beside a number, without
    the number (``5 Prozent`` → ``prozent``; ``5 градусов`` → ``градусов``; ``5 度`` → ``度``)."""
    from babel.numbers import get_currency_name, get_currency_symbol
    from babel.units import format_unit

    loc = locale_id(lang)
    pairs = []

    def add(text: str, sign: str) -> None:
        # Word by word: text writes `5 dólares` more often than CLDR's `5 dólares
        # estadounidenses`. A bare sign is read as a sign (`°`, `%`); a form needs a letter.
        for form in regex.sub(r"[\d.,]+", " ", text).lower().split():
            long_enough = len(form) >= 2 or regex.match(r"[\p{Han}\p{Hangul}\p{Hiragana}\p{Katakana}]", form)
            if long_enough and regex.search(r"\p{L}", form) and (form, sign) not in pairs:
                pairs.append((form, sign))

    for sign, units in SIGN_UNITS.items():
        for unit in units:
            for count in SIGN_COUNTS:
                for length in ("long", "short", "narrow"):
                    text = format_unit(count, unit, length=length, locale=loc)
                    if unit not in text:  # Babel writes the unit's id where CLDR has no name
                        add(text, sign)
    for code in CURRENCIES:
        for count in SIGN_COUNTS:
            add(get_currency_name(code, count=count, locale=loc), "¤")
        add(get_currency_symbol(code, locale=loc), "¤")
    return pairs


# The units whose symbols MT609 checks: metric lengths, masses, areas, volumes and speeds,
# digital sizes, frequencies, power and energy. Not temperatures (`25°C` is English CLDR's own,
# and the degree sign is a sign: MT605), durations (`15h30`, `25min`, `1990s` are times and
# decades), imperial units (British style glues `6ft`, `14st`, `70mph`), g-force, bytes and bits
# alone (`B`, `bit`), currencies and percent (MT803, in the typography profiles).
UNIT_SPACING = [
    "length-kilometer", "length-meter", "length-centimeter", "length-millimeter", "length-micrometer",
    "length-nanometer", "mass-kilogram", "mass-gram", "mass-milligram", "mass-microgram", "mass-tonne",
    "area-square-kilometer", "area-square-meter", "area-hectare", "volume-liter", "volume-milliliter",
    "volume-centiliter", "volume-cubic-meter", "speed-kilometer-per-hour", "speed-meter-per-second",
    "digital-kilobyte", "digital-megabyte", "digital-gigabyte", "digital-terabyte", "digital-petabyte",
    "digital-kilobit", "digital-megabit", "digital-gigabit", "digital-terabit",
    "frequency-hertz", "frequency-kilohertz", "frequency-megahertz", "frequency-gigahertz",
    "power-watt", "power-kilowatt", "power-megawatt", "power-gigawatt", "power-milliwatt",
    "energy-kilowatt-hour", "energy-kilojoule", "energy-kilocalorie",
    "electric-milliampere", "pressure-hectopascal", "pressure-kilopascal",
]


def unit_patterns(lang: str) -> dict[str, str]:
    """symbol → CLDR's short pattern (``{0} km``) of the units of UNIT_SPACING that the
    language writes number first with a symbol of two characters or more, the same in every
    plural form (1, 2, 5, 1.5). A symbol of two units with different patterns is left out."""
    from babel.numbers import format_decimal
    from babel.units import format_unit

    loc = locale_id(lang)
    found: dict[str, set[str]] = {}
    for unit in UNIT_SPACING:
        patterns = set()
        for count in SIGN_COUNTS:
            text = format_unit(count, unit, length="short", locale=loc)
            number = format_decimal(count, locale=loc)
            if not text.startswith(number) or unit in text:
                break  # the number is not first, or Babel wrote the unit's id (CLDR has no symbol)
            patterns.add("{0}" + text[len(number):])
        else:
            if len(patterns) != 1:
                continue  # the form changes with the count: a word (Polish `5 waty`, `1,5 W`)
            pattern = patterns.pop()
            symbol = pattern[3:].lstrip(" \u00a0\u202f")
            if len(symbol) >= 2 and regex.search(r"\p{L}", symbol) and not regex.search(r"\s", symbol):
                found.setdefault(symbol, set()).add(pattern)
    return {symbol: next(iter(p)) for symbol, p in found.items() if len(p) == 1}


def build(lang: str) -> str:
    from babel import Locale
    from importlib.metadata import version

    locale = Locale.parse(locale_id(lang))
    symbols = separators(locale_id(lang))
    rows: dict[tuple[str, str], int | str] = {}
    rows[("symbol", "decimal")] = symbols["decimal"]
    rows[("symbol", "group")] = symbols["group"]
    rows[("symbol", "percent_pattern")] = locale.percent_formats[None].pattern
    rows[("symbol", "date_pattern")] = locale.date_formats["long"].pattern
    extra = {}
    settings = SETTINGS / lang / "language.toml"
    if settings.exists():
        extra = tomllib.loads(settings.read_text(encoding="utf-8")).get("numbers", {})
    # Other decimal marks in wide use, checked against CLDR's locales of the language.
    for mark in extra.get("decimal_variants", ""):
        if not any(separators(f"{locale_id(lang)}_{t}")["decimal"] == mark
                   for t in extra.get("variant_territories", [])):
            raise SystemExit(f"{lang}: decimal mark {mark!r} is not CLDR's in {extra.get('variant_territories')}")
    rows[("symbol", "decimal_variants")] = extra.get("decimal_variants", "")
    for value in list(range(0, 101)) + list(range(200, 1001, 100)):
        for word in single_words(lang, value):
            rows.setdefault(("cardinal", word), value)
    for value in (100, 1000):  # `hundred`, `thousand`, `тысячи`: the last word of a spelling
        for word in scale_words(lang, value):
            rows.setdefault(("cardinal", word), value)
    # CLDR's compact formats first: they say what a scale word multiplies by, where the last
    # word of a spelled-out million may be another scale's (Hindi `दस लाख`, ten lakh).
    for word, value in compact_scales(lang).items():
        if ("cardinal", word) not in rows:  # `hundred`, `тысячи` are cardinals already
            rows.setdefault(("scale", word), value)
    for value, _ in SCALES.items():
        for word in scale_words(lang, value):
            if not any(kind == "scale" and w == word for kind, w in rows):
                rows.setdefault(("scale", word), value)
    endings = extra.get("ordinal_endings", {})
    for value in range(1, 32):
        for word in single_words(lang, value, "ordinal"):
            rows.setdefault(("ordinal", word), value)
            for form in inflected(word, endings):
                rows.setdefault(("ordinal", form), value)
    for name, number in month_names(lang):
        rows.setdefault(("month", name), number)
    # Words derived from the cardinals by an ending (`derived = { "enne" = "[aeiou]$" }`: the
    # pattern says what the ending replaces, "" for nothing).
    for ending, replaced in extra.get("derived", {}).items():
        for value in range(2, 101):
            for word in single_words(lang, value):
                form = regex.sub(replaced, "", word) + ending if replaced else word + ending
                rows.setdefault(("alone", form), value)
    if extra:
        for kind in ("cardinal", "ordinal", "scale", "alone", "prefix"):
            for word, value in extra.get(kind, {}).items():
                rows[(kind, word.lower())] = value
        for kind in ("connector", "percent", "unit"):
            for word in extra.get(kind, []):
                rows[(kind, word.lower())] = 0
        for word in extra.get("percent", []):
            rows.setdefault(("sign", word.lower()), "%")
    for form, sign in sign_words(lang):
        rows.setdefault(("sign", form), sign)
    for symbol, pattern in unit_patterns(lang).items():
        rows[("unit_pattern", symbol)] = pattern
    header = (f"# Number words and separators of {locale.english_name} ({lang}), built by "
              f"scripts/build_number_data.py from num2words {version('num2words')} and CLDR (Babel "
              f"{version('babel')}). kind<TAB>form<TAB>value\n")
    body = "".join(f"{kind}\t{form}\t{value}\n" for (kind, form), value in sorted(rows.items(), key=lambda kv: (kv[0][0], str(kv[1]), kv[0][1])))
    return header + body


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=SETTINGS / "numbers")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    # One fresh process per language: Babel 2.18 resolves a locale's stand-alone month names
    # into its shared cache of the root locale, so after Hebrew every later locale lists the
    # Hebrew months too.
    with multiprocessing.get_context("spawn").Pool(2, maxtasksperchild=1) as pool:
        for lang, text in zip(LANGS, pool.map(build, LANGS, chunksize=1)):
            (args.out / f"{lang}.txt").write_text(text, encoding="utf-8")
            print(f"{lang}: {len(text.encode())} bytes")


if __name__ == "__main__":
    main()
