"""Spinner fingerprints: words of fixed expressions swapped for "synonyms".

The lexicon lives in data/spinner.tsv; each entry is a phrase that clean
English does not produce, with the phrase it was spun from. Entries are
either literal phrases or regex patterns (for optional words and for the
modal swaps in wire formulas such as "could not be independently verified").
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..lexicon import AnchorIndex, LexiconError, load_tsv
from ..registry import rule
from ..types import Hit

_LEFT = r"(?<![\p{L}\p{N}])"
_RIGHT = r"(?![\p{L}\p{N}])"


@dataclass(frozen=True)
class SpinEntry:
    kind: str
    pattern: str
    replacement: str
    confidence: float
    example: str

    @property
    def compiled(self) -> regex.Pattern:
        """The entry's regex, compiled on first use: a document rarely holds an entry's
        anchor, and compiling the whole lexicon up front cost every process ~0.1 s."""
        return compile_entry(self.kind, self.pattern)

    def fix(self, m: regex.Match) -> str:
        """The original phrase for match `m`, in the case the text used."""
        repl = m.expand(self.replacement) if self.kind == "regex" else self.replacement
        return match_case(m.group(), repl)


def match_case(original: str, replacement: str) -> str:
    """Follow the match's capitalisation: ALL CAPS, Capitalised or as written."""
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def match_case_words(original: str, replacement: str) -> str:
    """Follow the capitalisation word by word when both have as many words ("High
    College" -> "High School", "Cops officers" -> "Police officers"); otherwise as
    match_case does for the whole phrase."""
    got, want = original.split(), replacement.split()
    if len(got) != len(want) or len(got) < 2:
        return match_case(original, replacement)
    return " ".join(match_case(g, w) for g, w in zip(got, want))


def _spaces_match_runs(pattern: str) -> str:
    """Make each literal space of a regex (outside [...] classes) match a run of blanks."""
    out, in_class, escaped = [], False, False
    for ch in pattern:
        if escaped:
            out.append(ch)
            escaped = False
        elif ch == "\\":
            out.append(ch)
            escaped = True
        elif ch == "[":
            in_class = True
            out.append(ch)
        elif ch == "]":
            in_class = False
            out.append(ch)
        elif ch == " " and not in_class:
            out.append(r"[ \t]+")
        else:
            out.append(ch)
    return "".join(out)


@lru_cache(maxsize=None)
def compile_entry(kind: str, pattern: str) -> regex.Pattern:
    if kind == "phrase":
        body = r"[ \t]+".join(regex.escape(w) for w in pattern.split())
    elif kind == "regex":
        body = _spaces_match_runs(pattern)
    else:
        raise LexiconError(f"spinner.tsv: unknown kind {kind!r}")
    return regex.compile(_LEFT + "(?:" + body + ")" + _RIGHT, regex.I)


@lru_cache(maxsize=None)
def load_spinner_lexicon() -> tuple[SpinEntry, ...]:
    rows = load_tsv("spinner.tsv", required=("kind", "pattern", "replacement", "confidence", "source"))
    for r in rows:  # (the patterns compile on first use; tests compile every one)
        if r["kind"] not in ("phrase", "regex"):
            raise LexiconError(f"spinner.tsv: unknown kind {r['kind']!r}")
    return tuple(
        SpinEntry(
            kind=r["kind"],
            pattern=r["pattern"],
            replacement=r["replacement"],
            confidence=float(r["confidence"]),
            example=r.get("example") or r["pattern"],
        )
        for r in rows
    )


def _as_regex(e: SpinEntry) -> str:
    """The entry as a regex in which a space stands for a run of blanks."""
    return regex.escape(e.pattern, special_only=True, literal_spaces=True) if e.kind == "phrase" else e.pattern


@lru_cache(maxsize=None)
def _spinner_index() -> AnchorIndex:
    return AnchorIndex([_as_regex(e) for e in load_spinner_lexicon()])


def _spinner_anchors() -> list[str]:
    return _spinner_index().anchors()


@rule(
    "SPN001",
    "spinner",
    "phrase from the spinner lexicon (a word of a fixed expression swapped for a synonym)",
    confidence=0.95,
    bad=[
        ("Riots once morest the regime.", "Riots against the regime."),
        ("Once morest all odds, they won.", "Against all odds, they won."),
        ("The toll might not be independently confirmed.", "The toll could not be independently confirmed."),
        ("Police fired tear fuel at the crowd.", "Police fired tear gas at the crowd."),
    ],
    good=[
        "He tried once more, and won.",
        "Once more, the rain came.",
        "The result might not be what voters expect.",
        "He will call as soon as extra staff arrive.",
        "The White House said a white home was for sale.",
    ],
    anchors=_spinner_anchors,
)
def spinner_lexicon(doc):
    entries = load_spinner_lexicon()
    for i in _spinner_index().candidates(doc.scan):
        entry = entries[i]
        for m in entry.compiled.finditer(doc.text):
            original = entry.replacement if entry.kind == "phrase" else m.expand(entry.replacement)
            yield Hit(
                m.start(),
                m.end(),
                f"spinner fingerprint; the original phrase is {original!r}",
                entry.fix(m),
                entry.confidence,
            )


# SPN002: the margin (log10) past which a swap is reported, and the confidence scale.
# Calibrated on benchmarks/spinner_synthetic.py (see its table in the rule docstring).
MIN_GAIN = 1.5  # the original must make its trigram context this much likelier (log10)
_LOG10 = 23025.85  # pocketsphinx log units (base 1.0001) per factor of ten


def swap_confidence(score: float) -> float:
    """Confidence from the evidence score (index margin + context gain, log10): kept below
    the fix threshold (0.8), since a statistical swap is a suspicion, not a certainty."""
    return round(min(0.75, 0.45 + 0.03 * max(0.0, score - 5.0)), 2)


def context_confidence(odds: float) -> float:
    """Confidence of a single-word swap from its odds (log10, knowledge/context_swaps.py),
    below the fix threshold: even where nearly every finding is a swap, the neighbour
    the model prefers is the original word in only about four cases of five."""
    return round(min(0.7, 0.55 + 0.1 * max(0.0, odds - 3.5)), 2)


def _spun_document(doc) -> bool:
    """The cheap test: a spinner rewrites whole documents, so the statistical pass runs
    where the spinner lexicon's anchors occur (SPN002 declares SPN001's anchors, so the
    test holds whichever rules are selected), never over clean text, where a trigram
    check of every unusual pair would cost more than it finds."""
    return doc.anchored("SPN002")


@lru_cache(maxsize=4096)
def _swap_pattern(key: str) -> regex.Pattern:
    """The swap n-gram's two words, a run of blanks or a hyphen apart."""
    return regex.compile(_LEFT + r"(?:[ \t]+|-)".join(regex.escape(w) for w in key.split()) + _RIGHT, regex.I)


@rule(
    "SPN002",
    "spinner",
    "a word or a term of art swapped for a thesaurus neighbour (n-gram model, web bigram counts, Moby thesaurus)",
    confidence=0.6,
    bad=[
        ("Once morest the odds, the premier minister resigned.", "Once morest the odds, the prime minister resigned."),
        ("Once morest all forecasts, the focal bank cut rates.", "Once morest all forecasts, the central bank cut rates."),
        ("Once morest his wishes, he was taken to infirmary.", "Once morest his wishes, he was taken to hospital."),
        ("Once morest the odds, she went to high-college.", "Once morest the odds, she went to high-school."),
    ],
    good=[
        "Against the odds, the prime minister resigned.",
        "The premier minister resigned.",  # no spinner evidence in the document: not searched
        "He was taken to infirmary.",  # nor here
        "Once more, the Premier Minister of the province spoke.",  # capitalised: a title
        "Once morest the odds, he was taken to hospital.",
    ],
    anchors=_spinner_anchors,
)
def spinner_swap(doc):
    """Flags, in a document that shows other spinner evidence, (1) a bigram that no
    source has seen (the n-gram model, Google Web 1T and Books bigram lists) where a
    fixed term ("prime minister", "high school", "compensatory damages") with one word
    (or both) replaced by a Moby neighbour is a strong collocation, written with a space
    or as a hyphenated compound ("high-college"); after a modal, a noun that a verb's
    Moby list holds ("will charm" for "will appeal"); and (2) a single lower-case word
    in an unusual trigram whose Moby neighbour the model finds far likelier there
    (knowledge/context_swaps.py: the odds of a noisy channel, the trigram window's gain
    less log10 of the size of the neighbour's list, at least 10^3.5).

    Why: article spinners swap words for thesaurus entries without regard to terms of
    art or context; the corpora know the term and the model the context, and the
    thesaurus links the swapped word back.

    Example: "the premier minister said" -> "the prime minister said"; "taken to
    infirmary with injuries" -> "taken to hospital with injuries".

    Near misses: a capitalised pair (a name or title: "Premier Minister" as a title)
    or word is left alone; a pair the context does not confirm (the original term must
    make its trigram window at least 10^MIN_GAIN likelier) is left alone; a word the
    model pairs with its neighbour (PMI >= 10^0.5) is not tried. Without the document
    condition the pass is not for clean text: on lee (60k words) the terms make 5
    findings ("deputy envoy", "sharp weakening", "third duck", "northern winds",
    "suicide assaults") and the words 7 more (1.2 per 10k words at 3.5 odds; 7.6 at
    2.5: a writer's rarer word, "absconded" where the model wants "gone"): the
    condition keeps clean documents at 0.

    Fix safety: detection only (terms 0.45-0.75 from the score, margin + gain in log10;
    words 0.55-0.7 from the odds; never the 0.8 of `fix`: even where nearly every
    finding is a swap, the replacement is the original word in only four cases of
    five), with the neighbour or the term as the suggested replacement, in the case of
    the words it replaces. Its calibration, benchmarks/spinner_synthetic.py (WordNet
    swaps, 1 per 25 words, into lee's second half, 5 seeds pooled, 5,685 swaps;
    find_swaps, without the document condition; the word thresholds were set on lee's
    first half):

        kind  score     findings  right  precision   confidence  precision  restores  recall
        term  [5, 8)        8       8      1.00        >= 0.45      0.91      0.59    0.047
        term  [8, 10)      24      14      0.58        >= 0.55      0.91      0.62    0.045
        term  [10, 12)     24      24      1.00        >= 0.6       1.00      0.72    0.030
        term  >= 12         2       2      1.00        >= 0.65      1.00      0.80    0.019
        word  [3.5, 4)     88      72      0.82        >= 0.7       1.00      0.79    0.012
        word  >= 4        145     145      1.00
        all               291     265      0.91   (before the word check: 56, 46, 0.82, recall 0.008)

    The 10 wrong term findings are two clean pairs of lee ("northern winds", "suicide
    assaults"), once per seed; the wrong word findings are a writer's rarer word
    ("township" for city). On lee's first half the words at odds >= 4 are 0.96 right,
    so no band earns a fix.
    """
    if _spun_document(doc):  # the condition is the check's; the anchors only save its work
        yield from find_swaps(doc)


def find_swaps(doc):
    """SPN002's statistical pass on any document, spinner evidence or not (the synthetic
    benchmark measures the detector itself with it): the terms the swap index knows,
    then single words in context where no term was found."""
    from ..knowledge import context_swaps

    terms = list(_term_swaps(doc))
    yield from terms
    for start, end, word, original, odds in context_swaps.find(doc.text):
        if any(h.start < end and start < h.end for h in terms):
            continue
        yield Hit(
            start,
            end,
            f"spinner swap? the model finds {original!r} far likelier here (odds 10^{odds:.1f})",
            original,
            context_confidence(odds),
        )


def _term_swaps(doc):
    from ..knowledge import language_model, swap_index

    for key, (original, margin) in swap_index.entries(doc.scan):
        for m in _swap_pattern(key).finditer(doc.text):
            span = m.group()
            compound = "-" in span  # "high-college": the model reads it as two words
            words = span.replace("-", " ").split()
            if any(w[:1].isupper() for w in words[1:]) or (
                words[0][:1].isupper() and not _sentence_start(doc.text, m.start())
            ):
                continue  # a name or a title
            gains = language_model.context_gains(
                doc.text[max(0, m.start() - 60) : m.start()], " ".join(words), doc.text[m.end() : m.end() + 60],
                [original],
            )
            if gains is None:
                return
            gain = gains[original] / _LOG10
            if gain < MIN_GAIN:
                continue
            yield Hit(
                m.start(),
                m.end(),
                f"spinner swap? the model knows {original!r} here (margin 10^{margin + gain:.1f})",
                match_case_words(" ".join(words), original).replace(" ", "-" if compound else " "),
                swap_confidence(margin + gain),
            )


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?\n:"
