"""The scan text and the one-pass anchor automaton that prefilter the rules."""
import sys

import pytest
import regex

from cleanmt.document import Document
from cleanmt.prescan import _automata, normalise_anchor, scan_text


@pytest.mark.parametrize(
    "text,scan",
    [
        ("Once  MOREST", " once morest "),
        ("tear\tfuel\u00a0prices", " tear fuel prices "),
        ("line one\nline two", " line one line two "),
        ("İstanbul", " istanbul "),  # "İ" folds to "i" plus a combining dot, which is dropped
        ("Straße", " strasse "),
    ],
)
def test_scan_text(text, scan):
    assert scan_text(text) == scan


def test_anchor_letters_read_through_every_case_variant():
    """Every character that a case-insensitive regex takes for a letter of some anchor
    reads as that letter in scan text, so an anchor is found wherever the rule's
    case-insensitive pattern matches."""
    folded, _ = _automata()
    letters = {c for a in folded.anchors for c in a if c.isalpha()}
    checked = 0
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        if not c.isalpha():
            continue
        # case-insensitive matching relates characters through their cases: look only there
        related = {c.lower(), c.upper(), c.casefold(), c.upper().lower()} & letters
        for letter in related:
            if c != letter and regex.fullmatch(f"(?i:{regex.escape(letter)})", c):
                checked += 1
                assert normalise_anchor(c) == normalise_anchor(letter), (c, letter)
    assert checked > 26  # at least the capitals


def test_one_pass_finds_each_rules_anchors():
    doc = Document("Riots once morest the regime , said Mme Dupont.")
    for rule_id in ("SPN001", "PUN001", "UNT001"):
        assert doc.anchored(rule_id)
    assert not doc.anchored("PUN003")
    clean = Document("The rain stopped and the roads reopened on Monday.")
    assert not any(clean.anchored(r) for r in ("SPN001", "PUN001", "UNT001", "CLQ001"))


def test_anchors_are_plain_non_empty_strings():
    folded, exact = _automata()
    for a in folded.anchors + exact.anchors:
        assert a and isinstance(a, str)
    for a in folded.anchors:
        assert a == normalise_anchor(a)  # stored as they occur in scan text
