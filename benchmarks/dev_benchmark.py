"""Dev-set benchmark: detection recall per category and tier on ../shared/dev, beside the seeds.

The dev set (see ../shared/dev/README.md) is eleven annotated documents on other topics,
from seven source languages and for four targets, plus a clean control (c01.txt). Each
document runs with its own target language (`Cleaner(lang=...)`), as a user would run
`cleanmt detect --lang fr`.

- A gold span is *found* when a finding of the same category overlaps it (recall).
  `any` counts a finding of any category (a casing finding on a transliteration span).
- A finding is *right* when it overlaps any gold span (precision over all findings).
- Findings below --min-confidence are left out (default 0.0: every finding counts, as
  `detect` prints them).
- c01.txt has no artifact: every finding on it is a false positive.

    python benchmarks/dev_benchmark.py [--dev ../shared/dev] [--min-confidence 0.0] [--show]

Prints the tables (per category and tier, per document) and writes
benchmarks/results/dev_benchmark.json.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path

from cleanmt.engine import Cleaner

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DEV = ROOT.parent / "shared" / "dev"
RESULTS = Path(__file__).resolve().parent / "results"
CATEGORIES = ("spinner", "quotes", "punctuation", "transliteration", "casing",
              "calque", "untranslated", "encoding", "boilerplate")
# target language of each document (the dev README's table)
TARGET = {"d09": "fr", "d10": "es", "d11": "de"}


def load_validate(dev: Path):
    spec = importlib.util.spec_from_file_location("dev_validate", dev / "validate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_dev(dev: Path) -> list[dict]:
    """[{name, lang, raw, spans}] for every .gold file, and c01.txt with no spans."""
    validate = load_validate(dev)
    docs = []
    for path in sorted(dev.glob("*.gold")):
        raw, _reference, spans, errors = validate.parse(path.read_text(encoding="utf-8"))
        if errors:
            raise SystemExit(f"{path}: {errors[0]}")
        docs.append(dict(name=path.stem, lang=TARGET.get(path.stem, "en"), raw=raw, spans=spans))
    for path in sorted(dev.glob("*.txt")):
        docs.append(dict(name=path.stem, lang="en", raw=path.read_text(encoding="utf-8"), spans=[]))
    return docs


def overlaps(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def evaluate(docs: list[dict], min_confidence: float = 0.0) -> dict:
    cleaners: dict[str, Cleaner] = {}
    cells = defaultdict(lambda: dict(gold=0, found=0, found_any=0))  # (category, tier) -> counts
    per_doc, misses, false_alarms = {}, [], []
    n_find = n_right = 0
    for doc in docs:
        cleaner = cleaners.setdefault(doc["lang"], Cleaner(lang=doc["lang"]))
        findings = [f.to_dict() for f in cleaner.detect(doc["raw"]) if f.confidence >= min_confidence]
        d = dict(lang=doc["lang"], gold=len(doc["spans"]), found=0, core=0, core_found=0,
                 findings=len(findings), right=0)
        for g in doc["spans"]:
            hits = [f for f in findings if overlaps(g, f)]
            same = any(f["category"] == g["category"] for f in hits)
            for key in ((g["category"], g["tier"]), (g["category"], "all")):
                cells[key]["gold"] += 1
                cells[key]["found"] += same
                cells[key]["found_any"] += bool(hits)
            d["found"] += same
            if g["tier"] == "core":
                d["core"] += 1
                d["core_found"] += same
            if not same:
                misses.append(dict(doc=doc["name"], category=g["category"], tier=g["tier"],
                                   wrong=g["wrong"], fix=g["fix"],
                                   got=[f["rule"] for f in hits]))
        for f in findings:
            right = any(overlaps(g, f) for g in doc["spans"])
            d["right"] += right
            if not right:
                false_alarms.append(dict(doc=doc["name"], rule=f["rule"], text=f["text"],
                                         replacement=f["replacement"], start=f["start"]))
        n_find += len(findings)
        n_right += d["right"]
        per_doc[doc["name"]] = d
    table = {}
    for cat in CATEGORIES:
        table[cat] = {tier: dict(cells[(cat, tier)]) for tier in ("core", "hard", "all")}
    return dict(categories=table, documents=per_doc, findings=n_find, right=n_right,
                precision=n_right / n_find if n_find else 1.0, misses=misses,
                false_alarms=false_alarms)


def _ratio(found: int, gold: int) -> str:
    return f"{found}/{gold} ({found / gold:.2f})" if gold else "-"


def render(result: dict) -> str:
    lines = ["| category | core found | all tiers found | any category (all tiers) |",
             "|---|---|---|---|"]
    tot = defaultdict(int)
    for cat, tiers in result["categories"].items():
        core, every = tiers["core"], tiers["all"]
        lines.append(f"| {cat} | {_ratio(core['found'], core['gold'])} | "
                     f"{_ratio(every['found'], every['gold'])} | {_ratio(every['found_any'], every['gold'])} |")
        for k in ("found", "gold"):
            tot["core_" + k] += core[k]
            tot["all_" + k] += every[k]
        tot["any"] += every["found_any"]
    lines.append(f"| **all** | {_ratio(tot['core_found'], tot['core_gold'])} | "
                 f"{_ratio(tot['all_found'], tot['all_gold'])} | {_ratio(tot['any'], tot['all_gold'])} |")
    lines.append("")
    lines.append(f"Precision over all findings: {result['right']}/{result['findings']} "
                 f"({result['precision']:.2f})")
    lines.append("")
    lines.append("| doc | lang | core found | all found | findings | right |")
    lines.append("|---|---|---|---|---|---|")
    for name, d in result["documents"].items():
        lines.append(f"| {name} | {d['lang']} | {_ratio(d['core_found'], d['core'])} | "
                     f"{_ratio(d['found'], d['gold'])} | {d['findings']} | {d['right']} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dev", type=Path, default=DEFAULT_DEV, help="the dev set's folder")
    ap.add_argument("--min-confidence", type=float, default=0.0)
    ap.add_argument("--show", action="store_true", help="list misses and false alarms")
    ap.add_argument("--category", help="with --show: only this category's misses")
    args = ap.parse_args(argv)
    if not (args.dev / "validate.py").is_file():
        print(f"dev_benchmark: no dev set at {args.dev}", file=sys.stderr)
        return 2
    result = evaluate(load_dev(args.dev), args.min_confidence)
    print(render(result))
    if args.show:
        print("\nMisses:")
        for m in result["misses"]:
            if args.category in (None, m["category"]):
                print(f"  {m['doc']} {m['category']}/{m['tier']}: {m['wrong']!r} -> {m['fix']!r} got {m['got']}")
        print("\nFalse alarms:")
        for f in result["false_alarms"]:
            print(f"  {f['doc']} {f['rule']}: {f['text']!r} -> {f['replacement']!r}")
    RESULTS.mkdir(exist_ok=True)
    out = {k: v for k, v in result.items()}
    (RESULTS / "dev_benchmark.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n",
                                               encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
