"""Word-level untranslated rules (UNT001 honorifics, UNT004-006, UNT102-103) on text written
for these tests (not the dev set): what they catch, and the near misses they leave alone."""
import pytest

from cleanmt.document import Document
from cleanmt.engine import Cleaner
from cleanmt.knowledge import wordstats
from cleanmt.lexicon import load_tsv

WORD_RULES = ["UNT001", "UNT004", "UNT005", "UNT006", "UNT102", "UNT103"]


def flagged(text, lang="en"):
    return [(f.rule, f.text, f.replacement) for f in Cleaner(select=WORD_RULES, min_confidence=0.0, lang=lang).detect(text)]


def texts(text, lang="en"):
    return [t for _, t, _ in flagged(text, lang)]


# ---------------------------------------------------------------- English targets: caught

@pytest.mark.parametrize("text,word", [
    ("The provincie of Gelderland said the waterschap would raise the dikes.", "provincie"),
    ("The provincie of Gelderland said the waterschap would raise the dikes.", "waterschap"),
    ("In Naples the regione approved the budget after a long debate.", "regione"),
    ("The mayor of Lyon asked the préfet to act quickly.", "préfet"),
    ("In Porto Alegre the prefeitura closed schools after the vereadores voted.", "prefeitura"),
    ("The Stadtrat voted on Monday, and the budget passed.", "Stadtrat"),
    ("The region lost 12 Einwohner per day last year.", "Einwohner"),
    ("“We start tomorrow,” said il prefetto after the meeting.", "il prefetto"),
    ("El presidente of the club explained the sale.", "El presidente"),
])
def test_foreign_word_in_english(text, word):
    assert word in texts(text)


def test_foreign_spelling_gets_the_english_one():
    assert ("UNT005", "évacuation", "evacuation") in flagged("The mayor ordered the évacuation of two buildings.")


@pytest.mark.parametrize("text,form,replacement", [
    ("Sig. Rossi met the minister.", "Sig.", "Mr."),
    ("Dott. Bianchi led the team.", "Dott.", "Dr."),
    ("Mr Weber left. Herr Brandt stayed.", "Herr", "Mr"),
    ("The alderman, Dhr. Visser, resigned.", "Dhr.", "Mr."),
    ("Sig. Conti and Sig.ra Ferri spoke.", "Sig.ra", "Ms."),
    ("Mevr. de Vries chaired the meeting.", "Mevr.", None),  # Ms or Mrs: the editor chooses
    ("The court heard Avv. Conti on Monday.", "Avv.", None),  # no English equivalent
])
def test_foreign_honorific(text, form, replacement):
    assert ("UNT001", form, replacement) in flagged(text)


@pytest.mark.parametrize("text,form,replacement", [
    ("Costs rose, usw., in March.", "usw.", "etc."),
    ("Fixed costs, d.h. rent and wages, rose.", "d.h.", "that is"),
    ("Some firms, z. B. the banks, gained.", "z. B.", "for example"),
    ("The plan, m.a.w. the budget, passed.", "m.a.w.", "in other words"),
    ("The EE. UU. embassy was closed.", "EE. UU.", "US"),
    ("Several towns, p. ej. Gandia, flooded.", "p. ej.", "for example"),
    ("The plan covers wages bzw. pensions.", "bzw.", None),
    ("Z.B. the banks gained.", "Z.B.", "For example"),
])
def test_foreign_abbreviation(text, form, replacement):
    assert ("UNT006", form, replacement) in flagged(text)


def test_abbreviation_is_not_also_a_foreign_word():
    assert [r for r, *_ in flagged("The plan covers wages bzw. pensions.")] == ["UNT006"]


# ---------------------------------------------------------------- English targets: near misses

@pytest.mark.parametrize("text", [
    "The rapprochement reflected the zeitgeist, and angst and schadenfreude filled the kindergarten.",
    "Her wanderlust took her from the fiesta to the siesta, past graffiti and paparazzi outside the pizzeria.",
    "The bourgeoisie kept the status quo de facto, bona fide and per se, and vice versa.",
    "Income per capita rose, an ad hoc committee said, and the bill passed sine die.",
    "Chancellor Merz told the Bundestag that the Bundesliga and the Bundesbank agreed.",
    "The Élysée said the Carabinieri and the Guardia Civil had joined the operation.",
    "She read Der Spiegel and Le Monde before watching “La dolce vita” again.",
    "The country's so-called Mittelstand, the family-owned firms, is worried.",
    "The chef served a soufflé, a crème brûlée and a café au lait at the soirée.",
    "Officials of the Instituto Nacional de Estatística met the Banco de Portugal.",
    "The film, known in Italy as Il sorpasso, was restored.",
    "The café in Gdańsk served pierogi; Zoë ordered borscht.",
    "The judge cited habeas corpus and the principle of nulla poena sine lege.",
    "It was a cause célèbre, and the museum's raison d'être had not changed.",
    "The novelist J. M. Coetzee and Drs. Smith and Jones spoke; his frau stayed home.",
    "Prices rose, e.g. for rents, i.e. for most households, etc.",
    "The UNESCO-Cheminots link and the SUD-Rail union joined.",
])
def test_english_near_misses(text):
    assert flagged(text) == []


# ---------------------------------------------------------------- French, Spanish, German targets

@pytest.mark.parametrize("lang,text,word", [
    ("fr", "En marge du summit, les ministres ont signé un accord.", "summit"),
    ("fr", "Le gouvernement a annoncé une taxe sur les shareholders des grandes entreprises.", "shareholders"),
    ("es", "El ministro anunció nuevas ayudas para los farmers afectados por la sequía.", "farmers"),
    ("de", "Die Regierung kündigte neue Hilfen für die farmers an.", "farmers"),
    ("de", "Die Forscher des Natural History Museum of the University of Oxford stellten den Fund vor.",
     "Natural History Museum of the University of Oxford"),
    ("es", "El informe del National Institute for Health and Care Excellence se publicó el lunes.",
     "National Institute for Health and Care Excellence"),
    ("de", "Die Preise stiegen, e.g. bei den Mieten.", "e.g."),
    ("fr", "Les prix ont augmenté, z.B. pour les loyers.", "z.B."),
])
def test_english_left_in_target(lang, text, word):
    assert word in texts(text, lang)


@pytest.mark.parametrize("lang,text", [
    ("fr", "Le week-end dernier, la start-up a recruté un manager pour son offre en ligne. Le leader du marché "
           "mise sur le streaming, et les fans de football ont suivi le match sur leur smartphone."),
    ("fr", "Le coach a perdu son job après un scoop sur le business du club; le buzz et le clash ont pesé, "
           "comme le penalty et le score."),
    ("fr", "Le slogan « Make America Great Again » a été repris, et ce qu'on appelle le soft power progresse."),
    ("es", "El fin de semana pasado, la start-up lanzó un servicio online; el márketing batió un récord "
           "con un hashtag y el streaming del casting fue un éxito."),
    ("de", "Nach dem Meeting gab es ein Briefing und einen Shitstorm; das Feedback der Community war gemischt, "
           "das Update für das Tool kam nach dem Workshop."),
    ("de", "Die Forscher der Bayerischen Staatssammlung für Paläontologie und Geologie stellten den Fund vor, "
           "laut Human Rights Watch und der Bank of America."),
    ("de", "Die Forscher fanden z. B. Federn, u. a. am Arm; d. h. der Fund ist usw. einzigartig."),
])
def test_target_near_misses(lang, text):
    assert flagged(text, lang) == []


# ---------------------------------------------------------------- data and indexes

def test_foreign_index_knows_loanwords_are_english():
    words = wordstats.foreign_words()
    for loan in ("rapprochement", "kindergarten", "zeitgeist", "facto", "capita", "hoc", "angst"):
        assert loan.encode() not in wordstats.rare_foreign_keys(), loan
    assert wordstats.foreign_info("gemeente").lang == "nl"
    assert b"kiezers" in words


def test_english_index_leaves_the_targets_anglicisms():
    for lang, loans in {"fr": ("week-end", "parking", "football", "leader"),
                        "de": ("manager", "online", "team", "meeting"),
                        "es": ("online", "marketing", "fútbol")}.items():
        for w in loans:
            assert w not in wordstats.english_words(lang), (lang, w)


def test_document_words_split_at_punctuation():
    doc = Document("L’école, the kiezers; “tramontane” — taïga!")
    assert wordstats.document_words(doc) == [b"l", "école".encode(), b"the", b"kiezers", b"tramontane", "taïga".encode()]
    assert wordstats.accented_words(doc) == ["taïga", "école"]


@pytest.mark.parametrize("name,required", [
    ("honorifics.tsv", ("form", "lang", "expands_to", "fix", "source", "why")),
    ("foreign_abbreviations.tsv", ("form", "lang", "expands_to", "safe", "source", "why")),
    ("foreign_articles.tsv", ("article", "lang", "source", "why")),
])
def test_word_data_rows_are_sourced(name, required):
    rows = load_tsv(name, required=required)
    assert rows
    assert len({(r.get("form") or r.get("article"), r["lang"]) for r in rows}) == len(rows)
