"""Target-language detection, offline.

Two steps. First a vote of the languages' glue words (their most frequent lower-case words,
shipped in ``languages/<lang>/glue_words.txt``): instant, and decisive on any paragraph. When
the vote is close or too thin (a short record), py3langid decides, restricted to the languages
mtcheck has data for; its model ships inside the wheel, and it loads (about 0.6 s) only then.
Measured on the UD sentences of ../shared/data: py3langid 99.0 % macro accuracy on single
sentences (99.9 % above five words), 100 % on ten-sentence documents (README, "Language
detection").
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import regex

from mtcheck.languages import available, get_language

_WORD = regex.compile(r"\p{L}+(?:['’]\p{L}+)?")
MIN_VOTES = 5  # with the margin below: same accuracy as 8 (benchmarks/langid.py), py3langid less often
MIN_MARGIN = 2.0  # the winner needs twice the votes of the runner-up


def vote(text: str) -> Counter:
    """Glue-word hits per language.

    >>> vote("the soldiers said that they would stay in the city").most_common(1)[0][0]
    'en'
    """
    counts: Counter = Counter()
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    for code in available():
        glue = get_language(code).glue_words
        counts[code] = sum(w in glue for w in words)
    return counts


def decided_by_vote(text: str) -> str | None:
    """The language the glue-word vote settles on alone (enough votes, a clear margin), or None."""
    ranked = vote(text).most_common(2)
    if ranked and ranked[0][1] >= MIN_VOTES and (len(ranked) == 1 or ranked[0][1] >= MIN_MARGIN * ranked[1][1]):
        return ranked[0][0]
    return None


def detect(text: str, default: str = "en") -> str:
    """The most probable target language of ``text`` among those with data."""
    voted = decided_by_vote(text)
    if voted:
        return voted
    if not _WORD.search(text):
        return default
    lang, _ = identifier(tuple(available())).classify(text[:20000])
    return lang


@lru_cache(maxsize=1)
def _model():
    """py3langid's model over all its languages, loaded (about 0.4 s) once per process."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify_any(text: str) -> str:
    """The language of ``text`` among every language py3langid knows (sources are not limited
    to mtcheck's target languages)."""
    return _model().classify(text)[0]


@lru_cache(maxsize=None)
def identifier(languages: tuple[str, ...]):
    """py3langid restricted to ``languages``, probabilities normalized over them; None when
    py3langid does not know one of them. Every restriction shares the one loaded model."""
    from py3langid.langid import LanguageIdentifier

    model = _model()
    restricted = LanguageIdentifier(*model._full_model, model.tk_nextmove, model.tk_output, norm_probs=True,
                                    tk_row=model.tk_row)
    try:
        restricted.set_languages(list(languages))
    except ValueError:
        return None
    return restricted
