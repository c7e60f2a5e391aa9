"""knowledge/first_names.py: the two name sources merged (nomquamgender's table first,
gender-guesser's nam_dict.txt for the names it lacks), unisex names left out."""
import pytest

from cleanmt.knowledge import first_names
from cleanmt.lexicon import load_tsv

nam_dict = first_names._nam_dict()
pytestmark = pytest.mark.skipif(not nam_dict, reason="gender-guesser is not installed")


def test_nam_dict_fills_names_the_table_lacks():
    table = {r["name"] for r in load_tsv("first_names.tsv", required=("name", "gender"))}
    added = [n for n in nam_dict if n not in table]
    assert len(added) > 10_000
    for name in added[:: max(1, len(added) // 50)]:
        assert first_names.gender_of(name) == nam_dict[name]


def test_the_table_wins_where_both_know_a_name():
    rows = load_tsv("first_names.tsv", required=("name", "gender"))
    for r in rows[:: max(1, len(rows) // 200)]:
        assert first_names.gender_of(r["name"]) == r["gender"]


def test_two_sources_rarely_disagree():
    rows = {r["name"]: r["gender"] for r in load_tsv("first_names.tsv", required=("name", "gender"))}
    both = [n for n in rows if n in nam_dict]
    disagree = [n for n in both if rows[n] != nam_dict[n]]
    assert len(both) > 1000 and len(disagree) <= len(both) // 100


@pytest.mark.parametrize("name", ["Andrea", "Jean", "Kim", "Robin", "Simone", "Nicola", "Dominique"])
def test_names_borne_by_both_give_none(name):
    assert first_names.gender_of(name) is None


def test_a_name_of_both_genders_in_nam_dict_is_left_out():
    # "Andrea" is male in Italy and female elsewhere: nam_dict lists it with both marks
    assert "andrea" not in nam_dict
