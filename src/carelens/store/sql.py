"""The store written once over SQL; the SQLite and PostgreSQL backends fill in the dialect.

:class:`SQLStore` implements every :class:`~carelens.store.base.Store` method with portable
SQL (``?`` placeholders, ``INSERT ... ON CONFLICT DO NOTHING RETURNING``, which both SQLite
>= 3.35 and PostgreSQL run). A backend supplies transactions (:meth:`SQLStore._transaction`),
its schema migrations, the full-text condition and the statement that locks a corpus row
while results are added. Exactly-once storage rests on the ``UNIQUE (corpus_id, seq)``
constraint: a seq stored twice is ignored the second time, and ``corpora.done`` grows by the
rows actually inserted, in the same transaction; records of another model build or redaction
setting than the corpus records are refused (:class:`~carelens.store.errors.ModelMismatchError`).
After a deletion commits, the deletion stands: tidying what the backend keeps beside the
live rows (:meth:`SQLStore._forget_deleted`) may fail (a full disk) without failing the
deletion, and is tried again later. A database that holds tables but no carelens schema
version is another program's and is refused untouched. An id no row can have (not a string: an
InvalidQueryError; with NUL or a lone surrogate: not found) never reaches the database, so
both backends answer it alike.
"""

from __future__ import annotations

import json
import logging
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol, TypeAlias

from carelens.checks import int_between
from carelens.store.base import (
    ATTENTION_FILTERS,
    LEVEL_MAX,
    LEVEL_MIN,
    MAX_SEQ,
    Corpus,
    Page,
    PreparedRecord,
    bound_timestamp,
    check_helpers,
    check_model,
    check_page,
    check_redacted,
    check_status,
    clean_text,
    hash_secret,
    known_id,
    new_id,
    new_secret,
    now_iso,
    prepare_record,
    query_words,
    record_attention,
    record_timestamp,
    record_topic,
    restore_record,
    secret_key_id,
    secret_matches,
)
from carelens.store.errors import (
    CorpusNotFoundError,
    InvalidQueryError,
    ModelMismatchError,
    SchemaVersionError,
    StoreError,
)

#: The schema this carelens writes; a database with a higher version is refused.
SCHEMA_VERSION = 9
#: Tables of the first schema version: named first when a database without a carelens
#: schema version holds one (any table there means another program wrote it).
_TABLES = ("corpora", "results", "result_levels", "api_keys")
#: Rows read and rewritten per statement while a migration fills columns.
_FILL_BATCH = 500
_CORPUS_COLUMNS = (
    "id, name, format, status, total, done, rejected, error, created_at, updated_at, "
    "helpers, left_out, model, redacted, upload_folder"
)
_RESULT_COLUMNS = (
    "corpus_id, seq, response_id, helper, community, timestamp_utc, style, topic, "
    "conversation_id, crisis_cues, unsafe_reply, seeker_text, response_text, record"
)
_RESULT_PLACEHOLDERS = ["?"] * 14
#: The condition of each ``attention`` filter (:data:`~carelens.store.base.ATTENTION_FILTERS`).
_ATTENTION_SQL: dict[str, str] = {
    "any": "(r.crisis_cues = 1 OR r.unsafe_reply = 1)",
    "crisis": "r.crisis_cues = 1",
    "unsafe": "r.unsafe_reply = 1",
}
#: The result column behind each facet of :meth:`SQLStore.facets`.
_FACET_COLUMNS: dict[str, str] = {"style": "style", "helper": "helper", "topic": "topic"}
#: Rows per INSERT statement (at most 15 parameters each; well under SQLite's 32,766).
_CHUNK = 200


class Tx(Protocol):
    """One open transaction: statements with ``?`` placeholders."""

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run one statement; the rows it returns (empty when it returns none)."""
        ...

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run one statement once per parameter row."""
        ...


logger = logging.getLogger(__name__)


#: One step of a schema migration: a statement, or a function run in the migrating
#: transaction (for work SQL cannot do alike everywhere, such as reading old records' JSON).
MigrationStep: TypeAlias = str | Callable[[Tx], None]


def rows_by_id(tx: Tx, columns: str) -> Iterator[list[tuple[Any, ...]]]:
    """Every result row's id and ``columns``, a batch at a time, in id order (for
    migrations that fill a column from what is stored)."""
    last = 0
    while rows := tx.execute(
        f"SELECT id, {columns} FROM results WHERE id > ? ORDER BY id LIMIT ?",
        (last, _FILL_BATCH),
    ):
        yield rows
        last = rows[-1][0]


def stored_record(result_id: int, record_json: str) -> dict[str, Any]:
    """A stored record's JSON as a dict, read by Python (which reads what PostgreSQL's
    ``json`` cannot turn into text: an escaped NUL, a lone surrogate, NaN); {} when
    unreadable."""
    try:
        record = json.loads(record_json)
    except ValueError:
        logger.warning("result row %d: its stored JSON cannot be read; left unindexed", result_id)
        return {}
    return record if isinstance(record, dict) else {}


def fill_timestamps(tx: Tx) -> None:
    """Schema version 5, both backends: ``timestamp_utc`` again from each stored record's
    ``timestamp``, read by :func:`~carelens.store.base.record_timestamp` like the pages and
    the insights read it. Before, only ISO-8601 text was read, so a Unix time kept as text
    (a CSV column) showed a date on the pages and matched no date filter."""
    for rows in rows_by_id(tx, "timestamp_utc, record"):
        updates = []
        for result_id, stored, record_json in rows:
            moment = record_timestamp(stored_record(result_id, record_json).get("timestamp"))
            if moment != stored:
                updates.append((moment, result_id))
        if updates:
            tx.executemany("UPDATE results SET timestamp_utc = ? WHERE id = ?", updates)


def fill_topic_and_conversation(tx: Tx) -> None:
    """Schema version 2, both backends: the ``topic`` and ``conversation_id`` columns from
    each stored record's JSON, read by Python and cleaned as a new record's are
    (:func:`~carelens.store.base.record_topic`, :func:`~carelens.store.base.clean_text`).
    SQLite's ``json_extract`` cut a value at an escaped NUL, where a new record keeps the
    rest, and PostgreSQL's ``json`` cannot give text from such a record at all."""
    for rows in rows_by_id(tx, "record"):
        updates: list[tuple[Any, ...]] = []
        for result_id, record_json in rows:
            record = stored_record(result_id, record_json)
            conversation = clean_text(record.get("conversation_id"))
            updates.append((record_topic(record), conversation, result_id))
        tx.executemany("UPDATE results SET topic = ?, conversation_id = ? WHERE id = ?", updates)


def fill_attention(tx: Tx) -> None:
    """Schema version 3, both backends: ``crisis_cues`` and ``unsafe_reply`` from each
    stored record's JSON (:func:`~carelens.store.base.record_attention`), read by Python,
    which also reads a record SQLite's JSON functions call malformed (a NaN stored before
    carelens refused one)."""
    for rows in rows_by_id(tx, "record"):
        updates = [
            (*record_attention(stored_record(result_id, record_json)), result_id)
            for result_id, record_json in rows
        ]
        tx.executemany("UPDATE results SET crisis_cues = ?, unsafe_reply = ? WHERE id = ?", updates)


def _text_filter(name: str, value: object) -> str | None:
    """A text filter of :meth:`SQLStore.results` as the columns hold text (cleaned), or
    InvalidQueryError when it is neither None nor a string."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidQueryError(f"{name} must be a string, not {type(value).__name__}")
    return clean_text(value)


def _corpus(row: Sequence[Any]) -> Corpus:
    return Corpus(
        id=row[0],
        name=row[1],
        format=row[2],
        status=row[3],
        total=None if row[4] is None else int(row[4]),
        done=int(row[5]),
        rejected=int(row[6]),
        error=row[7],
        created_at=row[8],
        updated_at=row[9],
        helpers=tuple(json.loads(row[10])),
        left_out=None if row[11] is None else int(row[11]),
        model=row[12],
        redacted=None if row[13] is None else bool(row[13]),
        upload_folder=row[14],
    )


class _RolledBack(Exception):
    """Ends :meth:`SQLStore.check_writable`'s transaction without committing it."""


def _check_same_model(
    corpus_id: str, recorded: Sequence[Any], model: str | None, redacted: bool | None
) -> None:
    """ModelMismatchError when ``model`` / ``redacted`` (what made the records being added)
    differ from what the corpus row ``recorded`` (its ``model``, ``redacted``) holds."""
    row_model, row_redacted = recorded[0], recorded[1]
    if model is not None and row_model is not None and row_model != model:
        raise ModelMismatchError(
            corpus_id, f"the model build {row_model} (the records come from {model})"
        )
    if redacted is not None and row_redacted is not None and bool(row_redacted) != redacted:
        texts = "redacted" if row_redacted else "unredacted"
        raise ModelMismatchError(
            corpus_id,
            f"{texts} texts (the records' texts are {'redacted' if redacted else 'unredacted'})",
        )


def _chunks(rows: Sequence[PreparedRecord], size: int) -> Iterator[Sequence[PreparedRecord]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


class SQLStore(ABC):
    """A :class:`~carelens.store.base.Store` over any SQL database with the shared schema."""

    #: A statement that needs the right to write, and changes nothing once rolled back
    #: (:meth:`check_writable`).
    _WRITE_PROBE_SQL = (
        "UPDATE schema_version SET applied_at = applied_at "
        "WHERE version = (SELECT max(version) FROM schema_version)"
    )
    #: Selects a corpus's ``done`` and locks its row until the transaction ends.
    _LOCK_CORPUS_SQL = "SELECT done FROM corpora WHERE id = ?"
    #: Where the data lives, for messages (a path, or a URL without its password).
    where: str
    #: A result column this backend fills itself on insert, and the SQL that takes its
    #: parameter (from :meth:`_search_value`); None when the database derives its search
    #: index from the text columns.
    _SEARCH_COLUMN: tuple[str, str] | None = None

    def _search_value(self, record: PreparedRecord) -> Any:
        """The parameter of :attr:`_SEARCH_COLUMN` for one record."""
        raise NotImplementedError

    def _forget_deleted(self) -> None:
        """After results were deleted (and committed): take their texts out of what the
        backend keeps beside the live rows (a search index's old segments, a write-ahead
        log), where the backend can; nothing by default."""
        return

    def _note_deletion(self, tx: Tx) -> None:
        """Inside a deleting transaction: remember, with the deletion, that
        :meth:`_forget_deleted` is due (so a store opened later still runs it when this
        process could not); nothing by default."""
        return

    def _forget_safely(self) -> bool:
        """:meth:`_forget_deleted`, its failure logged rather than raised: the deletion has
        committed already, and it stands. What was not forgotten is forgotten at the next
        deletion, or when the store is next opened. True when it ran through."""
        try:
            self._forget_deleted()
        except StoreError as exc:
            logger.warning(
                "%s: the deletion is done, but its texts could not yet be cleared from the "
                "search index and the write-ahead log (%s); this is tried again at the next "
                "deletion and when the store is next opened",
                self.where,
                exc,
            )
            return False
        return True

    @abstractmethod
    def _tables(self, tx: Tx) -> list[str]:
        """The names of the tables (and views) where the store keeps its tables, sorted."""

    @abstractmethod
    def _transaction(self, *, write: bool) -> AbstractContextManager[Tx]:
        """A transaction; ``write`` ones are serialised against other writers."""

    @abstractmethod
    def _migrations(self) -> Sequence[Sequence[MigrationStep]]:
        """The steps that bring the schema from version ``i`` to ``i + 1``, per ``i``."""

    @abstractmethod
    def _text_match(self, words: Sequence[str]) -> tuple[str, list[Any]]:
        """A condition on results ``r`` true when its texts contain every word, and params;
        ``words`` are folded already (:func:`~carelens.store.base.query_words`)."""

    @abstractmethod
    def _lock_schema(self, tx: Tx) -> None:
        """Serialise concurrent migrations (inside the migrating write transaction)."""

    @abstractmethod
    def _columns(self, tx: Tx, table: str) -> list[str]:
        """The column names of ``table`` where the store keeps its tables; [] when it has
        no such table."""

    @abstractmethod
    def close(self) -> None:
        """Release the connections; the store cannot be used afterwards."""

    def __enter__(self) -> SQLStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- schema ---------------------------------------------------------------------------

    def _migrate(self) -> None:
        """Create or upgrade the schema; refuse a database newer than this carelens, and one
        another program wrote."""
        migrations = self._migrations()
        assert len(migrations) == SCHEMA_VERSION
        with self._transaction(write=True) as tx:
            self._lock_schema(tx)
            found = self._found_version(tx)
            if found > SCHEMA_VERSION:
                raise SchemaVersionError(self.where, found, SCHEMA_VERSION)
            for version in range(found + 1, SCHEMA_VERSION + 1):
                for step in migrations[version - 1]:
                    if isinstance(step, str):
                        tx.execute(step)
                    else:
                        step(tx)
                tx.execute(
                    "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
                    (version, now_iso()),
                )

    def _found_version(self, tx: Tx) -> int:
        """The schema version of the database (0 for an empty one, whose ``schema_version``
        table this creates), or StoreError when another program wrote it: its
        ``schema_version`` has other columns or holds no version number, or it has tables
        (of carelens' names or any other) without a carelens schema version. Nothing is
        written to such a database."""
        columns = self._columns(tx, "schema_version")
        if columns and not {"version", "applied_at"} <= set(columns):
            raise self._foreign("its schema_version table has other columns")
        found = None
        if columns:
            found = tx.execute("SELECT max(version) FROM schema_version")[0][0]
        if found is None:
            tables = [t for t in self._tables(tx) if t != "schema_version"]
            if tables:
                # carelens' own names first: the likeliest cause is a half-made store
                named = [t for t in _TABLES if t in tables] or tables
                more = f" (and {len(tables) - 1} more)" if len(tables) > 1 else ""
                raise self._foreign(f"it has a table {named[0]!r}{more} but no schema version")
            tx.execute(
                "CREATE TABLE IF NOT EXISTS schema_version "
                "(version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            return 0
        if not int_between(found, 1):
            raise self._foreign(f"its schema_version holds a {type(found).__name__}")
        return found

    def _foreign(self, why: str) -> StoreError:
        return StoreError(
            f"{self.where}: not a carelens database ({why}): another program may have "
            "written it; give carelens a database of its own (a new file, an empty database "
            "or schema)"
        )

    def schema_version(self) -> int:
        """The schema version of the open database."""
        with self._transaction(write=False) as tx:
            return int(tx.execute("SELECT max(version) FROM schema_version")[0][0])

    def check_writable(self) -> None:
        """Raise the store's error when the database would refuse a write (a read-only file
        or server, no permission): :attr:`_WRITE_PROBE_SQL` in a write transaction that is
        rolled back, so nothing is written."""
        try:
            with self._transaction(write=True) as tx:
                tx.execute(self._WRITE_PROBE_SQL)
                raise _RolledBack
        except _RolledBack:
            return

    # -- corpora --------------------------------------------------------------------------

    def create_corpus(
        self,
        name: str,
        *,
        format: str | None = None,
        helpers: Sequence[str] = (),
        upload_folder: str | None = None,
    ) -> Corpus:
        """A new corpus (``queued``). ``helpers`` are the speaker patterns whose responses
        its analysis keeps, kept in order, and ``upload_folder`` the id of the uploads folder
        that holds its file (see :class:`~carelens.store.base.Corpus`)."""
        folder = (
            None
            if upload_folder is None
            else check_model(upload_folder, "upload_folder", "the id of an uploads folder")
        )
        now = now_iso()
        corpus = Corpus(
            id=new_id(),
            name=clean_text(name) or "",
            format=clean_text(format),
            status="queued",
            total=None,
            done=0,
            rejected=0,
            error=None,
            created_at=now,
            updated_at=now,
            helpers=check_helpers(helpers),
            upload_folder=folder,
        )
        with self._transaction(write=True) as tx:
            tx.execute(
                f"INSERT INTO corpora ({_CORPUS_COLUMNS}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    corpus.id,
                    corpus.name,
                    corpus.format,
                    corpus.status,
                    corpus.total,
                    corpus.done,
                    corpus.rejected,
                    corpus.error,
                    corpus.created_at,
                    corpus.updated_at,
                    json.dumps(list(corpus.helpers), ensure_ascii=True),
                    corpus.left_out,
                    corpus.model,
                    corpus.redacted,
                    corpus.upload_folder,
                ),
            )
        return corpus

    def get_corpus(self, corpus_id: str) -> Corpus | None:
        """The corpus, or None when there is none with that id."""
        if not known_id("corpus_id", corpus_id):
            return None
        with self._transaction(write=False) as tx:
            rows = tx.execute(f"SELECT {_CORPUS_COLUMNS} FROM corpora WHERE id = ?", (corpus_id,))
        return _corpus(rows[0]) if rows else None

    def list_corpora(self) -> list[Corpus]:
        """Every corpus, newest first."""
        with self._transaction(write=False) as tx:
            rows = tx.execute(
                f"SELECT {_CORPUS_COLUMNS} FROM corpora ORDER BY created_at DESC, id DESC"
            )
        return [_corpus(row) for row in rows]

    def delete_corpus(self, corpus_id: str) -> bool:
        """Delete a corpus and all its results; False when there was none. Once the deletion
        has committed it stands: clearing the deleted texts from what the backend keeps
        beside the rows (:meth:`_forget_deleted`) is then tried, and a failure of it (a full
        disk) is logged and tried again later (:meth:`_forget_safely`), never raised."""
        if not known_id("corpus_id", corpus_id):
            return False
        with self._transaction(write=True) as tx:
            deleted = bool(
                tx.execute("DELETE FROM corpora WHERE id = ? RETURNING id", (corpus_id,))
            )
            if deleted:
                self._note_deletion(tx)
        if deleted:
            self._forget_safely()
        return deleted

    def set_status(
        self,
        corpus_id: str,
        status: str,
        *,
        total: int | None = None,
        rejected: int | None = None,
        left_out: int | None = None,
        error: str | None = None,
    ) -> None:
        """Set the status; ``total`` / ``rejected`` / ``left_out`` change only when given.
        ``error`` is set when given, and cleared when the status moves to anything but
        ``failed``."""
        check_status(status)
        for name, value in (("total", total), ("rejected", rejected), ("left_out", left_out)):
            if value is not None and not int_between(value, 0, MAX_SEQ):
                raise InvalidQueryError(f"{name}={value!r} must be an integer >= 0 or None")
        if error is not None:
            error_sql, error_params = "error = ?", [clean_text(error)]
        elif status == "failed":
            error_sql, error_params = "error = error", []
        else:
            error_sql, error_params = "error = NULL", []
        if not known_id("corpus_id", corpus_id):
            raise CorpusNotFoundError(corpus_id)
        with self._transaction(write=True) as tx:
            updated = tx.execute(
                "UPDATE corpora SET status = ?, total = coalesce(?, total), "
                "rejected = coalesce(?, rejected), left_out = coalesce(?, left_out), "
                f"{error_sql}, updated_at = ? WHERE id = ? RETURNING id",
                [status, total, rejected, left_out, *error_params, now_iso(), corpus_id],
            )
        if not updated:
            raise CorpusNotFoundError(corpus_id)

    def set_model(
        self, corpus_id: str, model: str | None = None, *, redacted: bool | None = None
    ) -> None:
        """Record what analyses the corpus: the fingerprint of the model build
        (:attr:`~carelens.store.base.Corpus.model`) and whether its texts are redacted
        (:attr:`~carelens.store.base.Corpus.redacted`); one given as None stays as it is.
        Its results stay as they are (see :meth:`restart_corpus` to start it over)."""
        fingerprint = None if model is None else check_model(model)
        redacted = check_redacted(redacted)
        if not known_id("corpus_id", corpus_id):
            raise CorpusNotFoundError(corpus_id)
        with self._transaction(write=True) as tx:
            updated = tx.execute(
                "UPDATE corpora SET model = coalesce(?, model), "
                "redacted = coalesce(?, redacted), updated_at = ? WHERE id = ? RETURNING id",
                (fingerprint, redacted, now_iso(), corpus_id),
            )
        if not updated:
            raise CorpusNotFoundError(corpus_id)

    def restart_corpus(
        self, corpus_id: str, model: str | None = None, *, redacted: bool | None = None
    ) -> int:
        """Start a corpus over with another model or redaction setting: delete its stored
        results (their dimension levels and search index with them), set ``done`` to 0 and
        record ``model`` and ``redacted`` (each kept as it was when None), in one
        transaction; returns how many results were deleted. Its status, ``total``,
        ``rejected`` and ``left_out`` stay as they are. The corpus row is locked first, as
        :meth:`add_results` locks it, so a batch being stored lands either before (and is
        deleted) or after, and is refused when it comes from what the corpus no longer
        records. The deleted texts are cleared as :meth:`delete_corpus` clears them."""
        fingerprint = None if model is None else check_model(model)
        redacted = check_redacted(redacted)
        if not known_id("corpus_id", corpus_id):
            raise CorpusNotFoundError(corpus_id)
        with self._transaction(write=True) as tx:
            if not tx.execute(self._LOCK_CORPUS_SQL, (corpus_id,)):
                raise CorpusNotFoundError(corpus_id)
            deleted = int(
                tx.execute("SELECT count(*) FROM results WHERE corpus_id = ?", (corpus_id,))[0][0]
            )
            tx.execute(
                "DELETE FROM result_levels WHERE result_id IN "
                "(SELECT id FROM results WHERE corpus_id = ?)",
                (corpus_id,),
            )
            tx.execute("DELETE FROM results WHERE corpus_id = ?", (corpus_id,))
            tx.execute(
                "UPDATE corpora SET done = 0, model = coalesce(?, model), "
                "redacted = coalesce(?, redacted), updated_at = ? WHERE id = ?",
                (fingerprint, redacted, now_iso(), corpus_id),
            )
            if deleted:
                self._note_deletion(tx)
        if deleted:
            self._forget_safely()
        return deleted

    # -- results --------------------------------------------------------------------------

    def add_results(
        self,
        corpus_id: str,
        records: Sequence[Mapping[str, Any]],
        *,
        model: str | None = None,
        redacted: bool | None = None,
    ) -> int:
        """Store records keyed by their ``seq``; a seq already stored is ignored (the first
        one stored wins, within a batch too). ``done`` becomes the stored count. Returns the
        rows newly stored. All or nothing: one transaction.

        ``model`` and ``redacted`` say what made the records (the fingerprint of the model
        build, whether the texts are redacted): when the corpus records another one
        (:meth:`restart_corpus` by another process started it over), nothing is stored and
        :class:`~carelens.store.errors.ModelMismatchError` is raised. None, given or
        recorded, is not checked."""
        fingerprint = None if model is None else check_model(model)
        redacted = check_redacted(redacted)
        first: dict[int, PreparedRecord] = {}
        for index, record in enumerate(records):
            prepared = prepare_record(record, index)
            first.setdefault(prepared.seq, prepared)
        rows = sorted(first.values(), key=lambda p: p.seq)
        if not known_id("corpus_id", corpus_id):
            raise CorpusNotFoundError(corpus_id)
        with self._transaction(write=True) as tx:
            if not tx.execute(self._LOCK_CORPUS_SQL, (corpus_id,)):
                raise CorpusNotFoundError(corpus_id)
            if fingerprint is not None or redacted is not None:
                recorded = tx.execute(
                    "SELECT model, redacted FROM corpora WHERE id = ?", (corpus_id,)
                )
                _check_same_model(corpus_id, recorded[0], fingerprint, redacted)
            columns, placeholders = _RESULT_COLUMNS, list(_RESULT_PLACEHOLDERS)
            if self._SEARCH_COLUMN is not None:
                columns += f", {self._SEARCH_COLUMN[0]}"
                placeholders.append(self._SEARCH_COLUMN[1])
            row_sql = "(" + ", ".join(placeholders) + ")"
            added = 0
            for chunk in _chunks(rows, _CHUNK):
                params: list[Any] = []
                for p in chunk:
                    params += [
                        corpus_id,
                        p.seq,
                        p.response_id,
                        p.helper,
                        p.community,
                        p.timestamp,
                        p.style,
                        p.topic,
                        p.conversation_id,
                        p.crisis_cues,
                        p.unsafe_reply,
                        p.seeker_text,
                        p.response_text,
                        p.record_json,
                    ]
                    if self._SEARCH_COLUMN is not None:
                        params.append(self._search_value(p))
                values = ", ".join([row_sql] * len(chunk))
                inserted = tx.execute(
                    f"INSERT INTO results ({columns}) VALUES {values} "
                    "ON CONFLICT (corpus_id, seq) DO NOTHING RETURNING id, seq",
                    params,
                )
                by_seq = {p.seq: p for p in chunk}
                levels = [
                    (result_id, dimension, level)
                    for result_id, seq in inserted
                    for dimension, level in by_seq[int(seq)].levels
                ]
                if levels:
                    tx.executemany(
                        "INSERT INTO result_levels (result_id, dimension, level) VALUES (?, ?, ?)",
                        levels,
                    )
                added += len(inserted)
            tx.execute(
                "UPDATE corpora SET done = done + ?, updated_at = ? WHERE id = ?",
                (added, now_iso(), corpus_id),
            )
        return added

    def stored_seqs(self, corpus_id: str) -> int:
        """How many consecutive seqs from 0 are stored: where a resumed upload starts."""
        if not known_id("corpus_id", corpus_id):
            return 0
        with self._transaction(write=False) as tx:
            count, top = tx.execute(
                "SELECT count(*), max(seq) FROM results WHERE corpus_id = ?", (corpus_id,)
            )[0]
            if not count:
                return 0
            if int(top) == int(count) - 1:
                return int(count)
            if not tx.execute(
                "SELECT 1 FROM results WHERE corpus_id = ? AND seq = 0", (corpus_id,)
            ):
                return 0
            gap = tx.execute(
                "SELECT min(r.seq) + 1 FROM results r WHERE r.corpus_id = ? AND NOT EXISTS "
                "(SELECT 1 FROM results n WHERE n.corpus_id = r.corpus_id AND n.seq = r.seq + 1)",
                (corpus_id,),
            )
            return int(gap[0][0])

    def results(
        self,
        corpus_id: str,
        *,
        offset: int = 0,
        limit: int = 50,
        style: str | None = None,
        helper: str | Sequence[str] | None = None,
        dimension: str | None = None,
        min_level: int | None = None,
        since: str | None = None,
        until: str | None = None,
        query: str | None = None,
        topic: str | None = None,
        conversation: str | None = None,
        attention: str | None = None,
    ) -> Page:
        """A page of stored records matching every filter given, in seq order.

        ``helper`` is the record's ``speaker`` (or a list or tuple of speakers, any of which
        matches: the spellings of one name); ``dimension`` alone keeps records that score
        it, with ``min_level`` those at that level or above; ``since`` (inclusive) and
        ``until`` (exclusive) bound the timestamp; ``query`` keeps records whose seeker or
        response text contains every word of it (punctuation and operators are ignored; a
        query with no words matches nothing; None or blank means no text filter);
        ``topic`` is the record's ``topic.category`` and ``conversation`` its
        ``conversation_id``; ``attention`` keeps the records a person should read: ``crisis``
        (crisis cues in the seeker message), ``unsafe`` (unsafe wording in the reply) or
        ``any``. The text filters and ``query`` must be strings (or None), else
        InvalidQueryError; a query searches for its first
        :data:`~carelens.store.base.MAX_QUERY_WORDS` distinct words.
        """
        check_page(offset, limit)
        known = known_id("corpus_id", corpus_id)
        empty = Page(items=[], total=0, offset=offset, limit=limit)
        conditions = ["r.corpus_id = ?"]
        params: list[Any] = [corpus_id]
        if isinstance(helper, list | tuple):
            spellings = [_text_filter("helper", h) for h in helper]
            if not spellings:
                return empty
            conditions.append(f"r.helper IN ({', '.join('?' * len(spellings))})")
            params += spellings
            helper = None
        for column, name, value in (
            ("style", "style", style),
            ("helper", "helper", helper),
            ("topic", "topic", topic),
            ("conversation_id", "conversation", conversation),
        ):
            text = _text_filter(name, value)
            if text is not None:
                conditions.append(f"r.{column} = ?")
                params.append(text)
        if attention is not None:
            if not isinstance(attention, str) or attention not in _ATTENTION_SQL:
                raise InvalidQueryError(
                    f"attention={attention!r} must be one of {', '.join(ATTENTION_FILTERS)}"
                )
            conditions.append(_ATTENTION_SQL[attention])
        if min_level is not None and not int_between(min_level, LEVEL_MIN, LEVEL_MAX):
            raise InvalidQueryError(f"min_level={min_level!r} must be a small integer")
        if dimension is not None:
            level_sql = "" if min_level is None else " AND l.level >= ?"
            conditions.append(
                "EXISTS (SELECT 1 FROM result_levels l WHERE l.result_id = r.id "
                f"AND l.dimension = ?{level_sql})"
            )
            params.append(_text_filter("dimension", dimension))
            if min_level is not None:
                params.append(min_level)
        elif min_level is not None:
            raise InvalidQueryError("min_level needs a dimension (e.g. dimension='empathy')")
        for name, value, op in (("since", since, ">="), ("until", until, "<")):
            bound = bound_timestamp(name, value)
            if bound is not None:
                conditions.append(f"r.timestamp_utc {op} ?")
                params.append(bound)
        search = _text_filter("query", query)
        if query is not None and query.strip():  # None or blank: no text filter
            words = query_words(search or "")
            if not words:
                return empty
            condition, match_params = self._text_match(words)
            conditions.append(condition)
            params += match_params
        if not known:
            return empty
        where = " AND ".join(conditions)
        with self._transaction(write=False) as tx:
            total = tx.execute(f"SELECT count(*) FROM results r WHERE {where}", params)[0][0]
            rows = tx.execute(
                f"SELECT r.record, r.seeker_text, r.response_text FROM results r WHERE {where} "
                "ORDER BY r.seq LIMIT ? OFFSET ?",
                [*params, limit, offset],
            )
        items = [restore_record(record, seeker, response) for record, seeker, response in rows]
        return Page(items=items, total=int(total), offset=offset, limit=limit)

    def iter_results(self, corpus_id: str, *, batch_size: int = 1000) -> Iterator[dict[str, Any]]:
        """Every stored record of a corpus in seq order, read ``batch_size`` at a time.

        Each batch is its own read (keyed on seq, so the cost does not grow with the
        position), so records stored while iterating may or may not be seen.
        """
        if not int_between(batch_size, 1):
            raise InvalidQueryError(f"batch_size={batch_size!r} must be an integer >= 1")
        if not known_id("corpus_id", corpus_id):
            return
        after = -1
        while True:
            with self._transaction(write=False) as tx:
                rows = tx.execute(
                    "SELECT r.seq, r.record, r.seeker_text, r.response_text FROM results r "
                    "WHERE r.corpus_id = ? AND r.seq > ? ORDER BY r.seq LIMIT ?",
                    (corpus_id, after, batch_size),
                )
            for _, record, seeker, response in rows:
                yield restore_record(record, seeker, response)
            if len(rows) < batch_size:
                return
            after = int(rows[-1][0])

    def facets(self, corpus_id: str, *, limit: int = 200) -> dict[str, list[tuple[str, int]]]:
        """Per facet (``style``, ``helper``, ``topic``), the values a corpus's records take
        and how many records take each: most frequent first (then by value), at most
        ``limit`` per facet; records without a value are not counted."""
        check_page(0, limit)
        out: dict[str, list[tuple[str, int]]] = {facet: [] for facet in _FACET_COLUMNS}
        if not known_id("corpus_id", corpus_id):
            return out
        with self._transaction(write=False) as tx:
            for facet, column in _FACET_COLUMNS.items():
                rows = tx.execute(
                    f"SELECT r.{column}, count(*) AS n FROM results r "
                    f"WHERE r.corpus_id = ? AND r.{column} IS NOT NULL "
                    f"GROUP BY r.{column} ORDER BY n DESC, r.{column} LIMIT ?",
                    (corpus_id, limit),
                )
                out[facet] = [(str(value), int(n)) for value, n in rows]
        return out

    # -- API keys -------------------------------------------------------------------------

    def create_key(self, name: str) -> tuple[str, str]:
        """A new key: ``(key_id, secret)``. Only the secret's SHA-256 is stored; show the
        secret to its owner once."""
        key_id = new_id()
        secret = new_secret(key_id)
        with self._transaction(write=True) as tx:
            tx.execute(
                "INSERT INTO api_keys (id, name, secret_hash, created_at, revoked_at) "
                "VALUES (?, ?, ?, ?, NULL)",
                (key_id, clean_text(name) or "", hash_secret(secret), now_iso()),
            )
        return key_id, secret

    def verify_key(self, secret: str) -> str | None:
        """The id of the live key ``secret`` belongs to, or None (unknown, revoked, wrong)."""
        key_id = secret_key_id(secret)
        if key_id is None:
            return None
        with self._transaction(write=False) as tx:
            rows = tx.execute(
                "SELECT secret_hash, revoked_at FROM api_keys WHERE id = ?", (key_id,)
            )
        if not rows:
            return None
        stored_hash, revoked_at = rows[0]
        if not secret_matches(secret, stored_hash) or revoked_at is not None:
            return None
        return key_id

    def list_keys(self) -> list[dict[str, Any]]:
        """Every key, oldest first: id, name, created_at, revoked, revoked_at (no secret)."""
        with self._transaction(write=False) as tx:
            rows = tx.execute(
                "SELECT id, name, created_at, revoked_at FROM api_keys ORDER BY created_at, id"
            )
        return [
            {
                "id": key_id,
                "name": name,
                "created_at": created_at,
                "revoked": revoked_at is not None,
                "revoked_at": revoked_at,
            }
            for key_id, name, created_at, revoked_at in rows
        ]

    def revoke_key(self, key_id: str) -> bool:
        """Revoke a key (for good); True when it exists (revoked now or before)."""
        if not known_id("key_id", key_id):
            return False
        with self._transaction(write=True) as tx:
            return bool(
                tx.execute(
                    "UPDATE api_keys SET revoked_at = coalesce(revoked_at, ?) WHERE id = ? "
                    "RETURNING id",
                    (now_iso(), key_id),
                )
            )
