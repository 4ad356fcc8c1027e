"""Whose story a reply's understanding tells (:mod:`carelens.analysis.feedback_own_story`,
moved out of :mod:`carelens.analysis.feedback` unchanged)."""

from __future__ import annotations

import pytest

from carelens.analysis.feedback_own_story import about_the_helper, own_exhaustion
from carelens.analysis.personal_distress import CUE_LABEL as EXHAUSTION_CUE
from carelens.types import HelperSignals, ResponseAnalysis, Span


@pytest.mark.parametrize(
    ("words", "helpers"),
    [
        ("Same thing happened to me last year", True),
        ("lol same", True),
        ("My mom passed two years ago", True),
        ("I'm glad she passed peacefully", False),
        ("I know how hard that is for you", False),
        ("what's been the hardest part?", False),
    ],
)
def test_the_helpers_own_story_is_told_from_theirs(words: str, helpers: bool) -> None:
    assert about_the_helper(words) is helpers


def test_the_helpers_own_exhaustion_is_found_in_the_quote() -> None:
    response = "I'm exhausted. Just try to get some sleep."
    signals = HelperSignals(distress=5.0, spans=(Span(0, 13, EXHAUSTION_CUE, 0.9),))
    scored = ResponseAnalysis(dimensions={}, model_id="test", helper=signals)
    assert own_exhaustion(scored, response, response) == "I'm exhausted"
    assert own_exhaustion(scored, response, None) is None
