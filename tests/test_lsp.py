"""``mtcheck lsp`` driven by a real LSP client (pytest-lsp) over stdio, in a subprocess:
diagnostics on open and on change, quick fixes and the fix-all applied to the text, the config
found from the document's folder, positions in UTF-16 code units, records of JSONL and PO
files placed in the file's own text, and the same findings as ``mtcheck check``."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the lsp extra is not installed")
pytest_lsp = pytest.importorskip("pytest_lsp", reason="pytest-lsp is not installed")

from lsprotocol import types  # noqa: E402
from pygls.protocol import default_converter  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PUBLISH = types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS
# Written for these tests: a glued sentence (MT102) and a doubled word (MT105).
GLUED = "The troops left the cityThey came back in the spring."
ARTICLE = (f"{GLUED} Most of the the soldiers were tired, and the officers wanted to rest before "
           "the next march.\n")


def _recording_client() -> LanguageClient:
    """pytest-lsp's client, also keeping every publishDiagnostics in order (with its version)."""
    client = LanguageClient(converter_factory=default_converter)
    client.published = []

    def publish(client: LanguageClient, params: types.PublishDiagnosticsParams):
        client.published.append(params)
        client.diagnostics[params.uri] = params.diagnostics

    register_lsp_features(client, {**DEFAULT_CLIENT_FEATURES, PUBLISH: publish})
    return client


def _server_env() -> dict[str, str]:
    """This checkout first on the server's path (it may run from a worktree)."""
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}


# One server for the module (each test has documents of its own, in its own folder): starting
# one takes about a second.
@pytest_lsp.fixture(scope="module",
                    config=ClientServerConfig(server_command=[sys.executable, "-m", "mtcheck", "lsp"],
                                              client_factory=_recording_client, server_env=_server_env()))
async def client(lsp_client: LanguageClient, tmp_path_factory):
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"), root_uri=tmp_path_factory.mktemp("root").as_uri()))
    yield
    await lsp_client.shutdown_session()


asyncio_test = pytest.mark.asyncio(loop_scope="module")  # the loop the module's server runs on


# -- helpers ----------------------------------------------------------------------------------
def open_doc(client, path: Path, text: str, language_id: str = "plaintext", version: int = 1) -> str:
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri=uri, language_id=language_id, version=version, text=text)))
    return uri


def change_doc(client, uri: str, text: str, version: int) -> None:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        [types.TextDocumentContentChangeWholeDocument(text=text)]))


async def published(client, uri: str, version: int | None = None) -> types.PublishDiagnosticsParams:
    """The first publication for ``uri`` (of ``version``), waiting for it if need be."""
    while True:
        for p in client.published:
            if p.uri == uri and (version is None or p.version == version):
                return p
        await asyncio.wait_for(client.wait_for_notification(PUBLISH), 60)


def offset(text: str, position: types.Position) -> int:
    """The code-point offset of an LSP position, counted here on its own: lines broken at
    "\\n", characters in UTF-16 code units."""
    start = 0
    for _ in range(position.line):
        start = text.index("\n", start) + 1
    i = units = 0
    while units < position.character:
        units += 2 if ord(text[start + i]) > 0xFFFF else 1
        i += 1
    return start + i


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[:offset(text, e.range.start)] + e.new_text + text[offset(text, e.range.end):]
    return text


def spans(text: str, diagnostics) -> list[tuple[str, str]]:
    return [(d.code, text[offset(text, d.range.start):offset(text, d.range.end)]) for d in diagnostics]


async def code_actions(client, uri: str, start: types.Position, end: types.Position, only=None):
    return await client.text_document_code_action_async(types.CodeActionParams(
        types.TextDocumentIdentifier(uri), types.Range(start, end),
        types.CodeActionContext(diagnostics=[], only=only)))


def english_config(folder: Path, extra: str = "") -> None:
    (folder / "pyproject.toml").write_text(f'[tool.mtcheck]\nlang = "en"\n{extra}', encoding="utf-8")


# -- diagnostics ------------------------------------------------------------------------------
@asyncio_test
async def test_open_publishes_a_diagnostic_per_finding(client: LanguageClient, tmp_path):
    english_config(tmp_path)
    uri = open_doc(client, tmp_path / "article.txt", ARTICLE)
    found = (await published(client, uri, 1)).diagnostics
    assert spans(ARTICLE, found) == [("MT102", "cityThey"), ("MT105", "the the")]
    glued, doubled = found
    assert glued.range == types.Range(types.Position(0, 20), types.Position(0, 28))
    assert glued.source == "mtcheck" and glued.message.startswith("MT102 glued-sentences: ")
    # Severity from the category: a glued sentence is major, a doubled word minor.
    assert (glued.severity, doubled.severity) == (types.DiagnosticSeverity.Warning,
                                                  types.DiagnosticSeverity.Information)


@asyncio_test
async def test_a_change_is_checked_and_only_the_newest_change_published(client: LanguageClient, tmp_path):
    english_config(tmp_path)
    uri = open_doc(client, tmp_path / "a.txt", ARTICLE)
    await published(client, uri, 1)
    fixed_glue = ARTICLE.replace("cityThey", "city. They")
    change_doc(client, uri, fixed_glue.replace("the the", "the"), 2)
    change_doc(client, uri, fixed_glue, 3)  # within the debounce: the check of version 2 never runs
    newest = await published(client, uri, 3)
    assert spans(fixed_glue, newest.diagnostics) == [("MT105", "the the")]
    assert [p.version for p in client.published if p.uri == uri] == [1, 3]

    client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri)))
    while len([p for p in client.published if p.uri == uri]) < 3:
        await asyncio.wait_for(client.wait_for_notification(PUBLISH), 60)
    assert not client.published[-1].diagnostics  # closed: its diagnostics are cleared


@asyncio_test
async def test_config_from_the_documents_folder_upward_ignores_a_rule(client: LanguageClient, tmp_path):
    english_config(tmp_path, 'ignore = ["glued-sentences"]\n')
    (tmp_path / "chapters").mkdir()
    uri = open_doc(client, tmp_path / "chapters" / "one.txt", ARTICLE)
    assert [d.code for d in (await published(client, uri, 1)).diagnostics] == ["MT105"]


# -- positions --------------------------------------------------------------------------------
@asyncio_test
async def test_ranges_count_utf16_code_units_and_lsp_line_ends(client: LanguageClient, tmp_path):
    english_config(tmp_path)
    # Two characters beyond U+FFFF (two UTF-16 units each) and a U+2028, which LSP does not
    # count as a line end (str.splitlines does), before the finding; then a CRLF line.
    text = "😀 𝔸\u2028The troops left the cityThey came back.\r\nWe saw the the army.\n"
    uri = open_doc(client, tmp_path / "emoji.txt", text)
    glued, doubled = (await published(client, uri, 1)).diagnostics
    column = text.index("cityThey")  # in code points: 24; in UTF-16 units two more
    assert glued.range == types.Range(types.Position(0, column + 2), types.Position(0, column + 10))
    assert doubled.range == types.Range(types.Position(1, 7), types.Position(1, 14))


# -- code actions -----------------------------------------------------------------------------
@asyncio_test
async def test_quick_fix_and_fix_all_edit_the_text(client: LanguageClient, tmp_path):
    english_config(tmp_path)
    text = "😀 " + ARTICLE
    uri = open_doc(client, tmp_path / "a.txt", text)
    glued = (await published(client, uri, 1)).diagnostics[0]
    actions = await code_actions(client, uri, glued.range.start, glued.range.start)
    quick = [a for a in actions if a.kind == types.CodeActionKind.QuickFix]
    assert [a.title for a in quick] == ["Fix MT102: 'cityThey' → 'city. They'"]
    assert quick[0].is_preferred and quick[0].diagnostics[0].code == "MT102"
    fixed = apply_edits(text, quick[0].edit.changes[uri])
    assert fixed == "😀 " + ARTICLE.replace("cityThey", "city. They")

    fix_all = next(a for a in actions if a.kind == "source.fixAll.mtcheck")
    assert fix_all.title == "Fix all safe mtcheck findings" and fix_all.edit is None  # made on resolve
    resolved = await client.code_action_resolve_async(fix_all)
    assert apply_edits(text, resolved.edit.changes[uri]) == "😀 " + ARTICLE.replace(
        "cityThey", "city. They").replace("the the", "the")

    # A request for the fix-all kind only gets the fix-all.
    only = await code_actions(client, uri, types.Position(0, 0), types.Position(0, 0), ["source.fixAll"])
    assert [a.kind for a in only] == ["source.fixAll.mtcheck"]


@asyncio_test
async def test_the_fix_all_edits_the_buffer_as_it_is_now(client: LanguageClient, tmp_path):
    """A quick fix applied, and the fix-all chosen before the change is checked again: its
    edit is made for the text the editor has now."""
    english_config(tmp_path)
    uri = open_doc(client, tmp_path / "a.txt", ARTICLE)
    glued = (await published(client, uri, 1)).diagnostics[0]
    actions = await code_actions(client, uri, glued.range.start, glued.range.end)
    quick_fixed = apply_edits(ARTICLE, actions[0].edit.changes[uri])
    change_doc(client, uri, quick_fixed, 2)
    fix_all = next(a for a in actions if a.kind == "source.fixAll.mtcheck")
    resolved = await client.code_action_resolve_async(fix_all)
    assert apply_edits(quick_fixed, resolved.edit.changes[uri]) == quick_fixed.replace("the the", "the")


@asyncio_test
async def test_an_unsafe_fix_is_offered_but_not_preferred(client: LanguageClient, tmp_path):
    english_config(tmp_path)
    text = "Yesterday the govern ment said that the troops left.\n"  # MT103: an unsafe fix
    uri = open_doc(client, tmp_path / "a.txt", text)
    split = next(d for d in (await published(client, uri, 1)).diagnostics if d.code == "MT103")
    actions = await code_actions(client, uri, split.range.start, split.range.end)
    assert [(a.title, a.is_preferred) for a in actions] == [("Fix MT103: 'govern ment' → 'government' (unsafe)", False)]
    assert apply_edits(text, actions[0].edit.changes[uri]) == text.replace("govern ment", "government")


# -- files of records -------------------------------------------------------------------------
@asyncio_test
async def test_a_jsonl_record_is_placed_and_fixed_in_the_line_as_written(client: LanguageClient, tmp_path):
    # `\u00e9` is one character of the translation and six of the line: the range is the line's.
    line = json.dumps({"id": "a", "translation": f"Caf\u00e9 owners: {GLUED}", "target_lang": "en"})
    text = '{"id": "0", "translation": "A calm day.", "target_lang": "en"}\n' + line + "\n"
    uri = open_doc(client, tmp_path / "records.jsonl", text, "jsonl")
    (glued,) = (await published(client, uri, 1)).diagnostics
    assert glued.range.start.line == 1 and spans(text, [glued]) == [("MT102", "cityThey")]
    (fix,) = await code_actions(client, uri, glued.range.start, glued.range.end, ["quickfix"])
    fixed = apply_edits(text, fix.edit.changes[uri]).splitlines()
    assert json.loads(fixed[1])["translation"] == f"Café owners: {GLUED.replace('cityThey', 'city. They')}"
    assert "\\u00e9" in fixed[1]  # the rest of the line as it was


@asyncio_test
async def test_a_broken_record_is_one_error_on_its_line(client: LanguageClient, tmp_path):
    text = '{"translation": "A calm day.", "target_lang": "en"}\n{"translation": \n'
    uri = open_doc(client, tmp_path / "broken.jsonl", text, "jsonl")
    (error,) = (await published(client, uri, 1)).diagnostics
    assert error.range.start.line == 1 and error.severity == types.DiagnosticSeverity.Error
    assert error.message.startswith("mtcheck: ") and error.code is None


PO = f'''msgid ""
msgstr ""
"Language: en\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Die Truppen verließen die Stadt. Sie kamen zurück."
msgstr "{GLUED}"
'''
MARKDOWN = f"# The march\n\n{GLUED} Write `cityThey` in code.\n\nMost of the the soldiers were tired.\n"


@asyncio_test
@pytest.mark.parametrize("name, text, language_id", [("article.txt", ARTICLE, "plaintext"),
                                                     ("article.md", MARKDOWN, "markdown"),
                                                     ("strings.po", PO, "po")])
async def test_the_same_findings_as_mtcheck_check(client: LanguageClient, tmp_path, name, text, language_id):
    """The server reads a buffer as `mtcheck check` reads the file: no --lang, the language
    detected (text, Markdown) or declared (the PO header), Markdown's code left alone."""
    if name.endswith(".po"):
        pytest.importorskip("translate.storage", reason="PO files need the formats extra")
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    cli = subprocess.run([sys.executable, "-m", "mtcheck", "check", "--format", "json", name], cwd=tmp_path,
                         env=_server_env(), capture_output=True, text=True)
    expected = [(f["code"], f["line"] - 1) for f in json.loads(cli.stdout)["findings"]]
    uri = open_doc(client, path, text, language_id)
    found = (await published(client, uri, 1)).diagnostics
    assert [(d.code, d.range.start.line) for d in found] == expected
    assert ("MT102", "cityThey") in spans(text, found)  # the finding is where its text is


@asyncio_test
async def test_an_untitled_buffer_is_read_by_its_language_id(client: LanguageClient):
    uri = "untitled:Untitled-7"  # no file, no suffix: Markdown by the editor's language id
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=MARKDOWN)))
    assert spans(MARKDOWN, (await published(client, uri, 1)).diagnostics) == [("MT102", "cityThey"),
                                                                               ("MT105", "the the")]
