"""`cleanmt names PATH...`: print the name table of a corpus.

Why: the canonical forms are chosen across all the files given; printing them
lets a user check the choices and save the table, edited or not, as a names
file (`--names FILE` for detect/fix). The text format *is* a names file:
one `canonical<TAB>variant…` line per name, with the counts and the reason for
each choice in a '#' comment above it.
"""
from __future__ import annotations

import argparse
import json
import sys

from .io import InputError, read_text

EXIT_OK, EXIT_ERROR = 0, 2

EPILOG = """\
examples:
  cleanmt names seeds/*.txt                  the table, in names-file format
  cleanmt names seeds/*.txt > names.tsv      save it; edit; then use --names names.tsv
  cleanmt names --format json a.txt b.txt    the table as JSON
  cleanmt names --names mine.tsv *.txt       your names file first, then the gazetteer

Canonical forms are chosen in this order: your names file, the built-in
gazetteer, the spelling that follows the target language's romanisation,
the most frequent spelling.
"""


def add_names_parser(subparsers) -> argparse.ArgumentParser:
    """Register the `names` subcommand on the parser's subparsers object."""
    p = subparsers.add_parser(
        "names",
        help="print the table of name spellings and their canonical forms",
        description="Group the spellings of each name across the files and show the canonical form "
        "chosen for each, with counts and the reason (saveable as a names file).",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="text files (UTF-8), or - for stdin")
    p.add_argument("--format", choices=["text", "json"], default="text",
                   help="text: a names file with comments (default); json: one document")
    p.add_argument("--lang", default="en", choices=["en", "fr"], help="target language of the text (default: en)")
    p.add_argument("--names", metavar="FILE", help="your names file: canonical<TAB>variant<TAB>... per line")
    p.add_argument("--no-gazetteer", action="store_true", help="do not use the built-in gazetteer")
    return p


def cmd_names(args) -> int:
    """Print the table; 0 on success, 2 on bad input."""
    try:
        if args.paths.count("-") > 1:
            raise InputError("stdin (-) can be given only once")
        texts = [read_text(p) for p in args.paths]
        from .names import build_name_table  # (the names layer only for this subcommand)

        table = build_name_table(texts, lang=args.lang, names_file=args.names,
                                 use_gazetteer=not args.no_gazetteer)
    except InputError as e:
        print(f"cleanmt: error: {e}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as e:
        print(f"cleanmt: error: {args.names}: cannot read names file ({e.strerror})", file=sys.stderr)
        return EXIT_ERROR
    rows = table.rows()
    if args.format == "json":
        doc = {"lang": args.lang, "files": list(args.paths), "names": rows}
        json.dump(doc, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_names_file(rows, args.lang, len(texts)))
    return EXIT_OK


def format_names_file(rows: list[dict], lang: str, n_files: int) -> str:
    out = [f"# cleanmt names: {n_files} file(s), target language {lang}; format: canonical<TAB>variant..."]
    for r in rows:
        seen = ", ".join(f"{v['form']} x{v['count']} ({v['rule']} {v['confidence']:.2f})" for v in r["variants"])
        out.append(f"# {r['canonical']} x{r['canonical_count']}: {r['reason']}; variants: {seen}")
        out.append("\t".join([r["canonical"]] + [v["form"] for v in r["variants"]]))
    return "\n".join(out) + "\n"
