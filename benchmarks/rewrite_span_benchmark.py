"""Per-family repair rates of rewrite models on held-out injected damage, before the gate and after.

    PYTHONPATH=src python benchmarks/rewrite_span_benchmark.py [--model DIR ...] [--per-family N]

The examples come from the held-out documents of lee_background (every 10th; no model
was trained on them), damaged once each by rewrite/span_inject.py, one family at a
time (plus `keep`: a clean sentence with a word marked, where any change is wrong).

1. Top candidate, no gate: does the model's first beam repair the marked span exactly?
   A span model is given the marked span; a whole-sentence model the damaged sentence,
   and its edits outside the marked span are undone (`confine`), as the pipeline does.
2. The pipeline (`fix`, then `rewrite_text` on what is left, min faithfulness 0.8): the
   sentence is "fixed by the rules" when `fix` alone restores it; otherwise an accepted
   rewrite is right when it restores the clean sentence exactly and wrong otherwise;
   "not flagged" when no finding is left to send, "rejected" when nothing was accepted.
Writes benchmarks/results/rewrite_span_benchmark.json.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from cleanmt.engine import Cleaner  # noqa: E402
from cleanmt.rewrite import confine, inject, load_proposer, rewrite_text, span_inject  # noqa: E402

OUTCOMES = ("rules", "accepted & right", "accepted & wrong", "rejected", "not flagged")


def examples(per_family: int):
    from cleanmt.corpora import lee_background

    _, held = inject.split_documents(lee_background())
    return span_inject.heldout_examples(inject.corpus_sentences(held), per_family=per_family, second_rate=0.0)


def top_candidates(proposer, exs, num_beams):
    """The repaired sentence each model's first beam gives for each example."""
    if proposer.span_model:
        beams = proposer.propose([e.input for e in exs], num_beams=num_beams, strip=False)
        return [e.damaged[: e.start] + b[0] + e.damaged[e.end :] for e, b in zip(exs, beams)]
    beams = proposer.propose([e.damaged for e in exs], num_beams=num_beams)
    return [confine(e.damaged, b[0], [(e.start, e.end)]) for e, b in zip(exs, beams)]


def pipeline(proposer, cleaner, exs, num_beams):
    out = []
    for e in exs:
        fixed = cleaner.fix(e.damaged).fixed
        if fixed == e.clean and e.family != "keep":
            out.append("rules")
            continue
        r = rewrite_text(fixed, cleaner, model=proposer, num_beams=num_beams)
        if not r.proposals:
            out.append("not flagged")
        elif not r.accepted:
            out.append("rejected")
        else:
            out.append("accepted & right" if r.text == e.clean and e.family != "keep" else "accepted & wrong")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", action="append",
                    help="model directories to compare (default: the whole-sentence and the span model)")
    ap.add_argument("--per-family", type=int, default=40)
    ap.add_argument("--num-beams", type=int, default=4)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "rewrite_span_benchmark.json"))
    ap.add_argument("--merge", nargs="+", metavar="JSON",
                    help="print (and write to --out) the results of earlier runs together, one model each")
    args = ap.parse_args(argv)
    if args.merge:
        runs = [json.loads(Path(p).read_text()) for p in args.merge]
        result = dict(runs[0], models={k: v for r in runs for k, v in r["models"].items()})
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps(result, indent=2) + "\n")
        return show(result)
    import torch

    torch.set_num_threads(args.threads)
    models = args.model or [str(ROOT / "models" / "cleanmt-rewrite-tiny"), str(ROOT / "models" / "cleanmt-span")]
    exs = examples(args.per_family)
    cleaner = Cleaner(lang="en")
    families = list(dict.fromkeys(e.family for e in exs))
    result = {"examples": len(exs), "per_family": dict(Counter(e.family for e in exs)), "models": {}}
    for m in models:
        proposer = load_proposer(m)
        t0 = time.process_time()
        tops = top_candidates(proposer, exs, args.num_beams)
        outcomes = pipeline(proposer, cleaner, exs, args.num_beams)
        exact, gated = defaultdict(int), defaultdict(Counter)
        for e, t, o in zip(exs, tops, outcomes):
            exact[e.family] += t == e.clean
            gated[e.family][o] += 1
        result["models"][Path(m).name] = {
            "task": proposer.task, "cpu_seconds": round(time.process_time() - t0, 1),
            "top_exact": {f: exact[f] for f in families},
            "pipeline": {f: {o: gated[f][o] for o in OUTCOMES} for f in families},
        }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n")
    return show(result)


def show(result) -> int:
    names = list(result["models"])
    families = list(result["per_family"])
    n = result["per_family"]
    print("top candidate exact repair (" + " -> ".join(names) + ")")
    for f in families:
        print(f"  {f:16} " + " -> ".join(f"{result['models'][k]['top_exact'][f]}/{n[f]}" for k in names))
    print("after the gate: " + " / ".join(OUTCOMES))
    for f in families:
        cells = [" ".join(str(result["models"][k]["pipeline"][f][o]) for o in OUTCOMES) for k in names]
        print(f"  {f:16} " + "  ->  ".join(cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
