"""Every rule's examples run as tests (LanguageTool-style): each bad example is
flagged and fixed to the expected text by that rule alone; each near-miss is
left alone."""
import pytest

from cleanmt.engine import Cleaner
from cleanmt.registry import all_rules

RULES = all_rules()
# examples are written in the rule's first target language (English for most rules)
LANG = {r.id: r.langs[0] for r in RULES}
BAD = [(r.id, text, fixed) for r in RULES for text, fixed in r.bad]
GOOD = [(r.id, text) for r in RULES for text in r.good]


def test_every_rule_has_examples():
    for r in RULES:
        assert r.bad, f"{r.id} has no example of what it flags"
        assert r.good, f"{r.id} has no near-miss it must not flag"


@pytest.mark.parametrize("rule_id,text,expected", BAD, ids=[f"{b[0]}-{i}" for i, b in enumerate(BAD)])
def test_bad_example_is_flagged_and_fixed(rule_id, text, expected):
    cleaner = Cleaner(select=[rule_id], min_confidence=0.0, lang=LANG[rule_id])
    findings = cleaner.detect(text)
    assert findings, f"{rule_id} did not flag {text!r}"
    for f in findings:
        assert text[f.start : f.end] == f.text
    if expected is None:
        assert all(f.replacement is None for f in findings)
    else:
        assert cleaner.fix(text).fixed == expected


@pytest.mark.parametrize("rule_id,text", GOOD, ids=[f"{g[0]}-{i}" for i, g in enumerate(GOOD)])
def test_near_miss_is_not_flagged(rule_id, text):
    assert Cleaner(select=[rule_id], min_confidence=0.0, lang=LANG[rule_id]).detect(text) == []
