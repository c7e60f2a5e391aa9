"""Target-language profiles at work: the same typography is right in one language and an
artifact in another. Short correct and incorrect news texts in English, French, Spanish and
German for every rule that reads `doc.profile`; correct text raises no finding from ANY rule.
"""
import pytest

from cleanmt.engine import Cleaner
from cleanmt.hints import source_language_hints
from cleanmt.registry import all_rules


NB = "\u00a0"; NN = "\u202f"
FR = (
    "Le gouvernement a annoncé vendredi 7 janvier une série de mesures pour calmer la colère des agriculteurs. "
    "«" + NB + "Nous avons entendu le message" + NB + "», a déclaré M. Lefèvre, le ministre de l’Agriculture, devant la presse à Rennes.\n\n"
    "La hausse du gazole a atteint 2,5 % en un mois" + NN + "; les syndicats réclament un gel des prix jusqu’en mars. "
    "Pourquoi attendre" + NN + "? Selon Mme Garnier, présidente de la chambre régionale, «" + NB + "la patience a des limites" + NB + "».\n\n"
    "Le président français doit recevoir lundi les représentants allemands et espagnols, ainsi que des élus européens" + NB + ": "
    "les Français, comme les Allemands, attendent des réponses. Le plan coûtera 1,2 milliard d’euros, "
    "soit 2 500 euros par exploitation. Le ministre a cité «" + NB + "la règle du “premier arrivé”" + NB + "» des coopératives."
)
FR_PLAIN_SPACES = (
    "Le maire a inauguré le nouveau pont mardi. « C’est une journée historique ! », a-t-il lancé. "
    "Les travaux ont duré deux ans : ils ont coûté 14,5 millions d’euros. Qui paiera ? La région, pour l’essentiel ; "
    "l’État apportera le reste au printemps."
)
ES = (
    "El Gobierno anunció el viernes 7 de enero un paquete de medidas para calmar el malestar de los agricultores. "
    "«Hemos escuchado el mensaje», declaró el Sr. Morales, ministro de Agricultura, ante la prensa en Zaragoza.\n\n"
    "El precio del gasóleo subió un 2,5 % en un mes; los sindicatos piden congelar los precios hasta marzo. "
    "¿Por qué esperar? Según la Sra. Ortega, presidenta de la cámara regional, «la paciencia tiene un límite».\n\n"
    "El presidente francés recibirá el lunes a los representantes alemanes y a varios diputados europeos: "
    "los franceses, como los alemanes, esperan respuestas. El plan costará 1200 millones de euros. "
    "El ministro citó «la regla del “primero en llegar”» de las cooperativas, y la Unión Europea guardó silencio."
)
DE = (
    "Die Regierung hat am Freitag, dem 7. Januar, ein Maßnahmenpaket angekündigt, um den Unmut der Landwirte zu dämpfen. "
    "„Wir haben die Botschaft verstanden“, sagte Agrarminister Klaus Berger vor der Presse in Hannover.\n\n"
    "Der Dieselpreis ist in einem Monat um 2,5 Prozent gestiegen; die Verbände fordern einen Preisstopp bis März. "
    "Warum noch warten? Nach Angaben von Frau Hoffmann, Präsidentin der Landwirtschaftskammer, sei „die Geduld am Ende“.\n\n"
    "Der französische Präsident empfängt am Montag Vertreter aus Spanien sowie mehrere Europaabgeordnete: "
    "Franzosen wie Deutsche erwarten Antworten. Das Programm kostet 1,2 Milliarden Euro, also 2.500 Euro je Betrieb. "
    "Der Minister zitierte „die Regel ‚wer zuerst kommt‘ der Genossenschaften“."
)
EN = (
    "The government announced a package of measures on Friday, January 7, to calm the anger of farmers. "
    "“We have heard the message,” Agriculture Minister Mr. Lefevre told reporters in Rennes.\n\n"
    "Diesel prices rose 2.5% in a month; unions want a price freeze until March. "
    "Why wait? According to Mrs. Garnier, head of the regional chamber, “patience has its limits.”\n\n"
    "The French president will receive German and Spanish representatives on Monday, along with several "
    "European lawmakers: the French, like the Germans, expect answers. The plan will cost 1.2 billion euros, "
    "or 2,500 euros per farm. The minister cited the cooperatives’ “first come, first served” rule."
)
CLEAN = {"fr": [FR, FR_PLAIN_SPACES], "es": [ES], "de": [DE], "en": [EN]}
CLEAN_CASES = [(code, text) for code, texts in CLEAN.items() for text in texts]


@pytest.mark.parametrize("code,text", CLEAN_CASES, ids=[f"{c}-{i}" for i, (c, _) in enumerate(CLEAN_CASES)])
def test_correct_text_raises_no_finding_from_any_rule(code, text):
    cleaner = Cleaner(lang=code, min_confidence=0.0)
    assert cleaner.detect(text) == []
    assert cleaner.fix(text).fixed == text


@pytest.mark.parametrize("code,text", CLEAN_CASES, ids=[f"{c}-{i}" for i, (c, _) in enumerate(CLEAN_CASES)])
def test_correct_text_is_clean_with_detected_language(code, text):
    cleaner = Cleaner(lang="auto", min_confidence=0.0)
    assert cleaner.language_of(text).code == code
    assert cleaner.detect(text) == []


def test_french_typography_is_an_artifact_only_in_english():
    text = "Pourquoi attendre ? Le ministre a parlé d’une « crise grave »."
    assert Cleaner(lang="fr", min_confidence=0.0).detect(text) == []
    rules = {f.rule for f in Cleaner(lang="en", min_confidence=0.0).detect(text)}
    assert "PUN001" in rules and "QUO001" in rules


# (language, rule, flawed text, text after fixing with that rule alone; None = flagged, no safe fix)
FLAWED = [
    # QUO101: English quotes as primary quotes in French
    ("fr", "QUO101", "Le préfet a évoqué une “situation maîtrisée” après la nuit d’émeutes.",
     f"Le préfet a évoqué une «{NB}situation maîtrisée{NB}» après la nuit d’émeutes."),
    ("fr", "QUO101", "“ Nous ne céderons pas ”, a répété la maire devant le conseil municipal.",
     f"«{NB}Nous ne céderons pas{NB}», a répété la maire devant le conseil municipal."),
    # QUO102: English-style quotes in German
    ("de", "QUO102", "Die Polizei sprach von einer “ruhigen Nacht” in der Innenstadt.",
     "Die Polizei sprach von einer „ruhigen Nacht“ in der Innenstadt."),
    ("de", "QUO102", "Der Bürgermeister nannte den Plan „unbezahlbar” und verließ den Saal.",
     "Der Bürgermeister nannte den Plan „unbezahlbar“ und verließ den Saal."),
    # QUO103: French spaces inside guillemets in Spanish and German
    ("es", "QUO103", "La alcaldesa calificó el plan de « inasumible » y abandonó la sala.",
     "La alcaldesa calificó el plan de «inasumible» y abandonó la sala."),
    ("de", "QUO103", "Der Bürgermeister nannte den Plan « unbezahlbar » und ging.",
     "Der Bürgermeister nannte den Plan «unbezahlbar» und ging."),
    # QUO104: two primary quote styles in one document (each correct alone)
    ("es", "QUO104", "La ministra habló de «reformas». El líder sindical pidió «respeto» y denunció un “engaño”.", None),
    ("de", "QUO104", "Die Ministerin sprach von „Reformen“. Der Gewerkschaftschef forderte „Respekt“ und nannte es »Betrug«.", None),
    # PUN101: no space before ; : ! ? in French
    ("fr", "PUN101", "Le bilan est provisoire: trois blessés légers. Faut-il rouvrir la route? Personne ne le sait!",
     f"Le bilan est provisoire{NB}: trois blessés légers. Faut-il rouvrir la route{NN}? Personne ne le sait{NN}!"),
    ("fr", "PUN101", "La grève continue; les trains restent à quai.", f"La grève continue{NN}; les trains restent à quai."),
    # PUN102: no space inside « » in French
    ("fr", "PUN102", "Le syndicat dénonce un «mépris» du gouvernement.", f"Le syndicat dénonce un «{NB}mépris{NB}» du gouvernement."),
    ("fr", "PUN102", "«Rien n’est décidé», a-t-elle précisé.", f"«{NB}Rien n’est décidé{NB}», a-t-elle précisé."),
    # PUN103: space before , ; : ! ? in Spanish and German, before , in French
    ("es", "PUN103", "Los bomberos llegaron a las seis , según el alcalde. ¿Quién dio la orden ?",
     "Los bomberos llegaron a las seis, según el alcalde. ¿Quién dio la orden?"),
    ("de", "PUN103", "Die Feuerwehr kam um sechs Uhr ; der Brand war gelöscht : niemand wurde verletzt.",
     "Die Feuerwehr kam um sechs Uhr; der Brand war gelöscht: niemand wurde verletzt."),
    ("fr", "PUN103", "Les pompiers sont arrivés à six heures , selon le maire.",
     "Les pompiers sont arrivés à six heures, selon le maire."),
    # PUN104: decimal comma in English
    ("en", "PUN104", "Unemployment fell to 7,4% while exports grew by 1,25 billion dollars.",
     "Unemployment fell to 7.4% while exports grew by 1.25 billion dollars."),
    ("en", "PUN104", "About 3,5 million people live in the region.", "About 3.5 million people live in the region."),
    # PUN105: decimal point in French and German (Spanish: only when mixed)
    ("fr", "PUN105", "La dette a augmenté de 1.5 milliard d’euros, soit 3.2 % du budget.",
     "La dette a augmenté de 1,5 milliard d’euros, soit 3,2 % du budget."),
    ("de", "PUN105", "Die Schulden stiegen um 1.5 Milliarden Euro, das sind 3.2 Prozent des Haushalts.",
     "Die Schulden stiegen um 1,5 Milliarden Euro, das sind 3,2 Prozent des Haushalts."),
    ("es", "PUN105", "La deuda subió 1,5 millones de euros en enero y 3.2 millones en febrero.",
     "La deuda subió 1,5 millones de euros en enero y 3,2 millones en febrero."),
    # PUN106: thousands grouped with the target's decimal mark
    ("en", "PUN106", "The strike cost 3.800 jobs and 1.250.000 euros.", "The strike cost 3,800 jobs and 1,250,000 euros."),
    ("fr", "PUN106", "Plus de 4,300 habitants ont été évacués.", f"Plus de 4{NB}300 habitants ont été évacués."),
    ("es", "PUN106", "Unas 4,300 personas fueron evacuadas y 2.100 casas quedaron dañadas.",
     "Unas 4.300 personas fueron evacuadas y 2.100 casas quedaron dañadas."),
    ("de", "PUN106", "Rund 4,300 Anwohner wurden in Sicherheit gebracht.", "Rund 4.300 Anwohner wurden in Sicherheit gebracht."),
    # PUN107: thousands grouped with spaces in English
    ("en", "PUN107", "The fire destroyed 4 300 hectares of forest.", "The fire destroyed 4,300 hectares of forest."),
    # PUN108: percent spacing (none in English, a no-break space in French)
    ("en", "PUN108", "Turnout reached 61 % on Sunday.", "Turnout reached 61% on Sunday."),
    ("fr", "PUN108", "La participation a atteint 61% dimanche.", f"La participation a atteint 61{NB}% dimanche."),
    # PUN109: French or German clock times in English
    ("en", "PUN109", "The summit opens at 9h30 and closes at 17.45 Uhr.", "The summit opens at 9:30 and closes at 17:45."),
    # PUN110: ¿ ¡ in English
    ("en", "PUN110", "¡The match is over! ¿Who will pay for the damage?", "The match is over! Who will pay for the damage?"),
    # PUN111: a Spanish question or exclamation without its opener
    ("es", "PUN111", "El alcalde no lo duda. Quién va a pagar los daños? Nadie responde.",
     "El alcalde no lo duda. ¿Quién va a pagar los daños? Nadie responde."),
    # PUN112: decimal comma before a unit in English
    ("en", "PUN112", "The river rose by 2,4 metres in a day.", "The river rose by 2.4 metres in a day."),
    # PUN118: another language's word for a thousand or a million after a number in English
    ("en", "PUN118", "The city had 175 mila inhabitants in 1950.", "The city had 175,000 inhabitants in 1950."),
    # PUN113: comma after a quotation's ? or ! in English
    ("en", "PUN113", "“Who will pay?”, asked the mayor.", "“Who will pay?” asked the mayor."),
    # CAS101: month and day names capitalised in French and Spanish
    ("fr", "CAS101", "L’usine fermera ses portes le 31 Décembre, a annoncé la direction ce Mardi.",
     "L’usine fermera ses portes le 31 décembre, a annoncé la direction ce mardi."),
    ("es", "CAS101", "La fábrica cerrará el 31 de Diciembre, anunció la dirección el Martes.",
     "La fábrica cerrará el 31 de diciembre, anunció la dirección el martes."),
    # CAS102: nationality adjectives capitalised in French and Spanish
    ("fr", "CAS102", "Le Premier ministre a rencontré l’ambassadeur Italien et une délégation Japonaise.",
     "Le Premier ministre a rencontré l’ambassadeur italien et une délégation japonaise."),
    ("es", "CAS102", "El primer ministro se reunió con el embajador Italiano y con los Japoneses de la delegación.",
     "El primer ministro se reunió con el embajador italiano y con los japoneses de la delegación."),
    # CAS103-CAS107: casing from the target language's dictionary, CLDR and geonames
    ("de", "CAS103", "Die Forscher stellten den fund am Mittwoch vor.", "Die Forscher stellten den Fund am Mittwoch vor."),
    ("de", "CAS104", "Daran waren Deutsche, österreichische und Amerikanische Forscher beteiligt.",
     "Daran waren deutsche, österreichische und amerikanische Forscher beteiligt."),
    ("fr", "CAS105", "Les dirigeants ont appelé Dimanche à une refonte du système.",
     "Les dirigeants ont appelé dimanche à une refonte du système."),
    ("es", "CAS105", "Las lluvias comenzaron Martes por la noche.", "Las lluvias comenzaron martes por la noche."),
    ("fr", "CAS106", "« Nous agirons », a déclaré la Présidente de la Région, Carole Delga.",
     "« Nous agirons », a déclaré la présidente de la Région, Carole Delga."),
    ("es", "CAS106", "Lo explicó la Consejera de Emergencias, Laura Ferrer, en rueda de prensa.",
     "Lo explicó la consejera de Emergencias, Laura Ferrer, en rueda de prensa."),
    ("es", "CAS107", "Los Sevillanos de la comarca recuerdan la riada.", "Los sevillanos de la comarca recuerdan la riada."),
    ("fr", "CAS107", "Les commerçants Parisiens ont voté la motion.", "Les commerçants parisiens ont voté la motion."),
    # UNT101: another language's honorific
    ("fr", "UNT101", "Mr. Bernard, maire de la commune, a reçu Mrs Laurent à la mairie.",
     "M. Bernard, maire de la commune, a reçu Mme Laurent à la mairie."),
    ("es", "UNT101", "Según Mr. Fuentes, la reunión con Mme Duval fue cordial.", "Según Sr. Fuentes, la reunión con Sra. Duval fue cordial."),
    ("de", "UNT101", "Laut M. Dubois und Mr. Smith ist die Lage ernst.", None),
    # CLQ101-104: calques of English constructions in the target language
    ("fr", "CLQ101", "Selon le maire, fermer la gare ne fait pas sens.", "Selon le maire, fermer la gare n’a pas de sens."),
    ("es", "CLQ102", "El club cambió de entrenador en orden de evitar el descenso.",
     "El club cambió de entrenador para evitar el descenso."),
    ("de", "CLQ103", "Für die Gewerkschaft ist klar: Ein Streik macht keinen Sinn.", None),
    ("de", "CLQ104", "Die Brücke wurde in 1998 gebaut und in 2024 gesperrt.", "Die Brücke wurde 1998 gebaut und 2024 gesperrt."),
    # PUN114-PUN116: English clock times, currency signs and ordinals left in the target
    ("fr", "PUN114", "Le conseil se réunira à 9:30 a.m. puis à 2 p.m. en mairie.",
     f"Le conseil se réunira à 9{NB}h{NB}30 puis à 14{NB}h en mairie."),
    ("de", "PUN114", "Die Sitzung beginnt um 9:30 a.m. und endet um 4 PM im Rathaus.",
     "Die Sitzung beginnt um 9:30 Uhr und endet um 16 Uhr im Rathaus."),
    ("fr", "PUN115", "La commune recevra €300 par habitant et £2 millions du fonds.",
     f"La commune recevra 300{NB}€ par habitant et 2 millions de livres du fonds."),
    ("de", "PUN115", "Die Gemeinde erhält €300 pro Kopf und $2 Milliarden aus dem Fonds.",
     f"Die Gemeinde erhält 300{NB}€ pro Kopf und 2 Milliarden Dollar aus dem Fonds."),
    ("fr", "PUN116", "Le club a fini 3rd du championnat, son meilleur résultat du 20th siècle.",
     "Le club a fini 3e du championnat, son meilleur résultat du XXe siècle."),
    ("es", "PUN116", "El club terminó 3rd en la liga.", None),
    ("de", "PUN116", "Der Verein wurde 3rd der Liga, das beste Ergebnis im 20th Jahrhundert.",
     "Der Verein wurde 3. der Liga, das beste Ergebnis im 20. Jahrhundert."),
    # PUN117: English number format with both marks; UNT104: English month names and dates
    ("fr", "PUN117", "Le budget atteint 2,345.6 millions d’euros.", f"Le budget atteint 2{NB}345,6 millions d’euros."),
    ("es", "PUN117", "El presupuesto alcanza 2,345.6 millones de euros.", None),
    ("de", "PUN117", "Der Haushalt umfasst 2,345.6 Millionen Euro.", "Der Haushalt umfasst 2.345,6 Millionen Euro."),
    ("fr", "UNT104", "Le scrutin, prévu le October 12, a été reporté en December.",
     "Le scrutin, prévu le 12 octobre, a été reporté en décembre."),
    ("es", "UNT104", "La votación, prevista para el 12 October 2026, se aplazó hasta December.",
     "La votación, prevista para el 12 de octubre de 2026, se aplazó hasta diciembre."),
    ("de", "UNT104", "Die Wahl, geplant für den October 12, wurde auf Mitte December verschoben.",
     "Die Wahl, geplant für den 12. Oktober, wurde auf Mitte Dezember verschoben."),
    # CLQ105: a German compound written open, the English way
    ("de", "CLQ105", "Die Presse Konferenz der Landes Regierung begann spät.",
     "Die Pressekonferenz der Landesregierung begann spät."),
    # QUO105: the sentence's comma (Spanish also its full stop) inside the closing mark
    ("es", "QUO105", "«No habrá recortes.» Así lo aseguró el consejero, que añadió: «Ni uno,» y se fue.",
     "«No habrá recortes». Así lo aseguró el consejero, que añadió: «Ni uno», y se fue."),
    ("fr", "QUO105", f"«{NB}Nous resterons,{NB}» a promis la maire.", f"«{NB}Nous resterons{NB}», a promis la maire."),
    ("de", "QUO105", "„Wir bleiben,“ versprach die Bürgermeisterin.", "„Wir bleiben“, versprach die Bürgermeisterin."),
    # UNT105: an English connective opening a sentence
    ("fr", "UNT105", "Le texte a été voté. Meanwhile, l’opposition prépare un recours.", None),
    ("es", "UNT105", "El texto fue aprobado. Meanwhile, la oposición prepara un recurso.", None),
    ("de", "UNT105", "Der Text wurde beschlossen. Meanwhile, die Opposition bereitet eine Klage vor.", None),
    # QUO106: straight quotes beside the target's marks
    ("fr", "QUO106", "Le préfet parle de « prudence ». Le maire a dénoncé un \"abandon\".",
     f"Le préfet parle de « prudence ». Le maire a dénoncé un «{NB}abandon{NB}»."),
    ("es", "QUO106", "El alcalde habló de «prudencia». El concejal denunció un \"abandono\".",
     "El alcalde habló de «prudencia». El concejal denunció un «abandono»."),
    ("de", "QUO106", "Der Landrat sprach von „Vorsicht“. Der Bürgermeister nannte es \"Verrat\".",
     "Der Landrat sprach von „Vorsicht“. Der Bürgermeister nannte es „Verrat“."),
    # CAS102 also reads CLDR's language names after "en"
    ("fr", "CAS102", "Le discours, prononcé en Anglais, a été traduit en Arabe.",
     "Le discours, prononcé en anglais, a été traduit en arabe."),
    # UNT102: an English word left; UNT103: a long English name left
    ("fr", "UNT102", "Le ministre a promis des aides aux farmers touchés par la sécheresse.", None),
    ("es", "UNT102", "El ministro prometió ayudas para los farmers afectados por la sequía.", None),
    ("de", "UNT102", "Der Minister versprach Hilfen für die farmers, die unter der Dürre leiden.", None),
    ("fr", "UNT103", "Le rapport du Scottish Wildlife Trust for the Highlands and Islands a été publié.", None),
    ("es", "UNT103", "El informe del National Institute for Health and Care Excellence se publicó el lunes.", None),
    ("de", "UNT103", "Die Forscher des Natural History Museum of the University of Oxford stellten den Fund vor.", None),
]


@pytest.mark.parametrize("code,rule_id,text,expected", FLAWED, ids=[f"{r}-{c}-{i}" for i, (c, r, _, _) in enumerate(FLAWED)])
def test_flawed_text_is_flagged_and_fixed_the_target_languages_way(code, rule_id, text, expected):
    cleaner = Cleaner(select=[rule_id], lang=code, min_confidence=0.0)
    findings = cleaner.detect(text)
    assert findings, f"{rule_id} did not flag {text!r} as {code}"
    if expected is None:
        assert all(f.replacement is None or f.confidence < 0.8 for f in findings)
    else:
        fixed = cleaner.fix(text).fixed
        assert fixed == expected
        assert cleaner.detect(fixed) == []  # fixed the way the profile wants: nothing left


@pytest.mark.parametrize("code,rule_id,text,expected", FLAWED, ids=[f"{r}-{c}-{i}" for i, (c, r, _, _) in enumerate(FLAWED)])
def test_flawed_text_in_another_language_is_left_to_that_languages_rules(code, rule_id, text, expected):
    """A rule runs only on the languages whose conventions it knows."""
    langs = next(r.langs for r in all_rules() if r.id == rule_id)
    for other in ("en", "fr", "es", "de"):
        if other not in langs:
            assert Cleaner(select=[rule_id], lang=other, min_confidence=0.0).detect(text) == []


def test_every_profile_rule_is_tested_in_each_of_its_languages():
    tested = {(r, c) for c, r, _, _ in FLAWED}
    for r in all_rules():
        if r.id[3] == "1":  # the profile-driven rules (QUO1xx, PUN1xx, CAS1xx, UNT1xx)
            for code in r.langs:
                assert (r.id, code) in tested, f"{r.id} has no flawed {code} text here"


def test_spanish_decimal_point_alone_is_accepted():
    text = "La deuda subió 3.2 millones de euros en febrero."
    assert Cleaner(select=["PUN105"], lang="es", min_confidence=0.0).detect(text) == []


def test_english_thousands_separators_are_not_decimal_commas():
    text = "Some 2,500 troops and 12,000 police were deployed; 1,200 million euros were pledged."
    assert Cleaner(select=["PUN104"], lang="en", min_confidence=0.0).detect(text) == []


def test_mixed_guillemets_in_english_are_left_to_the_english_quote_rules():
    text = "The minister spoke of «reforms». The union leader called it a “betrayal”."
    rules = {f.rule for f in Cleaner(lang="en", min_confidence=0.0).detect(text)}
    assert "QUO001" in rules and not any(r.startswith("QUO1") for r in rules)


def test_honorific_after_a_sentence_opening_word_is_still_flagged():
    findings = Cleaner(select=["UNT101"], lang="es", min_confidence=0.0).detect("Según M. Dupont, todo va bien.")
    assert [f.text for f in findings] == ["M."]


def test_spanish_french_style_honorific_initial_is_not_flagged():
    text = "El escritor Carlos M. Pérez presentó su libro en Madrid."
    assert Cleaner(lang="es", min_confidence=0.0).detect(text) == []


# -- source-language hints ----------------------------------------------------------

def test_hints_point_to_french_from_its_traces():
    text = ("MM. Poutine and Tokaïev spoke by phone on Friday. The minister spoke of « reforms » : "
            "prices rose by 2,5% in a month.")
    h = source_language_hints(text)
    assert h["guess"] == "fr" and h["scores"]["fr"] > h["scores"].get("es", 0)
    assert {e["signal"] for e in h["evidence"]} >= {"french_honorific", "french_i_trema", "guillemets"}


def test_hints_point_to_spanish_and_german():
    es = "Troops landed in Nursultán on Thursday. ¿What comes next? asked Sr. Morales."
    de = "Talks with Lawrow and Tokajew ended; the minister called it „historic“."
    assert source_language_hints(es)["guess"] == "es"
    assert source_language_hints(de)["guess"] == "de"


def test_hints_make_no_guess_on_clean_text():
    h = source_language_hints(EN)
    assert h["guess"] is None and h["scores"] == {}


def test_hints_skip_the_targets_own_conventions():
    assert source_language_hints(FR, target="fr")["scores"] == {}
    assert source_language_hints(DE, target="de")["scores"] == {}


def test_hints_use_findings_that_name_a_language():
    findings = [{"rule": "TRL003", "message": "'Alimbaïev' uses the French ï for Cyrillic й"}]
    h = source_language_hints("A short text.", findings)
    assert h["scores"] == {"fr": 0.5} and h["guess"] is None


# Near-misses: correct in the target language although they look like the artifacts above.
NEAR_MISSES = [
    ("fr", "La sonde a atteint la planète Mars en février ; les événements de Mai 68 restent dans les mémoires."),
    ("fr", "Le défilé du 14 Juillet a réuni les Français, des jeunes Allemands et deux Italiens."),
    ("fr", "Le Vendredi saint, l’Union européenne et l’océan Indien : rendez-vous à 14:30, score final 3:1."),
    ("fr", "Jean M. Leroy, le Dr Petit et Mme Roux ont signé ; le site https://exemple.fr/a?b=1 le confirme."),
    ("es", "Plácido Domingo cantó el domingo en Santo Domingo, cerca de la Plaza de Mayo, durante la Semana Santa."),
    ("es", "El escritor Carlos M. Pérez viajó a China y a Suiza; la Unión Europea y la Armada Española no opinaron."),
    ("es", "La versión 2.5 del programa costó 3.2 millones de dólares, según el Sr. Ruiz."),
    ("de", "Das Spiel endete 2:1. Er sagte: „Nein.“ Version 2.5 erscheint im Mai, 2.500 Besucher werden erwartet."),
    ("de", "Die Europäische Union und der Französische Dom in Berlin; Herr Dr. Lange kam um 14.30 Uhr."),
    ("de", "Der Verband nannte den Entwurf »unausgegoren« und die Frist »viel zu kurz«, berichtete Daniel M. Ostrowski."),
    ("es", "Hablan checo, eslovaco y alemán; el teclado ofrece Checo, Eslovaco y Alemán. Lo firmó Rosa M. Vidal."),
    ("en", "Some 2,500 troops, 12,000 police and 1.2 million voters; in 2021, 12 percent more came. Mr. Dubois agreed."),
    # English notations that the target also writes, or that only look English
    ("fr", "Il a fini 2nd, puis 1er ; départ à 14:30 ou à 9 h, quai 3. Le billet coûte US$15 ou 15 € en Corse."),
    ("es", "Costó $200 en México y 200 € en Madrid; empieza a las 9 a. m. y terminó 2.º, en catalán."),
    ("de", "Er kam um 3 am Morgen? Nein: Gleis 3 am Ende, 14:30 Uhr, Platz 2. und € 20 in Wien."),
    ("es", "«¿Quién pagará?», preguntó. «No lo sé...», respondió la ministra del «plan B.»."),
    ("de", "Er sagte: „Ich komme morgen.“ Dann ging er, „schnell“, wie er sagte."),
    ("de", "Herr Mann kam im August und Ende November zur Pressekonferenz der Deutschen Bank; 1.234,5 Euro."),
    ("fr", "La March of Dimes et l’acteur Fredric March ; 1 234,5 euros le 3 mars."),
    ("de", "Also, sagte Smith, Brown und Trump kommen. Berlin, Paris und Wien auch. Kurz, nichts."),
    ("es", "Bueno, dijo Smith, Brown y Trump vendrán. Madrid, París y Roma también."),
]


@pytest.mark.parametrize("code,text", NEAR_MISSES, ids=[f"{c}-{i}" for i, (c, _) in enumerate(NEAR_MISSES)])
def test_near_miss_raises_no_finding(code, text):
    assert Cleaner(lang=code, min_confidence=0.0).detect(text) == []


def test_a_dated_holiday_is_a_date():
    text = "Le 14 Juillet 1789, la Bastille est prise."
    assert [f.replacement for f in Cleaner(select=["CAS101"], lang="fr").detect(text)] == ["juillet"]


def test_surname_homograph_is_flagged_without_an_automatic_fix():
    (f,) = Cleaner(select=["CAS102"], lang="es").detect("Lo dijo el expresidente Alemán ayer.")
    assert f.confidence < 0.8


# -- names on the German and Spanish targets (TRL002 gazetteer, TRL003 romanisation index) --

def test_gazetteer_and_romanisation_give_the_german_and_spanish_forms():
    de = Cleaner(select=["TRL002", "TRL003"], lang="de", min_confidence=0.0)
    es = Cleaner(select=["TRL002", "TRL003"], lang="es", min_confidence=0.0)
    assert [f.replacement for f in de.detect("Präsident Wolodymyr Zelensky reiste nach Kiew.")] == ["Selenskyj"]
    assert "Gorbatschow" in {f.replacement for f in de.detect("Michail Gorbachev starb 2022.")}
    assert [f.replacement for f in es.detect("El presidente Volodímir Zelensky viajó a Kiev.")] == ["Zelenski"]


def test_german_nouns_and_spanish_letters_are_no_romanisations():
    text_de = "Der Botschafter der Deutschen Bank sprach mit dem Kutscher über die Deutsche Welle."
    text_es = "José Mouriño y la señera de Valencia, con Bernard Kouchner en Zaragoza."
    assert Cleaner(select=["TRL001", "TRL002", "TRL003"], lang="de", min_confidence=0.0).detect(text_de) == []
    assert Cleaner(select=["TRL001", "TRL002", "TRL003"], lang="es", min_confidence=0.0).detect(text_es) == []
