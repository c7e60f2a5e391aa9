"""The progress display on stderr (tqdm): files in file mode, bytes, MB/s and ETA
for JSON Lines. Shown when stderr is a terminal (or --progress); never with -q.

While a bar is shown, sys.stderr is a line-buffered stand-in that writes each
complete line above the bar (tqdm.write), so a warning never lands on the
progress line, whichever module prints it.
"""
from __future__ import annotations

import sys
from typing import Optional


class _AboveTheBar:
    """sys.stderr while a bar is shown: whole lines go out through tqdm.write."""

    def __init__(self, real):
        self.real = real
        self._buf = ""

    def write(self, s: str) -> int:
        self._buf += s
        if "\n" in self._buf:
            from tqdm import tqdm

            done, self._buf = self._buf.rsplit("\n", 1)
            tqdm.write(done, file=self.real)
        return len(s)

    def flush(self) -> None:
        self.real.flush()

    def flush_partial(self) -> None:
        if self._buf:
            from tqdm import tqdm

            tqdm.write(self._buf, file=self.real)
            self._buf = ""

    def __getattr__(self, name):  # isatty, fileno, encoding...
        return getattr(self.real, name)


class Progress:
    """update(docs=, nbytes=) as work is done; close() at the end (also on error)."""

    def __init__(self, total_bytes: Optional[int] = None, enabled: Optional[bool] = None,
                 total_files: Optional[int] = None):
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.by_files = total_files is not None
        self.docs = 0
        self.nbytes = 0
        self._bar = None
        self._guard = None
        if not self.enabled:
            return
        from tqdm import tqdm  # imported only when a bar is shown

        self._real = sys.stderr
        common = dict(file=self._real, desc="cleanmt", dynamic_ncols=True, mininterval=0.25)
        if self.by_files:
            self._bar = tqdm(total=total_files, unit="file", **common)
        else:
            self._bar = tqdm(total=total_bytes, unit="B", unit_scale=True, unit_divisor=1000, **common)
        self._guard = sys.stderr = _AboveTheBar(self._real)

    def update(self, docs: int = 0, nbytes: int = 0) -> None:
        self.docs += docs
        self.nbytes += nbytes
        if self._bar is None:
            return
        if self.by_files:
            self._bar.update(docs)
        else:
            self._bar.set_postfix_str(f"{self.docs} docs", refresh=False)
            self._bar.update(nbytes)

    def close(self) -> None:
        if self._bar is None:
            return
        if sys.stderr is self._guard:
            self._guard.flush_partial()
            sys.stderr = self._real
        self._bar.close()
        self._bar = None
