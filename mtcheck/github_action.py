"""The GitHub Action (action.yml at the repository root): check the files that a pull request or
a push changed, once, and give the findings as SARIF and as annotations.

    python -m mtcheck.github_action      # in the checked-out repository, as action.yml runs it

It reads what Actions sets (``GITHUB_EVENT_NAME``, ``GITHUB_EVENT_PATH``, ``GITHUB_BASE_REF``,
``GITHUB_SHA``, ``GITHUB_OUTPUT``, ``GITHUB_STEP_SUMMARY``, ``RUNNER_TEMP``) and the action's
inputs as ``INPUT_FILES``, ``INPUT_LANG``, ``INPUT_SOURCE_LANG``, ``INPUT_ARGS`` and
``INPUT_ANNOTATIONS``. Which files:

- ``pull_request``: the files the pull request adds or changes, against its base (the event's
  ``pull_request.base.sha``, else ``GITHUB_BASE_REF``), fetched when the checkout lacks it;
- ``push``: the files changed between the event's ``before`` and ``after``; a new branch (an
  all-zero ``before``) has nothing to compare with, and every file is checked;
- any other event: every file that git tracks;

of those, the ones that a pattern of ``INPUT_FILES`` matches and no ``!pattern`` excludes
(patterns from the repository root, ``**`` any folders). Deleted files are not checked.

Writes the SARIF log (``sarif`` output), prints one annotation per finding unless
``INPUT_ANNOTATIONS`` is false, and a summary for the run's page. Exit code: mtcheck's (0 clean,
1 findings at or above ``--fail-on``, 2 a usage or input error).
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from collections import Counter
from pathlib import Path

# What mtcheck reads, at any depth: the default of the action's `files` input.
DEFAULT_FILES = "**/*.txt **/*.md **/*.markdown **/*.jsonl **/*.tsv **/*.po **/*.xlf **/*.xliff **/*.tmx"
NO_COMMIT = re.compile(r"0+")
SUMMARY_ROWS = 50  # findings listed in the run's summary; annotations and SARIF have them all


class ActionError(Exception):
    """Something the workflow must change (not a git repository, a base that is not there)."""


def glob_regex(pattern: str) -> re.Pattern:
    """A path glob as a regular expression over paths from the repository root: ``*`` and ``?``
    stay inside a folder, ``**/`` is any number of folders (none too).

    >>> [bool(glob_regex("**/*.md").match(p)) for p in ("a.md", "docs/a.md", "a.txt")]
    [True, True, False]
    >>> [bool(glob_regex("docs/*.txt").match(p)) for p in ("docs/a.txt", "docs/x/a.txt")]
    [True, False]
    """
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and "]" in pattern[i + 1:]:
            end = pattern.index("]", i + 1)
            out.append("[" + pattern[i + 1:end].replace("\\", "\\\\") + "]")
            i = end + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


def select(paths: list[str], patterns: str) -> list[str]:
    """The paths that a pattern matches and no ``!pattern`` excludes, in their order.

    >>> select(["a.txt", "notes/b.txt", "c.py"], "**/*.txt !notes/**")
    ['a.txt']
    """
    words = patterns.split()
    take = [glob_regex(w) for w in words if not w.startswith("!")]
    drop = [glob_regex(w[1:]) for w in words if w.startswith("!")]
    return [p for p in paths if any(r.match(p) for r in take) and not any(r.match(p) for r in drop)]


def git(*args: str) -> str:
    """The output of a git command in the current folder; ActionError, with git's own words,
    when it fails."""
    try:
        done = subprocess.run(["git", *args], capture_output=True, text=True, encoding="utf-8", check=False)
    except FileNotFoundError:
        raise ActionError("git is not installed") from None
    if done.returncode:
        raise ActionError(f"git {' '.join(args)}: {done.stderr.strip() or f'exit code {done.returncode}'}")
    return done.stdout


def has_commit(rev: str) -> bool:
    try:
        git("cat-file", "-e", f"{rev}^{{commit}}")
        return True
    except ActionError:
        return False


def ensure_commit(rev: str) -> str:
    """``rev`` as a commit of this clone; fetched from ``origin`` (one commit deep) when the
    checkout, shallow as actions/checkout makes it, does not have it."""
    for candidate in (rev, f"origin/{rev}"):
        if has_commit(candidate):
            return candidate
    git("fetch", "--no-tags", "--quiet", "--depth=1", "origin", rev)
    return "FETCH_HEAD"


def changed(base: str, head: str) -> list[str]:
    """Files added, copied, modified, renamed or retyped from ``base`` to ``head``: from their
    merge base where the history has it (a pull request's own changes), else tree to tree (a
    shallow checkout of the merge commit, whose first parent is the base)."""
    try:
        out = git("diff", "--name-only", "--diff-filter=ACMRT", "-z", f"{base}...{head}", "--")
    except ActionError:
        out = git("diff", "--name-only", "--diff-filter=ACMRT", "-z", base, head, "--")
    return [p for p in out.split("\0") if p]


def event_payload(env: dict) -> dict:
    path = env.get("GITHUB_EVENT_PATH")
    if not path or not Path(path).is_file():
        return {}
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def files_to_check(env: dict) -> tuple[list[str], str]:
    """The changed (or all tracked) files, before the patterns; and what they are, for people."""
    event, payload = env.get("GITHUB_EVENT_NAME", ""), event_payload(env)
    if event in ("pull_request", "pull_request_target"):
        base = (payload.get("pull_request") or {}).get("base", {}).get("sha") or env.get("GITHUB_BASE_REF")
        if not base:
            raise ActionError(f"{event} event without a base (no pull_request.base.sha, no GITHUB_BASE_REF)")
        return changed(ensure_commit(base), "HEAD"), "changed in this pull request"
    if event == "push":
        before, after = payload.get("before") or "", payload.get("after") or env.get("GITHUB_SHA") or "HEAD"
        if before and not NO_COMMIT.fullmatch(before):
            try:
                return changed(ensure_commit(before), ensure_commit(after)), "changed by this push"
            except ActionError as exc:  # a force-push that dropped `before`: nothing to compare with
                print(f"::notice title=mtcheck::{exc}; checking every file", flush=True)
    return [p for p in git("ls-files", "-z").split("\0") if p], "in the repository"


def inputs(env: dict) -> dict:
    """The action's inputs, as action.yml passes them (an empty input: its default)."""
    def flag(name: str, default: bool) -> bool:
        value = env.get(name, "").strip().lower()
        if value not in ("", "true", "false"):
            raise ActionError(f"{name.removeprefix('INPUT_').lower().replace('_', '-')} must be true or false, not {value!r}")
        return default if not value else value == "true"

    try:
        args = shlex.split(env.get("INPUT_ARGS", ""))
    except ValueError as exc:  # an unclosed quote
        raise ActionError(f"args: {exc}") from None
    return {"files": env.get("INPUT_FILES", "").strip() or DEFAULT_FILES,
            "lang": env.get("INPUT_LANG", "").strip(), "source_lang": env.get("INPUT_SOURCE_LANG", "").strip(),
            "args": args, "annotations": flag("INPUT_ANNOTATIONS", True)}


def check(paths: list[str], given: dict):
    """One run of ``mtcheck check`` over ``paths``, through the CLI's own parser and checker
    (so that ``args`` takes every option of `mtcheck check`)."""
    from mtcheck.cli import _parser, checked

    argv = ["check", *given["args"]]
    argv += ["--lang", given["lang"]] if given["lang"] else []
    argv += ["--source-lang", given["source_lang"]] if given["source_lang"] else []
    # A path that starts with `-` would read as an option (and `--` is not read alike by every
    # Python's argparse after a subcommand).
    args = _parser().parse_args([*argv, *(f"./{p}" if p.startswith("-") else p for p in paths)])
    return checked(args)


def summary(findings: list, checked_files: list[str], what: str) -> str:
    """Markdown for the run's page: what was checked, the counts, the first findings."""
    from mtcheck.io.writers import rule_name

    lines = ["### mtcheck", "", f"Checked {len(checked_files)} file(s) {what}: {len(findings)} finding(s)."]
    if findings:
        lines += ["", "| category | findings |", "|---|---:|"]
        lines += [f"| {c} | {n} |" for c, n in sorted(Counter(f.category for f in findings).items())]
        lines += ["", "| where | rule | message |", "|---|---|---|"]
        for f in findings[:SUMMARY_ROWS]:
            message = f.message.replace("|", "\\|").replace("\n", " ")
            lines.append(f"| `{f.path}:{f.line}:{f.column}` | {f.code} {rule_name(f.code)} | {message} |")
        if len(findings) > SUMMARY_ROWS:
            lines.append(f"\n{len(findings) - SUMMARY_ROWS} more in the SARIF log and the annotations.")
    return "\n".join(lines) + "\n"


def append(path: str | None, text: str) -> None:
    """Append to a file that Actions reads after the step (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY)."""
    if path:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(text)


def main(env: dict | None = None) -> int:
    from mtcheck import __version__
    from mtcheck.cli import EXIT_CLEAN, EXIT_ERROR, said_in_one_line
    from mtcheck.io import writers
    from mtcheck.rules import all_rules

    env = dict(os.environ if env is None else env)
    sarif_path = Path(env.get("RUNNER_TEMP") or ".") / "mtcheck.sarif"
    try:
        given = inputs(env)
        paths, what = files_to_check(env)
        chosen = [p for p in select(paths, given["files"]) if Path(p).is_file()]
        findings, code = [], EXIT_CLEAN
        if chosen:
            run = check(chosen, given)
            findings, code = run.findings, run.exit_code
    except SystemExit as exc:  # argparse said what is wrong with `args` (its usage and error)
        return EXIT_ERROR if exc.code else EXIT_CLEAN
    except (ActionError, *said_in_one_line(), OSError) as exc:
        print(f"mtcheck: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    sarif_path.write_text(writers.to_sarif(findings, all_rules(), __version__) + "\n", encoding="utf-8")
    if given["annotations"] and findings:
        print(writers.to_github(findings), flush=True)
    print(f"mtcheck: {len(chosen)} file(s) {what} checked, {len(findings)} finding(s); SARIF in {sarif_path}",
          file=sys.stderr)
    append(env.get("GITHUB_OUTPUT"), f"sarif={sarif_path}\nfiles={len(chosen)}\nfindings={len(findings)}\n")
    append(env.get("GITHUB_STEP_SUMMARY"), summary(findings, chosen, what))
    return code


if __name__ == "__main__":
    sys.exit(main())
