#!/usr/bin/env python3
"""Quietness on human text: findings per 10,000 words on clean human translations and treebanks.

Human references of WMT22/WMT24 (field ``reference``, checked as the translation of its
``source``, records grouped by ``doc_id``) and the UD treebank sentences of ``../shared/data/ud``
are checked with every rule. Doubled spaces (MT203), which human text has too, are true findings
and reported apart, outside the rate. The goal (issue 2): at most 1 finding per 10,000 words per
language.

    python benchmarks/quiet.py [--data ../shared/data] [--show 20] [--json out.json]
                               [--labels benchmarks/labels/casing-human-text.jsonl
                                        benchmarks/labels/new-languages-ud.jsonl]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from itertools import groupby
from pathlib import Path

from mtcheck.checker import check_document
from mtcheck.config import Config
from mtcheck.document import Document
from mtcheck.languages import with_data as available  # every language with data

LEFT_OUT = {"MT203"}  # doubled spaces: true findings on human text too


def corpora(data: Path):
    """Yield (language, corpus name, list of documents as lists of (id, text, source))."""
    for path in sorted(data.glob("wmt2*/*.jsonl")):
        rows = [json.loads(line) for line in path.open(encoding="utf-8")]
        lang = rows[0]["target_lang"]
        if lang not in available():
            continue
        docs = [[(r["id"], r["reference"], r.get("source")) for r in group]
                for _, group in groupby(rows, key=lambda r: r.get("doc_id"))]
        yield lang, f"{path.parent.name}/{path.name}", docs
    for path in sorted((data / "ud").glob("*-*.jsonl")):
        rows = [json.loads(line) for line in path.open(encoding="utf-8")]
        lang = rows[0]["lang"]
        # The test split apart: the casing build counts case on the other splits.
        for split in sorted({r.get("split", "") for r in rows}):
            part = [r for r in rows if r.get("split", "") == split]
            # As mtcheck reads JSONL: consecutive records of one doc_id are one document, and a
            # record without one (the GSD treebanks) is a document of its own.
            docs = [[(r["id"], r["text"], None) for r in group]
                    for _, group in groupby(part, key=lambda r: r.get("doc_id") or object())]
            yield lang, f"ud/{path.name}" + (f":{split}" if split else ""), docs


def held_out(name: str) -> bool:
    """Corpora no data build has seen: WMT24 and the UD test splits (the casing build counts
    case on WMT22 and the other UD splits)."""
    return name.startswith("wmt24/") or name.endswith(":test")


def run(data: Path, show: int = 0, seed: int = 1, dump: Path | None = None, labels: list[Path] | None = None) -> dict:
    """Count findings per language and per corpus; returns {"languages": …, "corpora": …}."""
    config = Config()
    words, counted, left_out = Counter(), Counter(), Counter()
    by_code: dict[str, Counter] = defaultdict(Counter)
    record_words: dict[tuple[str, str], tuple[str, int]] = {}  # (language, words) of each record with a finding
    examples = []
    for lang, name, docs in corpora(data):
        for doc_records in docs:
            ids, texts, sources = zip(*doc_records)
            doc = Document.from_records(list(texts), list(ids), list(range(1, len(ids) + 1)), lang,
                                        path=name, sources=list(sources))
            n_words = sum(len(t.split()) for t in texts)
            keys = (lang, (lang, name)) + (((lang, "held out"),) if held_out(name) else ())
            for key in keys:
                words[key] += n_words
            for f in check_document(doc, config):
                if f.code in LEFT_OUT:
                    for key in keys:
                        left_out[key] += 1
                    continue
                for key in keys:
                    counted[key] += 1
                    by_code[key][f.code] += 1
                text = texts[ids.index(f.record)]
                record_words[(name, f.record)] = (lang, len(text.split()))
                examples.append((lang, name, f.record, f.code, f.message,
                                 text[max(0, f.start - 40): f.end + 40], f.start, f.end))

    def row(key) -> dict:
        return {"words": words[key], "findings": counted[key],
                "per_10k_words": round(10000 * counted[key] / max(words[key], 1), 2),
                "doubled_spaces": left_out[key], "by_code": dict(by_code[key].most_common())}

    report = {"languages": {lang: row(lang) for lang in sorted(k for k in words if isinstance(k, str))},
              "held_out": {k[0]: row(k) for k in sorted(k for k in words if isinstance(k, tuple) and k[1] == "held out")},
              "corpora": {f"{lang} {name}": row((lang, name)) for lang, name in
                          sorted(k for k in words if isinstance(k, tuple) and k[1] != "held out")}}
    if dump:
        with dump.open("w", encoding="utf-8") as out:
            for lang, name, record, code, message, context, start, end in examples:
                out.write(json.dumps({"lang": lang, "corpus": name, "record": record, "code": code,
                                      "start": start, "end": end, "message": message, "context": context},
                                     ensure_ascii=False) + "\n")
    if labels:
        report["hand_check"] = hand_check(examples, labels, words, record_words)
    if show:
        random.Random(seed).shuffle(examples)
        for ex in examples[:show]:
            print(" | ".join(map(str, ex[:5])), "|", repr(ex[5]), file=sys.stderr)
    return report


def hand_check(examples: list, labels: list[Path], words: Counter, record_words: dict) -> dict:
    """False findings per 10,000 words by a hand check: each file of ``labels`` holds one JSON
    object per checked finding (corpus, record, code, start, end, label: true, false or unsure).
    A language counts the codes labelled in its own corpora (the casing check labelled MT401–MT406
    in the first eight languages, the check of the new languages every code); its findings of
    those codes that no file has are counted as unchecked.

    Also the rate on the *clean* part of the text: the records where the hand check confirmed a
    slip of the writer (a finding labelled true) are left out, their words and all their
    findings; every other finding of the labelled codes counts, false, unsure or unchecked."""
    rows = [json.loads(line) for path in labels for line in path.open(encoding="utf-8")]
    verdict = {(r["corpus"], r["record"], r["code"], r["start"], r["end"]): r["label"] for r in rows}
    language_of = {name: lang for lang, name, *_ in examples}
    codes_of: dict[str, set] = defaultdict(set)  # language → the codes its labels cover
    for r in rows:
        if r["corpus"] in language_of:
            codes_of[language_of[r["corpus"]]].add(r["code"])
    codes = set().union(*codes_of.values()) if codes_of else set()
    slipped = {(r["corpus"], r["record"]) for r in rows if r["label"] == "true"}

    def keys(lang: str, name: str) -> tuple:
        return (lang, (lang, "held out")) if held_out(name) else (lang,)

    tally: dict = defaultdict(Counter)
    for lang, name, record, code, _, _, start, end in examples:
        if code in codes_of[lang]:
            label = verdict.get((name, record, code, start, end), "unchecked")
            for key in keys(lang, name):
                tally[key][label] += 1
                tally[key]["findings"] += 1
                tally[key]["in_clean_records"] += (name, record) not in slipped
    for name, record in slipped & record_words.keys():  # slips the rules still find
        lang, n_words = record_words[(name, record)]
        for key in keys(lang, name):
            tally[key]["words_of_slipped_records"] += n_words

    def row(key) -> dict:
        clean_words = max(words[key] - tally[key]["words_of_slipped_records"], 1)
        return {**dict(tally[key]), "false_per_10k_words": round(10000 * tally[key]["false"] / max(words[key], 1), 2),
                "clean_words": clean_words,
                "clean_per_10k_words": round(10000 * tally[key]["in_clean_records"] / clean_words, 2)}

    return {"codes": sorted(codes),
            "codes_by_language": {lang: sorted(c) for lang, c in sorted(codes_of.items())},
            "languages": {lang: row(lang) for lang in sorted(k for k in words if isinstance(k, str) and k in codes_of)},
            "held_out": {k[0]: row(k) for k in sorted(k for k in words if isinstance(k, tuple) and k[1] == "held out"
                                                      and k[0] in codes_of)}}


def print_table(title: str, rows: dict) -> None:
    print(f"{title:<26} {'words':>8} {'findings':>8} {'per 10k':>8} {'dbl sp.':>7}  by code")
    for key, r in rows.items():
        print(f"{key:<26} {r['words']:>8} {r['findings']:>8} {r['per_10k_words']:>8} "
              f"{r['doubled_spaces']:>7}  {r['by_code']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[1] / ".." / "shared" / "data")
    parser.add_argument("--show", type=int, default=0, help="print this many random findings to stderr")
    parser.add_argument("--json", type=Path, help="write the report here")
    parser.add_argument("--dump", type=Path, help="write every counted finding here, one JSON per line")
    parser.add_argument("--labels", type=Path, nargs="+", help="files of a hand check of findings (see hand_check)")
    args = parser.parse_args()
    report = run(args.data, args.show, dump=args.dump, labels=args.labels)
    print_table("language", report["languages"])
    print()
    print_table("held out (WMT24, UD test)", report["held_out"])
    print()
    print_table("corpus", report["corpora"])
    if "hand_check" in report:
        print(f"\nhand check of {', '.join(report['hand_check']['codes'])}")
        for part in ("languages", "held_out"):
            for lang, r in report["hand_check"][part].items():
                print(f"{part:<10} {lang:<4} findings {r.get('findings', 0):>4}  true {r.get('true', 0):>4}  "
                      f"false {r.get('false', 0):>3}  unsure {r.get('unsure', 0):>2}  unchecked {r.get('unchecked', 0):>3}  "
                      f"false per 10k words {r['false_per_10k_words']}  clean words {r['clean_words']:>7} "
                      f"findings {r.get('in_clean_records', 0):>3} per 10k {r['clean_per_10k_words']}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
