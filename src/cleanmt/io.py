"""Reading input safely and writing output atomically.

Every failure here is an `InputError` with a one-line message the CLI prints
(with exit status 2 at the end); nothing is written for an input that is bad.
Writes go only to regular files, through a temp file that is fsynced and
renamed (`atomic_output`).
"""
from __future__ import annotations

import codecs
import errno
import os
import re
import secrets
import stat
import sys
from contextlib import contextmanager
from typing import IO, Iterator, Optional

MAX_BYTES = 512 * 1024 * 1024  # whole-file mode; bigger inputs belong in a stream


class InputError(Exception):
    """Bad input: the message is shown to the user as one line."""


class JsonlError(Exception):
    """A malformed line under --on-error fail (jsonl.py raises it; here so that cli.py can
    catch it without importing the JSONL mode)."""


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
    is a file with several hard links (replacing it would split them: the other names
    would keep the old text), and a read-only file (no write bit set), even for root.
    `in_place` is kept for callers; -i and -o are held to the same rules.
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
        if not st.st_mode & 0o222:  # by its mode, not by access(2): root could write it anyway
            raise InputError(f"{path}: is read-only; cleanmt does not replace it (chmod u+w to allow)")
    directory = os.path.dirname(real)
    if not os.path.isdir(directory):
        raise InputError(f"{path}: directory {directory} does not exist")
    return real, st


# Linux: the temp file has no name while it is written, so no kill (SIGKILL included) can
# leave one behind; None where the platform lacks it (tests set it to None to try the other way)
O_TMPFILE = getattr(os, "O_TMPFILE", None)
_PROC_FD = "/proc/self/fd"  # an unnamed file is given a name by linking its /proc entry
_UNNAMED_UNSUPPORTED = {getattr(errno, n) for n in ("EOPNOTSUPP", "ENOTSUP", "EISDIR", "EINVAL")
                        if hasattr(errno, n)}
_TEMP_NAME = re.compile(r"\..+\.cleanmt-(\d+)-[0-9a-f]{8}")
_SWEPT: set = set()  # directories this process has swept for stale temp files


def _temp_name(directory: str, base: str) -> str:
    """A unique, recognisable temp name beside the target: `.NAME.cleanmt-PID-HEX`."""
    return os.path.join(directory, f".{base[:200]}.cleanmt-{os.getpid()}-{secrets.token_hex(4)}")  # < NAME_MAX


def _open_temp(directory: str, base: str, mode: int) -> tuple[int, Optional[str]]:
    """(fd, name) of a new temp file in `directory`; name None: the file has none yet."""
    if O_TMPFILE is not None and os.path.isdir(_PROC_FD):
        try:
            return os.open(directory, O_TMPFILE | os.O_WRONLY | getattr(os, "O_CLOEXEC", 0), mode), None
        except OSError as e:
            if e.errno not in _UNNAMED_UNSUPPORTED:  # a file system without it: use a name
                raise
    tmp = _temp_name(directory, base)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
    return os.open(tmp, flags, mode), tmp


def remove_stale_temp_files(directory: str) -> list[str]:
    """Remove the temp files an earlier cleanmt left in `directory` when it was killed
    (SIGKILL, a power cut) where it had to use a named temp file. Only a regular file of
    ours whose name is exactly cleanmt's pattern, and whose process is gone, is removed:
    never a link, never someone else's, never a live writer's. Returns the paths removed."""
    removed = []
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return removed
    for entry in entries:
        m = _TEMP_NAME.fullmatch(entry.name)
        if not m or int(m.group(1)) == os.getpid():
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(st.st_mode) or st.st_uid != os.geteuid() or _alive(int(m.group(1))):
                continue
            os.unlink(entry.path)
            removed.append(entry.path)
        except OSError:
            continue
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True  # someone else's process, or not a pid at all: keep its file
    return True


class Discard(Exception):
    """Raised inside `atomic_output` to leave the target as it was (nothing to change)."""


@contextmanager
def atomic_output(path: str, in_place: bool = False) -> Iterator[IO[bytes]]:
    """A binary file to write `path`'s new content into; it replaces `path` only when
    the block ends without an exception.

    The content goes to a temp file beside the target, is fsynced, and renamed over
    it: a crash leaves the old file or the new one, never half of either. On Linux
    the temp file is unnamed while it is written (O_TMPFILE) and is given a unique
    name only to be renamed, so even SIGKILL leaves nothing behind. Elsewhere it is
    named `.NAME.cleanmt-PID-HEX`, removed on every way out but SIGKILL (the CLI
    turns SIGTERM and SIGHUP into an exception for this); one left by a killed run
    is removed by the next write into that directory (`remove_stale_temp_files`).
    The replaced file's mode and (where allowed) owner and group are kept; a new file
    gets 0666 less the umask, as `open` would give it. Raising `Discard` in the block
    drops the temp file and leaves the target untouched.
    """
    real, st = check_target(path, in_place)
    directory, base = os.path.split(real)
    if directory not in _SWEPT:
        _SWEPT.add(directory)
        remove_stale_temp_files(directory)
    try:
        fd, tmp = _open_temp(directory, base, 0o666 if st is None else 0o600)
    except OSError as e:
        raise InputError(f"{path}: cannot write in {directory} ({e.strerror})") from None
    if tmp is not None:
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
            if tmp is None:  # named only now, for the rename (linkat cannot replace a file)
                tmp = _temp_name(directory, base)
                _PENDING.add(tmp)
                _link_unnamed(fh.fileno(), tmp)
        os.replace(tmp, real)
        _PENDING.discard(tmp)
        _fsync_directory(directory)
    except BaseException as e:
        if tmp is not None:
            remove_temp_files({tmp})
        if not isinstance(e, Discard):
            raise


def _link_unnamed(fd: int, name: str) -> None:
    """linkat(2) the unnamed file `fd` to `name` through its /proc entry (os.link calls
    plain link(2), which does not follow that entry, unless a directory fd is given)."""
    proc = os.open(_PROC_FD, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.link(str(fd), name, src_dir_fd=proc, follow_symlinks=True)
    finally:
        os.close(proc)


def _fsync_directory(directory: str) -> None:
    """Make the rename itself durable; where a directory cannot be opened, skip it."""
    try:
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


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
