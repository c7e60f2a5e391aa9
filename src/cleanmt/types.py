"""Plain data types shared by the engine, the rules, the CLI and the API.

They are frozen dataclasses so that findings can be hashed, compared and
serialised without surprises; nothing here knows how a rule works.
"""
from __future__ import annotations

from dataclasses import dataclass, field, asdict
from typing import Optional

CATEGORIES = (
    "spinner",
    "quotes",
    "punctuation",
    "transliteration",
    "casing",
    "calque",
    "untranslated",
    "encoding",
    "boilerplate",
)


@dataclass(frozen=True)
class Hit:
    """What a rule reports: a span of the text it saw and what to do about it.

    `replacement` is the proposed text for the span: "" deletes it, None means
    the problem has no single safe fix. `confidence` overrides the rule's default.
    """

    start: int
    end: int
    message: str
    replacement: Optional[str] = None
    confidence: Optional[float] = None


@dataclass(frozen=True)
class Finding:
    """One artifact in a document, as the output contract describes it.

    `start`/`end` are code-point offsets into the decoded text (end exclusive)
    and `text == decoded[start:end]` always holds.
    """

    start: int
    end: int
    text: str
    rule: str
    category: str
    message: str
    replacement: Optional[str]
    confidence: float

    def to_dict(self, path: Optional[str] = None) -> dict:
        d = asdict(self)
        if path is not None:
            d = {"path": path, **d}
        return d


@dataclass(frozen=True)
class Edit:
    """A change the normalizer applied: the rule it came from and the new text.

    Offsets index the input text (`old == input[start:end]`); a report's edits are
    sorted and apart, and `apply_edits(input, edits)` gives the fixed text. `pass_no`:
    the fixing pass that last changed the span (1 reads the input itself; later passes
    settle what earlier fixes exposed, and a fix that touches an earlier edit merges
    with it: `rule` then names both, "CAS003+PUN001").
    """

    start: int
    end: int
    old: str
    new: str
    rule: str
    pass_no: int = 1

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Report:
    """The result of running cleanmt on one document."""

    text: str
    findings: list[Finding] = field(default_factory=list)
    fixed: Optional[str] = None
    edits: list[Edit] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.fixed is not None and self.fixed != self.text

    def score(self) -> dict:
        """Findings per 1,000 words of the input, in total and by category."""
        from .scoring import artifact_score

        return artifact_score(self.text, self.findings)

    def counts_by_category(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for f in self.findings:
            counts[f.category] = counts.get(f.category, 0) + 1
        return counts
