"""A regional translation inherits the keys of its language's file, and a source can mark a key
optional: neither is a missing key (MT607)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtcheck.io.resources import kind_of, read as read_resource


def missing_keys(path: Path) -> list[str]:
    records, _ = read_resource(path.read_text("utf-8"), kind_of(path), str(path))
    return [r.id for r in records if r.fields.get("missing")]


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, "utf-8")


LAYOUTS = {
    "properties": ("Messages{}.properties", {"": "", "de": "_de", "de-AT": "_de_AT"},
                   lambda pairs: "".join(f"{k} = {v}\n" for k, v in pairs)),
    "json": ("locales/{}.json", {"": "en", "de": "de", "de-AT": "de-AT"},
             lambda pairs: "{" + ", ".join(f'"{k}": "{v}"' for k, v in pairs) + "}\n"),
    "android": ("res/values{}/strings.xml", {"": "", "de": "-de", "de-AT": "-de-rAT"},
                lambda pairs: "<resources>" + "".join(f'<string name="{k}">{v}</string>' for k, v in pairs)
                + "</resources>\n"),
    "apple": ("App/{}.lproj/Localizable.strings", {"": "Base", "de": "de", "de-AT": "de-AT"},
              lambda pairs: "".join(f'"{k}" = "{v}";\n' for k, v in pairs)),
}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_regional_file_inherits_its_languages_keys(tmp_path, layout):
    """`de-AT` lists only what Austria says otherwise; `cart` and `save` come from `de` at run
    time. `help` is in neither: that one is missing."""
    pattern, names, render = LAYOUTS[layout]
    write(tmp_path, {
        pattern.format(names[""]): render([("save", "Save"), ("cart", "Cart"), ("january", "January"), ("help", "Help")]),
        pattern.format(names["de"]): render([("save", "Speichern"), ("cart", "Warenkorb"), ("january", "Januar")]),
        pattern.format(names["de-AT"]): render([("january", "Jänner")]),
    })
    assert missing_keys(tmp_path / pattern.format(names["de-AT"])) == ["help"]
    assert missing_keys(tmp_path / pattern.format(names["de"])) == ["help"]  # a language file inherits nothing


def test_without_the_languages_file_the_source_decides(tmp_path):
    write(tmp_path, {"Messages.properties": "save = Save\ncart = Cart\n",
                     "Messages_de_AT.properties": "save = Speichern\n"})
    assert missing_keys(tmp_path / "Messages_de_AT.properties") == ["cart"]


def test_android_tools_ignore_missing_translation(tmp_path):
    """Lint's `tools:ignore="MissingTranslation"` on a string, or on the whole file, says that
    translations may leave it out."""
    tools = 'xmlns:tools="http://schemas.android.com/tools"'
    write(tmp_path, {
        "res/values/strings.xml": f'<resources {tools}><string name="app">Notes</string>'
                                  '<string name="brand" tools:ignore="MissingTranslation">Acme</string>'
                                  '<string name="save">Save</string></resources>\n',
        "res/values-de/strings.xml": "<resources><string name=\"app\">Notizen</string></resources>\n",
        "res/values-fr/strings.xml": "<resources></resources>\n",
    })
    assert missing_keys(tmp_path / "res/values-de/strings.xml") == ["save"]
    write(tmp_path, {"res/values/strings.xml": f'<resources {tools} tools:ignore="UnusedResources, MissingTranslation">'
                                               '<string name="save">Save</string></resources>\n'})
    assert missing_keys(tmp_path / "res/values-fr/strings.xml") == []
