"""Sentence spans with offsets, so a rewrite can be spliced back byte for byte.

Why not a library splitter: we need exact (start, end) offsets into the text we
were given, and MT output is full of damage ("Kazakhstan. . The", `” To`) that
must stay inside one sentence so the rewriter sees and repairs it whole.
A sentence never crosses a line break.
"""
from __future__ import annotations

import regex

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "mm", "mme", "mlle", "gen", "col", "lt",
    "sgt", "capt", "gov", "sen", "rep", "jr", "sr", "no", "vs", "etc", "inc", "ltd",
    "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "u.s", "u.k", "e.g", "i.e", "a.m", "p.m",
}

# End of a sentence: terminal punctuation (possibly repeated with spaces, ". ."),
# optional closing quotes/brackets, whitespace, then something that opens one.
_BOUNDARY = regex.compile(
    r"(?<=[.!?…](?:[ \t]*[.!?])*[”\"’»)\]]*)[ \t]+(?=[“\"‘«(\[]*[\p{Lu}\p{N}])"
)
_WORD_BEFORE = regex.compile(r"([\p{L}.]+)\.[”\"’»)\]]*$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence; spans exclude surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        cut = 0
        for m in _BOUNDARY.finditer(line):
            before = line[cut : m.start()]
            w = _WORD_BEFORE.search(before)
            if w and (w.group(1).lower() in ABBREVIATIONS or len(w.group(1)) == 1):
                continue  # "Mr. Smith", "J. Smith"
            _add(spans, line, line_start, cut, m.start())
            cut = m.end()
        _add(spans, line, line_start, cut, len(line))
    return spans


def _add(spans, line, line_start, a, b):
    seg = line[a:b]
    stripped = seg.strip()
    if not stripped:
        return
    lead = len(seg) - len(seg.lstrip())
    start = line_start + a + lead
    spans.append((start, start + len(stripped)))


def split_sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]
