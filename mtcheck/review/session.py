"""The file under review: read and checked as ``mtcheck check`` reads and checks it, shown to the
page as units (the whole text, or each record) cut into pieces at the findings' spans, and saved
with the fixes the editor accepted, as ``mtcheck fix`` writes a file.

Every finding gets an id (its place in the list) and at most one proposed fix: the first safe
one, else its first (unsafe) one; an unsafe fix is applied only when accepted one by one. The
ids belong to one *revision* of the file: a save or download names the revision it chose from,
and one that is not the current one is refused, so that ids are never applied to a text they
were not found in. Saving re-reads and re-checks the file, which starts a new revision.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from mtcheck.checker import apply_findings, check_document, documents
from mtcheck.config import Config
from mtcheck.finding import Finding, Fix
from mtcheck.fixes import DEFAULT_PRIORITY, choose_fixes, priority
from mtcheck.io.files import FileChanged, check_unchanged, write_atomic
from mtcheck.io.readers import DEFAULT_MAX_BYTES, TEXT_KINDS, InputError, InputFile, read_input

BOM_CHAR = "\ufeff"  # a download keeps the file's BOM: the page encodes the text as UTF-8


class ReviewError(Exception):
    """A request refused, said in one line for the page; ``status`` is the HTTP status."""

    def __init__(self, message: str, status: int = 409):
        super().__init__(message)
        self.status = status


@dataclass
class Unit:
    """What the page shows as one block: a text file's whole text, or one record's translation."""

    text: str
    lang: str = ""
    source: str | None = None
    record: str | None = None  # the record's id (None: a text file)
    line: int = 1  # the record's line in the file


def proposed_fix(finding: Finding) -> Fix | None:
    """The fix the page proposes: the first safe one (what ``fix`` applies), else the first.

    >>> f = Finding("MT101", "merged-words", 0, 4, "m", fixes=[Fix.replace(0, 4, "a b", safe=False), Fix.replace(0, 4, "ab")])
    >>> proposed_fix(f).edits
    (Edit(start=0, end=4, replacement='ab'),)
    """
    fixes = [fix for fix in finding.fixes if fix.edits]
    return next((fix for fix in fixes if fix.is_safe), fixes[0] if fixes else None)


def pieces(text: str, spans: list[tuple[int, int, int]]) -> list[list]:
    """``text`` cut where findings (id, start, end) begin and end: ``[piece, [ids over it]]`` in
    order; a finding of no width is an empty piece at its place.

    >>> pieces("abcdef", [(0, 1, 3), (1, 2, 5), (2, 4, 4)])
    [['a', []], ['b', [0]], ['c', [0, 1]], ['d', [1]], ['', [2]], ['e', [1]], ['f', []]]
    """
    starts, ends, points = defaultdict(list), defaultdict(list), defaultdict(list)
    for fid, start, end in spans:
        if start == end:
            points[start].append(fid)
        else:
            starts[start].append(fid)
            ends[end].append(fid)
    cuts = sorted({0, len(text), *starts, *ends, *points})
    out, active = [], set()
    for n, at in enumerate(cuts):
        active.difference_update(ends.get(at, ()))
        if at in points:
            out.append(["", sorted(points[at])])
        active.update(starts.get(at, ()))
        if n + 1 < len(cuts) and cuts[n + 1] > at:
            out.append([text[at:cuts[n + 1]], sorted(active)])
    return out


def old_and_new(text: str, finding: Finding, fix: Fix) -> tuple[str, str]:
    """The stretch of ``text`` the finding and its fix cover, before and after the fix.

    >>> from mtcheck.finding import Edit
    >>> f = Finding("MT207", "foreign-punctuation", 3, 4, "m")
    >>> old_and_new("He «went» home", f, Fix((Edit(3, 4, "“"), Edit(8, 9, "”"))))
    ('«went»', '“went”')
    """
    start = min(finding.start, *(e.start for e in fix.edits))
    end = max(finding.end, *(e.end for e in fix.edits))
    new, pos = [], start
    for e in sorted(fix.edits):
        new += (text[pos:e.start], e.replacement)
        pos = e.end
    return text[start:end], "".join(new) + text[pos:end]


class Review:
    """One file under review; thread-safe (the server answers requests from several threads)."""

    def __init__(self, path: str, config: Config, lang: str | None = None, source: str | None = None,
                 source_lang: str | None = None, input_format: str | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES):
        if path == "-":
            raise InputError("review reads a file, not standard input")
        self.path, self.config, self.lang, self.source = path, config, lang, source
        self.source_lang, self.input_format, self.max_bytes = source_lang, input_format, max_bytes
        self.lock = threading.Lock()
        self.loads = 0
        self._load()

    # -- reading and checking ----------------------------------------------------------------
    def _load(self) -> None:
        """Read the file and check it as ``check`` does: the same documents, languages, rules."""
        inp = read_input(self.path, self.input_format, self.max_bytes,
                         source_lang=self.source_lang or self.config.source_lang)
        found: list[tuple[int, Finding]] = []
        args = (inp, self.config, self.lang, self.source, self.source_lang)
        if inp.kind in TEXT_KINDS:
            units = []
            for _, doc in documents(*args):
                units.append(Unit(inp.text, doc.tag, self.source))
                found += [(0, f) for f in check_document(doc, self.config)]
        else:
            units = [Unit(r.translation, record=r.id, line=r.line) for r in inp.records]
            index = {(r.line, r.id): i for i, r in enumerate(inp.records)}
            for indexes, doc in documents(*args):
                for i, segment in zip(indexes, doc.segments):
                    units[i].lang, units[i].source = doc.tag, segment.source
                found += [(index[f.line, f.record], f) for f in check_document(doc, self.config)]
        self.inp, self.units = inp, units
        self.findings = [(unit, f, proposed_fix(f)) for unit, f in found]
        self.conflicts, self.waits = self._conflicts()
        self.loads += 1
        self.revision = f"{self.loads}-{inp.snapshot.sha256[:12]}"

    def _reload_if_changed(self) -> None:
        """Read the file again if something else wrote it since: the page shows the file as it is."""
        try:
            check_unchanged(self.path, self.inp.snapshot)
        except FileChanged:
            try:
                self._load()
            except InputError as exc:
                raise ReviewError(str(exc)) from None

    # -- what the page shows -----------------------------------------------------------------
    def document(self) -> dict:
        """The page's whole view of the file (GET /api/document)."""
        with self.lock:
            self._reload_if_changed()
            return self._document()

    def _document(self) -> dict:
        from mtcheck.rules import get_rule

        spans = defaultdict(list)
        for fid, (unit, f, _) in enumerate(self.findings):
            spans[unit].append((fid, f.start, f.end))
        conflicts, waits = self.conflicts, self.waits
        rows = []
        for fid, (unit, f, fix) in enumerate(self.findings):
            try:
                name = get_rule(f.code).name
            except KeyError:  # the trained tagger's findings have no rule of their own
                name = f.category
            row = {"id": fid, "unit": unit, "code": f.code, "name": name, "category": f.category,
                   "severity": f.severity.value, "message": f.message, "line": f.line, "column": f.column,
                   "text": f.text, "fix": None, "conflicts": conflicts.get(fid, []), "waits": waits.get(fid, [])}
            if fix is not None:
                old, new = old_and_new(self.units[unit].text, f, fix)
                row["fix"] = {"safe": fix.is_safe, "old": old, "new": new}
            rows.append(row)
        return {
            "path": self.path, "name": Path(self.path).name, "kind": self.inp.kind,
            "records": self.inp.kind not in TEXT_KINDS, "revision": self.revision,
            "languages": sorted({u.lang for u in self.units if u.lang}),
            "units": [{"record": u.record, "line": u.line, "lang": u.lang, "source": u.source,
                       "pieces": pieces(u.text, spans.get(n, []))} for n, u in enumerate(self.units)],
            "findings": rows,
        }

    def _conflicts(self) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
        """(conflicts, waits): finding id → ids of the findings whose fix cannot be applied with
        its own (the fix engine, asked about the pair, keeps one; two fixes of one priority whose
        stretches overlap), and → ids of the encoding repairs (fixes.FIX_PRIORITY) it waits for
        (a fix on a line a repair changes is judged again once the line is repaired)."""
        by_unit = defaultdict(list)
        for fid, (unit, f, fix) in enumerate(self.findings):
            if fix is not None:
                stretch = (min(e.start for e in fix.edits), max(e.end for e in fix.edits))
                by_unit[unit].append((stretch, fid, replace(f, fixes=[fix])))
        conflicts, waits = defaultdict(list), defaultdict(list)
        for unit, fixes in by_unit.items():
            text = self.units[unit].text

            def apart(a: Finding, b: Finding) -> bool:
                return len(choose_fixes([a, b], True, text)) < 2

            fixes.sort(key=lambda x: x[0])
            for n, ((_, end), a, fa) in enumerate(fixes):
                for (start, _), b, fb in fixes[n + 1:]:
                    if start > end:
                        break
                    if priority(fa.code) == priority(fb.code) and apart(fa, fb):
                        conflicts[a].append(b)
                        conflicts[b].append(a)
            repairs = [(a, fa) for _, a, fa in fixes if priority(fa.code) < DEFAULT_PRIORITY]
            for a, fa in repairs:  # repairs are rare: each is asked about every other fix
                for _, b, fb in fixes:
                    if priority(fa.code) < priority(fb.code) and apart(fa, fb):
                        waits[b].append(a)
        return ({fid: sorted(ids) for fid, ids in conflicts.items()},
                {fid: sorted(ids) for fid, ids in waits.items()})

    # -- applying the accepted fixes ---------------------------------------------------------
    def _apply(self, revision: object, accepted: object):
        """(fixed text, applied ids, [{id, reason}] of those not applied) for the accepted ids."""
        if revision != self.revision:
            raise ReviewError("the page shows an older version of the file; reload it and choose again")
        if not isinstance(accepted, list) or not all(isinstance(i, int) and not isinstance(i, bool)
                                                     for i in accepted):
            raise ReviewError("accept must be a list of finding ids", 400)
        chosen = {}
        for fid in dict.fromkeys(accepted):
            if not 0 <= fid < len(self.findings) or self.findings[fid][2] is None:
                raise ReviewError(f"finding #{fid} has no fix to accept", 400)
            _, f, fix = self.findings[fid]
            chosen[fid] = replace(f, fixes=[fix])
        result = apply_findings(self.inp, chosen.values())
        done = {id(f) for f in result.applied}
        applied = [fid for fid, f in chosen.items() if id(f) in done]
        conflicts, waits = self.conflicts, self.waits
        skipped = []
        for fid, f in chosen.items():
            if id(f) in done:
                continue
            blocking = [other for other in conflicts.get(fid, []) if other in applied]
            repairs = [other for other in waits.get(fid, []) if other in applied]
            if blocking:
                reason = f"conflicts with the fix of #{blocking[0]}"
            elif repairs:
                reason = f"waits for the encoding repair #{repairs[0]} on its line: save, then review the file again"
            else:  # not expected: every way choose_fixes drops a fix is one of the two above
                reason = "not applied by the fix engine"
            skipped.append({"id": fid, "reason": reason})
        return result.text, applied, skipped

    def result(self, revision: object, accepted: object) -> dict:
        """The fixed file for a download (POST /api/result); nothing is written."""
        with self.lock:
            text, applied, skipped = self._apply(revision, accepted)
            return {"name": Path(self.path).name, "text": (BOM_CHAR if self.inp.bom else "") + text,
                    "applied": applied, "skipped": skipped}

    def save(self, revision: object, accepted: object) -> dict:
        """Write the file with the accepted fixes (POST /api/save), atomically and only over the
        file that was read; then read and check it again (a fix may unveil another finding)."""
        with self.lock:
            text, applied, skipped = self._apply(revision, accepted)
            written = text != self.inp.text
            if written:
                self._write(self.inp, text)
            try:
                self._load()
            except InputError as exc:
                raise ReviewError(str(exc)) from None
            return {"written": written, "applied": applied, "skipped": skipped, "document": self._document()}

    def _write(self, inp: InputFile, text: str) -> None:
        try:
            write_atomic(self.path, inp.encode(text), inp.snapshot)
        except FileChanged as exc:
            raise ReviewError(f"{self.path} changed on disk since this page loaded it ({exc}); nothing was "
                              f"written. Reload the page to review the file as it is now.") from None
        except OSError as exc:
            raise ReviewError(f"{self.path}: cannot write: {exc.strerror or exc}", 500) from None
