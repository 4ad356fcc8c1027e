"""O5 and O6: a PostgreSQL host that goes silent, a server that hangs (docs/reliability.md).

A host that vanishes from the network (a crashed machine, a cut link, a firewall that drops)
does not refuse connections: packets go unanswered, and without limits a connection waits
as long as the operating system does. The store's connections carry ``connect_timeout``,
TCP keepalives and ``tcp_user_timeout`` for this; the health check and the upload guard
have their own deadline (``health_timeout``). A server that hangs on a host that is still
up acknowledges every packet, so no TCP limit fires: each store call has a deadline of its
own (``query_timeout``), and the check of a pooled connection lasts no longer than
connecting would.

Here a real PostgreSQL server is reached through :class:`~store_faults.TcpProxy`, which is
frozen mid-test: it forwards nothing and, through a socket filter, makes the kernel drop
every packet that reaches it — no ACK, no RST, no answer to a keepalive or a SYN, as on a
real network (``freeze(drop=False)`` keeps the kernel's acknowledgements: a hung server).
The service runs on uvicorn in a thread and is called over real sockets by a
client with its own timeout, so a request that hangs fails the test instead of hanging it.

Most tests shorten the TCP limits through the database URL (``connect_timeout=2``,
``tcp_user_timeout=2000``...), which the store honours over its defaults; the ``slow`` test
keeps the shipped defaults (10 s to connect, 30 s for an unacknowledged query). Tests skip
without a PostgreSQL test server (``CARELENS_TEST_POSTGRES_URL``) or off Linux.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from urllib.parse import urlencode

import httpx
import pytest
from fastapi import FastAPI
from service_helpers import DATA, MakeApp
from store_faults import DROP_UNSUPPORTED, TcpProxy, wait_until

from carelens.service.errors import STORE_RETRY_AFTER_S
from carelens.store import StoreUnavailableError
from carelens.store.postgres import CONNECT_TIMEOUT, CONNECTION_OPTIONS, PostgresStore
from threaded_server import ThreadedServer

pytestmark = pytest.mark.skipif(DROP_UNSUPPORTED is not None, reason=str(DROP_UNSUPPORTED))

#: Short TCP limits, given in the URL: 2 s to connect (libpq's least), 2 s for a query the
#: server never acknowledges, keepalives after 1 s idle.
SHORT = {
    "connect_timeout": 2,
    "tcp_user_timeout": 2000,
    "keepalives_idle": 1,
    "keepalives_interval": 1,
    "keepalives_count": 2,
}
#: Seconds allowed on top of a deadline for a loaded machine.
SLACK = 2.0


def with_options(url: str, options: dict[str, int]) -> str:
    return url + ("&" if "?" in url else "?") + urlencode(options)


def keep_idle(app: FastAPI, n: int) -> None:
    """Leave ``n`` idle connections in the store's pool (closing the others), so a test
    knows what the next request reuses."""
    store = app.state.context.store
    assert isinstance(store, PostgresStore)
    with store._pool_lock:
        extra, store._idle = store._idle[n:], store._idle[:n]
    for connection in extra:
        connection.close()
    held = [store._acquire() for _ in range(n)]  # the idle ones, and new ones for the rest
    for connection in held:
        store._release(connection)
    assert len(store._idle) == n


class Timed:
    """A request run on its own thread; ``seconds`` it took and its ``response``."""

    def __init__(self, call: Callable[[], httpx.Response]) -> None:
        self.call = call
        self.seconds = -1.0
        self.response: httpx.Response | None = None
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        start = time.monotonic()
        try:
            self.response = self.call()
        except BaseException as exc:  # reported by result()
            self.error = exc
        self.seconds = time.monotonic() - start

    def result(self, timeout: float = 300) -> httpx.Response:
        self.thread.join(timeout)
        assert not self.thread.is_alive(), "the request is still waiting"
        if self.error is not None:
            raise self.error
        assert self.response is not None
        return self.response


def store_unavailable(response: httpx.Response, password: str) -> None:
    assert response.status_code == 503, response.text
    assert response.json()["error"]["code"] == "store_unavailable"
    assert response.headers["retry-after"] == str(STORE_RETRY_AFTER_S)
    assert password not in response.text


def health_unavailable(response: httpx.Response) -> None:
    assert response.status_code == 503, response.text
    body = response.json()
    assert body["status"] == "unavailable" and body["checks"] == {"store": "unavailable"}


def upload(client: httpx.Client) -> httpx.Response:
    files = {"file": ("pairs.csv", (DATA / "pairs.csv").read_bytes(), "text/csv")}
    return client.post("/v1/corpora", files=files)


def wait_done(client: httpx.Client, corpus_id: str) -> None:
    wait_until(lambda: client.get(f"/v1/corpora/{corpus_id}").json()["status"] == "done", 60)


def silent_host_round(
    app: FastAPI,
    proxy: TcpProxy,
    password: str,
    *,
    connect_s: float,
    unacknowledged_s: float,
    health_s: float,
) -> None:
    """Freeze the proxy (packets dropped) under a running server and check every answer and
    its time, then thaw it and check that the service recovers."""
    with ThreadedServer(app) as server, httpx.Client(base_url=server.url, timeout=300) as client:
        corpus = upload(client)
        assert corpus.status_code == 202, corpus.text
        corpus_id = corpus.json()["id"]
        wait_done(client, corpus_id)
        assert client.get("/v1/health").status_code == 200
        keep_idle(app, 1)  # one pooled connection, to a host about to go silent

        proxy.freeze(drop=True)
        pooled = Timed(lambda: client.get(f"/v1/corpora/{corpus_id}"))  # reuses it
        time.sleep(0.2)
        fresh = Timed(lambda: client.get("/v1/corpora"))  # must connect
        health = Timed(lambda: client.get("/v1/health"))
        refused = Timed(lambda: upload(client))  # the guard's probe: same deadline

        health_unavailable(health.result())
        assert health.seconds < health_s + SLACK, health.seconds
        store_unavailable(refused.result(), password)
        assert refused.seconds < health_s + SLACK, refused.seconds
        store_unavailable(fresh.result(), password)
        # it waited for the connect timeout: the host was silent, not refusing
        assert connect_s - 0.5 < fresh.seconds < connect_s + SLACK, fresh.seconds
        store_unavailable(pooled.result(), password)
        # the pooled connection's check goes unacknowledged until tcp_user_timeout or its
        # own deadline (as long as a connection may take), whichever comes first, then a new
        # connection waits for the connect timeout
        bound = min(unacknowledged_s, connect_s) + connect_s
        assert connect_s - 0.5 < pooled.seconds < bound + SLACK, pooled.seconds
        print(  # shown with -s: the figures docs/reliability.md quotes
            f"silent host: health {health.seconds:.1f} s, upload {refused.seconds:.1f} s, "
            f"new connection {fresh.seconds:.1f} s, pooled connection {pooled.seconds:.1f} s"
        )

        proxy.thaw()
        wait_until(lambda: client.get("/v1/health").status_code == 200, 60)
        assert client.get(f"/v1/corpora/{corpus_id}").json()["status"] == "done"
        again = upload(client)
        assert again.status_code == 202, again.text
        wait_done(client, again.json()["id"])


def test_a_silent_postgres_host_gives_503_in_bounded_time_then_recovers(
    make_app: MakeApp, pg_proxy: tuple[TcpProxy, str, str], caplog: pytest.LogCaptureFixture
) -> None:
    proxy, proxied, password = pg_proxy
    url = with_options(proxied, SHORT)
    app = make_app(database_url=url, health_timeout=1.0)
    with caplog.at_level(logging.INFO):
        silent_host_round(app, proxy, password, connect_s=2.0, unacknowledged_s=2.0, health_s=1.0)
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "health check: the results database cannot be reached (no answer within 1 s)" in text
    assert "connection timeout expired" in text  # the connect timeout, logged
    assert "health check: the results database answers again" in text
    assert password and password not in text


@pytest.mark.slow
def test_a_silent_postgres_host_with_the_default_limits(
    make_app: MakeApp, pg_proxy: tuple[TcpProxy, str, str]
) -> None:
    """The shipped limits (nothing in the URL): 5 s for the health check and the upload
    guard, 10 s to connect, 10 s for the check of a pooled connection (its query would go
    unacknowledged for 30 s). About 25 s."""
    assert CONNECT_TIMEOUT == 10 and CONNECTION_OPTIONS["tcp_user_timeout"] == 30_000
    proxy, proxied, password = pg_proxy
    app = make_app(database_url=proxied)
    silent_host_round(app, proxy, password, connect_s=10.0, unacknowledged_s=30.0, health_s=5.0)


def test_several_pooled_connections_to_a_silent_host_cost_one_timeout(
    make_app: MakeApp, pg_proxy: tuple[TcpProxy, str, str]
) -> None:
    """After a burst of requests the pool holds several idle connections; when the host goes
    silent, the next request does not wait for each of them in turn: once one fails its
    check, the others are dropped unchecked (it took 9.3 s with these limits, 101 s with the
    shipped ones, before)."""
    proxy, proxied, password = pg_proxy
    app = make_app(database_url=with_options(proxied, SHORT), health_timeout=1.0)
    with ThreadedServer(app) as server, httpx.Client(base_url=server.url, timeout=300) as client:
        assert client.get("/v1/corpora").status_code == 200
        keep_idle(app, 4)
        with proxy.frozen(drop=True):
            start = time.monotonic()
            store_unavailable(client.get("/v1/corpora"), password)
            took = time.monotonic() - start
        assert took < 2.0 + 2.0 + SLACK, f"{took:.1f} s for one request"


# -- a server that hangs on a live host: the kernel still acknowledges --------------------------


def test_a_hung_postgres_server_health_and_uploads_answer_within_the_deadline(
    make_app: MakeApp, pg_proxy: tuple[TcpProxy, str, str]
) -> None:
    """A server process that stops answering on a host that is still up (packets are
    acknowledged, so no TCP limit ever fires): the health check and the upload guard still
    answer 503 within ``health_timeout``, and all is well once it answers again."""
    proxy, proxied, password = pg_proxy
    app = make_app(database_url=with_options(proxied, SHORT), health_timeout=1.0)
    with ThreadedServer(app) as server, httpx.Client(base_url=server.url, timeout=60) as client:
        assert client.get("/v1/health").status_code == 200
        keep_idle(app, 1)
        with proxy.frozen(drop=False):
            health = Timed(lambda: client.get("/v1/health"))
            refused = Timed(lambda: upload(client))
            health_unavailable(health.result())
            store_unavailable(refused.result(), password)
            assert max(health.seconds, refused.seconds) < 1.0 + SLACK
        wait_until(lambda: client.get("/v1/health").status_code == 200, 30)
        assert upload(client).status_code == 202


def test_a_hung_postgres_server_gives_503_in_bounded_time(
    make_app: MakeApp, pg_proxy: tuple[TcpProxy, str, str]
) -> None:
    """O6: a request on a pooled connection to a hung server waited until the server
    answered (a strict xfail until the store had deadlines). The idle connection's check now
    gets as long as a new connection would (``connect_timeout``), then a new connection waits
    for its connect timeout: 503 after 2 + 2 s with these limits."""
    proxy, proxied, password = pg_proxy
    app = make_app(database_url=with_options(proxied, SHORT), health_timeout=1.0)
    with ThreadedServer(app) as server, httpx.Client(base_url=server.url, timeout=60) as client:
        assert client.get("/v1/corpora").status_code == 200
        keep_idle(app, 1)
        with proxy.frozen(drop=False):
            start = time.monotonic()
            response = client.get("/v1/corpora", timeout=2.0 + 2.0 + SLACK)
            took = time.monotonic() - start
            store_unavailable(response, password)
        assert 2.0 - 0.5 < took < 2.0 + 2.0 + SLACK, took
        wait_until(lambda: client.get("/v1/corpora").status_code == 200, 30)


def test_a_server_that_hangs_mid_call_is_given_up_after_the_query_timeout(
    pg_proxy: tuple[TcpProxy, str, str],
) -> None:
    """A server that stops answering after a call began (its connection passed the check):
    the watchdog shuts the socket ``query_timeout`` + 2 s into the call, which fails as
    unavailable, and the shut connection never goes back to the pool."""
    proxy, proxied, password = pg_proxy
    store = PostgresStore(with_options(proxied, SHORT), query_timeout=0.5)
    try:
        corpus = store.create_corpus("a.jsonl")
        start = time.monotonic()
        with (
            pytest.raises(StoreUnavailableError, match=r"no answer within 2\.5 s") as info,
            store._transaction(write=False) as tx,
            proxy.frozen(drop=False),
        ):
            tx.execute("SELECT 1")
        took = time.monotonic() - start
        assert 2.5 - 0.5 < took < 2.5 + SLACK, took
        assert password not in str(info.value)
        assert store._idle == []
        assert store.get_corpus(corpus.id) == corpus  # a new connection
    finally:
        store.close()
