"""Reading an uploaded corpus: compressed uploads that unpack past the server's limit, the
reject log (named by the upload's file name, bounded), and a read that stops for a deletion
or a stop while the file is still being counted (the corpus ``running`` meanwhile)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import zstandard
from fastapi.testclient import TestClient
from service_helpers import BASE_URL, MakeApp, assert_error, upload, wait_for, write_pairs

from carelens.service import ServiceSettings
from carelens.service.jobs import CorpusJob
from carelens.service.uploads import REJECTS_NAME, corpus_dir
from carelens.store import Corpus, Store, open_store

#: One JSON object with none of the fields of a record: every line of it is rejected.
BAD_LINE = b'{"a":1}\n'


def write_zst(path: Path, data: bytes) -> Path:
    path.write_bytes(zstandard.ZstdCompressor(level=19).compress(data))
    return path


def reject_lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# -- through the API ---------------------------------------------------------------------------


def test_a_zst_upload_that_unpacks_past_the_limit_fails_naming_it(
    make_app: MakeApp, tmp_path: Path, data_dir: Path
) -> None:
    """A few KB that unpack to 800 KB of rejects: the read stops at the limit (64 KiB here),
    long before the end, and the error names the limit."""
    bomb = write_zst(tmp_path / "bomb.jsonl.zst", BAD_LINE * 100_000)
    assert bomb.stat().st_size < 4096
    with TestClient(make_app(max_unpacked_bytes=64 << 10), base_url=BASE_URL) as client:
        corpus_id = upload(client, bomb, format="reddit").json()["id"]
        failed = wait_for(client, corpus_id)
    assert failed["status"] == "failed", failed
    assert "bomb.jsonl.zst: the file unpacks to more than 65,536 bytes" in failed["error"]
    assert "max_unpacked_bytes" in failed["error"]
    rejects = corpus_dir(data_dir / "uploads", corpus_id) / REJECTS_NAME
    assert len(reject_lines(rejects)) <= (64 << 10) // len(BAD_LINE)  # read no further


def test_a_zst_upload_within_the_limit_is_analysed(make_app: MakeApp, tmp_path: Path) -> None:
    pairs = write_pairs(tmp_path / "pairs.jsonl", 5)
    packed = write_zst(tmp_path / "pairs.jsonl.zst", pairs.read_bytes())
    size = pairs.stat().st_size
    with TestClient(make_app(max_unpacked_bytes=size), base_url=BASE_URL) as client:
        corpus = wait_for(client, upload(client, packed).json()["id"])
    assert (corpus["status"], corpus["total"], corpus["done"]) == ("done", 5, 5)


def test_format_detection_reads_a_bounded_start_of_a_zst_upload(
    make_app: MakeApp, tmp_path: Path
) -> None:
    """Blank lines are passed over one by one: a few KB of them packed would hold the
    request for hours. Detection unpacks at most the limit, then asks for the format."""
    blank = write_zst(tmp_path / "blank.jsonl.zst", b"\n" * (512 << 10))
    with TestClient(make_app(max_unpacked_bytes=256 << 10), base_url=BASE_URL) as client:
        error = assert_error(upload(client, blank), 415, "unsupported_format")
    assert "its first 262,144 unpacked bytes hold no record" in error["message"]
    assert "send 'format'" in error["message"]


def test_the_reject_log_names_the_upload_by_its_file_name(
    make_app: MakeApp, tmp_path: Path, data_dir: Path
) -> None:
    """Not by the server's path to it (its data folder, the corpus id)."""
    path = write_pairs(tmp_path / "week.jsonl", 3)
    path.write_bytes(path.read_bytes() + b"{not json\n")
    with TestClient(make_app(), base_url=BASE_URL) as client:
        corpus = wait_for(client, upload(client, path, name="../my week.jsonl").json()["id"])
    assert (corpus["status"], corpus["rejected"]) == ("done", 1)
    rejects = reject_lines(corpus_dir(data_dir / "uploads", corpus["id"]) / REJECTS_NAME)
    assert rejects == [
        {"path": "my_week.jsonl", "line": 4, "field": None, "reason": "malformed JSON",
         "detail": rejects[0]["detail"]},
    ]  # fmt: skip


# -- the job, on a store that shows what happens while the file is counted --------------------


class Watched:
    """A real store; ``on_running`` runs after the job marks the corpus ``running`` with no
    total yet (before the count), and each ``get_corpus`` answer is kept in ``seen``."""

    def __init__(self, real: Store) -> None:
        self.real = real
        self.on_running: Any = None
        self.seen: list[Corpus | None] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def set_status(self, corpus_id: str, status: str, **fields: Any) -> None:
        self.real.set_status(corpus_id, status, **fields)
        if status == "running" and fields.get("total") is None and self.on_running:
            self.on_running(corpus_id)

    def get_corpus(self, corpus_id: str) -> Corpus | None:
        corpus = self.real.get_corpus(corpus_id)
        self.seen.append(corpus)
        return corpus


class Unused:
    """An analyzer the tests never get to (the count comes first)."""

    def predict(self, pairs: Any) -> Any:
        raise AssertionError("the file should not have been analysed")


@pytest.fixture
def watched(tmp_path: Path) -> Iterator[tuple[Watched, CorpusJob]]:
    settings = ServiceSettings(data_dir=tmp_path / "data")
    real = open_store(None, data_dir=settings.data_dir)
    store = Watched(real)
    job = CorpusJob(store, Unused(), settings)  # type: ignore[arg-type]
    job.check_interval = 0.0  # check at every exchange, reject and read
    yield store, job
    real.close()


def stored_upload(job: CorpusJob, name: str, data: bytes) -> tuple[str, Path]:
    """A queued corpus with ``data`` as its upload ``name``: its id and reject log path."""
    corpus = job.store.create_corpus(name, format="jsonl")
    folder = corpus_dir(job.settings.uploads_dir, corpus.id)
    folder.mkdir(parents=True)
    (folder / name).write_bytes(data)
    return corpus.id, folder / REJECTS_NAME


def test_a_corpus_deleted_while_its_file_is_counted_stops_the_count(
    watched: tuple[Watched, CorpusJob],
) -> None:
    store, job = watched
    corpus_id, rejects = stored_upload(job, "bad.jsonl", BAD_LINE * 20_000)
    store.on_running = store.real.delete_corpus  # as DELETE /v1/corpora/{id} would
    assert job.run(corpus_id) is None
    assert reject_lines(rejects) == []  # not one of the 20,000 bad lines was read on


def test_a_corpus_deleted_while_a_zst_file_of_blank_lines_is_counted_stops_the_count(
    watched: tuple[Watched, CorpusJob],
) -> None:
    """No exchange nor reject comes of blank lines: the unpacked reads are watched too."""
    store, job = watched
    blank = zstandard.ZstdCompressor().compress(b"\n" * (64 << 20))
    corpus_id, _ = stored_upload(job, "blank.jsonl.zst", blank)
    store.on_running = store.real.delete_corpus
    assert job.run(corpus_id) is None
    assert store.seen[-1] is None  # the check that found it gone ended the read


def test_a_stop_while_the_file_is_counted_leaves_the_corpus_running(
    watched: tuple[Watched, CorpusJob],
) -> None:
    store, job = watched
    corpus_id, rejects = stored_upload(job, "bad.jsonl", BAD_LINE * 20_000)
    store.on_running = lambda _: job.stop_event.set()  # the server is told to stop
    assert job.run(corpus_id) == "running"
    corpus = store.real.get_corpus(corpus_id)
    assert corpus is not None
    assert (corpus.status, corpus.total) == ("running", None)  # not counted: it resumes
    assert reject_lines(rejects) == []


def test_the_corpus_is_running_with_no_total_while_its_file_is_counted(
    watched: tuple[Watched, CorpusJob],
) -> None:
    store, job = watched
    corpus_id, _ = stored_upload(job, "bad.jsonl", BAD_LINE * 3)
    assert job.run(corpus_id) == "failed"  # every record rejected
    during = store.seen[1:]  # the checks made while counting (the first is run's own read)
    assert all(c is not None and c.status == "running" for c in during)
    totals = [c.total for c in during if c is not None]
    # Then the failure reads the file again, to count its records, with its total recorded.
    counting = totals.index(0) if 0 in totals else len(totals)
    assert counting, "the count made no check"
    assert set(totals[:counting]) == {None} and set(totals[counting:]) <= {0}
