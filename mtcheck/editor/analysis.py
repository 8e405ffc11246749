"""An editor's buffer ─▶ findings placed in its text, each fix as edits of that text.

    analyse("The troops left the cityThey came back.\\n", "/w/a.txt", "text", Config(lang="en"))
      ─▶ Analysis(placed=[Placed(MT102, start=20, end=28, fixes=[(Fix, [(24, 24, '. ')])])])

The buffer is read as ``mtcheck check`` reads the file at its path: the reader of its kind
(io/readers.py: a JSONL line, a PO string, XLIFF text), the nearest config upward from the file
(config.find_config), the language from the config, a record's target_lang or detection
(checker.documents). Offsets count code points of the buffer as the editor holds it (a BOM
included); a record's finding is placed where its characters are in the file (``caf\\u00e9``
is one character of the translation, six of the line), and its fixes are escaped for that
place, as ``mtcheck fix`` writes them (io/splice.py).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from mtcheck.checker import check_document, documents, fix_file
from mtcheck.config import Config, ConfigError, find_config, load_config
from mtcheck.finding import Finding, Fix
from mtcheck.io.readers import (TEXT_SUFFIXES, InputError, InputFile, line_starts, parse_input, record_target,
                                split_lines)
from mtcheck.io.splice import file_span, splice
from mtcheck.io import resources
from mtcheck.languages import UnknownLanguage

Replacement = tuple[int, int, str]  # replace text[start:end] with the string
BOM = "\ufeff"
# An editor's language id for a buffer whose name has no suffix mtcheck knows (an untitled one).
KIND_OF_LANGUAGE_ID = {"plaintext": "text", "markdown": "markdown", "html": "html", "jsonl": "jsonl", "po": "po",
                       "xliff": "xliff", "tmx": "tmx"}


def kind_for(path: str | None, language_id: str | None = None) -> str | None:
    """The reader for a buffer: by the file's suffix, as the CLI picks it, else by the editor's
    language id; None for a buffer mtcheck does not read (a .py file).

    A resource file is read as a directory walk would take it (``locales/de.json``, not
    ``package.json``), its source found beside it on disk.

    >>> kind_for("/w/notes.md"), kind_for(None, "plaintext"), kind_for("/w/a.py", "python")
    ('markdown', 'text', None)
    >>> kind_for("/w/locales/de.json", "json"), kind_for("/w/package.json", "json")
    ('json', None)
    """
    suffix = Path(path).suffix.lower() if path else ""
    if path and suffix not in TEXT_SUFFIXES and resources.in_walk(Path(path)):
        return resources.kind_of(path)
    return TEXT_SUFFIXES.get(suffix) or KIND_OF_LANGUAGE_ID.get(language_id or "")


@dataclass
class Placed:
    """A finding and where it is in the buffer; ``fixes`` are the finding's fixes that can be
    written there, each as replacements of the buffer's text."""

    finding: Finding
    start: int
    end: int
    fixes: list[tuple[Fix, list[Replacement]]] = field(default_factory=list)


@dataclass
class Analysis:
    """The findings of one version of a buffer, or the one-line error that stopped the check
    (bad JSON on a line, a config that does not parse) and the 0-based line it names."""

    text: str
    placed: list[Placed] = field(default_factory=list)
    error: str | None = None
    error_line: int = 0


class Configs:
    """The config of each buffer, found from its path upward as the CLI finds it from the
    folder it runs in; a config file is read again once it changes on disk."""

    def __init__(self) -> None:
        self._loaded: dict[Path, tuple[tuple[int, int], Config]] = {}

    def for_buffer(self, path: str | None, root: str | None = None) -> Config:
        """The config for a file at ``path`` (None, an untitled buffer: from ``root``, the
        workspace's folder, or the current one). A broken config raises ConfigError."""
        found = find_config(Path(path) if path else Path(root or "."))
        if found is None:
            return Config()
        stat = found.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
        cached = self._loaded.get(found)
        if cached is None or cached[0] != stamp:
            cached = (stamp, load_config(found))
            self._loaded[found] = cached
        return cached[1]


def analyse(text: str, name: str, kind: str, config: Config) -> Analysis:
    """The findings of a buffer's ``text``, read as a file called ``name`` of ``kind``.

    >>> a = analyse("😀 The troops left the cityThey came back.\\n", "a.txt", "text", Config(lang="en"))
    >>> [(p.finding.code, a.text[p.start:p.end], p.fixes[0][1]) for p in a.placed]
    [('MT102', 'cityThey', [(26, 26, '. ')])]
    >>> analyse('{"translation": 1}\\n', "a.jsonl", "jsonl", Config()).error_line
    0
    """
    try:
        inp, shift = _read(text, name, kind, config.source_lang)
        starts = line_starts(inp.text) if inp.records else []
        placed = []
        for indexes, doc in documents(inp, config):
            # A finding names its record by (line, id), which the reader makes unique.
            index = {(inp.records[i].line, inp.records[i].id): i for i in indexes}
            for f in check_document(doc, config):
                target, base = record_target(inp, index[f.line, f.record], starts) if indexes else (None, 0)
                placed.append(_place(f, target, base + shift))
        return Analysis(text, placed)
    except (InputError, ConfigError, UnknownLanguage) as exc:
        return _failed(text, name, str(exc))


def fixed_text(text: str, name: str, kind: str, config: Config) -> str | None:
    """The buffer with every safe fix applied, as ``mtcheck fix`` would write the file (pass
    after pass); None when the buffer cannot be read or a fix not written back.

    >>> fixed_text("The the army left the cityThey came back.", "a.txt", "text", Config(lang="en"))
    'The army left the city. They came back.'
    """
    try:
        inp, shift = _read(text, name, kind, config.source_lang)
        return text[:shift] + fix_file(inp, config).text
    except (InputError, ConfigError, UnknownLanguage):
        return None


def line_edits(old: str, new: str) -> list[Replacement]:
    """Replacements that turn ``old`` into ``new``, whole lines at a time: the edit an editor
    applies for a fix-all, leaving the lines that did not change (and the cursor on them) alone.

    >>> line_edits("a\\nb b\\nc\\n", "a\\nb\\nc\\n")
    [(2, 6, 'b\\n')]
    """
    a, b = split_lines(old), split_lines(new)
    starts = line_starts(old)
    return [(starts[i1], starts[i2], "".join(b[j1:j2]))
            for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
            if tag != "equal"]


def _read(text: str, name: str, kind: str, source_lang: str | None = None) -> tuple[InputFile, int]:
    """The input the buffer is, and the offset its text starts at in the buffer (1 after a BOM,
    which the readers strip from a file)."""
    bom = text.startswith(BOM)
    return parse_input(text[1:] if bom else text, name, kind, bom, source_lang), int(bom)


def _place(f: Finding, target, shift: int) -> Placed:
    """``f`` placed in the buffer: in a text at its own offsets, in a record where its
    characters came from (``target``, whose spans count from ``shift``)."""
    if target is None:
        fixes = [(fix, [(shift + e.start, shift + e.end, e.replacement) for e in fix.edits]) for fix in f.fixes]
        return Placed(f, shift + f.start, shift + f.end, fixes)
    start, end = file_span(target, f.start, f.end)
    fixes = []
    for fix in f.fixes:
        found = splice(target, fix.edits)  # None: the fix would break an inline code
        if found is not None:
            fixes.append((fix, [(shift + s, shift + e, new) for s, e, new in found]))
    return Placed(f, shift + start, shift + end, fixes)


_AT_LINE = re.compile(r"(\d+): ")


def _failed(text: str, name: str, message: str) -> Analysis:
    """The error as an Analysis; an error that names a line of the buffer (``name:12: ...``)
    is put on that line.

    >>> a = _failed("", "a.jsonl", "a.jsonl:3: not a JSON object"); a.error_line, a.error
    (2, 'not a JSON object')
    """
    if message.startswith(name + ":"):
        m = _AT_LINE.match(message, len(name) + 1)
        if m:
            return Analysis(text, error=message[m.end():], error_line=int(m.group(1)) - 1)
    return Analysis(text, error=message)
