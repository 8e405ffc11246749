"""Android string resources: ``res/values-de/strings.xml``.

Records, with their ids:

- ``<string name="save">`` → ``save``
- ``<string-array name="days">``'s items → ``days[0]``, ``days[1]``...
- ``<plurals name="files">``'s ``<item quantity="few">`` → ``files[few]``, a form of the plural
  ``files``
- a ``product`` variant (``<string name="save" product="tablet">``) → ``save#tablet``

Not records: ``translatable="false"`` resources, references (``@string/other``, ``?attr/x``),
every other resource type (colors, dimensions: a ``colors.xml`` has no records).

**The text is what Android shows**, decoded as aapt2 does (``StringBuilder::AppendText``):
outside double quotes a run of white space is one space and the value's leading and trailing
white space is dropped; ``"..."`` keeps its white space (the quotes are not text); ``\\'``,
``\\"``, ``\\n``, ``\\t``, ``\\@``, ``\\?``, ``\\\\``, ``\\uXXXX``; XML entities, character
references and CDATA. An unescaped apostrophe outside quotes is aapt2's build error, and so a
one-line error here, with its line. Inline ``<b>``, ``<i>``, ``<u>``, ``<font>``,
``<annotation>``... are markup: their text is checked, their tags are never touched;
``<xliff:g>`` (a placeholder and its example) is code: one MASK character, which no fix edits;
so is an empty tag (``<br/>``) and HTML written as text for ``Html.fromHtml`` (in CDATA, or
``&lt;b>``).

    >>> r = read('<resources><string name="a">  Don\\\\\\'t  <b>stop</b>\\\\n</string></resources>', "values-de/strings.xml")
    >>> [(e.key, e.target.text) for e in r.entries]
    [('a', " Don't stop\\n")]

(With ``<b>`` in the value aapt2 trims nothing: the leading space is one space.)

**Written back**: only the changed characters; an apostrophe or quote a fix writes becomes
``\\'`` or ``\\"``, a line break ``\\n``, ``&`` and ``<`` entities (inside CDATA, a fix that
would write ``&``, ``<`` or ``>`` is not written).

**Languages** come from the folder's qualifiers: ``values-de`` (de), ``values-pt-rBR`` (pt-BR),
``values-b+sr+Latn`` (sr-Latn), ``values-de-land`` (de); ``values`` is the default resources,
the source, in the configured source language (``tools:locale`` on ``<resources>`` names it
too); a folder of other qualifiers only (``values-night``, ``values-v21``) is no translation.
The source of ``values-de-land/strings.xml`` is ``values-land/strings.xml``, else
``values/strings.xml``: the file of the same name (Android merges a folder's files; translation
tools mirror the source's file names).
"""

from __future__ import annotations

import re
from pathlib import Path, PurePath

from mtcheck.languages.plurals import CATEGORIES
from mtcheck.document import MASK
from mtcheck.io.resources import Entry, Resource
from mtcheck.io.resources.naming import language_of
from mtcheck.io.resources.utf16 import join_surrogates
from mtcheck.io.splice import Target

KIND = "android"
LABEL = "Android"
XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"
TOOLS_NS = "http://schemas.android.com/tools"
PLURAL_CATEGORIES = CATEGORIES  # CLDR's names
ASCII_SPACE = " \t\n\r\v\f"  # what aapt2's isspace() collapses (a no-break space is text)
_SIMPLE_ESCAPES = {"t": "\t", "n": "\n"}  # every other escaped character stands for itself
_NETWORK_CODE = re.compile(r"(?:mcc|mnc)\d+", re.I)
_LANGUAGE = re.compile(r"[a-z]{2,3}")
_REGION = re.compile(r"r(?:[A-Z]{2}|\d{3})")
# `@string/save`, `@android:string/ok`, `@null`; `?attr/title`, `?android:textColor` (not `?` or `@home`)
_RESOURCE_REFERENCE = re.compile(r"@(?:null|empty)|@\+?(?:[\w.]+:)?[\w-]+/[\w.]+|\?(?:[\w.]+:)?(?:[\w-]+/)?[\w.]+")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_ROOT = re.compile(r"\A\ufeff?(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*<(?:[\w.-]+:)?([\w.-]+)", re.S)


# -- where the files are ------------------------------------------------------------------------


def _qualifiers(folder: str) -> tuple[list[str], int, int] | None:
    """A ``values*`` folder's qualifiers, and where the language qualifiers are in them
    (start, end; equal when there are none); None for another folder.

    >>> _qualifiers("values-mcc310-pt-rBR-land"), _qualifiers("values-night"), _qualifiers("drawable")
    ((['mcc310', 'pt', 'rBR', 'land'], 1, 3), (['night'], 0, 0), None)
    """
    parts = folder.split("-")
    if parts[0] != "values":
        return None
    qualifiers = parts[1:]
    i = 0
    while i < len(qualifiers) and _NETWORK_CODE.fullmatch(qualifiers[i]):
        i += 1  # the mobile network codes come before the language
    if i < len(qualifiers):
        first = qualifiers[i]
        if first.startswith("b+") and language_of("-".join(first[2:].split("+"))):
            return qualifiers, i, i + 1
        if _LANGUAGE.fullmatch(first) and language_of(first):
            region = i + 1 < len(qualifiers) and _REGION.fullmatch(qualifiers[i + 1])
            return qualifiers, i, i + (2 if region else 1)
    return qualifiers, i, i


def language(path: PurePath) -> str | None:
    """The language the folder's qualifiers name.

    >>> [language(PurePath(f"res/{f}/strings.xml")) for f in ("values-de", "values-pt-rBR", "values-b+sr+Latn")]
    ['de', 'pt-BR', 'sr-Latn']
    >>> [language(PurePath(f"res/{f}/strings.xml")) for f in ("values", "values-night", "values-de-land", "values-in")]
    [None, None, 'de', 'id']
    """
    found = _qualifiers(PurePath(path).parent.name)
    if found is None or found[1] == found[2]:
        return None
    qualifiers, start, end = found
    first = qualifiers[start]
    if first.startswith("b+"):
        return language_of("-".join(first[2:].split("+")))
    return language_of("-".join([first] + [q[1:] for q in qualifiers[start + 1:end]]))


def is_resource(path: PurePath) -> bool:
    """An ``.xml`` file in a ``values*`` folder whose root element is ``<resources>``."""
    path = PurePath(path)
    if path.suffix.lower() != ".xml" or _qualifiers(path.parent.name) is None:
        return False
    try:
        with open(path, "rb") as f:
            head = f.read(8192).decode("utf-8", "replace")
    except OSError:
        return False
    m = _ROOT.match(head)
    return bool(m) and m[1] == "resources"


def source_paths(path: PurePath, source_lang: str | None) -> list[Path]:
    """The default resources of the same other qualifiers, then the plain ``values`` folder;
    none for a file that names no language (it is a source itself).

    >>> [str(p) for p in source_paths(PurePath("res/values-de-land/strings.xml"), None)]
    ['res/values-land/strings.xml', 'res/values/strings.xml']
    >>> source_paths(PurePath("res/values-night/strings.xml"), None)
    []
    """
    path = PurePath(path)
    found = _qualifiers(path.parent.name)
    if found is None or found[1] == found[2]:
        return []
    qualifiers, start, end = found
    rest = qualifiers[:start] + qualifiers[end:]
    folders = ["-".join(["values"] + rest), "values"]
    res = Path(path.parent.parent)
    return [res / folder / path.name for folder in dict.fromkeys(folders)]


def parent_paths(path: PurePath, parent_lang: str) -> list[Path]:
    """The same file in the folder of the language a regional folder falls back to.

    >>> [str(p) for p in parent_paths(PurePath("res/values-de-rAT-land/strings.xml"), "de")]
    ['res/values-de-land/strings.xml']
    >>> [str(p) for p in parent_paths(PurePath("res/values-b+sr+Latn/strings.xml"), "sr")]
    ['res/values-sr/strings.xml']
    """
    path = PurePath(path)
    found = _qualifiers(path.parent.name)
    if found is None or found[1] == found[2]:
        return []
    qualifiers, start, end = found
    language = parent_lang if "-" not in parent_lang else "b+" + parent_lang.replace("-", "+")
    folder = "-".join(["values", *qualifiers[:start], language, *qualifiers[end:]])
    return [Path(path.parent.parent) / folder / path.name]


# -- reading --------------------------------------------------------------------------------------


def read(text: str, name: str) -> Resource:
    from mtcheck.io.readers import InputError
    from mtcheck.io.resources.xml_values import parse

    doc = parse(text, name, LABEL)
    root = doc.root
    if _local(root) != "resources" or _namespace(root):
        raise InputError(f"{name}: line {root.sourceline}: not an Android resource file "
                         f"(root element <{_local(root)}>, not <resources>)")
    entries: list[Entry] = []
    # Lint's `tools:ignore="MissingTranslation"`, on the file or on one resource of the source:
    # translations may leave it out (the default's text is shown).
    optional_all = _ignores_missing(root)
    for resource in root:
        kind = _local(resource)
        if _namespace(resource) or resource.get("translatable") == "false":
            continue
        optional = optional_all or _ignores_missing(resource)
        key = resource.get("name")
        if not key or kind not in ("string", "string-array", "plurals"):
            continue
        product = resource.get("product")
        if product and product != "default":
            key = f"{key}#{product}"
        if kind == "string":
            _add(entries, doc, resource, key, None, name, optional)
            continue
        items = [item for item in resource if _local(item) == "item" and not _namespace(item)]
        for n, item in enumerate(items):
            if kind == "string-array":
                _add(entries, doc, item, f"{key}[{n}]", None, name, optional)
            else:
                quantity = item.get("quantity") or ""
                if quantity not in PLURAL_CATEGORIES:
                    raise InputError(f"{name}: line {item.sourceline}: `{quantity}` is not a plural quantity "
                                     f"of `{key}` ({', '.join(PLURAL_CATEGORIES)})")
                _add(entries, doc, item, f"{key}[{quantity}]", (key, quantity), name, optional)
    declared = root.get(f"{{{TOOLS_NS}}}locale")
    return Resource(entries, declared or None)


def _local(element) -> str:
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _namespace(element) -> str:
    tag = element.tag
    return tag[1:].partition("}")[0] if isinstance(tag, str) and tag.startswith("{") else ""


def _ignores_missing(element) -> bool:
    return "MissingTranslation" in (element.get(f"{{{TOOLS_NS}}}ignore") or "").replace(" ", "").split(",")


def _add(entries: list[Entry], doc, element, key: str, plural, name: str, optional: bool = False) -> None:
    events = _events(doc, element)
    if len(events) == 1 and events[0][0] == "text" and \
            _RESOURCE_REFERENCE.fullmatch("".join(events[0][1]).strip(ASCII_SPACE)):
        return  # a reference to another resource or a theme attribute, not text
    try:
        chars, spans = _decode(events)
    except ValueError as exc:
        from mtcheck.io.readers import InputError

        raise InputError(f"{name}: line {element.sourceline}: {exc} in `{key}`") from None
    chars, spans = _mask_html(chars, spans)
    has_cdata = any(kind == "text" and rest[2] for kind, *rest in events)
    escape = _escape_in_cdata if has_cdata else _escape
    at = doc.content_start(element)
    if at is None:  # `<string name="x"/>`: nothing can be written there
        escape, at = _nothing, 0
    target = Target("".join(chars), spans, [0] * len(spans), escape, at)
    entries.append(Entry(key, target, element.sourceline, plural, optional))


def _events(doc, element) -> list[tuple]:
    """The content of a value element as aapt2 sees it: ("text", chars, spans, has CDATA) for a
    run of text between tags, ("reset",) where a span tag (``<b>``) starts or ends, ("mask",
    span) for an ``<xliff:g>``, ("break",) at another tag."""
    from mtcheck.io.formats import _Content

    content = _Content(doc.text, doc.tokens, doc.elements, doc.of_token)
    events: list[tuple] = []

    def text_event():
        if not events or events[-1][0] != "text":
            events.append(("text", [], [], False))
        return events[-1]

    def walk(lexed):
        t = lexed.open + 1
        while t < lexed.close:
            kind, start, end = doc.tokens[t]
            if kind in ("text", "cdata"):
                _, chars, spans, cdata = text_event()
                if kind == "text":
                    content._text(start, end, chars, spans, [])
                else:
                    content._cdata(start + 9, end - 3, chars, spans, [], 0)
                    events[-1] = ("text", chars, spans, True)
            elif kind == "start":
                child = doc.elements[doc.of_token[t]]
                tree_child = doc.tree_element(t)
                namespace = _namespace(tree_child)
                if namespace == XLIFF_NS and _local(tree_child) == "g":
                    events.append(("mask", (start, doc.tokens[child.close][2])))
                elif not namespace and child.close == child.open:
                    # an empty span tag (<br/>): aapt2 still resets there; it stands between words
                    events.extend([("reset",), ("mask", (start, end)), ("reset",)])
                elif not namespace:
                    events.append(("reset",))
                    walk(child)
                    events.append(("reset",))
                else:
                    events.append(("break",))
                    if child.close != child.open:
                        walk(child)
                    events.append(("break",))
                t = child.close
            t += 1

    walk(doc.lexed(element))
    return events


def _mask_html(chars: list[str], spans: list) -> tuple[list[str], list]:
    """HTML tags in the decoded text (from CDATA or ``&lt;b>``: markup for ``Html.fromHtml``)
    are one MASK character each, never flagged or edited.

    >>> _mask_html(list("a <b>c"), [(i, i + 1) for i in range(6)])
    (['a', ' ', '\\ue000', 'c'], [(0, 1), (1, 2), (2, 5), (5, 6)])
    """
    text = "".join(chars)
    if "<" not in text:
        return chars, spans
    out, places, pos = [], [], 0
    for m in _HTML_TAG.finditer(text):
        out += chars[pos:m.start()]
        places += spans[pos:m.start()]
        out.append(MASK)
        places.append((spans[m.start()][0], spans[m.end() - 1][1]))
        pos = m.end()
    return out + chars[pos:], places + spans[pos:]


def _decode(events: list[tuple]) -> tuple[list[str], list[tuple[int, int]]]:
    """aapt2's flattening of the events: trimming (when there is no span tag), white space
    collapsed outside quotes, quotes dropped, escapes decoded. Raises ValueError for what aapt2
    refuses."""
    texts = [i for i, e in enumerate(events) if e[0] in ("text", "mask")]
    trim_start = trim_end = None
    if texts and not any(e[0] == "reset" for e in events):
        trim_start, trim_end = texts[0], texts[-1]
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    quote = last_space = False
    for n, event in enumerate(events):
        if event[0] == "reset":
            quote = last_space = False
            continue
        if event[0] == "mask":
            out.append(MASK)
            spans.append(event[1])
            last_space = False
            continue
        if event[0] != "text":
            continue
        chars, places = event[1], event[2]
        lo, hi = 0, len(chars)
        if n == trim_start:
            while lo < hi and chars[lo] in ASCII_SPACE:
                lo += 1
        if n == trim_end:
            while hi > lo and chars[hi - 1] in ASCII_SPACE:
                hi -= 1
        i = lo
        while i < hi:
            c = chars[i]
            if not quote and c in ASCII_SPACE:
                if last_space:
                    if places[i][0] == spans[-1][1]:  # the run is one space (never across a comment)
                        spans[-1] = (spans[-1][0], places[i][1])
                else:
                    out.append(" ")
                    spans.append(places[i])
                    last_space = True
                i += 1
                continue
            last_space = False
            if c == "\\":
                if i + 1 >= hi:
                    i += 1  # a backslash ending a run of text stands for nothing
                    continue
                d = chars[i + 1]
                end = i + 2
                if d == "u":
                    digits = ""
                    while end < hi and len(digits) < 4:
                        if chars[end] not in "0123456789abcdefABCDEF":
                            raise ValueError("invalid unicode escape sequence")
                        digits += chars[end]
                        end += 1
                    value = chr(int(digits or "0", 16))
                else:
                    value = _SIMPLE_ESCAPES.get(d, d)
                out.append(value)
                spans.append((places[i][0], places[end - 1][1]))
                i = end
            elif c == '"':
                quote = not quote
                i += 1
            elif c == "'" and not quote:
                raise ValueError("unescaped apostrophe (Android needs \\' or the value in double quotes)")
            else:
                out.append(c)
                spans.append(places[i])
                i += 1
    return join_surrogates(out, spans)


# -- writing --------------------------------------------------------------------------------------

_ANDROID_ESCAPES = {"\\": "\\\\", "'": "\\'", '"': '\\"', "\n": "\\n", "\t": "\\t",
                    "\r": "\\u000d", "\v": "\\u000b", "\f": "\\u000c"}


def _android_escape(text: str) -> str:
    """New text in Android's escapes. A second space in a row is ``\\u0020``: outside quotes
    aapt2 would fold it into the first.

    >>> print(_android_escape("l'app  \\"x\\""))
    l\\'app \\u0020\\"x\\"
    """
    out = []
    for i, c in enumerate(text):
        if c == " " and i and text[i - 1] == " ":
            out.append("\\u0020")
        else:
            out.append(_ANDROID_ESCAPES.get(c, c))
    return "".join(out)


def _nothing(text: str) -> None:
    return None


def _escape(text: str) -> str:
    return _android_escape(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_in_cdata(text: str) -> str | None:
    """For a value with CDATA, where the characters may be inside a section: no entities there,
    and so no new ``&``, ``<`` or ``>`` at all."""
    if any(c in text for c in "&<>"):
        return None
    return _android_escape(text)
