#!/usr/bin/env python3
"""Train the tagger (mtcheck.model) from scratch: a sentencepiece vocabulary and a small BERT-style
encoder for token classification, on synthetic corruptions of clean human text.

Clean text: the UD treebank sentences of ``../shared/data/ud`` in all 8 target languages (their
train and dev parts, and the PUD parallel sentences; the UD *test* parts are held out for
evaluation), two consecutive sentences of a document per text. Each text is corrupted in a drawn
category of ``mtcheck.model.TAGGED`` (or left clean, 20 %) and every token labelled BIO; the texts
are corrupted afresh, with another seed, for every pass over them (``rounds``), so a long run sees
new corruptions rather than the same ones again.

Real MT output: the MQM records of ``../shared/data/wmt-mqm`` (en-de, zh-en) of the training
documents (``mqm_held_out`` keeps two of the five talks per pair for evaluation), once per round:
the raters' ``Fluency/Spelling`` spans tagged ``spelling``; other fluency errors (punctuation,
grammar, ...) ignored by the loss, since no one tag of ours names them; everything else (meaning
errors, clean text) is ``O``, which is what the model must say about it.

The vocabulary is trained on the clean text: the UD sentences and the WMT human references.
Seeded: the same seed gives the same vocabulary, data and weights.

    python scripts/train_model.py --out mtcheck/model/mtcheck-tagger [--steps 10000] [--seed 1]

The tokenizer is sentencepiece (unigram, byte fallback, identity normalization so offsets are
the text's); the model transformers' ``BertForTokenClassification`` built from a config (no
pretrained weights), saved as fp16 safetensors with its tokenizer and a model card.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import time
from itertools import groupby
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGS = ("en", "de", "es", "fr", "it", "pt", "ru", "nl")
MAX_TOKENS = 128


def clean_texts(data: Path, split_held_out: bool) -> list[tuple[str, str]]:
    """(two-sentence text, lang) of the UD files; the test splits when ``split_held_out``."""
    out = []
    for path in sorted((data / "ud").glob("*-*.jsonl")):
        rows = [json.loads(line) for line in path.open(encoding="utf-8")]
        rows = [r for r in rows if (r.get("split") == "test") == split_held_out]
        for _, group in groupby(rows, key=lambda r: r.get("doc_id") or r["id"]):
            group = list(group)
            for i in range(0, len(group), 2):
                out.append((" ".join(r["text"] for r in group[i:i + 2]), group[0]["lang"]))
    return out


def references(data: Path) -> list[str]:
    """The WMT human references (tokenizer text only: the benchmark counts findings on them)."""
    return [json.loads(line)["reference"] for path in sorted(data.glob("wmt2*/*.jsonl"))
            for line in path.open(encoding="utf-8")]


MQM_SPELLING = "Fluency/Spelling"


def mqm_held_out(docs: list[str]) -> set[str]:
    """The MQM documents kept for evaluation: in name order, every second one from the second.

    >>> sorted(mqm_held_out(["talk.6", "talk.1", "talk.4", "talk.5", "talk.3"]))
    ['talk.3', 'talk.5']
    """
    return set(sorted(docs)[1::2])


def mqm_records(data: Path, held_out: bool) -> list[dict]:
    """The MQM records of the held-out (or the training) documents of every pair."""
    out = []
    for path in sorted((data / "wmt-mqm").glob("*.jsonl")):
        rows = [json.loads(line) for line in path.open(encoding="utf-8")]
        kept = mqm_held_out(list({r["doc"] for r in rows}))
        out += [r for r in rows if (r["doc"] in kept) == held_out]
    return out


def mqm_examples(records: list[dict]) -> list[tuple[str, list[tuple[int, int, str | None]], str]]:
    """(text, spans, lang) of MQM records: spelling spans tagged, other fluency spans ignored
    (category None: no loss on their tokens), the rest ``O``."""
    out = []
    for r in records:
        spans = []
        for e in r["errors"]:
            if e["start"] is None or e["end"] <= e["start"]:
                continue
            if e["category"] == MQM_SPELLING:
                spans.append((e["start"], e["end"], "spelling"))
            elif e["category"].startswith("Fluency/"):
                spans.append((e["start"], e["end"], None))
        out.append((r["target"], spans, r["target_lang"]))
    return out


def train_tokenizer(texts: list[str], out: Path, vocab: int, seed: int) -> None:
    import sentencepiece as spm

    corpus = out / "tokenizer-corpus.txt"
    corpus.write_text("\n".join(texts) + "\n", encoding="utf-8")
    spm.set_random_generator_seed(seed)
    spm.SentencePieceTrainer.train(
        input=str(corpus), model_prefix=str(out / "tokenizer"), vocab_size=vocab, model_type="unigram",
        byte_fallback=True, normalization_rule_name="identity", add_dummy_prefix=False,
        character_coverage=0.9995, input_sentence_size=200000, shuffle_input_sentence=True, num_threads=1,
        minloglevel=2)
    corpus.unlink()


SIZE = {"hidden_size": 256, "num_hidden_layers": 4, "num_attention_heads": 4, "intermediate_size": 1024}


def build_model(vocab: int, labels: int, seed: int, size: dict | None = None):
    import torch
    from transformers import BertConfig, BertForTokenClassification

    torch.manual_seed(seed)
    config = BertConfig(vocab_size=vocab, max_position_embeddings=MAX_TOKENS + 2, type_vocab_size=1,
                        num_labels=labels, **(size or SIZE))
    return BertForTokenClassification(config)


def tensors(sp, batch, label_ids):
    import torch

    from mtcheck.model.data import IGNORE, bio, encode

    ids, tags = [], []
    for text, spans, _ in batch:
        pieces, offsets = encode(sp, text)
        pieces, offsets = pieces[:MAX_TOKENS], offsets[:MAX_TOKENS]
        ids.append(pieces)
        tags.append([-100 if t == IGNORE else label_ids[t] for t in bio(offsets, spans)])
    width = max(len(x) for x in ids)
    input_ids = torch.zeros(len(ids), width, dtype=torch.long)
    attention = torch.zeros(len(ids), width, dtype=torch.long)
    labels = torch.full((len(ids), width), -100, dtype=torch.long)
    for i, (x, y) in enumerate(zip(ids, tags)):
        input_ids[i, :len(x)] = torch.tensor(x)
        attention[i, :len(x)] = 1
        labels[i, :len(y)] = torch.tensor(y)
    return input_ids, attention, labels


ARTIFACT_WEIGHT = 1.0  # loss weight of artifact tags against O (5.0 was tried: recall up, precision collapsed)


def train(examples, sp, steps: int, batch_size: int, seed: int, lr: float = 5e-4, log=print, size: dict | None = None,
          artifact_weight: float = ARTIFACT_WEIGHT):
    """Train a fresh model; returns (model, losses)."""
    import torch

    from mtcheck.model import LABELS

    torch.manual_seed(seed)
    torch.set_num_threads(2)
    label_ids = {label: i for i, label in enumerate(LABELS)}
    model = build_model(sp.get_piece_size(), len(LABELS), seed, size)
    weights = torch.full((len(LABELS),), artifact_weight)
    weights[label_ids["O"]] = 1.0
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=lr, total_steps=steps, pct_start=0.1)
    rng = random.Random(seed)
    losses = []
    model.train()
    for step in range(steps):
        batch = [examples[rng.randrange(len(examples))] for _ in range(batch_size)]
        input_ids, attention, labels = tensors(sp, batch, label_ids)
        logits = model(input_ids=input_ids, attention_mask=attention).logits
        loss = torch.nn.functional.cross_entropy(logits.view(-1, len(LABELS)), labels.view(-1), weight=weights,
                                                 ignore_index=-100)
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        schedule.step()
        losses.append(loss.item())
        if log and (step % 100 == 0 or step == steps - 1):
            log(f"step {step} loss {sum(losses[-100:]) / len(losses[-100:]):.4f}")
    return model, losses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "mtcheck" / "model" / "mtcheck-tagger")
    parser.add_argument("--vocab", type=int, default=8000)
    parser.add_argument("--steps", type=int, default=10000)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    import sentencepiece as spm
    import torch

    from mtcheck.model.data import examples

    started = time.perf_counter()
    args.out.mkdir(parents=True, exist_ok=True)
    texts = clean_texts(args.data, split_held_out=False)
    mqm = mqm_examples(mqm_records(args.data, held_out=False))
    train_tokenizer([t for t, _ in texts] + references(args.data), args.out, args.vocab, args.seed)
    sp = spm.SentencePieceProcessor(model_file=str(args.out / "tokenizer.model"))
    rounds = max(1, math.ceil(args.steps * args.batch / (len(texts) + len(mqm))))
    data = [x for r in range(rounds) for x in examples(texts, args.seed + r) + mqm]
    model, losses = train(data, sp, args.steps, args.batch, args.seed)
    model.half().save_pretrained(str(args.out), safe_serialization=True)
    meta = {"texts": len(texts), "mqm_records": len(mqm), "rounds": rounds, "steps": args.steps, "batch": args.batch, "seed": args.seed, "vocab": args.vocab,
            "parameters": sum(p.numel() for p in model.parameters()), "final_loss": round(sum(losses[-100:]) / len(losses[-100:]), 4),
            "minutes": round((time.perf_counter() - started) / 60, 1), "torch": torch.__version__}
    (args.out / "training.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(meta))


if __name__ == "__main__":
    main()
