"""Fluent .ftl files as records: reading, the source in the en-US folder, fix splicing."""

from __future__ import annotations

import json

import pytest
from cli_helpers import assert_one_line_error, run

from mtcheck.document import Document
from mtcheck.io.readers import InputError
from mtcheck.io.resources import fluent
from mtcheck.text.placeholders import placeholders, protected_spans

SOURCE = """\
### Strings of the main window

## Toolbar

-brand-name = Acme Notes
welcome = Welcome to { -brand-name }, { $user }!
open-file = Open the file
    .title = Open a file from your computer
unread =
    { $count ->
        [one] You have one unread note.
       *[other] You have { $count } unread notes.
    }
about =
    This program keeps your notes safe.
    It works offline.
save = Save
"""

TRANSLATION = """\
### Hauptfenster

-brand-name = Acme Notes
welcome = Willkommen bei { -brand-name }, { $user }!
open-file = Die Datei öffnen
    .title = Eine Datei von Ihrem Computer öffnen
unread =
    { $count ->
        [one] Sie haben eine ungelesene Notiz.
       *[other] Sie haben { $count } ungelesene Notizen.
    }
about =
    Dieses Programm hält Ihre Notizen sicher.
    Es funktioniert  offline.
save = Speichern
"""


def entries(text: str) -> list[tuple[str, str, int]]:
    return [(e.key, e.target.text, e.line) for e in fluent.read(text, "de.ftl").entries]


def test_messages_attributes_terms_and_multiline_values():
    got = entries(TRANSLATION)
    assert got[:3] == [("-brand-name", "Acme Notes", 3),
                       ("welcome", "Willkommen bei { -brand-name }, { $user }!", 4),
                       ("open-file", "Die Datei öffnen", 5)]
    assert ("open-file.title", "Eine Datei von Ihrem Computer öffnen", 6) in got
    assert ("about", "Dieses Programm hält Ihre Notizen sicher.\nEs funktioniert  offline.", 13) in got
    unread = dict((k, v) for k, v, _ in got)["unread"]
    # The selector is one record: its lines, the common indentation (4) removed.
    assert unread == ("{ $count ->\n    [one] Sie haben eine ungelesene Notiz.\n"
                      "   *[other] Sie haben { $count } ungelesene Notizen.\n}")


def test_comments_are_no_records_and_blank_lines_inside_a_value_are_kept():
    text = "# a comment\nnote =\n    First.\n\n    Second.\n\n\n## Group\nnext = x\n"
    assert entries(text) == [("note", "First.\n\nSecond.", 3), ("next", "x", 9)]


def test_column_zero_attributes_and_placeables_continue_the_message():
    text = "k = Eins\n{ $n } Dateien\n.title = Titel\n"
    assert entries(text) == [("k", "Eins\n{ $n } Dateien", 1), ("k.title", "Titel", 3)]


def test_a_block_value_keeps_the_indentation_its_first_line_has_beyond_the_rest():
    assert entries("k =\n      Eins\n    zwei\n")[0][1] == "  Eins\nzwei"


def test_a_message_with_only_attributes_has_no_value_record():
    assert entries("login =\n    .placeholder = E-Mail-Adresse\n    .aria-label = Anmelden\n") == [
        ("login.placeholder", "E-Mail-Adresse", 2), ("login.aria-label", "Anmelden", 3)]


def test_spans_map_each_character_to_the_file():
    text = "k =\n    Eins\n    zwei\n"
    target = fluent.read(text, "de.ftl").entries[0].target
    assert "".join(text[s:e] for s, e in target.spans) == "Eins\n    zwei"
    assert text[slice(*target.spans[4])] == "\n    "  # the line break with the next line's indent


@pytest.mark.parametrize("text, line, needle", [
    ("ok = fine\nbroken line\n", 2, "not a message"),
    ("ok = fine\nkey = { $n\n", 2, "not closed"),
    ("a = b }\n", 1, "closes no placeable"),
    ("empty =\nnext = x\n", 1, "has no value"),
    ("k = v\n    * a bullet\n", 2, "may not start with `*`"),
    ("#bad comment\n", 1, "a comment is"),
    ("   indented = x\n", 1, "indented line outside"),
    ("k = Siehe { unten rechts }\n", 1, "not an expression"),
    ("k =\n    { $n ->\n        [one] eins\n        [other] mehr\n    }\n", 2, "one default variant"),
    ("k =\n    { $n ->\n       *[other] mehr\n    * }\n", 4, "may not start with `*`"),
])
def test_malformed_file_is_an_error_with_its_line(text, line, needle):
    with pytest.raises(InputError) as exc:
        fluent.read(text, "de.ftl")
    assert f"de.ftl: line {line}:" in str(exc.value) and needle in str(exc.value)


def test_malformed_file_is_one_line_error_in_the_cli(tmp_path, capsys):
    path = tmp_path / "de" / "main.ftl"
    path.parent.mkdir()
    path.write_text("ok = fine\n= no id\n", encoding="utf-8")
    rc, _, err = run(capsys, "check", str(path))
    assert rc == 2
    assert_one_line_error(err, "main.ftl: line 2:")


def test_placeables_are_protected_and_prose_braces_are_not():
    text = 'Hi { $user }, { -brand-name.short } at { NUMBER($n, style: "percent") } and { "{" }'
    assert [t for _, t in protected_spans(text)] == [
        "{ $user }", "{ -brand-name.short }", '{ NUMBER($n, style: "percent") }',
        '{ "{" }']
    assert protected_spans("Use { and } or { see below } and {a, b} in prose, -x- too.") == []


def test_selector_syntax_is_protected_and_its_variants_are_prose():
    text = "{ $n ->\n    [one] One file\n   *[other] { $n } files\n}"
    doc = Document(text, "en")
    masked = doc.masked
    assert "One file" in masked and " files" in masked  # the variants are text the rules read
    for syntax in ("{ $n ->", "[one]", "*[other]", "{ $n }"):
        start = text.index(syntax)
        assert doc.is_protected(start, start + len(syntax)), syntax
    assert masked.rstrip().endswith("\ue000")  # the closing brace


def test_placeables_are_compared_with_the_source():
    keys = [p.key for p in placeholders("Hallo { $user }, { -brand } { $n -> *[other] x }")]
    assert keys == ["{$user}", "{-brand}", "{$n ->}"]


def write_tree(tmp_path, translation: str = TRANSLATION, folder: str = "de"):
    (tmp_path / "locales" / "en-US").mkdir(parents=True)
    (tmp_path / "locales" / folder).mkdir()
    (tmp_path / "locales" / "en-US" / "main.ftl").write_text(SOURCE, encoding="utf-8")
    path = tmp_path / "locales" / folder / "main.ftl"
    path.write_bytes(translation.encode("utf-8"))
    return path


def findings(capsys, path) -> list[dict]:
    rc, out, _ = run(capsys, "check", "--format", "json", str(path))
    assert rc in (0, 1)
    return json.loads(out)["findings"]


def test_source_in_the_en_us_folder_gives_per_key_checks(tmp_path, capsys):
    path = write_tree(tmp_path, TRANSLATION.replace("{ $user }!", "!"))
    found = {(f["code"], f["record"]) for f in findings(capsys, path)}
    assert ("MT701", "welcome") in found  # the placeable the source has
    assert ("MT203", "about") in found


def test_source_found_for_a_regional_folder_and_in_an_en_folder(tmp_path):
    assert fluent.source_paths(tmp_path / "locales" / "de-DE" / "main.ftl", None)[0] == \
        tmp_path / "locales" / "en-US" / "main.ftl"
    (tmp_path / "locales" / "en-GB").mkdir(parents=True)
    found = fluent.source_paths(tmp_path / "locales" / "fr" / "main.ftl", "en")
    assert found == [tmp_path / "locales" / n / "main.ftl" for n in ("en", "en-GB")]


def test_missing_key_and_unchanged_value_are_reported(tmp_path, capsys):
    translation = TRANSLATION.replace("save = Speichern\n", "").replace(
        "Eine Datei von Ihrem Computer öffnen", "Open a file from your computer")
    found = {(f["code"], f["record"]) for f in findings(capsys, write_tree(tmp_path, translation))}
    assert ("MT607", "save") in found
    assert ("MT608", "open-file.title") in found


def test_fix_writes_only_the_changed_characters(tmp_path, capsys):
    path = write_tree(tmp_path)
    rc, _, _ = run(capsys, "fix", str(path))
    assert rc in (0, 1)
    assert path.read_text(encoding="utf-8") == TRANSLATION.replace("funktioniert  offline", "funktioniert offline")


def test_a_clean_file_is_written_back_byte_for_byte(tmp_path, capsys):
    clean = TRANSLATION.replace("funktioniert  offline", "funktioniert offline")
    path = write_tree(tmp_path, clean)
    before = path.read_bytes()
    run(capsys, "fix", str(path))
    assert path.read_bytes() == before


@pytest.mark.parametrize("crlf, bom", [(True, False), (False, True), (True, True)])
def test_crlf_and_bom_round_trip(tmp_path, capsys, crlf, bom):
    text = TRANSLATION.replace("\n", "\r\n") if crlf else TRANSLATION
    path = write_tree(tmp_path)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    assert [e.target.text for e in fluent.read(text, "de.ftl").entries][3].endswith("öffnen")
    run(capsys, "fix", str(path))
    expected = text.replace("funktioniert  offline", "funktioniert offline")
    assert path.read_bytes() == (b"\xef\xbb\xbf" if bom else b"") + expected.encode("utf-8")


def test_a_fix_across_the_line_break_keeps_the_continuation(tmp_path, capsys):
    text = "about =\n    Das Programm ist ist\n    schnell.\n"
    path = tmp_path / "de" / "main.ftl"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    run(capsys, "fix", "--unsafe-fixes", str(path))
    fixed = path.read_text(encoding="utf-8")
    assert fixed in ("about =\n    Das Programm ist\n    schnell.\n", "about =\n    Das Programm ist schnell.\n")
    assert fluent.read(fixed, "de.ftl").entries[0].target.text.endswith("schnell.")


def test_escape_refuses_braces_and_keeps_the_indent():
    target = fluent.read("k =\n  a\n  b\n", "de.ftl").entries[0].target
    assert target.escape("x\ny") == "x\n  y"
    assert target.escape("{") is None and target.escape("x\n[one]") is None


def test_is_resource_and_language():
    from pathlib import PurePath

    assert fluent.language(PurePath("locales/pt-BR/main.ftl")) == "pt-BR"
    assert fluent.language(PurePath("browser.de.ftl")) == "de"
    assert not fluent.is_resource(PurePath("ftl/main.ftl"))


def test_a_fix_that_would_empty_a_value_leaves_it_and_the_rest_is_fixed(tmp_path, capsys):
    text = "promo = (Lesen Sie auch: Die besten Filme des Jahres)\nabout = Es funktioniert  offline.\n"
    path = tmp_path / "de" / "main.ftl"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    rc, _, err = run(capsys, "fix", "--unsafe-fixes", str(path))
    assert rc in (0, 1) and not err.startswith("mtcheck: error")
    assert path.read_text(encoding="utf-8") == text.replace("funktioniert  offline", "funktioniert offline")


def test_a_value_its_place_cannot_hold_is_left_as_it_was():
    from mtcheck.io.resources import read

    text = "a = Eins  zwei\nb = Drei  vier\n"
    _, writer = read(text, "fluent", "de.ftl")
    # `{` would open a placeable: value a is left, value b is written.
    assert writer.write(text, {0: "Eins { zwei", 1: "Drei vier"}) == "a = Eins  zwei\nb = Drei vier\n"


def test_a_value_fluent_cannot_say_there_is_left_and_the_others_are_written():
    from mtcheck.finding import Edit
    from mtcheck.io.resources import read

    text = "a = Eins zwei\nb = Drei  vier\n"
    _, writer = read(text, "fluent", "de.ftl")
    # `Eins\n zwei`: a continuation line's leading space is indentation to Fluent, not text.
    new = writer.write(text, {0: "Eins\n zwei", 1: "Drei vier"}, {0: [Edit(4, 4, "\n")], 1: [Edit(4, 6, " ")]})
    assert new == "a = Eins zwei\nb = Drei vier\n"
