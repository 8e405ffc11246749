"""The command line: parse arguments, call the library, format. No logic of its own.

    mtcheck check article.txt                 findings, one line each
    mtcheck fix article.txt                   apply safe fixes in place
    mtcheck fix --unsafe-fixes --diff a.txt   show what all fixes would change
    mtcheck review article.txt                accept or reject each fix in the browser, then save
    mtcheck score --reference ref.txt mt.txt  BLEU, chrF, chrF++, TER before and after fixes
    mtcheck rules | mtcheck rule MT101        the catalogue
    mtcheck lsp                               a language server for editors (docs/editors.md)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from mtcheck import __version__
from mtcheck.config import Config, ConfigError, find_config, load_config
from mtcheck.io.readers import DEFAULT_MAX_BYTES, INPUT_FORMATS, InputError, expand_paths, read_input, split_lines
from mtcheck.languages import UnknownLanguage
from mtcheck.taxonomy import Severity

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FORMATS = ("text", "json", "sarif", "github")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mtcheck", description="Find and fix the artifacts of machine translation.")
    parser.add_argument("--version", action="version", version=f"mtcheck {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    # What picks the rules, for every command that checks: check, fix, score, bench.
    rules_chosen = argparse.ArgumentParser(add_help=False)
    rules_chosen.add_argument("--select", help="comma-separated codes, code prefixes or categories to check (replaces config)")
    rules_chosen.add_argument("--ignore", help="comma-separated codes, code prefixes or categories to skip (adds to config)")
    rules_chosen.add_argument("--profile", metavar="NAME", action="append", default=[],
                              help="a house-style profile to check too (de-typography, fr-typography, us-news; "
                                   "adds to config's profiles); repeatable")
    rules_chosen.add_argument("--config", metavar="PATH", help="mtcheck.toml or pyproject.toml (default: nearest one)")
    rules_chosen.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    rules_chosen.add_argument("--glossary", metavar="PATH", action="append", default=[],
                              help="CSV (source,target) or TBX glossary for MT703, added to the config's; repeatable")
    rules_chosen.set_defaults(fail_on=None)

    common = argparse.ArgumentParser(add_help=False, parents=[rules_chosen])
    common.add_argument("paths", nargs="+", metavar="PATH",
                        help="files or directories (.txt .md .jsonl .tsv .po .xlf .tmx, resource files, .srt .vtt, "
                             ".html: docs/formats.md); - reads standard input")
    common.add_argument("--lang", help="target language (default: config, the record's target_lang, or detected)")
    common.add_argument("--source", metavar="PATH", help="the source text of a single input")
    common.add_argument("--source-lang", help="language of the source")
    common.add_argument("--input-format", choices=INPUT_FORMATS,
                        help="input format (default: from the file suffix)")
    common.add_argument("--force-exclude", action="store_true",
                        help="skip named files that a directory walk would skip (package.json beside de.json): "
                             "for pre-commit hooks, which name every staged file")
    common.add_argument("--stdin-filename", help="the name standard input stands for (its suffix picks the format)")
    common.add_argument("--max-size", type=float, default=DEFAULT_MAX_BYTES / 1048576, metavar="MB",
                        help="refuse inputs larger than this (default: %(default)g MB; 0: no limit)")
    common.add_argument("--fail-on", choices=[s.value for s in Severity],
                        help="lowest severity that makes the exit code 1 (default: minor)")

    check = sub.add_parser("check", parents=[common], help="report findings")
    check.add_argument("--format", choices=FORMATS, default="text", dest="output_format",
                       help="text for people; json (the documented contract), sarif 2.1.0, github annotations")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                       help="colour the text output: auto (on a terminal, unless NO_COLOR is set), always or never")
    check.add_argument("--no-show-source", action="store_true", help="one line per finding")
    # A flag, not an option with an optional value: `--model mt.txt` must not read the file as
    # the model's folder (it did, then said PATH was missing).
    check.add_argument("--model", action="store_true",
                       help="add the findings of the shipped trained tagger (pip install 'mtcheck[model]')")
    check.add_argument("--model-dir", metavar="FOLDER",
                       help="add the findings of the tagger trained into FOLDER (scripts/train_model.py); implies --model")
    check.add_argument("--spaces-model", action="store_true",
                       help="ask the shipped spaces model about glued words, glued sentences and split words "
                            "(MT101-MT103): it confirms the rules' findings and adds confident ones of its own, "
                            "marked \"source\": \"model\" in JSON (pip install 'mtcheck[model]')")
    check.add_argument("--spaces-model-dir", metavar="FOLDER",
                       help="the spaces model trained into FOLDER (scripts/train_spaces.py); implies --spaces-model")
    check.add_argument("--workers", type=int, default=1, help="check documents on a local Dask cluster of N processes")
    check.add_argument("--scheduler", metavar="ADDRESS", help="check documents on an existing Dask cluster")

    fix = sub.add_parser("fix", parents=[common], help="apply fixes (safe ones unless --unsafe-fixes)")
    fix.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes")
    fix.add_argument("--diff", action="store_true", help="print a unified diff instead of writing")
    fix.add_argument("--output", metavar="PATH", help="write the fixed copy here (one input only)")
    fix.add_argument("--explain", action="store_true", help="list each applied fix on stderr")

    review = sub.add_parser("review", parents=[rules_chosen],
                            help="a local page to accept or reject each fix, then save or download the file")
    review.add_argument("path", metavar="PATH", help="one file (.txt .md .jsonl .tsv .po .xlf .xliff .tmx)")
    review.add_argument("--lang", help="target language (default: config, the record's target_lang, or detected)")
    review.add_argument("--source", metavar="PATH", help="the source text, shown beside the translation and checked against")
    review.add_argument("--source-lang", help="language of the source")
    review.add_argument("--input-format", choices=INPUT_FORMATS,
                        help="input format (default: from the file suffix)")
    review.add_argument("--max-size", type=float, default=DEFAULT_MAX_BYTES / 1048576, metavar="MB",
                        help="refuse a file larger than this (default: %(default)g MB; 0: no limit)")
    review.add_argument("--port", type=_port, default=0, help="port on 127.0.0.1 (default: a free one)")
    review.add_argument("--no-browser", action="store_true", help="print the page's address only")

    score = sub.add_parser("score", parents=[rules_chosen],
                           help="BLEU, chrF, chrF++ and TER before and after fixes, with intervals")
    score.add_argument("translation", metavar="TRANSLATION",
                       help="one segment per line (.txt), or JSONL/TSV records (with a `reference` field)")
    score.add_argument("--reference", metavar="PATH", help="one reference per line (required for a .txt translation)")
    score.add_argument("--source", metavar="PATH", help="one source per line, for the source-aware rules")
    score.add_argument("--source-lang", help="language of the source")
    score.add_argument("--lang", help="target language (default: config, the record's target_lang, or detected)")
    score.add_argument("--metrics", default="BLEU,chrF,chrF++,TER", help="comma-separated (default: %(default)s)")
    score.add_argument("--resamples", type=int, default=1000, help="paired bootstrap resamples (default: %(default)s)")
    score.add_argument("--seed", type=int, default=12345, help="the bootstrap's seed (default: %(default)s, sacrebleu's)")
    score.add_argument("--format", choices=("text", "json"), default="text", dest="output_format",
                       help="a table for people, or JSON (one object per metric and variant)")
    score.add_argument("--max-size", type=float, default=DEFAULT_MAX_BYTES / 1048576, metavar="MB",
                       help="refuse inputs larger than this (default: %(default)g MB; 0: no limit)")

    bench = sub.add_parser("bench", parents=[rules_chosen],
                           help="check corpora system by system; report.json, report.md, report.html")
    bench.add_argument("corpora", nargs="+", metavar="CORPUS", help="JSONL, TSV, Parquet or a saved dataset directory")
    bench.add_argument("--out", required=True, metavar="DIR", help="where the report goes")
    bench.add_argument("--lang", help="target language where records have no target_lang")
    bench.add_argument("--metrics", default="BLEU,chrF,chrF++,TER", help="comma-separated; empty for none")
    bench.add_argument("--resamples", type=int, default=1000,
                       help="paired bootstrap resamples of each score (default: %(default)s)")
    bench.add_argument("--seed", type=int, default=12345, help="the bootstrap's seed (default: %(default)s, sacrebleu's)")
    bench.add_argument("--workers", type=int, default=1, help="check on a local Dask cluster of N processes")
    bench.add_argument("--scheduler", metavar="ADDRESS", help="check on an existing Dask cluster (tcp://host:8786)")

    corrupt = sub.add_parser("corrupt", help="inject MT artifacts into clean text, with gold spans and fixes (JSONL)")
    corrupt.add_argument("input", metavar="CLEAN", help="one clean segment per line (.txt), or JSONL/TSV records")
    corrupt.add_argument("--lang", required=True, help="language of the clean text")
    corrupt.add_argument("--source", metavar="PATH", help="one source per line (for untranslated and omission)")
    corrupt.add_argument("--categories", help="comma-separated taxonomy categories (default: every one there is a corruptor for)")
    corrupt.add_argument("--seed", type=int, default=0,
                         help="where each corruption goes and what it is; the same seed gives the same output "
                              "(default: %(default)s)")
    corrupt.add_argument("--max-size", type=float, default=DEFAULT_MAX_BYTES / 1048576, metavar="MB",
                         help="refuse inputs larger than this (default: %(default)g MB; 0: no limit)")

    rules = sub.add_parser("rules", help="list every rule")
    rules.add_argument("--format", choices=("text", "json"), default="text", dest="output_format",
                       help="a table for people, or JSON with each rule's languages and fix safety")
    rule = sub.add_parser("rule", help="explain one rule")
    rule.add_argument("code", metavar="RULE", help="a code (MT101) or a name (merged-words), as `mtcheck rules` lists them")
    sub.add_parser("lsp", help="a language server over standard input and output, for editors (docs/editors.md); "
                              "needs the lsp extra")
    languages = sub.add_parser("languages", help="list the languages with data, and what is checked in each")
    languages.add_argument("--format", choices=("text", "markdown", "json"), default="text", dest="output_format",
                           help="a table for the terminal, for Markdown documents, or JSON")
    return parser


def _port(value: str) -> int:
    port = int(value) if value.isdigit() else -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"not a port number: {value!r}")
    return port


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()] if value else []


def _config(args) -> Config:
    if args.isolated:
        config = Config()
    else:
        path = Path(args.config) if args.config else find_config(Path.cwd())
        if args.config and not path.is_file():
            raise ConfigError(f"{args.config}: no such config file")
        config = load_config(path)
    if args.select:
        config.select = _split(args.select)
    config.ignore = config.ignore + _split(args.ignore)
    if args.profile:
        from mtcheck.profiles import UnknownProfile, check_profiles

        try:
            config.profiles = config.profiles + check_profiles(args.profile)
        except UnknownProfile as e:
            raise ConfigError(str(e)) from None
    if args.fail_on:
        config.fail_on = Severity(args.fail_on)
    _model_folder(args, config, "model", "mtcheck.model.tagger")
    _model_folder(args, config, "spaces_model", "mtcheck.model.spaces")
    if getattr(args, "source_lang", None):
        config.source_lang = args.source_lang
    for path in args.glossary:
        from mtcheck.io.glossary import GlossaryError, load_glossary

        try:
            config.add_glossary(load_glossary(path))
        except GlossaryError as exc:
            raise ConfigError(str(exc)) from None
    return config


def _model_folder(args, config: Config, name: str, module: str) -> None:
    """``--model`` / ``--model-dir FOLDER`` (``--spaces-model``…) into the config's ``name``:
    the shipped model's folder or the one given. A model the flags or the config ask for is
    checked before any file is: a missing extra or folder is said first, in one line."""
    import importlib

    if getattr(args, f"{name}_dir", None) or getattr(args, name, False):
        setattr(config, name, getattr(args, f"{name}_dir", None) or str(importlib.import_module(module).DEFAULT))
    if getattr(config, name):
        importlib.import_module(module).require(getattr(config, name))


def _read_all(args, config: Config, progress: bool = True):
    from mtcheck.io.progress import Progress

    paths = expand_paths(args.paths, args.force_exclude)
    if args.source and len(paths) != 1:
        raise InputError("--source goes with exactly one input")
    source = None
    if args.source:
        source = read_input(args.source, "text", int(args.max_size * 1048576)).text
    progress = Progress(len(paths) if progress else 0)
    for path in paths:
        yield read_input(path, args.input_format, int(args.max_size * 1048576), args.stdin_filename,
                         config.source_lang), source
        progress.advance()
    progress.close()


def _total_size(paths: list[str]) -> int:
    """Bytes of the input files (standard input counts 0: its size is not known ahead)."""
    total = 0
    for path in expand_paths(paths):
        try:
            total += os.path.getsize(path)
        except OSError:  # reading it reports the error
            pass
    return total


class Checked:
    """What ``check`` found: the findings, the number of files, (segments, words) checked (for
    the JSON summary's score), the languages of the documents, and the config they ran with."""

    def __init__(self, findings, files, size, languages, config):
        self.findings, self.files, self.size, self.languages, self.config = findings, files, size, languages, config

    @property
    def exit_code(self) -> int:
        """1 when a finding is at or above ``fail-on``, else 0."""
        failing = [f for f in self.findings if f.severity.rank >= self.config.fail_on.rank]
        return EXIT_FINDINGS if failing else EXIT_CLEAN


def checked(args) -> Checked:
    """Check the inputs of a parsed ``check`` command line (its output format left to the
    caller: cmd_check, and the GitHub Action, which writes SARIF and annotations of one run)."""
    from mtcheck.checker import check_all, documents, size
    from mtcheck.io.progress import Progress

    config = _config(args)
    findings, files, segments, words = [], 0, 0, 0
    languages: set[str] = set()  # of the documents checked, for the note on missing language data
    progress = Progress(_total_size(args.paths), size=True)  # moved by each document checked

    def docs():
        """Every document of every input, read one input at a time."""
        nonlocal files, segments, words
        for inp, source in _read_all(args, config, progress=False):
            for _, doc in documents(inp, config, args.lang, source, args.source_lang):
                languages.add(doc.lang)
                yield doc
                progress.advance(len(doc.text) + 1)
            files += 1
            if args.output_format == "json":  # the MQM-style score of the summary
                n, w = size(inp, args.lang)
                segments, words = segments + n, words + w

    for found in check_all(docs(), config, workers=args.workers, scheduler=args.scheduler):
        findings += found
    progress.close()
    return Checked(findings, files, (segments, words), languages, config)


def cmd_check(args) -> int:
    from mtcheck.io import writers
    from mtcheck.rules import all_rules

    run = checked(args)
    findings, fmt = run.findings, args.output_format
    if fmt == "json":
        print(writers.to_json(findings, run.files, run.size, run.config))
    elif fmt == "sarif":
        print(writers.to_sarif(findings, all_rules(), __version__))
    elif fmt == "github":
        out = writers.to_github(findings)
        if out:
            print(out)
    else:
        color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty()
                                           and "NO_COLOR" not in os.environ)
        print(writers.to_text(findings, run.files, color=color, show_source=not args.no_show_source))
        for note in _language_notes(run.languages, run.config):
            print(note)
    return run.exit_code


def _language_notes(languages: set[str], config) -> list[str]:
    """One line per checked language without data of its own, naming the rule families that
    did not run on it (the language-independent ones did)."""
    from mtcheck.checker import selected_rules
    from mtcheck.languages import language_for
    from mtcheck.rules import all_rules

    notes = []
    for code in sorted(languages):
        language = language_for(code)
        if language.has_data and language.spaced:
            continue
        ran = {r.code for r in selected_rules(config, code)}
        skipped: dict[str, list[str]] = {}
        for r in all_rules():
            if r.code not in ran and config.selects(r, None):
                skipped.setdefault(r.__module__.rsplit(".", 1)[-1], []).append(r.code)
        reason = "no language data" if not language.has_data else "words not separated by spaces"
        if code == "und":  # langdetect.UNDETERMINED, not imported on the --lang path
            reason = "language not recognised (too short? set --lang or lang in the config)"
        if skipped:
            families = "; ".join(f"{family} {' '.join(codes)}" for family, codes in skipped.items())
            notes.append(f"note: {code}: {reason}, so these rules did not run: {families}")
    return notes


def cmd_fix(args) -> int:
    """Fix every input first, then write: an error in any input (bad JSON on its line 9,000, a
    language without data) stops the run before a single file is written, so a folder is never
    left half fixed. Before writing, every file to be replaced is checked to be the one read."""
    from mtcheck.io.writers import record_label
    from mtcheck.checker import fix_file

    config = _config(args)
    inputs = list(_read_all(args, config))
    if args.output and len(inputs) != 1:
        raise InputError("--output goes with exactly one input")
    results = [(inp, fix_file(inp, config, args.unsafe_fixes, args.lang, source, args.source_lang))
               for inp, source in inputs]
    changed_any, remaining_failing, fixed_count, revealed_count, writes = False, 0, 0, 0, []
    for inp, result in results:
        changed = result.text != inp.text
        changed_any |= changed
        fixed_count += len(result.applied)
        revealed_count += len(result.revealed)
        remaining_failing += sum(1 for f in result.remaining if f.severity.rank >= config.fail_on.rank)
        if args.explain:
            revealed = {id(f) for f in result.revealed}
            for f in result.applied:
                where = f"{inp.path}" + (f"[{record_label(f.record)}]" if f.record is not None else "")
                how = "fixed (found once earlier fixes were made)" if id(f) in revealed else "fixed"
                print(f"{where}:{f.line}:{f.column}: {f.code} {how}: {f.message}", file=sys.stderr)
        if args.diff:
            if changed:
                sys.stdout.writelines(_unified_diff(inp.text, result.text, inp.path))
        elif args.output:  # over the input itself (same file): guarded as an in-place fix
            same = inp.snapshot is not None and _same_file(args.output, inp.path)
            writes.append((args.output, inp.encode(result.text), inp.snapshot if same else None))
        elif inp.path == "-" or (args.stdin_filename and inp.path == args.stdin_filename):
            sys.stdout.buffer.write(inp.encode(result.text))
        elif changed:
            writes.append((inp.path, inp.encode(result.text), inp.snapshot))
    _write_all(writes)
    verb = "Would fix" if args.diff else "Fixed"
    # Check's "N fixable" counts the findings of the text as it is; a fix can make another (a
    # repaired `&quot;` next to a space), which a later pass fixes: those are said apart.
    revealed = f", {revealed_count} of them found once earlier fixes were made" if revealed_count else ""
    print(f"{verb} {fixed_count} finding(s){revealed}; {remaining_failing} remaining.", file=sys.stderr)
    if args.diff:
        return EXIT_FINDINGS if changed_any else EXIT_CLEAN
    return EXIT_FINDINGS if remaining_failing else EXIT_CLEAN


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # the output does not exist yet
        return False


def _write_all(writes: list) -> None:
    """Write (path, bytes, snapshot) in order, after checking that no file changed since it was
    read (a file that changed: nothing is written). A file that changes after this check and
    before its own write is refused alone; the files before it are written by then."""
    from mtcheck.io.files import FileChanged, check_unchanged

    for path, _, snapshot in writes:
        if snapshot is not None:
            try:
                check_unchanged(path, snapshot)
            except FileChanged as exc:
                raise InputError(f"{path}: changed while mtcheck ran ({exc}); nothing written, "
                                 f"run fix again") from None
    for n, (path, data, snapshot) in enumerate(writes):
        try:
            _write(path, data, snapshot)
        except InputError as exc:
            if not n:
                raise
            raise InputError(f"{exc} ({n} file(s) before it were written)") from None


def _unified_diff(old: str, new: str, path: str):
    """A unified diff that ``patch`` accepts: lines split at "\n" only (as GNU diff does), and a
    last line without a newline is followed by the "\\ No newline at end of file" marker, so
    that it does not run into the next line of the diff."""
    import difflib  # only for --diff

    for line in difflib.unified_diff(split_lines(old), split_lines(new), fromfile=path, tofile=path):
        yield line
        if not line.endswith("\n"):
            yield "\n\\ No newline at end of file\n"


def _write(path: str, data: bytes, snapshot=None) -> None:
    """write_atomic, with a failure (disk full, no permission, the file changed since it was
    read) said in one line naming the file."""
    from mtcheck.io.files import FileChanged, write_atomic

    try:
        write_atomic(path, data, snapshot)
    except FileChanged as exc:
        raise InputError(f"{path}: changed while mtcheck ran ({exc}); not written, run fix again") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None


def cmd_review(args) -> int:
    """Serve the review page until Ctrl-C (mtcheck/review/)."""
    from mtcheck.review.server import serve
    from mtcheck.review.session import Review

    config = _config(args)
    max_bytes = int(args.max_size * 1048576)
    source = read_input(args.source, "text", max_bytes).text if args.source else None
    review = Review(args.path, config, args.lang, source, args.source_lang, args.input_format, max_bytes)
    return serve(review, args.port, open_browser=not args.no_browser)


def _segments_input(path: str, max_bytes: int):
    """A translation or clean text as records: JSONL/TSV as they are, a text file one line each."""
    from mtcheck.io.readers import TEXT_KINDS, lines_as_records

    inp = read_input(path, None, max_bytes)
    return lines_as_records(inp) if inp.kind in TEXT_KINDS else inp


def _parallel_lines(path: str, count: int, max_bytes: int, what: str) -> list[str]:
    """One line per segment of ``what`` (references, sources), or a one-line error."""
    from mtcheck.io.readers import segment_lines

    lines = segment_lines(read_input(path, "text", max_bytes).text)
    if len(lines) != count:
        raise InputError(f"{path}: {len(lines)} line(s), {what} {count} segment(s)")
    return lines


def cmd_score(args) -> int:
    from mtcheck.scoring.metrics import CHRF_NOTE, ScoresUnavailable, fixed_variants, score_variants, segment_findings
    from mtcheck.scoring.signature import Signature

    config = _config(args)
    max_bytes = int(args.max_size * 1048576)
    inp = _segments_input(args.translation, max_bytes)
    if inp.kind not in ("lines", "jsonl", "tsv"):
        raise InputError(f"{inp.path}: score reads line-aligned text or JSONL/TSV records, not {inp.kind.upper()}")
    if not inp.records:
        raise InputError(f"{inp.path}: no segments to score")
    segments = [r.translation for r in inp.records]  # as checked; fixed_variants strips as sacrebleu does
    if args.reference:
        references = _parallel_lines(args.reference, len(segments), max_bytes, "the translation")
    else:
        missing = next((r for r in inp.records if not isinstance(r.fields.get("reference"), str)), None)
        if missing is not None:
            raise InputError(f"{inp.path}:{missing.line}: record has no string field 'reference' (or give --reference)")
        references = [r.fields["reference"].rstrip() for r in inp.records]
    source = read_input(args.source, "text", max_bytes).text if args.source else None
    by_segment = segment_findings(inp, config, args.lang, source, args.source_lang)
    try:
        rows = score_variants(fixed_variants(segments, by_segment), references, metrics=_split(args.metrics),
                              resamples=args.resamples, seed=args.seed, settings=Signature.of(config))
    except ScoresUnavailable as exc:
        raise InputError(str(exc)) from None
    except ValueError as exc:
        raise InputError(f"{inp.path}: {exc}") from None
    if args.output_format == "json":
        print(json.dumps({"version": 1, "scores": [r.to_dict() for r in rows]}, indent=2))
        return EXIT_CLEAN
    print(f"{inp.path}: {len(segments)} segments; paired bootstrap of {args.resamples} resamples, seed {args.seed}\n")
    print(f"{'metric':<7} {'variant':<12} {'score':>7} {'delta':>7}  95% interval")
    for r in rows:
        if r.delta is None:
            print(f"{r.metric:<7} {r.variant:<12} {r.score:>7.2f}")
            continue
        verdict = "" if r.significant else "  not significant"
        print(f"{r.metric:<7} {r.variant:<12} {r.score:>7.2f} {r.delta:>+7.2f}  [{r.ci[0]:+.2f}, {r.ci[1]:+.2f}]{verdict}")
    print()
    for name in dict.fromkeys(r.metric for r in rows):
        print(f"{name}: {next(r.signature for r in rows if r.metric == name)}")
    if "chrF" in {r.metric for r in rows}:
        print(f"\nNote: {CHRF_NOTE}")
    return EXIT_CLEAN


def cmd_bench(args) -> int:
    from mtcheck.scoring import bench, report
    from mtcheck.scoring.metrics import ScoresUnavailable

    config = _config(args)
    progress = None
    if sys.stderr.isatty():  # a bar on a terminal only: logs and CI stay clean
        from tqdm import tqdm

        progress = tqdm(desc="documents", unit="doc", file=sys.stderr)
    try:
        result = bench.run([Path(p) for p in args.corpora], config, args.lang, tuple(_split(args.metrics)),
                           args.resamples, args.seed, progress, workers=args.workers, scheduler=args.scheduler)
    except (ScoresUnavailable, ImportError) as exc:
        raise InputError(f"bench needs its extra: pip install 'mtcheck[report]' ({exc})") from None
    finally:
        if progress is not None:
            progress.close()
    for path in report.write(result, Path(args.out)):
        print(path)
    return EXIT_CLEAN


def cmd_corrupt(args) -> int:
    """One JSON line per (segment, category) that has a place for the corruption: the id, the
    category, the clean text, the corrupted ``text``, the gold ``start``/``end`` and ``fix``."""
    from mtcheck.synthetic.corrupt import CORRUPTORS, SOURCE_CATEGORIES, corrupt
    from mtcheck.languages import language_for, with_data

    lang = language_for(args.lang)  # a region's (pt-PT) quotes and separators in the corruptions
    if not lang.has_data:
        raise UnknownLanguage(f"no language data for {args.lang!r} (have: {', '.join(with_data())})")
    categories = _split(args.categories) or sorted(CORRUPTORS)
    unknown = [c for c in categories if c not in CORRUPTORS]
    if unknown:
        raise InputError(f"no corruptor for {', '.join(unknown)} (have: {', '.join(sorted(CORRUPTORS))})")
    max_bytes = int(args.max_size * 1048576)
    inp = _segments_input(args.input, max_bytes)
    sources = [r.fields.get("source") for r in inp.records]
    if args.source:
        sources = _parallel_lines(args.source, len(inp.records), max_bytes, "the clean text")
    for n, (record, source) in enumerate(zip(inp.records, sources)):
        for category in categories:
            c = corrupt(record.translation, category, lang, seed=args.seed * 1_000_003 + n,
                        source=source if category in SOURCE_CATEGORIES else None)
            if c is not None:
                print(json.dumps({"id": record.id, "clean": record.translation, **c.to_dict()}, ensure_ascii=False))
    return EXIT_CLEAN


def language_rows() -> list[dict]:
    """One row per language with data: what it has, and the rules that do not run on it."""
    from mtcheck.languages import language_for, with_data
    from mtcheck.rules import all_rules

    rows = []
    for code in with_data():
        language = language_for(code)
        rows.append({"code": code, "name": language.name, "script": language.script,
                     "spaced": language.spaced,
                     "lexicon": (language.folder / "lexicon.bin").exists(),
                     "casing": bool(len(language.casing)), "accents": bool(language.accents),
                     "rules": sum(r.applies_to(code) for r in all_rules()),
                     "not_run": [r.code for r in all_rules() if not r.applies_to(code)]})
    return rows


def cmd_languages(args) -> int:
    rows = language_rows()
    if args.output_format == "json":
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return EXIT_CLEAN
    yes = {True: "yes", False: "–"}
    if args.output_format == "markdown":
        print("| code | language | script | lexicon | casing data | accents | rules | rules that do not run |")
        print("|---|---|---|---|---|---|---:|---|")
        for r in rows:
            print(f"| {r['code']} | {r['name']} | {r['script']}{'' if r['spaced'] else ' (no spaces)'} | "
                  f"{yes[r['lexicon']]} | {yes[r['casing']]} | {yes[r['accents']]} | {r['rules']} | "
                  f"{' '.join(r['not_run']) or '–'} |")
        return EXIT_CLEAN
    print(f"{'code':<6} {'language':<22} {'script':<12} {'lexicon':<8} {'casing':<7} {'rules':>5}  not run")
    for r in rows:
        print(f"{r['code']:<6} {r['name']:<22} {r['script']:<12} {yes[r['lexicon']]:<8} {yes[r['casing']]:<7} "
              f"{r['rules']:>5}  {' '.join(r['not_run'])}")
    print("Any other language code is checked with the rules that need no language data "
          "(`mtcheck rules`: languages `any`).")
    return EXIT_CLEAN


def cmd_rules(args) -> int:
    from mtcheck.io.rule_docs import languages_of
    from mtcheck.languages import with_data
    from mtcheck.rules import all_rules

    rows = []
    for r in all_rules():
        rows.append({"code": r.code, "name": r.name, "category": r.category, "severity": r.severity.value,
                     "fix": r.fix_availability.value, "fix_applicability": r.fix_applicability.value,
                     "status": r.status.value, "added_in": r.added_in,
                     # what applies_to decides, over every language with data; "needs_data" false:
                     # the rule also runs on every language without data
                     "languages": [code for code in with_data() if r.applies_to(code)],
                     "needs_data": r.needs_language_data})
    if args.output_format == "json":
        print(json.dumps(rows, indent=2))
        return EXIT_CLEAN
    print(f"{'code':<6} {'name':<34} {'category':<26} {'severity':<8} {'fix':<9} languages")
    for r, row in zip(all_rules(), rows):
        print(f"{row['code']:<6} {row['name']:<34} {row['category']:<26} {row['severity']:<8} {row['fix']:<9} "
              f"{languages_of(r)}")
    return EXIT_CLEAN


def cmd_rule(args) -> int:
    from mtcheck.io.rule_docs import rule_page
    from mtcheck.rules import all_rules, get_rule

    try:
        r = get_rule(args.code)
    except KeyError:
        # A category is no rule, but says which rules to look at (`extra-space`: MT202, MT203…).
        of_category = [f"{r.code} {r.name}" for r in all_rules() if r.category == args.code.lower()]
        hint = f"; rules of the category {args.code.lower()}: {', '.join(of_category)}" if of_category else ""
        raise InputError(f"no rule {args.code!r} (see `mtcheck rules`){hint}") from None
    print(rule_page(r), end="")
    return EXIT_CLEAN


def cmd_lsp(args) -> int:
    """Serve until the editor says exit. pygls is imported here only: never by `check`."""
    try:
        from mtcheck.editor.server import serve
    except ImportError as exc:
        if exc.name not in ("pygls", "lsprotocol") and not (exc.name or "").startswith(("pygls.", "lsprotocol.")):
            raise
        print("mtcheck: error: the language server needs pygls (pip install 'mtcheck[lsp]')", file=sys.stderr)
        return EXIT_ERROR
    return serve()


def _model_unavailable() -> type:
    from mtcheck.model.tagger import ModelUnavailable  # no torch import: only when --model runs

    return ModelUnavailable


def said_in_one_line() -> tuple[type, ...]:
    """The errors that are a user's to fix (bad input, configuration, a missing extra): said
    as one line `mtcheck: error: …`, exit code 2, never a traceback."""
    return (InputError, ConfigError, UnknownLanguage, _model_unavailable())


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    handler = {"check": cmd_check, "fix": cmd_fix, "review": cmd_review, "score": cmd_score, "bench": cmd_bench,
               "corrupt": cmd_corrupt, "rules": cmd_rules, "rule": cmd_rule, "languages": cmd_languages,
               "lsp": cmd_lsp}[args.command]
    try:
        return handler(args)
    except said_in_one_line() as exc:
        print(f"mtcheck: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_CLEAN
    except OSError as exc:  # any other I/O failure: one line and exit 2, not a traceback
        print(f"mtcheck: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
