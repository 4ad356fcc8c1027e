"""Builders of a :class:`ResponseAnalysis` by hand for the feedback tests (no model): a
dimension's score, a span over some words, and the analysis with a seeker's distress."""

from __future__ import annotations

from carelens.types import DimensionScore, ResponseAnalysis, SeekerSignals, Span


def dim(
    level: int, *spans: tuple[int, int], probabilities: tuple[float, float, float] | None = None
) -> DimensionScore:
    """A score at ``level`` (0.8 there, 0.1 elsewhere unless ``probabilities``) over ``spans``."""
    if probabilities is None:
        listed = [0.1, 0.1, 0.1]
        listed[level] = 0.8
        probabilities = (listed[0], listed[1], listed[2])
    return DimensionScore(
        level, probabilities, tuple(Span(s, e, "rationale", 0.9) for s, e in spans)
    )


def at(text: str, words: str) -> tuple[int, int]:
    """The span of the first ``words`` in ``text``."""
    start = text.index(words)
    return start, start + len(words)


def analysis(
    dimensions: dict[str, DimensionScore],
    *,
    style: str | None = None,
    flags: dict[str, float] | None = None,
    distress: int = 1,
) -> ResponseAnalysis:
    """The analysis of ``dimensions``, with the seeker's distress at level ``distress``."""
    return ResponseAnalysis(
        dimensions=dimensions,
        model_id="test",
        flags=flags or {},
        style=style,
        seeker=SeekerSignals(distress=dim(distress)),
    )
