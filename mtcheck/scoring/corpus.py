"""Corpora of (source, translation, reference) for ``mtcheck bench``, read with Hugging Face
``datasets`` from local files only: JSONL, TSV or Parquet (streamed, never cached whole), or a
dataset directory written by ``save_to_disk``. Nothing is fetched from a hub: the offline
switches are set before ``datasets`` is imported.

A record is one of three shapes, told apart by its fields:

- **systems**: ``source``, ``reference`` and ``systems`` {name: output} (the shared WMT files):
  one segment per system;
- **MQM**: ``system``, ``target`` and ``errors`` [{category, severity, start, end}] (the shared
  MQM files): the raters' errors ride along as gold spans;
- **single**: ``translation`` (and optionally ``system``, ``reference``, ``source``).

Documents are ``doc_id`` (or ``doc``); the languages ``source_lang`` and ``target_lang``. A
record of none of these shapes is skipped and counted, never guessed at.

    >>> shape({"translation": "Hi."}), shape({"systems": {"A": "Hi."}}), shape({"text": "Hi."})
    ('single', 'systems', None)
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

from mtcheck.io.readers import InputError

REFERENCE_SYSTEM = "ref"  # MQM files score the human reference like a system; bench keeps it apart


@dataclass(frozen=True)
class Segment:
    corpus: str
    system: str
    doc_id: str
    id: str
    translation: str
    source: str | None
    reference: str | None
    source_lang: str | None
    target_lang: str | None
    errors: tuple | None = None  # MQM: ((category, severity, start, end), ...)


def shape(row: dict) -> str | None:
    if isinstance(row.get("systems"), dict):
        return "systems"
    if isinstance(row.get("target"), str) and "errors" in row:
        return "mqm"
    if isinstance(row.get("translation"), str):
        return "single"
    return None


def rows(path: Path) -> Iterator[dict]:
    """The records of a local corpus file or dataset directory, streamed."""
    os.environ.setdefault("HF_DATASETS_OFFLINE", "1")  # before datasets is imported: never a hub
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        import datasets
    except ImportError:
        raise InputError("bench needs Hugging Face datasets: pip install 'mtcheck[report]'") from None
    datasets.logging.set_verbosity_error()
    datasets.disable_progress_bars()
    if path.is_dir():
        try:
            yield from datasets.load_from_disk(str(path))
        except FileNotFoundError:
            raise InputError(f"{path}: not a dataset directory (written by save_to_disk)") from None
        return
    builders = {".jsonl": ("json", {}), ".json": ("json", {}), ".tsv": ("csv", {"delimiter": "\t"}),
                ".parquet": ("parquet", {})}
    if path.suffix not in builders:
        raise InputError(f"{path}: bench reads .jsonl, .tsv, .parquet or a dataset directory")
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.stat().st_size == 0:
        return  # datasets cannot stream an empty file; it holds no record
    builder, options = builders[path.suffix]
    try:
        yield from datasets.load_dataset(builder, data_files=str(path), split="train", streaming=True, **options)
    except (ValueError, TypeError, OSError, RuntimeError) as exc:  # malformed JSON, mixed types, unreadable
        raise InputError(f"{path}: cannot read as {builder}: {str(exc).splitlines()[0]}") from None


def documents(path: Path, skipped: Counter) -> Iterator[list[Segment]]:
    """Segments of one system and one document at a time, in the corpus's order; ``skipped``
    counts the records left out, by reason."""
    name = path.name
    for _, group in groupby(rows(path), key=_doc_id):
        by_system: dict[str, list[Segment]] = {}
        for n, row in enumerate(group):
            for seg in _segments(name, row, n, skipped):
                by_system.setdefault(seg.system, []).append(seg)
        yield from by_system.values()


def _doc_id(row: dict) -> str:
    """A record's document: ``doc_id``, ``doc`` (MQM files), else the record alone."""
    return str(row.get("doc_id") or row.get("doc") or row.get("id") or "")


def _segments(corpus: str, row: dict, n: int, skipped: Counter) -> Iterator[Segment]:
    kind = shape(row)
    if kind is None:
        skipped["no translation, target or systems field"] += 1
        return
    common = dict(corpus=corpus, doc_id=_doc_id(row),
                  source=row.get("source"), source_lang=row.get("source_lang"), target_lang=row.get("target_lang"))
    ident = str(row.get("id") or n)
    if kind == "systems":
        for system, text in row["systems"].items():
            if isinstance(text, str) and text.strip():
                yield Segment(system=system, id=ident, translation=text, reference=row.get("reference"), **common)
            else:
                skipped["empty system output"] += 1
    elif kind == "mqm":
        errors = tuple((e["category"], e["severity"], e.get("start"), e.get("end")) for e in row["errors"] or ())
        yield Segment(system=str(row.get("system") or "mt"), id=ident, translation=row["target"],
                      reference=row.get("reference"), errors=errors, **common)
    else:
        yield Segment(system=str(row.get("system") or "mt"), id=ident, translation=row["translation"],
                      reference=row.get("reference"), **common)
