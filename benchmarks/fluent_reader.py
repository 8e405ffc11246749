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

from __future__ import annotations

import random
import sys
from pathlib import Path

from fluent.syntax import FluentParser, ast

from mtcheck.io.readers import InputError
from mtcheck.io.resources import fluent
from mtcheck.text.placeholders import FLUENT_PLACEABLE

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from resource_texts import broken, fluent_file  # noqa: E402


def theirs(res) -> dict:
    """fluent.syntax's patterns by record id, as mtcheck names them (``-term.attr``)."""
    values = {}
    for entry in res.body:
        if isinstance(entry, (ast.Message, ast.Term)):
            ident = ("-" if isinstance(entry, ast.Term) else "") + entry.id.name
            if entry.value is not None:
                values[ident] = entry.value
            for a in entry.attributes:
                values[f"{ident}.{a.id.name}"] = a.value
    return values


def flat(pattern) -> str | None:
    """The text of a pattern with each placeable as ⟨⟩; None for a selector."""
    out = ""
    for element in pattern.elements:
        if isinstance(element, ast.TextElement):
            out += element.value
        elif isinstance(element.expression, ast.SelectExpression):
            return None
        else:
            out += "⟨⟩"
    return out


def main() -> None:
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    mutate = len(sys.argv) > 3
    r = random.Random(seed)
    disagree = both_refused = files = agree = differ = selectors = 0
    for _ in range(count):
        src = fluent_file(r)
        if mutate:
            src = broken(r, src)
        res = FluentParser(with_spans=False).parse(src)
        junk = [e for e in res.body if isinstance(e, ast.Junk)]
        try:
            mine = {e.key: e.target.text for e in fluent.read(src, "de.ftl").entries}
        except InputError as exc:
            if junk:
                both_refused += 1
            else:
                disagree += 1
                print("mtcheck refused, fluent.syntax read:", exc)
            continue
        if junk:
            disagree += 1
            print("fluent.syntax refused, mtcheck read:", junk[0].annotations[0].message)
            continue
        files += 1
        reference = theirs(res)
        if set(mine) != set(reference):
            print("other records:", sorted(set(mine) ^ set(reference)))
        for key, pattern in reference.items():
            text = flat(pattern)
            if text is None:
                selectors += 1
                continue
            ours = FLUENT_PLACEABLE.sub("⟨⟩", mine.get(key, "<missing>"))
            if ours == text:
                agree += 1
            else:
                differ += 1
                if differ < 5:
                    print("different:", key, repr(ours), repr(text))
    print(f"disagree on parsing {disagree}, both refused {both_refused}, files {files}, values equal {agree}, "
          f"different {differ}, selectors (not compared) {selectors}")


if __name__ == "__main__":
    main()
