"""The SQLite backend: one file, WAL mode, FTS5 full-text search (the default store).

One connection serves every thread, behind a lock: the service's background worker and its
request threads take turns, each statement being short. Other processes may open the same
file; WAL lets them read while one writes, and a 30 s busy timeout makes writers wait for
each other. Write transactions start with ``BEGIN IMMEDIATE`` so two writers never deadlock
upgrading a read lock. The search index is an FTS5 table (``porter unicode61`` tokenizer) of
each result's distinct words as :func:`~carelens.store.base.search_document` splits and folds
them — the words PostgreSQL indexes, so both backends find the same records — written by
triggers inside the writing transaction through the SQL function ``carelens_search_words``,
which every connection of this store registers (a tool that changes a text without it gets
"no such function"). A new database file is created readable by its owner only (it holds
conversations and key hashes). Deleted rows are overwritten (``secure_delete``), and deleting
a corpus or starting one over also merges the search index and empties the write-ahead log
(:meth:`SQLiteStore._forget_deleted`), so the deleted texts leave the files. A deletion
records in the same transaction that this is due (the one-row table ``pending_forget``), and
the merge clears the record: when the merge fails (a full disk), the deletion stands, and
the next deletion, or the next opening of the store, merges again. An error whose cause its
operator must fix (a read-only or corrupt file) is a
:class:`~carelens.store.errors.StoreFaultError` that carries SQLite's own message.
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from carelens.store.base import now_iso, search_document
from carelens.store.errors import StoreError, StoreFaultError, StoreUnavailableError
from carelens.store.sql import (
    MigrationStep,
    SQLStore,
    Tx,
    fill_attention,
    fill_timestamps,
    fill_topic_and_conversation,
)

logger = logging.getLogger(__name__)

#: The SQL function the search triggers call: :func:`search_document` of the two texts.
SEARCH_FUNCTION = "carelens_search_words"
#: RETURNING and ON CONFLICT DO NOTHING need SQLite 3.35 (2021).
MIN_SQLITE = (3, 35, 0)
#: Seconds a writer waits for another connection's write lock before giving up.
BUSY_TIMEOUT_S = 30.0

_SCHEMA_V1: tuple[str, ...] = (
    """CREATE TABLE corpora (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        format TEXT,
        status TEXT NOT NULL,
        total INTEGER,
        done INTEGER NOT NULL DEFAULT 0,
        rejected INTEGER NOT NULL DEFAULT 0,
        error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX corpora_created ON corpora (created_at)",
    """CREATE TABLE results (
        id INTEGER PRIMARY KEY,
        corpus_id TEXT NOT NULL REFERENCES corpora (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        response_id TEXT,
        helper TEXT,
        community TEXT,
        timestamp_utc TEXT,
        style TEXT,
        seeker_text TEXT,
        response_text TEXT,
        record TEXT NOT NULL,
        UNIQUE (corpus_id, seq)
    )""",
    "CREATE INDEX results_style ON results (corpus_id, style, seq)",
    "CREATE INDEX results_helper ON results (corpus_id, helper, seq)",
    "CREATE INDEX results_time ON results (corpus_id, timestamp_utc)",
    """CREATE TABLE result_levels (
        result_id INTEGER NOT NULL REFERENCES results (id) ON DELETE CASCADE,
        dimension TEXT NOT NULL,
        level INTEGER NOT NULL,
        PRIMARY KEY (result_id, dimension)
    ) WITHOUT ROWID""",
    "CREATE INDEX result_levels_dimension ON result_levels (dimension, level)",
    """CREATE VIRTUAL TABLE results_fts USING fts5 (
        seeker_text, response_text,
        content = 'results', content_rowid = 'id',
        tokenize = 'porter unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER results_fts_insert AFTER INSERT ON results BEGIN
        INSERT INTO results_fts (rowid, seeker_text, response_text)
        VALUES (new.id, new.seeker_text, new.response_text);
    END""",
    """CREATE TRIGGER results_fts_delete AFTER DELETE ON results BEGIN
        INSERT INTO results_fts (results_fts, rowid, seeker_text, response_text)
        VALUES ('delete', old.id, old.seeker_text, old.response_text);
    END""",
    """CREATE TRIGGER results_fts_update AFTER UPDATE ON results BEGIN
        INSERT INTO results_fts (results_fts, rowid, seeker_text, response_text)
        VALUES ('delete', old.id, old.seeker_text, old.response_text);
        INSERT INTO results_fts (rowid, seeker_text, response_text)
        VALUES (new.id, new.seeker_text, new.response_text);
    END""",
    """CREATE TABLE api_keys (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        secret_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        revoked_at TEXT
    )""",
)

#: Version 2: the topic category and the conversation id get columns of their own (filters
#: of the explorer), filled from the stored JSON by :func:`fill_topic_and_conversation` as
#: a new record's are (SQLite's ``json_extract`` cut them at an escaped NUL); the search
#: index is rewritten only when a text changes (so filling the new columns leaves it alone).
_SCHEMA_V2: tuple[MigrationStep, ...] = (
    "ALTER TABLE results ADD COLUMN topic TEXT",
    "ALTER TABLE results ADD COLUMN conversation_id TEXT",
    "DROP TRIGGER results_fts_update",
    """CREATE TRIGGER results_fts_update AFTER UPDATE OF seeker_text, response_text ON results
    BEGIN
        INSERT INTO results_fts (results_fts, rowid, seeker_text, response_text)
        VALUES ('delete', old.id, old.seeker_text, old.response_text);
        INSERT INTO results_fts (rowid, seeker_text, response_text)
        VALUES (new.id, new.seeker_text, new.response_text);
    END""",
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

#: Version 4 changed PostgreSQL's search column only.
_SCHEMA_V4: tuple[MigrationStep, ...] = ()

#: Version 5: ``timestamp_utc`` read as the pages read a time (see :func:`fill_timestamps`);
#: and the search index made of the words PostgreSQL indexes (:func:`search_document`: split
#: as queries are, accents removed in every script, compatibility forms decomposed), where
#: FTS5's own tokenizer removed accents from Latin letters only.
_SCHEMA_V5: tuple[MigrationStep, ...] = (
    fill_timestamps,
    "DROP TRIGGER results_fts_insert",
    "DROP TRIGGER results_fts_delete",
    "DROP TRIGGER results_fts_update",
    "DROP TABLE results_fts",
    """CREATE VIRTUAL TABLE results_search USING fts5 (
        words, tokenize = 'porter unicode61 remove_diacritics 2'
    )""",
    f"""CREATE TRIGGER results_search_insert AFTER INSERT ON results BEGIN
        INSERT INTO results_search (rowid, words)
        VALUES (new.id, {SEARCH_FUNCTION}(new.seeker_text, new.response_text));
    END""",
    """CREATE TRIGGER results_search_delete AFTER DELETE ON results BEGIN
        DELETE FROM results_search WHERE rowid = old.id;
    END""",
    f"""CREATE TRIGGER results_search_update AFTER UPDATE OF seeker_text, response_text
    ON results BEGIN
        UPDATE results_search SET words = {SEARCH_FUNCTION}(new.seeker_text, new.response_text)
        WHERE rowid = new.id;
    END""",
    f"""INSERT INTO results_search (rowid, words)
        SELECT id, {SEARCH_FUNCTION}(seeker_text, response_text) FROM results""",
)

#: Version 6 indexed again on PostgreSQL the texts with a word that folds to several
#: (``½``: 1, FRACTION SLASH, 2). FTS5's tokenizer already split such a word where SQLite's
#: index holds it, and the stop words that older search documents still hold (``á`` folded
#: to ``a``) are never searched for now, so this index answers as before.
_SCHEMA_V6: tuple[MigrationStep, ...] = ()

#: Version 7: a corpus keeps the helper patterns its upload named (a JSON array of strings;
#: ``[]``, every response analysed, for the corpora stored before) and how many responses
#: they left out (NULL until the file has been counted; 0 for the corpora counted before,
#: which left none out).
_SCHEMA_V7: tuple[MigrationStep, ...] = (
    "ALTER TABLE corpora ADD COLUMN helpers TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE corpora ADD COLUMN left_out INTEGER",
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
    "ALTER TABLE corpora ADD COLUMN redacted INTEGER",
)

#: Version 9: a corpus keeps the id of the uploads folder that holds its file (the server
#: that received it), so that a server analyses only the corpora whose file it holds (NULL
#: for the corpora stored before, which any server takes up as before); and a deletion
#: records in ``pending_forget`` (one row at most) that the search index is to be merged,
#: until the merge has run (see :meth:`SQLiteStore._forget_deleted`).
_SCHEMA_V9: tuple[MigrationStep, ...] = (
    "ALTER TABLE corpora ADD COLUMN upload_folder TEXT",
    """CREATE TABLE pending_forget (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        since TEXT NOT NULL
    )""",
)


class _SQLiteTx:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self._connection.execute(sql, params).fetchall()

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self._connection.executemany(sql, rows)


def _create_private(path: Path) -> None:
    """Create an empty file readable and writable by its owner only, if it is missing."""
    with suppress(FileExistsError):
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


#: OS errors of a path that cannot name a database file, however often it is tried: a part
#: of it is a file, or a folder where the file should be, a name too long, a symlink loop.
_PATH_ERRNOS = frozenset({errno.ENOTDIR, errno.EISDIR, errno.ENAMETOOLONG, errno.ELOOP})


def _prepare_file(path: str) -> None:
    """Make the database file (and its folder) when missing, or StoreError for a path that
    can never be one: a folder, or a path through a file (``ENOTDIR``). Those fail the same
    way every time, so they are no :class:`StoreUnavailableError` (which a service retries
    and reports as "try again later"); other OS errors (no permission, disk full) may
    pass."""
    file = Path(path)
    try:
        if file.is_dir():
            raise StoreError(f"{path}: is a folder, not a database file; name a file in it")
        if not file.parent.exists():
            file.parent.mkdir(parents=True, mode=0o700)
        _create_private(file)
    except OSError as exc:
        error = StoreError if exc.errno in _PATH_ERRNOS else StoreUnavailableError
        raise error(f"{path}: cannot open the SQLite store: {exc}") from exc
    except ValueError as exc:  # a NUL in the path
        raise StoreError(f"{path!r}: cannot open the SQLite store: {exc}") from exc


#: SQLite primary result codes of errors that may pass: busy (5), locked (6), out of memory
#: (7), I/O error (10), disk full (13), cannot open (14), locking protocol (15).
_TRANSIENT_CODES = frozenset({5, 6, 7, 10, 13, 14, 15})
#: SQLite primary result codes of faults the file's owner must fix: no permission (3),
#: read-only (8), corrupt (11), not a database (26). SQLite's messages for them name the
#: fault and quote no stored text.
_FAULT_CODES = frozenset({3, 8, 11, 26})


def _error(message: str, exc: sqlite3.Error) -> StoreError:
    """A StoreError for ``exc``: :class:`StoreUnavailableError` when trying again may help
    (the file is locked by another writer, unreadable for now, the disk full),
    :class:`StoreFaultError` for a fault of the file (read-only, corrupt: its message ends
    with SQLite's name of the error, ``SQLITE_READONLY``)."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = None if code is None else code & 0xFF
    if primary in _TRANSIENT_CODES:
        return StoreUnavailableError(message)
    if primary in _FAULT_CODES:
        name = getattr(exc, "sqlite_errorname", None)
        return StoreFaultError(f"{message} ({name})" if name else message)
    return StoreError(message)


class SQLiteStore(SQLStore):
    """Results, corpora and API keys in one SQLite file (or ``":memory:"``)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        if sqlite3.sqlite_version_info < MIN_SQLITE:
            raise StoreError(
                f"SQLite {sqlite3.sqlite_version} is too old for the carelens store "
                f"(needs {'.'.join(map(str, MIN_SQLITE))}+); use a newer Python or PostgreSQL"
            )
        self.path = os.fspath(path)
        self.where = self.path
        self._lock = threading.RLock()
        self._closed = False
        #: Whether the schema has ``pending_forget`` (version 9; a test may open an older one).
        self._pending_table = False
        memory = self.path == ":memory:"
        if not memory:
            _prepare_file(self.path)
        try:
            self._connection = sqlite3.connect(
                self.path,
                timeout=BUSY_TIMEOUT_S,
                isolation_level=None,
                check_same_thread=False,
            )
        except sqlite3.Error as exc:
            raise _error(f"{self.path}: cannot open the SQLite store: {exc}", exc) from exc
        try:
            self._configure(memory)
            self._migrate()  # before WAL mode, which writes the file: not another's
            if not memory:
                self._use_wal()
            pending = self._forget_pending()
        except sqlite3.Error as exc:
            self._connection.close()
            raise _error(f"{self.path}: cannot open the SQLite store: {exc}", exc) from exc
        except BaseException:
            self._connection.close()
            raise
        if pending:  # a deletion whose merge failed (a full disk) before this opening
            self._forget_safely()
        logger.debug("opened SQLite store %s", self.path)

    def _configure(self, memory: bool) -> None:
        """The search function and the settings of the connection (see the module
        docstring); WAL mode follows the schema (:meth:`_use_wal`)."""
        connection = self._connection
        connection.create_function(SEARCH_FUNCTION, 2, search_document, deterministic=True)
        connection.execute("PRAGMA foreign_keys = ON")
        # a deleted row's bytes are overwritten with zeros, not left in free space (builds
        # differ in their default)
        connection.execute("PRAGMA secure_delete = ON")
        if not memory:
            connection.execute("PRAGMA synchronous = NORMAL")

    def _use_wal(self) -> None:
        """Switch the file to WAL mode (kept in the file; once the schema is known to be
        carelens', since the switch writes the file's header)."""
        mode = self._connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            logger.warning("%s: could not switch to WAL mode (got %s)", self.path, mode)

    @contextmanager
    def _transaction(self, *, write: bool) -> Iterator[Tx]:
        with self._lock:
            if self._closed:
                raise StoreError(f"{self.path}: the store is closed")
            connection = self._connection
            try:
                connection.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            except sqlite3.Error as exc:
                raise _error(f"{self.path}: cannot start a transaction: {exc}", exc) from exc
            try:
                yield _SQLiteTx(connection)
            except sqlite3.Error as exc:
                self._rollback()
                raise _error(f"{self.path}: {exc}", exc) from exc
            except BaseException:
                self._rollback()
                raise
            try:
                connection.execute("COMMIT")
            except sqlite3.Error as exc:
                self._rollback()
                raise _error(f"{self.path}: cannot commit: {exc}", exc) from exc

    def _rollback(self) -> None:
        """End the failed transaction, keeping the error that failed it. SQLite has already
        rolled back after some errors (an I/O error, a full disk, out of memory): a
        ROLLBACK then fails ("no transaction is active") and would hide the cause. A
        ROLLBACK that fails otherwise is logged for the same reason."""
        if not self._connection.in_transaction:
            return
        try:
            self._connection.execute("ROLLBACK")
        except sqlite3.Error as exc:
            logger.warning("%s: could not roll back a failed transaction: %s", self.path, exc)

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

    def _forget_deleted(self) -> None:
        """Merge the search index into one segment (FTS5 ``optimize``: a deletion only adds
        a tombstone, and the old segments keep the deleted words until merged), then copy
        the write-ahead log into the database and empty it (``wal_checkpoint(TRUNCATE)``:
        the log keeps whole pages as they were before the delete). With ``secure_delete``
        the pages this frees are zeroed, so the deleted texts leave both files. A reader in
        another process can hold the log back: then it is emptied at a later checkpoint."""
        with self._transaction(write=True) as tx:
            tx.execute("INSERT INTO results_search (results_search) VALUES ('optimize')")
            if self._pending_table:
                tx.execute("DELETE FROM pending_forget")
        if self.path == ":memory:":
            return
        with self._lock:
            if self._closed:
                return
            try:
                busy = self._connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            except sqlite3.Error as exc:
                logger.warning("%s: could not checkpoint the write-ahead log: %s", self.path, exc)
                return
        if busy:
            logger.warning(
                "%s: another connection is using the database, so the write-ahead log still "
                "holds the deleted texts until a later checkpoint",
                self.path,
            )

    def _note_deletion(self, tx: Tx) -> None:
        if not self._pending_table:
            return
        tx.execute(
            "INSERT INTO pending_forget (id, since) VALUES (1, ?) ON CONFLICT (id) DO NOTHING",
            (now_iso(),),
        )

    def _forget_pending(self) -> bool:
        """Whether a deletion's merge is still due (:meth:`_note_deletion`)."""
        with self._transaction(write=False) as tx:
            self._pending_table = bool(self._columns(tx, "pending_forget"))
            return self._pending_table and bool(tx.execute("SELECT 1 FROM pending_forget"))

    def _lock_schema(self, tx: Tx) -> None:
        """Nothing to do: BEGIN IMMEDIATE already holds the database's write lock."""

    def _columns(self, tx: Tx, table: str) -> list[str]:
        return [row[0] for row in tx.execute("SELECT name FROM pragma_table_info(?)", (table,))]

    def _tables(self, tx: Tx) -> list[str]:
        rows = tx.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
            "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
        )
        return [str(row[0]) for row in rows]

    def _text_match(self, words: Sequence[str]) -> tuple[str, list[Any]]:
        # Each word (folded as the index's are) becomes an FTS5 string (quotes doubled), so no
        # input is ever syntax.
        phrase = " ".join('"' + word.replace('"', '""') + '"' for word in words)
        return "r.id IN (SELECT rowid FROM results_search WHERE results_search MATCH ?)", [phrase]

    def close(self) -> None:
        with self._lock:
            if not self._closed:
                self._closed = True
                self._connection.close()
