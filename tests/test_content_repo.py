"""A small content repository end to end (tests/fixtures/content-repo: an app's strings in
English, German, Polish and Japanese, in i18n JSON, Java .properties, Apple .strings, Fluent,
subtitles and an HTML article): what `check` finds in it, and what `fix` writes. The planted
slips are listed here; anything else `check` reports is a false alarm and fails the test. The
same repository goes through the pre-commit hooks in tests/test_precommit.py."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cli_helpers import run

REPO = Path(__file__).parent / "fixtures" / "content-repo"

# (file, record, code) of every slip planted in the translations.
PLANTED = {
    ("articles/launch.de.html", None, "MT101"),  # ohneVerbindung (an HTML article is a text, no records)
    ("ios/de.lproj/Localizable.strings", "sync.failed", "MT201"),  # fehlgeschlagen.Prüfen
    ("l10n/pl/main.ftl", "notes-left", "MT707"),  # a Polish plural with one and other only
    ("media/intro.de.srt", "2", "MT203"),  # Geräte  gespeichert
    ("locales/de.json", "notes.delete", "MT607"),  # a key the German file lacks
    ("locales/de.json", "notes.empty", "MT101"),  # keineNotizen
    ("locales/ja.json", "notes.empty", "MT608"),  # left in English
    ("locales/pl.json", "welcome", "MT701"),  # {{imie}} for {{name}}
    ("src/main/resources/i18n/Messages_de.properties", "export.done", "MT202"),  # exportiert .
}
# What the safe fixes change, file by file: (old, new) on the file's text; every other byte stays.
FIXED = {
    "articles/launch.de.html": ("ohneVerbindung", "ohne Verbindung"),
    "ios/de.lproj/Localizable.strings": ("fehlgeschlagen.Prüfen", "fehlgeschlagen. Prüfen"),
    "media/intro.de.srt": ("Geräte  gespeichert", "Geräte gespeichert"),
    "locales/de.json": ("keineNotizen", "keine Notizen"),
    "src/main/resources/i18n/Messages_de.properties": ("exportiert .", "exportiert."),
}


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    copy = tmp_path / "content-repo"
    shutil.copytree(REPO, copy)
    monkeypatch.chdir(copy)
    return copy


def test_check_finds_the_planted_slips_and_nothing_else(repo, capsys):
    rc, out, err = run(capsys, "check", "--format", "json", ".")
    assert rc == 1, err
    found = {(f["path"].removeprefix("./"), f.get("record"), f["code"]) for f in json.loads(out)["findings"]}
    assert found == PLANTED


def test_fix_writes_only_the_fixed_characters(repo, capsys):
    before = {p: p.read_bytes() for p in repo.rglob("*") if p.is_file()}
    rc, _, err = run(capsys, "fix", ".")
    assert rc == 1, err  # findings without a safe fix remain
    for path, data in before.items():
        name = path.relative_to(repo).as_posix()
        expected = data.decode("utf-8").replace(*FIXED[name]).encode("utf-8") if name in FIXED else data
        assert path.read_bytes() == expected, name
