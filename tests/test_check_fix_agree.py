"""`check` and `fix` count the same findings: check's "N fixable" is what `fix --diff` says it
would fix, and every hunk of the diff is at a finding that check reported. Where a fix makes a
finding of its own (a zero-width space between two spaces leaves two spaces), fix says so."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from cli_helpers import run

ROOT = Path(__file__).resolve().parents[1]
HUNK = re.compile(r"@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@")
# The artifacts of the issue: an entity before a spaced comma (`&quot; ,`), whose comma check
# must see as fix does once the entity is a quote; and the README's example.
ENTITY_COMMA = "Officials called the damage &quot;severe&quot; , and left.\nThe river fell.\n"

pytestmark = pytest.mark.usefixtures("in_tmp")


def changed_blocks(diff: str) -> list[tuple[int, int]]:
    """The old file's line ranges (first, last) of each run of removed lines in a unified diff;
    an insertion with nothing removed is the range of the line it follows."""
    blocks, line, start = [], 0, None
    for text in diff.splitlines():
        header = HUNK.match(text)
        if header:
            line = int(header[1])
            continue
        if text.startswith(("---", "+++", "\\")):
            continue
        if text.startswith("-"):
            start = line if start is None else start
            line += 1
            continue
        if start is not None:
            blocks.append((start, line - 1))
            start = None
        if text.startswith("+") and not (blocks and blocks[-1][1] == line - 1):
            blocks.append((line - 1, line - 1))
        if text.startswith(" "):
            line += 1
    if start is not None:
        blocks.append((start, line - 1))
    return blocks


def test_changed_blocks_of_a_diff():
    diff = "--- a\n+++ a\n@@ -1,5 +1,4 @@\n a\n-b\n-c\n+bc\n d\n-e\n+f\n"
    assert changed_blocks(diff) == [(2, 3), (5, 5)]


def fixable_lines(capsys, path: str) -> tuple[int, list[int]]:
    """check's "N fixable" and the lines of its fixable findings (from --format json)."""
    import json

    rc, out, _ = run(capsys, "check", "--isolated", "--lang", "en", "--format", "json", path)
    report = json.loads(out)
    lines = [f["line"] for f in report["findings"] if any(x["applicability"] == "safe" for x in f["fixes"])]
    assert report["summary"]["fixable"] == len(lines)
    rc, text, _ = run(capsys, "check", "--isolated", "--lang", "en", "--color", "never", path)
    assert f"{len(lines)} fixable with `mtcheck fix`" in text  # what a person reads
    return len(lines), lines


@pytest.mark.parametrize("name", ["article.txt", "entity.txt"])
def test_fix_fixes_what_check_counts_and_changes_only_where_check_reported(capsys, name):
    if name == "article.txt":
        shutil.copy(ROOT / "examples" / "article.txt", name)
    else:
        Path(name).write_text(ENTITY_COMMA, encoding="utf-8")
    fixable, lines = fixable_lines(capsys, name)
    rc, diff, err = run(capsys, "fix", "--isolated", "--lang", "en", "--diff", name)
    assert rc == 1
    said = re.fullmatch(r"Would fix (\d+) finding\(s\); \d+ remaining\.\n", err)
    assert said, err  # nothing "found once earlier fixes were made"
    assert int(said[1]) == fixable
    blocks = changed_blocks(diff)
    assert blocks
    for first, last in blocks:
        assert any(first <= line <= last for line in lines), (first, last, lines, diff)
    for line in lines:
        assert any(first <= line <= last for first, last in blocks), (line, blocks)


def test_the_space_before_a_comma_after_an_entity_is_reported():
    from mtcheck import check

    found = check(ENTITY_COMMA, lang="en")
    assert [(f.code, ENTITY_COMMA[f.start:f.end]) for f in found] == \
        [("MT302", "&quot;"), ("MT302", "&quot;"), ("MT202", " ")]
    assert not [f for f in check("Tom &amp; , Jerry and &nbsp; , here.", lang="en") if f.code == "MT202"]


@pytest.mark.parametrize("suffix", [".txt", ".jsonl"])
def test_a_finding_that_a_fix_makes_is_said_apart(capsys, suffix):
    """Removing a zero-width space that stands between two spaces leaves two spaces: MT203,
    which check could not report, is fixed in fix's next pass, and fix says it."""
    text = "The mayor \u200b thanked the volunteers."
    body = text + "\n" if suffix == ".txt" else '{"id": "a", "translation": "%s"}\n' % text
    Path("a" + suffix).write_text(body, encoding="utf-8")
    rc, out, _ = run(capsys, "check", "--isolated", "--lang", "en", "--no-show-source", "a" + suffix)
    assert "1 fixable" in out and "MT203" not in out
    rc, _, err = run(capsys, "fix", "--isolated", "--lang", "en", "--diff", "--explain", "a" + suffix)
    assert err.splitlines()[-1] == "Would fix 2 finding(s), 1 of them found once earlier fixes were made; 0 remaining."
    assert "MT304 fixed: " in err and "MT203 fixed (found once earlier fixes were made): " in err


def test_a_fix_held_beside_a_mojibake_repair_is_not_counted_as_new(capsys):
    """MT301 repairs first; a fix of another rule on its line waits for the next pass, where it
    is the finding check reported, not a new one."""
    Path("a.txt").write_text("The mayorâ€™s office said so . Then it closed.\n", encoding="utf-8")
    rc, out, _ = run(capsys, "check", "--isolated", "--lang", "en", "--no-show-source", "a.txt")
    assert "MT301" in out and "MT202" in out, out
    rc, _, err = run(capsys, "fix", "--isolated", "--lang", "en", "--diff", "a.txt")
    assert err == "Would fix 2 finding(s); 0 remaining.\n"
