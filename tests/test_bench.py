"""`mtcheck bench`: the report contract on slices of the shared corpora, the corpus formats
datasets reads, bad input, and the HTML page opened in headless Chromium (skipped, with the
reason, where Debian's chromium is not installed; .ci/run installs it)."""

from __future__ import annotations

import itertools
import json
import re
import shutil
import subprocess

import pytest

from cli_helpers import assert_one_line_error, run

pytest.importorskip("datasets")
pytest.importorskip("matplotlib")
pytest.importorskip("sacrebleu")


def _slice(shared, rel: str, n: int, tmp_path):
    out = tmp_path / rel.replace("/", "-")
    with (shared / "data" / rel).open(encoding="utf-8") as lines:
        out.write_text("".join(itertools.islice(lines, n)), encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def bench_report(tmp_path_factory):
    """One bench run for the module's tests: 120 WMT22 segments × 3 systems, 600 MQM records."""
    from conftest import SHARED

    if not SHARED.is_dir():
        pytest.skip("../shared is absent (a fresh clone without the shared data)")
    shared = SHARED
    tmp = tmp_path_factory.mktemp("bench")
    wmt = _slice(shared, "wmt22/de-en.jsonl", 120, tmp)
    mqm = _slice(shared, "wmt-mqm/ted-ende.jsonl", 600, tmp)
    from mtcheck.cli import main

    rc = main(["bench", "--isolated", "--resamples", "50", "--out", str(tmp / "out"), str(wmt), str(mqm)])
    assert rc == 0
    return tmp / "out", wmt.name, mqm.name


def test_report_contract(bench_report):
    out, wmt, mqm = bench_report
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["version"] == 1 and "bootstrap:50" in report["signature"]
    assert set(report) == {"version", "signature", "systems", "detection", "agreement", "skipped"}
    systems = {(s["corpus"], s["system"]): s for s in report["systems"]}
    assert {(wmt, "Online-A"), (wmt, "PROMT"), (wmt, "LT22")} <= set(systems)
    online = systems[wmt, "Online-A"]
    assert online["segments"] == 120 and online["human_mqm"] is None and online["pair"] == "de-en"
    assert sum(d["segments"] for d in online["documents"]) == 120
    assert round(sum(d["mqm_style_per_segment"] * d["segments"] for d in online["documents"]) / 120, 3) == \
        round(online["mqm_style"]["per_segment"], 3)
    assert {(r["metric"], r["variant"]) for r in online["scores"]} >= {("BLEU", "original"), ("chrF++", "all")}
    rated = [s for s in report["systems"] if s["corpus"] == mqm]
    assert len(rated) >= 14 and all(s["human_mqm"] is not None for s in rated)
    assert report["detection"][mqm]["recall"] and "same segment" in report["detection"][mqm]["span_rule"]
    agreement = report["agreement"][mqm]
    assert agreement["systems"] >= 13 and -1 <= agreement["kendall_tau"] <= 1
    low, high = agreement["kendall_tau_ci"]
    assert low <= high
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "## Findings per system" in md and "chrF ignores white space" in md


def test_the_report_and_its_scores_share_one_signature(bench_report):
    """The report's signature and every score row's are Signatures of the same settings: the same
    mtcheck, language data, selection and bootstrap, and the MQM weights of check's JSON summary."""
    import sacrebleu

    from mtcheck.scoring.mqm import MQMStyle
    from mtcheck.scoring.signature import Signature

    def settings(s: Signature) -> tuple:
        return s.mtcheck, s.data, s.select, s.ignore, s.bootstrap, s.seed

    out, _, _ = bench_report
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    signature = Signature.parse(report["signature"])
    assert signature.format() == report["signature"]
    mqm = MQMStyle().signature()
    assert (signature.weights, signature.mean) == (mqm.weights, mqm.mean)
    assert (signature.bootstrap, signature.seed, signature.metrics) == (50, 12345, ("BLEU", "chrF", "chrF++", "TER"))
    rows = [Signature.parse(r["signature"]) for s in report["systems"] for r in s["scores"]]
    assert rows and {r.sacrebleu.split("|")[-1] for r in rows} == {f"version:{sacrebleu.__version__}"}
    assert {settings(r) for r in rows} == {settings(signature)} == {settings(mqm.replace(bootstrap=50, seed=12345))}


def test_the_html_page_renders_every_plot_in_chromium(bench_report, tmp_path):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    out, _, _ = bench_report
    page = (out / "report.html").read_text(encoding="utf-8")
    expected = int(re.search(r'data-plots="(\d+)"', page).group(1))
    assert expected >= 3 and "<script src" not in page and "http" not in page.split("<body")[0]
    dom = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                          "--disable-background-networking", "--disable-component-update", "--disable-sync",
                          f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=5000", "--dump-dom",
                          (out / "report.html").as_uri()], capture_output=True, text=True, timeout=120).stdout
    assert f'data-plots-rendered="{expected}/{expected}"' in dom, dom[:300]


def test_parquet_and_a_saved_dataset_read_as_the_jsonl(shared, tmp_path, capsys):
    import datasets

    jsonl = _slice(shared, "wmt22/en-de.jsonl", 40, tmp_path)
    ds = datasets.load_dataset("json", data_files=str(jsonl), split="train", cache_dir=str(tmp_path / "cache"))
    ds.to_parquet(str(tmp_path / "c.parquet"))
    ds.save_to_disk(str(tmp_path / "saved"))
    capsys.readouterr()  # datasets' own messages while writing the copies
    reports = []
    for n, corpus in enumerate((jsonl, tmp_path / "c.parquet", tmp_path / "saved")):
        rc, _, err = run(capsys, "bench", "--isolated", "--metrics", "BLEU", "--resamples", "20",
                         "--out", str(tmp_path / f"out{n}"), str(corpus))
        assert rc == 0 and err == "", err  # no progress bar off a terminal
        data = json.loads((tmp_path / f"out{n}" / "report.json").read_text(encoding="utf-8"))
        reports.append([{k: v for k, v in s.items() if k != "corpus"} for s in data["systems"]])
    assert reports[0] == reports[1] == reports[2]


def test_records_of_no_known_shape_are_skipped_and_counted(tmp_path, capsys):
    rows = [{"id": "1", "translation": "The talks stoppedin May.", "reference": "The talks stopped in May.",
             "target_lang": "en"},
            {"id": "2", "text": "no translation field here"},
            {"id": "3", "translation": "Die Gespräche endeten im Mai.", "target_lang": "de"}]
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    rc, _, _ = run(capsys, "bench", "--isolated", "--resamples", "20", "--out", str(tmp_path / "out"), str(path))
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert rc == 0 and report["skipped"] == {"no translation, target or systems field": 1}
    assert {s["pair"] for s in report["systems"]} == {"?-en", "?-de"}  # mixed languages: one row each


@pytest.mark.parametrize("content,needles", [
    ("", ["nothing to benchmark"]),
    ('{"text": "a"}\n', ["nothing to benchmark", "1 no translation"]),
    ("{not json\n", ["cannot read"]),
])
def test_bad_corpora_are_one_line_errors(tmp_path, capsys, content, needles):
    path = tmp_path / "c.jsonl"
    path.write_text(content, encoding="utf-8")
    rc, out, err = run(capsys, "bench", "--isolated", "--out", str(tmp_path / "out"), str(path))
    assert rc == 2 and out == ""
    assert_one_line_error(err, *needles)
    assert not (tmp_path / "out" / "report.json").exists()


def test_two_dask_workers_give_the_single_process_report(shared, tmp_path, capsys):
    pytest.importorskip("dask.distributed")
    corpus = _slice(shared, "wmt-mqm/ted-ende.jsonl", 400, tmp_path)
    reports = []
    for workers in ("1", "2"):
        rc, _, err = run(capsys, "bench", "--isolated", "--resamples", "30", "--workers", workers,
                         "--out", str(tmp_path / workers), str(corpus))
        assert rc == 0, err
        reports.append(json.loads((tmp_path / workers / "report.json").read_text(encoding="utf-8")))
    assert reports[0] == reports[1]


def test_check_on_two_dask_workers_reports_what_one_process_does(shared, tmp_path, capsys):
    pytest.importorskip("dask.distributed")
    rows = [json.loads(line) for line in itertools.islice((shared / "data" / "wmt22" / "de-en.jsonl").open(encoding="utf-8"), 300)]
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps({"id": r["id"], "doc_id": r["doc_id"], "translation": r["systems"]["LT22"],
                                        "source": r["source"], "source_lang": "de", "target_lang": "en"}) + "\n"
                            for r in rows), encoding="utf-8")
    outputs = [run(capsys, "check", "--isolated", "--format", "json", "--workers", w, str(path)) for w in ("1", "2")]
    assert outputs[0][0] == outputs[1][0] == 1
    assert outputs[0][1] == outputs[1][1] and json.loads(outputs[0][1])["findings"]
