"""Word and sentence segmentation: glued words, glued sentences, split words, tokenizer residue,
doubled words.

All decisions come from the target language's data: its lexicon (is this a word, how frequent),
its glue words (frequent words written in lower case mid-sentence, and the sides on which they
may be glued), whether it writes compounds as one word, and its bound endings (clitics).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import regex

from mtcheck.document import Document
from mtcheck.finding import Applicability, Fix
from mtcheck.languages import Language
from mtcheck.rules import Example, FixAvailability, Rule, register
from mtcheck.text.casing import WORD, is_mid_sentence
from mtcheck.text.glue import ARTIFACT, KNOWN, MAX_ZIPF, camel_reading, known, split_token

# The same, or the word after an elided article or preposition (French `l'usinepar`, Italian
# `dell'annoin`): the part after the apostrophe is a word of its own.
WORD_OR_ELIDED = regex.compile(
    WORD.pattern + r"|(?<=(?<![\p{L}\p{M}\p{N}_'’\-./@#&\ue000])\p{L}{1,4}['’])(\p{L}[\p{L}\p{M}]*)"
    r"(?![\p{L}\p{M}\p{N}_'’\-/@\ue000]|\.\p{L})"
)
# One lower-case run followed by one capitalized run: injuredThey, dieSoldaten, inRiga, and a
# capital alone (Russian искусстваА, полкаВ) or one letter before it (вБеверли, иЯн):
# camel_reading takes a single letter only as a glue word.
CASE_GLUE = regex.compile(r"^(\p{Lu}?\p{Ll}+)(\p{Lu}\p{Ll}*)$")
# In lower case, or with a capital first letter only. Letters without case (Arabic, Hebrew,
# Devanagari, Hangul) are not judged: there clitics and particles are written with the word
# (Hebrew `בבית`, Korean `학교에서`), and an unknown token reads as two words far too often
# (benchmarks/segmentation.py, docs/benchmarks.md).
PLAIN = regex.compile(r"^\p{Lu}?[\p{Ll}\p{M}]+$")

MIN_GLUED_LENGTH = 4
MAX_LISTED = 2 * MAX_ZIPF - ARTIFACT  # a listed token more frequent than this is a word
# A glue word glued to a capitalized word (`enFrance`) is listed by wordfreq at a low frequency
# (web text has the artifact too, Zipf 1.5); a brand in CamelCase (`YouTube`) is frequent.
MAX_LISTED_CAMEL = 2.0


@register
class MergedWords(Rule):
    code = "MT101"
    needs_word_spaces = True
    name = "merged-words"
    category = "merged-words"
    fix_availability = FixAvailability.ALWAYS
    what = ("Finds two words written without the space between them: a token that reads as two "
            "words (`disappearedin`, `Accordingto`, `Bristolin`, French `l'usinepar`), or a "
            "lower-case word glued to a capitalized one that is no sentence start (`inRiga`, "
            "Spanish `delGobierno`, Russian `вБеверли`: an article or a preposition never ends a "
            "sentence; first in a sentence also capitalized, `TheSaudi`, unsafe). The token "
            "must be unknown to the lexicon, or no more frequent than a glue artifact of its parts "
            "is (wordfreq lists `withthe`). It is split at a function word of the language on a "
            "side where that word stands alone, unless words like the other part often take it "
            "as an ending or a prefix (Portuguese `trabalhadoras` is one word: words in `-dor` "
            "take `-as`), it begins or ends many compounds (Dutch `deel`), or the token is one "
            "edit from a more probable word (`delvery`). Without a function word both parts must "
            "be frequent words that the lexicon does not join into compounds; in a language that "
            "writes compounds, also words like the left one must seldom begin one (German "
            "`Verteidigungsministerium`, Norwegian `sisterunden` stay whole; Russian "
            "`изучатьлитературу` splits). A capitalized token next to another capitalized word is "
            "part of a name (`Jorge Alarte`), unless the language capitalizes every noun; "
            "mid-sentence a capitalized token splits only after a name or a frequent word, at a "
            "function word. Brands with inner capitals (`iPhone`, `PayPal`), URLs, e-mail "
            "addresses, handles, hashtags and schemes (`mailto:`) are not judged, nor are "
            "languages whose script has no case (Arabic, Hebrew, Hindi, Korean): there clitics "
            "and particles are written with the word.")
    why = ("Machine translation and the pipelines around it lose spaces at tag and segment "
           "boundaries; no human writes these tokens.")
    fix_safety = ("The fix inserts the space. Safe when one part is a function word on a side "
                  "where it stands alone (`disappeared in`, `According to`, `del Gobierno`); "
                  "unsafe when the reading is only probable: two content words, a function word "
                  "on its other side (Russian `в городе`), a content word "
                  "glued to a capitalized one where the sentence may have ended too "
                  "(`visitedRiga`). A rare word that the lexicon lacks can read as two words, one "
                  "of them a function word, and get a safe fix all the same (Spanish `merodeó` as "
                  "`me rodeó`): review `mtcheck fix --diff` on text with rare vocabulary.")
    examples = (
        Example("en", "troops have ⟦disappearedin⟧ the port city", "troops have disappeared in the port city"),
        Example("en", "the talks ⟦inRiga⟧ ended", "the talks in Riga ended"),
        Example("en", "⟦Accordingto⟧ the ministry, the troops left.", "According to the ministry, the troops left."),
        Example("en", "The shelling of ⟦Bristolin⟧ the south went on.", "The shelling of Bristol in the south went on."),
        Example("en", "They spent the ⟦moneyon⟧ food and ⟦mustbe⟧ careful.", "They spent the money on food and must be careful."),
        Example("de", "Am Montag haben sich ⟦dieSoldaten⟧ ergeben.", "Am Montag haben sich die Soldaten ergeben."),
        Example("de", "Die Soldaten ⟦ergabensich⟧ am Montag.", "Die Soldaten ergaben sich am Montag."),
        Example("de", "Die ⟦Regierungund⟧ die Armee standen ⟦imRegen⟧.", "Die Regierung und die Armee standen im Regen."),
        Example("es", "los soldados se ⟦rindieronen⟧ la ciudad", "los soldados se rindieron en la ciudad"),
        Example("es", "⟦Segúnel⟧ ministerio, la sede ⟦delGobierno⟧ está cerrada.", "Según el ministerio, la sede del Gobierno está cerrada."),
        Example("fr", "les soldats se sont ⟦rendusdans⟧ la ville", "les soldats se sont rendus dans la ville"),
        Example("fr", "La production de l'⟦usinepar⟧ jour a doublé, selon les élus ⟦duParti⟧ socialiste.",
                "La production de l'usine par jour a doublé, selon les élus du Parti socialiste."),
        Example("it", "i soldati sono ⟦arrivatinella⟧ città", "i soldati sono arrivati nella città"),
        Example("it", "I dati dell'⟦annoin⟧ corso ⟦delGoverno⟧ sono buoni.", "I dati dell'anno in corso del Governo sono buoni."),
        Example("pt", "os soldados se ⟦renderamna⟧ cidade", "os soldados se renderam na cidade"),
        Example("pt", "⟦Nacidade⟧, os soldados ⟦doExército⟧ renderam-se.", "Na cidade, os soldados do Exército renderam-se."),
        Example("nl", "de soldaten hebben zich ⟦overgegevenin⟧ de stad", "de soldaten hebben zich overgegeven in de stad"),
        Example("nl", "De soldaten ⟦zijnin⟧ de stad.", "De soldaten zijn in de stad."),
        Example("nl", "⟦Volgenshet⟧ ministerie is de stad gevallen.", "Volgens het ministerie is de stad gevallen."),
        Example("ru", "солдаты ⟦сдалисьв⟧ городе", "солдаты сдались в городе"),
        Example("ru", "⟦Вгороде⟧ шли бои всю ночь.", "В городе шли бои всю ночь.", applicability=Applicability.UNSAFE),
    )
    clean = (
        ("de", "Das Verteidigungsministerium meldete den Kriegsgefangenenaustausch."),
        ("de", "Der Bundesverkehrsminister und die Landesregierung stimmten dem Autobahnausbau zu."),
        ("en", "She bought an iPhone on eBay and paid with PayPal, then watched YouTube at McDonald's."),
        ("en", "Write to press@example.com or see www.example.com/disappearedin and #inRiga"),
        ("en", "Send it to mailto:press@example.com today."),
        ("en", "The minister Jorge Alarte met Ellen Allien and LinkedIn staff."),
        ("es", "Quiero decírselo y comprarlos mañana."),
        ("fr", "L'essentielle question de l'apprentissage reste ouverte."),
        ("it", "Vorrei dirglielo e comprarli domani."),
        ("nl", "De Tweede Kamer sprak over het verkiezingsprogramma en de IJssel."),
        ("nl", "Het honkbalteam en de gastlanden kregen een onderdeel van de zorgverzekering."),
        ("pt", "As trabalhadoras e os jogadores possibilitaram a vitória."),
        ("ru", "Переговоры в Москве продолжились во вторник."),
        ("ru", "Новый газопровод, подбассейн реки и небелое вино."),
    )

    def runs_on(self, language: Language) -> bool:
        """Only where the script has case (the letters of segmentation.txt's alphabet, or of the
        glue words where there is no lexicon)."""
        letters = language.segmentation.alphabet or "".join(language.glue_words)
        return any(c != c.upper() for c in letters)

    def check(self, doc: Document, lang: Language) -> Iterable:
        text = doc.masked
        for m in WORD_OR_ELIDED.finditer(text):
            start, end = m.span()
            token = m.group()
            if len(token) < MIN_GLUED_LENGTH or text.startswith(":", end) and text[end + 1:end + 2].strip():
                continue  # `mailto:`, `tel:`: a scheme or a label, not a word
            whole = lang.zipf(token)
            if whole > MAX_LISTED:
                continue  # a word: as frequent as no glue artifact of two words is (text/glue.py)
            written = token
            if whole == 0:
                token = _homoglyphs_folded(token, lang)
                if token != written and lang.zipf(token) > 0:
                    continue  # a homoglyph in a word: MT305's alone
            case = CASE_GLUE.match(token)
            if case:
                if whole > MAX_LISTED_CAMEL:
                    continue  # a brand written so (`YouTube`): web text has it often
                reading = camel_reading(lang, *case.groups())
                if reading is None or reading.sentence or whole > 0 and not reading.certain:
                    continue  # a sentence start: MT102 reports it; CamelCase brands stay quiet
                if reading.left[0].isupper() and (is_mid_sentence(text, start) or _next_to_a_capital(text, start, end)):
                    # `TheSaudi` first in a sentence; elsewhere a name's particle (`Charles
                    # LaBella`) or a brand (`the MyNumber card`)
                    continue
                left, right, certain = reading.left, reading.right, reading.certain
            elif PLAIN.match(token):
                if token[0].isupper() and not lang.capitalized_nouns and _next_to_a_capital(text, start, end):
                    continue  # one word of a name (`Jorge Alarte`, `Ellen Allien`) or a title
                split = split_token(lang, token, token[0].isupper() and is_mid_sentence(text, start))
                if split is None:
                    continue
                left, right, certain = split.left, split.right, split.certain
            else:
                continue
            if _doubles_a_neighbour(text, start, end, left, right):
                continue  # `alle alledeze deze`: the split would make MT105's stutter, not a word
            if _half_of_a_word(lang, text, start, end):
                continue  # `opze ggen`: one word split (MT103's), not two glued
            # A homoglyph in it is repaired by the same edit (else MT305's fix unveils this one).
            fix = Fix.replace(start + len(left), start + len(left), " ", safe=certain) if token == written \
                else Fix.replace(start, end, f"{left} {right}", safe=certain)
            yield self.finding(start, end, f"`{written}` looks like two words glued: `{left} {right}`", fix)


@register
class MissingSentenceBoundary(Rule):
    code = "MT102"
    needs_word_spaces = True
    name = "glued-sentences"
    category = "missing-sentence-boundary"
    what = ("Finds a word glued to the capitalized first word of the next sentence "
            "(`injuredThey`, Russian `полкаВ`, a one-letter word that is a function word): the "
            "period and the space were lost. The capitalized part must "
            "be a word the language writes in lower case mid-sentence (not a name, not a "
            "German noun), and the first part a word that can end a sentence: an article or a "
            "preposition never does, so Spanish `delGobierno` and French `laLigue` are glued "
            "words (merged-words), not sentences. The first part must be a known word, or a "
            "word of five letters or more before a function word (`volantearEl`). A capitalized "
            "word with an inner capital (`SkyUp`, `FritzBox`) is a brand and stays quiet, "
            "unless its second part is a function word of three letters or more (German "
            "`VerletzteDie`).")
    why = "Two sentences read as one, and the glued token is not a word."
    fix_safety = ("The fix inserts `. `. Safe when the capitalized part is a function word "
                  "(`They`), which can only start a sentence, and the first part a known word; "
                  "unsafe when it is another word (`Several`), which could begin a name, or when "
                  "the first part is unknown.")
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
    clean = (("en", "Visit McDonald's and LinkedIn today."), ("de", "Die Soldaten ergaben sich."),
             ("es", "La sede delGobierno está cerrada."), ("fr", "Elle est entrée dans laLigue."),
             ("de", "Sie standen imRegen."), ("it", "Il portavoce delGoverno ha parlato."))

    def check(self, doc: Document, lang: Language) -> Iterable:
        for m in WORD_OR_ELIDED.finditer(doc.masked):  # `l'événementEn` too
            case = CASE_GLUE.match(m.group())
            if not case or lang.zipf(m.group()) > 0:
                continue
            reading = camel_reading(lang, *case.groups())
            if reading is None or not reading.sentence:
                continue
            cut = m.start() + len(reading.left)
            yield self.finding(
                m.start(), m.end(),
                f"`{m.group()}` glues two sentences: `{reading.left}. {reading.right}`",
                Fix.replace(cut, cut, ". ", safe=reading.certain),
            )


@register
class SplitWord(Rule):
    code = "MT103"
    needs_word_spaces = True
    name = "split-word"
    category = "split-word"
    fix_applicability = Applicability.UNSAFE
    what = ("Finds one word broken in two by a space (`govern ment`): the joined form is a "
            "frequent word, and one piece is no word, or both are ten times rarer than the whole, or "
            "one is a hundred times rarer (`tick ets`, `indus try`).")
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
    MARGIN = 1.0  # the joined word must be 10× more frequent than its most frequent piece,
    RARE_PIECE = 2.0  # or 100× more frequent than its rarer one (`tick ets`, `indus try`)

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
            if min(pieces) > 0 and joined < max(pieces) + self.MARGIN and min(pieces) > joined - self.RARE_PIECE:
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


_CAPITAL_BEFORE = regex.compile(r"\p{Lu}[\p{L}\p{M}]*[ \t\u00a0]$")
_CAPITAL_AFTER = regex.compile(r"[ \t\u00a0]\p{Lu}")


def _next_to_a_capital(text: str, start: int, end: int) -> bool:
    """Is the word at ``text[start:end]`` next to a capitalized word, on the same line (a run of
    names, a title)?

    >>> _next_to_a_capital("Jorge Alarte, que", 6, 12), _next_to_a_capital("in Bristolin the", 3, 12)
    (True, False)
    """
    return bool(_CAPITAL_BEFORE.search(text, max(0, start - 40), start) or _CAPITAL_AFTER.match(text, end))


@lru_cache(maxsize=None)
def _foreign_letters(script: str):
    return regex.compile(rf"[^\P{{L}}\p{{{script}}}]")


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
    odd = set(_foreign_letters(lang.script).findall(token))
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


def _half_of_a_word(lang: Language, text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` one piece of a word split by a space: joined with the word before
    or after it, a known word (Dutch `opze ggen` is `opzeggen`, not `op ze ggen`)?"""
    token = text[start:end]
    before = regex.search(r"(\p{L}+)[ \t\u00a0]$", text[max(0, start - 40):start])
    after = regex.match(r"[ \t\u00a0](\p{L}+)", text[end:end + 40])
    return bool(before and known(lang, before.group(1) + token) or after and known(lang, token + after.group(1)))


@register
class RepeatedWord(Rule):
    code = "MT105"
    needs_word_spaces = True
    name = "repeated-word"
    category = "repeated-word"
    what = ("Finds a word written twice in a row (`the the`, also across one line break: a "
            "subtitle's `the⏎the`), except where the context or the "
            "language makes the doubling grammatical. Context: a word the language lists as doubling "
            "where it opens a clause (`repeated_opening_clause`), right after a comma, semicolon, "
            "colon, dash or bracket and at most one function word (German `die Frau, die die Zeitung las`, `für die die`, `dass sie sie "
            "sah`: a relative pronoun or conjunction, then an article or pronoun); a first word "
            "capitalized mid-sentence before the same word in lower case (German `sein Leben "
            "leben`, `Haben Sie sie gesehen`: a noun or the polite pronoun, then a verb or "
            "pronoun), or at a sentence start where the casing data knows the capitalized word "
            "as a name (`May may come`); a word whose doubling the language allows only in a "
            "context (`repeated_context`: English `is is` after a wh-word or `all`, `What it "
            "is is`; `that that` unless a determiner follows, `that that is` but not `that "
            "that this`). Language: its list of words whose doubling is "
            "grammatical anywhere (`had had`, French `nous nous`). Not reported "
            "either: a word said three times (`cheap cheap cheap`, emphasis), a doubling "
            "before a dash or an ellipsis (`the the—`, a stammer), a second word that is "
            "capitalized (`de De la Fuente`, a name), and, with a source, a doubling where the "
            "source of the unit doubles a word too (`Knock knock` → `Toc toc`, a title's "
            "`Really Really`).")
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
        Example("en", "The price ⟦is is⟧ higher than last year.", "The price is higher than last year."),
        Example("en", "I think ⟦that that⟧ this plan will work.", "I think that this plan will work."),
        Example("en", "She said that ⟦the\nthe⟧ plan works.", "She said that\nthe plan works."),
    )
    clean = (("en", "He had had enough; he said that that was all. It is cheap cheap cheap. What it is is a scam."),
             ("fr", "Nous nous sommes rendus."), ("de", "Die Frau, die die Zeitung las."),
             ("de", "Er will sein Leben leben, für die die Stadt sorgt. Haben Sie sie gesehen?"),
             ("de", "Sie wussten nicht, dass sie sie sahen, in der der Rat tagte."),
             ("en", "May may come too, and Will will help."),
             ("es", "Los pilotos de De la Fuente."), ("nl", "Tijd om om te kijken."),
             ("pt", "Um som, se se preferir."))
    # Only pairs whose second word repeats the first, ignoring case (a back-reference), so the
    # engine, not Python, skips the other word pairs.
    # The gap: spaces (a no-break one too), or one line break (a subtitle's or a wrapped
    # paragraph's: `the\nthe`; a blank line ends the paragraph), and the invisible characters
    # MT304 removes, so that MT304's fix does not unveil a doubling for the next pass
    # (`mejor\u200e mejor`).
    GAP = (r"[\u200b-\u200f\u2060\ufeff\u00ad]*[ \t\u00a0]*(?:[ \t\u00a0]|\r?\n)"
           r"[ \t\u00a0\u200b-\u200f\u2060\ufeff\u00ad]*")
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
            context = lang.repeated_context.get(second)
            if context is not None and self._grammatical_here(text, m, context):
                continue  # `What it is is`, `that that is`: the context gives the two roles
            if first != second and self._another_word(text, m.start(1), second, lang):
                continue  # `sein Leben leben`, `Haben Sie sie`: a noun, a name, the polite pronoun
            if second in lang.repeated_opening_clause and self._opens_clause(text, m.start(1), lang):
                continue  # `die Frau, die die Zeitung`, `dass sie sie sah`: two roles, not a stutter
            if self._tripled(text, m) or self._tripled_before(text, m):
                continue
            if text[m.end(3):m.end(3) + 1] in ("…", "-", "—", "–") or text.startswith("...", m.end(3)):
                continue  # a stammer or a self-correction: "la la… del borde", "the the—"
            if doc.source and self._source_repeats(doc, m.start(1)):
                continue  # `Really Really` → `Really really`: the translation keeps the source's doubling
            safe = second in lang.glue_words
            yield self.finding(m.start(1), m.end(3), f"`{first}` is repeated", self._fix(text, m, safe))
            pos = m.end(3)

    def _source_repeats(self, doc: Document, offset: int) -> bool:
        """Does the source of the unit at ``offset`` write a word twice too (`very very`, a title's
        `Really Really`)? Then the translation's doubling renders it: a decoder's stutter has no
        counterpart in the source.

        >>> rule = RepeatedWord()
        >>> rule._source_repeats(Document("Es muy muy caro.", "es", source="It is very very dear."), 3)
        True
        >>> rule._source_repeats(Document("Es muy muy caro.", "es", source="It is very dear."), 3)
        False
        """
        source = doc.source_at(offset)
        return bool(source) and any(m.group(1).lower() == m.group(3).lower() for m in self.PATTERN.finditer(source))

    @staticmethod
    def _fix(text: str, m, safe: bool) -> Fix:
        """Drop the second word; across a line break, the first word and the spaces before it,
        so that the line break stays where it was (a subtitle's lines keep their length):
        `that the\nthe plan` → `that\nthe plan`."""
        start = m.start(1)
        if "\n" in m.group(2) and start > 0 and text[start - 1] in " \t\u00a0":
            while start > 0 and text[start - 1] in " \t\u00a0":
                start -= 1
            return Fix.replace(start, m.end(1), "", safe=safe)
        return Fix.replace(m.end(1), m.end(3), "", safe=safe)

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

    # The words of the sentence before a pair, up to its last sentence mark (a reverse match).
    _SENTENCE_BEFORE = regex.compile(r"(?r)[^.!?;:\n]*")
    CONTEXT_WORDS = 6  # how far back `after` looks: `What the plan really is is`

    def _grammatical_here(self, text: str, m, context: dict) -> bool:
        """Is the doubling at ``m`` grammatical in its context (``[words.repeated_context]``):
        after one of ``after`` within the sentence's words before it, and not before one of
        ``not_before``?"""
        if "after" in context:
            before = self._SENTENCE_BEFORE.match(text, max(0, m.start(1) - 200), m.start(1)).group()
            words = [w.lower() for w in regex.findall(r"\p{L}+", before)][-self.CONTEXT_WORDS:]
            if not context["after"] & set(words):
                return False
        if "not_before" in context:
            after = self._AFTER.match(text, m.end(3))
            if after is not None and after.group(1).lower() in context["not_before"]:
                return False
        return True

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


# A word, the masks of one or more inline tags, a word: what a page shows as one token.
_ACROSS_TAG = regex.compile(r"(?<![\p{L}\p{M}\p{N}'’\-])(\p{L}[\p{L}\p{M}]*)(\ue000+)(\p{L}[\p{L}\p{M}]*)(?![\p{L}\p{M}\p{N}'’\-])")
_TAGS = regex.compile(r"(?:<(/?)[A-Za-z][\w:.-]*(?:\s[^<>]*)?/?>)+")


@register
class GluedAtTag(Rule):
    code = "MT107"
    needs_word_spaces = True
    name = "glued-at-tag"
    category = "merged-words"
    what = ("Finds two words with an inline tag between them and no space on either side "
            "(`<b>arrived</b>in`, `five<i>million`): the page shows them as one word. Judged as "
            "MT101 judges a glued token, on the two words joined; a tag inside one word "
            "(`<b>Bundes</b>regierung`, `<i>iPhone</i>s`) is left alone.")
    why = "A space lost at a link or a bold word when MT or a CMS rebuilt the markup."
    fix_safety = ("Safe where MT101's reading is certain: a space is written outside the element "
                  "(after a closing tag, before an opening one), the tags untouched.")
    examples = (
        Example("en", "They have <b>arrived</b>⟦in⟧ the city.", "They have <b>arrived</b> in the city.", html=True),
        Example("de", "Er zahlte 5 <i>Millionen</i>⟦für⟧ das Haus.", "Er zahlte 5 <i>Millionen</i> für das Haus.", html=True),
        Example("en", "He paid ⟦five⟧<i>million</i> dollars.", "He paid five <i>million</i> dollars.", html=True,
                applicability=Applicability.UNSAFE),
        Example("es", "Los soldados <b>entraron</b>⟦en⟧ la ciudad.", "Los soldados <b>entraron</b> en la ciudad.", html=True),
        Example("fr", "Les soldats sont <b>arrivés</b>⟦dans⟧ la ville.", "Les soldats sont <b>arrivés</b> dans la ville.", html=True),
        Example("it", "I soldati sono <b>arrivati</b>⟦nella⟧ città.", "I soldati sono <b>arrivati</b> nella città.", html=True),
        Example("nl", "De soldaten zijn <b>aangekomen</b>⟦in⟧ de stad.", "De soldaten zijn <b>aangekomen</b> in de stad.", html=True),
        Example("pt", "Os soldados <b>chegaram</b>⟦na⟧ cidade.", "Os soldados <b>chegaram</b> na cidade.", html=True),
        Example("ru", "Солдаты <b>прибыли</b>⟦в⟧ город.", "Солдаты <b>прибыли</b> в город.", html=True),
    )
    # As HTML in tests/test_html.py: these are plain text here, where no tag is masked.
    clean = (
        ("en", "<p>The <b>arrival</b> of <i>iPhone</i>s and <b>re</b>writes.</p>"),
        ("de", "<p>Die <b>Bundes</b>regierung tagte.</p>"),
    )

    def runs_on(self, language: Language) -> bool:
        # MT101's reading decides, so where a language turns MT101 off (its readings are not
        # reliable there: language.toml says why), this rule is off too.
        return MergedWords.code not in language.rules_off

    def check(self, doc: Document, lang: Language) -> Iterable:
        text = doc.masked
        if "\ue000" not in text:
            return
        for m in _ACROSS_TAG.finditer(text):
            tags = _TAGS.fullmatch(doc.text, m.start(2), m.end(2))
            if tags is None:
                continue  # a placeholder or another mask, not markup
            left, right = m.group(1), m.group(3)
            split = split_token(lang, left + right, mid_sentence=is_mid_sentence(text, m.start(1)))
            if split is None or len(split.left) != len(left):
                continue  # one word across the tag, or a reading that cuts elsewhere
            closing = tags.group(1) == "/"  # the first tag: `</b>in` ends an element, `five<i>` opens one
            at, (start, end) = (m.end(2), m.span(3)) if closing else (m.start(2), m.span(1))
            yield self.finding(start, end, f"`{left}` and `{right}` are glued at a tag: the page shows `{left}{right}`",
                               Fix.replace(at, at, " ", safe=split.certain))
