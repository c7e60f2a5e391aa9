from cleanmt.engine import Cleaner, apply_edits, choose_edits
from cleanmt.types import Finding


def _f(start, end, conf, repl="x", rule="SPN001"):
    return Finding(start, end, "?" * (end - start), rule, "spinner", "m", repl, conf)


def test_overlap_keeps_higher_confidence():
    edits = choose_edits([_f(0, 5, 0.9, "a"), _f(3, 8, 0.95, "b"), _f(10, 12, 0.5, "c")])
    assert [(e.start, e.end, e.new) for e in edits] == [(3, 8, "b"), (10, 12, "c")]


def test_two_insertions_at_one_point_conflict():
    edits = choose_edits([_f(4, 4, 0.9, " "), _f(4, 4, 0.8, "  ")])
    assert len(edits) == 1


def test_apply_edits_keeps_everything_between():
    edits = choose_edits([_f(1, 2, 0.9, "X"), _f(4, 4, 0.9, "+")])
    assert apply_edits("abcdef", edits) == "aXcd+ef"


def test_crlf_offsets_index_the_original_text():
    text = "First line.\r\nRiots once morest the regime.\r\n"
    findings = Cleaner(select=["SPN001"]).detect(text)
    assert len(findings) == 1
    f = findings[0]
    assert text[f.start : f.end] == "once morest" == f.text


def test_crlf_is_preserved_by_fix():
    text = "A.\r\nRiots once morest the regime.\r\nEnd"
    assert Cleaner().fix(text).fixed == "A.\r\nRiots against the regime.\r\nEnd"


def test_fix_is_idempotent_on_seeds(seed_text):
    cleaner = Cleaner()
    for prefix in ("000", "001", "002", "003", "004"):
        once = cleaner.fix(seed_text(prefix)).fixed
        assert cleaner.fix(once).fixed == once, prefix


def test_min_confidence_blocks_fixes():
    text = "Riots once morest the regime."
    assert Cleaner(min_confidence=1.0).fix(text).fixed == text


class _Flipping(Cleaner):
    """Two rules that disagree: one writes "Von", the other "von", each undoing the other."""

    def _detect_in(self, text, *args, **kwargs):  # what fix asks, pass after pass
        i = text.find("on der")
        if i < 1:
            return []
        old = text[i - 1 : i + 2]
        new = "von" if old == "Von" else "Von"
        return [Finding(i - 1, i + 2, old, "CAS003", "casing", "flip", new, 0.9)]


def test_fix_that_undoes_itself_stops_and_reports_no_edit():
    text = "Talks with Ursula Von der Leyen ended."
    report = _Flipping().fix(text)
    # "Von" -> "von" -> "Von": the second pass gives the text back, so neither edit stands
    assert report.fixed == text
    assert report.edits == []


def test_a_run_of_doubled_marks_is_fixed_to_the_end():
    text = "Then , , , , , , it rained, , , , , later."
    once = Cleaner().fix(text).fixed
    assert once == Cleaner().fix(once).fixed
    assert ", ," not in once
