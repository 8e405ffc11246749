"""One `Signature` for every score and report: frozen, equal for equal settings, read back from its
string, and the same mtcheck and data version on the MQM-style score, the metric rows and the
bench report (tests/test_bench.py checks the report a real bench run writes)."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys

import pytest

from cli_helpers import run
from mtcheck.config import Config
from mtcheck.finding import Finding
from mtcheck.languages import DATA_DIR, data_version
from mtcheck.scoring.mqm import MQMStyle, error_weight, mqm_signature, weight
from mtcheck.scoring.signature import Signature
from mtcheck.taxonomy import CATEGORIES, Severity

SACREBLEU = "nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.5.1"


def test_equal_settings_give_equal_signatures_and_a_selection_changes_it():
    a = Signature.of(Config(select=["MT1", "MT2"], ignore=["extra-space"]), seed=7)
    b = Signature.of(Config(select=["MT2", "MT1"], ignore=["extra-space"]), seed=7)
    assert a == b and hash(a) == hash(b) and str(a) == str(b) and len({a, b}) == 1
    for other in (Signature.of(Config(select=["MT1"], ignore=["extra-space"]), seed=7),
                  Signature.of(Config(select=["MT1", "MT2"]), seed=7),
                  Signature.of(Config(select=["MT1", "MT2"], ignore=["extra-space"]), seed=8)):
        assert other != a and str(other) != str(a)
    assert "select:MT1,MT2|ignore:extra-space" in str(a)


def test_it_is_frozen_and_replace_keeps_the_rest():
    s = Signature.of(Config(select=["MT1"]))
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.select = ("ALL",)
    t = s.replace(bootstrap=100, seed=1)
    assert (t.select, t.data, t.mtcheck, t.bootstrap) == (s.select, s.data, s.mtcheck, 100) and s.bootstrap is None


@pytest.mark.parametrize("signature", [
    Signature(),
    Signature(select=(), ignore=()),
    Signature(sacrebleu=SACREBLEU, bootstrap=1000, seed=12345, select=["MT101"], ignore=["MT2", "extra-space"]),
    mqm_signature(Config(ignore=["MT4"])),
    mqm_signature(metrics=("BLEU", "chrF++"), bootstrap=50, seed=3),
    mqm_signature(metrics=()),
], ids=str)
def test_the_string_reads_back_as_the_same_signature(signature):
    text = signature.format()
    assert Signature.parse(text) == signature and Signature.parse(text).format() == text


@pytest.mark.parametrize("text", [
    "",
    "mtcheck:0.1.0|data:x|select:ALL",  # no ignore
    "mtcheck:0.1.0|data:x|select:ALL|ignore:-|colour:red",  # not a key of ours
    "mtcheck:0.1.0|mtcheck:0.2.0|data:x|select:ALL|ignore:-",
    "weights:minor=1,major=5|mean:segments|version:mtcheck-0.1.0",  # the old MQM-style form
])
def test_what_is_not_a_signature_is_an_error(text):
    with pytest.raises(ValueError):
        Signature.parse(text)


@pytest.mark.parametrize("keys", [
    {"sacrebleu": "nrefs:1|case:mixed"},  # sacrebleu prints its version last
    {"select": ["MT1,MT2"]},
    {"ignore": ["-"]},
    {"weights": ""},
    {"mean": "a|b"},
])
def test_what_would_not_read_back_is_refused(keys):
    with pytest.raises(ValueError):
        Signature(**keys)


def test_data_version_follows_the_data_files_and_nothing_else(tmp_path):
    version = data_version.__wrapped__  # uncached: the folder changes under it
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "casing.txt").write_text("Paris\n", encoding="utf-8")
    (tmp_path / "defaults.toml").write_text("x = 1\n", encoding="utf-8")
    before = version(tmp_path)
    assert len(before) == 12 and version(tmp_path) == before
    (tmp_path / "__init__.py").write_text("# code\n", encoding="utf-8")  # code is not data
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "x.json").write_text("{}", encoding="utf-8")
    (tmp_path / "en" / "casing.txt").touch()  # times do not count: the same files on every machine
    assert version(tmp_path) == before
    (tmp_path / "en" / "casing.txt").write_text("Paris\nLyon\n", encoding="utf-8")
    grown = version(tmp_path)
    assert grown != before
    (tmp_path / "de").mkdir()
    (tmp_path / "de" / "accents.txt").write_text("", encoding="utf-8")
    assert version(tmp_path) != grown
    assert data_version() == version(DATA_DIR) == Signature().data


def test_one_weight_table_for_findings_and_raters():
    """A finding weighs what a rater's error of its MQM category and severity weighs."""
    for name, category in CATEGORIES.items():
        for severity in Severity:
            finding = Finding("MT999", name, 0, 1, "", severity=severity)
            assert weight(finding) == error_weight(category.mqm, severity.value.title())
    assert error_weight("Fluency/Punctuation", "Minor") == 0.1 and error_weight("Fluency/Punctuation", "Major") == 5
    # WMT's files put Non-translation! in the category column, of a Major error: 25, not 5.
    assert error_weight("Non-translation!", "Major") == 25 and error_weight("Other", "Neutral") == 0
    assert error_weight("Accuracy/Omission", "no-error") == 0


def test_check_json_names_the_selection_and_the_data(capsys, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("They have disappearedin the city.\n", encoding="utf-8")
    signatures = []
    for select in ("ALL", "MT1"):
        rc, out, _ = run(capsys, "check", "--isolated", "--lang", "en", "--select", select, "--format", "json", str(path))
        signatures.append(Signature.parse(json.loads(out)["summary"]["mqm"]["signature"]))
    assert signatures[0].select == ("ALL",) and signatures[1].select == ("MT1",)
    assert signatures[1] == MQMStyle(Config(select=["MT1"])).signature()
    assert {s.data for s in signatures} == {data_version()}


def test_check_does_not_import_sacrebleu(tmp_path):
    """The MQM-style score's signature is built on the lint path: it must stay light."""
    path = tmp_path / "a.txt"
    path.write_text("They have disappearedin the city.\n", encoding="utf-8")
    code = ("import sys; from mtcheck.cli import main; main(['check', '--isolated', '--lang', 'en', '--format', "
            f"'json', {str(path)!r}]); print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('sacrebleu', 'numpy', 'scipy')), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stderr.strip().splitlines()[-1] == "[]", done.stderr
    assert "data:" in json.loads(done.stdout)["summary"]["mqm"]["signature"]


def test_score_rows_carry_sacrebleus_signature_and_the_same_settings_as_the_mqm_score():
    pytest.importorskip("sacrebleu")
    from mtcheck.scoring.metrics import metric, score_variants

    config = Config(select=["MT1"], ignore=["MT102"])
    rows = score_variants({"original": ["the catsat on the mat"], "safe": ["the cat sat on the mat"]},
                          ["the cat sat on the mat"], metrics=("BLEU", "TER"), resamples=10, seed=5,
                          settings=Signature.of(config))
    mqm = MQMStyle(config).signature()
    for row in rows:
        s = row.signature
        scorer = metric(row.metric)
        scorer.corpus_score(["the catsat on the mat"], [["the cat sat on the mat"]])
        assert s.sacrebleu == scorer.get_signature().format()
        assert (s.bootstrap, s.seed, s.select, s.ignore) == (10, 5, ("MT1",), ("MT102",))
        assert (s.mtcheck, s.data) == (mqm.mtcheck, mqm.data)
        assert Signature.parse(row.to_dict()["signature"]) == s
        # sacrebleu's own signature comes first, then |bootstrap:N|seed:S, as the README says
        assert row.to_dict()["signature"].startswith(f"{s.sacrebleu}|bootstrap:10|seed:5|")
