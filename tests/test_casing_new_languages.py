"""MT401 in the languages that got casing data from a Debian hunspell dictionary
(scripts/build_casing_data.py): a lower-case city name mid-sentence is found and its fix is
the capitalized name; where the measurement on human text kept MT401 off (Icelandic, Turkish:
see their language.toml), it does not run. Sentences written for this test."""

from __future__ import annotations

import pytest

from mtcheck import check
from mtcheck.rules import get_rule

CASES = [
    ("ca", "Ahir vam anar a lleida amb tren per veure la família.", "lleida", "Lleida"),
    ("cs", "Minulý týden jsme jeli vlakem do města praha a zpátky.", "praha", "Praha"),
    ("da", "Vi tog toget til københavn i går for at besøge familien.", "københavn", "København"),
    ("id", "Kami pergi ke jakarta kemarin untuk mengunjungi keluarga.", "jakarta", "Jakarta"),
    ("nb", "Vi tok toget til oslo i går for å besøke familien.", "oslo", "Oslo"),
    ("pl", "Wczoraj pojechaliśmy pociągiem do miasta gdańsk, żeby odwiedzić rodzinę.", "gdańsk", "Gdańsk"),
    ("ro", "Ieri am mers cu trenul la bucurești ca să ne vizităm familia.", "bucurești", "București"),
    ("sv", "Vi åkte tåg till stockholm i går för att hälsa på familjen.", "stockholm", "Stockholm"),
    ("uk", "Учора ми поїхали потягом до міста львів, щоб відвідати родину.", "львів", "Львів"),
]


@pytest.mark.parametrize("lang,text,word,name", CASES, ids=[c[0] for c in CASES])
def test_a_lower_case_city_name_is_found(lang, text, word, name):
    found = [f for f in check(text, lang=lang) if f.code == "MT401"]
    assert [f.text for f in found] == [word]
    assert found[0].fixes[0].edits[0].replacement == name


@pytest.mark.parametrize("lang,text,word,name", CASES, ids=[c[0] for c in CASES])
def test_the_capitalized_name_is_quiet(lang, text, word, name):
    assert [f for f in check(text.replace(word, name), lang=lang) if f.code.startswith("MT40")] == []


@pytest.mark.parametrize("lang", ["is", "tr"])
def test_mt401_stays_off_where_it_false_alarmed_on_human_text(lang):
    assert not get_rule("MT401").applies_to(lang)
