"""Findings, fixes and edits: what rules produce and the fix engine consumes.

Offsets are character offsets into the decoded text (without its BOM); for records (JSONL, TSV)
they point into the record's ``translation`` field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from mtcheck.taxonomy import CATEGORIES, Severity


class Applicability(str, Enum):
    """How sure a fix is (ruff's terms): ``fix`` applies safe fixes, ``--unsafe-fixes`` all."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True, order=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "replacement": self.replacement}


@dataclass(frozen=True)
class Fix:
    """A sorted list of edits applied together, or not at all."""

    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE

    @classmethod
    def replace(cls, start: int, end: int, replacement: str, safe: bool = True) -> Fix:
        return cls((Edit(start, end, replacement),), Applicability.SAFE if safe else Applicability.UNSAFE)

    @property
    def is_safe(self) -> bool:
        return self.applicability is Applicability.SAFE

    def to_dict(self) -> dict:
        return {"applicability": self.applicability.value, "edits": [e.to_dict() for e in self.edits]}


@dataclass
class Finding:
    code: str
    category: str
    start: int
    end: int
    message: str
    severity: Severity | None = None
    fixes: list[Fix] = field(default_factory=list)
    # Filled in by the engine once the finding is placed in its input:
    line: int = 0
    column: int = 0
    record: str | None = None
    path: str | None = None
    text: str = ""
    # Where a second opinion (the spaces model) had a say: "model" (its finding alone) or
    # "rules+model" (a rule's finding it agrees with), with its confidence; None: the rules alone.
    source: str | None = None
    confidence: float | None = None

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"unknown category {self.category!r}")
        if self.severity is None:
            self.severity = CATEGORIES[self.category].severity

    @property
    def fix(self) -> Fix | None:
        """The preferred fix (the first), if any."""
        return self.fixes[0] if self.fixes else None

    def sort_key(self) -> tuple:
        return (self.path or "", self.record or "", self.start, self.end, self.code)

    def to_dict(self) -> dict:
        """The JSON contract; ``source`` and ``confidence`` only where a model had a say (the
        findings of the rules alone serialize as they always did)."""
        out = {
            "path": self.path,
            "record": self.record,
            "line": self.line,
            "column": self.column,
            "start": self.start,
            "end": self.end,
            "code": self.code,
            "category": self.category,
            "severity": self.severity.value,
            "message": self.message,
            "fixes": [f.to_dict() for f in self.fixes],
        }
        if self.source:
            out.update(source=self.source, confidence=self.confidence)
        return out
