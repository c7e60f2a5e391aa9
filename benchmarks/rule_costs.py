"""Where detect spends its time: milliseconds per MB for each rule, on clean news.

The corpus is speed.py's (lee_background.cor's articles, then the same articles with
their sentences reshuffled, --mb megabytes of distinct documents, default 4), so no
per-document cache (the last few name tables, say) makes a rule look cheaper than it
is on text never seen before. Caches warm up on the rules' own examples first.

Runs the English rules in the engine's order, one shared Document per article as in
the engine (its prescan and its Cleaner's memo), so a fact that several rules share (the word list, the name table) is
charged to the first rule that asks for it; the prescan (all rules' anchors in one
pass) and the capital-token scan (shared by CAS001 and the TRL rules) have rows of
their own. Each rule's cost is split into its trigger (the engine's
prefilter) and its check. "detect" is the whole call, and ftfy.fix_text, the peer of
the speed target, is timed on the same documents.

    python benchmarks/rule_costs.py [--repeat 3] [--mb 4] [--published]

Prints a table, slowest first, and writes benchmarks/results/rule_costs.json.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import ftfy

from cleanmt.corpora import as_published
from cleanmt.document import Document
from cleanmt.engine import Cleaner

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3, help="timed passes over the corpus (default 3)")
    ap.add_argument("--published", action="store_true",
                    help="the articles laid out as published: paragraphs, curly quotes (corpora.as_published)")
    ap.add_argument("--mb", type=float, default=4.0, help="corpus size in MB (default 4)")
    args = ap.parse_args()
    from speed import build_corpus  # benchmarks/ is on sys.path when this script runs

    docs = build_corpus(args.mb)[5:]  # the articles, without the seeds (full of artifacts)
    if args.published:
        docs = [as_published(d) for d in docs]
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6 * args.repeat
    cleaner = Cleaner()
    for r in cleaner.rules:  # load lexicons and word lists, on text outside the corpus
        for text, _ in r.bad:
            cleaner.detect(text)

    rules = [r for r in cleaner.rules if "en" in r.langs]
    scanner = cleaner._plan("en")[2]  # the engine's prescan, and its memo of word facts (as in detect)
    trig = {r.id: 0.0 for r in rules}
    check = dict(trig)
    prescan = tokens = 0.0
    for _ in range(args.repeat):
        for d in docs:
            doc = Document(d, lang="en", scanner=scanner, memo=cleaner.memo)
            t0 = time.process_time()
            doc.anchor_hits
            t1 = time.process_time()
            doc.capital_tokens  # (a Document fact: the rules that read it find it made)
            t2 = time.process_time()
            prescan += t1 - t0
            tokens += t2 - t1
            for r in rules:
                t0 = time.process_time()
                fire = r.may_fire(doc)
                t1 = time.process_time()
                if fire:
                    list(r.check(doc))
                t2 = time.process_time()
                trig[r.id] += t1 - t0
                check[r.id] += t2 - t1
    rows = [{"rule": r.id, "trigger_ms_per_mb": trig[r.id] * 1e3 / mb, "check_ms_per_mb": check[r.id] * 1e3 / mb}
            for r in rules]
    best = {"detect": float("inf"), "ftfy": float("inf")}
    for _ in range(args.repeat):  # in turn, so that machine drift hits both alike
        for name, fn in (("detect", cleaner.detect), ("ftfy", lambda t: ftfy.fix_text(t, uncurl_quotes=False))):
            t0 = time.process_time()
            for d in docs:
                fn(d)
            best[name] = min(best[name], time.process_time() - t0)
    total = best["detect"] * 1e3 / mb * args.repeat
    peer = best["ftfy"] * 1e3 / mb * args.repeat
    rows.sort(key=lambda x: -(x["trigger_ms_per_mb"] + x["check_ms_per_mb"]))
    print(f"{'rule':<8} {'trigger':>8} {'check':>8} {'total':>8}   (ms per MB, {len(docs)} articles, "
          f"{mb / args.repeat:.1f} MB{' as published' if args.published else ''})")
    print(f"{'prescan':<8} {'':>8} {'':>8} {prescan * 1e3 / mb:>8.1f}   (anchors of all rules, one pass)")
    print(f"{'tokens':<8} {'':>8} {'':>8} {tokens * 1e3 / mb:>8.1f}   (capital-token scan that CAS001 and TRL001-3 read)")
    for x in rows:
        print(f"{x['rule']:<8} {x['trigger_ms_per_mb']:>8.1f} {x['check_ms_per_mb']:>8.1f} "
              f"{x['trigger_ms_per_mb'] + x['check_ms_per_mb']:>8.1f}")
    summed = sum(x["trigger_ms_per_mb"] + x["check_ms_per_mb"] for x in rows) + (prescan + tokens) * 1e3 / mb
    print(f"{'sum':<8} {'':>8} {'':>8} {summed:>8.1f}   (prescan and rules, timed one by one)")
    print(f"{'detect':<8} {'':>8} {'':>8} {total:>8.1f}   ({1e3 / total:.2f} MB/s; best pass)")
    print(f"{'ftfy':<8} {'':>8} {'':>8} {peer:>8.1f}   (ftfy.fix_text, uncurl_quotes=False; best pass)")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / ("rule_costs_published.json" if args.published else "rule_costs.json")).write_text(json.dumps(
        {"documents": len(docs), "mb": mb / args.repeat, "prescan_ms_per_mb": prescan * 1e3 / mb,
         "token_scan_ms_per_mb": tokens * 1e3 / mb, "rules": rows,
         "detect_ms_per_mb": total, "ftfy_ms_per_mb": peer}, indent=1))


if __name__ == "__main__":
    main()
