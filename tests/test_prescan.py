"""The scan text and the one-pass anchor automaton that prefilter the rules."""
import sys

import pytest
import regex

from cleanmt.document import Document
from cleanmt.prescan import normalise_anchor, scan_text
from cleanmt.registry import default_scanner


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
    folded = default_scanner().folded
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
    folded, exact = default_scanner().folded, default_scanner().exact
    for a in folded.anchors + exact.anchors:
        assert a and isinstance(a, str)
    for a in folded.anchors:
        assert a == normalise_anchor(a)  # stored as they occur in scan text


def test_the_scan_layer_imports_nothing_above_it():
    """prescan and anchor_cache (the scan layer) import no registry, rules, engine or
    document module, at the top or inside a function: no import cycle back up."""
    import ast
    from pathlib import Path

    import cleanmt

    above = {"registry", "rules", "engine", "document", "names", "lexicon", "knowledge"}
    for name in ("prescan.py", "anchor_cache.py"):
        tree = ast.parse((Path(cleanmt.__file__).parent / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level:
                modules = [node.module] if node.module else [a.name for a in node.names]
                assert not {m.split(".")[0] for m in modules} & above, (name, modules)


def test_a_scanner_knows_the_rules_it_is_given_and_no_other():
    from cleanmt.prescan import Scanner
    from cleanmt.registry import Rule

    def check(doc):
        return []

    late = Rule(id="SPN998", category="spinner", name="late", description="", confidence=0.5,
                check=check, anchors=lambda: ["zorblax"])
    text = "The zorblax , said Mme Dupont."
    doc = Document(text, scanner=Scanner([late]))
    assert set(doc.anchor_hits[0]) == {"SPN998"} and doc.anchor_hits[1] == {}
    assert not Document(text).anchored("SPN998")  # the registry's rules only


def test_anchor_cache_stores_the_packages_rules_only(tmp_path, monkeypatch):
    from cleanmt import anchor_cache
    from cleanmt.registry import Rule, all_rules

    monkeypatch.setenv("CLEANMT_CACHE", str(tmp_path))
    anchor_cache._stored.cache_clear()
    try:
        ours = next(r for r in all_rules() if r.id == "SPN001")
        theirs = Rule(id="SPN997", category="spinner", name="x", description="", confidence=0.5,
                      check=lambda doc: [], anchors=lambda: ["Zorblax  Quux"])
        table = anchor_cache.anchors([ours, theirs], normalise_anchor)
        assert table["SPN997"] == (("zorblax quux",), ())
        assert table["SPN001"][0] and table["SPN001"][1] == ()
        (path,) = tmp_path.glob("anchors-*.pickle")
        anchor_cache._stored.cache_clear()
        stored = anchor_cache._stored()
        assert set(stored) == {"SPN001"} and stored["SPN001"] == table["SPN001"]
    finally:
        anchor_cache._stored.cache_clear()
