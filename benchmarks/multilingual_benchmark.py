"""Per-language detection precision/recall on the annotated multilingual sample
(benchmarks/data/multilingual/{en,fr,es,de}.jsonl; see build.py there for the format).

A gold artifact counts as found when a finding overlaps its span (recall); a finding
counts as right when it overlaps a gold span (precision). All rules run, with the
document's target language given (--lang), as a user would run `cleanmt --lang fr`.
`fix ok` counts documents whose default fix (confidence >= 0.8) equals the gold text
with every gold fix applied (no-break spaces compared as spaces: French accepts
space, U+00A0 or U+202F); artifacts without a single fix are expected unchanged.

    python benchmarks/multilingual_benchmark.py [--min-confidence 0.0]
Writes benchmarks/results/multilingual.json.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from cleanmt.engine import Cleaner

HERE = Path(__file__).parent
DATA = HERE / "data" / "multilingual"
LANGS = ("en", "fr", "es", "de")


def load(lang: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / f"{lang}.jsonl").read_text(encoding="utf-8").splitlines() if line]


def overlaps(a, b) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def gold_fixed(doc: dict) -> str:
    text, out, pos = doc["text"], [], 0
    for g in sorted(doc["gold"], key=lambda g: g["start"]):
        out.append(text[pos : g["start"]])
        out.append(text[g["start"] : g["end"]] if g["fix"] is None else g["fix"])
        pos = g["end"]
    out.append(text[pos:])
    return "".join(out)


def same_text(a: str, b: str) -> bool:
    norm = str.maketrans({"\u00a0": " ", "\u202f": " "})
    return a.translate(norm) == b.translate(norm)


def evaluate(lang: str, min_confidence: float) -> dict:
    docs = load(lang)
    cleaner = Cleaner(lang=lang)
    n_gold = n_found = n_find = n_right = fix_ok = 0
    misses, false_alarms = [], []
    for doc in docs:
        findings = [f.to_dict() for f in cleaner.detect(doc["text"]) if f.confidence >= min_confidence]
        n_gold += len(doc["gold"])
        n_find += len(findings)
        for g in doc["gold"]:
            if any(overlaps(g, f) for f in findings):
                n_found += 1
            else:
                misses.append({"doc": doc["id"], "text": doc["text"][g["start"] : g["end"]], "category": g["category"]})
        for f in findings:
            if any(overlaps(g, f) for g in doc["gold"]):
                n_right += 1
            else:
                false_alarms.append({"doc": doc["id"], "rule": f["rule"], "text": f["text"]})
        if same_text(cleaner.fix(doc["text"]).fixed, gold_fixed(doc)):
            fix_ok += 1
    return {
        "docs": len(docs), "clean_docs": sum(1 for d in docs if not d["gold"]), "gold": n_gold,
        "findings": n_find, "precision": n_right / n_find if n_find else 1.0,
        "recall": n_found / n_gold if n_gold else 1.0, "fix_ok": fix_ok,
        "misses": misses, "false_alarms": false_alarms,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--min-confidence", type=float, default=0.0, help="report findings at or above this confidence")
    args = ap.parse_args()
    results = {lang: evaluate(lang, args.min_confidence) for lang in LANGS}
    print(f"{'lang':<5} {'docs':>4} {'clean':>5} {'gold':>4} {'found':>5} {'P':>6} {'R':>6} {'fix ok':>7}")
    for lang, r in results.items():
        print(f"{lang:<5} {r['docs']:>4} {r['clean_docs']:>5} {r['gold']:>4} {r['findings']:>5} "
              f"{r['precision']:>6.2f} {r['recall']:>6.2f} {r['fix_ok']:>4}/{r['docs']}")
    for lang, r in results.items():
        for m in r["misses"]:
            print(f"  miss  {m['doc']}: {m['text']!r} ({m['category']})")
        for f in r["false_alarms"]:
            print(f"  false {f['doc']}: {f['rule']} {f['text']!r}")
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "multilingual.json").write_text(
        json.dumps({"min_confidence": args.min_confidence, "per_language": results}, ensure_ascii=False, indent=1)
    )


if __name__ == "__main__":
    main()
