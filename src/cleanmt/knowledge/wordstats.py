"""Word statistics across languages, from wordfreq: which words of a document belong to
another language than the document's own.

Two indexes, each built once from wordfreq's lists and cached in ~/.cache/cleanmt
(keyed by wordfreq's version; building takes about a second, reading it back 0.1 s):

- `foreign_words()`: words common in a source language (fr, es, de, it, pt, nl; wordfreq's
  small list, zipf >= FOREIGN_MIN) and rare in English (the large list, zipf < ENGLISH_MAX):
  what a translation into English should not keep ("kiezers", "frazione"). English's
  own loanwords ("rapprochement" 2.6, "kindergarten" 3.8, "zeitgeist" 2.8) are on the English
  list, which is the loanword test: a word English uses is English.
- `english_words(target)`: words common in English (zipf >= 4.0) and rare in French, Spanish
  or German (that language's large list, zipf < TARGET_MAX, at least ENGLISH_MARGIN below English):
  English left in a French text ("le summit"). The anglicisms the target's press uses
  ("week-end" fr 4.5, "start-up" fr 3.9, "Manager" de 4.5, "online" de 5.4) are on the
  target's list, so they are not candidates.

`document_words(doc)` gives a document's lower-case words at C speed (a bytes translation
of the scan text and a split), so that a rule intersects an index with them instead of
looking up every word of the document in Python.

Source: wordfreq (Robyn Speer; data CC BY-SA 4.0, code Apache 2.0), https://github.com/rspeer/wordfreq.
"""
from __future__ import annotations

import pickle
import re
import math
import os
import unicodedata
from functools import lru_cache
from importlib import metadata
from typing import NamedTuple, Optional

from ..frequency import zipf

SOURCE_LANGS = ("fr", "es", "de", "it", "pt", "nl")
TARGET_LANGS = ("fr", "es", "de")

# a word is kept if it is common in a source language and rare in English, or very common
# there and uncommon in English (what a foreign article before it may reveal: "el presidente")
FOREIGN_MIN, ENGLISH_MAX = 3.3, 1.5
FOREIGN_MIN_WITH_ARTICLE, ENGLISH_MAX_WITH_ARTICLE = 4.0, 3.0
TARGET_MAX = 3.0
ENGLISH_MIN = 3.5
ENGLISH_MARGIN = 1.0  # and at least this much commoner in English than in the target


class Foreign(NamedTuple):
    lang: str  # the source language where the word is commonest
    zipf: float  # its zipf there
    en: float  # its zipf in English (large list; 0.0 when absent)
    common_in: frozenset  # the source languages where its zipf >= FOREIGN_MIN_WITH_ARTICLE


class English(NamedTuple):
    en: float
    target: float


def _cache_file(name: str, ext: str = "tsv") -> str:
    from ..corpora import cache_dir

    return str(cache_dir() / f"{name}-wordfreq{metadata.version('wordfreq')}.{ext}")


def _write_pickle(path: str, obj) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = f"{path}.{os.getpid()}.tmp"
    with open(tmp, "wb") as f:
        pickle.dump(obj, f, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)


def _zipf_of(freq: float) -> float:
    return round(math.log10(freq) + 9, 2) if freq > 0 else 0.0


def _read(path: str):
    with open(path, encoding="utf-8") as f:
        for line in f:
            yield line.rstrip("\n").split("\t")


def _write(path: str, rows) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = f"{path}.{os.getpid()}.tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        for row in rows:
            f.write("\t".join(map(str, row)) + "\n")
    os.replace(tmp, path)


def _build_foreign() -> list[tuple[str, str, float, float]]:
    from wordfreq import get_frequency_dict

    en = get_frequency_dict("en", "best")
    best: dict[str, tuple[str, float]] = {}
    common: dict[str, list[str]] = {}
    for lang in SOURCE_LANGS:
        for word, freq in get_frequency_dict(lang, "small").items():
            z = _zipf_of(freq)
            if z >= FOREIGN_MIN and word.isalpha() and (word not in best or best[word][1] < z):
                best[word] = (lang, z)
            if z >= FOREIGN_MIN_WITH_ARTICLE:
                common.setdefault(word, []).append(lang)
    rows = []
    for word, (lang, z) in best.items():
        e = _zipf_of(en.get(word, 0.0))
        if (e < ENGLISH_MAX) or (z >= FOREIGN_MIN_WITH_ARTICLE and e < ENGLISH_MAX_WITH_ARTICLE and z - e >= 1.0):
            rows.append((word, lang, z, e, ",".join(common.get(word, ())) or "-"))
    return sorted(rows)


@lru_cache(maxsize=None)
def _foreign_table() -> dict[str, tuple]:
    """foreign_words() as plain tuples, read from this process's own cache file (a pickle
    of str, float and tuple only; about 0.1 s)."""
    path = _cache_file("foreign_words", "pickle")
    if not os.path.exists(path):
        table = {w.encode("utf-8"): (lang, z, e, tuple(langs.split(",")) if langs != "-" else ())
                 for w, lang, z, e, langs in _build_foreign()}
        _write_pickle(path, table)
        return table
    with open(path, "rb") as f:
        return pickle.load(f)


def foreign_words() -> dict[bytes, tuple]:
    """Lower-case word (UTF-8) -> (lang, zipf, English zipf, languages where common), for
    words common in a source language and rare in English; `foreign_info` names the fields."""
    return _foreign_table()


def foreign_info(word: str) -> Foreign:
    lang, z, e, langs = _foreign_table()[word.encode("utf-8")]
    return Foreign(lang, z, e, frozenset(langs))


@lru_cache(maxsize=None)
def foreign_keys() -> frozenset[bytes]:
    """foreign_words()'s keys, to intersect with document_words()."""
    return frozenset(foreign_words())


def _build_english(target: str) -> list[tuple[str, float, float]]:
    from wordfreq import get_frequency_dict

    tgt = get_frequency_dict(target, "best")
    rows = []
    for word, freq in get_frequency_dict("en", "small").items():
        e = _zipf_of(freq)
        if e < ENGLISH_MIN:
            continue
        t = _zipf_of(tgt.get(word, 0.0))
        if t < TARGET_MAX and e - t >= ENGLISH_MARGIN:
            rows.append((word, e, t))
    return sorted(rows)


@lru_cache(maxsize=None)
def english_words(target: str) -> dict[str, English]:
    """Lower-case word -> English, for words common in English and rare in `target`."""
    path = _cache_file(f"english_words_{target}")
    if not os.path.exists(path):
        _write(path, _build_english(target))
    return {w: English(float(e), float(t)) for w, e, t in _read(path)}


@lru_cache(maxsize=None)
def english_keys(target: str) -> frozenset[bytes]:
    return frozenset(w.encode("utf-8") for w in english_words(target))


def document_words(doc) -> list[bytes]:
    """The document's words in order, case-folded, as UTF-8 (split at every ASCII
    character but a letter: "l'école" gives "l" and "école"); computed once per
    document, at C speed. Rules intersect an index with it (`keys.intersection(words)`)
    rather than look words up one by one."""
    return doc.scan_words


_NON_ASCII = re.compile(rb"[\x80-\xff]+")


def accented_words(doc) -> list[str]:
    """The document's distinct words that hold a non-ASCII letter ("taïga")."""
    data = doc.scan_word_bytes
    if data.isascii():
        return []
    found = set()
    for m in _NON_ASCII.finditer(data):
        start = data.rfind(b" ", 0, m.start()) + 1
        end = data.find(b" ", m.end())
        found.add(data[start : end if end >= 0 else len(data)])
    return sorted(w.decode("utf-8", "replace") for w in found)


@lru_cache(maxsize=None)
def rare_foreign_keys() -> frozenset[bytes]:
    """The keys of the words English hardly uses (zipf < ENGLISH_MAX): a rule may flag
    them alone; the others only after an article of their language."""
    return frozenset(w for w, info in foreign_words().items() if info[2] < ENGLISH_MAX)


@lru_cache(maxsize=None)
def articles() -> dict[str, frozenset[str]]:
    """Article -> the source languages it is an article of (data/foreign_articles.tsv),
    those clearly commoner there than in English (1.0 zipf): "il", "el", "het", not "a"."""
    from ..anchor_cache import derived

    return derived("articles", _articles)  # (six wordfreq lists less to read at start-up)


def _articles() -> dict[str, frozenset[str]]:
    from ..lexicon import load_tsv

    out: dict[str, set] = {}
    for r in load_tsv("foreign_articles.tsv", required=("article", "lang", "source", "why")):
        if language_zipf(r["article"], r["lang"]) - english_zipf(r["article"]) >= 1.0:
            out.setdefault(r["article"], set()).add(r["lang"])
    return {a: frozenset(langs) for a, langs in out.items()}


@lru_cache(maxsize=None)
def _article_keys() -> dict[bytes, frozenset[str]]:
    return {a.encode("utf-8"): langs for a, langs in articles().items()}


@lru_cache(maxsize=None)
def _scan_keys() -> frozenset[bytes]:
    """What foreign_in looks for in a document's words: the index and the articles."""
    return foreign_keys() | frozenset(_article_keys())


@lru_cache(maxsize=None)
def _foreign_store():
    """foreign_words() read key by key from disk until a run has asked about enough
    words, then whole (keyed_store: a run over one small file asks about a few dozen)."""
    from .keyed_store import KeyedStore

    return KeyedStore(_cache_file("foreign_words", "sqlite"), _foreign_table)


def foreign_in(doc) -> list[str]:
    """The document's words that foreign_words() holds: those English hardly uses, and
    the others where an article of a language they are common in stands right before
    them in the scan text ("el presidente"). One lookup of the document's words."""
    words = document_words(doc)
    entries = _foreign_store().get_many(words)
    arts = _article_keys()
    present = arts.keys() & words  # the articles among them
    if not entries and not present:
        return []
    found = {w for w, info in entries.items() if info[2] < ENGLISH_MAX}  # rare_foreign_keys
    if present:
        scan = doc.scan_utf8
        for w in entries.keys() - found:
            langs = entries[w][3]
            if any(not arts[a].isdisjoint(langs) and b" " + a + b" " + w in scan for a in present):
                found.add(w)
    return sorted(t.decode("utf-8") for t in found) if found else []


def english_in(doc, target: str) -> list[str]:
    """The document's words that english_words(target) holds."""
    hits = english_keys(target).intersection(document_words(doc))
    return sorted(t.decode("utf-8") for t in hits) if hits else []


def strip_diacritics(word: str) -> str:
    """The word without its accents ("taïga" -> "taiga")."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def english_zipf(word: str) -> float:
    return zipf(word.lower(), "en")


def language_zipf(word: str, lang: str) -> float:
    """Zipf of a word in a language's small list (0.0 below 3.0), case-insensitive."""
    return zipf(word.lower(), lang, "small")
