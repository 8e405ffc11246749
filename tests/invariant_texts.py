"""Texts built from realistic pieces, and the invariants every check and fix must keep.

Shared by tests/test_invariants.py (a fast hypothesis profile) and benchmarks/invariants.py (a
long one). A text is a sequence of pieces joined by separators: frequent words of the language's
lexicon and glue words, the accent-less and lower-case forms its rules repair, two words glued
together, a word repeated, punctuation of every convention, placeholders, URLs, digits, HTML
entities, invisible characters, mojibake (``str.encode('utf-8').decode('cp1252')``) and words
with one letter of another script.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import regex
from hypothesis import strategies as st

from mtcheck.checker import check_document
from mtcheck.config import Config
from mtcheck.document import Document
from mtcheck.text.patterns import URL
from mtcheck.finding import Finding
from mtcheck.fixes import apply_plan, choose_fixes
from mtcheck.languages import available, get_language

LANGS = tuple(available())
# Rules whose fix may change digits: numbers and their format are what they are about.
ABOUT_DIGITS = ("MT6",)
PLACEHOLDERS = ("%s", "%d", "%1$s", "%2$d", "%(name)s", "%.0s", "{0}", "{name}", "{{name}}", "{count}",
                "$(name)", "$name$", "${name}", "@name@", "#NAME#", "$[name]", "&brandShortName;", "%count%")
URLS = ("https://example.com/a/b", "www.example.org", "info@example.com", "@anna", "#tag", "example.com")
PUNCTUATION = tuple(",.;:!?¿¡()[]«»„“”‚‘’\"'…—–-/") + (" ,", " .", "...", ",,", "''", "，", "。")
ENTITIES = ("&quot;", "&amp;", "&nbsp;", "&#39;", "&lt;b&gt;", "<b>", "</b>", "<br>")
INVISIBLE = ("\u200b", "\u00ad", "\ufeff", "\u200e", "\u2060")
SEPARATORS = (" ",) * 12 + ("", "  ", "\n", "\n\n", "\u00a0", " \t")
HOMOGLYPHS = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "s": "ѕ", "i": "і",
              "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x"}
# Digits of a text, not of an HTML character reference (`&#39;` is MT302's to decode).
# (first, then): a repair by the first rule that lets the second see what it hid, left to the fix
# loop's next pass. The word repairs (mojibake, invisible characters, homoglyphs) give back the
# word itself, which other rules then judge: capitalised as a name, split where glued. Merging
# each with every judgement of the word would copy those rules into them.
# Mojibake, entity, invisible character, homoglyph, lost accent (`asi asi` → `así así`, doubled glue).
WORD_REPAIRS = ("MT301", "MT302", "MT304", "MT305", "MT404")
JUDGEMENTS = ("MT101", "MT105", "MT201", "MT202", "MT203", "MT305", "MT401", "MT403", "MT404")
UNVEILS = frozenset({(r, j) for r in WORD_REPAIRS for j in JUDGEMENTS if r != j} - {("MT305", "MT101")}  # MT101 repairs it
                    # A split word's halves are judged on their own (a name, a lost accent), and a
                    # sentence end put back makes the next word a sentence start.
                    | {("MT101", "MT401"), ("MT101", "MT404"), ("MT202", "MT403"), ("MT208", "MT403"),
                       # ftfy judges a whole line: a line's other repairs change its verdict.
                       ("MT203", "MT301"), ("MT208", "MT301"),
                       # A doubled space or a stray `¿` may stand for a lost sentence end: the
                       # casing rule judges the word once it is gone.
                       ("MT203", "MT401"), ("MT208", "MT401"),
                       # A stray mark removed between a word and itself (`ou ¡ ou`): the stutter.
                       ("MT208", "MT105")})
DIGIT_RUN = regex.compile(r"(?<!&#[xX]?\d*)\d+")


@lru_cache(maxsize=None)
def vocabulary(lang: str) -> dict[str, tuple[str, ...]]:
    """The word pieces of ``lang``: frequent words, glue words, accent-less forms, lower-case
    names (each list sorted, so that a seed gives the same text everywhere)."""
    language = get_language(lang)
    lexicon = language.lexicon
    frequent = sorted(sorted(lexicon, key=lambda w: -lexicon[w])[:3000])
    names = sorted(e.form for _, e in language.casing.items() if e.is_name)[:3000]
    return {
        "frequent": tuple(w for w in frequent if w.isalpha()),
        "glue": tuple(sorted(language.glue_words)),
        "accents": tuple(sorted(language.accents)) or ("cafe",),
        "names": tuple(names) or ("Kyiv",),
    }


def mojibake(word: str) -> str:
    """``word`` as UTF-8 read as Windows-1252: ``été`` → ``Ã©tÃ©``.

    >>> mojibake("été")
    'Ã©tÃ©'
    """
    return word.encode("utf-8").decode("cp1252", "replace")


def homoglyph(word: str) -> str:
    """``word`` with its first letter that has a look-alike in another script swapped."""
    for i, ch in enumerate(word):
        if ch in HOMOGLYPHS:
            return word[:i] + HOMOGLYPHS[ch] + word[i + 1:]
    return word


@st.composite
def pieces(draw, lang: str) -> str:
    """One piece of text in ``lang``."""
    vocab = vocabulary(lang)
    word = st.sampled_from(vocab["frequent"])
    kind = draw(st.sampled_from(("word",) * 10 + ("glue", "accents", "names", "merged", "repeated", "case",
                                                  "punct", "punct", "punct", "placeholder", "url", "digits",
                                                  "entity", "invisible", "mojibake", "homoglyph", "sentence")))
    if kind == "word":
        return draw(word)
    if kind in ("glue", "accents", "names"):
        return draw(st.sampled_from(vocab[kind]))
    if kind == "merged":
        return draw(word) + draw(st.sampled_from(vocab["glue"]))
    if kind == "repeated":
        w = draw(word)
        return f"{w} {w}"
    if kind == "case":
        return draw(word).capitalize() if draw(st.booleans()) else draw(st.sampled_from(vocab["names"])).lower()
    if kind == "punct":
        return draw(st.sampled_from(PUNCTUATION))
    if kind == "placeholder":
        return draw(st.sampled_from(PLACEHOLDERS))
    if kind == "url":
        return draw(st.sampled_from(URLS))
    if kind == "digits":
        return draw(st.sampled_from(("5", "1,500", "10:30", "50%", "3.5", "2024", "$5", "24/7", "1.")))
    if kind == "entity":
        return draw(st.sampled_from(ENTITIES))
    if kind == "invisible":
        w = draw(word)
        at = draw(st.integers(0, len(w)))
        return w[:at] + draw(st.sampled_from(INVISIBLE)) + w[at:]
    if kind == "mojibake":
        w = draw(st.sampled_from([w for w in vocab["frequent"] if not w.isascii()] or ["été"]))
        return mojibake(w)
    if kind == "homoglyph":
        return homoglyph(draw(word))
    return draw(word) + "." + draw(word).capitalize()  # a glued sentence


@st.composite
def texts(draw, lang: str) -> str:
    """A text of 1 to 25 pieces of ``lang``, joined by separators (mostly one space)."""
    parts = draw(st.lists(pieces(lang), min_size=1, max_size=25))
    out = parts[0]
    for part in parts[1:]:
        out += draw(st.sampled_from(SEPARATORS)) + part
    return out


# -- the invariants -----------------------------------------------------------------------------
CONFIG = Config()


def check(text: str, lang: str) -> list[Finding]:
    return check_document(Document(text, lang), CONFIG)


def one_pass(text: str, findings: list[Finding]) -> tuple[str, list]:
    """(the text after one pass of safe fixes, the plan applied)."""
    plan = choose_fixes(findings, text=text)
    return apply_plan(text, plan), plan


def fix(text: str, lang: str, passes: int = 10) -> str:
    """Safe fixes until none applies, as ``mtcheck fix`` does."""
    for _ in range(passes):
        new, plan = one_pass(text, check(text, lang))
        if not plan:
            break
        text = new
    return text


def kept_tokens(text: str) -> Counter:
    """Placeholders, URLs and digit runs of ``text``: what a fix must leave alone. Placeholders
    are counted as written (a fix that changes the spacing around `%s` may change whether the
    grammar takes it for one: `5 %s` is a percent sign)."""
    tokens = Counter({p: text.count(p) for p in PLACEHOLDERS if p in text})
    tokens.update(m.group() for m in URL.finditer(text))
    tokens.update("digits:" + m.group() for m in DIGIT_RUN.finditer(text))
    return tokens


def edited_spans(plan: list) -> list[tuple[int, int, str]]:
    """Where the plan's edits are in the text after it: (start, end, rule code) of each replacement."""
    spans, delta = [], 0
    for edit, code in sorted((e, f.code) for f, fix in plan for e in fix.edits):
        start = edit.start + delta
        spans.append((start, start + len(edit.replacement), code))
        delta += len(edit.replacement) - (edit.end - edit.start)
    return spans


@dataclass
class Violations:
    """What broke, by invariant name → (example text, detail)."""

    found: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def add(self, name: str, text: str, detail: str) -> None:
        self.found.setdefault(name, []).append((text, detail))


def invariants(text: str, lang: str) -> list[tuple[str, str]]:
    """(invariant, detail) for each invariant ``text`` breaks; empty when all hold."""
    broken = []
    findings = check(text, lang)
    for f in findings:
        edits = [e for fx in f.fixes for e in fx.edits]
        if not (0 <= f.start <= f.end <= len(text)) or any(not 0 <= e.start <= e.end <= len(text) for e in edits):
            broken.append(("span-in-bounds", f"{f.code} {f.start}-{f.end}"))
    once, plan = one_pass(text, findings)
    if not plan:
        return broken
    codes = {f.code for f, _ in plan}
    if not any(c.startswith(ABOUT_DIGITS) for c in codes) and kept_tokens(once) != kept_tokens(text):
        lost = kept_tokens(text) - kept_tokens(once)
        broken.append(("tokens-kept", f"{sorted(codes)} changed {dict(lost) or dict(kept_tokens(once) - kept_tokens(text))}"))
    after = check(once, lang)
    applied = {id(f) for f, _ in plan}
    dropped = {f.code for f in findings if f.fixes and f.fixes[0].is_safe and id(f) not in applied}  # lost a conflict
    spots = edited_spans(plan)
    for f in after:
        if not (f.fixes and f.fixes[0].is_safe) or f.code in dropped:
            continue
        causes = sorted({code for s, e, code in spots if f.start <= e and s <= f.end} - {f.code})
        if causes and not any((c, f.code) in UNVEILS for c in causes):
            broken.append(("fixed-point", f"{'+'.join(causes)} then {f.code} on {once[f.start:f.end]!r}"))
            break
    fixed = fix(text, lang)
    if fix(fixed, lang) != fixed:
        broken.append(("idempotent", repr(fixed)))
    remaining = check(fixed, lang)
    if len(remaining) > len(findings):
        broken.append(("fewer-findings", f"{len(findings)} → {len(remaining)}: "
                                         f"{sorted(f.code for f in remaining)} vs {sorted(f.code for f in findings)}"))
    return broken
