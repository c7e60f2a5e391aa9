"""What a report shows, worked out before any HTML: each document's language, findings,
which of them `fix` applies, the fixed text, and each language's name table.

Why separate from the HTML: the numbers a person reads (counts, densities, the diff)
are tested here as data, and the builder only lays them out.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence

from ..engine import DEFAULT_MIN_CONFIDENCE, Cleaner
from ..lang import LanguageGuess, resolve
from ..parallel import ordered_map
from ..scoring import artifact_score
from ..types import CATEGORIES, Edit, Finding


@dataclass
class DocResult:
    """One document of the run: its text, findings and what `fix` makes of it."""

    path: str
    text: str
    language: LanguageGuess
    findings: list[Finding]
    fixed: str
    edits: list[Edit]
    applied: frozenset  # (start, end, rule) of the findings fix applies in its first pass
    score: dict

    def is_applied(self, f: Finding) -> bool:
        return (f.start, f.end, f.rule) in self.applied

    @property
    def words(self) -> int:
        return self.score["words"]

    def counts(self) -> dict[str, int]:
        out = {c: 0 for c in CATEGORIES}
        for f in self.findings:
            out[f.category] += 1
        return out


@dataclass
class CorpusResult:
    """Every document, and the name table of each target language in the run."""

    docs: list[DocResult]
    names: dict[str, list[dict]] = field(default_factory=dict)  # language -> NameTable.rows()
    settings: dict = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        out = {c: 0 for c in CATEGORIES}
        for d in self.docs:
            for c, n in d.counts().items():
                out[c] += n
        return out

    def rule_counts(self) -> dict[str, tuple[str, int, int]]:
        """rule -> (category, findings, documents with one), by rule id."""
        acc: dict[str, list] = {}
        for d in self.docs:
            seen = set()
            for f in d.findings:
                row = acc.setdefault(f.rule, [f.category, 0, 0])
                row[1] += 1
                if f.rule not in seen:
                    seen.add(f.rule)
                    row[2] += 1
        return {r: tuple(v) for r, v in sorted(acc.items())}


def analyse(
    items: Sequence[tuple[str, str]],
    *,
    lang: str = "auto",
    select: Optional[Iterable[str]] = None,
    ignore: Optional[Iterable[str]] = None,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    keep_boilerplate: bool = False,
    names_file: Optional[str] = None,
    corpus: bool = True,
    jobs: int = 1,
) -> CorpusResult:
    """Run detection and fixing over (path, text) items as one corpus.

    Each document gets its own target language (`lang` "auto" detects it), and the
    documents of one language share a name table, as `detect --corpus` would build
    for them: a name is settled on one spelling across the files of its language.
    `jobs` > 1 spreads the documents of each language over that many processes.
    """
    from ..names import build_name_table

    select = None if select is None else tuple(select)
    ignore = None if ignore is None else tuple(ignore)
    guesses = [resolve(lang, text) for _, text in items]
    by_lang: dict[str, list[int]] = {}
    for i, g in enumerate(guesses):
        by_lang.setdefault(g.code, []).append(i)
    docs: list[Optional[DocResult]] = [None] * len(items)
    names: dict[str, list[dict]] = {}
    for code, indices in by_lang.items():
        table = None
        if corpus or names_file:
            texts = [items[i][1] for i in indices] if corpus else []
            table = build_name_table(texts, lang=code, names_file=names_file)
        cleaner = Cleaner(select=select, ignore=ignore, min_confidence=min_confidence,
                          keep_boilerplate=keep_boilerplate, lang=code, corpus=table)
        if table is not None:
            names[code] = _rows_of_rules(table.rows(), {r.id for r in cleaner.rules if code in r.langs})
        _init_worker(cleaner)  # this process runs the documents when jobs is 1
        reports = ordered_map(_fix_one, [items[i][1] for i in indices], jobs,
                              initializer=_init_worker, initargs=(cleaner,))
        for i, rep in zip(indices, reports):
            path, text = items[i]
            fixed = rep.fixed if rep.fixed is not None else text
            applied = frozenset((e.start, e.end, e.rule) for e in rep.edits if e.pass_no == 1)
            docs[i] = DocResult(path=path, text=text, language=guesses[i], findings=rep.findings, fixed=fixed,
                                edits=rep.edits, applied=applied, score=artifact_score(text, rep.findings))
    settings = {"lang": lang, "min_confidence": min_confidence, "keep_boilerplate": keep_boilerplate,
                "select": list(select or []), "ignore": list(ignore or []), "corpus": corpus,
                "names_file": names_file}
    _WORKER.clear()
    return CorpusResult(docs=[d for d in docs if d is not None], names=names, settings=settings)


_WORKER: dict = {}  # the Cleaner of this process (one per worker, set by its initializer)


def _init_worker(cleaner: Cleaner) -> None:
    _WORKER["cleaner"] = cleaner


def _fix_one(text: str):
    return _WORKER["cleaner"].fix(text)


def _rows_of_rules(rows: list[dict], rule_ids: set) -> list[dict]:
    """The name table as the detector acts on it: only the spellings a rule that runs for
    this language reports (TRL003's guesses are not made for German text, say)."""
    out = []
    for row in rows:
        variants = [v for v in row["variants"] if v["rule"] in rule_ids]
        if variants:
            out.append({**row, "variants": variants})
    return out
