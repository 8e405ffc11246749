#!/usr/bin/env python3
"""Write every language's ``settings.json``: ``defaults.toml``, its generated ``cldr.json`` and
``lexicon.json`` and its hand-written ``language.toml`` (each over the one before), with
``names.toml``, as one JSON file, which mtcheck reads at run time (``mtcheck.languages``); the
JSON file of each hand-written TOML file at the top of ``mtcheck/languages/`` (``defaults``,
``without_folder``, ``transliteration``: ``mtcheck.languages.TOP_LEVEL``); and
``every_language.json``, the keys read in every text whatever its language
(``mtcheck.languages.EVERY_LANGUAGE``), all languages' values together. Run it after editing any
of these TOML files; ``tests/test_language_data.py`` fails while a JSON file is stale.

    python scripts/build_settings.py
"""

from __future__ import annotations

import json

from mtcheck.languages import (DATA_DIR, EVERY_LANGUAGE_FILE, SETTINGS, TOP_LEVEL, every_language_from,
                               settings_from_toml, top_level_from_toml, with_data)


def _dump(data: dict) -> str:
    """Sorted keys, one line, so a rebuild is byte-identical."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n"


def render(code: str) -> str:
    """The text of a folder's settings.json."""
    return _dump(settings_from_toml(DATA_DIR / code))


def render_top_level(name: str) -> str:
    """The text of ``<name>.json`` for ``<name>.toml`` of mtcheck/languages/."""
    return _dump(top_level_from_toml(name))


def render_every_language() -> str:
    """The text of every_language.json: the folders' settings, in the order of their codes, then
    without_folder.toml's languages, taken together."""
    tables = [settings_from_toml(DATA_DIR / code)["language"] for code in with_data()]
    return _dump(every_language_from(tables + list(top_level_from_toml("without_folder").values())))


def main() -> None:
    for code in with_data():
        (DATA_DIR / code / SETTINGS).write_text(render(code), encoding="utf-8")
        print(f"{code}: {SETTINGS} written")
    for name in TOP_LEVEL:
        (DATA_DIR / f"{name}.json").write_text(render_top_level(name), encoding="utf-8")
        print(f"{name}.json written")
    (DATA_DIR / EVERY_LANGUAGE_FILE).write_text(render_every_language(), encoding="utf-8")
    print(f"{EVERY_LANGUAGE_FILE} written")


if __name__ == "__main__":
    main()
