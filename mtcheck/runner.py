"""From an input file to findings and fixed text: the work behind ``check`` and ``fix``.

Plain and Markdown files are one Document. Records (JSONL, TSV; the units of PO, XLIFF and TMX
files, see io/formats.py) are grouped into Documents by consecutive equal ``doc_id`` (a record
without one is a document of its own). The target
language is, in order: ``--lang``, the record's ``target_lang``, the config's ``lang``, or
detection on the document's text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby

from mtcheck.checker import check_document, resolve_language
from mtcheck.config import Config
from mtcheck.document import Document
from mtcheck.finding import Finding
from mtcheck.fixes import apply_plan, choose_fixes
from mtcheck.io.readers import InputError, InputFile, Record, segment_lines, write_records
from mtcheck.io.splice import compose

MAX_FIX_PASSES = 10


def _language(explicit: str | None, text: str, config: Config, record_lang: str | None = None) -> str:
    return resolve_language(text, explicit, config, record_lang)


def documents(inp: InputFile, config: Config, lang: str | None = None,
              source: str | None = None, source_lang: str | None = None) -> Iterator[tuple[list[int], Document]]:
    """Yield (record indexes, Document) for an input; plain files give one Document, no indexes."""
    if inp.kind in ("text", "markdown"):
        doc_lang = _language(lang, inp.text, config)
        yield [], Document(inp.text, doc_lang, path=inp.path, markdown=inp.kind == "markdown",
                           source=source, source_lang=source_lang)
        return
    sources = _parallel_sources(inp, source) if source is not None else [r.fields.get("source") for r in inp.records]
    indexed = list(enumerate(inp.records))
    for _, group in groupby(indexed, key=lambda ir: ir[1].fields.get("doc_id") or object()):
        group = list(group)
        yield [i for i, _ in group], _record_document(inp, [r for _, r in group], [sources[i] for i, _ in group],
                                                      config, lang, source_lang)


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
    doc_lang = _language(lang, "\n".join(texts), config, first.get("target_lang") or None)
    return Document.from_records(
        texts, [r.id for r in records], [r.line for r in records], doc_lang, path=inp.path,
        sources=sources, source_lang=source_lang or first.get("source_lang"),
    )


def check_input(inp: InputFile, config: Config, lang: str | None = None,
                source: str | None = None, source_lang: str | None = None) -> list[Finding]:
    findings: list[Finding] = []
    for _, doc in documents(inp, config, lang, source, source_lang):
        findings.extend(check_document(doc, config))
    return findings


def size(inp: InputFile, lang: str | None = None) -> tuple[int, int]:
    """(segments, words) of an input, as the MQM-style score counts them: its records, or the
    sentences of a text.

    >>> size(InputFile("a.txt", "text", "One. Two three."), "en")
    (2, 3)
    """
    if inp.kind not in ("text", "markdown"):
        texts = [r.translation for r in inp.records]
        return len(texts), sum(len(t.split()) for t in texts)
    from mtcheck.sentences import split

    return len(split(inp.text, lang or "")), len(inp.text.split())


@dataclass
class FixResult:
    text: str  # the whole file's new text
    applied: list[Finding]  # the findings whose fixes were applied, all passes
    remaining: list[Finding]  # findings left after fixing


def fix_input(inp: InputFile, config: Config, unsafe: bool = False, lang: str | None = None,
              source: str | None = None, source_lang: str | None = None) -> FixResult:
    """Apply fixes until none applies (at most MAX_FIX_PASSES passes); one pass may unveil
    another finding, e.g. a tripled word."""
    if inp.kind in ("text", "markdown"):
        text, applied = inp.text, []
        for _ in range(MAX_FIX_PASSES):
            findings = _check_text(inp, text, config, lang, source, source_lang)
            plan = choose_fixes(findings, unsafe)
            if not plan:
                # The findings of the last check are what is left: no second check of the same
                # text (it doubled the cost of `fix` on a file with nothing to fix).
                return FixResult(text, applied, findings)
            applied += [f for f, _ in plan]
            text = apply_plan(text, plan)
        return FixResult(text, applied, _check_text(inp, text, config, lang, source, source_lang))

    translations = {i: r.translation for i, r in enumerate(inp.records)}
    passes = defaultdict(list)  # per record, the edits of each pass: where the file is spliced
    applied, remaining = [], []
    for indexes, doc in documents(inp, config, lang, source, source_lang):
        for _ in range(MAX_FIX_PASSES + 1):
            findings = check_document(doc, config)
            # Group by the record's line in the file and its id: ids may repeat within one
            # doc_id, and lines (which Finding.line holds for records) may repeat too in XML
            # written on one line; the reader makes the pair unique per record.
            by_record = defaultdict(list)
            for f in findings:
                by_record[f.line, f.record].append(f)
            changed = False
            for i in indexes:
                plan = choose_fixes(by_record.get((inp.records[i].line, inp.records[i].id), []), unsafe)
                if plan:
                    applied += [f for f, _ in plan]
                    translations[i] = apply_plan(translations[i], plan)
                    passes[i].append([e for _, fix in plan for e in fix.edits])
                    changed = True
            if not changed:
                remaining += findings
                break
            records = [inp.records[i] for i in indexes]
            doc = Document.from_records([translations[i] for i in indexes], [r.id for r in records],
                                        [r.line for r in records], doc.lang, path=inp.path,
                                        sources=[seg.source for seg in doc.segments],
                                        source_lang=doc.source_lang)
    fixed = {i: t for i, t in translations.items() if t != inp.records[i].translation}
    edits = {i: compose(inp.records[i].translation, passes[i]) for i in fixed}
    return FixResult(write_records(inp, fixed, edits), applied, remaining)


def _check_text(inp: InputFile, text: str, config: Config, lang, source, source_lang) -> list[Finding]:
    doc_lang = _language(lang, text, config)
    doc = Document(text, doc_lang, path=inp.path, markdown=inp.kind == "markdown", source=source,
                   source_lang=source_lang)
    return check_document(doc, config)
