"""Seed benchmark: cleanmt against the hand-made gold of the five seed documents.

Reports, per category, detection precision/recall (a finding matches a gold item
when the category is the same and the spans overlap), token-edit precision/recall/
F0.5 of `fix` against the gold-fixed text (GEC convention), a check that `fix`
changed nothing outside gold spans, and the throughput of Cleaner.detect,
Cleaner.fix and ftfy.fix_text on the same ~2 MB of text.
Writes benchmarks/results/seed_benchmark.json.

    python benchmarks/seed_benchmark.py [--select RULES] [--mb 2] [--repeat 3] [--no-speed] [--show]

Conventions (see seeds/gold/README.md for the gold format):
- Recall counts required gold items only; a finding that matches an optional item
  is still a true positive (optional = a careful editor might leave it alone).
- Tokens are words and single punctuation marks, each carrying a flag "preceded by
  whitespace" (written as a leading space). Without the flag, "capital , where"
  and "capital, where" tokenize the same and spacing fixes would be invisible; with
  it, any whitespace run (one space, a blank line) counts the same, so the line-break
  convention of a deletion does not matter.
- Edits are difflib opcodes over those tokens: (orig_start, orig_end, new_tokens).
  TP = edits in both the system set and the gold set. Edits lying inside a gold item
  with no single fix (fix null), an optional item, or an item nested in a deletion are
  left out of both sets: there the gold has no one right answer.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = ROOT / "seeds"
GOLD_DIR = SEED_DIR / "gold"
RESULTS = Path(__file__).resolve().parent / "results"
CATEGORIES = ("spinner", "quotes", "punctuation", "transliteration", "casing",
              "calque", "untranslated", "encoding", "boilerplate")


# -- gold -------------------------------------------------------------------
def seed_names() -> list[str]:
    return sorted(p.stem for p in SEED_DIR.glob("*.txt"))


def read_seed(name: str) -> str:
    return (SEED_DIR / f"{name}.txt").read_text(encoding="utf-8")


def load_gold(name: str) -> list[dict]:
    path = GOLD_DIR / f"{name}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def top_level(items: list[dict]) -> list[dict]:
    return sorted((it for it in items if it["within"] is None), key=lambda it: it["start"])


def apply_gold(text: str, items: list[dict]) -> str:
    """The gold-fixed text: every top-level fix applied (null fixes keep the text)."""
    out, pos = [], 0
    for it in top_level(items):
        if it["fix"] is None:
            continue
        out.append(text[pos:it["start"]])
        out.append(it["fix"])
        pos = it["end"]
    out.append(text[pos:])
    return "".join(out)


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Spans overlap; a zero-width span (an insertion) overlaps a span it touches."""
    if a_start == a_end:
        return b_start <= a_start <= b_end
    if b_start == b_end:
        return a_start <= b_start <= a_end
    return a_start < b_end and b_start < a_end


# -- tokens and edits -------------------------------------------------------
TOKEN_RE = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True)
class Tok:
    form: str  # the token, with a leading " " when whitespace (or the text start) precedes it
    start: int
    end: int


def tokenize(text: str) -> list[Tok]:
    toks = []
    for m in TOKEN_RE.finditer(text):
        spaced = m.start() == 0 or text[m.start() - 1].isspace()
        toks.append(Tok((" " if spaced else "") + m.group(), m.start(), m.end()))
    return toks


@dataclass(frozen=True)
class TokEdit:
    i1: int
    i2: int
    new: tuple
    char_start: int  # span of the replaced tokens in the original text
    char_end: int


def token_edits(original: str, changed: str) -> list[TokEdit]:
    a, b = tokenize(original), tokenize(changed)
    sm = SequenceMatcher(None, [t.form for t in a], [t.form for t in b], autojunk=False)
    edits = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            continue
        if i1 < i2:
            cs, ce = a[i1].start, a[i2 - 1].end
        else:  # insertion before token i1 (or at the end)
            cs = ce = a[i1].start if i1 < len(a) else len(original)
        edits.append(TokEdit(i1, i2, tuple(t.form for t in b[j1:j2]), cs, ce))
    return edits


def unscored_regions(items: list[dict]) -> list[tuple[int, int]]:
    return [(it["start"], it["end"]) for it in items
            if it["fix"] is None or it["optional"] or it["within"] is not None]


def _inside(e: TokEdit, regions) -> bool:
    return any(s <= e.char_start and e.char_end <= t for s, t in regions)


def fix_scores(original: str, system_fixed: str, items: list[dict]) -> dict:
    regions = unscored_regions(items)
    sys_e = {(e.i1, e.i2, e.new) for e in token_edits(original, system_fixed) if not _inside(e, regions)}
    gold_e = {(e.i1, e.i2, e.new) for e in token_edits(original, apply_gold(original, items)) if not _inside(e, regions)}
    return {"system_edits": len(sys_e), "gold_edits": len(gold_e), "tp": len(sys_e & gold_e)}


def prf(tp: int, n_sys: int, n_gold: int, beta: float = 0.5) -> tuple[float, float, float]:
    p = tp / n_sys if n_sys else 1.0
    r = tp / n_gold if n_gold else 1.0
    f = (1 + beta**2) * p * r / (beta**2 * p + r) if p + r else 0.0
    return p, r, f


# -- "fix changes nothing outside gold" --------------------------------------
GAP_SLACK = 8  # characters a repaired region may grow beyond the original or the gold fix


def changes_outside_gold(original: str, fixed: str, items: list[dict]) -> list[str]:
    """Problems, as readable lines; [] when every change lies in a gold span.

    The original is cut into kept segments (everything outside the top-level gold
    spans). `fixed` must contain them, whitespace at their edges aside, in order;
    what stands between two of them (the repaired gold region) may be anything no
    longer than the original region or its gold fix, plus GAP_SLACK characters.
    The bound stops a region from "absorbing" kept text, which a duplicated line
    would otherwise allow. Where a segment cannot be placed, the token edits that
    touch it are listed.
    """
    merged = []
    for it in top_level(items):
        if merged and it["start"] <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], it["end"])
        else:
            merged.append([it["start"], it["end"]])
    kept, pos = [], 0
    for s, e in merged:
        kept.append((pos, s))
        pos = e
    kept.append((pos, len(original)))
    # cores: kept segments without their edge whitespace, with where they sit in original and gold text
    cores = []
    for s, e in kept:
        core = original[s:e].strip()
        if core:
            cs = s + original[s:e].index(core)
            cores.append((core, cs, cs + len(core)))

    def allowed(prev_end_orig: int, next_start_orig: int) -> int:
        orig_gap = next_start_orig - prev_end_orig
        g0 = len(apply_gold(original[:prev_end_orig], [i for i in items if i["end"] <= prev_end_orig]))
        g1 = len(apply_gold(original[:next_start_orig], [i for i in items if i["end"] <= next_start_orig]))
        return max(orig_gap, g1 - g0) + GAP_SLACK

    feasible = {0: None}  # end position in `fixed` -> (unused) ; start of text
    prev_orig_end = 0
    for n, (core, cs, ce) in enumerate(cores):
        limit = allowed(prev_orig_end, cs)
        nxt = {}
        lo = min(feasible)
        i = fixed.find(core, lo)
        while i != -1:
            if any(e <= i <= e + limit for e in feasible):
                nxt[i + len(core)] = None
            if i > max(feasible) + limit:
                break
            i = fixed.find(core, i + 1)
        if not nxt:
            problems = [f"kept text changed, moved or swallowed: {_short(core)!r} (original {cs}-{ce})"]
            for ed in token_edits(original, fixed):
                if overlaps(ed.char_start, ed.char_end, cs, ce):
                    old = original[ed.char_start:ed.char_end]
                    ctx = original[max(0, ed.char_start - 30):ed.char_end + 30].replace("\n", "⏎")
                    problems.append(f"  edit at {ed.char_start}: {old!r} -> {''.join(ed.new)!r}   …{ctx}…")
            return problems
        feasible, prev_orig_end = nxt, ce
    limit = allowed(prev_orig_end, len(original))
    if not any(len(fixed) - e <= limit for e in feasible):
        tail = fixed[min(feasible):]
        return [f"text added at the end: {_short(tail)!r}"]
    return []


def _short(s: str, n: int = 70) -> str:
    return s if len(s) <= n else s[: n // 2] + " … " + s[-n // 2:]


# -- the benchmark ------------------------------------------------------------
def detection(findings_by_seed: dict, gold_by_seed: dict) -> dict:
    rows = {c: {"gold": 0, "gold_optional": 0, "found": 0, "tp": 0, "gold_hit": 0} for c in CATEGORIES}
    for name, items in gold_by_seed.items():
        findings = findings_by_seed[name]
        for it in items:
            row = rows[it["category"]]
            row["gold_optional" if it["optional"] else "gold"] += 1
            hit = any(f.category == it["category"] and overlaps(f.start, f.end, it["start"], it["end"])
                      for f in findings)
            if hit and not it["optional"]:
                row["gold_hit"] += 1
        for f in findings:
            row = rows.setdefault(f.category, {"gold": 0, "gold_optional": 0, "found": 0, "tp": 0, "gold_hit": 0})
            row["found"] += 1
            if any(it["category"] == f.category and overlaps(f.start, f.end, it["start"], it["end"]) for it in items):
                row["tp"] += 1
    for row in rows.values():
        row["precision"] = row["tp"] / row["found"] if row["found"] else None
        row["recall"] = row["gold_hit"] / row["gold"] if row["gold"] else None
    return rows


def throughput(cleaner, texts: list[str], repeat: int) -> dict:
    import ftfy

    size_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6

    def best(fn) -> float:
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            for t in texts:
                fn(t)
            times.append(time.perf_counter() - t0)
        return min(times)

    res = {"mb": size_mb, "documents": len(texts), "repeat": repeat}
    for label, fn in (("ftfy.fix_text", ftfy.fix_text), ("Cleaner.detect", cleaner.detect),
                      ("Cleaner.fix", cleaner.fix)):
        secs = best(fn)
        res[label] = {"seconds": secs, "mb_per_s": size_mb / secs}
    base = res["ftfy.fix_text"]["mb_per_s"]
    for label in ("ftfy.fix_text", "Cleaner.detect", "Cleaner.fix"):
        res[label]["ratio_to_ftfy"] = res[label]["mb_per_s"] / base
    return res


def _fmt(x) -> str:
    return "   -" if x is None else f"{x:4.2f}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--select", default=None, help="rule ids/prefixes/categories, comma-separated")
    ap.add_argument("--min-confidence", type=float, default=0.8)
    ap.add_argument("--mb", type=float, default=2.0, help="size of the speed corpus")
    ap.add_argument("--repeat", type=int, default=3, help="best of N for timings")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--show", action="store_true", help="list unmatched gold items and false findings")
    args = ap.parse_args(argv)

    from cleanmt.engine import Cleaner

    cleaner = Cleaner(select=args.select.split(",") if args.select else None, min_confidence=args.min_confidence)
    names = seed_names()
    texts = {n: read_seed(n) for n in names}
    gold = {n: load_gold(n) for n in names}
    findings = {n: cleaner.detect(texts[n]) for n in names}
    fixed = {n: cleaner.fix(texts[n]).fixed for n in names}

    det = detection(findings, gold)
    fx = {"system_edits": 0, "gold_edits": 0, "tp": 0}
    per_seed = {}
    for n in names:
        s = fix_scores(texts[n], fixed[n], gold[n])
        outside = changes_outside_gold(texts[n], fixed[n], gold[n])
        per_seed[n] = {**s, "changes_outside_gold": outside}
        for k in fx:
            fx[k] += s[k]
    p, r, f05 = prf(fx["tp"], fx["system_edits"], fx["gold_edits"])
    fx.update(precision=p, recall=r, f05=f05)

    print(f"Seed benchmark: {len(names)} seeds, min_confidence={args.min_confidence}"
          + (f", select={args.select}" if args.select else ""))
    print()
    print(f"{'category':<16}{'gold':>6}{'+opt':>6}{'found':>7}{'TP':>5}{'P':>7}{'R':>7}")
    tot = {"gold": 0, "gold_optional": 0, "found": 0, "tp": 0, "gold_hit": 0}
    for cat, row in det.items():
        print(f"{cat:<16}{row['gold']:>6}{row['gold_optional']:>6}{row['found']:>7}{row['tp']:>5}"
              f"{_fmt(row['precision']):>7}{_fmt(row['recall']):>7}")
        for k in tot:
            tot[k] += row[k]
    tp_all = tot["tp"] / tot["found"] if tot["found"] else None
    r_all = tot["gold_hit"] / tot["gold"] if tot["gold"] else None
    print(f"{'all':<16}{tot['gold']:>6}{tot['gold_optional']:>6}{tot['found']:>7}{tot['tp']:>5}"
          f"{_fmt(tp_all):>7}{_fmt(r_all):>7}")
    print("(TP = findings overlapping a gold item of their category; R = required gold items found)")
    print()
    print(f"fix token edits: system {fx['system_edits']}, gold {fx['gold_edits']}, TP {fx['tp']}  "
          f"P {fx['precision']:.2f}  R {fx['recall']:.2f}  F0.5 {fx['f05']:.2f}")
    n_out = sum(bool(v["changes_outside_gold"]) for v in per_seed.values())
    print(f"seeds where fix changed text outside gold spans: {n_out} of {len(names)}")
    for n, v in per_seed.items():
        for line in v["changes_outside_gold"]:
            print(f"  {n}: {line}")

    if args.show:
        print()
        for n in names:
            for it in gold[n]:
                if not any(f.category == it["category"] and overlaps(f.start, f.end, it["start"], it["end"])
                           for f in findings[n]):
                    tag = " (optional)" if it["optional"] else ""
                    print(f"  missed {n[:3]} {it['category']:<15} {it['text'][:60]!r}{tag}")
            for f in findings[n]:
                if not any(it["category"] == f.category and overlaps(f.start, f.end, it["start"], it["end"])
                           for it in gold[n]):
                    print(f"  false  {n[:3]} {f.rule:<7} {f.category:<15} {f.text[:60]!r} -> {f.replacement!r}")

    speed = None
    if not args.no_speed:
        docs, size, target = [], 0, args.mb * 1e6
        while size < target:
            for n in names:
                docs.append(texts[n])
                size += len(texts[n].encode("utf-8"))
        speed = throughput(cleaner, docs, args.repeat)
        print()
        print(f"speed on {speed['mb']:.2f} MB ({speed['documents']} documents), best of {args.repeat}:")
        for label in ("ftfy.fix_text", "Cleaner.detect", "Cleaner.fix"):
            s = speed[label]
            print(f"  {label:<15}{s['mb_per_s']:8.2f} MB/s   x{s['ratio_to_ftfy']:.2f} of ftfy")

    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "seed_benchmark.json").write_text(json.dumps({
        "min_confidence": args.min_confidence, "select": args.select,
        "detection": det, "fix": fx, "per_seed": per_seed, "speed": speed,
    }, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
