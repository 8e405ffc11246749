"""Fix write-back of Fluent and subtitle files, on generated files with edits as rules make
them (inside a value, off placeables and inline tags): every edited value reads back as fixed
or is left as it was, every other byte stays, and no file fails to be written."""

from __future__ import annotations

import random

import pytest
from resource_texts import fluent_file, subtitle_file

from mtcheck.document import MASK, Document
from mtcheck.finding import Edit
from mtcheck.io.resources import read

# What fixes write: spaces, letters, words, a line break, characters a format escapes.
WRITTEN = (" ", "x", "\n", "Wort ", "&", "<", ">", ".", "\u00a0", "{ $name }", "„", "'", "")


def rule_like_edit(r: random.Random, text: str) -> Edit | None:
    doc = Document(text, "de")
    for _ in range(10):
        start = r.randrange(1, len(text))
        end = min(len(text) - 1, start + r.choice([0, 0, 1, 2, 5]))
        if not doc.is_protected(start, max(end, start + 1)) and MASK not in text[start - 1:end + 1]:
            replacement = r.choice(WRITTEN[:-1] if start == end else WRITTEN)
            return Edit(start, end, replacement)
    return None


@pytest.mark.parametrize("kind", ["fluent", "srt", "vtt"])
def test_edited_values_read_back_as_fixed_or_are_left(kind):
    r = random.Random(kind)
    written = left = 0
    for _ in range(150):
        if kind == "fluent":
            text, name, fmt = fluent_file(r), "de.ftl", "fluent"
        else:
            text, name, fmt = subtitle_file(r, kind == "vtt")[0], f"m.de.{kind}", "subtitles"
        records, writer = read(text, fmt, name)
        fixed, edits = {}, {}
        for i in r.sample(range(len(records)), min(3, len(records))):
            old = records[i].translation
            edit = rule_like_edit(r, old) if len(old) >= 3 else None
            if edit is not None and old[:edit.start] + edit.replacement + old[edit.end:] != old:
                fixed[i], edits[i] = old[:edit.start] + edit.replacement + old[edit.end:], [edit]
        new = writer.write(text, fixed, edits)
        back = {rec.id: rec.translation for rec in read(new, fmt, name)[0]}
        for i, value in fixed.items():
            assert back[records[i].id] in (value, records[i].translation), (text, value)
            written += back[records[i].id] == value
            left += back[records[i].id] != value
        untouched = {rec.id: rec.translation for k, rec in enumerate(records) if k not in fixed}
        assert all(back[key] == value for key, value in untouched.items())
    assert written > 10 * left  # most fixes are written; a few are texts the format cannot hold there
