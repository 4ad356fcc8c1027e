"""The carelens taxonomy (codebook v1): dimension names and the derived empathy and style.

The model scores the *response dimensions*; :func:`derive_empathy` and :func:`headline_style`
apply the codebook's definitions on top of them, as pure functions of the scores:

- ``empathy`` is the strongest of ``interpretation``, ``exploration`` and ``reflection``: its
  level is the strongest part's level (the codebook's rule), its probabilities are those of
  the part that decides it (so the level is always the most probable one), and its spans are
  all of theirs.
- ``style`` is one headline: ``dismissive`` if dismissive >= 1; else ``compassion`` if
  compassion >= 1 and empathy >= 1; else ``empathy`` if empathy >= 1; else ``sympathy`` if
  sympathy or emotional_reaction >= 1; else ``advice`` if a suggestion is present (the
  ``advice`` flag, or compassion >= 1 without empathy); else ``other``.

Dimensions missing from an analysis (a model that predicts only the EPITOME three) are
treated as level 0 where the style needs them and left out of ``empathy``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from carelens.types import DimensionScore

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
    """The derived ``empathy`` score, or None when none of its parts was scored.

    Its level is the strongest part's (the codebook's rule), and its probabilities are that
    deciding part's, so the level is always the most probable one: among the parts at the
    top level, the one surest of it; when every part is at level 0, the one closest to
    showing (the lowest probability of level 0). Spans are those of every part.
    """
    parts = [dimensions[name] for name in EMPATHY_PARTS if name in dimensions]
    if not parts:
        return None
    level = max(part.level for part in parts)
    if level > 0:
        deciding = max((p for p in parts if p.level == level), key=lambda p: p.probabilities[level])
    else:
        deciding = min(parts, key=lambda p: p.probabilities[0])
    spans = tuple(sorted((s for p in parts for s in p.spans), key=lambda s: (s.start, s.end)))
    return DimensionScore(level=level, probabilities=tuple(deciding.probabilities), spans=spans)


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
