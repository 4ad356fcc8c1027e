"""Fixtures shared by the analysis tests: ``review_reply``, a reply read as the analyzer reads
it on an analysis built by hand (:func:`feedback_reviews.review`), for the feedback review
tests."""

from __future__ import annotations

import pytest
from feedback_reviews import Review, review


@pytest.fixture
def review_reply() -> Review:
    """:func:`feedback_reviews.review`: the feedback, the style and the ruled scores of a
    reply on a hand-built analysis."""
    return review
