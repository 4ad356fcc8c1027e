"""``carelens serve --redact``: no personal data in what the server answers, stores or logs.

A real SQLite store and the shipped model. A small thread whose messages hold e-mail
addresses, phone numbers, URLs, a handle and a street address is uploaded (under a file name
that holds an e-mail address) to a server with ``redact=True``; then the stored records, the
results API, search (API, store and explorer), the explorer, thread and dashboard pages,
the corpus list, the database files on disk, the upload folder and the logs must hold none
of it, and the placeholders must be there instead. The same upload without ``redact`` keeps
it all, which shows the checks would see a leak.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from service_helpers import BASE_URL, MakeApp, upload, wait_for
from typer.testing import CliRunner

from carelens.cli.main import app as cli_app
from carelens.service import ServiceSettings
from carelens.store import Store

#: The thread: (speaker, text); each message replies to the one before.
MESSAGES = [
    ("maya", "I lost my job. Email me at maya.r@example.com or call 555-123-4567, I can't cope."),
    (
        "jon",
        "That sounds frightening. You can reach me on www.example.org/help or @jon_helps, and "
        "I live at 221B Baker Street.",
    ),
    ("maya", "Thanks, my number is +44 20 7946 0958. I feel so ashamed."),
    (
        "ana",
        "Write to ana.helper@example.net, or see https://example.com/support?id=77 and tell me, "
        "what happened?",
    ),
]
#: Pieces of the personal data above; none may appear anywhere with ``redact``.
PERSONAL = (
    "maya.r",
    "@example.",
    "555-123",
    "example.org",
    "jon_helps",
    "Baker Street",
    "7946 0958",  # digits alone turn up in probabilities
    "ana.helper",
    "example.com",
)
PLACEHOLDERS = ("[email]", "[phone]", "[url]", "[handle]", "[address]")
UPLOAD_NAME = "maya.r@example.com chats.jsonl"


def leaks(text: str) -> list[str]:
    """The pieces of personal data found in ``text``."""
    return [piece for piece in PERSONAL if piece in text]


def write_thread(path: Path) -> Path:
    lines = []
    for k, (speaker, text) in enumerate(MESSAGES, start=1):
        turn = {
            "id": f"t{k}",
            "speaker": speaker,
            "conversation_id": "c1",
            "reply_to": f"t{k - 1}" if k > 1 else None,
            "timestamp": f"2024-03-01T10:0{k}:00Z",
            "text": text,
        }
        lines.append(json.dumps(turn))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def analysed(client: TestClient, tmp_path: Path) -> dict[str, Any]:
    response = upload(client, write_thread(tmp_path / "thread.jsonl"), name=UPLOAD_NAME)
    assert response.status_code == 202, response.text
    corpus = wait_for(client, response.json()["id"])
    assert corpus["status"] == "done" and corpus["done"] == len(MESSAGES) - 1, corpus
    return corpus


@pytest.fixture
def redacting(make_app: MakeApp) -> Iterator[TestClient]:
    with TestClient(make_app(redact=True, rate_limit=0), base_url=BASE_URL) as client:
        yield client


def test_settings_and_cli_option() -> None:
    assert ServiceSettings().redact is False
    assert ServiceSettings(redact=True).redact is True
    result = CliRunner().invoke(cli_app, ["serve", "--help"], env={"COLUMNS": "200"})
    assert "--redact" in result.output and "CARELENS_REDACT" in result.output


def test_stored_records_and_results_are_redacted(
    redacting: TestClient, store: Store, tmp_path: Path, data_dir: Path
) -> None:
    corpus = analysed(redacting, tmp_path)
    cid = corpus["id"]
    assert not leaks(corpus["name"]) and corpus["name"].endswith(".jsonl")

    stored = store.results(cid, limit=500).items
    assert len(stored) == len(MESSAGES) - 1
    for record in stored:
        assert not leaks(json.dumps(record)), record
    texts = " ".join(f"{r['seeker_text']} {r['response_text']}" for r in stored)
    for placeholder in PLACEHOLDERS:
        assert placeholder in texts
    first = stored[0]
    assert first["seeker_text"] == (
        "I lost my job. Email me at [email] or call [phone], I can't cope."
    )
    for name in ("emotional_reaction", "exploration", "interpretation"):
        for span in first.get(name, {}).get("spans", []):  # spans point into the redacted text
            assert first["response_text"][span["start"] : span["end"]] == span["text"]

    api = redacting.get(f"/v1/corpora/{cid}/results", params={"limit": 500})
    assert api.status_code == 200 and api.json()["total"] == len(stored)
    assert not leaks(api.text)
    assert not leaks(redacting.get("/v1/corpora").text)
    assert not leaks(redacting.get(f"/v1/corpora/{cid}").text)

    # nothing on disk but the redacted store: the upload is gone once analysed
    folder = data_dir / "uploads" / cid
    assert not [p for p in folder.iterdir() if p.name != ".rejects.jsonl"]
    for path in data_dir.glob("carelens.db*"):
        raw = path.read_bytes().decode("utf-8", "replace")
        assert not leaks(raw), (path.name, leaks(raw))


def test_upload_rejects_file_is_redacted(
    redacting: TestClient, tmp_path: Path, data_dir: Path
) -> None:
    """A reply to an unknown parent is rejected; its detail quotes the parent id, which here is
    an e-mail address: the upload's rejects file must hold the placeholder instead."""
    path = write_thread(tmp_path / "thread.jsonl")
    orphan = {
        "id": "t9",
        "speaker": "jon",
        "conversation_id": "c1",
        "reply_to": "maya.r@example.com",
        "text": "I hear you, that sounds so hard.",
    }
    with path.open("a", encoding="utf-8") as f:
        f.write(json.dumps(orphan) + "\n")
    response = upload(redacting, path, name="thread.jsonl")
    assert response.status_code == 202, response.text
    cid = response.json()["id"]
    corpus = wait_for(redacting, cid)
    assert corpus["status"] == "done", corpus
    raw = (data_dir / "uploads" / cid / ".rejects.jsonl").read_text(encoding="utf-8")
    assert raw.strip(), "the orphan reply must be rejected"
    assert not leaks(raw), raw
    assert "[email]" in raw


def test_search_finds_no_personal_data(redacting: TestClient, store: Store, tmp_path: Path) -> None:
    cid = analysed(redacting, tmp_path)["id"]
    for word in ("example", "4567", "jon_helps", "Baker", "ana.helper", "support"):
        assert store.results(cid, query=word).total == 0, word
        api = redacting.get(f"/v1/corpora/{cid}/results", params={"q": word})
        assert api.status_code == 200 and api.json()["total"] == 0, word
        page = redacting.get(f"/explorer/{cid}", params={"q": word})
        assert page.status_code == 200, word
        found = page.text[page.text.index('id="result-count"') :]  # after the search form
        assert "Nothing matches" in found and not leaks(found), word
    # what is left of the texts is still searchable
    assert store.results(cid, query="ashamed").total == 2  # a reply, then a seeker message
    assert store.results(cid, query="email").total >= 1  # the placeholder's word


def test_pages_show_no_personal_data(redacting: TestClient, tmp_path: Path) -> None:
    cid = analysed(redacting, tmp_path)["id"]
    for path in ("/explorer", f"/explorer/{cid}", f"/explorer/{cid}/thread/c1", "/dashboards"):
        page = redacting.get(path)
        assert page.status_code == 200, (path, page.status_code)
        assert not leaks(page.text), (path, leaks(page.text))
    thread = redacting.get(f"/explorer/{cid}/thread/c1").text
    assert "[email]" in thread and "[phone]" in thread and "[address]" in thread
    dashboard = redacting.get(f"/dashboards/{cid}")
    assert dashboard.status_code == 200 and not leaks(dashboard.text)


def test_analyze_answers_are_redacted(redacting: TestClient) -> None:
    (_, seeker), (_, reply) = MESSAGES[0], MESSAGES[1]
    one = redacting.post("/v1/analyze", json={"seeker": seeker, "response": reply})
    assert one.status_code == 200, one.text
    assert not leaks(one.text)
    record = one.json()
    assert record["response_text"] == (
        "That sounds frightening. You can reach me on [url] or [handle], and I live at [address]."
    )
    pairs = [
        {"id": f"p{k}", "seeker": s, "response": r}
        for k, ((_, s), (_, r)) in enumerate(pairwise(MESSAGES))
    ]
    batch = redacting.post("/v1/analyze", json={"pairs": pairs})
    assert batch.status_code == 200 and not leaks(batch.text)
    assert [r["seeker_id"] for r in batch.json()["results"]] == ["p0", "p1", "p2"]


def test_analyze_answers_redact_marked_escaped_and_hidden_data(redacting: TestClient) -> None:
    """Markdown marks, escapes and zero-width characters around or inside personal data (the
    privacy review of 2026-12-06) hide none of it from ``/v1/analyze``."""
    seeker = "I feel so alone. Reach me _maya.r@example.com_ or _555-123-4567_."
    reply = "That sounds so hard. I'm @jon\\_helps, or write to ana.helper@exa\u200bmple.net."
    answer = redacting.post("/v1/analyze", json={"seeker": seeker, "response": reply})
    assert answer.status_code == 200, answer.text
    assert not leaks(answer.text) and "exa" not in answer.text
    record = answer.json()
    assert record["seeker_text"] == "I feel so alone. Reach me _[email]_ or _[phone]_."
    assert record["response_text"] == "That sounds so hard. I'm [handle], or write to [email]."


def test_coach_result_is_redacted(redacting: TestClient) -> None:
    (_, seeker), (_, reply) = MESSAGES[2], MESSAGES[3]
    page = redacting.post("/coach", data={"seeker": seeker, "response": reply})
    assert page.status_code == 200
    result = page.text[page.text.index('id="result"') :]
    assert not leaks(result) and "[email]" in page.text


def test_logs_hold_no_personal_data(
    redacting: TestClient, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        cid = analysed(redacting, tmp_path)["id"]
        redacting.post("/v1/analyze", json={"seeker": MESSAGES[0][1], "response": MESSAGES[1][1]})
        redacting.get(f"/v1/corpora/{cid}/results", params={"q": "maya.r@example.com"})
        bad = tmp_path / "call_555-123-4567.csv"  # fails: no pairs in it
        bad.write_text("seeker,response\n", encoding="utf-8")
        failed = wait_for(redacting, upload(redacting, bad).json()["id"])
    assert failed["status"] in ("done", "failed") and not leaks(json.dumps(failed))
    # every log record of the server (httpx's are the test client's own)
    messages = [r.getMessage() for r in caplog.records if not r.name.startswith("httpx")]
    assert any("/v1/analyze" in m for m in messages)
    for message in messages:
        assert not leaks(message), message


def test_without_redact_the_same_data_is_kept(
    client: TestClient, store: Store, tmp_path: Path
) -> None:
    """The control: the checks above would see the personal data if it were kept."""
    cid = analysed(client, tmp_path)["id"]
    assert leaks(json.dumps(store.results(cid, limit=500).items))
    assert store.results(cid, query="example").total > 0
    assert leaks(client.get(f"/explorer/{cid}/thread/c1").text)


#: A thread whose conversation id is an e-mail address, as chat exports may name them.
THREAD_OF_AN_ADDRESS = "/explorer/c9/thread/sam.lee@example.com"


def access_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "carelens.service.access"]


def test_the_access_log_names_the_route_not_the_ids_in_the_path(
    redacting: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    """A path's ids may be personal data: with ``redact`` the access log names the template
    of the route that took the request, and a path no route took is redacted."""
    with caplog.at_level(logging.INFO, logger="carelens.service.access"):
        assert redacting.get(THREAD_OF_AN_ADDRESS).status_code == 404  # no such corpus
        assert redacting.get("/nowhere/call-555-123-4567").status_code == 404
    lines = access_lines(caplog)
    assert len(lines) == 2 and not any("sam.lee" in line or "4567" in line for line in lines)
    assert lines[0].startswith("GET /explorer/{corpus_id}/thread/{conversation_id} 404 ")
    assert lines[1].startswith("GET /nowhere/call-[phone] 404 ")


def test_without_redact_the_access_log_names_the_path(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="carelens.service.access"):
        assert client.get(THREAD_OF_AN_ADDRESS).status_code == 404
    assert access_lines(caplog)[0].startswith(f"GET {THREAD_OF_AN_ADDRESS} 404 ")
