"""i18n JSON (i18next, vue-i18n, react-intl, flat or nested) and Flutter ARB files.

Every string value is a record; its key path joins the object keys with ``.`` and array
indexes as ``[i]`` (``{"menu": {"save": "Save"}}`` → ``menu.save``). Numbers, booleans and
nulls are not text. In ARB files the ``@key`` metadata and ``@@locale`` are not values;
``@@locale`` names the file's language.

i18next plurals are keys with a CLDR category suffix beside a ``_other`` one (``item_one``,
``item_few``, ``item_other``): each is one form of the plural ``item``.

The language is the file's name (``de.json``, ``pt-BR.json``, ``messages.de.json``,
``app_de.arb``) or its folder's (``locales/de/common.json``); the source is the same name with
the source language: ``locales/en.json``, ``locales/en/common.json``, ``app_en.arb``.

    >>> [(e.key, e.target.text, e.line) for e in read('{"a": {"b": "Hi", "n": 2},\\n "c": ["x"]}', "de.json").entries]
    [('a.b', 'Hi', 1), ('c[0]', 'x', 2)]
"""

from __future__ import annotations

import bisect
import json
import re
from pathlib import Path, PurePath

from mtcheck.languages.plurals import CATEGORIES
from mtcheck.io.jsonl import escaper, string_target
from mtcheck.io.resources import DEFAULT_SOURCE_LANG, Entry, Resource
from mtcheck.io.resources.naming import language_at_end, language_of, with_language

KIND = "json"
LABEL = "JSON"
PLURAL_CATEGORIES = CATEGORIES  # CLDR's names
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}:,]|[^\s\[\]{}:,"]+', re.S)


def language(path: PurePath) -> str | None:
    """The language of a file by its name, else its folder's.

    >>> language(PurePath("locales/de.json")), language(PurePath("locales/pt-BR/common.json"))
    ('de', 'pt-BR')
    >>> language(PurePath("app_fr.arb")), language(PurePath("package.json"))
    ('fr', None)
    """
    _, lang = language_at_end(path.stem)
    return lang or language_of(path.parent.name)


def is_resource(path: PurePath) -> bool:
    return language(path) is not None


def source_paths(path: PurePath, source_lang: str | None) -> list[Path]:
    """The files that may hold the source: the name, else the folder, with the source language.

    >>> [str(p) for p in source_paths(PurePath("l/de.json"), None)], [str(p) for p in source_paths(PurePath("l/de/a.json"), "fr")]
    (['l/en.json'], ['l/fr/a.json'])
    """
    lang = source_lang or DEFAULT_SOURCE_LANG
    name, in_name = language_at_end(path.stem)
    if in_name:
        separator = path.stem[len(name)] if name else ""
        return [Path(path.parent) / f"{with_language(name, lang, separator)}{path.suffix}"]
    if language_of(path.parent.name):
        return [Path(path.parent.parent) / lang / path.name]
    return []


def read(text: str, name: str) -> Resource:
    from mtcheck.io.readers import InputError

    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}: line {exc.lineno}: not valid JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise InputError(f"{name}: JSON nested too deeply") from None
    if not isinstance(data, dict):
        raise InputError(f"{name}: line 1: a resource file is a JSON object, not {type(data).__name__}")
    arb = name.endswith(".arb")
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    escape = escaper(text)
    entries = []
    for key, start, end in strings(text):
        if arb and key.split(".")[0].startswith("@"):
            continue  # metadata: descriptions, placeholders' types, @@locale
        entries.append(Entry(key, string_target(text, start, end, escape), bisect.bisect_right(starts, start)))
    _mark_plurals(entries)
    locale = data.get("@@locale") if arb else None
    return Resource(entries, locale if isinstance(locale, str) else None)


def strings(text: str):
    """(key path, start, end) of every string value of a valid JSON document, in order: a loop
    over tokens with a stack, no recursion.

    >>> list(strings('{"a": ["x", {"b": "y"}], "k": 1}'))
    [('a[0]', 7, 10), ('a[1].b', 18, 21)]
    """
    stack: list[list] = []  # per open container: [is_object, current key or index]
    expect_key = False
    for m in _TOKEN.finditer(text):
        token = m.group()
        if token in "{[":
            stack.append([token == "{", None if token == "{" else 0])
            expect_key = token == "{"
        elif token in "}]":
            stack.pop()
        elif token == ",":
            if stack[-1][0]:
                expect_key = True
            else:
                stack[-1][1] += 1
        elif token == ":":
            expect_key = False
        elif expect_key:
            stack[-1][1] = json.loads(token)
        elif token.startswith('"') and stack:
            yield _path(stack), m.start(), m.end()


def _path(stack: list[list]) -> str:
    out = ""
    for is_object, at in stack:
        out += (f".{at}" if out else str(at)) if is_object else f"[{at}]"
    return out


def _mark_plurals(entries: list[Entry]) -> None:
    """i18next plural forms: ``key_<category>`` beside a ``key_other``."""
    keys = {e.key for e in entries}
    for entry in entries:
        base, _, category = entry.key.rpartition("_")
        if category in PLURAL_CATEGORIES and base and f"{base}_other" in keys:
            entry.plural = (base, category)
