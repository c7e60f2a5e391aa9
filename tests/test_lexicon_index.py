"""The anchor prefilter must never hide a match: every word it requires is in the text
wherever the pattern matches."""
import pytest

from cleanmt.lexicon import AnchorIndex, load_tsv, required_words


@pytest.mark.parametrize(
    "pattern,words",
    [
        ("once morest", ["once", "morest"]),
        (r"might not (be|have been) (immediately )?reached for (comment|remark)", ["might", "not", "reached", "for"]),
        (r"(?-i:White Home)", ["white", "home"]),
        (r"colou?r blind", ["blind"]),  # "colou?r" is not a literal word
        (r"greenhouse fuel(s)?", ["greenhouse", "fuel"]),
        (r"(?:a|b)c|dog", []),  # a top-level alternation requires nothing
        (r"big (?:red|blue)? dog(?!gy)", ["big", "dog"]),
        (r"[Ss]mall world", ["mall", "world"]),  # substrings suffice: the index matches inside words
    ],
)
def test_required_words(pattern, words):
    assert required_words(pattern) == words


def _lexicon_examples():
    from cleanmt.rules.calque import load_false_friends
    from cleanmt.rules.spinner import load_spinner_lexicon

    for e in load_spinner_lexicon():
        yield e.compiled, e.example
    for ff in load_false_friends():
        yield ff.pattern, ff.example


@pytest.mark.parametrize("compiled,example", list(_lexicon_examples()))
def test_every_match_contains_its_required_words(compiled, example):
    m = compiled.search(example)
    assert m, f"example does not match: {example!r}"
    # look-arounds may require words outside the match: they are still in the text
    window = example.lower()
    for w in required_words(compiled.pattern):
        assert w in window, (w, m.group())


def test_index_selects_only_possible_patterns():
    idx = AnchorIndex(["once morest", r"tear fuel", r"(?:x|y)z"])
    assert idx.candidates("riots once morest the regime") == [0, 2]
    assert idx.candidates("nothing here") == [2]
