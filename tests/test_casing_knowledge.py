"""Casing rules backed by reference data (Hunspell word lists, CLDR, geonames), on
texts written for these tests (not the dev set), with the near misses they must
leave alone, in each target language; and the data modules they read."""
import pytest

from cleanmt.engine import Cleaner
from cleanmt.knowledge import calendar, demonyms, dictionary
from cleanmt.knowledge.hunspell import Affixes, expand


def flagged(text, lang, rules):
    found = Cleaner(select=rules, min_confidence=0.0, lang=lang).detect(text)
    return [(f.rule, f.text, f.replacement) for f in found]


# --------------------------------------------------------------------------- data modules
def test_hunspell_expansion_applies_suffixes_conditions_and_needaffix():
    aff = Affixes("SET UTF-8\nNEEDAFFIX !\nSFX S Y 2\nSFX S 0 s [^y]\nSFX S y ies y\n")
    assert sorted(expand(aff, "city", ("S",))) == ["cities", "city"]
    assert sorted(expand(aff, "cat", ("S",))) == ["cat", "cats"]
    assert sorted(expand(aff, "pupp", ("S", "!"))) == ["pupps"]


def test_hunspell_long_flags_and_elision_prefixes_skipped():
    aff = Affixes("FLAG long\nPFX L' Y 1\nPFX L' 0 l' .\nSFX S. Y 1\nSFX S. 0 s .\n")
    assert sorted(expand(aff, "ami", ("S.", "L'"))) == ["ami", "amis"]


def test_dictionary_case_forms():
    assert dictionary.forms("italian", "en") == {"Italian"}
    assert dictionary.forms("March", "en") == {"march", "March"}
    assert "NATO" in dictionary.forms("nato", "en")
    assert dictionary.forms("qzxqzx", "en") == frozenset()
    assert dictionary.case_class("Fund", "de") == dictionary.TITLE
    assert dictionary.case_class("deutsche", "de") == dictionary.LOWER
    assert dictionary.case_class("lunes", "es") & dictionary.LOWER
    assert dictionary.has_dictionary("fr") and not dictionary.has_dictionary("xx")


def test_calendar_names_from_cldr():
    assert "dimanche" in calendar.days("fr") and "Wednesday" in calendar.days("en")
    assert "diciembre" in calendar.months("es") and "März" in calendar.months("de")
    assert calendar.lowercase_names("fr") and calendar.lowercase_names("es")
    assert not calendar.lowercase_names("en") and not calendar.lowercase_names("de")


@pytest.mark.parametrize("word,lang", [("sevillanos", "es"), ("bolivianos", "es"), ("brasileñas", "es"),
                                       ("parisiennes", "fr"), ("marocains", "fr"), ("européens", "fr")])
def test_demonyms_from_places(word, lang):
    assert demonyms.place_for(word, lang)


@pytest.mark.parametrize("word,lang", [("hermanos", "es"), ("semana", "es"), ("humanos", "es"),
                                       ("certains", "fr"), ("musiciens", "fr"), ("voisins", "fr")])
def test_common_words_are_no_demonyms(word, lang):
    assert demonyms.place_for(word, lang) is None


# --------------------------------------------------------------------------- English
def test_lowercase_proper_nouns_in_english():
    text = ("The summit opens on thursday in Geneva. Delegates from the kenyan and "
            "norwegian governments arrived, and the talks end on 14 june.")
    found = flagged(text, "en", ["CAS004"])
    assert [(t, r) for _, t, r in found] == [("thursday", "Thursday"), ("kenyan", "Kenyan"),
                                              ("norwegian", "Norwegian"), ("june", "June")]


def test_english_near_misses_left_alone():
    text = ("Troops may march in August if the turkey farmers polish their plans; "
            "the china shop and the bill were fine. Mark the date: the rose garden opens "
            "in may, say organisers at www.texas.gov/events and @ohio_news.")
    assert flagged(text, "en", ["CAS004", "CAS005"]) == []


def test_german_style_capital_in_english():
    text = ("Unions called the plan a betrayal of employees. The company said it had told "
            "the Employees in writing and that the Implementing of the plan had begun.")
    assert ("CAS005", "Employees", "employees") in flagged(text, "en", ["CAS005"])


def test_english_institutions_and_names_left_alone():
    text = ("The Government said the government of the day would act. The Minister for "
            "Health and the Department of Transport met the Restructuring Committee, which "
            "oversees restructuring. An Independent review was ordered by the independent panel.")
    assert flagged(text, "en", ["CAS005"]) == []


# --------------------------------------------------------------------------- German
def test_german_lowercase_nouns():
    text = ("Die Polizei sicherte am Morgen den eingang. Ein zeuge hatte die Beamten alarmiert. "
            "Die Ermittler prüfen nun, ob der Täter allein handelte.")
    found = flagged(text, "de", ["CAS103"])
    assert [(t, r) for _, t, r in found] == [("eingang", "Eingang"), ("zeuge", "Zeuge")]


def test_german_near_misses_left_alone():
    text = ("Die Gäste, die essen wollten, warteten. Das essen wir nicht. Der erste kam spät, "
            "die meisten blieben, die beiden gingen. Die Deutsche Bahn und die Europäische Union "
            "verhandeln. Das neue Gesetz gilt ab Juli.")
    assert flagged(text, "de", ["CAS103", "CAS104"]) == []


def test_german_capitalised_adjective_in_list():
    text = "Französische, italienische und Spanische Winzer klagen über die Dürre."
    found = flagged(text, "de", ["CAS104"])
    assert [(t, r) for _, t, r in found] == [("Spanische", "spanische")]  # the first word starts the sentence


# --------------------------------------------------------------------------- French and Spanish
def test_spanish_calendar_demonym_and_title():
    text = ("Las lluvias comenzaron Martes por la noche. Los Sevillanos salieron a la calle, "
            "según explicó el Alcalde de Sevilla, José Luis Sanz, en rueda de prensa.")
    found = flagged(text, "es", ["CAS105", "CAS106", "CAS107"])
    assert sorted(t for _, t, _ in found) == ["Alcalde", "Martes", "Sevillanos"]


def test_spanish_near_misses_left_alone():
    text = ("La manifestación llenó la Plaza de Mayo. Domingo Pérez cantó con Plácido Domingo. "
            "El Ministerio de Sanidad, Salud Pública y la Universidad de Sevilla firmaron el acuerdo. "
            "Los Ángeles y la Comunidad Valenciana enviaron ayuda; los sevillanos lo agradecieron.")
    assert flagged(text, "es", ["CAS105", "CAS106", "CAS107"]) == []


def test_french_calendar_and_demonym_adjective():
    text = "Les élus ont voté Mercredi une motion soutenue par les maires Lyonnais et Marseillais."
    found = flagged(text, "fr", ["CAS105", "CAS107"])
    assert ("CAS105", "Mercredi", "mercredi") in found


def test_french_near_misses_left_alone():
    text = ("Le Journal du Dimanche a publié l’entretien. Les Marocains et les Parisiens ont voté. "
            "La sonde Mars Express a survolé Mars. Le Vendredi saint tombe en avril.")
    assert flagged(text, "fr", ["CAS105", "CAS106", "CAS107"]) == []


# --------------------------------------------------------------------------- Dutch particles
def test_dutch_particle_after_first_name():
    text = ("Mayor Femke de Jong opened the session. Councillor Joost Van den Berg then spoke, "
            "and Van den Berg later left.")
    found = flagged(text, "en", ["CAS006"])
    assert [(t, r) for _, t, r in found] == [("Van den ", "van den ")]
