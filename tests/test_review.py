"""`mtcheck review` through its JSON API: a server on a free port in a thread, the document read,
fixes chosen, the file on disk compared byte for byte; the guards (token, Host, Origin, a file
changed on disk, a stale page); the CLI's wiring (config, language, errors) and Ctrl-C."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from cli_helpers import assert_one_line_error, run
from mtcheck.config import Config
from mtcheck.review.session import Review
from review_helpers import finding_id, request, serving

REPO = Path(__file__).resolve().parents[1]
ARTICLE = (REPO / "examples" / "article.txt").read_text(encoding="utf-8")


def review_of(path, **kwargs) -> Review:
    kwargs.setdefault("lang", "en")
    return Review(str(path), Config(), **kwargs)


def save(server, document, accept):
    return request(server, "POST", "/api/save", {"revision": document["revision"], "accept": accept})


# -- saving: only the accepted fixes, every other byte as it was --------------------------------


def test_save_applies_the_accepted_fixes_only(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    with serving(review_of(path)) as server:
        status, doc, _ = request(server, "GET", "/api/document")
        assert status == 200 and doc["kind"] == "text" and doc["languages"] == ["en"]
        merged, repeated = finding_id(doc, "MT101", "beganin"), finding_id(doc, "MT105", "the the")
        status, answer, _ = save(server, doc, [merged, repeated])
    assert status == 200, answer
    assert answer["written"] and sorted(answer["applied"]) == sorted([merged, repeated]) and answer["skipped"] == []
    expected = ARTICLE.replace("beganin", "began in", 1).replace("the the", "the", 1)
    assert expected != ARTICLE and path.read_text(encoding="utf-8") == expected
    # The file was read and checked again: a new revision, the two findings gone, the others kept.
    after = answer["document"]
    assert after["revision"] != doc["revision"]
    assert sorted(f["code"] for f in after["findings"]) == sorted(
        f["code"] for f in doc["findings"] if f["id"] not in (merged, repeated))


@pytest.mark.parametrize("name, text", [
    ("article.txt", "The cityâ€™s  roads were closed .\n\n" + ARTICLE),
    ("mt.jsonl", '{"id": 1, "translation": "They have disappearedin the the city ."}\n'
                 '{"id": 2, "translation": "Itâ€™s  Caf\\u00e9 &quot;Roma&quot; , closed."}\n'),
])
def test_every_safe_fix_round_after_round_writes_what_fix_writes(tmp_path, capsys, name, text):
    """Accepting every safe fix and saving, until none is left, gives the bytes `mtcheck fix`
    writes (which runs its passes at once): the same engine, the same splicing."""
    reviewed, fixed = tmp_path / "r" / name, tmp_path / "f" / name
    for path in (reviewed, fixed):
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
    assert run(capsys, "fix", "--isolated", "--lang", "en", str(fixed))[0] in (0, 1)
    rounds = 0
    with serving(review_of(reviewed)) as server:
        while True:
            _, doc, _ = request(server, "GET", "/api/document")
            safe = [f["id"] for f in doc["findings"] if f["fix"] and f["fix"]["safe"]]
            if not safe or rounds == 5:
                break
            assert save(server, doc, safe)[0] == 200
            rounds += 1
    assert rounds == 2  # the doubled space waits for the repair of `â€™` on its line, as in fix's passes
    assert fixed.read_bytes() != text.encode("utf-8") and reviewed.read_bytes() == fixed.read_bytes()


def test_the_page_shows_the_findings_where_they_are():
    """Each unit's pieces join back to its text, and each finding covers its own span."""
    review = Review(str(REPO / "examples" / "article.txt"), Config(), lang="en")
    doc = review.document()
    (unit,) = doc["units"]
    assert "".join(p for p, _ in unit["pieces"]) == ARTICLE
    for f in doc["findings"]:
        covered = "".join(p for p, ids in unit["pieces"] if f["id"] in ids)
        assert covered == f["text"], f
    boiler = doc["findings"][finding_id(doc, "MT501")]
    assert boiler["name"] == "web-boilerplate" and boiler["fix"]["new"] == "" and boiler["fix"]["safe"]
    assert doc["findings"][finding_id(doc, "MT205")]["fix"] is None  # an unclosed quote: no fix to accept


def test_bom_and_crlf_survive_a_save(tmp_path):
    path = tmp_path / "a.txt"
    original = "\ufeffThey have disappearedin the city.\r\nIt rained the the whole day.\r\n"
    path.write_bytes(original.encode("utf-8"))
    with serving(review_of(path)) as server:
        _, doc, _ = request(server, "GET", "/api/document")
        status, answer, _ = save(server, doc, [finding_id(doc, "MT105")])
    assert status == 200, answer
    assert path.read_bytes() == original.replace("the the", "the").encode("utf-8")


def test_jsonl_records_round_trip(tmp_path):
    lines = ['{"id": "a", "n": 1e400, "source": "Ils ont disparu.", "translation": "They have disappearedin the city."}\n',
             '{"id": "b", "source": "Caf\\u00e9.", "translation" : "The caf\\u00e9 was closed  today."}\n',
             '{"id": "c", "translation": "The the roads were \\"closed\\"."}']
    path = tmp_path / "mt.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    with serving(review_of(path)) as server:
        _, doc, _ = request(server, "GET", "/api/document")
        assert doc["records"] and [u["record"] for u in doc["units"]] == ["a", "b", "c"]
        assert [u["source"] for u in doc["units"]] == ["Ils ont disparu.", "Café.", None]
        assert "".join(p for p, _ in doc["units"][1]["pieces"]) == "The café was closed  today."
        space, repeated = finding_id(doc, "MT203"), finding_id(doc, "MT105")
        assert doc["findings"][space]["unit"] == 1 and doc["findings"][repeated]["unit"] == 2
        status, answer, _ = save(server, doc, [space, repeated])  # record a's fix is left
    assert status == 200, answer
    assert path.read_text(encoding="utf-8") == "".join([
        lines[0],
        '{"id": "b", "source": "Caf\\u00e9.", "translation" : "The caf\\u00e9 was closed today."}\n',
        '{"id": "c", "translation": "The roads were \\"closed\\"."}'])


def test_po_units_round_trip(tmp_path):
    pytest.importorskip("translate")
    po = ('msgid ""\nmsgstr ""\n"Language: en\\n"\n\n'
          '#: a.c:1\nmsgid "Sie sind in der Stadt verschwunden."\nmsgstr ""\n"They have disappearedin "\n"the \\"old\\" city."\n\n'
          'msgid "Es regnete."\nmsgstr "It rained the the whole day."\n')
    path = tmp_path / "de.po"
    path.write_text(po, encoding="utf-8")
    with serving(Review(str(path), Config())) as server:
        _, doc, _ = request(server, "GET", "/api/document")
        assert [u["source"] for u in doc["units"]] == ["Sie sind in der Stadt verschwunden.", "Es regnete."]
        assert doc["languages"] == ["en"]  # from the file's header, as check reads it
        status, answer, _ = save(server, doc, [finding_id(doc, "MT101")])
    assert status == 200, answer
    assert path.read_text(encoding="utf-8") == po.replace("disappearedin ", "disappeared in ")


def test_download_writes_nothing_and_keeps_the_bom(tmp_path):
    path = tmp_path / "a.txt"
    original = "\ufeffIt rained the the whole day.\n".encode("utf-8")
    path.write_bytes(original)
    with serving(review_of(path)) as server:
        _, doc, _ = request(server, "GET", "/api/document")
        status, answer, _ = request(server, "POST", "/api/result",
                                    {"revision": doc["revision"], "accept": [finding_id(doc, "MT105")]})
    assert status == 200 and answer["name"] == "a.txt"
    assert answer["text"] == "\ufeffIt rained the whole day.\n"
    assert path.read_bytes() == original


def test_conflicting_fixes_are_applied_one_and_the_other_said_why(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("We  ,  went home.", encoding="utf-8")
    with serving(review_of(path)) as server:
        _, doc, _ = request(server, "GET", "/api/document")
        comma = finding_id(doc, "MT202")
        (double,) = doc["findings"][comma]["conflicts"]  # both rewrite the first "  "; the second is free
        assert doc["findings"][double]["code"] == "MT203" and doc["findings"][double]["column"] == 3
        status, answer, _ = save(server, doc, [comma, double])
    assert status == 200 and answer["applied"] == [comma]
    assert answer["skipped"] == [{"id": double, "reason": f"conflicts with the fix of #{comma}"}]
    assert path.read_text(encoding="utf-8") == "We,  went home."


def test_fixes_that_wait_for_an_encoding_repair_say_so(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("The cityâ€™s  roads were closed .\n", encoding="utf-8")
    with serving(review_of(path)) as server:
        _, doc, _ = request(server, "GET", "/api/document")
        repair, space, stop = finding_id(doc, "MT301"), finding_id(doc, "MT203"), finding_id(doc, "MT202")
        assert doc["findings"][space]["waits"] == doc["findings"][stop]["waits"] == [repair]
        assert doc["findings"][space]["conflicts"] == []  # waiting is not a conflict
        status, answer, _ = save(server, doc, [repair, space, stop])
        assert status == 200 and answer["applied"] == [repair]
        assert [s["reason"] for s in answer["skipped"]] == [
            f"waits for the encoding repair #{repair} on its line: save, then review the file again"] * 2
        assert path.read_text(encoding="utf-8") == "The city’s  roads were closed .\n"
        # The next round offers them again, judged on the repaired line.
        assert sorted(f["code"] for f in answer["document"]["findings"]) == ["MT202", "MT203"]


# -- the guards -------------------------------------------------------------------------------


def test_requests_without_the_token_or_from_elsewhere_are_refused(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("It rained the the whole day.\n", encoding="utf-8")
    with serving(review_of(path)) as server:
        _, doc, _ = request(server, "GET", "/api/document")
        body = {"revision": doc["revision"], "accept": [finding_id(doc, "MT105")]}
        refused = [
            request(server, "POST", "/api/save", body, token=False),
            request(server, "POST", "/api/save", body, headers={"X-Mtcheck-Token": "guess"}),
            request(server, "POST", "/api/save", body, headers={"Origin": "http://evil.example"}),
            request(server, "POST", "/api/save", body, headers={"Host": f"evil.example:{server.port}"}),  # DNS rebinding
            request(server, "GET", "/api/document", token=False),
            request(server, "GET", "/", headers={"Host": "evil.example"}),
        ]
        assert [status for status, _, _ in refused] == [403] * 6, refused
        assert "token" in refused[0][1]["error"]
        assert request(server, "POST", "/api/save", json.dumps(body).encode(),
                       headers={"Content-Type": "text/plain"})[0] == 415  # a form post cannot pass as JSON
        assert request(server, "POST", "/api/save", b"[1, 2]")[0] == 400
        assert request(server, "POST", "/api/save", {"revision": doc["revision"], "accept": ["0"]})[0] == 400
        for path_asked in ("/page.html", "/../a.txt", "/api/", "/favicon.ico", "/" + str(path)):
            assert request(server, "GET", path_asked)[0] == 404, path_asked
        assert request(server, "PUT", "/api/save", body)[0] == 405
    assert path.read_text(encoding="utf-8") == "It rained the the whole day.\n"


def test_a_file_changed_on_disk_is_not_overwritten(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("It rained the the whole day.\n", encoding="utf-8")
    with serving(review_of(path)) as server:
        _, doc, _ = request(server, "GET", "/api/document")
        path.write_text("Someone else's edit: it rained all day.\n", encoding="utf-8")
        status, answer, _ = save(server, doc, [finding_id(doc, "MT105")])
        assert status == 409 and "changed on disk since this page loaded it" in answer["error"]
        assert "nothing was written" in answer["error"]
        assert path.read_text(encoding="utf-8") == "Someone else's edit: it rained all day.\n"
        # Loading the page again shows the file as it is now; the old page's ids are refused.
        _, now, _ = request(server, "GET", "/api/document")
        assert now["revision"] != doc["revision"]
        assert "".join(p for p, _ in now["units"][0]["pieces"]) == "Someone else's edit: it rained all day.\n"
        status, answer, _ = save(server, doc, [0])
        assert status == 409 and "older version" in answer["error"]


def test_the_page_is_one_self_contained_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("It rained.\n", encoding="utf-8")
    with serving(review_of(path)) as server:
        status, page, headers = request(server, "GET", "/", token=False)
    assert status == 200 and server.token in page
    assert "{{" not in page and "<script src" not in page and "<link" not in page
    assert "http://" not in page and "https://" not in page and "@import" not in page
    csp = headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "connect-src 'self'" in csp and "frame-ancestors 'none'" in csp
    nonce = csp.split("'nonce-")[1].split("'")[0]
    assert page.count(f'nonce="{nonce}"') == 2  # the inline style and script run, nothing else


def test_the_page_is_package_data():
    """A wheel ships page.html: pyproject's package-data names it (setuptools leaves out every
    file it is not told about)."""
    import fnmatch

    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["mtcheck.review"]
    data = [p.name for p in (REPO / "mtcheck" / "review").iterdir() if p.is_file() and p.suffix != ".py"]
    assert "page.html" in data and all(any(fnmatch.fnmatch(name, pat) for pat in patterns) for name in data)


# -- the CLI ----------------------------------------------------------------------------------


def test_cli_reviews_with_the_config_and_language_of_check(tmp_path, capsys, monkeypatch):
    """The page holds the findings `check` reports for the file, under the same pyproject config."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.mtcheck]\nignore = ["MT105"]\n', encoding="utf-8")
    rows = [{"id": "1", "translation": "Ils sont partis hier soir versla capitale.",
             "target_lang": "fr"},
            {"id": "2", "translation": "They have disappearedin the city, the the whole night."}]
    path = tmp_path / "mt.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    served = {}

    def fake_serve(review, port, open_browser):
        served.update(review=review, port=port, open_browser=open_browser)
        return 0

    monkeypatch.setattr("mtcheck.review.server.serve", fake_serve)
    assert run(capsys, "review", "--no-browser", "--port", "8123", str(path))[0] == 0
    assert served["port"] == 8123 and served["open_browser"] is False
    doc = served["review"].document()
    rc, out, _ = run(capsys, "check", "--format", "json", str(path))
    checked = [(f["record"], f["start"], f["end"], f["code"]) for f in json.loads(out)["findings"]]
    reviewed = [(doc["units"][f["unit"]]["record"], *_span(doc, f), f["code"]) for f in doc["findings"]]
    assert rc == 1 and reviewed == checked and "MT105" not in {c for *_, c in checked}
    assert ("1", 26, 32, "MT101") in reviewed  # `versla`: French words, from the record's target_lang
    assert [u["lang"] for u in doc["units"]] == ["fr", "en"]  # a record's target_lang, else detected


def _span(doc: dict, finding: dict) -> tuple[int, int]:
    """The finding's offsets in its unit, from the pieces (the page has no offsets of its own)."""
    start = end = pos = 0
    seen = False
    for piece, ids in doc["units"][finding["unit"]]["pieces"]:
        if finding["id"] in ids:
            start, seen = (start, seen) if seen else (pos, True)
            end = pos + len(piece)
        pos += len(piece)
    return start, end


@pytest.mark.parametrize("args, needle", [
    (["missing.txt"], "missing.txt: no such file"),
    (["-"], "review reads a file, not standard input"),
    (["--source", "missing-src.txt", "a.txt"], "missing-src.txt: no such file"),
])
def test_cli_bad_input_is_one_line(tmp_path, capsys, monkeypatch, args, needle):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("It rained.\n", encoding="utf-8")
    rc, _, err = run(capsys, "review", "--isolated", "--no-browser", *args)
    assert rc == 2
    assert_one_line_error(err, needle)


def test_cli_port_in_use_is_one_line(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("It rained.\n", encoding="utf-8")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        rc, _, err = run(capsys, "review", "--isolated", "--no-browser", "--port", str(port), str(tmp_path / "a.txt"))
    assert rc == 2
    assert_one_line_error(err, f"cannot listen on 127.0.0.1:{port}")


def test_cli_opens_the_browser_at_the_printed_address(tmp_path, capsys, monkeypatch):
    (tmp_path / "a.txt").write_text("It rained.\n", encoding="utf-8")
    opened = threading.Event()
    urls = []

    def fake_open(url):
        urls.append(url)
        opened.set()

    def interrupted(self, poll_interval=0.5):
        assert opened.wait(10)
        raise KeyboardInterrupt  # Ctrl-C, once the browser was asked

    import webbrowser

    monkeypatch.setattr(webbrowser, "open", fake_open)
    monkeypatch.setattr("mtcheck.review.server.ReviewServer.serve_forever", interrupted)
    rc, out, err = run(capsys, "review", "--isolated", "--lang", "en", str(tmp_path / "a.txt"))
    assert rc == 0 and urls == [out.strip()] and out.startswith("http://127.0.0.1:")
    assert "stopped" in err


def test_ctrl_c_stops_the_server(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("It rained.\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    # Python's own Ctrl-C handler set first: a test run in the background starts with SIGINT
    # ignored, and Python then leaves it ignored (a terminal's foreground job never is).
    start = ("import runpy, signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
             "sys.argv[0] = 'mtcheck'; runpy.run_module('mtcheck', run_name='__main__')")
    proc = subprocess.Popen([sys.executable, "-c", start, "review", "--isolated", "--lang", "en", "--no-browser",
                             str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        url = proc.stdout.readline().strip()
        port = int(url.rsplit(":", 1)[1].strip("/"))
        with socket.create_connection(("127.0.0.1", port), timeout=10):
            pass
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert "stopped" in proc.stderr.read()
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
