"""The review page in headless Chromium, clicked as a person clicks it: two fixes accepted, one
rejected, saved, and the file on disk compared; "accept all safe fixes" and a download of a
JSONL file. Skipped, with the reason, where Debian's chromium is not installed (.ci/run
installs it). The browser is driven over the DevTools protocol's pipe (tests/cdp.py)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from cdp import Chromium, chromium_binary
from mtcheck.config import Config
from mtcheck.review.session import Review
from review_helpers import finding_id, request, serving

ARTICLE = (Path(__file__).resolve().parents[1] / "examples" / "article.txt").read_text(encoding="utf-8")
STATUS = "document.getElementById('status').textContent"


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if chromium_binary() is None:
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    with Chromium.launch(tmp_path_factory.mktemp("chromium-profile")) as chromium:
        yield chromium


def pressed(page, fid: int) -> dict:
    return page.evaluate(f"""Object.fromEntries([...document.querySelectorAll('#finding-{fid} button[data-choice]')]
                             .map(b => [b.dataset.choice, b.getAttribute('aria-pressed')]))""")


def test_accept_two_reject_one_and_save(browser, tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    with serving(Review(str(path), Config(), lang="en")) as server:
        _, doc, _ = request(server, "GET", "/api/document")
        merged, repeated = finding_id(doc, "MT101"), finding_id(doc, "MT105")
        entity = [f["id"] for f in doc["findings"] if f["code"] == "MT302"][0]  # the first of two `&quot;`
        page = browser.open(server.url)
        page.wait(f"document.querySelectorAll('.card').length === {len(doc['findings'])}")
        # The text is on the page with every finding marked.
        assert page.evaluate("document.querySelector('.text').textContent") == ARTICLE
        assert page.evaluate("new Set([...document.querySelectorAll('mark')].flatMap(m => m.dataset.ids.split(' '))).size") \
            == len(doc["findings"])
        page.click(f"#finding-{merged} button.accept")
        page.click(f"#finding-{repeated} button.accept")
        page.click(f"#finding-{entity} button.reject")
        assert pressed(page, merged) == {"accepted": "true", "rejected": "false"}
        assert pressed(page, entity) == {"accepted": "false", "rejected": "true"}
        assert "2 accepted, 1 rejected" in page.evaluate("document.getElementById('summary').textContent")
        page.click("#save")
        status = page.wait(f"{STATUS}.startsWith('Saved') && {STATUS}")
        assert path.read_text(encoding="utf-8") == ARTICLE.replace("beganin", "began in", 1).replace("the the", "the", 1)
        assert status.startswith("Saved article.txt: 2 fix(es)"), status
        # The page shows the file as saved, checked again: two findings fewer, no choice made yet.
        page.wait(f"document.querySelectorAll('.card').length === {len(doc['findings']) - 2}")
        assert page.evaluate("document.querySelectorAll('button[aria-pressed=\"true\"]').length") == 0


def test_accept_all_safe_reject_one_and_download(browser, tmp_path):
    lines = ['{"id": "a", "source": "Ils ont disparu.", "translation": "They have disappearedin the city."}\n',
             '{"id": "b", "source": "Il a plu.", "translation": "It rained the the whole \\u00e9t\\u00e9."}\n',
             '{"id": "c", "translation": "Nothing to fix here."}\n']
    path = tmp_path / "mt.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    with serving(Review(str(path), Config(), lang="en")) as server:
        _, doc, _ = request(server, "GET", "/api/document")
        merged = finding_id(doc, "MT101")
        page = browser.open(server.url)
        browser.send("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
        page.wait("document.querySelectorAll('.unit').length === 3")
        assert page.evaluate("[...document.querySelectorAll('.source')].map(s => s.textContent)") == \
            ["Ils ont disparu.", "Il a plu."]  # each record beside its own source
        page.click(f"#finding-{merged} button.reject")
        page.click("#accept-safe")  # every other safe fix; the rejection stands
        page.click("#download")
        page.wait(f"{STATUS}.startsWith('Downloaded')")
        saved = downloads / "mt.jsonl"
        deadline = time.monotonic() + 30
        while not saved.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
    assert saved.read_text(encoding="utf-8") == "".join(
        [lines[0], lines[1].replace("the the", "the"), lines[2]])
    assert json.loads(saved.read_text(encoding="utf-8").splitlines()[1])["translation"] == "It rained the whole été."
    assert path.read_text(encoding="utf-8") == "".join(lines)  # a download writes nothing
