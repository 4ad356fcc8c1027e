"""The check of self-harm words against an accident (:mod:`carelens.analysis.crisis_context`):
a tool named after them is no accident where the act is told as meant."""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues


@pytest.mark.parametrize(
    "text",
    [
        "i just burnt myself with the curling iron on purpose",
        "burned myself on the stove deliberately so i'd feel something",
        "i burnt myself with the iron to punish myself",
    ],
)
def test_a_tool_with_a_deliberate_act_is_a_cue(text: str) -> None:
    assert crisis_cues(text)


@pytest.mark.parametrize(
    "text",
    ["i burnt myself with the curling iron this morning", "burned myself on the stove, ouch"],
)
def test_a_tool_alone_is_an_accident(text: str) -> None:
    assert crisis_cues(text) == ()
