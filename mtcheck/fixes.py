"""The fix engine: apply the fixes of findings to a text in one pass.

Each finding offers fixes; the first one whose applicability is allowed is taken. Then, in three
steps, each deterministic whatever the order the rules ran in:

1. **Merge within a family.** Fixes of one rule (one code) whose edits overlap are merged into
   one fix when they are consistent: where two edits share characters, one of them leaves those
   characters as they were (a repair widened to the whole word keeps the letters it did not
   change), so the merged edit makes both changes. A word with two broken runs, reported as two
   findings, is repaired whole. Fixes that contradict each other are not merged.
2. **Priority between rules.** Fixes are taken by ``FIX_PRIORITY`` (lower first; encoding repair,
   MT301, comes before every other rule, whose findings judge the garbled characters it
   replaces), then by position, then by code; a fix whose edits overlap an edit already taken is
   dropped whole. The other rules' fixes on a line that a repair of the top priority changes
   wait too, for ``fix``'s next pass: they judged the line while it was garbled.
3. **One pass.** The taken edits are applied at once, and no character outside an edited span
   changes.

``defer_to_repairs`` applies the same priority to reporting: a finding inside a span that a
rule of higher priority repairs is not reported (``checker.check_document`` calls it).
"""

from __future__ import annotations

import bisect
import os
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field

from mtcheck.finding import Applicability, Edit, Finding, Fix

# The priority of a rule's fixes (lower first) where fixes of different rules cannot all apply.
# Encoding repair first: a mojibake word's other findings (a homoglyph in `вЂњB`, a "foreign"
# `„` inside Cyrillic mojibake, a C1 control in `â\x80\x99`) judge characters the repair
# replaces, and are judged again on the repaired text, in `fix`'s next pass. Every other rule
# shares DEFAULT_PRIORITY: among them, position decides.
FIX_PRIORITY = {"MT301": 0}
DEFAULT_PRIORITY = 1


def priority(code: str) -> int:
    """A rule's fix priority: lower is taken first.

    >>> priority("MT301") < priority("MT304") == priority("MT101")
    True
    """
    return FIX_PRIORITY.get(code, DEFAULT_PRIORITY)


@dataclass
class _Candidate:
    """One fix to take or drop whole: one finding's, or several findings' of one rule merged."""

    findings: list[Finding]
    edits: list[Edit]  # sorted
    applicability: Applicability
    code: str = field(init=False)
    apart: bool = field(init=False)  # no two of its edits overlap (else it is never merged)

    def __post_init__(self) -> None:
        self.code = self.findings[0].code
        self.apart = all(not _overlaps(a, b) for a, b in zip(self.edits, self.edits[1:]))

    def key(self) -> tuple:
        first = self.edits[0]
        return (priority(self.code), first.start, first.end, self.code, tuple(self.edits))


def choose_fixes(findings: Iterable[Finding], unsafe: bool = False,
                 text: str | None = None) -> list[tuple[Finding, Fix]]:
    """The fixes that would be applied, in text order, conflicts resolved deterministically.

    With ``text`` (the text the findings point into), overlapping fixes of one rule are merged
    where consistent; a merged fix is given with its first finding, and the other findings it
    covers come with an empty fix. Without it, overlapping fixes are never merged.

    >>> text = "ÄŒeÅ¡tina"  # two broken runs in one word, as two findings of one rule
    >>> a = Finding("MT301", "mojibake", 0, 3, "m", fixes=[Fix.replace(0, 3, "Če")])
    >>> b = Finding("MT301", "mojibake", 2, 9, "m", fixes=[Fix.replace(2, 9, "eština")])
    >>> apply_plan(text, choose_fixes([a, b], text=text))
    'Čeština'
    """
    by_code: dict[str, list[_Candidate]] = {}
    for finding in findings:
        fix = next((f for f in finding.fixes if f.is_safe or unsafe), None)
        if fix is not None and fix.edits:
            by_code.setdefault(finding.code, []).append(
                _Candidate([finding], sorted(fix.edits), fix.applicability))
    candidates: list[_Candidate] = []
    for code in sorted(by_code):
        family = sorted(by_code[code], key=_Candidate.key)
        candidates += _merge_family(family, text) if text is not None else family
    candidates.sort(key=_Candidate.key)
    accepted: list[_Candidate] = []
    taken = _Taken()
    for candidate in candidates:
        if any(taken.overlaps(e) for e in candidate.edits):
            continue
        accepted.append(candidate)
        taken.add(tuple(candidate.edits))
    if text is not None:
        accepted = _hold_lines_of_repairs(accepted, text)
    accepted.sort(key=lambda c: (c.edits[0].start, c.edits[0].end, c.code))
    plan: list[tuple[Finding, Fix]] = []
    for candidate in accepted:
        first, *others = candidate.findings
        plan.append((first, Fix(tuple(candidate.edits), candidate.applicability)))
        plan += [(f, Fix((), candidate.applicability)) for f in others]
    return plan


def _hold_lines_of_repairs(accepted: list[_Candidate], text: str) -> list[_Candidate]:
    """``accepted`` without the fixes of lower priority on a line that a fix of the top
    priority repairs: the other rules judged the line while it was garbled (MT202 a space
    before `?\\x85`, MT404 an English `me` among Czech mojibake), and judge it again, repaired,
    in `fix`'s next pass. A line, since ftfy judges and repairs a line as a whole.

    >>> moji = _Candidate([Finding("MT301", "mojibake", 6, 7, "m")], [Edit(6, 7, "…")], Applicability.SAFE)
    >>> space = _Candidate([Finding("MT202", "extra-space", 4, 5, "m")], [Edit(4, 5, "")], Applicability.SAFE)
    >>> other = _Candidate([Finding("MT202", "extra-space", 9, 10, "m")], [Edit(9, 10, "")], Applicability.SAFE)
    >>> [c.findings[0].start for c in _hold_lines_of_repairs([moji, space, other], "work ?\\x85\\nyes ?")]
    [6, 9]
    """
    top = min((priority(c.code) for c in accepted), default=DEFAULT_PRIORITY)
    if top == DEFAULT_PRIORITY:
        return accepted
    lines = _lines_of(sorted(e for c in accepted if priority(c.code) == top for e in c.edits), text)
    return [c for c in accepted if priority(c.code) == top or not any(_on_lines(lines, e) for e in c.edits)]


def _lines_of(edits: list[Edit], text: str) -> list[tuple[int, int]]:
    """The lines (start, end without the line break) that the sorted ``edits`` touch, sorted
    and apart. Each stretch of text is searched once: a text of one 8 MB line with many repairs
    must not be scanned to its end for each.

    >>> _lines_of([Edit(1, 2, ""), Edit(3, 3, ""), Edit(8, 9, "")], "abcd\\nefgh\\nij")
    [(0, 4), (5, 9)]
    """
    lines: list[tuple[int, int]] = []
    for edit in edits:
        if lines and edit.start <= lines[-1][1]:
            if edit.end > lines[-1][1]:
                lines[-1] = (lines[-1][0], _line_end(text, edit.end))
            continue
        lines.append((text.rfind("\n", 0, edit.start) + 1, _line_end(text, edit.end)))
    return lines


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _on_lines(lines: list[tuple[int, int]], edit: Edit) -> bool:
    """Does ``edit`` touch one of the sorted, apart ``lines`` (start, end without the line
    break; an insertion at either end counts)?"""
    i = bisect.bisect_right(lines, (edit.end, float("inf"))) - 1
    return i >= 0 and edit.start <= lines[i][1] and lines[i][0] <= edit.end


def _merge_family(family: list[_Candidate], text: str) -> list[_Candidate]:
    """The fixes of one rule, in position order, each merged into the one before where their
    edits overlap and agree. A fix that overlaps and disagrees stays apart, to lose against the
    earlier one.

    Edits that overlap are cut down to what they change (``_core``: the letters of the word an
    edit kept, widening it, left out): those that overlapped only in kept letters make their
    changes side by side, those that still overlap must agree (``_merge_edits``). Once the family
    is merged, the changes that fall in one stretch of overlapping edits become one edit over the
    stretch: a word repaired whole. Linear: a fix is compared with the edits of the fix before it
    that reach its first edit, the tail of a sorted list.

    >>> text = "abcdef"
    >>> family = [_Candidate([Finding("MT203", "extra-space", s, e, "m")], [Edit(s, e, r)], Applicability.SAFE)
    ...           for s, e, r in ((0, 2, "Xb"), (1, 4, "bYZ"), (3, 5, "Q"))]
    >>> [(len(c.findings), c.edits) for c in _merge_family(family, text)]  # `d`: changed by both
    [(2, [Edit(start=0, end=4, replacement='XbYZ')]), (1, [Edit(start=3, end=5, replacement='Q')])]
    """
    out: list[_Candidate] = []
    merged: list[_Merge] = []  # the merge state of each candidate of ``out`` (None: a fix alone)
    for candidate in family:
        current = out[-1] if out else None
        if current is not None and current.apart and candidate.apart:
            state = merged[-1] or _Merge.of(current.edits, text)
            if state.take(candidate.edits, text):
                merged[-1] = state
                current.findings.append(candidate.findings[0])
                if candidate.applicability is Applicability.UNSAFE:
                    current.applicability = Applicability.UNSAFE
                continue
        out.append(candidate)
        merged.append(None)
    kept = []
    for candidate, state in zip(out, merged):
        if state is not None:
            candidate.edits = state.joined(text)
        if candidate.edits:
            kept.append(candidate)
    return kept


@dataclass
class _Merge:
    """Fixes of one rule being merged: the changes they make (sorted, apart) and the stretches
    their edits cover (sorted, apart)."""

    cores: list[Edit]
    spans: list[tuple[int, int]]

    @classmethod
    def of(cls, edits: list[Edit], text: str) -> _Merge:
        return cls([c for c in (_core(e, text) for e in edits) if c is not None],
                   _union([(e.start, e.end) for e in edits], as_edits=True))

    def take(self, edits: list[Edit], text: str) -> bool:
        """Merge ``edits`` (sorted, apart) in, if one overlaps a stretch and their changes agree."""
        first = edits[0].start
        i = len(self.spans)
        while i > 0 and self.spans[i - 1][1] >= first:  # only the tail can overlap: ends never decrease
            i -= 1
        if not any(_overlaps(Edit(s, e, ""), edit) for s, e in self.spans[i:] for edit in edits):
            return False
        new = [c for c in (_core(e, text) for e in edits) if c is not None]
        j = len(self.cores)
        low = min((c.start for c in new), default=first)
        while j > 0 and self.cores[j - 1].end >= low:
            j -= 1
        swept: list[Edit] = []
        for edit in sorted(self.cores[j:] + new):
            if swept and (_overlaps(swept[-1], edit) or swept[-1] == edit):
                both = _merge_edits(swept[-1], edit, text)
                if both is None:
                    return False
                swept[-1] = both
            else:
                swept.append(edit)
        self.cores[j:] = swept
        self.spans[i:] = _union(self.spans[i:] + [(e.start, e.end) for e in edits], as_edits=True)
        return True

    def joined(self, text: str) -> list[Edit]:
        """One edit per stretch, making the changes inside it."""
        out, k = [], 0
        for start, end in self.spans:
            inside = []
            while k < len(self.cores) and self.cores[k].end <= end:
                inside.append(self.cores[k])
                k += 1
            if inside:
                local = tuple(Edit(c.start - start, c.end - start, c.replacement) for c in inside)
                out.append(Edit(start, end, apply_plan(text[start:end], [(None, Fix(local))])))
        return out


def _core(edit: Edit, text: str) -> Edit | None:
    """``edit`` without the characters it leaves as they were at either end (None if it
    changes nothing).

    >>> _core(Edit(0, 9, "Čeština"), "ÄŒeÅ¡tina")
    Edit(start=0, end=5, replacement='Češ')
    """
    original, r = text[edit.start:edit.end], edit.replacement
    p = _common_prefix(original, r)
    q = _common_suffix(original[p:], r[p:])
    if p == len(original) == len(r):
        return None
    return Edit(edit.start + p, edit.end - q, r[p:len(r) - q])


def _merge_edits(a: Edit, b: Edit, text: str) -> Edit | None:
    """One edit that makes both overlapping edits (``a`` starting first), or None when they
    disagree: each character they share must be left as it was by one of them (then the other
    decides it), those the first keeps following those the second keeps.

    >>> t = "ÄŒeÅ¡tina"  # `ÄŒe` → `Če` and `eÅ¡tina` → `eština` share the `e`, which both keep
    >>> _merge_edits(Edit(0, 3, "Če"), Edit(2, 9, "eština"), t)
    Edit(start=0, end=9, replacement='Čeština')
    >>> _merge_edits(Edit(0, 3, "Čx"), Edit(2, 9, "yština"), t) is None  # both change the `e`
    True
    >>> _merge_edits(Edit(0, 9, "Če" + t[3:]), Edit(3, 5, "š"), t)  # one inside the other
    Edit(start=0, end=9, replacement='Čeština')
    >>> _merge_edits(Edit(4, 4, "x"), Edit(4, 4, "y"), t) is None  # two insertions at one point
    True
    >>> _merge_edits(Edit(0, 3, "c"), Edit(1, 4, "bd"), "abcd")  # `ab` and `c` deleted: each keeps the other's
    Edit(start=0, end=4, replacement='d')
    """
    if a == b:
        return a
    if b.start < a.start or (b.start == a.start and b.end > a.end):
        a, b = b, a  # ``a`` is the outer or the earlier edit
    if (a.start, a.end) == (b.start, b.end):  # either may be the outer one
        return _merge_ordered(a, b, text) or _merge_ordered(b, a, text)
    return _merge_ordered(a, b, text)


def _merge_ordered(a: Edit, b: Edit, text: str) -> Edit | None:
    """``_merge_edits`` where ``a`` starts first, or contains ``b``. The shared stretch is cut
    in two at a point ``k``: one edit keeps what lies on one side of it, the other what lies on
    the other side, and each decides what the other keeps. Any valid cut gives the same edit;
    the lengths of the kept ends are common prefixes and suffixes, so this is linear."""
    r = a.replacement
    if a.start == a.end:  # two insertions at one point: which goes first is no one's to say
        return a if not b.replacement else b if not r else None
    if b.end <= a.end:  # ``b`` lies inside ``a``
        # ``a`` keeps text[k:a.end] and ``b`` keeps text[b.start:k] …
        k = max(b.start, a.end - _common_suffix(r, text[b.start:a.end]))
        if k <= min(b.end, b.start + _common_prefix(b.replacement, text[b.start:b.end])):
            return Edit(a.start, a.end, r[:len(r) - (a.end - k)] + b.replacement[k - b.start:] + text[b.end:a.end])
        # … or ``a`` keeps text[a.start:k] and ``b`` keeps text[k:b.end].
        k = max(b.start, b.end - _common_suffix(b.replacement, text[b.start:b.end]))
        if k <= min(b.end, a.start + _common_prefix(r, text[a.start:b.end])):
            return Edit(a.start, a.end, text[a.start:b.start] + b.replacement[:len(b.replacement) - (b.end - k)]
                        + r[k - a.start:])
        return None
    # They cross: ``a`` keeps shared[k:], ``b`` keeps shared[:k].
    shared = text[b.start:a.end]
    k = len(shared) - _common_suffix(r, shared)
    if k <= _common_prefix(b.replacement, shared):
        return Edit(a.start, b.end, r[:len(r) - (len(shared) - k)] + b.replacement[k:])
    return None


def _common_prefix(x: str, y: str) -> int:
    return len(os.path.commonprefix([x, y]))


def _common_suffix(x: str, y: str) -> int:
    return len(os.path.commonprefix([x[::-1], y[::-1]]))


def defer_to_repairs(findings: list[Finding], place: Callable[[Finding], Hashable]) -> list[Finding]:
    """``findings`` without those that overlap a span repaired by a rule of higher priority
    (``FIX_PRIORITY``): inside a mojibake word, a homoglyph, a "foreign" quote mark or a C1
    control is a byte of the garble, which the repair replaces. ``place`` tells which findings
    share offsets (the record, for a file of records). A repair without a fix (the replacement
    character) hides nothing.

    >>> moji = Finding("MT301", "mojibake", 4, 9, "m", fixes=[Fix.replace(4, 9, "“B")])
    >>> homoglyph = Finding("MT305", "mixed-script", 5, 9, "m")
    >>> other = Finding("MT101", "merged-words", 10, 14, "m")
    >>> [f.code for f in defer_to_repairs([moji, homoglyph, other], place=lambda f: None)]
    ['MT301', 'MT101']
    """
    if all(priority(f.code) == DEFAULT_PRIORITY for f in findings):
        return findings  # no repair ranks above the others: the common case, at once
    repairs: dict[Hashable, dict[int, list[tuple[int, int]]]] = {}  # place → priority → spans
    for f in findings:
        if f.fixes and priority(f.code) < DEFAULT_PRIORITY:
            repairs.setdefault(place(f), {}).setdefault(priority(f.code), []).append((f.start, f.end))
    for by_rank in repairs.values():
        for rank, spans in by_rank.items():
            by_rank[rank] = _union(spans)
    kept = []
    for f in findings:
        rank, by_rank = priority(f.code), repairs.get(place(f), {})
        if not any(p < rank and _inside_any(spans, f.start, f.end) for p, spans in by_rank.items()):
            kept.append(f)
    return kept


def _union(spans: list[tuple[int, int]], as_edits: bool = False) -> list[tuple[int, int]]:
    """The spans sorted, those that share a character joined (with ``as_edits``, those that
    conflict as edits do: an empty span inside another, or two at one point, join too): apart,
    so their ends never decrease.

    >>> _union([(5, 6), (0, 10), (12, 14)]), _union([(0, 3), (3, 5), (4, 4), (6, 6), (6, 6)], as_edits=True)
    ([(0, 10), (12, 14)], [(0, 3), (3, 5), (6, 6)])
    """
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and (_overlaps(Edit(*out[-1], ""), Edit(start, end, "")) if as_edits else start < out[-1][1]):
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _inside_any(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does [start, end) overlap one of the sorted, disjoint ``spans`` (an empty span: lie
    strictly inside one)?"""
    i = bisect.bisect_left(spans, (end, end))
    while i > 0:
        i -= 1
        s, e = spans[i]
        if e <= start:
            return False
        if s < end and start < e or (start == end and s < start < e):
            return True
    return False


class _Taken:
    """The accepted edits, sorted, for the question "does this edit overlap one of them?" in
    logarithmic time (comparing each candidate with every accepted edit was quadratic: 160 s for
    an 8 MB text). Edits of different fixes never overlap, and a fix's own overlapping edits are
    kept as the span they cover together, so in start order the ends never decrease: only the
    few edits ending at or after the candidate's start, just before its end, need a look. The
    order in which fixes are added (by priority, then position) does not matter.

    >>> taken = _Taken()
    >>> taken.add((Edit(2, 4, "x"), Edit(8, 8, " ")))
    >>> [taken.overlaps(Edit(s, e, "")) for s, e in ((0, 2), (3, 3), (4, 8), (8, 8), (7, 9))]
    [False, True, False, True, True]
    """

    def __init__(self):
        self.spans: list[tuple[int, int]] = []  # (start, end), sorted

    def overlaps(self, edit: Edit) -> bool:
        i = bisect.bisect_right(self.spans, (edit.end, edit.end))
        while i > 0:
            i -= 1
            start, end = self.spans[i]
            if end < edit.start:  # this and every earlier span end before the edit begins
                return False
            if _overlaps(edit, Edit(start, end, "")):
                return True
        return False

    def add(self, edits: tuple[Edit, ...]) -> None:
        for start, end in _covered(edits):
            bisect.insort(self.spans, (start, end))


def _covered(edits: tuple[Edit, ...]) -> list[tuple[int, int]]:
    """The spans of a fix's edits, those that overlap each other merged into one (their union
    conflicts with exactly what one of them conflicts with).

    >>> _covered((Edit(1, 5, ""), Edit(3, 8, ""), Edit(8, 8, "")))
    [(1, 8), (8, 8)]
    """
    spans: list[tuple[int, int]] = []
    for edit in sorted(edits):
        if spans and _overlaps(edit, Edit(*spans[-1], "")):
            spans[-1] = (spans[-1][0], max(spans[-1][1], edit.end))
        else:
            spans.append((edit.start, edit.end))
    return spans


def _overlaps(a: Edit, b: Edit) -> bool:
    """Edits conflict when their spans share a character, or both insert at one point."""
    if a.start == a.end and b.start == b.end:
        return a.start == b.start
    return a.start < b.end and b.start < a.end or (a.start == a.end and b.start < a.start < b.end) \
        or (b.start == b.end and a.start < b.start < a.end)


def _in_order(edits: list[Edit], length: int) -> bool:
    """Do the sorted edits lie inside the text, each starting where the one before ended or
    after it? Then applying them right to left equals joining the text between them once."""
    pos = 0
    for edit in edits:
        if not pos <= edit.start <= edit.end:
            return False
        pos = edit.end
    return pos <= length


def apply_fixes(text: str, findings: Iterable[Finding], unsafe: bool = False) -> str:
    """Return ``text`` with the findings' fixes applied (safe ones, or all with ``unsafe``).

    >>> from mtcheck import check
    >>> apply_fixes("They have disappearedin the city.", check("They have disappearedin the city.", lang="en"))
    'They have disappeared in the city.'
    """
    return apply_plan(text, choose_fixes(findings, unsafe, text))


def apply_plan(text: str, plan: list[tuple[Finding, Fix]]) -> str:
    """``text`` with the plan's edits applied, right to left.

    >>> apply_plan("ab cd", [(None, Fix((Edit(1, 1, "x"), Edit(3, 5, "EF"))))])
    'axb EF'
    """
    edits = sorted(e for _, fix in plan for e in fix.edits)
    if _in_order(edits, len(text)):
        # One join of the pieces: rebuilding the string once per edit was quadratic.
        pieces, pos = [], 0
        for edit in edits:
            pieces += (text[pos:edit.start], edit.replacement)
            pos = edit.end
        return "".join(pieces) + text[pos:]
    edits.reverse()  # edits that overlap or fall outside: one by one, as before (or the error)
    for edit in edits:
        if not 0 <= edit.start <= edit.end <= len(text):
            raise ValueError(f"edit {edit} outside the text")
        text = text[: edit.start] + edit.replacement + text[edit.end:]
    return text
