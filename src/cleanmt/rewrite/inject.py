"""Artifact injector: damage clean English sentences the way MT + spinners do.

The rewriter is trained on (damaged -> clean) pairs. The damage is the inverse
of cleanmt's rules and lexicons: spinner substitutions (data/spinner.tsv read
backwards, plus a few built-in tortured phrases and modal swaps), garbled
quotes, calques / false friends, foreign romanisations of names, casing and
spacing damage. Every transform is a small pure function `f(sentence, rng)`
that returns the damaged sentence or None when it does not apply, so each can
be tested and reasoned about on its own (the ftfy way).
"""
from __future__ import annotations

import random
from functools import lru_cache
from typing import Callable, Optional

import regex

from ..lexicon import load_tsv

MAX_BYTES = 256

# (clean phrase, spun phrase, why) -- tortured phrases of the kind article
# spinners produce; complements whatever rows data/spinner.tsv holds.
BUILTIN_SPINNER = [
    ("could not", "might not", "modal swap could->might by paraphrasers (seen in MT+spinner news)"),
    ("cannot", "might not", "modal swap can->might by paraphrasers"),
    ("climate change", "local weather change", "well-known spun-news tortured phrase"),
    ("prime minister", "top minister", "tortured phrase: prime->top"),
    ("human rights", "human privileges", "tortured phrase: rights->privileges"),
    ("police officers", "police cops", "tortured phrase: officers->cops"),
    ("last year", "final yr", "tortured phrase from spun news sites"),
    ("security forces", "safety forces", "tortured phrase: security->safety"),
    ("as well as", "in addition to", "spinner synonym swap of a fixed expression"),
    ("artificial intelligence", "counterfeit consciousness", "tortured phrase (Cabanac et al. 2021)"),
    ("big data", "large information", "tortured phrase (Cabanac et al. 2021)"),
    ("at the moment", "on the second", "tortured phrase: moment->second"),
]

# (clean word/phrase, calque, why): false friends and literal translations
# from French (FR) and Spanish (ES) source text.
CALQUES = [
    ("death toll", "death balance", "FR bilan / ES balance = toll"),
    ("toll", "balance", "FR bilan = toll (of victims)"),
    ("currently", "actually", "FR actuellement / ES actualmente = currently"),
    ("current", "actual", "FR actuel / ES actual = current"),
    ("possibly", "eventually", "FR eventuellement / ES eventualmente = possibly"),
    ("demonstration", "manifestation", "FR/ES manifestation = protest march"),
    ("demonstrations", "manifestations", "FR/ES manifestation = protest march"),
    ("demonstrators", "manifestants", "FR manifestants = demonstrators"),
    ("sensitive", "sensible", "FR sensible / ES sensible = sensitive"),
    ("disappointment", "deception", "FR deception / ES decepcion = disappointment"),
    ("factory", "fabric", "FR fabrique / ES fabrica = factory"),
    ("commitment", "compromise", "ES compromiso = commitment"),
    ("attended", "assisted at", "FR assister a / ES asistir = attend"),
    ("success", "exit", "ES exito = success"),
    ("bookshop", "library", "FR librairie / ES libreria = bookshop"),
    ("in power", "in the capacity", "FR au pouvoir: pouvoir read as 'capacity'"),
    ("the regime", "the capacity", "FR le pouvoir (the regime) read as 'capacity'"),
    ("the government", "the power", "FR le pouvoir = the government"),
    ("injured", "blessed", "FR blesse = injured"),
    ("meeting", "reunion", "FR reunion / ES reunion = meeting"),
    ("journey", "journee", "FR journee (day) confused with journey"),
    ("eventually", "finally", "softened register shift; FR finalement"),
]


def _match_case(original: str, replacement: str) -> str:
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _phrase_re(phrase: str):
    words = [regex.escape(w) for w in phrase.split()]
    return regex.compile(r"(?<![\p{L}\p{N}])" + r"\s+".join(words) + r"(?![\p{L}\p{N}])", regex.I)


@lru_cache(maxsize=None)
def spinner_table() -> tuple[tuple, ...]:
    """(compiled clean phrase, spun phrase) pairs: spinner.tsv inverted + built-ins."""
    rows = []
    try:
        for e in load_tsv("spinner.tsv", required=("pattern", "replacement")):
            rows.append((e["replacement"], e["pattern"]))
    except (OSError, ValueError):
        pass
    rows.extend((clean, spun) for clean, spun, _ in BUILTIN_SPINNER)
    return tuple((_phrase_re(c), s) for c, s in rows)


@lru_cache(maxsize=None)
def calque_table() -> tuple[tuple, ...]:
    return tuple((_phrase_re(c), s) for c, s, _ in CALQUES)


def _substitute(table, s: str, rng: random.Random) -> Optional[str]:
    options = [(m, spun) for pat, spun in table for m in pat.finditer(s)]
    if not options:
        return None
    m, spun = rng.choice(options)
    return s[: m.start()] + _match_case(m.group(), spun) + s[m.end() :]


def spinner(s: str, rng: random.Random) -> Optional[str]:
    return _substitute(spinner_table(), s, rng)


def calque(s: str, rng: random.Random) -> Optional[str]:
    return _substitute(calque_table(), s, rng)


# -- quotes --------------------------------------------------------------------
_ASCII_PAIR = regex.compile(r'"([^"\n]+)"')
_CURLY_PAIR = regex.compile(r"“([^“”\n]+)”( ?)(\p{L}*)")


def curl_quotes(s: str) -> str:
    """Balanced ASCII double quotes -> “curly”; clean targets use curly quotes."""
    if s.count('"') % 2:
        return s
    return _ASCII_PAIR.sub(lambda m: "“" + m.group(1) + "”", s)


def garble_quotes(s: str, rng: random.Random) -> Optional[str]:
    """“x” -> “ x ” / ” x “ / « x » / “ x »; the word after may get capitalised."""
    matches = list(_CURLY_PAIR.finditer(s))
    if not matches:
        return None
    m = rng.choice(matches)
    inner, space, nxt = m.group(1), m.group(2), m.group(3)
    opener, closer = rng.choice([("“ ", " ”"), ("” ", " “"), ("« ", " »"), ("“ ", " »"), ("”", "“")])
    if nxt and space and rng.random() < 0.5:
        # capitalised continuation: ` To support` or `»Protesters`
        nxt = nxt[:1].upper() + nxt[1:]
        space = rng.choice([" ", ""])
    return s[: m.start()] + opener + inner + closer + space + nxt + s[m.end() :]


# -- names -----------------------------------------------------------------------
_NAME = regex.compile(r"(?<=[\p{L},;:] )\p{Lu}\p{Ll}{3,}(?![\p{L}\p{N}'’-])")


@lru_cache(maxsize=4096)
def _is_common_word(word: str) -> bool:
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover
        return False
    return zipf_frequency(word.lower(), "en") >= 3.5


def _names(s: str) -> list:
    return [m for m in _NAME.finditer(s) if not _is_common_word(m.group())]


_ROMANISE = [
    (regex.compile(r"(?<=[aeo])y"), "ï"),  # Tokayev -> Tokaïev (French)
    (regex.compile(r"(?<![oO])u(?=[^aeiou])"), "ou"),  # Putin -> Poutin (French)
    (regex.compile(r"sh"), "ch"),  # Shevchenko -> Chevchenko (French)
    (regex.compile(r"a(?=[^aeiou]+$)"), "á"),  # Nursultan -> Nursultán (Spanish)
    (regex.compile(r"ov$"), "off"),  # Romanov -> Romanoff (old French/German)
    (regex.compile(r"(?<=[aeiou])j(?=[aeiou])"), "dj"),  # Bajan -> Badjan
]


def romanise(s: str, rng: random.Random) -> Optional[str]:
    names = _names(s)
    rng.shuffle(names)
    for m in names:
        rules = _ROMANISE[:]
        rng.shuffle(rules)
        for pat, repl in rules:
            new = pat.sub(repl, m.group(), count=1)
            if new != m.group():
                return s[: m.start()] + new + s[m.end() :]
    return None


def casing(s: str, rng: random.Random) -> Optional[str]:
    """Lower-case one capitalised name (`Emmanuel macron`)."""
    names = _names(s)
    if not names:
        return None
    m = rng.choice(names)
    return s[: m.start()] + m.group().lower() + s[m.end() :]


# -- spacing ---------------------------------------------------------------------
_COMMA = regex.compile(r"(?<=\p{L}),(?= )")


def spacing(s: str, rng: random.Random) -> Optional[str]:
    """Space before a comma or the final stop, or a doubled ". ."."""
    choices = []
    commas = list(_COMMA.finditer(s))
    if commas:
        choices.append("comma")
    if s.endswith(".") and not s.endswith(".."):
        choices += ["stop", "double"]
    if not choices:
        return None
    kind = rng.choice(choices)
    if kind == "comma":
        m = rng.choice(commas)
        return s[: m.start()] + " ," + s[m.end() :]
    if kind == "stop":
        return s[:-1] + " ."
    return s + " ."


TRANSFORMS: dict[str, Callable[[str, random.Random], Optional[str]]] = {
    "spinner": spinner,
    "quotes": garble_quotes,
    "calque": calque,
    "transliteration": romanise,
    "casing": casing,
    "punctuation": spacing,
}


# How strongly each kind of damage is preferred when several apply to a sentence.
WEIGHTS = {"spinner": 6, "calque": 6, "quotes": 3, "transliteration": 3, "casing": 1.5, "punctuation": 1}


def make_pair(clean: str, rng: random.Random, identity_rate: float = 0.15, max_damage: int = 2):
    """(damaged, clean, kinds) for one clean sentence; kinds == [] is an identity pair.

    Returns None when the sentence is too long for the model.
    """
    clean = curl_quotes(clean)
    if len(clean.encode("utf-8")) > MAX_BYTES - 8:
        return None
    if rng.random() < identity_rate:
        return clean, clean, []
    want = rng.randint(1, max_damage)
    damaged, kinds = clean, []
    for _ in range(want):
        options = {}
        for name, fn in TRANSFORMS.items():
            if name in kinds:
                continue
            out = fn(damaged, rng)
            if out is not None and out != damaged:
                options[name] = out
        if not options:
            break
        # rare, meaning-bearing damage first: spacing applies almost everywhere
        names = list(options)
        name = rng.choices(names, weights=[WEIGHTS[n] for n in names])[0]
        damaged, kinds = options[name], kinds + [name]
    if len(damaged.encode("utf-8")) > MAX_BYTES:
        return None
    return damaged, clean, kinds


def split_documents(docs: list[str], heldout_every: int = 10):
    """(train_docs, heldout_docs): every `heldout_every`-th document is held out."""
    train = [d for i, d in enumerate(docs) if i % heldout_every != 0]
    held = [d for i, d in enumerate(docs) if i % heldout_every == 0]
    return train, held


def corpus_sentences(docs: list[str], max_bytes: int = MAX_BYTES - 8) -> list[str]:
    from .sentences import split_sentences

    out = []
    for d in docs:
        for s in split_sentences(d):
            if 20 <= len(s.encode("utf-8")) <= max_bytes:
                out.append(s)
    return out


def heldout_pairs(docs: list[str], seed: int = 1234, heldout_every: int = 10, damaged_only=True):
    """A fixed, reproducible evaluation set from the held-out documents."""
    rng = random.Random(seed)
    _, held = split_documents(docs, heldout_every)
    pairs = []
    for s in corpus_sentences(held):
        p = make_pair(s, rng, identity_rate=0.0 if damaged_only else 0.15)
        if p is not None and (p[2] or not damaged_only):
            pairs.append(p)
    return pairs
