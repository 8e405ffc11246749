"""The core: run the selected rules over a Document and place each finding in its input.

    text ─▶ Document ─▶ rules ─▶ findings ─▶ protected spans, accept-list, suppressions
         ─▶ severity overrides ─▶ record, line and column ─▶ sorted list
"""

from __future__ import annotations

import regex

from mtcheck.config import Config, matches
from mtcheck.document import Document
from mtcheck.finding import Finding
from mtcheck.glossary import activated
from mtcheck.languages import language_for
from mtcheck.languages.codes import normalize
from mtcheck.rules import Rule, all_rules

# <!-- mtcheck: ignore --> or <!-- mtcheck: ignore[MT101, extra-space] --> on its own line.
SUPPRESSION = regex.compile(r"<!--\s*mtcheck:\s*ignore(?:\[([^\]]*)\])?\s*-->")


def selected_rules(config: Config, lang: str, path: str | None = None) -> list[Rule]:
    """The rules that run on a document of ``lang`` at ``path``; remembered per config, since
    a JSONL file asks once per record. The key holds the selection itself, so a config whose
    select or ignore list changes afterwards is never answered from a stale entry."""
    key = (lang, path, tuple(config.select), tuple(config.ignore))
    if key not in config.rule_cache:
        config.rule_cache[key] = [r for r in all_rules() if r.applies_to(lang) and config.selects(r, path)]
    return config.rule_cache[key]


def check_document(doc: Document, config: Config | None = None) -> list[Finding]:
    """All findings of the selected rules on ``doc``, located and sorted."""
    config = config or Config()
    lang = language_for(doc.tag)  # the region's conventions (pt-PT), the language's data
    suppressed = _suppressions(doc) if doc.markdown else {}
    findings: list[Finding] = []
    with activated(config.glossary):  # MT703 reads the glossary from here
        for rule in selected_rules(config, doc.lang, doc.path):
            findings += _rule_findings(rule, doc, lang, config, suppressed)
    if config.model:  # the trained tagger: its own findings where no rule fired (torch only here)
        from mtcheck.model.tagger import ModelOpinion

        opinion = ModelOpinion(config.model)
        findings = opinion.combine(findings, _rule_findings(opinion, doc, lang, config, suppressed))
    findings.sort(key=Finding.sort_key)
    return findings


def _rule_findings(rule: Rule, doc: Document, lang, config: Config, suppressed: dict) -> list[Finding]:
    findings = []
    for f in rule.check(doc, lang):
        if not rule.compares_source and doc.is_protected(f.start, f.end):
            continue
        span = doc.text[f.start:f.end]
        if not rule.compares_source and config.accepts(span):
            continue
        placed = doc.locate(f.start, f.end)
        if placed is None:  # crosses a record boundary
            continue
        segment, f.start, f.end, f.line, f.column = placed
        if _is_suppressed(rule, suppressed.get(f.line)):
            continue
        f.fixes = [_relocate(fix, segment.start) for fix in f.fixes] if segment.start else f.fixes
        f.record, f.path, f.text = segment.record, doc.path, span
        f.severity = config.severity_of(f.code, f.category) or f.severity
        findings.append(f)
    return findings


def check(text: str, lang: str | None = None, source: str | None = None,
          source_lang: str | None = None, config: Config | None = None,
          markdown: bool = False, path: str | None = None) -> list[Finding]:
    """Check one translated text; the library's front door.

    >>> [(f.category, f.text) for f in check("They have disappearedin the city.", lang="en")]
    [('merged-words', 'disappearedin')]
    """
    config = config or Config()
    lang = resolve_language(text, lang, config)
    doc = Document(text, lang, path=path, markdown=markdown, source=source, source_lang=source_lang)
    return check_document(doc, config)


def resolve_language(text: str, explicit: str | None = None, config: Config | None = None,
                     record_lang: str | None = None) -> str:
    """The target language of a text: ``explicit`` (``--lang``), else the record's
    ``target_lang``, else the config's ``lang``, else detected; as its normalized tag, region
    kept (``pt_PT`` → ``pt-PT``: the region's conventions are checked, with the language's
    data). A malformed code raises InvalidLanguageCode.

    >>> resolve_language("Olá, tudo bem?", "pt_PT"), resolve_language("Ahoj.", "CS")
    ('pt-PT', 'cs')
    """
    lang = explicit or record_lang or (config.lang if config else None)
    if not lang:
        from mtcheck.langdetect import detect

        return detect(text)
    return normalize(lang)


def _suppressions(doc: Document) -> dict[int, list[str]]:
    """Line number → suppressed selectors (``ALL`` for all) from Markdown comments on the line above."""
    out: dict[int, list[str] | None] = {}
    line, counted = 1, 0  # lines counted from the previous comment on: linear in the text
    for m in SUPPRESSION.finditer(doc.text):
        line += doc.text.count("\n", counted, m.start())
        counted = m.start()
        selectors = [s.strip() for s in m.group(1).split(",")] if m.group(1) else ["ALL"]
        out[line + 1] = selectors
    return out


def _is_suppressed(rule: Rule, selectors: list[str] | None) -> bool:
    return selectors is not None and matches(rule, selectors)


def _relocate(fix, base: int):
    """Shift a fix's edits from Document offsets to record offsets."""
    from dataclasses import replace

    from mtcheck.finding import Edit

    return replace(fix, edits=tuple(Edit(e.start - base, e.end - base, e.replacement) for e in fix.edits))
