#!/usr/bin/env python3
"""The language server's round trip: didOpen of a 2,000-word document → publishDiagnostics.

A client (pygls's own) starts ``python -m mtcheck lsp`` over stdio, as an editor does, and
times from sending a notification to receiving the diagnostics of that document:

1. Cold: a fresh server for each run; the first document it checks (the language's data is
   read then). Also the time from starting the process to the answer to ``initialize``.
2. Warm: one server, a new document each run (each its own sentences, so no cache of the one
   before helps).
3. Change: a one-word edit of an open document → its new diagnostics; 300 ms of it is the
   debounce (the server waits for typing to pause).
4. For comparison, ``mtcheck check`` on the same file as a process of its own.

The documents are English of this script's own (seeded sentences, a glued sentence and a
doubled word in each), in a folder without a config: the language is detected, as ``mtcheck
check`` would. Median of ``--runs`` runs (default 5). Needs the lsp extra.

    python benchmarks/lsp.py [--runs 5] [--words 2000]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

REPO = Path(__file__).resolve().parents[1]
SERVER = [sys.executable, "-m", "mtcheck", "lsp"]
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}

# Written for this benchmark.
SUBJECTS = ["The committee", "Our neighbours", "The new mayor", "Most of the workers", "A local teacher",
            "The river authority", "Several farmers", "The young engineer", "The museum staff", "Her brother"]
VERBS = ["discussed", "postponed", "welcomed", "criticised", "prepared", "described", "rejected", "supported",
         "reviewed", "announced"]
OBJECTS = ["the plan for a new bridge", "the budget of the coming year", "a report on the flooding",
           "the changes to the school timetable", "an exhibition of old maps", "the price of bread",
           "a proposal to close the road", "the results of the survey", "the repairs to the station roof",
           "a long letter from the ministry"]
TAILS = ["on Tuesday morning", "after a short debate", "without much enthusiasm", "before the summer holidays",
         "in a crowded hall", "despite the rain", "at the end of a long week", "for the second time",
         "with some reservations", "during the evening meeting"]


def document(words: int, seed: int) -> str:
    """About ``words`` words of English in paragraphs of five sentences, with one glued
    sentence and one doubled word."""
    rng = random.Random(seed)
    sentences, count = [], 0
    while count < words:
        s = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}."
        sentences.append(s)
        count += len(s.split())
    sentences[3] = sentences[3][:-1] + "They left early."  # MT102: glued
    sentences[7] = sentences[7].replace(" the ", " the the ", 1)  # MT105: doubled
    return "\n\n".join(" ".join(sentences[i:i + 5]) for i in range(0, len(sentences), 5)) + "\n"


class Timer:
    """A client that notes when each document's diagnostics arrive."""

    def __init__(self) -> None:
        self.client = LanguageClient("mtcheck-benchmark", "1")
        self.arrived: dict[tuple[str, int], float] = {}
        self.counts: dict[tuple[str, int], int] = {}
        self.event = asyncio.Event()

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            self.arrived[params.uri, params.version] = time.perf_counter()
            self.counts[params.uri, params.version] = len(params.diagnostics)
            self.event.set()

    async def start(self, root: Path) -> float:
        """Start the server; seconds until it answered ``initialize``."""
        started = time.perf_counter()
        await self.client.start_io(*SERVER, env=ENV)
        await self.client.initialize_async(types.InitializeParams(
            capabilities=types.ClientCapabilities(), root_uri=root.as_uri()))
        self.client.initialized(types.InitializedParams())
        return time.perf_counter() - started

    async def wait(self, uri: str, version: int) -> None:
        while (uri, version) not in self.arrived:
            self.event.clear()
            await asyncio.wait_for(self.event.wait(), 120)

    async def open(self, path: Path, text: str) -> float:
        """Seconds from didOpen to the document's diagnostics."""
        uri = path.as_uri()
        sent = time.perf_counter()
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)))
        await self.wait(uri, 1)
        assert self.counts[uri, 1] >= 2, "the planted findings were not reported"
        return self.arrived[uri, 1] - sent

    async def change(self, path: Path, text: str, version: int) -> float:
        uri = path.as_uri()
        sent = time.perf_counter()
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            [types.TextDocumentContentChangeWholeDocument(text=text)]))
        await self.wait(uri, version)
        return self.arrived[uri, version] - sent

    async def stop(self) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()


async def measure(runs: int, words: int, folder: Path) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {"start": [], "cold": [], "warm": [], "change": [], "cli": []}
    for run in range(runs):
        timer = Timer()
        times["start"].append(await timer.start(folder))
        path = folder / f"cold{run}.txt"
        times["cold"].append(await timer.open(path, document(words, 1000 + run)))
        await timer.stop()

    timer = Timer()
    await timer.start(folder)
    await timer.open(folder / "warm-up.txt", document(words, 1))
    for run in range(runs):
        path, text = folder / f"warm{run}.txt", document(words, 2000 + run)
        times["warm"].append(await timer.open(path, text))
        times["change"].append(await timer.change(path, text.replace("committee", "council", 1), 2))
    await timer.stop()

    for run in range(runs):
        path = folder / f"cli{run}.txt"
        path.write_text(document(words, 3000 + run), encoding="utf-8")
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mtcheck", "check", path.name], cwd=folder, env=ENV,
                       capture_output=True, check=False)
        times["cli"].append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--words", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        times = asyncio.run(measure(args.runs, args.words, Path(tmp)))
    words = len(document(args.words, 0).split())
    print(f"{words}-word English document, median of {args.runs} runs (ms):")
    labels = {"start": "server start → initialize answered",
              "cold": "didOpen → publishDiagnostics, fresh server (first document)",
              "warm": "didOpen → publishDiagnostics, running server",
              "change": "didChange → publishDiagnostics (300 ms debounce included)",
              "cli": "mtcheck check on the file, as a process"}
    for key, label in labels.items():
        ms = [t * 1000 for t in times[key]]
        print(f"  {label:<62} {statistics.median(ms):7.0f}   (min {min(ms):.0f}, max {max(ms):.0f})")


if __name__ == "__main__":
    main()
