"""knowledge/dictionary.py: the classes read word by word from disk equal those in memory."""
import pytest

from cleanmt.knowledge import dictionary
from cleanmt.knowledge.dictionary import case_class, stored_case_classes


@pytest.mark.parametrize("lang", ["de", "fr"])
def test_stored_case_classes_equal_the_loaded_index(lang):
    lower, title, other = dictionary._index(lang)
    sample = sorted(lower)[::97] + sorted(title)[::31] + sorted(other)[::7]
    sample += [w for w in sorted(lower) if "-" in w][::13]  # the compounds UNT009 asks about
    sample += [w.capitalize() for w in sorted(title)[::211]] + ["zzqxv", "nord-zzqxv"]
    assert len(sample) > 3000
    stored = stored_case_classes(sample, lang)
    assert {w: c for w in sample if (c := case_class(w, lang))} == stored
    assert "zzqxv" not in stored
