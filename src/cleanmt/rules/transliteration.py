"""Transliteration: names romanised the way another language does it, or two ways.

All the work is in cleanmt.names (one analysis per document, or one table for a
corpus); the three rules below only report its decisions, split by how sure
they can be: a name spelled otherwise in the same text (TRL001), a name the
gazetteer or the user's names file knows (TRL002), a guess from spelling
patterns alone (TRL003).
"""
from __future__ import annotations

from ..names import may_have_findings, name_findings
from ..registry import rule
from ..types import Hit


def _may_find(doc) -> bool:
    """The names gate (see names.may_have_findings): most documents have no name word
    that the gazetteer knows, that another word shares a key with, or that carries a
    foreign romanisation, and then none of the three rules can report anything."""
    return may_have_findings(doc.text, doc.lang, doc.corpus)


def _hits(doc, rule_id: str):
    for start, end, d in name_findings(doc.text, doc.lang, doc.corpus):
        if d.rule == rule_id:
            yield Hit(start, end, d.message, d.replacement, d.confidence)


@rule(
    "TRL001",
    "transliteration",
    "a name spelled two ways in one text or corpus (another language's romanisation, or a "
    "variant next to the same names); replaced by the canonical form",
    confidence=0.9,
    bad=[
        ("Minister Arkady Dvorkovitch landed. Arkady Dvorkovich then met the mayor. "
         "Dvorkovich spoke.",
         "Minister Arkady Dvorkovich landed. Arkady Dvorkovich then met the mayor. Dvorkovich spoke."),
        ("Olzhas Bektenov chaired the talks. Later Olzhas Bekktenov and Olzhas Bektenov left.",
         "Olzhas Bektenov chaired the talks. Later Olzhas Bektenov and Olzhas Bektenov left."),
        ("Galymzhan Koishybayev called Koishybaïev's deputy. Koishybayev declined.",
         "Galymzhan Koishybayev called Koishybayev's deputy. Koishybayev declined."),
    ],
    good=[
        "Ilham Aliyev met Daniyar Alimbayev on Monday.",
        "Mohammed Salem and Mahmoud Salem are brothers.",
        "Alan Smith thanked Allan Jones.",
        "Ursula von der Leyen spoke. Ursula Von der Leyen left.",
    ],
    langs=("en", "fr"),
    gate=_may_find,
)
def name_spelled_two_ways(doc):
    yield from _hits(doc, "TRL001")


@rule(
    "TRL002",
    "transliteration",
    "another language's exonym, romanisation or acronym of a well-known name (gazetteer or "
    "names file): Poutine, Moscou (organisations: TRL010)",
    confidence=0.95,
    bad=[
        ("Talks with Vladimir Poutine ended late.", "Talks with Vladimir Putin ended late."),
        ("The delegation flew to Moscou.", "The delegation flew to Moscow."),
    ],
    good=[
        "Poutine with gravy is sold in Montreal.",
        "The UE connects to the base station.",
        "Alexandre Dumas wrote novels.",
        "NATO and the CSTO met.",
    ],
    langs=("en", "fr"),
    gate=_may_find,
)
def known_foreign_form(doc):
    yield from _hits(doc, "TRL002")


@rule(
    "TRL003",
    "transliteration",
    "a name seen once whose spelling is another language's romanisation (French ï for й, "
    "German tsch or -skyj); suggests the English form, as a guess",
    confidence=0.7,
    bad=[
        ("A trader, Daulet Kenzhebaïev, was detained.", "A trader, Daulet Kenzhebayev, was detained."),
        ("Former leader Nikolaï Gerassimov resigned.", "Former leader Nikolai Gerassimov resigned."),
        ("The critic Tschukowskij wrote a review.", "The critic Chukowsky wrote a review."),
        ("The painter Tschistjakow exhibited in Riga.", "The painter Chistjakow exhibited in Riga."),
    ],
    good=[
        "Anaïs and Eloïse visited Haïti.",
        "Louis Moulin met José García in Toulouse.",
        "Mitchell Fletcher and Thatcher spoke.",
        "They played Tchaikovsky; David Deutsch and Vincent Tchenguiz listened.",
    ],
    langs=("en", "fr"),
    gate=_may_find,
)
def foreign_romanisation_pattern(doc):
    yield from _hits(doc, "TRL003")
