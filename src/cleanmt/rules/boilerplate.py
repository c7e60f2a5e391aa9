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
from ..frequency import zipf as _zipf
from ..lexicon import CEDILLA_TO_COMMA, load_tsv
from ..registry import rule
from ..types import Hit

HEAD_LINES = 3  # breadcrumbs and date headers sit in the first few non-blank lines
MAX_TAIL_LINES = 15  # a "More news" list is short
MAX_LINK_WORDS = 30  # a related-article link is a headline, not a paragraph
# page furniture is the same on the sites of every target language (and MT carries it along)
ALL_TARGETS = ("en", "fr", "es", "de")
QUOTE_MARKS = "\"“”«»„"  # a line that quotes someone is article text (apostrophes are not quotes)


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


# the characters other than the two cases that IGNORECASE takes for a letter, as that letter
_AS_LETTER = str.maketrans({v: k for k, vs in _OTHER_CASES.items() for v in vs})
_SLUG_OPENER = re.compile(r"[a-z0-9]+[-_]")


@lru_cache(maxsize=None)
def _head_openers() -> tuple:
    """The lower-cased first words of the menu items (BLP001), of the date labels and
    "By" (BLP005): a head line that opens with one of them, in any case, may be page
    furniture (more than the rules take)."""
    nav = [e["word"] for e in load_tsv("boilerplate_nav.tsv", required=("word", "role", "source"))]
    return tuple(sorted({e.split()[0].lower() for e in nav + _label_entries("meta") + ["By"]}))


def _opens_like_furniture(line: str) -> bool:
    """After its indent, does the line open with a word of `_head_openers` (in any case:
    str.startswith over a tuple, at C speed) or with a run of ASCII lower-case letters and
    digits then "-" or "_" (a slug, BLP004)?"""
    head = line.lstrip()
    return head.translate(_AS_LETTER).lower().startswith(_head_openers()) or _SLUG_OPENER.match(head) is not None


_HEAD_KEY = "_blp_head_opener"


def _head_may_open_furniture(doc) -> bool:
    """Does one of the first HEAD_LINES non-blank lines open like page furniture
    (`_opens_like_furniture`)? A necessary condition of the BLP001 and BLP005 gates (and of
    a head slug, which BLP004 tells more cheaply); kept on the document, for they share
    it. Most head lines open with a word such as "The" or "A"; one `re.match` tells."""
    return doc.shared(_HEAD_KEY, _head_opens_furniture)


def _head_opens_furniture(doc) -> bool:
    text, pos, seen = doc.text, 0, 0
    while seen < HEAD_LINES:  # the first HEAD_LINES non-blank lines
        end = text.find("\n", pos)
        line = text[pos:] if end < 0 else text[pos:end]
        if line.strip():
            seen += 1
            if _opens_like_furniture(line):
                return True
        if end < 0:
            return False
        pos = end + 1
    return False


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


def _trie_alternation(entries) -> str:
    """The same language as `_alternation` (spaces match any run of spaces or tabs), written
    as a trie of lower-cased characters for a case-insensitive pattern: the `regex` module
    tries the alternatives of a flat alternation one by one, and a trie fails after the
    first character or two. The longest entry is tried first at every branch."""
    trie: dict = {}
    for e in {" ".join(e.split()).lower() for e in entries if e.strip()}:
        node = trie
        for c in e:
            node = node.setdefault(c, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = []
        for c, child in sorted(node.items(), key=lambda kv: kv[0] == ""):  # the end last
            if c == "":
                alts.append("")
            else:
                alts.append((r"[ \t]+" if c == " " else regex.escape(c)) + emit(child))
        if len(alts) == 1:
            return alts[0]
        return "(?:" + "|".join(alts) + ")"

    return emit(trie)


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
    if len(ends) >= 2 and _glued_headline(doc, i, ends):
        rest = line.text[ends[-1] :]
        cut = ends[-1] + len(rest) - len(rest.lstrip(" \t"))
        return Hit(line.start, line.start + cut, "navigation breadcrumb run into the headline", "", 0.85)
    return None


def _glued_headline(doc: Document, i: int, ends: list) -> bool:
    """'Home News Kazakhstan: protests spread' on the document's first line, the headline
    not repeated: the trail starts at a root item ("Home", "Accueil") and what follows it
    opens with a name, a word the English dictionary only lists capitalised or not at
    all ("Kazakhstan", "Erdoğan"), and reads as a headline (three words or more, no
    closing full stop). "Home News Roundup: a quiet week" (a common word after the menu
    words, maybe a column's title) is left alone."""
    from ..knowledge.dictionary import TITLE, case_class

    if i != _nonblank(doc)[0]:
        return False
    text = doc.lines[i].text
    first = _nav_re().match(text, len(text) - len(text.lstrip()))
    if first is None or not _is_nav_item(first.group(), "root"):
        return False
    headline = text[ends[-1] :].strip()
    if _n_words(headline) < 3 or headline.endswith("."):
        return False
    m = regex.match(r"\p{Lu}[\p{L}\p{M}]+", headline)
    if m is None:
        return False
    word = m.group()
    if word in _country_names():
        return True
    cls = case_class(word.lower(), "en")
    return cls == TITLE or (cls == 0 and _zipf(word.lower(), "en") < 3.0)


@lru_cache(maxsize=1)
def _country_names() -> frozenset:
    """English names of the countries and territories (CLDR, through babel): "Japan" or
    "Turkey", which the dictionary also lists lower-case."""
    from babel import Locale

    return frozenset(n for n in Locale("en").territories.values() if " " not in n)


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
    langs=ALL_TARGETS,
    bad=[
        ("Home > Europe > Markets\n\nShares fell sharply on Monday.\n",
         "Shares fell sharply on Monday.\n"),
        ("Home News Floods hit the northern valleys\n\nFloods hit the northern valleys\n\nRain fell for days.",
         "Floods hit the northern valleys\n\nFloods hit the northern valleys\n\nRain fell for days."),
        ("Accueil » Monde » Storm batters the coast as thousands flee their homes\n\nThe storm came at night.",
         "Storm batters the coast as thousands flee their homes\n\nThe storm came at night."),
        ("Home News Peru: floods cut the coastal highway\n\nRain fell for days.",
         "Peru: floods cut the coastal highway\n\nRain fell for days."),
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

def _teaser_like(text: str) -> bool:
    """A link's headline written as a teaser of one or two short sentences ("Robotaxis are
    coming to more cities. Here's what to know."): capitalised, no quotation, at most
    two sentences and 16 words."""
    t = text.strip()
    if not t or not (t[0].isupper() or t[0].isdigit()) or any(q in t for q in QUOTE_MARKS):
        return False
    return _n_words_upto(t, 17) <= 16 and len(SENTENCE_BREAK.findall(t)) <= 1


@rule(
    "BLP002",
    "boilerplate",
    "related-article link on a line of its own ('(Read also: ...)', 'READ MORE: ...')",
    confidence=0.9,
    langs=ALL_TARGETS,
    bad=[
        ("The talks resumed.\n\n(Read also: Five things to know about the talks)\n\nNo deal was reached.\n",
         "The talks resumed.\n\nNo deal was reached.\n"),
        ("The talks resumed.\nREAD MORE: Why the talks failed\nNo deal was reached.",
         "The talks resumed.\nNo deal was reached."),
        ("(Lire aussi : Le sommet en trois questions)\n\nThe summit opened.",
         "The summit opened."),
        ("Voters went to the polls.\n\nAlso to listen: Elections: what is at stake? [Podcast]",
         "Voters went to the polls."),
        ("Voters went to the polls.\n\nRelated: Turnout is up again. Here is why.\n\nThe count began.",
         "Voters went to the polls.\n\nThe count began."),
        ("Die Wahl ist vorbei.\n\nLesen Sie auch: Was die Koalition jetzt plant", "Die Wahl ist vorbei."),
        ("Voters went to the polls.\n\nLiveblog: all the results as they come in", "Voters went to the polls."),
    ],
    good=[
        "Also: the minister resigned on Friday.\n\nOthers followed.",
        "(Also known as the Bridge Law, it passed in 2019.)\n\nIt was repealed.",
        "Read the full statement on the ministry's website.\n\nIt is long.",
        "The minister spoke.\n\n(See also the table below.)\n\nPrices rose.",
        "Read more: “We will not resign,” the minister said.\n\nShe left.",
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
        if not _headline_like(m.group("rest"), MAX_LINK_WORDS) and not _teaser_like(m.group("rest")):
            continue  # a sentence ("(See also the table below.)") is article text
        span = _line_block_span(doc, i, i)
        if span:
            yield Hit(*span, "link to a related article", "")


# -- BLP003 "More news" tails ---------------------------------------------------------


@rule(
    "BLP003",
    "boilerplate",
    "'More news' / 'Most read' list of other headlines at the end of a document",
    confidence=0.9,
    langs=ALL_TARGETS,
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
    langs=ALL_TARGETS,
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
    label or "By", in any case (a stdlib trie)."""
    return re.compile(rf"[ \t]*{_prefix_trie({e.split()[0] for e in _label_entries('meta') + ['By']})}")


@rule(
    "BLP005",
    "boilerplate",
    "date / byline header ('date 2022-01-07', 'Published: ...', 'By X | date') at the head of a document",
    confidence=0.9,
    langs=ALL_TARGETS,
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
        rf"(?:(?<=[.!?”\"’)\]])[ \t]+|^[ \t]*)(?P<label>{_labels('credit')})(?:[ \t]*:|(?<=\.)(?=[ \t]))[ \t]*(?P<credit>\S(?:.*\S)?)[ \t]*$",
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


@lru_cache(maxsize=1)
def _dotted_credit_labels() -> tuple:
    return tuple(label + " " for label in _label_entries("credit") if label.endswith("."))


def _has_dotted_credit(text: str) -> bool:
    """Does the text hold a credit label that is an abbreviation, without its colon ("Fot. ")?"""
    return any(label in text for label in _dotted_credit_labels())


def _credit_anchors() -> list[str]:
    """Every credit is its label, any run of spaces, then ":"; or a label that is an
    abbreviation ("Fot." in Polish) and a space."""
    return [a for label in _label_entries("credit")
            for a in (label + ":", label + " :") + ((label + " ",) if label.endswith(".") else ())]

@rule(
    "BLP006",
    "boilerplate",
    "photo credit on a line of its own ('Foto: EFE'); a caption ending in a credit is article text",
    confidence=0.85,
    langs=ALL_TARGETS,
    bad=[
        ("Rescuers search the rubble in the old town.\nPhoto: AFP / JOHN SMITH\n\nThe quake struck at dawn.",
         "Rescuers search the rubble in the old town.\n\nThe quake struck at dawn."),
        ("The quake struck at dawn.\n\nFoto: EFE\n\nRescuers arrived at noon.",
         "The quake struck at dawn.\n\nRescuers arrived at noon."),
        ("The quake struck at dawn.\n\nFot. PAP/Anna Nowak\n\nRescuers arrived at noon.",
         "The quake struck at dawn.\n\nRescuers arrived at noon."),
    ],
    good=[
        "The photo: a man on a bridge, alone.",
        "He took one image: the burning hall. Photo: it went viral within an hour.",
        "Rescuers search the rubble. Photo: courtesy of the family",
        "Rescuers search the rubble in the old town. Photo: AFP / JOHN SMITH\n\nThe quake struck at dawn.",
    ],
    anchors=_credit_anchors,
)
def photo_credit(doc):
    """Why delete: the credit names the agency and photographer of a picture the
    text no longer has. A credit on a line of its own goes (0.85). A caption line that
    ends in a credit is left alone: a caption is article text (DESIGN.md's taxonomy:
    boilerplate is scraping residue, such as a *duplicated* caption, which BLP007
    finds), and cutting the credit alone would leave the caption reading as a
    sentence of the article. Source attributions of the *article* ("(With AFP)",
    "AFP AND EFE", "Some information comes from Reuters") are left alone: they say
    where the reporting comes from, which is part of the journalism, not page
    furniture."""
    if ":" not in doc.text and not _has_dotted_credit(doc.text):
        return  # every credit has "Label:" or "Fot. "; most articles have no colon at all
    for m in _credit_re().finditer(doc.text):
        if not _capitalised(m.group("label")) or not _credit_like(m.group("credit")):
            continue
        i = bisect_right(doc.lines, m.start("label"), key=lambda ln: ln.start) - 1  # not lines.index: linear
        line = doc.lines[i]
        if not line.text[: m.start("label") - line.start].strip():  # a caption before it: content
            span = _line_block_span(doc, i, i)
            if span:
                yield Hit(*span, "photo credit line", "")


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
    langs=ALL_TARGETS,
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


# -- page furniture lines (BLP008-BLP012): data/boilerplate_furniture.tsv --------------

BYLINE_HEAD_LINES = 6  # a byline sits under the breadcrumb, headline and standfirst
MAX_STAMP_LINE = 160  # characters: a byline with its times is short (a paragraph is not)
MAX_META_WORDS = 25
TAIL_RIGHTS_LINES = 3


@lru_cache(maxsize=None)
def _furniture(kind: str) -> tuple[str, ...]:
    rows = load_tsv("boilerplate_furniture.tsv", required=("phrase", "kind", "lang", "source", "why"))
    return tuple(dict.fromkeys(r["phrase"] for r in rows if r["kind"] == kind))


def _words_alt(kind: str) -> str:
    """The phrases of `kind` as a case-insensitive trie alternation, each ending at a word edge."""
    return rf"(?:{_trie_alternation(_furniture(kind))})(?![\p{{L}}\p{{N}}])"


def _own_line_span(doc: Document, i: int) -> Optional[tuple[int, int]]:
    return _line_block_span(doc, i, i)


def _line_index(doc: Document, pos: int) -> int:
    """Index in doc.lines of the line holding `pos` (the lines are in order)."""
    lines = doc.lines
    lo, hi = 0, len(lines) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if lines[mid].start <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


# -- BLP008 byline / timestamp line ------------------------------------------------------


@lru_cache(maxsize=None)
def _stamp_line_re():
    """One or more timestamps to the end of the line, each maybe labelled, maybe followed by
    a reading time (a header line is PRE, a byline or desk, then these: `_match_stamps`).

    Dates: ISO, numeric (14/03, 05.11, 12.06.), or day + CLDR month name (with "de", "."),
    month + day, with an optional year and weekday. Times: 07:42, 21h04, 14.32 Uhr, 4:12 p.m.,
    with an optional time-zone abbreviation (case-sensitive). A stamp with both a date and a
    time is captured as `dt`; a label as `label`."""
    from ..knowledge.cldr_dates import month_names, weekday_names

    mon = rf"(?:{_trie_alternation(month_names())})\.?"
    wd = rf"(?:{_trie_alternation(weekday_names())})\.?,?[ \t]+"
    text_date = (rf"(?:{wd})?(?:\d{{1,2}}(?:st|nd|rd|th|er|º|\.)?[ \t]+(?:de[ \t]+)?{mon}(?:,?[ \t]+(?:de[ \t]+)?\d{{4}})?"
                 rf"|{mon}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?(?:,?[ \t]+\d{{4}})?)(?![\p{{L}}\p{{N}}])")
    iso = r"\d{4}-\d{2}-\d{2}"
    num_date = r"\d{1,2}[./-]\d{1,2}(?:[./-](?:\d{4}|\d{2}))?\.?(?![\p{L}\p{N}])"
    date = rf"(?:{text_date}|{iso}|{num_date})"
    tz = rf"(?:[ \t]+\(?(?-i:(?:{_alternation(_furniture('tz'))})(?:[+-]\d{{1,2}}(?::?\d{{2}})?)?)\)?(?![\p{{L}}\p{{N}}]))?"
    time = (r"(?:\d{1,2}(?::\d{2}(?::\d{2})?|h\d{2}|[.h](?=[ \t]*(?:Uhr|h)))(?:[ \t]*[ap]\.?m\.?)?(?:[ \t]*(?:Uhr|hs?|hrs))?"
            r"|\d{1,2}(?:\.\d{2})?[ \t]*(?:[ap]\.m\.|[ap]m(?![\p{L}])|Uhr))"
            r"(?![\p{L}\p{N}])") + tz
    conn_words = [c for c in _furniture("connect") if c[0].isalpha()]
    conn = rf"(?:(?:{_trie_alternation(conn_words)})[ \t]+)?"
    joint = rf"(?:[ \t]*[,•·|–—-][ \t]*{conn}|[ \t]+/[ \t]+|[ \t]+{conn})"
    label = rf"(?P<label>{_words_alt('label')})[ \t]*:?[ \t]*(?:(?:on|at|le|el|am|il|em|op|à)[ \t]+)?"
    units = rf"(?:{_trie_alternation(_furniture('rel_unit'))})\.?(?![\p{{L}}])"
    rel = (rf"(?P<rel>(?:{_trie_alternation(_furniture('rel_before'))})[ \t]+\d{{1,3}}[ \t]*{units}"
           rf"|\d{{1,3}}[ \t]*{units}[ \t]+(?:{_trie_alternation(_furniture('rel_after'))})(?![\p{{L}}]))")
    stamp = rf"(?:{label})?(?:(?P<dt>{date}{joint}{time})|(?P<date>{date}){tz}|{time}|{rel})"
    read = (rf"(?P<read>(?:{_words_alt('readtime')})[ \t]*:?[ \t]*\d{{1,3}}[ \t]*(?:min(?:ute|uten|utos|uti)?s?|Min)\.?"
            rf"|\d{{1,3}}[ \t]*min(?:ute)?s?[ \t]+read)")
    sep = r"(?:[ \t]*[,•·|–—/-][ \t]*|[ \t]+)"
    return regex.compile(rf"(?:(?:{stamp})(?:{sep}(?:{stamp}))*(?:{sep}{read})?|{read})[ \t]*$", regex.I)


# what may come before the stamps: no sentence punctuation but the point of an initial ("J. Doe")
_PRE_OK = regex.compile(r"(?:[^\n.!?;:\"“”«»„]|(?<=(?<![\p{L}])\p{Lu})\.)*")


@lru_cache(maxsize=None)
def _stamp_start_words() -> frozenset:
    """Words a run of stamps can open with (besides a number): a label, a month or weekday
    name, a reading-time label, the word before a relative time."""
    from ..knowledge.cldr_dates import month_names, weekday_names

    words = {p.split()[0] for k in ("label", "readtime", "rel_before") for p in _furniture(k)}
    return frozenset(w.casefold() for w in words | month_names() | weekday_names())


@lru_cache(maxsize=None)
def _stamp_end_words() -> frozenset:
    """Words a run of stamps can end with (besides a number): a time-zone abbreviation, a
    time or duration unit, "ago", a month or weekday name (case-folded, without a final ".")."""
    from ..knowledge.cldr_dates import month_names, weekday_names

    words = set(_furniture("tz")) | set(_furniture("rel_unit")) | set(_furniture("rel_after"))
    words |= {"uhr", "h", "hs", "hrs", "am", "pm", "a.m", "p.m", "min", "mins", "minutes", "minuten", "minutos",
              "minuti", "read"}
    return frozenset(w.casefold() for w in words | month_names() | weekday_names())


_DOT_WORDS = frozenset({"min.", "mins.", "a.m.", "p.m."})


def _may_end_in_stamp(text: str, start: int = 0, end: Optional[int] = None) -> bool:
    """Does text[start:end] end like a stamp? Its last word must: a cheap test (string
    operations on the line's last word only) that turns away nearly every line. A final
    "." only ends a stamp after a day number ("12.06."), "min." or "a.m."/"p.m.", so a
    sentence ending in a date ("... on Monday.") goes at once; so does a line ending in
    other punctuation."""
    end = len(text) if end is None else end
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return False
    c = text[end - 1]
    if c.isdigit():
        return True
    if not (c.isalpha() or c == "." or c == ")"):
        return False
    cut = max(text.rfind(" ", start, end), text.rfind("\t", start, end), start - 1) + 1
    word = text[cut:end]
    if c == ".":
        return word.casefold() in _DOT_WORDS or (
            len(word) <= 6 and word[0].isdigit() and word[:-1].replace(".", "").isdigit())
    word = word.strip("()")
    return bool(word) and (word[-1].isdigit() or word.casefold() in _stamp_end_words())


_WORD_START = regex.compile(r"(?<![\p{L}\p{N}])[\p{L}\p{N}]")


def _match_stamps(text: str):
    """The stamps that run to the end of `text` from the earliest word where they can, as
    (pre, match), or None. Stamps are tried only at a number or a word of
    `_stamp_start_words`, each try anchored there (a pattern that scanned the line would
    try every position)."""
    stamps, starts = _stamp_line_re(), _stamp_start_words()
    for w in _WORD_START.finditer(text):
        pos = w.start()
        if not text[pos].isdigit():
            end = pos
            while end < len(text) and (text[end].isalpha() or text[end] == "-"):
                end += 1
            if text[pos:end].casefold() not in starts:
                continue
        m = stamps.match(text, pos)
        if m:
            pre = text[:pos]
            return (pre, m) if _PRE_OK.fullmatch(pre) else None
    return None


@lru_cache(maxsize=None)
def _preps() -> frozenset:
    return frozenset(w.casefold() for w in _furniture("prep"))


@lru_cache(maxsize=None)
def _byline_re():
    """'By Jane Doe', 'Par la rédaction', 'Von Anna Keller': a byline word (case-sensitive)
    and a capitalised name or an article (a desk)."""
    leads = "|".join(regex.escape(w) for w in _furniture("byline"))
    return regex.compile(rf"^(?:{leads})[ \t]+(?:\p{{Lu}}|(?i:{_words_alt('article')}))")


def _stamp_line(text: str) -> Optional[str]:
    """Why `text` is a byline / timestamp line, or None: it ends in timestamps (above), it is
    short, and it says it is metadata by a byline opening, a date label, or a date with its
    time written as headers do (no word between them but a joint), not after a
    preposition: 'moved to 12/07 at 10:30' is prose, 'Sports desk 12/07 - 10:37 CET' is not."""
    if len(text) > MAX_STAMP_LINE or not _may_end_in_stamp(text) or not _DIGIT.search(text):
        return None
    if _n_words_upto(text, MAX_META_WORDS + 1) > MAX_META_WORDS:
        return None
    found = _match_stamps(text)
    if not found:
        return None
    pre, m = found
    pre = pre.strip()
    if _n_words(pre) > 12:
        return None
    words = pre.split()
    if words and not m.captures("label") and words[-1].casefold() in _preps():
        return None  # "arrived at 09:40", "moved to 12/07": the stamp ends a sentence
    if pre and _byline_re().match(pre):
        return "byline with date and time"
    if m.captures("label") and any(_capitalised(c) for c in m.captures("label")) or m.captures("read"):
        return "date / update / reading-time line"
    if m.captures("rel"):
        return None  # "2 hours ago" says it is a header only after a label or a byline
    if m.captures("dt"):
        if not words or pre[-1] in ",•·|–—/-" or len(words) <= 3 or _capitalised(words[-1]):
            return "desk or agency line with date and time"
    if (not pre or pre[-1] in "|•·") and any(regex.search(r"\p{L}|\d{4}", d) for d in m.captures("date")):
        return "date line"  # "Thursday, 19 March 2026", "Jane Doe | Reuters | 9 March 2026"
    return None


@lru_cache(maxsize=None)
def _byline_only_re():
    """'By Ana de la Cruz and Tom Lee, Reuters', 'Von Anna Keller, dpa': a byline word and
    names (capitalised words, particles), joined by "," or "and", maybe an agency after a
    separator. Case-sensitive."""
    leads = "|".join(regex.escape(w) for w in _furniture("byline"))
    particle = _alternation(_furniture("particle"))
    word = r"(?:\p{Lu}[\p{L}'’-]*\.?|\p{Lu}\.)"
    name = rf"{word}(?:[ \t]+(?:(?:{particle})[ \t]+)?{word}){{0,3}}"
    join = rf"(?:[ \t]*,[ \t]*|[ \t]+(?:{_alternation(_furniture('agency_join'))})[ \t]+)"
    agency = r"(?:[ \t]*[,|/–—-][ \t]*[\p{L}][\p{L}\p{N}.&-]{0,15}(?:[ \t]+\p{Lu}[\p{L}\p{N}.&-]{0,15}){0,2})?"
    return regex.compile(rf"^(?:{leads})[ \t]+{name}(?:{join}{name}){{0,3}}{agency}$")


def _byline_only(text: str) -> bool:
    """A byline and nothing else; none of its words is a month or weekday ("By Monday")."""
    if len(text) > 120 or not _byline_only_re().match(text):
        return False
    from ..knowledge.cldr_dates import month_names, weekday_names

    names = {w.casefold() for w in month_names() | weekday_names()}
    return not any(w.strip(",.").casefold() in names for w in text.split()[1:])


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=None)
def _byline_start_re():
    """A line that opens (after its indent) with a byline word and a space."""
    return re.compile(r"[ \t]*(?:" + "|".join(re.escape(w) for w in _furniture("byline")) + r")[ \t]")


_STAMP_KEY = "_blp_stamp_candidates"


def _stamp_candidates(doc) -> list[tuple[int, int, int]]:
    """(n, start, end) of the head lines (n-th non-blank line) that may be a byline or
    timestamp line: short, and ending like a stamp with a digit in them, or opening with a
    byline word. Kept on the document: the gate and the check share it."""
    text = doc.text
    if "\n" not in text:
        return []  # one line: nothing would be left
    search, byline = _DIGIT.search, _byline_start_re().match
    out = []
    for n, (a, b) in enumerate(_head_spans(text, BYLINE_HEAD_LINES)):
        if b - a > MAX_STAMP_LINE:
            continue  # a paragraph
        if byline(text, a, b) or (_may_end_in_stamp(text, a, b) and search(text, a, b)):
            out.append((n, a, b))
    return out


@rule(
    "BLP008",
    "boilerplate",
    "byline / timestamp line at the head ('By X Updated Nov. 21, 2025 4:12 p.m. ET', 'Von X, dpa 12.06. 14:32 Uhr')",
    confidence=0.9,
    langs=ALL_TARGETS,
    bad=[
        ("Dam bursts in the valley\n\nBy Lena Ortiz and Sam Hale Updated Feb. 3, 2024 9:40 a.m. ET\n\nWater rose fast.",
         "Dam bursts in the valley\n\nWater rose fast."),
        ("Le barrage cède\nPar notre correspondant avec Reuters Publié le 03/02 à 09h40, mis à jour à 11h02\nL’eau a monté.",
         "Le barrage cède\nL’eau a monté."),
        ("Rompe la presa\nRedacción / EFE Sevilla - 3 FEB - 09:40 CET\nEl agua subió.", "Rompe la presa\nEl agua subió."),
        ("Damm gebrochen\nVon Jonas Weber, AFP 03.02. 09:40 Uhr\nDas Wasser stieg.", "Damm gebrochen\nDas Wasser stieg."),
        ("Dam bursts\nPosted on 3/2 at 9:40 - Reading time 3 min.\nWater rose fast.", "Dam bursts\nWater rose fast."),
        ("Dam bursts\nNews desk • Saturday 3 February, 09:40 • Modified 11:02\nWater rose fast.",
         "Dam bursts\nWater rose fast."),
        ("Dam bursts\n\nBy Ana de la Cruz and Tom Lee, Reuters\n\nWater rose fast.", "Dam bursts\n\nWater rose fast."),
        ("Rompe la presa\nActualizado hace 2 horas\nEl agua subió.", "Rompe la presa\nEl agua subió."),
        ("Damm gebrochen\n\nSamstag, 3. Februar 2024\n\nDas Wasser stieg.", "Damm gebrochen\n\nDas Wasser stieg."),
    ],
    good=[
        "Dam bursts\n\nThe meeting was moved to 12/07 at 10:30\n\nWater rose fast.",
        "Polls close at 18:00 CET\n\nVoters queued.",
        "By 12:30 the water had reached the square.\n\nIt kept rising.",
        "PARIS (Reuters) - The dam burst on 3 February at 09:40.",
        "Dam bursts\n\nBy the time rescuers arrived at 09:40 the village was empty\n\nWater rose.",
        "Inflation rises to 2.5\n\nPrices rose.",
        "Dam bursts\n\nBy Monday and Tuesday\n\nWater rose fast.",
        "Dam bursts\n\nBy Road, Rail and Sea: the long way home\n\nWater rose fast.",
        "Dam bursts\n\n2 hours ago\n\nWater rose fast.",
        "Von Berlin nach Hamburg\n\nDie Bahn fährt wieder.",
        "By Invitation Only\n\nThe club reopened.",
        "Dam bursts\n\n2024\n\nWater rose fast.",
    ],
)
def stamp_line(doc):
    """What: a line of its own among the first lines of a document that is a byline or desk
    name followed by the publication and update times ("Par la rédaction avec AFP Publié le
    16/02 à 18h20, mis à jour à 21h05"), in the shapes news sites print them (CLDR month and
    weekday names of en, fr, es, de, it, pt, nl). Why: page metadata, not article text.
    Near misses left alone: a sentence that ends in a date ("moved to 12/07 at 10:30"), a
    headline with a time only, a dateline ("PARIS (Reuters) -"), anything with sentence
    punctuation before the stamp. BLP005's headers ("date 2022-01-07 ...") are left to it.
    Fix: the line and its break go (confidence 0.9)."""
    full = doc.text
    for n, a, b in doc.shared(_STAMP_KEY, _stamp_candidates):
        line = full[a:b]
        text = line.strip()
        # a bare byline is never the first line: that is the headline ("By Invitation Only")
        why = _stamp_line(text) or (n > 0 and _byline_only(text) and "byline")
        if not why:
            continue
        i = _line_index(doc, a)
        m = _meta_re().match(line) if n < HEAD_LINES else None
        if m and regex.search(r"\d", m.group()):
            continue  # BLP005 reports it
        span = _own_line_span(doc, i)
        if span:
            yield Hit(*span, f"page metadata line ({why})", "")


# -- BLP009 advertising label -------------------------------------------------------------


@lru_cache(maxsize=None)
def _ad_line_re():
    """A line that is only an ad label, maybe in brackets or between dashes."""
    return regex.compile(
        rf"^[ \t]*[\[(—–-]*[ \t]*(?P<label>(?P<ad>{_words_alt('ad')})|{_words_alt('button')}"
        rf"(?:[ \t]*[·•|–—-]?[ \t]*\d{{1,3}}[ \t]*min(?:utes?|utos|uten|uti)?\.?)?)[ \t]*[\])—–-]*[ \t]*$",
        regex.I | regex.M,
    )


@rule(
    "BLP009",
    "boilerplate",
    "advertising label or 'continue reading' line on a line of its own ('Advertisement', 'Publicité', 'Anzeige')",
    confidence=0.9,
    langs=ALL_TARGETS,
    bad=[
        ("The port reopened.\n\nADVERTISEMENT\n\nShips waited offshore.", "The port reopened.\n\nShips waited offshore."),
        ("Le port a rouvert.\nPublicité\nLes navires attendaient.", "Le port a rouvert.\nLes navires attendaient."),
        ("Der Hafen ist offen.\n\n- Anzeige -\n\nSchiffe warteten.", "Der Hafen ist offen.\n\nSchiffe warteten."),
        ("The port reopened.\n\nPubblicità\n\nShips waited.", "The port reopened.\n\nShips waited."),
        ("The port reopened.\n\nStory continues below advertisement\n\nShips waited.", "The port reopened.\n\nShips waited."),
        ("Storm hits port\n\nListen to this article · 4 min\n\nShips waited.", "Storm hits port\n\nShips waited."),
    ],
    good=[
        "Advertisement for the new law was banned.\n\nIt ran anyway.",
        "The port reopened.\n\nadvertisement\n\nShips waited.",
        "Die Anzeige wurde erstattet.\n\nDie Polizei ermittelt.",
        "Advertisement",
    ],
    anchors=lambda: _furniture("ad") + _furniture("button"),
)
def ad_label(doc):
    """What: a line that says only "Advertisement" (or its equivalent in fr, es, de, it, pt,
    nl), the label of an ad slot whose ad the scraper dropped. Why: page furniture. Near
    misses: a sentence that starts with the word ("Advertisement for the new law was
    banned."), the word in lower case, a document that is nothing but the label. Fix: the
    line and its break go (0.9)."""
    for m in _ad_line_re().finditer(doc.text):
        if not _capitalised(m.group("label")):
            continue
        span = _own_line_span(doc, _line_index(doc, m.start("label")))
        if span:
            yield Hit(*span, "advertising label line" if m.group("ad") else "page button line ('continue reading', 'listen')", "")


# -- BLP010 share / follow buttons ----------------------------------------------------------


@lru_cache(maxsize=None)
def _share_line_re():
    """A line made only of share/follow button labels, network names and the words that
    join them, opening with a button label. Network names keep their case ("X")."""
    net = rf"(?-i:{_alternation(_furniture('network'))})(?![\p{{L}}\p{{N}}])"
    item = rf"(?:(?P<share>{_words_alt('share')})|(?P<net>{net})|{_words_alt('glue')})"
    sep = r"(?:[ \t]*[|•·,/:–—-][ \t]*|[ \t]+)"
    return regex.compile(rf"^[ \t]*(?P<first>{_words_alt('share')})(?:{sep}{item})*[ \t]*$", regex.I)


@lru_cache(maxsize=None)
def _share_first_words():
    return _first_words(_furniture("share"))


@rule(
    "BLP010",
    "boilerplate",
    "share / follow buttons on a line of their own ('Share on Facebook Share on X Copy link')",
    confidence=0.9,
    langs=ALL_TARGETS,
    bad=[
        ("The port reopened.\n\nShare on WhatsApp | Share on LinkedIn | Print", "The port reopened."),
        ("The port reopened.\n\nFollow us on Instagram and Threads\n", "The port reopened.\n"),
        ("El puerto reabrió.\n\nSíguenos en Facebook, Instagram y X", "El puerto reabrió."),
        ("Le port a rouvert.\nPartager sur Facebook Partager sur X Copier le lien\nLa suite.", "Le port a rouvert.\nLa suite."),
        ("Der Hafen ist offen.\n\nFolgen Sie uns auf Facebook und Instagram", "Der Hafen ist offen."),
        ("The port reopened.\n\nShare this article: Facebook, X, WhatsApp, Email", "The port reopened."),
        ("The port reopened.\n\nFollow us on social media\n", "The port reopened.\n"),
    ],
    good=[
        "Follow the money.\n\nIt leads to the port.",
        "Share prices fell on Facebook news.\n\nThey recovered.",
        "Follow us on Facebook for live updates on the storm.\n\nThe port reopened.",
        "Shares\n\nThe port reopened.",
        "The port reopened.\n\nPrint",
    ],
    anchors=lambda: _furniture("share"),
)
def share_line(doc):
    """What: a line of button labels: "Share on Facebook Share on X Copy link", "Follow us on
    Facebook and X", "Síguenos en ...". Every word must be a button label, a network name or a
    joining word, and it names a network or has two labels or a label of two words ("Share
    this article", "Follow us on social media"). Why: the page's share widget, not text. Near misses:
    "Follow the money", "Share prices fell", a follow line that goes on as a sentence ("...
    for live updates on the storm"). Fix: the line goes (0.9)."""
    text = doc.text
    words, width = _share_first_words()
    for i in _nonblank(doc):
        line = doc.lines[i]
        if line.end - line.start > 200 or not _opens_with_word(text, (line.start, line.end), words, width, ""):
            continue
        m = _share_line_re().match(line.text)
        if not m or not _capitalised(m.group("first")):
            continue
        shares = [m.group("first")] + m.captures("share")
        if not m.captures("net") and len(shares) < 2 and len(shares[0].split()) < 2:
            continue  # one one-word label ("Share", "Print") and no network: maybe a heading
        span = _own_line_span(doc, i)
        if span:
            yield Hit(*span, "share / follow buttons", "")


# -- BLP011 newsletter / subscription call ---------------------------------------------------


@lru_cache(maxsize=None)
def _cta_res():
    cta = regex.compile(rf"^[ \t]*(?P<cta>{_words_alt('cta')})", regex.I)
    news = regex.compile(rf"(?<![\p{{L}}])(?:{_trie_alternation(_furniture('newsletter'))})(?![\p{{L}}])", regex.I)
    return cta, news


@lru_cache(maxsize=None)
def _cta_first_words():
    return _first_words(_furniture("cta") + _furniture("cta_alone"))


@lru_cache(maxsize=None)
def _cta_alone_re():
    """A subscription button alone: 'Subscribe now', 'Abonnez-vous gratuitement'."""
    return regex.compile(
        rf"^(?P<cta>{_words_alt('cta_alone')})(?:[ \t]+{_words_alt('cta_rest')})?[ \t]*[.!»›>→]*$", regex.I
    )


def _is_cta_line(text: str) -> bool:
    """A subscription button alone, or a line that opens with a subscription imperative,
    names a newsletter, is short, holds no quotation, and each of whose sentences is short
    (a call-to-action, not a paragraph)."""
    alone = _cta_alone_re().match(text)
    if alone:
        return _capitalised(alone.group("cta"))
    cta_re, news_re = _cta_res()
    m = cta_re.match(text)
    if not m or not _capitalised(m.group("cta")) or not news_re.search(text):
        return False
    if any(q in text for q in QUOTE_MARKS) or _n_words_upto(text, 31) > 30:
        return False
    sentences = [s for s in regex.split(r"[.!?]+[ \t]+", text) if s.strip()]
    return len(sentences) <= 3 and all(_n_words(s) <= 15 for s in sentences)


@rule(
    "BLP011",
    "boilerplate",
    "newsletter / subscription call on a line of its own ('Sign up for our ... newsletter')",
    confidence=0.85,
    langs=ALL_TARGETS,
    bad=[
        ("The port reopened.\n\nGet our free Evening Digest newsletter every weekday\n", "The port reopened.\n"),
        ("The port reopened.\n\nSubscribe to the Climate newsletter. It is free.\n\nShips waited.",
         "The port reopened.\n\nShips waited."),
        ("Le port a rouvert.\n\nInscrivez-vous à notre newsletter Planète", "Le port a rouvert."),
        ("El puerto reabrió.\n\nSuscríbete al boletín de Economía y recíbelo en tu correo", "El puerto reabrió."),
        ("Der Hafen ist offen.\n\nAbonnieren Sie unseren Newsletter Wirtschaft", "Der Hafen ist offen."),
        ("Le port a rouvert.\n\nAbonnez-vous gratuitement\n\nLa suite.", "Le port a rouvert.\n\nLa suite."),
    ],
    good=[
        "The newsletter, which has two million readers, was sold.\n\nIt closed.",
        "“Sign up for our newsletter,” the banner read.\n\nFew did.",
        "Subscribers to the newsletter fell by a third last year.\n\nIt closed.",
        "Get ready for the storm.\n\nShips waited.",
        "Subscribe now, pay later: the new model.\n\nIt failed.",
        "The port reopened.\n\nsubscribe",
    ],
    anchors=lambda: _furniture("newsletter") + _furniture("cta_alone"),
)
def newsletter_call(doc):
    """What: a short line that opens with a subscription imperative (Sign up, Subscribe,
    Inscrivez-vous, Suscríbete, Abonnieren Sie, and the it/pt/nl ones that MT leaves) and
    names a newsletter. Why: a sign-up box of the page. Near misses: a sentence about a
    newsletter that does not open with the imperative, a quoted call, a long paragraph.
    Fix: the line goes (0.85)."""
    text = doc.text
    words, width = _cta_first_words()
    for i in _nonblank(doc):
        line = doc.lines[i]
        if line.end - line.start > 400 or not _opens_with_prefix(text, (line.start, line.end), words, width):
            continue
        if _is_cta_line(line.text.strip()):
            span = _own_line_span(doc, i)
            if span:
                yield Hit(*span, "newsletter / subscription call", "")


# -- BLP012 rights notice at the end -----------------------------------------------------------


@lru_cache(maxsize=None)
def _rights_re():
    phrases = [p for p in _furniture("rights") if p.casefold() != "copyright"]
    return regex.compile(
        rf"©|\([cC]\)[ \t]|(?i:{_trie_alternation(phrases)})(?![\p{{L}}])|Copyright(?=[ \t]*(?:©|\d{{4}}|\p{{Lu}}{{2}}))|COPYRIGHT"
    )


def _is_rights_line(text: str) -> bool:
    """A short line with ©, '(c) ', a rights phrase ("All rights reserved", "Riproduzione
    riservata") or "Copyright" before ©, a year or an upper-case name; no quotation, and
    not a long sentence."""
    if len(text) > 250 or any(q in text for q in QUOTE_MARKS):
        return False
    marks = [m for m in _rights_re().finditer(text)
             if (_capitalised(m.group()) or not m.group()[0].isalpha())
             and not (m.group() == "©" and m.start() and text[m.start() - 1].isalpha())]  # "cafÃ©": mojibake
    if not marks:
        return False  # "all rights reserved" inside a sentence
    n = _n_words_upto(text, 21)
    if n > 20 or (n > 10 and text.rstrip().endswith((".", "!", "?"))):
        return False
    return any(m.group() != "©" or m.start() == 0 for m in marks) or n <= 8


def _rights_anchors() -> list[str]:
    """A rights line holds ©, "(c) ", "copyright" or a rights phrase."""
    return ["©", "(c) ", "copyright"] + [p for p in _furniture("rights") if p.casefold() != "copyright"]


@rule(
    "BLP012",
    "boilerplate",
    "copyright / rights notice at the end of a document ('© dpa', 'All rights reserved')",
    confidence=0.9,
    langs=ALL_TARGETS,
    bad=[
        ("The port reopened.\n\n© 2024 Reuters. All rights reserved.", "The port reopened."),
        ("The port reopened.\n\nRiproduzione riservata © Copyright Agenzia Nova\n", "The port reopened.\n"),
        ("El puerto reabrió.\n\nEFE. Todos los derechos reservados", "El puerto reabrió."),
        ("Der Hafen ist offen.\n\n© AFP\n", "Der Hafen ist offen.\n"),
    ],
    good=[
        "The port reopened.\n\nCopyright law was changed in 2019.",
        "The port reopened.\n\nThe singer said all rights reserved by the label had lapsed.",
        "© 2024 Reuters",
        "The port reopened.\n\ncafÃ© x",
        "The port reopened.\n\nThe logo, marked ©, was on every crate the inspectors opened that week at the port.",
    ],
    anchors=_rights_anchors,
)
def rights_notice(doc):
    """What: one of the last lines of a document that is a rights notice: "© dpa",
    "Reproduction reserved © Copyright ANSA", "Tous droits réservés". Why: the page footer.
    Near misses: "Copyright law ...", a sentence that mentions rights, a © inside a long
    sentence, a document that is only the notice. Fix: the line goes (0.9)."""
    rows = _nonblank(doc)
    for i in rows[-TAIL_RIGHTS_LINES:]:
        if _is_rights_line(doc.lines[i].text.strip()):
            span = _own_line_span(doc, i)
            if span:
                yield Hit(*span, "rights notice", "")


# -- BLP013 labelled topic-tag list at the end --------------------------------------------------

MAX_TAG_WORDS = 4  # a tag is a name or a short topic ("Local elections")


@lru_cache(maxsize=None)
def _tags_re():
    return regex.compile(rf"^(?P<label>{_words_alt('tags')})[ \t]*:[ \t]*(?P<rest>\S.*)$", regex.I)


def _is_tag_line(text: str) -> bool:
    """'Tags: Floods, Valencia, Climate': a tag label, a colon, then two or more short items
    separated by , ; | • · / (or one item), none of them a sentence."""
    m = _tags_re().match(text)
    if not m or not _capitalised(m.group("label")) or any(q in text for q in QUOTE_MARKS):
        return False
    items = [t.strip() for t in regex.split(r"[,;|•·/]", m.group("rest"))]
    return all(1 <= _n_words(t) <= MAX_TAG_WORDS and not regex.search(r"[.!?:]$", t) for t in items)


@rule(
    "BLP013",
    "boilerplate",
    "labelled topic-tag list at the end of a document ('Tags: Floods, Valencia, Climate')",
    confidence=0.85,
    langs=ALL_TARGETS,
    bad=[
        ("The river fell overnight.\n\nTopics: Floods, Weather, Zaragoza", "The river fell overnight."),
        ("Le fleuve a baissé.\n\nMots-clés : Crues • Météo • Seine\n", "Le fleuve a baissé.\n"),
        ("Der Pegel sank.\n\nThemen: Hochwasser | Rhein | Köln", "Der Pegel sank."),
    ],
    good=[
        "The river fell overnight.\n\nTopics: the minister did not say which ones she meant.",
        "Topics: Floods, Weather",
        "The river fell overnight.\n\nTags: these are the words readers search for most, she said",
    ],
    anchors=lambda: [a for t in _furniture("tags") for a in (t + ":", t + " :")],
)
def tag_list(doc):
    """What: one of the last lines of a document that is a labelled list of topic tags
    ("Topics: Floods, Weather", "Themen: Hochwasser | Rhein", "Mots-clés : ..."). Why: the
    page's keyword links, not article text. Near misses: the label followed by a sentence,
    an item longer than MAX_TAG_WORDS words, a document that is only the list. An unlabelled
    tag line ("Municipal elections 2026 Utrecht Local parties") has no signal that tells it
    from a last headline-like line, and is left alone. Fix: the line goes (0.85)."""
    for i in _nonblank(doc)[-TAIL_RIGHTS_LINES:]:
        if _is_tag_line(doc.lines[i].text.strip()):
            span = _own_line_span(doc, i)
            if span:
                yield Hit(*span, "topic-tag list", "")


# -- BLP014 unlabelled topic-tag line at the end (reported, not fixed) ---------------------------

TAG_LINE_CONFIDENCE = 0.6  # no label says what the line is: reported for a person, not deleted
_TAG_LINE_PUNCT = regex.compile(r"[^\p{L}\p{N}\s'’-]")


@lru_cache(maxsize=None)
def _function_words() -> frozenset:
    """Articles, prepositions, conjunctions and auxiliaries of the target languages (the
    furniture lexicon's prep, article and agency_join rows): a headline or a sentence has
    them, a list of topic tags has none."""
    return frozenset(w.casefold() for k in ("prep", "article", "agency_join") for p in _furniture(k) for w in p.split())


def _tag_line_like(text: str) -> bool:
    """4 to 10 words, no punctuation, no function word, opening with a capital and with two
    or more capitalised words: 'Municipal elections 2026 Utrecht Local parties'."""
    if len(text) > 120 or _TAG_LINE_PUNCT.search(text):
        return False
    words = text.split()
    if not 4 <= len(words) <= 10 or not words[0][0].isupper() or text.isupper():
        return False
    fw = _function_words()
    if any(w.casefold() in fw for w in words):
        return False
    return sum(w[0].isupper() for w in words) >= 2


def _may_end_in_tag_line(doc) -> bool:
    """The last non-blank line is tag-like and another line comes before it. Its length is
    told from the last line break first, so that a closing paragraph is not copied."""
    text = doc.text
    end = len(text)
    while end and text[end - 1].isspace():
        end -= 1
    cut = text.rfind("\n", 0, end)
    if cut < 0 or end - cut > 121:
        return False  # one line, or a last line longer than a tag line
    tail = _tail_lines(text, 2)
    return len(tail) == 2 and _tag_line_like(tail[0].strip())


@rule(
    "BLP014",
    "boilerplate",
    "line of topic tags at the end of a document, without a label (reported, not fixed)",
    confidence=TAG_LINE_CONFIDENCE,
    langs=ALL_TARGETS,
    bad=[
        ("The dikes held overnight despite record water levels, the water board said.\n\nFloods 2026 Limburg Water boards",
         "The dikes held overnight despite record water levels, the water board said."),
        ("Die Deiche hielten in der Nacht, teilte der Wasserverband mit.\n\nHochwasser 2026 Rheinland Deiche Pegel",
         "Die Deiche hielten in der Nacht, teilte der Wasserverband mit."),
    ],
    good=[
        "The dikes held overnight.\n\nStorm closes the ports in the north",
        "The dikes held overnight.\n\nAFP AND EFE REPORTING",
        "The dikes held overnight.\n\nJane Doe Amsterdam",
        "Floods hit Limburg\n\nMore Floods 2026 Limburg Water",
        "The dikes held overnight.\n\nFloods, Limburg, Water boards, 2026.",
    ],
    gate=_may_end_in_tag_line,
)
def unlabelled_tag_line(doc):
    """What: the last line of a document, after a paragraph of prose, that is a run of topic
    tags with no label ("Municipal elections 2026 Utrecht Local parties"): short, no
    punctuation, no article, preposition or conjunction in any target language, several
    capitalised words. Why: the page's tag links, flattened. Near misses: a last headline
    or sentence (it has function words or punctuation), a signature of two or three words,
    an all-capitals credit line, a document whose line before it is not prose. Fix: none
    applied by default (TAG_LINE_CONFIDENCE < 0.8): a headline made only of nouns and
    names ("Rutte wins Utrecht landslide") has the same shape; `detect` reports it and
    a person (or --min-confidence) decides."""
    rows = _nonblank(doc)
    if len(rows) < 2:
        return
    prev = doc.lines[rows[-2]].text.strip()
    if not (prev.endswith((".", "!", "?", "\"", "”", "»", ")")) or _n_words_upto(prev, 13) > 12):
        return  # the line before is not a paragraph: maybe this is a list of headlines
    if _tag_line_like(doc.lines[rows[-1]].text.strip()):
        span = _own_line_span(doc, rows[-1])
        if span:
            yield Hit(*span, "topic tags after the article", "")


# -- BLP015 a short line of page furniture in another language ---------------------------------

# Latin-script languages with a wordfreq list whose sites' furniture MT carries into English
_LINE_LANGS = ("fr", "es", "de", "it", "pt", "nl", "ca", "ro", "pl", "cs", "sk", "hu",
               "sv", "da", "nb", "fi", "sl", "tr")
FOREIGN_LINE_MAX_WORDS = 8
FOREIGN_WORD_MIN = 3.0  # a foreign word: one language has it commonly (zipf) ...
FOREIGN_WORD_ENGLISH_MAX = 2.0  # ... and English hardly has it ...
FOREIGN_WORD_GAP = 2.5  # ... or has it far less ("na", "și")
FOREIGN_STRONG_ENGLISH_MAX = 1.0  # a word English lacks ...
FOREIGN_STRONG_MIN = 3.5  # ... and the other language uses commonly
FOREIGN_LINE_SHARE = 0.6  # of the line's words
_LABEL = regex.compile(r"^([^:\n]{1,30}):[ \t]+\S")
_LETTERS = regex.compile(r"\p{L}[\p{L}\p{M}]*")
_NON_LATIN = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Greek}\p{Cyrillic}\p{Arabic}\p{Hebrew}\p{Thai}]")


def _zipfs(word: str) -> tuple[float, float, str]:
    """(English zipf, best zipf in _LINE_LANGS, that language) of a word."""
    w = word.lower().translate(CEDILLA_TO_COMMA)  # (Romanian in legacy fonts)
    en = _zipf(w, "en")
    best, lang = _best_line_language(w) if en < 4.5 else (0.0, "")
    return en, best, lang


@lru_cache(maxsize=1 << 16)
def _best_line_language(w: str) -> tuple[float, str]:
    """max((small_list_zipf(w, l), l) for l in _LINE_LANGS), read from an SQLite copy of the
    answer for every word of those 18 small lists (knowledge/keyed_store.py, never loaded
    whole: 18 lists hold 55 MB); a word in none of them has 0.0 in each, so the last
    language. The copy is worked out once per wordfreq version (tests/test_boilerplate.py
    compares it with the lists)."""
    found = _line_language_store().get_many((w,)).get(w)
    return found if found is not None else (0.0, max(_LINE_LANGS))


@lru_cache(maxsize=None)
def _line_language_store():
    from importlib import metadata

    from ..corpora import cache_dir
    from ..knowledge.keyed_store import KeyedStore

    key = "-".join(_LINE_LANGS)
    path = cache_dir() / f"blp015-languages-wordfreq{metadata.version('wordfreq')}-{key}.sqlite"
    return KeyedStore(path, _build_line_languages, load_after=float("inf"), register=False)


def _build_line_languages() -> dict:
    from wordfreq import get_frequency_dict

    from ..lexicon import small_list_zipf

    words = {w for lang in _LINE_LANGS for w in get_frequency_dict(lang, "small")}
    return {w: max((small_list_zipf(w, l), l) for l in _LINE_LANGS) for w in words}


def _is_foreign_word(word: str, strong: bool = False) -> bool:
    """A word of another script, or common in one Latin-script language (wordfreq) and rare
    in English or far rarer there ("na", "şi"); `strong`: absent from English ("artikeln")."""
    if _NON_LATIN.search(word):
        return True
    en, best, _ = _zipfs(word)
    if strong:
        return en < FOREIGN_STRONG_ENGLISH_MAX and best >= FOREIGN_STRONG_MIN
    return best >= FOREIGN_WORD_MIN and (en < FOREIGN_WORD_ENGLISH_MAX or best - en >= FOREIGN_WORD_GAP)


def _foreign_line(line: str) -> bool:
    """Is this short line (a button, a label, a 'read also' link) in another language?"""
    m = _LABEL.match(line)
    if m is not None:  # "Citește și: <title>", "関連記事: <title>": the label decides
        label = _LETTERS.findall(m.group(1))
        if label and len(label) <= 3 and all(_is_foreign_word(w) for w in label) \
                and any(_is_foreign_word(w, strong=True) for w in label):
            return True
    words = _LETTERS.findall(line)
    if not 2 <= len(words) <= FOREIGN_LINE_MAX_WORDS or line.rstrip().endswith((".", "!", "?")):
        return False
    foreign = [i for i, w in enumerate(words) if _is_foreign_word(w)]
    if len(foreign) < 2 or len(foreign) < FOREIGN_LINE_SHARE * len(words):
        return False
    lower = [i for i in foreign if words[i].islower()]
    # a word English lacks, in lower case (or opening the line beside a lower-case foreign
    # word): a run of capitalised names is not furniture
    return any(_is_foreign_word(words[i], strong=True) and (words[i].islower() or (i == 0 and lower))
               for i in foreign)


@rule(
    "BLP015",
    "boilerplate",
    "a short line of another language's page furniture left in English text ('Dela artikeln', "
    "'Sdílet na Facebooku', 'Citește și: ...'): wordfreq knows its words there, English does not",
    confidence=0.75,
    langs=("en",),
    bad=[
        ("The port reopened.\n\nDela artikeln\n\nShips waited.", "The port reopened.\n\nShips waited."),
        ("The port reopened.\n\nCzytaj także: Rolnicy protestują w całym kraju\n\nShips waited.",
         "The port reopened.\n\nShips waited."),
        ("The port reopened.\n\n関連記事: Storm hits the north\n\nShips waited.", "The port reopened.\n\nShips waited."),
    ],
    good=[
        "The port reopened.\n\nJean-Pierre Dupont\n\nShips waited.",
        "The port reopened.\n\nNote: Ships waited offshore\n\nMore later.",
        "The port reopened.\n\nReal Madrid 2 Barcelona 1\n\nShips waited.",
        "The port reopened.\n\nPer capita income rose.\n\nShips waited.",
        "Kraków: Wawel reopens\n\nThe castle reopened on Monday after repairs.",
    ],
)
def foreign_furniture_line(doc):
    """What: a line of its own, of two to eight words, most of them (60%) words that one of
    18 Latin-script languages has commonly (wordfreq, zipf 3+) and English hardly has (zipf
    < 2, or 2.5 lower), one of them absent from English (zipf < 1) and in lower case or
    opening the line (so not a run of names), with no final stop;
    or a line whose label before a colon is in another language or script ("Citește și:",
    "関連記事:"). Why: the source site's buttons, ad labels and "read also" links,
    carried along by the translation. Near misses: names (capitalised: "Jean-Pierre
    Dupont"), English labels ("Note:"), a sentence (it ends with a stop; UNT003 reads
    those), a label that is a place name English also writes ("Kraków:"). Fix: none applied
    (0.75): the line could be a quoted title; `detect` reports it."""
    rows = _nonblank(doc)
    if len(rows) < 2:
        return
    for i in rows:
        line = doc.lines[i].text.strip()
        if len(line) > 120 or any(q in line for q in QUOTE_MARKS) or not _foreign_line(line):
            continue
        span = _own_line_span(doc, i)
        if span:
            yield Hit(*span, "a line of page furniture in another language", "")
