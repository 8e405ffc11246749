"""House-style rules: conventions of one house, off unless its profile is on (mtcheck.profiles).

Each rule here says which profiles it belongs to. A default run never reports them: on MT output
the raters of one evaluation marked straight quotes in German, the raters of another did not
(docs/profiles.md), so they are right only for a user who has that house style.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import regex

from mtcheck.document import Document
from mtcheck.finding import Applicability, Fix
from mtcheck.languages import Language, get_language
from mtcheck.rules import Example, Rule, register
from mtcheck.text.chars import NARROW_NBSP, NBSP
from mtcheck.text.numbers import number_words
from mtcheck.rules.numbers import formatted_date

# A straight double quotation mark that opens (after a space, a line start or an opening
# bracket, before a letter or digit) or closes (after a letter, digit or mark, before a space,
# a mark or the end).
_OPENING = regex.compile(r'(?<=^|[\s(\[—–-])"(?=[\p{L}\p{N}„“«‘\'])', regex.MULTILINE)
_CLOSING = regex.compile(r'(?<=[\p{L}\p{N}.,!?…;:)\]\'’])"(?=[\s.,;:!?…)\]—–-]|$)', regex.MULTILINE)


@register
class StraightQuotes(Rule):
    code = "MT801"
    name = "straight-quotes"
    category = "foreign-punctuation"
    profiles = ("de-typography", "fr-typography")
    what = ("Finds a quotation in straight double quotes (`\"Ja\"`) where the house writes the "
            "language's own marks: German `„Ja“`, French `« oui »` (with narrow no-break spaces "
            "inside, as MT212 wants them). Only pairs: in each paragraph, a straight mark that "
            "opens (after a space, before a word) followed by one that closes; a paragraph where "
            "they do not pair up is left to MT205. Profiles: de-typography, fr-typography.")
    why = "A typewriter's marks in a text whose house style sets the language's quotation marks."
    fix_safety = "Safe: the pair is replaced by the language's primary quotation marks."
    examples = (
        Example("de", 'Er sagte ⟦"⟧Nein⟦"⟧ und ging.', "Er sagte „Nein“ und ging."),
        Example("fr", 'Il a dit ⟦"⟧non⟦"⟧ et il est parti.', f"Il a dit «{NARROW_NBSP}non{NARROW_NBSP}» et il est parti."),
    )
    clean = (("de", "Er sagte „Nein“ und ging, 5\" lang."), ("fr", "Il a dit « non » et il est parti."))

    def runs_on(self, language: Language) -> bool:
        return language.primary_quotes.open not in ('"', "")

    def check(self, doc: Document, lang: Language) -> Iterable:
        text = doc.masked
        opening, closing = lang.primary_quotes.open, lang.primary_quotes.close
        inner = NARROW_NBSP if lang.space_inside and opening in lang.space_inside else ""
        for start, end in doc.paragraphs:
            marks = sorted([(m.start(), "open") for m in _OPENING.finditer(text, start, end)]
                           + [(m.start(), "close") for m in _CLOSING.finditer(text, start, end)])
            if text.count('"', start, end) != len(marks) or len(marks) % 2:
                continue  # a straight mark of no clear role (inches, a lone quote): MT205's
            roles = [role for _, role in marks]
            if roles != ["open", "close"] * (len(marks) // 2):
                continue
            message = f"straight quotation marks where the house writes `{opening}…{closing}`"
            for n, (i, _) in enumerate(marks):
                yield self.finding(i, i + 1, message,
                                   Fix.replace(i, i + 1, opening + inner if n % 2 == 0 else inner + closing))


# A hyphen with a space on each side between two words: a dash typed as a hyphen. Not between
# digits (`10 - 20` may be a range or a subtraction) nor at a line start (a list item).
_SPACED_HYPHEN = regex.compile(r"(?<=[\p{L}\p{M},.;:!?)\]“”»\"'’])[ \u00a0]-[ \u00a0](?=[\p{L}(\[„“«\"'‘])")


@register
class HyphenAsDash(Rule):
    code = "MT802"
    name = "hyphen-as-dash"
    category = "foreign-punctuation"
    profiles = ("de-typography", "fr-typography")
    what = ("Finds a hyphen with a space on each side between two words (`gewonnen - und zwar`), "
            "where the house sets a spaced en dash (`gewonnen – und zwar`), as German and French "
            "typography do. Not reported: a hyphen between digits (a range or a minus) and list "
            "items. Profiles: de-typography, fr-typography.")
    why = "A hyphen joins words; the pause in a sentence is a dash."
    fix_safety = "Safe: the hyphen becomes an en dash, its spaces kept."
    examples = (
        Example("de", "Sie haben gewonnen⟦ - ⟧und zwar deutlich.", "Sie haben gewonnen – und zwar deutlich."),
        Example("fr", "Ils ont gagné⟦ - ⟧et largement.", "Ils ont gagné – et largement."),
    )
    clean = (("de", "Ein Ost-West-Gefälle, 10 - 20 Tage.\n- ein Punkt der Liste"),)

    def check(self, doc: Document, lang: Language) -> Iterable:
        for m in _SPACED_HYPHEN.finditer(doc.masked):
            hyphen = m.start() + 1
            yield self.finding(m.start(), m.end(), "a hyphen between spaces where the house sets a dash `–`",
                               Fix.replace(hyphen, hyphen + 1, "–"))


_PERCENT = regex.compile(r"(?<![\p{L}\p{N}.,])(\p{Nd}+(?:[.,]\p{Nd}+)*)( ?)%")


@register
class PercentSpacing(Rule):
    code = "MT803"
    name = "percent-spacing"
    category = "number-format"
    needs_language_data = False
    profiles = ("de-typography", "fr-typography")
    what = ("Finds a percentage written without the space the language's CLDR pattern puts "
            "before `%` (German and French `25 %`, a no-break space), or with a plain space where "
            "a line break could part the two. The pattern is CLDR's, per language "
            "(`languages/numbers/`). Profiles: de-typography, fr-typography.")
    why = "`25%` is the English convention; DIN 5008 and French typography set `25 %`."
    fix_safety = "Safe: the no-break space of the pattern is put between the number and `%`."
    examples = (
        Example("de", "Die Preise stiegen um ⟦25%⟧.", f"Die Preise stiegen um 25{NBSP}%."),
        Example("fr", "Les prix ont augmenté de ⟦25 %⟧.", f"Les prix ont augmenté de 25{NBSP}%."),
    )
    clean = (("de", f"Die Preise stiegen um 25{NBSP}%."),)

    def check(self, doc: Document, lang: Language) -> Iterable:
        pattern = number_words(lang.tag).percent_pattern
        if not pattern.endswith("%") or pattern[-2:-1] not in (NBSP, NARROW_NBSP, " "):
            return  # the language writes `25%` (or `%25`): nothing to add
        space = pattern[-2]
        for m in _PERCENT.finditer(doc.masked):
            number_end = m.end(1)
            yield self.finding(m.start(), m.end(), f"{lang.name} writes `{m.group(1)}{space}%` with a no-break space",
                               Fix.replace(number_end, m.end() - 1, space))


# A headline: a Markdown heading, or a text's first paragraph when it is one line of up to
# MAX_HEADLINE_WORDS words with more text after it.
MAX_HEADLINE_WORDS = 16
_HEADLINE_PERIOD = regex.compile(r"(?<=[\p{L}\p{N}]{2})\.[ \t]*$")
_MARKDOWN_HEADING = regex.compile(r"^#{1,6}[ \t]+")


def headlines(doc: Document) -> list[tuple[int, int]]:
    """The (start, end) of each headline of ``doc``.

    >>> headlines(Document("Troops leave\\n\\nThey left. Then more.", "en"))
    [(0, 12)]
    """
    text, paragraphs = doc.masked, doc.paragraphs
    found = []
    for n, (start, end) in enumerate(paragraphs):
        line = text[start:end]
        if "\n" in line.strip():
            continue
        if doc.markdown and _MARKDOWN_HEADING.match(line):
            found.append((start, end))
        elif n == 0 and len(paragraphs) > 1 and not doc.has_records and len(line.split()) <= MAX_HEADLINE_WORDS:
            found.append((start, end))
    return found


@register
class HeadlinePeriod(Rule):
    code = "MT804"
    name = "headline-period"
    category = "foreign-punctuation"
    profiles = ("us-news",)
    what = ("Finds a headline that ends with a period: a Markdown heading, or a text's first "
            "paragraph when it is one line of at most 16 words with no other sentence mark, "
            "followed by more text. US news style sets no period after a headline. Not "
            "reported: an ellipsis and an abbreviation's period (`U.S.`). Profile: us-news.")
    why = "A headline is not a sentence of the story; the period marks MT that took it for one."
    fix_safety = "Safe: the period is removed."
    examples = (
        Example("en", "Troops leave the city after a week⟦.⟧\n\nThe troops left on Monday.",
                "Troops leave the city after a week\n\nThe troops left on Monday."),
        Example("en", "# Troops leave the city⟦.⟧\n\nThe troops left on Monday.",
                "# Troops leave the city\n\nThe troops left on Monday."),
    )
    clean = (("en", "Troops leave the U.S.\n\nThe troops left on Monday. They came back."),
             ("en", "The troops left. They came back.\n\nNobody was hurt."))

    def check(self, doc: Document, lang: Language) -> Iterable:
        text = doc.masked
        for start, end in headlines(doc):
            body = text[start:end].rstrip()
            if regex.search(r"[.!?…](?=\s)", body) or body.endswith(("..", "…")):
                continue  # two sentences, or an ellipsis: not a headline's stray period
            m = _HEADLINE_PERIOD.search(body)
            if m is None or regex.search(r"(?:\b\p{L}\.){2}$", body):
                continue  # no period, or an abbreviation's (`U.S.`)
            at = start + m.start()
            yield self.finding(at, at + 1, "a headline ends with a period", Fix.replace(at, at + 1, ""))


@register
class UndottedAbbreviation(Rule):
    code = "MT805"
    name = "undotted-abbreviation"
    category = "spelling"
    profiles = ("us-news",)
    what = ("Finds `US`, `UN` and `UK` written without periods in running text, where US news "
            "style (AP) writes `U.S.`, `U.N.`, `U.K.`; the abbreviations are the language's data "
            "(`[house_style] dotted` in `language.toml`). Not reported: in a headline (AP "
            "writes `US` there), inside a longer capitalized token (`USB`, `US-based` is "
            "reported as `U.S.-based`). Profile: us-news.")
    why = "The house writes the abbreviation one way; MT copies whichever form its data had."
    fix_safety = "Safe: the periods are added."
    examples = (
        Example("en", "The troops left the city.\n\nThe ⟦US⟧ envoy arrived on Monday.",
                "The troops left the city.\n\nThe U.S. envoy arrived on Monday."),
    )
    clean = (("en", "Troops and US envoy arrive\n\nThe U.S. envoy and a USB stick."),)

    def runs_on(self, language: Language) -> bool:
        return bool(_dotted(language))

    def check(self, doc: Document, lang: Language) -> Iterable:
        dotted = _dotted(lang)
        skipped = headlines(doc)
        for m in _undotted_pattern(lang.code).finditer(doc.masked):
            if any(start <= m.start() < end for start, end in skipped):
                continue  # AP writes `US` in a headline
            yield self.finding(m.start(), m.end(), f"US news style writes `{dotted[m.group()]}`",
                               Fix.replace(m.start(), m.end(), dotted[m.group()]))


def _dotted(language: Language) -> dict[str, str]:
    """``US`` → ``U.S.``: the abbreviations the language's house style writes with periods."""
    return {word.replace(".", ""): word for word in language.house_style.get("dotted", [])}


@lru_cache(maxsize=None)
def _undotted_pattern(code: str) -> regex.Pattern:
    """The undotted forms of ``_dotted`` as whole tokens (`US`, not `USB` or `U.S.`), once per language."""
    undotted = sorted(_dotted(get_language(code)))
    return regex.compile(r"(?<![\p{L}\p{N}.])(" + "|".join(map(regex.escape, undotted)) + r")(?![\p{L}\p{N}.])")


# An ISO 8601 calendar date (`2024-03-04`), not part of a longer token: not after a letter,
# digit or a path's, identifier's or version's mark (`report-2024-03-04.pdf`, `v2024-03-04`,
# `/2024-03-04/`), nor before one (`2024-03-04T10:00`, `2024-03-04-001`, `2024-03-04.log`,
# `2024-03-04/05`), nor before a time (`2024-03-04 10:00`: a timestamp).
_ISO_DATE = regex.compile(
    r"(?<![\p{L}\p{N}\p{M}_\-/\\.:#@=+~\[<])(?P<year>[12]\d{3})-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])"
    r"(?![\p{L}\p{N}\p{M}_\-/\\:+\]>]|[.,]\p{N}|\.\p{L}|[ \u00a0]\d{1,2}:\d\d)")
# A line of a table or a record of fields, not running text: cells (`|`, a tab), or a label
# before the date (`Date: 2024-03-04`, `- Published: 2024-03-04`).
_TABLE_LINE = regex.compile(r"[|\t]")
_FIELD_LABEL = regex.compile(r"^[\s\-*•>]*[\p{L}][\p{L}\p{N} ()/_.-]{0,30}:[ \t]*$")
# Running text has words: a line with fewer than this many words of two letters or more is a
# list item, a caption or a line of data.
MIN_RUNNING_WORDS = 5
_WORD = regex.compile(r"\p{L}{2,}")
# The sentence goes on after the date, with no mark of its own: a space and a word.
_SENTENCE_GOES_ON = regex.compile(r"[ \u00a0][\p{L}\p{N}]")


@register
class IsoDate(Rule):
    code = "MT806"
    name = "iso-date"
    category = "number-format"
    profiles = ("us-news",)
    fix_applicability = Applicability.UNSAFE
    what = ("Finds an ISO date (`2024-03-04`) in English running text, where US news style (AP) "
            "writes the month's name, the day and the year (`March 4, 2024`, `Jan. 15, 2024`: "
            "the month as AP writes it before a day, `[house_style] date_months` in "
            "`languages/en/language.toml`, in CLDR's English long date pattern `MMMM d, y`, and "
            "a comma after the year where the sentence goes on). "
            "Not reported: dates that are not real (`2023-02-30`), and dates outside running "
            "text: in URLs, e-mail addresses and code (protected spans), inside a longer token "
            "(`report-2024-03-04.pdf`, `2024-03-04T10:00`, `2024-03-04-001`, `v2024-03-04`), "
            "before a time (`2024-03-04 10:00`), in brackets of a log (`[2024-03-04]`), on a "
            "line of a table (`|`, a tab) or after a field's label (`Date: 2024-03-04`), and on "
            f"a line of fewer than {MIN_RUNNING_WORDS} words. Profile: us-news.")
    why = "A machine's date format in a story: AP writes dates for readers, `March 4, 2024`."
    fix_safety = ("Unsafe: the reading is certain (ISO puts the year first), but AP leaves out the "
                  "year of a date in the current year, and a house may keep the ISO form where a "
                  "date is a value (a release, a record's date).")
    examples = (
        Example("en", "The troops left the city.\n\nThe talks resumed on ⟦2024-03-04⟧ in Geneva.",
                "The troops left the city.\n\nThe talks resumed on March 4, 2024, in Geneva."),
        Example("en", "The report, published ⟦2024-01-15⟧, lists every delay.",
                "The report, published Jan. 15, 2024, lists every delay."),
    )
    clean = (("en", "See https://example.com/2024-03-04/story and report-2024-03-04.pdf for the full list."),
             ("en", "Date: 2024-03-04\n| 2024-03-04 | talks | Geneva |\nThe log starts at 2024-03-04T10:00 today."),
             ("en", "The talks resumed on March 4, 2024 in Geneva, not on 2023-02-30 as planned."))

    def runs_on(self, language: Language) -> bool:
        return len(language.house_style.get("date_months", [])) == 12

    def check(self, doc: Document, lang: Language) -> Iterable:
        text = doc.masked
        months = lang.house_style["date_months"]
        pattern = number_words(lang.tag).date_pattern
        for m in _ISO_DATE.finditer(text):
            if not _real_date(int(m["year"]), int(m["month"]), int(m["day"])):
                continue
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            line = text[line_start:line_end if line_end != -1 else len(text)]
            if _TABLE_LINE.search(line) or _FIELD_LABEL.match(text, line_start, m.start()):
                continue
            if len(_WORD.findall(line)) < MIN_RUNNING_WORDS:
                continue
            written = formatted_date(pattern, str(int(m["day"])), months[int(m["month"]) - 1], m["year"])
            # AP sets the year off with commas: `on March 4, 2024, in Geneva`.
            comma = "," if _SENTENCE_GOES_ON.match(text, m.end()) else ""
            yield self.finding(m.start(), m.end(), f"US news style writes this date `{written}`",
                               Fix.replace(m.start(), m.end(), written + comma, safe=False))


def _real_date(year: int, month: int, day: int) -> bool:
    """Is there such a day (`2024-02-29` yes, `2023-02-30` no)?"""
    import datetime

    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True
