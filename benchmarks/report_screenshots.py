"""Screenshots of `cleanmt report` in headless Chromium, on the seeds and on the dev set.

The dev set's documents are .gold files (markup around each artifact); their raw text
(validate.py's parse, as dev_benchmark.py reads it) is written to a temp directory
first, and each file's language is detected (`--lang auto`, the report's default).

    python benchmarks/report_screenshots.py [--dev ../shared/dev] [--height 1700]

Writes benchmarks/results/report-{seeds,dev}.html and docs/report-{seeds,dev}.png.
Needs Debian's chromium (apt-get install chromium); ImageMagick's `convert`, when
installed, reduces each PNG to 256 colours so it stays small enough to commit.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cleanmt.cli import main as cleanmt

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
DOCS = ROOT / "docs"
sys.path.insert(0, str(ROOT / "benchmarks"))


def screenshot(html: Path, png: Path, width: int, height: int) -> None:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        raise SystemExit("chromium is not installed (Debian: apt-get install chromium)")
    subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--host-resolver-rules=MAP * ~NOTFOUND", f"--window-size={width},{height}",
                    f"--screenshot={png}", html.as_uri()], check=True, capture_output=True, timeout=120)
    if shutil.which("convert") and subprocess.run(["convert", "-version"], capture_output=True).returncode == 0:
        subprocess.run(["convert", str(png), "-colors", "256", f"PNG8:{png}"], check=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dev", type=Path, default=ROOT.parent / "shared" / "dev")
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--height", type=int, default=1700)
    args = ap.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    DOCS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        runs = {"seeds": (ROOT, "seeds")}  # (where to run, the path given): the page shows paths as given
        if (args.dev / "validate.py").exists():
            from dev_benchmark import load_dev

            dev = Path(tmp) / "dev"
            dev.mkdir()
            for d in load_dev(args.dev):
                (dev / f"{d['name']}.txt").write_text(d["raw"], encoding="utf-8")
            runs["dev"] = (Path(tmp), "dev")
        here = os.getcwd()
        for name, (cwd, path) in runs.items():
            html = RESULTS / f"report-{name}.html"
            t = time.process_time()
            os.chdir(cwd)
            try:
                rc = cleanmt(["report", path, "-o", str(html), "--title", f"cleanmt report: {name}"])
            finally:
                os.chdir(here)
            cpu = time.process_time() - t
            png = DOCS / f"report-{name}.png"
            screenshot(html, png, args.width, args.height)
            print(f"{name}: exit {rc}, {cpu:.1f} s CPU, {html.stat().st_size / 1024:.0f} KB page "
                  f"-> {png.relative_to(ROOT)} ({png.stat().st_size / 1024:.0f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
