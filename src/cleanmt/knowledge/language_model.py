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
    before = tokens(left)
    cut = max((i for i, t in enumerate(before) if t in _BOUNDARY), default=-1)
    before = (["<s>"] if cut >= 0 or len(before) < CONTEXT else []) + before[cut + 1 :]
    before = before[-CONTEXT:]
    after = tokens(right)
    stop = next((i for i, t in enumerate(after) if t in _BOUNDARY), None)
    after = after[:stop][:CONTEXT] + (["</s>"] if stop is not None and stop < CONTEXT else [])
    base = _logprob(lm, before + tokens(word) + after, len(before))
    return {c: _logprob(lm, before + tokens(c) + after, len(before)) - base for c in candidates}


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


def known(word: str) -> bool:
    """Whether the model has `word` (one token) in its vocabulary."""
    lm = model()
    return lm is not None and lm.prob([word]) > _OOV


def fit(left: str, word: str, right: str) -> float:
    """How well the model pairs `word` with the word on either side: the larger log10
    PMI, log P(word | before) - log P(word) or log P(after | word) - log P(after); 0 at
    a sentence boundary or a non-word, and when no model is installed."""
    lm = model()
    if lm is None:
        return 0.0
    before, after = tokens(left)[-1:], tokens(right)[:1]
    best = 0.0 if not before or not before[0].isalpha() else (lm.prob([word] + before) - lm.prob([word])) / 23025.85
    if after and after[0].isalpha():
        best = max(best, (lm.prob(after + [word]) - lm.prob(after)) / 23025.85)
    return best
