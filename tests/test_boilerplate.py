"""Boilerplate rules (BLP0xx): what they delete, how deleting a line keeps the
paragraph spacing and the final newline, and that the seeds lose only residue."""
import difflib
from pathlib import Path

import pytest
import regex

from cleanmt.document import Document
from cleanmt.engine import Cleaner
from cleanmt.rules.boilerplate import _line_block_span

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))

LINK = "(Read also: Five things to know about the vote)"


def fix(text, **kw):
    return Cleaner(select=["boilerplate"], **kw).fix(text).fixed


# -- spacing when a whole line goes ----------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        # between blank-line separated paragraphs: exactly one blank line remains
        (f"First.\n\n{LINK}\n\nSecond.\n", "First.\n\nSecond.\n"),
        (f"First.\n\n{LINK}\n\nSecond.", "First.\n\nSecond."),
        # single-newline paragraphs stay single-newline
        (f"First.\n{LINK}\nSecond.\n", "First.\nSecond.\n"),
        # first line: the gap after it goes with it
        (f"{LINK}\n\nFirst.\n\nSecond.\n", "First.\n\nSecond.\n"),
        (f"{LINK}\nFirst.", "First."),
        # last line: the final newline state is kept, with or without one
        (f"First.\n\n{LINK}\n", "First.\n"),
        (f"First.\n\n{LINK}", "First."),
        (f"First.\n{LINK}", "First."),
        # the gap after the deleted line is what separates the neighbours
        (f"First.\n\n{LINK}\n\n\nSecond.", "First.\n\n\nSecond."),
        # two links in a row
        (f"First.\n\n{LINK}\n\n{LINK.replace('Five', 'Six')}\n\nSecond.\n", "First.\n\nSecond.\n"),
    ],
)
def test_line_deletion_keeps_spacing(text, expected):
    assert fix(text) == expected


def test_crlf_document_keeps_crlf():
    text = f"First.\r\n\r\n{LINK}\r\n\r\nSecond.\r\n"
    assert fix(text) == "First.\r\n\r\nSecond.\r\n"


def test_line_block_span_refuses_to_empty_the_document():
    doc = Document(f"\n{LINK}\n\n")
    assert _line_block_span(doc, 1, 1) is None
    assert fix(f"{LINK}\n") == f"{LINK}\n"


def test_line_block_span_at_head_and_tail():
    doc = Document("A\n\nB\n\nC")
    assert doc.text[slice(*_line_block_span(doc, 0, 0))] == "A\n\n"
    assert doc.text[slice(*_line_block_span(doc, 2, 2))] == "\n\nB"
    assert doc.text[slice(*_line_block_span(doc, 4, 4))] == "\n\nC"


# -- individual rules on invented text --------------------------------------------


def test_breadcrumb_then_repeated_headline_leaves_one_headline():
    text = "Home News Dam bursts after heavy rain\n\nDam bursts after heavy rain\n\nThe water rose fast.\n"
    assert fix(text) == "Dam bursts after heavy rain\n\nThe water rose fast.\n"


def test_breadcrumb_needs_the_headline_elsewhere():
    text = "Home News Dam bursts after heavy rain\n\nThe water rose fast.\n"
    assert fix(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Home Secretary Jane Doe visited the dam\n\nHome Secretary Jane Doe visited the dam\n",
        "World News Tonight looks at the dam\n\nThe dam held.\n",
    ],
)
def test_breadcrumb_leaves_names_that_start_with_menu_words(text):
    assert not Cleaner(select=["BLP001"], min_confidence=0).detect(text)


def test_breadcrumb_only_at_the_head():
    text = "The dam held.\n\nA.\n\nB.\n\nHome > World > Asia\n"
    assert not Cleaner(select=["BLP001"], min_confidence=0).detect(text)


def test_tail_list_with_slug_and_final_newline():
    text = "The dam held.\n\nMost read\n\nDam bursts\n\nWhy rivers flood?\n\nnews-2-local\n"
    assert fix(text) == "The dam held.\n"


def test_tail_heading_followed_by_prose_is_kept():
    text = "The dam held.\n\nMore news\n\nEngineers inspected the dam. It held.\n"
    assert fix(text) == text


def test_triple_repeat_leaves_one_copy():
    line = "A crowd gathers outside the town hall"
    assert fix(f"{line}\n\n{line}\n\n{line}\n\nThen rain.") == f"{line}\n\nThen rain."


def test_caption_with_credit_is_article_text_and_its_duplicate_is_not():
    # a caption is content (DESIGN.md); cutting the credit alone would turn it into a
    # sentence of the article; the scraper's second copy is residue (BLP007)
    caption = "A crowd gathers in the square. Photo: REUTERS / JANE DOE"
    text = f"{caption}\n\nThen rain."
    assert fix(text) == text
    assert Cleaner(select=["BLP006"], min_confidence=0.0).detect(text) == []
    assert fix(f"{caption}\n{caption}\n\nThen rain.") == text


@pytest.mark.parametrize("attribution", ["(With AFP)", "AFP AND EFE", "With Reuters"])
def test_source_attributions_are_kept(attribution):
    text = f"The dam held.\n\n{attribution}\n"
    assert fix(text) == text


def test_keep_boilerplate_changes_nothing():
    text = f"Home > World > Asia\n\nThe dam held.\n\n{LINK}\n\n.\n\nrf-1-x"
    assert Cleaner(keep_boilerplate=True).fix(text).fixed == text
    assert fix(text) == "The dam held."


# -- the seeds ------------------------------------------------------------------------

# what each seed must lose (substrings of deleted text) and must keep
SEED_EXPECT = {
    "000": (["Home News "], ["Kazakhstan: Ursula von der Leyen"]),
    "001": (["date 2022-01-07", "(Read here:", "(Also:", "More news",
             "hypersonic missile"], ["AFP AND EFE", "attend a press conference. Photo: EFE"]),
    "002": ([], []),
    "003": (["A police officer escorts"], ["A police officer escorts"]),
    "004": (["the international community calls for calm", "Read also:", "Also to listen:",
             "rf-5-general"], ["(With AFP)", "the international community calls for calm"]),
}


@pytest.mark.parametrize("path", SEEDS, ids=[p.name[:3] for p in SEEDS])
def test_seed_loses_only_boilerplate(path):
    text = path.read_text(encoding="utf-8")
    fixed = fix(text)
    assert fix(fixed) == fixed, "fixing twice must change nothing"
    assert fixed.endswith("\n") == text.endswith("\n")
    gone_expected, kept_expected = SEED_EXPECT[path.name[:3]]
    old, new = text.split("\n"), fixed.split("\n")
    removed = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        assert op != "insert", f"added lines {new[j1:j2]}"
        if op == "delete":
            removed.extend(old[i1:i2])
        elif op == "replace":
            # a line may only lose a prefix or a suffix; the rest stays byte-identical
            assert i2 - i1 >= j2 - j1
            for new_line in new[j1:j2]:
                match = next(o for o in old[i1:i2] if new_line and (o.endswith(new_line) or o.startswith(new_line)))
                removed.append(match.replace(new_line, "", 1))
            removed.extend(o for o in old[i1:i2] if not any(n and n in o for n in new[j1:j2]))
    removed_text = "\n".join(removed)
    for piece in gone_expected:
        assert piece in removed_text
    for piece in kept_expected:
        assert piece in fixed
    if not gone_expected:
        assert fixed == text
    # no blank-line runs longer than the document already had
    longest = lambda t: max((len(m) for m in regex.findall(r"\n+", t)), default=0)  # noqa: E731
    assert longest(fixed) <= longest(text)


# -- clean text ---------------------------------------------------------------------


def test_no_findings_on_clean_news_laid_out_in_paragraphs(lee_articles):
    """lee_background articles are one line each; lay them out as documents with
    one sentence per paragraph so the line-based rules are really exercised."""
    cleaner = Cleaner(select=["boilerplate"], min_confidence=0.0)
    for art in lee_articles:
        sentences = regex.split(r"(?<=[.!?\"])\s+(?=[\"\p{Lu}])", art.strip())
        for sep in ("\n\n", "\n"):
            doc = sep.join(sentences)
            assert cleaner.detect(doc) == [], doc[:200]


# -- prefilters ---------------------------------------------------------------------

from cleanmt.registry import all_rules  # noqa: E402
from cleanmt.rules import boilerplate as blp  # noqa: E402

EDGE_TEXTS = [
    "", "\n", "\n\n \t\n", "One line", "One line\n", "\n\n  First\n\nSecond\n \nThird\n\n",
    "a\r\nb\r\n", "x\n\u2003\ny", " \u00a0lead\nmid\n\ntail  \n\t",
]


@pytest.mark.parametrize("text", EDGE_TEXTS)
def test_head_and_tail_lines_are_the_documents_non_blank_lines(text):
    rows = [line.text for line in Document(text).lines if not line.is_blank]
    for n in range(1, 5):
        assert blp._head_lines(text, n) == rows[:n]
        assert blp._tail_lines(text, n) == rows[::-1][:n]


def _rule(rule_id):
    return next(r for r in all_rules() if r.id == rule_id)


@pytest.mark.parametrize("rule_id,text,may", [
    ("BLP001", "HOME\u00a0>\u00a0EUROPE > MARKETS\n\nShares fell.", True),
    ("BLP001", "Intro line\n\n  \tHome>World>Asia\n\nText.", True),
    ("BLP001", "Home\n\nText.", True),
    ("BLP001", "Homeless families waited.\n\nHomes flooded.\n\nHomework.", False),
    ("BLP001", "First.\nSecond.\nThird.\nHome > World > Asia", False),  # not a head line
    ("BLP003", "Article text here.\n\nMORE \t NEWS :\n\nStorm closes ports", True),
    ("BLP003", "More news will follow.\n\nThe vote is on Sunday.", False),
    ("BLP003", "The vote is on Sunday. More news", False),  # one line: no list after prose
    ("BLP004", "The port reopened.\n\n.\n\nnews-7-asia", True),
    ("BLP004", "top_story_world\nThe port reopened.", True),
    ("BLP004", "The port reopened.\n—\n", True),
    ("BLP004", "The port reopened.\n\nIt was closed.", False),
    ("BLP004", "news-7-asia", False),  # one line: nothing would be left
    ("BLP005", "  Published: 4 March 2021 The mayor spoke.", True),
    ("BLP005", "Last week the mayor spoke.\n\nPublished in 2021.", False),
    ("BLP007", "Storm  closes the\tports\n\n Storm closes the ports \n\nShips waited.", True),
    ("BLP007", "Storm closes ports\n\nShips waited offshore.", False),
    ("BLP007", "Storm closes the ports", False),
    ("BLP008", "Dam bursts\n\nVon Jonas Weber, AFP 03.02. 09:40 Uhr\n\nDas Wasser stieg.", True),
    ("BLP008", "Dam bursts\n\nBy Ana Ruiz\n\nWater rose.", True),
    ("BLP008", "Dam bursts on Monday.\n\nWater rose 2 metres on 3 March.\n\nIt fell.", False),
    ("BLP008", "By 09:40 the water had risen, officials said on 3/2 at 10:00", False),  # one line
    ("BLP009", "The port reopened.\n\nAdvertisement\n\nShips waited.", True),
    ("BLP009", "Advertisement", False),
    ("BLP010", "The port reopened.\n\nShare on X\n", True),
    ("BLP011", "The port reopened.\n\nSign up for our newsletter", True),
    ("BLP012", "The port reopened.\n\n© AFP", True),
    ("BLP012", "© AFP 2024 The port reopened.", False),
    ("BLP012", "The port reopened, all rights reserved.\n\nShips waited.", False),
    ("BLP013", "The port reopened.\n\nTags: Ports, Shipping", True),
    ("BLP013", "Tags: Ports, Shipping\n\nThe port reopened.\n\nShips waited.\n\nMore.", False),
    ("BLP014", "The port reopened today.\n\nPorts 2026 Rotterdam Shipping lanes", True),
    ("BLP014", "The port reopened today.\n\nShips waited for the tide.", False),
])
def test_boilerplate_gates(rule_id, text, may):
    """Each case passes the rule's prefilters (may) or is one the rule leaves alone; a rule
    with a named gate also stops there (the others' gates did not pay: gate_audit.py)."""
    r = _rule(rule_id)
    if may:
        assert r.may_fire(Document(text))
    else:
        assert not list(r.check(Document(text)))
        if r.gate is not None:
            assert not r.may_fire(Document(text))


def test_head_opener_takes_every_case_and_indent_the_rules_take():
    """_opens_like_furniture is a necessary condition of BLP001/BLP005: a head line the
    rules match with the `regex` module's IGNORECASE, after any indent of str.isspace
    characters, must pass it, whichever character stands for each letter."""
    words = blp._head_openers()
    letters = {c for w in words for c in w if c.isalpha()}
    everything = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    taken = {x: set(regex.findall(regex.escape(x), everything, regex.I)) for x in letters}
    indent = "".join(sorted({chr(i) for i in range(0x3001) if chr(i).isspace()} - {"\n"}))
    missed = []
    for w in words:
        for i, c in enumerate(w):
            for v in taken.get(c, {c}):
                line = indent + w[:i] + v + w[i + 1:] + " rest"
                if not blp._opens_like_furniture(line):
                    missed.append(line.strip())
    assert missed == []
    assert not blp._opens_like_furniture("The minister said")


def test_case_variants_hold_every_character_the_rules_regex_takes_for_a_letter():
    """The head opener pattern spells case-insensitivity out as classes; the rules match
    with the `regex` module's IGNORECASE, which must not accept a character they miss."""
    nav = [e["word"] for e in blp.load_tsv("boilerplate_nav.tsv", required=("word", "role", "source"))]
    letters = {c.lower() for w in nav + blp._label_entries("meta") + ["By"] for c in w if c.isalpha()}
    everything = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    for x in sorted(letters):
        taken = set(regex.findall(regex.escape(x), everything, regex.I))
        assert taken <= set(blp._case_variants(x)), x


def _opens_like_furniture(text):
    """`_head_may_open_furniture` by brute force: a head line (stripped) starts with the
    first word of a menu item, date label or "By" in any case, or with a slug start."""
    words = {e["word"].split()[0] for e in blp.load_tsv("boilerplate_nav.tsv", required=("word", "role", "source"))}
    words |= {w.split()[0] for w in blp._label_entries("meta")} | {"By"}
    heads = [line.text.strip() for line in Document(text).lines if not line.is_blank][: blp.HEAD_LINES]
    return any(regex.match(r"[a-z0-9]+[-_]", h) or any(regex.match(regex.escape(w), h, regex.I) for w in words)
               for h in heads)


@pytest.mark.parametrize("text", EDGE_TEXTS + [
    "Home > World", "The x\n\nThe y\n\nHOME > z", "The x\n\nThe y\n\nThe a\n\nHome > z",
    "\n \n \u2003 publiÉ le 3 mai", "A\n\n\u00a0\ttop_story_world", "A-b\n\n\nB", "Thenews\nToday",
    "rf-5-general\n\nText.", "Text.\n\n 2022-01-07", "x\n\n\n  \n  By Ana Ruiz | May 4, 2021", "The\nThe\nThe\nBy", "ſport > World\nx", "Nows\n\n\n",
])
def test_head_opener_is_the_brute_force_answer(text):
    assert blp._head_may_open_furniture(Document(text)) == _opens_like_furniture(text)


def test_head_opener_on_clean_articles_as_published(lee_articles):
    from cleanmt.corpora import as_published

    for art in lee_articles[:150]:
        for t in (art, as_published(art)):
            assert blp._head_may_open_furniture(Document(t)) == _opens_like_furniture(t), t[:100]


# -- page furniture in the target languages (texts written for these tests) ------------------

FURNITURE_DOCS = [
    ("en",
     "Home > World > Oceania\n\nCyclone reaches the coast\n\nBy Mia Tran and the Sydney desk Updated Feb. 9, 2026 6:05 a.m. AEDT\n\n"
     "The cyclone made landfall overnight.\n\nAdvertisement\n\nWinds reached 200 km/h.\n\n"
     "Read more: How cyclones are named\n\nShare on Facebook Share on WhatsApp Copy link\n\n"
     "Get the Weekend Weather newsletter in your inbox\n\n© 2026 Example Media. All rights reserved.\n",
     "Cyclone reaches the coast\n\nThe cyclone made landfall overnight.\n\nWinds reached 200 km/h.\n"),
    ("fr",
     "Accueil > Planète > Climat\n\nLa Seine déborde à Paris\n\nPar Hugo Lemaire avec AFP Publié le 09/02 à 06h05, mis à jour à 08h40\n\n"
     "La crue a atteint son pic dans la nuit.\n\nPublicité\n\nLes quais sont fermés.\n\n"
     "Lire aussi : Pourquoi la Seine monte si vite\n\nSuivez-nous sur Instagram et Threads\n\nTous droits réservés\n",
     "La Seine déborde à Paris\n\nLa crue a atteint son pic dans la nuit.\n\nLes quais sont fermés.\n"),
    ("es",
     "Portada > Sociedad > Clima\n\nEl Ebro se desborda en Zaragoza\n\nPor Lucía Sanz, Zaragoza 09.02 06:05 Actualizado 09.02 08:40\n\n"
     "La crecida alcanzó su máximo de madrugada.\n\nPublicidad\n\nLos paseos están cerrados.\n\n"
     "Lee también: Por qué el Ebro sube tan rápido\n\nSuscríbete al boletín del Tiempo\n",
     "El Ebro se desborda en Zaragoza\n\nLa crecida alcanzó su máximo de madrugada.\n\nLos paseos están cerrados.\n"),
    ("de",
     "Startseite > Panorama > Wetter\n\nDer Rhein tritt über die Ufer\n\nVon Jonas Brandt, AFP 09.02. 06:05 Uhr\n\n"
     "Der Pegel erreichte in der Nacht seinen Höchststand.\n\nAnzeige\n\nDie Uferwege sind gesperrt.\n\n"
     "Lesen Sie auch: Warum der Rhein so schnell steigt\n\nFolgen Sie uns auf Facebook und Instagram\n\n© dpa\n",
     "Der Rhein tritt über die Ufer\n\nDer Pegel erreichte in der Nacht seinen Höchststand.\n\nDie Uferwege sind gesperrt.\n"),
]


@pytest.mark.parametrize("lang,text,expected", FURNITURE_DOCS, ids=[d[0] for d in FURNITURE_DOCS])
def test_page_furniture_goes_in_every_target_language(lang, text, expected):
    assert fix(text, lang=lang) == expected


NEAR_MISSES = [
    ("en", "The minister spoke.\n\nRead more about the plan in the report, she said, before leaving for Brussels.\n\nEnd."),
    ("en", "Follow the money.\n\nIt leads offshore."),
    ("en", "The vote was close.\n\nAdvertisement for the new law was banned.\n\nIt ran anyway."),
    ("en", "PARIS (Reuters) - The talks resumed on Monday at 10:30.\n\nNo deal was reached."),
    ("en", "Markets close at 16:30 after outage\n\nTrading resumed later."),
    ("en", "Storm hits\n\nBy the time rescuers arrived at 09:40 the village was empty\n\nThey searched."),
    ("en", "The paper said its newsletter lost readers.\n\nSubscribers fell by a third."),
    ("en", "The court ruled.\n\nCopyright law was changed in 2019."),
    ("en", "Share prices fell on Monday.\n\nFollow-up talks are planned."),
    ("fr", "Le vote a eu lieu.\n\nPublicité mensongère : l'enquête est ouverte.\n\nLa suite demain."),
    ("fr", "Le scrutin\n\nLe bureau a fermé le 16/02 à 18h20.\n\nLe dépouillement a suivi."),
    ("es", "Por qué el agua subió\n\nPor la mañana, a las 9:40, el río ya se había desbordado.\n\nLuego bajó."),
    ("de", "Von Berlin nach Hamburg\n\nDie Sitzung begann am 12.06. um 14:32 Uhr.\n\nSie dauerte lange."),
    ("de", "Die Polizei ermittelt.\n\nAnzeige wegen Betrugs wurde erstattet.\n\nMehr nicht."),
]


@pytest.mark.parametrize("lang,text", NEAR_MISSES, ids=[f"{d[0]}-{i}" for i, d in enumerate(NEAR_MISSES)])
def test_furniture_near_misses_are_left_alone(lang, text):
    assert Cleaner(select=["boilerplate"], min_confidence=0.0, lang=lang).detect(text) == []


def test_line_languages_read_from_disk_equal_the_word_lists():
    """BLP015's best language of a word (an SQLite copy of 18 small lists) against
    small_list_zipf over every 200th word of each list and a few words of none."""
    from wordfreq import get_frequency_dict

    from cleanmt.lexicon import small_list_zipf

    words = {w for lang in blp._LINE_LANGS for w in list(get_frequency_dict(lang, "small"))[::200]}
    words |= {"zzqxv", "merkelovitch", "și", "artikeln"}
    wrong = [w for w in sorted(words)
             if blp._best_line_language(w) != max((small_list_zipf(w, l), l) for l in blp._LINE_LANGS)]
    assert len(words) > 2000 and wrong == []
