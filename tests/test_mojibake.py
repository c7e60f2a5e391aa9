"""Mojibake (issue 16, item 5): ENC001 repairs at the span ftfy needs, lossy repairs
are applied, no other rule edits inside a garble, and clean accented text is left alone.
The texts are written here (none from ftfy's test cases or the dev set)."""
import os
from pathlib import Path

import pytest
from wordfreq import top_n_list

import cleanmt
from cleanmt.engine import Cleaner
from cleanmt.mojibake import garbled_words, shield
from cleanmt.types import Finding


def mojibake(text: str, times: int = 1) -> str:
    """`text` as UTF-8 bytes read as Windows-1252, `times` over."""
    for _ in range(times):
        text = text.encode("utf-8").decode("windows-1252", errors="replace")
    return text


def _enc(text, lang="en"):
    return [f for f in cleanmt.detect(text, lang=lang) if f.rule == "ENC001"]


@pytest.mark.parametrize("lang, clean", [
    ("en", "The café in Malmö serves crème brûlée."),
    ("fr", "Nous sommes allés à Orléans à pied."),
    ("es", "Él llegó tarde y se marchó, según él."),
    ("de", "Die Straße führt über die Brücke."),
])
def test_mojibake_is_repaired_for_every_target_language(lang, clean):
    garbled = mojibake(clean)
    assert garbled != clean and _enc(garbled, lang)
    assert cleanmt.fix(garbled, lang=lang).fixed == clean


def test_a_run_of_mojibake_words_is_one_finding():
    """Adjacent changed words are one run: repaired as ftfy repairs the run."""
    text = "Nous sommes " + mojibake("allés à Orléans à pied.")
    (f,) = _enc(text, "fr")
    assert f.text == mojibake("allés à Orléans à pied.") and f.replacement == "allés à Orléans à pied."
    assert f.confidence >= 0.8


def test_runs_with_unchanged_words_between_are_apart():
    text = mojibake("Él llegó") + " a las 5 y se " + mojibake("marchó.")
    assert [f.replacement for f in _enc(text, "es")] == ["Él llegó", "marchó."]


def test_a_lone_a_grave_is_repaired_with_its_neighbours():
    """"Ã" before a blank is "à" (its no-break space lost) only in context: the run alone
    does not decode, so the finding takes in the word on each side."""
    text = "Il est " + mojibake("allé") + " Ã la gare."
    (f,) = _enc(text, "fr")
    assert f.text == "est " + mojibake("allé") + " Ã la" and f.replacement == "est allé à la"
    assert cleanmt.fix(text, lang="fr").fixed == "Il est allé à la gare."


def test_a_repair_that_needs_the_whole_line_is_one_finding():
    """Each "Ã " here is mojibake only because the line holds other mojibake: no part is
    repaired without the rest."""
    text = "Ils vont Ã Paris puis Ã Lyon, lÃ -bas.\nSecond line."
    (f,) = _enc(text, "fr")
    assert f.text == "Ils vont Ã Paris puis Ã Lyon, lÃ -bas."
    assert cleanmt.fix(text, lang="fr", select=["encoding"]).fixed.startswith("Ils vont à Paris puis à Lyon")


def test_a_lossy_repair_is_applied_and_says_so():
    """A byte was lost before the text reached us ("â€?" for a closing quote): ftfy puts
    U+FFFD there and repairs the rest; fix applies it."""
    text = "He said " + mojibake("“no") + "â€? and left."
    (f,) = _enc(text)
    assert f.replacement == "“no\ufffd" and "lost" in f.message and f.confidence >= 0.8
    assert cleanmt.fix(text).fixed == "He said “no\ufffd and left."


def test_no_other_rule_edits_inside_a_garble_it_cannot_decode():
    """Lower-cased double mojibake cannot be decoded; its "¡", "„" and "“" are bytes, not
    punctuation: no quote or punctuation rule may edit them."""
    for clean in ("“¡Qué día!” — dijo él", "it’s „ok“ ¿no?"):
        garble = mojibake(clean, 2).lower()
        text = f"Notes: {garble} at noon."
        assert cleanmt.detect(text) == []
        assert cleanmt.fix(text).fixed == text


def test_no_other_rule_edits_inside_a_word_being_repaired():
    """"NicolÃ¡s": the "¡" is half of "á", not an inverted exclamation mark."""
    text = "Then " + mojibake("Nicolás") + " arrived."
    assert [f.rule for f in cleanmt.detect(text)] == ["ENC001"]


def test_no_rule_pairs_quotes_around_a_lost_character():
    text = "It was rated “bb+\ufffd from “bb\ufffd last year."
    assert [f for f in cleanmt.detect(text) if f.category == "quotes"] == []


def _finding(start, end, rule="PUN001", category="punctuation", replacement=" "):
    return Finding(start, end, "", rule, category, "", replacement, 0.9)


def test_shield_keeps_edits_outside_and_whole_deletions():
    garble = mojibake("it’s „ok“", 2).lower()
    text = f"First , line. {garble} end"
    g0 = text.index(garble)
    (word,) = [w for w in garbled_words(text, g0, g0 + 3) if w[0] == g0]
    inside = _finding(g0 + 3, g0 + 3)  # an insertion inside the garbled word
    outside = _finding(5, 7, replacement=",")  # "First ," -> "First,", far from it
    deletion = _finding(g0, len(text), rule="BLP001", category="boilerplate", replacement="")
    partial = _finding(g0 + 2, g0 + 5, replacement="")
    kept = shield(text, [inside, outside, deletion, partial])
    assert kept == [outside, deletion] and word[1] > g0 + 5


def test_shield_keeps_everything_in_clean_text():
    text = "Clean text with accents: Zürich, São Paulo, Gdańsk , fine."
    fs = [_finding(i, i + 1) for i in range(0, len(text), 3)]
    assert shield(text, fs) == fs


@pytest.mark.parametrize("lang", ["fr", "es", "de", "pt", "it", "pl", "cs"])
def test_clean_accented_words_get_no_encoding_finding(lang):
    """Every accented word among a language's 20,000 commonest, in lines of ten, lower
    case and upper case: no ENC finding (precision on legitimate accents)."""
    words = [w for w in top_n_list(lang, 20000) if not w.isascii()]
    lines = [" ".join(words[i:i + 10]).capitalize() + "." for i in range(0, len(words), 10)]
    text = "\n".join(lines)
    target = lang if lang in ("fr", "es", "de") else "en"
    cleaner = Cleaner(select=["encoding"], lang=target)
    assert cleaner.detect(text) == []
    assert [f.text for f in cleaner.detect(text.upper())] == []


FTFY_CASES = os.environ.get("FTFY_TEST_CASES")  # ftfy's tests/test-cases folder, not shipped here


@pytest.mark.skipif(not FTFY_CASES, reason="set FTFY_TEST_CASES to ftfy's tests/test-cases folder")
def test_ftfy_cases_benchmark(capsys):
    """benchmarks/ftfy_cases.py: every case ftfy repairs, the encoding rules repair alike,
    and default fix repairs the mojibake of every one; ftfy's negative cases are left as
    ftfy leaves them."""
    import re
    import runpy

    runpy.run_path(str(Path(__file__).resolve().parent.parent / "benchmarks" / "ftfy_cases.py"),
                   run_name="ftfy_cases")["main"]([FTFY_CASES, "--show", "0"])
    out = capsys.readouterr().out
    counts = {k: (int(a), int(b)) for k, a, b in re.findall(r"^(.+?):\s+(\d+) of (\d+)", out, re.M)}
    alone, repaired = counts["encoding rules alone (--select encoding), same text as ftfy"], \
        counts["cleanmt fix, mojibake repaired"]
    assert alone[0] == alone[1] and repaired[0] == repaired[1]
    neg = re.search(r"changed by ftfy.fix_encoding: (\d+); by cleanmt's encoding rules: (\d+)", out)
    assert int(neg.group(2)) <= int(neg.group(1))
