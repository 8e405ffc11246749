"""The package layout is the architecture (docs/architecture.md): shared analysis in text/
uses no rules and no I/O, rules use no scoring, and nothing on the lint path loads scoring/
or synthetic/ (nor the language server's editor/ and pygls). Checked on the imports each
module makes when it is imported (module level), and on what a real ``mtcheck check`` run has
loaded."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "mtcheck"
CHECK_PATH = ("mtcheck.cli", "mtcheck.checker", "mtcheck.config", "mtcheck.document", "mtcheck.finding",
              "mtcheck.fixes", "mtcheck.rules", "mtcheck.text", "mtcheck.languages", "mtcheck.io")
# package → packages its modules may not import at module level
FORBIDDEN = {
    "mtcheck.text": ("mtcheck.rules", "mtcheck.io", "mtcheck.scoring", "mtcheck.synthetic", "mtcheck.checker",
                     "mtcheck.cli", "mtcheck.config"),
    "mtcheck.rules": ("mtcheck.scoring", "mtcheck.synthetic", "mtcheck.checker", "mtcheck.cli"),
    **{name: ("mtcheck.scoring", "mtcheck.synthetic") for name in CHECK_PATH},
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _top_level_imports(path: Path) -> set[str]:
    """Modules imported when ``path`` is imported: its module-level import statements (not
    those inside functions, which run only on the path that needs them)."""
    names = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return {n for n in names if n.startswith("mtcheck")}


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_imports_respect_the_layers(path):
    name = _module_name(path)
    forbidden = [bad for owner, bads in FORBIDDEN.items() if name == owner or name.startswith(owner + ".")
                 for bad in bads]
    wrong = sorted(imp for imp in _top_level_imports(path)
                   if any(imp == bad or imp.startswith(bad + ".") for bad in forbidden))
    assert not wrong, f"{name} imports {wrong}"


def test_the_walk_sees_the_layers_and_their_imports():
    """The walk finds the modules it polices (a renamed folder would empty it) and reads
    their imports (bench, outside the lint path, does import the checker and scoring)."""
    names = {_module_name(p) for p in MODULES}
    assert {"mtcheck.checker", "mtcheck.text.sentences", "mtcheck.rules.numbers", "mtcheck.scoring.bench"} <= names
    assert {"mtcheck.checker", "mtcheck.scoring.mqm"} <= _top_level_imports(PACKAGE / "scoring" / "bench.py")


@pytest.mark.parametrize("fmt", ["text", "sarif", "github"])
def test_a_check_run_loads_no_scoring_or_synthetic_module(tmp_path, fmt):
    """Nor the language server's modules and pygls (when installed: `mtcheck lsp` only)."""
    article = tmp_path / "a.txt"
    article.write_text("They have disappearedin the city. The the army left.\n", encoding="utf-8")
    code = ("import sys, contextlib, io\n"
            "from mtcheck.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    rc = main(['check', '--isolated', '--format', {fmt!r}, {str(article)!r}])\n"
            "print(rc, sorted(m for m in sys.modules if m.startswith(('mtcheck.scoring', 'mtcheck.synthetic',"
            " 'mtcheck.model', 'mtcheck.editor', 'pygls', 'lsprotocol'))))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "1 []"


def test_every_data_file_is_package_data():
    """A wheel carries what the checkout reads: every file under mtcheck/ that is not Python is
    matched by pyproject's package-data of the package it is in (defaults.toml was not, so an
    installed mtcheck lacked it; nor was the shipped model, so `mtcheck[model]` had none)."""
    import fnmatch

    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib
    pyproject = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))
    package_data = pyproject["tool"]["setuptools"]["package-data"]
    data = [p for p in PACKAGE.rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts]
    missing = []
    for path in data:
        package = next(parent for parent in path.parents if (parent / "__init__.py").exists())
        name = ".".join(package.relative_to(PACKAGE.parent).parts)
        inside = path.relative_to(package).as_posix()
        if not any(fnmatch.fnmatch(inside, pat) and inside.count("/") == pat.count("/")
                   for pat in package_data.get(name, [])):
            missing.append(path.relative_to(PACKAGE).as_posix())
    assert any(p.name == "model.safetensors" for p in data) and any(p.name == "defaults.toml" for p in data)
    assert not missing, missing
