#!/usr/bin/env python3
"""mtcheck's subtitle reader (``mtcheck/io/resources/subtitles.py``) against the reference
parsers ``srt`` (SubRip) and ``webvtt-py`` (WebVTT), on generated files: the same cues, the
same timing, the same text.

Files hold 1 to 30 cues of 1 to 3 lines, with inline tags (``<i>``, ``<b>``, ``<font>``, SRT's
``{\\an8}``; WebVTT's ``<c.yellow>``, ``<v Anna>``, timestamps), character references in
WebVTT, cue identifiers and settings, ``NOTE`` and ``STYLE`` blocks, LF or CRLF, with or without
a final line break, extra blank lines between cues. A cue's text is compared as the file holds
it (mtcheck's per-character spans give it back, tags and references included: the reference
parsers keep them as written), line breaks as ``\\n``; timing in milliseconds; the WebVTT
identifier as the record id.

Neither library is a dependency of mtcheck: install them beside, e.g.
``pip install --target /tmp/subs 'srt==3.5.3' 'webvtt-py==0.6.0'`` and ``PYTHONPATH=/tmp/subs``.

    python benchmarks/subtitle_reader.py [SEED] [FILES]
"""

from __future__ import annotations

import io
import random
import sys

import srt
import webvtt

from mtcheck.io.resources import subtitles

WORDS = "wir gehen heute Abend in die Stadt und sehen uns den Film an was sagst du dazu".split()


def words(r: random.Random) -> str:
    return " ".join(r.choice(WORDS) for _ in range(r.randint(1, 7))) + r.choice([".", "?", "!", ",", ""])


def line(r: random.Random, vtt: bool) -> str:
    text = words(r)
    k = r.random()
    if k < .15:
        text = f"<i>{text}</i>"
    elif k < .25:
        text = f"<b>{text}</b>" if vtt else f'<font color="#ffff00">{text}</font>'
    elif k < .35:
        text = ("<c.yellow>" + text + "</c>") if vtt else "{\\an8}" + text
    elif k < .4 and vtt:
        text = f"<v Anna>{text}"
    elif k < .45 and vtt:
        text = text.replace(" ", " &amp; ", 1)
    elif k < .5:
        text = "- " + text
    return text


def stamp(ms: int, vtt: bool) -> str:
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, milli = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{'.' if vtt else ','}{milli:03d}"


def make(r: random.Random, vtt: bool) -> tuple[str, list[tuple[str, int, int, str]]]:
    """A file and its cues: (id, start, end, text)."""
    out, cues, t = [], [], r.randint(0, 5000)
    if vtt:
        out.append("WEBVTT" + r.choice(["", " - Film"]) + "\n")
        if r.random() < .3:
            out.append("STYLE\n::cue { color: white }\n")
    for n in range(1, r.randint(1, 30) + 1):
        start, end = t, t + r.randint(500, 6000)
        t = end + r.randint(0, 2000)
        text = "\n".join(line(r, vtt) for _ in range(r.randint(1, 3)))
        if vtt:
            if r.random() < .2:
                out.append(f"NOTE {words(r)}\n")
            ident = f"cue-{n}" if r.random() < .5 else ""
            settings = r.choice(["", " line:90%", " align:start position:10%"])
            head = (ident + "\n" if ident else "") + f"{stamp(start, True)} --> {stamp(end, True)}{settings}"
            out.append(f"{head}\n{text}\n")
            cues.append((ident or stamp(start, True), start, end, text))
        else:
            out.append(f"{n}\n{stamp(start, False)} --> {stamp(end, False)}\n{text}\n")
            cues.append((str(n), start, end, text))
    text = ("\n" * r.choice([1, 1, 2])).join(out)
    if r.random() < .2:
        text = text.rstrip("\n")
    if r.random() < .3:
        text = text.replace("\n", "\r\n")
    return text, cues


def raw(text: str, cue) -> str:
    """The cue's text as the file holds it, from mtcheck's spans; line breaks as \\n."""
    return "".join(text[s:e] for s, e in cue.target.spans).replace("\r\n", "\n")


def theirs_srt(text: str):
    # srt keeps a line break at the end of a cue followed by more than one blank line: not text.
    return [(str(s.index), int(s.start.total_seconds() * 1000 + .5), int(s.end.total_seconds() * 1000 + .5),
             s.content.rstrip("\n")) for s in srt.parse(text)]


def theirs_vtt(text: str):
    captions = webvtt.from_buffer(io.StringIO(text.replace("\r\n", "\n"))).captions
    return [(c.identifier or c.start, _ms(c.start), _ms(c.end), c.raw_text) for c in captions]


def _ms(stamp: str) -> int:
    """webvtt-py's start_in_seconds is whole seconds: the stamp itself, in milliseconds."""
    h, m, s = stamp.split(":")
    return round((int(h) * 3600 + int(m) * 60 + float(s)) * 1000)


def main() -> None:
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    r = random.Random(seed)
    for vtt in (False, True):
        files = same = cues = 0
        shown = 0
        for _ in range(count):
            text, _ = make(r, vtt)
            name = "movie.de.vtt" if vtt else "movie.de.srt"
            ours = [(c.key, c.start_ms, c.end_ms, raw(text, c)) for c in subtitles.read(text, name).entries]
            ref = theirs_vtt(text) if vtt else theirs_srt(text)
            files += 1
            cues += len(ref)
            if ours == ref:
                same += 1
            elif shown < 3:
                shown += 1
                diff = next((a, b) for a, b in zip(ours + [None] * len(ref), ref + [None] * len(ours)) if a != b)
                print("DIFF", name, diff)
        label = "webvtt-py" if vtt else "srt"
        print(f"{'WebVTT' if vtt else 'SRT'}: {same}/{files} files read alike by {label} ({cues} cues)")


if __name__ == "__main__":
    main()
