"""The carelens taxonomy (codebook v1): dimension names and the derived empathy and style.

The model scores the *response dimensions*; :func:`derive_empathy` and :func:`headline_style`
apply the codebook's definitions on top of them, as pure functions of the scores:

- ``empathy`` is the strongest of ``interpretation``, ``exploration`` and ``reflection``. Its
  per-level probabilities are those of the maximum of the three, taking them as independent
  (``P(max <= k) = prod_d P(d <= k)``), and its spans are theirs. The level follows the
  codebook (the strongest part's level), so it need not be the most probable level of that
  distribution.
- ``style`` is one headline: ``dismissive`` if dismissive >= 1; else ``compassion`` if
  compassion >= 1 and empathy >= 1; else ``empathy`` if empathy >= 1; else ``sympathy`` if
  sympathy or emotional_reaction >= 1; else ``advice`` if a suggestion is present (the
  ``advice`` flag, or compassion >= 1 without empathy); else ``other``.

Dimensions missing from an analysis (a model that predicts only the EPITOME three) are
treated as level 0 where the style needs them and left out of ``empathy``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from carelens.types import N_LEVELS, DimensionScore

#: The codebook this release implements (annotations record it too).
TAXONOMY_VERSION = "v1"
#: Response dimensions scored by the model, in output order.
RESPONSE_DIMENSIONS: tuple[str, ...] = (
    "emotional_reaction",
    "interpretation",
    "exploration",
    "sympathy",
    "reflection",
    "compassion",
    "dismissive",
)
#: Dimensions whose strongest level is ``empathy``.
EMPATHY_PARTS: tuple[str, ...] = ("interpretation", "exploration", "reflection")
#: Binary response flags (probability that the response shows it).
RESPONSE_FLAGS: tuple[str, ...] = ("advice", "self_focus")
#: The style headlines, strongest first.
STYLES: tuple[str, ...] = ("dismissive", "compassion", "empathy", "sympathy", "advice", "other")


def result_dimensions(model_dimensions: Sequence[str]) -> tuple[str, ...]:
    """Every dimension a result has: the model's, then the derived ``empathy`` when the model
    scores any of its parts."""
    dims = tuple(model_dimensions)
    return dims + (("empathy",) if set(EMPATHY_PARTS) & set(dims) else ())


def derive_empathy(dimensions: Mapping[str, DimensionScore]) -> DimensionScore | None:
    """The derived ``empathy`` score, or None when none of its parts was scored."""
    parts = [dimensions[name] for name in EMPATHY_PARTS if name in dimensions]
    if not parts:
        return None
    at_most = np.ones(N_LEVELS)
    for part in parts:
        at_most *= np.cumsum(np.asarray(part.probabilities, dtype=np.float64))
    probabilities = np.diff(np.concatenate([[0.0], at_most]))
    probabilities = np.clip(probabilities, 0.0, 1.0)
    probabilities /= probabilities.sum()
    level = max(part.level for part in parts)
    spans = tuple(sorted((s for p in parts for s in p.spans), key=lambda s: (s.start, s.end)))
    return DimensionScore(
        level=level,
        probabilities=tuple(round(float(p), 4) for p in probabilities),
        spans=spans,
    )


def headline_style(
    dimensions: Mapping[str, DimensionScore], flags: Mapping[str, float] | None = None
) -> str:
    """The codebook's one-word style for a response (see the module docstring)."""

    def level(name: str) -> int:
        score = dimensions.get(name)
        return score.level if score is not None else 0

    empathy = max((level(name) for name in EMPATHY_PARTS), default=0)
    if level("dismissive") >= 1:
        return "dismissive"
    if level("compassion") >= 1 and empathy >= 1:
        return "compassion"
    if empathy >= 1:
        return "empathy"
    if level("sympathy") >= 1 or level("emotional_reaction") >= 1:
        return "sympathy"
    if level("compassion") >= 1 or (flags or {}).get("advice", 0.0) >= 0.5:
        return "advice"
    return "other"
