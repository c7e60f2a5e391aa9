"""UNT011's table: CLDR month and day names of source languages that English does not
write in lower case, each mapped to the English name of the same month or day."""
from cleanmt import Cleaner
from cleanmt.knowledge.calendar import SOURCE_LANGS, days, foreign_names_in_english, months


def test_every_entry_maps_to_the_english_name_of_the_same_month_or_day():
    table = foreign_names_in_english()
    assert len(table) > 50
    for name, (lang, english, kind, _) in table.items():
        own = months(lang) if kind == "month" else days(lang)
        theirs = months("en") if kind == "month" else days("en")
        assert lang in SOURCE_LANGS and english in theirs
        assert name in [n.lower() for n in own], (name, lang)


def test_english_words_and_short_names_are_not_in_the_table():
    table = foreign_names_in_english()
    for word in ("mars", "april", "august", "mai", "mei", "september"):
        assert word not in table, word


def test_a_name_english_also_writes_as_a_name_needs_a_date():
    table = foreign_names_in_english()
    assert table["mardi"][3] and not table["jeudi"][3]
    found = {(f.rule, f.replacement) for f in Cleaner(lang="en").detect("The summit opens on mardi in Rome.")}
    assert ("UNT011", "Tuesday") in found and not any(rule == "CAS004" for rule, _ in found)
    assert not [f for f in Cleaner(lang="en").detect("Tourists love mardi gras beads, she said.")
                if f.rule == "UNT011"]
