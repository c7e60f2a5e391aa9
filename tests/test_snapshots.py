"""Every finding on the seeds, the dev set, the multilingual set and lee (as is and as published), pinned (ruff's snapshot tests).

Speed work (the prescan, gates, shared document facts) must not change what is found:
this test runs `Cleaner(lang=...).detect` (what `cleanmt detect --format jsonl --lang
...` prints) over each corpus and compares with tests/snapshots/<corpus>.tsv. A
difference fails with the findings that came or went; when the change is meant (a
rule's fix), regenerate and commit the new file with the change:

    CLEANMT_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_snapshots.py

A line is `document rule start end confidence digest`, the digest a hash of the
finding's text, replacement and message: the dev set and lee are never committed as
text (house rule; lee's licence), so the files hold offsets and hashes only. The dev
part is skipped where ../shared/dev is absent, lee where it cannot be read.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

import pytest

from cleanmt.engine import Cleaner

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
DEV = ROOT.parent / "shared" / "dev"
UPDATE = os.environ.get("CLEANMT_UPDATE_SNAPSHOTS") == "1"


def _seeds() -> list[tuple[str, str, str]]:
    return [(p.stem[:3], "en", p.read_text(encoding="utf-8")) for p in sorted((ROOT / "seeds").glob("*.txt"))]


def _dev() -> list[tuple[str, str, str]]:
    if not (DEV / "validate.py").is_file():
        pytest.skip("no ../shared/dev beside the checkout")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import dev_benchmark
    finally:
        sys.path.pop(0)
    return [(d["name"], d["lang"], d["raw"]) for d in dev_benchmark.load_dev(DEV)]


def _multilingual() -> list[tuple[str, str, str]]:
    out = []
    for path in sorted((ROOT / "benchmarks" / "data" / "multilingual").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line:
                d = json.loads(line)
                out.append((d["id"], d["lang"], d["text"]))
    return out


def _lee() -> list[tuple[str, str, str]]:
    from cleanmt.corpora import lee_background

    try:
        articles = lee_background()
    except Exception as e:  # no gensim and no cached copy: nothing to compare
        pytest.skip(f"lee_background.cor unavailable: {e}")
    return [(f"lee{i:03d}", "en", a) for i, a in enumerate(articles)]


def _lee_published() -> list[tuple[str, str, str]]:
    """lee laid out as published (paragraphs, curly quotes): what the quote and line rules read."""
    from cleanmt.corpora import as_published

    return [(name, lang, as_published(text)) for name, lang, text in _lee()]


CORPORA = {"seeds": _seeds, "dev": _dev, "multilingual": _multilingual, "lee": _lee,
           "lee_published": _lee_published}


def _digest(f) -> str:
    key = "\x00".join((f.text, f.replacement if f.replacement is not None else "\x01", f.message))
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=5).hexdigest()


def snapshot_lines(docs: list[tuple[str, str, str]]) -> list[str]:
    cleaners: dict[str, Cleaner] = {}
    lines = []
    for name, lang, text in docs:
        cleaner = cleaners.setdefault(lang, Cleaner(lang=lang))
        for f in cleaner.detect(text):
            lines.append(f"{name} {f.rule} {f.start} {f.end} {f.confidence:g} {_digest(f)}")
    return lines


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_findings_match_the_snapshot(corpus):
    docs = CORPORA[corpus]()
    got = snapshot_lines(docs)
    path = SNAPSHOTS / f"{corpus}.tsv"
    if UPDATE or not path.exists():
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text("".join(line + "\n" for line in got), encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"{path.name} was missing and has been written: commit it")
        return
    want = path.read_text(encoding="utf-8").splitlines()
    if got == want:
        return
    texts = {name: text for name, _, text in docs}
    gone = [w for w in want if w not in set(got)]
    new = [g for g in got if g not in set(want)]

    def show(line: str) -> str:  # the span's text, for the reader of the failure (never stored)
        name, rule_id, start, end = line.split()[:4]
        return f"{line}  {texts.get(name, '')[int(start):int(end)]!r}"

    pytest.fail(f"{corpus}: {len(gone)} findings gone, {len(new)} new "
                f"(CLEANMT_UPDATE_SNAPSHOTS=1 to accept)\n"
                + "\n".join(["gone:"] + [show(x) for x in gone[:30]] + ["new:"] + [show(x) for x in new[:30]]))
