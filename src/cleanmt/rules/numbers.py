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

from functools import lru_cache

import regex

from ..knowledge.numbers import currency_words, magnitude_words, measure_words, symbols, unit_words
from ..registry import rule
from ..types import Hit

# Units of size after which a number with a decimal separator is unambiguous.
UNITS = {
    # "percentage point(s)"; "Prozent", "por ciento", "pour cent": a source's word left in place
    "en": r"(?:\ ?%|\ (?:per\ ?cent|percent(?:age)?|million|billion|trillion|bn|Prozent|por\ ciento|pour\ cent)\b)",
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
        ("The bank cut its rate by 0,75 percentage points.", "The bank cut its rate by 0.75 percentage points."),
        ("Shares fell 4,2 Prozent in Frankfurt.", "Shares fell 4.2 Prozent in Frankfurt."),
    ],
    good=[
        "The plan will cost 2,500 euros and 2.5 million more later.",
        "Scores were 1,2 and 3 after the first round; 7,000 people watched.",
        "In 2021,12 million tourists came.",
    ],
    # EN_DECIMAL_COMMA: a number is flagged only before one of UNITS["en"]
    anchors=["%", " per cent", " percent", " million", " billion", " trillion", " bn", " prozent", " por ciento",
             " pour cent"],
    gate=_may_have_decimal_comma,
)
def decimal_comma_in_english(doc):
    """Flags a decimal comma before a scale or percent word in English text.

    Why: French, Spanish, German and Italian write "2,5 millions"; a translation keeps
    the comma. Example: "2,5 million euros" -> "2.5 million euros". One or two digits
    after the comma are no thousands group, and "%", "per cent", "percentage",
    "million", "billion" (or the source's "Prozent", "por ciento", "pour cent") make the
    number a quantity. Near misses left alone: "2,500 euros" (a group), "1,2 and 3" (a
    list), "In 2021,12 million" (a year before). Other units are PUN112's. Fix safety: 0.9.
    """
    for m in EN_DECIMAL_COMMA.finditer(doc.text):
        sep = m.end(1)
        yield Hit(sep, sep + 1, "English writes the decimal separator as a point", ".")


# A decimal point and one or two digits, then what may name a unit: "%" or a word.
_POINT_DECIMAL = regex.compile(
    NOT_AFTER + r"(\p{N}{1,3})\.(\p{N}{1,2})(?![\p{N}.,])(?:[ \u00a0\u202f]?(%)|[ \u00a0\u202f](\p{L}[\p{L}²³/]*\.?))"
)
# Thousands grouped with a point ("4.000", "12.500"): a document that writes them so
# cannot also write a decimal point.
POINT_GROUPS = regex.compile(r"(?<![\p{N}.,])[1-9]\p{N}{0,2}(?:\.\p{N}{3})+(?![\p{N}]|[.,]\p{N})")


def _is_unit(word: str, units: frozenset) -> bool:
    """`word` (perhaps with a sentence's full stop) is one of `units`: "Tonnen.", "Mrd."."""
    word = word.lower()
    return word in units or word.rstrip(".") in units


def comma_decimal_document(doc) -> bool:
    """The document itself writes numbers the comma-decimal way: a decimal comma before a
    unit ("3,5 millones") or thousands grouped with a point ("4.000")."""
    lang = doc.profile.code
    return bool(DECIMAL_COMMA[lang].search(doc.text) or POINT_GROUPS.search(doc.text))


@rule(
    "PUN105",
    "punctuation",
    "decimal point in French or German text ('2.5 millions', '1.2 Meter'): these write a decimal comma (Spanish: "
    "only when the document writes its other numbers the comma way)",
    confidence=0.85,
    langs=("fr", "de", "es"),
    trigger=r"\d\.\d",
    bad=[
        ("Le projet coûtera 2.5 millions d’euros.", "Le projet coûtera 2,5 millions d’euros."),
        ("Les prix ont augmenté de 3.7 % en janvier.", "Les prix ont augmenté de 3,7 % en janvier."),
        ("Der Turm ist etwa 4.5 Meter hoch und wiegt 2.3 Tonnen.",
         "Der Turm ist etwa 4,5 Meter hoch und wiegt 2,3 Tonnen."),
    ],
    good=[
        "Le projet coûtera 2,5 millions d’euros.",
        "La version 2.5 est sortie le 3.4.2022 ; 2.500 personnes l’ont téléchargée.",
        "Am 3.5. kam Version 2.5 Pro heraus, um 14.30 Uhr.",
    ],
)
def decimal_point_in_comma_language(doc):
    """Flags a decimal point before a unit in text whose language writes a decimal comma.

    Why: a translation keeps the English number "2.5 million" as it was. Example:
    "4.5 Meter" -> "4,5 Meter". The unit is what makes the reading sure: "%", a scale
    word or a CLDR unit or currency name ("Meter", "Tonnen", "dollars"). Near misses left
    alone: dates ("3.5.", "3.4.2022"), versions ("Version 2.5 Pro": "Pro" is no unit),
    times ("14.30 Uhr": two digits then no unit word), thousands ("2.500"). Spanish
    accepts the point (RAE/ASALE 2010), so a Spanish document is flagged only when it
    writes its other numbers the comma way ("4.000", "3,5"). Fix safety: the comma is
    the target's decimal separator (CLDR); 0.85.
    """
    lang = doc.profile.code
    if doc.profile.decimal_separator != ",":
        return
    if lang == "es" and not comma_decimal_document(doc):
        return  # Spanish accepts the point; only a mixture of both is an artifact
    units = measure_words()
    for m in _POINT_DECIMAL.finditer(doc.text):
        word = m.group(4)
        if word is not None and not _is_unit(word, units) and not DECIMAL_POINT[lang].match(doc.text, m.start()):
            continue
        sep = m.end(1)
        yield Hit(sep, sep + 1, f"{doc.profile.name} writes the decimal separator as a comma", ",")


# --------------------------------------------------------------------------- PUN106
# Words before a number that make it a reference, not a quantity ("Section 1.100",
# "art. 2.300", "ISO 9.001"): a small closed class in the four targets.
REFERENCE_BEFORE = regex.compile(
    # a whole word; after an apostrophe only a French elision ("l’article"), not "carmaker's"
    r"(?i)(?:(?<![\p{L}'’])|(?<=\p{L}['’])(?=\p{L}{2}))(?:art|arts|article|artículo|artikel|section|sección|abschnitt|chapter|chapitre|capítulo|kapitel|"
    r"rule|règle|paragraph|paragraphe|párrafo|clause|version|versión|no|nr|n°|nº|núm|number|numéro|número|"
    r"page|pages|página|seite|p|pp|s|figure|fig|table|tableau|tabla|tabelle|step|level|iso|din|ref)\.?[ \u00a0]+\Z"
)
PLURAL_ENDINGS = ("s", "x")  # English, French and Spanish plurals ("votes", "délégués", "personas", "animaux")


@lru_cache(maxsize=None)
def _grouped_number_re(mark: str):
    """A number of 1-3 digits and groups of three after `mark`, then perhaps a word."""
    m = regex.escape(mark)
    return regex.compile(
        r"(?<![\p{N}\p{L}\p{Sc}.,+#/:°'’_-])([1-9]\p{N}{0,2})((?:" + m + r"\p{N}{3})+)(?![\p{N}\p{L}%°]|[.,]\p{N})"
        r"(?:[ \u00a0\u202f]+(\p{L}[\p{L}\p{M}’'-]*))?"
    )


def _looks_like_ip(number: str, mark: str) -> bool:
    parts = number.split(mark)
    return len(parts) == 4 and all(int(p) <= 255 for p in parts)


def _count_word(word, lang: str, group: str) -> bool:
    """The word after "2.400" makes the number a count of things, so the mark groups
    thousands: not a unit, currency or scale word (CLDR), and a noun-like word of the
    language: lower-case in English, French and Spanish (a capital may start a sentence
    or a name), a capitalised noun in German. A group other than "00" ("38.412") is a
    likelier decimal, so it needs a plural noun after it ("votes"). A currency name
    after a "00" group counts too: money has two decimals, not three ("1.500 euros")."""
    if word is None:
        return False
    if word.lower() in currency_words():
        return group.endswith("00")
    if _is_unit(word, unit_words()):
        return False
    if lang == "de":
        return word[0].isupper()
    if not word[0].islower():
        return False
    return group.endswith("00") or (len(word) > 2 and word.endswith(PLURAL_ENDINGS))


# A rate after the count ("1.125 goals per game", "1,125 Tore pro Spiel"): an average, a decimal.
RATE_AFTER = regex.compile(r"[ \u00a0]+(?:\p{L}+[ \u00a0]+)?(?:per|pro|par|por)[ \u00a0]+\p{L}")


# "a 9.700 from the judges", "eine 1,250": one thing measured (a score), not a count;
# "BA 1.500", "EN 1.100": a code or a standard's number.
_ARTICLES = {"en": "[Aa]n?", "fr": "[Uu]ne?", "es": "[Uu]na?", "de": "[Ee]ine?"}
ONE_THING_OR_CODE_BEFORE = {
    lang: regex.compile(r"(?:\b" + article + r"|\b\p{Lu}{2,})[ \u00a0]+\Z") for lang, article in _ARTICLES.items()
}


def _single_group_confidence(text: str, m, lang: str) -> float | None:
    """0.85 (the rule's) for "2.400 jobs" or "38.412 votes"; 0.6 where a decimal stays
    possible: one digit before a group other than "00" ("1.125 goals"), any group other
    than "00" in a comma-decimal language ("1,250 veces"), a rate after the noun ("per game"), an indefinite
    article or an upper-case code before the number ("a 9.700", "BA 1.500")."""
    if RATE_AFTER.match(text, m.end()) or ONE_THING_OR_CODE_BEFORE[lang].search(text, max(0, m.start() - 8), m.start()):
        return 0.6
    if not m.group(2).endswith("00") and (len(m.group(1)) == 1 or lang != "en"):
        return 0.6  # "1,250 veces" is 1.25 times in Spain
    return None


_DIGITS = "0123456789"
_GROUP_ANCHORS = [f"{mark}{a}{b}{c}" for mark in ".," for a in _DIGITS for b in _DIGITS for c in _DIGITS]


def _may_have_foreign_group(doc) -> bool:
    """Necessary condition of PUN106: an anchor that starts with this language's decimal
    mark (English documents are full of ",000", which PUN106 never reads there)."""
    mark = symbols(doc.profile.code).decimal.encode()
    data = doc.scan_utf8
    return any(data[p : p + 1] == mark for p in doc.anchor_hits[0].get("PUN106", ()))


def _target_group(doc) -> str:
    return doc.profile.thousands_separator


@rule(
    "PUN106",
    "punctuation",
    "thousands grouped with the target's decimal mark ('2.400 jobs' in English, '1,200 délégués' in French)",
    confidence=0.85,
    langs=("en", "fr", "es", "de"),
    anchors=_GROUP_ANCHORS,  # the mark and a group's three digits: ".400", ",000"
    gate=_may_have_foreign_group,
    bad=[
        ("The company will cut around 2.400 jobs this year.", "The company will cut around 2,400 jobs this year."),
        ("The party received 38.412 votes in the city.", "The party received 38,412 votes in the city."),
        ("Some 1.250.000 people live there.", "Some 1,250,000 people live there."),
    ],
    good=[
        "The company will cut around 2,400 jobs this year.",
        "The runner finished in 9.580 seconds over 1.500 km of road.",
        "Gas costs $2.399 a gallon; the server is at 192.168.100.200 today.",
        "See Section 1.100 of the code, and ISO 9.001 rules.",
        "The euro traded at 1.085 against the dollar and bonds paid 4.125% a year.",
        "She scored 14.533 points in the final, and 1.500 Americans watched.",
    ],
)
def foreign_thousands_separator(doc):
    """Flags a number whose thousands are grouped with the target language's decimal
    mark: "2.400 jobs" in English, "1,200 délégués" in French, "30,000 Sammler" in German.

    Why: a translation keeps the source's number as written; the reader of the target
    takes "2.400" for two point four. Example: "cut 2.400 jobs" -> "cut 2,400 jobs". The
    reading must be sure: two or more groups ("1.250.000", not a dotted IP address), or
    one group of three digits before a word that counts things (not a CLDR unit or
    scale word: "9.580 seconds", "1.500 km" may be decimals; a currency name only after
    "00", since money has two decimals: "1.500 euros", not "1.085 dollars"; a group
    other than "00" needs a plural noun, and is only reported where one digit before it
    or a rate after it ("1.125 goals per game") leaves a decimal possible). Near misses left alone: "$2.399" (a currency
    sign), "4.125%", "Section 1.100" (a reference), IP addresses, versions ("v1.200"),
    dates, times ("14.30"), "€1.5bn". Spanish is also written with "12,000" in Mexico
    and Central America (CLDR es_MX), so a Spanish document's English-style group is
    fixed only when the document writes its other numbers the Spain way ("4.000",
    "3,5"). Fix safety: the target's group separator (the profile's, which is CLDR's or,
    for French, the no-break space the dev conventions use); 0.85, 0.6 for Spanish
    without that evidence. Spanish note: the Ortografía (RAE/ASALE 2010) recommends a
    thin space ("12 000") and reads a comma or point in a number as a decimal marker;
    the point is the traditional form in Spain and CLDR's es group symbol, so the fix
    writes "12.000" as the profile says.
    """
    lang = doc.profile.code
    mark = symbols(lang).decimal
    target = _target_group(doc)
    spanish_evidence = None
    text = doc.text
    for m in _grouped_number_re(mark).finditer(text):
        number = m.group(1) + m.group(2)
        groups = m.group(2).count(mark)
        if groups == 1:
            if not _count_word(m.group(3), lang, m.group(2)):
                continue
            confidence = _single_group_confidence(text, m, lang)
        elif _looks_like_ip(number, mark):
            continue
        else:
            confidence = 0.9
        if REFERENCE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        if lang == "es":
            if spanish_evidence is None:
                spanish_evidence = bool(POINT_GROUPS.search(text) or DECIMAL_COMMA["es"].search(text))
            if not spanish_evidence:
                confidence = min(confidence or 0.85, 0.6)  # "12,000" is how Mexico writes it
        end = m.start() + len(number)
        yield Hit(m.start(), end, f"{doc.profile.name} groups thousands with {target!r}, not {mark!r}",
                  number.replace(mark, target), confidence)


# --------------------------------------------------------------------------- PUN107
# "12 000", "12\u00a0000", "1\u202f250\u202f000": 1-3 digits (not a leading zero, as phone
# numbers have), then groups of three digits after one and the same space.
SPACED_GROUPS = regex.compile(
    r"(?<![\p{N}\p{L}\p{Sc}.,+#/:(-]|\p{N}[ \u00a0\u202f])([1-9]\p{N}{0,2})([ \u00a0\u202f])\p{N}{3}(?:\2\p{N}{3})*"
    r"(?![\p{N}\p{L}-]|[ \u00a0\u202f]\p{N}|[.,:]\p{N})"  # "3 100-metre races": a count, then a compound
)
_AFTER_SPACED = regex.compile(r"[ \u00a0\u202f]*(?:[\p{Ll}]|[.,;:)]|\Z)")


@rule(
    "PUN107",
    "punctuation",
    "thousands grouped with spaces in English ('12 000 hectares'): English groups them with commas",
    confidence=0.85,
    anchors=[f"{a} {b}" for a in _DIGITS for b in _DIGITS],  # the scan text reads no-break spaces as spaces
    bad=[
        ("Nearly 12 000 hectares are burning.", "Nearly 12,000 hectares are burning."),
        ("The plan costs 1\u00a0250\u00a0000 euros.", "The plan costs 1,250,000 euros."),
    ],
    good=[
        "Nearly 12,000 hectares are burning.",
        "Call 020 7946 0958 or +33 612 345 678 before 2019 100 days pass.",
        "Or call 7 800 812 3345, page 12 of 300; she won 3 100-metre races.",
    ],
)
def spaced_thousands_in_english(doc):
    """Flags a number grouped with spaces (or the no-break spaces of French) in English.

    Why: French, and the SI style of other sources, write "12 000"; English news writes
    "12,000", and a translation that keeps the space leaves a number that breaks across
    lines or reads as two numbers. Example: "Nearly 12 000 hectares" -> "Nearly 12,000
    hectares". Near misses left alone: phone numbers (a leading zero or "+", or a last
    group of four), a year or a longer number before ("2019 100 days"), lists of numbers
    (a further spaced digit). Fix safety: a no-break space between digit groups is only
    ever a thousands separator (0.9); a plain space needs a lower-case word or the end
    of the clause after the number (0.85), or it is reported only (0.6).
    """
    text = doc.text
    for m in SPACED_GROUPS.finditer(text):
        space = m.group(2)
        if space != " ":
            confidence = 0.9
        elif _AFTER_SPACED.match(text, m.end()):
            confidence = None
        else:
            confidence = 0.6
        yield Hit(m.start(), m.end(), "English groups thousands with commas", m.group().replace(space, ","),
                  confidence)


# --------------------------------------------------------------------------- PUN108
PERCENT_SPACED = regex.compile(r"(?<=\p{N})([ \u00a0\u202f])%(?![\p{L}\p{N}]|[ \t]+\p{N})")
PERCENT_TIGHT = regex.compile(r"(?<=\p{N})%(?![\p{L}\p{N}]|[ \t]+\p{N})")
CODE_LINE = regex.compile(r"[{}<>`|\\=;]|\(\)|://")  # CSS widths, printf formats, modulo


def _line_of(text: str, pos: int) -> str:
    return text[text.rfind("\n", 0, pos) + 1 : (text.find("\n", pos) + 1 or len(text) + 1) - 1]


@rule(
    "PUN108",
    "punctuation",
    "space before '%' of the wrong convention: none in English ('65 %' -> '65%'), a no-break space in French",
    confidence=0.85,
    langs=("en", "fr"),
    anchors=[" %"] + [f"{d}%" for d in "0123456789"],
    bad=[
        ("Shipments could fall by 65 % this week.", "Shipments could fall by 65% this week."),
        ("Inflation reached 5,17\u00a0% in the year.", "Inflation reached 5,17% in the year."),
    ],
    good=[
        "Shipments could fall by 65% this week.",
        "The % sign, 10 % 3 in code, and width: 50 %; are left alone.",
    ],
)
def percent_spacing(doc):
    """Flags the space before "%" that the target language does not write: English
    writes "65%" (Chicago 9.18; CLDR "#,##0%"), French "65\u00a0%" (Imprimerie
    nationale; CLDR "#,##0\u00a0%").

    Why: a translation keeps the source's typography. Example: "by 65 % this week" ->
    "by 65% this week"; French "de 60%" -> "de 60\u00a0%". Near misses left alone: a
    percent sign after no number, modulo ("10 % 3"), code and CSS lines, a plain space
    in French (it is the right space, only breakable). Spanish and German are left
    alone: CLDR and the RAE and Duden want the space, but their press writes "5%"
    as often, a house style rather than an artifact. Fix safety: 0.85.
    """
    text = doc.text
    space = symbols(doc.profile.code).percent_space
    if not space:
        for m in PERCENT_SPACED.finditer(text):
            if not CODE_LINE.search(_line_of(text, m.start())):
                yield Hit(m.start(), m.end(), f"{doc.profile.name} writes no space before '%'", "%")
    else:
        for m in PERCENT_TIGHT.finditer(text):
            if not CODE_LINE.search(_line_of(text, m.start())):
                yield Hit(m.start(), m.end(), f"{doc.profile.name} puts a no-break space before '%'", space + "%")


# --------------------------------------------------------------------------- PUN109
# "18h20", "18 h 20", "9h05" (French and Italian clock times) and "14.32 Uhr" (German).
CLOCK_H = regex.compile(r"(?<![\p{L}\p{N}.,:/-])([01]?\p{N}|2[0-3])([ \u00a0\u202f]?)h\2([0-5]\p{N})(?![\p{L}\p{N}])")
CLOCK_UHR = regex.compile(r"(?<![\p{L}\p{N}.,:/-])([01]?\p{N}|2[0-3])[.:]([0-5]\p{N})[ \u00a0]Uhr(?![\p{L}])")
# Words after which "18h20" is a time of day, not a duration ("a 2h30 flight").
CLOCK_BEFORE = regex.compile(
    r"(?i)(?:\b(?:at|from|until|till|to|by|around|about|before|after|since|between|and|or|for|shortly|just)|[–-])"
    r"[ \u00a0]+\Z"
)


@rule(
    "PUN109",
    "punctuation",
    "French or German clock time in English text ('at 18h20', '14.32 Uhr' -> '18:20', '14:32')",
    confidence=0.85,
    # "8h2", "8 h 2", "0 uhr" in the scan text (case-folded)
    anchors=[f"{a}{h}{b}" for a in _DIGITS for b in "012345" for h in ("h", " h ")] + [f"{a} uhr" for a in _DIGITS],
    bad=[
        ("The train left at 18h20 and arrived at 21 h 05.", "The train left at 18:20 and arrived at 21:05."),
        ("The polls closed at 18.00 Uhr on Sunday.", "The polls closed at 18:00 on Sunday."),
    ],
    good=[
        "The train left at 18:20, ran 24h a day, and a 4x4 took H2O to HQ.",
        "Section 3h20b of the act; the 2h30 flight; 14.30 is teatime.",
    ],
)
def foreign_clock_time(doc):
    """Flags a clock time written the French way ("18h20") or the German way ("14.32 Uhr")
    in English text.

    Why: French, Italian and Spanish news write "18h20", German "14.32 Uhr"; a
    translation keeps them, English writes "18:20". Example: "left at 18h20" ->
    "left at 18:20". Near misses left alone: durations ("24h", "a 2h30 flight":
    no time-of-day word before it gets only a report), codes ("3h20b"), British
    "14.30" with no "Uhr". Fix safety: the 24-hour "18:20" keeps the meaning; 0.85 after
    a preposition of time or for "Uhr", 0.6 otherwise (it may be a duration).
    """
    text = doc.text
    for m in CLOCK_H.finditer(text):
        if CLOCK_BEFORE.search(text, max(0, m.start() - 10), m.start()):
            yield Hit(m.start(), m.end(), "English writes clock times with a colon", f"{m.group(1)}:{m.group(3)}")
    for m in CLOCK_UHR.finditer(text):
        yield Hit(m.start(), m.end(), "English writes clock times with a colon and no 'Uhr'",
                  f"{m.group(1)}:{m.group(2)}")


# --------------------------------------------------------------------------- PUN112
_COMMA_DECIMAL_UNIT = regex.compile(
    NOT_AFTER + r"(\p{N}{1,3}),(\p{N}{1,2})(?![\p{N}.,])[ \u00a0\u202f](\p{L}[\p{L}²³/]*\.?)"
)


# "rooms 1,2 and 3", "chapters 3,4": a list of numbers, not a decimal.
LIST_WORDS = frozenset({"and", "or", "to", "und", "oder", "bis", "et", "ou", "y", "o"})
_PLURAL_BEFORE = regex.compile(r"\p{L}{2,}s[ \u00a0]+\Z")


@rule(
    "PUN112",
    "punctuation",
    "decimal comma before a unit of measure in English text ('1,5 km', '2,8 hectares')",
    confidence=0.85,
    anchors=[f",{a} " for a in _DIGITS] + [f",{a}{b} " for a in _DIGITS for b in _DIGITS],
    bad=[
        ("The river rose 1,5 metres overnight and flooded 2,8 hectares.",
         "The river rose 1.5 metres overnight and flooded 2.8 hectares."),
        ("A 3,4 km stretch was closed.", "A 3.4 km stretch was closed."),
    ],
    good=[
        "The river rose 1.5 metres and flooded 2,800 hectares.",
        "Rooms 1,2 and 3 were closed; in 2021,12 km were built; chapters 3,4 describe it.",
        "The plan costs 2,5 million euros.",  # PUN104's
    ],
)
def decimal_comma_before_unit(doc):
    """Flags a decimal comma before a CLDR unit or currency name in English text.

    Why: French, Spanish, German and Italian write "1,5 km"; a translation keeps it,
    English writes "1.5 km". Example: "rose 1,5 metres" -> "rose 1.5 metres". The unit
    after is what makes the comma a decimal one: one or two digits after a comma are no
    thousands group, and a unit word (CLDR, all four targets' names: "metres", "km",
    "Grad", "euros") rules out a list ("rooms 1,2 and 3"). Scale and percent words are
    left to PUN104. Another word after it ("a magnitude 5,4 earthquake") is reported
    only (0.65), and not at all after a plural noun or before "and", "or", "to" (a list:
    "chapters 3,4 describe", "rooms 1,2 and 3"). Fix safety: 0.85 before a unit.
    """
    units = measure_words()
    text = doc.text
    for m in _COMMA_DECIMAL_UNIT.finditer(text):
        if EN_DECIMAL_COMMA.match(text, m.start()):
            continue  # PUN104's
        sep = m.end(1)
        if _is_unit(m.group(3), units):
            yield Hit(sep, sep + 1, "English writes the decimal separator as a point", ".")
        elif m.group(3).lower() not in LIST_WORDS and not _PLURAL_BEFORE.search(text, max(0, m.start() - 30),
                                                                                  m.start()):
            # "a magnitude 5,4 earthquake": no list, but no unit either
            yield Hit(sep, sep + 1, "a decimal comma? English writes the decimal separator as a point", ".", 0.65)


# --------------------------------------------------------------------------- PUN118
_ENGLISH_MAGNITUDE = {6: "million", 9: "billion", 12: "trillion"}
_WORD_END = " .,;:)"
# "mil" is also English (a thousandth of an inch; slang for a million): reported only
_AMBIGUOUS_IN_ENGLISH = {"mil"}


@lru_cache(maxsize=None)
def _magnitudes() -> dict:
    return {w.lower(): e for w, e in magnitude_words().items()}


@lru_cache(maxsize=None)
def _magnitude_re() -> regex.Pattern:
    words = "|".join(regex.escape(w).replace(r"\ ", "[ \u00a0\u202f]+") for w in sorted(_magnitudes(), key=len, reverse=True))
    return regex.compile(r"(?<![\p{N}.,\p{L}])(\p{N}{1,3}(?:[.,]\p{N}{1,3})?)[ \u00a0\u202f](" + words
                         + r")(?![\p{L}\p{N}-])", regex.IGNORECASE)


def _magnitude_anchors() -> list[str]:
    firsts = sorted({w.split()[0] for w in _magnitudes()})
    return [f"{d} {w}{end}" for d in _DIGITS for w in firsts for end in _WORD_END]


@rule(
    "PUN118",
    "punctuation",
    "a source language's word for thousand, million or billion after a number in English text "
    "('30 mil homes', '175 mila', '3 millones', '2 Milliarden')",
    confidence=0.85,
    anchors=_magnitude_anchors,
    bad=[
        ("The city had 175 mila inhabitants in 1950.", "The city had 175,000 inhabitants in 1950."),
        ("The club paid 45 millones for the striker.", "The club paid 45 million for the striker."),
        ("The deal is worth 2 Milliarden euros.", "The deal is worth 2 billion euros."),
        ("The law returns 30 mil homes to the market.", None),
    ],
    good=[
        "The city had 175,000 inhabitants in 1950.",
        "Millions of people watched; 3 million more listened, and 2 milliseconds passed.",
    ],
)
def magnitude_word_in_english(doc):
    """Flags a number followed by another language's word for a power of ten.

    Why: Spanish and Portuguese "mil", Italian "mila", German "Tausend", Dutch "duizend"
    (a thousand) and their words for a million or a billion ("millones", "milhões",
    "Milliarden", "mil millones") are left in place by MT; English writes "30,000",
    "3 million", "2 billion". The words are CLDR's long compact number formats of
    French, Spanish, Italian, Portuguese, German, Dutch and Catalan (through babel),
    less those English writes itself.

    Example: "175 mila inhabitants" -> "175,000 inhabitants"; "3 millones" -> "3 million".

    Near misses: English's own words ("3 million", "millions of"); a word for a
    thousand after a decimal number ("1,5 mil") is reported without a replacement;
    Spanish "billón" is a trillion and replaced so.

    Fix safety: 0.85: the words have no English reading after a number; "mil" is
    English too (a unit of thickness, slang for a million), so it is reported only
    (0.75)."""
    text = doc.text
    table = _magnitudes()
    for m in _magnitude_re().finditer(text):
        number, word = m.group(1), m.group(2)
        e = table[" ".join(word.lower().split())]
        ambiguous = word.lower() in _AMBIGUOUS_IN_ENGLISH
        if e == 3:
            fix = f"{int(number) * 1000:,}" if number.isdigit() else None
            yield Hit(m.start(), m.end(), f"{word!r} is another language's word for a thousand",
                      None if ambiguous else fix, 0.75 if ambiguous or fix is None else 0.85)
        else:
            yield Hit(m.start(2), m.end(2), f"{word!r} is another language's word for 10^{e}",
                      _ENGLISH_MAGNITUDE[e], 0.75 if ambiguous else 0.85)
