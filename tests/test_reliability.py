"""Reliability (issue 16): no record lost, no file clobbered, no crash on bad input."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import cleanmt
from cleanmt.engine import Cleaner
from cleanmt.jsonl import Settings, process_line

ROOT = Path(__file__).resolve().parent.parent


def run(args, stdin=b"", **kw):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    p = subprocess.run([sys.executable, "-m", "cleanmt", *args], input=stdin, capture_output=True, env=env, **kw)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


# -- JSONL: every line in gives a line out -------------------------------------

BAD_LINES = {
    "surrogate": b'{"text": "bad \\udc80 record once morest"}\n',
    "bigint": b'{"n": ' + b"9" * 5000 + b', "text": "x"}\n',
    "deep": b"[" * 100_000 + b"]" * 100_000 + b"\n",
    "blank": b"\n",
    "own key": b'{"text": "a", "cleanmt": 1}\n',
    "nan": b'{"text": "a", "x": NaN}\n',
    "infinity": b'{"text": "a", "x": -Infinity}\n',
}


def _stream(tmp_path, n=600):
    lines = [(json.dumps({"id": i, "text": f"doc {i} once morest"}) + "\n").encode() for i in range(n)]
    bad_at = {}
    for k, (name, line) in enumerate(BAD_LINES.items()):
        at = 100 + 37 * k
        lines[at] = line
        bad_at[name] = at + 1  # 1-based line number
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"".join(lines))
    return src, lines, bad_at


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_jsonl_bad_records_cost_only_themselves(tmp_path, jobs):
    src, lines, bad_at = _stream(tmp_path)
    rc, out, err = run(["fix", "--jsonl", "-j", jobs, str(src)])
    assert rc == 0 and "Traceback" not in err
    out_lines = out.split(b"\n")[:-1]
    assert len(out_lines) == len(lines)  # every line in gives a line out
    passed = {at - 1 for name, at in bad_at.items() if name != "surrogate"}
    for i, line in enumerate(out_lines):
        if i not in passed:
            json.loads(line)  # valid JSON; the bad lines are passed through as they were, and reported
    for name, at in bad_at.items():
        if name == "surrogate":
            rec = json.loads(out_lines[at - 1])
            assert rec["text"] == "bad \udc80 record against"  # escaped, fixed, nothing lost
            assert b"\\udc80" in out_lines[at - 1]
        elif name == "blank":
            assert f"{src}:{at}: blank line; kept" in err
        else:
            assert out_lines[at - 1] == lines[at - 1].rstrip(b"\n")  # passed through as it was
            assert f"{src}:{at}: " in err
    assert json.loads(out_lines[0])["text"] == "doc 0 against"
    assert json.loads(out_lines[-1])["text"] == f"doc {len(lines) - 1} against"
    assert "an integer too long" in err and "nested too deeply" in err
    assert "NaN is not valid JSON" in err and "-Infinity is not valid JSON" in err
    assert "already has a 'cleanmt' key" in err


def test_jsonl_skip_drops_only_the_bad_lines(tmp_path):
    src, lines, bad_at = _stream(tmp_path, n=400)
    rc, out, err = run(["detect", "--jsonl", "--on-error", "skip", str(src)])
    out_lines = out.split(b"\n")[:-1]
    assert len(out_lines) == len(lines) - (len(BAD_LINES) - 1)  # the surrogate record is no error
    assert all(json.loads(x) for x in out_lines)
    assert "blank line; skipped" in err


def test_jsonl_fail_names_the_line(tmp_path):
    src, _, bad_at = _stream(tmp_path, n=400)
    rc, out, err = run(["fix", "--jsonl", "--on-error", "fail", str(src), "-o", str(tmp_path / "o.jsonl")])
    assert rc == 2 and f"{src}:{bad_at['bigint']}: an integer too long" in err
    assert "Traceback" not in err and not (tmp_path / "o.jsonl").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["in.jsonl"]  # no temp file left


def test_jsonl_key_option(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "once morest", "cleanmt": "mine"}\n')
    rc, out, err = run(["fix", "--jsonl", "--key", "qa", str(src)])
    rec = json.loads(out)
    assert rec["cleanmt"] == "mine" and rec["qa"]["edits"] == 1 and rec["text"] == "against"
    rc, out, err = run(["fix", "--jsonl", "--key", "text", str(src)])
    assert rc == 2 and "--key and --field" in err


def test_jsonl_bom_on_first_line(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(b'\xef\xbb\xbf{"text": "once morest"}\n{"text": "b"}\n')
    rc, out, err = run(["fix", "--jsonl", str(src)])
    a, b = [json.loads(x) for x in out.splitlines()]
    assert rc == 0 and a["text"] == "against" and not err


def test_process_line_never_raises_on_a_rule_failure(monkeypatch):
    cleaner = Cleaner()

    def boom(text):
        raise KeyError("oops")

    monkeypatch.setattr(cleaner, "fix", boom)
    out, error, n, _ = process_line(cleaner, Settings(mode="fix"), b'{"text": "x"}\n')
    assert out == b'{"text": "x"}\n' and error.startswith("internal error (KeyError")


def test_api_lone_surrogates():
    assert cleanmt.detect("\ud800") == []
    assert cleanmt.detect("\udc80 once morest \ud800")[0].text == "once morest"
    assert cleanmt.fix("Riots once morest \udc80 it.").fixed == "Riots against \udc80 it."
    for f in cleanmt.detect("x\udc80y once morest"):
        assert "\udc80" not in f.text


# -- writes: only regular files, atomically, keeping what the file was ---------

SPUN = "Riots once morest the regime.\n"
FIXED = "Riots against the regime.\n"


@pytest.fixture
def spun(tmp_path):
    p = tmp_path / "spun.txt"
    p.write_text(SPUN)
    return p


def _cli(capsys, *args):
    from cleanmt.cli import main

    rc = main(list(args))
    out, err = capsys.readouterr()
    return rc, out, err


def _one_line_error(err, *words):
    assert err.count("\n") == 1 and err.startswith("cleanmt: error: ") and "Traceback" not in err, err
    for w in words:
        assert w in err, err


def test_output_to_fifo_or_device_is_refused(tmp_path, spun, capsys):
    fifo = tmp_path / "ff"
    os.mkfifo(fifo)
    rc, _, err = _cli(capsys, "fix", str(spun), "-o", str(fifo))
    assert rc == 2 and (tmp_path / "ff").is_fifo()
    _one_line_error(err, "is a FIFO, not a regular file")
    rc, _, err = _cli(capsys, "fix", "-i", str(fifo))  # refused before it is read (no hang)
    assert rc == 2 and (tmp_path / "ff").is_fifo()
    _one_line_error(err, "is a FIFO")
    rc, _, err = _cli(capsys, "fix", str(spun), "-o", os.devnull)
    assert rc == 2 and os.path.exists(os.devnull)
    _one_line_error(err, "character device")
    rc, _, err = _cli(capsys, "fix", "--jsonl", str(spun), "-o", str(fifo))
    assert rc == 2
    _one_line_error(err, "is a FIFO")


def test_in_place_follows_symlink_and_keeps_it(tmp_path, spun, capsys):
    link = tmp_path / "link.txt"
    link.symlink_to(spun.name)
    rc, _, _ = _cli(capsys, "fix", "-i", str(link))
    assert rc == 0 and link.is_symlink() and spun.read_text() == FIXED


def test_in_place_keeps_mode_and_owner(tmp_path, spun, capsys):
    os.chmod(spun, 0o640)
    if os.geteuid() == 0:
        os.chown(spun, 1000, 1000)
    rc, _, _ = _cli(capsys, "fix", "-i", str(spun))
    st = os.stat(spun)
    assert rc == 0 and spun.read_text() == FIXED and (st.st_mode & 0o777) == 0o640
    if os.geteuid() == 0:
        assert (st.st_uid, st.st_gid) == (1000, 1000)


def test_in_place_refuses_read_only_and_hard_links(tmp_path, spun, capsys):
    os.chmod(spun, 0o444)
    rc, _, err = _cli(capsys, "fix", "-i", str(spun))
    assert rc == 2 and spun.read_text() == SPUN
    _one_line_error(err, "read-only")
    src = tmp_path / "src.txt"
    src.write_text(SPUN)
    rc, _, err = _cli(capsys, "fix", str(src), "-o", str(spun))  # -o over a read-only file: the same
    assert rc == 2 and spun.read_text() == SPUN and (os.stat(spun).st_mode & 0o777) == 0o444
    _one_line_error(err, "read-only")
    os.chmod(spun, 0o644)
    os.link(spun, tmp_path / "other.txt")
    for args in (["-i", str(spun)], [str(src), "-o", str(spun)], [str(src), "-o", str(tmp_path / "other.txt")]):
        rc, _, err = _cli(capsys, "fix", *args)
        assert rc == 2 and spun.read_text() == SPUN == (tmp_path / "other.txt").read_text()
        assert os.stat(spun).st_ino == os.stat(tmp_path / "other.txt").st_ino  # still one file
        _one_line_error(err, "hard links")
    assert sorted(os.listdir(tmp_path)) == ["other.txt", "spun.txt", "src.txt"]


def test_output_to_a_directory_or_socket_is_refused(tmp_path, spun, capsys):
    import socket

    (tmp_path / "d").mkdir()
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(tmp_path / "s"))
        for target, kind in ((tmp_path / "d", "is a directory"), (tmp_path / "s", "is a socket")):
            rc, _, err = _cli(capsys, "fix", str(spun), "-o", str(target))
            assert rc == 2
            _one_line_error(err, kind, "not a regular file")
        assert (tmp_path / "d").is_dir() and list((tmp_path / "d").iterdir()) == []
    finally:
        sock.close()


def test_batch_in_place_skips_files_it_may_not_replace(tmp_path, capsys):
    """-i over several files: a read-only one, a hard-linked one and a FIFO are each
    reported on one line and left as they are; the others are fixed; exit 2."""
    good1, good2, ro, linked = (tmp_path / n for n in ("g1.txt", "g2.txt", "ro.txt", "linked.txt"))
    for p in (good1, good2, ro, linked):
        p.write_text(SPUN)
    os.chmod(ro, 0o444)
    os.link(linked, tmp_path / "twin.txt")
    os.mkfifo(tmp_path / "ff")
    rc, _, err = _cli(capsys, "fix", "-i", str(good1), str(ro), str(linked), str(tmp_path / "ff"), str(good2))
    assert rc == 2 and good1.read_text() == FIXED == good2.read_text()
    assert ro.read_text() == SPUN == linked.read_text() == (tmp_path / "twin.txt").read_text()
    lines = [ln for ln in err.splitlines() if ln.startswith("cleanmt: error: ")]
    assert len(lines) == 3 and all(ln.endswith("; skipped") for ln in lines)
    assert "read-only" in lines[0] and "hard links" in lines[1] and "FIFO" in lines[2]


def test_temp_file_is_fsynced_before_the_rename(tmp_path, spun, capsys, monkeypatch):
    import cleanmt.io as cio

    calls = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        calls.append(("fsync", os.path.isdir(f"/proc/self/fd/{fd}")))
        return real_fsync(fd)

    def replace(a, b):
        calls.append(("replace", os.path.realpath(b) == os.path.realpath(spun)))
        return real_replace(a, b)

    monkeypatch.setattr(cio.os, "fsync", fsync)
    monkeypatch.setattr(cio.os, "replace", replace)
    rc, _, _ = _cli(capsys, "fix", "-i", str(spun))
    assert rc == 0 and spun.read_text() == FIXED
    # the file's data, then the rename over the target, then the directory entry
    assert calls == [("fsync", False), ("replace", True), ("fsync", True)]


def test_new_output_honours_umask(tmp_path, spun, capsys):
    old = os.umask(0o027)
    try:
        rc, _, _ = _cli(capsys, "fix", str(spun), "-o", str(tmp_path / "new.txt"))
    finally:
        os.umask(old)
    assert rc == 0 and (os.stat(tmp_path / "new.txt").st_mode & 0o777) == 0o640
    assert (tmp_path / "new.txt").read_text() == FIXED


def test_write_errors_are_one_line(tmp_path, spun, capsys, monkeypatch):
    rc, _, err = _cli(capsys, "fix", str(spun), "-o", str(tmp_path / "nodir" / "x.txt"))
    assert rc == 2
    _one_line_error(err, "does not exist")
    import cleanmt.io as cio

    real_open = os.open

    def denied(path, flags, *a, **k):
        unnamed = cio.O_TMPFILE is not None and flags & cio.O_TMPFILE == cio.O_TMPFILE
        if ".cleanmt-" in str(path) or unnamed:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *a, **k)

    monkeypatch.setattr(cio.os, "open", denied)
    rc, _, err = _cli(capsys, "fix", "-i", str(spun))
    assert rc == 2 and spun.read_text() == SPUN
    _one_line_error(err, "cannot write", "Permission denied")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["fix", "SPUN"], ["detect", "--format", "jsonl", "SPUN"],
                                  ["fix", "--jsonl", "-"]])
def test_full_disk_on_stdout(spun, args):
    args = [str(spun) if a == "SPUN" else a for a in args]
    with open("/dev/full", "wb") as full:
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        p = subprocess.run([sys.executable, "-m", "cleanmt", *args], input=b'{"text": "once morest"}\n',
                           stdout=full, stderr=subprocess.PIPE, env=env)
    err = p.stderr.decode()
    assert p.returncode == 2 and err == "cleanmt: error: <stdout>: No space left on device\n", err


def test_error_leaves_no_temp_file(tmp_path, spun, capsys, monkeypatch):
    import cleanmt.io as cio

    def full(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cio.os, "fsync", full)
    rc, _, err = _cli(capsys, "fix", "-i", str(spun))
    assert rc == 2 and spun.read_text() == SPUN and sorted(os.listdir(tmp_path)) == ["spun.txt"]
    _one_line_error(err, "No space left")


def _wait_until_writing(pid: int, directory, timeout: float = 60) -> None:
    """Wait until process `pid` holds its temp output file in `directory` open: a named
    one (.NAME.cleanmt-PID-HEX) or an unnamed one (O_TMPFILE: "/dir/#123 (deleted)")."""
    import time

    where = os.path.realpath(directory) + os.sep
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            targets = [os.readlink(f"/proc/{pid}/fd/{fd}") for fd in os.listdir(f"/proc/{pid}/fd")]
        except OSError:  # an fd closed while it was read
            targets = []
        if any(t.startswith(where) and (".cleanmt-" in t or "(deleted)" in t) for t in targets):
            return
        time.sleep(0.05)
    raise AssertionError(f"process {pid} never opened its temp file in {directory}")


_NEEDS_PROC = pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc")


@_NEEDS_PROC
@pytest.mark.parametrize("sig", ["SIGTERM", "SIGINT"])
def test_signal_during_jsonl_output_removes_temp(tmp_path, sig):
    import signal

    out = tmp_path / "out.jsonl"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    p = subprocess.Popen([sys.executable, "-m", "cleanmt", "fix", "--jsonl", "-", "-o", str(out)],
                         stdin=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    p.stdin.write(b'{"text": "once morest"}\n' * 10)
    p.stdin.flush()
    _wait_until_writing(p.pid, tmp_path)
    p.send_signal(getattr(signal, sig))
    rc = p.wait(30)
    p.stdin.close()
    err = p.stderr.read().decode()
    assert rc == (143 if sig == "SIGTERM" else 130) and "Traceback" not in err, err
    assert os.listdir(tmp_path) == []  # no temp file, no half output


def test_jsonl_output_replaced_atomically_with_mode_kept(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "once morest"}\n')
    out = tmp_path / "out.jsonl"
    out.write_text("old\n")
    os.chmod(out, 0o604)
    rc, _, err = run(["fix", "--jsonl", str(src), "-o", str(out)])
    assert rc == 0 and json.loads(out.read_text())["text"] == "against"
    assert (os.stat(out).st_mode & 0o777) == 0o604 and sorted(os.listdir(tmp_path)) == ["in.jsonl", "out.jsonl"]


# -- batches: a bad file is skipped, the good ones are still done ---------------

def _batch(tmp_path):
    good1, good2 = tmp_path / "g1.txt", tmp_path / "g2.txt"
    good1.write_text(SPUN)
    good2.write_text(SPUN)
    bad = {
        "empty.txt": b"",
        "nul.txt": b"text " * 3000 + b"\x00 more",  # NUL past the first 8 KiB
        "latin1.txt": "caf\xe9".encode("latin-1"),
        "utf16.txt": "once morest".encode("utf-16"),
        "utf32.txt": "once morest".encode("utf-32"),
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    paths = [str(good1), *(str(tmp_path / n) for n in bad), str(tmp_path / "missing.txt"), str(good2)]
    return good1, good2, bad, paths


def test_batch_fix_in_place_skips_bad_files(tmp_path, capsys):
    good1, good2, bad, paths = _batch(tmp_path)
    rc, _, err = _cli(capsys, "fix", "-i", *paths)
    assert rc == 2
    assert good1.read_text() == FIXED and good2.read_text() == FIXED
    for name, data in bad.items():
        assert (tmp_path / name).read_bytes() == data
    lines = [ln for ln in err.splitlines() if ln.startswith("cleanmt: error:")]
    assert len(lines) == len(bad) + 1 and all(ln.endswith("skipped") for ln in lines)
    assert "NUL byte at offset 15000" in err
    assert "UTF-16LE text (byte-order mark)" in err and "UTF-32LE text (byte-order mark)" in err
    assert "binary" not in err.split("utf16.txt")[1].splitlines()[0]


def test_batch_detect_checks_good_files(tmp_path, capsys):
    good1, good2, bad, paths = _batch(tmp_path)
    rc, out, err = _cli(capsys, "detect", "--format", "jsonl", *paths)
    assert rc == 2
    found = [json.loads(x)["path"] for x in out.splitlines()]
    assert found == [str(good1), str(good2)]


def test_batch_jsonl_skips_missing_stream(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "once morest"}\n')
    rc, out, err = run(["fix", "--jsonl", str(tmp_path / "missing.jsonl"), str(src)])
    assert rc == 2 and json.loads(out)["text"] == "against" and "no such file; skipped" in err


def test_corpus_batch_skips_bad_files(tmp_path, capsys):
    good1, good2, bad, paths = _batch(tmp_path)
    rc, _, err = _cli(capsys, "fix", "--corpus", "-i", *paths)
    assert rc == 2 and good1.read_text() == FIXED and good2.read_text() == FIXED
    assert err.count("empty.txt") == 1  # reported once


def test_long_file_name_in_place(tmp_path, capsys):
    p = tmp_path / ("x" * 250 + ".txt")
    p.write_text(SPUN)
    rc, _, err = _cli(capsys, "fix", "-i", str(p))
    assert rc == 0 and p.read_text() == FIXED, err


def _killed_writer(tmp_path, named: bool):
    """A `fix --jsonl - -o out.jsonl` killed with SIGKILL while it writes; `named`: with
    O_TMPFILE turned off, as on a platform or file system without it."""
    import signal

    setup = "import cleanmt.io as c; c.O_TMPFILE = None; " if named else ""
    code = setup + "import sys; from cleanmt.cli import main; sys.exit(main(sys.argv[1:]))"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    p = subprocess.Popen([sys.executable, "-c", code, "fix", "--jsonl", "-", "-o", str(tmp_path / "out.jsonl")],
                         stdin=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    p.stdin.write(b'{"text": "once morest"}\n' * 10)
    p.stdin.flush()
    _wait_until_writing(p.pid, tmp_path)
    p.send_signal(signal.SIGKILL)
    assert p.wait(30) == -signal.SIGKILL
    p.stdin.close()
    p.stderr.close()
    return p.pid


@_NEEDS_PROC
@pytest.mark.skipif(getattr(os, "O_TMPFILE", None) is None, reason="needs O_TMPFILE")
def test_sigkill_while_writing_leaves_nothing(tmp_path):
    """The temp file has no name while it is written: SIGKILL leaves no file at all."""
    _killed_writer(tmp_path, named=False)
    assert os.listdir(tmp_path) == []


@_NEEDS_PROC
def test_temp_file_left_by_sigkill_is_removed_by_the_next_run(tmp_path, spun, capsys):
    """Without O_TMPFILE the temp file is named; SIGKILL leaves it, and the next write
    into that directory removes it, and nothing else that merely looks like one."""
    dead = _killed_writer(tmp_path, named=True)
    (left,) = [n for n in os.listdir(tmp_path) if ".cleanmt-" in n]
    assert left.startswith(f".out.jsonl.cleanmt-{dead}-")
    keep = [f".a.txt.cleanmt-{os.getpid()}-0123abcd",  # a live process's (this one's)
            f".b.txt.cleanmt-{dead}-0123abc",  # not cleanmt's pattern
            f"c.txt.cleanmt-{dead}-0123abcd"]  # nor this
    for name in keep:
        (tmp_path / name).write_text("keep")
    (tmp_path / f".d.txt.cleanmt-{dead}-0123abcd").symlink_to(spun)  # a link, never removed
    keep.append(f".d.txt.cleanmt-{dead}-0123abcd")
    import cleanmt.io as cio

    cio._SWEPT.discard(str(tmp_path))  # this process has not written there yet
    rc, _, err = _cli(capsys, "fix", "-i", str(spun))
    assert rc == 0, err
    assert sorted(os.listdir(tmp_path)) == sorted(keep + ["spun.txt"])
    assert spun.read_text() == FIXED


def test_named_temp_path_keeps_mode_and_leaves_nothing(tmp_path, spun, capsys, monkeypatch):
    """The named-temp way (no O_TMPFILE) writes the same file the same way."""
    import cleanmt.io as cio

    monkeypatch.setattr(cio, "O_TMPFILE", None)
    os.chmod(spun, 0o640)
    rc, _, _ = _cli(capsys, "fix", "-i", str(spun))
    assert rc == 0 and spun.read_text() == FIXED and (os.stat(spun).st_mode & 0o777) == 0o640
    assert os.listdir(tmp_path) == ["spun.txt"]


@_NEEDS_PROC
def test_sigint_with_jobs_no_worker_tracebacks(tmp_path):
    import signal
    import time

    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "once morest the regime, once morest it"}\n' * 20000)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    p = subprocess.Popen([sys.executable, "-m", "cleanmt", "fix", "--jsonl", "-j", "2", str(src), "-o",
                          str(tmp_path / "out.jsonl")], stderr=subprocess.PIPE, env=env)
    _wait_until_writing(p.pid, tmp_path)
    time.sleep(0.5)  # the workers are busy by now
    p.send_signal(signal.SIGINT)
    rc = p.wait(60)
    err = p.stderr.read().decode()
    assert rc == 130 and "Traceback" not in err, err
    assert sorted(os.listdir(tmp_path)) == ["in.jsonl"]


@pytest.mark.timeout(60)
def test_text_report_of_many_findings_is_linear(tmp_path, capsys):
    p = tmp_path / "m.txt"
    p.write_text("caf\u00c3\u00a9 x\n" * 20000)
    rc, out, _ = _cli(capsys, "detect", "--format", "text", str(p))
    lines = out.splitlines()
    assert rc == 1 and len(lines) == 20000 and lines[-1].startswith(f"{p}:20000:1: ENC001")
