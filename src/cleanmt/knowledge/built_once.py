"""A table built once per machine and kept as a pickle in ~/.cache/cleanmt.

Why: the spinner's swap index and its context candidates take minutes to build; a lock
file makes concurrent processes (test workers, `-j N`) wait for one build instead of each
running their own, and the file is written atomically, so a reader never sees half of it.
"""
from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Callable, Optional, TypeVar

T = TypeVar("T")


def load_or_build(path: Path, kind: type, build: Callable[[], T]) -> T:
    """The `kind` object pickled at `path`; built by `build()` and written there first
    when the file is missing or unreadable."""
    got = _read(path, kind)
    if got is not None:
        return got
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_suffix(".lock"), "w") as lock:
        try:
            import fcntl

            fcntl.flock(lock, fcntl.LOCK_EX)
        except (ImportError, OSError):
            pass
        got = _read(path, kind)  # built by another process while this one waited
        if got is not None:
            return got
        got = build()
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        with open(tmp, "wb") as f:
            pickle.dump(got, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    return got


def _read(path: Path, kind: type) -> Optional[object]:
    try:
        with open(path, "rb") as f:
            got = pickle.load(f)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, TypeError):
        return None
    return got if isinstance(got, kind) else None
