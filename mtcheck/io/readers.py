"""Readers: bytes on disk (or stdin) → decoded units that the checker turns into Documents.

Every input is decoded as strict UTF-8. A UTF-8 BOM is remembered and stripped (offsets count
from after it), line endings are kept as they are, and anything that is not UTF-8 text gets a
one-line ``InputError``. Nothing is lost: ``InputFile.encode`` gives back the bytes exactly.
"""

from __future__ import annotations

import csv
import io
import sys
from dataclasses import dataclass, field
from pathlib import Path

from mtcheck.finding import Edit
from mtcheck.io import jsonl
from mtcheck.io.files import Snapshot, read_snapshot
from mtcheck.io.splice import Target, apply, diff_edits, splice

BOM = b"\xef\xbb\xbf"
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
TEXT_SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
                 ".jsonl": "jsonl", ".tsv": "tsv", ".po": "po", ".xlf": "xliff", ".xliff": "xliff", ".tmx": "tmx"}
# Inputs checked as one text, at offsets into the file (no records): a Markdown or HTML file's
# markup protected, its text checked where it stands.
TEXT_KINDS = ("text", "markdown", "html")
# Translation files, read through translate-toolkit (mtcheck/io/formats.py, extra "formats").
TRANSLATION_KINDS = ("po", "xliff", "tmx")
# Resource files of content repos (mtcheck/io/resources/), written back the same way.
RESOURCE_KINDS = ("json", "arb", "yaml", "android", "strings", "stringsdict", "properties", "fluent", "subtitles")
SPLICED_KINDS = TRANSLATION_KINDS + RESOURCE_KINDS  # records whose targets count from the file's start
INPUT_FORMATS = ("text", "markdown", "html", "jsonl", "tsv") + SPLICED_KINDS  # --input-format
RECORD_FIELDS = ("id", "translation", "source", "reference", "source_lang", "target_lang", "doc_id")


class InputError(Exception):
    """A problem with an input, said in one line."""


@dataclass
class Record:
    """One JSONL/TSV record (its fields, the line it starts on, its raw line for faithful output),
    or one translation unit of a PO/XLIFF/TMX file (the line its target starts on, no raw line)."""

    fields: dict
    line: int
    raw: str

    @property
    def id(self) -> str:
        value = self.fields.get("id")
        return str(value) if value is not None else f"line {self.line}"

    @property
    def translation(self) -> str:
        return self.fields["translation"]


@dataclass
class InputFile:
    path: str  # as the user gave it ("-" for stdin)
    kind: str  # text | markdown | jsonl | tsv | po | xliff | tmx
    text: str  # decoded, BOM stripped
    bom: bool = False
    records: list[Record] = field(default_factory=list)
    tsv_header: list[str] = field(default_factory=list)
    translation_file: object = None  # po, xliff, tmx: formats.TranslationFile, which writes them back
    snapshot: Snapshot | None = None  # the file as read, so that fix never overwrites a newer one

    def encode(self, text: str | None = None) -> bytes:
        """Bytes for ``text`` (default: the text as read), BOM restored."""
        data = (self.text if text is None else text).encode("utf-8")
        return BOM + data if self.bom else data


def decode(data: bytes, name: str) -> tuple[str, bool]:
    """Strict UTF-8 with an optional BOM; binary and other encodings are one-line errors."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{name}: UTF-16 text is not supported; convert it to UTF-8")
    bom = data.startswith(BOM)
    if bom:
        data = data[len(BOM):]
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8"), bom
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(f"{name}: invalid UTF-8 at byte {exc.start + (3 if bom else 0)} (line {line})") from None


def kind_of(path: str, fmt: str | None = None) -> str:
    """The kind of input a file is: ``fmt`` when given, else by its suffix (and, for Android's
    ``.xml``, its folder); anything else is text.

    >>> kind_of("a.po"), kind_of("res/values-de/strings.xml"), kind_of("notes.xml")
    ('po', 'android', 'text')
    """
    if fmt:
        return fmt
    kind = TEXT_SUFFIXES.get(Path(path).suffix.lower())
    if kind is None:
        from mtcheck.io import resources  # not for the text files a hook checks

        kind = resources.kind_of(path)
    return kind or "text"


def expand_paths(paths: list[str], force_exclude: bool = False) -> list[str]:
    """Files named, and the checkable files inside named directories: .txt .md .html .jsonl .tsv .po
    .xlf .xliff .tmx, and the resource files whose path names their language (``de.json``,
    ``values-de/strings.xml``: not ``package.json``); hidden folders are skipped.
    ``force_exclude`` (ruff's ``--force-exclude``) sorts named files the same way: a pre-commit
    hook names every staged ``.json`` file, ``package.json`` too."""
    out = []
    for p in paths:
        path = Path(p)
        if p != "-" and path.is_dir():
            found = sorted(str(f) for f in path.rglob("*")
                           if f.is_file() and not any(part.startswith(".") for part in f.relative_to(path).parts)
                           and checkable(f))
            out.extend(found)
        elif p == "-" or not force_exclude or checkable(path):
            out.append(p)
    return out


def checkable(path: Path) -> bool:
    """Is a file one that ``check`` reads in a directory walk?

    >>> checkable(Path("a.md")), checkable(Path("locales/de.json")), checkable(Path("package.json"))
    (True, True, False)
    """
    from mtcheck.io import resources

    return path.suffix.lower() in TEXT_SUFFIXES or resources.in_walk(path)


def _size(n: int) -> str:
    """A byte count for messages. Under 1 MB in bytes, so that a fractional --max-size (0.001 MB is
    1048 bytes) is not rounded to a "0 MB" limit."""
    return f"{n / 1048576:.4g} MB" if n >= 1048576 else f"{n} bytes"


def read_input(path: str, fmt: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
               stdin_name: str | None = None, source_lang: str | None = None) -> InputFile:
    """Read and decode one input; ``-`` reads standard input."""
    snapshot = None
    if path == "-":
        data = sys.stdin.buffer.read()
        name = stdin_name or "-"
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(f"{path}: no such file")
        if p.is_dir():
            raise InputError(f"{path}: is a directory")
        try:
            data, snapshot = read_snapshot(p, max_bytes)
        except ValueError as exc:
            raise InputError(f"{path}: {_size(exc.args[0])} is over the limit of {_size(max_bytes)} "
                             f"(raise it with --max-size)") from None
        except OSError as exc:
            raise InputError(f"{path}: {exc.strerror or exc}") from None
        name = path
    if max_bytes and len(data) > max_bytes:
        raise InputError(f"{name}: input over the limit of {_size(max_bytes)} (raise it with --max-size)")
    text, bom = decode(data, name)
    inp = parse_input(text, name, kind_of(stdin_name or path, fmt), bom, source_lang)
    inp.snapshot = snapshot
    return inp


def parse_input(text: str, name: str, kind: str, bom: bool = False, source_lang: str | None = None) -> InputFile:
    """An input from its decoded text (BOM stripped), as ``read_input`` makes it from a file's
    bytes: the editor's buffer, which is not on disk yet, is read by the same readers.

    >>> inp = parse_input('{"id": "a", "translation": "Hi."}\\n', "t.jsonl", "jsonl")
    >>> [(r.id, r.translation, r.line) for r in inp.records]
    [('a', 'Hi.', 1)]
    """
    inp = InputFile(path=name, kind=kind, text=text, bom=bom)
    if kind == "jsonl":
        inp.records = _jsonl_records(text, name)
    elif kind == "tsv":
        inp.tsv_header, inp.records = _tsv_records(text, name)
    elif kind in TRANSLATION_KINDS:
        from mtcheck.io import formats  # imports translate-toolkit: only for these files

        inp.records, inp.translation_file = formats.read(text, kind, name)
    elif kind in RESOURCE_KINDS:
        from mtcheck.io import resources  # each format's module only for its files

        inp.records, inp.translation_file = resources.read(text, kind, name, source_lang)
    return inp


def segment_lines(text: str) -> list[str]:
    """The segments of a line-aligned text file, as sacrebleu reads one: each line without its
    trailing white space; a final line ending adds no empty segment.

    >>> segment_lines("one \\r\\ntwo\\n")
    ['one', 'two']
    """
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.rstrip() for line in lines]


def lines_as_records(inp: InputFile) -> InputFile:
    """A line-aligned text file read as records, one per line (id and line: its number)."""
    records = [Record({"id": str(n), "translation": line}, n, line)
               for n, line in enumerate(segment_lines(inp.text), start=1)]
    return InputFile(path=inp.path, kind="lines", text=inp.text, bom=inp.bom, records=records)


def split_lines(text: str) -> list[str]:
    """Lines of ``text``, each with its ending, broken after "\n" only ("\r\n" stays whole).

    Not ``str.splitlines``: it also breaks at U+2028, U+2029, U+0085 and other controls, which
    JSON strings and TSV fields may hold raw (``json.dumps(ensure_ascii=False)`` writes them).
    """
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    if parts[-1]:  # a last line without a final newline
        lines.append(parts[-1])
    return lines


def _jsonl_records(text: str, name: str) -> list[Record]:
    records = []
    for n, raw in enumerate(split_lines(text), 1):
        if not raw.strip():
            continue
        try:
            fields = jsonl.parse(raw)
        except jsonl.RecordError as exc:
            raise InputError(f"{name}:{n}: {exc}") from None
        records.append(Record(fields, n, raw))
    return records


def _tsv_records(text: str, name: str) -> tuple[list[str], list[Record]]:
    lines = split_lines(text)
    if not lines:
        return [], []
    header = next(csv.reader(io.StringIO(lines[0]), delimiter="\t", quoting=csv.QUOTE_NONE))
    if "translation" not in header:
        raise InputError(f"{name}:1: TSV header has no 'translation' column")
    records = []
    for n, raw in enumerate(lines[1:], 2):
        if not raw.strip("\r\n"):
            continue
        values = raw.rstrip("\r\n").split("\t")
        if len(values) != len(header):
            raise InputError(f"{name}:{n}: {len(values)} columns, the header has {len(header)}")
        fields = dict(zip(header, values))
        records.append(Record(fields, n, raw))
    return header, records


def write_records(inp: InputFile, fixed: dict[int, str], edits: dict[int, list[Edit]] | None = None) -> str:
    """The input's text with the translations of the records at the given indexes replaced;
    every character outside the edited ones is kept as it was: the rest of a JSONL line (other
    fields, numbers, escapes, spacing), the other columns of a TSV line, every other line.

    ``edits`` are, per record, the edits of its original translation that give the fixed one
    (splice.compose of the fixes' own edits); without them they are found by a diff. A record
    whose change a place cannot hold (a tab in a TSV column) is left as it was.

    >>> inp = InputFile("a.jsonl", "jsonl", '{"n": 1e400, "translation": "caf\\\\u00e9  bar"}\\n')
    >>> inp.records = _jsonl_records(inp.text, inp.path)
    >>> write_records(inp, {0: "café bar"}, {0: [Edit(4, 6, " ")]})
    '{"n": 1e400, "translation": "caf\\\\u00e9 bar"}\\n'
    """
    if inp.kind in SPLICED_KINDS:
        return inp.translation_file.write(inp.text, fixed, edits)
    starts = line_starts(inp.text)
    replacements = []
    for i, new in fixed.items():
        record = inp.records[i]
        target, base = record_target(inp, i, starts)
        found = splice(target, edits[i] if edits and i in edits else diff_edits(record.translation, new))
        if found is None:
            continue
        line = apply(record.raw, found)
        if _read_back(inp, line) != new:  # never write what would not read back as the fix
            raise InputError(f"{inp.path}:{record.line}: cannot write the fixed translation back")
        replacements += [(base + start, base + end, text) for start, end, text in found]
    return apply(inp.text, replacements)


def line_starts(text: str) -> list[int]:
    """The offset of each line of ``text`` (lines as ``split_lines`` breaks them), and its end.

    >>> line_starts("a\\r\\nbc\\n")
    [0, 3, 6]
    """
    starts = [0]
    for line in split_lines(text):
        starts.append(starts[-1] + len(line))
    return starts


def record_target(inp: InputFile, i: int, starts: list[int] | None = None) -> tuple[Target, int]:
    """Where the translation of record ``i`` is in ``inp.text``: its Target, and the offset of
    ``inp.text`` its spans count from (the record's line; 0 in a PO/XLIFF/TMX file, whose
    targets count from the file's start). ``starts``: ``line_starts(inp.text)``, computed once
    for many records.

    >>> inp = parse_input('{"translation": "a"}\\n{"translation": "caf\\\\u00e9"}\\n', "t.jsonl", "jsonl")
    >>> target, base = record_target(inp, 1)
    >>> target.text, base, [(base + s, base + e) for s, e in target.spans][-1]
    ('café', 21, (41, 47))
    """
    if inp.kind in SPLICED_KINDS:
        return inp.translation_file.targets[i], 0
    record = inp.records[i]
    return _line_target(inp, record), (starts or line_starts(inp.text))[record.line - 1]


def _line_target(inp: InputFile, record: Record) -> Target:
    """Where the record's translation is in its raw line: the JSON string json.loads kept, or
    the TSV column the record's field came from (the last of equal header names, as dict() keeps)."""
    if inp.kind == "jsonl":
        return jsonl.translation_target(record.raw)
    column = len(inp.tsv_header) - 1 - inp.tsv_header[::-1].index("translation")
    values = record.raw.rstrip("\r\n").split("\t")
    start = sum(len(v) + 1 for v in values[:column])
    text = values[column]
    return Target(text, [(start + k, start + k + 1) for k in range(len(text))], [0] * len(text),
                  lambda t: None if any(c in t for c in "\t\r\n") else t, end=start + len(text))


def _read_back(inp: InputFile, line: str) -> str:
    if inp.kind == "jsonl":
        return jsonl.parse(line)["translation"]
    return dict(zip(inp.tsv_header, line.rstrip("\r\n").split("\t")))["translation"]
