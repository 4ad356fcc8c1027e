"""Stores shared by several servers, and databases the store must not take: results of
another model or redaction setting than the corpus records are refused, each corpus records
the uploads folder that holds its file (schema version 9), a database another program wrote
is refused untouched, and faults of the database itself (read-only) say what they are."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from store_records import raw, record, seqs
from test_store_topics import old_corpus, store_at_version

from carelens.store import (
    SCHEMA_VERSION,
    InvalidQueryError,
    ModelMismatchError,
    PostgresStore,
    SQLiteStore,
    Store,
    StoreError,
    StoreFaultError,
    open_store,
)
from carelens.store.sql import SQLStore

FINGERPRINT = "0123456789abcdef"
OTHER = "fedcba9876543210"


def test_results_of_another_redaction_setting_are_refused(store: Store) -> None:
    """Two servers with different --redact on one store: when one starts the corpus over
    with its setting, a chunk the other was still analysing is refused whole, so the corpus
    never holds redacted and unredacted texts side by side."""
    corpus = store.create_corpus("a.jsonl")
    store.set_model(corpus.id, FINGERPRINT, redacted=False)
    assert store.add_results(corpus.id, [record(0)], model=FINGERPRINT, redacted=False) == 1
    store.restart_corpus(corpus.id, FINGERPRINT, redacted=True)  # the other server
    with pytest.raises(ModelMismatchError, match="now records redacted texts") as info:
        store.add_results(corpus.id, [record(1), record(2)], model=FINGERPRINT, redacted=False)
    assert info.value.corpus_id == corpus.id
    assert "unredacted" in info.value.what
    assert seqs(store, corpus.id) == [] and store.get_corpus(corpus.id).done == 0  # type: ignore[union-attr]
    # the server the corpus now records stores as before
    assert store.add_results(corpus.id, [record(1)], model=FINGERPRINT, redacted=True) == 1
    assert seqs(store, corpus.id) == [1]


def test_results_of_another_model_build_are_refused(store: Store) -> None:
    corpus = store.create_corpus("a.jsonl")
    store.set_model(corpus.id, FINGERPRINT, redacted=False)
    store.restart_corpus(corpus.id, OTHER)
    with pytest.raises(ModelMismatchError, match=f"model build {OTHER}"):
        store.add_results(corpus.id, [record(0)], model=FINGERPRINT, redacted=False)
    assert seqs(store, corpus.id) == []
    assert store.add_results(corpus.id, [record(0)], model=OTHER, redacted=False) == 1


def test_unrecorded_settings_are_not_checked(store: Store) -> None:
    """None, given or recorded, is not checked: a corpus stored before schema version 8, a
    stand-in analyzer without a fingerprint, a caller that names nothing."""
    corpus = store.create_corpus("a.jsonl")
    assert store.add_results(corpus.id, [record(0)], model=FINGERPRINT, redacted=True) == 1
    store.set_model(corpus.id, FINGERPRINT, redacted=True)
    assert store.add_results(corpus.id, [record(1)]) == 1
    assert store.add_results(corpus.id, [record(2)], redacted=True) == 1
    with pytest.raises(InvalidQueryError, match="model"):
        store.add_results(corpus.id, [record(3)], model="  ")
    with pytest.raises(InvalidQueryError, match="redacted"):
        store.add_results(corpus.id, [record(3)], redacted="yes")  # type: ignore[arg-type]
    assert seqs(store, corpus.id) == [0, 1, 2]


def test_a_corpus_records_its_upload_folder(open_url: Callable[[], Store]) -> None:
    store = open_url()
    corpus = store.create_corpus("a.jsonl", upload_folder="ab" * 16)
    plain = store.create_corpus("b.jsonl")
    assert corpus.upload_folder == "ab" * 16 and plain.upload_folder is None
    again = open_url()
    assert again.get_corpus(corpus.id) == corpus and again.get_corpus(plain.id) == plain
    assert {c.upload_folder for c in again.list_corpora()} == {"ab" * 16, None}
    for bad in ("", "   ", "x" * 513, 7):
        with pytest.raises(InvalidQueryError, match="upload_folder"):
            store.create_corpus("c.jsonl", upload_folder=bad)  # type: ignore[arg-type]


def test_version_8_database_is_upgraded(
    open_url: Callable[[], Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Version 9 adds the uploads folder of a corpus (NULL for those stored before: any
    server takes them up, as before) and, on SQLite, the record of a deletion whose search
    index is still to be merged."""
    with monkeypatch.context() as patch:
        old = store_at_version(8, open_url, patch)
        with old._transaction(write=False) as tx:
            assert "upload_folder" not in old._columns(tx, "corpora")
            assert old._columns(tx, "pending_forget") == []
        running = old_corpus(old, "running.jsonl", status="running", total=5)
        raw(old, "UPDATE corpora SET model = ? WHERE id = ?", (FINGERPRINT, running.id))
        old.add_results(running.id, [record(i) for i in range(3)])
        old.close()
    store = open_url()
    assert isinstance(store, SQLStore) and store.schema_version() == SCHEMA_VERSION == 9
    with store._transaction(write=False) as tx:  # added last, as a new database has it
        assert store._columns(tx, "corpora")[-1] == "upload_folder"
        has_pending = bool(store._columns(tx, "pending_forget"))
    assert has_pending is isinstance(store, SQLiteStore)
    upgraded = store.get_corpus(running.id)
    assert upgraded is not None and upgraded.upload_folder is None
    assert (upgraded.status, upgraded.done, upgraded.model) == ("running", 3, FINGERPRINT)
    assert seqs(store, running.id, query="job") == [0]
    assert store.delete_corpus(running.id) is True


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    "statements",
    [
        [
            "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)",
            "INSERT INTO notes VALUES (1, 'x')",
        ],
        ["CREATE TABLE users (id INTEGER)", "CREATE VIEW people AS SELECT id FROM users"],
    ],
)
def test_a_database_with_only_other_tables_is_refused_untouched(
    tmp_path: Path, statements: list[str]
) -> None:
    """A database another program wrote, none of whose tables carry carelens' names: the
    store added its tables to it (even ``carelens keys list`` wrote). Now it is refused, and
    not a byte of the file changes."""
    path = tmp_path / "app.db"
    connection = sqlite3.connect(path)
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.close()
    before = _digest(path)
    with pytest.raises(StoreError, match="not a carelens database") as info:
        open_store(f"sqlite:///{path}")
    message = str(info.value)
    assert str(path) in message and "but no schema version" in message
    assert "another program" in message and "a database of its own" in message
    assert _digest(path) == before
    connection = sqlite3.connect(path)
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    connection.close()
    assert "schema_version" not in tables and "corpora" not in tables


def test_a_postgres_schema_with_only_other_tables_is_refused() -> None:
    psycopg = pytest.importorskip("psycopg")
    from postgres_schema import schema_url

    with schema_url() as url:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute("CREATE TABLE invoices (id int)")
        with pytest.raises(
            StoreError, match=r"not a carelens database \(it has a table 'invoices'"
        ):
            PostgresStore(url)
        with psycopg.connect(url, autocommit=True) as admin:
            tables = admin.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = current_schema()"
            ).fetchall()
        assert tables == [("invoices",)]  # no schema_version, no corpora


def test_an_empty_database_is_still_made_a_store(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    sqlite3.connect(path).close()
    with SQLiteStore(path) as store:
        assert store.schema_version() == SCHEMA_VERSION


def _read_only(store: SQLiteStore) -> None:
    """Swap the store's connection for a read-only one on the same file (as a file that
    became read-only under a running server; root may write any file, so the mode cannot
    be taken away by chmod in a test)."""
    store._connection.close()
    store._connection = sqlite3.connect(
        f"file:{store.path}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
    )


def test_a_read_only_sqlite_file_is_a_fault_that_says_so(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "carelens.db")
    corpus = store.create_corpus("a.jsonl")
    store.check_writable()  # a writable store passes, and nothing was written
    assert store.schema_version() == SCHEMA_VERSION
    _read_only(store)
    calls: list[Callable[[], Any]] = [
        lambda: store.create_corpus("b.jsonl"),
        lambda: store.delete_corpus(corpus.id),
        store.check_writable,
    ]
    for call in calls:
        with pytest.raises(StoreFaultError) as info:
            call()
        assert "attempt to write a readonly database (SQLITE_READONLY" in str(info.value)
    assert store.get_corpus(corpus.id) is not None  # reads still work
    store.close()


def test_a_file_that_is_no_database_is_a_fault(tmp_path: Path) -> None:
    path = tmp_path / "carelens.db"
    path.write_bytes(b"not a database at all " * 400)
    with pytest.raises(StoreFaultError, match=r"file is not a database \(SQLITE_NOTADB\)"):
        SQLiteStore(path)


def test_a_read_only_postgres_server_is_a_fault() -> None:
    """A server that takes no writes (a standby, or read-only by default as here)."""
    pytest.importorskip("psycopg")
    from postgres_schema import schema_url

    with schema_url() as url:
        PostgresStore(url).close()  # the schema is made
        readonly = url.replace("options=", "options=-cdefault_transaction_read_only%3Don%20", 1)
        store = PostgresStore(readonly)
        try:
            assert store.schema_version() == SCHEMA_VERSION  # reads still work
            for call in (lambda: store.create_corpus("a.jsonl"), store.check_writable):
                with pytest.raises(StoreFaultError, match="read-only transaction"):
                    call()
        finally:
            store.close()
