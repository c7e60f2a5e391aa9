"""Name variants: one name romanised several ways, and foreign exonyms.

Why this exists: machine translation of French, Spanish or German news keeps
the source language's romanisation of Cyrillic, Turkic or Arabic names
(Tokaïev, Noursoultan, Selenskyj) and its exonyms (Poutine, Moscou, OTAN), so
one person ends up spelled two or three ways in one article or one corpus.

How: every capitalised name word gets a romanisation-blind key (`fold`), the
spellings that share a key form a cluster, and one canonical form is chosen per
cluster, in this order: the user's names file, the built-in gazetteer, the
spelling that follows the target language's romanisation, the most frequent
spelling. Two spellings are only merged when the difference is explained by
romanisation, or when the two appear next to the same other name words (so
that distinct people with similar names are kept apart).
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import Iterable, Optional

import regex

from . import frequency
from .knowledge import romanisation
from .lexicon import load_tsv
from .memo import Memo
from .tokens import (  # the token scan (tokens.py), read here and through here
    _BREAKS,  # noqa: F401
    _IN_NAME,  # noqa: F401
    _TOKEN_CHAR,  # noqa: F401
    _TOKEN_START,  # noqa: F401
    CAPITAL_TOKEN,  # noqa: F401
    CAPITAL_TOKEN_ASCII,  # noqa: F401
    capital_token_pairs,  # noqa: F401
    capital_tokens,
    non_ascii_letters_and_more,  # noqa: F401
)

# organisations (OTAN, ONU…) have their own table and rule: knowledge/organisations.py, TRL010
GAZETTEER_FILES = ("gazetteer_people.tsv", "gazetteer_places.tsv")

# confidences: only what is backed by a list (names file, gazetteer) or by the
# document itself is fixed by default (>= 0.8); a guessed English form is not.
CONF_KNOWN = 0.95
CONF_STRONG = 0.9
CONF_CONTEXT = 0.85
CONF_CONSTRUCTED = 0.75
CONF_PATTERN = 0.7
CONF_WEAK_GUESS = 0.6
CONF_ROMANISED = 0.85  # a scheme's form of a wordlist word, the form the target's word list knows
CONF_ROMANISED_RARE = 0.75  # the same, where the target's word list also knows the spelling seen
CONF_ROMANISED_GUESS = 0.7  # the target's scheme form of a surname its word list does not know
CONF_ROMANISED_OTHER = 0.6  # non-English targets: their press often keeps the English form

# ---------------------------------------------------------------------------
# folding: a key that is blind to romanisation conventions
# ---------------------------------------------------------------------------

_SPECIAL_LETTERS = str.maketrans({"ß": "ss", "ø": "o", "ł": "l", "ı": "i", "ə": "e", "đ": "d", "æ": "ae"})


@lru_cache(maxsize=1 << 17)
def strip_marks(s: str) -> str:
    """Remove diacritics (é→e, ñ→n, ə→e)."""
    if s.isascii():
        return s  # no ASCII character is special, decomposes (NFKD) or combines
    s = s.translate(_SPECIAL_LETTERS)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


# Each step maps a spelling convention of one language onto a common form.
_FOLD_STEPS = [
    (r"(?<=[aeiouy])ï", "y"),  # French ï after a vowel writes Cyrillic й (Tokaïev, Mikhaïl)
    (None, None),  # marker: strip diacritics here
    (r"tsch", "ch"),  # German tsch = English ch
    (r"tch", "ch"),  # French tch = English ch
    (r"sch", "sh"),  # German sch = English sh
    (r"ch|sh|kh", "ʃ"),  # French ch = sh, German ch = kh: one class
    (r"dzh|dj|zh", "j"),  # French dj, English zh/j
    (r"ou", "u"),  # French ou = u
    (r"gu(?=[ei])", "g"),  # French gue/gui = hard g (Sergueï)
    (r"w", "v"),  # German/Polish w = v
    (r"x", "ks"),
    (r"q", "k"),
    (r"ck", "k"),
    (r"c(?=[aou])", "k"),
    (r"(?<=[aeiou])y|y(?=[aeiou])", "i"),  # y next to a vowel is й: Tokayev, Aliyev
    (r"(?:iy|yj|ij|y)$", "i"),  # -sky, -skiy, German -skyj
    (r"(?<=[aeiou])i(?=e)", ""),  # -aiev = -ayev = -aev
    (r"t[sz]", "z"),  # German z = ts
    (r"z", "s"),  # German s = English z (Selenskyj)
    (r"f+$", "v"),  # old -off = -ov
    (r"(.)\1+", r"\1"),  # doubled letters (Kassym, Kasym)
]
# stdlib `re` runs these short patterns about twice as fast as `regex`, with the same
# meaning (ASCII and ï literals, fixed-width lookarounds, `$`, one backreference);
# tests/test_prefilters.py checks fold_part against every step run with `regex`.
# A replacement template (r"\1") costs stdlib `re` a Python-level expansion per call;
# a function that returns the group does the same, faster.
_FOLD_COMPILED = [
    (re.compile(p) if p else None, itemgetter(1) if r == r"\1" else r) for p, r in _FOLD_STEPS
]
assert all(r is None or callable(r) or "\\" not in r for _, r in _FOLD_COMPILED)
# For each step, what its pattern needs (None: always run it): a substring, one of
# two substrings, or (after "$") one of these last characters. A test like this is
# cheaper than a regex pass that finds nothing.
_FOLD_NEEDS = ["ï", None, "tsch", "tch", "sch", "h", ("dj", "zh"), "ou", "gu", "w",
               "x", "q", "ck", "c", "y", ("$", ("y", "j")), "ie", "t", "z", ("$", "f"), None]
_ALWAYS, _SUBSTRING, _EITHER, _ENDS = range(4)


def _need_kind(need) -> int:
    if need is None:
        return _ALWAYS
    if type(need) is str:
        return _SUBSTRING
    return _ENDS if need[0] == "$" else _EITHER


_FOLD_PLAN = [
    (pat, repl, _need_kind(need), need[1] if _need_kind(need) == _ENDS else need)
    for (pat, repl), need in zip(_FOLD_COMPILED, _FOLD_NEEDS, strict=True)
]


@lru_cache(maxsize=65536)
def fold_part(part: str) -> str:
    s = part.lower()
    for pat, repl, kind, need in _FOLD_PLAN:
        if pat is None:
            s = strip_marks(s)
            continue
        if kind == _SUBSTRING:
            if need not in s:
                continue
        elif kind == _EITHER:
            if need[0] not in s and need[1] not in s:
                continue
        elif kind == _ENDS:
            if not s.endswith(need) and s[-1:] != "\n":  # `$` also matches before a final newline
                continue
        s = pat.sub(repl, s)
    return s


_PART_SEPARATOR = regex.compile(r"[-\s]+")


@lru_cache(maxsize=1 << 17)  # name words recur across documents; folding is the hot path
def fold(word: str) -> str:
    """Romanisation-blind key of a name word; hyphen or space between parts is kept as "-"."""
    if word.isalpha():
        return fold_part(word)  # one part: letters hold no hyphen or space
    return "-".join(fold_part(p) for p in _PART_SEPARATOR.split(word) if p)


def similar(a: str, b: str) -> float:
    """String similarity of two spellings once accents and case are removed."""
    return difflib.SequenceMatcher(None, strip_marks(a.lower()), strip_marks(b.lower())).ratio()


MIN_SIMILARITY = 0.7  # keys may collide by accident; the spellings must still look alike

# ---------------------------------------------------------------------------
# target-language romanisation: which spellings another language would use
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Convention:
    """A spelling pattern (`pattern` → `repl`) and why it is foreign to the target language."""

    pattern: str
    repl: str
    why: str

    @property
    def rx(self):
        return _compiled(self.pattern)


@lru_cache(maxsize=None)
def _compiled(p: str):
    return regex.compile(p)


# Accents that French, Spanish or Italian romanisation puts on Cyrillic or Turkic names
# (Nursultán, Alexéi, Sergueï): in a romanised name English drops them. The letters of
# a name's own language (Jürgen, Gdańsk, São Paulo, Zoë, Müller, Ørsted, Dvořák, Gülşen)
# are not among them: English keeps those (`own_diacritics`).
ROMANISATION_ACCENTS = r"[áéíóúàèìòùâêîôûÁÉÍÓÚÀÈÌÒÙÂÊÎÔÛïÏ]"
_OWN_DIACRITIC = regex.compile(r"[^\p{ASCII}]")


def own_diacritics(word: str) -> int:
    """How many letters of `word` carry a diacritic English keeps (ü, ñ, ł, ë, å...)."""
    return len(_OWN_DIACRITIC.findall(word)) - len(regex.findall(ROMANISATION_ACCENTS, word))


# strong: never the target language's romanisation (safe to flag a name seen once);
# weak: foreign in a romanised name, but normal in names of other origins (Louis, José).
ROMANISATION = {
    "en": {
        "strong": (
            Convention(r"(?<=[aeiou])ï(?=[aeiou])", "y", "the French ï for Cyrillic й (English writes y)"),
            Convention(r"(?<=[aeiou])ï\b", "i", "the French ï for a final й (English writes i or y)"),
            Convention(r"(?<=\p{L})tsch(?=[aeiou])", "ch", "the German tsch for ч (English writes ch)"),
            Convention(r"\bTsch(?=[aeiou])", "Ch", "the German tsch for ч (English writes ch)"),
            Convention(r"sk[iy]j\b", "sky", "the German -skij/-skyj (English writes -sky)"),
        ),
        "weak": (
            # English keeps Tchaikovsky and some -ovitch surnames: only weak evidence
            Convention(r"\bTch(?=[aeiou])", "Ch", "the French tch for ч (English writes ch)"),
            Convention(r"(?<=[ov])itch\b", "ich", "the French -itch for -ич (English writes -ich)"),
            Convention(r"\bOu(?=\p{Ll})", "U", "the French ou for u"),
            Convention(r"ou", "u", "the French ou for u"),
            Convention(ROMANISATION_ACCENTS, "", "an accent English romanisation does not use"),
        ),
    },
    "fr": {
        "strong": (
            Convention(r"(?<=[aeiou])y(?=e[vw])", "ï", "the English y for Cyrillic й (French writes ï)"),
        ),
        "weak": (
            Convention(r"(?<=\p{L})sh|\bSh", "ch", "the English sh (French writes ch)"),
            Convention(r"(?<=\p{L})zh|\bZh", "j", "the English zh (French writes j)"),
        ),
    },
    # German and Spanish targets: German nouns are capitalised ("Deutsche", "Botschafter"),
    # so only the French ï is strong evidence there; Spanish also never writes tsch or -skij.
    "de": {
        "strong": (
            Convention(r"(?<=[aeiou])ï(?=[aeiou])", "j", "the French ï for Cyrillic й (German writes j)"),
        ),
        "weak": (),
    },
    "es": {
        "strong": (
            Convention(r"(?<=[aeiou])ï(?=[aeiou])", "y", "the French ï for Cyrillic й (Spanish writes y)"),
            Convention(r"(?<=[aeiou])ï\b", "i", "the French ï for a final й (Spanish writes i)"),
            Convention(r"(?<=\p{Ll})tsch(?=[aeiou])", "ch", "the German tsch for ч (Spanish writes ch)"),
            Convention(r"sk[iy]j\b", "ski", "the German -skij/-skyj (Spanish writes -ski)"),
        ),
        "weak": (),
    },
}


def _conventions(lang: str, strength: str) -> tuple[Convention, ...]:
    return ROMANISATION.get(lang, ROMANISATION["en"])[strength]


def foreign_signals(word: str, lang: str = "en", strength: str = "strong") -> list[str]:
    """Why `word` is spelled the way another language romanises (one reason per match)."""
    return list(_foreign_signals(word, lang, strength))


@lru_cache(maxsize=None)
def _any_convention(lang: str, strength: str):
    """One pattern, the alternation of the conventions' patterns: where none of them
    matches anywhere in a word, the alternation finds nothing either (each alternative
    is tried at every position), so one search clears most words."""
    return regex.compile("|".join(f"(?:{c.pattern})" for c in _conventions(lang, strength)))


@lru_cache(maxsize=1 << 17)  # asked again and again for the same name words
def _foreign_signals(word: str, lang: str, strength: str) -> tuple[str, ...]:
    if not _any_convention(lang, strength).search(word):
        return ()
    out = []
    for c in _conventions(lang, strength):
        out.extend([c.why] * len(c.rx.findall(word)))
    return tuple(out)


def romanise(word: str, lang: str = "en", weak: bool = True) -> str:
    """The spelling the target language would use, as far as the patterns can tell."""
    s = word
    for c in _conventions(lang, "strong"):
        s = c.rx.sub(c.repl, s)
    if weak:
        for c in _conventions(lang, "weak"):
            s = c.rx.sub(c.repl, s) if c.repl else _strip_nonascii_marks(s)
    return s


def _strip_nonascii_marks(s: str) -> str:
    return "".join(ch if ch.isascii() else (strip_marks(ch) or ch) for ch in s)


# a surname as the target language romanises Russian/Turkic names: tells that a
# neighbouring accented word is a romanised name too (Nursultán Nazarbayev)
SLAVIC_SURNAME = {"en": regex.compile(r"(?:[aeiouy]ev|[oe]v|[oe]va|enko|sky|skaya)$")}

# ---------------------------------------------------------------------------
# finding name words in text
# ---------------------------------------------------------------------------

_NAME_WORD = regex.compile(
    r"(?<![\p{L}\p{N}\p{M}'’-])"
    r"\p{Lu}[\p{L}\p{M}]*(?:['’](?!s\b)\p{L}[\p{L}\p{M}]*)?"
    r"(?:-\p{Lu}[\p{L}\p{M}]*)*"
    r"(?![\p{N}\p{L}]|-\p{N})"
)
_PARTICLES = r"(?:von|van|der|den|de|du|la|le|da|di|dos|del|bin|ibn|al|el|ter)"
_GAP_IN_NAME = regex.compile(rf" (?:{_PARTICLES} )*")
_SENTENCE_END = ".!?:;…"
_OPENERS = " \t\"“”«»‘’'([—–-"


@lru_cache(maxsize=65536)
def zipf(word: str, lang: str) -> float:
    return frequency.zipf(word, lang)


def is_acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper() and "-" not in word


def at_sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    return i < 0 or text[i] == "\n" or text[i] in _SENTENCE_END


@dataclass
class Occurrence:
    """One name word (or hyphenated/space-joined compound) in one text."""

    start: int
    end: int
    text: str
    key: str
    mention: int  # index of the run of name words it belongs to
    context: frozenset = frozenset()  # keys of the other (rare) name words of that run
    acronym: bool = False
    sentence_start: bool = False


def scan(text: str, lang: str = "en", compounds: Optional[set] = None) -> list[Occurrence]:
    """Name words of `text`, grouped into runs ("Kassym-Jomart Tokayev").

    A capitalised common word at a sentence start is not a name ("Protests
    erupted") unless another name word follows it ("Alexandre Dumas"); two
    words that some text writes hyphenated are joined ("Kassym Jomart" → one
    occurrence with key "kasym-jomart").
    """
    return _occurrences(text, _runs(text, lang), lang, compounds or set())


def _runs(text: str, lang: str) -> list[list[regex.Match]]:
    """The runs of name words of `text` (compound-blind), without ordinary sentence starts."""
    runs: list[list[regex.Match]] = []
    prev_end = None
    for m in _NAME_WORD.finditer(text):
        if len(m.group()) < 2:
            prev_end = None
            continue
        gap = m.start() - (prev_end if prev_end is not None else 0)
        if prev_end is not None and (
            (gap == 1 and text[prev_end] == " ") or (gap > 1 and _GAP_IN_NAME.fullmatch(text, prev_end, m.start()))
        ):
            runs[-1].append(m)
        else:
            runs.append([m])
        prev_end = m.end()
    return [r for r in runs if len(r) > 1 or not _ordinary_sentence_start(text, r[0], lang)]


def _hyphenated_keys(runs: list[list[regex.Match]]) -> set:
    """`compound_keys` of the compound-blind scan whose runs these are."""
    out = set()
    for run in runs:
        for m in run:
            if "-" in m.group():
                parts = fold(m.group()).split("-")
                if len(parts) == 2 and all(parts):
                    out.add(tuple(parts))
    return out


def _occurrences(text: str, runs: list[list[regex.Match]], lang: str, compounds: set) -> list[Occurrence]:
    out: list[Occurrence] = []
    for run_no, run in enumerate(runs):
        items: list[Occurrence] = []
        i = 0
        while i < len(run):
            m = run[i]
            if (
                i + 1 < len(run)
                and text[m.end() : run[i + 1].start()] == " "
                and (fold(m.group()), fold(run[i + 1].group())) in compounds
            ):
                nxt = run[i + 1]
                items.append(Occurrence(m.start(), nxt.end(), text[m.start() : nxt.end()], "", run_no))
                i += 2
                continue
            items.append(Occurrence(m.start(), m.end(), m.group(), "", run_no))
            i += 1
        for o in items:
            o.sentence_start = at_sentence_start(text, o.start)
            o.acronym = is_acronym(o.text)
            o.key = o.text if o.acronym else fold(o.text)
        rare = [o.key for o in items if not o.acronym and zipf(strip_marks(o.text.lower()), lang) < 4.0]
        for o in items:
            o.context = frozenset(k for k in rare if k != o.key)
        out.extend(items)
    return out


def _ordinary_sentence_start(text: str, m: regex.Match, lang: str) -> bool:
    w = m.group()
    return not is_acronym(w) and at_sentence_start(text, m.start()) and zipf(w.lower(), lang) >= 3.0


def compound_keys(occurrences: Iterable[Occurrence]) -> set:
    """Keys of hyphenated names, as pairs of part keys: ("kasym", "jomart")."""
    out = set()
    for o in occurrences:
        parts = o.key.split("-")
        if "-" in o.text and len(parts) == 2 and all(parts):
            out.add(tuple(parts))
    return out


# ---------------------------------------------------------------------------
# known names: the user's names file and the built-in gazetteer
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class KnownWord:
    canonical: str  # the target-language word
    entity: str
    source: str
    needs_context: bool  # a first name: only with another word of the same entity nearby
    requires: Optional[str] = None  # regex that must occur in the document


@dataclass
class KnownNames:
    """Variant word → canonical word for one target language (aligned word by word)."""

    origin: str  # "names file" or "gazetteer"
    words: dict = field(default_factory=dict)  # variant surface → KnownWord
    keys: dict = field(default_factory=dict)  # key of a canonical word → KnownWord
    entity_keys: dict = field(default_factory=lambda: defaultdict(set))
    full_names: dict = field(default_factory=dict)  # entity → canonical full form

    def add(self, entity: str, canonical: str, variant: str, source: str, requires: Optional[str] = None):
        self.full_names.setdefault(entity, canonical)
        cwords = canonical.split()
        for i, cw in enumerate(cwords):
            kw = KnownWord(cw, entity, source.split("; variant:")[0], needs_context=i < len(cwords) - 1)
            self.keys.setdefault(fold(cw) if not is_acronym(cw) else cw, kw)
            self.entity_keys[entity].add(fold(cw))
        for vw, cw, last in _align(variant, cwords):
            self.entity_keys[entity].add(fold(vw))
            if vw == cw:
                continue
            kw = KnownWord(cw, entity, source, needs_context=not last, requires=requires or None)
            old = self.words.get(vw)
            if old is not None and old.canonical != cw:
                self.words[vw] = None  # ambiguous: the same spelling names two things
            elif old is None and vw not in self.words:
                self.words[vw] = kw

    def finish(self):
        """Drop ambiguous entries and any variant that is itself a canonical word."""
        canon = {kw.canonical for kw in self.keys.values()}
        self.words = {v: kw for v, kw in self.words.items() if kw is not None and v not in canon}
        return self


def _align(variant: str, cwords: list[str]):
    """Pairs (variant word, canonical word, is_last) of two forms of one name."""
    vwords = variant.split()
    ckeys = [fold(c) for c in cwords]
    # "Kassym Jomart Tokayev" against "Kassym-Jomart Tokayev": join words a hyphen joins
    merged, i = [], 0
    while i < len(vwords):
        if i + 1 < len(vwords) and fold(vwords[i] + "-" + vwords[i + 1]) in ckeys:
            merged.append(vwords[i] + " " + vwords[i + 1])
            i += 2
        else:
            merged.append(vwords[i])
            i += 1
    if len(merged) == len(cwords):
        return [(v, c, j == len(cwords) - 1) for j, (v, c) in enumerate(zip(merged, cwords))]
    out = []
    for v in merged:
        if fold(v) in ckeys:
            j = ckeys.index(fold(v))
            out.append((v, cwords[j], j == len(cwords) - 1))
    return out


@lru_cache(maxsize=None)
def _place_entities() -> frozenset:
    return frozenset(r["entity"] for r in load_tsv("gazetteer_places.tsv", required=("entity",)))


@lru_cache(maxsize=None)
def gazetteer(lang: str = "en") -> KnownNames:
    """The built-in exonyms and well-known names, for target language `lang`: kept on
    disk beside the rules' anchors (anchor_cache.derived), so that a run reads a small
    pickle instead of the TSVs and wordfreq's list it is worked out from."""
    from .anchor_cache import derived

    return derived(f"gazetteer_{lang}", lambda: _build_gazetteer(lang))


def _build_gazetteer(lang: str) -> KnownNames:
    known = KnownNames("gazetteer")
    rows = [r for f in GAZETTEER_FILES for r in load_tsv(f, required=("entity", "lang", "form", "role", "source"))]
    by_entity = defaultdict(list)
    for r in rows:
        by_entity[r["entity"]].append(r)
    for entity, erows in by_entity.items():
        canon = [r for r in erows if r["lang"] == lang and r["role"] == "canonical"]
        if not canon:
            continue
        c = canon[0]
        for r in erows:
            if r["form"] != c["form"]:
                known.add(entity, c["form"], r["form"], f"{c['source']}; variant: {r['source']}", r.get("requires"))
    known.finish()
    # a first name that another language's form shares with the target's own usage
    # (German "Sergei Lawrow": English writes Sergei at least as often as Sergey) is no variant
    known.words = {v: kw for v, kw in known.words.items()
                   if not (kw.needs_context and _target_usage(v, kw.canonical, lang))}
    return known


def _target_usage(variant: str, canonical: str, lang: str) -> bool:
    """Whether the target language's word list writes `variant` as often as `canonical` (and often)."""
    zv = zipf(variant.lower(), lang)
    return zv >= 2.5 and zv >= zipf(canonical.lower(), lang)


def read_names_file(path: str) -> KnownNames:
    """A user's names file: `canonical<TAB>variant<TAB>variant…`, '#' comments."""
    known = KnownNames("names file")
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = [c.strip() for c in line.split("\t") if c.strip()]
            canonical, variants = cells[0], cells[1:]
            entity = f"user:{lineno}"
            known.add(entity, canonical, canonical, f"{path}:{lineno}")
            for v in variants:
                known.add(entity, canonical, v, f"{path}:{lineno}")
    return known.finish()


# ---------------------------------------------------------------------------
# the table: clusters of spellings and their canonical forms
# ---------------------------------------------------------------------------


@dataclass
class Choice:
    """The canonical form of one cluster and why it was chosen."""

    form: str
    reason: str
    observed: bool  # False when the form was built from the patterns, not seen
    known: Optional[KnownWord] = None
    known_origin: str = ""


@dataclass
class Decision:
    """What to do with one spelling: replace it by `replacement` under rule `rule`."""

    replacement: str
    rule: str  # TRL001 variant of a name seen otherwise; TRL002 known name; TRL003 pattern guess
    confidence: float
    message: str
    known: Optional[KnownWord] = None


class NameTable:
    """Spellings of names across one document or a corpus, with a canonical form each."""

    def __init__(self, lang: str = "en", user: Optional[KnownNames] = None, use_gazetteer: bool = True,
                 scope: str = "corpus"):
        self.lang = lang
        self.user = user
        self.gazetteer = gazetteer(lang) if use_gazetteer else None
        self.scope = scope
        self.n_texts = 0
        # hyphenated names, so that "Kassym Jomart" is read as one name word
        self.compounds: set = set()
        for known in (user, self.gazetteer):
            if known is not None:
                self.compounds |= {tuple(k.split("-")) for k in known.keys if k.count("-") == 1}
        self.counts: dict[str, Counter] = defaultdict(Counter)  # key → spelling → count
        self.contexts: dict[tuple, set] = defaultdict(set)  # (key, spelling) → keys seen alongside
        self.first_seen: dict[str, int] = {}
        self.acronyms: Counter = Counter()
        self._decisions: dict = {}
        self._findings_cache: dict = {}
        self._last_scan: Optional[tuple[str, list]] = None  # (text, occurrences) of a one-text table

    # -- building --------------------------------------------------------------
    def add_texts(self, texts: list[str]) -> "NameTable":
        texts = [t.replace("\r\n", "\n") for t in texts]
        runs_by_text = [_runs(t, self.lang) for t in texts]
        for runs in runs_by_text:
            self.compounds |= _hyphenated_keys(runs)
        self._last_scan = None
        for t, runs in zip(texts, runs_by_text):
            self.n_texts += 1
            occs = _occurrences(t, runs, self.lang, self.compounds)
            if len(texts) == 1:
                self._last_scan = (t, occs)  # `findings` of a document table reads it again
            for o in occs:
                if o.acronym:
                    self.acronyms[o.text] += 1
                if o.acronym or len(o.text) < 3:
                    continue
                self.counts[o.key][o.text] += 1
                self.contexts[(o.key, o.text)] |= o.context
                self.first_seen.setdefault(o.text, len(self.first_seen))
        self._decisions.clear()
        self._findings_cache.clear()
        return self

    # -- choosing ----------------------------------------------------------------
    def _known(self, key: str, forms) -> Optional[tuple[KnownNames, KnownWord]]:
        for known in (self.user, self.gazetteer):
            if known is None:
                continue
            if key in known.keys:
                return known, known.keys[key]
            for f in forms:
                kw = known.words.get(f)
                if kw is not None:
                    return known, kw
        return None

    def choose(self, key: str) -> Choice:
        """Canonical form of the cluster `key`: names file, gazetteer, romanisation, frequency."""
        forms = self.counts.get(key, Counter())
        hit = self._known(key, forms)
        if hit is not None:
            known, kw = hit
            return Choice(kw.canonical, f"{known.origin} ({kw.source})", kw.canonical in forms, kw, known.origin)
        ranked = sorted(forms, key=lambda f: (-forms[f], self.first_seen.get(f, 0)))
        lang_name = LANG_NAMES.get(self.lang, self.lang)
        for f in ranked:
            r = romanised(f, self.lang)
            if r is not None and r.target in forms:
                return Choice(r.target, f"the {lang_name} romanisation of {r.cyrillic}, which the text "
                              f"also writes", True)
        accented = [f for f in ranked if _restores_diacritics(f, ranked)]
        if accented:
            return Choice(accented[0], f"the spelling with the name's own diacritics, which {lang_name} keeps",
                          True)
        strong = {f: len(foreign_signals(f, self.lang, "strong")) for f in ranked}
        weak = {f: len(foreign_signals(f, self.lang, "weak")) for f in ranked}
        best_strong = min(strong.values())
        clean = [f for f in ranked if strong[f] == best_strong]
        if best_strong > 0 or all(weak[f] for f in clean):
            built = {romanise(f, self.lang) for f in clean}
            if len(built) == 1:
                form = built.pop()
                if form in forms:
                    return Choice(form, f"the spelling that follows {lang_name} romanisation", True)
                return Choice(form, f"no spelling seen follows {lang_name} romanisation; built from "
                              f"{', '.join(clean)}", False)
        if len(clean) < len(ranked):
            if len(clean) == 1:
                return Choice(clean[0], f"the only spelling that follows {lang_name} romanisation", True)
            ranked = clean
        top = ranked[0]
        if len(ranked) > 1 and forms[ranked[1]] == forms[top]:
            by_weak = sorted(ranked, key=lambda f: (-forms[f], weak[f], self.first_seen.get(f, 0)))
            top = by_weak[0]
            return Choice(top, f"tie in frequency ({forms[top]} each); first seen or fewest accents", True)
        return Choice(top, f"the most frequent spelling ({forms[top]} of {sum(forms.values())})", True)

    def decide(self, key: str, form: str, context: Optional[frozenset] = None) -> Optional[Decision]:
        """Whether the spelling `form` of cluster `key` is a variant to replace, and by what.

        `context`: the other name words next to one occurrence; None asks about the
        spelling across the whole table (as `cleanmt names` prints it).
        """
        cache_key = (key, form, context)
        if cache_key in self._decisions:
            return self._decisions[cache_key]
        d = self._decide(key, form, context)
        self._decisions[cache_key] = d
        return d

    def _decide(self, key: str, form: str, context: Optional[frozenset]) -> Optional[Decision]:
        table_level = context is None
        context = context or frozenset()
        lang_name = LANG_NAMES.get(self.lang, self.lang)
        forms = self.counts.get(key, Counter())
        if key not in self.counts and self._known(key, [form]) is None:
            return self._pattern_guess(form, context)
        if (
            len(forms) == 1
            and not _foreign_signals(form, self.lang, "strong")
            and not _foreign_signals(form, self.lang, "weak")
            and self._known(key, forms) is None
            and romanised(form, self.lang) is None
        ):
            # the most common case, answered without `choose`: with one spelling counted
            # and none known to the lists, every way below ends in None or in
            # `_pattern_guess(form, context)`, which needs a foreign signal in `form`
            return None
        if len(forms) == 1 and self._known(key, forms) is None and romanised(form, self.lang) is not None:
            return self._pattern_guess(form, context)  # the index knows the name, seen once
        choice = self.choose(key)
        c = choice.form
        if c.lower() == form.lower():
            return None  # the canonical form, or differs only in case (a casing matter)
        explicit = choice.known is not None and form in _known_variants(self, choice)
        if not explicit and similar(form, c) < MIN_SIMILARITY:
            return None
        strong_f = len(foreign_signals(form, self.lang, "strong"))
        strong_c = len(foreign_signals(c, self.lang, "strong"))
        weak_f = len(foreign_signals(form, self.lang, "weak"))
        weak_c = len(foreign_signals(c, self.lang, "weak"))
        ctx = context | self.contexts.get((key, form), set())
        shared = bool(ctx & self._canonical_context(key, c))
        where = "the document" if self.scope == "document" else "the corpus"

        if choice.known is not None:
            kw = choice.known
            # a first name (Alexandre, Wladimir) only counts next to the rest of the name
            entity_ctx = bool((ctx if table_level else context) & (self._entity_keys(choice) - {key}))
            if kw.needs_context and not entity_ctx:
                # a first name of someone else (Alexei, not Navalny): only its spelling can tell
                if len(forms) > 1:
                    return None
                strong = foreign_signals(form, self.lang, "strong")
                if strong and _romanisation_decision(form, self.lang) is None:
                    return Decision(c, "TRL003", CONF_PATTERN, f"{form!r} uses {strong[0]}; {lang_name} "
                                    f"writes the name {c!r} (the gazetteer's spelling, a guess)")
                return self._pattern_guess(form, context)
            if not (explicit or strong_f > strong_c or entity_ctx or shared):
                return None
            if not explicit and kw.needs_context and _target_usage(form, c, self.lang):
                return None  # Sergei for Sergey: both the target's usage
            what = "another language's form" if explicit else "a variant spelling"
            full = self._full_name(choice)
            return Decision(c, "TRL002", CONF_KNOWN,
                            f"{form!r} is {what} of {full!r}; {lang_name} text writes {c!r} "
                            f"(canonical form from the {choice.known_origin})", kw)
        if len(forms) < 2:
            return self._pattern_guess(form, context)
        r = romanised(form, self.lang)
        if r is not None and r.target == c:
            return Decision(c, "TRL001", CONF_STRONG, f"{form!r} is the {LANG_NAMES.get(r.source_lang)} "
                            f"romanisation of {r.cyrillic}; {where} also spells it {c!r}, as {lang_name} does")
        if strip_marks(form) == strip_marks(c) and own_diacritics(c) > own_diacritics(form):
            conf = CONF_CONTEXT if forms[c] >= forms[form] or shared else CONF_WEAK_GUESS
            return Decision(c, "TRL001", conf, f"{form!r} drops the diacritics of {c!r}, as {where} also "
                            f"writes it ({lang_name} keeps them)")
        if strong_f > strong_c:
            why = foreign_signals(form, self.lang, "strong")[0]
            conf = CONF_STRONG if choice.observed else CONF_CONSTRUCTED
            return Decision(c, "TRL001", conf, f"{form!r} uses {why}; {where} also spells it {c!r} "
                            f"(chosen: {choice.reason})")
        if not choice.observed and weak_f > weak_c:
            why = foreign_signals(form, self.lang, "weak")[0]
            return Decision(c, "TRL001", CONF_CONSTRUCTED, f"{form!r} uses {why}; the same name is spelled "
                            f"another way in {where}: suggested {c!r} ({choice.reason})")
        if shared:
            conf = CONF_CONTEXT if forms[c] > forms[form] else CONF_WEAK_GUESS
            return Decision(c, "TRL001", conf, f"{form!r} and {c!r} name the same person in {where} "
                            f"(same neighbouring names); chosen: {choice.reason}")
        return None

    def _pattern_guess(self, form: str, context: frozenset) -> Optional[Decision]:
        """A name seen once whose spelling another language's romanisation gives away."""
        lang_name = LANG_NAMES.get(self.lang, self.lang)
        d = _romanisation_decision(form, self.lang)
        if d is not None:
            return d
        strong = foreign_signals(form, self.lang, "strong")
        if strong:
            guess = romanise(form, self.lang)
            if guess != form:
                return Decision(guess, "TRL003", CONF_PATTERN,
                                f"{form!r} uses {strong[0]}; suggested {lang_name} form {guess!r} (a guess)")
            return None
        weak = foreign_signals(form, self.lang, "weak")
        if not weak or zipf(strip_marks(form.lower()), self.lang) >= 3.0:
            return None
        neighbours = self._neighbour_forms(context)
        romanised_nearby = any(foreign_signals(n, self.lang, "strong") for n in neighbours)
        slavic = SLAVIC_SURNAME.get(self.lang)
        slavic_nearby = slavic is not None and any(
            slavic.search(n) and not foreign_signals(n, self.lang, "weak") for n in neighbours
        )
        if not (romanised_nearby or slavic_nearby):
            return None
        guess = romanise(form, self.lang)
        if guess == form:
            return None
        return Decision(guess, "TRL003", CONF_WEAK_GUESS,
                        f"{form!r} uses {weak[0]} next to a romanised name; suggested {lang_name} form "
                        f"{guess!r} (a guess)")

    def _neighbour_forms(self, context: frozenset) -> list[str]:
        return [f for k in context for f in self.counts.get(k, ())]

    def _canonical_context(self, key: str, c: str) -> set:
        return self.contexts.get((key, c), set())

    def _full_name(self, choice: Choice) -> str:
        known = self.user if choice.known_origin == "names file" else self.gazetteer
        return known.full_names.get(choice.known.entity, choice.form) if known else choice.form

    def _entity_keys(self, choice: Choice) -> set:
        known = self.user if choice.known_origin == "names file" else self.gazetteer
        return known.entity_keys.get(choice.known.entity, set()) if known else set()

    # -- using -------------------------------------------------------------------
    def findings(self, text: str) -> list[tuple[int, int, Decision]]:
        """(start, end, decision) for each name variant in `text` (cached: three rules ask)."""
        if text not in self._findings_cache:
            if len(self._findings_cache) > 16:
                self._findings_cache.clear()
            self._findings_cache[text] = self._find(text)
        return self._findings_cache[text]

    def _find(self, text: str) -> list[tuple[int, int, Decision]]:
        out = []
        if self._last_scan is not None and self._last_scan[0] == text:
            occs = self._last_scan[1]
        else:
            occs = scan(text, self.lang, self.compounds)
        run_keys = defaultdict(set)
        for o in occs:
            run_keys[o.mention].add(o.key)
        for o in occs:
            if o.acronym:
                d = self._acronym(o.text, text)
            elif len(o.text) < 3:
                continue
            else:
                d = self.decide(o.key, o.text, o.context)
            if d is None:
                continue
            if d.known is not None and d.known.requires and not regex.search(d.known.requires, text):
                continue
            if d.known is not None and o.sentence_start and not o.acronym and self._ordinary_word(o, d.known):
                continue  # "Poutine with gravy…": a word of the language, not a name
            if d.known is not None and not o.acronym and self._inside_longer_name(o, d.known, run_keys[o.mention]):
                continue  # "Jack London" in French: a one-word place inside another name
            out.append((o.start, o.end, d))
        return out

    def _inside_longer_name(self, o: Occurrence, kw: KnownWord, run: set) -> bool:
        """A one-word known name (London, Moscou) next to name words of no entity of its
        own: part of a longer name (the writer Jack London, the London School of Economics)
        that keeps its spelling in every language."""
        if kw.entity.startswith("user:") or kw.entity not in _place_entities():
            return False  # a surname follows first names of no entity of its own
        full = self.gazetteer.full_names.get(kw.entity, "")
        if " " in full or "-" in full:
            return False
        return bool(run - {o.key} - self.gazetteer.entity_keys.get(kw.entity, set()))

    def _ordinary_word(self, o: Occurrence, kw: KnownWord) -> bool:
        """A sentence-initial word that is also a common word, with no other word of the name nearby."""
        if zipf(o.text.lower(), self.lang) < 2.0:
            return False
        known = self.user if kw.entity.startswith("user:") else self.gazetteer
        return not (o.context & known.entity_keys.get(kw.entity, set()))

    def _acronym(self, word: str, text: str) -> Optional[Decision]:
        lang_name = LANG_NAMES.get(self.lang, self.lang)
        for known in (self.user, self.gazetteer):
            kw = known.words.get(word) if known else None
            if kw is not None:
                return Decision(kw.canonical, "TRL002", CONF_KNOWN,
                                f"{word!r} is another language's acronym; {lang_name} text writes "
                                f"{kw.canonical!r} ({known.origin}: {kw.source.split(';')[0]})", kw)
        return None

    def rows(self) -> list[dict]:
        """The table for people: each canonical form with the spellings it replaces."""
        groups: dict[tuple, dict] = {}
        for key, forms in sorted(self.counts.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
            for f, n in forms.most_common():
                d = self.decide(key, f)
                if d is not None:
                    self._add_row(groups, key, d, f, n, self.counts.get(fold(d.replacement), {}).get(d.replacement, 0))
        for word, n in self.acronyms.most_common():
            d = self._acronym(word, "")
            if d is not None:
                self._add_row(groups, word, d, word, n, self.acronyms.get(d.replacement, 0))
        return list(groups.values())

    def _add_row(self, groups, key, d: Decision, form: str, n: int, canonical_count: int):
        if d.rule == "TRL003":
            reason = "guess from spelling patterns: " + d.message
        elif d.known is not None:
            reason = f"{'names file' if d.known.entity.startswith('user:') else 'gazetteer'}: {d.known.source}"
        else:
            reason = self.choose(key).reason
        row = groups.setdefault((key, d.replacement), {
            "canonical": d.replacement, "canonical_count": canonical_count, "reason": reason, "variants": []})
        row["variants"].append({"form": form, "count": n, "rule": d.rule, "confidence": d.confidence})


def _known_variants(table: NameTable, choice: Choice) -> set:
    known = table.user if choice.known_origin == "names file" else table.gazetteer
    if known is None or choice.known is None:
        return set()
    return {v for v, kw in known.words.items() if kw.canonical == choice.known.canonical}


LANG_NAMES = {"en": "English", "fr": "French", "de": "German", "es": "Spanish"}


def romanised(word: str, lang: str):
    """The romanisation index's answer for a name word (knowledge/romanisation.py), or None."""
    r = romanisation.lookup(word, lang)
    return r if r is not None and r.target != word else None


def _restores_diacritics(form: str, forms) -> bool:
    """`form` is another of `forms` with the diacritics of the name's own language (Jürgen, Jurgen)."""
    n = own_diacritics(form)
    return n > 0 and any(g != form and strip_marks(g) == strip_marks(form) and own_diacritics(g) < n
                         for g in forms)


def _romanisation_decision(form: str, lang: str) -> Optional[Decision]:
    """TRL003 from the romanisation index: a name seen once in another language's romanisation.

    Sure (CONF_ROMANISED, fixed) when the target language's word list knows the form the
    scheme gives and does not know the spelling seen; less sure when it knows both (but the
    spelling seen less), or knows neither (a surname: the scheme's form is a guess), or when
    the target is not English (French press often keeps an English-style name).
    """
    r = romanised(form, lang)
    if r is None:
        return None
    lang_name, source = LANG_NAMES.get(lang, lang), LANG_NAMES.get(r.source_lang, r.source_lang)
    if lang != "en":
        conf = CONF_ROMANISED_OTHER
    elif r.level == romanisation.SCHEME:
        conf = CONF_ROMANISED_GUESS
    elif zipf(romanisation.fold_accents(form), lang) > 0 or romanisation.weak_only(
            romanisation.fold_accents(form), romanisation.fold_accents(r.target)):
        conf = CONF_ROMANISED_RARE  # English knows the spelling too, or it differs only as Polish does
    else:
        conf = CONF_ROMANISED
    known = "a form its word list knows" if r.level == romanisation.KNOWN else "its scheme's form, a guess"
    return Decision(r.target, "TRL003", conf, f"{form!r} is the {source} romanisation of {r.cyrillic}; "
                    f"{lang_name} writes {r.target!r} ({known})")


def build_name_table(texts: list[str], lang: str = "en", names_file: Optional[str] = None,
                     use_gazetteer: bool = True) -> NameTable:
    """A name table over a corpus: canonical forms chosen across all `texts`."""
    user = read_names_file(names_file) if names_file else None
    scope = "document" if len(texts) == 1 else "corpus"
    return NameTable(lang, user, use_gazetteer, scope).add_texts(list(texts))


def table_for(text: str, lang: str = "en", corpus: object = None) -> NameTable:
    """The table a rule should use: the corpus table when given, else one for this text.

    A table built from no text (only a names file) lends its names to a table of
    this one document. `corpus` may also be an object carrying the table as `.names`.
    """
    if not isinstance(corpus, NameTable):
        corpus = getattr(corpus, "names", None)
    if isinstance(corpus, NameTable):
        if corpus.n_texts:
            return corpus
        t = NameTable(corpus.lang, corpus.user, corpus.gazetteer is not None, "document")
        return t.add_texts([text])
    return NameTable(lang, None, True, "document").add_texts([text])


# ---------------------------------------------------------------------------
# the common path: most documents have no name variant at all
# ---------------------------------------------------------------------------


def name_findings(text: str, lang: str = "en", corpus: object = None, tokens: Optional[set] = None,
                  memo: Optional[Memo] = None) -> list[tuple[int, int, "Decision"]]:
    """(start, end, decision) for each name variant in `text`: what the TRL rules report.

    Without a corpus table, a document whose name words cannot produce any
    decision (see `_may_have_variants`) skips building its table. `tokens`: the text's
    token scan when already made (Document.capital_tokens); `memo`: where the word
    index lives across documents (a Cleaner's; None: a fresh one).
    """
    if not may_have_findings(text, lang, corpus, tokens, memo):
        return []
    return table_for(text, lang, corpus).findings(text)


def may_have_findings(text: str, lang: str = "en", corpus: object = None, tokens: Optional[set] = None,
                      memo: Optional[Memo] = None) -> bool:
    """False only when `name_findings` is sure to be empty: no corpus table, and no name
    word of `text` that could make a document table decide anything (`_may_have_variants`)."""
    table = corpus if isinstance(corpus, NameTable) else getattr(corpus, "names", None)
    return isinstance(table, NameTable) or _may_have_variants(text, lang, tokens, memo)


@lru_cache(maxsize=1 << 17)
def _word_facts(word: str, lang: str) -> tuple[str, bool, bool, bool, bool]:
    """(fold key, counted, can decide alone, weak and rare, a target-language Slavic
    surname) of one name word, as a document table of one text would see it (cached
    across documents). `counted`: the table counts its spellings (3+ letters, no acronym)."""
    key = fold(word)
    if is_acronym(word):
        return key, False, word in gazetteer(lang).words, False, False
    if len(word) < 3:
        return key, False, False, False, False  # never counted nor decided
    gaz = gazetteer(lang)
    if key in gaz.keys:
        # the gazetteer's own spelling (London, Moscow) is its canonical form: nothing to say
        if gaz.keys[key].canonical.lower() != word.lower():
            return key, True, True, False, False
    elif word in gaz.words:
        return key, True, True, False, False
    if foreign_signals(word, lang, "strong") or romanised(word, lang) is not None:
        return key, True, True, False, False
    weak = bool(foreign_signals(word, lang, "weak"))
    weak_rare = weak and zipf(strip_marks(word.lower()), lang) < 3.0
    slavic = SLAVIC_SURNAME.get(lang)
    return key, True, False, weak_rare, bool(slavic is not None and not weak and slavic.search(word))


@lru_cache(maxsize=None)
def _gazetteer_compound_seconds(lang: str) -> frozenset:
    """The second part keys of the gazetteer's two-part hyphenated names."""
    return frozenset().union(*_gazetteer_compounds(lang).values())


@lru_cache(maxsize=None)
def _gazetteer_compounds(lang: str) -> dict[str, frozenset]:
    """First part key → second part keys of the gazetteer's two-part hyphenated names."""
    out: dict[str, set] = defaultdict(set)
    for k in gazetteer(lang).keys:
        if k.count("-") == 1:
            a, b = k.split("-")
            out[a].add(b)
    return {a: frozenset(bs) for a, bs in out.items()}


class _NameWordIndex:
    """Name words seen so far (across documents), sorted into sets by what they may
    cause, so that a document's words are tested with a few C-speed set operations
    and only new words, and the few that need it, go through Python.

    `ambiguous` holds every counted word that shares its fold key with another
    counted word seen anywhere; only those can be two spellings of one key in a
    document, and only those are then grouped by key.

    `hot` holds every word in one of the sets `may_have_variants` reads (deciding,
    weak_rare, slavic, ambiguous, hyphenated, compound_first, compound_second), and
    every string of the token scan (`capital_tokens`) with such a word in it: a text
    none of whose strings is hot gets False from `may_have_variants` (each of its
    tests needs a word of one of those sets), so most texts are answered by one set
    operation on the scan's strings (`may_have_variants_in`).
    """

    MAX_WORDS = 1 << 19  # forget everything past this (memory stays bounded; answers stay exact)

    def __init__(self, lang: str):
        self.lang = lang
        self.tokens = TokenWords()
        self.clear()
        self.compound_first_keys = frozenset(_gazetteer_compounds(lang))  # (a set: a Cleaner pickles)
        self.compound_second_keys = _gazetteer_compound_seconds(lang)

    def clear(self):
        self.known: set = set()
        self.counted: dict[str, set] = defaultdict(set)  # key -> counted spellings seen
        self.by_key: dict[str, set] = defaultdict(set)  # key -> every spelling seen (2+ letters)
        self.deciding, self.ambiguous, self.hyphenated = set(), set(), set()
        self.weak_rare, self.slavic = set(), set()
        self.compound_first, self.compound_second = set(), set()
        self.hot: set = set()
        self.seen_strings: set = set()  # scan strings whose words are filed and heat marked
        self.containers: dict[str, set] = defaultdict(set)  # word -> scan strings that hold it, not as themselves

    def add(self, words: set):
        if len(self.known) + len(words) > self.MAX_WORDS:
            self.clear()
        self._add(words)

    def _add(self, words: set):
        for w in words - self.known:
            self._file(w)
            self.known.add(w)  # only once filed: another thread may be asking meanwhile

    def _heat(self, w: str):
        """w went into a set that `may_have_variants` reads: it, and the scan strings
        that hold it, are hot (the word first: see `_file_strings`)."""
        self.hot.add(w)
        self.hot.update(tuple(self.containers.get(w, ())))

    def _file_strings(self, strings: set, text_strings: set):
        """File the words of new scan strings (`strings`, of a text whose scan strings
        are `text_strings`), and mark hot those that hold a hot word."""
        token_words = self.tokens.words
        words = {s: token_words(s) for s in strings}
        n_words = sum(map(len, words.values()))
        if len(self.known) + n_words > self.MAX_WORDS or len(self.seen_strings) + len(strings) > self.MAX_WORDS:
            # before any filing, so that `hot` keeps what this call marks; then the
            # text's strings seen before are new again
            self.clear()
            words = {s: token_words(s) for s in text_strings}
        containers, new_words = self.containers, set()
        for s, ws in words.items():
            if ws != (s,):
                for w in ws:
                    containers[w].add(s)  # before reading `hot`: a word heated later finds s
            new_words.update(ws)
        self._add(new_words)  # all at once: what filing puts in the sets does not depend on the order
        hot = self.hot
        for s, ws in words.items():
            if ws != (s,) and not hot.isdisjoint(ws):
                hot.add(s)
        self.seen_strings.update(words)

    def may_have_variants_in(self, strings: set, text: Optional[str] = None) -> bool:
        """`may_have_variants` of the name words of these scan strings (`capital_tokens`
        of a text): False at once when none of them is hot. Given the text itself, the
        compound tests also ask that the two words stand side by side in it (see
        `_written_apart`): `_may_have_variants_exact(words, lang, text)`."""
        if not self.seen_strings.issuperset(strings):  # (no new set built for the usual answer)
            self._file_strings(strings - self.seen_strings, strings)
        hot = strings & self.hot
        if not hot:
            return False
        of_strings = self.tokens.of_strings
        return self._decide(of_strings(hot), lambda: of_strings(strings), text)

    def _file(self, w: str):
        """Put one new word into the sets its facts call for."""
        if len(w) < 2:
            return
        key, counted, decides, wr, sl = _word_facts(w, self.lang)
        self.by_key[key].add(w)
        if decides:
            self.deciding.add(w)
        if "-" in w:
            self.hyphenated.add(w)
        if key in self.compound_first_keys:
            self.compound_first.add(w)
        if key in self.compound_second_keys:
            self.compound_second.add(w)
        if counted:
            if wr:
                self.weak_rare.add(w)
            if sl:
                self.slavic.add(w)
            same = self.counted[key]
            same.add(w)
            if len(same) > 1:
                self.ambiguous |= same
                for x in tuple(same):
                    self._heat(x)
        if decides or "-" in w or (counted and (wr or sl)) or w in self.compound_first or w in self.compound_second:
            self._heat(w)

    def may_have_variants(self, words: set) -> bool:
        """The answer of `_may_have_variants_exact(words)`, mostly from set operations."""
        self.add(words)
        return self._decide(words, lambda: words)

    def _decide(self, hot_words: set, all_words, text: Optional[str] = None) -> bool:
        """`may_have_variants` of a text's filed words, from those of them that may be
        hot (every hot one among them) and a function that gives them all: only the
        hyphenated test and the compound check read words that are not hot. With the
        text, those two also need the words side by side in it (`_written_apart`)."""
        if not hot_words.isdisjoint(self.deciding):
            return True
        if not (hot_words.isdisjoint(self.weak_rare) or hot_words.isdisjoint(self.slavic)):
            return True
        amb = hot_words & self.ambiguous
        if amb:
            spelling: dict[str, str] = {}
            for w in amb:
                if spelling.setdefault(_word_facts(w, self.lang)[0], w) != w:
                    return True  # one key, two spellings
        words = None
        for w in hot_words & self.hyphenated:
            parts = fold(w).split("-")
            if len(parts) != 2 or not all(parts):
                continue
            # "Kassym Jomart" may be read as "Kassym-Jomart": two words of the text, of
            # keys parts[0] and parts[1] (`by_key` holds every filed spelling, so all
            # of the text's), one space apart when the text is known (_written_apart).
            # Snapshots (tuple: one C call) since another thread may file words meanwhile.
            firsts, seconds = tuple(self.by_key.get(parts[0], ())), tuple(self.by_key.get(parts[1], ()))
            if text is None:
                words = all_words() if words is None else words
                if not (words.isdisjoint(firsts) or words.isdisjoint(seconds)):
                    return True
                continue
            # the few spellings of the two keys searched in the text first: the text's
            # words are only listed when a pair stands there (most hyphenated names, such
            # as Attorney-General, are not written apart)
            found = [(x, y) for x in firsts for y in seconds if f"{x} {y}" in text]
            if found:
                words = all_words() if words is None else words
                if any(x in words and y in words for x, y in found):
                    return True
        if not (hot_words.isdisjoint(self.compound_first) or hot_words.isdisjoint(self.compound_second)):
            return _may_have_variants_exact(all_words() if words is None else words, self.lang, text)  # rare
        return False


def name_index(lang: str, memo: Optional[Memo] = None) -> _NameWordIndex:
    """The word index of `lang` kept in `memo` (a Cleaner's), or a fresh one."""
    if memo is None:
        return _NameWordIndex(lang)
    return memo.table(("names.index", lang), lambda: _NameWordIndex(lang))

def token_words(s: str) -> tuple:
    """The name words in one string of the token scan."""
    token, space, _ = s.partition(" ")
    # "Token lower": the token's words (_NAME_WORD reads the space after a token as
    # it reads the end of the string; the lower-case word holds no name word)
    if space:
        s = token
    if s.isascii() and s.isalpha() and "A" <= s[0] <= "Z":
        return (s,)  # "Johnson": _NAME_WORD's capital, then its letters to the end
    return tuple(_NAME_WORD.findall(s))


class TokenWords:
    """`token_words` of the scan strings met so far (a name index's, across documents),
    with the strings that are one name word themselves and those that hold none, so
    that most strings of a document are answered by two set operations. Bounded."""

    MAX_STRINGS = 1 << 19  # forget everything past this (answers stay exact)

    def __init__(self) -> None:
        self.found: dict[str, tuple] = {}
        self.plain: set = set()  # strings that are exactly one name word, themselves
        self.wordless: set = set()  # strings that hold no name word (the lower-case words)

    def words(self, s: str) -> tuple:
        found = self.found.get(s)
        if found is None:
            if len(self.found) > self.MAX_STRINGS:
                self.found.clear()
                self.plain.clear()
                self.wordless.clear()
            found = self.found[s] = token_words(s)
            if found == (s,):
                self.plain.add(s)
            elif not found:
                self.wordless.add(s)
        return found

    def of_strings(self, strings: set) -> set:
        """The name words in these strings of the token scan."""
        words = strings & self.plain
        for s in (strings - words) - self.wordless:
            words.update(self.words(s))
        return words


def words_of_strings(strings: set) -> set:
    """The name words in these strings of the token scan."""
    return {w for s in strings for w in token_words(s)}


def name_words(text: str) -> set:
    """The name words of `text` (a superset of set(_NAME_WORD.findall(text)), mostly
    equal), from capital_tokens."""
    return words_of_strings(capital_tokens(text))


def _may_have_variants(text: str, lang: str, tokens: Optional[set] = None, memo: Optional[Memo] = None) -> bool:
    """The names gate: `may_have_variants_in` of the text's token scan (`tokens`, when
    made already), by the word index kept in `memo` (a fresh one without)."""
    strings = capital_tokens(text) if tokens is None else tokens
    return name_index(lang, memo).may_have_variants_in(strings, text)


def _written_apart(text: str, firsts: set, seconds: set) -> bool:
    """Whether `text` holds "x y" for some x of `firsts` and y of `seconds`. A table
    reads two name words as one compound ("Kassym Jomart" as "Kassym-Jomart") only
    where one space, and nothing else, separates them (`_occurrences`): where no such
    pair stands in the text, its compounds join none of these words, and the table
    is the one it would be without them."""
    return any(f"{x} {y}" in text for x in firsts for y in seconds)


def _may_have_variants_exact(words: set, lang: str, text: Optional[str] = None) -> bool:
    """False only when a document table of `text` provably finds nothing.

    A document table reports a name word only when (a) the gazetteer knows its
    key or spelling, or it is a known acronym; (b) its key has two spellings in
    the text (which includes two words joined as a compound); (c) it carries a
    strong foreign romanisation signal; or (d) it carries a weak one, is rare,
    and a Slavic-looking surname stands next to it. This check looks at every
    distinct name word once, with per-word facts cached across documents, and
    errs on the side of True. Two words join as a compound only side by side: given
    `text`, a compound of two keys counts only where a spelling of each stands so
    in it (`_written_apart`); without it, wherever both keys occur.
    """
    spelling: dict[str, str] = {}
    keys: dict[str, set] = defaultdict(set)  # key -> its spellings among `words`
    weak_rare = slavic = False
    for w in words:
        if len(w) < 2:
            continue
        key, counted, decides, wr, sl = _word_facts(w, lang)
        if decides:
            return True
        keys[key].add(w)
        if counted:
            weak_rare |= wr
            slavic |= sl
            if spelling.setdefault(key, w) != w:
                return True  # one key, two spellings
    if weak_rare and slavic:
        return True
    pairs = _gazetteer_compounds(lang)
    for w in words:
        if "-" in w and len(w) >= 2:
            parts = fold(w).split("-")
            if len(parts) == 2 and all(parts) and parts[0] in keys and parts[1] in keys:
                if text is None or _written_apart(text, keys[parts[0]], keys[parts[1]]):
                    return True  # "Kassym Jomart" may be read as "Kassym-Jomart"
    for k in keys:
        second = pairs.get(k)
        if second is not None:
            for b in second.intersection(keys):
                if text is None or _written_apart(text, keys[k], keys[b]):
                    return True
    return False
