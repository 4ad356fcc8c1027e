"""The topic model of the corpus worker: what it needs from one, and the default one.

With a topic model (:class:`TopicAssigner`, by default ``carelens.topics.TopicModel.load()``,
see :func:`load_topic_model`), each record of an uploaded corpus also gets ``"topic":
{"category", "score"}`` from its seeker text (:func:`topic_field`), which the store indexes
for the explorer's topic filter. A carelens without ``carelens.topics`` stores its records
without a ``topic``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Protocol

logger = logging.getLogger(__name__)

#: The module of the topic model the worker uses by default.
TOPICS_MODULE = "carelens.topics"


class TopicAssigner(Protocol):
    """What the worker needs from a topic model (``carelens.topics.TopicModel``)."""

    def assign(self, texts: list[str]) -> Sequence[Any]:
        """One assignment per text, with ``category`` (str or None) and ``score`` (float)."""
        ...


@lru_cache(maxsize=1)
def load_topic_model() -> TopicAssigner | None:
    """The default topic model, ``carelens.topics.TopicModel.load()``, loaded once per process.

    None (and a warning) when this carelens has no ``carelens.topics`` module: records are
    then stored without a ``topic``. Any other failure to load the model is raised.
    """
    try:
        from carelens.topics import TopicModel
    except ModuleNotFoundError as exc:
        if exc.name != TOPICS_MODULE:
            raise
        logger.warning("%s is not available: results are stored without a topic", TOPICS_MODULE)
        return None
    model: TopicAssigner = TopicModel.load()
    return model


def topic_field(assignment: Any) -> dict[str, Any]:
    """The ``topic`` field of a record from one topic assignment."""
    category = getattr(assignment, "category", None)
    score = getattr(assignment, "score", None)
    return {
        "category": category if isinstance(category, str) else None,
        "score": round(float(score), 4) if isinstance(score, int | float) else None,
    }
