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

from pathlib import Path

import srt
import webvtt

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from resource_texts import subtitle_file  # noqa: E402

from mtcheck.io.resources import subtitles

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
            text, _ = subtitle_file(r, vtt)
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
