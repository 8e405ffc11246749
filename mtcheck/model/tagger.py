"""Load a trained tagger from its folder (the shipped one: ``mtcheck/model/mtcheck-tagger/``) and turn its BIO tags into findings.

Offline only: the folder holds ``config.json``, ``model.safetensors`` and the sentencepiece
``tokenizer.model``; nothing is fetched. torch and transformers are imported here, on the
``--model`` path only; without them a one-line error names the extra to install.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from mtcheck.finding import Finding
from mtcheck.model import LABELS, TAGGED
from mtcheck.model.data import encode

# Shipped inside the package (package data), so that a wheel installed with the model extra has it.
DEFAULT = Path(__file__).resolve().parent / "mtcheck-tagger"
MAX_TOKENS = 128
BATCH = 32
MIN_CONFIDENCE = 0.5
# Model findings get codes of their own, one per category: MT9 + the category's place in TAGGED.
CODES = {category: f"MT9{i:02d}" for i, category in enumerate(TAGGED)}


class ModelUnavailable(RuntimeError):
    pass


def require(folder: str = str(DEFAULT)) -> None:
    """ModelUnavailable, with what to do, unless ``folder`` holds a trained model and the model
    extra is installed; nothing is imported (find_spec), so a check fails before it starts.

    >>> require("/nonexistent")
    Traceback (most recent call last):
    mtcheck.model.tagger.ModelUnavailable: /nonexistent: no trained model here (scripts/train_model.py writes one)
    """
    from importlib.util import find_spec

    path = Path(folder)
    if not (path / "model.safetensors").exists() or not (path / "tokenizer.model").exists():
        raise ModelUnavailable(f"{path}: no trained model here (scripts/train_model.py writes one)")
    missing = [name for name in ("torch", "transformers", "sentencepiece") if find_spec(name) is None]
    if missing:
        raise ModelUnavailable(f"the model needs {', '.join(missing)}: pip install 'mtcheck[model]'")


@lru_cache(maxsize=2)
def load(folder: str = str(DEFAULT)):
    """(tokenizer, model) of a trained tagger, on the CPU, in evaluation mode."""
    require(folder)
    path = Path(folder)
    try:
        import sentencepiece as spm
        import torch
        from transformers import BertForTokenClassification
    except ImportError as exc:  # installed but broken (a torch built for another Python)
        raise ModelUnavailable(f"the model needs torch, transformers and sentencepiece ({exc}): "
                               "pip install 'mtcheck[model]'") from None
    from transformers.utils import logging

    logging.set_verbosity_error()  # no "Loading weights" bars on a linter's stderr
    logging.disable_progress_bar()
    torch.set_num_threads(2)
    model = BertForTokenClassification.from_pretrained(str(path), local_files_only=True, dtype=torch.float32)
    model.eval()
    return spm.SentencePieceProcessor(model_file=str(path / "tokenizer.model")), model


def tag(texts: list[str], folder: str = str(DEFAULT)) -> list[list[tuple[int, int, str, float]]]:
    """For each text, the spans the model tags: (start, end, category, confidence)."""
    sp, model = load(folder)  # first: without torch, its one-line error, not an ImportError
    import torch

    encoded = [encode(sp, t) for t in texts]
    # Batches of texts of similar length (padding is wasted work), answers in the input's order.
    order = sorted(range(len(texts)), key=lambda i: len(encoded[i][0]))
    out: list[list[tuple[int, int, str, float]]] = [[] for _ in texts]
    for first in range(0, len(order), BATCH):
        batch = order[first:first + BATCH]
        width = max(min(len(encoded[i][0]), MAX_TOKENS) for i in batch) or 1
        input_ids = torch.zeros(len(batch), width, dtype=torch.long)
        attention = torch.zeros(len(batch), width, dtype=torch.long)
        for row, i in enumerate(batch):
            ids = encoded[i][0][:MAX_TOKENS]
            input_ids[row, :len(ids)] = torch.tensor(ids, dtype=torch.long)
            attention[row, :len(ids)] = 1
        with torch.no_grad():
            probs = model(input_ids=input_ids, attention_mask=attention).logits.softmax(-1)
        for row, i in enumerate(batch):
            offsets = encoded[i][1]
            out[i] = _spans(probs[row, :min(len(offsets), MAX_TOKENS)].tolist(), offsets)
    return out


def _spans(probs: list[list[float]], offsets: list[tuple[int, int]]) -> list[tuple[int, int, str, float]]:
    """Join B-X I-X… runs into spans, with the mean probability of their tags as confidence.

    >>> o = LABELS.index("B-merged-words"); p = [[0.0] * len(LABELS) for _ in range(2)]
    >>> p[0][o] = 0.9; p[1][0] = 1.0
    >>> _spans(p, [(0, 6), (6, 9)])
    [(0, 6, 'merged-words', 0.9)]
    """
    spans: list[list] = []
    for (start, end), row in zip(offsets, probs):
        best = max(range(len(row)), key=row.__getitem__)
        label = LABELS[best]
        if label == "O" or row[best] < MIN_CONFIDENCE:
            continue
        kind, category = label.split("-", 1)
        if kind == "I" and spans and spans[-1][2] == category and spans[-1][1] >= start - 1:
            spans[-1][1] = end
            spans[-1][3].append(row[best])
        else:
            spans.append([start, end, category, [row[best]]])
    return [(s, e, c, round(sum(p) / len(p), 3)) for s, e, c, p in spans]


def findings(text: str, folder: str = str(DEFAULT)) -> list[Finding]:
    """Model findings on one text (no fixes: the model says where, the rules say how)."""
    return [Finding(CODES[c], c, s, e, f"the model tags this as {c} (confidence {p:.2f})")
            for s, e, c, p in tag([text], folder)[0]]


class ModelOpinion:
    """The tagger seen by the checker as one more rule: it tags each record, or each sentence of
    a text, and its findings are placed, accepted and suppressed like any rule's."""

    # What suppression selectors match (`ignore[MT9]`, `ignore[model]`): not a taxonomy category.
    code, name, category = "MT9", "model", "model"
    compares_source = False

    def __init__(self, folder: str):
        self.folder = folder

    def check(self, doc, lang):
        from mtcheck.text.sentences import split

        if doc.has_records:
            units = [(s.start, s.end) for s in doc.segments]
        else:
            units = split(doc.text, doc.lang)
        texts = [doc.text[a:b] for a, b in units]
        for (base, _), spans in zip(units, tag(texts, self.folder) if texts else []):
            for s, e, c, p in spans:
                yield Finding(CODES[c], c, base + s, base + e, f"the model tags this as {c} (confidence {p:.2f})")

    @staticmethod
    def combine(rule_findings: list[Finding], model_findings: list[Finding]) -> list[Finding]:
        """Rule findings, with the model's confidence said where it tags the same span and
        category; model findings only where no rule finding overlaps them."""
        def overlap(a: Finding, b: Finding) -> bool:
            return a.record == b.record and a.start < max(b.end, b.start + 1) and b.start < max(a.end, a.start + 1)

        for f in rule_findings:
            agree = [m for m in model_findings if m.category == f.category and overlap(m, f)]
            if agree:
                f.message += f" (model agrees: {agree[0].message.rsplit('confidence ', 1)[1]}"
        extra = [m for m in model_findings if not any(overlap(m, f) for f in rule_findings)]
        return sorted(rule_findings + extra, key=Finding.sort_key)
