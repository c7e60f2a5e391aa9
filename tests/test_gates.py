"""Targeted tests of single rules' gates (cheap necessary conditions checked before
the rule's detailed work): each case is one the gate must let through, or one it
must stop, so a gate that grows too strict or too loose fails here."""
import sys

import pytest
import regex

from cleanmt.document import Document
from cleanmt.registry import all_rules

RULES = {r.id: r for r in all_rules()}


@pytest.mark.parametrize(
    "text, may",
    [
        ("Can the ceasefire hold? [Décryptage]\nBody.", True),  # at a line end
        ("Can the ceasefire hold? [Décryptage] \t", True),  # at the text end, blanks after
        ("[Entrevista] The mayor on water prices", True),  # at the text start
        ("Body.\n \t[Entrevista] The mayor", True),  # at a line start, after its indent
        ("He said [sic] that it was over. [Video]", True),  # a second "[" that qualifies
        ("He said [sic] that it was over.", False),  # mid-line
        ("Body.\nx [Entrevista] The mayor", False),  # a word before it on its line
        ("Can the ceasefire hold? [Décryptage].", False),  # not at the line end
        ("Can the ceasefire hold? [Dé-cryptage]", False),  # not a label
        ("Can the ceasefire hold? [" + "x" * 30 + "]", False),  # too long for a label
        ("[]\n[1] The mayor", False),
    ],
)
def test_section_label_gate(text, may):
    from cleanmt.rules.untranslated import _may_have_label

    assert _may_have_label(Document(text)) is may


@pytest.mark.parametrize(
    "text, may",
    [
        ("The talks ended without a deal . Both sides left.", True),
        ("Nobody was hurt .", True),
        ("Nobody was hurt .\nThen it rained.", True),
        ("Nobody was hurt\u00a0. Then it rained.", True),
        ("Nobody was hurt\u202f. “Then it rained.”", True),
        ("Wait ... and see. The price fell by .5 per cent.", False),
        ("Type example . com into the box. Slowly . . . it opened.", False),
        ("Nobody was hurt\t. Then it rained.", False),  # a tab is no such blank
        ("Rain.\n . Then it rained.", False),  # no word before the blank
    ],
)
def test_spaced_full_stop_gate(text, may):
    """(The rule's gate did not pay for itself and is gone: benchmarks/gate_audit.py.) What
    passed it passes the anchors; what it stopped the check leaves alone."""
    if may:
        assert RULES["PUN002"].may_fire(Document(text))
    else:
        assert not list(RULES["PUN002"].check(Document(text)))


@pytest.mark.parametrize(
    "text, may",
    [
        ("Workers may rise up. against their bosses.", True),
        ("The cost of living.\tof families is rising.", True),
        ("“Workers” may rise up. against their bosses.", True),  # not ASCII
        ("Prices. Workers may rise up. against their bosses.", True),  # a second full stop
        ("The meeting ends at 5 p.m. on Friday.", False),  # no whole word before it
        ("He studied law, economics, etc. in Paris.", False),  # an abbreviation
        ("Dr. in name only, he said. Sen. of Ohio", False),  # short capitalised words
        ("See www.example.com. for details.", False),  # a full stop before the word
        ("Trade with the U.S. against the odds.", False),
        ("He went home. Of course, nobody noticed.", False),  # a capital after it
        ("It rose to 5. of the total", False),  # a number before it
        ("It rose. often", False),  # no such word after it
    ],
)
def test_stray_full_stop_gate(text, may):
    """(The rule's gate did not pay for itself and is gone: benchmarks/gate_audit.py.) What
    passed it passes the anchors; what it stopped the check leaves alone."""
    if may:
        assert RULES["PUN004"].may_fire(Document(text))
    else:
        assert not list(RULES["PUN004"].check(Document(text)))


@pytest.mark.parametrize(
    "text, may",
    [
        ("The plan will cost 2,5 million euros.", True),
        ("Prices rose by 3,7% in January.", True),
        ("Prices rose by 3,7 % in January.", True),
        ("Prices rose by 3,7\u00a0% in January.", True),
        ("Prices rose by 12,25 per\u00a0cent over the year.", True),
        ("“Prices” rose by 3,75\u202fpercent.", True),  # not ASCII
        ("It cost 7 billion, or 2,5 bn.", True),  # not the first anchor
        ("It cost 2,500 euros and 2.5 million more later.", False),
        ("Scores were 1,2 and 3; 7,000 people watched 5 million times.", False),
        ("It cost 2,505 million.", False),  # three digits after the comma
        ("It cost ½,5 million.", False),  # no decimal digit, comma, decimal digit (the old trigger)
        ("It cost ½,5 million, not 1,5 million.", True),
        ("It cost ٢,٥ million.", True),  # Arabic-Indic digits are decimal digits
    ],
)
def test_decimal_comma_gate(text, may):
    assert RULES["PUN104"].may_fire(Document(text)) is may


@pytest.mark.parametrize(
    "text, may",
    [
        ("Talks with Charles De Gaulle went badly.", True),
        ("Talks with Charles\tDE\tGaulle went badly.", True),
        ("She met Ursula von Der Leyen.", True),  # the capital on the second particle
        ("She met Ursula VOn der Leyen.", True),
        ("“Talks” with Charles De Gaulle went badly.", True),  # not ASCII: offsets in bytes
        ("“Talks” with İbn Saud, “then” Charles De Gaulle.", True),
        ("The De Beers deal.", True),  # the check decides about this one
        ("Talks with Charles de Gaulle went well.", False),  # no capital
        ("De Gaulle went well.", False),  # at the text start: no blank before
        ("Talks with  De Gaulle went well.", False),  # two blanks: no letter before the blank
        ("Talks with Charles De\nGaulle went well.", False),  # no blank after
        ("He said De 5 times.", False),  # no capital after the run
        ("“Talks” with Charles De.", False),
    ],
)
def test_capitalised_particle_gate(text, may):
    """(The rule's gate did not pay for itself and is gone: benchmarks/gate_audit.py.) What
    passed it passes the anchors; what it stopped the check leaves alone."""
    if may:
        assert RULES["CAS003"].may_fire(Document(text))
    else:
        assert not list(RULES["CAS003"].check(Document(text)))


def test_capitalised_particle_anchors_hold_every_spelling_with_a_capital():
    """Every spelling of a particle that PARTICLE_NAME's (?i) accepts and that is not all
    lower-case (the check skips those) is an anchor, between any two blanks."""
    import itertools

    from cleanmt.rules import casing

    anchors = set(casing._particle_anchors())
    everything = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i <= 0xDFFF)
    taken = {c: sorted(set(regex.findall(f"(?i:{c})", everything))) for c in set("".join(casing._PARTICLES.split("|")))}
    n = 0
    for p in casing._PARTICLES.split("|"):
        for spelling in map("".join, itertools.product(*(taken[c] for c in p))):
            if not spelling.islower():
                n += 1
                assert {a + spelling + b for a in " \t" for b in " \t"} <= anchors, spelling
    assert n == len(casing._CAPITALISED_PARTICLES | casing._LONG_S_PARTICLES)  # and no more


@pytest.mark.parametrize(
    "text, may",
    [
        ("the city council votes\n\nThe vote was close.\n\nIt passed.\n\nCritics said so.", True),
        ("Rain hit.\nRoads closed.\nmany people stayed home.\nSchools shut.", True),
        ("the city council votes\nThe vote was close.", False),  # too few lines
        ("the city council votes on the budget today.", False),  # one line
        ("The council votes.\nThe vote was close.\nIt passed.\nCritics said so.", False),
    ],
)
def test_lowercase_line_gate_counts_lines_last(text, may):
    from cleanmt.rules import casing

    assert casing._may_start_lower(Document(text)) is may


@pytest.mark.parametrize(
    "text, may",
    [
        ("Home > Europe > Markets: shares fell sharply on Monday.", True),
        ("Home | World | Talks resume after the storm", True),
        ("Accueil » Monde » Storm batters the coast", True),
        ("Home › World", True),
        ("Home / World / Talks resume after the storm", True),
        ("Home News Talks resume after the storm", False),  # one line, no separator
        ("Home News Talks resume\n\nTalks resume", True),  # a repeated headline may follow
        ("Prices rose 5% > inflation / wages fell.", False),  # not opened by a menu word
    ],
)
def test_breadcrumb_gate(text, may):
    from cleanmt.rules.boilerplate import _may_have_breadcrumb

    assert _may_have_breadcrumb(Document(text)) is may


def _date_header_gate_as_before(doc):
    """BLP005's gate as it was: the shared head opener, then each head line."""
    from cleanmt.rules import boilerplate as blp

    if not blp._head_may_open_furniture(doc):
        return False
    words, width = blp._meta_first_words()
    return any(
        blp._opens_with_prefix(doc.text, span, words, width) and blp._meta_re().match(doc.text[span[0] : span[1]]) is not None
        for span in blp._head_spans(doc.text, blp.HEAD_LINES)
    )


def test_date_header_gate_of_one_line_is_the_shared_one(lee_articles):
    """A text of one line skips the shared head opener for a narrower stdlib pattern;
    the answer stays the same."""
    from cleanmt.rules import boilerplate as blp

    texts = [t for t, _ in RULES["BLP005"].bad] + list(RULES["BLP005"].good) + lee_articles[:100] + [
        "", " \t ", "\u00a0date 2021-03-14 The mayor opened it.", "MODİFIED 2021-03-04 The mayor opened it.",
        "Last\tupdated 4 March 2021 The mayor", "Last  updated: 4 March 2021 The mayor", "by Ana Ruiz | May 4, 2021 x",
        "BY Ana Ruiz | May 4, 2021 x", "\tPoſted 4 March 2021 The mayor", "Home > World", "rf-5-general text",
        "Publié le 3 mai 2021 Le maire", "  By Ana Ruiz | March 4, 2021, 10:30 a.m. The mayor",
    ]
    seen = 0
    for t in texts:
        for v in (t, t.upper(), t.lower()):
            v = v.split("\n")[0]
            assert blp._may_have_date_header(Document(v)) is _date_header_gate_as_before(Document(v)), v[:80]
            seen += blp._may_have_date_header(Document(v))
    assert seen >= 5


def _edge_junk_gate_as_before(doc):
    """BLP004's gate as it was: the shared head opener stood for the first line."""
    from cleanmt.rules import boilerplate as blp

    text = doc.text
    if "\n" not in text:
        return False
    last = text.rstrip()
    last = last[last.rfind("\n") + 1 :].lstrip()
    if not (last and last[0] in blp._EDGE_START) and not blp._head_may_open_furniture(doc):
        return False
    head, tail = blp._head_lines(text, 1), blp._tail_lines(text, 1)
    if not head:
        return False
    first, last = head[0].strip(), tail[0].strip()
    if first[0] in blp._SLUG_START and blp._is_slug(first):
        return True
    if last[0] in blp._SLUG_START and blp._is_slug(last):
        return True
    return last[0] in blp._PUNCT_START and blp.PUNCT_ONLY.fullmatch(last) is not None


def test_edge_junk_gate_reads_the_first_character_for_the_head_opener(lee_articles):
    """A head slug starts with [a-z0-9] (after blank lines and the indent): BLP004 reads
    that character instead of asking the shared head opener; the answer stays the same."""
    from cleanmt.corpora import as_published
    from cleanmt.rules import boilerplate as blp

    texts = [t for t, _ in RULES["BLP004"].bad] + list(RULES["BLP004"].good) + [
        "\n\n \u00a0top_story_world\nThe port reopened.", "Top_story_world\nThe port reopened.",
        "The port reopened.\n\nThe end.\n\n\n", "home > world\nThe port.", "\n \n", "x\n", "...\n\nThe port",
        "By Ana\nThe port.\n\nnews-7-asia  \n ", "The port.\n\n—", "9-a\nThe port.",
    ] + [as_published(a) for a in lee_articles[:60]]
    passed = 0
    for t in texts:
        for v in (t, t.upper(), t.lower()):
            assert blp._may_have_edge_junk(Document(v)) is _edge_junk_gate_as_before(Document(v)), v[:80]
            passed += blp._may_have_edge_junk(Document(v))
    assert passed >= 5


@pytest.mark.parametrize(
    "text, may",
    [
        ("The vote is on Sunday.\n\nMost read :\n\nStorm closes ports", True),
        ("The vote is on Sunday.\n\nMore on this story :\n\nStorm closes ports", True),  # the most words
        ("The vote is on Sunday.\n\nMore  on\tthis story:", True),
        ("The vote is on Sunday.\n\nMore on this story today:\n\nStorm closes ports", False),
        ("The vote is on Sunday.\n\nMost read articles of the week are below.", False),
        ("Most read", False),  # one line
    ],
)
def test_tail_heading_gate(text, may):
    """(The rule's gate did not pay for itself and is gone: benchmarks/gate_audit.py.) What
    passed it passes the anchors; what it stopped the check leaves alone."""
    if may:
        assert RULES["BLP003"].may_fire(Document(text))
    else:
        assert not list(RULES["BLP003"].check(Document(text)))
