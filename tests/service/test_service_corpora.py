"""Corpora: upload, background analysis, status, paging and filtering results, rejects, delete."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from service_helpers import (
    BASE_URL,
    BOTH_BACKENDS,
    DATA,
    ROOT,
    MakeApp,
    assert_error,
    upload,
    wait_for,
)

from carelens.readers import read_exchanges
from carelens.store.base import ATTENTION_FILTERS
from carelens.types import MAX_ID_CHARS

pytestmark = BOTH_BACKENDS  # the store is SQLite, then PostgreSQL

CHAT = ROOT / "examples" / "chat.jsonl"


def _all_results(client: TestClient, corpus_id: str, limit: int, **filters: Any) -> list[Any]:
    items: list[Any] = []
    offset: int | None = 0
    while offset is not None:
        page = client.get(
            f"/v1/corpora/{corpus_id}/results", params={"offset": offset, "limit": limit, **filters}
        )
        assert page.status_code == 200, page.text
        body = page.json()
        assert set(body) == {"items", "total", "offset", "limit", "next_offset"}
        assert body["offset"] == offset and body["limit"] == limit
        assert len(body["items"]) <= limit
        items += body["items"]
        offset = body["next_offset"]
    return items


def test_upload_is_analysed_in_the_background(client: TestClient, data_dir: Path) -> None:
    response = upload(client, DATA / "pairs.csv")
    assert response.status_code == 202, response.text
    created = response.json()
    assert created["status"] in ("queued", "running", "done")
    assert created["name"] == "pairs.csv" and created["format"] == "csv"
    assert response.headers["location"] == f"/v1/corpora/{created['id']}"
    corpus = wait_for(client, created["id"])
    expected = list(read_exchanges(DATA / "pairs.csv"))
    assert corpus["status"] == "done", corpus
    assert corpus["total"] == corpus["done"] == len(expected)
    assert corpus["rejected"] == 0 and corpus["progress"] == 1.0 and corpus["error"] is None
    stored = data_dir / "uploads" / created["id"] / "pairs.csv"
    assert stored.read_bytes() == (DATA / "pairs.csv").read_bytes()
    assert stored.stat().st_mode & 0o777 == 0o600  # conversations: owner only
    assert stored.parent.stat().st_mode & 0o777 == 0o700
    assert (stored.parent / ".rejects.jsonl").stat().st_mode & 0o777 == 0o600
    assert data_dir.stat().st_mode & 0o777 == 0o700  # made by the app, owner only
    listed = client.get("/v1/corpora").json()["corpora"]
    assert [c["id"] for c in listed] == [created["id"]]

    items = _all_results(client, created["id"], limit=3)
    assert [r["seq"] for r in items] == list(range(len(expected)))
    assert [r["response_id"] for r in items] == [e.response.id for e in expected]
    assert all(r["model"] == "carelens-empathy-minilm" for r in items)


def test_results_filter(client: TestClient) -> None:
    corpus_id = upload(client, CHAT).json()["id"]
    assert wait_for(client, corpus_id)["status"] == "done"
    everything = _all_results(client, corpus_id, limit=500)
    assert everything

    def ids(records: list[Any]) -> list[str]:
        return [r["response_id"] for r in records]

    helper = everything[0]["speaker"]
    by_helper = _all_results(client, corpus_id, limit=2, helper=helper)
    assert ids(by_helper) == ids([r for r in everything if r["speaker"] == helper])
    style = everything[0]["style"]
    by_style = _all_results(client, corpus_id, limit=2, style=style)
    assert ids(by_style) == ids([r for r in everything if r["style"] == style])
    strong = _all_results(client, corpus_id, limit=2, dimension="exploration", min_level=1)
    assert ids(strong) == ids([r for r in everything if r["exploration"]["level"] >= 1])
    cut = sorted(r["timestamp"] for r in everything)[len(everything) // 2]
    later = _all_results(client, corpus_id, limit=2, since=cut)
    earlier = _all_results(client, corpus_id, limit=2, until=cut)
    assert len(later) + len(earlier) == len(everything)
    assert all(r["timestamp"] >= cut for r in later)
    word = everything[0]["response_text"].split()[0].strip(".,!?")
    found = _all_results(client, corpus_id, limit=2, q=word)
    assert everything[0]["response_id"] in ids(found)
    assert _all_results(client, corpus_id, limit=2, q="zzzunusedwordzzz") == []
    for attention, needs in (
        ("crisis", lambda r: r["seeker"]["needs_attention"]),
        ("unsafe", lambda r: bool(r["unsafe"])),
        ("any", lambda r: r["seeker"]["needs_attention"] or bool(r["unsafe"])),
    ):
        kept = _all_results(client, corpus_id, limit=2, attention=attention)
        assert ids(kept) == ids([r for r in everything if needs(r)])


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": 501}, "limit"),
        ({"limit": 0}, "limit"),
        ({"offset": -1}, "offset"),
        ({"dimension": "kindness"}, "dimension"),
        # these two named no field and had no details
        ({"min_level": 1}, "min_level"),
        ({"since": "last tuesday"}, "since"),
        ({"until": "notadate", "dimension": "exploration"}, "until"),
        ({"dimension": "exploration", "min_level": 3}, "min_level"),
        ({"attention": "everything"}, "attention"),
        ({"helper": "x" * (MAX_ID_CHARS + 1)}, "helper"),
    ],
)
def test_bad_result_queries(client: TestClient, params: dict[str, Any], field: str) -> None:
    """Every 422 names its first bad field and lists them all, as api.md's Errors say."""
    corpus_id = upload(client, DATA / "pairs.csv").json()["id"]
    response = client.get(f"/v1/corpora/{corpus_id}/results", params=params)
    error = assert_error(response, 422, "invalid_request")
    assert error["field"] == field, error
    assert error["message"].startswith(f"{field}: ")
    assert error["details"] and all(set(d) == {"field", "message"} for d in error["details"])
    assert error["details"][0]["field"] == field


def test_a_helper_as_long_as_a_stored_name_filters_results(
    client: TestClient, tmp_path: Path
) -> None:
    """Readers keep speakers of up to MAX_ID_CHARS characters, but ``helper`` was refused
    past 200 (422); the explorer's own filter is tested with the pages (test_pages_audit)."""
    long_name = "v" * MAX_ID_CHARS
    rows = [
        {"id": "s1", "speaker": "sam", "conversation_id": "c1", "reply_to": None,
         "text": "I lost my job this week and I can't face telling my family."},
        {"id": "h1", "speaker": long_name, "conversation_id": "c1", "reply_to": "s1",
         "text": "That sounds frightening. What worries you most about it?"},
        {"id": "h2", "speaker": "jon", "conversation_id": "c1", "reply_to": "s1",
         "text": "Just get another job, it happens to everyone."},
    ]  # fmt: skip
    path = tmp_path / "long.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    corpus = wait_for(client, upload(client, path).json()["id"])
    assert (corpus["status"], corpus["total"], corpus["rejected"]) == ("done", 2, 0)
    for name in (long_name, "v" * 300):
        response = client.get(f"/v1/corpora/{corpus['id']}/results", params={"helper": name})
        assert response.status_code == 200, response.text
        assert [r["response_id"] for r in response.json()["items"]] == (
            ["h1"] if name == long_name else []
        )


def test_rejected_is_null_until_the_file_is_counted(client: TestClient) -> None:
    """A queued corpus showed ``"rejected": 0`` beside a null ``total`` and ``left_out``;
    api.md says all three are null until the file has been counted."""
    created = upload(client, DATA / "malformed.jsonl").json()
    assert created["status"] == "queued"
    assert (created["total"], created["rejected"], created["left_out"]) == (None, None, None)
    corpus = wait_for(client, created["id"])
    assert (corpus["total"], corpus["rejected"], corpus["left_out"]) == (2, 3, 0)


def test_unknown_corpus(client: TestClient) -> None:
    assert_error(client.get("/v1/corpora/nope"), 404, "corpus_not_found")
    assert_error(client.get("/v1/corpora/nope/results"), 404, "corpus_not_found")
    assert_error(client.delete("/v1/corpora/nope"), 404, "corpus_not_found")


def test_malformed_lines_are_counted_as_rejected(client: TestClient, data_dir: Path) -> None:
    corpus_id = upload(client, DATA / "malformed.jsonl").json()["id"]
    corpus = wait_for(client, corpus_id)
    assert corpus["status"] == "done", corpus
    assert (corpus["total"], corpus["done"], corpus["rejected"]) == (2, 2, 3)
    rejects = (data_dir / "uploads" / corpus_id / ".rejects.jsonl").read_text().splitlines()
    assert len(rejects) == 3
    for line in rejects:
        entry = json.loads(line)
        assert set(entry) <= {"path", "line", "field", "reason", "detail"}  # never a text


def test_a_name_too_long_to_store_loses_only_its_record(
    client: TestClient, data_dir: Path, tmp_path: Path
) -> None:
    """A 10 KB helper name failed the whole corpus on PostgreSQL; now the reader rejects
    that record (``id too long``) and the others are stored, on both backends."""
    path = tmp_path / "pairs.jsonl"
    rows = [
        {"sp_id": f"s{i}", "rp_id": f"r{i}", "speaker": name,
         "seeker_post": "I failed my exam again.", "response_post": "That must sting."}
        for i, name in enumerate(["kim", "\u4e00" * 10_000, "sam"])
    ]  # fmt: skip
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    corpus = wait_for(client, upload(client, path).json()["id"])
    assert corpus["status"] == "done", corpus
    assert (corpus["total"], corpus["done"], corpus["rejected"]) == (2, 2, 1)
    items = _all_results(client, corpus["id"], 10)
    assert [(r["response_id"], r["speaker"]) for r in items] == [("r0", "kim"), ("r2", "sam")]
    rejects = data_dir / "uploads" / corpus["id"] / ".rejects.jsonl"
    [entry] = [json.loads(line) for line in rejects.read_text().splitlines()]
    assert (entry["line"], entry["field"]) == (2, "response.speaker")
    assert entry["reason"] == "id too long"


def test_file_names_are_sanitised(client: TestClient, data_dir: Path) -> None:
    response = upload(client, DATA / "pairs.csv", name="../../../etc/..\\x/.. evil name?.csv")
    assert response.status_code == 202, response.text
    body = response.json()
    assert "/" not in body["name"] and "\\" not in body["name"] and ".." not in body["name"]
    assert body["name"].endswith(".csv") and not body["name"].startswith(".")
    folder = data_dir / "uploads" / body["id"]
    assert (folder / body["name"]).is_file()
    assert wait_for(client, body["id"])["status"] == "done"


def test_format_field(client: TestClient, tmp_path: Path) -> None:
    renamed = tmp_path / "pairs.txt"
    renamed.write_bytes((DATA / "pairs.csv").read_bytes())
    response = upload(client, renamed, format="csv")
    assert response.status_code == 202, response.text
    assert response.json()["format"] == "csv"
    assert wait_for(client, response.json()["id"])["status"] == "done"
    error = assert_error(upload(client, renamed, format="docx"), 422, "invalid_request")
    assert error["field"] == "format"


def write_thread(path: Path) -> Path:
    """A chat thread: sam writes, Vol-Kim answers, sam answers back, jon and ama reply."""
    turns = [
        ("t1", "sam", None, "I lost my job this week and I can't face telling my family."),
        ("t2", "Vol-Kim", "t1", "That sounds frightening. What worries you most about it?"),
        ("t3", "sam", "t2", "That they will think I failed them."),
        ("t4", "jon", "t1", "Just get another job, it happens to everyone."),
        ("t5", "ama", "t3", "It makes sense to fear that. Losing a job is not failing them."),
    ]
    rows = [
        {"id": i, "speaker": who, "conversation_id": "c1", "reply_to": to, "text": text}
        for i, who, to, text in turns
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_helpers_analyse_only_their_responses(client: TestClient, tmp_path: Path) -> None:
    """``helper`` fields work as ``carelens analyze --helper``: only the responses of
    matching speakers (case ignored) are analysed, the others are counted as left out."""
    thread = write_thread(tmp_path / "thread.jsonl")
    response = upload(client, thread, helper=["vol-*", " ama ", "vol-*"])
    assert response.status_code == 202, response.text
    created = response.json()
    assert created["helpers"] == ["vol-*", "ama"]  # stripped, without repeats
    assert created["left_out"] is None  # not counted yet
    corpus = wait_for(client, created["id"])
    assert corpus["status"] == "done", corpus
    assert corpus["helpers"] == ["vol-*", "ama"]
    assert (corpus["total"], corpus["done"], corpus["left_out"], corpus["rejected"]) == (2, 2, 2, 0)
    assert corpus["progress"] == 1.0
    items = _all_results(client, created["id"], limit=10)
    assert [(r["seq"], r["response_id"], r["speaker"]) for r in items] == [
        (0, "t2", "Vol-Kim"),
        (1, "t5", "ama"),
    ]
    [listed] = client.get("/v1/corpora").json()["corpora"]
    assert (listed["helpers"], listed["left_out"]) == (["vol-*", "ama"], 2)
    page = client.get(f"/explorer/{created['id']}")
    assert page.status_code == 200
    assert "helpers <bdi>vol-*</bdi>, <bdi>ama</bdi>" in page.text
    assert "2 responses left out" in page.text

    everyone = wait_for(client, upload(client, thread).json()["id"])
    assert (everyone["helpers"], everyone["left_out"], everyone["total"]) == ([], 0, 4)


def test_helpers_that_match_no_response_fail_the_corpus(client: TestClient, tmp_path: Path) -> None:
    thread = write_thread(tmp_path / "thread.jsonl")
    corpus = wait_for(client, upload(client, thread, helper="vol-ana").json()["id"])
    assert corpus["status"] == "failed", corpus
    assert (corpus["total"], corpus["done"], corpus["left_out"]) == (0, 0, 4)
    assert "no response of the 4 read" in corpus["error"] and "'vol-ana'" in corpus["error"]
    assert "upload it again" in corpus["error"]


@pytest.mark.parametrize(
    ("helpers", "field"),
    [
        ([""], "helper[0]"),
        (["vol-*", " \t "], "helper[1]"),
        (["vol-*", "x" * 513], "helper[1]"),
        (["vol-*"] * 101, "helper"),
    ],
)
def test_a_bad_helper_is_refused_before_the_upload_is_stored(
    client: TestClient, data_dir: Path, helpers: list[str], field: str
) -> None:
    error = assert_error(upload(client, DATA / "pairs.csv", helper=helpers), 422, "invalid_request")
    assert error["field"] == field
    assert error["message"].startswith(f"{field}: ")
    if not helpers[-1].strip():
        assert "empty pattern" in error["message"]
    assert client.get("/v1/corpora").json()["corpora"] == []
    uploads = data_dir / "uploads"
    assert not uploads.exists() or not [p for p in uploads.rglob("*") if p.is_file()]


def test_wrong_format_fails_the_corpus_with_a_message(client: TestClient, data_dir: Path) -> None:
    response = upload(client, DATA / "pairs.csv", format="wxr")
    assert response.status_code == 202, response.text
    corpus = wait_for(client, response.json()["id"])
    assert corpus["status"] == "failed"
    assert corpus["error"].startswith("pairs.csv") and "upload it again" in corpus["error"]
    assert str(data_dir) not in corpus["error"]  # no server paths


def test_a_file_whose_every_record_is_rejected_fails_with_a_hint(
    client: TestClient, data_dir: Path
) -> None:
    """A CSV uploaded as JSON Lines: every line a reject, and the corpus ended "done" with
    nothing in it."""
    response = upload(client, DATA / "pairs.csv", format="jsonl")
    corpus = wait_for(client, response.json()["id"])
    assert corpus["status"] == "failed" and corpus["total"] == 0 and corpus["rejected"] > 0
    assert corpus["error"].startswith("nothing could be analysed: all ")
    assert "'malformed JSON'" in corpus["error"] and "really a jsonl file" in corpus["error"]
    assert str(data_dir) not in corpus["error"]


@pytest.mark.parametrize(
    ("name", "content", "held"),
    [
        (
            "openers.csv",
            "message_id,parent_id,thread_id,author,text\n"
            "a1,,c1,sam,I feel so alone lately.\na2,,c2,kim,I lost my job today.\n",
            "its 2 messages each open a conversation",
        ),
        ("blank.jsonl", "\n\n   \n", "the file holds no message"),
    ],
)
def test_a_file_with_no_reply_fails_and_says_what_it_needs(
    client: TestClient, tmp_path: Path, name: str, content: str, held: str
) -> None:
    """Messages that answer none of each other (or no message at all) ended "done" with
    0 of 0 and nothing explained."""
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    corpus = wait_for(client, upload(client, path).json()["id"])
    assert corpus["status"] == "failed", corpus
    assert (corpus["total"], corpus["done"], corpus["rejected"]) == (0, 0, 0)
    error = corpus["error"]
    assert error.startswith("nothing could be analysed: ") and held in error, error
    assert "so there is nothing to analyse; the file needs replies" in error
    assert "reply_to" in error and "parent_id" in error


def test_a_file_rejected_for_its_content_names_the_reason_not_the_format(
    client: TestClient, tmp_path: Path
) -> None:
    """One text over the limit: the message said "is it really a jsonl file? Upload it
    again with the right format"."""
    path = tmp_path / "long.jsonl"
    turn = {"id": "a", "conversation_id": "c", "reply_to": None, "text": "x" * 1_000_001}
    path.write_text(json.dumps(turn) + "\n", encoding="utf-8")
    corpus = wait_for(client, upload(client, path).json()["id"])
    assert corpus["status"] == "failed" and corpus["rejected"] == 1, corpus
    assert corpus["error"] == (
        "nothing could be analysed: its only record was rejected ('text too long': line 1, "
        "field 'text': 1,000,001 characters > limit 1,000,000); a text may have at most "
        "1,000,000 characters: shorten or split the longer ones, and upload it again"
    )


def test_a_csv_with_other_columns_is_not_told_to_use_a_column_map(
    client: TestClient, tmp_path: Path
) -> None:
    """An upload takes no column map, yet its failure said "Map other names with a column
    map (canonical=file_column).; fix the file…"."""
    path = tmp_path / "other.csv"
    path.write_text("id,conversation_id,speaker,text,reply_to\na1,c1,sam,Hi,\n", "utf-8")
    corpus = wait_for(client, upload(client, path, format="csv").json()["id"])
    assert corpus["status"] == "failed", corpus
    error = corpus["error"]
    assert error.startswith("other.csv: missing required column(s)"), error
    assert "Map other names" not in error and ".;" not in error and ". ;" not in error
    assert "an upload takes no column map" in error
    assert error.endswith(". Fix the file and upload it again"), error


def test_unrecognised_and_empty_uploads(client: TestClient, tmp_path: Path) -> None:
    blob = tmp_path / "notes.bin"
    blob.write_bytes(b"just some words\nnothing tabular here\n")
    assert_error(upload(client, blob), 415, "unsupported_format")
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert_error(upload(client, empty), 422, "empty_file")
    assert client.get("/v1/corpora").json()["corpora"] == []


def test_upload_needs_multipart_with_a_file(client: TestClient) -> None:
    assert_error(client.post("/v1/corpora", json={"file": "x"}), 415, "unsupported_media_type")
    # A form without a file part (a part of another name is an unknown field: test_upload_form).
    error = assert_error(
        client.post("/v1/corpora", files={"format": (None, "csv")}), 422, "invalid_request"
    )
    assert error["field"] == "file"


def test_upload_over_the_limit(make_app: MakeApp, data_dir: Path) -> None:
    with TestClient(make_app(max_upload_bytes=500), base_url=BASE_URL) as client:
        error = assert_error(upload(client, DATA / "pairs.csv"), 413, "payload_too_large")
        assert "upload" in error["message"]
        assert client.get("/v1/corpora").json()["corpora"] == []
    assert not any((data_dir / "uploads").glob("*/*.csv"))


def test_delete_removes_results_and_file(client: TestClient, data_dir: Path) -> None:
    corpus_id = upload(client, DATA / "pairs.csv").json()["id"]
    wait_for(client, corpus_id)
    assert client.delete(f"/v1/corpora/{corpus_id}").status_code == 204
    assert_error(client.get(f"/v1/corpora/{corpus_id}"), 404, "corpus_not_found")
    assert not (data_dir / "uploads" / corpus_id).exists()


def test_the_attention_parameter_lists_what_the_store_filters(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    (results_path,) = [p for p in spec["paths"] if p.endswith("/results")]
    (param,) = [
        p for p in spec["paths"][results_path]["get"]["parameters"] if p["name"] == "attention"
    ]
    options = param["schema"]["anyOf"][0]["enum"]
    assert tuple(options) == ATTENTION_FILTERS
