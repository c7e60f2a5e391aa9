"""The scan layer: one cheap pass over a document that tells which rules can fire at all.

Most text has no artifact. Each rule may name *anchors*: literal strings, one of
which occurs in every text the rule can flag (" ," for a space before a comma,
"once morest" for a spinner entry). A `Scanner` holds the anchors of a set of rules
(a Cleaner's, for one target language) in one Aho-Corasick automaton; one pass over
the document's scan text finds which rules have an anchor there, and the engine runs
only those rules' detailed checks. Anchors that only count in one case ("Mme ",
" Von ") live in a second automaton, run over the text itself. This module reads
rules only through what it is given (id, anchors, exact_anchors): it imports
nothing above it (registry, rules).

The scan text is the document case-folded, with line breaks, tabs and no-break
spaces read as spaces, runs of spaces read as one, and a space added at each
end, so an anchor written "tear fuel" also covers "Tear\n Fuel", and " la " a
"la" that opens the text. It only ever has more anchor occurrences than the text
(never fewer), and it is only searched, never used for offsets.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

import regex

from . import anchor_cache

# Characters the rules' patterns treat as a word space ([ \\t], [ \\u00a0\\u202f]...).
_SPACES = ("\n", "\t", "\u00a0", "\u202f", "\u2009", "\u2007")


def scan_text(text: str) -> str:
    """The text as anchors are matched against it (see the module docstring).

    Case-folded (not lower-cased) so that every character a case-insensitive
    regex takes for a letter reads as that letter ("ſ" as "s", "K" Kelvin as "k");
    "İ" folds to "i" plus a combining dot, which is dropped."""
    s = text.casefold()
    if "\u0307" in s:
        s = s.replace("i\u0307", "i")
    for c in _SPACES:
        if c in s:
            s = s.replace(c, " ")
    while "  " in s:
        s = s.replace("  ", " ")
    return " " + s + " "


# every ASCII byte but a lower-case letter reads as a space; bytes of UTF-8 sequences stay
_NON_WORD = bytes(c if 97 <= c <= 122 or c >= 128 else 32 for c in range(256))
# non-ASCII punctuation that may stick to a word in scan text
_PUNCT_UTF8 = tuple(c.encode("utf-8") for c in "’‘“”«»„‚–—…·")
_NON_ASCII = re.compile(rb"[\x80-\xff]+")
_LETTERS = regex.compile(r"\p{L}+")


def word_bytes(scan_utf8: bytes) -> bytes:
    """Scan text (UTF-8) with every ASCII character but a letter, and the non-ASCII
    punctuation of _PUNCT_UTF8, turned into a space: its split() is the words, at C speed."""
    data = scan_utf8
    if not data.isascii():
        for p in _PUNCT_UTF8:
            if p in data:
                data = data.replace(p, b" ")
    return data.translate(_NON_WORD)


def letter_runs(words: bytes) -> list[bytes]:
    """The runs of letters in the words of `words` (word_bytes) that hold a non-ASCII
    character and are not one run of letters themselves ("“we" gives "we", "zürich"
    nothing): with the words, every run of letters of the text, case-folded."""
    if words.isascii():
        return []
    out = []
    for m in _NON_ASCII.finditer(words):
        start = words.rfind(b" ", 0, m.start()) + 1
        end = words.find(b" ", m.end())
        word = words[start : end if end >= 0 else len(words)].decode("utf-8", "replace")
        runs = _LETTERS.findall(word)
        if runs != [word]:
            out.extend(r.encode("utf-8") for r in runs)
    return out


def normalise_anchor(anchor: str) -> str:
    """An anchor as it can occur in scan text (so a lexicon can give its phrases as written).
    Its own spaces at either end are kept: " la " is the word "la"."""
    return scan_text(anchor)[1:-1]


# Bytes a Scanner's folded automaton reads before it is rebuilt as a DFA. A contiguous
# NFA is built in a fifth of a DFA's time (~5 ms against ~26 ms for the English rules'
# 5,600 folded anchors) and reads ~9 ms/MB slower, so a short run (one small file) starts
# on it, and a long one (a corpus, a big file) switches once the DFA has paid for itself.
# The exact automaton (22,000 anchors, most of them CAS004's words) stays an NFA: its DFA
# takes 61 MB for 7 ms/MB, and a big file's memory is bounded (issue 13).
# Both find the same matches (MatchKind.Standard, overlapping): only speed differs.
DFA_AFTER_BYTES = 4_000_000


class _Automaton:
    """The anchors of every registered rule in one Aho-Corasick automaton (ahocorasick-rs:
    a Rust Aho-Corasick, five times pyahocorasick's speed on these anchors, whose common
    prefixes keep a trie walker busy): a contiguous NFA at first, a DFA after `dfa_after`
    bytes (None: never; see DFA_AFTER_BYTES)."""

    def __init__(self, owners: dict[str, set], dfa_after: "int | None" = DFA_AFTER_BYTES):
        self.anchors = sorted(owners)
        tuples: dict[frozenset, tuple] = {}  # (one tuple per set of owners: most anchors have one)
        self.owners = []
        for a in self.anchors:
            key = frozenset(owners[a])
            if key not in tuples:
                tuples[key] = tuple(sorted(key))
            self.owners.append(tuples[key])
        self._scanned = 0
        self._dfa_after = dfa_after
        self.is_dfa = False
        self.dfa = self._build("ContiguousNFA")

    def _build(self, implementation: str):
        import ahocorasick_rs

        return ahocorasick_rs.BytesAhoCorasick(
            [a.encode("utf-8") for a in self.anchors],
            matchkind=ahocorasick_rs.MatchKind.Standard,
            implementation=getattr(ahocorasick_rs.Implementation, implementation),
        )

    def use_dfa(self) -> None:
        """Rebuild as a DFA now (before forking workers that will read much text), where
        this automaton switches at all."""
        if not self.is_dfa and self._dfa_after is not None:
            self.dfa, self.is_dfa = self._build("DFA"), True

    def hits(self, data: bytes) -> dict[str, list[int]]:
        """Rule id → byte offsets in `data` (UTF-8) where its anchors start."""
        if not self.is_dfa and self._dfa_after is not None:
            self._scanned += len(data)
            if self._scanned > self._dfa_after:
                self.use_dfa()
        found: dict[str, list[int]] = {}
        owners = self.owners
        for k, start, _ in self.dfa.find_matches_as_indexes(data, overlapping=True):
            for rule_id in owners[k]:
                found.setdefault(rule_id, []).append(start)
        return found


class Scanner:
    """The anchors of one set of rules (a Cleaner's chosen rules for one target language)
    in two automata: (folded, exact), the case-insensitive anchors matched against scan
    text and the case-sensitive ones against the text itself. Built from the rules it
    is given, so it knows nothing of the registry, and a rule registered after another
    Cleaner was built is scanned for by the next one."""

    def __init__(self, rules: Iterable):
        rules = tuple(rules)
        table = anchor_cache.anchors(rules, normalise_anchor)
        folded: dict[str, set] = {}
        exact: dict[str, set] = {}
        for r in rules:
            kinds = table[r.id]
            if kinds is None:
                continue
            for anchors, owners in zip(kinds, (folded, exact)):
                for a in anchors:
                    owners.setdefault(a, set()).add(r.id)
        self.rule_ids = frozenset(i for owners in (folded, exact) for ids in owners.values() for i in ids)
        self.folded = _Automaton(folded) if folded else None
        self.exact = _Automaton(exact, dfa_after=None) if exact else None

    def use_dfa(self) -> None:
        """Build the faster automata now (see DFA_AFTER_BYTES)."""
        for automaton in (self.folded, self.exact):
            if automaton is not None:
                automaton.use_dfa()

    def hits(self, text: str, scan_utf8: bytes) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
        """(folded, exact): for each rule with an anchor in the document, where its
        anchors start, as UTF-8 byte offsets; case-insensitive anchors in the scan text
        (given as UTF-8), exact ones in `text`. Most documents give two empty dicts."""
        return (
            self.folded.hits(scan_utf8) if self.folded is not None else {},
            self.exact.hits(text.encode("utf-8")) if self.exact is not None else {},
        )


@lru_cache(maxsize=32)
def scanner(rules: tuple) -> Scanner:
    """The Scanner of these rules (a tuple of registry.Rule), built once per rule set:
    Cleaners that choose the same rules share one (a pure function of its argument,
    bounded; no document state)."""
    return Scanner(rules)


@lru_cache(maxsize=16)
def _literal_automaton(words: tuple) -> "object":
    import ahocorasick_rs

    return ahocorasick_rs.AhoCorasick(list(words))


def literal_starts(words: tuple, text: str) -> list[int]:
    """Sorted offsets in `text` where any of `words` (a tuple of literal strings) starts,
    overlaps included: for a rule that must look again where the prescan's offsets
    cannot be used (one automaton per tuple, built once)."""
    return sorted(start for _, start, _ in _literal_automaton(words).find_matches_as_indexes(text, overlapping=True))
