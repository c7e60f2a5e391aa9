"""`cleanmt report`: one self-contained HTML page for a corpus run.

Why: a person judges a corpus run by looking at it: where the artifacts are,
which rules fire, what `fix` would change and which names it would settle.
`model` works the numbers out, `diff` the changed lines, `build` lays them out
through `template.html.j2`, and `cli` is the subcommand.

    >>> from cleanmt.report import analyse, render
    >>> page = render(analyse([("a.txt", "Riots once morest the regime.")], lang="en"))
    >>> "once morest" in page and "<script>" in page
    True
"""
from __future__ import annotations

from .build import render
from .model import CorpusResult, DocResult, analyse

__all__ = ["analyse", "render", "CorpusResult", "DocResult"]
