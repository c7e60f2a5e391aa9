"""Where detect spends its time: milliseconds per MB for each rule, on clean news.

Runs the English rules in the engine's order over lee_background.cor's articles
(warm caches: one untimed pass first), one shared Document per article as in the
engine, so a fact that several rules share (the word list, the name table) is
charged to the first rule that asks for it. Each rule's cost is split into its
trigger (the engine's prefilter) and its check. "detect" is the whole call.

    python benchmarks/rule_costs.py [--repeat 3]

Prints a table, slowest first, and writes benchmarks/results/rule_costs.json.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from cleanmt.corpora import as_published, lee_background
from cleanmt.document import Document
from cleanmt.engine import Cleaner

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3, help="timed passes over the corpus (default 3)")
    ap.add_argument("--published", action="store_true",
                    help="the articles laid out as published: paragraphs, curly quotes (corpora.as_published)")
    args = ap.parse_args()
    docs = lee_background()
    if args.published:
        docs = [as_published(d) for d in docs]
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6 * args.repeat
    cleaner = Cleaner()
    for d in docs:  # warm caches and lexicons
        cleaner.detect(d)

    rules = [r for r in cleaner.rules if "en" in r.langs]
    trig = {r.id: 0.0 for r in rules}
    check = dict(trig)
    for _ in range(args.repeat):
        for d in docs:
            doc = Document(d, lang="en")
            for r in rules:
                t0 = time.perf_counter()
                fire = r.may_fire(doc)
                t1 = time.perf_counter()
                if fire:
                    list(r.check(doc))
                t2 = time.perf_counter()
                trig[r.id] += t1 - t0
                check[r.id] += t2 - t1
    rows = [{"rule": r.id, "trigger_ms_per_mb": trig[r.id] * 1e3 / mb, "check_ms_per_mb": check[r.id] * 1e3 / mb}
            for r in rules]
    t0 = time.perf_counter()
    for _ in range(args.repeat):
        for d in docs:
            cleaner.detect(d)
    total = (time.perf_counter() - t0) * 1e3 / mb
    rows.sort(key=lambda x: -(x["trigger_ms_per_mb"] + x["check_ms_per_mb"]))
    print(f"{'rule':<8} {'trigger':>8} {'check':>8} {'total':>8}   (ms per MB, lee_background.cor{' as published' if args.published else ''})")
    for x in rows:
        print(f"{x['rule']:<8} {x['trigger_ms_per_mb']:>8.1f} {x['check_ms_per_mb']:>8.1f} "
              f"{x['trigger_ms_per_mb'] + x['check_ms_per_mb']:>8.1f}")
    summed = sum(x["trigger_ms_per_mb"] + x["check_ms_per_mb"] for x in rows)
    print(f"{'rules':<8} {'':>8} {'':>8} {summed:>8.1f}")
    print(f"{'detect':<8} {'':>8} {'':>8} {total:>8.1f}   ({1e3 / total:.2f} MB/s)")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / ("rule_costs_published.json" if args.published else "rule_costs.json")).write_text(json.dumps({"rules": rows, "detect_ms_per_mb": total}, indent=1))


if __name__ == "__main__":
    main()
