"""Regenerate docs/rules/ (one page per rule, from its docstring; tests check it is current)."""
from pathlib import Path

from cleanmt.registry import all_rules
from cleanmt.rule_docs import write_docs

docs = Path(__file__).resolve().parent.parent / "docs" / "rules"
print(f"{docs}: {write_docs(str(docs), all_rules())} files")
