"""Language knowledge, looked up from data files: one folder per language.

Each folder holds ``language.toml``, ``boilerplate.txt`` and, in some, ``names.toml`` (written by
hand, commented) and generated files (``lexicon.bin``, ``glue_words.txt``, built by
``scripts/build_language_data.py``; ``casing.txt``, ``accents.txt``, ``source_spellings.txt``,
``name_variants.txt``, built by ``scripts/build_casing_data.py``; ``settings.json``, the two
TOML files as JSON, written by ``scripts/build_settings.py``: JSON is read in C, and a one-file run is spared importing and
running the TOML parser, 7 ms of its start-up). Adding a target language is adding a folder; no
rule names a language.

Generated and hand-written settings: ``settings.json`` is three layers, the upper winning key by
key (tables merge, other values replace): ``defaults.toml`` (this folder: what a language without
a word on it gets), the generated ``cldr.json`` (``scripts/build_cldr_data.py``: name, script,
quotation marks, number separators, weekday/month/language names from CLDR) and ``lexicon.json``
(``scripts/build_language_data.py``: how wordfreq folded the words of ``lexicon.bin``, so that
lookups fold alike: ``heißt`` → ``heisst``, Turkish ``İstanbul`` → ``istanbul``), and at the top
the hand-written ``language.toml``, which says only what data cannot (compounding, clause words,
abbreviations…), each key with a comment why. The first eight languages' files say everything.

Beside the folders, hand-written TOML files hold what is no one folder's (:data:`TOP_LEVEL`,
read from the JSON file of each name that ``scripts/build_settings.py`` writes):
``defaults.toml``; ``without_folder.toml``, what is known of languages without a folder
(Estonian and Serbian write ordinals with a period), in language.toml's shape; and
``transliteration.toml``, knowledge of a script rather than a language (how transliterations of
one name differ: ``Dmitry``, ``Dmitri``).
:func:`language_settings` gives any code's settings, folder or not. Where code reads a text
whatever its language (a translation keeps the source's `3rd`), it takes every language's key
together (:func:`every_language`).

Languages with data and target languages: every folder with a ``language.toml`` has data
(:func:`with_data`, :func:`get_language`); the target languages (:func:`available`) are those
that also have the hand-written ``boilerplate.txt``, the clean-text fixtures and casing test sets,
and only they take part in language detection and the runner (a language joins by getting them).

Regions: a code with a region or script (``pt-PT``, ``de-CH``, ``zh-TW``) is served by its
language's data with the region's CLDR conventions laid over it (:func:`language_for`): the
generated ``regions.json`` of the language's folder (``scripts/build_cldr_data.py``) lists the
locales whose quotation marks or number separators differ from the language's default locale,
with only what differs. ``pt`` and ``pt-BR`` (Babel's ``pt`` is Brazil) get the default.

Everything is loaded lazily and cached, so checking English never reads the Russian lexicon.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from mtcheck.languages.lexicon import BlockLexicon

DATA_DIR = Path(__file__).parent


class UnknownLanguage(ValueError):
    pass


@dataclass
class QuotePair:
    open: str
    close: str

    @property
    def symmetric(self) -> bool:
        return self.open == self.close


@dataclass
class Language:
    """A target language as the rules see it."""

    code: str
    name: str
    script: str
    quotes: list[QuotePair]
    primary_quotes: QuotePair
    secondary_quotes: QuotePair
    no_space_before: str
    allowed_marks: str
    compounding: bool
    repeated_ok: frozenset[str]
    # Words whose doubling is grammatical where they open a clause (German `, die die Zeitung`).
    repeated_opening_clause: frozenset[str]
    bound_suffixes: frozenset[str]
    bound_prefixes: frozenset[str]
    abbreviations: frozenset[str]
    clause_words: frozenset[str]
    name_connectors: frozenset[str]
    noun_markers: frozenset[str]
    date_markers: frozenset[str]
    over_capitalized: frozenset[str]
    folder: Path = field(repr=False)
    # Marks written after a space (a no-break or narrow no-break one: French `Pourquoi ?`), and
    # quotation marks with a space on their inner side (French `« oui »`): a mark glued to its
    # word is a missing space ([punctuation] space_before, space_inside; empty: none).
    space_before: str = ""
    space_inside: str = ""
    # True where every noun is written with a capital (German): capitals say little of names.
    capitalized_nouns: bool = False
    # False for scripts written without spaces between words (Japanese, Chinese, Thai): rules
    # that find lost or extra spaces between words have nothing to judge there.
    spaced: bool = True
    # How words are folded before a lexicon lookup (lexicon.json, see fold_word).
    folding: dict = field(default_factory=dict, repr=False)
    # Words whose doubling is grammatical only in a context ([words.repeated_context]): after
    # one of the words of ``after`` earlier in the sentence (`What it is is`), or unless the
    # next word is one of ``not_before`` (`that that is` but not `that that this`).
    repeated_context: dict = field(default_factory=dict, repr=False)
    # What a house-style profile reads of the language ([house_style]: `dotted` abbreviations).
    house_style: dict = field(default_factory=dict, repr=False)
    # The language tag whose conventions these are: ``code`` for the default locale, the
    # region's tag (``pt-PT``) for a region variant (see language_for); number data is looked
    # up by it, lexicon and settings by ``code``.
    tag: str = ""

    def __post_init__(self) -> None:
        self.tag = self.tag or self.code

    @property
    def quote_chars(self) -> set[str]:
        return {c for q in self.quotes for c in (q.open, q.close)}

    @property
    def _lexicon(self) -> BlockLexicon | None:
        return _block_lexicon(self.folder)  # one per folder, shared by the region variants

    @property
    def lexicon(self) -> dict[str, float]:
        """Lower-case word → Zipf frequency (log10 of occurrences per billion words); every
        word, loaded at once. Rules use :meth:`zipf`, which loads only what it looks up."""
        return self._lexicon.all_words() if self._lexicon else {}

    def zipf(self, word: str) -> float:
        """Zipf frequency of a word, 0.0 when it is not in the lexicon.

        >>> get_language("en").zipf("The") > 7
        True
        >>> get_language("de").zipf("heißt") > 3  # wordfreq folds ß to ss
        True
        """
        return self._lexicon.zipf(self.fold(word)) if self._lexicon else 0.0

    def fold(self, word: str) -> str:
        """A word as the lexicon stores it: lower case the way wordfreq folded it for this
        language (``lexicon.json``).

        >>> get_language("de").fold("Heißt"), get_language("tr").fold("İstanbul")
        ('heisst', 'istanbul')
        """
        return fold_word(word, self.folding)

    def lower(self, text: str) -> str:
        """``text`` in lower case by this language's rule: Turkish and Azerbaijani (wordfreq's
        ``dotless_i``, in lexicon.json) pair ``I`` with ``ı`` and ``İ`` with ``i``, which
        ``str.lower`` does not know.

        >>> get_language("tr").lower("ISPARTA İZMİR"), get_language("en").lower("IZMIR")
        ('ısparta izmir', 'izmir')
        """
        return lower_case(text, self.folding.get("dotless_i", False))

    def upper(self, text: str) -> str:
        """``text`` in capitals by this language's rule (see :meth:`lower`).

        >>> get_language("tr").upper("istanbul ılık"), get_language("en").upper("istanbul")
        ('İSTANBUL ILIK', 'ISTANBUL')
        """
        return upper_case(text, self.folding.get("dotless_i", False))

    def words_starting(self, stem: str, limit: int = 10) -> int:
        """How many lexicon words begin with ``stem`` and are longer (counted up to ``limit``).

        A high count means ``stem`` takes endings (Portuguese ``possibilitar-em``), so an
        unknown ``stem + X`` is more likely an inflection than two glued words.
        """
        return self._lexicon.words_starting(stem, limit) if self._lexicon else 0

    def starting(self, stem: str, limit: int = 10) -> list[str]:
        """Up to ``limit`` lexicon words longer than ``stem`` (folded) that begin with it."""
        return self._lexicon.starting(stem, limit) if self._lexicon else []

    def ending(self, tail: str, limit: int = 10) -> list[str]:
        """Up to ``limit`` lexicon words longer than ``tail`` (folded) that end with it."""
        return self._lexicon.ending(tail, limit) if self._lexicon else []

    def words_ending(self, tail: str, limit: int = 10) -> int:
        """How many lexicon words end with ``tail`` and are longer (counted up to ``limit``)."""
        return self._lexicon.words_ending(tail, limit) if self._lexicon else 0

    @cached_property
    def boilerplate(self) -> frozenset[str]:
        """Lower-case prompts of news sites in this language (``also read``), from boilerplate.txt."""
        return _boilerplate(self.code)

    @property
    def glue_words(self) -> dict[str, str]:
        """Frequent lower-case words → the sides (``L``, ``R``) a lost space may be assumed on."""
        return glue_words(self.code)

    @property
    def casing(self) -> "CasingTable":
        """Lower-case word → how the language writes it mid-sentence (casing.txt).

        >>> get_language("en").casing["wednesday"].form
        'Wednesday'
        >>> get_language("es").casing["lunes"].kind
        'weekday'
        """
        return _casing_table(self.folder, bool(self.folding.get("dotless_i")))

    @property
    def segmentation(self) -> "SegmentationData":
        """How the language's glue words behave (segmentation.txt): how often each ends a
        sentence, and where one is an ending or a prefix rather than a word of its own.

        >>> en = get_language("en")
        >>> en.segmentation.ends_sentences("the"), en.segmentation.ends_sentences("said")
        (False, True)
        """
        return _segmentation(self.folder)

    @property
    def accents(self) -> dict[str, str]:
        """Accent-less forms that are no word of the language → the word (accents.txt)."""
        return _accents(self.folder)

    @property
    def source_spellings(self) -> dict[str, tuple[str, tuple[str, ...]]]:
        """Spellings of places in other target languages → (this language's name, the codes of
        those languages) (source_spellings.txt): English ``Járkov`` → ``Kharkiv``, Spanish."""
        return _source_spellings(self.folder)

    @cached_property
    def name_variants(self) -> list[tuple[str, ...]]:
        """Spellings of one name, the current one first: renamed places (name_variants.txt,
        English ``Kolkata``, ``Calcutta``) and names.toml's ``variants`` where a language lists any."""
        return [*_name_variants(self.folder), *(tuple(group) for group in self._names_table.get("variants", []))]

    @cached_property
    def name_phrases(self) -> tuple[str, ...]:
        """Names of several words whose inner words keep their case, such as holidays named by
        their date (names.toml ``phrases``: French ``14 Juillet``, Italian ``25 Aprile``)."""
        return tuple(self._names_table.get("phrases", ()))

    @cached_property
    def _names_table(self) -> dict:
        return settings(self.code)["names"] if self.has_data else {}

    @property
    def has_data(self) -> bool:
        """Does mtcheck have data for this language (False: only the language-independent
        rules run on it, see ``language_for``)?"""
        return (self.folder / SETTINGS).exists()

    @cached_property
    def rules_off(self) -> frozenset[str]:
        """Codes of rules that do not run on this language (``[rules] off`` of its
        language.toml, each with the measurement that put it there): where the generated data
        is not yet good enough for a rule, the language keeps the other rules."""
        return frozenset(settings(self.code)["language"].get("rules", {}).get("off", ())) if self.has_data else frozenset()

    @cached_property
    def full_width_marks(self) -> dict[str, str]:
        """Half-width marks → the full-width form the language writes between its characters
        (``[punctuation] full_width``: Chinese ``,`` → ``，``, Japanese ``,`` → ``、``); empty
        for languages that use the Latin marks."""
        return settings(self.code)["language"]["punctuation"].get("full_width", {}) if self.has_data else {}


@dataclass(frozen=True)
class CaseEntry:
    """How a word is written mid-sentence: ``form`` (``Kharkiv``, ``lunes``), whether it is a
    name (always capitalized) or a lower-case ``kind`` of word (weekday, month, language), and
    the sources that say so (names.toml, cldr, dictionary, wiktionary, geonames, corpus).
    ``in_date``: the word is also another word or a name (English ``march``, Spanish
    ``Domingo``), so it is judged only where a date marks it (``5 march``, ``el Domingo``)."""

    form: str
    is_name: bool
    kind: str
    sources: frozenset[str]
    in_date: bool = False


class CasingTable:
    """The casing.txt of a language, read in one pass of C-speed splits (German lists 50,000
    noun forms; loading stays a few milliseconds).

    The file is sections separated by blank lines: a header ``class<TAB>sources`` (``name``,
    ``lower:weekday``, ``lower:month:in-date``…) and one written form per line. The key of a form
    is its lower case by the language's rule (``dotless_i``: Turkish ``İstanbul`` → ``istanbul``,
    ``Irak`` → ``ırak``, as :meth:`Language.lower`; ``str.lower`` gives ``i̇stanbul``).
    """

    def __init__(self, text: str, dotless_i: bool = False):
        self._forms: dict[str, str] = {}
        self._section: dict[str, tuple[bool, str, frozenset[str], bool]] = {}  # CaseEntry but its form
        for block in text.split("\n\n"):
            header, _, body = block.strip("\n").partition("\n")
            if not body or header.startswith("#"):
                continue
            cls, sources = header.split("\t")
            parts = cls.split(":")
            kind = next((p for p in parts[1:] if p != "in-date"), "")
            keys = lower_case(body, dotless_i).split("\n")
            self._forms.update(zip(keys, body.split("\n")))
            self._section.update(dict.fromkeys(
                keys, (parts[0] == "name", kind, frozenset(sources.split(",")), "in-date" in parts)))

    def get(self, key: str) -> CaseEntry | None:
        section = self._section.get(key)
        return None if section is None else CaseEntry(self._forms[key], *section)

    def __getitem__(self, key: str) -> CaseEntry:
        entry = self.get(key)
        if entry is None:
            raise KeyError(key)
        return entry

    def __len__(self) -> int:
        return len(self._forms)

    def items(self):
        return ((key, self[key]) for key in self._forms)


class SegmentationData:
    """The rows of a language's segmentation.txt (scripts/build_language_data.py).

    ``final`` rows: a glue word, the share of its treebank uses (first words left out) that end
    a sentence, and the number of uses. ``R`` and ``L`` rows: a glue word, an edge (the last
    letters of a word before it, R, or the first letters of a word after it, L) and the share of
    the language's frequent words with that edge that form a longer word with it (Portuguese
    ``-dor`` + ``as``: ``trabalhadoras``); ``edges`` rows: the edges of two and three letters that
    enough words have for that share to say something; ``J`` rows: last letters and the share of
    the frequent words ending so that begin a compound; ``C`` rows: how many compounds a glue
    word ends (R) or begins (L). The ``alphabet`` row: the letters of the lexicon's
    words, most frequent first.
    """

    # A glue word ends a sentence "never" below this share of its uses, on enough of them.
    NEVER_FINAL = 0.01
    MIN_USES = 20

    def __init__(self, rows):
        self.alphabet = ""  # the letters of the lexicon's words, most frequent first
        self._final: dict[str, tuple[float, int]] = {}
        self._affix: dict[tuple[str, str], dict[str, float]] = {}
        self._edges: dict[str, frozenset[str]] = {"L": frozenset(), "R": frozenset()}
        self._starts: dict[str, float] = {}
        self._compounds: dict[tuple[str, str], int] = {}
        for row in rows:
            if row[0] == "alphabet":
                self.alphabet = row[1]
            elif row[0] == "final":
                self._final[row[1]] = (float(row[2]), int(row[3]))
            elif row[0] == "C":
                self._compounds[(row[1], row[2])] = int(row[3])
            elif row[0] == "J":
                self._starts[row[1]] = float(row[2])
            elif row[0] == "edges":
                self._edges[row[1]] = frozenset(row[2].split(" "))
            elif row[0] in ("L", "R"):
                self._affix.setdefault((row[0], row[1]), {})[row[2]] = float(row[3])

    def ends_sentences(self, word: str, min_uses: int = MIN_USES) -> bool | None:
        """Can the glue word ``word`` end a sentence? None where the treebanks say too little
        (fewer than ``min_uses`` uses)."""
        share, uses = self._final.get(word, (0.0, 0))
        if share >= self.NEVER_FINAL:
            return True
        return False if uses >= min_uses else None

    def compounds(self, side: str, glue: str) -> int:
        """How many compounds of the lexicon the glue word ends (R) or begins (L) (``C`` rows)."""
        return self._compounds.get((side, glue), 0)

    def compound_start(self, word: str) -> float:
        """The share of frequent words ending as ``word`` does (its last 3 or 2 letters, the
        larger share) that begin a compound of the lexicon; 1.0 where too few words end so for
        the share to say anything (``J`` rows, ``edges R``)."""
        shares = [self._starts.get(word[-k:], 0.0) for k in (3, 2) if len(word) > k and word[-k:] in self._edges["R"]]
        return max(shares) if shares else 1.0

    def affix_share(self, side: str, glue: str, word: str) -> float:
        """The share of the frequent words with ``word``'s edge that form one word with ``glue``
        on ``side`` (R: ``word + glue``, L: ``glue + word``), the edge being ``word``'s longest
        of 3, 2 or 1 letters (last letters for R, first for L) that enough words have."""
        shares = self._affix.get((side, glue))
        if not shares:
            return 0.0
        edges = self._edges[side]
        for k in (3, 2, 1):
            if len(word) > k:
                edge = word[-k:] if side == "R" else word[:k]
                if k == 1 or edge in edges:
                    return shares.get(edge, 0.0)
        return 0.0


_CEDILLAS_TO_COMMAS = str.maketrans("şţ", "șț")
_COMMAS_TO_CEDILLAS = str.maketrans("șț", "şţ")


def lower_case(text: str, dotless_i: bool) -> str:
    """``text`` in lower case; with ``dotless_i`` (Turkish, Azerbaijani: wordfreq's flag in
    lexicon.json) ``I`` pairs with ``ı`` and ``İ`` with ``i``, which ``str.lower`` does not know
    (it gives ``i̇stanbul``, with a combining dot).

    >>> lower_case("ISPARTA İZMİR", True), lower_case("IZMIR", False)
    ('ısparta izmir', 'izmir')
    """
    if dotless_i:
        text = text.replace("İ", "i").replace("I", "ı")
    return text.lower()


def upper_case(text: str, dotless_i: bool) -> str:
    """``text`` in capitals, pairing as :func:`lower_case` does.

    >>> upper_case("istanbul ılık", True), upper_case("istanbul", False)
    ('İSTANBUL ILIK', 'ISTANBUL')
    """
    if dotless_i:
        text = text.replace("i", "İ").replace("ı", "I")
    return text.upper()


def fold_word(word: str, rule: dict) -> str:
    """Fold a word as wordfreq's ``preprocess_text`` folds its words (its rule of the language,
    copied into ``lexicon.json``): Unicode normal form, marks of abjads dropped, case folding
    (``ß`` → ``ss``; Turkish ``İ`` → ``i``, ``I`` → ``ı``), cedilla or comma below. An ASCII word
    with the default rule only lower-cases (the common case, kept fast).

    >>> fold_word("Straße", {}), fold_word("ISTANBUL", {"dotless_i": True})
    ('strasse', 'ıstanbul')
    >>> fold_word("Ştiinţă", {"diacritics_under": "commas"})
    'știință'
    """
    if word.isascii() and not rule.get("dotless_i"):
        return word.lower()
    word = unicodedata.normalize(rule.get("normal_form", "NFC"), word)
    if rule.get("remove_marks"):
        word = "".join(c for c in word if unicodedata.category(c) != "Mn" and c != "\u0640")
    word = lower_case(word, rule.get("dotless_i", False)).casefold()
    under = rule.get("diacritics_under")
    if under:
        word = word.translate(_CEDILLAS_TO_COMMAS if under == "commas" else _COMMAS_TO_CEDILLAS)
    return word


# The big tables of a folder, read once and shared by the Language of the folder and its region
# variants (a pt-PT text and a pt-BR text in one run do not load the Portuguese lexicon twice).
@lru_cache(maxsize=None)
def _block_lexicon(folder: Path) -> BlockLexicon | None:
    path = folder / "lexicon.bin"
    return BlockLexicon(path.read_bytes()) if path.exists() else None


@lru_cache(maxsize=None)
def _casing_table(folder: Path, dotless_i: bool = False) -> CasingTable:
    path = folder / "casing.txt"
    return CasingTable(path.read_text(encoding="utf-8") if path.exists() else "", dotless_i)


@lru_cache(maxsize=None)
def _segmentation(folder: Path) -> SegmentationData:
    return SegmentationData(_rows(folder / "segmentation.txt", 4))


@lru_cache(maxsize=None)
def _accents(folder: Path) -> dict[str, str]:
    return dict(_rows(folder / "accents.txt", 2))


@lru_cache(maxsize=None)
def _source_spellings(folder: Path) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {form: (name, tuple(langs.split(","))) for form, name, langs in _rows(folder / "source_spellings.txt", 3)}


@lru_cache(maxsize=None)
def _name_variants(folder: Path) -> tuple[tuple[str, ...], ...]:
    groups: dict[str, list[str]] = {}
    for current, former in _rows(folder / "name_variants.txt", 2):
        groups.setdefault(current, [current]).append(former)
    return tuple(tuple(group) for group in groups.values())


def _rows(path: Path, width: int):
    """Tab-separated rows of a generated data file, comments skipped; none when it is absent."""
    if not path.exists():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            yield tuple(line.split("\t")[:width])


def available() -> list[str]:
    """Codes of the target languages (with every hand-written file and test set), sorted."""
    return list(_available())


@lru_cache(maxsize=1)
def _available() -> tuple[str, ...]:
    # Read once: rules ask for every document, and a directory glob costs ~0.2 ms.
    return tuple(sorted(p.parent.name for p in DATA_DIR.glob("*/boilerplate.txt")
                        if (p.parent / "language.toml").exists()))


def with_data() -> list[str]:
    """Codes of every language with data (a folder with language.toml), sorted: the target
    languages and those with generated data only."""
    return list(_with_data())


@lru_cache(maxsize=1)
def _with_data() -> tuple[str, ...]:
    return tuple(sorted(p.parent.name for p in DATA_DIR.glob("*/language.toml")))


# The data files a data version covers: what the package ships (pyproject.toml's package-data),
# so a checkout and an installed copy of the same data agree; Python sources are code, not data.
DATA_SUFFIXES = (".tsv", ".toml", ".txt", ".bin", ".json")


@lru_cache(maxsize=None)
def data_version(folder: Path = DATA_DIR) -> str:
    """A short fingerprint of the language data under ``folder``: 12 hex digits of a SHA-256 of
    every data file's path and size, the same on every machine for the same files (no times).
    Scores and reports carry it in their signature (``mtcheck.scoring.signature``).

    Sizes, not contents: hashing the 41 MB would add ~50 ms to every ``check --format json``,
    a stat of the ~380 files costs ~2 ms. Any rebuild of a lexicon or table, or an added word,
    changes a size; what it misses is an edit that keeps every size (a letter for another).

    >>> v = data_version()
    >>> len(v), v == data_version(DATA_DIR)
    (12, True)
    """
    import hashlib
    import os

    def sizes(path: str, prefix: str):
        for entry in os.scandir(path):
            if entry.is_dir():
                if entry.name != "__pycache__":
                    yield from sizes(entry.path, f"{prefix}{entry.name}/")
            elif entry.name.endswith(DATA_SUFFIXES):
                yield f"{prefix}{entry.name}", entry.stat().st_size

    listing = "".join(f"{name}\t{size}\n" for name, size in sorted(sizes(str(folder), "")))
    return hashlib.sha256(listing.encode("utf-8")).hexdigest()[:12]


@lru_cache(maxsize=None)
def _boilerplate(code: str) -> frozenset[str]:
    path = DATA_DIR / code / "boilerplate.txt"
    if not path.exists():
        return frozenset()
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def all_boilerplate() -> frozenset[str]:
    """The prompts of every language with data, read without loading the languages themselves
    (page furniture may arrive untranslated, so every text is checked against all of them)."""
    return frozenset().union(*(_boilerplate(code) for code in available()))


@lru_cache(maxsize=None)
def glue_words(code: str) -> dict[str, str]:
    """A language's glue words (``languages/<code>/glue_words.txt``) without the rest of its
    data: the function-word test of every language needs only these."""
    return dict(_rows(DATA_DIR / code / "glue_words.txt", 2))


SETTINGS = "settings.json"


GENERATED_SETTINGS = ("cldr.json", "lexicon.json")  # laid under language.toml, in this order


def layered(base: dict, top: dict) -> dict:
    """``top`` over ``base``: tables merge key by key, any other value of ``top`` wins.

    >>> layered({"quotes": {"primary": ["“", "”"], "pairs": [1]}, "name": "x"}, {"quotes": {"pairs": [2]}})
    {'quotes': {'primary': ['“', '”'], 'pairs': [2]}, 'name': 'x'}
    """
    out = dict(base)
    for key, value in top.items():
        out[key] = layered(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def _read_toml(path: Path) -> dict:
    try:  # Python 3.11+
        import tomllib
    except ModuleNotFoundError:  # pragma: no cover - Python 3.10
        import tomli as tomllib

    return tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def settings_from_toml(folder: Path) -> dict:
    """A language's settings as ``settings.json`` holds them: ``{"language": …, "names":
    names.toml or {}}``, "language" being defaults.toml, then the generated files, then
    language.toml, each over the one before (see the module docstring)."""
    language = _read_toml(DATA_DIR / "defaults.toml")
    for name in GENERATED_SETTINGS:
        if (folder / name).exists():
            language = layered(language, json.loads((folder / name).read_text(encoding="utf-8")))
    language = layered(language, _read_toml(folder / "language.toml"))
    return {"language": language, "names": _read_toml(folder / "names.toml")}


@lru_cache(maxsize=None)
def settings(code: str) -> dict:
    """A language's hand-written settings as ``settings.json`` holds them (``language``, ``names``)."""
    return json.loads((DATA_DIR / code / SETTINGS).read_text(encoding="utf-8"))


# The hand-written TOML files of this folder that are no one folder's: what every language gets
# for a key nobody wrote for it (defaults), what is known of languages without a folder
# (without_folder), and how transliterations of a name differ in each script (transliteration).
# Each is read at run time from the JSON file of its name that scripts/build_settings.py writes,
# as a folder's language.toml is from its settings.json (no TOML parser on a one-file run).
TOP_LEVEL = ("defaults", "without_folder", "transliteration")


def top_level_from_toml(name: str) -> dict:
    """``<name>.toml`` of this folder, parsed (what build_settings.py writes as ``<name>.json``)."""
    return _read_toml(DATA_DIR / f"{name}.toml")


@lru_cache(maxsize=None)
def top_level(name: str) -> dict:
    """One of the files of :data:`TOP_LEVEL`, as its generated ``<name>.json`` holds it.

    >>> top_level("defaults")["sentences"]["ordinal_dot"], top_level("without_folder")["et"]
    (False, {'sentences': {'ordinal_dot': True}})
    """
    return json.loads((DATA_DIR / f"{name}.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=512)
def language_settings(code: str | None) -> dict:
    """The ``language`` table of settings for any code users write, in the shape of a folder's
    ``settings(folder)["language"]``: its data folder's (the default locale's: regions are
    :func:`language_for`'s business), else defaults.toml with what without_folder.toml says of
    the code's canonical tag laid over, else defaults.toml alone (no code, a malformed one, a
    language nothing is known of). Shared, like :func:`settings`: not to be changed.

    >>> [language_settings(c)["sentences"]["ordinal_dot"] for c in ("de-AT", "cs", "et", "et-EE", "hr", "en", "zz", None, "1!")]
    [True, True, True, True, True, False, False, False, False]
    """
    from mtcheck.languages.codes import InvalidLanguageCode, base, canonical, data_code

    try:
        folder = data_code(code) if code else None
        tag = canonical(code) if code else ""
    except InvalidLanguageCode:
        folder, tag = None, ""
    if folder is not None:
        return settings(folder)["language"]
    # By the canonical tag, else its language (`et-EE` is Estonian as `et` is).
    table = top_level("without_folder")
    known = table.get(tag) or (table.get(base(tag)) if tag else None)
    return layered(top_level("defaults"), known) if known else top_level("defaults")


# Keys read in every text whatever its language (every_language). scripts/build_settings.py
# writes their values, every language's taken together, into every_language.json: a run reads
# that small file, not the settings.json of every folder (~4 ms).
EVERY_LANGUAGE = (("numbers", "ordinal_suffixes"), ("numbers", "borrowed_scale"), ("sentences", "quotative"))


def every_language_from(tables: list[dict]) -> dict:
    """The keys of :data:`EVERY_LANGUAGE` of many languages' ``language`` tables, taken
    together (what build_settings.py writes into every_language.json): a list's items, a
    table's keys, each once, the first language that gives a table's key winning.

    >>> every_language_from([{"numbers": {"ordinal_suffixes": ["e", "er"], "borrowed_scale": {"bn": 1}}},
    ...                      {"numbers": {"ordinal_suffixes": ["st", "e"], "borrowed_scale": {"bn": 2}}}, {}])["numbers"]
    {'ordinal_suffixes': ['e', 'er', 'st'], 'borrowed_scale': {'bn': 1}}
    """
    out: dict = {}
    for table, key in EVERY_LANGUAGE:
        values = [data.get(table, {}).get(key) for data in tables]
        if any(isinstance(v, dict) for v in values):
            merged: dict = {}
            for value in values:
                for name, item in (value or {}).items():
                    merged.setdefault(name, item)
        else:
            merged = list(dict.fromkeys(item for value in values for item in value or ()))
        out.setdefault(table, {})[key] = merged
    return out


@lru_cache(maxsize=None)
def every_language(table: str, key: str) -> tuple:
    """What every language says under ``[table] key`` (one of :data:`EVERY_LANGUAGE`), taken
    together, for code that reads a text whatever its language (a translation keeps the
    source's `3rd`; `2 million` is met in German text): the items of the languages' lists, or
    the ``(key, value)`` pairs of their tables, from the folders' language.toml and
    without_folder.toml (every_language.json, see :func:`every_language_from`).

    >>> every_language("numbers", "borrowed_scale")
    (('billion', 1000000000), ('bn', 1000000000), ('million', 1000000), ('mln', 1000000))
    >>> "st" in every_language("numbers", "ordinal_suffixes")
    True
    """
    value = _every_language()[table][key]
    return tuple(value.items()) if isinstance(value, dict) else tuple(value)


EVERY_LANGUAGE_FILE = "every_language.json"


@lru_cache(maxsize=1)
def _every_language() -> dict:
    return json.loads((DATA_DIR / EVERY_LANGUAGE_FILE).read_text(encoding="utf-8"))


REGIONS = "regions.json"


@lru_cache(maxsize=None)
def regions(code: str) -> dict[str, dict]:
    """Tag → what the region writes otherwise than the language's default locale, in
    cldr.json's shape (the folder's generated ``regions.json``; empty where none differs).

    >>> regions("pt")["pt-PT"]["quotes"]["primary"], "pt-BR" in regions("pt"), regions("ja")
    (['«', '»'], False, {})
    """
    path = DATA_DIR / code / REGIONS
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def region_tag(code: str, folder: str) -> str | None:
    """The tag of ``regions.json`` whose conventions a code takes: the code's tag or the
    longest of its prefixes listed there; None for the default locale (``pt``, ``pt-BR``) and
    for regions CLDR knows nothing different of (``pt-AQ``).

    >>> region_tag("pt_PT", "pt"), region_tag("pt-BR", "pt"), region_tag("de-CH-1996", "de"), region_tag("pt-AQ", "pt")
    ('pt-PT', None, 'de-CH', None)
    """
    from mtcheck.languages.codes import normalize

    table = {**regions(folder), **_hand_regions(folder)}
    if not table:
        return None
    parts = normalize(code).split("-")
    for n in range(len(parts), 1, -1):  # the language alone is the default locale
        tag = "-".join(parts[:n])
        if tag in table:
            return tag
    return None


def _hand_regions(folder: str) -> dict[str, dict]:
    """Tag → what a region writes otherwise, as the folder's language.toml says where CLDR has
    no word on it (``[regions."fr-CA".punctuation]``: Quebec's spacing before ``; ! ?``)."""
    path = DATA_DIR / folder / SETTINGS
    return settings(folder)["language"].get("regions", {}) if path.exists() else {}


def with_region(data: dict, region: dict) -> dict:
    """A language's settings with a region's differences laid over: the region's separators
    and primary and secondary quotation marks win, and its marks join the language's pairs
    (first), so the marks the language's own text uses are never foreign in the region.

    >>> data = {"quotes": {"pairs": [["“", "”"], ["«", "»"], ["‘", "’"]], "primary": ["“", "”"], "secondary": ["‘", "’"]}}
    >>> with_region(data, {"quotes": {"primary": ["«", "»"], "secondary": ["“", "”"]}})["quotes"]
    {'pairs': [['«', '»'], ['“', '”'], ['‘', '’']], 'primary': ['«', '»'], 'secondary': ['“', '”']}
    """
    out = layered(data, region)
    marks = [out["quotes"][key] for key in ("primary", "secondary") if key in region.get("quotes", {})]
    if marks:
        pairs = marks + [pair for pair in data["quotes"]["pairs"] if pair not in marks]
        out["quotes"] = {**out["quotes"], "pairs": pairs}
    return out


@lru_cache(maxsize=None)
def language_for(code: str) -> Language:
    """The Language that serves a code as users write it (``pt_BR``, ``es-419``, ``cs``): the
    data of its folder, with the conventions of the code's region where CLDR gives it other
    ones (``pt-PT``: ``«»``, a no-break space between thousands), or, for a language without
    data, a Language that knows nothing (no lexicon, no conventions), on which the rules that
    need no language knowledge still run.

    >>> language_for("pt_BR").code, language_for("pt_BR").has_data, language_for("pt_BR").tag
    ('pt', True, 'pt')
    >>> pt = language_for("pt_PT")
    >>> pt.code, pt.tag, pt.name, pt.primary_quotes.open
    ('pt', 'pt-PT', 'Portuguese (pt-PT)', '«')
    >>> language_for("zz-Latn").code, language_for("zz-Latn").has_data, language_for("zz").zipf("word")
    ('zz-Latn', False, 0.0)
    """
    from mtcheck.languages.codes import data_code, normalize

    folder = data_code(code)
    if folder is not None:
        region = region_tag(code, folder)
        return get_language(folder) if region is None else region_variant(folder, region)
    tag = normalize(code)
    no_quotes = QuotePair("", "")
    return Language(code=tag, name=tag, script="", quotes=[], primary_quotes=no_quotes,
                    secondary_quotes=no_quotes, no_space_before="", allowed_marks="", compounding=False,
                    repeated_ok=frozenset(), repeated_opening_clause=frozenset(), bound_suffixes=frozenset(), bound_prefixes=frozenset(),
                    abbreviations=frozenset(), clause_words=frozenset(), name_connectors=frozenset(),
                    noun_markers=frozenset(), date_markers=frozenset(), over_capitalized=frozenset(),
                    folder=DATA_DIR / "-")  # no such folder: every data file reads as absent


@lru_cache(maxsize=None)
def get_language(code: str) -> Language:
    """The Language of a data folder (``pt``), with its default locale's conventions."""
    folder = DATA_DIR / code
    if not (folder / "language.toml").exists():
        raise UnknownLanguage(f"no language data for {code!r} (have: {', '.join(with_data())})")
    data = settings(code)["language"]
    return _language(code, data, code, data["name"])


@lru_cache(maxsize=None)
def region_variant(code: str, tag: str) -> Language:
    """The Language of folder ``code`` with the conventions of ``tag`` (a key of its
    regions.json) laid over; cached, so a record of a JSONL file costs a dictionary lookup.

    >>> region_variant("de", "de-CH").name, region_variant("de", "de-CH").primary_quotes == get_language("de").primary_quotes
    ('German (de-CH)', True)
    """
    data = settings(code)["language"]
    region = layered(regions(code).get(tag, {}), _hand_regions(code).get(tag, {}))
    return _language(code, with_region(data, region), tag, f"{data['name']} ({tag})")


def _language(code: str, data: dict, tag: str, name: str) -> Language:
    """A Language from the ``language`` table of a folder's settings."""
    quotes = [QuotePair(o, c) for o, c in data["quotes"]["pairs"]]
    casing = data.get("casing", {})
    return Language(
        code=code,
        tag=tag,
        name=name,
        script=data["script"],
        quotes=quotes,
        primary_quotes=QuotePair(*data["quotes"]["primary"]),
        secondary_quotes=QuotePair(*data["quotes"]["secondary"]),
        no_space_before=data["punctuation"]["no_space_before"],
        allowed_marks=data["punctuation"].get("allowed_marks", ""),
        compounding=data["words"]["compounding"],
        repeated_ok=frozenset(data["words"].get("repeated_ok", [])),
        repeated_opening_clause=frozenset(data["words"].get("repeated_opening_clause", [])),
        bound_suffixes=frozenset(data["words"].get("bound_suffixes", [])),
        bound_prefixes=frozenset(data["words"].get("bound_prefixes", [])),
        abbreviations=frozenset(data["words"].get("abbreviations", [])),
        clause_words=frozenset(data["words"].get("clause_words", [])),
        name_connectors=frozenset(casing.get("name_connectors", [])),
        noun_markers=frozenset(casing.get("noun_markers", [])),
        date_markers=frozenset(casing.get("date_markers", [])),
        over_capitalized=frozenset(casing.get("over_capitalized", [])),
        capitalized_nouns=casing.get("capitalized_nouns", False),
        folder=DATA_DIR / code,
        spaced=data["words"].get("spaced", True),
        folding=data.get("lexicon", {}),
        house_style=data.get("house_style", {}),
        repeated_context={word: {k: frozenset(v) for k, v in context.items()}
                          for word, context in data["words"].get("repeated_context", {}).items()},
        space_before=data["punctuation"].get("space_before", ""),
        space_inside=data["punctuation"].get("space_inside", ""),
    )
