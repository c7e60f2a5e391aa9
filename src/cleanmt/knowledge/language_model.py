"""An English trigram language model: how likely a word is in its local context.

The model is `en-us.lm.bin` from the `pocketsphinx` wheel (CMU Sphinx's general
English trigram model, BSD licence, 26 MB, memory-mapped: loading takes ~60 ms).
Rules use it to *confirm* a suspicion raised by a lexicon (is "the current mayor"
far likelier than "the actual mayor"?), never to raise one: a trigram model prefers
frequent words everywhere, so it can only arbitrate between listed alternatives.
"""
from __future__ import annotations

import os
import re
from functools import cache
from typing import Optional, Sequence

# words as the model knows them: lower case, apostrophes inside
_TOKEN = re.compile(r"[a-z]+(?:['’][a-z]+)*|[0-9]+|[^\sa-z0-9]")
_BOUNDARY = frozenset(".!?;:\n")
CONTEXT = 2  # words on each side: what a trigram model can see of a word's context


@cache
def model():
    """The pocketsphinx NGramModel, or None when pocketsphinx is not installed."""
    try:
        import pocketsphinx
    except ImportError:
        return None
    path = os.path.join(pocketsphinx.get_model_path(), "en-us", "en-us.lm.bin")
    return pocketsphinx.NGramModel.readfile(path)


def tokens(text: str) -> list[str]:
    return [t.replace("’", "'") for t in _TOKEN.findall(text.lower())]


def _logprob(lm, seq: Sequence[str], start: int) -> int:
    """Log probability (pocketsphinx's integer log base 1.0001) of seq[start:] given
    what comes before it, word by word."""
    total = 0
    for i in range(start, len(seq)):
        total += lm.prob(seq[max(0, i - 2) : i + 1][::-1])  # the word first, then its history
    return total


def context_gains(left: str, word: str, right: str, candidates: Sequence[str]) -> Optional[dict[str, int]]:
    """How much likelier the context becomes when each candidate stands for `word`:
    log P(candidate, right | left) - log P(word, right | left), over CONTEXT words on
    each side (cut at a sentence boundary). In log base 1.0001: 23,026 is ten times
    likelier. None when no model is installed."""
    lm = model()
    if lm is None:
        return None
    before, after = _window(left, right)
    base = _logprob(lm, before + tokens(word) + after, len(before))
    return {c: _logprob(lm, before + tokens(c) + after, len(before)) - base for c in candidates}


def _window(left: str, right: str) -> tuple[list[str], list[str]]:
    """The CONTEXT tokens before and after a slot, cut at a sentence boundary (marked
    <s> and </s>, as the model was trained)."""
    before = tokens(left)
    cut = max((i for i, t in enumerate(before) if t in _BOUNDARY), default=-1)
    before = (["<s>"] if cut >= 0 or len(before) < CONTEXT else []) + before[cut + 1 :]
    before = before[-CONTEXT:]
    after = tokens(right)
    stop = next((i for i, t in enumerate(after) if t in _BOUNDARY), None)
    after = after[:stop][:CONTEXT] + (["</s>"] if stop is not None and stop < CONTEXT else [])
    return before, after


def text_tokens(text: str) -> list[tuple[str, int, int]]:
    """(token, start, end) for each token of a whole text, as `tokens` reads it: one pass,
    so that a check of many slots does not read each one's context again."""
    return [(m.group().lower().replace("’", "'"), m.start(), m.end()) for m in _TOKEN_ANY_CASE.finditer(text)]


_TOKEN_ANY_CASE = re.compile(_TOKEN.pattern, re.I)


def window_at(text: str, toks: list[tuple[str, int, int]], i: int) -> tuple[list[str], list[str]]:
    """The CONTEXT tokens before and after token i of `text_tokens(text)`, cut at a
    sentence boundary, a line break or the text's end (marked <s> and </s>, as the
    model was trained)."""
    before: list[str] = []
    j = i - 1
    while j >= 0 and len(before) < CONTEXT:
        t, _, end = toks[j]
        if t in _BOUNDARY or "\n" in text[end : toks[j + 1][1]]:
            break
        before.append(t)
        j -= 1
    if len(before) < CONTEXT:
        before.append("<s>")
    after: list[str] = []
    j = i + 1
    while len(after) < CONTEXT:
        if j >= len(toks) or toks[j][0] in _BOUNDARY or "\n" in text[toks[j - 1][2] : toks[j][1]]:
            after.append("</s>")
            break
        after.append(toks[j][0])
        j += 1
    return before[::-1], after


def best_substitute(
    before: Sequence[str], word: str, after: Sequence[str], candidates: Sequence[tuple[str, float]], floor: float
) -> Optional[tuple[float, str]]:
    """(score, x) for the one-token candidate x that makes the window (window_at) likeliest
    against `word`, scored as the log10 gain less the candidate's own penalty (log10),
    if it reaches `floor`; None otherwise or when no model is installed. Each of the
    window's terms is a log probability, at most 0, so a candidate whose terms so far
    cannot reach the floor (or the best so far) is dropped before the rest are asked
    for: the same answer for about half the model's calls."""
    lm = model()
    if lm is None:
        return None
    hist = list(before[::-1])  # the model reads a word, then its history nearest first
    tail = [list(after[: i + 1][::-1]) for i in range(len(after))]  # each later token, then what precedes it
    base = lm.prob([word] + hist) + sum(lm.prob((t + [word] + hist)[:3]) for t in tail)
    best: Optional[tuple[float, str]] = None
    for x, penalty in candidates:
        need = (max(floor, best[0]) if best else floor) + penalty  # log10 gain x must reach
        total = lm.prob([x] + hist)
        for t in tail:
            if (total - base) / 23025.85 < need:
                break
            total += lm.prob((t + [x] + hist)[:3])
        else:
            score = (total - base) / 23025.85 - penalty
            if score >= (max(floor, best[0]) if best else floor):
                best = (score, x)
    return best


def fit(before: Sequence[str], word: str, after: Sequence[str]) -> float:
    """How well the model pairs `word` with the word on either side of its window: the
    larger log10 PMI, log P(word | before) - log P(word) or log P(after | word) -
    log P(after); 0 at a sentence boundary or a non-word, and when no model is installed."""
    lm = model()
    if lm is None:
        return 0.0
    best = 0.0
    if before and before[-1].isalpha():
        best = (lm.prob([word, before[-1]]) - lm.prob([word])) / 23025.85
    if after and after[0].isalpha():
        best = max(best, (lm.prob([after[0], word]) - lm.prob([after[0]])) / 23025.85)
    return best


_OOV = -536870912  # the log probability pocketsphinx gives a word it does not know
_US_SPELLING = ((re.compile(r"is(e|ed|es|ing|ation|ations)$"), r"iz\1"), (re.compile(r"our(s|ed|ing)?$"), r"or\1"))


def model_spelling(word: str) -> Optional[str]:
    """`word` as the (US English) model knows it: itself, its -ize/-or spelling
    ("localised" → "localized"), or None when the model knows neither (a gain
    measured against an unknown word means nothing)."""
    lm = model()
    if lm is None:
        return None
    forms = [word] + [rx.sub(rep, word) for rx, rep in _US_SPELLING if rx.search(word)]
    for form in forms:
        if all(lm.prob([t]) > _OOV for t in tokens(form)):
            return form
    return None


def logp(word: str) -> float:
    """log10 of the model's unigram probability of `word` (one token); about -53,700
    for a word it does not know (and when no model is installed)."""
    lm = model()
    return (lm.prob([word]) if lm is not None else _OOV) / 23025.85


def known(word: str) -> bool:
    """Whether the model has `word` (one token) in its vocabulary."""
    lm = model()
    return lm is not None and lm.prob([word]) > _OOV
