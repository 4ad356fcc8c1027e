"""A small forum for the page tests, written as JSON Lines turns (analysed by the real model).

Twenty-four conversations over six months of 2024 in two communities (both every month);
each opens with a seeker message answered by two or three helpers. The replies mix the
styles (empathic, sympathetic, advice, dismissive, compassionate). Conversation ``c03``
carries crisis wording; ``c05``'s seeker message and the helper ``<b>mallory</b>`` carry
markup that must be escaped (:data:`SCRIPT`, :data:`EVIL_HELPER`); ``c07`` has a slash in
its id. :data:`NESTED` is a nested conversation (replies to replies) uploaded on its own.
:class:`FakeTopics` stands in for ``carelens.topics.TopicModel``.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SCRIPT = "<script>alert('x')</script>"
EVIL_HELPER = "<b>mallory</b>"
CRISIS = "I don't want to wake up anymore."
SLASHED = "c07/part-2"

SEEKERS = (
    "My dog died last week and the house feels so empty without him.",
    "I moved to a new city for work and I feel so alone on weekends.",
    "I keep failing my exams and my parents are disappointed in me.",
    f"Since my mom died everything feels pointless. {CRISIS}",
    "My sister stopped talking to me after the wedding and I miss her.",
    f"I lost my job today and I can't tell my family. {SCRIPT}",
)
REPLIES = (
    "That sounds so lonely. It seems like you feel lost without him. What do you miss most?",
    "I'm so sorry for your loss.",
    "You should just get another one, there are lots of shelters.",
    "At least you still have your health, others have it worse.",
    "That is a lot to carry alone. Would it help if we made a plan together this week?",
    "Have you tried joining a club or a gym? That usually helps.",
    "That must hurt so much. What happened between you two?",
)
HELPERS = ("jon", "ana", "kim", EVIL_HELPER)


def conversation_id(k: int) -> str:
    return SLASHED if k == 7 else f"c{k:02d}"


def turns(conversations: int = 24) -> list[dict[str, Any]]:
    """The turns of the forum (see the module docstring)."""
    out: list[dict[str, Any]] = []
    for k in range(conversations):
        conv = conversation_id(k)
        month = 1 + (k // 2) % 6
        community = "r/grief" if k % 2 == 0 else "r/anxiety"
        seeker_id = f"{conv}-s"
        out.append(
            {
                "id": seeker_id,
                "speaker": f"seeker{k}",
                "conversation_id": conv,
                "reply_to": None,
                "timestamp": f"2024-{month:02d}-{1 + k:02d}T10:00:00Z",
                "text": SEEKERS[k % len(SEEKERS)],
                "meta": {"community": community},
            }
        )
        for j in range(2 + k % 2):
            out.append(
                {
                    "id": f"{conv}-r{j}",
                    "speaker": HELPERS[(k + j) % len(HELPERS)],
                    "conversation_id": conv,
                    "reply_to": seeker_id,
                    "timestamp": f"2024-{month:02d}-{1 + k:02d}T1{j + 1}:00:00Z",
                    "text": REPLIES[(k * 3 + j) % len(REPLIES)],
                    "meta": {"community": community},
                }
            )
    return out


#: A nested conversation: the seeker answers the first helper's reply, another helper answers
#: that (with crisis wording in it), and a third helper answers the opening message last.
#: Its pairs, in seq order: s1 -> h1, h1 -> s2, s2 -> h2, s1 -> h3.
NESTED: tuple[dict[str, Any], ...] = (
    {"id": "s1", "speaker": "sam", "reply_to": None,
     "text": "I can't sleep since the divorce and I feel like a failure."},
    {"id": "h1", "speaker": "jon", "reply_to": "s1",
     "text": "That sounds exhausting. What keeps you up most nights?"},
    {"id": "s2", "speaker": "sam", "reply_to": "h1",
     "text": f"Mostly the quiet. Sometimes {CRISIS}"},
    {"id": "h2", "speaker": "ana", "reply_to": "s2",
     "text": "I'm really glad you told me. Are you safe right now?"},
    {"id": "h3", "speaker": "kim", "reply_to": "s1", "text": "You should try melatonin."},
)  # fmt: skip


def nested_turns() -> list[dict[str, Any]]:
    """The turns of :data:`NESTED`, as conversation ``n01``, an hour apart."""
    return [
        {**turn, "conversation_id": "n01", "timestamp": f"2024-03-01T{10 + k:02d}:00:00Z"}
        for k, turn in enumerate(NESTED)
    ]


def write_forum(path: Path, conversations: int = 24) -> Path:
    path.write_text("".join(json.dumps(t) + "\n" for t in turns(conversations)), encoding="utf-8")
    return path


def pair_count(conversations: int = 24) -> int:
    return sum(2 + k % 2 for k in range(conversations))


@dataclass(frozen=True)
class Assignment:
    """What ``carelens.topics.TopicModel.assign`` returns per text."""

    category: str | None
    score: float
    runner_up: str | None = None


#: The fake topic model's categories: (category, words that choose it), in order.
TOPIC_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("bereavement", ("died", "loss")),
    ("loneliness", ("alone",)),
    ("school", ("exams",)),
    ("work", ("job",)),
)


class FakeTopics:
    """A stand-in for ``carelens.topics.TopicModel`` (a keyword rule; None when none fits)."""

    def __init__(self) -> None:
        self.calls = 0

    def assign(self, texts: list[str]) -> list[Assignment]:
        self.calls += 1
        out = []
        for text in texts:
            found = [c for c, words in TOPIC_WORDS if any(w in text.lower() for w in words)]
            out.append(
                Assignment(found[0], 0.9, found[1] if len(found) > 1 else None)
                if found
                else Assignment(None, 0.2)
            )
        return out


def topic_of(seeker_text: str) -> str | None:
    """The category :class:`FakeTopics` gives a seeker text."""
    return FakeTopics().assign([seeker_text])[0].category


def upload_forum(client: Any, folder: Path, conversations: int = 24) -> str:
    """Upload the forum through the API and wait until it is analysed; the corpus id."""
    path = write_forum(folder / "forum.jsonl", conversations)
    return upload_file(client, path, pair_count(conversations))


def upload_file(client: Any, path: Path, pairs: int) -> str:
    """Upload a JSON Lines file of turns and wait until its ``pairs`` are analysed; the
    corpus id."""
    response = client.post(
        "/v1/corpora", files={"file": (path.name, path.read_bytes(), "application/json")}
    )
    assert response.status_code == 202, response.text
    corpus_id: str = response.json()["id"]
    deadline = time.monotonic() + 180
    while True:
        corpus = client.get(f"/v1/corpora/{corpus_id}").json()
        if corpus["status"] in ("done", "failed"):
            break
        assert time.monotonic() < deadline, corpus
        time.sleep(0.05)
    assert corpus["status"] == "done" and corpus["done"] == pairs, corpus
    return corpus_id
