"""The pre-commit hooks, through `pre-commit try-repo` on a temporary git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")

pytestmark = pytest.mark.skipif(not PRE_COMMIT.exists() or shutil.which("git") is None,
                                reason="pre-commit or git is not installed")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture(scope="module")
def content_repo(tmp_path_factory):
    repo = tmp_path_factory.mktemp("content")
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "t@example.org")
    git(repo, "config", "user.name", "t")
    (repo / "pyproject.toml").write_text('[tool.mtcheck]\nlang = "en"\n')
    (repo / "article.txt").write_text("They have disappearedin the city.\n")
    (repo / "clean.md").write_text("# Notes\n\nThe ministry said the soldiers left on Monday.\n")
    git(repo, "add", "-A")
    return repo


def try_repo(repo: Path, hook: str, home: Path, *files: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), PIP_DISABLE_PIP_VERSION_CHECK="1")
    return subprocess.run([str(PRE_COMMIT), "try-repo", str(ROOT), hook, "--files", *files],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=900)


def test_check_hook_fails_on_an_artifact_and_passes_on_clean_text(content_repo, tmp_path_factory):
    home = tmp_path_factory.mktemp("pre-commit-home")
    bad = try_repo(content_repo, "mtcheck", home, "article.txt")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "MT101" in bad.stdout and "disappearedin" in bad.stdout
    good = try_repo(content_repo, "mtcheck", home, "clean.md")
    assert good.returncode == 0, good.stdout + good.stderr


def test_fix_hook_rewrites_the_file(content_repo, tmp_path_factory):
    home = tmp_path_factory.mktemp("pre-commit-home")
    result = try_repo(content_repo, "mtcheck-fix", home, "article.txt")
    assert result.returncode == 1  # pre-commit fails a hook that modified files
    assert (content_repo / "article.txt").read_text() == "They have disappeared in the city.\n"
