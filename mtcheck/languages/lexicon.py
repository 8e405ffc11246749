"""A word-frequency lexicon read block by block, so a short file loads only what it looks up.

Building a dictionary of all 170,000–450,000 words of a language costs 80–250 ms, most of a
one-file run (a pre-commit hook), and sorting them backwards (for "which words end in …")
as much again. The file therefore keeps the words twice, sorted forwards (with frequencies) and
backwards, each cut into blocks of ``BLOCK_WORDS`` compressed on their own, behind an index of
each block's first word: a lookup bisects the index and inflates one block. Once a quarter of
the forward blocks are in memory (a long document), all words go into one dictionary and
lookups become a single ``dict.get``.

File layout (``lexicon.bin``)::

    MTLEX 2
    # a comment line: the source of the words
    {"forward": [["a", 1380], …], "backward": [["a", 977], …]}   ← JSON: first word, byte length
    <forward blocks><backward blocks>

A forward block is zlib of the words joined by "\\n", a NUL byte, then one byte per word (its
Zipf frequency × 10); a backward block is zlib of the reversed words joined by "\\n".

>>> data = encode({"city": 52, "the": 77, "troops": 45}, "# demo", block_words=2)
>>> lex = BlockLexicon(data)
>>> lex.zipf("troops"), lex.zipf("army"), lex.words_starting("ci", 5), lex.words_ending("ps", 5)
(4.5, 0.0, 1, 1)
>>> lex.starting("t", 5), lex.ending("s", 5)
(['the', 'troops'], ['troops'])
"""

from __future__ import annotations

import bisect
import json
import zlib

MAGIC = b"MTLEX 2"
BLOCK_WORDS = 128
LOAD_ALL_AFTER = 0.25  # share of forward blocks in memory after which everything is loaded
ZIPF = [n / 10 for n in range(256)]  # the stored byte → Zipf frequency


def encode(words: dict[str, int], comment: str, block_words: int = BLOCK_WORDS) -> bytes:
    """The file for ``words`` (word → Zipf × 10, an int 0–255): reproducible byte for byte."""
    forward = sorted(words)
    backward = sorted(w[::-1] for w in words)
    index: dict[str, list] = {"forward": [], "backward": []}
    blobs = []
    for name, ordered in (("forward", forward), ("backward", backward)):
        for start in range(0, len(ordered), block_words):
            chunk = ordered[start:start + block_words]
            if name == "forward":
                raw = "\n".join(chunk).encode("utf-8") + b"\0" + bytes(words[w] for w in chunk)
            else:
                raw = "\n".join(chunk).encode("utf-8")
            blob = zlib.compress(raw, 9)
            index[name].append([chunk[0], len(blob)])
            blobs.append(blob)
    head = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    return b"\n".join([MAGIC, comment.encode("utf-8"), head.encode("utf-8"), b"".join(blobs)])


class _Blocks:
    """One sorted word list stored as compressed blocks (the owner keeps what it inflates)."""

    def __init__(self, index: list, body: bytes, start: int):
        self.firsts = [first for first, _ in index]
        self.offsets = [start]
        for _, length in index:
            self.offsets.append(self.offsets[-1] + length)
        self.body = body

    def __len__(self) -> int:
        return len(self.firsts)

    def find(self, word: str) -> int:
        """The block that holds ``word`` if any block does (-1: before the first block)."""
        return bisect.bisect_right(self.firsts, word) - 1

    def raw(self, i: int) -> bytes:
        return zlib.decompress(self.body[self.offsets[i]:self.offsets[i + 1]])

    def list_prefixed(self, prefix: str, limit: int, words_of) -> list[str]:
        """Words longer than ``prefix`` that start with it (up to ``limit``), walking blocks."""
        i, out = max(self.find(prefix), 0), []
        while i < len(self) and len(out) < limit:
            words = words_of(i)
            found = list_prefixed(words, prefix, limit - len(out))
            out.extend(found)
            if bisect.bisect_right(words, prefix) + len(found) < len(words):
                break
            i += 1
        return out

    def count_prefixed(self, prefix: str, limit: int, words_of) -> int:
        """Words longer than ``prefix`` that start with it (up to ``limit``), walking blocks."""
        i, n = max(self.find(prefix), 0), 0
        while i < len(self) and n < limit:
            words = words_of(i)
            found = count_prefixed(words, prefix, limit - n)
            n += found
            if bisect.bisect_right(words, prefix) + found < len(words):
                break  # a word past the prefix's range ends the search
            i += 1
        return n


class BlockLexicon:
    """Lower-case word → Zipf frequency, from the bytes of a ``lexicon.bin`` file."""

    def __init__(self, data: bytes):
        magic, _comment, head, body = data.split(b"\n", 3)
        if magic != MAGIC:
            raise ValueError("not an mtcheck lexicon file of this version")
        index = json.loads(head)
        self._forward = _Blocks(index["forward"], body, 0)
        self._backward = _Blocks(index["backward"], body, self._forward.offsets[-1])
        self._blocks: dict[int, tuple[list[str], dict[str, float]]] = {}
        self._backward_blocks: dict[int, list[str]] = {}
        self._all: dict[str, float] | None = None
        self._sorted: list[str] | None = None

    def zipf(self, word: str) -> float:
        """Zipf frequency of a lower-case word; 0.0 when it is not listed."""
        if self._all is not None:
            return self._all.get(word, 0.0)
        i = self._forward.find(word)
        return self._block(i)[1].get(word, 0.0) if i >= 0 else 0.0

    def words_starting(self, stem: str, limit: int) -> int:
        """How many listed words are longer than ``stem`` and start with it (up to ``limit``)."""
        if self._all is not None:
            return count_prefixed(self.sorted_words(), stem, limit)
        return self._forward.count_prefixed(stem, limit, lambda i: self._block(i)[0])

    def words_ending(self, tail: str, limit: int) -> int:
        """How many listed words are longer than ``tail`` and end with it (up to ``limit``)."""
        return self._backward.count_prefixed(tail[::-1], limit, self._backward_words)

    def starting(self, stem: str, limit: int) -> list[str]:
        """Up to ``limit`` listed words longer than ``stem`` that start with it, in order."""
        if self._all is not None:
            return list_prefixed(self.sorted_words(), stem, limit)
        return self._forward.list_prefixed(stem, limit, lambda i: self._block(i)[0])

    def ending(self, tail: str, limit: int) -> list[str]:
        """Up to ``limit`` listed words longer than ``tail`` that end with it."""
        found = self._backward.list_prefixed(tail[::-1], limit, self._backward_words)
        return [w[::-1] for w in found]

    def all_words(self) -> dict[str, float]:
        """Every word with its Zipf frequency (loads every block)."""
        if self._all is None:
            merged: dict[str, float] = {}
            for i in range(len(self._forward)):
                merged.update((self._blocks.get(i) or self._inflate(i))[1])
            self._all, self._blocks = merged, {}
        return self._all

    def sorted_words(self) -> list[str]:
        """Every word, in sorted order (loads every block)."""
        if self._sorted is None:
            self._sorted = sorted(self.all_words())
        return self._sorted

    def _block(self, i: int) -> tuple[list[str], dict[str, float]]:
        block = self._blocks.get(i)
        if block is None:
            block = self._blocks[i] = self._inflate(i)
            if len(self._blocks) > LOAD_ALL_AFTER * len(self._forward):
                self.all_words()
        return block

    def _inflate(self, i: int) -> tuple[list[str], dict[str, float]]:
        text, _, values = self._forward.raw(i).partition(b"\0")
        words = text.decode("utf-8").split("\n")
        # zip and map keep the loop in C: a block of 128 words is parsed in microseconds.
        return words, dict(zip(words, map(ZIPF.__getitem__, values)))

    def _backward_words(self, i: int) -> list[str]:
        words = self._backward_blocks.get(i)
        if words is None:
            words = self._backward_blocks[i] = self._backward.raw(i).decode("utf-8").split("\n")
        return words


def list_prefixed(words: list[str], prefix: str, limit: int) -> list[str]:
    """Words of the sorted list ``words`` that start with ``prefix`` and are longer (≤ limit)."""
    i = bisect.bisect_right(words, prefix)
    out = []
    while i < len(words) and len(out) < limit and words[i].startswith(prefix):
        out.append(words[i])
        i += 1
    return out


def count_prefixed(words: list[str], prefix: str, limit: int) -> int:
    """Words of the sorted list ``words`` that start with ``prefix`` and are longer (≤ limit)."""
    i = bisect.bisect_right(words, prefix)  # skips the prefix itself
    n = 0
    while i < len(words) and n < limit and words[i].startswith(prefix):
        n, i = n + 1, i + 1
    return n
