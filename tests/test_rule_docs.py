"""The registry is the one source of truth: docs/rules/ is generated from it and kept current,
``mtcheck rules`` reports what ``applies_to`` decides, and the declared kinds are enums."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from mtcheck.cli import main
from mtcheck.finding import Applicability
from mtcheck.languages import with_data
from mtcheck.rules import FixAvailability, Rule, Status, all_rules, register

ROOT = Path(__file__).resolve().parents[1]


def _build_script():
    spec = importlib.util.spec_from_file_location("build_rule_docs", ROOT / "scripts" / "build_rule_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_rules_are_current():
    wanted = _build_script().pages()
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "docs" / "rules").glob("*.md")}
    stale = sorted(name for name in wanted.keys() | on_disk.keys() if wanted.get(name) != on_disk.get(name))
    assert not stale, f"docs/rules/ is stale for {stale}: run python scripts/build_rule_docs.py"


def test_index_links_a_page_for_every_code():
    index = (ROOT / "docs" / "rules" / "index.md").read_text(encoding="utf-8")
    for rule in all_rules():
        assert f"| [{rule.code}]({rule.code}.md) | {rule.name} |" in index
        assert (ROOT / "docs" / "rules" / f"{rule.code}.md").is_file()


def test_rules_json_reports_what_applies_to_decides(capsys):
    assert main(["rules", "--format", "json"]) == 0
    rows = {row["code"]: row for row in json.loads(capsys.readouterr().out)}
    for rule in all_rules():
        assert rows[rule.code]["languages"] == [c for c in with_data() if rule.applies_to(c)]
        assert rows[rule.code]["status"] == rule.status.value
        assert rows[rule.code]["added_in"] == rule.added_in
    # MT402 stays off where capitals mark nouns or adjectives of nationality (German, English).
    assert "de" not in rows["MT402"]["languages"] and "es" in rows["MT402"]["languages"]
    # A rule for full-width scripts runs only where the data has full-width marks.
    assert rows["MT209"]["languages"] == ["ja", "zh"]


def test_registry_refuses_free_strings_and_future_versions():
    class Loose(Rule):
        code, name, category = "MT999", "loose", "merged-words"
        fix_availability = "always"  # a string, not FixAvailability.ALWAYS

    with pytest.raises(TypeError, match="fix_availability"):
        register(Loose)

    class Future(Rule):
        code, name, category = "MT998", "future", "merged-words"
        added_in = "99.0.0"

    with pytest.raises(ValueError, match="added in 99.0.0"):
        register(Future)


def test_declared_kinds_are_the_enums():
    for rule in all_rules():
        assert isinstance(rule.status, Status) and isinstance(rule.fix_availability, FixAvailability)
        assert isinstance(rule.fix_applicability, Applicability)
        for example in rule.examples:
            assert example.applicability is None or isinstance(example.applicability, Applicability)
