"""The fix engine's invariants, with generated inputs (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck import apply_fixes, check
from mtcheck.finding import Finding, Fix
from mtcheck.fixes import choose_fixes

TEXT = st.text(alphabet=st.sampled_from("ab cd,.“”()\n"), min_size=0, max_size=60)


@st.composite
def text_and_findings(draw):
    text = draw(TEXT)
    findings = []
    for _ in range(draw(st.integers(0, 6))):
        a = draw(st.integers(0, len(text)))
        b = draw(st.integers(a, min(len(text), a + 5)))
        replacement = draw(st.text(alphabet="xyz ", max_size=3))
        safe = draw(st.booleans())
        findings.append(Finding("MT203", "extra-space", a, b, "m", fixes=[Fix.replace(a, b, replacement, safe)]))
    return text, findings


@given(text_and_findings(), st.booleans())
def test_accepted_edits_never_overlap_and_only_allowed_fixes_apply(case, unsafe):
    text, findings = case
    plan = choose_fixes(findings, unsafe)
    edits = sorted(e for _, fix in plan for e in fix.edits)
    for a, b in zip(edits, edits[1:]):
        assert a.end <= b.start and not (a.start == a.end == b.start == b.end)
    assert all(fix.is_safe or unsafe for _, fix in plan)


@given(text_and_findings(), st.booleans(), st.randoms())
def test_result_does_not_depend_on_the_order_of_findings(case, unsafe, rnd):
    text, findings = case
    shuffled = list(findings)
    rnd.shuffle(shuffled)
    assert apply_fixes(text, findings, unsafe) == apply_fixes(text, shuffled, unsafe)


@given(text_and_findings(), st.booleans())
def test_nothing_outside_the_edited_spans_changes(case, unsafe):
    text, findings = case
    plan = choose_fixes(findings, unsafe)
    result = apply_fixes(text, findings, unsafe)
    # Rebuild the result piece by piece: untouched text between edits must be copied verbatim.
    pos, rebuilt = 0, []
    for edit in sorted(e for _, fix in plan for e in fix.edits):
        rebuilt.append(text[pos:edit.start])
        rebuilt.append(edit.replacement)
        pos = edit.end
    rebuilt.append(text[pos:])
    assert result == "".join(rebuilt)


def test_conflicting_fixes_are_dropped_deterministically():
    a = Finding("MT101", "merged-words", 0, 4, "m", fixes=[Fix.replace(2, 2, " ")])
    b = Finding("MT203", "extra-space", 1, 3, "m", fixes=[Fix.replace(1, 3, "")])
    # b starts first, so it wins; a overlaps it and is dropped whole, whatever the order given.
    assert apply_fixes("abcd", [a, b]) == apply_fixes("abcd", [b, a]) == "ad"


PROSE = st.lists(st.sampled_from([
    "the", "the the", "disappearedin", "injuredThey", "city", "them,including", "line ;",
    "“quote", "(aside", "â€™s", "&quot;", "nego@@", "tiations", "x\u200by", "Вoронеж", "  ",
    "¿What", "govern", "ment", "and", ".", ",",
]), min_size=1, max_size=14).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(PROSE)
def test_fixing_reaches_a_fixed_point(text):
    """Fixing until nothing applies (what `mtcheck fix` does) leaves no fixable finding, and a
    second run changes nothing."""
    for _ in range(10):
        fixed = apply_fixes(text, check(text, lang="en"), unsafe=True)
        if fixed == text:
            break
        text = fixed
    assert choose_fixes(check(text, lang="en"), unsafe=True) == []
