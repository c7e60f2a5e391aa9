"""English sentence openers left in French, Spanish or German text ("However, ...").

A translation from English sometimes keeps the connective that opens a sentence
("However,", "Meanwhile,", "Moreover,") and translates the rest. UNT102 reads English
words inside the target's syntax, lower-case; these stand capitalised before a comma,
where a name could stand too, so the evidence is the English dictionary: a word it
writes only lower-case (no name: Smith, Brown and Rose have capitalised entries), very
common in English and rare in the target (wordfreq), and unknown to the target's
dictionary.
"""
from __future__ import annotations

import regex

from .. import frequency
from ..knowledge import dictionary
from ..names import at_sentence_start
from ..registry import rule
from ..types import Hit

ENGLISH_MIN = 4.0  # zipf in English: a very common word
TARGET_MAX = 3.0  # zipf in the target: rare there
GAP_MIN = 1.5
OPENER = regex.compile(r"(?<![\p{L}\p{M}'’-])(\p{Lu}\p{Ll}{2,})(?=,[ \u00a0])")


def _english_only(word: str, lang: str) -> bool:
    w = word.lower()
    en, target = frequency.zipf(w, "en"), frequency.zipf(w, lang)
    if en < ENGLISH_MIN or target > TARGET_MAX or en - target < GAP_MIN:
        return False
    return dictionary.case_class(w, "en") == dictionary.LOWER and dictionary.case_class(w, lang) == 0


@rule(
    "UNT105",
    "untranslated",
    "English connective opening a sentence in French, Spanish or German text ('However, ...', 'Meanwhile, ...')",
    confidence=0.6,
    langs=("fr", "es", "de"),
    trigger=r"\p{Lu}\p{Ll}{2,},[ \u00a0]",
    bad=[
        ("Le texte a été adopté. However, aucun accord n’a été trouvé.", None),
        ("Meanwhile, les négociations continuent à Bruxelles.", None),
    ],
    good=[
        "Le texte a été adopté. Cependant, aucun accord n’a été trouvé.",
        "Smith, Brown et Trump ont signé. Madrid, Paris et Londres aussi. Bref, rien.",
    ],
)
def english_sentence_opener(doc):
    """Flags a capitalised word that opens a sentence before a comma in French, Spanish or
    German text when it is an English word: one the English dictionary writes only
    lower-case, very common in English (zipf 4.0) and rare in the target (at most 3.0, 1.5
    lower), unknown to the target's dictionary ("However,", "Meanwhile,", "Moreover,").
    Why: MT kept the source's connective. Near misses left alone: names before a comma
    (Smith, Madrid: capitalised in a dictionary, or common in the target), the target's
    own words (German "Also,"). Fix safety: none (the translation depends on the
    sentence); 0.6."""
    lang = doc.profile.code
    text = doc.text
    for m in OPENER.finditer(text):
        if not at_sentence_start(text, m.start()) or not _english_only(m.group(1), lang):
            continue
        yield Hit(m.start(), m.end(), f"{m.group(1)!r} is English, left untranslated at the start of the sentence",
                  None)
