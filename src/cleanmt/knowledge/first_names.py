"""The gender that a first name all but certainly carries, from two sources:

- data/first_names.tsv, derived from the nomquamgender package by scripts/make_first_names.py
  (names counted at least 2000 times, borne by >= 97% of one gender): "Daria" → f, "Xabier" → m.
- Jörg Michael's nam_dict.txt (about 48,000 first names of 54 countries, each marked male,
  female, mostly one, or unisex), as shipped in the PyPI package gender-guesser (GPLv3
  code; the list under the GNU Free Documentation License 1.2). It is read, not copied:
  the names it marks plainly male or female in every country that lists them, with no
  unisex or "mostly" entry ("Hafize", "Takeshi", "Tomoko"), fill the gaps of the first
  table. nomquamgender wins where both know a name; a name that it counts often but
  finds less than certain (below 97% one gender, so not in its table) is taken from nam_dict
  only when nam_dict is unanimous, and a name nam_dict calls unisex anywhere stays out.
  The merged index is built once (about a second) and kept in ~/.cache/cleanmt
  (anchor_cache.derived, keyed by the packages' versions).

"Andrea", "Jean", "Kim" (borne by both) and unknown names give None: CLQ007 stays silent.
"""
from __future__ import annotations

import unicodedata
from functools import cache
from importlib import resources
from typing import Optional

from ..lexicon import load_tsv

_NAM_DICT_CODES = {"M": "m", "F": "f"}  # "1M", "?M" (mostly), "?" (unisex) and "=" (variant) are not certain


@cache
def first_name_genders() -> dict[str, str]:
    """Folded first name -> "f" or "m"."""
    from ..anchor_cache import derived

    return derived("first_names", _merged)


def _merged() -> dict[str, str]:
    table = {r["name"]: r["gender"] for r in load_tsv("first_names.tsv", required=("name", "gender"))}
    for name, gender in _nam_dict().items():
        table.setdefault(name, gender)
    return table


def _nam_dict() -> dict[str, str]:
    """Folded name -> gender for the names nam_dict.txt marks plainly one gender in every
    entry; {} when gender-guesser is not installed."""
    try:
        path = resources.files("gender_guesser").joinpath("data/nam_dict.txt")
        lines = path.read_text(encoding="utf-8").splitlines()
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return {}
    seen: dict[str, set] = {}
    for line in lines:
        if not line or line[0] in "#=":
            continue
        parts = line.split()
        if len(parts) < 2 or not parts[1].isalpha() or len(parts[1]) < 2:
            continue  # "Jean+Pierre" (a compound), initials
        seen.setdefault(fold(parts[1]), set()).add(_NAM_DICT_CODES.get(parts[0], "?"))
    return {name: next(iter(codes)) for name, codes in seen.items() if len(codes) == 1 and "?" not in codes}


def fold(name: str) -> str:
    """Lower case, accents dropped: the form the table keys ("Clément" → "clement")."""
    return "".join(c for c in unicodedata.normalize("NFD", name.lower()) if not unicodedata.combining(c))


def gender_of(first_name: str) -> Optional[str]:
    """"f", "m", or None when the name is unknown or borne by both."""
    key = first_name.lower() if first_name.isascii() else fold(first_name)
    return first_name_genders().get(key)
