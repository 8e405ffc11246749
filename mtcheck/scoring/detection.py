"""Findings against human error annotations (MQM): which finding matches which rater's error.

The rule, written once here and used by ``mtcheck bench`` and ``benchmarks/mqm.py``:

- **categories** correspond through the taxonomy's MQM column: a data category and an mtcheck
  category's MQM string correspond when, case-folded, one is a prefix of the other ending at a
  word boundary (``Accuracy/Untranslated`` ↔ ``Accuracy/Untranslated text``), or they are equal;
- a finding and an error **match** when they are in the same segment and their character spans
  overlap; an error without a span (an omission) matches a finding of a corresponding category
  in the segment, and so does a finding without a span (empty, or covering the whole segment)
  with an error of a corresponding category;
- **recall** of an MQM category: the share of its error annotations matched by a finding of a
  corresponding category (the same overlap rule);
- **precision** of a finding: it matches some error of the segment, of *any* category when both
  have spans (a real artifact the raters filed under another name still counts as found).

    >>> spanless(0, 0, "Hallo"), spanless(0, 6, " Hallo "), spanless(1, 3, "Hallo")
    (True, True, False)
    >>> corresponds("Accuracy/Untranslated text", "Accuracy/Untranslated")
    True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from mtcheck.taxonomy import CATEGORIES


def corresponds(data_category: str, mqm: str) -> bool:
    """Do an MQM category of the data and an mtcheck MQM string name the same thing?"""
    a, b = data_category.strip().casefold(), mqm.strip().casefold()
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and (len(long) == len(short) or not long[len(short)].isalnum())


@lru_cache(maxsize=None)
def mapped(data_category: str, mtcheck_category: str) -> bool:
    """Does the data's MQM category correspond to the mtcheck category's MQM string?"""
    return corresponds(data_category, CATEGORIES[mtcheck_category].mqm)


def spanless(start: int, end: int, text: str) -> bool:
    """A finding with no span: empty, or covering the whole segment (white space aside)."""
    if start == end:
        return True
    return start <= len(text) - len(text.lstrip()) and end >= len(text.rstrip())


@dataclass(frozen=True)
class Span:
    """A finding or an error within one segment: its category and character span (None: none)."""

    category: str  # mtcheck category for findings, MQM category for errors
    start: int | None
    end: int | None


def matches(finding: Span, finding_spanless: bool, error: Span, any_category: bool) -> bool:
    """Does ``finding`` (an mtcheck category) match the rater's ``error`` (an MQM category)?"""
    same = mapped(error.category, finding.category)
    if error.start is None or finding_spanless:
        return same
    return (any_category or same) and finding.start < error.end and error.start < finding.end
