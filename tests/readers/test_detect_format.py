"""Format detection, forced formats, and the contract every registered reader keeps."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from carelens.errors import FormatDetectionError, InputError
from carelens.readers import (
    READERS,
    SUPPORTED_FORMATS,
    RejectLog,
    detect_format,
    read_exchanges,
    read_turns,
)
from carelens.types import Exchange, Turn

FIXTURES = {
    "epitome_pairs.csv": "csv",
    "generic_pairs.tsv": "csv",
    "thread.csv": "csv",
    "pairs.jsonl": "jsonl",
    "turns.jsonl": "jsonl",
    "convokit_corpus": "convokit",
    "convokit_corpus/utterances.jsonl": "convokit",
    "reddit_dump.ndjson": "reddit",
    "wordpress_export.xml": "wxr",
}


@pytest.mark.parametrize(("name", "expected"), sorted(FIXTURES.items()))
def test_detects_fixtures(data_dir: Path, name: str, expected: str) -> None:
    assert detect_format(data_dir / name) == expected


@pytest.mark.parametrize(
    ("filename", "content", "expected"),
    [
        ("pairs.txt", "sp_id,rp_id,seeker_post,response_post\n", "csv"),
        ("thread.dat", "message_id\tparent_id\ttext\n", "csv"),
        ("dump", '{"id": "c", "body": "hi", "parent_id": "t3_a"}\n', "reddit"),
        ("posts.json", '{"id": "s", "title": "t", "selftext": "x", "subreddit": "r"}\n', "reddit"),
        ("x.ndjson", '\n{"seeker": "a", "response": "b"}\n', "jsonl"),
        ("turns.data", '{"id": "1", "text": "hello"}\n', "jsonl"),
        ("thread.jsonl", '{"message_id": "1", "parent_id": "0", "text": "hi"}\n', "jsonl"),
        # R's write.csv quotes every name
        ("export.txt", '"seeker_id","response_id","seeker","response"\n"a","b","c","d"\n', "csv"),
        ("quoted.dat", '"message_id";"parent_id";"text"\n', "csv"),
        # blank lines before the first record, as the readers pass them over
        (
            "dump",
            '\n \n{"seeker_id": 1, "response_id": 2, "seeker": "a", "response": "b"}\n',
            "jsonl",
        ),
        ("blank.txt", "\r\n\nseeker_id,response_id,seeker,response\n", "csv"),
        (
            "export",
            '<?xml version="1.0"?>\n<rss xmlns:wp="http://wordpress.org/export/1.2/">',
            "wxr",
        ),
    ],
)
def test_detects_from_content(tmp_path: Path, filename: str, content: str, expected: str) -> None:
    path = tmp_path / filename
    path.write_text(content, encoding="utf-8")
    assert detect_format(path) == expected


@pytest.mark.parametrize(
    ("filename", "content", "why"),
    [
        ("notes.txt", "just some words\n", "unrecognised extension"),
        ("feed.xml", '<?xml version="1.0"?><rss><channel/></rss>', "not a WordPress"),
        ("array.json", '[{"id": "1", "text": "hi"}]\n', "JSON array"),
        ("odd.jsonl", '{"foo": 1}\n', "no JSON record with recognised fields"),
        ("empty.txt", "", "empty"),
        ("blank.txt", "\n  \n\t\n", "holds only blank lines"),
    ],
)
def test_undetectable_input(tmp_path: Path, filename: str, content: str, why: str) -> None:
    path = tmp_path / filename
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FormatDetectionError, match=why) as info:
        detect_format(path)
    message = str(info.value)
    assert "csv, jsonl, convokit, reddit, wxr" in message
    assert "--format" in message


def test_folder_without_utterances(tmp_path: Path) -> None:
    with pytest.raises(FormatDetectionError, match="ConvoKit"):
        detect_format(tmp_path)


def test_missing_path_and_unknown_format(tmp_path: Path, data_dir: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_exchanges(tmp_path / "nope.csv")
    with pytest.raises(FormatDetectionError, match="unknown format 'xlsx'"):
        read_exchanges(data_dir / "thread.csv", format="xlsx")


def test_forced_format_overrides_detection(tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "pairs.log"
    path.write_bytes((data_dir / "pairs.jsonl").read_bytes())
    assert len(list(read_exchanges(path, format="jsonl"))) == 2


def test_registry_matches_supported_formats() -> None:
    assert tuple(READERS) == SUPPORTED_FORMATS


def _as_parquet(jsonl: Path, tmp_path: Path) -> Path:
    """The turns of a JSON Lines file as a Parquet table (meta as a JSON string column)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    for row in rows:
        row["meta"] = None
        row["timestamp"] = None if row.get("timestamp") is None else str(row["timestamp"])
    names = list(dict.fromkeys(k for row in rows for k in row))
    path = tmp_path / "turns.parquet"
    pq.write_table(pa.table({k: [row.get(k) for row in rows] for k in names}), path)
    return path


CONTRACT = {
    "csv": "thread.csv",
    "jsonl": "turns.jsonl",
    "convokit": "convokit_corpus",
    "reddit": "reddit_dump.ndjson",
    "wxr": "wordpress_export.xml",
    "parquet": "turns.jsonl",  # converted to Parquet by the test
}


@pytest.mark.parametrize("fmt", SUPPORTED_FORMATS)
def test_reader_contract(data_dir: Path, tmp_path: Path, fmt: str) -> None:
    """Every registered reader yields valid turns and exchanges, deterministically."""
    path = data_dir / CONTRACT[fmt]
    if fmt == "parquet":
        path = _as_parquet(path, tmp_path)
    turns = list(read_turns(path, format=fmt))
    assert turns and all(isinstance(t, Turn) and t.id and t.text.strip() for t in turns)
    assert len({t.id for t in turns}) == len(turns)
    exchanges = list(read_exchanges(path, format=fmt, rejects=RejectLog()))
    assert exchanges and all(isinstance(e, Exchange) for e in exchanges)
    assert exchanges == list(read_exchanges(path, format=fmt, rejects=RejectLog()))
    for exchange in exchanges:
        assert Exchange.from_dict(exchange.to_dict()) == exchange


def _nested_pair(depth: int) -> str:
    """A pair whose response is ``depth`` nested arrays: too deep for ``json.loads``."""
    return '{"seeker": "I am sad", "response": ' + "[" * depth + "]" * depth + "}\n"


def test_a_line_nested_too_deep_to_parse_is_passed_over_like_a_malformed_one(
    tmp_path: Path,
) -> None:
    """Detection caught only ValueError, and json.loads raises RecursionError on such a line:
    ``carelens analyze`` ended in a traceback and an upload in a 500."""
    only = tmp_path / "nested.jsonl"
    only.write_text(_nested_pair(10_000), encoding="utf-8")
    malformed = tmp_path / "malformed.jsonl"
    malformed.write_text('{"seeker": "I am sad", "response": \n', encoding="utf-8")
    for path in (only, malformed):  # the same outcome for both
        with pytest.raises(FormatDetectionError, match="no JSON record with recognised fields"):
            detect_format(path)
    pair = json.dumps({"seeker_id": "s", "response_id": "r", "seeker": "a", "response": "b"})
    for name in ("then.jsonl", "then.data"):  # named JSON, or found from the leading '{'
        path = tmp_path / name
        path.write_text(_nested_pair(10_000) + pair + "\n", encoding="utf-8")
        assert detect_format(path) == "jsonl"
        rejects = RejectLog()
        assert [e.response.id for e in read_exchanges(path, rejects=rejects)] == ["r"]
        assert dict(rejects.counts) == {"malformed JSON": 1}


def test_an_unrecognised_extension_is_quoted_within_bounds(tmp_path: Path) -> None:
    path = tmp_path / ("n." + "y" * 240)
    path.write_text("just some words\n", encoding="utf-8")
    with pytest.raises(FormatDetectionError) as info:
        detect_format(path)
    assert "unrecognised extension '.yyy" in info.value.reason
    assert "(241 characters)" in info.value.reason and len(info.value.reason) < 300


def test_detection_gives_up_after_many_blank_lines(tmp_path: Path) -> None:
    """A file of line breaks (100 MiB of them held a request thread for two minutes): past
    MAX_BLANK_LINES blank lines detection says so; the format given, the file is read."""
    from carelens.readers.detect import MAX_BLANK_LINES

    record = (
        '{"seeker": "I feel low.", "response": "I hear you.", "seeker_id": "s", "response_id": "r"}'
    )
    path = tmp_path / "padded.jsonl"
    path.write_text("\n" * MAX_BLANK_LINES + record + "\n", encoding="utf-8")
    with pytest.raises(FormatDetectionError, match=f"first {MAX_BLANK_LINES:,} lines are blank"):
        detect_format(path)
    assert [e.response.id for e in read_exchanges(path, format="jsonl")] == ["r"]
    fewer = tmp_path / "fewer.jsonl"
    fewer.write_text("\n" * (MAX_BLANK_LINES - 2) + record + "\n", encoding="utf-8")
    assert detect_format(fewer) == "jsonl"
