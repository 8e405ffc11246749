"""The casing rules in the languages that got casing data from a Debian hunspell dictionary
(scripts/build_casing_data.py): a lower-case city name mid-sentence is found and its fix is
the capitalized name (MT401), a frequent word without its diacritic is found where MT404 runs,
and the clean fixtures stay quiet; where the measurement on human text kept a rule off (see the
language's language.toml), it does not run. Sentences written for this test."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtcheck import check
from mtcheck.rules import get_rule

LANGS = ["ca", "cs", "da", "id", "is", "nb", "pl", "ro", "sv", "tr", "uk"]
CLEAN = Path(__file__).parent / "fixtures" / "clean"

CASES = [
    ("ca", "Ahir vam anar a lleida amb tren per veure la família.", "lleida", "Lleida"),
    ("cs", "Minulý týden jsme jeli vlakem do města praha a zpátky.", "praha", "Praha"),
    ("da", "Vi tog toget til københavn i går for at besøge familien.", "københavn", "København"),
    ("id", "Kami pergi ke jakarta kemarin untuk mengunjungi keluarga.", "jakarta", "Jakarta"),
    ("nb", "Vi tok toget til oslo i går for å besøke familien.", "oslo", "Oslo"),
    ("pl", "Wczoraj pojechaliśmy pociągiem do miasta gdańsk, żeby odwiedzić rodzinę.", "gdańsk", "Gdańsk"),
    ("ro", "Ieri am mers cu trenul la bucurești ca să ne vizităm familia.", "bucurești", "București"),
    ("sv", "Vi åkte tåg till stockholm i går för att hälsa på familjen.", "stockholm", "Stockholm"),
    ("tr", "Dün trenle ankara şehrine gittik ve akşam döndük.", "ankara", "Ankara"),
    # Turkish pairs i with İ: the name's capital is the dotted one.
    ("tr", "Geçen hafta uçakla istanbul şehrine gittik.", "istanbul", "İstanbul"),
    ("uk", "Учора ми поїхали потягом до міста львів, щоб відвідати родину.", "львів", "Львів"),
]

# One dropped diacritic on a frequent word, in each language where MT404 runs (accents.txt).
ACCENTS = [
    ("ca", "Crec que aixo no és veritat.", "aixo", "això"),
    ("cs", "Přišli jsme pozdě a bohuzel vlak už odjel.", "bohuzel", "bohužel"),
    ("da", "Vejret var darlig hele ugen.", "darlig", "dårlig"),
    ("is", "Við héldum afram að vinna í gær.", "afram", "áfram"),
    ("nb", "Jeg kan ikke forsta hva han sier.", "forsta", "forstå"),
    ("pl", "Jutro bedzie padać deszcz.", "bedzie", "będzie"),
    ("sv", "Vi brukar anvanda cykeln till jobbet.", "anvanda", "använda"),
    ("tr", "Dün eski bir arkadas ile buluştuk.", "arkadas", "arkadaş"),
]
ACCENTS_LANGS = [c[0] for c in ACCENTS]


@pytest.mark.parametrize("lang,text,word,name", CASES, ids=[f"{c[0]}-{c[2]}" for c in CASES])
def test_a_lower_case_city_name_is_found(lang, text, word, name):
    found = [f for f in check(text, lang=lang) if f.code == "MT401"]
    assert [f.text for f in found] == [word]
    assert found[0].fixes[0].edits[0].replacement == name


@pytest.mark.parametrize("lang,text,word,name", CASES, ids=[f"{c[0]}-{c[2]}" for c in CASES])
def test_the_capitalized_name_is_quiet(lang, text, word, name):
    assert [f for f in check(text.replace(word, name), lang=lang) if f.code.startswith("MT40")] == []


@pytest.mark.parametrize("lang,text,bare,word", ACCENTS, ids=[c[0] for c in ACCENTS])
def test_a_dropped_accent_is_found(lang, text, bare, word):
    found = [f for f in check(text, lang=lang) if f.code == "MT404"]
    assert [f.text for f in found] == [bare]
    assert found[0].fixes[0].edits[0].replacement == word
    assert [f for f in check(text.replace(bare, word), lang=lang) if f.code.startswith("MT40")] == []


def test_the_rules_run_where_the_measurement_allows():
    """Off where a rule's false alarms on the language's human text exceeded 1 per 10,000 words
    (language.toml); MT401 in Turkish runs since suffixes after an apostrophe stay quiet."""
    assert [lang for lang in LANGS if not get_rule("MT401").applies_to(lang)] == ["is"]
    assert [lang for lang in ACCENTS_LANGS if not get_rule("MT404").applies_to(lang)] == []
    assert not get_rule("MT404").applies_to("ro") and not get_rule("MT406").applies_to("ro")
    assert not get_rule("MT406").applies_to("id")


@pytest.mark.parametrize("lang,text", [
    ("tr", "Bunun üzerine, Fas'taki bir günlük noktası gelişmiş ülkeleri etkiledi."),
    ("tr", "Paris Anlaşması'nın HFC'leri azaltma amaçlı yeni değişikliği kabul edildi."),
    ("uk", "Я отримав звернення народного депутата Мар'яна Заблоцького вчора."),
])
def test_the_rest_of_a_capitalized_word_past_an_apostrophe_is_no_name(lang, text):
    """Turkish suffixes (`Fas'taki`, not the name `Taki`) and a Ukrainian name with its
    apostrophe (`Мар'яна`, not `Яна`): the false alarms measured on the UD text."""
    assert [f for f in check(text, lang=lang) if f.code == "MT401"] == []


@pytest.mark.parametrize("text", ["Les troupes sont entrées dans l'italie du nord hier.",
                                  "L'italie du nord a voté hier."])
def test_a_name_after_an_elided_article_is_still_found(text):
    assert [f.text for f in check(text, lang="fr") if f.code == "MT401"] == ["italie"]


@pytest.mark.parametrize("lang", [lang for lang in LANGS if (CLEAN / f"{lang}.txt").exists()])
def test_the_clean_fixture_stays_quiet(lang):
    text = (CLEAN / f"{lang}.txt").read_text(encoding="utf-8")
    assert [(f.code, f.text) for f in check(text, lang=lang) if f.code.startswith("MT40")] == []
