"""The checks peer tools make on the target alone (benchmarks/peer_checks.py): regions' French
spacing, context-aware doublings, starts of records judged by their source."""

import pytest

from mtcheck import check
from mtcheck.document import Document
from mtcheck.checker import check_document
from mtcheck.config import Config


def codes(text: str, lang: str, code: str) -> list[str]:
    return [f.text for f in check(text, lang=lang) if f.code == code]


def test_french_spacing_follows_the_region():
    text = "Attention: le pont est fermé. Pourquoi? Quelle surprise! Il a dit «non»."
    assert codes(text, "fr", "MT212") == [":", "?", "!", "«", "»"]
    assert codes(text, "fr-BE", "MT212") == [":", "?", "!", "«", "»"]  # Belgium writes as France
    assert codes(text, "fr-CA", "MT212") == [":", "«", "»"]  # Quebec: no space before ; ! ?
    assert codes(text, "fr-CH", "MT212") == [":"]  # Swiss usage varies: the colon only


def test_the_fix_inserts_the_no_break_spaces():
    from mtcheck import apply_fixes

    text = "Pourquoi? Attention: oui."
    fixed = apply_fixes(text, check(text, lang="fr"))
    assert fixed == "Pourquoi\u202f? Attention\u00a0: oui."


def test_doublings_with_two_roles_are_grammatical():
    assert codes("Er will sein Leben leben. Haben Sie sie gesehen?", "de", "MT105") == []
    assert codes("Die Frau, die die Zeitung las, und alle, für die die Stadt sorgt.", "de", "MT105") == []
    assert codes("Sie wussten nicht, dass sie sie sahen.", "de", "MT105") == []
    assert codes("May may come too.", "en", "MT105") == []
    assert codes("Er kaufte die die Zeitung.", "de", "MT105") == ["die die"]
    assert codes("Die die Soldaten kamen.", "de", "MT105") == ["Die die"]
    assert codes("The the cat sat.", "en", "MT105") == ["The the"]


def test_a_record_start_is_judged_by_its_source():
    def findings(translations, sources):
        doc = Document.from_records(translations, ["a", "b"], [1, 2], "en", sources=sources)
        return [f.text for f in check_document(doc, Config()) if f.code == "MT403"]

    assert findings(["The army left.", "the troops left the city today."],
                    ["Die Armee zog ab.", "Die Truppen verließen heute die Stadt."]) == ["the"]
    assert findings(["The army left.", "the troops left the city today."],
                    ["Die Armee zog ab.", "die Truppen verließen heute die Stadt."]) == []
    assert findings(["Click on", "the icon at the bottom of the screen."],
                    ["Klicken Sie auf", "The icon at the bottom of the screen."]) == []
    assert findings(["The army left.", "the troops left the city today."], [None, None]) == []


def test_glued_sentences_after_exclamation_and_spaced_marks():
    assert codes("Das war ein schöner Tag!Morgen geht es weiter.", "de", "MT201") == ["Tag!Morgen"]
    assert codes("Quelle belle journée !Demain nous partons.", "fr", "MT201") == ["!Demain"]
    assert codes("Read Yahoo!News and the file Report.Final.docx with .Net today.", "en", "MT201") == []


@pytest.mark.parametrize("lang,text,flagged", [
    ("en", "They said, the the city fell.", "the the"),  # a comma before a stutter excuses nothing
    ("de", "Sie sagte, dass dass alles gut sei.", "dass dass"),
    ("it", "«Andiamo», ha detto detto il ministro.", "detto detto"),
    ("de", "Er sagte, die die Stadt verlassen hatten, seien zurück.", None),  # relative + article
    ("de", "Sie wussten nicht, dass sie sie sahen.", None),
])
def test_a_doubling_opens_a_clause_only_for_the_words_the_language_lists(lang, text, flagged):
    found = [f.text for f in check(text, lang=lang) if f.code == "MT105"]
    assert found == ([flagged] if flagged else [])


def test_a_text_with_a_source_is_judged_by_it_not_by_the_other_sentences():
    def starts(target, source):
        return [f.text for f in check(target, lang="en", source=source, source_lang="es") if f.code == "MT403"]

    # A lone sentence gives no evidence by itself; its capitalized source does.
    assert starts("the museum opens at nine every day.", "El museo abre a las nueve todos los días.") == ["the"]
    assert starts("the museum opens at nine every day.", "el museo abre a las nueve todos los días.") == []
    assert starts("the museum opens at nine every day.", None) == []


@pytest.mark.parametrize("source,flagged", [("Guardar (opcional", False), ("Guardar (opcional)", True)])
def test_a_bracket_the_source_leaves_open_too_is_faithful(source, flagged):
    found = check("Save (optional", lang="en", source=source, source_lang="es")
    assert any(f.code == "MT206" for f in found) == flagged
