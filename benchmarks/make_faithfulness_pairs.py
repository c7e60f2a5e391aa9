"""Build benchmarks/data/faithfulness_pairs.tsv: labelled (original, rewrite) pairs for the gate.

    PYTHONPATH=src python benchmarks/make_faithfulness_pairs.py [--check]

Procedure (deterministic: seed 17):

1. Real repairs from the seeds' gold annotations (seeds/gold/*.jsonl): for every
   annotated artifact with a fix that lies inside one sentence, original = the
   seed's sentence, rewrite = the same sentence with that span replaced by its fix.
   Label 1, family = the annotation's category.
2. Injected repairs: each clean sentence of benchmarks/data/faithfulness_sentences.txt
   (written for this set; invented events) is damaged once per artifact family with
   the project's own tables read backwards (gazetteers and the organisation table for
   transliteration, spinner.tsv, rewrite/inject.py's calque list, quote, spacing and
   casing damage, number formats, French words left in, mojibake, a breadcrumb glued
   on). Original = the damaged sentence, rewrite = the clean one. Label 1.
3. Unfaithful rewrites: for each clean sentence and each kind below that applies,
   the rewrite is the clean sentence changed that way, and the original is one of
   its damaged versions (or the clean sentence itself, a third of the time): a
   repair that also changes the meaning. Label 0. Kinds: nonword (a letter put
   into a word: figures -> figsures), name_nonword (Moscow -> Moscowe), typo
   (a letter dropped or two swapped), digit_in_token (Covid-19 -> Covid-199),
   number, acronym (NATO -> NAT), antonym_prefix (legal -> illegal), antonym
   (allowed -> banned; pairs written for this set), negation, modality, quantifier,
   unit, argument_swap, name_swap (any position), dropped_clause, added_clause,
   hallucination (an inserted qualifier or name).
4. Split: each clean sentence (and each seed sentence) goes wholly to `tune` or to
   `report` (60/40, by a seeded shuffle), so no sentence is tuned on and reported.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import random
import sys
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
sys.path.append(str(ROOT / "src"))  # PYTHONPATH, when set, wins (the benchmark can score another checkout)

from cleanmt.knowledge import dictionary  # noqa: E402
from cleanmt.lexicon import load_tsv  # noqa: E402
from cleanmt.rewrite import inject  # noqa: E402
from cleanmt.rewrite.sentences import sentence_spans  # noqa: E402

OUT = ROOT / "benchmarks" / "data" / "faithfulness_pairs.tsv"
SENTENCES = ROOT / "benchmarks" / "data" / "faithfulness_sentences.txt"
SEED = 17
TUNE_SHARE = 0.6
COLUMNS = ("original", "rewrite", "label", "family", "split", "source", "why")

# Written for this set: word -> a word of opposite or other meaning.
ANTONYMS = {"allowed": "banned", "rose": "fell", "legal": "unlawful", "resumed": "stopped", "arrived": "left",
            "before": "after", "closed": "opened", "open": "shut", "agreed": "refused", "lost": "won",
            "grew": "shrank", "fall": "rise", "below": "above", "higher": "lower", "cut": "add", "ended": "began",
            "returned": "left", "warned": "denied", "found": "lost", "thanked": "blamed", "stayed": "left",
            "remain": "reopen", "sharply": "slightly", "immediate": "gradual", "new": "old", "heavy": "light",
            "northern": "southern", "former": "current", "useful": "useless", "support": "opposition"}
MODALS = {"could": "will", "may": "will", "might": "must", "would": "might", "must": "may", "will": "may",
          "can": "must", "should": "will"}
QUANTIFIERS = {"some": "all", "most": "all", "every": "some", "several": "all", "both": "neither",
               "a few": "many", "only a few": "many", "all": "some", "dozens": "hundreds", "about": "exactly"}
UNITS = {"kilometres": "miles", "metres": "feet", "percent": "points", "tonnes": "kilograms", "hours": "days",
         "years": "months", "degrees": "points", "vehicles": "people", "troops": "police"}
NAME_SWAPS = ["Angela Merkel", "Joe Biden", "Recep Tayyip Erdogan", "Narendra Modi"]
PLACE_SWAPS = {"Moscow": "Kyiv", "Warsaw": "Prague", "Berlin": "Paris", "Brussels": "Luxembourg",
               "Geneva": "Zurich", "Vienna": "Budapest", "Beijing": "Tokyo", "Minsk": "Vilnius",
               "Munich": "Hamburg", "Milan": "Turin", "Kyiv": "Odesa", "Lyon": "Lille", "Astana": "Almaty",
               "Poland": "Hungary"}
ACRONYMS = ("NATO", "CSTO", "IMF", "WHO", "EU", "UN")
QUALIFIERS = ["reportedly ", "at least ", "Russian ", "secretly "]
ADDED = [", the ministry said", ", sources in Washington said", " despite the objections of the United States",
         ", and the president resigned"]
# English -> French words a translation leaves in (the untranslated family).
FRENCH = {"the government": "le gouvernement", "the minister": "le ministre", "the court": "le tribunal",
          "the company": "la société", "the president": "le président", "the mayor": "le maire",
          "the army": "l’armée", "the city": "la ville", "the opposition": "l’opposition",
          "the police": "la police", "the farmers": "les agriculteurs", "the plant": "l’usine"}


def _sub_once(s: str, pattern: str, repl: str, flags=0):
    m = regex.search(r"(?<![\p{L}\p{N}])" + pattern + r"(?![\p{L}\p{N}])", s, flags)
    if not m:
        return None
    return s[: m.start()] + repl + s[m.end():]


def _gazetteer(name: str) -> dict:
    """English canonical form -> [(another language's form, that language)] of a gazetteer."""
    rows = load_tsv(name)
    en = {r["entity"]: r["form"] for r in rows if r["lang"] == "en" and r["role"] == "canonical"}
    other = {}
    for r in rows:
        if r["lang"] in ("fr", "de", "es") and r["entity"] in en and r["form"] != en[r["entity"]]:
            other.setdefault(en[r["entity"]], []).append((r["form"], r["lang"]))
    return other


def _people():
    return _gazetteer("gazetteer_people.tsv")


def _places():
    return _gazetteer("gazetteer_places.tsv")


def _orgs():
    rows = load_tsv("organisations.tsv")
    en = {r["body"]: r["form"] for r in rows if r["lang"] == "en" and r["role"] == "canonical"}
    other = {}
    for r in rows:
        if r["lang"] in ("fr", "es", "de") and r["role"] == "canonical" and r["body"] in en \
                and r["form"] != en[r["body"]] and " " not in r["form"]:
            other.setdefault(en[r["body"]], []).append((r["form"], r["lang"]))
    return other


# -- repairs: damage a clean sentence ---------------------------------------------
def damages(s: str, rng: random.Random) -> list[tuple[str, str, str]]:
    """(family, damaged sentence, why) for each family that applies to `s`."""
    out = []
    for table, what in ((_people(), "gazetteer_people.tsv"), (_places(), "gazetteer_places.tsv"),
                        (_orgs(), "organisations.tsv")):
        for en, forms in table.items():
            if regex.search(r"(?<![\p{L}-])" + regex.escape(en) + r"(?![\p{L}-])", s):
                form, lang = rng.choice(forms)
                d = _sub_once(s, regex.escape(en), form)
                if d and d != s:
                    out.append(("transliteration", d, f"{lang} form {form!r} of {en!r} ({what})"))
                    break
    m = regex.search(r"(?<!\d)(\d+)\.(\d+)(?!\d)", s)
    if m:
        out.append(("number_format", s[: m.start()] + m.group(1) + "," + m.group(2) + s[m.end():],
                    "decimal comma of the source language"))
    if "percent" in s:
        out.append(("number_format", s.replace("percent", "per cent", 1), "'per cent', the other spelling"))
    for family, fn in (("spinner", inject.spinner), ("calque", inject.calque), ("punctuation", inject.spacing),
                       ("casing", inject.casing)):
        d = fn(s, rng)
        if d and d != s:
            out.append((family, d, f"rewrite/inject.py {fn.__name__} (the project's lexicons read backwards)"))
    words = [m for m in regex.finditer(r"(?<![\p{L}-])\p{Ll}{4,}(?: \p{Ll}{3,})?(?![\p{L}-])", s)]
    if words:
        m = rng.choice(words)
        clean = s[: m.start()] + "“" + m.group() + "”" + s[m.end():]
        d = inject.garble_quotes(clean, rng)
        if d and d != clean:
            out.append(("quotes", d, "curly quotes garbled (rewrite/inject.py garble_quotes)", clean))
        moji = clean.replace("“", "“".encode("utf-8").decode("cp1252", errors="replace"))
        moji = moji.replace("”", "”".encode("utf-8").decode("cp1252", errors="replace"))
        out.append(("encoding", moji, "UTF-8 quotes read as cp1252 (mojibake)", clean))
    for en, fr in FRENCH.items():
        d = _sub_once(s, regex.escape(en), fr)
        if d:
            out.append(("untranslated", d, f"French {fr!r} left for {en!r}"))
            break
    if "'" in s or "’" in s or any(ord(c) > 127 for c in s):
        d = "".join(c.encode("utf-8").decode("cp1252", errors="replace") if ord(c) > 127 else c for c in s)
        if d != s:
            out.append(("encoding", d, "UTF-8 read as cp1252 (mojibake)"))
    else:
        clean = regex.sub(r"\bthe\b", "the", s)
        # no apostrophe: make one; the clean side keeps the curly form
        m = regex.search(r"\b(did|does|was|is|could|would) not\b", s)
        if m:
            clean = s[: m.start()] + m.group(1) + "n’t" + s[m.end():]
            d = clean.replace("’", "’".encode("utf-8").decode("cp1252"))
            out.append(("encoding", d, "UTF-8 ’ read as cp1252 (mojibake)", clean))
    crumb = rng.choice(["Home > News > ", "Home > World > ", "News | Europe | "])
    out.append(("boilerplate", crumb + s, f"breadcrumb {crumb.strip()!r} glued to the sentence"))
    return [o if len(o) == 4 else (o[0], o[1], o[2], s) for o in out]


# -- unfaithful rewrites ------------------------------------------------------------
def _content_words(s: str, n: int = 5):
    return [m for m in regex.finditer(r"(?<![\p{L}-])\p{Ll}{%d,}(?![\p{L}-])" % n, s)]


def unfaithful(s: str, rng: random.Random) -> list[tuple[str, str, str]]:
    """(kind, changed sentence, why) for each kind that applies to clean `s`."""
    out = []
    words = _content_words(s)
    if words:
        m = rng.choice(words)
        w = m.group()
        for _ in range(20):
            i = rng.randrange(2, len(w))
            new = w[:i] + rng.choice("seanrt") + w[i:]
            if not dictionary.forms(new, "en"):
                out.append(("nonword", s[: m.start()] + new + s[m.end():], f"{w!r} -> {new!r}"))
                break
        m = rng.choice(words)
        w = m.group()
        i = rng.randrange(1, len(w) - 1)
        new = w[:i] + w[i + 1:] if rng.random() < 0.5 else w[:i] + w[i + 1] + w[i] + w[i + 2:]
        if new != w:
            out.append(("typo", s[: m.start()] + new + s[m.end():], f"{w!r} -> {new!r}"))
    names = [m for m in regex.finditer(r"(?<![\p{L}])\p{Lu}\p{Ll}{3,}", s) if m.start() > 0]
    if names:
        m = rng.choice(names)
        out.append(("name_nonword", s[: m.start()] + m.group() + "e" + s[m.end():], f"{m.group()!r} + e"))
    m = regex.search(r"(?<![\p{L}\p{N}])(\p{L}+-?\d+)(?![\p{L}\p{N}])", s)
    if m:
        new = m.group()[:-1] + str((int(m.group()[-1]) + 1) % 10) if rng.random() < 0.5 else m.group() + "9"
        out.append(("digit_in_token", s[: m.start()] + new + s[m.end():], f"{m.group()!r} -> {new!r}"))
    nums = list(regex.finditer(r"(?<![\d.,])\d+(?:[.,]\d+)?(?![\d.,])", s))
    if nums:
        m = rng.choice(nums)
        v = m.group()
        new = v[:-1] + str((int(v[-1]) + rng.randint(1, 8)) % 10)
        out.append(("number", s[: m.start()] + new + s[m.end():], f"{v} -> {new}"))
    for a in ACRONYMS + tuple(regex.findall(r"(?<![\p{L}])\p{Lu}{3,}(?![\p{L}])", s)):
        d = _sub_once(s, a, a[:-1])
        if d:
            out.append(("acronym", d, f"{a} -> {a[:-1]}"))
            break
    for m in regex.finditer(r"(?<![\p{L}])\p{Ll}{4,}(?![\p{L}])", s):
        w = m.group()
        hit = next((p + w for p in ("un", "il", "im", "in", "ir", "dis", "non") if
                    (dictionary.case_class(p + w, "en") & dictionary.LOWER)
                    and (p == "il") == w.startswith("l") and (p == "im") == (w[0] in "mp")
                    and (p == "ir") == w.startswith("r")), None)
        if hit:
            out.append(("antonym_prefix", s[: m.start()] + hit + s[m.end():], f"{w!r} -> {hit!r}"))
            break
    keys = [k for k in ANTONYMS if regex.search(r"(?<![\p{L}])" + k + r"(?![\p{L}])", s)]
    if keys:
        k = rng.choice(keys)
        out.append(("antonym", _sub_once(s, k, ANTONYMS[k]), f"{k!r} -> {ANTONYMS[k]!r}"))
    m = regex.search(r"\b(was|were|is|are|would|could|will|did|had|has)( not)?\b", s)
    if m:
        new = m.group(1) if m.group(2) else m.group(1) + " not"
        out.append(("negation", s[: m.start()] + new + s[m.end():], f"{m.group()!r} -> {new!r}"))
    elif regex.search(r"\bwithout\b", s):
        out.append(("negation", _sub_once(s, "without", "with"), "without -> with"))
    for k, v in MODALS.items():
        d = _sub_once(s, k, v)
        if d:
            out.append(("modality", d, f"{k} -> {v}"))
            break
    for k, v in QUANTIFIERS.items():
        d = _sub_once(s, k, v, regex.I)
        if d:
            out.append(("quantifier", d[:1].upper() + d[1:], f"{k} -> {v}"))
            break
    for k, v in UNITS.items():
        d = _sub_once(s, r"(?<=\d )" + k if k not in ("vehicles", "troops") else k, v)
        if d:
            out.append(("unit", d, f"{k} -> {v}"))
            break
    caps = [m for m in regex.finditer(r"(?<![\p{L}-])\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)*", s)]
    nouns = _content_words(s, 6)
    if len(caps) >= 2 and caps[0].start() > 0 or len(caps) >= 3:
        a, b = (caps[1], caps[2]) if caps[0].start() == 0 and len(caps) >= 3 else (caps[0], caps[1])
        if a.group() != b.group():
            out.append(("argument_swap", s[: a.start()] + b.group() + s[a.end(): b.start()] + a.group() + s[b.end():],
                        f"{a.group()!r} <-> {b.group()!r}"))
    elif len(nouns) >= 2:
        a, b = nouns[0], nouns[-1]
        out.append(("argument_swap", s[: a.start()] + b.group() + s[a.end(): b.start()] + a.group() + s[b.end():],
                    f"{a.group()!r} <-> {b.group()!r}"))
    people = [p for p in _people() if p in s]
    if people:
        p = people[0]
        new = rng.choice(NAME_SWAPS)
        out.append(("name_swap", s.replace(p, new, 1), f"{p!r} -> {new!r}"))
    else:
        for k, v in PLACE_SWAPS.items():
            d = _sub_once(s, k, v)
            if d:
                out.append(("name_swap", d, f"{k} -> {v}"))
                break
    parts = regex.split(r"(, | and | but | after | before | because | until | for | in | on | to )", s.rstrip("."))
    if len(parts) >= 3:
        i = rng.randrange(1, len(parts) - 1, 2)
        dropped = "".join(parts[:i]) + "".join(parts[i + 2:]) + "."
        if dropped != s and len(dropped) > 20:
            out.append(("dropped_clause", dropped, f"drops {parts[i] + parts[i + 1]!r}"))
    out.append(("added_clause", s.rstrip(".") + rng.choice(ADDED) + ".", "a clause from nowhere"))
    m = rng.choice(list(regex.finditer(r"(?<= )(?=\p{Ll}{4,})", s)) or [None])
    if m is not None:
        q = rng.choice(QUALIFIERS)
        out.append(("hallucination", s[: m.start()] + q + s[m.start():], f"inserts {q.strip()!r}"))
    return [o for o in out if o[1] and o[1] != s]


# -- seeds' gold --------------------------------------------------------------------
def seed_repairs():
    for path in sorted((ROOT / "seeds" / "gold").glob("*.jsonl")):
        text = (ROOT / "seeds" / (path.stem + ".txt")).read_text(encoding="utf-8")
        spans = sentence_spans(text)
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            if item["fix"] is None or item["whole_line"] or item["within"] is not None:
                continue
            a, b = item["start"], item["end"]
            sent = next(((x, y) for x, y in spans if x <= a and b <= y), None)
            if sent is None:
                continue
            x, y = sent
            original = text[x:y]
            rewrite = (text[x:a] + item["fix"] + text[b:y]).strip()
            rewrite = regex.sub(r"  +", " ", rewrite)
            if rewrite and rewrite != original:
                yield original, rewrite, item["category"], f"seeds/gold/{path.name} #{item['id']}", item["note"]


def build() -> list[dict]:
    rng = random.Random(SEED)
    sentences = [l.strip() for l in SENTENCES.read_text(encoding="utf-8").splitlines()
                 if l.strip() and not l.startswith("#")]
    groups: list[list[dict]] = []
    for n, s in enumerate(sentences):
        group = []
        dmg = damages(s, rng)
        for family, d, why, clean in dmg:
            group.append(dict(original=d, rewrite=clean, label=1, family=family,
                              source=f"faithfulness_sentences.txt:{n + 1}", why=why))
        for kind, bad, why in unfaithful(s, rng):
            original = s
            if dmg and rng.random() < 2 / 3:
                family, d, _, clean = rng.choice(dmg)
                if clean == s:
                    original = d
            group.append(dict(original=original, rewrite=bad, label=0, family=kind,
                              source=f"faithfulness_sentences.txt:{n + 1}", why=why))
        groups.append(group)
    by_sentence: dict[str, list[dict]] = {}
    for original, rewrite, family, source, why in seed_repairs():
        by_sentence.setdefault(original, []).append(dict(original=original, rewrite=rewrite, label=1,
                                                         family=family, source=source, why=why))
    groups.extend(by_sentence.values())
    order = list(range(len(groups)))
    random.Random(SEED).shuffle(order)
    tune = set(order[: round(TUNE_SHARE * len(order))])
    rows = []
    for i, g in enumerate(groups):
        for r in g:
            r["split"] = "tune" if i in tune else "report"
            rows.append(r)
    return rows


def render(rows) -> str:
    buf = io.StringIO()
    buf.write("# Labelled rewrites for the faithfulness gate: generated by benchmarks/make_faithfulness_pairs.py\n"
              "# (see its docstring for the procedure). label 1 = a faithful repair, 0 = changes the meaning.\n")
    w = csv.DictWriter(buf, fieldnames=COLUMNS, delimiter="\t", quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: r[k] for k in COLUMNS})
    return buf.getvalue()


def load(path: Path = OUT) -> list[dict]:
    lines = [l for l in path.read_text(encoding="utf-8").splitlines() if not l.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    for r in rows:
        r["label"] = int(r["label"])
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the committed TSV is stale")
    args = ap.parse_args(argv)
    text = render(build())
    if args.check:
        return 0 if OUT.exists() and OUT.read_text(encoding="utf-8") == text else 1
    OUT.write_text(text, encoding="utf-8")
    rows = load()
    from collections import Counter

    print(f"{len(rows)} pairs -> {OUT.relative_to(ROOT)}")
    print(Counter((r["label"], r["split"]) for r in rows))
    print(sorted(Counter((r["label"], r["family"]) for r in rows).items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
