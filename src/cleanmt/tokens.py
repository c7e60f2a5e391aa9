"""The token scan: every capitalised token of a text, with the lower-case word after it.

One stdlib regex pass over a document gives the strings that the name rules (TRL001-3,
names.py), CAS001, CAS005 and CLQ007 all start from (Document.capital_tokens makes it
once per document). Its own module so that the Document can make it without importing
the name machinery.
"""
from __future__ import annotations

import re
from operator import itemgetter

import regex

# Every name word (a names._NAME_WORD match) lies in one token of this stdlib pattern, which
# scans far faster than _NAME_WORD: a capital or a non-ASCII character, then ASCII
# letters, ' and - or non-ASCII characters, then the digit or underscore that may
# follow (the only ASCII characters outside the token that _NAME_WORD's lookarounds
# read). The non-ASCII characters left out (_BREAKS: no-break space, « », curly double
# quotes, dashes, ellipsis...) are, like the ASCII ones left out, no letter, mark,
# digit, word character (\w, which `\b` reads), ' or -, so _NAME_WORD reads them as it
# reads a space; ’ (the apostrophe of O’Brien) may go on a token but not start one.
# A name word starts where its left neighbour is no letter, digit, mark, ' or -,
# so no token runs across its start, and its own characters all belong to the token:
# _NAME_WORD run over the token alone finds it (and, at worst, a few more words).
# Group 2 (a lookahead, so the next token may start there) is the lower-case word of
# three letters or more after one space, which CAS001 reads (casing.py).
_IN_NAME = regex.compile(r"[\w\p{L}\p{N}\p{M}'’\-]")
_BREAKS = "".join(
    c for c in map(chr, (*range(0x80, 0xC0), *range(0x2000, 0x2070))) if not _IN_NAME.match(c)
)


def _non_ascii_except(excluded: str) -> str:
    """A character-class body: every non-ASCII character but `excluded`."""
    gaps, prev = [], 0x80
    for c in sorted(set(excluded)):
        if ord(c) > prev:
            gaps.append(re.escape(chr(prev)) + "-" + re.escape(chr(ord(c) - 1)))
        prev = ord(c) + 1
    return "".join(gaps) + re.escape(chr(prev)) + "-\U0010ffff"


_TOKEN_START = _non_ascii_except(_BREAKS + "’")
_TOKEN_CHAR = _non_ascii_except(_BREAKS)
CAPITAL_TOKEN = re.compile(
    rf"([A-Z{_TOKEN_START}][A-Za-z'\-{_TOKEN_CHAR}]*[0-9_]?)(?= ([a-z{_TOKEN_CHAR}]{{3,}}))?"
)


def non_ascii_letters_and_more() -> str:
    """A stdlib character-class body holding every non-ASCII letter (and more): every
    non-ASCII character but _BREAKS, which holds no letter."""
    return _TOKEN_CHAR


# the same for ASCII text, where it scans a little faster
CAPITAL_TOKEN_ASCII = re.compile(r"([A-Z][A-Za-z'\-]*[0-9_]?)(?= ([a-z]{3,}))?")
# and the same again as one string per token, "Token" or "Token lower" (no groups: it
# builds no tuples). Taking the lower-case word instead of looking ahead at it skips
# no token, since it holds no capital; in text that is not ASCII it could (É, ×).
_ASCII_TOKEN_AND_LOWER = re.compile(r"[A-Z][A-Za-z'\-]*[0-9_]?(?: [a-z]{3,})?")


def capital_tokens(text: str) -> set:
    """The token scan of `text`, as a set of strings. In ASCII text, each token of
    CAPITAL_TOKEN_ASCII with the lower-case word after it when there is one ("Angela
    merkel", "Angela"); in other text, the tokens of CAPITAL_TOKEN and, apart, the
    lower-case words after them (never with a space: a space breaks tokens and words).
    Made once per document (Document.capital_tokens); facts per string are kept across
    documents in the Cleaner's memo (`TokenWords`, casing's tables)."""
    if text.isascii():
        return set(_ASCII_TOKEN_AND_LOWER.findall(text))
    found = CAPITAL_TOKEN.findall(text)
    out = set(map(itemgetter(0), found))
    out.update(map(itemgetter(1), found))
    out.discard("")
    return out


def capital_token_pairs(text: str) -> list[tuple[str, str]]:
    """(token, lower-case word after it or "") for each token of CAPITAL_TOKEN in `text`."""
    return (CAPITAL_TOKEN_ASCII if text.isascii() else CAPITAL_TOKEN).findall(text)
