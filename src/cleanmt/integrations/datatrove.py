"""datatrove blocks: fix `doc.text`, drop documents full of artifacts, or only annotate.

    pip install 'cleanmt[pipelines]'

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleanmt.integrations.datatrove import CleanmtFormatter, CleanmtFilter

    LocalPipelineExecutor(pipeline=[
        JsonlReader("in/"),
        CleanmtFormatter(),
        CleanmtFilter(max_per_1000_words=20, exclusion_writer=JsonlWriter("rejected/")),
        JsonlWriter("out/"),
    ], tasks=4).run()

Each block builds one `Cleaner` lazily in the worker (the rule set compiles
once per task, and the block itself stays cheap to pickle for Slurm or Ray).
"""
from __future__ import annotations

from typing import Iterable, Optional

from datatrove.data import Document, DocumentsPipeline
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.filters.base_filter import BaseFilter
from datatrove.pipeline.formatters.base import BaseFormatter
from datatrove.pipeline.writers.disk_base import DiskWriter

from ..engine import DEFAULT_MIN_CONFIDENCE, Cleaner
from ..scoring import artifact_score


class _CleanerMixin:
    def _init_cleaner(self, select, ignore, min_confidence, keep_boilerplate, lang):
        self._cleaner_kwargs = dict(
            select=list(select) if select else None,
            ignore=list(ignore) if ignore else None,
            min_confidence=min_confidence,
            keep_boilerplate=keep_boilerplate,
            lang=lang,
        )
        Cleaner(**self._cleaner_kwargs)  # fail early on a bad selector, in the driver
        self._cleaner: Optional[Cleaner] = None

    @property
    def cleaner(self) -> Cleaner:
        if self._cleaner is None:
            self._cleaner = Cleaner(**self._cleaner_kwargs)
        return self._cleaner

    def __getstate__(self):
        state = self.__dict__.copy()
        state["_cleaner"] = None
        return state


class CleanmtFormatter(_CleanerMixin, BaseFormatter):
    """Replace `doc.text` with cleanmt's repaired text (the safe fixes only)."""

    name = "🧽 cleanmt fix"

    def __init__(
        self,
        select: Optional[Iterable[str]] = None,
        ignore: Optional[Iterable[str]] = None,
        min_confidence: float = DEFAULT_MIN_CONFIDENCE,
        keep_boilerplate: bool = False,
        lang: str = "en",
    ):
        super().__init__()
        self._init_cleaner(select, ignore, min_confidence, keep_boilerplate, lang)

    def format(self, text: str) -> str:
        report = self.cleaner.fix(text)
        if report.edits:
            self.stat_update("cleanmt_docs_changed")
            self.stat_update("cleanmt_edits", value=len(report.edits))
        return report.fixed


class CleanmtFilter(_CleanerMixin, BaseFilter):
    """Drop documents whose artifact score (findings per 1,000 words) passes a threshold.

    Dropped documents go to `exclusion_writer` with `filter_reason` and the score
    in their metadata, as datatrove filters do.
    """

    name = "🧽 cleanmt filter"

    def __init__(
        self,
        max_per_1000_words: float = 10.0,
        exclusion_writer: Optional[DiskWriter] = None,
        select: Optional[Iterable[str]] = None,
        ignore: Optional[Iterable[str]] = None,
        min_confidence: float = 0.0,
        lang: str = "en",
    ):
        super().__init__(exclusion_writer)
        self.max_per_1000_words = max_per_1000_words
        self._init_cleaner(select, ignore, min_confidence, False, lang)

    def filter(self, doc: Document) -> bool | tuple[bool, str]:
        findings = [f for f in self.cleaner.detect(doc.text) if f.confidence >= self.cleaner.min_confidence]
        score = artifact_score(doc.text, findings)
        doc.metadata["cleanmt_score"] = score["per_1000_words"]
        if score["per_1000_words"] > self.max_per_1000_words:
            return False, "cleanmt_artifacts"
        return True


class CleanmtAnnotator(_CleanerMixin, PipelineStep):
    """Add findings and the artifact score to `doc.metadata["cleanmt"]`; change nothing else."""

    name = "🧽 cleanmt annotate"
    type = "📝 - ANNOTATE"

    def __init__(
        self,
        select: Optional[Iterable[str]] = None,
        ignore: Optional[Iterable[str]] = None,
        min_confidence: float = 0.0,
        lang: str = "en",
    ):
        super().__init__()
        self._init_cleaner(select, ignore, min_confidence, False, lang)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        for doc in data:
            self.stat_update("total")
            with self.track_time():
                findings = [f for f in self.cleaner.detect(doc.text) if f.confidence >= self.cleaner.min_confidence]
                doc.metadata["cleanmt"] = {
                    "findings": [f.to_dict() for f in findings],
                    "score": artifact_score(doc.text, findings),
                }
            yield doc
