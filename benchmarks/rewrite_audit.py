"""Every rewrite `fix --rewrite` accepts on the seeds and the dev set, for a verdict by hand.

    PYTHONPATH=src python benchmarks/rewrite_audit.py [--model DIR] [--mode flagged|all]

Each document is fixed by the rules, then `rewrite_text` runs on the result with the
document's own target language (dev README table). Prints, per document, every
accepted proposal (original -> candidate, origin, score, log-prob margin) and counts:
sentences sent, candidates less likely than the copy, accepted; and the findings
resolved only by the model (accepted proposals of origin "model").
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from cleanmt.engine import Cleaner  # noqa: E402
from cleanmt.rewrite import rewrite_text  # noqa: E402


def documents():
    for p in sorted((ROOT / "seeds").glob("*.txt")):
        yield p.name, "en", p.read_text(encoding="utf-8")
    dev = ROOT.parent / "shared" / "dev"
    if dev.is_dir():
        import dev_benchmark

        for d in dev_benchmark.load_dev(dev):
            yield d["name"], d["lang"], d["raw"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", default=None)
    ap.add_argument("--mode", default="flagged", choices=["flagged", "all"])
    args = ap.parse_args(argv)
    totals = Counter()
    cleaners = {}
    for name, lang, text in documents():
        cleaner = cleaners.setdefault(lang, Cleaner(lang=lang))
        fixed = cleaner.fix(text).fixed
        result = rewrite_text(fixed, cleaner, model=args.model, mode=args.mode)
        acc = result.accepted
        totals["documents"] += 1
        totals["sentences sent"] += len(result.proposals)
        totals["accepted"] += len(acc)
        totals["accepted from the model"] += sum(p.origin == "model" for p in acc)
        totals["findings resolved by the model"] += sum(p.findings_before - p.findings_after
                                                        for p in acc if p.origin == "model")
        totals["sentences with a model answer it was unsure of"] += sum(
            any("unsure" in r for r in p.reasons) for p in result.proposals)
        totals["sentences not sent (language the model does not write)"] += sum(
            any("not sent" in r for r in p.reasons) for p in result.proposals)
        totals["sentences where no candidate beat the copy"] += sum(
            any("copy" in r for r in p.reasons) and not p.accepted for p in result.proposals)
        print(f"== {name} ({lang}): {len(result.proposals)} sentence(s) sent, {len(acc)} accepted")
        for p in acc:
            margin = "-" if p.margin is None else f"{p.margin:.1f}"
            print(f"  [{p.origin} {p.score:.2f} margin {margin}] {p.original!r}\n    -> {p.candidate!r}")
    print(dict(totals))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
