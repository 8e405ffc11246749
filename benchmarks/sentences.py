#!/usr/bin/env python3
"""Sentence splitters judged against the sentences of the UD treebanks (../shared/data/ud).

Gold: each treebank file's sentences, in file order, are cut into paragraphs of 5 to 10
consecutive sentences of one document and one split (GSD files mark no documents: consecutive
sentences of the file; PUD documents are short, so PUD paragraphs hold 1 to 5 sentences), joined
with one space. A gold boundary is the start of every sentence of a paragraph but the first; a
splitter's boundaries are the starts of its sentences (white space stripped) but the first.
Precision, recall and F1 are counted over all boundaries of a treebank.

Boundaries no splitter can find, after a sentence that ends without ``.!?…`` (headlines,
list items, and treebank sentences cut at ``;`` or ``:``), stay in the gold: the ``end``
column gives the share of gold boundaries that follow a sentence-final mark, the ceiling of a
splitter's recall.

Splitters: ``mtcheck`` (``mtcheck.text.sentences.split``), ``pysbd`` 0.3.4 (``char_span=True``; no
Portuguese rules, given ``es``), ``syntok`` 1.4.4 (one set of rules for all languages),
``sentencex`` 1.0.32 (Wikimedia, rules for ~300 languages) and ``regex``, the sentence pattern
MT502 used (``mtcheck/rules/boilerplate.py``, copied below), as a baseline. Those not installed
are left out with a note (``pip install pysbd==0.3.4 syntok==1.4.4 sentencex==1.0.32``).

Speed: characters per second of all paragraphs of the chosen split, one call per paragraph,
best of ``--repeat`` runs, after a warm-up.

The tuning of mtcheck's rules used the train and dev splits (``--split dev``, ``--errors``);
the figures in docs/benchmarks.md ("Sentence splitting") are the test split, which includes every PUD treebank
(PUD has only a test split; es and pt PUD come from ``pud.jsonl``).

    python benchmarks/sentences.py [--data ../shared/data/ud] [--split test|dev|train|all]
        [--only mtcheck,pysbd] [--errors N --lang de] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path

import regex

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from mtcheck.text.sentences import split as mtcheck_split  # noqa: E402

DATA = REPO.parent / "shared" / "data" / "ud"
TARGETS = ("en", "es", "pt", "fr", "de", "it", "nl", "ru")
# The sentence pattern of MT502 (mtcheck/rules/boilerplate.py) when this benchmark was written.
BASELINE = regex.compile(r"\S[^\n]*?(?:[.!?…]+[\"”»’)\]]*(?=\s)|(?=\n)|$)")
FINAL = regex.compile(r"[.!?…。！？][\"'”’»«“)\]]*\s*$")
PYSBD_LANGS = {"en", "es", "fr", "de", "it", "nl", "ru"}


@dataclass
class Paragraph:
    text: str
    starts: list[int]  # the start of each gold sentence
    final: list[bool]  # does gold sentence i end with a sentence-final mark?


@dataclass
class Treebank:
    name: str
    lang: str
    paragraphs: list[Paragraph] = field(default_factory=list)

    @property
    def sentences(self) -> int:
        return sum(len(p.starts) for p in self.paragraphs)

    @property
    def boundaries(self) -> int:
        return sum(len(p.starts) - 1 for p in self.paragraphs)

    @property
    def chars(self) -> int:
        return sum(len(p.text) for p in self.paragraphs)


def paragraphs_of(sentences: list[str], sizes=(5, 6, 7, 8, 9, 10)) -> list[Paragraph]:
    out, i, k = [], 0, 0
    while i < len(sentences):
        chunk = [s.strip() for s in sentences[i:i + sizes[k % len(sizes)]]]
        i += len(chunk)
        k += 1
        starts, pos = [], 0
        for s in chunk:
            starts.append(pos)
            pos += len(s) + 1
        out.append(Paragraph(" ".join(chunk), starts, [bool(FINAL.search(s)) for s in chunk]))
    return out


def load(data: Path, split: str) -> list[Treebank]:
    banks: list[Treebank] = []
    own_pud = set()
    for path in sorted(data.glob("*-*.jsonl")):
        lang, name = path.stem.split("-", 1)
        if name == "pud":
            own_pud.add(lang)
        rows = [json.loads(line) for line in path.open(encoding="utf-8")]
        rows = [r for r in rows if split == "all" or r["split"] == split]
        if not rows:
            continue
        bank = Treebank(path.stem, lang)
        for _, group in groupby(rows, key=lambda r: (r["split"], r["doc_id"])):
            bank.paragraphs += paragraphs_of([r["text"] for r in group])
        banks.append(bank)
    pud = data / "pud.jsonl"
    if pud.exists() and split in ("test", "all"):  # PUD is test data
        rows = [json.loads(line) for line in pud.open(encoding="utf-8")]
        langs = sorted({lang for r in rows for lang in r["texts"]} - own_pud)
        for lang in langs:
            bank = Treebank(f"{lang}-pud", lang)
            for _, group in groupby(rows, key=lambda r: r["doc_id"]):
                bank.paragraphs += paragraphs_of([r["texts"][lang] for r in group if lang in r["texts"]])
            banks.append(bank)
    return sorted(banks, key=lambda b: (TARGETS.index(b.lang) if b.lang in TARGETS else 99, b.name))


def stripped(text: str, spans) -> list[tuple[int, int]]:
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def splitters() -> dict[str, object]:
    """name → function(text, lang) → spans; those whose package is missing are left out."""
    found: dict[str, object] = {"mtcheck": mtcheck_split}
    try:
        import pysbd

        cache: dict[str, object] = {}

        def pysbd_split(text, lang):
            code = lang if lang in PYSBD_LANGS else "es" if lang == "pt" else "en"
            seg = cache.get(code) or cache.setdefault(code, pysbd.Segmenter(language=code, clean=False, char_span=True))
            return [(t.start, t.end) for t in seg.segment(text)]

        found["pysbd"] = pysbd_split
    except ImportError:
        print("pysbd not installed: left out", file=sys.stderr)
    try:
        from syntok import segmenter

        def syntok_split(text, lang):
            return [(s[0].offset, s[-1].offset + len(s[-1].value))
                    for paragraph in segmenter.analyze(text) for s in paragraph if s]

        found["syntok"] = syntok_split
    except ImportError:
        print("syntok not installed: left out", file=sys.stderr)
    try:
        import sentencex

        def sentencex_split(text, lang):
            return [(b["start_index"], b["end_index"]) for b in sentencex.get_sentence_boundaries(lang, text)]

        found["sentencex"] = sentencex_split
    except ImportError:
        print("sentencex not installed: left out", file=sys.stderr)
    found["regex"] = lambda text, lang: [m.span() for m in BASELINE.finditer(text)]
    return found


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    marks: int = 0  # gold boundaries after a sentence-final mark
    marks_found: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(bank: Treebank, fn, errors: list | None = None) -> Score:
    sc = Score()
    for p in bank.paragraphs:
        spans = stripped(p.text, fn(p.text, bank.lang))
        got = {s for s, _ in spans[1:]}
        gold = set(p.starts[1:])
        sc.tp += len(got & gold)
        sc.fp += len(got - gold)
        sc.fn += len(gold - got)
        at_marks = {s for s, final in zip(p.starts[1:], p.final) if final}
        sc.marks += len(at_marks)
        sc.marks_found += len(at_marks & got)
        if errors is not None:
            for b in sorted(got ^ gold):
                if b not in got and not FINAL.search(p.text[:b]):
                    continue  # a miss no splitter could avoid: not shown
                errors.append(("FP" if b in got else "FN", p.text[max(0, b - 60):b] + " ‖ " + p.text[b:b + 40]))
    return sc


def speed(banks: list[Treebank], fn, repeat: int) -> float:
    pairs = [(p.text, b.lang) for b in banks for p in b.paragraphs]
    chars = sum(len(t) for t, _ in pairs)
    for text, lang in pairs[:200]:  # warm-up: language data, compiled patterns
        fn(text, lang)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for text, lang in pairs:
            fn(text, lang)
        best = min(best, time.perf_counter() - t0)
    return chars / best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--split", default="test", choices=("train", "dev", "test", "all"))
    ap.add_argument("--only", help="comma-separated splitter names")
    ap.add_argument("--lang", help="comma-separated languages (default: all)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--errors", type=int, default=0,
                    help="print N of mtcheck's errors per treebank (misses only after a sentence-final mark)")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"no UD data at {args.data}", file=sys.stderr)
        return 2
    banks = load(args.data, args.split)
    if args.lang:
        banks = [b for b in banks if b.lang in args.lang.split(",")]
    found = splitters()
    if args.only:
        found = {k: v for k, v in found.items() if k in args.only.split(",")}
    names = list(found)
    results: dict = {"split": args.split, "treebanks": {}, "speed": {}}
    header = ("| treebank | sentences | end | " + " | ".join(f"{n} F1" for n in names)
              + (" | mtcheck P / R / R at marks |" if "mtcheck" in names else " |"))
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    for bank in banks:
        errors: list = []
        scores = {n: score(bank, fn, errors if n == "mtcheck" and args.errors else None) for n, fn in found.items()}
        reachable = sum(f for p in bank.paragraphs for f in p.final[:-1])
        best = max(s.f1 for s in scores.values())
        cells = [f"**{s.f1:.3f}**" if s.f1 == best else f"{s.f1:.3f}" for s in scores.values()]
        row = f"| {bank.name} | {bank.sentences} | {reachable / max(bank.boundaries, 1):.1%} | " + " | ".join(cells)
        if "mtcheck" in scores:
            m = scores["mtcheck"]
            row += f" | {m.precision:.3f} / {m.recall:.3f} / {m.marks_found / max(m.marks, 1):.3f}"
        print(row + " |", flush=True)
        results["treebanks"][bank.name] = {
            "lang": bank.lang, "sentences": bank.sentences, "boundaries": bank.boundaries,
            "after_final_mark": reachable,
            **{n: {"precision": s.precision, "recall": s.recall, "f1": s.f1, "tp": s.tp, "fp": s.fp, "fn": s.fn,
                   "recall_at_marks": s.marks_found / max(s.marks, 1)}
               for n, s in scores.items()}}
        for kind, context in errors[:args.errors]:
            print(f"    {kind} {context!r}")
    # Macro average over languages (treebanks of one language first averaged by boundaries).
    langs = sorted({b.lang for b in banks}, key=lambda l: TARGETS.index(l) if l in TARGETS else 99)
    macro = []
    for n in names:
        f1s = []
        for lang in langs:
            tot = Score()
            for b in banks:
                if b.lang == lang:
                    r = results["treebanks"][b.name][n]
                    tot.tp += r["tp"]; tot.fp += r["fp"]; tot.fn += r["fn"]
            f1s.append(tot.f1)
        macro.append(sum(f1s) / len(f1s))
    results["macro_f1"] = dict(zip(names, macro))
    print("| mean of languages | | | " + " | ".join(f"{m:.3f}" for m in macro) + (" | |" if "mtcheck" in names else " |"))
    if not args.no_speed:
        for n, fn in found.items():
            results["speed"][n] = speed(banks, fn, args.repeat if n != "pysbd" else 1)
        print("| chars/s | | | " + " | ".join(f"{results['speed'][n] / 1000:,.0f} k" for n in names)
              + (" | |" if "mtcheck" in names else " |"))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
