"""Punctuation artifacts in English text: French-style spaces before punctuation,
doubled sentence punctuation, and a stray full stop inside a sentence.

Machine translation from French keeps the thin space French puts before
; : ! ? (and sometimes adds one before a comma); sentence-splitting and
re-joining leaves ". ." and "word. of". All regexes are compiled once and
only look at one line at a time (tabs and spaces, never a line break), so a
line that is only punctuation (scraping residue) is never touched here.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from ..lexicon import load_tsv
from ..registry import rule
from ..types import Hit

# A character a word or a closing bracket ends with: what may stand before the space.
_WORD_END = r"[\p{L}\p{N}\)\]%]"

# Lines that look like code, markup or templates: " . " and " ; " mean something else there.
CODE_LINE = regex.compile(r"[{}<>`|\\=]|\(\)")

# " ," " ;" " :" " !" " ?" after a word, then a space, a closing quote or the end of the line.
# A run such as " ?!" counts as one. ":)" ";-)" are emoticons: no space may follow them.
# One space only (or the no-break spaces French typography uses): a run of spaces or
# a tab before ":" is column alignment ("Name    : value"), not a translation artifact.
SPACE_BEFORE = regex.compile(
    r"(?<=" + _WORD_END + r")([ \u00a0\u202f])([,;:!?][!?]*)(?=[ \t]|$|[\"”»])", regex.M
)

# " ." after a word, then a capitalised word, an opening quote/bracket or the end of the line.
# "a . b", "example . com", " .5", " ..." and ". . ." do not qualify.
SPACE_BEFORE_STOP = regex.compile(
    r"(?<=" + _WORD_END + r")([ \u00a0\u202f])\.(?=[ \t]+[\p{Lu}\"“‘'(]|[ \t]*$)", regex.M
)

# Two sentence marks separated by spaces: ". ." ", ," ". ," ", ." "? ." "! .".
# Not part of a spaced ellipsis (". . ."): no further full stop may follow, and the
# first mark must follow a word, not another full stop. The second mark must end a
# word too: ", .py files" is a file extension.
DOUBLED = regex.compile(
    r"(?<=[\p{L}\p{N}\)\]%\"”’'])([.,!?])([ \t]+)([.,])(?=[ \t]|$|[\"”’')\]])(?![ \t]*\.)", regex.M
)

# "word. of": a full stop between a word and a lower-case preposition or relative
# pronoun, which cannot begin a sentence. The word before must be a plain word
# (no internal full stop, so "U.S.", "p.m.", "e.g." never qualify).
_CONTINUATIONS = (
    "about above across after against along amid among amongst at before behind below beneath "
    "beside besides between beyond by despite during for from in inside into near of off on onto "
    "out outside over per since than through throughout till to toward towards under underneath "
    "until unto upon via which whom whose with within without"
).split()
# the part of STRAY_STOP a plain scan finds fastest (it starts at a full stop): the trigger
STRAY_STOP_TRIGGER = r"\.[ \t]+(?:" + "|".join(_CONTINUATIONS) + r")(?![\p{L}\p{N}'’-])"
STRAY_STOP = regex.compile(
    r"(?<![\p{L}\p{N}.'’@/_-])(\p{L}{2,})(\.)[ \t]+(" + "|".join(_CONTINUATIONS) + r")(?![\p{L}\p{N}'’-])",
)


@lru_cache(maxsize=None)
def _abbreviations() -> frozenset:
    return frozenset(e["abbr"].lower() for e in load_tsv("abbreviations.tsv", required=("abbr", "source")))


def _is_abbreviation(word: str) -> bool:
    """A word whose full stop marks an abbreviation, not the end of a sentence."""
    if "." in word or len(word) == 1:
        return True
    if word.lower() in _abbreviations():
        return True
    return word.isupper()  # "INC.", "PTY." and other all-capital short forms


# Cheap necessary condition checked before any line is read: PUN001-003 all need a
# space (or tab, or narrow space) right before a mark; one scan serves the three rules.
_SPACED_MARK = regex.compile(r"[ \t\u00a0\u202f][,;:!?.]")


@lru_cache(maxsize=4)  # the three rules ask about the same document in turn
def _spaced_marks(text: str) -> frozenset:
    """The distinct (space, mark) pairs of `text`: {" ,", "\u00a0:"...}."""
    return frozenset(_SPACED_MARK.findall(text))


def _any_spaced(text: str, spaces: str, marks: str) -> bool:
    return any(p[0] in spaces and p[1] in marks for p in _spaced_marks(text))


# The blank and full stop that open a SPACE_BEFORE_STOP match (PUN002's exact anchors).
_SPACED_STOPS = (" .", "\u00a0.", "\u202f.")


def _may_have_spaced_stop(doc) -> bool:
    """Necessary condition of PUN002: SPACE_BEFORE_STOP matches from the blank of some
    " ." (most " ." in news open " ..." or " .5"). A match in a line is one in the text
    at the same place: its lookbehind fails at a line start either way (no character,
    or a line break, which ends no word), and nothing in it crosses a line break."""
    text = doc.text
    for stop in _SPACED_STOPS:
        i = text.find(stop)
        while i >= 0:
            if SPACE_BEFORE_STOP.match(text, i):
                return True
            i = text.find(stop, i + 1)
    return False


_STRAY_STOP_TRIGGER = regex.compile(STRAY_STOP_TRIGGER)
_LETTERS_BEFORE = regex.compile(r"(?r)\p{L}+")  # matched back from its end position


def _may_have_stray_stop(doc) -> bool:
    """Necessary condition of PUN004, which its anchors rarely meet: a full stop where
    STRAY_STOP_TRIGGER matches (the part of STRAY_STOP after the word) whose word is one
    the check keeps. STRAY_STOP can only match from the first of the letters before that
    full stop (its lookbehind allows no letter before the word), so matching it there
    tells; a match in a line is one in the text at the same place (no part crosses a
    line break, and a line break is no character the lookbehind rejects)."""
    text = doc.text
    for t in _STRAY_STOP_TRIGGER.finditer(text):
        letters = _LETTERS_BEFORE.match(text, 0, t.start())
        m = letters and STRAY_STOP.match(text, letters.start())
        if m and not _skipped_word(m.group(1)):
            return True
    return False


def _skipped_word(word: str) -> bool:
    """A word before a full stop that PUN004 leaves alone."""
    return _is_abbreviation(word) or (word[0].isupper() and len(word) < 4)  # "Sen. of", "Ave. in"


def _prose_lines(doc):
    for line in doc.lines:
        if line.text.strip() and not CODE_LINE.search(line.text):
            yield line


@rule(
    "PUN001",
    "punctuation",
    "space before , ; : ! ? (French typography or tokenised text in English)",
    confidence=0.95,
    bad=[
        ("They reached the port , where the ships waited.", "They reached the port, where the ships waited."),
        ("Two things matter : speed and price.", "Two things matter: speed and price."),
        ("Can this last ?", "Can this last?"),
        ("“Stop now !” she said.", "“Stop now!” she said."),
    ],
    good=[
        "They reached the port, where the ships waited.",
        "The score was 3 : 1 at half time.",
        "Nice to see you :) and your sister ;-) too.",
        ",",
        "if (a == b) { x = y , z; }",
    ],
    anchors=[" ,", " ;", " :", " !", " ?"],  # SPACE_BEFORE: a blank, then the mark
)
def space_before_punctuation(doc):
    if not _any_spaced(doc.text, " \u00a0\u202f", ",;:!?"):
        return
    for line in _prose_lines(doc):
        for m in SPACE_BEFORE.finditer(line.text):
            mark = m.group(2)
            before = line.text[m.start() - 1]
            if mark == ":" and before.isdigit():
                continue  # ratios, scores, verse numbers: "3 : 1"
            start = line.start + m.start()
            yield Hit(start, line.start + m.end(), f"no space before {mark!r} in English", mark)


@rule(
    "PUN002",
    "punctuation",
    "space before a full stop that ends a sentence",
    confidence=0.75,
    bad=[
        ("The talks ended without a deal . Both sides left.", "The talks ended without a deal. Both sides left."),
        ("Nobody was hurt .", "Nobody was hurt."),
    ],
    good=[
        "Wait ... and see.",
        "The price fell by .5 per cent.",
        "Type example . com into the box.",
        "Slowly . . . it opened.",
        ".",
    ],
    exact_anchors=_SPACED_STOPS,  # SPACE_BEFORE_STOP: a blank, then the full stop
    gate=_may_have_spaced_stop,
)
def space_before_full_stop(doc):
    # Lower confidence than PUN001: edited English has the odd " ." typo, and a
    # lone "." can be a path or an operator; we report it but do not fix by default.
    if not _any_spaced(doc.text, " \u00a0\u202f", "."):
        return
    for line in _prose_lines(doc):
        for m in SPACE_BEFORE_STOP.finditer(line.text):
            start = line.start + m.start()
            yield Hit(start, start + len(m.group(0)), "no space before a full stop in English", ".")


_WORD_BEFORE = regex.compile(r"[\p{L}.]+$")  # PUN003: the word before a match (search up to its start)
_LOWER_AFTER = regex.compile(r"[ \t]*\p{Ll}")


@rule(
    "PUN003",
    "punctuation",
    "doubled sentence punctuation left by re-joined segments ('. .', ', ,', ', .')",
    confidence=0.9,
    bad=[
        ("It happened in Paris. . Then it spread.", "It happened in Paris. Then it spread."),
        ("Prices rose, , and people protested.", "Prices rose, and people protested."),
        ("The strike ended, . Work resumed.", "The strike ended. Work resumed."),
        ("They came from the U.S. , and stayed.", "They came from the U.S., and stayed."),
        ("The strike ended. , and then work resumed.", "The strike ended, and then work resumed."),
    ],
    good=[
        "He paused. . . and went on.",
        "Wait. . . . What was that?",
        "It happened in Paris. Then it spread.",
        "He left for the U.S., and stayed.",
    ],
    anchors=[f"{a} {b}" for a in ".,!?" for b in ".,"],  # DOUBLED: a mark, blanks, a mark
)
def doubled_punctuation(doc):
    if not _any_spaced(doc.text, " \t", ".,"):
        return
    for line in _prose_lines(doc):
        text = line.text
        for m in DOUBLED.finditer(text):
            first, second = m.group(1), m.group(3)
            start, end = line.start + m.start(), line.start + m.end()
            if second == ".":
                if first == ",":
                    yield Hit(start, end, "comma and full stop: keep the full stop", ".", 0.85)
                else:
                    yield Hit(start, end, "doubled sentence end", first)
            elif first == ",":
                yield Hit(start, end, "doubled comma", ",")
            elif first == ".":
                # the word before, from a bounded window (slicing the text per match was quadratic)
                w0 = max(0, m.start() - 64)
                word = _WORD_BEFORE.search(text, w0, m.start())
                if word and word.start() == w0 and w0:
                    word = None  # longer than the window: no abbreviation
                if word and _is_abbreviation(word.group()):
                    yield Hit(start, end, "space between an abbreviation's full stop and a comma", ".,", 0.85)
                elif _LOWER_AFTER.match(text, m.end()):
                    yield Hit(start, end, "full stop and comma: the sentence goes on", ",", 0.85)
                else:
                    yield Hit(start, end, "full stop and comma", None, 0.5)
            # "? ," and "! ," are left alone: "'Why?', he asked" is English.


@rule(
    "PUN004",
    "punctuation",
    "stray full stop before a lower-case preposition or relative pronoun ('rise up. against')",
    confidence=0.85,
    bad=[
        ("Workers may rise up. against their bosses.", "Workers may rise up against their bosses."),
        ("The cost of living. of families is rising.", "The cost of living of families is rising."),
    ],
    good=[
        "The meeting ends at 5 p.m. on Friday.",
        "He studied law, economics, etc. in Paris.",
        "Dr. in name only, he said.",
        "She talked to Mr. Jones and Dr. Smith.",
        "See www.example.com. for details.",
        "He went home. Of course, nobody noticed.",
        "Trade with the U.S. against the odds.",
    ],
    # STRAY_STOP: the full stop, blanks, a lower-case word; more than one blank after a
    # full stop is rare enough to be an anchor of its own
    exact_anchors=[f". {w}" for w in _CONTINUATIONS] + [".\t", ".  "],
    gate=_may_have_stray_stop,  # the trigger, then the word before the full stop
)
def stray_full_stop(doc):
    for line in _prose_lines(doc):
        for m in STRAY_STOP.finditer(line.text):
            word = m.group(1)
            if _skipped_word(word):
                continue  # "Sen. of", "Ave. in": short capitalised words are usually abbreviations
            dot = line.start + m.start(2)
            yield Hit(dot, dot + 1, f"stray full stop before {m.group(3)!r}, which cannot begin a sentence", "")
