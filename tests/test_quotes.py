"""Quote pairing (QUO001-QUO003): repairs of MT-garbled quotation marks, and the
text that must be left alone (straight quotes, correct curly pairs, quotations
running over several paragraphs)."""
import regex
import pytest

from cleanmt.engine import Cleaner

FIXER = Cleaner(select=["quotes"])
DETECTOR = Cleaner(select=["quotes"], min_confidence=0.0)


def fix(text: str) -> str:
    return FIXER.fix(text).fixed


def findings(text: str):
    return DETECTOR.detect(text)


# -- repairs on invented sentences -------------------------------------------

@pytest.mark.parametrize(
    "garbled,expected",
    [
        # reversed, spaced marks; the capital after the closer continues the sentence
        ("The council was ” deeply alarmed “By the report.", "The council was “deeply alarmed” by the report."),
        # closing mark glued to the next word, space inside
        ("“The bridge will reopen soon, ”announced the mayor.", "“The bridge will reopen soon,” announced the mayor."),
        # an opening glyph used as the closer
        ("He praised the “quick response “in the region.", "He praised the “quick response” in the region."),
        # guillemets mixed with curly quotes
        ("Officials reported « hundreds »Of arrests and “ many ” injuries.",
         "Officials reported “hundreds” of arrests and “many” injuries."),
        # a comma after the closer, a pronoun capitalised after it; the stop inside goes
        ("“ The dam held. “, She said.", "“The dam held”, she said."),
        # a verb of saying after a stop: the quotation ends mid-sentence
        ("“ We must stop now. “Said the minister.", "“We must stop now,” said the minister."),
        # space before the punctuation that follows the closer
        ("The crowd chanted “ freedom ” .", "The crowd chanted “freedom”."),
        # missing space before the opener
        ("They asked for a” fair trial ” and left.", "They asked for a “fair trial” and left."),
        # straight quotes spaced French-style stay straight, but lose the inner spaces
        ('He called for " calm " and " restraint "In the city.', 'He called for "calm" and "restraint" in the city.'),
    ],
)
def test_repairs(garbled, expected):
    assert fix(garbled) == expected
    assert fix(expected) == expected


def test_proper_noun_after_closer_keeps_its_capital():
    # "Moscow" is not a word this document writes in lower case
    assert fix("The group demanded ” free elections “Moscow replied.") == (
        "The group demanded “free elections” Moscow replied."
    )


def test_new_sentence_after_quoted_stop_keeps_its_capital():
    assert fix("He said “ we won. ” They cheered.") == "He said “we won.” They cheered."
    # a verb of saying that is not inverted ("Asked if ...") starts a new sentence
    assert fix("“ Nobody was hurt. ” Asked if he was sure, he nodded.") == (
        "“Nobody was hurt.” Asked if he was sure, he nodded."
    )


def test_word_used_in_lower_case_elsewhere_is_lowered():
    text = "Police guard the official residence. Crowds tried to ” storm “Official buildings."
    assert fix(text).endswith("tried to “storm” official buildings.")


def test_dropped_closer_is_restored_before_capitalised_function_word():
    assert fix("The envoy came to “ broker a truce Between the clans.") == (
        "The envoy came to “broker a truce” between the clans."
    )


def test_dropped_closer_keeps_straight_style():
    assert fix('Rebels tried to " seize the port Of the city.') == 'Rebels tried to "seize the port" of the city.'


def test_crlf_text_is_repaired_in_place():
    text = "Intro line.\r\nThe council was ” deeply alarmed “By the report.\r\n"
    assert fix(text) == "Intro line.\r\nThe council was “deeply alarmed” by the report.\r\n"


def test_unclosed_quoted_sentence_is_reported_where_its_mark_belongs_and_not_fixed():
    text = "The chief said: “We stay until the end."
    (f,) = findings(text)
    assert f.rule == "QUO003" and (f.text, f.replacement) == (".", ".”") and f.confidence < 0.8
    assert fix(text) == text


def test_unclosed_quotation_opened_mid_sentence_is_only_flagged_at_its_mark():
    text = "The chief called it a “temporary measure and left the room."
    (f,) = findings(text)
    assert f.rule == "QUO003" and (f.text, f.replacement) == ("“", None)


def test_partial_quotation_left_open_before_a_quoted_sentence_is_flagged():
    text = "He mocked the “ wild rumours about the vote. “ This is false ”, she said."
    fs = findings(text)
    assert [f.rule for f in fs if f.replacement is None] == ["QUO003"]
    assert fix(text) == "He mocked the “wild rumours about the vote. “This is false”, she said."


def test_stray_closer_is_only_flagged():
    text = "The report was late” and incomplete."
    fs = findings(text)
    assert fs and all(f.replacement is None for f in fs)
    assert fix(text) == text


# -- what must be left alone --------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "“We will rebuild,” promised the engineer. “It will take a year.”",
        "She called the plan “absurd” and left.",
        "He quoted the rule (“no entry after dark”) twice.",
        "“Is it over?” she asked.",
        "The slogan was “Bread, peace, land”; nobody objected.",
        "“Stay home.” They did not listen.",
        'He said "no" to the plan, then "maybe" to the budget.',
        "“He told me ‘never again’ and meant it,” she said.",
        "“The first part of a long speech.\n\n“The second part of it,” she said.",
        "“First part. “Second part, same speaker, collapsed into one line,” she said.",
    ],
)
def test_correct_text_is_not_flagged(text):
    assert findings(text) == []


# -- the seeds ----------------------------------------------------------------

def test_seed_004_quotes_are_repaired(seed_text):
    text = seed_text("004")
    fixed = fix(text)
    assert not regex.search(r"“[ \t]", fixed), "an opening mark followed by a space"
    assert not regex.search(r"[ \t]”", fixed), "a closing mark preceded by a space"
    assert "«" not in fixed and "»" not in fixed
    assert not regex.search(r"”\p{L}", fixed), "a closing mark glued to the next word"
    assert "“very concerned” by the evolution" in fixed
    assert "“situations to avoid”, said the head" in fixed
    assert "guaranteed”, he warned" in fixed
    assert "“new escalation of violence” and claims a “peaceful settlement”." in fixed
    assert "“peaceful resolution” in a call" in fixed
    assert "“tens” protesters killed" in fixed
    assert "“peacekeeping forces” to support" in fixed
    assert "“take over” of the country" in fixed
    assert "in all circumstances”, noted the senior" in fixed
    # names after a closing mark keep their capital
    assert "Josep Borrell" in fixed and "Kazakhstan" in fixed
    # every quotation that opens in a paragraph is closed there, except the
    # one left open in the source (flagged, not guessed)
    open_paragraphs = [ln for ln in fixed.split("\n") if ln.count("“") != ln.count("”")]
    assert len(open_paragraphs) <= 2


def test_seed_004_fix_is_idempotent(seed_text):
    once = fix(seed_text("004"))
    assert fix(once) == once
    assert [f for f in findings(once) if f.replacement is not None and f.confidence >= 0.8] == []  # nothing fixable left


def test_seed_004_fix_only_touches_quote_regions(seed_text):
    text = seed_text("004")
    fixed = fix(text)
    letters = lambda s: regex.sub(r"[^\p{L}\p{N}]", "", s).lower()  # noqa: E731
    assert letters(fixed) == letters(text)


def test_seed_000_closing_marks(seed_text):
    fixed = fix(seed_text("000"))
    assert "soon,” concluded" in fixed
    assert "role of instigator” in this uprising" in fixed
    assert "to my call,” the Kazakh president" in fixed
    assert "our conviction”, explained" in fixed


def test_seeds_001_002_have_no_quote_findings(seed_text):
    assert findings(seed_text("001")) == []
    assert findings(seed_text("002")) == []


def test_seed_003_only_flags_its_unclosed_quotation(seed_text):
    fs = findings(seed_text("003"))
    assert [f.rule for f in fs] == ["QUO003"]
    # the gold's repair: the closing mark after "without warning." (reported, not applied)
    text = seed_text("003")
    assert text[fs[0].start - 7 : fs[0].end] == "warning." and fs[0].replacement == ".”" and fs[0].confidence < 0.8


# -- clean English ------------------------------------------------------------

def _curl(text: str) -> str:
    """Straight quotes to curly ones, by which side the space is on."""
    return regex.sub(r'"', lambda m: "“" if m.start() == 0 or text[m.start() - 1] in " ([" else "”", text)


def _straight_quotes_well_formed(text: str) -> bool:
    for m in regex.finditer(r'"', text):
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if before.isspace() == after.isspace():
            return False
    return True


def test_clean_news_with_straight_quotes_is_untouched(lee_articles):
    for art in lee_articles:
        assert findings(art) == []


def test_clean_news_with_curly_quotes_is_untouched(lee_articles):
    curly = [_curl(a) for a in lee_articles if '"' in a and _straight_quotes_well_formed(a)]
    assert len(curly) > 100
    for art in curly:
        assert [f for f in findings(art) if f.replacement is not None] == []
        assert fix(art) == art


def _garble_french_mt(text: str) -> str:
    """What MT does to « guillemets »: spaces inside, glyphs reversed, a capital after."""
    def one(m):
        nxt = m.group(3)
        if nxt and nxt[0].islower() and nxt in {"and", "to", "by", "in", "of"}:
            nxt = nxt[0].upper() + nxt[1:]
        return "” " + m.group(1) + " “" + m.group(2) + nxt
    return regex.sub(r"“([^“”]+)”( ?)(\p{L}*)", one, text)


@pytest.mark.parametrize(
    "clean",
    [
        "The agency described the damage as “severe” and asked for “urgent help” in the north.",
        "Residents spoke of “chaos” by nightfall, while the mayor promised “a full inquiry” to the press.",
        "Critics called the vote “a farce” and the result “meaningless” in a joint letter.",
    ],
)
def test_french_style_garbling_round_trips(clean):
    garbled = _garble_french_mt(clean)
    assert garbled != clean
    assert fix(garbled) == clean


@pytest.mark.parametrize("text", [
    'He said "no" to the plan.',
    'He said " no " to the plan.',
    'He said\t"\u00a0no\u00a0"\tto it.',
    "The mayor was ” deeply worried “By the floods.",
    "Officials counted « dozens »Of victims.",
    "No quotes at all.",
])
def test_quote_anchors_agree_with_the_cheap_test(text):
    from cleanmt.document import Document
    from cleanmt.registry import all_rules
    from cleanmt.rules.quotes import _may_have_findings

    for r in all_rules():
        if r.id in ("QUO001", "QUO002", "QUO003"):
            assert r.may_fire(Document(text)) == _may_have_findings(text), r.id


def test_plainly_clean_paragraphs_are_clean_and_closed(lee_articles):
    """The fast path of _analyse: every paragraph it waves through is one the full
    analysis finds clean, with every quotation closed."""
    from cleanmt.corpora import as_published
    from cleanmt.registry import all_rules
    from cleanmt.rules.quotes import _marks, _paragraph_is_clean, _plainly_clean, _well_formed_role

    lines = [ln for a in lee_articles for ln in as_published(a).split("\n")]
    lines += [t for r in all_rules() for t, _ in r.bad] + [t for r in all_rules() for t in r.good]
    lines += ["“A” and “b”", "x“A”", "“A”x", "“ A”", "“A ”", "“A”, he said.", "“A”.", "(“A”)", "“A", "A”"]
    waved = 0
    for line in lines:
        if not _plainly_clean(line):
            continue
        waved += 1
        marks = _marks(line)
        if not marks:
            continue
        assert _paragraph_is_clean(marks), line
        roles = [_well_formed_role(m) for m in marks]
        assert roles == ["O", "C"] * (len(marks) // 2), line
    assert waved > 100


def _line_findings(text: str, start: int, end: int) -> list:
    """The full analysis of one line, as _analyse runs it on the lines it keeps."""
    from cleanmt.document import Line
    from cleanmt.rules.quotes import (
        _DocFacts, _continued, _marks, _paragraph_is_clean, _repair_paragraph, _unpaired, _well_formed_role,
    )

    line = text[start:end]
    marks = _marks(line)
    if not marks:
        return []
    out: list = []
    continued = _continued(text, end)
    if _paragraph_is_clean(marks):
        roles, sure = tuple(_well_formed_role(m) for m in marks), [True] * len(marks)
    else:
        roles, sure = _repair_paragraph(Line(start, end, line), marks, _DocFacts(text), continued, out)
    return out + list(_unpaired(line, start, marks, roles, sure, continued))


QUIET_NEWS = [
    "“We left at dawn.\n\n“Then we walked for two days,” she said.\n",  # a speech of two paragraphs
    "“We left. “Then we walked,” she said.\n",  # two paragraphs of speech run into one line
    "He said “no” and “yes” to it.\n\n(“Stay,” she said.)\n",
    "“A” and “b”\n",
]
LOUD_NEWS = [
    "“We left at dawn.\n\nThen we walked for two days.\n",  # never closed: next paragraph does not reopen
    "He called it “crazy. “Then we left,” he said.\n",  # reopened after a quotation begun mid-sentence
    "He said “no, “then yes” to it.\n",  # reopened mid-sentence
    "He said “no” and” yes to it.\n",  # a closer with no opener
    "“We left at dawn.\n",  # the last paragraph ends inside a quotation
    "He said «no» to it.\n",
    "He said ” no “ to it.\n",
    "He said“no” to it.\n",
    "He said “no”to it.\n",
    "He said “no” , then left.\n",
    "”No,” he said.\n",
    "He said “no”\n\n” and left.\n",
]


@pytest.mark.parametrize("text", QUIET_NEWS)
def test_lines_waved_through_have_no_findings(text):
    from cleanmt.rules.quotes import _analyse, _lines_to_analyse

    assert _lines_to_analyse(text) == []
    assert _analyse(text) == ()
    pos = 0
    for raw in text.split("\n"):  # the full analysis agrees, line by line
        assert _line_findings(text, pos, pos + len(raw)) == [], raw
        pos += len(raw) + 1


@pytest.mark.parametrize("text", LOUD_NEWS)
def test_lines_with_findings_are_kept(text):
    from cleanmt.rules.quotes import _analyse, _lines_to_analyse

    kept = _lines_to_analyse(text)
    assert kept
    assert _analyse(text)
    assert any(_line_findings(text, s, e) for s, e in kept)


def test_lines_waved_through_in_published_news_and_mutations(lee_articles):
    """Every line _lines_to_analyse leaves out has nothing for the full analysis to
    find, in published news and in news with quotation marks dropped, added or moved."""
    import random

    from cleanmt.corpora import as_published
    from cleanmt.rules.quotes import _ANY_MARK, _first_suspect, _lines_to_analyse

    rnd = random.Random(7)
    texts = [as_published(a) for a in lee_articles]
    for _ in range(300):
        t = list(rnd.choice(texts))
        for _ in range(rnd.randint(1, 3)):
            i = rnd.randrange(len(t))
            t.insert(i, rnd.choice(["“", "”", "\n\n", " “", "” ", ". “The", "\n\n“", "«"]))
        texts.append("".join(t))
    skipped = 0
    for text in texts:
        kept = set(_lines_to_analyse(text))
        assert _first_suspect(text) <= len(text)
        pos = 0
        for raw in text.split("\n"):
            end = pos + len(raw)
            if (pos, end) not in kept and _ANY_MARK.search(raw):
                skipped += 1
                assert _line_findings(text, pos, end) == [], raw
            pos = end + 1
    assert skipped > 300
