"""The crisis-cue patterns over the labelled messages of the session-31 old-vs-new reviews
(`tests/data/analysis/crisis_review_set.jsonl`, 672 messages written by the project's reviewers
and labelled before any code read them; `crisis` is the label).

A message the patterns read rightly when the set was stored (`"read": true`) is pinned: a
labelled crisis keeps a cue and a message labelled no crisis stays without one, so a change that
loses a crisis or adds a false cue fails here. The messages still read wrongly
(`"read": false`) are not checked, only kept: `python benchmarks/crisis_cue_changes.py --against
REV --texts tests/data/analysis/crisis_review_set.jsonl` lists what a change does to them. When a
change reads one of them rightly, set its `read` to true."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from carelens.analysis.crisis import crisis_cues

SET = Path(__file__).resolve().parents[1] / "data" / "analysis" / "crisis_review_set.jsonl"


def _items() -> list[dict[str, object]]:
    with SET.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def test_the_set_is_whole() -> None:
    items = _items()
    assert len(items) == 672
    assert len({str(item["id"]) for item in items}) == len(items)
    assert all(
        isinstance(item["crisis"], bool) and isinstance(item["read"], bool) for item in items
    )


@pytest.mark.parametrize(
    ("text", "crisis"),
    [
        pytest.param(item["text"], item["crisis"], id=str(item["id"]))
        for item in _items()
        if item["read"]
    ],
)
def test_a_message_read_rightly_stays_so(text: str, crisis: bool) -> None:
    cues = crisis_cues(text)
    if crisis:
        assert cues, "a labelled crisis lost its cue"
    else:
        assert not cues, f"a false cue: {[c.text_in(text) for c in cues]}"
