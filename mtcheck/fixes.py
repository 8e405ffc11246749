"""The fix engine: apply the fixes of findings to a text in one pass.

Each finding offers fixes; the first one whose applicability is allowed is taken. Fixes are
considered in order of position (then code), and a fix whose edits overlap an edit already
accepted is dropped whole, so the result does not depend on the order rules ran in. Edits are
applied right to left, and no character outside an edited span changes.
"""

from __future__ import annotations

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
    taken: list[Edit] = []
    for finding, fix in candidates:
        if any(_overlaps(e, t) for e in fix.edits for t in taken):
            continue
        accepted.append((finding, fix))
        taken.extend(fix.edits)
    return accepted


def _overlaps(a: Edit, b: Edit) -> bool:
    """Edits conflict when their spans share a character, or both insert at one point."""
    if a.start == a.end and b.start == b.end:
        return a.start == b.start
    return a.start < b.end and b.start < a.end or (a.start == a.end and b.start < a.start < b.end) \
        or (b.start == b.end and a.start < b.start < a.end)


def apply_fixes(text: str, findings: Iterable[Finding], unsafe: bool = False) -> str:
    """Return ``text`` with the findings' fixes applied (safe ones, or all with ``unsafe``).

    >>> from mtcheck import check
    >>> apply_fixes("They have disappearedin the city.", check("They have disappearedin the city.", lang="en"))
    'They have disappeared in the city.'
    """
    return apply_plan(text, choose_fixes(findings, unsafe))


def apply_plan(text: str, plan: list[tuple[Finding, Fix]]) -> str:
    edits = sorted((e for _, fix in plan for e in fix.edits), reverse=True)
    for edit in edits:
        if not 0 <= edit.start <= edit.end <= len(text):
            raise ValueError(f"edit {edit} outside the text")
        text = text[: edit.start] + edit.replacement + text[edit.end:]
    return text
