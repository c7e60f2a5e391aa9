"""The datatrove blocks, end to end with LocalPipelineExecutor reading and writing JSONL."""
import gzip
import json

import pytest

pytest.importorskip("datatrove")

from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from cleanmt.integrations.datatrove import CleanmtAnnotator, CleanmtFilter, CleanmtFormatter  # noqa: E402

DOCS = [
    {"id": "spun", "text": "Riots once morest the regime. They spread once morest the police."},
    {"id": "clean", "text": "The council approved the budget on Tuesday after a long debate."},
]


def _read_out(folder):
    rows = []
    for p in sorted(folder.rglob("*.jsonl*")):
        opener = gzip.open if p.suffix == ".gz" else open
        with opener(p, "rt", encoding="utf-8") as fh:
            rows += [json.loads(line) for line in fh]
    return {r["id"]: r for r in rows}


@pytest.fixture
def input_dir(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "docs.jsonl").write_text("".join(json.dumps(x) + "\n" for x in DOCS))
    return d


def test_formatter_fixes_text(tmp_path, input_dir):
    out = tmp_path / "out"
    LocalPipelineExecutor(
        pipeline=[JsonlReader(str(input_dir)), CleanmtFormatter(), JsonlWriter(str(out))],
        tasks=1, logging_dir=str(tmp_path / "logs"),
    ).run()
    rows = _read_out(out)
    assert rows["spun"]["text"] == "Riots against the regime. They spread against the police."
    assert rows["clean"]["text"] == DOCS[1]["text"]


def test_filter_drops_to_exclusion_writer(tmp_path, input_dir):
    out, rejected = tmp_path / "out", tmp_path / "rejected"
    LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(input_dir)),
            CleanmtFilter(max_per_1000_words=50, exclusion_writer=JsonlWriter(str(rejected))),
            JsonlWriter(str(out)),
        ],
        tasks=1, logging_dir=str(tmp_path / "logs"),
    ).run()
    kept, dropped = _read_out(out), _read_out(rejected)
    assert set(kept) == {"clean"} and set(dropped) == {"spun"}
    assert dropped["spun"]["metadata"]["filter_reason"] == "cleanmt_artifacts"
    assert dropped["spun"]["metadata"]["cleanmt_score"] > 50


def test_annotator_only_adds_metadata(tmp_path, input_dir):
    out = tmp_path / "out"
    LocalPipelineExecutor(
        pipeline=[JsonlReader(str(input_dir)), CleanmtAnnotator(), JsonlWriter(str(out))],
        tasks=1, logging_dir=str(tmp_path / "logs"),
    ).run()
    rows = _read_out(out)
    assert rows["spun"]["text"] == DOCS[0]["text"]
    meta = rows["spun"]["metadata"]["cleanmt"]
    assert [f["rule"] for f in meta["findings"]] == ["SPN001", "SPN001"]
    assert rows["clean"]["metadata"]["cleanmt"]["findings"] == []


def test_bad_selector_fails_in_the_driver():
    with pytest.raises(ValueError, match="unknown rule selector"):
        CleanmtFormatter(select=["NOPE"])
