"""Generalisation probe: recall per category on short paragraphs written for it, in the
style of machine-translated news from source languages neither the seeds nor the dev set
use (Polish, Turkish, Japanese, Arabic, Portuguese, Italian, Dutch, Russian via German).

The files in benchmarks/data/probe/ use the dev set's markup, `{{WRONG|FIX|CATEGORY|TIER}}`
(see ../shared/dev/README.md), written from scratch: no dev or seed sentence. They are
small on purpose: a probe of where detection stops generalising, not a score to tune to.
Scored as benchmarks/dev_benchmark.py scores the dev set (evaluate, render).

    python benchmarks/probe_benchmark.py [--show]
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dev_benchmark import evaluate, render  # noqa: E402

PROBE = Path(__file__).resolve().parent / "data" / "probe"
SPAN = re.compile(r"\{\{([^|{}\n]+)\|([^|{}\n]*)\|([a-z]+)\|(core|hard)\}\}")


def parse(marked: str) -> tuple[str, list[dict]]:
    """The raw text and its gold spans (start, end, wrong, fix, category, tier)."""
    raw, spans, pos = [], [], 0
    n = 0
    for m in SPAN.finditer(marked):
        raw.append(marked[pos:m.start()])
        n += len(marked[pos:m.start()])
        wrong, fix, category, tier = m.groups()
        spans.append(dict(start=n, end=n + len(wrong), wrong=wrong, fix=fix, category=category, tier=tier))
        raw.append(wrong)
        n += len(wrong)
        pos = m.end()
    raw.append(marked[pos:])
    return "".join(raw), spans


def load(folder: Path = PROBE) -> list[dict]:
    docs = []
    for path in sorted(folder.glob("*.gold")):
        raw, spans = parse(path.read_text(encoding="utf-8"))
        docs.append(dict(name=path.stem, lang="en", raw=raw, spans=spans))
    return docs


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--show", action="store_true", help="list the misses and false alarms")
    args = ap.parse_args(argv)
    result = evaluate(load())
    print(render(result))
    if args.show:
        print("\nmisses:")
        for m in result["misses"]:
            print(f"  {m['doc']} {m['category']}/{m['tier']}: {m['wrong']!r} -> {m['fix']!r} got={m['got']}")
        print("\nfalse alarms:")
        for f in result["false_alarms"]:
            print(f"  {f['doc']} {f['rule']}: {f['text']!r} -> {f['replacement']!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
