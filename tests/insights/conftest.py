"""Synthetic analysed responses for the insights tests, built in Python (no model, no files).

``make_records`` writes result records the way ``carelens analyze`` does: per-dimension
levels with rationale spans cut from the response text, flags, the style headline, seeker
distress and crisis cues, timestamps over twelve months of 2024 and two communities. The
helpers are drawn so that each strain signal is raised for someone:

- ``alice`` answers most, with empathy that falls month by month (``falling_empathy``);
- ``bob`` answers mostly high-distress messages, far more than the others in his community
  (``high_distress_load``, which compares a helper with their own community);
- ``carol`` tells her own story and writes that she is exhausted (``heavy_self_focus``,
  ``personal_distress`` through :func:`exhaustion_scorer`);
- ``dave`` is often dismissive, ``erin`` answers three times (in three months), ``frank``
  twice (too few months for a trend), and ``<b>mallory</b>`` has a name that must be
  escaped; one of mallory's responses carries ``<script>alert(1)</script>``; ``gus`` answers
  many low-distress messages in bob's community.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pytest

from carelens.insights import Insights
from carelens.taxonomy import RESPONSE_DIMENSIONS

SCRIPT = "<script>alert(1)</script>"
EVIL_HELPER = "<b>mallory</b>"

#: A phrase per dimension; a response is made of the phrases of its levels >= 1.
PHRASES: Mapping[str, str] = {
    "sympathy": "I'm so sorry you are going through this.",
    "emotional_reaction": "My heart goes out to you.",
    "interpretation": "It sounds like you feel like a burden to them.",
    "exploration": "Are you feeling alone since the move?",
    "reflection": "You said the nights are the hardest.",
    "compassion": "I can call you on Thursday if that would help.",
    "dismissive": "At least you still have a job.",
}
SELF_FOCUS = "When my dad died I went through exactly the same thing."
EXHAUSTED = "Honestly I'm exhausted and I can't keep doing this."
SEEKERS = (
    "My dog died last week and the house feels empty.",
    "I moved for work and I don't know anyone here.",
    "I keep failing my exams and my parents are disappointed.",
    "I don't want to wake up anymore.",
)

#: helper: (community, responses, share of answered messages at high distress)
HELPERS: Mapping[str, tuple[str, int, float]] = {
    "alice": ("r/grief", 48, 0.1),
    "bob": ("r/anxiety", 30, 0.9),
    "carol": ("r/grief", 24, 0.1),
    "dave": ("r/anxiety", 18, 0.1),
    "erin": ("r/grief", 3, 0.0),
    "frank": ("r/grief", 2, 0.0),
    EVIL_HELPER: ("r/anxiety", 6, 0.1),
    "gus": ("r/anxiety", 20, 0.0),
}


def exhaustion_scorer(text: str) -> tuple[float, bool, Sequence[Mapping[str, Any]]]:
    """A stand-in for the helper-distress scorer: high when the text says "exhausted"."""
    at = text.find("exhausted")
    if at < 0:
        return 2.0, False, ()
    return 6.0, True, ({"start": at, "end": at + len("exhausted"), "label": "distress"},)


def _style(levels: Mapping[str, int], advice: bool) -> str:
    empathy = max(levels["interpretation"], levels["exploration"], levels["reflection"])
    if levels["dismissive"] >= 1:
        return "dismissive"
    if levels["compassion"] >= 1 and empathy >= 1:
        return "compassion"
    if empathy >= 1:
        return "empathy"
    if levels["sympathy"] >= 1 or levels["emotional_reaction"] >= 1:
        return "sympathy"
    return "advice" if advice or levels["compassion"] >= 1 else "other"


def _levels(helper: str, month: int, rng: random.Random) -> dict[str, int]:
    def draw(p1: float, p2: float) -> int:
        x = rng.random()
        return 2 if x < p2 else 1 if x < p1 + p2 else 0

    levels = {d: draw(0.25, 0.1) for d in RESPONSE_DIMENSIONS}
    levels["dismissive"] = draw(0.05, 0.0)
    if helper == "alice":
        strength = 2 if month < 4 else 1 if month < 8 else 0
        levels.update(interpretation=strength, reflection=strength, exploration=0)
        levels["dismissive"] = 0
    elif helper == "bob":
        levels["compassion"] = draw(0.5, 0.4)
        levels["interpretation"] = draw(0.5, 0.3)
    elif helper == "dave":
        levels["dismissive"] = draw(0.4, 0.3)
    return levels


def make_records(
    *,
    timestamps: bool = True,
    texts: bool = True,
    helpers: Mapping[str, tuple[str, int, float]] = HELPERS,
    seed: int = 7,
    id_prefix: str = "",
    rename: Mapping[str, str] | None = None,
) -> list[dict[str, Any]]:
    """Result records for ``helpers`` (see the module docstring); each record's ids start
    with ``id_prefix``, and ``rename`` gives helpers and communities other names (the
    records are drawn as for the old ones)."""
    shown = dict(rename or {})
    rng = random.Random(seed)
    records: list[dict[str, Any]] = []
    n = 0
    for helper, (community, count, high_share) in helpers.items():
        for i in range(count):
            n += 1
            month = i * 12 // count
            levels = _levels(helper, month, rng)
            self_focus = helper == "carol" and i % 2 == 0
            parts = [PHRASES[d] for d in RESPONSE_DIMENSIONS if levels[d] >= 1]
            if self_focus:
                parts.append(SELF_FOCUS)
            if helper == "carol" and i % 8 == 1:
                parts.append(EXHAUSTED)
            script = helper == EVIL_HELPER and i == 0
            if script:
                levels.update(interpretation=2, reflection=2, dismissive=0)
                parts = [PHRASES["interpretation"], SCRIPT, PHRASES["reflection"]]
            text = " ".join(parts) or "ok."
            record: dict[str, Any] = {
                "response_id": f"{id_prefix}r{n:04d}",
                "seeker_id": f"{id_prefix}s{n:04d}",
                "conversation_id": f"{id_prefix}c{n:04d}",
                "speaker": shown.get(helper, helper),
                "seeker_speaker": f"seeker{n % 9}",
                "community": shown.get(community, community),
                "timestamp": (
                    f"2024-{month + 1:02d}-{1 + i % 27:02d}T12:00:00Z" if timestamps else None
                ),
            }
            for d in RESPONSE_DIMENSIONS:
                spans = []
                if levels[d] >= 1 and PHRASES[d] in text:
                    start = text.index(PHRASES[d])
                    score = 0.99 if script else round(0.5 + rng.random() / 3, 3)
                    spans.append(
                        {"start": start, "end": start + len(PHRASES[d]), "label": d, "score": score}
                    )
                if script and d == "interpretation":
                    start = text.index(SCRIPT)
                    # Overlaps the reflection phrase's start, to be merged with it.
                    spans.append({"start": start, "end": start + len(SCRIPT) + 4, "label": d})
                probabilities = [0.1, 0.1, 0.1]
                probabilities[levels[d]] = 0.8
                record[d] = {"level": levels[d], "probabilities": probabilities, "spans": spans}
            empathy_spans = [
                s
                for p in ("interpretation", "exploration", "reflection")
                for s in record[p]["spans"]
            ]
            record["empathy"] = {
                "level": max(levels[p] for p in ("interpretation", "exploration", "reflection")),
                "spans": empathy_spans,
            }
            advice = levels["compassion"] >= 1
            record["flags"] = {"advice": 0.9 if advice else 0.1, "self_focus": 0.9 * self_focus}
            record["style"] = _style(levels, advice)
            seeker_text = SEEKERS[n % len(SEEKERS)]
            crisis = seeker_text == SEEKERS[3]
            distress = 2 if rng.random() < high_share or crisis else rng.choice((0, 1))
            record["seeker"] = {
                "distress": {"level": distress},
                "needs_attention": crisis,
                "crisis_cues": [{"start": 0, "end": 10, "label": "suicide"}] if crisis else [],
            }
            # Every other strongly dismissive reply of dave's has unsafe words.
            record["unsafe"] = []
            if helper == "dave" and levels["dismissive"] == 2 and i % 2 == 0:
                start = text.index(PHRASES["dismissive"])
                end = start + len(PHRASES["dismissive"])
                record["unsafe"] = [{"start": start, "end": end, "label": "urging", "score": 1.0}]
            record["seeker_text"] = seeker_text if texts else None
            record["response_text"] = text if texts else None
            records.append(record)
    return records


def make_insights(**kwargs: Any) -> Insights:
    """:class:`Insights` over :func:`make_records` (keyword arguments pass through)."""
    return Insights.from_records(make_records(**kwargs), distress=exhaustion_scorer)


@pytest.fixture(scope="session")
def sample_insights() -> Insights:
    """:func:`make_insights` with the defaults: eight helpers, two communities, twelve months."""
    return make_insights()


@pytest.fixture(scope="session")
def sample_manifest() -> dict[str, Any]:
    """A model manifest with the fields the report shows, in the shapes carelens writes."""
    return {
        "model_id": "carelens-test-model",
        "carelens_version": "0.1.0",
        "taxonomy": "v1",
        "dimensions": list(RESPONSE_DIMENSIONS),
        "base_encoder": "sentence-transformers/all-MiniLM-L6-v2",
        "evaluation": {
            "test": {
                "split": "test",
                "n_pairs": 496,
                "command": "carelens evaluate data.csv --split test",
                "mechanisms": {
                    "emotional_reaction": {"accuracy": 0.778, "macro_f1": 0.722, "ece": 0.025},
                    "interpretation": {"accuracy": 0.8, "macro_f1": 0.6, "token_f1": None},
                },
            },
            "contrast": {"n_items": 40, "share": {"empathy": 0.8}, "misses": {"empathy": ["a"]}},
        },
    }


@pytest.fixture(scope="session")
def make_sample_insights() -> Callable[..., Insights]:
    """:func:`make_insights`, for tests that need a variant of the data."""
    return make_insights
