"""TRL010 and its table (knowledge/organisations.py, data/organisations.tsv): another
language's acronym of an international body, in each target language, and the text it
must leave alone. None of these sentences comes from the dev set."""
import re

import pytest

from cleanmt.engine import Cleaner
from cleanmt.knowledge import organisations as orgs

LANGS = ("en", "fr", "es", "de", "it", "pt")


def found(text, lang):
    return [(f.text, f.replacement) for f in Cleaner(select=["TRL010"], lang=lang, min_confidence=0.0).detect(text)]


def fixed(text, lang):
    return Cleaner(select=["TRL010"], lang=lang).fix(text).fixed


# -- the table ----------------------------------------------------------------------


def test_table_covers_at_least_200_bodies_in_six_languages():
    rows = orgs.rows()
    bodies = {r["body"] for r in rows}
    assert len(bodies) >= 200
    for b in bodies:
        canon = {r["lang"] for r in rows if r["body"] == b and r["role"] == "canonical"}
        assert set(LANGS) <= canon, b


def test_every_row_is_sourced_and_explained():
    for r in orgs.rows():
        assert r["source"].startswith("https://"), r
        assert r["why"] and r["name"] and r["role"] in ("canonical", "also"), r
        if r["requires"]:
            re.compile(r["requires"])
    keys = [(r["body"], r["lang"], r["form"]) for r in orgs.rows()]
    assert len(keys) == len(set(keys))
    for b in {r["body"] for r in orgs.rows()}:
        for lang in LANGS:
            assert sum(r["body"] == b and r["lang"] == lang and r["role"] == "canonical" for r in orgs.rows()) == 1


def test_forms_each_target_writes_are_never_triggers():
    for lang in orgs.TARGETS:
        ix = orgs.index(lang)
        assert not set(ix.triggers) & ix.accepted
        assert set(ix.triggers) <= set(orgs.anchor_forms())


# -- English text: another language's acronym -------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("Talks at the ONU headquarters stalled.", [("ONU", "UN")]),
    ("The FMI approved a $3bn loan to Kenya.", [("FMI", "IMF")]),
    ("Two OTAN jets intercepted the bomber.", [("OTAN", "NATO")]),
    ("The OIEA chief visited Zaporizhzhia.", [("OIEA", "IAEA")]),
    ("The CEDEAO threatened sanctions against the junta.", [("CEDEAO", "ECOWAS")]),
    ("The PNUD and the ACNUR opened an office in Goma.", [("PNUD", "UNDP"), ("ACNUR", "UNHCR")]),
    ("The CICR lost contact with its team.", [("CICR", "ICRC")]),
    ("The IWF and the EZB disagree on the outlook.", [("IWF", "IMF"), ("EZB", "ECB")]),
    ("The OSZE observers left Donetsk.", [("OSZE", "OSCE")]),
    ("The GIEC report was published on Monday.", [("GIEC", "IPCC")]),
    ("Belarus hosted an OTSC exercise.", [("OTSC", "CSTO")]),
    ("Putin addressed the ОДКБ summit.", [("ОДКБ", "CSTO")]),
    ("Argentina's exports to Mercosul fell.", [("Mercosul", "Mercosur")]),
    ("Spending on I+D rose to 1.4% of output.", [("I+D", "R&D")]),
    ("The PDG of the carmaker resigned.", [("PDG", "CEO")]),
    ("Dozens of ONG-run shelters closed.", [("ONG", "NGO")]),
])
def test_english_text_foreign_acronyms(text, expected):
    assert found(text, "en") == expected


@pytest.mark.parametrize("text, expected", [
    # ambiguous acronyms, each with the context its row requires
    ("The OMS said the measles outbreak was spreading.", [("OMS", "WHO")]),
    ("The economy slowed and the PIB fell 0.4% in the quarter.", [("PIB", "GDP")]),
    ("The BCE raised its key interest rate to 4%.", [("BCE", "ECB")]),
    ("The UE summit in Brussels ended as European leaders left.", [("UE", "EU")]),
    ("The CIO will decide on the Olympic host city in June.", [("CIO", "IOC")]),
    ("The AMA suspended the sprinter after a doping test.", [("AMA", "WADA")]),
    ("The TVA rate on restaurant meals rises, the tax office said.", [("TVA", "VAT")]),
])
def test_english_text_ambiguous_acronyms_with_context(text, expected):
    assert found(text, "en") == expected


def test_name_replacement_where_english_writes_no_acronym():
    assert fixed("Rescuers of the MTchS reached the village.", "en") == \
        "Rescuers of the Emergencies Ministry reached the village."


@pytest.mark.parametrize("text", [
    # English acronyms in English text (lee news and the like)
    "The UN, the EU, NATO, the ALP, the ACTU and the ACCC all commented.",
    "The WHO and the IMF met; the CEO of BHP and the RBA governor spoke.",
    # the same letters with other senses, without the body's context
    "The OMS software routes each order to a warehouse.",
    "The CPI rose 3% as fuel prices climbed.",
    "The TVA raised electricity rates in Tennessee.",
    "Press Information Bureau (PIB) figures showed the economy grew 7%.",
    "The AMA said doctors were overworked.",
    "The UA flight to Denver was delayed.",
    "Our CIO moved the bank's servers to the cloud.",
    "The PE teacher said the budget was cut.",
    "Photo: ANP / EPA / AP",
    "The BRI has financed ports across Asia.",
    "An IED killed two soldiers; FDI into India rose.",
    "The EPO doping case and the PMI survey were both in the news.",
    # a foreign body named in its own language on purpose
    "Brazil's Instituto Brasileiro de Geografia e Estatística (IBGE) published the data.",
    "Le Monde called it the Organisation mondiale de la santé (OMS) report.",
    # headlines, URLs, addresses
    "THE OMS AND THE ONU PLAN",
    "Visit onu.org or write to press@OTAN.int.",
    # ambiguous: BAD is both the African and the Asian bank in French
    "The BAD approved the loan.",
    # letters that other languages' rows hold but English uses otherwise
    "Pompeii was buried in AD 79; the SDK ships with the app; NHS CCGs were abolished.",
    "The IEP's Global Peace Index ranked Iceland first; they played UNO all night.",
    "Demand for GLP-1 drugs fuelled the rally; BCE Inc. fell as the central bank held rates.",
    "The UE attaches to the 5G base station, Europe's telecom regulator said.",
    "The jet's AESA radar and the aircraft's engines were upgraded.",
    "ADI shares rose after the direct listing; the EPL club's Chinese owners sold it.",
    "Tasmania (TAS) sent the dispute to arbitration.",
    # CPI is the English consumer price index even where the ICC is in the news
    "The ICC issued an arrest warrant; separately, the CPI rose 0.2%.",
    "The Competitive Enterprise Institute (CEI) sued; India's PIL on economic growth was heard.",
])
def test_english_near_misses(text):
    assert found(text, "en") == []


# -- French, Spanish and German text: the English acronym left in place --------------------


@pytest.mark.parametrize("lang, text, expected", [
    ("fr", "Les casques bleus de l’UN quittent le Mali.", [("UN", "ONU")]),
    ("fr", "Le sommet de la NATO à Vilnius s’est achevé.", [("la NATO", "l’OTAN")]),
    ("fr", "Le IMF prévoit une croissance de 2 % ; le GDP reculera.", [("IMF", "FMI"), ("GDP", "PIB")]),
    ("fr", "Les ministres de la EU se réunissent à Luxembourg.", [("la EU", "l'UE")]),
    ("fr", "La CSTO a envoyé des parachutistes.", [("La CSTO", "L'OTSC")]),
    ("es", "Los cascos azules de la UN abandonan Malí.", [("UN", "ONU")]),
    ("es", "La NATO celebró su cumbre en Vilna.", [("NATO", "OTAN")]),
    ("es", "El IMF rebajó su previsión y las NGO protestaron.", [("IMF", "FMI"), ("NGO", "ONG")]),
    ("de", "Der IMF senkte die Prognose für das GDP.", [("IMF", "IWF"), ("GDP", "BIP")]),
    ("de", "Die ECB hielt die Zinsen, die OSCE schickte Beobachter.", [("ECB", "EZB"), ("OSCE", "OSZE")]),
    ("de", "Der ICJ in Den Haag und das ICRC äußerten sich.", [("ICJ", "IGH"), ("ICRC", "IKRK")]),
    ("de", "Die Außenminister der CIS-Staaten trafen sich.", [("CIS", "GUS")]),
])
def test_target_language_text_keeps_an_english_acronym(lang, text, expected):
    assert found(text, lang) == expected


@pytest.mark.parametrize("text, expected", [
    ("Les membres de NATO ont voté.", "Les membres de l'OTAN ont voté."),
    ("La NATO a répondu.", "L'OTAN a répondu."),
    ("Le porte-parole du NATO a parlé.", "Le porte-parole de l'OTAN a parlé."),
    ("Il s’adresse au NATO.", "Il s’adresse à l’OTAN."),
    ("La décision de l’UN est tombée.", "La décision de l’ONU est tombée."),
    ("Le IMF prévoit une récession ; le GDP recule.", "Le FMI prévoit une récession ; le PIB recule."),
])
def test_french_fix_gives_an_organisation_its_article(text, expected):
    assert fixed(text, "fr") == expected


@pytest.mark.parametrize("lang, text", [
    # each language's own acronyms
    ("fr", "L’ONU, l’OTAN, l’UE, l’OMS, le FMI, la BCE et la CPI ont réagi ; le PIB et la TVA aussi."),
    ("fr", "Le PDG et le CEO se sont rencontrés ; les DNA en parlent."),
    ("fr", "Le SDF dormait devant la gare ; l’IA inquiète la CNIL."),
    ("fr", "UN AN APRÈS LA CRISE, L’EUROPE S’INTERROGE"),
    ("es", "La ONU, la OTAN, la UE, la OMS, el FMI, el BCE y la CPI reaccionaron; el PIB y el IVA también."),
    ("es", "El CEO de Inditex habló; la relación con EU preocupa en México; el gasto en I+D crece."),
    ("es", "UN AÑO DESPUÉS, LA OTAN SIGUE DIVIDIDA"),
    ("es", "China presentó la BRI como su gran proyecto de infraestructuras."),
    ("de", "Die UN und die UNO, die NATO und die Nato, die EU, die WHO und der IWF äußerten sich."),
    ("de", "Die IAEA und die IAEO sind dieselbe Behörde; die ILO, das IOC und der CEO von SAP auch."),
    ("de", "Der Radprofi wurde wegen EPO gesperrt; KI und AI-Start-ups boomen."),
])
def test_target_language_near_misses(lang, text):
    assert found(text, lang) == []


# -- the seeds and the clean corpus -------------------------------------------------------


def test_seed_otsc_is_still_fixed(seed_text):
    text = seed_text("004")
    assert ("OTSC", "CSTO") in found(text, "en")
    assert "OTSC" not in fixed(text, "en")


def test_lee_news_gets_no_finding(lee_articles):
    cleaner = Cleaner(select=["TRL010"], lang="en", min_confidence=0.0)
    assert [f.text for t in lee_articles for f in cleaner.detect(t)] == []
