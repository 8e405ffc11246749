"""Every rule together stays silent on clean text in each language with data that uses that
language's own conventions (TAXONOMY.md: French « … » and `Pourquoi ?`, German „…“ and
compounds, Spanish ¿…? and 1.500, Dutch IJssel, Turkish İstanbul, brands, URLs, handles,
diacritics; and the 36 languages with generated data: Czech „…“, Danish »…«, Swedish ”…”,
Greek `;`, Arabic `،` and `؟`, Hindi `।`, Japanese 「」, Thai without word spaces, Catalan
`l’` and `l·l`, CLDR separators such as 1 250 with a no-break space, Persian ۳۵٫۲)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtcheck import check
from mtcheck.languages import with_data

FIXTURES = Path(__file__).parent / "fixtures" / "clean"


@pytest.mark.parametrize("lang", with_data())
def test_clean_text_in_every_language_has_no_findings(lang):
    path = FIXTURES / f"{lang}.txt"
    assert path.exists(), f"write a clean fixture for {lang}"
    findings = check(path.read_text(encoding="utf-8"), lang=lang)
    assert findings == [], [(f.code, f.text, f.message) for f in findings]


@pytest.mark.parametrize("lang", with_data())
def test_clean_text_is_detected_as_its_language(lang):
    from mtcheck.text.langdetect import detect

    assert detect((FIXTURES / f"{lang}.txt").read_text(encoding="utf-8")) == lang
