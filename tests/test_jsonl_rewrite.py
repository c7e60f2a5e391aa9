"""`cleanmt fix --jsonl --rewrite`: the model pass on JSON Lines records, through the real command."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cleanmt.engine import Cleaner
from cleanmt.jsonl import Settings, process_line
from cleanmt.rewrite.proposer import Proposer

ROOT = Path(__file__).resolve().parent.parent
FLAGGED = "The government gave no balance of civilians on Friday."
TEXT = "The council met on Tuesday.\n" + FLAGGED


def run(args, stdin=b"", prelude=""):
    """The command in a fresh interpreter; `prelude` runs first (e.g. to hide torch)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    code = f"import sys\n{prelude}\nfrom cleanmt.cli import main\nsys.exit(main(sys.argv[1:]))"
    p = subprocess.run([sys.executable, "-c", code, *args], input=stdin, capture_output=True, env=env, cwd=ROOT)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def needs_model():
    pytest.importorskip("torch")
    pytest.importorskip("transformers")


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


def test_rewrite_goes_under_cleanmt_as_file_mode_reports_it(tmp_path):
    needs_model()
    src = write_jsonl(tmp_path / "in.jsonl", [
        {"id": 1, "meta": {"k": 1}, "text": TEXT},
        {"id": 2, "text": "Riots once morest the regime."},
    ])
    rc, out, err = run(["fix", "--jsonl", "--rewrite", str(src)])
    assert rc == 0, err
    first, second = [json.loads(line) for line in out.splitlines()]
    assert first["id"] == 1 and first["meta"] == {"k": 1}
    (proposal,) = first["cleanmt"]["rewrites"]
    assert proposal["original"] == FLAGGED and isinstance(proposal["accepted"], bool) and proposal["reasons"]
    assert set(proposal) >= {"start", "end", "candidate", "score", "hard_fail", "findings_before", "findings_after"}
    assert first["text"].startswith("The council met on Tuesday.\n")  # the clean sentence is never touched
    if not proposal["accepted"]:
        assert first["text"] == TEXT
    # the rules fix what they can; nothing is left for the model
    assert second["text"] == "Riots against the regime." and second["cleanmt"]["rewrites"] == []
    assert second["cleanmt"]["edits"] == 1

    # the same proposals as file mode's --report
    txt = tmp_path / "a.txt"
    txt.write_text(TEXT)
    rep = tmp_path / "r.json"
    rc, _, err = run(["fix", "--rewrite", str(txt), "--report", str(rep)])
    assert rc == 0, err
    assert json.loads(rep.read_text())["files"][0]["rewrites"] == first["cleanmt"]["rewrites"]


def test_min_faithfulness_one_accepts_nothing(tmp_path):
    needs_model()
    src = write_jsonl(tmp_path / "in.jsonl", [{"text": TEXT}])
    rc, out, err = run(["fix", "--jsonl", "--rewrite", "all", "--min-faithfulness", "1", str(src)])
    (rec,) = [json.loads(line) for line in out.splitlines()]
    assert rc == 0 and rec["text"] == TEXT
    assert len(rec["cleanmt"]["rewrites"]) == 2  # every sentence in "all" mode
    assert not any(p["accepted"] for p in rec["cleanmt"]["rewrites"])


def test_each_worker_loads_the_model_once(tmp_path):
    """-j 2: the model is loaded in each worker's initializer, never per chunk nor in the parent."""
    needs_model()
    n = 600  # three chunks of 256 lines
    recs = [{"id": i, "text": FLAGGED if i in (0, 300, 599) else f"Record {i} is clean."} for i in range(n)]
    src = write_jsonl(tmp_path / "in.jsonl", recs)
    loads = tmp_path / "loads"
    prelude = f"""
import os
from cleanmt.rewrite import proposer
_init = proposer.Proposer.__init__
def counting_init(self, *a, **k):
    with open({str(loads)!r}, "a") as fh:
        fh.write(f"{{os.getpid()}}\\n")
    _init(self, *a, **k)
proposer.Proposer.__init__ = counting_init
"""
    rc, out, err = run(["fix", "--jsonl", "--rewrite", "-j", "2", str(src)], prelude=prelude)
    assert rc == 0, err
    got = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in got] == list(range(n))
    assert [i for i, r in enumerate(got) if r["cleanmt"]["rewrites"]] == [0, 300, 599]
    pids = loads.read_text().split()
    assert 1 <= len(pids) <= 2 and len(set(pids)) == len(pids)  # once per worker process


class BrokenModel(Proposer):
    """A model that loads and then fails on every sentence."""

    def __init__(self):
        pass

    def max_input_chars(self) -> int:
        return 400

    def propose(self, sentences, num_beams=4, batch_size=16):
        raise RuntimeError("CUDA out of memory\nmore detail")


def test_a_failing_model_loses_no_data():
    settings = Settings(mode="fix", rewrite="flagged")
    raw = json.dumps({"id": 7, "text": "Riots once morest the regime. " + FLAGGED}).encode() + b"\n"
    line, error, n, warning = process_line(Cleaner(), settings, raw, proposer=BrokenModel())
    rec = json.loads(line)
    assert error is None and n == 2
    assert rec["id"] == 7 and rec["text"] == "Riots against the regime. " + FLAGGED  # the rule fixes are kept
    assert rec["cleanmt"]["rewrites"] == [] and rec["cleanmt"]["edits"] == 1
    assert rec["cleanmt"]["rewrite_error"] == warning == "RuntimeError: CUDA out of memory"


def test_without_torch_the_error_is_file_modes(tmp_path):
    hide_torch = "sys.modules['torch'] = None"
    txt = tmp_path / "a.txt"
    txt.write_text(FLAGGED + "\n")
    src = write_jsonl(tmp_path / "in.jsonl", [{"text": FLAGGED}])
    rc_file, out_file, err_file = run(["fix", "--rewrite", str(txt)], prelude=hide_torch)
    for jobs in ("1", "2"):
        rc, out, err = run(["fix", "--jsonl", "--rewrite", "-j", jobs, str(src)], prelude=hide_torch)
        assert (rc, out, err) == (rc_file, out_file, err_file) == (2, "", err_file)
        assert err.count("\n") == 1 and "torch is missing" in err


def test_missing_model_stops_the_stream(tmp_path):
    needs_model()
    src = write_jsonl(tmp_path / "in.jsonl", [{"text": FLAGGED}])
    out_path = tmp_path / "out.jsonl"
    for jobs in ("1", "2"):
        rc, out, err = run(["fix", "--jsonl", "--rewrite", "-j", jobs, "--model", str(tmp_path / "nope"),
                            str(src), "-o", str(out_path)])
        assert rc == 2 and err.count("\n") == 1 and "not found" in err
        assert not out_path.exists() and list(tmp_path.iterdir()) == [src]


def test_report_does_not_apply_to_jsonl(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", [{"text": "a"}])
    rc, out, err = run(["fix", "--jsonl", str(src), "--report", str(tmp_path / "r.json")])
    assert rc == 2 and "--report" in err and out == ""
