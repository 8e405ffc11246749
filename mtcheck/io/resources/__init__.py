"""The resource files of content repos, read as records: i18n JSON, Flutter ARB, YAML, Android
``strings.xml``, Apple ``.strings`` and ``.stringsdict``, Java ``.properties``, Fluent ``.ftl`` and
subtitles (``.srt``, ``.vtt``).

Every value becomes a :class:`~mtcheck.io.readers.Record`: its key path is the record's id
(``menu.save``, ``items[few]``), its line the line where the value starts, its translation the
value as the program shows it (escapes decoded). As for PO and XLIFF, ``fix`` splices: only the
characters the fixes changed are rewritten, escaped the way the format writes them (``\\'`` in
Android, ``\\uXXXX`` in .properties, YAML's quoting), and the file is read back to make sure the
value reads as the fixed text; every other byte stays as it was.

**The source, found by convention.** A translation file has a source file beside it, the same
resource in the source language: ``en.json`` for ``de.json``, ``values/`` for ``values-de/``,
``Messages.properties`` for ``Messages_de.properties``, ``en.yml``'s tree for ``fr.yml``. Each
format module says where to look (``source_paths``); the source language is the one configured
(``source-lang``, ``--source-lang``), else the file's own convention (the unsuffixed base file),
else English. Each value then has its source: the value of the same key there. A key of the
source missing from the translation becomes a record with no text and a ``missing`` note
(MT607 reports it), unless the translation is regional and its language's file has the key
(``Messages_de_AT`` falls back to ``Messages_de``, ``values-de-rAT`` to ``values-de``, as Java,
Android, Apple, i18next and Flutter load them) or the source marks it optional (Android's
``tools:ignore="MissingTranslation"``); a plural the target language needs more forms for gets one such record per
missing form. The source file itself is checked as a text without a source.

A format is one module here, with::

    KIND, LABEL                       its --input-format name, its name in messages
    is_resource(path) -> bool         found in a directory walk: a translation file of the format?
    language(path) -> str | None      the language its path names (``values-pt-rBR`` → pt-BR)
    source_paths(path, source_lang)   where its source file may be, most likely first
    parent_paths(path, parent_lang)   optional: the file a regional translation falls back to
                                      (default: the first of source_paths with that language)
    read(text, name) -> Resource      its values, or InputError naming the line
    EMPTY                             optional, default True: can a value be empty?
    pair(resource, source)            optional: (source text per key, (key, line, source text) of
                                      each source record the translation lacks),
                                      for a format whose records are not matched by key
                                      (subtitle cues: by position, else by timing)

Modules are imported only when a file of theirs is read.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path, PurePath

from mtcheck.finding import Edit
from mtcheck.io.formats import TranslationFile, normalize_lang
from mtcheck.io.resources.naming import parent_language
from mtcheck.io.splice import Target, diff_edits, splice

# suffix → kind; the kind's module below. `.xml` is Android's only inside a `values*` folder.
SUFFIXES = {".json": "json", ".arb": "arb", ".yml": "yaml", ".yaml": "yaml", ".xml": "android",
            ".strings": "strings", ".stringsdict": "stringsdict", ".properties": "properties",
            ".ftl": "fluent", ".srt": "subtitles", ".vtt": "subtitles"}
MODULES = {"json": "json_files", "arb": "json_files", "yaml": "yaml_files", "android": "android",
           "strings": "apple", "stringsdict": "apple_plurals", "properties": "properties",
           "fluent": "fluent", "subtitles": "subtitles"}
KINDS = tuple(MODULES)
DEFAULT_SOURCE_LANG = "en"


@dataclass
class Entry:
    """One value of a resource file."""

    key: str  # the record id: the key path
    target: Target  # the value as the program shows it, each character's span in the file
    line: int  # where the value starts
    plural: tuple[str, str] | None = None  # (the plural's key, its CLDR category) for one form
    optional: bool = False  # of a source value: translations may leave it out (Android's tools:ignore)


@dataclass
class Resource:
    """The values of one file, the language the file itself declares (a Rails root key, an ARB
    ``@@locale``), if any, and the keys it has without records of their own."""

    entries: list[Entry]
    lang: str | None = None
    elsewhere: frozenset[str] = frozenset()  # keys whose value is another key's (a YAML alias): no records


def module(kind: str):
    return importlib.import_module(f"mtcheck.io.resources.{MODULES[kind]}")


def line_spans(text: str) -> list[tuple[int, int, int]]:
    """(start, end of its text, end with its line ending) of each line: a line ends at "\\n",
    "\\r\\n" is one ending.

    >>> line_spans("a\\r\\nbc")
    [(0, 1, 3), (3, 5, 5)]
    """
    out, pos = [], 0
    while pos < len(text):
        nl = text.find("\n", pos)
        stop = len(text) if nl == -1 else nl + 1
        end = nl if nl != -1 else len(text)
        if end > pos and text[end - 1] == "\r":
            end -= 1
        out.append((pos, end, stop))
        pos = stop
    return out


def kind_of(path: str | PurePath) -> str | None:
    """The resource kind of a file named on the command line, by its suffix (Android needs a
    ``values*`` folder: any other ``.xml`` is no resource), or None.

    >>> kind_of("res/values-de/strings.xml"), kind_of("pom.xml"), kind_of("locales/de.json")
    ('android', None, 'json')
    """
    path = PurePath(path)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind == "android" and not path.parent.name.startswith("values"):
        return None
    return kind


def in_walk(path: Path) -> bool:
    """Is a file met in a directory walk a resource file to check? Its suffix is not enough
    (``package.json``, ``docker-compose.yml``, Spring's ``application.properties``): the format
    module decides, by the language its path names."""
    kind = kind_of(path)
    return kind is not None and module(kind).is_resource(path)


class ResourceFile(TranslationFile):
    """Writes the fixed values back, and reads the result to be sure each reads as fixed."""

    def __init__(self, kind: str, targets: list[Target], name: str, keys: list[str]):
        super().__init__(kind, targets)
        self.name, self.keys = name, keys

    def write(self, text: str, fixed: dict[int, str], edits: dict[int, list[Edit]] | None = None) -> str:
        from mtcheck.io.readers import InputError

        fmt = module(self.kind)
        # A value whose change its place cannot hold (an escape that refuses, an inline code in
        # the way) is left as it was, as in PO and XLIFF; so is a value a fix would empty in a
        # format whose values cannot be empty (a Fluent message, a subtitle cue: EMPTY = False).
        fixed = {i: value for i, value in fixed.items()
                 if (value or getattr(fmt, "EMPTY", True))
                 and splice(self.targets[i], edits[i] if edits and i in edits
                            else diff_edits(self.targets[i].text, value)) is not None}
        new = super().write(text, fixed, edits)
        if new == text or not self._misread(new, fixed):
            return new
        # Some value does not read back as fixed: its text is one the format cannot say there (a
        # Fluent line that starts with a space, a blank line inside a subtitle cue). Those values
        # are left as they were, each found by writing it alone; the rest are written.
        splice_in = super().write  # (no bare super() inside the comprehension)
        kept = {i: value for i, value in fixed.items()
                if not self._misread(splice_in(text, {i: value}, edits), {i: value})}
        new = splice_in(text, kept, edits)
        wrong = self._misread(new, kept)
        if wrong:
            raise InputError(f"{self.name}: cannot write the fixed value of `{self.keys[wrong[0]]}` back")
        return new

    def _misread(self, new: str, fixed: dict[int, str]) -> list[int]:
        """The records of ``fixed`` whose value ``new`` does not hold (all, if it does not parse)."""
        from mtcheck.io.readers import InputError

        try:
            values = {e.key: e.target.text for e in module(self.kind).read(new, self.name).entries}
        except InputError:
            return list(fixed)
        return [i for i, value in fixed.items() if values.get(self.keys[i]) != value]


def read(text: str, kind: str, name: str, source_lang: str | None = None) -> tuple[list, ResourceFile]:
    """Records of a resource file (its source found by convention when ``name`` is a file on
    disk), and its writer."""
    from mtcheck.io.readers import Record

    fmt = module(kind)
    resource = fmt.read(text, name)
    path = Path(name)
    target_lang = normalize_lang(resource.lang or (fmt.language(path) if name != "-" else None))
    source, found_lang = _source(fmt, path, target_lang, source_lang) if name != "-" else (None, None)
    source_lang = normalize_lang(source_lang or found_lang)
    if target_lang is None and source is None:
        # A base file without a language in its name (`values/`, `Messages.properties`) is
        # the source of its siblings: in the configured source language.
        target_lang = source_lang
    pair = getattr(fmt, "pair", None)
    unmatched = []
    if source and pair:
        values, unmatched = pair(resource, source)
    else:
        values = {e.key: e.target.text for e in source.entries} if source else {}
    records, targets, keys = [], [], []
    for entry in resource.entries:
        records.append(Record({"id": entry.key, "translation": entry.target.text, "source": values.get(entry.key),
                               "source_lang": source_lang, "target_lang": target_lang, "doc_id": name},
                              entry.line, ""))
        targets.append(entry.target)
        keys.append(entry.key)
    missing = (((key, line, value, "the source has this cue") for key, line, value in unmatched) if pair
               else _missing(resource, source, target_lang, _inherited_keys(fmt, path, target_lang)))
    for key, line, value, note in missing:
        records.append(Record({"id": key, "translation": "", "source": value, "source_lang": source_lang,
                               "target_lang": target_lang, "doc_id": name, "missing": note}, line, ""))
        targets.append(Target("", [], [], lambda t: None))
        keys.append(key)
    return records, ResourceFile(kind, targets, name, keys)


def _source(fmt, path: Path, target_lang: str | None, source_lang: str | None) -> tuple[Resource | None, str | None]:
    """The source file's values and language, or (None, None) when the file is its own source
    or has none beside it."""
    from mtcheck.io.readers import InputError, decode

    if source_lang and target_lang and normalize_lang(source_lang) == target_lang:
        return None, None
    for candidate in fmt.source_paths(path, source_lang):
        if not candidate.is_file():
            continue
        if candidate.resolve() == path.resolve():
            return None, None
        try:
            text, _ = decode(candidate.read_bytes(), str(candidate))
            source = fmt.read(text, str(candidate))
        except InputError as exc:
            raise InputError(f"{exc} (the source of {path})") from None
        except OSError as exc:
            raise InputError(f"{candidate}: {exc.strerror or exc} (the source of {path})") from None
        return source, source.lang or fmt.language(candidate) or source_lang or DEFAULT_SOURCE_LANG
    return None, None


def _inherited_keys(fmt, path: Path, target_lang: str | None) -> set[str]:
    """Keys a regional translation takes from its language's file (``de`` for ``de-AT``), which
    it need not repeat; a parent file that does not read is reported when it is checked itself."""
    from mtcheck.io.readers import InputError, decode

    parent = parent_language(target_lang)
    if parent is None:
        return set()
    paths = fmt.parent_paths(path, parent) if hasattr(fmt, "parent_paths") else fmt.source_paths(path, parent)[:1]
    keys: set[str] = set()
    for candidate in paths:
        if candidate.is_file() and candidate.resolve() != path.resolve():
            try:
                text, _ = decode(candidate.read_bytes(), str(candidate))
                keys |= {e.key for e in fmt.read(text, str(candidate)).entries}
            except (InputError, OSError):
                continue
    return keys


def _missing(resource: Resource, source: Resource | None, target_lang: str | None, inherited: set[str] = frozenset()):
    """(key, line, source value, note) of each key the translation lacks: a key of the source
    (placed at the line of the translation's value of the key before it in the source), and a
    plural form the target language needs (CLDR's plural rules, `languages/plurals.tsv`: a
    Polish plural needs `few` and `many`), placed at the plural's last form."""
    yield from _missing_plural_forms(resource, source, target_lang)
    if source is None:
        return
    have = {e.key: e.line for e in resource.entries}
    present_elsewhere = inherited | resource.elsewhere  # no record here, but the key is there
    # A plural is judged by its target language's forms, not the source's (a Japanese plural
    # needs only `other`): a plural the translation lacks is one missing key, not one per form.
    plurals = {e.plural[0] for e in resource.entries if e.plural}
    line = 1
    for entry in source.entries:
        if entry.key in have:
            line = have[entry.key]
        elif entry.key in present_elsewhere or entry.optional:
            continue
        elif entry.plural is None:
            yield entry.key, line, entry.target.text, "the source has this key"
        elif entry.plural[0] not in plurals:
            plurals.add(entry.plural[0])
            yield entry.key, line, entry.target.text, "the source has this plural"


def _missing_plural_forms(resource: Resource, source: Resource | None, target_lang: str | None):
    from mtcheck.languages.plurals import CATEGORIES, required_categories

    needed = required_categories(target_lang) if target_lang else None
    if not needed:
        return
    forms: dict[str, list[Entry]] = {}
    for entry in resource.entries:
        if entry.plural:
            forms.setdefault(entry.plural[0], []).append(entry)
    source_forms = {e.plural: e.target.text for e in source.entries if e.plural} if source else {}
    for base, entries in forms.items():
        have = {e.plural[1] for e in entries}
        last = entries[-1]
        for category in sorted(needed - have, key=CATEGORIES.index):
            key = _form_key(last, category)
            value = source_forms.get((base, category)) or source_forms.get((base, "other"))
            yield key, last.line, value, f"a plural of {_language_name(target_lang)} needs its `{category}` form"


def _form_key(entry: Entry, category: str) -> str:
    """The key of another form of an entry's plural, in the format's own spelling: the last
    occurrence of its category in its key replaced (``items_one`` → ``items_few``,
    ``files[one]`` → ``files[few]``)."""
    base, present = entry.plural
    at = entry.key.rfind(present)
    if at < 0:
        return f"{base}[{category}]"
    return entry.key[:at] + category + entry.key[at + len(present):]


def _language_name(code: str) -> str:
    from mtcheck.languages import UnknownLanguage, get_language

    try:
        return get_language(code).name or code
    except UnknownLanguage:
        return code
