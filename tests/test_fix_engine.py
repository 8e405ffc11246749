"""The fix engine's invariants, with generated inputs (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck import apply_fixes, check
from mtcheck.finding import Finding, Fix
from mtcheck.fixes import _overlaps, apply_plan, choose_fixes

TEXT = st.text(alphabet=st.sampled_from("ab cd,.“”()\n"), min_size=0, max_size=60)


@st.composite
def text_and_findings(draw, codes=("MT203",), most=6, any_safety=True):
    """A text and up to ``most`` findings of ``codes`` on it, each with one fix of up to 5
    characters (safe or unsafe when ``any_safety``, else safe)."""
    text = draw(TEXT)
    findings = []
    for _ in range(draw(st.integers(0, most))):
        a = draw(st.integers(0, len(text)))
        b = draw(st.integers(a, min(len(text), a + 5)))
        code = draw(st.sampled_from(codes))
        replacement = draw(st.text(alphabet="xyz ", max_size=3))
        safe = draw(st.booleans()) if any_safety else True
        findings.append(Finding(code, "extra-space", a, b, "m", fixes=[Fix.replace(a, b, replacement, safe)]))
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
    plan = choose_fixes(findings, unsafe, text)
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


# -- one family's overlapping fixes merged, priority between rules ----------------------------

@st.composite
def widened_repairs(draw):
    """A text, the text it should become, and findings of one rule that each make one of the
    changes, widened by unchanged characters on either side as far as the rule likes (over the
    neighbouring changes too): the way MT301 widens a repair to whole words. The text's
    characters are all different, and replacements are drawn from letters it lacks, so a change
    is never mistaken for a kept character (in `aa`, two deletions of one `a` each, widened to
    the word, are one edit `aa` → `a`: the same repair reported twice)."""
    text = "".join(draw(st.permutations("abcdefghijklmnopqrst")))[:draw(st.integers(1, 20))]
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), min_size=2, max_size=8)))
    cores = []
    for start, end in zip(cuts[::2], cuts[1::2]):
        if cores and start < cores[-1][1] or (cores and start == end == cores[-1][1]):
            continue
        replacement = draw(st.text(alphabet="XYZ", max_size=3))
        if start == end and not replacement:
            continue
        cores.append((start, end, replacement))
    target, pos = [], 0
    for start, end, replacement in cores:
        target += (text[pos:start], replacement)
        pos = end
    target.append(text[pos:])
    findings = []
    for start, end, replacement in cores:
        left, right = draw(st.integers(0, start)), draw(st.integers(end, len(text)))
        # Widening over a neighbouring change keeps its original characters.
        edit = (left, right, text[left:start] + replacement + text[end:right])
        findings.append(Finding("MT301", "mojibake", left, right, "m", fixes=[Fix.replace(*edit)]))
    return text, "".join(target), findings


@settings(max_examples=300)
@given(widened_repairs(), st.randoms())
def test_overlapping_repairs_of_one_rule_merge_into_the_whole_repair(case, rnd):
    """Each finding makes one change right; together, whatever their overlaps, they make all of
    them, in any order of findings."""
    text, target, findings = case
    shuffled = list(findings)
    rnd.shuffle(shuffled)
    assert apply_fixes(text, findings) == apply_fixes(text, shuffled) == target


def test_a_word_with_two_broken_runs_is_repaired_whole():
    """`ÄŒeÅ¡tina`: two runs, each widened to the word's letters around it; the engine merges
    the two findings into one edit, where it used to drop the second (`ČeÅ¡tina`)."""
    text = "ÄŒeÅ¡tina je jazyk"
    first = Finding("MT301", "mojibake", 0, 3, "m", fixes=[Fix.replace(0, 3, "Če")])
    second = Finding("MT301", "mojibake", 2, 9, "m", fixes=[Fix.replace(2, 9, "eština")])
    plan = choose_fixes([second, first], text=text)
    assert [len(fix.edits) for _, fix in plan] == [1, 0]  # one edit, carried by the first finding
    assert apply_fixes(text, [second, first]) == "Čeština je jazyk"


def test_contradicting_fixes_of_one_rule_are_not_merged():
    text = "abcd"
    a = Finding("MT203", "extra-space", 0, 3, "m", fixes=[Fix.replace(0, 3, "XYZ")])
    b = Finding("MT203", "extra-space", 2, 4, "m", fixes=[Fix.replace(2, 4, "QR")])
    assert apply_fixes(text, [b, a]) == "XYZd"  # both change `c`: the first is taken, alone


def test_encoding_repair_comes_before_every_other_rule():
    """MT301 wins an overlap whatever the position: the other rule judged the garble (a
    homoglyph `В` inside `вЂњB`, from Cyrillic mojibake)."""
    text = "S&P вЂњB-вЂњ Rating"
    moji = Finding("MT301", "mojibake", 4, 8, "m", fixes=[Fix.replace(4, 8, "“B")])
    homoglyph = Finding("MT305", "mixed-script", 4, 8, "m", fixes=[Fix.replace(4, 8, "вЂњВ")])
    earlier = Finding("MT203", "extra-space", 3, 5, "m", fixes=[Fix.replace(3, 5, "")])
    for findings in ([moji, homoglyph, earlier], [earlier, homoglyph, moji]):
        assert apply_fixes(text, findings) == "S&P “B-вЂњ Rating"


@given(text_and_findings(codes=("MT301", "MT203", "MT305"), most=8, any_safety=False), st.randoms())
def test_priority_and_merging_keep_the_engine_deterministic_and_apart(case, rnd):
    text, findings = case
    shuffled = list(findings)
    rnd.shuffle(shuffled)
    plan = choose_fixes(findings, text=text)
    assert apply_plan(text, plan) == apply_fixes(text, shuffled)
    edits = sorted(e for _, fix in plan for e in fix.edits)
    for a, b in zip(edits, edits[1:]):
        assert a.end <= b.start and not (a.start == a.end == b.start == b.end)
    # Every finding of the plan is one of the given ones, each once.
    assert sorted(map(id, (f for f, _ in plan))) == sorted(set(map(id, (f for f, _ in plan))))
    # A repair (MT301) that overlaps no other repair is always applied.
    repairs = [f for f in findings if f.code == "MT301"]
    taken = {id(f) for f, _ in plan}
    for f in repairs:
        e = f.fixes[0].edits[0]
        if not any(g is not f and _overlaps(e, g.fixes[0].edits[0]) for g in repairs):
            assert id(f) in taken


def test_a_finding_inside_a_repaired_word_is_not_reported():
    """The homoglyph and the C1 control inside mojibake are bytes of the garble: MT301 repairs
    the word, and they are not reported beside it."""
    codes = [f.code for f in check("S&P Confirms UkrsotsbankвЂ™s вЂњB-вЂњ Rating", lang="en")]
    assert set(codes) == {"MT301"}
    codes = [f.code for f in check("Ecuadorâ\x80\x99s decision", lang="en")]
    assert codes == ["MT301"]


MOJIBAKE_PROSE = st.lists(st.sampled_from([
    "the", "situaciÃ³n", "ÄŒeÅ¡tina", "Sokolovâ€™s", "\x93hello\x94", "m\x93me", "Ã©tÃ©",
    "Ð¼Ð¸Ñ€", "вЂњB-вЂњ", "cittÃ", "è", "x\u200by", "disappearedin", "Вoронеж", "\x85", "and",
    ".", ",", "“quote”", "Ã¢â‚¬Å“doubleÃ¢â‚¬Â\x9d",
]), min_size=1, max_size=10).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(MOJIBAKE_PROSE)
def test_fix_is_idempotent_on_mojibake(text):
    """fix(fix(x)) == fix(x), with `mtcheck fix`'s passes, on text with mojibake, C1 controls
    and other artifacts side by side."""
    def fix(t):
        for _ in range(10):
            plan = choose_fixes(check(t, lang="en"), text=t)
            if not plan:
                return t
            t = apply_plan(t, plan)
        return t
    once = fix(text)
    assert fix(once) == once
