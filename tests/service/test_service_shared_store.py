"""Servers that share one store, and a store that fails under them: each server analyses the
corpora uploaded to it and fails as missing only its own; a server that takes a corpus over
with another ``--redact`` stops the one that was analysing it; a deletion that committed
stands on a full disk; upload folders of deleted corpora are swept at start-up; a read-only
database is logged for what it is."""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from service_helpers import (
    BASE_URL,
    BOTH_BACKENDS,
    MakeApp,
    assert_error,
    upload,
    wait_for,
    write_pairs,
)
from store_faults import Gated
from test_service_resume import SlowAfter, check_complete

from carelens.analysis.empathy import EmpathyAnalyzer
from carelens.service.failures import MISSING_UPLOAD
from carelens.service.uploads import FOLDER_ID_NAME, corpus_dir, folder_id
from carelens.store import Store
from carelens.store.sqlite import SQLiteStore


def shared_url(database_url: str | None, data_dir: Path) -> str:
    """The URL of the test's store, named explicitly (a server with another data folder
    would otherwise open a SQLite file of its own)."""
    return database_url or f"sqlite:///{data_dir / 'carelens.db'}"


@BOTH_BACKENDS
def test_a_second_server_leaves_the_first_servers_corpora_alone(
    make_app: MakeApp,
    analyzer: EmpathyAnalyzer,
    tmp_path: Path,
    data_dir: Path,
    database_url: str | None,
    store: Store,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A server with a data folder of its own on the same store marked the first server's
    unfinished corpora ``failed: the uploaded file is missing`` as it started. Now each
    corpus records the uploads folder that holds its file: the second server leaves the
    first's corpora as they are, and fails as missing only a corpus of its own folder."""
    pairs = write_pairs(tmp_path / "week.jsonl", 80)
    slow = SlowAfter(analyzer, calls=2)
    first = make_app(analyzer_=slow, chunk_size=16)
    slow.worker = first.state.context.worker
    with TestClient(first, base_url=BASE_URL) as client:
        corpus_id = upload(client, pairs).json()["id"]
        queued_id = upload(client, pairs).json()["id"]  # waits behind the first
        assert slow.reached.wait(60)
    own = folder_id(data_dir / "uploads")
    stopped = store.get_corpus(corpus_id)
    assert stopped is not None and stopped.status == "running" and stopped.upload_folder == own
    # the second server's own corpus, whose file it lost
    other_dir = tmp_path / "other"
    lost = store.create_corpus("lost.jsonl", upload_folder=folder_id(other_dir / "uploads"))

    url = shared_url(database_url, data_dir)
    second = make_app(data_dir=other_dir, database_url=url, chunk_size=16)
    with caplog.at_level(logging.INFO), TestClient(second, base_url=BASE_URL) as client:
        assert wait_for(client, lost.id)["error"] == MISSING_UPLOAD
        assert second.state.context.worker.wait_idle(30)
        for kept in (corpus_id, queued_id):
            corpus = client.get(f"/v1/corpora/{kept}").json()
            assert corpus["status"] in ("queued", "running") and corpus["error"] is None
    assert "2 unfinished corpora were uploaded to other servers" in caplog.text
    assert (data_dir / "uploads" / corpus_id).is_dir()  # the first server's files stay
    # the first server, started again, finishes both
    with TestClient(make_app(chunk_size=16), base_url=BASE_URL) as client:
        for kept in (corpus_id, queued_id):
            assert wait_for(client, kept)["status"] == "done"
    check_complete(store, corpus_id, pairs)
    check_complete(store, queued_id, pairs)


@BOTH_BACKENDS
def test_a_server_that_is_taken_over_with_another_redact_stops(
    make_app: MakeApp,
    analyzer: EmpathyAnalyzer,
    tmp_path: Path,
    store: Store,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Two servers on one store and one data folder, one with --redact: when the second
    took up a corpus the first was analysing, it started it over while the first went on
    storing, and the corpus held unredacted texts beside redacted ones. Now the store
    refuses the first server's chunk (its corpus records redacted texts), and that server
    stops working on the corpus."""
    path = tmp_path / "mail.jsonl"
    path.write_text(
        "".join(
            f'{{"seeker_id": "s{i}", "response_id": "p{i}", '
            f'"seeker": "I am so alone, day {i}. Write to me at kim.lee@example.org", '
            f'"response": "That sounds hard ({i}). Mail me at jo.brown@example.org"}}\n'
            for i in range(20)
        ),
        encoding="utf-8",
    )
    plain = Gated(analyzer)
    first = make_app(analyzer_=plain)
    redacting = Gated(analyzer)
    second = make_app(analyzer_=redacting, redact=True)
    with TestClient(first, base_url=BASE_URL) as client_a:
        corpus_id = upload(client_a, path).json()["id"]
        assert plain.reached.wait(60)  # the first server analyses its first chunk
        with (
            caplog.at_level(logging.WARNING, logger="carelens.service.jobs"),
            TestClient(second, base_url=BASE_URL) as client_b,
        ):
            assert redacting.reached.wait(60)  # the second started it over, and analyses
            taken = store.get_corpus(corpus_id)
            assert taken is not None and taken.redacted is True and taken.done == 0
            plain.go.set()  # the first server's chunk reaches the store now
            assert first.state.context.worker.wait_idle(60)
            assert store.get_corpus(corpus_id).done == 0  # type: ignore[union-attr]
            redacting.go.set()
            corpus = wait_for(client_b, corpus_id)
        assert (corpus["status"], corpus["done"], corpus["redacted"]) == ("done", 20, True)
    assert "another server took it over with other settings" in caplog.text
    assert "this server stops working on it" in caplog.text
    texts = [
        r["seeker_text"] + r["response_text"] for r in store.results(corpus_id, limit=100).items
    ]
    assert len(texts) == 20
    assert not [t for t in texts if "example.org" in t]  # every text redacted


def _sqlite_store(app: object) -> SQLiteStore:
    store = app.state.context.store  # type: ignore[attr-defined]
    assert isinstance(store, SQLiteStore)
    return store


def test_a_deletion_on_a_full_disk_answers_deleted_and_removes_the_upload(
    make_app: MakeApp, data_dir: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """On a disk too full to merge the search index after the deletion committed, DELETE
    answered 503 "retry", the retry 404, and the uploaded file stayed for ever. Now the
    corpus is deleted, its upload removed and 204 answered; the merge is logged and done
    later."""
    pairs = write_pairs(tmp_path / "week.jsonl", 3)
    app = make_app()
    store = _sqlite_store(app)
    with TestClient(app, base_url=BASE_URL) as client:
        corpus_id = upload(client, pairs).json()["id"]
        assert wait_for(client, corpus_id)["status"] == "done"
        big = store.create_corpus("big.jsonl")
        store.add_results(
            big.id,
            [
                {
                    "seq": i,
                    "seeker_text": "x",
                    "response_text": " ".join(f"w{i}y{j}" for j in range(30)),
                }
                for i in range(1000)
            ],
        )
        store._forget_deleted()
        connection = store._connection
        connection.execute("VACUUM")
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        limit = connection.execute("PRAGMA max_page_count").fetchone()[0]
        assert (data_dir / "uploads" / corpus_id).is_dir()
        with caplog.at_level(logging.WARNING):
            for room in range(20):
                connection.execute(f"PRAGMA max_page_count = {pages + room}")
                response = client.delete(f"/v1/corpora/{corpus_id}")
                if response.status_code == 204:
                    break
                # the deletion itself did not fit: nothing was deleted, and the file stays
                assert_error(response, 503, "store_unavailable")
                assert (data_dir / "uploads" / corpus_id).is_dir()
            connection.execute(f"PRAGMA max_page_count = {limit}")
        assert response.status_code == 204, response.text
        assert connection.execute("SELECT count(*) FROM pending_forget").fetchone()[0] == 1
        assert "could not yet be cleared from the search index" in caplog.text
        assert not (data_dir / "uploads" / corpus_id).exists()
        assert_error(client.get(f"/v1/corpora/{corpus_id}"), 404, "corpus_not_found")
        assert_error(client.delete(f"/v1/corpora/{corpus_id}"), 404, "corpus_not_found")
        assert client.delete(f"/v1/corpora/{big.id}").status_code == 204  # merges now
        assert connection.execute("SELECT count(*) FROM pending_forget").fetchone()[0] == 0


def test_start_up_removes_the_uploads_of_deleted_corpora(
    make_app: MakeApp, data_dir: Path, tmp_path: Path, store: Store
) -> None:
    """An upload folder whose corpus the store no longer has (deleted through another
    server, or by a deletion that failed half-way before) is removed at start-up; the
    folders of live corpora, partial uploads and the folder's id stay."""
    pairs = write_pairs(tmp_path / "week.jsonl", 3)
    with TestClient(make_app(), base_url=BASE_URL) as client:
        kept = upload(client, pairs).json()["id"]
        gone = upload(client, pairs).json()["id"]
        for corpus_id in (kept, gone):
            assert wait_for(client, corpus_id)["status"] == "done"
    uploads = data_dir / "uploads"
    identity = (uploads / FOLDER_ID_NAME).read_text()
    assert store.delete_corpus(gone)  # as another server sharing the store deletes it
    stray = corpus_dir(uploads, "0" * 32)
    stray.mkdir()
    (stray / "old.csv").write_text("a,b\n")
    with TestClient(make_app(), base_url=BASE_URL):
        pass
    assert not (uploads / gone).exists() and not stray.exists()
    assert (uploads / kept).is_dir() and (uploads / FOLDER_ID_NAME).read_text() == identity
    assert (uploads / ".incoming").is_dir()


def test_the_uploads_folder_id_is_made_once(tmp_path: Path) -> None:
    uploads = tmp_path / "uploads"
    ids: list[str] = []

    def make() -> None:
        ids.append(folder_id(uploads))

    threads = [threading.Thread(target=make) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(ids)) == 1 and len(ids[0]) == 32
    assert sorted(p.name for p in uploads.iterdir()) == [FOLDER_ID_NAME]
    assert folder_id(uploads) == ids[0]
    assert folder_id(tmp_path / "elsewhere" / "uploads") != ids[0]


def test_a_read_only_store_is_logged_for_what_it_is(
    make_app: MakeApp, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A SQLite file that turned read-only: a delete was a 500 whose log said only
    "StoreError (message not logged)". Now the log names SQLite's reason (which quotes no
    text) while the answer stays free of it, and /v1/health says the store is not ok, so
    an upload is turned away before its body is read."""
    pairs = write_pairs(tmp_path / "week.jsonl", 3)
    app = make_app()
    store = _sqlite_store(app)
    with TestClient(app, base_url=BASE_URL) as client:
        corpus_id = upload(client, pairs).json()["id"]
        assert wait_for(client, corpus_id)["status"] == "done"
        assert client.get("/v1/health").json()["checks"]["store"] == "ok"
        store._connection.close()
        store._connection = sqlite3.connect(
            f"file:{store.path}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
        )
        with caplog.at_level(logging.INFO):
            response = client.delete(f"/v1/corpora/{corpus_id}")
            error = assert_error(response, 500, "internal_error")
            assert "readonly" not in response.text and "SQLITE" not in response.text
            assert "internal error on DELETE /v1/corpora/" in caplog.text
            assert "StoreFaultError" in caplog.text
            assert "attempt to write a readonly database (SQLITE_READONLY" in caplog.text
            assert "message not logged" not in caplog.text
            assert "logged" in error["message"]
            health = client.get("/v1/health")
            assert health.status_code == 503
            assert health.json()["checks"]["store"] == "unavailable"
            assert "readonly" not in health.text
            assert_error(upload(client, pairs), 503, "store_unavailable")
        assert client.get(f"/v1/corpora/{corpus_id}").status_code == 200  # reads work
