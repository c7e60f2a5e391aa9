"""The per-document artifact score: findings per 1,000 words, in total and by
category, so documents of any length can be compared and filtered.

Words are whitespace-separated tokens (`str.split`'s), counted at C speed, which
matters on the JSONL path where every record is scored."""
from __future__ import annotations

from typing import Iterable

from .types import Finding


# ASCII bytes: the whitespace of str.split as b" ", everything else as b"w"
_SPACE_OR_WORD = bytes(0x20 if chr(b).isspace() else 0x77 for b in range(256))


def word_count(text: str) -> int:
    """len(text.split()): in ASCII text, counted as the starts of runs of non-blanks in
    a translated copy (C speed, no list of words built); otherwise by str.split."""
    if not text.isascii():
        return len(text.split())
    shape = text.encode("ascii").translate(_SPACE_OR_WORD)
    return shape.count(b" w") + (shape[:1] == b"w")


def artifact_score(text: str, findings: Iterable[Finding]) -> dict:
    words = max(1, word_count(text))
    by_cat: dict[str, int] = {}
    n = 0
    for f in findings:
        by_cat[f.category] = by_cat.get(f.category, 0) + 1
        n += 1
    scale = 1000.0 / words
    return {
        "words": words,
        "per_1000_words": round(n * scale, 3),
        "by_category": {c: round(k * scale, 3) for c, k in sorted(by_cat.items())},
    }
