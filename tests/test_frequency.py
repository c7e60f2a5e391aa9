"""The fast path of cleanmt.frequency.zipf answers exactly as wordfreq.zipf_frequency."""
import pytest
from wordfreq import get_frequency_dict, zipf_frequency

from cleanmt import frequency
from cleanmt.frequency import FAST_LANGS, is_plain, zipf


@pytest.mark.parametrize("lang", sorted(FAST_LANGS))
def test_fast_zipf_equals_wordfreq_on_every_plain_listed_word(lang):
    freqs = get_frequency_dict(lang, "best")
    plain = [w for w in freqs if is_plain(w)]
    assert len(plain) > 1000
    wrong = [(w, zipf(w, lang), zipf_frequency(w, lang)) for w in plain if zipf(w, lang) != zipf_frequency(w, lang)]
    assert wrong == []


@pytest.mark.parametrize("lang", sorted(FAST_LANGS))
def test_fast_zipf_equals_wordfreq_on_unlisted_plain_words(lang):
    freqs = get_frequency_dict(lang, "best")
    unlisted = [w for w in ("qqxzv", "zzzzzzzzzzzz", "merkelovitchski", "abcdefghijklmnopqrstuvwxyz") if w not in freqs]
    assert unlisted
    for w in unlisted:
        assert zipf(w, lang) == zipf_frequency(w, lang) == 0.0


def test_plain_words_take_the_fast_path_and_others_do_not(monkeypatch):
    calls = []
    frequency._tables("en")  # built (and cached) with the real zipf_frequency before the patch
    monkeypatch.setattr(frequency, "zipf_frequency", lambda w, lang: calls.append(w) or -1.0)
    assert zipf("house", "en") > 0 and calls == []
    for w in ("House", "don't", "café", "e-mail", "x2", "", "maison"):
        assert zipf(w, "fr" if w == "maison" else "en") == -1.0
    assert calls == ["House", "don't", "café", "e-mail", "x2", "", "maison"]


def test_is_plain():
    assert is_plain("abc") and is_plain("z")
    for w in ("", "Abc", "ab c", "é", "ab-c", "ab'c", "a1", "ǆ", "ß"):
        assert not is_plain(w)
