"""Word and sentence segmentation: glued words, glued sentences, split words, tokenizer residue,
doubled words.

All decisions come from the target language's data: its lexicon (is this a word, how frequent),
its glue words (frequent words written in lower case mid-sentence, and the sides on which they
may be glued), whether it writes compounds as one word, and its bound endings (clitics).
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from mtcheck.document import Document
from mtcheck.finding import Applicability, Fix
from mtcheck.languages import Language
from mtcheck.rules import Example, FixAvailability, Rule, register

# A word: letters only, not touching digits, apostrophes, hyphens, dots inside a token, @, /, #
# or masked (protected) text. A trailing dot is fine when it ends the word (end of sentence).
WORD = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}_'’\-./@#&\ue000])(\p{L}[\p{L}\p{M}]*)(?![\p{L}\p{M}\p{N}_'’\-/@\ue000]|\.\p{L})"
)
# One lower-case run followed by one capitalized run: injuredThey, dieSoldaten, inRiga.
CASE_GLUE = regex.compile(r"^(\p{Lu}?\p{Ll}{2,})(\p{Lu}\p{Ll}+)$")

# Frequency thresholds (Zipf: log10 of occurrences per billion words).
KNOWN = 3.0  # a content word frequent enough to be one side of a glued pair
SENTENCE_START = 4.0  # a capitalized word this frequent in lower case, and no name in the casing data
FREQUENT = 4.5  # a very frequent word, allowed a few longer words starting with it
MAX_STEM_WORDS = 3
MIN_GLUED_LENGTH = 5


def _known(lang: Language, part: str) -> bool:
    return lang.zipf(part) >= KNOWN and (len(part) >= 3 or part in lang.glue_words)


def _starts_sentence(lang: Language, right: str) -> bool:
    """Can the capitalized part of ``cellSeveral`` only be a sentence start? A function word, or a
    frequent word the language writes in lower case mid-sentence (not a name, not a German noun).

    >>> from mtcheck.languages import get_language
    >>> en = get_language("en")
    >>> _starts_sentence(en, "They"), _starts_sentence(en, "Several"), _starts_sentence(en, "Riga")
    (True, True, False)
    """
    lower = right.lower()
    if lower in lang.glue_words:
        return True
    entry = lang.casing.get(lower)
    if entry is not None:  # the casing data knows the word: written in lower case mid-sentence?
        return not entry.is_name and entry.form == lower
    return lang.zipf(lower) >= SENTENCE_START  # frequent as a word, not only as a name (`Riga`: 3.0)


def _glue(lang: Language, part: str, side: str) -> bool:
    """Is ``part`` a glue word that may stand on ``side`` (L or R) of a lost space?"""
    sides = lang.glue_words.get(part)
    return sides is not None and side in sides


def _stem_free(lang: Language, word: str) -> bool:
    """A word that takes no endings: no longer lexicon word starts with it (a very frequent word
    may have a few: ``city`` → ``citywide``). ``possibilitar`` fails: ``possibilitarem`` is a
    Portuguese inflection, not ``possibilitar em``."""
    limit = MAX_STEM_WORDS if lang.zipf(word) >= FREQUENT else 0
    return lang.words_starting(word, limit + 1) <= limit


def _tail_free(lang: Language, word: str) -> bool:
    """A word that ends no longer lexicon word (a very frequent one may end a few):
    ``soldiers``, not ``parecidos`` (``desaparecidos``)."""
    limit = MAX_STEM_WORDS if lang.zipf(word) >= FREQUENT else 0
    return lang.words_ending(word, limit + 1) <= limit


SHORT_TOKEN = 40  # a token this short is split at every point
_LONGEST: dict[str, int] = {}  # language → length of its longest lexicon or glue word


def _split_points(lang: Language, token: str) -> range:
    """Where ``best_split`` cuts ``token``: everywhere in a short token; in a longer one only
    where both parts are short enough to be words (both must be lexicon or glue words), so a
    token of a million letters is not sliced at every point (quadratic).

    >>> from mtcheck.languages import get_language
    >>> _split_points(get_language("en"), "disappearedin")
    range(1, 13)
    >>> len(_split_points(get_language("en"), "a" * 1_000_000))
    0
    """
    if len(token) <= SHORT_TOKEN:
        return range(1, len(token))
    if lang.code not in _LONGEST:  # reads the whole lexicon: only a long token gets here
        _LONGEST[lang.code] = max(map(len, [*lang.lexicon, *lang.glue_words]), default=0)
    longest = _LONGEST[lang.code]
    return range(max(1, len(token) - longest), min(len(token), longest + 1))


def best_split(lang: Language, token: str) -> tuple[str, str, bool] | None:
    """The most probable two-word reading of an unknown lower-case token.

    Returns (left, right, certain) or None. Both parts must be words; one must be a glue word on
    the side it stands on (see glue_words.txt), unless the language writes no compounds and both
    parts are frequent. A content word on the left must take no endings and one on the right must
    end no other words, so inflections (``possibilitarem``) and derivations (``polycotton``)
    stay quiet. ``certain`` is true when one part is a glue word.

    >>> from mtcheck.languages import get_language
    >>> best_split(get_language("en"), "disappearedin")
    ('disappeared', 'in', True)
    >>> best_split(get_language("de"), "kriegsgefangenenaustausch") is None
    True
    """
    best, best_score = None, 0.0
    for i in _split_points(lang, token):
        left, right = token[:i], token[i:]
        left_glue, right_glue = _glue(lang, left, "L"), _glue(lang, right, "R")
        if right in lang.bound_suffixes:
            continue  # an enclitic or a derivation: Spanish decírselo, English nationalism
        if left in lang.bound_prefixes and not right_glue:
            continue  # a prefixed word (parasociales); a prefix glued to an article is not

        if left_glue and right_glue:
            ok = True
        elif right_glue:
            ok = _known(lang, left) and _stem_free(lang, left)
        elif left_glue:
            ok = _known(lang, right) and _tail_free(lang, right)
        else:
            ok = (not lang.compounding and _known(lang, left) and _known(lang, right)
                  and _stem_free(lang, left) and _tail_free(lang, right))
        if not ok:
            continue
        score = lang.zipf(left) + lang.zipf(right)
        if score > best_score:
            best, best_score = (left, right, left_glue or right_glue), score
    return best


@register
class MergedWords(Rule):
    code = "MT101"
    needs_word_spaces = True
    name = "merged-words"
    category = "merged-words"
    fix_availability = FixAvailability.ALWAYS
    what = ("Finds two words written without the space between them: an unknown token that "
            "reads as two known words (`disappearedin`), or a lower-case word glued to a "
            "capitalized one that is not a sentence start (`inRiga`, German `dieSoldaten`). An "
            "unknown token is split where one part is a function word of the language on the "
            "side where it stands; without one, both parts must be frequent words and the "
            "language must not write compounds (German, Dutch and Russian do: "
            "`Verteidigungsministerium` stays whole). A part that other words extend stays "
            "whole too (Portuguese `possibilitarem` is an inflection, not `possibilitar em`). "
            "Brands with inner capitals (`iPhone`, `PayPal`), URLs, e-mail addresses, handles "
            "and hashtags are not judged.")
    why = ("Machine translation and the pipelines around it lose spaces at tag and segment "
           "boundaries; no human writes these tokens.")
    fix_safety = ("Safe when one part is a function word of the language (`disappeared in`, "
                  "`in Riga`), or when a lower-case word is glued to a frequent capitalized "
                  "word; unsafe otherwise (the split is probable, not certain). A rare word "
                  "that the lexicon lacks can read as two words, one of them a function word, "
                  "and get a safe fix all the same (Spanish `merodeó` as `me rodeó`): review "
                  "`mtcheck fix --diff` on text with rare vocabulary.")
    examples = (
        Example("en", "troops have ⟦disappearedin⟧ the port city", "troops have disappeared in the port city"),
        Example("en", "the talks ⟦inRiga⟧ ended", "the talks in Riga ended"),
        Example("de", "Am Montag haben sich ⟦dieSoldaten⟧ ergeben.", "Am Montag haben sich die Soldaten ergeben."),
        Example("de", "Die Soldaten ⟦ergabensich⟧ am Montag.", "Die Soldaten ergaben sich am Montag."),
        Example("es", "los soldados se ⟦rindieronen⟧ la ciudad", "los soldados se rindieron en la ciudad"),
        Example("fr", "les soldats se sont ⟦rendusdans⟧ la ville", "les soldats se sont rendus dans la ville"),
        Example("it", "i soldati sono ⟦arrivatinella⟧ città", "i soldati sono arrivati nella città"),
        Example("pt", "os soldados se ⟦renderamna⟧ cidade", "os soldados se renderam na cidade"),
        Example("nl", "de soldaten hebben zich ⟦overgegevenin⟧ de stad", "de soldaten hebben zich overgegeven in de stad"),
        Example("ru", "солдаты ⟦сдалисьв⟧ городе", "солдаты сдались в городе"),
    )
    clean = (
        ("de", "Das Verteidigungsministerium meldete den Kriegsgefangenenaustausch."),
        ("en", "She bought an iPhone on eBay and paid with PayPal, then watched YouTube at McDonald's."),
        ("en", "Write to press@example.com or see www.example.com/disappearedin and #inRiga"),
        ("es", "Quiero decírselo y comprarlos mañana."),
        ("it", "Vorrei dirglielo e comprarli domani."),
        ("nl", "De Tweede Kamer sprak over het verkiezingsprogramma en de IJssel."),
        ("ru", "Переговоры в Москве продолжились во вторник."),
    )

    def check(self, doc: Document, lang: Language) -> Iterable:
        text = doc.masked
        for m in WORD.finditer(text):
            token = m.group(1)
            if len(token) < MIN_GLUED_LENGTH or lang.zipf(token) > 0:
                continue
            written, token = token, _homoglyphs_folded(token, lang)
            if token != written and lang.zipf(token) > 0:
                continue  # a homoglyph in a word: MT305's alone
            case = CASE_GLUE.match(token)
            if case:
                left, right = case.groups()
                if _starts_sentence(lang, right):
                    continue  # a sentence start: MT102 reports it
                if left[0].isupper() or not (left.lower() in lang.glue_words or _known(lang, left)):
                    continue  # CamelCase brands (PayPal) and unknown prefixes stay quiet
                certain = left.lower() in lang.glue_words or lang.zipf(right) >= KNOWN
            elif token.islower():  # a capitalized unknown token is most often a name
                split = best_split(lang, token)
                if split is None:
                    continue
                left, right, certain = split
            else:
                continue
            if _doubles_a_neighbour(text, m.start(1), m.end(1), left, right):
                continue  # `alle alledeze deze`: the split would make MT105's stutter, not a word
            start = m.start(1)
            # A homoglyph in it is repaired by the same edit (else MT305's fix unveils this one).
            fix = Fix.replace(start + len(left), start + len(left), " ", safe=certain) if token == written \
                else Fix.replace(start, m.end(1), f"{left} {right}", safe=certain)
            yield self.finding(start, m.end(1), f"`{written}` looks like two words glued: `{left} {right}`", fix)


@register
class MissingSentenceBoundary(Rule):
    code = "MT102"
    needs_word_spaces = True
    name = "glued-sentences"
    category = "missing-sentence-boundary"
    what = ("Finds a word glued to the capitalized first word of the next sentence "
            "(`injuredThey`): the period and the space were lost. The capitalized part must "
            "be a word the language writes in lower case mid-sentence (not a name, not a "
            "German noun). A capitalized word with an inner capital (`SkyUp`, `FritzBox`) is a "
            "brand and stays quiet, unless its second part is a function word (German "
            "`VerletzteDie`).")
    why = "Two sentences read as one, and the glued token is not a word."
    fix_safety = ("The fix inserts `. `. Safe when the capitalized part is a function word "
                  "(`They`), which can only start a sentence; unsafe when it is another word "
                  "(`Several`), which could begin a name.")
    examples = (
        Example("en", "including 80 ⟦injuredThey⟧ have disappeared", "including 80 injured. They have disappeared"),
        Example("de", "Es gab 80 ⟦VerletzteDie⟧ Behörden schweigen.", "Es gab 80 Verletzte. Die Behörden schweigen."),
        Example("es", "hubo 80 ⟦heridosLos⟧ soldados se rindieron", "hubo 80 heridos. Los soldados se rindieron"),
        Example("fr", "dont 80 ⟦blessésIls⟧ se sont rendus", "dont 80 blessés. Ils se sont rendus"),
        Example("ru", "из них 80 ⟦раненыхОни⟧ сдались", "из них 80 раненых. Они сдались"),
        Example("pt", "havia 80 ⟦feridosOs⟧ soldados se renderam", "havia 80 feridos. Os soldados se renderam"),
        Example("it", "c'erano 80 ⟦feritiGli⟧ altri si sono arresi", "c'erano 80 feriti. Gli altri si sono arresi"),
        Example("nl", "er waren 80 ⟦gewondenZe⟧ hebben zich overgegeven", "er waren 80 gewonden. Ze hebben zich overgegeven"),
    )
    clean = (("en", "Visit McDonald's and LinkedIn today."), ("de", "Die Soldaten ergaben sich."))

    def check(self, doc: Document, lang: Language) -> Iterable:
        for m in WORD.finditer(doc.masked):
            case = CASE_GLUE.match(m.group(1))
            if not case or lang.zipf(m.group(1)) > 0:
                continue
            left, right = case.groups()
            if not _known(lang, left) or not _starts_sentence(lang, right):
                continue
            if left[0].isupper() and (len(right) < 3 or right.lower() not in lang.glue_words):
                continue  # brands such as SkyUp, FritzBox; a German noun + "Die" still counts
            cut = m.start(1) + len(left)
            yield self.finding(
                m.start(1), m.end(1),
                f"`{m.group(1)}` glues two sentences: `{left}. {right}`",
                # Certain after a function word (`They`); a content word could be a name.
                Fix.replace(cut, cut, ". ", safe=right.lower() in lang.glue_words),
            )


@register
class SplitWord(Rule):
    code = "MT103"
    needs_word_spaces = True
    name = "split-word"
    category = "split-word"
    fix_applicability = Applicability.UNSAFE
    what = ("Finds one word broken in two by a space (`govern ment`): the joined form is a "
            "frequent word, and one piece is no word or both are ten times rarer than the whole.")
    why = "Segmentation residue of MT or OCR; readers stumble on the fragments."
    fix_safety = "Unsafe: the joined word is probable but the two pieces might be meant."
    examples = (
        Example("en", "the ⟦govern ment⟧ said", "the government said"),
        Example("de", "die ⟦Regier ung⟧ sagte", "die Regierung sagte"),
        Example("es", "el ⟦minis terio⟧ dijo", "el ministerio dijo"),
        Example("fr", "le ⟦gouverne ment⟧ a dit", "le gouvernement a dit"),
        Example("it", "il ⟦ministe ro⟧ ha detto", "il ministero ha detto"),
        Example("pt", "o ⟦gove rno⟧ disse", "o governo disse"),
        Example("nl", "de ⟦regeri ng⟧ zei", "de regering zei"),
        Example("ru", "сказало ⟦прави тельство⟧ страны", "сказало правительство страны"),
    )
    clean = (("en", "Maybe every one of them can not come, any way."),
             ("en", "It may be that some times are harder."))
    PAIR = regex.compile(
        r"(?<![\p{L}\p{M}\p{N}_'’\-.@#\ue000])(\p{L}[\p{Ll}\p{M}]*) (\p{Ll}[\p{Ll}\p{M}]*)(?![\p{L}\p{M}\p{N}_'’\-@\ue000])"
    )
    MARGIN = 1.0  # the joined word must be 10× more frequent than its most frequent piece

    def check(self, doc: Document, lang: Language) -> Iterable:
        text = doc.masked
        pos = 0
        while (m := self.PAIR.search(text, pos)) is not None:
            pos = m.start(2)  # overlapping pairs: "a b c" checks "a b" then "b c"
            first, second = m.group(1), m.group(2)
            joined = lang.zipf(first + second)
            if joined < KNOWN:
                continue
            pieces = (lang.zipf(first), lang.zipf(second))
            if min(pieces) > 0 and joined < max(pieces) + self.MARGIN:
                continue
            yield self.finding(
                m.start(1), m.end(2),
                f"`{first} {second}` looks like one word split: `{first}{second}`",
                Fix.replace(m.end(1), m.start(2), "", safe=False),
            )
            pos = m.end(2)


@register
class SubwordResidue(Rule):
    code = "MT104"
    needs_language_data = False
    name = "subword-residue"
    category = "subword-residue"
    what = ("Finds tokenizer leftovers: BPE joiners (`nego@@ tiations`), SentencePiece "
            "(`▁`), WordPiece (`##`), OpenNMT joiners (`￭`) and special tokens (`<unk>`, `</s>`).")
    why = "Internal markers of the MT system, never part of a language."
    fix_safety = ("Safe for joiners and markers (they are removed as the detokenizer would); "
                  "`<unk>` has no fix, the word it replaced is lost.")
    examples = (
        Example("en", "the nego⟦@@ ⟧tiations stalled", "the negotiations stalled"),
        Example("en", "the⟦▁⟧talks", "the talks"),
        Example("de", "die Verhand⟦ ##⟧lungen", "die Verhandlungen"),
        Example("fr", "les ⟦<unk>⟧ ont repris", None),
        Example("es", "fin⟦</s>⟧", "fin"),
        Example("pt", "as ⟦<unk>⟧ continuam", None),
        Example("it", "i nego⟦@@ ⟧ziati", "i negoziati"),
        Example("nl", "de onder⟦@@ ⟧handelingen", "de onderhandelingen"),
        Example("ru", "пере⟦@@ ⟧говоры", "переговоры"),
    )
    clean = (("en", "Use #hashtags and C## code? No: 100% of @users."),)
    PATTERN = regex.compile(r"@@ ?|(?<=\p{L}) ?##(?=\p{L})|▁|￭|</?s>|<pad>|<unk>|<mask>|\[(?:UNK|SEP|CLS|PAD|MASK)\]")

    def check(self, doc: Document, lang: Language) -> Iterable:
        for m in self.PATTERN.finditer(doc.masked):
            piece = m.group()
            if piece == "▁":
                # SentencePiece marks a word start: a space, unless at a line start.
                before = doc.text[m.start() - 1: m.start()]
                replacement = "" if before in ("", " ", "\n") else " "
            elif piece in ("<unk>", "[UNK]"):
                yield self.finding(m.start(), m.end(), f"`{piece}`: the MT system lost a word here")
                continue
            else:
                replacement = ""
            yield self.finding(m.start(), m.end(), f"tokenizer residue `{piece.strip()}`",
                               Fix.replace(m.start(), m.end(), replacement))


def _homoglyphs_folded(token: str, lang: Language) -> str:
    """``token`` with its letters of another script written in the language's script, when each
    has a look-alike there (MT305's repair); else ``token`` as it is.

    >>> from mtcheck.languages import get_language
    >>> _homoglyphs_folded("сhuvaBeja", get_language("pt")), _homoglyphs_folded("chuvaБeja", get_language("pt"))
    ('chuvaBeja', 'chuvaБeja')
    """
    if token.isascii() and lang.script == "Latin":
        return token
    from mtcheck.text.chars import CYRILLIC_TO_LATIN, LATIN_TO_CYRILLIC

    table = {"Latin": CYRILLIC_TO_LATIN, "Cyrillic": LATIN_TO_CYRILLIC}.get(lang.script, {})
    odd = {c for c in token if c.isalpha() and not regex.match(rf"\p{{{lang.script}}}", c)}
    if not odd or not odd <= table.keys():
        return token
    return "".join(table[c] if c in odd else c for c in token)


def _doubles_a_neighbour(text: str, start: int, end: int, left: str, right: str) -> bool:
    """Would splitting ``text[start:end]`` into ``left right`` write a word twice in a row?

    >>> _doubles_a_neighbour("alle alledeze deze", 5, 13, "alle", "deze"), _doubles_a_neighbour("x alledeze y", 2, 10, "alle", "deze")
    (True, False)
    >>> _doubles_a_neighbour("farefare", 0, 8, "fare", "fare")
    True
    """
    before = regex.search(r"(\p{L}+)[ \t\u00a0]+$", text[max(0, start - 40):start])
    after = regex.match(r"[ \t\u00a0]+(\p{L}+)", text[end:end + 40])
    if left.lower() == right.lower():  # `farefare`
        return True
    return bool(before and before.group(1).lower() == left.lower() or after and after.group(1).lower() == right.lower())


@register
class RepeatedWord(Rule):
    code = "MT105"
    needs_word_spaces = True
    name = "repeated-word"
    category = "repeated-word"
    what = ("Finds a word written twice in a row (`the the`), except where the context or the "
            "language makes the doubling grammatical. Context: a word the language lists as doubling "
            "where it opens a clause (`repeated_opening_clause`), right after a comma, semicolon, "
            "colon, dash or bracket and at most one function word (German `die Frau, die die Zeitung las`, `für die die`, `dass sie sie "
            "sah`: a relative pronoun or conjunction, then an article or pronoun); a first word "
            "capitalized mid-sentence before the same word in lower case (German `sein Leben "
            "leben`, `Haben Sie sie gesehen`: a noun or the polite pronoun, then a verb or "
            "pronoun), or at a sentence start where the casing data knows the capitalized word "
            "as a name (`May may come`). Language: its list of words whose doubling is "
            "grammatical anywhere (`had had`, `that that`, French `nous nous`). Not reported "
            "either: a word said three times (`cheap cheap cheap`, emphasis), a doubling "
            "before a dash or an ellipsis (`the the—`, a stammer), and a second word that is "
            "capitalized (`de De la Fuente`, a name).")
    why = "A typical decoder stutter."
    fix_safety = ("Safe for the language's frequent function words (no one writes `the the`); "
                  "unsafe for other words, where a doubling may be meant.")
    examples = (
        Example("en", "in ⟦the the⟧ port city", "in the port city"),
        Example("es", "en ⟦la la⟧ ciudad", "en la ciudad"),
        Example("de", "die Soldaten ⟦haben haben⟧ sich ergeben", "die Soldaten haben sich ergeben"),
        Example("ru", "в ⟦городе городе⟧ Воронеже", "в городе Воронеже", applicability=Applicability.UNSAFE),
        Example("fr", "dans ⟦la la⟧ ville", "dans la ville"),
        Example("it", "per ⟦il il⟧ governo", "per il governo"),
        Example("pt", "para ⟦o o⟧ governo", "para o governo"),
        Example("nl", "voor ⟦een een⟧ jaar", "voor een jaar"),
        Example("de", "Er kaufte ⟦die die⟧ Zeitung am Kiosk.", "Er kaufte die Zeitung am Kiosk."),
    )
    clean = (("en", "He had had enough; he said that that was all. It is cheap cheap cheap."),
             ("fr", "Nous nous sommes rendus."), ("de", "Die Frau, die die Zeitung las."),
             ("de", "Er will sein Leben leben, für die die Stadt sorgt. Haben Sie sie gesehen?"),
             ("de", "Sie wussten nicht, dass sie sie sahen, in der der Rat tagte."),
             ("en", "May may come too, and Will will help."),
             ("es", "Los pilotos de De la Fuente."), ("nl", "Tijd om om te kijken."),
             ("pt", "Um som, se se preferir."))
    # Only pairs whose second word repeats the first, ignoring case (a back-reference), so the
    # engine, not Python, skips the other word pairs.
    # The gap: spaces (a no-break one too), and the invisible characters MT304 removes, so that
    # MT304's fix does not unveil a doubling for the next pass (`mejor\u200e mejor`).
    GAP = r"[\u200b-\u200f\u2060\ufeff\u00ad]*[ \t\u00a0][ \t\u00a0\u200b-\u200f\u2060\ufeff\u00ad]*"
    PATTERN = regex.compile(
        r"(?<![\p{L}\p{M}\p{N}'’\-\ue000])(\p{L}[\p{L}\p{M}]*)(" + GAP + r")((?i:\1))(?![\p{L}\p{M}\p{N}'’\-\ue000])"
    )

    def check(self, doc: Document, lang: Language) -> Iterable:
        text = doc.masked
        pos = 0
        while (m := self.PATTERN.search(text, pos)) is not None:
            pos = m.start(3)
            first, second = m.group(1), m.group(3)
            # The second must be lower case: "de De la Fuente", "Darin Darin", "UH UH" are names
            # and interjections; a third repetition is emphasis ("cheap cheap cheap").
            if first.lower() != second or second.lower() in lang.repeated_ok:
                continue
            if first != second and self._another_word(text, m.start(1), second, lang):
                continue  # `sein Leben leben`, `Haben Sie sie`: a noun, a name, the polite pronoun
            if second in lang.repeated_opening_clause and self._opens_clause(text, m.start(1), lang):
                continue  # `die Frau, die die Zeitung`, `dass sie sie sah`: two roles, not a stutter
            if self._tripled(text, m) or self._tripled_before(text, m):
                continue
            if text[m.end(3):m.end(3) + 1] in ("…", "-", "—", "–") or text.startswith("...", m.end(3)):
                continue  # a stammer or a self-correction: "la la… del borde", "the the—"
            safe = second in lang.glue_words
            yield self.finding(
                m.start(1), m.end(3), f"`{first}` is repeated",
                Fix.replace(m.end(1), m.end(3), "", safe=safe),
            )
            pos = m.end(3)

    # The words next to a pair, matched from the pair outwards (a reverse match ends where it
    # starts reading): searching the whole text before each pair made doubled words quadratic.
    # The gap sees through invisible characters, as the pattern does.
    _AFTER = regex.compile(GAP + r"(\p{L}+)")
    _BEFORE = regex.compile(r"(?r)(\p{L}+)" + GAP)

    # What may stand between a clause boundary and the doubled word: one function word (`für`).
    _CLAUSE_START = regex.compile(r"(?r)[,;:(\[—–][ \t\u00a0]*(?:(\p{L}+)[ \t\u00a0]+)?")

    def _opens_clause(self, text: str, start: int, lang: Language) -> bool:
        """Does the pair at ``start`` open a clause: a comma, semicolon, colon, dash or bracket
        before it, maybe past one function word (`, die die`, `, für die die`, `, dass sie sie`)?"""
        m = self._CLAUSE_START.match(text, max(0, start - 40), start)
        return m is not None and (m.group(1) is None or lang.lower(m.group(1)) in lang.glue_words)

    @staticmethod
    def _another_word(text: str, start: int, lower: str, lang: Language) -> bool:
        """Is the capitalized first word of a pair (`Leben leben`) a word of its own: capitalized
        mid-sentence (a noun, a name, the polite pronoun), or at a sentence start a name the
        casing data knows (`May may`)? A capital the sentence gave it (`The the`) is not."""
        if not _sentence_start(text, start):
            return True
        entry = lang.casing.get(lower)
        return entry is not None and entry.is_name

    def _tripled(self, text: str, m) -> bool:
        after = self._AFTER.match(text, m.end(3))
        return after is not None and after.group(1).lower() == m.group(3).lower()

    def _tripled_before(self, text: str, m) -> bool:
        end = m.start(1)
        if text[end - 1:end] == "\n":  # `$` of the earlier search: also before a final newline
            end -= 1
        before = self._BEFORE.match(text, 0, end)
        return before is not None and before.group(1).lower() == m.group(1).lower()


_OPENERS = "\"'«»„“”‘’‚‹›([{¿¡—–-*"


def _sentence_start(text: str, start: int) -> bool:
    """Does the word at ``start`` open its sentence: only quote marks, brackets and spaces
    between it and the text's start, a line break or a sentence mark (`.` `!` `?` `…` `:`)?

    >>> _sentence_start("Er sagte: „Die die", 11), _sentence_start("sein Leben leben", 5)
    (True, False)
    """
    i = start
    while i > 0 and start - i < 12 and (text[i - 1] in " \t\u00a0" or text[i - 1] in _OPENERS):
        i -= 1
    return i == 0 or text[i - 1] in ".!?…:\n"


# A phrase of 2–4 words written twice back to back (`at the at the`), or a unit of 1–4 words said
# three times or more with commas between (`Paris, Paris, Paris`): the case of the repetitions is
# ignored, the gap is spaces (and a comma for the loops).
_W = r"\p{L}[\p{L}\p{M}]*"
_EDGE_BEFORE = r"(?<![\p{L}\p{M}\p{N}'’\-\ue000])"
_EDGE_AFTER = r"(?![\p{L}\p{M}\p{N}'’\-\ue000])"
_PHRASE_TWICE = regex.compile(
    _EDGE_BEFORE + rf"({_W}(?:[ \t\u00a0]+{_W}){{1,3}})[ \t\u00a0]+((?i:\1))" + _EDGE_AFTER)
_COMMA_LOOP = regex.compile(
    _EDGE_BEFORE + rf"({_W}(?:[ \t\u00a0]+{_W}){{0,3}})((?:,[ \t\u00a0]+(?i:\1)" + _EDGE_AFTER + r"){2,})")


MIN_LOOP = 4  # said this many times with commas, a loop even before punctuation


def _runs_into_words(text: str, end: int) -> bool:
    """Does the sentence go on with a word after ``end`` (`Paris, Paris, Paris and Rome`)?"""
    return regex.match(r"[ \t\u00a0]+\p{L}", text[end:end + 3]) is not None


@register
class RepeatedPhrase(Rule):
    code = "MT106"
    needs_word_spaces = True
    name = "repeated-phrase"
    category = "repeated-word"
    fix_applicability = Applicability.UNSAFE
    what = ("Finds a phrase of two to four words written twice back to back (`at the at the "
            "station`), and a word or phrase said three times with commas between and running "
            "on into the sentence (`Paris, Paris, Paris and Rome`), or four times or more: the "
            "loops a decoder falls into. Not reported: a word or phrase said three times before "
            "punctuation (`Toc, toc, toc.`, `Go, go, go!`: emphasis, as human text writes it), "
            "a loop of the language's repeatable words (`no, no, no`), a two-word phrase of a "
            "word and a function word after it (its repetition holds a reduplication `X and X`: "
            "`waited and waited and`, `face to face to`), function words said twice before punctuation or "
            "another function word (Catalan `a més a més,`: an idiom; before the word they lead "
            "to, `at the at the station`, they are a loop), a phrase made of a smaller unit (`again and "
            "again and`, judged as that unit; one word is MT105's), a chain that runs on (`on "
            "and on and on`), a repetition in Title Case or whose second copy is capitalized "
            "where the first is not (`New York New York`), and a first copy with a capital "
            "mid-sentence that the second lacks (another reading).")
    why = "A decoder loop: the same words again, adding nothing; no editor leaves them."
    fix_safety = "Unsafe: the repetitions are removed, but a writer may have repeated a phrase on purpose."
    examples = (
        Example("en", "We waited ⟦at the at the⟧ station.", "We waited at the station."),
        Example("en", "They visited ⟦Paris, Paris, Paris⟧ and Rome.", "They visited Paris and Rome."),
        Example("de", "Wir warteten ⟦an dem an dem⟧ Bahnhof.", "Wir warteten an dem Bahnhof."),
        Example("en", "Prices rose ⟦sharply, sharply, sharply, sharply⟧.", "Prices rose sharply."),
        Example("es", "Esperamos ⟦en la en la⟧ estación.", "Esperamos en la estación."),
        Example("fr", "Nous avons attendu ⟦à la gare à la gare⟧ du nord.", "Nous avons attendu à la gare du nord."),
        Example("it", "Abbiamo aspettato ⟦alla stazione alla stazione⟧ centrale.", "Abbiamo aspettato alla stazione centrale."),
        Example("pt", "Esperamos ⟦na estação na estação⟧ central.", "Esperamos na estação central."),
        Example("nl", "We wachtten ⟦op het op het⟧ station.", "We wachtten op het station."),
        Example("ru", "Мы ждали ⟦на вокзале на вокзале⟧ долго.", "Мы ждали на вокзале долго."),
    )
    clean = (
        ("en", "It went on and on and on. No, no, no! Go, go, go! The song New York, New York."),
        ("en", "Bye bye, cheap cheap cheap, ha ha ha ha, and had had."),
        ("fr", "Nous nous sommes vus."),
        ("ca", "A més a més, van arribant. I a més a més de tot."),
        ("es", "Toc, toc, toc. ¡Vaya, vaya, vaya, grandullón! Y lo llamó una y otra vez."),
        ("en", "We waited and waited and then sat face to face to talk. Great Food Awesome food."),
    )

    def check(self, doc: Document, lang: Language) -> Iterable:
        text = doc.masked
        taken: list[tuple[int, int]] = []
        for m in _COMMA_LOOP.finditer(text):
            unit = m.group(1)
            if self._same_word(unit) and len(unit.split()) > 1 or lang.lower(unit) in lang.repeated_ok:
                continue
            if m.group(2).count(",") < MIN_LOOP - 1 and not _runs_into_words(text, m.end()):
                continue  # said three times, then punctuation: emphasis (`Toc, toc, toc.`, `Go, go, go!`)
            taken.append(m.span())
            yield self.finding(m.start(), m.end(), f"`{unit}` is said {m.group(2).count(',') + 1} times",
                               Fix.replace(m.end(1), m.end(), "", safe=False))
        pos = 0
        while (m := _PHRASE_TWICE.search(text, pos)) is not None:
            pos = m.start() + 1
            first, second = m.group(1), m.group(2)
            if any(s <= m.start() < e for s, e in taken) or self._same_word(first):
                continue
            words = first.split()
            if len({w.lower() for w in words}) == 2 and len(words) > 2:
                continue  # `again and again and`: a smaller unit said again, judged as that unit
            functions = [w.lower() in lang.glue_words for w in words]
            if len(words) == 2 and not functions[0] and functions[1]:
                continue  # `waited and waited and`, `face to face to`: a reduplication `X and X` inside
            if all(functions) and not self._content_follows(text, m.end(2), lang):
                continue  # `a més a més,`, `a més a més de`: an idiom of function words, maybe
            if first[0].islower() and second[0].isupper() or all(w[0].isupper() for w in second.split()):
                continue  # a title or name: `to New York New York`, `Reading Magnifier Reading`
            if first[0] != second[0] and not _sentence_start(text, m.start(1)):
                continue  # `Great Food Awesome food`: a capital mid-sentence, another reading
            if self._runs_on(text, m):
                continue  # `on and on and on`
            yield self.finding(m.start(1), m.end(2), f"`{first}` is repeated",
                               Fix.replace(m.end(1), m.end(2), "", safe=False))
            pos = m.end(2)

    @staticmethod
    def _content_follows(text: str, end: int, lang: Language) -> bool:
        """Does a word that is no function word, or a number, follow ``end`` (`at the at the
        station`, `hasta el hasta el 31`)? Then the repeated function words lead into it."""
        after = regex.match(r"[ \t\u00a0]+(\p{L}[\p{L}\p{M}]*|\p{N})", text[end:end + 40])
        return after is not None and (after.group(1).isdigit() or lang.lower(after.group(1)) not in lang.glue_words)

    @staticmethod
    def _same_word(phrase: str) -> bool:
        words = {w.lower() for w in phrase.split()}
        return len(words) == 1

    @staticmethod
    def _runs_on(text: str, m) -> bool:
        """Does the first word of the phrase follow it again (`on and on and on`), or did the
        phrase's last word come right before it (`and on and on`)?"""
        words = m.group(1).split()
        after = regex.match(r"[ \t\u00a0]+(\p{L}[\p{L}\p{M}]*)", text[m.end(2):m.end(2) + 40])
        before = regex.search(r"(\p{L}[\p{L}\p{M}]*)[ \t\u00a0]+$", text[max(0, m.start(1) - 40):m.start(1)])
        return bool(after and after.group(1).lower() == words[0].lower()
                    or before and before.group(1).lower() == words[-1].lower())
