"""The PostgreSQL store's deadline on each call (``query_timeout``; docs/reliability.md, O6).

A statement that runs past the deadline is cancelled by the server (``statement_timeout``)
and the call fails as unavailable, on a connection that stays usable; schema upgrades have
no deadline. The case of a server that does not answer at all (the watchdog) needs a proxy
and lives in ``tests/service/test_service_silent_store.py``; the watchdog itself (one thread
for the process) in ``tests/store/test_store_watchdog.py``. Every test here needs a
PostgreSQL test server; SQLite has no deadline.
"""

from __future__ import annotations

import inspect
import time
from collections.abc import Sequence

import pytest

from carelens.cli.serve import serve
from carelens.service import ServiceSettings
from carelens.store import StoreUnavailableError
from carelens.store.postgres import QUERY_TIMEOUT, PostgresStore
from carelens.store.sql import MigrationStep, Tx
from postgres_schema import schema_url


def test_a_statement_past_the_deadline_is_cancelled_and_the_connection_kept() -> None:
    pytest.importorskip("psycopg")
    with schema_url() as url:
        store = PostgresStore(url, query_timeout=0.5)
        try:
            start = time.monotonic()
            with (
                pytest.raises(StoreUnavailableError, match="statement timeout"),
                store._transaction(write=False) as tx,
            ):
                tx.execute("SELECT pg_sleep(5)")
            assert time.monotonic() - start < 2.0  # the server's cancel, not the watchdog
            assert len(store._idle) == 1  # cancelled by the server: the connection is fine
            with store._transaction(write=False) as tx:
                assert tx.execute("SELECT pg_sleep(0.1), 1")[0][1] == 1
        finally:
            store.close()


def test_no_deadline_keeps_long_statements() -> None:
    pytest.importorskip("psycopg")
    with schema_url() as url:
        store = PostgresStore(url, query_timeout=None)
        try:
            with store._transaction(write=False) as tx:
                assert tx.execute("SHOW statement_timeout")[0][0] == "0"
        finally:
            store.close()


class SlowUpgrade(PostgresStore):
    """A store whose last schema step takes ``seconds``, past its tiny deadline."""

    seconds = 2.3

    def _migrations(self) -> Sequence[Sequence[MigrationStep]]:
        def slow_step(tx: Tx) -> None:
            tx.execute("SELECT pg_sleep(?)", (self.seconds,))

        *earlier, last = super()._migrations()
        return (*earlier, (*last, slow_step))


def test_schema_upgrades_have_no_deadline() -> None:
    """An upgrade rewrites every row and may take long: neither the server's cancel
    (0.1 s here) nor the watchdog (0.1 + 2 s) may stop it."""
    pytest.importorskip("psycopg")
    with schema_url() as url:
        start = time.monotonic()
        store = SlowUpgrade(url, query_timeout=0.1)
        try:
            assert time.monotonic() - start >= SlowUpgrade.seconds
            assert store.schema_version() >= 1
            with store._transaction(write=False) as tx:  # later calls have the deadline
                assert tx.execute("SHOW statement_timeout")[0][0] == "100ms"
        finally:
            store.close()


def test_the_deadline_default_is_the_same_everywhere() -> None:
    # `carelens serve --store-timeout`
    assert inspect.signature(serve).parameters["store_timeout"].default == QUERY_TIMEOUT
    assert ServiceSettings().store_timeout == QUERY_TIMEOUT
    with pytest.raises(ValueError, match="store_timeout"):
        ServiceSettings(store_timeout=0)


@pytest.mark.parametrize("seconds", [0, -1.0, float("nan")])
def test_a_deadline_must_be_positive(seconds: float) -> None:
    pytest.importorskip("psycopg")
    with pytest.raises(ValueError, match="query_timeout"):
        PostgresStore("postgresql://u@127.0.0.1:1/db", query_timeout=seconds)
