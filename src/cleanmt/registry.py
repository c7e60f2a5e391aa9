"""The rule registry: every rule has a stable id, a category, a description,
a default confidence and examples that double as tests (LanguageTool-style).

A rule is a function `check(doc) -> Iterable[Hit]` registered with `@rule(...)`.
`bad` examples are pairs (text, expected): the rule must flag `text`, and fixing
it with this rule alone must give `expected` (None: flagged, no safe fix).
`good` examples are near-misses the rule must leave alone.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterable, Optional, Union

import regex

from .types import CATEGORIES, Hit

CheckFn = Callable[["object"], Iterable[Hit]]

PREFIXES = {
    "spinner": "SPN",
    "quotes": "QUO",
    "punctuation": "PUN",
    "transliteration": "TRL",
    "casing": "CAS",
    "calque": "CLQ",
    "untranslated": "UNT",
    "encoding": "ENC",
    "boilerplate": "BLP",
}


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    name: str
    description: str
    confidence: float
    check: CheckFn
    bad: tuple[tuple[str, Optional[str]], ...] = ()
    good: tuple[str, ...] = ()
    langs: tuple[str, ...] = ("en",)
    trigger: Optional["regex.Pattern"] = None
    # zero-argument callable giving the rule's anchors (see `rule`), or None
    anchors: Optional[Callable[[], Iterable[str]]] = None
    exact_anchors: Optional[Callable[[], Iterable[str]]] = None
    gate: Optional[Callable[["object"], bool]] = None
    anchored: bool = field(init=False)  # has anchors of either kind

    def __post_init__(self):
        object.__setattr__(self, "anchored", self.anchors is not None or self.exact_anchors is not None)

    def may_fire(self, doc) -> bool:
        """Cheap prefilters, cheapest first: a rule cannot fire on a document where
        none of its anchors occurs, where its trigger misses, or that its gate rejects."""
        if self.anchored and not doc.anchored(self.id):
            return False
        return self.passes_gates(doc)

    def passes_gates(self, doc) -> bool:
        """`may_fire` past the anchor test (for the engine, which has made that test
        for all rules at once)."""
        if self.trigger is not None and self.trigger.search(doc.text) is None:
            return False
        return self.gate is None or self.gate(doc)

    @property
    def location(self) -> str:
        """Where the rule is defined, "src/cleanmt/rules/casing.py:566" (its check
        function's first line, relative to the package's parent when it is inside it)."""
        import inspect
        from pathlib import Path

        fn = inspect.unwrap(self.check)
        path = Path(inspect.getsourcefile(fn) or fn.__code__.co_filename).resolve()
        root = Path(__file__).resolve().parent.parent.parent
        try:
            path = path.relative_to(root)
        except ValueError:
            pass
        return f"{path}:{fn.__code__.co_firstlineno}"

    @property
    def example(self) -> str:
        """One example for the rule table: the first bad example and its fix."""
        if not self.bad:
            return ""
        text, fixed = self.bad[0]
        return f"{text!r} -> {fixed!r}" if fixed is not None else f"{text!r} (flagged, no safe fix)"


_RULES: dict[str, Rule] = {}


def rule(
    id: str,
    category: str,
    description: str,
    *,
    confidence: float,
    bad: Iterable[tuple[str, Optional[str]]] = (),
    good: Iterable[str] = (),
    langs: Iterable[str] = ("en",),
    trigger: Optional[str] = None,
    anchors: Union[Iterable[str], Callable[[], Iterable[str]], None] = None,
    exact_anchors: Union[Iterable[str], Callable[[], Iterable[str]], None] = None,
    gate: Optional[Callable[["object"], bool]] = None,
) -> Callable[[CheckFn], CheckFn]:
    """Register a rule. The id must carry its category's prefix (SPN001 → spinner).

    Most text has no artifact, so each rule should say cheaply where it cannot fire:

    - `anchors`: literal strings, one of which occurs in every text the rule can
      flag, matched against the document's scan text (lower-cased, tabs and
      no-break spaces read as spaces, runs of spaces as one: see `prescan`). The
      anchors of all rules go into one Aho-Corasick automaton, so one C-speed pass
      per document decides for every rule at once. A callable is called once, on
      first use (for anchors taken from a lexicon).
    - `exact_anchors`: the same, matched case-sensitively against the text itself
      (" Von " for a capitalised particle); a rule may have both kinds.
    - `trigger`: a regex that matches somewhere in every text the rule can flag.
    - `gate`: a function of the Document, for a condition that is not a literal
      (it may use the Document's shared, cached facts, such as `anchor_hits`).
    """
    if category not in CATEGORIES:
        raise ValueError(f"unknown category {category!r}")
    if not id.startswith(PREFIXES[category]) or not id[3:].isdigit() or len(id) != 6:
        raise ValueError(f"rule id {id!r} must be {PREFIXES[category]}NNN")

    def decorate(fn: CheckFn) -> CheckFn:
        if id in _RULES and _RULES[id].check is not fn:
            raise ValueError(f"duplicate rule id {id}")
        _RULES[id] = Rule(
            id=id,
            category=category,
            name=fn.__name__,
            description=description,
            confidence=confidence,
            check=fn,
            bad=tuple(bad),
            good=tuple(good),
            langs=tuple(langs),
            trigger=regex.compile(trigger) if trigger else None,
            anchors=_anchor_loader(anchors),
            exact_anchors=_anchor_loader(exact_anchors),
            gate=gate,
        )
        return fn

    return decorate


def _anchor_loader(anchors) -> Optional[Callable[[], Iterable[str]]]:
    if anchors is None or callable(anchors):
        return anchors
    fixed = tuple(anchors)
    return lambda: fixed


def all_rules() -> list[Rule]:
    """Every registered rule, ordered by id."""
    from . import rules  # noqa: F401  (importing registers the rules)

    return [_RULES[k] for k in sorted(_RULES)]


def default_scanner(lang: Optional[str] = None):
    """The prescan of every registered rule that runs for `lang` (None: every rule), for
    a Document made without one (tests, benchmarks); the engine builds its own."""
    all_rules()  # (registers the rules on first use)
    return _default_scanner(lang, len(_RULES))


@lru_cache(maxsize=16)
def _default_scanner(lang: Optional[str], n_rules: int):
    # keyed by the number of rules too: a rule registered later gets a new scanner
    from .prescan import scanner

    return scanner(tuple(r for r in all_rules() if r.anchored and (lang is None or lang in r.langs)))


def select_rules(
    select: Optional[Iterable[str]] = None, ignore: Optional[Iterable[str]] = None
) -> list[Rule]:
    """Pick rules ruff-style: each selector is a rule id, an id prefix
    (``SPN``, ``QUO00``) or a category name (``spinner``). ``ALL`` selects all."""
    rules = all_rules()
    sel = [s.strip() for s in (select or ["ALL"]) if s.strip()]
    ign = [s.strip() for s in (ignore or []) if s.strip()]
    for s in sel + ign:
        _check_selector(s, rules)
    chosen = [r for r in rules if any(_matches(r, s) for s in sel)]
    return [r for r in chosen if not any(_matches(r, s) for s in ign)]


def _matches(r: Rule, selector: str) -> bool:
    s = selector
    if s.upper() == "ALL":
        return True
    if s.lower() == r.category:
        return True
    return r.id.startswith(s.upper())


def _check_selector(s: str, rules: list[Rule]) -> None:
    if not any(_matches(r, s) for r in rules):
        known = ", ".join(sorted(PREFIXES)) 
        raise ValueError(
            f"unknown rule selector {s!r} (use a rule id such as SPN001, a prefix such as QUO, "
            f"a category ({known}) or ALL)"
        )
