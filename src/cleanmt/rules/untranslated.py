"""Untranslated source-language material left in English text.

Three shapes, from safest to most speculative: honorific abbreviations
("MM. Putin and Tokayev"), bracketed section labels of the source site
("[Décryptage]"), and whole clauses still in the source language.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import Optional

import regex

from ..frequency import zipf
from ..lexicon import load_tsv, small_list_zipf
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


def _is_list_marker(text: str, pos: int) -> bool:
    """"M." opening a line of a list lettered "L.", "M.", "N." ... is not an honorific."""
    line_start = text.rfind("\n", 0, pos) + 1
    if text[line_start:pos].strip():
        return False
    return sum(1 for _ in _LIST_MARKER.finditer(text)) >= 3


def _is_initial(text: str, m: regex.Match) -> bool:
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
    if _is_list_marker(text, m.start()):
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
    for m in _honorific_re().finditer(doc.text):
        form, name = m.group("form"), m.group("name")
        row = honorifics()[form]
        if _is_initial(doc.text, m):
            continue
        evidence = row["fix"] in ("evidence", "evidence_only") and _has_evidence(doc, form, row["lang"], name)
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
    i = text.find("[")
    while i >= 0:
        if _LABEL_END.match(text, i) or _LABEL_START.match(text, text.rfind("\n", 0, i) + 1):
            return True
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


def _wordfreq_language(words: list[str]) -> Optional[str]:
    """The foreign language most words favour, if they clearly do (cheap pre-filter).

    Only lower-case words vote: capitalised ones are mostly names, which say
    nothing about the language of the clause around them."""
    words = [w for w in words if w[:1].islower() and (len(w) > 1 or w == "à")]
    if len(words) < MIN_WORDS - 1:
        return None
    votes = {L: 0 for L in FOREIGN_LANGS}
    english = 0
    for w in words:
        en, other = _zipfs(w.lower())
        best = max(other, key=other.get)
        if other[best] >= 3.0 and other[best] - en >= 1.0:
            votes[best] += 1
        elif en >= 3.0 and en >= other[best]:
            english += 1
    lang = max(votes, key=votes.get)
    n = len(words)
    if votes[lang] >= 3 and votes[lang] >= 0.5 * n and english <= 0.25 * n:
        return lang
    return None


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


@lru_cache(maxsize=None)
def _marker_words() -> tuple[str, ...]:
    """" word " for every marker word (data/foreign_markers.tsv)."""
    rows = load_tsv("foreign_markers.tsv", required=("word", "lang", "source"))
    return tuple(sorted({f" {row['word']} " for row in rows}))


@lru_cache(maxsize=None)
def _marker_automaton():
    import ahocorasick_rs

    return ahocorasick_rs.AhoCorasick(list(_marker_words()))


# _CLAUSE_DELIMITERS as they survive in scan text (where a line break reads as a space)
_SCAN_DELIMITER = re.compile(rb"[.!?;:()\[\]\"]|\xc2\xab|\xc2\xbb|\xe2\x80\x9c|\xe2\x80\x9d")


def _enough_markers(doc) -> bool:
    """MIN_MARKERS marker words with no clause delimiter between them, read off the
    prescan's hits in the scan text: _candidate_clauses examines no clause with fewer."""
    starts = doc.anchor_hits[0].get("UNT003", ())
    if len(starts) < MIN_MARKERS:
        return False
    scan = doc.scan_utf8  # the hits are byte offsets
    starts = sorted(starts)
    return any(_SCAN_DELIMITER.search(scan, a, b) is None for a, b in zip(starts, starts[MIN_MARKERS - 1 :]))


def _candidate_clauses(text: str) -> list[tuple[int, int]]:
    """Spans of the clauses (runs between delimiters, as _CLAUSE matches them) that
    hold at least MIN_MARKERS marker words; one C-speed pass instead of a look at
    every clause. A clause needs three foreign-leaning words to be flagged, and two of
    them among a language's 300 commonest words is the norm ("los", "de", "la", ...),
    while English text rarely has two in one clause ("bin Laden", "per cent")."""
    lowered = " " + text.lower().replace("\n", " ").replace("\t", " ") + " "
    if len(lowered) != len(text) + 2:  # lower() changed a length: offsets would drift
        return [m.span() for m in _CLAUSE.finditer(text)]
    # a match starts at the space before the word: in `text`, the word's offset (the pad shifts by one)
    positions = [start for _, start, _ in _marker_automaton().find_matches_as_indexes(lowered, overlapping=True)]
    if len(positions) < MIN_MARKERS:
        return []
    # the clause around each marker: between the nearest delimiters on either side
    delimiters = [m.start() for m in _DELIMITER.finditer(text)]
    counts: dict[tuple[int, int], int] = {}
    for pos in positions:  # pos: the word's offset in `text` (the pad shifts by one)
        k = bisect_left(delimiters, pos)
        start = delimiters[k - 1] + 1 if k else 0
        stop = delimiters[k] if k < len(delimiters) else len(text)
        if stop > start:
            counts[(start, stop)] = counts.get((start, stop), 0) + 1
    return sorted(span for span, n in counts.items() if n >= MIN_MARKERS)


def _foreign_clauses(doc):
    for start, end in _candidate_clauses(doc.text):
        m = _CLAUSE.match(doc.text, start, end)
        if m is None:
            continue
        words = _WORD.findall(m.group())
        if len(words) < MIN_WORDS:
            continue
        if sum(w[0].isupper() for w in words) > 0.6 * len(words):
            continue  # a title or a run of names
        clause = m.group()
        letters = sum(map(str.isalpha, clause)) + sum(map(str.isspace, clause))  # no character is both
        if letters < 0.9 * len(clause):
            continue  # code, markup, addresses
        lang = _wordfreq_language(words)
        if lang is None:
            continue
        before = doc.text[:m.start()].rstrip(" \t")
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
