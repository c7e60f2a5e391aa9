"""Punctuation, casing and encoding rules on the seeds, on clean news and on
near-misses that the rules' own examples do not cover."""
import pytest

from cleanmt.engine import Cleaner
from cleanmt.lexicon import load_tsv

MINE = ["punctuation", "casing", "encoding"]


def _findings(text, select=MINE):
    return Cleaner(select=select, min_confidence=0.0).detect(text)


def _fixed(text, select=MINE):
    return Cleaner(select=select).fix(text).fixed


# -- seeds -------------------------------------------------------------------

def test_seed_002_space_before_comma_is_fixed(seed_text):
    text = seed_text("002")
    assert "the economic capital , where" in text
    fixed = _fixed(text, ["PUN001"])
    assert "the economic capital, where" in fixed
    assert len(fixed) == len(text) - 1  # exactly one space removed


def test_seed_003_doubled_and_stray_full_stop(seed_text):
    text = seed_text("003")
    fixed = _fixed(text, ["punctuation"])
    assert "in Kazakhstan. He said" in fixed
    assert "to rise up against their government" in fixed
    assert "the U.S. Embassy" in fixed  # abbreviations stay


def test_seed_001_lowercased_name(seed_text):
    text = seed_text("001")
    (f,) = _findings(text, ["CAS001"])
    assert f.text == "macron" and f.replacement == "Macron"
    assert text[f.start - 9 : f.start] == "Emmanuel "


def test_seed_003_particle_from_data_list(seed_text):
    text = seed_text("003")
    assert "Ursula Von der Leyen" in text
    assert "Ursula von der Leyen" in _fixed(text, ["CAS003"])


def test_seed_004_headline_and_symbol(seed_text):
    text = seed_text("004")
    fixed = _fixed(text, ["CAS002", "ENC002"])
    assert fixed.startswith("The international community calls for calm\n\nThe international")
    assert "[Entretien]" in fixed
    assert "\n.\n" in fixed and "\nrf-5-general" in fixed  # residue lines are boilerplate's job
    assert len(_findings(text, ["CAS002"])) == 2  # both copies of the headline, nothing else


def test_seeds_000_to_003_have_no_other_findings(seed_text):
    """Everything my rules report in the clean-ish seeds is one of the known artifacts."""
    known = {("002", "PUN001"), ("003", "PUN003"), ("003", "PUN004"), ("001", "CAS001"), ("003", "CAS003")}
    for prefix in ("000", "001", "002", "003"):
        rules = [f.rule for f in _findings(seed_text(prefix))]
        assert all((prefix, r) in known for r in rules), (prefix, rules)
        assert len(rules) == len(set(rules)), (prefix, rules)  # one of each


def test_lone_full_stop_line_is_not_punctuation_business(seed_text):
    text = seed_text("004")
    assert "\n.\n" in text
    for f in _findings(text, ["punctuation"]):
        assert f.text.strip() != "."


# -- clean English -------------------------------------------------------------

def test_clean_news_has_no_findings(lee_articles):
    """PUN002 (not fixed by default) finds the one real typo in the corpus; nothing else fires."""
    cleaner = Cleaner(select=MINE)
    found = [(i, f) for i, a in enumerate(lee_articles) for f in cleaner.detect(a)]
    assert [(f.rule, f.text) for _, f in found] == [("PUN002", " .")] * len(found)
    assert len(found) <= 1
    changed = [i for i, a in enumerate(lee_articles) if cleaner.fix(a).fixed != a]
    assert changed == []


@pytest.mark.parametrize(
    "text",
    [
        "The meeting starts at 9 a.m. on Monday in Washington, D.C. with officials.",
        "Sales rose 4.5 per cent, i.e. more than expected, e.g. in Sydney.",
        "Visit www.example.com or http://example.org/a?b=1 for details.",
        "Smith et al. in their paper, and Jones et al. of Oxford, disagree.",
        "He lives in Sacramento, Calif. on weekends and Springfield, Ill. in winter.",
        "Wait . . . what was that?",
        "He said it... and then it ended…",
        "I love it :) and you ;)",
        "Name    : John",
        "The ratio was 3 : 1.",
        "(…) They must be stopped.",
        "She asked, “Why?”, and left.",
        "Mr. Smith and Dr. Jones met at St. Mary's.",
        "The U.S. and U.K. agreed; the E.U. did not.",
        "for (i = 0 ; i < n ; i++) { x . y ; }",
        "(Pdb) ! n=42",
        "Windows uses opening, .py extensions and .txt files.",
    ],
)
def test_punctuation_near_misses(text):
    assert _findings(text, ["punctuation"]) == []


@pytest.mark.parametrize(
    "text",
    [
        "Prime Minister Theresa May arrived. Asked when, Theresa may not say.",
        "The Bill was passed. Later, Senator Bill met Ms Rose. When Ms rose, he left.",
        "Detective Sergeant Smith spoke. The police sergeant agreed.",
        "Rain hit the coast.\n\niPhone sales fell.\n\nRoads closed.\n\nSchools shut.",
        "Rain hit the coast.\n\nhttp://example.com was down.\n\nRoads closed.\n\nSchools shut.",
        "Marine Le Pen and Jean-Yves Le Drian met Robert De Niro.",
        "Von der Leyen spoke. Later: Van Gogh paintings were shown.",
    ],
)
def test_casing_near_misses(text):
    assert _findings(text, ["casing"]) == []


def test_hard_wrapped_text_is_not_flagged():
    text = (
        "The storm hit the coast on Monday and\n"
        "roads were closed for most of the day\n"
        "while schools shut early.\n"
        "\n"
        "the council said it would meet again.\n"
        "Residents were angry.\n"
        "Officials promised help.\n"
        "Power returned on Tuesday.\n"
    )
    assert _findings(text, ["CAS002"]) == []


def test_particle_follows_document_majority():
    text = "Anna van Dam won. Mayor van Dam spoke. Then Anna Van Dam left."
    (f,) = _findings(text, ["CAS003"])
    assert f.text == "Van " and f.replacement == "van "
    # capitalised majority: the document's own usage is kept
    assert _findings("Anna Van Dam won. Mayor Van Dam spoke. Then Anna van Dam left.", ["CAS003"]) == []


# -- encoding -------------------------------------------------------------------

def test_mojibake_reported_per_word_and_quotes_kept():
    text = "“SÃ£o Paulo” and the cafÃ© – said ‘José’.\nSecond line is fine: naïve."
    found = _findings(text, ["ENC001"])
    assert [f.text for f in found] == ["“SÃ£o", "cafÃ©"]
    assert all(f.confidence >= 0.8 for f in found)
    assert _fixed(text) == "“São Paulo” and the café – said ‘José’.\nSecond line is fine: naïve."


@pytest.mark.parametrize(
    "text",
    [
        "“Curly” and ‘single’ quotes stay curly.",
        "Decomposed e\u0301 and ligature ﬁne and fullwidth ＡＢＣ stay as they are.",
        "A line\u2028separator and a no-break\u00a0space stay.",
        "Prices: US$5, R$20, €5, £3, ¥100.",
        "Gdańsk, Zürich, São Paulo, Tokaïev, Nursultán, Stéphane.",
    ],
)
def test_encoding_leaves_correct_text_alone(text):
    assert _findings(text, ["encoding"]) == []
    assert _fixed(text, ["encoding"]) == text


def test_mojibake_with_crlf_offsets():
    text = "First line.\r\nThe cafÃ© opened.\r\n"
    (f,) = _findings(text, ["ENC001"])
    assert text[f.start : f.end] == "cafÃ©" == f.text
    assert _fixed(text) == "First line.\r\nThe café opened.\r\n"


def test_fix_is_idempotent_on_artifacts():
    text = "the talks stall\n\nIt rained in SÃ£o Paulo , where [€xclusive] news. . Then it rose up. against all."
    text += "\n\nWorkers marched.\n\nPolice watched.\n\nShops closed."
    once = _fixed(text)
    assert _fixed(once) == once
    assert once.startswith("The talks stall\n\nIt rained in São Paulo, where [Exclusive] news. Then it rose up against all.")


# -- data files ------------------------------------------------------------------

def test_data_files_have_sources():
    for name, key in (("abbreviations.tsv", "abbr"), ("name_particles.tsv", "form")):
        rows = load_tsv(name, required=(key, "source"))
        assert rows and all(r["source"] for r in rows)
        keys = [r[key].casefold() for r in rows]
        assert len(keys) == len(set(keys)), name


# -- encoding prefilters -------------------------------------------------------


def _badness_branches():
    """ftfy's `is_bad` pattern, parsed: its alternatives, each a list of (op, arg)."""
    re_parser = pytest.importorskip("re._parser")
    from ftfy.badness import BADNESS_RE

    tree = re_parser.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
    ((op, (_, branches)),) = tree.data
    assert str(op) == "BRANCH"
    return tree, branches


def _char_class(op, arg):
    """The characters one item of a parsed pattern accepts, or None for 'any' or a category."""
    name = str(op)
    if name == "LITERAL":
        return {chr(arg)}
    if name != "IN":
        return None
    chars = set()
    for o, a in arg:
        if str(o) == "LITERAL":
            chars.add(chr(a))
        elif str(o) == "RANGE":
            chars.update(chr(c) for c in range(a[0], a[1] + 1))
        else:
            return None  # a category or a negated class: anything
    return chars


def test_is_bad_needs_a_non_typographic_non_ascii_character():
    """The ENC001 gate skips texts whose only non-ASCII characters are typographic, and
    looks for `is_bad` only near the others: every alternative of the pattern must need a
    character outside ASCII + TYPOGRAPHIC, and no match may be longer than BAD_WINDOW."""
    from cleanmt.rules.encoding import BAD_WINDOW, TYPOGRAPHIC

    tree, branches = _badness_branches()
    harmless = {chr(i) for i in range(128)} | set(TYPOGRAPHIC)
    for branch in branches:
        classes = [_char_class(o, a) for o, a in branch.data if str(o) in ("LITERAL", "IN")]
        assert any(c is not None and not c & harmless for c in classes), branch.data
    assert tree.getwidth()[1] <= BAD_WINDOW


@pytest.mark.parametrize("text,may", [
    ("Plain ASCII text.", False),
    ("“Curly” quotes — and ‘dashes’ – and… dots\u00a0here.", False),
    ("Stéphane and Tokaïev, “fine”.", False),
    ("The flight left SÃ£o Paulo at dawn.", True),
    ("First line.\nÃ second line opens with mojibake", True),
    ("x" * 40 + "wasnâ€™t" + "y" * 40, True),
])
def test_mojibake_gate(text, may):
    from cleanmt.document import Document
    from cleanmt.rules.encoding import _may_be_mojibake, mojibake

    assert _may_be_mojibake(Document(text)) is may
    if not may:
        assert not list(mojibake(Document(text)))


def test_symbol_gate_needs_symbol_then_lower_case():
    from cleanmt.document import Document
    from cleanmt.registry import all_rules

    enc002 = next(r for r in all_rules() if r.id == "ENC002")
    assert not enc002.may_fire(Document("It costs US$5 or €40."))
    assert enc002.may_fire(Document("The $ummit opened."))


@pytest.mark.parametrize("text,only", [
    ("", True),
    ("Plain ASCII.", True),
    ("“Curly” ‘quotes’ — it’s – fine… here\u00a0too", True),
    ("it’s “fine” é", False),  # an accented letter (2 UTF-8 bytes)
    ("it’s “fine” •", False),  # another General Punctuation character (3 bytes, like ’)
    ("it’s “fine” \u2019\u201a", False),
    ("it’s fine 😀", False),  # 4 bytes: more than one typographic character's share
    ("it’s fine \ud800", False),  # a lone surrogate
    ("wasnâ€™t", False),
    ("Ã", False),
])
def test_only_typographic(text, only):
    import re as _re

    from cleanmt.rules.encoding import TYPOGRAPHIC, _only_typographic

    assert _only_typographic(text) is only
    assert only == (_re.search("[^\\x00-\\x7f" + TYPOGRAPHIC + "]", text) is None)


def test_only_typographic_agrees_with_the_scan_on_random_text():
    import random

    from cleanmt.rules.encoding import _OTHER_NON_ASCII, _only_typographic

    rnd = random.Random(3)
    pool = list("ab .\n") + list("’‘“”—–…\xa0") + ["é", "Ã", "€", "•", "„", "😀", "中", "\x85"]
    for _ in range(5000):
        text = "".join(rnd.choice(pool) for _ in range(rnd.randint(0, 12)))
        assert _only_typographic(text) == (_OTHER_NON_ASCII.search(text) is None), ascii(text)
