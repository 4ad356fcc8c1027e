"""CSV/TSV reader: pair layouts, thread layout, column maps, and malformed rows."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from carelens.errors import InputError
from carelens.readers import RejectLog, read_exchanges, read_turns

RejectRows = Callable[[Path], list[tuple[object, ...]]]

EPITOME_HEADER = "sp_id,rp_id,seeker_post,response_post"


def test_epitome_pairs_keep_extra_columns_as_strings(data_dir: Path) -> None:
    rejects = RejectLog()
    exchanges = list(read_exchanges(data_dir / "epitome_pairs.csv", rejects=rejects))
    assert [(e.seeker.id, e.response.id) for e in exchanges] == [
        ("s1", "r1"),
        ("s2", "r2"),
        ("s1", "r3"),
    ]
    second = exchanges[1]
    assert second.seeker.text == "My cat died last week.\nI keep looking for her."
    assert second.response.reply_to == "s2"
    assert second.response.meta["emotional_reactions_level"] == "2"
    assert second.response.meta["interpretations_rationales"] == "I understand|"
    assert second.response.meta["explorations_rationales"] == ""
    assert all(isinstance(v, str) for e in exchanges for v in e.response.meta.values())
    assert exchanges[0].context == ()
    assert rejects.total == 0


def test_generic_pairs_tsv(data_dir: Path) -> None:
    exchanges = list(read_exchanges(data_dir / "generic_pairs.tsv"))
    assert [e.response.id for e in exchanges] == ["h1", "h2"]
    assert exchanges[0].seeker.text == "I feel lonely since I moved to a new city."
    assert exchanges[1].response.meta == {"source": "forum-b"}


def test_read_turns_on_pairs_yields_each_seeker_once(data_dir: Path) -> None:
    turns = list(read_turns(data_dir / "epitome_pairs.csv"))
    assert [t.id for t in turns] == ["s1", "r1", "s2", "r2", "r3"]


def test_thread_csv_turns(data_dir: Path) -> None:
    turns = list(read_turns(data_dir / "thread.csv"))
    assert [t.id for t in turns] == [f"m{i}" for i in range(1, 9)]
    first, sixth = turns[0], turns[5]
    assert first.reply_to is None
    assert first.speaker == "ana"
    assert first.conversation_id == "t1"
    assert first.timestamp == "2024-03-01T10:00:00Z"
    assert first.meta == {"channel": "night-owls"}
    assert sixth.text == "I went through the same thing.\nIt got better after I talked to someone."


def test_column_map_for_pairs(tmp_path: Path) -> None:
    path = tmp_path / "renamed.csv"
    path.write_text(
        "post,answer,post_id,answer_id,label\nI feel stuck.,That sounds frustrating.,a1,b1,2\n",
        encoding="utf-8",
    )
    column_map = {
        "sp_id": "post_id",
        "rp_id": "answer_id",
        "seeker_post": "post",
        "response_post": "answer",
    }
    (exchange,) = read_exchanges(path, column_map=column_map)
    assert exchange.seeker.id == "a1"
    assert exchange.response.text == "That sounds frustrating."
    assert exchange.response.meta == {"label": "2"}


def test_pairs_read_helper_seeker_time_and_conversation(tmp_path: Path) -> None:
    path = tmp_path / "pairs.csv"
    path.write_text(
        "sp_id,rp_id,seeker_post,response_post,speaker,seeker_author,timestamp,thread_id,"
        "community,label\n"
        "s1,r1,I feel stuck.,That sounds hard.,maya,ana,2024-03-01T10:00:00Z,t1,grief,2\n"
        "s2,r2,I can't sleep.,What keeps you up?,,,,,,1\n",
        encoding="utf-8",
    )
    rejects = RejectLog()
    first, second = read_exchanges(path, rejects=rejects)
    assert first.response.speaker == "maya"
    assert first.response.timestamp == "2024-03-01T10:00:00Z"
    assert first.seeker.speaker == "ana"
    assert first.seeker.timestamp is None  # the timestamp is the response's
    assert (first.seeker.conversation_id, first.response.conversation_id) == ("t1", "t1")
    assert first.response.meta == {"community": "grief", "label": "2"}
    # Blank cells are no value, as in the thread layout.
    assert (second.response.speaker, second.seeker.speaker, second.response.timestamp) == (
        None,
        None,
        None,
    )
    assert second.response.conversation_id is None
    assert rejects.total == 0


@pytest.mark.parametrize(
    ("columns", "speaker", "seeker"),
    [
        ("author", "bo", None),
        ("response_author,seeker_speaker", "bo", "ann"),
        ("response_speaker,seeker_author", "bo", "ann"),
    ],
)
def test_pair_name_aliases(tmp_path: Path, columns: str, speaker: str, seeker: str | None) -> None:
    names = columns.split(",")
    values = ["bo", "ann"][: len(names)]
    path = tmp_path / "pairs.tsv"
    path.write_text(
        "seeker_id\tresponse_id\tseeker\tresponse\t" + "\t".join(names) + "\n"
        "a\tb\tI lost my job.\tI'm sorry. How are you doing?\t" + "\t".join(values) + "\n",
        encoding="utf-8",
    )
    (exchange,) = read_exchanges(path)
    assert (exchange.response.speaker, exchange.seeker.speaker) == (speaker, seeker)
    assert exchange.response.meta == {}


def test_pair_speaker_falls_back_past_a_blank_alternative(tmp_path: Path) -> None:
    path = tmp_path / "pairs.csv"
    path.write_text(
        "seeker_id,response_id,seeker,response,speaker,author\na,b,Hi.,Hello.,,cleo\n",
        encoding="utf-8",
    )
    (exchange,) = read_exchanges(path)
    assert exchange.response.speaker == "cleo"


def test_pair_timestamp_of_a_unix_time_is_iso_and_other_text_is_kept(tmp_path: Path) -> None:
    """A CSV cell is text: a Unix time in it is written in ISO-8601 UTC, as a JSON number is
    (one time, one form in every output); an unreadable date, or a number that is no time,
    is kept as written (the response is undated)."""
    path = tmp_path / "pairs.csv"
    path.write_text(
        "seeker_id,response_id,seeker,response,timestamp\n"
        "a,b,Hi.,Hello.,1709287200\n"
        "c,d,Hi.,Hello.,yesterday\n"
        "e,f,Hi.,Hello., 1709287200000.0 \n"
        "g,h,Hi.,Hello.,20240301\n"
        "i,j,Hi.,Hello.,12\n",
        encoding="utf-8",
    )
    rejects = RejectLog()
    assert [e.response.timestamp for e in read_exchanges(path, rejects=rejects)] == [
        "2024-03-01T10:00:00+00:00",
        "yesterday",
        "2024-03-01T10:00:00+00:00",
        "20240301",  # a compact date: text, read as a date by the insights
        "12",
    ]
    assert rejects.total == 0


def test_column_map_for_pair_speaker_and_time(tmp_path: Path) -> None:
    path = tmp_path / "renamed.csv"
    path.write_text(
        "seeker_id,response_id,seeker,response,helper_name,sent\n"
        "a,b,I feel stuck.,That sounds frustrating.,dev,2024-05-01 09:00\n",
        encoding="utf-8",
    )
    column_map = {"speaker": "helper_name", "timestamp": "sent"}
    (exchange,) = read_exchanges(path, column_map=column_map)
    assert (exchange.response.speaker, exchange.response.timestamp) == ("dev", "2024-05-01 09:00")
    assert exchange.response.meta == {}


def test_column_map_for_thread_and_semicolon_delimiter(tmp_path: Path) -> None:
    path = tmp_path / "thread.txt"
    path.write_text(
        "msg;parent;who;body\nx1;;ann;I am worried about my sister.\nx2;x1;bo;Tell me more?\n",
        encoding="utf-8",
    )
    column_map = {"message_id": "msg", "parent_id": "parent", "author": "who", "text": "body"}
    (exchange,) = read_exchanges(path, format="csv", column_map=column_map)
    assert (exchange.seeker.id, exchange.response.id) == ("x1", "x2")
    assert exchange.response.speaker == "bo"


def test_missing_required_column_names_file_missing_and_found(tmp_path: Path) -> None:
    path = tmp_path / "partial.csv"
    path.write_text("sp_id,rp_id,seeker_post,reply\n1,2,hi,hello\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        list(read_exchanges(path))
    message = str(info.value)
    assert "partial.csv" in message
    assert "'response_post'" in message
    assert "found columns: 'sp_id', 'rp_id', 'seeker_post', 'reply'" in message
    assert info.value.path == str(path)


def test_missing_mapped_column_mentions_mapping(tmp_path: Path) -> None:
    path = tmp_path / "thread.csv"
    path.write_text("id,parent,text\n1,,hello\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"'message_id' \(mapped to file column 'msg_id'\)"):
        list(read_exchanges(path, column_map={"message_id": "msg_id", "parent_id": "parent"}))


def test_malformed_rows_are_rejected_and_good_rows_kept(
    tmp_path: Path, reject_rows: RejectRows
) -> None:
    huge = "x" * 1_000_001
    lines = [
        (EPITOME_HEADER + ",note\n").encode(),  # line 1
        b"a,b,I lost my keys again.,That is so annoying!,n1\n",  # 2: good
        b"c,d,too few fields\n",  # 3: wrong field count
        b'e,f,"Broken \xff\xfe bytes\nover two lines",Sorry to hear that.,n2\n',  # 4-5
        b"g,h,,Empty seeker text.,n3\n",  # 6: missing text
        f"i,j,{huge},Too long.,n4\n".encode(),  # 7: text too long
        b"\n",  # 8: blank line, ignored
        b'k,l,"A quoted\nmulti-line post",I\'m here for you.,n5\n',  # 9-10: good
        b",m,Post without id.,Reply.,n6\n",  # 11: missing id
        b"n,o,Last one.,Take care.,n7",  # 12: good, no final newline
    ]
    path = tmp_path / "bad.csv"
    path.write_bytes(b"".join(lines))
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        exchanges = list(read_exchanges(path, rejects=rejects))
    assert [e.response.id for e in exchanges] == ["b", "l", "o"]
    assert exchanges[1].seeker.text == "A quoted\nmulti-line post"
    assert reject_rows(tmp_path / "rejects.jsonl") == [
        ("bad.csv", 3, None, "wrong field count"),
        ("bad.csv", 4, "seeker_post", "invalid UTF-8"),  # the column the bad bytes are in
        ("bad.csv", 6, "seeker_post", "missing text"),
        ("bad.csv", 7, "seeker_post", "text too long"),
        ("bad.csv", 11, "sp_id", "missing id"),
    ]
    assert rejects.counts == {
        "wrong field count": 1,
        "invalid UTF-8": 1,
        "missing text": 1,
        "text too long": 1,
        "missing id": 1,
    }
    assert rejects.total == 5
    content = (tmp_path / "rejects.jsonl").read_text(encoding="utf-8")
    assert "lost my keys" not in content and "xxxx" not in content


def test_huge_field_within_limit_is_read(tmp_path: Path) -> None:
    big = "I need to talk. " * 20_000  # 320,000 characters > csv's default field limit
    path = tmp_path / "big.csv"
    path.write_text(f'{EPITOME_HEADER}\na,b,"{big}",I am listening.\n', encoding="utf-8")
    (exchange,) = read_exchanges(path)
    assert exchange.seeker.text == big


def test_bom_and_crlf_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(b"\xef\xbb\xbf" + EPITOME_HEADER.encode() + b"\r\na,b,Hello.,Hi there.\r\n")
    (exchange,) = read_exchanges(path)
    assert (exchange.seeker.id, exchange.response.text) == ("a", "Hi there.")


def test_empty_and_header_only_files_give_nothing(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    header_only = tmp_path / "header.csv"
    header_only.write_text(EPITOME_HEADER + "\n", encoding="utf-8")
    rejects = RejectLog()
    assert list(read_exchanges(empty, rejects=rejects)) == []
    assert list(read_exchanges(header_only, rejects=rejects)) == []
    assert rejects.total == 0


def test_utf16_file_is_a_clear_whole_file_error(tmp_path: Path) -> None:
    path = tmp_path / "utf16.csv"
    path.write_bytes((EPITOME_HEADER + "\n").encode("utf-16"))
    with pytest.raises(InputError, match="UTF-16"):
        list(read_exchanges(path))


def test_an_unclosed_quote_does_not_swallow_the_rows_after_it(
    tmp_path: Path, reject_rows: RejectRows
) -> None:
    """An unclosed quote made the parser read the rest of the file into one field: one
    reject, every later row lost. Only its line is rejected now, the rest read again."""
    path = tmp_path / "runaway.csv"
    path.write_text(
        EPITOME_HEADER + "\n"
        'a1,b1,"I feel alone,That sounds hard\n'  # 2: the quote is never closed
        "a2,b2,I lost my job,That is scary. What happened?\n"  # 3
        'a3,b3,"A quoted\nmulti-line post",I am so sorry\n'  # 4-5: a good quoted record
        "a4,b4,My dog died,I am here for you\n",  # 6
        encoding="utf-8",
    )
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        exchanges = list(read_exchanges(path, rejects=rejects))
    assert [e.response.id for e in exchanges] == ["b2", "b3", "b4"]
    assert exchanges[1].seeker.text == "A quoted\nmulti-line post"
    assert reject_rows(tmp_path / "rejects.jsonl") == [
        ("runaway.csv", 2, None, "wrong field count")
    ]
    detail = json.loads((tmp_path / "rejects.jsonl").read_text(encoding="utf-8"))["detail"]
    assert "ran on to line 4" in detail  # where the next quote closed it


@pytest.mark.parametrize(
    ("last", "read", "rejected"),
    [
        ('a3,b3,"Unclosed at the end,Reply', ["b1", "b4"], [3, 5]),
        ("a3,b3,Seeker,Reply", ["b1", "b4", "b3"], [3]),
    ],
)
def test_a_quote_open_at_the_end_of_the_file_keeps_the_rows_it_swallowed(
    tmp_path: Path, reject_rows: RejectRows, last: str, read: list[str], rejected: list[int]
) -> None:
    """A quote left open in the last column swallowed the rest of the file into a row with
    the right field count, so nothing was even rejected."""
    path = tmp_path / "open.csv"
    path.write_text(
        EPITOME_HEADER + "\n"
        "a1,b1,I feel alone,That sounds hard\n"  # 2
        'a2,b2,I lost my job,"Oh no\n'  # 3: opens a quote never closed
        "a4,b4,My dog died,I am here for you\n"  # 4
        f"{last}\n",  # 5
        encoding="utf-8",
    )
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        exchanges = list(read_exchanges(path, rejects=rejects))
    assert [e.response.id for e in exchanges] == read
    assert [r[1] for r in reject_rows(tmp_path / "rejects.jsonl")] == rejected


def test_a_record_of_several_lines_with_a_stray_field_is_one_reject_per_line(
    tmp_path: Path, reject_rows: RejectRows
) -> None:
    """A closed multi-line record with one field too many: its first line is rejected and
    the continuation line, read again, is rejected too: nothing is read as a wrong pair."""
    path = tmp_path / "extra.csv"
    path.write_text(
        EPITOME_HEADER + "\n"
        'a1,b1,"Two\nlines",Reply,extra\n'  # 2-3
        "a2,b2,Fine,Also fine\n",  # 4
        encoding="utf-8",
    )
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        exchanges = list(read_exchanges(path, rejects=rejects))
    assert [e.response.id for e in exchanges] == ["b2"]
    assert [r[1] for r in reject_rows(tmp_path / "rejects.jsonl")] == [2, 3]


def test_a_repeated_column_the_layout_reads_is_a_whole_file_error(tmp_path: Path) -> None:
    """Two 'response_post' columns: the second silently won."""
    path = tmp_path / "twice.csv"
    path.write_text(EPITOME_HEADER + ",response_post\na,b,Seeker.,First.,Second.\n", "utf-8")
    with pytest.raises(InputError, match=r"'response_post' appears 2 times .*columns 4, 5"):
        list(read_exchanges(path))
    mapped = tmp_path / "mapped.csv"
    mapped.write_text("sp_id,rp_id,seeker_post,response_post,reply\na,b,S.,R.,X.\n", "utf-8")
    with pytest.raises(InputError, match="after the column map"):
        list(read_exchanges(mapped, column_map={"response_post": "reply"}))


def test_a_repeated_other_column_is_kept_under_a_numbered_name(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "notes.csv"
    path.write_text(EPITOME_HEADER + ",note,note\na,b,Seeker.,Reply.,one,two\n", "utf-8")
    (exchange,) = read_exchanges(path)
    assert exchange.response.meta == {"note": "one", "note.2": "two"}
    assert "columns repeated in the header" in caplog.text


def _header_error(path: Path) -> str:
    with pytest.raises(InputError) as info:
        list(read_exchanges(path))
    message = str(info.value)
    assert "missing required column(s)" in message and "Expected one of" in message
    return message


def test_a_json_array_named_csv_quotes_none_of_its_texts(tmp_path: Path) -> None:
    """Its first line was quoted whole: a 2.4 MB error repeating every text."""
    path = tmp_path / "array.csv"
    rows = [{"seeker": f"I lost my job {i}", "response": "That sounds hard"} for i in range(2000)]
    path.write_text(json.dumps(rows), encoding="utf-8")
    message = _header_error(path)
    assert len(message) < 1000
    assert "lost my job" not in message and "sounds hard" not in message
    assert "4,000 columns" in message and "does not look like a header" in message
    assert "looks like JSON" in message and "found columns" not in message


def test_json_lines_named_csv_quote_none_of_their_texts(tmp_path: Path) -> None:
    path = tmp_path / "chat.csv"
    path.write_text('{"seeker": "I am so sad today", "response": "sorry"}\n', encoding="utf-8")
    message = _header_error(path)
    assert "sad" not in message and "sorry" not in message and "looks like JSON" in message


def test_a_file_of_nul_bytes_named_csv_gets_a_short_error(tmp_path: Path) -> None:
    path = tmp_path / "nul.csv"
    path.write_bytes(b"\x00" * 200_000)
    message = _header_error(path)
    assert len(message) < 1000 and "\\x00" not in message
    assert "200,000 characters" in message and "NUL bytes" in message


def test_a_line_of_prose_or_overlong_names_is_no_header_to_quote(tmp_path: Path) -> None:
    prose = tmp_path / "prose.csv"
    prose.write_text(
        "I lost my job today and I do not know what to tell my family, help\n", "utf-8"
    )
    assert "lost my job" not in _header_error(prose)
    long_name = tmp_path / "long.csv"
    long_name.write_text("seeker_id,response_id,seeker," + "secret" * 1000 + "\n", "utf-8")
    message = _header_error(long_name)
    assert "secret" not in message and "(4 columns, 6,029 characters)" in message


def test_a_real_header_is_listed_up_to_twenty_names(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    names = [f"Column {i} (score)" for i in range(30)]
    path.write_text(",".join(names) + "\n", encoding="utf-8")
    message = _header_error(path)
    assert "found columns: 'Column 0 (score)', 'Column 1 (score)'" in message
    assert "'Column 19 (score)' and 10 more." in message and "Column 20" not in message


def test_repeated_columns_are_quoted_within_bounds(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    long = "note" * 2000
    path = tmp_path / "notes.csv"
    path.write_text(f"{EPITOME_HEADER},{long},{long}\na,b,Seeker.,Reply.,one,two\n", "utf-8")
    (exchange,) = read_exchanges(path)
    assert exchange.response.meta == {long: "one", f"{long}.2": "two"}
    assert "columns repeated in the header" in caplog.text and len(caplog.text) < 1000
    many = tmp_path / "many.csv"
    many.write_text(f"{EPITOME_HEADER}{',response_post' * 5000}\n", "utf-8")
    with pytest.raises(InputError) as info:
        list(read_exchanges(many))
    assert "appears 5001 times" in str(info.value) and "and 4,981 more" in str(info.value)
    assert len(str(info.value)) < 1000


def test_blank_lines_before_the_header_are_passed_over(
    tmp_path: Path, reject_rows: RejectRows
) -> None:
    """The header was the blank first line: the whole file was refused."""
    path = tmp_path / "blank.csv"
    path.write_bytes(
        b"\xef\xbb\xbf\n \r\n" + EPITOME_HEADER.encode() + b"\na,b,Hello.,Hi there.\nc,d,Hey.,\n"
    )
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        (exchange,) = read_exchanges(path, rejects=rejects)
    assert (exchange.seeker.id, exchange.response.text) == ("a", "Hi there.")
    assert reject_rows(tmp_path / "rejects.jsonl") == [
        ("blank.csv", 5, "response_post", "missing text")  # the file's own line
    ]
    only_blank = tmp_path / "only_blank.csv"
    only_blank.write_bytes(b"\n\n  \n")
    assert list(read_exchanges(only_blank)) == []


def test_a_header_error_after_blank_lines_names_the_header_line(tmp_path: Path) -> None:
    path = tmp_path / "twice.csv"
    path.write_text("\n\n" + EPITOME_HEADER + ",seeker_post\na,b,c,d,e\n", encoding="utf-8")
    with pytest.raises(InputError, match="appears 2 times") as info:
        list(read_exchanges(path))
    assert info.value.line == 3


def test_quoted_header_names_are_read(tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    path.write_text(
        '"seeker_id","response_id","seeker","response"\n"s1","r1","I feel sad","I am here"\n',
        encoding="utf-8",
    )
    (exchange,) = read_exchanges(path)  # detected from its content
    assert (exchange.seeker.id, exchange.response.text) == ("s1", "I am here")


def test_a_mapped_column_the_header_lacks_is_a_whole_file_error(tmp_path: Path) -> None:
    """``speaker=helpr`` was ignored: every response fell under one unknown helper."""
    path = tmp_path / "cm.csv"
    path.write_text(
        "\nseeker_id,response_id,seeker,response,helper\ns1,r1,I feel sad,I am here,vol-a\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as info:
        list(read_exchanges(path, column_map={"speaker": "helpr"}))
    message = str(info.value)
    assert "cm.csv" in message and "'speaker'" in message and "'helpr'" in message
    assert "found columns: 'seeker_id', 'response_id', 'seeker', 'response', 'helper'" in message
    assert (info.value.line, info.value.field) == (2, "speaker")
    (exchange,) = read_exchanges(path, column_map={"speaker": "helper"})
    assert exchange.response.speaker == "vol-a"


def test_a_unix_time_cell_is_read_exactly_as_the_insights_read_it(tmp_path: Path) -> None:
    """Was 2024-06-01T00:00:00: ``1717199999.9999999`` rounded through a float into the next
    month, while the insights read the same digits as 31 May (cut to microseconds)."""
    path = tmp_path / "pairs.csv"
    path.write_text(
        "seeker_id,response_id,seeker,response,timestamp\na,b,Hi.,Hello.,1717199999.9999999\n",
        encoding="utf-8",
    )
    (exchange,) = read_exchanges(path)
    assert exchange.response.timestamp == "2024-05-31T23:59:59.999999+00:00"
