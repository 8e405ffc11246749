"""Subtitles (.srt, .vtt) as records: cues, timing untouched, tags masked, source cues paired."""

from __future__ import annotations

import json

import pytest
from cli_helpers import assert_one_line_error, run

from mtcheck.checker import check_document
from mtcheck.document import MASK, Document
from mtcheck.io.readers import InputError
from mtcheck.io.resources import subtitles

SOURCE_SRT = """\
1
00:00:01,000 --> 00:00:03,000
<i>We left the city</i>
at dawn.

2
00:00:03,500 --> 00:00:05,000
{\\an8}Nobody saw us.

3
00:00:06,000 --> 00:00:08,000
- Where are you going?
- Home.

4
00:00:09,000 --> 00:00:10,000
Leave the lights on tonight.
"""

SRT = """\
1
00:00:01,000 --> 00:00:03,000
<i>Wir verließen die Stadt</i>
im Morgengrauen.

2
00:00:03,500 --> 00:00:05,000
{\\an8}Niemand  hat uns gesehen.

3
00:00:06,000 --> 00:00:08,000
- Wohin gehst du?
- Nach Hause.

4
00:00:09,000 --> 00:00:10,000
Lass heute Nacht das Licht an.
"""

VTT = """\
WEBVTT - Reise

NOTE written by hand
for the tests

STYLE
::cue { color: yellow }

intro
00:01.000 --> 00:03.000 line:90% align:start
<v Anna>Wir fahren fahren morgen</v>
<c.yellow>nach Berlin &amp; Hamburg.</c>

00:03.500 --> 00:05.000
Das Wetter ist gut.
"""


def cues(text: str, name: str = "movie.de.srt"):
    return subtitles.read(text, name).entries


def test_srt_cues_are_records_with_their_lines_joined():
    got = [(c.key, c.target.text.replace(MASK, "<>"), c.line) for c in cues(SRT)]
    assert got == [("1", "<>Wir verließen die Stadt<>\nim Morgengrauen.", 3),
                   ("2", "<>Niemand  hat uns gesehen.", 8),
                   ("3", "- Wohin gehst du?\n- Nach Hause.", 12),
                   ("4", "Lass heute Nacht das Licht an.", 17)]
    first = cues(SRT)[0]
    assert (first.start_ms, first.end_ms) == (1000, 3000)


def test_each_tag_is_one_mask_with_the_span_of_the_tag():
    text = SRT.split("\n\n")[0] + "\n"
    target = cues(text)[0].target
    assert [text[slice(*target.spans[i])] for i, c in enumerate(target.text) if c == MASK] == ["<i>", "</i>"]


def test_vtt_header_notes_styles_and_settings_are_no_text():
    got = [(c.key, c.target.text.replace(MASK, "<>"), c.line) for c in cues(VTT, "movie_de.vtt")]
    assert got == [("intro", "<>Wir fahren fahren morgen<>\n<>nach Berlin & Hamburg.<>", 11),
                   ("00:00:03.500", "Das Wetter ist gut.", 15)]


def test_a_vtt_header_may_name_the_language():
    text = "WEBVTT\nKind: captions\nLanguage: pt-BR\n\n00:01.000 --> 00:02.000\nOlá.\n"
    assert subtitles.read(text, "movie.vtt").lang == "pt-BR"
    assert subtitles.read(VTT, "movie_de.vtt").lang is None


def test_srt_cue_without_a_blank_line_before_the_next_and_without_numbers():
    text = "1\n00:00:01,000 --> 00:00:02,000\nEins.\n2\n00:00:02,000 --> 00:00:03,000\nZwei.\n"
    assert [(c.key, c.target.text) for c in cues(text)] == [("1", "Eins."), ("2", "Zwei.")]
    bare = "00:00:01,000 --> 00:00:02,000\nEins.\n\n00:00:02,000 --> 00:00:03,000\nZwei.\n"
    assert [c.key for c in cues(bare)] == ["1", "2"]


@pytest.mark.parametrize("text, name, line, needle", [
    ("1\n00:00:01 -> 00:00:02\nHallo.\n", "m.de.srt", 2, "timing line"),
    ("1\nHallo.\n", "m.de.srt", 2, "timing line"),
    ("Hallo.\n", "m.de.vtt", 1, "starts with `WEBVTT`"),
    ("WEBVTT\n\nintro\nHallo.\n", "m.de.vtt", 4, "timing line"),
])
def test_malformed_file_is_an_error_with_its_line(text, name, line, needle):
    with pytest.raises(InputError) as exc:
        subtitles.read(text, name)
    assert f"{name}: line {line}:" in str(exc.value) and needle in str(exc.value)


def test_malformed_file_is_one_line_error_in_the_cli(tmp_path, capsys):
    path = tmp_path / "movie.de.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:02,000\nHallo.\n\n2\nkaputt\n", encoding="utf-8")
    rc, _, err = run(capsys, "check", str(path))
    assert rc == 2
    assert_one_line_error(err, "movie.de.srt: line 6:")


def test_language_and_source_by_convention():
    from pathlib import PurePath

    assert subtitles.language(PurePath("movie_de.vtt")) == "de"
    assert subtitles.language(PurePath("de/movie.srt")) == "de"
    assert not subtitles.is_resource(PurePath("movie.srt"))
    assert [p.name for p in subtitles.source_paths(PurePath("movie_de.vtt"), None)] == [
        "movie_en.vtt", "movie_en.srt", "movie.vtt"]


def write_pair(tmp_path, translation: str = SRT, source: str = SOURCE_SRT):
    (tmp_path / "movie.en.srt").write_text(source, encoding="utf-8")
    path = tmp_path / "movie.de.srt"
    path.write_bytes(translation.encode("utf-8"))
    return path


def findings(capsys, path) -> list[dict]:
    rc, out, _ = run(capsys, "check", "--format", "json", str(path))
    assert rc in (0, 1)
    return json.loads(out)["findings"]


def test_unchanged_cue_is_reported_and_the_source_is_per_cue(tmp_path, capsys):
    path = write_pair(tmp_path, SRT.replace("Lass heute Nacht das Licht an.", "Leave the lights on tonight."))
    found = {(f["code"], f["record"]) for f in findings(capsys, path)}
    assert ("MT608", "4") in found
    assert ("MT203", "2") in found


def test_renumbered_cues_pair_by_position(tmp_path):
    from mtcheck.io.resources import read

    path = write_pair(tmp_path, SRT.replace("\n3\n", "\n30\n"))
    records, _ = read(path.read_text(encoding="utf-8"), "subtitles", str(path))
    assert {r.id: r.fields["source"] for r in records}["30"] == "- Where are you going?\n- Home."


def test_merged_cues_pair_by_timing_and_a_dropped_cue_is_missing(tmp_path, capsys):
    merged = ("1\n00:00:01,000 --> 00:00:05,000\nWir verließen die Stadt im Morgengrauen.\nNiemand sah uns.\n\n"
              "2\n00:00:06,000 --> 00:00:08,000\n- Wohin gehst du?\n- Nach Hause.\n")
    from mtcheck.io.resources import read

    path = write_pair(tmp_path, merged)
    records, _ = read(merged, "subtitles", str(path))
    sources = {r.id: r.fields["source"] for r in records}
    assert sources["1"] == "\ue000We left the city\ue000\nat dawn.\n\ue000Nobody saw us."
    assert sources["2"] == "- Where are you going?\n- Home."
    found = {(f["code"], f["record"]) for f in findings(capsys, path)}
    assert ("MT607", "source:4") in found


def test_fix_writes_only_the_changed_characters_and_keeps_tags_and_timing(tmp_path, capsys):
    path = tmp_path / "movie_de.vtt"
    path.write_text(VTT, encoding="utf-8")
    run(capsys, "fix", "--unsafe-fixes", str(path))
    assert path.read_text(encoding="utf-8") == VTT.replace("fahren fahren", "fahren")


def test_srt_fix_and_a_clean_file_byte_for_byte(tmp_path, capsys):
    path = write_pair(tmp_path)
    run(capsys, "fix", str(path))
    fixed = SRT.replace("Niemand  hat", "Niemand hat")
    assert path.read_text(encoding="utf-8") == fixed
    before = path.read_bytes()
    run(capsys, "fix", str(path))
    assert path.read_bytes() == before


@pytest.mark.parametrize("crlf, bom", [(True, False), (False, True), (True, True)])
def test_crlf_and_bom_round_trip(tmp_path, capsys, crlf, bom):
    text = SRT.replace("\n", "\r\n") if crlf else SRT
    path = write_pair(tmp_path)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    assert cues(text)[2].target.text == "- Wohin gehst du?\n- Nach Hause."
    run(capsys, "fix", str(path))
    expected = text.replace("Niemand  hat", "Niemand hat")
    assert path.read_bytes() == (b"\xef\xbb\xbf" if bom else b"") + expected.encode("utf-8")


def test_vtt_escapes_new_text_and_srt_refuses_tags():
    vtt = cues(VTT, "m.de.vtt")[0].target
    assert vtt.escape("a & b <c>\nd") == "a &amp; b &lt;c&gt;\nd"
    srt = cues(SRT.replace("\n", "\r\n"))[0].target
    assert srt.escape("x\ny") == "x\r\ny"
    assert srt.escape("<i>x") is None and srt.escape("x\n\ny") is None and srt.escape("a --> b") is None


# A cue's two lines are one sentence: the line break is a space, not a sentence boundary.
TWO_LINE_CUES = [
    "Wir gingen in die\nStadt und blieben dort.",
    "Es war die Regie-\nrung, die bezahlt hat.",
    "- Wo bist du?\n- Zu Hause.",
    "Er sagte, dass\nwir jetzt gehen müssen.",
    "Sag es noch einmal.\nIch kann dich nicht hören.",
    "\ue000Wir fahren morgen\ue000\n\ue000nach Berlin.\ue000",
]


def test_ordinary_two_line_cues_are_not_glued_words_or_sentences():
    doc = Document.from_records(TWO_LINE_CUES, [str(i) for i in range(len(TWO_LINE_CUES))],
                                list(range(1, len(TWO_LINE_CUES) + 1)), "de")
    assert [(f.code, f.text) for f in check_document(doc)] == []


def test_a_lost_space_or_line_break_is_found_and_the_fix_keeps_the_lines(tmp_path, capsys):
    path = tmp_path / "movie.de.srt"
    text = ("1\n00:00:01,000 --> 00:00:03,000\nWir gingen in dieStadt\nund blieben dort.\n\n"
            "2\n00:00:03,000 --> 00:00:05,000\nEs war die die\nStadt am Fluss.\n")
    path.write_text(text, encoding="utf-8")
    found = {(f["code"], f["record"], f["line"]) for f in findings(capsys, path)}
    assert ("MT101", "1", 3) in found  # dieStadt, on the first line of cue 1
    assert ("MT105", "2", 8) in found
    run(capsys, "fix", "--unsafe-fixes", str(path))
    assert path.read_text(encoding="utf-8") == text.replace("dieStadt", "die Stadt").replace("die die", "die")


def test_a_word_repeated_across_a_cues_line_break_is_found_and_both_lines_stay(tmp_path, capsys):
    path = tmp_path / "movie.en.srt"
    text = ("1\n00:00:01,000 --> 00:00:03,000\nShe told us that the\nthe plan would work.\n\n"
            "2\n00:00:03,000 --> 00:00:05,000\nWe waited for the\nnext train.\n")
    path.write_text(text, encoding="utf-8")
    found = [(f["code"], f["record"], f["line"]) for f in findings(capsys, path)]
    assert found == [("MT105", "1", 3)]
    run(capsys, "fix", str(path))
    assert path.read_text(encoding="utf-8") == text.replace("that the\nthe plan", "that\nthe plan")


def test_a_fix_that_would_empty_a_cue_leaves_it(tmp_path, capsys):
    text = ("1\n00:00:01,000 --> 00:00:03,000\nLesen Sie auch: Die besten Filme des Jahres\n\n"
            "2\n00:00:03,000 --> 00:00:05,000\nWir gingen  nach Hause.\n")
    path = tmp_path / "movie.de.srt"
    path.write_text(text, encoding="utf-8")
    rc, _, err = run(capsys, "fix", "--unsafe-fixes", str(path))
    assert rc in (0, 1) and not err.startswith("mtcheck: error")
    assert path.read_text(encoding="utf-8") == text.replace("gingen  nach", "gingen nach")


def test_a_cue_text_srt_cannot_hold_is_left_and_the_others_are_written():
    from mtcheck.finding import Edit
    from mtcheck.io.resources import read

    text = "1\n00:00:01,000 --> 00:00:02,000\nEins\nzwei drei\n\n2\n00:00:02,000 --> 00:00:03,000\nVier  fünf\n"
    _, writer = read(text, "subtitles", "m.de.srt")
    # Removing the words of the second line but not the line break before them leaves a blank
    # line, which ends the cue: that value is left as it was.
    assert writer.write(text, {0: "Eins\n", 1: "Vier fünf"}, {0: [Edit(5, 14, "")], 1: [Edit(4, 6, " ")]}) == \
        text.replace("Vier  fünf", "Vier fünf")
