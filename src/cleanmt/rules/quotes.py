"""Quotation marks garbled by machine translation (English target text).

French quotes « like this », with spaces inside the guillemets. MT turns them
into curly quotes that point the wrong way, keep the inner spaces, lose the
outer space, and capitalise the word after the closing mark as if it started
a sentence: `is ” very concerned “By the evolution`. Spacing and glyphs are
therefore unreliable in such paragraphs; what survives is the alternation of
opening and closing marks. So, per paragraph (line):

1. collect the double quotation marks (curly, guillemets, straight);
   a paragraph with straight quotes only is analysed only if one of them has
   spaces on both sides (French spacing): consistent "..." is correct English;
2. if every mark is already well formed and they alternate, leave the
   paragraph alone;
3. otherwise score each mark's neighbours as evidence for "opens" or
   "closes", and pick the best alternating sequence of roles (a dynamic
   programme in which a missing mark costs a penalty);
4. rewrite each mark's small region (the mark, the spaces next to it and a
   capitalised continuation word) into the form its role calls for.

Rules: QUO001 repairs a mark; QUO002 restores a closing mark the translation
dropped, betrayed by a capitalised function word mid-sentence (`forces To
support`); QUO003 flags a quotation that opens or closes unpaired when no
single repair is evident.
"""
from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import repeat
from typing import Optional

import regex
from ..frequency import zipf

from ..document import Line
from ..lexicon import load_tsv
from ..registry import rule
from ..types import Hit

OPEN_GLYPHS = "“„«"
CLOSE_GLYPHS = "”»"
STRAIGHT = '"'
MARKS = OPEN_GLYPHS + CLOSE_GLYPHS + STRAIGHT
CLOSING_PUNCT = ",.;:!?)]}"
SENTENCE_END = ".!?"
SPACES = " \t\u00a0\u202f"

# evidence weights (log-odds style, positive = the mark opens a quotation)
AT_LINE_EDGE = 4.0  # a mark starting a paragraph opens; one ending it closes
BRACKET_OR_PUNCT = 2.5  # "(“..." opens; "“," / "“." closes
CAPITAL_CONTINUATION = 2.5  # "concerned “By the": the capital betrays a closing mark
SPEECH_AFTER_STOP = 2.0  # "violence. “Said the ...": a closing mark
SENTENCE_START = 1.5  # ". “ The" / ": “ The": an opening mark
DROPPED_CLOSER_AHEAD = 1.5  # "“ forces To support": opens, its closer was eaten
TIGHT_SIDE = 1.0  # glued to the word on one side only
GLYPH = 0.3  # the glyph itself: weak, MT often turns it around
UNCLOSED_PER_SENTENCE = 1.0  # the last mark, as an opener, would leave these sentences quoted
# penalties of a role sequence for each mark it must assume missing
MISSING_OPENER = 3.5  # MT drops closing marks far more often than opening ones
MISSING_CLOSER = 3.0
MISSING_CLOSER_AT_SENTENCE = 2.0  # ". “Next paragraph" collapsed into one line
UNCLOSED_AT_END = 1.5  # waived when the next paragraph reopens the quotation
MAX_MARKS = 80  # more marks than this in one line is not prose (code, data): left alone

WORD = regex.compile(r"\p{L}[\p{L}\p{M}'’-]*")
# a lower-case word, spaces, then a capitalised word: where a dropped closing mark may hide
DROPPED_CLOSER = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}'’-])\p{Ll}[\p{L}\p{M}'’-]*( +)(\p{Lu}\p{Ll}+)(?![\p{L}\p{M}])"
)
SENTENCE_BOUNDARY = regex.compile(r"[.!?][”\"»]?[ ]+[“\"«]?\p{Lu}")
# a capitalised word used mid-sentence: after a lower-case word, a digit or a comma
MID_SENTENCE_CAPITAL = regex.compile(r"(?<=[\p{Ll}\p{N},;] )\p{Lu}\p{Ll}+(?![\p{L}\p{M}])")


@lru_cache(maxsize=None)
def _continuation_words() -> dict[str, str]:
    """Lower-case word -> kind (function, pronoun, speech)."""
    rows = load_tsv("quotes_continuation.tsv", required=("word", "kind", "source"))
    return {r["word"]: r["kind"] for r in rows}


@dataclass(frozen=True)
class Mark:
    pos: int  # offset in the line
    glyph: str
    left_space: int  # spaces between the mark and `prev`
    right_space: int  # spaces between the mark and `next`
    prev: Optional[str]  # nearest non-space character before (None: line start)
    next: Optional[str]  # nearest non-space character after (None: line end)
    next_word: Optional[str]  # the word starting at `next`, if a letter is there

    @property
    def sentence_start_before(self) -> bool:
        return self.prev is None or (self.prev in SENTENCE_END + ":" and self.left_space > 0)


MARK_RE = regex.compile("[" + regex.escape(MARKS) + "]")
_ANY_MARK = re.compile("[" + re.escape(MARKS) + "]")  # the stdlib's scan is faster for a yes/no
# a straight quote with spaces on both sides (French spacing): the only straight
# quote that makes a paragraph without curly marks worth analysing
SPACED_STRAIGHT = regex.compile(r'(?<=[ \t\u00a0\u202f])"(?=[ \t\u00a0\u202f])')


def _may_have_findings(text: str) -> bool:
    """Cheap necessary condition of `_analyse` finding anything: a curly quote or
    guillemet, or a French-spaced straight quote, somewhere in the text."""
    if any(g in text for g in OPEN_GLYPHS + CLOSE_GLYPHS):
        return True
    return STRAIGHT in text and SPACED_STRAIGHT.search(text) is not None


# The anchors of the three rules: `_may_have_findings` as literals (a French-spaced
# straight quote reads ' " ' in the scan text, where tabs and no-break spaces are spaces).
ANCHORS = tuple(OPEN_GLYPHS + CLOSE_GLYPHS) + (' " ',)


def _marks(line: str) -> list[Mark]:
    out = []
    n = len(line)
    for found in MARK_RE.finditer(line):
        i = found.start()
        j = i - 1  # the nearest non-space before the mark
        while j >= 0 and line[j] in SPACES:
            j -= 1
        k = i + 1  # ... and after it
        while k < n and line[k] in SPACES:
            k += 1
        wm = WORD.match(line, k)
        out.append(
            Mark(
                pos=i,
                glyph=line[i],
                left_space=i - 1 - j,
                right_space=k - i - 1,
                prev=line[j] if j >= 0 else None,
                next=line[k] if k < n else None,
                next_word=wm.group() if wm else None,
            )
        )
    return out


class _DocFacts:
    """What the document says about a word's case: is it used in lower case,
    is its capitalised form used mid-sentence (then it is a name)."""

    def __init__(self, text: str):
        self.text = text

    # computed on first use: most paragraphs with quotes are well formed and never ask
    @cached_property
    def lower(self) -> set:
        return {w for w in (m.group() for m in WORD.finditer(self.text)) if w.islower()}

    @cached_property
    def mid_sentence_capitals(self) -> set:
        return {m.group() for m in MID_SENTENCE_CAPITAL.finditer(self.text)}

    def lowercaseable(self, word: Optional[str]) -> bool:
        """True when `word` is capitalised but is clearly an ordinary lower-case word."""
        if not _is_title(word):
            return False
        if word == "I" or word.startswith(("I'", "I’")):
            return False
        low = word.lower()
        if low in _continuation_words():
            return True
        if word in self.mid_sentence_capitals:
            return False
        return low in self.lower and zipf(low, "en") >= 3.0


def _is_title(word: Optional[str]) -> bool:
    return bool(word) and word[0].isupper() and (len(word) == 1 or word[1:].islower())


def _dropped_closer(line: str, start: int, end: int) -> Optional[regex.Match]:
    """First `lower Capitalised-function-word` in line[start:end]: where MT ate a closing mark."""
    words = _continuation_words()
    for m in DROPPED_CLOSER.finditer(line, start, end):
        if m.group(2).lower() in words and len(m.group(2)) > 1:
            return m
    return None


INVERSION_SUBJECT = regex.compile(r"[ \t]+(?:the|a|an|his|her|their|its|\p{Lu}\p{L}*)(?![\p{L}\p{M}])")


def _speech_inversion(line: str, verb_end: int) -> bool:
    """"Said the minister" / "Added Mr Amin": a verb of saying followed by its
    subject continues a quotation; "Asked if he rang" starts a new sentence."""
    return INVERSION_SUBJECT.match(line, verb_end) is not None


def _evidence(line: str, marks: list[Mark], i: int, facts: _DocFacts, continued: bool) -> float:
    """Log-odds that mark i opens a quotation, from its neighbours (and, for the
    last mark, from how much text an unclosed quotation would swallow)."""
    m = marks[i]
    e = 0.0
    if m.prev is None:
        e += AT_LINE_EDGE
    elif m.prev in "([{":
        e += BRACKET_OR_PUNCT
    if m.next is None:
        e -= AT_LINE_EDGE
    elif m.next in CLOSING_PUNCT:
        e -= BRACKET_OR_PUNCT
    if m.glyph in OPEN_GLYPHS:
        e += GLYPH
    elif m.glyph in CLOSE_GLYPHS:
        e -= GLYPH
    letter_after = m.next is not None and m.next.isalnum()
    if m.prev is not None and m.left_space == 0 and m.right_space > 0 and (m.prev.isalnum() or m.prev in CLOSING_PUNCT):
        e -= TIGHT_SIDE
    if m.left_space > 0 and m.right_space == 0 and letter_after:
        e += TIGHT_SIDE
    if _is_title(m.next_word):
        kind = _continuation_words().get(m.next_word.lower())
        verb_end = m.pos + 1 + m.right_space + len(m.next_word)
        if (
            m.prev is not None
            and m.prev in SENTENCE_END
            and m.left_space > 0
            and kind == "speech"
            and _speech_inversion(line, verb_end)
        ):
            e -= SPEECH_AFTER_STOP
        elif m.sentence_start_before:
            e += SENTENCE_START
        elif m.prev is not None and (m.prev.islower() or m.prev.isdigit()) and facts.lowercaseable(m.next_word):
            e -= CAPITAL_CONTINUATION
    following = marks[i + 1].pos if i + 1 < len(marks) else len(line)
    if _dropped_closer(line, m.pos + 1, following):
        e += DROPPED_CLOSER_AHEAD
    elif i == len(marks) - 1 and not continued:
        sentences_after = len(SENTENCE_BOUNDARY.findall(line, m.pos + 1))
        e -= UNCLOSED_PER_SENTENCE * min(3, sentences_after)
    return e


def _best_roles(evidence, miss_close, unclosed_pen, forced=None):
    """Best-scoring role sequence ("O"/"C") and its score; `forced` = (index, role)."""
    states = {0: (0.0, ())}  # 0: outside a quotation, 1: inside
    for i, e in enumerate(evidence):
        new: dict[int, tuple[float, tuple]] = {}
        for state, (score, roles) in states.items():
            for role in "OC":
                if forced and forced[0] == i and forced[1] != role:
                    continue
                if role == "O":
                    s, ns = score + e - (miss_close[i] if state else 0.0), 1
                else:
                    s, ns = score - e - (0.0 if state else MISSING_OPENER), 0
                if ns not in new or s > new[ns][0]:
                    new[ns] = (s, roles + (role,))
        states = new
    return max((s - (unclosed_pen if st else 0.0), roles) for st, (s, roles) in states.items())


def _well_formed_role(m: Mark) -> Optional[str]:
    """The role a correctly written mark visibly plays, or None if it is malformed."""
    opener = (
        (m.prev is None or m.left_space > 0 or not (m.prev.isalnum() or m.prev in CLOSING_PUNCT))
        and m.right_space == 0
        and m.next is not None
        and m.next not in CLOSING_PUNCT
    )
    closer = (
        m.prev is not None
        and m.left_space == 0
        and (
            m.next is None
            or (m.right_space > 0 and m.next not in CLOSING_PUNCT)
            or (m.right_space == 0 and not m.next.isalnum())
        )
    )
    if m.glyph in "“":
        return "O" if opener else None
    if m.glyph == "”":
        return "C" if closer else None
    if m.glyph == STRAIGHT and opener != closer:
        return "O" if opener else "C"
    return None  # guillemets, low-9 quotes and ambiguous straight marks


def _paragraph_is_clean(marks: list[Mark]) -> bool:
    inside = False
    for m in marks:
        role = _well_formed_role(m)
        if role is None:
            return False
        if role == "O":
            if inside and not m.sentence_start_before:
                return False
            inside = True
        else:
            if not inside:
                return False
            inside = False
    return True


def _plainly_clean(line: str) -> bool:
    """A fast yes for the common paragraph: only curly marks, alternating “ ” from an
    opener to a closer, each written as _well_formed_role wants it. Such a paragraph
    is clean (_paragraph_is_clean) and all its quotations are closed, so _analyse has
    nothing to say about it; a no only means "look closer"."""
    n = len(line)
    expect = "“"
    for found in _ANY_MARK.finditer(line):
        i = found.start()
        if line[i] != expect:
            return False
        if expect == "“":
            before = line[i - 1] if i else " "
            if not (before in SPACES or not (before.isalnum() or before in CLOSING_PUNCT)):
                return False
            if i + 1 >= n or line[i + 1] in SPACES or line[i + 1] in CLOSING_PUNCT:
                return False
            expect = "”"
        else:
            if i == 0 or line[i - 1] in SPACES:
                return False
            k = i + 1
            while k < n and line[k] in SPACES:
                k += 1
            if k < n and (line[k] in CLOSING_PUNCT if k > i + 1 else line[k].isalnum()):
                return False
            expect = "“"
    return expect == "“"


_NON_BLANK = re.compile("[^" + SPACES + "\n]")


def _continued(text: str, end: int) -> bool:
    """Does the next non-blank paragraph after the line ending at `end` open with a
    quotation mark (a quotation that goes on into it)?"""
    m = _NON_BLANK.search(text, end)
    return m is not None and text[m.start()] in OPEN_GLYPHS + STRAIGHT


_OPENER = re.compile("“")
_CLOSER = re.compile("”")
_P = re.escape(CLOSING_PUNCT)
# a “ or ” not written as _well_formed_role wants it (re's [^\W_] is str.isalnum):
# “ glued after a word or punctuation, or followed by a space, punctuation or the line's
# end; ” at a line's start or after a space, glued to a word, or spaced before punctuation
_MISWRITTEN = (
    re.compile(f"“(?:(?<=[^\\W_]“)|(?<=[{_P}]“)|(?=[{SPACES}{_P}\\n]|\\Z))"),
    re.compile(f"”(?:(?<![^\\n{SPACES}]”)|(?=[^\\W_])|(?=[{SPACES}]+[{_P}]))"),
)


def _first_suspect(text: str) -> int:
    """An offset before which every line is plainly clean (see _plainly_clean): its
    marks are curly, each written as _well_formed_role wants, and alternate “ ” within
    the line, the last one closing. Found at C speed: the marks' positions come from
    literal searches, their pairing is compared with map(), and misplaced ones are
    found by two regexes that start at the marks themselves. len(text) when the whole
    text is plainly clean."""
    n = len(text)
    first = n
    for glyph in "«»„" + STRAIGHT:
        i = text.find(glyph, 0, first)
        if i >= 0:
            first = i
    for pattern in _MISWRITTEN:
        m = pattern.search(text)
        if m is not None and m.start() < first:
            first = m.start()
    opens = [m.start() for m in _OPENER.finditer(text, 0, first)]
    closes = [m.start() for m in _CLOSER.finditer(text, 0, first)]
    if (
        len(opens) == len(closes)
        and all(map(operator.lt, opens, closes))
        and all(map(operator.lt, closes, opens[1:]))
        and not any(map(text.count, repeat("\n"), opens, closes))
    ):
        return first
    for k, o in enumerate(opens):  # where the pairing first fails
        c = closes[k] if k < len(closes) else n
        if c < o:
            return c
        if c == n or text.count("\n", o, c) or (k + 1 < len(opens) and opens[k + 1] < c):
            return o
    return closes[len(opens)] if len(closes) > len(opens) else first


def _lines_to_analyse(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line that _analyse must look at closely, in order; the
    others have nothing for it to find. Lines before _first_suspect are plainly clean.
    From there, one pass over the marks: a line is waved through when, as in
    _plainly_clean, its marks are curly and each is written as _well_formed_role wants
    (so _paragraph_is_clean holds), and _unpaired has nothing to say: each “ opened
    inside a quotation reopens quoted speech (_reopens_quoted_speech: sentence start,
    capitalised word, the previous quotation not opened on a lower-case letter), each
    ” closes an open quotation, and a quotation still open at the line's end goes on
    into the next paragraph (the usual news style for a speech of several paragraphs).
    A line not waved through is only "look closer"."""
    first = _first_suspect(text)
    if first >= len(text):
        return []
    out = []
    n = len(text)
    start = end = -1
    inside = opener_lower = dirty = False
    for found in _ANY_MARK.finditer(text, text.rfind("\n", 0, first) + 1):
        i = found.start()
        if i > end:  # the first mark of a new line: settle the previous one
            if end >= 0 and (dirty or (inside and not _continued(text, end))):
                out.append((start, end))
            start = text.rfind("\n", 0, i) + 1
            end = text.find("\n", i)
            if end < 0:
                end = n
            inside = dirty = False
        elif dirty:
            continue
        c = text[i]
        if c == "“":
            before = text[i - 1] if i > start else " "
            if not (before in SPACES or not (before.isalnum() or before in CLOSING_PUNCT)):
                dirty = True
            elif i + 1 >= end or text[i + 1] in SPACES or text[i + 1] in CLOSING_PUNCT:
                dirty = True
            elif inside:  # a reopening: quiet only as _reopens_quoted_speech allows it
                j = i - 1
                while j >= start and text[j] in SPACES:
                    j -= 1
                sentence_start = j < start or (text[j] in SENTENCE_END + ":" and j < i - 1)
                word = WORD.match(text, i + 1)
                if opener_lower or not sentence_start or word is None or not _is_title(word.group()):
                    dirty = True
            inside = True
            opener_lower = i + 1 < end and text[i + 1].islower()
        elif c == "”":
            if not inside or i == start or text[i - 1] in SPACES:
                dirty = True
            else:
                k = i + 1
                while k < end and text[k] in SPACES:
                    k += 1
                if k < end and (text[k] in CLOSING_PUNCT if k > i + 1 else text[k].isalnum()):
                    dirty = True
            inside = False
        else:  # guillemets, low-9 quotes, straight quotes: always a closer look
            dirty = True
    if end >= 0 and (dirty or (inside and not _continued(text, end))):
        out.append((start, end))
    return out


def _opener_edit(line: str, m: Mark):
    """(start, end, new) in line offsets: `“` glued to the quoted word, one space outside."""
    end = m.pos + 1 + (m.right_space if m.next is not None else 0)
    left = ""
    if m.prev is not None and m.left_space == 0 and (m.prev.isalnum() or m.prev in CLOSING_PUNCT):
        left = " "
    glyph = STRAIGHT if m.glyph == STRAIGHT else "“"
    return m.pos, end, left + glyph


def _closer_edit(line: str, m: Mark, facts: _DocFacts, lower_continuation: bool):
    """(start, end, new): `”` glued to the quoted text, one space (or the punctuation) after.

    With `lower_continuation`, a capitalised word that continues the sentence
    after the mark is lower-cased (and "word. ”, Said" becomes "word,” said")."""
    start = m.pos - m.left_space if m.prev is not None else m.pos
    glyph = _closer_for(m.glyph)
    after = m.pos + 1 + m.right_space  # index of m.next
    if m.next is None:
        return start, m.pos + 1, glyph
    comma_follows = m.next == ","
    if m.next in CLOSING_PUNCT:
        end, tail = after, ""
        word_at = None
        if comma_follows:
            rest = line[after + 1 :]
            stripped = rest.lstrip(SPACES)
            word_at = after + 1 + len(rest) - len(stripped)
            wm = WORD.match(line, word_at)
            word = wm.group() if wm else None
    elif m.next.isalnum():
        end, tail = after, line[m.pos + 1 : after] or " "
        word_at, word = after, m.next_word
    else:
        return start, m.pos + 1, glyph
    if not (lower_continuation and word_at is not None and _is_title(word)):
        return start, end, glyph + tail
    if not _continues_sentence(line, m, word, word_at + len(word), comma_follows, facts):
        return start, end, glyph + tail
    lowered = word[0].lower() + word[1:]
    if comma_follows:
        tail = "," + (line[after + 1 : word_at] or " ")
    new = glyph + tail + lowered
    end = word_at + len(word)
    # "violence. “Said the" -> "violence,” said the": the quotation ends mid-sentence
    if m.prev == "." and start >= 2 and line[start - 2].islower():
        start -= 1
        new = ("" if comma_follows else ",") + new
    return start, end, new


def _continues_sentence(line: str, m: Mark, word: str, word_end: int, comma_follows: bool, facts: _DocFacts) -> bool:
    if m.prev is None or not facts.lowercaseable(word):
        return False
    if m.prev in SENTENCE_END:
        # after "stop.”" a capital normally starts a new sentence; only a comma or an
        # inverted verb of saying ("”, She added" / "” Said the minister") shows it does not
        return comma_follows or (
            _continuation_words().get(word.lower()) == "speech" and _speech_inversion(line, word_end)
        )
    return m.prev.isalnum() or m.prev in ",;"


def _describe(m: Mark, role: str, old: str, new: str) -> str:
    problems = []
    if m.glyph in "«»„":
        problems.append(f"guillemet {m.glyph} in English text")
    elif (role == "O" and m.glyph in CLOSE_GLYPHS) or (role == "C" and m.glyph in OPEN_GLYPHS):
        problems.append(f"{m.glyph} used as {'opening' if role == 'O' else 'closing'} mark")
    if (role == "O" and m.right_space) or (role == "C" and m.left_space and m.prev is not None):
        problems.append("space inside the quotation")
    if (role == "O" and new.startswith(" ") and not old.startswith(" ")) or (
        role == "C" and m.next is not None and m.next.isalnum() and m.right_space == 0
    ):
        problems.append("no space outside the quotation")
    if role == "C" and m.next is not None and m.next in CLOSING_PUNCT and m.right_space:
        problems.append("space before punctuation after the quotation")
    if any(w[:1].isupper() for w in WORD.findall(old)) and not any(w[:1].isupper() for w in WORD.findall(new)):
        problems.append("capitalised word continues the sentence")
    return "garbled quotation mark: " + ("; ".join(problems) or "wrong form for its position")


def _analyse(text: str) -> tuple[tuple[str, Hit], ...]:
    """All quote findings of a document, as (rule id, Hit); shared by the three rules
    (a Document fact: `_hits`)."""
    todo = _lines_to_analyse(text)
    if not todo:
        return ()
    facts = _DocFacts(text)
    out: list[tuple[str, Hit]] = []
    for start, end in todo:
        ln = Line(start, end, text[start:end])
        marks = _marks(ln.text)
        if len(marks) > MAX_MARKS:
            continue
        if not any(c in ln.text for c in OPEN_GLYPHS + CLOSE_GLYPHS) and not any(
            m.left_space and m.right_space for m in marks
        ):
            continue  # straight quotes, none spaced French-style: consistent "..." is fine English
        continued = _continued(text, end)
        if _paragraph_is_clean(marks):
            roles = tuple(_well_formed_role(m) for m in marks)
            sure = [True] * len(marks)
        else:
            roles, sure = _repair_paragraph(ln, marks, facts, continued, out)
        out.extend(_unpaired(ln.text, ln.start, marks, roles, sure, continued))
    return tuple(out)


def _repair_paragraph(ln, marks: list[Mark], facts: _DocFacts, continued: bool, out: list):
    """Choose each mark's role, append QUO001 repairs to `out`; return the roles
    and, per mark, whether its role is clear (the best sequence with that mark
    flipped scores at least 1 lower)."""
    line = ln.text
    evidence = [_evidence(line, marks, i, facts, continued) for i in range(len(marks))]
    miss_close = [
        MISSING_CLOSER_AT_SENTENCE if m.sentence_start_before and _is_title(m.next_word) else MISSING_CLOSER
        for m in marks
    ]
    unclosed_pen = 0.0 if continued else UNCLOSED_AT_END
    best, roles = _best_roles(evidence, miss_close, unclosed_pen)
    sure = []
    for i, (m, role) in enumerate(zip(marks, roles)):
        flipped = "C" if role == "O" else "O"
        margin = best - _best_roles(evidence, miss_close, unclosed_pen, (i, flipped))[0]
        sure.append(margin >= 1.0)
        if role == "O":
            s, e, new = _opener_edit(line, m)
        else:
            s, e, new = _closer_edit(line, m, facts, lower_continuation=False)
            if line[s:e] != new:  # a continuation word is lowered only next to a garbled mark
                s, e, new = _closer_edit(line, m, facts, lower_continuation=True)
        if line[s:e] == new:
            continue
        if margin >= 1.0:
            conf = 0.9 if margin >= 2.0 else 0.85
            hit = Hit(ln.start + s, ln.start + e, _describe(m, role, line[s:e], new), new, conf)
        else:
            hit = Hit(ln.start + m.pos, ln.start + m.pos + 1,
                      "garbled quotation mark: cannot tell whether it opens or closes", None, 0.5)
        out.append(("QUO001", hit))
    return roles, sure


def _reopens_quoted_speech(first: Mark, second: Mark) -> bool:
    """`“We left. “Then we ...`: paragraphs of one quoted speech run into one line
    (each reopened, none closed). Only whole quoted sentences do that; a quotation
    that opened mid-sentence on a lower-case word (`of “crazy claims`) does not."""
    opened_mid_sentence = first.next_word is not None and first.next_word[0].islower()
    return not opened_mid_sentence and second.sentence_start_before and _is_title(second.next_word)


def _unpaired(line: str, offset: int, marks: list[Mark], roles, sure, continued: bool):
    """QUO002 / QUO003 for quotations left open, or closed without opening."""
    inside_from: Optional[int] = None  # index of the mark that opened the current quotation
    alone = True  # whether the current quotation opened outside any other
    for i, (m, role) in enumerate(zip(marks, roles)):
        if role == "O":
            alone = inside_from is None
            if inside_from is not None and not _reopens_quoted_speech(marks[inside_from], m):
                yield from _missing_closer(line, offset, marks[inside_from], sure[inside_from], m.pos)
            inside_from = i
        else:
            if inside_from is None:
                yield "QUO003", Hit(offset + m.pos, offset + m.pos + 1,
                                    "closing quotation mark with no opening mark before it", None, 0.5)
            inside_from = None
    if inside_from is not None and not continued:
        yield from _missing_closer(line, offset, marks[inside_from], sure[inside_from], len(line), at_end=alone)


def _closer_for(glyph: str) -> str:
    return STRAIGHT if glyph == STRAIGHT else "”"


_FINAL_STOP = regex.compile(r"[.!?…]+(?=\s*$)")


def _missing_closer(line: str, offset: int, m: Mark, opener_sure: bool, limit: int, at_end: bool = False):
    hit = _dropped_closer(line, m.pos + 1, limit)
    if hit:
        word = hit.group(2)
        yield "QUO002", Hit(offset + hit.start(1), offset + hit.end(2),
                            f"quotation never closed; the capital in {word!r} shows where its closing mark was lost",
                            _closer_for(m.glyph) + " " + word.lower(), 0.8 if opener_sure else 0.5)
        return
    stop = _FINAL_STOP.search(line, m.pos + 1) if at_end and _opens_sentence(m) else None
    if stop:  # a quoted sentence that runs to the paragraph's end lost its mark there
        yield "QUO003", Hit(offset + stop.start(), offset + stop.end(),
                            "quotation opened at a sentence start runs to the paragraph's end unclosed; "
                            "its closing mark belongs here", stop.group() + _closer_for(m.glyph), 0.5)
    else:
        yield "QUO003", Hit(offset + m.pos, offset + m.pos + 1,
                            "quotation opened here is never closed in this paragraph", None, 0.5)


def _opens_sentence(m: Mark) -> bool:
    """Does the mark open a whole quoted sentence (at a sentence start, before a capital)?"""
    return m.sentence_start_before and m.next_word is not None and m.next_word[:1].isupper()


def _hits(rule_id: str, doc):
    if not _may_have_findings(doc.text):
        return
    for rid, hit in doc.shared("quo.analysis", lambda d: _analyse(d.text)):
        if rid == rule_id:
            yield hit


@rule(
    "QUO001",
    "quotes",
    "quotation mark in the wrong direction, a guillemet, or spaced like French quotes",
    confidence=0.85,
    bad=[
        ("The mayor was ” deeply worried “By the floods.", "The mayor was “deeply worried” by the floods."),
        ("She called for a ” calm dialogue “And left.", "She called for a “calm dialogue” and left."),
        ("“We will rebuild the bridge, ”promised the engineer.", "“We will rebuild the bridge,” promised the engineer."),
        ("Officials counted « dozens »Of victims.", "Officials counted “dozens” of victims."),
        ("“ The roads are closed. “, He told reporters.", "“The roads are closed”, he told reporters."),
    ],
    good=[
        "The mayor was “deeply worried” by the floods.",
        "“We will rebuild the bridge,” promised the engineer. “It will take a year.”",
        'He said "no" to the plan, and "yes" to the budget.',
        "“Stay home.” They did not listen.",
        "She quoted the law (“no person shall…”) in full.",
    ],
    anchors=ANCHORS,
)
def garbled_quote_mark(doc):
    return _hits("QUO001", doc)


@rule(
    "QUO002",
    "quotes",
    "quotation never closed; a capitalised function word mid-sentence shows where the closing mark was lost",
    confidence=0.8,
    bad=[
        ("They sent “rescue teams To help the villagers.", "They sent “rescue teams” to help the villagers."),
        ("The army tried to “seize control Of the airport.", "The army tried to “seize control” of the airport."),
    ],
    good=[
        "They sent “rescue teams” to help the villagers.",
        "He said: “We will stay here until May.",
    ],
    anchors=ANCHORS,
)
def dropped_closing_quote(doc):
    return _hits("QUO002", doc)


@rule(
    "QUO003",
    "quotes",
    "quotation mark without a partner in its paragraph (reported, never fixed)",
    confidence=0.5,
    bad=[
        ("The talks failed. “We will win this fight in the end.", "The talks failed. “We will win this fight in the end.”"),
        ("The minister said: “We will win this fight.", "The minister said: “We will win this fight.”"),
        ("The chief called it a “temporary measure and left.", None),
        ("The report was “late” and ”incomplete.", None),
    ],
    good=[
        "“The first part of a long speech.\n\n“And its second part,” she said.",
        "The minister said: “We will win this fight.”",
    ],
    anchors=ANCHORS,
)
def unpaired_quote(doc):
    """Flags a quotation mark with no partner in its paragraph. Where a quoted sentence
    opened at a sentence start, alone (outside any other quotation), runs unclosed to the
    paragraph's end, the report stands on the paragraph's final stop with the closing
    mark as its suggestion ("... this fight." -> "... this fight.”"): a quotation that
    ends with its paragraph is where MT and scrapers drop the mark. Elsewhere (a mark
    opened mid-sentence, a closer without an opener) it stands on the mark, without a
    suggestion.

    Near misses: a quotation continued in the next paragraph, which reopens with a mark
    (the English convention for quoted speech over several paragraphs), is left alone.

    Fix safety: reported at 0.5, never fixed: the quotation may have ended earlier."""
    return _hits("QUO003", doc)
