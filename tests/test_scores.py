"""`mtcheck score`: sacrebleu's own figures, deltas of fixes with paired-bootstrap intervals, and
bad input as one-line errors. The slices of ../shared are WMT22 segments (skipped without it)."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys

import pytest
import regex

from cli_helpers import assert_one_line_error, run

pytest.importorskip("sacrebleu")


def _wmt22(shared, pair: str, n: int) -> list[dict]:
    with (shared / "data" / "wmt22" / f"{pair}.jsonl").open(encoding="utf-8") as lines:
        return [json.loads(line) for line in itertools.islice(lines, n)]


def _write(path, lines):
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def _scores(out: str) -> dict:
    return {(r["metric"], r["variant"]): r for r in json.loads(out)["scores"]}


def test_original_scores_equal_sacrebleus_command_line(shared, tmp_path, capsys):
    rows = _wmt22(shared, "de-en", 300)
    hyp = _write(tmp_path / "hyp.txt", [r["systems"]["Online-A"] for r in rows])
    ref = _write(tmp_path / "ref.txt", [r["reference"] for r in rows])
    rc, out, err = run(capsys, "score", "--isolated", "--lang", "en", "--resamples", "50", "--format", "json",
                       "--reference", str(ref), str(hyp))
    assert rc == 0, err
    ours = _scores(out)
    theirs = subprocess.run([sys.executable, "-m", "sacrebleu", str(ref), "-i", str(hyp), "-m", "bleu", "chrf", "ter",
                             "-b", "-w", "4", "-f", "text"], capture_output=True, text=True, check=True).stdout.split()
    for name, value in zip(("BLEU", "chrF", "TER"), theirs):
        assert round(ours[name, "original"]["score"], 4) == float(value), name
    assert ours["BLEU", "original"]["signature"].startswith("nrefs:1|case:mixed|eff:no|tok:13a")


def test_fixing_glued_words_raises_bleu_and_chrf_plus_plus_but_not_chrf(shared, tmp_path, capsys):
    """References with one space taken out before a short function word (`stoppedin`): the
    merged-words fixes restore them. chrF counts characters without white space and stays put."""
    glue = regex.compile(r"\b(\p{Ll}{6,}) (in|of|the|and|to)\b")
    refs, hyps = [], []
    for r in _wmt22(shared, "de-en", 2000):
        if glue.search(r["reference"]):
            refs.append(r["reference"])
            hyps.append(glue.sub(r"\1\2", r["reference"], count=1))
    assert len(refs) >= 100
    ref = _write(tmp_path / "ref.txt", refs)
    hyp = _write(tmp_path / "hyp.txt", hyps)
    rc, out, err = run(capsys, "score", "--isolated", "--lang", "en", "--select", "MT101", "--resamples", "200",
                       "--format", "json", "--reference", str(ref), str(hyp))
    assert rc == 0, err
    scores = _scores(out)
    for name in ("BLEU", "chrF++"):
        row = scores[name, "rule:MT101"]
        assert row["delta"] > 0 and row["ci"][0] > 0, (name, row)
    assert scores["chrF", "rule:MT101"]["delta"] == 0
    assert scores["TER", "rule:MT101"]["delta"] < 0  # fewer edits
    text_rc, text_out, _ = run(capsys, "score", "--isolated", "--lang", "en", "--select", "MT101", "--resamples", "50",
                               "--reference", str(ref), str(hyp))
    assert "chrF ignores white space" in text_out


def test_json_contract(tmp_path, capsys):
    hyp = _write(tmp_path / "hyp.txt", ["The talks stoppedin May.", "Officials said twelve people were hurt."])
    ref = _write(tmp_path / "ref.txt", ["The talks stopped in May.", "Officials said 12 people were hurt."])
    rc, out, _ = run(capsys, "score", "--isolated", "--lang", "en", "--resamples", "20", "--seed", "7",
                     "--format", "json", "--reference", str(ref), str(hyp))
    data = json.loads(out)
    assert rc == 0 and data["version"] == 1 and set(data) == {"version", "scores"}
    variants = {r["variant"] for r in data["scores"]}
    assert {"original", "safe", "all", "rule:MT101"} <= variants
    for r in data["scores"]:
        assert set(r) == {"metric", "variant", "score", "signature", "delta", "ci"}
        assert r["metric"] in ("BLEU", "chrF", "chrF++", "TER") and "seed:7" in r["signature"]
        assert (r["delta"] is None) == (r["ci"] is None) == (r["variant"] == "original")


def test_the_same_seed_gives_the_same_intervals(tmp_path, capsys):
    hyp = _write(tmp_path / "hyp.txt", ["The talks stoppedin May.", "The army leftthe city.", "It rained."])
    ref = _write(tmp_path / "ref.txt", ["The talks stopped in May.", "The army left the city.", "It rained."])
    args = ("score", "--isolated", "--lang", "en", "--resamples", "100", "--format", "json", "--reference", str(ref), str(hyp))
    assert run(capsys, *args)[1] == run(capsys, *args)[1]


def test_records_carry_their_references(tmp_path, capsys):
    rows = [{"id": "a", "translation": "The talks stoppedin May.", "reference": "The talks stopped in May."},
            {"id": "b", "translation": "It rained.", "reference": "It rained."}]
    path = tmp_path / "r.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    rc, out, _ = run(capsys, "score", "--isolated", "--lang", "en", "--resamples", "20", "--format", "json", str(path))
    assert rc == 0 and _scores(out)["BLEU", "rule:MT101"]["delta"] > 0


@pytest.mark.parametrize("case,needles", [
    ("short reference", ["ref.txt", "1 line", "2 segment"]),
    ("record without reference", ["r.jsonl:2", "reference"]),
    ("empty translation", ["no segments"]),
])
def test_bad_input_is_a_one_line_error(tmp_path, capsys, case, needles):
    hyp = _write(tmp_path / "hyp.txt", ["The talks stopped in May.", "It rained."])
    ref = _write(tmp_path / "ref.txt", ["The talks stopped in May."])
    target = hyp
    if case == "record without reference":
        target = tmp_path / "r.jsonl"
        target.write_text(json.dumps({"translation": "a", "reference": "a"}) + "\n" + json.dumps({"translation": "b"}) + "\n",
                          encoding="utf-8")
    elif case == "empty translation":
        target = tmp_path / "empty.txt"
        target.write_text("", encoding="utf-8")
    args = ["score", "--isolated", "--lang", "en", str(target)]
    if case != "record without reference":
        args[1:1] = ["--reference", str(ref)]
    rc, out, err = run(capsys, *args)
    assert rc == 2 and out == ""
    assert_one_line_error(err, *needles)
