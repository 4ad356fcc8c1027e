"""The upload's form: fields it does not take, fields sent twice, a file sent as text, the 415
of a format that cannot be detected, and helper patterns kept once (POST /v1/corpora)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from service_helpers import DATA, assert_error, upload, wait_for

from carelens.service.corpora_routes import detection_reason

PAIRS = DATA / "pairs.csv"


def _nothing_stored(client: TestClient, data_dir: Path) -> None:
    assert client.get("/v1/corpora").json()["corpora"] == []
    uploads = data_dir / "uploads"
    assert not uploads.exists() or not [p for p in uploads.rglob("*") if p.is_file()]


@pytest.mark.parametrize(
    ("form", "field", "meant"),
    [
        ({"helpers": "vol"}, "helpers", " (did you mean 'helper'?)"),
        ({"Format": "csv"}, "Format", " (did you mean 'format'?)"),
        ({"colour": "red"}, "colour", ""),
    ],
)
def test_an_unknown_field_is_refused_naming_the_fields_an_upload_takes(
    client: TestClient, data_dir: Path, form: dict[str, str], field: str, meant: str
) -> None:
    """``-F helpers=vol`` (for ``helper``) was ignored: 202, and every response analysed."""
    error = assert_error(upload(client, PAIRS, **form), 422, "invalid_request")
    assert error["field"] == field
    assert error["message"] == (
        f"{field}: unknown field; the fields of an upload are file, format and helper{meant}"
    )
    _nothing_stored(client, data_dir)


def test_a_file_part_of_another_name_is_an_unknown_field(client: TestClient) -> None:
    error = assert_error(
        client.post("/v1/corpora", files={"upload": ("pairs.csv", PAIRS.read_bytes())}),
        422,
        "invalid_request",
    )
    assert error["field"] == "upload" and "unknown field" in error["message"]


def test_a_second_file_is_refused(client: TestClient, data_dir: Path) -> None:
    """Two ``file`` parts: the first was dropped without a word."""
    files = [
        ("file", ("a.csv", PAIRS.read_bytes())),
        ("file", ("b.csv", PAIRS.read_bytes())),
    ]
    error = assert_error(client.post("/v1/corpora", files=files), 422, "invalid_request")
    assert error["field"] == "file"
    assert error["message"] == (
        "file: sent 2 times; send one file per upload (upload each file on its own)"
    )
    _nothing_stored(client, data_dir)


def test_a_second_format_is_refused(client: TestClient, data_dir: Path) -> None:
    """Two ``format`` parts: the last was kept."""
    error = assert_error(upload(client, PAIRS, format=["jsonl", "csv"]), 422, "invalid_request")
    assert error["field"] == "format"
    assert error["message"] == "format: sent 2 times; send format once"
    _nothing_stored(client, data_dir)


def test_repeated_helpers_are_still_taken(client: TestClient) -> None:
    response = upload(client, PAIRS, helper=["vol-*", "ama"])
    assert response.status_code == 202, response.text
    assert response.json()["helpers"] == ["vol-*", "ama"]


def test_a_file_sent_as_text_is_told_how_to_send_a_file(client: TestClient) -> None:
    """``-F file=hello`` (no ``@``): "file: Value error, Expected UploadFile, received:
    <class 'str'>"."""
    error = assert_error(
        client.post("/v1/corpora", files={"file": (None, "hello")}), 422, "invalid_request"
    )
    assert error["field"] == "file"
    assert error["message"] == (
        "file: sent as text, not as a file; send the file as a file part: -F file=@PATH"
    )
    assert "UploadFile" not in error["message"]


def test_a_form_without_a_file_still_names_the_file(client: TestClient) -> None:
    error = assert_error(
        client.post("/v1/corpora", files={"format": (None, "csv")}), 422, "invalid_request"
    )
    assert error["field"] == "file"


def test_the_415_of_an_undetected_format_gives_the_api_s_advice(
    client: TestClient, tmp_path: Path
) -> None:
    """It quoted the command line's "pass one with --format" inside its own advice."""
    path = tmp_path / "notes.jsonl"
    path.write_text('{"note": "nothing carelens reads"}\n', encoding="utf-8")
    error = assert_error(upload(client, path), 415, "unsupported_format")
    assert error["message"] == (
        "cannot tell the format of 'notes.jsonl' (no JSON record with recognised fields in "
        "the first lines); name the file with its extension or send 'format' (csv, jsonl, "
        "convokit, reddit, wxr, parquet)"
    )
    assert "--format" not in error["message"]


@pytest.mark.parametrize(
    ("reason", "said"),
    [
        (
            "cannot detect the input format: unrecognised extension '.bin' and content. "
            "Supported formats: csv, jsonl; pass one with --format.",
            "unrecognised extension '.bin' and content",
        ),
        ("a reason of its own", "a reason of its own"),
    ],
)
def test_detection_reason_keeps_the_why_only(reason: str, said: str) -> None:
    assert detection_reason(reason) == said


def test_helper_patterns_equal_but_for_case_and_spaces_are_kept_once(client: TestClient) -> None:
    """``' VOL-AMA '`` and ``'vol-ama'`` were stored as two patterns; api.md: each once."""
    response = upload(client, PAIRS, helper=[" VOL-AMA ", "vol-ama", "ama", "AMA"])
    assert response.status_code == 202, response.text
    assert response.json()["helpers"] == ["VOL-AMA", "ama"]
    corpus = wait_for(client, response.json()["id"])
    assert corpus["helpers"] == ["VOL-AMA", "ama"]
