"""The PostgreSQL store's watchdog: one thread for the process, not a thread per call (O6).

The watchdog shuts the socket of a store call still in use past its deadline (see
``tests/service/test_service_silent_store.py`` for a server that hangs). Most tests here arm
it on one end of a :func:`socket.socketpair`, through a stand-in that has the one method it
uses (``fileno``): a thread blocked reading that end wakes with end-of-file when it is shut.
The tests at the end use a PostgreSQL test server and skip without one.
"""

from __future__ import annotations

import gc
import os
import socket
import threading
import time
import warnings
import weakref
from collections.abc import Iterator
from typing import Any

import pytest

from carelens.store.watchdog import WATCHDOG, Deadline
from postgres_schema import schema_url

#: Seconds allowed on top of a deadline for a loaded machine.
SLACK = 1.5


class FakeConnection:
    """What the watchdog reads of a psycopg connection: its socket's file descriptor."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    def fileno(self) -> int:
        return self.sock.fileno()


class ClosedConnection:
    """A connection already closed: psycopg raises when asked for its socket."""

    def fileno(self) -> int:
        raise RuntimeError("the connection is closed")


def arm(connection: Any, seconds: float) -> Deadline:
    return WATCHDOG.arm(connection, seconds)


@pytest.fixture
def pair() -> Iterator[tuple[socket.socket, socket.socket]]:
    ends = socket.socketpair()
    yield ends
    for end in ends:
        end.close()


class Reader:
    """Reads one byte of ``sock`` on its own thread; ``data`` (b"" once shut), ``seconds``."""

    def __init__(self, sock: socket.socket) -> None:
        sock.settimeout(30)
        self.sock = sock
        self.data: bytes | None = None
        self.seconds = -1.0
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.start = time.monotonic()
        self.thread.start()

    def _run(self) -> None:
        self.data = self.sock.recv(1)
        self.seconds = time.monotonic() - self.start

    def result(self) -> bytes | None:
        self.thread.join(30)
        assert not self.thread.is_alive(), "the read is still waiting"
        return self.data


def still_open(a: socket.socket, b: socket.socket) -> bool:
    """Whether both directions of the pair still carry a byte."""
    a.settimeout(5)
    b.settimeout(5)
    b.sendall(b"x")
    a.sendall(b"y")
    return a.recv(1) == b"x" and b.recv(1) == b"y"


def watchdog_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "carelens-store-watchdog"]


def test_a_call_past_its_deadline_is_shut(pair: tuple[socket.socket, socket.socket]) -> None:
    a, _ = pair
    reader = Reader(a)
    call = arm(FakeConnection(a), 0.2)
    assert reader.result() == b""  # shut: end-of-file
    assert 0.2 - 0.05 < reader.seconds < 0.2 + SLACK, reader.seconds
    WATCHDOG.disarm(call)
    assert call.fired and call.connection is None
    assert call.seconds == 0.2
    assert len(watchdog_threads()) == 1


def test_a_disarmed_call_is_never_shut(pair: tuple[socket.socket, socket.socket]) -> None:
    a, b = pair
    call = arm(FakeConnection(a), 0.2)
    WATCHDOG.disarm(call)
    assert call.connection is None
    time.sleep(0.5)  # well past the deadline
    assert not call.fired
    assert still_open(a, b)


def test_two_concurrent_hung_calls_are_both_shut() -> None:
    """Each when its own deadline comes, though a call due much later was armed first (the
    thread, asleep until that one, is woken for the earlier ones)."""
    pairs = [socket.socketpair() for _ in range(3)]
    try:
        late = arm(FakeConnection(pairs[0][0]), 30.0)
        readers = [Reader(pairs[1][0]), Reader(pairs[2][0])]
        calls = [arm(FakeConnection(pairs[1][0]), 0.6), arm(FakeConnection(pairs[2][0]), 0.3)]
        assert [reader.result() for reader in readers] == [b"", b""]
        first, second = readers[1].seconds, readers[0].seconds
        assert 0.3 - 0.05 < first < second, (first, second)
        assert 0.6 - 0.05 < second < 0.6 + SLACK, second
        assert all(call.fired for call in calls)
        WATCHDOG.disarm(late)
        assert not late.fired
        assert still_open(*pairs[0])
    finally:
        for ends in pairs:
            for end in ends:
                end.close()


def test_a_connection_already_closed_does_not_stop_the_watchdog(
    pair: tuple[socket.socket, socket.socket],
) -> None:
    a, _ = pair
    closed = arm(ClosedConnection(), 0.05)
    reader = Reader(a)
    call = arm(FakeConnection(a), 0.3)
    assert reader.result() == b""
    assert closed.fired and call.fired


def test_no_connection_is_kept_once_a_call_ends(pair: tuple[socket.socket, socket.socket]) -> None:
    a, _ = pair
    disarmed, shut = FakeConnection(a), FakeConnection(a)
    refs = [weakref.ref(disarmed), weakref.ref(shut)]
    first = arm(disarmed, 60.0)
    second = arm(shut, 0.05)
    WATCHDOG.disarm(first)
    deadline = time.monotonic() + 5
    while not second.fired:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    del disarmed, shut
    gc.collect()
    assert [ref() for ref in refs] == [None, None]


def test_disarmed_calls_do_not_pile_up() -> None:
    """Sequential calls leave at most a few dozen numbers behind, however many there are."""
    connection = ClosedConnection()
    held = arm(connection, 60.0)  # keeps the thread asleep for a minute
    for _ in range(10_000):
        WATCHDOG.disarm(arm(connection, 60.0))
    assert WATCHDOG.armed() == 1
    assert len(WATCHDOG._heap) <= 2 * 1 + 64 + 1
    WATCHDOG.disarm(held)
    assert not held.fired


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_a_forked_child_has_a_watchdog_of_its_own(
    pair: tuple[socket.socket, socket.socket],
) -> None:
    """The child never shuts a socket it shares with the parent (a call the parent armed
    before forking), and its own calls are watched by a thread of its own."""
    a, b = pair
    parent_call = arm(FakeConnection(a), 0.3)
    assert watchdog_threads()
    with warnings.catch_warnings():  # Python 3.12+: fork of a process with threads
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:  # the child: exit 0 if all is well, never return into pytest
        code = 1
        try:
            time.sleep(0.6)  # past the parent's deadline
            WATCHDOG.disarm(parent_call)  # a no-op here
            c, peer = socket.socketpair()  # the peer stays open: end-of-file means shut
            c.settimeout(10)
            child_call = arm(FakeConnection(c), 0.1)
            shut = c.recv(1) == b""
            peer.close()
            code = 0 if shut and child_call.fired and len(watchdog_threads()) == 1 else 2
        finally:
            os._exit(code)
    WATCHDOG.disarm(parent_call)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert not parent_call.fired
    assert still_open(a, b)


# -- on PostgreSQL ----------------------------------------------------------------------------


def test_many_store_calls_start_no_thread() -> None:
    """One watchdog thread for every call: a timer thread per call before (two per call with
    a pooled connection: its check, then the transaction)."""
    pytest.importorskip("psycopg")
    from carelens.store.postgres import PostgresStore

    with schema_url() as url:
        store = PostgresStore(url, query_timeout=30)
        try:
            corpus = store.create_corpus("a.jsonl")
            before = threading.active_count()
            known = set(threading.enumerate())
            seen: set[threading.Thread] = set()
            for _ in range(200):
                with store._transaction(write=False) as tx:
                    tx.execute("SELECT 1")
                    seen.update(threading.enumerate())
                assert store.get_corpus(corpus.id) == corpus
            assert threading.active_count() == before
            assert seen - known == set()  # no thread started during the calls
            assert len(watchdog_threads()) == 1
            assert WATCHDOG.armed() == 0
        finally:
            store.close()


def test_a_call_that_ended_in_time_keeps_its_connection_past_the_deadline() -> None:
    pytest.importorskip("psycopg")
    from carelens.store.postgres import PostgresStore

    with schema_url() as url:
        store = PostgresStore(url, query_timeout=0.1)  # the watchdog: 0.1 + 2 s
        try:
            with store._transaction(write=False) as tx:
                backend = tx.execute("SELECT pg_backend_pid()")[0][0]
            time.sleep(2.1 + 0.5)
            assert len(store._idle) == 1
            with store._transaction(write=False) as tx:
                assert tx.execute("SELECT pg_backend_pid()")[0][0] == backend
        finally:
            store.close()
