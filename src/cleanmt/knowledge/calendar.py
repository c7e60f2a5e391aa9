"""Month and day names per language, from CLDR (the PyPI package `babel`,
BSD-3-Clause; CLDR data under the Unicode licence).

    months("fr") -> ("janvier", ..., "décembre")     (format, wide)
    days("es")   -> ("lunes", ..., "domingo")
    lowercase_names("fr") -> True   (CLDR writes French month names lower-case)

Loaded on first use, once per language (babel reads one locale file, ~10 ms).
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=None)
def _names(lang: str, kind: str) -> tuple:
    try:
        from babel import Locale

        locale = Locale.parse(lang)
    except Exception:  # babel missing or an unknown locale: no names
        return ()
    table = locale.months if kind == "months" else locale.days
    names = []
    for context in ("format", "stand-alone"):
        for name in table[context]["wide"].values():
            if name not in names:
                names.append(name)
    return tuple(names)


def months(lang: str) -> tuple:
    """The wide month names of `lang` as CLDR writes them (format and stand-alone forms)."""
    return _names(lang, "months")


def days(lang: str) -> tuple:
    """The wide day names of `lang` as CLDR writes them."""
    return _names(lang, "days")


def lowercase_names(lang: str) -> bool:
    """Does the language write month and day names lower-case mid-sentence (CLDR's
    format names are lower-case)?"""
    names = months(lang) + days(lang)
    return bool(names) and all(n[:1].islower() for n in names)


# the languages English news is often translated from whose calendar names are written
# lower-case mid-sentence (German capitalises them, like any noun: a German "Dienstag" is
# also a surname, so it is left out)
# Also the Latin-script languages whose wordfreq and CLDR data cover them and which, like
# those five, write the names lower-case (CLDR's format forms are lower-case for each):
# Catalan, the West and South Slavic languages, Hungarian, Romanian, the Nordic and Baltic ones.
SOURCE_LANGS = ("fr", "es", "it", "pt", "nl", "ca", "pl", "cs", "sk", "sl", "hr", "hu", "ro",
                "sv", "da", "nb", "fi", "lt", "lv", "et")


@lru_cache(maxsize=1)
def foreign_names_in_english() -> dict:
    """`_foreign_names_in_english()`, kept on disk beside the rules' anchors
    (anchor_cache.derived): a run reads a small pickle instead of babel's locale files."""
    from ..anchor_cache import derived

    return derived("calendar_names_en", _foreign_names_in_english)


def _foreign_names_in_english() -> dict:
    """{name: (lang, English name, "month" or "day", also a name)} for the wide month and day names of
    SOURCE_LANGS (CLDR, format and stand-alone) that English does not write in lower
    case: not a lower-case word of the English dictionary ("mars", "april"), and at
    least four letters ("mai", "mei"). `also a name`: English writes the word as a name
    (the dictionary lists it capitalised, or it is common in English: "Mardi Gras",
    "Julio", "Mayo"), so only a date's context tells the calendar word."""
    try:
        from babel import Locale

        english = Locale.parse("en")
    except Exception:  # babel missing: no names
        return {}
    from ..frequency import zipf
    from .dictionary import forms

    out: dict = {}
    for lang in SOURCE_LANGS:
        locale = Locale.parse(lang)
        for kind in ("months", "days"):
            ours, theirs = getattr(english, kind)["format"]["wide"], getattr(locale, kind)
            for context in ("format", "stand-alone"):
                for key, name in theirs[context]["wide"].items():
                    name = name.lower()
                    listed = forms(name, "en")
                    if len(name) < 4 or name in out or name in listed or name.capitalize() in ours.values():
                        continue
                    out[name] = (lang, ours[key], kind[:-1], bool(listed) or zipf(name, "en") >= 3.0)
    return out
