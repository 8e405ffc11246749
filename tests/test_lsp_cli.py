"""``mtcheck lsp`` without its extra: one line naming the extra to install, exit code 2."""

from __future__ import annotations

import sys

from cli_helpers import assert_one_line_error, run


def test_without_pygls_lsp_is_a_one_line_error(capsys, monkeypatch):
    for name in [m for m in sys.modules if m.startswith(("pygls", "lsprotocol", "mtcheck.editor.server"))]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "pygls", None)  # `import pygls` now raises ImportError
    rc, out, err = run(capsys, "lsp")
    assert (rc, out) == (2, "")
    assert_one_line_error(err, "the language server needs pygls (pip install 'mtcheck[lsp]')")
