"""Which language was this text translated FROM? Evidence from its artifacts.

A translation keeps traces of its source: French guillemets and the space before
":" ; French romanisations of Slavic names (Tokaïev, Poutine); French honorifics
(M., MM.); Spanish accents on names that are not Spanish (Nursultán, Kazajistán);
German „ quotes and -ow/-jew names; decimal commas. None of these is proof on its
own, so each trace adds a small weight to the languages that produce it, repeated
traces count a few times at most, and a guess is made only when one language leads
clearly. A trace that is the target language's own convention (« » in French text)
is not evidence and is skipped.

    >>> source_language_hints("MM. Poutine et Tokaïev ont parlé « longuement ».")["guess"]
    'fr'
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Optional

import regex
from .frequency import zipf

from .lang import SUPPORTED, get_profile

MAX_PER_SIGNAL = 3  # a trace repeated 40 times is still one habit of the source
MIN_SCORE = 2.0  # below this, too little evidence for a guess
MIN_LEAD = 1.5  # the best language must lead the next by this much
MAX_EVIDENCE = 25
LANG_NAMES = {"English": "en", "French": "fr", "Spanish": "es", "German": "de"}


@dataclass(frozen=True)
class Signal:
    name: str
    pattern: "regex.Pattern"
    weights: dict  # language -> weight per occurrence
    why: str
    skip_if_target: tuple = ()  # target languages for which the trace is simply correct
    unknown_word: bool = False  # the match must not be a word of the target language


def _p(expr: str) -> "regex.Pattern":
    return regex.compile(expr, regex.M)


SIGNALS = (
    Signal("guillemets", _p(r"[«»]"), {"fr": 1.0, "es": 0.5},
           "« » are French (and Spanish) quotation marks", ("fr", "es", "de")),
    Signal("space_before_punctuation", _p(r"(?<=[\p{L}\p{N}»”])[ \u00a0\u202f][;:!?](?=\s|$)"), {"fr": 1.0},
           "a space before ; : ! ? is French typography", ("fr",)),
    Signal("spaced_quotes", _p(r"[“«][ \u00a0\u202f]\p{L}|\p{L}[.,!?]?[ \u00a0\u202f][”»]"), {"fr": 1.0},
           "spaces inside quotation marks are French typography", ("fr",)),
    Signal("german_low_quote", _p(r"„"), {"de": 1.5}, "„ opens German quotations", ("de",)),
    Signal("french_honorific", _p(r"(?<![\p{L}.])(?:MM\.|M\.|Mme|Mmes|Mlle)(?=\ \p{Lu}\p{Ll})"), {"fr": 2.0},
           "M., MM., Mme are French honorifics", ("fr",)),
    Signal("spanish_honorific", _p(r"(?<![\p{L}.])(?:Sr\.|Sra\.|Srta\.)(?=\ \p{Lu}\p{Ll})"), {"es": 2.0},
           "Sr., Sra. are Spanish honorifics", ("es",)),
    Signal("german_honorific", _p(r"(?<![\p{L}.])(?:Herr|Herrn|Frau)(?=\ \p{Lu}\p{Ll})"), {"de": 1.5},
           "Herr, Frau are German honorifics", ("de",)),
    # Cyrillic й written ï after a vowel: Tokaïev, Nazarbaïev, Mikhaïl
    Signal("french_i_trema", _p(r"\b\p{Lu}\p{Ll}*[aeiou]ï\p{Ll}*"), {"fr": 2.0},
           "ï after a vowel writes Cyrillic й the French way", ()),
    # French ou for u and tch for ch in Slavic names: Poutine, Loukachenko, Tchernychenko
    Signal("french_slavic_name",
           _p(r"\b\p{Lu}\p{Ll}*(?:ou|tch)\p{Ll}*(?:ine|ov|ev|enko|itch|ovitch|evitch|ski)\b"), {"fr": 1.5},
           "ou for u and tch for ch in Slavic names are French romanisation", ()),
    # German w for v, j for y and tsch for ch: Tokajew, Lawrow, Gorbatschow, Selenskyj
    Signal("german_slavic_name",
           _p(r"\b\p{Lu}\p{Ll}*(?:w\p{Ll}*(?:ow|ew)|jew|tsch\p{Ll}*|skyj|skij)\b"), {"de": 1.5},
           "w for v, -jew, tsch, -skyj are German romanisation of Slavic names", (), unknown_word=True),
    # Spanish accent on a name that is not Spanish: Nursultán, Kazajistán, Tokáyev
    Signal("spanish_accent_on_foreign_name",
           _p(r"\b\p{Lu}\p{Ll}*(?:[kw]\p{Ll}*[áéíóú]|[áéíóú]\p{Ll}*[kw]|sultán|stán)\p{Ll}*\b"), {"es": 2.0},
           "an acute accent on a non-Spanish name is Spanish spelling", ("es",)),
    Signal("spanish_inverted_marks", _p(r"[¿¡]"), {"es": 1.5}, "¿ ¡ open Spanish questions and exclamations",
           ("es",)),
    Signal("decimal_comma",
           _p(r"(?<![\p{N}.,])\p{N}{1,3},\p{N}{1,2}(?=\ ?%|\ (?:per\ ?cent|percent|million|billion)\b)"),
           {"fr": 0.7, "de": 0.7, "es": 0.5}, "a decimal comma is continental European", ("fr", "es", "de")),
)


def _finding_fields(f) -> tuple[str, str]:
    if isinstance(f, dict):
        return f.get("rule", ""), f.get("message", "")
    return getattr(f, "rule", ""), getattr(f, "message", "")


def source_language_hints(text: str, findings: Iterable = (), target: str = "en") -> dict:
    """Estimate the source language of a translation into `target` from its artifacts.

    `findings` (Finding objects or their dicts) add weak evidence: a message that names
    another language ("a French honorific") and PUN001 (French spacing in English).
    Returns {"guess": code or None, "scores": {code: score}, "evidence": [...],
    "target": target}; each evidence item says which trace, where, and for which language.
    """
    get_profile(target)  # validates the target
    scores: dict[str, float] = defaultdict(float)
    evidence: list[dict] = []

    def add(lang: str, weight: float, signal: str, why: str, snippet: str, start: Optional[int]):
        if lang == target or lang not in SUPPORTED:
            return
        scores[lang] += weight
        if len(evidence) < MAX_EVIDENCE:
            evidence.append({"lang": lang, "signal": signal, "text": snippet, "start": start,
                             "weight": weight, "why": why})

    for sig in SIGNALS:
        if target in sig.skip_if_target:
            continue
        n = 0
        for m in sig.pattern.finditer(text):
            if sig.unknown_word and zipf(m.group().lower(), target) >= 2.0:
                continue  # "Moscow", "Shadow": ordinary words of the target language
            n += 1
            if n > MAX_PER_SIGNAL:
                break
            for lang, w in sig.weights.items():
                add(lang, w, sig.name, sig.why, m.group(), m.start())

    by_signal: dict[tuple, int] = defaultdict(int)
    for f in findings:
        rule_id, message = _finding_fields(f)
        langs = {code for name, code in LANG_NAMES.items() if name in message}
        if rule_id == "PUN001" and target == "en":
            langs.add("fr")
        for lang in langs:
            key = (rule_id, lang)
            if by_signal[key] >= MAX_PER_SIGNAL:
                continue
            by_signal[key] += 1
            add(lang, 0.5, f"finding:{rule_id}", "a finding that names this language", message[:80], None)

    ranked = sorted(((round(s, 2), lang) for lang, s in scores.items()), reverse=True)
    guess = None
    if ranked and ranked[0][0] >= MIN_SCORE:
        second = ranked[1][0] if len(ranked) > 1 else 0.0
        if ranked[0][0] - second >= MIN_LEAD:
            guess = ranked[0][1]
    return {"guess": guess, "scores": {lang: s for s, lang in ranked}, "evidence": evidence, "target": target}
