"""The hint for a text checked with the default `--lang en` that is not English.

The English rules misread French text (some of its words flagged as untranslated,
its typography left alone or taken for errors), and nothing says why. A cheap test runs first on every document: the
share of its first words that are among the 40 most frequent words of French,
Spanish or German (wordfreq's small lists) and not of English; only a document that
passes it is given to langdetect, whose verdict (the one `--lang auto` uses)
decides.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .lang import SUPPORTED, LanguageGuess, detect_language

TOP_N = 40  # the most frequent words of each language: function words, mostly
SAMPLE_CHARS = 3000
MIN_SHARE = 0.15  # the share of sampled words that must be another language's frequent words
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=None)
def _frequent(lang: str) -> frozenset:
    from wordfreq import top_n_list

    return frozenset(top_n_list(lang, TOP_N, wordlist="small"))  # the same top words; 1/15 of the load time


def foreign_language(text: str) -> Optional[LanguageGuess]:
    """The language `text` is in when it is clearly a supported one other than English, else None."""
    words = _WORD.findall(text[:SAMPLE_CHARS].lower())
    if len(words) < 30:
        return None
    english = _frequent("en")
    best, share = None, 0.0
    for lang in SUPPORTED:
        if lang == "en":
            continue
        own = _frequent(lang) - english
        s = sum(w in own for w in words) / len(words)
        if s > share:
            best, share = lang, s
    if best is None or share < MIN_SHARE or sum(w in english for w in words) / len(words) > share:
        return None
    guess = detect_language(text)
    return guess if guess.code != "en" and guess.code in SUPPORTED else None
