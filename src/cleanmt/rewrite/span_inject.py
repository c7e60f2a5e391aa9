"""Span damage for the span-infilling model: the project's knowledge tables read backwards.

Each family damages one region of a clean English sentence the way MT and spinners do
and says where: an `Edit` (start, end, damaged text) over the clean sentence. The model
then sees the damaged sentence with that region marked and learns to write the clean
text back. The damage comes from the same tables the rules detect with, inverted:

- spinner: data/spinner.tsv's literal rows, inject.py's tortured phrases, and the
  statistical swap index (knowledge/swap_index.py: "high college" for "high school");
- calque: inject.py's false friends, data/false_friends_lm.tsv ("actual" for
  "current"), the literal rows of data/false_friends_{fr,es}_en.tsv;
- transliteration: data/romanisation_en.tsv ("Alimbaïev" for "Alimbayev"), the
  exonym table (data/exonyms.tsv: another language's name of a place), the acronyms
  of data/organisations.tsv in another language (OTAN for NATO), inject.py's regex
  romanisations;
- untranslated: CLDR (babel) month, day, country and unit names of fr/es/de/it/pt/nl
  put for the English ones, and the honorifics of data/honorifics_by_language.tsv;
- casing: a name lower-cased, a common word capitalised mid-sentence;
- quotes, punctuation: inject.py's garbled quotes and spacing, plus a few more;
- numbers: decimal commas, foreign thousands separators, a space before "%".

A `keep` example marks a clean region: the answer is the region itself, because a rule's
span is not always wrong and "no change" must stay an answer.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Optional

import regex

from . import inject
from .span import make_input

FOREIGN = ("fr", "es", "de", "it", "pt", "nl")


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    text: str  # what the damage puts in clean[start:end]


def _table_edit(index: dict, s: str, rng: random.Random, fold: bool = False) -> Optional[Edit]:
    """An Edit replacing one phrase of `s` found in `index` (clean -> damaged forms)."""
    options = []
    for m in _WORDS.finditer(s):
        for n in (1, 2, 3):
            words = _ngram(s, m, n)
            if words is None:
                break
            key = words[2].lower() if fold else words[2]
            if key in index:
                options.append((words[0], words[1], key))
    if not options:
        return None
    a, b, key = rng.choice(options)
    damaged = rng.choice(index[key])
    return Edit(a, b, inject._match_case(s[a:b], damaged) if fold else damaged)


_WORDS = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’.-]*")


def _ngram(s: str, m, n: int):
    """(start, end, text) of the n words from match m on, if they are separated by single spaces."""
    start, end = m.start(), m.end()
    pos = end
    for _ in range(n - 1):
        nxt = _WORDS.match(s, pos + 1) if s[pos : pos + 1] == " " else None
        if nxt is None:
            return None
        end = pos = nxt.end()
    text = s[start:end].rstrip(".")
    return start, start + len(text), text


def _invert(pairs) -> dict:
    out: dict = {}
    for clean, damaged in pairs:
        if clean and damaged and clean != damaged:
            out.setdefault(clean, []).append(damaged)
    return out


def _rows(name: str):
    from ..lexicon import load_tsv

    try:
        return load_tsv(name, required=())
    except (OSError, ValueError):
        return ()


_LITERAL = regex.compile(r"[\p{L}' -]+")


# -- spinner --------------------------------------------------------------------------
@lru_cache(maxsize=None)
def spinner_index() -> dict:
    pairs = [(c, s) for c, s, _ in inject.BUILTIN_SPINNER]
    for r in _rows("spinner.tsv"):
        if _LITERAL.fullmatch(r.get("pattern", "")) and r.get("replacement"):
            pairs.append((r["replacement"], r["pattern"]))
    try:
        from ..knowledge import swap_index

        pairs += [(clean, spun) for spun, (clean, _) in swap_index.swaps().items()]
    except Exception:  # noqa: BLE001 -- the index needs pocketsphinx's model; the tables still work
        pass
    return _invert(pairs)


def spinner(s, rng):
    return _table_edit(spinner_index(), s, rng, fold=True)


# -- calques and false friends --------------------------------------------------------
@lru_cache(maxsize=None)
def calque_index() -> dict:
    pairs = [(c, q) for c, q, _ in inject.CALQUES]
    for r in _rows("false_friends_lm.tsv"):
        for c in r.get("candidates", "").split(","):
            pairs.append((c.strip(), r["word"]))
    for name in ("false_friends_fr_en.tsv", "false_friends_es_en.tsv"):
        for r in _rows(name):
            if _LITERAL.fullmatch(r.get("pattern", "")) and r.get("replacement"):
                pairs.append((r["replacement"], r["pattern"]))
    return _invert(pairs)


def calque(s, rng):
    return _table_edit(calque_index(), s, rng, fold=True)


# -- transliteration, exonyms, acronyms -------------------------------------------------
@lru_cache(maxsize=None)
def name_index() -> dict:
    pairs = []
    for r in _rows("romanisation_en.tsv"):
        t, f = r.get("target", ""), r.get("foreign", "")
        if len(t) >= 4:
            pairs.append((t.capitalize(), f.capitalize()))
    for r in _rows("exonyms.tsv"):
        if r.get("lang") == "en" and float(r.get("confidence") or 0) >= 0.65:
            if r["form"].lower() != r["replacement"].lower():
                pairs.append((r["replacement"], r["form"]))
    by_body: dict = {}
    for r in _rows("organisations.tsv"):
        if r.get("role") == "canonical" and r.get("form", "").isupper():
            by_body.setdefault(r["body"], {})[r["lang"]] = r["form"]
    for forms in by_body.values():
        if "en" in forms:
            pairs += [(forms["en"], f) for lang, f in forms.items() if lang != "en" and f != forms["en"]]
    return _invert(pairs)


def transliteration(s, rng):
    if rng.random() < 0.3:
        return _whole(s, inject.romanise(s, rng))
    return _table_edit(name_index(), s, rng)


# -- untranslated words: CLDR names and honorifics --------------------------------------
_UNITS = ("length-kilometer", "length-meter", "length-mile", "mass-kilogram", "mass-ton", "duration-hour",
          "duration-day", "duration-week", "duration-month", "duration-year", "duration-minute",
          "concentr-percent", "area-hectare", "temperature-celsius")


@lru_cache(maxsize=None)
def foreign_index() -> dict:
    pairs = []
    try:
        from babel import Locale
        from babel.units import format_unit
    except ImportError:  # pragma: no cover
        return {}
    en = Locale.parse("en_GB")
    for code in FOREIGN:
        loc = Locale.parse(code)
        for kind in ("months", "days"):
            table_en, table = getattr(en, kind)["format"]["wide"], getattr(loc, kind)["format"]["wide"]
            for k, v in table_en.items():
                if k in table:
                    pairs.append((v, table[k]))
        for k, v in en.territories.items():
            if k.isalpha() and k in loc.territories and len(v) > 3:
                pairs.append((v, loc.territories[k]))
        for unit in _UNITS:
            for n in (2, 40):
                try:
                    a = format_unit(n, unit, length="long", locale="en_GB").split(" ", 1)[1]
                    b = format_unit(n, unit, length="long", locale=code).split(" ", 1)[1]
                except (IndexError, KeyError, ValueError):
                    continue
                pairs.append((a, b))
    by_meaning: dict = {}
    for r in _rows("honorifics_by_language.tsv"):
        by_meaning.setdefault(r.get("meaning"), {}).setdefault(r.get("lang"), []).append(r.get("form"))
    for forms in by_meaning.values():
        for clean in forms.get("en", ()):
            pairs += [(clean, f) for lang, fs in forms.items() if lang != "en" for f in fs]
    return _invert(pairs)


def untranslated(s, rng):
    return _table_edit(foreign_index(), s, rng)


# -- casing ------------------------------------------------------------------------------
_MID_WORD = regex.compile(r"(?<=[\p{Ll},] )\p{Ll}{4,}(?= )")


def casing(s, rng):
    if rng.random() < 0.6:
        names = inject._names(s)
        if names:
            m = rng.choice(names)
            return Edit(m.start(), m.end(), m.group().lower())
    words = list(_MID_WORD.finditer(s))
    if not words:
        return None
    m = rng.choice(words)
    return Edit(m.start(), m.end(), m.group().capitalize())


# -- quotes, punctuation, numbers ----------------------------------------------------------
def _whole(clean: str, damaged: Optional[str]) -> Optional[Edit]:
    """The Edit that turns `clean` into `damaged`: the region between their common prefix and suffix."""
    if damaged is None or damaged == clean:
        return None
    p = 0
    while p < min(len(clean), len(damaged)) and clean[p] == damaged[p]:
        p += 1
    q = 0
    while q < min(len(clean), len(damaged)) - p and clean[-1 - q] == damaged[-1 - q]:
        q += 1
    return Edit(p, len(clean) - q, damaged[p : len(damaged) - q])


_CURLY = regex.compile(r"“[^“”\n]+”")


def quotes(s, rng):
    """One side of a “quotation” garbled: a space inside, the mark reversed or foreign."""
    pairs = list(_CURLY.finditer(s))
    if not pairs:
        return None
    m = rng.choice(pairs)
    if rng.random() < 0.5:
        return Edit(m.start(), m.start() + 1, rng.choice(["“ ", "” ", "”", "« ", "«", '"', "„"]))
    end = m.end()
    if rng.random() < 0.3 and regex.match(r" \p{Ll}", s[end : end + 2]):  # capitalised continuation
        return Edit(end - 1, end + 2, rng.choice(["” ", "» ", " ” "]) + s[end + 1].upper())
    return Edit(end - 1, end, rng.choice([" ”", " “", "“", " »", "»", '"']))


_PUNCT = regex.compile(r"(?<=\p{L})([,;:?!])(?= \p{L})")


def punctuation(s, rng):
    r = rng.random()
    if r < 0.5:
        return _whole(s, inject.spacing(s, rng))
    marks = list(_PUNCT.finditer(s))
    if not marks:
        return _whole(s, inject.spacing(s, rng))
    m = rng.choice(marks)
    mark = m.group()
    kind = rng.choice(["space before", "doubled", "no space after"])
    if kind == "no space after":
        return Edit(m.start(), m.end() + 1, mark)
    return Edit(m.start(), m.end(), " " + mark if kind == "space before" else mark + mark)


_DECIMAL = regex.compile(r"(?<![\p{N},.])(\d+)\.(\d+)(?![\p{N}]|\.\d)")
_THOUSANDS = regex.compile(r"(?<![\p{N},.])(\d{1,3})((?:,\d{3})+)(?![\p{N}]|,\d)")
_PERCENT = regex.compile(r"(?<=\d)%")


def numbers(s, rng):
    options = []
    for m in _DECIMAL.finditer(s):
        options.append(Edit(m.start(), m.end(), f"{m.group(1)},{m.group(2)}"))
    for m in _THOUSANDS.finditer(s):
        sep = rng.choice([".", " ", "\u202f"])
        options.append(Edit(m.start(), m.end(), m.group(1) + m.group(2).replace(",", sep)))
    for m in _PERCENT.finditer(s):
        options.append(Edit(m.start(), m.end(), " %"))
    return rng.choice(options) if options else None


FAMILIES: dict[str, Callable[[str, random.Random], Optional[Edit]]] = {
    "spinner": spinner,
    "calque": calque,
    "transliteration": transliteration,
    "untranslated": untranslated,
    "casing": casing,
    "quotes": quotes,
    "punctuation": punctuation,
    "numbers": numbers,
}
# the rule category a finding of each family carries (the model's prefix)
CATEGORY = {"numbers": "punctuation"}
WEIGHTS = {"spinner": 3, "calque": 3, "transliteration": 3, "untranslated": 3, "casing": 1.5, "quotes": 1.5,
           "punctuation": 1, "numbers": 4}


def _widen(s: str, a: int, b: int, rng: random.Random) -> tuple[int, int]:
    """Grow [a, b) to whole words, sometimes, as a rule's span often is."""
    if rng.random() < 0.5:
        while a > 0 and not s[a - 1].isspace():
            a -= 1
        while b < len(s) and not s[b].isspace():
            b += 1
    return a, b


@dataclass(frozen=True)
class Example:
    """One training or evaluation example: `damaged[start:end]` should read `target`;
    `clean` is the undamaged sentence (it may differ elsewhere: a second, unmarked artifact)."""

    damaged: str
    start: int
    end: int
    target: str
    family: str
    category: str
    clean: str

    @property
    def input(self) -> str:
        return make_input(self.damaged, self.start, self.end, self.category)


def make_example(clean: str, rng: random.Random, keep_rate: float = 0.12, family: Optional[str] = None,
                 second_rate: float = 0.25) -> Optional[Example]:
    """An Example for one clean sentence, or None when no damage of `family` applies.

    The damaged sentence may carry a second, unmarked damage elsewhere (as a sentence
    with several findings does)."""
    clean = inject.curl_quotes(clean)
    if family == "keep" or (family is None and rng.random() < keep_rate):
        words = list(_WORDS.finditer(clean))
        if not words:
            return None
        m = rng.choice(words)
        cat = _category(rng.choice(list(FAMILIES)), rng)
        return Example(clean, m.start(), m.end(), m.group(), "keep", cat, clean)
    names = [family] if family else list(FAMILIES)
    options = {}
    for name in names:
        e = FAMILIES[name](clean, rng)
        if e is not None and e.text != clean[e.start : e.end]:
            options[name] = e
    if not options:
        return None
    keys = list(options)
    name = rng.choices(keys, weights=[WEIGHTS[k] for k in keys])[0]
    e = options[name]
    a, b = _widen(clean, e.start, e.end, rng)
    damaged = clean[: e.start] + e.text + clean[e.end :]
    span_start, span_end = a, b + len(e.text) - (e.end - e.start)
    target = clean[a:b]
    if rng.random() < second_rate:  # another artifact elsewhere in the sentence, left unmarked
        other = FAMILIES[rng.choice(list(FAMILIES))](damaged, rng)
        if other is not None and (other.end < span_start or other.start > span_end):
            shift = len(other.text) - (other.end - other.start)
            damaged = damaged[: other.start] + other.text + damaged[other.end :]
            if other.end < span_start:
                span_start, span_end = span_start + shift, span_end + shift
    return Example(damaged, span_start, span_end, target, name, _category(name, rng), clean)


def _category(family: str, rng: random.Random) -> str:
    return "" if rng.random() < 0.15 else CATEGORY.get(family, family)


def heldout_examples(sentences, seed: int = 4321, per_family: int = 60, second_rate: float = 0.25):
    """A fixed evaluation set: up to `per_family` Examples of each family and of keep."""
    rng = random.Random(seed)
    out = []
    for family in [*FAMILIES, "keep"]:
        got = 0
        for s in sentences:
            ex = make_example(s, rng, family=family, second_rate=second_rate)
            if ex is not None:
                out.append(ex)
                got += 1
                if got >= per_family:
                    break
    return out
