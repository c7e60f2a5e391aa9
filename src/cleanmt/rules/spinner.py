"""Spinner fingerprints: words of fixed expressions swapped for "synonyms".

The lexicon lives in data/spinner.tsv; each entry is a phrase that clean
English does not produce, with the phrase it was spun from.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from ..lexicon import load_tsv
from ..registry import rule
from ..types import Hit


def _match_case(original: str, replacement: str) -> str:
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


@lru_cache(maxsize=None)
def _lexicon():
    entries = load_tsv("spinner.tsv", required=("pattern", "replacement", "confidence", "source"))
    compiled = []
    for e in entries:
        words = [regex.escape(w) for w in e["pattern"].split()]
        pat = regex.compile(r"(?<![\p{L}\p{N}])" + r"[ \t]+".join(words) + r"(?![\p{L}\p{N}])", regex.I)
        compiled.append((pat, e["replacement"], float(e["confidence"])))
    return compiled


@rule(
    "SPN001",
    "spinner",
    "phrase from the spinner lexicon (a word of a fixed expression swapped for a synonym)",
    confidence=0.95,
    bad=[
        ("Riots once morest the regime.", "Riots against the regime."),
        ("Once morest all odds, they won.", "Against all odds, they won."),
    ],
    good=["He tried once more, and won.", "Once more, the rain came."],
)
def spinner_lexicon(doc):
    for pat, replacement, confidence in _lexicon():
        for m in pat.finditer(doc.text):
            yield Hit(
                m.start(),
                m.end(),
                f"spinner fingerprint; the original phrase is {replacement!r}",
                _match_case(m.group(), replacement),
                confidence,
            )
