"""The rule catalogue: one module per family, each rule a small class registered by code.

A rule declares its code (stable, never reused), name, category (TAXONOMY.md), fix
availability, documentation sections and examples in several languages; ``check`` gets a
Document and its Language and yields Findings. Rules never read files or print.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from mtcheck.document import Document
from mtcheck.finding import Finding, Fix
from mtcheck.languages import Language, language_for
from mtcheck.taxonomy import CATEGORIES

# Rule families, imported on first use of the catalogue.
FAMILIES = ("segmentation", "punctuation", "encoding", "casing", "spelling", "boilerplate", "numbers", "source",
            "placeholders", "consistency", "terminology")

MARK_OPEN, MARK_CLOSE = "⟦", "⟧"


@dataclass(frozen=True)
class Example:
    """A rule example. ``text`` marks the flagged span with ⟦…⟧; ``fixed`` is the text after
    applying the finding's fix (all fixes, unsafe included), or None when there is no fix."""

    lang: str
    text: str
    fixed: str | None = None
    # The source the text translates, for rules that compare with it, and its language.
    source: str | None = None
    source_lang: str | None = None

    @property
    def plain(self) -> str:
        return self.text.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")

    @property
    def span(self) -> tuple[int, int]:
        start = self.text.index(MARK_OPEN)
        return start, self.text.index(MARK_CLOSE) - len(MARK_OPEN)


class Rule:
    # Class attributes every rule sets (annotated without typing.ClassVar: importing typing
    # would cost a one-file run 2 ms).
    code: str
    name: str
    category: str
    fix_availability: str = "always"  # always | sometimes | never
    # Languages the rule runs on; None: every language with data.
    languages: frozenset[str] | None = None
    status: str = "stable"
    # True for rules that compare a unit with its source (numbers, placeholders, terms): they may
    # flag a URL or a whole translation, so protected spans and accepted words do not silence them.
    compares_source: bool = False
    added_in: str = "0.1.0"
    # Documentation sections, ruff's: What it does / Why is this bad? / Fix safety.
    what: str
    why: str
    fix_safety: str = "This rule has no fix."
    examples: tuple[Example, ...] = ()
    # Texts the rule must stay silent on (language, text): the target languages' own conventions.
    clean: tuple[tuple[str, str], ...] = ()

    # What the rule needs of a language: its data (lexicon, conventions; a language without a
    # folder in languages/ gets only the rules that need none), and words separated by spaces
    # (no such rule runs on Japanese, Chinese or Thai).
    needs_language_data: bool = True
    needs_word_spaces: bool = False

    def applies_to(self, lang: str) -> bool:
        """Does the rule run on texts in ``lang`` (any code users write: ``pt_BR``, ``cs``)?"""
        language = language_for(lang)
        if self.needs_language_data and not language.has_data:
            return False
        if self.needs_word_spaces and not language.spaced:
            return False
        if self.code in language.rules_off:
            return False
        return (self.languages is None or language.code in self.languages) and self.runs_on(language)

    def runs_on(self, language: Language) -> bool:
        """A rule's own condition on the language's data (an accent table, a casing class)."""
        return True

    def check(self, doc: Document, lang: Language) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(self, start: int, end: int, message: str, *fixes: Fix) -> Finding:
        return Finding(self.code, self.category, start, end, message, fixes=[f for f in fixes if f])


_REGISTRY: dict[str, Rule] = {}


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator: add a rule to the catalogue (codes are unique, categories real)."""
    if cls.code in _REGISTRY:
        raise ValueError(f"duplicate rule code {cls.code}")
    if cls.category not in CATEGORIES:
        raise ValueError(f"{cls.code}: unknown category {cls.category}")
    _REGISTRY[cls.code] = cls()
    return cls


def all_rules() -> list[Rule]:
    """Every registered rule, sorted by code."""
    return list(_catalogue())


@lru_cache(maxsize=1)
def _catalogue() -> tuple[Rule, ...]:
    # Once: every document asks, and the families register their rules when imported.
    for family in FAMILIES:
        importlib.import_module(f"mtcheck.rules.{family}")
    return tuple(_REGISTRY[c] for c in sorted(_REGISTRY))


def get_rule(code: str) -> Rule:
    rules = {r.code: r for r in all_rules()}
    if code.upper() not in rules:
        raise KeyError(code)
    return rules[code.upper()]
