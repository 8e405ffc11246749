#!/usr/bin/env python3
"""Peer checks: the checks of translation-QA tools (translate-toolkit's pofilter, LanguageTool's
rules), measured on examples of our own.

``benchmarks/labels/peer-checks-examples.jsonl`` holds one example a line: a family (doubled
punctuation, repeated phrases, context-aware repetition, sentences glued after `!`/`?`, missing
spaces after a number's period or a colon, French spacing, sentence starts in lower case; and
compared with a source: tag structure, empty translations, dropped signs, brackets and quotes,
first capitals), a language (a region tag too: ``fr-CA``), ``wrong`` or ``right``, the text, and
for the families compared with a source the ``source``, its ``source_lang`` and ``record`` when the
example is a record of a file (an empty translation exists only there). The sentences are
written for this benchmark, in the spirit of the peers' tests (pofilter's ``test_checks.py``,
LanguageTool's rule examples), not copied from them. For each family: the share of wrong
examples that a rule of the family flags, and the share of right ones that no rule of the family
flags. Run it on another checkout to compare (``PYTHONPATH=<checkout>``: git main before a
change).

    python benchmarks/peer_checks.py [--examples FILE] [--json out.json] [--show]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

import mtcheck
from mtcheck.checker import check_document
from mtcheck.config import Config
from mtcheck.document import Document

EXAMPLES = Path(__file__).parent / "labels" / "peer-checks-examples.jsonl"
# The rules whose findings answer for each family (a code a checkout lacks never fires).
FAMILIES = {
    "doubled-punctuation": {"MT210"},
    "repeated-phrase": {"MT105", "MT106"},
    "context-repetition": {"MT105", "MT106"},
    "glued-sentence": {"MT201", "MT102"},
    "missing-space-number-colon": {"MT201", "MT211"},
    "french-spacing": {"MT202", "MT212"},
    "sentence-start": {"MT403"},
    # Compared with the source: the example has one (and is one record of a file where it says so).
    "tag-structure": {"MT701", "MT303"},
    "empty-translation": {"MT604"},
    "dropped-sign": {"MT605"},
    "brackets-quotes-vs-source": {"MT205", "MT206"},
    "first-capital-vs-source": {"MT403"},
    # Resource strings (records with a source, as a resource file's values are), in the spirit of
    # Weblate's ICU MessageFormat and plural checks: the syntax, CLDR's plural categories of the
    # target language, and the arguments and select keys against the source.
    "message-syntax": {"MT706"},
    "plural-categories": {"MT707", "MT708"},
    "message-arguments": {"MT701", "MT709"},
}


def findings(ex: dict) -> list:
    """mtcheck's findings on one example: a text, with its source when it has one, or a
    record of a JSONL file with its source (an empty translation exists only as a record)."""
    if ex.get("record"):
        doc = Document.from_records([ex["text"]], ["1"], [1], ex["lang"], sources=[ex["source"]],
                                    source_lang=ex["source_lang"])
        return check_document(doc, Config())
    return mtcheck.check(ex["text"], lang=ex["lang"], source=ex.get("source"), source_lang=ex.get("source_lang"))


def run(path: Path, show: bool = False) -> dict:
    counts: dict[str, Counter] = defaultdict(Counter)
    for line in path.open(encoding="utf-8"):
        ex = json.loads(line)
        codes = FAMILIES[ex["family"]]
        hits = [f for f in findings(ex) if f.code in codes]
        flagged = bool(hits)
        c = counts[ex["family"]]
        c[ex["label"]] += 1
        c["caught" if ex["label"] == "wrong" and flagged else "quiet" if ex["label"] == "right" and not flagged else "miss"] += 1
        if show and (flagged != (ex["label"] == "wrong")):
            print(f"{ex['label']:5} {ex['lang']:5} {ex['family']:27} {[f.code for f in hits]} {ex['text']!r}")
    report = {}
    for family in FAMILIES:
        c = counts[family]
        report[family] = {"wrong": c["wrong"], "flagged": c["caught"],
                          "recall": round(c["caught"] / max(c["wrong"], 1), 2),
                          "right": c["right"], "left_alone": c["quiet"],
                          "quiet": round(c["quiet"] / max(c["right"], 1), 2)}
    wrong = sum(r["wrong"] for r in report.values())
    right = sum(r["right"] for r in report.values())
    report["all"] = {"wrong": wrong, "flagged": sum(r["flagged"] for r in report.values()),
                     "recall": round(sum(r["flagged"] for r in report.values()) / max(wrong, 1), 2),
                     "right": right, "left_alone": sum(r["left_alone"] for r in report.values()),
                     "quiet": round(sum(r["left_alone"] for r in report.values()) / max(right, 1), 2)}
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=Path, default=EXAMPLES)
    parser.add_argument("--json", type=Path, help="write the report here")
    parser.add_argument("--show", action="store_true", help="print the examples judged otherwise than labelled")
    args = parser.parse_args()
    report = run(args.examples, args.show)
    print(f"{'family':<28} {'wrong':>5} {'flagged':>8} {'share':>6} {'right':>6} {'left alone':>10} {'share':>6}")
    for family, r in report.items():
        print(f"{family:<28} {r['wrong']:>5} {r['flagged']:>8} {r['recall']:>6} {r['right']:>6} {r['left_alone']:>10} {r['quiet']:>6}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
