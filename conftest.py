"""Loaded by pytest before it collects anything: mtcheck and its rule families are imported the
normal way first, so that the doctests of rule modules (collected with --import-mode=importlib)
find them in sys.modules instead of importing a second copy of the package, whose empty rule
registry would leave later tests with no rules."""

import mtcheck.rules

mtcheck.rules.all_rules()
