"""The tagger (mtcheck.model): a tiny model trained for a few steps learns (its loss falls), the same
seed gives the same weights, and the shipped model loads offline from the package (mtcheck/model/mtcheck-tagger) and tags a
corruption of held-out text. Skipped where torch, transformers or sentencepiece are absent."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")
spm = pytest.importorskip("sentencepiece")

ROOT = Path(__file__).resolve().parents[1]
TINY = {"hidden_size": 32, "num_hidden_layers": 1, "num_attention_heads": 2, "intermediate_size": 64}
CLEAN = ["The troops left the city on Monday morning.", "Officials said that the talks would resume in May.",
         "The mayor spoke with the neighbours about the flooded streets.",
         "Rescue teams reached the villages of the valley on Tuesday."] * 8


def _train_module():
    spec = importlib.util.spec_from_file_location("train_model", ROOT / "scripts" / "train_model.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_model"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    train_model = _train_module()
    folder = tmp_path_factory.mktemp("tok")
    train_model.train_tokenizer(CLEAN * 20, folder, vocab=300, seed=1)  # 256 byte pieces + characters + a few
    return train_model, spm.SentencePieceProcessor(model_file=str(folder / "tokenizer.model"))


def test_a_tiny_model_learns(tiny):
    from mtcheck.model.data import examples

    train_model, sp = tiny
    data = examples([(t, "en") for t in CLEAN], seed=3)
    _, losses = train_model.train(data, sp, steps=60, batch_size=8, seed=1, lr=3e-3, log=None, size=TINY)
    assert sum(losses[-10:]) / 10 < 0.6 * sum(losses[:10]) / 10


def test_the_same_seed_gives_the_same_weights(tiny):
    from mtcheck.model.data import examples

    train_model, sp = tiny
    data = examples([(t, "en") for t in CLEAN], seed=3)
    a, _ = train_model.train(data, sp, steps=5, batch_size=4, seed=7, log=None, size=TINY)
    b, _ = train_model.train(data, sp, steps=5, batch_size=4, seed=7, log=None, size=TINY)
    c, _ = train_model.train(data, sp, steps=5, batch_size=4, seed=8, log=None, size=TINY)
    sa, sb, sc = a.state_dict(), b.state_dict(), c.state_dict()
    assert all((sa[k] == sb[k]).all() for k in sa)
    assert not all((sa[k] == sc[k]).all() for k in sa)


def test_the_shipped_model_tags_a_corruption_of_held_out_text(shared):
    """Spanish UD test sentences (never trained on) garbled by a UTF-8 → cp1252 round trip: the
    kind of artifact this model has learned (benchmarks/model.py: mojibake recall 0.66)."""
    from mtcheck.synthetic.corrupt import corrupt
    from mtcheck.languages import get_language
    from mtcheck.model.tagger import DEFAULT, tag

    if not (DEFAULT / "model.safetensors").exists():
        pytest.skip("no shipped model in mtcheck/model/mtcheck-tagger")
    rows = [json.loads(line) for line in (shared / "data" / "ud" / "es-ancora.jsonl").open(encoding="utf-8")]
    held_out = [r["text"] for r in rows if r["split"] == "test" and len(r["text"].split()) >= 8][:60]
    corrupted = [c for i, t in enumerate(held_out) if (c := corrupt(t, "mojibake", get_language("es"), seed=i))]
    spans = tag([c.text for c in corrupted])
    hits = sum(any(s < c.end and c.start < e and cat == "mojibake" for s, e, cat, _ in found)
               for c, found in zip(corrupted, spans))
    assert len(corrupted) >= 30 and hits / len(corrupted) >= 0.4, (hits, len(corrupted))
    clean = tag(held_out[:30])
    assert sum(len(found) for found in clean) <= 3  # the clean sentences themselves: (nearly) nothing


def test_mqm_training_split_is_by_document(shared):
    """The MQM records the training reads and the ones the benchmark holds out share no talk,
    and a rater's Fluency/Spelling span becomes a spelling tag while other fluency spans are left
    out of the loss (no tag of ours names them) and meaning errors stay O."""
    from mtcheck.model.data import IGNORE, bio

    train_model = _train_module()
    train = train_model.mqm_records(shared / "data", held_out=False)
    held = train_model.mqm_records(shared / "data", held_out=True)
    assert train and held
    for pair in ("en", "zh"):
        train_docs = {r["doc"] for r in train if r["source_lang"] == pair}
        held_docs = {r["doc"] for r in held if r["source_lang"] == pair}
        assert train_docs and held_docs and not train_docs & held_docs

    record = {"target": "Das schwarze Loch , sagte er, war gross.", "target_lang": "de",
              "errors": [{"category": "Fluency/Spelling", "start": 34, "end": 39},
                         {"category": "Fluency/Punctuation", "start": 18, "end": 19},
                         {"category": "Accuracy/Mistranslation", "start": 4, "end": 12},
                         {"category": "Accuracy/Omission", "start": None, "end": None}]}
    (text, spans, lang), = train_model.mqm_examples([record])
    assert lang == "de" and sorted(spans) == [(18, 19, None), (34, 39, "spelling")]
    tags = bio([(0, 3), (4, 12), (13, 17), (18, 19), (34, 39)], spans)
    assert tags == ["O", "O", "O", IGNORE, "B-spelling"]


def test_batched_tagging_answers_in_the_input_order():
    """tag() batches texts by length; each text still gets its own spans, in the input's order."""
    from mtcheck.model.tagger import DEFAULT, tag

    if not (DEFAULT / "model.safetensors").exists():
        pytest.skip("no shipped model in mtcheck/model/mtcheck-tagger")
    texts = ["La situaciÃ³n es grave en la regiÃ³n desde el lunes por la maÃ±ana.", "Bien.",
             "Die MÃ¤nner kamen am Abend zurÃ¼ck.", "Ok"]
    together = tag(texts)
    alone = [tag([t])[0] for t in texts]
    assert [[s[:3] for s in spans] for spans in together] == [[s[:3] for s in spans] for spans in alone]
    assert together[0] and together[2]  # the garbled ones are tagged, where they stand
