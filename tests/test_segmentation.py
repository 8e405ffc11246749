"""Glued and split words (MT101, MT102, MT103): the readings of text/glue.py, the data they read,
and a small seeded slice of the held-out benchmark (benchmarks/segmentation.py), whose floors
sit well under what the benchmark measures (docs/benchmarks.md, "Glued and split words")."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from mtcheck import check
from mtcheck.languages import available, get_language
from mtcheck.text.glue import camel_reading, split_token

ROOT = Path(__file__).resolve().parents[1]
TARGETS = ["en", "de", "es", "fr", "it", "nl", "pt", "ru"]


def _codes(text: str, lang: str) -> list[tuple[str, str]]:
    return [(f.code, f.text) for f in check(text, lang=lang) if f.code in ("MT101", "MT102", "MT103")]


@pytest.mark.parametrize("lang, text, left", [
    ("es", "delGobierno", "del"), ("fr", "laLigue", "la"), ("fr", "duParti", "du"), ("de", "imRegen", "im"),
    ("it", "delGoverno", "del"), ("pt", "doExército", "do"), ("en", "inRiga", "in"),
])
def test_a_preposition_or_article_glued_to_a_capital_is_a_lost_space_not_a_sentence(lang, text, left):
    """An article or a preposition never ends a sentence (segmentation.txt `final` rows)."""
    reading = camel_reading(get_language(lang), left, text[len(left):])
    assert reading is not None and not reading.sentence and reading.certain
    assert _codes(f"x {text} y", lang) == [("MT101", text)]


def test_a_sentence_start_after_a_word_that_ends_sentences_is_still_mt102():
    assert _codes("there were 80 injuredThey have left", "en") == [("MT102", "injuredThey")]


@pytest.mark.parametrize("lang, token, split", [
    ("en", "Accordingto", ("According", "to")),  # capitalized, at a sentence start
    ("en", "artand", ("art", "and")),  # `art` begins other words: no longer a reason to stay whole
    ("en", "mustbe", ("must", "be")),
    ("en", "withthe", ("with", "the")),  # wordfreq lists it (2.0): rarer than an artifact of its parts
    ("es", "paraque", ("para", "que")),
    ("de", "Regierungund", ("Regierung", "und")),  # a compounding language, a function word on the right
    ("ru", "изучатьлитературу", ("изучать", "литературу")),  # an infinitive begins no compound
    ("nl", "opde", ("op", "de")),  # two function words: `op` begins words, but seldom before `de`
    ("de", "überden", ("über", "den")),
    ("ru", "хотелипровести", ("хотели", "провести")),  # a past plural seldom begins a compound
])
def test_glued_words_split(lang, token, split):
    got = split_token(get_language(lang), token)
    assert got is not None and (got.left, got.right) == split


@pytest.mark.parametrize("lang, token", [
    ("de", "Verteidigungsministerium"), ("de", "Kriegsgefangenenaustausch"),
    ("nl", "verkiezingsprogramma"), ("nl", "honkbalploeg"), ("nl", "zorgverzekering"),
    ("ru", "водопровод"), ("ru", "подбассейн"), ("ru", "небелое"),
    ("pt", "trabalhadoras"), ("pt", "possibilitarem"), ("es", "decírselo"),
    ("en", "delvery"),  # one letter from `delivery`, not `del very`
    ("en", "into"), ("en", "meas"),  # listed words more frequent than an artifact of their parts
    ("pt", "depara"),  # a verb of two function words' letters, listed more often than glues are
    ("id", "storyboard"),  # an English word taken whole into another language
])
def test_words_and_compounds_stay_whole(lang, token):
    assert split_token(get_language(lang), token) is None


def test_a_sentence_that_starts_with_a_one_letter_word_is_found_glued():
    """Russian, Polish, Czech sentences often start with a one-letter preposition or conjunction
    (`В`, `A`, `I`): glued to the word before, the capital alone is the sign. A letter that is no
    glue word, or one after a capitalized word, is a label or a brand (`PlanB`, `ProjectA`)."""
    assert _codes("Это было давно искусстваА еще он пел.", "ru") == [("MT102", "искусстваА")]
    assert _codes("Wszyscy wrócili do domuA potem poszli spać.", "pl") == [("MT102", "domuA")]
    assert _codes("We kept planB and ProjectA ready.", "en") == []


def test_an_article_or_preposition_that_lost_its_space_is_found_capitalized_or_one_letter_long():
    """First in a sentence a capitalized article glued to a word (`TheSaudi`, German
    `DieEinrichtung`) is unsafe to split (brands are written so); elsewhere it is a name's
    particle or a brand. A one-letter preposition glued to a name is found (Russian `вБеверли`),
    the brands with a one-letter prefix are not (`iPhone`, `eBay`)."""
    assert _codes("TheSaudi regime will not fall.", "en") == [("MT101", "TheSaudi")]
    assert not check("TheSaudi regime will not fall.", lang="en")[0].fixes[0].is_safe
    assert _codes("DieEinrichtung wirkt kühl.", "de") == [("MT101", "DieEinrichtung")]
    assert _codes("I met Charles LaBella on the MyNumber card site.", "en") == []
    assert _codes("Он переехал вБеверли давно.", "ru") == [("MT101", "вБеверли")]
    assert _codes("Compré un iPhone e hice clic en eBay.", "es") == []


def test_a_sentence_start_led_by_a_glue_word_splits_and_a_name_ending_in_one_does_not():
    """First in a sentence a capital says nothing: a glue word leading the token is evidence
    (`Our server`, Zipf sum under the mid-sentence bar); one ending it is not (`Tabas`, a name
    rather than `Tab as`), nor a right part that is a name (`Unalaska`)."""
    assert _codes("Ourserver was down all day.", "en") == [("MT101", "Ourserver")]
    assert _codes("Tabas was quiet all day.", "en") == []
    assert _codes("Unalaska was quiet all day.", "en") == []
    # two frequent content words first in a sentence; a name of two words stays whole
    assert _codes("Новыйзакон вступил в силу вчера.", "ru") == [("MT101", "Новыйзакон")]
    assert _codes("Stonebridge is a town.", "en") == []


def test_a_piece_of_a_split_word_is_no_glue():
    """`opze` reads as `op ze`, but with the next piece it is `opzeggen`: one word split."""
    assert _codes("Hij wil het contract opze ggen.", "nl") == [("MT103", "opze ggen")]


def test_after_an_apostrophe_the_word_is_judged():
    assert _codes("La production de l'usinepar jour.", "fr") == [("MT101", "usinepar")]
    assert _codes("I dati dell'annoin corso.", "it") == [("MT101", "annoin")]
    assert _codes("O'Neil and McDonald's", "en") == []


def test_a_name_next_to_a_capitalized_word_and_a_scheme_stay_quiet():
    assert _codes("the minister Jorge Alarte spoke; write to mailto:press@example.com", "es") == []
    assert _codes("the battle of Bristolin Avon County", "en") == []  # next to a capital: a name's word
    assert _codes("the shelling of Bristolin the south", "en") == [("MT101", "Bristolin")]


@pytest.mark.parametrize("code", available())
def test_every_target_language_has_segmentation_data(code):
    seg = get_language(code).segmentation
    assert seg.alphabet and seg.ends_sentences(next(iter(get_language(code).glue_words))) in (True, False, None)


def _benchmark():
    spec = importlib.util.spec_from_file_location("segmentation_benchmark", ROOT / "benchmarks" / "segmentation.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


# Floors well under the held-out benchmark's figures (docs/benchmarks.md): recall of the glued
# and split words found, and precision of the findings on the corrupted sentences.
RECALL_FLOOR = 0.35
PRECISION_FLOOR = 0.95
MAX_FALSE_PER_10K = 5.0


@pytest.mark.parametrize("lang", TARGETS)
def test_a_seeded_held_out_slice(shared, lang):
    bench = _benchmark()
    rows = bench.sentences(shared / "data", lang, "held-out")
    cases = bench.corrupt(rows, lang, n_merged=60, n_sent=20, n_split=20, seed=7)
    clean = [text for _, text in rows[:400]]
    on_cases, on_clean, seconds = bench.run_mtcheck(lang, cases, clean)
    row = bench.score_mtcheck(cases, on_cases, on_clean, clean, seconds).row()
    assert row["all"]["recall"] >= RECALL_FLOOR, row
    assert row["precision"] >= PRECISION_FLOOR, row
    assert row["false_per_10k"] <= MAX_FALSE_PER_10K, row
