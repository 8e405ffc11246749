"""Generated Fluent and subtitle files, for tests/test_resource_write_back.py and the reader
benchmarks (benchmarks/fluent_reader.py, benchmarks/subtitle_reader.py): the syntax each format
allows, in random mixes, with German-looking words of no sentence.

    >>> import random
    >>> from mtcheck.io.resources import fluent
    >>> len(fluent.read(fluent_file(random.Random(1)), "de.ftl").entries) > 0
    True
"""

from __future__ import annotations

import random

FLUENT_WORDS = "Datei öffnen speichern schließen Fenster neue Nachricht Konto Einstellungen heute Abend Stadt".split()


def _sentence(r: random.Random) -> str:
    return " ".join(r.choice(FLUENT_WORDS) for _ in range(r.randint(1, 7))) + r.choice([".", "!", "?", "", ":"])


def _placeable(r: random.Random) -> str:
    return r.choice(["{ $user }", "{ -brand-name }", "{ $count }", '{ "{" }', "{ NUMBER($n) }", "{$x}"])


def _text(r: random.Random) -> str:
    parts = [_sentence(r)]
    if r.random() < .5:
        parts.insert(r.randint(0, 1), _placeable(r))
    return " ".join(parts)


def _pattern(r: random.Random, indent: int) -> str:
    kind = r.random()
    if kind < .4:
        return " " + _text(r)
    lines = [_text(r) for _ in range(r.randint(1, 4))]
    out = (" " + lines[0]) if kind < .7 else ""
    for line in (lines[1:] if kind < .7 else lines):
        if r.random() < .15:
            out += "\n"  # a blank line inside
        extra = " " * r.choice([0, 0, 1, 2])
        out += "\n" + " " * indent + extra + line + (" " if r.random() < .2 else "")
    return out


def _selector(r: random.Random, indent: int) -> str:
    pad = " " * indent
    return (f"\n{pad}{{ $n ->\n{pad}    [one] {_text(r)}\n{pad}   *[other] {_text(r)}\n{pad}}}")


def fluent_file(r: random.Random) -> str:
    """A file of messages, terms, attributes and comments: inline and block values, blank lines
    inside them, continuation lines indented 2 to 8 spaces (some more than the rest, some with
    trailing spaces), placeables and selectors."""
    out = []
    for k in range(r.randint(3, 12)):
        if r.random() < .3:
            out.append(r.choice(["# ", "## ", "### "]) + _sentence(r))
        ident = ("-" if r.random() < .15 else "") + f"key-{k}"
        indent = r.choice([4, 4, 2, 8])
        body = _selector(r, indent) if r.random() < .1 else _pattern(r, indent)
        entry = f"{ident} ={body}"
        for a in range(r.choice([0, 0, 1, 2])):
            entry += f"\n{' ' * indent}.attr{a} ={_pattern(r, indent + 4)}"
        out.append(entry)
        if r.random() < .5:
            out.append("")
    return "\n".join(out) + "\n"


def broken(r: random.Random, text: str) -> str:
    """``text`` with one line broken one of five ways: unindented, a stray ``}``, an unclosed
    ``{``, a ``*`` bullet, an extra indent (which may leave it valid Fluent)."""
    lines = text.split("\n")
    k = r.randrange(len(lines))
    how = r.randrange(5)
    if how == 0:
        lines[k] = lines[k].lstrip()
    elif how == 1:
        lines[k] += " }"
    elif how == 2:
        lines[k] += " { $x"
    elif how == 3:
        lines[k] = "    * " + lines[k].lstrip()
    else:
        lines[k] = "    " + lines[k]
    return "\n".join(lines)


SUBTITLE_WORDS = "wir gehen heute Abend in die Stadt und sehen uns den Film an was sagst du dazu".split()


def _words(r: random.Random) -> str:
    return " ".join(r.choice(SUBTITLE_WORDS) for _ in range(r.randint(1, 7))) + r.choice([".", "?", "!", ",", ""])


def _line(r: random.Random, vtt: bool) -> str:
    text = _words(r)
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


def _stamp(ms: int, vtt: bool) -> str:
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, milli = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{'.' if vtt else ','}{milli:03d}"


def subtitle_file(r: random.Random, vtt: bool) -> tuple[str, list[tuple[str, int, int, str]]]:
    """A file and its cues: (id, start, end, text)."""
    out, cues, t = [], [], r.randint(0, 5000)
    if vtt:
        out.append("WEBVTT" + r.choice(["", " - Film"]) + "\n")
        if r.random() < .3:
            out.append("STYLE\n::cue { color: white }\n")
    for n in range(1, r.randint(1, 30) + 1):
        start, end = t, t + r.randint(500, 6000)
        t = end + r.randint(0, 2000)
        text = "\n".join(_line(r, vtt) for _ in range(r.randint(1, 3)))
        if vtt:
            if r.random() < .2:
                out.append(f"NOTE {_words(r)}\n")
            ident = f"cue-{n}" if r.random() < .5 else ""
            settings = r.choice(["", " line:90%", " align:start position:10%"])
            head = (ident + "\n" if ident else "") + f"{_stamp(start, True)} --> {_stamp(end, True)}{settings}"
            out.append(f"{head}\n{text}\n")
            cues.append((ident or _stamp(start, True), start, end, text))
        else:
            out.append(f"{n}\n{_stamp(start, False)} --> {_stamp(end, False)}\n{text}\n")
            cues.append((str(n), start, end, text))
    text = ("\n" * r.choice([1, 1, 2])).join(out)
    if r.random() < .2:
        text = text.rstrip("\n")
    if r.random() < .3:
        text = text.replace("\n", "\r\n")
    return text, cues
