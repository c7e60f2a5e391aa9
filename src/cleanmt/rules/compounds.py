"""German compounds written as two words, the English way ("Klima Forschung").

English writes noun compounds open ("climate research"); German writes them as one word
("Klimaforschung"). A translation that renders each English noun on its own leaves two
capitalised nouns side by side. The evidence is wordfreq's German list: the two nouns
are common words, and the word they make when joined is a word German writes.
"""
from __future__ import annotations

import regex

from .. import frequency
from ..registry import rule
from ..types import Hit

PART_MIN = 3.0  # each part a common German word (zipf)
JOINED_MIN = 2.5  # the joined compound a word German writes
PAIR = regex.compile(r"(?<![\p{L}\p{M}\p{N}'’.-])(\p{Lu}\p{Ll}{2,}) (\p{Lu}\p{Ll}{2,})(?![\p{L}\p{M}\p{N}-])")
# a first part with a linking -s ("Sicherheits Konferenz") is no word on its own
LINKING_S_MAX = 2.0


def _part(word: str) -> bool:
    return frequency.zipf(word.lower(), "de") >= PART_MIN


@rule(
    "CLQ105",
    "calque",
    "German compound written as two words, the English way ('Klima Forschung' for 'Klimaforschung')",
    confidence=0.7,
    langs=("de",),
    trigger=r"\p{Lu}\p{Ll}{2,} \p{Lu}\p{Ll}{2,}",
    bad=[
        ("Die Klima Forschung an der Universität wächst.", "Die Klimaforschung an der Universität wächst."),
        ("Auf der Sicherheits Konferenz sprach der Minister.", "Auf der Sicherheitskonferenz sprach der Minister."),
    ],
    good=[
        "Herr Mann traf Ende Januar die Deutsche Bank in der Stadt Köln.",
        "Die Klimaforschung wächst; Präsident Macron kam Mitte Mai.",
    ],
)
def open_compound(doc):
    """Flags two capitalised German nouns side by side whose joined form is a common
    German word: "die Klima Forschung" -> "die Klimaforschung", "Sicherheits Konferenz"
    -> "Sicherheitskonferenz". Why: English compounds are open, German ones closed; the
    gap is the English habit a translation kept. Each part must be a common word (zipf
    3.0; a first part with the linking -s, "Sicherheits", is no word alone) and the
    joined form a word German writes (wordfreq de, zipf 2.5). Near misses left alone: a
    title or honorific before a name ("Herr Mann", whose join is the surname Herrmann),
    a time word before a month ("Ende Januar"), names ("Deutsche Bank", "Stadt Köln":
    their join is no word). Fix safety: the joined word; 0.7, since two nouns may meet
    at a phrase boundary ("im ganzen Land Tag für Tag")."""
    honorifics = {h.rstrip(".") for h in doc.profile.honorifics}
    for m in PAIR.finditer(doc.text, overlapped=True):
        first, second = m.group(1), m.group(2)
        if first in honorifics or not _part(second):
            continue
        linking = first.endswith("s") and frequency.zipf(first.lower(), "de") < LINKING_S_MAX
        if not (linking or _part(first)):
            continue
        if linking and not _part(first[:-1]) and not _part(first[:-1] + "e"):
            continue  # "Sicherheits": "Sicherheit" must be a word
        joined = first + second.lower()
        if frequency.zipf(joined.lower(), "de") < JOINED_MIN:
            continue
        yield Hit(m.start(), m.end(), f"German writes the compound as one word: {joined!r}", joined)
