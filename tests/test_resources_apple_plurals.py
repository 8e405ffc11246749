"""Apple ``.stringsdict`` files read as records (mtcheck/io/resources/apple_plurals.py): the
format key and each plural form, their sources beside them, fix writing only what changed.

Every file is written here, with invented app strings.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from cli_helpers import assert_one_line_error, run
from mtcheck.io.resources import apple_plurals, read as read_resource

pytest.importorskip("lxml", reason="lxml (extra `formats`) is not installed")

HEAD = """\
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
"""


def plural(key: str, fmt: str, forms: dict[str, str], variable: str = "notes") -> str:
    lines = [f"\t<key>{key}</key>", "\t<dict>", "\t\t<key>NSStringLocalizedFormatKey</key>",
             f"\t\t<string>{fmt}</string>", f"\t\t<key>{variable}</key>", "\t\t<dict>",
             "\t\t\t<key>NSStringFormatSpecTypeKey</key>", "\t\t\t<string>NSStringPluralRuleType</string>",
             "\t\t\t<key>NSStringFormatValueTypeKey</key>", "\t\t\t<string>d</string>"]
    for form, text in forms.items():
        lines += [f"\t\t\t<key>{form}</key>", f"\t\t\t<string>{text}</string>"]
    return "\n".join(lines + ["\t\t</dict>", "\t</dict>", ""])


SOURCE = HEAD + plural("notes_selected", "%#@notes@ selected", {"one": "%d note", "other": "%d notes"}) \
    + plural("files_left", "%#@files@ left", {"one": "%d file", "other": "%d files"}, "files") \
    + plural("tasks_done", "%#@tasks@ finished today", {"one": "%d task", "other": "%d tasks"}, "tasks") \
    + "</dict>\n</plist>\n"
GERMAN = HEAD + plural("notes_selected", "%#@notes@ ausgewählt", {"one": "%d  Notiz", "other": "%d Notizen"}) \
    + plural("tasks_done", "%#@tasks@ finished today", {"one": "%d Aufgabe", "other": "%d Aufgaben"}, "tasks") \
    + "</dict>\n</plist>\n"


def project(tmp_path: Path, german: str | bytes = GERMAN, source: str | None = SOURCE) -> Path:
    app = tmp_path / "App"
    (app / "de.lproj").mkdir(parents=True)
    if source is not None:
        (app / "en.lproj").mkdir()
        (app / "en.lproj" / "Localizable.stringsdict").write_text(source, encoding="utf-8")
    target = app / "de.lproj" / "Localizable.stringsdict"
    target.write_bytes(german.encode("utf-8") if isinstance(german, str) else german)
    return target


def check_json(capsys, *args):
    rc, out, err = run(capsys, "check", "--isolated", "--format", "json", *args)
    assert rc in (0, 1), err
    return json.loads(out)["findings"]


# -- reading ----------------------------------------------------------------------------------


def test_the_format_key_and_each_plural_form_are_records():
    got = [(e.key, e.target.text, e.line, e.plural)
           for e in apple_plurals.read(GERMAN, "de.lproj/Localizable.stringsdict").entries]
    assert got == [
        ("notes_selected", "%#@notes@ ausgewählt", 8, None),
        ("notes_selected.notes[one]", "%d  Notiz", 16, ("notes_selected.notes", "one")),
        ("notes_selected.notes[other]", "%d Notizen", 18, ("notes_selected.notes", "other")),
        ("tasks_done", "%#@tasks@ finished today", 24, None),
        ("tasks_done.tasks[one]", "%d Aufgabe", 32, ("tasks_done.tasks", "one")),
        ("tasks_done.tasks[other]", "%d Aufgaben", 34, ("tasks_done.tasks", "other")),
    ]


def test_entities_cdata_comments_and_other_rule_types():
    text = (HEAD + "\t<!-- a comment -->\n\t<key>k</key>\n\t<dict>\n"
            "\t\t<key>NSStringLocalizedFormatKey</key><string>Fish &amp; <![CDATA[<chips>]]></string>\n"
            "\t\t<key>width</key><dict><key>NSStringFormatSpecTypeKey</key>"
            "<string>NSStringVariableWidthRuleType</string><key>20</key><string>Wide</string></dict>\n"
            "\t</dict>\n\t<key>not_a_dict</key><string>skipped</string>\n</dict>\n</plist>\n")
    got = [(e.key, e.target.text, e.plural) for e in apple_plurals.read(text, "de.lproj/x.stringsdict").entries]
    assert got == [("k", "Fish & <chips>", None), ("k.width[20]", "Wide", None)]


def test_languages_and_sources_are_found_as_for_strings_files():
    from pathlib import PurePath

    path = PurePath("App/de.lproj/Localizable.stringsdict")
    assert apple_plurals.language(path) == "de"
    assert apple_plurals.is_resource(path)
    assert apple_plurals.source_paths(path, None)[0] == Path("App/Base.lproj/Localizable.stringsdict")


# -- with the source ----------------------------------------------------------------------


def test_findings_per_form_missing_plural_and_unchanged_value(capsys, tmp_path):
    target = project(tmp_path)
    found = check_json(capsys, str(target))
    got = {(f["record"], f["line"], f["code"]) for f in found}
    assert ("notes_selected.notes[one]", 16, "MT203") in got
    assert ("tasks_done", 24, "MT608") in got
    # the format key and the plural (once, not per form), at the line of the value before them
    missing = {(f["record"], f["line"]) for f in found if f["code"] == "MT607"}
    assert missing == {("files_left", 18), ("files_left.files[one]", 18)}


def test_records_carry_their_source(tmp_path):
    target = project(tmp_path)
    records, _ = read_resource(target.read_text(encoding="utf-8"), "stringsdict", str(target))
    by_id = {r.id: r for r in records}
    assert by_id["notes_selected.notes[other]"].fields["source"] == "%d notes"
    assert by_id["notes_selected"].fields["source"] == "%#@notes@ selected"


# -- fix -------------------------------------------------------------------------------------


def test_fix_writes_only_the_changed_characters(capsys, tmp_path):
    target = project(tmp_path)
    rc, out, err = run(capsys, "fix", "--isolated", str(target))
    assert rc in (0, 1), err
    assert "Fixed 1 finding(s)" in out + err  # every fixable finding check reported
    assert target.read_text(encoding="utf-8") == GERMAN.replace("%d  Notiz", "%d Notiz")


def test_a_file_with_nothing_to_fix_is_written_back_byte_for_byte(capsys, tmp_path):
    clean = GERMAN.replace("%d  Notiz", "%d Notiz&#x20;").replace("<plist version", "<!-- x -->\n<plist  version")
    target = project(tmp_path, clean, source=None)
    before = target.read_bytes()
    rc, _, err = run(capsys, "fix", "--isolated", str(target))
    assert rc == 0, err
    assert target.read_bytes() == before


def test_crlf_and_bom_round_trip(capsys, tmp_path):
    german = "\ufeff" + GERMAN.replace("\n", "\r\n")
    target = project(tmp_path, german.encode("utf-8"))
    rc, _, err = run(capsys, "fix", "--isolated", str(target))
    assert rc in (0, 1), err
    assert target.read_bytes() == german.replace("%d  Notiz", "%d Notiz").encode("utf-8")


def test_what_a_fix_writes_is_xml_escaped():
    records, writer = read_resource(GERMAN, "stringsdict", "de.lproj/Localizable.stringsdict")
    i = next(n for n, r in enumerate(records) if r.id == "notes_selected.notes[other]")
    written = writer.write(GERMAN, {i: "%d Notizen & <mehr>"})
    assert written == GERMAN.replace("%d Notizen", "%d Notizen &amp; &lt;mehr&gt;")


# -- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize("text, needles", [
    (HEAD + "<key>a</key>\n<dict>\n</dict>\n</plist>\n", ["line 8", "not well-formed XML"]),
    (HEAD + "<key>a</key>\n</dict>\n</plist>\n", ["line 5", "a <key> without a value"]),
    (HEAD + "<string>a</string>\n</dict>\n</plist>\n", ["line 5", "found <string>"]),
    ('<?xml version="1.0"?>\n<resources/>\n', ["line 2", "not a .stringsdict file"]),
    ('<!DOCTYPE plist [<!ENTITY big "x">]>\n<plist/>\n', ["line 1", "refused"]),
])
def test_a_malformed_file_is_a_one_line_error_with_its_line(capsys, tmp_path, text, needles):
    target = project(tmp_path, text, source=None)
    rc, _, err = run(capsys, "check", "--isolated", str(target))
    assert rc == 2
    assert_one_line_error(err, "Localizable.stringsdict", *needles)


def test_missing_lxml_is_one_line(capsys, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "lxml", None)
    target = project(tmp_path, source=None)
    rc, _, err = run(capsys, "check", "--isolated", str(target))
    assert rc == 2
    assert_one_line_error(err, "Localizable.stringsdict", "lxml", "pip install 'mtcheck[formats]'")


def test_variables_are_placeholders_a_translated_name_is_reported(capsys, tmp_path):
    """`%#@files@` names a key of the file: left as the source has it, it is no untranslated
    text; renamed by the machine (`%#@Dateien@`), it breaks the plural."""
    source = HEAD + plural("moved", "%#@files@ in %#@folders@", {"one": "%d file", "other": "%d files"}, "files") \
        + "</dict>\n</plist>\n"
    same = source.replace("%d file", "%d Datei")
    target = project(tmp_path, same, source)
    assert not [f for f in check_json(capsys, str(target)) if f["record"] == "moved"]
    target.write_text(same.replace("%#@files@ in", "%#@Dateien@ in"), encoding="utf-8")
    found = [(f["record"], f["code"]) for f in check_json(capsys, str(target))]
    assert ("moved", "MT701") in found


def test_an_empty_string_element_takes_no_text():
    text = GERMAN.replace("<string>%d Notizen</string>", "<string/>")
    records, writer = read_resource(text, "stringsdict", "de.lproj/Localizable.stringsdict")
    i = next(n for n, r in enumerate(records) if r.id == "notes_selected.notes[other]")
    assert records[i].fields["translation"] == ""
    assert writer.write(text, {i: "%d Notizen"}) == text
