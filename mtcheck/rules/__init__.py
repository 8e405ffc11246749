"""The rule catalogue: one module per family, each rule a small class registered by code.

A rule declares its code (stable, never reused), name, category (TAXONOMY.md), status, the
version it appeared in, fix availability and the applicability of its fixes, documentation
sections and examples in several languages; ``check`` gets a Document and its Language and
yields Findings. Rules never read files or print. The registry is the one source of truth:
``mtcheck rules``, ``mtcheck rule CODE`` and the pages in docs/rules/ are made from it.

    >>> rule = get_rule("MT101")
    >>> rule.name, rule.status, rule.fix_availability, rule.fix_applicability, rule.severity
    ('merged-words', <Status.STABLE: 'stable'>, <FixAvailability.ALWAYS: 'always'>, <Applicability.SAFE: 'safe'>, <Severity.MAJOR: 'major'>)
    >>> rule.applies_to("en"), rule.applies_to("ja")
    (True, False)
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from mtcheck.document import Document
from mtcheck.finding import Applicability, Finding, Fix
from mtcheck.languages import Language, language_for
from mtcheck.profiles import PROFILES
from mtcheck.taxonomy import CATEGORIES, Severity
from mtcheck.version import __version__

# Rule families, imported on first use of the catalogue.
FAMILIES = ("segmentation", "punctuation", "encoding", "casing", "spelling", "boilerplate", "numbers", "source",
            "placeholders", "messages", "consistency", "terminology", "house_style", "resources")

MARK_OPEN, MARK_CLOSE = "⟦", "⟧"


class _Value(str, Enum):
    """An enum that prints as its value (``always``, not ``FixAvailability.ALWAYS``), in JSON and text."""

    def __str__(self) -> str:
        return self.value

    def __format__(self, spec: str) -> str:
        return format(self.value, spec)


class Status(_Value):
    """ruff's: a stable rule runs when selected; a preview rule's findings may still change."""

    STABLE = "stable"
    PREVIEW = "preview"


class FixAvailability(_Value):
    """Does a finding of the rule come with a fix: always, for some findings, or never."""

    ALWAYS = "always"
    SOMETIMES = "sometimes"
    NEVER = "never"


@dataclass(frozen=True)
class Example:
    """A rule example. ``text`` marks each span the rule flags with ⟦…⟧ (the rule flags exactly
    these); ``fixed`` is the text after applying their fixes, or None when there is no fix.
    ``applicability`` is that of the fixes, when not the rule's usual ``fix_applicability``.

    >>> ex = Example("en", "a ⟦«⟧word⟦»⟧ here", 'a "word" here')
    >>> ex.plain, ex.spans, ex.span
    ('a «word» here', [(2, 3), (7, 8)], (2, 3))
    """

    lang: str
    text: str
    fixed: str | None = None
    # The source the text translates, for rules that compare with it, and its language.
    source: str | None = None
    source_lang: str | None = None
    applicability: Applicability | None = None
    # A key of a resource file's source that the translation lacks (the example is then one
    # record with no text; ``text`` is ``⟦⟧``): why it is expected.
    missing: str | None = None
    # The record id, for an example that is one record of a file of records.
    record: str | None = None
    # An HTML page's text: its tags protected, as an .html file is read.
    html: bool = False

    @property
    def plain(self) -> str:
        return self.text.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")

    @property
    def spans(self) -> list[tuple[int, int]]:
        """Every marked span, as offsets into ``plain``."""
        spans, removed, at = [], 0, 0
        while (start := self.text.find(MARK_OPEN, at)) != -1:
            end = self.text.index(MARK_CLOSE, start)
            spans.append((start - removed, end - removed - len(MARK_OPEN)))
            removed += len(MARK_OPEN) + len(MARK_CLOSE)
            at = end
        return spans

    @property
    def span(self) -> tuple[int, int]:
        """The first marked span."""
        return self.spans[0]

    def document(self) -> Document:
        """The example as the checker sees it: a text, or one record of a file of records.

        >>> Example("en", "⟦⟧", source="Save", source_lang="en", record="menu.save", missing="x").document().segments
        [Segment(start=0, end=0, record='menu.save', line=1, source='Save', missing='x')]
        """
        if self.record is None and self.missing is None:
            return Document(self.plain, self.lang, source=self.source, source_lang=self.source_lang, html=self.html)
        return Document.from_records([self.plain], [self.record or "example"], [1], self.lang, sources=[self.source],
                                     source_lang=self.source_lang, missing=[self.missing])


class Rule:
    # Class attributes every rule sets (annotated without typing.ClassVar: importing typing
    # would cost a one-file run 2 ms).
    code: str
    name: str
    category: str
    fix_availability: FixAvailability = FixAvailability.ALWAYS
    # The applicability of the rule's fixes, as its examples show (an example may say otherwise).
    fix_applicability: Applicability = Applicability.SAFE
    # Languages the rule runs on; None: every language with data.
    languages: frozenset[str] | None = None
    status: Status = Status.STABLE
    # The house-style profiles the rule belongs to (mtcheck.profiles): such a rule is off unless
    # the config names one of them that covers the text's language (`profiles =
    # ["de-typography"]`), or selects the rule by code or name.
    profiles: tuple[str, ...] = ()
    # True for rules that compare a unit with its source (numbers, placeholders, terms): they may
    # flag a URL or a whole translation, so protected spans and accepted words do not silence them.
    compares_source: bool = False
    added_in: str = "0.1.0"  # the mtcheck version the rule appeared in
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

    @property
    def severity(self) -> Severity:
        """The default severity: its category's (TAXONOMY.md); a config may override it."""
        return CATEGORIES[self.category].severity

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
    """Class decorator: add a rule to the catalogue (codes are unique, categories real, the
    declared kinds the enums', the version one that has been)."""
    if cls.code in _REGISTRY:
        raise ValueError(f"duplicate rule code {cls.code}")
    if cls.category not in CATEGORIES:
        raise ValueError(f"{cls.code}: unknown category {cls.category}")
    for attribute, kind in (("status", Status), ("fix_availability", FixAvailability),
                            ("fix_applicability", Applicability)):
        if not isinstance(getattr(cls, attribute), kind):
            raise TypeError(f"{cls.code}: {attribute} must be a {kind.__name__}")
    if any(p not in PROFILES for p in cls.profiles):
        raise ValueError(f"{cls.code}: unknown profile in {cls.profiles}")
    if cls.profiles and cls.languages is None:  # a house style judges its profiles' languages
        cls.languages = frozenset().union(*(PROFILES[p].languages for p in cls.profiles))
    if _version(cls.added_in) > _version(__version__):
        raise ValueError(f"{cls.code}: added in {cls.added_in}, after this version ({__version__})")
    _REGISTRY[cls.code] = cls()
    return cls


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


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
    """A rule by its code (any case) or its name, as ``mtcheck rules`` lists both.

    >>> get_rule("mt102").name, get_rule("glued-sentences").code
    ('glued-sentences', 'MT102')
    """
    for r in all_rules():
        if r.code == code.upper() or r.name == code.lower():
            return r
    raise KeyError(code)
