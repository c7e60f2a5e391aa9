"""Inline suppression: a marker in the text that silences findings, as ruff's `# noqa`.

The marker has to live in prose and in markup alike, so it is plain words that
any comment syntax can wrap (`<!-- cleanmt: ignore -->`, `% cleanmt: ignore`,
`[//]: # (cleanmt: ignore[QUO])`, or just the words in a draft):

- `cleanmt: ignore` silences every finding that starts on its line;
- `cleanmt: ignore[SPN001,quotes]` only those rules (ids, prefixes or categories,
  as `--select` takes them);
- `cleanmt: ignore-file` (optionally with `[...]`) anywhere silences the whole file.

A "line" is what ends at a newline, so in prose written one paragraph a line the
marker covers its paragraph. The marker itself is never touched: a finding that
overlaps it is dropped whatever it is, so `fix` cannot delete or "repair" it away.
"""
from __future__ import annotations

import re
from typing import Sequence

from .types import Finding

MARKER = "cleanmt:"
_MARKER_RE = re.compile(r"cleanmt:[ \t]*ignore(?P<file>-file)?(?:\[(?P<rules>[A-Za-z0-9_, \t]*)\])?")


def _matches(f: Finding, selectors: Sequence[str]) -> bool:
    """As registry selectors: ALL, a category, or a rule-id prefix."""
    for s in selectors:
        if s.upper() == "ALL" or s.lower() == f.category or f.rule.startswith(s.upper()):
            return True
    return False


def _selectors(raw) -> tuple[str, ...]:
    """() means every rule."""
    if raw is None:
        return ()
    return tuple(s.strip() for s in raw.split(",") if s.strip())


def suppress(text: str, findings: list[Finding]) -> list[Finding]:
    """`findings` less those a marker in `text` silences, and less any on a marker."""
    if not findings or MARKER not in text:  # one substring search for almost every text
        return findings
    markers = list(_MARKER_RE.finditer(text))
    if not markers:
        return findings
    file_wide: list[tuple[str, ...]] = []
    by_line: dict[int, list[tuple[str, ...]]] = {}  # line start offset -> selector sets
    for m in markers:
        sel = _selectors(m.group("rules"))
        if m.group("file"):
            file_wide.append(sel)
        else:
            by_line.setdefault(text.rfind("\n", 0, m.start()) + 1, []).append(sel)
    spans = [(m.start(), m.end()) for m in markers]
    kept = []
    for f in findings:
        if any(f.start < e and s < f.end or s <= f.start < e for s, e in spans):
            continue  # on the marker itself
        sets = file_wide + by_line.get(text.rfind("\n", 0, f.start) + 1, [])
        if any(not sel or _matches(f, sel) for sel in sets):
            continue
        kept.append(f)
    return kept
