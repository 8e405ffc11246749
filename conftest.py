"""Loaded by pytest before it collects anything: mtcheck and its rule families are imported the
normal way first, so that the doctests of rule modules (collected with --import-mode=importlib)
find them in sys.modules instead of importing a second copy of the package, whose empty rule
registry would leave later tests with no rules."""

import importlib.util

import mtcheck.rules

mtcheck.rules.all_rules()

# The language server's module imports pygls at its top (it is the pygls path): without the lsp
# extra it is not collected for doctests (tests/test_lsp.py skips too).
collect_ignore = [] if importlib.util.find_spec("pygls") else ["mtcheck/editor/server.py"]
# The spaces model's network imports torch at its top (it is loaded on the model's path only).
if importlib.util.find_spec("torch") is None:
    collect_ignore.append("mtcheck/model/spaces_net.py")
