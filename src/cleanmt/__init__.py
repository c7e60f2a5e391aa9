"""cleanmt: detect and repair machine-translation artifacts.

    >>> import cleanmt
    >>> cleanmt.fix("Riots once morest the regime.").fixed
    'Riots against the regime.'
"""
from __future__ import annotations

from typing import Iterable, Optional

__version__ = "0.1.0"

from .engine import DEFAULT_MIN_CONFIDENCE, Cleaner  # noqa: E402
from .types import Edit, Finding, Report  # noqa: E402

__all__ = ["detect", "fix", "Cleaner", "Finding", "Edit", "Report", "__version__"]


def detect(
    text: str,
    *,
    lang: str = "en",
    select: Optional[Iterable[str]] = None,
    ignore: Optional[Iterable[str]] = None,
) -> list[Finding]:
    """Every finding in `text`, sorted by position."""
    return Cleaner(select=select, ignore=ignore, lang=lang).detect(text)


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
    cleaner = Cleaner(
        select=select,
        ignore=ignore,
        min_confidence=min_confidence,
        keep_boilerplate=keep_boilerplate,
        lang=lang,
    )
    return cleaner.fix(text)
