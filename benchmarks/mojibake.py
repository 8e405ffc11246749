#!/usr/bin/env python3
"""Mojibake repair against ftfy: detection, exact repair, and what mtcheck changes that ftfy
leaves alone, on the UD sentences of every language in ``../shared/data/ud``.

Each language's sentences (all its treebanks but the parallel ``pud.jsonl``, whose sentences the
``<lang>-pud`` files hold) are sampled (``--per-lang``, seeded) and garbled each way of
``mtcheck/synthetic/mojibake.py``: UTF-8 read as Windows-1252 (``cp1252``) or Latin-1 (``latin-1``),
twice (``double``), one word only (``one word``, the word chosen by the seed), in the region's
code page (``regional``: cp1250, cp1251, …), and Windows-1252 quotes and dashes read as Latin-1
(``C1 marks``). For each garbled sentence:

- **detected**: ``mtcheck check`` reports an MT301 finding in it;
- **= ftfy**: ``mtcheck fix`` (safe fixes, every rule, its passes), run as on a text file with
  ``--lang``, gives what ``ftfy.fix_encoding`` gives, the reference (ftfy's encoding repair alone:
  ``fix_text``'s other steps, such as uncurled quotes, are not repairs of the encoding);
- **= clean**: it gives the clean sentence back (and ftfy's own rate, beside it).

Where mtcheck's answer differs from ftfy's, the difference is put down to one of: **other rules**
(``mtcheck fix`` changes ftfy's answer the same way: rules judging the repaired sentence itself,
as they judge the clean one), **beyond ftfy** (ftfy left the sentence garbled and mtcheck gives
the clean sentence back, or what ``mtcheck fix`` makes of the clean sentence: one word repaired
alone in a line ftfy cannot re-encode whole), or
**repair** (the rest: a difference of the mojibake repair itself).

Clean sentences are fixed too: those that ftfy leaves alone (all of them) and ``mtcheck fix``
changes are counted, by the rules whose fixes changed them (human text: MT203's doubled spaces
and the like; see ``benchmarks/quiet.py``).

    python benchmarks/mojibake.py [--data ../shared/data] [--per-lang 200] [--seed 0]
                                  [--show 5] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import ftfy

from mtcheck.checker import MAX_FIX_PASSES, check_document, resolve_language
from mtcheck.config import Config
from mtcheck.document import Document
from mtcheck.fixes import apply_plan, choose_fixes
from mtcheck.synthetic.mojibake import REGIONAL, garblings

WAYS = ("cp1252", "latin-1", "double", "one word", "regional", "C1 marks")
CONFIG = Config()


def sentences(data: Path, per_lang: int, seed: int) -> dict[str, list[str]]:
    """Up to ``per_lang`` sentences of each language, sampled with ``seed``."""
    by_lang: dict[str, list[str]] = defaultdict(list)
    for path in sorted((data / "ud").glob("*-*.jsonl")):
        for line in path.open(encoding="utf-8"):
            row = json.loads(line)
            by_lang[row["lang"]].append(row["text"])
    rng = random.Random(seed)
    return {lang: rng.sample(texts, min(per_lang, len(texts))) for lang, texts in sorted(by_lang.items())}


def fix(text: str, lang: str) -> tuple[str, set[str]]:
    """(``mtcheck fix``'s text, the codes of the fixes it applied), as on a text file."""
    codes: set[str] = set()
    for _ in range(MAX_FIX_PASSES):
        plan = choose_fixes(check_document(Document(text, lang), CONFIG), text=text)
        if not plan:
            break
        codes |= {f.code for f, _ in plan}
        text = apply_plan(text, plan)
    return text, codes


def run(data: Path, per_lang: int, seed: int) -> dict:
    rows: dict[tuple[str, str], Counter] = defaultdict(Counter)  # (lang, way) → counts
    clean_rows: dict[str, Counter] = defaultdict(Counter)
    altered_by: Counter = Counter()
    examples: dict[str, list] = defaultdict(list)
    rng = random.Random(seed)
    for lang, texts in sentences(data, per_lang, seed).items():
        tag = resolve_language("", lang)
        for text in texts:
            fixed, codes = fix(text, tag)
            c = clean_rows[lang]
            c["sentences"] += 1
            c["ftfy alone"] += ftfy.fix_encoding(text) == text
            if fixed != text and ftfy.fix_encoding(text) == text:
                c["altered"] += 1
                altered_by.update(codes)
                examples["clean altered"].append((lang, text, fixed, sorted(codes)))
            for way, clean, broken in garblings(lang, text, rng):
                way = "regional" if way in REGIONAL.values() else way
                r = rows[lang, way]
                reference = ftfy.fix_encoding(broken)
                got, _ = fix(broken, tag)
                r["cases"] += 1
                detected = r["detected"]
                r["detected"] += any(f.code == "MT301" for f in check_document(Document(broken, tag), CONFIG))
                r["= ftfy"] += got == reference
                r["= clean"] += got == clean
                r["ftfy = clean"] += reference == clean
                if not r["detected"] - detected:
                    examples["missed"].append((lang, way, broken))
                if got != reference:
                    if reference == broken:  # ftfy left it garbled
                        cause = "beyond ftfy" if got in (clean, fixed if clean == text else fix(clean, tag)[0]) else "repair"
                    elif fix(reference, tag)[0] == got:
                        cause = "other rules"
                    else:
                        cause = "repair"
                    r[cause] += 1
                    examples[cause].append((lang, way, broken, reference, got))
    return {"rows": rows, "clean": clean_rows, "altered_by": altered_by, "examples": examples}


def pct(n: int, d: int) -> str:
    return f"{100 * n / d:.1f}" if d else "–"


def report(result: dict, show: int) -> str:
    rows, clean = result["rows"], result["clean"]
    out = ["| way | cases | detected % | = ftfy % | = clean % | ftfy = clean % | other rules | beyond ftfy | repair |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    totals: Counter = Counter()
    for way in WAYS:
        t = Counter()
        for (lang, w), r in rows.items():
            if w == way:
                t.update(r)
        totals.update(t)
        out.append(f"| {way} | {t['cases']} | {pct(t['detected'], t['cases'])} | {pct(t['= ftfy'], t['cases'])} | "
                   f"{pct(t['= clean'], t['cases'])} | {pct(t['ftfy = clean'], t['cases'])} | {t['other rules']} | "
                   f"{t['beyond ftfy']} | {t['repair']} |")
    t = totals
    out.append(f"| **all** | {t['cases']} | {pct(t['detected'], t['cases'])} | {pct(t['= ftfy'], t['cases'])} | "
               f"{pct(t['= clean'], t['cases'])} | {pct(t['ftfy = clean'], t['cases'])} | {t['other rules']} | "
               f"{t['beyond ftfy']} | {t['repair']} |")
    out += ["", "| language | cases | detected % | = ftfy % | differs: other rules / beyond ftfy / repair | clean sentences | altered (ftfy leaves alone) |",
            "|---|---:|---:|---:|---|---:|---:|"]
    for lang in sorted(clean):
        t = Counter()
        for (l, _), r in rows.items():
            if l == lang:
                t.update(r)
        c = clean[lang]
        out.append(f"| {lang} | {t['cases']} | {pct(t['detected'], t['cases'])} | {pct(t['= ftfy'], t['cases'])} | "
                   f"{t['other rules']} / {t['beyond ftfy']} / {t['repair']} | {c['sentences']} | {c['altered']} |")
    n_clean = sum(c["sentences"] for c in clean.values())
    altered = sum(c["altered"] for c in clean.values())
    alone = sum(c["ftfy alone"] for c in clean.values())
    out += ["", f"Clean sentences: {n_clean}; ftfy leaves {alone} alone; mtcheck fix changes {altered} of those "
            f"({pct(altered, alone)} %), by rule: "
            + (", ".join(f"{code} {n}" for code, n in result["altered_by"].most_common()) or "none") + "."]
    if show:
        for kind, items in sorted(result["examples"].items()):
            out += ["", f"Examples, {kind}:"]
            out += [f"    {item!r}" for item in items[:show]]
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[1] / ".." / "shared" / "data")
    parser.add_argument("--per-lang", type=int, default=200, help="sentences sampled per language")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", type=int, default=3, help="examples printed per kind of difference")
    parser.add_argument("--json", type=Path, help="write the counts here")
    args = parser.parse_args()
    if not (args.data / "ud").is_dir():
        print(f"no UD data at {args.data / 'ud'}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    result = run(args.data, args.per_lang, args.seed)
    print(report(result, args.show))
    print(f"\n{time.perf_counter() - started:.0f} s, ftfy {ftfy.__version__}, seed {args.seed}, {args.per_lang} a language.")
    if args.json:
        args.json.write_text(json.dumps({
            "rows": {f"{lang}|{way}": dict(c) for (lang, way), c in result["rows"].items()},
            "clean": {lang: dict(c) for lang, c in result["clean"].items()},
            "altered_by": dict(result["altered_by"]),
        }, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
