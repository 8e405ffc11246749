"""An MQM-style score from findings, as WMT's MQM scores a system from its raters' errors.

Each finding weighs by its severity (TAXONOMY.md: minor 1, major 5, critical 25; a minor
``Fluency/Punctuation`` finding 0.1). The weights of a segment are summed; a system's (or a
document's) score is the mean over its segments, segments without findings counting 0, as in
WMT's MQM; and, so that long segments are not penalized for length, per 100 words too. Lower is
better: 0 is a translation with nothing found.

    >>> from mtcheck.finding import Finding
    >>> found = [Finding("MT101", "merged-words", 0, 5, "glued"), Finding("MT201", "missing-space", 9, 10, "space")]
    >>> s = MQMStyle().score(found, segments=4, words=50)
    >>> s.penalty, s.per_segment, s.per_100_words
    (5.1, 1.275, 10.2)

The same table weighs the raters' errors of the MQM corpora in ``mtcheck bench`` (WMT's files
spell severities ``Minor``, ``Major``; :func:`error_weight` reads either spelling), so the two
scores a bench report sets side by side are computed alike.

Like sacrebleu's scores, every score carries a signature that says how it was computed
(``mtcheck.scoring.signature``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mtcheck.finding import Finding
from mtcheck.scoring.signature import Signature
from mtcheck.taxonomy import CATEGORIES

if TYPE_CHECKING:
    from mtcheck.config import Config

# WMT's MQM weights (Freitag et al. 2021; TAXONOMY.md), by severity, case-folded: mtcheck's
# findings have the first three, raters' errors may also be Neutral. Two exceptions: a minor
# Fluency/Punctuation error, and a Non-translation! (in WMT's files a category, of a Major error:
# the whole segment is no translation of its source).
WEIGHTS = {"minor": 1.0, "major": 5.0, "critical": 25.0, "neutral": 0.0}
MINOR_PUNCTUATION = 0.1
NON_TRANSLATION = 25.0
PUNCTUATION = "Fluency/Punctuation"


def error_weight(category: str, severity: str) -> float:
    """An error of MQM ``category`` and ``severity`` as WMT's MQM weighs it (an unknown
    severity, such as WMT's ``no-error``, weighs 0).

    >>> error_weight("Fluency/Punctuation", "Minor"), error_weight("Accuracy/Omission", "Major")
    (0.1, 5.0)
    >>> error_weight("Non-translation!", "Major"), error_weight("Fluency/Punctuation", "major")
    (25.0, 5.0)
    """
    category, severity = category.strip().casefold(), severity.strip().casefold()
    if "non-translation!" in (category, severity):  # a category in WMT's files; bench read it as a severity
        return NON_TRANSLATION
    if severity == "minor" and category.startswith(PUNCTUATION.casefold()):
        return MINOR_PUNCTUATION
    return WEIGHTS.get(severity, 0.0)


def weight(finding: Finding) -> float:
    """The MQM weight of one finding: its category's MQM category and its severity.

    >>> weight(Finding("MT201", "missing-space", 0, 1, "")), weight(Finding("MT102", "missing-sentence-boundary", 0, 1, ""))
    (0.1, 5.0)
    """
    return error_weight(CATEGORIES[finding.category].mqm, finding.severity.value)


def weights_text() -> str:
    """The table as a signature prints it.

    >>> weights_text()
    'minor=1,major=5,critical=25,minor-punctuation=0.1,non-translation=25,neutral=0'
    """
    printed = [(s, WEIGHTS[s]) for s in ("minor", "major", "critical")] + [
        ("minor-punctuation", MINOR_PUNCTUATION), ("non-translation", NON_TRANSLATION), ("neutral", WEIGHTS["neutral"])]
    return ",".join(f"{name}={w:g}" for name, w in printed)


@dataclass(frozen=True)
class MQMScore:
    penalty: float  # sum of weights
    segments: int
    words: int
    signature: Signature

    @property
    def per_segment(self) -> float:
        return round(self.penalty / self.segments, 4) if self.segments else 0.0

    @property
    def per_100_words(self) -> float:
        return round(100 * self.penalty / self.words, 4) if self.words else 0.0

    def to_dict(self) -> dict:
        return {"penalty": round(self.penalty, 4), "segments": self.segments, "words": self.words,
                "per_segment": self.per_segment, "per_100_words": self.per_100_words,
                "signature": self.signature.format()}


class MQMStyle:
    """The MQM-style score of a set of findings over ``segments`` segments of ``words`` words,
    found with ``config`` (None: the defaults; its selected rules go into the signature)."""

    name = "MQM-style"

    def __init__(self, config: Config | None = None):
        self.config = config

    def signature(self) -> Signature:
        return mqm_signature(self.config)

    def score(self, findings: Iterable[Finding], segments: int, words: int) -> MQMScore:
        return MQMScore(round(sum(weight(f) for f in findings), 4), segments, words, self.signature())


def mqm_signature(config: Config | None = None, **keys) -> Signature:
    """The signature of an MQM-style score (and of a report that has one) with ``config``:
    the weights, the mean over segments, then ``keys``.

    >>> s = mqm_signature()
    >>> s.format().startswith("weights:minor=1,major=5,critical=25,minor-punctuation=0.1,non-translation=25,neutral=0|mean:segments|mtcheck:")
    True
    """
    return Signature.of(config, weights=weights_text(), mean="segments", **keys)
