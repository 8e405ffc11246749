"""The rule registry as documentation: ``mtcheck rule CODE`` prints a rule's page, and
``scripts/build_rule_docs.py`` writes every page and the table of codes into docs/rules/.

Everything here is read off the registry (``mtcheck.rules``), so the pages cannot say other
than what the code does; tests/test_rule_docs.py fails while a page in docs/rules/ is stale.

    >>> from mtcheck.rules import get_rule
    >>> page = rule_page(get_rule("MT101"))
    >>> page.splitlines()[0]
    '# merged-words (MT101)'
    >>> example = get_rule("MT101").examples[0]
    >>> example.plain in page and example.fixed in page
    True
"""

from __future__ import annotations

from mtcheck.languages import with_data

SECTIONS = ("What it does", "Why is this bad?", "Example", "Fix safety")


def languages_of(rule) -> str:
    """Where the rule runs, as ``applies_to`` decides it over the languages with data.

    >>> from mtcheck.rules import get_rule
    >>> languages_of(get_rule("MT203")), languages_of(get_rule("MT209"))
    ('any', 'ja, zh')
    """
    codes = with_data()
    runs = [code for code in codes if rule.applies_to(code)]
    if len(runs) == len(codes):
        return "any" if not rule.needs_language_data else "all with data"
    if len(runs) > len(codes) / 2:
        return "all with data but " + ", ".join(code for code in codes if code not in runs)
    return ", ".join(runs) or "none"


def rule_page(rule) -> str:
    """A rule's page, ruff's sections: what it does, why it is bad, examples, fix safety."""
    lines = [f"# {rule.name} ({rule.code})", "",
             f"Category: `{rule.category}` · default severity: {rule.severity.value} · fix: "
             f"{_fix(rule)} · status: {rule.status} · since {rule.added_in}", "",
             f"Languages: {languages_of(rule)}.", "",
             f"## {SECTIONS[0]}", rule.what, "", f"## {SECTIONS[1]}", rule.why, "", f"## {SECTIONS[2]}"]
    for example in rule.examples:
        lines += ["", "```text"]
        if example.record is not None:
            lines.append(f"key: {example.record}")
        if example.source is not None:
            lines.append(f"[{example.source_lang or 'source'}] {example.source}")
        if example.missing is not None:
            lines.append(f"[{example.lang}] (no such key: {example.missing})")
        else:
            lines += _marked(example)
        lines.append("```")
        if example.fixed is not None:
            unsafe = (example.applicability or rule.fix_applicability) == "unsafe"
            lines += [f"Use instead{' (an unsafe fix)' if unsafe else ''}:", "```text", example.fixed, "```"]
    lines += ["", f"## {SECTIONS[3]}", rule.fix_safety]
    return "\n".join(lines) + "\n"


def _fix(rule) -> str:
    """``always (safe)``, ``sometimes (unsafe)`` or ``never``."""
    if rule.fix_availability == "never":
        return "never"
    return f"{rule.fix_availability} ({rule.fix_applicability.value})"


def _marked(example) -> list[str]:
    """The example with a caret line under each flagged span, or, where a span runs over a
    line break, the text with its ⟦marks⟧."""
    prefix = f"[{example.lang}] "
    text = example.plain
    if "\n" in text:
        return [prefix.rstrip(), *example.text.split("\n")]
    carets = [" "] * (len(prefix) + len(text))
    for start, end in example.spans:
        for i in range(start, max(end, start + 1)):
            carets[len(prefix) + i] = "^"
    return [prefix + text, "".join(carets).rstrip()]


def rules_index(rules) -> str:
    """The table of codes: one line per rule, with its status and the version it appeared in."""
    lines = ["# Rules", "",
             "Every rule mtcheck has, by code. Codes are stable and never reused; `--select` and",
             "`--ignore` take a code, a prefix (`MT1`), a name or a category. Generated from the",
             "rule registry by `python scripts/build_rule_docs.py`.", "",
             "| code | name | category | severity | fix | status | since | languages |",
             "|---|---|---|---|---|---|---|---|"]
    for rule in rules:
        lines.append(f"| [{rule.code}]({rule.code}.md) | {rule.name} | {rule.category} | {rule.severity.value} | "
                     f"{_fix(rule)} | {rule.status} | {rule.added_in} | {languages_of(rule)} |")
    return "\n".join(lines) + "\n"
