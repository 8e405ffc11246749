"""Region variants: a code with a region keeps the conventions CLDR gives that region
(regions.json), pt-PT's «» and no-break-space thousands, de-CH's 1’234.5, zh-TW's 「」, with its
language's data; the default locale (pt, pt-BR) and regions CLDR says nothing different of keep
the language's conventions; and the region survives every way a language reaches a document."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from cli_helpers import run

from mtcheck import check
from mtcheck.checker import check_document
from mtcheck.document import Document
from mtcheck.languages import DATA_DIR, get_language, language_for, regions, with_data
from mtcheck.text.numbers import number_words

NBSP, NNBSP = "\u00a0", "\u202f"
CLDR_MISC = Path(os.environ.get("MTCHECK_CLDR_MISC", "/tmp/cldr/package"))


def findings(text: str, lang: str, **kwargs) -> list[tuple[str, str, list[str]]]:
    """(code, flagged text, replacements of the first fix) of each finding."""
    return [(f.code, f.text, [e.replacement for e in f.fixes[0].edits] if f.fixes else [])
            for f in check(text, lang=lang, **kwargs)]


# -- the variants -----------------------------------------------------------------------------

def test_pt_pt_has_its_quotes_and_separators_and_pt_br_the_default():
    pt_pt, pt_br = language_for("pt-PT"), language_for("pt-BR")
    assert pt_br is get_language("pt") is language_for("pt")  # Babel's pt is Brazil
    assert (pt_pt.code, pt_pt.tag) == ("pt", "pt-PT")
    assert (pt_pt.primary_quotes.open, pt_pt.primary_quotes.close) == ("«", "»")
    assert (pt_pt.secondary_quotes.open, pt_pt.secondary_quotes.close) == ("“", "”")
    assert (pt_br.primary_quotes.open, pt_br.primary_quotes.close) == ("“", "”")
    # The language's hand-written marks stay allowed in the region: Brazilian ‘…’ is not foreign.
    assert pt_br.quote_chars <= pt_pt.quote_chars
    assert (number_words("pt-PT").decimal, number_words("pt-PT").group) == (",", NBSP)
    assert (number_words("pt-BR").decimal, number_words("pt-BR").group) == (",", ".")


def test_variants_are_cached_and_share_the_language_data():
    assert language_for("pt-PT") is language_for("pt_PT") is language_for("PT-pt")
    assert number_words("pt-PT") is number_words("pt-PT")
    pt_pt, pt = language_for("pt-PT"), get_language("pt")
    assert pt_pt._lexicon is pt._lexicon and pt_pt.casing is pt.casing  # loaded once per folder
    assert pt_pt.zipf("obrigado") == pt.zipf("obrigado") > 3
    assert pt_pt.rules_off == pt.rules_off


@pytest.mark.parametrize("code", ["pt-AQ", "pt-XX", "pt-BR", "pt-Latn", "pt-419", "de-AT", "en-GB", "hr-BA"])
def test_regions_without_other_conventions_get_the_default(code):
    language = language_for(code)
    assert language is get_language(language.code) and language.tag == language.code
    check("Ele disse «sim» e 1.500 pessoas vieram.", lang=code)  # no error


def test_a_longer_tag_takes_its_regions_conventions():
    assert language_for("de-CH-1996").tag == "de-CH"
    assert language_for("zh-Hant-TW").tag == "zh-Hant-TW" and language_for("zh-TW").tag == "zh-TW"


# -- the rules see the variant ----------------------------------------------------------------

def test_guillemets_are_portuguese_in_both_regions():
    """pt's hand-written pairs have «» beside CLDR's “”: neither region flags them."""
    for lang in ("pt-PT", "pt-BR", "pt"):
        assert findings("Ele disse «sim».", lang) == []
        assert findings("Ele disse “sim”.", lang) == []


def test_a_foreign_quote_is_fixed_to_the_regions_own_marks():
    text = "disse „basta“ e foi embora"
    assert ("MT207", "„", ["«", "»"]) in findings(text, "pt-PT")
    assert ("MT207", "„", ["“", "”"]) in findings(text, "pt-BR")
    message = next(f.message for f in check(text, lang="pt-PT") if f.code == "MT207")
    assert message == "`„` is not a quotation mark of Portuguese (pt-PT)"


def test_a_number_copied_from_the_source_is_fixed_to_the_regions_grouping():
    source = dict(source="Some 1,500 visitors came.", source_lang="en")
    assert findings("Vieram 1,500 visitantes.", "pt-PT", **source) == [("MT602", "1,500", [f"1{NBSP}500"])]
    assert findings("Vieram 1,500 visitantes.", "pt-BR", **source) == [("MT602", "1,500", ["1.500"])]


@pytest.mark.parametrize("lang", ["pt-PT", "pt-BR"])
def test_both_portuguese_groupings_are_quiet_in_either_region(lang):
    # A region's text is not held to its locale more strictly than the language's: Brazilian
    # news in the UD treebank (Folha) writes `R$ 3.600`, which pt-PT's space grouping alone
    # read as 3.6 reais before the language's `.` stayed a group variant.
    for text in (f"Custa 1{NBSP}234,5 euros.", "Custa 1 234,5 euros.", "Custa 1.234,5 euros.",
                 "Vieram 1.500.000 pessoas.", "Conseguem R$ 3.600 contra R$ 3.000.", "Custa US$ 1.000."):
        assert findings(text, lang) == [], text


def test_swiss_german_decimal_point_and_apostrophe_grouping():
    de_ch = number_words("de-CH")
    assert (de_ch.decimal, de_ch.group) == (".", "’")
    # CLDR 48 gives de-CH the German „…“, so the quotes are the language's.
    assert language_for("de-CH").primary_quotes == get_language("de").primary_quotes
    assert findings("Die Inflation lag bei 2.5 %.", "de") == [("MT602", "2.5", ["2,5"])]
    assert findings("Die Inflation lag bei 2.5 %.", "de-CH") == []
    assert findings("Die Inflation lag bei 2,5 %.", "de-CH") == []  # German's own comma stays readable
    assert findings("Es kamen 1’500 Menschen.", "de-CH") == []


def test_french_canada_groups_with_a_no_break_space_and_takes_reversed_inner_quotes():
    assert (number_words("fr").group, number_words("fr-CA").group) == (NNBSP, NBSP)
    source = dict(source="Unemployment reached 1,500 people.", source_lang="en")
    assert findings("Le chômage a touché 1,500 personnes.", "fr", **source) == [("MT602", "1,500", [f"1{NNBSP}500"])]
    assert findings("Le chômage a touché 1,500 personnes.", "fr-CA", **source) == [("MT602", "1,500", [f"1{NBSP}500"])]
    text = "Le “Québec” et ”le monde“ ici."  # CLDR's fr-CA secondary marks are ”…“
    assert {code for code, _, _ in findings(text, "fr")} == {"MT205"}
    assert findings(text, "fr-CA") == []


def test_traditional_chinese_corner_brackets():
    assert {code for code, _, _ in findings("他说「是」。", "zh")} == {"MT207"}
    assert findings("他说「是」。", "zh-TW") == findings("他说「是」。", "zh-Hant") == []
    assert findings("他说“是”。", "zh-TW") == []  # the language's marks stay allowed


# -- the region reaches the document ------------------------------------------------------------

def test_the_document_keeps_the_tag_and_looks_data_up_by_the_language():
    doc = Document("disse „basta“ e foi embora", "pt_PT")
    assert (doc.tag, doc.lang) == ("pt-PT", "pt")
    assert any(f.code == "MT207" and f.fixes[0].edits[0].replacement == "«" for f in check_document(doc))


def _mt207_fix(out: str) -> str:
    [f] = [f for f in json.loads(out)["findings"] if f["code"] == "MT207"]
    assert "(pt-PT)" in f["message"]
    return f["fixes"][0]["edits"][0]["replacement"]


def test_cli_lang_keeps_the_region_in_json_and_text_output(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("Ele disse „basta“ e foi embora.\n", encoding="utf-8")
    rc, out, _ = run(capsys, "check", "--isolated", "--format", "json", "--lang", "pt-PT", str(path))
    assert _mt207_fix(out) == "«"
    rc, out, _ = run(capsys, "check", "--isolated", "--no-show-source", "--lang", "pt_PT", str(path))
    assert "not a quotation mark of Portuguese (pt-PT)" in out
    rc, out, _ = run(capsys, "check", "--isolated", "--format", "json", "--lang", "pt-BR", str(path))
    [f] = [f for f in json.loads(out)["findings"] if f["code"] == "MT207"]
    assert f["message"].endswith("of Portuguese") and f["fixes"][0]["edits"][0]["replacement"] == "“"


def test_jsonl_target_lang_keeps_the_region(tmp_path, capsys):
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps({"id": "1", "translation": "Ele disse „basta“.", "target_lang": "pt_PT"},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    rc, out, _ = run(capsys, "check", "--isolated", "--format", "json", str(path))
    assert _mt207_fix(out) == "«"


def test_config_lang_keeps_the_region(tmp_path, capsys):
    (tmp_path / "mtcheck.toml").write_text('lang = "pt-PT"\n', encoding="utf-8")
    path = tmp_path / "a.txt"
    path.write_text("Ele disse „basta“ e foi embora.\n", encoding="utf-8")
    rc, out, _ = run(capsys, "check", "--config", str(tmp_path / "mtcheck.toml"), "--format", "json", str(path))
    assert _mt207_fix(out) == "«"


PO = '''msgid ""
msgstr ""
"Language: pt_PT\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "He said „enough“ and left."
msgstr "Ele disse „basta“ e foi embora."
'''

XLIFF = '''<?xml version='1.0' encoding='utf-8'?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a.txt" source-language="en-US" target-language="pt-PT" datatype="plaintext">
    <body>
      <trans-unit id="t1">
        <source>He said "enough" and left.</source>
        <target>Ele disse „basta“ e foi embora.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
'''


@pytest.mark.parametrize("name, content", [("a.po", PO), ("a.xlf", XLIFF)])
def test_translation_files_keep_the_region(tmp_path, capsys, name, content):
    pytest.importorskip("translate.storage")
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    rc, out, _ = run(capsys, "check", "--isolated", "--format", "json", str(path))
    assert _mt207_fix(out) == "«"


# -- the data agrees with CLDR ------------------------------------------------------------------

def _locale(code: str) -> str:
    from build_cldr_data import locale_id  # scripts/, put on sys.path below

    return locale_id(code)


@pytest.fixture(scope="module")
def scripts_on_path():
    import sys

    sys.path.insert(0, str(Path(__file__).parents[1] / "scripts"))
    yield
    sys.path.remove(str(Path(__file__).parents[1] / "scripts"))


def test_regions_json_separators_agree_with_babel(scripts_on_path):
    """Every Babel locale under a language whose separators differ from the language's default
    locale is in regions.json with those separators, and no other (read from Babel here, not
    through the build script's comparison)."""
    pytest.importorskip("babel")
    from babel import Locale
    from babel.localedata import locale_identifiers

    from mtcheck.languages.codes import normalize

    def separators(locale):
        symbols = Locale.parse(locale).number_symbols["latn"]
        return symbols["decimal"], symbols["group"]

    for code in with_data():
        base = _locale(code)
        default = separators(base)
        expected = {normalize(i): separators(i) for i in locale_identifiers()
                    if i.startswith(base + "_") and separators(i) != default}
        shipped = {tag: (table["numbers"].get("decimal", default[0]), table["numbers"].get("group", default[1]))
                   for tag, table in regions(code).items() if "numbers" in table}
        assert {t: v for t, v in shipped.items() if t in expected} == expected, code
        for tag in set(shipped) - set(expected):  # a second name without the script: zh-TW
            language, region = tag.split("-")
            assert any(shipped[t] == shipped[tag] for t in expected
                       if t.startswith(language + "-") and t.endswith("-" + region)), (code, tag)


def test_regions_json_quotes_agree_with_cldr(scripts_on_path):
    if not (CLDR_MISC / "main" / "en" / "delimiters.json").exists():
        pytest.skip("cldr-misc-full not unpacked (npm pack cldr-misc-full@48.2.0; set MTCHECK_CLDR_MISC)")
    pt_pt = json.loads((CLDR_MISC / "main" / "pt-PT" / "delimiters.json").read_text(encoding="utf-8"))
    marks = pt_pt["main"]["pt-PT"]["delimiters"]
    assert regions("pt")["pt-PT"]["quotes"] == {
        "primary": [marks["quotationStart"], marks["quotationEnd"]],
        "secondary": [marks["alternateQuotationStart"], marks["alternateQuotationEnd"]]}


def test_regions_json_holds_only_differences(scripts_on_path):
    for code in with_data():
        cldr = json.loads((DATA_DIR / code / "cldr.json").read_text(encoding="utf-8"))
        for tag, table in regions(code).items():
            assert tag.startswith(_locale(code).replace("_", "-") + "-"), (code, tag)
            assert table and set(table) <= {"quotes", "numbers"}, (code, tag)
            for key, values in table.items():
                assert values and all(cldr[key][k] != v for k, v in values.items()), (code, tag, key)
    total = sum((DATA_DIR / code / "regions.json").stat().st_size for code in with_data() if regions(code))
    assert total < 10_000  # only differences: a few kilobytes for every language


def test_the_docs_count_the_regions_as_the_data_does():
    counts = {code: len(regions(code)) for code in with_data() if regions(code)}
    summary = (f"{sum(counts.values())} tags of {len(counts)} languages ("
               + ", ".join(f"{code} {n}" for code, n in counts.items()) + ")")
    page = " ".join((Path(__file__).parents[1] / "docs" / "languages.md").read_text(encoding="utf-8").split())
    assert summary in page, f"docs/languages.md's region counts (\"Regions\") are stale: {summary!r}"
