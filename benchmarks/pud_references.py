"""Source-aware rules on professional translations: the Parallel Universal Dependencies (PUD).

PUD is 1,000 sentences of news and Wikipedia, each first written in one language (`orig_lang`:
English for most, German, French, Italian or Spanish for the rest) and translated by
professionals into 20 others. Every sentence is checked as the translation of its original,
rule by rule; a good translation should draw no finding, so each one is false unless a hand
check says the translator slipped (`--show` prints them with their source).

    python benchmarks/pud_references.py [--data ../shared/data] [--rules MT601,MT605] [--show 5]

Reports per language: words (split at spaces: Chinese, Japanese and Thai count few), findings
per rule, findings per 10,000 words.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from mtcheck.checker import check_document
from mtcheck.config import Config
from mtcheck.document import Document
from mtcheck.languages import with_data

ROOT = Path(__file__).resolve().parents[1]


def sentences(ud: Path) -> list[dict]:
    """PUD's sentences with their original language and every translation (pud.jsonl's seven
    languages and the other PUD treebanks, matched by sentence id)."""
    rows = [json.loads(line) for line in (ud / "pud.jsonl").open(encoding="utf-8")]
    by_id = {r["id"]: r for r in rows}
    for path in sorted(ud.glob("*-pud.jsonl")):
        lang = path.name.split("-")[0]
        for line in path.open(encoding="utf-8"):
            row = json.loads(line)
            if row["id"] in by_id:
                by_id[row["id"]]["texts"].setdefault(lang, row["text"])
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--rules", default="MT601,MT605")
    parser.add_argument("--show", type=int, default=0, help="findings to print per language")
    args = parser.parse_args()
    codes = tuple(args.rules.split(","))
    config = Config(select=codes)
    counts, words, shown = Counter(), Counter(), defaultdict(list)
    for row in sentences(args.data / "ud"):
        origin = row["orig_lang"]
        source = row["texts"].get(origin)
        for lang, text in row["texts"].items():
            if lang == origin or source is None or lang not in with_data():
                continue
            words[lang] += len(text.split())
            for f in check_document(Document(text, lang, source=source, source_lang=origin), config):
                counts[lang, f.code] += 1
                shown[lang].append((f.code, text[f.start:f.end], f.message, source, text))
    print("| language | words | " + " | ".join(codes) + " | per 10k |\n|---|---:|" + "---:|" * (len(codes) + 1))
    for lang in sorted(words):
        found = [counts[lang, code] for code in codes]
        print(f"| {lang} | {words[lang]:,} | " + " | ".join(map(str, found)) + f" | {sum(found) / words[lang] * 1e4:.1f} |")
    total = sum(counts.values())
    print(f"\n{total} findings on {sum(words.values()):,} words ({total / sum(words.values()) * 1e4:.1f} per 10,000)")
    for lang, items in sorted(shown.items()):
        for code, span, message, source, text in items[:args.show]:
            print(f"\n{lang} {code} `{span}`: {message}\n  source: {source}\n  translation: {text}")


if __name__ == "__main__":
    main()
