"""Decimal separators of the wrong language, read from `doc.profile`.

French, Spanish and German write "2,5 millions"; English writes "2.5 million".
Machine translation often keeps the source's separator. The comma is ambiguous in
English ("2,500" is two thousand five hundred), so a comma counts as a decimal comma
only when exactly one or two digits follow it and a unit of size follows them
("2,5 million", "3,7%"): "2,50 million" is not a thousands group (they have three
digits). Likewise a point is a decimal point in French or German text only with one
or two digits before a unit ("2.5 millions"), since "2.500" groups thousands there.

Spanish accepts both separators (RAE/ASALE 2010, 4.2.3.1), so a decimal point in
Spanish text is flagged only when the same document also writes a decimal comma.
"""
from __future__ import annotations

import regex

from ..registry import rule
from ..types import Hit

# Units of size after which a number with a decimal separator is unambiguous.
UNITS = {
    "en": r"(?:\ ?%|\ (?:per\ ?cent|percent|million|billion|trillion|bn)\b)",
    "fr": r"(?:\ ?%|\ (?:millions?|milliards?|pour\ ?cent|%)(?![\p{L}]))",
    "es": r"(?:\ ?%|\ (?:millones|millón|por\ ?ciento|mil\ millones)(?![\p{L}]))",
    "de": r"(?:\ ?%|\ (?:Millionen|Million|Milliarden|Milliarde|Prozent|Mio\.|Mrd\.)(?![\p{L}]))",
}
# The number may not continue a longer number or list before it ("1,2,5", "v1.2.5", "3.2,5").
NOT_AFTER = r"(?<![\p{N}.,\p{L}])"
# U+00A0 / U+202F count as the space before a unit too ("3,7\u00a0%").


def _number_re(sep: str, lang: str):
    unit = UNITS[lang].replace(r"\ ", r"[ \u00a0\u202f]")
    return regex.compile(NOT_AFTER + r"(\p{N}{1,3})" + regex.escape(sep) + r"(\p{N}{1,2})(?=" + unit + ")")


EN_DECIMAL_COMMA = _number_re(",", "en")
DECIMAL_POINT = {lang: _number_re(".", lang) for lang in ("fr", "es", "de")}
DECIMAL_COMMA = {lang: _number_re(",", lang) for lang in ("fr", "es", "de")}


# A decimal comma and its digits, as they end the scan text before a PUN104 anchor (the
# unit's blank starts the anchor; "%" may follow a blank). Case folding leaves a digit a
# digit and the comma a comma, and the scan reads the unit's no-break space as a space.
_DECIMAL_BEFORE_UNIT = regex.compile(r"\p{N},\p{N}{1,2} ?\Z")
_DIGIT_COMMA_DIGIT = regex.compile(r"\d,\d")  # the rule's trigger of old, kept as is


def _may_have_decimal_comma(doc) -> bool:
    """Necessary condition of PUN104: one of its anchors (units, common in news) comes
    right after a digit, a comma and one or two digits, as EN_DECIMAL_COMMA wants; read
    off the scan text's bytes before each anchor (24 bytes back hold the 14 at most that
    three digits, the comma and a space take). Then the rule's old trigger: a decimal
    digit, a comma and a decimal digit anywhere (EN_DECIMAL_COMMA takes any digit:
    "½,5 million" alone has never been flagged, and still is not)."""
    data = doc.scan_utf8
    for p in doc.anchor_hits[0].get("PUN104", ()):
        if _DECIMAL_BEFORE_UNIT.search(data[max(0, p - 24) : p].decode("utf-8", "ignore")):
            return _DIGIT_COMMA_DIGIT.search(doc.text) is not None
    return False


@rule(
    "PUN104",
    "punctuation",
    "decimal comma in English text ('2,5 million', '3,7%'): French, Spanish and German write the decimal point as a comma",
    confidence=0.9,
    langs=("en",),
    bad=[
        ("The plan will cost 2,5 million euros.", "The plan will cost 2.5 million euros."),
        ("Prices rose by 3,7% in January and 12,25 percent over the year.",
         "Prices rose by 3.7% in January and 12.25 percent over the year."),
    ],
    good=[
        "The plan will cost 2,500 euros and 2.5 million more later.",
        "Scores were 1,2 and 3 after the first round; 7,000 people watched.",
        "In 2021,12 million tourists came.",
    ],
    # EN_DECIMAL_COMMA: a number is flagged only before one of UNITS["en"]
    anchors=["%", " per cent", " percent", " million", " billion", " trillion", " bn"],
    gate=_may_have_decimal_comma,
)
def decimal_comma_in_english(doc):
    for m in EN_DECIMAL_COMMA.finditer(doc.text):
        sep = m.end(1)
        yield Hit(sep, sep + 1, "English writes the decimal separator as a point", ".")


@rule(
    "PUN105",
    "punctuation",
    "decimal point in French or German text ('2.5 millions'): these write a decimal comma (Spanish: only when mixed)",
    confidence=0.85,
    langs=("fr", "de", "es"),
    trigger=r"\d\.\d",
    bad=[
        ("Le projet coûtera 2.5 millions d’euros.", "Le projet coûtera 2,5 millions d’euros."),
        ("Les prix ont augmenté de 3.7 % en janvier.", "Les prix ont augmenté de 3,7 % en janvier."),
    ],
    good=[
        "Le projet coûtera 2,5 millions d’euros.",
        "La version 2.5 est sortie le 3.4.2022 ; 2.500 personnes l’ont téléchargée.",
    ],
)
def decimal_point_in_comma_language(doc):
    lang = doc.profile.code
    if doc.profile.decimal_separator != ",":
        return
    if lang == "es" and not DECIMAL_COMMA[lang].search(doc.text):
        return  # Spanish accepts the point; only a mixture of both is an artifact
    for m in DECIMAL_POINT[lang].finditer(doc.text):
        sep = m.end(1)
        yield Hit(sep, sep + 1, f"{doc.profile.name} writes the decimal separator as a comma", ",")
