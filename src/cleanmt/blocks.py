"""Big texts in linear time and bounded memory: evidence first, then rules block by block.

A rule that reads the whole document (the name table, how often a word form occurs)
makes one 8 MB file cost far more per megabyte than eight hundred 10 KB articles: in a
big text every document-level gate is met somewhere, and a Document's facts (every
word as a match object, every line) hold tens of bytes per character. So a text over
BIG_TEXT_CHARS is read twice, block by block (a block is a run of whole paragraphs,
about BLOCK_CHARS long): first the document-level evidence is gathered (the name
table, the word-form counts), then every block is checked as a small document that
reads the evidence of the whole text. Memory is then the evidence plus one block,
and time per megabyte that of ordinary articles.

A text under the threshold is one document, as always: its findings do not change.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable, Iterator, Optional

from .document import WORD_RE, Document

BIG_TEXT_CHARS = 500_000  # a longer text is checked block by block
BLOCK_CHARS = 16_000  # a block ends at the first paragraph break past this many characters
_MAX_BLOCK = 16 * BLOCK_CHARS  # a text without blank lines is cut at a line break, then at a space


def block_spans(text: str, start: int = 0, end: Optional[int] = None) -> Iterator[tuple[int, int]]:
    """(start, end) of consecutive blocks covering text[start:end]: each block ends
    just after a blank-line run ("\\n\\n"), else a line break, else a space, so that a
    paragraph is never split when the text has paragraphs."""
    end = len(text) if end is None else end
    pos = start
    while pos < end:
        if end - pos <= BLOCK_CHARS:
            yield pos, end
            return
        cut = _cut(text, pos + BLOCK_CHARS, min(end, pos + _MAX_BLOCK))
        yield pos, cut
        pos = cut


def _cut(text: str, lo: int, hi: int) -> int:
    for sep in ("\n\n", "\n\r\n", "\n", " "):
        i = text.find(sep, lo, hi)
        if i != -1:
            j = i + len(sep)
            while j < hi and text[j] in "\r\n":  # the whole blank-line run stays in this block
                j += 1
            return j
    return hi


class Evidence:
    """What rules read about the whole text, gathered in one pass over its blocks:
    the name table (TRL's spellings, read as a corpus table) and the word-form
    counts (CAS005: "the document writes 'employees' elsewhere")."""

    def __init__(self, lang: str, names=None):
        from .names import NameTable

        self.lang = lang
        self.word_counts: Counter = Counter()
        # a corpus table (--corpus) is used as it is; a names file alone (--names) lends its names
        self._given_names = isinstance(names, NameTable) and names.n_texts > 0
        if self._given_names:
            self.names = names
        elif isinstance(names, NameTable):
            self.names = NameTable(names.lang, names.user, names.gazetteer is not None, "document")
        else:
            self.names = NameTable(lang, None, True, "document")

    def add(self, block: str) -> None:
        self.word_counts.update(m.group() for m in WORD_RE.finditer(block))
        if not self._given_names:
            self.names.add_texts([block])

    @classmethod
    def gather(cls, blocks: Iterable[str], lang: str, names=None) -> "Evidence":
        ev = cls(lang, names)
        for b in blocks:
            ev.add(b)
        return ev


class BlockDocument(Document):
    """One block of a big text, seen as a document whose document-level facts are
    those of the whole text (`Evidence`)."""

    def __init__(self, text: str, evidence: Evidence, lang: str = "en", source: Optional[str] = None,
                 scanner=None, memo=None):
        super().__init__(text, lang=lang, corpus=evidence, source=source, scanner=scanner, memo=memo)
        self.evidence = evidence

    @property
    def word_counts(self) -> Counter:  # type: ignore[override]
        return self.evidence.word_counts
