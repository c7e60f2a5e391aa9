"""CLQ008's construction calques (data/construction_calques_en.tsv), and the mechanisms
CLQ006/CLQ007 share with them: every row's example is flagged, a row without a fix
stays below the fix threshold, and a row's fix changes the example."""
import pytest

import cleanmt
from cleanmt.knowledge.language_model import model_spelling
from cleanmt.rules.calque import _titles, load_constructions


@pytest.mark.parametrize("row", load_constructions(), ids=lambda r: r.example[:40])
def test_construction_example_is_flagged_with_honest_confidence(row):
    findings = cleanmt.detect(row.example, select=["CLQ008"])
    assert findings, row.example
    assert all(not f.text[:1].isspace() and not f.text[-1:].isspace() for f in findings)
    if row.replacement is None:
        assert row.confidence < 0.8
    else:
        assert cleanmt.fix(row.example, select=["CLQ008"], min_confidence=0).fixed != row.example


def test_construction_rows_follow_the_source_language():
    text = "The harvest depends of the weather in May."
    assert cleanmt.Cleaner(select=["CLQ008"], source="fr").detect(text)
    assert cleanmt.Cleaner(select=["CLQ008"], source="de").detect(text) == []


def test_titles_of_every_language_give_a_gender():
    titles = _titles()
    assert titles["Mme"] == "f" and titles["Herr"] == "m" and titles["Sra"] == "f" and titles["Mr"] == "m"
    assert "M" not in titles  # French M. is also an initial


def test_pronoun_after_a_lower_cased_accented_first_name():
    text = "The minister, clément Roux, spoke first. She said the bill was final."
    assert [f.text for f in cleanmt.detect(text, select=["CLQ007"])] == ["She"]


def test_an_earlier_paragraph_does_not_block_the_pronoun_check():
    text = "Irene Vasquez opened the session.\n\nThe minister, Paulo Ramos, spoke next. She said the budget was final."
    assert [f.text for f in cleanmt.detect(text, select=["CLQ007"])] == ["She"]


def test_false_friend_after_an_article_is_compared_with_the_article():
    text = "The board discussed an eventual merger with its rival."
    findings = cleanmt.detect(text, select=["CLQ006"])
    if model_spelling("eventual") is None:
        pytest.skip("no language model installed")
    assert findings and findings[0].text == "an eventual" and findings[0].replacement.startswith("a ")


def test_model_spelling_reads_british_forms_in_the_us_model():
    if model_spelling("located") is None:
        pytest.skip("no language model installed")
    assert model_spelling("localised") == "localized"
    assert model_spelling("qzxv") is None
