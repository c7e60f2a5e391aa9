"""The HTML builder: lays a CorpusResult out as one self-contained page.

Everything the page needs (CSS, JS, the charts as SVG) is inline, so the file
opens anywhere without a network. All document text reaches the page through
markupsafe's escaping (Jinja2's autoescape in the template, `escape` here), and
the script only ever sets textContent: a document holding "<script>" shows it.
Big corpora stay usable: documents are collapsed, and the highlighted text is cut
at a per-document and a whole-page budget, with a note saying so (the findings
table still lists every finding).
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional, Sequence

from markupsafe import Markup, escape

from .. import __version__
from ..registry import all_rules
from ..types import CATEGORIES, Finding
from .diff import Hunk, diff_hunks
from .model import CorpusResult, DocResult

MAX_DOC_CHARS = 30_000  # highlighted text per document
MAX_TOTAL_CHARS = 2_000_000  # highlighted text over the page (plus the diffs, capped alike)
MARK_COST = 150  # what a highlight adds to the page, in characters of the budget
MAX_ROWS = 1_000  # findings listed per document
MAX_TOTAL_ROWS = 20_000  # findings listed over the page (about 6 MB of table)
MAX_HUNKS = 200  # diff hunks per document

# one colour per category (Tableau 10, colour-blind aware), in CATEGORIES order
COLOURS = dict(zip(CATEGORIES, ("#e15759", "#f28e2b", "#b6992d", "#59a14f", "#76b7b2",
                                "#4e79a7", "#b07aa1", "#ff9da7", "#9c755f")))
LANG_NAMES = {"en": "English", "fr": "French", "es": "Spanish", "de": "German"}


@dataclass(frozen=True)
class Segment:
    """A run of text [start, end) covered by the findings `ids` (none: plain text).
    start == end is an insertion point: a finding that proposes to insert text there."""

    start: int
    end: int
    ids: tuple[int, ...]


def segments(text: str, findings: Sequence[Finding], limit: Optional[int] = None) -> list[Segment]:
    """Cut text[:limit] where findings start or end; each piece knows which findings cover it.

    Overlapping findings give pieces covered by several; a piece is never split inside
    one finding's span without a boundary of another there.
    """
    limit = len(text) if limit is None else min(limit, len(text))
    cuts = {0, limit}
    for f in findings:
        for p in (f.start, f.end):
            if p <= limit:
                cuts.add(p)
    points = sorted(cuts)
    inserts: dict[int, list[int]] = {}
    spans = []
    for i, f in enumerate(findings):
        if f.start == f.end:
            if f.start <= limit:
                inserts.setdefault(f.start, []).append(i)
        elif f.start < limit:
            spans.append((f.start, f.end, i))
    spans.sort()
    out: list[Segment] = []
    active: list[tuple[int, int]] = []  # (end, id)
    k = 0
    for a, b in zip(points, points[1:] + [None]):
        if a in inserts:
            out.append(Segment(a, a, tuple(inserts[a])))
        if b is None:
            break
        active = [(e, i) for e, i in active if e > a]
        while k < len(spans) and spans[k][0] <= a:
            if spans[k][1] > a:
                active.append((spans[k][1], spans[k][2]))
            k += 1
        out.append(Segment(a, b, tuple(sorted(i for _, i in active))))
    return out


def _fix_label(f: Finding) -> str:
    if f.replacement is None:
        return "no single safe fix"
    if f.replacement == "":
        return "delete"
    return f"→ {f.replacement!r}"


def shown(text: str, limit: int = 160) -> str:
    """A finding's text for a table cell: line breaks as ⏎, long spans cut in the middle."""
    s = text.replace("\r", "").replace("\n", "⏎")
    return s if len(s) <= limit else s[: limit // 2] + " … " + s[-limit // 2:]


def _title(f: Finding) -> str:
    return f"{f.rule} · {f.category} · {f.confidence:.2f}\n{f.message}\n{f.text!r} {_fix_label(f)}"


def highlight(doc: DocResult, did: str, limit: int) -> Markup:
    """The document text up to `limit` characters, each finding a <mark>; escaped."""
    fs = doc.findings
    parts: list[str] = []
    for s in segments(doc.text, fs, limit):
        piece = escape(doc.text[s.start:s.end])
        if not s.ids:
            parts.append(piece)
            continue
        first = fs[s.ids[0]]
        attrs = (f'data-f="{" ".join(f"{did}-f{i}" for i in s.ids)}" '
                 f'data-cat="{" ".join(fs[i].category for i in s.ids)}" '
                 f'data-rule="{escape(" ".join(fs[i].rule for i in s.ids))}" '
                 f'data-fx="{" ".join("1" if doc.is_applied(fs[i]) else "0" for i in s.ids)}" '
                 f'title="{escape(chr(10).join(_title(fs[i]) for i in s.ids))}"')
        if s.start == s.end:
            parts.append(f'<mark class="f ins c-{first.category}" {attrs} tabindex="0">‸</mark>')
        else:
            many = " many" if len(s.ids) > 1 else ""
            low = "" if any(doc.is_applied(fs[i]) for i in s.ids) else " low"
            parts.append(f'<mark class="f c-{first.category}{many}{low}" {attrs} tabindex="0">{piece}</mark>')
    return Markup("".join(parts))


def diff_view(hunks: Sequence[Hunk]) -> Markup:
    """The hunks as rows of a table: old and new line numbers, then the line with its
    deleted and inserted words marked."""
    rows = []
    for h in hunks:
        rows.append(f'<tr class="hh"><td colspan="3">@@ -{h.old_start},{h.old_len} +{h.new_start},{h.new_len} @@</td></tr>')
        for ln in h.lines:
            body = "".join(str(escape(t)) if op == "eq" else _changed(op, t) for op, t in ln.parts)
            rows.append(f'<tr class="{ln.kind}"><td class="n">{ln.old_no or ""}</td>'
                        f'<td class="n">{ln.new_no or ""}</td><td class="l">{body}</td></tr>')
    return Markup("".join(rows))


def _changed(op: str, t: str) -> str:
    """A deleted or inserted part; one that is only blanks shows them (· for a space,
    ⍽ for a no-break space, ⏎ for an empty line), or the change would be invisible."""
    if t.strip():
        return f"<{op}>{escape(t)}</{op}>"
    visible = t.replace(" ", "·").replace("\u00a0", "⍽").replace("\u202f", "⍽").replace("\t", "→") or "⏎"
    return f'<{op} class="ws" title="{escape(repr(t))}">{escape(visible)}</{op}>'


def bars(densities: dict[str, float], counts: dict[str, int], scale: float) -> list[dict]:
    """One bar per category the document has findings of, its width a share of `scale`
    (the highest density of any category in the corpus, so documents compare)."""
    return [{"cat": c, "colour": COLOURS[c], "count": counts[c], "density": densities.get(c, 0.0),
             "frac": (densities.get(c, 0.0) / scale) if scale else 0.0} for c in CATEGORIES if counts.get(c)]


def stack(densities: dict[str, float], scale: float) -> list[dict]:
    """The stacked bar of the summary table: each category's share of `scale`, left to right."""
    out, x = [], 0.0
    for c in CATEGORIES:
        d = densities.get(c, 0.0)
        if d:
            w = d / scale if scale else 0.0
            out.append({"cat": c, "colour": COLOURS[c], "x": x, "w": w, "density": d})
            x += w
    return out


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def render(corpus: CorpusResult, title: str = "cleanmt report", max_doc_chars: int = MAX_DOC_CHARS,
           max_total_chars: int = MAX_TOTAL_CHARS, generated: Optional[str] = None) -> str:
    """The whole page as one string."""
    from jinja2 import Environment

    env = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
    template = env.from_string(_asset("template.html.j2"))
    return template.render(**context(corpus, title, max_doc_chars, max_total_chars, generated))


def context(corpus: CorpusResult, title: str, max_doc_chars: int = MAX_DOC_CHARS,
            max_total_chars: int = MAX_TOTAL_CHARS, generated: Optional[str] = None) -> dict:
    """Everything the template shows, as plain values (and Markup for the pre-built parts)."""
    descriptions = {r.id: r.description for r in all_rules()}
    docs = corpus.docs
    max_cat = max((v for d in docs for v in d.score["by_category"].values()), default=0.0)
    max_total = max((d.score["per_1000_words"] for d in docs), default=0.0)
    budget = max_total_chars
    rows_left = MAX_TOTAL_ROWS
    first_open = next((i for i, d in enumerate(docs) if d.findings), None)
    views = []
    for i, d in enumerate(docs):
        did = f"d{i}"
        limit = max(0, min(len(d.text), max_doc_chars, budget))
        budget -= limit + MARK_COST * sum(1 for f in d.findings if f.start < limit)
        hunks = diff_hunks(d.text, d.fixed) if d.fixed != d.text and budget > 0 else []
        shown_hunks = hunks[:MAX_HUNKS]
        budget -= sum(len(p[1]) for h in shown_hunks for ln in h.lines for p in ln.parts)
        counts = d.counts()
        listed = d.findings[:max(0, min(MAX_ROWS, rows_left))]
        rows_left -= len(listed)
        rows = [{"id": f"{did}-f{j}", "n": j + 1, "f": f, "fix": _fix_label(f), "applied": d.is_applied(f),
                 "shown": shown(f.text)} for j, f in enumerate(listed)]
        views.append({
            "id": did, "index": i + 1, "path": d.path, "lang": d.language.code,
            "lang_name": LANG_NAMES.get(d.language.code, d.language.code), "lang_reason": d.language.reason,
            "words": d.words, "chars": len(d.text), "n": len(d.findings), "density": d.score["per_1000_words"],
            "counts": counts, "cats": " ".join(c for c in CATEGORIES if counts[c]),
            "rules": " ".join(sorted({f.rule for f in d.findings})),
            "bars": bars(d.score["by_category"], counts, max_cat), "stack": stack(d.score["by_category"], max_total),
            "text": highlight(d, did, limit), "shown_chars": limit,
            "beyond": sum(1 for f in d.findings if f.start >= limit) if limit < len(d.text) else 0,
            "rows": rows, "rows_left": len(d.findings) - len(rows),
            "edits": len(d.edits), "applied": len(d.applied), "changed": d.fixed != d.text,
            "diff": diff_view(shown_hunks), "hunks": len(hunks), "hunks_left": len(hunks) - len(shown_hunks),
            "diff_skipped": d.fixed != d.text and not hunks,
            "open": i == first_open,
        })
    totals = corpus.counts()
    words = sum(d.words for d in docs)
    n = sum(totals.values())
    cat_max = max(totals.values(), default=0)
    rule_rows = [{"rule": r, "cat": c, "colour": COLOURS[c], "count": k, "docs": nd,
                  "description": descriptions.get(r, "")} for r, (c, k, nd) in corpus.rule_counts().items()]
    langs: dict[str, int] = {}
    for d in docs:
        langs[d.language.code] = langs.get(d.language.code, 0) + 1
    return {
        "title": title, "version": __version__,
        "generated": generated or _dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "settings": corpus.settings, "css": Markup(_asset("report.css")), "js": Markup(_asset("report.js")),
        "categories": [{"cat": c, "colour": COLOURS[c], "count": totals[c],
                        "frac": totals[c] / cat_max if cat_max else 0.0} for c in CATEGORIES],
        "docs": views, "rules": rule_rows,
        "summary": {"docs": len(docs), "words": words, "findings": n,
                    "density": round(n * 1000 / words, 2) if words else 0.0,
                    "with_findings": sum(1 for d in docs if d.findings),
                    "applied": sum(len(d.applied) for d in docs), "edits": sum(len(d.edits) for d in docs),
                    "changed": sum(1 for d in docs if d.fixed != d.text),
                    "langs": " · ".join(f"{k} {v}" for k, v in sorted(langs.items(), key=lambda kv: (-kv[1], kv[0])))},
        "names": [{"lang": k, "lang_name": LANG_NAMES.get(k, k), "rows": v} for k, v in corpus.names.items() if v],
        "max_rows": MAX_ROWS, "max_total_rows": MAX_TOTAL_ROWS,
        "max_cat": max_cat, "max_total": max_total, "max_doc_chars": max_doc_chars,
    }
