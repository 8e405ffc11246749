#!/usr/bin/env python3
"""Speed and memory: throughput, linearity, pofilter side by side, start-up time, peak memory.

The corpus is the WMT22 *system outputs* (every system of every pair whose target language
mtcheck supports), one document per system and ``doc_id``, checked with every rule. Words are
whitespace-separated tokens of the translations.

1. Throughput: words/s of ``check_document`` over the whole corpus, one process, after a warm-up
   that loads every target language (lexicon included) and checks one document in each.
2. Linearity: 1x, 4x and 16x the de-en documents (fresh ``Document`` objects each time, so no
   per-document cache carries over; per-word caches of the rules do, as with any repetitive text),
   and the same translations joined into one plain-text document, 1x and 4x (a single line: the
   case where a rule comparing parts of a document could turn quadratic).
3. Side by side with translate-toolkit's ``pofilter`` (default checks), runs interleaved: the de-en and en-de system
   outputs as a PO file (msgid = source, msgstr = translation) and as the equivalent JSONL file for
   ``mtcheck check``, both run as subprocesses, best of 5.
4. Start-up: a 3-sentence English text file, ``mtcheck check --lang en`` and ``mtcheck check``
   (language detection) against ``pofilter`` on a 3-unit PO file, median of 9, runs interleaved.
   Also the shared example article (``../shared/examples/azovstal``), ``mtcheck check --lang en``,
   median of 9, and the time to read one language's casing and accent data (casing.txt,
   accents.txt, as ``Language.casing`` and ``Language.accents`` do), best of 5 per language.
5. Peak memory (``ru_maxrss``) of a fresh process that imports mtcheck, and of one that loads the
   lexicons of all languages and checks a small document in each. Measured first: on Linux a
   child's ru_maxrss never reports less than its parent's peak at spawn time.

The pofilter rows are skipped, with a note, when ``pofilter`` is not installed
(``pip install -e '.[bench]'``). A full run takes about a minute and a half on two cores;
``--quick`` checks a quarter of each pair's documents and repeats less (best of 2, median of 3).

    python benchmarks/speed.py [--data ../shared/data] [--quick] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

from mtcheck.checker import check_document
from mtcheck.document import Document
from mtcheck.languages import available, get_language

REPO = Path(__file__).resolve().parents[1]
LINEAR_PAIR = "de-en"
SIDE_BY_SIDE_PAIRS = ("de-en", "en-de")
SCALES = (1, 4, 16)
# Written for this benchmark; three sentences, so that detection has something to go on.
SMALL_TEXT = ("The committee met on Tuesday to discuss the new budget.\n"
              "Several members asked for more time to read the report.\n"
              "A final vote is expected before the end of the month.\n")


@dataclass
class Record:
    """One system output of one segment, as the benchmark checks it."""

    id: str
    doc_id: str
    system: str
    lang: str
    source: str
    translation: str


@dataclass
class Row:
    """One line of the result table."""

    section: str
    case: str
    words: int | None = None
    seconds: float | None = None
    note: str = ""

    @property
    def words_per_second(self) -> float | None:
        return self.words / self.seconds if self.words and self.seconds else None


# -- corpus ------------------------------------------------------------------------------------

def load_pair(path: Path, fraction: float = 1.0) -> list[Record]:
    """The system outputs of one WMT22 pair, system after system, documents in file order.

    With ``fraction`` < 1 only the first documents of the pair (that share of them) are kept.
    """
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    doc_ids = list(dict.fromkeys(r["doc_id"] for r in rows))
    kept = set(doc_ids[:max(1, round(len(doc_ids) * fraction))])
    rows = [r for r in rows if r["doc_id"] in kept]
    return [Record(f"{r['id']}/{system}", f"{system}/{r['doc_id']}", system, r["target_lang"],
                   r["source"], r["systems"][system])
            for system in rows[0]["systems"] for r in rows]


def load_corpus(data: Path, fraction: float = 1.0) -> dict[str, list[Record]]:
    """Pair name → its system outputs, for every WMT22 pair with a supported target language."""
    supported = set(available())
    corpus = {}
    for path in sorted((data / "wmt22").glob("*.jsonl")):
        target = path.stem.split("-")[1]
        if target in supported:
            corpus[path.stem] = load_pair(path, fraction)
    if not corpus:
        sys.exit(f"no WMT22 pair with a supported target language under {data / 'wmt22'}")
    return corpus


def count_words(records: list[Record]) -> int:
    return sum(len(r.translation.split()) for r in records)


def build_documents(records: list[Record]) -> list[Document]:
    """One Document per run of consecutive records with the same doc_id, as the CLI groups them."""
    docs = []
    for _, group in groupby(records, key=lambda r: r.doc_id):
        group = list(group)
        docs.append(Document.from_records([r.translation for r in group], [r.id for r in group],
                                          list(range(1, len(group) + 1)), group[0].lang,
                                          sources=[r.source for r in group]))
    return docs


def time_checking(records: list[Record], copies: int = 1) -> float:
    """Seconds to check ``copies`` fresh copies of the records' documents (building them excluded)."""
    docs = [doc for _ in range(copies) for doc in build_documents(records)]
    start = time.perf_counter()
    for doc in docs:
        check_document(doc)
    return time.perf_counter() - start


def sample_text(lang: str, n: int = 12) -> str:
    """A small text of a language: its most frequent lexicon words, as one sentence."""
    lexicon = get_language(lang).lexicon
    words = sorted(lexicon, key=lexicon.get, reverse=True)[:n] or ["text"]
    return " ".join(words).capitalize() + "."


def warm_up() -> None:
    """Load every language (lexicon included) and check one small document in each."""
    for lang in available():
        check_document(Document.from_records([sample_text(lang)], ["warm-up"], [1], lang))


# -- 1, 2: in-process measurements ----------------------------------------------------------------

def throughput(corpus: dict[str, list[Record]]) -> list[Row]:
    records = [r for pair in corpus.values() for r in pair]
    systems = len({(pair, r.system) for pair, recs in corpus.items() for r in recs})
    seconds = time_checking(records)
    return [Row("1 throughput", f"all supported pairs ({len(corpus)} pairs, {systems} system outputs)",
                count_words(records), seconds, ", ".join(corpus))]


def linearity(records: list[Record], pair: str) -> list[Row]:
    words = count_words(records)
    rows, base = [], None
    for scale in SCALES:
        seconds = time_checking(records, scale)
        base = base or seconds
        rows.append(Row("2 linearity", f"{pair} x{scale}", words * scale, seconds,
                        f"time / (x1 time * {scale}) = {seconds / (base * scale):.2f}"))
    # One plain text, one document: rules that compare a document's sentences or lines with each
    # other (duplicates, spellings) must stay linear there too.
    text = " ".join(r.translation for r in records)
    base = None
    for scale in (1, 4):
        doc = Document(" ".join([text] * scale), records[0].lang)
        start = time.perf_counter()
        check_document(doc)
        seconds = time.perf_counter() - start
        base = base or seconds
        rows.append(Row("2 linearity", f"{pair} as one plain-text document x{scale}", words * scale, seconds,
                        f"time / (x1 time * {scale}) = {seconds / (base * scale):.2f}"))
    return rows


# -- 3, 4: subprocesses ----------------------------------------------------------------------------

def find_pofilter() -> str | None:
    """The pofilter next to this interpreter, else the one on PATH."""
    beside = Path(sys.executable).parent / "pofilter"
    return str(beside) if beside.exists() else shutil.which("pofilter")


def mtcheck_command() -> list[str]:
    """The mtcheck CLI of this interpreter's environment."""
    beside = Path(sys.executable).parent / "mtcheck"
    return [str(beside)] if beside.exists() else [sys.executable, "-m", "mtcheck"]


def po_string(text: str) -> str:
    """A PO string literal (one line) for any text."""
    escaped = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
               .replace("\r", "\\r").replace("\t", "\\t"))
    return f'"{escaped}"'


def write_po(records: list[Record], path: Path) -> None:
    """A PO file, msgctxt = record id (sources repeat across systems), msgid = source, msgstr = MT."""
    lines = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', ""]
    for r in records:
        lines += [f"msgctxt {po_string(r.id)}", f"msgid {po_string(r.source)}",
                  f"msgstr {po_string(r.translation)}", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def write_jsonl(records: list[Record], path: Path) -> None:
    """The same records as mtcheck's JSONL input."""
    with path.open("w", encoding="utf-8") as out:
        for r in records:
            out.write(json.dumps({"id": r.id, "doc_id": r.doc_id, "translation": r.translation,
                                  "source": r.source, "target_lang": r.lang}, ensure_ascii=False) + "\n")


# As a user runs them: with Python's bytecode cache. A sandbox that sets PYTHONDONTWRITEBYTECODE
# makes an editable install compile every module on every run (60 ms of mtcheck's start-up here),
# while pip compiled pofilter's at install time.
USER_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_timed(command: list[str], cwd: Path, ok: tuple[int, ...] = (0,)) -> float:
    """Wall seconds of one subprocess run (output discarded); fails on an unexpected exit code."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=USER_ENV)
    seconds = time.perf_counter() - start
    if done.returncode not in ok:
        sys.exit(f"{' '.join(command)} exited {done.returncode}: {done.stderr.decode()[-2000:]}")
    return seconds


def timings(command: list[str], cwd: Path, runs: int, ok: tuple[int, ...] = (0,)) -> list[float]:
    return [run_timed(command, cwd, ok) for _ in range(runs)]


MTCHECK_OK = (0, 1)  # 1: findings were reported


def side_by_side(records: list[Record], pairs: str, tmp: Path, runs: int,
                 pofilter: str | None) -> list[Row]:
    words = count_words(records)
    jsonl, po = tmp / "side.jsonl", tmp / "side.po"
    write_jsonl(records, jsonl)
    mtcheck_run = mtcheck_command() + ["check", str(jsonl)]
    case = f"mtcheck check ({pairs}, {len(records)} records)"
    if not pofilter:
        mtcheck_s = min(timings(mtcheck_run, tmp, runs, MTCHECK_OK))
        return [Row("3 vs pofilter", case, words, mtcheck_s, f"best of {runs}"),
                Row("3 vs pofilter", "pofilter", note="skipped: pofilter not installed")]
    write_po(records, po)
    pofilter_run = [pofilter, "-i", str(po), "-o", str(tmp / "side-out.po")]
    # Interleaved, so that a slow spell of a shared machine hits both tools alike.
    mine, theirs = [], []
    for _ in range(runs):
        mine.append(run_timed(mtcheck_run, tmp, MTCHECK_OK))
        theirs.append(run_timed(pofilter_run, tmp))
    mtcheck_s, pofilter_s = min(mine), min(theirs)
    return [Row("3 vs pofilter", case, words, mtcheck_s,
                f"best of {runs}; mtcheck/pofilter words/s = {pofilter_s / mtcheck_s:.2f}"),
            Row("3 vs pofilter", f"pofilter ({pairs}, {len(records)} units)", words, pofilter_s,
                f"best of {runs}")]


def start_up(tmp: Path, runs: int, pofilter: str | None, article: Path) -> list[Row]:
    small = tmp / "small.txt"
    small.write_text(SMALL_TEXT, encoding="utf-8")

    commands = {"with_lang": (mtcheck_command() + ["check", "--lang", "en", str(small)], MTCHECK_OK),
                "detected": (mtcheck_command() + ["check", str(small)], MTCHECK_OK)}
    if article.exists():  # the shared example, its full check from the command line
        commands["example"] = (mtcheck_command() + ["check", "--lang", "en", str(article)], MTCHECK_OK)
    lines = SMALL_TEXT.splitlines()
    if pofilter:
        write_po([Record(f"s{i}", "small", "-", "en", line, line) for i, line in enumerate(lines)],
                 tmp / "small.po")
        commands["baseline"] = ([pofilter, "-i", str(tmp / "small.po"), "-o", str(tmp / "small-out.po")], (0,))
    for command, ok in commands.values():  # one untimed run each: the bytecode caches are written
        run_timed(command, tmp, ok)
    # Interleaved runs, medians: a slow spell of a shared machine hits every command alike.
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (command, ok) in commands.items():
            times[name].append(run_timed(command, tmp, ok))
    with_lang, detected = statistics.median(times["with_lang"]), statistics.median(times["detected"])
    baseline = statistics.median(times["baseline"]) if pofilter else None

    def note(seconds: float) -> str:
        text = f"median of {runs}"
        return text + (f"; {seconds / baseline:.2f}x pofilter" if baseline else "")

    size = f"{len(SMALL_TEXT.splitlines())} sentences, {len(SMALL_TEXT.split())} words"
    rows = [Row("4 start-up", f"mtcheck check --lang en small.txt ({size})", seconds=with_lang,
                note=note(with_lang)),
            Row("4 start-up", "mtcheck check small.txt (language detection)", seconds=detected,
                note=f"{note(detected)}; {detected / with_lang:.2f}x --lang en")]
    if "example" in times:
        example = statistics.median(times["example"])
        rows.append(Row("4 start-up", f"mtcheck check --lang en (shared example, {len(article.read_text().split())} words)",
                        seconds=example, note=note(example)))
    if baseline:
        rows.append(Row("4 start-up", f"pofilter -i small.po ({len(lines)} units)", seconds=baseline,
                        note=f"median of {runs}"))
    else:
        rows.append(Row("4 start-up", "pofilter", note="skipped: pofilter not installed"))
    return rows


def casing_data() -> list[Row]:
    """How long each language's casing and accent data take to load."""
    from mtcheck.languages import CasingTable

    rows = []
    for code in available():
        folder = get_language(code).folder

        def load() -> float:
            started = time.perf_counter()
            CasingTable((folder / "casing.txt").read_text(encoding="utf-8"))
            if (folder / "accents.txt").exists():
                dict(line.split("\t") for line in (folder / "accents.txt").read_text(encoding="utf-8").splitlines()
                     if line and not line.startswith("#"))
            return time.perf_counter() - started
        rows.append(Row("4 start-up", f"casing and accent data of {code}", seconds=min(load() for _ in range(5)),
                        note=f"best of 5; {(folder / 'casing.txt').stat().st_size // 1024} KB casing.txt"))
    return rows


# -- 5: memory --------------------------------------------------------------------------------------

def memory_probe(load_all: bool) -> None:
    """Run in a fresh interpreter: optionally load every lexicon and check a small text in each
    language, then print ru_maxrss in MB."""
    if load_all:
        for code in available():
            len(get_language(code).lexicon)  # every word in memory
        warm_up()
    print(own_peak_rss_mb())


def own_peak_rss_mb() -> float:
    """ru_maxrss of this process in MB (Linux reports KiB, macOS bytes)."""
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)


def peak_rss_mb(load_all: bool) -> float:
    """Peak resident memory of ``memory_probe`` in a fresh interpreter, in MB.

    On Linux a child's ru_maxrss starts at its parent's peak at spawn time (exec keeps the old
    memory's high-water mark), so this must run before the benchmark grows: ``run`` calls it first.
    """
    command = [sys.executable, __file__, "--memory-probe", "all" if load_all else "import"]
    out = subprocess.run(command, capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def memory() -> list[Row]:
    langs = available()
    floor = own_peak_rss_mb()  # what a child inherits; the import-only figure cannot go below it
    base, full = peak_rss_mb(False), peak_rss_mb(True)
    return [Row("5 peak memory", "import mtcheck", note=f"ru_maxrss {base:.0f} MB "
                f"(a child reports at least its parent's {floor:.0f} MB)"),
            Row("5 peak memory", f"all {len(langs)} lexicons + one small check each",
                note=f"ru_maxrss {full:.0f} MB ({', '.join(langs)})")]


# -- report ------------------------------------------------------------------------------------------

def markdown(rows: list[Row]) -> str:
    def cell(value, fmt):
        return "" if value is None else format(value, fmt)

    lines = ["| section | case | words | seconds | words/s | notes |", "|---|---|---:|---:|---:|---|"]
    lines += [f"| {r.section} | {r.case} | {cell(r.words, ',')} | {cell(r.seconds, '.3f')} | "
              f"{cell(r.words_per_second, ',.0f')} | {r.note} |" for r in rows]
    return "\n".join(lines)


def run(data: Path, quick: bool) -> list[Row]:
    fraction, runs_best, runs_median = (0.25, 2, 3) if quick else (1.0, 5, 9)
    memory_rows = memory()  # first, while this process is small (see peak_rss_mb)
    corpus = load_corpus(data, fraction)
    pofilter = find_pofilter()
    warm_up()
    rows = throughput(corpus)
    pair = LINEAR_PAIR if LINEAR_PAIR in corpus else next(iter(corpus))
    rows += linearity(corpus[pair], pair)
    with tempfile.TemporaryDirectory(prefix="mtcheck-speed-") as name:
        tmp = Path(name)
        pairs = [p for p in SIDE_BY_SIDE_PAIRS if p in corpus]
        records = [r for p in pairs for r in corpus[p]]
        rows += side_by_side(records, " + ".join(pairs), tmp, runs_best, pofilter)
        rows += start_up(tmp, runs_median, pofilter, data.parent / "examples" / "azovstal" / "article.txt")
        rows += casing_data()
    return rows + memory_rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO / ".." / "shared" / "data")
    parser.add_argument("--quick", action="store_true",
                        help="a quarter of each pair's documents, fewer repetitions")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--memory-probe", choices=["import", "all"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_probe:
        memory_probe(args.memory_probe == "all")
        return
    rows = run(args.data, args.quick)
    print(markdown(rows))
    if args.json:
        results = [dict(vars(r), words_per_second=r.words_per_second) for r in rows]
        args.json.write_text(json.dumps({"quick": args.quick, "python": sys.version.split()[0],
                                         "cpus": os.cpu_count(), "rows": results}, indent=2))


if __name__ == "__main__":
    main()
