"""Property tests: random turns survive a write/read round trip as JSONL turns and thread CSV."""

from __future__ import annotations

import csv
import json
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from carelens.readers import RejectLog, read_turns
from carelens.text import is_blank
from carelens.types import Turn

SPICE = ["😊", "👩‍👩‍👧", "שלום", "مرحبا", "\u202e", "\u200f", "\r", "\n", "\r\n", "\t", "\x00",
         "\x1b", "\x85", "\u2028", "\ufeff", '"', ",", "\\"]  # fmt: skip


def _texts() -> st.SearchStrategy[str]:
    pieces = st.one_of(st.characters(codec="utf-8"), st.sampled_from(SPICE))
    return st.lists(pieces, min_size=1, max_size=12).map("".join).filter(lambda s: not is_blank(s))


def _optional() -> st.SearchStrategy[str | None]:
    return st.one_of(st.none(), _texts())


@st.composite
def turn_lists(draw: st.DrawFn, *, csv_meta: bool) -> list[Turn]:
    ids = draw(st.lists(_texts(), min_size=0, max_size=8, unique=True))
    turns = []
    for tid in ids:
        reply_to = draw(st.one_of(st.none(), st.sampled_from(ids), _texts()))
        if csv_meta:
            meta: dict[str, object] = {"note": draw(st.text(max_size=5))}
        else:
            values = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=5))
            meta = draw(st.dictionaries(st.text(max_size=5), values, max_size=3))
        turns.append(
            Turn(
                id=tid,
                text=draw(_texts()),
                speaker=draw(_optional()),
                conversation_id=draw(_optional()),
                reply_to=reply_to,
                timestamp=draw(_optional()),
                meta=meta,
            )
        )
    return turns


@settings(max_examples=100, deadline=None)
@given(turn_lists(csv_meta=False))
def test_jsonl_turns_round_trip(turns: list[Turn]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "turns.jsonl"
        with path.open("w", encoding="utf-8", newline="") as fh:
            for turn in turns:
                fh.write(json.dumps(turn.to_dict(), ensure_ascii=False) + "\n")
        rejects = RejectLog()
        assert list(read_turns(path, format="jsonl", rejects=rejects)) == turns
        assert rejects.total == 0


@settings(max_examples=100, deadline=None)
@given(turn_lists(csv_meta=True))
def test_thread_csv_round_trip(turns: list[Turn]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "thread.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(
                ["message_id", "thread_id", "parent_id", "author", "timestamp", "text", "note"]
            )
            for t in turns:
                writer.writerow(
                    [
                        t.id,
                        t.conversation_id,
                        t.reply_to,
                        t.speaker,
                        t.timestamp,
                        t.text,
                        t.meta["note"],
                    ]
                )
        rejects = RejectLog()
        assert list(read_turns(path, rejects=rejects)) == turns
        assert rejects.total == 0
