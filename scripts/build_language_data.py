#!/usr/bin/env python3
"""Build the generated language data shipped in ``mtcheck/languages/<lang>/``.

Four files per language are generated (``cldr.json`` comes from scripts/build_cldr_data.py,
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

``segmentation.txt``
    Where a glue word is an ending or a prefix rather than a word of its own, and how often it
    ends a sentence (see ``build_segmentation``): the evidence MT101 weighs before it splits an
    unknown token at a glue word (``moneyon`` is two words, Portuguese ``falarem`` one), and
    MT102 before it reads a lost sentence boundary (``delGobierno`` is no sentence end).

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
from collections import Counter, defaultdict
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


# Affix evidence (build_segmentation): a base word is one of Zipf >= AFFIX_BASE (its forms would be
# in the lexicon if it had them); a form counts at Zipf >= AFFIX_FORM (below it wordfreq lists
# glue artifacts such as `withthe`); an edge is the last (or first) 1–3 letters of the base word,
# kept where at least AFFIX_MIN_POPULATION base words have that edge (fewer say little), at least
# AFFIX_MIN_COUNT of them form a word with the glue word and they are at least AFFIX_MIN_RATIO of them.
AFFIX_BASE = 3.0
AFFIX_FORM = 1.5
AFFIX_EDGES = (1, 2, 3)
AFFIX_MIN_COUNT = 3
AFFIX_MIN_POPULATION = 20
AFFIX_MIN_RATIO = 0.02
FINAL = regex.compile(r"(?:\p{L}\p{M}*)+(?=[.!?…]+[\"»”’')\]]*\s*$)")


def _glue_rows(glue_text: str) -> dict[str, str]:
    return dict(line.split("\t")[:2] for line in glue_text.splitlines() if line and not line.startswith("#"))


def final_shares(files: list[Path], words: set[str]) -> dict[str, tuple[int, int]]:
    """Word → (times it ends a sentence, times it stands anywhere but first), counted on the
    tuning half of the treebank sentences (mtcheck.synthetic.heldout)."""
    from mtcheck.synthetic.heldout import held_out

    final, total = Counter(), Counter()
    for path in files:
        for line in path.open(encoding="utf-8"):
            row = json.loads(line)
            if held_out(path.name, row["id"]):
                continue
            text = row["text"].strip()
            last = FINAL.search(text)
            for i, m in enumerate(UD_WORD.finditer(text)):
                key = m.group().lower()
                if i == 0 or key not in words:
                    continue
                total[key] += 1
                final[key] += last is not None and m.start() == last.start()
    return {w: (final[w], total[w]) for w in words}


def affix_ratios(lexicon: dict[str, float], glue, fold) -> tuple[list[tuple[str, str, str, float]], dict]:
    """(side, glue word, edge, ratio): of the frequent base words with that edge (last letters
    for R, first letters for L), the share that forms a word with the glue word appended (R:
    `possibilitar` + `em`) or prepended (L: German `an` + `fangen`). A high share says the glue
    word there is an ending or a prefix, so an unknown `base + glue` is an unlisted form, not two
    words. Also, per side, the edges of two and three letters that enough base words have for
    their share to say something (a word is judged by its longest such edge)."""
    pieces = {"R": {}, "L": {}}
    for word in glue:  # both sides, whatever glue_words.txt allows: the rules decide
        key = fold(word)
        for side in "LR":
            pieces[side][key] = word
    longest = max((len(k) for side in pieces.values() for k in side), default=0)
    base = {w for w, z in lexicon.items() if z >= AFFIX_BASE}
    population = {"R": Counter(), "L": Counter()}
    for w in base:
        for k in AFFIX_EDGES:
            if len(w) > k:
                population["R"][w[-k:]] += 1
                population["L"][w[:k]] += 1
    formed = {"R": Counter(), "L": Counter()}
    for w, z in lexicon.items():
        if z < AFFIX_FORM:
            continue
        for n in range(1, min(longest, len(w) - 1) + 1):
            for side, piece, rest in (("R", w[-n:], w[:-n]), ("L", w[:n], w[n:])):
                if piece in pieces[side] and rest in base:
                    for k in AFFIX_EDGES:
                        if len(rest) > k:
                            formed[side][(piece, rest[-k:] if side == "R" else rest[:k])] += 1
    rows = []
    for side in "LR":
        for (piece, edge), n in formed[side].items():
            ratio = n / population[side][edge]
            if n >= AFFIX_MIN_COUNT and ratio >= AFFIX_MIN_RATIO and population[side][edge] >= AFFIX_MIN_POPULATION:
                rows.append((side, pieces[side][piece], edge, ratio))
    return sorted(rows), {side: sorted(e for e, n in population[side].items() if len(e) > 1 and n >= AFFIX_MIN_POPULATION)
                          for side in "LR"}


ALPHABET_SHARE = 0.999  # the alphabet: the most frequent letters of the lexicon's words, this share of them


def alphabet(lexicon: dict[str, float], script: str) -> str:
    """The letters of the language's script in the lexicon's words, most frequent first, that
    make up ALPHABET_SHARE of them (a typo is looked for with these: `delvery` for `delivery`)."""
    own = regex.compile(rf"\p{{Script={script}}}")
    counts = Counter(c for w in lexicon for c in w if c.isalpha() and own.match(c))
    total, kept, letters = sum(counts.values()), 0, []
    for c, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if kept >= ALPHABET_SHARE * total:
            break
        letters.append(c)
        kept += n
    return "".join(letters)


COMPOUND_MIN_SHARE = 0.01  # J rows below this are left out (read as 0)
COMPOUND_WORD = 2.0  # a compound counted for compound_starts: a word of at least this Zipf
COMPOUND_EDGES = (2, 3)


def compound_starts(lexicon: dict[str, float]) -> dict[str, float]:
    """Last letters (2 or 3) of a word → the share of the frequent words (Zipf >= AFFIX_BASE,
    3 letters or more) ending so that begin a compound of the lexicon: a word that is two such
    words joined (German `Verteidigung|s|ministerium` counts for `gs`; Russian `-ть`, an
    infinitive, begins none). Kept for edges at least AFFIX_MIN_POPULATION words have."""
    base = {w for w, z in lexicon.items() if z >= AFFIX_BASE and len(w) >= 3}
    population, starters = Counter(), defaultdict(set)
    for w in base:
        for k in COMPOUND_EDGES:
            population[w[-k:]] += 1
    for w, z in lexicon.items():
        if z < COMPOUND_WORD or len(w) < 6:
            continue
        for i in range(3, len(w) - 2):
            if w[:i] in base and w[i:] in base:
                for k in COMPOUND_EDGES:
                    starters[w[:i][-k:]].add(w[:i])
                break
    return {e: len(starters[e]) / n for e, n in sorted(population.items()) if n >= AFFIX_MIN_POPULATION}


COMPOUND_PARTNER = 4.0  # compound_counts: the other part, a frequent word of four letters or more
COMPOUND_FLOOR = 2.5  # and the compound itself a word wordfreq's web text does not list by chance
ARTIFACT = 11.5  # mtcheck/text/glue.py: a glue artifact is no more frequent than Zipf(l) + Zipf(r) - 11.5


def compound_counts(lexicon: dict[str, float], glue, fold) -> list[tuple[str, str, int]]:
    """(side, glue word, n): how many compounds of the lexicon the glue word ends (R) or begins
    (L) next to another frequent word of four letters or more: Dutch `deel` (`onderdeel`,
    `voordeel`), English `time` (`lifetime`); glue artifacts that wordfreq lists (`withthe`,
    no more frequent than an artifact of its parts) and rare compounds are not counted."""
    rows = []
    for word in glue:
        key = fold(word)
        own = lexicon.get(key, 0.0)
        counts = {"L": 0, "R": 0}
        for w, z in lexicon.items():
            if len(w) < len(key) + 4 or z < COMPOUND_FLOOR:
                continue
            for side, rest in (("R", w[:-len(key)] if w.endswith(key) else None),
                               ("L", w[len(key):] if w.startswith(key) else None)):
                if rest is not None:
                    partner = lexicon.get(rest, 0.0)
                    if partner >= COMPOUND_PARTNER and z > partner + own - ARTIFACT:
                        counts[side] += 1
        rows += [(side, word, n) for side, n in sorted(counts.items()) if n]
    return sorted(rows)


def build_segmentation(lang: str, ud_dir: Path, lexicon: dict[str, float], glue_text: str,
                       script: str = "Latin") -> str:
    """``segmentation.txt``: the ``alphabet`` row (:func:`alphabet`), ``final`` rows (a glue
    word, the share of its treebank uses, first words of a sentence left out, that end a
    sentence: `the` never does, `in` seldom, `said` often), then ``R``/``L`` rows of
    :func:`affix_ratios`."""
    from mtcheck.languages import fold_word

    glue = _glue_rows(glue_text)
    files = sorted(ud_dir.glob(f"{lang}-*.jsonl"))
    rule = json.loads(folding(lang))["lexicon"] if lexicon else {}
    lines = [f"# Segmentation evidence of {lang}, from its lexicon and the tuning half of the UD treebanks "
             f"{', '.join(p.name for p in files) or '(none)'}.\n",
             "# final<TAB>glue word<TAB>share of its uses (not first in a sentence) that end a sentence<TAB>uses\n",
             "# edges<TAB>R|L<TAB>the edges of 2 and 3 letters that enough frequent words have (the last "
             "letters, R, or the first, L)\n",
             "# R|L<TAB>glue word<TAB>edge<TAB>share of the frequent words with that last (R) or first (L) edge "
             "that form a word with it\n",
             "# J<TAB>last letters<TAB>share of the frequent words ending so that begin a compound (see compound_starts)\n",
             "# C<TAB>R|L<TAB>glue word<TAB>compounds of the lexicon it ends (R) or begins (L) (see compound_counts)\n",
             "# alphabet<TAB>the letters of the lexicon's words, most frequent first\n",
             "# Built by scripts/build_language_data.py; do not edit.\n"]
    if lexicon:
        lines.append(f"alphabet\t{alphabet(lexicon, script)}\n")
    if files:
        for word, (final, total) in sorted(final_shares(files, set(glue)).items()):
            if total:
                lines.append(f"final\t{word}\t{final / total:.4f}\t{total}\n")
    starts = compound_starts(lexicon) if lexicon else {}
    for edge, share in starts.items():
        if share >= COMPOUND_MIN_SHARE:
            lines.append(f"J\t{edge}\t{share:.3f}\n")
    for side, word, n in compound_counts(lexicon, glue, lambda w: fold_word(w, rule)):
        lines.append(f"C\t{side}\t{word}\t{n}\n")
    rows, edges = affix_ratios(lexicon, glue, lambda w: fold_word(w, rule))
    for side in "LR":
        if edges[side]:
            lines.append(f"edges\t{side}\t{' '.join(edges[side])}\n")
    for side, word, edge, ratio in rows:
        lines.append(f"{side}\t{word}\t{edge}\t{ratio:.3f}\n")
    return "".join(lines)


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
            (folder / "segmentation.txt").write_text(
                build_segmentation(lang, args.ud, read_lexicon(lexicon) if lexicon else {}, glue,
                                   settings(lang)["script"]), encoding="utf-8")
        print(f"{lang}: {folder}")


if __name__ == "__main__":
    main()
