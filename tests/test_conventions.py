"""The CLI conventions ruff and LanguageTool users expect (issue 18): exit codes,
configuration files, inline suppression, directory walking, CI output formats,
line/column and replacement lists, the summary, progress and hints."""
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from cleanmt.cli import main
from cleanmt.output_formats import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parent.parent
SPUN = "Riots once morest the regime.\n"
QUOTES = "The mayor was ” deeply worried “By the floods.\n"
CLEAN = "The council met on Monday and approved the budget.\n"
# written for this test: a French paragraph long enough for langdetect (>= 200 characters)
FRENCH = ("Le conseil municipal s'est réuni lundi soir pour discuter du budget de la ville. "
          "Les élus ont voté une hausse des dépenses pour les écoles et les transports, "
          "mais la question des impôts locaux reste ouverte. Le maire a promis une nouvelle "
          "réunion avant la fin du mois, avec les associations du quartier.\n")


@pytest.fixture
def work(tmp_path, monkeypatch):
    """A clean directory as the current one: no configuration file above it is read."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cleanmt.toml").write_text("", encoding="utf-8")  # stops the upward search here
    return tmp_path


def write(p: Path, text: str) -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def jsonl(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


# -- exit codes -------------------------------------------------------------------

def test_fix_diff_exits_1_when_it_would_change_and_0_when_not(work, capsys):
    spun, clean = write(work / "spun.txt", SPUN), write(work / "clean.txt", CLEAN)
    assert main(["fix", "--diff", str(spun)]) == 1
    assert "+Riots against the regime." in capsys.readouterr().out
    assert main(["fix", "--diff", str(clean)]) == 0
    assert capsys.readouterr().out == ""
    assert main(["fix", "--diff", "--exit-zero", str(spun)]) == 0


def test_exit_zero_keeps_findings_but_not_errors(work, capsys):
    spun = write(work / "spun.txt", SPUN)
    assert main(["detect", "--exit-zero", "--output-format", "jsonl", str(spun)]) == 0
    assert jsonl(capsys.readouterr().out)
    assert main(["detect", "--exit-zero", str(work / "missing.txt")]) == 2


def test_statistics_and_count_agree_with_the_findings(work, capsys):
    spun, quotes = write(work / "spun.txt", SPUN + SPUN), write(work / "q.txt", QUOTES)
    main(["detect", "--output-format", "jsonl", str(spun), str(quotes)])
    rows = jsonl(capsys.readouterr().out)
    assert main(["detect", "--count", str(spun), str(quotes)]) == 1
    assert capsys.readouterr().out.strip() == str(len(rows))
    main(["detect", "--statistics", str(spun), str(quotes)])
    stats = {}
    for line in capsys.readouterr().out.splitlines():
        n, rule, rest = line.split("\t")
        stats[rule] = int(n)
    expected = {}
    for r in rows:
        expected[r["rule"]] = expected.get(r["rule"], 0) + 1
    assert stats == expected and stats["SPN001"] == 2
    main(["detect", "--statistics", "--output-format", "json", str(spun)])
    assert json.loads(capsys.readouterr().out)[0] == {"code": "SPN001", "name": "spinner_lexicon",
                                                      "count": 2, "fixable": 2}


def test_summary_counts_files_checked_and_quiet_drops_it(work, capsys):
    spun, clean = write(work / "spun.txt", SPUN), write(work / "clean.txt", CLEAN)
    main(["detect", "--output-format", "text", str(spun), str(clean)])
    err = capsys.readouterr().err
    assert "1 finding(s) in 1 of 2 file(s) checked." in err
    main(["detect", "--output-format", "text", str(clean)])
    assert "No findings in 1 file(s) checked." in capsys.readouterr().err
    main(["detect", "-q", "--output-format", "text", str(spun), str(clean)])
    out, err = capsys.readouterr()
    assert "SPN001" in out and err == ""


def test_fix_in_place_names_only_the_files_it_changed(work, capsys):
    spun, clean = write(work / "spun.txt", SPUN), write(work / "clean.txt", CLEAN)
    assert main(["fix", "-i", str(spun), str(clean)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err == [f"{spun}: 1 fix(es)", "1 fix(es) in 1 of 2 file(s) checked."]
    assert spun.read_text(encoding="utf-8") == "Riots against the regime.\n"
    write(spun, SPUN)
    main(["fix", "-i", "-q", str(spun), str(clean)])
    assert capsys.readouterr().err == ""


# -- configuration ------------------------------------------------------------------

def rules_found(argv, capsys) -> set:
    main(["detect", "--output-format", "jsonl", *argv])
    return {r["rule"] for r in jsonl(capsys.readouterr().out)}


def test_config_from_cleanmt_toml_and_pyproject_found_upward(tmp_path, monkeypatch, capsys):
    both = write(tmp_path / "proj" / "docs" / "a.txt", SPUN.strip() + " " + QUOTES)
    assert rules_found(["--isolated", str(both)], capsys) >= {"SPN001", "QUO001"}
    write(tmp_path / "proj" / "pyproject.toml", '[project]\nname = "x"\n\n[tool.cleanmt]\nselect = ["quotes"]\n')
    monkeypatch.chdir(tmp_path / "proj" / "docs")  # found upward from a subdirectory
    assert rules_found([str(both)], capsys) == {"QUO001"}
    assert rules_found(["--select", "spinner", str(both)], capsys) == {"SPN001"}  # the command line wins
    assert rules_found(["--isolated", str(both)], capsys) >= {"SPN001", "QUO001"}
    write(tmp_path / "proj" / "cleanmt.toml", 'ignore = ["quotes"]\n')  # beats pyproject.toml beside it
    assert "QUO001" not in rules_found([str(both)], capsys)
    other = write(tmp_path / "elsewhere.toml", 'select = ["SPN"]\n')
    assert rules_found(["--config", str(other), str(both)], capsys) == {"SPN001"}


def test_config_command_table_and_pyproject_without_table(work, capsys):
    write(work / "cleanmt.toml", 'select = ["spinner"]\n[detect]\nmin-confidence = 0.99\n')
    spun = write(work / "spun.txt", SPUN)
    assert rules_found([str(spun)], capsys) == set()  # SPN001 here is 0.98
    write(work / "cleanmt.toml", 'select = ["spinner"]\n[fix]\nmin-confidence = 0.99\n')
    assert rules_found([str(spun)], capsys) == {"SPN001"}
    main(["fix", str(spun)])
    assert capsys.readouterr().out == SPUN  # 0.98 < 0.99: fix leaves it


@pytest.mark.parametrize("content, message", [
    ('selct = ["SPN"]\n', "unknown key 'selct'"),
    ('select = "SPN"\n', "select must be a list of rule selectors"),
    ('min-confidence = 2\n', "min-confidence must be a number from 0 to 1"),
    ('lang = "xx"\n', "lang must be one of"),
    ('select = [\n', "not valid TOML"),
    ('[fix]\nbogus = 1\n', "unknown key 'bogus'"),
])
def test_bad_config_is_one_line_and_exit_2(work, capsys, content, message):
    write(work / "cleanmt.toml", content)
    assert main(["detect", str(write(work / "a.txt", SPUN))]) == 2
    err = capsys.readouterr().err
    assert message in err and "cleanmt.toml" in err and len(err.strip().splitlines()) == 1


# -- inline suppression -----------------------------------------------------------------

def test_inline_ignore_silences_its_line_only(work, capsys):
    doc = write(work / "a.md", "Riots once morest the regime. <!-- cleanmt: ignore -->\n\n" + SPUN)
    main(["detect", "--output-format", "jsonl", str(doc)])
    rows = jsonl(capsys.readouterr().out)
    assert [r["line"] for r in rows] == [3]


def test_inline_ignore_by_rule_and_file_wide(work, capsys):
    text = "The mayor was ” deeply worried “By the floods once morest all. (cleanmt: ignore[QUO])\n"
    assert rules_found([str(write(work / "a.txt", text))], capsys) == {"SPN001"}
    assert rules_found([str(write(work / "b.txt", text.replace("[QUO]", "[SPN001, quotes]")))], capsys) == set()
    assert rules_found([str(write(work / "c.txt", "cleanmt: ignore-file[spinner]\n\n" + SPUN + QUOTES))],
                       capsys) == {"QUO001"}


def test_fix_keeps_the_suppressed_line_and_the_marker(work, capsys):
    text = "Riots once morest the regime , again. (cleanmt: ignore[SPN001])\n" + SPUN
    doc = write(work / "a.txt", text)
    main(["fix", str(doc)])
    out = capsys.readouterr().out
    first, second = out.splitlines()
    assert first.startswith("Riots once morest the regime,") and first.endswith("again. (cleanmt: ignore[SPN001])")
    assert second == "Riots against the regime."


def test_a_finding_on_the_marker_itself_is_dropped():
    # whatever a rule might make of the marker (a line deleted as boilerplate, a capital
    # put on its first letter), the marker stays: fix must never remove the suppression
    from cleanmt.suppression import suppress
    from cleanmt.types import Finding

    text = "cleanmt: ignore-file[QUO]\n\nRiots against the regime.\n"
    on_marker = [Finding(0, 1, "c", "CAS002", "casing", "m", "C", 0.9),
                 Finding(0, 27, text[:27], "BLP004", "boilerplate", "m", "", 0.9),
                 Finding(8, 8, "", "PUN101", "punctuation", "m", " ", 0.9)]
    elsewhere = Finding(27, 32, "Riots", "CAS001", "casing", "m", "riots", 0.9)
    assert suppress(text, on_marker + [elsewhere]) == [elsewhere]


# -- directories --------------------------------------------------------------------------

def test_a_directory_recurses_like_ruff(work, capsys):
    for name in ("a.txt", "b.md", "skip.json", ".hidden/c.txt", ".d.txt", "sub/e.txt", "drafts/f.txt"):
        write(work / "tree" / name, SPUN)
    main(["detect", "--output-format", "jsonl", str(work / "tree")])
    paths = sorted({Path(r["path"]).relative_to(work / "tree").as_posix() for r in jsonl(capsys.readouterr().out)})
    assert paths == ["a.txt", "b.md", "drafts/f.txt", "sub/e.txt"]
    write(work / "cleanmt.toml", 'exclude = ["drafts"]\ninclude = ["*.txt"]\n')
    main(["detect", "--output-format", "jsonl", str(work / "tree")])
    paths = sorted({Path(r["path"]).relative_to(work / "tree").as_posix() for r in jsonl(capsys.readouterr().out)})
    assert paths == ["a.txt", "sub/e.txt"]
    # a file named on the command line is checked whatever its name
    assert main(["detect", "-q", str(work / "tree" / "skip.json")]) == 1


def test_fix_in_place_on_a_directory(work, capsys):
    a, b = write(work / "t" / "a.txt", SPUN), write(work / "t" / "s" / "b.txt", SPUN)
    assert main(["fix", "-i", "-q", str(work / "t")]) == 0
    assert a.read_text(encoding="utf-8") == b.read_text(encoding="utf-8") == "Riots against the regime.\n"


def test_a_directory_without_files_to_check_is_exit_2(work, capsys):
    write(work / "t" / "data.json", "{}")
    assert main(["detect", str(work / "t")]) == 2
    assert "is a directory with no file to check" in capsys.readouterr().err


# -- machine output -------------------------------------------------------------------------

def _line_col(text, offset):
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def test_jsonl_has_line_column_and_replacement_list(work, capsys):
    text = "First line is fine.\r\nSecond 😀 line: riots once morest the regime ,now.\n\n" + QUOTES
    doc = work / "a.txt"
    doc.write_bytes(text.encode("utf-8"))
    main(["detect", "--output-format", "jsonl", str(doc)])
    rows = jsonl(capsys.readouterr().out)
    assert len(rows) >= 3
    for r in rows:
        assert r["schema_version"] == SCHEMA_VERSION
        assert text[r["start"]:r["end"]] == r["text"]
        assert (r["line"], r["column"]) == _line_col(text, r["start"])
        assert (r["end_line"], r["end_column"]) == _line_col(text, r["end"])
        assert r["replacements"] == ([] if r["replacement"] is None else [r["replacement"]])
    spn = next(r for r in rows if r["rule"] == "SPN001")
    assert (spn["line"], spn["column"]) == (2, 22)  # the emoji is one code point


def test_sarif_is_2_1_0_with_consistent_rules_and_regions(work, capsys):
    doc = write(work / "a.txt", "Fine.\n" + SPUN + QUOTES)
    main(["detect", "--output-format", "sarif", str(doc)])
    sarif = json.loads(capsys.readouterr().out)
    assert sarif["version"] == "2.1.0" and "sarif-2.1.0" in sarif["$schema"]
    (run,) = sarif["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "cleanmt" and driver["version"]
    text = doc.read_text(encoding="utf-8")
    assert run["results"]
    for res in run["results"]:
        assert driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["level"] in ("error", "warning", "note") and res["message"]["text"]
        region = res["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == _line_col(text, region["charOffset"])
        assert (region["endLine"], region["endColumn"]) == _line_col(text, region["charOffset"] + region["charLength"])
        for fix in res.get("fixes", []):
            (change,) = fix["artifactChanges"]
            assert change["replacements"][0]["deletedRegion"] == region
    assert len({r["id"] for r in driver["rules"]}) == len(driver["rules"])


def test_gitlab_code_quality_report(work, capsys):
    doc = write(work / "a.txt", SPUN + "\n" + SPUN)
    main(["detect", "--output-format", "gitlab", "--select", "SPN", str(doc)])
    report = json.loads(capsys.readouterr().out)
    assert len(report) == 2
    for issue in report:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert issue["location"]["path"] == str(doc)
        assert issue["location"]["positions"]["begin"]["line"] in (1, 3)
    assert len({i["fingerprint"] for i in report}) == 2  # equal findings, distinct fingerprints


def test_junit_xml_one_failure_per_finding_and_a_pass_per_clean_file(work, capsys):
    spun, clean = write(work / "a.txt", SPUN + "Tom & Jerry <b> once morest all.\n"), write(work / "b.txt", CLEAN)
    main(["detect", "--output-format", "junit", str(spun), str(clean)])
    root = ET.fromstring(capsys.readouterr().out)
    assert root.tag == "testsuites" and root.get("failures") == "2"
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert len(suites[str(spun)].findall("testcase/failure")) == 2
    assert len(suites[str(clean)].findall("testcase")) == 1 and not suites[str(clean)].findall(".//failure")


def test_github_annotations(work, capsys):
    doc = write(work / "a,b.txt", "Fine.\n" + SPUN)
    main(["detect", "--output-format", "github", str(doc)])
    (line,) = capsys.readouterr().out.splitlines()
    m = re.fullmatch(r"::(error|warning) title=cleanmt SPN001,file=(.*?),line=2,col=7,endLine=2,endColumn=18::(.*)", line)
    assert m and m.group(2) == str(doc).replace(",", "%2C").replace(":", "%3A")
    assert m.group(3).endswith(": SPN001 spinner fingerprint; the original phrase is 'against'")


# -- progress, hints, validation ---------------------------------------------------------------

def test_file_mode_progress_keeps_warnings_off_the_bar(work, capsys):
    files = [str(write(work / f"{i}.txt", SPUN)) for i in range(3)]
    main(["detect", "--progress", "--output-format", "jsonl", *files, str(work / "missing.txt")])
    err = capsys.readouterr().err
    assert "file" in err and "3/3" in err  # tqdm's bar, counting files
    lines = re.split(r"[\r\n]", err)
    assert any(ln.startswith("cleanmt: error: ") and "missing.txt" in ln for ln in lines)


def test_jsonl_progress_puts_warnings_on_their_own_line(work, capsys):
    data = write(work / "in.jsonl", json.dumps({"text": SPUN}) + "\nnot json\n")
    main(["detect", "--jsonl", "--progress", str(data)])
    err = capsys.readouterr().err
    warning = [ln for ln in re.split(r"[\r\n]", err) if "warning" in ln]
    assert warning and all(ln.startswith("cleanmt: warning: ") for ln in warning)


def test_hint_when_default_english_meets_french(work, capsys):
    fr = write(work / "fr.txt", FRENCH)
    main(["detect", "-q", str(fr)])
    assert capsys.readouterr().err == ""  # -q: no hint
    main(["detect", "--output-format", "jsonl", str(fr)])
    (hint,) = capsys.readouterr().err.splitlines()
    assert hint.startswith("cleanmt: hint: ") and "--lang fr" in hint
    main(["detect", "--lang", "en", "--output-format", "jsonl", str(fr)])
    assert capsys.readouterr().err == ""  # asked for en: no hint
    main(["detect", "--output-format", "jsonl", str(write(work / "en.txt", CLEAN * 8))])
    assert capsys.readouterr().err == ""


def test_source_is_validated_like_lang(work, capsys):
    doc = write(work / "a.txt", SPUN)
    with pytest.raises(SystemExit) as e:
        main(["detect", "--source", "xx", str(doc)])
    assert e.value.code == 2 and "invalid choice: 'xx'" in capsys.readouterr().err
    assert main(["detect", "-q", "--source", "fr", str(doc)]) == 1
    write(work / "cleanmt.toml", 'source = "zz"\n')
    assert main(["detect", str(doc)]) == 2
    assert "source" in capsys.readouterr().err


def test_score_says_which_backend_scored(capsys):
    main(["score", "It could not be verified on 26 May.", "It could be verified on 25 May."])
    assert "hard check failed" in capsys.readouterr().out.splitlines()[0]
    main(["score", "--format", "json", "Riots once morest the regime.", "Riots against the regime."])
    data = json.loads(capsys.readouterr().out)
    assert data["similarity_backend"] == data["components"]["similarity_method"] in ("chrf", "minilm-cosine")
    main(["score", "Riots once morest the regime.", "Riots against the regime."])
    assert "similarity by" in capsys.readouterr().out.splitlines()[0]


# -- packaging ----------------------------------------------------------------------------------

def test_packaging_conventions():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert (ROOT / "src" / "cleanmt" / "py.typed").is_file() and "py.typed" in pyproject
    # orjson is declared for datatrove's JsonlReader/JsonlWriter only, and says so; cleanmt never imports it
    lines = pyproject.splitlines()
    (at,) = [i for i, ln in enumerate(lines) if '"orjson"' in ln]
    assert "JsonlReader" in "\n".join(lines[at - 3:at])
    assert not [p for p in (ROOT / "src").rglob("*.py") if "import orjson" in p.read_text(encoding="utf-8")]
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    for key in ("id: cleanmt", "entry: cleanmt detect", "language: python", "id: cleanmt-fix"):
        assert key in hooks


def test_fix_gives_the_language_hint_too_and_jsonl_refuses_counts(work, capsys):
    fr = write(work / "fr.txt", FRENCH)
    main(["fix", "--diff", str(fr)])
    assert "--lang fr" in capsys.readouterr().err
    assert main(["detect", "--jsonl", "--count", str(write(work / "a.jsonl", '{"text": "x"}\n'))]) == 2
    assert "--count" in capsys.readouterr().err
