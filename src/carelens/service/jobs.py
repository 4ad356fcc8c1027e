"""One corpus job: the analysis of one uploaded corpus, as the corpus worker runs it.

:meth:`CorpusJob.run` marks the corpus ``running`` (``total`` still unknown) and reads the
stored upload twice: once to count the exchanges and rejects (the reject log is written to
the corpus folder, each reject naming the upload by its file name, not the server's path;
the store gets ``total`` and ``rejected``), then to analyse them ``chunk_size`` at a time —
``analyzer.predict``, one :func:`~carelens.output.result_record` per pair with ``"seq"``
(its 0-based position) added, then ``store.add_results``. A corpus uploaded with ``helper``
patterns (kept with it in the store, so a resumed analysis uses the same ones) keeps only
the exchanges whose response speaker matches one, in both reads
(:class:`~carelens.readers.helpers.HelperPatterns`): ``total`` counts those and ``left_out``
the others. A corpus with no pair to analyse, or
whose file cannot be read, fails with a message for the person who uploaded it, worded by
:mod:`.failures`; one whose rejects left no pair is read once more, to count its records as
``carelens analyze`` counts them (:func:`~carelens.readers.api.count_records`: every record
rejected, or some and the others answering none of each other), and its format is detected
again (is it the one the file was read as?) when every record was rejected. With a topic
model (:mod:`.topic_model`), each record also gets its ``"topic"``. Work is resumable: the
analysis skips the first ``store.stored_seqs(id)`` exchanges, and the store keeps one
result per seq, so a corpus interrupted at any point (even by ``kill -9``) and queued again
ends with every pair stored exactly once. A stop (the worker's,
:attr:`~CorpusJob.stop_event`) lets the current chunk finish and leaves the corpus
``running`` for the next start. One corpus holds one model's results, redacted or not: the
job records its analyzer's ``model_fingerprint`` and its ``redact`` setting with each corpus
it takes up, and a corpus begun by another model build (a server restarted with another
``--model``) or with the other redaction setting (``--redact`` turned on or off) is started
over — its stored results discarded, a warning naming what changed logged — rather than
finished by this one (:meth:`CorpusJob._same_model`). A corpus stored before the store kept
these has none recorded: its stored results are taken to be this server's and kept. Each
chunk is stored with the fingerprint and setting that made it, and the store refuses it when
the corpus records others (:class:`~carelens.store.ModelMismatchError`): another server that
shares the store, with another model or ``--redact`` setting, took the corpus up and started
it over. This job then stops working on the corpus and leaves it to that server.

Reading a file can take long before a chunk is stored (a file of millions of bad lines
gives no exchange at all), so while a file is read the job checks, at most every
:attr:`CorpusJob.check_interval` seconds, that the corpus still exists (a deleted one stops
at once) and that the worker is not stopping (the corpus stays ``running``, to resume). A
compressed upload (``.zst``, or Parquet, whose pages are compressed inside it) is read under
the server's :attr:`~carelens.service.settings.ServiceSettings.unpacked_limit`
(:func:`~carelens.readers.base.unpacked_limit`): one that unpacks to more fails, its error
naming the limit.

Servers that share one store (PostgreSQL, or one SQLite file) with data folders of their own
each analyse the corpora uploaded to them: a corpus records the id of the uploads folder that
holds its file (:func:`~carelens.service.uploads.folder_id`), and a job leaves a corpus of
another folder as it is; only a corpus of its own folder (or one stored before corpora
recorded it) whose file is missing fails as missing.

A store that cannot be reached for a moment (a PostgreSQL restart, a locked or unreadable
SQLite file) does not fail the corpus at once: every store call of the job that fails
with a :class:`~carelens.store.StoreUnavailableError` is tried again up to ``store_retries``
times, after ``store_retry_delay`` seconds, then twice that, and so on, each retry logged.
Trying ``add_results`` again is safe even when the failed call did commit (a connection lost
at commit time): the store keeps the first record of each seq and counts only rows it
inserted. Any other store error — a missing corpus, a record the database refuses, a
database written by a newer carelens — would fail again, so it fails the corpus at once.
A store that is still down after those retries is an outage, not a fault of the corpus,
so the corpus does not fail: the job answers :class:`Parked`, and the worker leaves the
corpus ``running`` in the store and queues it again later (:mod:`.worker`). The same holds
when a corpus that did fail (a bad file) cannot be marked failed.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from functools import partial
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from carelens.errors import CarelensError, InputError
from carelens.output import Analyzer, result_record
from carelens.readers import RejectLog, detect_format, read_exchanges
from carelens.readers.api import count_records
from carelens.readers.base import UnpackedLimitError, unpacked_limit
from carelens.readers.helpers import HelperPatterns
from carelens.service import failures
from carelens.service.errors import log_internal, store_error_text, store_unavailable
from carelens.service.topic_model import TopicAssigner, topic_field
from carelens.service.uploads import (
    DETECT_UNPACKED_BYTES,
    REJECTS_NAME,
    corpus_dir,
    find_upload,
    folder_id,
)
from carelens.store import CorpusNotFoundError, ModelMismatchError, StoreError
from carelens.types import Exchange

if TYPE_CHECKING:
    from carelens.service.settings import ServiceSettings
    from carelens.store import Corpus, Store

logger = logging.getLogger(__name__)

#: Corpus statuses that still have work to do.
ACTIVE_STATUSES: tuple[str, ...] = ("queued", "running")

T = TypeVar("T")


def transient(exc: BaseException) -> bool:
    """True for a store error that may pass when tried again
    (:class:`~carelens.store.StoreUnavailableError`: the database could not be reached, was
    busy or out of resources), not a missing corpus, a refused record or a newer schema."""
    return store_unavailable(exc)


class _Stopped(Exception):
    """The worker was stopped while the job waited to try a store call again."""


class _StoppedReading(Exception):
    """The worker was stopped while the job read a corpus' file."""


#: Seconds between the checks, while a corpus' file is read, that it should be read on.
CHECK_INTERVAL_S = 1.0


class _UploadRejects(RejectLog):
    """The reject log of an upload: each reject names the file by its name alone (the
    upload's safe name; the server's folders are not the reader's business), and each
    calls ``watch`` first."""

    def __init__(self, path: Path | None, *, redact: bool, watch: Callable[[], None]) -> None:
        super().__init__(path, redact=redact)
        self._watch = watch

    def add(
        self,
        path: str | os.PathLike[str],
        line: int | None,
        field: str | None,
        reason: str,
        *,
        detail: str | None = None,
    ) -> None:
        self._watch()
        super().add(Path(path).name, line, field, reason, detail=detail)


def too_large_unpacked(name: str, limit: int) -> str:
    """Why the upload ``name`` failed that unpacked to more than ``limit`` bytes."""
    size = f"{limit >> 20:,} MiB" if limit % (1 << 20) == 0 else f"{limit:,} bytes"
    return (
        f"{name}: the file unpacks to more than {size}, the most this server reads from one "
        "compressed upload (max_unpacked_bytes); nothing was analysed. Split it into smaller "
        "files and upload them again"
    )


@dataclass(frozen=True, slots=True)
class Parked:
    """What :meth:`CorpusJob.run` answers when the store stayed down: the corpus is left as
    it is in the store, to be tried again later; ``what`` failed, for the log."""

    what: str


class CorpusJob:
    """Analyses one corpus per :meth:`run`, on the corpus worker's thread.

    ``settings`` are the server's; the job reads the uploads under ``uploads_dir`` and
    follows ``chunk_size``, ``redact``, ``store_retries`` and ``store_retry_delay`` (each
    described in :class:`~carelens.service.settings.ServiceSettings`). ``lock`` (optional)
    is held around each ``analyzer.predict`` call (and the topic model's ``assign``), so the
    worker and the API's request threads never run the model at the same moment. ``topics``
    (optional) assigns each seeker text a topic category. With ``redact`` every stored
    record has its personal data replaced by placeholders (``result_record(...,
    redact=True)``, as ``carelens analyze --redact``), so do failure messages, and the upload
    is removed once its corpus is done or failed (only a resumed analysis would read it).
    A store call that fails with a transient :class:`~carelens.store.StoreError` is tried
    again up to ``store_retries`` times, waiting ``store_retry_delay`` seconds and twice as
    long each time after (see the module docstring). Setting :attr:`stop_event` (the
    worker's stop) ends the analysis after the current chunk, and a wait to try a store
    call again at once; a read of the file within :attr:`check_interval` seconds.
    """

    #: Seconds between the checks, while a file is read, for a stop or a deletion.
    check_interval: float = CHECK_INTERVAL_S

    def __init__(
        self,
        store: Store,
        analyzer: Analyzer,
        settings: ServiceSettings,
        *,
        lock: AbstractContextManager[object] | None = None,
        topics: TopicAssigner | None = None,
    ) -> None:
        self.store = store
        self.analyzer = analyzer
        self.settings = settings
        self.topics = topics
        self._lock: AbstractContextManager[object] = lock if lock is not None else nullcontext()
        #: Set by the worker to stop (see the class docstring).
        self.stop_event = threading.Event()
        self._upload_folder: str | None = None

    @property
    def upload_folder(self) -> str:
        """The id of this server's uploads folder (:func:`~carelens.service.uploads.folder_id`),
        read once: recorded with each corpus uploaded here, and matched by the corpora this
        job takes up."""
        if self._upload_folder is None:
            self._upload_folder = folder_id(self.settings.uploads_dir)
        return self._upload_folder

    def holds(self, corpus: Corpus) -> bool:
        """Whether this server holds the corpus' upload: it was uploaded here, or it records
        no uploads folder (stored before corpora recorded one, or made without one)."""
        return corpus.upload_folder is None or corpus.upload_folder == self.upload_folder

    @property
    def model_fingerprint(self) -> str | None:
        """The fingerprint of the analyzer's model build (its ``model_fingerprint``, see
        :attr:`~carelens.inference.artifact.ModelArtifact.fingerprint`), or None when the
        analyzer has none (a stand-in without a model artifact): then the model a corpus was
        begun with is neither recorded nor checked."""
        fingerprint = getattr(self.analyzer, "model_fingerprint", None)
        return fingerprint if isinstance(fingerprint, str) and fingerprint else None

    @property
    def stopping(self) -> bool:
        """True once :attr:`stop_event` is set (the current chunk is the last)."""
        return self.stop_event.is_set()

    def run(self, corpus_id: str) -> str | Parked | None:
        """Analyse one corpus from where its stored results end; its status afterwards (None
        when the corpus is gone; ``"running"`` when it stopped), or :class:`Parked` when the
        store stayed down."""
        try:
            corpus = self._store_call(
                corpus_id, "reading the corpus", partial(self.store.get_corpus, corpus_id)
            )
        except _Stopped:
            logger.info("corpus %s: stopped while waiting for the results database", corpus_id)
            return "running"
        except StoreError as exc:
            what = f"cannot be read from the results database ({self._describe(exc)})"
            if transient(exc):
                return Parked(what)
            logger.error("corpus %s: %s; it is left as it is", corpus_id, what)
            return None
        if corpus is None:
            return None
        if not self.holds(corpus):
            logger.info(
                "corpus %s was uploaded to another server (its uploads folder is not this "
                "server's); it is left to that server",
                corpus_id,
            )
            return corpus.status
        path = find_upload(self.settings.uploads_dir, corpus.id, corpus.name)
        if corpus.status not in ACTIVE_STATUSES:
            if path is not None:  # finished by a try whose last store call seemed to fail
                self._drop_upload(path)
            return corpus.status
        if path is None:
            return self._fail(corpus_id, failures.MISSING_UPLOAD)
        try:
            watch = self._watch(corpus_id)
            with unpacked_limit(self.settings.unpacked_limit, check=watch):
                return self._analyse(
                    corpus_id,
                    path,
                    corpus.format,
                    HelperPatterns(corpus.helpers),
                    corpus.model,
                    corpus.redacted,
                    watch,
                )
        except CorpusNotFoundError:
            logger.info("corpus %s was deleted while being analysed", corpus_id)
            return None
        except ModelMismatchError as exc:
            logger.warning(
                "corpus %s: another server took it over with other settings (it now records "
                "%s); this server stops working on it",
                corpus_id,
                exc.what,
            )
            return "running"
        except _Stopped:
            logger.info(
                "corpus %s: stopped while waiting for the results database; it resumes on restart",
                corpus_id,
            )
            return "running"
        except _StoppedReading:
            logger.info(
                "corpus %s: stopped while reading its file; it resumes on restart", corpus_id
            )
            return "running"
        except UnpackedLimitError as exc:
            return self._fail(corpus_id, too_large_unpacked(corpus.name, exc.limit), path)
        except InputError as exc:  # the file: say where, but not the server's paths
            return self._fail(corpus_id, failures.unreadable(corpus.name, exc), path)
        except StoreError as exc:
            if not transient(exc):
                return self._failed_unexpectedly(corpus_id, exc, path)
            return Parked(
                f"the results database failed {self.settings.store_retries + 1} time(s) in a row "
                f"({self._describe(exc)})"
            )
        except CarelensError as exc:
            return self._failed_unexpectedly(corpus_id, exc, path)
        except Exception as exc:
            log_internal(logger, f"analysing corpus {corpus_id} failed", exc)
            return self._fail(corpus_id, failures.internal_error(exc), path)

    def _failed_unexpectedly(
        self, corpus_id: str, exc: CarelensError, upload: Path | None
    ) -> str | Parked | None:
        logger.error(
            "analysing corpus %s failed: %s",
            corpus_id,
            failures.bounded(str(exc), redacted=self.settings.redact),
        )
        return self._fail(corpus_id, failures.not_analysed(exc), upload)

    def _describe(self, exc: BaseException) -> str:
        """A store error for the log (redacted with ``redact``)."""
        return store_error_text(exc, redacted=self.settings.redact)

    def _store_call(self, corpus_id: str, what: str, call: Callable[[], T]) -> T:
        """``call()``, a store call for ``corpus_id`` (``what`` it does, for the log), tried
        again while it fails with a transient store error: at most ``store_retries`` more
        times, with doubling waits, each retry logged. The last error is raised, or
        :class:`_Stopped` when the worker stops during a wait."""
        delay = self.settings.store_retry_delay
        attempt = 0
        while True:
            try:
                return call()
            except StoreError as exc:
                attempt += 1
                if not transient(exc) or attempt > self.settings.store_retries:
                    raise
                logger.warning(
                    "corpus %s: %s failed (%s); trying again in %.3g s (retry %d of %d)",
                    corpus_id,
                    what,
                    self._describe(exc),
                    delay,
                    attempt,
                    self.settings.store_retries,
                )
                if self.stop_event.wait(delay):
                    raise _Stopped from exc
                delay *= 2

    def _watch(self, corpus_id: str) -> Callable[[], None]:
        """A check to call as a read of the corpus' file goes on (each exchange and reject):
        at most every :attr:`check_interval` seconds it raises :class:`_StoppedReading` when
        the worker is stopping, and :class:`~carelens.store.CorpusNotFoundError` when the
        corpus was deleted."""
        due = time.monotonic() + self.check_interval

        def check() -> None:
            nonlocal due
            now = time.monotonic()
            if now < due:
                return
            due = now + self.check_interval
            if self.stopping:
                raise _StoppedReading
            there = self._store_call(
                corpus_id, "checking the corpus", partial(self.store.get_corpus, corpus_id)
            )
            if there is None:
                raise CorpusNotFoundError(corpus_id)

        return check

    def _same_model(
        self, corpus_id: str, recorded: str | None, recorded_redacted: bool | None
    ) -> None:
        """Make the corpus this job's: record its model fingerprint and redaction setting
        where the corpus has none, and start the corpus over when another model build or
        the other redaction setting began it (its stored results deleted, ``done`` back to
        0), so one corpus never holds two models' results, nor redacted and unredacted texts
        side by side. The model is not checked when the analyzer has no fingerprint."""
        current = self.model_fingerprint
        changed = []
        if current is not None and recorded is not None and recorded != current:
            changed.append(
                f"another build of the model (fingerprint {recorded}) than this server runs "
                f"({current})"
            )
        if recorded_redacted is not None and recorded_redacted != self.settings.redact:
            changed.append(
                "redacted texts, and this server does not redact (--redact is off)"
                if recorded_redacted
                else "unredacted texts, and this server redacts them (--redact is on)"
            )
        if not changed:
            # A new corpus, or one stored before the store kept these (schema version 8):
            # its stored results, if any, are taken to be this server's, as the server that
            # began it most likely ran as this one does; they are kept.
            model = current if recorded is None else None
            redacted = self.settings.redact if recorded_redacted is None else None
            if model is not None or redacted is not None:
                self._store_call(
                    corpus_id,
                    "recording the model",
                    partial(self.store.set_model, corpus_id, model, redacted=redacted),
                )
            return
        discarded = self._store_call(
            corpus_id,
            "starting over",
            partial(self.store.restart_corpus, corpus_id, current, redacted=self.settings.redact),
        )
        logger.warning(
            "corpus %s was begun with %s: it starts over, and its %d stored result(s) are "
            "discarded, so that it holds the results of one model and one redaction setting",
            corpus_id,
            " and with ".join(changed),
            discarded,
        )

    def _analyse(
        self,
        corpus_id: str,
        path: Path,
        format: str | None,
        helpers: HelperPatterns,
        model: str | None,
        redacted: bool | None,
        watch: Callable[[], None],
    ) -> str | Parked | None:
        """Count and analyse the upload at ``path``; ``model`` and ``redacted`` are the
        fingerprint and redaction setting the store has recorded for the corpus (see
        :meth:`_same_model`). ``watch`` is called as the file is read (:meth:`_watch`)."""
        # Counting a large file takes a while: the corpus is running from its start.
        self._store_call(
            corpus_id,
            "marking the corpus running",
            partial(self.store.set_status, corpus_id, "running"),
        )
        folder = corpus_dir(self.settings.uploads_dir, corpus_id)
        rejects_path = folder / REJECTS_NAME
        # Readable by its owner only, like the upload beside it (the log opens it for writing).
        os.close(os.open(rejects_path, os.O_CREAT | os.O_WRONLY, 0o600))
        rejects_path.chmod(0o600)
        left_out = 0

        def leave_out(_: Exchange) -> None:
            nonlocal left_out
            left_out += 1
            watch()

        total = 0
        with _UploadRejects(rejects_path, redact=self.settings.redact, watch=watch) as rejects:
            exchanges = read_exchanges(path, format=format, rejects=rejects)
            for _ in helpers.keep(exchanges, leave_out):
                total += 1
                watch()
        self._store_call(
            corpus_id,
            "recording the total",
            partial(
                self.store.set_status,
                corpus_id,
                "running",
                total=total,
                rejected=rejects.total,
                left_out=left_out,
            ),
        )
        if total == 0 and left_out:
            message = failures.no_helper_response(left_out, helpers.patterns)
            return self._fail(corpus_id, message, path)
        if total == 0 and rejects.total:
            message = self._rejected(path, format, rejects, rejects_path, watch)
            return self._fail(corpus_id, message, path)
        if total == 0:
            message = failures.nothing_to_pair(path, format, rejects.skipped)
            return self._fail(corpus_id, message, path)
        self._same_model(corpus_id, model, redacted)
        start = self._store_call(
            corpus_id, "reading where to resume", partial(self.store.stored_seqs, corpus_id)
        )
        logger.info("corpus %s: %d pairs, starting at %d", corpus_id, total, start)
        # The same patterns as the count (stored with the corpus), so a resumed analysis
        # gives each exchange the seq it had.
        uncounted = _UploadRejects(None, redact=self.settings.redact, watch=watch)
        kept = helpers.keep(read_exchanges(path, format=format, rejects=uncounted))
        exchanges = islice(kept, start, None)
        seq = start
        while chunk := list(islice(exchanges, self.settings.chunk_size)):
            if self.stopping:
                logger.info(
                    "corpus %s: stopped at %d of %d; it resumes on restart", corpus_id, seq, total
                )
                return "running"
            with self._lock:
                analyses = self.analyzer.predict(chunk)
                topics = (
                    None
                    if self.topics is None
                    else list(self.topics.assign([e.seeker.text for e in chunk]))
                )
            if topics is not None and len(topics) != len(chunk):
                raise ValueError(
                    f"the topic model gave {len(topics)} assignments for {len(chunk)} texts"
                )
            records = []
            for k, (exchange, analysis) in enumerate(zip(chunk, analyses, strict=True)):
                record = result_record(exchange, analysis, redact=self.settings.redact)
                record["seq"] = seq
                if topics is not None:
                    record["topic"] = topic_field(topics[k])
                records.append(record)
                seq += 1
            # Safe to try again: the store keeps the first record of each seq.
            self._store_call(
                corpus_id,
                f"storing results {records[0]['seq']}-{records[-1]['seq']}",
                partial(
                    self.store.add_results,
                    corpus_id,
                    records,
                    model=self.model_fingerprint,
                    redacted=self.settings.redact,
                ),
            )
        self._store_call(
            corpus_id, "marking the corpus done", partial(self.store.set_status, corpus_id, "done")
        )
        logger.info("corpus %s: done (%d pairs)", corpus_id, seq)
        self._drop_upload(path)
        return "done"

    def _rejected(
        self,
        path: Path,
        format: str | None,
        rejects: RejectLog,
        rejects_path: Path,
        watch: Callable[[], None],
    ) -> str:
        """Why the upload at ``path``, read as ``format``, gave no pair with ``rejects``: every
        record it holds was rejected (:func:`failures.all_rejected`), or some were and the
        others answer none of each other (:func:`failures.some_rejected`); the records are
        counted by reading the file again (:func:`~carelens.readers.api.count_records`)."""
        redacted = self.settings.redact
        recount = _UploadRejects(None, redact=redacted, watch=watch)
        count = count_records(path, format=format, rejects=recount)
        if count is not None and rejects.total < count.read:
            return failures.some_rejected(rejects, rejects_path, count, redacted=redacted)
        detected = self._detected(path, format, watch)
        return failures.all_rejected(
            rejects, rejects_path, format, detected=detected, redacted=redacted
        )

    def _detected(self, path: Path, format: str | None, watch: Callable[[], None]) -> str | None:
        """Why detection reads the upload at ``path`` as ``format``
        (:func:`failures.detected_because`), or None when it reads it otherwise, or not at
        all. The store keeps the format a corpus was read as, not whether the upload named
        it: one that detection gives would be read the same when uploaded without it."""
        if format is None:
            return None
        limit = min(self.settings.unpacked_limit, DETECT_UNPACKED_BYTES)
        try:
            with unpacked_limit(limit, check=watch):
                found = detect_format(path, name=path.name)
        except InputError:  # detection fails, or stops at its limit: not detected
            return None
        return failures.detected_because(path.name, format) if found == format else None

    def _fail(
        self, corpus_id: str, message: str, upload: Path | None = None
    ) -> str | Parked | None:
        """Mark the corpus failed with ``message``, then (with ``redact``) remove its
        ``upload``; a store that cannot take the failure now parks the corpus."""
        message = failures.bounded(message, redacted=self.settings.redact)
        logger.warning("corpus %s failed: %s", corpus_id, message)
        try:
            self._store_call(
                corpus_id,
                "marking the corpus failed",
                partial(self.store.set_status, corpus_id, "failed", error=message),
            )
        except CorpusNotFoundError:
            return None
        except _Stopped:
            return "running"
        except StoreError as exc:
            if not transient(exc):
                logger.error(
                    "corpus %s: could not be marked failed (%s); it stays as it is",
                    corpus_id,
                    self._describe(exc),
                )
                return None
            return Parked(f"could not be marked failed ({self._describe(exc)})")
        if upload is not None:
            self._drop_upload(upload)
        return "failed"

    def _drop_upload(self, path: Path) -> None:
        """With ``redact``, remove a finished corpus' upload: it holds the unredacted texts."""
        if self.settings.redact:
            path.unlink(missing_ok=True)
