"""Project Fluent ``.ftl`` files.

Each message's value is a record, its id the message's (``welcome = Welcome!`` → ``welcome``);
each attribute is a record of its own, ``id.attribute`` (``login-input.placeholder``); terms are
records too (``-brand-name``, ``-brand-name.short``). Comments (``#``, ``##``, ``###``) are not.

A value is its pattern as Fluent reads it: the text after ``=`` and the indented lines that
continue it, joined with ``\\n``, their common indentation removed, the white space at its ends
trimmed. Placeables stay in the text as they are written (``{ $count }``, ``{ -brand-name }``,
a whole selector ``{ $n -> [one] … *[other] … }``): the Document protects their syntax
(``mtcheck.text.placeholders``), and MT701 compares them with the source's.

The language is the folder's (``locales/de/main.ftl``, ``locales/pt-BR/main.ftl``) or the
name's (``main.de.ftl``); the source is the same file in the source language's folder: the
configured source language, else Fluent's usual ``en-US``, then the language alone (``en``) and
its other regional folders (``en-GB``).

    >>> [(e.key, e.target.text, e.line) for e in read("hi = Hello, { $name }!\\n  .title = Greeting\\n-brand = Acme\\n", "de.ftl").entries]
    [('hi', 'Hello, { $name }!', 1), ('hi.title', 'Greeting', 2), ('-brand', 'Acme', 3)]
    >>> read("multi =\\n    One line,\\n    and the next.\\n", "de.ftl").entries[0].target.text
    'One line,\\nand the next.'
"""

from __future__ import annotations

import re
from pathlib import Path, PurePath

from mtcheck.io.resources import Entry, Resource, line_spans
from mtcheck.io.resources.naming import language_at_end, language_of, with_language
from mtcheck.io.splice import Target

KIND = "fluent"
LABEL = "Fluent"
EMPTY = False  # `key =` with nothing after it is no message: a fix that would empty a value is not written
# Without a configured source language, Fluent projects (Firefox, Thunderbird, Pontoon) write
# their source in en-US.
USUAL_SOURCE = "en-US"
_ENTRY = re.compile(r"(-?[A-Za-z][A-Za-z0-9_-]*)[ \t]*=[ \t]*")
_ATTRIBUTE = re.compile(r"([ \t]*)\.([A-Za-z][A-Za-z0-9_-]*)[ \t]*=[ \t]*")
_COMMENT = re.compile(r"#{1,3}(?: |$)")
_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')
_INDENT = " "  # Fluent indents with spaces only; a tab is text


def language(path: PurePath) -> str | None:
    """The language of a file by its folder, else its name.

    >>> language(PurePath("locales/de/main.ftl")), language(PurePath("l10n/browser.pt-BR.ftl"))
    ('de', 'pt-BR')
    >>> language(PurePath("ftl/main.ftl"))
    """
    return language_of(path.parent.name) or language_at_end(path.stem)[1]


def is_resource(path: PurePath) -> bool:
    return language(path) is not None


def source_paths(path: PurePath, source_lang: str | None) -> list[Path]:
    """The files that may hold the source, most likely first: the folder (else the name) of the
    source language, then of its regional variants found beside it.

    >>> [str(p) for p in source_paths(PurePath("l/de/main.ftl"), None)][:2]
    ['l/en-US/main.ftl', 'l/en/main.ftl']
    >>> [str(p) for p in source_paths(PurePath("l/main.de.ftl"), "fr")]
    ['l/main.fr.ftl']
    """
    wanted = [source_lang] if source_lang else [USUAL_SOURCE]
    base = wanted[0].replace("_", "-").split("-")[0]
    if base not in wanted:
        wanted.append(base)
    if language_of(path.parent.name):
        root = Path(path.parent.parent)
        regional = sorted(d.name for d in _folders(root) if (language_of(d.name) or "").split("-")[0] == base)
        names = wanted + [n for n in regional if n not in wanted]
        return [root / n / path.name for n in names]
    name, in_name = language_at_end(path.stem)
    if in_name:
        separator = path.stem[len(name)] if name else ""
        return [Path(path.parent) / f"{with_language(name, lang, separator)}{path.suffix}" for lang in wanted]
    return []


def _folders(root: Path) -> list[Path]:
    try:
        return [d for d in root.iterdir() if d.is_dir()]
    except OSError:
        return []


def read(text: str, name: str) -> Resource:
    from mtcheck.io.readers import InputError

    lines = line_spans(text)
    newline = "\r\n" if "\r\n" in text else "\n"
    entries: list[Entry] = []
    i = 0
    while i < len(lines):
        start, end, _ = lines[i]
        body = text[start:end]
        if not body.strip():
            i += 1
            continue
        if body.startswith("#"):
            if not _COMMENT.match(body):
                raise InputError(f"{name}: line {i + 1}: a comment is `#`, `##` or `###` and a space")
            i += 1
            continue
        m = _ENTRY.match(body)
        if not m:
            what = "an indented line outside a message" if body[0] in " \t" else "not a message, a term or a comment"
            raise InputError(f"{name}: line {i + 1}: {what} (expected `id = value`)")
        key, header = m[1], i
        has_value, i = _pattern(text, lines, i, start + m.end(), key, name, newline, entries)
        attributes = 0
        while i < len(lines):
            a_start, a_end, _ = lines[i]
            a = _ATTRIBUTE.match(text, a_start, a_end)
            if not a:
                break
            attributes += 1
            at = i
            found, i = _pattern(text, lines, i, a.end(), f"{key}.{a[2]}", name, newline, entries)
            if not found:
                raise InputError(f"{name}: line {at + 1}: the attribute `.{a[2]}` has no value")
        if not has_value and (key.startswith("-") or not attributes):
            raise InputError(f"{name}: line {header + 1}: `{key}` has no value")
    return Resource(entries)


def _pattern(text, lines, i, inline_start, key, name, newline, entries) -> tuple[bool, int]:
    """Read the pattern that starts at ``inline_start`` on line ``i`` (and goes on on the
    indented lines after it) into an Entry; (whether there was one, the next line's index)."""
    from mtcheck.io.readers import InputError

    _, end, _ = lines[i]
    parts = []  # (line index, start, end) of each line of the pattern, before dedenting
    outer = set()  # the lines that start outside a placeable: they set the common indentation
    depth = _depth(text, inline_start, end, 0, name, i)
    if text[inline_start:end].strip():
        parts.append((i, inline_start, end))
    j = i + 1
    while j < len(lines):
        start, end, _ = lines[j]
        body = text[start:end]
        if not body.strip():
            parts.append((j, end, end))
            j += 1
            continue
        if depth == 0:
            if not body.startswith((_INDENT, "{")):  # a placeable may open a line at its start
                break
            first = body.lstrip(_INDENT)[0]
            if first == "." and _ATTRIBUTE.match(body):
                break
            if first in "[*}":
                raise InputError(f"{name}: line {j + 1}: a line of text may not start with `{first}`")
        if depth == 0:
            outer.add(j)
        parts.append((j, start, end))
        depth = _depth(text, start, end, depth, name, j)
        j += 1
    if depth:
        raise InputError(f"{name}: line {i + 1}: a placeable `{{` of `{key}` is not closed")
    while parts and parts[-1][1] == parts[-1][2]:
        parts.pop()  # blank lines after the pattern are not part of it
    while parts and parts[0][1] == parts[0][2]:
        parts.pop(0)  # nor those before its first line
    if not parts:
        return False, j
    # The common indentation is that of the lines after the first that start outside a
    # placeable (a variant's line inside a selector does not count), as fluent.syntax has it.
    continued = [(n, s, e) for n, s, e in parts if n in outer and s != e]
    indent = min((_indent_of(text, s, e) for _, s, e in continued), default=4)
    pieces = []
    for k, (n, s, e) in enumerate(parts):
        # A value's lines lose the indentation they share; the text after `=` is trimmed by
        # the pattern above, but a first line of its own keeps what it has beyond the rest's.
        pieces.append((min(s + min(indent, _indent_of(text, s, e)), e) if n != i else s, e))
    last_s, last_e = pieces[-1]
    while last_e > last_s and text[last_e - 1] in " \t":
        last_e -= 1
    pieces[-1] = (last_s, last_e)
    chars, spans = [], []
    for k, (s, e) in enumerate(pieces):
        if k:
            chars.append("\n")  # from the end of the line before to where this line's text starts
            spans.append((pieces[k - 1][1], s))
        chars.extend(text[s:e])
        spans.extend((p, p + 1) for p in range(s, e))
    value = "".join(chars)
    problem = _placeable_problem(value, 0, len(value)) if "{" in value else None
    if problem is not None:
        at, what = problem
        raise InputError(f"{name}: line {text.count(chr(10), 0, spans[at][0]) + 1}: {what}")
    entries.append(Entry(key, Target(value, spans, [0] * len(chars),
                                     _escaper(newline + _INDENT * indent)), parts[0][0] + 1))
    return True, j


_ID = r"[A-Za-z][A-Za-z0-9_-]*"
_NUMBER = r"-?\d+(?:\.\d+)?"
_ARGUMENTS = r"\([^(){}]*\)"
_EXPRESSION = re.compile(rf'\s*(?:\${_ID}|-{_ID}(?:\.{_ID})?(?:{_ARGUMENTS})?|[A-Z][A-Z0-9_-]*{_ARGUMENTS}'
                         rf'|{_ID}(?:\.{_ID})?|"(?:[^"\\\n]|\\.)*"|{_NUMBER})\s*')
_SELECTOR = re.compile(rf"\s*(?:\${_ID}|-{_ID}\.{_ID}(?:{_ARGUMENTS})?|[A-Z][A-Z0-9_-]*{_ARGUMENTS}"
                       rf'|"(?:[^"\\\n]|\\.)*"|{_NUMBER})\s*->')
_NOT_TEXT = re.compile(r"\n[ \t]*([\[*.])")
_VARIANT = re.compile(rf"\n[ \t]*(\*?)\[[ \t]*(?:{_ID}|{_NUMBER})[ \t]*\]")


def _placeable_problem(value: str, start: int, end: int) -> tuple[int, str] | None:
    """(offset, what is wrong) of the first placeable of ``value[start:end]`` that Fluent
    cannot read, or None: each is an expression (``$var``, ``-term``, ``-term.attr(…)``, a
    message, a string or number literal, ``FUNCTION(…)``), a placeable in braces, or a
    selector with variants and one default ``*[…]``.

    >>> _placeable_problem("a { $n } b", 0, 10), _placeable_problem("a { see below }", 0, 15)
    (None, (2, 'the placeable `{ see below }` is not an expression Fluent reads'))
    """
    pos = start
    while (a := value.find("{", pos, end)) != -1:
        b = _closing(value, a, end)
        inner = value[a + 1:b - 1]
        if inner.strip().startswith("{"):
            found = _placeable_problem(value, a + 1, b - 1)
            if found:
                return found
        elif head := _SELECTOR.match(inner):
            found = _variants_problem(value, a, a + 1 + head.end(), b - 1)
            if found:
                return found
        elif not _EXPRESSION.fullmatch(inner):
            shown = " ".join(inner.split(" "))  # one line, as every error is
            shown = shown.replace("\n", " ").replace("\r", " ")
            shown = shown if len(shown) <= 40 else shown[:37] + "..."
            return a, f"the placeable `{{{shown}}}` is not an expression Fluent reads"
        pos = b
    return None


def _variants_problem(value: str, at: int, start: int, end: int) -> tuple[int, str] | None:
    keys = list(_VARIANT.finditer(value, start, end))
    if not keys or value[start:keys[0].start()].strip():
        return at, "a selector's `->` is followed by its variants, each on a line of its own (`[one] …`)"
    if sum(bool(k[1]) for k in keys) != 1:
        return at, "a selector has one default variant, marked `*[other]`"
    for k, key in enumerate(keys):
        stop = keys[k + 1].start() if k + 1 < len(keys) else end
        bad = _NOT_TEXT.search(value, key.end(), stop)
        if bad:
            return bad.start() + 1, f"a line of a variant may not start with `{bad[1]}`"
        found = _placeable_problem(value, key.end(), stop)
        if found:
            return found
    return None


def _closing(value: str, at: int, end: int) -> int:
    """The end of the placeable that opens at ``value[at]`` (read before: it is balanced)."""
    depth, pos = 0, at
    while pos < end:
        c = value[pos]
        if c == '"' and depth:
            m = _STRING.match(value, pos, end)
            pos = m.end() if m else pos + 1
            continue
        depth += (c == "{") - (c == "}")
        pos += 1
        if depth == 0:
            return pos
    return end


def _indent_of(text: str, start: int, end: int) -> int:
    return len(text[start:end]) - len(text[start:end].lstrip(_INDENT))


def _depth(text: str, start: int, end: int, depth: int, name: str, i: int) -> int:
    """The placeable depth after ``text[start:end]``, from ``depth`` before it; string literals
    inside placeables (``{ "}" }``) are skipped."""
    from mtcheck.io.readers import InputError

    pos = start
    while pos < end:
        c = text[pos]
        if c == "{":
            depth += 1
        elif c == "}":
            if not depth:
                raise InputError(f"{name}: line {i + 1}: `}}` closes no placeable (text writes it `{{\"}}\"}}`)")
            depth -= 1
        elif c == '"' and depth:
            m = _STRING.match(text, pos, end)
            if not m:
                raise InputError(f"{name}: line {i + 1}: a string literal is not closed")
            pos = m.end()
            continue
        pos += 1
    return depth


def _escaper(line_break: str):
    """New text as Fluent holds it: a line break continues the pattern on an indented line, and
    whole placeables (``{ $name }``, as MT701 puts one back) are written as they are. A lone
    brace, a carriage return, or a line starting with `[`, `*` or `.` cannot be written (the
    value is left as it was).

    >>> escape = _escaper("\\n    ")
    >>> escape("Hallo { $name },\\nwillkommen"), escape("a } b"), escape("x\\n* y")
    ('Hallo { $name },\\n    willkommen', None, None)
    """

    def escape(new: str) -> str | None:
        if "\r" in new or _NOT_TEXT.search(new) or not _whole_placeables(new):
            return None
        return new.replace("\n", line_break)

    return escape


def _whole_placeables(new: str) -> bool:
    """Does ``new`` open as many placeables as it closes, each one Fluent reads?"""
    if "{" not in new and "}" not in new:
        return True
    depth = 0
    for c in new:
        depth += (c == "{") - (c == "}")
        if depth < 0:
            return False
    return depth == 0 and _placeable_problem(new, 0, len(new)) is None
