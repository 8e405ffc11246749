"""Target-language detection, offline.

Two steps. First a vote of the languages' glue words (their most frequent lower-case words,
shipped in ``languages/<lang>/glue_words.txt``): instant, and decisive on any paragraph. When
the vote is close or too thin (a short record), py3langid's model decides, restricted to the
languages mtcheck has data for (those py3langid knows, under its labels: ``tl`` for Filipino,
``hr``/``bs`` for Serbo-Croatian); an answer it is unsure of on a short text gives ``und``
(undetermined), checked by the language-independent rules only. Decompressing that model costs 0.8–1 s
and importing numpy 0.2 s, ten times pofilter's whole start-up; so its automaton and the
restricted weights are written once, uncompressed, to the user's cache directory
(``$XDG_CACHE_HOME/mtcheck``, one weights file per set of languages), and later runs map them
into memory and score in plain Python: a short text is identified in milliseconds. An unwritable
cache directory only means the model is decompressed on every run, as before.
Measured on the UD sentences of ../shared/data in 28 languages (docs/benchmarks.md, "Language detection"):
94.9 % right on single sentences, 0.08 % wrong, 5.0 % undetermined; 100 % right on ten-sentence
documents.
"""

from __future__ import annotations

import json
import math
import mmap
import os
import unicodedata
from array import array
from collections import Counter
from functools import lru_cache
from pathlib import Path

import regex

from mtcheck.languages import codes, glue_words, with_data

_WORD = regex.compile(r"\p{L}+(?:['’]\p{L}+)?")
MIN_VOTES = 5  # with the margin below: same accuracy as 8 (benchmarks/langid.py), py3langid less often
MIN_MARGIN = 2.0  # the winner needs twice the votes of the runner-up
# Below this probability py3langid's answer is not taken: on 24,000 single UD sentences the vote
# left undecided, it cut wrong answers from 498 to 14 and left 1,095 right ones undetermined
# (benchmarks/langid.py). A wrong language runs the wrong lexicon and casing over the text;
# an undetermined one gets the checks that need no language knowledge, and a note.
MIN_PROBABILITY = 0.7
SURE_WORDS = 50  # from this length py3langid's best guess is taken as it is: 100 % on 10-sentence documents
UNDETERMINED = "und"  # BCP-47's tag for an undetermined language: no data, never refused


def vote(text: str) -> Counter:
    """Glue-word hits per language.

    >>> vote("the soldiers said that they would stay in the city").most_common(1)[0][0]
    'en'
    """
    counts: Counter = Counter()
    words = Counter(w.lower() for w in _WORD.findall(text[:20000]))
    for code in with_data():
        glue = glue_words(code)
        counts[code] = sum(n for w, n in words.items() if w in glue)
    return counts


def decided_by_vote(text: str) -> str | None:
    """The language the glue-word vote settles on alone (enough votes, a clear margin), or None."""
    ranked = vote(text).most_common(2)
    if ranked and ranked[0][1] >= MIN_VOTES and (len(ranked) == 1 or ranked[0][1] >= MIN_MARGIN * ranked[1][1]):
        return ranked[0][0]
    return None


def detect(text: str, default: str = "en") -> str:
    """The most probable target language of ``text`` among those with data, or ``und`` when
    no language is likely enough (a word or two, a name); ``default`` for a text without letters.

    >>> detect("Die Regierung hat am Montag einen neuen Plan für die Schulen vorgestellt."), detect("OK")
    ('de', 'und')
    """
    voted = decided_by_vote(text)
    if voted:
        return voted
    if not _WORD.search(text):
        return default
    labels = label_codes()
    model = compact(tuple(sorted(labels)))
    if model is None:
        return default
    label, probability = model.classify(text[:20000])
    sure = probability >= MIN_PROBABILITY or len(_WORD.findall(text, endpos=20000)) >= SURE_WORDS
    return labels[label] if sure else UNDETERMINED


@lru_cache(maxsize=1)
def label_codes() -> dict[str, str]:
    """py3langid's labels that name a language with data → that language's code: its own code,
    and the tags aliases.tsv and served.tsv file under it (``tl`` → ``fil``, ``no`` → ``nb``,
    ``hr`` and ``bs`` → ``sh``). A tag served only in one script (``sr-Latn``) gives no label:
    py3langid's ``sr`` answers for Cyrillic too, and took short Ukrainian sentences to the
    Latin Serbo-Croatian data. Labels py3langid lacks are ignored by ``compact``.

    >>> label_codes()["tl"], label_codes()["hr"], label_codes()["de"], "sr" in label_codes()
    ('fil', 'sh', 'de', False)
    """
    out = {code: code for code in with_data()}
    for tag in (*codes.aliases(), *codes.served()):
        data = codes.data_code(tag)
        if data and "-" not in tag:
            out.setdefault(tag, data)
    return out


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


CACHE_FORMAT = 1  # bump when the layout of the cache files changes


class Compact:
    """py3langid's classifier restricted to some languages, over flat arrays (memory-mapped
    cache files, or bytes): the same byte automaton and naive Bayes sums as
    ``LanguageIdentifier.classify`` with ``norm_probs``, without numpy.

    >>> model = compact(("de", "en", "fr"))
    >>> model.classify("The committee met on Tuesday to discuss the budget.")[0]
    'en'
    """

    def __init__(self, classes: list[str], dfa: bytes | mmap.mmap, weights: bytes | mmap.mmap, head: dict):
        self.classes = classes
        dfa_view = memoryview(dfa)
        rows, states = head["rows"], head["states"]
        self.nextmove = dfa_view[:rows * 1024].cast("I")
        self.row = dfa_view[rows * 1024:rows * 1024 + states * 4].cast("I")
        self.output = dfa_view[rows * 1024 + states * 4:].cast("i")
        view = memoryview(weights).cast("f")
        k = len(classes)
        self.prior, self.weights = view[:k], view[k:]
        first: dict[str, int] = {}
        # Labels listed twice (script variants, srl -> sr) are folded into the first, as py3langid does.
        self.aliases = [(first[c], i) for i, c in enumerate(classes) if first.setdefault(c, i) != i]

    def classify(self, text: str) -> tuple[str, float]:
        """The most probable language of ``text`` and its probability."""
        if text.isupper():
            text = text.lower()
        data = unicodedata.normalize("NFC", text).encode("utf8", errors="surrogatepass")
        k = len(self.classes)
        scores = list(self.prior)
        counts = self._features(data)
        if counts:
            weights = self.weights
            for feature, count in counts.items():
                w, base = math.log1p(count), feature * k
                for j in range(k):
                    scores[j] += w * weights[base + j]
        else:
            scores = [0.0] * k  # no feature: uniform, as py3langid
        scale = 1.0 / math.sqrt(len(data) or 1)
        top = max(scores)
        probs = [math.exp((s - top) * scale) for s in scores]
        total = sum(probs)
        probs = [p / total for p in probs]
        for i, j in self.aliases:
            probs[i], probs[j] = probs[i] + probs[j], 0.0
        best = max(range(k), key=probs.__getitem__)
        return self.classes[best], probs[best]

    def _features(self, data: bytes) -> Counter:
        nextmove, row, output = self.nextmove, self.row, self.output
        state, found = 0, []
        for byte in data:
            state = nextmove[(row[state] << 8) + byte]
            if output[state] >= 0:
                found.append(output[state])
        return Counter(found)


def cache_dir() -> Path:
    """Where the ready-to-map model files go: ``$XDG_CACHE_HOME/mtcheck`` (``~/.cache/mtcheck``)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "mtcheck"


@lru_cache(maxsize=None)
def compact(languages: tuple[str, ...]) -> Compact | None:
    """The classifier over those of ``languages`` py3langid knows (None: it knows none), from
    the cache when it holds them, else built from py3langid's model and cached."""
    from importlib.util import find_spec  # not py3langid.langid: it imports numpy (0.2 s)

    spec = find_spec("py3langid")
    stat = (Path(spec.origin).parent / "data" / "model.npz.xz").stat()  # py3langid's MODEL_FILE
    key = f"{CACHE_FORMAT}-{stat.st_size}-{int(stat.st_mtime)}"
    folder = cache_dir()
    dfa_path, weights_path = folder / f"langid-{key}.dfa", folder / f"langid-{key}-{_set_name(languages)}.w"
    try:
        head = json.loads(weights_path.with_suffix(".json").read_text(encoding="utf-8"))
        return Compact(head["classes"], _mapped(dfa_path), _mapped(weights_path), head) if head["classes"] else None
    except (OSError, ValueError, KeyError, TypeError):
        pass
    head, dfa, weights = _build(languages)
    for path, data in ((dfa_path, dfa), (weights_path, weights),
                       (weights_path.with_suffix(".json"), json.dumps(head).encode("utf-8"))):
        _write(path, data)  # the head last: it marks the files complete
    return Compact(head["classes"], dfa, weights, head) if head["classes"] else None


def _set_name(languages: tuple[str, ...]) -> str:
    """A short file-name part for a set of languages (50 codes joined would pass 255 bytes)."""
    import zlib

    joined = "-".join(languages)
    return joined if len(joined) <= 40 else f"{len(languages)}-{zlib.crc32(joined.encode()):08x}"


def _mapped(path: Path) -> mmap.mmap:
    with path.open("rb") as f:
        return mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)


def _write(path: Path, data: bytes) -> None:
    """Write atomically; a read-only or full disk only costs the next run the build again."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".dfa" and path.exists() and path.stat().st_size == len(data):
            return
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        pass


def _build(languages: tuple[str, ...]) -> tuple[dict, bytes, bytes]:
    """py3langid's model (decompressed: about a second) as the three parts of a Compact."""
    import numpy as np

    model = _model()
    ptc, pc, classes = model._full_model
    known = set(languages)
    indices = [i for i, c in enumerate(classes) if c in known]
    nextmove = array("I", model.tk_nextmove)
    head = {"classes": [classes[i] for i in indices], "rows": len(nextmove) // 256, "states": len(model.tk_row)}
    dfa = (nextmove.tobytes() + array("I", model.tk_row).tobytes()
           + array("i", model.tk_output).tobytes())
    weights = (np.asarray(pc, dtype=np.float32)[indices].tobytes()
               + np.ascontiguousarray(np.asarray(ptc)[:, indices], dtype=np.float32).tobytes())
    return head, dfa, weights
