"""Calibration of CLQ006's language-model margin (LM_GAIN in rules/calque.py).

For every occurrence of a word of data/false_friends_lm.tsv, the best candidate's
context gain (knowledge/language_model.py) is computed on clean English news
(gensim's lee_background.cor: every occurrence is a true negative) and on the dev
set's English documents (an occurrence inside a gold calque span is a positive,
any other a negative). Prints each occurrence with its gain, and precision/recall
per threshold.

    python benchmarks/lm_calibration.py [--dev ../shared/dev]
"""
from __future__ import annotations

import argparse
from pathlib import Path

from cleanmt.corpora import lee_background
from cleanmt.knowledge.language_model import context_gains
from cleanmt.rules.calque import LM_GAIN, _gains_in_context, _listed_words, context_false_friends

from dev_benchmark import DEFAULT_DEV, load_dev


def occurrences(text: str):
    friends = context_false_friends()
    for start, end in _listed_words(text):
        word = text[start:end]
        left, right = text[max(0, start - 60):start], text[end:end + 60]
        gains = _gains_in_context(text, start, end, friends[word.lower()].candidates)
        if gains is None:
            continue
        best = max(gains, key=gains.get)
        yield start, end, word, best, gains[best], " ".join((left[-30:] + word + right[:30]).split())


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dev", type=Path, default=DEFAULT_DEV)
    args = ap.parse_args(argv)
    rows = []  # (gain, positive, where, word, best, context)
    for art in lee_background():
        rows += [(g, False, "lee", w, b, c) for _, _, w, b, g, c in occurrences(art)]
    for doc in load_dev(args.dev):
        if doc["lang"] != "en":
            continue
        gold = [s for s in doc["spans"] if s["category"] == "calque"]
        for s, e, w, b, g, c in occurrences(doc["raw"]):
            pos = any(x["start"] < e and s < x["end"] for x in gold)
            rows.append((g, pos, doc["name"], w, b, c))
    rows.sort(key=lambda r: -r[0])
    print("| gain | calque? | doc | word -> best candidate | context |\n|---|---|---|---|---|")
    for g, pos, where, w, b, c in rows:
        print(f"| {g} | {'yes' if pos else 'no'} | {where} | {w} -> {b} | {c} |")
    n_pos = sum(r[1] for r in rows)
    print(f"\n{len(rows)} occurrences, {n_pos} inside a gold calque span\n")
    print("| threshold | flagged | right | precision | recall |\n|---|---|---|---|---|")
    for t in (10_000, 20_000, 25_000, LM_GAIN, 40_000, 50_000):
        flagged = [r for r in rows if r[0] >= t]
        right = sum(r[1] for r in flagged)
        prec = right / len(flagged) if flagged else 1.0
        mark = " (LM_GAIN)" if t == LM_GAIN else ""
        print(f"| {t}{mark} | {len(flagged)} | {right} | {prec:.2f} | {right}/{n_pos} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
