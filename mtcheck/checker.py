"""The core: from a text or a read file to findings, and to fixed text.

    check(text) / check_file(input) / fix_file(input)
      ─▶ documents: the file's text, or its records grouped by doc_id, each with its language
         (resolve_language: --lang, the record's target_lang, the config's lang, or detection)
      ─▶ check_document: the selected rules (selected_rules), each finding then passed through
         protected spans, the accept-list, suppressions and severity overrides, and placed at
         its record, line and column ─▶ a sorted list
      ─▶ fix_file: choose and apply fixes (mtcheck.fixes), check again, until nothing changes
      ─▶ apply_findings: the fixes of chosen findings only, in one pass (``mtcheck review``)

Plain and Markdown files are one Document. Records (JSONL, TSV; the units of PO, XLIFF and TMX
files, see io/formats.py) are grouped into Documents by consecutive equal ``doc_id`` (a record
without one is a document of its own). Nothing here prints or writes files: the CLI does.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import groupby

import regex

from mtcheck.config import Config, matches
from mtcheck.document import MASK, Document
from mtcheck.finding import Edit, Finding
from mtcheck.fixes import apply_plan, choose_fixes, defer_to_repairs
from mtcheck.io.glossary import activated
from mtcheck.io.readers import TEXT_KINDS, InputError, InputFile, Record, segment_lines, write_records
from mtcheck.io.splice import compose
from mtcheck.languages import language_for
from mtcheck.languages.codes import normalize
from mtcheck.rules import Rule, all_rules
from mtcheck.text.sentences import split

MAX_FIX_PASSES = 10
# <!-- mtcheck: ignore --> or <!-- mtcheck: ignore[MT101, extra-space] --> on its own line.
SUPPRESSION = regex.compile(r"<!--\s*mtcheck:\s*ignore(?:\[([^\]]*)\])?\s*-->")


# -- the front doors --------------------------------------------------------------------------
def check(text: str, lang: str | None = None, source: str | None = None,
          source_lang: str | None = None, config: Config | None = None,
          markdown: bool = False, path: str | None = None, html: bool = False) -> list[Finding]:
    """Check one translated text; the library's front door.

    >>> [(f.category, f.text) for f in check("They have disappearedin the city.", lang="en")]
    [('merged-words', 'disappearedin')]
    """
    config = config or Config()
    lang = resolve_language(text, lang, config)
    doc = Document(text, lang, path=path, markdown=markdown, source=source, source_lang=source_lang, html=html)
    return check_document(doc, config)


def check_file(inp: InputFile, config: Config, lang: str | None = None,
               source: str | None = None, source_lang: str | None = None) -> list[Finding]:
    """Every finding of a read input file (a text, or a file of records), document by document."""
    findings: list[Finding] = []
    for _, doc in documents(inp, config, lang, source, source_lang):
        findings.extend(check_document(doc, config))
    return findings


def check_all(docs: Iterable[Document], config: Config, workers: int = 1,
              scheduler: str | None = None) -> Iterator[list[Finding]]:
    """The findings of each document in turn: here, or on a Dask cluster of ``workers``
    processes (or at ``scheduler``), results in the documents' order either way."""
    if workers <= 1 and scheduler is None:
        for doc in docs:
            yield check_document(doc, config)
        return
    from mtcheck.parallel import ordered_map

    yield from ordered_map(check_document, docs, config, workers=workers, scheduler=scheduler)


@dataclass
class FixResult:
    text: str  # the whole file's new text
    applied: list[Finding]  # the findings whose fixes were applied, all passes
    remaining: list[Finding]  # findings left after fixing
    # Of ``applied``, those that a check of the file as it was does not report: a fix made them
    # (`&quot;x&quot; ,` has no space before a comma until the quote is `"`). `fix` says how
    # many, so that its count is check's fixable count plus these.
    revealed: list[Finding] = field(default_factory=list)


def fix_file(inp: InputFile, config: Config, unsafe: bool = False, lang: str | None = None,
             source: str | None = None, source_lang: str | None = None) -> FixResult:
    """Apply fixes until none applies (at most MAX_FIX_PASSES passes); one pass may unveil
    another finding, e.g. a tripled word."""
    if inp.kind in TEXT_KINDS:
        text, applied, revealed, first, done = inp.text, [], [], None, []
        for _ in range(MAX_FIX_PASSES):
            findings = _check_text(inp, text, config, lang, source, source_lang)
            plan = choose_fixes(findings, unsafe, text)
            if first is None:
                first = findings
            else:
                revealed += [f for f, _ in plan if not _reported(f, first, done)]
            if not plan:
                # The findings of the last check are what is left: no second check of the same
                # text (it doubled the cost of `fix` on a file with nothing to fix).
                return FixResult(text, applied, findings, revealed)
            applied += [f for f, _ in plan]
            done.append([e for _, fix in plan for e in fix.edits])
            text = apply_plan(text, plan)
        return FixResult(text, applied, _check_text(inp, text, config, lang, source, source_lang), revealed)

    translations = {i: r.translation for i, r in enumerate(inp.records)}
    passes = defaultdict(list)  # per record, the edits of each pass: where the file is spliced
    applied, remaining, revealed = [], [], []
    for indexes, doc in documents(inp, config, lang, source, source_lang):
        first = None
        for _ in range(MAX_FIX_PASSES + 1):
            findings = check_document(doc, config)
            if first is None:
                first = findings
            # Group by the record's line in the file and its id: ids may repeat within one
            # doc_id, and lines (which Finding.line holds for records) may repeat too in XML
            # written on one line; the reader makes the pair unique per record.
            by_record = defaultdict(list)
            for f in findings:
                by_record[f.line, f.record].append(f)
            changed = False
            for i in indexes:
                plan = choose_fixes(by_record.get((inp.records[i].line, inp.records[i].id), []), unsafe,
                                    translations[i])
                if plan:
                    if findings is not first:
                        revealed += [f for f, _ in plan if not _reported(f, first, passes[i])]
                    applied += [f for f, _ in plan]
                    translations[i] = apply_plan(translations[i], plan)
                    passes[i].append([e for _, fix in plan for e in fix.edits])
                    changed = True
            if not changed:
                remaining += findings
                break
            doc = doc.with_texts([translations[i] for i in indexes])
    fixed = {i: t for i, t in translations.items() if t != inp.records[i].translation}
    edits = {i: compose(inp.records[i].translation, passes[i]) for i in fixed}
    return FixResult(write_records(inp, fixed, edits), applied, remaining, revealed)


def _reported(finding: Finding, first: list[Finding], passes: list[list[Edit]]) -> bool:
    """Whether a finding of a later pass is one that the first check reported: a finding of its
    rule at the same place, once the span is taken back through the edits of the passes
    before (a fix held for the next pass, beside a mojibake repair, is found again there)."""
    start, end = finding.start, finding.end
    for edits in reversed(passes):
        start, end = _before(start, edits, at_end=False), _before(end, edits, at_end=True)
    return any(f.code == finding.code and f.record == finding.record and f.start <= end and start <= f.end
               for f in first)


def _before(pos: int, edits: list[Edit], at_end: bool) -> int:
    """Where offset ``pos`` of the text after ``edits`` was before them. A start offset points
    at a character, an end offset just after one; inside what an edit wrote, both go to the
    side of the span it replaced.

    >>> edits = [Edit(0, 6, '"'), Edit(9, 10, "")]  # '&quot;abc ,d' → '"abc,d'
    >>> [_before(p, edits, False) for p in (0, 1, 4)], [_before(p, edits, True) for p in (1, 4, 6)]
    ([0, 6, 10], [6, 9, 12])
    """
    shift = 0
    for e in sorted(edits):
        written_start = e.start + shift
        written_end = written_start + len(e.replacement)
        if pos < written_start or at_end and pos == written_start:
            break
        if pos < written_end or at_end and pos == written_end:
            return e.end if at_end else e.start
        shift += len(e.replacement) - (e.end - e.start)
    return pos - shift


def apply_findings(inp: InputFile, findings: Iterable[Finding]) -> FixResult:
    """The file's new text with the fixes of exactly these findings applied, in one pass and
    with no check after it: the fixes a person accepted (``mtcheck review``). Each finding's
    first fix is taken, safe or not (give a finding with the one fix meant). Fixes that
    conflict are resolved as in ``fix`` (fixes.choose_fixes); ``remaining`` holds the given
    findings whose fix was not applied. Records are spliced as ``fix_file`` splices them.

    >>> inp = InputFile("a.txt", "text", "They have disappearedin the the city.")
    >>> found = check(inp.text, lang="en")
    >>> [f.code for f in found]
    ['MT101', 'MT105']
    >>> apply_findings(inp, found[1:]).text
    'They have disappearedin the city.'
    """
    findings = list(findings)
    if inp.kind in TEXT_KINDS:
        plan = choose_fixes(findings, True, inp.text)
        return _result(apply_plan(inp.text, plan), findings, plan)
    index = {(r.line, r.id): i for i, r in enumerate(inp.records)}
    by_record = defaultdict(list)
    for f in findings:
        by_record[index[f.line, f.record]].append(f)
    fixed, edits, plans = {}, {}, []
    for i, found in by_record.items():
        original = inp.records[i].translation
        plan = choose_fixes(found, True, original)
        if plan:
            fixed[i] = apply_plan(original, plan)
            edits[i] = compose(original, [[e for _, fix in plan for e in fix.edits]])
            plans += plan
    return _result(write_records(inp, fixed, edits), findings, plans)


def _result(text: str, findings: list[Finding], plan: list) -> FixResult:
    applied = {id(f) for f, _ in plan}
    return FixResult(text, [f for f in findings if id(f) in applied], [f for f in findings if id(f) not in applied])


def _check_text(inp: InputFile, text: str, config: Config, lang, source, source_lang) -> list[Finding]:
    doc_lang = resolve_language(text, lang, config, declared_language(inp))
    doc = Document(text, doc_lang, path=inp.path, markdown=inp.kind == "markdown", html=inp.kind == "html",
                   source=source, source_lang=source_lang)
    return check_document(doc, config)
# -- from an input to documents ---------------------------------------------------------------
def documents(inp: InputFile, config: Config, lang: str | None = None,
              source: str | None = None, source_lang: str | None = None) -> Iterator[tuple[list[int], Document]]:
    """Yield (record indexes, Document) for an input; plain files give one Document, no indexes."""
    if inp.kind in TEXT_KINDS:
        doc_lang = resolve_language(inp.text, lang, config, declared_language(inp))
        yield [], Document(inp.text, doc_lang, path=inp.path, markdown=inp.kind == "markdown", html=inp.kind == "html",
                           source=source, source_lang=source_lang)
        return
    sources = _parallel_sources(inp, source) if source is not None else [r.fields.get("source") for r in inp.records]
    indexed = list(enumerate(inp.records))
    for _, group in groupby(indexed, key=lambda ir: ir[1].fields.get("doc_id") or object()):
        group = list(group)
        yield [i for i, _ in group], _record_document(inp, [r for _, r in group], [sources[i] for i, _ in group],
                                                      config, lang, source_lang)


_HTML_LANG = regex.compile(r"<html\b[^>]*?\slang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)", regex.IGNORECASE)


def declared_language(inp: InputFile) -> str | None:
    """The language a text file declares: an HTML page's ``<html lang="de">``.

    >>> declared_language(InputFile("a.html", "html", '<!doctype html><html lang="pt-BR">'))
    'pt-BR'
    """
    if inp.kind != "html":
        return None
    m = _HTML_LANG.search(inp.text, 0, 4096)
    return m.group(1) if m else None


def _parallel_sources(inp: InputFile, source: str) -> list[str]:
    """``--source`` for a file of records: one source line per record, in order (parallel text,
    as sacrebleu reads it). A count that differs is an error, never a silent misalignment.

    >>> from mtcheck.io.readers import Record
    >>> inp = InputFile("t.jsonl", "jsonl", "", records=[Record({"translation": "Hi."}, 1, "")])
    >>> _parallel_sources(inp, "Hola.\\n")
    ['Hola.']
    """
    if inp.kind not in ("jsonl", "tsv", "lines"):
        raise InputError(f"{inp.path}: a {inp.kind.upper()} file carries its own sources; --source is for text, JSONL and TSV")
    lines = segment_lines(source)
    if len(lines) != len(inp.records):
        raise InputError(f"{inp.path}: {len(inp.records)} records, the source {len(lines)} line(s); "
                         f"--source needs one line per record")
    return lines


def _record_document(inp: InputFile, records: list[Record], sources: list[str | None], config: Config,
                     lang: str | None, source_lang: str | None = None) -> Document:
    texts = [r.translation for r in records]
    first = records[0].fields
    doc_lang = resolve_language("\n".join(texts), lang, config, first.get("target_lang") or None)
    return Document.from_records(
        texts, [r.id for r in records], [r.line for r in records], doc_lang, path=inp.path,
        sources=sources, source_lang=source_lang or first.get("source_lang"),
        missing=[r.fields.get("missing") for r in records],
    )


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
        from mtcheck.text.langdetect import detect

        return detect(text)
    return normalize(lang)


def size(inp: InputFile, lang: str | None = None) -> tuple[int, int]:
    """(segments, words) of an input, as the MQM-style score counts them: its records, or the
    sentences of a text.

    >>> size(InputFile("a.txt", "text", "One. Two three."), "en")
    (2, 3)
    >>> size(InputFile("a.html", "html", "<p>One.</p><p>Two <b>three</b> four.</p>"), "en")
    (2, 4)
    """
    if inp.kind not in TEXT_KINDS:
        texts = [r.translation for r in inp.records]
        return len(texts), sum(len(t.split()) for t in texts)
    text = inp.text
    if inp.kind == "html":  # the words a reader reads: markup as spaces, block tags as line breaks
        text = Document(text, "und", html=True).masked.replace(MASK, " ")
    return len(split(text, lang or "")), len(text.split())


# -- one document -----------------------------------------------------------------------------
def check_document(doc: Document, config: Config | None = None) -> list[Finding]:
    """All findings of the selected rules on ``doc``, located and sorted."""
    config = config or Config()
    lang = language_for(doc.tag)  # the region's conventions (pt-PT), the language's data
    suppressed = _suppressions(doc) if doc.markdown or doc.html else {}
    findings: list[Finding] = []
    rules = selected_rules(config, doc.lang, doc.path)
    with activated(config.glossary):  # MT703 reads the glossary from here
        for rule in rules:
            findings += _rule_findings(rule, doc, lang, config, suppressed)
    if config.spaces_model:  # the spaces model on MT101–MT103's places (torch only if it has a candidate)
        findings = _spaces_opinion(findings, doc, lang, config, suppressed)
    if config.model:  # the trained tagger: its own findings where no rule fired (torch only here)
        from mtcheck.model.tagger import ModelOpinion

        opinion = ModelOpinion(config.model)
        findings = opinion.combine(findings, _rule_findings(opinion, doc, lang, config, suppressed))
    # A finding inside a span that a rule of higher priority repairs (a homoglyph inside a
    # mojibake word) is not reported: the repair replaces what it judged. Offsets are the
    # record's, in a file of records: a record is a place of its own.
    records = len(doc.segments) > 1 or doc.segments[0].record is not None
    findings = defer_to_repairs(findings, place=(lambda f: (f.line, f.record)) if records else (lambda f: None))
    findings.sort(key=Finding.sort_key)
    return findings


def _spaces_opinion(findings: list[Finding], doc: Document, lang, config: Config, suppressed: dict) -> list[Finding]:
    """The findings with the spaces model's say: confirmed ones marked, its own added."""
    from mtcheck.model.spaces import CODE, SpacesOpinion
    from mtcheck.rules import get_rule

    # The codes the configuration selects, whether or not the rule itself runs in this language
    # (MT101 is off in Swedish, say): the model has its own languages and thresholds.
    by_code = {code: get_rule(code) for code in CODE.values()}
    codes = {code for code, rule in by_code.items() if config.selects(rule, doc.path, doc.lang)}
    if not codes:
        return findings
    opinion = SpacesOpinion(config.spaces_model, codes)
    # Placed like a rule's findings; suppressed by the code they stand for (`ignore[MT101]`).
    opinions = [f for f in _rule_findings(opinion, doc, lang, config, suppressed)
                if not _is_suppressed(by_code[f.code], suppressed.get(f.line))]
    return opinion.combine(findings, opinions, lang=doc.lang)


def selected_rules(config: Config, lang: str, path: str | None = None) -> list[Rule]:
    """The rules that run on a document of ``lang`` at ``path``; remembered per config, since
    a JSONL file asks once per record. The key holds the selection itself, so a config whose
    select or ignore list changes afterwards is never answered from a stale entry."""
    key = (lang, path, tuple(config.select), tuple(config.ignore), tuple(config.profiles))
    if key not in config.rule_cache:
        config.rule_cache[key] = [r for r in all_rules() if r.applies_to(lang) and config.selects(r, path, lang)]
    return config.rule_cache[key]


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
        if doc.html:  # a fix writes text characters only: never a tag, never a character HTML reads as markup
            f.fixes = [fix for fix in f.fixes if doc.writes_text_only(fix.edits)]
        f.fixes = [_relocate(fix, segment.start) for fix in f.fixes] if segment.start else f.fixes
        f.record, f.path, f.text = segment.record, doc.path, span
        f.severity = config.severity_of(f.code, f.category) or f.severity
        findings.append(f)
    return findings


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
    return replace(fix, edits=tuple(Edit(e.start - base, e.end - base, e.replacement) for e in fix.edits))
