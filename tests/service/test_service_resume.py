"""Resume: a server stopped or killed mid-corpus finishes on restart, each pair stored once."""

from __future__ import annotations

import json
import logging
import os
import shutil
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from service_helpers import BASE_URL, BOTH_BACKENDS, MakeApp, upload, wait_for, write_pairs

import carelens
from carelens.analysis.empathy import EmpathyAnalyzer
from carelens.inference.artifact import MANIFEST, default_model_dir, update_calibration
from carelens.output import result_record
from carelens.readers import read_exchanges
from carelens.service import CorpusWorker, ServiceSettings
from carelens.service.uploads import INCOMING, STALE_INCOMING_S, corpus_dir
from carelens.store import Store
from carelens.types import Exchange, ResponseAnalysis

pytestmark = BOTH_BACKENDS  # the store is SQLite, then PostgreSQL


class SlowAfter:
    """The real analyzer; its ``calls``-th batch signals, then waits for the worker to be told
    to stop (so the stop lands mid-corpus, whatever the machine's speed). ``fingerprint`` is
    its ``model_fingerprint`` (None: a stand-in whose model build the worker cannot tell)."""

    def __init__(self, real: EmpathyAnalyzer, calls: int, fingerprint: str | None = None) -> None:
        self.real = real
        self.dimensions = real.dimensions
        self.model_id = real.model_id
        self.artifact = real.artifact
        self.model_fingerprint = fingerprint
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


# -- the model a corpus was begun with --------------------------------------------------------


@pytest.fixture(scope="module")
def other_build(tmp_path_factory: pytest.TempPathFactory) -> EmpathyAnalyzer:
    """Another build of the shipped model (its calibration temperatures doubled): the same
    model id, another fingerprint, other probabilities (as a server restarted with another
    ``--model``)."""
    folder = tmp_path_factory.mktemp("model") / "other-build"
    shutil.copytree(default_model_dir(), folder)
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    doubled = [t * 2 for t in manifest["calibration"]["temperatures"]]
    update_calibration(folder, {"temperatures": doubled})
    return carelens.load(folder, threads=1)


def worker_warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.name == "carelens.service.jobs" and r.levelno == logging.WARNING
    ]


def records_of(analyzer: EmpathyAnalyzer, path: Path) -> list[dict[str, Any]]:
    """The records the worker stores for ``path`` with ``analyzer``, less their topic."""
    exchanges = list(read_exchanges(path))
    analyses = analyzer.predict(exchanges)
    return [
        {**result_record(exchange, analysis), "seq": seq}
        for seq, (exchange, analysis) in enumerate(zip(exchanges, analyses, strict=True))
    ]


def test_a_corpus_begun_by_another_build_of_the_model_starts_over(
    make_app: MakeApp,
    analyzer: EmpathyAnalyzer,
    other_build: EmpathyAnalyzer,
    tmp_path: Path,
    store: Store,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A server restarted with another model finished the corpus the first one had begun,
    so one corpus held two models' results. Now the corpus starts over with the new one."""
    assert analyzer.model_id == other_build.model_id
    assert analyzer.model_fingerprint != other_build.model_fingerprint
    pairs = write_pairs(tmp_path / "week.jsonl", 40)
    slow = SlowAfter(analyzer, calls=2, fingerprint=analyzer.model_fingerprint)
    app = make_app(analyzer_=slow, chunk_size=8)
    slow.worker = app.state.context.worker
    with TestClient(app, base_url=BASE_URL) as client:
        corpus_id = upload(client, pairs).json()["id"]
        assert slow.reached.wait(60)
    begun = store.get_corpus(corpus_id)
    assert begun is not None and (begun.status, begun.done) == ("running", 16)
    assert begun.model == analyzer.model_fingerprint  # recorded when its analysis started

    with (
        caplog.at_level(logging.WARNING, logger="carelens.service.jobs"),
        TestClient(make_app(analyzer_=other_build, chunk_size=8), base_url=BASE_URL) as client,
    ):
        corpus = wait_for(client, corpus_id)
    assert corpus["status"] == "done" and corpus["done"] == corpus["total"] == 40
    assert corpus["model"] == other_build.model_fingerprint
    check_complete(store, corpus_id, pairs)
    stored = [{k: v for k, v in r.items() if k != "topic"} for r in all_items(store, corpus_id)]
    assert stored == records_of(other_build, pairs)  # every result is the new build's
    assert stored[:16] != records_of(analyzer, pairs)[:16]
    said = [m for m in worker_warnings(caplog) if "another build" in m]
    assert len(said) == 1, worker_warnings(caplog)
    assert analyzer.model_fingerprint in said[0] and other_build.model_fingerprint in said[0]
    assert "16 stored result(s) are discarded" in said[0]


@pytest.mark.parametrize("first", [True, False], ids=["redact, then not", "not, then redact"])
def test_a_corpus_begun_with_the_other_redaction_setting_starts_over(
    make_app: MakeApp,
    analyzer: EmpathyAnalyzer,
    tmp_path: Path,
    store: Store,
    caplog: pytest.LogCaptureFixture,
    first: bool,
) -> None:
    """A server restarted with ``--redact`` turned on or off finished the corpus the first
    one had begun, so one corpus held redacted and unredacted texts side by side. Now the
    corpus starts over with the new setting (the analyzer has no fingerprint: the redaction
    setting is checked on its own)."""
    pairs = tmp_path / "week.jsonl"
    with pairs.open("w", encoding="utf-8") as fh:
        for i in range(40):
            row = {
                "seeker_id": f"s{i}",
                "response_id": f"p{i}",
                "seeker": f"Day {i}: I can't sleep, call me on 555-867-5309 tonight.",
                "response": f"That sounds exhausting ({i}). Write to jane.doe@example.org.",
            }
            fh.write(json.dumps(row) + "\n")
    slow = SlowAfter(analyzer, calls=2)
    app = make_app(analyzer_=slow, chunk_size=8, redact=first)
    slow.worker = app.state.context.worker
    with TestClient(app, base_url=BASE_URL) as client:
        corpus_id = upload(client, pairs).json()["id"]
        assert slow.reached.wait(60)
    begun = store.get_corpus(corpus_id)
    assert begun is not None and (begun.status, begun.done) == ("running", 16)
    assert (begun.model, begun.redacted) == (None, first)  # recorded when it started

    with (
        caplog.at_level(logging.WARNING, logger="carelens.service.jobs"),
        TestClient(
            make_app(analyzer_=SlowAfter(analyzer, calls=0), chunk_size=8, redact=not first),
            base_url=BASE_URL,
        ) as client,
    ):
        corpus = wait_for(client, corpus_id)
    assert corpus["status"] == "done" and corpus["done"] == corpus["total"] == 40
    assert corpus["redacted"] is (not first)
    stored = [{k: v for k, v in r.items() if k != "topic"} for r in all_items(store, corpus_id)]
    exchanges = list(read_exchanges(pairs))
    expected = [
        {**result_record(exchange, analysis, redact=not first), "seq": seq}
        for seq, (exchange, analysis) in enumerate(
            zip(exchanges, analyzer.predict(exchanges), strict=True)
        )
    ]
    assert stored == expected  # one setting throughout
    phones = sum("555-867-5309" in r["seeker_text"] for r in stored)
    assert phones == (40 if first else 0)
    said = [m for m in worker_warnings(caplog) if "starts over" in m]
    assert len(said) == 1, worker_warnings(caplog)
    assert "--redact" in said[0] and "16 stored result(s) are discarded" in said[0]


@pytest.mark.parametrize("case", ["same build", "none recorded", "analyzer unknown"])
def test_a_corpus_of_the_same_or_an_unknown_model_resumes(
    make_app: MakeApp,
    analyzer: EmpathyAnalyzer,
    other_build: EmpathyAnalyzer,
    tmp_path: Path,
    store: Store,
    data_dir: Path,
    caplog: pytest.LogCaptureFixture,
    case: str,
) -> None:
    """The stored results are kept, and the analysis goes on after them: when the corpus was
    begun by the build this server runs; when it has no model recorded (stored before
    carelens kept it: taken to be this build's, which is then recorded); and when the
    analyzer has no fingerprint (nothing to compare)."""
    first, second = analyzer.model_fingerprint, other_build.model_fingerprint
    recorded, resumer, model_after = {
        "same build": (second, other_build, second),
        "none recorded": (None, other_build, second),
        "analyzer unknown": (first, SlowAfter(other_build, calls=0), first),  # left as it was
    }[case]
    pairs = write_pairs(tmp_path / "begun.jsonl", 30)
    corpus = store.create_corpus("begun.jsonl", format="jsonl")
    folder = corpus_dir(data_dir / "uploads", corpus.id)
    folder.mkdir(parents=True)
    (folder / "begun.jsonl").write_bytes(pairs.read_bytes())
    # marked, so that a record analysed again would show
    begun = [{**r, "note": "stored before the restart"} for r in records_of(analyzer, pairs)]
    store.add_results(corpus.id, begun[:12])
    store.set_status(corpus.id, "running", total=30, rejected=0, left_out=0)
    if recorded is not None:
        store.set_model(corpus.id, recorded)

    with (
        caplog.at_level(logging.WARNING, logger="carelens.service.jobs"),
        TestClient(make_app(analyzer_=resumer, chunk_size=8), base_url=BASE_URL) as client,
    ):
        done = wait_for(client, corpus.id)
    assert done["status"] == "done" and done["done"] == done["total"] == 30
    assert done["model"] == model_after
    check_complete(store, corpus.id, pairs)
    stored = all_items(store, corpus.id)
    assert stored[:12] == begun[:12]  # kept as they were
    assert all("note" not in r for r in stored[12:])
    assert not [m for m in worker_warnings(caplog) if "another build" in m]
