#!/usr/bin/env python3
"""Train the spaces model (``mtcheck/model/mtcheck-spaces/``): a character convolution that says,
for each character, "a space is missing before me", "a period and a space are", "I am a space
that should not be here" or nothing (``mtcheck/model/spaces_data.py``).

**Data**: the UD sentences of ``../shared/data/ud`` and the WMT22/WMT24 human references of
``../shared/data`` in every language where mtcheck has data and writes spaces between words,
**only the training half**: a UD sentence whose file and id ``mtcheck.synthetic.heldout`` puts in
the held-out half is never read (benchmarks/segmentation.py reports on that half), nor a reference
document that it puts there (the other benchmarks count false alarms on references). Texts are
one or two consecutive sentences; each draw corrupts a text afresh (``spaces_data.corrupt``).
Languages are drawn in proportion to the square root of their text count, so that the large
treebanks (English EWT) do not drown the small ones.

**Budget**: ``--minutes`` of wall clock (default 55) or ``--steps``, whichever ends first, on one
thread (``torch.set_num_threads(1)``: the machine is shared). With ``--steps`` and no time limit
hit, the same seed gives the same weights.

    nice -n 10 python scripts/train_spaces.py --out mtcheck/model/mtcheck-spaces [--minutes 55]
                                              [--steps 200000] [--batch 32] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from collections import Counter, defaultdict
from itertools import groupby
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mtcheck.languages import get_language, with_data  # noqa: E402
from mtcheck.model.spaces_data import KEEP, corrupt  # noqa: E402
from mtcheck.synthetic.heldout import held_out  # noqa: E402

CROP = 160  # characters of output per training text
MAX_CHARS = 3000
MIN_COUNT = 3


def languages(data: Path) -> list[str]:
    """Languages with data, spaces between words and treebank text."""
    out = []
    for code in with_data():
        language = get_language(code)
        if language.spaced and language.has_data and language.lexicon and any((data / "ud").glob(f"{code}-*.jsonl")):
            out.append(code)
    return out


def ud_texts(data: Path, langs: set[str]) -> list[tuple[str, str]]:
    """(text, lang): single sentences and pairs of consecutive training-half sentences of a document."""
    out = []
    for path in sorted((data / "ud").glob("*-*.jsonl")):
        lang = path.name.split("-")[0]
        if lang not in langs:
            continue
        rows = [json.loads(line) for line in path.open(encoding="utf-8")]
        rows = [r for r in rows if not held_out(path.name, r["id"])]
        for _, group in groupby(rows, key=lambda r: r.get("doc_id") or r["id"]):
            texts = [r["text"].strip() for r in group]
            out += [(t, lang) for t in texts]
            out += [(f"{a} {b}", lang) for a, b in zip(texts, texts[1:])]
    return out


def reference_texts(data: Path, langs: set[str]) -> list[tuple[str, str]]:
    """(text, lang): the references of training-half documents, one and two segments a text."""
    out = []
    for path in sorted(data.glob("wmt2*/*.jsonl")):
        rows = [json.loads(line) for line in path.open(encoding="utf-8")]
        for doc, group in groupby(rows, key=lambda r: r["doc_id"]):
            group = list(group)
            lang = group[0]["target_lang"]
            if lang not in langs or held_out(path.name, doc):
                continue
            texts = [r["reference"].strip() for r in group if r.get("reference")]
            out += [(t, lang) for t in texts]
            out += [(f"{a} {b}", lang) for a, b in zip(texts, texts[1:])]
    return out


def vocabulary(texts: list[tuple[str, str]]) -> list[str]:
    """The characters seen at least MIN_COUNT times, most frequent first (ids from 2 on)."""
    counts = Counter(c for t, _ in texts for c in t)
    return [c for c, n in counts.most_common(MAX_CHARS) if n >= MIN_COUNT]


def function_words(lang: str, n: int = 100) -> set[str]:
    lexicon = get_language(lang).lexicon
    return set(sorted(lexicon, key=lambda w: -lexicon[w])[:n])


def batch(rng: random.Random, by_lang: dict, lang_weights: list, langs: list[str], char_id: dict,
          tops: dict, size: int, radius: int):
    """(ids, lang ids, labels) of ``size`` freshly corrupted crops; label -100 outside the text."""
    import torch

    width = CROP + 2 * radius
    ids, lang_ids, labels = [], [], []
    for _ in range(size):
        lang = rng.choices(langs, lang_weights)[0]
        text = rng.choice(by_lang[lang])
        bad, gold = corrupt(text, tops[lang], rng)
        first = rng.randrange(0, max(1, len(bad) - CROP + 1))
        window = bad[max(0, first - radius):first + CROP + radius]
        pad = max(0, radius - first)
        row = [0] * pad + [char_id.get(c, 1) for c in window]
        ids.append(row + [0] * (width - len(row)))
        gold = gold[first:first + CROP]
        labels.append(gold + [-100] * (CROP - len(gold)))
        lang_ids.append(langs.index(lang) + 1)
    ids, lang_ids, labels = torch.tensor(ids), torch.tensor(lang_ids), torch.tensor(labels)
    return ids, lang_ids, labels


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / ".." / "shared" / "data")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--minutes", type=float, default=55.0)
    parser.add_argument("--steps", type=int, default=200_000)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=2e-3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--channels", type=int, default=128)
    parser.add_argument("--dim", type=int, default=64)
    parser.add_argument("--checkpoint", type=int, default=0, help="also save every this many steps")
    parser.add_argument("--langs", nargs="+", help="train on these languages only (default: every one with data)")
    args = parser.parse_args(argv)

    import torch

    from mtcheck.model.spaces_net import build, parameters, radius

    torch.set_num_threads(1)  # the machine is shared; run under nice -n 10 too
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    langs = sorted(args.langs or languages(args.data))
    texts = ud_texts(args.data, set(langs)) + reference_texts(args.data, set(langs))
    if not texts:
        print(f"train_spaces: no training text under {args.data}", file=sys.stderr)
        return 2
    by_lang: dict[str, list[str]] = defaultdict(list)
    for t, lang in texts:
        by_lang[lang].append(t)
    langs = [lang for lang in langs if by_lang[lang]]
    weights = [math.sqrt(len(by_lang[lang])) for lang in langs]
    chars = vocabulary(texts)
    char_id = {c: i + 2 for i, c in enumerate(chars)}
    tops = {lang: function_words(lang) for lang in langs}
    config = {"chars": len(chars) + 2, "langs": len(langs) + 1, "dim": args.dim, "channels": args.channels,
              "kernel": 3, "dilations": [1, 2, 4, 8, 16, 1]}
    config["radius"] = radius(config["kernel"], config["dilations"])
    model = build(config)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    print(f"{len(texts)} texts in {len(langs)} languages, {len(chars)} characters, "
          f"{parameters(model)} parameters, radius {config['radius']}", file=sys.stderr)
    start, budget = time.monotonic(), args.minutes * 60
    step, running, warmup = 0, None, 500
    model.train()
    while step < args.steps:
        elapsed = time.monotonic() - start
        progress = max(step / args.steps, elapsed / budget)
        if progress >= 1:
            break
        # Warm up, then cosine down to a tenth, over the steps or the minutes, whichever is nearer.
        lr = args.lr * min(1.0, (step + 1) / warmup) * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * progress)))
        for group in optimizer.param_groups:
            group["lr"] = lr
        ids, lang_ids, labels = batch(rng, by_lang, weights, langs, char_id, tops, args.batch, config["radius"])
        logits = model(ids, lang_ids)
        loss = torch.nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), labels.reshape(-1))
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        step += 1
        running = loss.item() if running is None else 0.99 * running + 0.01 * loss.item()
        if step % 500 == 0:
            print(f"step {step} loss {running:.4f} lr {lr:.2e} {elapsed / 60:.1f} min", file=sys.stderr, flush=True)
        if args.checkpoint and step % args.checkpoint == 0:  # a model to measure while it trains on
            save(args, model, config, chars, langs, texts, step, running, start)
    save(args, model, config, chars, langs, texts, step, running, start)
    return 0


def save(args, model, config: dict, chars: list[str], langs: list[str], texts: list, step: int,
         running: float | None, start: float) -> None:
    """The model's folder: fp16 weights, config.json (alphabet, languages, shape), training.json."""
    import torch
    from safetensors.torch import save_file

    from mtcheck.model.spaces_net import parameters

    minutes = (time.monotonic() - start) / 60
    args.out.mkdir(parents=True, exist_ok=True)
    state = {k: v.detach().to(torch.float16).contiguous() for k, v in model.state_dict().items()}
    save_file(state, str(args.out / "model.safetensors"))
    config = dict(config, alphabet="".join(chars), languages=langs, labels=["keep", "space", "sentence", "extra"])
    (args.out / "config.json").write_text(json.dumps(config, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    training = {"texts": len(texts), "languages": len(langs), "steps": step, "batch": args.batch,
                "crop": CROP, "seed": args.seed, "lr": args.lr, "parameters": parameters(model),
                "final_loss": round(running or 0.0, 4), "minutes": round(minutes, 1),
                "torch": torch.__version__, "threads": 1}
    (args.out / "training.json").write_text(json.dumps(training, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(training), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
