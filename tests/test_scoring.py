"""The artifact score's word count is str.split's, whichever way it is counted."""
import random

from cleanmt.scoring import artifact_score, word_count


def test_word_count_equals_str_split_on_ascii_and_other_text():
    rnd = random.Random(5)
    alphabet = "ab ,.\t\n\r\x0b\x0c\x1c\x1f\x85é\u00a0\u2028"
    ascii_alphabet = "ab ,.\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x00\x7f"
    texts = ["", " ", "a", " a", "a ", "a b", "  a  b  ", "\x1c", "a\x1cb", "a\x85b", "a\u00a0b"]
    for _ in range(3000):
        chars = ascii_alphabet if rnd.random() < 0.7 else alphabet
        texts.append("".join(rnd.choice(chars) for _ in range(rnd.randint(0, 25))))
    for t in texts:
        assert word_count(t) == len(t.split()), repr(t)


def test_score_is_per_thousand_words():
    assert artifact_score("one two three four", [])["words"] == 4
    assert artifact_score("", [])["words"] == 1  # never divides by zero
