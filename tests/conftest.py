from __future__ import annotations

import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

# Test modules import cli_helpers.py from this folder (pytest runs with --import-mode=importlib,
# which leaves sys.path alone).
sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture
def shared() -> Path:
    """../shared beside the repository; tests that read it skip where it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is absent (a fresh clone without the shared data)")
    return SHARED


@pytest.fixture
def in_tmp(tmp_path, monkeypatch) -> Path:
    """Run the test in an empty temporary folder, with NO_COLOR unset (CLI tests)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path
