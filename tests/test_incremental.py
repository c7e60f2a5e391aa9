"""Incremental fixing and big texts: re-checking the paragraphs around a fix finds what
re-checking the whole text finds; edits index the input; a fix a more confident rule
objects to is not made; a big text is read block by block, in memory and from disk alike."""
from __future__ import annotations

from pathlib import Path

import pytest

from cleanmt import blocks, bigfile, engine
from cleanmt.cli import main
from cleanmt.engine import LOCAL_CATEGORIES, Cleaner, _windows, apply_edits
from cleanmt.io import InputError
from cleanmt.types import Finding

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
DEV = ROOT.parent / "shared" / "dev"


def _documents() -> list[tuple[str, str]]:
    docs = [("en", p.read_text(encoding="utf-8")) for p in SEEDS]
    if DEV.is_dir():
        import sys

        sys.path.insert(0, str(ROOT / "benchmarks"))
        from dev_benchmark import load_dev

        docs += [(d["lang"], d["raw"]) for d in load_dev(DEV)]
    return docs


def test_local_rules_read_only_their_paragraph_and_its_neighbours():
    """The claim `_recheck` stands on: for the LOCAL_CATEGORIES rules, checking a window
    (a paragraph and one more each side) finds in the paragraph what checking the whole
    document finds there."""
    checked = 0
    for lang, text in _documents():
        cleaner = Cleaner(lang=lang)
        full = [f for f in cleaner.detect(text) if f.category in LOCAL_CATEGORIES]
        starts = [0] + [i + 2 for i in range(len(text)) if text.startswith("\n\n", i)]
        for p in starts:
            if p >= len(text):
                continue
            (ws, we, cs, ce), = _windows(text, [(p, p)])
            got = [(f.start + ws, f.end + ws, f.rule, f.replacement)
                   for f in cleaner._detect_in(text[ws:we], lang, None, local_only=True)
                   if cs <= f.start + ws and f.end + ws <= ce]
            want = [(f.start, f.end, f.rule, f.replacement) for f in full if cs <= f.start and f.end <= ce]
            assert got == want, (lang, text[cs:ce][:80])
            checked += 1
    assert checked > 20


def test_edits_index_the_input_and_rebuild_the_output():
    cleaner = Cleaner()
    for p in SEEDS:
        text = p.read_text(encoding="utf-8")
        report = cleaner.fix(text)
        assert report.edits
        assert all(text[e.start:e.end] == e.old for e in report.edits)
        assert apply_edits(text, report.edits) == report.fixed


def test_a_later_pass_is_reported_against_the_input():
    text = "Then , , , it rained. Later , , it stopped."
    report = Cleaner().fix(text)
    assert report.fixed.count(",") < text.count(",")
    assert apply_edits(text, report.edits) == report.fixed
    assert all(text[e.start:e.end] == e.old for e in report.edits)


class _Disputed(Cleaner):
    """A fix (0.85) whose new text a more confident rule (0.95) flags."""

    def _detect_in(self, text, *args, **kwargs):
        out = []
        i = text.find("colour")
        if i != -1:
            out.append(Finding(i, i + 6, "colour", "SPN901", "spinner", "x", "hue", 0.85))
        j = text.find("hue")
        if j != -1:
            out.append(Finding(j, j + 3, "hue", "CAS901", "casing", "y", "Hue", 0.95))
        return out


def test_a_fix_a_more_confident_rule_objects_to_is_not_made():
    report = _Disputed().fix("The colour faded.")
    assert report.fixed == "The colour faded."
    assert report.edits == []


@pytest.fixture
def small_blocks(monkeypatch):
    """Block mode from 6,000 characters on, blocks of 1,500: big texts, quickly."""
    monkeypatch.setattr(engine, "BIG_TEXT_CHARS", 6000)
    monkeypatch.setattr(blocks, "BLOCK_CHARS", 1500)
    monkeypatch.setattr(blocks, "_MAX_BLOCK", 16 * 1500)
    monkeypatch.setattr(bigfile, "BLOCK_CHARS", 1500)
    monkeypatch.setattr(bigfile, "_MAX_BLOCK", 16 * 1500)
    monkeypatch.setattr(bigfile, "STREAM_MIN_BYTES", 6000)
    monkeypatch.setattr(bigfile, "READ_BYTES", 4096)


def _big_text() -> str:
    return "\n\n".join(p.read_text(encoding="utf-8").strip() for p in SEEDS) + "\n"


def test_blocks_cover_the_text_and_end_at_paragraphs(small_blocks):
    text = _big_text()
    spans = list(blocks.block_spans(text))
    assert "".join(text[s:e] for s, e in spans) == text
    assert len(spans) > 5
    assert all(text[s:e].endswith("\n\n") for s, e in spans[:-1])


def test_a_big_text_is_checked_block_by_block_with_the_whole_texts_evidence(small_blocks):
    text = _big_text()
    cleaner = Cleaner()
    findings = cleaner.detect(text)
    assert all(text[f.start:f.end] == f.text for f in findings)
    # the seeds' own artifacts are still found, names among them: TRL reads the whole text's table
    assert {"SPN001", "PUN001"} <= {f.rule for f in findings}
    report = cleaner.fix(text)
    assert apply_edits(text, report.edits) == report.fixed
    assert cleaner.fix(report.fixed).fixed == report.fixed


def test_a_big_file_streams_to_the_output_the_api_gives(small_blocks, tmp_path):
    text = _big_text().replace("\n", "\r\n")
    src = tmp_path / "big.txt"
    src.write_bytes(text.encode("utf-8"))
    assert "".join(bigfile.read_blocks(str(src))) == text
    assert list(bigfile.read_blocks(str(src))) == [text[s:e] for s, e in blocks.block_spans(text)]
    out = tmp_path / "out.txt"
    assert main(["fix", str(src), "-o", str(out)]) == 0
    assert out.read_bytes().decode("utf-8") == Cleaner().fix(text).fixed


def test_a_big_file_with_bad_bytes_is_refused_before_anything_is_written(small_blocks, tmp_path, capsys):
    src = tmp_path / "big.txt"
    data = _big_text().encode("utf-8")
    src.write_bytes(data[:9000] + b"\xff" + data[9000:])
    with pytest.raises(InputError, match="offset 9000"):
        list(bigfile.read_blocks(str(src)))
    out = tmp_path / "out.txt"
    assert main(["fix", str(src), "-o", str(out)]) == 2
    assert not out.exists()
    assert "not valid UTF-8" in capsys.readouterr().err


def test_a_big_clean_file_fixed_in_place_is_left_untouched(small_blocks, tmp_path):
    """-i on a big file with nothing to fix keeps the file itself (inode, mtime), as on small ones."""
    text = Cleaner().fix(_big_text()).fixed
    src = tmp_path / "big.txt"
    src.write_bytes(text.encode("utf-8"))
    before = src.stat()
    assert main(["fix", "-i", str(src)]) == 0
    after = src.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert src.read_bytes() == text.encode("utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["big.txt"]  # no temp file left
    dirty = tmp_path / "dirty.txt"
    dirty.write_bytes(_big_text().encode("utf-8"))
    assert main(["fix", "-i", str(dirty)]) == 0
    assert dirty.read_bytes().decode("utf-8") == text
