"""Target-language profiles and --lang auto."""
import pytest

from cleanmt.engine import Cleaner
from cleanmt.lang import SUPPORTED, detect_language, get_profile


@pytest.mark.parametrize("code", SUPPORTED)
def test_profile_loads_with_sources(code):
    p = get_profile(code)
    assert p.code == code and p.sources and len(p.primary_quotes) == 2


def test_french_profile_conventions():
    fr = get_profile("fr")
    assert fr.primary_quotes == ("«", "»") and ":" in fr.space_before and fr.decimal_separator == ","


def test_detect_french_and_german():
    fr = "Le gouvernement a annoncé vendredi de nouvelles mesures pour calmer la colère des manifestants dans tout le pays. " * 3
    de = "Die Regierung hat am Freitag neue Maßnahmen angekündigt, um die Wut der Demonstranten im ganzen Land zu beruhigen. " * 3
    assert detect_language(fr).code == "fr"
    assert detect_language(de).code == "de"


def test_short_text_falls_back_to_english_and_says_so():
    g = detect_language("Bonjour tout le monde.")
    assert g.code == "en" and "too short" in g.reason


def test_unsupported_language_falls_back():
    it = "Il governo ha annunciato venerdì nuove misure per calmare la rabbia dei manifestanti in tutto il paese. " * 3
    g = detect_language(it)
    assert g.code == "en" and "no profile" in g.reason


def test_unknown_lang_is_a_usage_error():
    with pytest.raises(ValueError, match="no profile"):
        Cleaner(lang="xx")
