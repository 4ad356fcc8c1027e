"""A JSON list or object where a name, reference or timestamp is expected is written as its
compact JSON text (``["a","b"]``), never as a Python repr (``['a', 'b']``); one given as a
required id rejects its record, as a boolean does."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from carelens.readers import RejectLog, read_exchanges, read_turns
from carelens.readers.base import optional_str


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (["x"], '["x"]'),
        ({"a": 1}, '{"a":1}'),
        ({"name": "Zoë", "ids": [1, 2.5, None, True]}, '{"name":"Zoë","ids":[1,2.5,null,true]}'),
        ([], "[]"),
        ((1, "b"), '[1,"b"]'),
        ([b"\xff"], "[\"b'\\\\xff'\"]"),  # Parquet bytes that are not UTF-8: no crash
        # As before: numbers as their digits, booleans as Python writes them, null is none.
        (7, "7"),
        (2.0, "2"),
        (True, "True"),
        (None, None),
        ("  ", None),
    ],
)
def test_optional_str(value: object, text: str | None) -> None:
    assert optional_str(value) == text


def _jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_jsonl_pairs(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path / "pairs.jsonl",
        [
            {
                "seeker_id": "s1",
                "response_id": "r1",
                "seeker": "I failed again.",
                "response": "That must sting.",
                "speaker": ["vol-1", "vol-2"],
                "seeker_speaker": {"nick": "Zoë"},
                "timestamp": {"at": 1700000000},
                "conversation_id": [7],
            }
        ],
    )
    rejects = RejectLog()
    [exchange] = read_exchanges(path, rejects=rejects)
    assert rejects.total == 0
    assert exchange.response.speaker == '["vol-1","vol-2"]'
    assert exchange.seeker.speaker == '{"nick":"Zoë"}'
    assert exchange.response.timestamp == '{"at":1700000000}'
    assert exchange.response.conversation_id == exchange.seeker.conversation_id == "[7]"


def _turns(speaker: object, reply_to: object = "u1") -> list[dict[str, Any]]:
    return [
        {"id": "u1", "speaker": "ana", "conversation_id": {"thread": 1}, "text": "I lost my job."},
        {
            "id": "u2",
            "speaker": speaker,
            "conversation_id": {"thread": 1},
            "reply_to": reply_to,
            "timestamp": ["2024-01-05"],
            "text": "I'm so sorry.",
        },
    ]


def test_jsonl_turns(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "turns.jsonl", _turns(["bo", "cy"]))
    [exchange] = read_exchanges(path, rejects=RejectLog())
    assert exchange.response.speaker == '["bo","cy"]'
    assert exchange.response.conversation_id == '{"thread":1}'
    assert exchange.response.timestamp == '["2024-01-05"]'


def test_convokit_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    turns = _turns({"id": "bo"})
    for turn in turns:  # ConvoKit's older names
        turn["user"], turn["root"] = turn.pop("speaker"), turn.pop("conversation_id")
    _jsonl(corpus / "utterances.jsonl", turns)
    [exchange] = read_exchanges(corpus, rejects=RejectLog())
    assert exchange.response.speaker == '{"id":"bo"}'
    assert exchange.response.conversation_id == '{"thread":1}'


def test_a_reply_to_that_is_a_list_names_no_message(tmp_path: Path) -> None:
    """``["u1"]`` is no message's id (and a list or object may hold a message): the reference
    is rejected as an invalid value, the turn kept with no parent, never paired with ``u1``."""
    path = _jsonl(tmp_path / "turns.jsonl", _turns("bo", reply_to=["u1"]))
    rejects = RejectLog()
    assert list(read_exchanges(path, rejects=rejects)) == []
    assert rejects.counts == {"invalid field value": 1}
    assert [t.reply_to for t in read_turns(path, rejects=RejectLog())] == [None, None]


def test_reddit_author(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path / "RC_2024-01.jsonl",
        [
            {"id": "p1", "title": "Rough week", "selftext": "I lost my job.", "author": "ana"},
            {
                "id": "c1",
                "body": "I'm so sorry.",
                "parent_id": "t3_p1",
                "link_id": "t3_p1",
                "author": ["bo"],
            },
        ],
    )
    [exchange] = read_exchanges(path, format="reddit", rejects=RejectLog())
    assert exchange.response.speaker == '["bo"]'


def test_parquet_list_and_struct_columns(tmp_path: Path) -> None:
    path = tmp_path / "pairs.parquet"
    row = {
        "seeker_id": "s1",
        "response_id": "r1",
        "seeker": "I failed again.",
        "response": "That must sting.",
        "speaker": ["vol-1"],
        "seeker_speaker": {"nick": "Zoë"},
    }
    pq.write_table(pa.Table.from_pylist([row]), path)
    [exchange] = read_exchanges(path, rejects=RejectLog())
    assert exchange.response.speaker == '["vol-1"]'
    assert exchange.seeker.speaker == '{"nick":"Zoë"}'


@pytest.mark.parametrize("value", [["r1"], {"id": "r1"}, True])
def test_a_required_id_that_is_a_list_or_object_rejects_the_record(
    tmp_path: Path, value: object
) -> None:
    record = {"seeker_id": "s1", "response_id": value, "seeker": "Hi.", "response": "Hello."}
    path = _jsonl(tmp_path / "pairs.jsonl", [record])
    rejects = RejectLog()
    assert list(read_exchanges(path, rejects=rejects)) == []
    assert rejects.counts == {"invalid field value": 1}


def test_a_text_of_only_invisible_characters_is_a_missing_text(tmp_path: Path) -> None:
    """A zero-width space or a byte order mark shows nothing and the model reads nothing:
    such a reply was once scored empathy 2 ("You put their experience into words")."""
    path = tmp_path / "pairs.jsonl"
    lines = [
        {"seeker_id": "s1", "response_id": "r1", "seeker": "I failed.", "response": "\u200b"},
        {"seeker_id": "s2", "response_id": "r2", "seeker": "\ufeff", "response": "Ouch."},
        {"seeker_id": "s3", "response_id": "r3", "seeker": "I failed.", "response": "\u200bOk"},
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    rejects = RejectLog()
    assert [e.response.id for e in read_exchanges(path, rejects=rejects)] == ["r3"]
    assert rejects.counts == {"missing text": 2}
