"""Runs rules over a document, resolves overlapping findings and applies fixes.

Why the CRLF dance: rules are written against "\\n" text; the engine hides
"\\r\\n" from them and maps every offset back, so findings always index the
text the user gave us and every byte we do not fix is kept.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace as _replace
from typing import Iterable, Optional, Sequence

from .document import Document
from .lang import LanguageGuess, resolve
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
        self._by_lang: dict[str, tuple[list[Rule], dict[str, Rule]]] = {}
        self.corpus = corpus  # shared facts for corpus mode, handed to every Document
        self.source = source  # None: unknown; "auto": guess per document; else a language code
        self.min_confidence = min_confidence
        self.keep_boilerplate = keep_boilerplate
        self.lang = lang
        self._fixed_lang = lang not in (None, "auto")  # validated above: no need to resolve per document

    def _plan(self, lang: str) -> tuple[list[Rule], dict[str, Rule]]:
        """(rules without anchors, rules with anchors by id): the chosen rules that know
        `lang`'s conventions, worked out once per language."""
        plan = self._by_lang.get(lang)
        if plan is None:
            rules = [r for r in self.rules if lang in r.langs]
            plan = self._by_lang[lang] = (
                [r for r in rules if not r.anchored],
                {r.id: r for r in rules if r.anchored},
            )
        return plan

    def _candidates(self, doc: Document) -> list[Rule]:
        """The rules that pass the anchor test of `may_fire`: every rule without anchors,
        and those whose anchors the prescan found. Most documents have no anchor of most rules, so this costs a
        lookup per anchor hit rather than a call per rule."""
        unanchored, anchored = self._plan(doc.lang)
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

    # -- detection -----------------------------------------------------------
    def detect(self, text: str) -> list[Finding]:
        if not text.isascii() and _SURROGATE.search(text):
            return self._detect_around_surrogates(text)
        cmap = _CrlfMap(text)
        lang = self.lang if self._fixed_lang else self.language_of(text).code
        doc = Document(cmap.view, lang=lang, corpus=self.corpus, source=self.source_of(cmap.view, lang))
        found: dict[tuple, Finding] = {}
        for r in self._candidates(doc):
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
        # inline `cleanmt: ignore` markers (suppression.py); fix reads detect, so it obeys them too
        return suppress(text, sorted(found.values(), key=lambda f: (f.start, f.end, f.rule)))

    def _detect_around_surrogates(self, text: str) -> list[Finding]:
        """A text holding lone surrogates (JSON's "\\udc80", an API caller's str): rules see
        each as U+FFFD (one code point for one, so offsets hold); a finding that covers
        one is dropped, so neither a report nor a fix ever stands on a character that
        is not really there."""
        found = self.detect(_SURROGATE.sub("\ufffd", text))
        return [_replace(f, text=text[f.start:f.end]) for f in found
                if not _SURROGATE.search(text, f.start, f.end)]

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
        """Detect, apply the safe fixes, repeat until nothing changes.

        Repeating makes fixing idempotent: a fix that exposes another artifact
        (a deleted line leaving a doubled blank) is settled in the same call. Fixes
        that undo earlier ones (two rules that disagree, each turning the text back)
        would cycle: when a pass gives back a text already seen, fixing stops there
        and the edits of the cycle are dropped, since together they changed nothing.
        """
        findings = self.detect(text)
        report = Report(text=text, findings=findings)
        current, all_edits, pass_findings = text, [], findings
        seen = {(hash(text), len(text)): 0}  # each text reached -> how many edits led to it
        for pass_no in range(1, MAX_FIX_PASSES + 1):
            fixable = [f for f in pass_findings if self.fixable(f)]
            if not fixable:
                break
            edits = choose_edits(fixable, pass_no)
            current = apply_edits(current, edits)
            all_edits.extend(edits)
            key = (hash(current), len(current))
            if key in seen:
                del all_edits[seen[key]:]
                break
            seen[key] = len(all_edits)
            pass_findings = self.detect(current)
        report.fixed = current
        report.edits = all_edits
        return report


def choose_edits(findings: Sequence[Finding], pass_no: int = 1) -> list[Edit]:
    """Pick non-overlapping fixes: higher confidence wins, then the longer span.

    Two insertions at one point, or an insertion inside a replaced span, count
    as overlapping too: applying both would be ambiguous.
    """
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
    return [Edit(f.start, f.end, f.text, f.replacement or "", f.rule, pass_no) for f in taken]


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
