"""Writing a fixed translation back into the file's own text, at the fix's own offsets.

A record's translation is decoded from some stretch of the file (a JSON string, a TSV column, a
PO string, XML text). A :class:`Target` remembers, for every character of the translation, the
span of the file's text it was decoded from. The fixes of all passes are first composed into
edits of the *original* translation (:func:`compose`), and each edit then replaces exactly the
file characters of the characters it changes (:func:`splice`), its replacement escaped as that
place needs. Every other character of the file stays as it was: an ``1e400`` elsewhere on the
line, a ``\\u00e9`` escape, the spacing, an inline ``<g>`` element.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from mtcheck.document import MASK
from mtcheck.finding import Edit


@dataclass
class Target:
    """A record's translation and where each of its characters comes from in the file's text.

    ``escape`` turns new text into what the file holds for it, or returns None when the place
    cannot hold it (a tab in a TSV column): the record is then left as it was."""

    text: str
    spans: list[tuple[int, int]]  # per character: the span of the file's text it was decoded from
    sections: list[int]  # per character: 0, or the number of the CDATA section it is in
    escape: Callable[[str], str | None]
    end: int | None = None  # where an insertion at the very end goes (an empty target: its place)


def compose(original: str, passes: Iterable[Sequence[Edit]]) -> list[Edit]:
    """The edits of successive passes (each relative to the text the one before produced), as
    non-overlapping edits of ``original``, in order.

    >>> compose("a  b c c", [[Edit(1, 3, " ")], [Edit(3, 5, "")]])
    [Edit(start=1, end=3, replacement=' '), Edit(start=4, end=6, replacement='')]
    >>> compose("ab", [[Edit(1, 1, "x")], [Edit(0, 3, "ab")]])
    [Edit(start=0, end=2, replacement='ab')]
    """
    chars: list[str] = list(original)
    origin: list[int | None] = list(range(len(original)))  # None: a character a fix wrote
    for edits in passes:
        for e in sorted(edits, reverse=True):  # right to left: offsets to the left stay valid
            if not 0 <= e.start <= e.end <= len(chars):
                raise ValueError(f"edit {e} outside the text")
            chars[e.start:e.end] = e.replacement
            origin[e.start:e.end] = [None] * len(e.replacement)
    out, pending, prev = [], [], -1
    for c, k in zip(chars, origin):
        if k is None:
            pending.append(c)
            continue
        if k != prev + 1 or pending:
            out.append(Edit(prev + 1, k, "".join(pending)))
        pending, prev = [], k
    if prev + 1 != len(original) or pending:
        out.append(Edit(prev + 1, len(original), "".join(pending)))
    return out


def diff_edits(old: str, new: str) -> list[Edit]:
    """Edits that turn ``old`` into ``new``, for a caller that has only the new text.

    >>> diff_edits("the old city", "the new city")
    [Edit(start=4, end=7, replacement='new')]
    """
    return [Edit(i1, i2, new[j1:j2])
            for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
            if tag != "equal"]


def _runs(target: Target, i1: int, i2: int) -> list[tuple[int, int, int]]:
    """(start, end, section) of the contiguous pieces of text that characters i1..i2 come from."""
    runs: list[list[int]] = []
    for i in range(i1, i2):
        start, end = target.spans[i]
        if runs and runs[-1][1] == start and runs[-1][2] == target.sections[i]:
            runs[-1][1] = end
        else:
            runs.append([start, end, target.sections[i]])
    return [tuple(r) for r in runs]


def _insertion_point(target: Target, at: int) -> tuple[int, int]:
    """(file offset, section) where text inserted before character ``at`` goes: right after the
    character before it, so that it stays in that character's element or string."""
    if at:
        return target.spans[at - 1][1], target.sections[at - 1]
    if target.spans:
        return target.spans[0][0], target.sections[0]
    if target.end is None:
        raise ValueError("an empty target without a place for text")
    return target.end, 0


def file_span(target: Target, start: int, end: int) -> tuple[int, int]:
    """The span of the file's text that characters ``start:end`` of the translation come from
    (an empty span: where text inserted there would go), counted as ``target.spans`` are.

    >>> t = Target("a&b", [(0, 1), (1, 6), (6, 7)], [0, 0, 0], lambda s: s)
    >>> file_span(t, 1, 3), file_span(t, 1, 1)
    ((1, 7), (1, 1))
    """
    if start < end:
        return target.spans[start][0], target.spans[end - 1][1]
    at, _ = _insertion_point(target, start)
    return at, at


def splice(target: Target, edits: Iterable[Edit]) -> list[tuple[int, int, str]] | None:
    """Replacements (start, end, text) of the file's text for edits of ``target.text``, or None
    when one would touch an inline code (a MASK character) or cannot be written there.

    >>> t = Target("a&b", [(0, 1), (1, 6), (6, 7)], [0, 0, 0], lambda s: s.replace("&", "&amp;"))
    >>> splice(t, [Edit(2, 3, "c&d")])
    [(6, 7, 'c&amp;d')]
    >>> splice(t, [Edit(0, 0, "x")])
    [(0, 0, 'x')]
    """
    out = []
    for e in edits:
        if MASK in target.text[e.start:e.end] or MASK in e.replacement:
            return None
        if e.start < e.end:
            runs = _runs(target, e.start, e.end)
        else:
            at, section = _insertion_point(target, e.start)
            runs = [(at, at, section)]
        for n, (start, end, section) in enumerate(runs):
            if n:  # the text goes where the first run was; later runs (past markup) are emptied
                out.append((start, end, ""))
                continue
            written = (e.replacement.replace("]]>", "]]]]><![CDATA[>") if section
                       else target.escape(e.replacement))
            if written is None:
                return None
            out.append((start, end, written))
    return out


def apply(text: str, replacements: Iterable[tuple[int, int, str]]) -> str:
    """``text`` with non-overlapping replacements (start, end, new) made.

    >>> apply("hello world", [(6, 11, "there"), (0, 0, ">")])
    '>hello there'
    """
    out, pos = [], 0
    for start, end, new in sorted(replacements):
        out.append(text[pos:start])
        out.append(new)
        pos = end
    out.append(text[pos:])
    return "".join(out)
