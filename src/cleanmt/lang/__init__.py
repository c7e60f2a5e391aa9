"""Target-language profiles: what is correct typography in each language.

What is an artifact depends on the language the text is in: « » is a leftover
in English and the norm in French; a space before ":" is an error in English
and required in French. Each profile is a JSON data file beside this module
(with its sources); rules read `doc.profile` instead of hard-coding English.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

SUPPORTED = ("en", "fr", "es", "de")
FALLBACK = "en"
MIN_DETECT_CHARS = 200
MIN_DETECT_PROB = 0.80


@dataclass(frozen=True)
class Profile:
    code: str
    name: str
    sources: str
    primary_quotes: tuple[str, str]
    nested_quotes: tuple[str, str]
    also_correct_quotes: tuple[str, ...]
    foreign_quotes: tuple[str, ...]
    space_before: tuple[str, ...]
    space_inside_guillemets: bool
    no_space_before: tuple[str, ...]
    honorifics: tuple[str, ...]
    lowercase_months: bool
    lowercase_nationalities: bool
    capitalise_nouns: bool
    decimal_separator: str
    thousands_separator: str
    clock_hour: str  # a whole hour in the 24-hour clock: "{h} h" (French), "{h} Uhr"
    clock_hour_minutes: str  # "{h} h {mm}", "{h}:{mm} Uhr"
    punctuation_inside_closing_quote: tuple[str, ...]  # marks that may close a quotation inside it
    ordinal: str  # a numeral ordinal: "{n}e" (French), "{n}.º", "{n}."


@lru_cache(maxsize=None)
def get_profile(code: str) -> Profile:
    if code not in SUPPORTED:
        raise ValueError(f"no profile for language {code!r} (supported: {', '.join(SUPPORTED)})")
    raw = json.loads(resources.files(__name__).joinpath(f"{code}.json").read_text(encoding="utf-8"))
    q = raw["quotes"]
    return Profile(
        code=raw["code"],
        name=raw["name"],
        sources=raw["sources"],
        primary_quotes=tuple(q["primary"]),
        nested_quotes=tuple(q["nested"]),
        also_correct_quotes=tuple(q["also_correct"]),
        foreign_quotes=tuple(raw["foreign_quotes"]),
        space_before=tuple(raw["space_before"]),
        space_inside_guillemets=raw["space_inside_guillemets"],
        no_space_before=tuple(raw["no_space_before"]),
        honorifics=tuple(raw["honorifics"]),
        lowercase_months=raw["lowercase_months"],
        lowercase_nationalities=raw["lowercase_nationalities"],
        capitalise_nouns=raw["capitalise_nouns"],
        decimal_separator=raw["decimal_separator"],
        thousands_separator=raw["thousands_separator"],
        clock_hour=raw["clock"]["hour"],
        clock_hour_minutes=raw["clock"]["hour_minutes"],
        punctuation_inside_closing_quote=tuple(raw["punctuation_inside_closing_quote"]),
        ordinal=raw["ordinal"],
    )


@dataclass(frozen=True)
class LanguageGuess:
    code: str
    confidence: float
    reason: str


def detect_language(text: str) -> LanguageGuess:
    """Guess the target language with langdetect (seeded, so runs repeat).

    A short, mixed or unsupported document falls back to English and says why.
    """
    sample = text[:20000]
    if len(sample.strip()) < MIN_DETECT_CHARS:
        return LanguageGuess(FALLBACK, 0.0, f"too short to detect (< {MIN_DETECT_CHARS} characters); using en")
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        guesses = detect_langs(sample)
    except LangDetectException:
        return LanguageGuess(FALLBACK, 0.0, "no language detected; using en")
    best = guesses[0]
    if best.lang not in SUPPORTED:
        return LanguageGuess(FALLBACK, best.prob, f"detected {best.lang} ({best.prob:.2f}), no profile; using en")
    if best.prob < MIN_DETECT_PROB:
        return LanguageGuess(FALLBACK, best.prob, f"mixed text (best {best.lang} at {best.prob:.2f}); using en")
    return LanguageGuess(best.lang, best.prob, f"detected {best.lang} ({best.prob:.2f})")


def resolve(lang: Optional[str], text: str) -> LanguageGuess:
    """The profile code to use for `text` given the user's --lang (None or "auto": detect)."""
    if lang in (None, "auto"):
        return detect_language(text)
    get_profile(lang)  # validates
    return LanguageGuess(lang, 1.0, "given")
