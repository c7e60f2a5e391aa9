"""Encoding artifacts: mojibake (UTF-8 read as Windows-1252, Latin-1 or another
single-byte code page) and a
currency symbol standing in for the letter it looks like ("[€ntretien]").

Mojibake repair is ftfy's, limited to its encoding steps: no quote uncurling,
no line-break or Unicode normalisation, so correct text is never touched.
ftfy decides per line (one wrong decoding explains the whole line, so a lone
"Ã " is mojibake only beside other mojibake). Each run of changed words is
reported on its own so that a reader sees what changed, but only where ftfy
repairs that run alone to the same text; otherwise the line's whole change is
one finding, so that no part of a repair is applied without the rest.
"""
from __future__ import annotations

import re
from functools import lru_cache

import regex

from ..frequency import zipf
from ..lexicon import small_list_zipf
from ..mojibake import TYPOGRAPHIC, only_typographic as _only_typographic
from ..registry import rule
from ..types import Hit


def fix_encoding_and_explain(text: str):
    """ftfy's `fix_encoding_and_explain` with FTFY_SETTINGS: ftfy is imported on the
    first text with a non-ASCII line, not with the rules."""
    from ftfy import fix_encoding_and_explain as fix

    return fix(text, _ftfy_config())


@lru_cache(maxsize=1)
def _ftfy_config():
    from ftfy import TextFixerConfig

    return TextFixerConfig(**FTFY_SETTINGS)


def is_bad(text: str) -> bool:
    from ftfy.badness import is_bad as bad

    return bad(text)


# Only the steps that undo a wrong decoding; everything else off.
FTFY_SETTINGS = dict(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=False,
    remove_control_chars=False,
    normalization=None,
    explain=True,
)


_TOKEN = re.compile(r"\S+")
RESYNC = 16  # tokens looked ahead, on each side, to find the text again after a change
LOSSY_CONFIDENCE = 0.85  # see `mojibake`


def _changed_words(old: str, new: str):
    """Yield (i1, i2, j1, j2): spans of `old` and `new` that differ, as whole words
    (whitespace-separated tokens); each changed word is a span of its own, and words
    whose change takes in the space between them are one span.

    Linear in the line's length: ftfy's repairs are local, so the tokens of the two
    lines pair up one to one (or, where a repair swallowed a space, come back into
    step within a few tokens). Were the spans not to rebuild `new` exactly, the
    whole line is one span. (difflib over characters was quadratic or worse on a
    long line of repeated mojibake.)"""
    a = [m.span() for m in _TOKEN.finditer(old)]
    b = [m.span() for m in _TOKEN.finditer(new)]
    groups = _token_groups(old, new, a, b)
    spans = []
    for i1, i2, j1, j2 in groups:  # token index ranges -> character spans
        s1 = a[i1][0] if i1 < len(a) else len(old)
        e1 = a[i2 - 1][1] if i2 > i1 else s1
        s2 = b[j1][0] if j1 < len(b) else len(new)
        e2 = b[j2 - 1][1] if j2 > j1 else s2
        if i1 == 0 and j1 == 0 and old[:s1] != new[:s2]:  # a change in the blanks before the first word
            s1 = s2 = 0
        if i2 == len(a) and j2 == len(b) and old[e1:] != new[e2:]:  # or after the last
            e1, e2 = len(old), len(new)
        spans.append((s1, e1, s2, e2))
    out, pos = [], 0
    for s1, e1, s2, e2 in spans:
        out += [old[pos:s1], new[s2:e2]]
        pos = e1
    out.append(old[pos:])
    if "".join(out) != new:
        yield 0, len(old), 0, len(new)
        return
    yield from spans


def _token_groups(old: str, new: str, a: list, b: list) -> list[tuple[int, int, int, int]]:
    """Changed runs of tokens: (i1, i2, j1, j2), old tokens [i1, i2) became new [j1, j2)."""
    def tok(text, spans, k):
        return text[spans[k][0]:spans[k][1]]

    def gap(text, spans, k):  # the blanks after token k
        return text[spans[k][1]:spans[k + 1][0]] if k + 1 < len(spans) else ""

    groups: list[list[int]] = []
    if len(a) == len(b):  # one to one
        linked = False  # the gap before this token differs: one span with the previous
        for k in range(len(a)):
            changed = tok(old, a, k) != tok(new, b, k)
            gap_differs = gap(old, a, k) != gap(new, b, k)
            if changed or gap_differs or linked:
                if linked and groups and groups[-1][1] == k:
                    groups[-1][1] = groups[-1][3] = k + 1
                else:
                    groups.append([k, k + 1, k, k + 1])
            linked = gap_differs
        return [tuple(g) for g in groups]
    i = j = 0
    while i < len(a) and j < len(b):
        if tok(old, a, i) == tok(new, b, j):
            i += 1
            j += 1
            continue
        step = None
        for d in range(1, 2 * RESYNC + 1):  # the nearest point where both come back into step
            for k in range(max(0, d - RESYNC), min(d, RESYNC) + 1):
                ii, jj = i + k, j + d - k
                if ii < len(a) and jj < len(b) and tok(old, a, ii) == tok(new, b, jj):
                    step = (k, d - k)
                    break
            if step:
                break
        if step is None:
            groups.append([i, len(a), j, len(b)])
            return [tuple(g) for g in groups]
        k, l = step
        g = [i, i + k, j, j + l]
        if k == 0 or l == 0:  # a word deleted or added: it goes with the word before it
            if i > 0 and j > 0:
                g[0], g[2] = i - 1, j - 1
            else:
                g[1], g[3] = i + k + 1, j + l + 1
        if groups and groups[-1][1] >= g[0]:
            groups[-1][1], groups[-1][3] = max(groups[-1][1], g[1]), max(groups[-1][3], g[3])
        else:
            groups.append(g)
        i, j = max(i + k, g[1]), max(j + l, g[3])
    if i < len(a) or j < len(b):  # words left on one side only: with the word before them
        g = [i - 1, len(a), j - 1, len(b)] if i > 0 and j > 0 else [i, len(a), j, len(b)]
        if groups and groups[-1][1] >= g[0]:
            groups[-1][1], groups[-1][3] = len(a), len(b)
        else:
            groups.append(g)
    return [tuple(g) for g in groups]


_OTHER_NON_ASCII = re.compile("[^\\x00-\\x7f" + TYPOGRAPHIC + "]")
BAD_WINDOW = 8  # no `is_bad` pattern matches more than this many characters (a test checks)
MAX_WINDOWS = 32


def _may_be_mojibake(doc) -> bool:
    """ftfy changes a line only if `is_bad(line)` (its first step returns any other line
    unchanged). A match of `is_bad` holds a non-ASCII, non-typographic character and is
    short, so it lies in a window around such a character; and a pattern that matches in
    a line matches at the same place in the text, except `^[ÃÂ] ` at a line's start,
    which is looked for separately. (`is_bad` over a whole text costs ~300 ms/MB.)"""
    text = doc.text
    if text.isascii() or _only_typographic(text):
        return False  # the windows below are around non-typographic characters (Ã, Â too)
    if "\nÃ " in text or "\nÂ " in text:
        return True
    for n, m in enumerate(_OTHER_NON_ASCII.finditer(text)):
        if n >= MAX_WINDOWS:
            return True  # a text full of such characters: the check decides
        p = m.start()
        if is_bad(text[max(0, p - BAD_WINDOW) : p + BAD_WINDOW]):
            return True
    return False


@rule(
    "ENC001",
    "encoding",
    "mojibake: UTF-8 text decoded as a single-byte code page (Windows-1252, Latin-1, MacRoman, "
    "Windows-1250/1251...; repaired with ftfy)",
    confidence=0.95,
    langs=("en", "fr", "es", "de"),
    bad=[
        ("The flight left SÃ£o Paulo at dawn.", "The flight left São Paulo at dawn."),
        ("He said it wasnâ€™t over, “cafÃ© or not”.", "He said it wasn’t over, “café or not”."),
        ("A crÃ¨me brÃ»lÃ©e for Ã‰milie.", "A crème brûlée for Émilie."),
        ("Lunch was Ã la carte, the rÃ©sumÃ© too.", "Lunch was à la carte, the résumé too."),
        ("She replied â€œneverâ€? and hung up.", "She replied “never\ufffd and hung up."),
    ],
    good=[
        "“Quoted” text with ‘curly’ quotes and an em dash — fine.",
        "Lunch was à la carte; Ålesund and Øresund are in the north.",
        "Stéphane, Nursultán and Tokaïev are spelled with accents.",
        "Prices rose 5% to €40 (£35) in São Paulo.",
    ],
    gate=_may_be_mojibake,
)
def mojibake(doc):
    """What it flags: text that ftfy's encoding steps change (each line as ftfy sees it).

    Why: mojibake is an encoding accident, never a choice, whatever the language.

    Example: "cafÃ© Ã la carte" -> "café à la carte" (one run of changed words).

    Near misses: correct accents and typography ("Ålesund", "à la carte", "Øresund"),
    which ftfy's encoding steps leave alone.

    Fix safety: the repair is ftfy's; a run is reported apart only when ftfy repairs it
    alone to the same text, else the whole change in the line is one finding. Where a
    byte was lost before the text reached us ("â€?" for a closing quote), ftfy puts
    U+FFFD in its place: the repair is still right for everything around it and loses
    nothing readable, so it is applied too (LOSSY_CONFIDENCE), with a message saying so.
    """
    if doc.text.isascii():
        return  # the common case: nothing to repair
    for line in doc.lines:
        if line.text.isascii():
            continue
        fixed, steps = fix_encoding_and_explain(line.text)
        if fixed == line.text:
            continue
        how = ", ".join(f"{action} {arg}" for action, arg in steps) or "ftfy"
        for i1, i2, j1, j2 in _repair_spans(line.text, fixed):
            new = fixed[j1:j2]
            lossy = new.count("\ufffd") > line.text.count("\ufffd", i1, i2)
            yield Hit(
                line.start + i1,
                line.start + i2,
                f"mojibake ({how})" + ("; some characters were already lost" if lossy else ""),
                new,
                LOSSY_CONFIDENCE if lossy else None,
            )


def _repair_spans(old: str, new: str) -> list[tuple[int, int, int, int]]:
    """Spans (i1, i2, j1, j2) of `old` -> `new` to report: runs of changed words (no
    unchanged word between them), each one that ftfy repairs alone to the same text,
    or else with the word on each side of it (a lone "Ã" is "à" only before a blank);
    where one is repaired neither way (its decoding needed more of the line), the
    line's whole change as one span, or the whole line."""
    runs: list[list[int]] = []
    for i1, i2, j1, j2 in _changed_words(old, new):
        if runs and not old[runs[-1][1]:i1].strip():
            runs[-1][1], runs[-1][3] = i2, j2
        else:
            runs.append([i1, i2, j1, j2])
    spans = []
    for k, (i1, i2, j1, j2) in enumerate(runs):
        if _ftfy(old[i1:i2]) == new[j1:j2]:
            spans.append((i1, i2, j1, j2))
            continue
        # with its neighbours, which are unchanged text: the same offset from the run in both
        a = _word_before(old, i1, runs[k - 1][1] if k else 0)
        b = _word_after(old, i2, runs[k + 1][0] if k + 1 < len(runs) else len(old))
        wider = (a, b, j1 - (i1 - a), j2 + (b - i2))
        if _ftfy(old[a:b]) != new[wider[2]:wider[3]]:
            break
        spans.append(wider)
    else:
        if _rebuilds(old, new, spans):
            return spans
    i1, j1, i2, j2 = runs[0][0], runs[0][2], runs[-1][1], runs[-1][3]
    if _ftfy(old[i1:i2]) == new[j1:j2]:
        return [(i1, i2, j1, j2)]
    return [(0, len(old), 0, len(new))]


def _rebuilds(old: str, new: str, spans) -> bool:
    out, pos = [], 0
    for i1, i2, j1, j2 in spans:
        out += [old[pos:i1], new[j1:j2]]
        pos = i2
    out.append(old[pos:])
    return "".join(out) == new


def _word_before(text: str, pos: int, floor: int) -> int:
    """Where the word before `pos` starts (the blanks between taken too), not before `floor`."""
    i = pos
    while i > floor and text[i - 1].isspace():
        i -= 1
    while i > floor and not text[i - 1].isspace():
        i -= 1
    return i


def _word_after(text: str, pos: int, ceiling: int) -> int:
    """Where the word after `pos` ends (the blanks between taken too), not after `ceiling`."""
    i = pos
    while i < ceiling and text[i].isspace():
        i += 1
    while i < ceiling and not text[i].isspace():
        i += 1
    return i


def _ftfy(text: str) -> str:
    return fix_encoding_and_explain(text)[0]


# A symbol that looks like a letter, then at least three lower-case letters.
_LOOKALIKES = {"€": "e", "$": "s"}
SYMBOL_IN_WORD = regex.compile(r"(?<![\p{L}\p{N}$€])(\p{L}*)([€$])(\p{Ll}{3,})(?![\p{L}\p{N}])")
SYMBOL_THEN_LOWER = regex.compile(r"[€$]\p{Ll}{3}")  # what SYMBOL_IN_WORD needs at least
_LANGS = ("en", "fr", "es", "de", "it", "pt")  # the word may be an untranslated one


def _symbol_then_lower(text: str) -> bool:
    """The check's own first test (SYMBOL_THEN_LOWER), by `str.find`: every finding is a
    symbol followed by three lower-case letters (so the three are alphabetic and lower)."""
    for symbol in "$€":
        i = text.find(symbol)
        while i >= 0:
            after = text[i + 1 : i + 4]
            if len(after) == 3 and after.isalpha() and after.islower():
                return True
            i = text.find(symbol, i + 1)
    return False


# Lines that look like code or templates, where "$name" is a variable.
CODE_LINE = regex.compile(r"[{}<>`=\\]|\$\(")


def _known_word(word: str) -> bool:
    # English first, from its large list as everywhere else; the other languages'
    # small lists answer "zipf >= 3.0" alike (lexicon.small_list_zipf) and load fast
    if zipf(word, "en") >= 3.0:
        return True
    return any(small_list_zipf(word, lang) >= 3.0 for lang in _LANGS if lang != "en")


@rule(
    "ENC002",
    "encoding",
    "currency symbol standing in for a letter inside a word ('[€ntretien]')",
    confidence=0.85,
    bad=[
        ("Read also: [€xclusive] an interview.", "Read also: [Exclusive] an interview."),
        ("The new r€cord was set in May.", "The new record was set in May."),
        ("The $ummit opened.", "The summit opened."),
    ],
    good=[
        "It costs US$5, R$20 or €5 there.",
        "A fee of $bn was not paid.",
        "The €uro crisis; the €urozone.",
        "Run echo $table in a shell.",
        "Shares of $mart rose.",
        "He wrote Micro$oft on purpose.",
    ],
    anchors=("€", "$"),
    gate=lambda doc: _symbol_then_lower(doc.text),
)
def symbol_for_letter(doc):
    if "€" not in doc.text and "$" not in doc.text:
        return
    if not SYMBOL_THEN_LOWER.search(doc.text):
        return  # "$5", "US$": no symbol inside a word
    for line in doc.lines:
        if "€" not in line.text and "$" not in line.text:
            continue
        if CODE_LINE.search(line.text):
            continue
        for m in SYMBOL_IN_WORD.finditer(line.text):
            head, symbol, tail = m.groups()
            letter = _LOOKALIKES[symbol]
            candidate = head + letter + tail
            if not _known_word(candidate.lower()):
                continue
            if candidate.lower().startswith("euro"):
                continue  # "€uro", "€urope": a pun on the symbol's own name
            if (symbol == "$" or not head) and _known_word(tail):
                continue  # "$mart", "Micro$oft": the rest is a word too; a stylisation, not a glitch
            if not head and _sentence_initial_or_bracketed(line.text, m.start()):
                letter = letter.upper()  # the symbols look like capitals: E, S
            start = line.start + m.start(2)
            yield Hit(start, start + 1, f"{symbol!r} stands for the letter {letter!r}", letter)


def _sentence_initial_or_bracketed(text: str, pos: int) -> bool:
    """Is `pos` where a capital belongs (line or sentence start, after "[" or "(")?"""
    i = pos - 1
    while i >= 0 and text[i] in " \t\"“‘'":
        i -= 1
    return i < 0 or text[i] in ".!?:[(«"
