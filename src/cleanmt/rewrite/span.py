"""The span model's input format: a sentence with one flagged span marked, and its category.

The span-infilling model reads `<category>:` + left context + STX + span + ETX + right
context and writes only what should stand in the span (the span itself means "keep").
Everything outside the span is copied by construction, so the model can only change
what a rule flagged. STX/ETX (bytes 2 and 3) never occur in text, so the marks cannot be
confused with the sentence; the context is cut to whole words around the span so long
sentences cost no more than short ones.
"""
from __future__ import annotations

OPEN, CLOSE = "\x02", "\x03"
CONTEXT = 48  # characters of context kept on each side of the span (cost grows with it)
MARKER_FILE = "cleanmt_task.json"  # a model directory holding it is a span model
TASK = "span-infilling"


def _cut_left(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[-limit:]
    space = cut.find(" ")
    return cut[space + 1 :] if 0 <= space < limit // 2 else cut


def _cut_right(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    return cut[:space] if space > limit // 2 else cut


def make_input(text: str, start: int, end: int, category: str = "", context: int = CONTEXT) -> str:
    """The model input for the span text[start:end] of `text`, flagged by a rule of `category`."""
    left = _cut_left(text[:start], context)
    right = _cut_right(text[end:], context)
    return f"{category or '?'}:{left}{OPEN}{text[start:end]}{CLOSE}{right}"


def splice(text: str, start: int, end: int, replacement: str) -> str:
    return text[:start] + replacement + text[end:]
