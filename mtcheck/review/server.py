"""The review server: the page and its JSON API on 127.0.0.1, standard library only.

    GET  /                the page (page.html, with this run's token and script nonce)
    GET  /api/document    the file's view: units, findings, proposed fixes, revision
    POST /api/save        {"revision": r, "accept": [ids]} → the file written, checked again
    POST /api/result      the same body → the fixed file's text, for a download; nothing written

Nothing else is served. Another site open in the browser must not read or write the file:
every request must name this server as its Host (a DNS-rebinding page names its own), every
API request must carry the token that only the page holds (``X-Mtcheck-Token``: a custom
header, which a cross-site request cannot send without a preflight this server never
answers), and a POST must be JSON from this origin.
"""

from __future__ import annotations

import hmac
import json
import secrets
import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources

from mtcheck.io.readers import InputError
from mtcheck.review.session import Review, ReviewError

HOST = "127.0.0.1"
TOKEN_HEADER = "X-Mtcheck-Token"
MAX_BODY = 1 << 20  # a list of accepted ids: a megabyte holds over 100,000 of them
CSP = ("default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; connect-src 'self'; "
       "img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


def page_html(token: str, nonce: str) -> str:
    """The page, with the token its requests carry and the nonce its inline script and style run under."""
    page = resources.files("mtcheck.review").joinpath("page.html").read_text(encoding="utf-8")
    return page.replace("{{TOKEN}}", token).replace("{{NONCE}}", nonce)


class ReviewServer(ThreadingHTTPServer):
    """Serves one Review on 127.0.0.1:``port`` (0: a free port, chosen by the system)."""

    daemon_threads = True  # a request still open does not keep Ctrl-C from ending the server
    allow_reuse_address = False  # --port N must fail while another server has N

    def __init__(self, review: Review, port: int = 0):
        super().__init__((HOST, port), Handler)
        self.review = review
        self.token = secrets.token_urlsafe(32)
        self.port = self.server_address[1]
        self.url = f"http://{HOST}:{self.port}/"
        self.hosts = {f"{HOST}:{self.port}", f"localhost:{self.port}"}
        self.origins = {f"http://{host}" for host in self.hosts}


class Handler(BaseHTTPRequestHandler):
    server: ReviewServer
    server_version = "mtcheck-review"
    sys_version = ""

    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        pass  # a line per request would bury the URL; errors reach the page

    # -- the routes --------------------------------------------------------------------------
    def do_GET(self):  # noqa: N802 (the base class's name)
        if not self._host_ok():
            return
        path = self.path.split("?", 1)[0]
        if path == "/":
            nonce = secrets.token_urlsafe(16)
            self._send(HTTPStatus.OK, page_html(self.server.token, nonce).encode("utf-8"),
                       "text/html; charset=utf-8", {"Content-Security-Policy": CSP.format(nonce=nonce)})
        elif path == "/api/document":
            if self._token_ok():
                self._answer(self.server.review.document)
        else:
            self._error(HTTPStatus.NOT_FOUND, "not found")

    def do_POST(self):  # noqa: N802
        if not (self._host_ok() and self._token_ok() and self._origin_ok()):
            return
        action = {"/api/save": self.server.review.save, "/api/result": self.server.review.result}.get(self.path)
        if action is None:
            self._error(HTTPStatus.NOT_FOUND, "not found")
            return
        body = self._json_body()
        if body is not None:
            self._answer(lambda: action(body.get("revision"), body.get("accept")))

    def do_PUT(self):  # noqa: N802
        self._error(HTTPStatus.METHOD_NOT_ALLOWED, "method not allowed")

    do_DELETE = do_PATCH = do_OPTIONS = do_PUT  # no CORS preflight is ever answered

    # -- the guards --------------------------------------------------------------------------
    def _host_ok(self) -> bool:
        if self.headers.get("Host", "") in self.server.hosts:
            return True
        self._error(HTTPStatus.FORBIDDEN, "wrong Host: open the page at the address mtcheck review printed")
        return False

    def _token_ok(self) -> bool:
        if hmac.compare_digest(self.headers.get(TOKEN_HEADER, ""), self.server.token):
            return True
        self._error(HTTPStatus.FORBIDDEN, "missing or wrong token: reload the page")
        return False

    def _origin_ok(self) -> bool:
        origin = self.headers.get("Origin")
        if origin is None or origin in self.server.origins:
            return True
        self._error(HTTPStatus.FORBIDDEN, "request from another site refused")
        return False

    def _json_body(self) -> dict | None:
        if self.headers.get_content_type() != "application/json":
            self._error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "the body must be JSON")
            return None
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            self._error(HTTPStatus.LENGTH_REQUIRED, "Content-Length required")
            return None
        if not 0 <= length <= MAX_BODY:
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "request too large")
            return None
        try:
            body = json.loads(self.rfile.read(length))
        except (ValueError, UnicodeDecodeError):
            body = None
        if not isinstance(body, dict):
            self._error(HTTPStatus.BAD_REQUEST, "the body must be a JSON object")
            return None
        return body

    # -- answers -----------------------------------------------------------------------------
    def _answer(self, call) -> None:
        try:
            data = call()
        except ReviewError as exc:
            self._error(exc.status, str(exc))
            return
        self._send(HTTPStatus.OK, json.dumps(data, ensure_ascii=False).encode("utf-8"), "application/json")

    def _error(self, status: int, message: str) -> None:
        self._send(status, json.dumps({"error": message}).encode("utf-8"), "application/json")

    def _send(self, status: int, body: bytes, content_type: str, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("X-Frame-Options", "DENY")
        self.send_header("Referrer-Policy", "no-referrer")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


def serve(review: Review, port: int = 0, open_browser: bool = True) -> int:
    """Serve until Ctrl-C; the URL goes to standard output, and to the browser unless told not."""
    try:
        server = ReviewServer(review, port)
    except OSError as exc:
        raise InputError(f"cannot listen on {HOST}:{port}: {exc.strerror or exc}") from None
    try:  # from here on Ctrl-C stops the server (it may come as soon as the URL is out)
        print(server.url, flush=True)
        print(f"mtcheck review: {len(review.findings)} finding(s) in {review.path}; Ctrl-C stops the server",
              file=sys.stderr, flush=True)
        if open_browser:
            import webbrowser  # only here: a console browser may hold this thread, never the server's

            threading.Thread(target=webbrowser.open, args=(server.url,), daemon=True).start()
        server.serve_forever()
    except KeyboardInterrupt:
        print("mtcheck review: stopped", file=sys.stderr)
    finally:
        server.server_close()
    return 0
