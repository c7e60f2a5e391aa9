"""cleanmt: detect and repair machine-translation artifacts.

    >>> import cleanmt
    >>> cleanmt.fix("Riots once morest the regime.").fixed
    'Riots against the regime.'
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Optional

__version__ = "0.1.0"

from .engine import DEFAULT_MIN_CONFIDENCE, Cleaner  # noqa: E402
from .types import Edit, Finding, Report  # noqa: E402

__all__ = ["detect", "fix", "Cleaner", "Finding", "Edit", "Report", "__version__"]


def _selectors(names: Optional[Iterable[str]]) -> Optional[tuple[str, ...]]:
    return None if names is None else tuple([names] if isinstance(names, str) else names)


@lru_cache(maxsize=16)
def _cleaner(select, ignore, lang, min_confidence, keep_boilerplate) -> Cleaner:
    """One Cleaner per combination of settings, kept for the next call: building one
    selects and plans the rules, which costs more than checking a short text."""
    return Cleaner(select=select, ignore=ignore, lang=lang, min_confidence=min_confidence,
                   keep_boilerplate=keep_boilerplate)


def detect(
    text: str,
    *,
    lang: str = "en",
    select: Optional[Iterable[str]] = None,
    ignore: Optional[Iterable[str]] = None,
) -> list[Finding]:
    """Every finding in `text`, sorted by position."""
    return _cleaner(_selectors(select), _selectors(ignore), lang, DEFAULT_MIN_CONFIDENCE, False).detect(text)


def fix(
    text: str,
    *,
    lang: str = "en",
    select: Optional[Iterable[str]] = None,
    ignore: Optional[Iterable[str]] = None,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    keep_boilerplate: bool = False,
) -> Report:
    """Apply the safe fixes; `Report.fixed` holds the repaired text."""
    return _cleaner(_selectors(select), _selectors(ignore), lang, min_confidence, keep_boilerplate).fix(text)
