"""A throwaway PostgreSQL schema per test, for the store and service tests.

``CARELENS_TEST_POSTGRES_URL`` names the server (``eval "$(scripts/postgres.sh)"`` starts
one). :func:`schema_url` creates a fresh schema, yields the URL that selects it (through the
URL's ``search_path`` option, so tests never see each other's rows) and drops it afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import quote

import pytest

PG_ENV = "CARELENS_TEST_POSTGRES_URL"
PG_SKIP = (
    f'PostgreSQL tests need {PG_ENV} (run: eval "$(scripts/postgres.sh)"); '
    "the same tests ran on SQLite"
)


def with_schema(url: str, schema: str) -> str:
    options = "options=" + quote(f"-csearch_path={schema}", safe="")
    return url + ("&" if "?" in url else "?") + options


@contextmanager
def schema_url() -> Iterator[str]:
    """A URL to a fresh, empty schema of the test server; skips the test without one."""
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(PG_SKIP)
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    try:
        yield with_schema(base, schema)
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")
