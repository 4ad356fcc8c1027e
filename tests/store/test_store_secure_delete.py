"""A deleted corpus leaves the SQLite files: neither the database, its write-ahead log nor
the search index keep its texts (or their words) once ``delete_corpus`` or
``restart_corpus`` returns, while the store is still open and after it is closed."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from store_records import record

from carelens.store import StoreUnavailableError
from carelens.store.sqlite import SQLiteStore

#: Words only the deleted corpus holds (its texts, and the search index's folded words).
SECRETS = ("jane.doe+support", "springfieldzz", "5309zz", "endingitallzz")
KEPT = "weekendzz"


def _deleted_texts(seq: int) -> dict[str, object]:
    return record(
        seq,
        seeker_text=f"I am endingitallzz tonight, call 555-867-5309zz or jane.doe+support {seq}",
        response_text=f"You are not alone in springfieldzz, jane. {seq}",
    )


def _kept_texts(seq: int) -> dict[str, object]:
    return record(seq, seeker_text=f"A lonely {KEPT} again {seq}")


def _held(path: Path) -> bytes:
    """Every byte of the database and its side files (the WAL, its index)."""
    return b"".join(p.read_bytes() for p in sorted(path.parent.glob(path.name + "*")))


def _found(path: Path) -> list[str]:
    data = _held(path)
    return [word for word in SECRETS if word.encode() in data]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "carelens.db"


def test_connections_overwrite_deleted_rows(db: Path) -> None:
    with SQLiteStore(db) as store:
        assert store._connection.execute("PRAGMA secure_delete").fetchone()[0] == 1


@pytest.mark.parametrize("how", ["delete", "restart"])
def test_deleted_texts_leave_the_database_and_its_log(db: Path, how: str) -> None:
    store = SQLiteStore(db)
    keep = store.create_corpus("keep.jsonl")
    drop = store.create_corpus("drop.jsonl")
    store.add_results(keep.id, [_kept_texts(i) for i in range(30)])
    for start in range(0, 200, 20):  # many small writes: many index segments, a long log
        store.add_results(drop.id, [_deleted_texts(i) for i in range(start, start + 20)])
    assert _found(db) == list(SECRETS)
    if how == "delete":
        assert store.delete_corpus(drop.id) is True
    else:
        assert store.restart_corpus(drop.id, "0123456789abcdef") == 200
    assert _found(db) == []  # the server still runs
    assert store.results(drop.id, query="springfieldzz").total == 0
    assert store.results(keep.id, query=KEPT).total == 30  # the other corpus is searched
    store.close()
    assert _found(db) == []
    assert KEPT.encode() in _held(db)
    with SQLiteStore(db) as again:
        assert again.results(keep.id, query=KEPT).total == 30


def _big_index(store: SQLiteStore) -> None:
    """A corpus whose search index is large, so that merging it needs many new pages."""
    keep = store.create_corpus("big.jsonl")
    store.add_results(
        keep.id,
        [record(i, response_text=" ".join(f"w{i}x{j}" for j in range(30))) for i in range(1000)],
    )


def _on_a_full_disk(store: SQLiteStore, delete: Callable[[], object]) -> object:
    """``delete()`` with the database capped just above its size (``max_page_count``: a disk
    that is nearly full), with the least room in which the deletion itself commits; what it
    returned. The cap is lifted afterwards."""
    connection = store._connection
    connection.execute("VACUUM")  # no free pages left: whatever grows needs new ones
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    limit = connection.execute("PRAGMA max_page_count").fetchone()[0]
    try:
        for room in range(20):
            connection.execute(f"PRAGMA max_page_count = {pages + room}")
            try:
                return delete()
            except StoreUnavailableError as exc:  # the deletion itself needs a page or two
                assert "database or disk is full" in str(exc)
        raise AssertionError("the deletion never fit")
    finally:
        connection.execute(f"PRAGMA max_page_count = {limit}")


def _pending(store: SQLiteStore) -> int:
    return int(store._connection.execute("SELECT count(*) FROM pending_forget").fetchone()[0])


@pytest.mark.parametrize("how", ["delete", "restart"])
@pytest.mark.parametrize("retry", ["next deletion", "next opening"])
def test_a_full_disk_leaves_the_deletion_done_and_forgets_later(
    db: Path, how: str, retry: str, caplog: pytest.LogCaptureFixture
) -> None:
    """A disk too full to merge the search index after a deletion: the deletion committed
    and stands (before, the merge's StoreUnavailableError escaped, and carelens serve
    answered 503 "retry" for a corpus that was gone); the failure is logged, and the deleted
    words leave the files at the next deletion, or when the store is next opened."""
    store = SQLiteStore(db)
    _big_index(store)
    drop = store.create_corpus("drop.jsonl")
    store.add_results(drop.id, [_deleted_texts(i) for i in range(3)])
    store._forget_deleted()
    with caplog.at_level(logging.WARNING, logger="carelens.store.sql"):
        if how == "delete":
            assert _on_a_full_disk(store, lambda: store.delete_corpus(drop.id)) is True
            assert store.get_corpus(drop.id) is None
        else:
            restart = lambda: store.restart_corpus(drop.id, "0123456789abcdef")  # noqa: E731
            assert _on_a_full_disk(store, restart) == 3
            assert store.get_corpus(drop.id).done == 0  # type: ignore[union-attr]
    assert "the deletion is done, but its texts could not yet be cleared" in caplog.text
    assert "database or disk is full" in caplog.text
    assert store.results(drop.id, query="springfieldzz").total == 0
    assert _pending(store) == 1
    assert _found(db) != []  # the index's old segments, the log: not merged yet
    if retry == "next deletion":
        other = store.create_corpus("other.jsonl")
        store.add_results(other.id, [record(0)])
        assert store.delete_corpus(other.id) is True
    else:
        store.close()
        assert _found(db) != []  # closing alone does not merge the index
        store = SQLiteStore(db)
    assert _pending(store) == 0
    assert _found(db) == []
    store.close()
    assert _found(db) == []


def test_a_store_opened_without_a_pending_merge_does_not_merge(db: Path) -> None:
    with SQLiteStore(db) as store:
        _big_index(store)
        drop = store.create_corpus("drop.jsonl")
        store.add_results(drop.id, [_deleted_texts(0)])
        assert store.delete_corpus(drop.id) and _pending(store) == 0
    with SQLiteStore(db) as again:
        assert _pending(again) == 0
