"""False positives on clean, edited English news (gensim's lee_background.cor).

Prints findings per rule and per 10,000 words, lists each finding with context,
and checks that `fix` changes nothing. Writes benchmarks/results/false_positives.json.

    python benchmarks/false_positives.py [--select RULES] [--show N]
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from cleanmt.corpora import lee_background
from cleanmt.document import WORD_RE
from cleanmt.engine import Cleaner


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--select", default=None)
    ap.add_argument("--show", type=int, default=50, help="print at most N findings with context")
    args = ap.parse_args()
    cleaner = Cleaner(select=args.select.split(",") if args.select else None, min_confidence=0.8)
    articles = lee_background()
    words = sum(len(WORD_RE.findall(a)) for a in articles)
    per_rule, shown, changed, listed = Counter(), 0, 0, []
    for i, art in enumerate(articles):
        for f in cleaner.detect(art):
            per_rule[f.rule] += 1
            listed.append({"article": i, **f.to_dict()})
            if shown < args.show:
                ctx = art[max(0, f.start - 40) : f.end + 40].replace("\n", " ")
                print(f"[{i}] {f.rule} {f.text!r} -> {f.replacement!r} :: ...{ctx}...")
                shown += 1
        if cleaner.fix(art).fixed != art:
            changed += 1
    total = sum(per_rule.values())
    print()
    print(f"{'rule':<8} {'findings':>8}")
    for r, n in sorted(per_rule.items()):
        print(f"{r:<8} {n:>8}")
    rate = total / words * 10000
    print(f"total    {total:>8}   over {words} words = {rate:.2f} per 10,000 words (target <= 1)")
    print(f"articles changed by fix: {changed} of {len(articles)} (target 0)")
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    (out / "false_positives.json").write_text(
        json.dumps(
            {"words": words, "findings": total, "per_10k_words": rate, "per_rule": dict(per_rule),
             "articles_changed_by_fix": changed, "list": listed},
            ensure_ascii=False, indent=1,
        )
    )


if __name__ == "__main__":
    main()
