"""Which files a directory argument stands for, as ruff walks a tree.

A directory is walked recursively and in sorted order (runs repeat); a file is
taken when its name matches one of the `include` patterns (default `*.txt`,
`*.md`); hidden files and directories (a name starting with ".") and anything
matching an `exclude` pattern (by name or by path below the argument) are skipped.
A file named on the command line is always checked, whatever its name.
"""
from __future__ import annotations

import os
from fnmatch import fnmatch
from typing import Optional, Sequence

from .io import InputError

DEFAULT_INCLUDE = ("*.txt", "*.md")


def _excluded(name: str, rel: str, exclude: Sequence[str]) -> bool:
    return name.startswith(".") or any(fnmatch(name, p) or fnmatch(rel, p) for p in exclude)


def expand_paths(paths: Sequence[str], include: Optional[Sequence[str]] = None,
                 exclude: Sequence[str] = ()) -> list[str]:
    """`paths` with each directory replaced by the files under it that match."""
    include = tuple(include or DEFAULT_INCLUDE)
    out: list[str] = []
    for p in paths:
        if p == "-" or not os.path.isdir(p):
            out.append(p)  # a file, stdin, or a missing path that reading will report
            continue
        found = []
        for d, dirs, files in os.walk(p):
            rel_d = os.path.relpath(d, p)
            dirs[:] = sorted(x for x in dirs if not _excluded(x, os.path.normpath(os.path.join(rel_d, x)), exclude))
            for name in sorted(files):
                rel = os.path.normpath(os.path.join(rel_d, name))
                if not _excluded(name, rel, exclude) and any(fnmatch(name, pat) for pat in include):
                    found.append(os.path.join(d, name))
        if not found:
            raise InputError(f"{p}: is a directory with no file to check (include: {', '.join(include)})")
        out.extend(found)
    return out
