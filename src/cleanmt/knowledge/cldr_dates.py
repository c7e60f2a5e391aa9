"""Month and weekday names from CLDR (via babel), for reading dates in page headers.

The boilerplate rules recognise the timestamp of a byline line ("Thursday 19 March, 01:14",
"22 OCT - 09:18 CEST", "Nov. 21, 2025 4:12 p.m. ET") in the target languages and in the
languages English text is often translated from. The names are CLDR's wide and abbreviated
month and weekday names, format and stand-alone, for LOCALES; names of fewer than three
letters ("Di", "ma", "Sa") are left out, for they are ordinary words. babel is BSD-3-Clause;
the lookup takes about 60 ms, once per process.
"""
from __future__ import annotations

from functools import cache

LOCALES = ("en", "fr", "es", "de", "it", "pt", "nl")


def _names(getter) -> frozenset[str]:
    out = set()
    for loc in LOCALES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for name in getter(width, context, loc).values():
                    name = name.rstrip(".")
                    if len(name) >= 3 and name.replace("-", "").isalpha():
                        out.add(name)
    return frozenset(out)


@cache
def month_names() -> frozenset[str]:
    """Every CLDR month name of LOCALES, without a final '.' ('Nov', 'novembre', 'März')."""
    from babel.dates import get_month_names

    return _names(get_month_names)


@cache
def weekday_names() -> frozenset[str]:
    """Every CLDR weekday name of LOCALES, without a final '.' ('Thu', 'jeudi', 'Donnerstag')."""
    from babel.dates import get_day_names

    return _names(get_day_names)
