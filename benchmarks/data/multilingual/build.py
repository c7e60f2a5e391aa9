"""Builds the annotated multilingual sample ({en,fr,es,de}.jsonl) from the marked-up
documents below (own writing: short news items, some clean, some with the artifacts a
translation into that language carries).

Markup: ⟦wrong→fix|category⟧ marks one artifact; the text keeps `wrong`, the gold
records its span, category and `fix` (None where no single fix is right: ⟦wrong→∅|cat⟧).
Each JSONL line: {"id", "lang", "text", "gold": [{"start", "end", "category", "fix"}]}.
Run it after editing a document:  python benchmarks/data/multilingual/build.py
"""
from __future__ import annotations

import json
import re
from pathlib import Path

NB, NN = "\u00a0", "\u202f"
MARK = re.compile(r"⟦(.*?)→(.*?)\|(\w+)⟧", re.S)

DOCS = {
    "en": [
        # clean
        "The rover reached Mars in February. Version 2.5 of the software, released in 2021, 12 months late, "
        "fixed the bug; the score was 3:1 and the ratio 1,000 to 1.",
        "The regional council approved a 4.2 million pound budget for flood defences on Tuesday. "
        "“We cannot wait for the next storm,” said councillor Anne Price. About 2,300 homes are at risk.",
        "Inflation slowed to 3.1% in March, the statistics office said. Economists had expected 3.4 percent; "
        "the central bank meets on May 5.",
        "Mr. Dubois, a French engineer, has lived in Leeds since 2009. He said the plan was “long overdue.”",
        "Ticket sales rose by 12,500 in the first week, and the festival now expects 1.2 million visitors.",
        # flawed
        "Exports grew by ⟦2,5→2.5|punctuation⟧ billion dollars last year, while imports fell ⟦1,8→1.8|punctuation⟧%.",
        "The minister described the reform as ⟦« →“|quotes⟧necessary⟦ »→”|quotes⟧ and promised a vote before summer.",
        "Why now⟦ ?→?|punctuation⟧ The opposition asked the question twice⟦ ;→;|punctuation⟧ no answer came.",
        "Unemployment stands at ⟦7,4→7.4|punctuation⟧ percent, against 6.9 percent a year ago.",
        "Some ⟦3,5→3.5|punctuation⟧ million people voted⟦ :→:|punctuation⟧ turnout was the highest since 1998.",
        "The report counts 1,250 incidents and ⟦0,75→0.75|punctuation⟧% growth in the sector.",
        "The envoy met ⟦M.→Mr.|untranslated⟧ Lavrov on Monday⟦ ;→;|punctuation⟧ their talks lasted ⟦2,5→2.5|punctuation⟧ hours.",
    ],
    "fr": [
        # clean
        "La sonde a atteint Mars en février. Rendez-vous à 14 h 30 ; le site https://exemple.fr/actu?id=3 détaille "
        "le programme. L’Union européenne, l’océan Indien et le Vendredi saint n’ont rien à voir ici : les Allemands "
        "et deux jeunes Italiens l’ont rappelé à Jean M. Leroy.",
        f"Le conseil régional a voté mardi un budget de 4,2 millions d’euros pour les digues. «{NB}Nous ne pouvons pas "
        f"attendre la prochaine tempête{NB}», a déclaré Mme Prieur, conseillère régionale.",
        f"L’inflation a ralenti à 3,1{NB}% en mars, selon l’Insee{NN}; les économistes tablaient sur 3,4{NB}%. "
        f"La Banque centrale européenne se réunira le 5 mai.",
        "Les Français ont voté dimanche : la participation a atteint 68 %. Qui l’eût cru ? Le président français "
        "s’est félicité d’un scrutin « apaisé ».",
        f"M. Girard a reçu lundi l’ambassadeur allemand. Les deux hommes ont évoqué «{NB}la coopération franco-allemande{NB}» et la situation en Ukraine.",
        # flawed
        "Le ministre a qualifié la réforme de ⟦“→« |quotes⟧nécessaire⟦”→ »|quotes⟧ et promis un vote avant l’été.",
        f"Pourquoi maintenant⟦?→{NN}?|punctuation⟧ L’opposition a posé la question deux fois⟦;→{NN};|punctuation⟧ "
        f"aucune réponse n’est venue.",
        "La dette a augmenté de ⟦1.5→1,5|punctuation⟧ milliard d’euros, a indiqué ⟦Mr.→M.|untranslated⟧ Rousseau, "
        "le rapporteur du budget.",
        "Le sommet s’ouvrira le 12 ⟦Février→février|casing⟧ à Bruxelles, en présence du chancelier ⟦Allemand→allemand|casing⟧.",
        f"Le syndicat dénonce un ⟦«→«{NB}|punctuation⟧mépris⟦»→{NB}»|punctuation⟧ du gouvernement et appelle à la grève ce ⟦Jeudi→jeudi|casing⟧.",
        f"Le bilan reste provisoire⟦:→{NB}:|punctuation⟧ trois blessés, dont un gendarme⟦ ,→,|punctuation⟧ selon la préfecture. "
        "⟦Mrs→Mme|untranslated⟧ Lemoine, la maire, a demandé ⟦“ →« |quotes⟧du calme⟦ ”→ »|quotes⟧.",
        "Dans un communiqué publié ⟦Samedi→samedi|casing⟧, le Gouvernement ⟦Britannique→britannique|casing⟧ a salué "
        "l’accord conclu avec les pêcheurs ⟦Français→français|casing⟧.",
    ],
    "es": [
        # clean
        "Plácido Domingo cantó el domingo en Santo Domingo, antes de la Semana Santa. En la Plaza de Mayo, "
        "Carlos M. Pérez recordó la versión 2.5 del programa y el Jueves Santo; la Unión Europea y el Real Madrid no opinaron.",
        "El consejo regional aprobó el martes un presupuesto de 4,2 millones de euros para los diques. «No podemos esperar "
        "a la próxima tormenta», declaró la Sra. Prieto, consejera regional.",
        "La inflación bajó al 3,1 % en marzo, según el INE; los economistas esperaban un 3,4 %. "
        "El Banco Central Europeo se reunirá el 5 de mayo.",
        "Los franceses votaron el domingo: la participación alcanzó el 68 %. ¿Quién lo habría dicho? El presidente francés "
        "celebró unos comicios “tranquilos” y pidió “unidad”.",
        "El Sr. Giraldo recibió el lunes al embajador alemán. Ambos hablaron de «la cooperación “sin reservas”» entre los dos países "
        "y de la situación en la Plaza de Mayo.",
        # flawed
        "El ministro calificó la reforma de ⟦« →«|quotes⟧necesaria⟦ »→»|quotes⟧ y prometió una votación antes del verano.",
        "¿Por qué ahora⟦ ?→?|punctuation⟧ La oposición hizo la pregunta dos veces⟦ ;→;|punctuation⟧ no hubo respuesta.",
        "La deuda aumentó 1,5 millones de euros en enero y ⟦2.7→2,7|punctuation⟧ millones en febrero, indicó "
        "⟦M.→∅|untranslated⟧ Rousseau, ponente del presupuesto.",
        "La cumbre comenzará el 12 de ⟦Febrero→febrero|casing⟧ en Bruselas, con la presencia del canciller ⟦Alemán→alemán|casing⟧.",
        "El sindicato denuncia el «desprecio» del Gobierno y convoca una huelga para el ⟦Jueves→jueves|casing⟧. "
        "Sus dirigentes hablan de una ⟦“→∅|quotes⟧traición” de los ⟦Españoles→españoles|casing⟧ en el poder.",
        "El balance sigue siendo provisional⟦ :→:|punctuation⟧ tres heridos, entre ellos un guardia civil⟦ ,→,|punctuation⟧ "
        "según la delegación. ⟦Mrs→∅|untranslated⟧ Lemos, la alcaldesa, pidió calma.",
        "En un comunicado publicado el ⟦Sábado→sábado|casing⟧, el Presidente ⟦Ruso→ruso|casing⟧ saludó el acuerdo "
        "con los pescadores ⟦Franceses→franceses|casing⟧.",
    ],
    "de": [
        # clean
        # near-misses, but „…“ and »…« in one text is a mixture of conventions (QUO104, no single fix)
        "Das Spiel endete 2:1. Er sagte: „Nein.“ Version 2.5 erscheint im Mai; die Europäische Union und "
        "der ⟦»→∅|quotes⟧Spiegel« berichteten, Herr Dr. Lange sei um 14.30 Uhr eingetroffen.",
        "Der Landtag hat am Dienstag 4,2 Millionen Euro für den Deichbau bewilligt. „Wir können nicht auf den nächsten Sturm "
        "warten“, sagte die Abgeordnete Anna Pries.",
        "Die Inflation sank im März auf 3,1 Prozent, teilte das Statistische Bundesamt mit; Ökonomen hatten 3,4 Prozent erwartet. "
        "Die Europäische Zentralbank tagt am 5. Mai.",
        "Die Franzosen haben am Sonntag gewählt: Die Beteiligung lag bei 68 Prozent. Wer hätte das gedacht? Der französische "
        "Präsident sprach von einer »ruhigen« Wahl.",
        "Herr Gerhardt empfing am Montag den französischen Botschafter. Beide sprachen über „die Zusammenarbeit ‚ohne Vorbehalte‘“ "
        "und über 2.500 neue Stellen.",
        # flawed
        "Der Minister nannte die Reform ⟦“→„|quotes⟧notwendig⟦”→“|quotes⟧ und versprach eine Abstimmung vor dem Sommer.",
        "Warum jetzt⟦ ?→?|punctuation⟧ Die Opposition stellte die Frage zweimal⟦ ;→;|punctuation⟧ eine Antwort blieb aus.",
        "Die Schulden stiegen um ⟦1.5→1,5|punctuation⟧ Milliarden Euro, sagte ⟦Mr.→∅|untranslated⟧ Rossmann, der Berichterstatter.",
        "Der Gipfel beginnt am 12. Februar in Brüssel. Die ⟦regierung→Regierung|casing⟧ erwartet den Kanzler am Abend.",
        "Die Gewerkschaft spricht von „Verachtung⟦”→“|quotes⟧ und ruft für Donnerstag zum Streik auf. ⟦M.→∅|untranslated⟧ Lefèvre, "
        "ihr Sprecher, nannte es »Verrat«.",
        "Die Bilanz ist vorläufig⟦ :→:|punctuation⟧ drei Verletzte, darunter ein Polizist⟦ ,→,|punctuation⟧ so die Polizei. "
        "Die Bürgermeisterin forderte ⟦« →«|quotes⟧Ruhe⟦ »→»|quotes⟧.",
        "In einer am Samstag veröffentlichten Mitteilung begrüßte der ⟦Russische→russische|casing⟧ Präsident das Abkommen "
        "mit den Fischern, sagte ⟦Mme→∅|untranslated⟧ Duval, die Sprecherin, ⟦“→„|quotes⟧erleichtert⟦”→“|quotes⟧.",
    ],
}


def parse(marked: str) -> tuple[str, list[dict]]:
    out, gold, pos = [], [], 0
    for m in MARK.finditer(marked):
        out.append(marked[pos : m.start()])
        start = sum(len(s) for s in out)
        wrong, fix, category = m.group(1), m.group(2), m.group(3)
        out.append(wrong)
        gold.append({"start": start, "end": start + len(wrong), "category": category,
                     "fix": None if fix == "∅" else fix})
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), gold


def main() -> None:
    here = Path(__file__).parent
    for lang, docs in DOCS.items():
        with open(here / f"{lang}.jsonl", "w", encoding="utf-8") as fh:
            for i, marked in enumerate(docs):
                text, gold = parse(marked)
                fh.write(json.dumps({"id": f"{lang}-{i:02d}", "lang": lang, "text": text, "gold": gold},
                                    ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
