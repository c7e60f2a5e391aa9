"""International and regional bodies (and terms written as acronyms) in each language's press.

The table (data/organisations.tsv) has one row per body, language and form: the form
that language's press writes (`canonical`), the other forms it also writes (`also`),
the full name, a source, and for forms with other senses a `requires` regex that the
text must match before that form is flagged in another language's text.

`index(target)` turns it into what a rule needs for text in `target`:

- every form the target's press writes, for any body, is *accepted*: never flagged
  (German "UN" and "UNO", French "CEO" beside "PDG", English "BRI" for the Belt and
  Road, which keeps the French "BRI" of the BIS from being flagged in English);
- every other single-token form of a body that has a canonical form in the target
  (and is not merely one of the target's forms in other capitals: "Nato" and "NATO"
  are house styles) is a *trigger*, mapped to that canonical form (French "OTAN" in English text → "NATO",
  English "UN" in French text → "ONU"). Outside English, only acronym-like canonical
  forms are proposed (no multi-word names, which need an article and a gender);
- a form not written in capitals that is a common word of the target (wordfreq zipf
  ≥ 3: "Nato" is a Spanish word) is a trigger only when its row has a `requires` context.

A trigger may point at several bodies ("BAD": the African and the Asian development
banks in French); the caller keeps only those whose `requires` matches and reports
nothing unless one replacement is left.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Optional

from ..lexicon import load_tsv, small_list_zipf

TABLE = "organisations.tsv"
TARGETS = ("en", "fr", "es", "de")
LANG_NAMES = {"en": "English", "fr": "French", "es": "Spanish", "de": "German", "it": "Italian",
              "pt": "Portuguese", "ru": "Russian", "uk": "Ukrainian", "pl": "Polish", "nl": "Dutch",
              "tr": "Turkish"}
COMMON_WORD_ZIPF = 3.0


@dataclass(frozen=True)
class Candidate:
    """One reading of a trigger form: the body it names and the target's form for it."""

    body: str
    replacement: str
    langs: tuple[str, ...]  # the languages whose press writes the trigger for this body
    names: tuple[str, ...]  # the body's full names in those languages (a text quoting one keeps it)
    requires: Optional[str]  # a regex the text must match (see `context_regex`); None: no context needed
    name: str  # the body's full name in the target language
    kind: str  # "body" (an organisation) or "term" (GDP, NGO)
    source: str  # the target canonical row's source


@dataclass(frozen=True)
class Index:
    target: str
    accepted: frozenset  # every form the target's press writes
    triggers: dict  # form → tuple of Candidate
    known_forms: frozenset  # every form of every language (for the headline test)


@cache
def rows() -> tuple[dict, ...]:
    """The table's rows (see the module docstring)."""
    return load_tsv(TABLE, required=("body", "lang", "form", "role", "kind", "name", "source", "why"))


def _acronym_like(form: str) -> bool:
    """One token, at least half of whose letters (and two) are capitals, or with a digit
    or &/+: OTAN, EuGH, MwSt, T-MEC, G20, I+D; not États-Unis, sida or Weltbank."""
    if " " in form:
        return False
    letters = [c for c in form if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return (upper >= 2 and 2 * upper >= len(letters)) or any(c in "&+" or c.isdigit() for c in form)


@cache
def _by_body() -> dict[str, tuple[dict, ...]]:
    out: dict[str, list[dict]] = {}
    for r in rows():
        out.setdefault(r["body"], []).append(r)
    return {b: tuple(rs) for b, rs in out.items()}


def _foreign_rows(target: str):
    """(row, the body's canonical row in `target`) for each row whose form text in
    `target` may not carry: the raw triggers, before the common-word test."""
    accepted = {r["form"].casefold() for r in rows() if r["lang"] == target}
    for brows in _by_body().values():
        canon = next((r for r in brows if r["lang"] == target and r["role"] == "canonical"), None)
        if canon is None or (target != "en" and not _acronym_like(canon["form"])):
            continue
        for r in brows:
            f = r["form"]
            # "Wto" for WTO, "Nato" for NATO: house style, not another language's form
            if r["lang"] != target and f.casefold() not in accepted and " " not in f:
                yield r, canon


@cache
def index(target: str) -> Index:
    """Accepted forms and triggers for text in language `target` (built once per language)."""
    accepted = frozenset(r["form"] for r in rows() if r["lang"] == target)
    all_forms = frozenset(r["form"] for r in rows())
    found: dict[str, dict[str, dict]] = {}  # form → body → merged facts
    for r, canon in _foreign_rows(target):
        f = r["form"]
        if not r["requires"] and not f.isupper() and small_list_zipf(f.lower(), target) >= COMMON_WORD_ZIPF:
            continue  # "Nato" is a Spanish word; an all-capitals NATO mid-sentence is not
        facts = found.setdefault(f, {}).setdefault(r["body"], {
            "repl": canon["form"], "langs": [], "names": [], "requires": [], "name": canon["name"],
            "kind": canon["kind"], "source": canon["source"]})
        facts["langs"].append(r["lang"])
        facts["names"].append(r["name"])
        if r["requires"]:
            facts["requires"].append(r["requires"])
    triggers = {}
    for f, bodies in found.items():
        cands = []
        for body, x in bodies.items():
            # a form that any row says has other senses needs that row's context
            req = x["requires"][0] if x["requires"] else None
            # full names, without a title's qualifier: "Ministère des Situations d'urgence (Russie)"
            full = (re.sub(r" \(.*\)$", "", n) for n in x["names"])
            names = tuple(dict.fromkeys(n for n in full if " " in n and n not in all_forms))
            cands.append(Candidate(body, x["repl"], tuple(dict.fromkeys(x["langs"])), names, req,
                                   x["name"], x["kind"], x["source"]))
        triggers[f] = tuple(cands)
    return Index(target, accepted, triggers, all_forms)


@cache
def context_regex(pattern: str) -> re.Pattern:
    """A row's `requires`, compiled once."""
    return re.compile(pattern)


@cache
def anchor_forms() -> tuple[str, ...]:
    """The raw triggers of every target language (a superset of every index's triggers,
    found without the word-frequency test): the rule's prescan anchors."""
    return tuple(sorted({r["form"] for t in TARGETS for r, _ in _foreign_rows(t)}))
