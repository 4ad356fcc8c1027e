"""A corpus with rejects and no pair: its failure counts the records read, as ``carelens
analyze`` does, and its format advice does not loop (service.failures, service.jobs)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import zstandard
from fastapi.testclient import TestClient
from service_helpers import DATA, upload, wait_for

from carelens.readers import REPLIES_NEEDED, RejectLog
from carelens.readers.api import RecordCount
from carelens.service import failures


def _opener(n: int, **extra: object) -> str:
    turn = {"id": str(n), "speaker": "a", "conversation_id": f"c{n}", "reply_to": None}
    return json.dumps({**turn, "text": f"message {n} about my week", **extra}) + "\n"


def _failed(client: TestClient, path: Path, **form: str) -> dict[str, object]:
    response = upload(client, path, **form)
    assert response.status_code == 202, response.text
    corpus = wait_for(client, response.json()["id"])
    assert corpus["status"] == "failed" and corpus["total"] == 0, corpus
    return corpus


def test_a_few_bad_lines_among_openers_are_not_all_the_records(
    client: TestClient, tmp_path: Path
) -> None:
    """5 messages read and 1 bad line: "its only record was rejected ('malformed JSON'); is
    it really a jsonl file?"."""
    path = tmp_path / "onebad.jsonl"
    bad = '{"id": "6", "speaker": "vol-1", "conversation_id": "c0", "reply_to": "0"\n'
    path.write_text("".join(_opener(n) for n in range(5)) + bad, encoding="utf-8")
    corpus = _failed(client, path)
    assert corpus["rejected"] == 1
    assert corpus["error"] == (
        "nothing could be analysed: the 6 records read gave 1 reject ('malformed JSON': line "
        "6: Expecting ',' delimiter) and no message left answers another; fix the rejected "
        f"record, and upload it again; {REPLIES_NEEDED}"
    )


def test_one_good_record_and_two_bad_ones_are_three_read(
    client: TestClient, tmp_path: Path
) -> None:
    """1 good record and 2 bad lines: "all 2 records were rejected"."""
    path = tmp_path / "mostlybad.jsonl"
    path.write_text(_opener(1) + "{bad\n{bad\n", encoding="utf-8")
    error = str(_failed(client, path)["error"])
    assert error.startswith(
        "nothing could be analysed: the 3 records read gave 2 rejects ('malformed JSON'; the "
        "first at line 2: "
    ), error
    assert "all 2 records" not in error and "is it really" not in error


def test_a_field_that_may_name_the_message_answered_is_hinted_for_an_upload(
    client: TestClient, tmp_path: Path
) -> None:
    path = tmp_path / "replyto.jsonl"
    lines = [_opener(0), _opener(1, replyTo="0"), "{bad\n"]
    path.write_text("".join(lines), encoding="utf-8")
    error = str(_failed(client, path)["error"])
    assert "the 3 records read gave 1 reject" in error, error
    assert (
        "and no message left answers another; its field 'replyTo' may name the message each "
        "answers: name it reply_to (an upload takes no column map); fix the rejected record"
    ) in error


def test_every_record_rejected_for_the_given_format_says_where_first(
    client: TestClient,
) -> None:
    """A CSV sent as jsonl: the format reason came without the place it first happened."""
    error = str(_failed(client, DATA / "pairs.csv", format="jsonl")["error"])
    assert error.startswith(
        "nothing could be analysed: all 9 records were rejected ('malformed JSON'; the first "
        "at line 1: Expecting value); is it really a jsonl file? Upload it again with the "
        "right format, or without one to have it detected"
    ), error


def test_every_record_rejected_for_a_detected_format_asks_for_format(
    client: TestClient, tmp_path: Path
) -> None:
    """A packed CSV is detected as reddit (a .zst name): "upload it again ... without one to
    have it detected" would read it as reddit again."""
    path = tmp_path / "pairs.csv.zst"
    path.write_bytes(zstandard.ZstdCompressor().compress((DATA / "pairs.csv").read_bytes()))
    corpus = _failed(client, path)
    assert corpus["format"] == "reddit"
    assert corpus["error"] == (
        "nothing could be analysed: all 9 records were rejected ('malformed JSON'; the first "
        "at line 1: Expecting value); it was read as reddit because its name ends in .zst: "
        "if it is not reddit, upload it again with 'format' naming the right one (csv, jsonl, "
        "convokit, wxr, parquet)"
    )
    # The advice holds: named, the format reads it.
    again = upload(client, path, format="csv")
    assert wait_for(client, again.json()["id"])["status"] == "done"


@pytest.mark.parametrize(
    ("name", "format", "because"),
    [
        ("chat.csv", "csv", "its name ends in .csv"),
        ("chat.TSV", "csv", "its name ends in .tsv"),
        ("dump.zst", "reddit", "its name ends in .zst"),
        ("chat.jsonl.zst", "jsonl", "its first lines look like jsonl"),
        ("export.xml", "wxr", "its first lines look like wxr"),
        ("noext", "jsonl", "its first lines look like jsonl"),
    ],
)
def test_detected_because(name: str, format: str, because: str) -> None:
    assert failures.detected_because(name, format) == because


def _log(tmp_path: Path, *rejects: tuple[int, str, str]) -> tuple[RejectLog, Path]:
    path = tmp_path / "rejects.jsonl"
    with RejectLog(path) as log:
        for line, reason, detail in rejects:
            log.add("up.jsonl", line, None, reason, detail=detail)
    return log, path


def test_all_rejected_words_a_detected_format_and_a_given_one(tmp_path: Path) -> None:
    log, path = _log(tmp_path, (3, "malformed JSON", "Expecting value"))
    detected = failures.all_rejected(log, path, "jsonl", detected="its first lines look like jsonl")
    assert detected == (
        "nothing could be analysed: its only record was rejected ('malformed JSON': line 3: "
        "Expecting value); it was read as jsonl because its first lines look like jsonl: if it "
        "is not jsonl, upload it again with 'format' naming the right one (csv, convokit, "
        "reddit, wxr, parquet)"
    )
    given = failures.all_rejected(log, path, "jsonl")
    assert given.endswith(
        "('malformed JSON': line 3: Expecting value); is it really a jsonl file? Upload it "
        "again with the right format, or without one to have it detected"
    )


def test_some_rejected_counts_what_was_read(tmp_path: Path) -> None:
    log, path = _log(
        tmp_path, (2, "text too long", "1000001 characters > limit 1000000"), (4, "x", "y")
    )
    message = failures.some_rejected(log, path, RecordCount(read=7, kept=5, reference=None))
    assert message.startswith(
        "nothing could be analysed: the 7 records read gave 2 rejects (mostly 'text too long'; "
        "the first at line 2: 1,000,001 characters > limit 1,000,000) and no message left "
        "answers another; a text may have at most 1,000,000 characters"
    ), message
