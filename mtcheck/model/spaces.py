"""The spaces model as a second opinion on glued words, glued sentences and split words
(MT101, MT102, MT103): ``check --spaces-model``.

A cheap pre-filter in plain Python marks the places worth asking about, and the model
(``spaces_net.py``, the shipped weights in ``mtcheck/model/mtcheck-spaces/``) reads a window of
characters around each of them, all of a document's at once:

- inside a token the lexicon does not know (or lists as rarely as a glue artifact), every cut
  whose two sides are both words of the lexicon: is a space missing there, or a period and a
  space (``injuredThey``)?
- between two tokens whose concatenation is a word of the lexicon: is this space extra?

A place with no candidate costs no model: torch is imported, and the weights read, only when a
document has a candidate. Nothing is downloaded.

The model's judgments meet the rules' findings in ``combine``: a rule finding the model agrees
with says so (``source`` ``rules+model``); a place no rule reported becomes a finding of its own
(``source`` ``model``) only when the model is confident (``ALONE``) — the lexicon agreed already
(both sides are words, or the joined word is one), or it would not have been asked.

    >>> cut_candidates("xx", "word", 0, lambda w: {"wo": 4.0, "rd": 4.0}.get(w, 0.0))
    [Candidate(kind='space', at=2, start=0, end=4, left='wo', right='rd')]
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
BATCH = 512
# A token more frequent than this is a word, not two glued (wordfreq lists `withthe` at 1.5).
RARE = 2.0
# A side of a cut must be a word this frequent; a side of one or two letters must be a
# function word (`a`, `in`, `в`): rarer short pieces read as words anywhere.
SIDE = 2.5
SHORT_SIDE = 4.5
MIN_TOKEN = 4
MIN_JOINED = 6
JOINED = 3.0  # two tokens are one word split when the joined word is this frequent
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
def languages(folder: str = str(DEFAULT)) -> frozenset[str]:
    """The languages the model was trained on (config.json only: no torch)."""
    import json

    return frozenset(json.loads((Path(folder) / "config.json").read_text(encoding="utf-8"))["languages"])


def cut_candidates(text: str, token: str, start: int, zipf) -> list[Candidate]:
    """Every cut of ``token`` (at ``start`` in ``text``) into two words of the lexicon."""
    out = []
    for i in range(1, len(token)):
        left, right = token[:i], token[i:]
        if _side(left, zipf) and _side(right, zipf):
            out.append(Candidate("space", start + i, start, start + len(token), left, right))
    return out


def _side(piece: str, zipf) -> bool:
    z = zipf(piece)
    return z >= (SHORT_SIDE if len(piece) <= 2 else SIDE)


def candidates(text: str, lang) -> list[Candidate]:
    """The places of ``text`` worth asking the model about (see the module's docstring)."""
    zipf = lang.zipf
    out: list[Candidate] = []
    previous = None
    for m in TOKEN.finditer(text):
        token, start = m.group(), m.start()
        if len(token) >= MIN_TOKEN and zipf(token) <= RARE:
            out += cut_candidates(text, token, start, zipf)
        if previous is not None:
            p_token, p_start = previous
            gap = p_start + len(p_token)
            if (start == gap + 1 and text[gap] == " " and len(p_token) >= 2 and len(token) >= 2
                    and len(p_token) + len(token) >= MIN_JOINED and zipf(p_token + token) >= JOINED):
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
    out = []
    labels = config["labels"]
    for first in range(0, len(found), BATCH):
        chunk = found[first:first + BATCH]
        # The window of candidate at `at` is text[at - r: at + r + 1], i.e. ids[at: at + 2r + 1].
        windows = torch.tensor([ids[c.at:c.at + 2 * r + 1] for c in chunk], dtype=torch.long)
        with torch.inference_mode():
            probs = net(windows, torch.full((len(chunk),), lang_id, dtype=torch.long))[:, 0, :].softmax(-1).tolist()
        for c, p in zip(chunk, probs):
            if c.kind == "extra":
                out.append(Judgement(c, "extra", p[labels.index("extra")]))
            else:
                space, sentence = p[labels.index("space")], p[labels.index("sentence")]
                # Either reading says the token is two: their sum is the model's belief in a cut.
                out.append(Judgement(c, "sentence" if sentence > space else "space", space + sentence))
    return out


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
    """Seen by the checker as one more rule: its findings are the model's judgements of at
    least AGREE, placed, accepted and suppressed like any rule's; ``combine`` decides."""

    code, name, category = "MT1", "spaces-model", "merged-words"
    compares_source = False

    def __init__(self, folder: str, codes: set[str]):
        self.folder = folder
        self.codes = codes  # the selected ones of MT101–MT103

    def check(self, doc, lang):
        if doc.lang not in languages(self.folder) or not lang.lexicon:
            return
        text = doc.masked
        found = candidates(text, lang)
        for j in best_per_span(judge(text, doc.lang, found, self.folder)):
            if j.probability >= AGREE:
                yield finding(j)

    def combine(self, rule_findings: list[Finding], opinions: list[Finding], alone: float = ALONE) -> list[Finding]:
        """Rule findings, marked where the model agrees; the model's own where it is confident
        (``alone``) and no rule finding overlaps it, for a selected code."""
        def overlap(a: Finding, b: Finding) -> bool:
            return a.record == b.record and a.start < b.end and b.start < a.end

        for f in rule_findings:
            if f.category not in CONFIRMS:
                continue
            agree = [o for o in opinions if overlap(o, f) and _label(o) in CONFIRMS[f.category]]
            if agree:
                f.source = "rules+model"
                f.confidence = max(o.confidence for o in agree)
                f.message += f" (the spaces model agrees: {f.confidence:.2f})"
        own = [o for o in opinions if o.confidence >= alone and o.code in self.codes
               and not any(overlap(o, f) for f in rule_findings)]
        return sorted(rule_findings + own, key=Finding.sort_key)


def _label(f: Finding) -> str:
    return {v: k for k, v in CATEGORY.items()}[f.category]
