"""Message syntax (mtcheck.text.messages), CLDR plural data (mtcheck.languages.plurals) and the
rules on them, MT706–MT709; every message here is invented for the test."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import mtcheck
from mtcheck.checker import check_document
from mtcheck.config import Config
from mtcheck.document import Document
from mtcheck.fixes import apply_fixes
from mtcheck.languages.plurals import PLURALS_FILE, SAMPLES_LISTED, plural_categories, required_categories
from mtcheck.text.messages import parse, parse_fluent, parse_icu
from mtcheck.text.placeholders import compare

ROOT = Path(__file__).resolve().parents[1]
MESSAGE_RULES = ["MT706", "MT707", "MT708", "MT709"]


def codes(text: str, lang: str, source: str | None = None, select=None) -> list[tuple[str, str]]:
    """(code, flagged text) of the findings of ``select`` (default: every rule)."""
    doc = Document(text, lang, source=source, source_lang="en" if source else None)
    return [(f.code, f.text) for f in check_document(doc, Config(select=select) if select else Config())]


def records(texts: list[str], sources: list[str | None], lang: str, select=None):
    doc = Document.from_records(texts, [f"k{i}" for i in range(len(texts))], list(range(1, len(texts) + 1)),
                                lang, sources=sources, source_lang="en")
    return check_document(doc, Config(select=select) if select else Config())


# -- the parser ---------------------------------------------------------------------------------
def test_nested_arguments_and_their_depths():
    m = parse_icu("{g, select, female {{n, plural, one {She has # file in {dir}} other {She has # files}}}"
                  " other {{n, plural, one {# file} other {# files}}}}")
    assert m.ok
    assert [(a.name, a.type, a.depth) for a in m.arguments] == [
        ("g", "select", 0), ("n", "plural", 1), ("dir", None, 2), ("n", "plural", 1)]
    assert [(c.argument.name, c.keys) for c in m.choices] == [  # in the order of their heads
        ("g", ["female", "other"]), ("n", ["one", "other"]), ("n", ["one", "other"])]
    outer, first, second = m.choices
    assert outer.variants[0].body_start <= first.argument.start < outer.variants[0].body_end
    assert outer.variants[1].body_start <= second.argument.start < outer.variants[1].body_end


def test_syntax_and_text_spans_cover_the_message_once():
    text = "{n, plural, offset:1 =0 {Nobody} one {{host} alone} other {{host} and # others}} came"
    m = parse_icu(text)
    assert m.ok
    covered = sorted(m.syntax_spans + m.text_spans)
    assert covered[0][0] == 0 and covered[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(covered, covered[1:]))  # no gap, no overlap
    assert [text[s:e] for s, e in m.text_spans] == ["Nobody", " alone", " and ", " others", " came"]
    assert "offset:1" in "".join(text[s:e] for s, e in m.syntax_spans)


@pytest.mark.parametrize("text,arguments,quoted", [
    ("It''s {n}", ["n"], []),                       # '' is an apostrophe
    ("'{n}' is literal", [], ["{n}"]),               # '{ starts quoted text
    ("l'{n} fichier", [], ["{n} fichier"]),          # quoted to the end: the argument is gone
    ("l'eau {n}", ["n"], []),                         # an apostrophe before a letter is itself
    ("{n, plural, other {'#' is # and '{'x'}'}}", ["n"], ["#", "{", "}"]),
])
def test_icu_apostrophe_quoting(text, arguments, quoted):
    m = parse_icu(text)
    assert [a.name for a in m.arguments] == arguments
    assert [text[s:e] for s, e in m.quoted] == quoted


@pytest.mark.parametrize("text,message,at", [
    ("{n, plural, one {# file} other {# files}", "never closed", 0),
    ("{n, plural, one {# file} other {# files}}}", "closes no", 41),
    ("{n, plural, one {# file}}", "no `other`", 0),
    ("{n, plural, uno {# file} other {# files}}", "no plural category", 12),
    ("{n, plural, one # file other {# files}}", "needs its message in braces", 12),
    ("{n, plurale, one {x} other {y}}", "no argument type", 4),
    ("{n, select, male {x} male {y} other {z}}", "a key twice", 21),
])
def test_icu_errors_and_their_offsets(text, message, at):
    errors = parse_icu(text).errors
    assert errors and message in errors[0].message and errors[0].start == at, errors


@pytest.mark.parametrize("text", ["{n, plural, other {" * 3000, "{ " * 5000, "}" * 20000 + "{n, plural, other {#}}",
                                  "{n, select, other {" + "{ " * 5000 + "}}"])
def test_a_text_broken_everywhere_gives_a_few_errors_not_a_crash(text):
    for m in (parse_icu(text), parse_fluent(text)):
        assert 1 <= len(m.errors) <= 8


def test_fluent_placeables_selectors_and_errors():
    m = parse_fluent("Hi { $user }, { -brand } has { $n ->\n    [0] no tabs\n    [one] one tab\n   *[other] { $n } tabs\n}")
    assert m.ok
    assert [(a.name, a.type) for a in m.arguments] == [("user", "variable"), ("-brand", "term"), ("n", "variable"),
                                                      ("n", "variable")]
    (choice,) = m.choices
    assert choice.type == "plural" and choice.keys == ["0", "one", "other"]
    assert [v.default for v in choice.variants] == [False, False, True]
    gender = parse_fluent("{ $g ->\n    [male] his\n   *[other] their\n} car").choices[0]
    assert gender.type == "select"
    assert "default" in parse_fluent("{ $n ->\n    [one] x\n    [other] y\n}").errors[0].message
    assert "never closed" in parse_fluent("Hi { $user").errors[0].message
    assert parse_fluent('{ NUMBER($n, minimumFractionDigits: 2) } {"{"}').ok


def test_prose_with_braces_is_no_message():
    for text in ("Sets are written {1, 2, 3}.", "Use {like this} or {that}", "Hi {name}!", "a } b {"):
        assert parse(text) is None, text


# -- CLDR plural data -----------------------------------------------------------------------------
@pytest.mark.parametrize("lang,categories,required", [
    ("pl", {"one", "few", "many", "other"}, {"one", "few", "many", "other"}),
    ("ru", {"one", "few", "many", "other"}, {"one", "few", "many", "other"}),
    ("ar", {"zero", "one", "two", "few", "many", "other"}, {"zero", "one", "two", "few", "many", "other"}),
    ("ja", {"other"}, {"other"}),
    ("cs", {"one", "few", "many", "other"}, {"one", "few", "other"}),  # many: decimals only
    ("fr", {"one", "many", "other"}, {"one", "other"}),  # many: 1 000 000 and up
    ("en", {"one", "other"}, {"one", "other"}),
    ("hr", {"one", "few", "other"}, {"one", "few", "other"}),
    ("pt_PT", {"one", "many", "other"}, {"one", "other"}),
])
def test_plural_categories_of_languages(lang, categories, required):
    assert plural_categories(lang) == categories
    assert required_categories(lang) == required


def test_a_language_without_cldr_rules_has_none():
    assert plural_categories("zz") is None and plural_categories("not a code!") is None


def test_shipped_plural_data_equals_a_fresh_build(tmp_path):
    pytest.importorskip("babel")
    out = tmp_path / "plurals.tsv"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_plural_data.py"), "--out", str(out)],
                   check=True, capture_output=True, cwd=ROOT)
    assert out.read_bytes() == PLURALS_FILE.read_bytes(), "plurals.tsv is stale"
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_plural_data
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    assert build_plural_data.SAMPLES == SAMPLES_LISTED


def test_every_language_with_data_has_plural_rules():
    from mtcheck.languages import with_data

    assert [code for code in with_data() if plural_categories(code) is None] == []


# -- the rules ------------------------------------------------------------------------------------
EN_FILES = "{count, plural, one {# file} other {# files}}"


def test_a_correct_polish_plural_is_quiet():
    text = "{count, plural, one {# plik} few {# pliki} many {# plików} other {# pliku}}"
    assert codes(text, "pl", EN_FILES) == []


def test_polish_without_few_is_reported_once():
    found = codes("{count, plural, one {# plik} many {# plików} other {# pliku}}", "pl", EN_FILES)
    assert found == [("MT707", "{count, plural")]
    doc = Document("{count, plural, one {# plik} other {# plików}}", "pl", source=EN_FILES, source_lang="en")
    (finding,) = check_document(doc, Config(select=["MT707"]))
    assert "`few` (2, 3, 4, 22…)" in finding.message and "`many`" in finding.message


def test_japanese_needs_only_other_and_its_one_is_minor():
    assert codes("{count, plural, other {# 個のファイル}}", "ja", EN_FILES) == []
    doc = Document("{count, plural, one {# 個} other {# 個のファイル}}", "ja", source=EN_FILES, source_lang="en")
    (finding,) = check_document(doc, Config())
    assert (finding.code, finding.severity.value) == ("MT708", "minor")


def test_russian_one_is_not_covered_by_an_explicit_one():
    # Russian `one` is 1, 21, 31…: `=1` leaves 21 to `other`; Polish `one` is 1 alone.
    assert codes("{n, plural, =1 {один файл} few {# файла} many {# файлов} other {# файла}}", "ru", EN_FILES,
                 ["MT707"]) == [("MT707", "{n, plural")]
    assert codes("{count, plural, =1 {jeden plik} few {# pliki} many {# plików} other {# pliku}}", "pl", EN_FILES) == []
    fluent = "{ $n ->\n    [1] Jeden plik\n    [few] { $n } pliki\n    [many] { $n } plików\n   *[other] { $n } pliku\n}"
    assert codes(fluent, "pl", select=["MT707"]) == []


def test_arabic_needs_all_six():
    found = records(["{n, plural, one {ملف} two {ملفان} other {# ملفات}}"], [EN_FILES], "ar", ["MT707"])
    assert len(found) == 1 and all(f"`{c}`" in found[0].message for c in ("zero", "few", "many"))


def test_a_translated_select_key_is_reported_with_its_repair():
    source = "{gender, select, male {He} female {She} other {They}} replied"
    text = "{gender, select, masculino {Él} female {Ella} other {Elle}} respondió"
    doc = Document(text, "es", source=source, source_lang="en")
    found = check_document(doc, Config())
    assert [(f.code, f.text) for f in found] == [("MT709", "masculino")]
    assert apply_fixes(text, found, unsafe=True) == text.replace("masculino", "male")
    assert apply_fixes(text, found, unsafe=False) == text  # unsafe only


def test_a_translated_other_of_a_select_is_one_finding_with_its_repair():
    source = "{g, select, male {He} female {She} other {They}}"
    text = "{g, select, masculino {Él} femenino {Ella} otro {Elle}}"
    doc = Document(text, "es", source=source, source_lang="en")
    found = check_document(doc, Config())
    assert [(f.code, f.text) for f in found] == [("MT709", "masculino"), ("MT709", "femenino"), ("MT709", "otro")]
    assert apply_fixes(text, found, unsafe=True) == "{g, select, male {Él} female {Ella} other {Elle}}"


def test_a_select_key_lost_with_its_variant():
    source = "{g, select, male {He} female {She} other {They}}"
    assert codes("{g, select, male {Él} other {Elle}}", "es", source) == [("MT709", "{g, select")]


def test_malformed_translation_is_reported_and_a_broken_source_excuses_it():
    assert codes("{count, plural, one {# plik} few {# pliki} many {# plików} other {# pliku}",
                 "pl", EN_FILES) == [("MT706", "{")]
    broken_source = "{count, plural, one {# file} other {# files}"
    assert codes("{count, plural, one {# plik} few {# pliki} many {# plików} other {# pliku}",
                 "pl", broken_source, MESSAGE_RULES) == []


def test_malformed_without_a_source_only_where_the_text_is_a_message():
    # One finding: the missing `other` is the key MT translated.
    assert codes("{n, plural, one {# fichier} autre {# fichiers}}", "fr", select=MESSAGE_RULES) == [("MT706", "autre")]
    for prose in ("Les ensembles {1, 2} et {a, b} sont disjoints.", "Voir {la note} ci-dessous }",
                  "Écrivez {nom, prénom} sur la fiche."):
        assert codes(prose, "fr", select=MESSAGE_RULES) == [], prose


def test_a_translated_plural_key_gets_the_source_key_back():
    text = "{count, plural, uno {# archivo} otro {# archivos}}"
    doc = Document(text, "es", source=EN_FILES, source_lang="en")
    found = check_document(doc, Config())
    assert [(f.code, f.text) for f in found] == [("MT706", "uno"), ("MT706", "otro")]  # not also "no other"
    assert apply_fixes(text, found, unsafe=True) == "{count, plural, one {# archivo} other {# archivos}}"


def test_an_apostrophe_that_quotes_an_argument_away():
    source = "{app} update: {n, plural, one {# file} other {# files}}"
    text = "Mise à jour de l'{app} : {n, plural, one {# fichier} other {# fichiers}}"
    doc = Document(text, "fr", source=source, source_lang="en")
    found = check_document(doc, Config(select=MESSAGE_RULES))
    assert [(f.code, f.text) for f in found] == [("MT706", "'{")]
    fixed = apply_fixes(text, found, unsafe=True)
    assert "l''{app}" in fixed and parse_icu(fixed).names() == ["app", "n"]


def test_nested_arguments_are_compared_once():
    source = "{n, plural, one {# file in {folder}} other {# files in {folder}}}"
    renamed = "{n, plural, one {# Datei in {ordner}} other {# Dateien in {ordner}}}"
    found = codes(renamed, "de", source)
    assert found == [("MT709", "{ordner}"), ("MT709", "{ordner}")]  # MT701 masks the plural's bodies
    lost = "{n, plural, one {# Datei in {folder}} other {# Dateien}}"
    assert codes(lost, "de", source) == [("MT709", "other")]
    gone = "{n, plural, one {# Datei} other {# Dateien}}"
    assert [c for c, _ in codes(gone, "de", source)] == ["MT709"]


def test_a_top_level_rename_is_mt701s_alone():
    found = codes("{conteggio, plural, one {# file} other {# file}} selezionati", "it",
                  "{count, plural, one {# file} other {# files}} selected")
    assert found == [("MT701", "{conteggio, plural")]


def test_fluent_plurals_against_the_source():
    source = "{ $n ->\n    [one] One tab in { -brand }\n   *[other] { $n } tabs in { -brand }\n}"
    good = ("{ $n ->\n    [one] Jedna karta w { -brand }\n    [few] { $n } karty w { -brand }\n"
            "    [many] { $n } kart w { -brand }\n   *[other] { $n } karty w { -brand }\n}")
    assert codes(good, "pl", source) == []  # MT701 counts no `$n` copies inside the variants
    assert codes(good.replace("    [few] { $n } karty w { -brand }\n", ""), "pl", source) == [("MT707", "{ $n ->")]
    assert codes(good.replace("*[other]", "[other]"), "pl", source) == [("MT706", "{ $n ->")]


def test_i18next_nesting_and_interpolation_are_compared_by_mt701():
    m = compare("See $t(common:help) and {{name}}", "Siehe $t(allgemein:hilfe) und {{name}}")
    assert [(s.text, t.text) for s, t in m.changed] == [("$t(common:help)", "$t(allgemein:hilfe)")]
    assert compare("See $t(common:help, {\"count\": 2})", "Siehe $t(common:help, {\"count\": 2})") is None
    # One finding for one problem: MT709 leaves top-level placeholders to MT701.
    assert sorted(codes("Siehe $t(allgemein:hilfe) {n, number}", "de", "See $t(common:help) {n, number}")) == [
        ("MT701", "$t(allgemein:hilfe)")]


def test_resource_records_from_an_arb_file(tmp_path, monkeypatch, capsys):
    from cli_helpers import run

    monkeypatch.chdir(tmp_path)
    Path("l10n").mkdir()
    Path("l10n/app_en.arb").write_text(json.dumps({
        "@@locale": "en", "files": EN_FILES, "@files": {"placeholders": {"count": {}}},
        "greet": "{sex, select, male {Welcome, sir} female {Welcome, madam} other {Welcome}}"}), encoding="utf-8")
    Path("l10n/app_pl.arb").write_text(json.dumps({
        "@@locale": "pl", "files": "{count, plural, one {# plik} other {# plików}}",
        "greet": "{sex, select, męski {Witaj, panie} female {Witaj, pani} other {Witaj}}"},
        ensure_ascii=False), encoding="utf-8")
    rc, out, err = run(capsys, "check", "--isolated", "--format", "json", "--select", ",".join(MESSAGE_RULES),
                       "l10n/app_pl.arb")
    assert rc == 1, err
    found = [(f["record"], f["code"]) for f in json.loads(out)["findings"]]
    assert found == [("files", "MT707"), ("greet", "MT709")]


# -- precision: correct messages, all rules -------------------------------------------------------
CORRECT = [
    ("en", "{count, plural, =0 {No files} one {One file} other {# files}} in {folder}",
     "{count, plural, =0 {No files} one {One file} other {# files}} in {folder}"),
    ("de", "Du hast {count, plural, one {eine neue Nachricht} other {# neue Nachrichten}}.",
     "You have {count, plural, one {a new message} other {# new messages}}."),
    ("fr", "{gender, select, female {Elle a partagé} male {Il a partagé} other {Ils ont partagé}} {count, plural, "
           "one {# photo} other {# photos}}.",
     "{gender, select, female {She shared} male {He shared} other {They shared}} {count, plural, one {# photo} "
     "other {# photos}}."),
    ("es", "Tu {pos, selectordinal, other {#.º}} intento", "Your {pos, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} try"),
    ("it", "{n, plural, one {# elemento selezionato} other {# elementi selezionati}}",
     "{n, plural, one {# item selected} other {# items selected}}"),
    ("pt", "{n, plural, one {# arquivo enviado} other {# arquivos enviados}} para {user}",
     "{n, plural, one {# file sent} other {# files sent}} to {user}"),
    ("nl", "{n, plural, one {# bestand} other {# bestanden}} verwijderd uit {map}",
     "{n, plural, one {# file} other {# files}} removed from {map}"),
    ("ru", "{n, plural, one {# новое сообщение} few {# новых сообщения} many {# новых сообщений} other {# нового сообщения}}",
     "{n, plural, one {# new message} other {# new messages}}"),
    ("pl", "Usunięto {n, plural, one {# plik} few {# pliki} many {# plików} other {# pliku}}.",
     "Deleted {n, plural, one {# file} other {# files}}."),
    ("ja", "{n, plural, other {# 件の新着メッセージ}}があります", "You have {n, plural, one {# new message} other {# new messages}}"),
    ("de", "{ $count ->\n    [one] Sie haben eine ungelesene Notiz.\n   *[other] Sie haben { $count } ungelesene Notizen.\n}",
     "{ $count ->\n    [one] You have one unread note.\n   *[other] You have { $count } unread notes.\n}"),
    ("fr", "Bienvenue dans { -brand-name }, { $user } !", "Welcome to { -brand-name }, { $user }!"),
    ("en", "It''s {n, plural, one {# item} other {# items}} in '{'braces'}'", "It''s {n, plural, one {# item} other {# items}} in '{'braces'}'"),
]


@pytest.mark.parametrize("lang,text,source", CORRECT, ids=[f"{c[0]}-{i}" for i, c in enumerate(CORRECT)])
def test_correct_messages_are_quiet_under_every_rule(lang, text, source):
    assert [(f.code, f.text, f.message) for f in mtcheck.check(text, lang=lang, source=source, source_lang="en")] == []
    assert [(f.code, f.text) for f in mtcheck.check(text, lang=lang)] == []  # without the source too


def test_quiet_on_edited_human_text(shared):
    """No message rule fires on human prose (the PUD slices of test_quiet_human_text), where
    braces are rare and never ICU."""
    rows = [json.loads(line) for line in (shared / "data" / "ud" / "pud.jsonl").open(encoding="utf-8")][:500]
    for lang in ("en", "de", "fr", "ru"):
        texts = [r["texts"][lang] for r in rows]
        found = records(texts, [None] * len(texts), lang, MESSAGE_RULES)
        assert found == [], [(f.code, f.text) for f in found]
        with_source = records(texts, [r["texts"]["en"] for r in rows], lang, MESSAGE_RULES)
        assert with_source == []


def test_android_xliff_g_is_a_placeholder_whose_example_is_a_note():
    source = 'Deleted <xliff:g id="count" example="5 files">%1$d</xliff:g> files'
    assert codes('<xliff:g id="count" example="5 Dateien">%1$d</xliff:g> Dateien gelöscht', "de", source) == []
    assert codes('<xliff:g id="anzahl" example="5 files">%1$d</xliff:g> Dateien gelöscht', "de", source) == [
        ("MT701", '<xliff:g id="anzahl" example="5 files">')]  # and no MT401 `Anzahl` inside the tag


def test_only_the_syntax_is_protected_the_variants_text_is_checked():
    # The argument's name is code: no rule "fixes" it (MT401 once proposed `{Count, plural`).
    assert codes("Du hast {count, plural, one {eine neue Nachricht} other {# neue Nachrichten}}.", "de") == []
    # The variants are text like any other: a sentence glued inside one is found.
    found = codes("{n, plural, one {The file was removed.The disk is full.} other {# files were removed.}}", "en")
    assert found == [("MT201", "removed.The")]
    assert codes("{n, plural, one {# soldiersurrendered in the town} other {# soldiers surrendered in the town}}", "en") == [
        ("MT101", "soldiersurrendered")]


def test_java_messageformat_in_properties_files(tmp_path, monkeypatch, capsys):
    """Java's numbered arguments with a type (`{0,number,integer}`) are message structure: its
    syntax is protected (no `number, integer` "fix"), and an apostrophe that quotes an
    argument away is doubled by the unsafe fix, written back into the file."""
    from cli_helpers import run

    monkeypatch.chdir(tmp_path)
    Path("Messages.properties").write_text("files=You have {0,number,integer} files in {1}.\n", encoding="utf-8")
    Path("Messages_fr.properties").write_text("files=Vous avez {0,number,integer} fichiers dans l'{1}.\n",
                                              encoding="utf-8")
    rc, out, err = run(capsys, "check", "--isolated", "--format", "json", "Messages_fr.properties")
    assert rc == 1, err
    assert [(f["code"], f["record"]) for f in json.loads(out)["findings"]] == [("MT706", "files")]
    rc, out, err = run(capsys, "fix", "--isolated", "--unsafe-fixes", "Messages_fr.properties")
    assert rc == 0, err
    assert Path("Messages_fr.properties").read_text(encoding="utf-8") == \
        "files=Vous avez {0,number,integer} fichiers dans l''{1}.\n"


def _mt701(text: str, source: str, lang: str) -> list[str]:
    doc = Document.from_records([text], ["k"], [1], lang, sources=[source], source_lang="en")
    return [f.message for f in check_document(doc, Config(select=["MT701"]))]


@pytest.mark.parametrize("source,text,lang,reported", [
    # Fluent: each language selects as its grammar needs, as long as the variable is still shown.
    ("{ $n -> [one] One file *[other] { $n } files }", "{ $n } 個のファイル", "ja", False),
    ("{ $n } files", "{ $n -> [one] { $n } plik [few] { $n } pliki *[other] { $n } plików }", "pl", False),
    ("{ $n -> [one] One file *[other] { $n } files }", "Dateien", "de", True),
    # ICU: a plural may become its argument only where the language's plurals have only `other`.
    ("{count, plural, one {# file} other {# files}}", "{count} 個のファイル", "ja", False),
    ("{count, plural, one {# file} other {# files}}", "{count} plików", "pl", True),
])
def test_a_translation_may_select_as_its_language_needs(source, text, lang, reported):
    assert bool(_mt701(text, source, lang)) == reported
