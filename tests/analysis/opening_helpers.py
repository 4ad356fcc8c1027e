"""Helpers shared by the suggested-opening review tests: the opening offered for a seeker's
message, on its own and as the feedback words it."""

from __future__ import annotations

from carelens.analysis.feelings import read_feelings
from carelens.analysis.openings import reflection_opening, seeker_clause, suggested_opening


def opening_of(seeker: str) -> str | None:
    """The suggested opening :func:`seeker_clause` offers for ``seeker``, or None."""
    clause = seeker_clause(seeker)
    return None if clause is None else reflection_opening(clause)


def suggested(seeker: str) -> str | None:
    """The feedback's words for the opening, as the feedback calls it."""
    return suggested_opening(seeker, read_feelings(seeker))
