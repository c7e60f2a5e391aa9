"""The per-document artifact score: findings per 1,000 words, in total and by
category, so documents of any length can be compared and filtered.

Words are whitespace-separated tokens: `str.split` counts them at C speed,
which matters on the JSONL path where every record is scored."""
from __future__ import annotations

from typing import Iterable

from .types import Finding


def artifact_score(text: str, findings: Iterable[Finding]) -> dict:
    words = max(1, len(text.split()))
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
