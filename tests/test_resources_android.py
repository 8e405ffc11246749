"""Android ``res/values*/strings.xml`` read as records (mtcheck/io/resources/android.py): the
values as Android shows them, their sources in ``values/``, fix writing only what changed.

Every file is written here, with invented app strings.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path, PurePath

import pytest

from cli_helpers import assert_one_line_error, run
from mtcheck.document import MASK
from mtcheck.finding import Edit
from mtcheck.io.readers import InputError
from mtcheck.io.resources import android, read as read_resource

pytest.importorskip("lxml", reason="lxml (extra `formats`) is not installed")

SOURCE = """\
<?xml version="1.0" encoding="utf-8"?>
<resources xmlns:xliff="urn:oasis:names:tc:xliff:document:1.2">
    <string name="app_name" translatable="false">Notekeeper</string>
    <string name="save">Save the note</string>
    <string name="delete">Delete this note?</string>
    <string name="welcome">Welcome back, <xliff:g id="name" example="Anna">%1$s</xliff:g>!</string>
    <string name="share">Share the note with your friends</string>
    <string name="archive">Move the note to the archive</string>
    <string-array name="sort">
        <item>By date</item>
        <item>By title</item>
    </string-array>
    <plurals name="notes">
        <item quantity="one"><xliff:g id="count">%d</xliff:g> note</item>
        <item quantity="other"><xliff:g id="count">%d</xliff:g> notes</item>
    </plurals>
</resources>
"""

GERMAN = """\
<?xml version="1.0" encoding="utf-8"?>
<resources xmlns:xliff="urn:oasis:names:tc:xliff:document:1.2">
    <!-- Translated by a machine -->
    <string name="save">"Notiz  speichern"</string>
    <string name="delete">Diese Notiz löschen ?</string>
    <string name="welcome">Willkommen zurück, <xliff:g id="name" example="Anna">%1$s</xliff:g>!</string>
    <string name="share">Share the note with your friends</string>
    <string-array name="sort">
        <item>Nach Datum</item>
        <item>Nach Titel</item>
    </string-array>
    <plurals name="notes">
        <item quantity="one"><xliff:g id="count">%d</xliff:g> Notiz</item>
        <item quantity="other"><xliff:g id="count">%d</xliff:g> Notizen</item>
    </plurals>
</resources>
"""


def project(tmp_path: Path, german: str = GERMAN, source: str | None = SOURCE, folder: str = "values-de") -> Path:
    res = tmp_path / "app" / "src" / "main" / "res"
    (res / folder).mkdir(parents=True)
    if source is not None:
        (res / "values").mkdir()
        (res / "values" / "strings.xml").write_bytes(source.encode("utf-8"))
    target = res / folder / "strings.xml"
    target.write_bytes(german.encode("utf-8") if isinstance(german, str) else german)
    return target


def entries(xml: str, name: str = "res/values-de/strings.xml"):
    return [(e.key, e.target.text, e.line, e.plural) for e in android.read(xml, name).entries]


def check_json(capsys, *args):
    rc, out, err = run(capsys, "check", "--isolated", "--format", "json", *args)
    assert rc in (0, 1), err
    return json.loads(out)["findings"]


# -- reading ----------------------------------------------------------------------------------


def test_strings_arrays_and_plurals_are_records_with_their_lines():
    assert entries(SOURCE, "res/values/strings.xml") == [
        ("save", "Save the note", 4, None),
        ("delete", "Delete this note?", 5, None),
        ("welcome", f"Welcome back, {MASK}!", 6, None),
        ("share", "Share the note with your friends", 7, None),
        ("archive", "Move the note to the archive", 8, None),
        ("sort[0]", "By date", 10, None),
        ("sort[1]", "By title", 11, None),
        ("notes[one]", f"{MASK} note", 14, ("notes", "one")),
        ("notes[other]", f"{MASK} notes", 15, ("notes", "other")),
    ]


def test_values_are_decoded_as_android_shows_them():
    xml = r"""<resources>
<string name="apostrophe">Don\'t stop</string>
<string name="escapes">Tab\there\nand \"quotes\", \@home \?maybe back\\slash</string>
<string name="unicode">Caf\u00e9 \uD83D\uDE00</string>
<string name="entities">Fish &amp; chips &#233;&#x00E9; &lt;3</string>
<string name="folded">  Two
        lines   of   text  </string>
<string name="quoted">"  Keep  these  spaces  " and  fold these</string>
<string name="quoted_apostrophe">"It's fine in quotes"</string>
<string name="cdata"><![CDATA[Tom\'s   \"mail\"]]></string>
<string name="markup">Tap <b>Save</b> to <i>keep</i> it</string>
<string name="break"> One<br/>two </string>
<string name="html">Tap &lt;b>Save&lt;/b> now</string>
<string name="ref">@string/save</string>
<string name="theme">?attr/title</string>
<string name="not_a_ref">? @home</string>
<string name="tablet" product="tablet">Use the tablet</string>
<color name="bg">#000000</color>
</resources>"""
    got = {key: text for key, text, _, _ in entries(xml)}
    assert got == {
        "apostrophe": "Don't stop",
        "escapes": 'Tab\there\nand "quotes", @home ?maybe back\\slash',
        "unicode": "Café 😀",
        "entities": "Fish & chips éé <3",
        "folded": "Two lines of text",
        "quoted": "  Keep  these  spaces   and fold these",
        "quoted_apostrophe": "It's fine in quotes",
        "cdata": "Tom's \"mail\"",
        "markup": "Tap Save to keep it",
        "break": f" One{MASK}two ",  # with a tag, aapt2 trims nothing (and folds the spaces)
        "html": f"Tap {MASK}Save{MASK} now",
        "not_a_ref": "? @home",
        "tablet#tablet": "Use the tablet",
    }


def test_cdata_is_android_text_too():
    """aapt2 reads a CDATA section through the same escapes and white space folding: an
    unescaped apostrophe there is its error as well."""
    with pytest.raises(InputError, match=r"line 1: unescaped apostrophe .* in `c`"):
        android.read("<resources><string name=\"c\"><![CDATA[Tom's]]></string></resources>", "values-de/s.xml")
    assert entries(r"<resources><string name='c'><![CDATA[Tom\'s   mail]]></string></resources>") == [
        ("c", "Tom's mail", 1, None)]


@pytest.mark.parametrize("folder, lang", [
    ("values-de", "de"), ("values-pt-rBR", "pt-BR"), ("values-b+sr+Latn", "sr-Latn"), ("values-de-land", "de"),
    ("values-mcc262-de", "de"), ("values-zh-rTW", "zh-TW"), ("values", None), ("values-night", None),
    ("values-land", None), ("values-v21", None), ("values-sw600dp", None), ("values-car", None), ("layout", None),
])
def test_the_folder_qualifiers_name_the_language(folder, lang):
    assert android.language(PurePath(f"res/{folder}/strings.xml")) == lang


def test_tools_locale_names_the_default_resources_language():
    xml = '<resources xmlns:tools="http://schemas.android.com/tools" tools:locale="es"><string name="a">Hola</string></resources>'
    assert android.read(xml, "res/values/strings.xml").lang == "es"


def test_a_resource_file_is_an_xml_file_in_values_whose_root_is_resources(tmp_path):
    def file(rel: str, text: str) -> Path:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    assert android.is_resource(file("res/values-de/strings.xml", '<?xml version="1.0"?>\n<!-- x -->\n<resources/>'))
    assert android.is_resource(file("res/values-night/colors.xml", "<resources><color name='a'>#fff</color></resources>"))
    assert not android.is_resource(file("res/values/pom.xml", "<project><modelVersion/></project>"))
    assert not android.is_resource(file("res/layout/main.xml", "<resources/>"))
    assert not android.is_resource(file("res/values/notes.txt", "<resources/>"))


def test_a_folder_walk_checks_the_translations_and_skips_other_xml(capsys, tmp_path):
    target = project(tmp_path)
    res = target.parent.parent
    (res / "values-night").mkdir()
    (res / "values-night" / "colors.xml").write_text("<resources><color name='bg'>#000</color></resources>\n")
    (res / "layout").mkdir()
    (res / "layout" / "main.xml").write_text("<LinearLayout/>\n")
    (tmp_path / "pom.xml").write_text("<project>Build  the app</project>\n")
    found = check_json(capsys, str(tmp_path))
    assert {f["path"] for f in found} == {str(target)}


# -- the source, by convention --------------------------------------------------------------


def test_the_source_is_values_with_the_other_qualifiers_first():
    assert android.source_paths(PurePath("res/values-de-land/strings.xml"), None) == [
        Path("res/values-land/strings.xml"), Path("res/values/strings.xml")]
    assert android.source_paths(PurePath("res/values-b+sr+Latn/arrays.xml"), "en") == [Path("res/values/arrays.xml")]
    assert android.source_paths(PurePath("res/values/strings.xml"), None) == []
    assert android.source_paths(PurePath("res/values-night/strings.xml"), None) == []


def test_records_carry_their_source_and_languages(tmp_path):
    target = project(tmp_path)
    records, _ = read_resource(target.read_text(encoding="utf-8"), "android", str(target))
    by_id = {r.id: r for r in records}
    assert by_id["delete"].fields["source"] == "Delete this note?"
    assert by_id["notes[one]"].fields["source"] == f"{MASK} note"
    assert {r.fields["target_lang"] for r in records} == {"de"}
    assert {r.fields["source_lang"] for r in records} == {"en"}


def test_findings_per_key_missing_and_unchanged_keys(capsys, tmp_path):
    target = project(tmp_path)
    found = check_json(capsys, str(target))
    got = {(f["record"], f["line"], f["code"]) for f in found}
    assert ("save", 4, "MT203") in got  # inside quotes the two spaces are shown
    assert ("delete", 5, "MT202") in got
    assert ("share", 7, "MT608") in got  # left as its source
    assert ("archive", 7, "MT607") in got  # missing: at the line of the key before it in the source
    assert not any(f["record"] == "app_name" for f in found)  # translatable="false"
    assert not any(f["record"].startswith(("welcome", "notes", "sort")) for f in found)


def test_folded_white_space_is_not_a_doubled_space(capsys, tmp_path):
    """Outside quotes Android shows one space for `Notiz  speichern`: nothing to flag."""
    target = project(tmp_path, GERMAN.replace('"Notiz  speichern"', "Notiz  speichern\n        bitte"))
    found = check_json(capsys, str(target))
    assert not any(f["record"] == "save" for f in found)


# -- fix -------------------------------------------------------------------------------------


def test_fix_writes_only_the_changed_characters(capsys, tmp_path):
    target = project(tmp_path)
    rc, out, err = run(capsys, "fix", "--isolated", str(target))
    assert rc in (0, 1), err
    assert "Fixed 2 finding(s)" in out + err  # every fixable finding check reported
    assert target.read_bytes().decode("utf-8") == GERMAN.replace('"Notiz  speichern"', '"Notiz speichern"').replace(
        "löschen ?", "löschen?")


def test_a_file_with_nothing_to_fix_is_written_back_byte_for_byte(capsys, tmp_path):
    clean = ('<?xml version="1.0" encoding="utf-8"?>\n<!-- keep   this -->\n<resources\n'
             '  xmlns:xliff="urn:oasis:names:tc:xliff:document:1.2">\n'
             "    <string name='save'  >Notiz\n        speichern</string>\n"
             '    <string name="esc">Tippe \\"OK\\" f&#252;r &amp; <![CDATA[mehr]]>\\u00e9</string>\n'
             '    <string name="welcome">Hallo <xliff:g id="n">%1$s</xliff:g>!</string>\n'
             "</resources>")
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
    expected = german.replace('"Notiz  speichern"', '"Notiz speichern"').replace("löschen ?", "löschen?")
    assert target.read_bytes() == expected.encode("utf-8")


def _write(xml: str, key: str, new: str, edits: list[Edit] | None = None) -> str:
    """The file after the value of ``key`` is set to ``new`` by the splicer (as fix does)."""
    records, writer = read_resource(xml, "android", "res/values-de/strings.xml")
    i = next(n for n, r in enumerate(records) if r.id == key)
    return writer.write(xml, {i: new}, {i: edits} if edits else None)


def test_new_apostrophes_quotes_ampersands_and_line_breaks_are_escaped():
    xml = '<resources>\n  <string name="a">Das ist die Datei</string>\n</resources>\n'
    new = "Das ist l'amie \"Datei\" & <3\nneu"
    written = _write(xml, "a", new)
    assert written == ('<resources>\n  <string name="a">Das ist l\\\'amie \\"Datei\\" &amp; &lt;3\\nneu'
                       '</string>\n</resources>\n')
    assert android.read(written, "values-de/strings.xml").entries[0].target.text == new


def test_a_fix_next_to_escapes_and_markup_keeps_them():
    xml = '<resources><string name="a">Tippe  \\"OK\\" <b>jetzt</b> ,bitte</string></resources>'
    old = 'Tippe "OK" jetzt ,bitte'  # the two spaces after `Tippe` are one on screen
    at = old.index(" ,")
    written = _write(xml, "a", 'Tippe "OK" jetzt, bitte', [Edit(at, at + 1, ""), Edit(at + 2, at + 2, " ")])
    assert written == '<resources><string name="a">Tippe  \\"OK\\" <b>jetzt</b>, bitte</string></resources>'


def test_a_fix_that_would_remove_a_placeholder_is_not_written():
    xml = '<resources><string name="a">Hallo <xliff:g xmlns:xliff="urn:oasis:names:tc:xliff:document:1.2" id="n">%1$s</xliff:g>!</string></resources>'
    assert _write(xml, "a", "Hallo !") == xml


def test_inside_cdata_no_entity_is_written():
    xml = "<resources><string name='a'><![CDATA[Fisch und Chips]]></string></resources>"
    assert _write(xml, "a", "Fisch & Chips") == xml  # `&` cannot be written there: left as it was
    assert _write(xml, "a", "Fisch und Pommes") == "<resources><string name='a'><![CDATA[Fisch und Pommes]]></string></resources>"


# -- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize("xml, needles", [
    ('<resources>\n  <string name="a">Hallo</strin>\n</resources>', ["line 2", "not well-formed XML"]),
    ("<resources>\n\n  <string name=\"a\">Geht's</string>\n</resources>", ["line 3", "unescaped apostrophe", "`a`"]),
    ('<resources>\n  <string name="a">\\u00zz</string>\n</resources>', ["line 2", "invalid unicode escape"]),
    ('<!DOCTYPE r [<!ENTITY x "y">]>\n<resources/>', ["line 1", "refused"]),
    ('<manifest package="a"/>', ["line 1", "not an Android resource file"]),
    ('<resources>\n<plurals name="n">\n<item quantity="fwe">x</item>\n</plurals>\n</resources>',
     ["line 3", "`fwe` is not a plural quantity of `n`"]),
])
def test_a_malformed_file_is_a_one_line_error_with_its_line(capsys, tmp_path, xml, needles):
    target = project(tmp_path, xml, source=None)
    rc, _, err = run(capsys, "check", "--isolated", str(target))
    assert rc == 2
    assert_one_line_error(err, "strings.xml", *needles)


def test_a_broken_source_names_the_translation(capsys, tmp_path):
    target = project(tmp_path, source="<resources><string name='a'>Don't</string></resources>")
    rc, _, err = run(capsys, "check", "--isolated", str(target))
    assert rc == 2
    assert_one_line_error(err, "values/strings.xml", "unescaped apostrophe", f"the source of {target}")


def test_missing_lxml_is_one_line(capsys, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "lxml", None)
    target = project(tmp_path, source=None)
    rc, _, err = run(capsys, "check", "--isolated", str(target))
    assert rc == 2
    assert_one_line_error(err, "strings.xml", "lxml", "pip install 'mtcheck[formats]'")


def test_random_fixes_never_corrupt_a_value():
    """Values built of escapes, quotes, folded white space, entities, CDATA and markup, edited at
    random: each write is either not made, refused (a one-line error), or reads back as the new
    text exactly."""
    import random

    rng = random.Random(19)
    pieces = ["Wort", " ", "  ", "\n    ", "\\'", '\\"', '"', "\\n", "\\t", "\\\\", "&amp;", "&#233;",
              "\\u00e9", "<b>fett</b>", "é", ",", "?", "<![CDATA[c d]]>", "\\@"]
    inserts = ["a", " ", "'", '"', "\n", "\t", "\\", "&", "<", ">", "é", ",", "  ", "@"]
    written = 0
    for _ in range(400):
        body = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 7)))
        xml = f'<resources>\n  <string name="k">{body}</string>\n</resources>\n'
        try:
            records, writer = read_resource(xml, "android", "res/values-de/strings.xml")
        except InputError:
            continue  # what aapt2 refuses (an apostrophe the quotes left unescaped)
        chars = list(records[0].fields["translation"])
        for _ in range(rng.randint(1, 3)):
            at = rng.randint(0, len(chars))
            if chars and rng.random() < 0.4:
                del chars[min(at, len(chars) - 1)]
            else:
                chars.insert(at, rng.choice(inserts))
        new = "".join(chars)
        try:
            out = writer.write(xml, {0: new})
        except InputError:
            continue
        if out != xml:
            written += 1
            assert android.read(out, "values-de/strings.xml").entries[0].target.text == new, (body, new, out)
    assert written > 250  # most edits are written


def test_an_empty_element_takes_no_text():
    xml = '<resources><string name="a"/><string name="b"></string></resources>'
    assert _write(xml, "a", "Neu") == xml
    assert _write(xml, "b", "Neu") == '<resources><string name="a"/><string name="b">Neu</string></resources>'


def test_a_plural_lacking_the_forms_polish_needs_is_reported_per_form(tmp_path, capsys):
    import json as _json

    from cli_helpers import run as _run

    (tmp_path / "res" / "values").mkdir(parents=True)
    (tmp_path / "res" / "values-pl").mkdir()
    plurals = ('<?xml version="1.0" encoding="utf-8"?>\n<resources>\n    <plurals name="notes">\n'
               '        <item quantity="one">%d {one}</item>\n        <item quantity="other">%d {other}</item>\n'
               '    </plurals>\n</resources>\n')
    (tmp_path / "res" / "values" / "strings.xml").write_text(plurals.format(one="note", other="notes"))
    (tmp_path / "res" / "values-pl" / "strings.xml").write_text(plurals.format(one="notatka", other="notatki"))
    rc, out, err = _run(capsys, "check", "--isolated", "--format", "json", str(tmp_path / "res" / "values-pl" / "strings.xml"))
    assert rc == 1, err
    missing = [(f["record"], f["line"]) for f in _json.loads(out)["findings"] if f["code"] == "MT607"]
    assert missing == [("notes[few]", 5), ("notes[many]", 5)]
