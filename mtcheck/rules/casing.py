"""Casing: names lowercased, weekdays and nationalities capitalized against the language's rules,
sentences that start in lower case.

Words are judged from the language's casing table (``languages/<lang>/casing.txt``, built from
CLDR, dictionaries, Wiktionary, GeoNames, case statistics of human text and a reviewed names
table): a name in lower case wherever it stands, a capital only mid-sentence (see
``mtcheck.text.casing``), where the language's own rules decide. A paragraph without any capital
letter is a style choice and is left alone, and so is a headline written in Title Case.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import regex

from mtcheck.text.casing import WORD, WORD_OR_ELIDED, function_words, in_language, is_mid_sentence
from mtcheck.document import Document
from mtcheck.finding import Applicability, Fix
from mtcheck.languages import Language
from mtcheck.rules import Example, FixAvailability, Rule, register

# Sources certain enough for a safe fix; a name known only from case statistics is unsafe.
CERTAIN_SOURCES = frozenset({"names.toml", "cldr", "dictionary", "wiktionary"})
TITLE_LINE_SHARE = 0.75  # a line whose longer words are mostly capitalized is a headline
MAX_ABBREVIATION = 3  # a word this short before a period mid-sentence is an abbreviation (`cf.`)
MAX_CONNECTORS = 2  # `Plaza de Mayo`, `Plaza de la Constitución`: connectors inside a name
# A capitalized word part before an apostrophe: what follows is the rest of that word, not a word
# of its own after an elided article (Turkish suffixes `Fas'taki`, `HFC'leri`; Ukrainian `Мар'яна`).
_CAPITALIZED_BEFORE_APOSTROPHE = regex.compile(r"(?<![\p{L}\p{M}])[\p{L}\p{M}]*\p{Lu}[\p{L}\p{M}]*['’]$")
# What stands before a sentence's first word: sentence punctuation or a line break, then maybe
# spaces, quote marks, brackets and dashes.
_SENTENCE_OPENS = regex.compile(r"[.!?…:\n][\s\p{Pi}\p{Pf}\p{Ps}\"'«»„“”‘’—–\-]*$")


def _rest_of_a_name(text: str, start: int) -> bool:
    """Does the lower-case word at ``start`` follow a capitalized part and an apostrophe
    mid-sentence (`Fas'taki`, `HFC'leri`, `Мар'яна`)? At a sentence start the capital is the
    sentence's (French `L'italie`), and the word after the elided article is judged."""
    part = _CAPITALIZED_BEFORE_APOSTROPHE.search(text, max(0, start - 8), start)
    if part is None:
        return False
    before = text[max(0, part.start() - 40):part.start()]
    return not _SENTENCE_OPENS.search(before if part.start() > 40 else "\n" + before)


# A day of the month before a word, or a year after it, maybe past a short word: English
# `5 march`, `may 2023`, Spanish `5 de Julio`, `Julio de 2023`.
_DAY_BEFORE = regex.compile(r"(?<![\p{N}.,\-–]|\p{Lu}\p{L}*[ \t]+)(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th|er|º|\.)?[ \t]+(?:\p{Ll}{1,3}[ \t]+)?$")
_YEAR_AFTER = regex.compile(r"[ \t]+(?:\p{Ll}{1,3}[ \t]+)?[12]\d{3}(?!\p{N})")


def _in_date(text: str, start: int, end: int, lang: Language) -> bool:
    """Does a date mark the word as a weekday or month: a day number before it, a year after
    it, or one of the language's date words before it (Spanish `el`, `próximo`; Dutch `op`)?"""
    before = _phrase_before(text, start)
    return bool(_DAY_BEFORE.search(text, max(0, start - 16), start) or _YEAR_AFTER.match(text, end)
                or (before and before[0] in lang.date_markers))


def _said_twice(text: str, start: int, end: int) -> bool:
    """Does the word at ``text[start:end]`` stand right after or before itself (`ding, ding`)?"""
    word = text[start:end]
    after = text[end:end + 3 + len(word) + 1].lstrip(" ,;-–!")
    before = text[max(0, start - 3 - len(word) - 1):start].rstrip(" ,;-–!")
    return ((after.startswith(word) and not after[len(word):len(word) + 1].isalpha())
            or (before.endswith(word) and not before[-len(word) - 1:-len(word)].isalpha()))


def _words(text: str) -> list[str]:
    return [m.group() for m in WORD.finditer(text)]


def _headline(line: str) -> bool:
    """Is this line written in Title Case (``Troops Leave Kharkiv On Monday``)?"""
    longer = [w for w in _words(line)[1:] if len(w) >= 4]
    return len(longer) >= 3 and sum(w[0].isupper() for w in longer) / len(longer) >= TITLE_LINE_SHARE


@lru_cache(maxsize=None)
def _phrases(phrases: tuple[str, ...]) -> regex.Pattern | None:
    if not phrases:
        return None
    alternatives = "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{alternatives})(?![\p{{L}}\p{{N}}])")


_ORDINAL_DAY = regex.compile(r"(?<![\p{N}.,\-–])(?:[1-9]|[12]\d|3[01])\.[ \t]+$")  # `17. ` before a month
_FORMAT_CHAR = regex.compile(r"\p{Cf}")  # zero-width space, joiners, soft hyphen


def _mid_sentence(text: str, m, after_day) -> bool:
    """Does the word ``m`` stand mid-sentence: by :func:`is_mid_sentence`, or after a day written
    as an ordinal (`17. júní`) where ``after_day`` accepts the word?"""
    if is_mid_sentence(text, m.start()):
        return True
    return bool(after_day and _ORDINAL_DAY.search(text, max(0, m.start() - 8), m.start()) and after_day(m.group()))


def _candidates(doc: Document, lang: Language, keep, capitals: bool,
                after_day=None) -> Iterable[tuple[int, int, str]]:
    """Words that ``keep`` accepts (a quick look-up in the casing table), in paragraphs with a
    capital letter, outside Title Case headlines and the language's multiword names (`14
    Juillet`), with document offsets. ``capitals``: words judged for a capital, which count only
    mid-sentence; otherwise words in lower case, after an elision too (French `l'italie`).
    ``after_day``: which of the words judged for a capital also stand mid-sentence after a day
    written as an ordinal (Icelandic, Danish, Czech `17. júní`, whose period ends no sentence)."""
    words = WORD if capitals else WORD_OR_ELIDED
    for start, end in doc.paragraphs:
        text = doc.masked[start:end]
        if not any(ch.isupper() for ch in text):
            continue  # all in lower case: a style, no casing to judge
        skipped = None
        for m in words.finditer(text):
            if not keep(m.group()) or capitals and not _mid_sentence(text, m, after_day):
                continue
            if skipped is None:  # worked out for the few paragraphs that have a candidate
                skipped = _skipped(text, lang)
            if not any(s <= m.start() < e for s, e in skipped):
                yield start + m.start(), start + m.end(), m.group()


def _skipped(text: str, lang: Language) -> list[tuple[int, int]]:
    """Spans of a paragraph whose words are not judged: headlines and multiword names."""
    spans = [m.span() for m in regex.finditer(r"[^\n]+", text) if _headline(m.group())]
    phrases = _phrases(lang.name_phrases)
    if phrases is not None:
        spans += [m.span() for m in phrases.finditer(text)]
    return spans


@register
class ProperNounCase(Rule):
    code = "MT401"
    name = "proper-noun-case"
    category = "proper-noun-case"
    fix_availability = FixAvailability.ALWAYS
    what = ("Finds a word written in lower case that the language always capitalizes: "
            "a place or person name (`kharkiv`), an English weekday, month or nationality "
            "(`on wednesday`, `russian oil`), a German noun (`die soldaten`). A word that is "
            "a common word too (English `march`, `may`) counts only in a date: a day number "
            "before it, a year after it, or one of the language's date words before it "
            "(`5 march`, `may 2023`). Not reported: a word in a quotation in another language, "
            "a word between two capitalized ones (`Carl von Linné`), an abbreviation before its "
            "period (a word of the language's list or of three letters at most: Italian "
            "`sig.`), a word said twice (`ding, ding`), the rest of a name after an apostrophe "
            "(Turkish `Fas'taki`), a headline in Title Case, and a paragraph with no capital "
            "letter at all (a style).")
    why = "Machine translation loses capitals; readers see a careless text, and names get lost."
    fix_safety = ("Safe when a dictionary, CLDR, Wiktionary or the reviewed names table says the word "
                  "is only ever capitalized; unsafe when only GeoNames or case statistics of human "
                  "text do.")
    examples = (
        Example("en", "Troops left ⟦kharkiv⟧ on Monday.", "Troops left Kharkiv on Monday."),
        Example("en", "They met on ⟦wednesday⟧ in Geneva.", "They met on Wednesday in Geneva."),
        Example("en", "Prices of ⟦russian⟧ oil rose.", "Prices of Russian oil rose."),
        Example("en", "The talks ended on 5 ⟦march⟧ in Geneva.", "The talks ended on 5 March in Geneva."),
        Example("es", "Las tropas llegaron a ⟦madrid⟧ el lunes.", "Las tropas llegaron a Madrid el lunes."),
        Example("pt", "As tropas chegaram a ⟦londres⟧ ontem.", "As tropas chegaram a Londres ontem."),
        Example("fr", "Les troupes sont arrivées à ⟦marseille⟧ hier.", "Les troupes sont arrivées à Marseille hier."),
        Example("it", "Le truppe sono arrivate a ⟦parigi⟧ ieri.", "Le truppe sono arrivate a Parigi ieri."),
        Example("de", "Gestern kamen die ⟦soldaten⟧ zurück.", "Gestern kamen die Soldaten zurück."),
        Example("nl", "De troepen gingen naar ⟦amsterdam⟧ terug.", "De troepen gingen naar Amsterdam terug."),
        Example("ru", "Вчера войска вошли в ⟦москву⟧ без боя.", "Вчера войска вошли в Москву без боя."),
    )
    clean = (
        ("en", "The troops march at dawn; it may rain in March, and China sent turkey and a bill."),
        ("en", "i think it's fine lol, we went to paris"),
        ("de", "Am Montag sagte die ukrainische Armee, die Soldaten seien zurück."),
        ("es", "El lunes, los soldados ucranianos llegaron a Madrid."),
        ("de", "Nur wenige widersp\u200brachen."),  # MT304's zero-width space, not a noun `rachen`
    )

    def check(self, doc: Document, lang: Language) -> Iterable:
        casing, text = lang.casing, doc.masked
        def keep(word: str) -> bool:
            entry = casing.get(word) if word.islower() else None
            return entry is not None and entry.is_name

        for start, end, word in _candidates(doc, lang, keep, capitals=False):
            entry = casing[word]
            if _FORMAT_CHAR.match(text[start - 1:start]) or _FORMAT_CHAR.match(text[end:end + 1]):
                continue  # a piece of a word an invisible character cuts (`widersp\u200brachen`): MT304's
            if _rest_of_a_name(text, start):
                continue  # a Turkish suffix after a name (`Fas'taki`), not the name `Taki`
            if text.startswith(".", end) and (word in lang.abbreviations or len(word) <= MAX_ABBREVIATION):
                continue  # Italian `sig.`, not the town of Sig; `cf.`
            if _capitalized_past(_phrase_before(text, start), frozenset()) and \
                    _capitalized_past(_phrase_after(text, end), frozenset()):
                continue  # a particle or short word inside a name or title: `Carl von Linné`
            if not in_language(text, start, end, *function_words(lang.code)):
                continue  # a quotation in another language: `una sera` in German text
            if _said_twice(text, start, end):
                continue  # a word said twice is a sound or a cry (German `ding, ding, ding`)
            if entry.in_date and not _in_date(text, start, end, lang):
                continue  # `troops march`, `it may rain`: a month only in `5 march`, `may 2023`
            safe = bool(entry.sources & CERTAIN_SOURCES)
            yield self.finding(start, end, f"`{word}` is written `{entry.form}` in {lang.name}",
                               Fix.replace(start, end, entry.form, safe=safe))


@register
class OverCapitalization(Rule):
    code = "MT402"
    name = "over-capitalization"
    category = "over-capitalization"
    fix_availability = FixAvailability.ALWAYS
    what = ("Finds a weekday, month or language/nationality word capitalized mid-sentence in a "
            "language that writes them in lower case (es `el Lunes`, fr `en Mai`, ru `в "
            "Понедельник`), the source language's casing carried over. Mid-sentence means after "
            "a lower-case word, a number, a comma or a semicolon on the same line (for a month, "
            "also after a day written as an ordinal: Icelandic `17. Júní`). A word that is a "
            "name too (Spanish `Domingo`, `Julio`, Dutch `Mei`) counts only in a date: a day "
            "number before it, a year after it, or one of the language's date words before it "
            "(`el Domingo`). Not reported: a word inside a multiword name (a capitalized word "
            "after it, maybe past connectors: `Viernes Santo`, `Domingo de Ramos`; a "
            "capitalized word and a connector before it: `Plaza de Mayo`), the names table's "
            "phrases (French `14 Juillet`, `Mai 68`), a word in capitals, a language word used "
            "as a noun for a people (`los Griegos`, `deux Italiens`, or after a comma), a "
            "headline in Title Case, and a paragraph with no capital letter at all. Which "
            "kinds each language judges is data: Portuguese months and Russian language and nationality words are not judged.")
    why = "Each language has its own casing rules; source casing in the translation reads as an error."
    fix_safety = ("Safe for weekdays and months; unsafe for language and nationality words, which "
                  "institution names capitalize (`Iglesia Ortodoxa Rusa`).")
    examples = (
        Example("es", "Llegaron el ⟦Lunes⟧ por la noche.", "Llegaron el lunes por la noche."),
        Example("es", "Murieron tres soldados ⟦Ucranianos⟧ ayer.", "Murieron tres soldados ucranianos ayer.", applicability=Applicability.UNSAFE),
        Example("pt", "Chegaram no ⟦Sábado⟧ passado.", "Chegaram no sábado passado."),
        Example("fr", "Ils sont arrivés en ⟦Mai⟧ dernier.", "Ils sont arrivés en mai dernier."),
        Example("it", "Sono arrivati a ⟦Marzo⟧ scorso.", "Sono arrivati a marzo scorso."),
        Example("nl", "Ze kwamen op ⟦Maandag⟧ aan.", "Ze kwamen op maandag aan."),
        Example("ru", "Они приехали в ⟦Понедельник⟧ вечером.", "Они приехали в понедельник вечером."),
        Example("it", "L'esercito ⟦Ucraino⟧ non ha commentato", "L'esercito ucraino non ha commentato", applicability=Applicability.UNSAFE),
        Example("is", "Áætlunin verður kynnt 17. ⟦Júní⟧.", "Áætlunin verður kynnt 17. júní."),
    )
    clean = (
        ("es", "La Iglesia Ortodoxa Rusa celebró el Viernes Santo en la Plaza de Mayo."),
        ("es", "La Revolución Francesa cambió el mundo."),
        ("fr", "La planète Mars est visible en mai."),
        ("de", "Am Montag sprach sie Russisch."),
        ("ru", "В понедельник украинские войска вошли в город."),
        ("es", "Nuevo Récord En Las Ventas De Lunes Y Martes"),
    )

    def runs_on(self, language: Language) -> bool:
        return bool(language.over_capitalized)

    def check(self, doc: Document, lang: Language) -> Iterable:
        casing, text = lang.casing, doc.masked
        def keep(word: str) -> bool:
            # Not lower case, nor all capitals on purpose (`14 de ENERO` in a heading).
            entry = casing.get(lang.lower(word)) if word[0].isupper() and not word.isupper() else None
            return entry is not None and not entry.is_name and entry.kind in lang.over_capitalized

        def month(word: str) -> bool:
            return casing[lang.lower(word)].kind == "month"

        for start, end, word in _candidates(doc, lang, keep, capitals=True, after_day=month):
            entry = casing[lang.lower(word)]
            if entry.in_date and not _in_date(text, start, end, lang):
                continue  # Spanish `Domingo`, Dutch `Mei`: names too, outside a date
            before, after = _phrase_before(text, start), _phrase_after(text, end)
            if _capitalized_past(after, lang.name_connectors) or \
                    _capitalized_past(before, lang.name_connectors, joined=1):
                continue  # inside a multiword name: `Viernes Santo`, `Domingo de Ramos`, `Plaza de Mayo`
            if entry.kind == "language" and (not before or before[0] in lang.noun_markers):
                continue  # a noun (`los Griegos`, `Italiens, Espagnols`): usage varies
            fixed = entry.form if word[1:].islower() else lang.lower(word)  # `LunES` → `lunes`
            kind = {"weekday": "weekdays", "month": "months"}.get(entry.kind, "language and nationality words")
            yield self.finding(start, end, f"{lang.name} writes {kind} in lower case: `{fixed}`",
                               Fix.replace(start, end, fixed, safe=entry.kind in ("weekday", "month")))


def _phrase_before(text: str, start: int) -> list[str]:
    """The words before ``start`` up to a punctuation mark, nearest first."""
    return regex.search(r"[\p{L}\p{M} \t]*$", text[max(0, start - 60):start]).group().split()[::-1]


def _phrase_after(text: str, end: int) -> list[str]:
    """The words after ``end`` up to a punctuation mark, nearest first."""
    return regex.match(r"[\p{L}\p{M} \t]*", text[end:end + 60]).group().split()


def _capitalized_past(words: list[str], connectors: frozenset[str], joined: int = 0) -> bool:
    """Do ``words`` (nearest first) reach a capitalized word past at least ``joined`` and at most
    MAX_CONNECTORS connectors?"""
    n = 0
    while n < len(words) and n < MAX_CONNECTORS and words[n] in connectors:
        n += 1
    return joined <= n < len(words) and words[n][0].isupper()


# A sentence glued after its period (`hours.the`), or begun in lower case after one (`hours. the`).
# The word after the period is a function word or another very frequent word (`selon`,
# `volgens`); the word before it a known word, frequent or long enough (Russian `замедлилась`)
# not to be an abbreviation, which the language's list covers besides.
MIN_RIGHT_ZIPF = 5.0
MIN_LEFT_ZIPF = 3.0
MIN_LONG_WORD = 7
# `hours. the` needs a long word before the period, or a frequent one in lower case (`Reps.`,
# `rec.` are cut short); the glued `hours.the` is a slip after any known word.
MIN_LEFT_SPACED = 5
MIN_LEFT_ZIPF_SPACED = 4.5
_AFTER_PERIOD = regex.compile(r"(?<![\p{L}\p{M}.])(\p{L}\p{Ll}{2,})\.([ \t]*)(\p{Ll}+)(?=[ \t,])")


# The start of a unit of prose: maybe spaces and an opening quote mark, then a word in lower case
# followed by a space (not `iPhone`, `e.g.`, `l'armée`, `x-ray`, `word:`).
_UNIT_OPENING = regex.compile(r"[ \t]*[\"“„«‘‚]?(\p{Ll}+)(?=[ \t]+\p{L})")
# A unit that ends as a sentence: a sentence mark, maybe closing quotes or a bracket.
_PROSE_END = regex.compile(r"[.!?][\"”»’')\]]*[ \t]*$")
MIN_PROSE_WORDS = 4
# A sentence start anywhere: the text's, a line's, or after a sentence mark and a space; then
# maybe an opening quote, and the first letter.
_ANY_START = regex.compile(r"(?:^|(?<=[.!?][\"”»’')\]]*[ \t]+)|(?<=\n))[ \t]*[\"“„«‘‚(]?\p{L}", regex.M)
# The writer's habit, where no source tells: the document's other sentence starts, at least this
# many, all begin with a capital (a lone sentence, or a chat written in lower case, says nothing).
MIN_EVIDENCE = 3
# The first letter of a source, past spaces, quote marks and brackets.
_SOURCE_OPENING = regex.compile(r"[\s\p{Pi}\p{Pf}\p{Ps}\"'«»„“”‘’—–\-]*(\p{L})(\p{L}?)")


def _goes_on(before: str) -> bool:
    """Does the unit ``before`` end mid-sentence (a comma, colon, dash, an ellipsis, or no
    sentence end at all: `Click on`, but a heading too), so that the next unit may continue its
    sentence?"""
    tail = before.rstrip()
    if not tail:
        return False
    return tail[-1] in ",;:-–—(/&+" or tail.endswith(("...", "…")) or not _PROSE_END.search(tail)


@register
class SentenceCase(Rule):
    code = "MT403"
    name = "sentence-case"
    category = "sentence-case"
    fix_availability = FixAvailability.ALWAYS
    what = ("Finds a sentence that starts in lower case after the period of the one before, "
            "`hours.the authorities` or `hours. the authorities`, or at the start of a text, "
            "record or paragraph of prose (`the troops left the city.`: a unit of four words or "
            "more that ends as a sentence does and does not go on from the unit before, which "
            "ends with a comma, colon, dash or ellipsis or without a sentence end (`Click on`; "
            "a heading too, left alone with it); a record only "
            "where its source starts with a capital (a record without a source may be an "
            "excerpt, a UI string or a continuation), a text or paragraph checked with a source "
            "likewise where its aligned source starts with a capital, and without one only in a text whose "
            "other sentences, three at least, all start with a capital (a lone sentence or a chat "
            "written in lower case shows no capital lost); list items, "
            "hashtags and units opening with an ellipsis, a brand such as `iPhone` or a rare word "
            "are not judged), where the first word is one of "
            "the language's function words or very frequent words and the word before the period "
            "a known word, not one of the language's abbreviations (`etc.`). After a period and a "
            "space, a word of four letters or fewer before it may be an abbreviation the list "
            "lacks (`Reps. to`) and is left alone, unless it is a frequent word in lower case "
            "and the language lists its abbreviations. A text with no capital letter at all is "
            "a style, and is left alone.")
    why = "A lower-case start hides the sentence boundary; often a space was lost with it."
    fix_safety = "Safe: the first word is capitalized (and a lost space restored)."
    examples = (
        Example("en", "It ended within hours⟦.the⟧ authorities left.", "It ended within hours. The authorities left."),
        Example("en", "It ended within hours⟦. the⟧ authorities left.", "It ended within hours. The authorities left."),
        Example("es", "Terminó en pocas horas⟦. las⟧ autoridades se fueron.", "Terminó en pocas horas. Las autoridades se fueron."),
        Example("pt", "Terminou em poucas horas⟦.as⟧ autoridades saíram.", "Terminou em poucas horas. As autoridades saíram."),
        Example("fr", "Tout était fini en quelques heures⟦. les⟧ autorités sont parties.", "Tout était fini en quelques heures. Les autorités sont parties."),
        Example("it", "Tutto finì in poche ore⟦. le⟧ autorità se ne andarono.", "Tutto finì in poche ore. Le autorità se ne andarono."),
        Example("de", "Alles endete nach wenigen Stunden⟦. die⟧ Behörden gingen.", "Alles endete nach wenigen Stunden. Die Behörden gingen."),
        Example("nl", "Het was binnen enkele uren voorbij⟦. de⟧ autoriteiten vertrokken.", "Het was binnen enkele uren voorbij. De autoriteiten vertrokken."),
        Example("ru", "Всё закончилось через несколько часов⟦. в⟧ городе тихо.", "Всё закончилось через несколько часов. В городе тихо."),
        Example("en", "⟦the⟧ troops left the city on Monday. They came back later. Nobody was hurt. All is calm.",
                "The troops left the city on Monday. They came back later. Nobody was hurt. All is calm."),
        Example("de", "⟦die⟧ Soldaten verließen am Montag die Stadt. Sie kamen später zurück. Niemand wurde verletzt. Es ist ruhig.",
                "Die Soldaten verließen am Montag die Stadt. Sie kamen später zurück. Niemand wurde verletzt. Es ist ruhig."),
        Example("fr", "Les combats ont cessé. La ville est calme. Tout va bien.\n\n⟦les⟧ soldats ont quitté la ville lundi.",
                "Les combats ont cessé. La ville est calme. Tout va bien.\n\nLes soldats ont quitté la ville lundi."),
    )
    clean = (
        ("en", "It costs 5 dollars, etc. and more.\n\nSee config.yaml for the settings."),
        ("en", "i went there. the food was good lol"),
        ("de", "Das gilt z. B. für die Stadt usw. in der Region."),
        ("es", "Visite www.ejemplo.es para más datos."),
        ("en", "- the first item of the list.\n\n#the tag is here.\n\n…and then they left the city."),
        ("en", "iPhone sales rose in May.\n\nThe report said that the sales,\n\nand the profits rose too."),
        ("de", "eBay und Amazon meldeten Zahlen.\n\nweiter Infos unten"),
        ("en", "the troops left the city on Monday."),
    )

    def check(self, doc: Document, lang: Language) -> Iterable:
        text = doc.masked
        if not any(ch.isupper() for ch in text):
            if doc.source:  # no capital at all: a style, unless the source has its capitals
                yield from self._unit_starts(doc, lang)
            return
        for m in _AFTER_PERIOD.finditer(text):
            left, space, right = m.groups()
            # A short frequent word counts only where the language's abbreviations are listed:
            # wordfreq counts an abbreviation as a frequent word (Ukrainian `див.`, Danish `pct.`).
            if space and not (len(left) >= MIN_LEFT_SPACED or left.islower() and lang.abbreviations
                              and lang.zipf(left) >= MIN_LEFT_ZIPF_SPACED):
                continue  # `Reps. to`, `rec. and`: abbreviations the language's list lacks
            if (not (right in lang.glue_words or lang.zipf(right) >= MIN_RIGHT_ZIPF)
                    or not (lang.zipf(left) >= MIN_LEFT_ZIPF or len(left) >= MIN_LONG_WORD and lang.zipf(left) > 0)
                    or left.lower() in lang.abbreviations or doc.is_protected(m.start(), m.end())):
                continue
            start = m.start(1) + len(left)
            end = m.end(3)
            fixed = ". " + lang.upper(right[0]) + right[1:]  # Turkish `istanbul` → `İstanbul`
            yield self.finding(start, end, f"a sentence starts in lower case: `{right}` → `{fixed[2:]}`",
                               Fix.replace(start, end, fixed))
        yield from self._unit_starts(doc, lang)

    def _unit_starts(self, doc: Document, lang: Language) -> Iterable:
        """A text, record or paragraph of prose that starts in lower case (`the troops left the
        city.`): a unit that ends as a sentence does, of MIN_PROSE_WORDS words or more, whose
        first word is a function word or a very frequent word in lower case, and that does not
        go on from the unit before (which ends with a comma, a colon or a dash, or is a longer
        text without a sentence end). List items, hashtags, handles, ellipses and quotations that
        begin mid-sentence (`…and then`) open otherwise and are left alone."""
        text = doc.masked
        units = [(s.start, s.end) for s in doc.segments] if doc.has_records else doc.paragraphs
        starts = [text[m.end() - 1] for m in _ANY_START.finditer(text)]
        capitals = sum(c.isupper() for c in starts)
        previous = None
        for start, end in units:
            unit = text[start:end]
            before, previous = previous, unit
            m = _UNIT_OPENING.match(unit)
            if m is None or not _PROSE_END.search(unit) or len(unit.split()) < MIN_PROSE_WORDS:
                continue
            word = m.group(1)
            if lang.zipf(word) < MIN_LEFT_ZIPF or word in lang.abbreviations:
                continue  # a word the lexicon hardly knows may be a name or brand written so
            if before is not None and _goes_on(before):
                continue  # the unit before ends mid-sentence: this one continues it
            if doc.has_records or doc.source:
                # A record, or a paragraph of a text with a source, is judged by its source: an
                # excerpt, a UI string or a continuation starts in lower case by itself, a
                # translation of a capitalized start should not.
                opening = _SOURCE_OPENING.match(doc.source_at(start) or "")
                if opening is None or not opening.group(1).isupper() or opening.group(2).isupper():
                    continue  # no source, one in lower case or in a script without case, an acronym (`DVD`)
            else:
                others = len(starts) - 1  # the other sentence starts of the document
                if others < MIN_EVIDENCE or capitals < others:
                    continue  # no sign that the writer always capitalizes: a style, or too little to tell
            at = start + m.start(1)
            fixed = lang.upper(word[0]) + word[1:]
            yield self.finding(at, at + len(word), f"a sentence starts in lower case: `{word}` → `{fixed}`",
                               Fix.replace(at, at + 1, fixed[0]))
