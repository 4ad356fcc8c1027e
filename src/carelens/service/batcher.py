"""Micro-batching for ``POST /v1/analyze``: requests queue for a few lanes that run shared calls.

A :class:`MicroBatcher` owns ``lanes`` worker threads (default: the analyzer's ``threads``).
A request hands its pairs to :meth:`MicroBatcher.submit` and gets a future; a coroutine
awaits it with :meth:`MicroBatcher.analyze`, so the event loop stays free while the model
runs. A free lane takes the oldest waiting requests, up to ``max_pairs`` pairs (a request is
never split), runs ONE ``analyzer.predict`` over all of them and gives each request its own
results. A lane that starts from idle with fewer than ``max_pairs`` pairs first waits up to
``window`` seconds for company; requests that arrive while every lane is busy go with the
next lane that frees, without waiting again. An exception from a model call is set on the
future of every request in that call.

The defaults (``max_pairs=1``: each call serves one request) come from measurement on the
shipped int8 model. Padded batches cost as much or more CPU per pair than single pairs
(length-sorted batches of 2-16 pairs: 0-40% more per pair), so the analyzer keeps
``batch_size=1``; each pair is its own ONNX call and its result never depends on other
requests. And one call returns all its results at once, so every request in it waits for the
slowest pair: in a simulation of the paced load test (20 clients, 2 cores) one request per
call gave p50 38 ms, gathering up to 64 pairs 58 ms and a 2 ms window on top 86 ms. Give a
model whose batches are cheaper per pair a larger ``max_pairs`` and a ``window``.

Every call holds ``lock`` (the service's model semaphore, shared with the corpus worker and
the coach page), so the limit on concurrent model calls still protects the server: at most
``lanes`` calls are in flight, and the requests beyond that wait in the queue (in order of
arrival), not in threads. :meth:`MicroBatcher.close` (the app's shutdown) fails the requests
still queued with :class:`BatcherClosed` and waits for the calls already running.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import deque
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass

from carelens.output import Analyzer
from carelens.types import Exchange, ResponseAnalysis

#: How many pairs one call gathers at most (a request with more runs alone).
DEFAULT_MAX_PAIRS = 1
#: How long a lane that starts from idle waits for more pairs (seconds); only matters when
#: ``max_pairs`` is above 1.
DEFAULT_WINDOW = 0.002


class BatcherClosed(RuntimeError):
    """The batcher is shut down (the server is stopping); the request was not analysed."""


@dataclass(slots=True)
class _Request:
    pairs: list[Exchange]
    future: Future[list[ResponseAnalysis]]


class MicroBatcher:
    """Gathers concurrent analyze requests into shared ``analyzer.predict`` calls.

    ``lanes`` (default: the analyzer's ``threads``) is how many calls run at once;
    ``max_pairs`` is the most pairs one call gathers (it also ends the wait); ``window``
    (seconds) is how long a lane that was idle waits for company. ``lock`` is held around
    each model call.
    """

    def __init__(
        self,
        analyzer: Analyzer,
        *,
        lock: AbstractContextManager[object] | None = None,
        lanes: int | None = None,
        window: float = DEFAULT_WINDOW,
        max_pairs: int = DEFAULT_MAX_PAIRS,
    ) -> None:
        if window < 0:
            raise ValueError("window must be 0 or more seconds")
        if max_pairs < 1:
            raise ValueError("max_pairs must be at least 1")
        self.analyzer = analyzer
        self.lanes = max(1, lanes or int(getattr(analyzer, "threads", 1) or 1))
        self.window = window
        self.max_pairs = max_pairs
        self._lock: AbstractContextManager[object] = lock if lock is not None else nullcontext()
        self._state = threading.Condition()
        self._queue: deque[_Request] = deque()
        self._queued_pairs = 0
        self._active = 0  # lanes started and not finished
        self._gathering = 0  # lanes waiting out their window
        self._closed = False
        self._executor = ThreadPoolExecutor(self.lanes, thread_name_prefix="carelens-batch")

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def queued(self) -> int:
        """How many pairs wait for a lane."""
        return self._queued_pairs

    def submit(self, pairs: Sequence[Exchange]) -> Future[list[ResponseAnalysis]]:
        """Queue ``pairs``; the future holds their analyses in order (or the model's error).

        A future cancelled before its call starts is skipped (its pairs are not analysed).
        Raises :class:`BatcherClosed` after :meth:`close`.
        """
        future: Future[list[ResponseAnalysis]] = Future()
        request = _Request(list(pairs), future)
        with self._state:
            if self._closed:
                raise BatcherClosed("the batcher is closed")
            if not request.pairs:
                future.set_result([])
                return future
            self._queue.append(request)
            self._queued_pairs += len(request.pairs)
            if self._gathering and self._queued_pairs >= self.max_pairs:
                self._state.notify_all()  # a gathering lane has enough: run now
            self._start_lane(gather=True)
        return future

    async def analyze(self, pairs: Sequence[Exchange]) -> list[ResponseAnalysis]:
        """:meth:`submit` for a coroutine: awaits the results without blocking the loop."""
        return await asyncio.wrap_future(self.submit(pairs))

    def close(self) -> None:
        """Refuse new requests, fail the queued ones with :class:`BatcherClosed` and wait
        for the model calls already running (their requests get their results)."""
        with self._state:
            self._closed = True
            dropped = list(self._queue)
            self._queue.clear()
            self._queued_pairs = 0
            self._state.notify_all()
        for request in dropped:
            if request.future.set_running_or_notify_cancel():
                request.future.set_exception(
                    BatcherClosed("the server is shutting down; the pairs were not analysed")
                )
        self._executor.shutdown(wait=True)

    # -- lanes -------------------------------------------------------------------------------

    def _start_lane(self, *, gather: bool) -> None:
        """Start a lane (holding ``_state``) when requests wait, none is gathering and one
        is free; a lane that is gathering takes the new requests with it."""
        if self._queue and not self._gathering and self._active < self.lanes:
            self._active += 1
            self._executor.submit(self._lane, gather and self.window > 0)

    def _lane(self, gather: bool) -> None:
        """Run batches until the queue is empty; the first one after a short gathering wait
        when the lane was started by a request (not when the queue was already long)."""
        while True:
            with self._state:
                if gather:
                    gather = False
                    self._gather()
                batch = self._take()
                if not batch:
                    self._active -= 1
                    return
                self._start_lane(gather=False)  # more than max_pairs waited: a free lane helps
            try:
                self._run(batch)
            except BaseException:  # only what is not an Exception (the waiters have it too)
                with self._state:
                    self._active -= 1
                raise

    def _gather(self) -> None:
        """Wait (holding ``_state``'s condition) up to ``window`` for more pairs."""
        self._gathering += 1
        try:
            deadline = time.monotonic() + self.window
            while not self._closed and self._queued_pairs < self.max_pairs:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._state.wait(left)
        finally:
            self._gathering -= 1

    def _take(self) -> list[_Request]:
        """The oldest queued requests, up to ``max_pairs`` pairs (at least one request);
        requests cancelled while queued are dropped."""
        batch: list[_Request] = []
        size = 0
        while self._queue:
            request = self._queue[0]
            if batch and size + len(request.pairs) > self.max_pairs:
                break
            self._queue.popleft()
            self._queued_pairs -= len(request.pairs)
            if request.future.set_running_or_notify_cancel():
                batch.append(request)
                size += len(request.pairs)
        return batch

    def _run(self, batch: list[_Request]) -> None:
        pairs = [pair for request in batch for pair in request.pairs]
        try:
            with self._lock:
                analyses = self.analyzer.predict(pairs)
            if len(analyses) != len(pairs):
                raise RuntimeError(
                    f"the analyzer returned {len(analyses)} results for {len(pairs)} pairs"
                )
        except BaseException as exc:  # every waiter gets the model's error
            for request in batch:
                request.future.set_exception(exc)
            if not isinstance(exc, Exception):
                raise
            return
        start = 0
        for request in batch:
            end = start + len(request.pairs)
            request.future.set_result(analyses[start:end])
            start = end
