"""The cheap prefilters that let the engine skip detailed work must never lose a finding.

Each prefilter (a rule's anchors, trigger and gate, the name-variant gate) is
checked against texts where the detailed work does find something: every rule's
bad examples, the seeds, and clean articles with those examples spliced in, also
written in capitals and with blanks doubled, as tabs or as no-break spaces.
"""
import random

import pytest

from cleanmt import names
from cleanmt.corpora import as_published
from cleanmt.document import Document
from cleanmt.registry import all_rules

from conftest import SEEDS

RULES = all_rules()


def _spliced(lee_articles, n=150, seed=3):
    """Clean articles with bad examples of every rule inserted between sentences."""
    rnd = random.Random(seed)
    examples = [b for r in RULES for b, _ in r.bad]
    out = []
    for _ in range(n):
        parts = rnd.choice(lee_articles).split(". ")
        for _ in range(rnd.randint(1, 3)):
            parts.insert(rnd.randrange(len(parts) + 1), rnd.choice(examples))
        out.append(rnd.choice([". ", ".\n", ".\n\n"]).join(parts))
    return out


@pytest.fixture(scope="module")
def texts(lee_articles):
    seeds = [p.read_text(encoding="utf-8") for p in SEEDS]
    examples = [t for r in RULES for t, _ in r.bad] + [t for r in RULES for t in r.good]
    return seeds + examples + _spliced(lee_articles) + lee_articles[:100]


def _variants(text):
    yield text
    yield text.upper()
    yield text.replace(" ", "  ")
    yield text.replace(" ", "\t")
    yield text.replace(" ", "\u00a0")
    yield as_published(text)  # paragraphs, curly quotes and apostrophes


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.id)
def test_prefilters_never_skip_a_text_their_rule_flags(r, texts):
    skipped = 0
    for lang in r.langs:
        for t in texts:
            for v in _variants(t):
                doc = Document(v, lang=lang)
                if r.may_fire(doc):
                    continue
                skipped += 1
                hits = list(r.check(Document(v, lang=lang)))
                assert not hits, f"{r.id} prefilter skips a text it flags: {v[:80]!r} {hits[:1]}"
    if r.anchors or r.exact_anchors or r.trigger or r.gate:
        assert skipped, f"{r.id}: its prefilter never skips anything here"


@pytest.mark.parametrize("r", [r for r in RULES if r.trigger is not None], ids=lambda r: r.id)
def test_trigger_matches_every_bad_example(r):
    for text, _ in r.bad:
        assert r.trigger.search(text), f"{r.id} trigger misses its own bad example {text!r}"


def test_no_trigger_skips_a_text_its_rule_flags(texts):
    for r in RULES:
        if r.trigger is None:
            continue
        for t in texts:
            if r.trigger.search(t):
                continue
            hits = list(r.check(Document(t)))
            assert not hits, f"{r.id} trigger misses a text it flags: {t[:80]!r}"


def _full_table_findings(text):
    return names.NameTable("en", None, True, "document").add_texts([text]).findings(text)


def test_name_gate_never_hides_a_name_finding(texts):
    gated = 0
    for t in texts:
        if not names._may_have_variants(t, "en"):
            gated += 1
            assert _full_table_findings(t) == [], t[:80]
    assert gated > 50  # the gate does let most clean text through cheaply


@pytest.mark.parametrize(
    "text",
    [
        "Arkady Dvorkovitch landed. Arkady Dvorkovich spoke.",  # one key, two spellings
        "Kassym Jomart said so. Kassym-Jomart agreed.",  # a compound written two ways
        "Talks with Vladimir Poutine ended.",  # a gazetteer variant
        "The trader Kenzhebaïev was detained.",  # a strong romanisation signal
    ],
)
def test_name_gate_lets_candidates_through(text):
    assert names._may_have_variants(text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "Kassym Jomart Tokayev spoke.",  # a gazetteer compound, its parts side by side
        "Abdul-Karim Bekov arrived. Abdul Karim Bekov left.",  # a compound of the text itself
        "The Israeli-Palestinian talks resumed. Israeli Palestinian contacts grew.",
    ],
)
def test_name_gate_lets_compounds_written_apart_through(text):
    assert names._may_have_variants_exact(names.name_words(text), "en", text)
    assert names._may_have_variants(text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "Kassym said so. Jomart agreed.",  # a gazetteer compound's parts, not side by side
        "Jomart Kassym said so.",  # side by side, the wrong way round
        "The Israeli-Palestinian talks resumed. An Israeli envoy met a Palestinian official.",
        "Abdul-Karim Bekov arrived. Later Abdul met Karim.",
        "Abdul-Karim Bekov arrived. Abdul\tKarim and Abdul  Karim left.",  # no single space
    ],
)
def test_name_gate_needs_a_compound_s_parts_side_by_side(text):
    """A table joins two words into a compound only where one space separates them:
    both keys in the text is not enough (the check without the text says True)."""
    words = names.name_words(text)
    assert names._may_have_variants_exact(words, "en")
    assert not names._may_have_variants_exact(words, "en", text)
    assert not names._may_have_variants(text, "en")
    assert _full_table_findings(text) == []


def test_capitalised_particle_prefilter_knows_every_capital_the_pattern_accepts():
    """Every capital that PARTICLE_NAME's case-insensitive match lets into a particle."""
    import sys

    import regex

    from cleanmt.rules import casing

    letters = set("".join(casing._PARTICLES.split("|")))
    capitals = {
        chr(i) for i in range(sys.maxunicode + 1)
        if chr(i).isupper() and any(regex.fullmatch(f"(?i:{c})", chr(i)) for c in letters)
    }
    for p in casing._PARTICLES.split("|"):
        for k, c in enumerate(p):
            for cap in capitals:
                if regex.fullmatch(f"(?i:{c})", cap):
                    assert p[:k] + cap + p[k + 1 :] in casing._CAPITALISED_PARTICLES


def test_name_word_index_agrees_with_the_word_by_word_check(texts):
    """The set-based answer (words seen across documents) equals the per-word loop."""
    small = names._NameWordIndex("en")
    small.MAX_WORDS = 60  # forgets often: answers must not depend on what it remembers
    for index in (names._NameWordIndex("en"), small):
        for t in texts:
            words = set(names._NAME_WORD.findall(t))
            assert index.may_have_variants(words) == names._may_have_variants_exact(words, "en"), t[:80]


def test_name_table_reads_hyphenated_keys_off_the_runs(texts):
    """add_texts takes compound keys from the runs instead of a second full scan."""
    for t in texts + ["Kassym-Jomart Tokayev and Kasym-Jomart spoke. Jean-Pierre left."]:
        assert names._hyphenated_keys(names._runs(t, "en")) == names.compound_keys(names.scan(t, "en"))


def _reference_strip_marks(s: str) -> str:
    """strip_marks as first written: no fast path."""
    import unicodedata

    s = s.translate(names._SPECIAL_LETTERS)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _fold_test_words() -> list[str]:
    from wordfreq import top_n_list

    words = [w.capitalize() for lang in ("en", "fr", "de", "es", "pl", "tr") for w in top_n_list(lang, 5000)]
    words += [w for w in names.gazetteer("en").words]
    words += ["Tokaïev", "Tschaikowski", "Selenskyj", "Chostakovitch", "Sergueï", "Dzhaksybekov", "Ivanoff",
              "Straße", "Øresund", "Łódź", "İstanbul", "Ǆura", "Ⅻ", "ﬁnn", "Kasy\n", "Ivanoff\n", "Aliy\n", "x\n"]
    return words


def test_fold_skips_only_steps_that_cannot_match():
    """fold_part tests a substring (or last character) before each step and runs the
    steps with stdlib `re`; the result equals running every step with `regex`, as first
    written (strip_marks without its ASCII fast path)."""
    import regex

    steps = [(regex.compile(p) if p else None, r) for p, r in names._FOLD_STEPS]
    for w in _fold_test_words():
        s = w.lower()
        for pat, repl in steps:
            s = _reference_strip_marks(s) if pat is None else pat.sub(repl, s)
        assert names.fold_part(w) == s, w


def test_fold_and_strip_marks_fast_paths_change_nothing():
    """fold of a word of letters is its one part's fold_part; strip_marks of ASCII is itself."""
    for w in _fold_test_words() + ["Jean-Pierre", "Kassym Jomart", "A--b", "-x-", ""]:
        assert names.fold(w) == "-".join(names.fold_part(p) for p in names._PART_SEPARATOR.split(w) if p), w
        for s in (w, w.lower()):
            assert names.strip_marks(s) == _reference_strip_marks(s), s
    every_ascii = "".join(map(chr, range(128)))
    assert names.strip_marks(every_ascii) == _reference_strip_marks(every_ascii) == every_ascii


@pytest.mark.parametrize(
    "text,passes",
    [
        ("He said the los and las were gone.", True),  # two markers in one clause
        ("He said los. Then las were gone.", False),  # a full stop between them
        ("He said los\n(las) were gone.", False),
        ("It rained all day in Perth.", False),
        # scan text that is not ASCII: the delimiters « » “ ” too, in UTF-8
        ("He said los — las were gone.", True),
        ("He said los « las were gone.", False),
        ("He said los » las were gone.", False),
        ("He said los “ las were gone.", False),
        ("He said los ” las were gone.", False),
        ("Café owners said los: las were gone.", False),
        ("Café owners said los las were gone.", True),
    ],
)
def test_foreign_clause_gate_needs_two_markers_in_one_clause(text, passes):
    from cleanmt.rules.untranslated import _enough_markers

    assert _enough_markers(Document(text)) is passes


def test_capitalised_particle_anchors_cover_blanks_and_capitals():
    """CAS003's anchors are the particles spelled with a capital between blanks, as
    written; its check then wants a letter before and a capital after the run."""
    from cleanmt.registry import all_rules

    (cas003,) = [r for r in all_rules() if r.id == "CAS003"]
    for text in ("Talks with Charles De Gaulle went badly.", "Talks with Charles\tDE\tGaulle went badly.",
                 "She met Ursula VOn der Leyen."):
        assert cas003.may_fire(Document(text)), text
    assert list(cas003.check(Document("Talks with Charles De Gaulle went badly.")))
    assert not cas003.may_fire(Document("The Deputy met Gaulle's driver."))  # no anchor
    assert not cas003.may_fire(Document("Talks with Charles de Gaulle went well."))  # no capital
    assert not list(cas003.check(Document("Talks with Charles De gaulle went well.")))  # no capital after


_TRICKY_NAMES = [
    "“Angela Merkel’s” aide met O'Brien's son, 3Com and X-Men.",
    "Foo-9 Jean-Pierre_ Émile\u00a0Zola, L'Oréal, ÉCOLE, Ça va, McDonald-Smith's",
    "Tokaïev,Noursoultan;Selenskyj—Poutine «OTAN» Kassym Jomart\tKassym-Jomart",
    "A-1 B_ C's Ds_ Es9 pro-Taliban d'Artagnan Ɓello ǅemal Ωmega x\u0301Yz",
    "‘Zola’—“Merkel”…Putin «Le\u202fPen» ’Tis ×Xavier ½Ab Cd‿Ef Gh\u200dIj Kl²Mn O’Brien’s O’s_",
]


def test_token_classes_cover_unicode():
    """CAPITAL_TOKEN's classes: every capital starts a token, every character _NAME_WORD
    may read inside a word or at its edge goes on one, and no left-out character is one."""
    import re
    import sys

    import regex

    every = "".join(chr(i) for i in range(0x80, sys.maxunicode + 1) if not 0xD800 <= i <= 0xDFFF)
    start, char = (re.compile(rf"[{body}]+") for body in (names._TOKEN_START, names._TOKEN_CHAR))
    assert start.fullmatch("".join(regex.findall(r"\p{Lu}", every)))
    assert char.fullmatch("".join(regex.findall(r"[\w\p{L}\p{N}\p{M}'’\-]", every)))
    assert not regex.search(r"[\w\p{L}\p{N}\p{M}'’\-]", names._BREAKS)
    assert {"\u00a0", "«", "»", "“", "”", "‘", "—", "–", "…", "\u202f"} <= set(names._BREAKS)
    assert not start.match("’") and char.match("’")


def test_name_words_cover_every_name_word(texts):
    """The token scan finds every word _NAME_WORD finds (extra words only ever let more through)."""
    for t in texts + _TRICKY_NAMES:
        for v in _variants(t):
            assert set(names._NAME_WORD.findall(v)) <= names.name_words(v), v[:80]
    assert names.name_words("Émile\u00a0Zola met O'Brien's aide, Jean-Pierre3.") >= {"Émile", "Zola", "O'Brien"}
    assert "Merkel" not in names.name_words("Merkel3 and Merkel9x")  # _NAME_WORD rejects both


def test_transliteration_rules_share_the_names_gate():
    from cleanmt.registry import all_rules

    for r in all_rules():
        if r.id in ("TRL001", "TRL002", "TRL003"):  # the names rules (TRL004 has its own anchors)
            assert not r.may_fire(Document("Ilham Aliyev met Daniyar Alimbayev on Monday."))
            assert r.may_fire(Document("Talks with Vladimir Poutine ended."))
            assert r.may_fire(Document("Talks ended.", corpus=names.build_name_table(["Talks ended."])))


@pytest.mark.parametrize(
    "text, may",
    [
        ("Talks with Angela Merkel went well. Later, Angela merkel left.", True),
        ("Talks with Angela Merkel went well. Later, Angela merkel3 left.", True),  # a digit ends the word
        ("“Talks with Angela Merkel went well.” Later, Angela merkel left.", True),  # not ASCII
        ("Talks with Angela Merkel went well. Later, ×Angela merkel× left.", True),  # a symbol on each side
        ("Talks with Angela Merkel½ went well. Later, Angela merkel left.", True),  # "Merkel½" is a token
        ("Talks with José García went well. Later, José garcía left.", True),
        ("Talks with Angela Serkel went well. Later, Angela ſerkel left.", True),  # "ſ".upper() == "S"
        ("Talks with Anna Ivanova went well. Later, Anna ıvanova left.", True),  # "ı".upper() == "I"
        ("Talks with Anna Aʾbdul went well. Later, Anna ẚbdul left.", True),  # "ẚ".upper() == "Aʾ"
        ("Talks with Jean Émeric went well. Later, Jean émeric left.", True),  # not an ASCII capital
        ("Talks with Nikos Σamaras went well. Later, Nikos ςamaras left.", True),  # "ς".upper() == "Σ"
        ("“Talks with Angela Merkel went well.” Later, Angela left Merkel’s party.", False),
        ("“Prime Minister Theresa May spoke.” Theresa may resign soon.", False),
        ("“Talks with José García went well.” Later, garcía left.", False),  # not after a title
        ("Prime Minister Theresa May spoke. Theresa may resign soon.", False),  # a common word
        ("Talks with Angela Merkel went well. Later, Angela left Merkel's party.", False),
        ("Talks with Angela Merkel went well. Later, merkel left.", False),  # not after a title
    ],
)
def test_lowercased_name_gate(text, may):
    from cleanmt.rules import casing

    assert casing._may_have_lowercased_name(Document(text)) is may


def test_lowercased_name_gate_reads_a_capitalised_name_before_a_digit():
    from cleanmt.rules import casing

    text = "Talks with Angela Merkel2 went well. Later, Angela merkel left."
    assert casing._may_have_lowercased_name(Document(text))
    assert not casing._may_have_lowercased_name(Document("Talks with AMerkel went well. Later, Angela merkel left."))
    assert not casing._may_have_lowercased_name(
        Document("Talks with Chancellor Merkel ended. Later, Angela merkel left."))


@pytest.mark.parametrize(
    "text, may",
    [
        ("the city council votes\n\nThe vote was close.\n\nIt passed.\n\nCritics said so.", True),
        ("Rain hit.\nRoads closed.\nmany people stayed home.\nSchools shut.", True),
        ("Rain hit.\nRoads closed.\nSchools shut.\nmany\tpeople stayed home.", True),  # a tab
        ("Rain hit.\nRoads closed.\nSchools shut.\nélan vital was lost.", True),  # not ASCII
        ("Rain hit.\nmany people stayed home.\nSchools shut.", False),  # three lines
        ("Rain hit.\nRoads closed.\nSchools shut.\nmany", False),  # one word: nothing after it
        ("Rain hit.\niPhone sales fell.\ne-mail is down.\n“quotes” too.\n eh, a blank first", False),
        ("Rain hit the coast. Roads were closed. many people stayed home.", False),  # one line
    ],
)
def test_lowercase_line_gate(text, may):
    from cleanmt.rules import casing

    assert casing._may_start_lower(Document(text)) is may


def test_lowercased_name_gate_survives_forgetting_its_cache(monkeypatch):
    from cleanmt.rules import casing

    from cleanmt.memo import Memo

    monkeypatch.setattr(casing._RareLower, "MAX_SEEN", 1)
    memo = Memo()  # one memo for both documents, as a Cleaner's: the second forgets the first's strings
    assert not casing._may_have_lowercased_name(Document("Later, Angela merkel and Anna Schmidt left.", memo=memo))
    assert casing._may_have_lowercased_name(
        Document("Talks with Angela Merkel went well. Later, Angela merkel left.", memo=memo))


def test_ascii_scan_strings_are_the_tokens_and_the_words_after_them(texts):
    """In ASCII text a scan string is "Token" or "Token lower": split, they are the
    tokens and lower-case words of CAPITAL_TOKEN_ASCII (taking the word skips no token)."""
    for t in texts + ["A1 merkel B2c_ dx Ef-gh ijk, O'Neil's abc. X"]:
        for v in _variants(t):
            if not v.isascii():
                continue
            pairs = names.CAPITAL_TOKEN_ASCII.findall(v)
            expected = {s for pair in pairs for s in pair if s}
            assert set(" ".join(names.capital_tokens(v)).split()) == expected, v[:80]
            assert {s.partition(" ")[0] for s in names.capital_tokens(v)} == {p for p, _ in pairs}


def test_scan_string_index_agrees_with_the_exact_check(texts):
    """may_have_variants_in (hot strings first, then the hot words) equals the per-word
    loop over the scan's words, also for an index that forgets often."""
    small = names._NameWordIndex("en")
    small.MAX_WORDS = 60
    for index in (names._NameWordIndex("en"), small):
        for t in texts + _TRICKY_NAMES:
            for v in list(_variants(t))[:3]:
                strings = names.capital_tokens(v)
                words = names.words_of_strings(strings)
                expected = names._may_have_variants_exact(words, "en")
                assert index.may_have_variants_in(strings) == expected, v[:80]
                expected = names._may_have_variants_exact(words, "en", v)
                assert index.may_have_variants_in(strings, v) == expected, v[:80]


def test_a_scan_string_turns_hot_when_its_word_does():
    """"Marsh's" holds "Marsh"; once "March" (the same key) is seen, "Marsh" is
    ambiguous and the string must be hot, though it was filed before."""
    index = names._NameWordIndex("en")
    first = names.capital_tokens("The Marsh's garden was wet.")
    assert not index.may_have_variants_in(first)
    assert "The Marsh's garden" not in index.hot and "Marsh's garden" not in index.hot
    index.may_have_variants_in(names.capital_tokens("March came early."))
    assert {"Marsh's garden"} <= index.hot
    assert index.may_have_variants_in(names.capital_tokens("The Marsh's garden in March was wet."))


def test_engine_runs_exactly_the_rules_that_may_fire(texts):
    """The engine makes the anchor test for all rules at once (Cleaner._candidates) and
    then asks each candidate's trigger and gate: the same rules as asking `may_fire`."""
    from cleanmt.engine import Cleaner

    cleaner = Cleaner()
    for lang in ("en", "fr", "de"):
        for t in texts[::3]:
            for v in list(_variants(t))[:3]:
                doc = Document(v, lang=lang)
                ran = {r.id for r in cleaner._candidates(doc) if r.passes_gates(doc)}
                assert ran == {r.id for r in cleaner.rules if lang in r.langs and r.may_fire(doc)}, v[:80]


def test_compound_test_of_the_index_reads_only_the_text_s_words():
    """The index looks for "x y" in the text among every spelling it has filed for
    the two keys, then keeps only pairs of words of this text: "Abdul Karim" inside
    "McAbdul Karim" joins nothing (McAbdul is the name word there)."""
    index = names._NameWordIndex("en")
    index.may_have_variants_in(names.capital_tokens("Abdul met Karim."), "Abdul met Karim.")
    assert "Abdul" in index.by_key["abdul"]
    for text, expected, without_text in [
        ("Abdul-Karim arrived. McAbdul Karim left.", False, False),
        ("Abdul-Karim arrived. Abdul Karim left.", True, True),
        ("Abdul-Karim arrived. Abdul met Karim.", False, True),
    ]:
        strings = names.capital_tokens(text)
        assert index.may_have_variants_in(strings, text) is expected, text
        assert names._may_have_variants_exact(names.words_of_strings(strings), "en", text) is expected, text
        assert index.may_have_variants_in(strings) is without_text, text
