#!/usr/bin/env python3
"""Write every language's ``settings.json``: its hand-written ``language.toml`` and ``names.toml``
as one JSON file, which mtcheck reads at run time (``mtcheck.languages``). Run it after editing
either TOML file; ``tests/test_language_data.py`` fails while a JSON file is stale.

    python scripts/build_settings.py
"""

from __future__ import annotations

import json

from mtcheck.languages import DATA_DIR, SETTINGS, available, settings_from_toml


def render(code: str) -> str:
    """The file's text: sorted keys, one line, so a rebuild is byte-identical."""
    return json.dumps(settings_from_toml(DATA_DIR / code), ensure_ascii=False, sort_keys=True) + "\n"


def main() -> None:
    for code in available():
        (DATA_DIR / code / SETTINGS).write_text(render(code), encoding="utf-8")
        print(f"{code}: {SETTINGS} written")


if __name__ == "__main__":
    main()
