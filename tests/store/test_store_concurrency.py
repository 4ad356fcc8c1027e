"""Threads sharing a store (the service's worker and request threads), and two stores
(two processes) writing the same database: every seq is stored once, ``done`` stays right."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from typing import Any

from store_records import record, seqs

from carelens.store import Store

N = 300


def run_threads(*targets: Callable[[], Any]) -> None:
    """Run the targets together; re-raise the first error any of them hit."""
    errors: list[BaseException] = []
    start = threading.Barrier(len(targets))

    def wrap(target: Callable[[], Any]) -> None:
        try:
            start.wait()
            target()
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=wrap, args=(t,)) for t in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(t.is_alive() for t in threads), "a thread hung"
    if errors:
        raise errors[0]


def writer(store: Store, corpus_id: str, seed: int) -> Callable[[], None]:
    """Adds every seq 0..N-1 in shuffled, overlapping batches."""

    def work() -> None:
        order = list(range(N))
        random.Random(seed).shuffle(order)
        for start in range(0, N, 25):
            store.add_results(corpus_id, [record(seq) for seq in order[start : start + 40]])

    return work


def test_two_writer_threads_and_a_reader(store: Store) -> None:
    corpus = store.create_corpus("a.jsonl")
    other = store.create_corpus("b.jsonl")
    seen: list[int] = []

    def reader() -> None:
        for _ in range(40):
            page = store.results(corpus.id, limit=5, query="job")
            assert page.total >= len(page.items)
            seen.append(store.stored_seqs(corpus.id))
            found = store.get_corpus(corpus.id)
            assert found is not None and 0 <= found.done <= N

    run_threads(
        writer(store, corpus.id, 1),
        writer(store, corpus.id, 2),
        writer(store, other.id, 3),
        reader,
    )
    for corpus_id in (corpus.id, other.id):
        assert seqs(store, corpus_id) == list(range(N))
        assert store.get_corpus(corpus_id).done == N  # type: ignore[union-attr]
        assert store.stored_seqs(corpus_id) == N
    assert seen == sorted(seen)  # the resume point only moves forward


def test_two_stores_on_one_database(open_url: Callable[[], Store]) -> None:
    first, second = open_url(), open_url()
    corpus = first.create_corpus("a.jsonl")
    keys: list[tuple[str, str]] = []

    def make_keys() -> None:
        for i in range(10):
            keys.append(second.create_key(f"k{i}"))

    run_threads(writer(first, corpus.id, 1), writer(second, corpus.id, 2), make_keys)
    assert seqs(first, corpus.id) == list(range(N))
    assert second.get_corpus(corpus.id).done == N  # type: ignore[union-attr]
    assert all(first.verify_key(secret) == key_id for key_id, secret in keys)
