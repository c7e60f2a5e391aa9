"""The rewriter: sentence spans, the injector, model loading, and the shipped model on CPU."""
import random

import pytest

from cleanmt.engine import Cleaner
from cleanmt.rewrite import inject
from cleanmt.rewrite.sentences import sentence_spans, split_sentences


# -- sentences ---------------------------------------------------------------------
def test_sentence_spans_index_the_text():
    text = "Mr. Smith came. He left. . Then “Yes,” she said!\nA new line  here.  "
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == [
        "Mr. Smith came.", "He left. .", "Then “Yes,” she said!", "A new line  here."
    ]


def test_sentences_do_not_split_abbreviations_or_initials():
    assert split_sentences("J. Doe met Dr. Who at 4.30pm. U.S. forces left.") == [
        "J. Doe met Dr. Who at 4.30pm.", "U.S. forces left."
    ]


# -- injector ----------------------------------------------------------------------
def test_each_transform_damages_a_sentence_it_applies_to():
    rng = random.Random(3)
    clean = "The death toll could not be confirmed, said Mr Lavrov in “a statement” today."
    for name, fn in inject.TRANSFORMS.items():
        out = fn(inject.curl_quotes(clean), rng)
        assert out is not None and out != clean, name


def test_transforms_leave_sentences_they_do_not_apply_to():
    rng = random.Random(0)
    assert inject.garble_quotes("No quotes here.", rng) is None
    assert inject.calque("Nothing to see", rng) is None
    assert inject.casing("all lower case words only.", rng) is None


def test_spinner_table_reads_the_lexicon_backwards():
    spun = [s for _, s in inject.spinner_table()]
    assert "once morest" in spun  # from data/spinner.tsv (pattern column)
    rng = random.Random(0)
    assert inject.spinner("They marched against the regime.", rng) == "They marched once morest the regime."


def test_make_pair_and_heldout_split():
    rng = random.Random(1)
    damaged, clean, kinds = inject.make_pair('He said "no" to Paris, today.', rng, identity_rate=0.0)
    assert clean == "He said “no” to Paris, today." and damaged != clean and kinds
    docs = [f"Document {i} says hello. It ends here." for i in range(30)]
    train, held = inject.split_documents(docs)
    assert len(held) == 3 and not set(train) & set(held)


def test_damage_is_what_the_detector_flags_at_least_for_the_spinner():
    rng = random.Random(0)
    damaged = inject.spinner("People rallied against the plan.", rng)
    assert any(f.rule == "SPN001" for f in Cleaner().detect(damaged))


# -- model loading -------------------------------------------------------------------
def test_missing_model_is_a_clear_error(tmp_path, monkeypatch):
    pytest.importorskip("torch", reason="torch not installed (the `model` extra)")
    pytest.importorskip("transformers", reason="transformers not installed (the `model` extra)")
    from cleanmt.rewrite import ModelNotFound, Proposer

    with pytest.raises(ModelNotFound, match="not found"):
        Proposer(str(tmp_path / "nope"))
    with pytest.raises(ModelNotFound, match="config.json"):
        Proposer(str(tmp_path))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelNotFound, match="local Hugging Face cache"):
        Proposer("someone/no-such-model-cleanmt-test")


def test_default_model_path_honours_env(monkeypatch, tmp_path):
    from cleanmt.rewrite import default_model_path

    monkeypatch.setenv("CLEANMT_MODEL", str(tmp_path))
    assert default_model_path() == tmp_path
    monkeypatch.delenv("CLEANMT_MODEL")
    from cleanmt.rewrite.proposer import DEFAULT_MODEL_NAME

    assert default_model_path().name == DEFAULT_MODEL_NAME


def test_byte_encoding_matches_byt5_tokenizer():
    transformers = pytest.importorskip("transformers", reason="transformers not installed")
    from cleanmt.rewrite.train import encode

    tok = transformers.ByT5Tokenizer()
    for s in ["Hello, world.", "Tokaïev “quoted” — 20 000"]:
        assert encode(s) == tok(s)["input_ids"]


# -- the shipped model on CPU ----------------------------------------------------------
@pytest.fixture(scope="module")
def proposer():
    pytest.importorskip("torch", reason="torch not installed (the `model` extra)")
    pytest.importorskip("transformers", reason="transformers not installed (the `model` extra)")
    from cleanmt.rewrite import load_proposer

    if not (_whole_sentence_model() / "model.safetensors").exists():
        pytest.fail(f"the shipped model is missing at {_whole_sentence_model()}")
    import torch

    torch.set_num_threads(2)
    return load_proposer(_whole_sentence_model())


def _whole_sentence_model():
    """The earlier whole-sentence model (the default is the span model: test_rewrite_span.py)."""
    from cleanmt.rewrite.proposer import WHOLE_SENTENCE_MODEL_NAME, default_model_path

    return default_model_path().parent / WHOLE_SENTENCE_MODEL_NAME


def test_shipped_model_is_small_and_byte_level(proposer):
    size = (_whole_sentence_model() / "model.safetensors").stat().st_size
    assert size <= 25 * 1024 * 1024
    assert proposer.byte_level


def test_shipped_model_proposes_nbest_for_each_sentence(proposer):
    sentences = ["The capital , where the protests began, was calm.", "Nothing is wrong with this one."]
    nbest = proposer.propose(sentences, num_beams=3, batch_size=2)
    assert len(nbest) == 2 and all(len(c) == 3 for c in nbest)
    assert all(isinstance(c, str) for cands in nbest for c in cands)
    # a copy-trained model keeps a clean sentence (nearly) as it is; an untrained one does not
    from cleanmt.rewrite.faithfulness import edit_distance

    assert min(edit_distance(c, sentences[1]) for c in nbest[1]) <= 0.25 * len(sentences[1])


def test_rewrite_text_keeps_everything_outside_accepted_sentences(proposer):
    from cleanmt.rewrite import rewrite_text

    text = "Riots once morest the regime spread to 3 cities.\r\nAll was quiet on Sunday.  \nThe end"
    result = rewrite_text(text, Cleaner(), model=proposer, mode="flagged", num_beams=4)
    assert len(result.proposals) == 1  # only the flagged sentence goes to the model
    p = result.proposals[0]
    assert text[p.start : p.end] == p.original
    rebuilt = text[: p.start] + (p.candidate if p.accepted else p.original) + text[p.end :]
    assert result.text == rebuilt
    if p.accepted:
        assert "3" in p.candidate and p.score >= 0.8 and not p.hard_fail


def test_rewrite_text_never_accepts_unfaithful_candidates(proposer):
    from cleanmt.rewrite import rewrite_text
    from cleanmt.rewrite.faithfulness import hard_checks

    text = "In all , 26 people did not attend the meeting in Sydney. . Riots once morest Canberra."
    result = rewrite_text(text, Cleaner(), model=proposer, mode="all", num_beams=4)
    assert result.proposals
    for p in result.proposals:
        if p.accepted:
            assert not hard_checks(p.original, p.candidate)
            assert p.score >= 0.8


def test_rewrite_text_rejects_bad_mode():
    from cleanmt.rewrite import rewrite_text

    with pytest.raises(ValueError):
        rewrite_text("x", Cleaner(), mode="some")


# -- proposals confined to findings -------------------------------------------------
def test_confine_keeps_only_edits_inside_flagged_spans():
    from cleanmt.rewrite import confine

    original = "The figures rose , said the minister."
    beam = "The figsures rose, said the ministers."  # a repair at the flag, damage elsewhere
    flagged = [(original.index(" ,"), original.index(" ,") + 2)]
    assert confine(original, beam, flagged) == "The figures rose, said the minister."
    assert confine(original, beam, []) == original


class _StubProposer:
    """A model that always proposes `beams` and prefers candidates by `prefer` (log-probs)."""

    def __init__(self, beams, prefer):
        self.beams, self.prefer = beams, prefer

    def max_input_chars(self):
        return 400

    def propose(self, sentences, num_beams=4, batch_size=16):
        return [list(self.beams) for _ in sentences]

    def logprobs(self, sources, targets, batch_size=16):
        return [self.prefer(s, t) for s, t in zip(sources, targets)]


def test_no_change_is_an_answer_when_the_copy_is_more_likely(monkeypatch):
    from cleanmt import rewrite

    text = "Riots once morest the regime spread."
    stub = _StubProposer(["Riots against the regime spread."], lambda s, t: 0.0 if s == t else -5.0)
    monkeypatch.setattr(rewrite, "load_proposer", lambda model=None: stub)
    result = rewrite.rewrite_text(text, Cleaner(min_confidence=0.99), model=stub)
    (p,) = result.proposals
    assert not p.accepted and result.text == text and any("less likely than the copy" in r for r in p.reasons)


def test_a_flagged_edit_the_model_prefers_is_accepted_and_nothing_else_changes(monkeypatch):
    from cleanmt import rewrite

    text = "Riots once morest the regime spread. The city was calm."
    beam = "Riots against the regime spread widely."  # the tail edit lies outside the flag
    stub = _StubProposer([beam], lambda s, t: 0.0 if s == t else 5.0)
    monkeypatch.setattr(rewrite, "load_proposer", lambda model=None: stub)
    result = rewrite.rewrite_text(text, Cleaner(min_confidence=0.99), model=stub)
    assert result.text == "Riots against the regime spread. The city was calm."
    (p,) = [p for p in result.proposals if p.accepted]
    assert p.origin in ("knowledge", "model") and p.margin > 0


def test_findings_the_rules_fixed_are_never_sent(monkeypatch):
    from cleanmt import rewrite

    cleaner = Cleaner()
    fixed = cleaner.fix("Riots once morest the regime spread.").fixed
    stub = _StubProposer(["x"], lambda s, t: 0.0)
    monkeypatch.setattr(rewrite, "load_proposer", lambda model=None: stub)
    assert rewrite.rewrite_text(fixed, cleaner, model=stub).proposals == []
