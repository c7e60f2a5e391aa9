"""Order-preserving parallel map with a bounded number of tasks in flight.

`multiprocessing.Pool.imap` reads its whole input ahead of the workers; we
keep at most `2 * jobs` chunks in flight, so memory follows chunk size, not
input size, and output comes back in input order.
"""
from __future__ import annotations

import signal
from collections import deque
from contextlib import contextmanager
from typing import Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def ordered_map(
    fn: Callable[[T], R],
    items: Iterable[T],
    jobs: int = 1,
    initializer: Callable | None = None,
    initargs: tuple = (),
) -> Iterator[R]:
    """Yield fn(item) for each item, in order, using `jobs` processes (1: in this process)."""
    if jobs <= 1:
        for item in items:
            yield fn(item)
        return
    import multiprocessing  # (only with workers: a plain run never loads it)

    ctx = multiprocessing.get_context("spawn" if multiprocessing.get_start_method(True) == "spawn" else "fork")
    with ctx.Pool(jobs, initializer=_worker_start, initargs=(initializer, initargs)) as pool:
        pending: deque = deque()
        for item in items:
            pending.append(pool.apply_async(fn, (item,)))
            if len(pending) >= 2 * jobs:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


@contextmanager
def sigint_deferred():
    """Ctrl-C during the block (Cleaner.warm, before the workers fork) is acted on when
    it ends: a KeyboardInterrupt raised while a finalizer runs (`__del__`, of which
    compiling patterns runs many) is printed and lost, and the run would go on."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    got: list = []
    old = signal.signal(signal.SIGINT, lambda signum, frame: got.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, old)
    if got:
        raise KeyboardInterrupt


def _worker_start(initializer: Callable | None, initargs: tuple) -> None:
    """A worker dies of SIGTERM (Pool.terminate sends it) whatever handler the parent
    installed before forking, and leaves Ctrl-C to the parent (which stops the pool):
    the parent alone cleans up and reports, with no traceback per worker."""
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if initializer is not None:
        initializer(*initargs)
