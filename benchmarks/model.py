#!/usr/bin/env python3
"""The tagger against the rules, on held-out text: precision and recall per category for the
rules alone, the model alone and both; findings per 10,000 words on human references with the
model on; inference speed.

Held out: the UD *test* splits of ``../shared/data/ud`` (the training script reads the others),
two sentences a text, each corrupted once per category of ``mtcheck.model.TAGGED``
(``mtcheck/synthetic.py`` counts); and the held-out MQM documents (``train_model.mqm_held_out``:
two talks of five per pair), every system's output checked and counted by ``mtcheck bench``, per
MQM category that some tag maps to: recall of the raters' spans by a finding of a mapped
category, precision of those findings (a match with any rater error of the segment,
``mtcheck/detection.py``). Human text with the model on: the WMT22/WMT24 references.

    python benchmarks/model.py [--model mtcheck/model/mtcheck-tagger] [--texts 60] [--min-confidence 0.5]
                               [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from train_model import clean_texts, mqm_records  # noqa: E402  (the training script's own split)

from mtcheck.checker import check_document  # noqa: E402
from mtcheck.config import Config  # noqa: E402
from mtcheck.scoring.detection import mapped  # noqa: E402
from mtcheck.document import Document  # noqa: E402
from mtcheck.languages import get_language  # noqa: E402
from mtcheck.model import TAGGED  # noqa: E402
from mtcheck.synthetic.benchmark import evaluate  # noqa: E402


def f1(p, r):
    return None if not p or not r else 2 * p * r / (p + r)


def setups(model: str) -> dict[str, Config]:
    return {"rules": Config(), "model": Config(select=[], model=model), "both": Config(model=model)}


def run(data: Path, model: str, limit: int) -> dict:
    held_out = defaultdict(list)
    for text, lang in clean_texts(data, split_held_out=True):
        held_out[lang].append((text, None))
    table = {}
    for name, config in setups(model).items():
        totals = defaultdict(lambda: [0, 0, 0, 0])  # corrupted, found, findings, true findings
        for lang, texts in sorted(held_out.items()):
            results = evaluate(texts[:limit], get_language(lang), TAGGED, config=config)
            for category in TAGGED:
                row = results.get(category)
                if row:
                    t = totals[category]
                    t[0] += row.corrupted
                    t[1] += row.found
                    t[2] += row.findings
                    t[3] += row.true_findings
        table[name] = {c: {"recall": round(t[1] / t[0], 3) if t[0] else None,
                           "precision": round(t[3] / t[2], 3) if t[2] else None} for c, t in totals.items()}
    return table


def held_out_mqm(data: Path, model: str) -> dict:
    """Per MQM category that a tag maps to: recall and precision of rules, model and both, as
    ``mtcheck bench`` counts them (``mtcheck/detection.py``) on the held-out MQM records."""
    from mtcheck.scoring.bench import run as bench

    records = mqm_records(data, held_out=True)
    categories = sorted({e["category"] for r in records for e in r["errors"]
                         if any(mapped(e["category"], c) for c in TAGGED)})
    table = {}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "mqm-held-out.jsonl"
        corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        for name, config in setups(model).items():
            detection = bench([corpus], config=config, metrics=())["detection"][corpus.name]
            rows = {}
            for mqm in categories:
                recall = detection["recall"].get(mqm, {"annotations": 0, "matched": 0})
                ours = [v for c, v in detection["precision"].items() if mapped(mqm, c)]
                findings, true = sum(v["findings"] for v in ours), sum(v["matched"] for v in ours)
                rows[mqm] = {"annotations": recall["annotations"], "found": recall["matched"],
                             "findings": findings, "true": true,
                             "recall": round(recall["matched"] / recall["annotations"], 3) if recall["annotations"] else None,
                             "precision": round(true / findings, 3) if findings else None}
            table[name] = rows
    return {"records": len(records), "table": table}


def human_rate(data: Path, model: str) -> dict:
    """Model findings (MT9xx) per 10,000 words on the human references, by language."""
    config = Config(select=[], model=model)
    words, found = defaultdict(int), defaultdict(int)
    for path in sorted(data.glob("wmt2*/*.jsonl")):
        rows = [json.loads(line) for line in path.open(encoding="utf-8")]
        lang = rows[0]["target_lang"]
        try:
            get_language(lang)
        except Exception:
            continue
        texts = [r["reference"] for r in rows]
        doc = Document.from_records(texts, [str(i) for i in range(len(texts))], list(range(1, len(texts) + 1)), lang)
        words[lang] += sum(len(t.split()) for t in texts)
        found[lang] += len(check_document(doc, config))
    return {lang: round(1e4 * found[lang] / words[lang], 2) for lang in sorted(words)}


def speed(data: Path, model: str) -> float:
    from mtcheck.model.tagger import tag

    rows = [json.loads(line) for line in (data / "wmt22" / "de-en.jsonl").open(encoding="utf-8")][:1000]
    texts = [r["reference"] for r in rows]
    tag(texts[:32], model)  # load once
    started = time.perf_counter()
    tag(texts, model)
    return sum(len(t.split()) for t in texts) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--model", default=str(ROOT / "mtcheck" / "model" / "mtcheck-tagger"))
    parser.add_argument("--texts", type=int, default=60, help="held-out texts per language")
    parser.add_argument("--min-confidence", type=float, help="the tagger's threshold (default: the shipped one)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if args.min_confidence is not None:
        from mtcheck.model import tagger

        tagger.MIN_CONFIDENCE = args.min_confidence
    report = {"synthetic": run(args.data, args.model, args.texts), "mqm_held_out": held_out_mqm(args.data, args.model),
              "human_per_10k": human_rate(args.data, args.model),
              "words_per_second": round(speed(args.data, args.model))}
    print("| category | rules P | rules R | model P | model R | both P | both R | F1 rules → both |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for c in TAGGED:
        cells = []
        for name in ("rules", "model", "both"):
            row = report["synthetic"][name].get(c, {})
            cells += [row.get("precision"), row.get("recall")]
        fr, fb = f1(cells[0], cells[1]), f1(cells[4], cells[5])
        fmt = lambda x: "–" if x is None else f"{x:.2f}"  # noqa: E731
        print(f"| {c} | " + " | ".join(fmt(x) for x in cells) + f" | {fmt(fr)} → {fmt(fb)} |")
    mqm = report["mqm_held_out"]
    print(f"\nheld-out MQM documents ({mqm['records']} records): found/annotations, true/findings")
    print("| MQM category | rules R | rules P | model R | model P | both R | both P |\n|---|---:|---:|---:|---:|---:|---:|")
    for category in mqm["table"]["rules"]:
        cells = []
        for name in ("rules", "model", "both"):
            row = mqm["table"][name][category]
            cells += [f"{row['found']}/{row['annotations']}", f"{row['true']}/{row['findings']}"]
        print(f"| {category} | " + " | ".join(cells) + " |")
    print("\nmodel findings per 10,000 words on human references:", report["human_per_10k"])
    print("inference:", report["words_per_second"], "words/s")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
