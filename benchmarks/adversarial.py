"""Adversarial inputs: does detect's cost grow with its input, and no faster?

Each generator builds a text of about N bytes that is hard for some rule (a long line
of repeated mojibake, thousands of "M. Durand" lines, a caption with a run of spaces,
photo credits, doubled punctuation, a multi-megabyte single line, ...). The benchmark
times `Cleaner().detect` (and `fix` with --fix) on each at 10 KB, 100 KB and 1 MB and
prints the growth ratio per 10x input (each time is the CPU time of the fastest of
three runs, or of those that fit in ten seconds). Linear work grows ~10x; the target is <= 12x
for every generator. Each generator runs in its own process (warmed once) with a time
limit per size, so a superlinear case reports "> LIMIT" instead of hanging the benchmark.

    python benchmarks/adversarial.py [--sizes 10000,100000,1000000] [--limit 60] [--only NAME] [--fix]

Prints a table and writes benchmarks/results/adversarial.json.
"""
from __future__ import annotations

import argparse
import gc
import json
import multiprocessing
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent


def _fill(unit: str, n: int) -> str:
    """`unit` repeated to about n UTF-8 bytes."""
    k = max(1, n // len(unit.encode("utf-8")))
    return unit * k


NEWS = ("The minister said on Monday that the plan would cost 40 million euros, "
        "and the opposition called it \u201ca gift to the banks\u201d. ")

def _seeds() -> str:
    return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))


# "“¡Qué día!” — dijo él" read as Windows-1252 twice and lower-cased: ftfy cannot decode it
_GARBLE = "\u201c\u00a1Qu\u00e9 d\u00eda!\u201d \u2014 dijo \u00e9l".encode("utf-8").decode("cp1252", "replace")
_GARBLE = _GARBLE.encode("utf-8").decode("cp1252", "replace").lower()

GENERATORS: dict[str, Callable[[int], str]] = {
    # the five seed articles, full of real artifacts, repeated; and all of it on one line
    "seeds": lambda n: _fill(_seeds() + "\n\n", n),
    "seeds_one_line": lambda n: _fill(" ".join(_seeds().split()) + " ", n),
    # ENC001: one long line of mojibake, each word repaired (difflib per line)
    "mojibake_line": lambda n: _fill("caf\u00c3\u00a9 ", n) + "\n",
    # UNT001: honorific-like list markers, one per line
    "durand_lines": lambda n: _fill("M. Durand left.\n", n),
    # UNT001 without the line start: each one asks for evidence elsewhere
    "durand_inline": lambda n: _fill("Then M. Durand left. ", n) + "\n",
    # BLP006: a caption, its credit, then a long run of spaces before more text
    "credit_spaces": lambda n: "Rescuers search the rubble. Photo: AFP" + " " * n + "x\n",
    "credit_trailing": lambda n: "Rescuers search the rubble. Photo: AFP" + " " * n + "\n",
    # BLP006: many captions with credits
    "photo_credits": lambda n: _fill("Rescuers search the rubble. Photo: AFP / JOHN SMITH\n\n", n),
    # PUN003: doubled punctuation over one long line
    "doubled_punct": lambda n: _fill("It rose. , and fell, , then. . ", n) + "\n",
    # one single line of ordinary news text (no newline at all)
    "single_line": lambda n: _fill(NEWS, n),
    # a breadcrumb before a long "headline" that nearly recurs (difflib in BLP001)
    "crumb_headline": lambda n: "Home News " + _fill("word ", n // 2) + "\n\n" + _fill("word ", n // 2) + "x\n",
    # ordinary news in paragraphs (the linear baseline)
    "news_paragraphs": lambda n: _fill(NEWS + "\n\n", n),
    # many very short lines, many blank lines
    "short_lines": lambda n: _fill("a\n\n", n),
    # quotes and brackets that never close
    "open_quotes": lambda n: _fill("\u201c\u00ab (\" [", n) + "\n",
    # capitalised words without end (names, casing rules)
    "capitals": lambda n: _fill("Jean Durand Paris Lyon ", n) + "\n",
    # spinner phrases everywhere (many findings)
    "spinner": lambda n: _fill("Riots once morest the regime. ", n) + "\n",
    # a run of one repeated non-ASCII letter
    "accent_run": lambda n: _fill("\u00e9", n) + "\n",
    # colons without end (labels, credits, headers)
    "colons": lambda n: _fill("Photo: : Source: ", n) + "\n",
    # CRLF line ends
    "crlf_lines": lambda n: _fill("Mr Durand left. M. Dupont stayed.\r\n", n),
    # ENC001 where no run decodes alone: "Ã " is "à" only beside other mojibake (the line's change)
    "mojibake_lone_a": lambda n: _fill("Served \u00c3 la carte, \u00c3 la mode, \u00c3 la minute. "
                                       "r\u00c3\u00a9sum\u00c3\u00a9 ", n) + "\n",
    # ENC001 lossy repairs ("â€?" for a lost closing quote), many on one line
    "mojibake_lossy": lambda n: _fill("He said \u00e2\u20ac\u0153no\u00e2\u20ac? and left. ", n) + "\n",
    # the mojibake shield: an undecodable garble beside punctuation the rules want to edit
    "garble_punct": lambda n: _fill(_GARBLE + " , x . . ", n) + "\n",
    # ENC001 over paragraphs of mojibake news
    "mojibake_paragraphs": lambda n: _fill(NEWS.encode("utf-8").decode("cp1252", "replace") + "\n\n", n),
}


RUNS = 3


def _child(name: str, sizes: list[int], fix: bool, conn) -> None:
    from cleanmt.engine import Cleaner

    cleaner = Cleaner()
    for r in cleaner.rules:  # warm: lexicons, word lists, compiled patterns
        for text, _ in r.bad:
            cleaner.detect(text)
    gc.collect()
    gc.freeze()  # the warm heap (lexicons, word lists) is not the input's: keep it out of each collection
    conn.send("warm")
    run = cleaner.fix if fix else cleaner.detect
    for size in sizes:
        text = GENERATORS[name](size)
        best, spent = float("inf"), 0.0
        for _ in range(RUNS):  # the fastest of a few runs at every size: steadier on a busy machine
            t0 = time.process_time()  # CPU time: on a shared machine wall time measures the neighbours
            run(text)
            took = time.process_time() - t0
            best, spent = min(best, took), spent + took
            if spent > 10.0:
                break
        conn.send(best)


def measure(name: str, sizes: list[int], limit: float, fix: bool) -> list[float | None]:
    """Seconds for one call at each size (one process, warmed once), None from the
    first size that ran past `limit`."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    p = ctx.Process(target=_child, args=(name, sizes, fix, child))
    p.start()
    child.close()
    times: list[float | None] = []
    if parent.poll(300):
        parent.recv()  # warmed up
        for _ in sizes:
            if not parent.poll(limit * (RUNS + 1)):
                break
            t = parent.recv()
            if t > limit:
                break
            times.append(t)
    p.kill()
    p.join()
    return times + [None] * (len(sizes) - len(times))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,100000,1000000", help="input sizes in bytes (default 10 KB, 100 KB, 1 MB)")
    ap.add_argument("--limit", type=float, default=60.0, help="seconds one measurement may take (default 60)")
    ap.add_argument("--only", action="append", help="run only this generator (repeatable)")
    ap.add_argument("--fix", action="store_true", help="time fix instead of detect")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    names = args.only or list(GENERATORS)
    rows = []
    print(f"{'generator':<18}" + "".join(f"{s // 1000:>9} KB" for s in sizes) + "   growth per 10x")
    for name in names:
        times = measure(name, sizes, args.limit, args.fix)
        ratios = []
        for (s0, t0), (s1, t1) in zip(zip(sizes, times), zip(sizes[1:], times[1:])):
            if t0 is None or t1 is None:
                ratios.append(None)
            else:  # per 10x input, whatever the step between the sizes
                import math

                ratios.append((max(t1, 1e-4) / max(t0, 1e-4)) ** (1 / math.log10(s1 / s0)))
        cells = "".join(f"{t * 1000:>9.0f}ms" if t is not None else f"{'>' + str(int(args.limit)) + 's':>11}"
                        for t in times)
        growth = "  ".join(f"{r:5.1f}x" if r is not None else "    ?" for r in ratios)
        worst = max((r for r in ratios if r is not None), default=None)
        flag = "" if worst is not None and worst <= 12 and None not in times else "  <-- superlinear"
        print(f"{name:<18}{cells}   {growth}{flag}", flush=True)
        rows.append({"generator": name, "sizes": sizes, "seconds": times, "growth_per_10x": ratios})
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "adversarial.json").write_text(json.dumps({"fix": args.fix, "rows": rows}, indent=1) + "\n")


if __name__ == "__main__":
    main()
