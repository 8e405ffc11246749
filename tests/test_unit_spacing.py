"""MT609 unit-spacing: a number glued to a unit symbol where the language's CLDR pattern has a
space; the symbols and spaces are data (languages/numbers/<code>.txt, ``unit_pattern``)."""

from __future__ import annotations

import json

import pytest

from mtcheck import check
from mtcheck.config import Config
from mtcheck.document import Document
from mtcheck.checker import check_document
from mtcheck.fixes import apply_fixes
from mtcheck.text.numbers import number_words

NBSP, NNBSP = "\u00a0", "\u202f"


def found(text: str, lang: str) -> list[str]:
    return [text[f.start:f.end] for f in check(text, lang=lang, config=Config(select=["MT609"]))]


def fixed(text: str, lang: str) -> str:
    return apply_fixes(text, check(text, lang=lang, config=Config(select=["MT609"])))


def test_the_patterns_are_cldr_data():
    assert number_words("en").unit_patterns["km"] == "{0} km"
    assert number_words("fr").unit_patterns["km"] == "{0}\u202fkm"
    assert number_words("de").unit_patterns["GB"] == "{0}\u00a0GB"
    assert number_words("ko").unit_patterns["km"] == "{0}km"  # Korean writes no space
    # One-letter symbols, temperatures and durations are not in the data.
    assert not {"m", "g", "t", "W", "V", "°C", "h", "min"} & set(number_words("en").unit_patterns)


@pytest.mark.parametrize("lang,text,spans,out", [
    ("en", "The router gives 300Mb and the drive holds 2TB.", ["300Mb", "2TB"],
     "The router gives 300 Mb and the drive holds 2 TB."),
    ("en", "A 1,350kg load and a 2.5GHz chip, 10-15cm apart.", ["1,350kg", "2.5GHz", "15cm"],
     "A 1,350 kg load and a 2.5 GHz chip, 10-15 cm apart."),
    ("de", "Es wiegt 3,5kg und hat 64GB.", ["3,5kg", "64GB"], f"Es wiegt 3,5 kg und hat 64{NBSP}GB."),
    ("fr", "Une voiture à 130km/h sur 20km.", ["130km/h", "20km"], f"Une voiture à 130{NNBSP}km/h sur 20{NNBSP}km."),
    ("fr", f"Un trajet de 1{NNBSP}350km.", [f"1{NNBSP}350km"], f"Un trajet de 1{NNBSP}350{NNBSP}km."),
    ("es", "Una parcela de 500m² a 3km del pueblo.", ["500m²", "3km"], "Una parcela de 500 m² a 3 km del pueblo."),
    ("ru", "Груз весом 20кг на 5км.", ["20кг", "5км"], "Груз весом 20 кг на 5 км."),
])
def test_a_glued_unit_gets_the_languages_space(lang, text, spans, out):
    assert found(text, lang) == spans
    assert fixed(text, lang) == out


@pytest.mark.parametrize("lang,text", [
    ("en", "4G and 5G phones, MP3 files, B2B sales, 3D films and F1 cars."),
    ("en", "COVID-19 cases, the A320 and the Su-25SM, a T-90M tank, the 737MAX."),
    ("en", "At 5pm on the 21st, in the 1990s, 2nd and 3rd place, 25min, 15h30."),
    ("en", "It is 25°C, 6ft tall, 70mph, 14st, 5lb, 5m people, £5m and $15mm."),
    ("en", "A 5 km run, 5kms of road, 4500mAh, 2x4cm, 10 MB, a 5km-long road."),
    ("de", "Leicht zu füttern: 2mm-Pellets."),
    ("en", "See https://example.com/5km and `size=10GB` and user@host5kg.org."),
    ("de", "Ein 5 km langer Weg, 25 %, 25%, um 15h, 12 V."),
    ("fr", "Un trajet de 5 km, à 15h30, 25°C, 2 000 m, 5m de haut."),
    ("ko", "5km 거리의 터널."),
    ("ja", "全長5kmのトンネル。"),
    ("zh", "全长5公里的隧道。"),
])
def test_quiet_on_what_is_not_a_glued_unit(lang, text):
    assert found(text, lang) == []


def test_a_markdown_code_span_is_left_alone():
    doc = Document("Set `disk=20GB` here.", "en", markdown=True)
    assert check_document(doc, Config(select=["MT609"])) == []


# Clean human text: the first 500 sentences of the UD PUD parallel set in each of its languages,
# and the WMT22 en→de and de→en references. Measured on all of ../shared in docs/benchmarks.md
# ("Locale formats"): 30 findings in 1.38 million words, each a unit a writer glued.
MAX_PER_10K_WORDS = 1.0


@pytest.mark.parametrize("lang", ["en", "de", "es", "fr", "it", "pt", "ru"])
def test_quiet_on_edited_human_text(shared, lang):
    rows = [json.loads(line) for line in (shared / "data" / "ud" / "pud.jsonl").open(encoding="utf-8")][:500]
    texts = [r["texts"][lang] for r in rows]
    wmt = {"en": "de-en", "de": "en-de"}.get(lang)
    if wmt:
        texts += [json.loads(line)["reference"] for line in (shared / "data" / "wmt22" / f"{wmt}.jsonl").open(encoding="utf-8")][:1000]
    doc = Document.from_records(texts, [str(i) for i in range(len(texts))], list(range(1, len(texts) + 1)), lang)
    findings = check_document(doc, Config(select=["MT609"]))
    words = sum(len(t.split()) for t in texts)
    assert 10_000 * len(findings) / words <= MAX_PER_10K_WORDS, [texts[int(f.record)][f.start:f.end] for f in findings]
