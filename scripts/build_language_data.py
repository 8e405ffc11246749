#!/usr/bin/env python3
"""Build the generated language data shipped in ``mtcheck/languages/<lang>/``.

Three files per language are generated (``cldr.json`` comes from scripts/build_cldr_data.py,
``settings.json`` from scripts/build_settings.py); everything else is written by hand.

Languages: every language wordfreq has a list for (``best``: 42) and those with a hand-written
folder but no wordfreq list (see ``languages``); a language without a ``language.toml`` gets a
stub one (``STUB``) that leaves everything to the generated data.

``lexicon.bin``
    Word frequencies from wordfreq (pinned version, its ``large`` list for the first eight languages,
    ``best`` for the others), words of letters only
    (apostrophes and hyphens allowed) at Zipf >= MIN_ZIPF (MIN_ZIPF_NEW for the others), Zipf
    rounded to 0.1, in the block
    format of ``mtcheck/lexicon.py`` (sorted words in separately compressed blocks, so a short
    file loads only the blocks it looks up). Used for merged and split word detection: is this
    token a word, and how frequent is it?

``lexicon.json``
    How wordfreq folded the words (normal form, case folding, marks): lookups fold alike.

``glue_words.txt``
    The most frequent short words of the language's Universal Dependencies treebanks in
    ``../shared/data/ud`` that are written in lower case whenever they are not the first word of
    a sentence (see ``build_glue_words``): articles, pronouns, prepositions. A capitalized
    function word glued to a previous word (``injuredThey``) therefore starts a sentence, while a
    capitalized content word (German ``dieSoldaten``) does not: the language data decides.
    A language without treebank text takes its lexicon's most frequent short words instead; a
    language written without spaces (``[words] spaced = false``) has none.

Run it from the repository root; ``tests/test_language_data.py`` checks that the shipped files
equal what this script builds (where wordfreq and ../shared are present).

    python scripts/build_language_data.py [--ud ../shared/data/ud] [--out mtcheck/languages]
"""

from __future__ import annotations

import argparse
import json
import math
import re
from collections import Counter
from pathlib import Path

import regex

from mtcheck.languages import lexicon as lexicon_file

# Languages built: every language wordfreq has a list for (its codes are already the BCP-47
# base subtags mtcheck uses: `nb`, `fil`, `zh`; `sh` is Serbo-Croatian in Latin letters), and
# those with a hand-written folder but no wordfreq list (Galician, Thai: settings and UD text).
# The eight first languages use wordfreq's `large` list as before; the others its `best` one.
LARGE_LANGS = ["en", "es", "pt", "fr", "de", "it", "nl", "ru"]
STUB = ("# {name}: no hand-written settings yet. Everything comes from cldr.json (scripts/build_cldr_data.py)\n"
        "# and ../defaults.toml; add a key here only where data cannot say it, with a comment why.\n")
# The hand-written settings (language.toml) that the build reads, such as `compounding`.
SETTINGS = Path(__file__).resolve().parents[1] / "mtcheck" / "languages"
MIN_ZIPF = 1.5
# Languages added after the first eight keep fewer rare words: at 1.5 the 42 lexicons take 45 MB,
# at 2.0 for the new ones 36 MB (the first eight are 15 MB of it).
MIN_ZIPF_NEW = 2.0
# Letters and the combining marks inside them (Devanagari, Thai, Bengali vowel signs are marks,
# not letters: without them no Hindi word would pass); a word starts with a letter.
WORD = regex.compile(r"^\p{L}\p{M}*(?:\p{L}\p{M}*|['’-](?=\p{L}))*$")
# The first eight languages keep the letters-only pattern their lexicons were built with (with
# marks they would gain a few dozen strays, such as Hindi `का` in the English list).
WORD_FIRST_EIGHT = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*$")
UD_WORD = regex.compile(r"(?:\p{L}\p{M}*)+(?:['’](?:\p{L}\p{M}*)+)?")
TOP_GLUE = 150
MIN_COUNT = 5
MIN_LOWER_SHARE = 0.95
# A glue word is evidence of a lost space on a side where it forms few words; stricter for
# languages that write compounds, and for one-letter words (Romance -o/-a/-e endings).
MAX_PRODUCTIVITY = 0.02
MAX_PRODUCTIVITY_COMPOUNDING = 0.01
MAX_PRODUCTIVITY_ONE_LETTER = 0.01


def languages() -> list[str]:
    """Every language to build: wordfreq's and those with a folder of their own."""
    import wordfreq

    folders = {p.parent.name for p in SETTINGS.glob("*/language.toml")}
    return sorted(set(wordfreq.available_languages(wordlist="best")) | folders)


def wordlist(lang: str) -> str | None:
    """The wordfreq list a language's lexicon is built from (None: wordfreq has none)."""
    import wordfreq

    if lang in LARGE_LANGS:
        return "large"
    return "best" if lang in wordfreq.available_languages(wordlist="best") else None


def min_zipf(lang: str) -> float:
    return MIN_ZIPF if lang in LARGE_LANGS else MIN_ZIPF_NEW


def lexicon_words(lang: str) -> dict[str, int]:
    """Word → Zipf x 10 of the words kept (letters only, frequent enough)."""
    import wordfreq

    words: dict[str, int] = {}
    floor = min_zipf(lang)
    pattern = WORD_FIRST_EIGHT if lang in LARGE_LANGS else WORD
    for word, freq in wordfreq.get_frequency_dict(lang, wordlist=wordlist(lang)).items():
        zipf = math.log10(freq) + 9
        if zipf >= floor and pattern.match(word):
            words[word] = round(zipf * 10)
    return words


def build_lexicon(lang: str) -> bytes:
    from importlib.metadata import version

    comment = (f"# mtcheck lexicon for {lang}: wordfreq {version('wordfreq')} '{wordlist(lang)}' list, "
               f"Zipf >= {min_zipf(lang)}, stored as Zipf x 10.")
    return lexicon_file.encode(lexicon_words(lang), comment)


def folding(lang: str) -> str:
    """``lexicon.json``: how wordfreq folded the language's words (its ``get_language_info``),
    a [lexicon] table laid under language.toml, so that lookups fold alike
    (``mtcheck.languages.fold_word``)."""
    from wordfreq.language_info import get_language_info

    info = get_language_info(lang)
    # `tokenizer`: "regex" splits on spaces and punctuation; "mecab" (Japanese, Korean) and "jieba"
    # (Chinese) cut morphemes, so a Korean eojeol (`말했다`) is no entry of the lexicon.
    rule = {key: info[key] for key in ("normal_form", "remove_marks", "dotless_i", "diacritics_under", "tokenizer")
            if info[key] is not None}
    return json.dumps({"lexicon": rule}, sort_keys=True, indent=1) + "\n"


def _ud_words(path: Path):
    """Yield (word, sentence_initial, next_to_a_period) for the words of a UD jsonl file
    (a period before or after: abbreviations, and the parts of web addresses)."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            for i, m in enumerate(UD_WORD.finditer(text)):
                dotted = text.startswith(".", m.end()) or text[m.start() - 1: m.start()] == "."
                yield m.group(), i == 0, dotted


def ud_glue_candidates(files: list[Path]) -> list[str]:
    """Glue word candidates from treebank text (see build_glue_words)."""
    lower, total, period = Counter(), Counter(), Counter()
    for path in files:
        for word, initial, dotted in _ud_words(path):
            if initial:
                continue
            key = word.lower()
            total[key] += 1
            lower[key] += word == key
            period[key] += dotted
    return [w for w, n in total.most_common(TOP_GLUE)
            if len(w) <= 6 and n >= MIN_COUNT and lower[w] / n >= MIN_LOWER_SHARE
            and period[w] / n <= 0.2]


def wordfreq_glue_candidates(lexicon: dict[str, float], script: str) -> list[str]:
    """Glue word candidates of a language without treebank text: its TOP_GLUE most frequent
    words of at most 6 letters, written in the language's script (English `the` is frequent in
    every list). wordfreq's lists are case-folded, so the lower-case test of the treebank words
    cannot be made; the most frequent words of a language are its function words (and, in
    news-heavy lists, a few very common nouns). Case folding also turned a final `ς` into `σ`;
    glue words are compared in lower case, so the final form is restored.

    >>> wordfreq_glue_candidates({"ένασ": 6.0, "the": 5.0, "και": 7.0}, "Greek")
    ['και', 'ένας']
    """
    in_script = regex.compile(rf"^[\p{{Script={script}}}\p{{M}}'’-]+$")
    ranked = sorted(lexicon.items(), key=lambda kv: (-kv[1], kv[0]))
    chosen = [w for w, _ in ranked if len(w) <= 6 and WORD.match(w) and in_script.match(w)][:TOP_GLUE]
    return [regex.sub(r"σ\b", "ς", w) for w in chosen]


def build_glue_words(lang: str, ud_dir: Path, lexicon: dict[str, float], compounding: bool,
                     script: str = "Latin") -> str | None:
    """Frequent words written in lower case mid-sentence, with the sides they may be glued on.

    Taken from the treebanks where ``ud_dir`` has some text of the language, else from the
    lexicon (wordfreq_glue_candidates); None when neither exists. From the treebanks: the
    TOP_GLUE most frequent mid-sentence words of at most 6 letters
    that are lower case in >= 95 % of their mid-sentence uses and are not abbreviations (followed
    by a period in at most 20 % of uses). Articles, pronouns, prepositions, conjunctions and
    auxiliaries dominate that list in every language.

    The sides column says where a lost space may be assumed: ``L`` when ``word + X`` (X a known
    word) is rarely itself a word, ``R`` likewise for ``X + word``. A word that forms many words
    as a prefix or suffix (German ``aus``, feminine ``-in``) is no evidence of a lost space on
    that side (thresholds above). Productivity = share of the 5,000 most frequent words X of >= 3 letters for which
    the concatenation is a word of Zipf >= 2.5.
    """
    files = sorted(ud_dir.glob(f"{lang}-*.jsonl"))
    if not files and not lexicon:
        return None
    chosen = ud_glue_candidates(files) if files else wordfreq_glue_candidates(lexicon, script)
    top = [w for w, _ in sorted(lexicon.items(), key=lambda kv: -kv[1]) if len(w) >= 3][:5000]
    # The lexicon is case-folded: a word restored to its written form (final `ς`) is looked up
    # folded. Treebank words are looked up as written, as the first eight languages' files were
    # built (German `daß` therefore counts as forming no words; a rebuild would change it).
    lines = []
    for word in sorted(chosen):
        limit = MAX_PRODUCTIVITY_COMPOUNDING if compounding else MAX_PRODUCTIVITY
        if len(word) == 1:
            limit = min(limit, MAX_PRODUCTIVITY_ONE_LETTER)
        key = word if files else word.casefold()
        as_prefix = sum(lexicon.get(key + x, 0) >= 2.5 for x in top) / max(len(top), 1)
        as_suffix = sum(lexicon.get(x + key, 0) >= 2.5 for x in top) / max(len(top), 1)
        sides = ("L" if as_prefix <= limit else "") + ("R" if as_suffix <= limit else "")
        lines.append(f"{word}\t{sides or '-'}\t{as_prefix:.4f}\t{as_suffix:.4f}\n")
    source = (f"UD treebanks {', '.join(p.name for p in files)}" if files
              else "most frequent words of the lexicon (no treebank text)")
    header = (f"# Glue words of {lang}: frequent words written in lower case mid-sentence, from the "
              f"{source}.\n"
              f"# word<TAB>sides it may be glued on (L: word+X, R: X+word, -: neither)"
              f"<TAB>prefix productivity<TAB>suffix productivity\n"
              f"# Built by scripts/build_language_data.py; do not edit.\n")
    return header + "".join(lines)


def write_stub(lang: str) -> None:
    """A minimal hand-written language.toml for a language that has none yet."""
    path = SETTINGS / lang / "language.toml"
    if not path.exists():
        from babel import Locale

        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(STUB.format(name=Locale("en").languages.get(lang, lang)), encoding="utf-8")


def settings(lang: str) -> dict:
    """The language's settings as mtcheck reads them: defaults, cldr.json, language.toml."""
    from mtcheck.languages import settings_from_toml

    return settings_from_toml(SETTINGS / lang)["language"]


def read_lexicon(data: bytes) -> dict[str, float]:
    return lexicon_file.BlockLexicon(data).all_words()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ud", type=Path, default=Path("../shared/data/ud"))
    parser.add_argument("--out", type=Path, default=Path("mtcheck/languages"))
    parser.add_argument("--lang", nargs="*")
    args = parser.parse_args()
    for lang in args.lang or languages():
        folder = args.out / lang
        folder.mkdir(parents=True, exist_ok=True)
        write_stub(lang)
        lexicon = build_lexicon(lang) if wordlist(lang) else None
        if lexicon is not None:
            (folder / "lexicon.bin").write_bytes(lexicon)
            (folder / "lexicon.json").write_text(folding(lang), encoding="utf-8")
        words = settings(lang)["words"]
        if not words["spaced"]:  # no spaces between words: nothing is glued by a lost one
            print(f"{lang}: {folder} (no glue words: not written with spaces)")
            continue
        glue = build_glue_words(lang, args.ud, read_lexicon(lexicon) if lexicon else {}, words["compounding"],
                                settings(lang)["script"])
        if glue is not None:
            (folder / "glue_words.txt").write_text(glue, encoding="utf-8")
        print(f"{lang}: {folder}")


if __name__ == "__main__":
    main()
