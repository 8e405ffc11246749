"""i18n JSON and ARB resource files: values as records, the source found by convention, fixes
spliced into the file. Every file here is written by the test, with invented app strings."""

from __future__ import annotations

import json

import pytest

from cli_helpers import assert_one_line_error, run
from mtcheck.io.readers import expand_paths, read_input

pytestmark = pytest.mark.usefixtures("in_tmp")

EN = {"menu": {"save": "Save your changes", "open": "Open a file"},
      "welcome": "Hello {{name}}, you have new messages.",
      "items_one": "{{count}} item", "items_other": "{{count}} items",
      "help": "Read the guide before you start."}


def write(path, data) -> str:
    from pathlib import Path

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return str(path)


def findings(capsys, *args) -> list[dict]:
    rc, out, err = run(capsys, "check", "--isolated", "--format", "json", *args)
    assert rc in (0, 1), err
    return json.loads(out)["findings"]


def by_code(found: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for f in found:
        out.setdefault(f["code"], []).append(f)
    return out


def test_nested_keys_array_items_and_lines():
    write("de.json", '{\n  "menu": {\n    "save": "Speichern",\n    "n": 3\n  },\n  "list": ["Eins", "Zwei"]\n}\n')
    inp = read_input("de.json")
    assert inp.kind == "json"
    assert [(r.id, r.translation, r.line) for r in inp.records] == [
        ("menu.save", "Speichern", 3), ("list[0]", "Eins", 6), ("list[1]", "Zwei", 6)]
    assert {r.fields["target_lang"] for r in inp.records} == {"de"}


def test_the_source_is_the_same_key_in_the_source_language_file(capsys):
    write("locales/en.json", json.dumps(EN, indent=2))
    de = dict(EN, menu={"save": "Save your changes", "open": "Eine Datei öffnen"},
              welcome="Hallo {{name}}, Sie haben neue Nachrichten.", items_one="{{count}} Element",
              items_other="{{count}} Elemente")
    del de["help"]
    write("locales/de.json", json.dumps(de, indent=2, ensure_ascii=False))
    found = by_code(findings(capsys, "locales/de.json"))
    assert [(f["record"], f["line"]) for f in found["MT607"]] == [("help", 8)]  # at items_other, the key before it
    assert [f["record"] for f in found["MT608"]] == ["menu.save"]
    assert set(found) == {"MT607", "MT608"}, found
    records = read_input("locales/de.json").records
    assert {r.id: r.fields["source"] for r in records}["welcome"] == EN["welcome"]


def test_a_placeholder_lost_against_the_source_is_found(capsys):
    write("locales/en/common.json", json.dumps({"greet": "Hello {{name}}, welcome back."}))
    write("locales/fr/common.json", json.dumps({"greet": "Bonjour, bon retour parmi nous."}))
    found = by_code(findings(capsys, "locales/fr/common.json"))
    assert [f["record"] for f in found["MT701"]] == ["greet"]


def test_the_source_language_file_has_no_source_and_the_configured_language_wins(capsys):
    write("l/fr.json", json.dumps({"a": "Enregistrer les modifications"}))
    write("l/de.json", json.dumps({"a": "Enregistrer les modifications"}))
    assert read_input("l/fr.json", source_lang="fr").records[0].fields["source"] is None
    assert read_input("l/de.json", source_lang="fr").records[0].fields["source"] == "Enregistrer les modifications"
    found = findings(capsys, "--source-lang", "fr", "l/de.json")
    assert [f["code"] for f in found] == ["MT608"]


def test_fix_rewrites_only_the_changed_characters_and_keeps_escapes(capsys):
    text = ('{\n  "a": "Die Soldaten  verlie\\u00dfen die Stadt.",\n  "b": "Gr\\u00fc\\u00dfe",  "n": 1e400,\n'
            '  "c": "Sie habenneue Nachrichten."\n}\n')
    write("de.json", text)
    rc, _, err = run(capsys, "fix", "--isolated", "de.json")
    assert rc in (0, 1), err
    with open("de.json", encoding="utf-8") as fh:
        fixed = fh.read()
    assert fixed == text.replace("Soldaten  verlie", "Soldaten verlie").replace("habenneue", "haben neue")


def test_a_file_with_nothing_to_fix_is_written_back_byte_for_byte(capsys):
    data = b'\xef\xbb\xbf{\r\n  "a": "Die Stadt ist ruhig.",\r\n  "b": "Caf\\u00e9"\r\n}'
    write("de.json", data)
    rc, _, err = run(capsys, "fix", "--isolated", "de.json")
    assert rc == 0, err
    with open("de.json", "rb") as fh:
        assert fh.read() == data


def test_an_arb_file_skips_metadata_and_names_its_locale():
    write("lib/l10n/app_en.arb", json.dumps({"@@locale": "en", "title": "My photos",
                                             "@title": {"description": "The app bar title"}}))
    write("lib/l10n/app_de.arb", json.dumps({"@@locale": "de", "title": "Meine Fotos",
                                             "@title": {"description": "Titel"}}))
    records = read_input("lib/l10n/app_de.arb").records
    assert [(r.id, r.translation, r.fields["source"], r.fields["target_lang"]) for r in records] == [
        ("title", "Meine Fotos", "My photos", "de")]


def test_plural_forms_are_one_plural_for_missing_keys(capsys):
    write("l/en.json", json.dumps({"files_one": "{{count}} file", "files_other": "{{count}} files"}))
    write("l/ja.json", json.dumps({"files_other": "{{count}} 個のファイル"}, ensure_ascii=False))
    write("l/pl.json", json.dumps({"other": "Inny"}))
    assert [f for f in findings(capsys, "l/ja.json") if f["code"] == "MT607"] == []  # ja needs only `other`
    missing = [f["record"] for f in findings(capsys, "l/pl.json") if f["code"] == "MT607"]
    assert missing == ["files_one"]  # the plural, once


def test_a_malformed_file_is_a_one_line_error_with_its_line(capsys):
    write("de.json", '{\n  "a": "Eins",\n  "b": "Zwei"\n  "c": "Drei"\n}\n')
    rc, _, err = run(capsys, "check", "--isolated", "de.json")
    assert rc == 2
    assert_one_line_error(err, "de.json: line 4", "not valid JSON")


def test_a_malformed_source_is_named_in_the_error(capsys):
    write("l/en.json", '{"a": "One",}')
    write("l/de.json", '{"a": "Eins"}')
    rc, _, err = run(capsys, "check", "--isolated", "l/de.json")
    assert rc == 2
    assert_one_line_error(err, "l/en.json: line 1", "the source of l/de.json")


def test_a_directory_walk_takes_language_files_and_force_exclude_sorts_named_files():
    for name in ("locales/de.json", "locales/pt-BR/app.json", "package.json", "tsconfig.json", "notes.md"):
        write(name, "{}" if name.endswith(".json") else "Notes.\n")
    assert expand_paths(["."]) == ["locales/de.json", "locales/pt-BR/app.json", "notes.md"]
    assert expand_paths(["package.json", "locales/de.json"]) == ["package.json", "locales/de.json"]
    assert expand_paths(["package.json", "locales/de.json"], force_exclude=True) == ["locales/de.json"]


def test_a_plural_lacking_a_form_its_language_needs_is_reported_per_form(capsys):
    write("l/en.json", json.dumps({"files_one": "{{count}} file", "files_other": "{{count}} files"}))
    write("l/pl.json", json.dumps({"files_one": "{{count}} plik", "files_other": "{{count}} pliku"}))
    write("l/ru.json", json.dumps({"files_one": "{{count}} файл", "files_few": "{{count}} файла",
                                   "files_many": "{{count}} файлов", "files_other": "{{count}} файла"},
                                  ensure_ascii=False))
    found = [f for f in findings(capsys, "l/pl.json") if f["code"] == "MT607"]
    assert [f["record"] for f in found] == ["files_few", "files_many"]
    assert "Polish" in found[0]["message"] and found[0]["line"] == 1
    assert [f for f in findings(capsys, "l/ru.json") if f["code"] == "MT607"] == []
