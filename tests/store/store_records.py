"""Result records shaped like ``carelens analyze`` output, and raw SQL access for store tests."""

from __future__ import annotations

from typing import Any

from carelens.store import Store
from carelens.store.sql import SQLStore

STYLES = ("empathy", "sympathy", "compassion", "advice", "dismissive", "other")
HELPERS = ("vol-ama", "vol-jonas", "vol-kim")
SEEKER_TEXTS = (
    "I lost my job today and I don't know what to tell my family",
    "I moved to a new city and I feel so alone on weekends",
    "my sister stopped talking to me after the wedding",
    "I failed my driving test for the third time",
)
RESPONSE_TEXTS = (
    "That sounds frightening. What happened at work?",
    "Weekends can be the loneliest part. What do you miss most about home?",
    "It must hurt to lose her like that.",
    "Oh, that's rotten luck, I'm sorry.",
)


def record(seq: int, **changes: Any) -> dict[str, Any]:
    """A result record for input position ``seq`` (deterministic from seq), with changes."""
    level = seq % 3
    out: dict[str, Any] = {
        "seq": seq,
        "seeker_id": f"s-{seq}",
        "response_id": f"r-{seq}",
        "conversation_id": f"c-{seq // 4}",
        "speaker": HELPERS[seq % len(HELPERS)],
        "timestamp": f"2024-12-{seq % 28 + 1:02d}T20:{seq % 60:02d}:00+00:00",
        "seeker_speaker": f"visitor-{seq}",
        "community": "chat",
        "emotional_reaction": {"level": level, "probabilities": [0.2, 0.3, 0.5], "spans": []},
        "empathy": {
            "level": (seq + 1) % 3,
            "probabilities": [0.1, 0.6, 0.3],
            "spans": [{"start": 0, "end": 4, "label": "interpretation", "score": 0.9}],
        },
        "flags": {"advice": 0.1, "self_focus": 0.0},
        "style": STYLES[seq % len(STYLES)],
        "seeker": {"distress": {"level": 1, "probabilities": [0.3, 0.5, 0.2]}, "crisis_cues": []},
        "helper": {"distress": 0.1, "distress_high": False, "spans": []},
        "feedback": ["Name the feeling you hear."],
        "seeker_text": SEEKER_TEXTS[seq % len(SEEKER_TEXTS)],
        "response_text": RESPONSE_TEXTS[seq % len(RESPONSE_TEXTS)],
        "model": {"name": "empathy-minilm", "version": "1"},
    }
    out.update(changes)
    return out


def seqs(store: Store, corpus_id: str, **filters: Any) -> list[int]:
    """The seqs of every stored record matching ``filters``, read page by page."""
    found: list[int] = []
    while True:
        page = store.results(corpus_id, offset=len(found), limit=7, **filters)
        found += [item["seq"] for item in page.items]
        if not page.items:
            assert page.total == len(found)
            return found


def raw(store: Store, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Run SQL (``?`` placeholders) straight on the store's database."""
    assert isinstance(store, SQLStore)
    with store._transaction(write=True) as tx:
        return tx.execute(sql, params)
