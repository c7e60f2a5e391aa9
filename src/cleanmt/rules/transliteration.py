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

import regex

from .. import frequency
from ..knowledge import exonyms
from ..names import at_sentence_start, may_have_findings, table_for
from ..registry import rule
from ..types import Hit


def _may_find(doc) -> bool:
    """The names gate (see names.may_have_findings): most documents have no name word
    that the gazetteer knows, that another word shares a key with, or that carries a
    foreign romanisation, and then none of the three rules can report anything.
    Asked once per document (the three rules share it)."""
    return doc.shared("trl.may_find", lambda d: may_have_findings(d.text, d.lang, d.corpus, d.capital_tokens,
                                                                  d.memo))


def _findings(doc) -> list:
    """names.name_findings of the document, once for the three rules."""
    return table_for(doc.text, doc.lang, doc.corpus).findings(doc.text) if _may_find(doc) else []


def _hits(doc, rule_id: str):
    for start, end, d in doc.shared("trl.findings", _findings):
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
    langs=("en", "fr", "es", "de"),
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
    langs=("en", "fr", "de", "es"),
    gate=_may_find,
)
def foreign_romanisation_pattern(doc):
    """In German and Spanish text the evidence is the romanisation index of the target
    (Zelensky -> Selenskyj in German) and the French ï; German's own tsch and capitalised
    nouns ("Deutsche", "Botschafter") are never read as a romanisation there."""
    yield from _hits(doc, "TRL003")


# -- TRL004: another language's name of a place ------------------------------------------

_NAME_WORD = regex.compile(r"\p{Lu}[\p{L}\p{M}'’.-]*")
_WORD_BEFORE = regex.compile(r"(\p{Lu}[\p{L}\p{M}'’.-]*|\p{Lu}{2,}) $")
_WORD_AFTER = regex.compile(r"^ (\p{Lu}[\p{L}\p{M}'’-]*)")


def _in_longer_name(text: str, start: int, end: int, lang: str) -> bool:
    """Is the form one word of a longer proper name, which keeps its own spelling
    (Credit Suisse, Bayern Munich, FC Köln, Jack London, Munich Re, London School of
    Economics)? In English: a capitalised word just before it that does not open the
    sentence, or just after it. In the other targets, whose nouns may be capitalised
    ("der Universität Vienna", "in Vienna Gespräche"), only such a word that is not a
    word of the target language (an English or unknown one), before it even when it
    opens the sentence ("Jack London y ...")."""
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if m is not None and _name_part(m.group(1), lang):
        # a capitalised word that opens the sentence is a name's part only when it is no
        # word of the target (Jack London, in French; not In Mailand, La London)
        if not at_sentence_start(text, m.start()) or lang != "en":
            return True
    m = _WORD_AFTER.match(text[end:end + 40])
    return m is not None and _name_part(m.group(1), lang)


def _name_part(word: str, lang: str) -> bool:
    if lang == "en" or word.isupper():
        return True
    w = word.lower()
    zt = frequency.zipf(w, lang)
    return zt < 2.5 or frequency.zipf(w, "en") >= zt


def _exonym_hits(doc, rule_id: str):
    starts = exonyms.char_offsets(doc.text, doc.anchor_hits[1].get(rule_id, ()))
    for start, end, ex in exonyms.occurrences_at(doc.text, doc.lang, starts):
        if _in_longer_name(doc.text, start, end, doc.lang):
            continue
        langs = "/".join(ex.langs)
        yield Hit(start, end,
                  f"{ex.form!r} is the {langs} name of the place; {doc.lang} text writes {ex.replacement!r}",
                  ex.replacement, ex.confidence)


# TRL004 and TRL005 are one check, split by target so that each has only its own
# targets' forms as anchors: the country names that are anchors for French, Spanish or
# German text (Australia, Germany) would otherwise wake TRL004 in most English documents.

@rule(
    "TRL004",
    "transliteration",
    "another language's name of a country, region or city (exonym) left in English text: "
    "Mailand, Nova York, Allemagne; replaced by the English name (CLDR, iso-codes, GeoNames)",
    confidence=0.85,
    bad=[
        ("The fair opens in Mailand next week.", "The fair opens in Milan next week."),
        ("Flights to Nova York were cancelled.", "Flights to New York were cancelled."),
        ("Exports to Allemagne fell by 3%.", "Exports to Germany fell by 3%."),
        ("Talks in Zagabria ended.", "Talks in Zagreb ended."),
        # known only from untagged GeoNames names: reported below the fix threshold
        ("The embassy in Pequim was closed.", "The embassy in Beijing was closed."),
        ("MAILAND, 3 March — The fair opens next week.", "MILAN, 3 March — The fair opens next week."),
    ],
    good=[
        "The Roma community in Rome protested.",
        "It was a nice day in Nice and in Paris.",
        "Bergen and Georgia are on the list.",
        "Bayern Munich beat FC Köln; Credit Suisse shares fell.",
        "Jack London wrote about Vienna.",
        "Vienne, in Isère, is not Vienna.",
        "See www.wien.gv.at or /Londres/ for details.",
    ],
    langs=("en",),
    exact_anchors=lambda: exonyms.anchors(("en",)),
)
def exonym_of_place(doc):
    """Flags: a place named as another language names it (Mailand, Nova York, Zagabria),
    in English text. Why: machine translation keeps a source language's exonym where
    English has its own. Example: "in Mailand" -> "in Milan". Near misses left alone:
    forms that are English words or names too (Roma, Nice, Peking, Wien at 0.65 only),
    another place of that name (Vienne, a French town and department), and a form inside
    a longer proper name (FC Köln, Credit Suisse). A form in capitals (a dateline:
    "MAILAND, 3 March") is matched with five letters or more, shorter capitals being
    mostly acronyms, and replaced in capitals. Fix safety: knowledge.exonyms gives
    each form a confidence from the data (0.85 for a CLDR name clearly rare in English,
    0.8 for one from GeoNames, 0.65 when the frequencies are closer or the name is a
    guess): only the first two are fixed."""
    yield from _exonym_hits(doc, "TRL004")


@rule(
    "TRL005",
    "transliteration",
    "another language's (mostly the English) name of a country, region or city left in French, "
    "Spanish or German text: Munich, Vienna in German; Brussels in Spanish; replaced by the "
    "target's name",
    confidence=0.85,
    bad=[
        ("Le sommet d’Addis Ababa s’est ouvert.", "Le sommet d’Addis-Abeba s’est ouvert."),
        ("Les ministres se sont retrouvés en Bavaria.", "Les ministres se sont retrouvés en Bavière."),
        ("Le vol pour Vienna a été annulé.", "Le vol pour Vienne a été annulé."),
    ],
    good=[
        "Paris, Vienne et Munich ont voté. Londres aussi.",
        "Il a lu Jack London à la London School of Economics.",
        "Le Roma s’est imposé à Milan, en Géorgie et à Nice.",
    ],
    langs=("fr", "es", "de"),
    exact_anchors=lambda: exonyms.anchors(("fr", "es", "de")),
)
def exonym_of_place_in_other_targets(doc):
    """Flags: in French, Spanish or German text, a place named as another language names
    it, mostly the English name a translation from English left (Vienna for Wien, Brussels
    for Bruselas, Addis Ababa for Addis-Abeba). Why: the target has its own name. Example:
    "nach Vienna" -> "nach Wien". Near misses left alone: the target's own name where it
    equals the English one (Munich, Milan in French), a form inside a longer name that is
    not a word of the target (London School of Economics, Munich Re), a US state that is
    also a country's name elsewhere (Georgia). Fix safety: as TRL004; an English name
    that leaks into the target's word lists (London in Spanish) is fixed at 0.8 only
    where it is clearly commoner in English."""
    yield from _exonym_hits(doc, "TRL005")
