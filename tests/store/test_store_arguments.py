"""Arguments no row can match, and arguments of the wrong type: both backends answer alike.

An id with NUL or a lone surrogate is no id the store makes and no database can hold: it is
not found, without asking the database (PostgreSQL's driver refused to send it, which read
as a lost connection, so the service answered 503 "try again"; SQLite could not encode a
lone surrogate). An id or filter that is not a string is an InvalidQueryError.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from store_records import record, seqs

from carelens.store import CorpusNotFoundError, InvalidQueryError, Store
from carelens.store.base import normalize_timestamp

IMPOSSIBLE_IDS = ["a\x00", "\x00", "\udc80", "ab\ud800cd"]


@pytest.mark.parametrize("corpus_id", IMPOSSIBLE_IDS)
def test_an_id_no_database_holds_is_not_found(store: Store, corpus_id: str) -> None:
    store.add_results(store.create_corpus("a.jsonl").id, [record(0)])
    assert store.get_corpus(corpus_id) is None
    assert store.delete_corpus(corpus_id) is False
    assert store.stored_seqs(corpus_id) == 0
    assert store.results(corpus_id).total == 0
    assert store.results(corpus_id, query="job", style="empathy").items == []
    assert list(store.iter_results(corpus_id)) == []
    assert store.facets(corpus_id) == {"style": [], "helper": [], "topic": []}
    assert store.revoke_key(corpus_id) is False
    with pytest.raises(CorpusNotFoundError):
        store.set_status(corpus_id, "running")
    with pytest.raises(CorpusNotFoundError):
        store.add_results(corpus_id, [record(0)])
    with pytest.raises(CorpusNotFoundError):
        store.set_model(corpus_id, "0123456789abcdef")
    with pytest.raises(CorpusNotFoundError):
        store.restart_corpus(corpus_id, "0123456789abcdef")
    assert len(store.list_corpora()) == 1  # the store is as it was, and still answers


@pytest.mark.parametrize("corpus_id", [5, None, b"abc", ["a"]])
def test_an_id_that_is_not_a_string_is_an_invalid_query(store: Store, corpus_id: Any) -> None:
    """get_corpus(5) was None on SQLite and a StoreError ("operator does not exist: text =
    smallint") on PostgreSQL."""
    calls: list[Callable[[], object]] = [
        lambda: store.get_corpus(corpus_id),
        lambda: store.delete_corpus(corpus_id),
        lambda: store.stored_seqs(corpus_id),
        lambda: store.results(corpus_id),
        lambda: store.results(corpus_id, query="the"),  # no words: still checked
        lambda: list(store.iter_results(corpus_id)),
        lambda: store.facets(corpus_id),
        lambda: store.set_status(corpus_id, "running"),
        lambda: store.add_results(corpus_id, [record(0)]),
        lambda: store.set_model(corpus_id, "0123456789abcdef"),
        lambda: store.restart_corpus(corpus_id, "0123456789abcdef"),
        lambda: store.revoke_key(corpus_id),
    ]
    for call in calls:
        with pytest.raises(InvalidQueryError, match="must be a string"):
            call()


@pytest.mark.parametrize(
    "name", ["query", "style", "helper", "dimension", "topic", "conversation", "attention"]
)
@pytest.mark.parametrize("value", [5, b"job", ["job"]])
def test_a_filter_that_is_not_a_string_is_an_invalid_query(
    store: Store, name: str, value: Any
) -> None:
    """results(query=5) raised a bare AttributeError, a bytes query a TypeError, and a list
    ``attention`` a TypeError (unhashable). ``helper`` alone takes a list of strings (the
    spellings of one grouped name): one that holds something else is invalid."""
    if name == "helper" and isinstance(value, list):
        value = ["job", 5]
    corpus = store.create_corpus("a.jsonl")
    store.add_results(corpus.id, [record(0)])
    with pytest.raises(InvalidQueryError, match=name):
        store.results(corpus.id, **{name: value})


def test_a_helper_list_matches_any_of_its_spellings(store: Store) -> None:
    corpus = store.create_corpus("a.jsonl")
    store.add_results(
        corpus.id,
        [record(0, speaker="vol-1"), record(1, speaker="vol-1 "), record(2, speaker="kim")],
    )
    assert seqs(store, corpus.id, helper=["vol-1", "vol-1 "]) == [0, 1]
    assert seqs(store, corpus.id, helper=("kim",)) == [2]
    assert seqs(store, corpus.id, helper=[]) == []


def test_nul_in_a_query_reads_as_in_a_stored_text(store: Store) -> None:
    """A stored text's search copy has its NUL removed ("hello\\x00world" is searched as
    "helloworld"); a query is cleaned the same way."""
    corpus = store.create_corpus("a.jsonl")
    store.add_results(corpus.id, [record(0, seeker_text="hello\x00world", response_text="")])
    assert seqs(store, corpus.id, query="hello\x00world") == [0]
    assert seqs(store, corpus.id, query="helloworld") == [0]
    assert seqs(store, corpus.id, query="\x00") == []  # not blank, and no word


@pytest.mark.parametrize(
    ("bound", "stored"),
    [
        ("0001-01-01T00:00:00+01:00", "0001-01-01T00:00:00.000000Z"),
        ("0001-01-01", "0001-01-01T00:00:00.000000Z"),
        ("9999-12-31T23:59:00-01:00", "9999-12-31T23:59:59.999999Z"),
        ("9999-12-31T23:00:00+01:00", "9999-12-31T22:00:00.000000Z"),
    ],
)
def test_bounds_of_any_year_are_read(store: Store, bound: str, stored: str) -> None:
    """storage.md: since / until take any ISO-8601 time "in any year"; one in year 1 east of
    UTC or in 9999 west of it overflowed in UTC and was called "not an ISO-8601 date"."""
    assert normalize_timestamp(bound) == stored
    corpus = store.create_corpus("a.jsonl")
    store.add_results(corpus.id, [record(0), record(1)])
    assert seqs(store, corpus.id, since=bound) == ([] if bound.startswith("9999") else [0, 1])
    assert seqs(store, corpus.id, until=bound) == ([0, 1] if bound.startswith("9999") else [])


@pytest.mark.parametrize("bound", ["2026-06-12T15:04:00Z", "2026-06-12T15:04:00z"])
def test_a_bound_in_utc_may_end_in_a_lower_case_z(bound: str) -> None:
    """RFC 3339 allows ``z``, and the results' own timestamps are read with it; a bound
    written so was refused as "not an ISO-8601 date"."""
    assert normalize_timestamp(bound) == "2026-06-12T15:04:00.000000Z"
