"""Lexicons are data files, not Python literals (LanguageTool-style).

Each file in `cleanmt/data/` is tab-separated: lines starting with "#" are
comments, the first other line names the columns, and every entry must say
where it comes from or why it is there (a `source` column), so that a
reviewer can check each one.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from .frequency import zipf


class LexiconError(ValueError):
    pass


@lru_cache(maxsize=None)
def load_tsv(name: str, required: tuple[str, ...] = ("source",)) -> tuple[dict, ...]:
    """Read `cleanmt/data/<name>` into a tuple of dicts keyed by column name."""
    text = resources.files("cleanmt").joinpath("data", name).read_text(encoding="utf-8")
    rows: list[dict] = []
    header: list[str] | None = None
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            missing = [c for c in required if c not in header]
            if missing:
                raise LexiconError(f"{name}: header lacks column(s) {missing}")
            continue
        if len(cells) != len(header):
            raise LexiconError(f"{name}:{lineno}: expected {len(header)} columns, got {len(cells)}")
        row = dict(zip(header, cells))
        for c in required:
            if not row[c]:
                raise LexiconError(f"{name}:{lineno}: empty {c!r}")
        rows.append(row)
    return tuple(rows)


# Romanian (and Turkish) s and t are written with a comma below or, in legacy fonts, a
# cedilla; wordfreq lists the comma-below ones for Romanian and reads both alike
CEDILLA_TO_COMMA = str.maketrans("şţŞŢ", "șțȘȚ")
COMMA_TO_CEDILLA = str.maketrans("șțȘȚ", "şţŞŢ")


def small_list_zipf(word: str, lang: str) -> float:
    """Zipf frequency of `word` from wordfreq's small list for `lang` (its ~30,000
    commonest words, zipf 3.0 and up, with the large list's values). For the question
    "is it a common word of that language" (zipf >= 3.0) it answers as the large list
    does, but for words sitting exactly on 3.0; it loads in 10 ms instead of about
    150, and a large list holds ~40 MB in every process that reads it."""
    return zipf(word, lang, "small")  # wordfreq's value; fast for [a-z]+ (tests/test_frequency.py)


# -- prefiltering a lexicon of patterns ------------------------------------------------
#
# Most text holds none of a lexicon's phrases. Rather than run every entry's
# regex over every document, each entry gets *anchors*: literal strings, one of
# which every match of the entry contains ("tear fuel"; see anchors.py). The anchors
# join the engine's one Aho-Corasick pass over the document (prescan); only where
# one occurs does the rule look up which entries' regexes to run.

class AnchorIndex:
    """Which of a list of patterns can match a text, found in one C-speed pass.

    `patterns` are the lexicon's patterns as written, a space standing for a run of
    blanks; they are matched case-insensitively. Texts given to `candidates` must be
    scan text (`prescan.scan_text`: case-folded, blanks squeezed)."""

    def __init__(self, patterns: list[str]):
        import ahocorasick_rs

        from .anchors import anchor_set

        self.always: list[int] = []
        by_anchor: dict[str, list[int]] = {}
        for i, pat in enumerate(patterns):
            strings = anchor_set(pat)
            if strings is None:
                self.always.append(i)
                continue
            for anchor in strings:
                by_anchor.setdefault(anchor, []).append(i)
        self._anchors = sorted(by_anchor)
        self._entries = [tuple(by_anchor[a]) for a in self._anchors]
        self._dfa = ahocorasick_rs.AhoCorasick(self._anchors) if self._anchors else None

    def anchors(self) -> list[str]:
        """Every anchor, for the engine's prescan; raises if some pattern has none
        (the rule must then run on every document, so it cannot be anchored)."""
        if self.always:
            raise ValueError(f"patterns without an anchor: {self.always}")
        return list(self._anchors)

    def candidates(self, scan: str) -> list[int]:
        """Indices of the patterns that may match (sorted); `scan` is scan text."""
        hits = set(self.always)
        if self._dfa is not None:
            for k, _, _ in self._dfa.find_matches_as_indexes(scan, overlapping=True):
                hits.update(self._entries[k])
        return sorted(hits)
