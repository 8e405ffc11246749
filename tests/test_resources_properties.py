"""Java .properties bundles (mtcheck/io/resources/properties.py), read as records and fixed in
place; the reading is checked against Java's own Properties.load where a JDK is installed.

Every file is written here, with invented app strings. CLI tests run in an empty folder
(``in_tmp``) with ``--isolated``.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import PurePath

import pytest

from cli_helpers import assert_one_line_error, run
from mtcheck.finding import Edit
from mtcheck.io.readers import InputError
from mtcheck.io.resources import properties
from mtcheck.io.splice import apply, splice

BASE = """\
# Menu of the demo application
menu.save=Save your changes
menu.open = Open a file
menu.quit: Quit the application
"""


def write(path, data: str | bytes) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)


def values(text: str) -> dict:
    return {e.key: e.target.text for e in properties.read(text, "Messages_de.properties").entries}


def check_json(capsys, *args):
    rc, out, err = run(capsys, "check", "--isolated", "--format", "json", *args)
    assert rc in (0, 1), err
    return json.loads(out)["findings"]


# -- reading ----------------------------------------------------------------------------------

READ = """\
# a comment \\
not.a.continuation = of the comment
! another comment
equals=Speichern
colon:Öffnen
space Beenden
  indented.key  =  Datei  \\
      schließen
escapes=Zeile\\neins\\tTab \\u00fcber \\\\ \\= \\: \\#
emoji=\\uD83D\\uDE00 gut
key\\ with\\=odd\\:chars = Wert
empty=
novalue
"""


def test_keys_values_and_lines():
    resource = properties.read(READ, "Messages_de.properties")
    got = {e.key: (e.target.text, e.line) for e in resource.entries}
    assert got["not.a.continuation"] == ("of the comment", 2)  # a comment never continues
    assert got["equals"] == ("Speichern", 4)
    assert got["colon"] == ("Öffnen", 5)
    assert got["space"] == ("Beenden", 6)
    # the continued line's leading white space is not part of the value; the space before `\` is
    assert got["indented.key"] == ("Datei  schließen", 7)
    assert got["escapes"] == ("Zeile\neins\tTab über \\ = : #", 9)
    assert got["emoji"] == ("😀 gut", 10)  # a surrogate pair of escapes is one character
    assert got["key with=odd:chars"] == ("Wert", 11)
    assert got["empty"] == ("", 12) and got["novalue"] == ("", 13)
    assert resource.lang is None


def test_each_character_keeps_the_span_of_its_escape():
    (entry,) = properties.read("k=a\\u00e9\\n\\\\b\n", "M_de.properties").entries
    assert entry.target.text == "aé\n\\b"
    assert entry.target.spans == [(2, 3), (3, 9), (9, 11), (11, 13), (13, 14)]


def test_a_key_written_twice_is_its_last_value():
    assert values("save=Erste\nsave=Letzte\n") == {"save": "Letzte"}


def test_a_malformed_unicode_escape_is_an_error_with_its_line():
    with pytest.raises(InputError, match=r"^M_de.properties: line 3: malformed \\uXXXX escape"):
        properties.read("a=b\n\nc=Caf\\u00g9\n", "M_de.properties")


JDK = shutil.which("javac") and shutil.which("java")
DUMP = """\
import java.io.*; import java.nio.charset.StandardCharsets; import java.util.*;
public class Dump { public static void main(String[] args) throws Exception {
  for (String path : args) { Properties p = new Properties();
    try (Reader r = new InputStreamReader(new FileInputStream(path), StandardCharsets.UTF_8)) {
      p.load(r);
      for (String k : p.stringPropertyNames()) {
        StringBuilder b = new StringBuilder();
        for (char c : (k + "\\u0000" + p.getProperty(k)).toCharArray()) b.append(String.format("%04x", (int) c));
        System.out.println(b); }
    } catch (IllegalArgumentException e) { System.out.println("error"); }
    System.out.println("--"); } } }
"""


@pytest.mark.skipif(not JDK, reason="no JDK (javac, java) installed")
def test_reading_agrees_with_java_properties_load(tmp_path):
    """300 random files of the characters that matter (separators, white space, backslashes,
    line breaks of three kinds, comment marks, escapes good and bad): the keys and values Java
    17's Properties.load reads, or its error."""
    (tmp_path / "Dump.java").write_text(DUMP)
    subprocess.run(["javac", "Dump.java"], cwd=tmp_path, check=True)
    rng = random.Random(7)
    alphabet = ["a", "k", "é", " ", "\t", "\f", "=", ":", "\\", "\\", "\n", "\r\n", "\r", "#", "!", "\\u00e9",
                "\\uD83D\\uDE00", "\\n", "\\=", "\\u12", "x y", "😀"]
    texts, paths = [], []
    for n in range(300):
        texts.append("".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 40))))
        paths.append(tmp_path / f"c{n}.properties")
        paths[-1].write_bytes(texts[-1].encode("utf-8"))
    out = subprocess.run(["java", "-cp", str(tmp_path), "Dump", *map(str, paths)], capture_output=True,
                         text=True, check=True).stdout.split("--\n")
    for text, block in zip(texts, out):
        java: dict | str = {}
        for line in block.split():
            if line == "error":
                java = "error"
                break
            key, _, value = bytes.fromhex(line).decode("utf-16-be", "surrogatepass").partition("\0")
            lone = str.maketrans({c: "\ufffd" for c in key + value if "\ud800" <= c <= "\udfff"})
            if key:  # an empty key is no record
                java[key.translate(lone)] = value.translate(lone)
        try:
            mine = values(text)
        except InputError:
            mine = "error"
        assert mine == java, repr(text)


def test_names_and_sources_by_convention(tmp_path):
    assert properties.language(PurePath("Messages_pt_BR.properties")) == "pt-BR"
    assert properties.is_resource(PurePath("Messages_de.properties"))
    write(tmp_path / "i18n/Messages.properties", BASE)
    write(tmp_path / "i18n/Messages_fr.properties", "menu.save=Enregistrer\n")
    write(tmp_path / "spring/application.properties", "server.port=8080\n")
    write(tmp_path / "spring/application-dev.properties", "server.port=8081\n")
    assert properties.is_resource(tmp_path / "i18n/Messages.properties")  # a base with bundles beside it
    assert not properties.is_resource(tmp_path / "spring/application.properties")
    assert not properties.is_resource(tmp_path / "spring/application-dev.properties")
    assert properties.source_paths(tmp_path / "i18n/Messages.properties", None) == [
        tmp_path / "i18n/Messages.properties"]  # the base is its own source


# -- through the command line ----------------------------------------------------------------------

@pytest.mark.usefixtures("in_tmp")
def test_bundle_checked_against_its_base_file(capsys, in_tmp):
    write(in_tmp / "i18n/Messages.properties", BASE)
    write(in_tmp / "i18n/Messages_de.properties", "menu.save=Save your changes\nmenu.open = Eine Datei  \\u00f6ffnen\n")
    write(in_tmp / "application.properties", "app.title=My  application\n")  # configuration: not walked
    findings = check_json(capsys, str(in_tmp))
    got = sorted((PurePath(f["path"]).name, f["code"], f["record"], f["line"]) for f in findings)
    assert got == [("Messages_de.properties", "MT203", "menu.open", 2),
                   ("Messages_de.properties", "MT607", "menu.quit", 2),
                   ("Messages_de.properties", "MT608", "menu.save", 1)]


@pytest.mark.usefixtures("in_tmp")
def test_configured_source_language_file_comes_first(capsys, in_tmp):
    write(in_tmp / "Messages.properties", "greeting=Hello there\n")
    write(in_tmp / "Messages_fr.properties", "greeting=Bonjour à vous\nfarewell=Au revoir\n")
    de = write(in_tmp / "Messages_de.properties", "greeting=Bonjour à vous\n")
    findings = check_json(capsys, "--source-lang", "fr", de)
    assert sorted((f["code"], f["record"]) for f in findings) == [("MT607", "farewell"), ("MT608", "greeting")]


FIXABLE = """\
# Invented strings.
menu.open = Die Datei  \\u00f6ffnen
menu.long = Die \\u00c4nderungen  werden \\
    gespeichert,  sobald Sie
status:Bereit  zum Senden\\n
clean=Alles in Ordnung
"""
FIXED = FIXABLE.replace("Datei  ", "Datei ").replace("gen  w", "gen w").replace("gespeichert,  ", "gespeichert, ") \
    .replace("Bereit  ", "Bereit ")


@pytest.mark.usefixtures("in_tmp")
def test_fix_writes_only_the_changed_characters(capsys, in_tmp):
    path = write(in_tmp / "Messages_de.properties", FIXABLE)
    rc, _, err = run(capsys, "fix", "--isolated", path)
    assert rc in (0, 1), err
    assert (in_tmp / "Messages_de.properties").read_text(encoding="utf-8") == FIXED


@pytest.mark.usefixtures("in_tmp")
@pytest.mark.parametrize("bom, newline", [(b"", "\n"), (b"\xef\xbb\xbf", "\r\n")])
def test_fix_keeps_bom_and_crlf_and_leaves_a_clean_file_byte_for_byte(capsys, in_tmp, bom, newline):
    path = write(in_tmp / "Messages_de.properties", bom + FIXABLE.replace("\n", newline).encode("utf-8"))
    run(capsys, "fix", "--isolated", path)
    expected = bom + FIXED.replace("\n", newline).encode("utf-8")
    assert (in_tmp / "Messages_de.properties").read_bytes() == expected
    run(capsys, "fix", "--isolated", path)
    assert (in_tmp / "Messages_de.properties").read_bytes() == expected


def test_new_text_is_written_in_the_files_style():
    ascii_file = "a=Gr\\u00FC\\u00DFe\n"
    utf8_file = "a=Grüße\n"
    assert properties.escaper(ascii_file)("Straße 😀\n") == "Stra\\u00DFe \\uD83D\\uDE00\\n"
    assert properties.escaper("a=Gr\\u00fc\n")("ß") == "\\u00df"  # the file's lower-case hex
    assert properties.escaper(utf8_file)("Straße\t\\") == "Straße\\t\\\\"
    (entry,) = properties.read(ascii_file, "M_de.properties").entries
    assert apply(ascii_file, splice(entry.target, [Edit(0, 0, "Schöne ")])) == "a=Sch\\u00F6ne Gr\\u00FC\\u00DFe\n"


def test_random_edits_read_back_exactly_unless_at_a_values_start():
    """Random edits anywhere in continued and escaped values read back as the edited value and
    change no other key, except where Java's reading drops white space or a separator at a
    value's (or a continuation line's) start: those are the cases the read-back check refuses."""
    rng = random.Random(3)
    text = FIXABLE + "mixed=Caf\\u00e9 und Tee\\\r\n   am Abend \\= sp\\u00e4t\r\n"
    original = values(text)
    exact = total = 0
    for entry in properties.read(text, "M_de.properties").entries:
        value = entry.target.text
        for _ in range(60):
            i = rng.randrange(len(value) + 1)
            j = rng.randrange(i, min(len(value), i + 3) + 1)
            new_text = rng.choice(["", "Z", "w w", "é", "😀", "\\", "a\nb", "=", ":", "#", "!", "\t"])
            after = values(apply(text, splice(entry.target, [Edit(i, j, new_text)])))
            assert {k: v for k, v in after.items() if k != entry.key} == {
                k: v for k, v in original.items() if k != entry.key}
            total += 1
            if after[entry.key] == value[:i] + new_text + value[j:]:
                exact += 1
            else:
                assert i == 0 or value[i - 1] == " " or value[j:j + 1] == " ", (value, i, j, new_text)
    assert exact > 0.9 * total


@pytest.mark.usefixtures("in_tmp")
def test_a_bad_escape_is_one_line_error(capsys, in_tmp):
    path = write(in_tmp / "Messages_de.properties", "a=b\nc=\\uZZZZ\n")
    rc, _, err = run(capsys, "check", "--isolated", path)
    assert rc == 2
    assert_one_line_error(err, "Messages_de.properties: line 2: malformed \\uXXXX escape")
