"""English notations of times, amounts and ordinals left in French, Spanish or German text.

A translation from English renders the words and keeps the notation: "à 9:30 a.m.",
"une aide de €200", "le 21st siècle". Each target writes these its own way: the
24-hour clock ("9 h 30", "9:30 Uhr"), the currency sign after the amount ("200 €",
CLDR's currency pattern "#,##0.00 ¤") and its own ordinal mark ("21e", "21.", "21.º").
What is correct comes from the profile (lang/*.json) and CLDR (knowledge.numbers), so a
notation that some variety of the language writes (Latin-American "$200", Spanish
"a. m.") is left alone.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from .. import frequency
from ..knowledge.numbers import currency_signs_after, english_marks_share, unit_words
from ..registry import rule
from ..types import Hit

NBSP = "\u00a0"
_DIGITS = "0123456789"


# --------------------------------------------------------------------------- PUN114
CLOCK_12H = regex.compile(
    r"(?<![\p{L}\p{N}.,:/$€£])(1[0-2]|0?[1-9])(?:[:.]([0-5]\d))?[ \u00a0\u202f]?"
    r"(?:([aApP])\.[ \u00a0\u202f]?[mM]\.?|([aApP])[mM])(?![\p{L}\p{N}])"
)
# A final "." that may also end the sentence ("à 9 a.m. Les élus..."): kept out of the span.
_SENTENCE_GOES_ON = regex.compile(r"\.(?=[ \u00a0]*(?:\p{Lu}|\n|\Z))")


def _clock_anchors():
    return [f"{d}{sep}{x}" for d in _DIGITS for sep in ("", " ") for x in ("a.m", "p.m", "am", "pm")]


@rule(
    "PUN114",
    "punctuation",
    "English 12-hour clock ('9:30 a.m.', '3 pm') in French or German text: both write the 24-hour clock ('9 h 30', '15 Uhr')",
    confidence=0.85,
    langs=("fr", "de"),
    anchors=_clock_anchors,
    bad=[
        ("La réunion commencera à 9:30 a.m. à la mairie.", "La réunion commencera à 9\u00a0h\u00a030 à la mairie."),
        ("Le train part à 3 pm.", "Le train part à 15\u00a0h."),
        ("Le vote est prévu à 12 a.m. Les élus arriveront tôt.", "Le vote est prévu à 0\u00a0h. Les élus arriveront tôt."),
    ],
    good=[
        "La réunion commencera à 9 h 30 à la mairie.",
        "Le train part à 15 h, quai 3 ; rendez-vous à 14:30, score final 3:1.",
    ],
)
def english_clock_time(doc):
    """Flags a 12-hour clock time with a.m./p.m. in French or German text ("à 9:30 a.m.",
    "um 3 pm"). Why: English writes the 12-hour clock, and a translation keeps it; French
    writes "9 h 30" (Imprimerie nationale), German "9:30 Uhr" (CLDR HH:mm, Duden). Example:
    "um 3 p.m." -> "um 15 Uhr". Near misses left alone: the German word "am" after a number
    ("Gleis 3 am Ende") is read only with dots or in capitals; Spanish is not checked
    ("a. m." and "p. m." are Spanish abbreviations, RAE). A final period that may also end
    the sentence stays in the text. Fix safety: the conversion is arithmetic (12 a.m. is
    0 h, 12 p.m. is 12 h) in the profile's clock pattern; 0.85."""
    profile = doc.profile
    text = doc.text
    for m in CLOCK_12H.finditer(text):
        bare = m.group(4)
        if bare is not None and profile.code == "de" and text[m.start(4):m.end()] == "am":
            continue  # German "am" (an dem)
        hour, minutes = int(m.group(1)), m.group(2)
        pm = (m.group(3) or bare).lower() == "p"
        h24 = hour % 12 + (12 if pm else 0)
        end = m.end()
        if text[end - 1] == "." and _SENTENCE_GOES_ON.match(text, end - 1):
            end -= 1
        pattern = profile.clock_hour_minutes if minutes and minutes != "00" else profile.clock_hour
        new = pattern.format(h=h24, mm=minutes or "00")
        yield Hit(m.start(), end, f"{profile.name} writes the 24-hour clock: {new!r}", new)


# --------------------------------------------------------------------------- PUN115
SIGN_BEFORE = regex.compile(
    r"(?<![\p{L}\p{N}$€£])([$€£])(\p{N}{1,3}(?:[,.\u00a0\u202f ]\p{N}{3})*(?:[.,]\p{N}{1,2})?)(?![\p{N}\p{L}])"
    r"(?:[ \u00a0]+(\p{L}+\.?))?"
)
# the target's scale words ("millions", "Milliarden", "Mio."): CLDR's compact-format words
_ENGLISH_SUFFIX = regex.compile(r"(?:m|bn|k|million|billion)\b")


def _scale_words():
    return {w for w in unit_words() if w.startswith(("mill", "mrd", "mio"))}


def _elided(head: str, apostrophe: str) -> str:
    return ("d" + apostrophe + head) if head[0].lower() in "aeiouyéh" else "de " + head


@rule(
    "PUN115",
    "punctuation",
    "currency sign before the amount ('€200', '$3 millions') in French or German text: both put it after ('200 €', '3 millions de dollars')",
    confidence=0.85,
    langs=("fr", "de"),
    anchors=["$", "€", "£"],
    bad=[
        ("Une aide de €200 par hectare a été promise.", "Une aide de 200\u00a0€ par hectare a été promise."),
        ("Le plan coûtera €12 millions, selon la région.", "Le plan coûtera 12 millions d’euros, selon la région."),
        ("La ville paiera £40 millions pour le stade.", "La ville paiera 40 millions de livres pour le stade."),
    ],
    good=[
        "Une aide de 200 € par hectare a été promise, et 12 millions d’euros au total.",
        "Le billet coûte US$15 ou € 20 selon le site.",
    ],
)
def currency_sign_before_amount(doc):
    """Flags a currency sign glued before an amount in French or German text ("€200",
    "$3 millions"). Why: English writes the sign first; every CLDR locale of French and
    German writes it after the amount or apart from it ("#,##0.00\u00a0¤"; Austrian
    "€ 200" keeps a space), so "€200" is the English notation a translation kept.
    Example: "€12 millions" -> "12 millions d’euros". Near misses left alone: Spanish
    (Latin America writes "$200", CLDR es_MX), a sign after letters ("US$15"), a sign
    set apart ("€ 20"). An English scale suffix ("€3bn") is reported without a fix.
    Fix safety: "200 €" (CLDR's pattern, the sign kept); with a scale word after the
    amount, the target's currency noun (CLDR's plural name) after it; 0.85, 0.8 for "$"
    (which dollar is not said)."""
    lang = doc.profile.code
    heads = currency_signs_after(lang)
    if not heads:
        return
    text = doc.text
    scales = _scale_words()
    apostrophe = "'" if "’" not in text and "'" in text else "’"
    for m in SIGN_BEFORE.finditer(text):
        sign, amount, word = m.group(1), m.group(2), m.group(3)
        confidence = 0.8 if sign == "$" else None
        msg = f"{doc.profile.name} writes the currency sign after the amount"
        if word is None and _ENGLISH_SUFFIX.match(text, m.end(2)):
            yield Hit(m.start(), m.end(2), msg + " and the scale in words", None, 0.6)
        elif word is not None and word.lower() in scales:
            head = heads[sign]
            tail = _elided(head, apostrophe) if lang == "fr" else head
            yield Hit(m.start(), m.end(3), msg, f"{amount} {word} {tail}", confidence)
        else:
            yield Hit(m.start(), m.end(2), msg, f"{amount}{NBSP}{sign}", confidence)


# --------------------------------------------------------------------------- PUN116
ORDINAL = regex.compile(r"(?<![\p{L}\p{N}.,/#-])(\p{N}{1,4})(st|nd|rd|th)(?![\p{L}\p{N}])")
CENTURY = {"fr": "siècle", "es": "siglo", "de": "Jahrhundert"}
_NEXT_WORD = regex.compile(r"[ \u00a0]+(\p{L}+)")
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _english_suffix(n: int) -> str:
    if 11 <= n % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _ordinal_anchors():
    return [f"{d}{s}" for d in _DIGITS for s in ("st", "nd", "rd", "th")]


@rule(
    "PUN116",
    "punctuation",
    "English ordinal suffix ('21st', '3rd', '4th') in French, Spanish or German text ('21e', '3.º', '4.')",
    confidence=0.85,
    langs=("fr", "es", "de"),
    anchors=_ordinal_anchors,
    bad=[
        ("Le défi du 21st siècle reste le climat.", "Le défi du XXIe siècle reste le climat."),
        ("Il a fini 4th de la course.", "Il a fini 4e de la course."),
        ("Il est arrivé 21st sur 30.", "Il est arrivé 21e sur 30."),
    ],
    good=[
        "Le défi du XXIe siècle reste le climat ; il a fini 2nd puis 4e.",
        "Voir www.exemple.fr/4th et l’article 3 ; il a fini 1er.",
    ],
)
def english_ordinal_suffix(doc):
    """Flags a numeral with an English ordinal suffix in French, Spanish or German text
    ("le 21st siècle", "quedó 3rd", "das 4th Quartal"). Why: the suffix is English; French
    writes "21e" (Imprimerie nationale; centuries in Roman numerals, "XXIe siècle"), Spanish
    "3.º" ("siglo XXI"), German "4." (Duden). Only a suffix that agrees with the number the
    English way counts (21st, 22nd, 11th). Near misses left alone: French "2nd" (second, a
    French abbreviation), suffixes inside words, paths or codes. Fix safety: German "4." and
    French "4e", 0.85; French "1er/1re" and Spanish "º/ª" depend on the noun's gender, and a
    capitalised English word after the number may make a name ("5th Avenue"): 0.6."""
    lang = doc.profile.code
    text = doc.text
    for m in ORDINAL.finditer(text):
        n, suffix = int(m.group(1)), m.group(2)
        if n == 0 or suffix != _english_suffix(n):
            continue
        if lang == "fr" and n == 2 and suffix == "nd":
            continue  # "2nd": French abbreviation of "second"
        nxt = _NEXT_WORD.match(text, m.end())
        word = nxt.group(1) if nxt else ""
        confidence = None
        if word == CENTURY[lang] and n <= 30:
            new = {"fr": _roman(n) + ("er" if n == 1 else "e"), "es": _roman(n), "de": f"{n}."}[lang]
            if lang == "es":
                confidence = 0.6  # Spanish puts the numeral after: "el siglo XXI"
        else:
            new = doc.profile.ordinal.format(n=n)
            if lang == "fr" and n == 1:
                new, confidence = "1er", 0.6
            elif lang == "es":
                confidence = 0.6
            if word[:1].isupper() and frequency.zipf(word.lower(), lang) < frequency.zipf(word.lower(), "en"):
                confidence = 0.6  # "5th Avenue": an English name
        yield Hit(m.start(), m.end(), f"{doc.profile.name} writes the ordinal {new!r}", new, confidence)


# --------------------------------------------------------------------------- PUN117
ENGLISH_NUMBER = regex.compile(r"(?<![\p{N}\p{L}.,:/$€£-])([1-9]\p{N}{0,2}(?:,\p{N}{3})+)\.(\p{N}+)(?![\p{N}\p{L}]|[.,]\p{N})")
FEW_LOCALES = 0.25  # a language most of whose locales write "1.234,5"


@rule(
    "PUN117",
    "punctuation",
    "number written the English way with both marks ('1,234.5') in French, Spanish or German text ('1 234,5', '1.234,5')",
    confidence=0.9,
    langs=("fr", "es", "de"),
    anchors=[f",{a}{b}{c}." for a in _DIGITS for b in _DIGITS for c in _DIGITS],
    bad=[
        ("Le déficit atteint 1,234.5 millions d’euros.", "Le déficit atteint 1\u00a0234,5 millions d’euros."),
        ("Il y a 12,500,000.75 euros en jeu.", "Il y a 12\u00a0500\u00a0000,75 euros en jeu."),
    ],
    good=[
        "Le déficit atteint 1 234,5 millions d’euros, soit 1,2 % du PIB ; version 1,234.5b.",
    ],
)
def english_number_format(doc):
    """Flags a number with a comma grouping its thousands and a decimal point ("1,234.5")
    in French, Spanish or German text. Why: that is English notation; the target writes
    "1 234,5" (French), "1.234,5" (German, Spain). With both marks the reading is
    certain, which a single mark ("1,234") never is. Near misses left alone: a number
    glued to letters or inside a code. Fix safety: the profile's group separator and
    decimal comma; 0.9 where few of the language's CLDR locales write numbers the
    English way (French, German), 0.6 for Spanish, which Mexico, the US and most of Latin
    America write "1,234.5" (CLDR es_MX, es_419)."""
    profile = doc.profile
    confidence = None if english_marks_share(profile.code) < FEW_LOCALES else 0.6
    for m in ENGLISH_NUMBER.finditer(doc.text):
        new = m.group(1).replace(",", profile.thousands_separator) + profile.decimal_separator + m.group(2)
        yield Hit(m.start(), m.end(), f"{profile.name} writes this number {new!r}", new, confidence)


# --------------------------------------------------------------------------- UNT104
def _month_names(locale: str) -> list:
    from babel.dates import get_month_names

    return [get_month_names("wide", "format", locale)[i] for i in range(1, 13)]


_MONTH_CONTEXT = {
    # a bare month name after the target's words for "in", "early", "late", "mid"
    "fr": r"(?:en|début|fin|mi-|depuis|dès|mois\ d[e’'])",
    "es": r"(?:en|de|desde|hasta|principios\ de|finales\ de|mediados\ de)",
    "de": r"(?:im|Anfang|Ende|Mitte|seit|bis)",
}


@lru_cache(maxsize=None)
def _english_date_re(lang: str):
    """English month names that the target does not share (German shares April, August,
    September, November), in English dates ("March 3, 2024", "3 March") or after the
    target's month prepositions ("en March")."""
    target = [m.lower() for m in _month_names(lang)]
    english = [m for m in _month_names("en") if m.lower() not in target]
    months = "|".join(english)
    day = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    year = r"(?:,?\ (?P<year>1[89]\d\d|20\d\d))?"
    return regex.compile(
        rf"(?<![\p{{L}}\p{{N}}-])(?:(?P<m1>{months})\ {day}(?!\p{{N}})(?:{year.replace('day', 'd')})"
        rf"|(?P<day2>[12]\d|3[01]|0?[1-9])\ (?P<m2>{months})(?:\ (?P<year2>1[89]\d\d|20\d\d))?"
        rf"|(?<={_MONTH_CONTEXT[lang]}\ )(?P<m3>{months}))(?![\p{{L}}\p{{N}}])"
    )


def _target_date(lang: str, month: int, day: "str | None", year: "str | None") -> str:
    name = _month_names(lang)[month]
    if day is None:
        return name
    d = str(int(day))
    if lang == "fr":
        out = f"{'1er' if d == '1' else d} {name}" + (f" {year}" if year else "")
    elif lang == "es":
        out = f"{d} de {name}" + (f" de {year}" if year else "")
    else:
        out = f"{d}. {name}" + (f" {year}" if year else "")
    return out


@rule(
    "UNT104",
    "untranslated",
    "English month name or date left in French, Spanish or German text ('le March 3', 'el 3 March 2024', 'im October')",
    confidence=0.85,
    langs=("fr", "es", "de"),
    exact_anchors=lambda: [m for m in _month_names("en")],
    bad=[
        ("Le rapport publié le March 3 par l’ONU est accablant.", "Le rapport publié le 3 mars par l’ONU est accablant."),
        ("Les élections auront lieu en October, après le 1 June 2026.",
         "Les élections auront lieu en octobre, après le 1er juin 2026."),
    ],
    good=[
        "Le rapport publié le 3 mars par l’ONU cite Fredric March et la March of Dimes.",
    ],
)
def english_date(doc):
    """Flags an English month name in French, Spanish or German text, in a date ("March 3,
    2024", "3 March") or after the target's word for "in" ("en October", "im March").
    Why: a translation that leaves a date as written keeps the English month (and its
    order); CLDR's month names of the target give the translation. Example: "le March 3"
    -> "le 3 mars". Near misses left alone: month names the target shares (German April,
    August, September, November), a capitalised month inside a name with no day or
    preposition ("March of Dimes", the actor Fredric March). Fix safety: the target's
    date order (fr "3 mars 2024", es "3 de marzo de 2024", de "3. März 2024") with CLDR's
    month name; 0.85."""
    lang = doc.profile.code
    index = {m: i for i, m in enumerate(_month_names("en"))}
    for m in _english_date_re(lang).finditer(doc.text):
        month = m.group("m1") or m.group("m2") or m.group("m3")
        day = m.group("day") or m.group("day2")
        year = m.group("year") or m.group("year2")
        new = _target_date(lang, index[month], day, year)
        yield Hit(m.start(), m.end(), f"{month!r} is English; {doc.profile.name} writes {new!r}", new)
