"""The span-infilling model: its input format, its damage, its candidates and the shipped model."""
import random

import pytest

from cleanmt.engine import Cleaner
from cleanmt.rewrite import inject, span, span_inject
from cleanmt.rewrite.proposer import DEFAULT_MODEL_NAME, default_model_path

SENTENCE = ("The death toll rose to 5.6% in Moscow on Tuesday, officials said, and the prime minister "
            "called for “an inquiry” into 1,200 claims in Germany.")


# -- the input format ------------------------------------------------------------------
def test_make_input_marks_the_span_and_keeps_whole_words_of_context():
    text = "one two three four five six seven eight nine ten eleven twelve"
    start = text.index("six")
    x = span.make_input(text, start, start + 3, "casing", context=12)
    assert x.startswith("casing:") and f"{span.OPEN}six{span.CLOSE}" in x
    left, right = x[len("casing:"):].split(span.OPEN)[0], x.split(span.CLOSE)[1]
    assert len(left) <= 12 and len(right) <= 12 and "six" not in left + right
    assert text.endswith(left + "six" + right) is False and f" {left}six{right} " in f" {text} "  # whole words
    assert span.make_input(text, 0, 3).startswith(f"?:{span.OPEN}one{span.CLOSE}")


# -- the damage ------------------------------------------------------------------------
@pytest.mark.parametrize("family", list(span_inject.FAMILIES))
def test_each_family_damages_a_sentence_and_says_where(family):
    rng = random.Random(0)
    clean = inject.curl_quotes(SENTENCE)
    ex = None
    for _ in range(20):
        ex = span_inject.make_example(clean, rng, family=family, second_rate=0.0)
        if ex is not None:
            break
    assert ex is not None, family
    assert ex.family == family and ex.damaged != ex.clean
    # the marked span holds the damage: putting the target back gives the clean sentence
    assert ex.damaged[: ex.start] + ex.target + ex.damaged[ex.end :] == ex.clean
    assert ex.input.count(span.OPEN) == 1 and ex.input.count(span.CLOSE) == 1


def test_keep_examples_answer_the_span_itself():
    ex = span_inject.make_example(SENTENCE, random.Random(2), family="keep")
    assert ex.damaged == ex.clean and ex.damaged[ex.start : ex.end] == ex.target


def test_tables_are_the_projects_knowledge_read_backwards():
    assert "OTAN" in span_inject.name_index().get("NATO", [])  # data/organisations.tsv
    assert "Allemagne" in span_inject.name_index().get("Germany", [])  # data/exonyms.tsv
    assert "janvier" in span_inject.foreign_index().get("January", [])  # CLDR month names
    assert "actual" in span_inject.calque_index().get("current", [])  # data/false_friends_lm.tsv
    assert "once morest" in span_inject.spinner_index().get("against", [])  # data/spinner.tsv


def test_heldout_examples_come_from_the_held_out_documents_only():
    docs = [f"Document {i} reports that the prime minister met officials in Germany on Tuesday." for i in range(30)]
    train, held = inject.split_documents(docs)
    exs = span_inject.heldout_examples(inject.corpus_sentences(held), per_family=5)
    train_sents = set(inject.corpus_sentences(train))
    assert exs and all(e.clean not in train_sents for e in exs)


def test_a_detected_finding_is_damage_the_injector_makes():
    rng = random.Random(5)
    for _ in range(20):
        ex = span_inject.make_example("Riots against the regime spread.", rng, family="spinner", second_rate=0.0)
        if ex is not None and "once morest" in ex.damaged:
            break
    assert any(f.category == "spinner" for f in Cleaner().detect(ex.damaged))


# -- candidates from a span model (no torch: a stub model) --------------------------------
class _StubSpanModel:
    """A span model that answers `answer` for every span and scores targets with `prefer`."""

    span_model = True
    context = span.CONTEXT

    def __init__(self, answer, prefer):
        self.answer, self.prefer, self.inputs = answer, prefer, []

    def max_input_chars(self):
        return 400

    def span_input(self, text, start, end, category=""):
        return span.make_input(text, start, end, category)

    def propose(self, inputs, num_beams=4, batch_size=16, strip=True):
        self.inputs += list(inputs)
        return [[self.answer(x)] for x in inputs]

    def logprobs(self, sources, targets, batch_size=16):
        return [self.prefer(s, t) for s, t in zip(sources, targets)]


def _marked(x):
    return x.split(span.OPEN)[1].split(span.CLOSE)[0]


def test_span_model_sees_each_flagged_span_and_changes_nothing_else(monkeypatch):
    from cleanmt import rewrite

    text = "Riots once morest the regime spread. The city was calm."
    stub = _StubSpanModel(lambda x: "against", lambda s, t: 0.0 if t == _marked(s) else 3.0)
    monkeypatch.setattr(rewrite, "load_proposer", lambda model=None: stub)
    result = rewrite.rewrite_text(text, Cleaner(min_confidence=0.99), model=stub)
    assert [_marked(x) for x in stub.inputs] == ["once morest"]  # only the flagged span, marked
    assert result.text == "Riots against the regime spread. The city was calm."
    (p,) = result.proposals
    assert p.accepted and p.margin >= 1.0


def test_span_model_edit_below_the_copy_margin_is_refused(monkeypatch):
    from cleanmt import rewrite

    text = "Riots once morest the regime spread."
    stub = _StubSpanModel(lambda x: "against", lambda s, t: 0.0 if t == _marked(s) else 0.5)
    monkeypatch.setattr(rewrite, "load_proposer", lambda model=None: stub)
    cleaner = Cleaner(min_confidence=0.99)
    # the finding's own replacement needs only to beat the copy (0.5 > 0); the model's is the same text
    result = rewrite.rewrite_text(text, cleaner, model=stub)
    assert all(p.origin != "model" for p in result.accepted)
    stub2 = _StubSpanModel(lambda x: "versus", lambda s, t: 0.0 if t == _marked(s) else 0.5)
    monkeypatch.setattr(rewrite, "load_proposer", lambda model=None: stub2)
    result = rewrite.rewrite_text(text, cleaner, model=stub2)
    assert "versus" not in result.text


def test_span_model_never_gets_an_unfaithful_answer_past_the_gate(monkeypatch):
    from cleanmt import rewrite

    text = "Riots once morest the regime spread to 3 cities."
    # a model that "repairs" the span by changing a number and dropping words
    stub = _StubSpanModel(lambda x: "and 4", lambda s, t: 0.0 if t == _marked(s) else 9.0)
    monkeypatch.setattr(rewrite, "load_proposer", lambda model=None: stub)
    result = rewrite.rewrite_text(text, Cleaner(min_confidence=0.99), model=stub)
    assert "4" not in result.text


# -- the shipped span model ---------------------------------------------------------------
@pytest.fixture(scope="module")
def span_proposer():
    pytest.importorskip("torch", reason="torch not installed (the `model` extra)")
    pytest.importorskip("transformers", reason="transformers not installed (the `model` extra)")
    from cleanmt.rewrite import load_proposer

    path = default_model_path()
    if path.name != DEFAULT_MODEL_NAME:
        pytest.skip("$CLEANMT_MODEL points elsewhere")
    if not (path / "model.safetensors").exists():
        pytest.fail(f"the shipped span model is missing at {path}")
    import torch

    torch.set_num_threads(2)
    return load_proposer(path)


def test_shipped_span_model_is_small_and_marked(span_proposer):
    assert span_proposer.span_model and span_proposer.byte_level
    assert (default_model_path() / "model.safetensors").stat().st_size <= 15 * 1024 * 1024


def test_shipped_span_model_keeps_a_clean_span_and_repairs_spacing(span_proposer):
    text = "The capital , where the protests began, was calm."
    i = text.index(" ,")
    keep = span_proposer.span_input(text, text.index("capital"), text.index("capital") + 7, "casing")
    fix = span_proposer.span_input(text, i, i + 2, "punctuation")
    (keep_beams, fix_beams) = span_proposer.propose([keep, fix], num_beams=2, strip=False)
    assert "capital" in keep_beams  # "keep" is among its answers for a clean word
    assert fix_beams[0] == ","


def test_shipped_span_model_changes_nothing_outside_findings(span_proposer):
    from cleanmt.rewrite import rewrite_text

    text = "Riots once morest the regime spread to 3 cities , officials said.\nAll was quiet on Sunday."
    cleaner = Cleaner(min_confidence=0.99)
    findings = cleaner.detect(text)
    result = rewrite_text(text, cleaner, model=span_proposer)
    from rapidfuzz.distance import Levenshtein

    for p in result.accepted:
        spans = [(f.start - p.start, f.end - p.start) for f in findings if p.start <= f.start and f.end <= p.end]
        for o in Levenshtein.opcodes(p.original, p.candidate):
            if o.tag != "equal":
                assert any(a <= o.src_start and o.src_end <= b for a, b in spans), (p.original, p.candidate)


def test_span_model_answer_it_is_unsure_of_is_dropped_even_with_a_margin(monkeypatch):
    from cleanmt import rewrite

    text = "Riots once morest the regime spread."
    # P(answer) = e^-2: far likelier than the copy (e^-9), but not a sure answer
    stub = _StubSpanModel(lambda x: "versus", lambda s, t: -9.0 if t == _marked(s) else -2.0)
    monkeypatch.setattr(rewrite, "load_proposer", lambda model=None: stub)
    result = rewrite.rewrite_text(text, Cleaner(min_confidence=0.99), model=stub)
    assert "versus" not in result.text
    assert any("unsure" in r for p in result.proposals for r in p.reasons)
