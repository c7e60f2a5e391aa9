"""The command line: contracts from DESIGN.md and every kind of bad input.

Bad input must give one clear line on stderr, exit status 2, and write nothing.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cleanmt.cli import main

ROOT = Path(__file__).resolve().parent.parent
SPUN = "Riots once morest the regime.\n"


def run(args, stdin: bytes = b""):
    """Run the real command in a subprocess, as a user would."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    p = subprocess.run(
        [sys.executable, "-m", "cleanmt", *args], input=stdin, capture_output=True, env=env, cwd=ROOT
    )
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


@pytest.fixture
def spun(tmp_path):
    p = tmp_path / "spun.txt"
    p.write_text(SPUN, encoding="utf-8")
    return p


# -- bad input ------------------------------------------------------------------

BAD_INPUTS = {
    "missing": (None, "no such file"),
    "directory": ("DIR", "is a directory"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    "invalid_utf8": ("caf\xe9 once morest".encode("latin-1"), "not valid UTF-8"),
    "empty": (b"", "empty"),
}


def _make(tmp_path, kind):
    content, _ = BAD_INPUTS[kind]
    p = tmp_path / f"{kind}.txt"
    if content == "DIR":
        p.mkdir()
    elif content is not None:
        p.write_bytes(content)
    return p


@pytest.mark.parametrize("kind", sorted(BAD_INPUTS))
@pytest.mark.parametrize("command", ["detect", "fix"])
def test_bad_input_exits_2_with_one_line(tmp_path, capsys, kind, command):
    path = _make(tmp_path, kind)
    assert main([command, str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and BAD_INPUTS[kind][1] in err
    assert str(path) in err


@pytest.mark.parametrize("kind", ["binary", "invalid_utf8", "empty"])
def test_bad_input_in_place_leaves_file_untouched(tmp_path, spun, kind):
    path = _make(tmp_path, kind)
    before = path.read_bytes()
    spun_before = spun.read_bytes()
    # a good file next to a bad one: the bad one is reported and left alone, the good one
    # is still fixed (as linters do), and the exit status says an input was bad
    assert main(["fix", "-i", str(spun), str(path)]) == 2
    assert path.read_bytes() == before
    assert spun.read_bytes() != spun_before and b"once morest" not in spun.read_bytes()


def test_bad_input_with_output_creates_no_file(tmp_path):
    bad = _make(tmp_path, "invalid_utf8")
    out = tmp_path / "out.txt"
    assert main(["fix", str(bad), "-o", str(out)]) == 2
    assert not out.exists()


def test_huge_file_is_refused(tmp_path, monkeypatch, capsys):
    import cleanmt.io

    monkeypatch.setattr(cleanmt.io, "MAX_BYTES", 10)
    p = tmp_path / "big.txt"
    p.write_text(SPUN)
    assert main(["fix", str(p)]) == 2
    assert "limit" in capsys.readouterr().err


def test_unknown_selector_is_a_usage_error(spun, capsys):
    assert main(["detect", "--select", "NOPE", str(spun)]) == 2
    assert "unknown rule selector" in capsys.readouterr().err


def test_bad_option_exits_2():
    rc, out, err = run(["fix", "--min-confidence", "7", "x.txt"])
    assert rc == 2 and "outside 0..1" in err


def test_no_command_shows_help_and_exits_2():
    rc, out, err = run([])
    assert rc == 2 and "detect" in err and "fix" in err


# -- detect contract --------------------------------------------------------------


def test_detect_jsonl_contract(spun):
    rc, out, _ = run(["detect", "--format", "jsonl", str(spun)])
    assert rc == 1
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows, "no finding"
    text = spun.read_text(encoding="utf-8")
    for r in rows:
        # the contract's fields (DESIGN.md), and those the findings schema adds (docs/findings.schema.json)
        assert {"path", "start", "end", "text", "rule", "category", "message", "replacement", "confidence"} <= set(r)
        assert set(r) - {"path", "start", "end", "text", "rule", "category", "message", "replacement",
                         "confidence"} == {"schema_version", "line", "column", "end_line", "end_column",
                                           "replacements", "fixable"}
        assert text[r["start"] : r["end"]] == r["text"]


def test_detect_exit_0_when_clean(tmp_path):
    p = tmp_path / "clean.txt"
    p.write_text("The council met on Tuesday and approved the budget.\n")
    rc, out, _ = run(["detect", str(p)])
    assert (rc, out) == (0, "")


def test_detect_json_has_summary(spun):
    rc, out, _ = run(["detect", "--format", "json", str(spun)])
    doc = json.loads(out)
    assert rc == 1 and doc["summary"]["by_category"]["spinner"] == 1


def test_detect_text_format_has_position(spun):
    rc, out, _ = run(["detect", "--format", "text", str(spun)])
    assert f"{spun}:1:7: SPN001" in out


def test_detect_stdin():
    rc, out, _ = run(["detect", "--format", "jsonl", "-"], stdin=SPUN.encode())
    assert rc == 1 and json.loads(out)["path"] == "-"


def test_detect_offsets_are_code_points_with_crlf_and_astral(tmp_path):
    text = "😀 Émile said so.\r\nRiots once morest the regime.\r\n"
    p = tmp_path / "x.txt"
    p.write_bytes(text.encode("utf-8"))
    rc, out, _ = run(["detect", "--format", "jsonl", str(p)])
    (row,) = [json.loads(line) for line in out.splitlines()]
    assert text[row["start"] : row["end"]] == "once morest"


# -- fix contract -----------------------------------------------------------------


def test_fix_stdout(spun):
    rc, out, _ = run(["fix", str(spun)])
    assert (rc, out) == (0, "Riots against the regime.\n")


def test_fix_stdin_keeps_missing_final_newline():
    rc, out, _ = run(["fix", "-"], stdin=b"Riots once morest it")
    assert out == "Riots against it"


def test_fix_preserves_crlf_bytes(tmp_path):
    p = tmp_path / "crlf.txt"
    p.write_bytes(b"Title\r\n\r\nRiots once morest the regime.\r\n")
    rc, out, _ = run(["fix", str(p), "-o", str(tmp_path / "o.txt")])
    assert (tmp_path / "o.txt").read_bytes() == b"Title\r\n\r\nRiots against the regime.\r\n"


def test_fix_in_place_is_atomic_and_keeps_mode(spun):
    os.chmod(spun, 0o640)
    rc, _, err = run(["fix", "-i", str(spun)])
    assert rc == 0
    assert spun.read_text() == "Riots against the regime.\n"
    assert (spun.stat().st_mode & 0o777) == 0o640
    assert not [p for p in spun.parent.iterdir() if p.name.startswith(".cleanmt-")]


def test_fix_diff(spun):
    rc, out, _ = run(["fix", "--diff", str(spun)])
    assert "-Riots once morest the regime." in out and "+Riots against the regime." in out
    assert spun.read_text() == SPUN


def test_fix_several_files_need_in_place(spun, tmp_path, capsys):
    other = tmp_path / "b.txt"
    other.write_text(SPUN)
    assert main(["fix", str(spun), str(other)]) == 2
    assert "-i" in capsys.readouterr().err


def test_fix_twice_changes_nothing(spun):
    _, once, _ = run(["fix", str(spun)])
    _, twice, _ = run(["fix", "-"], stdin=once.encode())
    assert once == twice


def test_fix_ignore_by_category(spun):
    rc, out, _ = run(["fix", "--ignore", "spinner", str(spun)])
    assert out == SPUN


# -- rules --------------------------------------------------------------------------


def test_rules_json_lists_ids_and_examples():
    rc, out, _ = run(["rules", "--format", "json"])
    rules = json.loads(out)
    assert rc == 0 and any(r["id"] == "SPN001" for r in rules)
    assert all(r["examples"] for r in rules)


def test_readme_rule_table_is_current():
    from cleanmt.cli import rules_markdown
    from cleanmt.registry import all_rules

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("<!-- rules-table")
    start = readme.index("\n", start) + 1
    end = readme.index("<!-- end rules-table -->")
    assert readme[start:end] == rules_markdown(all_rules()), (
        "README rule table is stale: regenerate with `cleanmt rules --format markdown`"
    )


# -- corpus mode and names ---------------------------------------------------------


def test_corpus_mode_on_a_directory_settles_names(tmp_path):
    (tmp_path / "a.txt").write_text("Kassym-Jomart Tokayev spoke. Tokayev left. Tokayev returned.\n")
    (tmp_path / "b.txt").write_text("Later Kassym-Jomart Tokaïev spoke again.\n")
    rc, out, _ = run(["detect", "--corpus", "--select", "transliteration", "--format", "jsonl", str(tmp_path)])
    rows = [json.loads(line) for line in out.splitlines()]
    assert rc == 1 and [(Path(r["path"]).name, r["text"], r["replacement"]) for r in rows] == [
        ("b.txt", "Tokaïev", "Tokayev")
    ]


def test_names_subcommand_prints_a_names_file():
    rc, out, _ = run(["names", "seeds/002_f355ea1ba3f9c86e.txt"])
    assert rc == 0 and any(line.startswith("Kassym-Jomart Tokayev\t") or "Tokayev\t" in line for line in out.splitlines())


def test_missing_names_file_is_an_input_error(spun, capsys):
    assert main(["detect", "--names", "nope.tsv", str(spun)]) == 2
    assert "names file not found" in capsys.readouterr().err


def test_rules_explains_one_rule_with_examples():
    rc, out, _ = run(["rules", "SPN001"])
    assert rc == 0 and out.startswith("SPN001 (spinner")
    assert "flags:" in out and "leaves alone:" in out and "once morest" in out


def test_json_summary_has_source_language_hint_and_score():
    rc, out, _ = run(["detect", "--format", "json", "seeds/002_f355ea1ba3f9c86e.txt"])
    f = json.loads(out)["files"][0]
    assert f["source_language"]["guess"] == "fr" and f["source_language"]["evidence"]
    assert f["score"]["per_1000_words"] > 0


def test_source_restricts_false_friends(tmp_path):
    # "balance of civilians" is a French (bilan) calque; a Spanish source has no such row
    p = tmp_path / "a.txt"
    p.write_text("The government has not provided any balance of civilians so far.\n")
    rc_fr, out_fr, _ = run(["detect", "--format", "jsonl", "--select", "CLQ", "--source", "fr", str(p)])
    rc_es, out_es, _ = run(["detect", "--format", "jsonl", "--select", "CLQ", "--source", "es", str(p)])
    assert "FR bilan" in out_fr
    assert "FR bilan" not in out_es
