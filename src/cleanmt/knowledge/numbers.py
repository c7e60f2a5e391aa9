"""Number conventions of the target languages, from CLDR (the `babel` package).

For each target language: its decimal and group (thousands) symbols, the space CLDR's
percent pattern puts before "%" ("#,##0\u00a0%" in French, "#,##0%" in English), and
the words that may stand right after a number as its unit: CLDR's unit names (long and
short, "kilometres", "km", "Prozent"), currency names ("euros", "Dollar") and the words
of its compact number formats ("million", "Milliarden", "millones"). The unit words are
taken from all four targets (and British English), because a translation leaves source
words in place ("8,5 Prozent" in English text).

Everything is read from babel's locale data once (about 0.3 s with babel's import) and
kept in ~/.cache/cleanmt keyed by babel's version (see _word_sets); nothing depends on
a document. CLDR data: Unicode licence; babel: BSD-3-Clause.
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


def symbols(lang: str) -> NumberSymbols:
    """CLDR's number symbols of `lang` ("en", "fr", "es", "de")."""
    return _word_sets()["symbols"][lang]


def _build_symbols(lang: str) -> NumberSymbols:
    from babel import Locale

    locale = Locale.parse(LOCALES[lang][0])
    pattern = locale.percent_formats[None].pattern  # "#,##0\u00a0%"
    before = pattern[: pattern.index("%")]
    return NumberSymbols(
        decimal=locale.number_symbols["latn"]["decimal"],
        group=locale.number_symbols["latn"]["group"],
        percent_space=before[len(before.rstrip(" \u00a0\u202f")):],
    )


def _currency_heads(locale_name: str) -> set:
    """The head nouns of a locale's currency names, singular and plural: the last word
    in English and German ("US dollars", "Schweizer Franken"), the first in French and
    Spanish ("dollars américains", "pesos mexicanos"); names with a date are left out."""
    from babel import Locale

    data = Locale.parse(locale_name)._data
    head = 0 if locale_name[:2] in ("fr", "es") else -1
    names = list(data["currency_names"].values())
    for plural in data["currency_names_plural"].values():
        names.extend(plural.values())
    return {n.split()[head] for n in names if "(" not in n and n.split()}


def _build_currency_words() -> frozenset:
    """Lower-cased head nouns of CLDR's currency names in the four targets ("euros",
    "dollars", "Franken", "pesos")."""
    words = set()
    for names in LOCALES.values():
        for name in names:
            words.update(_currency_heads(name))
    return frozenset(w.lower() for w in words)


def _first_word(pattern: str) -> str:
    """The word a unit pattern puts after its number: "{0} km/h" -> "km/h"."""
    if not pattern.startswith("{0}"):
        return ""
    rest = pattern[3:].strip(" \u00a0\u202f").split()
    return rest[0] if len(rest) == 1 else ""  # "{0} of glucose", "{0} por ciento": not one word


def _build_unit_words() -> frozenset:
    """Lower-cased words that CLDR writes right after a number in any target language:
    unit names and symbols, currency names (their head noun: "US dollars" -> "dollars",
    "dollars américains" -> "dollars"), currency codes, and compact-format words
    ("million", "Mrd.")."""
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
            words.update(data["currency_names"])  # the ISO codes
            words.update(_currency_heads(name))
            for length in data["compact_decimal_formats"].values():
                for by_count in length.values():
                    for pattern in by_count.values():
                        words.add(pattern.suffix[0].strip(" \u00a0\u202f"))
    return frozenset(w.lower() for w in words if w and not w.endswith(")") and (w[0].isalpha() or w in "%‰"))


# Source languages whose words for a thousand, a million... MT leaves after a number.
MAGNITUDE_LANGS = ("fr", "es", "it", "pt", "de", "nl", "ca")


def _build_magnitude_words() -> dict:
    """{word as CLDR writes it after a number: its power of ten} from the long compact
    number formats of MAGNITUDE_LANGS ("30 mil", "175 mila", "3 millones", "2 Milliarden",
    "2 mil millones"), formatted by babel for one and two of each power of ten from 10^3
    to 10^12; the words English writes there itself ("million", "billion") are left out."""
    import math

    from babel.numbers import format_compact_decimal

    def words(lang: str) -> dict:
        out = {}
        for e in range(3, 13):
            for lead in (1, 2):
                text = format_compact_decimal(lead * 10**e, format_type="long", locale=lang)
                number, _, word = text.replace("\u00a0", " ").partition(" ")
                if number.isdigit() and word:
                    out.setdefault(word, e - round(math.log10(int(number) / lead)))
        return out

    english = words("en")  # {"thousand": 3, "million": 6, "billion": 9, "trillion": 12}
    out: dict = {}
    for lang in MAGNITUDE_LANGS:
        for word, e in words(lang).items():
            low = word.lower()
            base = low[:-1] if low.endswith("s") and low[:-1] in english else low
            if base in english and (low == base or english[base] != e):
                continue  # English's own word; or French "billions" (10^12), not English's
            if out.get(word, e) == e:
                out[word] = e
    return out


# Currencies whose English sign stands before the amount ("€200", "£5m", "$3bn").
SIGNED_CURRENCIES = ("EUR", "GBP", "USD")


def _build_currency_signs(lang: str) -> dict:
    """{sign: head noun of the target's plural name} for SIGNED_CURRENCIES, when no CLDR
    locale of `lang` writes the sign glued before the amount ("¤#,##0.00", as English
    and Latin-American Spanish do); {} otherwise. French and German qualify (de_AT's
    "¤\u00a0#" keeps a space), Spanish does not (es_MX: "¤#,##0.00")."""
    from babel import Locale, localedata
    from babel.numbers import get_currency_name, get_currency_symbol

    for name in localedata.locale_identifiers():
        if name.split("_")[0] == lang and Locale.parse(name).currency_formats["standard"].pattern.startswith("¤#"):
            return {}
    head = 0 if lang in ("fr", "es") else -1
    return {get_currency_symbol(code, "en"): get_currency_name(code, count=2, locale=lang).split()[head].split("-")[-1]
            for code in SIGNED_CURRENCIES}


def _build_english_marks_share(lang: str) -> float:
    """The share of CLDR's locales of `lang` that write numbers the English way, a
    comma grouping and a point for decimals ("1,234.5"): none of German's, one of
    French's 46 (fr_RW), most of Spanish's (es_MX, es_US, es_419...)."""
    from babel import Locale, localedata

    names = [n for n in localedata.locale_identifiers() if n.split("_")[0] == lang]
    english = 0
    for name in names:
        marks = Locale.parse(name).number_symbols["latn"]
        english += (marks["group"], marks["decimal"]) == (",", ".")
    return english / len(names)


def _babel_version() -> str:
    """babel's version read off its __init__.py without importing it (the import takes
    0.25 s, importlib.metadata's scan of the environment as long)."""
    import importlib.util
    import re

    spec = importlib.util.find_spec("babel")
    if spec is None or spec.origin is None:
        raise ImportError("cleanmt needs babel (pip install babel)")
    with open(spec.origin, encoding="utf-8") as f:
        found = re.search(r"__version__\s*=\s*['\"]([^'\"]+)", f.read())
    return found.group(1) if found else "unknown"


@cache
def _word_sets() -> dict:
    """{"symbols": {lang: NumberSymbols}, "units": ..., "currencies": ..., "signs": ...}, built from
    babel's locale data once (about 0.3 s with babel's import) and kept in
    ~/.cache/cleanmt keyed by babel's version, so later processes read one small JSON
    file and never import babel."""
    import json
    import os

    from ..corpora import cache_dir

    path = cache_dir() / f"cldr_numbers-v4-babel{_babel_version()}.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raw = {
            "symbols": {lang: list(vars(_build_symbols(lang)).values()) for lang in LOCALES},
            "units": sorted(_build_unit_words()),
            "currencies": sorted(_build_currency_words()),
            "signs": {lang: _build_currency_signs(lang) for lang in LOCALES},
            "english_marks": {lang: _build_english_marks_share(lang) for lang in LOCALES},
            "magnitudes": _build_magnitude_words(),
        }
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only home: build it again next time
    return {
        "symbols": {lang: NumberSymbols(*v) for lang, v in raw["symbols"].items()},
        "units": frozenset(raw["units"]),
        "currencies": frozenset(raw["currencies"]),
        "signs": raw["signs"],
        "english_marks": raw["english_marks"],
        "magnitudes": raw["magnitudes"],
    }


def magnitude_words() -> dict:
    """{word: power of ten} of the source languages' words for a thousand, a million...
    after a number (see _build_magnitude_words): "mil" 3, "millones" 6, "Milliarden" 9."""
    return _word_sets()["magnitudes"]


def english_marks_share(lang: str) -> float:
    """The share of `lang`'s CLDR locales that write "1,234.5" (see _build_english_marks_share)."""
    return _word_sets()["english_marks"][lang]


def currency_signs_after(lang: str) -> dict:
    """{English sign: the target's plural currency noun} ("€": "euros", "$": "Dollar")
    for a target language whose every CLDR locale writes the sign after the amount or
    apart from it, so that "€200" is English order there; {} for English and Spanish."""
    return _word_sets()["signs"][lang]


def unit_words() -> frozenset:
    """Lower-cased words that CLDR writes right after a number in any target language
    (see _build_unit_words)."""
    return _word_sets()["units"]


def currency_words() -> frozenset:
    """Lower-cased head nouns of CLDR's currency names ("euros", "Franken", "pesos")."""
    return _word_sets()["currencies"]


_VOWELS = set("aeiouyäöüéèáíóú")


@cache
def measure_words() -> frozenset:
    """The unit words that make a number a measurement for sure ("2,5 hectares",
    "1.2 Meter", "3,5 km"): CLDR's long unit names and currency names, the compact-format
    words, and short symbols without a vowel ("km", "kWh"); not the short symbols that
    are also words ("in", "a", "to": inch, year, tonne)."""
    return frozenset(w for w in unit_words() if (len(w) >= 4 and "." not in w) or not _VOWELS & set(w))
