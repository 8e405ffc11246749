"""Apple ``.strings`` files read as records (mtcheck/io/resources/apple.py): keys and values as
CoreFoundation reads them, sources in ``Base.lproj`` or the source language's ``.lproj``, fix
writing only what changed.

Every file is written here, with invented app strings.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePath

import pytest

from cli_helpers import assert_one_line_error, run
from mtcheck.io.readers import InputError
from mtcheck.io.resources import apple, read as read_resource

SOURCE = """\
/* The button that saves a note */
"save.button" = "Save the note";

// Shown after a note is deleted
"deleted" = "The note was deleted.";
"share" = "Share with your friends";
"greeting" = "Say \\"hello\\" to everyone";
"""

GERMAN = """\
/* The button that saves a note */
"save.button" = "Notiz  speichern";

// Shown after a note is deleted
"share" = "Share with your friends";
"greeting" = "Sag \\"hallo\\" zu allen !";
"""


def project(tmp_path: Path, german: str | bytes = GERMAN, source: str | None = SOURCE,
            source_folder: str = "en.lproj", name: str = "Localizable.strings") -> Path:
    app = tmp_path / "App"
    (app / "de.lproj").mkdir(parents=True)
    if source is not None:
        (app / source_folder).mkdir(exist_ok=True)
        (app / source_folder / name).write_text(source, encoding="utf-8")
    target = app / "de.lproj" / name
    target.write_bytes(german.encode("utf-8") if isinstance(german, str) else german)
    return target


def entries(text: str):
    return [(e.key, e.target.text, e.line) for e in apple.read(text, "de.lproj/Localizable.strings").entries]


def check_json(capsys, *args):
    rc, out, err = run(capsys, "check", "--isolated", "--format", "json", *args)
    assert rc in (0, 1), err
    return json.loads(out)["findings"]


# -- reading ----------------------------------------------------------------------------------


def test_keys_values_and_lines():
    assert entries(SOURCE) == [
        ("save.button", "Save the note", 2),
        ("deleted", "The note was deleted.", 5),
        ("share", "Share with your friends", 6),
        ("greeting", 'Say "hello" to everyone', 7),
    ]


def test_escapes_quotes_and_unquoted_strings_are_read_as_corefoundation_reads_them():
    text = ('"tab" = "a\\tb\\nc\\rd";\n'
            '"unicode" = "Caf\\U00e9 \\UD83D\\UDE00 \\U41";\n'
            '"octal" = "\\101\\60";\n'
            '"other" = "\\\\ \\\' \\q";\n'
            "'single' = 'It\\'s \"fine\"';\n"
            'unquoted_key = "x";\n'
            '"unquoted" = value.1;\n'
            '"multi\nline" = "one\ntwo"; // a comment after\n'
            '/* a comment = "no"; */\n'
            '"same";\n')
    assert entries(text) == [
        ("tab", "a\tb\nc\rd", 1),
        ("unicode", "Café 😀 A", 2),
        ("octal", "A0", 3),
        ("other", "\\ ' q", 4),
        ("single", 'It\'s "fine"', 5),
        ("unquoted_key", "x", 6),
        ("unquoted", "value.1", 7),
        ("multi\nline", "one\ntwo", 9),  # the line where the value starts
        ("same", "same", 12),
    ]


def test_comments_only_is_no_record():
    assert entries("/* No strings yet */\n// none\n") == []


@pytest.mark.parametrize("path, lang", [
    ("App/de.lproj/Localizable.strings", "de"), ("pt-BR.lproj/InfoPlist.strings", "pt-BR"),
    ("zh-Hans.lproj/Main.strings", "zh-Hans"), ("en_GB.lproj/Localizable.strings", "en-GB"),
    ("Base.lproj/Main.strings", None), ("Resources/Localizable.strings", None),
])
def test_the_lproj_folder_names_the_language(path, lang):
    assert apple.language(PurePath(path)) == lang


def test_a_resource_file_is_in_an_lproj_folder():
    assert apple.is_resource(PurePath("App/de.lproj/Localizable.strings"))
    assert apple.is_resource(PurePath("App/Base.lproj/Main.strings"))
    assert not apple.is_resource(PurePath("build/Localizable.strings"))


# -- the source, by convention --------------------------------------------------------------


def test_the_source_is_base_then_english_or_the_configured_language_then_base():
    path = PurePath("App/fr.lproj/Localizable.strings")
    assert apple.source_paths(path, None) == [Path("App/Base.lproj/Localizable.strings"),
                                              Path("App/en.lproj/Localizable.strings")]
    assert apple.source_paths(path, "de") == [Path("App/de.lproj/Localizable.strings"),
                                              Path("App/Base.lproj/Localizable.strings")]
    assert apple.source_paths(PurePath("App/Base.lproj/Localizable.strings"), None) == []


@pytest.mark.parametrize("folder", ["en.lproj", "Base.lproj"])
def test_findings_per_key_missing_and_unchanged_keys(capsys, tmp_path, folder):
    target = project(tmp_path, source_folder=folder)
    found = check_json(capsys, str(target))
    got = {(f["record"], f["line"], f["code"]) for f in found}
    assert ("save.button", 2, "MT203") in got
    assert ("greeting", 6, "MT202") in got
    assert ("share", 5, "MT608") in got
    assert ("deleted", 2, "MT607") in got  # at the line of the key before it in the source


def test_records_carry_their_source_and_languages(tmp_path):
    target = project(tmp_path, source_folder="Base.lproj")
    records, _ = read_resource(target.read_text(encoding="utf-8"), "strings", str(target))
    by_id = {r.id: r for r in records}
    assert by_id["greeting"].fields["source"] == 'Say "hello" to everyone'
    assert {(r.fields["source_lang"], r.fields["target_lang"]) for r in records} == {("en", "de")}


def test_base_wins_over_english_when_no_source_language_is_configured(tmp_path):
    target = project(tmp_path, source_folder="Base.lproj")
    (target.parent.parent / "en.lproj").mkdir()
    (target.parent.parent / "en.lproj" / "Localizable.strings").write_text('"share" = "Share it";\n', encoding="utf-8")
    records, _ = read_resource(target.read_text(encoding="utf-8"), "strings", str(target))
    assert {r.id: r.fields["source"] for r in records}["share"] == "Share with your friends"


# -- fix -------------------------------------------------------------------------------------

FIXED = GERMAN.replace("Notiz  speichern", "Notiz speichern").replace("allen !", "allen!")


def test_fix_writes_only_the_changed_characters(capsys, tmp_path):
    target = project(tmp_path)
    rc, out, err = run(capsys, "fix", "--isolated", str(target))
    assert rc in (0, 1), err
    assert "Fixed 2 finding(s)" in out + err  # every fixable finding check reported
    assert target.read_text(encoding="utf-8") == FIXED


def test_a_file_with_nothing_to_fix_is_written_back_byte_for_byte(capsys, tmp_path):
    clean = ('/* Notes */\n"save"   =\t"Notiz speichern" ;  // saved\n'
             "'title' = 'Caf\\U00e9 \\\"Mond\\\"';\nok = OK;\n\n")
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
    assert target.read_bytes() == ("\ufeff" + FIXED.replace("\n", "\r\n")).encode("utf-8")


def _write(text: str, key: str, new: str) -> str:
    records, writer = read_resource(text, "strings", "de.lproj/Localizable.strings")
    i = next(n for n, r in enumerate(records) if r.id == key)
    return writer.write(text, {i: new})


def test_what_a_fix_writes_is_escaped_as_the_string_is_quoted():
    new = 'Sag "ja"\nund \\ nein'
    assert _write('"a" = "Sag ja";\n', "a", new) == '"a" = "Sag \\"ja\\"\\nund \\\\ nein";\n'
    assert _write("'a' = 'Sag ja';\n", "a", "Sag 'ja'") == "'a' = 'Sag \\'ja\\'';\n"
    assert apple.read(_write('"a" = "Sag ja";\n', "a", new), "x.strings").entries[0].target.text == new


def test_unquoted_and_shortcut_values_are_never_written_with_what_they_cannot_hold():
    assert _write("a = OK;\n", "a", "O K") == "a = OK;\n"
    assert _write('"Save  it";\n', "Save  it", "Save it") == '"Save  it";\n'  # the key is the value


# -- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize("text, needles", [
    ('"a" = "b";\n"c" = "d"\n"e" = "f";\n', ["line 2", "missing ';'"]),
    ('"a" = "b;\n', ["line 1", "does not end"]),
    ('"a" = ("b");\n', ["line 1", "a .strings value is a string"]),
    ('"a" "b";\n', ["line 1", "expected '='"]),
    ('"a" = "b";\n/* open\n', ["line 2", "comment that does not end"]),
])
def test_a_malformed_file_is_a_one_line_error_with_its_line(capsys, tmp_path, text, needles):
    target = project(tmp_path, text, source=None)
    rc, _, err = run(capsys, "check", "--isolated", str(target))
    assert rc == 2
    assert_one_line_error(err, "Localizable.strings", *needles)


def test_utf16_is_refused_with_the_way_out(capsys, tmp_path):
    target = project(tmp_path, '"a" = "b";\n'.encode("utf-16"), source=None)
    rc, _, err = run(capsys, "check", "--isolated", str(target))
    assert rc == 2
    assert_one_line_error(err, "UTF-16", "convert it to UTF-8")


def test_the_parser_reports_the_value_line_of_a_missing_semicolon():
    with pytest.raises(InputError, match="line 4: .*missing ';'"):
        apple.read('"a" = "b";\n\n"c" =\n  "d"\n\n"e" = "f";', "x.strings")


def test_random_fixes_never_corrupt_a_value():
    """Values of escapes and quotes edited at random always read back as the new text."""
    import random

    rng = random.Random(19)
    pieces = ["Wort", " ", "  ", '\\"', "\\n", "\\t", "\\\\", "\\U00e9", "é", ",", "'", "\\'", "\\101"]
    inserts = ["a", " ", "'", '"', "\n", "\t", "\\", "é", ",", "\x01"]
    for _ in range(400):
        text = '"k" = "' + "".join(rng.choice(pieces) for _ in range(rng.randint(1, 7))) + '";\n'
        records, writer = read_resource(text, "strings", "de.lproj/Localizable.strings")
        chars = list(records[0].fields["translation"])
        for _ in range(rng.randint(1, 3)):
            at = rng.randint(0, len(chars))
            if chars and rng.random() < 0.4:
                del chars[min(at, len(chars) - 1)]
            else:
                chars.insert(at, rng.choice(inserts))
        new = "".join(chars)
        out = writer.write(text, {0: new})
        assert apple.read(out, "x.strings").entries[0].target.text == new, (text, new, out)
