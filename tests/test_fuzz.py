"""Fuzzing the API and the JSONL path (issue 16), with a fixed seed and bounded examples.

Texts are built from fragments that wake the rules (mojibake, honorifics, spinner
phrases, doubled punctuation, credits, quotes, CRLF, lone surrogates) mixed with
arbitrary characters. For every text: no exception; every finding indexes the text
(text == doc[start:end]); the edits, replayed pass by pass, give `.fixed`; what lies
before the first edit and after the last is unchanged; fixing `.fixed` again changes
nothing. Pathological inputs (the
generators of benchmarks/adversarial.py) run under a generous time guard: a guard
against hangs, not a speed target.
"""
import importlib.util
import json
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from cleanmt.engine import Cleaner, apply_edits  # noqa: E402
from cleanmt.jsonl import Settings, process_line  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = 300

FRAGMENTS = [
    "once morest", "Riots", "cafÃ©", "SÃ£o Paulo", "wasnâ€™t", "Ã  la", "Ã‰milie", "M. Durand", "Mme Lefebvre",
    "MM. Sarkozy", "Sr. Mary", "Photo: AFP / JOHN SMITH", "Foto: EFE", "Read also:", "Home > World > Asia",
    ". .", ", ,", ", .", ". ,", "U.S. ,", "“", "”", "«", "»", " « ", '"', "'", "’", "(", ")", "[Entretien]",
    "[€xclusive]", "r€cord", "$ummit", "\n", "\n\n", "\r\n", "\t", "\xa0", "  ", " ", ".", ",", "!", "?", ":",
    ";", "—", "–", "…", "Paris", "the", "The", "and", "de", "van Gogh", "Zoë", "Gdańsk", "12", "40%", "€40",
    "\ufeff", "\u200b", "\x00", "\ud800", "\udc80", "e\u0301", "ﬁ", "Ａ", "𝐀", "🙂", "i̇", "ß", "İstanbul",
]

text_strategy = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)),
    max_size=40,
).map("".join)

FUZZ = settings(max_examples=EXAMPLES, derandomize=True, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

CLEANERS = {lang: Cleaner(lang=lang) for lang in ("en", "fr")}


def check_text(text: str, lang: str = "en", twice: bool = False) -> None:
    cleaner = CLEANERS[lang]
    for f in cleaner.detect(text):
        assert 0 <= f.start <= f.end <= len(text), f
        assert text[f.start:f.end] == f.text, f
    report = cleaner.fix(text)
    for e in report.edits:  # the edits index the input, sorted and apart
        assert text[e.start:e.end] == e.old, e
    assert all(a.end <= b.start for a, b in zip(report.edits, report.edits[1:]))
    assert apply_edits(text, report.edits) == report.fixed  # the edits replay to .fixed
    if report.edits:  # before the first edit and after the last one, nothing moved
        lo, hi = report.edits[0].start, report.edits[-1].end
        assert report.fixed.startswith(text[:lo]) and report.fixed.endswith(text[hi:])
    if twice:
        assert cleaner.fix(report.fixed).fixed == report.fixed  # fixing twice changes nothing


@FUZZ
@given(text_strategy)
def test_fuzz_api_en(text):
    check_text(text, "en", twice=True)


@FUZZ
@given(text_strategy)
def test_fuzz_api_fr(text):
    check_text(text, "fr")


@FUZZ
@given(st.text(alphabet=st.characters(codec=None), max_size=200))
def test_fuzz_api_any_characters(text):
    check_text(text)


@FUZZ
@given(text_strategy, st.sampled_from(["detect", "fix"]), st.sampled_from(["pass", "skip"]))
def test_fuzz_jsonl_record(text, mode, on_error):
    cleaner = CLEANERS["en"]
    raw = (json.dumps({"id": 1, "text": text}) + "\n").encode()
    out, error, n, _ = process_line(cleaner, Settings(mode=mode, on_error=on_error), raw)
    assert error is None
    rec = json.loads(out)
    assert rec["id"] == 1 and "cleanmt" in rec
    if mode == "detect":  # as JSON reads it: an escaped surrogate pair is one character
        assert rec["text"] == json.loads(raw)["text"]


@FUZZ
@given(st.binary(max_size=300))
def test_fuzz_jsonl_any_bytes(raw):
    out, error, n, _ = process_line(CLEANERS["en"], Settings(mode="fix"), raw + b"\n")
    if error is None:
        json.loads(out)
    else:
        assert out == raw + b"\n"  # passed through as it came
        assert "\n" not in error


# -- pathological inputs: a guard against hangs ---------------------------------


def _generators():
    spec = importlib.util.spec_from_file_location("adversarial", ROOT / "benchmarks" / "adversarial.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.GENERATORS


GENERATORS = _generators()


@pytest.mark.timeout(30)
@pytest.mark.parametrize("name", sorted(GENERATORS))
def test_pathological_input_finishes(name):
    text = GENERATORS[name](50_000)
    cleaner = CLEANERS["en"]
    for f in cleaner.detect(text):
        assert text[f.start:f.end] == f.text
    cleaner.fix(text)
