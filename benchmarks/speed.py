"""Speed and memory: cleanmt next to ftfy on the same text, every row of issue 13 in one run.

Rows (CPU seconds throughout: the machines are shared, and wall time measures the
neighbours; MB means 10**6 bytes of UTF-8):

- per document, warm: Cleaner.detect / Cleaner.fix / ftfy.fix_text over the seeds and
  lee_background.cor's articles, one document per call, the fastest of --repeat passes;
  ftfy with uncurl_quotes=False is the peer (cleanmt leaves curly quotes alone too), ftfy
  with its defaults beside it;
- per document, cold: documents never seen before, met once each: sentences shuffled
  across articles, and every name and number varied (seeded), so neither a per-word
  nor a per-document cache can help;
- published layout: the warm row on the articles laid out as news sites publish them
  (corpora.as_published: paragraphs, curly quotes and apostrophes);
- one big file: `cleanmt fix FILE -o OUT` as a process on one file of --big-mb MB (seeds +
  lee + reshuffled variants, paragraphs apart) next to a process that runs ftfy.fix_text
  over the same file: MB/s and peak RSS; with --scaling, cleanmt at 1 MB, 10 MB and each
  size given;
- JSONL whole process: `cleanmt fix --jsonl` on the cold documents, one per record, next to
  a Python loop that reads, fixes (ftfy) and writes the same records;
- datatrove: JsonlReader -> CleanmtFormatter -> JsonlWriter next to the same pipeline with
  datatrove's FTFYFormatter, documents per CPU second, whole process;
- start-up: CPU seconds of `cleanmt fix` on a one-line file next to a process that
  imports ftfy and fixes the same line.

    python benchmarks/speed.py [--docs-mb 3] [--big-mb 8] [--scaling 30,100] [--skip-process]

Prints a table and writes benchmarks/results/speed.json. Run on demand: no test
depends on timings.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import ftfy

from cleanmt.corpora import as_published, lee_background
from cleanmt.engine import Cleaner

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def base_documents() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in SEEDS] + lee_background()


def build_corpus(mb: float, seed: int = 0) -> list[str]:
    """The seeds and lee's articles, then each article's sentences reshuffled, until
    `mb` MB: distinct documents with the word statistics of real news."""
    docs = base_documents()
    size = sum(len(d.encode("utf-8")) for d in docs)
    rnd = random.Random(seed)
    articles, seen = lee_background(), set(docs)
    while size < mb * 1e6:
        for d in articles:
            parts = re.split(r"(?<=[.!?]) ", d.strip())
            rnd.shuffle(parts)
            d = " ".join(parts)
            if d not in seen:
                seen.add(d)
                docs.append(d)
                size += len(d.encode("utf-8"))
            if size >= mb * 1e6:
                break
    return docs


_SYLLABLES = "ba ko ri sen ta mur vel dra ni zo quin har lu mes tor ek al ova in".split()


def cold_documents(mb: float, seed: int = 1) -> list[str]:
    """Documents no run has met: 3 to 12 sentences drawn from any article, every
    capitalised word after a sentence's first varied into a new name (same shape:
    capitals, hyphens kept), every digit redrawn."""
    rnd = random.Random(seed)
    sentences = [s for d in lee_background() for s in re.split(r"(?<=[.!?]) (?=[A-Z\"])", d.strip())]
    names: dict[str, str] = {}

    def new_name(m: re.Match) -> str:
        w = m.group()
        if rnd.random() < 0.5:  # half keep one new spelling across the corpus (a name recurring)
            return names.setdefault(w, _invent(rnd, w))
        return _invent(rnd, w)

    docs, size = [], 0
    while size < mb * 1e6:
        picked = [rnd.choice(sentences) for _ in range(rnd.randint(3, 12))]
        out = []
        for s in picked:
            head, rest = s[:1], s[1:]
            rest = re.sub(r"(?<=[ (\"])[A-Z][a-z]{2,}", new_name, rest)
            rest = re.sub(r"\d", lambda m: str(rnd.randint(0, 9)), rest)
            out.append(head + rest)
        d = " ".join(out)
        docs.append(d)
        size += len(d.encode("utf-8"))
    return docs


def _invent(rnd: random.Random, word: str) -> str:
    n = max(1, min(4, len(word) // 3))
    return "".join(rnd.choice(_SYLLABLES) for _ in range(n)).capitalize()


def race(fns: dict, docs: list[str], repeat: int = 1, chunk_docs: int = 40) -> dict[str, dict]:
    """Each function's CPU seconds over `docs`, taken in turn chunk by chunk (ftfy on a
    chunk, detect on it, fix on it, then the next chunk), `repeat` times; a function's
    time is the sum over chunks of its fastest pass. A slow spell of a shared machine
    then hits all functions alike."""
    nbytes = sum(len(d.encode("utf-8")) for d in docs)
    chunks = [docs[i:i + chunk_docs] for i in range(0, len(docs), chunk_docs)]
    best = {name: [float("inf")] * len(chunks) for name in fns}
    for _ in range(repeat):
        for i, chunk in enumerate(chunks):
            for name, fn in fns.items():
                t0 = time.process_time()
                for d in chunk:
                    fn(d)
                best[name][i] = min(best[name][i], time.process_time() - t0)
    return {name: {"mb_per_s": nbytes / 1e6 / sum(t), "seconds": sum(t), "mb": nbytes / 1e6}
            for name, t in best.items()}


def _child(code: str, *args: str, stdin: bytes | None = None) -> dict:
    """Run `python -c code args` and report its CPU seconds and peak RSS (a wrapper
    process reads the child's rusage, so the numbers are the child's alone)."""
    wrapper = (
        "import resource, subprocess, sys;"
        "r=subprocess.run([sys.executable, '-c', sys.argv[1], *sys.argv[2:]], stdout=subprocess.DEVNULL);"
        "u=resource.getrusage(resource.RUSAGE_CHILDREN);"
        "print(r.returncode, u.ru_utime + u.ru_stime, u.ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", wrapper, code, *args], capture_output=True, check=True,
                         input=stdin, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    rc, cpu, rss = out.stdout.decode().split()
    if rc != "0":
        raise RuntimeError(f"benchmark child failed ({rc}): {out.stderr.decode()[-500:]}")
    return {"cpu_s": float(cpu), "peak_rss_mb": int(rss) / 1024}


CLI = "import sys; from cleanmt.cli import main; sys.argv[0] = 'cleanmt'; sys.exit(main(sys.argv[1:]))"
FTFY_FILE = ("import sys, ftfy; t = open(sys.argv[1], encoding='utf-8').read();"
             "open(sys.argv[2], 'w', encoding='utf-8').write(ftfy.fix_text(t, uncurl_quotes=False))")
FTFY_JSONL = ("import sys, json, ftfy\n"
              "with open(sys.argv[1], encoding='utf-8') as fi, open(sys.argv[2], 'w', encoding='utf-8') as fo:\n"
              "    for line in fi:\n"
              "        r = json.loads(line); r['text'] = ftfy.fix_text(r['text'], uncurl_quotes=False)\n"
              "        fo.write(json.dumps(r, ensure_ascii=False) + '\\n')\n")
DATATROVE = ("import sys\n"
             "from datatrove.executor import LocalPipelineExecutor\n"
             "from datatrove.pipeline.readers import JsonlReader\n"
             "from datatrove.pipeline.writers import JsonlWriter\n"
             "if sys.argv[1] == 'cleanmt':\n"
             "    from cleanmt.integrations.datatrove import CleanmtFormatter as F; step = F()\n"
             "else:\n"
             "    from datatrove.pipeline.formatters import FTFYFormatter as F; step = F()\n"
             "LocalPipelineExecutor(pipeline=[JsonlReader(sys.argv[2]), step, JsonlWriter(sys.argv[3])],"
             " tasks=1, workers=1, logging_dir=sys.argv[4]).run()\n")


def big_file(docs: list[str], mb: float, path: Path) -> int:
    """Write documents, paragraphs apart, to `path` until `mb` MB; returns the bytes."""
    size = 0
    with open(path, "w", encoding="utf-8") as fh:
        while size < mb * 1e6:
            for d in docs:
                piece = d.strip() + "\n\n"
                fh.write(piece)
                size += len(piece.encode("utf-8"))
                if size >= mb * 1e6:
                    break
    return size


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs-mb", type=float, default=3.0, help="size of the per-document corpora (default 3)")
    ap.add_argument("--big-mb", type=float, default=8.0, help="the one big file (default 8 MB)")
    ap.add_argument("--scaling", default="", help="more big-file sizes in MB for cleanmt alone, e.g. 30,100")
    ap.add_argument("--repeat", type=int, default=3, help="passes per warm row; the fastest counts (default 3)")
    ap.add_argument("--skip-process", action="store_true", help="only the in-process rows")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "speed.json"))
    args = ap.parse_args()

    cleaner = Cleaner()
    for r in cleaner.rules:  # load lexicons and compile patterns, on text outside the corpus
        for text, _ in r.bad:
            cleaner.fix(text)
    ftfy_peer = lambda t: ftfy.fix_text(t, uncurl_quotes=False)  # noqa: E731
    peers = {"ftfy.fix_text": ftfy_peer, "ftfy, defaults": ftfy.fix_text,
             "cleanmt detect": cleaner.detect, "cleanmt fix": cleaner.fix}
    result: dict = {"machine": {"cpu_count": os.cpu_count(), "python": platform.python_version(),
                                "load": os.getloadavg()[0]}}
    rows: list[tuple[str, float, float, str]] = []  # (case, cleanmt, ftfy, unit)

    # cold first: nothing of these documents was met yet
    # (fix and detect each on documents of their own: the one measured second would
    # otherwise meet the first one's documents again)
    cold = cold_documents(args.docs_mb, seed=1)
    res = race({"ftfy.fix_text": ftfy_peer, "cleanmt fix": cleaner.fix}, cold)
    res.update(race({"cleanmt detect": cleaner.detect}, cold_documents(args.docs_mb, seed=2)))
    result["per_document_cold"] = res
    rows.append(("API per document, cold: fix", res["cleanmt fix"]["mb_per_s"], res["ftfy.fix_text"]["mb_per_s"],
                 "MB/s"))
    rows.append(("API per document, cold: detect", res["cleanmt detect"]["mb_per_s"],
                 res["ftfy.fix_text"]["mb_per_s"], "MB/s"))
    warm = build_corpus(args.docs_mb)
    res = race(peers, warm, args.repeat)
    result["per_document_warm"] = res
    rows.append(("API per document, warm: fix", res["cleanmt fix"]["mb_per_s"], res["ftfy.fix_text"]["mb_per_s"],
                 "MB/s"))
    rows.append(("API per document, warm: detect", res["cleanmt detect"]["mb_per_s"],
                 res["ftfy.fix_text"]["mb_per_s"], "MB/s"))
    rows.append(("  (ftfy with defaults)", res["ftfy, defaults"]["mb_per_s"], res["ftfy.fix_text"]["mb_per_s"],
                 "MB/s"))
    published = [as_published(d) for d in warm[len(SEEDS):]]
    res = race(peers, published, args.repeat)
    result["published_layout"] = res
    rows.append(("published layout, warm: fix", res["cleanmt fix"]["mb_per_s"], res["ftfy.fix_text"]["mb_per_s"],
                 "MB/s"))

    if not args.skip_process:
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            tiny = tmp / "tiny.txt"
            tiny.write_text("Riots once morest the regime , said the mayor.\n", encoding="utf-8")
            c = min((_child(CLI, "fix", str(tiny)) for _ in range(3)), key=lambda r: r["cpu_s"])
            f = min((_child(FTFY_FILE, str(tiny), str(tmp / "tiny.out")) for _ in range(3)),
                    key=lambda r: r["cpu_s"])
            result["startup"] = {"cleanmt": c, "ftfy": f}
            startup = c["cpu_s"]
            rows.append(("start-up: fix a one-line file (CPU s)", c["cpu_s"], f["cpu_s"], "s"))
            rows.append(("start-up: peak RSS", c["peak_rss_mb"], f["peak_rss_mb"], "MB"))

            result["big_file"] = big = {}
            sizes = [args.big_mb] + [float(s) for s in args.scaling.split(",") if s]
            for mb in sorted(set([1.0, 10.0] + sizes)) if args.scaling else sizes:
                path = tmp / f"big{mb:g}.txt"
                nbytes = big_file(warm, mb, path)
                c = _child(CLI, "fix", str(path), "-o", str(tmp / "out.txt"))
                entry = {"mb": nbytes / 1e6, "cleanmt_mb_per_s": nbytes / 1e6 / c["cpu_s"],
                         "cleanmt_peak_rss_mb": c["peak_rss_mb"], "cleanmt_cpu_s": c["cpu_s"],
                         "rss_bound_mb": 2 * nbytes / 2**20 + 300,
                         # the rate past the fixed cost of a process (imports, lexicons)
                         "cleanmt_mb_per_s_after_startup": nbytes / 1e6 / max(1e-9, c["cpu_s"] - startup)}
                if mb == args.big_mb:
                    f = _child(FTFY_FILE, str(path), str(tmp / "out.txt"))
                    entry.update(ftfy_mb_per_s=nbytes / 1e6 / f["cpu_s"], ftfy_peak_rss_mb=f["peak_rss_mb"])
                    rows.append((f"one {mb:g} MB file: cleanmt fix vs ftfy", entry["cleanmt_mb_per_s"],
                                 entry["ftfy_mb_per_s"], "MB/s"))
                    rows.append((f"one {mb:g} MB file: peak RSS", c["peak_rss_mb"], f["peak_rss_mb"], "MB"))
                big[f"{mb:g}"] = entry
                path.unlink()

            src = tmp / "in.jsonl"
            with open(src, "w", encoding="utf-8") as fh:
                for i, d in enumerate(cold):
                    fh.write(json.dumps({"id": str(i), "text": d}, ensure_ascii=False) + "\n")
            nbytes = src.stat().st_size
            c = _child(CLI, "fix", "--jsonl", "--no-progress", str(src))
            f = _child(FTFY_JSONL, str(src), str(tmp / "out.jsonl"))
            result["jsonl_process"] = {"mb": nbytes / 1e6, "cleanmt": c, "ftfy_loop": f}
            rows.append(("cleanmt fix --jsonl, whole process", nbytes / 1e6 / c["cpu_s"], nbytes / 1e6 / f["cpu_s"],
                         "MB/s"))
            c2 = _child(CLI, "fix", "--jsonl", "--no-progress", "-j", "2", str(src))
            result["jsonl_process"]["cleanmt_j2"] = c2

            try:
                import datatrove  # noqa: F401
            except ImportError:
                datatrove = None
            if datatrove is not None:
                (tmp / "dt_in").mkdir()
                os.replace(src, tmp / "dt_in" / "in.jsonl")
                dt = {}
                for name in ("cleanmt", "ftfy"):
                    dt[name] = _child(DATATROVE, name, str(tmp / "dt_in"), str(tmp / f"dt_out_{name}"),
                                      str(tmp / f"dt_logs_{name}"))
                    dt[name]["docs_per_s"] = len(cold) / dt[name]["cpu_s"]
                result["datatrove"] = {"documents": len(cold), **dt}
                rows.append(("datatrove CleanmtFormatter vs FTFYFormatter", dt["cleanmt"]["docs_per_s"],
                             dt["ftfy"]["docs_per_s"], "docs/s"))

    result["self_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows.append(("this process (in-process rows): peak RSS", result["self_peak_rss_mb"], float("nan"), "MB"))
    result["table"] = [{"case": c, "cleanmt": a, "ftfy": b, "unit": u} for c, a, b, u in rows]

    print(f"corpora: per-document {args.docs_mb:g} MB warm and cold; big file {args.big_mb:g} MB; "
          f"load {result['machine']['load']:.1f}; CPU seconds")
    print(f"{'case':<46} {'cleanmt':>9} {'ftfy':>9} {'ratio':>7}  unit")
    for case, a, b, unit in rows:
        ratio = a / b if b == b and b else float("nan")
        print(f"{case:<46} {a:>9.2f} {b:>9.2f} {ratio:>6.2f}x  {unit}")
    if len(result.get("big_file", {})) > 1:
        print("\nbig file scaling (cleanmt fix, one process)")
        print(f"{'MB':>6} {'MB/s':>7} {'after start-up':>15} {'peak RSS':>9} {'bound':>7}")
        for e in result["big_file"].values():
            print(f"{e['mb']:>6.1f} {e['cleanmt_mb_per_s']:>7.2f} {e['cleanmt_mb_per_s_after_startup']:>15.2f} "
                  f"{e['cleanmt_peak_rss_mb']:>6.0f} MB {e['rss_bound_mb']:>4.0f} MB")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
