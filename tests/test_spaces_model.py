"""The spaces model (`check --spaces-model`): it loads from the package, confirms and adds glued
words, stays quiet on clean text, says its part in JSON, and trains reproducibly from the script.
Skipped without torch; the pre-filter and the error paths need no torch."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from cli_helpers import assert_one_line_error, run
from mtcheck import check
from mtcheck.config import Config
from mtcheck.languages import get_language
from mtcheck.model.spaces import DEFAULT, candidates

ROOT = Path(__file__).resolve().parents[1]
CLEAN = ("The minister met the press in the capital on Monday, and the talks went on until late "
         "in the evening.")


def test_the_pre_filter_asks_about_cuts_into_two_words_and_pairs_that_make_one():
    en = get_language("en")
    found = candidates("They have disappearedin the govern ment building.", en)
    cuts = {(c.left, c.right) for c in found if c.kind == "space"}
    assert ("disappeared", "in") in cuts
    assert [(c.left, c.right) for c in found if c.kind == "extra"] == [("govern", "ment")]
    assert candidates("The talks went on.", en) == []  # known words only: no model needed


def test_without_torch_the_spaces_model_is_a_one_line_error(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mt.txt").write_text("They have disappearedin the city.\n", encoding="utf-8")
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "torch" else real(name, *a))
    rc, out, err = run(capsys, "check", "--isolated", "--lang", "en", "--spaces-model", "mt.txt")
    assert (rc, out) == (2, "")
    assert_one_line_error(err, "torch", "pip install 'mtcheck[model]'")
    (tmp_path / "mtcheck.toml").write_text("spaces-model = true\n", encoding="utf-8")  # asked by the config
    rc, out, err = run(capsys, "check", "--lang", "en", "mt.txt")
    assert (rc, out) == (2, "")
    assert_one_line_error(err, "mtcheck[model]")


def test_a_folder_without_a_spaces_model_is_a_one_line_error(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mt.txt").write_text("They have disappearedin the city.\n", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    rc, out, err = run(capsys, "check", "--isolated", "--lang", "en", "--spaces-model-dir", "empty", "mt.txt")
    assert (rc, out) == (2, "")
    assert_one_line_error(err, "empty: no trained spaces model here")


# -- with torch -----------------------------------------------------------------------------------

def _torch():
    pytest.importorskip("torch")
    pytest.importorskip("safetensors")
    assert (DEFAULT / "model.safetensors").exists() and (DEFAULT / "README.md").exists()  # in the package


def test_the_shipped_model_adds_a_glued_word_the_rules_miss():
    _torch()
    # `parala` is listed by wordfreq (web text has it) and reads as one token to MT101.
    text = "El gobierno anunció ayer las nuevas medidas económicas parala ciudad."
    select = ["MT101", "MT102", "MT103"]
    assert check(text, lang="es", config=Config(select=select)) == []
    found = check(text, lang="es", config=Config(select=select, spaces_model=str(DEFAULT)))
    assert [(f.code, f.text, f.source) for f in found] == [("MT101", "parala", "model")]
    assert found[0].confidence >= 0.9 and "(the spaces model, confidence" in found[0].message
    fix = found[0].fixes[0]
    assert not fix.is_safe and [(e.start, e.replacement) for e in fix.edits] == [(text.index("parala") + 4, " ")]
    # MT101 is off in Catalan; the model has its own languages, and a selected code is enough.
    text = "El govern va anunciar ahir lesnoves mesures econòmiques per a la ciutat."
    found = check(text, lang="ca", config=Config(select=select, spaces_model=str(DEFAULT)))
    assert [(f.code, f.text, f.source) for f in found] == [("MT101", "lesnoves", "model")]
    assert check(text, lang="ca", config=Config(select=["MT102"], spaces_model=str(DEFAULT))) == []  # not selected


def test_the_shipped_model_agrees_with_a_rule_and_stays_quiet_on_clean_text():
    _torch()
    config = Config(select=["MT101", "MT102", "MT103"], spaces_model=str(DEFAULT))
    found = check("The troops have disappearedin the port city.", lang="en", config=config)
    assert [(f.code, f.source) for f in found] == [("MT101", "rules+model")]
    assert "the spaces model agrees" in found[0].message
    assert check(CLEAN, lang="en", config=config) == []


def test_json_says_which_findings_the_model_had_a_say_in(capsys, monkeypatch, tmp_path):
    _torch()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mt.txt").write_text("Los soldados se rindieronen la ciudad. El gobierno anunció ayer las "
                                     "nuevas medidas económicas parala ciudad.\n", encoding="utf-8")
    rc, out, err = run(capsys, "check", "--isolated", "--lang", "es", "--select", "MT101", "--format", "json",
                       "--spaces-model", "mt.txt")
    assert rc == 1, err
    findings = json.loads(out)["findings"]
    assert [(f["code"], f["source"]) for f in findings] == [("MT101", "rules+model"), ("MT101", "model")]
    assert all(0.5 <= f["confidence"] <= 1 for f in findings)
    rc, out, _ = run(capsys, "check", "--isolated", "--lang", "es", "--select", "MT101", "--format", "json", "mt.txt")
    assert [set(f) & {"source", "confidence"} for f in json.loads(out)["findings"]] == [set()]  # rules alone: as before


def _tiny_data(root: Path) -> Path:
    """Sentences written here (no shared data needed), in UD's jsonl form."""
    ud = root / "ud"
    ud.mkdir(parents=True)
    words = ("the minister met the press in the capital and the talks went on until late in the evening "
             "while the troops waited outside the government building for the news").split()
    rows = [{"id": f"s{i}", "doc_id": f"d{i // 5}", "lang": "en",
             "text": " ".join(words[i % 7:i % 7 + 12]).capitalize() + "."} for i in range(60)]
    (ud / "en-tiny.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return root


def test_the_training_script_runs_end_to_end_and_the_same_seed_gives_the_same_weights(tmp_path):
    pytest.importorskip("torch")
    pytest.importorskip("safetensors")
    sys.path.insert(0, str(ROOT / "scripts"))
    import train_spaces

    data = _tiny_data(tmp_path / "data")
    args = ["--data", str(data), "--steps", "3", "--batch", "4", "--channels", "16", "--dim", "8", "--langs", "en"]
    assert train_spaces.main(args + ["--out", str(tmp_path / "a")]) == 0
    assert train_spaces.main(args + ["--out", str(tmp_path / "b")]) == 0
    assert (tmp_path / "a" / "model.safetensors").read_bytes() == (tmp_path / "b" / "model.safetensors").read_bytes()
    training = json.loads((tmp_path / "a" / "training.json").read_text())
    assert training["steps"] == 3 and training["threads"] == 1
    other = train_spaces.main(args + ["--seed", "2", "--out", str(tmp_path / "c")])
    assert other == 0 and (tmp_path / "c" / "model.safetensors").read_bytes() != (tmp_path / "a" / "model.safetensors").read_bytes()
    # What it wrote is a model the checker loads and asks.
    from mtcheck.model.spaces import candidates as cands, judge

    text = "They have disappearedin the city."
    found = judge(text, "en", cands(text, get_language("en")), str(tmp_path / "a"))
    assert found and all(0.0 <= j.probability <= 1.0 for j in found)
