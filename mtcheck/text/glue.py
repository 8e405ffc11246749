"""How a token that is no word reads as two words glued: the analysis behind MT101 and MT102.

Everything comes from the language's data: its lexicon (is this a word, how frequent), its glue
words (frequent words written in lower case mid-sentence, and the sides on which a lost space
may be assumed next to them), its segmentation data (where a glue word is an ending or a prefix
rather than a word, and whether it can end a sentence), whether it writes compounds as one
word, and its bound endings and prefixes.

A token splits at a glue word when the glue word stands on a side it may be glued on and the
other part is a known word that does not, with the glue word, make one of the language's
regular forms: ``moneyon`` is ``money on`` (no frequent English word ending in ``-ey`` takes
``-on``), Portuguese ``trabalhadoras`` is one word (words in ``-dor`` take ``-as``). Without a
glue word both parts must be frequent words and the language must not write compounds.
"""

from __future__ import annotations

from dataclasses import dataclass

from mtcheck.languages import Language, get_language

# Frequency thresholds (Zipf: log10 of occurrences per billion words).
KNOWN = 3.0  # a content word frequent enough to be one side of a glued pair
PAIR = 3.5  # each of two content words glued without a glue word
COMPOUND_PAIR = 3.5  # the same in a language that writes compounds
COMPOUND_SCAN = 400
# Where the language writes compounds, two content words are read in a token only when words
# ending like the left one seldom begin a compound (Russian `изучать` + `литературу`: an
# infinitive begins none; Norwegian `siste` + `runden` is `sisterunden`, a compound).
# (Tuned on the tuning half: 0.05 → 0.15 found 0.01–0.03 more glued words in ru, nl, de, cs, pl,
# id with no finding more on the human text of quiet.py once English loanwords stay whole; 0.2
# split a Polish conditional, `zwolniłoby`.)
COMPOUND_START = 0.15
NEVER_FINAL_USES = 50  # a word shown never to end a sentence on this many treebank uses is a function word
MAX_COMPOUNDS = 15  # a glue word in more compounds than this (on a side) is a content word there
MAX_COMPOUNDS_COMPOUNDING = 2  # where the language writes compounds, fewer make a compound's part
FREQUENT = 4.5  # a very frequent word, allowed a few longer words starting with it
MAX_STEM_WORDS = 3
# A glued form wordfreq lists all the same (web text has `withthe`, 2.0, `ofthe`, 3.3): it reads
# as two words when it is no more frequent than an artifact of its parts would be. Two words
# side by side are about as frequent as the product of their frequencies (Zipf: the sum, less
# 9), and web text loses that space about once in 3,000 times (3.5): Zipf(l) + Zipf(r) - 12.5,
# with one of margin. `meas` (2.2) and `forgone` (2.2) are rarer parts' words, not artifacts.
ARTIFACT = 11.5
# A misspelling of a frequent word reads as two words all the same (`delvery`: `del very`): a
# reading is dropped when the token is one edit away from a word more probable than the pair,
# a typo costing 1.0 Zipf (tuned on the tuning half of the treebanks).
# A capitalized token is most often a name: it reads as two words only when they are frequent
# together (Zipf sum), or when its left part is a name of the casing data.
CAPITAL_PAIR = 11.5
# A sentence's first word is capitalized because it comes first, not because it is a name: there
# a glue word that leads it (`Ourserver`, `Вэтом`) needs a smaller Zipf sum (tuned on the tuning
# half: 11.5 kept 0.35 of the capital-initial glues; 10 finds ~0.1 more in en, ru, pl). A glue
# word on the right is no such evidence: a name often ends in one (`Kayel` is no `Kay el`,
# `Dirken` no `Dirk en`), nor is a right part that is a name written in lower case (`Unalaska`)
# or a word of three letters (Portuguese `Seage`, a name, is no `Se age`).
START_PAIR = 10.0
# Two content words glued first in a sentence (Russian `Каждаяпартия`, `Окончилотделение`) are
# read there when both are this frequent (tuned: +0.02 of glued words in ru, +0.01 in pt, no
# finding more on the human text of quiet.py).
START_CONTENT = 4.0
PAIR_COST = 9.0
MAX_ZIPF = 8.0  # no word is more frequent (English `the`: 7.7)
MAX_GLUE = 6  # glue words have at most six letters (scripts/build_language_data.py)
TYPO_COST = 1.0
# A glue word that, after words with the same last letters (or before words with the same
# first letters), forms a word this often is an ending or a prefix there (segmentation.txt).
AFFIX_SHARE = 0.1
NAME_AFFIX_SHARE = 0.2  # the same after a name of the casing data, which takes fewer endings
# A glue word on a side it is not glued on (glue_words.txt: English `a`, Spanish `de` before a
# word, Russian `в` before one form many words there) is one only where it forms far fewer.
STRICT_AFFIX_SHARE = 0.02
STRICT_KNOWN = 3.5
LISTED_ARTIFACT = 2.0  # how often web text writes a glue of two function words (Dutch `opde`: 2.0)
MIN_LENGTH = 4  # shorter tokens (`tobe`, `dela` are four letters) are abbreviations and names
SHORT_TOKEN = 40  # a token this short is split at every point
_LONGEST: dict[str, int] = {}  # language → length of its longest lexicon or glue word


@dataclass(frozen=True)
class Split:
    """Two words read in a token: as written, and whether the reading is certain (a glue word
    on a side it may be glued on) or only probable (two content words)."""

    left: str
    right: str
    certain: bool


def glue(lang: Language, part: str, side: str) -> bool:
    """Is ``part`` (any case) a glue word that may stand on ``side`` (L or R) of a lost space?

    >>> from mtcheck.languages import get_language
    >>> en = get_language("en")
    >>> glue(en, "the", "L"), glue(en, "in", "L"), glue(en, "in", "R")
    (True, False, True)
    """
    sides = lang.glue_words.get(lang.lower(part))
    return sides is not None and side in sides


def known(lang: Language, part: str, floor: float = KNOWN) -> bool:
    return lang.zipf(part) >= floor and (len(part) >= 3 or lang.lower(part) in lang.glue_words)


def stem_free(lang: Language, word: str) -> bool:
    """A word that takes no endings: no longer lexicon word starts with it (a very frequent word
    may have a few: ``city`` → ``citywide``)."""
    limit = MAX_STEM_WORDS if lang.zipf(word) >= FREQUENT else 0
    return lang.words_starting(lang.fold(word), limit + 1) <= limit


def tail_free(lang: Language, word: str) -> bool:
    """A word that ends no longer lexicon word (a very frequent one may end a few)."""
    limit = MAX_STEM_WORDS if lang.zipf(word) >= FREQUENT else 0
    return lang.words_ending(lang.fold(word), limit + 1) <= limit


def split_points(lang: Language, token: str) -> range:
    """Where ``split_token`` cuts ``token``: everywhere in a short token; in a longer one only
    where both parts are short enough to be words, so a token of a million letters is not sliced
    at every point (quadratic).

    >>> from mtcheck.languages import get_language
    >>> split_points(get_language("en"), "disappearedin")
    range(1, 13)
    >>> len(split_points(get_language("en"), "a" * 1_000_000))
    0
    """
    if len(token) <= SHORT_TOKEN:
        return range(1, len(token))
    if lang.code not in _LONGEST:  # reads the whole lexicon: only a long token gets here
        _LONGEST[lang.code] = max(map(len, [*lang.lexicon, *lang.glue_words]), default=0)
    longest = _LONGEST[lang.code]
    return range(max(1, len(token) - longest), min(len(token), longest + 1))


_SPLITS: dict[tuple[str, str, bool], Split | None] = {}
MAX_CACHED = 200_000  # readings kept (a document repeats its words); the cache is emptied past it


def split_token(lang: Language, token: str, mid_sentence: bool = False) -> Split | None:
    """The most probable two-word reading of ``token``, written in lower case or with a
    capital first letter only; None when it reads as one word.

    The token must be unknown to the lexicon, or (in lower case) rare and much rarer than its
    parts. A capitalized token that the casing data lists as a name stays whole. Mid-sentence
    (``mid_sentence``) a capitalized token is a name or starts with one: it splits only at a
    glue word on the right (``Bristolin``), a capitalized word that starts with a glue word
    being too often a name (``Attwood``); a sentence's first word is read as in lower case.

    >>> from mtcheck.languages import get_language
    >>> en = get_language("en")
    >>> split_token(en, "disappearedin"), split_token(en, "Accordingto")
    (Split(left='disappeared', right='in', certain=True), Split(left='According', right='to', certain=True))
    >>> split_token(en, "withthe"), split_token(en, "into")
    (Split(left='with', right='the', certain=True), None)
    >>> split_token(get_language("de"), "kriegsgefangenenaustausch") is None
    True
    """
    key = (lang.code, token, mid_sentence)
    if key not in _SPLITS:
        if len(_SPLITS) >= MAX_CACHED:
            _SPLITS.clear()
        _SPLITS[key] = _split_token(lang, token, mid_sentence)
    return _SPLITS[key]


def _split_token(lang: Language, token: str, mid_sentence: bool) -> Split | None:
    if len(token) < MIN_LENGTH:
        return None
    capitalized = token[0].isupper()
    whole = lang.zipf(token)
    if whole > 0 and (capitalized and mid_sentence or whole > 2 * MAX_ZIPF - ARTIFACT
                      or not _glue_edge(lang, token, whole)):
        return None
    if capitalized and _is_name(lang, token):
        return None
    best, best_score = None, 0.0
    for i in split_points(lang, token):
        left, right = token[:i], token[i:]
        reading = _reading(lang, left, right, capitalized, capitalized and mid_sentence)
        if reading is None:
            continue
        z_left, z_right = lang.zipf(left), lang.zipf(right)
        if whole > 0 and whole > z_left + z_right - ARTIFACT:
            continue
        score = z_left + z_right
        if capitalized and score < CAPITAL_PAIR and not _is_name(lang, left) and (
                mid_sentence or not _first_word_glue(lang, left, right, reading)):
            continue
        if score > best_score:
            best, best_score = Split(left, right, reading), score
    if best is not None and typo_of(lang, token, len(best.left)) - TYPO_COST > best_score - PAIR_COST:
        return None
    if best is not None and best.certain is False and _english_loanword(lang, token):
        return None
    return best


def _english_loanword(lang: Language, token: str) -> bool:
    """Is ``token`` an English word, taken into another language whole (Indonesian or German
    `storyboard`, `motocross`)? Its parts are often words of that language's lexicon too (web
    text mixes in English), so without a glue word to vouch for the split it stays whole."""
    if lang.code == "en":
        return False
    return get_language("en").zipf(token) > LISTED_ARTIFACT  # `storyboard` 2.6, `typeset` 2.2


def _leads(lang: Language, left: str) -> bool:
    """Is ``left`` a glue word that may be glued to the word after it (English `our`, `in`)?"""
    return "L" in (lang.glue_words.get(lang.lower(left)) or "")


def _first_word_glue(lang: Language, left: str, right: str, reading: bool) -> bool:
    """May a sentence's first word, capitalized for its place, be read as ``left right`` on less
    than a capitalized word needs (CAPITAL_PAIR)? With a glue word leading it (START_PAIR), or as
    two content words that are both frequent (START_CONTENT: Russian `Каждаяпартия`); never when
    ``right`` is a name or a glue word, which names end in (`Unalaska`, `Kayel`).

    >>> from mtcheck.languages import get_language
    >>> en = get_language("en")
    >>> _first_word_glue(en, "Our", "server", True), _first_word_glue(en, "Kay", "el", True)
    (True, False)
    """
    if _is_name(lang, right) or len(right) < 4:
        return False
    z_left, z_right = lang.zipf(left), lang.zipf(right)
    if _leads(lang, left):
        return reading and z_left + z_right >= START_PAIR
    return reading is False and lang.lower(right) not in lang.glue_words and min(z_left, z_right) >= START_CONTENT


def _glue_edge(lang: Language, token: str, whole: float) -> bool:
    """Could a listed token be an artifact of two words (see ARTIFACT)? Both would be among the
    most frequent words, so at least one a glue word at the token's start or end."""
    floor = whole + ARTIFACT - MAX_ZIPF
    glue_words = lang.glue_words
    for n in range(1, min(len(token), MAX_GLUE) + 1):
        for part in (token[:n], token[-n:]):
            if part in glue_words and lang.zipf(part) >= floor:
                return True
    return False


def typo_of(lang: Language, token: str, cut: int = 0) -> float:
    """The Zipf frequency of the most frequent word one edit away from ``token`` (a letter
    dropped, added, changed, or two letters swapped), 0.0 when there is none. With ``cut``
    (where the token is read as two words), an edit inside a part of one or two letters does not
    count: that part is the glue word, not a slip (Russian `врайоне` is `в районе`, not a
    misspelled `районе`; `лидерав` is `лидера в`, not `лидерам`).

    >>> from mtcheck.languages import get_language
    >>> typo_of(get_language("en"), "delvery") > 4, typo_of(get_language("en"), "moneyon")
    (True, 0.0)
    """
    word = lang.lower(token)
    letters = lang.segmentation.alphabet
    short = range(0)
    if cut and cut <= 2:
        short = range(0, cut + 1)
    elif cut and len(word) - cut <= 2:
        short = range(cut, len(word) + 1)
    best = 0.0
    for i in range(len(word) + 1):
        if i in short:
            continue
        head, tail = word[:i], word[i:]
        candidates = [head + c + tail for c in letters]
        if tail and i + 1 not in short:
            candidates.append(head + tail[1:])
            candidates.extend(head + c + tail[1:] for c in letters if c != tail[0])
            if len(tail) > 1 and i + 2 not in short:
                candidates.append(head + tail[1] + tail[0] + tail[2:])
        for candidate in candidates:
            z = lang.zipf(candidate)
            if z > best:
                best = z
    return best


def _reading(lang: Language, left: str, right: str, capitalized: bool, name: bool) -> bool | None:
    """Can ``left right`` be two glued words? True: certainly (a glue word on a side it is
    glued on), False: probably (two frequent content words, or a glue word on its other side),
    None: no. ``name``: the token is capitalized mid-sentence."""
    lower_left, lower_right = lang.lower(left), lang.lower(right)
    left_sides, right_sides = _glue_sides(lang, lower_left, "L"), _glue_sides(lang, lower_right, "R")
    if lower_right in lang.bound_suffixes and left_sides is None:
        return None  # an enclitic or a derivation: Spanish decírselo, English nationalism
    if lower_left in lang.bound_prefixes and not (right_sides and "R" in right_sides):
        return None  # a prefixed word (parasociales); a prefix glued to an article is not
    if left_sides is not None and right_sides is not None:  # `withthe`, `inthe`, Spanish `porla`
        if name:
            return None
        # Two function words side by side are a frequent pair, and where their glued form is
        # unknown or listed no more often than web text writes glue artifacts, a side that
        # glue_words.txt does not allow needs only what an allowed one does (Dutch `opde`,
        # German `überden`: `op` and `über` begin many words, but seldom before `de`, `den`).
        # A word of two function words is more frequent (Portuguese `depara`, 3.3).
        pair = lang.zipf(left + right) <= LISTED_ARTIFACT
        ok = (_side(lang, "L", lower_left, "L" if pair else left_sides, right)
              and _side(lang, "R", lower_right, "R" if pair else right_sides, left))
        return ok and ("L" in left_sides or "R" in right_sides) if ok else None
    if right_sides is not None:
        if name and len(left) < 4:
            return None  # an abbreviation before it: `ISPat`
        allowed = "R" in right_sides
        listed_name = capitalized and _is_name(lang, left)
        floor = 0.0 if listed_name else KNOWN if allowed else STRICT_KNOWN
        if not known(lang, left, floor) or not (allowed or len(left) >= 4) or capitalized and len(right) < 2:
            return None
        if not allowed and lang.compounding and len(right) > 1:
            return None  # an ending where the language writes compounds: German `gehauenes` (`-es`)
        if listed_name:  # a name takes few endings: `Bristol` + `in`, though `violin`, `Colin`
            return allowed if lang.segmentation.affix_share("R", lower_right, lang.fold(left)) < NAME_AFFIX_SHARE else None
        return allowed if _side(lang, "R", lower_right, right_sides, left) else None
    if name:
        return None
    if left_sides is not None:
        allowed = "L" in left_sides
        if not known(lang, right, KNOWN if allowed else STRICT_KNOWN) or not (allowed or len(right) >= 4):
            return None
        if lang.compounding and (len(left) > 1 if not allowed else _begins_compounds(lang, lower_left)):
            # Where the language writes compounds, a prefix (Russian `небелое`, `подбассейн`)
            # or a word that may end a sentence, an adjective or a number (Norwegian `siste`
            # in `sisterunden`), begins them.
            return None
        return allowed if _side(lang, "L", lower_left, left_sides, right) else None
    if name:
        return None  # a capitalized word of two is most often a name
    floor = COMPOUND_PAIR if lang.compounding else PAIR
    if not (known(lang, left, floor) and known(lang, right, floor) and min(len(left), len(right)) >= 3):
        return None
    if lang.compounding and lang.segmentation.compound_start(lang.fold(left)) >= COMPOUND_START:
        return None  # words ending like `left` begin compounds: Norwegian `siste` (`sisteplass`)
    return None if _compounds(lang, left, right) else False


def _compounds(lang: Language, left: str, right: str) -> bool:
    """Does the lexicon join ``left`` or ``right`` with other words into one (more than a very
    frequent word may: `city` → `citywide`)? Then an unknown ``left + right`` may be one more
    such word: Russian `много` starts `многолетний`, `многоэтажный`; `партийных` ends
    `беспартийных`. In a language that writes compounds, any one is enough."""
    parts = ((left, lang.starting, len(left)), (right, lang.ending, -len(right)))
    # Where the language writes compounds, the left word's edge already passed compound_start:
    # a right word that ends compounds (Russian `театре`: `кинотеатре`) follows a word that
    # begins none (`местном`).
    for part, listed, cut in parts[:1] if lang.compounding else parts:
        folded = lang.fold(part)
        limit = 0 if lang.compounding else MAX_STEM_WORDS if lang.zipf(part) >= FREQUENT else 0
        found = 0
        for word in listed(folded, COMPOUND_SCAN):
            rest = word[cut:] if cut > 0 else word[:cut]
            if len(rest) >= 3 and lang.zipf(rest) >= KNOWN:
                found += 1
                if found > limit:
                    return True
    return False


def _glue_sides(lang: Language, word: str, side: str) -> str | None:
    """The sides of a glue word (glue_words.txt), or None for a word that is none, or that is
    a content word joined into many compounds on ``side`` (Dutch `deel`: `onderdeel`,
    `aandeel`; `zorg`: `jeugdzorg`; English `time`: `lifetime`; segmentation.txt): the list
    holds frequent words, some of them nouns, and a compound's part is no evidence of a lost
    space. A word that never ends a sentence (an article, a preposition: Russian `на`, whose
    compounds are prefixed words) stays a glue word; where it forms words, segmentation.txt's
    shares say so."""
    sides = lang.glue_words.get(word)
    if sides is None or len(word) < (3 if lang.compounding else 4):
        return sides  # `on`, `in`: the few letters end words (`button`) by chance, not compounds
    if lang.segmentation.ends_sentences(word, NEVER_FINAL_USES) is False:
        return sides
    limit = MAX_COMPOUNDS_COMPOUNDING if lang.compounding else MAX_COMPOUNDS
    return None if lang.segmentation.compounds(side, word) > limit else sides


def _begins_compounds(lang: Language, word: str) -> bool:
    """Does the glue word ``word`` begin compounds of the lexicon (more than a few: Norwegian
    `andre`, `to`, German `nicht`), not being a function word that never ends a sentence (whose
    compounds are prefixed words, judged by segmentation.txt's shares)?"""
    if lang.segmentation.ends_sentences(word, NEVER_FINAL_USES) is False:
        return False
    return lang.segmentation.compounds("L", word) > MAX_COMPOUNDS_COMPOUNDING


def _side(lang: Language, side: str, glue_word: str, sides: str, other: str) -> bool:
    """Is ``glue_word`` on ``side`` of ``other`` a word of its own, not an ending or a prefix?
    Where glue_words.txt allows the side, unless words like ``other`` often take it; on its
    other side only where they almost never do (segmentation.txt)."""
    share = lang.segmentation.affix_share(side, glue_word, lang.fold(other))
    return share < (AFFIX_SHARE if side in sides else STRICT_AFFIX_SHARE)


def _is_name(lang: Language, word: str) -> bool:
    entry = lang.casing.get(lang.lower(word))
    return entry is not None and entry.is_name


SENTENCE_START = 4.0  # a capitalized word this frequent in lower case, and no name in the casing data


@dataclass(frozen=True)
class CamelReading:
    """How a lower-case word glued to a capitalized one reads (``inRiga``, ``injuredThey``):
    a lost space (``sentence`` false, MT101) or a lost sentence boundary (MT102)."""

    left: str
    right: str
    sentence: bool
    certain: bool


def starts_sentence(lang: Language, right: str) -> bool:
    """Can the capitalized part of ``cellSeveral`` only be a sentence start? A function word, or a
    frequent word the language writes in lower case mid-sentence (not a name, not a German noun).

    >>> from mtcheck.languages import get_language
    >>> en = get_language("en")
    >>> starts_sentence(en, "They"), starts_sentence(en, "Several"), starts_sentence(en, "Riga")
    (True, True, False)
    """
    lower = lang.lower(right)
    if lower in lang.glue_words:
        return True
    entry = lang.casing.get(lower)
    if entry is not None:  # the casing data knows the word: written in lower case mid-sentence?
        return not entry.is_name and entry.form == lower
    return lang.zipf(lower) >= SENTENCE_START  # frequent as a word, not only as a name (`Riga`: 3.0)


def camel_reading(lang: Language, left: str, right: str) -> CamelReading | None:
    """The reading of ``left`` glued to the capitalized ``right`` (the token unknown to the
    lexicon), or None (a CamelCase brand, an unknown word).

    A glue word that never ends a sentence (an article, a preposition: segmentation.txt) lost
    the space after it, whatever follows: ``delGobierno``, ``laLigue``, ``imRegen``. Otherwise a
    word the language writes in lower case mid-sentence on the right starts a sentence
    (``injuredThey``; certain after a function word, which could not begin a name), and a name
    or a German noun follows a lost space (``dieSoldaten``; certain after a glue word that never
    ends a sentence, else the sentence may have ended there too). A capitalized word with an
    inner capital (``SkyUp``, ``FritzBox``) is a brand, unless its second part is a function word
    of three letters or more (German ``VerletzteDie``).

    >>> from mtcheck.languages import get_language
    >>> es, en = get_language("es"), get_language("en")
    >>> camel_reading(es, "del", "Gobierno")
    CamelReading(left='del', right='Gobierno', sentence=False, certain=True)
    >>> camel_reading(en, "injured", "They").sentence, camel_reading(en, "Pay", "Pal")
    (True, None)
    >>> ru = get_language("ru")
    >>> camel_reading(ru, "искусства", "А").sentence, camel_reading(ru, "Армию", "В")
    (True, None)
    """
    lower_left, lower_right = lang.lower(left), lang.lower(right)
    if len(right) == 1 and (left[0].isupper() or lower_right not in lang.glue_words):
        return None  # a letter after a word is a glued one-letter word (Russian `в`) or a label: `PlanB`
    left_glue = lower_left in lang.glue_words
    never_final = left_glue and lang.segmentation.ends_sentences(lower_left) is False
    if len(left) == 1 and not never_final:
        return None  # `iPhone`, `eBay` (Spanish `e` ends no sentence, but wordfreq lists `ebay`)
    if not left_glue and not known(lang, left):
        # An unknown word before a function word that starts sentences (`volantearEl`,
        # `StaatsausgabenDie`): a sentence ended, though the word cannot be vouched for.
        strong = lower_right in lang.glue_words and len(right) >= (3 if left[0].isupper() else 2)
        if strong and len(left) >= 5 and starts_sentence(lang, right):
            return CamelReading(left, right, True, False)
        return None
    if left[0].isupper():
        if len(right) >= 3 and lower_right in lang.glue_words:
            return CamelReading(left, right, True, True)
        if never_final and len(right) >= 3 and known(lang, right):
            # A sentence's first article or preposition lost its space (`TheSaudi`,
            # `DieEinrichtung`); a brand may be written so too (`TheFacebook`): not certain.
            return CamelReading(left, right, False, False)
        return None  # CamelCase brands: SkyUp, FritzBox
    if never_final:
        return CamelReading(left, right, False, True)
    if starts_sentence(lang, right):
        return CamelReading(left, right, True, lower_right in lang.glue_words)
    return CamelReading(left, right, False, left_glue and lang.segmentation.ends_sentences(lower_left) is not True)
