"""``mtcheck lsp``: the language server, on pygls, over standard input and output.

    didOpen ─▶ check now;  didChange ─▶ check 300 ms after the last change (a newer change
    cancels the wait, and a check that finishes after a newer change is thrown away)
      ─▶ publishDiagnostics: one Diagnostic per finding, ``MT102 glued-sentences: ...``
    codeAction ─▶ each fix of the findings under the cursor (safe fixes preferred), and
      "Fix all safe mtcheck findings" (source.fixAll.mtcheck), its edit made on resolve

Checks run one at a time in a worker thread (analysis.py, the CLI's own code), so the server
keeps reading messages meanwhile. Only this module imports pygls.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from mtcheck import __version__
from mtcheck.config import ConfigError
from mtcheck.editor.analysis import Analysis, Configs, Placed, analyse, fixed_text, kind_for, line_edits
from mtcheck.editor.positions import LineIndex
from mtcheck.io.writers import describe_fix
from mtcheck.rules import get_rule

logger = logging.getLogger(__name__)
DEBOUNCE_SECONDS = 0.3
FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.mtcheck"
FIX_ALL_TITLE = "Fix all safe mtcheck findings"
SEVERITY = {"critical": types.DiagnosticSeverity.Error, "major": types.DiagnosticSeverity.Warning,
            "minor": types.DiagnosticSeverity.Information}


class MtcheckServer(LanguageServer):
    def __init__(self) -> None:
        # Full sync: pygls applies incremental changes by str.splitlines, which also breaks
        # lines at U+2028 and other separators that LSP does not count (and MT output holds).
        super().__init__("mtcheck", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
        self.configs = Configs()
        self.pending: dict[str, asyncio.Task] = {}
        self.results: dict[str, tuple[int | None, Analysis, LineIndex]] = {}  # uri → version, findings
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mtcheck")

    def schedule(self, uri: str, delay: float) -> None:
        """Check ``uri`` after ``delay`` seconds, instead of any check still waiting for it."""
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        self.pending[uri] = asyncio.ensure_future(self._check_later(uri, delay))

    async def _check_later(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        doc = self.workspace.get_text_document(uri)
        version, text = doc.version, doc.source
        try:
            analysis = await self.in_worker(self._analyse, doc, text)
        except Exception as exc:  # a bug: said on the buffer, in the log in full, and the server goes on
            logger.exception("mtcheck failed on %s", uri)
            analysis = Analysis(text, error=f"internal error: {exc!r}")
        if analysis is None or self.workspace.get_text_document(uri).version != version:
            return  # not a file mtcheck reads, or changed while checked: a newer check is on its way
        index = self.index(text)
        self.results[uri] = (version, analysis, index)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=version, diagnostics=diagnostics(analysis, index)))

    async def in_worker(self, fn, *args):
        return await asyncio.get_running_loop().run_in_executor(self.worker, fn, *args)

    def _analyse(self, doc, text: str) -> Analysis | None:
        path = file_path(doc)
        kind = kind_for(path, doc.language_id)
        if kind is None:
            return None
        try:
            config = self.configs.for_buffer(path, self.workspace.root_path)
        except ConfigError as exc:
            return Analysis(text, error=str(exc))
        return analyse(text, path or doc.uri, kind, config)

    def _fixed(self, doc, text: str) -> str | None:
        path = file_path(doc)
        kind = kind_for(path, doc.language_id)
        try:
            config = self.configs.for_buffer(path, self.workspace.root_path)
        except ConfigError:
            return None
        return fixed_text(text, path or doc.uri, kind, config) if kind else None

    def index(self, text: str) -> LineIndex:
        """Positions in ``text``, in the encoding agreed at initialize (UTF-16 unless the client
        offered another first)."""
        return LineIndex(text, self.workspace.position_encoding or "utf-16")

    def current(self, uri: str) -> tuple[Analysis, LineIndex] | None:
        """The findings of the buffer as it is now; None while a newer version waits for its check."""
        found = self.results.get(uri)
        if found is None or found[0] != self.workspace.get_text_document(uri).version:
            return None
        return found[1], found[2]


def file_path(doc) -> str | None:
    """The file a buffer is (None for an untitled one, whose pygls path is only its name)."""
    return doc.path if doc.uri.startswith("file:") else None


def to_range(index: LineIndex, start: int, end: int) -> types.Range:
    return types.Range(types.Position(*index.position(start)), types.Position(*index.position(end)))


def rule_name(code: str) -> str:
    try:
        return get_rule(code).name
    except KeyError:  # the tagger's findings (MT9xx) have no rule of their own
        return "model"


def diagnostics(analysis: Analysis, index: LineIndex) -> list[types.Diagnostic]:
    """One Diagnostic per finding; a buffer that could not be checked gets one for its error."""
    if analysis.error is not None:
        line = min(analysis.error_line, len(index.starts) - 1)
        start = index.starts[line]
        return [types.Diagnostic(to_range(index, start, start), f"mtcheck: {analysis.error}",
                                 severity=types.DiagnosticSeverity.Error, source="mtcheck")]
    return [diagnostic(p, index) for p in analysis.placed]


def diagnostic(p: Placed, index: LineIndex) -> types.Diagnostic:
    f = p.finding
    return types.Diagnostic(to_range(index, p.start, p.end), f"{f.code} {rule_name(f.code)}: {f.message}",
                            severity=SEVERITY[f.severity.value], code=f.code, source="mtcheck")


def text_edits(index: LineIndex, replacements) -> list[types.TextEdit]:
    return [types.TextEdit(to_range(index, s, e), new) for s, e, new in replacements]


def wanted(kind: str, only) -> bool:
    """Does a request's ``only`` (kinds and their parents: ``source``, ``quickfix``) take ``kind``?"""
    return not only or any(kind == k or kind.startswith(f"{k}.") for k in only)


server = MtcheckServer()


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
async def did_open(ls: MtcheckServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
async def did_change(ls: MtcheckServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, DEBOUNCE_SECONDS)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: MtcheckServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    waiting = ls.pending.pop(uri, None)
    if waiting is not None:
        waiting.cancel()
    ls.results.pop(uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL],
                                        resolve_provider=True))
async def code_actions(ls: MtcheckServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
    uri = params.text_document.uri
    found = ls.current(uri)
    if found is None:
        return None
    analysis, index = found
    only = params.context.only
    lo = index.offset(params.range.start.line, params.range.start.character)
    hi = index.offset(params.range.end.line, params.range.end.character)
    actions = []
    if wanted(types.CodeActionKind.QuickFix, only):
        for p in analysis.placed:
            if p.start > hi or p.end < lo:  # the cursor touching a finding's edge is on it
                continue
            preferred = True  # the first safe fix of a finding; an unsafe one never
            for fix, replacements in p.fixes:
                safe = fix.is_safe
                title = f"Fix {p.finding.code}: {describe_fix(p.finding, fix)}" + ("" if safe else " (unsafe)")
                actions.append(types.CodeAction(
                    title, kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic(p, index)],
                    is_preferred=safe and preferred,
                    edit=types.WorkspaceEdit(changes={uri: text_edits(index, replacements)})))
                preferred = preferred and not safe
    if wanted(FIX_ALL, only) and any(fix.is_safe for p in analysis.placed for fix, _ in p.fixes):
        fix_all = types.CodeAction(FIX_ALL_TITLE, kind=FIX_ALL, data={"uri": uri})
        # Made on resolve when the client asks for it then (VS Code, Neovim), else now.
        actions.append(fix_all if resolves_edits(ls) else await resolve_code_action(ls, fix_all))
    return actions


def resolves_edits(ls: MtcheckServer) -> bool:
    """Does the client resolve a code action's edit when the action is chosen?"""
    action = getattr(ls.client_capabilities.text_document, "code_action", None)
    support = getattr(action, "resolve_support", None)
    return support is not None and "edit" in support.properties


@server.feature(types.CODE_ACTION_RESOLVE)
async def resolve_code_action(ls: MtcheckServer, action: types.CodeAction) -> types.CodeAction:
    """The fix-all's edit, made when it is chosen: ``mtcheck fix`` on the buffer as it is now
    (not as last checked: a quick fix applied a moment ago is in it), pass after pass, as whole
    lines that changed. A buffer that changes meanwhile gets no edit."""
    uri = (action.data or {}).get("uri")
    if action.kind != FIX_ALL or uri not in ls.workspace.text_documents:
        return action
    doc = ls.workspace.get_text_document(uri)
    version, text = doc.version, doc.source
    fixed = await ls.in_worker(ls._fixed, doc, text)
    if fixed is not None and ls.workspace.get_text_document(uri).version == version:
        index = ls.index(text)
        action.edit = types.WorkspaceEdit(changes={uri: text_edits(index, line_edits(text, fixed))})
    return action


def serve() -> int:
    server.start_io()
    return 0
