"""Corpus lifecycle: create, read, list, status changes, delete."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from store_records import raw, record, seqs

from carelens.store import STATUSES, Corpus, CorpusNotFoundError, InvalidQueryError, Store


def test_create_get_list(store: Store) -> None:
    first = store.create_corpus("forum.csv")
    second = store.create_corpus("chat.jsonl", format="jsonl")
    assert len(first.id) == 32 and int(first.id, 16) >= 0
    assert first.status == "queued"
    assert (first.total, first.done, first.rejected, first.error) == (None, 0, 0, None)
    assert (first.helpers, first.left_out) == ((), None)  # every response; not counted yet
    assert (first.model, first.redacted) == (None, None)  # recorded when its analysis starts
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
        "model",
        "redacted",
        "upload_folder",
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


FINGERPRINT = "0123456789abcdef"
OTHER = "fedcba9876543210"


def test_set_model(open_url: Callable[[], Store]) -> None:
    """set_model records the model fingerprint of a corpus and changes nothing else."""
    store = open_url()
    corpus = store.create_corpus("a.jsonl", helpers=["vol-*"])
    store.set_status(corpus.id, "running", total=6, rejected=1, left_out=2)
    store.add_results(corpus.id, [record(i) for i in range(4)])
    before = store.get_corpus(corpus.id)
    assert before is not None and before.model is None
    store.set_model(corpus.id, FINGERPRINT)
    after = store.get_corpus(corpus.id)
    assert after is not None and after.model == FINGERPRINT
    assert after == replace(before, model=FINGERPRINT, updated_at=after.updated_at)
    assert after.updated_at >= before.updated_at
    assert after.to_dict()["model"] == FINGERPRINT
    assert seqs(store, corpus.id) == [0, 1, 2, 3]  # the results stay
    store.set_model(corpus.id, "ab\x00cd")  # cleaned as names are
    assert store.get_corpus(corpus.id).model == "abcd"  # type: ignore[union-attr]
    store.set_model(corpus.id, FINGERPRINT)
    store.close()
    again = open_url()
    assert [c.model for c in again.list_corpora()] == [FINGERPRINT]


def test_set_model_records_the_redaction_setting(open_url: Callable[[], Store]) -> None:
    """The redaction setting is recorded beside the model, each left as it is when not
    given; it outlives the store's connection."""
    store = open_url()
    corpus = store.create_corpus("a.jsonl")
    store.set_model(corpus.id, redacted=True)
    got = store.get_corpus(corpus.id)
    assert got is not None and (got.model, got.redacted) == (None, True)
    store.set_model(corpus.id, FINGERPRINT)
    got = store.get_corpus(corpus.id)
    assert got is not None and (got.model, got.redacted) == (FINGERPRINT, True)
    store.set_model(corpus.id, redacted=False)
    got = store.get_corpus(corpus.id)
    assert got is not None and (got.model, got.redacted) == (FINGERPRINT, False)
    assert got.to_dict()["redacted"] is False
    with pytest.raises(InvalidQueryError, match="redacted must be True, False or None"):
        store.set_model(corpus.id, redacted=1)  # type: ignore[arg-type]
    store.add_results(corpus.id, [record(i) for i in range(3)])
    assert store.restart_corpus(corpus.id, redacted=True) == 3
    got = store.get_corpus(corpus.id)
    assert got is not None and (got.model, got.redacted, got.done) == (FINGERPRINT, True, 0)
    store.close()
    again = open_url()
    assert [(c.model, c.redacted) for c in again.list_corpora()] == [(FINGERPRINT, True)]


def test_restart_corpus_deletes_its_results_only(store: Store) -> None:
    """restart_corpus deletes a corpus' results, their levels and search index, sets done
    to 0 and records the new model, in one transaction; other corpora keep theirs."""
    corpus = store.create_corpus("a.jsonl", helpers=["vol-*"])
    other = store.create_corpus("b.jsonl")
    store.set_status(corpus.id, "running", total=6, rejected=1, left_out=2)
    store.set_model(corpus.id, FINGERPRINT)
    store.set_model(other.id, FINGERPRINT)
    store.add_results(corpus.id, [record(i) for i in range(6)])
    store.add_results(other.id, [record(i) for i in range(4)])
    levels_of_other = raw(
        store,
        "SELECT count(*) FROM result_levels WHERE result_id IN "
        "(SELECT id FROM results WHERE corpus_id = ?)",
        (other.id,),
    )[0][0]
    assert levels_of_other > 0

    assert store.restart_corpus(corpus.id, OTHER) == 6
    restarted = store.get_corpus(corpus.id)
    assert restarted is not None
    assert (restarted.model, restarted.done, restarted.status) == (OTHER, 0, "running")
    assert (restarted.total, restarted.rejected, restarted.left_out) == (6, 1, 2)
    assert restarted.helpers == ("vol-*",)
    assert store.stored_seqs(corpus.id) == 0
    assert store.results(corpus.id).total == 0
    assert store.results(corpus.id, query="job").total == 0
    assert store.results(corpus.id, dimension="empathy").total == 0
    assert store.facets(corpus.id) == {"style": [], "helper": [], "topic": []}
    assert raw(store, "SELECT count(*) FROM results WHERE corpus_id = ?", (corpus.id,)) == [(0,)]
    assert raw(store, "SELECT count(*) FROM result_levels")[0][0] == levels_of_other
    # the other corpus is as it was
    kept = store.get_corpus(other.id)
    assert kept is not None and (kept.model, kept.done) == (FINGERPRINT, 4)
    assert seqs(store, other.id) == [0, 1, 2, 3]
    assert seqs(store, other.id, query="job") == [0]
    assert store.results(other.id, dimension="empathy").total == 4
    # the corpus fills again from seq 0, counted from 0
    assert store.add_results(corpus.id, [record(i) for i in range(6)]) == 6
    refilled = store.get_corpus(corpus.id)
    assert refilled is not None and refilled.done == 6 == store.stored_seqs(corpus.id)
    assert seqs(store, corpus.id, query="job") == [0, 4]
    assert store.restart_corpus(other.id, OTHER) == 4
    assert store.restart_corpus(other.id, OTHER) == 0  # nothing left to delete


@pytest.mark.parametrize("model", [5, b"0123", "", "   ", "\x00", "x" * 513])
def test_a_model_must_be_a_fingerprint(store: Store, model: Any) -> None:
    corpus = store.create_corpus("a.jsonl")
    store.add_results(corpus.id, [record(0)])
    before = store.get_corpus(corpus.id)
    with pytest.raises(InvalidQueryError, match="model"):
        store.set_model(corpus.id, model)
    with pytest.raises(InvalidQueryError, match="model"):
        store.restart_corpus(corpus.id, model)
    assert store.get_corpus(corpus.id) == before
    assert seqs(store, corpus.id) == [0]
    store.set_model(corpus.id, None)  # None: the recorded model stays as it is
    kept = store.get_corpus(corpus.id)
    assert before is not None and kept == replace(before, updated_at=kept.updated_at)  # type: ignore[union-attr]
    store.set_model(corpus.id, "x" * 512)  # as long as an id may be
    assert store.get_corpus(corpus.id).model == "x" * 512  # type: ignore[union-attr]


def test_set_model_and_restart_of_a_missing_corpus(store: Store) -> None:
    with pytest.raises(CorpusNotFoundError, match="no corpus"):
        store.set_model("missing", FINGERPRINT)
    with pytest.raises(CorpusNotFoundError, match="no corpus"):
        store.restart_corpus("missing", FINGERPRINT)
    deleted = store.create_corpus("gone.jsonl")
    store.delete_corpus(deleted.id)
    with pytest.raises(CorpusNotFoundError):
        store.restart_corpus(deleted.id, FINGERPRINT)
    assert store.list_corpora() == []
