"""What the detector already knows to be the same thing, as comparison keys.

A repair that writes "Moscow" for "Moscou", "CSTO" for "OTSC", "Putin" for
"Poutine", "5.6" for "5,6" or "percent" for "per cent" changes the form, not the
meaning. The faithfulness checks compare *keys*, not surface words, so such a
repair is no change to them. Keys come only from the project's own tables:

  * gazetteers (data/gazetteer_people.tsv, gazetteer_places.tsv): every form of an
    entity, word by word, keys to its English canonical form;
  * exonyms (knowledge/exonyms.py) and organisations (knowledge/organisations.py):
    another language's form keys to the target's replacement;
  * romanisations (knowledge/romanisation.py): "Iakoutsk" keys to "yakutsk";
  * numbers: a number keys to the set of values it can mean under the target's and
    the source languages' conventions ("5,6" -> {5.6}; "1,200" -> {1200, 1.2}).

Case and accents never matter to a key: casing and accent repairs are repairs.
"""
from __future__ import annotations

import unicodedata
from functools import cache, lru_cache

import regex

from ..lexicon import load_tsv

# Words, numbers (with the separators any convention uses) and signs.
TOKEN = regex.compile(
    r"\p{N}+(?:[.,  ’']\p{N}+)*|[\p{L}\p{M}](?:[\p{L}\p{M}\p{N}'’]|-(?=[\p{L}\p{N}]))*|[%$€£¥]"
)
NUMBER = regex.compile(r"^\p{N}+(?:[.,  ’']\p{N}+)*$")
# Two-word spellings of one word that the press varies on: not a change.
SPELLINGS = {"en": {("per", "cent"): "percent"}}
CONTRACTED = {"ca": "can", "wo": "will", "sha": "shall"}  # can't, won't, shan't


def fold(word: str) -> str:
    """Lower case, no accents, no possessive: the base of every key."""
    w = unicodedata.normalize("NFKD", word.casefold())
    w = "".join(c for c in w if not unicodedata.combining(c))
    return regex.sub(r"['’]s$", "", w)


def number_values(token: str) -> frozenset:
    """The values a written number can have: "5,6" -> {5.6}; "1,200" -> {1200, 1.2}.

    A group of exactly three digits after a separator may be a thousands group in
    any convention; anything else after "," or "." is a decimal part."""
    parts = regex.split(r"[.,  ’']", token)
    seps = regex.findall(r"[.,  ’']", token)
    out = set()
    if all(len(p) == 3 for p in parts[1:]):
        out.add("".join(parts))  # all separators group thousands
    if len(seps) >= 1 and seps[-1] in ".,":
        head = parts[:-1]
        if len(head) == 1 or all(len(p) == 3 for p in head[1:]):
            out.add("".join(head) + "." + parts[-1])  # the last one is a decimal point
    if not seps:
        out.add(token)
    return frozenset(_tidy(v) for v in out)


def _tidy(value: str) -> str:
    """One spelling per value: "05" -> "5", "1.200" -> "1.2", "3.0" -> "3"."""
    whole, _, frac = value.partition(".")
    frac = frac.rstrip("0")
    return (whole.lstrip("0") or "0") + ("." + frac if frac else "")


@cache
def _table_keys() -> dict[str, str]:
    """folded word -> folded canonical word, from the gazetteers (all target languages)."""
    out: dict[str, str] = {}
    for name in ("gazetteer_people.tsv", "gazetteer_places.tsv"):
        rows = load_tsv(name)
        canon = {r["entity"]: r["form"] for r in rows if r["lang"] == "en" and r["role"] == "canonical"}
        for r in rows:
            target = canon.get(r["entity"])
            if not target:
                continue
            a, b = r["form"].split(), target.split()
            if len(a) == len(b):
                for x, y in zip(a, b):
                    out.setdefault(fold(x), fold(y))
            elif len(b) >= 1:
                out.setdefault(fold(a[-1]), fold(b[-1]))  # the family name
    return out


@cache
def _lang_keys(lang: str) -> dict[str, str]:
    """folded form -> folded replacement from the exonym and organisation tables of `lang`."""
    from ..knowledge import exonyms, organisations

    out = dict(_table_keys())
    for form, ex in exonyms.index(lang).items():
        a, b = form.split(), ex.replacement.split()
        if len(a) == len(b):
            for x, y in zip(a, b):
                if fold(x) != fold(y):
                    out.setdefault(fold(x), fold(y))
    idx = organisations.index(lang)
    for form, cands in idx.triggers.items():
        if len(cands) == 1 and " " not in form:
            out.setdefault(fold(form), fold(cands[0].replacement))
    return out


@lru_cache(maxsize=1 << 15)
def key(word: str, lang: str = "en") -> str:
    """The comparison key of one token (see the module docstring)."""
    if NUMBER.match(word):
        return "#" + "|".join(sorted(number_values(word)))
    f = fold(word)
    k = _lang_keys(lang).get(f)
    if k is not None:
        return k
    if word[:1].isupper():
        from ..knowledge import romanisation

        r = romanisation.lookup(word, lang)
        if r is not None:
            return fold(r.target)
    return f


def canonical_forms(lang: str) -> frozenset:
    """Every folded word some table gives as a canonical form (a repair may write it)."""
    return frozenset(_lang_keys(lang).values())


def tokens(text: str, lang: str = "en") -> list[tuple[str, str, int, int]]:
    """(key, surface, start, end) of every token of `text`; a two-word spelling of one
    word ("per cent") is one token keyed as the other spelling ("percent")."""
    out = []
    for m in TOKEN.finditer(text):
        w = m.group()
        low = w.casefold().replace("’", "'")
        if lang == "en" and (low.endswith("n't") and len(low) > 3 or low == "cannot"):
            stem = low[:-3] if low != "cannot" else "can"
            stem = CONTRACTED.get(stem, stem)
            out.extend([(stem, w, m.start(), m.end()), ("not", w, m.start(), m.end())])  # couldn't = could not
        else:
            out.append((key(w, lang), w, m.start(), m.end()))
    pairs = SPELLINGS.get(lang, {})
    i = 0
    while pairs and i + 1 < len(out):
        joined = pairs.get((out[i][0], out[i + 1][0]))
        if joined and text[out[i][3] : out[i + 1][2]].isspace():
            out[i : i + 2] = [(joined, text[out[i][2] : out[i + 1][3]], out[i][2], out[i + 1][3])]
        i += 1
    return out


def same_number(a: str, b: str) -> bool:
    """Do two number keys share a reading ("#5.6" and "#5.6|56" do)?"""
    return bool(set(a[1:].split("|")) & set(b[1:].split("|")))
