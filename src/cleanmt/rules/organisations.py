"""Transliteration of organisations: another language's acronym of an international body.

Machine translation keeps the source language's acronym of a body it does not
recognise as a name: "the OTAN summit" and "the ONU" in English from French or
Spanish, "le sommet de NATO" and "l'UN" in French from English. The table of bodies
(cleanmt.knowledge.organisations: the UN system, EU bodies, regional unions and
alliances, economic terms written as acronyms, national bodies) knows which form each
language's press writes.
"""
from __future__ import annotations

import regex

from ..knowledge.organisations import LANG_NAMES, TARGETS, anchor_forms, context_regex, index
from ..registry import rule
from ..types import Hit

RULE_ID = "TRL010"
# a form with its joins: U.S., R&D, I+D, T-MEC, TPP-11 (tried whole, without a final dot,
# and up to its first hyphen: "ONU-backed")
_TOKEN = regex.compile(r"[\w&+]+(?:[-.][\w&+]+)*\.?")
_WORD = regex.compile(r"[\p{L}\p{N}&+]+")
_BEFORE_BAD = set("@#/\\.&+_") # a form inside a URL, handle, path or a longer token
_AFTER_BAD = set("@/\\_")


def _char_offsets(text: str, byte_offsets) -> list[int]:
    """UTF-8 byte offsets of `text` as character offsets."""
    offs = sorted(set(byte_offsets))
    if text.isascii():
        return offs
    data, out, last_b, last_c = text.encode("utf-8"), [], 0, 0
    for b in offs:
        last_c += len(data[last_b:b].decode("utf-8", errors="ignore"))
        last_b = b
        out.append(last_c)
    return out


def _shouting(text: str, start: int, end: int, known: frozenset) -> bool:
    """An all-capitals word next to the form (a headline, "UN AN APRÈS"): the form may be a word."""
    before = [m.group() for m in _WORD.finditer(text, max(0, start - 40), start)]
    after = _WORD.match(text, end + 1) if end + 1 <= len(text) and text[end:end + 1] in " \u00a0" else None
    for w in ([before[-1]] if before and text[start - 1:start] in " \u00a0" else []) + ([after.group()] if after else []):
        if len(w) >= 2 and w.isupper() and w not in known:
            return True
    return False


# French gives an organisation the article, elided before a vowel: "de NATO" → "de l’OTAN",
# "la NATO" → "l’OTAN", "du NATO" → "de l’OTAN" (the article the translation left goes too)
_FR_BEFORE = regex.compile(r"(?:^|(?<=[\s(«“]))(?:(?P<prep>[Dd]e|[Àà]) |(?P<art>[Ll][ae]|[Dd]u|[Aa]u) )$")
_VOWEL = set("AEIOUYÉ")


def _french_article(text: str, start: int, repl: str) -> tuple[int, str]:
    """(start, replacement) with the article a French organisation acronym takes."""
    if repl[:1] not in _VOWEL:
        return start, repl
    m = _FR_BEFORE.search(text, max(0, start - 4), start)
    if m is None:
        return start, repl
    apo = "’" if "’" in text else "'"
    if m.group("prep"):
        return start, f"l{apo}{repl}"
    art = m.group("art")
    lead = {"l": "l", "d": "de l", "a": "à l"}[art[0].lower()]
    if art[0].isupper():
        lead = lead[0].upper() + lead[1:]
    return m.start(), f"{lead}{apo}{repl}"


def organisation_findings(doc):
    """(start, end, replacement, message, confidence) for each foreign form in `doc`."""
    if doc.lang not in TARGETS:
        return
    hits = doc.anchor_hits[1].get(RULE_ID)
    if not hits:
        return
    text, ix = doc.text, index(doc.lang)
    context: dict = {}
    folded = None
    done_until = -1
    for pos in _char_offsets(text, hits):
        if pos < done_until or (pos and (text[pos - 1].isalnum() or text[pos - 1] in _BEFORE_BAD)):
            continue
        m = _TOKEN.match(text, pos, pos + 24)
        if m is None:
            continue
        tok = m.group()
        head, hyphen, tail = tok.partition("-")
        forms = (tok, tok.rstrip(".")) + ((head,) if hyphen and not tail[:1].isdigit() else ())  # not GLP-1
        form = next((f for f in forms if f in ix.triggers), None)
        if form is None:
            continue
        end = pos + len(form)
        if text[end:end + 1] in _AFTER_BAD or (text[end:end + 1] == "." and text[end + 1:end + 2].isalnum()):
            continue
        if _shouting(text, pos, end, ix.known_forms):
            continue
        kept = []
        for c in ix.triggers[form]:
            if c.requires is not None:
                if c.requires not in context:
                    context[c.requires] = context_regex(c.requires).search(text) is not None
                if not context[c.requires]:
                    continue
            if c.names:
                folded = folded if folded is not None else text.casefold()
                if any(n.casefold() in folded for n in c.names):
                    continue  # the text gives the body's name in that language: a deliberate quote
            kept.append(c)
        if len({c.replacement for c in kept}) != 1:
            continue
        c = kept[0]
        done_until = end
        start, repl = pos, c.replacement
        if doc.lang == "fr" and c.kind == "body":
            start, repl = _french_article(text, pos, repl)
        names = [LANG_NAMES.get(lang, lang) for lang in c.langs]
        langs = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        sure = c.requires is None and " " not in c.replacement
        yield (start, end, repl,
               f"{form!r} is the {langs} form; {LANG_NAMES[doc.lang]} text writes {c.replacement!r} "
               f"({c.name}: {c.source})", 0.9 if sure else 0.85)


@rule(
    RULE_ID,
    "transliteration",
    "another language's acronym of an international body or of a term written as an acronym "
    "(OTAN, ONU, OMS, PIB in English; NATO, UN in French); replaced by the target language's form",
    confidence=0.9,
    bad=[
        ("Leaders of OTAN met in Brussels.", "Leaders of NATO met in Brussels."),
        ("Troops of the ODKB alliance arrived.", "Troops of the CSTO alliance arrived."),
        ("The ONU envoy and the FMI mission left Kabul.", "The UN envoy and the IMF mission left Kabul."),
        ("Inflation hit the economy and the PIB shrank by 2%.", "Inflation hit the economy and the GDP shrank by 2%."),
        ("The OMS warned that the outbreak could spread.", "The WHO warned that the outbreak could spread."),
        ("Trade with Mercosul grew.", "Trade with Mercosur grew."),
        ("Several ONG-run clinics closed.", "Several NGO-run clinics closed."),
        ("According to the MTchS, 300 firefighters were deployed.",
         "According to the Emergencies Ministry, 300 firefighters were deployed."),
    ],
    good=[
        "NATO and the CSTO met.",
        "The UE connects to the base station.",
        "The OMS software routes each order to the warehouse.",
        "The CPI rose 3% in March as fuel prices climbed.",
        "Photo: ANP / Robin van Lonkhuijsen",
        "The BRI has financed ports across Asia.",
        "The TVA raised electricity rates in Tennessee.",
        "Brazil's Instituto Brasileiro de Geografia e Estatística (IBGE) published the data.",
        "The Organisation mondiale de la santé (OMS) is how French readers know the WHO.",
        "THE OMS AND THE ONU PLAN",
        "Visit onu.org or email press@OTAN.int for details.",
        "The UN, the EU, NATO, the ALP and the ACTU all commented.",
    ],
    langs=TARGETS,
    exact_anchors=anchor_forms,
)
def foreign_organisation_acronym(doc):
    """Flags a form of an international body (or of a term written as an acronym) that
    another language's press writes and the target's does not: "OTAN", "ONU", "OMS",
    "PIB", "MTchS" in English; "NATO", "UN", "IMF" in French and Spanish; "IMF", "ECB",
    "GDP" in German. Why: translation leaves the source's acronym in place, so the text
    names the body in a form its readers do not use.

    Example: "Leaders of OTAN met" → "Leaders of NATO met"; in French "de NATO" →
    "de l’OTAN" (an organisation takes the elided article).

    Near misses left alone: any form the target's press writes, for any body (German
    "UN", "UNO", French "CEO", English "BRI" for the Belt and Road, "EPA", "ANP"); the
    target's own form in other capitals ("Nato"); acronyms with other senses unless the
    row's context is in the text ("OMS" software, "CPI" inflation, "TVA" in Tennessee);
    a form two bodies share (French "BAD"); a form beside an all-capitals word (a
    headline: "UN AN APRÈS"); URLs and addresses; a text that gives the body's full
    name in that language ("Instituto Brasileiro de Geografia e Estatística (IBGE)").

    Fix safety: 0.9 where the form has no other sense and the replacement is an
    acronym; 0.85 where the finding rests on a context, or the replacement is a name
    ("the Emergencies Ministry"). Both are applied by `fix`: the table knows the form.
    """
    for start, end, repl, message, confidence in organisation_findings(doc):
        yield Hit(start, end, message, repl, confidence)
