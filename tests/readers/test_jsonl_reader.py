"""JSON Lines reader: pairs, ConvoKit-style turns, corpus folders, and malformed lines."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from carelens.errors import InputError
from carelens.readers import RejectLog, read_exchanges, read_turns

RejectRows = Callable[[Path], list[tuple[object, ...]]]


def test_pairs_jsonl_keeps_extra_fields(data_dir: Path) -> None:
    exchanges = list(read_exchanges(data_dir / "pairs.jsonl"))
    assert [(e.seeker.id, e.response.id) for e in exchanges] == [("p1", "q1"), ("p2", "q2")]
    assert exchanges[1].response.text.endswith("🎂")
    assert exchanges[1].response.meta == {"emotional_reactions_level": 2}


def test_generic_pair_keys_and_integer_ids(tmp_path: Path) -> None:
    path = tmp_path / "generic.jsonl"
    record = {"seeker_id": 7, "response_id": 8, "seeker": "I'm scared.", "response": "I hear you."}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (exchange,) = read_exchanges(path)
    assert (exchange.seeker.id, exchange.response.id) == ("7", "8")


def test_pairs_jsonl_read_helper_seeker_time_and_conversation(tmp_path: Path) -> None:
    records = [
        {"sp_id": "s1", "rp_id": "r1", "seeker_post": "I feel stuck.",
         "response_post": "That sounds hard.", "speaker": "maya", "seeker_speaker": "ana",
         "timestamp": "2024-03-01T10:00:00Z", "conversation_id": "c1", "community": "grief"},
        {"seeker_id": "s2", "response_id": "r2", "seeker": "I can't sleep.",
         "response": "What keeps you up?", "author": "jon", "seeker_author": "bo",
         "timestamp": 1714640400, "thread_id": 7},
    ]  # fmt: skip
    # The layout is decided by the first record; write each to its own file.
    exchanges = []
    for i, record in enumerate(records):
        one = tmp_path / f"pairs{i}.jsonl"
        one.write_text(json.dumps(record) + "\n", encoding="utf-8")
        exchanges.extend(read_exchanges(one))
    first, second = exchanges
    assert (first.response.speaker, first.seeker.speaker) == ("maya", "ana")
    assert first.response.timestamp == "2024-03-01T10:00:00Z"
    assert (first.seeker.conversation_id, first.response.conversation_id) == ("c1", "c1")
    assert first.response.meta == {"community": "grief"}
    assert (second.response.speaker, second.seeker.speaker) == ("jon", "bo")
    assert second.response.timestamp == "2024-05-02T09:00:00+00:00"  # Unix time -> ISO UTC
    assert second.response.conversation_id == "7"
    assert second.response.meta == {}


def test_pairs_jsonl_odd_speaker_and_time_values(tmp_path: Path) -> None:
    """As for turns: never a reject; names become text, a number that is no time is kept as
    its digits (as a JSON string of them is; one longer than any time as its start), NaN is
    no timestamp."""
    base = {"seeker_id": "a", "response_id": "b", "seeker": "Hi.", "response": "Hello."}
    rows = [
        {**base, "speaker": 42, "timestamp": "yesterday"},
        {**base, "speaker": None, "timestamp": 10**400},
        {**base, "speaker": "  ", "timestamp": float("nan")},
        {**base, "speaker": 4.0, "timestamp": 1714640400.5},
    ]
    path = tmp_path / "odd.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    rejects = RejectLog()
    got = [
        (e.response.speaker, e.response.timestamp) for e in read_exchanges(path, rejects=rejects)
    ]
    assert got == [
        ("42", "yesterday"),
        (None, "1" + "0" * 30 + "\u2026"),  # longer than any time: its start (number_text)
        (None, None),
        ("4", "2024-05-02T09:00:00.500000+00:00"),
    ]
    assert rejects.total == 0


def test_column_map_renames_pair_speaker_and_time(tmp_path: Path) -> None:
    path = tmp_path / "pairs.jsonl"
    record = {"q": "I'm scared.", "a": "I hear you.", "qid": 1, "aid": 2, "by": "kim", "at": 1e9}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    column_map = {
        "seeker": "q", "response": "a", "seeker_id": "qid", "response_id": "aid",
        "speaker": "by", "timestamp": "at",
    }  # fmt: skip
    (exchange,) = read_exchanges(path, column_map=column_map)
    assert (exchange.response.speaker, exchange.response.timestamp) == (
        "kim",
        "2001-09-09T01:46:40+00:00",
    )


@pytest.mark.parametrize(
    ("timestamp", "expected"),
    [
        (1722500000, "2024-08-01T08:13:20+00:00"),  # seconds
        (1722500000000, "2024-08-01T08:13:20+00:00"),  # milliseconds: was undated
        # no plausible time: was 1970-01-02, a month of its own; then None, a missing
        # timestamp; now its digits, as in text: a timestamp that could not be read
        (86400, "86400"),
        (2024, "2024"),  # a bare year
        (20260305, "20260305"),  # a compact date as a number: read as one by the insights
        (20260305.0, "20260305"),
        (1772704800000000, "1772704800000000"),  # microseconds: could not be read, not missing
        ("1722500000000", "2024-08-01T08:13:20+00:00"),  # as text: the same time, one form
        ("86400", "86400"),  # text that is no time stays as written (undated)
    ],
)
def test_a_numeric_timestamp_is_a_unix_time_only_when_plausible(
    tmp_path: Path, timestamp: object, expected: str | None
) -> None:
    """The readers follow the insights' rule (docs/insights.md, "Timestamps")."""
    path = tmp_path / "turns.jsonl"
    records = [
        {"id": "a", "text": "I feel lost.", "timestamp": timestamp},
        {"id": "b", "text": "That sounds hard.", "reply_to": "a", "timestamp": timestamp},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    (exchange,) = read_exchanges(path)
    assert exchange.response.timestamp == expected


def test_read_turns_on_pairs_keeps_the_names(tmp_path: Path) -> None:
    path = tmp_path / "pairs.jsonl"
    rows = [
        {"seeker_id": "s", "response_id": f"r{i}", "seeker": "Hi.", "response": "Hello.",
         "seeker_speaker": "ana", "speaker": name}
        for i, name in enumerate(("jon", "maya"))
    ]  # fmt: skip
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert [(t.id, t.speaker) for t in read_turns(path)] == [
        ("s", "ana"),
        ("r0", "jon"),
        ("r1", "maya"),
    ]


def test_turns_jsonl_with_convokit_aliases(data_dir: Path) -> None:
    turns = list(read_turns(data_dir / "turns.jsonl"))
    assert [t.id for t in turns] == ["u1", "u2", "u3"]
    assert turns[0].meta == {"lang": "en"}
    assert turns[1].timestamp == "2024-05-02T08:00:00+00:00"  # Unix time -> ISO-8601 UTC
    third = turns[2]
    assert (third.speaker, third.conversation_id, third.reply_to) == ("dana", "c1", "u2")
    assert third.timestamp is None
    assert third.meta == {"mood": "hopeful"}  # unknown keys are kept in meta


def test_turns_jsonl_are_paired(data_dir: Path) -> None:
    exchanges = list(read_exchanges(data_dir / "turns.jsonl"))
    assert [(e.seeker.id, e.response.id) for e in exchanges] == [("u1", "u2"), ("u2", "u3")]
    assert [t.id for t in exchanges[1].context] == ["u1"]


def test_convokit_folder(data_dir: Path) -> None:
    (exchange,) = read_exchanges(data_dir / "convokit_corpus")
    assert (exchange.seeker.speaker, exchange.response.speaker) == ("fay", "gus")
    assert exchange.response.meta == {"score": 3}


def test_convokit_folder_without_utterances(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"utterances\.jsonl"):
        read_exchanges(tmp_path, format="convokit")


def test_column_map_renames_json_keys(tmp_path: Path) -> None:
    path = tmp_path / "msgs.jsonl"
    lines = [
        {"msg": "a", "body": "Today was really hard.", "who": "x"},
        {"msg": "b", "body": "I'm sorry. Want to talk about it?", "who": "y", "parent": "a"},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    column_map = {"id": "msg", "text": "body", "speaker": "who", "reply_to": "parent"}
    (exchange,) = read_exchanges(path, column_map=column_map)
    assert (exchange.seeker.id, exchange.response.id) == ("a", "b")
    assert exchange.response.meta == {}


def _turn(i: str, text: object, reply_to: str | None = None, speaker: str = "s") -> str:
    record = {"id": i, "speaker": speaker, "reply_to": reply_to, "text": text}
    return json.dumps(record, ensure_ascii=False) + "\n"


def test_malformed_lines_are_rejected_and_good_lines_kept(
    tmp_path: Path, reject_rows: RejectRows
) -> None:
    chunks = [
        _turn("t1", "I keep crying at work.", speaker="a").encode(),  # 1: good
        b'{"id": "t2", "text": "unterminated\n',  # 2: malformed JSON
        b"[1, 2, 3]\n",  # 3: not an object
        b'{"id": "t3", "reply_to": "t1", "text": "Bad bytes \xff here"}\n',  # 4: invalid UTF-8
        b"\n",  # 5: blank, ignored
        _turn("t4", "", "t1").encode(),  # 6: missing text
        _turn("t5", 42, "t1").encode(),  # 7: text is not a string
        _turn("t6", "x" * 1_000_001, "t1").encode(),  # 8: too long
        _turn("t1", "A second t1.", "t1", speaker="b").encode(),  # 9: duplicate id
        _turn("t7", "Replying to a ghost.", "nope", speaker="b").encode(),  # 10: unknown parent
        _turn("t8", "That sounds exhausting. I'm here.", "t1", speaker="b").encode(),  # 11
        b'{"speaker": "b", "text": "no id"}\n',  # 12: missing id
    ]
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b"".join(chunks))
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        exchanges = list(read_exchanges(path, rejects=rejects))
    assert [(e.seeker.id, e.response.id) for e in exchanges] == [("t1", "t8")]
    assert reject_rows(tmp_path / "rejects.jsonl") == [
        ("bad.jsonl", 2, None, "malformed JSON"),
        ("bad.jsonl", 3, None, "not a JSON object"),
        ("bad.jsonl", 4, None, "invalid UTF-8"),
        ("bad.jsonl", 6, "text", "missing text"),
        ("bad.jsonl", 7, "text", "invalid field value"),
        ("bad.jsonl", 8, "text", "text too long"),
        ("bad.jsonl", 12, "id", "missing id"),
        ("bad.jsonl", 9, "id", "duplicate id"),
        ("bad.jsonl", 10, "reply_to", "unknown parent"),
    ]
    assert rejects.total == 9
    assert "ghost" not in (tmp_path / "rejects.jsonl").read_text(encoding="utf-8")


def test_pairs_layout_rejects_missing_fields(tmp_path: Path, reject_rows: RejectRows) -> None:
    path = tmp_path / "pairs.jsonl"
    good = {"sp_id": "1", "rp_id": "2", "seeker_post": "I'm anxious.", "response_post": "Why?"}
    missing = {"sp_id": "3", "rp_id": "4", "seeker_post": "I'm tired."}
    path.write_text(json.dumps(good) + "\n" + json.dumps(missing) + "\n", encoding="utf-8")
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        assert len(list(read_exchanges(path, rejects=rejects))) == 1
    assert reject_rows(tmp_path / "rejects.jsonl") == [
        ("pairs.jsonl", 2, "response_post", "missing text")
    ]


def test_empty_jsonl_gives_nothing(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"")
    rejects = RejectLog()
    assert list(read_exchanges(path, rejects=rejects)) == []
    assert list(read_turns(path, rejects=rejects)) == []
    assert rejects.total == 0


def test_read_turns_rejects_duplicate_ids_while_streaming(tmp_path: Path) -> None:
    path = tmp_path / "dup.jsonl"
    path.write_text(_turn("a", "one") + _turn("a", "two") + _turn("b", "three"), encoding="utf-8")
    rejects = RejectLog()
    assert [t.text for t in read_turns(path, rejects=rejects)] == ["one", "three"]
    assert rejects.counts == {"duplicate id": 1}


def test_a_thread_written_as_json_lines_is_read_and_paired(
    tmp_path: Path, reject_rows: RejectRows
) -> None:
    """Records with the thread CSV's fields (message_id, parent_id, author, ...) were not
    recognised at all; they are a thread, paired like the CSV one."""
    records = [
        {"message_id": "m1", "thread_id": "t1", "parent_id": "", "author": "sam",
         "timestamp": "2024-01-02", "text": "I feel alone since the move."},
        {"message_id": "m2", "thread_id": "t1", "parent_id": "m1", "author": "kim",
         "timestamp": "2024-01-03", "text": "That sounds lonely. What has it been like?"},
        {"message_id": "m3", "thread_id": "t1", "author": "lee", "text": "A root post."},
        {"message_id": "m4", "parent_id": "m3", "author": "kim"},  # no text: a reject
    ]  # fmt: skip
    path = tmp_path / "thread.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        (exchange,) = read_exchanges(path, rejects=rejects)
    assert (exchange.seeker.id, exchange.response.id) == ("m1", "m2")
    assert (exchange.seeker.speaker, exchange.response.speaker) == ("sam", "kim")
    assert exchange.response.conversation_id == "t1"
    assert exchange.response.timestamp == "2024-01-03"
    assert reject_rows(tmp_path / "rejects.jsonl") == [("thread.jsonl", 4, "text", "missing text")]


def test_a_column_map_onto_a_present_field_rejects_the_record(
    tmp_path: Path, reject_rows: RejectRows
) -> None:
    path = tmp_path / "cm.jsonl"
    base = {"response": "hm", "seeker_id": "a", "response_id": "b"}
    lines = [
        {"q": "I feel lost", "seeker": "other", **base},  # both: which one is the seeker?
        {"seeker": "other", "q": "I feel lost", **base},  # key order changes nothing
        {"q": "I feel lost", **base, "response_id": "c"},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        exchanges = list(read_exchanges(path, column_map={"seeker": "q"}, rejects=rejects))
    assert [(e.response.id, e.seeker.text) for e in exchanges] == [("c", "I feel lost")]
    assert reject_rows(tmp_path / "rejects.jsonl") == [
        ("cm.jsonl", 1, "seeker", "invalid field value"),
        ("cm.jsonl", 2, "seeker", "invalid field value"),
    ]
    entry = json.loads((tmp_path / "rejects.jsonl").read_text().splitlines()[0])
    assert "'seeker' appears 2 times in the record after the column map" in entry["detail"]
    # a field the map renames away frees its name; one renamed onto a present field clashes
    swapped = {"seeker": "q", "response": "seeker"}
    path.write_text(json.dumps({"q": "I feel lost", "seeker": "hm", **base}) + "\n")
    rejects = RejectLog()
    assert list(read_exchanges(path, column_map=swapped, rejects=rejects)) == []
    assert rejects.counts == {"invalid field value": 1}  # "response" twice
    del base["response"]
    path.write_text(json.dumps({"q": "I feel lost", "seeker": "hm", **base}) + "\n")
    (exchange,) = read_exchanges(path, column_map=swapped)
    assert (exchange.seeker.text, exchange.response.text) == ("I feel lost", "hm")


def test_a_mapped_key_no_record_has_is_warned_about_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Records may leave out an optional field, so it is no error; but ``speaker=helpr``
    (a typo) was silent, and every response fell under one unknown helper."""
    path = tmp_path / "cm.jsonl"
    record = {"seeker_id": "s1", "response_id": "r1", "seeker": "I feel sad.", "response": "Hi."}
    lines = [{**record, "helper": "vol-a"}, {**record, "response_id": "r2"}]
    path.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    with caplog.at_level("WARNING", logger="carelens.readers"):
        exchanges = list(read_exchanges(path, column_map={"speaker": "helpr"}))
    assert [e.response.speaker for e in exchanges] == [None, None]
    warnings = [r.getMessage() for r in caplog.records if "column map" in r.getMessage()]
    assert len(warnings) == 1
    assert "cm.jsonl" in warnings[0] and "'helpr' (for the field 'speaker')" in warnings[0]
    assert "'seeker_id', 'response_id', 'seeker', 'response', 'helper'" in warnings[0]
    caplog.clear()
    with caplog.at_level("WARNING", logger="carelens.readers"):
        exchanges = list(read_exchanges(path, column_map={"speaker": "helper"}))
    assert [e.response.speaker for e in exchanges] == ["vol-a", None]  # one record has it
    assert not [r for r in caplog.records if "column map" in r.getMessage()]
