"""Output formats, exit codes and configuration, through the command line (in process).

Every test runs in its own temporary directory (``monkeypatch.chdir``) so that no
configuration file of the repository is picked up; tests that are not about configuration
pass ``--isolated`` as well.
"""

from __future__ import annotations

import json
import re

import pytest

from cli_helpers import assert_one_line_error, run
from mtcheck.cli import main
from mtcheck.rules import all_rules

MERGED = "They have disappearedin the city.\n"
CLEAN = "The ministry said the soldiers left the city on Monday.\n"
# One major (MT101), one minor with a fix (MT203), one minor without a fix (MT205).
THREE = "They have disappearedin the  city.\n\n“In the last hours, they left.\n"
FINDING_KEYS = {"path", "record", "line", "column", "start", "end", "code", "category", "severity",
                "message", "fixes"}


# Each test runs in its own empty folder, with colour settings of the environment cleared.
pytestmark = pytest.mark.usefixtures("in_tmp")


def write(path, text: str):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
    return path


def findings_of(capsys, *args):
    """(exit code, JSON findings) of ``check --format json``; no --isolated, no --lang added."""
    rc, out, err = run(capsys, "check", "--format", "json", *args)
    assert rc in (0, 1), err
    return rc, json.loads(out)["findings"]


def codes_of(capsys, *args):
    return {f["code"] for f in findings_of(capsys, *args)[1]}


def line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


# -- JSON ----------------------------------------------------------------------------------


def test_json_contract_keys_and_types(capsys):
    write("a.txt", THREE)
    rc, out, _ = run(capsys, "check", "--isolated", "--lang", "en", "--format", "json", "a.txt")
    assert rc == 1
    data = json.loads(out)
    assert set(data) == {"version", "findings", "summary"}
    assert data["version"] == 1
    assert [f["code"] for f in data["findings"]] == ["MT101", "MT203", "MT205"]
    for f in data["findings"]:
        assert set(f) == FINDING_KEYS
        assert f["path"] == "a.txt" and f["record"] is None
        for key in ("line", "column", "start", "end"):
            assert type(f[key]) is int
        assert 1 <= f["line"] and 1 <= f["column"] and 0 <= f["start"] < f["end"]
        assert re.fullmatch(r"MT\d{3}", f["code"])
        assert f["severity"] in ("minor", "major", "critical")
        assert isinstance(f["category"], str) and isinstance(f["message"], str) and f["message"]
        assert isinstance(f["fixes"], list)
        for fix in f["fixes"]:
            assert set(fix) == {"applicability", "edits"}
            assert fix["applicability"] in ("safe", "unsafe")
            for edit in fix["edits"]:
                assert set(edit) == {"start", "end", "replacement"}
                assert type(edit["start"]) is int and type(edit["end"]) is int
                assert isinstance(edit["replacement"], str)
    sev = {f["code"]: (f["category"], f["severity"], len(f["fixes"])) for f in data["findings"]}
    assert sev == {"MT101": ("merged-words", "major", 1), "MT203": ("extra-space", "minor", 1),
                   "MT205": ("unbalanced-quote", "minor", 0)}
    mqm = data["summary"].pop("mqm")
    assert data["summary"] == {
        "files": 1, "findings": 3, "fixable": 2, "fixable_unsafe": 0,
        "by_category": {"extra-space": 1, "merged-words": 1, "unbalanced-quote": 1},
        "by_severity": {"major": 1, "minor": 2},
    }
    # MQM-style: merged-words major 5, extra-space and unbalanced-quote minor punctuation 0.1 each.
    words = len(THREE.split())
    assert mqm["penalty"] == 5.2 and mqm["words"] == words and mqm["segments"] >= 1
    assert mqm["per_100_words"] == round(100 * 5.2 / words, 4) and mqm["per_segment"] == round(5.2 / mqm["segments"], 4)
    assert mqm["signature"].startswith("weights:minor=1,major=5,critical=25,minor-punctuation=0.1")


def test_json_offsets_lines_and_columns_point_at_the_flagged_text(capsys):
    text = ("Zoë and the mayor’s café stayed open.\n"
            "😀 — they have disappearedin the city. The  ministry spoke.\n"
            "\n"
            "80 injuredThey left the town.\n")
    write("a.txt", text)
    _, found = findings_of(capsys, "--isolated", "--lang", "en", "a.txt")
    got = {f["code"]: text[f["start"]:f["end"]] for f in found}
    assert got == {"MT101": "disappearedin", "MT203": "  ", "MT102": "injuredThey"}
    for f in found:
        assert (f["line"], f["column"]) == line_col(text, f["start"]), f
    mt101 = next(f for f in found if f["code"] == "MT101")
    # columns count characters (code points), not bytes or UTF-16 units: 😀 is one
    assert (mt101["line"], mt101["column"]) == (2, len("😀 — they have ") + 1) == (2, 15)


def test_json_fix_edits_give_the_fixed_text(capsys):
    write("a.txt", MERGED)
    _, (f,) = findings_of(capsys, "--isolated", "--lang", "en", "a.txt")
    text = MERGED
    for e in sorted(f["fixes"][0]["edits"], key=lambda e: e["start"], reverse=True):
        text = text[:e["start"]] + e["replacement"] + text[e["end"]:]
    assert text == "They have disappeared in the city.\n"
    assert f["fixes"][0]["applicability"] == "safe"


def test_json_clean_file(capsys):
    write("a.txt", CLEAN)
    rc, out, _ = run(capsys, "check", "--isolated", "--lang", "en", "--format", "json", "a.txt")
    assert rc == 0
    data = json.loads(out)
    assert data["findings"] == []
    assert data["summary"]["files"] == 1 and data["summary"]["findings"] == 0


def test_json_record_field_for_jsonl(capsys):
    write("batch.jsonl", '{"id": "seg-1", "translation": "The ministry said so."}\n'
                         '{"id": "seg-2", "source": "x", "translation": "They have disappearedin the city."}\n'
                         '{"translation": "80 injuredThey left."}\n')
    _, found = findings_of(capsys, "--isolated", "--lang", "en", "batch.jsonl")
    got = [(f["path"], f["record"], f["line"], f["column"], f["start"], f["end"], f["code"]) for f in found]
    assert ("batch.jsonl", "seg-2", 2, 11, 10, 23, "MT101") in got
    assert ("batch.jsonl", "line 3", 3, 4, 3, 14, "MT102") in got
    assert len(got) == 2
    mt101 = next(f for f in found if f["code"] == "MT101")
    # offsets point into the record's translation, not into the file line
    assert "They have disappearedin the city."[mt101["start"]:mt101["end"]] == "disappearedin"
    assert mt101["fixes"][0]["edits"] == [{"start": 21, "end": 21, "replacement": " "}]


# -- SARIF ---------------------------------------------------------------------------------


def test_sarif_structure(capsys):
    write("a.txt", THREE)
    rc, out, _ = run(capsys, "check", "--isolated", "--lang", "en", "--format", "sarif", "a.txt")
    assert rc == 1
    log = json.loads(out)
    assert log["version"] == "2.1.0"
    assert "sarif" in log["$schema"]
    (sarif_run,) = log["runs"]
    driver = sarif_run["tool"]["driver"]
    assert driver["name"] == "mtcheck"
    rule_ids = [r["id"] for r in driver["rules"]]
    assert sorted(rule_ids) == ["MT101", "MT203", "MT205"]
    by_code = {r.code: r for r in all_rules()}
    for r in driver["rules"]:
        assert r["name"] == by_code[r["id"]].name
        assert r["shortDescription"]["text"]
    results = sarif_run["results"]
    assert [r["ruleId"] for r in results] == ["MT101", "MT203", "MT205"]
    levels = {r["ruleId"]: r["level"] for r in results}
    assert levels == {"MT101": "warning", "MT203": "note", "MT205": "note"}
    expected = {"MT101": (1, 11), "MT203": (1, 28), "MT205": (3, 1)}
    for r in results:
        assert rule_ids[r["ruleIndex"]] == r["ruleId"]
        assert r["message"]["text"]
        (loc,) = r["locations"]
        phys = loc["physicalLocation"]
        assert phys["artifactLocation"]["uri"] == "a.txt"
        assert (phys["region"]["startLine"], phys["region"]["startColumn"]) == expected[r["ruleId"]]


def test_sarif_clean_run_has_no_results(capsys):
    write("a.txt", CLEAN)
    rc, out, _ = run(capsys, "check", "--isolated", "--lang", "en", "--format", "sarif", "a.txt")
    assert rc == 0
    log = json.loads(out)
    assert log["version"] == "2.1.0"
    assert log["runs"][0]["tool"]["driver"]["name"] == "mtcheck"
    assert log["runs"][0]["results"] == []


def test_sarif_columns_agree_with_the_declared_column_kind(capsys):
    text = "😀😀 They have disappearedin the city.\n"
    write("a.txt", text)
    _, out, _ = run(capsys, "check", "--isolated", "--lang", "en", "--format", "sarif", "a.txt")
    sarif_run = json.loads(out)["runs"][0]
    region = sarif_run["results"][0]["locations"][0]["physicalLocation"]["region"]
    start = text.index("disappearedin")
    if sarif_run.get("columnKind") == "unicodeCodePoints":
        assert region["startColumn"] == start + 1
    else:  # the default: UTF-16 code units
        assert region["startColumn"] == len(text[:start].encode("utf-16-le")) // 2 + 1


# -- GitHub annotations ----------------------------------------------------------------------


def test_github_annotations(capsys):
    write("a.txt", THREE)
    rc, out, _ = run(capsys, "check", "--isolated", "--lang", "en", "--format", "github", "a.txt")
    assert rc == 1
    lines = out.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("::warning file=a.txt,line=1,col=11,title=MT101 merged-words [merged-words]::")
    assert lines[1].startswith("::notice file=a.txt,line=1,col=28,title=MT203 doubled-space [extra-space]::")
    assert lines[2].startswith("::notice file=a.txt,line=3,col=1,title=MT205 unbalanced-quote [unbalanced-quote]::")
    assert "disappearedin" in lines[0]


def test_github_annotations_escape_properties_and_name_records(capsys):
    write("a,b.jsonl", '{"id": "r1", "translation": "They have disappearedin the city."}\n')
    rc, out, _ = run(capsys, "check", "--isolated", "--lang", "en", "--format", "github", "a,b.jsonl")
    assert rc == 1
    (line,) = out.splitlines()
    assert line.startswith("::warning file=a%2Cb.jsonl,line=1,col=11,title=MT101 merged-words [merged-words]::")
    assert line.endswith("(record r1)")


def test_github_clean_prints_nothing(capsys):
    write("a.txt", CLEAN)
    rc, out, _ = run(capsys, "check", "--isolated", "--lang", "en", "--format", "github", "a.txt")
    assert rc == 0
    assert out == ""


# -- text ----------------------------------------------------------------------------------


def test_text_format_lines(capsys):
    write("a.txt", THREE)
    rc, out, _ = run(capsys, "check", "--isolated", "--lang", "en", "--color", "never", "a.txt")
    assert rc == 1
    assert "a.txt:1:11: MT101 merged-words [merged-words] " in out
    assert "a.txt:1:28: MT203 doubled-space [extra-space] " in out
    assert "a.txt:3:1: MT205 unbalanced-quote [unbalanced-quote] " in out
    assert "Found 3 finding(s) in 1 file(s)" in out
    assert "\x1b[" not in out


def test_text_format_no_show_source_is_one_line_per_finding(capsys):
    write("a.txt", THREE)
    _, out, _ = run(capsys, "check", "--isolated", "--lang", "en", "--no-show-source", "a.txt")
    heads = [line for line in out.splitlines() if re.match(r"a\.txt:\d+:\d+: MT\d{3} [a-z-]+ \[", line)]
    assert len(heads) == 3
    # findings and fix hints only: no source excerpt lines
    assert not any(line.startswith("    ") and "fix" not in line for line in out.splitlines())


def test_text_format_names_records(capsys):
    write("batch.jsonl", '{"id": "a", "translation": "The ministry said so."}\n'
                         '{"id": "b", "translation": "They have disappearedin the city."}\n')
    _, out, _ = run(capsys, "check", "--isolated", "--lang", "en", "batch.jsonl")
    assert "batch.jsonl[b]:2:11: MT101 merged-words [merged-words] " in out


def test_text_format_clean_and_color(capsys):
    write("a.txt", CLEAN)
    rc, out, _ = run(capsys, "check", "--isolated", "--lang", "en", "a.txt")
    assert rc == 0
    assert "All clear" in out and "1 file(s)" in out
    write("b.txt", MERGED)
    _, out, _ = run(capsys, "check", "--isolated", "--lang", "en", "--color", "always", "b.txt")
    assert "\x1b[" in out


# -- exit codes ----------------------------------------------------------------------------


@pytest.mark.parametrize("text, fail_on, rc", [
    (CLEAN, None, 0),
    ("The  ministry said so.\n", None, 1),  # minor only; default --fail-on minor
    ("The  ministry said so.\n", "minor", 1),
    ("The  ministry said so.\n", "major", 0),
    (MERGED, "major", 1),
    (MERGED, "critical", 0),
])
def test_exit_code_follows_fail_on(capsys, text, fail_on, rc):
    write("a.txt", text)
    args = ["check", "--isolated", "--lang", "en", "a.txt"] + (["--fail-on", fail_on] if fail_on else [])
    got, out, _ = run(capsys, *args)
    assert got == rc
    if text != CLEAN:
        assert "Found 1 finding(s)" in out  # below the threshold is still reported


def test_a_language_without_data_is_checked_and_a_malformed_code_is_exit_2(capsys):
    write("a.txt", CLEAN)
    rc, out, err = run(capsys, "check", "--isolated", "--lang", "xx", "a.txt")
    assert rc == 0 and "note: xx: no language data" in out
    rc, _, err = run(capsys, "check", "--isolated", "--lang", "x1!", "a.txt")
    assert rc == 2
    assert_one_line_error(err, "x1!")


def test_bad_option_value_is_exit_2(capsys):
    write("a.txt", CLEAN)
    with pytest.raises(SystemExit) as exc:
        main(["check", "--isolated", "--format", "xml", "a.txt"])
    assert exc.value.code == 2


def test_fix_exit_code_and_summary(capsys):
    write("a.txt", MERGED)
    rc, _, err = run(capsys, "fix", "--isolated", "--lang", "en", "--explain", "a.txt")
    assert rc == 0
    assert "a.txt:1:11: MT101 fixed" in err
    assert "Fixed 1 finding(s); 0 remaining." in err
    write("b.txt", "“They have disappearedin the city.\n")  # the quote has no fix
    rc, _, err = run(capsys, "fix", "--isolated", "--lang", "en", "b.txt")
    assert rc == 1
    assert "Fixed 1 finding(s); 1 remaining." in err
    rc, _, _ = run(capsys, "fix", "--isolated", "--lang", "en", "--fail-on", "major", "b.txt")
    assert rc == 0


def test_fix_diff_output(capsys):
    write("a.txt", "The ministry said so.\n" + MERGED)
    rc, out, _ = run(capsys, "fix", "--isolated", "--lang", "en", "--diff", "a.txt")
    assert rc == 1
    assert out.splitlines()[:3] == ["--- a.txt", "+++ a.txt", "@@ -1,2 +1,2 @@"]
    assert " The ministry said so.\n-They have disappearedin the city.\n+They have disappeared in the city.\n" in out
    write("b.txt", CLEAN)
    rc, out, _ = run(capsys, "fix", "--isolated", "--lang", "en", "--diff", "b.txt")
    assert (rc, out) == (0, "")


def test_fix_diff_of_a_file_without_final_newline_is_a_valid_patch(capsys):
    write("a.txt", "They have disappearedin the city.")
    _, out, _ = run(capsys, "fix", "--isolated", "--lang", "en", "--diff", "a.txt")
    lines = out.splitlines()
    assert "-They have disappearedin the city." in lines
    assert "+They have disappeared in the city." in lines
    assert "\\ No newline at end of file" in lines


# -- --select / --ignore ---------------------------------------------------------------------


@pytest.mark.parametrize("args, codes", [
    ([], {"MT101", "MT203", "MT205"}),
    (["--select", "MT101"], {"MT101"}),
    (["--select", "mt203"], {"MT203"}),
    (["--select", "extra-space"], {"MT203"}),
    (["--select", "doubled-space"], {"MT203"}),  # a rule name
    (["--select", "MT2"], {"MT203", "MT205"}),  # a code prefix
    (["--select", "MT101, unbalanced-quote"], {"MT101", "MT205"}),
    (["--ignore", "MT101"], {"MT203", "MT205"}),
    (["--ignore", "extra-space,unbalanced-quote"], {"MT101"}),
    (["--select", "MT2", "--ignore", "MT205"], {"MT203"}),
    (["--select", "merged-words", "--ignore", "merged-words"], set()),  # ignore wins
])
def test_select_and_ignore(capsys, args, codes):
    write("a.txt", THREE)
    assert codes_of(capsys, "--isolated", "--lang", "en", *args, "a.txt") == codes


# -- configuration -------------------------------------------------------------------------


def test_config_select_and_ignore(capsys, tmp_path):
    write("a.txt", THREE)
    write("mtcheck.toml", 'lang = "en"\nselect = ["MT1", "MT2"]\nignore = ["unbalanced-quote"]\n')
    assert codes_of(capsys, "a.txt") == {"MT101", "MT203"}
    # --select replaces the config's select, --ignore adds to its ignore
    assert codes_of(capsys, "--select", "MT205,MT203", "a.txt") == {"MT203"}
    assert codes_of(capsys, "--ignore", "MT101", "a.txt") == {"MT203"}
    # --isolated: no config at all
    assert codes_of(capsys, "--isolated", "--lang", "en", "a.txt") == {"MT101", "MT203", "MT205"}


def test_pyproject_tool_table_is_found_from_a_subdirectory(capsys, tmp_path, monkeypatch):
    write("pyproject.toml", '[project]\nname = "x"\n\n[tool.mtcheck]\nlang = "en"\nignore = ["MT101"]\n')
    (tmp_path / "docs").mkdir()
    write("docs/a.txt", THREE)
    monkeypatch.chdir(tmp_path / "docs")
    assert codes_of(capsys, "a.txt") == {"MT203", "MT205"}


def test_pyproject_without_tool_table_is_skipped_for_the_next_config_up(capsys, tmp_path, monkeypatch):
    write("mtcheck.toml", 'lang = "en"\nignore = ["extra-space"]\n')
    (tmp_path / "sub").mkdir()
    write("sub/pyproject.toml", '[project]\nname = "x"\n')
    write("sub/a.txt", THREE)
    monkeypatch.chdir(tmp_path / "sub")
    assert codes_of(capsys, "a.txt") == {"MT101", "MT205"}


def test_explicit_config_file(capsys, tmp_path):
    write("a.txt", THREE)
    write("mtcheck.toml", 'lang = "en"\nselect = ["MT205"]\n')
    (tmp_path / "cfg").mkdir()
    write("cfg/other.toml", 'lang = "en"\nselect = ["MT101"]\n')
    assert codes_of(capsys, "--config", "cfg/other.toml", "a.txt") == {"MT101"}
    rc, _, err = run(capsys, "check", "--config", "cfg/missing.toml", "a.txt")
    assert rc == 2
    assert_one_line_error(err, "missing.toml")


def test_config_lang_is_used_and_cli_lang_overrides_it(capsys):
    write("a.txt", MERGED)
    write("mtcheck.toml", 'lang = "xx"\n')  # a language without data: merged-words does not run
    assert codes_of(capsys, "a.txt") == set()
    assert codes_of(capsys, "--lang", "en", "a.txt") == {"MT101"}


def test_config_accept_list_and_accept_file(capsys, tmp_path):
    write("a.txt", "They have disappearedin the city. 80 injuredThey left.\n")
    write("mtcheck.toml", 'lang = "en"\naccept = ["DisappearedIn"]\n')  # case-insensitive
    assert codes_of(capsys, "a.txt") == {"MT102"}
    (tmp_path / "conf").mkdir()
    write("conf/words.txt", "# house words\ninjuredThey  # a name here\n")
    write("conf/mtcheck.toml", 'lang = "en"\naccept-file = "words.txt"\n')  # relative to the config
    assert codes_of(capsys, "--config", "conf/mtcheck.toml", "a.txt") == {"MT101"}


def test_config_severity_override_by_category_and_code(capsys):
    write("a.txt", THREE)
    write("mtcheck.toml", 'lang = "en"\n[severity]\n"unbalanced-quote" = "major"\nMT101 = "critical"\n')
    rc, found = findings_of(capsys, "a.txt")
    assert {f["code"]: f["severity"] for f in found} == {"MT101": "critical", "MT203": "minor",
                                                         "MT205": "major"}
    write("b.txt", "“In the last hours, they left.\n")
    assert run(capsys, "check", "--fail-on", "major", "b.txt")[0] == 1  # minor by default: would be 0
    assert run(capsys, "check", "--isolated", "--lang", "en", "--fail-on", "major", "b.txt")[0] == 0
    _, out, _ = run(capsys, "check", "--format", "sarif", "b.txt")
    assert json.loads(out)["runs"][0]["results"][0]["level"] == "warning"


def test_config_fail_on(capsys):
    write("a.txt", "The  ministry said so.\n")
    write("mtcheck.toml", 'lang = "en"\nfail-on = "major"\n')
    assert run(capsys, "check", "a.txt")[0] == 0
    assert run(capsys, "check", "--fail-on", "minor", "a.txt")[0] == 1


def test_config_per_file_ignores(capsys, tmp_path):
    (tmp_path / "legacy").mkdir()
    write("legacy/old.txt", THREE)
    write("new.txt", THREE)
    write("mtcheck.toml", 'lang = "en"\n[per-file-ignores]\n"legacy/*.txt" = ["merged-words", "MT205"]\n')
    _, found = findings_of(capsys, "legacy/old.txt", "new.txt")
    got = {(f["path"].replace("\\", "/"), f["code"]) for f in found}
    assert got == {("legacy/old.txt", "MT203"),
                   ("new.txt", "MT101"), ("new.txt", "MT203"), ("new.txt", "MT205")}
    _, found = findings_of(capsys, ".")  # the same through a directory
    assert {(f["path"].replace("\\", "/"), f["code"]) for f in found} == got


def test_config_per_file_ignores_do_not_depend_on_how_the_path_is_spelled(capsys, tmp_path):
    (tmp_path / "legacy").mkdir()
    write("legacy/old.txt", MERGED)
    write("mtcheck.toml", 'lang = "en"\n[per-file-ignores]\n"legacy/*.txt" = ["merged-words"]\n')
    assert codes_of(capsys, "legacy/old.txt") == set()
    assert codes_of(capsys, "./legacy/old.txt") == set()
    assert codes_of(capsys, str(tmp_path / "legacy" / "old.txt")) == set()


@pytest.mark.parametrize("toml, needle", [
    ('lang = "en"\nselct = ["MT1"]\n', "selct"),  # unknown key
    ('lang = "en"\nfail-on = "fatal"\n', "fatal"),  # bad value
    ('lang = "en"\n[severity]\nMT101 = "huge"\n', "huge"),
    ('lang = "en"\nselect = [\n', "mtcheck.toml"),  # not TOML
    ('lang = "en"\naccept-file = "nope.txt"\n', "mtcheck.toml"),  # missing accept file
])
def test_bad_config_is_exit_2(capsys, toml, needle):
    write("a.txt", CLEAN)
    write("mtcheck.toml", toml)
    rc, out, err = run(capsys, "check", "a.txt")
    assert rc == 2
    assert out == ""
    assert_one_line_error(err, needle)


def test_unknown_key_in_pyproject_tool_table_is_exit_2(capsys):
    write("a.txt", CLEAN)
    write("pyproject.toml", '[tool.mtcheck]\nlang = "en"\nmax-line = 3\n')
    rc, _, err = run(capsys, "check", "a.txt")
    assert rc == 2
    assert_one_line_error(err, "max-line")


def test_config_string_instead_of_list_is_not_silently_wrong(capsys):
    write("a.txt", THREE)
    write("mtcheck.toml", 'lang = "en"\nignore = "extra-space"\n')
    rc, out, err = run(capsys, "check", "--format", "json", "a.txt")
    if rc == 2:
        assert_one_line_error(err, "ignore")
    else:
        assert {f["code"] for f in json.loads(out)["findings"]} == {"MT101", "MT205"}


@pytest.mark.parametrize("toml, key", [
    ('severity = "major"\n', "severity"),
    ('per-file-ignores = "legacy/*"\n', "per-file-ignores"),
    ("lang = 1\n", "lang"),
])
def test_config_value_of_the_wrong_type_is_a_one_line_error(capsys, toml, key):
    write("a.txt", THREE)
    write("mtcheck.toml", toml)
    rc, _, err = run(capsys, "check", "a.txt")
    assert rc == 2
    assert_one_line_error(err, key)


# -- Markdown suppression comments -----------------------------------------------------------


def test_markdown_suppression_by_category_applies_to_the_next_line_only(capsys):
    md = ("# Report\n"
          "\n"
          "<!-- mtcheck: ignore[merged-words] -->\n"
          "They have disappearedin the  city.\n"
          "They have disappearedin the town.\n")
    write("a.md", md)
    _, found = findings_of(capsys, "--isolated", "--lang", "en", "a.md")
    # line 4: merged-words suppressed, the doubled space is not; line 5: nothing suppressed
    assert [(f["line"], f["code"]) for f in found] == [(4, "MT203"), (5, "MT101")]


@pytest.mark.parametrize("comment, codes", [
    ("<!-- mtcheck: ignore[MT101] -->", {"MT203"}),
    ("<!-- mtcheck: ignore[MT101, extra-space] -->", set()),
    ("<!-- mtcheck: ignore -->", set()),
    ("<!--mtcheck:ignore[extra-space]-->", {"MT101"}),
    ("<!-- mtcheck: ignore[unbalanced-quote] -->", {"MT101", "MT203"}),
])
def test_markdown_suppression_selectors(capsys, comment, codes):
    write("a.md", f"{comment}\nThey have disappearedin the  city.\n")
    assert codes_of(capsys, "--isolated", "--lang", "en", "a.md") == codes


def test_suppression_comment_after_the_line_does_not_suppress_it(capsys):
    write("a.md", "They have disappearedin the city.\n<!-- mtcheck: ignore[merged-words] -->\n")
    assert codes_of(capsys, "--isolated", "--lang", "en", "a.md") == {"MT101"}


# -- the rule catalogue ----------------------------------------------------------------------


def test_rules_lists_every_code(capsys):
    rc, out, _ = run(capsys, "rules")
    assert rc == 0
    codes = [line.split()[0] for line in out.splitlines()[1:] if line.strip()]
    assert codes == [r.code for r in all_rules()]
    assert len(codes) == len(set(codes)) > 10


def test_rules_json_lists_every_code_with_its_category(capsys):
    rc, out, _ = run(capsys, "rules", "--format", "json")
    assert rc == 0
    rows = json.loads(out)
    assert [(r["code"], r["name"], r["category"]) for r in rows] == \
        [(r.code, r.name, r.category) for r in all_rules()]
    assert all(row["severity"] in ("minor", "major", "critical") for row in rows)


def test_rule_explains_mt101(capsys):
    rc, out, _ = run(capsys, "rule", "MT101")
    assert rc == 0
    sections = ["What it does", "Why is this bad?", "Example", "Fix safety"]
    positions = [out.find(f"## {s}") for s in sections]
    assert -1 not in positions, out
    assert positions == sorted(positions)
    assert "merged-words" in out and "MT101" in out
    assert "disappeared in" in out  # an example with its fix
    assert run(capsys, "rule", "mt101")[1] == out  # codes are case-insensitive


def test_every_rule_has_its_documentation_sections(capsys):
    for r in all_rules():
        rc, out, _ = run(capsys, "rule", r.code)
        assert rc == 0
        for section in ("## What it does", "## Why is this bad?", "## Example", "## Fix safety"):
            assert section in out, (r.code, section)
        assert r.what in out


def test_unknown_rule_is_exit_2(capsys):
    rc, out, err = run(capsys, "rule", "MT999")
    assert rc == 2
    assert out == ""
    assert_one_line_error(err, "MT999")


def test_rule_takes_the_name_that_rules_lists(capsys):
    """`mtcheck rules` shows a code and a name per rule; `rule` takes either."""
    for r in all_rules():
        assert run(capsys, "rule", r.name)[1] == run(capsys, "rule", r.code)[1], r.name


def test_a_category_that_is_no_rule_name_lists_its_rules(capsys):
    rc, out, err = run(capsys, "rule", "extra-space")
    assert rc == 2 and out == ""
    assert_one_line_error(err, "no rule 'extra-space'", "MT202 space-before-punctuation", "MT203 doubled-space")


def _options(parser, where="mtcheck"):
    """(command, option) for every option and positional of ``parser`` and its subcommands."""
    import argparse

    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _options(sub, f"{where} {name}")
        else:
            yield where, action


def test_every_option_of_every_command_has_help_text():
    from mtcheck.cli import _parser

    import argparse

    parser = _parser()
    options = list(_options(parser))
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices
    assert {where for where, _ in options} == {"mtcheck"} | {f"mtcheck {name}" for name in commands}
    assert {"check", "fix", "rule", "lsp"} <= set(commands)  # the walk reaches every command
    missing = [f"{where} {'/'.join(a.option_strings) or a.dest}" for where, a in options
               if not (a.help or "").strip()]
    assert missing == []


def test_changing_the_selection_of_a_used_config_changes_the_rules_run():
    """The per-config cache of selected rules must not answer for an older selection."""
    from mtcheck import check
    from mtcheck.config import Config

    config = Config()
    assert {f.code for f in check(THREE, lang="en", config=config)} == {"MT101", "MT203", "MT205"}
    config.ignore = ["MT101"]
    assert {f.code for f in check(THREE, lang="en", config=config)} == {"MT203", "MT205"}


def test_the_progress_bar_counts_text_checked_against_the_input_size():
    """One big file (200,000 records, a 20 MB article) moves the bar as its documents are checked,
    and the share shown never passes 100 %."""
    import io

    from mtcheck.io.progress import Progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    screen = Terminal()
    bar = Progress(4 << 20, stream=screen, size=True)
    bar.advance(1 << 20)
    bar._last = 0.0  # redraw now, not after 0.1 s
    bar.advance(5 << 20)  # more characters than bytes counted: capped
    shown = screen.getvalue().split("\r")
    assert "25%" in shown[1] and "MB/s" in shown[1]
    assert "100%" in shown[2] and "#" * 30 in shown[2]
    assert not Progress(1000, stream=Terminal(), size=True).enabled  # a small input: no bar
