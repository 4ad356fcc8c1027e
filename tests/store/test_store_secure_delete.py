"""A deleted corpus leaves the SQLite files: neither the database, its write-ahead log nor
the search index keep its texts (or their words) once ``delete_corpus`` or
``restart_corpus`` returns, while the store is still open and after it is closed."""

from __future__ import annotations

from pathlib import Path

import pytest
from store_records import record

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
