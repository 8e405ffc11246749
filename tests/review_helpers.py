"""Helpers for the review tests: a ReviewServer on a free port in a thread, and requests to it."""

from __future__ import annotations

import http.client
import json
import threading
from contextlib import contextmanager

from mtcheck.review.server import TOKEN_HEADER, ReviewServer


@contextmanager
def serving(review):
    """The review served on 127.0.0.1 (a free port) until the block ends."""
    server = ReviewServer(review, 0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def request(server, method: str, path: str, body=None, token: bool = True, headers: dict | None = None):
    """(status, decoded JSON or the text, response headers) of one request to ``server``."""
    sent = {"Host": f"127.0.0.1:{server.port}"}
    if token:
        sent[TOKEN_HEADER] = server.token
    data = None
    if body is not None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode("utf-8")
        sent["Content-Type"] = "application/json"
    sent.update(headers or {})
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        conn.request(method, path, body=data, headers=sent)
        response = conn.getresponse()
        raw = response.read().decode("utf-8")
        kind = response.getheader("Content-Type", "")
        return response.status, json.loads(raw) if kind.startswith("application/json") else raw, dict(response.getheaders())
    finally:
        conn.close()


def finding_id(document: dict, code: str, old: str | None = None) -> int:
    """The id of the one finding of ``code`` (whose fix replaces ``old``, if given)."""
    ids = [f["id"] for f in document["findings"]
           if f["code"] == code and (old is None or (f["fix"] and f["fix"]["old"] == old))]
    assert len(ids) == 1, (code, old, [(f["code"], f["fix"]) for f in document["findings"]])
    return ids[0]
