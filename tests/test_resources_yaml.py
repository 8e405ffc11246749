"""YAML resource files (mtcheck/io/resources/yaml_files.py): Rails i18n with its locale root and
YAML files named by language, read as records and fixed in place.

Every file is written here, with invented app strings. CLI tests run in an empty folder
(``in_tmp``) with ``--isolated``.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import PurePath

import pytest

from cli_helpers import assert_one_line_error, run
from mtcheck.finding import Edit
from mtcheck.io.readers import InputError
from mtcheck.io.resources import ResourceFile
from mtcheck.io.splice import apply, splice

yaml = pytest.importorskip("yaml", reason="PyYAML (extra `formats`) is not installed")
from mtcheck.io.resources import yaml_files  # noqa: E402

EN = """\
en:
  menu:
    save: Save your changes
    open: "Open a file"
    quit: Quit the application
  inbox:
    messages:
      one: "%{count} new message"
      other: "%{count} new messages"
"""


def write(path, data: str | bytes) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)


def entries(text: str, name: str = "fr.yml") -> dict:
    return {e.key: (e.target.text, e.line) for e in yaml_files.read(text, name).entries}


def check_json(capsys, *args):
    rc, out, err = run(capsys, "check", "--isolated", "--format", "json", *args)
    assert rc in (0, 1), err
    return json.loads(out)["findings"]


# -- reading ----------------------------------------------------------------------------------

STYLES = """\
fr:
  plain: Enregistrer le fichier
  folded_plain: Enregistrer
    le fichier
  single: 'C''est prêt'
  double: "Ligne\\tun\\nligne \\"deux\\" \\u00e9t\\u00E9 \\\\"
  joined: "Un mot \\
    coupé"
  literal: |
    Première ligne
      en retrait

    Après un blanc
  folded: >-
    Un texte
    replié

    en deux
  kept: |+
    Garde

  anchored: &greeting "Bonjour"
  again: *greeting
  count: 3
  enabled: true
  nothing:
  order:
    - :year
    - :month
  days: [lundi, mardi]
"""


def test_every_scalar_style_reads_as_pyyaml_loads_it():
    got = entries(STYLES)
    loaded = yaml.safe_load(STYLES)["fr"]
    for key in ("plain", "folded_plain", "single", "double", "joined", "literal", "folded", "kept", "anchored"):
        assert got[key][0] == loaded[key], key
    assert got["single"][0] == "C'est prêt"
    assert got["double"][0] == 'Ligne\tun\nligne "deux" été \\'
    assert got["joined"][0] == "Un mot coupé"  # an escaped line break joins without a space
    assert got["literal"][0] == "Première ligne\n  en retrait\n\nAprès un blanc\n"
    assert got["folded"][0] == "Un texte replié\nen deux"
    assert got["kept"][0] == "Garde\n\n"
    # lines: the value's first character (a block's first line of text, not its `|`)
    assert got["plain"][1] == 2 and got["literal"][1] == 10 and got["folded"][1] == 15


def test_only_text_is_a_record_and_an_alias_is_not_a_second_value():
    got = entries(STYLES)
    assert "again" not in got  # *greeting is the value of `anchored`, read once
    for key in ("count", "enabled", "nothing", "order[0]", "order[1]"):
        assert key not in got  # numbers, booleans, nulls, Ruby symbols
    assert got["days[0]"][0] == "lundi" and got["days[1]"][0] == "mardi"


def test_rails_locale_root_is_the_language_and_not_part_of_the_key():
    resource = yaml_files.read(EN, "en.yml")
    assert resource.lang == "en"
    assert [e.key for e in resource.entries] == ["menu.save", "menu.open", "menu.quit", "inbox.messages.one",
                                                 "inbox.messages.other"]


def test_rails_plurals_are_marked_with_their_category():
    plural = {e.key: e.plural for e in yaml_files.read(EN, "en.yml").entries}
    assert plural["inbox.messages.one"] == ("inbox.messages", "one")
    assert plural["inbox.messages.other"] == ("inbox.messages", "other")
    assert plural["menu.save"] is None
    # `one` without `other` is no plural: a key that happens to be called `one`
    assert yaml_files.read("steps:\n  one: Start\n  two: Go on\n", "de.yml").entries[0].plural is None


def test_a_file_without_a_locale_root_keeps_its_whole_paths():
    resource = yaml_files.read("common:\n  save: Speichern\nerrors:\n  - Zu kurz\n", "locales/de.yml")
    assert resource.lang is None
    assert [(e.key, e.target.text) for e in resource.entries] == [("common.save", "Speichern"), ("errors[0]", "Zu kurz")]


def test_a_key_written_twice_is_its_last_value():
    got = entries("fr:\n  save: Premier\n  save: Dernier\n")
    assert got == {"save": ("Dernier", 3)}


def test_a_value_decoded_otherwise_than_pyyaml_is_read_but_never_fixed():
    # An explicit key (`? a`) puts the block's indentation indicator out of the reader's reach.
    text = "? title\n: |2\n   Un titre\n"
    (entry,) = yaml_files.read(text, "fr.yml").entries
    assert entry.target.text == yaml.safe_load(text)["title"] == " Un titre\n"
    assert splice(entry.target, [Edit(1, 3, "Le")]) is None


def test_names_and_sources_by_convention():
    assert yaml_files.is_resource(PurePath("config/locales/fr.yml"))
    assert yaml_files.is_resource(PurePath("config/locales/devise.pt-BR.yml"))
    assert yaml_files.is_resource(PurePath("locales/de/common.yaml"))
    for name in ("docker-compose.yml", ".github/workflows/ci.yml", "mkdocs.yml", "release-it.yml"):
        assert not yaml_files.is_resource(PurePath(name)), name
    assert [str(p) for p in yaml_files.source_paths(PurePath("locales/de/common.yaml"), None)] == [
        "locales/en/common.yaml", "locales/en/common.yml"]


# -- errors -----------------------------------------------------------------------------------

@pytest.mark.usefixtures("in_tmp")
@pytest.mark.parametrize("text, line", [
    ("fr:\n  menu:\n    save: Enregistrer\n   open: Ouvrir\n", 4),  # bad indentation
    ("fr:\n  title: \"Non fermé\n", 3),
    ("fr:\n  a: b: c\n", 2),
])
def test_a_file_that_does_not_parse_is_one_line_with_its_line(capsys, in_tmp, text, line):
    path = write(in_tmp / "fr.yml", text)
    rc, _, err = run(capsys, "check", "--isolated", path)
    assert rc == 2
    assert_one_line_error(err, "fr.yml", f"line {line}", "not valid YAML")


@pytest.mark.usefixtures("in_tmp")
def test_without_pyyaml_a_yaml_file_is_one_line_naming_the_extra(capsys, in_tmp, monkeypatch):
    path = write(in_tmp / "fr.yml", "fr:\n  save: Enregistrer\n")
    monkeypatch.setitem(sys.modules, "yaml", None)  # as if PyYAML were not installed
    rc, _, err = run(capsys, "check", "--isolated", path)
    assert rc == 2
    assert_one_line_error(err, "fr.yml", "needs PyYAML", "pip install 'mtcheck[formats]'")


def test_a_sequence_at_the_root_is_refused():
    with pytest.raises(InputError, match="line 1: a resource file is a YAML mapping, not a sequence"):
        yaml_files.read("- Enregistrer\n", "fr.yml")


# -- through the command line ----------------------------------------------------------------------

@pytest.mark.usefixtures("in_tmp")
def test_rails_translation_checked_against_en_yml(capsys, in_tmp):
    write(in_tmp / "config/locales/en.yml", EN)
    fr = write(in_tmp / "config/locales/fr.yml", """\
fr:
  menu:
    save: Save your changes
    open: "Ouvrir un  fichier"
  inbox:
    messages:
      one: "%{count} nouveau message"
      other: "%{count} nouveaux messages"
""")
    findings = check_json(capsys, fr)
    by_code = {f["code"]: f for f in findings}
    assert by_code["MT607"]["record"] == "menu.quit"  # the key fr.yml lacks
    assert by_code["MT608"]["record"] == "menu.save" and by_code["MT608"]["line"] == 3
    assert by_code["MT203"]["record"] == "menu.open" and by_code["MT203"]["line"] == 4
    assert len(findings) == 3


@pytest.mark.usefixtures("in_tmp")
def test_devise_file_finds_its_source_and_a_walk_skips_configuration(capsys, in_tmp):
    write(in_tmp / "config/locales/devise.en.yml", "en:\n  devise:\n    failure:\n      locked: Your account is locked.\n"
                                                    "      timeout: Your session expired.\n")
    write(in_tmp / "config/locales/devise.de.yml", "de:\n  devise:\n    failure:\n      locked: Ihr Konto ist gesperrt.\n")
    write(in_tmp / "docker-compose.yml", "services:\n  web:\n    image: demo  app\n")
    findings = check_json(capsys, str(in_tmp))
    assert [(PurePath(f["path"]).name, f["code"], f["record"]) for f in findings] == [
        ("devise.de.yml", "MT607", "devise.failure.timeout")]


FIXABLE = """\
# Invented strings.
fr:
  plain: Ouvrir le  fichier # comment kept
  double: "Une erreur  est survenue.\\nRéessayez."
  single: 'L''envoi  a échoué'
  block: |
    Première  ligne
    seconde ligne
  folded: >
    Un texte  replié
    sur deux lignes
  clean: "Tout va bien"
"""
FIXED = """\
# Invented strings.
fr:
  plain: Ouvrir le fichier # comment kept
  double: "Une erreur est survenue.\\nRéessayez."
  single: 'L''envoi a échoué'
  block: |
    Première ligne
    seconde ligne
  folded: >
    Un texte replié
    sur deux lignes
  clean: "Tout va bien"
"""


@pytest.mark.usefixtures("in_tmp")
def test_fix_writes_only_the_changed_characters_in_each_style(capsys, in_tmp):
    path = write(in_tmp / "fr.yml", FIXABLE)
    rc, _, err = run(capsys, "fix", "--isolated", path)
    assert rc in (0, 1), err
    assert (in_tmp / "fr.yml").read_text(encoding="utf-8") == FIXED


@pytest.mark.usefixtures("in_tmp")
@pytest.mark.parametrize("bom, newline", [(b"", "\n"), (b"\xef\xbb\xbf", "\r\n")])
def test_fix_keeps_bom_and_crlf_and_leaves_a_clean_file_byte_for_byte(capsys, in_tmp, bom, newline):
    data = bom + FIXABLE.replace("\n", newline).encode("utf-8")
    path = write(in_tmp / "fr.yml", data)
    run(capsys, "fix", "--isolated", path)
    assert (in_tmp / "fr.yml").read_bytes() == bom + FIXED.replace("\n", newline).encode("utf-8")
    run(capsys, "fix", "--isolated", path)  # nothing left to fix: not a byte changes
    assert (in_tmp / "fr.yml").read_bytes() == bom + FIXED.replace("\n", newline).encode("utf-8")


def test_text_a_plain_scalar_cannot_hold_is_left_as_it_was():
    text = "fr:\n  title: Attention au  départ\n  other: Un  texte\n"
    records = yaml_files.read(text, "fr.yml").entries
    writer = ResourceFile("yaml", [e.target for e in records], "fr.yml", [e.key for e in records])
    # `: ` would start a mapping in a plain scalar: that value stays; the other one is fixed
    new = writer.write(text, {0: "Attention : départ", 1: "Un texte"})
    assert new == "fr:\n  title: Attention au  départ\n  other: Un texte\n"


def test_new_text_is_escaped_in_the_scalars_style():
    text = "fr:\n  d: \"a b\"\n  s: 'a b'\n  l: |\n    a b\n"
    by_key = {e.key: e.target for e in yaml_files.read(text, "fr.yml").entries}
    assert by_key["d"].escape('"\\\n') == '\\"\\\\\\n'
    assert by_key["s"].escape("l'a") == "l''a"
    assert by_key["l"].escape("x\ny") == "x\n    y"  # a new line keeps the block's indentation
    assert by_key["s"].escape("x\ny") is None


def test_random_edits_are_written_exactly_or_refused_and_never_touch_other_values():
    """Edits of every value at random places: each is refused (escape), or reads back as the
    edited value, or reads otherwise (which ResourceFile.write refuses); never does another
    key's value change."""
    rng = random.Random(5)
    replacements = ["", "Z", "w w", "é", "'", '"', "\\", "a\nb", " ", ",", "x: y", "#", "’", "\t"]
    for text in (STYLES, FIXABLE, FIXABLE.replace("\n", "\r\n"), "fr:\n  a: [un, 'deux', \"trois\"]\n"):
        original = {e.key: e.target.text for e in yaml_files.read(text, "fr.yml").entries}
        exact = 0
        for entry in yaml_files.read(text, "fr.yml").entries:
            value = entry.target.text
            for _ in range(25):
                i = rng.randrange(len(value) + 1)
                j = rng.randrange(i, min(len(value), i + 3) + 1)
                new_text = rng.choice(replacements)
                found = splice(entry.target, [Edit(i, j, new_text)])
                if not found:
                    continue
                try:
                    after = {e.key: e.target.text for e in yaml_files.read(apply(text, found), "fr.yml").entries}
                except InputError:
                    continue
                if after.get(entry.key) == value[:i] + new_text + value[j:]:
                    exact += 1
                    assert {k: v for k, v in after.items() if k != entry.key} == {
                        k: v for k, v in original.items() if k != entry.key}
        assert exact > 0


@pytest.mark.usefixtures("in_tmp")
def test_a_key_whose_value_is_an_alias_is_not_missing(capsys, in_tmp):
    """The source spells a value out twice; the translation writes it once and aliases it
    (`close: *cancel`, a merged `<<: *buttons`): those keys are there. `help` is not."""
    write(in_tmp / "en.yml", "en:\n  cancel: Cancel the order\n  close: Cancel the order\n"
                             "  dialog:\n    ok: Confirm the order\n    back: Cancel the order\n  help: Get some help\n")
    write(in_tmp / "de.yml", "de:\n  buttons: &buttons\n    ok: Bestellung bestätigen\n    back: &cancel Bestellung abbrechen\n"
                             "  cancel: *cancel\n  close: *cancel\n  dialog:\n    <<: *buttons\n")
    missing = [f["record"] for f in check_json(capsys, str(in_tmp / "de.yml")) if f["code"] == "MT607"]
    assert missing == ["help"]
