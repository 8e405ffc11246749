"""Bad input and faithful round trips, through the command line (in process).

Every test runs in its own temporary directory (``monkeypatch.chdir``) so that no
configuration file of the repository is picked up; ``--isolated`` is passed as well.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import stat
import sys
import time

import pytest

from cli_helpers import assert_one_line_error, run
from mtcheck.cli import main

MERGED = "They have disappearedin the city.\n"
MERGED_FIXED = "They have disappeared in the city.\n"
CLEAN = "The ministry said the soldiers left the city on Monday.\n"


# Each test runs in its own empty folder, with colour settings of the environment cleared.
pytestmark = pytest.mark.usefixtures("in_tmp")


def check_json(capsys, *args):
    """``check --format json`` → (exit code, parsed output)."""
    rc, out, err = run(capsys, "check", "--isolated", "--lang", "en", "--format", "json", *args)
    assert rc in (0, 1), err
    return rc, json.loads(out)


def write(path, data: bytes | str):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(path, "wb") as fh:
        fh.write(data)
    return path


def read(path) -> bytes:
    with open(path, "rb") as fh:
        return fh.read()


def feed_stdin(monkeypatch, data: bytes):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


# -- undecodable and unreadable input -------------------------------------------------------


@pytest.mark.parametrize("data", [
    b"The ministry said so.\nThe city \xff fell.\n",  # a stray byte
    "The ministry said so.\nThe café fell.\n".encode("latin-1"),  # another encoding
], ids=["stray-byte", "latin-1"])
def test_invalid_utf8_is_a_one_line_error_naming_the_file(capsys, data):
    write("bad.txt", data)
    rc, out, err = run(capsys, "check", "--isolated", "--lang", "en", "bad.txt")
    assert rc == 2
    assert out == ""
    assert_one_line_error(err, "bad.txt", "UTF-8", "line 2")


def test_invalid_utf8_in_a_directory_stops_the_run_with_exit_2(capsys, tmp_path):
    (tmp_path / "d").mkdir()
    write("d/good.txt", CLEAN)
    write("d/bad.txt", b"caf\xe9\n")
    rc, _, err = run(capsys, "check", "--isolated", "--lang", "en", "d")
    assert rc == 2
    assert_one_line_error(err, "bad.txt")


def test_binary_file_with_nul_bytes_is_rejected(capsys):
    write("blob.txt", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;" + bytes(range(256)))
    rc, out, err = run(capsys, "check", "--isolated", "--lang", "en", "blob.txt")
    assert rc == 2
    assert_one_line_error(err, "blob.txt", "binary")


def test_nul_bytes_in_otherwise_valid_utf8_are_rejected_too(capsys):
    write("nul.txt", b"The ministry\x00said so.\n")
    rc, _, err = run(capsys, "check", "--isolated", "--lang", "en", "nul.txt")
    assert rc == 2
    assert_one_line_error(err, "nul.txt")


def test_utf16_file_is_rejected_with_a_hint(capsys):
    write("u16.txt", "The ministry said so.\n".encode("utf-16"))
    rc, _, err = run(capsys, "check", "--isolated", "--lang", "en", "u16.txt")
    assert rc == 2
    assert_one_line_error(err, "u16.txt", "UTF-16")


def test_missing_file_is_exit_2_naming_it(capsys):
    rc, out, err = run(capsys, "check", "--isolated", "--lang", "en", "nowhere.txt")
    assert rc == 2
    assert out == ""
    assert_one_line_error(err, "nowhere.txt")


def test_missing_file_among_good_ones_is_still_exit_2(capsys):
    write("good.txt", MERGED)
    rc, _, err = run(capsys, "check", "--isolated", "--lang", "en", "good.txt", "nowhere.txt")
    assert rc == 2
    assert_one_line_error(err, "nowhere.txt")


@pytest.mark.parametrize("name", ["empty.txt", "empty.md", "empty.jsonl", "empty.tsv"])
def test_empty_file_is_clean(capsys, name):
    write(name, b"")
    rc, data = check_json(capsys, name)
    assert rc == 0
    assert data["findings"] == []
    assert data["summary"]["files"] == 1


def test_empty_file_without_lang_needs_no_detection(capsys):
    write("empty.txt", b"")
    rc, out, err = run(capsys, "check", "--isolated", "--format", "json", "empty.txt")
    assert rc == 0, err
    assert json.loads(out)["findings"] == []


def test_fix_on_empty_file_leaves_it_empty(capsys):
    write("empty.txt", b"")
    rc, _, _ = run(capsys, "fix", "--isolated", "--lang", "en", "empty.txt")
    assert rc == 0
    assert read("empty.txt") == b""


# -- directories -------------------------------------------------------------------------


def test_directory_checks_txt_and_md_inside_and_skips_the_rest(capsys, tmp_path):
    (tmp_path / "docs" / "sub").mkdir(parents=True)
    (tmp_path / "docs" / ".hidden").mkdir()
    write("docs/a.txt", MERGED)
    write("docs/sub/b.md", "# Title\n\nThe  ministry said so.\n")
    # None of these may be read: each would be an error or a finding if it were.
    write("docs/image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write("docs/notes.json", b'{"translation": "caf\xe9"}')
    write("docs/.hidden/c.txt", MERGED)
    rc, data = check_json(capsys, "docs")
    assert rc == 1
    by_path = {(os.path.normpath(f["path"]), f["code"]) for f in data["findings"]}
    assert by_path == {(os.path.join("docs", "a.txt"), "MT101"),
                       (os.path.join("docs", "sub", "b.md"), "MT203")}
    assert data["summary"]["files"] == 2


def test_directory_with_nothing_checkable_is_clean(capsys, tmp_path):
    (tmp_path / "assets").mkdir()
    write("assets/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    write("assets/data.csv", b"a,b\n1,2\n")
    rc, data = check_json(capsys, "assets")
    assert rc == 0
    assert data["findings"] == []
    assert data["summary"]["files"] == 0


# -- size limit --------------------------------------------------------------------------


def _sparse(path, size: int, head: bytes = b"The ministry said so.\n"):
    with open(path, "wb") as fh:
        fh.write(head)
        fh.truncate(size)


def test_file_over_the_default_limit_is_refused_quickly(capsys):
    _sparse("huge.txt", 101 * 1024 * 1024)
    t0 = time.monotonic()
    rc, out, err = run(capsys, "check", "--isolated", "--lang", "en", "huge.txt")
    elapsed = time.monotonic() - t0
    assert rc == 2
    assert out == ""
    assert_one_line_error(err, "huge.txt", "limit", "50 MB", "--max-size")
    assert elapsed < 2.0  # refused from its size, never read


def test_file_over_an_explicit_max_size_is_refused(capsys):
    _sparse("big.txt", 2 * 1024 * 1024 + 10)
    rc, _, err = run(capsys, "check", "--isolated", "--lang", "en", "--max-size", "1", "big.txt")
    assert rc == 2
    assert_one_line_error(err, "big.txt", "1 MB", "limit")


def test_fix_refuses_an_oversize_file_and_leaves_it_alone(capsys):
    _sparse("big.txt", 2 * 1024 * 1024, head=MERGED.encode())
    before = os.stat("big.txt")
    rc, _, err = run(capsys, "fix", "--isolated", "--lang", "en", "--max-size", "1", "big.txt")
    assert rc == 2
    assert_one_line_error(err, "big.txt", "limit")
    after = os.stat("big.txt")
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (before.st_size, before.st_mtime_ns, before.st_ino)


def test_max_size_zero_means_no_limit(capsys):
    write("two_kb.txt", CLEAN * 40)
    assert os.path.getsize("two_kb.txt") > 2000
    rc, data = check_json(capsys, "--max-size", "0", "two_kb.txt")
    assert rc == 0
    assert data["findings"] == []


def test_stdin_over_max_size_is_refused(capsys, monkeypatch):
    feed_stdin(monkeypatch, CLEAN.encode() * 40)
    rc, _, err = run(capsys, "check", "--isolated", "--lang", "en", "--max-size", "0.001", "-")
    assert rc == 2
    assert_one_line_error(err, "limit")


def test_size_error_states_a_fractional_limit_correctly(capsys):
    write("two_kb.txt", CLEAN * 40)
    rc, _, err = run(capsys, "check", "--isolated", "--lang", "en", "--max-size", "0.001", "two_kb.txt")
    assert rc == 2
    assert "limit" in err
    assert "0 MB limit" not in err  # the limit is 0.001 MB (1048 bytes), not 0


# -- line endings, BOM, byte-exact fixes ------------------------------------------------------


CRLF = b"They have disappearedin the city.\r\nSecond line is fine here.\r\n80 injuredThey left.\r\n"


def test_crlf_offsets_lines_and_columns(capsys):
    write("crlf.txt", CRLF)
    text = CRLF.decode()
    _, data = check_json(capsys, "crlf.txt")
    got = [(f["code"], f["line"], f["column"], text[f["start"]:f["end"]]) for f in data["findings"]]
    assert got == [("MT101", 1, 11, "disappearedin"), ("MT102", 3, 4, "injuredThey")]
    # "\r" is counted as a character of line 1 and 2: line 3 starts at 35 + 27
    assert data["findings"][1]["start"] == 62 + 3


def test_fix_keeps_crlf_and_changes_only_the_edited_spans(capsys):
    write("crlf.txt", CRLF)
    rc, _, _ = run(capsys, "fix", "--isolated", "--lang", "en", "crlf.txt")
    assert rc == 0
    assert read("crlf.txt") == (b"They have disappeared in the city.\r\nSecond line is fine here.\r\n"
                                b"80 injured. They left.\r\n")


def test_bom_is_not_counted_in_offsets(capsys):
    write("bom.txt", b"\xef\xbb\xbf" + MERGED.encode())
    _, data = check_json(capsys, "bom.txt")
    (f,) = data["findings"]
    assert (f["start"], f["end"], f["line"], f["column"]) == (10, 23, 1, 11)
    assert f["fixes"][0]["edits"] == [{"start": 21, "end": 21, "replacement": " "}]


def test_fix_keeps_the_bom(capsys):
    write("bom.txt", b"\xef\xbb\xbf" + MERGED.encode())
    rc, _, _ = run(capsys, "fix", "--isolated", "--lang", "en", "bom.txt")
    assert rc == 0
    assert read("bom.txt") == b"\xef\xbb\xbf" + MERGED_FIXED.encode()


def test_fix_keeps_bom_and_crlf_together(capsys):
    write("both.txt", b"\xef\xbb\xbf" + CRLF)
    run(capsys, "fix", "--isolated", "--lang", "en", "both.txt")
    assert read("both.txt") == (b"\xef\xbb\xbfThey have disappeared in the city.\r\n"
                                b"Second line is fine here.\r\n80 injured. They left.\r\n")


def test_fix_changes_no_byte_outside_the_fixed_spans(capsys):
    original = ("Zoë and the mayor’s café stayed open.\n"
                "They have disappearedin the city. The  ministry spoke.\n"
                "80 injuredThey left the town.\n")
    write("mixed.txt", original)
    rc, _, err = run(capsys, "fix", "--isolated", "--lang", "en", "mixed.txt")
    assert rc == 0, err
    expected = (b"Zo\xc3\xab and the mayor\xe2\x80\x99s caf\xc3\xa9 stayed open.\n"
                b"They have disappeared in the city. The ministry spoke.\n"
                b"80 injured. They left the town.\n")
    assert read("mixed.txt") == expected


def test_fix_without_findings_does_not_rewrite_the_file(capsys):
    write("clean.txt", CLEAN)
    before = os.stat("clean.txt")
    rc, _, _ = run(capsys, "fix", "--isolated", "--lang", "en", "clean.txt")
    assert rc == 0
    after = os.stat("clean.txt")
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert read("clean.txt") == CLEAN.encode()


def test_fix_output_writes_a_copy_and_leaves_the_input(capsys):
    write("in.txt", MERGED)
    rc, _, _ = run(capsys, "fix", "--isolated", "--lang", "en", "--output", "out.txt", "in.txt")
    assert rc == 0
    assert read("in.txt") == MERGED.encode()
    assert read("out.txt") == MERGED_FIXED.encode()


def test_fix_diff_writes_nothing(capsys, tmp_path):
    write("in.txt", MERGED)
    rc, out, _ = run(capsys, "fix", "--isolated", "--lang", "en", "--diff", "in.txt")
    assert rc == 1
    assert "-They have disappearedin the city.\n" in out
    assert "+They have disappeared in the city.\n" in out
    assert read("in.txt") == MERGED.encode()
    assert sorted(os.listdir(tmp_path)) == ["in.txt"]


# -- atomic writes -------------------------------------------------------------------------


def test_failed_replace_leaves_original_and_no_temp_file(capsys, monkeypatch, tmp_path):
    import mtcheck.io.files as files

    write("a.txt", MERGED)
    before = sorted(os.listdir(tmp_path))

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as m, contextlib.suppress(OSError):  # the CLI's report: below
        m.setattr(files.os, "replace", boom)
        main(["fix", "--isolated", "--lang", "en", "a.txt"])
    capsys.readouterr()
    assert read("a.txt") == MERGED.encode()
    assert sorted(os.listdir(tmp_path)) == before


def test_failed_write_is_a_one_line_error(capsys, monkeypatch):
    import mtcheck.io.files as files

    write("a.txt", MERGED)

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", boom)
    try:
        rc = main(["fix", "--isolated", "--lang", "en", "a.txt"])
    except OSError:
        rc = "traceback"
    _, err = capsys.readouterr()
    assert rc == 2
    assert_one_line_error(err, "a.txt")


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o755])
def test_fix_preserves_permission_bits(capsys, mode):
    write("a.txt", MERGED)
    os.chmod("a.txt", mode)
    rc, _, _ = run(capsys, "fix", "--isolated", "--lang", "en", "a.txt")
    assert rc == 0
    assert read("a.txt") == MERGED_FIXED.encode()
    assert stat.S_IMODE(os.stat("a.txt").st_mode) == mode


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_fix_through_a_symlink_fixes_the_target_and_keeps_the_link(capsys):
    write("real.txt", MERGED)
    os.symlink("real.txt", "link.txt")
    rc, _, _ = run(capsys, "fix", "--isolated", "--lang", "en", "link.txt")
    assert rc == 0
    assert os.path.islink("link.txt")
    assert read("real.txt") == MERGED_FIXED.encode()


# -- standard input ------------------------------------------------------------------------


def test_stdin_check_reports_path_dash(capsys, monkeypatch):
    feed_stdin(monkeypatch, MERGED.encode())
    rc, data = check_json(capsys, "-")
    assert rc == 1
    (f,) = data["findings"]
    assert (f["path"], f["code"], f["start"], f["end"]) == ("-", "MT101", 10, 23)


def test_stdin_fix_writes_the_fixed_text_to_stdout(capsysbinary, monkeypatch, tmp_path):
    feed_stdin(monkeypatch, b"\xef\xbb\xbf" + CRLF)
    rc = main(["fix", "--isolated", "--lang", "en", "-"])
    out, err = capsysbinary.readouterr()
    assert rc == 0
    assert out == (b"\xef\xbb\xbfThey have disappeared in the city.\r\nSecond line is fine here.\r\n"
                   b"80 injured. They left.\r\n")
    assert os.listdir(tmp_path) == []  # no file named "-" or anything else


def test_stdin_fix_with_stdin_filename_uses_its_format(capsysbinary, monkeypatch, tmp_path):
    lines = ['{"id": "r1", "translation": "They have disappearedin the city.", "n": 1}\n',
             '{"id":"r2","translation":"The ministry said so."}\n']
    feed_stdin(monkeypatch, "".join(lines).encode())
    rc = main(["fix", "--isolated", "--lang", "en", "--stdin-filename", "batch.jsonl", "-"])
    out, _ = capsysbinary.readouterr()
    assert rc == 0
    got = out.decode().splitlines(keepends=True)
    assert json.loads(got[0]) == {"id": "r1", "translation": "They have disappeared in the city.", "n": 1}
    assert got[1] == lines[1]
    assert os.listdir(tmp_path) == []


def test_stdin_invalid_utf8_is_exit_2(capsys, monkeypatch):
    feed_stdin(monkeypatch, b"caf\xe9\n")
    rc, _, err = run(capsys, "check", "--isolated", "--lang", "en", "-")
    assert rc == 2
    assert_one_line_error(err, "UTF-8")


# -- JSONL ---------------------------------------------------------------------------------


def test_jsonl_record_without_translation_names_its_line(capsys):
    write("batch.jsonl", '{"id": "1", "translation": "The ministry said so."}\n'
                         '\n'
                         '{"id": "2", "target": "They left."}\n')
    rc, out, err = run(capsys, "check", "--isolated", "--lang", "en", "batch.jsonl")
    assert rc == 2
    assert out == ""
    assert_one_line_error(err, "batch.jsonl:3", "translation")


@pytest.mark.parametrize("line", [
    '{"id": "2", "translation": 42}',  # not a string
    '["a", "list"]',  # not an object
])
def test_jsonl_record_of_the_wrong_shape_is_exit_2(capsys, line):
    write("batch.jsonl", '{"id": "1", "translation": "The ministry said so."}\n' + line + "\n")
    rc, _, err = run(capsys, "check", "--isolated", "--lang", "en", "batch.jsonl")
    assert rc == 2
    assert_one_line_error(err, "batch.jsonl:2")


def test_jsonl_invalid_json_line_is_exit_2_with_line_number(capsys):
    write("batch.jsonl", '{"id": "1", "translation": "The ministry said so."}\n'
                         '{"id": "2", "translation": "They left.",\n')
    rc, _, err = run(capsys, "check", "--isolated", "--lang", "en", "batch.jsonl")
    assert rc == 2
    assert_one_line_error(err, "batch.jsonl:2", "JSON")


def test_jsonl_findings_carry_record_id_and_file_line(capsys):
    write("batch.jsonl", '{"id": "a", "translation": "The ministry said so."}\n'
                         '\n'
                         '{"id": "b", "translation": "They have disappearedin the city."}\n'
                         '{"translation": "80 injuredThey left."}\n')
    _, data = check_json(capsys, "batch.jsonl")
    got = [(f["record"], f["line"], f["column"], f["start"], f["end"], f["code"]) for f in data["findings"]]
    assert ("b", 3, 11, 10, 23, "MT101") in got
    assert ("line 4", 4, 4, 3, 14, "MT102") in got  # no id: the record is named by its line
    assert len(got) == 2


def test_jsonl_fix_output_keeps_other_lines_and_fields(capsys):
    lines = [
        '{"id":"a","translation":"The ministry said so.","source":"Le minist\\u00e8re l\'a dit.","meta":{"k":[1, 2]}}\n',
        '\n',
        '{"id": "b", "source": "Ils se sont rendus dans la ville.", "translation": "They have disappearedin the city.", '
        '"meta": {"score": 0.5, "tags": ["news", "fr-en"]}, "target_lang": "en"}\n',
        '{ "id" : "c" , "translation" : "Nothing   wrong?\\u00a0No." , "extra" : null }\n',
        '{"id": "d", "translation": "80 injuredThey left.", "meta": {"nested": {"deep": [true, false]}}}\n',
    ]
    # line 4 has a finding (spaces) only with extra-space on: keep it out of the way
    write("batch.jsonl", "".join(lines))
    original = read("batch.jsonl")
    rc, _, err = run(capsys, "fix", "--isolated", "--lang", "en", "--ignore", "extra-space",
                     "--output", "out.jsonl", "batch.jsonl")
    assert rc == 0, err
    assert read("batch.jsonl") == original
    out = read("out.jsonl").decode().splitlines(keepends=True)
    assert len(out) == len(lines)
    for i in (0, 1, 3):
        assert out[i] == lines[i], i
    for i, fixed in ((2, "They have disappeared in the city."), (4, "80 injured. They left.")):
        before, after = json.loads(lines[i]), json.loads(out[i])
        assert list(after) == list(before)  # same keys, same order
        assert after == dict(before, translation=fixed)
        assert out[i].endswith("\n") and not out[i].endswith("\n\n")


def test_jsonl_fix_keeps_bom_and_crlf(capsys):
    data = ('\ufeff{"id": "a", "translation": "The ministry said so."}\r\n'
            '{"id": "b", "translation": "They have disappearedin the city."}\r\n').encode()
    write("batch.jsonl", data)
    rc, _, _ = run(capsys, "fix", "--isolated", "--lang", "en", "batch.jsonl")
    assert rc == 0
    got = read("batch.jsonl")
    assert got.startswith(b'\xef\xbb\xbf{"id": "a", "translation": "The ministry said so."}\r\n')
    assert got.endswith(b"\r\n") and got.count(b"\r\n") == 2 and got.count(b"\n") == 2
    assert json.loads(got.decode("utf-8-sig").splitlines()[1])["translation"] == "They have disappeared in the city."


@pytest.mark.parametrize("sep", ["\u2028", "\u2029", "\x85"], ids=["LS", "PS", "NEL"])
def test_jsonl_line_separator_inside_a_string_is_not_a_line_break(capsys, sep):
    records = [{"id": "a", "translation": f"The first part.{sep}They have disappearedin the city."},
               {"id": "b", "translation": "The ministry said so."}]
    write("batch.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    rc, out, err = run(capsys, "check", "--isolated", "--lang", "en", "--format", "json", "batch.jsonl")
    assert rc == 1, err
    findings = json.loads(out)["findings"]
    # (NEL may also be reported as an invisible or mis-decoded character: that is fine)
    assert ("a", 1, "MT101", 26) in [(f["record"], f["line"], f["code"], f["start"]) for f in findings]
    assert {f["record"] for f in findings} == {"a"}


def test_jsonl_fix_with_repeated_ids_in_one_document_fixes_only_the_right_record(capsys):
    lines = ['{"id": "1", "doc_id": "d", "translation": "The ministry said so."}\n',
             '{"id": "1", "doc_id": "d", "translation": "They have disappearedin the city."}\n']
    write("batch.jsonl", "".join(lines))
    run(capsys, "fix", "--isolated", "--lang", "en", "--output", "out.jsonl", "batch.jsonl")
    out = read("out.jsonl").decode().splitlines(keepends=True)
    assert out[0] == lines[0]
    assert json.loads(out[1])["translation"] == "They have disappeared in the city."


# -- documents across records ----------------------------------------------------------------


def _quote_records(doc_id: bool, source: bool = True) -> str:
    """A quotation opened in one sentence and closed in the next; the sources (when given) hold
    no quote marks, so each translation alone is unbalanced against its source."""
    rows = [("1", "“In the last hours, they left.", "En las últimas horas se fueron."),
            ("2", "The city fell to the army,” he said.", "La ciudad cayó en manos del ejército, dijo.")]
    out = []
    for i, translation, src in rows:
        record = {"id": i, "translation": translation}
        if doc_id:
            record["doc_id"] = "article-7"
        if source:
            record["source"] = src
        out.append(json.dumps(record, ensure_ascii=False) + "\n")
    return "".join(out)


def test_quote_opened_and_closed_across_records_of_one_doc_id_is_balanced(capsys):
    write("batch.jsonl", _quote_records(doc_id=True))
    rc, data = check_json(capsys, "batch.jsonl")
    assert rc == 0
    assert data["findings"] == []


def test_quote_across_records_without_doc_id_is_flagged_in_each(capsys):
    write("batch.jsonl", _quote_records(doc_id=False))
    rc, data = check_json(capsys, "batch.jsonl")
    assert rc == 1
    got = [(f["record"], f["line"], f["code"], f["start"]) for f in data["findings"]]
    closing = "The city fell to the army,” he said.".index("”")
    assert got == [("1", 1, "MT205", 0), ("2", 2, "MT205", closing)]


def test_lone_records_without_source_may_quote_across_sentences(capsys):
    """Without doc_id and source, the sentences around a record are unknown: a quotation may
    open before it or close after it, so its quote marks are not judged."""
    aside = json.dumps({"id": "3", "translation": "(Some of them were blindfolded."}) + "\n"
    write("batch.jsonl", _quote_records(doc_id=False, source=False) + aside)
    rc, data = check_json(capsys, "batch.jsonl")
    assert rc == 0
    assert data["findings"] == []
    # The same aside inside a text file is a whole document: its bracket is never closed.
    write("aside.txt", "(Some of them were blindfolded.\n")
    _, data = check_json(capsys, "aside.txt")
    assert [f["code"] for f in data["findings"]] == ["MT206"]


def test_a_record_that_is_a_site_prompt_is_flagged_whole_with_an_unsafe_fix(capsys):
    lines = [{"id": "1", "doc_id": "d", "translation": "The talks resumed."},
             {"id": "2", "doc_id": "d", "translation": "(Also read: Talks resume in Geneva)"}]
    write("batch.jsonl", "".join(json.dumps(r) + "\n" for r in lines))
    _, data = check_json(capsys, "batch.jsonl")
    (found,) = [f for f in data["findings"] if f["code"] == "MT501"]
    assert (found["record"], found["start"], found["end"]) == ("2", 0, len(lines[1]["translation"]))
    assert [fix["applicability"] for fix in found["fixes"]] == ["unsafe"]


def test_records_with_different_doc_ids_are_separate_documents(capsys):
    lines = [{"id": "1", "doc_id": "x", "translation": "“In the last hours, they left."},
             {"id": "2", "doc_id": "y", "translation": "The city fell to the army,” he said."},
             {"id": "3", "doc_id": "y", "translation": "Nothing else was said."}]
    write("batch.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines))
    _, data = check_json(capsys, "batch.jsonl")
    # "x" is one record alone (its quotation may go on); "y" is a document of two records
    # whose closing mark has no opening one.
    assert [f["record"] for f in data["findings"]] == ["2"]


# -- TSV -----------------------------------------------------------------------------------


def test_tsv_findings_and_fix_round_trip(capsys):
    tsv = ("id\ttranslation\tnote\n"
           "s1\tThe ministry said so.\tchecked by \"A\"\n"
           "s2\tThey have disappearedin the city.\tx, y\n"
           "s3\t80 injuredThey left.\t\n")
    write("seg.tsv", tsv)
    _, data = check_json(capsys, "seg.tsv")
    got = [(f["record"], f["line"], f["column"], f["code"]) for f in data["findings"]]
    assert got == [("s2", 3, 11, "MT101"), ("s3", 4, 4, "MT102")]
    rc, _, _ = run(capsys, "fix", "--isolated", "--lang", "en", "--output", "out.tsv", "seg.tsv")
    assert rc == 0
    assert read("seg.tsv") == tsv.encode()
    assert read("out.tsv") == ("id\ttranslation\tnote\n"
                               "s1\tThe ministry said so.\tchecked by \"A\"\n"
                               "s2\tThey have disappeared in the city.\tx, y\n"
                               "s3\t80 injured. They left.\t\n").encode()


def test_tsv_minimal_header_in_place_fix_with_crlf(capsys):
    write("seg.tsv", b"id\ttranslation\r\n1\tThey have disappearedin the city.\r\n2\tThe ministry said so.\r\n")
    rc, _, _ = run(capsys, "fix", "--isolated", "--lang", "en", "seg.tsv")
    assert rc == 0
    assert read("seg.tsv") == (b"id\ttranslation\r\n1\tThey have disappeared in the city.\r\n"
                               b"2\tThe ministry said so.\r\n")


def test_tsv_without_translation_column_is_exit_2(capsys):
    write("seg.tsv", "id\ttarget\n1\tThe ministry said so.\n")
    rc, _, err = run(capsys, "check", "--isolated", "--lang", "en", "seg.tsv")
    assert rc == 2
    assert_one_line_error(err, "seg.tsv:1", "translation")


def test_tsv_row_with_wrong_column_count_names_its_line(capsys):
    write("seg.tsv", "id\ttranslation\n1\tThe ministry said so.\n2\tThey left.\textra\n")
    rc, _, err = run(capsys, "check", "--isolated", "--lang", "en", "seg.tsv")
    assert rc == 2
    assert_one_line_error(err, "seg.tsv:3")


def test_tsv_line_separator_inside_a_field_is_not_a_row_break(capsys):
    write("seg.tsv", "id\ttranslation\n1\tThe first part.\u2028They have disappearedin the city.\n")
    rc, out, err = run(capsys, "check", "--isolated", "--lang", "en", "--format", "json", "seg.tsv")
    assert rc == 1, err
    (f,) = json.loads(out)["findings"]
    assert (f["record"], f["line"], f["code"]) == ("1", 2, "MT101")


def test_every_utf8_text_read_in_a_repaired_code_page_shows_a_mojibake_pair():
    """MT301 skips ftfy for text without a lead/continuation pair: that must never skip real
    mojibake, whatever the text and the code page it was misread in."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from mtcheck.rules.encoding import CODE_PAGES, mojibake_pair, sloppy_decode

    @settings(max_examples=300, deadline=None)
    @given(st.text(min_size=1, max_size=30).filter(lambda t: not t.isascii()), st.sampled_from(CODE_PAGES))
    def check(text, codec):
        garbled = sloppy_decode(text.encode("utf-8"), codec)
        assert mojibake_pair().search(garbled)
        assert mojibake_pair().search(garbled.replace("\xa0", " "))

    check()
