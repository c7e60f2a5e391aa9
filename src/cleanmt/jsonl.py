"""JSON Lines streams: one record in, one record out, other fields untouched.

Findings and the artifact score go under a `cleanmt` key. A malformed line is
never dropped silently: it is reported on stderr with its line number and then
passed through unchanged, skipped, or made fatal, as `--on-error` says.
Input is read in chunks, so memory follows the chunk size, not the input size.
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from typing import IO, Iterable, Iterator, Optional

from .engine import Cleaner
from .parallel import ordered_map
from .progress import Progress
from .scoring import artifact_score

ON_ERROR = ("pass", "skip", "fail")
CHUNK_LINES = 256


class JsonlError(Exception):
    """A malformed line under --on-error fail."""


@dataclass(frozen=True)
class Settings:
    mode: str  # "detect" or "fix"
    field: str = "text"
    on_error: str = "pass"


def process_line(cleaner: Cleaner, settings: Settings, raw: bytes) -> tuple[Optional[bytes], Optional[str], int]:
    """Handle one input line (bytes, so that a line of bad UTF-8 passes through intact).

    Returns (output line or None, error message or None, number of findings).
    """
    if not raw.strip():
        return None, None, 0  # blank lines carry no record
    passthrough = raw if settings.on_error == "pass" else None
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return passthrough, "not valid UTF-8", 0
    except json.JSONDecodeError as e:
        return passthrough, f"malformed JSON ({e.msg} at column {e.colno})", 0
    if not isinstance(record, dict):
        return passthrough, "not a JSON object", 0
    text = record.get(settings.field)
    if not isinstance(text, str):
        why = "missing" if settings.field not in record else "not a string"
        record["cleanmt"] = {"skipped": f"field {settings.field!r} is {why}"}
        return _dump(record), None, 0
    if settings.mode == "fix":
        report = cleaner.fix(text)
        record[settings.field] = report.fixed
        findings = report.findings
        extra = {"edits": len(report.edits)}
    else:
        findings = cleaner.detect(text)
        extra = {}
    record["cleanmt"] = {
        "findings": [f.to_dict() for f in findings],
        "score": artifact_score(text, findings),
        **extra,
    }
    return _dump(record), None, len(findings)


def _dump(record: dict) -> bytes:
    return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")


# one Cleaner per worker process, built from the same settings
_WORKER: dict = {}


def _init_worker(cleaner_kwargs: dict, settings: Settings) -> None:
    _WORKER["cleaner"] = Cleaner(**cleaner_kwargs)
    _WORKER["settings"] = settings


def _process_chunk(chunk: list[tuple[tuple[str, int], bytes]]):
    cleaner, settings = _WORKER["cleaner"], _WORKER["settings"]
    size = sum(len(line) for _, line in chunk)
    return size, [(where, *process_line(cleaner, settings, line)) for where, line in chunk]


def _chunks(streams: Iterable[tuple[str, IO[bytes]]]) -> Iterator[list[tuple[tuple[str, int], bytes]]]:
    chunk: list = []
    for name, stream in streams:
        for lineno, line in enumerate(stream, 1):
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
    _init_worker(cleaner_kwargs, settings)
    records = findings = errors = 0
    results = ordered_map(
        _process_chunk, _chunks(streams), jobs, initializer=_init_worker, initargs=(cleaner_kwargs, settings)
    )
    for size, chunk_result in results:
        for (name, lineno), line_out, error, n in chunk_result:
            if error:
                errors += 1
                action = {"pass": "passed through", "skip": "skipped"}.get(settings.on_error, "")
                msg = f"{name}:{lineno}: {error}"
                if settings.on_error == "fail":
                    raise JsonlError(msg)
                print(f"cleanmt: warning: {msg}; {action}", file=sys.stderr)
            if line_out is not None:
                out.write(line_out if line_out.endswith(b"\n") else line_out + b"\n")
                records += 1
            findings += n
        if progress:
            progress.update(docs=len(chunk_result), nbytes=size)
    return records, findings, errors
