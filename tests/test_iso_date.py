"""MT806 iso-date (profile us-news): an ISO date in English running text, written as AP writes
dates; quiet in URLs, code, file names, timestamps, tables and fields."""

from __future__ import annotations

import json

import pytest

from mtcheck import check
from mtcheck.checker import check_document
from mtcheck.config import Config
from mtcheck.document import Document
from mtcheck.fixes import apply_fixes

US_NEWS = Config(profiles=["us-news"], select=["MT806"])


def found(text: str, lang: str = "en", config: Config = US_NEWS) -> list[str]:
    return [text[f.start:f.end] for f in check(text, lang=lang, config=config)]


def test_off_without_the_profile():
    text = "The talks resumed on 2024-03-04 in Geneva after a long pause."
    assert "MT806" not in {f.code for f in check(text, lang="en", config=Config())}
    assert found(text, config=Config(profiles=["us-news"])) == ["2024-03-04"]


@pytest.mark.parametrize("text,out", [
    ("The talks resumed on 2024-03-04 in Geneva after a pause.",
     "The talks resumed on March 4, 2024, in Geneva after a pause."),
    ("The ministry said the ban ends on 2025-12-31.", "The ministry said the ban ends on Dec. 31, 2025."),
    ("Voters went to the polls (2024-07-04) in a calm mood.", "Voters went to the polls (July 4, 2024) in a calm mood."),
    ("The leap day 2024-02-29 fell on a Thursday that year.", "The leap day Feb. 29, 2024, fell on a Thursday that year."),
    ("Between 2023-09-01 and 2023-11-30, the court heard 40 cases.",
     "Between Sept. 1, 2023, and Nov. 30, 2023, the court heard 40 cases."),
])
def test_the_fix_writes_the_date_as_ap_does(text, out):
    findings = check(text, lang="en", config=US_NEWS)
    assert findings and all(not f.fixes[0].is_safe for f in findings)
    assert apply_fixes(text, findings, unsafe=True) == out
    assert apply_fixes(text, findings, unsafe=False) == text


@pytest.mark.parametrize("text", [
    "Read it at https://example.org/news/2024-03-04/talks before the vote.",
    "The file report-2024-03-04.pdf was sent to every member of the board.",
    "The server logged 2024-03-04T10:15:00Z when the outage began this morning.",
    "The server logged 2024-03-04 10:15 when the outage began this morning.",
    "[2024-03-04] the service started and wrote its first lines of output.",
    "The case number 2024-03-04-117 was filed with the court on Monday.",
    "The build v2024-03-04 was shipped to all of the customers last week.",
    "Date: 2024-03-04",
    "Published: 2024-03-04 by the press office of the ministry in Kyiv",
    "| 2024-03-04 | talks resumed | Geneva |",
    "2024-03-04\tGeneva\ttalks resumed after the long pause in March",
    "Talks on 2024-03-04",
    "The talks are planned for 2023-02-30, a date that does not exist at all.",
    "The range 2024-03-04/2024-03-10 was booked for the whole delegation.",
])
def test_quiet_outside_running_text(text):
    assert found(text) == []


def test_quiet_in_markdown_code():
    doc = Document("Run it with `--since 2024-03-04` to see the talks of that week.\n\n"
                   "```\nsince = 2024-03-04\n```\n", "en", markdown=True)
    assert check_document(doc, US_NEWS) == []


def test_only_english():
    assert found("Die Gespräche begannen am 2024-03-04 in Genf nach einer Pause.", lang="de") == []


def test_quiet_on_edited_english(shared):
    """WMT22 *→en references and the English UD treebanks: no ISO date in running text (the one
    in UD EWT is inside a URL). Measured in docs/profiles.md."""
    texts = []
    for pair in ("de-en", "ru-en", "uk-en", "ja-en"):
        texts += [json.loads(line)["reference"] for line in (shared / "data" / "wmt22" / f"{pair}.jsonl").open(encoding="utf-8")]
    for name in ("en-ewt", "en-pud"):
        texts += [json.loads(line)["text"] for line in (shared / "data" / "ud" / f"{name}.jsonl").open(encoding="utf-8")]
    doc = Document.from_records(texts, [str(i) for i in range(len(texts))], list(range(1, len(texts) + 1)), "en")
    assert check_document(doc, US_NEWS) == []
