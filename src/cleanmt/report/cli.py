"""The `report` subcommand: read files and directories, analyse them as one corpus,
write the page.

Bad inputs follow the other commands: each is reported on one line and skipped,
and the run exits 2; nothing is written when no input could be read, and the page
never replaces one of its own inputs.
"""
from __future__ import annotations

import argparse
import os
import sys
from typing import Sequence

from ..argtypes import confidence as _confidence, jobs as _jobs, positive as _positive
from ..engine import DEFAULT_MIN_CONFIDENCE
from ..io import InputError, check_target, read_text, write_atomic, write_stdout

EXIT_OK, EXIT_ERROR = 0, 2
SUFFIXES = (".txt",)

EPILOG = """\
examples:
  cleanmt report seeds/ -o report.html        every .txt file under seeds/, one page
  cleanmt report a.txt b.txt -o r.html        these files, as one corpus
  cleanmt report --lang fr corpus/ -o r.html  all French (default: detect each file's language)
  cleanmt report corpus/ -o - > r.html        the page on stdout

The page needs no network: styles, script and charts are inline. Filters (category,
rule, only what fix applies, path) live in the URL, e.g. r.html#cat=quotes&fix=1.
"""


def add_report_parser(subparsers) -> argparse.ArgumentParser:
    """Register `report` on the parser's subparsers object."""
    p = subparsers.add_parser(
        "report",
        help="write one self-contained HTML page for a corpus run",
        description="Analyse the files as one corpus and write an HTML page: a summary table, density "
        "charts by category, every finding highlighted in its text, what fix would change, the "
        "name table, and filters by category and rule.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="text files (UTF-8), directories (their .txt files, recursively), or - for stdin")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="the HTML file to write (atomically), or - for stdout")
    p.add_argument("--lang", default="auto", choices=["auto", "en", "fr", "es", "de"],
                   help="target language of the texts; auto detects it per file (default: auto)")
    p.add_argument("--select", action="append", metavar="RULES", help="rule ids, prefixes or categories to run (default: ALL)")
    p.add_argument("--ignore", action="append", metavar="RULES", help="rule ids, prefixes or categories to skip")
    p.add_argument("--min-confidence", type=_confidence, default=DEFAULT_MIN_CONFIDENCE, metavar="X",
                   help=f"the confidence fix needs to apply a finding, for the diff view (default: {DEFAULT_MIN_CONFIDENCE})")
    p.add_argument("--keep-boilerplate", action="store_true", help="the diff view deletes no boilerplate")
    p.add_argument("--names", metavar="FILE", help="your names file (canonical<TAB>variant...), preferred over the gazetteer")
    p.add_argument("--no-corpus", dest="corpus", action="store_false",
                   help="check each file on its own: no name table across files")
    p.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N",
                   help="spread the documents over N processes (0: one per core)")
    p.add_argument("--title", default=None, help="the page title (default: cleanmt report: PATHS)")
    p.add_argument("--max-chars", type=_positive, default=None, metavar="N",
                   help="highlight at most N characters of each document (default: 30000); the findings table lists all")
    return p


def expand_paths(paths: Sequence[str]) -> list[str]:
    """Files as given; a directory stands for the .txt files under it, sorted, so runs repeat."""
    out: list[str] = []
    for p in paths:
        if p != "-" and os.path.isdir(p):
            found = sorted(os.path.join(d, f) for d, _, files in os.walk(p) for f in files if f.endswith(SUFFIXES))
            if not found:
                raise InputError(f"{p}: directory holds no .txt files")
            out.extend(found)
        else:
            out.append(p)
    return out


def _split(values):
    if not values:
        return None
    return [v for item in values for v in item.split(",") if v.strip()]


def cmd_report(args) -> int:
    """Write the page; 0 when every input was read, 2 on bad input."""
    from .build import MAX_DOC_CHARS, render
    from .model import analyse

    try:
        paths = expand_paths(args.paths)
        if paths.count("-") > 1:
            raise InputError("stdin (-) can be given only once")
        if args.names and not os.path.isfile(args.names):
            raise InputError(f"{args.names}: names file not found")
        to_stdout = args.output == "-"
        if not to_stdout:
            real, _ = check_target(args.output)
            if any(p != "-" and os.path.realpath(p) == real for p in paths):
                raise InputError(f"{args.output}: is one of the inputs; the report would replace it")
        items, bad = [], 0
        for p in paths:
            try:
                items.append((p, read_text(p)))
            except InputError as e:
                print(f"cleanmt: error: {e}; skipped", file=sys.stderr)
                bad += 1
        if not items:
            raise InputError("no input could be read; no report written")
        corpus = analyse(items, lang=args.lang, select=_split(args.select), ignore=_split(args.ignore),
                         min_confidence=args.min_confidence, keep_boilerplate=args.keep_boilerplate,
                         names_file=args.names, corpus=args.corpus, jobs=args.jobs)
        title = args.title or "cleanmt report: " + ", ".join(args.paths)
        page = render(corpus, title=title, max_doc_chars=args.max_chars or MAX_DOC_CHARS)
        if to_stdout:
            write_stdout(page)
        else:
            write_atomic(args.output, page)
    except (InputError, ValueError) as e:
        print(f"cleanmt: error: {e}", file=sys.stderr)
        return EXIT_ERROR
    n = sum(len(d.findings) for d in corpus.docs)
    where = "stdout" if to_stdout else args.output
    print(f"cleanmt: report of {len(corpus.docs)} document(s), {n} finding(s) written to {where}", file=sys.stderr)
    return EXIT_ERROR if bad else EXIT_OK
