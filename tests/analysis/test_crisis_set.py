"""The crisis-cue patterns over a project-written set of seeker messages (a safety hunt's,
`tests/data/analysis/crisis_set.jsonl`): every item marked ``flag`` gets a pattern cue and
every item marked ``no_flag`` gets none. Items marked ``either`` and the reply items (for the
unsafe-reply patterns) are not checked here. The learned flag is left out: these are the
patterns' items, and the ones they still miss are expected failures with their reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from carelens.analysis.crisis import crisis_cues

SET = Path(__file__).resolve().parents[1] / "data" / "analysis" / "crisis_set.jsonl"
#: Items the patterns do not handle yet, with why.
KNOWN: dict[str, str] = {
    "i want to 💀 myself": "an emoji for the verb",
    "I hit myself in the face with the cupboard door": (
        "an accident told only by what was hit with; no accident word"
    ),
}


def items() -> list[object]:
    params: list[object] = []
    with SET.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            item = json.loads(line)
            if item["kind"].startswith("resp_") or item["expected"] == "either":
                continue
            marks = []
            if item["text"] in KNOWN:
                marks.append(pytest.mark.xfail(reason=KNOWN[item["text"]], strict=True))
            params.append(
                pytest.param(item["text"], item["expected"], id=f"line{number}", marks=marks)
            )
    return params


@pytest.mark.parametrize(("text", "expected"), items())
def test_the_patterns_read_the_item_as_expected(text: str, expected: str) -> None:
    found = [text[c.start : c.end] for c in crisis_cues(text)]
    assert bool(found) == (expected == "flag"), found


def test_every_known_miss_is_in_the_set() -> None:
    with SET.open(encoding="utf-8") as fh:
        texts = {json.loads(line)["text"] for line in fh}
    assert set(KNOWN) <= texts
