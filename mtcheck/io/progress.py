"""A progress bar on stderr for long runs, shown only when stderr is a terminal."""

from __future__ import annotations

import sys
import time


class Progress:
    """Items done of a total (files), or, with ``size=True``, characters of text checked of the
    inputs' size in bytes: one big file of 200,000 records or a 20 MB article moves the bar too."""

    MIN_ITEMS = 20  # fewer items finish before a bar would help
    MIN_SIZE = 1 << 20  # a smaller input is checked in about a second

    def __init__(self, total: int, label: str = "checking", stream=None, size: bool = False):
        self.stream = stream or sys.stderr
        self.total, self.label, self.done, self.size = max(total, 1), label, 0, size
        self.enabled = total >= (self.MIN_SIZE if size else self.MIN_ITEMS) \
            and hasattr(self.stream, "isatty") and self.stream.isatty()
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
        share = min(self.done / self.total, 1.0)  # characters may undercount multi-byte text
        filled = int(width * share)
        rate = self.done / max(now - self.started, 1e-9)
        count = f"{share:.0%} ({rate / 1e6:.1f} MB/s)" if self.size else f"{self.done}/{self.total} ({rate:.0f}/s)"
        self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] {count}")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * 70 + "\r")
            self.stream.flush()
