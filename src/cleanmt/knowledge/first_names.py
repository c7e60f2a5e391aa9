"""The gender that a first name all but certainly carries (data/first_names.tsv, derived from
the nomquamgender package by scripts/make_first_names.py): "Daria" → f, "Xabier" → m,
"Andrea" → None (borne by both)."""
from __future__ import annotations

import unicodedata
from functools import cache
from typing import Optional

from ..lexicon import load_tsv


@cache
def first_name_genders() -> dict[str, str]:
    """Folded first name -> "f" or "m"."""
    return {r["name"]: r["gender"] for r in load_tsv("first_names.tsv", required=("name", "gender"))}


def fold(name: str) -> str:
    """Lower case, accents dropped: the form the table keys ("Clément" → "clement")."""
    return "".join(c for c in unicodedata.normalize("NFD", name.lower()) if not unicodedata.combining(c))


def gender_of(first_name: str) -> Optional[str]:
    """"f", "m", or None when the name is unknown or borne by both."""
    key = first_name.lower() if first_name.isascii() else fold(first_name)
    return first_name_genders().get(key)
