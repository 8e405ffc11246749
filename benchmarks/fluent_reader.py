#!/usr/bin/env python3
"""mtcheck's Fluent reader (``mtcheck/io/resources/fluent.py``) against the reference parser,
fluent.syntax, on generated ``.ftl`` files: the same files refused, the same values read.

Files are made of messages, terms, attributes and comments, with inline and block values,
blank lines inside them, continuation lines indented 2 to 8 spaces (some more than the rest,
some with trailing spaces), placeables (``{ $user }``, ``{ -brand-name }``, ``{ "{" }``,
``{ NUMBER($n) }``) and selectors. With ``mutate``, one line of each file is broken one of five
ways (unindented, a stray ``}``, an unclosed ``{``, a ``*`` bullet, an extra indent), and the
two parsers must agree on which files are Fluent at all. Values are compared as text with each
placeable as ``⟨⟩``; selectors are counted, not compared (fluent.syntax gives their variants,
mtcheck the selector's text as one record).

fluent.syntax is no dependency of mtcheck: install it beside, e.g.
``pip install --target /tmp/fs 'fluent.syntax==0.19.0'`` and ``PYTHONPATH=/tmp/fs``.

    python benchmarks/fluent_reader.py SEED FILES [mutate]
"""

import random
import sys

from fluent.syntax import FluentParser, ast
from mtcheck.io.resources import fluent
from mtcheck.io.readers import InputError
from mtcheck.text.placeholders import FLUENT_PLACEABLE

WORDS = "Datei öffnen speichern schließen Fenster neue Nachricht Konto Einstellungen heute Abend Stadt".split()


def sentence(r):
    return " ".join(r.choice(WORDS) for _ in range(r.randint(1, 7))) + r.choice([".", "!", "?", "", ":"])


def placeable(r):
    return r.choice(["{ $user }", "{ -brand-name }", "{ $count }", '{ "{" }', "{ NUMBER($n) }", "{$x}"])


def text(r):
    parts = [sentence(r)]
    if r.random() < .5:
        parts.insert(r.randint(0, 1), placeable(r))
    return " ".join(parts)


def pattern(r, indent):
    kind = r.random()
    if kind < .4:
        return " " + text(r)
    lines = [text(r) for _ in range(r.randint(1, 4))]
    out = (" " + lines[0]) if kind < .7 else ""
    for line in (lines[1:] if kind < .7 else lines):
        if r.random() < .15:
            out += "\n"  # a blank line inside
        extra = " " * r.choice([0, 0, 1, 2])
        out += "\n" + " " * indent + extra + line + (" " if r.random() < .2 else "")
    return out


def selector(r, indent):
    pad = " " * indent
    return (f"\n{pad}{{ $n ->\n{pad}    [one] {text(r)}\n{pad}   *[other] {text(r)}\n{pad}}}")


def file(r):
    out = []
    for k in range(r.randint(3, 12)):
        if r.random() < .3:
            out.append(r.choice(["# ", "## ", "### "]) + sentence(r))
        ident = ("-" if r.random() < .15 else "") + f"key-{k}"
        indent = r.choice([4, 4, 2, 8])
        body = selector(r, indent) if r.random() < .1 else pattern(r, indent)
        entry = f"{ident} ={body}"
        for a in range(r.choice([0, 0, 1, 2])):
            entry += f"\n{' ' * indent}.attr{a} ={pattern(r, indent + 4)}"
        out.append(entry)
        if r.random() < .5:
            out.append("")
    return "\n".join(out) + "\n"



def theirs(res):
    values = {}
    for entry in res.body:
        if isinstance(entry, (ast.Message, ast.Term)):
            ident = ("-" if isinstance(entry, ast.Term) else "") + entry.id.name
            if entry.value is not None:
                values[ident] = entry.value
            for a in entry.attributes:
                values[f"{ident}.{a.id.name}"] = a.value
    return values



def flat(pat):
    """The text of a pattern with each placeable as ⟨⟩; None for a selector."""
    out = ""
    for el in pat.elements:
        if isinstance(el, ast.TextElement):
            out += el.value
        elif isinstance(el.expression, ast.SelectExpression):
            return None
        else:
            out += "⟨⟩"
    return out


def main() -> None:
    MUTATE = len(sys.argv) > 3
    both_refused = disagree = 0
    r = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
    files = agree = differ = selectors = 0
    for n in range(int(sys.argv[2]) if len(sys.argv) > 2 else 500):
        src = file(r)
        if MUTATE:
            lines = src.split("\n")
            k = r.randrange(len(lines))
            how = r.randrange(5)
            if how == 0: lines[k] = lines[k].lstrip()
            elif how == 1: lines[k] = lines[k] + " }"
            elif how == 2: lines[k] = lines[k] + " { $x"
            elif how == 3: lines[k] = "    * " + lines[k].lstrip()
            else: lines[k] = "    " + lines[k]
            src = "\n".join(lines)
        res = FluentParser(with_spans=False).parse(src)
        junk = [e for e in res.body if isinstance(e, ast.Junk)]
        try:
            mine = {e.key: e.target.text for e in fluent.read(src, "de.ftl").entries}
        except InputError as exc:
            if not junk:
                print("mine refused, theirs parsed:", exc); print(src); disagree += 1; continue
            both_refused += 1
            continue
        if junk:
            print("theirs junk, mine parsed:", junk[0].annotations[0].message); print(src); disagree += 1; continue
        files += 1
        for key, pat in theirs(res).items():
            t = flat(pat)
            if t is None:
                selectors += 1
                continue
            m = FLUENT_PLACEABLE.sub("⟨⟩", mine.get(key, "<missing>"))
            if m == t:
                agree += 1
            else:
                differ += 1
                if differ < 5:
                    print("DIFF", key, repr(m), repr(t))
        if set(mine) != set(theirs(res)):
            print("KEYS", set(mine) ^ set(theirs(res)))
    print(f"disagree on parsing {disagree}, both refused {both_refused}, files {files}, values equal {agree}, different {differ}, selectors (not compared) {selectors}")


if __name__ == "__main__":
    main()
