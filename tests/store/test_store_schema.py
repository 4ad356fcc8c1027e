"""Opening stores: URL forms, reopening, schema versions, SQLite settings and file mode."""

from __future__ import annotations

import socket
import sqlite3
import stat
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from store_records import raw, record

from carelens.errors import CarelensError, MissingExtraError
from carelens.store import (
    SCHEMA_VERSION,
    PostgresStore,
    SchemaVersionError,
    SQLiteStore,
    Store,
    StoreError,
    StoreUnavailableError,
    default_data_dir,
    open_store,
)
from carelens.store import postgres as postgres_backend
from carelens.store.postgres import scrub
from carelens.store.sql import SQLStore


def test_reopen_keeps_everything(open_url: Callable[[], Store]) -> None:
    store = open_url()
    corpus = store.create_corpus("a.jsonl")
    store.add_results(corpus.id, [record(i) for i in range(6)])
    store.set_status(corpus.id, "done", total=6)
    store.close()
    again = open_url()
    reopened = again.get_corpus(corpus.id)
    assert reopened is not None and (reopened.status, reopened.done) == ("done", 6)
    assert again.results(corpus.id, query="job").total == 2
    assert again.add_results(corpus.id, [record(i) for i in range(6)]) == 0
    assert isinstance(again, SQLStore) and again.schema_version() == SCHEMA_VERSION
    assert raw(again, "SELECT count(*) FROM schema_version")[0][0] == SCHEMA_VERSION


def test_closed_store_refuses_work(open_url: Callable[[], Store]) -> None:
    store = open_url()
    store.close()
    store.close()  # twice is fine
    with pytest.raises(StoreError, match="closed"):
        store.list_corpora()


def test_newer_schema_is_refused(open_url: Callable[[], Store]) -> None:
    store = open_url()
    raw(store, "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)", (99, "x"))
    store.close()
    with pytest.raises(SchemaVersionError, match="schema version 99") as info:
        open_url()
    assert isinstance(info.value, CarelensError)
    assert (info.value.found, info.value.supported) == (99, SCHEMA_VERSION)
    assert "upgrade carelens" in str(info.value)


def test_default_location(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CARELENS_DATA_DIR", str(tmp_path / "env"))
    assert default_data_dir() == tmp_path / "env"
    store = open_store()
    try:
        assert isinstance(store, SQLiteStore)
        assert Path(store.path) == tmp_path / "env" / "carelens.db"
    finally:
        store.close()
    store = open_store(data_dir=tmp_path / "given")
    try:
        assert Path(store.path) == tmp_path / "given" / "carelens.db"  # type: ignore[attr-defined]
    finally:
        store.close()
    monkeypatch.delenv("CARELENS_DATA_DIR")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_data_dir() == tmp_path / "home" / ".local" / "share" / "carelens"


def test_sqlite_urls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for url, path in [
        ("sqlite:///rel/x.db", "rel/x.db"),
        (f"sqlite:///{tmp_path}/abs.db", f"{tmp_path}/abs.db"),
        ("sqlite:///:memory:", ":memory:"),
        ("sqlite://", ":memory:"),
    ]:
        store = open_store(url)
        try:
            assert isinstance(store, SQLiteStore) and store.path == path
            corpus = store.create_corpus("a")
            assert store.add_results(corpus.id, [record(0)]) == 1
        finally:
            store.close()
    assert (tmp_path / "rel" / "x.db").exists()


@pytest.mark.parametrize("url", ["mysql://u:secret@h/db", "sqlite:///", "carelens.db", "http://x"])
def test_bad_urls(url: str) -> None:
    with pytest.raises(StoreError) as info:
        open_store(url)
    assert "secret" not in str(info.value)


def test_postgres_needs_the_serve_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(MissingExtraError, match=r"carelens\[serve\]"):
        open_store("postgresql://u@127.0.0.1:1/db")


def test_postgres_unreachable_is_a_store_error() -> None:
    pytest.importorskip("psycopg")
    with pytest.raises(StoreError, match="cannot connect") as info:
        PostgresStore("postgresql://u:hunter2@127.0.0.1:1/db?connect_timeout=2")
    assert "hunter2" not in str(info.value) and "***" in str(info.value)


def test_postgres_gives_up_on_a_server_that_never_answers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A host that takes the connection but never answers (a hung server, a firewall that
    drops packets) is a StoreError after CONNECT_TIMEOUT, not a wait of minutes."""
    pytest.importorskip("psycopg")
    monkeypatch.setattr(postgres_backend, "CONNECT_TIMEOUT", 2)
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()  # the kernel completes the handshake; nothing ever replies
        port = silent.getsockname()[1]
        started = time.monotonic()
        with pytest.raises(StoreError, match="cannot connect") as info:
            PostgresStore(f"postgresql://u:hunter2@127.0.0.1:{port}/db")
        assert time.monotonic() - started < 15
    assert "hunter2" not in str(info.value)


def test_sqlite_file_settings(tmp_path: Path) -> None:
    path = tmp_path / "new" / "carelens.db"
    store = open_store(f"sqlite:///{path}")
    try:
        assert raw(store, "PRAGMA journal_mode")[0][0] == "wal"
        assert raw(store, "PRAGMA foreign_keys")[0][0] == 1
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    finally:
        store.close()


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "carelens.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match=str(path)):
        open_store(f"sqlite:///{path}")


@pytest.mark.parametrize(
    ("url", "secret"),
    [
        ("postgresql://u:s3cr#t@127.0.0.1:1/db", "s3cr#t"),  # urlsplit found no password
        ("postgresql://u:pa/ss?x@127.0.0.1:1/db", "pa/ss?x"),
        ("postgresql://u@127.0.0.1:1/db?password=zz9&connect_timeout=2", "zz9"),
        ("postgresql://u:p%41ss@127.0.0.1:1/db", "pAss"),  # percent-decoded too
        ("host=127.0.0.1 port=1 password=kv7", "kv7"),
        ("postgres:/u:pw5@h", "pw5"),
    ],
)
def test_no_message_shows_a_password(url: str, secret: str) -> None:
    """storage.md: messages never show a URL's password, however it is written."""
    pytest.importorskip("psycopg")
    with pytest.raises(StoreError) as info:
        if url.startswith("postgresql://"):
            PostgresStore(url if "timeout" in url else f"{url}?connect_timeout=2")
        else:
            open_store(url)
    assert secret not in str(info.value)
    if "://" in url or "password=" in url:  # what a driver message quoting it would show
        assert secret not in scrub(f"libpq said: {url} / {secret}", url)


def test_postgres_replaces_connections_the_server_dropped() -> None:
    """After a server restart, idle pooled connections are dead: the next calls failed
    ("terminating connection due to administrator command") until the pool emptied."""
    pytest.importorskip("psycopg")
    import psycopg

    from postgres_schema import schema_url

    with schema_url() as url:
        store = PostgresStore(url)
        try:
            corpus = store.create_corpus("a.jsonl")
            with ThreadPoolExecutor(3) as pool:  # several idle connections in the pool
                list(pool.map(lambda _: store.get_corpus(corpus.id), range(6)))
            with psycopg.connect(url, autocommit=True) as admin:
                admin.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            for _ in range(6):
                assert store.get_corpus(corpus.id) is not None
        finally:
            store.close()


def test_a_path_that_is_no_file_is_a_lasting_error(tmp_path: Path) -> None:
    """A folder, or a path through a file, can never be a database: a plain StoreError,
    not StoreUnavailableError (which the service reports as "try again later")."""
    (tmp_path / "folder.db").mkdir()
    (tmp_path / "file").write_text("x")
    for url, data_dir in [
        (f"sqlite:///{tmp_path / 'folder.db'}", None),
        (f"sqlite:///{tmp_path / 'file' / 'x.db'}", None),
        (f"sqlite:///{tmp_path / 'file' / 'deeper' / 'x.db'}", None),
        (None, tmp_path / "file"),
    ]:
        with pytest.raises(StoreError) as info:
            open_store(url, data_dir=data_dir)
        assert not isinstance(info.value, StoreUnavailableError), info.value
    assert (tmp_path / "file").read_text() == "x"
    assert list((tmp_path / "folder.db").iterdir()) == []


def _sqlite_file(path: Path, *statements: str) -> str:
    connection = sqlite3.connect(path)
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.close()
    return f"sqlite:///{path}"


@pytest.mark.parametrize(
    ("statements", "why"),
    [
        (
            [
                "CREATE TABLE schema_version (version TEXT, applied_at TEXT)",
                "INSERT INTO schema_version VALUES ('v2', 'x')",
            ],
            "schema_version holds a str",
        ),
        (["CREATE TABLE schema_version (version INTEGER)"], "other columns"),
        (["CREATE TABLE corpora (x)"], "a table 'corpora'"),
        (
            [
                "CREATE TABLE schema_version (version INTEGER, applied_at TEXT)",
                "CREATE TABLE api_keys (id TEXT)",
            ],
            "a table 'api_keys'",
        ),
    ],
)
def test_a_database_of_another_program_is_refused(
    tmp_path: Path, statements: list[str], why: str
) -> None:
    """A SQLite file another program wrote raised a bare TypeError (a text version) or
    "table corpora already exists"; now it is a StoreError that says so, and the file is
    left as it was."""
    url = _sqlite_file(tmp_path / "other.db", *statements)
    with pytest.raises(StoreError, match="not a carelens database") as info:
        open_store(url)
    assert why in str(info.value) and "another program" in str(info.value)
    connection = sqlite3.connect(tmp_path / "other.db")
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    connection.close()
    assert "results" not in tables  # nothing was created


def test_a_postgres_schema_of_another_program_is_refused() -> None:
    psycopg = pytest.importorskip("psycopg")
    from postgres_schema import schema_url

    with schema_url() as url:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute("CREATE TABLE results (x text)")
        with pytest.raises(StoreError, match=r"not a carelens database \(it has a table 'results'"):
            PostgresStore(url)
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute("DROP TABLE results")
            admin.execute("CREATE TABLE schema_version (version text, applied_at text)")
            admin.execute("INSERT INTO schema_version VALUES ('v2', 'x')")
        with pytest.raises(StoreError, match="schema_version holds a str"):
            PostgresStore(url)


def test_an_empty_schema_version_table_is_a_new_database(tmp_path: Path) -> None:
    """Only a ``schema_version`` with no row and no other table: a new database."""
    url = _sqlite_file(
        tmp_path / "new.db",
        "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)",
    )
    store = open_store(url)
    try:
        assert isinstance(store, SQLStore) and store.schema_version() == SCHEMA_VERSION
    finally:
        store.close()
