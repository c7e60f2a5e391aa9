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
