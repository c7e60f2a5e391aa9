"""Untranslated source-language material left in English text.

Three shapes, from safest to most speculative: honorific abbreviations
("MM. Putin and Tokayev"), bracketed section labels of the source site
("[Décryptage]"), and whole clauses still in the source language.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice
from typing import Optional

import regex

from ..frequency import zipf
from ..lexicon import load_tsv, small_list_zipf
from ..prescan import _SPACES, normalise_anchor
from ..registry import rule
from ..types import Hit

NAME = r"(?-i:\p{Lu}[\p{L}\p{M}'’-]+)"

# --------------------------------------------------------------------------
# UNT001 honorifics


@lru_cache(maxsize=None)
def honorifics() -> dict[str, dict]:
    rows = load_tsv("honorifics.tsv", required=("form", "lang", "expands_to", "fix", "source"))
    return {r["form"]: r for r in rows}


@lru_cache(maxsize=None)
def _honorific_re() -> regex.Pattern:
    forms = sorted(honorifics(), key=len, reverse=True)
    alts = "|".join(regex.escape(f) for f in forms)
    # the form, not glued to a preceding word or initial, then a capitalised name
    return regex.compile(
        r"(?<![\p{L}\p{N}.])(?P<form>" + alts + r")(?![\p{L}])[ \t]+(?P<name>" + NAME + r")"
    )


_ENGLISH_TITLE = r"(?:Mr|Mrs|Ms|Messrs|Dr|Prof|Sir)\.?"
_INITIAL_BEFORE = regex.compile(r"(?-i:\p{Lu})\.[ \t]*$")
_LAST_TOKEN = regex.compile(r"(?P<tok>\S+)[ \t]+$")
_OPENERS = "([{“\"‘«*_"
_SENTENCE_END = (".", "!", "?", ":", "”", '"', "»")
# capitalised words that start an English sentence before an honorific ("Then M. X said")
_FUNCTION_WORDS = frozenset("""
a an the and but or nor so yet then when while after before since until as if though although
because for with without within in on at by from to of into onto over under against between among
meanwhile however yesterday today tomorrow also later earlier now here there thus where whereas
both either neither only even like unlike according said says told during despite
""".split())


_LIST_MARKER = regex.compile(r"^[ \t]*(?-i:\p{Lu})\.[ \t]", regex.M)


def _is_list_marker(text: str, pos: int, memo: Optional[dict] = None) -> bool:
    """"M." opening a line of a list lettered "L.", "M.", "N." ... is not an honorific.
    `memo`: one dict per document, so the whole text is counted once, not once per "M."."""
    i = pos  # back over the blanks only (rfind to the line's start is quadratic on one long line)
    while i > 0 and text[i - 1] != "\n" and text[i - 1].isspace():
        i -= 1
    if i > 0 and text[i - 1] != "\n":
        return False
    memo = {} if memo is None else memo
    if "lettered" not in memo:
        memo["lettered"] = sum(1 for _ in islice(_LIST_MARKER.finditer(text), 3)) >= 3
    return memo["lettered"]


def _is_initial(text: str, m: regex.Match, memo: Optional[dict] = None) -> bool:
    """Is the form an initial inside a name ("J. M. Coetzee", "Sarah M. Jones",
    "(Lucio M. Tato)", "M. Night Shyamalan") rather than an honorific?"""
    before = text[max(0, m.start() - 60) : m.start()]
    if _INITIAL_BEFORE.search(before):
        return True
    last = _LAST_TOKEN.search(before)
    if last:
        raw = last.group("tok")
        word = raw.lstrip(_OPENERS)
        if word[:1].isupper() and regex.fullmatch(r"[\p{L}'’-]+", word):
            ahead = before[: last.start()].rstrip(" \t")
            sentence_start = raw == word and (ahead == "" or ahead.endswith(("\n",) + _SENTENCE_END))
            if not sentence_start or word.lower() not in _FUNCTION_WORDS:
                return True  # a capitalised word that is not a function word: a first name
    if _is_list_marker(text, m.start(), memo):
        return True
    after = text[m.end("name") : m.end("name") + 40]
    if m.group("form") == "M." and regex.match(r"[ \t]+(?-i:\p{Lu}\p{L}+)", after):
        return True  # an initial before a two-word name
    return False


def _uses_dotted_titles(text: str) -> bool:
    dotted = len(regex.findall(r"\b(?:Mr|Mrs|Ms)\.[ \t]", text))
    plain = len(regex.findall(r"\b(?:Mr|Mrs|Ms)[ \t]+\p{Lu}", text))
    return dotted >= plain


def _has_evidence(doc, form: str, lang: str, name: str) -> bool:
    """Does the document show that `form` is the honorific, not an initial?"""
    if regex.search(r"\b" + _ENGLISH_TITLE + r"[ \t]+" + regex.escape(name) + r"\b", doc.text):
        return True
    for other, row in honorifics().items():
        if other != form and row["lang"] == lang and row["fix"] != "never":
            pat = r"(?<![\p{L}\p{N}.])" + regex.escape(other) + r"(?![\p{L}])[ \t]+" + NAME
            if regex.search(pat, doc.text):
                return True
    return False


@rule(
    "UNT001",
    "untranslated",
    "source-language honorific before a name (M., MM., Mme, Mlle, Sr., Sra.)",
    confidence=0.85,
    bad=[
        ("MM. Sarkozy and Chirac met on Monday.", "Messrs. Sarkozy and Chirac met on Monday."),
        ("Mr Durand spoke first. Then M. Durand left.", "Mr Durand spoke first. Then Mr Durand left."),
        ("The lawyer of Mme Lefebvre appealed.", None),
        ("M. Garnier declined to answer.", None),
    ],
    good=[
        "Mr. Tokayev spoke on Friday.",
        "The novelist J. M. Coetzee won the prize.",
        "Sarah M. Jones chairs the panel.",
        "Directed by M. Night Shyamalan, the film opened.",
        "John Smith Sr. Stadium is full.",
        "Sr. Mary taught at the school.",
    ],
    # _honorific_re: the form (case-sensitive), then blanks and a name
    exact_anchors=lambda: [f + b for f in honorifics() for b in " \t"],
)
def foreign_honorific(doc):
    dotted: Optional[bool] = None
    memo: dict = {}  # this document's facts, each worked out once (linear time however many names)
    for m in _honorific_re().finditer(doc.text):
        form, name = m.group("form"), m.group("name")
        row = honorifics()[form]
        if _is_initial(doc.text, m, memo):
            continue
        evidence = row["fix"] in ("evidence", "evidence_only") and (
            memo[form, name] if (form, name) in memo
            else memo.setdefault((form, name), _has_evidence(doc, form, row["lang"], name)))
        if row["fix"] == "evidence_only" and not evidence:
            continue  # the form is also English ("Sr." Senior/Sister, "Fr." Father)
        certain = row["fix"] == "always" or evidence
        replacement = None
        if certain and row.get("english"):
            if dotted is None:
                dotted = _uses_dotted_titles(doc.text)
            replacement = row["english"] if dotted else row["english_plain"]
        yield Hit(
            m.start("form"),
            m.end("form"),
            f"untranslated honorific {form!r} ({row['lang']} {row['expands_to']})",
            replacement,
            0.85 if replacement else 0.5,
        )


# --------------------------------------------------------------------------
# UNT002 bracketed section labels


@lru_cache(maxsize=None)
def section_labels() -> dict[str, dict]:
    rows = load_tsv("section_labels.tsv", required=("label", "lang", "meaning", "source"))
    return {r["label"].casefold(): r for r in rows}


# a bracketed label at the end of a line (with the blanks before it) or at its start
# (with the blanks after it); "€" may stand for "E" (mojibake seen in scraped labels)
_LABEL_END = regex.compile(r"[ \t]*\[(?P<label>[\p{L}€][\p{L}€ ]{0,24})\][ \t]*$", regex.M)
_LABEL_START = regex.compile(r"^[ \t]*\[(?P<label>[\p{L}€][\p{L}€ ]{0,24})\][ \t]*(?=\S)", regex.M)


def _may_have_label(doc) -> bool:
    """Necessary condition of UNT002 (the anchor "[" occurs in ~6% of news articles,
    mostly mid-sentence: "[the]", "[sic]"): some "[" where _LABEL_END or _LABEL_START
    matches. Each pattern's "[" follows only blanks, so a match exists iff one matches
    at a "[" (_LABEL_END: from the "[" itself, its leading blanks being optional) or at
    the start of the line that holds it (_LABEL_START)."""
    text = doc.text
    line_start, seen, tried = 0, 0, -1  # the line start found by looking back only to the last "["
    i = text.find("[")
    while i >= 0:
        nl = text.rfind("\n", seen, i)
        line_start, seen = (nl + 1 if nl != -1 else line_start), i
        if _LABEL_END.match(text, i):
            return True
        if line_start != tried:  # once per line, not once per "[" of it
            if _LABEL_START.match(text, line_start):
                return True
            tried = line_start
        i = text.find("[", i + 1)
    return False


def _foreign_word(word: str) -> Optional[str]:
    """The language (fr/es/...) a single word belongs to where English lacks it."""
    w = word.lower()
    if zipf(w, "en") >= 2.0:
        return None
    best = max(FOREIGN_LANGS, key=lambda L: small_list_zipf(w, L))
    return best if small_list_zipf(w, best) >= 3.0 else None


@rule(
    "UNT002",
    "untranslated",
    "source-site section label in brackets at the start or end of a line ([Décryptage], [Entretien])",
    confidence=0.9,
    bad=[
        ("Can the ceasefire hold? [Décryptage]\nBody.", "Can the ceasefire hold?\nBody."),
        ("[Entrevista] The mayor on water prices\n", "The mayor on water prices\n"),
        ("Read also: A farmer's view [Témoignage]", "Read also: A farmer's view"),
        ("Ten years later [Rétrospective]\n", None),
    ],
    good=[
        "The clip [Video] went viral.\n",
        "He said [sic] that it was over.",
        "Results [edited]\n",
        "The committee [Reuters]\n",
    ],
    exact_anchors=["["],  # a label in brackets
    gate=_may_have_label,
)
def bracketed_label(doc):
    for pat in (_LABEL_END, _LABEL_START):
        for m in pat.finditer(doc.text):
            label = m.group("label").strip()
            row = section_labels().get(label.replace("€", "E").casefold())
            if row is not None:
                yield Hit(m.start(), m.end(), f"untranslated section label [{label}] ({row['lang']}: {row['meaning']})", "", 0.9)
                continue
            if " " in label or "€" in label or label[:1].islower():
                continue
            lang = _foreign_word(label)
            if lang:
                yield Hit(m.start(), m.end(), f"bracketed label [{label}] looks {lang}, not English", None, 0.5)


# --------------------------------------------------------------------------
# UNT003 clauses in another language

FOREIGN_LANGS = ("fr", "es", "de", "it", "pt", "nl")
MIN_WORDS = 4
MIN_MARKERS = 2  # marker words (data/foreign_markers.tsv) a clause needs to be examined
_CLAUSE = regex.compile(r"[^.!?;:\n«»“”\"()\[\]]+")
_WORD = regex.compile(r"\p{L}[\p{L}\p{M}'’]*")
QUOTE_OPEN = "«“\"‘"


@lru_cache(maxsize=65536)
def _zipfs(word: str) -> tuple[float, dict[str, float]]:
    return zipf(word, "en"), {L: small_list_zipf(word, L) for L in FOREIGN_LANGS}


@lru_cache(maxsize=65536)
def _vote(word: str) -> Optional[str]:
    """How a lower-case word votes in _wordfreq_language: the foreign language it clearly
    favours, "en" where it counts as English, None where it counts for neither."""
    en, other = _zipfs(word)
    best = max(other, key=other.get)
    if other[best] >= 3.0 and other[best] - en >= 1.0:
        return best
    if en >= 3.0 and en >= other[best]:
        return "en"
    return None


def _voters(words: list[str]) -> list[str]:
    """The words that vote in _wordfreq_language: lower-case ones, not one letter but "à"."""
    return [w for w in words if w[:1].islower() and (len(w) > 1 or w == "à")]


def _wordfreq_language(words: list[str]) -> Optional[str]:
    """The foreign language most words favour, if they clearly do (cheap pre-filter).

    Only lower-case words vote: capitalised ones are mostly names, which say
    nothing about the language of the clause around them."""
    words = _voters(words)
    n = len(words)
    if n < MIN_WORDS - 1:
        return None
    votes = list(map(_vote, map(str.lower, words)))
    if votes.count("en") > 0.25 * n:
        return None
    counts = {L: votes.count(L) for L in FOREIGN_LANGS}
    lang = max(counts, key=counts.get)
    if counts[lang] >= 3 and counts[lang] >= 0.5 * n:
        return lang
    return None


# some of the commonest English words (those _vote counts as English make _english_words)
_COMMON_ENGLISH = """
the of and to that for it was on with he as at by from his have has said be are were they their who
will been had not but which this its would more after about also there than up out into one two new
year years last says say could other people when them some what her she our can all government only
first against if now or before being very because may just under while those these such most then him
between where since police during three told state president
""".split()


@lru_cache(maxsize=None)
def _english_words() -> frozenset[str]:
    """Words that each, written so (lower-case), vote English in _wordfreq_language."""
    return frozenset(w for w in _COMMON_ENGLISH if w.islower() and len(w) > 1 and _vote(w) == "en")


def _langdetect(text: str) -> tuple[str, float]:
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0  # langdetect is random unless seeded
    try:
        best = detect_langs(text)[0]
    except LangDetectException:
        return "", 0.0
    return best.lang, best.prob


_CLAUSE_DELIMITERS = ".!?;:\n«»“”\"()[]"
_DELIMITER = re.compile("[" + re.escape(_CLAUSE_DELIMITERS) + "]")
# the text up to and including its last delimiter (greedy, then backs off to one)
_LAST_DELIMITER = re.compile("(?s:.*)[" + re.escape(_CLAUSE_DELIMITERS) + "]")
# every byte but an ASCII letter or an apostrophe, read as a space (_ascii_words)
_ASCII_NON_WORD = bytes(c if chr(c).isascii() and (chr(c).isalpha() or c == ord("'")) else ord(" ") for c in range(256))


def _ascii_words(clause: str) -> list[str]:
    """_WORD.findall(clause) for an ASCII clause, in C: in ASCII, \\p{L} is [A-Za-z] and
    no character is a mark, so the words are the runs of letters and apostrophes, each
    without the apostrophes that open it."""
    runs = clause.encode("ascii").translate(_ASCII_NON_WORD).decode("ascii")
    if runs[:1] != "'" and " '" not in runs:
        return runs.split()  # no run opens with an apostrophe
    return [w for w in (r.lstrip("'") for r in runs.split()) if w]


@lru_cache(maxsize=None)
def _marker_words() -> tuple[str, ...]:
    """" word " for every marker word (data/foreign_markers.tsv)."""
    rows = load_tsv("foreign_markers.tsv", required=("word", "lang", "source"))
    return tuple(sorted({f" {row['word']} " for row in rows}))


@lru_cache(maxsize=None)
def _marker_set() -> frozenset[str]:
    """The marker words themselves."""
    return frozenset(w.strip() for w in _marker_words())


@lru_cache(maxsize=None)
def _marker_automaton():
    import ahocorasick_rs

    return ahocorasick_rs.AhoCorasick(list(_marker_words()))


# _CLAUSE_DELIMITERS as they survive in scan text (where a line break reads as a space),
# in UTF-8: the ASCII ones, then « » “ ”; the first alone where the scan text is ASCII
_SCAN_ASCII_DELIMITER = re.compile(rb'[.!?;:()\[\]"]')
_SCAN_DELIMITER = re.compile(rb'[.!?;:()\[\]"]|\xc2[\xab\xbb]|\xe2\x80[\x9c\x9d]')


def _enough_markers(doc) -> bool:
    """MIN_MARKERS marker words with no clause delimiter between them, read off the
    prescan's hits in the scan text: _candidate_clauses examines no clause with fewer."""
    starts = doc.anchor_hits[0].get("UNT003", ())
    if len(starts) < MIN_MARKERS:
        return False
    scan = doc.scan_utf8  # the hits are byte offsets
    search = (_SCAN_ASCII_DELIMITER if scan.isascii() else _SCAN_DELIMITER).search
    starts = sorted(starts)
    for a, b in zip(starts, starts[MIN_MARKERS - 1 :]):
        if search(scan, a, b) is None:
            return True
    return False


def _candidate_clauses(text: str, positions: Optional[list[int]] = None) -> list[tuple[int, int]]:
    """Spans of the clauses (runs between delimiters, as _CLAUSE matches them) that
    hold at least MIN_MARKERS marker words; one C-speed pass instead of a look at
    every clause. A clause needs three foreign-leaning words to be flagged, and two of
    them among a language's 300 commonest words is the norm ("los", "de", "la", ...),
    while English text rarely has two in one clause ("bin Laden", "per cent").
    `positions`: the marker words' offsets in `text`, sorted, where already known
    (_prescan_positions)."""
    if positions is None:
        lowered = " " + text.lower().replace("\n", " ").replace("\t", " ") + " "
        if len(lowered) != len(text) + 2:  # lower() changed a length: offsets would drift
            return [m.span() for m in _CLAUSE.finditer(text)]
        # a match starts at the space before the word: in `text`, the word's offset (the pad
        # shifts by one), a letter, so never a delimiter
        positions = sorted(start for _, start, _ in _marker_automaton().find_matches_as_indexes(lowered, overlapping=True))
    if len(positions) < MIN_MARKERS:
        return []
    # markers in one clause are neighbours in `positions` with no delimiter between them;
    # the clause runs from the last delimiter before its first marker to the next after its last
    spans = []
    first = 0
    for k in range(1, len(positions) + 1):
        if k < len(positions) and _DELIMITER.search(text, positions[k - 1], positions[k]) is None:
            continue  # positions[k] is in the clause of positions[first]
        if k - first >= MIN_MARKERS:
            before = _LAST_DELIMITER.match(text, 0, positions[first])
            after = _DELIMITER.search(text, positions[k - 1])
            spans.append((before.end() if before else 0, after.start() if after else len(text)))
        first = k
    return spans


@lru_cache(maxsize=None)
def _markers_are_scan_text() -> bool:
    """Is every marker word its own anchor (prescan.normalise_anchor leaves it as is)?"""
    return all(normalise_anchor(w) == w for w in _marker_words())


def _unsqueezed(blanks: str, offsets: list[int]) -> tuple[list[int], int]:
    """Offsets of words in the scan text (less its pad) made offsets in `blanks`, the text
    with every character that scan text reads as a space written as one, runs unsqueezed;
    and how many spaces squeezing takes out of `blanks` in all."""
    positions = []
    squeezed = 0  # spaces squeezed out of the runs before the current word
    run = blanks.find("  ")
    for h in offsets + [len(blanks)]:  # (the end: every run)
        # runs whose kept space comes before the word (at h in the squeezed text)
        while run >= 0 and run - squeezed < h:
            end = run + 2
            while end < len(blanks) and blanks[end] == " ":
                end += 1
            squeezed += end - run - 1
            run = blanks.find("  ", end)
        positions.append(h + squeezed)
    return positions[:-1], squeezed


_TEXT_BLANK = re.compile("[ \n\t]")  # what `lowered` in _candidate_clauses reads as a space


def _prescan_positions(doc) -> Optional[list[int]]:
    """The marker words' offsets in doc.text, read off the prescan's hits: the offsets
    _candidate_clauses's own marker pass would find, or None where they cannot be told.

    A hit is the space before a word in the scan text: the text case-folded, a few more
    blanks read as spaces, runs of spaces squeezed to one, a space added at each end.
    Where case-folding changes no length (no "İ" or combining dot, which scan text
    rejoins, and the lengths agree), the scan text's characters are the text's, the
    squeezed runs aside (_unsqueezed), and its UTF-8 offsets give character offsets.
    Its hits then cover every word that `lowered` in _candidate_clauses shows as a marker
    (case-folding and lower-casing agree on every character that lower-cases into a
    marker's letter: tests/test_untranslated_prefilter.py), and may show more (a marker
    beside a no-break space), which are dropped. In ASCII text the two read the same
    blanks and the same case: there is nothing to drop, and offsets are offsets."""
    text = doc.text
    if not _markers_are_scan_text():
        return None
    hits = sorted(doc.anchor_hits[0].get("UNT003", ()))
    if text.isascii():
        if len(doc.scan) == len(text) + 2:
            return hits  # nothing squeezed
        return _unsqueezed(text.replace("\n", " ").replace("\t", " "), hits)[0]
    if "\u0130" in text or "\u0307" in text:
        return None  # case-folding makes "i" and a combining dot, which scan text joins
    scan = doc.scan_utf8
    offsets, done, chars = [], 0, 0
    for h in hits:  # UTF-8 offsets to character offsets
        chars += len(scan[done:h].decode("utf-8"))
        done = h
        offsets.append(chars)
    blanks = text
    for c in _SPACES:
        if c in blanks:
            blanks = blanks.replace(c, " ")
    unsqueezed, squeezed = _unsqueezed(blanks, offsets)
    # no character case-folds to a blank, or from one: the runs of blanks are the text's,
    # and the scan text is longer than the text less what squeezing took by what case-folding added
    if len(doc.scan) - 2 != len(text) - squeezed:
        return None  # case-folding changed a length (and then lower() may have too)
    markers = _marker_set()
    positions = []
    for j in unsqueezed:
        if j and text[j - 1] not in " \n\t":
            continue  # after a blank `lowered` does not read as a space
        end = _TEXT_BLANK.search(text, j)
        if text[j : end.start() if end else len(text)].lower() in markers:
            positions.append(j)
    return positions


def _foreign_clauses(doc):
    text = doc.text
    for start, end in _candidate_clauses(text, _prescan_positions(doc)):
        clause = text[start:end]  # what _CLAUSE matches at `start`: no delimiter inside
        words = _ascii_words(clause) if clause.isascii() else _WORD.findall(clause)
        if len(words) < MIN_WORDS:
            continue
        if 4 * sum(map(_english_words().__contains__, words)) > len(words):
            continue  # over a quarter of the words, so of the voters, vote English: _wordfreq_language says None
        if sum(w[0].isupper() for w in words) > 0.6 * len(words):
            continue  # a title or a run of names
        lang = _wordfreq_language(words)
        if lang is None:
            continue
        m = _CLAUSE.match(text, start, end)
        if m is None:
            continue
        clause = m.group()
        letters = sum(map(str.isalpha, clause)) + sum(map(str.isspace, clause))  # no character is both
        if letters < 0.9 * len(clause):
            continue  # code, markup, addresses
        before = text[:m.start()].rstrip(" \t")
        quoted = before.endswith(tuple(QUOTE_OPEN))
        if quoted and len(words) < 8:
            continue  # a quoted title or motto
        detected, prob = _langdetect(m.group())
        if detected == lang and prob >= 0.9:
            yield m, lang, prob


@rule(
    "UNT003",
    "untranslated",
    "clause of four or more words in another language than the document's (langdetect + wordfreq)",
    confidence=0.4,
    bad=[
        ("The talks in Geneva ended late on Friday without a deal. Les négociations reprendront la semaine "
         "prochaine à Genève. Nobody from the delegations commented on the outcome.", None),
        ("Police said the main roads into the northern province were closed overnight; la policía cerró "
         "todas las carreteras del norte.", None),
    ],
    good=[
        "The soldiers took a pro bono approach, de facto and ad hoc.",
        "He visited the Musée du Louvre and the Champs-Élysées in Paris.",
        "The motto “Liberté, égalité, fraternité” is on every town hall.",
        "The talks ended late. Nobody commented on the outcome.",
    ],
    anchors=_marker_words,
    gate=_enough_markers,
)
def foreign_clause(doc):
    found = list(_foreign_clauses(doc))
    foreign_words = sum(len(_WORD.findall(m.group())) for m, _, _ in found)
    if not found:
        return
    # the rest of the document must be in its own language; if not, the whole text is
    # foreign (another problem) and its clauses are not "left untranslated"
    rest, pos = [], 0
    for m, _, _ in found:
        rest.append(doc.text[pos : m.start()])
        pos = m.end()
    rest.append(doc.text[pos:])
    rest_lang, _ = _langdetect(" ".join(rest))
    if foreign_words > 0.5 * max(1, doc.n_words) or rest_lang != doc.lang:
        return
    for m, lang, prob in found:
        text = m.group()
        start = m.start() + (len(text) - len(text.lstrip()))
        end = m.end() - (len(text) - len(text.rstrip()))
        yield Hit(start, end, f"clause in {lang} (langdetect p={prob:.2f}) left untranslated", None, 0.4)
