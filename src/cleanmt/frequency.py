"""wordfreq's zipf_frequency, with a fast path for plain lower-case ASCII words.

Why: `wordfreq.zipf_frequency` tokenizes its input on every call (~14 µs), which
dominates the cost of each word a document brings that was never seen before.
For a word of plain lower-case ASCII letters ([a-z]+) looked up in a list of
FAST_LISTS, tokenizing yields the word itself as its one token, so its value
depends only on its entry in `wordfreq.get_frequency_dict` (absent: 0.0). Each
frequency band's value is taken from wordfreq itself (`zipf_frequency` of one
plain word of the band), so wordfreq's own rounding applies.
tests/test_frequency.py proves the fast path equal to `zipf_frequency` over every
plain word of each list of FAST_LISTS, so a change in wordfreq is caught there.
"""
from __future__ import annotations

from functools import lru_cache

from wordfreq import get_frequency_dict, zipf_frequency

# (language, wordlist) pairs whose tokenizer leaves a plain [a-z]+ word whole, tested
# word by word: the English default list, and the small lists lexicon.small_list_zipf reads.
FAST_LISTS = frozenset({("en", "best")} | {(lang, "small") for lang in ("en", "fr", "es", "de", "it", "pt", "nl")})


def is_plain(word: str) -> bool:
    """[a-z]+: ASCII, letters only, and no capital."""
    return word.isascii() and word.isalpha() and word.islower()


@lru_cache(maxsize=None)
def _tables(lang: str, wordlist: str) -> tuple[dict[str, float], dict[float, float]]:
    """(word -> frequency, frequency -> zipf value) of one wordfreq list, the second only
    for frequencies that some plain word has (valued by wordfreq itself)."""
    freqs = get_frequency_dict(lang, wordlist)
    zipf_of: dict[float, float] = {}
    for w, f in freqs.items():
        if f not in zipf_of and is_plain(w):
            zipf_of[f] = zipf_frequency(w, lang, wordlist)
    return freqs, zipf_of


def zipf(word: str, lang: str = "en", wordlist: str = "best") -> float:
    """`wordfreq.zipf_frequency(word, lang, wordlist)` (default minimum)."""
    if (lang, wordlist) in FAST_LISTS and is_plain(word):
        freqs, zipf_of = _tables(lang, wordlist)
        f = freqs.get(word)
        return 0.0 if f is None else zipf_of[f]
    return zipf_frequency(word, lang, wordlist)
