"""The fast path of cleanmt.frequency.zipf answers exactly as wordfreq.zipf_frequency."""
import pytest
from wordfreq import get_frequency_dict, zipf_frequency

from cleanmt import frequency
from cleanmt.frequency import FAST_LISTS, is_plain, zipf


@pytest.mark.parametrize("lang,wordlist", sorted(FAST_LISTS))
def test_fast_zipf_equals_wordfreq_on_every_plain_listed_word(lang, wordlist):
    freqs = get_frequency_dict(lang, wordlist)
    plain = [w for w in freqs if is_plain(w)]
    assert len(plain) > 1000
    wrong = [
        (w, zipf(w, lang, wordlist), zipf_frequency(w, lang, wordlist))
        for w in plain
        if zipf(w, lang, wordlist) != zipf_frequency(w, lang, wordlist)
    ]
    assert wrong == []


@pytest.mark.parametrize("lang,wordlist", sorted(FAST_LISTS))
def test_fast_zipf_equals_wordfreq_on_unlisted_plain_words(lang, wordlist):
    freqs = get_frequency_dict(lang, wordlist)
    unlisted = [w for w in ("qqxzv", "zzzzzzzzzzzz", "merkelovitchski", "abcdefghijklmnopqrstuvwxyz") if w not in freqs]
    assert unlisted
    for w in unlisted:
        assert zipf(w, lang, wordlist) == zipf_frequency(w, lang, wordlist) == 0.0


def test_only_plain_words_in_tested_lists_take_the_fast_path(monkeypatch):
    calls = []
    zipf("house", "en")  # its band's value taken from the real zipf_frequency before the patch
    monkeypatch.setattr(frequency, "zipf_frequency", lambda w, lang, wordlist: calls.append(w) or -1.0)
    assert zipf("house", "en") > 0 and calls == []
    for w in ("House", "don't", "café", "e-mail", "x2", ""):
        assert zipf(w, "en") == -1.0
    assert zipf("maison", "fr") == -1.0  # fr's default list is not tested: wordfreq answers
    assert zipf("house", "en", "large") == -1.0
    assert calls == ["House", "don't", "café", "e-mail", "x2", "", "maison", "house"]


def test_a_band_is_valued_by_wordfreq_on_first_use(monkeypatch):
    """The frequency -> zipf memo is filled from wordfreq itself, one call per band."""
    freqs, memo = frequency._tables("en", "best")
    word = "house"
    zipf(word, "en")
    monkeypatch.delitem(memo, freqs[word])  # its band not valued yet (put back after the test)
    calls = []
    real = frequency.zipf_frequency
    monkeypatch.setattr(frequency, "zipf_frequency", lambda w, lang, wl: calls.append(w) or real(w, lang, wl))
    assert zipf(word, "en") == real(word, "en", "best")
    assert zipf(word, "en") == real(word, "en", "best")
    assert calls == [word] and memo[freqs[word]] == real(word, "en", "best")


def test_is_plain():
    assert is_plain("abc") and is_plain("z")
    for w in ("", "Abc", "ab c", "é", "ab-c", "ab'c", "a1", "ǆ", "ß"):
        assert not is_plain(w)


@pytest.mark.parametrize("lang,wordlist", [("en", "best"), ("fr", "small")])
def test_the_stored_values_are_wordfreqs(lang, wordlist):
    """Before a list is loaded, plain words are read from its SQLite copy (_stored_zipf):
    the same values as wordfreq's, listed or not."""
    freqs = get_frequency_dict(lang, wordlist)
    words = [w for w in freqs if is_plain(w)][::97] + ["qqxzv", "merkelovitchski"]
    stored = frequency._store(lang, wordlist).get_many(words)
    assert all(stored.get(w, 0.0) == zipf_frequency(w, lang, wordlist) for w in words)


def test_stored_zipf_answers_as_wordfreq_at_and_above_its_floor():
    """frequency.stored_zipf (German's large list read word by word from disk) against
    zipf_frequency over every 25th word of letters of the list, umlauts, ß and all."""
    freqs = get_frequency_dict("de", "best")
    words = [w for w in list(freqs)[::25] if w.isalpha()] + ["Straße", "Mitbestimmung", "qqxzvlaut"]
    assert len(words) > 10_000
    wrong = []
    for w in words:
        z = zipf_frequency(w, "de")
        want = z if z >= 2.5 else 0.0
        if frequency.stored_zipf(w, "de", 2.5) != want:
            wrong.append((w, frequency.stored_zipf(w, "de", 2.5), z))
    assert wrong == []
    assert frequency.stored_zipf("Straße", "de", 2.5) == zipf_frequency("strasse", "de") > 4
