"""argparse value types shared by the subcommands: a bad value is one line and exit 2."""
from __future__ import annotations

import argparse
import os


def confidence(value: str) -> float:
    """A confidence threshold in 0..1."""
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not 0.0 <= x <= 1.0:
        raise argparse.ArgumentTypeError(f"{value} is outside 0..1")
    return x


def jobs(value: str) -> int:
    """A worker count; 0 means one per core."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 (one per core) or more")
    return n or (os.cpu_count() or 1)


def positive(value: str) -> int:
    """A whole number of 1 or more."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return n
