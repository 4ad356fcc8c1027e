"""Fixtures for the store tests: every test runs on SQLite, and on PostgreSQL when
``CARELENS_TEST_POSTGRES_URL`` is set (``eval "$(scripts/postgres.sh)"`` starts one).

Each PostgreSQL test gets its own schema (dropped afterwards) through the URL's
``search_path``, so tests never see each other's rows.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from carelens.store import Store, open_store

PG_ENV = "CARELENS_TEST_POSTGRES_URL"
PG_SKIP = (
    f'PostgreSQL tests need {PG_ENV} (run: eval "$(scripts/postgres.sh)"); '
    "the same tests ran on SQLite"
)


def _with_schema(url: str, schema: str) -> str:
    options = "options=" + quote(f"-csearch_path={schema}", safe="")
    return url + ("&" if "?" in url else "?") + options


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL to a fresh, empty database of each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store' / 'carelens.db'}"
        return
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(PG_SKIP)
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    try:
        yield _with_schema(base, schema)
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def backend(store_url: str) -> str:
    return "sqlite" if store_url.startswith("sqlite") else "postgres"


@pytest.fixture
def open_url(store_url: str) -> Iterator[Callable[[], Store]]:
    """Opens the fixture's database (again); every store opened is closed afterwards."""
    opened: list[Store] = []

    def opener() -> Store:
        store = open_store(store_url)
        opened.append(store)
        return store

    yield opener
    for store in opened:
        store.close()


@pytest.fixture
def store(open_url: Callable[[], Store]) -> Store:
    return open_url()
