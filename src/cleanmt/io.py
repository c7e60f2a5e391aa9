"""Reading input safely and writing output atomically.

Every failure here is an `InputError` with a one-line message the CLI prints
(with exit status 2 at the end); nothing is written for an input that is bad.
Writes go only to regular files, through a temp file that is fsynced and
renamed (`atomic_output`).
"""
from __future__ import annotations

import codecs
import os
import secrets
import stat
import sys
from contextlib import contextmanager
from typing import IO, Iterator, Optional

MAX_BYTES = 512 * 1024 * 1024  # whole-file mode; bigger inputs belong in a stream


class InputError(Exception):
    """Bad input: the message is shown to the user as one line."""


_BOMS = ((codecs.BOM_UTF32_LE, "UTF-32LE"), (codecs.BOM_UTF32_BE, "UTF-32BE"),  # before UTF-16LE, a prefix
         (codecs.BOM_UTF16_LE, "UTF-16LE"), (codecs.BOM_UTF16_BE, "UTF-16BE"))


def decode(data: bytes, name: str) -> str:
    if not data:
        raise InputError(f"{name}: file is empty, nothing to check")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            raise InputError(f"{name}: {encoding} text (byte-order mark), not UTF-8; convert it first, "
                             f"e.g. iconv -f {encoding.rstrip('LBE')} -t UTF-8")
    nul = data.find(b"\x00")  # the whole file: one memchr pass
    if nul != -1:
        raise InputError(f"{name}: looks like a binary file (NUL byte at offset {nul}), not text")
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
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror})") from None


_KINDS = ((stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISFIFO, "a FIFO"),
          (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a directory"))

# temp files not yet renamed into place: removed by `remove_temp_files` on a signal
_PENDING: set = set()


def check_target(path: str, in_place: bool = False) -> tuple[str, Optional[os.stat_result]]:
    """Where a write to `path` lands, and what is there now: (real path, its stat or None).

    A symlink is followed (the link stays, its target gets the new text). Anything
    but a regular file is refused (a device, a FIFO, a socket, a directory), and so
    is a file with several hard links (replacing it would split them). With
    `in_place`, a read-only file (no write bit set) is refused too: -i leaves it as it is.
    """
    real = os.path.realpath(path)
    try:
        st = os.stat(real)
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise InputError(f"{path}: cannot write ({e.strerror})") from None
    if st is not None:
        for test, kind in _KINDS:
            if test(st.st_mode):
                raise InputError(f"{path}: is {kind}, not a regular file; cleanmt writes only regular files")
        if st.st_nlink > 1:
            raise InputError(f"{path}: has {st.st_nlink} hard links, which replacing it would split; "
                             "fix a copy instead")
        if in_place and not st.st_mode & 0o222:
            raise InputError(f"{path}: is read-only; -i leaves it alone (chmod u+w to allow)")
    directory = os.path.dirname(real)
    if not os.path.isdir(directory):
        raise InputError(f"{path}: directory {directory} does not exist")
    return real, st


@contextmanager
def atomic_output(path: str, in_place: bool = False) -> Iterator[IO[bytes]]:
    """A binary file to write `path`'s new content into; it replaces `path` only when
    the block ends without an exception.

    The content goes to a uniquely named temp file beside the target, is fsynced,
    and renamed over it: a crash leaves the old file or the new one, never half of
    either. The replaced file's mode and (where allowed) owner and group are kept;
    a new file gets 0666 less the umask, as `open` would give it. The temp file is
    removed on every way out but SIGKILL (the CLI turns SIGTERM and SIGHUP into an
    exception for this).
    """
    real, st = check_target(path, in_place)
    directory, base = os.path.split(real)
    tmp = os.path.join(directory, f".{base[:200]}.cleanmt-{os.getpid()}-{secrets.token_hex(4)}")  # < NAME_MAX
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(tmp, flags, 0o666 if st is None else 0o600)
    except OSError as e:
        raise InputError(f"{path}: cannot write in {directory} ({e.strerror})") from None
    _PENDING.add(tmp)
    try:
        with os.fdopen(fd, "wb") as fh:
            if st is not None:
                try:
                    os.fchown(fh.fileno(), st.st_uid, st.st_gid)
                except OSError:  # not ours to give away: the caller becomes the owner, as with
                    try:  # any editor, and the group stays where the caller may keep it
                        os.fchown(fh.fileno(), -1, st.st_gid)
                    except OSError:
                        pass
                os.fchmod(fh.fileno(), stat.S_IMODE(st.st_mode))
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, real)
        _PENDING.discard(tmp)
    except BaseException:
        remove_temp_files({tmp})
        raise


def remove_temp_files(paths: Optional[set] = None) -> None:
    """Remove temp files that were not renamed into place (all of them by default)."""
    for tmp in list(_PENDING if paths is None else paths):
        try:
            os.unlink(tmp)
        except OSError:
            pass
        _PENDING.discard(tmp)


def write_atomic(path: str, text: str, in_place: bool = False) -> None:
    """Write `text` as UTF-8 to `path` through `atomic_output`."""
    with atomic_output(path, in_place) as fh:
        fh.write(text.encode("utf-8"))


def write_stdout(text: str) -> None:
    """Write exactly these characters to stdout as UTF-8 (no newline translation)."""
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()
