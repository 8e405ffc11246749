#!/usr/bin/env python3
"""Write docs/rules/: one page per rule and the table of codes (index.md), from the rule
registry (``mtcheck.io.rule_docs``). Run it after changing a rule's documentation, examples,
status or languages; tests/test_rule_docs.py fails while a page is stale.

    python scripts/build_rule_docs.py
"""

from __future__ import annotations

from pathlib import Path

from mtcheck.io.rule_docs import rule_page, rules_index
from mtcheck.rules import all_rules

DOCS = Path(__file__).resolve().parents[1] / "docs" / "rules"


def pages() -> dict[str, str]:
    """File name → text, for every file docs/rules/ should hold."""
    rules = all_rules()
    return {"index.md": rules_index(rules), **{f"{r.code}.md": rule_page(r) for r in rules}}


def main() -> None:
    DOCS.mkdir(parents=True, exist_ok=True)
    wanted = pages()
    for stale in DOCS.glob("*.md"):
        if stale.name not in wanted:  # a rule that went away
            stale.unlink()
    for name, text in wanted.items():
        (DOCS / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(wanted)} files to {DOCS}")


if __name__ == "__main__":
    main()
