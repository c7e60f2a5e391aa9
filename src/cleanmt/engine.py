"""Runs rules over a document, resolves overlapping findings and applies fixes.

Why the CRLF dance: rules are written against "\\n" text; the engine hides
"\\r\\n" from them and maps every offset back, so findings always index the
text the user gave us and every byte we do not fix is kept.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace as _replace
from typing import Iterable, Optional, Sequence

from .blocks import BIG_TEXT_CHARS, BlockDocument, Evidence, block_spans
from .document import WORD_RE, Document
from .lang import LanguageGuess, resolve
from .memo import Memo
from .prescan import Scanner, scanner
from .mojibake import shield
from .registry import Rule, select_rules
from .suppression import suppress
from .types import Edit, Finding, Report

DEFAULT_MIN_CONFIDENCE = 0.8
# a bound, not a budget: fixing stops at its fixed point, which most texts reach after one
# or two passes (a run of doubled marks loses one mark per pass per run)
MAX_FIX_PASSES = 12
_SURROGATE = re.compile("[\ud800-\udfff]")  # lone surrogates: a str can hold them, UTF-8 cannot


class _CrlfMap:
    """Maps offsets of the "\\n"-only view back to the original CRLF text."""

    def __init__(self, original: str):
        self.original = original
        has_crlf = "\r" in original and "\r\n" in original  # one memchr pass for most text
        self.view = original.replace("\r\n", "\n") if has_crlf else original
        # positions (in the view) of "\n" that were "\r\n" in the original
        self._crlf_at: list[int] = []
        if has_crlf:
            shift = 0
            i = original.find("\r\n")
            while i != -1:
                self._crlf_at.append(i - shift)
                shift += 1
                i = original.find("\r\n", i + 2)

    def to_original(self, pos: int) -> int:
        # every CRLF strictly before `pos` in the view adds one code point
        return pos + bisect_left(self._crlf_at, pos)

    def replacement(self, text: str) -> str:
        return text.replace("\n", "\r\n") if self._crlf_at else text


class Cleaner:
    """Holds a chosen rule set and settings; reuse it across documents."""

    def __init__(
        self,
        select: Optional[Iterable[str]] = None,
        ignore: Optional[Iterable[str]] = None,
        min_confidence: float = DEFAULT_MIN_CONFIDENCE,
        keep_boilerplate: bool = False,
        lang: str = "en",
        corpus: object = None,
        source: Optional[str] = None,
    ):
        if lang != "auto":
            resolve(lang, "")  # an unknown language is a usage error now, not per document
        self.rules: list[Rule] = select_rules(select, ignore)
        self._by_lang: dict[str, tuple[list[Rule], dict[str, Rule], Scanner]] = {}
        self.corpus = corpus  # shared facts for corpus mode, handed to every Document
        self.source = source  # None: unknown; "auto": guess per document; else a language code
        self.min_confidence = min_confidence
        self.keep_boilerplate = keep_boilerplate
        self.lang = lang
        self._fixed_lang = lang not in (None, "auto")  # validated above: no need to resolve per document
        self.memo = Memo()  # per-word facts the rules keep across this Cleaner's documents

    def _plan(self, lang: str) -> tuple[list[Rule], dict[str, Rule], Scanner]:
        """(rules without anchors, rules with anchors by id, the prescan of their anchors):
        the chosen rules that know `lang`'s conventions, worked out once per language."""
        plan = self._by_lang.get(lang)
        if plan is None:
            rules = [r for r in self.rules if lang in r.langs]
            anchored = [r for r in rules if r.anchored]
            plan = self._by_lang[lang] = (
                [r for r in rules if not r.anchored],
                {r.id: r for r in anchored},
                scanner(tuple(anchored)),
            )
        return plan

    def _candidates(self, doc: Document) -> list[Rule]:
        """The rules that pass the anchor test of `may_fire`: every rule without anchors,
        and those whose anchors the prescan found. Most documents have no anchor of most rules, so this costs a
        lookup per anchor hit rather than a call per rule."""
        unanchored, anchored, _ = self._plan(doc.lang)
        folded, exact = doc.anchor_hits
        if not folded and not exact:
            return unanchored
        found = [anchored[i] for i in folded.keys() | exact.keys() if i in anchored]
        return unanchored + found if found else unanchored

    def language_of(self, text: str) -> LanguageGuess:
        """The target language for `text`: the one given, or detected for --lang auto."""
        return resolve(self.lang, text)

    def source_of(self, text: str, target: str) -> Optional[str]:
        """The source language to assume: the one given, a guess for "auto", or None."""
        if self.source != "auto":
            return self.source
        from .hints import source_language_hints

        return source_language_hints(text, target=target)["guess"]

    def warm(self) -> None:
        """Load now what the rules read lazily (lexicons, word lists, automata), by fixing
        their own examples: worker processes forked after this inherit it all instead of
        loading it each. Results do not change; only when the loading happens."""
        langs = [self.lang] if self._fixed_lang else sorted({lang for r in self.rules for lang in r.langs})
        for lang in langs:
            self._plan(lang)[2].use_dfa()  # the workers will read much text
            rules = [r for r in self.rules if lang in r.langs]
            text = "\n\n".join(t for r in rules for t, _ in r.bad)
            if text:
                self._fix_in(text, lang, None)
        from .frequency import load_asked
        from .knowledge.keyed_store import load_all

        load_all()  # the tables read key by key from disk so far, whole
        load_asked()

    # -- detection -----------------------------------------------------------
    def detect(self, text: str) -> list[Finding]:
        lang, source = self._settings_for(text)
        if len(text) > BIG_TEXT_CHARS:
            return self._detect_big(text, lang, source)
        return self._detect_in(text, lang, source)

    def _settings_for(self, text: str) -> tuple[str, Optional[str]]:
        """(target, source) language of `text`, worked out once per call: the windows
        and blocks of one text are all read in its language."""
        if len(text) > BIG_TEXT_CHARS:  # a big text is read in the language of its first block
            text = text[: next(block_spans(text))[1]]
        view = text.replace("\r\n", "\n") if "\r" in text else text
        lang = self.lang if self._fixed_lang else self.language_of(text).code
        return lang, self.source_of(view, lang)

    def _detect_in(self, text: str, lang: str, source: Optional[str], evidence: Optional[Evidence] = None,
                   local_only: bool = False) -> list[Finding]:
        """The findings of one document (or one block of a big text, reading `evidence`).
        `local_only`: only the rules whose findings depend on the paragraph alone."""
        if not text.isascii() and _SURROGATE.search(text):
            return self._detect_around_surrogates(text, lang, source, evidence, local_only)
        cmap = _CrlfMap(text)
        if evidence is None:
            doc = Document(cmap.view, lang=lang, corpus=self.corpus, source=source, scanner=self._plan(lang)[2],
                           memo=self.memo)
        else:
            doc = BlockDocument(cmap.view, evidence, lang=lang, source=source, scanner=self._plan(lang)[2],
                                memo=self.memo)
        found: dict[tuple, Finding] = {}
        for r in self._candidates(doc):
            if local_only and r.category not in LOCAL_CATEGORIES:
                continue
            if not r.passes_gates(doc):
                continue
            for hit in r.check(doc):
                if not (0 <= hit.start <= hit.end <= len(cmap.view)):
                    raise AssertionError(f"{r.id} returned an out-of-range span {hit}")
                start, end = cmap.to_original(hit.start), cmap.to_original(hit.end)
                repl = None if hit.replacement is None else cmap.replacement(hit.replacement)
                f = Finding(
                    start=start,
                    end=end,
                    text=text[start:end],
                    rule=r.id,
                    category=r.category,
                    message=hit.message,
                    replacement=repl,
                    confidence=r.confidence if hit.confidence is None else hit.confidence,
                )
                key = (f.start, f.end, f.rule)
                if key not in found or f.confidence > found[key].confidence:
                    found[key] = f
        if not found:
            return []
        findings = list(found.values())
        if not text.isascii():
            findings = shield(text, findings)  # no rule but ENC edits inside mojibake
        # inline `cleanmt: ignore` markers (suppression.py); fix reads these findings too
        return suppress(text, sorted(findings, key=lambda f: (f.start, f.end, f.rule)))

    def _detect_around_surrogates(self, text: str, lang: str, source: Optional[str],
                                  evidence: Optional[Evidence], local_only: bool) -> list[Finding]:
        """A text holding lone surrogates (JSON's "\\udc80", an API caller's str): rules see
        each as U+FFFD (one code point for one, so offsets hold); a finding that covers
        one is dropped, so neither a report nor a fix ever stands on a character that
        is not really there."""
        found = self._detect_in(_SURROGATE.sub("\ufffd", text), lang, source, evidence, local_only)
        return [_replace(f, text=text[f.start:f.end]) for f in found
                if not _SURROGATE.search(text, f.start, f.end)]

    def _evidence_of(self, blocks: Iterable[str], lang: str) -> Evidence:
        """The document-level evidence of a big text, gathered block by block."""
        return Evidence.gather((b.replace("\r\n", "\n") for b in blocks), lang,
                               getattr(self.corpus, "names", self.corpus))

    def _detect_big(self, text: str, lang: str, source: Optional[str]) -> list[Finding]:
        """A big text block by block (see blocks.py): findings keep offsets into `text`."""
        spans = list(block_spans(text))
        evidence = self._evidence_of((text[s:e] for s, e in spans), lang)
        out: list[Finding] = []
        for s, e in spans:
            out += [_replace(f, start=f.start + s, end=f.end + s)
                    for f in self._detect_in(text[s:e], lang, source, evidence)]
        return out

    # -- fixing --------------------------------------------------------------
    def fixable(self, f: Finding) -> bool:
        if f.replacement is None or f.replacement == f.text:
            return False
        if f.confidence < self.min_confidence:
            return False
        if f.category == "boilerplate" and self.keep_boilerplate:
            return False
        return True

    def fix(self, text: str) -> Report:
        """Detect, apply the safe fixes, re-check around them, repeat until nothing changes.

        Repeating makes fixing idempotent: a fix that exposes another artifact
        (a deleted line leaving a doubled blank) is settled in the same call. Fixes
        that undo earlier ones (two rules that disagree, each turning the text back)
        would cycle: when a pass gives back a text already seen, fixing stops there
        and the edits of the cycle are dropped, since together they changed nothing.
        A fix after which a more confident rule flags the text it wrote is not made.
        `Report.edits` index the input: `apply_edits(text, report.edits) == report.fixed`.
        """
        lang, source = self._settings_for(text)
        if len(text) <= BIG_TEXT_CHARS:
            return self._fix_in(text, lang, source)
        spans = list(block_spans(text))
        evidence = self._evidence_of((text[s:e] for s, e in spans), lang)
        report = Report(text=text)
        fixed: list[str] = []
        for s, e in spans:
            r = self._fix_in(text[s:e], lang, source, evidence)
            report.findings += [_replace(f, start=f.start + s, end=f.end + s) for f in r.findings]
            report.edits += [_replace(d, start=d.start + s, end=d.end + s) for d in r.edits]
            fixed.append(r.fixed)
        report.fixed = "".join(fixed)
        return report

    def _fix_in(self, text: str, lang: str, source: Optional[str], evidence: Optional[Evidence] = None) -> Report:
        findings = self._detect_in(text, lang, source, evidence)
        report = Report(text=text, findings=findings)
        current, composed, pass_findings = text, [], findings
        seen = {(hash(text), len(text)): composed}  # each text reached -> the edits that led to it
        vetoed: set = set()  # fixes a more confident rule objected to, as keys in `current`
        pass_no = tries = 0
        while pass_no < MAX_FIX_PASSES and tries < 4 * MAX_FIX_PASSES:
            tries += 1
            fixable = [f for f in pass_findings if self.fixable(f) and _key(f) not in vetoed]
            if not fixable:
                break
            chosen = _choose(fixable)
            new, spans = _apply(current, chosen)
            next_findings = self._recheck(current, new, chosen, spans, pass_findings, lang, source, evidence)
            objected = _objections(chosen, spans, pass_findings, next_findings)
            if objected:
                vetoed |= objected
                continue  # choose again on the same text, without them
            pass_no += 1
            composed = _compose(text, current, composed, chosen, pass_no)
            moved = _mover(chosen)
            vetoed = {(moved(a), moved(b), r, x) for a, b, r, x in vetoed if moved(a) is not None
                      and moved(b) is not None}
            current = new
            key = (hash(current), len(current))
            if key in seen:
                composed = seen[key]
                break
            seen[key] = composed
            pass_findings = next_findings
        report.fixed = current
        report.edits = [e for e in composed if e.old != e.new]
        return report

    def _recheck(self, old: str, new: str, chosen: list[Finding], spans: list[tuple[int, int]],
                 old_findings: list[Finding], lang: str, source: Optional[str],
                 evidence: Optional[Evidence]) -> list[Finding]:
        """The findings of `new` (= `old` with the `chosen` fixes, now at `spans`).

        Only the paragraphs around the fixes are checked again, and only by the rules
        that read a paragraph alone (LOCAL_CATEGORIES), when the fixes moved no word and
        no line: then no document-level evidence (names, word counts, lines) changed,
        and the other findings only move. Otherwise, and in short texts, all of `new`."""
        if len(new) < INCREMENTAL_MIN_CHARS or any(f.category not in LOCAL_CATEGORIES for f in chosen):
            return self._detect_in(new, lang, source, evidence)
        windows = _windows(new, spans)
        old_windows = []  # the same windows in `old`: their edges lie outside every fix
        for ws, we, cs, ce in windows:
            ows, owe = _back(chosen, ws), _back(chosen, we)
            before, after = old[ows:owe], new[ws:we]
            if before.count("\n") != after.count("\n") or WORD_RE.findall(before) != WORD_RE.findall(after):
                return self._detect_in(new, lang, source, evidence)
            old_windows.append((ows, owe, _back(chosen, cs), _back(chosen, ce)))
        moved = _mover(chosen)
        kept: list[Finding] = []
        for f in old_findings:
            local = f.category in LOCAL_CATEGORIES
            in_core = in_window = False
            for ws, we, cs, ce in old_windows:
                if cs <= f.start and f.end <= ce and local:
                    in_core = True  # checked again below
                elif f.start < ce and cs < f.end or (not local and f.start < we and ws < f.end):
                    return self._detect_in(new, lang, source, evidence)  # its context changed: ask every rule
            if in_core or in_window:
                continue
            s = moved(f.start)
            kept.append(f if s == f.start else _replace(f, start=s, end=s + f.end - f.start))
        for ws, we, cs, ce in windows:
            for f in self._detect_in(new[ws:we], lang, source, evidence, local_only=True):
                s, e = f.start + ws, f.end + ws
                if cs <= s and e <= ce:
                    kept.append(_replace(f, start=s, end=e))
        kept.sort(key=lambda f: (f.start, f.end, f.rule))
        return kept


# rules whose findings in a paragraph depend on that paragraph alone (the rest read
# document-level evidence: the name table, word counts, the document's first lines...);
# tests/test_incremental.py checks the claim on the seeds and the dev set
LOCAL_CATEGORIES = frozenset({"punctuation", "spinner", "encoding"})
INCREMENTAL_MIN_CHARS = 3000  # a shorter text is re-checked whole: windows would not pay
_BLANK = ("\n\n", "\n\r\n")


def _key(f: Finding) -> tuple:
    return (f.start, f.end, f.rule, f.replacement)


def _choose(findings: Sequence[Finding]) -> list[Finding]:
    """The fixes `choose_edits` picks, as findings, sorted."""
    taken: list[Finding] = []
    for cluster in _clusters(findings):  # findings of different clusters never overlap
        if len(cluster) == 1:
            taken.append(cluster[0])
            continue
        chosen: list[Finding] = []
        for f in sorted(cluster, key=lambda f: (-f.confidence, -(f.end - f.start), f.start, f.rule)):
            if not any(_overlaps(f, t) for t in chosen):
                chosen.append(f)
        taken.extend(chosen)
    taken.sort(key=lambda f: (f.start, f.end))
    return taken


def _apply(text: str, chosen: Sequence[Finding]) -> tuple[str, list[tuple[int, int]]]:
    """The text with the chosen fixes, and where each fix's new text now lies."""
    out, spans, pos, shift = [], [], 0, 0
    for f in chosen:
        out.append(text[pos:f.start])
        new = f.replacement or ""
        out.append(new)
        spans.append((f.start + shift, f.start + shift + len(new)))
        shift += len(new) - (f.end - f.start)
        pos = f.end
    out.append(text[pos:])
    return "".join(out), spans


def _mover(chosen: Sequence[Finding]):
    """pos in the text before the fixes -> pos after them; None strictly inside a replaced span."""
    ends = [f.end for f in chosen]
    shifts, total = [0], 0
    for f in chosen:
        total += len(f.replacement or "") - (f.end - f.start)
        shifts.append(total)

    def moved(pos: int) -> Optional[int]:
        i = bisect_right(ends, pos)  # the fixes that end at or before pos
        if i < len(chosen) and chosen[i].start < pos:
            return None
        return pos + shifts[i]

    return moved


def _back(chosen: Sequence[Finding], pos: int) -> int:
    """pos in the fixed text, outside every fix's new text -> pos before the fixes."""
    shift = 0
    for f in chosen:
        new_start = f.start + shift
        if new_start >= pos:
            break
        shift += len(f.replacement or "") - (f.end - f.start)
    return pos - shift


def _paragraph_start(text: str, pos: int) -> int:
    return max(text.rfind(b, 0, pos) + len(b) if text.rfind(b, 0, pos) != -1 else 0 for b in _BLANK)


def _paragraph_end(text: str, pos: int) -> int:
    ends = [i for i in (text.find(b, pos) for b in _BLANK) if i != -1]
    return min(ends) + 1 if ends else len(text)


def _windows(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """(window start, end, core start, end) around the fixes: the core is the paragraphs
    holding them, the window one more paragraph each side (a rule reads the paragraph
    it reports in and its neighbours' edges, never further)."""
    out: list[list[int]] = []
    for s, e in spans:
        cs = _paragraph_start(text, s)
        ce = _paragraph_end(text, e)
        ws = _paragraph_start(text, max(0, cs - 2))
        we = _paragraph_end(text, min(len(text), ce + 2))
        if out and ws <= out[-1][1]:
            out[-1][1] = max(out[-1][1], we)
            out[-1][3] = max(out[-1][3], ce)
        else:
            out.append([ws, we, cs, ce])
    return [(a, b, c, d) for a, b, c, d in out]


def _objections(chosen: Sequence[Finding], spans: list[tuple[int, int]], before: Sequence[Finding],
                after: Sequence[Finding]) -> set:
    """The chosen fixes whose new text a more confident rule flags, where it flagged
    nothing before: "Von der" lower-cased by CAS003 and flagged by CAS001, say."""
    moved = _mover(chosen)
    old = {(moved(f.start), moved(f.end), f.rule, f.replacement) for f in before}
    out = set()
    for g in after:
        if (g.start, g.end, g.rule, g.replacement) in old:
            continue
        for f, (s, e) in zip(chosen, spans):
            if s < e and g.start < e and s < g.end and g.confidence > f.confidence:
                out.add(_key(f))
    return out


def _compose(original: str, current: str, composed: list[Edit], chosen: Sequence[Finding],
             pass_no: int) -> list[Edit]:
    """The edits so far (offsets into `original`) followed by this pass's fixes (offsets
    into `current`), as one sorted list of edits into `original`: a fix that touches an
    earlier edit merges with it (its rule then reads "CAS003+PUN001")."""
    items: list[tuple[int, int, int, object]] = []
    d = 0
    for c in composed:
        cs = c.start + d
        items.append((cs, cs + len(c.new), 0, c))
        d += len(c.new) - (c.end - c.start)
    for f in chosen:
        items.append((f.start, f.end, 1, f))
    items.sort(key=lambda t: (t[0], t[1], t[2]))
    clusters: list[list] = []
    end = -1
    for it in items:
        if clusters and it[0] <= end:
            clusters[-1].append(it)
            end = max(end, it[1])
        else:
            clusters.append([it])
            end = it[1]
    out: list[Edit] = []
    before = 0  # how much longer `current` is than `original` before this cluster
    for cluster in clusters:
        olds = [it[3] for it in cluster if it[2] == 0]
        news = [it[3] for it in cluster if it[2] == 1]
        grown = sum(len(c.new) - (c.end - c.start) for c in olds)
        if not news:
            out.extend(olds)
            before += grown
            continue
        cs, ce = min(it[0] for it in cluster), max(it[1] for it in cluster)
        os_, oe = cs - before, ce - before - grown
        seg = apply_edits(current[cs:ce], [Edit(f.start - cs, f.end - cs, f.text, f.replacement or "", f.rule)
                                           for f in news])
        rules = list(dict.fromkeys([c.rule for c in olds] + [f.rule for f in news]))
        out.append(Edit(os_, oe, original[os_:oe], seg, "+".join(rules), pass_no))
        before += grown
    return out


def choose_edits(findings: Sequence[Finding], pass_no: int = 1) -> list[Edit]:
    """Pick non-overlapping fixes: higher confidence wins, then the longer span.

    Two insertions at one point, or an insertion inside a replaced span, count
    as overlapping too: applying both would be ambiguous.
    """
    return [Edit(f.start, f.end, f.text, f.replacement or "", f.rule, pass_no) for f in _choose(findings)]


def _clusters(findings: Sequence[Finding]) -> list[list[Finding]]:
    """The findings in runs, by position, such that two findings that overlap are always
    in one run: the choice is made run by run, so its cost follows the size of the runs
    (mostly one finding), not the square of the number of findings."""
    runs: list[list[Finding]] = []
    end = -1
    prev = None
    for f in sorted(findings, key=lambda f: (f.start, f.end)):
        same_point = prev is not None and f.start == f.end == prev.start == prev.end
        if runs and (f.start < end or same_point):
            runs[-1].append(f)
        else:
            runs.append([f])
        end = max(end, f.end)
        prev = f
    return runs


def _overlaps(a: Finding, b: Finding) -> bool:
    if a.start < b.end and b.start < a.end:  # also catches an insertion inside a span
        return True
    return a.start == a.end == b.start == b.end  # two insertions at one point


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply sorted, non-overlapping edits; everything between them is kept."""
    out, pos = [], 0
    for e in edits:
        out.append(text[pos : e.start])
        out.append(e.new)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)
