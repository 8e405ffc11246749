"""What ``fix`` writes: every byte it did not mean to change, never over a file that changed
under it, never half a file; and bad JSON types as one-line errors.

Run as a script for more kill trials than the suite does (figures in docs/benchmarks.md, "Fix under kill"):
``PYTHONPATH=. python tests/test_fix_writes.py 50``.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from cli_helpers import assert_one_line_error, run
from mtcheck.io.files import FileChanged, read_snapshot, write_atomic

pytestmark = pytest.mark.usefixtures("in_tmp")

MERGED = "They have disappearedin the city."
MERGED_FIXED = "They have disappeared in the city."
REPO = Path(__file__).resolve().parents[1]


def write(path, data: bytes | str) -> str:
    Path(path).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)


def read(path) -> bytes:
    return Path(path).read_bytes()


def fix(capsys, *args):
    return run(capsys, "fix", "--isolated", "--lang", "en", *args)


def temps(folder=".") -> list[str]:
    return sorted(n for n in os.listdir(folder) if n.endswith(".tmp"))


# -- JSONL lines are spliced, not re-serialised -------------------------------------------------


@pytest.mark.parametrize("line, fixed", [
    # numbers json.dumps would rewrite (1e400 → Infinity, which is not JSON), spacing, key order
    ('{"n": 1e400, "f":1.0e5 ,"translation" : "They have disappearedin the city."}',
     '{"n": 1e400, "f":1.0e5 ,"translation" : "They have disappeared in the city."}'),
    # escapes elsewhere in the string and in other fields stay as written
    ('{"src": "caf\\u00e9 \\/", "translation": "\\u00c9t\\u00e9: They have disappearedin the city."}',
     '{"src": "caf\\u00e9 \\/", "translation": "\\u00c9t\\u00e9: They have disappeared in the city."}'),
    # a duplicate key: json.loads keeps the last; the first stays in the file
    ('{"translation": "first copy", "translation": "They have disappearedin the city."}',
     '{"translation": "first copy", "translation": "They have disappeared in the city."}'),
], ids=["numbers-spacing", "escapes", "duplicate-key"])
def test_a_fixed_jsonl_line_changes_only_the_edited_characters(capsys, line, fixed):
    write("b.jsonl", line + "\n")
    rc, _, err = fix(capsys, "b.jsonl")
    assert rc == 0, err
    assert read("b.jsonl").decode() == fixed + "\n"


def test_new_characters_are_escaped_in_the_lines_style(capsys):
    # An ASCII-only line (json.dumps's default) stays ASCII: MT302 turns "&eacute;" into "é".
    line = '{"translation": "Caf&eacute; \\u00e9t\\u00e9 open."}\n'
    write("b.jsonl", line)
    rc, _, err = run(capsys, "fix", "--isolated", "--lang", "en", "--select", "MT302", "b.jsonl")
    assert rc == 0, err
    out = read("b.jsonl").decode()
    assert out.isascii() and out == line.replace("&eacute;", "\\u00e9")
    assert json.loads(out)["translation"] == "Café été open."


def test_a_lone_surrogate_escape_checks_and_fixes(capsys):
    line = '{"id": "a", "translation": "\\ud800 They have disappearedin the city."}\n'
    write("b.jsonl", line)
    rc, _, err = fix(capsys, "b.jsonl")
    assert rc in (0, 1), err  # the surrogate itself may be reported; no crash
    assert read("b.jsonl").decode() == line.replace("disappearedin", "disappeared in")


def test_a_tsv_with_a_repeated_translation_header_keeps_the_other_column(capsys):
    text = f"id\ttranslation\ttranslation\n1\tThe old text stays.\t{MERGED}\n"
    write("seg.tsv", text)
    rc, _, err = fix(capsys, "seg.tsv")
    assert rc == 0, err
    assert read("seg.tsv").decode() == text.replace(MERGED, MERGED_FIXED)


# -- XML inline elements are kept -------------------------------------------------------------

XLIFF1 = """<?xml version="1.0" encoding="utf-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a.txt" source-language="de" target-language="en" datatype="plaintext"><body>
    <trans-unit id="t1"><source>Wir gingen in die Stadt.</source>
      <target>We went <g id="1">to</g> to the city.</target></trans-unit>
  </body></file>
</xliff>
"""
XLIFF2 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="de" trgLang="en">
 <file id="f1"><unit id="u1"><segment><source>Wir gingen in die Stadt.</source>
  <target>We went <pc id="1">to</pc> to the city.</target></segment></unit></file>
</xliff>
"""


@pytest.mark.parametrize("text, element", [(XLIFF1, "g"), (XLIFF2, "pc")])
def test_a_repeated_word_fix_keeps_the_inline_element(capsys, text, element):
    pytest.importorskip("translate", reason="translate-toolkit (extra `formats`) is not installed")
    write("a.xlf", text)
    rc, _, err = run(capsys, "fix", "--isolated", "--select", "MT105", "a.xlf")
    assert rc == 0, err
    # The fix removes the second "to" (its own offsets); a diff would have emptied the element.
    assert read("a.xlf").decode() == text.replace(f"</{element}> to the", f"</{element}> the")


# -- bad JSON types: one line, exit 2 ---------------------------------------------------------


@pytest.mark.parametrize("fields, needles", [
    ('"source": 5', ["field 'source'", "a number"]),
    ('"source_lang": 7', ["field 'source_lang'"]),
    ('"target_lang": ["en"]', ["field 'target_lang'", "an array"]),
    ('"id": ' + "1" * 5000, ["field 'id'", "5000 digits"]),
    ('"id": {"a": 1}', ["field 'id'", "an object"]),
    ('"meta": ' + "[" * 100_000 + "]" * 100_000, ["field 'meta'", "nested too deeply"]),
], ids=["source", "source_lang", "target_lang", "long-id", "object-id", "deep"])
@pytest.mark.parametrize("command", ["check", "fix"])
def test_a_field_of_the_wrong_type_is_a_one_line_error(capsys, fields, needles, command):
    write("b.jsonl", '{"translation": "The ministry said so."}\n'
                     f'{{"translation": "{MERGED}", {fields}}}\n')
    rc, _, err = run(capsys, command, "--isolated", "--lang", "en", "b.jsonl")
    assert rc == 2
    assert_one_line_error(err, "b.jsonl:2:", *needles)


def test_a_long_number_in_a_field_mtcheck_does_not_read_is_kept(capsys):
    line = f'{{"n": {"9" * 5000}, "translation": "{MERGED}"}}\n'
    write("b.jsonl", line)
    rc, _, err = fix(capsys, "b.jsonl")
    assert rc == 0, err
    assert read("b.jsonl").decode() == line.replace(MERGED, MERGED_FIXED)


# -- links, modes, leftovers ------------------------------------------------------------------


def test_a_hard_link_stays_a_link(capsys):
    write("a.txt", MERGED + "\n")
    os.link("a.txt", "b.txt")
    os.chmod("a.txt", 0o640)
    rc, _, err = fix(capsys, "a.txt")
    assert rc == 0, err
    assert os.stat("a.txt").st_ino == os.stat("b.txt").st_ino
    assert read("b.txt") == (MERGED_FIXED + "\n").encode()
    assert os.stat("a.txt").st_mode & 0o777 == 0o640 and temps() == []


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_temp_file_left_by_a_killed_fix_is_removed_by_the_next(capsys):
    write("a.txt", MERGED + "\n")
    stale = f".a.txt.mtcheck-{_dead_pid()}-0badf00d.tmp"
    alive = f".a.txt.mtcheck-{os.getppid()}-0badf00d.tmp"  # a running process: not ours to remove
    other = ".a.txt.editor.tmp"  # not our naming
    for name in (stale, alive, other):
        write(name, "half")
    rc, _, err = fix(capsys, "a.txt")
    assert rc == 0, err
    assert temps() == sorted([alive, other])


# -- a file that changes while fix runs -------------------------------------------------------


def test_write_with_a_stale_snapshot_is_refused(tmp_path):
    write("a.txt", "old\n")
    _, snapshot = read_snapshot("a.txt")
    with open("a.txt", "ab") as fh:
        fh.write(b"appended\n")
    with pytest.raises(FileChanged):
        write_atomic("a.txt", b"new\n", snapshot)
    os.link("a.txt", "b.txt")  # the in-place path (a hard link) checks too
    with pytest.raises(FileChanged):
        write_atomic("a.txt", b"new\n", snapshot)
    assert read("a.txt") == b"old\nappended\n" and temps() == []


def test_same_size_rewrite_is_seen_by_the_hash(tmp_path):
    write("a.txt", "old\n")
    data, snapshot = read_snapshot("a.txt")
    st = os.stat("a.txt")
    write("a.txt", "odd\n")
    os.utime("a.txt", ns=(st.st_atime_ns, st.st_mtime_ns))  # same size, same time: only bytes differ
    with pytest.raises(FileChanged, match="content"):
        write_atomic("a.txt", b"new\n", snapshot)


def _append_during_fix(monkeypatch, path: str, text: bytes):
    """Append to ``path`` once the run has read it, as an editor saving would."""
    import mtcheck.checker

    real = mtcheck.checker.fix_file

    def fix_file(inp, *args, **kwargs):
        if inp.path == path:
            with open(path, "ab") as fh:
                fh.write(text)
        return real(inp, *args, **kwargs)

    monkeypatch.setattr(mtcheck.checker, "fix_file", fix_file)


def test_text_appended_during_fix_is_not_lost(capsys, monkeypatch):
    write("a.txt", MERGED + "\n")
    _append_during_fix(monkeypatch, "a.txt", b"Appended by an editor.\n")
    rc, _, err = fix(capsys, "a.txt")
    assert rc == 2
    assert_one_line_error(err, "a.txt", "changed while mtcheck ran")
    assert read("a.txt") == (MERGED + "\nAppended by an editor.\n").encode() and temps() == []


def test_output_over_the_input_itself_is_guarded_too(capsys, monkeypatch):
    write("a.txt", MERGED + "\n")
    _append_during_fix(monkeypatch, "a.txt", b"More.\n")
    rc, _, err = fix(capsys, "--output", "./a.txt", "a.txt")
    assert rc == 2, err
    assert read("a.txt") == (MERGED + "\nMore.\n").encode()


def test_a_folder_is_written_only_when_every_file_is_fine(capsys, monkeypatch):
    os.mkdir("d")
    write("d/a.txt", MERGED + "\n")
    write("d/b.txt", MERGED + "\n")
    _append_during_fix(monkeypatch, os.path.join("d", "b.txt"), b"More.\n")
    rc, _, err = fix(capsys, "d")
    assert rc == 2
    assert_one_line_error(err, "b.txt", "changed while mtcheck ran")
    assert read("d/a.txt") == (MERGED + "\n").encode()  # checked before any write: not written


def test_a_write_that_fails_late_says_what_was_written(capsys, monkeypatch):
    import mtcheck.io.files as files

    os.mkdir("d")
    write("d/a.txt", MERGED + "\n")
    write("d/b.txt", MERGED + "\n")
    real = files.os.replace

    def replace(src, dst):
        if str(dst).endswith("b.txt"):
            raise OSError(28, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(files.os, "replace", replace)
    rc, _, err = fix(capsys, "d")
    assert rc == 2
    assert_one_line_error(err, "b.txt", "No space left", "1 file(s) before it were written")
    assert read("d/a.txt") == (MERGED_FIXED + "\n").encode() and read("d/b.txt") == (MERGED + "\n").encode()
    assert temps("d") == []


def test_a_folder_with_a_failing_file_writes_none(capsys):
    os.mkdir("d")
    write("d/a.txt", MERGED + "\n")
    write("d/b.jsonl", f'{{"translation": "{MERGED}", "target_lang": "x!"}}\n')  # no language code
    rc, _, err = run(capsys, "fix", "--isolated", "d")
    assert rc == 2
    assert_one_line_error(err, "x!")
    assert read("d/a.txt") == (MERGED + "\n").encode()


def _cli(*args) -> list[str]:
    return [sys.executable, "-m", "mtcheck", *args]


def _env() -> dict:
    return dict(os.environ, PYTHONPATH=str(REPO))


def big_jsonl(path: str, n: int) -> bytes:
    lines = [json.dumps({"id": str(i), "translation": MERGED if i % 7 == 0 else "The ministry said so."}) + "\n"
             for i in range(n)]
    return write(path, "".join(lines)) and read(path)


def concurrent_trial(original: bytes, fixed: bytes, delay: float) -> str:
    """Run ``fix`` on b.jsonl while another process appends a line every few milliseconds,
    starting ``delay`` seconds in; say how it ended: "refused" (exit 2, the file is the original
    and every appended line), "fixed first" (exit 0, the fixed file and every line appended
    after it), or "LOST" (anything else: an appended line overwritten)."""
    write("b.jsonl", original)
    stop, appended = threading.Event(), []

    def appender():
        if stop.wait(delay):
            return
        n = 0
        while not stop.is_set():
            line = json.dumps({"id": f"new{n}", "translation": "The ministry said so."}) + "\n"
            with open("b.jsonl", "a") as fh:
                fh.write(line)
            appended.append(line)
            n += 1
            time.sleep(0.005)

    thread = threading.Thread(target=appender)
    thread.start()
    try:
        proc = subprocess.run(_cli("fix", "--isolated", "--lang", "en", "b.jsonl"), env=_env(),
                              capture_output=True, text=True, timeout=300)
    finally:
        stop.set()
        thread.join()
    tail = "".join(appended).encode()
    data = read("b.jsonl")
    if temps():
        return "LOST"  # a temporary file left by a run that ended normally
    if proc.returncode == 2 and "changed while mtcheck ran" in proc.stderr and data == original + tail:
        return "refused"
    if proc.returncode == 0 and data == fixed + tail:
        return "fixed first"
    return "LOST"


def _fixed_copy(original: bytes) -> bytes:
    write("c.jsonl", original)
    subprocess.run(_cli("fix", "--isolated", "--lang", "en", "c.jsonl"), env=_env(), check=True,
                   capture_output=True, timeout=300)
    return read("c.jsonl")


def test_a_concurrent_writer_is_never_overwritten(tmp_path):
    # Appends all through the run: the fix must be refused, every appended line kept.
    original = big_jsonl("b.jsonl", 3000)
    assert concurrent_trial(original, _fixed_copy(original), 0.0) == "refused"


def concurrent_trials(trials: int, seed: int = 3, lines: int = 3000) -> dict:
    """The appender starts at a random moment of the run (or after it)."""
    rng = random.Random(seed)
    original = big_jsonl("b.jsonl", lines)
    start = time.monotonic()
    fixed = _fixed_copy(original)
    whole = time.monotonic() - start
    counts = {"refused": 0, "fixed first": 0, "LOST": 0}
    for _ in range(trials):
        counts[concurrent_trial(original, fixed, rng.uniform(0, 1.5) * whole)] += 1
    return counts


# -- SIGKILL at random moments ----------------------------------------------------------------


def kill_trials(trials: int, seed: int = 1, lines: int = 3000) -> dict:
    """Run ``fix`` on a JSONL file and SIGKILL it at a random moment of its run, ``trials``
    times; count what each kill left. The moment is drawn over the time a whole run takes."""
    rng = random.Random(seed)
    original = big_jsonl("k.jsonl", lines)
    start = time.monotonic()
    subprocess.run(_cli("fix", "--isolated", "--lang", "en", "--output", "fixed.jsonl", "k.jsonl"),
                   env=_env(), check=True, capture_output=True, timeout=300)
    whole = time.monotonic() - start
    fixed = read("fixed.jsonl")
    assert fixed != original
    counts = {"original": 0, "fixed": 0, "other": 0, "temp left": 0, "temp removed by the next run": 0}
    for _ in range(trials):
        write("k.jsonl", original)
        proc = subprocess.Popen(_cli("fix", "--isolated", "--lang", "en", "k.jsonl"), env=_env(),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, 1.1) * whole)
        proc.kill()
        proc.wait()
        data = read("k.jsonl")
        counts["original" if data == original else "fixed" if data == fixed else "other"] += 1
        if temps():  # any naming: an older one was .k.jsonl.<random>.tmp
            counts["temp left"] += 1
            write("k.jsonl", original)
            subprocess.run(_cli("fix", "--isolated", "--lang", "en", "k.jsonl"), env=_env(),
                           capture_output=True, timeout=300)
            if not temps():
                counts["temp removed by the next run"] += 1
    return counts


def test_sigkill_leaves_the_original_or_the_fixed_file():
    counts = kill_trials(4, lines=1500)
    assert counts["other"] == 0, counts
    assert counts["temp left"] == counts["temp removed by the next run"], counts


def write_kill_trials(trials: int, seed: int = 2, size: int = 8 << 20) -> dict:
    """SIGKILL a process that replaces a file with write_atomic in a loop (two payloads of
    ``size`` bytes in turn): the kills land inside the write far more often than a whole fix run."""
    rng = random.Random(seed)
    a, b = b"a" * size, b"b" * size
    write("w.bin", a)
    loop = ("import sys; from mtcheck.io.files import write_atomic\n"
            f"a, b = b'a' * {size}, b'b' * {size}\n"
            "while True:\n    write_atomic('w.bin', b)\n    write_atomic('w.bin', a)\n")
    counts = {"whole": 0, "torn": 0, "temp left": 0, "temp removed by the next write": 0}
    for _ in range(trials):
        proc = subprocess.Popen([sys.executable, "-c", loop], env=_env())
        time.sleep(rng.uniform(0.3, 1.0))
        proc.kill()
        proc.wait()
        data = read("w.bin")
        counts["whole" if data in (a, b) else "torn"] += 1
        if temps():
            counts["temp left"] += 1
            write_atomic("w.bin", a)
            if not temps():
                counts["temp removed by the next write"] += 1
    return counts


def test_sigkill_during_writes_never_tears_the_file():
    counts = write_kill_trials(5)
    assert counts["torn"] == 0, counts
    assert counts["temp left"] == counts["temp removed by the next write"], counts


if __name__ == "__main__":  # more trials, for figures: python tests/test_fix_writes.py 50
    import tempfile

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    os.chdir(tempfile.mkdtemp())
    print("fix killed at random:", kill_trials(n))
    print("write_atomic killed at random:", write_kill_trials(n))
    print("an appender starting at random:", concurrent_trials(n))
