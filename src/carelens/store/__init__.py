"""Persistence for ``carelens serve``: corpora, their result records, and API keys.

:func:`open_store` returns a :class:`Store` backed by SQLite (default, one file) or
PostgreSQL (extra ``serve``). Results are stored exactly once per ``(corpus, seq)``, so an
interrupted upload resumes from :meth:`Store.stored_seqs` without duplicates; they can be
filtered (style, helper, dimension level, time, full-text words) and paged. See
``docs/storage.md``.
"""

from __future__ import annotations

from carelens.store.base import STATUSES, Corpus, Page, Store
from carelens.store.errors import (
    CorpusNotFoundError,
    InvalidQueryError,
    ModelMismatchError,
    SchemaVersionError,
    StoreError,
    StoreFaultError,
    StoreUnavailableError,
)
from carelens.store.postgres import PostgresStore
from carelens.store.sql import SCHEMA_VERSION
from carelens.store.sqlite import SQLiteStore
from carelens.store.url import default_data_dir, open_store

__all__ = [
    "SCHEMA_VERSION",
    "STATUSES",
    "Corpus",
    "CorpusNotFoundError",
    "InvalidQueryError",
    "ModelMismatchError",
    "Page",
    "PostgresStore",
    "SQLiteStore",
    "SchemaVersionError",
    "Store",
    "StoreError",
    "StoreFaultError",
    "StoreUnavailableError",
    "default_data_dir",
    "open_store",
]
