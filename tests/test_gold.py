"""The seed gold is well-formed, and `cleanmt fix` changes nothing outside it.

The last test is the "done means" check: every change `fix` makes to a seed must
lie inside a gold span. It says which edits fall outside when it fails.
"""
from __future__ import annotations

import json
import runpy
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import seed_benchmark as sb  # noqa: E402

from cleanmt.engine import Cleaner  # noqa: E402
from cleanmt.types import CATEGORIES  # noqa: E402

NAMES = sb.seed_names()
FIELDS = {"id", "start", "end", "text", "category", "fix", "note", "optional", "whole_line", "within"}


def test_every_seed_has_gold_and_nothing_else():
    gold = sorted(p.stem for p in sb.GOLD_DIR.glob("*.jsonl"))
    assert gold == NAMES and len(NAMES) == 5


def test_gold_files_are_in_sync_with_the_annotations():
    build = runpy.run_path(str(sb.GOLD_DIR / "build.py"))
    assert build["main"](["--check"]) == 0, "run: python seeds/gold/build.py"


@pytest.mark.parametrize("name", NAMES)
def test_items_are_valid(name):
    text, items = sb.read_seed(name), sb.load_gold(name)
    assert items, "a seed without artifacts would be surprising"
    assert set(sb.CATEGORIES) == set(CATEGORIES)
    for n, it in enumerate(items):
        assert set(it) == FIELDS, it
        assert it["id"] == n
        assert 0 <= it["start"] < it["end"] <= len(text), it
        assert it["text"] == text[it["start"]:it["end"]], it
        assert it["category"] in CATEGORIES, it
        assert it["fix"] is None or isinstance(it["fix"], str), it
        assert it["fix"] != it["text"], it
        assert isinstance(it["note"], str) and it["note"].strip(), it
        assert isinstance(it["optional"], bool)


@pytest.mark.parametrize("name", NAMES)
def test_spans_do_not_overlap_except_inside_a_deletion(name):
    items = sb.load_gold(name)
    by_id = {it["id"]: it for it in items}
    for it in items:
        if it["within"] is not None:
            parent = by_id[it["within"]]
            assert parent["fix"] == "" and parent["within"] is None, (it, parent)
            assert parent["start"] <= it["start"] and it["end"] <= parent["end"], (it, parent)
    top = sb.top_level(items)
    for a, b in zip(top, top[1:]):
        assert a["end"] <= b["start"], f"overlap: {a['text']!r} / {b['text']!r}"
    for it in items:  # a nested item overlaps its parent only
        for other in top:
            if other["id"] not in (it["id"], it["within"]):
                assert not (it["start"] < other["end"] and other["start"] < it["end"]), (it, other)


@pytest.mark.parametrize("name", NAMES)
def test_whole_line_deletions_follow_the_line_break_convention(name):
    text, items = sb.read_seed(name), sb.load_gold(name)
    for it in items:
        if not it["whole_line"]:
            continue
        assert it["fix"] == "" and it["category"] == "boilerplate", it
        body = it["text"].strip("\n")
        assert body and "\n" not in body, it
        at_end = it["end"] == len(text)
        if it["text"].startswith("\n"):  # part of a run of deletions that ends the document
            assert text[it["end"]:].strip("\n") == "" or at_end or text[it["end"]] == "\n", it
        else:
            assert it["start"] == 0 or text[it["start"] - 1] == "\n", it
            assert it["end"] == len(text) or text[it["end"] - 1] == "\n", it
    fixed = sb.apply_gold(text, items)
    assert "\n\n\n" not in fixed or "\n\n\n" in text
    assert fixed.endswith("\n") == text.endswith("\n")


def test_gold_fixed_text_meets_the_acceptance_criteria():
    """The gold covers what tests/test_seed_acceptance.py asks of cleanmt."""
    import test_seed_acceptance as acc

    fixed = {n: sb.apply_gold(sb.read_seed(n), sb.load_gold(n)) for n in NAMES}
    for check in acc.CHECKS:
        check(fixed)


# -- the measuring tools themselves ---------------------------------------
def test_spacing_is_a_token_so_spacing_fixes_are_edits():
    forms = [t.form for t in sb.tokenize("capital , where\n\nNext")]
    assert forms == ["capital", sb.SPACE, ",", sb.SPACE, "where", sb.SPACE, "Next"]
    edits = sb.token_edits("capital , where", "capital, where")
    assert [(e.i1, e.i2, e.new) for e in edits] == [(1, 2, ())]


def test_fix_scores_count_shared_edits():
    items = [{"id": 0, "start": 6, "end": 17, "text": "once morest", "category": "spinner", "fix": "against",
              "note": "x", "optional": False, "whole_line": False, "within": None}]
    text = "Riots once morest the regime ."
    assert sb.apply_gold(text, items) == "Riots against the regime ."
    right = sb.fix_scores(text, "Riots against the regime .", items)
    assert (right["system_edits"], right["gold_edits"], right["tp"]) == (1, 1, 1)
    # one edit right, one (the space before the full stop) not in the gold
    extra = sb.fix_scores(text, "Riots against the regime.", items)
    assert (extra["system_edits"], extra["gold_edits"], extra["tp"]) == (2, 1, 1)
    assert extra["system_only"] == [(" ", "")]
    assert sb.prf(1, 2, 1)[0] == 0.5


def test_fix_scores_credit_a_deleted_duplicate_whichever_copy_goes():
    text = "Title\n\nCaption.\n\nCaption.\n\nBody text here."
    items = [{"id": 0, "start": 17, "end": 27, "text": "Caption.\n\n", "category": "boilerplate", "fix": "",
              "note": "duplicate", "optional": False, "whole_line": True, "within": None}]
    assert text[17:27] == "Caption.\n\n"
    first_copy_gone = "Title\n\nCaption.\n\nBody text here."
    s = sb.fix_scores(text, first_copy_gone, items)
    assert (s["system_edits"], s["gold_edits"], s["tp"]) == (1, 1, 1)
    assert sb.changes_outside_gold(text, "Title\n\nBody text here.", items)  # both copies gone: one too many


@pytest.mark.parametrize("name", NAMES)
def test_outside_gold_check_accepts_the_gold_and_catches_a_stray_edit(name):
    text, items = sb.read_seed(name), sb.load_gold(name)
    assert sb.changes_outside_gold(text, sb.apply_gold(text, items), items) == []
    assert sb.changes_outside_gold(text, text, items) == []
    # change one word that no gold span touches: must be reported
    spans = [(it["start"], it["end"]) for it in items]
    for tok in sb.tokenize(text):
        if tok.form.strip().isalpha() and len(tok.form.strip()) > 4 and not any(
                s <= tok.start < e or s < tok.end <= e for s, e in spans):
            broken = text[:tok.start] + tok.form.strip().upper() + text[tok.end:]
            problems = sb.changes_outside_gold(text, broken, items)
            assert problems and any(tok.form.strip() in p for p in problems), problems
            break
    else:
        pytest.fail("no untouched word found")


# -- "done means" ---------------------------------------------------------
@pytest.mark.parametrize("name", NAMES)
def test_fix_changes_nothing_outside_gold_spans(name):
    text, items = sb.read_seed(name), sb.load_gold(name)
    fixed = Cleaner(min_confidence=0.8).fix(text).fixed
    problems = sb.changes_outside_gold(text, fixed, items)
    assert not problems, f"{name}: cleanmt fix changed text outside the gold spans:\n" + "\n".join(problems)


def test_gold_jsonl_is_plain_json_lines():
    for name in NAMES:
        for line in (sb.GOLD_DIR / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            assert json.loads(line)["text"] is not None
