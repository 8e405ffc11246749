"""Numbers: changed or dropped against the source (MT601), written in the source locale's
format (MT602), dates in another language's order (MT606), and a number glued to a unit
symbol where the language writes a space (MT609).

MT601 runs when the Document has a source (``--source``, a record's ``source`` field, PO, XLIFF,
TMX) and acts only on aligned units the aligner is confident about (``mtcheck.text.align``);
MT602 also runs without a source, on forms the target language cannot mean. What a number is in
each language (separators, number words, scale words) is mtcheck.text.numbers and the data in
languages/numbers/.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import regex

from mtcheck.document import PLAIN_PROTECTED, Document
from mtcheck.finding import Applicability, Fix
from mtcheck.languages import Language, language_for
from mtcheck.rules import Example, FixAvailability, Rule, register
from mtcheck.text.chars import NARROW_NBSP, NBSP
from mtcheck.text.align import MIN_CONFIDENCE, source_language
from mtcheck.text.numbers import Mention, NumberWords, loose_values, mentions, number_words
from mtcheck.text.patterns import lazy
from mtcheck.text.placeholders import protected_spans

# Placeholders of localization files and anonymized data (`#PRS_ORG#`, `{0}`, `%1$s`; the
# grammar is mtcheck.text.placeholders) and `24/7`: their digits are not numbers of the text.
_NOT_NUMBERS = lazy(r"#[A-Z_-]+#|\{[^{}\s]*\}|\b24/7\b")


_DIGIT = lazy(r"\d")


def _visible(text: str) -> str:
    """``text`` with URLs, e-mail addresses, handles and placeholders blanked (same offsets)."""
    for pattern in (*PLAIN_PROTECTED, _NOT_NUMBERS):
        text = pattern.sub(lambda m: " " * len(m.group()), text)
    for (start, end), _ in protected_spans(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _is_reportable(m: Mention, text: str, lang: str | None) -> bool:
    """Source numbers worth a finding when the translation lacks them: digits other than 0 and 1
    (`1` is as often `a`, `one`, `un`), and times. Words (`seis`) only serve as counterparts:
    a translator may write `half a dozen` for them. `100 %` is as often an intensifier
    (`100% sure` → `completely sure`) as a measure.

    >>> [_is_reportable(m, "Zu 100 % sicher, 40 Tage.", "de") for m in mentions("Zu 100 % sicher, 40 Tage.", "de")]
    [False, True]
    """
    if m.kind != "digits" or m.text in ("0", "1", "00", "01"):
        return False
    if m.text == "100":
        after = text[m.end:m.end + 20].lstrip().lower()
        return not after.startswith(("%", *number_words(lang).percent))
    return True


def compare_numbers(source: str, source_lang: str | None, target: str, target_lang: str
                    ) -> tuple[list[Mention], list[Mention]]:
    """(source numbers with no counterpart in the target, target numbers in digits with no
    counterpart in the source), after normalization.

    >>> missing, extra = compare_numbers("Se vendieron 4817 entradas, 1.500 por internet.", "es",
    ...                                  "4871 tickets were sold, 1,500 online.", "en")
    >>> [m.text for m in missing], [m.text for m in extra]
    (['4817'], ['4871'])
    """
    if not (_DIGIT.search(source) or _DIGIT.search(target)):
        return [], []  # only digits are reported, on either side
    src = mentions(_visible(source), source_lang)
    tgt = mentions(_visible(target), target_lang)
    target_values = _values(target, target_lang, tgt)
    source_values = frozenset().union(*(m.values for m in src))
    missing = [m for m in src if _is_reportable(m, source, source_lang) and not m.values & target_values]
    extra = [m for m in tgt if m.kind == "digits" and not m.values & source_values]
    for degrees in [m for m in extra if _DEGREES.match(target, m.end)]:
        converted = next((m for m in missing if _is_temperature_conversion(m.values, degrees.values)), None)
        if converted is not None:  # `95` → `35 °C`: the translator converted, and marked the unit
            missing.remove(converted)
            extra.remove(degrees)
    return missing, extra


_DEGREES = lazy(r"\s?[°º]")


def _is_temperature_conversion(source_values: frozenset, target_values: frozenset) -> bool:
    """Fahrenheit to Celsius or back, to the nearest degree.

    >>> _is_temperature_conversion(frozenset({95}), frozenset({35})), _is_temperature_conversion(frozenset({20}), frozenset({68}))
    (True, True)
    """
    numbers = [(a, b) for a in source_values for b in target_values
               if isinstance(a, (int, float)) and isinstance(b, (int, float))]
    return any(abs((a - 32) * 5 / 9 - b) <= 1 or abs(a * 9 / 5 + 32 - b) <= 1 for a, b in numbers)


@register
class NumberMismatch(Rule):
    code = "MT601"
    needs_language_data = False
    name = "number-mismatch"
    category = "number-mismatch"
    fix_availability = FixAvailability.NEVER
    what = ("Compares the numbers of each aligned unit (record, paragraph or sentence) with its "
            "source after normalization: digits in any locale format (`1.500`, `1,500`, `1 500`), "
            "number words of both languages with their common inflections (`seis`, `six`, "
            "`шести`), ordinals, percentages, years, decades, times (`14:30` = `2:30 p.m.`) and "
            "month names (`03/05` = `5 March`). A source number in digits with no counterpart is "
            "reported; when exactly one number of the translation has no counterpart either, the "
            "finding points at it (`4817` became `4871`). Not reported: `0` and `1` (`a`, `one`), "
            "labels such as `5G`, ordinals up to 31 (`3rd`), a number before a unit a translator "
            "may convert (`6 miles`), a temperature converted between Fahrenheit and Celsius, "
            "`100 %` (`100% sure` → `completely sure`), placeholders (`{0}`, `#PRS_ORG#`) and "
            "URLs. A number may stand one unit over: in a text the neighbouring units count too, "
            "and between records a number in digits that the previous or next record's "
            "translation has, and its own source lacks, has moved there. Units the aligner pairs "
            "with a confidence under 0.5 are not compared.")
    why = "A changed number changes the facts; readers cannot see it without the source."
    fix_safety = ("No fix: the right number may be the source's, or the translator converted a unit "
                  "on purpose.")
    compares_source = True  # a whole unit is flagged; a URL or accepted word in it must not silence it
    examples = (
        Example("en", "The festival sold ⟦4871⟧ tickets.", source="El festival vendió 4817 entradas.", source_lang="es"),
        Example("es", "Las autoridades evacuaron a ⟦1.200⟧ personas.", source="Officials evacuated 2,100 people.", source_lang="en"),
        Example("pt", "As autoridades retiraram ⟦45⟧ famílias.", source="Officials moved 54 families.", source_lang="en"),
        Example("fr", "Les autorités ont évacué ⟦320⟧ personnes.", source="Officials evacuated 230 people.", source_lang="en"),
        Example("de", "Die Behörden brachten ⟦17⟧ Familien in Sicherheit.", source="Officials moved 71 families to safety.", source_lang="en"),
        Example("it", "Le autorità hanno evacuato ⟦68⟧ famiglie.", source="Officials evacuated 86 families.", source_lang="en"),
        Example("nl", "De autoriteiten evacueerden ⟦39⟧ gezinnen.", source="Officials evacuated 93 families.", source_lang="en"),
        Example("ru", "Власти эвакуировали ⟦150⟧ человек.", source="Officials evacuated 510 people.", source_lang="en"),
    )

    def check(self, doc: Document, lang: Language):
        source_lang = source_language(doc)
        units = [u for u in doc.units if u.source_text]
        for i, unit in enumerate(units):
            if unit.confidence < MIN_CONFIDENCE or unit.start == unit.end:
                continue
            target = doc.text[unit.start:unit.end]
            missing, extra = compare_numbers(unit.source_text, source_lang, target, lang.tag)
            if not missing:
                continue
            # A number may sit one unit over when sentences were split or merged differently.
            if not doc.has_records:
                around = " ".join(doc.text[u.start:u.end] for u in units[max(i - 1, 0): i + 2])
                missing = [m for m in missing if not m.values & _values(around, lang.tag)]
            else:  # records are fixed: a number in digits that the next or previous record has, and its source lacks, moved
                moved = frozenset().union(*(_digit_values(doc.text[u.start:u.end], lang.tag)
                                            - _values(u.source_text, source_lang or "")
                                            for u in _neighbours(units, i)))
                missing = [m for m in missing if not m.values & moved]
            if not missing:
                continue
            named = ", ".join(f"`{m.text}`" for m in missing)
            if len(missing) == 1 and len(extra) == 1:
                e = extra[0]
                yield self.finding(unit.start + e.start, unit.start + e.end,
                                   f"`{e.text}` where the source has {named}")
            else:
                yield self.finding(unit.start, unit.end,
                                   f"the source's {named} {'has' if len(missing) == 1 else 'have'} "
                                   "no counterpart in the translation")


# Signs a number carries, by what they say: `¤` is any currency. `º` is not among them: it
# is the ordinal indicator (`1º`), and `°` after a number up to 31 is as often one.
SIGN_CLASS = {"%": "%", "٪": "%", "％": "%", "‰": "‰", "°": "°", "℃": "°", "℉": "°",
              **{c: "¤" for c in "$€£¥₽₴₹₩₺₪₦₱₫₸₼"}}
# Digits with their separators: `1,500.5`, `1.500,5`, `1 500` (a space only before a group of
# three: `in 2021 5%` is two numbers).
_NUMBER = r"\p{Nd}+(?:[.,]\p{Nd}+|[\u00a0\u202f ]\p{Nd}{3}(?!\p{Nd}))*"
_SIGNS = regex.escape("".join(SIGN_CLASS))
SIGNED_NUMBER = lazy(rf"(?<![\p{{L}}\p{{Nd}}.,])(?P<num>{_NUMBER})[ \u00a0\u202f]?(?P<after>[{_SIGNS}])"
                     rf"|(?P<before>[{regex.escape('$€£¥₽₴₹₩₺₪₦₱₫₸₼')}])[ \u00a0]?(?P<num2>{_NUMBER})")
TARGET_NUMBER = lazy(rf"(?<![\p{{Nd}}])(?:{_NUMBER})(?![\p{{Nd}}])")
ISO_CURRENCY = lazy(r"\b[A-Z]{3}\b")
# A list or a range (`3.000-5.000 punda`, `12 000 – 360 pund`) shares the sign after its last number.
_LISTED_NUMBER = lazy(rf"(?:[ \u00a0]*[,;/\-–—][ \u00a0]*|[ \u00a0]+(?P<word>\p{{L}}+)[ \u00a0]+){_NUMBER}")
# The word right before a number: some languages put the sign's word there (Turkish `yüzde 6`).
_WORD_BEFORE = lazy(r"(\p{L}+)[ \u00a0]+$")
# How far from a number its sign or the sign's word may stand: `5 millones de dólares`.
SIGN_WORD_WINDOW = 32


def _digits(number: str) -> str:
    return regex.sub(r"\D", "", number)


def signed_numbers(text: str) -> list[tuple[str, str, str]]:
    """(as written, its digits, sign class) of each number written with a sign: ``180°``,
    ``5 %``, ``$12``, ``12 €``. A degree sign counts after a temperature (`°C`) or a number
    over 31.

    >>> signed_numbers("Turn it 180° at 5 % or $1,200, on the 1° de mayo, 20 °C.")
    [('180°', '180', '°'), ('5 %', '5', '%'), ('$1,200', '1200', '¤'), ('20 °', '20', '°')]
    """
    found = []
    for m in SIGNED_NUMBER.finditer(text):
        number, sign = (m["num"], m["after"]) if m["num"] else (m["num2"], m["before"])
        kind = SIGN_CLASS[sign]
        if kind == "°" and sign == "°" and not text.startswith(("C", "F", "K"), m.end()) \
                and int(_digits(number)[:3] or 0) <= 31:
            continue  # `1° de mayo`: an ordinal written with a degree sign
        found.append((m.group(), _digits(number), kind))
    return found


def _keeps_sign(text: str, start: int, end: int, kind: str, data: NumberWords, lang: Language) -> bool:
    """Does the number at ``text[start:end]`` keep a sign of ``kind``: the sign itself
    beside it (any of its class: `%` for `٪`, `€` for `$`), a currency code, or the sign's word
    in the target language after it (`5 Prozent`, `5 millones de dólares`)?"""
    # A list shares the sign after its last number (`500, 1000 a 2 500 liber`): read past the
    # numbers that follow with only a comma or a connector (`and`, `und`) between.
    while (listed := _LISTED_NUMBER.match(text, end)) and (
            not listed["word"] or listed["word"].lower() in data.connectors):
        end = listed.end()
    before, after = text[max(0, start - 6):start], text[end:end + SIGN_WORD_WINDOW]
    after = after[:next((i for i, c in enumerate(after) if c.isdigit()), len(after))]  # `5 auf 24 Prozent`: 24's
    near = before + " " + after
    if any(SIGN_CLASS.get(c) == kind for c in near):
        return True
    if kind == "¤" and ISO_CURRENCY.search(near):
        return True
    words = _sign_words(_with_head_words(lang.code, data.signs.get(kind, ())))
    word_before = _WORD_BEFORE.search(text, max(0, start - SIGN_WORD_WINDOW), start)
    return bool(words.search(after.lower()) or word_before and words.match(word_before.group(1).lower()))


@lru_cache(maxsize=256)
@lru_cache(maxsize=256)
def _with_head_words(code: str, forms: tuple[str, ...]) -> tuple[str, ...]:
    """A sign's words and the words its compound names end or begin with: CLDR names the pound
    Icelandic `sterlingspund` and Japanese `英国ポンド`, text writes `pund`, `ポンド`.

    >>> "pund" in _with_head_words("is", ("sterlingspund",))
    True
    """
    lang = language_for(code)
    # A part is a word when the lexicon knows it, or when it begins or ends two names (Thai,
    # which has no lexicon: `ดอลลาร์` of `ดอลลาร์สหรัฐ` and `ดอลลาร์แคนาดา`).
    seen = Counter(part for form in set(forms) for i in range(1, len(form)) for part in {form[:i], form[i:]})
    heads = {part for part, n in seen.items() if len(part) >= MIN_HEAD_WORD and (
        lang.zipf(part) >= MIN_HEAD_WORD_ZIPF or n >= 2 and len(part) >= MIN_SHARED_PART)}
    return tuple(sorted(set(forms) | heads))


MIN_HEAD_WORD = 3  # letters of the part of a compound name taken as a word of its own
MIN_HEAD_WORD_ZIPF = 3.0
MIN_SHARED_PART = 4


def _sign_words(forms: tuple[str, ...]) -> regex.Pattern:
    """One pattern for a sign's words (`prozent`, `grad`…), each starting a word (in scripts
    written without spaces, right after any letter: `221億ドル`); never matches without any.
    A word of five letters or more matches in its inflected forms too, by its stem without its
    last two letters (CLDR names Turkish `doları`, Icelandic `dalur`; text has `dolara`,
    `dolardır`, `dala`).

    >>> bool(_sign_words(("doları",)).search("5 dolardır")), bool(_sign_words(("dalur",)).search("milljónir dala"))
    (True, True)
    """
    if not forms:
        return regex.compile(r"(?!)")
    stems = {f[:-2] if len(f) >= MIN_INFLECTED_SIGN_WORD else f for f in forms}
    return regex.compile(r"(?<!(?![\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}])\p{L})(?:"
                         + "|".join(map(regex.escape, sorted(stems, key=len, reverse=True))) + ")")


MIN_INFLECTED_SIGN_WORD = 5


@register
class DroppedSign(Rule):
    code = "MT605"
    needs_language_data = False
    name = "dropped-sign"
    category = "number-mismatch"
    fix_availability = FixAvailability.NEVER
    compares_source = True
    what = ("Finds a number whose sign the translation lost: the source writes `180°`, `5%`, "
            "`$12` or `12 €`, the translation has the same number (same digits, any separators) "
            "with no sign of that kind beside it (`%` or `٪`, any currency sign or code) and no "
            "word for it after it or right before it (`grados`, `Prozent`, `dólares`, Turkish "
            "`yüzde 6`: CLDR's names of the units and currencies, per language, in "
            "`languages/numbers/`, read in their inflected forms, `dolardır`, and by the parts "
            "of compound names, `ポンド` of `英国ポンド`). A list or range shares the sign after "
            "its last number (`3.000-5.000 punda`). A degree sign counts after a "
            "temperature (`°C`) or a number over 31 (`1° de mayo` is an ordinal). Not reported: "
            "a number the source also writes without the sign, and a number the translation "
            "lacks or converted (MT601's).")
    why = "`180` is not `180°`, and `5` is not `5 %`: the number stays, its meaning is gone."
    fix_safety = "No fix: where the sign goes (`5 %`, `5%`, `%5`) is the target locale's convention."
    examples = (
        Example("es", "Gire la rueda ⟦180⟧ para abrir.", source="Turn the wheel 180° to open.", source_lang="en"),
        Example("de", "Die Steuer steigt um ⟦5⟧ auf 24 Prozent.", source="The tax rises by 5% to 24%.", source_lang="en"),
        Example("fr", "Le billet coûte ⟦12⟧.", source="The ticket costs $12.", source_lang="en"),
        Example("en", "It rose by ⟦7⟧ this year.", source="Subió un 7 % este año.", source_lang="es"),
        Example("ru", "Температура упала до ⟦40⟧.", source="The temperature fell to 40°F.", source_lang="en"),
        Example("it", "Il biglietto costa ⟦20⟧.", source="Das Ticket kostet 20 €.", source_lang="de"),
        Example("pt", "A taxa subiu ⟦3⟧ este ano.", source="The rate rose 3% this year.", source_lang="en"),
        Example("nl", "Draai de knop ⟦90⟧ naar links.", source="Turn the knob 90° to the left.", source_lang="en"),
    )

    def check(self, doc: Document, lang: Language):
        data = number_words(lang.tag)
        for unit in doc.units:
            if not unit.source_text or unit.start == unit.end or unit.confidence < MIN_CONFIDENCE:
                continue
            source = _visible(unit.source_text)
            signed = signed_numbers(source)
            if not signed:
                continue
            in_source = Counter(_digits(m.group()) for m in TARGET_NUMBER.finditer(source))
            target = _visible(doc.text[unit.start:unit.end])
            numbers = [(m.start(), m.end(), _digits(m.group())) for m in TARGET_NUMBER.finditer(target)]
            done = set()
            for written, digits, kind in signed:
                if (digits, kind) in done or sum(d == digits for _, d, _ in signed) < in_source[digits]:
                    continue  # reported once; or the source writes this number without the sign too
                done.add((digits, kind))
                same = [(s, e) for s, e, d in numbers if d == digits]
                if same and not any(_keeps_sign(target, s, e, kind, data, lang) for s, e in same):
                    s, e = same[0]
                    yield self.finding(unit.start + s, unit.start + e,
                                       f"`{target[s:e]}` has lost the sign of the source's `{written}`")


# A date written month first: a month name, a day (maybe with an English ordinal suffix), a
# comma and a year (`März 4, 2024`, `March 4th, 2024`).
_MONTH_FIRST = lazy(r"(?<![\p{L}\p{N}])(?P<month>\p{L}+)\.?[ \u00a0](?P<day>\d{1,2})(?:st|nd|rd|th)?,[ \u00a0](?P<year>\d{4})(?!\p{N})")


def formatted_date(pattern: str, day: str, month: str, year: str) -> str:
    """A date in CLDR's ``pattern`` (its day, month name and year tokens, quoted literals).

    >>> formatted_date("d. MMMM y", "4", "März", "2024"), formatted_date("d 'de' MMMM 'de' y", "4", "marzo", "2024")
    ('4. März 2024', '4 de marzo de 2024')
    """
    out = []
    for literal, token in regex.findall(r"'([^']*)'|(d+|M+|y+|.)", pattern):
        out.append(literal if literal or not token else {"d": day, "M": month, "y": year}.get(token[0], token))
    return "".join(out)


@register
class DateFormat(Rule):
    code = "MT606"
    name = "date-format"
    category = "number-format"
    what = ("Finds a date written month first (`März 4, 2024`, the English order) in a language "
            "whose dates put the day first, as CLDR's long date pattern of the language says "
            "(`d. MMMM y` in German, `d 'de' MMMM 'de' y` in Spanish). The month must be one of "
            "the language's month names (`languages/numbers/`).")
    why = "The source's date order carried into the translation: readers stumble, or misread a numeric date."
    fix_safety = "Safe: the date is rewritten in the language's long pattern, the month as written."
    examples = (
        Example("de", "Das Treffen ist am ⟦März 4, 2024⟧ in Berlin.", "Das Treffen ist am 4. März 2024 in Berlin."),
        Example("es", "La reunión es el ⟦marzo 4, 2024⟧ en Madrid.", "La reunión es el 4 de marzo de 2024 en Madrid."),
        Example("fr", "La réunion a lieu le ⟦mars 4, 2024⟧ à Paris.", "La réunion a lieu le 4 mars 2024 à Paris."),
        Example("it", "La riunione è il ⟦marzo 4, 2024⟧ a Roma.", "La riunione è il 4 marzo 2024 a Roma."),
        Example("pt", "A reunião é em ⟦março 4, 2024⟧ em Lisboa.", "A reunião é em 4 de março de 2024 em Lisboa."),
        Example("nl", "De vergadering is op ⟦maart 4, 2024⟧ in Amsterdam.", "De vergadering is op 4 maart 2024 in Amsterdam."),
        Example("ru", "Встреча пройдёт ⟦марта 4, 2024⟧ в Москве.", "Встреча пройдёт 4 марта 2024\u202fг. в Москве."),
    )
    clean = (("en", "The meeting is on March 4, 2024 in Berlin."), ("de", "Am 4. März 2024, um 9 Uhr."))

    def runs_on(self, language: Language) -> bool:
        return number_words(language.tag).date_pattern.startswith("d")

    def check(self, doc: Document, lang: Language):
        data = number_words(lang.tag)
        for m in _MONTH_FIRST.finditer(doc.masked):
            if data.words.get(lang.lower(m["month"]), ("",))[0] != "month" or not 1 <= int(m["day"]) <= 31:
                continue
            fixed = formatted_date(data.date_pattern, m["day"], m["month"], m["year"])
            yield self.finding(m.start(), m.end(), f"{lang.name} writes this date `{fixed}`",
                               Fix.replace(m.start(), m.end(), fixed))


def _digit_values(text: str, lang: str) -> frozenset:
    return frozenset().union(*(m.values for m in mentions(_visible(text), lang) if m.kind == "digits"))


def _neighbours(units: list, i: int) -> list:
    return units[max(i - 1, 0):i] + units[i + 1:i + 2]


def _values(text: str, lang: str, found: list[Mention] | None = None) -> frozenset:
    """Every value ``text`` may hold: its mentions' readings and any run of digits (``E95``)."""
    found = mentions(_visible(text), lang) if found is None else found
    return frozenset().union(*(m.values for m in found)) | loose_values(_visible(text))


# -- number-format ---------------------------------------------------------------------------------

_SPACES = " \u00a0\u202f"
# Digits with separators, as in numbers.DIGITS but without times.
_FORMATTED = lazy(
    r"(?<![\p{L}\p{N}_\-/#@$%{\ue000.,]|\p{L}-)"
    r"\d{1,3}(?:(?P<sep>[.,'’\u00a0\u202f ])\d{3})+(?:[.,]\d+)?(?![\d\p{L}])(?![.,]\d)"
    r"|(?<![\p{L}\p{N}_\-/#@$%{\ue000.,]|\p{L}-)\d+[.,]\d+(?![\d\p{L}])(?![.,]\d)"
)
# What makes a number a quantity rather than a time, version or section: a percent sign or word,
# a currency or a unit right after it, a currency sign before it.
_QUANTITY_AFTER = lazy(r"[ \u00a0\u202f]?(?:%|‰|€|\$|£|¥|₽|(?:km|kg|mm|cm|m²|km²|ha|°C|°F|l|t|g|m)(?!\p{L}))")
_CURRENCY_BEFORE = lazy(r"(?:€|\$|£|¥|₽|US\$)[ \u00a0\u202f]?$")


def _grouping_ok(separator: str, data: NumberWords) -> bool:
    """Is ``separator`` a way to group thousands in this locale? Spaces stand for each other."""
    if separator == data.group or separator in data.group_variants:
        return True
    return separator in _SPACES and (data.group in _SPACES or data.group in "'’")


def reading(token: str, data: NumberWords) -> float | None:
    """The value of ``token`` in a locale, or None where the locale cannot write it so.

    >>> reading("1.500", number_words("es")), reading("1.500", number_words("en")), reading("8,5", number_words("en"))
    (1500, 1.5, None)
    """
    separators = [c for c in token if not c.isdigit()]
    if not separators:
        return int(token)
    decimal_at = None
    if separators[-1] == data.decimal and (len(set(separators)) > 1 or len(token) - token.rindex(data.decimal) - 1 != 3
                                           or not _grouping_ok(data.decimal, data)):
        decimal_at = token.rindex(data.decimal)
    whole = token[:decimal_at] if decimal_at is not None else token
    groups = regex.split(r"[^\d]", whole)
    group_separators = set(c for c in whole if not c.isdigit())
    if group_separators and (len(group_separators) > 1 or not _grouping_ok(group_separators.pop(), data)
                             or any(len(g) != 3 for g in groups[1:])):
        return None
    value = float("".join(groups) + ("." + token[decimal_at + 1:] if decimal_at is not None else ""))
    return int(value) if value.is_integer() else value


def formatted(value: float, like: str, data: NumberWords) -> str:
    """``value`` written in a locale, with as many decimals as ``like`` has after its decimal mark.

    >>> formatted(1500, "1.500", number_words("en")), formatted(8.5, "8,5", number_words("en"))
    ('1,500', '8.5')
    >>> formatted(1500000, "1,500,000", number_words("de")), formatted(2.25, "2.25", number_words("fr"))
    ('1.500.000', '2,25')
    """
    decimals = 0
    if isinstance(value, float) and not value.is_integer():
        decimals = len(like) - max(like.rfind("."), like.rfind(",")) - 1
    text = f"{value:,.{decimals}f}"
    group = data.group if data.group not in _SPACES else "\u202f" if data.group == "\u202f" else "\u00a0"
    return text.replace(",", "\0").replace(".", data.decimal).replace("\0", group)


@register
class NumberFormat(Rule):
    code = "MT602"
    name = "number-format"
    category = "number-format"
    fix_applicability = Applicability.UNSAFE
    fix_availability = FixAvailability.ALWAYS
    what = ("Finds numbers written with the decimal or thousands separators of another locale "
            "(CLDR's, per language): en `1.500 visitors`, `8,5 percent`; de `1,500,000 Euro`. With "
            "a source, a number copied with the source's separators where the two locales read "
            "it differently is certain. Without one, only forms the target language cannot mean "
            "are reported: two or more groups with its decimal mark (`1.500.000` in English), or a "
            "decimal mark of the other convention before a percent sign, a currency or a unit "
            "(`8,5 %`), never times, versions or section numbers (`14.30`, `2.1`). Conventions "
            "in wide use beside CLDR's are accepted: Spanish as Mexico and the United States "
            "write it (`9.4`, `1,200`); a text that writes `9.4` keeps its `1,200`, even one "
            "copied from the source.")
    why = "Readers take `1.500` for one and a half in English and for fifteen hundred in Spanish."
    fix_safety = ("Safe with a source (the source says which number it is); unsafe without one, where "
                  "the reading of the other convention is a guess.")
    examples = (
        Example("en", "Some ⟦1.500⟧ visitors came in May.", "Some 1,500 visitors came in May.",
                source="Unos 1.500 visitantes vinieron en mayo.", source_lang="es", applicability=Applicability.SAFE),
        Example("en", "Prices rose ⟦8,5⟧ % in a year.", "Prices rose 8.5 % in a year."),
        Example("es", "Llegaron ⟦1,500⟧ personas.", "Llegaron 1.500 personas.",
                source="1,500 people arrived.", source_lang="en", applicability=Applicability.SAFE),
        Example("pt", "A inflação chegou a ⟦4.5⟧% em março.", "A inflação chegou a 4,5% em março.",
                source="Inflation reached 4.5% in March.", source_lang="en"),
        Example("fr", "Le chômage a atteint ⟦7.2⟧ % en mars.", "Le chômage a atteint 7,2 % en mars.",
                source="Unemployment reached 7.2% in March.", source_lang="en"),
        Example("de", "Die Inflation lag bei ⟦2.5⟧ %.", "Die Inflation lag bei 2,5 %."),
        Example("it", "L'inflazione è salita al ⟦3.4⟧%.", "L'inflazione è salita al 3,4%.",
                source="Inflation rose to 3.4%.", source_lang="en"),
        Example("nl", "De inflatie steeg tot ⟦3.4⟧%.", "De inflatie steeg tot 3,4%.",
                source="Inflation rose to 3.4%.", source_lang="en"),
        Example("ru", "Инфляция выросла до ⟦7.5⟧%.", "Инфляция выросла до 7,5%.",
                source="Inflation rose to 7.5%.", source_lang="en"),
    )
    clean = (
        ("en", "The meeting starts at 14.30 and version 2.1 is out; 1,500 people came."),
        ("de", "Der Zug fährt um 14.30 Uhr ab, Abschnitt 3.2 gilt, 1.500 Menschen kamen."),
        ("fr", "Le train part à 14.30, 1 500 personnes sont venues, 2,5 % de plus."),
        ("es", "Llegaron 1.500 personas a las 14.30, un 2,5 % más."),
    )

    def check(self, doc: Document, lang: Language):
        target = number_words(lang.tag)  # the region's separators (pt-PT groups with a space)
        units = [u for u in doc.units if u.source_text and u.confidence >= MIN_CONFIDENCE]
        source_data = number_words(source_language(doc)) if units else None
        with_source = {}
        for unit in units:
            source = _visible(unit.source_text)
            for m in _FORMATTED.finditer(doc.masked, unit.start, unit.end):
                if m.group() in source:
                    with_source[m.start()] = True
        tokens = [m.group() for m in _FORMATTED.finditer(doc.masked)]
        # A text that writes `9.4` writes Mexican Spanish: its `1,200` is one thousand two hundred.
        variant_text = any(reading(t, target) is None and _variant_reading(t, target) is not None for t in tokens)
        for m in _FORMATTED.finditer(doc.masked):
            token = m.group()
            here = reading(token, target)
            if with_source.get(m.start()) and source_data is not None:
                there = reading(token, source_data)
                # Only a number that reads as another number here is certain (`1.500` for one and
                # a half); one this locale cannot read is judged as without a source.
                if there is not None and here is not None and there != here and not (
                        variant_text and _variant_reading(token, target) == there):
                    yield self.finding(m.start(), m.end(), f"`{token}` is written the source's way; "
                                       f"here it is `{formatted(there, token, target)}`",
                                       Fix.replace(m.start(), m.end(), formatted(there, token, target)))
            if here is not None or _variant_reading(token, target) is not None:
                continue
            other = self._other_reading(token, target, doc.masked, m.start(), m.end())
            if other is not None:
                yield self.finding(m.start(), m.end(), f"`{token}` uses another language's separators; "
                                   f"here it is `{formatted(other, token, target)}`",
                                   Fix.replace(m.start(), m.end(), formatted(other, token, target), safe=False))

    @staticmethod
    def _other_reading(token: str, target: NumberWords, text: str, start: int, end: int) -> float | None:
        """The value under the other convention (decimal `.` or `,` swapped), when the context
        leaves no doubt: several groups, or a quantity (percent, currency, unit) after a decimal."""
        other = NumberWords("," if target.decimal == "." else ".", "." if target.decimal == "." else ",", "",
                            {}, frozenset(), ())
        value = reading(token, other)
        if value is None:
            return None
        separators = [c for c in token if not c.isdigit()]
        several_groups = len(separators) >= 2 and len(set(separators)) == 1
        quantity = bool(_QUANTITY_AFTER.match(text, end) or _CURRENCY_BEFORE.search(text[max(0, start - 4):start])
                        or _percent_word_after(text, end, target))
        return value if several_groups or quantity else None


def _variant_reading(token: str, data: NumberWords) -> float | None:
    """The value of ``token`` under a convention in wide use beside the language's own (Spanish
    in Mexico and the United States: `9.4`, `1,200`), or None."""
    for mark in data.decimal_variants:
        variant = NumberWords(mark, "," if mark == "." else ".", "", {}, frozenset(), ())
        value = reading(token, variant)
        if value is not None:
            return value
    return None


def _percent_word_after(text: str, end: int, data: NumberWords) -> bool:
    after = text[end:end + 20].lstrip(_SPACES).lower()
    return any(after.startswith(word) for word in data.percent)


# -- unit spacing ----------------------------------------------------------------------------------

_SPACE_NAMES = {" ": "a space", "\u00a0": "a no-break space", "\u202f": "a narrow no-break space"}
# What may not stand right before the number: a letter or digit (`A320`, `MP3`, `B2B`), a
# separator of a longer number, a currency sign (`$15mm`: millions in finance), a placeholder's
# or handle's mark, `=` (`size=10GB`), a slash, or a hyphen not after a digit (`T-90`, `Su-25`);
# after a digit it is a range (`10-15cm`).
_BEFORE_UNIT = r"(?<![\p{L}\p{N}\p{M}_#@/=.,'’\ue000" + regex.escape("$€£¥₽₴₹₩₺₪₦₱₫₸₼¤") + r"]|(?<!\p{N})-)"


@lru_cache(maxsize=None)
def _glued_unit(symbols: tuple[str, ...]) -> regex.Pattern:
    """A number with one of ``symbols`` right after it and no letter or digit after the symbol,
    nor a hyphen and a word: a compound (German `2mm-Pellets` is `2-mm-Pellets`, English
    `a 5km-long road` `a 5-km-long road`), which a space would not mend."""
    alternatives = "|".join(regex.escape(s) for s in sorted(symbols, key=len, reverse=True))
    return regex.compile(_BEFORE_UNIT + r"(?P<num>" + _NUMBER + r")(?P<unit>" + alternatives
                         + r")(?![\p{L}\p{N}\p{M}_]|-\p{L})")


@register
class UnitSpacing(Rule):
    code = "MT609"
    name = "unit-spacing"
    category = "number-format"
    needs_word_spaces = True  # Japanese and Chinese text writes `5km` as often as CLDR's `5 km`
    what = ("Finds a number glued to a unit symbol (`5km`, `20kg`, `100MB`, `2,5GHz`) in a "
            "language that writes a space between them, as CLDR's short unit pattern of the "
            "language says (`languages/numbers/`, `unit_pattern`: English `{0} km`, German "
            "`{0} km` but `{0} GB` with a no-break space, French `{0} km` with a narrow one, Korean "
            "`{0}km` with none). The units are the metric and digital ones of "
            "`scripts/build_number_data.py` (UNIT_SPACING) with a symbol of two characters or "
            "more. Not reported: temperatures (`25°C`), times and durations (`15h30`, `25min`), "
            "imperial units (`6ft`, `70mph`), one-letter symbols (`5m` is also five million, "
            "`4G` a network), a symbol inside a longer token (`5kms`, `A320`, `MP3`, `B2B`) or a "
            "compound (`2mm-Pellets`, which German writes `2-mm-Pellets`: a space would not mend it), "
            "after a currency sign (`$15mm`, millions), `=` or a hyphen not after a digit (`T-90`), a "
            "number already spaced (a plain space where CLDR has a no-break one is left alone). "
            "Languages written without spaces between words do not run it (Japanese `5km`).")
    why = ("The source's or the MT system's typography: style guides of every language with such "
           "a pattern (SI, Duden, Imprimerie nationale) set a space between number and unit.")
    fix_safety = ("Safe: the language's space (CLDR's: a plain, no-break or narrow no-break space) is "
                  "put between the number and the symbol; nothing else changes.")
    examples = (
        Example("en", "The new line carries ⟦100Mb⟧ per second over ⟦5km⟧.",
                "The new line carries 100 Mb per second over 5 km."),
        Example("en", "Each bag weighs ⟦20kg⟧ and the chip runs at ⟦3.2GHz⟧.",
                "Each bag weighs 20 kg and the chip runs at 3.2 GHz."),
        Example("de", "Das Handy hat ⟦128GB⟧ Speicher und einen Akku mit 4500mAh.",
                f"Das Handy hat 128{NBSP}GB Speicher und einen Akku mit 4500mAh."),
        Example("de", "Der Ort liegt ⟦12km⟧ von der Küste entfernt.", "Der Ort liegt 12 km von der Küste entfernt."),
        Example("fr", "Le village est à ⟦12km⟧ de la côte.", f"Le village est à 12{NARROW_NBSP}km de la côte."),
        Example("es", "El pueblo está a ⟦12km⟧ de la costa.", "El pueblo está a 12 km de la costa."),
        Example("it", "Il paese è a ⟦2,5km⟧ dal mare.", "Il paese è a 2,5 km dal mare."),
        Example("pt", "A aldeia fica a ⟦12km⟧ da costa.", "A aldeia fica a 12 km da costa."),
        Example("nl", "Het dorp ligt op ⟦12km⟧ van de kust.", "Het dorp ligt op 12 km van de kust."),
        Example("ru", "Деревня находится в ⟦12км⟧ от берега.", "Деревня находится в 12 км от берега."),
    )
    clean = (
        ("en", "A 5 km run, 4G and 5G phones, MP3 files, a B2B shop, 3D films, F1 cars, COVID-19, "
               "the A320, at 5pm, the 21st century, 25°C, 6ft tall, $15mm, 5kms, 10 cm."),
        ("de", f"Ein Lauf über 5 km, 128{NBSP}GB, um 15h, 25°C, 25%, der T-90M, 3D-Drucker."),
        ("fr", "Un trajet de 5 km, à 15h30, 25°C, 2 000 m, 5m de haut."),
        ("ja", "全長5kmのトンネル。"),
    )

    def runs_on(self, language: Language) -> bool:
        return any(_unit_space(p) for p in number_words(language.tag).unit_patterns.values())

    def check(self, doc: Document, lang: Language):
        patterns = number_words(lang.tag).unit_patterns
        spaced = {symbol: _unit_space(p) for symbol, p in patterns.items() if _unit_space(p)}
        if not spaced:
            return
        for m in _glued_unit(tuple(sorted(spaced))).finditer(doc.masked):
            symbol, space = m["unit"], spaced[m["unit"]]
            yield self.finding(m.start(), m.end(),
                               f"{lang.name} writes `{m['num']}{space}{symbol}` with {_SPACE_NAMES.get(space, 'a space')}",
                               Fix.replace(m.end("num"), m.end("num"), space))


def _unit_space(pattern: str) -> str:
    """The space a unit pattern puts after the number (``{0} km`` → `` ``), or "" for none.

    >>> _unit_space("{0}\\u202fkm"), _unit_space("{0}km")
    ('\\u202f', '')
    """
    after = pattern[len("{0}"):len("{0}") + 1]
    return after if after in _SPACES else ""
