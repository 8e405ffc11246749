"""Every language with data is covered by wrong/fixed examples made from its clean
fixture. For each category whose rules run in the language (the checker's own selection,
``selected_rules``) the corruptor garbles ``tests/fixtures/clean/<lang>.txt`` (seeds 0..9, the
first that applies); mtcheck must report a finding of that category on the gold span, and where
the corruption can be undone and the finding has a safe fix, ``mtcheck fix`` must give the clean
text back. The honest misses are KNOWN_GAPS, each checked by hand; a gap that starts being found
fails the test, so that its entry is removed."""

from __future__ import annotations

import random
from functools import lru_cache
from pathlib import Path

import pytest

from mtcheck import check
from mtcheck.checker import selected_rules
from mtcheck.config import Config
from mtcheck.synthetic.corrupt import CORRUPTORS, SOURCE_CATEGORIES, Corruption
from mtcheck.fixes import apply_fixes
from mtcheck.languages import get_language, with_data
from mtcheck.synthetic.benchmark import _matches  # the synthetic benchmark's "finding on the gold span"

FIXTURES = Path(__file__).parent / "fixtures" / "clean"
SEEDS = range(10)


def _categories(lang: str) -> list[str]:
    """The corruption categories one of whose rules runs on ``lang``; untranslated text and
    omissions need a source, which a clean fixture has not."""
    running = {rule.category for rule in selected_rules(Config(), lang)}
    return sorted(running & set(CORRUPTORS) - SOURCE_CATEGORIES)


CASES = [(lang, category) for lang in with_data() for category in _categories(lang)]


@lru_cache(maxsize=None)
def _clean(lang: str) -> str:
    return (FIXTURES / f"{lang}.txt").read_text(encoding="utf-8")


def _corruption(lang: str, category: str) -> Corruption | None:
    for seed in SEEDS:
        c = CORRUPTORS[category](_clean(lang), random.Random(seed), get_language(lang))
        if c is not None:
            return c
    return None


# Why a number-format corruption of a fixture is not found: the corruptor swaps the separators
# of a number with one group (`1.500` → `1,500`), which reads as a number in both conventions (one
# and a half, or fifteen hundred); without a source MT602 reports only what the language cannot
# mean (two or more groups, a decimal before `%` or a unit), by design.
ONE_GROUP = "one-group number, a number in both conventions: MT602 needs the source to decide"
# A glued `NameQuestion`: after a capitalized word MT102 only trusts a function word of three
# letters or more on the right (brands such as SkyUp, FritzBox); the question word is shorter
# or not among the language's glue words.
AFTER_NAME = "name glued to a question word: MT102 trusts only a glue word of 3+ letters after a capital"
# The corruptor garbles one word of a line whose other letters stay outside cp1252 (ą, ę, ỗ);
# ftfy cannot re-encode that line as a whole, so MT301 tries each word alone, and ftfy's badness
# measure does not find these words bad on their own (naujÄ…, siÄ™, há»—: False).
ONE_WORD_MOJIBAKE = "one garbled word in a non-cp1252 line, which ftfy's badness measure alone does not call bad"
# Where a language writes compounds, MT101 trusts a glue word only on a side where it ends (or
# begins) few compounds of the lexicon (text/glue.py): Norwegian `for` ends many (`tilfor`,
# `utenfor`), so `planfor` may be one.
# A language without a lexicon (Galician: `lexicon –` in docs/languages.md's table) has no word frequencies,
# which the word rules (MT101, MT102, MT103, MT403) judge by.
NO_LEXICON = "Galician has no lexicon: the word rules cannot tell a known word"
# The corruptor repeats a sentence's first word with its capital (`Mitä Mitä`, `„Ne Ne`); MT105
# wants the second copy in lower case, since a capitalized pair is most often a name (Darin Darin).
CAPITALIZED_TWICE = "a capitalized word repeated: MT105 wants the second copy in lower case (names)"

# MT105 is off in these languages (their language.toml says why); the category's other rules,
# MT106 (phrases) and MT210 (marks), run there and do not judge one word written twice.
WORD_RULE_OFF = "MT105 is off here; MT106 and MT210 judge repeated phrases and marks, not one word"

KNOWN_GAPS: dict[tuple[str, str], str] = {
    **{(lang, "number-format"): ONE_GROUP for lang in (
        "ar", "bn", "ca", "da", "de", "el", "en", "es", "fil", "gl", "he", "hi", "is", "it", "ja", "ko", "mk",
        "nl", "pt", "ro", "sh", "sl", "ta", "th", "tr", "ur", "zh")},
    ("id", "number-format"): "Rp1,500,000: MT602 reads no number glued to a letter (its lookbehind), so not the Rupiah's",
    ("ms", "number-format"): "RM1.500: a number glued to a letter is not read, and it has one group",
    **{(lang, "missing-sentence-boundary"): AFTER_NAME for lang in (
        "bg", "el", "fil", "id", "is", "lt", "ms", "sk", "sl", "uk")},
    ("tr", "missing-sentence-boundary"): "dediFaizler: `faizler` (zipf 3.2) is under the 4.0 MT102 wants of a sentence start",
    **{(lang, "mojibake"): ONE_WORD_MOJIBAKE for lang in ("lt", "pl", "vi")},
    ("nb", "mojibake"): "NÃ¥r: ftfy's badness measure does not count `Ã¥` as mojibake in a Norwegian line",
    ("ca", "sentence-case"): "Puig. quan: a capitalized word under 5 letters before the period may be an abbreviation",
    ("de", "sentence-case"): "las. der: `las` is under MT403's 5 letters and its zipf 4.4 under 4.5, so it may be an abbreviation",
    ("en", "sentence-case"): "Riga. she: a capitalized word under 5 letters before the period may be an abbreviation",
    ("gl", "sentence-case"): NO_LEXICON,
    ("ru", "sentence-case"): "министерства. переговоры: `переговоры` is no glue word and its zipf 4.6 is under MT403's 5.0",
    ("es", "merged-words"): "decírseloa: `a` may be glued on neither side in Spanish (glue_words.txt: -)",
    ("gl", "merged-words"): NO_LEXICON,
    ("de", "split-word"): "widersp rachen: widersprachen (zipf 2.7) is rarer than MT103's 3 for the joined word",
    ("gl", "split-word"): NO_LEXICON,
    ("nb", "split-word"): "renteku ttet: the compound rentekuttet is not in the Norwegian lexicon",
    ("en", "missing-space"): "end,e.g.: MT201 wants two letters, or one and a space, after the comma (x,y lists)",
    **{(lang, "repeated-word"): CAPITALIZED_TWICE for lang in ("fi", "ro")},
    **{(lang, "repeated-word"): WORD_RULE_OFF for lang in (
        "ar", "bg", "bn", "ca", "cs", "el", "fa", "fil", "gl", "hi", "hu", "lt", "lv", "mk", "ms", "sh", "sk",
        "sl", "ta", "tr", "ur", "vi")},
    ("de", "repeated-word"): "die die die: the corruptor doubles `die` of `, die die`; three in a row are emphasis to MT105",
    ("es", "proper-noun-case"): "José manuel Albares: a lower-case word between two capitals is a particle to MT401 (Carl von Linné)",
    ("tr", "proper-noun-case"): "Başkanı ayşe Yılmaz: a lower-case word between two capitals is a particle to MT401 (Carl von Linné)",
    ("he", "foreign-punctuation"): "MT207 is off in Hebrew (its language.toml says why); MT208 does not judge quotes",
    ("uk", "foreign-punctuation"): "MT207 is off in Ukrainian (its language.toml says why); MT208 does not judge quotes",
}


@pytest.mark.parametrize("lang, category", CASES)
def test_a_corrupted_fixture_is_found_and_fixed_back(lang, category):
    c = _corruption(lang, category)
    if c is None:
        pytest.skip("the fixture gives this corruptor nothing to work on")
    findings = check(c.text, lang=lang, source=c.source)
    hits = [f for f in findings if _matches(f, c)]
    where = c.text[max(0, c.start - 30):c.end + 30]
    if (lang, category) in KNOWN_GAPS:
        assert not hits, f"found now: remove KNOWN_GAPS[{(lang, category)}] ({where!r})"
        return
    assert hits, (where, [(f.code, f.category, f.text) for f in findings])
    if c.fix is not None and any(fix.is_safe for f in hits for fix in f.fixes):
        assert apply_fixes(c.text, findings) == _clean(lang), (where, [(f.code, f.text, f.fixes) for f in findings])


def test_every_known_gap_is_a_case_the_fixture_corrupts():
    stale = [key for key in KNOWN_GAPS if key not in CASES or _corruption(*key) is None]
    assert not stale, stale


@pytest.mark.parametrize("lang", with_data())
def test_every_language_is_corrupted_in_most_of_its_categories(lang):
    """A fixture too poor to corrupt would pass the test above by skipping: each one gives the
    corruptors material for most categories (not for the rest: no quote-free text to unbalance,
    no casing data to lowercase a name from, no accents table; and in Japanese, Chinese and Thai
    no spaces to double and no word of eight spaced words to repeat as a pull quote)."""
    made = [category for category in _categories(lang) if _corruption(lang, category) is not None]
    assert len(made) >= (8 if get_language(lang).spaced else 5), made
