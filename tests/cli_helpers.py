"""Helpers shared by the CLI test modules (conftest.py puts this folder on sys.path)."""

from __future__ import annotations

from mtcheck.cli import main


def run(capsys, *args):
    rc = main(list(args))
    out, err = capsys.readouterr()
    return rc, out, err


def assert_one_line_error(err: str, *needles: str):
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("mtcheck: error:"), err
    for needle in needles:
        assert needle in lines[0], (needle, err)
