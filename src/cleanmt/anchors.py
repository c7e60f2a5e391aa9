"""Anchors of a regex: literal strings, one of which every match contains.

The prescan (one Aho-Corasick pass per document) needs, for each lexicon entry,
strings that must occur wherever the entry's regex matches. The rarer the
strings, the fewer documents reach the regex, so this module reads the pattern
and spells out what it can: "(death|human) balance" gives {"death balance",
"human balance"}, where a single required word would only give "balance",
which clean news is full of.

Only a plain subset of regex syntax is spelled out: literal characters, escaped
punctuation, small character classes ("[sz]"), groups with alternatives, "?",
and zero-width assertions (which consume nothing; a look-behind that opens
the pattern, or a look-ahead that closes it, is read as text next to the match). Anything else (".", "\\s",
"\\p{L}", "+", "*", "{m,n}", a negated or ranged class) ends a literal run. When
nothing certain is found the answer is None: the entry must then always run.

Patterns are read as the lexicons write them: matched case-insensitively, a
space standing for a run of blanks (scan text squeezes both away).
"""
from __future__ import annotations

from typing import Optional

MAX_STRINGS = 64  # spelled-out strings per anchor set, so sets stay small
MIN_LENGTH = 3  # shorter strings are too common to be worth an anchor

Strings = frozenset  # of str

_EMPTY: Strings = frozenset({""})
_ZERO_WIDTH_ESCAPES = set("bBAZ")
_ZERO_WIDTH_GROUPS = ("?=", "?!", "?<=", "?<!")


def anchor_set(pattern: str) -> Optional[Strings]:
    """Strings (case-folded, blanks squeezed), one of which every match of `pattern`
    contains; None when no such set of strings of MIN_LENGTH+ characters is found."""
    from .prescan import normalise_anchor

    found: set = set()
    for branch in _alternatives(pattern):
        best = _best_in_sequence(branch)
        if best is None:
            return None
        found |= best
    out = frozenset(normalise_anchor(s) for s in found)
    return out if out and min(len(s) for s in out) >= MIN_LENGTH else None


def _quality(strings: Strings) -> int:
    from .prescan import normalise_anchor

    return min(len(normalise_anchor(s).strip()) for s in strings) if strings else 0


def _best_in_sequence(seq: str) -> Optional[Strings]:
    """The best anchor set among the literal runs of one alternative."""
    candidates: list[Strings] = []
    current: Strings = _EMPTY
    for spelled, inner in _items(seq):
        if spelled is not None and len(current) * len(spelled) <= MAX_STRINGS:
            current = frozenset(a + b for a in current for b in spelled)
            continue
        candidates.append(current)
        if spelled is not None:  # too many combinations: start a new run here
            current = spelled
            continue
        if inner is not None:
            candidates.append(inner)
        current = _EMPTY
    candidates.append(current)
    best = max(candidates, key=_quality)
    return best if _quality(best) >= MIN_LENGTH else None


def _spell_out(seq: str) -> Optional[Strings]:
    """Every string `seq` can match, if it is a small finite set; else None."""
    out: set = set()
    for branch in _alternatives(seq):
        current: Strings = _EMPTY
        for spelled, _ in _items(branch):
            if spelled is None or len(current) * len(spelled) > MAX_STRINGS:
                return None
            current = frozenset(a + b for a in current for b in spelled)
        out |= current
        if len(out) > MAX_STRINGS:
            return None
    return frozenset(out)


def _items(seq: str):
    """Yield (spelled, inner) for each atom of `seq` with its quantifier applied:
    `spelled` is every string the atom can match (None: not spelled out), `inner` an
    anchor set that must occur inside the atom when it is not spelled out."""
    i = 0
    while i < len(seq):
        spelled, inner, i = _atom(seq, i)
        q = seq[i : i + 1]
        if q == "?":
            i += 1
            spelled = None if spelled is None else spelled | _EMPTY
            inner = None
        elif q in ("*", "+") or (q == "{" and _is_repeat(seq, i)):
            at_least_once = q == "+" or (q == "{" and not seq[i + 1 :].startswith(("0", ",")))
            i = seq.index("}", i) + 1 if q == "{" else i + 1
            inner = (spelled if spelled is not None and _quality(spelled) else inner) if at_least_once else None
            spelled = None
        if seq[i : i + 1] in ("?", "+") and q in ("?", "*", "+", "{"):
            i += 1  # lazy or possessive form of the quantifier
        yield spelled, inner


def _is_repeat(seq: str, i: int) -> bool:
    j = seq.find("}", i)
    return j != -1 and all(c.isdigit() or c == "," for c in seq[i + 1 : j])


def _atom(seq: str, i: int) -> tuple[Optional[Strings], Optional[Strings], int]:
    c = seq[i]
    if c == "\\":
        e = seq[i + 1 : i + 2]
        if e in _ZERO_WIDTH_ESCAPES:
            return _EMPTY, None, i + 2
        if e.isalnum():  # \d \s \w \p{..} \N{..} and back-references
            j = i + 2
            if e in "pPN" and seq[j : j + 1] == "{":
                j = seq.index("}", j) + 1
            return None, None, j
        return frozenset({e}), None, i + 2
    if c == "[":
        end = _class_end(seq, i)
        body = seq[i + 1 : end]
        plain = body and not body.startswith("^") and "\\" not in body and "[" not in body
        if plain and "-" not in body[1:-1]:
            return frozenset(body), None, end + 1
        return None, None, end + 1
    if c == "(":
        end = _group_end(seq, i)
        body = seq[i + 1 : end]
        if body.startswith("?<=") and i == 0:
            body = body[3:]  # what stands right before the match is in the text too
        elif body.startswith("?=") and end + 1 == len(seq):
            body = body[2:]  # ...and so is what stands right after it
        elif body.startswith(_ZERO_WIDTH_GROUPS):
            return _EMPTY, None, end + 1  # a look-around consumes nothing
        elif body.startswith("?:"):
            body = body[2:]
        elif body.startswith("?"):
            head = body.split(":", 1)
            if body.startswith("?P<") or body.startswith("?<"):
                body = body[body.index(">") + 1 :]
            elif len(head) == 2 and head[0][1:].replace("-", "").isalpha():
                body = head[1]  # (?-i:...) and other scoped flags
            elif body[1:].replace("-", "").isalpha():
                return _EMPTY, None, end + 1  # (?i): flags for the whole pattern
            else:
                return None, None, end + 1
        spelled = _spell_out(body)
        if spelled is not None:
            return spelled, None, end + 1
        inner = None
        branches = _alternatives(body)
        if len(branches) == 1:
            inner = _best_in_sequence(body)
        return None, inner, end + 1
    if c == ".":
        return None, None, i + 1
    if c in "^$":
        return _EMPTY, None, i + 1
    return frozenset({c}), None, i + 1


def _structure(p: str, start: int = 0):
    """Yield (offset, character, depth) for each "(", ")" and "|" of `p` from `start`,
    skipping escapes and character classes; depth counts the groups open after it."""
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
        if c in "()|":
            yield i, c, depth
        i += 1


def _alternatives(p: str) -> list[str]:
    """`p` split at its top-level "|"."""
    out, start = [], 0
    for i, c, depth in _structure(p):
        if c == "|" and depth == 0:
            out.append(p[start:i])
            start = i + 1
    out.append(p[start:])
    return out


def _group_end(p: str, start: int) -> int:
    """Offset of the ")" closing the group that opens at `start`."""
    for i, c, depth in _structure(p, start):
        if c == ")" and depth == 0:
            return i
    raise ValueError(f"unbalanced group in {p!r}")


def _class_end(p: str, start: int) -> int:
    """Offset of the "]" closing the character class that opens at `start`."""
    j = start + 1
    if j < len(p) and p[j] == "^":
        j += 1
    if j < len(p) and p[j] == "]":  # a "]" first in the class is a literal
        j += 1
    while j < len(p) and p[j] != "]":
        j += 2 if p[j] == "\\" else 1
    return j
