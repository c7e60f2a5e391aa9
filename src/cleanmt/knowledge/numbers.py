"""Number conventions of the target languages, from CLDR (the `babel` package).

For each target language: its decimal and group (thousands) symbols, the space CLDR's
percent pattern puts before "%" ("#,##0\u00a0%" in French, "#,##0%" in English), and
the words that may stand right after a number as its unit: CLDR's unit names (long and
short, "kilometres", "km", "Prozent"), currency names ("euros", "Dollar") and the words
of its compact number formats ("million", "Milliarden", "millones"). The unit words are
taken from all four targets (and British English), because a translation leaves source
words in place ("8,5 Prozent" in English text).

Everything is read from babel's locale data once (functools.cache, about 0.1 s); nothing
depends on a document. CLDR data: Unicode licence; babel: BSD-3-Clause.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

# Locales read for each target; unit words come from all of them.
LOCALES = {"en": ("en", "en_GB"), "fr": ("fr",), "es": ("es",), "de": ("de",)}


@dataclass(frozen=True)
class NumberSymbols:
    decimal: str  # "." in English, "," in French, Spanish and German
    group: str  # "," "." or the narrow no-break space U+202F (French)
    percent_space: str  # what stands between the number and "%" ("" or U+00A0)


@cache
def symbols(lang: str) -> NumberSymbols:
    """CLDR's number symbols of `lang` ("en", "fr", "es", "de")."""
    from babel import Locale

    locale = Locale.parse(LOCALES[lang][0])
    pattern = locale.percent_formats[None].pattern  # "#,##0\u00a0%"
    before = pattern[: pattern.index("%")]
    return NumberSymbols(
        decimal=locale.number_symbols["latn"]["decimal"],
        group=locale.number_symbols["latn"]["group"],
        percent_space=before[len(before.rstrip(" \u00a0\u202f")):],
    )


def _first_word(pattern: str) -> str:
    """The word a unit pattern puts after its number: "{0} km/h" -> "km/h"."""
    if not pattern.startswith("{0}"):
        return ""
    rest = pattern[3:].strip(" \u00a0\u202f").split()
    return rest[0] if len(rest) == 1 else ""  # "{0} of glucose", "{0} por ciento": not one word


@cache
def unit_words() -> frozenset:
    """Lower-cased words that CLDR writes right after a number in any target language:
    unit names and symbols, currency names (their last word: "US dollars" -> "dollars"),
    currency codes, and compact-format words ("million", "Mrd.")."""
    from babel import Locale

    words = set()
    for names in LOCALES.values():
        for name in names:
            data = Locale.parse(name)._data
            for unit, lengths in data["unit_patterns"].items():
                for length in ("long", "short"):
                    forms = lengths.get(length) or {}
                    for count, pattern in forms.items():
                        if count != "per" and isinstance(pattern, str):
                            words.add(_first_word(pattern))
            for unit, names_by_length in data["unit_display_names"].items():
                words.update(n for n in names_by_length.values() if isinstance(n, str) and " " not in n)
            for code, name in data["currency_names"].items():
                words.update((code, name.split()[-1]))
            for code, plural in data["currency_names_plural"].items():
                words.update(n.split()[-1] for n in plural.values())
            for length in data["compact_decimal_formats"].values():
                for by_count in length.values():
                    for pattern in by_count.values():
                        words.add(pattern.suffix[0].strip(" \u00a0\u202f"))
    return frozenset(w.lower() for w in words if w and not w.endswith(")") and (w[0].isalpha() or w in "%‰"))


_VOWELS = set("aeiouyäöüéèáíóú")


@cache
def measure_words() -> frozenset:
    """The unit words that make a number a measurement for sure ("2,5 hectares",
    "1.2 Meter", "3,5 km"): CLDR's long unit names and currency names, the compact-format
    words, and short symbols without a vowel ("km", "kWh"); not the short symbols that
    are also words ("in", "a", "to": inch, year, tonne)."""
    return frozenset(w for w in unit_words() if (len(w) >= 4 and "." not in w) or not _VOWELS & set(w))
