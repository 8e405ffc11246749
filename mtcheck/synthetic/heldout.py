"""The fixed half of the treebank sentences that no data build or tuning sees.

``benchmarks/segmentation.py`` corrupts the held-out half and reports on it; the builds that
count words in treebank text for the segmentation rules (``scripts/build_language_data.py``:
how often a glue word ends a sentence) read only the other half, and the rules were tuned on it.
A sentence's half is fixed by a hash of its file name and id, so it does not depend on the
order, the number of files or the Python version.

    >>> held_out("en-ewt.jsonl", "weblog-1-0001"), held_out("en-ewt.jsonl", "weblog-1-0002")
    (False, True)
"""

from __future__ import annotations

import hashlib


def held_out(file_name: str, sentence_id: str) -> bool:
    """Is this sentence in the held-out half (the first byte of a SHA-256 of file and id even)?"""
    return hashlib.sha256(f"{file_name}\t{sentence_id}".encode("utf-8")).digest()[0] % 2 == 0
