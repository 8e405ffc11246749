"""The synthetic benchmark: corrupt clean text, check it, and count what mtcheck finds.

For every clean text and every category, one corruption (``mtcheck.synthetic.corrupt``, seeded by the
text's position) is checked with all rules. Per language and category:

- **recall**: corruptions for which a finding *of that category* matches the gold span (overlaps
  it; a gold span that is empty, a dropped sentence, is matched by a finding of the category in
  the same paragraph);
- **exact fix**: of those found, the share whose finding's fix (unsafe ones allowed) gives the
  clean text back, byte for byte;
- **precision**: of the findings of that category on all corrupted texts, the share that match
  a gold span of their own category; the rest are false alarms, on the corrupted text or on
  what it kept of the clean text;
- **clean findings**: the findings of that category on the clean texts themselves.

    >>> from mtcheck.languages import get_language
    >>> texts = [("The workers gathered in the square.", None)]
    >>> row = evaluate(texts, get_language("en"), ["merged-words"])["merged-words"]
    >>> row.corrupted, row.found, row.exact_fixes
    (1, 1, 1)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from mtcheck.checker import check_document
from mtcheck.config import Config
from mtcheck.synthetic.corrupt import CORRUPTORS, SOURCE_CATEGORIES, Corruption, corrupt
from mtcheck.document import Document, paragraph_spans
from mtcheck.finding import Finding
from mtcheck.fixes import apply_plan
from mtcheck.languages import Language


@dataclass
class CategoryResult:
    corrupted: int = 0  # texts that offered a place for the corruption
    found: int = 0
    exact_fixes: int = 0
    fixable: int = 0  # found, with a gold fix a rule could give (not for omission)
    findings: int = 0  # findings of the category on the corrupted texts
    true_findings: int = 0
    clean_findings: int = 0
    words: int = 0  # of the clean texts
    misses: list = field(default_factory=list)  # (text index) of corruptions not found, for reading

    @property
    def recall(self) -> float | None:
        return self.found / self.corrupted if self.corrupted else None

    @property
    def precision(self) -> float | None:
        return self.true_findings / self.findings if self.findings else None

    @property
    def exact_fix_rate(self) -> float | None:
        return self.exact_fixes / self.fixable if self.fixable else None

    def to_dict(self) -> dict:
        return {"corrupted": self.corrupted, "found": self.found, "recall": _round(self.recall),
                "findings": self.findings, "precision": _round(self.precision),
                "exact_fix_rate": _round(self.exact_fix_rate), "clean_findings": self.clean_findings,
                "clean_words": self.words}


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 3)


def _matches(f: Finding, c: Corruption) -> bool:
    if f.category != c.category:
        return False
    if c.start == c.end:  # something missing: any finding of the category in that paragraph
        return any(s <= c.start <= e and s <= f.start <= e for s, e in paragraph_spans(c.text) or [(0, len(c.text))])
    return f.start < c.end and c.start < max(f.end, f.start + 1)


def _doc(text: str, lang: Language, source: str | None, source_lang: str | None) -> Document:
    return Document(text, lang.code, source=source, source_lang=source_lang if source else None)


def evaluate(texts: Sequence[tuple[str, str | None]], lang: Language, categories: Iterable[str] | None = None,
             source_lang: str | None = None, seed: int = 0, config: Config | None = None) -> dict[str, CategoryResult]:
    """Corrupt each (text, source) once per category and check it; results per category."""
    config = config or Config()
    categories = list(categories or CORRUPTORS)
    results: dict[str, CategoryResult] = defaultdict(CategoryResult)
    clean_found: list[list[Finding]] = []
    for text, source in texts:
        clean_found.append(check_document(_doc(text, lang, source, source_lang), config))
    for category in categories:
        row = results[category]
        for i, (text, source) in enumerate(texts):
            row.words += len(text.split())
            row.clean_findings += sum(f.category == category for f in clean_found[i])
            if category in SOURCE_CATEGORIES and not source:
                continue
            c = corrupt(text, category, lang, seed=seed * 1_000_003 + i, source=source)
            if c is None:
                continue
            row.corrupted += 1
            findings = check_document(_doc(c.text, lang, source, source_lang), config)
            # Findings of any category are counted where they belong (precision of every category).
            for f in findings:
                results[f.category].findings += 1
                results[f.category].true_findings += _matches(f, c)
            hits = [f for f in findings if _matches(f, c)]
            if not hits:
                row.misses.append(i)
                continue
            row.found += 1
            if c.fix is not None and c.category != "omission":
                row.fixable += 1
                row.exact_fixes += any(
                    apply_plan(c.text, [(f, fix)]) == text for f in hits for fix in f.fixes)
    return dict(results)
