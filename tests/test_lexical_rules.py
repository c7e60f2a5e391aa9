"""Lexicon-driven rules: spinner (SPN), calque (CLQ), untranslated (UNT)."""
from pathlib import Path

import pytest

import cleanmt
from cleanmt.lexicon import load_tsv
from cleanmt.rules.calque import ANGLICISM_LEXICONS, FALSE_FRIEND_LEXICONS, load_anglicisms, load_false_friends
from cleanmt.rules.spinner import compile_entry, load_spinner_lexicon, match_case

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))

LEXICAL = ["spinner", "calque", "untranslated"]
LEXICONS = ["spinner.tsv", "honorifics.tsv", "section_labels.tsv", *FALSE_FRIEND_LEXICONS.values(),
            *ANGLICISM_LEXICONS.values()]
SPIN = load_spinner_lexicon()


# -- lexicon files ---------------------------------------------------------------
@pytest.mark.parametrize("name", LEXICONS)
def test_every_lexicon_row_has_a_source(name):
    rows = load_tsv(name)
    assert rows, name
    for row in rows:
        assert row["source"].strip(), (name, row)


def test_spinner_lexicon_is_large_and_has_no_duplicates():
    assert len(SPIN) >= 40
    patterns = [e.pattern.lower() for e in SPIN]
    assert len(patterns) == len(set(patterns))


@pytest.mark.parametrize("entry", SPIN, ids=[e.pattern[:40] for e in SPIN])
def test_spinner_entry_compiles_and_is_fixed(entry):
    assert compile_entry(entry.kind, entry.pattern).search(entry.example), entry.pattern
    report = cleanmt.fix(entry.example, select=["SPN001"])
    assert report.fixed != entry.example
    assert cleanmt.detect(report.fixed, select=["SPN001"]) == []


def test_spinner_replacement_follows_case():
    assert cleanmt.fix("ONCE MOREST THE REGIME", select=["SPN001"]).fixed == "AGAINST THE REGIME"
    assert cleanmt.fix("Once morest all odds.", select=["SPN001"]).fixed == "Against all odds."
    assert match_case("might not", "could not") == "could not"


def test_spinner_allows_extra_blanks_inside_a_phrase():
    assert cleanmt.fix("Riots once  morest it.", select=["SPN001"]).fixed == "Riots against it."
    text = "The claims might not  be independently\tverified."
    assert cleanmt.fix(text, select=["SPN001"]).fixed == "The claims could not be independently verified."


@pytest.mark.parametrize(
    "clean",
    [
        "The figures might not be accurate.",
        "His account might not be verified by the platform yet.",
        "A white home on the hill was sold.",
        "It was a profound learning experience for everyone.",
        "He left as soon as extra police arrived.",
        "The Majority Chief Whip called the vote.",
        "They listed local weather changes and pure fuel cells.",
    ],
)
def test_spinner_leaves_clean_english_alone(clean):
    assert cleanmt.detect(clean, select=["SPN001"]) == []


@pytest.mark.parametrize("ff", load_false_friends(), ids=lambda ff: f"{ff.lang}:{ff.example[:30]}")
def test_false_friend_example_is_flagged_with_honest_confidence(ff):
    findings = cleanmt.detect(ff.example, select=["CLQ001"])
    assert findings, ff.example
    if ff.replacement is None:
        assert ff.confidence < 0.8
    else:
        assert cleanmt.fix(ff.example, select=["CLQ001"], min_confidence=0).fixed != ff.example


ANGLICISM_RULE = {"fr": "CLQ101", "es": "CLQ102", "de": "CLQ103"}


@pytest.mark.parametrize("row", load_anglicisms(), ids=lambda r: f"{r.lang}:{r.example[:30]}")
def test_anglicism_example_is_flagged_with_honest_confidence(row):
    rule = ANGLICISM_RULE[row.lang]
    findings = cleanmt.detect(row.example, select=[rule], lang=row.lang)
    assert findings, row.example
    if row.replacement is None:
        assert row.confidence < 0.8
    # a row of one language never fires in another's text
    other = next(lang for lang in ANGLICISM_RULE if lang != row.lang)
    assert cleanmt.detect(row.example, select=[ANGLICISM_RULE[other]], lang=other) == []


@pytest.mark.parametrize("name", ANGLICISM_LEXICONS.values())
def test_anglicism_rows_say_why(name):
    for row in load_tsv(name, required=("source", "why")):
        assert len(row["why"]) > 20, row


@pytest.mark.parametrize(
    "clean",
    [
        "She actually lives in Lyon now.",
        "Actually, the plan worked.",
        "He took a sensible approach to the sensible question.",
        "They assisted the victims at the scene.",
        "The trade balance of the country improved.",
        "The balance of power shifted.",
        "An important part of the deal was signed.",
        "Symptoms include manifestations of fatigue.",
        "She was embarrassed by her son's remarks.",
        "The library held a book sale; she bought a novel at the library book sale.",
        "Supporters celebrated the election of the new mayor.",
        "The firm's capacity to support the capacity of local schools grew.",
    ],
)
def test_calque_leaves_clean_english_alone(clean):
    assert cleanmt.detect(clean, select=["CLQ001"]) == []


def test_calque_reports_a_span_once_for_both_languages():
    findings = cleanmt.detect("No balance of victims was given.", select=["CLQ001"])
    assert len(findings) == 1
    assert "FR" in findings[0].message and "ES" in findings[0].message
    assert findings[0].replacement is None and findings[0].confidence < 0.8


# -- untranslated -------------------------------------------------------------------
def test_honorific_plural_follows_the_documents_title_style():
    us = cleanmt.fix("Mr. Blanc left. MM. Blanc and Roux met.", select=["UNT001"]).fixed
    uk = cleanmt.fix("Mr Blanc left. MM. Blanc and Roux met.", select=["UNT001"]).fixed
    assert us == "Mr. Blanc left. Messrs. Blanc and Roux met."
    assert uk == "Mr Blanc left. Messrs Blanc and Roux met."


def test_honorific_singular_is_fixed_only_with_evidence():
    alone = cleanmt.detect("Yesterday M. Rocard resigned.", select=["UNT001"])
    assert len(alone) == 1 and alone[0].replacement is None and alone[0].confidence < 0.8
    text = "Mme Rocard spoke. Then M. Rocard resigned."
    assert cleanmt.fix(text, select=["UNT001"]).fixed == "Ms. Rocard spoke. Then Mr. Rocard resigned."


@pytest.mark.parametrize(
    "clean",
    [
        "Mr. Tokayev and Mr Putin spoke.",
        "The author J. M. Coetzee and Sarah M. Jones attended.",
        "Sr. Agnes ran the clinic, said John Smith Sr. on Monday.",
        "Fr. Brown said mass.",
        "Thanks to:\nBernhard M. Wiedemann\n* fix slice bounds (Lucio M. Tato)",
        "L. Keep the notice.\nM. Delete the section.\nN. Add the title.",
    ],
)
def test_honorific_near_misses(clean):
    assert cleanmt.detect(clean, select=["UNT001"]) == []


def test_spanish_honorific_needs_a_second_spanish_honorific():
    text = "Sra. Gómez and Sr. Gómez voted."
    found = {f.text: f.replacement for f in cleanmt.detect(text, select=["UNT001"])}
    assert found == {"Sra.": "Ms.", "Sr.": "Mr."}


def test_section_labels():
    text = "Storm hits the coast [VIDÉO]\n[Análisis] Who pays for the damage\nClip [Video]\n"
    fixed = cleanmt.fix(text, select=["UNT002"]).fixed
    assert fixed == "Storm hits the coast\nWho pays for the damage\nClip [Video]\n"


def test_foreign_clause_is_deterministic_and_low_confidence():
    text = (
        "The minister spoke to reporters in Paris on Tuesday about the budget. "
        "Il a promis que les impôts ne seraient pas augmentés cette année. "
        "Opposition parties said they would vote against the plan."
    )
    first = cleanmt.detect(text, select=["UNT003"])
    assert first == cleanmt.detect(text, select=["UNT003"])
    assert len(first) == 1 and first[0].text.startswith("Il a promis")
    assert first[0].replacement is None and first[0].confidence < 0.8


@pytest.mark.parametrize(
    "clean",
    [
        "Copyright (C) 2003 Juan Manuel García Molina and Pierre-Alain Joye, all rights reserved.",
        "The box shadow is set with -moz-box-shadow: 1px 1px 1px #d8d8d8 in the stylesheet.",
        "She studied at the Bundesamt für Sicherheit in der Informationstechnik for a year.",
    ],
)
def test_foreign_clause_ignores_names_and_code(clean):
    assert cleanmt.detect(clean, select=["UNT003"]) == []


def test_foreign_clause_skips_a_document_in_another_language():
    text = "Le ministre a parlé aux journalistes mardi. Il a promis que les impôts baisseraient."
    assert cleanmt.detect(text, select=["UNT003"]) == []


# -- seeds and clean text ---------------------------------------------------------------
def test_seed_002_spinner_and_honorifics_are_fixed(seed_text):
    text = seed_text("002")
    assert text.count("once morest") == 3
    fixed = cleanmt.fix(text).fixed
    assert "once morest" not in fixed and "might not" not in fixed
    assert "could not be independently verified" in fixed
    assert "could not be verified from an independent source" in fixed
    assert "Messrs. Putin and Tokayev" in fixed
    assert "Mr. Tokayev" in fixed


def test_seed_labels_and_calques_are_flagged(seed_text):
    labels = [f.text.strip() for f in cleanmt.detect(seed_text("004"), select=["UNT002"])]
    assert "[Décryptage]" in labels
    calques = [f.text for f in cleanmt.detect(seed_text("001"), select=["CLQ001"])]
    assert "balance of civilians" in calques


def test_lexicon_examples_are_not_copied_from_seeds():
    seeds = "\n".join(p.read_text(encoding="utf-8") for p in SEEDS)
    examples = [e.example for e in SPIN if e.kind == "regex"] + [ff.example for ff in load_false_friends()]
    for ex in examples:
        assert ex not in seeds, ex


def test_fix_is_idempotent_on_seeds():
    for path in SEEDS:
        once = cleanmt.fix(path.read_text(encoding="utf-8"), select=LEXICAL).fixed
        assert cleanmt.fix(once, select=LEXICAL).fixed == once, path.name


def test_no_findings_on_clean_news(lee_articles):
    cleaner = cleanmt.Cleaner(select=LEXICAL)
    for art in lee_articles:
        assert cleaner.detect(art) == [], art[:80]


def test_context_false_friend_fixes_the_article_with_the_word():
    from cleanmt.rules.calque import _with_article

    text = "They fear an eventual attack."
    start = text.index("eventual")
    assert _with_article(text, start, "eventual", "possible") == (text.index("an "), "a possible")
    assert _with_article(text, start, "eventual", "imminent") == (start, "imminent")


def test_context_false_friend_needs_the_language_model_to_agree():
    # the same word, once where the model prefers the source meaning and once where it does not
    flagged = cleanmt.detect("The actual president, elected in May, met the unions.", select=["CLQ006"])
    assert [f.replacement for f in flagged] == ["current"]
    assert cleanmt.detect("The actual cost was far higher than the estimate.", select=["CLQ006"]) == []


def test_context_false_friend_respects_a_known_source_language():
    text = "The syndicates called a strike."
    assert cleanmt.Cleaner(select=["CLQ006"], source="fr").detect(text)
    assert cleanmt.Cleaner(select=["CLQ006"], source="de").detect(text) == []
