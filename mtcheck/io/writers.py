"""Writers: findings → text for people, JSON and SARIF for machines, GitHub annotations.

The JSON form is the public contract (``version`` 1), documented in docs/formats.md.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from typing import TYPE_CHECKING

from mtcheck.finding import Finding
from mtcheck.taxonomy import CATEGORIES

if TYPE_CHECKING:
    from mtcheck.config import Config

JSON_VERSION = 1
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"minor": "note", "major": "warning", "critical": "error"}
_GITHUB_LEVEL = {"minor": "notice", "major": "warning", "critical": "error"}


def summary(findings: list[Finding], files: int, size: tuple[int, int] | None = None,
            config: Config | None = None) -> dict:
    """Counts of the findings; with ``size`` (segments, words) checked, their MQM-style score
    (its signature names ``config``'s selected rules; None: the defaults)."""
    out = {
        "files": files,
        "findings": len(findings),
        "fixable": sum(1 for f in findings if any(x.is_safe for x in f.fixes)),
        "fixable_unsafe": sum(1 for f in findings if f.fixes and not any(x.is_safe for x in f.fixes)),
        "by_category": dict(sorted(Counter(f.category for f in findings).items())),
        "by_severity": dict(sorted(Counter(f.severity.value for f in findings).items())),
    }
    if size is not None:
        from mtcheck.scoring.mqm import MQMStyle

        out["mqm"] = MQMStyle(config).score(findings, *size).to_dict()
    return out


def to_json(findings: list[Finding], files: int, size: tuple[int, int] | None = None,
            config: Config | None = None) -> str:
    return json.dumps({"version": JSON_VERSION, "findings": [f.to_dict() for f in findings],
                       "summary": summary(findings, files, size, config)}, ensure_ascii=False, indent=2)


class Style:
    """ANSI colours, or none."""

    def __init__(self, color: bool):
        self.color = color

    def __call__(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.color else text


def rule_name(code: str) -> str:
    """The name of the rule that reports ``code``, as ``mtcheck rules`` lists it; the trained
    tagger's findings (MT900–MT917, no rule of the catalogue) are the model's.

    >>> rule_name("MT102"), rule_name("MT900")
    ('glued-sentences', 'model')
    """
    from mtcheck.rules import all_rules  # loaded already by any check

    return next((r.name for r in all_rules() if r.code == code), "model")


def to_text(findings: list[Finding], files: int, color: bool = False, show_source: bool = True) -> str:
    """ruff-style: ``path:line:col: CODE name [category] message``, the flagged text and the fix."""
    s = Style(color)
    out = []
    names = {code: rule_name(code) for code in {f.code for f in findings}}
    for f in findings:
        where = f.path or "-"
        if f.record is not None:
            where += f"[{record_label(f.record)}]"
        head = (f"{s(where, '1')}:{f.line}:{f.column}: {s(f.code, '1;31')} {names[f.code]} "
                f"[{f.category}] {f.message}")
        out.append(head)
        if show_source and f.text:
            shown = f.text.replace("\n", "⏎")
            if len(shown) > 80:
                shown = shown[:77] + "…"
            visible = shown.strip() and not any(unicodedata.category(c) in ("Cf", "Cc") for c in shown)
            out.append(f"    {s(shown if visible else repr(shown), '33')}")
        if f.fixes:
            fix = f.fixes[0]
            label = "fix" if fix.is_safe else "unsafe fix"
            out.append(f"    {s(label, '32' if fix.is_safe else '35')}: {describe_fix(f, fix)}")
    summ = summary(findings, files)
    if findings:
        cats = ", ".join(f"{n} {c}" for c, n in summ["by_category"].items())
        out.append(f"Found {len(findings)} finding(s) in {files} file(s): {cats}.")
        if summ["fixable"] or summ["fixable_unsafe"]:
            out.append(f"{summ['fixable']} fixable with `mtcheck fix`"
                       + (f", {summ['fixable_unsafe']} more with `--unsafe-fixes`." if summ["fixable_unsafe"] else "."))
    else:
        out.append(f"All clear: no findings in {files} file(s).")
    return "\n".join(out)


def record_label(record: str, limit: int = 60) -> str:
    """A record id on one line, for people: control characters escaped (a PO id holds its
    msgctxt, U+0004 and its msgid, which may hold newlines), a long one cut (JSON and SARIF keep
    it whole)."""
    shown = "".join(repr(c)[1:-1] if unicodedata.category(c) == "Cc" else c for c in record)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def describe_fix(f: Finding, fix) -> str:
    """``old → new`` for a fix inside the flagged span, else the edits themselves."""
    if all(f.start <= e.start <= e.end <= f.end for e in fix.edits):
        new = f.text
        for e in sorted(fix.edits, reverse=True):
            new = new[: e.start - f.start] + e.replacement + new[e.end - f.start:]
        return f"{f.text!r} → {new!r}"
    return ", ".join(f"replace {e.start}:{e.end} with {e.replacement!r}" for e in fix.edits)


def to_github(findings: list[Finding]) -> str:
    """GitHub Actions workflow commands: one annotation per finding."""
    def esc(value: str, prop: bool = False) -> str:
        value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return value.replace(":", "%3A").replace(",", "%2C") if prop else value

    lines = []
    for f in findings:
        title = f"{f.code} {rule_name(f.code)} [{f.category}]"
        msg = f.message + (f" (record {record_label(f.record)})" if f.record is not None else "")
        lines.append(f"::{_GITHUB_LEVEL[f.severity.value]} file={esc(f.path or '-', True)},line={f.line},"
                     f"col={f.column},title={esc(title, True)}::{esc(msg)}")
    return "\n".join(lines)


def _region(f: Finding) -> dict:
    region = {"startLine": f.line, "startColumn": f.column}
    if "\n" not in f.text:
        region["endColumn"] = f.column + max(f.end - f.start, 1)
    return region


def to_sarif(findings: list[Finding], rules: list, version: str) -> str:
    """SARIF 2.1.0, as GitHub code scanning accepts it."""
    used = sorted({f.code for f in findings})
    by_code = {r.code: r for r in rules}
    rule_index = {code: i for i, code in enumerate(used)}
    descriptors = []
    for code in used:
        rule = by_code.get(code)
        descriptors.append({
            "id": code,
            "name": rule.name if rule else code,
            "shortDescription": {"text": rule.what if rule else code},
            "fullDescription": {"text": f"{rule.what} {rule.why}" if rule else code},
            "help": {"text": rule.fix_safety if rule else ""},
            "properties": {"category": rule.category if rule else "",
                           "mqm": CATEGORIES[rule.category].mqm if rule else ""},
        })
    results = []
    for f in findings:
        result = {
            "ruleId": f.code,
            "ruleIndex": rule_index[f.code],
            "level": _SARIF_LEVEL[f.severity.value],
            "message": {"text": f"[{f.category}] {f.message}"},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": (f.path or "stdin").replace("\\", "/")},
                "region": _region(f),
            }}],
            "properties": {"category": f.category, "severity": f.severity.value, "start": f.start,
                           "end": f.end, **({"record": f.record} if f.record is not None else {})},
        }
        if f.fixes:
            result["properties"]["fixes"] = [x.to_dict() for x in f.fixes]
        if f.source:  # a second opinion had a say (check --spaces-model)
            result["properties"].update(source=f.source, confidence=f.confidence)
        results.append(result)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "mtcheck", "version": version,
                                "rules": descriptors}},
            # Finding.column counts code points; SARIF's default is UTF-16 code units (§3.14.17).
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)
