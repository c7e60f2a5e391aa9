"""The diff view's data: line hunks of what `fix` changes, with the changed words of
each changed line marked, so a person sees the edit, not two near-identical lines.

Why not difflib.unified_diff: its output is lines of text; the page needs each
line's kept, deleted and inserted parts to lay them out (and to test that the
parts add up to the two texts exactly).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Optional

_TOKEN = re.compile(r"\w+|\s|[^\w\s]")  # every character falls in one token
_PAIR_RATIO = 0.5  # a deleted and an added line this alike are shown as one changed line
_MAX_PAIRS = 2_500  # a bigger replaced block is shown as deletions and additions, unpaired


@dataclass(frozen=True)
class DiffLine:
    kind: str  # "ctx" kept, "del" deleted, "add" added, "chg" changed in place
    old_no: Optional[int]  # 1-based line numbers; None on the side the line is not on
    new_no: Optional[int]
    parts: tuple[tuple[str, str], ...]  # (op, text), op "eq", "del" or "ins"

    def old_text(self) -> Optional[str]:
        return None if self.old_no is None else "".join(t for op, t in self.parts if op != "ins")

    def new_text(self) -> Optional[str]:
        return None if self.new_no is None else "".join(t for op, t in self.parts if op != "del")


@dataclass(frozen=True)
class Hunk:
    old_start: int  # 1-based first old line, as in a unified diff's @@ header
    old_len: int
    new_start: int
    new_len: int
    lines: tuple[DiffLine, ...]


def word_parts(a: str, b: str) -> tuple[tuple[str, str], ...]:
    """a -> b as (op, text) parts over word, space and punctuation tokens."""
    ta, tb = _TOKEN.findall(a), _TOKEN.findall(b)
    parts: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(("eq", "".join(ta[i1:i2])))
            continue
        if i2 > i1:
            parts.append(("del", "".join(ta[i1:i2])))
        if j2 > j1:
            parts.append(("ins", "".join(tb[j1:j2])))
    return tuple(_merge(parts))


def _merge(parts):
    out: list[tuple[str, str]] = []
    for op, t in parts:
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + t)
        elif t:
            out.append((op, t))
    return out


def diff_hunks(before: str, after: str, context: int = 1) -> list[Hunk]:
    """The hunks of before -> after, by lines split at "\\n" (a "\\r" stays in its line).

    Blank lines are junk to the line matcher (they may extend a match, never anchor
    one), so a deleted boilerplate line and its blank do not pull the lines after it
    out of step."""
    a, b = before.split("\n"), after.split("\n")
    matcher = SequenceMatcher(_blank, a, b, autojunk=False)
    hunks = []
    for group in matcher.get_grouped_opcodes(context):
        lines: list[DiffLine] = []
        for op, i1, i2, j1, j2 in group:
            if op == "equal":
                lines += [DiffLine("ctx", i + 1, j1 + k + 1, (("eq", a[i]),)) for k, i in enumerate(range(i1, i2))]
            else:
                lines += _replace_block(a, b, i1, i2, j1, j2)
        first_i, first_j = group[0][1], group[0][3]
        last_i, last_j = group[-1][2], group[-1][4]
        hunks.append(Hunk(first_i + 1, last_i - first_i, first_j + 1, last_j - first_j, tuple(lines)))
    return hunks


def _blank(line: str) -> bool:
    return not line.strip()


def _replace_block(a, b, i1, i2, j1, j2) -> list[DiffLine]:
    """Old lines a[i1:i2] replaced by new lines b[j1:j2]: the most alike pair of non-blank
    lines becomes one changed line, and the lines before and after it are aligned the same
    way (difflib.Differ's approach); lines left without a partner are deleted or added."""
    best, bi, bj = _PAIR_RATIO, None, None
    if (i2 - i1) * (j2 - j1) <= _MAX_PAIRS:
        for i in range(i1, i2):
            if _blank(a[i]):
                continue
            for j in range(j1, j2):
                if _blank(b[j]):
                    continue
                m = SequenceMatcher(None, a[i], b[j], autojunk=False)
                if m.real_quick_ratio() > best and m.quick_ratio() > best and m.ratio() > best:
                    best, bi, bj = m.ratio(), i, j
    if bi is None:  # no pair: what stays is only equal lines (blank ones) between the others
        out: list[DiffLine] = []
        for op, x1, x2, y1, y2 in SequenceMatcher(None, a[i1:i2], b[j1:j2], autojunk=False).get_opcodes():
            if op == "equal":
                out += [DiffLine("ctx", i1 + x1 + k + 1, j1 + y1 + k + 1, (("eq", a[i1 + x1 + k]),))
                        for k in range(x2 - x1)]
                continue
            out += [DiffLine("del", i + 1, None, (("del", a[i]),)) for i in range(i1 + x1, i1 + x2)]
            out += [DiffLine("add", None, j + 1, (("ins", b[j]),)) for j in range(j1 + y1, j1 + y2)]
        return out
    return (_replace_block(a, b, i1, bi, j1, bj)
            + [DiffLine("chg", bi + 1, bj + 1, word_parts(a[bi], b[bj]))]
            + _replace_block(a, b, bi + 1, i2, bj + 1, j2))
