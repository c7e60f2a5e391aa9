"""What each rule's named gate saves: detect with the gate, and with it removed, on the
same documents (issue 13: a gate must be worth 5% of detect time to stay).

For every rule of the language that has a `gate` (or a `trigger`), the whole detect call
is timed over the corpus twice in turn, chunk by chunk (with the gate, without it), the
fastest of --repeat passes per chunk counting, so a slow spell of a shared machine hits
both alike. The saving is (without - with) / with; the gate's own cost and how often it
lets the document through are printed beside it. Findings must not change without a
gate (a gate is a necessary condition of its check: tests/test_prefilters.py); this
script checks that too.

    python benchmarks/gate_audit.py [--mb 1] [--repeat 3] [--cold] [--lang en]

Prints a table and writes benchmarks/results/gate_audit.json. CPU seconds throughout.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from cleanmt.document import Document
from cleanmt.engine import Cleaner

ROOT = Path(__file__).resolve().parent.parent


def _race(fns: dict, docs: list[str], repeat: int, chunk: int = 40) -> dict[str, float]:
    chunks = [docs[i:i + chunk] for i in range(0, len(docs), chunk)]
    best = {k: [float("inf")] * len(chunks) for k in fns}
    order = list(fns.items())
    for n in range(repeat):
        for i, part in enumerate(chunks):
            for k, fn in (order if n % 2 == 0 else order[::-1]):  # neither always runs first
                t0 = time.process_time()
                for d in part:
                    fn(d)
                best[k][i] = min(best[k][i], time.process_time() - t0)
    return {k: sum(v) for k, v in best.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=1.0, help="corpus size in MB (default 1)")
    ap.add_argument("--repeat", type=int, default=3, help="passes per chunk; the fastest counts (default 3)")
    ap.add_argument("--cold", action="store_true", help="speed.py's never-seen documents instead of lee's")
    ap.add_argument("--lang", default="en")
    ap.add_argument("--only", default="", help="comma-separated rule ids")
    ap.add_argument("--together", action="store_true", help="the rules of --only without their gates all at once")
    args = ap.parse_args()
    from speed import build_corpus, cold_documents  # benchmarks/ is on sys.path when this script runs

    docs = cold_documents(args.mb, seed=5) if args.cold else build_corpus(args.mb)[5:]
    cleaner = Cleaner(lang=args.lang)
    for r in cleaner.rules:
        for text, _ in r.bad:
            cleaner.detect(text)
    for d in docs:  # warm the memo as a long run would
        cleaner.detect(d)
    rules = [r for r in cleaner.rules if args.lang in r.langs and (r.gate is not None or r.trigger is not None)]
    if args.only:
        rules = [r for r in rules if r.id in args.only.split(",")]
    _, _, scanner = cleaner._plan(args.lang)
    rows = []
    total = _race({"detect": cleaner.detect}, docs, args.repeat)["detect"]
    if args.together:
        saved = [(r, r.gate, r.trigger) for r in rules]

        def without_all(text):
            for r, _, _ in saved:
                object.__setattr__(r, "gate", None)
                object.__setattr__(r, "trigger", None)
            try:
                return cleaner.detect(text)
            finally:
                for r, g, t in saved:
                    object.__setattr__(r, "gate", g)
                    object.__setattr__(r, "trigger", t)

        for d in docs[:: max(1, len(docs) // 200)]:
            assert without_all(d) == cleaner.detect(d), d[:80]
        def with_all(text):  # the same wrapping, so that only the gates differ
            for r, g, t in saved:
                object.__setattr__(r, "gate", g)
                object.__setattr__(r, "trigger", t)
            try:
                return cleaner.detect(text)
            finally:
                for r, g, t in saved:
                    object.__setattr__(r, "gate", g)
                    object.__setattr__(r, "trigger", t)

        t = _race({"with": with_all, "without": without_all}, docs, args.repeat)
        print(f"{len(rules)} rules without their gates together: saving of the gates "
              f"{100 * (t['without'] - t['with']) / t['with']:.1f}% of detect")
        return
    for r in rules:
        gate, trigger = r.gate, r.trigger
        stats = {"candidates": 0, "passed": 0, "gate_s": 0.0}
        for d in docs:
            doc = Document(d, lang=args.lang, scanner=scanner, memo=cleaner.memo)
            if r.anchored and not doc.anchored(r.id):
                continue
            stats["candidates"] += 1
            t0 = time.process_time()
            stats["passed"] += r.passes_gates(doc)
            stats["gate_s"] += time.process_time() - t0

        def without(text, r=r):
            object.__setattr__(r, "gate", None)
            object.__setattr__(r, "trigger", None)
            try:
                return cleaner.detect(text)
            finally:
                object.__setattr__(r, "gate", gate)
                object.__setattr__(r, "trigger", trigger)

        for d in docs[:: max(1, len(docs) // 200)]:
            assert without(d) == cleaner.detect(d), (r.id, d[:80])
        def with_gate(text, r=r):  # the same wrapping, so that only the gate differs
            object.__setattr__(r, "gate", gate)
            object.__setattr__(r, "trigger", trigger)
            try:
                return cleaner.detect(text)
            finally:
                object.__setattr__(r, "gate", gate)
                object.__setattr__(r, "trigger", trigger)

        t = _race({"with": with_gate, "without": without}, docs, args.repeat)
        kind = "gate" if gate is not None else "trigger"
        if gate is not None and trigger is not None:
            kind = "gate+trigger"
        rows.append({"rule": r.id, "kind": kind, "name": getattr(gate, "__name__", "trigger"),
                     "saving_pct": 100 * (t["without"] - t["with"]) / t["with"],
                     "gate_pct": 100 * stats["gate_s"] / total,
                     "pass_rate": stats["passed"] / max(1, stats["candidates"]),
                     "candidates": stats["candidates"]})
        x = rows[-1]
        print(f"{x['rule']:<8} {x['kind']:<12} {x['name']:<28} saving {x['saving_pct']:6.1f}%  "
              f"gate {x['gate_pct']:5.1f}%  passes {x['pass_rate']:.2f} of {x['candidates']}", flush=True)
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "gate_audit.json").write_text(json.dumps({"documents": len(docs), "cold": args.cold,
                                                     "detect_s": total, "rows": rows}, indent=1))


if __name__ == "__main__":
    main()
