"""mtcheck in an editor: the language server behind ``mtcheck lsp`` (docs/editors.md).

    positions.py  offsets of a text ↔ LSP positions (lines, UTF-16 code units)
    analysis.py   a buffer's text and path ─▶ findings placed in that text, fixes as its edits
                  (the CLI's readers, config and checker; no pygls)
    server.py     the pygls server: diagnostics, quick fixes, fix-all (imports pygls)

Nothing here is imported by ``mtcheck check``.
"""
