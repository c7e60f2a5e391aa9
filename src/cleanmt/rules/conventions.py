"""Casing and honorific conventions of the target language, read from `doc.profile`.

French and Spanish write months, days and nationality adjectives lower-case
("le 7 janvier", "le président français", "el gobierno ruso"); machine translation
from English (or an English-trained spinner) capitalises them. A translation into
French that keeps "Mr." or a Spanish one that keeps the French "M." carries the
source language's honorific. English targets are left to the English rules
(French honorifics in English text are UNT territory there).

Every match needs context that makes the reading certain: a month in a date or
after "en"/"de", a day after a determiner, a nationality after a lower-case noun
that is not a determiner, an honorific directly before a capitalised name. So
"la planète Mars", "Plaza de Mayo", "Plácido Domingo", "les Français" and
"l'Union européenne" are never touched.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from ..lexicon import load_tsv
from ..names import at_sentence_start
from ..registry import rule
from ..types import Hit


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=None)
def _calendar(lang: str, kind: str) -> tuple[str, ...]:
    rows = load_tsv("calendar_names.tsv", required=("lang", "kind", "word", "source"))
    return tuple(r["word"] for r in rows if r["lang"] == lang and r["kind"] == kind)


# --------------------------------------------------------------------------- CAS101
# Contexts in which a month or day name is certainly the calendar word.
MONTH_BEFORE = {
    # "7 Janvier", "1er Mai", "en Janvier", "début Mars", "mois de Juin", "depuis Octobre"
    "fr": r"(?:\b\d{1,2}(?:er)?|\b(?:en|début|fin|mi-|courant|depuis|dès|jusqu’en|jusqu'en|mois\ de|mois\ d’|mois\ d'))",
    # "7 de Enero", "en Enero", "mes de Junio", "principios de Marzo", "desde Octubre"
    "es": r"(?:\b\d{1,2}\ de|\b(?:en|desde|hasta|mes\ de|principios\ de|finales\ de|mediados\ de|fines\ de))",
}
DAY_BEFORE = {
    "fr": r"\b(?:le|ce|chaque|dès|depuis|jusqu’à|jusqu'à|du|au|dernier|prochain|tous\ les|les)",
    "es": r"\b(?:el|este|cada|del|al|los|próximo|pasado|desde\ el|hasta\ el)",
}
# Feast days written capitalised by convention: "Vendredi saint", "Domingo de Ramos".
DAY_FEAST_AFTER = r"(?!\ (?:saint|Saint|sainte|Sainte|gras|Gras|Santo|Santa|de\ Ramos|de\ Resurrección|de\ Pascua))"


# French holidays named by their date take a capital: le 1er Mai, le 8 Mai, le 14 Juillet,
# le 11 Novembre (Imprimerie nationale, « Fêtes »); followed by a year they are dates.
FR_HOLIDAY = regex.compile(r".*?\b(?:1er\ Mai|8\ Mai|14\ Juillet|11\ Novembre)(?!\ \d)")


@lru_cache(maxsize=None)
def _calendar_re(lang: str):
    def cap(words):
        return _alternation(w[0].upper() + w[1:] for w in words)

    month = (rf"(?<={MONTH_BEFORE[lang]}\ )({cap(_calendar(lang, 'month'))})(?![\p{{L}}\p{{M}}-])"
             + r"(?!\ \d\d(?!\d))")  # "Mai 68": an event's name
    day = rf"(?<={DAY_BEFORE[lang]}\ )({cap(_calendar(lang, 'day'))})(?![\p{{L}}\p{{M}}-]){DAY_FEAST_AFTER}"
    return regex.compile(month + "|" + day)


# "Journal du Dimanche", "Courrier del Lunes": a name word, then a linking word, then the day.
_TITLE_BEFORE = regex.compile(r"(?<![\p{L}\p{M}])(\p{Lu}\p{Ll}+)\ (?:du|de|des|del|de\ la)\ \Z")


def _in_title(text: str, start: int) -> bool:
    """The calendar word ends a title: a capitalised word that does not begin its sentence
    links to it with "du"/"del" (a newspaper, a programme). A sentence that begins
    "Réunion du Lundi" stays flagged."""
    m = _TITLE_BEFORE.search(text, max(0, start - 40), start)
    return m is not None and not at_sentence_start(text, m.start(1))


@rule(
    "CAS101",
    "casing",
    "month or day name capitalised mid-sentence in French or Spanish (both write them lower-case)",
    confidence=0.9,
    langs=("fr", "es"),
    bad=[
        ("Les manifestations ont commencé le 2 Janvier dans l’ouest du pays.",
         "Les manifestations ont commencé le 2 janvier dans l’ouest du pays."),
        ("Le conseil se réunira ce Lundi, puis en Mars.", "Le conseil se réunira ce lundi, puis en mars."),
    ],
    good=[
        "Les manifestations ont commencé le 2 janvier dans l’ouest du pays.",
        "La sonde doit se poser sur la planète Mars en février.",
        "Janvier a été un mois difficile. Le Vendredi saint tombe tôt.",
        "Selon le Courrier du Lundi, la ville a voté.",
    ],
)
def calendar_name_capitalised(doc):
    lang = doc.profile.code
    if not doc.profile.lowercase_months:
        return
    for m in _calendar_re(lang).finditer(doc.text):
        word = m.group()
        if lang == "fr" and FR_HOLIDAY.match(doc.text, max(0, m.start() - 4), m.end() + 5):
            continue  # "le 14 Juillet": the holiday, capitalised (a date with a year is not)
        if _in_title(doc.text, m.start()):
            continue  # "le Journal du Dimanche": the day inside a capitalised title
        yield Hit(m.start(), m.end(), f"{doc.profile.name} writes {word.lower()!r} lower-case", word.lower())


# --------------------------------------------------------------------------- CAS102
@lru_cache(maxsize=None)
def _nationalities(lang: str) -> frozenset:
    rows = load_tsv("nationalities.tsv", required=("lang", "form", "lemma", "source"))
    return frozenset(r["form"] for r in rows if r["lang"] == lang)


# French capitalises the noun for people: after these words the nationality is a noun
# ("les Français", "deux Allemands", "des jeunes Russes", "Français et Allemands").
FR_NOUN_CONTEXT = frozenset(
    """le la les l l’ l' un une des du de d d’ d' au aux ce cet cette ces mon ma mes ton ta tes son sa ses
    notre nos votre vos leur leurs deux trois quatre cinq six sept huit neuf dix cent mille
    plusieurs quelques certains certaines nombreux nombreuses beaucoup tous toutes autres
    jeunes vieux anciens ancien ancienne anciennes simples petits grands bons premiers derniers
    par pour avec sans chez entre contre selon que qui et ou ni mais ces-là en vers""".split()
)
# Feminine nationality forms that are also country names in Spanish ("en China", "a Siria").
ES_COUNTRY_HOMOGRAPHS = frozenset({"China", "India", "Siria", "Suiza", "Argentina", "Palestina"})
# Nationality forms that are also common surnames: the capital may be right.
SURNAME_HOMOGRAPHS = frozenset({"Alemán"})  # Miguel Alemán, Arnoldo Alemán
ES_CONJUNCTIONS = frozenset({"y", "e", "o", "u", "ni"})
# Geographic names built on a nationality adjective, capitalised by convention.
GEOGRAPHIC_HEADS = frozenset({"océan", "océano"})

@lru_cache(maxsize=None)
def _language_names(lang: str) -> frozenset:
    """CLDR's one-word names, in `lang`, of the languages with an ISO 639-1 code
    ("anglais", "árabe"), less those whose capitalised form also names a place in `lang`
    (CLDR territories, the exonym table's target forms: Corse)."""
    from babel import Locale

    from ..knowledge import exonyms

    locale = Locale.parse(lang)
    places = {t.lower() for t in locale.territories.values()}
    places.update(e.replacement.lower() for e in exonyms.index(lang).values())
    return frozenset(v for k, v in locale.languages.items()
                     if len(k) == 2 and " " not in v and "-" not in v and v not in places)


# French and Spanish name a language after "en" ("écrit en anglais", "en árabe").
LANGUAGE_BEFORE = frozenset({"en"})

NATIONALITY_CANDIDATE = regex.compile(
    r"(?<=(?<![\p{L}\p{M}’'-])(\p{Ll}[\p{L}\p{M}’'-]*)\ )(\p{Lu}\p{Ll}[\p{Ll}\p{M}-]*)(?![\p{L}\p{M}])"
)


@rule(
    "CAS102",
    "casing",
    "nationality adjective or language name capitalised mid-sentence in French or Spanish (le président français, el gobierno ruso, en anglais)",
    confidence=0.85,
    langs=("fr", "es"),
    bad=[
        ("Le président Français a reçu son homologue vendredi.", "Le président français a reçu son homologue vendredi."),
        ("L’armée a reçu le soutien de l’aviation Russe.", "L’armée a reçu le soutien de l’aviation russe."),
        ("Le rapport, rédigé en Anglais et en Arabe, sort lundi.", "Le rapport, rédigé en anglais et en arabe, sort lundi."),
    ],
    good=[
        "Les Français ont voté dimanche, comme des millions de jeunes Allemands.",
        "La Commission de l’Union européenne siège à Bruxelles, au bord de l’océan Indien.",
        "Le président français a reçu son homologue vendredi, en Corse et en Géorgie.",
    ],
)
def nationality_capitalised(doc):
    lang = doc.profile.code
    if not doc.profile.lowercase_nationalities or lang not in ("fr", "es"):
        return
    forms = _nationalities(lang)
    for m in NATIONALITY_CANDIDATE.finditer(doc.text):
        word, before = m.group(2), regex.split(r"[’']", m.group(1))[-1]
        lower = word.lower()
        if before in LANGUAGE_BEFORE and lower in _language_names(lang):
            yield Hit(m.start(2), m.end(2), f"{doc.profile.name} writes the language name {lower!r} lower-case", lower)
            continue
        if lower not in forms or before in GEOGRAPHIC_HEADS:
            continue
        if lang == "fr" and before.lower() in FR_NOUN_CONTEXT:
            continue  # a noun for people: "les Français"
        if lang == "es" and (word in ES_COUNTRY_HOMOGRAPHS or before in ES_CONJUNCTIONS):
            continue  # "en China"; "Checo, Eslovaco y Alemán": a capitalised list decides
        confidence = 0.6 if word in SURNAME_HOMOGRAPHS else None  # "el expresidente Alemán"
        yield Hit(m.start(2), m.end(2), f"{doc.profile.name} writes the nationality adjective {lower!r} lower-case",
                  lower, confidence)


# --------------------------------------------------------------------------- UNT101
@lru_cache(maxsize=None)
def _honorifics():
    return load_tsv("honorifics_by_language.tsv", required=("form", "lang", "meaning", "role", "source"))


@lru_cache(maxsize=None)
def _foreign_honorific_re(lang: str):
    forms = [r["form"] for r in _honorifics() if r["lang"] != lang and r["role"] in ("detect", "both")]
    return regex.compile(
        r"(?<![\p{L}\p{N}.’'-])(?:(\p{Lu}[\p{L}\p{M}-]*)\ )?(" + _alternation(forms) + r")(?=\ +\p{Lu}\p{Ll})"
    )


def _target_form(lang: str, meaning: str):
    for r in _honorifics():
        if r["lang"] == lang and r["meaning"] == meaning and r["role"] in ("target", "both"):
            return r["form"]
    return None


# Closed-class words that may start a sentence right before an honorific ("Según M. Dupont"):
# any other capitalised word before "M." is taken for a first name ("David M. Ihnat").
SENTENCE_OPENERS = frozenset(
    """según para con y pero como por ayer hoy cuando tras ante sobre desde entre hasta sin
    laut für mit und aber wie nach von bei gestern heute als gegen ohne auch doch
    selon pour avec et mais comme par hier quand après devant chez sans entre""".split()
)


# French "M." can be a middle initial ("Jean M. Dupont"); German needs the case of Herr(n).
AMBIGUOUS_FORMS = frozenset({"M."})


@rule(
    "UNT101",
    "untranslated",
    "another language's honorific before a name in French, Spanish or German text (Mr. Dupont in French)",
    confidence=0.85,
    langs=("fr", "es", "de"),
    trigger=r"\b(?:Mr|Mrs|Ms|Messrs|M|MM|Mme|Mmes|Mlle|Sr|Sra|Srta|Hr)\b",
    bad=[
        ("Selon Mr. Dupont, la réunion a été reportée.", "Selon M. Dupont, la réunion a été reportée."),
        ("Mrs Martin et Messrs. Leroy ont signé.", "Mme Martin et MM. Leroy ont signé."),
    ],
    good=[
        "Selon M. Dupont, la réunion a été reportée.",
        "Mme Martin a rencontré Jean M. Leroy, puis le Dr Petit.",
    ],
)
def foreign_honorific(doc):
    lang = doc.profile.code
    meaning_of = {r["form"]: (r["meaning"], r["lang"]) for r in _honorifics() if r["role"] in ("detect", "both")}
    for m in _foreign_honorific_re(lang).finditer(doc.text):
        form = m.group(2)
        before = m.group(1)
        if before and (form == "Sr." or (form in AMBIGUOUS_FORMS and before.lower() not in SENTENCE_OPENERS)):
            continue  # "Frank Sinatra Sr.": senior; "Carlos M. Pérez": an initial
        meaning, source_lang = meaning_of[form]
        target = _target_form(lang, meaning)
        confidence = 0.85
        if lang != "fr":
            confidence = 0.7  # Spanish wants an article ("el Sr."), German a case (Herr/Herrn)
        if form in AMBIGUOUS_FORMS or target is None:
            confidence = 0.6  # "M." may be an initial
        yield Hit(m.start(2), m.end(2),
                  f"{form!r} is the {_LANG_NAMES[source_lang]} honorific; {doc.profile.name} writes "
                  + (repr(target) if target else "it differently"),
                  target, confidence)


_LANG_NAMES = {"en": "English", "fr": "French", "es": "Spanish", "de": "German"}
