"""JSON Lines streams: one record in, one record out, other fields untouched.

Findings and the artifact score go under a `cleanmt` key (`--key` names another).
No line is lost silently: a malformed line (bad UTF-8 or JSON, NaN/Infinity, an
integer past Python's digit limit, nesting too deep, not an object, a record
that already holds the key) and a record a rule fails on are reported on stderr
with their line number and then passed through unchanged, skipped, or made
fatal, as `--on-error` says; only that line is affected, never its chunk. A
blank line is reported and kept (`pass`) or dropped. A UTF-8 byte-order mark
on a stream's first line is ignored. Output is always valid JSON in UTF-8: a
record whose strings hold lone surrogates (from "\\udc80" escapes) is written
with \\u escapes, as it came in.
Input is read in chunks, so memory follows the chunk size, not the input size.

With `rewrite` set (`fix --jsonl --rewrite`), each record's rule-fixed text goes
on to the rewrite model as in file mode; the proposals, in the shape of file
mode's `--report`, go under `cleanmt.rewrites`. The model is loaded once per
process (in the worker initializer). A record the model fails on keeps its
rule-fixed text and gets the error under `cleanmt.rewrite_error`.
"""
from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from typing import IO, Iterable, Iterator, Optional

from .engine import Cleaner
from .io import JsonlError  # noqa: F401  (raised here; cleanmt.jsonl.JsonlError as before)
from .output_formats import line_starts, record as finding_record
from .parallel import ordered_map, sigint_deferred
from .progress import Progress
from .scoring import artifact_score

ON_ERROR = ("pass", "skip", "fail")
CHUNK_LINES = 256



@dataclass(frozen=True)
class Settings:
    mode: str  # "detect" or "fix"
    field: str = "text"
    on_error: str = "pass"
    rewrite: Optional[str] = None  # with mode "fix": None, "flagged" or "all"
    model: Optional[str] = None  # rewrite model (None: the shipped one)
    min_faithfulness: float = 0.8
    key: str = "cleanmt"  # the key each record's findings go under


def process_line(
    cleaner: Cleaner, settings: Settings, raw: bytes, proposer=None
) -> tuple[Optional[bytes], Optional[str], int, Optional[str]]:
    """Handle one input line (bytes, so that a line of bad UTF-8 passes through intact).

    `proposer`: the loaded rewrite model, with `settings.rewrite`.
    Returns (output line or None, error message or None, number of findings,
    warning or None: a rewrite that failed, the record kept its rule fixes).
    Whatever goes wrong with one record (its JSON, its text, a rule) is that
    record's error: the caller reports it with its line number and the stream
    goes on.
    """
    if not raw.strip():  # no record: kept as it is under "pass", reported either way
        return (raw if settings.on_error == "pass" else None), "blank line", 0, None
    passthrough = raw if settings.on_error == "pass" else None
    try:
        return _process_record(cleaner, settings, raw, proposer)
    except _RecordError as e:
        return passthrough, str(e), 0, None
    except Exception as e:  # a bug of ours on this record must not cost the others
        first = str(e).strip().splitlines()[0][:200] if str(e).strip() else ""
        return passthrough, f"internal error ({type(e).__name__}{': ' + first if first else ''})", 0, None


class _RecordError(Exception):
    """What is wrong with one record, as its error message."""


def _no_constant(name: str):
    raise _RecordError(f"{name} is not valid JSON")


def _process_record(cleaner: Cleaner, settings: Settings, raw: bytes, proposer):
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise _RecordError(f"not valid UTF-8 (byte 0x{raw[e.start]:02x} at offset {e.start})")
    try:
        record = json.loads(line, parse_constant=_no_constant)
    except json.JSONDecodeError as e:
        raise _RecordError(f"malformed JSON ({e.msg} at column {e.colno})")
    except RecursionError:
        raise _RecordError("malformed JSON (nested too deeply to read)")
    except ValueError as e:  # an integer over Python's digit limit (sys.set_int_max_str_digits)
        if "integer" in str(e):
            raise _RecordError("an integer too long to read (over Python's digit limit)")
        raise _RecordError(f"malformed JSON ({str(e).splitlines()[0] if str(e) else type(e).__name__})")
    if not isinstance(record, dict):
        raise _RecordError("not a JSON object")
    key = settings.key
    if key in record:
        raise _RecordError(f"record already has a {key!r} key; name another with --key")
    text = record.get(settings.field)
    if not isinstance(text, str):
        why = "missing" if settings.field not in record else "not a string"
        record[key] = {"skipped": f"field {settings.field!r} is {why}"}
        return _dump(record), None, 0, None
    warning = None
    if settings.mode == "fix":
        report = cleaner.fix(text)
        fixed = report.fixed if report.fixed is not None else text
        findings = report.findings
        extra = {"edits": len(report.edits)}
        if settings.rewrite:
            fixed, extra["rewrites"], warning = _rewrite(fixed, cleaner, settings, proposer)
            if warning:
                extra["rewrite_error"] = warning
        record[settings.field] = fixed
    else:
        findings = cleaner.detect(text)
        extra = {}
    starts = line_starts(text) if findings else []
    record[key] = {  # offsets, lines and columns index the record's text as it came in
        "findings": [finding_record(f, text, starts) for f in findings],
        "score": artifact_score(text, findings),
        **extra,
    }
    return _dump(record), None, len(findings), warning


def _rewrite(text: str, cleaner: Cleaner, settings: Settings, proposer) -> tuple[str, list, Optional[str]]:
    """The model pass for one record: (text, proposals as dicts, error or None).
    A failure keeps `text` (the rule-fixed text) and reports the error."""
    from .rewrite import rewrite_text

    try:
        result = rewrite_text(text, cleaner, model=proposer if proposer is not None else settings.model,
                              mode=settings.rewrite, min_faithfulness=settings.min_faithfulness)
    except Exception as e:  # the record keeps the rule fixes; the stream goes on
        first = str(e).strip().splitlines()[0] if str(e).strip() else ""
        return text, [], f"{type(e).__name__}: {first}" if first else type(e).__name__
    return result.text, [p.to_dict() for p in result.proposals], None


def _dump(record: dict) -> bytes:
    """The record as one line of valid JSON in UTF-8. A string holding a lone surrogate
    (read from an escape such as "\\udc80") has no UTF-8 form: that record is written
    with \\u escapes, as it came in."""
    try:
        out = json.dumps(record, ensure_ascii=False, allow_nan=False)
    except RecursionError:
        raise _RecordError("nested too deeply to write") from None
    try:
        return (out + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(record, ensure_ascii=True, allow_nan=False) + "\n").encode("ascii")


# one Cleaner (and with --rewrite one model) per worker process, built from the same settings
_WORKER: dict = {}


def _init_worker(cleaner_kwargs: dict, settings: Settings, threads: Optional[int] = None) -> None:
    _WORKER.clear()
    _WORKER["cleaner"] = Cleaner(**cleaner_kwargs)
    _WORKER["settings"] = settings
    if settings.mode == "fix" and settings.rewrite:
        from .rewrite import faithfulness, load_proposer

        _WORKER["proposer"] = load_proposer(settings.model)  # raises ModelNotFound / MissingDependency
        faithfulness.embed([])  # load the embedding model now, not on the first record
        if threads:
            import torch

            torch.set_num_threads(threads)


def _init_pool_worker(cleaner_kwargs: dict, settings: Settings, threads: Optional[int] = None) -> None:
    """A Pool respawns a worker whose initializer raises, forever: keep the error
    and raise it from the first chunk instead, so the run stops with its message."""
    if _WORKER.pop("inherited", False) and "cleaner" in _WORKER:
        return  # forked from a parent that built and warmed it
    try:
        _init_worker(cleaner_kwargs, settings, threads)
    except Exception as e:
        _WORKER["error"] = e


def _process_chunk(chunk: list[tuple[tuple[str, int], bytes]]):
    if "error" in _WORKER:
        raise _WORKER["error"]
    cleaner, settings, proposer = _WORKER["cleaner"], _WORKER["settings"], _WORKER.get("proposer")
    size = sum(len(line) for _, line in chunk)
    return size, [(where, *process_line(cleaner, settings, line, proposer)) for where, line in chunk]


def _chunks(streams: Iterable[tuple[str, IO[bytes]]]) -> Iterator[list[tuple[tuple[str, int], bytes]]]:
    chunk: list = []
    for name, stream in streams:
        for lineno, line in enumerate(stream, 1):
            if lineno == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]  # a UTF-8 byte-order mark is no part of the first record
            chunk.append(((name, lineno), line))
            if len(chunk) >= CHUNK_LINES:
                yield chunk
                chunk = []
    if chunk:
        yield chunk


def run_jsonl(
    streams: Iterable[tuple[str, IO[bytes]]],
    out: IO[bytes],
    cleaner_kwargs: dict,
    settings: Settings,
    jobs: int = 1,
    progress: Optional[Progress] = None,
) -> tuple[int, int, int]:
    """Stream records from `streams` to `out`. Returns (records, findings, errors)."""
    if jobs <= 1:
        _init_worker(cleaner_kwargs, settings)  # chunks run in this process
    elif not settings.rewrite:
        # load once here; forked workers inherit the warm Cleaner (a model stays per worker:
        # torch's threads do not survive a fork)
        _init_worker(cleaner_kwargs, settings)
        with sigint_deferred():
            _WORKER["cleaner"].warm()
        _WORKER["inherited"] = True
    # with the model, share the cores between the workers instead of N x all of them
    threads = max(1, (os.cpu_count() or 1) // jobs) if settings.rewrite else None
    records = findings = errors = rewrite_failures = 0
    results = ordered_map(
        _process_chunk, _chunks(streams), jobs,
        initializer=_init_pool_worker, initargs=(cleaner_kwargs, settings, threads),
    )
    for size, chunk_result in results:
        for (name, lineno), line_out, error, n, warning in chunk_result:
            if warning:
                rewrite_failures += 1
                print(f"cleanmt: warning: {name}:{lineno}: rewrite failed ({warning}); "
                      "kept the rule fixes", file=sys.stderr)
            if error == "blank line":  # not a malformed record, whatever --on-error says
                print(f"cleanmt: warning: {name}:{lineno}: blank line; "
                      f"{'kept' if line_out is not None else 'skipped'}", file=sys.stderr)
            elif error:
                errors += 1
                action = {"pass": "passed through", "skip": "skipped"}.get(settings.on_error, "")
                msg = f"{name}:{lineno}: {error}"
                if settings.on_error == "fail":
                    raise JsonlError(msg)
                print(f"cleanmt: warning: {msg}; {action}", file=sys.stderr)
            if line_out is not None:
                out.write(line_out if line_out.endswith(b"\n") else line_out + b"\n")
                records += error != "blank line"
            findings += n
        if progress:
            progress.update(docs=len(chunk_result), nbytes=size)
    if rewrite_failures:
        print(f"cleanmt: the rewrite failed on {rewrite_failures} record(s); they keep the rule fixes "
              "and the error under cleanmt.rewrite_error", file=sys.stderr)
    return records, findings, errors
