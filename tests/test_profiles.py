"""House-style profiles: off by default, on by config or --profile for their languages only."""

from __future__ import annotations

import pytest

from cli_helpers import assert_one_line_error, run
from mtcheck import check
from mtcheck.config import Config, ConfigError, load_config

GERMAN = 'Er sagte "Nein" - und ging. Die Preise stiegen um 25%.'
FRENCH = 'Il a dit "non" - et il est parti.'
ENGLISH = "Troops leave the city after a week.\n\nThe US envoy arrived on Monday."


def codes(text, lang, **config):
    return sorted({f.code for f in check(text, lang=lang, config=Config(**config))})


def test_a_default_run_reports_no_house_style():
    assert not {"MT801", "MT802", "MT803"} & set(codes(GERMAN, "de"))
    assert not {"MT804", "MT805"} & set(codes(ENGLISH, "en"))
    # ALL, a code prefix or a category does not turn a profile's rules on.
    assert not {"MT801", "MT802"} & set(codes(GERMAN, "de", select=["MT8", "foreign-punctuation"]))


def test_a_profile_turns_its_rules_on_for_its_languages_only():
    assert {"MT801", "MT802", "MT803"} <= set(codes(GERMAN, "de", profiles=["de-typography"]))
    assert not {"MT801", "MT802"} & set(codes(FRENCH, "fr", profiles=["de-typography"]))
    assert {"MT801", "MT802"} <= set(codes(FRENCH, "fr", profiles=["fr-typography"]))
    assert {"MT804", "MT805"} <= set(codes(ENGLISH, "en", profiles=["us-news"]))


def test_a_rule_named_by_code_or_name_runs_without_its_profile():
    assert codes(GERMAN, "de", select=["MT802"]) == ["MT802"]
    assert codes(GERMAN, "de", select=["straight-quotes"]) == ["MT801"]


def test_the_fixes_give_the_house_style():
    from mtcheck.fixes import apply_fixes

    found = check(GERMAN, lang="de", config=Config(profiles=["de-typography"], select=["MT8"]))
    fixed = apply_fixes(GERMAN, found)
    assert fixed == "Er sagte „Nein“ – und ging. Die Preise stiegen um 25\u00a0%."


@pytest.mark.parametrize("text", [
    "Troops leave the U.S.\n\nThe troops left on Monday. They came back.",   # an abbreviation's period
    "The troops left. They came back.\n\nNobody was hurt.",                  # two sentences: no headline
    "Troops and US envoy arrive\n\nThe U.S. envoy and a USB stick.",          # US in a headline, USB
])
def test_us_news_stays_quiet_on_its_own_conventions(text):
    assert codes(text, "en", profiles=["us-news"], select=["MT804", "MT805"]) == []


def test_profiles_from_config_and_cli_and_unknown_ones_are_errors(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(GERMAN + "\n", encoding="utf-8")
    rc, out, _ = run(capsys, "check", "--isolated", "--lang", "de", "--profile", "de-typography", "a.txt")
    assert rc == 1 and "MT801" in out
    (tmp_path / "pyproject.toml").write_text('[tool.mtcheck]\nprofiles = ["de-typography"]\n', encoding="utf-8")
    assert load_config(tmp_path / "pyproject.toml").profiles == ["de-typography"]
    rc, out, _ = run(capsys, "check", "--lang", "de", "a.txt")
    assert rc == 1 and "MT802" in out
    rc, _, err = run(capsys, "check", "--isolated", "--lang", "de", "--profile", "de-typo", "a.txt")
    assert rc == 2
    assert_one_line_error(err, "de-typo", "de-typography")
    (tmp_path / "pyproject.toml").write_text('[tool.mtcheck]\nprofiles = ["house"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="house"):
        load_config(tmp_path / "pyproject.toml")
