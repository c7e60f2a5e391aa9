"""Encoding artifacts: mojibake (UTF-8 read as Windows-1252 or Latin-1) and a
currency symbol standing in for the letter it looks like ("[€ntretien]").

Mojibake repair is ftfy's, limited to its encoding steps: no quote uncurling,
no line-break or Unicode normalisation, so correct text is never touched.
Each changed word is reported on its own so that a reader sees what changed.
"""
from __future__ import annotations

import difflib
import re

import regex
from ftfy import TextFixerConfig, fix_encoding_and_explain
from ftfy.badness import is_bad

from ..frequency import zipf
from ..lexicon import small_list_zipf
from ..registry import rule
from ..types import Hit

# Only the steps that undo a wrong decoding; everything else off.
FTFY_CONFIG = TextFixerConfig(
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


def _changed_words(old: str, new: str):
    """Yield (i1, i2, j1, j2): spans of `old` and `new` that differ, widened to whole
    words; changes inside one word are merged into one span."""
    groups: list[list[int]] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if groups and not any(c.isspace() for c in old[groups[-1][1] : i1]):
            groups[-1][1], groups[-1][3] = i2, j2  # same word as the previous change
        else:
            groups.append([i1, i2, j1, j2])
    for i1, i2, j1, j2 in groups:
        # the text around a group is unchanged, so both sides widen by the same amount
        left = 0
        while i1 - left > 0 and not old[i1 - left - 1].isspace():
            left += 1
        right = 0
        while i2 + right < len(old) and not old[i2 + right].isspace():
            right += 1
        yield i1 - left, i2 + right, j1 - left, j2 + right


# Typographic characters of clean English text. No pattern of ftfy's `is_bad` can match
# with these and ASCII alone (each needs some other non-ASCII character; a test checks).
TYPOGRAPHIC = "’‘“”—–…\xa0"
_OTHER_NON_ASCII = re.compile("[^\\x00-\\x7f" + TYPOGRAPHIC + "]")
BAD_WINDOW = 8  # no `is_bad` pattern matches more than this many characters (a test checks)
MAX_WINDOWS = 32
# TYPOGRAPHIC, the commonest in news first
_TYPOGRAPHIC_BY_USE = tuple((c, len(c.encode("utf-8")) - 1) for c in "’”“—–‘…\xa0")
assert sorted(c for c, _ in _TYPOGRAPHIC_BY_USE) == sorted(TYPOGRAPHIC)


def _only_typographic(text: str) -> bool:
    """Are all the text's non-ASCII characters TYPOGRAPHIC? At C speed: each non-ASCII
    character makes the UTF-8 form longer than the text by one byte or more, so once the
    typographic characters' share (counted) is taken off, what is left is zero only if
    there is no other non-ASCII character. (The regex scan for those costs ~6 ms/MB.)"""
    extra = len(text.encode("utf-8", "surrogatepass")) - len(text)
    for c, more in _TYPOGRAPHIC_BY_USE:
        if extra <= 0:
            break  # what is left are sums of counts >= 0: all zero
        extra -= more * text.count(c)
    return extra == 0


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
    "mojibake: UTF-8 text decoded as Windows-1252/Latin-1 (repaired with ftfy)",
    confidence=0.95,
    bad=[
        ("The flight left SÃ£o Paulo at dawn.", "The flight left São Paulo at dawn."),
        ("He said it wasnâ€™t over, “cafÃ© or not”.", "He said it wasn’t over, “café or not”."),
        ("A crÃ¨me brÃ»lÃ©e for Ã‰milie.", "A crème brûlée for Émilie."),
    ],
    good=[
        "“Quoted” text with ‘curly’ quotes and an em dash — fine.",
        "Stéphane, Nursultán and Tokaïev are spelled with accents.",
        "Prices rose 5% to €40 (£35) in São Paulo.",
    ],
    gate=_may_be_mojibake,
)
def mojibake(doc):
    if doc.text.isascii():
        return  # the common case: nothing to repair
    for line in doc.lines:
        if line.text.isascii():
            continue
        fixed, steps = fix_encoding_and_explain(line.text, FTFY_CONFIG)
        if fixed == line.text:
            continue
        how = ", ".join(f"{action} {arg}" for action, arg in steps) or "ftfy"
        for i1, i2, j1, j2 in _changed_words(line.text, fixed):
            new = fixed[j1:j2]
            lossy = "\ufffd" in new  # a byte was lost: the repair is only partial
            yield Hit(
                line.start + i1,
                line.start + i2,
                f"mojibake ({how})" + ("; some characters are lost" if lossy else ""),
                new,
                0.6 if lossy else None,
            )


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
