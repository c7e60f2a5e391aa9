"""The `cleanmt` command: detect, fix, rules, names and score.

Exit codes follow ruff: 0 nothing found, 1 findings (or, for `fix --diff`, a
change to make), 2 usage or input error; `--exit-zero` makes 1 a 0.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from typing import Optional, Sequence

from . import __version__
from .argtypes import confidence as _confidence, jobs as _jobs
from .engine import DEFAULT_MIN_CONFIDENCE, Cleaner
from .bigfile import fix_file, streamable
from .io import (Discard, InputError, JsonlError, atomic_output, check_target, open_binary, read_text,
                 remove_temp_files, write_atomic, write_stdout)
from .names_cli import add_names_parser, cmd_names
from .report.cli import add_report_parser, cmd_report
from .config import load_config
from .discovery import expand_paths
from .output_formats import FORMATS, SCHEMA_VERSION, fixable, format_text, line_col, line_starts, record
from .output_formats import write as write_findings
from .parallel import ordered_map, sigint_deferred
from .progress import Progress
from .registry import all_rules
from .types import CATEGORIES, Finding

# Imported where used, not here: what only some commands need (JSONL mode, source-language
# hints, scores, diffs) stays out of the start-up of a plain `cleanmt fix`
# (tests/test_startup.py checks which modules that run loads).

__all__ = ["main", "build_parser", "format_text", "line_col", "line_starts"]

EXIT_OK, EXIT_FOUND, EXIT_ERROR = 0, 1, 2

EPILOG_DETECT = """\
examples:
  cleanmt detect article.txt                 findings as path:line:col: RULE message
  cleanmt detect seeds/                      every *.txt and *.md under seeds/
  cleanmt detect --output-format jsonl seeds/*.txt
                                             one JSON object per finding
  cleanmt detect --output-format sarif . > cleanmt.sarif
                                             also: json, github, gitlab, junit
  cleanmt detect --statistics seeds/         counts per rule
  cleanmt detect --select spinner,QUO a.txt  only spinner and quote rules
  cat a.txt | cleanmt detect -               read stdin

Settings also come from cleanmt.toml or [tool.cleanmt] in pyproject.toml (found
upward from the current directory; --config FILE, --isolated). A line holding
`cleanmt: ignore` or `cleanmt: ignore[RULES]` has its findings silenced.

exit status: 0 no findings, 1 findings, 2 usage or input error (--exit-zero: 0 or 2)
"""

EPILOG_FIX = """\
examples:
  cleanmt fix article.txt                    repaired text on stdout
  cleanmt fix article.txt -o clean.txt       write to a file
  cleanmt fix -i a.txt b.txt                 rewrite files in place (atomic)
  cleanmt fix --diff article.txt             show what would change (exit 1 if anything would)
  cleanmt fix --keep-boilerplate a.txt       repair, but delete no boilerplate
  cleanmt fix --rewrite --diff a.txt         also model rewrites, kept only if faithful
  cleanmt fix --jsonl --rewrite -j 2 in.jsonl
                                             the same per record; proposals under "cleanmt"

Only fixes whose confidence reaches --min-confidence (default %.2f) are applied;
findings without a safe replacement are reported by `detect` and left alone.
Everything that is not fixed, line endings included, is kept byte for byte.
""" % DEFAULT_MIN_CONFIDENCE


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # exit 2 with one line, as linters do
        self.exit(EXIT_ERROR, f"cleanmt: error: {message} (see --help)\n")


def _split(values: Optional[Sequence[str]]) -> Optional[list[str]]:
    if not values:
        return None
    return [v for item in values for v in item.split(",") if v.strip()]


def _add_rule_options(p: argparse.ArgumentParser, min_conf_default: float) -> None:
    p.set_defaults(_min_conf_default=min_conf_default)
    p.add_argument(
        "--select",
        action="append",
        metavar="RULES",
        help="comma-separated rule ids, id prefixes or categories to run (default: ALL)",
    )
    p.add_argument(
        "--ignore", action="append", metavar="RULES", help="rule ids, prefixes or categories to skip"
    )
    p.add_argument(
        "--min-confidence",
        type=_confidence,
        default=None,
        metavar="X",
        help=f"only act on findings with confidence >= X, 0..1 (default: {min_conf_default})",
    )
    p.add_argument(
        "--lang", default=None, choices=["auto", "en", "fr", "es", "de"],
        help="target language of the text; auto detects it per document and falls back to en "
        "for short or mixed text (default: en)",
    )
    p.add_argument(
        "-j", "--jobs", type=_jobs, default=1, metavar="N",
        help="spread files or JSONL chunks over N processes (0: one per core); output keeps input order",
    )
    p.add_argument(
        "--jsonl", action="store_true",
        help="inputs are JSON Lines: clean each record's --field, add findings and score under a "
        "'cleanmt' key, keep every other field",
    )
    p.add_argument("--field", default="text", metavar="NAME", help="with --jsonl: the field holding the text (default: text)")
    p.add_argument("--key", default="cleanmt", metavar="NAME",
                   help="with --jsonl: the key each record's findings go under; a record that "
                   "already has it is an error of that record (default: cleanmt)")
    p.add_argument(
        "--on-error", choices=["pass", "skip", "fail"], default="pass",
        help="with --jsonl: a malformed line is reported with its line number and then passed "
        "through unchanged (default), skipped, or stops the run (exit 2)",
    )
    p.add_argument(
        "--source", metavar="LANG", default=None, type=_source,
        help="language the text was translated from (fr, es, ...), to use only that language's "
        "false-friend lexicon; auto: guess it from the artifacts (default: use all lexicons)",
    )
    p.add_argument(
        "--corpus", action="store_true",
        help="treat all inputs as one corpus: settle each name on one spelling across every file",
    )
    p.add_argument("--names", metavar="FILE", help="your names file (canonical<TAB>variant...), preferred over the gazetteer")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress on stderr (default: when stderr is a terminal)")
    add_config_options(p)
    p.add_argument("-q", "--quiet", action="store_true",
                   help="print findings (or the text) only: no summary, hints or progress")
    p.add_argument("--exit-zero", action="store_true",
                   help="exit 0 even when there are findings (or, with fix --diff, changes); 2 stays 2")


def add_config_options(p: argparse.ArgumentParser) -> None:
    """--config and --isolated (config.py); other subcommands may take them too."""
    cfg = p.add_mutually_exclusive_group()
    cfg.add_argument("--config", metavar="FILE",
                     help="read settings from FILE (cleanmt.toml, or pyproject.toml's [tool.cleanmt]) "
                     "instead of the one found upward from the current directory")
    cfg.add_argument("--isolated", action="store_true", help="read no configuration file")


_SOURCES: list = []


def source_languages() -> list[str]:
    """The source languages something in cleanmt knows (false-friend lexicons, source
    hints): what --source may name, besides auto."""
    if not _SOURCES:
        from .hints import LANG_NAMES
        from .rules.calque import context_false_friends, load_false_friends

        langs = {ff.lang for ff in load_false_friends()}
        langs |= {lang for ff in context_false_friends().values() for lang in ff.langs}
        langs |= set(LANG_NAMES.values())
        _SOURCES.extend(sorted(x for x in langs if x))
    return _SOURCES


def _source(value: str) -> str:
    if value == "auto" or value in source_languages():
        return value
    raise argparse.ArgumentTypeError(
        f"invalid choice: {value!r} (choose from auto, {', '.join(source_languages())})")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="cleanmt",
        description="Find and repair machine-translation artifacts: spinner fingerprints, garbled "
        "quotes, spacing, casing, untranslated words, mojibake, scraping boilerplate.",
        epilog="Run `cleanmt COMMAND --help` for each command; `cleanmt rules` lists every rule.",
    )
    parser.add_argument("--version", action="version", version=f"cleanmt {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    d = sub.add_parser(
        "detect",
        help="report artifacts with rule, span and suggestion",
        description="Report every artifact found, with its rule id, exact span, message and proposed fix.",
        epilog=EPILOG_DETECT,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    d.add_argument("paths", nargs="+", metavar="PATH",
                   help="text files (UTF-8), directories (their *.txt and *.md files), or - for stdin")
    d.add_argument(
        "--output-format", "--format", dest="output_format",
        choices=FORMATS,
        help="text: path:line:col: RULE message (default on a terminal); json: one document with a "
        "summary; jsonl: one object per finding (default when piped); github: workflow annotations; "
        "gitlab: Code Quality report; sarif: SARIF 2.1.0; junit: JUnit XML",
    )
    d.add_argument("--statistics", action="store_true",
                   help="print the number of findings per rule instead of the findings")
    d.add_argument("--count", action="store_true",
                   help="print only the total number of findings (one line on stdout)")
    _add_rule_options(d, 0.0)

    f = sub.add_parser(
        "fix",
        help="apply the safe fixes and print the repaired text",
        description="Apply the fixes that are safe and confident; leave everything else byte for byte.",
        epilog=EPILOG_FIX,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    f.add_argument("paths", nargs="+", metavar="PATH",
                   help="text files (UTF-8), directories (their *.txt and *.md files), or - for stdin")
    out = f.add_mutually_exclusive_group()
    out.add_argument("-o", "--output", metavar="OUT",
                     help="write the repaired text to OUT, a regular file (atomically; a symlink is followed)")
    out.add_argument("-i", "--in-place", action="store_true",
                     help="rewrite each file in place (atomically, keeping mode and owner; a symlink is followed; "
                     "read-only and hard-linked files are refused)")
    out.add_argument("--diff", action="store_true", help="print a unified diff instead of the text")
    f.add_argument(
        "--keep-boilerplate", action="store_true", default=None,
        help="do not delete boilerplate (navigation, 'Read also', tags)"
    )
    f.add_argument(
        "--rewrite", nargs="?", const="flagged", choices=["flagged", "all"], default=None, metavar="MODE",
        help="after the rule fixes, repair what is still flagged: the finding's replacement or the "
        "seq2seq model's edits inside the flagged spans (MODE flagged, the default; 'all', experimental, "
        "sends every sentence whole); a rewrite is kept only if it scores as faithful (needs "
        "cleanmt[model]); with --jsonl the proposals go under each record's "
        "'cleanmt' key and each of the -j processes loads the model once",
    )
    f.add_argument("--model", metavar="PATH_OR_NAME", default=None,
                   help="with --rewrite: a local model directory or a cached hub name (default: the shipped model)")
    f.add_argument("--min-faithfulness", type=_confidence, default=0.8, metavar="X",
                   help="with --rewrite: the faithfulness score a rewrite needs, 0..1 (default: 0.8)")
    f.add_argument("--report", metavar="FILE",
                   help="write a JSON report: every edit, and with --rewrite every proposal with its score and reasons "
                   "(with --jsonl each record carries its own under 'cleanmt')")
    _add_rule_options(f, DEFAULT_MIN_CONFIDENCE)

    add_names_parser(sub)
    add_report_parser(sub)

    sc = sub.add_parser(
        "score",
        help="score how faithful a rewrite is to its original",
        description="Score a rewrite's faithfulness to the original sentence: hard checks (only what a "
        "finding flagged changes; words of the language; numbers, names, negation, modality, quantifiers, "
        "units and word order kept), then a calibrated similarity (MiniLM embeddings when installed, else "
        "chrF: the output says which). Exit 0 if the score reaches --min-faithfulness and no hard check "
        "fails, 1 if not.",
    )
    sc.add_argument("original", help="the original sentence (or @FILE to read it)")
    sc.add_argument("rewrite", help="the proposed rewrite (or @FILE)")
    sc.add_argument("--min-faithfulness", type=_confidence, default=0.8, metavar="X")
    sc.add_argument("--lang", choices=["en", "fr", "es", "de"], default="en", help="the sentences' language")
    sc.add_argument("--format", choices=["text", "json"], default="text")

    r = sub.add_parser(
        "rules",
        help="list the rules with ids, categories and an example each",
        description="List every rule: id, category, confidence, what it finds and an example.",
    )
    r.add_argument("ids", nargs="*", metavar="RULE",
                   help="show these rules in full (ids, prefixes or categories): why, examples, near-misses")
    r.add_argument("--format", "--output-format", dest="format", choices=["text", "json", "markdown"],
                   default="text", help="markdown: the rule table, or with RULE ids each rule's page "
                   "(as docs/rules/ holds them)")
    return parser


# subcommands that take no rule options: name -> function(args) -> exit status
OTHER_COMMANDS = {"rules": lambda args: cmd_rules(args), "names": lambda args: cmd_names(args),
                  "report": lambda args: cmd_report(args), "score": lambda args: cmd_score(args)}

REWRITE_MODES = ("flagged", "all")


def _default_rewrite_mode(argv: list[str]) -> list[str]:
    """`--rewrite FILE` means `--rewrite flagged FILE`: the mode is optional, and
    argparse would otherwise take the file name for it."""
    out = list(argv)
    for i, a in enumerate(out):
        if a == "--rewrite" and (i + 1 == len(out) or out[i + 1] not in REWRITE_MODES):
            out.insert(i + 1, "flagged")
            break
    return out


class _Terminated(BaseException):
    """SIGTERM or SIGHUP: unwinds like Ctrl-C, so temp files are removed on the way out."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _on_signal(signum, frame):
    raise _Terminated(signum)


def main(argv: Optional[Sequence[str]] = None) -> int:
    handlers = {}
    for name in ("SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is not None:
            try:
                handlers[sig] = signal.signal(sig, _on_signal)
            except ValueError:  # not the main thread: leave signals alone
                pass
    try:
        return _main(argv)
    finally:
        remove_temp_files()
        for sig, old in handlers.items():
            signal.signal(sig, old)


def _quiet_stdout() -> None:
    """After stdout failed (a closed pipe, a full disk), point it at /dev/null so the
    interpreter's last flush has nothing to complain about."""
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, sys.stdout.fileno())
        os.close(fd)
    except (OSError, ValueError, AttributeError):
        pass


def _oserror_line(e: OSError) -> str:
    where = e.filename if e.filename is not None else "<stdout>"
    return f"{where}: {e.strerror or e}"


def _main(argv: Optional[Sequence[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(_default_rewrite_mode(sys.argv[1:] if argv is None else list(argv)))
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        if args.command in OTHER_COMMANDS:
            return OTHER_COMMANDS[args.command](args)
        apply_config(args)
        if not args.jsonl:
            args.paths = expand_paths(args.paths, args.include, args.exclude)
        cleaner_kwargs = dict(
            select=_split(args.select),
            ignore=_split(args.ignore),
            min_confidence=args.min_confidence,
            keep_boilerplate=getattr(args, "keep_boilerplate", False),
            lang=args.lang,
            source=args.source,
        )
        if args.names or args.corpus:
            cleaner_kwargs["corpus"] = name_table(args)
        cleaner = Cleaner(**cleaner_kwargs)
        if args.jsonl:
            return cmd_jsonl(args, cleaner_kwargs)
        if args.command == "detect":
            return cmd_detect(args, cleaner)
        return cmd_fix(args, cleaner)
    except (InputError, ValueError, JsonlError) as e:
        print(f"cleanmt: error: {e}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("cleanmt: interrupted", file=sys.stderr)
        return 130
    except _Terminated as e:
        print(f"cleanmt: terminated ({signal.Signals(e.signum).name})", file=sys.stderr)
        return 128 + e.signum
    except BrokenPipeError:
        # the reader went away (e.g. `| head`): not an error of ours
        _quiet_stdout()
        return EXIT_OK
    except OSError as e:  # a full disk, an unwritable directory: one line, never a traceback
        print(f"cleanmt: error: {_oserror_line(e)}", file=sys.stderr)
        if e.filename is None:  # stdout failed: its last flush at exit would fail again
            _quiet_stdout()
        return EXIT_ERROR


def apply_config(args) -> None:
    """Fill the options not given on the command line from the configuration file
    (config.py), then from the defaults. --select replaces the file's select;
    --ignore adds to the file's ignore."""
    cfg = load_config(args.command, getattr(args, "config", None), getattr(args, "isolated", False))
    args.config_path = cfg.path
    args.lang_given = args.lang is not None or cfg.get("lang") is not None
    if args.select is None and cfg.get("select") is not None:
        args.select = list(cfg.get("select"))
    if cfg.get("ignore"):
        args.ignore = list(cfg.get("ignore")) + (args.ignore or [])
    if args.min_confidence is None:
        args.min_confidence = cfg.get("min-confidence", args._min_conf_default)
    if args.lang is None:
        args.lang = cfg.get("lang", "en")
    if args.source is None and cfg.get("source") is not None:
        try:
            args.source = _source(cfg.get("source"))
        except argparse.ArgumentTypeError as e:
            raise InputError(f"{cfg.path}: source: {e}") from None
    if args.names is None:
        args.names = cfg.get("names")
    if getattr(args, "keep_boilerplate", None) is None:
        args.keep_boilerplate = bool(cfg.get("keep-boilerplate", False))
    if getattr(args, "output_format", "n/a") is None and cfg.get("output-format") is not None:
        if cfg.get("output-format") not in FORMATS:
            raise InputError(f"{cfg.path}: output-format must be one of {', '.join(FORMATS)}")
        args.output_format = cfg.get("output-format")
    args.include = cfg.get("include")
    args.exclude = cfg.get("exclude", [])


def name_table(args):
    """The name table for --corpus (all inputs) or --names alone (the user's file only)."""
    from .names import build_name_table

    if args.names and not os.path.isfile(args.names):
        raise InputError(f"{args.names}: names file not found")
    texts = []
    if args.corpus and not args.jsonl:
        for p in args.paths:
            try:
                texts.append(read_text(p))
            except InputError:
                pass  # reported, and skipped, when the files are checked
    lang = "en" if args.lang == "auto" else args.lang
    return build_name_table(texts, lang=lang, names_file=args.names)


# -- detect -------------------------------------------------------------------


def cmd_detect(args, cleaner: Cleaner) -> int:
    if args.paths.count("-") > 1:
        raise InputError("stdin (-) can be given only once")
    fmt = args.output_format or ("text" if sys.stdout.isatty() else "jsonl")
    texts, bad = read_inputs(args.paths)  # a bad file is reported and skipped; the others are checked
    if args.jobs > 1 and len(texts) > 1:
        with sigint_deferred():  # (a Ctrl-C while loading is acted on when it is done)
            cleaner.warm()  # the workers fork from here: they inherit the loaded data
    progress = _file_progress(args, len(texts))
    results = []
    try:
        detected = ordered_map(_detect_one, texts, args.jobs, initializer=_init_worker, initargs=(cleaner,))
        _init_worker(cleaner)
        for (path, text), findings in zip(texts, detected):
            results.append((path, text, [f for f in findings if f.confidence >= args.min_confidence]))
            progress.update(docs=1)
    finally:
        progress.close()
    total = sum(len(fs) for _, _, fs in results)
    if not args.quiet:
        _language_hint(args, texts)
    if args.count:
        print(total)
    elif args.statistics:
        write_statistics(results, args.output_format or "text")
    else:
        color = fmt == "text" and sys.stdout.isatty() and os.environ.get("NO_COLOR") is None
        write_findings(fmt, results, sys.stdout, _rules_by_id(), color=color,
                       json_report=lambda rs: _json_report(rs, cleaner))
    sys.stdout.flush()  # the findings before the summary, also when both go to one pipe
    if fmt == "text" and not args.quiet and not args.count:
        print(summary_line(total, sum(1 for r in results if r[2]), len(results)), file=sys.stderr)
    if bad:
        return _bad_inputs(bad)
    return EXIT_FOUND if total and not args.exit_zero else EXIT_OK


def summary_line(findings: int, with_findings: int, checked: int) -> str:
    """ruff's closing line, with the number of files checked, not only those with findings."""
    if not findings:
        return f"No findings in {checked} file(s) checked."
    return f"{findings} finding(s) in {with_findings} of {checked} file(s) checked."


def write_statistics(results, fmt: str) -> None:
    """--statistics: findings per rule, most frequent first, as ruff's `--statistics`
    ([*] marks a rule whose findings `fix` applies)."""
    counts: dict[str, list] = {}
    for _, _, findings in results:
        for f in findings:
            c = counts.setdefault(f.rule, [0, 0])
            c[0] += 1
            c[1] += fixable(f)
    rules = _rules_by_id()
    rows = sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0]))
    if fmt in ("json", "jsonl"):
        data = [{"code": rid, "name": rules[rid].name if rid in rules else rid, "count": n, "fixable": k}
                for rid, (n, k) in rows]
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    width = max((len(str(n)) for _, (n, _) in rows), default=1)
    for rid, (n, k) in rows:
        mark = "[*]" if k == n else "[-]" if k else "   "
        desc = rules[rid].name if rid in rules else ""
        sys.stdout.write(f"{n:>{width}}\t{rid}\t{mark} {desc}\n")


def _rules_by_id() -> dict:
    return {r.id: r for r in all_rules()}


def _file_progress(args, n: int) -> Progress:
    enabled = False if args.quiet else (args.progress if args.progress is not None else None)
    if enabled is None:
        enabled = n > 1 and sys.stderr.isatty()
    return Progress(total_files=n, enabled=enabled)


def _language_hint(args, texts) -> None:
    """One line on stderr when --lang was left at en and the text looks like another
    supported language (lang_hint.py); for several files, the first and a count."""
    if getattr(args, "lang_given", True) or args.lang != "en":
        return
    from .lang_hint import foreign_language

    found = []
    for path, text in texts:
        guess = foreign_language(text)
        if guess is not None:
            found.append((path, guess))
    if found:
        from .hints import LANG_NAMES

        path, guess = found[0]
        more = f" (and {len(found) - 1} more file(s))" if len(found) > 1 else ""
        name = {code: name for name, code in LANG_NAMES.items()}.get(guess.code, guess.code)
        print(f"cleanmt: hint: {path}{more} looks {name} (langdetect {guess.confidence:.2f}), but the rules "
              f"ran for English: pass --lang {guess.code} (or --lang auto)", file=sys.stderr)


def read_inputs(paths: Sequence[str], in_place: bool = False) -> tuple[list[tuple[str, str]], int]:
    """(path, text) for every input that can be read; each bad one (missing, empty,
    binary, not UTF-8, or with `in_place` not a file -i may rewrite) is reported on
    one line and left out. Returns (texts, number of bad inputs)."""
    texts, bad = [], 0
    for p in paths:
        try:
            if in_place:
                check_target(p, in_place=True)
            texts.append((p, read_text(p)))
        except InputError as e:
            _report_bad(e, several=len(paths) > 1)
            bad += 1
    return texts, bad


def _report_bad(e: InputError, several: bool) -> None:
    print(f"cleanmt: error: {e}{'; skipped' if several else ''}", file=sys.stderr)


def _bad_inputs(bad: int) -> int:
    """The exit status of a run in which `bad` inputs were reported and skipped."""
    return EXIT_ERROR


_WORKER: dict = {}


def _init_worker(cleaner: Cleaner) -> None:
    _WORKER["cleaner"] = cleaner


def _detect_one(item):
    return _WORKER["cleaner"].detect(item[1])


def _fix_one(item):
    return _WORKER["cleaner"].fix(item[1])


def _json_report(results, cleaner: Cleaner) -> dict:
    from .hints import source_language_hints
    from .scoring import artifact_score

    files, by_cat, by_rule = [], {c: 0 for c in CATEGORIES}, {}
    for path, text, findings in results:
        guess = cleaner.language_of(text)
        starts = line_starts(text) if findings else []
        files.append({
            "path": path,
            "chars": len(text),
            "language": {"code": guess.code, "confidence": round(guess.confidence, 3), "reason": guess.reason},
            "source_language": source_language_hints(text, findings, target=guess.code),
            "score": artifact_score(text, findings),
            "findings": [record(f, text, starts) for f in findings],
        })
        for f in findings:
            by_cat[f.category] += 1
            by_rule[f.rule] = by_rule.get(f.rule, 0) + 1
    return {
        "schema_version": SCHEMA_VERSION,
        "version": __version__,
        "files": files,
        "summary": {
            "files": len(files),
            "files_with_findings": sum(1 for f in files if f["findings"]),
            "findings": sum(by_rule.values()),
            "by_category": {k: v for k, v in by_cat.items() if v},
            "by_rule": dict(sorted(by_rule.items())),
        },
    }


# -- fix ----------------------------------------------------------------------


def cmd_fix(args, cleaner: Cleaner) -> int:
    paths = args.paths
    if len(paths) > 1 and not (args.in_place or args.diff):
        raise InputError("several files need -i (in place) or --diff; use -o only with one file")
    if args.in_place and "-" in paths:
        raise InputError("-i cannot rewrite stdin; use -o OUT or redirect stdout")
    if args.output:
        check_target(args.output)  # before any work: a device, a FIFO, a missing directory
    if getattr(args, "report", None):
        check_target(args.report)
    reports_out: list = []
    big_bad = 0
    if not (args.diff or getattr(args, "rewrite", None)):  # big files, streamed: see bigfile.py
        big = [p for p in paths if streamable(p)]
        for p in big:
            try:
                reports_out.append(_fix_big(p, cleaner, args))
            except InputError as e:
                _report_bad(e, several=len(paths) > 1)
                big_bad += 1
        paths = [p for p in paths if p not in big]
        if big_bad and not args.in_place:
            return EXIT_ERROR
    texts, bad = read_inputs(paths, in_place=args.in_place)
    bad += big_bad
    if bad and not (args.in_place or args.diff):  # the one input is bad: nothing to write
        return EXIT_ERROR
    if not args.quiet:  # before fixing: English fixes on French text would be wrong ones
        _language_hint(args, texts)
    _init_worker(cleaner)
    if args.jobs > 1 and len(texts) > 1:
        with sigint_deferred():  # (a Ctrl-C while loading is acted on when it is done)
            cleaner.warm()  # the workers fork from here: they inherit the loaded data
    reports = ordered_map(_fix_one, texts, args.jobs, initializer=_init_worker, initargs=(cleaner,))
    rewriting = getattr(args, "rewrite", None)
    progress = _file_progress(args, len(texts)) if len(texts) > 1 else Progress(enabled=False)
    try:
        changed, n_edits = _fix_all(args, cleaner, texts, reports, rewriting, reports_out, progress)
    finally:
        progress.close()
    if args.in_place and not args.quiet and texts:  # nothing read: the error line says it all
        print(f"{n_edits} fix(es) in {changed} of {len(texts)} file(s) checked.", file=sys.stderr)
    sys.stdout.flush()
    if getattr(args, "report", None):
        write_atomic(args.report, json.dumps({"version": __version__, "files": reports_out},
                                             ensure_ascii=False, indent=2) + "\n")
    if bad:
        return _bad_inputs(bad)
    if args.diff and changed and not args.exit_zero:
        return EXIT_FOUND  # ruff: `--diff` exits 1 when it would change something
    return EXIT_OK


def _fix_all(args, cleaner, texts, reports, rewriting, reports_out, progress) -> tuple[int, int]:
    """Fix and write each file; (files changed, edits made)."""
    changed = n_edits = 0
    for (path, text), report in zip(texts, reports):
        fixed = report.fixed if report.fixed is not None else text
        proposals = []
        if rewriting:
            result = _rewrite(fixed, cleaner, args)
            fixed, proposals = result.text, result.proposals
            if args.diff:
                for p in proposals:
                    print(f"{path}: rewrite {'ACCEPTED' if p.accepted else 'rejected'} "
                          f"(score {p.score:.2f}; {'; '.join(p.reasons)}): {p.original!r} -> {p.candidate!r}",
                          file=sys.stderr)
        reports_out.append({
            "path": path,
            "edits": [e.to_dict() for e in report.edits],
            "rewrites": [p.to_dict() for p in proposals],
            "changed": fixed != text,
        })
        if fixed != text:
            changed += 1
            n_edits += len(report.edits) + sum(1 for p in proposals if p.accepted)
        if args.diff:
            sys.stdout.write(unified_diff(path, text, fixed))
        elif args.in_place:
            if fixed != text:
                write_atomic(path, fixed, in_place=True)
                if not args.quiet:  # a file with nothing fixed gets no line
                    print(f"{path}: {len(report.edits)} fix(es)", file=sys.stderr)
        elif args.output:
            write_atomic(args.output, fixed)
        else:
            write_stdout(fixed)
        progress.update(docs=1)
    return changed, n_edits


def _fix_big(path: str, cleaner: Cleaner, args) -> dict:
    """`fix` on one big file, block by block (bigfile.py); its --report entry."""
    if args.in_place:
        check_target(path, in_place=True)
    edits: list = []
    if args.in_place or args.output:
        with atomic_output(path if args.in_place else args.output, in_place=args.in_place) as fh:
            n, changed = fix_file(cleaner, path, fh, edits)
            if args.in_place and not changed:  # an unchanged file keeps its inode and mtime
                raise Discard
        if args.in_place and n and not args.quiet:
            print(f"{path}: {n} fix(es)", file=sys.stderr)
    else:
        n, changed = fix_file(cleaner, path, sys.stdout.buffer, edits)
    return {"path": path, "edits": edits, "rewrites": [], "changed": changed}


def _rewrite(text: str, cleaner: Cleaner, args):
    """The model pass of `fix --rewrite`; a missing extra or model is an input error."""
    try:
        from .rewrite import MissingDependency, ModelNotFound, rewrite_text
    except ImportError as e:  # pragma: no cover - the package ships rewrite/
        raise InputError(f"--rewrite is unavailable: {e}") from None
    try:
        return rewrite_text(text, cleaner, model=args.model, mode=args.rewrite,
                            min_faithfulness=args.min_faithfulness)
    except (MissingDependency, ModelNotFound) as e:
        raise InputError(str(e)) from None


def cmd_score(args) -> int:
    from .rewrite.faithfulness import score

    def arg_text(value: str) -> str:
        return read_text(value[1:]) if value.startswith("@") else value

    f = score(arg_text(args.original), arg_text(args.rewrite), lang=args.lang)
    accepted = f.score >= args.min_faithfulness and not f.hard_fail
    backend = f.components.get("similarity_method")
    if args.format == "json":
        print(json.dumps({**f.to_dict(), "threshold": args.min_faithfulness, "backend": backend,
                          "similarity_backend": backend, "accepted": accepted}, ensure_ascii=False))
    else:
        verdict = "faithful" if accepted else "NOT faithful"
        note = _backend_note(backend)
        if f.hard_fail:
            note = f"a hard check failed; {note}"
        print(f"score {f.score:.2f} ({verdict} at {args.min_faithfulness:.2f}; {note})")
        for r in f.reasons:
            print(f"  - {r}")
    return EXIT_OK if accepted else EXIT_FOUND


def _backend_note(backend: Optional[str]) -> str:
    """Which similarity scored: the verdict depends on it, and on the installed extra."""
    if backend is None:
        return "no similarity computed"
    if backend == "chrf":
        return "similarity by chrF: the model extra's MiniLM embeddings are not installed"
    return f"similarity by {backend}"


def unified_diff(path: str, before: str, after: str) -> str:
    if before == after:
        return ""
    import difflib

    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{path}",
        tofile=f"b/{path}",
    )
    out = []
    for ln in lines:
        out.append(ln if ln.endswith("\n") else ln + "\n\\ No newline at end of file\n")
    return "".join(out)


# -- JSON Lines ---------------------------------------------------------------


def cmd_jsonl(args, cleaner_kwargs: dict) -> int:
    if getattr(args, "in_place", False) or getattr(args, "diff", False):
        raise InputError("--jsonl writes records to stdout or -o; -i and --diff do not apply")
    if getattr(args, "report", None):
        raise InputError("--jsonl puts each record's report under its 'cleanmt' key; --report does not apply")
    if getattr(args, "statistics", False) or getattr(args, "count", False):
        raise InputError("--statistics and --count count file findings; with --jsonl each record carries its own")
    rewriting = getattr(args, "rewrite", None)
    if rewriting:
        from .rewrite.proposer import MissingDependency, check_dependencies

        try:  # before any input is read or a worker started, as file mode would fail
            check_dependencies()
        except MissingDependency as e:
            raise InputError(str(e)) from None
    if args.paths.count("-") > 1:
        raise InputError("stdin (-) can be given only once")
    if getattr(args, "output", None):
        check_target(args.output)  # before any input is read
    streams, bad = [], 0
    for p in args.paths:  # a bad path is reported and skipped; the other streams are read
        try:
            streams.append((p, open_binary(p)))
        except InputError as e:
            _report_bad(e, several=len(args.paths) > 1)
            bad += 1
    if not streams:
        return _bad_inputs(bad)
    total = sum(os.fstat(fh.fileno()).st_size for p, fh in streams if p != "-")
    progress = Progress(total_bytes=total or None, enabled=False if args.quiet else args.progress)
    if args.key == args.field:
        raise InputError(f"--key and --field are both {args.key!r}")
    from .jsonl import Settings, run_jsonl

    settings = Settings(mode=args.command, field=args.field, on_error=args.on_error, rewrite=rewriting, key=args.key,
                        model=getattr(args, "model", None),
                        min_faithfulness=getattr(args, "min_faithfulness", 0.8))
    output = getattr(args, "output", None)
    try:
        if output:
            with atomic_output(output) as out:  # the same safe writer as file mode
                records, findings, errors = run_jsonl(streams, out, cleaner_kwargs, settings, args.jobs, progress)
        else:
            out = sys.stdout.buffer
            records, findings, errors = run_jsonl(streams, out, cleaner_kwargs, settings, args.jobs, progress)
            out.flush()
    except BaseException as e:
        if rewriting:
            from .rewrite.proposer import MissingDependency, ModelNotFound

            if isinstance(e, (MissingDependency, ModelNotFound)):  # the model did not load
                raise InputError(str(e)) from None
        raise
    finally:
        for _, fh in streams:
            if fh is not sys.stdin.buffer:
                fh.close()
        progress.close()
    if errors:
        print(f"cleanmt: {errors} malformed line(s) in {records} record(s)", file=sys.stderr)
    if bad:
        return _bad_inputs(bad)
    if args.command == "detect":
        return EXIT_FOUND if findings and not args.exit_zero else EXIT_OK
    return EXIT_OK


# -- rules --------------------------------------------------------------------


def cmd_rules(args) -> int:
    rules = all_rules()
    if args.ids:
        from .registry import select_rules

        rules = select_rules(_split(args.ids))
        if args.format == "text":
            for r in rules:
                sys.stdout.write(explain_rule(r) + "\n")
            return EXIT_OK
        if args.format == "markdown":  # each rule's page, as docs/rules/ID.md holds it
            from .rule_docs import rule_page

            sys.stdout.write("\n".join(rule_page(r) for r in rules))
            return EXIT_OK
    if args.format == "json":
        data = [
            {
                "id": r.id,
                "category": r.category,
                "name": r.name,
                "description": r.description,
                "confidence": r.confidence,
                "languages": list(r.langs),
                "examples": [{"text": t, "fixed": x} for t, x in r.bad],
                "near_misses": list(r.good),
            }
            for r in rules
        ]
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.format == "markdown":
        sys.stdout.write(rules_markdown(rules))
    else:
        for r in rules:
            print(f"{r.id}  {r.category:<15} {r.confidence:.2f}  {r.description}")
            if r.example:
                print(f"        e.g. {r.example}")
    return EXIT_OK


def explain_rule(r) -> str:
    """A rule in full, as `ruff rule CODE` shows one: what, why, examples."""
    from .rule_docs import docstring

    doc = docstring(r)
    out = [f"{r.id} ({r.category}, {r.name}): {r.description}",
           f"confidence {r.confidence:.2f}; languages: {', '.join(r.langs)}; defined at {r.location}"]
    if doc:
        out += ["", doc]
    out += ["", "flags:"]
    for text, fixed in r.bad:
        out.append(f"  {text!r}")
        out.append(f"    -> {fixed!r}" if fixed is not None else "    -> (flagged, no safe fix)")
    out += ["", "leaves alone:"] + [f"  {t!r}" for t in r.good]
    return "\n".join(out) + "\n"


def rules_markdown(rules) -> str:
    def cell(s: str) -> str:
        return s.replace("|", "\\|").replace("\n", "⏎")

    out = ["| id | category | languages | confidence | what it finds | example |", "|---|---|---|---|---|---|"]
    for r in rules:
        out.append(
            f"| {r.id} | {r.category} | {', '.join(r.langs)} | {r.confidence:.2f} | {cell(r.description)} | {cell(r.example)} |"
        )
    return "\n".join(out) + "\n"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
