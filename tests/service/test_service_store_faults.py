"""The service when its store fails: 503 ``store_unavailable``, an honest health check, and a
corpus worker that rides out a store that is gone for a moment.

The store is real (SQLite in the test's data folder, or a PostgreSQL schema); faults are
injected in front of it (:class:`~store_faults.FlakyStore`), made by SQLite itself (another
connection holding the write lock), or made by cutting the connections to a real PostgreSQL
server (:class:`~store_faults.TcpProxy`, skipped without a test server). Retry waits are set
to milliseconds so nothing here sleeps for real.
"""

from __future__ import annotations

import asyncio
import logging
import re
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from service_helpers import BASE_URL, DATA, MakeApp, assert_error, upload, wait_for, write_pairs
from store_faults import INJECTED, FlakyStore, Gated, HungStore, TcpProxy, wait_until

import carelens
from carelens.analysis.empathy import EmpathyAnalyzer
from carelens.service import CorpusWorker, ServiceSettings, create_app
from carelens.service.errors import STORE_RETRY_AFTER_S
from carelens.service.health import StoreProbe
from carelens.store import Store, StoreError, open_store

#: Settings that make the worker's retries fast: 3 retries, waits of 5, 10, 20 ms.
FAST = {"store_retries": 3, "store_retry_delay": 0.005}
HTML = {"Accept": "text/html"}


def assert_stored_once(store: Store, corpus_id: str, n: int) -> None:
    """Seqs 0..n-1 stored once each, with the ids of the input, and ``done`` = n."""
    records = list(store.iter_results(corpus_id))
    assert [r["seq"] for r in records] == list(range(n))
    assert [r["response_id"] for r in records] == [f"p{i}" for i in range(n)]
    assert store.stored_seqs(corpus_id) == n
    corpus = store.get_corpus(corpus_id)
    assert corpus is not None and corpus.done == n and corpus.total == n


def assert_unavailable(response: Any) -> None:
    error = assert_error(response, 503, "store_unavailable")
    assert response.headers["retry-after"] == str(STORE_RETRY_AFTER_S)
    assert "database cannot be reached" in error["message"] and "retry" in error["message"]
    assert INJECTED not in response.text and "Traceback" not in response.text


def assert_unavailable_page(response: Any) -> None:
    assert response.status_code == 503, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["retry-after"] == str(STORE_RETRY_AFTER_S)
    assert "content-security-policy" in response.headers
    assert "Results database unavailable" in response.text
    assert "cannot be reached" in response.text
    for leak in (INJECTED, "StoreError", "Traceback"):
        assert leak not in response.text


def logged(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(r.getMessage() for r in caplog.records)


@pytest.fixture
def flaky(store: Store) -> FlakyStore:
    """The app's SQLite store behind a switch (the app is given it, so does not close it)."""
    return FlakyStore(store)


# -- requests ----------------------------------------------------------------------------------


def test_requests_get_503_store_unavailable_while_the_store_is_down(
    make_app: MakeApp, flaky: FlakyStore, data_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with TestClient(make_app(store=flaky), base_url=BASE_URL) as client:
        corpus_id = upload(client, DATA / "pairs.csv").json()["id"]
        assert wait_for(client, corpus_id)["status"] == "done"
        flaky.down = True
        with caplog.at_level(logging.INFO):
            for method, path in (
                ("GET", "/v1/corpora"),
                ("GET", f"/v1/corpora/{corpus_id}"),
                ("GET", f"/v1/corpora/{corpus_id}/results?q=sleep"),
                ("DELETE", f"/v1/corpora/{corpus_id}"),
            ):
                assert_unavailable(client.request(method, path))
            assert_unavailable(upload(client, DATA / "thread.jsonl"))
            pair = {"seeker": "I lost my job.", "response": "I'm sorry. What happened?"}
            assert client.post("/v1/analyze", json=pair).status_code == 200  # no store needed
        incoming = data_dir / "uploads" / ".incoming"
        assert list(incoming.iterdir()) == []  # the refused upload left no file
        text = logged(caplog)
        assert "GET /v1/corpora: the results database cannot be reached" in text
        assert f"StoreUnavailableError: list_corpora: {INJECTED}" in text
        assert "GET /v1/corpora 503" in text and "Traceback" not in text

        flaky.down = False
        assert client.get(f"/v1/corpora/{corpus_id}").json()["status"] == "done"
        assert client.get("/v1/corpora").status_code == 200


def test_health_says_whether_the_store_answers(
    make_app: MakeApp,
    flaky: FlakyStore,
    analyzer: EmpathyAnalyzer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    ok = {
        "status": "ok",
        "model": analyzer.model_id,
        "version": carelens.__version__,
        "checks": {"store": "ok"},
    }
    with TestClient(make_app(store=flaky), base_url=BASE_URL) as client:
        response = client.get("/v1/health")
        assert response.status_code == 200 and response.json() == ok
        assert "retry-after" not in response.headers
        flaky.down = True
        with caplog.at_level(logging.INFO):
            for _ in range(3):
                response = client.get("/v1/health")
                assert response.status_code == 503
                assert response.json() == {
                    **ok,
                    "status": "unavailable",
                    "checks": {"store": "unavailable"},
                }
                assert response.headers["retry-after"] == str(STORE_RETRY_AFTER_S)
            head = client.head("/v1/health")
            assert head.status_code == 503 and head.content == b""
            flaky.down = False
            assert client.get("/v1/health").json() == ok
        warnings = [r.getMessage() for r in caplog.records if "health check" in r.getMessage()]
        assert len(warnings) == 2, warnings  # the change is logged, not every check
        assert INJECTED in warnings[0] and "answers again" in warnings[1]
    assert flaky.calls["schema_version"] >= 5  # the check asks the store every time


def test_health_does_not_wait_for_a_store_that_hangs(make_app: MakeApp, store: Store) -> None:
    hung = HungStore(store)
    app = make_app(store=hung, health_timeout=0.2)
    with TestClient(app, base_url=BASE_URL) as client:
        start = time.monotonic()
        answers: list[int] = []
        checks = [
            threading.Thread(target=lambda: answers.append(client.get("/v1/health").status_code))
            for _ in range(4)
        ]
        for check in checks:
            check.start()
        for check in checks:
            check.join(10)
        assert answers == [503] * 4
        assert time.monotonic() - start < 5
        assert hung.probes == 1  # one query in flight, whatever the number of checks
        hung.release.set()
        wait_until(lambda: client.get("/v1/health").status_code == 200)


def test_blocking_and_async_checks_share_one_probe(store: Store) -> None:
    """``check`` (a thread) and ``check_async`` (the event loop) wait on the same query and
    both give up after ``timeout``; once it answers, both say so."""
    hung = HungStore(store)
    probe = StoreProbe(hung, timeout=0.2)
    start = time.monotonic()
    assert probe.check() is False
    assert asyncio.run(probe.check_async()) is False
    assert time.monotonic() - start < 5 and hung.probes == 1
    hung.release.set()
    wait_until(probe.check)
    assert asyncio.run(probe.check_async()) is True


def test_api_key_check_with_the_store_down_is_503(make_app: MakeApp, flaky: FlakyStore) -> None:
    _, secret = flaky.create_key("tests")
    app = make_app(store=flaky, require_key=True)
    with TestClient(app, base_url=BASE_URL) as client:
        flaky.down = True
        key = {"X-API-Key": secret}
        assert_unavailable(client.get("/v1/model", headers=key))  # the key check itself failed
        assert_error(client.get("/v1/model"), 401, "missing_api_key")  # no key: no store needed
        assert client.get("/v1/health").json()["status"] == "unavailable"  # still open
        assert_unavailable_page(client.get("/explorer", headers={**HTML, **key}))
        flaky.down = False
        assert client.get("/v1/model", headers=key).status_code == 200


def test_pages_show_a_503_page_while_the_store_is_down(
    make_app: MakeApp, flaky: FlakyStore, caplog: pytest.LogCaptureFixture
) -> None:
    with TestClient(make_app(store=flaky), base_url=BASE_URL) as client:
        corpus_id = upload(client, DATA / "thread.jsonl").json()["id"]
        assert wait_for(client, corpus_id)["status"] == "done"
        flaky.down = True
        with caplog.at_level(logging.INFO):
            for path in (
                "/explorer",
                f"/explorer/{corpus_id}",
                f"/explorer/{corpus_id}/thread/t1",
                "/dashboards",
                f"/dashboards/{corpus_id}",
            ):
                assert_unavailable_page(client.get(path, headers=HTML))
            assert_unavailable_page(client.get("/explorer"))  # pages answer HTML to anyone
        assert client.get("/coach", headers=HTML).status_code == 200  # the coach needs no store
        assert "GET /explorer: the results database cannot be reached" in logged(caplog)
        flaky.down = False
        assert client.get(f"/explorer/{corpus_id}", headers=HTML).status_code == 200


def test_the_schema_documents_the_503s(client: TestClient) -> None:
    schema: dict[str, Any] = client.get("/openapi.json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            answer = operation["responses"].get("503")
            assert answer is not None, (method, path)
            assert "Retry-After" in answer["headers"], (method, path)
    health = schema["paths"]["/v1/health"]["get"]["responses"]
    assert "HealthOut" in str(health["503"]) and "HealthOut" in str(health["200"])
    out = schema["components"]["schemas"]["HealthOut"]
    assert out["properties"]["status"]["enum"] == ["ok", "unavailable"]
    assert set(out["required"]) == {"status", "model", "version", "checks"}


# -- the corpus worker -------------------------------------------------------------------------


def test_worker_retries_store_writes_then_finishes_with_each_pair_once(
    make_app: MakeApp,
    flaky: FlakyStore,
    store: Store,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    n = 9
    done_failures = [1]

    def rule(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> bool:
        if name == "add_results":  # its 2nd and 3rd calls fail before reaching the store
            return flaky.calls["add_results"] in (2, 3)
        if name == "set_status" and args[1] == "done" and done_failures[0] > 0:
            done_failures[0] -= 1
            return True
        return False

    flaky.rule = rule
    flaky.lost["add_results"] = 1  # the 1st call stores its chunk, then reports a failure
    app = make_app(store=flaky, chunk_size=2, **FAST)
    with caplog.at_level(logging.INFO), TestClient(app, base_url=BASE_URL) as client:
        corpus_id = upload(client, write_pairs(tmp_path / "pairs.jsonl", n)).json()["id"]
        corpus = wait_for(client, corpus_id)
    assert corpus["status"] == "done" and corpus["error"] is None, corpus
    assert_stored_once(store, corpus_id, n)
    retries = [r.getMessage() for r in caplog.records if "trying again" in r.getMessage()]
    assert any("storing results" in m for m in retries), retries
    assert any("marking the corpus done" in m for m in retries), retries
    assert all(r.levelno == logging.WARNING for r in caplog.records if "trying again" in r.msg)
    assert flaky.calls["add_results"] == 5 + 3  # 5 chunks, the first tried 3 more times
    assert "retry 3 of 3" in logged(caplog)  # the last retry allowed succeeded


def test_worker_parks_a_corpus_while_the_store_stays_down(
    make_app: MakeApp,
    flaky: FlakyStore,
    store: Store,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """An outage longer than the retries fails no corpus (nor costs its upload): each is left
    ``running``, parked, and queued again until the store is back; then each finishes with
    every pair stored once."""
    n = 5
    flaky.rule = lambda name, args, kwargs: name == "add_results"
    app = make_app(store=flaky, chunk_size=2, store_requeue_delay=0.05, **FAST)
    with caplog.at_level(logging.INFO), TestClient(app, base_url=BASE_URL) as client:
        worker: CorpusWorker = app.state.context.worker
        first = upload(client, write_pairs(tmp_path / "first.jsonl", n)).json()["id"]
        second = upload(client, write_pairs(tmp_path / "second.jsonl", n)).json()["id"]
        parkings = rf"corpus {first}: .* tried again in ([0-9.]+) s"
        wait_until(lambda: len(re.findall(parkings, logged(caplog))) >= 3)
        assert worker.running and set(worker.parked) <= {first, second}
        for corpus_id in (first, second):
            corpus = client.get(f"/v1/corpora/{corpus_id}").json()
            assert corpus["status"] == "running" and corpus["error"] is None, corpus
        flaky.rule = None  # the store is back
        for corpus_id in (first, second):
            assert wait_for(client, corpus_id)["status"] == "done"
        assert worker.parked == []
    for corpus_id in (first, second):
        assert_stored_once(store, corpus_id, n)
    text = logged(caplog)
    assert "failed 4 time(s) in a row" in text and "retry 4 of" not in text
    assert "trying the results database again" in text
    waits = [float(w) for w in re.findall(parkings, text)]
    assert waits[:3] == [0.05, 0.1, 0.2]  # doubling while the outage lasts


def test_a_failure_that_cannot_be_recorded_is_recorded_later(
    make_app: MakeApp,
    flaky: FlakyStore,
    store: Store,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A corpus that fails (every record rejected) while the store refuses to mark it failed
    is parked, the worker goes on, and the failure is written once the store takes it."""
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n{also not\n", encoding="utf-8")
    flaky.rule = lambda name, args, kwargs: name == "set_status" and args[1] == "failed"
    app = make_app(store=flaky, store_requeue_delay=0.05, **FAST)
    with caplog.at_level(logging.INFO), TestClient(app, base_url=BASE_URL) as client:
        worker: CorpusWorker = app.state.context.worker
        first = upload(client, bad, format="jsonl").json()["id"]
        wait_until(lambda: "could not be marked failed" in logged(caplog))
        assert client.get(f"/v1/corpora/{first}").json()["status"] == "running"
        second = upload(client, DATA / "pairs.csv").json()["id"]  # the worker goes on
        assert wait_for(client, second)["status"] == "done"
        flaky.rule = None
        corpus = wait_for(client, first)
        assert corpus["status"] == "failed" and "nothing could be analysed" in corpus["error"]
        assert worker.running and worker.parked == []
    assert "Traceback" not in logged(caplog)


def test_an_error_that_would_repeat_fails_the_corpus_at_once(
    make_app: MakeApp,
    flaky: FlakyStore,
    store: Store,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A store error that is no outage (the database refuses a record) is not retried or
    parked for ever: the corpus fails, says why, and the upload goes with it (redact)."""
    flaky.error = StoreError
    flaky.rule = lambda name, args, kwargs: name == "add_results"
    app = make_app(store=flaky, redact=True, store_requeue_delay=0.05, **FAST)
    with caplog.at_level(logging.INFO), TestClient(app, base_url=BASE_URL) as client:
        corpus_id = upload(client, write_pairs(tmp_path / "pairs.jsonl", 3)).json()["id"]
        corpus = wait_for(client, corpus_id)
        worker: CorpusWorker = app.state.context.worker
        assert worker.parked == []
    assert corpus["status"] == "failed" and "StoreError" in corpus["error"], corpus
    assert flaky.calls["add_results"] == 1  # not tried again
    assert not list((app.state.context.settings.uploads_dir / corpus_id).glob("pairs*"))
    assert "trying again" not in logged(caplog)


def test_a_finished_corpus_requeued_drops_its_upload_under_redact(
    make_app: MakeApp, flaky: FlakyStore, tmp_path: Path
) -> None:
    """Marking the corpus done commits, then reports a lost connection: the corpus is parked,
    found done when it comes back, and its unredacted upload is removed then."""
    app = make_app(store=flaky, redact=True, store_requeue_delay=0.05, **FAST)

    def commit_then_fail(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> bool:
        if name == "set_status" and args[1] == "done":
            flaky.real.set_status(*args, **kwargs)  # it did commit...
            return True  # ...and then the connection was lost
        return False

    flaky.rule = commit_then_fail
    with TestClient(app, base_url=BASE_URL) as client:
        corpus_id = upload(client, write_pairs(tmp_path / "pairs.jsonl", 2)).json()["id"]
        folder = app.state.context.settings.uploads_dir / corpus_id
        wait_until(lambda: app.state.context.worker.parked == [corpus_id])
        flaky.rule = None
        wait_until(lambda: not app.state.context.worker.parked)
        assert app.state.context.worker.wait_idle(30)
        assert client.get(f"/v1/corpora/{corpus_id}").json()["status"] == "done"
        assert not list(folder.glob("pairs*"))


def test_stopping_during_a_retry_wait_is_prompt_and_the_corpus_resumes(
    make_app: MakeApp,
    flaky: FlakyStore,
    store: Store,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    n = 5
    flaky.rule = lambda name, args, kwargs: name == "add_results"
    app = make_app(store=flaky, store_retries=3, store_retry_delay=60.0)
    with caplog.at_level(logging.INFO):
        with TestClient(app, base_url=BASE_URL) as client:
            corpus_id = upload(client, write_pairs(tmp_path / "pairs.jsonl", n)).json()["id"]
            wait_until(lambda: "trying again in 60 s" in logged(caplog))
            stopping = time.monotonic()
        assert time.monotonic() - stopping < 10  # not the 60 s wait
    assert "stopped while waiting for the results database" in logged(caplog)
    corpus = store.get_corpus(corpus_id)
    assert corpus is not None and corpus.status == "running"
    flaky.rule = None
    with TestClient(make_app(store=flaky), base_url=BASE_URL) as client:
        assert wait_for(client, corpus_id)["status"] == "done"
    assert_stored_once(store, corpus_id, n)


def test_worker_waits_out_a_locked_sqlite_database(
    analyzer: EmpathyAnalyzer,
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A real SQLite fault: another process holds the write lock while a chunk is stored."""
    monkeypatch.setattr("carelens.store.sqlite.BUSY_TIMEOUT_S", 0.05)
    n = 4
    gated = Gated(analyzer)
    settings = ServiceSettings(data_dir=data_dir, store_retries=6, store_retry_delay=0.02)
    app = create_app(settings, analyzer=gated, topics=False)
    other = sqlite3.connect(data_dir / "carelens.db", isolation_level=None)
    try:
        with caplog.at_level(logging.INFO), TestClient(app, base_url=BASE_URL) as client:
            corpus_id = upload(client, write_pairs(tmp_path / "pairs.jsonl", n)).json()["id"]
            assert gated.reached.wait(60)
            other.execute("BEGIN IMMEDIATE")  # the write lock, held by another connection
            gated.go.set()
            wait_until(lambda: "database is locked" in logged(caplog))
            other.execute("ROLLBACK")
            corpus = wait_for(client, corpus_id)
    finally:
        other.close()
    assert corpus["status"] == "done", corpus
    check = open_store(None, data_dir=data_dir)
    try:
        assert_stored_once(check, corpus_id, n)
    finally:
        check.close()


# -- a real PostgreSQL server that goes away -----------------------------------------------------


def _pg_app(make_app: MakeApp, proxied: str, **overrides: Any) -> FastAPI:
    return make_app(database_url=proxied, **overrides)


def test_postgres_going_away_gives_503_then_recovers(
    make_app: MakeApp,
    pg_proxy: tuple[TcpProxy, str, str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    proxy, proxied, password = pg_proxy
    app = _pg_app(make_app, proxied)
    with caplog.at_level(logging.INFO), TestClient(app, base_url=BASE_URL) as client:
        corpus_id = upload(client, DATA / "pairs.csv").json()["id"]
        assert wait_for(client, corpus_id)["status"] == "done"
        proxy.stop()  # the server is gone: open connections cut, new ones refused
        for path in ("/v1/corpora", f"/v1/corpora/{corpus_id}/results"):
            response = client.get(path)
            assert_error(response, 503, "store_unavailable")
            assert password not in response.text
        health = client.get("/v1/health")
        assert health.status_code == 503 and health.json()["checks"] == {"store": "unavailable"}
        page = client.get(f"/explorer/{corpus_id}", headers=HTML)
        assert page.status_code == 503 and "Results database unavailable" in page.text
        proxy.start()  # back on the same address
        wait_until(lambda: client.get("/v1/health").status_code == 200)
        assert client.get(f"/v1/corpora/{corpus_id}").json()["status"] == "done"
    text = logged(caplog)
    assert "cannot connect to PostgreSQL" in text
    assert password and password not in text


def test_postgres_outage_mid_corpus_is_ridden_out(
    make_app: MakeApp,
    analyzer: EmpathyAnalyzer,
    pg_proxy: tuple[TcpProxy, str, str],
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    proxy, proxied, password = pg_proxy
    n = 6
    gated = Gated(analyzer)
    app = _pg_app(
        make_app, proxied, analyzer_=gated, chunk_size=2, store_retries=8, store_retry_delay=0.01
    )
    with caplog.at_level(logging.INFO), TestClient(app, base_url=BASE_URL) as client:
        corpus_id = upload(client, write_pairs(tmp_path / "pairs.jsonl", n)).json()["id"]
        assert gated.reached.wait(60)
        proxy.stop()
        gated.go.set()
        wait_until(lambda: "trying again" in logged(caplog))
        proxy.start()
        corpus = wait_for(client, corpus_id)
        assert corpus["status"] == "done", corpus
        assert corpus["done"] == corpus["total"] == n
        records = client.get(f"/v1/corpora/{corpus_id}/results").json()["items"]
        assert [r["seq"] for r in records] == list(range(n))
    text = logged(caplog)
    assert "storing results 0-1 failed" in text and password not in text
