"""The three layers stay apart: rules say where they live, and hold no per-document state."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

import cleanmt
from cleanmt.registry import all_rules

ROOT = Path(cleanmt.__file__).resolve().parent.parent.parent
RULE_FILES = sorted((Path(cleanmt.__file__).parent / "rules").glob("*.py"))


@pytest.mark.parametrize("r", all_rules(), ids=lambda r: r.id)
def test_rule_location_is_its_registration(r):
    """`cleanmt rules ID` shows file:line: the line where the rule's @rule( opens, with
    its id (or the module's constant holding it) on the line after."""
    path, line = r.location.rsplit(":", 1)
    lines = (ROOT / path).read_text(encoding="utf-8").splitlines()
    assert lines[int(line) - 1].startswith("@rule(")
    after = lines[int(line)].strip().rstrip(",")
    assert after == f'"{r.id}"' or f'{after} = "{r.id}"' in lines


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.name)
def test_rule_modules_hold_no_scan_machinery(path):
    """Rule modules read the scan layer's results (doc.anchor_hits) and never build
    automata themselves."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] + ([node.module] if getattr(node, "module", None) else [])
            assert not any(n and n.split(".")[0] in ("ahocorasick_rs", "ahocorasick") for n in names), path.name
