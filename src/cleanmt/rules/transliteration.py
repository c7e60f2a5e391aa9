"""Transliteration: names romanised the way another language does it, or two ways.

All the work is in cleanmt.names (one analysis per document, or one table for a
corpus); the three rules below only report its decisions, split by how sure
they can be: a name spelled otherwise in the same text (TRL001), a name the
gazetteer or the user's names file knows (TRL002), a name seen once whose
spelling another language's romanisation explains (TRL003).

TRL003's main evidence is the romanisation index (cleanmt.knowledge.romanisation):
wordfreq's Russian and Ukrainian words romanised by the French, German and Spanish
schemes, each mapped to the form the target language writes (the one its word list
knows best): "Loukachenko" is the French romanisation of Лукашенко, which English
writes "Lukashenko". Near misses it leaves alone: a spelling the target's word list
knows itself (Louis, Jurgen, Kouchner, Tchaikovsky), a name no Cyrillic word explains
(Koulibaly, Toulouse), Polish names that differ only by w/v (Pawlik). Fix safety:
0.85 (fixed) when the target's word list knows the form and not the spelling seen;
0.7-0.75 (reported only) when the form is the scheme's guess or the difference is one
other origins share; 0.6 for French targets, whose press often keeps English forms.
Diacritics of a name's own language (Jürgen, Gdańsk, Zoë) are kept: with "Jürgen"
and "Jurgen" in one text, TRL001 restores the first.
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
        ("Officials in Tcheliabinsk said Chelyabinsk airport had reopened.",
         "Officials in Chelyabinsk said Chelyabinsk airport had reopened."),
        ("Coach Björn Stenmark praised the team. Bjorn Stenmark then left.",
         "Coach Björn Stenmark praised the team. Björn Stenmark then left."),
    ],
    good=[
        "Ilham Aliyev met Daniyar Alimbayev on Monday.",
        "Mohammed Salem and Mahmoud Salem are brothers.",
        "Alan Smith thanked Allan Jones.",
        "Ursula von der Leyen spoke. Ursula Von der Leyen left.",
        "Jürgen Weber met Zoë Martin in Gdańsk; Weber later flew to São Paulo.",
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
    "a name seen once whose spelling is another language's romanisation of a Russian or "
    "Ukrainian word (romanisation index: Loukachenko, Selenskyj; or French ï for й, German "
    "tsch): suggests the form the target language writes",
    confidence=0.7,
    bad=[
        ("A trader, Daulet Kenzhebaïev, was detained.", "A trader, Daulet Kenzhebayev, was detained."),
        ("Former leader Nikolaï Gerassimov resigned.", "Former leader Nikolai Gerassimov resigned."),
        ("The critic Tschukowskij wrote a review.", "The critic Chukovsky wrote a review."),
        ("The painter Tschistjakow exhibited in Riga.", "The painter Chistyakov exhibited in Riga."),
        ("The writer Boulgakov lived there.", "The writer Bulgakov lived there."),
        ("The governor of Tcheliabinsk resigned.", "The governor of Chelyabinsk resigned."),
        ("The minister Patrouchev spoke.", "The minister Patrushev spoke."),
        ("The marshal Schukow is buried there.", "The marshal Zhukov is buried there."),
        ("Protests in Dnipropetrowsk grew.", "Protests in Dnipropetrovsk grew."),
        ("The skater Irina Souslova won.", "The skater Irina Suslova won."),
    ],
    good=[
        "Anaïs and Eloïse visited Haïti.",
        "Louis Moulin met José García in Toulouse.",
        "Mitchell Fletcher and Thatcher spoke.",
        "They played Tchaikovsky; David Deutsch and Vincent Tchenguiz listened.",
        "Kalidou Koulibaly, Louis Moulin and Bernard Kouchner met in Toulouse.",
        "Teresa Pawlik flew from Chaman to Quetta; Jurgen Klinsmann stayed.",
        "Yevgeny Chernov met Alexei Kulikov in Yekaterinburg.",
    ],
    langs=("en", "fr"),
    gate=_may_find,
)
def foreign_romanisation_pattern(doc):
    yield from _hits(doc, "TRL003")
