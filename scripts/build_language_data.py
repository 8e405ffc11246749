#!/usr/bin/env python3
"""Build the generated language data shipped in ``mtcheck/languages/<lang>/``.

Two files per language are generated; everything else in those folders is written by hand.

``lexicon.bin``
    Word frequencies from wordfreq (pinned version, its ``large`` list), words of letters only
    (apostrophes and hyphens allowed) at Zipf >= MIN_ZIPF, Zipf rounded to 0.1, in the block
    format of ``mtcheck/lexicon.py`` (sorted words in separately compressed blocks, so a short
    file loads only the blocks it looks up). Used for merged and split word detection: is this
    token a word, and how frequent is it?

``glue_words.txt``
    The most frequent short words of the language's Universal Dependencies treebanks in
    ``../shared/data/ud`` that are written in lower case whenever they are not the first word of
    a sentence (see ``build_glue_words``): articles, pronouns, prepositions. A capitalized
    function word glued to a previous word (``injuredThey``) therefore starts a sentence, while a
    capitalized content word (German ``dieSoldaten``) does not: the language data decides.

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

from mtcheck import lexicon as lexicon_file

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

LANGS = ["en", "es", "pt", "fr", "de", "it", "nl", "ru"]
# The hand-written settings (language.toml) that the build reads, such as `compounding`.
SETTINGS = Path(__file__).resolve().parents[1] / "mtcheck" / "languages"
MIN_ZIPF = 1.5
WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*$")
TOP_GLUE = 150
MIN_COUNT = 5
MIN_LOWER_SHARE = 0.95
# A glue word is evidence of a lost space on a side where it forms few words; stricter for
# languages that write compounds, and for one-letter words (Romance -o/-a/-e endings).
MAX_PRODUCTIVITY = 0.02
MAX_PRODUCTIVITY_COMPOUNDING = 0.01
MAX_PRODUCTIVITY_ONE_LETTER = 0.01


def build_lexicon(lang: str) -> bytes:
    import wordfreq
    from importlib.metadata import version

    words: dict[str, int] = {}
    for word, freq in wordfreq.get_frequency_dict(lang, wordlist="large").items():
        zipf = math.log10(freq) + 9
        if zipf >= MIN_ZIPF and WORD.match(word):
            words[word] = round(zipf * 10)
    comment = (f"# mtcheck lexicon for {lang}: wordfreq {version('wordfreq')} 'large' list, "
               f"Zipf >= {MIN_ZIPF}, stored as Zipf x 10.")
    return lexicon_file.encode(words, comment)


def _ud_words(path: Path):
    """Yield (word, sentence_initial, next_to_a_period) for the words of a UD jsonl file
    (a period before or after: abbreviations, and the parts of web addresses)."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            for i, m in enumerate(re.finditer(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text)):
                dotted = text.startswith(".", m.end()) or text[m.start() - 1: m.start()] == "."
                yield m.group(), i == 0, dotted


def build_glue_words(lang: str, ud_dir: Path, lexicon: dict[str, float], compounding: bool) -> str | None:
    """Frequent words written in lower case mid-sentence, with the sides they may be glued on.

    Taken from the treebanks: the TOP_GLUE most frequent mid-sentence words of at most 6 letters
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
    if not files:
        return None
    lower, total, period = Counter(), Counter(), Counter()
    for path in files:
        for word, initial, dotted in _ud_words(path):
            if initial:
                continue
            key = word.lower()
            total[key] += 1
            lower[key] += word == key
            period[key] += dotted
    chosen = [w for w, n in total.most_common(TOP_GLUE)
              if len(w) <= 6 and n >= MIN_COUNT and lower[w] / n >= MIN_LOWER_SHARE
              and period[w] / n <= 0.2]
    top = [w for w, _ in sorted(lexicon.items(), key=lambda kv: -kv[1]) if len(w) >= 3][:5000]
    lines = []
    for word in sorted(chosen):
        limit = MAX_PRODUCTIVITY_COMPOUNDING if compounding else MAX_PRODUCTIVITY
        if len(word) == 1:
            limit = min(limit, MAX_PRODUCTIVITY_ONE_LETTER)
        as_prefix = sum(lexicon.get(word + x, 0) >= 2.5 for x in top) / len(top)
        as_suffix = sum(lexicon.get(x + word, 0) >= 2.5 for x in top) / len(top)
        sides = ("L" if as_prefix <= limit else "") + ("R" if as_suffix <= limit else "")
        lines.append(f"{word}\t{sides or '-'}\t{as_prefix:.4f}\t{as_suffix:.4f}\n")
    header = (f"# Glue words of {lang}: frequent words written in lower case mid-sentence, from the "
              f"UD treebanks {', '.join(p.name for p in files)}.\n"
              f"# word<TAB>sides it may be glued on (L: word+X, R: X+word, -: neither)"
              f"<TAB>prefix productivity<TAB>suffix productivity\n"
              f"# Built by scripts/build_language_data.py; do not edit.\n")
    return header + "".join(lines)


def read_lexicon(data: bytes) -> dict[str, float]:
    return lexicon_file.BlockLexicon(data).all_words()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ud", type=Path, default=Path("../shared/data/ud"))
    parser.add_argument("--out", type=Path, default=Path("mtcheck/languages"))
    parser.add_argument("--lang", nargs="*", default=LANGS)
    args = parser.parse_args()
    for lang in args.lang:
        folder = args.out / lang
        folder.mkdir(parents=True, exist_ok=True)
        lexicon = build_lexicon(lang)
        (folder / "lexicon.bin").write_bytes(lexicon)
        settings = tomllib.loads((SETTINGS / lang / "language.toml").read_text(encoding="utf-8"))
        glue = build_glue_words(lang, args.ud, read_lexicon(lexicon), settings["words"]["compounding"])
        if glue is not None:
            (folder / "glue_words.txt").write_text(glue, encoding="utf-8")
        print(f"{lang}: {folder}")


if __name__ == "__main__":
    main()
