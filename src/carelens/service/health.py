"""The store half of ``/v1/health``: one cheap query, at most one at a time, with a deadline.

:class:`StoreProbe` asks the store for its schema version (one read of a one-row table; a
store without ``schema_version`` is asked for a corpus no one has) and, where the store can
tell (``check_writable``), whether it would take a write — a write transaction rolled back
before it changes anything, so a read-only or write-protected database reads as not ok —
on a thread of its own,
and :meth:`StoreProbe.check` waits at most ``timeout`` seconds for the answer. A database
that does not answer at all (a PostgreSQL host that drops packets can hold a connection
attempt for minutes) then reads as unavailable instead of holding the request, and while
one probe is still waiting, later checks wait for that same probe rather than start
another, so a monitor polling a hung database does not pile up threads. The probe thread is
a daemon: a hung one never keeps the process from exiting. Only changes are logged (the
store stops answering, then answers again), not every check.

:meth:`StoreProbe.check_async` is the same check for the event loop: it awaits the probe
without holding a worker thread, so the health check and the upload guard
(:class:`~carelens.service.middleware.UploadGuardMiddleware`) still answer when every
worker thread is held by a request waiting on a silent database.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from concurrent.futures import Future
from typing import TYPE_CHECKING

from carelens.service.errors import log_internal, store_error_text
from carelens.store import StoreError

if TYPE_CHECKING:
    from carelens.store import Store

logger = logging.getLogger(__name__)

#: The corpus id asked for by a store that has no ``schema_version`` (ids are hex uuids).
PROBE_ID = "carelens-health-probe"


class StoreProbe:
    """Whether ``store`` answers a trivial query within ``timeout`` seconds (see module)."""

    def __init__(self, store: Store, *, timeout: float = 5.0, redact: bool = False) -> None:
        if not timeout > 0:
            raise ValueError("timeout must be more than 0 seconds")
        self.store = store
        self.timeout = timeout
        self.redact = redact
        self._lock = threading.Lock()
        self._pending: Future[None] | None = None
        self._healthy: bool | None = None

    def _query(self) -> None:
        schema_version = getattr(self.store, "schema_version", None)
        if callable(schema_version):
            schema_version()
        else:
            self.store.get_corpus(PROBE_ID)
        check_writable = getattr(self.store, "check_writable", None)
        if callable(check_writable):
            check_writable()

    def _run(self, probe: Future[None]) -> None:
        error: BaseException | None = None
        try:
            self._query()
        except BaseException as exc:  # handed to the waiting checks, never lost
            error = exc
        finally:
            with self._lock:
                if self._pending is probe:
                    self._pending = None
            if error is None:
                probe.set_result(None)
            else:
                probe.set_exception(error)

    def _start(self) -> Future[None]:
        """The query in flight, or a new one."""
        with self._lock:
            probe = self._pending
            if probe is None:
                probe = self._pending = Future()
                probe.set_running_or_notify_cancel()  # nothing may cancel a shared probe
                threading.Thread(
                    target=self._run, args=(probe,), name="carelens-store-probe", daemon=True
                ).start()
        return probe

    def check(self) -> bool:
        """True when the store answered; False when it failed or did not answer in time.
        Blocks the calling thread (at most ``timeout`` seconds)."""
        probe = self._start()
        with contextlib.suppress(TimeoutError):  # not answered in time: the verdict says so
            probe.exception(self.timeout)
        return self._verdict(probe)

    async def check_async(self) -> bool:
        """:meth:`check` for the event loop: awaits the probe, holding no thread."""
        probe = self._start()
        if not probe.done():
            waiter = asyncio.wrap_future(probe)
            # Retrieve the outcome even when no one waits any longer (no "never retrieved").
            waiter.add_done_callback(lambda done: done.cancelled() or done.exception())
            await asyncio.wait({waiter}, timeout=self.timeout)  # never cancels the probe
        return self._verdict(probe)

    def _verdict(self, probe: Future[None]) -> bool:
        if not probe.done():
            self._note(False, f"no answer within {self.timeout:g} s")
            return False
        error = probe.exception()
        if error is None:
            self._note(True, "")
            return True
        if isinstance(error, StoreError):
            self._note(False, store_error_text(error, redacted=self.redact))
        else:
            log_internal(logger, "the store health check failed unexpectedly", error)
            self._note(False, type(error).__name__)
        return False

    def _note(self, healthy: bool, reason: str) -> None:
        with self._lock:
            was, self._healthy = self._healthy, healthy
        if not healthy and was is not False:
            logger.warning("health check: the results database cannot be reached (%s)", reason)
        elif healthy and was is False:
            logger.info("health check: the results database answers again")
