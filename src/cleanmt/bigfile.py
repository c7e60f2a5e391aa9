"""`cleanmt fix` on a big file: read it twice, block by block, never whole.

The first pass checks the bytes (as io.decode does: byte-order marks, NUL, UTF-8),
and gathers the document-level evidence; the second fixes block after block and
writes each one out. Memory is one read buffer, one block and the evidence, whatever
the file's size; the blocks are those `blocks.block_spans` cuts from the whole text,
so the output is the one `Cleaner.fix` gives on the text in memory.
"""
from __future__ import annotations

import codecs
import os
from typing import IO, Iterator, Optional

from .blocks import _MAX_BLOCK, BIG_TEXT_CHARS, BLOCK_CHARS, _cut, block_spans
from .io import _BOMS, InputError

STREAM_MIN_BYTES = 4 * BIG_TEXT_CHARS  # a smaller file is read whole (and still checked block by block)
READ_BYTES = 1 << 20


def streamable(path: str) -> bool:
    """A regular file big enough to be worth two passes."""
    try:
        return path != "-" and os.path.isfile(path) and os.path.getsize(path) > STREAM_MIN_BYTES
    except OSError:
        return False


def read_blocks(path: str) -> Iterator[str]:
    """The file's text, block by block (the cuts of `block_spans` over the whole text).
    Bad bytes raise InputError with the message io.decode gives for them."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    buffer, offset = "", 0
    try:
        fh = open(path, "rb")
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror})") from None
    with fh:
        while True:
            data = fh.read(READ_BYTES)
            if offset == 0:
                for bom, encoding in _BOMS:
                    if data.startswith(bom):
                        raise InputError(f"{path}: {encoding} text (byte-order mark), not UTF-8; convert it "
                                         f"first, e.g. iconv -f {encoding.rstrip('LBE')} -t UTF-8")
            nul = data.find(b"\x00")
            if nul != -1:
                raise InputError(f"{path}: looks like a binary file (NUL byte at offset {offset + nul}), not text")
            try:
                buffer += decoder.decode(data, final=not data)
            except UnicodeDecodeError as e:
                raise InputError(f"{path}: not valid UTF-8 (byte 0x{data[e.start]:02x} at offset "
                                 f"{offset + e.start}); convert it first, e.g. iconv -f LATIN1 -t UTF-8") from None
            offset += len(data)
            if not data:
                yield from (buffer[s:e] for s, e in block_spans(buffer))
                return
            pos = 0
            while len(buffer) - pos > _MAX_BLOCK + 2:  # a cut made here is the one the whole text gets
                cut = _cut(buffer, pos + BLOCK_CHARS, pos + _MAX_BLOCK)
                yield buffer[pos:cut]
                pos = cut
            buffer = buffer[pos:]


def fix_file(cleaner, path: str, out: IO[bytes], edits: Optional[list] = None) -> tuple[int, bool]:
    """Write `path`'s fixed text to `out`; returns (number of edits, whether anything changed).
    `edits`: a list that receives the edits (offsets into the whole text)."""
    head = next(read_blocks(path), "")
    lang, source = cleaner._settings_for(head)
    evidence = cleaner._evidence_of(read_blocks(path), lang)  # also checks every byte, before any write
    n, changed, base = 0, False, 0
    for block in read_blocks(path):
        report = cleaner._fix_in(block, lang, source, evidence)
        n += len(report.edits)
        changed |= report.fixed != block
        if edits is not None:
            edits += [e.to_dict() | {"start": e.start + base, "end": e.end + base} for e in report.edits]
        out.write(report.fixed.encode("utf-8"))
        base += len(block)
    return n, changed
