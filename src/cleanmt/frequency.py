"""wordfreq's zipf_frequency, with a fast path for plain lower-case ASCII words.

Why: `wordfreq.zipf_frequency` tokenizes its input on every call (~14 µs), which
dominates the cost of each word a document brings that was never seen before.
For a word of plain lower-case ASCII letters ([a-z]+) in a language listed in
FAST_LANGS, tokenizing yields the word itself as its one token, so its value
depends only on its entry in `wordfreq.get_frequency_dict` (absent: 0.0). Each
frequency band's value is taken from wordfreq itself (`zipf_frequency` of one
plain word of the band), so wordfreq's own rounding applies.
tests/test_frequency.py proves the fast path equal to `zipf_frequency` over every
plain word of each FAST_LANGS list, so a change in wordfreq is caught there.
"""
from __future__ import annotations

from functools import lru_cache

from wordfreq import get_frequency_dict, zipf_frequency

# Languages whose tokenizer leaves a plain [a-z]+ word whole (tested word by word).
FAST_LANGS = frozenset({"en"})


def is_plain(word: str) -> bool:
    """[a-z]+: ASCII, letters only, and no capital."""
    return word.isascii() and word.isalpha() and word.islower()


@lru_cache(maxsize=None)
def _tables(lang: str) -> tuple[dict[str, float], dict[float, float]]:
    """(word -> frequency, frequency -> zipf value) of the "best" list of `lang`, the
    second only for frequencies that some plain word has (valued by wordfreq itself)."""
    freqs = get_frequency_dict(lang, "best")
    zipf_of: dict[float, float] = {}
    for w, f in freqs.items():
        if f not in zipf_of and is_plain(w):
            zipf_of[f] = zipf_frequency(w, lang)
    return freqs, zipf_of


def zipf(word: str, lang: str = "en") -> float:
    """`wordfreq.zipf_frequency(word, lang)` (default wordlist and minimum)."""
    if lang in FAST_LANGS and is_plain(word):
        freqs, zipf_of = _tables(lang)
        f = freqs.get(word)
        return 0.0 if f is None else zipf_of[f]
    return zipf_frequency(word, lang)
