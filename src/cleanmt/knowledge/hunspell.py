"""A small reader of Hunspell dictionaries (.aff + .dic): every word form a
dictionary accepts without compounding, as written (case kept).

Only what the word lists need: the flag formats (single character, `long`,
`num`, `UTF-8`), flag aliases (`AF`), prefixes and suffixes with their
conditions, cross products, one level of continuation classes (a suffix that
allows a further suffix or an elision prefix, as French and Dutch use), and the
flags that make a stem no word on its own (`NEEDAFFIX`, `ONLYINCOMPOUND`,
`FORBIDDENWORD`). Compounds are not generated, so a German compound that the
dictionary only accepts by compounding is not in the list: callers must treat an
unknown word as "no evidence", never as "not a word".
"""
from __future__ import annotations

import re
from typing import Iterator


def _cond_regex(cond: str, suffix: bool) -> "re.Pattern | None":
    """A Hunspell affix condition ('.', letters, [abc], [^abc]) as a regex anchored at
    the end (suffix) or start (prefix) of the stem; None for '.' (always true)."""
    if cond in (".", ""):
        return None
    out, i = [], 0
    while i < len(cond):
        c = cond[i]
        if c == "[":
            j = cond.find("]", i + 1)
            if j < 0:
                return None
            body = cond[i + 1 : j]
            neg = body.startswith("^")
            chars = "".join(re.escape(x) for x in (body[1:] if neg else body))
            out.append(f"[{'^' if neg else ''}{chars}]")
            i = j + 1
        elif c == ".":
            out.append(".")
            i += 1
        else:
            out.append(re.escape(c))
            i += 1
    body = "".join(out)
    return re.compile(f"(?:{body})$" if suffix else f"^(?:{body})")


class Affixes:
    """The parts of an .aff file that word generation needs."""

    def __init__(self, text: str):
        self.flag_type = "short"
        self.aliases: list[str] = []
        self.needaffix = self.onlyincompound = self.forbidden = None
        self.pfx: dict = {}  # flag -> (cross, [(strip, add, cont_flags, cond)])
        self.sfx: dict = {}
        pending: dict = {}
        for line in text.splitlines():
            parts = line.split()
            if not parts or parts[0].startswith("#"):
                continue
            key = parts[0]
            if key == "FLAG" and len(parts) > 1:
                self.flag_type = parts[1]
            elif key == "AF" and len(parts) > 1:
                if not pending.get("AF") and parts[1].isdigit() and not self.aliases:
                    pending["AF"] = True  # the count line
                    continue
                self.aliases.append(parts[1])
            elif key == "NEEDAFFIX" and len(parts) > 1:
                self.needaffix = parts[1]
            elif key == "ONLYINCOMPOUND" and len(parts) > 1:
                self.onlyincompound = parts[1]
            elif key == "FORBIDDENWORD" and len(parts) > 1:
                self.forbidden = parts[1]
            elif key in ("PFX", "SFX") and len(parts) >= 4:
                table = self.sfx if key == "SFX" else self.pfx
                flag = parts[1]
                if flag not in table and parts[2] in ("Y", "N") and parts[3].isdigit():
                    table[flag] = (parts[2] == "Y", [])
                    continue
                if flag not in table or len(parts) < 4:
                    continue
                strip = "" if parts[2] == "0" else parts[2]
                add, _, cont = parts[3].partition("/")
                add = "" if add == "0" else add
                cond = parts[4] if len(parts) > 4 else "."
                table[flag][1].append((strip, add, self.flags(cont), _cond_regex(cond, key == "SFX")))

    def flags(self, s: str) -> tuple:
        if not s:
            return ()
        if self.aliases and s.isdigit():
            n = int(s)
            s = self.aliases[n - 1] if 0 < n <= len(self.aliases) else ""
        if self.flag_type == "long":
            return tuple(s[i : i + 2] for i in range(0, len(s) - 1, 2))
        if self.flag_type == "num":
            return tuple(x for x in s.split(",") if x)
        return tuple(s)


def _apply_sfx(aff: Affixes, word: str, flag: str):
    entry = aff.sfx.get(flag)
    if entry is None:
        return
    cross, rules = entry
    for strip, add, cont, cond in rules:
        if strip and not word.endswith(strip):
            continue
        if cond is not None and not cond.search(word):
            continue
        yield (word[: len(word) - len(strip)] if strip else word) + add, cont, cross


def _apply_pfx(aff: Affixes, word: str, flag: str):
    entry = aff.pfx.get(flag)
    if entry is None:
        return
    cross, rules = entry
    for strip, add, cont, cond in rules:
        if add.endswith(("'", "’")):
            continue
        if strip and not word.startswith(strip):
            continue
        if cond is not None and not cond.search(word):
            continue
        yield add + word[len(strip) :], cont, cross


def expand(aff: Affixes, stem: str, flags: tuple) -> Iterator[str]:
    """Every form of one dictionary entry, the stem first (unless it needs an affix).
    Prefixes that end in an apostrophe (French elision: "l'", "d'", "qu'") are not
    applied: a text's "l'Union" is the word "Union" after an article."""
    blocked = {aff.needaffix, aff.onlyincompound}
    if aff.forbidden in flags or aff.onlyincompound in flags:
        return
    if aff.needaffix not in flags:
        yield stem
    pfx_flags = [f for f in flags if f in aff.pfx]
    for flag in flags:
        if flag not in aff.sfx:
            continue
        for form, cont, cross in _apply_sfx(aff, stem, flag):
            if aff.forbidden in cont:
                continue
            if not (blocked & set(cont)):
                yield form
            for f2 in cont:
                if f2 in aff.sfx:
                    for form2, cont2, _ in _apply_sfx(aff, form, f2):
                        if aff.needaffix not in cont2:
                            yield form2
                elif f2 in aff.pfx:
                    for form2, _, _ in _apply_pfx(aff, form, f2):
                        yield form2
            if cross:
                for pf in pfx_flags:
                    for form2, _, pcross in _apply_pfx(aff, form, pf):
                        if pcross:
                            yield form2
    for flag in pfx_flags:
        for form, cont, _ in _apply_pfx(aff, stem, flag):
            if not (blocked & set(cont)):
                yield form
            for f2 in cont:
                if f2 in aff.sfx:
                    for form2, _, _ in _apply_sfx(aff, form, f2):
                        yield form2


def _encoding(aff_bytes: bytes) -> str:
    m = re.search(rb"^SET\s+(\S+)", aff_bytes, re.M)
    enc = m.group(1).decode("ascii", "replace") if m else "ISO8859-1"
    return {"ISO8859-1": "latin-1", "ISO8859-15": "iso8859-15", "UTF-8": "utf-8"}.get(enc.upper(), enc)


def entries(aff_path: str, dic_path: str) -> Iterator[tuple[str, tuple]]:
    """(stem, flags) for each line of the .dic file after its count."""
    with open(aff_path, "rb") as f:
        raw = f.read()
    enc = _encoding(raw)
    aff = Affixes(raw.decode(enc, "replace"))
    with open(dic_path, "rb") as f:
        lines = f.read().decode(enc, "replace").lstrip("\ufeff").splitlines()
    yield aff  # type: ignore[misc]  # the first item is the affix table
    for line in lines[1:]:
        if not line or line.startswith(("#", "\t", " ")):
            continue
        word = line.split("\t", 1)[0].split(" ", 1)[0]
        stem, _, fl = word.replace("\\/", "\0").partition("/")
        stem = stem.replace("\0", "/")
        if stem:
            yield stem, aff.flags(fl)


def word_forms(aff_path: str, dic_path: str) -> Iterator[tuple[str, str]]:
    """(stem, form) for every form the dictionary generates."""
    it = entries(aff_path, dic_path)
    aff = next(it)
    for stem, flags in it:
        for form in expand(aff, stem, flags):
            yield stem, form
