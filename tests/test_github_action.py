"""The GitHub Action's script (mtcheck/github_action.py), run as action.yml runs it: in a scratch
git repository of two commits, with the variables Actions sets for a pull request or a push.
Which files it checks, the SARIF log it writes, the annotations it prints, its outputs, its
summary and its exit code."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

GLUED = "The mayor thanked the volunteersin the town hall.\n"  # MT101, major
SPACED = "The river  rose overnight.\n"  # MT203, minor
CLEAN = "The river fell slowly over the weekend.\n"


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True, env=env).stdout


@pytest.fixture
def repo(tmp_path):
    """main: old.txt (glued, never changed), gone.txt, docs/guide.md; then on the branch
    `feature`, one commit: new.txt (glued and spaced), docs/guide.md changed (clean), gone.txt
    deleted, notes/draft.txt and tool.py added."""
    repo = tmp_path / "repo"
    (repo / "docs").mkdir(parents=True)
    (repo / "old.txt").write_text(GLUED, encoding="utf-8")
    (repo / "gone.txt").write_text(CLEAN, encoding="utf-8")
    (repo / "docs" / "guide.md").write_text("# Guide\n\n" + CLEAN, encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "first")
    base = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "checkout", "-q", "-b", "feature")
    (repo / "new.txt").write_text(GLUED + "\n" + SPACED, encoding="utf-8")
    (repo / "docs" / "guide.md").write_text("# Guide\n\n" + CLEAN + "\nThe town is dry.\n", encoding="utf-8")
    (repo / "gone.txt").unlink()
    (repo / "notes").mkdir()
    (repo / "notes" / "draft.txt").write_text(GLUED, encoding="utf-8")
    (repo / "tool.py").write_text("print('beganin')\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "second")
    head = git(repo, "rev-parse", "HEAD").strip()
    return repo, base, head


def action(repo: Path, tmp_path: Path, event: str, payload: dict | None = None, **inputs):
    """Run the script as the action's step does, with ``inputs`` as INPUT_* (GITHUB_* as they
    are); (exit code, stdout, stderr, outputs, summary, SARIF path)."""
    runner = tmp_path / "runner"
    runner.mkdir(exist_ok=True)
    output, summary = runner / "output", runner / "summary"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "INPUT_", "RUNNER_"))}
    env.update({"PYTHONPATH": str(ROOT), "GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": event,
                "GITHUB_OUTPUT": str(output), "GITHUB_STEP_SUMMARY": str(summary), "RUNNER_TEMP": str(runner),
                "GITHUB_WORKSPACE": str(repo), "GIT_CONFIG_GLOBAL": os.devnull, "NO_COLOR": "1"})
    if payload is not None:
        (runner / "event.json").write_text(json.dumps(payload), encoding="utf-8")
        env["GITHUB_EVENT_PATH"] = str(runner / "event.json")
    env.update({k if k.startswith("GITHUB_") else f"INPUT_{k.upper()}": v for k, v in inputs.items()})
    done = subprocess.run([sys.executable, "-m", "mtcheck.github_action"], cwd=repo, env=env,
                          capture_output=True, text=True, encoding="utf-8")
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines()) if output.exists() else {}
    return (done.returncode, done.stdout, done.stderr, outputs,
            summary.read_text(encoding="utf-8") if summary.exists() else "", runner / "mtcheck.sarif")


def sarif_of(path: Path) -> dict:
    log = json.loads(path.read_text(encoding="utf-8"))
    assert log["version"] == "2.1.0" and "sarif-2.1.0" in log["$schema"]
    (run,) = log["runs"]
    assert run["tool"]["driver"]["name"] == "mtcheck"
    assert {r["ruleId"] for r in run["results"]} == {d["id"] for d in run["tool"]["driver"]["rules"]}
    for result in run["results"]:
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
    return run


def uris(run: dict) -> list[str]:
    return sorted({r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]})


PATTERNS = "**/*.txt **/*.md !notes/**"


def test_a_pull_request_checks_the_files_it_changed(repo, tmp_path):
    repo, base, _ = repo
    rc, out, err, outputs, summary, sarif = action(
        repo, tmp_path, "pull_request", {"pull_request": {"base": {"sha": base, "ref": "main"}}},
        files=PATTERNS, lang="en", annotations="true")
    assert rc == 1, err
    # new.txt and docs/guide.md: not old.txt (unchanged), gone.txt (deleted), notes/ (left out), tool.py
    assert outputs == {"sarif": str(sarif), "files": "2", "findings": "2"}
    run = sarif_of(sarif)
    assert uris(run) == ["new.txt"]
    assert sorted(r["ruleId"] for r in run["results"]) == ["MT101", "MT203"]
    annotations = [line for line in out.splitlines() if line.startswith("::")]
    assert annotations == [
        "::warning file=new.txt,line=1,col=23,title=MT101 merged-words [merged-words]::"
        "`volunteersin` looks like two words glued: `volunteers in`",
        "::notice file=new.txt,line=3,col=10,title=MT203 doubled-space [extra-space]::2 spaces in a row"]
    assert "Checked 2 file(s) changed in this pull request: 2 finding(s)." in summary
    assert "| merged-words | 1 |" in summary and "`new.txt:1:23` | MT101 merged-words" in summary


def test_the_base_branch_name_alone_is_enough(repo, tmp_path):
    """No event file: GITHUB_BASE_REF names the base, as Actions sets it for pull requests."""
    repo, _, _ = repo
    rc, _, err, outputs, _, sarif = action(repo, tmp_path, "pull_request", GITHUB_BASE_REF="main",
                                           files=PATTERNS, lang="en")
    assert (rc, outputs["files"]) == (1, "2"), err
    assert uris(sarif_of(sarif)) == ["new.txt"]


def test_a_push_checks_what_changed_between_before_and_after(repo, tmp_path):
    repo, base, head = repo
    rc, _, err, outputs, summary, sarif = action(repo, tmp_path, "push", {"before": base, "after": head},
                                                 files="**/*.txt", lang="en")
    assert (rc, outputs["files"], outputs["findings"]) == (1, "2", "3"), err  # new.txt, notes/draft.txt
    assert uris(sarif_of(sarif)) == ["new.txt", "notes/draft.txt"]
    assert "changed by this push" in summary


def test_a_new_branch_checks_every_matching_file(repo, tmp_path):
    repo, _, head = repo
    rc, _, err, outputs, _, sarif = action(repo, tmp_path, "push", {"before": "0" * 40, "after": head},
                                           files=PATTERNS, lang="en")
    assert (rc, outputs["files"]) == (1, "3"), err  # old.txt, new.txt, docs/guide.md
    assert uris(sarif_of(sarif)) == ["new.txt", "old.txt"]


def test_annotations_off_still_writes_sarif(repo, tmp_path):
    repo, base, _ = repo
    rc, out, err, outputs, _, sarif = action(
        repo, tmp_path, "pull_request", {"pull_request": {"base": {"sha": base}}},
        files=PATTERNS, lang="en", annotations="false")
    assert rc == 1 and "::" not in out, out
    assert len(sarif_of(sarif)["results"]) == 2


def test_args_are_options_of_check(repo, tmp_path):
    """`--fail-on major` with only a minor finding: exit 0, the finding still reported."""
    repo, base, _ = repo
    rc, out, err, outputs, _, sarif = action(
        repo, tmp_path, "pull_request", {"pull_request": {"base": {"sha": base}}},
        files="new.txt", lang="en", args="--select extra-space --fail-on major")
    assert (rc, outputs["findings"]) == (0, "1"), err
    assert [r["ruleId"] for r in sarif_of(sarif)["results"]] == ["MT203"]
    assert out.startswith("::notice file=new.txt,line=3,")


def test_no_matching_change_is_a_clean_run_with_an_empty_log(repo, tmp_path):
    repo, base, _ = repo
    rc, out, err, outputs, summary, sarif = action(
        repo, tmp_path, "pull_request", {"pull_request": {"base": {"sha": base}}}, files="**/*.po")
    assert (rc, out, outputs["files"], outputs["findings"]) == (0, "", "0", "0"), err
    assert sarif_of(sarif)["results"] == []
    assert "Checked 0 file(s)" in summary


@pytest.mark.parametrize("inputs, needle", [
    ({"args": "--no-such-option"}, "unrecognized arguments: --no-such-option"),
    ({"args": "--select 'MT1"}, "args: No closing quotation"),
    ({"annotations": "yes"}, "annotations must be true or false"),
    ({"lang": "x1!"}, "x1!"),
])
def test_bad_inputs_are_exit_2(repo, tmp_path, inputs, needle):
    repo, base, _ = repo
    rc, out, err, outputs, _, sarif = action(
        repo, tmp_path, "pull_request", {"pull_request": {"base": {"sha": base}}}, files=PATTERNS, **inputs)
    assert rc == 2 and needle in err, err
    assert "Traceback" not in err and "sarif" not in outputs


def test_a_base_that_cannot_be_had_is_exit_2(repo, tmp_path):
    repo, _, _ = repo
    rc, _, err, _, _, _ = action(repo, tmp_path, "pull_request", GITHUB_BASE_REF="no-such-branch", files=PATTERNS)
    assert rc == 2 and err.startswith("mtcheck: error: git fetch"), err


def test_action_yml_passes_every_input_to_the_script():
    """action.yml: a composite action whose inputs reach the script (INPUT_*) or the install,
    and whose SARIF upload and exit code follow the script's outputs."""
    yaml = pytest.importorskip("yaml")
    spec = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert spec["runs"]["using"] == "composite"
    steps = {step["name"]: step for step in spec["runs"]["steps"]}
    check = next(s for s in steps.values() if s.get("id") == "check")
    assert "-m mtcheck.github_action" in check["run"]
    script_inputs = {k.removeprefix("INPUT_").lower().replace("_", "-") for k in check["env"]}
    assert script_inputs == {"files", "lang", "source-lang", "args", "annotations"}
    for name in script_inputs:
        assert check["env"][f"INPUT_{name.upper().replace('-', '_')}"] == f"${{{{ inputs.{name} }}}}"
    assert set(spec["inputs"]) == script_inputs | {"extras", "upload-sarif"}
    upload = next(s for s in steps.values() if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    assert "inputs.upload-sarif == 'true'" in upload["if"]
    assert upload["with"]["sarif_file"] == "${{ steps.check.outputs.sarif }}"
    assert list(steps.values())[-1]["run"] == "exit ${{ steps.check.outputs.exit-code }}"


def test_a_shallow_checkout_fetches_the_base(repo, tmp_path):
    """actions/checkout clones one commit deep: the base is fetched from origin by its SHA and
    compared tree to tree (a shallow clone has no merge base)."""
    repo, base, _ = repo
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth=1", "--branch", "feature", f"file://{repo}", str(clone)],
                   check=True, capture_output=True, env={**os.environ, "GIT_CONFIG_GLOBAL": os.devnull})
    assert subprocess.run(["git", "-C", str(clone), "cat-file", "-e", f"{base}^{{commit}}"],
                          capture_output=True).returncode != 0  # not there before the action runs
    rc, _, err, outputs, _, sarif = action(clone, tmp_path, "pull_request", {"pull_request": {"base": {"sha": base}}},
                                           files=PATTERNS, lang="en")
    assert (rc, outputs.get("files")) == (1, "2"), err
    assert uris(sarif_of(sarif)) == ["new.txt"]
