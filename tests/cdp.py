"""A tiny Chrome DevTools Protocol client for the browser tests: headless Chromium driven over
``--remote-debugging-pipe`` (JSON messages ended by NUL on file descriptors 3 and 4), so that no
websocket library and no debugging port are needed. Standard library only.

    with Chromium.launch(tmp_path / "profile") as browser:
        page = browser.open("http://127.0.0.1:8000/")
        page.wait("document.querySelectorAll('.card').length > 0")
        page.click("#save")
"""

from __future__ import annotations

import fcntl
import json
import os
import select
import shutil
import subprocess
import sys
import time

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--no-proxy-server",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--disable-dev-shm-usage", "--window-size=1280,900"]


def chromium_binary() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


class ProtocolError(Exception):
    pass


class Chromium:
    """One headless Chromium process and the pipe to it."""

    def __init__(self, proc: subprocess.Popen, to_browser: int, from_browser: int):
        self.proc, self.to_browser, self.from_browser = proc, to_browser, from_browser
        self.buffer, self.next_id = b"", 0

    @classmethod
    def launch(cls, profile, binary: str | None = None) -> Chromium:
        binary = binary or chromium_binary()
        commands_r, commands_w = os.pipe()  # we write commands, Chromium reads them on fd 3
        events_r, events_w = os.pipe()  # Chromium writes answers on fd 4
        # Copies above 9, so that moving one to 3 cannot overwrite the other; a small Python moves
        # them (no preexec_fn: the test process runs a server thread; dash knows no fd over 9).
        child_r, child_w = fcntl.fcntl(commands_r, fcntl.F_DUPFD, 10), fcntl.fcntl(events_w, fcntl.F_DUPFD, 10)
        for fd in (commands_r, events_w):
            os.close(fd)
        move = ("import os, sys; r, w = int(sys.argv[1]), int(sys.argv[2]); os.dup2(r, 3); os.dup2(w, 4); "
                "os.close(r); os.close(w); os.execv(sys.argv[3], sys.argv[3:])")
        proc = subprocess.Popen([sys.executable, "-c", move, str(child_r), str(child_w), binary, *FLAGS,
                                 "--remote-debugging-pipe", f"--user-data-dir={profile}", "about:blank"],
                                pass_fds=(child_r, child_w), stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(child_r)
        os.close(child_w)
        return cls(proc, commands_w, events_r)

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        try:
            self.send("Browser.close", timeout=10)
        except (ProtocolError, OSError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self.to_browser, self.from_browser):
            try:
                os.close(fd)
            except OSError:
                pass

    def send(self, method: str, params: dict | None = None, session: str | None = None, timeout: float = 30) -> dict:
        """Send one command and wait for its answer (events in between are dropped)."""
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode("utf-8") + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            answer = self._read(deadline)
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise ProtocolError(f"{method}: {answer['error']}")
                return answer.get("result", {})

    def _read(self, deadline: float) -> dict:
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.from_browser], [], [], left)[0]:
                raise ProtocolError("no answer from Chromium in time")
            chunk = os.read(self.from_browser, 1 << 16)
            if not chunk:
                raise ProtocolError("Chromium closed the pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def open(self, url: str) -> Page:
        target = self.send("Target.createTarget", {"url": url})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        return Page(self, session)


class Page:
    """A tab: evaluate JavaScript, wait for a condition, click an element as a mouse does."""

    def __init__(self, browser: Chromium, session: str):
        self.browser, self.session = browser, session

    def send(self, method: str, params: dict | None = None) -> dict:
        return self.browser.send(method, params, self.session)

    def evaluate(self, expression: str):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise ProtocolError(f"{expression}: {result['exceptionDetails'].get('text')}"
                                f" {result['exceptionDetails'].get('exception', {}).get('description', '')}")
        return result["result"].get("value")

    def wait(self, condition: str, timeout: float = 30):
        """Poll ``condition`` (a JavaScript expression) until it is truthy; its value."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(condition)
            if value:
                return value
            if time.monotonic() > deadline:
                raise ProtocolError(f"still false after {timeout} s: {condition}")
            time.sleep(0.05)

    def click(self, selector: str) -> None:
        """A left click at the middle of the element, with real mouse events: what a person's
        click reaches (an element covered by another, or hidden, is not clicked)."""
        box = self.evaluate(f"""(() => {{
            const node = document.querySelector({json.dumps(selector)});
            if (!node) return null;
            node.scrollIntoView({{block: "center"}});
            const r = node.getBoundingClientRect();
            return {{x: r.left + r.width / 2, y: r.top + r.height / 2}};
        }})()""")
        if box is None:
            raise ProtocolError(f"no element {selector}")
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": box["x"], "y": box["y"], "button": "left",
                                                   "clickCount": 0 if kind == "mouseMoved" else 1})
