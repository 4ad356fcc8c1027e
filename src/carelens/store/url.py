"""Open a store from a URL: SQLite (the default, a file in the data folder) or PostgreSQL.

``None`` opens ``<data_dir>/carelens.db``; ``data_dir`` defaults to ``$CARELENS_DATA_DIR``,
else ``~/.local/share/carelens``. ``sqlite:///relative/path.db`` (relative to the working
directory), ``sqlite:////absolute/path.db`` and ``sqlite:///:memory:`` (or ``sqlite://``)
open SQLite; ``postgresql://``, ``postgres://`` and ``postgresql+psycopg://`` URLs (libpq
form, including ``?options=-csearch_path%3Dmyschema``) open PostgreSQL.
"""

from __future__ import annotations

import os
from pathlib import Path

from carelens.store.base import Store
from carelens.store.errors import StoreError
from carelens.store.postgres import QUERY_TIMEOUT, PostgresStore, redact_url
from carelens.store.sqlite import SQLiteStore

#: The database file name inside the data folder.
DB_FILE = "carelens.db"
_POSTGRES_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def default_data_dir() -> Path:
    """``$CARELENS_DATA_DIR`` when set, else ``~/.local/share/carelens``."""
    configured = os.environ.get("CARELENS_DATA_DIR")
    if configured:
        return Path(configured).expanduser()
    return Path.home() / ".local" / "share" / "carelens"


def open_store(
    url: str | None = None,
    *,
    data_dir: str | Path | None = None,
    query_timeout: float | None = QUERY_TIMEOUT,
) -> Store:
    """The store at ``url`` (see the module docstring); the schema is created or upgraded.

    ``query_timeout`` is how many seconds one call to a PostgreSQL store may take before it
    fails as unavailable (:class:`~carelens.store.postgres.PostgresStore`); SQLite, a file
    on this machine, has no such deadline.

    Raises StoreError for an unknown URL or an unreachable database, SchemaVersionError for a
    database written by a newer carelens, and MissingExtraError("psycopg", "serve") for a
    PostgreSQL URL without psycopg installed.
    """
    if url is None:
        folder = Path(data_dir) if data_dir is not None else default_data_dir()
        return SQLiteStore(folder / DB_FILE)
    if url in ("sqlite://", "sqlite:///:memory:"):
        return SQLiteStore(":memory:")
    if url.startswith("sqlite:///"):
        path = url[len("sqlite:///") :]
        if not path:
            raise StoreError(f"{url!r} names no file; use e.g. sqlite:///carelens.db")
        return SQLiteStore(path)
    for scheme in _POSTGRES_SCHEMES:
        if url.startswith(scheme):
            return PostgresStore("postgresql://" + url[len(scheme) :], query_timeout=query_timeout)
    shown = redact_url(url)
    raise StoreError(
        f"unsupported store URL {shown!r}; use sqlite:///path/to/file.db or "
        "postgresql://user:password@host:port/database"
    )
