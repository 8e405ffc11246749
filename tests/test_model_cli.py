"""`check --model` on the command line, with or without the model extra: `--model` is a flag
(the path after it is an input, not the model's folder), `--model-dir FOLDER` names another
trained model, and whatever is missing (torch, the folder) is a one-line error with exit 2
before anything is checked."""

from __future__ import annotations

import importlib.util

import pytest

from cli_helpers import assert_one_line_error, run
from mtcheck.cli import _parser

pytestmark = pytest.mark.usefixtures("in_tmp")
TEXT = "They have disappearedin the city.\n"


def test_model_is_a_flag_and_the_path_after_it_an_input():
    args = _parser().parse_args(["check", "--model", "mt.txt"])
    assert args.model is True and args.paths == ["mt.txt"] and args.model_dir is None
    args = _parser().parse_args(["check", "--model-dir", "my-model", "mt.txt"])
    assert args.model_dir == "my-model" and args.paths == ["mt.txt"]


def test_without_the_model_extra_model_is_a_one_line_error(capsys, monkeypatch, tmp_path):
    (tmp_path / "mt.txt").write_text(TEXT, encoding="utf-8")
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "torch" else real(name, *a))
    rc, out, err = run(capsys, "check", "--isolated", "--lang", "en", "--model", "mt.txt")
    assert (rc, out) == (2, "")
    assert_one_line_error(err, "torch", "pip install 'mtcheck[model]'")
    (tmp_path / "mtcheck.toml").write_text("model = true\n", encoding="utf-8")  # the config asks for it too
    rc, out, err = run(capsys, "check", "--lang", "en", "mt.txt")
    assert (rc, out) == (2, "")
    assert_one_line_error(err, "mtcheck[model]")


def test_a_model_folder_without_a_model_is_a_one_line_error(capsys, tmp_path):
    (tmp_path / "mt.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "empty").mkdir()
    rc, out, err = run(capsys, "check", "--isolated", "--lang", "en", "--model-dir", "empty", "mt.txt")
    assert (rc, out) == (2, "")
    assert_one_line_error(err, "empty: no trained model here")


def test_the_shipped_model_runs_on_the_file_after_the_flag(capsys, tmp_path):
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    pytest.importorskip("sentencepiece")
    from mtcheck.model.tagger import DEFAULT

    assert (DEFAULT / "model.safetensors").exists()  # shipped inside the package
    (tmp_path / "mt.txt").write_text("La situaciÃ³n es grave en la regiÃ³n desde el lunes.\n", encoding="utf-8")
    rc, out, err = run(capsys, "check", "--isolated", "--lang", "es", "--model", "--no-show-source", "mt.txt")
    assert rc == 1, err
    assert "mt.txt:1:" in out and "MT301" in out and "(model agrees: " in out  # the model ran
