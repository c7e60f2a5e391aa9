"""Single-word spinner swaps found in context: a word whose thesaurus neighbour the
n-gram model finds far likelier where the word stands.

A spinner replaces a word x by an entry y of x's thesaurus list. Read as a noisy
channel, the odds that an observed y was spun from x are

    P(context | x) P(x) / P(context | y) P(y)  *  1 / |list of x|   (times the spin rate)

the first factor from the trigram model (language_model.context_gains: the window of
two words on each side, with y replaced by x), the second the chance that the spinner
picked y among x's entries. `odds` is its log10, without the spin rate: the rule runs
only in documents that show spinner evidence, where the rate is high, and its threshold
stands for that prior.

Candidates x are the Moby neighbours of y that list y back (a spinner's pick is in the
list of the word it replaced), in y's own inflection ("harms" -> "damages" through
"harm"/"damage"), content words the model knows. A word that the model pairs with a
neighbour more than chance allows (PMI >= MAX_FIT with the word before or after it) is
where it belongs and is not tried: the check is for words in an unusual trigram.

The trigram model prefers frequent words everywhere; the list-size factor and the
thresholds were set on WordNet swaps injected into the first half of lee (the rules'
false-positive half) and are measured on the second half
(benchmarks/spinner_synthetic.py).
"""
from __future__ import annotations

import math
from functools import lru_cache

import regex

from . import language_model, thesaurus
from .swap_index import _SUFFIXES, _inflect, STOP

MIN_ODDS = 3.5  # log10 odds (see above) from which a swap is reported: precision 0.75 below it, 0.96 above (lee's first half)
MAX_FIT = 0.5  # log10 PMI of a word with its neighbour: a word the model pairs this well is left alone
MIN_LENGTH = 3
_LOG10 = 23025.85  # pocketsphinx log units per factor of ten
_WORD = regex.compile(r"(?<![\p{L}\p{N}'’\-])\p{Ll}+(?![\p{L}\p{N}\-]|['’]\p{L})")


class _Known(dict):
    """The model's vocabulary as `_inflect` asks for it (`form in known`)."""

    def __contains__(self, word) -> bool:
        return language_model.known(word)


def _lemmas(word: str) -> list[tuple[str, str | None]]:
    """(Moby root, the inflection that turns it into `word`) for the word itself and the
    bases an inflectional suffix leaves ("damages" -> ("damage", "s"))."""
    moby = thesaurus.thesaurus()
    out = [(word, None)] if word in moby else []
    for suf, rep in _SUFFIXES:
        if word.endswith(suf) and len(word) > len(suf) + 2:
            base = word[: -len(suf)] + rep
            if base in moby:
                out.append((base, {"ies": "s", "es": "s"}.get(suf, suf)))
    return out


@lru_cache(maxsize=65536)
def related(word: str) -> frozenset:
    """The union of the Moby lists of the word and of its bases."""
    moby = thesaurus.thesaurus()
    return frozenset(y for base, _ in _lemmas(word) for y in moby.get(base, ()))


@lru_cache(maxsize=65536)
def candidates(word: str) -> tuple[tuple[str, float], ...]:
    """(x, log10 of the size of x's list) for each word x that `word` may have been spun
    from: a single-word Moby neighbour, in the word's inflection, that lists the word (or
    its base) back, a content word that the model knows."""
    lemmas = _lemmas(word)
    bases = {base for base, _ in lemmas} | {word}
    known = _Known()
    out: dict[str, float] = {}
    for base, suffix in lemmas:
        for y in thesaurus.thesaurus().get(base, ()):
            if not y.isalpha() or y == base or y in STOP:
                continue
            x = y if suffix is None else _inflect(y, suffix, known)
            if not x or x == word or x in STOP or x in out or not language_model.known(x):
                continue
            listed = related(x)
            if listed and not bases.isdisjoint(listed):
                out[x] = math.log10(len(listed))
    return tuple(out.items())


def find(text: str):
    """(start, end, word, x, odds) for each lower-case word of `text` whose best candidate
    x reaches MIN_ODDS."""
    if language_model.model() is None or not thesaurus.thesaurus():
        return
    for m in _WORD.finditer(text):
        word = m.group()
        if len(word) < MIN_LENGTH or word in STOP or not language_model.known(word):
            continue
        left, right = text[max(0, m.start() - 60) : m.start()], text[m.end() : m.end() + 60]
        if language_model.fit(left, word, right) >= MAX_FIT:
            continue
        cands = candidates(word)
        if not cands:
            continue
        gains = language_model.context_gains(left, word, right, [x for x, _ in cands])
        odds, best = max((gains[x] / _LOG10 - size, x) for x, size in cands)
        if odds >= MIN_ODDS:
            yield m.start(), m.end(), word, best, odds
