"""Corpus lifecycle: create, read, list, status changes, delete."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from store_records import record

from carelens.store import STATUSES, Corpus, CorpusNotFoundError, InvalidQueryError, Store


def test_create_get_list(store: Store) -> None:
    first = store.create_corpus("forum.csv")
    second = store.create_corpus("chat.jsonl", format="jsonl")
    assert len(first.id) == 32 and int(first.id, 16) >= 0
    assert first.status == "queued"
    assert (first.total, first.done, first.rejected, first.error) == (None, 0, 0, None)
    assert (first.helpers, first.left_out) == ((), None)  # every response; not counted yet
    assert first.created_at == first.updated_at and first.created_at.endswith("+00:00")
    assert second.format == "jsonl" and first.format is None
    assert store.get_corpus(first.id) == first
    assert store.get_corpus("no-such-id") is None
    assert [c.id for c in store.list_corpora()] == [second.id, first.id]  # newest first


def test_to_dict(store: Store) -> None:
    corpus = store.create_corpus("a.jsonl")
    data = corpus.to_dict()
    assert list(data) == [
        "id",
        "name",
        "format",
        "status",
        "total",
        "done",
        "rejected",
        "error",
        "created_at",
        "updated_at",
        "helpers",
        "left_out",
    ]
    assert Corpus(**data) == corpus


def test_status_lifecycle(store: Store) -> None:
    corpus = store.create_corpus("a.jsonl")
    store.set_status(corpus.id, "running", total=12, rejected=2)
    running = store.get_corpus(corpus.id)
    assert running is not None
    assert (running.status, running.total, running.rejected) == ("running", 12, 2)
    assert running.updated_at >= corpus.updated_at
    store.add_results(corpus.id, [record(i) for i in range(5)])
    store.set_status(corpus.id, "failed", error="disk full")
    failed = store.get_corpus(corpus.id)
    assert failed is not None
    # total / rejected are kept when not given; done counts the stored results
    assert (failed.status, failed.total, failed.rejected, failed.done) == ("failed", 12, 2, 5)
    assert failed.error == "disk full"
    store.set_status(corpus.id, "failed")  # the error stays while it is failed
    assert store.get_corpus(corpus.id).error == "disk full"  # type: ignore[union-attr]
    store.set_status(corpus.id, "running")  # resumed: the old error goes
    store.set_status(corpus.id, "done", total=12)
    done = store.get_corpus(corpus.id)
    assert done is not None
    assert (done.status, done.error, done.done) == ("done", None, 5)


def test_helpers_and_left_out(open_url: Callable[[], Store]) -> None:
    """A corpus keeps its helper patterns in order (cleaned as names are), and
    ``left_out`` changes only when given, like ``total`` and ``rejected``."""
    store = open_url()
    corpus = store.create_corpus("chat.jsonl", format="jsonl", helpers=["vol-*", "Ama", "k\x00im"])
    assert corpus.helpers == ("vol-*", "Ama", "kim")
    assert store.get_corpus(corpus.id) == corpus
    assert store.create_corpus("b.jsonl", helpers=("ünï[?]",)).helpers == ("ünï[?]",)
    store.set_status(corpus.id, "running", total=4, rejected=1, left_out=3)
    store.set_status(corpus.id, "done")
    done = store.get_corpus(corpus.id)
    assert done is not None
    assert (done.total, done.rejected, done.left_out) == (4, 1, 3)
    assert done.helpers == ("vol-*", "Ama", "kim")
    assert done.to_dict()["helpers"] == ("vol-*", "Ama", "kim")
    store.close()
    again = open_url()
    listed = {c.id: c for c in again.list_corpora()}
    assert listed[corpus.id] == done


@pytest.mark.parametrize("helpers", ["vol-*", ["vol-*", 3], None, [b"ama"]])
def test_helpers_must_be_a_list_of_strings(store: Store, helpers: Any) -> None:
    with pytest.raises(InvalidQueryError, match="helpers must be a list of strings"):
        store.create_corpus("a.jsonl", helpers=helpers)
    assert store.list_corpora() == []


def test_status_errors(store: Store) -> None:
    corpus = store.create_corpus("a.jsonl")
    with pytest.raises(InvalidQueryError, match="not one of"):
        store.set_status(corpus.id, "finished")
    with pytest.raises(InvalidQueryError, match="total"):
        store.set_status(corpus.id, "running", total=-1)
    with pytest.raises(InvalidQueryError, match="left_out"):
        store.set_status(corpus.id, "running", left_out=-1)
    with pytest.raises(CorpusNotFoundError, match="no corpus"):
        store.set_status("missing", "running")
    assert set(STATUSES) == {"queued", "running", "done", "failed"}
    assert store.get_corpus(corpus.id) == corpus


def test_delete_corpus_removes_its_results(store: Store) -> None:
    keep = store.create_corpus("keep.jsonl")
    drop = store.create_corpus("drop.jsonl")
    store.add_results(keep.id, [record(i) for i in range(4)])
    store.add_results(drop.id, [record(i) for i in range(4)])
    assert store.delete_corpus(drop.id) is True
    assert store.delete_corpus(drop.id) is False
    assert store.get_corpus(drop.id) is None
    assert store.results(drop.id).total == 0
    assert store.results(drop.id, query="job").total == 0
    assert store.results(keep.id, query="job").total == 1
    assert store.results(keep.id, dimension="empathy").total == 4
