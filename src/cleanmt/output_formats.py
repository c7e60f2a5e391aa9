"""`detect --output-format`: one writer per format a tool in a pipeline reads.

text (path:line:col, for people), json and jsonl (the findings schema,
docs/findings.schema.json), github (workflow commands: annotations on a pull
request), gitlab (Code Quality report), sarif (SARIF 2.1.0, for code-scanning
dashboards), junit (JUnit XML, for CI test views). Every machine format gives
1-based line and column (in code points, as the offsets are) beside the
code-point offsets, with the end exclusive, as ruff and SARIF do.
"""
from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect_right
from typing import IO, Iterable, Optional, Sequence

from . import __version__
from .engine import DEFAULT_MIN_CONFIDENCE
from .types import Finding

SCHEMA_VERSION = 1  # docs/findings.schema.json; bumped when a field changes meaning or goes away
FORMATS = ("text", "json", "jsonl", "github", "gitlab", "sarif", "junit")

Result = tuple[str, str, Sequence[Finding]]  # (path, text, findings)


def line_starts(text: str) -> list[int]:
    """The offset where each line starts."""
    starts, i = [0], text.find("\n")
    while i != -1:
        starts.append(i + 1)
        i = text.find("\n", i + 1)
    return starts


def line_col(text: str, offset: int, starts: Optional[list[int]] = None) -> tuple[int, int]:
    """1-based line and column (in code points) of `offset`, by bisection on `starts`."""
    starts = starts or line_starts(text)
    i = bisect_right(starts, offset)
    return i, offset - starts[i - 1] + 1


def fixable(f: Finding) -> bool:
    """Whether `fix` applies it at its default threshold."""
    return f.replacement is not None and f.replacement != f.text and f.confidence >= DEFAULT_MIN_CONFIDENCE


def record(f: Finding, text: str, starts: list[int], path: Optional[str] = None) -> dict:
    """A finding as the schema gives it: offsets, line/column, and the replacements."""
    line, col = line_col(text, f.start, starts)
    end_line, end_col = line_col(text, f.end, starts)
    d = {} if path is None else {"path": path}
    d.update(
        start=f.start, end=f.end, line=line, column=col, end_line=end_line, end_column=end_col,
        text=f.text, rule=f.rule, category=f.category, message=f.message,
        replacement=f.replacement,
        replacements=[] if f.replacement is None else [f.replacement],  # LanguageTool's list; one today
        confidence=f.confidence, fixable=fixable(f),
    )
    return d


def records(results: Iterable[Result]):
    """(path, text, finding, record-without-path) for every finding."""
    for path, text, findings in results:
        starts = line_starts(text) if findings else []
        for f in findings:
            yield path, text, f, record(f, text, starts)


# -- text ----------------------------------------------------------------------

def format_text(path: str, text: str, f: Finding, color: bool = False, starts: Optional[list[int]] = None) -> str:
    line, col = line_col(text, f.start, starts)
    if f.replacement is None:
        fix = ""
    elif f.replacement == "":
        fix = " [delete]"
    else:
        fix = f" [-> {f.replacement!r}]"
    shown = f.text.replace("\r", "").replace("\n", "⏎")
    if len(shown) > 60:
        shown = shown[:57] + "..."
    if color:
        return f"\033[1m{path}:{line}:{col}:\033[0m \033[31m{f.rule}\033[0m {f.message}: \033[7m{shown}\033[0m{fix}"
    return f"{path}:{line}:{col}: {f.rule} {f.message}: «{shown}»{fix}"


def write_text(results, out: IO[str], color: bool = False) -> None:
    for path, text, findings in results:
        starts = line_starts(text) if findings else []
        for f in findings:
            out.write(format_text(path, text, f, color, starts) + "\n")


# -- json / jsonl --------------------------------------------------------------

def write_jsonl(results, out: IO[str]) -> None:
    for path, _, _, rec in records(results):
        out.write(json.dumps({"schema_version": SCHEMA_VERSION, "path": path, **rec}, ensure_ascii=False) + "\n")


# -- GitHub workflow commands ----------------------------------------------------

def _gh_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(s: str) -> str:
    return _gh_data(s).replace(":", "%3A").replace(",", "%2C")


def write_github(results, out: IO[str]) -> None:
    for path, _, f, r in records(results):
        level = "error" if f.confidence >= DEFAULT_MIN_CONFIDENCE else "warning"
        props = (f"title={_gh_prop('cleanmt ' + f.rule)},file={_gh_prop(path)},line={r['line']},"
                 f"col={r['column']},endLine={r['end_line']},endColumn={r['end_column']}")
        where = f"{path}:{r['line']}:{r['column']}"
        out.write(f"::{level} {props}::{_gh_data(f'{where}: {f.rule} {f.message}')}\n")


# -- GitLab Code Quality -----------------------------------------------------------

def gitlab_report(results) -> list[dict]:
    """GitLab's Code Quality JSON: description, check_name, fingerprint, severity, location.
    The fingerprint hashes path, rule, flagged text and its rank among equal ones, so it
    stays put when lines above it change."""
    out, seen = [], {}
    for path, _, f, r in records(results):
        key = (path, f.rule, f.text)
        seen[key] = seen.get(key, 0) + 1
        fp = hashlib.sha256("\0".join([path, f.rule, f.text, str(seen[key])]).encode("utf-8", "surrogatepass"))
        out.append({
            "description": f"{f.rule} {f.message}",
            "check_name": f.rule,
            "fingerprint": fp.hexdigest(),
            "severity": "major" if f.confidence >= DEFAULT_MIN_CONFIDENCE else "minor",
            "location": {"path": path, "positions": {
                "begin": {"line": r["line"], "column": r["column"]},
                "end": {"line": r["end_line"], "column": r["end_column"]}}},
        })
    return out


# -- SARIF 2.1.0 ---------------------------------------------------------------------

def sarif_report(results, rules_by_id: dict) -> dict:
    """One run; columns are code points (`columnKind`), regions also carry charOffset and
    charLength; a finding with a replacement carries it as a SARIF fix."""
    results = list(results)
    used = sorted({f.rule for _, _, fs in results for f in fs})
    index = {rid: i for i, rid in enumerate(used)}
    sarif_rules = []
    for rid in used:
        r = rules_by_id.get(rid)
        desc = r.description if r else rid
        sarif_rules.append({
            "id": rid,
            "name": r.name if r else rid,
            "shortDescription": {"text": desc},
            "help": {"text": f"cleanmt rules {rid}"},
            "properties": {"category": r.category if r else "", "confidence": r.confidence if r else None},
        })
    out = []
    for path, _, f, r in records(results):
        region = {"startLine": r["line"], "startColumn": r["column"], "endLine": r["end_line"],
                  "endColumn": r["end_column"], "charOffset": f.start, "charLength": f.end - f.start}
        res = {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": "error" if f.confidence >= DEFAULT_MIN_CONFIDENCE else "warning",
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": path}, "region": region}}],
            "properties": {"confidence": f.confidence, "category": f.category},
        }
        if f.replacement is not None:
            res["fixes"] = [{
                "description": {"text": "delete" if f.replacement == "" else f"replace with {f.replacement!r}"},
                "artifactChanges": [{"artifactLocation": {"uri": path}, "replacements": [
                    {"deletedRegion": dict(region), "insertedContent": {"text": f.replacement}}]}],
            }]
        out.append(res)
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "cleanmt", "version": __version__, "rules": sarif_rules}},
            "columnKind": "unicodeCodePoints",
            "results": out,
        }],
    }


# -- JUnit XML -------------------------------------------------------------------------

_XML_BAD = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")  # not allowed in XML 1.0


def _x(s: str) -> str:
    return _XML_BAD.sub("\ufffd", s)


def junit_report(results) -> str:
    """One testsuite per file; one failing testcase per finding, a passing one for a clean file."""
    import xml.etree.ElementTree as ET  # (only for this format)

    results = list(results)
    total = sum(len(fs) for _, _, fs in results)
    root = ET.Element("testsuites", name="cleanmt", tests=str(sum(max(1, len(fs)) for _, _, fs in results)),
                      failures=str(total), errors="0")
    for path, text, findings in results:
        suite = ET.SubElement(root, "testsuite", name=_x(path), tests=str(max(1, len(findings))),
                              failures=str(len(findings)), errors="0", skipped="0")
        if not findings:
            ET.SubElement(suite, "testcase", name="cleanmt", classname=_x(path))
            continue
        starts = line_starts(text)
        for f in findings:
            r = record(f, text, starts)
            case = ET.SubElement(suite, "testcase", name=f"cleanmt.{f.rule}", classname=_x(path),
                                 file=_x(path), line=str(r["line"]))
            fail = ET.SubElement(case, "failure", message=_x(f"{f.rule} {f.message}"), type=f.category)
            fail.text = _x(f"{path}:{r['line']}:{r['column']}: {f.rule} {f.message}: {f.text!r}")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def write(fmt: str, results: Sequence[Result], out: IO[str], rules_by_id: dict, color: bool = False,
          json_report=None) -> None:
    """Write `results` to `out` in `fmt` (json needs `json_report`, the caller's builder)."""
    if fmt == "text":
        write_text(results, out, color)
    elif fmt == "jsonl":
        write_jsonl(results, out)
    elif fmt == "json":
        json.dump(json_report(results), out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "github":
        write_github(results, out)
    elif fmt == "gitlab":
        json.dump(gitlab_report(results), out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "sarif":
        json.dump(sarif_report(results, rules_by_id), out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "junit":
        out.write(junit_report(results))
    else:  # pragma: no cover - argparse checks the choice
        raise ValueError(f"unknown output format {fmt!r}")
