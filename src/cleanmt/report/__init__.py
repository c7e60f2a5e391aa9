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

__all__ = ["analyse", "render", "CorpusResult", "DocResult"]

# loaded on first use: `cleanmt fix` imports the subcommand's parser (report.cli) on
# every run, and the page builder (markupsafe, the template) is not needed for that
_WHERE = {"render": "build", "analyse": "model", "CorpusResult": "model", "DocResult": "model"}


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f".{_WHERE[name]}", __name__), name)
