"""``analyze_file``'s summary: learned-only crisis hints counted apart from crisis wording
(also of the records a resumed run keeps), and the rejects' details redacted with
``redact=True``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import carelens
from carelens.analysis.crisis_model import LABEL as LEARNED_CUE
from carelens.output import analyze_file
from carelens.output.run import LevelCounts
from carelens.readers import RejectLog

DATA = Path(__file__).resolve().parents[1] / "data"
#: s1 marked by the learned crisis flag alone, s2 by a wording pattern, s3 not at all.
CRISIS_HINTS = DATA / "cli" / "crisis_hints.jsonl"
PERSONAL_REJECTS = DATA / "readers" / "personal_rejects.jsonl"


@pytest.fixture(scope="module")
def analyzer() -> carelens.EmpathyAnalyzer:
    return carelens.load(threads=1)


def record(*labels: str, needs_attention: bool = True) -> dict[str, Any]:
    cues = [{"start": 0, "end": 4, "label": label, "score": 1.0} for label in labels]
    return {
        "empathy": {"level": 0},
        "seeker": {"needs_attention": needs_attention, "crisis_cues": cues},
    }


def test_level_counts_count_learned_only_cues_as_hints() -> None:
    counts = LevelCounts(("empathy",))
    for r in (
        record(LEARNED_CUE),
        record(LEARNED_CUE, LEARNED_CUE),
        record(LEARNED_CUE, "suicide"),  # a pattern cue too: crisis wording
        record("self_harm"),
        record(needs_attention=False),
        {"empathy": {"level": 1}},  # no seeker signals
    ):
        counts.add(r)
    assert (counts.needs_attention, counts.crisis_hints) == (4, 2)


def test_the_summary_counts_hints_apart_also_when_resumed(
    analyzer: carelens.EmpathyAnalyzer, tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    summary = analyze_file(CRISIS_HINTS, analyzer, out)
    assert (summary.needs_attention, summary.crisis_hints) == (2, 1)
    data = summary.to_dict()
    assert (data["needs_attention"], data["crisis_hints"]) == (2, 1)
    resumed = analyze_file(CRISIS_HINTS, analyzer, out)  # every record is already there
    assert (resumed.analysed, resumed.resumed) == (0, 3)
    assert (resumed.needs_attention, resumed.crisis_hints) == (2, 1)


def test_redact_redacts_the_details_of_a_given_reject_log(
    analyzer: carelens.EmpathyAnalyzer, tmp_path: Path
) -> None:
    """``redact=True`` covers the rejects too, also of a log made without ``redact``."""
    path = tmp_path / "rejects.jsonl"
    with RejectLog(path) as log:
        analyze_file(PERSONAL_REJECTS, analyzer, rejects=log, redact=True)
    assert log.redact
    details = [json.loads(line)["detail"] for line in path.read_text().splitlines()]
    assert len(details) == 3 and any("[email]" in d for d in details)
    assert "example" not in path.read_text(encoding="utf-8")
