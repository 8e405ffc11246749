#!/usr/bin/env python3
"""Growth: does the time of every rule family, of the whole check and of ``fix`` grow linearly
with the input, on ordinary text and on hostile input? (issues 14 and 21)

1. Rule families: each module of ``mtcheck/rules/`` alone (``Config(select=<its codes>)``),
   ``check_document`` on texts of 1x, 4x and 16x ``--size`` characters, in each language of
   ``--langs``, of these shapes:

   - ``normal``: human sentences (the WMT ``reference`` of every pair into the language, with its
     ``source``; UD treebank sentences for a language without WMT references), five a paragraph,
     paragraphs separated by blank lines; the source is given paragraph for paragraph;
   - ``letter run``: ``aaaa…``; ``. run``, ``@ run``, ``! run``, ``- run``: one mark repeated;
   - ``long token``: letters and digits without a space (seeded pseudo-random).

   A hostile text is also its own source (an untranslated copy), so the source-aware rules see
   it too. Each document is built afresh (no per-document cache carries over; the rules'
   per-word caches do, as in any run over many files).
2. Whole check (every rule) and ``fix`` (safe fixes, as ``mtcheck fix`` applies them, up to its
   ten passes), through ``mtcheck.checker.check_file`` / ``fix_file`` on files read as the CLI
   reads them: a text file of one sentence a paragraph, a text file of long paragraphs (40
   sentences), JSONL of many small records (one sentence each, with its source, ten records a
   ``doc_id``), JSONL whose records all share one ``doc_id``, and JSONL of one record holding a
   whole article (paragraphs of five sentences, with its source).
3. Start-up, as ``benchmarks/speed.py`` measures it: a small text file with ``--lang en`` and
   with language detection, and the shared example, side by side with translate-toolkit's
   ``pofilter`` on the same sentences as a PO file; runs interleaved, medians, bytecode cached.

Every time is the minimum of ``--repeats`` runs. The table gives seconds at 1x/4x/16x, the time
per character at 16x, and the growth ratio time(16x) / (16 · time(1x)) (likewise for 4x): 1.00
is linear; the goal is at most 1.3. ``fix`` checks a text once more after each pass of fixes, so
a text with one fix at 16x and none at 1x is read twice against once: its rows also give the
passes (characters checked over the input's characters) and the ratio per pass, to which the
goal applies. On a shared 2-core machine ratios of fast cases (a few ms at
1x) move by ±0.2 between runs; a real quadratic term shows as 3 and more at 16x.

A full run (``--size 12000``, en and fr, best of 3) takes about ten minutes on two cores;
``--quick`` uses 3,000 characters, best of 2, median of 3 start-ups (about a minute).

    python benchmarks/growth.py [--data ../shared/data] [--quick] [--size CHARS] [--langs en,fr]
                                [--repeats N] [--families casing,source] [--skip-startup]
                                [--json out.json]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import string
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from mtcheck.checker import check_document
from mtcheck.config import Config
from mtcheck.document import Document
from mtcheck.io.readers import read_input
from mtcheck.rules import FAMILIES, all_rules
from mtcheck.checker import check_file, fix_file
# Start-up is speed.py's measurement (interleaved runs beside pofilter, medians), printed here too.
from speed import find_pofilter, markdown, start_up  # benchmarks/ is on sys.path when run as a script

REPO = Path(__file__).resolve().parents[1]
SCALES = (1, 4, 16)
GOAL = 1.3
SENTENCES_PER_PARAGRAPH = 5
LONG_PARAGRAPH = 40
RECORDS_PER_DOC = 10
MARKS = (".", "@", "!", "-")


# -- text ---------------------------------------------------------------------------------------

def human_sentences(data: Path, lang: str) -> list[tuple[str, str | None]]:
    """(sentence, source) pairs of human text in ``lang``: WMT references with their sources,
    else UD treebank sentences (no source)."""
    pairs = []
    for path in sorted(data.glob("wmt2*/*.jsonl")):
        if path.stem.split("-")[-1] != lang:
            continue
        for line in path.open(encoding="utf-8"):
            row = json.loads(line)
            if row.get("reference") and row.get("source"):
                pairs.append((row["reference"].strip(), row["source"].strip()))
    if not pairs:
        for path in sorted((data / "ud").glob(f"{lang}-*.jsonl")):
            pairs += [(json.loads(line)["text"].strip(), None) for line in path.open(encoding="utf-8")]
    pairs = [(t, s) for t, s in pairs if t and "\n" not in t and (s is None or "\n" not in s)]
    if not pairs:
        sys.exit(f"no human sentences in {lang} under {data}")
    return pairs


def take(pairs: list[tuple[str, str | None]], chars: int) -> list[tuple[str, str | None]]:
    """The first sentences, about ``chars`` characters of them (cycling when the pool runs out)."""
    out, total, i = [], 0, 0
    while total < chars:
        text, source = pairs[i % len(pairs)]
        out.append((text, source))
        total += len(text) + 1
        i += 1
    return out


def paragraphs(pairs: list[tuple[str, str | None]], per: int) -> tuple[str, str | None]:
    """Sentences ``per`` a paragraph, blank lines between; the source the same way."""
    groups = [pairs[i:i + per] for i in range(0, len(pairs), per)]
    text = "\n\n".join(" ".join(t for t, _ in g) for g in groups)
    if any(s is None for _, s in pairs):
        return text, None
    return text, "\n\n".join(" ".join(s for _, s in g) for g in groups)


def long_token(chars: int) -> str:
    rng = random.Random(21)
    alphabet = string.ascii_letters + string.digits
    return "".join(rng.choice(alphabet) for _ in range(chars))


def shapes(pool: list[tuple[str, str | None]]) -> dict:
    """Shape name → function(chars) → (text, source)."""
    out = {"normal": lambda n: paragraphs(take(pool, n), SENTENCES_PER_PARAGRAPH),
           "letter run": lambda n: ("a" * n,) * 2}
    for mark in MARKS:
        out[f"{mark} run"] = lambda n, mark=mark: (mark * n,) * 2
    out["long token"] = lambda n: (long_token(n),) * 2
    return out


# -- timing -------------------------------------------------------------------------------------

def best_of(repeats: int, run) -> float:
    """Minimum wall seconds of ``run()`` over ``repeats`` calls (garbage collected before each)."""
    best = float("inf")
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


@dataclass
class Growth:
    """One line of a growth table: a case timed at 1x, 4x and 16x."""

    section: str
    case: str
    lang: str
    shape: str
    chars: list[int] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    checks: list[float] = field(default_factory=list)  # characters checked / characters of the input (fix: passes)

    def ratio(self, i: int) -> float:
        return self.seconds[i] / (SCALES[i] * self.seconds[0]) if self.seconds[0] else float("nan")

    def ratio_per_pass(self, i: int) -> float:
        """The ratio with each run's time divided by its number of checks: ``fix`` on a text with
        nothing to fix reads its text once, with one pass of fixes twice, a step that is not growth."""
        if not self.checks or not self.checks[0] or not self.checks[i]:
            return self.ratio(i)
        return self.ratio(i) * self.checks[0] / self.checks[i]

    @property
    def us_per_char(self) -> float:
        return 1e6 * self.seconds[-1] / self.chars[-1]


CHECKS = [0]  # characters given to check_document since the last reset (by the checker, see whole())


def grow(section: str, case: str, lang: str, shape: str, size: int, repeats: int, make, run) -> Growth:
    """Time ``run(make(chars))`` (``make`` outside the clock) at each scale."""
    row = Growth(section, case, lang, shape)
    for scale in SCALES:
        made = make(size * scale)
        row.chars.append(made[1])
        row.seconds.append(best_of(repeats, lambda: run(made[0])))
        CHECKS[0] = 0
        run(made[0])
        row.checks.append(CHECKS[0] / made[1])
    return row


def family_codes() -> dict[str, list[str]]:
    codes: dict[str, list[str]] = {family: [] for family in FAMILIES}
    for rule in all_rules():
        codes[rule.__module__.rsplit(".", 1)[-1]].append(rule.code)
    return codes


def families(pools: dict, size: int, repeats: int, only: list[str] | None) -> list[Growth]:
    rows = []
    for family, codes in family_codes().items():
        if only and family not in only:
            continue
        config = Config(select=codes)
        for lang, pool in pools.items():
            for shape, build in shapes(pool).items():
                def make(n, build=build):
                    text, source = build(n)
                    return (text, source), len(text)

                def run(made, lang=lang):
                    check_document(Document(made[0], lang, source=made[1]), config)
                rows.append(grow("family", family, lang, shape, size, repeats, make, run))
                print(f"  {family} {lang} {shape}: {fmt_seconds(rows[-1])}", file=sys.stderr, flush=True)
    return rows


# -- whole check and fix on files -----------------------------------------------------------------

def write_jsonl(path: Path, records: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for r in records:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")


def input_file(tmp: Path, lang: str, shape: str, pairs: list[tuple[str, str | None]]) -> Path:
    """Write one input shape of these sentences; return its path."""
    if shape == "txt: a sentence a paragraph":
        path = tmp / f"{lang}-sentences.txt"
        path.write_text(paragraphs(pairs, 1)[0] + "\n", encoding="utf-8")
    elif shape == "txt: long paragraphs":
        path = tmp / f"{lang}-paragraphs.txt"
        path.write_text(paragraphs(pairs, LONG_PARAGRAPH)[0] + "\n", encoding="utf-8")
    elif shape in ("jsonl: small records", "jsonl: one doc_id"):
        path = tmp / f"{lang}-records.jsonl"
        one = shape.endswith("doc_id")
        write_jsonl(path, [{"id": f"r{i}", "doc_id": "d" if one else f"d{i // RECORDS_PER_DOC}",
                            "translation": t, "target_lang": lang, **({"source": s} if s else {})}
                           for i, (t, s) in enumerate(pairs)])
    else:  # one article record
        path = tmp / f"{lang}-article.jsonl"
        text, source = paragraphs(pairs, SENTENCES_PER_PARAGRAPH)
        write_jsonl(path, [{"id": "article", "translation": text, "target_lang": lang,
                            **({"source": source} if source else {})}])
    return path


FILE_SHAPES = ("txt: a sentence a paragraph", "txt: long paragraphs", "jsonl: small records",
               "jsonl: one doc_id", "jsonl: one article record")


def whole(pools: dict, size: int, repeats: int, tmp: Path) -> list[Growth]:
    import mtcheck.checker

    def counted(doc, config=None):
        CHECKS[0] += len(doc.text)
        return check_document(doc, config)
    mtcheck.checker.check_document = counted  # the checker's checks, to tell passes from growth
    rows = []
    config = Config()
    for lang, pool in pools.items():
        for shape in FILE_SHAPES:
            def make(n, shape=shape, lang=lang):
                inp = read_input(str(input_file(tmp, lang, shape, take(pool, n))))
                return inp, len(inp.text)

            for case, run in (("check, all rules", lambda inp, lang=lang: check_file(inp, config, lang)),
                              ("fix, all rules", lambda inp, lang=lang: fix_file(inp, config, lang=lang))):
                rows.append(grow("whole", case, lang, shape, size, repeats, make, run))
                print(f"  {case} {lang} {shape}: {fmt_seconds(rows[-1])}", file=sys.stderr, flush=True)
    return rows


# -- report --------------------------------------------------------------------------------------

def fmt_seconds(row: Growth) -> str:
    return " / ".join(f"{s:.4f}" for s in row.seconds) + f" s, x16 ratio {row.ratio(2):.2f}"


def growth_table(rows: list[Growth]) -> str:
    lines = ["| case | lang | shape | chars at 1x | s at 1x / 4x / 16x | µs/char at 16x | ratio 4x | ratio 16x "
             "| passes 1x / 4x / 16x | ratio 16x per pass |",
             "|---|---|---|---:|---|---:|---:|---:|---|---:|"]
    for r in rows:
        flag = "" if r.ratio_per_pass(2) <= GOAL else " **over**"
        checks = " / ".join(f"{c:.1f}" for c in r.checks) if any(r.checks) else ""
        lines.append(f"| {r.case} | {r.lang} | {r.shape} | {r.chars[0]:,} | "
                     f"{' / '.join(f'{s:.4f}' for s in r.seconds)} | {r.us_per_char:.2f} | "
                     f"{r.ratio(1):.2f} | {r.ratio(2):.2f} | {checks} | {r.ratio_per_pass(2):.2f}{flag} |")
    return "\n".join(lines)


def summary_table(rows: list[Growth]) -> str:
    """Rule family × shape, the worst ratio at 16x over the languages (per pass for ``fix``)."""
    shape_names = list(dict.fromkeys(r.shape for r in rows))
    cases = list(dict.fromkeys(r.case for r in rows))
    worst = {}
    for r in rows:
        worst[r.case, r.shape] = max(worst.get((r.case, r.shape), 0.0), r.ratio_per_pass(2))
    lines = ["| family | " + " | ".join(shape_names) + " |", "|---|" + "---:|" * len(shape_names)]
    for case in cases:
        lines.append(f"| {case} | " + " | ".join(f"{worst[case, s]:.2f}" if (case, s) in worst else ""
                                                 for s in shape_names) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO / ".." / "shared" / "data")
    parser.add_argument("--quick", action="store_true", help="3,000 characters at 1x, best of 2, 3 start-ups")
    parser.add_argument("--size", type=int, help="characters at 1x (default 12,000; --quick 3,000)")
    parser.add_argument("--langs", default="en,fr", help="comma-separated target languages (default: %(default)s)")
    parser.add_argument("--repeats", type=int, help="best of N runs (default 3; --quick 2)")
    parser.add_argument("--families", help="comma-separated rule families to time (default: all)")
    parser.add_argument("--skip-whole", action="store_true", help="no whole-check and fix rows")
    parser.add_argument("--skip-startup", action="store_true", help="no start-up rows")
    parser.add_argument("--json", type=Path, help="write the results here")
    args = parser.parse_args()
    size = args.size or (3000 if args.quick else 12000)
    repeats = args.repeats or (2 if args.quick else 3)
    startup_runs = 3 if args.quick else 9
    langs = [lang.strip() for lang in args.langs.split(",") if lang.strip()]
    only = [f.strip() for f in args.families.split(",")] if args.families else None
    if only and set(only) - set(FAMILIES):
        parser.error(f"unknown families {sorted(set(only) - set(FAMILIES))}; they are {', '.join(FAMILIES)}")
    pools = {lang: human_sentences(args.data, lang) for lang in langs}

    started = time.perf_counter()
    for lang in langs:  # warm-up: language data, lexicons and patterns loaded before any clock
        text, source = paragraphs(take(pools[lang], 2000), SENTENCES_PER_PARAGRAPH)
        check_document(Document(text, lang, source=source))
    family_rows = families(pools, size, repeats, only)
    with tempfile.TemporaryDirectory(prefix="mtcheck-growth-") as name:
        tmp = Path(name)
        whole_rows = [] if args.skip_whole else whole(pools, size, repeats, tmp)
        startup_rows = [] if args.skip_startup else start_up(
            tmp, startup_runs, find_pofilter(), args.data.parent / "examples" / "azovstal" / "article.txt")
    elapsed = time.perf_counter() - started

    print(f"## Growth: {size:,} characters at 1x, scales {'/'.join(map(str, SCALES))}, best of {repeats}, "
          f"{', '.join(langs)}; ratio = time(kx) / (k · time(1x)), goal ≤ {GOAL}\n")
    print("### Rule families: worst ratio at 16x over the languages\n")
    print(summary_table(family_rows + whole_rows) + "\n")
    print("### Every case\n")
    print(growth_table(family_rows + whole_rows) + "\n")
    if startup_rows:
        print(f"### Start-up, median of {startup_runs}, runs interleaved (benchmarks/speed.py)\n")
        print(markdown(startup_rows) + "\n")
    print(f"({elapsed:.0f} s, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs)")
    if args.json:
        args.json.write_text(json.dumps({
            "size": size, "repeats": repeats, "langs": langs, "python": sys.version.split()[0],
            "growth": [dict(asdict(r), ratio_4x=r.ratio(1), ratio_16x=r.ratio(2),
                            ratio_16x_per_pass=r.ratio_per_pass(2)) for r in family_rows + whole_rows],
            "start_up": [vars(r) for r in startup_rows]}, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
