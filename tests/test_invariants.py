"""Invariants of checking and fixing, on generated texts in every language with data.

For any text: checking raises nothing; every span and edit lies inside the text; one pass of safe
fixes leaves placeholders, URLs and digits as they were (unless the rule is about numbers), and
offers no new safe fix at a spot it edited (a fixed point in one pass, where the rules can
agree: see ``invariant_texts.UNVEILS`` for the repairs that let another rule see what they hid);
``fix`` is idempotent and never leaves more findings than it found.

The fast profile here runs 200 texts per language, derandomized (the same texts on every run);
``python benchmarks/invariants.py`` runs 5,000 per language. The minimal examples that broke an
invariant are kept below as regression tests.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from invariant_texts import LANGS, check, invariants, one_pass, texts

FAST = settings(max_examples=200, deadline=None, derandomize=True, database=None,
                suppress_health_check=list(HealthCheck))


@pytest.mark.parametrize("lang", LANGS)
@FAST
@given(data=st.data())
def test_invariants_hold_on_generated_texts(lang, data):
    text = data.draw(texts(lang), label="text")
    assert invariants(text, lang) == []


# -- minimal failing examples, kept --------------------------------------------------------------
REGRESSIONS = [
    ("es", "Hola,¿qué tal?"),  # MT201 crashed: its lookahead admitted `¿`, its word match did not
    ("es", "Sí,¡claro!"),
    ("de", "Hallo {name}, wie geht es %(name)s heute"),  # MT401 capitalised inside placeholders
    ("pt", "Faltam %so dias"),  # MT404: `%so` → `%só`
    ("ru", "Удалено %sфайлов"),  # MT305: `%s` → `%ѕ`
    ("en", "He said „yes“ now"),  # MT207 gave `“yes“`
    ("en", "a &quot;b c"),  # MT302's `"` unbalanced the quotes
    ("fr", "Ã©tÃ©"),  # two overlapping MT301 findings, repaired over two passes
    ("nl", "aziÃ«argentiniÃ« Apeldoornse"),
    ("nl", "alle\xa0alledeze  deze"),  # MT101's split made MT105's doubled word
    ("it", "farefare incontrare"),
    ("es", "mejor\u200e mejor\u200e"),  # MT304's removal unveiled MT105
    ("en", "anything\u2060 !"),  # MT304's removal unveiled MT202
    ("de", "burg ，burg"),  # MT208's `, ` after a space made MT202's finding
    ("en", "3.5 than\n。 ¡ tip"),  # MT208's removal of `¡` made MT203's doubled space
    ("pt", "cansado https://example.com/a/b ¡ cansado"),  # ... and once glued a URL to a word
    ("de", "ziemlich &#39; perfekt"),
    ("de", "ich april$name$ aufhören"),  # MT401 capitalised a placeholder glued to a word
    ("es", "asi asi"),
    ("nl", ": lul ¡ :"),  # MT208's removal of `¡` left MT202's space before `:`
    ("fr", "belgique\nou ¡ ou kathryn"),
    ("en", "аcademicBudapest"),  # MT305's repair unveiled MT101: now one edit does both
]


@pytest.mark.parametrize("lang,text", REGRESSIONS)
def test_regression_examples_keep_the_invariants(lang, text):
    assert invariants(text, lang) == []


def _fixed_once(text: str, lang: str) -> str:
    return one_pass(text, check(text, lang))[0]


@pytest.mark.parametrize("lang,text,fixed", [
    ("es", "Hola,¿qué tal?", "Hola, ¿qué tal?"),
    ("de", "Hallo {name}, wie geht es %(name)s heute", "Hallo {name}, wie geht es %(name)s heute"),
    ("pt", "Faltam %so dias", "Faltam %so dias"),
    ("ru", "Удалено %sфайлов", "Удалено %sфайлов"),
    ("en", "He said „yes“ now", "He said “yes” now"),
    ("es", "dijo „basta“ y se fue", "dijo «basta» y se fue"),
    ("en", "a &quot;b c", "a &quot;b c"),  # unsafe: applied by --unsafe-fixes only
    ("en", "so-called &quot;propaganda&quot;", 'so-called "propaganda"'),
    ("fr", "Ã©tÃ©", "été"),
    ("de", "burg ，burg", "burg, burg"),
    ("en", "3.5 than\n。 ¡ tip", "3.5 than\n. tip"),
    ("en", "anything\u2060 !", "anything!"),
    ("nl", ": lul ¡ :", ": lul:"),
    ("pt", "vivo еmBeja", "vivo em Beja"),  # `em` never ends a sentence: a lost space, certain
])
def test_one_pass_of_safe_fixes(lang, text, fixed):
    assert _fixed_once(text, lang) == fixed


def test_one_mojibake_word_is_one_finding_with_one_edit():
    findings = [f for f in check("Ã©tÃ© et cafÃ©", "fr") if f.code == "MT301"]
    assert [(f.text, [e.replacement for e in f.fix.edits]) for f in findings] == [("Ã©tÃ©", ["été"]), ("cafÃ©", ["café"])]


def test_a_split_that_would_double_a_word_is_not_proposed():
    assert not [f for f in check("alle alledeze deze", "nl") if f.code == "MT101"]


def test_a_doubling_hidden_by_an_invisible_character_is_found():
    assert [f.code for f in check("in the\u200b the city", "en") if f.code == "MT105"] == ["MT105"]
