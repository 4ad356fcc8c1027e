"""A reply read as the analyzer reads it on an analysis built by hand (:func:`review`: the
rules, the derived empathy, the style and the feedback), for the feedback review tests, which
get it as the fixture ``review_reply`` (``tests/analysis/conftest.py``)."""

from __future__ import annotations

from typing import NamedTuple, Protocol

from feedback_builders import analysis, dim

from carelens.analysis.feedback import feedback_for
from carelens.analysis.rules import apply_rules
from carelens.taxonomy import RESPONSE_DIMENSIONS, derive_empathy, headline_style
from carelens.types import DimensionScore


class Reviewed(NamedTuple):
    """A reply as the analyzer read it: its feedback, its style and its scores after the
    rules (with the derived empathy)."""

    feedback: tuple[str, ...]
    style: str
    ruled: dict[str, DimensionScore]


class Review(Protocol):
    """The type of :func:`review`, which the fixture ``review_reply`` gives."""

    def __call__(
        self,
        seeker: str,
        response: str,
        levels: dict[str, int | DimensionScore] | None = None,
        flags: dict[str, float] | None = None,
    ) -> Reviewed: ...


def review(
    seeker: str,
    response: str,
    levels: dict[str, int | DimensionScore] | None = None,
    flags: dict[str, float] | None = None,
) -> Reviewed:
    """The feedback, the style and the ruled scores on the hand-built analysis: every response
    dimension at level 0 but those of ``levels`` (a level as a number is scored over the whole
    reply), with no advice nor self-focus unless ``flags`` say so, after the rules, as the
    analyzer runs them."""
    dims: dict[str, DimensionScore] = {name: dim(0) for name in RESPONSE_DIMENSIONS}
    for name, level in (levels or {}).items():
        if isinstance(level, DimensionScore):
            dims[name] = level
        else:
            dims[name] = dim(level, (0, len(response))) if level else dim(0)
    ruled = apply_rules(dims, response, (), seeker)
    empathy = derive_empathy(ruled)
    if empathy is not None:
        ruled["empathy"] = empathy
    read_flags = {"advice": 0.0, "self_focus": 0.0, **(flags or {})}
    style = headline_style(ruled, read_flags)
    made = analysis(ruled, style=style, flags=read_flags)
    return Reviewed(feedback_for(made, seeker, response), style, ruled)
