"""Exports as real tools write them: Reddit's HTML escapes, chat ``author`` fields, a
forum's parent ``0``, ConvoKit's ``reply-to``, header names in another case, and a Reddit
comments dump read without its submissions."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from carelens.cli.analyze import no_helper_matched
from carelens.errors import InputError
from carelens.readers import RejectLog, read_exchanges, read_turns, why_no_pairs
from carelens.readers.base import ReadContext
from carelens.readers.delimited import read_header
from carelens.readers.layouts import speaker_fields
from carelens.readers.pairing import SUBMISSIONS_NEEDED
from carelens.service.failures import no_helper_response


def test_reddit_texts_are_unescaped_and_a_quote_is_kept(data_dir: Path) -> None:
    rejects = RejectLog()
    [exchange] = read_exchanges(data_dir / "reddit_escaped.ndjson", rejects=rejects)
    assert rejects.total == 0
    assert exchange.seeker.text == (
        "Can't sleep & can't eat\n\n"
        "Everything feels heavy & I don't know why. My job > my health <3"
    )
    # the Markdown quote of the post is the reply's own text: unescaped, never stripped
    assert exchange.response.text == "> Everything feels heavy\n\nThat sounds really hard & tiring."


def test_reddit_text_is_unescaped_once(tmp_path: Path) -> None:
    """``&amp;lt;`` is how Reddit writes a typed ``&lt;``: it is read as ``&lt;``."""
    path = tmp_path / "RS.ndjson"
    path.write_text(
        json.dumps({"id": "p1", "title": "Typed &amp;lt; here", "author": "a"}) + "\n",
        encoding="utf-8",
    )
    [turn] = read_turns(path, format="reddit")
    assert turn.text == "Typed &lt; here"


def test_reddit_blank_paragraph_entities_are_dropped(tmp_path: Path) -> None:
    """Reddit's editor keeps a blank paragraph as ``&#x200B;`` (escaped again in a dump): it
    is no part of the text, and a selftext of only that adds nothing to the title."""
    path = tmp_path / "RS.ndjson"
    lines = [
        {"id": "p1", "title": "Rough day", "selftext": "I feel alone.\n\n&amp;#x200B;\n\nBye"},
        {"id": "p2", "title": "Just the title", "selftext": "&amp;#X200B;"},
        {"id": "c1", "link_id": "t3_p1", "parent_id": "t3_p1", "body": "Here &amp;#x200b;for you"},
        {"id": "c2", "link_id": "t3_p1", "parent_id": "t3_p1", "body": "Hugs\n\n&#x200B;\n\nx"},
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    turns = read_turns(path, format="reddit")
    assert [turn.text for turn in turns] == [
        "Rough day\n\nI feel alone.\n\n\n\nBye",
        "Just the title",
        "Here for you",
        "Hugs\n\n\n\nx",  # escaped once: the character itself
    ]


def test_chat_turns_read_the_author_and_an_author_object_s_name(data_dir: Path) -> None:
    exchanges = list(read_exchanges(data_dir / "chat_author.jsonl", rejects=RejectLog()))
    assert [(e.seeker.speaker, e.response.speaker) for e in exchanges] == [
        ("visitor-17", "vol-anna"),
        ("vol-anna", '{"id":"901"}'),  # no name: the object as its JSON text
    ]
    assert "author" not in exchanges[0].response.meta


def test_a_pair_speaker_object_with_a_name_is_that_name(tmp_path: Path) -> None:
    path = tmp_path / "pairs.jsonl"
    record = {
        "seeker_id": "s1",
        "response_id": "r1",
        "seeker": "I failed again.",
        "response": "That must sting.",
        "speaker": {"id": 3, "name": "vol-1"},
        "seeker_speaker": {"name": 7},  # not a text name: JSON text
    }
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [exchange] = read_exchanges(path, rejects=RejectLog())
    assert exchange.response.speaker == "vol-1"
    assert exchange.seeker.speaker == '{"name":7}'


def test_the_helper_advice_names_the_fields_of_every_layout() -> None:
    fields = speaker_fields()
    for name in ("response_speaker", "response_author", "user", "author", "Reddit", "WordPress"):
        assert name in fields
    assert fields in no_helper_matched(3, ["vol-*"])
    assert fields in no_helper_response(3, ("vol-*",))


def test_a_parent_0_or_null_is_a_root_unless_a_message_has_that_id(
    data_dir: Path, tmp_path: Path
) -> None:
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        exchanges = list(read_exchanges(data_dir / "thread_parent0.csv", rejects=rejects))
    assert rejects.total == 0
    assert [(e.seeker.id, e.response.id) for e in exchanges] == [("1", "2"), ("3", "4"), ("0", "6")]
    assert exchanges[0].seeker.reply_to is None
    assert exchanges[1].seeker.reply_to is None


def test_a_reply_to_0_in_a_jsonl_turns_file_is_a_root(tmp_path: Path) -> None:
    path = tmp_path / "turns.jsonl"
    lines = [
        {"id": "a", "speaker": "ann", "reply_to": 0, "text": "I feel low."},
        {"id": "b", "speaker": "bo", "reply_to": "a", "text": "I'm here for you."},
    ]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    rejects = RejectLog()
    [exchange] = read_exchanges(path, rejects=rejects)
    assert rejects.total == 0
    assert (exchange.seeker.id, exchange.response.id) == ("a", "b")


@pytest.mark.parametrize("missing", ["NA", "nan", "None", "NaT", "NULL"])
def test_a_missing_parent_written_by_r_or_pandas_is_a_root(tmp_path: Path, missing: str) -> None:
    """R's ``write.csv`` writes a missing parent as ``NA`` (pandas as text: ``nan``): the
    message is a thread root, not an ``unknown parent`` reject."""
    path = tmp_path / "thread.csv"
    path.write_text(
        "message_id,thread_id,parent_id,author,timestamp,text\n"
        f"m1,t1,{missing},ann,,I feel low.\n"
        "m2,t1,m1,bo,,I'm here for you.\n",
        encoding="utf-8",
    )
    rejects = RejectLog()
    [exchange] = read_exchanges(path, rejects=rejects)
    assert rejects.total == 0
    assert (exchange.seeker.id, exchange.response.id) == ("m1", "m2")


@pytest.mark.parametrize("missing", ["nan", "NaN", "NaT", "None", "null", "NULL", "NA", " na "])
def test_a_missing_timestamp_written_by_an_export_is_missing(tmp_path: Path, missing: str) -> None:
    """What an export writes for a missing value counts as no timestamp, as a parent id
    reads it (was: kept as text, a timestamp "that could not be read")."""
    path = tmp_path / "thread.csv"
    path.write_text(
        "message_id,thread_id,parent_id,author,timestamp,text\n"
        f"m1,t1,,ann,{missing},I feel low.\n"
        f"m2,t1,m1,bo,{missing},I'm here for you.\n",
        encoding="utf-8",
    )
    [exchange] = read_exchanges(path, rejects=RejectLog())
    assert (exchange.seeker.timestamp, exchange.response.timestamp) == (None, None)
    pairs = tmp_path / "pairs.jsonl"
    record = {"seeker_id": "s", "response_id": "r", "seeker": "Hi.", "response": "Hello."}
    pairs.write_text(json.dumps({**record, "timestamp": missing}) + "\n", encoding="utf-8")
    [pair] = read_exchanges(pairs, rejects=RejectLog())
    assert pair.response.timestamp is None


def test_convokit_reply_hyphen_is_reply_to(data_dir: Path) -> None:
    rejects = RejectLog()
    [exchange] = read_exchanges(data_dir / "convokit_reply_hyphen", rejects=rejects)
    assert rejects.total == 0
    assert (exchange.seeker.id, exchange.response.id) == ("u1", "u2")
    assert "reply-to" not in exchange.response.meta


def test_why_no_pairs_points_out_a_field_that_looks_like_reply_to(tmp_path: Path) -> None:
    path = tmp_path / "turns.jsonl"
    lines = [
        {"id": "a", "speaker": "ann", "text": "I feel low."},
        {"id": "b", "speaker": "bo", "inReplyTo": "a", "text": "I'm here for you."},
    ]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    assert list(read_exchanges(path, rejects=RejectLog())) == []
    why = why_no_pairs(path)
    assert "its field 'inReplyTo' may name the message each answers" in why
    assert "(reply_to=inReplyTo)" in why
    [exchange] = read_exchanges(path, column_map={"reply_to": "inReplyTo"})
    assert exchange.response.id == "b"


def test_header_names_match_in_any_case_and_with_spaces(
    data_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="carelens.readers.delimited"):
        [exchange] = read_exchanges(data_dir / "epitome_header_case.csv", rejects=RejectLog())
    assert (exchange.seeker.id, exchange.response.id) == ("s1", "r1")
    assert exchange.seeker.text == "I cannot sleep since the breakup."
    assert exchange.response.text == "That sounds exhausting."
    assert exchange.response.speaker == "vol-1"
    assert "reading the column 'Seeker Post' as seeker_post" in caplog.text


def test_an_exact_header_name_comes_first(tmp_path: Path) -> None:
    path = tmp_path / "pairs.csv"
    path.write_text(
        "seeker_id,response_id,seeker,response,Speaker,speaker\ns1,r1,Low.,Here.,X,vol-1\n",
        encoding="utf-8",
    )
    [exchange] = read_exchanges(path, rejects=RejectLog())
    assert exchange.response.speaker == "vol-1"
    assert exchange.response.meta == {"Speaker": "X"}


def test_two_columns_spelling_one_name_are_not_guessed(tmp_path: Path) -> None:
    path = tmp_path / "pairs.csv"
    path.write_text("SP_ID,sp id,rp_id,seeker_post,response_post\n1,2,r,a,b\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing required column"):
        list(read_exchanges(path))


def test_a_labelled_file_s_header_is_matched_loosely_too(tmp_path: Path) -> None:
    ctx = ReadContext(path=tmp_path / "x.csv", rejects=RejectLog(), unique_columns=True)
    layout, names = read_header(ctx, ["SP_ID", "RP_ID", "Seeker_Post", "Response_Post"], line=1)
    assert layout is not None and layout.name == "EPITOME pairs"
    assert names == ["sp_id", "rp_id", "seeker_post", "response_post"]


def _comment(comment_id: str, parent: str, body: str) -> str:
    record = {"id": comment_id, "author": "u" + comment_id, "body": body, "parent_id": parent}
    return json.dumps({**record, "link_id": "t3_p1"}) + "\n"


def test_comments_without_their_submissions_say_to_read_both(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "RC_2024-01.ndjson"
    path.write_text(
        _comment("k1", "t3_p1", "That sounds hard.") + _comment("k2", "t1_k1", "It is."),
        encoding="utf-8",
    )
    with RejectLog(tmp_path / "rejects.jsonl") as rejects, caplog.at_level(logging.WARNING):
        [exchange] = read_exchanges(path, rejects=rejects)
    assert (exchange.seeker.id, exchange.response.id) == ("k1", "k2")
    [entry] = [json.loads(x) for x in (tmp_path / "rejects.jsonl").read_text().splitlines()]
    assert entry["reason"] == "unknown parent"
    assert entry["detail"].endswith(f"(the Reddit submission it comments on): {SUBMISSIONS_NEEDED}")
    assert "cat RS.zst RC.zst > both.zst" in SUBMISSIONS_NEEDED
    assert "1 comment is on Reddit submissions not in the input" in caplog.text


def test_no_submission_advice_when_other_parents_are_missing_too(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "RC_2024-01.ndjson"
    path.write_text(
        _comment("k1", "t3_p1", "That sounds hard.") + _comment("k2", "t1_gone", "It is."),
        encoding="utf-8",
    )
    with caplog.at_level(logging.WARNING):
        assert list(read_exchanges(path, rejects=RejectLog())) == []
    assert "Reddit submissions not in the input" not in caplog.text
