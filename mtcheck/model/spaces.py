"""The spaces model as a second opinion on glued words, glued sentences and split words
(MT101, MT102, MT103): ``check --spaces-model``.

A cheap pre-filter in plain Python marks the places worth asking about, and the model
(``spaces_net.py``, the shipped weights in ``mtcheck/model/mtcheck-spaces/``) reads a window of
characters around each of them, all of a document's at once:

- inside a token the lexicon does not know (or lists at Zipf 2 at most), every cut whose two
  sides are both words of the lexicon: is a space missing there, or a period and a space
  (``injuredThey``)? In a token listed up to Zipf 4.5, the cuts at a short function word where
  the token is rarer than its two words glued would be (``inthe``).
- between two tokens whose concatenation the lexicon lists above their glue artifact: is this
  space extra (``govern ment``)?

A place with no candidate costs no model: torch is imported, and the weights read, only when a
document has a candidate. Nothing is downloaded.

The model's judgments meet the rules' findings in ``combine``: a rule finding the model agrees
with says so (``source`` ``rules+model``); a place no rule reported becomes a finding of its own
(``source`` ``model``) only when the model is as confident as its language's threshold (tuned
on the tune half, in ``config.json``; ``ALONE`` where none was) — the lexicon agreed already
(both sides are words, or the joined word is one), or it would not have been asked.

    >>> cut_candidates("ward", 10, lambda w: {"wa": 5.0, "rd": 5.0, "w": 3.0, "ard": 3.0}.get(w, 0.0))
    [Candidate(kind='space', at=12, start=10, end=14, left='wa', right='rd')]
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import regex

from mtcheck.finding import Finding, Fix

DEFAULT = Path(__file__).resolve().parent / "mtcheck-spaces"
ALONE = 0.9  # a model finding where no rule fired: the model this sure (tuned on the tune half)
AGREE = 0.5  # a rule finding the model agrees with
VETO = 0.0  # a rule finding the model gives less than this is left out (0: none is)
BATCH = 256  # windows a forward pass
GROUP = 24  # candidates closer than this share a window
# A token this rare may be two words glued, at any cut (wordfreq lists `withthe` at 1.5);
# one up to LISTED (web text has `inthe` at 2.6) only at a function word, and only where it is
# rarer than the artifact of its two words would be (text/glue.py: Zipf of both minus ARTIFACT).
RARE = 2.0
LISTED = 4.5
FUNCTION = 5.5  # a function word of three letters or fewer: `in`, `the`, `в`
ARTIFACT = 11.5
# A side of a cut must be a word this frequent; a side of one or two letters must be a
# function word (`a`, `in`, `в`): rarer short pieces read as words anywhere.
SIDE = 2.5
SHORT_SIDE = 4.5
MIN_TOKEN = 4
MIN_JOINED = 6
JOINED = 1.0  # two tokens may be one word split when the lexicon lists the joined word…
JOINED_MARGIN = 1.5  # …this much above the artifact of the two
TOKEN = regex.compile(r"[\p{L}\p{M}]+")
CATEGORY = {"space": "merged-words", "sentence": "missing-sentence-boundary", "extra": "split-word"}
CODE = {"merged-words": "MT101", "missing-sentence-boundary": "MT102", "split-word": "MT103"}
# Which model judgement confirms a rule finding of a category (a glued word and two glued
# sentences are one artifact read two ways: either confirms either).
CONFIRMS = {"merged-words": ("space", "sentence"), "missing-sentence-boundary": ("space", "sentence"),
            "split-word": ("extra",)}


class Candidate(NamedTuple):
    kind: str  # "space" (a cut inside a token: a space or a sentence end missing) or "extra"
    at: int  # the character the model reads: after the cut, or the extra space
    start: int  # the span a finding would cover
    end: int
    left: str
    right: str


class Judgement(NamedTuple):
    candidate: Candidate
    label: str  # space, sentence or extra
    probability: float


def _unavailable():
    from mtcheck.model.tagger import ModelUnavailable  # the CLI's one-line error for both models

    return ModelUnavailable


def require(folder: str = str(DEFAULT)) -> None:
    """ModelUnavailable, with what to do, unless ``folder`` holds a trained spaces model and
    torch is installed (nothing imported: a check fails before it starts).

    >>> require("/nonexistent")
    Traceback (most recent call last):
    mtcheck.model.tagger.ModelUnavailable: /nonexistent: no trained spaces model here (scripts/train_spaces.py writes one)
    """
    from importlib.util import find_spec

    path = Path(folder)
    if not (path / "model.safetensors").exists() or not (path / "config.json").exists():
        raise _unavailable()(f"{path}: no trained spaces model here (scripts/train_spaces.py writes one)")
    missing = [name for name in ("torch", "safetensors") if find_spec(name) is None]
    if missing:
        raise _unavailable()(f"the spaces model needs {', '.join(missing)}: pip install 'mtcheck[model]'")


@lru_cache(maxsize=2)
def load(folder: str = str(DEFAULT)):
    """(network, config, character ids, language ids), on the CPU, in evaluation mode."""
    import json

    require(folder)
    try:
        import torch
        from safetensors.torch import load_file

        from mtcheck.model.spaces_net import build
    except ImportError as exc:  # installed but broken
        raise _unavailable()(f"the spaces model needs torch ({exc}): pip install 'mtcheck[model]'") from None
    # One thread: a window of 65 characters is too small a job to share, and a linter runs
    # beside editors, builds and other linters (two threads measured slower on a busy machine).
    torch.set_num_threads(1)
    path = Path(folder)
    config = json.loads((path / "config.json").read_text(encoding="utf-8"))
    net = build(config)
    net.load_state_dict({k: v.float() for k, v in load_file(str(path / "model.safetensors")).items()})
    net.eval()
    chars = {c: i + 2 for i, c in enumerate(config["alphabet"])}
    langs = {code: i + 1 for i, code in enumerate(config["languages"])}
    return net, config, chars, langs


@lru_cache(maxsize=4)
def thresholds(folder: str = str(DEFAULT)) -> dict[str, float]:
    """Language → the confidence its own findings need (config.json only: no torch): tuned per
    language on the tune half (benchmarks/segmentation.py --write-thresholds); a language the
    model was trained on but not tuned for gets ALONE; one it was not trained on is absent."""
    import json

    config = json.loads((Path(folder) / "config.json").read_text(encoding="utf-8"))
    tuned = config.get("alone", {})
    return {lang: tuned.get(lang, ALONE) for lang in config["languages"]}


def cut_candidates(token: str, start: int, zipf) -> list[Candidate]:
    """Every cut of ``token`` (at ``start``) into two words of the lexicon (a side of one or
    two letters a function word), but not between two capitals."""
    out = []
    for i in range(1, len(token)):
        left, right = token[:i], token[i:]
        if left[0].isupper() and right[0].isupper():
            continue  # CamelCase: a brand or a name (`DaimlerChrysler`, `FusionRetail`), as MT101 reads it
        if _side(left, zipf) and _side(right, zipf):
            out.append(Candidate("space", start + i, start, start + len(token), left, right))
    return out


def glue_candidates(token: str, start: int, zipf) -> list[Candidate]:
    """The cuts of a listed ``token`` at a short function word on either side, where the
    token is rarer than the two words glued would be.

    >>> from mtcheck.languages import get_language
    >>> [(c.left, c.right) for c in glue_candidates("inthe", 0, get_language("en").zipf)]
    [('in', 'the')]
    """
    whole = zipf(token)
    out = []
    for i in sorted({1, 2, 3, len(token) - 3, len(token) - 2, len(token) - 1}):
        if not 0 < i < len(token):
            continue
        left, right = token[:i], token[i:]
        short, other = (left, right) if i <= 3 else (right, left)
        if len(short) <= 3 and zipf(short) >= FUNCTION:
            z = zipf(other)
            if z >= SIDE and whole < zipf(short) + z - ARTIFACT:
                out.append(Candidate("space", start + i, start, start + len(token), left, right))
    return out


def _one_word(a: str, b: str, zipf) -> bool:
    """Is ``a`` + ``b`` a word of the lexicon, more frequent than their glue artifact would be
    (wordfreq lists `willbe`, `dansle`: web text glues frequent words)?"""
    joined = zipf(a + b)
    return joined >= JOINED and joined >= zipf(a) + zipf(b) - ARTIFACT + JOINED_MARGIN


def _side(piece: str, zipf) -> bool:
    z = zipf(piece)
    return z >= (SHORT_SIDE if len(piece) <= 2 else SIDE)


def candidates(text: str, lang) -> list[Candidate]:
    """The places of ``text`` worth asking the model about (see the module's docstring)."""
    memo: dict[str, float] = {}

    def zipf(word: str) -> float:  # a document asks about the same pieces again and again
        if word not in memo:
            memo[word] = lang.zipf(word)
        return memo[word]

    out: list[Candidate] = []
    previous = None
    for m in TOKEN.finditer(text):
        token, start = m.group(), m.start()
        if len(token) >= MIN_TOKEN:
            whole = zipf(token)
            if whole <= RARE:
                out += cut_candidates(token, start, zipf)
            elif whole <= LISTED:
                out += glue_candidates(token, start, zipf)
        if previous is not None:
            p_token, p_start = previous
            gap = p_start + len(p_token)
            if (start == gap + 1 and text[gap] == " " and len(p_token) >= 2 and len(token) >= 2
                    and len(p_token) + len(token) >= MIN_JOINED and _one_word(p_token, token, zipf)):
                out.append(Candidate("extra", gap, p_start, start + len(token), p_token, token))
        previous = (token, start)
    return out


def judge(text: str, lang_code: str, found: list[Candidate], folder: str = str(DEFAULT)) -> list[Judgement]:
    """The model's reading of each candidate: the likelier of a missing space and a missing
    sentence end inside a token, the extra space between two."""
    if not found:
        return []
    net, config, chars, langs = load(folder)
    import torch

    r = config["radius"]
    lang_id = langs[lang_code]
    ids = [0] * r + [chars.get(c, 1) for c in text] + [0] * r
    labels = config["labels"]
    # Candidates close together (the cuts of one token) share one window: the output at `at`
    # needs ids[at: at + 2r + 1], so a group from `first` to `last` needs ids[first: last + 2r + 1]
    # and costs little more than one candidate.
    places = sorted({c.at for c in found})
    groups: list[list[int]] = []
    for at in places:
        if groups and at - groups[-1][0] < GROUP:
            groups[-1].append(at)
        else:
            groups.append([at])
    groups.sort(key=lambda g: g[-1] - g[0])  # rows of one batch of similar width
    probs: dict[int, list[float]] = {}
    for first in range(0, len(groups), BATCH):
        chunk = groups[first:first + BATCH]
        width = max(g[-1] - g[0] for g in chunk) + 2 * r + 1
        rows = [ids[g[0]:g[-1] + 2 * r + 1] for g in chunk]
        windows = torch.tensor([row + [0] * (width - len(row)) for row in rows], dtype=torch.long)
        with torch.inference_mode():
            out = net(windows, torch.full((len(chunk),), lang_id, dtype=torch.long)).softmax(-1).tolist()
        for g, row in zip(chunk, out):
            for at in g:
                probs[at] = row[at - g[0]]
    result = []
    for c in found:
        p = probs[c.at]
        if c.kind == "extra":
            result.append(Judgement(c, "extra", p[labels.index("extra")]))
        else:
            space, sentence = p[labels.index("space")], p[labels.index("sentence")]
            # Either reading says the token is two: their sum is the model's belief in a cut.
            result.append(Judgement(c, "sentence" if sentence > space else "space", space + sentence))
    return result


def best_per_span(judgements: list[Judgement]) -> list[Judgement]:
    """The most probable cut of each token (a token is one artifact at most)."""
    best: dict[tuple[int, int, str], Judgement] = {}
    for j in judgements:
        key = (j.candidate.start, j.candidate.end, j.candidate.kind)
        if key not in best or j.probability > best[key].probability:
            best[key] = j
    return list(best.values())


def finding(j: Judgement) -> Finding:
    """A finding with an unsafe fix (a model's reading is probable, never certain)."""
    c = j.candidate
    category = CATEGORY[j.label]
    if j.label == "extra":
        fix = Fix.replace(c.at, c.at + 1, "", safe=False)
        message = f"`{c.left} {c.right}` looks like one word split: `{c.left}{c.right}`"
    elif j.label == "sentence":
        fix = Fix.replace(c.at, c.at, ". ", safe=False)
        message = f"`{c.left}{c.right}` looks like two sentences glued: `{c.left}. {c.right}`"
    else:
        fix = Fix.replace(c.at, c.at, " ", safe=False)
        message = f"`{c.left}{c.right}` looks like two words glued: `{c.left} {c.right}`"
    f = Finding(CODE[category], category, c.start, c.end,
                f"{message} (the spaces model, confidence {j.probability:.2f})", fixes=[fix])
    f.source = "model"
    f.confidence = round(j.probability, 3)
    return f


class SpacesOpinion:
    """Seen by the checker as one more rule: its findings are the model's judgements, placed,
    accepted and suppressed like any rule's; ``combine`` decides which are reported."""

    code, name, category = "MT1", "spaces-model", "merged-words"
    compares_source = False

    def __init__(self, folder: str, codes: set[str]):
        self.folder = folder
        self.codes = codes  # the selected ones of MT101–MT103

    def check(self, doc, lang):
        if doc.lang not in thresholds(self.folder) or not lang.lexicon:
            return
        text = doc.masked
        found = candidates(text, lang)
        for j in best_per_span(judge(text, doc.lang, found, self.folder)):
            yield finding(j)  # every judgement, however unlikely: combine weighs them

    def combine(self, rule_findings: list[Finding], opinions: list[Finding], alone: float | None = None,
                veto: float = VETO, lang: str | None = None) -> list[Finding]:
        """Rule findings, marked where the model agrees (AGREE) and left out where it is sure
        they are wrong (under ``veto``); the model's own where it is confident (``alone``, by
        default the language's threshold) and no rule finding overlaps it, for a selected code."""
        if alone is None:
            alone = thresholds(self.folder).get(lang, 2.0) if opinions else ALONE
        return sorted(_confirmed(rule_findings, opinions, veto) + _own(rule_findings, opinions, alone, self.codes),
                      key=Finding.sort_key)


def _overlap(a: Finding, b: Finding) -> bool:
    return a.record == b.record and a.start < b.end and b.start < a.end


def _confirmed(rule_findings: list[Finding], opinions: list[Finding], veto: float) -> list[Finding]:
    out = []
    for f in rule_findings:
        judged = [o for o in opinions if f.category in CONFIRMS and _overlap(o, f)
                  and _label(o) in CONFIRMS[f.category]]
        if judged:
            p = max(o.confidence for o in judged)
            if p < veto:
                continue
            if p >= AGREE:
                f.source, f.confidence = "rules+model", p
                f.message += f" (the spaces model agrees: {p:.2f})"
        out.append(f)
    return out


def _own(rule_findings: list[Finding], opinions: list[Finding], alone: float, codes) -> list[Finding]:
    return [o for o in opinions if o.confidence >= alone and o.code in codes
            and not any(_overlap(o, f) for f in rule_findings)]


def _label(f: Finding) -> str:
    return {v: k for k, v in CATEGORY.items()}[f.category]
