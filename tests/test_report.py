"""`cleanmt report`: the builder's pieces (segments, diff), the page (escaping, every
finding present, the filters' data, self-contained), its HTML validity (html5lib's
strict parser) and, where Debian's chromium is installed, the page in a real
headless browser (the script ran, the filters work, a screenshot is kept)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanmt.cli import main
from cleanmt.lang import LanguageGuess
from cleanmt.report import analyse, render
from cleanmt.report.build import segments
from cleanmt.report.diff import diff_hunks, word_parts
from cleanmt.report.model import CorpusResult, DocResult
from cleanmt.scoring import artifact_score
from cleanmt.types import CATEGORIES, Finding

html5lib = pytest.importorskip("html5lib")
ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
NS = {"h": "http://www.w3.org/1999/xhtml"}


def parse_strict(page: str):
    """The page as an ElementTree; html5lib's strict mode raises on any parse error."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(page)


def text_of(el) -> str:
    return "".join(el.itertext())


def by_class(tree, tag: str, cls: str):
    return [e for e in tree.iter(f"{{{NS['h']}}}{tag}") if cls in (e.get("class") or "").split()]


@pytest.fixture(scope="module")
def seeds_run():
    items = [(str(p.relative_to(ROOT)), p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    corpus = analyse(items, lang="en")
    return corpus, render(corpus, title="seeds", generated="test")


def finding(text: str, start: int, end: int, rule="QUO001", category="quotes", message="m", replacement="x",
            confidence=0.9) -> Finding:
    return Finding(start, end, text[start:end], rule, category, message, replacement, confidence)


def one_doc(text: str, findings: list[Finding], fixed: str | None = None, applied=()) -> CorpusResult:
    doc = DocResult(path="a<b>&\"c'.txt", text=text, language=LanguageGuess("en", 1.0, "given"),
                    findings=findings, fixed=text if fixed is None else fixed, edits=[],
                    applied=frozenset(applied), score=artifact_score(text, findings))
    return CorpusResult(docs=[doc], settings={"lang": "en", "min_confidence": 0.8, "corpus": True})


# -- segments -------------------------------------------------------------------------------


spans = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 12)), max_size=8)


@settings(max_examples=200, deadline=None)
@given(text=st.text(min_size=1, max_size=40), raw=spans)
def test_segments_cover_the_text_and_know_their_findings(text, raw):
    fs = [finding(text, min(s, len(text)), min(s + n, len(text))) for s, n in raw]
    segs = segments(text, fs)
    assert "".join(text[s.start:s.end] for s in segs) == text
    for s in segs:
        if s.start == s.end:
            assert all(fs[i].start == fs[i].end == s.start for i in s.ids)
            continue
        covering = {i for i, f in enumerate(fs) if f.start <= s.start and s.end <= f.end and f.start < f.end}
        assert set(s.ids) == covering
    # every insertion point appears once, every span's text is the text of its pieces
    for i, f in enumerate(fs):
        pieces = [text[s.start:s.end] for s in segs if i in s.ids]
        assert "".join(pieces) == f.text
        if f.start == f.end:
            assert sum(1 for s in segs if i in s.ids) == 1


def test_segments_stop_at_the_limit():
    text = "abcdefghij"
    fs = [finding(text, 1, 3), finding(text, 6, 9)]
    segs = segments(text, fs, limit=5)
    assert "".join(text[s.start:s.end] for s in segs) == "abcde"
    assert all(1 not in s.ids for s in segs)


# -- diff -----------------------------------------------------------------------------------

lines = st.lists(st.sampled_from(["a b c", "a b d", "", "x, y.", "Home > News", "  z  "]), max_size=8)


def rebuild(before: str, after: str) -> str:
    """`after` rebuilt from `before` and the hunks' new sides only."""
    old = before.split("\n")
    out, pos = [], 0
    for h in diff_hunks(before, after):
        start = h.old_start - 1 if h.old_len else h.old_start
        out += old[pos:start]
        out += [ln.new_text() for ln in h.lines if ln.new_no is not None]
        pos = start + h.old_len
    out += old[pos:]
    return "\n".join(out)


@settings(max_examples=300, deadline=None)
@given(a=lines, b=lines)
def test_diff_hunks_add_up_to_both_texts(a, b):
    before, after = "\n".join(a), "\n".join(b)
    old, new = before.split("\n"), after.split("\n")
    for h in diff_hunks(before, after):
        olds = [ln.old_text() for ln in h.lines if ln.old_no is not None]
        news = [ln.new_text() for ln in h.lines if ln.new_no is not None]
        assert olds == old[h.old_start - 1 if h.old_len else h.old_start:][: h.old_len]
        assert news == new[h.new_start - 1 if h.new_len else h.new_start:][: h.new_len]
        assert any(ln.kind != "ctx" for ln in h.lines)
    assert rebuild(before, after) == after
    assert (diff_hunks(before, after) == []) == (before == after)


def test_a_changed_line_marks_only_the_changed_words():
    parts = word_parts("Riots once morest the regime .", "Riots against the regime.")
    assert ("del", "once morest") in parts and ("ins", "against") in parts
    assert ("del", " ") in parts  # the space before the full stop
    assert "".join(t for op, t in parts if op != "ins") == "Riots once morest the regime ."
    assert "".join(t for op, t in parts if op != "del") == "Riots against the regime."


# -- the page -------------------------------------------------------------------------------

NASTY = 'He said <script>alert("x")</script> & left \'now\' -- <u>under</u> </mark> ]]> "quoted"\nline two'


def test_everything_is_escaped_and_the_text_survives():
    i = NASTY.index("<script>")
    j = NASTY.index("</mark>")
    fs = [finding(NASTY, i, i + 8, message='msg <i>"x"</i> & \'y\'', replacement='"</mark><img src=x>'),
          finding(NASTY, j, j + 7, rule="BLP002", category="boilerplate", replacement="", message="<del>"),
          finding(NASTY, i + 2, i + 12, rule="PUN001", category="punctuation", replacement=None)]
    page = render(one_doc(NASTY, fs, fixed=NASTY.replace("</mark>", "")), generated="test")
    tree = parse_strict(page)
    assert len(list(tree.iter(f"{{{NS['h']}}}script"))) == 1  # ours only
    assert not list(tree.iter(f"{{{NS['h']}}}img")) and not list(tree.iter(f"{{{NS['h']}}}u"))
    (box,) = by_class(tree, "div", "text")
    assert text_of(box) == NASTY  # every character shown, none interpreted
    rows = by_class(tree, "tr", "finding")
    assert [r.get("data-rule") for r in rows] == [f.rule for f in fs]  # in the order given
    cells = " ".join(text_of(r) for r in rows)
    assert 'msg <i>"x"</i> & \'y\'' in cells and '"</mark><img src=x>' in cells
    (doc,) = by_class(tree, "details", "doc")
    assert doc.get("data-path") == "a<b>&\"c'.txt" and "a<b>&\"c'.txt" in text_of(doc)  # the path too


def test_every_finding_has_a_row_and_its_marks(seeds_run):
    corpus, page = seeds_run
    tree = parse_strict(page)
    rows = {r.get("id"): r for r in by_class(tree, "tr", "finding")}
    marks = by_class(tree, "mark", "f")
    assert sum(len(d.findings) for d in corpus.docs) == len(rows) > 20
    for di, d in enumerate(corpus.docs):
        for j, f in enumerate(d.findings):
            fid = f"d{di}-f{j}"
            row = rows[fid]
            assert (row.get("data-rule"), row.get("data-cat")) == (f.rule, f.category)
            assert row.get("data-fx") == ("1" if d.is_applied(f) else "0")
            covering = [m for m in marks if fid in m.get("data-f").split()]
            shown = "".join(text_of(m) for m in covering)
            assert shown == (f.text if f.start < f.end else "‸")
            for m in covering:  # the mark's parallel lists name this finding at its place
                k = m.get("data-f").split().index(fid)
                assert m.get("data-rule").split()[k] == f.rule and m.get("data-cat").split()[k] == f.category
                assert f.message in m.get("title")


def test_filters_match_the_findings(seeds_run):
    corpus, page = seeds_run
    tree = parse_strict(page)
    buttons = [b for b in tree.iter(f"{{{NS['h']}}}button")]
    cats = {b.get("data-filter-cat"): b for b in buttons if b.get("data-filter-cat")}
    rules = {b.get("data-filter-rule"): b for b in buttons if b.get("data-filter-rule")}
    found = [f for d in corpus.docs for f in d.findings]
    assert set(cats) == {f.category for f in found} and set(cats) <= set(CATEGORIES)
    assert set(rules) == {f.rule for f in found}
    for rule, b in rules.items():
        assert text_of(b).split()[-1] == str(sum(1 for f in found if f.rule == rule))
    docs = list(tree.iter(f"{{{NS['h']}}}details"))
    docs = [d for d in docs if "doc" in (d.get("class") or "")]
    for el, d in zip(docs, corpus.docs):
        assert set(el.get("data-rules").split()) == {f.rule for f in d.findings}
        assert el.get("data-path") == d.path


def test_the_page_needs_no_network(seeds_run):
    _, page = seeds_run
    tree = parse_strict(page)
    for el in tree.iter():
        for attr in ("src", "href", "action", "data"):
            value = el.get(attr)
            assert value is None or value.startswith("#"), (el.tag, attr, value)
    assert not list(tree.iter(f"{{{NS['h']}}}link"))
    for style in tree.iter(f"{{{NS['h']}}}style"):
        assert "@import" not in style.text and "url(" not in style.text


def test_big_documents_are_cut_with_a_note():
    text = ("A line with a ,comma here.\n" * 400)
    fs = [finding(text, m.start(), m.end(), rule="PUN002", category="punctuation")
          for m in re.finditer(",", text)]
    page = render(one_doc(text, fs), max_doc_chars=1000, generated="test")
    tree = parse_strict(page)
    (box,) = by_class(tree, "div", "text")
    assert text_of(box) == text[:1000]
    notes = " ".join(text_of(p) for p in by_class(tree, "p", "note"))
    assert "first 1,000 of 10,800 characters" in notes
    assert f"the {sum(1 for f in fs if f.start >= 1000)} finding(s) after that" in notes
    assert len(by_class(tree, "tr", "finding")) == len(fs)


def test_the_diff_view_shows_what_fix_changes(seeds_run):
    corpus, page = seeds_run
    tree = parse_strict(page)
    diffs = [t for t in tree.iter(f"{{{NS['h']}}}table") if t.get("class") == "diff"]
    changed = [d for d in corpus.docs if d.fixed != d.text]
    assert len(diffs) == len(changed) >= 1
    checked = 0
    for table, d in zip(diffs, changed):
        new_lines = d.fixed.split("\n")
        for tr in table.iter(f"{{{NS['h']}}}tr"):
            if tr.get("class") in ("ctx", "add", "chg"):  # a line without its deletions is the fixed line
                no = int(text_of(list(tr)[1]))
                assert "".join(_cell_parts(list(tr)[2], skip="del")) == new_lines[no - 1]
                checked += 1
    assert checked > 10


def _cell_parts(td, skip: str):
    if td.text:
        yield td.text
    for child in td:
        if child.tag != f"{{{NS['h']}}}{skip}":
            yield "".join(child.itertext()) if "ws" not in (child.get("class") or "") else _ws(child)
        if child.tail:
            yield child.tail


def _ws(el) -> str:  # a blanks-only change shows its blanks as marks; its title holds the real text
    import ast

    return ast.literal_eval(el.get("title"))


def test_the_name_table_is_shown(seeds_run):
    corpus, page = seeds_run
    tree = parse_strict(page)
    rows = corpus.names.get("en", [])
    assert rows, "the seeds spell some names several ways"
    tables = [t for t in tree.iter(f"{{{NS['h']}}}table") if t.get("class") == "names-table"]
    shown = text_of(tables[0])
    for r in rows:
        assert r["canonical"] in shown
        assert all(v["form"] in shown for v in r["variants"])


# -- the command ----------------------------------------------------------------------------


def test_report_command_writes_a_valid_page(tmp_path, capsys):
    out = tmp_path / "r.html"
    assert main(["report", str(SEEDS), "-o", str(out), "--lang", "en", "--title", "t <&>"]) == 0
    page = out.read_text(encoding="utf-8")
    parse_strict(page)
    assert "<title>t &lt;&amp;&gt;</title>" in page
    assert len(re.findall(r'<details class="doc"', page)) == len(list(SEEDS.glob("*.txt")))
    assert "5 document(s)" in capsys.readouterr().err


def test_report_command_to_stdout(tmp_path, capsysbinary):
    a = tmp_path / "a.txt"
    a.write_text("Riots once morest the regime.\n", encoding="utf-8")
    assert main(["report", str(a), "-o", "-", "--lang", "en"]) == 0
    out = capsysbinary.readouterr()
    page = out.out.decode("utf-8")
    assert page.startswith("<!DOCTYPE html>") and "once morest" in page
    parse_strict(page)
    assert b"written to stdout" in out.err


def test_report_command_bad_inputs(tmp_path, capsys):
    good = tmp_path / "a.txt"
    good.write_text("Riots once morest the regime.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00x")
    out = tmp_path / "r.html"
    assert main(["report", str(good), str(tmp_path / "bad.txt"), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "bad.txt" in err and "skipped" in err and out.exists()  # the readable file is reported
    # the page never replaces an input
    assert main(["report", str(good), "-o", str(good)]) == 2
    assert good.read_text(encoding="utf-8") == "Riots once morest the regime.\n"
    assert "is one of the inputs" in capsys.readouterr().err
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["report", str(empty), "-o", str(tmp_path / "x.html")]) == 2
    assert "no .txt files" in capsys.readouterr().err
    assert main(["report", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "y.html")]) == 2
    assert not (tmp_path / "y.html").exists()
    for line in capsys.readouterr().err.strip().splitlines():
        assert line.startswith("cleanmt: error: ")


def test_report_detects_each_files_language(tmp_path):
    fr = ("Le gouvernement a annoncé mardi une série de mesures pour soutenir les agriculteurs, "
          "après plusieurs semaines de manifestations dans tout le pays. Les syndicats ont salué "
          "un premier pas, mais ils demandent davantage de moyens pour les exploitations les plus petites.")
    en = ("The government announced on Tuesday a series of measures to support farmers after several "
          "weeks of protests across the country. The unions welcomed a first step but asked for more "
          "money for the smallest farms, which they say are struggling the most.")
    corpus = analyse([("fr.txt", fr), ("en.txt", en)], lang="auto")
    assert [d.language.code for d in corpus.docs] == ["fr", "en"]


def test_jobs_give_the_same_report():
    items = [("a.txt", "Riots once morest the regime .\n"), ("b.txt", "He said « yes » to the plan.\n")]
    one, two = analyse(items, lang="en", jobs=1), analyse(items, lang="en", jobs=2)
    assert [d.findings for d in one.docs] == [d.findings for d in two.docs]
    assert [d.fixed for d in one.docs] == [d.fixed for d in two.docs]
    assert one.docs[0].fixed != one.docs[0].text


# -- a real browser -------------------------------------------------------------------------


def chromium() -> str | None:
    return next((p for p in (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")) if p), None)


def run_browser(args: list[str], url: str) -> subprocess.CompletedProcess:
    exe = chromium()
    cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
           "--host-resolver-rules=MAP * ~NOTFOUND",  # no network: the page must not need one
           "--enable-logging=stderr", "--v=0", *args, url]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "HOME": os.environ.get("TMPDIR", "/tmp")})


needs_chromium = pytest.mark.skipif(chromium() is None, reason="chromium is not installed "
                                    "(Debian: apt-get install chromium); the browser checks are skipped")


@needs_chromium
def test_the_page_runs_in_headless_chromium(seeds_run, tmp_path_factory):
    corpus, page = seeds_run
    where = tmp_path_factory.mktemp("report-browser")
    html = where / "report.html"
    html.write_text(page, encoding="utf-8")
    # the script ran: its marks on <html>, the counter and the matching cells filled in
    r = run_browser(["--dump-dom", "--virtual-time-budget=5000"], html.as_uri())
    assert r.returncode == 0, r.stderr[-2000:]
    assert "Uncaught" not in r.stderr, r.stderr[-2000:]
    root = html5lib.parse(r.stdout, namespaceHTMLElements=True)
    assert root.get("data-ready") == "1"
    total = sum(len(d.findings) for d in corpus.docs)
    assert root.get("data-shown") == str(total)
    # a filter from the URL: only the quote findings stay
    quotes = sum(1 for d in corpus.docs for f in d.findings if f.category == "quotes")
    r = run_browser(["--dump-dom", "--virtual-time-budget=5000"], html.as_uri() + "#cat=quotes&hide=1")
    dom = html5lib.parse(r.stdout, namespaceHTMLElements=True)
    assert dom.get("data-shown") == str(quotes) and 0 < quotes < total
    rows = by_class(dom, "tr", "finding")
    assert all((row.get("hidden") is None) == (row.get("data-cat") == "quotes") for row in rows)
    marks = by_class(dom, "mark", "f")
    assert all(("off" in m.get("class")) == ("quotes" not in m.get("data-cat").split()) for m in marks)
    # a link to one finding opens its popover with its rule and message
    di, j = next((i, j) for i, d in enumerate(corpus.docs) for j, f in enumerate(d.findings) if f.start < f.end)
    f = corpus.docs[di].findings[j]
    r = run_browser(["--dump-dom", "--virtual-time-budget=5000"], html.as_uri() + f"#d{di}-f{j}")
    dom = html5lib.parse(r.stdout, namespaceHTMLElements=True)
    pop = next(e for e in dom.iter(f"{{{NS['h']}}}div") if e.get("id") == "pop")
    assert pop.get("hidden") is None and f.rule in text_of(pop) and f.message in text_of(pop)
    # the screenshot, kept as the test's artifact
    png = where / "report.png"
    r = run_browser([f"--screenshot={png}", "--window-size=1280,1600"], html.as_uri())
    assert png.exists() and png.stat().st_size > 20_000, r.stderr[-2000:]
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    print(f"screenshot: {png}")


def test_name_table_lists_only_what_the_language_s_rules_report():
    from cleanmt.report.model import _rows_of_rules
    rows = [{"canonical": "Deuche", "variants": [{"form": "Deutsche", "count": 1, "rule": "TRL003", "confidence": 0.7}]},
            {"canonical": "Bruselas", "variants": [{"form": "Brussels", "count": 1, "rule": "TRL002", "confidence": 0.95}]}]
    assert [r["canonical"] for r in _rows_of_rules(rows, {"TRL001", "TRL002"})] == ["Bruselas"]
