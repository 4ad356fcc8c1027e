"""The PostgreSQL backend (extra ``serve``): psycopg 3, a small connection pool, GIN search.

Each call borrows a connection from a pool of idle ones (a new one when none is idle) and
gives it back after its transaction, so request threads and the background worker run in
parallel. ``add_results`` locks its corpus row (``SELECT ... FOR UPDATE``) first, so writers
to one corpus take turns and ``done`` stays equal to the stored rows; reads run at
REPEATABLE READ so a page and its total agree. The schema goes in the connection's current
schema (``search_path``); concurrent migrations take an advisory lock. psycopg is imported
only when this backend is used.

Deadlines: connecting is bounded by ``connect_timeout`` and a silent network by TCP
keepalives and ``tcp_user_timeout`` (:data:`CONNECTION_OPTIONS`). A server that hangs on a
host that is still up acknowledges every packet, so none of those fire; each store call
(one transaction) therefore has a deadline of its own, ``query_timeout`` seconds
(:data:`QUERY_TIMEOUT`): the server is asked to cancel a statement that runs longer
(``statement_timeout``), and a watchdog (one thread for the process,
:mod:`carelens.store.watchdog`) shuts the connection's socket from this side when the server
does not answer at all, so the call fails as unavailable instead of waiting. The check of an
idle connection gets as long as a new connection would (``connect_timeout``). Schema
upgrades, which may rewrite every row, have no deadline.

Full-text search: each row's ``search`` column is a ``tsvector`` (GIN index) made from the
distinct words of its texts as :func:`~carelens.store.base.search_document` splits and folds
them (the SQLite index is made from the same words): the word rule of a query's
(:func:`~carelens.store.base.search_words`), accents removed and case folded in Python, so
PostgreSQL's own parser, which keeps host names or version numbers whole and on a C-locale
cluster lower-cases only ASCII (and takes any other character for a letter), sees the same
words in a text and in a query. PostgreSQL then stems them (``english``). Queries use
``plainto_tsquery`` over the query's words, folded alike and at most
:data:`~carelens.store.base.MAX_QUERY_WORDS` of them. Distinct words only, at most
:data:`~carelens.store.base.MAX_SEARCH_BYTES` of them, keep every
``tsvector`` far under PostgreSQL's 1 MiB limit.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from carelens.errors import MissingExtraError
from carelens.store.base import (
    MAX_SEARCH_BYTES,
    PreparedRecord,
    folding_splits,
    search_document,
)
from carelens.store.errors import StoreError, StoreFaultError, StoreUnavailableError
from carelens.store.sql import (
    MigrationStep,
    SQLStore,
    Tx,
    fill_attention,
    fill_timestamps,
    fill_topic_and_conversation,
    rows_by_id,
)
from carelens.store.watchdog import WATCHDOG, Deadline

if TYPE_CHECKING:
    import psycopg

logger = logging.getLogger(__name__)

#: Idle connections kept for reuse (more may be open while busy).
MAX_IDLE = 8
#: pg_advisory_xact_lock key that serialises schema migrations ("carelens" in ASCII).
_MIGRATION_LOCK = 0x636172656C656E73
#: Seconds to wait for a connection when the URL sets no ``connect_timeout``: without one,
#: libpq waits as long as the operating system does (minutes) for a host that does not
#: answer, and a request or the worker hangs with it.
CONNECT_TIMEOUT = 10
#: libpq options that notice a server gone silent on an open connection (packets dropped):
#: TCP keepalives on an idle connection (first probe after 10 s, then every 5 s, 3 misses)
#: and, for a query sent but never acknowledged, ``tcp_user_timeout`` (ms). Each applies
#: unless the URL (or the matching ``PG*`` environment variable) sets it.
CONNECTION_OPTIONS: dict[str, int] = {
    "connect_timeout": CONNECT_TIMEOUT,
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 3,
    "tcp_user_timeout": 30_000,
}
#: Seconds one store call (a transaction) may take by default; see the module docstring.
QUERY_TIMEOUT = 60.0
#: Seconds the watchdog waits beyond ``statement_timeout`` before it shuts the socket, so a
#: server that answers cancels the statement itself (and keeps the connection usable).
_WATCHDOG_GRACE = 2.0
#: SQLSTATE classes of errors that pass with time: connection exceptions (08), insufficient
#: resources (53), operator intervention such as a shutdown (57); and single codes for a
#: serialisation failure, a deadlock and a lock not available.
_TRANSIENT_CLASSES = ("08", "53", "57")
_TRANSIENT_STATES = ("40001", "40P01", "55P03")
#: SQLSTATEs of faults the database's operator must fix, whose messages name the fault and
#: quote no stored data (:class:`~carelens.store.errors.StoreFaultError`): no privilege
#: (42501), a read-only transaction (25006: a standby server), data or an index corrupted
#: (XX001, XX002).
_FAULT_STATES = ("42501", "25006", "XX001", "XX002")


def transient_error(exc: BaseException) -> bool:
    """Whether a psycopg error may pass when tried again (see :data:`_TRANSIENT_CLASSES`).
    An error without a SQLSTATE was raised by the client: the connection failed or was lost,
    unless it is a :class:`psycopg.DataError`, :class:`psycopg.ProgrammingError` or
    :class:`psycopg.NotSupportedError`, which the client raises about a value or a statement
    before sending anything (a NUL in a text, a type it cannot adapt). Anything else (a value
    too long for an index, a constraint) fails the same way again."""
    state = getattr(exc, "sqlstate", None)
    if state:
        return state[:2] in _TRANSIENT_CLASSES or state in _TRANSIENT_STATES
    try:
        import psycopg
    except ImportError:  # then no psycopg error to tell apart
        return True
    refused = (psycopg.DataError, psycopg.ProgrammingError, psycopg.NotSupportedError)
    return not isinstance(exc, refused)


_SCHEMA_V1: tuple[str, ...] = (
    """CREATE TABLE corpora (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        format TEXT,
        status TEXT NOT NULL,
        total BIGINT,
        done BIGINT NOT NULL DEFAULT 0,
        rejected BIGINT NOT NULL DEFAULT 0,
        error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX corpora_created ON corpora (created_at)",
    """CREATE TABLE results (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        corpus_id TEXT NOT NULL REFERENCES corpora (id) ON DELETE CASCADE,
        seq BIGINT NOT NULL,
        response_id TEXT,
        helper TEXT,
        community TEXT,
        timestamp_utc TEXT,
        style TEXT,
        seeker_text TEXT,
        response_text TEXT,
        record TEXT NOT NULL,
        search tsvector GENERATED ALWAYS AS (
            to_tsvector('english', coalesce(seeker_text, '') || ' ' || coalesce(response_text, ''))
        ) STORED,
        UNIQUE (corpus_id, seq)
    )""",
    "CREATE INDEX results_style ON results (corpus_id, style, seq)",
    "CREATE INDEX results_helper ON results (corpus_id, helper, seq)",
    "CREATE INDEX results_time ON results (corpus_id, timestamp_utc)",
    "CREATE INDEX results_search ON results USING GIN (search)",
    """CREATE TABLE result_levels (
        result_id BIGINT NOT NULL REFERENCES results (id) ON DELETE CASCADE,
        dimension TEXT NOT NULL,
        level INTEGER NOT NULL,
        PRIMARY KEY (result_id, dimension)
    )""",
    "CREATE INDEX result_levels_dimension ON result_levels (dimension, level)",
    """CREATE TABLE api_keys (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        secret_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        revoked_at TEXT
    )""",
)


def _fill_search(tx: Tx, *, only: Callable[[str | None, str | None], bool] | None = None) -> None:
    """The ``search`` column again from each row's texts, a batch of rows at a time; with
    ``only``, for the rows whose (seeker, response) texts it accepts."""
    for rows in rows_by_id(tx, "seeker_text, response_text"):
        updates = [
            (search_document(seeker, response), result_id)
            for result_id, seeker, response in rows
            if only is None or only(seeker, response)
        ]
        if updates:
            tx.executemany(
                "UPDATE results SET search = to_tsvector('english', ?) WHERE id = ?", updates
            )


def _document_changed(seeker: str | None, response: str | None) -> bool:
    """Whether schema version 6 changed a row's search document in a way PostgreSQL's
    index shows: a word that folds to several (:func:`folding_splits`), or texts long enough
    that the document may have reached :data:`MAX_SEARCH_BYTES`, where the folded stop
    words it no longer holds left room for other words."""
    size = sum(len(text.encode("utf-8", "replace")) for text in (seeker, response) if text)
    return size >= MAX_SEARCH_BYTES or folding_splits(seeker) or folding_splits(response)


def _fill_changed_search(tx: Tx) -> None:
    """Schema version 6: the ``search`` column again for the rows whose document changed
    (:func:`_document_changed`)."""
    _fill_search(tx, only=_document_changed)


#: Version 2: the topic category and the conversation id get columns of their own, filled
#: from each stored record's JSON by :func:`fill_topic_and_conversation`.
_SCHEMA_V2: tuple[MigrationStep, ...] = (
    "ALTER TABLE results ADD COLUMN topic TEXT",
    "ALTER TABLE results ADD COLUMN conversation_id TEXT",
    fill_topic_and_conversation,
    "CREATE INDEX results_topic ON results (corpus_id, topic, seq)",
    "CREATE INDEX results_conversation ON results (corpus_id, conversation_id, seq)",
)

#: Version 3: whether a record needs a person to read it — crisis cues in the seeker message,
#: unsafe wording in the reply — gets two 0 / 1 columns (the ``attention`` filter), filled
#: from the stored JSON by :func:`fill_attention`; the partial indexes hold only the few
#: rows that have them.
_SCHEMA_V3: tuple[MigrationStep, ...] = (
    "ALTER TABLE results ADD COLUMN crisis_cues INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE results ADD COLUMN unsafe_reply INTEGER NOT NULL DEFAULT 0",
    fill_attention,
    "CREATE INDEX results_crisis ON results (corpus_id, seq) WHERE crisis_cues = 1",
    "CREATE INDEX results_unsafe ON results (corpus_id, seq) WHERE unsafe_reply = 1",
)

#: Version 4: the ``search`` column stops being generated by PostgreSQL from the raw texts;
#: carelens writes it from :func:`search_document` (see the module docstring), and the
#: stored rows are indexed again by :func:`_fill_search`.
_SCHEMA_V4: tuple[MigrationStep, ...] = (
    "ALTER TABLE results DROP COLUMN search",
    "ALTER TABLE results ADD COLUMN search tsvector",
    _fill_search,
    "CREATE INDEX results_search ON results USING GIN (search)",
)

#: Version 5: ``timestamp_utc`` read as the pages read a time (see :func:`fill_timestamps`).
_SCHEMA_V5: tuple[MigrationStep, ...] = (fill_timestamps,)

#: Version 6: a word that folds to several (``½``: 1, FRACTION SLASH, 2) is indexed as those words,
#: as SQLite's tokenizer splits it, where PostgreSQL's parser kept it whole on a C-locale
#: cluster; the rows where that changes the index are indexed again
#: (:func:`_fill_changed_search`). Stop words are now left out after folding, which
#: ``to_tsvector`` did anyway.
_SCHEMA_V6: tuple[MigrationStep, ...] = (_fill_changed_search,)

#: Version 7: a corpus keeps the helper patterns its upload named (a JSON array of strings;
#: ``[]``, every response analysed, for the corpora stored before) and how many responses
#: they left out (NULL until the file has been counted; 0 for the corpora counted before,
#: which left none out).
_SCHEMA_V7: tuple[MigrationStep, ...] = (
    "ALTER TABLE corpora ADD COLUMN helpers TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE corpora ADD COLUMN left_out BIGINT",
    "UPDATE corpora SET left_out = 0 WHERE total IS NOT NULL",
)

#: Version 8: a corpus keeps the fingerprint of the model build that analyses it
#: (:attr:`~carelens.inference.artifact.ModelArtifact.fingerprint`), so that a server running
#: another model starts it over rather than mixing two models' results, and whether its texts
#: are redacted (``serve --redact``), so that a server with the other setting starts it over
#: rather than mixing redacted and unredacted texts; NULL for the corpora stored before,
#: until a worker takes one up again and records what it runs.
_SCHEMA_V8: tuple[MigrationStep, ...] = (
    "ALTER TABLE corpora ADD COLUMN model TEXT",
    "ALTER TABLE corpora ADD COLUMN redacted BOOLEAN",
)

#: Version 9: a corpus keeps the id of the uploads folder that holds its file (the server
#: that received it), so that a server analyses only the corpora whose file it holds; NULL
#: for the corpora stored before, which any server takes up as before.
_SCHEMA_V9: tuple[MigrationStep, ...] = ("ALTER TABLE corpora ADD COLUMN upload_folder TEXT",)


def redact_url(url: str) -> str:
    """``url`` for messages and logs: scheme, user, host, port and database, never a password.

    Read by hand rather than by ``urlsplit``, which finds no password when it holds an
    unencoded ``#``, ``/`` or ``?``: everything before the last ``@`` is the user (and
    password), and the query (which may carry ``password=``) is shown as ``?…``. A string
    without ``://`` (a libpq ``key=value`` string) is not shown at all.
    """
    scheme, sep, rest = url.partition("://")
    if not sep:
        return "(a connection string, not shown)"
    user, at, host = rest.rpartition("@")
    if at:
        name, colon, _ = user.partition(":")
        user_part = f"{name}:***@" if colon else f"{name}@"
    else:
        user_part, host = "", rest
    host, question, _ = host.partition("?")
    return f"{scheme}://{user_part}{host}{'?…' if question else ''}"


def url_secrets(url: str) -> list[str]:
    """The password of ``url`` as written and percent-decoded, and every ``password=`` value
    of its query or key=value form: what a driver message quoting the URL must not show."""
    secrets: list[str] = []
    _, sep, rest = url.partition("://")
    user, at, _ = rest.rpartition("@") if sep else ("", "", "")
    if at and ":" in user:
        secrets.append(user.partition(":")[2])
    secrets += re.findall(r"password\s*=\s*'?([^&\s']+)", url)
    found = {s for s in secrets if s} | {unquote(s) for s in secrets if s}
    return sorted(found, key=len, reverse=True)


def scrub(message: str, url: str) -> str:
    """``message`` with ``url`` and its secrets (:func:`url_secrets`) replaced."""
    message = message.replace(url, redact_url(url))
    for secret in url_secrets(url):
        message = message.replace(secret, "***")
    return message


def _number(text: str | int | None, default: int) -> float:
    """A connection option's value as a number (``default`` when it is not one)."""
    try:
        return float(text if text is not None else default)
    except ValueError:
        return float(default)


def _placeholders(sql: str) -> str:
    # The shared SQL never contains a literal "?" or "%", so this is a plain swap.
    return sql.replace("?", "%s")


class _PostgresTx:
    def __init__(self, connection: psycopg.Connection[tuple[Any, ...]]) -> None:
        self._connection = connection

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        cursor = self._connection.execute(_placeholders(sql), params)
        return cursor.fetchall() if cursor.description is not None else []

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self._connection.cursor() as cursor:
            cursor.executemany(_placeholders(sql), rows)


class PostgresStore(SQLStore):
    """Results, corpora and API keys in a PostgreSQL database given by a libpq URL.

    ``query_timeout`` is how many seconds one store call may take (see the module
    docstring); None means no deadline.
    """

    _LOCK_CORPUS_SQL = "SELECT done FROM corpora WHERE id = ? FOR UPDATE"
    # A row lock needs the UPDATE privilege and a server that takes writes, and leaves no
    # dead row behind (an UPDATE rolled back would, at every health check).
    _WRITE_PROBE_SQL = "SELECT version FROM schema_version ORDER BY version DESC LIMIT 1 FOR UPDATE"
    _SEARCH_COLUMN = ("search", "to_tsvector('english', ?)")

    def __init__(self, url: str, *, query_timeout: float | None = QUERY_TIMEOUT) -> None:
        try:
            import psycopg  # noqa: F401
        except ImportError as exc:
            raise MissingExtraError("psycopg", "serve") from exc
        if query_timeout is not None and not query_timeout > 0:
            raise ValueError(f"query_timeout must be more than 0 seconds, not {query_timeout}")
        self.url = url
        self.where = redact_url(url)
        self.query_timeout = query_timeout
        self._pool_lock = threading.Lock()
        self._idle: list[psycopg.Connection[tuple[Any, ...]]] = []
        self._closed = False
        #: True while the schema is upgraded (in the constructor): no deadline then.
        self._migrating = False
        #: Seconds an idle connection's check may take: as long as a new connection
        #: (``connect_timeout``; libpq's 0 waits for ever, and then so does the check
        #: unless there is a query deadline).
        connect_s = float(self._options(given_too=True)["connect_timeout"])
        self._check_timeout = connect_s if connect_s > 0 else query_timeout
        try:
            self._migrating = True
            self._migrate()
        except BaseException:
            self.close()
            raise
        finally:
            self._migrating = False
        logger.debug("opened PostgreSQL store %s", self.where)

    def _connect(self) -> psycopg.Connection[tuple[Any, ...]]:
        import psycopg

        try:
            connection = psycopg.connect(self.url, autocommit=True, **self._options())
        except psycopg.Error as exc:
            raise StoreUnavailableError(
                f"cannot connect to PostgreSQL at {self.where}: {scrub(str(exc), self.url)}"
            ) from exc
        if self.query_timeout is not None:
            # The server cancels a statement past the deadline itself when it can.
            milliseconds = str(max(1, round(self.query_timeout * 1000)))
            try:
                with self._deadline(connection, self._check_timeout):
                    connection.execute(
                        "SELECT set_config('statement_timeout', %s, false)", [milliseconds]
                    )
            except psycopg.Error as exc:
                connection.close()
                raise self._error(exc, None) from exc
        return connection

    def _options(self, *, given_too: bool = False) -> dict[str, Any]:
        """:data:`CONNECTION_OPTIONS` less those the URL or the environment set; with
        ``given_too``, every option with the value in effect (the URL's, the environment's,
        else the default)."""
        from psycopg.conninfo import conninfo_to_dict

        try:
            given = conninfo_to_dict(self.url)
        except Exception:  # psycopg.connect reports a malformed URL itself
            given = {}
        options: dict[str, Any] = {}
        for name, value in CONNECTION_OPTIONS.items():
            if name in given:
                if given_too:
                    options[name] = _number(given[name], value)
            elif f"PG{name.upper()}" in os.environ:
                if given_too:
                    options[name] = _number(os.environ[f"PG{name.upper()}"], value)
            else:
                options[name] = value
        return options

    @contextmanager
    def _deadline(
        self, connection: psycopg.Connection[tuple[Any, ...]], seconds: float | None
    ) -> Iterator[Deadline | None]:
        """Run the block with ``connection`` armed on the watchdog (not for None)."""
        if seconds is None:
            yield None
            return
        call = WATCHDOG.arm(connection, seconds)
        try:
            yield call
        finally:
            WATCHDOG.disarm(call)

    def _error(self, exc: BaseException, watchdog: Deadline | None) -> StoreError:
        """The store error for a psycopg error: unavailable when it may pass (or the
        deadline closed the connection), else a plain StoreError."""
        if watchdog is not None and watchdog.fired:
            return StoreUnavailableError(
                f"PostgreSQL at {self.where}: no answer within {watchdog.seconds:g} s; "
                "the connection was closed"
            )
        error: type[StoreError] = StoreError
        if transient_error(exc):
            error = StoreUnavailableError
        elif getattr(exc, "sqlstate", None) in _FAULT_STATES:
            error = StoreFaultError
        return error(f"PostgreSQL at {self.where}: {scrub(str(exc), self.url)}")

    def _acquire(self) -> psycopg.Connection[tuple[Any, ...]]:
        """An idle connection that still answers, else a new one. An idle connection dies
        when the server restarts, and would fail the next transaction (a corpus being
        analysed then stopped and could not even be marked failed). When one idle connection
        fails its check, the others are dropped unchecked: they reach the same server, and
        checking each against a host that went silent would cost ``tcp_user_timeout`` apiece
        (docs/reliability.md, O5)."""
        import psycopg

        with self._pool_lock:
            if self._closed:
                raise StoreError(f"{self.where}: the store is closed")
            connection = self._idle.pop() if self._idle else None
        if connection is None:
            return self._connect()
        try:
            # no longer than a new connection may take: a server that hangs on a live host
            # acknowledges the query, and only this deadline ends the wait (O6)
            with self._deadline(connection, self._check_timeout) as watchdog:
                connection.execute("SELECT 1")
            if not (watchdog is not None and watchdog.fired):
                return connection
        except psycopg.Error:
            pass
        connection.close()
        with self._pool_lock:
            stale, self._idle = self._idle, []
        for other in stale:
            other.close()
        logger.info(
            "PostgreSQL store %s: an idle connection was dead; dropped it and %d other idle "
            "connections",
            self.where,
            len(stale),
        )
        return self._connect()

    def _release(self, connection: psycopg.Connection[tuple[Any, ...]]) -> None:
        from psycopg.pq import TransactionStatus

        reusable = (
            not connection.closed
            and not connection.broken
            and connection.info.transaction_status == TransactionStatus.IDLE
        )
        with self._pool_lock:
            if reusable and not self._closed and len(self._idle) < MAX_IDLE:
                self._idle.append(connection)
                return
        connection.close()

    @contextmanager
    def _transaction(self, *, write: bool) -> Iterator[Tx]:
        import psycopg

        connection = self._acquire()
        seconds = None
        if self.query_timeout is not None and not self._migrating:
            seconds = self.query_timeout + _WATCHDOG_GRACE
        watchdog: Deadline | None = None
        try:
            with self._deadline(connection, seconds) as watchdog, connection.transaction():
                if self._migrating:
                    connection.execute("SET LOCAL statement_timeout = 0")
                if not write:
                    connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                yield _PostgresTx(connection)
        except psycopg.Error as exc:
            raise self._error(exc, watchdog) from exc
        finally:
            if watchdog is not None and watchdog.fired:
                connection.close()  # its socket is shut: never pooled again
            else:
                self._release(connection)

    def _migrations(self) -> Sequence[Sequence[MigrationStep]]:
        return (
            _SCHEMA_V1,
            _SCHEMA_V2,
            _SCHEMA_V3,
            _SCHEMA_V4,
            _SCHEMA_V5,
            _SCHEMA_V6,
            _SCHEMA_V7,
            _SCHEMA_V8,
            _SCHEMA_V9,
        )

    def _lock_schema(self, tx: Tx) -> None:
        tx.execute("SELECT pg_advisory_xact_lock(?)", (_MIGRATION_LOCK,))

    def _columns(self, tx: Tx, table: str) -> list[str]:
        # current_schema(): the first schema of the search path, where the tables are made
        rows = tx.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position",
            (table,),
        )
        return [str(row[0]) for row in rows]

    def _tables(self, tx: Tx) -> list[str]:
        rows = tx.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() ORDER BY table_name"
        )
        return [str(row[0]) for row in rows]

    def _search_value(self, record: PreparedRecord) -> str:
        return search_document(record.seeker_text, record.response_text)

    def _text_match(self, words: Sequence[str]) -> tuple[str, list[Any]]:
        return "r.search @@ plainto_tsquery('english', ?)", [" ".join(words)]

    def close(self) -> None:
        with self._pool_lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for connection in idle:
            connection.close()
