"""Benchmark the rewriter: held-out synthetic pairs, the seeds, speed, and a safety audit.

    PYTHONPATH=src python benchmarks/rewrite_benchmark.py [--model DIR] [--limit N]

For whole-sentence models (e.g. models/cleanmt-rewrite-tiny); the span model's
per-family numbers come from benchmarks/rewrite_span_benchmark.py.

1. Held-out synthetic pairs (documents the model never saw, damaged by
   inject.py): exact-fix rate and character edit distance to the clean
   reference, before rewriting and after (top beam, and after the faithfulness
   gate, i.e. what `cleanmt fix --rewrite all` would output per sentence).
2. Seeds (seeds/*.txt after the normalizer): proposals for flagged sentences,
   how many were accepted, how many findings the accepted ones resolve, and
   the rejection reasons.
3. Sentences per second of n-best generation on this CPU.
4. Audit (checked, not assumed): every accepted proposal re-checked with the
   gate's hard checks (rewrite/checks.py); the counts by kind should all be 0.
Writes benchmarks/results/rewrite_benchmark.json and prints a table.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import platform
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from cleanmt.engine import Cleaner  # noqa: E402
from cleanmt.rewrite import faithfulness as fa  # noqa: E402
from cleanmt.rewrite import inject, load_proposer, rewrite_text  # noqa: E402
from cleanmt.rewrite.proposer import default_model_path  # noqa: E402


def reason_kind(reason: str) -> str:
    for key in ("numbers", "name", "negation", "below", "does not remove", "introduces", "no change",
                "longer than", "large edit"):
        if key in reason:
            return {"below": "score below threshold", "does not remove": "does not remove a finding",
                    "introduces": "introduces an artifact", "name": "names changed",
                    "numbers": "numbers changed", "negation": "negation changed",
                    "no change": "model proposed no change", "longer than": "too long",
                    "large edit": "large edit"}[key]
    return reason


def audit(proposals) -> dict:
    """Re-check every accepted proposal with the hard checks, one by one (reason kinds)."""
    bad: dict = {}
    for p in proposals:
        if not p.accepted:
            continue
        for r in fa.hard_checks(p.original, p.candidate):
            kind = r.split(":")[0].split("(")[0].strip()
            bad[kind] = bad.get(kind, 0) + 1
    return bad


def synthetic(proposer, cleaner, limit, num_beams, min_faith):
    from cleanmt.corpora import lee_background

    pairs = inject.heldout_pairs(lee_background())[:limit]
    damaged = [d for d, _, _ in pairs]
    t0 = time.time()
    nbest = proposer.propose(damaged, num_beams=num_beams, batch_size=16)
    gen_s = time.time() - t0
    rows = {"before": [], "top_beam": [], "gated": []}
    by_kind = Counter()
    fixed_kind = Counter()
    gated_props = []
    from cleanmt.rewrite import _judge, Proposal

    for (d, ref, kinds), cands in zip(pairs, nbest):
        top = cands[0]
        cand, s, why, ok, hard, f, *_ = _judge(d, [(c, "model", None) for c in dict.fromkeys(cands) if c != d],
                                              cleaner, "all", min_faith)
        gated = cand if ok else d
        gated_props.append(Proposal(0, len(d), d, cand, s, why, ok, hard))
        for key, out in (("before", d), ("top_beam", top), ("gated", gated)):
            rows[key].append((out == ref, fa.edit_distance(out, ref)))
        for k in kinds:
            by_kind[k] += 1
            fixed_kind[k] += gated == ref
    n = len(pairs)
    summary = {
        key: {"exact": sum(e for e, _ in v) / n, "mean_char_edit": sum(c for _, c in v) / n}
        for key, v in rows.items()
    }
    return {
        "pairs": n, "num_beams": num_beams, **summary,
        "gated_accepted": sum(p.accepted for p in gated_props),
        "gated_exact_by_kind": {k: f"{fixed_kind[k]}/{by_kind[k]}" for k in sorted(by_kind)},
        "sentences_per_second": n / gen_s, "generation_seconds": gen_s,
        "audit_accepted_changes": audit(gated_props),
    }


def seeds(proposer, cleaner, num_beams, min_faith, mode="flagged"):
    out = {"mode": mode, "documents": 0, "flagged_sentences": 0, "proposals": 0, "accepted": 0,
           "findings_in_flagged": 0, "findings_resolved": 0, "rejections": Counter(), "examples": []}
    all_props = []
    t0 = time.time()
    for path in sorted(glob.glob(str(ROOT / "seeds" / "*.txt"))):
        text = Path(path).read_text(encoding="utf-8")
        fixed = cleaner.fix(text).fixed
        res = rewrite_text(fixed, cleaner, model=proposer, mode=mode,
                           min_faithfulness=min_faith, num_beams=num_beams)
        out["documents"] += 1
        for p in res.proposals:
            all_props.append(p)
            out["proposals"] += 1
            out["findings_in_flagged"] += p.findings_before
            if p.accepted:
                out["accepted"] += 1
                out["findings_resolved"] += p.findings_before - p.findings_after
                if len(out["examples"]) < 8:
                    out["examples"].append({"original": p.original, "rewrite": p.candidate,
                                            "score": round(p.score, 3)})
            else:
                kinds = {reason_kind(r) for r in p.reasons if not r.startswith("detector still fires")}
                for k in kinds or {"other"}:
                    out["rejections"][k] += 1
    out["flagged_sentences"] = out["proposals"]
    out["seconds"] = time.time() - t0
    out["rejections"] = dict(out["rejections"].most_common())
    out["audit_accepted_changes"] = audit(all_props)
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=None)
    ap.add_argument("--limit", type=int, default=300, help="held-out pairs to use")
    ap.add_argument("--num-beams", type=int, default=4)
    ap.add_argument("--min-faithfulness", type=float, default=0.8)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--no-seeds-fallback-all", dest="seeds_fallback_all", action="store_false",
                    help="do not rewrite every seed sentence when none is flagged")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "rewrite_benchmark.json"))
    args = ap.parse_args(argv)

    import torch

    torch.set_num_threads(args.threads)
    cleaner = Cleaner()
    proposer = load_proposer(args.model)
    fa.embed(["warm up"])  # load the embedder before timing anything
    if proposer.span_model:
        print("a span model rewrites marked spans, not sentences: use benchmarks/rewrite_span_benchmark.py",
              file=sys.stderr)
        return 2
    syn = synthetic(proposer, cleaner, args.limit, args.num_beams, args.min_faithfulness)
    sd = seeds(proposer, cleaner, args.num_beams, args.min_faithfulness)
    if sd["proposals"] == 0 and args.seeds_fallback_all:
        # nothing left flagged after the normalizer (few rules on this checkout):
        # audit the model on every seed sentence instead
        sd = seeds(proposer, cleaner, args.num_beams, args.min_faithfulness, mode="all")
    result = {
        "model": str(args.model or default_model_path().relative_to(ROOT)),
        "similarity": "minilm-cosine" if fa.embeddings_available() else "chrf",
        "cpu": platform.processor() or platform.machine(), "threads": args.threads,
        "min_faithfulness": args.min_faithfulness,
        "synthetic_heldout": syn, "seeds": sd,
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")

    print(f"Held-out synthetic pairs: {syn['pairs']} (beams {syn['num_beams']})")
    print(f"{'':28}{'exact fix':>10}{'char edits to ref':>20}")
    for key, label in (("before", "before rewriting"), ("top_beam", "top beam (ungated)"),
                       ("gated", "after faithfulness gate")):
        print(f"{label:28}{syn[key]['exact']:>10.1%}{syn[key]['mean_char_edit']:>20.2f}")
    print(f"gated exact fixes by damage kind: {syn['gated_exact_by_kind']}")
    print(f"speed: {syn['sentences_per_second']:.2f} sentences/s ({args.threads} threads, n-best {args.num_beams})")
    print(f"\nSeeds ({sd['mode']} mode): {sd['documents']} docs, {sd['proposals']} sentences proposed, {sd['accepted']} accepted, "
          f"{sd['findings_resolved']}/{sd['findings_in_flagged']} remaining findings resolved")
    print(f"rejections: {sd['rejections']}")
    for ex in sd["examples"]:
        print(f"  {ex['score']:.2f}  {ex['original']!r}\n        -> {ex['rewrite']!r}")
    for name, a in (("synthetic", syn["audit_accepted_changes"]), ("seeds", sd["audit_accepted_changes"])):
        status = "OK" if not any(a.values()) else "FAILED"
        print(f"audit {name}: accepted rewrites changing numbers/names/negation: {a} -> {status}")
    ok = not any(syn["audit_accepted_changes"].values()) and not any(sd["audit_accepted_changes"].values())
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
