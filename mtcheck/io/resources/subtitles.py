"""Subtitles: SubRip ``.srt`` and WebVTT ``.vtt``.

Each cue is a record: its id the cue number in SRT (the cue's place when it has none), the cue
identifier in WebVTT, else its start time (``00:01:02.500``). Its text is the cue's lines joined
with ``\\n`` as in the file, so that the rules read a cue's two lines as the one sentence they
usually are. The cue numbers, the timing lines and their cue settings, the ``WEBVTT`` header and
the ``NOTE``, ``STYLE`` and ``REGION`` blocks are no text, and no fix touches them. Inline tags
(``<i>``, ``<b>``, ``<font color=…>``, ``<c.yellow>``, ``<v Anna>``, ``<00:00:01.000>``, the
ASS-style ``{\\an8}`` of SRT) are one MASK character each: never flagged, never changed. WebVTT's
character references (``&amp;``, ``&lt;``, ``&nbsp;``) are read as the characters they stand for.

The language is the WebVTT header's ``Language:``, else the file's name (``movie.de.srt``,
``movie_de.vtt``), else its folder's (``de/movie.srt``); the source is the same name with the
source language (``movie.en.srt``, ``en/movie.srt``; also the other of the two formats), else
the name without a language (``movie.srt``). Cues are paired with the source's by position when both have as many cues,
else by their timing: each cue gets the text of the source cues it overlaps most with, and a
source cue that no cue of the translation overlaps is reported missing (MT607).

    >>> cues = read("1\\n00:00:01,000 --> 00:00:03,000\\n<i>We left</i> the\\ncity at dawn.\\n", "m.de.srt").entries
    >>> [(c.key, c.target.text.replace(MASK, "⟨⟩"), c.line) for c in cues]
    [('1', '⟨⟩We left⟨⟩ the\\ncity at dawn.', 3)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.entities import html5
from pathlib import Path, PurePath

from mtcheck.document import MASK
from mtcheck.io.resources import DEFAULT_SOURCE_LANG, Entry, Resource, line_spans
from mtcheck.io.resources.naming import language_at_end, language_of, with_language
from mtcheck.io.splice import Target

KIND = "subtitles"
LABEL = "subtitles"
EMPTY = False  # a cue without text is no cue: a fix that would empty one is not written
SUFFIXES = (".srt", ".vtt")
_SRT_TIME = r"(\d+):([0-5]\d):([0-5]\d)[,.](\d{1,3})"
_VTT_TIME = r"(?:(\d+):)?([0-5]\d):([0-5]\d)\.(\d{3})"
SRT_TIMING = re.compile(rf"[ \t]*{_SRT_TIME}[ \t]*-->[ \t]*{_SRT_TIME}.*")
VTT_TIMING = re.compile(rf"[ \t]*{_VTT_TIME}[ \t]+-->[ \t]+{_VTT_TIME}(?:[ \t].*)?")
# Tags: SRT's HTML-like <i> <b> <u> <font …>, WebVTT's <c.class>, <v Name>, <lang en>, <ruby>,
# <rt>, timestamps <00:00:01.000>; and the ASS override blocks of SRT ({\an8}, {\i1}).
SRT_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>|\{\\[^{}\n]*\}")
VTT_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>|<\d[\d:.]*>")
_REFERENCE = re.compile(r"&(?:#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));")
_LANGUAGE = re.compile(r"Language:[ \t]*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)[ \t]*")
_VTT_BLOCK = re.compile(r"(?:NOTE|STYLE|REGION)(?:[ \t].*)?")


@dataclass
class Cue(Entry):
    """A cue: its entry, and its timing in milliseconds (to pair it with the source's)."""

    start_ms: int = 0
    end_ms: int = 0


def language(path: PurePath) -> str | None:
    """The language of a file by its name, else its folder's.

    >>> language(PurePath("movie.de.srt")), language(PurePath("movie_pt-BR.vtt")), language(PurePath("fr/movie.srt"))
    ('de', 'pt-BR', 'fr')
    >>> language(PurePath("movie.srt"))
    """
    _, lang = language_at_end(path.stem)
    return lang or language_of(path.parent.name)


def is_resource(path: PurePath) -> bool:
    return language(path) is not None


def source_paths(path: PurePath, source_lang: str | None) -> list[Path]:
    """Where the source may be: the same name with the source language (either format), else
    the name without a language.

    >>> [p.name for p in source_paths(PurePath("movie.de.srt"), None)]
    ['movie.en.srt', 'movie.en.vtt', 'movie.srt']
    >>> [str(p) for p in source_paths(PurePath("subs/de/movie.vtt"), "fr")]
    ['subs/fr/movie.vtt', 'subs/fr/movie.srt']
    """
    lang = source_lang or DEFAULT_SOURCE_LANG
    suffixes = [path.suffix] + [s for s in SUFFIXES if s != path.suffix.lower()]
    name, in_name = language_at_end(path.stem)
    if in_name:
        separator = path.stem[len(name)] if name else ""
        stem = with_language(name, lang, separator)
        found = [Path(path.parent) / f"{stem}{s}" for s in suffixes]
        return found + ([Path(path.parent) / f"{name}{path.suffix}"] if name else [])
    if language_of(path.parent.name):
        return [Path(path.parent.parent) / lang / f"{path.stem}{s}" for s in suffixes]
    return []


def read(text: str, name: str) -> Resource:
    vtt = name.lower().endswith(".vtt")
    lines = line_spans(text)
    blocks = _blocks(text, lines)
    cues = _vtt_cues(text, lines, blocks, name) if vtt else _srt_cues(text, lines, blocks, name)
    declared = None
    if vtt and blocks and blocks[0][0] == 0:  # WebVTT's header may say `Language: de` (YouTube's do)
        header = (text[lines[n][0]:lines[n][1]] for n in blocks[0][1:])
        declared = next((m[1] for m in map(_LANGUAGE.fullmatch, header) if m), None)
    seen: dict[str, int] = {}
    for cue in cues:  # ids are unique: a second cue numbered 12 is `12#2`
        seen[cue.key] = seen.get(cue.key, 0) + 1
        if seen[cue.key] > 1:
            cue.key = f"{cue.key}#{seen[cue.key]}"
    return Resource(cues, declared)


def _blocks(text: str, lines) -> list[list[int]]:
    """The indexes of the lines of each block: lines between blank lines."""
    blocks, current = [], []
    for n, (start, end, _) in enumerate(lines):
        if not text[start:end].strip():
            if current:
                blocks.append(current)
            current = []
        else:
            current.append(n)
    if current:
        blocks.append(current)
    return blocks


def _srt_cues(text: str, lines, blocks, name: str) -> list[Cue]:
    from mtcheck.io.readers import InputError

    cues = []
    for block in _split_glued(text, lines, blocks):
        first = text[lines[block[0]][0]:lines[block[0]][1]]
        number = first.strip() if first.strip().isdigit() else None
        at = 1 if number is not None else 0
        timing = SRT_TIMING.fullmatch(text, lines[block[at]][0], lines[block[at]][1]) if at < len(block) else None
        if timing is None:
            line = block[at] + 1 if at < len(block) else block[0] + 1
            raise InputError(f"{name}: line {line}: expected a timing line "
                             f"`00:00:01,000 --> 00:00:02,500` after the cue number")
        key = number if number is not None else str(len(cues) + 1)
        cue = _cue(text, lines, block[at + 1:], key, timing, SRT_TAG, False, block[at] + 2)
        if cue is not None:
            cues.append(cue)
    return cues


def _split_glued(text: str, lines, blocks) -> list[list[int]]:
    """Blocks, with a cue that runs into the next without a blank line (a number line, then a
    timing line, inside a block) split there, as players read it."""
    out = []
    for block in blocks:
        current = []
        for k, n in enumerate(block):
            is_number = text[lines[n][0]:lines[n][1]].strip().isdigit()
            next_is_timing = k + 1 < len(block) and SRT_TIMING.fullmatch(
                text, lines[block[k + 1]][0], lines[block[k + 1]][1])
            if current and k >= 2 and is_number and next_is_timing:
                out.append(current)
                current = []
            current.append(n)
        out.append(current)
    return out


def _vtt_cues(text: str, lines, blocks, name: str) -> list[Cue]:
    from mtcheck.io.readers import InputError

    if not lines or not re.match(r"WEBVTT(?:[ \t]|$)", text[lines[0][0]:lines[0][1]]):
        raise InputError(f"{name}: line 1: a WebVTT file starts with `WEBVTT`")
    cues = []
    for block in blocks[1:] if blocks and blocks[0][0] == 0 else blocks:
        first = text[lines[block[0]][0]:lines[block[0]][1]]
        if "-->" not in first and _VTT_BLOCK.fullmatch(first):
            continue  # a comment, a style sheet, a region definition
        at = 0 if "-->" in first else 1
        timing = VTT_TIMING.fullmatch(text, lines[block[at]][0], lines[block[at]][1]) if at < len(block) else None
        if timing is None:
            line = block[at] + 1 if at < len(block) else block[0] + 1
            raise InputError(f"{name}: line {line}: expected a cue timing line `00:01.000 --> 00:02.500`")
        key = first.strip() if at else _vtt_time(timing)
        cue = _cue(text, lines, block[at + 1:], key, timing, VTT_TAG, True, block[at] + 2)
        if cue is not None:
            cues.append(cue)
    return cues


def _vtt_time(timing: re.Match) -> str:
    hours, minutes, seconds, millis = timing.groups()[:4]
    return f"{int(hours or 0):02d}:{minutes}:{seconds}.{millis}"


def _ms(groups) -> int:
    hours, minutes, seconds, millis = groups
    return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + int(millis.ljust(3, "0"))


def _cue(text: str, lines, indexes: list[int], key: str, timing: re.Match, tag, vtt: bool, line: int) -> Cue | None:
    """The cue of the text lines ``indexes``; None for a cue without text."""
    if not indexes:
        return None
    chars, spans = [], []
    for k, n in enumerate(indexes):
        start, end, _ = lines[n]
        if k:
            previous_end = lines[indexes[k - 1]][1]
            chars.append("\n")
            spans.append((previous_end, start))  # the line ending ("\r\n" too)
        _decode(text, start, end, tag, vtt, chars, spans)
    newline = "\r\n" if text[lines[indexes[0]][1]:lines[indexes[0]][2]] == "\r\n" else "\n"
    groups = timing.groups()
    return Cue(key, Target("".join(chars), spans, [0] * len(chars), _escaper(vtt, newline)), line,
               start_ms=_ms(groups[:4]), end_ms=_ms(groups[4:8]))


def _decode(text: str, start: int, end: int, tag, vtt: bool, chars: list, spans: list) -> None:
    i = start
    while i < end:
        m = tag.match(text, i, end) if text[i] in "<{" else None
        if m:
            chars.append(MASK)
            spans.append(m.span())
            i = m.end()
            continue
        ref = _REFERENCE.match(text, i, end) if vtt and text[i] == "&" else None
        if ref and (ref[1] or ref[2] or f"{ref[3]};" in html5):
            chars.append(chr(int(ref[1])) if ref[1] else chr(int(ref[2], 16)) if ref[2] else html5[f"{ref[3]};"])
            spans.append(ref.span())
            i = ref.end()
            continue
        chars.append(text[i])
        spans.append((i, i + 1))
        i += 1


def _escaper(vtt: bool, newline: str):
    """New cue text as the file writes it: a line break as the file's; WebVTT's ``&``, ``<``
    and ``>`` as references. A blank line, or text that would read as a tag or a timing line,
    cannot be written there (the cue is left as it was)."""

    def escape(new: str) -> str | None:
        if "\r" in new or "\n\n" in new or "-->" in new:
            return None
        if vtt:
            new = new.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        elif SRT_TAG.search(new) or "<" in new:
            return None
        return new.replace("\n", newline)

    return escape


def pair(resource: Resource, source: Resource) -> tuple[dict[str, str], list[tuple[str, int, str]]]:
    """The source text of each cue of ``resource`` (by its key), and (``source:`` its key, the
    line of the cue before it in the translation, its text) of each source cue no cue of the
    translation has. The same number of cues: by position (a translation renumbered or
    retimed keeps its cues in order). Else by timing: a cue gets the source cues it overlaps
    for more than half of theirs or its own, in order, joined by a line break (a subtitler
    merges two short cues into one, or splits a long one); a source cue that overlaps none is
    missing.

    >>> def cue(k, a, b, t): return Cue(k, Target(t, [], [], str), 1, start_ms=a, end_ms=b)
    >>> src = Resource([cue("1", 0, 1000, "Hi."), cue("2", 1000, 2000, "Bye."), cue("3", 5000, 6000, "Run!")])
    >>> pair(Resource([cue("1", 0, 2000, "Hallo. Tschüs.")]), src)
    ({'1': 'Hi.\\nBye.'}, [('source:3', 1, 'Run!')])
    """
    cues, sources = resource.entries, source.entries
    if len(cues) == len(sources):
        return {c.key: s.target.text for c, s in zip(cues, sources)}, []
    values, used = {}, set()
    for c in cues:
        matched = [k for k, s in enumerate(sources) if _overlaps(c, s)]
        if matched:
            values[c.key] = "\n".join(sources[k].target.text for k in matched)
            used.update(matched)
    missing = []
    for k, s in enumerate(sources):
        if k not in used:
            before = [c.line for c in cues if c.start_ms <= s.start_ms]
            missing.append((f"source:{s.key}", before[-1] if before else 1, s.target.text))
    return values, missing


def _overlaps(a, b) -> bool:
    overlap = min(a.end_ms, b.end_ms) - max(a.start_ms, b.start_ms)
    shorter = min(a.end_ms - a.start_ms, b.end_ms - b.start_ms)
    return overlap > 0 and overlap * 2 >= max(shorter, 1)
