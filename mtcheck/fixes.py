"""The fix engine: apply the fixes of findings to a text in one pass.

Each finding offers fixes; the first one whose applicability is allowed is taken. Fixes are
considered in order of position (then code), and a fix whose edits overlap an edit already
accepted is dropped whole, so the result does not depend on the order rules ran in. Edits are
applied right to left, and no character outside an edited span changes.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from mtcheck.finding import Edit, Finding, Fix


def choose_fixes(findings: Iterable[Finding], unsafe: bool = False) -> list[tuple[Finding, Fix]]:
    """The fixes that would be applied, in text order, conflicts dropped deterministically."""
    candidates = []
    for finding in findings:
        fix = next((f for f in finding.fixes if f.is_safe or unsafe), None)
        if fix is not None and fix.edits:
            candidates.append((finding, fix))
    candidates.sort(key=lambda fc: (min(fc[1].edits), fc[0].code))
    accepted: list[tuple[Finding, Fix]] = []
    taken = _Taken()
    for finding, fix in candidates:
        if any(taken.overlaps(e) for e in fix.edits):
            continue
        accepted.append((finding, fix))
        taken.add(fix.edits)
    return accepted


class _Taken:
    """The accepted edits, sorted, for the question "does this edit overlap one of them?" in
    logarithmic time (comparing each candidate with every accepted edit was quadratic: 160 s for
    an 8 MB text). Edits of different fixes never overlap, and a fix's own overlapping edits are
    kept as the span they cover together, so in start order the ends never decrease: only the
    few edits ending at or after the candidate's start, just before its end, need a look.

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
    return apply_plan(text, choose_fixes(findings, unsafe))


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
