"""Numbers in text, read every way they could be meant, so that a source and its translation
can be compared after normalization.

A *mention* is a number written in digits (``1.500``, ``8,5``, ``14:30``, ``3rd``) or in words
(``veintiuno``, ``two thousand``, ``шести``), with the set of values it may stand for. Digits with
one separator are ambiguous across locales, so both readings are kept::

    >>> [sorted(m.values) for m in mentions("1.500 visitors", "en")]
    [[1.5, 1500]]
    >>> [(m.text, sorted(m.values)) for m in mentions("veinte y uno de ellos", "es")]
    [('veinte y uno', [21])]

Times carry a reading on the 12-hour clock (``14:30`` and ``2:30 p.m.`` agree), integers up to 24
one as an hour (``14 Uhr``, ``2 pm``), numbers before a scale word one with the scale
(``2 millones``: 2 and 2000000), a decade its two-digit year (``1990s``: 1990 and 90), and month
names their number (``marzo``: 3), so that a date written ``03/05`` can meet ``5 March``.
Chinese and Japanese numerals are read by place (``七百五十萬``: 7500000; ``han_value``).

Words and separators per language come from ``languages/numbers/<code>.txt`` (built from
num2words and CLDR by ``scripts/build_number_data.py``); a language without a file is read in
digits only. What is read in every text, whatever its language, is every language's
``[numbers]`` of language.toml together: the endings of ordinals in digits (``3rd``, ``3º``,
``3ème``) and the scale words other languages borrow (``2 million`` in German text).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

import regex

from mtcheck.languages import DATA_DIR, every_language
from mtcheck.text.patterns import lazy

NUMBERS_DIR = DATA_DIR / "numbers"

# Digits with any locale's separators: 1,500 · 1.500 · 1 500 (also no-break and narrow
# no-break spaces) · 1'500 · 8,5 · 14:30 · 14h30. Not part of a word (G7, COVID-19, MP3).
_SEP = r"[.,'’\u00a0\u202f ，]"  # and the full-width comma of Chinese and Japanese: 15，001
# Not after a letter (`MP3`, `A4`, `COVID-19`), except one of the scripts written without spaces,
# where a number stands right after a word (Chinese `有16,500人`, Japanese `約5万`, Thai), and
# Arabic and Hebrew, whose one-letter conjunctions and prepositions are written onto the number
# (`و1,4 مليار`, `ב1990`).
DIGITS = lazy(
    r"(?<!(?![\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Arabic}\p{Hebrew}])[\p{L}\p{N}_#@$%{\ue000]|\p{L}-|\d[.,])"
    r"(?P<num>\d{1,3}(?:(?P<sep>" + _SEP + r")\d{3})(?:(?P=sep)\d{3})*(?:[.,]\d+)?(?!\d)"
    r"|\d+(?:[.,]\d+|[:h]\d\d)?)"
    r"(?![.,:]\d)"
)
# Dates with dots (German, Russian, Czech…: 16.3., 12.1.21, 26.12.2021): day, month and year
# are three numbers, not a decimal.
DOTTED_DATE = lazy(r"(?<![\p{L}\p{N}.,])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2}(?!\d))?")
# Scores and ratios (1:1, 104:106): two numbers.
SCORE = lazy(r"(?<![\p{L}\p{N}.,:])(\d+):(\d+)(?![\d:])")
ROMAN = lazy(r"(?<![\p{L}\p{N}])(?=[MDCLXVI]{2,}|[IVX](?=e|er|ème|º|-я|-й))M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})(?=e\b|er\b|ème\b|º|\b)")
_ROMAN_VALUES = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}
WORD = lazy(r"\p{L}+(?:[-'’]\p{L}+)*")
_HAN = lazy(r"\p{Han}")
# The ending of a decade written in digits: English `1350s`, `1350's`, German `1350er`.
_DECADE = lazy(r"(?:s|'s|’s|er)\b")


@lru_cache(maxsize=1)
def ordinal_suffixes() -> frozenset[str]:
    """Endings glued to digits in an ordinal, in any language (``[numbers] ordinal_suffixes``
    of every language.toml together: a translation keeps the source's `3rd`).

    >>> {"st", "º", "ème", "ste"} <= ordinal_suffixes(), "x" in ordinal_suffixes()
    (True, False)
    """
    return frozenset(every_language("numbers", "ordinal_suffixes"))


@lru_cache(maxsize=1)
def _suffix() -> regex.Pattern:
    """An ordinal ending (3rd, 21st, 3º, 3ª, 3e, 3ème, 3-й), or an ending of decades and degrees
    (1990s, 90's, 20°), right after digits: a number with one is not a label such as `2G`."""
    endings = sorted(ordinal_suffixes(), key=lambda e: (-len(e), e))  # the longest first: `ème`, not `e`
    return regex.compile("(?:" + "|".join(map(regex.escape, endings)) + r"|°|s|'s|’s|-?[а-я]{1,3})(?!\p{L})")


@lru_cache(maxsize=1)
def borrowed_scales() -> dict[str, float]:
    """Scale words met after a number in any language's text (``[numbers] borrowed_scale`` of
    every language.toml together: English `2 million`, `3bn` in a German text).

    >>> borrowed_scales()["bn"], "millones" in borrowed_scales()
    (1000000000.0, False)
    """
    return {word: float(value) for word, value in every_language("numbers", "borrowed_scale")}


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    values: frozenset  # floats/ints, and ("time", minutes on a 12-hour clock)
    # digits | label (2G) | ordinal (3rd) | convertible (6 miles) | words | compound | roman |
    # month | alone (dozen, half: never in a run). Only `digits` need a counterpart.
    kind: str

@dataclass(frozen=True)
class NumberWords:
    """How one language writes numbers: separators and number words."""

    decimal: str
    group: str
    decimal_variants: str  # other decimal marks in wide use (Spanish in the Americas: `.`)
    words: dict  # form → (kind, value): cardinal, scale, ordinal, month
    connectors: frozenset
    percent: tuple
    units: frozenset = frozenset()  # units a translator may convert (miles, °F)
    # Other thousands separators in wide use: a region's language's own (pt-PT groups with a
    # space, and also writes pt's `1.500`).
    group_variants: str = ""
    # What a sign says in words (`%` → `prozent`; `°` → `grad`; `¤`, any currency → `euro`).
    signs: dict = field(default_factory=dict)
    # CLDR's pattern of a percentage: `#,##0%`, German `#,##0\u00a0%`, Turkish `%#,##0`.
    percent_pattern: str = "#,##0%"
    # CLDR's long date: `MMMM d, y`, German `d. MMMM y`, Spanish `d 'de' MMMM 'de' y`.
    date_pattern: str = "MMMM d, y"
    # CLDR's short pattern of a number with a unit symbol: `km` → `{0} km`, French `{0}\u202fkm`.
    unit_patterns: dict = field(default_factory=dict)

    def is_number_word(self, word: str) -> bool:
        return word in self.words and self.words[word][0] in ("cardinal", "scale")

    @cached_property
    def short_heads(self) -> frozenset:
        """The combining forms of three letters (Russian `дву`), which ``heads`` cannot hold."""
        return frozenset(w for w, (kind, _) in self.words.items() if kind == "prefix" and len(w) == 3)

    @cached_property
    def han_numerals(self) -> dict:
        """The Chinese characters of the language's number words, with their values: the
        one-character cardinals and scales (`五` 5, `十` 10, `万` 10000), and the place of a
        two-character `one X` (`一百` 100 gives `百`). Read as positional numerals by
        ``han_value``; empty for a language whose number words are not written in them."""
        out = {}
        for word, (kind, value) in self.words.items():
            if kind not in ("cardinal", "scale") or not _HAN.fullmatch(word[-1]):
                continue
            if len(word) == 1:
                out[word] = value
            elif len(word) == 2 and value in (100, 1000) and self.words.get(word[0], ("", None))[1] == 1:
                out.setdefault(word[1], value)
        return out

    @cached_property
    def heads(self) -> frozenset:
        """The first four letters of every number word and connector: a word that starts
        otherwise (most words of a text) is none of them, nor a compound of one."""
        return frozenset(w[:4] for w in (*self.words, *self.connectors))


@lru_cache(maxsize=None)
def number_words(code: str | None) -> NumberWords:
    """The number data of ``code`` (any code users write: ``pt_PT``, ``de-CH``): its language's,
    with the separators of its region where CLDR gives it other ones (regions.json); digits
    only (and ``.`` decimals) where there is none.

    >>> number_words("de").decimal, number_words("de").words["sechs"]
    (',', ('cardinal', 6))
    >>> number_words("pt-PT").group, number_words("pt-BR").group, number_words("de-CH").decimal
    ('\xa0', '.', '.')
    """
    from mtcheck.languages import language_for, regions
    from mtcheck.languages.codes import InvalidLanguageCode

    try:
        language = language_for(code) if code else None
    except InvalidLanguageCode:  # a malformed code: digits only, as for a language without a file
        language = None
    data = _number_file(language.code if language else None)
    if language is None or language.tag == language.code or not data.words:
        return data  # the default locale, or no number data for a region to change
    return with_separators(data, regions(language.code)[language.tag].get("numbers", {}))


def with_separators(data: NumberWords, separators: dict) -> NumberWords:
    """``data`` with a region's ``decimal`` and ``group``. The language's own marks stay
    readable as variants (Swiss German ``2,5 %`` beside CLDR's ``2.5 %``, Portuguese ``R$ 3.600``
    beside pt-PT's ``3 600``): a region's text is not held to its locale more strictly than the
    language's text to its own. The language's group mark is no variant where it is the
    region's decimal mark (de-CH ``1.500`` is one and a half).

    >>> de_ch = with_separators(number_words("de"), {"decimal": ".", "group": "’"})
    >>> de_ch.decimal, de_ch.group, de_ch.decimal_variants, de_ch.group_variants
    ('.', '’', ',', '')
    >>> pt_pt = with_separators(number_words("pt"), {"group": "\u00a0"})
    >>> pt_pt.decimal, pt_pt.group, pt_pt.decimal_variants, pt_pt.group_variants
    (',', '\xa0', '', '.')
    """
    decimal = separators.get("decimal", data.decimal)
    group = separators.get("group", data.group)
    decimals = "".join(dict.fromkeys(m for m in data.decimal + data.decimal_variants if m != decimal))
    groups = "".join(m for m in data.group + data.group_variants if m not in (decimal, group))
    return replace(data, decimal=decimal, group=group, decimal_variants=decimals, group_variants=groups)


@lru_cache(maxsize=None)
def _number_file(code: str | None) -> NumberWords:
    """The number data of a data folder's language (``languages/numbers/<code>.txt``)."""
    path = NUMBERS_DIR / f"{code}.txt"
    if not code or not path.exists():
        return NumberWords(".", ",", "", {}, frozenset(), ())
    symbols, words, connectors, percent, units, signs, unit_patterns = {}, {}, set(), [], set(), {}, {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        kind, form, value = line.split("\t")
        if kind == "symbol":
            symbols[form] = value
        elif kind == "connector":
            connectors.add(form)
        elif kind == "percent":
            percent.append(form)
        elif kind == "unit":
            units.add(form)
        elif kind == "sign":
            signs.setdefault(value, []).append(form)
        elif kind == "unit_pattern":
            unit_patterns[form] = value
        else:
            number = float(value)
            for spelling in _apostrophes(form):
                if kind == "prefix" and spelling in words:
                    continue  # a combining form that is also a word (Ukrainian `три`) stays the word
                words[spelling] = (kind, int(number) if number.is_integer() else number)
    return NumberWords(symbols.get("decimal", "."), symbols.get("group", ","), symbols.get("decimal_variants", ""), words,
                       frozenset(connectors), tuple(percent), frozenset(units),
                       signs={sign: tuple(forms) for sign, forms in signs.items()},
                       percent_pattern=symbols.get("percent_pattern", "#,##0%"),
                       date_pattern=symbols.get("date_pattern", "MMMM d, y"), unit_patterns=unit_patterns)


def _apostrophes(form: str) -> tuple[str, ...]:
    """A word with an apostrophe in each of the ways text writes it (the data has the ASCII
    one): ``п'ять`` → ``п'ять``, ``п’ять``, ``пʼять``."""
    if "'" not in form:
        return (form,)
    return form, form.replace("'", "\u2019"), form.replace("'", "\u02bc")


def _clean(value: float):
    value = round(value, 6)
    return int(value) if float(value).is_integer() else value


def digit_readings(token: str) -> set:
    """Every value a digit token may stand for, whatever the locale.

    >>> sorted(digit_readings("1,500")), sorted(digit_readings("8,5")), sorted(digit_readings("1 500"))
    ([1.5, 1500], [8.5], [1500])
    >>> sorted(digit_readings("1.500.000")), sorted(digit_readings("1,234.5"))
    ([1500000], [1234.5])
    """
    values: set = set()
    if ":" in token or "h" in token:
        hours, minutes = regex.split(r"[:h]", token)
        if int(hours) <= 24 and int(minutes) < 60:
            values.add(("time", (int(hours) % 12) * 60 + int(minutes)))
            values |= {int(hours), int(minutes)}  # 16:32 may be a score, written 16-32
        return values or {_clean(float(token.replace(":", ".").replace("h", ".")))}
    separators = [c for c in token if not c.isdigit()]
    if not separators:
        return {_clean(float(token))}
    groups = regex.split(r"[^\d]", token)
    if len(set(separators)) == 1 and separators[0] in " \u00a0\u202f'’":
        return {_clean(float("".join(groups)))}
    if len(set(separators)) == 2:  # 1,234.5 or 1.234,5: the last one is the decimal mark
        decimal = separators[-1]
        whole = "".join(c for c in token[: token.rindex(decimal)] if c.isdigit())
        return {_clean(float(whole + "." + token[token.rindex(decimal) + 1:]))}
    if len(separators) > 1:  # 1.500.000: grouping only
        return {_clean(float("".join(groups)))}
    head, tail = groups
    values.add(_clean(float(head + "." + tail)))  # a decimal mark
    if len(tail) == 3 and head != "0":
        values.add(_clean(float(head + tail)))  # a group separator
    if len(tail) == 2 and int(head) <= 24 and int(tail) < 60:
        values.add(("time", (int(head) % 12) * 60 + int(tail)))  # 14.30 (a time in many languages)
    if separators[0] == "." and len(tail) == 2 and 1 <= int(head) <= 31 and 1 <= int(tail) <= 12:
        values |= {int(head), int(tail)}  # 18.12: a day and a month
    return values


def mentions(text: str, code: str | None) -> list[Mention]:
    """The numbers of ``text`` in language ``code``, in order, each with all its readings.

    >>> [(m.text, sorted(m.values, key=str)) for m in mentions("am 16.3.21 mit 4:2", "de")]
    [('16', [16]), ('3', [3]), ('21', [2021, 21]), ('4', [4]), ('2', [2])]
    """
    data = number_words(code)
    found, taken = [], []
    for m in DOTTED_DATE.finditer(text):
        if not (1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12):
            continue  # 14.00. is a time
        for i in (1, 2, 3):
            if m.group(i):
                values = {int(m.group(i))} | ({2000 + int(m.group(i))} if i == 3 and len(m.group(i)) == 2 else set())
                found.append(Mention(m.start(i), m.end(i), m.group(i), frozenset(values), "digits"))
        taken.append(m.span())
    for m in SCORE.finditer(text):
        if not (len(m.group(2)) == 2 and int(m.group(1)) <= 24 and int(m.group(2)) < 60):
            found += [Mention(m.start(i), m.end(i), m.group(i), frozenset({int(m.group(i))}), "digits") for i in (1, 2)]
            taken.append(m.span())
    found += [_digit_mention(text, m, data) for m in DIGITS.finditer(text)
              if not any(s <= m.start() < e for s, e in taken)]
    for m in ROMAN.finditer(text):
        if m.group():
            found.append(Mention(m.start(), m.end(), m.group(), frozenset({roman_value(m.group())}), "roman"))
    if data.words:
        found += _word_mentions(text, data)
    if data.han_numerals:
        found += _han_mentions(text, data)
    found.sort(key=lambda m: m.start)
    return found


def roman_value(numeral: str) -> int:
    """The value of a Roman numeral (``XIIIe siècle``).

    >>> roman_value("XIII"), roman_value("XIV"), roman_value("MCMXC")
    (13, 14, 1990)
    """
    total = 0
    for i, c in enumerate(numeral):
        value = _ROMAN_VALUES[c]
        total += -value if i + 1 < len(numeral) and _ROMAN_VALUES[numeral[i + 1]] > value else value
    return total


def loose_values(text: str) -> frozenset:
    """Every run of digits in ``text`` as a number, glued to letters or not (``E95``, ``x15``):
    what a translation may contain as the counterpart of a source number."""
    return frozenset(int(d) for d in regex.findall(r"\d+", text) if len(d) < 16)


# A letter of the scripts whose counters and units follow a number without a space (Chinese
# `16,500人`, Korean `1399년`, `12000명`, Japanese `5万`): a quantity, not a label like `2G`.
_COUNTER = lazy(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]")


def _digit_mention(text: str, m, data: NumberWords) -> Mention:
    token = m.group("num")
    values = digit_readings(token)
    after = text[m.end(): m.end() + 16]
    kind = "digits"
    suffix = _suffix().match(after)
    scale = _next_scale(after, data)
    if scale is None and not _COUNTER.match(after) and (after[:1].isupper() or (after[:1].isalpha() and not suffix)):
        kind = "label"  # 2G, 3D, 5x: a name with a number in it, not a quantity
    elif suffix and token.isdigit() and int(token) <= 31 and suffix.group().lower() in ordinal_suffixes():
        kind = "ordinal"
    unit = WORD.match(after.lstrip(" \u00a0\u202f°"))
    if unit and unit.group().lower() in data.units:
        kind = "convertible"  # 6 inches may be 15 cm in the translation
    if token.isdigit() and len(token) == 3 and int(token[1:]) < 60:
        values.add(("time", int(token[0]) * 60 + int(token[1:])))  # 603: 6:03
    if token.isdigit() and len(token) == 4 and (1800 <= int(token) < 2100 or token.endswith("0") and _DECADE.match(after)):
        values.add(int(token[2:]))  # a year: '90, the 90s; a decade of any century: the 1350s, fifty
    if token.isdigit() and len(token) == 4 and int(token[:2]) <= 24 and int(token[2:]) < 60:
        values.add(("time", (int(token[:2]) % 12) * 60 + int(token[2:])))  # 0500 hours
    if token.isdigit() and len(token) == 4 and token.endswith("00") and after[:1] in ("s", "'"):
        values.add(int(token[:2]) + 1)  # the 1800s: the 19th century
    if token.isdigit() and int(token) <= 24:
        values.add(("time", (int(token) % 12) * 60))  # 14 Uhr = 2 pm
    numeric = {v for v in values if not isinstance(v, tuple)}
    if scale:
        values |= {_clean(v * scale) for v in numeric}
    return Mention(m.start("num"), m.end("num"), token, frozenset(values), kind)


def han_value(values: list[int]) -> int:
    """The value of a Chinese or Japanese numeral, from the values of its characters: digits
    count the place after them (`十` `百` `千`), a section is multiplied by `万` or `億`, and digits
    alone are read positionally (a year written `二〇二三`).

    >>> han_value([10, 4]), han_value([5, 10]), han_value([7, 100, 5, 10, 10000]), han_value([1, 100000000, 5, 1000, 10000])
    (14, 50, 7500000, 150000000)
    >>> han_value([2, 0, 2, 3]), han_value([1000, 10000])
    (2023, 10000000)
    """
    total = section = digits = 0
    for value in values:
        if value in (10, 100, 1000):
            section += max(digits, 1) * value
            digits = 0
        elif value >= 10000:
            total += max(section + digits, 1) * value
            section = digits = 0
        else:
            digits = digits * 10 + value
    return total + section + digits


def _han_mentions(text: str, data: NumberWords) -> list[Mention]:
    """Chinese and Japanese numerals (`五十年`, `七百五十萬`, `十四歲`): runs of the language's
    numeral characters, outside the runs that digits start (`16萬`, read by ``_next_scale``)."""
    out = []
    for m in _han_run(data).finditer(text):
        if m.start() and text[m.start() - 1].isdigit():
            continue
        value = han_value([data.han_numerals[c] for c in m.group()])
        out.append(Mention(m.start(), m.end(), m.group(), frozenset({value}), "words"))
    return out


@lru_cache(maxsize=None)
def _han_run_pattern(characters: str) -> regex.Pattern:
    return regex.compile(f"[{regex.escape(characters)}]+")


def _han_run(data: NumberWords) -> regex.Pattern:
    return _han_run_pattern("".join(sorted(data.han_numerals)))


def _next_scale(after: str, data: NumberWords) -> float | None:
    """The scale word right after a number (``2 millones``, ``3 Mrd.``), if any; Chinese and
    Japanese numeral places count as one (``3百万`` is 3 million)."""
    rest = after.lstrip(" \u00a0\u202f")
    if data.han_numerals:
        run = _han_run(data).match(rest)
        places = [data.han_numerals[c] for c in run.group()] if run else []
        if places and all(v >= 100 for v in places):
            return han_value(places)
    if _COUNTER.match(rest):  # no space ends the word: the longest scale word it begins with (`570万以上`)
        for n in (3, 2, 1):
            entry = data.words.get(rest[:n])
            if entry and entry[0] == "scale":
                return entry[1]
    word = WORD.match(rest)
    if word is None:
        return None
    entry = data.words.get(word.group().lower())
    if entry and entry[0] == "scale":
        return entry[1]
    return borrowed_scales().get(word.group().lower())


def _word_mentions(text: str, data: NumberWords) -> list[Mention]:
    """Runs of number words (``two thousand five hundred``, ``veinte y uno``), ordinal words and
    month names."""
    out: list[Mention] = []
    run: list = []  # word matches of the current run of cardinal/scale words

    def close() -> None:
        while run and run[-1].group().lower() in data.connectors:
            run.pop()
        if run:
            value = _phrase_value([data.words[w.group().lower()][1] for w in run
                                   if w.group().lower() not in data.connectors])
            if value is not None:
                out.append(Mention(run[0].start(), run[-1].end(), text[run[0].start(): run[-1].end()],
                                   frozenset({_clean(value)}), "words"))
        run.clear()

    for m in WORD.finditer(text):
        word = m.group().lower()
        if word[:4] not in data.heads and word[:3] not in data.short_heads and "-" not in word:
            close()
            continue
        if run and text[run[-1].end(): m.start()].strip():
            close()  # punctuation between two words ends a number
        if data.is_number_word(word) or (run and word in data.connectors):
            run.append(m)
            continue
        close()
        entry = data.words.get(word)
        if entry is None and len(word) > 5:
            entry = _number_prefix(word, data)
            if entry is not None:
                out.append(Mention(m.start(), m.end(), m.group(), frozenset({entry[1]}), "compound"))
                continue
        if entry is None and "-" in word:  # four-year-old, 90-летний: the number word leads
            head = word.split("-")[0]
            entry = data.words.get(head)
            if entry is not None:
                out.append(Mention(m.start(), m.start() + len(head), m.group()[:len(head)],
                                   frozenset({entry[1]}), "words"))
                continue
        if entry and entry[0] in ("ordinal", "month", "alone"):
            out.append(Mention(m.start(), m.end(), m.group(), frozenset({entry[1]}), entry[0]))
    close()
    return out


def _number_prefix(word: str, data: NumberWords):
    """A number word (of at least 4 letters) or a number's combining form that ``word`` starts
    with: compounds such as German ``zweijährigen``, Russian ``девятивходовой``, ``двусторонний``,
    Spanish ``cuarentona``."""
    for k in range(min(len(word) - 2, 14), 2, -1):
        entry = data.words.get(word[:k])
        # A combining form (`prefix`: Russian `дву` in `двусторонний`) may be three letters.
        if entry and (entry[0] in ("cardinal", "ordinal") and k > 3 or entry[0] == "prefix"):
            return entry
    return None


def _phrase_value(values: list) -> float | None:
    """The value of a run of number words: ``[2, 1000, 500]`` → 2500; ``[20, 1]`` → 21.

    >>> _phrase_value([2, 1000, 5, 100, 20, 1]), _phrase_value([1000, 1000000]), _phrase_value([3, 1000, 1000000])
    (2521, 1000000000, 3000000000)
    """
    total, current = 0, 0
    for value in values:
        if value >= 1000:  # a scale word: what came before counts this many times
            if current == 0 and 0 < total < value:
                total *= value  # mil millones: a thousand millions
            else:
                total += max(current, 1) * value
            current = 0
        elif value == 100:
            current = max(current, 1) * 100
        else:
            current += value
    return total + current
