"""The corpus worker: one background thread that analyses uploaded corpora from a queue.

:class:`CorpusWorker` takes the corpora queued with :meth:`~CorpusWorker.submit` one at a
time and runs a :class:`~carelens.service.jobs.CorpusJob` on each: it analyses the corpus
from where its stored results end, so a corpus interrupted at any point and queued again by
:meth:`~CorpusWorker.resume` (on start: every corpus the store has as queued or running)
ends with every pair stored exactly once. Stopping the worker lets the current chunk finish
and leaves the corpus ``running`` for the next start. A server that shares its store with
others resumes only the corpora uploaded to it (:meth:`CorpusJob.holds
<carelens.service.jobs.CorpusJob.holds>`), and on start removes the upload folders of
corpora the store no longer has (deleted through another server, or while a deletion could
not finish).

A store that is still down after the job's retries is an outage, not a fault of the corpus,
so the corpus does not fail: it is *parked* — left ``running`` in the store, as it is — and
queued again after ``store_requeue_delay`` seconds (doubling while the outage lasts, at most
:data:`MAX_REQUEUE_DELAY`), while the worker goes on with other corpora. The analysis then
resumes where its stored results end, so an outage of any length costs no upload. The same
holds when a corpus that did fail (a bad file) cannot be marked failed: it is parked until
the failure can be written. On stop, parked corpora stay ``running`` and resume on the next
start.
"""

from __future__ import annotations

import logging
import queue
import threading
import time

from carelens.service.errors import log_internal
from carelens.service.jobs import ACTIVE_STATUSES, CorpusJob, Parked
from carelens.service.uploads import corpus_folders, sweep_incoming, sweep_orphans

logger = logging.getLogger(__name__)

#: The longest wait (seconds) before a parked corpus is tried again.
MAX_REQUEUE_DELAY = 600.0


class CorpusWorker:
    """Analyses queued corpora one at a time on a single background thread.

    Each corpus is analysed by ``job``, a :class:`~carelens.service.jobs.CorpusJob`, whose
    settings the worker follows too: it looks for abandoned partial uploads under their
    ``uploads_dir``, and queues a corpus the store still fails (after the job's retries)
    again after ``store_requeue_delay`` seconds (see the module docstring). Stopping the
    worker sets the job's :attr:`~carelens.service.jobs.CorpusJob.stop_event`.
    """

    def __init__(self, job: CorpusJob) -> None:
        #: Analyses one corpus at a time for this worker.
        self.job = job
        self._stop = job.stop_event
        #: parked corpus id -> when to queue it again (on time.monotonic())
        self._parked: dict[str, float] = {}
        #: corpus id -> the wait of its last parking, while its outage lasts (it doubles)
        self._park_wait: dict[str, float] = {}
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._pending: set[str] = set()
        self._outstanding = 0
        self._state = threading.Condition()
        self._thread: threading.Thread | None = None

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> None:
        """Start the worker thread (once)."""
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(
                target=self._run, name="carelens-corpus-worker", daemon=True
            )
            self._thread.start()

    def stop(self, timeout: float | None = 60.0) -> None:
        """Stop after the current chunk; unfinished corpora stay queued/running in the store."""
        self._stop.set()
        self._queue.put(None)
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                logger.warning("the corpus worker did not stop within %s s", timeout)
            self._thread = None

    @property
    def running(self) -> bool:
        """True while the worker thread is alive."""
        return self._thread is not None and self._thread.is_alive()

    @property
    def stopping(self) -> bool:
        """True once :meth:`stop` was called (the current chunk is the last)."""
        return self._stop.is_set()

    def submit(self, corpus_id: str) -> None:
        """Queue a corpus for analysis (a corpus already waiting is not queued twice)."""
        with self._state:
            if corpus_id in self._pending:
                return
            self._pending.add(corpus_id)
            self._outstanding += 1
        self._queue.put(corpus_id)

    def resume(self) -> list[str]:
        """Queue every corpus the store has as queued or running whose upload this server
        holds; their ids, oldest first. The corpora uploaded to another server sharing the
        store are left to it.

        Partial uploads a killed server left behind are removed first, and so are the
        upload folders of corpora the store no longer has.
        """
        uploads = self.job.settings.uploads_dir
        if removed := sweep_incoming(uploads):
            logger.info("removed %d abandoned partial upload(s)", removed)
        folders = corpus_folders(uploads)  # before the corpora: one made meanwhile is kept
        corpora = self.job.store.list_corpora()
        if removed := sweep_orphans(uploads, folders, {c.id for c in corpora}):
            logger.info("removed the uploaded files of %d deleted corpora", removed)
        active = [c for c in corpora if c.status in ACTIVE_STATUSES]
        mine = [c for c in active if self.job.holds(c)]
        ids = [c.id for c in sorted(mine, key=lambda c: (c.created_at, c.id))]
        for corpus_id in ids:
            self.submit(corpus_id)
        if ids:
            logger.info("resuming %d unfinished corpora", len(ids))
        if len(mine) < len(active):
            logger.info(
                "%d unfinished corpora were uploaded to other servers sharing the results "
                "database; they are left to them",
                len(active) - len(mine),
            )
        return ids

    @property
    def parked(self) -> list[str]:
        """The corpora waiting for the store to come back, to be queued again."""
        with self._state:
            return sorted(self._parked)

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Wait until every submitted corpus has been processed (a parked one counts as
        processed until it is queued again); False on timeout."""
        with self._state:
            return self._state.wait_for(lambda: self._outstanding == 0, timeout)

    # -- the work ----------------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            try:
                corpus_id = self._queue.get(timeout=self._until_due())
            except queue.Empty:
                self._requeue_due()
                continue
            self._requeue_due()  # a busy queue must not hold parked corpora back forever
            if corpus_id is None or self._stop.is_set():
                return
            with self._state:
                self._pending.discard(corpus_id)
            try:
                self.process(corpus_id)
            except Exception as exc:  # never let one corpus kill the worker
                log_internal(logger, f"the corpus worker failed on corpus {corpus_id}", exc)
            finally:
                with self._state:
                    self._outstanding -= 1
                    self._state.notify_all()

    def _until_due(self) -> float | None:
        """Seconds until the next parked corpus is due (None: nothing parked)."""
        with self._state:
            if not self._parked:
                return None
            due = min(self._parked.values())
        return max(due - time.monotonic(), 0.0)

    def _requeue_due(self) -> None:
        now = time.monotonic()
        with self._state:
            due = [c for c, when in self._parked.items() if when <= now]
            for corpus_id in due:
                del self._parked[corpus_id]
        for corpus_id in due:
            logger.info("corpus %s: trying the results database again", corpus_id)
            self.submit(corpus_id)

    def _park(self, corpus_id: str, what: str) -> str:
        """Leave ``corpus_id`` as it is in the store and queue it again later (see the
        module docstring); ``what`` failed, for the log. Returns ``"running"``."""
        with self._state:
            last = self._park_wait.get(corpus_id)
            first = self.job.settings.store_requeue_delay
            wait = first if last is None else min(last * 2, MAX_REQUEUE_DELAY)
            self._park_wait[corpus_id] = wait
            self._parked[corpus_id] = time.monotonic() + wait
        logger.error(
            "corpus %s: %s; it stays as it is and is tried again in %.3g s",
            corpus_id,
            what,
            wait,
        )
        return "running"

    def process(self, corpus_id: str) -> str | None:
        """Analyse one corpus from where its stored results end; its status afterwards (None
        when the corpus is gone; ``"running"`` when it stopped or was parked)."""
        outcome = self.job.run(corpus_id)
        status = self._park(corpus_id, outcome.what) if isinstance(outcome, Parked) else outcome
        with self._state:
            if corpus_id not in self._parked:  # this try was not cut short by an outage
                self._park_wait.pop(corpus_id, None)
        return status
