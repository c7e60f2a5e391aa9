"""Lexicons are data files, not Python literals (LanguageTool-style).

Each file in `cleanmt/data/` is tab-separated: lines starting with "#" are
comments, the first other line names the columns, and every entry must say
where it comes from or why it is there (a `source` column), so that a
reviewer can check each one.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources


class LexiconError(ValueError):
    pass


@lru_cache(maxsize=None)
def load_tsv(name: str, required: tuple[str, ...] = ("source",)) -> tuple[dict, ...]:
    """Read `cleanmt/data/<name>` into a tuple of dicts keyed by column name."""
    text = resources.files("cleanmt").joinpath("data", name).read_text(encoding="utf-8")
    rows: list[dict] = []
    header: list[str] | None = None
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            missing = [c for c in required if c not in header]
            if missing:
                raise LexiconError(f"{name}: header lacks column(s) {missing}")
            continue
        if len(cells) != len(header):
            raise LexiconError(f"{name}:{lineno}: expected {len(header)} columns, got {len(cells)}")
        row = dict(zip(header, cells))
        for c in required:
            if not row[c]:
                raise LexiconError(f"{name}:{lineno}: empty {c!r}")
        rows.append(row)
    return tuple(rows)
