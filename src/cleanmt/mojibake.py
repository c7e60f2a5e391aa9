"""Where a text is still mojibake, no rule but the encoding ones may edit it.

A garble ("ItÃ?Â¢â?¬â?¢s", "NicolÃ¡s") is bytes shown as the wrong characters: its
"¡", "„" or "Â " are not punctuation, and a punctuation or casing rule that edits
one (drops the "¡", puts a space before the "„") makes the text harder to repair
and no better to read. So the engine drops every other rule's finding that edits
inside a garbled word: a word that ENC001 repairs, one where ftfy's own
mojibake patterns (`ftfy.badness.BADNESS_RE`) match though nothing could be
decoded, or one holding U+FFFD, where a character was lost (pairing the quotes
around "“bb+�" guesses at what the lost one was). The check looks only near each finding, so its cost follows the
findings, not the text.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Sequence

from .types import Finding

# Typographic characters of clean English text. No pattern of ftfy's `is_bad` can match
# with these and ASCII alone (each needs some other non-ASCII character; a test checks).
TYPOGRAPHIC = "’‘“”—–…\xa0"
# TYPOGRAPHIC, the commonest in news first
_TYPOGRAPHIC_BY_USE = tuple((c, len(c.encode("utf-8")) - 1) for c in "’”“—–‘…\xa0")
assert sorted(c for c, _ in _TYPOGRAPHIC_BY_USE) == sorted(TYPOGRAPHIC)

NEAR = 64  # characters looked at on each side of a finding: a garbled word longer than this is cut
_WORD = re.compile(r"\S+")


def only_typographic(text: str) -> bool:
    """Are all the text's non-ASCII characters TYPOGRAPHIC? At C speed: each non-ASCII
    character makes the UTF-8 form longer than the text by one byte or more, so once the
    typographic characters' share (counted) is taken off, what is left is zero only if
    there is no other non-ASCII character. (The regex scan for those costs ~6 ms/MB.)"""
    extra = len(text.encode("utf-8", "surrogatepass")) - len(text)
    for c, more in _TYPOGRAPHIC_BY_USE:
        if extra <= 0:
            break  # what is left are sums of counts >= 0: all zero
        extra -= more * text.count(c)
    return extra == 0


def garbled_words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The words (runs of non-blanks) within NEAR characters of [start, end) that
    one of ftfy's mojibake patterns touches or that hold U+FFFD, as spans of `text`."""
    lo, hi = max(0, start - NEAR), min(len(text), end + NEAR)
    chunk = text[lo:hi]
    if chunk.isascii() or only_typographic(chunk):
        return []  # every pattern needs some other non-ASCII character
    from ftfy.badness import BADNESS_RE  # (ftfy only for a text with findings near non-ASCII)

    bad = [m.span() for m in BADNESS_RE.finditer(chunk)]
    if not bad and "\ufffd" not in chunk:
        return []
    words = []
    for w in _WORD.finditer(chunk):
        s, e = w.span()
        if "\ufffd" in w.group() or any(bs < e and s < be for bs, be in bad):
            words.append((lo + s, lo + e))
    return words


def _edits_inside(f: Finding, span: tuple[int, int]) -> bool:
    """Does finding `f` change something inside `span`? A deletion that takes the
    whole span away (a boilerplate line) does not edit inside it."""
    s, e = span
    if f.start == f.end:  # an insertion: strictly inside
        return s < f.start < e
    if not (f.start < e and s < f.end):
        return False
    return not (f.replacement == "" and f.start <= s and e <= f.end)


def shield(text: str, findings: Sequence[Finding]) -> list[Finding]:
    """`findings` without those of other rules that edit inside a garbled word."""
    repaired = sorted((f.start, f.end) for f in findings if f.category == "encoding")
    reach, far = [], -1  # reach[k]: the furthest end among repaired[: k + 1] (rises with k)
    for _, e in repaired:
        far = max(far, e)
        reach.append(far)
    kept = []
    for f in findings:
        if f.category != "encoding":
            spans = garbled_words(text, f.start, f.end)
            k = bisect_left(reach, f.start)  # spans before k all end before f starts
            while k < len(repaired) and repaired[k][0] <= f.end:
                spans.append(repaired[k])
                k += 1
            if any(_edits_inside(f, span) for span in spans):
                continue
        kept.append(f)
    return kept
