"""Which part of the source each part of a translation translates.

Records (JSONL, TSV, PO, XLIFF, TMX) are aligned units already: each record's source goes with
its translation. A plain text with ``--source`` is aligned here:

1. **Paragraphs** pair one to one when source and translation have as many.
2. **Sentences** (``mtcheck.text.sentences.split``) are aligned inside each paragraph pair, or over
   the whole text when the paragraph counts differ, by Gale and Church's length-based dynamic
   programme (beads 1-1, 1-0, 0-1, 2-1, 1-2, 2-2), where shared anchors (numbers, capitalized
   names, ``?``/``!``) make a bead cheaper. So a translation with extra boilerplate (0-1 beads)
   or a dropped sentence (a 1-0 bead) still aligns around it.

Each bead carries a confidence in [0, 1]: how well the lengths agree (the probability of the
length difference under the language pair's length ratio) raised by shared anchors. Source-aware
rules act only on confident beads.

    >>> src = ("Llegaron 20 pescadores al puerto. Nadie en el pueblo quiso hablar con ellos durante "
    ...        "la tarde. El alcalde Sokolov dijo que no.")
    >>> tgt = "20 fishermen arrived at the port. Mayor Sokolov said no."
    >>> [(b.source_text[:20], tgt[b.start:b.end]) for b in align_text(src, tgt, "es", "en")]
    [('Llegaron 20 pescador', '20 fishermen arrived at the port.'), ('Nadie en el pueblo q', ''), ('El alcalde Sokolov d', 'Mayor Sokolov said no.')]
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache


from mtcheck.document import paragraph_spans
from mtcheck.languages import DATA_DIR
from mtcheck.languages.codes import canonical
from mtcheck.text.patterns import lazy
from mtcheck.text.sentences import split

MIN_CONFIDENCE = 0.5  # units the aligner is less sure of are left alone by the rules (precision first)
RATIOS = DATA_DIR / "length_ratios.tsv"
_NUMBER = lazy(r"\d+")
_NAME = lazy(r"(?<=\S\s+)\p{Lu}[\p{L}\p{M}'’-]{2,}")

# Gale & Church (1993): prior probability of each bead, and the variance of the length
# difference per character of source.
BEADS = {(1, 1): 0.89, (1, 0): 0.0099 / 2, (0, 1): 0.0099 / 2, (2, 1): 0.089 / 2, (1, 2): 0.089 / 2,
         (2, 2): 0.011}
VARIANCE = 6.8
ANCHOR_BONUS = 2.0  # cost taken off a bead per shared anchor kind, up to two


@dataclass(frozen=True)
class Bead:
    """Source sentences and the span of the translation they map to (empty: none)."""

    source_text: str
    start: int  # span in the translation; start == end for a source sentence with no counterpart
    end: int
    confidence: float
    source_sentences: int = 1
    target_sentences: int = 1

    @property
    def is_omission(self) -> bool:
        return self.target_sentences == 0

    @property
    def is_addition(self) -> bool:
        return self.source_sentences == 0


@lru_cache(maxsize=None)
def length_ratio(source_lang: str | None, target_lang: str | None) -> tuple[float, float]:
    """(mean, standard deviation) of log(target characters / source characters) for a language
    pair, learned from human translations (scripts/build_length_ratios.py). A pair measured only
    the other way round is that ratio inverted (en→ja from ja→en: Japanese takes half the
    characters), one measured through English is the sum of the two (de→ja from de→en and
    en→ja); (0, 0.25) unknown.

    >>> round(math.exp(length_ratio("en", "de")[0]), 1) > 1.0
    True
    >>> length_ratio("en", "ja")[0] == -length_ratio("ja", "en")[0] < 0
    True
    """
    table = _ratio_table()
    if (source_lang, target_lang) in table:
        return table[source_lang, target_lang]
    if (target_lang, source_lang) in table:
        mean, sd = table[target_lang, source_lang]
        return -mean, sd
    if "en" not in (source_lang, target_lang):
        to_english, from_english = length_ratio(source_lang, "en"), length_ratio("en", target_lang)
        if UNKNOWN_RATIO not in (to_english, from_english):
            return to_english[0] + from_english[0], math.hypot(to_english[1], from_english[1])
    return UNKNOWN_RATIO


UNKNOWN_RATIO = (0.0, 0.25)


@lru_cache(maxsize=1)
def _ratio_table() -> dict[tuple[str, str], tuple[float, float]]:
    table = {}
    if RATIOS.exists():
        for line in RATIOS.read_text(encoding="utf-8").splitlines():
            if not line.startswith("#"):
                src, tgt, mean, sd, _ = line.split("\t")
                table[src, tgt] = (float(mean), float(sd))
    return table


def nonspace_length(text: str) -> int:
    """Characters other than white space: what length ratios count.

    >>> nonspace_length(" a b\tc ")
    3
    """
    return len("".join(text.split()))


def anchors(text: str) -> set:
    """What a sentence and its translation share whatever the languages: numbers, names (by
    their first four letters), `?` and `!`."""
    anchors = {("n", n) for n in _NUMBER.findall(text)}
    anchors |= {("a", m.group()[:4].casefold()) for m in _NAME.finditer(text)}
    anchors |= {("p", c) for c in "?!" if c in text}
    return anchors


def _cost(src_len: int, tgt_len: int, prior: float, ratio: float, shared: int) -> float:
    """-log P(bead) for the lengths, as Gale and Church, with a bonus for shared anchors."""
    if src_len == 0 or tgt_len == 0:
        # A sentence with no counterpart: its prior alone. Gale and Church's length term would
        # grow with the sentence and make merging it into a neighbour (2-1) look cheaper.
        return -math.log(prior)
    mean = (src_len * ratio + tgt_len) / 2
    delta = (tgt_len - src_len * ratio) / math.sqrt(max(mean, 1) * VARIANCE)
    p = max(2 * (1 - _phi(abs(delta))), 1e-12)
    return -math.log(prior) - math.log(p) - ANCHOR_BONUS * min(shared, 2)


def _phi(x: float) -> float:
    return 0.5 * (1 + math.erf(x / math.sqrt(2)))


def align_sentences(src: list[str], tgt: list[tuple[int, int]], tgt_text: str,
                    ratio: float) -> list[Bead]:
    """Gale–Church alignment of source sentences to target sentence spans."""
    n, m = len(src), len(tgt)
    src_len = [nonspace_length(s) for s in src]
    tgt_len = [nonspace_length(tgt_text[s:e]) for s, e in tgt]
    src_anchor = [anchors(s) for s in src]
    tgt_anchor = [anchors(tgt_text[s:e]) for s, e in tgt]
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if cost[i][j] == inf:
                continue
            for (di, dj), prior in BEADS.items():
                a, b = i + di, j + dj
                if a > n or b > m:
                    continue
                shared = conflicts = 0
                if di and dj:
                    left, right = set().union(*src_anchor[i:a]), set().union(*tgt_anchor[j:b])
                    shared = len(left & right)
                    # A name on one side only: these sentences are probably not each other's.
                    conflicts = len({x for x in left ^ right if x[0] == "a"})
                c = cost[i][j] + _cost(sum(src_len[i:a]), sum(tgt_len[j:b]), prior, ratio, shared) \
                    + ANCHOR_BONUS * min(conflicts, 2)
                if c < cost[a][b]:
                    cost[a][b], back[a][b] = c, (di, dj)
    beads: list[Bead] = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]
        a, b = i - di, j - dj
        source = " ".join(src[a:i])
        if dj:
            start, end = tgt[b][0], tgt[j - 1][1]
        else:
            start = end = tgt[j][0] if j < m else (tgt[-1][1] if tgt else 0)
        beads.append(Bead(source, start, end, _confidence(src_len[a:i], tgt_len[b:j], ratio, src_anchor[a:i],
                                                          tgt_anchor[b:j]), di, dj))
        i, j = a, b
    beads.reverse()
    return beads


def _confidence(src_len: list[int], tgt_len: list[int], ratio: float, src_anchor, tgt_anchor) -> float:
    """How sure a bead is: the two-sided probability of its length difference, raised when the
    two sides share anchors. Empty sides (1-0, 0-1) are judged by their neighbours instead: 0.5."""
    if not src_len or not tgt_len:
        return 0.5
    s, t = sum(src_len), sum(tgt_len)
    delta = (t - s * ratio) / math.sqrt(max((s * ratio + t) / 2, 1) * VARIANCE)
    p = 2 * (1 - _phi(abs(delta)))
    shared = set().union(*src_anchor) & set().union(*tgt_anchor)
    return min(1.0, p + 0.25 * min(len(shared), 2))


def align_text(source: str, target: str, source_lang: str | None, target_lang: str) -> list[Bead]:
    """Sentence beads of a whole translation against its whole source (see the module doc)."""
    ratio = math.exp(length_ratio(source_lang, target_lang)[0])
    src_pars, tgt_pars = paragraph_spans(source), paragraph_spans(target)
    if len(src_pars) == len(tgt_pars):
        pairs = list(zip(src_pars, tgt_pars))
    else:
        pairs = [((0, len(source)), (0, len(target)))]
    beads: list[Bead] = []
    for (ss, se), (ts, te) in pairs:
        src = [source[ss + a: ss + b] for a, b in split(source[ss:se], source_lang or "")]
        tgt = [(ts + a, ts + b) for a, b in split(target[ts:te], target_lang)]
        beads += align_sentences(src, tgt, target, ratio)
    return beads


# -- Documents -----------------------------------------------------------------------------------

def source_language(doc) -> str | None:
    """The source language of a Document: as given, else identified on its source text among
    every language py3langid knows (sources are not limited to mtcheck's target languages)."""
    if doc.source_lang:
        return canonical(doc.source_lang)
    if not doc.source or not doc.source.strip():
        return None
    return _identify(doc.source[:5000])


@lru_cache(maxsize=256)
def _identify(text: str) -> str:
    from mtcheck.text.langdetect import identify_any

    return identify_any(text)


def align_units(doc) -> list[Bead]:
    """Record-level units for records, paragraph-level (or sentence-level) ones for a text."""
    if doc.has_records:
        return [Bead(seg.source, seg.start, seg.end, 1.0) for seg in doc.segments
                if seg.source and seg.source.strip()]
    if not doc.source or not doc.source.strip():
        return []
    lang = source_language(doc)
    src_pars, tgt_pars = paragraph_spans(doc.source), paragraph_spans(doc.text)
    if len(src_pars) == len(tgt_pars):
        ratio, sd = length_ratio(lang, doc.lang)
        return [Bead(doc.source[ss:se], ts, te, _paragraph_confidence(doc.source[ss:se], doc.text[ts:te], ratio, sd))
                for (ss, se), (ts, te) in zip(src_pars, tgt_pars)]
    return align_text(doc.source, doc.text, lang, doc.lang)


def _paragraph_confidence(source: str, target: str, mean: float, sd: float) -> float:
    """Paragraphs paired by position: sure unless their lengths disagree far beyond what the
    language pair allows (a z-score of log lengths beyond 4 gives 0)."""
    s, t = nonspace_length(source), nonspace_length(target)
    if not s or not t:
        return 0.0
    z = abs(math.log(t / s) - mean) / max(sd, 0.05)
    return max(0.0, min(1.0, 1.25 - z / 4))


def align_sentence_beads(doc) -> list[Bead]:
    """Sentence beads inside every unit (records: inside each record)."""
    lang = source_language(doc)
    ratio = math.exp(length_ratio(lang, doc.lang)[0])
    beads: list[Bead] = []
    for unit in doc.units:
        if unit.source_sentences != 1 or unit.target_sentences != 1 or unit.start == unit.end:
            beads.append(unit)
            continue
        src = [unit.source_text[a:b] for a, b in split(unit.source_text, lang or "")]
        tgt = [(unit.start + a, unit.start + b) for a, b in split(doc.text[unit.start:unit.end], doc.lang)]
        if len(src) == len(tgt) == 1:  # most records: one sentence each, nothing to align
            beads.append(Bead(src[0], *tgt[0], unit.confidence))
            continue
        beads += align_sentences(src, tgt, doc.text, ratio)
    return beads
