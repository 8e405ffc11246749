"""Translation files (PO, XLIFF 1.2, XLIFF 2.0, TMX) through the command line, in process.

Every fixture is written here, with invented sentences. Each test runs in its own empty folder
(``in_tmp``) with ``--isolated``, so no configuration file is picked up.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from cli_helpers import assert_one_line_error, run
from mtcheck.config import Config
from mtcheck.document import MASK
from mtcheck.io.readers import read_input
from mtcheck.checker import documents

pytest.importorskip("translate", reason="translate-toolkit (extra `formats`) is not installed")

pytestmark = pytest.mark.usefixtures("in_tmp")

MERGED = "They have disappearedin the city."
MERGED_FIXED = "They have disappeared in the city."
DOUBLE = "The soldiers  left the city on Monday."
DOUBLE_FIXED = "The soldiers left the city on Monday."
CLEAN = "The ministry said the soldiers left the city on Monday."


def write(path, data: bytes | str):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(path, "wb") as fh:
        fh.write(data)
    return str(path)


def read(path) -> bytes:
    with open(path, "rb") as fh:
        return fh.read()


def check_json(capsys, *args):
    rc, out, err = run(capsys, "check", "--isolated", "--format", "json", *args)
    assert rc in (0, 1), err
    return rc, json.loads(out)


# -- fixtures ---------------------------------------------------------------------------------

PO = f"""\
# Invented strings for the tests.
msgid ""
msgstr ""
"Project-Id-Version: demo 1.0\\n"
"Language: en_GB\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

#: src/app.c:10
msgid "Sie sind in der Stadt verschwunden."
msgstr "{MERGED}"

#: src/app.c:12
#, fuzzy
msgctxt "report"
msgid "Die Soldaten verließen die Stadt."
msgstr ""
"He said: \\"wait\\".\\n"
"{DOUBLE}"

msgid "Leer"
msgstr ""

msgid "one city"
msgid_plural "%d cities"
msgstr[0] "one city"
msgstr[1] "%d cities  in all"

#~ msgid "Alt"
#~ msgstr "They have disappearedin the past."
"""

XLIFF1 = f"""\
<?xml version='1.0' encoding='utf-8'?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="app.txt" source-language="de-DE" target-language="en-US" datatype="plaintext">
    <body>
      <trans-unit id="t1">
        <source>Sie sind in der Stadt verschwunden.</source>
        <target state="translated">{MERGED}</target>
        <note>Keep &amp; check.</note>
      </trans-unit>
      <trans-unit id="t2">
        <source>Klick <g id="1">hier</g><x id="2"/>jetzt.</source>
        <target>Click <g id="1">here</g><x id="2"/>now &amp; then &#233;.</target>
      </trans-unit>
      <trans-unit id="t3">
        <source>Die Soldaten verließen die Stadt.</source>
        <target>{DOUBLE}</target>
      </trans-unit>
      <trans-unit id="t4"><source>Leer</source><target/></trans-unit>
      <trans-unit id="t5" translate="no"><source>x</source><target>{MERGED}</target></trans-unit>
    </body>
  </file>
</xliff>
"""

XLIFF2 = f"""\
<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="de" trgLang="en-GB">
 <file id="f1" original="app.txt">
  <unit id="u1">
   <segment id="s1"><source>Eins.</source><target>{MERGED}</target></segment>
   <segment id="s2"><source>Zwei.</source><target>{CLEAN}</target></segment>
  </unit>
  <unit id="u2">
   <segment><source>Drei.</source><target>{DOUBLE}</target></segment>
  </unit>
 </file>
</xliff>
"""

TMX = f"""\
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
  <header creationtool="demo" creationtoolversion="1" segtype="sentence" o-tmf="demo"
          adminlang="en" srclang="de-DE" datatype="plaintext"/>
  <body>
    <tu tuid="a1">
      <tuv xml:lang="de-DE"><seg>Sie sind in der Stadt verschwunden.</seg></tuv>
      <tuv xml:lang="en-US"><seg>{MERGED}</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="de-DE"><seg>Die Soldaten verließen die Stadt.</seg></tuv>
      <tuv xml:lang="en-US"><seg>{DOUBLE}</seg></tuv>
    </tu>
  </body>
</tmx>
"""


# -- reading: ids, lines, languages -----------------------------------------------------------


def test_po_findings_carry_unit_id_and_msgstr_line(capsys, tmp_path):
    path = write(tmp_path / "strings.po", PO)
    rc, data = check_json(capsys, path)
    assert rc == 1
    got = {(f["record"], f["line"], f["code"]) for f in data["findings"]}
    # msgstr of "Sie sind..." is on line 11; the fuzzy unit's msgstr on line 17; plural form 1 on 27.
    assert ("Sie sind in der Stadt verschwunden.", 11, "MT101") in got
    assert ("report\x04Die Soldaten verließen die Stadt.", 17, "MT203") in got
    assert ("one city[1]", 27, "MT203") in got
    # The obsolete unit (#~) and the header are not checked; the empty msgstr is skipped.
    assert all(f["line"] < 29 for f in data["findings"])
    merged = next(f for f in data["findings"] if f["code"] == "MT101")
    assert merged["path"] == path
    assert merged["column"] == MERGED.index("disappearedin") + 1


def test_po_records_fields():
    write("strings.po", PO)
    inp = read_input("strings.po")
    assert inp.kind == "po"
    ids = [r.id for r in inp.records]
    assert ids == ["Sie sind in der Stadt verschwunden.", "report\x04Die Soldaten verließen die Stadt.",
                   "one city[0]", "one city[1]"]
    second = inp.records[1]
    assert second.translation == f'He said: "wait".\n{DOUBLE}'
    assert second.fields["source"] == "Die Soldaten verließen die Stadt."
    assert inp.records[3].fields["source"] == "%d cities"
    assert {r.fields["target_lang"] for r in inp.records} == {"en-GB"}  # en_GB, its region kept
    assert {r.fields["doc_id"] for r in inp.records} == {"strings.po"}  # one document
    [(indexes, doc)] = list(documents(inp, Config()))
    assert indexes == [0, 1, 2, 3] and doc.lang == "en"


def test_xliff12_ids_lines_languages_and_inline_codes(capsys, tmp_path):
    path = write(tmp_path / "app.xlf", XLIFF1)
    inp = read_input(path)
    assert [r.id for r in inp.records] == ["t1", "t2", "t3"]  # t4 empty, t5 translate="no"
    assert [r.line for r in inp.records] == [7, 12, 16]
    assert {(r.fields["source_lang"], r.fields["target_lang"]) for r in inp.records} == {("de-DE", "en-US")}
    # Paired inline codes keep their text; standalone ones are one MASK character.
    assert inp.records[1].translation == f"Click here{MASK}now & then é."
    assert inp.records[1].fields["source"] == f"Klick hier{MASK}jetzt."
    rc, data = check_json(capsys, path)
    got = {(f["record"], f["line"], f["code"]) for f in data["findings"]}
    assert got == {("t1", 7, "MT101"), ("t3", 16, "MT203")}  # no `herenow` or `nowthen`


def test_xliff20_segment_ids(capsys, tmp_path):
    path = write(tmp_path / "app.xliff", XLIFF2)
    inp = read_input(path)
    assert [r.id for r in inp.records] == ["u1::s1", "u1::s2", "u2"]
    assert [r.line for r in inp.records] == [5, 6, 9]
    assert {(r.fields["source_lang"], r.fields["target_lang"]) for r in inp.records} == {("de", "en-GB")}
    rc, data = check_json(capsys, path)
    assert rc == 1
    got = {(f["record"], f["line"], f["code"]) for f in data["findings"]}
    # translate-toolkit's own reading of XLIFF 2.0 collapses the doubled space; mtcheck's does not.
    assert got == {("u1::s1", 5, "MT101"), ("u2", 9, "MT203")}


def test_tmx_tuid_or_position(capsys, tmp_path):
    # The DOCTYPE names a DTD that does not exist: it is never loaded.
    path = write(tmp_path / "memory.tmx", TMX)
    inp = read_input(path)
    assert [r.id for r in inp.records] == ["a1", "tu 2"]
    assert [r.line for r in inp.records] == [9, 13]
    assert inp.records[0].fields["source"] == "Sie sind in der Stadt verschwunden."
    assert {(r.fields["source_lang"], r.fields["target_lang"]) for r in inp.records} == {("de-DE", "en-US")}
    rc, data = check_json(capsys, path)
    got = {(f["record"], f["line"], f["code"]) for f in data["findings"]}
    assert got == {("a1", 9, "MT101"), ("tu 2", 13, "MT203")}


def test_tmx_with_two_target_languages_gives_one_document_each():
    tmx = TMX.replace(f'<tuv xml:lang="en-US"><seg>{DOUBLE}</seg></tuv>',
                      f'<tuv xml:lang="en-US"><seg>{DOUBLE}</seg></tuv>\n'
                      '      <tuv xml:lang="fr-FR"><seg>Les soldats ont quitté la ville.</seg></tuv>')
    write("memory.tmx", tmx)
    inp = read_input("memory.tmx")
    docs = [(doc.lang, [inp.records[i].id for i in indexes]) for indexes, doc in documents(inp, Config())]
    assert docs == [("en", ["a1", "tu 2"]), ("fr", ["tu 2"])]


def test_text_and_sarif_name_file_unit_and_line(capsys, tmp_path):
    path = write(tmp_path / "strings.po", PO)
    rc, out, _ = run(capsys, "check", "--isolated", "--no-show-source", path)
    assert rc == 1
    assert f"{path}[Sie sind in der Stadt verschwunden.]:11:" in out
    # The U+0004 between msgctxt and msgid is shown escaped: every finding stays on one line.
    assert f"{path}[report\\x04Die Soldaten verließen die Stadt.]:17:" in out
    assert "\x04" not in out
    rc, out, _ = run(capsys, "check", "--isolated", "--format", "sarif", path)
    results = json.loads(out)["runs"][0]["results"]
    merged = next(r for r in results if r["ruleId"] == "MT101")
    assert merged["properties"]["record"] == "Sie sind in der Stadt verschwunden."
    assert merged["locations"][0]["physicalLocation"]["region"]["startLine"] == 11
    assert merged["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("strings.po")


def test_directories_and_stdin_pick_the_formats(capsys, tmp_path, monkeypatch):
    (tmp_path / "tr").mkdir()
    write(tmp_path / "tr" / "a.po", PO)
    write(tmp_path / "tr" / "b.xlf", XLIFF1)
    rc, data = check_json(capsys, "tr")
    assert data["summary"]["files"] == 2
    assert {f["path"].rsplit("/", 1)[-1] for f in data["findings"]} == {"a.po", "b.xlf"}

    import io
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(XLIFF2.encode()), encoding="utf-8"))
    rc, data = check_json(capsys, "--stdin-filename", "in.xlf", "-")
    assert {f["record"] for f in data["findings"]} == {"u1::s1", "u2"}


# -- language: --lang wins over the header ----------------------------------------------------


def test_lang_option_wins_over_the_header(capsys, tmp_path):
    po = PO.replace("Language: en_GB", "Language: xx_YY")
    path = write(tmp_path / "strings.po", po)
    rc, data = check_json(capsys, "--isolated", path)  # xx-YY: no data, no merged-words
    assert not any(f["code"] == "MT101" for f in data["findings"])
    rc, data = check_json(capsys, "--lang", "en", path)
    assert rc == 1 and any(f["code"] == "MT101" for f in data["findings"])
    inp = read_input(path)
    assert [doc.lang for _, doc in documents(inp, Config(), lang="en")] == ["en"]


@pytest.mark.parametrize("header, tag, lang", [("pt_BR", "pt-BR", "pt"), ("es-ES", "es-ES", "es"),
                                              ("de-DE", "de-DE", "de"), ("fr", "fr", "fr")])
def test_header_languages_are_normalized(header, tag, lang):
    """The header's tag is kept, region and all (its conventions are checked); the data is the
    language's."""
    write("strings.po", PO.replace("Language: en_GB", f"Language: {header}"))
    inp = read_input("strings.po")
    assert {r.fields["target_lang"] for r in inp.records} == {tag}
    assert [(doc.tag, doc.lang) for _, doc in documents(inp, Config())] == [(tag, lang)]


def test_no_language_header_detects(capsys):
    write("strings.po", PO.replace('"Language: en_GB\\n"\n', ""))
    inp = read_input("strings.po")
    assert {r.fields["target_lang"] for r in inp.records} == {None}
    assert [doc.lang for _, doc in documents(inp, Config())] == ["en"]


# -- fix: only targets change -----------------------------------------------------------------


@pytest.mark.parametrize("name, text", [("strings.po", PO), ("app.xlf", XLIFF1), ("app.xliff", XLIFF2),
                                        ("memory.tmx", TMX)])
def test_fix_output_changes_only_the_targets(capsys, tmp_path, name, text):
    path = write(tmp_path / name, text)
    out = str(tmp_path / f"fixed-{name}")
    rc, _, err = run(capsys, "fix", "--isolated", path, "--output", out)
    assert rc == 0, err
    # The first MERGED is a checked target (the XLIFF's second one, translate="no", is not).
    expected = text.replace(MERGED, MERGED_FIXED, 1).replace(DOUBLE, DOUBLE_FIXED)
    expected = expected.replace("%d cities  in all", "%d cities in all")
    assert read(out).decode("utf-8") == expected
    assert read(path) == text.encode("utf-8")  # --output leaves the input alone
    # Every other field, read back through translate-toolkit, is unchanged.
    before, after = read_input(path), read_input(out)
    assert [(r.id, r.line, r.fields["source"], r.fields["target_lang"]) for r in before.records] == \
           [(r.id, r.line, r.fields["source"], r.fields["target_lang"]) for r in after.records]
    rc, data = check_json(capsys, out)
    assert rc == 0, data


def test_fix_in_place_is_atomic_and_keeps_escapes(capsys, tmp_path):
    path = write(tmp_path / "strings.po", PO)
    rc, _, err = run(capsys, "fix", "--isolated", path)
    assert rc == 0, err
    fixed = read(path).decode()
    # The escapes of the fuzzy unit stay as written; only the doubled space went.
    assert f'"He said: \\"wait\\".\\n"\n"{DOUBLE_FIXED}"' in fixed
    assert "#, fuzzy" in fixed  # flags are not touched
    assert "#~ msgstr \"They have disappearedin the past.\"" in fixed  # obsolete: not touched
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("name, text", [("strings.po", PO), ("app.xlf", XLIFF1), ("app.xliff", XLIFF2),
                                        ("memory.tmx", TMX)])
def test_unchanged_file_round_trips_byte_for_byte(capsys, tmp_path, name, text):
    # A BOM and CRLF line endings, and nothing to fix: --output writes the very same bytes.
    clean = text.replace(MERGED, MERGED_FIXED).replace(DOUBLE, DOUBLE_FIXED).replace("  in all", " in all")
    data = b"\xef\xbb\xbf" + clean.replace("\n", "\r\n").encode("utf-8")
    path = write(tmp_path / name, data)
    rc, _, err = run(capsys, "fix", "--isolated", "--lang", "en", path, "--output", "same")
    assert rc == 0, err
    assert read(tmp_path / "same") == data
    rc, _, err = run(capsys, "fix", "--isolated", "--lang", "en", path)
    assert read(path) == data


def test_fix_keeps_crlf_bom_and_references(capsys, tmp_path):
    xliff = XLIFF1.replace(DOUBLE, "The soldiers  left &amp; the city &#233;.")
    data = b"\xef\xbb\xbf" + xliff.replace("\n", "\r\n").encode("utf-8")
    path = write(tmp_path / "app.xlf", data)
    rc, _, err = run(capsys, "fix", "--isolated", path)
    assert rc == 0, err
    expected = data.replace(MERGED.encode(), MERGED_FIXED.encode(), 1).replace(
        b"The soldiers  left &amp; the city &#233;.", b"The soldiers left &amp; the city &#233;.")
    assert read(path) == expected


def test_po_fix_keeps_crlf_and_bom(capsys, tmp_path):
    data = b"\xef\xbb\xbf" + PO.replace("\n", "\r\n").encode("utf-8")
    path = write(tmp_path / "strings.po", data)
    rc, _, err = run(capsys, "fix", "--isolated", path)
    assert rc == 0, err
    expected = data.replace(MERGED.encode(), MERGED_FIXED.encode(), 1).replace(
        DOUBLE.encode(), DOUBLE_FIXED.encode()).replace(b"cities  in", b"cities in")
    assert read(path) == expected


def test_fix_escapes_what_it_writes(capsys, tmp_path):
    # A fix whose replacement holds characters that need escaping: HTML entities in text
    # become characters (MT302), which XML and PO must escape again.
    xliff = XLIFF1.replace(DOUBLE, "Salt &amp;amp; pepper arrived in the city.")
    path = write(tmp_path / "app.xlf", xliff)
    inp = read_input(path)
    assert inp.records[2].translation == "Salt &amp; pepper arrived in the city."
    rc, _, err = run(capsys, "fix", "--isolated", "--select", "MT302", path)
    assert rc == 0, err
    assert "<target>Salt &amp; pepper arrived in the city.</target>" in read(path).decode()
    assert read_input(path).records[2].translation == "Salt & pepper arrived in the city."


def test_fix_inside_cdata_and_next_to_inline_codes(capsys, tmp_path):
    xliff = XLIFF1.replace(f"<target>{DOUBLE}</target>",
                           "<target><![CDATA[The soldiers  left]]> the <g id=\"1\">old  city</g>"
                           " on <x id=\"2\"/> Monday.</target>")
    path = write(tmp_path / "app.xlf", xliff)
    assert read_input(path).records[2].translation == f"The soldiers  left the old  city on {MASK} Monday."
    rc, _, err = run(capsys, "fix", "--isolated", "--select", "MT203", path)
    assert rc == 0, err
    assert ("<target><![CDATA[The soldiers left]]> the <g id=\"1\">old city</g> on <x id=\"2\"/> Monday."
            "</target>") in read(path).decode()


def test_units_on_one_line_are_fixed_apart(capsys, tmp_path):
    # Minified XML: every target on line 1, two units even with the same id.
    xliff = ('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" '
             'source-language="de" target-language="en" datatype="plaintext"><body>'
             f'<trans-unit id="x"><source>a</source><target>{MERGED}</target></trans-unit>'
             f'<trans-unit id="x"><source>b</source><target>{DOUBLE}</target></trans-unit>'
             f'<trans-unit id="y"><source>c</source><target>{CLEAN}</target></trans-unit>'
             '</body></file></xliff>')
    path = write(tmp_path / "min.xlf", xliff)
    assert [(r.id, r.line) for r in read_input(path).records] == [("x", 1), ("x#2", 1), ("y", 1)]
    rc, _, err = run(capsys, "fix", "--isolated", path)
    assert rc == 0, err
    assert read(path).decode() == xliff.replace(MERGED, MERGED_FIXED).replace(DOUBLE, DOUBLE_FIXED)


def test_fix_diff_shows_the_target_lines(capsys, tmp_path):
    path = write(tmp_path / "strings.po", PO)
    rc, out, _ = run(capsys, "fix", "--isolated", "--diff", path)
    assert rc == 1
    assert f'-msgstr "{MERGED}"' in out and f'+msgstr "{MERGED_FIXED}"' in out
    assert read(path) == PO.encode()


# -- XML safety -------------------------------------------------------------------------------

BILLION_LAUGHS = """\
<?xml version="1.0"?>
<!DOCTYPE xliff [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a" source-language="de" target-language="en" datatype="plaintext"><body>
    <trans-unit id="1"><source>x</source><target>&lol9;</target></trans-unit>
  </body></file>
</xliff>
"""


@pytest.mark.parametrize("command", ["check", "fix"])
def test_billion_laughs_is_refused(capsys, tmp_path, command):
    path = write(tmp_path / "bomb.xlf", BILLION_LAUGHS)
    rc, out, err = run(capsys, command, "--isolated", "--lang", "en", path)
    assert rc == 2
    assert_one_line_error(err, "bomb.xlf", "line 2", "entities")
    assert "lol" not in out
    assert read(path) == BILLION_LAUGHS.encode()


SECRET = "TOP-SECRET-7f3a"


def _secret(tmp_path) -> str:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET + "\n")
    return secret.as_uri()


@pytest.mark.parametrize("fixture", ["xliff", "tmx"])
def test_external_entity_in_the_doctype_is_refused(capsys, tmp_path, fixture):
    uri = _secret(tmp_path)
    if fixture == "xliff":
        text = XLIFF1.replace("<xliff ", f'<!DOCTYPE xliff [<!ENTITY leak SYSTEM "{uri}">]>\n<xliff ', 1)
        text, name = text.replace(MERGED, "Here: &leak;"), "leak.xlf"
    else:
        text = TMX.replace('<!DOCTYPE tmx SYSTEM "tmx14.dtd">', f'<!DOCTYPE tmx [<!ENTITY leak SYSTEM "{uri}">]>')
        text, name = text.replace(MERGED, "Here: &leak;"), "leak.tmx"
    path = write(tmp_path / name, text)
    for args in (("check",), ("check", "--format", "json"), ("fix", "--output", "out")):
        rc, out, err = run(capsys, *args, "--isolated", "--lang", "en", path)
        assert rc == 2
        assert_one_line_error(err, name, "entities")
        assert SECRET not in out + err
    assert not (tmp_path / "out").exists()


def test_entity_from_an_external_dtd_is_refused_and_never_loaded(capsys, tmp_path):
    # The external DTD would define the entity; it is not loaded, and the reference is refused.
    uri = _secret(tmp_path)
    write(tmp_path / "evil.dtd", f'<!ENTITY leak SYSTEM "{uri}">\n')
    text = TMX.replace('"tmx14.dtd"', '"evil.dtd"').replace(MERGED, "Here: &leak;")
    path = write(tmp_path / "leak.tmx", text)
    rc, out, err = run(capsys, "check", "--isolated", "--lang", "en", "--format", "json", path)
    assert rc == 2
    assert_one_line_error(err, "leak.tmx")
    assert "&leak;" in err or "leak" in err
    assert SECRET not in out + err


def test_doctype_without_entities_is_read(capsys, tmp_path):
    text = XLIFF1.replace("<xliff ", '<!DOCTYPE xliff [<!ELEMENT note ANY>]>\n<xliff ', 1)
    path = write(tmp_path / "ok.xlf", text)
    rc, data = check_json(capsys, path)
    assert {f["record"] for f in data["findings"]} == {"t1", "t3"}


@pytest.mark.parametrize("name, text, needles", [
    ("bad.xlf", '<?xml version="1.0"?>\n<xliff version="1.2">\n<file><body><trans-unit id="1">\n</xliff>\n',
     ("line 4", "not well-formed XML")),
    ("bad.tmx", "<tmx><header/><body><tu><tuv", ("not well-formed XML",)),
    ("other.xlf", '<?xml version="1.0"?>\n<html><body/></html>\n', ("not an XLIFF or TMX file", "<html>")),
    ("latin.xlf", '<?xml version="1.0" encoding="ISO-8859-1"?>\n<xliff version="1.2"/>\n<!-- é -->\n',
     ("declares encoding ISO-8859-1",)),
])
def test_broken_xml_is_one_line(capsys, tmp_path, name, text, needles):
    path = write(tmp_path / name, text)
    rc, out, err = run(capsys, "check", "--isolated", "--lang", "en", path)
    assert rc == 2, out
    assert_one_line_error(err, name, *needles)


# -- broken PO --------------------------------------------------------------------------------


@pytest.mark.parametrize("text, needles", [
    ('msgid "Eins"\nmsgstr "They left the city.\n', ("line 2", "not a valid PO file", "end-of-line within string")),
    ('msgid "Eins"\nmsgstr "They left."\nthis is not PO\n', ("line 3", "not a valid PO file")),
    ('msgid "Eins"\nmsgstr[x] "They left."\n', ("line 2", "not a valid PO file")),
])
def test_broken_po_is_one_line(capsys, tmp_path, text, needles):
    path = write(tmp_path / "broken.po", text)
    for command in ("check", "fix"):
        rc, out, err = run(capsys, command, "--isolated", "--lang", "en", path)
        assert rc == 2, out
        assert_one_line_error(err, "broken.po", *needles)
    assert read(path) == text.encode()


def test_po_with_invalid_utf8_is_one_line(capsys, tmp_path):
    path = write(tmp_path / "latin.po", 'msgid "Eins"\nmsgstr "Caf\xe9 closed."\n'.encode("latin-1"))
    rc, _, err = run(capsys, "check", "--isolated", "--lang", "en", path)
    assert rc == 2
    assert_one_line_error(err, "latin.po", "invalid UTF-8", "line 2")


# -- translate-toolkit is optional ------------------------------------------------------------


@pytest.mark.parametrize("name, text", [("strings.po", PO), ("app.xlf", XLIFF1), ("memory.tmx", TMX)])
def test_missing_translate_toolkit_is_one_line(capsys, tmp_path, monkeypatch, name, text):
    for module in [m for m in sys.modules if m == "translate" or m.startswith("translate.")]:
        monkeypatch.setitem(sys.modules, module, None)
    monkeypatch.setitem(sys.modules, "translate", None)
    path = write(tmp_path / name, text)
    rc, _, err = run(capsys, "check", "--isolated", "--lang", "en", path)
    assert rc == 2
    assert_one_line_error(err, name, "translate-toolkit", "pip install 'mtcheck[formats]'")


def test_plain_text_does_not_import_translate_toolkit(tmp_path):
    write(tmp_path / "a.txt", MERGED + "\n")
    code = ("import sys; from mtcheck.cli import main; "
            "rc = main(['check', '--isolated', '--lang', 'en', 'a.txt']); "
            "print('TRANSLATE' if any(m == 'translate' or m.startswith('translate.') for m in sys.modules) else 'NONE')")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith("NONE"), out


# -- the splicer itself -----------------------------------------------------------------------


def test_a_change_across_po_strings_stays_inside_the_strings():
    write("s.po", 'msgid "Eins"\nmsgstr ""\n"The soldiers le"\n"ft the city."\n')
    inp = read_input("s.po", "po")
    [record] = inp.records
    assert record.translation == "The soldiers left the city."
    # Replace "left", split over two strings, with a text holding quote marks: the strings stay
    # strings (escaped), every line outside them stays, and the file reads back as the new text.
    out = inp.translation_file.write(inp.text, {0: 'The soldiers quit "it" the city.'})
    lines = out.split("\n")
    assert lines[:2] == ['msgid "Eins"', 'msgstr ""'] and lines[-1] == "" and len(lines) == 5
    assert all(line.startswith('"') and line.endswith('"') for line in lines[2:4])
    assert '\\"it\\"' in out
    write("t.po", out)
    assert read_input("t.po").records[0].translation == 'The soldiers quit "it" the city.'


def test_a_change_that_would_drop_an_inline_code_is_not_written():
    write("a.xlf", XLIFF1)
    inp = read_input("a.xlf")
    old = inp.records[1].translation
    assert MASK in old
    assert inp.translation_file.write(inp.text, {1: old.replace(MASK, " ")}) == inp.text
    # The same target with a change away from the code is written.
    changed = inp.translation_file.write(inp.text, {1: old.replace("then", "than")})
    assert changed == inp.text.replace("now &amp; then &#233;", "now &amp; than &#233;")


def test_prolog_scan_sees_entities_behind_tricky_doctypes(capsys, tmp_path):
    # A "]" and ">" inside a processing instruction and a comment of the internal subset do not
    # end the DOCTYPE early, so the entity declared after them is still seen.
    text = XLIFF1.replace("<xliff ", '<!DOCTYPE xliff [<?pi ] > ?><!-- ] > --><!ENTITY e "x">]>\n<xliff ', 1)
    path = write(tmp_path / "tricky.xlf", text)
    rc, _, err = run(capsys, "check", "--isolated", "--lang", "en", path)
    assert rc == 2
    assert_one_line_error(err, "tricky.xlf", "line 2", "declares entities")
