"""The artifact categories of TAXONOMY.md: a public contract.

Every finding carries exactly one of these names; JSON, SARIF, config files and benchmarks use
them verbatim. The MQM column maps a category onto the MQM typology used in WMT human
evaluation, and the default severity is the one a finding gets unless config overrides it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.MINOR: 1, Severity.MAJOR: 2, Severity.CRITICAL: 3}


@dataclass(frozen=True)
class Category:
    name: str
    mqm: str
    severity: Severity
    description: str


def _c(name: str, mqm: str, severity: str, description: str) -> Category:
    return Category(name, mqm, Severity(severity), description)


CATEGORIES: dict[str, Category] = {
    c.name: c
    for c in [
        _c("merged-words", "Fluency/Spelling", "major", "two words glued together"),
        _c("missing-sentence-boundary", "Fluency/Punctuation", "major",
           "two sentences glued, period and space lost"),
        _c("missing-space", "Fluency/Punctuation", "minor", "no space after punctuation"),
        _c("extra-space", "Fluency/Punctuation", "minor",
           "space where the target language has none"),
        _c("split-word", "Fluency/Spelling", "major", "one word broken in two"),
        _c("subword-residue", "Fluency/Spelling", "major", "tokenizer leftovers"),
        _c("repeated-word", "Fluency/Grammar", "minor",
           "the same word twice where the language does not allow it"),
        _c("spelling", "Fluency/Spelling", "minor", "a misspelled word"),
        _c("proper-noun-case", "Fluency/Spelling", "minor", "a name lowercased"),
        _c("over-capitalization", "Fluency/Spelling", "minor",
           "capitalized where the target language does not"),
        _c("sentence-case", "Fluency/Spelling", "minor", "a sentence that starts in lower case"),
        _c("unbalanced-quote", "Fluency/Punctuation", "minor",
           "an opening quote with no closing one in its paragraph, or the reverse"),
        _c("unbalanced-bracket", "Fluency/Punctuation", "minor", "a bracket with no partner"),
        _c("foreign-punctuation", "Locale convention", "minor",
           "punctuation or quote marks of another language's convention"),
        _c("number-format", "Locale convention/Number format", "major",
           "decimal or thousands separators of the source locale"),
        _c("number-mismatch", "Accuracy/Mistranslation", "major",
           "a number of the source missing or changed"),
        _c("omission", "Accuracy/Omission", "major", "source content with no counterpart"),
        _c("untranslated", "Accuracy/Untranslated", "major",
           "text left in the source language or script"),
        _c("source-spelling", "Fluency/Spelling", "minor",
           "a name spelled the source language's way"),
        _c("inconsistent-spelling", "Fluency/Inconsistency", "minor",
           "one entity spelled two ways in one document"),
        _c("duplicate-sentence", "Accuracy/Addition", "minor", "a sentence or pull quote repeated"),
        _c("web-boilerplate", "Other (non-translation)", "major",
           "page furniture carried into the text"),
        _c("mojibake", "Fluency/Character encoding", "major",
           "text decoded with the wrong encoding"),
        _c("markup-residue", "Fluency/Character encoding", "minor",
           "HTML entities or tags left in plain text"),
        _c("invisible-character", "Fluency/Character encoding", "minor",
           "zero-width, control or soft-hyphen characters inside text"),
        _c("mixed-script", "Fluency/Spelling", "major",
           "letters from two scripts in one word"),
        _c("placeholder-mismatch", "Accuracy/Mistranslation (Markup)", "major",
           "a placeholder, tag, URL or e-mail of the source missing, changed or added"),
        _c("inconsistent-translation", "Terminology/Inconsistent use", "minor",
           "one source segment translated two different ways"),
        _c("terminology", "Terminology/Inappropriate for context", "minor",
           "a glossary term not translated with its required target term"),
    ]
}
