"""A progress bar on stderr for long runs, shown only when stderr is a terminal."""

from __future__ import annotations

import sys
import time


class Progress:
    MIN_ITEMS = 20  # fewer items finish before a bar would help

    def __init__(self, total: int, label: str = "checking", stream=None):
        self.stream = stream or sys.stderr
        self.total, self.label, self.done = total, label, 0
        self.enabled = total >= self.MIN_ITEMS and hasattr(self.stream, "isatty") and self.stream.isatty()
        self.started = time.monotonic()
        self._last = 0.0

    def advance(self, n: int = 1) -> None:
        self.done += n
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < 0.1 and self.done < self.total:
            return
        self._last = now
        width = 30
        filled = int(width * self.done / self.total)
        rate = self.done / max(now - self.started, 1e-9)
        self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] "
                          f"{self.done}/{self.total} ({rate:.0f}/s)")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * 70 + "\r")
            self.stream.flush()
