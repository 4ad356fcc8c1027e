"""Uploads the audit broke: the kept file name, files detection could not parse, and files
that are not what their name says (their texts must reach no error, listing or log)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
import zstandard
from fastapi.testclient import TestClient
from service_helpers import DATA, MakeApp, assert_error, upload, wait_for

from carelens.errors import InputError
from carelens.readers import RejectLog, read_exchanges
from carelens.service import failures, jobs
from carelens.service.uploads import MAX_NAME_CHARS, safe_filename

READERS_DATA = DATA.parent / "readers"
PAIR = json.dumps({"seeker_id": "s", "response_id": "r", "seeker": "I am sad", "response": "Oh?"})


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # the part after the first dot, cut to 20 characters, was kept as the extension
        ("askreddit.comments.2024-01-01.zst", "askreddit.comments.2024-01-01.zst"),
        ("RC_2024-01.ndjson.zst", "RC_2024-01.ndjson.zst"),
        ("notes.2024.v2.final.csv", "notes.2024.v2.final.csv"),
        ("日本語.csv", "upload.csv"),  # was "csv": no extension left
        ("日本語.jsonl.zst", "upload.jsonl.zst"),
        ("my chats (2024).jsonl.zst", "my_chats_2024.jsonl.zst"),
        ("a" * 300 + ".jsonl.zst", "a" * (MAX_NAME_CHARS - 11) + ".jsonl.zst"),
        ("x." + "y" * 300 + ".tsv", "x." + "y" * (MAX_NAME_CHARS - 7) + ".tsv"),
        ("con.notes.csv", "con_.notes.csv"),
        ("report.CSV", "report.CSV"),
        ("data.csv.gz", "data.csv.gz"),
        ("README", "README"),
        ("export.2024-01-01", "export.2024-01-01"),  # no extension: nothing to keep apart
        # no letter or digit before the extension: the stem "upload" (the extension alone
        # was kept as the name, and "-.zst" became "zst", a file never decompressed)
        (".csv", "upload.csv"),
        ("..csv", "upload.csv"),
        ("-.csv", "upload.csv"),
        ("_.csv", "upload.csv"),
        ("a/.csv", "upload.csv"),
        ("-.zst", "upload.zst"),
        (".jsonl.zst", "upload.jsonl.zst"),
        ("-.jsonl.zst", "upload.jsonl.zst"),
        ("-.bashrc", "upload.bashrc"),
        (".bashrc", "bashrc"),  # a hidden file's name (no known extension), not an extension
        (".profile", "profile"),
    ],
)
def test_safe_filename_keeps_the_real_extension(name: str, expected: str) -> None:
    assert safe_filename(name) == expected


def _zst(source: Path, target: Path) -> Path:
    target.write_bytes(zstandard.ZstdCompressor().compress(source.read_bytes()))
    return target


@pytest.mark.parametrize(
    ("name", "stored"),
    [
        ("askreddit.comments.2024-01-01.zst", "askreddit.comments.2024-01-01.zst"),
        ("-.zst", "upload.zst"),  # was stored as "zst": 415, or never decompressed
    ],
)
def test_a_dotted_zst_name_is_detected_and_read(
    client: TestClient, tmp_path: Path, name: str, stored: str
) -> None:
    """Stored as ``askreddit.comments.2024-01-01`` (or ``zst``): 415 when detected, every
    record rejected 'invalid UTF-8' (read as plain text) with format=reddit."""
    dump = _zst(READERS_DATA / "reddit_dump.ndjson", tmp_path / "dump.zst")
    rejects = RejectLog()
    expected = (len(list(read_exchanges(dump, rejects=rejects))), rejects.total)
    assert expected[0] > 0
    for form in ({}, {"format": "reddit"}):
        response = upload(client, dump, name=name, **form)
        assert response.status_code == 202, response.text
        created = response.json()
        assert created["name"] == stored
        assert created["format"] == "reddit"
        corpus = wait_for(client, created["id"])
        assert corpus["status"] == "done", corpus
        assert (corpus["total"], corpus["rejected"]) == expected


def test_a_zst_named_only_by_its_extension_is_decompressed(
    client: TestClient, tmp_path: Path
) -> None:
    """``-.zst`` with format=jsonl was stored as ``zst`` and read without decompressing it:
    every record rejected 'invalid UTF-8'."""
    thread = _zst(DATA / "thread.jsonl", tmp_path / "thread.zst")
    rejects = RejectLog()
    expected = len(list(read_exchanges(thread, format="jsonl", rejects=rejects)))
    assert expected > 0 and rejects.total == 0
    response = upload(client, thread, name="-.zst", format="jsonl")
    assert response.status_code == 202, response.text
    assert response.json()["name"] == "upload.zst"
    corpus = wait_for(client, response.json()["id"])
    assert (corpus["status"], corpus["total"], corpus["rejected"]) == ("done", expected, 0)


@pytest.mark.parametrize("name", ["日本語.csv", "-.csv", "..csv", "a/.csv"])
def test_a_name_of_other_letters_keeps_its_extension(client: TestClient, name: str) -> None:
    response = upload(client, DATA / "pairs.csv", name=name)
    assert response.status_code == 202, response.text
    assert (response.json()["name"], response.json()["format"]) == ("upload.csv", "csv")
    assert wait_for(client, response.json()["id"])["status"] == "done"


def _nested_pair(depth: int) -> str:
    return '{"seeker": "I am sad", "response": ' + "[" * depth + "]" * depth + "}\n"


def test_a_line_nested_too_deep_gets_the_outcome_of_a_malformed_line(
    client: TestClient, tmp_path: Path
) -> None:
    """Format detection raised RecursionError: a 500."""
    nested = tmp_path / "nested.jsonl"
    nested.write_text(_nested_pair(10_000), encoding="utf-8")
    malformed = tmp_path / "malformed.jsonl"
    malformed.write_text('{"seeker": "I am sad"\n', encoding="utf-8")
    for path in (nested, malformed):
        error = assert_error(upload(client, path), 415, "unsupported_format")
        assert "no JSON record with recognised fields" in error["message"]
        assert "I am sad" not in error["message"]
    nested.write_text(_nested_pair(10_000) + PAIR + "\n", encoding="utf-8")
    response = upload(client, nested)
    assert response.status_code == 202, response.text
    corpus = wait_for(client, response.json()["id"])
    assert (corpus["status"], corpus["total"], corpus["rejected"]) == ("done", 1, 1)


def _not_csv(tmp_path: Path) -> dict[str, Path]:
    array = tmp_path / "array.csv"
    rows = [{"seeker": f"I lost my job {i}", "response": "That sounds hard"} for i in range(5000)]
    array.write_text(json.dumps(rows), encoding="utf-8")
    nul = tmp_path / "nul.csv"
    nul.write_bytes(b"\x00" * 1_000_000)
    lines = tmp_path / "lines.csv"
    lines.write_text(
        (json.dumps({"seeker": "I lost my job", "response": "sounds hard"}) + "\n") * 3,
        encoding="utf-8",
    )
    return {"array": array, "nul": nul, "lines": lines}


@pytest.mark.parametrize("redact", [False, True], ids=["plain", "redact"])
def test_a_file_that_is_not_csv_fails_without_quoting_it(
    make_app: MakeApp, tmp_path: Path, caplog: pytest.LogCaptureFixture, redact: bool
) -> None:
    """Its whole first line went into the corpus error, every listing and the log: 2.4 MB of
    texts for a JSON array named .csv, 25 MB a listing for a file of NUL bytes."""
    with (
        TestClient(make_app(redact=redact), base_url="http://127.0.0.1") as client,
        caplog.at_level(logging.DEBUG),
    ):
        for kind, path in _not_csv(tmp_path).items():
            response = upload(client, path)
            assert response.status_code == 202, response.text
            corpus = wait_for(client, response.json()["id"])
            assert corpus["status"] == "failed", corpus
            error = corpus["error"]
            assert error.startswith(f"{corpus['name']}: missing required column(s)"), error
            assert "does not look like a header" in error and len(error) < 1000, kind
            assert "lost my job" not in error and "\\x00" not in error
        listing = client.get("/v1/corpora")
        assert listing.status_code == 200 and len(listing.content) < 10_000
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "missing required column(s)" in logged
    assert "lost my job" not in logged and "\\x00" not in logged and len(logged) < 50_000


@pytest.mark.parametrize("redact", [False, True], ids=["plain", "redact"])
def test_the_stored_error_is_bounded_whatever_a_reader_says(
    make_app: MakeApp,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    redact: bool,
) -> None:
    """The second line of defence: a reason that still quotes a file is cut."""

    def quoting_reader(*args: object, **kwargs: object) -> object:
        raise InputError("cannot read it: " + "the whole file, " * 100_000, line=3, field="x" * 500)

    monkeypatch.setattr(jobs, "read_exchanges", quoting_reader)
    with (
        TestClient(make_app(redact=redact), base_url="http://127.0.0.1") as client,
        caplog.at_level(logging.DEBUG),
    ):
        corpus = wait_for(client, upload(client, DATA / "pairs.csv").json()["id"])
    assert corpus["status"] == "failed"
    assert corpus["error"].startswith("pairs.csv, line 3, field 'xxx")
    assert "cannot read it: the whole file," in corpus["error"]
    assert len(corpus["error"]) <= failures.MAX_ERROR_CHARS
    assert corpus["error"].endswith("…")
    assert max(len(r.getMessage()) for r in caplog.records) < failures.MAX_ERROR_CHARS + 200


def test_an_uploaded_utterances_file_is_read_as_convokit(client: TestClient) -> None:
    """The upload is kept as ``<uuid>-utterances.jsonl``: detection, which knows a ConvoKit
    corpus by that file name, read it as plain JSON Lines (``analyze`` and ``batch`` said
    ``convokit``)."""
    corpus_file = READERS_DATA / "convokit_corpus" / "utterances.jsonl"
    response = upload(client, corpus_file)
    assert response.status_code == 202, response.text
    assert response.json()["format"] == "convokit"
    rejects = RejectLog()
    expected = (len(list(read_exchanges(corpus_file, rejects=rejects))), rejects.total)
    corpus = wait_for(client, response.json()["id"])
    assert corpus["status"] == "done" and (corpus["total"], corpus["rejected"]) == expected


def test_a_folder_made_at_the_same_moment_elsewhere_is_fine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two threads (or servers) making the uploads folder at once: the one whose mkdir finds
    the folder already made goes on; a file in the folder's place is still an error."""
    from carelens.service import uploads

    made = tmp_path / "uploads"
    made.mkdir()
    real_exists = Path.exists
    # The other thread made it between the check and the mkdir.
    monkeypatch.setattr(Path, "exists", lambda p: False if p == made else real_exists(p))
    uploads._private_dir(made)
    assert made.is_dir()
    blocked = tmp_path / "blocked"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr(Path, "exists", lambda p: False if p == blocked else real_exists(p))
    with pytest.raises(FileExistsError):
        uploads._private_dir(blocked)
