"""The anchor prefilter must never hide a match: every word it requires is in the text
wherever the pattern matches."""
import pytest

from cleanmt.anchors import anchor_set
from cleanmt.lexicon import AnchorIndex, load_tsv
from cleanmt.prescan import scan_text


@pytest.mark.parametrize(
    "pattern,anchors",
    [
        ("once morest", {"once morest"}),
        (r"might not (be|have been) (immediately )?reached for (comment|remark)", None),  # 2 x 2 x 2 spelled out
        (r"(?-i:White Home)", {"white home"}),
        (r"colou?r blind", {"color blind", "colour blind"}),
        (r"greenhouse fuel(s)?", {"greenhouse fuel", "greenhouse fuels"}),
        (r"(?:ab|cd)c|dog", {"abc", "cdc", "dog"}),  # each alternative brings its own anchors
        (r"(?:ab|c)d|x", None),  # "x" is too short to be an anchor
        (r"big (?:red|blue)? dog(?!gy)", {"big red dog", "big blue dog", "big  dog"}),
        (r"reali[sz]ed \w+ report", {"realised ", "realized "}),  # "\w+" ends the run
        (r"[Ss]mall world", {"small world"}),
        (r"(?<=(?:took|take) part in )riots", {"took part in riots", "take part in riots"}),
        (r"riots(?= (?:broke|erupted))", {"riots broke", "riots erupted"}),
        (r"riots(?= broke)(?! out)", {"riots"}),  # a look-ahead inside the pattern is not text next to it
        (r"ab(?=cd)c", {"abc"}),  # what is consumed; "abcdc" need not occur
        (r"\p{Lu}\w+ said", {" said"}),
        (r"fine (?:\d+|many) times", {" times"}),  # the longer of the two runs
    ],
)
def test_anchor_set(pattern, anchors):
    from cleanmt.prescan import normalise_anchor

    expected = None if anchors is None else {normalise_anchor(a) for a in anchors}
    if pattern.startswith("might"):
        assert len(anchor_set(pattern)) == 8
        return
    assert anchor_set(pattern) == expected


def _lexicon_examples():
    from cleanmt.rules.calque import load_false_friends
    from cleanmt.rules.spinner import _as_regex, load_spinner_lexicon

    for e in load_spinner_lexicon():
        yield _as_regex(e), e.compiled, e.example
    for ff in load_false_friends():
        yield ff.source_pattern, ff.pattern, ff.example


@pytest.mark.parametrize("source,compiled,example", list(_lexicon_examples()))
def test_every_example_holds_an_anchor_of_its_entry(source, compiled, example):
    """Also written in capitals and with doubled blanks: the scan text reads through both."""
    assert compiled.search(example), f"example does not match: {example!r}"
    for text in (example, example.upper(), example.replace(" ", "  \t")):
        if not compiled.search(text):
            continue  # an entry that is case-sensitive: "(?-i:White Home)"
        assert any(a in scan_text(text) for a in anchor_set(source)), (text, anchor_set(source))


def test_index_selects_only_possible_patterns():
    idx = AnchorIndex(["once morest", r"tear fuel", r"(?:x|y)z"])
    assert idx.candidates("riots once morest the regime") == [0, 2]
    assert idx.candidates("nothing here") == [2]
    with pytest.raises(ValueError):
        idx.anchors()  # a pattern without anchors: the rule cannot be gated by them
    assert sorted(AnchorIndex(["once morest", "(tear|laughing) fuel"]).anchors()) == [
        "laughing fuel", "once morest", "tear fuel"]
