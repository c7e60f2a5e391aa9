"""A one-line progress display on stderr: documents, MB/s and, when the input
size is known, an ETA. Silent unless stderr is a terminal."""
from __future__ import annotations

import sys
import time
from typing import Optional


class Progress:
    def __init__(self, total_bytes: Optional[int] = None, enabled: Optional[bool] = None, every: float = 0.25):
        self.total = total_bytes
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.docs = 0
        self.nbytes = 0
        self.start = time.monotonic()
        self._last = 0.0
        self.every = every

    def update(self, docs: int = 0, nbytes: int = 0) -> None:
        self.docs += docs
        self.nbytes += nbytes
        now = time.monotonic()
        if self.enabled and now - self._last >= self.every:
            self._last = now
            sys.stderr.write("\r" + self.line(now))
            sys.stderr.flush()

    def line(self, now: Optional[float] = None) -> str:
        elapsed = max(1e-9, (now or time.monotonic()) - self.start)
        rate = self.nbytes / elapsed / 1e6
        s = f"cleanmt: {self.docs} docs, {self.nbytes / 1e6:.1f} MB, {rate:.2f} MB/s"
        if self.total and rate > 0:
            left = max(0, self.total - self.nbytes) / 1e6 / rate
            s += f", {100 * min(1, self.nbytes / self.total):.0f}%, ETA {left:.0f}s"
        return s

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\r" + self.line() + "\n")
            sys.stderr.flush()
