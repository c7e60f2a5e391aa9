"""Scraping residue: page furniture that a scraper copied along with an article.

Breadcrumbs, related-article links, "More news" lists, tag slugs, date headers,
photo credits and repeated headlines are not article text, so `cleanmt fix`
deletes them (unless --keep-boilerplate). Every rule here only fires where the
page layout gives the residue away: at the head or tail of a document, on a
line of its own, or in a shape (slug, date label, credit) that prose does not
take. The words that name the residue live in data/boilerplate_*.tsv.

Deleting a whole line follows one spacing convention (`_line_block_span`): the
line goes together with the gap *before* it, so the neighbours keep the gap
that followed it; at the head of a document the gap *after* it goes instead.
The document's final newline (or its absence) is therefore never touched.
"""
from __future__ import annotations

import difflib
import re
from bisect import bisect_right
from functools import lru_cache
from typing import Optional

import regex

from ..document import WORD_RE, Document
from ..lexicon import load_tsv
from ..registry import rule
from ..types import Hit

HEAD_LINES = 3  # breadcrumbs and date headers sit in the first few non-blank lines
MAX_TAIL_LINES = 15  # a "More news" list is short
MAX_LINK_WORDS = 30  # a related-article link is a headline, not a paragraph


# -- shared helpers -------------------------------------------------------------


def _nonblank(doc: Document) -> list[int]:
    return [i for i, line in enumerate(doc.lines) if not line.is_blank]


def _line_block_span(doc: Document, first: int, last: int) -> Optional[tuple[int, int]]:
    """The span that deletes lines first..last with their line breaks.

    Takes the gap before the block (back to the previous non-blank line), so
    the gap after it now separates the neighbours and paragraph spacing stays
    as it was. At the head of the document it takes the gap after the block
    instead. Returns None when the block is all the document has: deleting
    the whole text is never a safe fix.
    """
    lines = doc.lines
    prev = next((i for i in range(first - 1, -1, -1) if not lines[i].is_blank), None)
    if prev is not None:
        return lines[prev].end, lines[last].end
    nxt = next((i for i in range(last + 1, len(lines)) if not lines[i].is_blank), None)
    if nxt is not None:
        return lines[first].start, lines[nxt].start
    return None


def _head_spans(text: str, n: int) -> list[tuple[int, int]]:
    """(start, end) of the first `n` non-blank lines of `text` (the lines of
    `Document.lines`, found without splitting the whole document or copying lines)."""
    out: list[tuple[int, int]] = []
    pos, size = 0, len(text)
    while len(out) < n and pos < size:
        end = text.find("\n", pos)
        if end < 0:
            end = size
        if end > pos and (not text[pos].isspace() or not text[pos:end].isspace()):
            out.append((pos, end))
        pos = end + 1
    return out


def _head_lines(text: str, n: int) -> list[str]:
    """The first `n` non-blank lines of `text`."""
    return [text[a:b] for a, b in _head_spans(text, n)]


def _tail_lines(text: str, n: int) -> list[str]:
    """The last `n` non-blank lines of `text`, last first."""
    out: list[str] = []
    end = len(text)
    while len(out) < n and end >= 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if line and not line.isspace():
            out.append(line)
        end = start - 1
    return out


# Characters other than the two cases that the stdlib's IGNORECASE takes for these letters
# (a test checks that these classes hold every character the `regex` module's does)
_OTHER_CASES = {"i": "İı", "k": "\u212a", "s": "ſ"}


def _case_variants(c: str) -> list[str]:
    return sorted(set(c.lower() + c.upper() + _OTHER_CASES.get(c, "")))


def _prefix_trie(words) -> str:
    """A case-insensitive stdlib `re` pattern that matches where one of `words` starts,
    built as a trie whose top-level alternatives start with a literal (which `re` skips
    at once), so a line that opens otherwise fails after a character or two."""
    trie: dict = {}
    for w in words:
        node = trie
        for c in w.lower():
            node = node.setdefault(c, {})
        node[""] = {}

    def emit(node: dict, top: bool = False) -> str:
        if "" in node:
            return ""  # a whole word: the rest does not matter
        alts = []
        for c, child in sorted(node.items()):
            rest, cases = emit(child), _case_variants(c)
            if top:
                alts += [re.escape(v) + rest for v in cases]
            else:
                alts.append((re.escape(c) if len(cases) == 1 else "[" + "".join(cases) + "]") + rest)
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(trie, top=True)


# str.isspace characters but "\n" (all lie below U+3001), as a character class body
_SPACE_CLASS = "".join(f"\\u{ord(c):04x}" for c in map(chr, range(0x3001)) if c.isspace() and c != "\n")


@lru_cache(maxsize=None)
def _head_opener_res():
    """Where BLP001, BLP004 or BLP005 can fire, a head line opens (after its indent) with
    the first word of a menu item (BLP001), of a date label or "By" (BLP005), in any case
    (so more than the rules take), or with a run of ASCII lower-case letters and digits
    then "-" or "_" (a slug, BLP004).

    Two stdlib patterns, for a text of one line and for one of several: each skips blank
    lines and the indent, then tries the opener as an optional group, then goes on to the
    next non-blank line, up to HEAD_LINES. Every part after a try is optional, so a
    match never backtracks into one: a group is set exactly where its opener matches."""
    nav = [e["word"] for e in load_tsv("boilerplate_nav.tsv", required=("word", "role", "source"))]
    words = {e.split()[0] for e in nav + _label_entries("meta") + ["By"]}
    opener = rf"(?:{_prefix_trie(words)}|[a-z0-9]+[-_])"
    skip = rf"(?:[{_SPACE_CLASS}]*\n)*[{_SPACE_CLASS}]*"  # blank lines, then the indent
    lines = f"{skip}({opener})?"
    for _ in range(HEAD_LINES - 1):
        lines = f"{skip}({opener})?(?:[^\n]*\n{lines})?"
    return re.compile(f"{skip}({opener})?"), re.compile(lines)


_HEAD_KEY = "_blp_head_opener"


def _head_may_open_furniture(doc) -> bool:
    """Does one of the first HEAD_LINES non-blank lines open like page furniture
    (`_head_opener_res`)? A necessary condition of the BLP001 and BLP005 gates (and of
    a head slug, which BLP004 tells more cheaply); kept on the document, for they share
    it. Most head lines open with a word such as "The" or "A"; one `re.match` tells."""
    return doc.shared(_HEAD_KEY, _head_opens_furniture)


def _head_opens_furniture(doc) -> bool:
    text = doc.text
    one_line, head = _head_opener_res()
    return (head if "\n" in text else one_line).match(text).lastindex is not None


def _first_words(entries) -> tuple[frozenset, int]:
    """The case-folded first words of lexicon phrases, and how many characters of a
    line (after its indent) to fold to compare them (the longest word, plus one)."""
    words = {e.split()[0] for e in entries}
    return frozenset(w.casefold() for w in words), max(len(w) for w in words) + 1


def _line_head(text: str, span: tuple[int, int], width: int) -> str:
    """The first `width` characters of the line text[span] after its indent, case-folded."""
    start, end = span
    if text[start].isspace():
        start = end - len(text[start:end].lstrip())
    return text[start : min(end, start + width)].casefold()


def _opens_with_word(text: str, span: tuple[int, int], words: frozenset, width: int, ends: str) -> bool:
    """Does the line text[span] (after its indent) open with one of `words`, followed by
    a space, one of `ends`, or the line end?"""
    head = _line_head(text, span, width)
    token = head.split(None, 1)[0] if head else ""
    for c in ends:
        if c in token:
            token = token[: token.index(c)]
    return token in words


def _opens_with_prefix(text: str, span: tuple[int, int], words: frozenset, width: int) -> bool:
    """Does the line text[span] (after its indent) start with one of `words`?"""
    head = _line_head(text, span, width)
    return bool(head) and head[0] in _initials(words) and head.startswith(tuple(words))


@lru_cache(maxsize=None)
def _initials(words: frozenset) -> frozenset:
    return frozenset(w[0] for w in words)


def _n_words(text: str) -> int:
    return len(WORD_RE.findall(text))


def _capitalised(text: str) -> bool:
    """Lexicon entries match case-insensitively but must start with a capital
    ("Home", "HOME"), so that "home" or "news" inside a sentence never match."""
    first = next((c for c in text if c.isalpha()), "")
    return first.isupper()


def _alternation(entries) -> str:
    """A regex alternation of lexicon phrases, longest first; spaces match any run."""
    phrases = sorted({e.strip() for e in entries}, key=len, reverse=True)
    return "|".join(r"[ \t]+".join(regex.escape(w) for w in p.split()) for p in phrases)


SENTENCE_BREAK = regex.compile(r"\.[\"”’)]*[ \t]+[\"“‘(]*\p{Lu}")


def _headline_like(text: str, max_words: int = 25) -> bool:
    """Short, and not a sentence: no final . , ; : and no full stop inside.
    (Headlines often ask a question mid-line: "Why now? What we know".)"""
    t = text.strip()
    if t.endswith((".", ",", ";", ":")):  # cheapest test first: most paragraphs end so
        return False
    return 1 <= _n_words_upto(t, max_words + 1) <= max_words and not SENTENCE_BREAK.search(t)


def _n_words_upto(text: str, limit: int) -> int:
    """Number of words, counting no further than `limit` (a long paragraph stops early)."""
    n = 0
    for _ in WORD_RE.finditer(text):
        n += 1
        if n >= limit:
            break
    return n


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold().rstrip(" .:;,!?")


# -- lexicons -------------------------------------------------------------------


@lru_cache(maxsize=None)
def _nav_re(role: str = "any"):
    rows = load_tsv("boilerplate_nav.tsv", required=("word", "role", "source"))
    words = [e["word"] for e in rows if role in ("any", e["role"])]
    return regex.compile(rf"(?:{_alternation(words)})(?=[ \t]|$)", regex.I)


@lru_cache(maxsize=None)
def _related_res():
    rows = load_tsv("boilerplate_related.tsv", required=("lead_in", "colon", "forms", "source"))

    def alt(form: str, colon: str) -> str:
        chosen = [r["lead_in"] for r in rows if r["forms"] in (form, "both") and r["colon"] == colon]
        return _alternation(chosen) if chosen else r"(?!)"

    paren = regex.compile(
        rf"^\((?P<lead>(?:{alt('paren', 'required')})[ \t]*:|(?:{alt('paren', 'optional')})[ \t]*:?)"
        r"[ \t]*(?P<rest>[^()\n]*(?:\([^()\n]*\)[^()\n]*)*)\)$",
        regex.I,
    )
    line = regex.compile(
        rf"^(?P<lead>(?:{alt('line', 'required')})[ \t]*:|(?:{alt('line', 'optional')})[ \t]*:?)"
        r"[ \t]*(?P<rest>.*)$",
        regex.I,
    )
    return paren, line


@lru_cache(maxsize=None)
def _tail_heading_re():
    rows = load_tsv("boilerplate_tails.tsv", required=("heading", "source"))
    return regex.compile(rf"^(?:{_alternation(r['heading'] for r in rows)})[ \t]*:?$", regex.I)


@lru_cache(maxsize=None)
def _labels(kind: str) -> str:
    rows = load_tsv("boilerplate_labels.tsv", required=("label", "kind", "source"))
    return _alternation(r["label"] for r in rows if r["kind"] == kind)


# -- BLP001 breadcrumbs -------------------------------------------------------------

CRUMB_SEP = regex.compile(r"[ \t]*[>»›][ \t]*|[ \t]+[|/][ \t]+")
SENTENCE_PUNCT = regex.compile(r"[.!?,;:\"“”«]")


def _is_short_item(segment: str) -> bool:
    return 1 <= _n_words(segment) <= 4 and not SENTENCE_PUNCT.search(segment)


def _is_nav_item(segment: str, role: str = "any") -> bool:
    m = _nav_re(role).fullmatch(segment.strip())
    return bool(m) and _capitalised(m.group())


def _separated_crumb(doc: Document, i: int) -> Optional[Hit]:
    """'Home > World > Asia' (the whole line) or 'Home > World > Some headline'
    (the trail before the headline)."""
    line = doc.lines[i]
    if not any(c in line.text for c in ">»›|/"):
        return None  # every separator has one of these
    text = line.text.strip()
    seps = list(CRUMB_SEP.finditer(text))
    if not seps:
        return None
    bounds = [0] + [p for m in seps for p in (m.start(), m.end())] + [len(text)]
    segments = [text[bounds[k] : bounds[k + 1]] for k in range(0, len(bounds), 2)]
    if not _is_nav_item(segments[0]) or not all(_is_short_item(s) for s in segments[1:-1]):
        return None
    last = segments[-1]
    if not last.strip():
        return None
    if len(segments) < 3 and not _is_nav_item(segments[0], "root"):
        return None  # "Europe > Africa ..." may compare; a short trail must start at Home
    if _is_short_item(last):
        if len(segments) < 3 and not _is_nav_item(last):
            return None  # "Home > Away" may be a scoreline
        span = _line_block_span(doc, i, i)
        if span:
            return Hit(*span, "navigation breadcrumb line", "")
        return None
    indent = len(line.text) - len(line.text.lstrip())
    return Hit(line.start, line.start + indent + seps[-1].end(), "navigation breadcrumb before the headline", "")


def _headline_elsewhere(doc: Document, i: int, headline: str) -> bool:
    """Does another line of the document carry this headline (or nearly)?"""
    if _n_words(headline) < 3:
        return False
    want = _norm(headline)
    if len(want) > 400:
        return False  # no headline; and difflib's cost grows with the square of the length
    for j in _nonblank(doc):
        if j == i:
            continue
        other = _norm(doc.lines[j].text)
        if other == want:
            return True
        m = difflib.SequenceMatcher(None, want, other)
        if m.real_quick_ratio() >= 0.9 and m.quick_ratio() >= 0.9 and m.ratio() >= 0.9:  # cheap bounds first
            return True
    return False


def _spaced_crumb(doc: Document, i: int) -> Optional[Hit]:
    """'Home News Some headline' where the headline recurs in the document.

    Requires two or more menu words, so "Home Secretary" or "News Corp" (one
    menu word, then a name) never match; tries the longest trail first but
    also shorter ones, in case the headline itself starts with a menu word.
    """
    line = doc.lines[i]
    pos = len(line.text) - len(line.text.lstrip())
    ends = []
    while True:
        m = _nav_re().match(line.text, pos)
        if not m or not _capitalised(m.group()):
            break
        ends.append(m.end())
        pos = m.end() + len(line.text[m.end() :]) - len(line.text[m.end() :].lstrip(" \t"))
    for k in range(len(ends), 1, -1):
        rest = line.text[ends[k - 1] :]
        headline = rest.lstrip(" \t")
        if headline and _headline_elsewhere(doc, i, headline):
            cut = ends[k - 1] + len(rest) - len(headline)
            return Hit(line.start, line.start + cut, "navigation breadcrumb before a repeated headline", "")
    return None


@lru_cache(maxsize=None)
def _nav_first_words():
    return _first_words(e["word"] for e in load_tsv("boilerplate_nav.tsv", required=("word", "role", "source")))


def _may_have_breadcrumb(doc) -> bool:
    """Both kinds of trail start a head line (after its indent) with a menu word, which
    is followed by a space (the next word, or a separator " / " or " | "), by > » ›,
    or by the line end (a one-word trail segment). A text of one line (lee's articles)
    can only hold a trail with separators, one of > » › | / (_separated_crumb): a spaced
    one needs its headline repeated on another line (_headline_elsewhere)."""
    text = doc.text
    if "\n" not in text and not (">" in text or "/" in text or "|" in text or "»" in text or "›" in text):
        return False
    if not _head_may_open_furniture(doc):
        return False  # the common case: no head line opens with a menu word
    words, width = _nav_first_words()
    return any(_opens_with_word(text, span, words, width, ">»›") for span in _head_spans(text, HEAD_LINES))


@rule(
    "BLP001",
    "boilerplate",
    "navigation breadcrumb at the head of a document",
    confidence=0.9,
    bad=[
        ("Home > Europe > Markets\n\nShares fell sharply on Monday.\n",
         "Shares fell sharply on Monday.\n"),
        ("Home News Floods hit the northern valleys\n\nFloods hit the northern valleys\n\nRain fell for days.",
         "Floods hit the northern valleys\n\nFloods hit the northern valleys\n\nRain fell for days."),
        ("Accueil » Monde » Storm batters the coast as thousands flee their homes\n\nThe storm came at night.",
         "Storm batters the coast as thousands flee their homes\n\nThe storm came at night."),
    ],
    good=[
        "Home Secretary Jane Doe said on Monday that the plan would go ahead.\n\nShe gave no date.",
        "News Corp shares rose 3% on Tuesday.\n\nNews Corp shares rose again.",
        "Home News Roundup: a quiet week\n\nNothing else happened.",
        "Prices rose 5% > inflation / wages fell.\n\nThe rest followed.",
        "Home > Away\n\nThe match ended in a draw.",
        "Europe > Africa as trade partner for the first time since 1990\n\nTrade grew.",
    ],
    gate=_may_have_breadcrumb,
)
def breadcrumb(doc):
    for i in _nonblank(doc)[:HEAD_LINES]:
        hit = _separated_crumb(doc, i) or _spaced_crumb(doc, i)
        if hit:
            yield hit


# -- BLP002 related-article links -------------------------------------------------


def _related_anchors() -> list[str]:
    """A lead-in that needs its colon is followed by ":" after any run of spaces (" :" in
    the scan text); the one that does not, "(See also", only occurs in parentheses."""
    rows = load_tsv("boilerplate_related.tsv", required=("lead_in", "colon", "forms", "source"))
    out = []
    for r in rows:
        if r["colon"] == "required":
            out += [r["lead_in"] + ":", r["lead_in"] + " :"]
        else:
            out += ["(" + r["lead_in"]] if r["forms"] == "paren" else [r["lead_in"]]
    return out

@rule(
    "BLP002",
    "boilerplate",
    "related-article link on a line of its own ('(Read also: ...)', 'READ MORE: ...')",
    confidence=0.9,
    bad=[
        ("The talks resumed.\n\n(Read also: Five things to know about the talks)\n\nNo deal was reached.\n",
         "The talks resumed.\n\nNo deal was reached.\n"),
        ("The talks resumed.\nREAD MORE: Why the talks failed\nNo deal was reached.",
         "The talks resumed.\nNo deal was reached."),
        ("(Lire aussi : Le sommet en trois questions)\n\nThe summit opened.",
         "The summit opened."),
        ("Voters went to the polls.\n\nAlso to listen: Elections: what is at stake? [Podcast]",
         "Voters went to the polls."),
    ],
    good=[
        "Also: the minister resigned on Friday.\n\nOthers followed.",
        "(Also known as the Bridge Law, it passed in 2019.)\n\nIt was repealed.",
        "Read the full statement on the ministry's website.\n\nIt is long.",
        "The minister spoke.\n\n(See also the table below.)\n\nPrices rose.",
        "Related: the two cases share a lawyer, who declined to comment, and both hearings "
        "were postponed until the court could decide whether the evidence gathered by police "
        "in the first raid, which the defence disputes, may be used at all in either trial.\n\nEnd.",
    ],
    anchors=_related_anchors,
)
def related_link(doc):
    paren_re, line_re = _related_res()
    lines = doc.lines
    for i in _nonblank(doc):
        text = lines[i].text.strip()
        m = paren_re.match(text) or line_re.match(text)
        if not m or not _capitalised(m.group("lead")):
            continue
        if not _headline_like(m.group("rest"), MAX_LINK_WORDS):
            continue  # a sentence ("(See also the table below.)") is article text
        span = _line_block_span(doc, i, i)
        if span:
            yield Hit(*span, "link to a related article", "")


# -- BLP003 "More news" tails ---------------------------------------------------------

@lru_cache(maxsize=None)
def _tail_headings() -> frozenset:
    rows = load_tsv("boilerplate_tails.tsv", required=("heading", "source"))
    return frozenset(" ".join(r["heading"].split()).casefold() for r in rows)


@lru_cache(maxsize=None)
def _most_heading_words() -> int:
    """The most whitespace-separated words a heading line can have: a heading's words,
    and a colon written apart ("Most read :")."""
    return max(len(h.split()) for h in _tail_headings()) + 1


def _may_have_tail(doc) -> bool:
    """The heading is a whole line among the last MAX_TAIL_LINES + 1 non-blank ones (the
    scan stops there), with article prose on an earlier line: so the text has a line break."""
    if "\n" not in doc.text:
        return False
    headings, most = _tail_headings(), _most_heading_words()
    for line in _tail_lines(doc.text, MAX_TAIL_LINES + 1):
        if len(line.split(None, most)) > most:
            continue  # more words than a heading has (a paragraph): split no further
        t = " ".join(line.split()).casefold()
        if t.endswith(":"):
            t = t[:-1].rstrip()
        if t in headings:
            return True
    return False

@rule(
    "BLP003",
    "boilerplate",
    "'More news' / 'Most read' list of other headlines at the end of a document",
    confidence=0.9,
    bad=[
        ("The vote is on Sunday.\n\nMore news\n\nStorm closes ports\n\nWhat next for the central bank?",
         "The vote is on Sunday."),
        ("The vote is on Sunday.\nMost read:\nStorm closes ports\nMarkets rally\n",
         "The vote is on Sunday.\n"),
    ],
    good=[
        "More news will follow.\n\nThe vote is on Sunday.",
        "The vote is on Sunday.\n\nMore news\n\nOfficials said the count would take a week. Observers agreed.",
        "Related\n\nStorm closes ports",
        "Our picks\n\nRecommended\n\nThe blue kettle\n\nThe red kettle",
    ],
    anchors=lambda: [r["heading"] for r in load_tsv("boilerplate_tails.tsv", required=("heading", "source"))],
    gate=_may_have_tail,
)
def more_news_tail(doc):
    """Scans up from the end over headline-like lines; the highest list heading
    among them starts the tail. Needs article prose (a line that is not
    headline-like) before the heading, so a document that is itself a short
    list is left alone."""
    heading_re = _tail_heading_re()
    rows = _nonblank(doc)
    lines = doc.lines
    heading = None
    for n, i in enumerate(reversed(rows)):
        text = lines[i].text.strip()
        if n > MAX_TAIL_LINES:
            break
        m = heading_re.match(text)
        if m and _capitalised(m.group()):
            heading = i
        elif not _headline_like(text):
            break
    if heading is None:
        return
    if not any(not _headline_like(lines[i].text) for i in rows if i < heading):
        return
    span = _line_block_span(doc, heading, rows[-1])
    if span:
        yield Hit(*span, "list of other headlines after the article", "")


# -- BLP004 tag slugs and stray punctuation at the edges ---------------------------

SLUG = regex.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)+")
PUNCT_ONLY = regex.compile(r"[.,;:*•·_~#=|…■□\-–—]+")
_SLUG_START = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_PUNCT_START = frozenset(".,;:*•·_~#=|…■□-–—")
_EDGE_START = _SLUG_START | _PUNCT_START


def _is_slug(text: str) -> bool:
    """'rf-5-general', 'kazakhstan_riots_2022': a CMS tag or URL slug.

    Needs a digit or two separators, so a lone hyphenated word is no slug."""
    t = text.strip()
    if not SLUG.fullmatch(t) or not regex.search(r"[a-z]", t):
        return False
    return bool(regex.search(r"\d", t)) or len(regex.findall(r"[-_]", t)) >= 2


def _may_have_edge_junk(doc) -> bool:
    """Junk is the first non-blank line (a slug) or the last (a slug or punctuation), and
    the text must keep a line that is not junk: so it has a line break. A slug starts with
    a lower-case ASCII letter or a digit; a punctuation line with a PUNCT_ONLY character.
    Only the last line and the first line's first character are read at first."""
    text = doc.text
    if "\n" not in text:
        return False
    tail = _tail_lines(text, 1)
    if not tail:
        return False  # blank
    last = tail[0].strip()
    if last[0] not in _EDGE_START and text.lstrip()[:1] not in _SLUG_START:
        return False  # the common case: prose at both edges
    first = _head_lines(text, 1)[0].strip()
    if first[0] in _SLUG_START and _is_slug(first):
        return True
    if last[0] in _SLUG_START and _is_slug(last):
        return True
    return last[0] in _PUNCT_START and PUNCT_ONLY.fullmatch(last) is not None

@rule(
    "BLP004",
    "boilerplate",
    "tag slug or stray punctuation line at the head or end of a document",
    confidence=0.85,
    bad=[
        ("The port reopened on Monday.\n\n.\n\nnews-7-asia", "The port reopened on Monday."),
        ("top_story_world\nThe port reopened on Monday.\n", "The port reopened on Monday.\n"),
        ("The port reopened on Monday.\n—\n", "The port reopened on Monday.\n"),
    ],
    good=[
        "The port reopened on Monday.\n\nwell-known",
        "The port reopened on Monday.\n\n2022-01-07",
        "...\n\nThe port reopened on Monday.",
        "The port reopened on Monday.\n\n”",
    ],
    gate=_may_have_edge_junk,
)
def edge_junk(doc):
    rows = _nonblank(doc)
    lines = doc.lines
    tail = []
    for i in reversed(rows):
        t = lines[i].text.strip()
        if _is_slug(t) or PUNCT_ONLY.fullmatch(t):
            tail.append(i)
        else:
            break
    head = []
    for i in rows:
        if i in tail or not _is_slug(lines[i].text):
            break
        head.append(i)
    if len(head) + len(tail) >= len(rows):
        return  # nothing but junk: leave it to a person
    if tail:
        span = _line_block_span(doc, tail[-1], tail[0])
        if span:
            yield Hit(*span, "tag slug or stray punctuation at the end of the document", "")
    if head:
        span = _line_block_span(doc, head[0], head[-1])
        if span:
            yield Hit(*span, "tag slug at the head of the document", "")


# -- BLP005 date headers ----------------------------------------------------------------

MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
         r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \t]+)?"
DATE = (
    rf"{WEEKDAY}(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}(?:T\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?"
    rf"|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?[ \t]+{MONTH},?[ \t]+\d{{4}}"
    rf"|{MONTH}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+\d{{4}})"
)
TIME = (r"(?:(?:,|[ \t]+at|[ \t]*[-–|])?[ \t]*\d{1,2}[:h.]\d{2}(?::\d{2})?(?:[ \t]*[AaPp]\.?[Mm]\.?)?"
        r"(?:[ \t]+\(?(?-i:(?:UTC|GMT)(?:[+-]\d{1,2})?|[ECMP][SD]T|CES?T|BST|IST|MSK|AE[SD]T|ALMT)\)?(?=[ \t]|$))?)?")
META_SEP = r"(?:[ \t]*[|·•–—-][ \t]*|[ \t]+|$)"
# case-sensitive inside a case-insensitive pattern: a byline is "By" and capitalised names
BYLINE = r"(?-i:By[ \t]+\p{Lu}[\p{L}'’.-]*(?:[ \t]+(?:\p{Lu}[\p{L}'’.-]*|and|&|de|van|von|der|del|la|le))*)[ \t]*[|·•–—][ \t]*"


@lru_cache(maxsize=None)
def _meta_re():
    dated = rf"(?:{_labels('meta')})[ \t]*:?[ \t]*{DATE}{TIME}{META_SEP}"
    return regex.compile(
        rf"^[ \t]*(?:(?:{dated})+|{BYLINE}(?:(?:{_labels('meta')})[ \t]*:?[ \t]*)?{DATE}{TIME}{META_SEP}(?:{dated})*)",
        regex.I,
    )


def _label_entries(kind: str) -> list[str]:
    return [r["label"] for r in load_tsv("boilerplate_labels.tsv", required=("label", "kind", "source"))
            if r["kind"] == kind]


@lru_cache(maxsize=None)
def _meta_first_words():
    return _first_words(_label_entries("meta") + ["By"])


def _may_have_date_header(doc) -> bool:
    """The header pattern is matched at the start of a head line: it opens (after spaces)
    with a date label or "By". Lines that do are matched with the pattern itself.

    A line the pattern matches opens like furniture (`_head_may_open_furniture`) and like
    `_meta_start_re`: the shared test saves work where it answers for several lines and
    rules at once; a text of one line (lee's articles) asks the narrower pattern."""
    text = doc.text
    if "\n" not in text:  # its one head line is the text, unless it is blank
        if _meta_start_re().match(text) is None:
            return False  # the common case; a blank text fails here too
    elif not _head_may_open_furniture(doc):
        return False  # the common case: no head line opens with a label or "By"
    words, width = _meta_first_words()
    return any(
        _opens_with_prefix(text, span, words, width) and _meta_re().match(text[span[0] : span[1]]) is not None
        for span in _head_spans(text, HEAD_LINES)
    )


@lru_cache(maxsize=None)
def _meta_start_re():
    """Where the header pattern matches a line: blanks, then the first word of a date
    label or "By", in any case (a stdlib trie, as in `_head_opener_res`)."""
    return re.compile(rf"[ \t]*{_prefix_trie({e.split()[0] for e in _label_entries('meta') + ['By']})}")


@rule(
    "BLP005",
    "boilerplate",
    "date / byline header ('date 2022-01-07', 'Published: ...', 'By X | date') at the head of a document",
    confidence=0.9,
    bad=[
        (" date 2021-03-14 The mayor opened the new bridge on Sunday.",
         "The mayor opened the new bridge on Sunday."),
        ("Published: 4 March 2021 Updated: 5 March 2021 The mayor opened the bridge.\n",
         "The mayor opened the bridge.\n"),
        ("By Ana Ruiz | March 4, 2021, 10:30 a.m.\n\nThe mayor opened the bridge.",
         "The mayor opened the bridge."),
        ("date 2021-03-14 10:30 The mayor opened the bridge.", "The mayor opened the bridge."),
        ("date 2021-03-14 10:30 US troops crossed the bridge.", "US troops crossed the bridge."),
        ("Bridge opens at last\nUpdated on 14/03/2021 09:15 GMT\nThe mayor opened the bridge.",
         "Bridge opens at last\nThe mayor opened the bridge."),
    ],
    good=[
        "Updated figures from 2021 show a rise.\n\nThe mayor agreed.",
        "By March 4, 2021 the bridge was open.",
        "By Friday, March 5, 2021 Officials had reopened the bridge.",
        "The mayor said. Published: 4 March 2021 is when it ran.",
        "The mayor opened the bridge on 2021-03-14.",
        "by the mayor | March 4, 2021 The bridge opened.",
    ],
    gate=_may_have_date_header,
)
def date_header(doc):
    lines = doc.lines
    for i in _nonblank(doc)[:HEAD_LINES]:
        line = lines[i]
        m = _meta_re().match(line.text)
        if not m or not regex.search(r"\d", m.group()):
            continue
        rest = line.text[m.end() :]
        if rest.strip():
            if not regex.match(r"[\p{Lu}\p{N}\"“‘(]", rest):
                continue  # the label is the start of a sentence, not a header
            yield Hit(line.start, line.start + m.end(), "page metadata (date, byline) before the text", "")
        else:
            span = _line_block_span(doc, i, i)
            if span:
                yield Hit(*span, "page metadata line (date, byline)", "")


# -- BLP006 photo credits ------------------------------------------------------------------

CREDIT_CONNECTORS = {"de", "del", "van", "von", "der", "via", "and", "for", "la", "le", "y", "et", "of"}


@lru_cache(maxsize=None)
def _credit_re():
    return regex.compile(
        rf"(?:(?<=[.!?”\"’)\]])[ \t]+|^[ \t]*)(?P<label>{_labels('credit')})[ \t]*:[ \t]*(?P<credit>\S(?:.*\S)?)[ \t]*$",
        regex.I | regex.M,
    )


def _credit_like(credit: str) -> bool:
    """'EFE / EPA / JANE DOE', 'Reuters', 'AP Photo/Jane Doe': names, not a sentence."""
    if len(credit) > 100 or regex.search(r"[!?;:]|\.[ \t]+\p{Ll}", credit.rstrip(".")):
        return False
    words = regex.findall(r"[\p{L}\p{N}][\p{L}\p{N}'’.&-]*", credit)
    if not 1 <= len(words) <= 12:
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in CREDIT_CONNECTORS for w in words)


def _credit_anchors() -> list[str]:
    """Every credit is its label, any run of spaces, then ":"."""
    return [a for label in _label_entries("credit") for a in (label + ":", label + " :")]

@rule(
    "BLP006",
    "boilerplate",
    "photo credit after a caption ('... Photo: AGENCY / NAME')",
    confidence=0.85,
    bad=[
        ("Rescuers search the rubble in the old town. Photo: AFP / JOHN SMITH\n\nThe quake struck at dawn.",
         "Rescuers search the rubble in the old town.\n\nThe quake struck at dawn."),
        ("The quake struck at dawn.\n\nFoto: EFE\n\nRescuers arrived at noon.",
         "The quake struck at dawn.\n\nRescuers arrived at noon."),
    ],
    good=[
        "The photo: a man on a bridge, alone.",
        "He took one image: the burning hall. Photo: it went viral within an hour.",
        "Rescuers search the rubble. Photo: courtesy of the family",
    ],
    anchors=_credit_anchors,
)
def photo_credit(doc):
    """Why delete: the credit names the agency and photographer of a picture the
    text no longer has; read as text it is a fragment glued to the caption.
    The caption before it is kept (it is prose and may carry facts). Source
    attributions of the *article* ("(With AFP)", "AFP AND EFE", "Some
    information comes from Reuters") are left alone: they say where the
    reporting comes from, which is part of the journalism, not page furniture."""
    if ":" not in doc.text:
        return  # every credit has "Label:"; most articles have no colon at all
    for m in _credit_re().finditer(doc.text):
        if not _capitalised(m.group("label")) or not _credit_like(m.group("credit")):
            continue
        i = bisect_right(doc.lines, m.start("label"), key=lambda ln: ln.start) - 1  # not lines.index: linear
        line = doc.lines[i]
        if not line.text[: m.start("label") - line.start].strip():
            span = _line_block_span(doc, i, i)
            if span:
                yield Hit(*span, "photo credit line", "")
        else:
            yield Hit(m.start(), line.end, "photo credit after a caption", "")


# -- BLP007 repeated headline or caption -----------------------------------------------


def _may_repeat(doc) -> bool:
    """Two neighbouring non-blank lines that are equal but for their spaces have the same
    first and last non-space characters and the same number of "e"s; and there are two."""
    text = doc.text
    if "\n" not in text:
        return False
    prev = None
    for line in text.split("\n"):
        t = line.strip()
        if not t:
            continue
        if prev is not None and t[0] == prev[0] and t[-1] == prev[-1] and t.count("e") == prev.count("e"):
            return True
        prev = t
    return False

@rule(
    "BLP007",
    "boilerplate",
    "line repeated verbatim right after itself (doubled headline or caption)",
    confidence=0.9,
    bad=[
        ("Storm closes the ports\n\nStorm closes the ports\n\nShips waited offshore.",
         "Storm closes the ports\n\nShips waited offshore."),
        ("A man crosses a flooded street in the old town.\nA man crosses a flooded street in the old town.\n",
         "A man crosses a flooded street in the old town.\n"),
    ],
    good=[
        "Storm closes ports\n\nStorm closes the ports\n\nShips waited.",
        "Yes, yes.\n\nYes, yes.",
        "Storm closes the ports\n\nShips waited.\n\nStorm closes the ports",
    ],
    gate=_may_repeat,
)
def repeated_line(doc):
    """A headline or caption that a scraper copied twice (page title + <h1>,
    image alt text + caption). News prose never repeats a paragraph of three
    or more words word for word right after itself; the known exception, a
    refrain of a song or chant set out line by line, is rare in news text.
    The second copy goes, so the first keeps its place and spacing."""
    lines = doc.lines
    rows = _nonblank(doc)
    for prev, cur in zip(rows, rows[1:]):
        a, b = lines[prev].text, lines[cur].text
        if " ".join(a.split()) == " ".join(b.split()) and _n_words(b) >= 3:
            yield Hit(lines[prev].end, lines[cur].end, "line repeats the line before it", "")
