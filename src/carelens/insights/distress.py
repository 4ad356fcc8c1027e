"""The helper's own distress, as a :data:`~carelens.insights.rows.DistressScorer`.

Wraps :func:`carelens.analysis.personal_distress.helper_distress` (the shipped
personal-distress model plus explicit exhaustion cues) in the shape the insights take: a
function from a response text to (score 1-7, high?, evidence spans as dicts). The model is
loaded once, when the scorer is made.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from carelens.analysis.personal_distress import PersonalDistressModel, helper_distress
from carelens.insights.rows import DistressScorer


def load_distress_scorer(path: str | Path | None = None) -> DistressScorer:
    """A scorer backed by the personal-distress model at ``path`` (default: the shipped one)."""
    model = PersonalDistressModel.load(path)

    def score(text: str) -> tuple[float, bool, Sequence[Mapping[str, Any]]]:
        found = helper_distress(text, model)
        return found.score, found.high, [span.to_dict() for span in found.spans]

    return score
