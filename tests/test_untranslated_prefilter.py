"""UNT003's cheap paths (gate, marker offsets, clause search, word votes) agree with
the straightforward computations they replace, written out here as references."""
import random
import sys
from bisect import bisect_left

import pytest

from cleanmt.corpora import as_published
from cleanmt.document import Document
from cleanmt.prescan import literal_starts, normalise_anchor
from cleanmt.registry import all_rules
from cleanmt.rules import untranslated as U

FOREIGN = [
    "Les négociations reprendront la semaine prochaine à Genève",
    "la policía cerró todas las carreteras del norte",
    "die Regierung hat das Gesetz am Montag nicht beschlossen",
    "il governo ha detto che non ci sono problemi per la città",
    "o governo disse que não há problemas com a cidade",
    "de regering heeft het niet gezegd en dat is een probleem",
    "bin Laden and his al Qaeda network per cent de la Rua",
]
# clauses flagged with English words a quarter of their words (ASCII, and not)
AT_THE_QUARTER = [
    "Police said so; la policia dijo que cerro todas for the.",
    "Police said so; la policía dijo que cerró todas for the.",
    "Police said so; la policía dijo que cerró todas las carreteras del for the people.",
]


def _reference_positions(text):
    """The marker words' offsets, by the marker automaton over the lowered text."""
    lowered = " " + text.lower().replace("\n", " ").replace("\t", " ") + " "
    return literal_starts(U._marker_words(), lowered)


def _reference_candidate_clauses(text):
    """_candidate_clauses as first written: every delimiter found, a count per clause."""
    lowered = " " + text.lower().replace("\n", " ").replace("\t", " ") + " "
    if len(lowered) != len(text) + 2:
        return [m.span() for m in U._CLAUSE.finditer(text)]
    positions = literal_starts(U._marker_words(), lowered)
    if len(positions) < U.MIN_MARKERS:
        return []
    delimiters = [m.start() for m in U._DELIMITER.finditer(text)]
    counts = {}
    for pos in positions:
        k = bisect_left(delimiters, pos)
        start = delimiters[k - 1] + 1 if k else 0
        stop = delimiters[k] if k < len(delimiters) else len(text)
        if stop > start:
            counts[(start, stop)] = counts.get((start, stop), 0) + 1
    return sorted(span for span, n in counts.items() if n >= U.MIN_MARKERS)


def _reference_wordfreq_language(words):
    """_wordfreq_language as first written: each word's Zipf values, word by word."""
    words = [w for w in words if w[:1].islower() and (len(w) > 1 or w == "à")]
    if len(words) < U.MIN_WORDS - 1:
        return None
    votes = {L: 0 for L in U.FOREIGN_LANGS}
    english = 0
    for w in words:
        en, other = U._zipfs(w.lower())
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


def _reference_foreign_clauses(text):
    """_foreign_clauses as first written, over the reference helpers."""
    for start, end in _reference_candidate_clauses(text):
        m = U._CLAUSE.match(text, start, end)
        if m is None:
            continue
        words = U._WORD.findall(m.group())
        if len(words) < U.MIN_WORDS:
            continue
        if sum(w[0].isupper() for w in words) > 0.6 * len(words):
            continue
        clause = m.group()
        if sum(map(str.isalpha, clause)) + sum(map(str.isspace, clause)) < 0.9 * len(clause):
            continue
        lang = _reference_wordfreq_language(words)
        if lang is None:
            continue
        quoted = text[: m.start()].rstrip(" \t").endswith(tuple(U.QUOTE_OPEN))
        if quoted and len(words) < 8:
            continue
        detected, prob = U._langdetect(m.group())
        if detected == lang and prob >= 0.9:
            yield m.span(), lang, prob


def _fuzz_texts(n, seed=5):
    """Short texts of markers, English words, capitals, delimiters and blanks of every kind."""
    rnd = random.Random(seed)
    pieces = ["de", "la", "los", "Las", "DE", "bin", "al", "per", "cent", "war", "el", "à", "the", "of", "and",
              "Laden", "x", "I", "it's", "l'", "'s", " ", "  ", "\n", "\t", " \n ", "\t\t", ".", ",", ";", "(", ")",
              "“", "”", "«", "»", '"', "-", "—", "\u00a0", "\u202f", "\u2009", "İ", "ß", "Straße", "ſe", "ſ",
              "\u212a", "Ü", "ÀS", "ÉL", "Ⅻ", "ΣΑΣ", "i\u0307"]
    return ["".join(rnd.choice(pieces) + rnd.choice(["", " ", " "]) for _ in range(rnd.randint(0, 25)))
            for _ in range(n)]


@pytest.fixture(scope="module")
def texts(lee_articles):
    rnd = random.Random(7)
    spliced = []
    for art in lee_articles[:80]:
        parts = art.split(". ")
        parts.insert(rnd.randrange(len(parts) + 1), rnd.choice(FOREIGN))
        spliced.append(". ".join(parts))
    base = lee_articles[:120] + spliced + FOREIGN + [t for r in all_rules() if r.id == "UNT003" for t, _ in r.bad]
    out = []
    for t in base:
        out += [t, t.replace(" ", "  ", 3), "  " + t.replace(". ", ".\n\n").replace(", ", ",\t"), t.upper(),
                as_published(t)]
    return out + _fuzz_texts(3000)


def test_marker_words_are_the_anchors_the_prescan_finds():
    """_prescan_positions reads the prescan's UNT003 hits as marker words: that needs
    every marker to be its own anchor, and no other anchor of UNT003."""
    (unt003,) = [r for r in all_rules() if r.id == "UNT003"]
    assert U._markers_are_scan_text()
    assert {normalise_anchor(a) for a in unt003.anchors()} == set(U._marker_words())


def test_case_folding_agrees_with_lower_casing_on_marker_letters():
    """_prescan_positions: where case-folding changes no length, a word that lower-cases
    into a marker case-folds into the same marker."""
    letters = set("".join(U._marker_set()))
    for c in map(chr, range(sys.maxunicode + 1)):
        if len(c.casefold()) == 1 and c.lower() in letters:
            assert c.casefold() == c.lower(), hex(ord(c))
        if len(c.lower()) > 1:  # lower() changes a length only where casefold() does
            assert len(c.casefold()) > 1, hex(ord(c))
        if "\u0307" in c.casefold():  # the combining dot that scan text joins to an "i"
            assert c in "\u0130\u0307", hex(ord(c))
    for c in ("\n", "\t", "\u00a0", "\u202f", "\u2009", "\u2007", " "):  # blanks stay blanks
        assert c.casefold() == c


def test_prescan_positions_are_the_marker_automaton_offsets(texts):
    used = squeezed = not_ascii = 0
    for t in texts:
        doc = Document(t)
        positions = U._prescan_positions(doc)
        if positions is None:
            assert len(t.casefold()) != len(t) or "\u0130" in t or "\u0307" in t
            continue
        used += 1
        squeezed += len(doc.scan) != len(t) + 2
        not_ascii += not t.isascii()
        assert positions == _reference_positions(t), t[:80]
    assert used > 1000 and squeezed > 300 and not_ascii > 300  # every path was tried


def test_candidate_clauses_are_the_reference_spans(texts):
    found = 0
    for t in texts:
        expected = _reference_candidate_clauses(t)
        assert U._candidate_clauses(t) == expected, t[:80]
        positions = U._prescan_positions(Document(t))
        if positions is not None:
            assert U._candidate_clauses(t, positions) == expected, t[:80]
        found += bool(expected)
    assert found > 300


def test_ascii_words_are_those_of_WORD():
    every_ascii = "".join(map(chr, range(128)))
    samples = _fuzz_texts(2000, seed=11) + [
        every_ascii, every_ascii[::-1], "'", "''", "' '", "'a", "a b c I A rock'n'roll 'tis x'Y ''Z a' aB b2c 'x",
    ]
    for t in samples:
        t = t.encode("ascii", "ignore").decode()
        assert U._ascii_words(t) == U._WORD.findall(t), t


def test_english_words_each_vote_english():
    """_foreign_clauses drops a clause where over a quarter of the words are _english_words:
    each must then be a voter that counts as English in the reference computation."""
    english = U._english_words()
    assert english == set(U._COMMON_ENGLISH)  # the list holds no word that does not count
    for w in english:
        assert U._voters([w]) == [w]
        en, other = U._zipfs(w)
        best = max(other.values())
        assert not (best >= 3.0 and best - en >= 1.0) and en >= 3.0 and en >= best, w
    for w in ("in", "is", "an", "de", "a", "The", "minister"):  # vote otherwise, or not at all
        assert w not in english


def test_word_votes_agree_with_the_reference(texts):
    clauses = [c for t in texts for c in U._CLAUSE.findall(t)] + FOREIGN
    langs = set()
    for c in clauses:
        words = U._WORD.findall(c)
        expected = _reference_wordfreq_language(words)
        assert U._wordfreq_language(words) == expected, c
        langs.add(expected)
    assert {"fr", "es", "de", "it", None} <= langs


def test_foreign_clauses_agree_with_the_reference(texts):
    for t in AT_THE_QUARTER:
        words = U._WORD.findall(t.split(";")[1])
        assert 4 * sum(w in U._english_words() for w in words) == len(words)
        assert [lang for _, lang, _ in U._foreign_clauses(Document(t))] == ["es"], t
    found = 0
    for t in texts[::3] + FOREIGN + AT_THE_QUARTER:
        got = [(m.span(), lang, prob) for m, lang, prob in U._foreign_clauses(Document(t))]
        assert got == list(_reference_foreign_clauses(t)), t[:80]
        found += bool(got)
    assert found > 10


@pytest.mark.parametrize(
    "clause,lang",
    [
        ("les des une pas the and xyzzy", None),  # 2 English of 7: over a quarter
        ("les des une pas the and xyzzy qwrtp", "fr"),  # 2 English of 8: a quarter
        ("les des une the xyzzy qwrtp zzkv", None),  # 3 votes of 7: under a half
        ("les des une xyzzy qwrtp zzkv", "fr"),  # 3 votes of 6: a half
        ("les des Une xyzzy a", None),  # capitals and one-letter words do not vote
        ("los las des une xyzzy", None),  # 2 es, 2 fr: no language has 3
    ],
)
def test_word_votes_at_their_thresholds(clause, lang):
    words = U._WORD.findall(clause)
    assert _reference_wordfreq_language(words) == lang
    assert U._wordfreq_language(words) == lang
