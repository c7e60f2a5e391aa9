"""wordfreq's zipf_frequency, with a fast path for plain lower-case ASCII words.

Why: `wordfreq.zipf_frequency` tokenizes its input on every call (~14 µs), which
dominates the cost of each word a document brings that was never seen before.
For a word of plain lower-case ASCII letters ([a-z]+) looked up in a list of
FAST_LISTS, tokenizing yields the word itself as its one token, so its value
depends only on its entry in `wordfreq.get_frequency_dict` (absent: 0.0). Each
frequency band's value is taken from wordfreq itself (`zipf_frequency` of the
first plain word of the band looked up), so wordfreq's own rounding applies.
tests/test_frequency.py proves the fast path equal to `zipf_frequency` over every
plain word of each list of FAST_LISTS, so a change in wordfreq is caught there.
"""
from __future__ import annotations

from functools import lru_cache

# (language, wordlist) pairs whose tokenizer leaves a plain [a-z]+ word whole, tested
# word by word: the English default list, and the small lists lexicon.small_list_zipf reads.
FAST_LISTS = frozenset({("en", "best")} | {(lang, "small") for lang in ("en", "fr", "es", "de", "it", "pt", "nl")})


def zipf_frequency(word: str, lang: str, wordlist: str = "best", minimum: float = 0.0) -> float:
    """`wordfreq.zipf_frequency`, imported on the first call (wordfreq and langcodes cost
    a tenth of a second to import, which a run whose rules look up no word need not pay);
    the module's name is then bound to wordfreq's own function."""
    global zipf_frequency
    from wordfreq import zipf_frequency as real

    if zipf_frequency is _lazy_zipf_frequency:  # (not if a test has put another in its place)
        zipf_frequency = real
    return real(word, lang, wordlist, minimum)


_lazy_zipf_frequency = zipf_frequency


def is_plain(word: str) -> bool:
    """[a-z]+: ASCII, letters only, and no capital."""
    return word.isascii() and word.isalpha() and word.islower()


# the lists loaded whole: (lang, wordlist) -> _tables' value (a process-wide cache of
# reference data, like lru_cache; no document state)
_LOADED: dict[tuple[str, str], tuple[dict[str, float], dict[float, float]]] = {}
# plain words of a list looked up on disk (_stored_zipf) before the list is loaded whole:
# a run over one small file asks about a few dozen (each ~10 µs from SQLite), and loading
# wordfreq and its English list costs ~0.15 s; a corpus passes this within a document or two
STORED_LOOKUPS = 2000
_ASKED: dict[tuple[str, str], int] = {}


@lru_cache(maxsize=None)
def _tables(lang: str, wordlist: str) -> tuple[dict[str, float], dict[float, float]]:
    """(word -> frequency, frequency -> zipf value) of one wordfreq list. The second is
    filled as words are looked up: a frequency's value is wordfreq's for the first plain
    word met with it (every plain word of a frequency has the same value: see the tests),
    which spares each process a walk over the whole list at start-up."""
    from wordfreq import get_frequency_dict

    tables = _LOADED[(lang, wordlist)] = (get_frequency_dict(lang, wordlist), {})
    return tables


def zipf(word: str, lang: str = "en", wordlist: str = "best") -> float:
    """`wordfreq.zipf_frequency(word, lang, wordlist)` (default minimum)."""
    if (lang, wordlist) in FAST_LISTS and is_plain(word):
        tables = _LOADED.get((lang, wordlist))
        if tables is None:
            return _stored_zipf(word, lang, wordlist)
        freqs, zipf_of = tables
        f = freqs.get(word)
        if f is None:
            return 0.0
        value = zipf_of.get(f)
        if value is None:
            value = zipf_of[f] = zipf_frequency(word, lang, wordlist)
        return value
    return zipf_frequency(word, lang, wordlist)


def _stored_zipf(word: str, lang: str, wordlist: str) -> float:
    """The fast path's answer for a plain word, read from an SQLite copy of the list's
    plain words and their values (knowledge/keyed_store.py), until STORED_LOOKUPS words
    were asked; then the list is loaded whole (the same values: tests/test_frequency.py)."""
    key = (lang, wordlist)
    asked = _ASKED[key] = _ASKED.get(key, 0) + 1
    if asked > STORED_LOOKUPS:
        _tables(lang, wordlist)
        return zipf(word, lang, wordlist)
    return _store(lang, wordlist).get_many((word,)).get(word, 0.0)


@lru_cache(maxsize=None)
def _store(lang: str, wordlist: str):
    from importlib import metadata

    from .corpora import cache_dir
    from .knowledge.keyed_store import KeyedStore

    path = cache_dir() / f"zipf-{lang}-{wordlist}-wordfreq{metadata.version('wordfreq')}-v1.sqlite"
    return KeyedStore(path, lambda: _plain_values(lang, wordlist), load_after=float("inf"), register=False)


def load_asked() -> None:
    """Load whole every list asked about so far: worker processes forked after this
    (Cleaner.warm) inherit them instead of each loading its own."""
    for lang, wordlist in list(_ASKED):
        _tables(lang, wordlist)


def _plain_values(lang: str, wordlist: str) -> dict[str, float]:
    """Every plain word of the list -> its zipf value (what the SQLite copy holds)."""
    freqs, _ = _tables(lang, wordlist)
    return {w: zipf(w, lang, wordlist) for w in freqs if is_plain(w)}


def stored_zipf(word: str, lang: str, floor: float) -> float:
    """wordfreq's zipf of a word of letters only in `lang`'s large list when it is at
    least `floor`, else 0.0; read from an SQLite copy of the list's words at `floor` or
    above, never from the whole list: for a rule that asks about a few words of a
    language whose list it need not hold (German's: 70 MB and 0.4 s to load). The key
    is case-folded as wordfreq folds it ("Straße" is "strasse"); tests/test_frequency.py
    compares it with zipf_frequency."""
    return stored_zipfs((word,), lang, floor).get(word, 0.0)


def stored_zipfs(words, lang: str, floor: float) -> dict[str, float]:
    """{word: stored_zipf(word, lang, floor)} for the words at `floor` or above, in one query."""
    keys = {w: w.casefold() for w in words}
    found = _floor_store(lang, floor).get_many(set(keys.values()))
    return {w: found[k] for w, k in keys.items() if k in found}


@lru_cache(maxsize=None)
def _floor_store(lang: str, floor: float):
    from importlib import metadata

    from .corpora import cache_dir
    from .knowledge.keyed_store import KeyedStore

    def load() -> dict[str, float]:
        import math

        from wordfreq import get_frequency_dict

        out = {}
        for w, f in get_frequency_dict(lang, "best").items():
            if w.isalpha() and math.log10(f) + 9 >= floor - 0.1:  # (wordfreq rounds: keep a margin)
                z = zipf_frequency(w, lang)
                if z >= floor:
                    out[w] = z
        return out

    path = cache_dir() / f"zipf-{lang}-best-from{floor}-wordfreq{metadata.version('wordfreq')}-v1.sqlite"
    return KeyedStore(path, load, load_after=float("inf"), register=False)
