"""Lexicons are data files, not Python literals (LanguageTool-style).

Each file in `cleanmt/data/` is tab-separated: lines starting with "#" are
comments, the first other line names the columns, and every entry must say
where it comes from or why it is there (a `source` column), so that a
reviewer can check each one.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources


class LexiconError(ValueError):
    pass


@lru_cache(maxsize=None)
def load_tsv(name: str, required: tuple[str, ...] = ("source",)) -> tuple[dict, ...]:
    """Read `cleanmt/data/<name>` into a tuple of dicts keyed by column name."""
    text = resources.files("cleanmt").joinpath("data", name).read_text(encoding="utf-8")
    rows: list[dict] = []
    header: list[str] | None = None
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            missing = [c for c in required if c not in header]
            if missing:
                raise LexiconError(f"{name}: header lacks column(s) {missing}")
            continue
        if len(cells) != len(header):
            raise LexiconError(f"{name}:{lineno}: expected {len(header)} columns, got {len(cells)}")
        row = dict(zip(header, cells))
        for c in required:
            if not row[c]:
                raise LexiconError(f"{name}:{lineno}: empty {c!r}")
        rows.append(row)
    return tuple(rows)


# -- prefiltering a lexicon of patterns ------------------------------------------------
#
# Most text holds none of a lexicon's phrases. Rather than run every entry's
# regex over every document, each entry gets an *anchor*: a word that every
# match of the entry must contain. One Aho-Corasick pass over the lower-cased
# text finds which anchors occur, and only those entries' regexes run.

_QUANT = "?*{"


def required_words(pattern: str) -> list[str]:
    """Lower-cased words (3+ letters) that every match of the regex `pattern` contains.

    Conservative: literal runs at the top level (or inside plain groups that are
    not optional and hold no alternation) count; anything under a quantifier, in
    a character class, after an escape or in a negative look-around does not.
    Returns [] when nothing is certainly required (e.g. a top-level alternation).
    """
    words: list[str] = []
    if not _collect(pattern, words):
        return []
    return [w.lower() for w in words if len(w) >= 3]


def _collect(p: str, out: list[str]) -> bool:
    """Add required words of `p` to `out`; False if `p` has a top-level alternation."""
    run, i, found = [], 0, []
    depth_alternation = False

    def flush(drop_last_word: bool = False):
        text = "".join(run)
        parts = text.split(" ")
        if drop_last_word and parts:
            parts = parts[:-1]
        found.extend(w for w in parts if w.isalpha())
        run.clear()

    while i < len(p):
        c = p[i]
        if c == "\\":
            flush()
            i += 2
        elif c == "[":
            flush()
            i = _class_end(p, i) + 1
            if i < len(p) and p[i] in _QUANT:
                i += 1
        elif c == "(":
            flush()
            end = _group_end(p, i)
            body = p[i + 1 : end]
            after = p[end + 1 : end + 2]
            optional = after in ("?", "*") or (after == "{" and p[end + 2 : end + 3] == "0")
            negative = body.startswith(("?!", "?<!"))
            if not optional and not negative:
                inner = _strip_group_prefix(body)
                sub: list[str] = []
                if _collect(inner, sub):
                    found.extend(sub)
            i = end + 1
            if i < len(p) and p[i] in _QUANT + "+":
                i += 1
        elif c == "|":
            depth_alternation = True
            i += 1
        elif c in _QUANT:
            flush(drop_last_word=True)
            i += 1
        elif c.isalpha() or c == " ":
            run.append(c)
            i += 1
        else:  # ., ^, $, +, ) etc.: end the literal run
            if c == "+":
                flush(drop_last_word=False)
            else:
                flush()
            i += 1
    flush()
    if depth_alternation:
        return False
    out.extend(found)
    return True


def _group_end(p: str, start: int) -> int:
    depth, i = 0, start
    while i < len(p):
        c = p[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _class_end(p, i) + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return len(p) - 1


def _class_end(p: str, start: int) -> int:
    """Offset of the "]" closing the character class that opens at `start`."""
    j = start + 1
    if j < len(p) and p[j] == "]":  # a "]" first in the class is a literal
        j += 1
    while j < len(p) and p[j] != "]":
        j += 2 if p[j] == "\\" else 1
    return j


def _strip_group_prefix(body: str) -> str:
    """Drop a group's (?:, (?=, (?<=, (?-i: ... prefix, keeping its pattern."""
    if not body.startswith("?"):
        return body
    for prefix in ("?:", "?=", "?<="):
        if body.startswith(prefix):
            return body[len(prefix):]
    m = re.match(r"\?[a-zA-Z-]*:", body)
    return body[m.end():] if m else ""


class AnchorIndex:
    """Which of a list of patterns can match a text, found in one C-speed pass."""

    def __init__(self, patterns: list[str]):
        import ahocorasick

        self.always: list[int] = []
        by_anchor: dict[str, list[int]] = {}
        for i, pat in enumerate(patterns):
            words = required_words(pat)
            if not words:
                self.always.append(i)
                continue
            anchor = max(words, key=len)  # the longest required word: the rarest, roughly
            by_anchor.setdefault(anchor, []).append(i)
        self.automaton = ahocorasick.Automaton()
        for anchor, idx in by_anchor.items():
            self.automaton.add_word(anchor, tuple(idx))
        self.has_anchors = bool(by_anchor)
        if self.has_anchors:
            self.automaton.make_automaton()

    def candidates(self, lowered_text: str) -> list[int]:
        """Indices of the patterns that may match (sorted); the text must be lower-cased."""
        hits = set(self.always)
        if self.has_anchors:
            for _, idx in self.automaton.iter(lowered_text):
                hits.update(idx)
        return sorted(hits)
