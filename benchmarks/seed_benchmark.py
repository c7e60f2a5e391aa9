"""Seed benchmark: cleanmt against the hand-made gold of the five seed documents.

Reports, per category, detection precision/recall (a finding matches a gold item
when the category is the same and the spans overlap), token-edit precision/recall/
F0.5 of `fix` against the gold-fixed text (GEC convention), a check that `fix`
changed nothing outside gold spans, and the throughput of Cleaner.detect,
Cleaner.fix and ftfy.fix_text on the same ~2 MB of text.
Writes benchmarks/results/seed_benchmark.json (seed_benchmark_corpus.json with --corpus).

    python benchmarks/seed_benchmark.py [--select RULES] [--mb 2] [--repeat 3] [--no-speed] [--show]

Conventions (see seeds/gold/README.md for the gold format):
- Recall counts required gold items only; a finding that matches an optional item
  is still a true positive (optional = a careful editor might leave it alone).
- Tokens are words, single punctuation marks and whitespace runs (every run is the
  same token, so "capital , where" -> "capital, where" is an edit, while a line
  deleted with the breaks before it or after it is the same edit).
- Edits are difflib changes over those tokens: (orig_start, orig_end, new_tokens);
  TP = edits in both the system set and the gold set. Before diffing, the system
  output is aligned to the original through the text outside gold spans, and each
  gold region is diffed on its own (a whole-document diff is used only when `fix`
  changed text outside the gold). Changes separated by whitespace inside one gold
  item form one edit; deletions running over several gold items count once per item.
- Edits lying inside a gold item with no single fix (fix null), an optional item,
  or an item nested in a deletion are left out of both sets: there the gold has no
  one right answer.
- Speed: the seeds are repeated as separate documents up to --mb megabytes of
  UTF-8; each tool processes every document; best of --repeat runs.
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
TOKEN_RE = re.compile(r"\w+|[^\w\s]|\s+")
SPACE = "␣"  # every whitespace run is one token, whatever it holds


@dataclass(frozen=True)
class Tok:
    form: str
    start: int
    end: int


def tokenize(text: str) -> list[Tok]:
    """Words, single punctuation marks, and whitespace runs (all written SPACE)."""
    return [Tok(SPACE if m.group().isspace() else m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


@dataclass(frozen=True)
class TokEdit:
    i1: int
    i2: int
    new: tuple
    char_start: int  # the replaced tokens in the original text, whitespace at the edges left out
    char_end: int


def token_edits(original: str, changed: str, offset: int = 0, items=()) -> list[TokEdit]:
    """Token edits `original` -> `changed` from difflib; char offsets shifted by `offset`.

    `items` (gold items, offsets into the full text) keep edits apart the way an
    annotator would: changes separated only by kept whitespace merge into one edit
    ("once morest" -> "against") unless the whitespace lies between two gold items,
    and a deletion that runs over several gold items is split into one per item,
    with the whitespace at its edges trimmed (a line can be deleted with the breaks
    before or after it; both count as the same edit).
    """
    a, b = tokenize(original), tokenize(changed)

    def label(i: int):
        if not 0 <= i < len(a):
            return None
        s, e = a[i].start + offset, a[i].end + offset
        for it in items:
            if it["within"] is None and it["start"] <= s and e <= it["end"]:
                return it["id"]
        return None

    sm = SequenceMatcher(None, [t.form for t in a], [t.form for t in b], autojunk=False)
    ops = sm.get_opcodes()
    groups: list[list[int]] = []  # [i1, i2, j1, j2] of merged changes
    open_group = False
    for k, (op, i1, i2, j1, j2) in enumerate(ops):
        if op == "equal":
            g = groups[-1] if open_group else None
            bridge = False
            if g is not None and k < len(ops) - 1 and all(t.form == SPACE for t in a[i1:i2]):
                # whitespace kept between two changes joins them unless the changes
                # sit in two different gold items (an insertion's item is unknown
                # unless the token it precedes lies in one)
                n1, n2 = ops[k + 1][1], ops[k + 1][2]
                left = label(g[1] - 1) if g[0] < g[1] else None
                right = label(n1) if n1 < n2 or label(n1) is not None else None
                bridge = left is None or right is None or left == right
            if bridge:
                g[1], g[3] = i2, j2
            else:
                open_group = False
        elif open_group:
            groups[-1][1], groups[-1][3] = i2, j2
        else:
            groups.append([i1, i2, j1, j2])
            open_group = True
    pieces = []
    for i1, i2, j1, j2 in groups:
        if j1 < j2 or not any(a[i].form != SPACE for i in range(i1, i2)):
            pieces.append((i1, i2, j1, j2))
            continue
        start = i1  # a deletion with words: one piece per gold item, edges trimmed
        for i in range(i1 + 1, i2 + 1):
            if i == i2 or label(i) != label(start):
                lo, hi = start, i
                while lo < hi and a[lo].form == SPACE:
                    lo += 1
                while hi > lo and a[hi - 1].form == SPACE:
                    hi -= 1
                if lo < hi:
                    pieces.append((lo, hi, j1, j1))
                start = i
    edits = []
    for i1, i2, j1, j2 in pieces:
        words = [t for t in a[i1:i2] if t.form != SPACE] or a[i1:i2]
        if words:
            cs, ce = words[0].start, words[-1].end
        else:  # insertion before token i1 (or at the end)
            cs = ce = a[i1].start if i1 < len(a) else len(original)
        edits.append(TokEdit(i1, i2, tuple(t.form for t in b[j1:j2]), cs + offset, ce + offset))
    return edits


def unscored_regions(items: list[dict]) -> list[tuple[int, int]]:
    return [(it["start"], it["end"]) for it in items
            if it["fix"] is None or it["optional"] or it["within"] is not None]


def _inside(e: TokEdit, regions) -> bool:
    return any(s <= e.char_start and e.char_end <= t for s, t in regions)


def fix_scores(original: str, system_fixed: str, items: list[dict]) -> dict:
    """Token edits of `fix` against the gold, counted region by region.

    The system output is first aligned to the original through the text no gold
    span touches (see align_to_gold); each gold region is then diffed on its own,
    so a deletion elsewhere cannot shift the alignment. If the output changed text
    outside the gold, the whole document is diffed instead.
    """
    regions = unscored_regions(items)
    problems, gaps = align_to_gold(original, system_fixed, items)
    gold_fixed = apply_gold(original, items)
    sys_e, gold_e = {}, {}
    if problems:
        for e in token_edits(original, system_fixed, 0, items):
            sys_e[("doc", e.i1, e.i2, e.new)] = e
        for e in token_edits(original, gold_fixed, 0, items):
            gold_e[("doc", e.i1, e.i2, e.new)] = e
    else:
        for n, (os_, oe, fs, fe) in enumerate(gaps):
            inner = [it for it in items if os_ <= it["start"] and it["end"] <= oe]
            shifted = [{**it, "start": it["start"] - os_, "end": it["end"] - os_} for it in inner]
            sub = original[os_:oe]
            for e in token_edits(sub, system_fixed[fs:fe], os_, items):
                sys_e[(n, e.i1, e.i2, e.new)] = e
            for e in token_edits(sub, apply_gold(sub, shifted), os_, items):
                gold_e[(n, e.i1, e.i2, e.new)] = e
    sys_e = {k: e for k, e in sys_e.items() if not _inside(e, regions)}
    gold_e = {k: e for k, e in gold_e.items() if not _inside(e, regions)}
    show = lambda e: (original[e.char_start:e.char_end], "".join(e.new).replace(SPACE, " "))  # noqa: E731
    return {"system_edits": len(sys_e), "gold_edits": len(gold_e), "tp": len(sys_e.keys() & gold_e.keys()),
            "system_only": [show(e) for k, e in sys_e.items() if k not in gold_e],
            "gold_only": [show(e) for k, e in gold_e.items() if k not in sys_e]}


def prf(tp: int, n_sys: int, n_gold: int, beta: float = 0.5) -> tuple[float, float, float]:
    p = tp / n_sys if n_sys else 1.0
    r = tp / n_gold if n_gold else 1.0
    f = (1 + beta**2) * p * r / (beta**2 * p + r) if p + r else 0.0
    return p, r, f


# -- "fix changes nothing outside gold" --------------------------------------
GAP_SLACK = 8  # characters a repaired region may grow beyond the original or the gold fix


def align_to_gold(original: str, fixed: str, items: list[dict]):
    """Place the text outside gold spans in `fixed`: (problems, gaps).

    The original is cut into kept segments (everything outside the top-level gold
    spans). `fixed` must contain them, whitespace at their edges aside, in order;
    what stands between two of them (a repaired gold region) may be anything no
    longer than the original region or its gold fix, plus GAP_SLACK characters.
    The bound stops a region from "absorbing" kept text, which a duplicated line
    would otherwise allow. `gaps` are (orig_start, orig_end, fixed_start, fixed_end)
    for every region between placed segments; `problems` lists, readably, where
    the placing failed and the token edits there ([] when every change lies in a
    gold span).
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
    cores = []  # kept segments without their edge whitespace: (text, orig_start, orig_end)
    for s, e in kept:
        core = original[s:e].strip()
        if core:
            cs = s + original[s:e].index(core)
            cores.append((core, cs, cs + len(core)))

    def gold_len(upto: int) -> int:
        return len(apply_gold(original[:upto], [i for i in items if i["end"] <= upto]))

    def allowed(o_start: int, o_end: int) -> int:
        return max(o_end - o_start, gold_len(o_end) - gold_len(o_start)) + GAP_SLACK

    layers = [{0: None}]  # per placed core: fixed end position -> (fixed start, previous end)
    prev_orig_end = 0
    for core, cs, ce in cores:
        limit, feasible, nxt = allowed(prev_orig_end, cs), layers[-1], {}
        ends = sorted(feasible)
        i = fixed.find(core, ends[0])
        while i != -1 and i <= ends[-1] + limit:
            glued = (core[0].isalnum() and i > 0 and fixed[i - 1].isalnum()) or (
                core[-1].isalnum() and i + len(core) < len(fixed) and fixed[i + len(core)].isalnum())
            for e in ([] if glued else ends):
                if e <= i <= e + limit:
                    nxt.setdefault(i + len(core), (i, e))
                    break
            i = fixed.find(core, i + 1)
        if not nxt:
            problems = [f"kept text changed, moved or swallowed: {_short(core)!r} (original {cs}-{ce})"]
            for ed in token_edits(original, fixed):
                if overlaps(ed.char_start, ed.char_end, cs, ce):
                    old = original[ed.char_start:ed.char_end]
                    ctx = original[max(0, ed.char_start - 30):ed.char_end + 30].replace("\n", "⏎")
                    new = "".join(ed.new).replace(SPACE, " ")
                    problems.append(f"  edit at {ed.char_start}: {old!r} -> {new!r}   …{ctx}…")
            return problems, []
        layers.append(nxt)
        prev_orig_end = ce
    limit = allowed(prev_orig_end, len(original))
    last = [e for e in layers[-1] if len(fixed) - e <= limit]
    if not last:
        return [f"text added at the end: {_short(fixed[min(layers[-1]):])!r}"], []
    # walk back through the layers to the positions used
    spans, end = [], min(last)
    for layer in reversed(layers[1:]):
        start, prev = layer[end]
        spans.append((start, end))
        end = prev
    spans.reverse()
    gaps, o_prev, f_prev = [], 0, 0
    for (core, cs, ce), (fs, fe) in zip(cores, spans):
        gaps.append((o_prev, cs, f_prev, fs))
        o_prev, f_prev = ce, fe
    gaps.append((o_prev, len(original), f_prev, len(fixed)))
    return [], [g for g in gaps if g[0] < g[1] or g[2] < g[3]]


def changes_outside_gold(original: str, fixed: str, items: list[dict]) -> list[str]:
    """[] when every change `fix` made lies inside a gold span; else readable problems."""
    return align_to_gold(original, fixed, items)[0]


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
    ap.add_argument("--corpus", action="store_true",
                    help="corpus mode: one name table over all five seeds (as `cleanmt fix --corpus`)")
    args = ap.parse_args(argv)

    from cleanmt.engine import Cleaner
    from cleanmt.names import build_name_table

    names = seed_names()
    texts = {n: read_seed(n) for n in names}
    corpus = build_name_table(list(texts.values())) if args.corpus else None
    cleaner = Cleaner(select=args.select.split(",") if args.select else None, min_confidence=args.min_confidence,
                      corpus=corpus)
    gold = {n: load_gold(n) for n in names}
    findings = {n: cleaner.detect(texts[n]) for n in names}
    fixed = {n: cleaner.fix(texts[n]).fixed for n in names}

    det = detection(findings, gold)
    fx = {"system_edits": 0, "gold_edits": 0, "tp": 0}
    unmatched = {}
    per_seed = {}
    for n in names:
        s = fix_scores(texts[n], fixed[n], gold[n])
        outside = changes_outside_gold(texts[n], fixed[n], gold[n])
        per_seed[n] = {**s, "changes_outside_gold": outside}
        unmatched[n] = (s.pop("system_only"), s.pop("gold_only"))
        for k in fx:
            fx[k] += s[k]
    p, r, f05 = prf(fx["tp"], fx["system_edits"], fx["gold_edits"])
    fx.update(precision=p, recall=r, f05=f05)

    print(f"Seed benchmark: {len(names)} seeds, min_confidence={args.min_confidence}"
          + (", corpus mode" if args.corpus else "")
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
        print()
        for n in names:
            sys_only, gold_only = unmatched[n]
            for old_text, new_text in sys_only:
                print(f"  fix edit not in gold   {n[:3]} {old_text[:50]!r} -> {new_text[:50]!r}")
            for old_text, new_text in gold_only:
                print(f"  gold edit not made     {n[:3]} {old_text[:50]!r} -> {new_text[:50]!r}")

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
    (RESULTS / ("seed_benchmark_corpus.json" if args.corpus else "seed_benchmark.json")).write_text(json.dumps({
        "min_confidence": args.min_confidence, "select": args.select,
        "detection": det, "fix": fx, "per_seed": per_seed, "speed": speed,
    }, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
