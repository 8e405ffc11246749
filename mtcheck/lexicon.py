"""A word-frequency lexicon read block by block, so a short file loads only what it looks up.

Building a dictionary of all 170,000–450,000 words of a language costs 80–250 ms, most of a
one-file run (a pre-commit hook). The file is therefore cut into blocks of ``BLOCK_WORDS``
sorted words, each compressed on its own, behind an index of each block's first word: a lookup
bisects the index and inflates one block. Once a quarter of the blocks are in memory (a long
document), everything is loaded into one dictionary and lookups become a single ``dict.get``.

File layout (``lexicon.bin``)::

    MTLEX 1
    # a comment line: the source of the words
    [["a", 1380], ["abduction", 1291], …]      ← JSON: each block's first word and byte length
    <zlib block><zlib block>…                   ← each: the words joined by "\\n", a NUL byte,
                                                   then one byte per word: its Zipf × 10

>>> data = encode({"city": 52, "the": 77, "troops": 45}, "# demo", block_words=2)
>>> lex = BlockLexicon(data)
>>> lex.zipf("troops"), lex.zipf("army"), lex.words_starting("ci", 5)
(4.5, 0.0, 1)
"""

from __future__ import annotations

import bisect
import json
import zlib

MAGIC = b"MTLEX 1"
BLOCK_WORDS = 128
LOAD_ALL_AFTER = 0.25  # share of blocks in memory after which everything is loaded
ZIPF = [n / 10 for n in range(256)]  # the stored byte → Zipf frequency


def encode(words: dict[str, int], comment: str, block_words: int = BLOCK_WORDS) -> bytes:
    """The file for ``words`` (word → Zipf × 10, an int 0–255): reproducible byte for byte."""
    ordered = sorted(words)
    index, blobs = [], []
    for start in range(0, len(ordered), block_words):
        chunk = ordered[start:start + block_words]
        raw = "\n".join(chunk).encode("utf-8") + b"\0" + bytes(words[w] for w in chunk)
        blob = zlib.compress(raw, 9)
        index.append([chunk[0], len(blob)])
        blobs.append(blob)
    head = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    return b"\n".join([MAGIC, comment.encode("utf-8"), head.encode("utf-8"), b"".join(blobs)])


class BlockLexicon:
    """Lower-case word → Zipf frequency, from the bytes of a ``lexicon.bin`` file."""

    def __init__(self, data: bytes):
        magic, _comment, head, self._body = data.split(b"\n", 3)
        if magic != MAGIC:
            raise ValueError("not an mtcheck lexicon file")
        index = json.loads(head)
        self._firsts = [first for first, _ in index]
        self._offsets = [0]
        for _, length in index:
            self._offsets.append(self._offsets[-1] + length)
        self._blocks: dict[int, tuple[list[str], dict[str, float]]] = {}
        self._all: dict[str, float] | None = None
        self._sorted: list[str] | None = None

    def zipf(self, word: str) -> float:
        """Zipf frequency of a lower-case word; 0.0 when it is not listed."""
        if self._all is not None:
            return self._all.get(word, 0.0)
        i = bisect.bisect_right(self._firsts, word) - 1
        return self._block(i)[1].get(word, 0.0) if i >= 0 else 0.0

    def words_starting(self, stem: str, limit: int) -> int:
        """How many listed words are longer than ``stem`` and start with it (up to ``limit``)."""
        if self._all is not None:
            return count_prefixed(self.sorted_words(), stem, limit)
        i = max(bisect.bisect_right(self._firsts, stem) - 1, 0)
        n = 0
        while i < len(self._firsts) and n < limit:
            words = self._block(i)[0]
            if self._all is not None:  # that block tipped the balance: everything is loaded
                return count_prefixed(self.sorted_words(), stem, limit)
            j = bisect.bisect_right(words, stem)
            found = count_prefixed(words, stem, limit - n)
            n += found
            if j + found < len(words):
                break  # a word past the stem's range ends the search
            i += 1
        return n

    def all_words(self) -> dict[str, float]:
        """Every word with its Zipf frequency (loads every block)."""
        if self._all is None:
            merged: dict[str, float] = {}
            for i in range(len(self._firsts)):
                block = self._blocks.get(i) or self._inflate(i)
                merged.update(block[1])
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
            if len(self._blocks) > LOAD_ALL_AFTER * len(self._firsts):
                self.all_words()
        return block

    def _inflate(self, i: int) -> tuple[list[str], dict[str, float]]:
        raw = zlib.decompress(self._body[self._offsets[i]:self._offsets[i + 1]])
        text, _, values = raw.partition(b"\0")
        words = text.decode("utf-8").split("\n")
        # zip and map keep the loop in C: a block of 128 words is parsed in microseconds.
        return words, dict(zip(words, map(ZIPF.__getitem__, values)))


def count_prefixed(words: list[str], prefix: str, limit: int) -> int:
    """Words of the sorted list ``words`` that start with ``prefix`` and are longer (≤ limit)."""
    i = bisect.bisect_right(words, prefix)  # skips the prefix itself
    n = 0
    while i < len(words) and n < limit and words[i].startswith(prefix):
        n, i = n + 1, i + 1
    return n
