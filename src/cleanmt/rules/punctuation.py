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


def _spaced_marks(doc) -> frozenset:
    """The distinct (space, mark) pairs of the document: {" ,", "\u00a0:"...}; one scan
    for the three rules (a Document fact)."""
    return doc.shared("pun.spaced_marks", lambda d: frozenset(_SPACED_MARK.findall(d.text)))


def _any_spaced(doc, spaces: str, marks: str) -> bool:
    return any(p[0] in spaces and p[1] in marks for p in _spaced_marks(doc))


# The blank and full stop that open a SPACE_BEFORE_STOP match (PUN002's exact anchors).
_SPACED_STOPS = (" .", "\u00a0.", "\u202f.")


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
    if not _any_spaced(doc, " \u00a0\u202f", ",;:!?"):
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
)
def space_before_full_stop(doc):
    # Lower confidence than PUN001: edited English has the odd " ." typo, and a
    # lone "." can be a path or an operator; we report it but do not fix by default.
    if not _any_spaced(doc, " \u00a0\u202f", "."):
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
    if not _any_spaced(doc, " \t", ".,"):
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
)
def stray_full_stop(doc):
    for line in _prose_lines(doc):
        for m in STRAY_STOP.finditer(line.text):
            word = m.group(1)
            if _skipped_word(word):
                continue  # "Sen. of", "Ave. in": short capitalised words are usually abbreviations
            dot = line.start + m.start(2)
            yield Hit(dot, dot + 1, f"stray full stop before {m.group(3)!r}, which cannot begin a sentence", "")


# --------------------------------------------------------------------------- PUN110, PUN111
_WORDS = regex.compile(r"\p{L}+")


def _leans_spanish(clause: str) -> bool:
    """More of the clause's words are likelier Spanish than English (wordfreq, small lists)."""
    from ..frequency import zipf

    score = 0
    for w in _WORDS.findall(clause.lower()):
        en, es = zipf(w, "en", "small"), zipf(w, "es", "small")
        score += (es > en + 0.5) - (en > es + 0.5)
    return score > 0


# "¿What", "¡We": an inverted mark before a word, up to the mark that closes the clause.
INVERTED_CLAUSE = regex.compile(r"[¿¡](?=\p{L})([^¿¡?!\n]{1,200})[?!]?")


@rule(
    "PUN110",
    "punctuation",
    "Spanish opening ¿ or ¡ left before an English question or exclamation",
    confidence=0.9,
    exact_anchors=["¿", "¡"],
    bad=[
        ("¿What will the club do with the money? Nobody knows.",
         "What will the club do with the money? Nobody knows."),
        ("He said: “¡We will miss him, but life goes on!”", "He said: “We will miss him, but life goes on!”"),
    ],
    good=[
        "The crowd chanted “¡Viva México!” as the team arrived.",
        "The slogan “¿Dónde están?” became the movement's name.",
    ],
)
def inverted_mark_in_english(doc):
    """Flags "¿" or "¡" that opens an English clause.

    Why: Spanish opens questions and exclamations with ¿ and ¡; a translation into
    English keeps them. Example: "¿What will the club do?" -> "What will the club
    do?". Near misses left alone: a Spanish quotation in English text ("¡Viva
    México!"), judged by its words (wordfreq's English and Spanish lists). Fix safety:
    deleting the mark; 0.9.
    """
    for m in INVERTED_CLAUSE.finditer(doc.text):
        if not _leans_spanish(m.group(1)):
            yield Hit(m.start(), m.start() + 1, "English has no inverted question or exclamation mark", "")


# A clause that ends with "?" or "!" (and "?!" runs): what comes back from the mark
# to the clause start. The clause starts after a line break, a sentence's end (". ",
# "? ", "… "), ":" or ";", or an opening quote or bracket.
_CLAUSE_START = regex.compile(
    r"(?r)(?:^|(?<=[.?!…:;][”»\"’)]?[ \u00a0]+)|(?<=[“«\"‘(\[—][ \u00a0]?))[^\n]*?\Z", regex.M
)
_END_MARK = regex.compile(r"(?<=[\p{L}\p{N}\"”»’)])[ \u00a0\u202f]?([?!]+)")
_LEADING = regex.compile(r"[ \u00a0\"“«‘(\[—-]*")


@rule(
    "PUN111",
    "punctuation",
    "Spanish question or exclamation without its opening ¿ or ¡ ('Por qué no vino?' -> '¿Por qué no vino?')",
    confidence=0.85,
    langs=("es",),
    trigger=r"[\p{L}\p{N}\"”»’)][?!]",
    bad=[
        ("Los vecinos preguntan: Por qué no llegó la alerta? Nadie responde.",
         "Los vecinos preguntan: ¿Por qué no llegó la alerta? Nadie responde."),
        ("«Nos vamos ya!», gritó el capitán.", "«¡Nos vamos ya!», gritó el capitán."),
    ],
    good=[
        "¿Por qué no llegó la alerta? Nadie responde.",
        "Si llueve mañana, ¿qué haremos? ¡Qué desastre!",
        "La canción “What now?” y la marca Yahoo! siguen de moda.",
        "Visite https://ejemplo.es/buscar?q=lluvia para más datos.",
    ],
)
def missing_opening_mark(doc):
    """Flags a Spanish question or exclamation that lacks its opening ¿ or ¡.

    Why: Spanish writes both marks (RAE/ASALE, Ortografía 2010, 3.4.2); a translation
    from a language without the opener often leaves only the closing one. Example:
    "Por qué no llegó la alerta?" -> "¿Por qué no llegó la alerta?". The opener goes
    where the question starts: back from the mark to a sentence's end, ":", ";", an
    opening quote or a line start. Near misses left alone: a clause that has its
    opener ("Si llueve, ¿qué haremos?"), a clause in English ("What now?"), a single
    capitalised name before the mark ("Yahoo!"), URLs. Fix safety: 0.85 when the clause
    has no comma; with a comma inside, the question may start after it ("Si llueve,
    qué haremos?"), and a capitalised word before the mark may be a name with its own
    "!" ("El grupo Wham! actuó"), so these are reported without a fix (0.5).
    """
    text = doc.text
    for m in _END_MARK.finditer(text):
        if "://" in _line_of(text, m.start()):
            continue
        back = _CLAUSE_START.search(text, max(0, m.start() - 300), m.start())
        if back is None:
            continue
        lead = _LEADING.match(text, back.start())
        start = lead.end()
        clause = text[start : m.start()]
        if not clause or "¿" in clause or "¡" in clause or not clause[0].isalpha():
            continue
        if clause[0].islower() and text[: back.start()].rstrip(" \u00a0")[-1:] in ".?!…”»\"’)":
            continue  # the sentence goes on after a quotation: "“What now?” y la marca Yahoo!"
        words = _WORDS.findall(clause)
        if len(words) < 2 or _abbreviation_before(text, back.start()) or not _leans_spanish(clause):
            continue  # "Yahoo!"; "Sr. García vino?" cut at the abbreviation's full stop
        opener = "¿" if m.group(1)[0] == "?" else "¡"
        word = _WORDS.match(text, start)
        end = word.end() if word else start + 1
        if "," in clause or (len(words) > 1 and words[-1][0].isupper()):
            # "Si llueve, qué haremos?": the question may start after the comma;
            # "El grupo Wham! actuó": a name's "!" ("Yahoo!"), or a question ending in a name
            yield Hit(start, end, f"Spanish opens the clause with {opener!r}: where does it start?", None, 0.5)
        else:
            yield Hit(start, end, f"Spanish opens the clause with {opener!r}", opener + text[start:end])


def _line_of(text: str, pos: int) -> str:
    return text[text.rfind("\n", 0, pos) + 1 : (text.find("\n", pos) + 1 or len(text) + 1) - 1]


def _abbreviation_before(text: str, clause_start: int) -> bool:
    """The clause start follows an abbreviation's full stop ("Sr. ", "EE. UU. "), not a sentence's end."""
    word = regex.search(r"([\p{L}.]+)\.[ \u00a0]+\Z", text[max(0, clause_start - 20) : clause_start])
    return bool(word) and (len(word.group(1)) <= 3 and word.group(1)[0].isupper() or "." in word.group(1))


# --------------------------------------------------------------------------- PUN113
# "…goes on!”, said": a comma after a quotation that ends with ? or !.
COMMA_AFTER_QUESTION_QUOTE = regex.compile(r"(?<=\p{L}[?!]+[”\"’]),(?=[ \t]+\p{Ll})")
_OPENERS = {"”": "“", '"': '"', "’": "‘"}
_SENTENCE_OPENS = ("", ".", "!", "?", ":", "\n")  # what may stand before a quotation that opens the sentence


@rule(
    "PUN113",
    "punctuation",
    "comma after a quotation ending in ? or ! in English ('…goes on!”, said'): Spanish and German put it there",
    confidence=0.85,
    exact_anchors=[f"{m}{q}," for m in "?!" for q in "”\"’"],
    bad=[
        ("“We will miss him, but life goes on!”, said the coach.",
         "“We will miss him, but life goes on!” said the coach."),
        ("“Who pays?”, asked a resident.", "“Who pays?” asked a resident."),
    ],
    good=[
        "“We will miss him,” said the coach, “but life goes on!”",
        "“Who pays?” asked a resident, and “Why now?”, “Why here?” were heard, Yahoo!, they said.",
        "She asked, “Why?”, and left.",
    ],
)
def comma_after_question_quote(doc):
    """Flags a comma after a closing quotation mark whose quotation ends with ? or !.

    Why: Spanish and German close the quotation, then put the comma ("«¡Nos vamos!»,
    dijo"); English lets the ? or ! stand for it (Chicago 6.122). A translation keeps
    the comma. Example: "“…goes on!”, said the coach" -> "“…goes on!” said the coach".
    The quotation must open its sentence (after a line start, a sentence's end or a
    colon), as quoted speech before its speaker does. Near misses left alone: a
    quotation inside a sentence ("She asked, “Why?”, and left."), a list of quoted
    questions ("“Why now?”, “Why here?”"), a comma before a capitalised word (a name, a
    title), "Yahoo!,". Fix safety: deleting the comma; 0.85.
    """
    text = doc.text
    for m in COMMA_AFTER_QUESTION_QUOTE.finditer(text):
        close = text[m.start() - 1]
        opener = text.rfind(_OPENERS[close], max(0, text.rfind("\n", 0, m.start()) + 1), m.start() - 1)
        if opener < 0 or text[:opener].rstrip(" \t")[-1:] not in _SENTENCE_OPENS:
            continue  # "She asked, “Why?”, and left.": the quotation sits inside a sentence
        yield Hit(m.start(), m.end(), "English puts no comma after a quotation's ? or !", "")


# --------------------------------------------------------------------------- PUN005
# Chinese and Japanese punctuation: the ideographic comma and full stop, corner brackets,
# lenticular brackets (Unicode block CJK Symbols and Punctuation, U+3000-303F) and the
# full-width forms of ASCII punctuation (U+FF01-FF5E, which NFKC folds to ASCII)
_CJK_MARKS = {"\u3001": ",", "\u3002": ".", "\u300c": "“", "\u300d": "”", "\u300e": "‘", "\u300f": "’",
              "\u3010": "[", "\u3011": "]", "\u3000": " "}
_FULLWIDTH_PUNCT = "".join(chr(c) for c in range(0xFF01, 0xFF5F) if not chr(c).isalnum())
_CJK_SCRIPT = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_LATIN_NEIGHBOUR = regex.compile(r"[\p{Latin}\p{N}]")
_CJK_OPENERS = "「『【（［｛〈"


@lru_cache(maxsize=1)
def _cjk_mark_re() -> regex.Pattern:
    return regex.compile("[" + regex.escape("".join(_CJK_MARKS) + _FULLWIDTH_PUNCT) + "]")


def _ascii_form(mark: str) -> str:
    import unicodedata

    return _CJK_MARKS.get(mark) or unicodedata.normalize("NFKC", mark)


@rule(
    "PUN005",
    "punctuation",
    "Chinese or Japanese punctuation (full-width comma, ideographic full stop, corner "
    "brackets) among Latin-script words ('yuan，according', 'next month。'): the ASCII mark",
    confidence=0.9,
    bad=[
        ("The line cost 52 billion yuan， the government said.", "The line cost 52 billion yuan, the government said."),
        ("Stations will open next month。", "Stations will open next month."),
        ("The bridge（opened in 2019）is long.", "The bridge (opened in 2019) is long."),
        ("Prices rose 4％ in May，with food up most.", "Prices rose 4% in May, with food up most."),
    ],
    good=[
        "The sign read 北京市，朝阳区 in large letters.",
        "She wrote 「東京」 on the card.",
        "Exports rose, imports fell.",
    ],
    exact_anchors=list(_CJK_MARKS) + list(_FULLWIDTH_PUNCT),
)
def cjk_punctuation(doc):
    """Flags: a full-width or ideographic punctuation mark whose neighbours (the nearest
    non-blank character on either side) are Latin letters or digits and neither is Chinese,
    Japanese or Korean script. Why: a translation from Chinese or Japanese kept the source's
    punctuation; English text uses the ASCII marks. Near misses: the marks inside quoted
    CJK text ("北京市，朝阳区"), where they belong. Fix safety: the ASCII form is the
    Unicode compatibility form (NFKC) or the mark's usual equivalent; a space is added
    where a comma, stop or closing bracket runs into the next word and before an opening
    bracket that follows a word (0.9)."""
    text = doc.text
    n = len(text)
    for m in _cjk_mark_re().finditer(text):
        i, ch = m.start(), m.group()
        j = i - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        k = i + 1
        while k < n and text[k] in " \t":
            k += 1
        before = text[j] if j >= 0 else ""
        after = text[k] if k < n else ""
        if _CJK_SCRIPT.match(before or " ") or _CJK_SCRIPT.match(after or " "):
            continue
        if not (_LATIN_NEIGHBOUR.match(before or " ") or _LATIN_NEIGHBOUR.match(after or " ")):
            continue
        new = _ascii_form(ch)
        if ch == "\u3000":
            new = " " if i > 0 and text[i - 1] not in " \t" else ""
        elif ch in _CJK_OPENERS:
            if i > 0 and text[i - 1].isalnum():
                new = " " + new
        elif i + 1 < n and text[i + 1].isalnum() and new in ",.;:!?)]}”’":
            new = new + " "
        yield Hit(i, i + 1, f"{ch!r} is Chinese/Japanese punctuation; English writes {new.strip() or 'a space'!r}",
                  new, 0.9)
