"""The view of a document that rules read.

Rules see text with "\\n" line endings only (the engine maps offsets back to the
original CRLF text), plus a few lazily computed, shared facts (lines, words,
which capitalised forms the document uses) so that each rule does not
recompute them. Facts of one document live on its Document and go with it; what
holds across documents (per-word facts) lives in the Cleaner's `memo`.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Optional

import regex

from . import prescan
from .lang import get_profile
from .memo import Memo
from .tokens import capital_tokens

WORD_RE = regex.compile(r"\p{L}[\p{L}\p{M}'’-]*")


class once:
    """A property computed on first use and then kept on the instance: what
    functools.cached_property does, without the lock it takes on every first access
    before Python 3.12 (rules ask each document for a handful of these)."""

    def __init__(self, fn):
        self.fn = fn
        self.name = fn.__name__
        self.__doc__ = fn.__doc__

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.fn(obj)  # found there from now on
        return value


@dataclass(frozen=True)
class Line:
    start: int  # offset of the first character
    end: int  # offset of the line break (or end of text)
    text: str

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()


class Document:
    def __init__(self, text: str, lang: str = "en", corpus: object = None, source: Optional[str] = None,
                 scanner: Optional[prescan.Scanner] = None, memo: Optional[Memo] = None):
        self.text = text
        # per-word facts kept across documents (the Cleaner's); a Document made by hand
        # gets an empty one of its own (the same answers, computed afresh)
        self.memo = memo if memo is not None else Memo()
        # the anchors to look for (the engine's chosen rules for this language); None:
        # every rule of the language (a Document made by hand, in a test or a benchmark)
        self.scanner = scanner
        self.lang = lang
        # the language the text was translated from, when known (--source); None: unknown
        self.source = source
        # facts gathered over a whole corpus (e.g. the name table of corpus mode);
        # None when the document is checked on its own
        self.corpus = corpus

    @once
    def profile(self):
        """The target-language profile (quotes, spacing, honorifics, casing conventions)."""
        return get_profile(self.lang)

    @once
    def scan(self) -> str:
        """Lower-cased, spaces squeezed: what rule anchors are matched against (prescan)."""
        return prescan.scan_text(self.text)

    @once
    def scan_utf8(self) -> bytes:
        """The scan text as UTF-8: what the prescan runs over, and what its offsets index."""
        return self.scan.encode("utf-8")

    @once
    def anchor_hits(self) -> tuple[dict, dict]:
        """(folded, exact): rule id → UTF-8 byte offsets where the rule's anchors start,
        in the scan text (case-insensitive anchors) and in the text (exact ones); one
        pass for all rules (prescan)."""
        scanner = self.scanner
        if scanner is None:
            from .registry import default_scanner  # (at call time: the registry sits above)

            scanner = default_scanner(self.lang)
        return scanner.hits(self.text, self.scan_utf8)

    @once
    def scan_word_bytes(self) -> bytes:
        """The scan text with every ASCII character but a letter, and the non-ASCII
        punctuation that sticks to words (’ “ « – …), read as a space (prescan.word_bytes)."""
        return prescan.word_bytes(self.scan_utf8)

    @once
    def scan_words(self) -> list[bytes]:
        """The document's words in order, case-folded, as UTF-8 ("l'école" gives "l" and
        "école"): one C-speed split, so that a rule intersects an index with them
        (`index.intersection(doc.scan_words)`) instead of looking words up one by one."""
        return self.scan_word_bytes.split()

    @once
    def scan_letter_runs(self) -> list[bytes]:
        """The runs of letters inside the scan words that hold a non-ASCII character other
        than a letter ("zürich" in "zürich‐", "we" in "“we"): with `scan_words`, every
        case-folded run of letters of the text (prescan.letter_runs)."""
        return prescan.letter_runs(self.scan_word_bytes)

    def exact_anchor_offsets(self, rule_id: str) -> list[int]:
        """Where the rule's exact anchors start in the text, as code-point offsets
        (the prescan gives UTF-8 byte offsets; in ASCII text they are the same)."""
        hits = self.anchor_hits[1].get(rule_id, ())
        if not hits or self.text.isascii():
            return sorted(hits)
        data = self.text.encode("utf-8")
        return sorted(len(data[:p].decode("utf-8")) for p in hits)

    def anchored(self, rule_id: str) -> bool:
        """Does any anchor of the rule occur in this document?"""
        folded, exact = self.anchor_hits
        return rule_id in folded or rule_id in exact

    @once
    def capital_tokens(self) -> set:
        """The token scan (tokens.capital_tokens: each capitalised token, with the
        lower-case word after it): one pass that the name rules, CAS001, CAS005 and
        CLQ007 all read."""
        return capital_tokens(self.text)

    @once
    def lines(self) -> list[Line]:
        out, pos = [], 0
        for raw in self.text.split("\n"):
            out.append(Line(pos, pos + len(raw), raw))
            pos += len(raw) + 1
        return out

    @once
    def words(self) -> list[regex.Match]:
        return list(WORD_RE.finditer(self.text))

    @once
    def word_counts(self) -> Counter:
        """Occurrences of each word form, case-sensitive."""
        return Counter(m.group() for m in self.words)

    @property
    def n_words(self) -> int:
        return len(self.words)

    def shared(self, key: str, compute):
        """A fact that several rules of one module ask about (`compute(self)`), computed
        once per document and kept under `key`."""
        facts = self.__dict__.setdefault("_shared", {})
        if key not in facts:
            facts[key] = compute(self)
        return facts[key]

    def line_of(self, offset: int) -> Line:
        """The line that contains `offset`."""
        lo, hi = 0, len(self.lines) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.lines[mid].start <= offset:
                lo = mid
            else:
                hi = mid - 1
        return self.lines[lo]
