"""Every example of every rule, in every language it names (LanguageTool's way): the rule must
flag exactly the marked span, its fixes must give the fixed text, and it must stay silent on
its clean texts. Also the catalogue's own invariants."""

from __future__ import annotations

import pytest

from mtcheck.config import Config
from mtcheck.document import Document
from mtcheck.checker import check_document
from mtcheck.finding import Applicability
from mtcheck.fixes import apply_fixes
from mtcheck.languages import available, with_data
from mtcheck.rules import FixAvailability, all_rules
from mtcheck.taxonomy import CATEGORIES

RULES = all_rules()
EXAMPLES = [(r, ex) for r in RULES for ex in r.examples]
CLEAN = [(r, lang, text) for r in RULES for lang, text in r.clean]


def only(rule) -> Config:
    config = Config(select=[rule.code])
    if getattr(rule, "example_glossary", None) is not None:  # MT703's examples need its terms
        config.add_glossary(rule.example_glossary)
    return config


@pytest.mark.parametrize("rule,example", EXAMPLES, ids=[f"{r.code}-{e.lang}-{i}" for i, (r, e) in enumerate(EXAMPLES)])
def test_example_is_flagged_and_fixed(rule, example):
    """Exactly the marked spans are flagged; the fixes give the fixed text, with the
    applicability the example (or the rule) declares: a safe fix already under ``fix``, an
    unsafe one only with ``--unsafe-fixes``."""
    doc = example.document()
    findings = check_document(doc, only(rule))
    spans = [(f.start, f.end) for f in findings]
    assert spans == example.spans, f"{rule.code} flagged {spans}, expected {example.spans} in {example.plain!r}"
    assert all(f.category == rule.category and f.code == rule.code for f in findings)
    if example.fixed is None:
        assert all(not f.fixes for f in findings)
        return
    applicability = example.applicability or rule.fix_applicability
    assert {fix.applicability for f in findings for fix in f.fixes} == {applicability}
    assert apply_fixes(example.plain, findings, unsafe=True) == example.fixed
    safe_only = apply_fixes(example.plain, findings, unsafe=False)
    assert safe_only == (example.fixed if applicability == Applicability.SAFE else example.plain)


@pytest.mark.parametrize("rule,lang,text", CLEAN, ids=[f"{r.code}-{l}-{i}" for i, (r, l, _) in enumerate(CLEAN)])
def test_clean_text_is_not_flagged(rule, lang, text):
    findings = check_document(Document(text, lang), only(rule))
    assert findings == [], [(f.text, f.message) for f in findings]


def test_codes_are_unique_and_categories_are_the_taxonomy():
    codes = [r.code for r in RULES]
    assert len(codes) == len(set(codes))
    assert all(r.category in CATEGORIES for r in RULES)


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_every_rule_is_documented_with_examples(rule):
    for section in ("what", "why", "fix_safety"):
        assert getattr(rule, section).strip(), f"{rule.code} lacks {section}"
    assert rule.examples, f"{rule.code} has no example"
    if rule.fix_availability == FixAvailability.NEVER:
        assert all(ex.fixed is None for ex in rule.examples)
    else:
        assert any(ex.fixed is not None for ex in rule.examples)
    assert {ex.lang for ex in rule.examples} <= set(with_data())


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_every_rule_has_an_example_in_every_language(rule):
    languages = {lang for lang in available() if rule.applies_to(lang)}
    assert languages <= {ex.lang for ex in rule.examples}, f"{rule.code} lacks examples"
