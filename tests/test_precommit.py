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
    # Formats whose readers need the `formats` extra, which the hooks install.
    (repo / "en.yml").write_text("en:\n  notice: Your order has arrivedin the shop.\n")
    (repo / "de.po").write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: de\\n"\n\n'
                                'msgid "The order arrived."\nmsgstr "Die Bestellung istangekommen."\n')
    git(repo, "add", "-A")
    return repo


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    """One pre-commit home for the module: the hook environment is installed once (for a clean
    checkout; try-repo of a tree with changes makes a new revision, and a new environment, each time)."""
    return tmp_path_factory.mktemp("pre-commit-home")


def try_repo(repo: Path, hook: str, home: Path, *files: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), PIP_DISABLE_PIP_VERSION_CHECK="1")
    return subprocess.run([str(PRE_COMMIT), "try-repo", str(ROOT), hook, "--files", *files],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=900)


def test_check_hook_fails_on_an_artifact_and_passes_on_clean_text(content_repo, home):
    bad = try_repo(content_repo, "mtcheck", home, "article.txt")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "MT101" in bad.stdout and "disappearedin" in bad.stdout
    formats = try_repo(content_repo, "mtcheck", home, "en.yml", "de.po")
    assert formats.returncode == 1, formats.stdout + formats.stderr
    assert "en.yml[notice]" in formats.stdout and "arrivedin" in formats.stdout, formats.stdout
    assert "de.po" in formats.stdout and "istangekommen" in formats.stdout, formats.stdout
    good = try_repo(content_repo, "mtcheck", home, "clean.md")
    assert good.returncode == 0, good.stdout + good.stderr


def test_fix_hook_rewrites_the_file(content_repo, home):
    result = try_repo(content_repo, "mtcheck-fix", home, "article.txt")
    assert result.returncode == 1  # pre-commit fails a hook that modified files
    assert (content_repo / "article.txt").read_text() == "They have disappeared in the city.\n"


@pytest.fixture(scope="module")
def app_repo(tmp_path_factory):
    """tests/fixtures/content-repo (an app's strings in four languages and several formats) as
    a git repository."""
    from test_content_repo import REPO

    repo = tmp_path_factory.mktemp("app") / "app"
    shutil.copytree(REPO, repo)
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "t@example.org")
    git(repo, "config", "user.name", "t")
    (repo / "package.json").write_text('{"name": "fieldnotes", "description": "Notes  app"}\n')  # no translation
    git(repo, "add", "-A")
    return repo


def test_the_hooks_check_and_fix_a_content_repository(app_repo, home):
    from test_content_repo import FIXED, PLANTED

    env = dict(os.environ, PRE_COMMIT_HOME=str(home), PIP_DISABLE_PIP_VERSION_CHECK="1")

    def hook(name: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(PRE_COMMIT), "try-repo", str(ROOT), name, "--all-files"],
                              cwd=app_repo, env=env, capture_output=True, text=True, timeout=900)

    checked = hook("mtcheck")
    assert checked.returncode == 1, checked.stdout + checked.stderr
    for path, record, code in PLANTED:
        place = f"{path}[{record}]" if record else path
        assert place in checked.stdout and code in checked.stdout, (path, record, code, checked.stdout)
    assert "package.json" not in checked.stdout  # --force-exclude: no translation, not read
    before = {p: p.read_bytes() for p in app_repo.rglob("*") if p.is_file() and ".git" not in p.parts}
    fixed = hook("mtcheck-fix")
    assert fixed.returncode == 1  # pre-commit fails a hook that modified files
    for path, data in before.items():
        name = path.relative_to(app_repo).as_posix()
        expected = data.decode("utf-8").replace(*FIXED[name]).encode("utf-8") if name in FIXED else data
        assert path.read_bytes() == expected, name
