"""One thread per process that shuts the socket of a PostgreSQL call past its deadline.

:class:`carelens.store.postgres.PostgresStore` arms :data:`WATCHDOG` around each call with
the store's ``query_timeout`` plus a grace period, and disarms it after: a server that stops
answering in the middle of a call then cannot hold the call, its connection or a request of
the service for longer than that (docs/storage.md).
"""

from __future__ import annotations

import heapq
import itertools
import logging
import math
import os
import socket
import threading
import time
from typing import Protocol

logger = logging.getLogger(__name__)


class Watched(Protocol):
    """What the watchdog needs of a connection: its socket's file descriptor."""

    def fileno(self) -> int: ...


class Deadline:
    """One armed store call: the connection to shut when it is still in use at
    ``deadline`` (:func:`time.monotonic`), and whether that happened (``fired``)."""

    __slots__ = ("connection", "deadline", "fired", "key", "seconds")

    def __init__(self, key: int, connection: Watched, seconds: float) -> None:
        self.key = key
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self.fired = False
        #: None once disarmed or fired, so a finished call keeps no connection alive.
        self.connection: Watched | None = connection


class Watchdog:
    """One thread per process that shuts the socket of any store call past its deadline.

    psycopg waits on the socket without a deadline; shutting the socket down (the file
    descriptor stays open, so psycopg still owns it) wakes that wait with an error at once.
    :meth:`arm` registers a call (its deadline in a heap, the call in a dict by key) and
    :meth:`disarm` removes it; the thread sleeps on a condition until the earliest deadline
    and is woken only when a call armed now is due before it. Shutting happens under the
    lock that :meth:`disarm` takes, so after :meth:`disarm` returns the socket is never
    touched: a connection handed to another call cannot be shut late. Disarmed keys left in
    the heap are plain numbers, dropped when they reach its top or when they outnumber the
    armed calls.

    One per process rather than one per store: shutting a socket never blocks, so one
    thread serves every store, a store has no thread to stop in ``close()``, and one
    connection per call no longer costs a thread per call (it was a ``threading.Timer``
    each). The thread is a daemon started by the first :meth:`arm`. A child made by
    ``fork`` inherits neither the thread nor the parent's calls: it starts with an empty
    watchdog (a new lock too, in case another thread held it), so it never shuts a socket
    it shares with the parent, and its first :meth:`arm` starts its own thread.
    """

    def __init__(self) -> None:
        #: Keys go on counting after a fork, so a call armed before it is never taken for one
        #: armed after it.
        self._keys = itertools.count()
        self._reset()

    def _reset(self) -> None:
        self._cond = threading.Condition(threading.Lock())
        self._armed: dict[int, Deadline] = {}
        self._heap: list[tuple[float, int]] = []
        self._thread: threading.Thread | None = None
        #: When the thread will next wake (inf: only when notified).
        self._wake_at = math.inf

    def arm(self, connection: Watched, seconds: float) -> Deadline:
        """Watch ``connection`` for ``seconds`` from now; :meth:`disarm` the result after."""
        with self._cond:
            call = Deadline(next(self._keys), connection, seconds)
            self._armed[call.key] = call
            heapq.heappush(self._heap, (call.deadline, call.key))
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="carelens-store-watchdog", daemon=True
                )
                self._thread.start()
            elif call.deadline < self._wake_at:
                self._cond.notify()
            return call

    def disarm(self, call: Deadline) -> None:
        """Stop watching ``call``; once this returns its socket is never touched."""
        with self._cond:
            if self._armed.get(call.key) is call:
                del self._armed[call.key]
            call.connection = None
            if len(self._heap) > 2 * len(self._armed) + 64:  # mostly disarmed keys
                self._heap = [entry for entry in self._heap if entry[1] in self._armed]
                heapq.heapify(self._heap)

    def armed(self) -> int:
        """How many calls are watched now."""
        with self._cond:
            return len(self._armed)

    def _run(self) -> None:
        with self._cond:
            while True:
                now = time.monotonic()
                heap = self._heap
                while heap and (heap[0][1] not in self._armed or heap[0][0] <= now):
                    _, key = heapq.heappop(heap)
                    call = self._armed.pop(key, None)
                    if call is not None:  # armed, and past its deadline
                        self._shut(call)
                self._wake_at = heap[0][0] if heap else math.inf
                # at most an hour at a time: a deadline of inf would overflow the wait
                self._cond.wait(min(heap[0][0] - now, 3600.0) if heap else None)

    @staticmethod
    def _shut(call: Deadline) -> None:
        connection, call.connection = call.connection, None
        call.fired = True
        if connection is None:
            return
        try:
            with socket.socket(fileno=os.dup(connection.fileno())) as sock:
                sock.shutdown(socket.SHUT_RDWR)
        except Exception as exc:  # closed already (nothing waits on it); keep watching others
            logger.debug("watchdog: the connection was already closed (%s)", exc)


WATCHDOG = Watchdog()
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=WATCHDOG._reset)
