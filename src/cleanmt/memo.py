"""What a Cleaner learns about words across the documents it checks.

Some facts are per word or per token string, not per document ("is 'merkel' a rare
English word?", "which name words does 'Angela merkel' hold?"), and rules look them
up for every document. A `Memo` keeps such tables, one object per kind, made on
first use; the Cleaner owns it and hands it to each Document, so no module holds
mutable state and a fresh Cleaner starts empty. Each table bounds itself (it clears
past a size limit), and every answer is exact whether a table is warm or not: a
Document made without a Memo gets an empty one of its own.
"""
from __future__ import annotations

from typing import Callable, Hashable, TypeVar

T = TypeVar("T")


class Memo:
    """Tables of cross-document word facts, by key (a rule's name for its table)."""

    def __init__(self) -> None:
        self._tables: dict[Hashable, object] = {}

    def table(self, key: Hashable, make: Callable[[], T]) -> T:
        """The table under `key`, made by `make()` on first use."""
        found = self._tables.get(key)
        if found is None:
            found = self._tables.setdefault(key, make())  # (setdefault: one winner if threads race)
        return found  # type: ignore[return-value]

    def clear(self) -> None:
        """Forget every table (answers do not change; the next documents refill them)."""
        self._tables.clear()
