"""Calques: false friends and literal translations from the source language.

An MT system that maps French "bilan" to "balance" or Spanish "asistir a" to
"assist to" leaves English that is grammatical but wrong. Bare words are never
flagged ("actually" is normal English); each lexicon row is a collocation whose
English reading is clearly wrong. Lexicons: data/false_friends_<src>_en.tsv.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex

from ..lexicon import AnchorIndex, load_tsv
from ..registry import rule
from ..types import Hit
from .spinner import _spaces_match_runs, match_case

# source language -> lexicon file (English target text)
FALSE_FRIEND_LEXICONS = {"fr": "false_friends_fr_en.tsv", "es": "false_friends_es_en.tsv"}


@dataclass(frozen=True)
class FalseFriend:
    lang: str
    source_pattern: str  # as written in the lexicon: a space stands for a run of blanks
    replacement: Optional[str]  # template with \1 ...; None: no certain fix
    confidence: float
    meaning: str
    example: str

    @property
    def pattern(self) -> regex.Pattern:
        """The row's regex, compiled on first use (most documents hold no row's anchor)."""
        return _compile(self.source_pattern)

    def fix(self, m: regex.Match) -> Optional[str]:
        if self.replacement is None:
            return None
        return match_case(m.group(), m.expand(self.replacement))


@lru_cache(maxsize=None)
def _compile(pattern: str) -> regex.Pattern:
    return regex.compile(
        r"(?<![\p{L}\p{N}])(?:" + _spaces_match_runs(pattern) + r")(?![\p{L}\p{N}])", regex.I | regex.V0
    )


@lru_cache(maxsize=None)
def load_false_friends() -> tuple[FalseFriend, ...]:
    out = []
    for lang, name in FALSE_FRIEND_LEXICONS.items():
        for r in load_tsv(name, required=("pattern", "confidence", "meaning", "example", "source")):
            out.append(
                FalseFriend(
                    lang=lang,
                    source_pattern=r["pattern"],
                    replacement=r["replacement"] or None,
                    confidence=float(r["confidence"]),
                    meaning=r["meaning"],
                    example=r["example"],
                )
            )
    return tuple(out)


@lru_cache(maxsize=None)
def _false_friend_index() -> AnchorIndex:
    return AnchorIndex([ff.source_pattern for ff in load_false_friends()])


def _false_friend_anchors() -> list[str]:
    return _false_friend_index().anchors()


@rule(
    "CLQ001",
    "calque",
    "false friend or literal translation from French/Spanish in a context where the English reading is wrong",
    confidence=0.7,
    bad=[
        ("The government gave no balance of civilians.", None),
        ("The death balance rose to twelve.", "The death toll rose to twelve."),
        ("An important number of people fled.", "A large number of people fled."),
        ("Fans assisted to the match in the rain.", "Fans attended the match in the rain."),
        ("The rider was controlled positive twice.", "The rider tested positive twice."),
    ],
    good=[
        "He actually won the vote.",
        "The budget balance improved.",
        "It was a sensible decision.",
        "She assisted the doctor at the clinic.",
        "The doctor assisted at the birth.",
        "An important part of the plan was dropped.",
    ],
    anchors=_false_friend_anchors,
)
def false_friend(doc):
    # the same span can be a calque from several source languages: report it once
    by_span: dict[tuple[int, int], list[tuple[FalseFriend, regex.Match]]] = {}
    friends = load_false_friends()
    for i in _false_friend_index().candidates(doc.scan):
        ff = friends[i]
        if doc.source is not None and ff.lang != doc.source:
            continue  # the source language is known: only its false friends apply
        for m in ff.pattern.finditer(doc.text):
            by_span.setdefault((m.start(), m.end()), []).append((ff, m))
    for (start, end), found in sorted(by_span.items()):
        ff, m = max(found, key=lambda fm: fm[0].confidence)
        meanings = " / ".join(dict.fromkeys(f.meaning for f, _ in found))
        yield Hit(start, end, f"calque: {meanings}", ff.fix(m), ff.confidence)
