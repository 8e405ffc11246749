#!/usr/bin/env python3
"""Target-language detection: accuracy of ``mtcheck.text.langdetect.detect`` on human sentences.

The treebank sentences of ``../shared/data/ud`` (every language mtcheck has data for) are
classified one by one and in documents of ten consecutive sentences; the table gives the
accuracy per language, for all sentences and for sentences of more than five words, how often
a wrong language was given (the harm: the wrong lexicon and casing run) and how often none
(``und``: only the language-independent checks run), and how often the glue-word vote decided
alone (no py3langid call).

    python benchmarks/langid.py [--data ../shared/data] [--per-file 1000]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from mtcheck.text import langdetect
from mtcheck.languages import with_data


def sentences(data: Path, per_file: int) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for path in sorted((data / "ud").glob("*-*.jsonl")):
        rows = [json.loads(line) for line in path.open(encoding="utf-8")][:per_file]
        if rows and rows[0]["lang"] in with_data():
            out.setdefault(rows[0]["lang"], []).extend(r["text"] for r in rows)
    return out


def run(data: Path, per_file: int) -> dict[str, dict]:
    report = {}
    for lang, texts in sentences(data, per_file).items():
        right, long_right, long_total, voted, undetermined = 0, 0, 0, 0, 0
        for text in texts:
            voted += langdetect.decided_by_vote(text) is not None
            found = langdetect.detect(text)
            ok = found == lang
            right += ok
            undetermined += found == langdetect.UNDETERMINED
            if len(text.split()) > 5:
                long_total += 1
                long_right += ok
        docs = ["\n".join(texts[i:i + 10]) for i in range(0, len(texts) - 9, 10)]
        docs_right = sum(langdetect.detect(d) == lang for d in docs)
        report[lang] = {"sentences": len(texts), "accuracy": right / len(texts),
                        "wrong": (len(texts) - right - undetermined) / len(texts),
                        "undetermined": undetermined / len(texts),
                        "accuracy_over_5_words": long_right / max(long_total, 1),
                        "decided_by_vote": voted / len(texts),
                        "documents": len(docs), "document_accuracy": docs_right / max(len(docs), 1)}
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[1] / ".." / "shared" / "data")
    parser.add_argument("--per-file", type=int, default=1000, help="sentences taken from each treebank file")
    args = parser.parse_args()
    report = run(args.data, args.per_file)
    print("| language | sentences | accuracy | > 5 words | wrong | undetermined | vote alone | 10-sentence docs | docs accuracy |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for lang, r in report.items():
        print(f"| {lang} | {r['sentences']} | {r['accuracy']:.1%} | {r['accuracy_over_5_words']:.1%} | "
              f"{r['wrong']:.1%} | {r['undetermined']:.1%} | "
              f"{r['decided_by_vote']:.1%} | {r['documents']} | {r['document_accuracy']:.1%} |")
    macro = sum(r["accuracy"] for r in report.values()) / len(report)
    macro_long = sum(r["accuracy_over_5_words"] for r in report.values()) / len(report)
    wrong = sum(r["wrong"] for r in report.values()) / len(report)
    undetermined = sum(r["undetermined"] for r in report.values()) / len(report)
    print(f"\nmacro accuracy: {macro:.1%} (sentences), {macro_long:.1%} (more than five words); "
          f"wrong {wrong:.2%}, undetermined {undetermined:.1%}")


if __name__ == "__main__":
    main()
