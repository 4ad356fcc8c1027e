"""The corpus worker: one background thread that analyses uploaded corpora from a queue.

For each corpus it reads the stored upload twice: once to count the exchanges and rejects
(the reject log is written to the corpus folder; the store gets ``total`` and ``rejected``),
then to analyse them ``chunk_size`` at a time — ``analyzer.predict``, one
:func:`~carelens.output.result_record` per pair with ``"seq"`` (its 0-based position) added,
then ``store.add_results``. A corpus uploaded with ``helper`` patterns (kept with it in the
store, so a resumed analysis uses the same ones) keeps only the exchanges whose response
speaker matches one, in both reads (:class:`~carelens.readers.helpers.HelperPatterns`):
``total`` counts those and ``left_out`` the others. A corpus with no pair to analyse fails
with a message that says why, for the person who uploaded it: no response by the helpers,
every record rejected (the main reason, where it first happened, and the right format as
advice only when the reason says the file is not in its format), or no message that answers
another (:func:`nothing_to_pair`); a reader's error is reworded for an upload
(:func:`for_upload`: no column map). With a topic model (:class:`TopicAssigner`, by default
``carelens.topics.TopicModel.load()``, see :func:`load_topic_model`), each record also gets
``"topic": {"category", "score"}`` from its seeker text, which the store indexes for the
explorer's topic filter. Work is resumable: the analysis skips the first
``store.stored_seqs(id)`` exchanges, and the store keeps one result per seq, so a corpus
interrupted at any point (even by ``kill -9``) and queued again by :meth:`CorpusWorker.resume`
ends with every pair stored exactly once. Stopping the worker lets the current chunk finish
and leaves the corpus ``running`` for the next start. One corpus holds one model's results:
the worker records its analyzer's ``model_fingerprint`` with each corpus it takes up, and a
corpus begun by another model build (a server restarted with another ``--model``) is started
over — its stored results discarded, a warning logged — rather than finished by this one
(:meth:`CorpusWorker._same_model`). A corpus stored before the store kept the model has
none recorded: its stored results are taken to be this model's and kept.

A store that cannot be reached for a moment (a PostgreSQL restart, a locked or unreadable
SQLite file) does not fail the corpus at once: every store call of the worker that fails
with a :class:`~carelens.store.StoreUnavailableError` is tried again up to ``store_retries``
times, after ``store_retry_delay`` seconds, then twice that, and so on, each retry logged.
Trying ``add_results`` again is safe even when the failed call did commit (a connection lost
at commit time): the store keeps the first record of each seq and counts only rows it
inserted. Any other store error — a missing corpus, a record the database refuses, a
database written by a newer carelens — would fail again, so it fails the corpus at once.
A store that is still down after those retries is an outage, not a fault of the corpus,
so the corpus does not fail: it is *parked* — left ``running`` in the store, as
it is — and queued again after ``requeue_delay`` seconds (doubling while the outage lasts, at
most :data:`MAX_REQUEUE_DELAY`), while the worker goes on with other corpora. The analysis
then resumes where its stored results end, so an outage of any length costs no upload. The
same holds when a corpus that did fail (a bad file) cannot be marked failed: it is parked
until the failure can be written. On stop, parked corpora stay ``running`` and resume on the
next start.
"""

from __future__ import annotations

import json
import logging
import os
import queue
import re
import threading
import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from functools import lru_cache, partial
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from carelens.errors import CarelensError, InputError
from carelens.output import Analyzer, result_record
from carelens.privacy import redact
from carelens.readers import MAX_TEXT_CHARS, RejectLog, read_exchanges, read_records
from carelens.readers import rejects as reasons
from carelens.readers.helpers import HelperPatterns
from carelens.readers.quoting import clip, quote
from carelens.service.errors import log_internal, store_error_text, store_unavailable
from carelens.service.uploads import REJECTS_NAME, corpus_dir, find_upload, sweep_incoming
from carelens.store import CorpusNotFoundError, StoreError
from carelens.types import MAX_ID_CHARS, Exchange

if TYPE_CHECKING:
    from carelens.store import Store

logger = logging.getLogger(__name__)

#: Corpus statuses that still have work to do.
ACTIVE_STATUSES: tuple[str, ...] = ("queued", "running")
#: The module of the topic model the worker uses by default.
TOPICS_MODULE = "carelens.topics"
#: The longest wait (seconds) before a parked corpus is tried again.
MAX_REQUEUE_DELAY = 600.0
#: The most characters of a failed corpus' ``error`` (stored, listed and logged): the readers
#: quote no data in their messages, and this bounds any message that still would.
MAX_ERROR_CHARS = 2000

T = TypeVar("T")


def transient(exc: BaseException) -> bool:
    """True for a store error that may pass when tried again
    (:class:`~carelens.store.StoreUnavailableError`: the database could not be reached, was
    busy or out of resources), not a missing corpus, a refused record or a newer schema."""
    return store_unavailable(exc)


class _Stopped(Exception):
    """The worker was stopped while it waited to try a store call again."""


class TopicAssigner(Protocol):
    """What the worker needs from a topic model (``carelens.topics.TopicModel``)."""

    def assign(self, texts: list[str]) -> Sequence[Any]:
        """One assignment per text, with ``category`` (str or None) and ``score`` (float)."""
        ...


@lru_cache(maxsize=1)
def load_topic_model() -> TopicAssigner | None:
    """The default topic model, ``carelens.topics.TopicModel.load()``, loaded once per process.

    None (and a warning) when this carelens has no ``carelens.topics`` module: records are
    then stored without a ``topic``. Any other failure to load the model is raised.
    """
    try:
        from carelens.topics import TopicModel
    except ModuleNotFoundError as exc:
        if exc.name != TOPICS_MODULE:
            raise
        logger.warning("%s is not available: results are stored without a topic", TOPICS_MODULE)
        return None
    model: TopicAssigner = TopicModel.load()
    return model


def topic_field(assignment: Any) -> dict[str, Any]:
    """The ``topic`` field of a record from one topic assignment."""
    category = getattr(assignment, "category", None)
    score = getattr(assignment, "score", None)
    return {
        "category": category if isinstance(category, str) else None,
        "score": round(float(score), 4) if isinstance(score, int | float) else None,
    }


# -- why a corpus failed, in words for the person who uploaded it -------------------------------

#: Reject reasons that say the file is not what its format reads (another format, binary
#: data, a cut-off file): the advice is to upload it with the right format.
FORMAT_REASONS = frozenset(
    {
        reasons.INVALID_UTF8,
        reasons.MALFORMED_JSON,
        reasons.NOT_AN_OBJECT,
        reasons.MALFORMED_CSV,
        reasons.WRONG_FIELD_COUNT,
        reasons.MALFORMED_XML,
        reasons.UNRECOGNISED_RECORD,
        reasons.TRUNCATED_FILE,
    }
)
#: What to do about the other reasons a record is rejected.
REJECT_ADVICE: dict[str, str] = {
    reasons.TEXT_TOO_LONG: f"a text may have at most {MAX_TEXT_CHARS:,} characters: shorten or "
    "split the longer ones",
    reasons.LINE_TOO_LONG: f"a line may hold a text of at most {MAX_TEXT_CHARS:,} characters: "
    "shorten or split the longer ones",
    reasons.ID_TOO_LONG: f"ids and names may have at most {MAX_ID_CHARS:,} characters: shorten "
    "them",
    reasons.MISSING_ID: "each record needs the fields of a supported layout (see Input formats "
    "in the README): check the field names",
    reasons.MISSING_TEXT: "each record needs the fields of a supported layout (see Input formats "
    "in the README): check the field names",
    reasons.INVALID_VALUE: "each id and text must be a text or a number: check those fields",
    reasons.UNKNOWN_PARENT: "a reply names a message the file does not hold: upload the file "
    "with the messages the replies answer",
    reasons.DUPLICATE_ID: "each message needs an id of its own within its conversation",
    reasons.REPLY_CYCLE: "the replies answer each other in a circle: check reply_to or parent_id",
}
#: A sentence of a reader's message that speaks of a column map, which uploads do not take.
_COLUMN_MAP = re.compile(r"\bcolumn map\b", re.IGNORECASE)
_SENTENCES = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
#: The counts in a reject's detail ("1000001 characters > limit 1000000"), to write with commas.
_COUNTS = re.compile(r"\d{4,}(?= characters\b)|(?<=limit )\d{4,}")


def for_upload(reason: str) -> str:
    """A reader's ``reason`` worded for an upload: its advice to use a column map (the
    command line's ``--column-map``; an upload takes none) replaced, and what to do next."""
    sentences = _SENTENCES.split(reason.strip())
    kept = [s for s in sentences if not _COLUMN_MAP.search(s)]
    if len(kept) < len(sentences):
        kept.append(
            "Name the file's columns as one of these layouts does (an upload takes no "
            "column map; carelens analyze --column-map reads other names)."
        )
    text = " ".join(kept).rstrip().rstrip(".")
    if len(kept) > 1:
        return f"{text}. Fix the file and upload it again"
    return f"{text}; fix the file and upload it again"


def _first_reject(rejects_path: Path, reason: str) -> str:
    """Where the first reject for ``reason`` in the rejects file is, and its detail
    ("line 3, field 'text': 1,000,001 characters > limit 1,000,000"); "" when unknown. The
    rejects file holds no record text, nor does this."""
    try:
        with rejects_path.open(encoding="utf-8") as fh:
            for line in fh:
                try:
                    entry = json.loads(line)
                except ValueError:
                    continue
                if isinstance(entry, dict) and entry.get("reason") == reason:
                    break
            else:
                return ""
    except OSError:
        return ""
    where = []
    if isinstance(entry.get("line"), int):
        where.append(f"line {entry['line']:,}")
    if isinstance(entry.get("field"), str):
        where.append(f"field {quote(entry['field'])}")
    detail = entry.get("detail")
    said = clip(_COUNTS.sub(lambda m: f"{int(m[0]):,}", detail)) if isinstance(detail, str) else ""
    return ", ".join(where) + (f": {said}" if where and said else said)


def all_rejected(rejects: RejectLog, rejects_path: Path, format: str | None) -> str:
    """Why a corpus whose every record was rejected failed: the main reason, where it first
    happened, and what to do (the right format only when the reason says the file is not
    in its format)."""
    reason = max(rejects.counts.items(), key=lambda kv: kv[1])[0]
    which = "its only record was" if rejects.total == 1 else f"all {rejects.total:,} records were"
    mostly = "" if len(rejects.counts) == 1 else "mostly "
    if reason in FORMAT_REASONS:
        return (
            f"nothing could be analysed: {which} rejected ({mostly}{reason!r}); is it really a "
            f"{format or 'supported'} file? Upload it again with the right format, or "
            "without one to have it detected"
        )
    first = _first_reject(rejects_path, reason)
    at = f"; the first at {first}" if first and rejects.total > 1 else f": {first}" if first else ""
    advice = REJECT_ADVICE.get(reason, "fix the file")
    return (
        f"nothing could be analysed: {which} rejected ({mostly}{reason!r}{at}); {advice}, "
        "and upload it again"
    )


def nothing_to_pair(path: Path, format: str | None, skipped: dict[str, int]) -> str:
    """Why a corpus that read without a reject gave no pair to analyse: every reply was
    skipped (replies to deleted posts), the messages answer none of each other, or the
    file holds no message at all; with what the file needs."""
    needs = (
        "the file needs replies: messages that name the one they answer (reply_to, or "
        "parent_id in a thread file), or records that each hold a seeker message and a "
        "response (see Input formats in the README)"
    )
    if skipped:
        listed = ", ".join(
            f"{n:,} {why}" for why, n in sorted(skipped.items(), key=lambda kv: -kv[1])
        )
        return (
            f"nothing could be analysed: no message and reply to it is left once the items "
            f"carelens skips are left out ({listed}); upload a file with replies to messages "
            "that are still there"
        )
    messages = sum(1 for _ in read_records(path, format=format, rejects=RejectLog()))
    if messages == 0:
        return (
            "nothing could be analysed: the file holds no message (it is empty or has only "
            f"blank lines), so there is nothing to analyse; {needs}"
        )
    held = "its one message opens" if messages == 1 else f"its {messages:,} messages each open"
    return (
        f"nothing could be analysed: no message in the file answers another ({held} a "
        f"conversation), so there is nothing to analyse; {needs}"
    )


class CorpusWorker:
    """Analyses queued corpora one at a time on a single background thread.

    ``lock`` (optional) is held around each ``analyzer.predict`` call (and the topic model's
    ``assign``), so the worker and the API's request threads never run the model at the same
    moment. ``topics`` (optional) assigns each seeker text a topic category. With ``redact``
    every stored record has its personal data replaced by placeholders (``result_record(...,
    redact=True)``, as ``carelens analyze --redact``), so do failure messages, and the upload
    is removed once its corpus is done or failed (only a resumed analysis would read it).
    A store call that fails with a transient :class:`~carelens.store.StoreError` is tried
    again up to ``store_retries`` times, waiting ``store_retry_delay`` seconds and twice as
    long each time after; a corpus the store still fails is parked and queued again after
    ``requeue_delay`` seconds (see the module docstring).
    """

    def __init__(
        self,
        store: Store,
        analyzer: Analyzer,
        uploads: Path,
        *,
        chunk_size: int = 64,
        lock: AbstractContextManager[object] | None = None,
        topics: TopicAssigner | None = None,
        redact: bool = False,
        store_retries: int = 3,
        store_retry_delay: float = 1.5,
        requeue_delay: float = 30.0,
    ) -> None:
        if chunk_size < 1:
            raise ValueError("chunk_size must be at least 1")
        if store_retries < 0 or not store_retry_delay >= 0:
            raise ValueError("store_retries and store_retry_delay must be 0 or more")
        if not requeue_delay > 0:
            raise ValueError("requeue_delay must be more than 0 seconds")
        self.store = store
        self.analyzer = analyzer
        self.uploads = uploads
        self.chunk_size = chunk_size
        self.topics = topics
        self.redact = redact
        self.store_retries = store_retries
        self.store_retry_delay = store_retry_delay
        self.requeue_delay = requeue_delay
        #: parked corpus id -> when to queue it again (on time.monotonic())
        self._parked: dict[str, float] = {}
        #: corpus id -> the wait of its last parking, while its outage lasts (it doubles)
        self._park_wait: dict[str, float] = {}
        self._lock: AbstractContextManager[object] = lock if lock is not None else nullcontext()
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._pending: set[str] = set()
        self._outstanding = 0
        self._state = threading.Condition()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def model_fingerprint(self) -> str | None:
        """The fingerprint of the analyzer's model build (its ``model_fingerprint``, see
        :attr:`~carelens.inference.artifact.ModelArtifact.fingerprint`), or None when the
        analyzer has none (a stand-in without a model artifact): then the model a corpus was
        begun with is neither recorded nor checked."""
        fingerprint = getattr(self.analyzer, "model_fingerprint", None)
        return fingerprint if isinstance(fingerprint, str) and fingerprint else None

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
        """Queue every corpus the store has as queued or running; their ids, oldest first.

        Partial uploads a killed server left behind are removed first.
        """
        if removed := sweep_incoming(self.uploads):
            logger.info("removed %d abandoned partial upload(s)", removed)
        active = [c for c in self.store.list_corpora() if c.status in ACTIVE_STATUSES]
        ids = [c.id for c in sorted(active, key=lambda c: (c.created_at, c.id))]
        for corpus_id in ids:
            self.submit(corpus_id)
        if ids:
            logger.info("resuming %d unfinished corpora", len(ids))
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
            wait = self.requeue_delay if last is None else min(last * 2, MAX_REQUEUE_DELAY)
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
        status = self._process(corpus_id)
        with self._state:
            if corpus_id not in self._parked:  # this try was not cut short by an outage
                self._park_wait.pop(corpus_id, None)
        return status

    def _process(self, corpus_id: str) -> str | None:
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
                return self._park(corpus_id, what)
            logger.error("corpus %s: %s; it is left as it is", corpus_id, what)
            return None
        if corpus is None:
            return None
        path = find_upload(self.uploads, corpus.id, corpus.name)
        if corpus.status not in ACTIVE_STATUSES:
            if path is not None:  # finished by a try whose last store call seemed to fail
                self._drop_upload(path)
            return corpus.status
        if path is None:
            return self._fail(
                corpus_id,
                "the uploaded file is missing from the server (the upload was interrupted or "
                "the file was removed); upload it again",
            )
        try:
            return self._analyse(
                corpus_id, path, corpus.format, HelperPatterns(corpus.helpers), corpus.model
            )
        except CorpusNotFoundError:
            logger.info("corpus %s was deleted while being analysed", corpus_id)
            return None
        except _Stopped:
            logger.info(
                "corpus %s: stopped while waiting for the results database; it resumes on restart",
                corpus_id,
            )
            return "running"
        except InputError as exc:  # the file: say where, but not the server's paths
            where = ", ".join(
                [corpus.name]
                + ([f"line {exc.line}"] if exc.line is not None else [])
                + ([f"field {quote(exc.field)}"] if exc.field is not None else [])
            )
            return self._fail(corpus_id, f"{where}: {for_upload(exc.reason)}", path)
        except StoreError as exc:
            if not transient(exc):
                return self._failed_unexpectedly(corpus_id, exc, path)
            return self._park(
                corpus_id,
                f"the results database failed {self.store_retries + 1} time(s) in a row "
                f"({self._describe(exc)})",
            )
        except CarelensError as exc:
            return self._failed_unexpectedly(corpus_id, exc, path)
        except Exception as exc:
            log_internal(logger, f"analysing corpus {corpus_id} failed", exc)
            return self._fail(
                corpus_id,
                f"internal error ({type(exc).__name__}) while analysing; see the server log",
                path,
            )

    def _failed_unexpectedly(
        self, corpus_id: str, exc: CarelensError, upload: Path | None
    ) -> str | None:
        logger.error("analysing corpus %s failed: %s", corpus_id, self._bounded(str(exc)))
        return self._fail(
            corpus_id,
            f"the server could not analyse this corpus ({type(exc).__name__}); see the "
            "server log, then upload it again",
            upload,
        )

    def _bounded(self, message: str) -> str:
        """A failure message to store or log: redacted with ``redact`` (the reason of an input
        error could quote the file), and cut to :data:`MAX_ERROR_CHARS` characters."""
        if self.redact:
            if len(message) > 4 * MAX_ERROR_CHARS:
                # Redacting megabytes takes seconds; the word cut at the end is dropped too,
                # so that no part of an e-mail address or phone number escapes redaction.
                words = message[: 4 * MAX_ERROR_CHARS].rsplit(maxsplit=1)
                message = (words[0] if len(words) > 1 else "") + " …"
            message = redact(message)
        return clip(message, MAX_ERROR_CHARS)

    def _describe(self, exc: BaseException) -> str:
        """A store error for the log (redacted with ``redact``)."""
        return store_error_text(exc, redacted=self.redact)

    def _store_call(self, corpus_id: str, what: str, call: Callable[[], T]) -> T:
        """``call()``, a store call for ``corpus_id`` (``what`` it does, for the log), tried
        again while it fails with a transient store error: at most ``store_retries`` more
        times, with doubling waits, each retry logged. The last error is raised, or
        :class:`_Stopped` when the worker stops during a wait."""
        delay = self.store_retry_delay
        attempt = 0
        while True:
            try:
                return call()
            except StoreError as exc:
                attempt += 1
                if not transient(exc) or attempt > self.store_retries:
                    raise
                logger.warning(
                    "corpus %s: %s failed (%s); trying again in %.3g s (retry %d of %d)",
                    corpus_id,
                    what,
                    self._describe(exc),
                    delay,
                    attempt,
                    self.store_retries,
                )
                if self._stop.wait(delay):
                    raise _Stopped from exc
                delay *= 2

    def _same_model(self, corpus_id: str, recorded: str | None) -> None:
        """Make the corpus this analyzer's: record its model fingerprint when the corpus has
        none, and start the corpus over when another model build began it (its stored
        results deleted, ``done`` back to 0), so one corpus never holds two models' results.
        Nothing is checked when the analyzer has no fingerprint."""
        current = self.model_fingerprint
        if current is None or recorded == current:
            return
        if recorded is None:
            # A new corpus, or one stored before the store kept the model (schema version 8):
            # its stored results, if any, are taken to be this model's, as the server that
            # began it most likely ran the model this one runs; they are kept.
            self._store_call(
                corpus_id,
                "recording the model",
                partial(self.store.set_model, corpus_id, current),
            )
            return
        discarded = self._store_call(
            corpus_id,
            "starting over with this model",
            partial(self.store.restart_corpus, corpus_id, current),
        )
        logger.warning(
            "corpus %s was begun by another build of the model (fingerprint %s) than this "
            "server runs (%s): it starts over with this one, and its %d stored result(s) are "
            "discarded, so that it holds one model's results",
            corpus_id,
            recorded,
            current,
            discarded,
        )

    def _analyse(
        self,
        corpus_id: str,
        path: Path,
        format: str | None,
        helpers: HelperPatterns,
        model: str | None,
    ) -> str | None:
        """Count and analyse the upload at ``path``; ``model`` is the fingerprint the store
        has recorded for the corpus (see :meth:`_same_model`)."""
        folder = corpus_dir(self.uploads, corpus_id)
        rejects_path = folder / REJECTS_NAME
        # Readable by its owner only, like the upload beside it (the log opens it for writing).
        os.close(os.open(rejects_path, os.O_CREAT | os.O_WRONLY, 0o600))
        rejects_path.chmod(0o600)
        left_out = 0

        def leave_out(_: Exchange) -> None:
            nonlocal left_out
            left_out += 1

        with RejectLog(rejects_path) as rejects:
            exchanges = read_exchanges(path, format=format, rejects=rejects)
            total = sum(1 for _ in helpers.keep(exchanges, leave_out))
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
            named = ", ".join(quote(p) for p in helpers.patterns)
            return self._fail(
                corpus_id,
                f"nothing could be analysed: no response of the {left_out:,} read is by a "
                f"speaker that matches the helper patterns ({named}); check the helpers' names "
                "as the file spells them (the speaker, author or response_speaker field) and "
                "upload it again",
                path,
            )
        if total == 0 and rejects.total:
            return self._fail(corpus_id, all_rejected(rejects, rejects_path, format), path)
        if total == 0:
            return self._fail(corpus_id, nothing_to_pair(path, format, rejects.skipped), path)
        self._same_model(corpus_id, model)
        start = self._store_call(
            corpus_id, "reading where to resume", partial(self.store.stored_seqs, corpus_id)
        )
        logger.info("corpus %s: %d pairs, starting at %d", corpus_id, total, start)
        # The same patterns as the count (stored with the corpus), so a resumed analysis
        # gives each exchange the seq it had.
        kept = helpers.keep(read_exchanges(path, format=format, rejects=RejectLog()))
        exchanges = islice(kept, start, None)
        seq = start
        while chunk := list(islice(exchanges, self.chunk_size)):
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
                record = result_record(exchange, analysis, redact=self.redact)
                record["seq"] = seq
                if topics is not None:
                    record["topic"] = topic_field(topics[k])
                records.append(record)
                seq += 1
            # Safe to try again: the store keeps the first record of each seq.
            self._store_call(
                corpus_id,
                f"storing results {records[0]['seq']}-{records[-1]['seq']}",
                partial(self.store.add_results, corpus_id, records),
            )
        self._store_call(
            corpus_id, "marking the corpus done", partial(self.store.set_status, corpus_id, "done")
        )
        logger.info("corpus %s: done (%d pairs)", corpus_id, seq)
        self._drop_upload(path)
        return "done"

    def _fail(self, corpus_id: str, message: str, upload: Path | None = None) -> str | None:
        """Mark the corpus failed with ``message``, then (with ``redact``) remove its
        ``upload``; a store that cannot take the failure now parks the corpus."""
        message = self._bounded(message)
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
            return self._park(corpus_id, f"could not be marked failed ({self._describe(exc)})")
        if upload is not None:
            self._drop_upload(upload)
        return "failed"

    def _drop_upload(self, path: Path) -> None:
        """With ``redact``, remove a finished corpus' upload: it holds the unredacted texts."""
        if self.redact:
            path.unlink(missing_ok=True)
