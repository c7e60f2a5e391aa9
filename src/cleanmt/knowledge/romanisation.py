"""Romanisations of Russian and Ukrainian words, by language: "Iakoutsk" is French for Якутск,
which English writes "Yakutsk".

What it gives: `lookup(word, lang)` → the target language's form of a name word that
another language's romanisation wrote (French, German, Spanish; English for the other
targets), with the Cyrillic word behind it and how sure the choice is; None for a word
no scheme explains.

How the index is built (scripts/make_romanisation.py, shipped as
data/romanisation_<lang>.tsv; without the file, built once into ~/.cache/cleanmt):

- Words: wordfreq's Russian and Ukrainian lists (zipf ≥ 2.0 / 2.5), kept when they may
  be names: a letter English spelling would romanise (й ы ж ш щ ч х ц ю я ё э ь ъ і ї є ґ)
  or a surname/toponym suffix (-ов, -ева, -ский, -енко, -ск, -ия, -бург ...).
- Each word is romanised with every scheme of every source language (below: the
  French press usage, Duden for German, the Spanish press usage, and for English the
  iuliia package's Wikipedia and BGN/PCGN schemes, plus the Ukrainian national system);
  foreign forms are filed accents folded and lower-cased.
- The target language's form is, among its own schemes' outputs (and a few press
  variants: Alexei for Aleksey, Yakutia for Yakutiya, Gergiev for Gergiyev), the first
  scheme's unless wordfreq says the target language writes another clearly more often
  (≥ 0.3 zipf, twice as often).
- Targets: English, French, German and Spanish (German and Spanish since the index
  became their TRL003 evidence; their Slavic name endings, -ow/-witsch/-skij and
  -ov/-ich/-ski, play the part of English's below, and a word with the target's own
  letters, ä ö ü ß or ñ ü, is never looked up).
- A foreign form is dropped when the target language's word list knows it (it is then
  the target's own usage or a name of another origin: Louis, Jurgen, Kouchner,
  Tchaikovsky), except, for English, a Slavic surname form clearly less used than the
  target form (Abramovitch); when it differs from the target form only as names of
  other origins do (w/v, ch/sh/kh, i/y/j: Pawlik, Chaman) unless the target is known
  and it is not; when it is a common word of another language (Protéine, Festiwal)
  and not a Slavic surname or town form; and when two Cyrillic words give it two
  target forms.

Levels: KNOWN when the target language's word list knows the target form (zipf ≥ 1.0),
SCHEME when it does not (English only, surnames only: Souslova → Suslova): the
scheme's form is then a guess.

Sources: schemes from https://iuliia.ru/wikipedia/ and https://iuliia.ru/bgn-pcgn/
(iuliia package, MIT); the French usage after fr.wikipedia "Transcription du russe en
français"; German after de.wikipedia "Deutsche Transkription" (Duden); Spanish after
es.wikipedia "Romanización del ruso" (Fundéu usage); Ukrainian English after the
Ukrainian national system (Cabinet of Ministers resolution 55, 2010). Word lists:
wordfreq (Apache-2.0 code; data CC BY-SA 4.0).
"""
from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Optional

KNOWN, SCHEME = "known", "scheme"
SCHEMA_VERSION = "9"  # bump when the schemes or the filters below change: the cache is rebuilt

# ---------------------------------------------------------------------------
# the schemes (Cyrillic lower case → Latin), as iuliia TranslitSchema arguments
# ---------------------------------------------------------------------------
_VOWELS = "аеёиоуыэюяіїє"
_UK_ONLY = set("іїєґ")

_RU_BASE = dict(zip("абвгдезиклмнопрстуфы", "abvgdeziklmnoprstufy"))


def _letters(base: dict, **over: str) -> dict:
    m = dict(base)
    m.update({k: v for k, v in over.items()})
    return m


def _cyr(**kw: str) -> dict:
    """Keyword arguments spelled with Latin names for Cyrillic letters."""
    names = dict(zh="ж", y="й", kh="х", ts="ц", ch="ч", sh="ш", shch="щ", hard="ъ", soft="ь",
                 e_="э", yu="ю", ya="я", yo="ё", i_="і", yi="ї", ye="є", g_="ґ", h_="г", y_="и")
    return {names[k]: v for k, v in kw.items()}


# French press usage: у ou, ч tch, ш ch, ж j, х kh, й ï after a vowel, ю iou, я ia,
# г before е/и gu, кс x, -ий i, -ин ine (Poutine), -ия ie for places (Iakoutie).
_FR = _letters(_RU_BASE, **_cyr(zh="j", y="ï", kh="kh", ts="ts", ch="tch", sh="ch", shch="chtch",
                                hard="", soft="", e_="e", yu="iou", ya="ia", yo="io", i_="i", yi="ï",
                                ye="ie", g_="g"), у="ou")
_FR_NEXT = {"ге": "gu", "ги": "gu", "кс": ""}
_FR_PREV = {"кс": "x", "ье": "ie", "ъе": "ie", "й": "i", "ия": "a",
            **{v + "е": "ïe" for v in "аоуыэ"}}  # Tokaïev
_FR_ENDINGS = [{"ий": "i", "ый": "y"},
               {"ий": "i", "ый": "y", "ин": "ine", "ия": "ie"}]

# German (Duden): в w, ж sch, з s, х ch, ц z, ч tsch, ш sch, щ schtsch, й i / j, е je at
# the start and after a vowel, ю ju, я ja, ё jo, -ий i, кс x; Ukrainian и y, й j, г h.
_DE = _letters(_RU_BASE, **_cyr(zh="sch", y="i", kh="ch", ts="z", ch="tsch", sh="sch",
                                shch="schtsch", hard="", soft="", e_="e", yu="ju", ya="ja", yo="jo",
                                i_="i", yi="ji", ye="je", g_="g"), в="w", з="s")
_DE_PREV = {"е": "je", "ье": "je", "ъе": "je", **{v + "е": "je" for v in _VOWELS},
            "жё": "o", "чё": "o", "шё": "o", "щё": "o", "кс": "x"}
_DE_NEXT = {"кс": ""}
_DE_ENDINGS = [{"ий": "i", "ый": "y"}, {"ий": "ij", "ый": "yj"}]

# Spanish press usage: х j, ж zh, ч ch, ш sh, й i, е ye at the start, г before е/и gu,
# ю iu, я ia, ё io (o after ж ч ш щ), -ий i.
_ES = _letters(_RU_BASE, **_cyr(zh="zh", y="i", kh="j", ts="ts", ch="ch", sh="sh", shch="sch",
                                hard="", soft="", e_="e", yu="iu", ya="ia", yo="io", i_="i", yi="i",
                                ye="ie", g_="g"))
_ES_PREV = {"е": "ye", "ю": "yu", "я": "ya", "жё": "o", "чё": "o", "шё": "o", "щё": "o", "ьи": "yi", "ия": "a"}
_ES_NEXT = {"ге": "gu", "ги": "gu"}
_ES_ENDINGS = [{"ий": "i", "ый": "i"}, {"ий": "i", "ый": "y"}]

# Ukrainian national system (2010): г h, ґ g, и y, і i, ї yi / i, є ye / ie, й y / i,
# ю yu / iu, я ya / ia (the first at the start of a word).
_UK_EN = _letters(_RU_BASE, **_cyr(zh="zh", y="i", kh="kh", ts="ts", ch="ch", sh="sh", shch="shch",
                                   hard="", soft="", e_="e", yu="iu", ya="ia", yo="io", i_="i",
                                   yi="i", ye="ie", g_="g", h_="h", y_="y"))
_UK_EN_PREV = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya", "зг": "gh"}
_UK_EN_ENDINGS = [{"ий": "y"}, {"ий": "yi"}, {"ий": "yy"}]
_UK_OVER = dict(г="h", и="y", й="j")  # Ukrainian letters in the German scheme
_UK_OVER_FR = dict(г="h", и="y")  # and the French


def _schema(name, mapping, prev=None, nxt=None, endings=None):
    from iuliia.schema import TranslitSchema

    return TranslitSchema(name=name, mapping=mapping, prev_mapping=prev, next_mapping=nxt,
                          ending_mapping=endings)


@cache
def _schemes() -> dict[tuple[str, str], list]:
    """(romanising language, Cyrillic source language) → its schemes, preferred first."""
    import iuliia

    out: dict[tuple[str, str], list] = {}
    out[("fr", "ru")] = [_schema(f"fr{i}", _FR, _FR_PREV, _FR_NEXT, e) for i, e in enumerate(_FR_ENDINGS)]
    out[("fr", "ru")].append(iuliia.MVD_310_FR)
    out[("fr", "uk")] = [_schema(f"fr-uk{i}", {**_FR, **_UK_OVER_FR}, _FR_PREV, _FR_NEXT, e)
                         for i, e in enumerate(_FR_ENDINGS)]
    out[("de", "ru")] = [_schema(f"de{i}", _DE, _DE_PREV, _DE_NEXT, e) for i, e in enumerate(_DE_ENDINGS)]
    out[("de", "uk")] = [_schema("de-uk", {**_DE, **_UK_OVER}, _DE_PREV, _DE_NEXT, None)]
    out[("es", "ru")] = [_schema(f"es{i}", _ES, _ES_PREV, _ES_NEXT, e) for i, e in enumerate(_ES_ENDINGS)]
    out[("es", "uk")] = [_schema("es-uk", {**_ES, "г": "h", "и": "y"}, _ES_PREV, _ES_NEXT, None)]
    out[("en", "ru")] = [iuliia.WIKIPEDIA, iuliia.BGN_PCGN]
    out[("en", "uk")] = [_schema(f"en-uk{i}", _UK_EN, _UK_EN_PREV, None, e) for i, e in enumerate(_UK_EN_ENDINGS)]
    return out


# press variants of an English romanisation (applied to each scheme's output)
_EN_VARIANTS = [
    (re.compile(r"ks"), "x"),  # Aleksandr / Alexander's x
    (re.compile(r"ey$"), "ei"),  # Aleksey / Alexei
    (re.compile(r"iya$"), "ia"),  # Yakutiya / Yakutia
    (re.compile(r"^ye"), "e"),  # Yevgeny / Evgeny
    (re.compile(r"yo"), "e"),  # Gorbachyov / Gorbachev
    (re.compile(r"yy$"), "y"),  # Zelenskyy / Zelensky
    (re.compile(r"iye"), "ie"),  # Gergiyev / Gergiev (Aliyev stays: the word list decides)
]
_FR_VARIANTS = [(re.compile(r"(?<=[aeiouy])s(?=[aeiouy])"), "ss")]  # Vassili, Moussorgski
_DE_VARIANTS = [(re.compile(r"(?<=[aeiouy])s(?=[aeiouy])"), "ss")]


def _variants(form: str, rules) -> set[str]:
    out = {form}
    for rx, repl in rules:
        out |= {rx.sub(repl, f) for f in out}
    return out


_VARIANT_RULES = {"en": _EN_VARIANTS, "fr": _FR_VARIANTS, "de": _DE_VARIANTS, "es": []}


def fold_accents(s: str) -> str:
    """Lower case without diacritics (Alexeï → alexei) and without apostrophes."""
    s = unicodedata.normalize("NFKD", s.lower())
    return "".join(c for c in s if not unicodedata.combining(c) and c not in "’”'·")


def spellings(word: str, lang: str, source: str = "ru") -> list[str]:
    """Every spelling language `lang` gives the Cyrillic `word`, preferred first, lower
    case with the scheme's diacritics (French Sergueï), one per folded form."""
    schemes = _schemes().get((lang, source), [])
    out: list[str] = []
    seen: set[str] = set()
    for s in schemes:
        base = s.translate(word).replace("ё", "e").replace("’", "").replace("”", "").replace("·", "")
        for f in [base, *sorted(_variants(base, _VARIANT_RULES[lang]) - {base})]:
            key = fold_accents(f)
            if key not in seen and key.isascii() and key.isalpha():
                seen.add(key)
                out.append(f)
    return out


def romanisations(word: str, lang: str, source: str = "ru") -> list[str]:
    """`spellings`, folded (Serguei): the keys the index files foreign forms under."""
    return [fold_accents(f) for f in spellings(word, lang, source)]


# ---------------------------------------------------------------------------
# which Cyrillic words may be names
# ---------------------------------------------------------------------------

_MARKED = re.compile(r"[йыжшщчхцюяёэьъіїєґ]")
_SUFFIX = re.compile(
    r"(?:[оеё]в|[оеё]ва|[иы]н|[иы]на|ск|ский|ская|цкий|цкая|ськ|ський|ська|енко|ук|юк|чук|ич|вна|швили|дзе|"
    r"ян|ия|ово|ево|ино|бург|град|поль|город|горск)$"
)
_SURNAME = re.compile(r"(?:[оеё]в|[оеё]ва|[иы]н|[иы]на|ский|ская|цкий|цкая|ський|ська|енко|чук|юк|вич|швили|дзе)$")


_SLAVIC_TARGET = re.compile(r"(?:vich|vna|[aeiouy]y?ev|[oe]va?|[yi]?eva|sky|skaya|enko|chuk|yuk|"
                            r"sk|grad|burg|gorod|ovo|evo|ino)$")  # surnames, patronymics, towns
# the same name forms as German and Spanish write them (Duden: -ow, -ewa, -witsch, -skij;
# Spanish press: -ov, -ievich, -ski)
_SLAVIC_TARGET_BY_LANG = {
    "de": re.compile(r"(?:witsch|wna|[aeiou]j?ew|[oe]wa?|jewa|ski|skij|skaja|enko|tschuk|juk|"
                     r"sk|grad|burg|gorod|owo|ewo|ino)$"),
    "es": re.compile(r"(?:vich|vna|[aeiou]y?ev|[oe]va?|yeva|ski|skaya|enko|chuk|yuk|"
                     r"sk|grad|burg|gorod|ovo|evo|ino)$"),
}


def _slavic_target(target: str, lang: str) -> bool:
    return bool(_SLAVIC_TARGET_BY_LANG.get(lang, _SLAVIC_TARGET).search(target))


def _may_be_name(word: str) -> bool:
    return bool(_MARKED.search(word) or _SUFFIX.search(word))


_SOURCES = (("ru", 2.0), ("uk", 2.5))  # wordfreq list and the least zipf a word needs in it


def _cyrillic_words():
    import wordfreq

    for source, least in _SOURCES:
        freq = wordfreq.get_frequency_dict(source)
        least_freq = 10 ** least / 1e9
        for w, f in freq.items():
            if f < least_freq:
                continue
            if source == "uk" and re.search("[ыэъё]", w):
                continue  # a Russian spelling in the Ukrainian list
            if len(w) >= 4 and w.isalpha() and _may_be_name(w) and re.fullmatch(r"[а-яёіїєґ]+", w):
                if source == "ru" and _UK_ONLY.intersection(w):
                    continue
                if source == "uk":
                    _UK_WORDS.add(w)
                yield source, w


# ---------------------------------------------------------------------------
# the index
# ---------------------------------------------------------------------------

TARGET_LANGS = ("en", "fr", "de", "es")
_FOREIGN = {"en": ("fr", "de", "es"), "fr": ("en", "de", "es"), "de": ("en", "fr", "es"), "es": ("en", "fr", "de")}
PREFERENCE_MARGIN = 0.3  # another target form must be this much more frequent (zipf) to win
TARGET_KNOWS = 2.0  # a foreign form this frequent in the target language is its own usage


@dataclass(frozen=True)
class Romanisation:
    """What the index says of one foreign form."""

    target: str  # lower case, folded: the caller restores the case
    cyrillic: str
    source_lang: str  # the romanising language of the foreign form (fr, de, es, en)
    level: str  # KNOWN (the target language's word list knows `target`) or SCHEME


def _zipf(word: str, lang: str) -> float:
    from ..frequency import zipf

    return zipf(word, lang)


_WEAK = [(re.compile(a), b) for a, b in (("sh", "ch"), ("kh", "ch"), ("v", "w"), ("[yj]", "i"), ("(.)\\1", "\\1"))]


def weak_only(foreign: str, target: str) -> bool:
    """Whether two folded forms differ only where romanisations of other origins differ
    too (w/v, ch/sh/kh, i/y/j, doubled letters): Pawlik, Chaman, Zelenski. Such a
    foreign form is kept only when the target's form is known and the foreign one is not."""
    a, b = foreign, target
    for rx, repl in _WEAK:
        a, b = rx.sub(repl, a), rx.sub(repl, b)
    return a == b


def _target_form(forms: list[str], lang: str) -> tuple[str, float]:
    """The preferred scheme's form, unless the word list finds another clearly more used."""
    best, best_z = forms[0], _zipf(forms[0], lang)
    first_z = best_z
    for f in forms[1:]:
        z = _zipf(f, lang)
        if z > best_z and z >= first_z + PREFERENCE_MARGIN:
            best, best_z = f, z
    return best, best_z


# Languages whose common words, capitalised at a sentence start or in a title left
# untranslated, could pass for a romanised name once accents are folded (French
# Protéine, Parodie; Polish Festiwal; Czech Kraji).
OTHER_LANGS = ("fr", "de", "es", "it", "pt", "nl", "pl", "cs", "tr")
COMMON = 3.0  # zipf: a common word


@cache
def _common_foreign_words() -> frozenset:
    """Folded common words (zipf ≥ COMMON) of OTHER_LANGS (wordfreq)."""
    import wordfreq

    out = set()
    for lang in OTHER_LANGS:
        least = 10 ** COMMON / 1e9
        out.update(fold_accents(w) for w, f in wordfreq.get_frequency_dict(lang).items() if f >= least)
    return frozenset(out)


def _build(lang: str) -> dict[str, tuple[str, str, str, str]]:
    """foreign form → (target form, Cyrillic word, romanising language, level)."""
    common = _common_foreign_words()
    out: dict[str, tuple[str, str, str, str]] = {}
    dropped: set[str] = set()
    for source, word in _cyrillic_words():
        targets = spellings(word, lang, source)
        if not targets:
            continue
        target, zt = _target_form(targets, lang)
        if zt >= 1.0:
            level = KNOWN
        elif lang == "en" and zt == 0.0 and _SURNAME.search(word):
            level = SCHEME
        else:
            continue
        own = {fold_accents(t) for t in targets}
        for flang in _FOREIGN[lang]:
            for f in romanisations(word, flang, source):
                if f in own or f in dropped:
                    continue
                zf = _zipf(f, lang)
                if zf >= TARGET_KNOWS or (level == KNOWN and zf >= zt) or (level == SCHEME and zf > 0):
                    continue  # the target language writes this spelling itself
                if weak_only(f, fold_accents(target)) and (level == SCHEME or zf > 0):
                    continue  # Pawlik (Polish), Chaman (a Pashto town) are not Павлик, шаман
                if f in common and (_zipf(target, lang) >= COMMON or weak_only(f, fold_accents(target))
                                    or not _slavic_target(fold_accents(target), lang)):
                    continue  # Protéine, Parodie, Festiwal: a common word of a language; a famous
                    # name (Staline) is the gazetteer's; only Slavic name forms stay (Loukachenko)
                if zf > 0 and not (zt >= zf + 0.5 and (lang == "fr" or _slavic_target(target, lang)
                                                       and (lang != "en" or "w" not in f))):
                    # a spelling the target's word list knows is mostly a name of another
                    # origin (Kouchner, Guilbert, Fischman); only a Slavic surname or
                    # patronymic form is trusted (Gourevitch, Nazarbaev), and no w (Polish)
                    # (German and Spanish targets: only such a form, too)
                    continue
                new = (target, word, flang, level)
                old = out.get(f)
                if old is None or (old[3] == SCHEME and level == KNOWN):
                    out[f] = new
                elif old[0] != target and old[3] == level:
                    # two words romanised alike, two target forms, no way to choose
                    del out[f]
                    dropped.add(f)
    return out


HEADER = "foreign\ttarget\tcyrillic\tromanised_by\tlevel\twordlist"


def shipped_path(lang: str):
    """The index as shipped (src/cleanmt/data/romanisation_<lang>.tsv, made by
    scripts/make_romanisation.py)."""
    from importlib import resources

    return resources.files("cleanmt").joinpath("data", f"romanisation_{lang}.tsv")


def write_tsv(lang: str, rows: dict, fh) -> None:
    """The index of `lang` as a TSV: a comment header, the column names, one row per foreign form."""
    fh.write(f"# Romanisation index for target language {lang!r}, schema version {SCHEMA_VERSION}: a foreign\n"
             "# romanisation of a Russian/Ukrainian word -> the target language's form (see the module\n"
             "# cleanmt/knowledge/romanisation.py for the schemes and filters). Generated by\n"
             "# scripts/make_romanisation.py from wordfreq's ru/uk lists (data CC BY-SA 4.0) with the\n"
             "# iuliia schemes (MIT) and the French, German, Spanish and Ukrainian schemes of the module.\n"
             "# wordlist: the wordfreq list (ru, uk) the Cyrillic word comes from.\n")
    fh.write(HEADER + "\n")
    for f, (target, cyr, flang, level) in sorted(rows.items()):
        source = "uk" if _UK_ONLY.intersection(cyr) or cyr in _UK_WORDS else "ru"
        fh.write(f"{f}\t{target}\t{cyr}\t{flang}\t{level}\t{source}\n")


_UK_WORDS: set = set()  # the Ukrainian-list words `_build` used without a Ukrainian-only letter


def read_tsv(text: str) -> dict[str, tuple[str, str, str, str]]:
    out = {}
    for line in text.splitlines():
        if not line or line.startswith("#") or line == HEADER:
            continue
        f, target, cyr, flang, level, _source = line.split("\t")
        out[f] = (target, cyr, flang, level)
    return out


def _cache_path(lang: str) -> str:
    import importlib.metadata as md

    versions = "-".join(md.version(p) for p in ("wordfreq", "iuliia"))
    root = os.path.join(os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")), "cleanmt")
    return os.path.join(root, f"romanisation-{lang}-v{SCHEMA_VERSION}-{versions}.tsv")


@cache
def index(lang: str) -> dict[str, tuple[str, str, str, str]]:
    """foreign form → (target form, Cyrillic word, romanising language, level) for target
    language `lang`: the shipped TSV; without it, built once into ~/.cache/cleanmt."""
    if lang not in TARGET_LANGS:
        return {}
    try:
        return read_tsv(shipped_path(lang).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    path = _cache_path(lang)
    try:
        with open(path, encoding="utf-8") as fh:
            return read_tsv(fh.read())
    except (OSError, ValueError):
        pass
    built = _build(lang)
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        tmp = f"{path}.{os.getpid()}.tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            write_tsv(lang, built, fh)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home: the index lives in memory only
    return built


# letters of the target's own spelling that no romanisation of Russian or Ukrainian uses
_OWN_LETTERS = {"de": re.compile("[äöüßÄÖÜ]"), "es": re.compile("[ñüÑÜ]")}


@lru_cache(maxsize=1 << 16)
def lookup(word: str, lang: str = "en") -> Optional[Romanisation]:
    """The target-language form of a name word written the way another language
    romanises Russian or Ukrainian, or None. The answer's `target` keeps `word`'s
    capitalisation (Iakoutsk → Yakutsk)."""
    if lang not in TARGET_LANGS or len(word) < 4 or not word[:1].isupper():
        return None
    if _OWN_LETTERS.get(lang) and _OWN_LETTERS[lang].search(word):
        return None  # Mouriño, Chüden: the target's own letters, no romanisation of Cyrillic
    key = fold_accents(word)
    if not key.isalpha():
        return None
    row = _store(lang).get_many((key,)).get(key)
    if row is None and "ï" in word.lower():
        row = _known_targets(lang).get(key)  # Mikhaïl: the English form with the French ï for й
    if row is None:
        return None
    target, cyr, flang, level = row
    return Romanisation(_recase(target, word), cyr, flang, level)


@cache
def _store(lang: str):
    """index(lang) read row by row from an SQLite copy (knowledge/keyed_store.py): a run
    over one small file asks about a few capitalised words, and reading the whole index
    (26,000 rows for English) costs more than the rest of such a run's checks; a corpus
    run loads it whole after a while. The copy is named by the shipped file's digest."""
    import hashlib

    from ..corpora import cache_dir
    from .keyed_store import KeyedStore

    try:
        digest = hashlib.sha1(shipped_path(lang).read_bytes()).hexdigest()[:16]
    except OSError:
        digest = "built"
    return KeyedStore(cache_dir() / f"romanisation-{lang}-v{SCHEMA_VERSION}-{digest}.sqlite", lambda: index(lang))


@cache
def _known_targets(lang: str) -> dict[str, tuple[str, str, str, str]]:
    """target form → its index row, for the targets the target's word list knows."""
    out = {}
    for f, row in index(lang).items():
        if row[3] == KNOWN and "ї" not in row[1]:  # Russian words: French Mikhaïl for Михаил
            out.setdefault(fold_accents(row[0]), (row[0], row[1], "fr", KNOWN))
    return out


def _recase(target: str, like: str) -> str:
    if like.isupper():
        return target.upper()
    return target[:1].upper() + target[1:]


def candidates(word: str, lang: str = "en") -> list[str]:
    """Every spelling `lang` gives the Cyrillic word `word` (for tests and the CLI)."""
    source = "uk" if _UK_ONLY.intersection(word) else "ru"
    return romanisations(word, lang, source)
