"""The faithfulness gate on labelled rewrites: what it accepts, per split and family.

    PYTHONPATH=src python benchmarks/faithfulness_benchmark.py [--backend chrf|embeddings|both] [--fit]

Reads benchmarks/data/faithfulness_pairs.tsv (benchmarks/make_faithfulness_pairs.py).
For each split (tune: the part calibrated on; report: held out) and backend prints
unfaithful accepted (target <= 1%), real repairs accepted (target >= 80%) and
ROC-AUC of the score (target >= 0.95), then the acceptance rate per family, and
lists the held-out pairs the gate gets wrong. "accepted" = score >= 0.8, the
default --min-faithfulness.

--fit refits the logistic calibration (src/cleanmt/rewrite/calibration.json) on the
tune split (needs scikit-learn), one per backend: the probability that a rewrite is
faithful given its similarity, edit ratio, new rules, removed findings and hard failures.
Run against another checkout's gate with PYTHONPATH=OTHER/src (only `score` is used).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
if not os.environ.get("PYTHONPATH"):
    sys.path.insert(0, str(ROOT / "src"))

from make_faithfulness_pairs import load  # noqa: E402

THRESHOLD = 0.8


def auc(labels, scores) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(labels, scores)) if len(set(labels)) == 2 else float("nan")


def run(rows, backend: str):
    from cleanmt.rewrite import faithfulness as fa

    saved = list(getattr(fa, "_EMBEDDER", []))
    if backend == "chrf":
        fa._EMBEDDER[:] = [None]
    else:
        fa._EMBEDDER.clear()
    out = []
    t = time.process_time()
    if backend != "chrf" and fa.embeddings_available():
        fa.embed([r[k] for r in rows for k in ("original", "rewrite")])  # one batch, not one pair at a time
    for r in rows:
        f = fa.score(r["original"], r["rewrite"])
        out.append((r, f))
    cpu = time.process_time() - t
    fa._EMBEDDER[:] = saved
    methods = {f.components.get("similarity_method") for _, f in out} - {None, "identical"}
    return out, cpu, methods


def table(scored, split: str):
    part = [(r, f) for r, f in scored if r["split"] == split]
    bad = [f.score >= THRESHOLD for r, f in part if r["label"] == 0]
    good = [f.score >= THRESHOLD for r, f in part if r["label"] == 1]
    a = auc([r["label"] for r, _ in part], [f.score for _, f in part])
    return len(part), sum(bad) / max(1, len(bad)), len(bad), sum(good) / max(1, len(good)), len(good), a


def features(r, f):
    c = f.components
    from cleanmt.rewrite.faithfulness import FEATURES

    return [c["features"][k] for k in FEATURES]


def fit(scored_by_backend) -> None:
    from sklearn.linear_model import LogisticRegression

    from cleanmt.rewrite.faithfulness import FEATURES

    out = {"note": "fitted by benchmarks/faithfulness_benchmark.py --fit on the tune split of "
                   "benchmarks/data/faithfulness_pairs.tsv",
           "features": list(FEATURES), "backends": {}}
    for backend, scored in scored_by_backend.items():
        xs, ys = [], []
        for r, f in scored:
            if r["split"] == "tune" and "features" in f.components:
                xs.append(features(r, f))
                ys.append(r["label"])
        if len(set(ys)) < 2:
            print(f"{backend}: one class only among the pairs that pass the hard checks; keeping the old fit")
            continue
        m = LogisticRegression(C=1.0, max_iter=1000).fit(xs, ys)
        name = "chrf" if backend == "chrf" else "minilm-cosine"
        out["backends"][name] = {"weights": [round(float(w), 4) for w in m.coef_[0]],
                                 "bias": round(float(m.intercept_[0]), 4), "n": len(ys), "positives": sum(ys)}
    path = ROOT / "src" / "cleanmt" / "rewrite" / "calibration.json"
    old = json.loads(path.read_text(encoding="utf-8"))
    for k, v in old.get("backends", {}).items():
        out["backends"].setdefault(k, v)
    path.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"calibration written to {path.relative_to(ROOT)}: {out['backends']}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--backend", choices=["chrf", "embeddings", "both"], default="both")
    ap.add_argument("--fit", action="store_true")
    ap.add_argument("--show", type=int, default=40, help="list this many held-out errors")
    args = ap.parse_args(argv)
    rows = load()
    backends = ["chrf", "embeddings"] if args.backend == "both" else [args.backend]
    results = {}
    for b in backends:
        scored, cpu, methods = run(rows, b)
        if b == "embeddings" and methods == {"chrf"}:
            print("embeddings: not installed here (scored by chrF); skipped")
            continue
        results[b] = scored
        print(f"\n== backend {b} (scored by {', '.join(sorted(methods)) or '?'}; {cpu / len(rows) * 1000:.1f} ms CPU "
              f"a pair)")
        print(f"{'split':8} {'pairs':>5} {'unfaithful accepted':>22} {'repairs accepted':>19} {'ROC-AUC':>8}")
        for split in ("tune", "report"):
            n, ba, nb, ga, ng, a = table(scored, split)
            print(f"{split:8} {n:5d} {ba:15.1%} of {nb:3d} {ga:12.1%} of {ng:3d} {a:8.3f}")
        fam = defaultdict(lambda: [0, 0])
        for r, f in scored:
            if r["split"] == "report":
                fam[(r["label"], r["family"])][0] += f.score >= THRESHOLD
                fam[(r["label"], r["family"])][1] += 1
        print("held-out, per family (accepted / pairs):")
        for label in (1, 0):
            print("  " + ("repairs:    " if label else "unfaithful: ") + ", ".join(
                f"{k[1]} {v[0]}/{v[1]}" for k, v in sorted(fam.items()) if k[0] == label))
        wrong = [(r, f) for r, f in scored if r["split"] == "report" and (f.score >= THRESHOLD) != bool(r["label"])]
        print(f"held-out errors ({len(wrong)}):")
        for r, f in wrong[: args.show]:
            print(f"  [{r['label']} {r['family']}] {f.score:.2f} {r['original']!r} -> {r['rewrite']!r}\n"
                  f"      {'; '.join(f.reasons)[:200]}")
    if args.fit:
        fit(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
