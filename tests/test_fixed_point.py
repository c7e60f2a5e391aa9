"""Fixing reaches a fixed point: fix(fix(x)) == fix(x), and the edits a fix reports,
which index the input, rebuild its output; over generated texts that mix the material
rules act on (names, quotes of every style, punctuation runs, no-break spaces, CRLF,
mojibake, seed snippets). Fixed seed: the same texts on every run."""
from __future__ import annotations

from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

from cleanmt.engine import Cleaner, apply_edits  # noqa: E402

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
_SNIPPETS = []
for path in sorted(SEEDS.glob("*.txt")):
    text = path.read_text(encoding="utf-8")
    _SNIPPETS += [text[i : i + 80] for i in range(0, min(len(text), 2400), 240)]

WORDS = ["the", "talks", "ended", "said", "in", "Paris", "on", "Monday", "this", "Tuesday", "since", "years",
         "actual", "mayor", "she", "he", "her", "his", "for", "against", "once", "morest", "M.", "Mme", "Herr",
         "Ursula", "Von", "von", "der", "Leyen", "Tokaïev", "Tokayev", "Poutine", "Putin", "Moscou", "OTAN",
         "2,5", "1.500", "12 000", "3.5", "%", "km", "from", "at", "40", "Daria", "Kulikova", "Mailand",
         "italian", "wednesday", "Betriebsrat", "u.a.", "SÃ£o", "Paulo", "cafÃ©", "[€ntretien]", "Home", ">",
         "News", "Photo:", "AFP", "Read", "also:", "Advertisement"]
MARKS = [",", ".", ";", ":", "!", "?", "«", "»", "“", "”", "„", "‘", "’", '"', "'", "(", ")", "-", "–", "…",
         " ,", " .", ". .", ", ,", "\u00a0", "\u202f", "\t", "  ", "\n", "\n\n", "\r\n"]
token = st.one_of(st.sampled_from(WORDS), st.sampled_from(MARKS), st.sampled_from(_SNIPPETS))
texts = st.lists(st.tuples(token, st.sampled_from([" ", "", " ", "\n"])), min_size=1, max_size=30).map(
    lambda parts: "".join(a + b for a, b in parts)
)

CLEANERS = {lang: Cleaner(lang=lang) for lang in ("en", "fr", "es", "de")}


def _replay(text: str, edits) -> str:
    """The edits index the input: sorted, apart, each `old` the input's own text."""
    assert all(a.end <= b.start for a, b in zip(edits, edits[1:]))
    assert all(text[e.start:e.end] == e.old for e in edits)
    return apply_edits(text, edits)


@settings(max_examples=20_000, derandomize=True, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
@given(texts, st.sampled_from(sorted(CLEANERS)))
def test_fix_reaches_a_fixed_point(text, lang):
    cleaner = CLEANERS[lang]
    report = cleaner.fix(text)
    assert cleaner.fix(report.fixed).fixed == report.fixed
    assert _replay(text, report.edits) == report.fixed
