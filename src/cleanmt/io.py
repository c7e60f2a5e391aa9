"""Reading input safely and writing output atomically.

Every failure here is an `InputError` with a one-line message the CLI prints
before exiting with status 2; nothing is written when input is bad.
"""
from __future__ import annotations

import os
import stat
import sys
import tempfile

MAX_BYTES = 512 * 1024 * 1024  # whole-file mode; bigger inputs belong in a stream


class InputError(Exception):
    """Bad input: the message is shown to the user as one line."""


def decode(data: bytes, name: str) -> str:
    if not data:
        raise InputError(f"{name}: file is empty, nothing to check")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(
            f"{name}: not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); "
            "convert it first, e.g. iconv -f LATIN1 -t UTF-8"
        ) from None


def read_text(path: str) -> str:
    """Read a UTF-8 text file (or stdin for "-") without touching line endings."""
    if path == "-":
        return decode(sys.stdin.buffer.read(), "<stdin>")
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{path}: is a directory (give the files inside it)")
    if st.st_size > MAX_BYTES:
        raise InputError(
            f"{path}: {st.st_size / 2**20:.0f} MiB is over the {MAX_BYTES // 2**20} MiB "
            "whole-file limit; split it first"
        )
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror})") from None
    return decode(data, path)


def open_binary(path: str):
    """Open a stream input ("-" is stdin) for reading bytes, with the same errors as read_text."""
    if path == "-":
        return sys.stdin.buffer
    if os.path.isdir(path):
        raise InputError(f"{path}: is a directory (give the files inside it)")
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None


def write_atomic(path: str, text: str) -> None:
    """Write `text` as UTF-8 to `path` via a temp file and rename.

    A crash leaves either the old file or the new one, never half of either;
    the file's permission bits are kept.
    """
    directory = os.path.dirname(os.path.abspath(path))
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        mode = None
    fd, tmp = tempfile.mkstemp(prefix=".cleanmt-", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_stdout(text: str) -> None:
    """Write exactly these characters to stdout as UTF-8 (no newline translation)."""
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()
