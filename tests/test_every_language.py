"""Every language code users write is checked: a tag of any form maps to the data that serves
it, a language without data gets the rules that need no language knowledge, and only a code that
is no language tag is an error."""

from __future__ import annotations

import json

import pytest
from cli_helpers import assert_one_line_error, run

from mtcheck import check
from mtcheck.languages import language_for
from mtcheck.rules import all_rules

NO_DATA = "zz"  # a well-formed code no language data will ever have (ISO 639 leaves qaa-qtz, zz unassigned)

# The rules that need no language knowledge (MT707 and MT708 need a language's CLDR plural
# rules, which languages without a folder have too, but `zz` has not).
INDEPENDENT = [r for r in all_rules() if not r.needs_language_data and r.applies_to(NO_DATA)]


@pytest.mark.parametrize("code, served_by", [
    ("pt-BR", "pt"), ("pt_BR", "pt"), ("PT-br", "pt"), ("es-419", "es"), ("de_DE.UTF-8", "de"),
    ("en-GB", "en"), ("fr-CA", "fr"), ("ru-RU", "ru"),
    ("hr", "sh"), ("bs-BA", "sh"), ("sr-Latn", "sh"), ("sr_RS@latin", "sh"), ("sh", "sh"), ("tl", "fil"),
])
def test_regional_and_posix_codes_are_served_by_the_language_data(code, served_by):
    assert language_for(code).code == served_by and language_for(code).has_data


@pytest.mark.parametrize("code", ["zh-Hant", "zh-TW", "sr-Latn", "nb", "no", "iw", "in", "cs", "tr", "uk", "qaa"])
def test_no_code_is_refused(tmp_path, capsys, code):
    path = tmp_path / "a.txt"
    path.write_text("One sentence  with two spaces and an &amp; entity.\n", encoding="utf-8")
    rc, out, err = run(capsys, "check", "--lang", code, str(path))
    assert rc == 1, err  # findings, not an error
    assert "MT203" in out and "MT302" in out


def test_serbian_without_a_script_is_not_served_by_the_latin_serbo_croatian_data():
    assert not language_for("sr").has_data and not language_for("sr-Cyrl").has_data


def test_legacy_codes_name_their_current_language():
    assert language_for("iw").code == language_for("he").code
    assert language_for("in").code == language_for("id").code
    assert language_for("no").code == language_for("nb").code


@pytest.mark.parametrize("code", ["12", "english!", "e", "pt--BR"])
def test_a_malformed_code_is_a_one_line_error(tmp_path, capsys, code):
    path = tmp_path / "a.txt"
    path.write_text("Text.\n", encoding="utf-8")
    rc, _, err = run(capsys, "check", "--lang", code, str(path))
    assert rc == 2
    assert_one_line_error(err, "not a language code")


@pytest.mark.parametrize("rule", INDEPENDENT, ids=lambda r: r.code)
def test_language_independent_rules_find_their_examples_in_a_language_without_data(rule):
    for ex in rule.examples:
        found_in_own = check(ex.plain, lang=ex.lang, source=ex.source, source_lang=ex.source_lang)
        if not any(f.code == rule.code and (f.start, f.end) == ex.span for f in found_in_own):
            continue  # the example needs a glossary or other setting of its test
        found = check(ex.plain, lang=NO_DATA, source=ex.source, source_lang=ex.source_lang)
        assert any(f.code == rule.code and (f.start, f.end) == ex.span for f in found), (rule.code, ex.text)


@pytest.mark.parametrize("rule", INDEPENDENT, ids=lambda r: r.code)
def test_language_independent_rules_stay_quiet_on_their_clean_texts_without_data(rule):
    for _, text in rule.clean:
        assert [f for f in check(text, lang=NO_DATA) if f.code == rule.code] == [], text


def test_rules_that_need_data_do_not_run_without_it():
    text = "The soldiers surrenderedin the city. they said that that was all."
    codes = {f.code for f in check(text, lang=NO_DATA)}
    assert codes.isdisjoint({r.code for r in all_rules() if r.needs_language_data})


def test_the_text_output_names_the_rules_that_did_not_run_once(tmp_path, capsys):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Dobrý den  všem.\n", encoding="utf-8")
    rc, out, _ = run(capsys, "check", "--lang", NO_DATA, str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    notes = [line for line in out.splitlines() if line.startswith("note:")]
    assert len(notes) == 1 and "no language data" in notes[0] and "MT101" in notes[0]
    rc, out, _ = run(capsys, "check", "--lang", "en", str(tmp_path / "a.txt"))
    assert "note:" not in out


def test_jsonl_target_lang_in_any_form(tmp_path, capsys):
    path = tmp_path / "r.jsonl"
    rows = [{"id": "1", "translation": "Eles chegaramna cidade ontem.", "target_lang": "pt-BR"},
            {"id": "2", "translation": "Ahoj  světe.", "target_lang": "cs_CZ"}]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    rc, out, err = run(capsys, "check", "--format", "json", str(path))
    assert rc == 1, err
    by_record = {(f["record"], f["code"]) for f in json.loads(out)["findings"]}
    assert ("1", "MT101") in by_record and ("2", "MT203") in by_record


def test_the_docs_list_every_language_as_mtcheck_languages_does(capsys):
    from pathlib import Path

    page = (Path(__file__).parents[1] / "docs" / "languages.md").read_text(encoding="utf-8")
    table = page.split("<!-- mtcheck languages: begin -->\n")[1].split("<!-- mtcheck languages: end -->")[0]
    rc, out, _ = run(capsys, "languages", "--format", "markdown")
    assert rc == 0 and table == out, "docs/languages.md's table is stale: paste `mtcheck languages --format markdown`"


def test_detection_answers_every_language_with_data_on_a_paragraph_of_its_treebank(shared):
    from mtcheck.text.langdetect import detect
    from mtcheck.languages import with_data

    wrong = {}
    for path in sorted((shared / "data" / "ud").glob("*-*.jsonl")):
        rows = [json.loads(line) for line in path.open(encoding="utf-8")][:40]
        if rows[0]["lang"] not in with_data():
            continue
        paragraphs = [" ".join(r["text"] for r in rows[i:i + 10]) for i in range(0, 40, 10)]
        found = [detect(p) for p in paragraphs]
        if any(f != rows[0]["lang"] for f in found):
            wrong[path.name] = found
    assert not wrong


@pytest.mark.parametrize("text", ["OK", "Click here", "Maria Santos"])
def test_a_text_too_short_to_tell_is_undetermined_and_checked_without_language_data(tmp_path, capsys, text):
    from mtcheck.text.langdetect import detect

    assert detect(text) == "und"
    path = tmp_path / "a.txt"
    path.write_text(text + "  &amp;\n", encoding="utf-8")
    rc, out, err = run(capsys, "check", str(path))
    assert rc == 1 and "MT203" in out and "MT302" in out  # the language-independent rules ran
    assert out.count("note: und: language not recognised") == 1


def test_turkish_sentence_case_capitalises_a_dotted_i_as_dotted():
    """MT403 is off for Turkish (agglutinated forms the lexicon lacks), but its repair, and
    every case change of a rule, goes through the language's own rule: `istanbul` at a
    sentence start becomes `İstanbul`, not `Istanbul`."""
    from mtcheck.document import Document
    from mtcheck.languages import get_language
    from mtcheck.rules.casing import SentenceCase

    text = "Dün akşam Ankara çok soğuktu ve yağmur yağdı. istanbul ise çok daha sıcaktı."
    found = list(SentenceCase().check(Document(text, lang="tr"), get_language("tr")))
    assert [f.fixes[0].edits[0].replacement for f in found] == [". İstanbul"]
