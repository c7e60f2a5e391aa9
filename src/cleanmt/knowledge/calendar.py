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
