"""Resume: a server stopped or killed mid-corpus finishes on restart, each pair stored once."""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from service_helpers import BASE_URL, BOTH_BACKENDS, MakeApp, upload, wait_for, write_pairs

from carelens.analysis.empathy import EmpathyAnalyzer
from carelens.output import result_record
from carelens.readers import read_exchanges
from carelens.service import CorpusWorker, ServiceSettings
from carelens.service.uploads import INCOMING, STALE_INCOMING_S, corpus_dir
from carelens.store import Store
from carelens.types import Exchange, ResponseAnalysis

pytestmark = BOTH_BACKENDS  # the store is SQLite, then PostgreSQL


class SlowAfter:
    """The real analyzer; its ``calls``-th batch signals, then waits for the worker to be told
    to stop (so the stop lands mid-corpus, whatever the machine's speed)."""

    def __init__(self, real: EmpathyAnalyzer, calls: int) -> None:
        self.real = real
        self.dimensions = real.dimensions
        self.model_id = real.model_id
        self.artifact = real.artifact
        self.calls = 0
        self.target = calls
        self.reached = threading.Event()
        self.worker: CorpusWorker | None = None

    def predict(self, pairs: Sequence[Exchange]) -> list[ResponseAnalysis]:
        self.calls += 1
        if self.calls == self.target:
            self.reached.set()
            deadline = time.monotonic() + 60
            while self.worker is not None and not self.worker.stopping:
                assert time.monotonic() < deadline
                time.sleep(0.01)
        return self.real.predict(pairs)


def all_items(store: Store, corpus_id: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    while page := store.results(corpus_id, offset=len(items), limit=500).items:
        items += page
    return items


def check_complete(store: Store, corpus_id: str, path: Path) -> None:
    expected = [e.response.id for e in read_exchanges(path)]
    items = all_items(store, corpus_id)
    assert [r["seq"] for r in items] == list(range(len(expected)))
    assert [r["response_id"] for r in items] == expected
    corpus = store.get_corpus(corpus_id)
    assert corpus is not None
    assert (corpus.status, corpus.total, corpus.done) == ("done", len(expected), len(expected))


def test_stopped_worker_resumes_on_the_next_start(
    make_app: MakeApp, analyzer: EmpathyAnalyzer, tmp_path: Path, store: Store
) -> None:
    pairs = write_pairs(tmp_path / "week.jsonl", 120)
    slow = SlowAfter(analyzer, calls=2)
    app = make_app(analyzer_=slow, chunk_size=16)
    slow.worker = app.state.context.worker
    with TestClient(app, base_url=BASE_URL) as client:
        corpus_id = upload(client, pairs).json()["id"]
        assert slow.reached.wait(60)
    # leaving the client ran the shutdown: the worker stopped after its current chunk
    stopped = store.get_corpus(corpus_id)
    assert stopped is not None and stopped.status == "running"
    assert store.stored_seqs(corpus_id) == 32  # two chunks of 16
    assert stopped.done == store.stored_seqs(corpus_id)

    with TestClient(make_app(chunk_size=16), base_url=BASE_URL) as client:
        corpus = wait_for(client, corpus_id)
        assert corpus["status"] == "done" and corpus["done"] == corpus["total"] == 120
    check_complete(store, corpus_id, pairs)


def test_a_resumed_corpus_keeps_its_helpers(
    make_app: MakeApp, analyzer: EmpathyAnalyzer, tmp_path: Path, store: Store
) -> None:
    """The helper patterns of an upload are stored with the corpus: a server started again
    resumes it with the same ones, so each kept pair keeps its seq and none is added."""
    speakers = ("vol-ama", "visitor", "VOL-kim")
    path = tmp_path / "helpers.jsonl"
    rows = [
        {"seeker_id": f"s{i}", "response_id": f"p{i}", "speaker": speakers[i % 3],
         "seeker": f"I have had a hard week, day {i}, and I can't sleep.",
         "response": f"That sounds exhausting ({i}). What has kept you up?"}
        for i in range(60)
    ]  # fmt: skip
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    kept = [r["response_id"] for r in rows if r["speaker"] != "visitor"]
    slow = SlowAfter(analyzer, calls=2)
    app = make_app(analyzer_=slow, chunk_size=8)
    slow.worker = app.state.context.worker
    with TestClient(app, base_url=BASE_URL) as client:
        corpus_id = upload(client, path, helper="vol-*").json()["id"]
        assert slow.reached.wait(60)
    stopped = store.get_corpus(corpus_id)
    assert stopped is not None and stopped.status == "running"
    assert (stopped.helpers, stopped.total, stopped.left_out) == (("vol-*",), 40, 20)
    assert store.stored_seqs(corpus_id) == 16  # two chunks of 8

    with TestClient(make_app(chunk_size=8), base_url=BASE_URL) as client:
        corpus = wait_for(client, corpus_id)
    assert corpus["status"] == "done", corpus
    assert (corpus["helpers"], corpus["total"], corpus["done"], corpus["left_out"]) == (
        ["vol-*"],
        40,
        40,
        20,
    )
    items = all_items(store, corpus_id)
    assert [r["seq"] for r in items] == list(range(40))
    assert [r["response_id"] for r in items] == kept


def test_resume_after_a_crash_skips_what_is_stored(
    make_app: MakeApp, analyzer: EmpathyAnalyzer, tmp_path: Path, store: Store, data_dir: Path
) -> None:
    """As after kill -9: some chunks stored, one stored out of order, the corpus 'running'."""
    pairs = write_pairs(tmp_path / "crash.jsonl", 50)
    corpus = store.create_corpus("crash.jsonl", format="jsonl")
    folder = corpus_dir(data_dir / "uploads", corpus.id)
    folder.mkdir(parents=True)
    (folder / "crash.jsonl").write_bytes(pairs.read_bytes())
    exchanges = list(read_exchanges(pairs))
    records = []
    for seq, (exchange, analysis) in enumerate(
        zip(exchanges, analyzer.predict(exchanges), strict=True)
    ):
        records.append({**result_record(exchange, analysis), "seq": seq})
    store.add_results(corpus.id, records[:20])
    store.add_results(corpus.id, records[30:31])  # a stray later seq: must not be stored twice
    store.set_status(corpus.id, "running", total=50, rejected=0)
    assert store.stored_seqs(corpus.id) == 20

    with TestClient(make_app(chunk_size=8), base_url=BASE_URL) as client:
        assert wait_for(client, corpus.id)["status"] == "done"
    check_complete(store, corpus.id, pairs)
    stored = all_items(store, corpus.id)
    assert stored[5] == records[5]  # the records stored before the crash are kept as they were


def test_queued_corpus_without_its_file_fails_on_start(make_app: MakeApp, store: Store) -> None:
    """A server killed between creating the corpus and moving the upload into place."""
    corpus = store.create_corpus("lost.csv", format="csv")
    with TestClient(make_app(), base_url=BASE_URL) as client:
        failed = wait_for(client, corpus.id)
    assert failed["status"] == "failed" and "upload it again" in failed["error"]


def test_a_start_removes_partial_uploads_a_killed_server_left(
    make_app: MakeApp, data_dir: Path
) -> None:
    incoming = ServiceSettings(data_dir=data_dir).uploads_dir / INCOMING
    incoming.mkdir(parents=True)
    partial = incoming / "0123abcd-up.csv"
    partial.write_bytes(b"seeker_post,response_post\nI feel")
    long_ago = time.time() - STALE_INCOMING_S - 5
    os.utime(partial, (long_ago, long_ago))
    with TestClient(make_app(), base_url=BASE_URL) as client:
        assert client.get("/v1/health").status_code == 200
    assert not partial.exists()


def test_finished_corpora_are_not_redone(make_app: MakeApp, tmp_path: Path, store: Store) -> None:
    pairs = write_pairs(tmp_path / "small.jsonl", 5)
    with TestClient(make_app(), base_url=BASE_URL) as client:
        corpus_id = upload(client, pairs).json()["id"]
        wait_for(client, corpus_id)
    before = store.get_corpus(corpus_id)
    with TestClient(make_app(), base_url=BASE_URL) as client:
        assert client.get(f"/v1/corpora/{corpus_id}").json()["status"] == "done"
    assert store.get_corpus(corpus_id) == before
