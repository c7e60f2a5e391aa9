"""Clean reference text for false-positive checks, benchmarks and training data.

gensim's wheel ships `lee_background.cor` (299 Australian news articles, one
per line). We never commit its text: we read it from an installed gensim, or
from a cached copy, or fetch the wheel with pip and take the one file out.
"""
from __future__ import annotations

import glob
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

LEE_MEMBER = "gensim/test/test_data/lee_background.cor"


def cache_dir() -> Path:
    base = os.environ.get("CLEANMT_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")), "cleanmt"
    )
    return Path(base)


def lee_background_path() -> Path:
    """Path to lee_background.cor, fetching gensim's wheel (no install) if needed."""
    try:
        import importlib.util

        spec = importlib.util.find_spec("gensim")
        if spec and spec.origin:
            p = Path(spec.origin).parent / "test" / "test_data" / "lee_background.cor"
            if p.exists():
                return p
    except (ImportError, ValueError):
        pass
    cached = cache_dir() / "lee_background.cor"
    if cached.exists():
        return cached
    cached.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "gensim", "-d", tmp],
            check=True,
        )
        wheels = glob.glob(os.path.join(tmp, "gensim-*.whl"))
        if not wheels:
            raise RuntimeError("pip download gensim produced no wheel")
        with zipfile.ZipFile(wheels[0]) as zf:
            data = zf.read(LEE_MEMBER)
    tmp_path = cached.with_suffix(".tmp")
    tmp_path.write_bytes(data)
    tmp_path.replace(cached)
    return cached


def lee_background() -> list[str]:
    """The 299 articles of lee_background.cor, one string each."""
    text = lee_background_path().read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


def as_published(article: str, seed: int = 0) -> str:
    """A lee article laid out as news sites publish it: paragraphs of one to three
    sentences, curly quotes and apostrophes (straight quotes curled the way a
    typesetter does: after a blank or an opening bracket it opens, else it closes).
    lee's articles are single lines of ASCII, which spares every rule that reads
    lines or non-ASCII text; benchmarks use both forms."""
    import random
    import re

    rnd = random.Random(f"{seed}:{article[:40]}")
    text = re.sub(r'(?:(?<=^)|(?<=[\s(\[]))"', "“", article.strip())
    text = text.replace('"', "”")
    text = re.sub(r"(?<=\w)'(?=\w)", "’", text)
    paragraphs, current = [], []
    for sentence in re.split(r"(?<=[.!?”]) (?=[A-Z“])", text):
        current.append(sentence)
        joined = " ".join(current)
        if joined.count("“") == joined.count("”") and len(current) >= rnd.randint(1, 3):
            paragraphs.append(joined)
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs) + "\n"
