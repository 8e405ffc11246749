"""The documentation holds together: every relative link of README.md and docs/ (rule pages
included) points at a file that exists, and every ``#anchor`` at a heading of that file, as
GitHub makes its slugs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)")
FENCE = re.compile(r"```.*?```", re.S)


def slugs(path: Path) -> set[str]:
    """GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens.

    >>> import tempfile; p = Path(tempfile.mkdtemp()) / "a.md"; _ = p.write_text("# Fix, safely?\\n## `MT101` rules\\n")
    >>> sorted(slugs(p))
    ['fix-safely', 'mt101-rules']
    """
    text = FENCE.sub("", path.read_text(encoding="utf-8"))
    return {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-")
            for h in re.findall(r"(?m)^#{1,6} (.+)$", text)}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_links_resolve(page):
    text = FENCE.sub("", page.read_text(encoding="utf-8"))
    bad = []
    for target in LINK.findall(text):
        if re.match(r"[a-z]+://|mailto:", target):
            continue
        path, _, anchor = target.partition("#")
        dest = (page.parent / path).resolve() if path else page
        if not dest.exists():
            bad.append(f"{target}: no such file")
        elif anchor and dest.suffix == ".md" and anchor not in slugs(dest):
            bad.append(f"{target}: no such heading")
    assert not bad, bad


def test_the_pages_are_found():
    names = {p.relative_to(ROOT).as_posix() for p in PAGES}
    assert {"README.md", "docs/architecture.md", "docs/rules/index.md", "docs/rules/MT101.md"} <= names


# -- sample sessions -------------------------------------------------------------------------
CONSOLE = re.compile(r"```console\n(.*?)```", re.S)
FILE = re.compile(r"^[\w./-]+\.(?:txt|md|jsonl|tsv|po|xlf|xliff|tmx|toml|csv|tbx|html|ftl|srt|vtt)$")
# What a command needs beyond the light install: (how it starts, the module to have).
EXTRAS = (("mtcheck score", "sacrebleu"), ("mtcheck bench", "datasets"), (".po", "translate"))


def sessions():
    """(page, block) for every ```console block of README.md and docs/ made only of commands
    this test can run: `mtcheck …`, `echo '…' | mtcheck …`, `cat FILE` (the file's text, which
    the test writes) and `echo $?`."""
    for page in PAGES:
        if "rules" in page.parts:
            continue
        for block in CONSOLE.findall(page.read_text(encoding="utf-8")):
            commands = [line[2:] for line in block.splitlines() if line.startswith("$ ")]
            written = {c[4:] for c in commands if c.startswith("cat ")}
            named = {t for c in commands if c.startswith("mtcheck ") for t in c.split() if FILE.match(t)}
            if all(re.match(r"(mtcheck |cat \S+$|echo \$\?$|echo '[^']*' \| mtcheck )", c) for c in commands) \
                    and all(name in written or (ROOT / name).exists() for name in named):
                yield pytest.param(page, block, id=f"{page.relative_to(ROOT)}:{commands[0][:50]}")


def expected_in_order(expected: list[str], actual: list[str]) -> list[str]:
    """The expected lines not found in order in ``actual``: a line `...` skips any lines, a
    line ending in `...` stands for the lines that start so (a signature's hash of the data).

    >>> expected_in_order(["a", "...", "c|...", "d"], ["a", "b", "c|x1", "e"])
    ['d']
    """
    missing, at = [], 0
    for line in expected:
        if line == "...":
            continue
        head = line[:-3] if line.endswith("...") else None
        found = next((i for i in range(at, len(actual))
                      if actual[i] == line or head is not None and actual[i].startswith(head)), None)
        if found is None:
            missing.append(line)
        else:
            at = found + 1
    return missing


@pytest.mark.parametrize("page, block", list(sessions()))
def test_sample_sessions_show_what_the_commands_print(page, block, tmp_path, monkeypatch):
    """What the documentation shows a command printing, it prints (`...` elides lines)."""
    import io
    import shlex
    import shutil
    import sys

    from mtcheck.cli import main

    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    steps = re.split(r"(?m)^\$ (.*)\n", block)[1:]
    rc = None
    for command, shown in zip(steps[::2], steps[1::2]):
        shown_lines = shown.splitlines()
        if command.startswith("cat "):
            (tmp_path / command[4:]).write_text(shown, encoding="utf-8")
            continue
        if command == "echo $?":
            assert shown_lines == [str(rc)], (page.name, command)
            continue
        for needle, module in EXTRAS:
            if needle in command:
                pytest.importorskip(module)
        stdin = ""
        if command.startswith("echo "):
            echoed, command = command.split(" | ", 1)
            stdin = shlex.split(echoed)[1] + "\n"
        out, err = io.StringIO(), io.StringIO()
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode()), encoding="utf-8"))
        monkeypatch.setattr(sys, "stdout", out)
        monkeypatch.setattr(sys, "stderr", err)
        try:
            rc = main(shlex.split(command)[1:])
        finally:
            monkeypatch.undo()
            monkeypatch.chdir(tmp_path)
        missing = expected_in_order(shown_lines, (out.getvalue() + err.getvalue()).splitlines())
        assert not missing, (page.name, command, missing, out.getvalue() + err.getvalue())


def test_ci_runs_the_readme_set_up_commands():
    """.ci/run runs the README's two set-up commands (pip's -q aside): the light install and
    the example, then the test extra and the tests, so the README's first command is tested
    without the extras."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = readme[readme.index("## Set up"):readme.index("## Check a file")]
    commands = [line.strip() for line in setup.splitlines() if line.startswith("    ")]
    assert len(commands) == 2 and "pip install -e . &&" in commands[0] and "'.[test]'" in commands[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").replace("pip install -q ", "pip install ")
    light = commands[0].replace(" && .venv/bin/mtcheck check examples/article.txt", "")
    assert light in ci and ".venv/bin/mtcheck check examples/article.txt" in ci
    assert commands[1] in ci
    assert ci.index(light) < ci.index(commands[1])
