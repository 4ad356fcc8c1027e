"""Pairing: same-speaker merging, reply-to-reply exchanges, context chains, order, rejects."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carelens.readers import RejectLog, pair_turns, read_exchanges, read_turns
from carelens.types import Exchange, Turn


def _ids(exchanges: list[Exchange]) -> list[tuple[str, str]]:
    return [(e.seeker.id, e.response.id) for e in exchanges]


def test_thread_csv_pairing(data_dir: Path) -> None:
    exchanges = list(read_exchanges(data_dir / "thread.csv"))
    # responses in input order; m2 and m7 are merged into their same-speaker parents
    assert _ids(exchanges) == [("m1", "m3"), ("m3", "m4"), ("m4", "m5"), ("m5", "m6"), ("m6", "m8")]
    opener = exchanges[0].seeker
    assert (
        opener.text
        == "I can't sleep again. Everything feels heavy.\nIt's been like this for a week."
    )
    assert opener.meta["merged_ids"] == ["m2"]
    assert opener.meta["channel"] == "night-owls"
    merged_reply = exchanges[2].response
    assert merged_reply.text.endswith("Could you talk to your manager?\nYou're not alone in this.")
    assert merged_reply.meta["merged_ids"] == ["m7"]
    assert exchanges[3].seeker == merged_reply  # the merged reply is the next seeker
    assert [t.id for t in exchanges[1].context] == ["m1"]
    assert [t.id for t in exchanges[3].context] == ["m1", "m3", "m4"]
    assert [t.id for t in exchanges[4].context] == ["m3", "m4", "m5"]  # at most 3, oldest first
    assert exchanges[1].context[0] == opener


def test_merge_chain_in_thread_order_even_when_input_is_shuffled() -> None:
    turns = [
        Turn(id="a3", text="third", speaker="ann", reply_to="a2"),
        Turn(id="b1", text="reply", speaker="bob", reply_to="a3"),
        Turn(id="a2", text="second", speaker="ann", reply_to="a1"),
        Turn(id="a1", text="first", speaker="ann"),
    ]
    (exchange,) = pair_turns(turns)
    assert exchange.seeker.id == "a1"
    assert exchange.seeker.text == "first\nsecond\nthird"
    assert exchange.seeker.meta["merged_ids"] == ["a2", "a3"]
    assert exchange.response.id == "b1"


@pytest.mark.parametrize(
    ("first", "second"),
    [("vol-ana ", "vol-ana"), ("Zoe\u0308", "Zo\u00eb"), ("\tkim", "kim  ")],
)
def test_names_that_look_the_same_are_one_speaker_when_merging(first: str, second: str) -> None:
    """Spaces around a name or an accent encoded another way do not make another speaker
    (as the insights group names): the helper's two messages are one reply, not a pair in
    which she answers herself."""
    turns = [
        Turn(id="m1", text="My dog died.", speaker="caller-9"),
        Turn(id="m2", text="I am so sorry.", speaker=first, reply_to="m1"),
        Turn(id="m3", text="How old was she?", speaker=second, reply_to="m2"),
    ]
    (exchange,) = pair_turns(turns)
    assert (exchange.seeker.id, exchange.response.id) == ("m1", "m2")
    assert exchange.response.meta["merged_ids"] == ["m3"]


def test_other_names_and_blank_names_stay_apart() -> None:
    turns = [
        Turn(id="m1", text="My dog died.", speaker="caller-9"),
        Turn(id="m2", text="I am so sorry.", speaker="Vol-ana", reply_to="m1"),
        Turn(id="m3", text="How old was she?", speaker="vol-ana", reply_to="m2"),  # case counts
        Turn(id="m4", text="Ten.", speaker=" ", reply_to="m3"),
        Turn(id="m5", text="Oh.", speaker="", reply_to="m4"),
    ]
    assert _ids(pair_turns(turns)) == [("m1", "m2"), ("m2", "m3"), ("m3", "m4"), ("m4", "m5")]


def test_unknown_speakers_never_merge() -> None:
    turns = [Turn(id="1", text="Is anyone there?"), Turn(id="2", text="Yes.", reply_to="1")]
    assert _ids(pair_turns(turns)) == [("1", "2")]


def test_orphan_is_rejected_but_its_replies_still_pair() -> None:
    rejects = RejectLog()
    turns = [
        Turn(id="o", text="Answering something not here.", speaker="x", reply_to="gone"),
        Turn(id="r", text="I hear you.", speaker="y", reply_to="o"),
    ]
    assert _ids(pair_turns(turns, rejects=rejects)) == [("o", "r")]
    assert rejects.counts == {"unknown parent": 1}


def test_reply_cycles_are_cut() -> None:
    rejects = RejectLog()
    turns = [
        Turn(id="a", text="one", speaker="p", reply_to="b"),
        Turn(id="b", text="two", speaker="q", reply_to="a"),
        Turn(id="c", text="three", speaker="r", reply_to="c"),
    ]
    assert _ids(pair_turns(turns, rejects=rejects)) == [("a", "b")]
    assert rejects.counts == {"reply cycle": 2}


def test_duplicate_ids_keep_the_first() -> None:
    rejects = RejectLog()
    turns = [
        Turn(id="a", text="first", speaker="p"),
        Turn(id="a", text="again", speaker="q"),
        Turn(id="b", text="reply", speaker="q", reply_to="a"),
    ]
    (exchange,) = pair_turns(turns, rejects=rejects)
    assert exchange.seeker.text == "first"
    assert rejects.counts == {"duplicate id": 1}


def test_ids_name_a_message_within_its_conversation(tmp_path: Path) -> None:
    # Message numbers that restart in every thread: each reply answers the message of its
    # own thread (the dog reply was paired with the job post, and thread B's "1" was a
    # duplicate id).
    path = tmp_path / "threads.csv"
    path.write_text(
        "message_id,thread_id,parent_id,author,text\n"
        "1,A,,alice,I lost my job today.\n"
        "2,A,1,bob,What happened?\n"
        "1,B,,carol,My dog died last night.\n"
        "3,B,1,dave,I'm so sorry about your dog.\n"
        "1,B,,erin,A second message 1 in thread B.\n",
        encoding="utf-8",
    )
    rejects = RejectLog()
    exchanges = list(read_exchanges(path, rejects=rejects))
    assert [(e.seeker.text, e.response.text) for e in exchanges] == [
        ("I lost my job today.", "What happened?"),
        ("My dog died last night.", "I'm so sorry about your dog."),
    ]
    assert rejects.counts == {"duplicate id": 1}
    # read_turns drops the same duplicate, and only it
    rejects = RejectLog()
    turns = list(read_turns(path, rejects=rejects))
    assert [(t.conversation_id, t.id) for t in turns] == [
        ("A", "1"),
        ("A", "2"),
        ("B", "1"),
        ("B", "3"),
    ]
    assert rejects.counts == {"duplicate id": 1}


def test_a_reply_never_answers_a_message_of_another_conversation(tmp_path: Path) -> None:
    path = tmp_path / "rejects.jsonl"
    turns = [
        Turn(id="p", text="A post.", speaker="ann", conversation_id="A"),
        Turn(id="r", text="A reply.", speaker="bob", conversation_id="B", reply_to="p"),
        Turn(id="s", text="No thread given.", speaker="cat", reply_to="p"),
    ]
    with RejectLog(path) as rejects:
        assert pair_turns(turns, rejects=rejects) == []
    assert rejects.counts == {"unknown parent": 2}
    details = [json.loads(line)["detail"] for line in path.read_text().splitlines()]
    assert details == [
        "turn 'r' in conversation 'B' replies to 'p', which is in another conversation only",
        "turn 's' replies to 'p', which is in another conversation only",
    ]


def test_merged_ids_are_message_ids() -> None:
    turns = [
        Turn(id="1", text="first", speaker="ann", conversation_id="c"),
        Turn(id="2", text="more", speaker="ann", conversation_id="c", reply_to="1"),
        Turn(id="3", text="reply", speaker="bob", conversation_id="c", reply_to="2"),
    ]
    (exchange,) = pair_turns(turns)
    assert exchange.seeker.text == "first\nmore"
    assert exchange.seeker.meta["merged_ids"] == ["2"]


@st.composite
def forests(draw: st.DrawFn) -> list[Turn]:
    """Random reply forests: each turn replies to nothing or an earlier turn."""
    n = draw(st.integers(min_value=0, max_value=30))
    turns: list[Turn] = []
    for i in range(n):
        parent = draw(st.one_of(st.none(), st.integers(0, i - 1))) if i else None
        turns.append(
            Turn(
                id=f"t{i}",
                text=draw(st.text(min_size=1, max_size=5)),
                speaker=draw(st.sampled_from(["ann", "bob", "cat"])),
                reply_to=None if parent is None else f"t{parent}",
            )
        )
    shuffled: list[Turn] = draw(st.permutations(turns))
    return shuffled


@settings(max_examples=200, deadline=None)
@given(forests())
def test_pairing_properties(turns: list[Turn]) -> None:
    by_id = {t.id: t for t in turns}
    position = {t.id: i for i, t in enumerate(turns)}
    rejects = RejectLog()
    exchanges = pair_turns(turns, rejects=rejects)
    assert rejects.total == 0
    replies = [
        t for t in turns if t.reply_to is not None and by_id[t.reply_to].speaker != t.speaker
    ]
    assert len(exchanges) == len(replies)
    # in the order responses appear in the input
    assert [e.response.id for e in exchanges] == [t.id for t in replies]
    for exchange in exchanges:
        parent = exchange.response.reply_to
        members = [exchange.seeker.id, *exchange.seeker.meta.get("merged_ids", [])]
        assert parent in members  # the seeker is the reply's parent after merging
        assert exchange.seeker.speaker != exchange.response.speaker
        assert len(exchange.context) <= 3
        chain = [*exchange.context, exchange.seeker]
        for older, newer in itertools.pairwise(chain):
            if older.speaker == newer.speaker:
                # a self-reply left unmerged: someone else had answered that group before it
                group = {older.id, *older.meta.get("merged_ids", [])}
                assert newer.reply_to in group
                assert any(
                    t.reply_to in group and t.speaker != older.speaker
                    for t in turns[: position[newer.id]]
                )
    merged = [
        m for e in exchanges for t in (e.seeker, e.response) for m in t.meta.get("merged_ids", [])
    ]
    assert not set(merged) & {e.response.id for e in exchanges}
    for m in merged:
        # merged only when nobody else had answered its parent before it
        parent = by_id[m].reply_to
        assert not any(
            t.reply_to == parent and t.speaker != by_id[m].speaker for t in turns[: position[m]]
        )


THREAD = "message_id,parent_id,author,timestamp,text\n"


def _thread(tmp_path: Path, rows: str) -> list[Exchange]:
    path = tmp_path / "thread.csv"
    path.write_text(THREAD + rows, encoding="utf-8")
    rejects = RejectLog()
    exchanges = list(read_exchanges(path, rejects=rejects))
    assert (rejects.counts, rejects.skipped) == ({}, {})  # a self-reply is neither
    return exchanges


def test_a_later_self_reply_is_not_merged_into_the_seeker(tmp_path: Path) -> None:
    exchanges = _thread(
        tmp_path,
        "m1,,alice,2024-01-01T10:00,My dad died last week.\n"
        "m2,m1,bob,2024-01-01T11:00,I am so sorry. How are you sleeping?\n"
        "m3,m1,alice,2024-01-03T09:00,Update: the funeral was yesterday. Thanks everyone.\n"
        "m4,m3,carol,2024-01-03T10:00,I hope it went as well as it could.\n",
    )
    # bob's reply is scored against what alice had written when he answered, nothing later
    assert _ids(exchanges) == [("m1", "m2"), ("m3", "m4")]
    first, second = exchanges
    assert first.seeker.text == "My dad died last week."
    assert "merged_ids" not in first.seeker.meta
    # m3 answers alice's own message: no exchange, but it is the seeker of replies to it
    assert second.seeker.text.startswith("Update:")
    assert [t.id for t in second.context] == ["m1"]


def test_a_continuation_before_any_answer_is_merged_by_timestamp(tmp_path: Path) -> None:
    # m3 is listed after bob's answer but was written before it: a continuation, merged
    exchanges = _thread(
        tmp_path,
        "m1,,alice,2024-01-01T10:00:00Z,My dad died last week.\n"
        "m2,m1,bob,2024-01-01T10:05:00Z,I am so sorry.\n"
        "m3,m1,alice,2024-01-01T10:01:00Z,I can't stop crying.\n",
    )
    (exchange,) = exchanges
    assert exchange.seeker.text == "My dad died last week.\nI can't stop crying."
    assert exchange.seeker.meta["merged_ids"] == ["m3"]


def test_without_timestamps_the_input_order_decides(tmp_path: Path) -> None:
    before = "m1,,alice,,My dad died last week.\nm3,m1,alice,,I can't stop crying.\n"
    answer = "m2,m1,bob,,I am so sorry.\n"
    (merged,) = _thread(tmp_path, before + answer)
    assert merged.seeker.meta["merged_ids"] == ["m3"]
    first, last = before.splitlines(keepends=True)
    (alone,) = _thread(tmp_path, first + answer + last)
    assert alone.seeker.text == "My dad died last week."
    # one timestamp missing: the order of the input too (m3 written "before" m2 or not)
    dated = first + "m2,m1,bob,2024-01-01T10:05,I am so sorry.\n" + last
    (alone,) = _thread(tmp_path, dated)
    assert alone.seeker.text == "My dad died last week."


def test_an_answer_to_any_merged_message_ends_the_run(tmp_path: Path) -> None:
    exchanges = _thread(
        tmp_path,
        "m1,,alice,,My dad died last week.\n"
        "m2,m1,alice,,I can't stop crying.\n"
        "m3,m1,bob,,I am so sorry.\n"
        "m4,m2,alice,,Later: the funeral is on Friday.\n"
        "m5,m4,carol,,Thinking of you on Friday.\n",
    )
    assert _ids(exchanges) == [("m1", "m3"), ("m4", "m5")]
    assert exchanges[0].seeker.meta["merged_ids"] == ["m2"]
    assert [t.id for t in exchanges[1].context] == ["m1"]


def test_answers_and_continuations_interleaved() -> None:
    # the poster's first follow-up merges; each later one comes after an answer: its own turn
    turns = [Turn(id="p", text="post", speaker="op")]
    turns.append(Turn(id="c", text="more", speaker="op", reply_to="p"))
    for i in range(50):
        turns.append(Turn(id=f"a{i}", text="answer", speaker=f"u{i}", reply_to="p"))
        turns.append(Turn(id=f"c{i}", text="more", speaker="op", reply_to="p"))
    turns.append(Turn(id="r", text="reply", speaker="u0", reply_to="c7"))
    exchanges = pair_turns(turns)
    assert _ids(exchanges) == [*(("p", f"a{i}") for i in range(50)), ("c7", "r")]
    assert all(e.seeker.meta["merged_ids"] == ["c"] for e in exchanges[:50])
    assert exchanges[-1].seeker.text == "more" and [t.id for t in exchanges[-1].context] == ["p"]


@pytest.mark.parametrize("placeholder", ["0001-01-01T00:00:00Z", "1970-01-01", "19700101"])
def test_a_placeholder_date_is_no_timestamp_and_the_input_order_decides(
    tmp_path: Path, placeholder: str
) -> None:
    # A time is read by carelens.timestamps.parse_timestamp (1980-2100): "0001-01-01" is
    # no date, so m3 is undated, and listed after bob's answer it was written after it.
    (alone,) = _thread(
        tmp_path,
        "m1,,alice,2024-01-01T10:00:00Z,My dad died last week.\n"
        "m2,m1,bob,2024-01-01T10:05:00Z,I am so sorry.\n"
        f"m3,m1,alice,{placeholder},I can't stop crying.\n",
    )
    assert alone.seeker.text == "My dad died last week."
    assert "merged_ids" not in alone.seeker.meta


def test_every_form_of_time_orders_messages(tmp_path: Path) -> None:
    # Unix seconds and milliseconds and compact dates, as parse_timestamp reads them: m3
    # (listed last) was written before bob's answer, so it merges.
    answer, early = "1704103500", "20240101T1001"  # 10:05 UTC, and 10:01 of the same day
    for stamp in (answer, f"{answer}000"):
        (exchange,) = _thread(
            tmp_path,
            "m1,,alice,2024-01-01T10:00:00Z,My dad died last week.\n"
            f"m2,m1,bob,{stamp},I am so sorry.\n"
            f"m3,m1,alice,{early},I can't stop crying.\n",
        )
        assert exchange.seeker.meta["merged_ids"] == ["m3"]
