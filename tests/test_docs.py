"""Generated documentation stays true: docs/rules/ is what the rules' docstrings make,
and detect's machine output follows docs/findings.schema.json (schema_version)."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from cleanmt.cli import main
from cleanmt.output_formats import SCHEMA_VERSION
from cleanmt.registry import all_rules
from cleanmt.rule_docs import expected_files, rule_page

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "rules"
SCHEMA = json.loads((ROOT / "docs" / "findings.schema.json").read_text(encoding="utf-8"))


def test_docs_rules_tree_is_current():
    want = expected_files(all_rules())
    have = {p.name for p in DOCS.glob("*.md")}
    assert have == set(want), "run: python scripts/make_rule_docs.py"
    stale = [name for name, content in want.items() if (DOCS / name).read_text(encoding="utf-8") != content]
    assert not stale, f"stale pages {stale[:5]}; run: python scripts/make_rule_docs.py"


def test_rule_page_comes_from_the_docstring_and_the_examples(capsys):
    r = next(r for r in all_rules() if r.id == "QUO001")
    assert main(["rules", "--format", "markdown", "QUO001"]) == 0
    page = capsys.readouterr().out
    assert page == rule_page(r) == (DOCS / "QUO001.md").read_text(encoding="utf-8")
    import inspect

    source = r.check.__doc__ or inspect.getmodule(r.check).__doc__  # the rule's, or its module's
    doc = inspect.cleandoc(source).splitlines()[0]
    assert doc and doc in page
    for text, fixed in r.bad:
        assert repr(text) in page and (fixed is None or repr(fixed) in page)


# -- a small JSON Schema checker: the keywords docs/findings.schema.json uses -------------

TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None)}


def _type_ok(value, t) -> bool:
    if t == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if t == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, TYPES[t])


def errors(value, schema, root=SCHEMA, where="$"):
    import re

    if "$ref" in schema:
        node = root
        for part in schema["$ref"].lstrip("#/").split("/"):
            node = node[part]
        yield from errors(value, node, root, where)
    for sub in schema.get("allOf", []):
        yield from errors(value, sub, root, where)
    if "oneOf" in schema:
        ok = [s for s in schema["oneOf"] if not list(errors(value, s, root, where))]
        if len(ok) != 1:
            yield f"{where}: matches {len(ok)} of oneOf"
    if "type" in schema:
        ts = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_type_ok(value, t) for t in ts):
            yield f"{where}: {value!r} is not {ts}"
            return
    if "const" in schema and value != schema["const"]:
        yield f"{where}: {value!r} != {schema['const']!r}"
    if "enum" in schema and value not in schema["enum"]:
        yield f"{where}: {value!r} not in enum"
    if "minimum" in schema and isinstance(value, (int, float)) and value < schema["minimum"]:
        yield f"{where}: {value} < {schema['minimum']}"
    if "maximum" in schema and isinstance(value, (int, float)) and value > schema["maximum"]:
        yield f"{where}: {value} > {schema['maximum']}"
    if "pattern" in schema and isinstance(value, str) and not re.search(schema["pattern"], value):
        yield f"{where}: {value!r} does not match {schema['pattern']}"
    if isinstance(value, dict):
        for key in schema.get("required", []):
            if key not in value:
                yield f"{where}: missing {key}"
        props = schema.get("properties", {})
        for key, v in value.items():
            if key in props:
                yield from errors(v, props[key], root, f"{where}.{key}")
            elif schema.get("additionalProperties") is False:
                yield f"{where}: unexpected {key}"
            elif isinstance(schema.get("additionalProperties"), dict):
                yield from errors(v, schema["additionalProperties"], root, f"{where}.{key}")
    if isinstance(value, list) and "items" in schema:
        for i, v in enumerate(value):
            yield from errors(v, schema["items"], root, f"{where}[{i}]")


def detect(*args) -> str:
    p = subprocess.run([sys.executable, "-m", "cleanmt", "detect", "--isolated", *args], cwd=ROOT,
                       capture_output=True, env={**__import__("os").environ, "PYTHONPATH": str(ROOT / "src")})
    return p.stdout.decode("utf-8")


@pytest.fixture(scope="module")
def seed_outputs():
    seeds = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))
    return detect("--output-format", "jsonl", *seeds), detect("--output-format", "json", *seeds)


def test_jsonl_and_json_follow_the_findings_schema(seed_outputs):
    lines, doc = seed_outputs
    rows = [json.loads(ln) for ln in lines.splitlines()]
    assert len(rows) > 20
    for r in rows:
        assert list(errors(r, SCHEMA)) == [], r
    report = json.loads(doc)
    assert report["schema_version"] == SCHEMA_VERSION == SCHEMA["$defs"]["report"]["properties"]["schema_version"]["const"]
    assert list(errors(report, SCHEMA)) == []
    assert sum(len(f["findings"]) for f in report["files"]) == len(rows) == report["summary"]["findings"]


def test_the_schema_checker_rejects_what_breaks_the_contract(seed_outputs):
    row = json.loads(seed_outputs[0].splitlines()[0])
    for broken in ({**row, "line": 0}, {**row, "rule": "XYZ1"}, {**row, "confidence": 1.5},
                   {k: v for k, v in row.items() if k != "replacements"}, {**row, "extra": 1},
                   {**row, "schema_version": SCHEMA_VERSION + 1}):
        assert list(errors(broken, SCHEMA)), broken


def test_with_jsonschema_when_installed(seed_outputs):
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for ln in seed_outputs[0].splitlines():
        validator.validate(json.loads(ln))
    validator.validate(json.loads(seed_outputs[1]))
