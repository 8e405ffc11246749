#!/usr/bin/env python3
"""Write every language's ``settings.json``: ``defaults.toml``, its generated ``cldr.json`` and
``lexicon.json`` and its hand-written ``language.toml`` (each over the one before), with
``names.toml``, as one JSON file, which mtcheck reads at run time (``mtcheck.languages``). Run it after editing
either TOML file; ``tests/test_language_data.py`` fails while a JSON file is stale.

    python scripts/build_settings.py
"""

from __future__ import annotations

import json

from mtcheck.languages import DATA_DIR, SETTINGS, settings_from_toml, with_data


def render(code: str) -> str:
    """The file's text: sorted keys, one line, so a rebuild is byte-identical."""
    return json.dumps(settings_from_toml(DATA_DIR / code), ensure_ascii=False, sort_keys=True) + "\n"


def main() -> None:
    for code in with_data():
        (DATA_DIR / code / SETTINGS).write_text(render(code), encoding="utf-8")
        print(f"{code}: {SETTINGS} written")


if __name__ == "__main__":
    main()
