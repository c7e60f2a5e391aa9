"""Regenerate the README's rule table from the registry (tests check it is current)."""
from pathlib import Path

from cleanmt.cli import rules_markdown
from cleanmt.registry import all_rules

readme = Path(__file__).resolve().parent.parent / "README.md"
text = readme.read_text(encoding="utf-8")
head_end = text.index("\n", text.index("<!-- rules-table")) + 1
tail_start = text.index("<!-- end rules-table -->")
readme.write_text(text[:head_end] + rules_markdown(all_rules()) + text[tail_start:], encoding="utf-8")
print(f"{readme}: {len(all_rules())} rules")
