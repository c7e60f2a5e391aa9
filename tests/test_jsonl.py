"""JSON Lines mode, -j and the Python API."""
import json
import os
import subprocess
import sys
from pathlib import Path

import cleanmt
from cleanmt.cli import main

ROOT = Path(__file__).resolve().parent.parent


def write_jsonl(path, lines):
    path.write_bytes(b"".join(line if isinstance(line, bytes) else (line + "\n").encode() for line in lines))
    return path


def records(out: bytes):
    return [json.loads(line) for line in out.decode("utf-8").splitlines()]


def run(args, stdin=b""):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    p = subprocess.run([sys.executable, "-m", "cleanmt", *args], input=stdin, capture_output=True, env=env)
    return p.returncode, p.stdout, p.stderr.decode()


def test_fix_jsonl_keeps_other_fields_and_order(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", [
        json.dumps({"id": i, "meta": {"k": [1, 2]}, "text": f"Doc {i} once morest it."}) for i in range(600)
    ])
    rc, out, err = run(["fix", "--jsonl", "-j", "2", str(src)])
    recs = records(out)
    assert rc == 0 and [r["id"] for r in recs] == list(range(600))
    assert all(r["meta"] == {"k": [1, 2]} for r in recs)
    assert recs[7]["text"] == "Doc 7 against it."
    assert recs[7]["cleanmt"]["findings"][0]["rule"] == "SPN001"
    assert recs[7]["cleanmt"]["score"]["by_category"]["spinner"] > 0


def test_malformed_line_is_reported_and_passed_through(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", ['{"text": "a"}', "{oops", b"\xff\xfe not utf8\n", '{"text": "b"}'])
    rc, out, err = run(["fix", "--jsonl", str(src)])
    lines = out.split(b"\n")
    assert rc == 0
    assert lines[1] == b"{oops" and lines[2] == b"\xff\xfe not utf8"
    assert f"{src}:2: malformed JSON" in err and f"{src}:3: not valid UTF-8" in err


def test_malformed_line_skip_and_fail(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", ['{"text": "a"}', "[1, 2]", '{"text": "b"}'])
    rc, out, err = run(["fix", "--jsonl", "--on-error", "skip", str(src)])
    assert rc == 0 and len(records(out)) == 2 and ":2: not a JSON object; skipped" in err
    rc, out, err = run(["fix", "--jsonl", "--on-error", "fail", str(src), "-o", str(tmp_path / "o.jsonl")])
    assert rc == 2 and ":2: not a JSON object" in err
    assert not (tmp_path / "o.jsonl").exists()


def test_record_without_field_is_kept_and_marked(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", ['{"id": 1, "body": "x"}', '{"id": 2, "text": 5}'])
    rc, out, _ = run(["detect", "--jsonl", str(src)])
    a, b = records(out)
    assert a["body"] == "x" and "missing" in a["cleanmt"]["skipped"]
    assert b["text"] == 5 and "not a string" in b["cleanmt"]["skipped"]
    assert rc == 0


def test_custom_field_and_stdin():
    rc, out, _ = run(["fix", "--jsonl", "--field", "body", "-"], stdin=b'{"body": "Once morest all odds."}\n')
    assert records(out)[0]["body"] == "Against all odds."


def test_empty_jsonl_input_gives_empty_output():
    rc, out, err = run(["fix", "--jsonl", "-"], stdin=b"")
    assert (rc, out) == (0, b"")


def test_interrupted_output_exits_quietly(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", [json.dumps({"text": "once morest " * 20})] * 3000)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    p = subprocess.run(
        f"{sys.executable} -m cleanmt fix --jsonl {src} | head -n 1", shell=True, capture_output=True, env=env
    )
    assert len(p.stdout.splitlines()) == 1
    assert b"Traceback" not in p.stderr


def test_detect_jobs_keeps_file_order(tmp_path):
    paths = []
    for i in range(5):
        p = tmp_path / f"f{i}.txt"
        p.write_text("x " * i + "once morest\n")
        paths.append(str(p))
    rc, out, _ = run(["detect", "--format", "jsonl", "-j", "2", *paths])
    assert [r["path"] for r in records(out)] == paths


def test_api_detect_fix_and_score():
    text = "Riots once morest the regime. Then more riots."
    findings = cleanmt.detect(text)
    assert [f.rule for f in findings] == ["SPN001"]
    report = cleanmt.fix(text)
    assert report.fixed == "Riots against the regime. Then more riots."
    assert report.changed and report.edits[0].old == "once morest"
    score = report.score()
    assert score["words"] == 8 and score["by_category"] == {"spinner": 125.0}


def test_cleaner_is_reusable():
    c = cleanmt.Cleaner(select=["spinner"])
    assert c.fix("once morest").fixed == "against"
    assert c.fix("Once morest").fixed == "Against"


def test_jsonl_findings_carry_line_and_column(tmp_path):
    import json as _json
    import subprocess
    import sys as _sys
    src = tmp_path / "in.jsonl"
    src.write_text(_json.dumps({"text": "First line.\nRiots once morest the regime."}) + "\n", encoding="utf-8")
    out = subprocess.run([_sys.executable, "-m", "cleanmt", "detect", "--jsonl", "--select", "SPN001", str(src)],
                         capture_output=True, text=True)
    f = _json.loads(out.stdout.splitlines()[0])["cleanmt"]["findings"][0]
    assert (f["line"], f["column"], f["end_line"]) == (2, 7, 2)
    assert f["text"] == "once morest" and f["replacements"] == ["against"]
