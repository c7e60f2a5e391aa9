"""Probe of the French, Spanish and German targets: recall on short news texts written for
this probe (benchmarks/data/targets_probe/p_*.gold, the dev set's {{WRONG|FIX|CATEGORY|TIER}}
markup) and findings on clean controls in the same languages (c_*.txt: every finding is a
false alarm). None of the text comes from ../shared/dev.

    python benchmarks/targets_probe.py [--show]
"""
from __future__ import annotations

import argparse
import re
from pathlib import Path

from cleanmt.engine import Cleaner

DATA = Path(__file__).parent / "data" / "targets_probe"
SPAN = re.compile(r"\{\{([^|{}]*)\|([^|{}]*)\|([a-z]+)\|(core|hard)\}\}")


def parse(marked: str):
    """(raw text, [(start, end, wrong, fix, category)])."""
    raw, spans, pos = [], [], 0
    for m in SPAN.finditer(marked):
        raw.append(marked[pos:m.start()])
        start = sum(map(len, raw))
        raw.append(m.group(1))
        spans.append((start, start + len(m.group(1)), m.group(1), m.group(2), m.group(3)))
        pos = m.end()
    raw.append(marked[pos:])
    return "".join(raw), spans


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    total_found = total = false = 0
    for path in sorted(DATA.glob("*.*")):
        lang = path.stem.split("_")[1][:2]
        cleaner = Cleaner(lang=lang, min_confidence=0.0)
        if path.suffix == ".txt":
            findings = cleaner.detect(path.read_text(encoding="utf-8"))
            false += len(findings)
            print(f"{path.name}: {len(findings)} findings on clean text")
            for f in findings if args.show else ():
                print(f"   FALSE {f.rule} {f.text!r} -> {f.replacement!r}")
            continue
        raw, spans = parse(path.read_text(encoding="utf-8"))
        findings = cleaner.detect(raw)
        found = 0
        for s, e, wrong, fix, cat in spans:
            hit = [f for f in findings if f.start < e and s < f.end]
            found += bool(hit)
            if args.show and not hit:
                print(f"   MISS {cat}: {wrong!r} -> {fix!r}")
        extra = [f for f in findings if not any(f.start < e and s < f.end for s, e, *_ in spans)]
        false += len(extra)
        for f in extra if args.show else ():
            print(f"   FALSE {f.rule} {f.text!r} -> {f.replacement!r}")
        print(f"{path.name}: {found}/{len(spans)} found, {len(extra)} outside gold")
        total_found += found
        total += len(spans)
    print(f"all: {total_found}/{total} found, {false} false alarms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
