"""The store's data types and contract, and the pure helpers both backends share.

:class:`Corpus` and :class:`Page` are what the store hands back; :class:`Store` is the
protocol the SQLite and PostgreSQL backends implement. The helpers turn a result record into
the row that indexes it (:func:`prepare_record` / :func:`restore_record`), put timestamps in
one sortable UTC form (:func:`record_timestamp` for records, :func:`normalize_timestamp` for
query bounds), cut a free-text query into plain words
(:func:`query_words`), and make and check API-key secrets (:func:`new_secret`,
:func:`secret_matches`). None of them touches a database.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
import unicodedata
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from carelens.checks import int_between
from carelens.errors import InputError
from carelens.store.errors import InvalidQueryError
from carelens.timestamps import parse_timestamp
from carelens.types import MAX_ID_CHARS

#: The states of a corpus, in the order a successful upload goes through them.
STATUSES: tuple[str, ...] = ("queued", "running", "done", "failed")
#: Record fields whose values :meth:`Store.facets` counts (``helper`` is the ``speaker``).
FACETS: tuple[str, ...] = ("style", "helper", "topic")
#: What :meth:`Store.results` can keep by ``attention``: records that need a person to read
#: them for crisis cues in the seeker message (``crisis``), for unsafe wording in the reply
#: (``unsafe``), or for either (``any``).
ATTENTION_FILTERS: tuple[str, ...] = ("any", "crisis", "unsafe")
#: The texts a record carries; they are stored in their own columns for full-text search.
TEXT_FIELDS: tuple[str, ...] = ("seeker_text", "response_text")
#: Largest seq (and offset, limit) the store accepts: exact in JSON for any client.
MAX_SEQ = 2**53 - 1
#: Levels the store indexes: a signed 32-bit integer, from LEVEL_MIN to LEVEL_MAX.
LEVEL_MIN, LEVEL_MAX = -(2**31), 2**31 - 1
#: API-key secrets look like ``clk_<key id>_<43 random url-safe characters>``.
SECRET_PREFIX = "clk_"
_SECRET_RE = re.compile(r"clk_([0-9a-f]{32})_([A-Za-z0-9_-]{20,200})")
#: A "word" of a search query: a run of letters and digits (what the FTS tokenizers index).
_WORD_RE = re.compile(r"[^\W_]+")
#: Words a query ignores: PostgreSQL's ``english`` stop list (Snowball), applied on SQLite
#: too so both backends answer a query alike.
_STOP_WORDS_TEXT = """
    i me my myself we our ours ourselves you your yours yourself yourselves he him his
    himself she her hers herself it its itself they them their theirs themselves what
    which who whom this that these those am is are was were be been being have has had
    having do does did doing a an the and but if or because as until while of at by for
    with about against between into through during before after above below to from up
    down in out on off over under again further then once here there when where why how
    all any both each few more most other some such no nor not only own same so than too
    very s t can will just don should now
"""
STOP_WORDS: frozenset[str] = frozenset(_STOP_WORDS_TEXT.split())


@dataclass(frozen=True, slots=True)
class Corpus:
    """One uploaded file and the progress of its analysis."""

    id: str
    name: str
    format: str | None
    status: str
    total: int | None
    done: int
    rejected: int
    error: str | None
    created_at: str
    updated_at: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Page:
    """One page of stored result records (each with its ``seq``), in ``seq`` order."""

    items: list[dict[str, Any]]
    total: int
    offset: int
    limit: int


class Store(Protocol):
    """What the service needs from a result store; every method is safe to call from any thread.

    See ``docs/storage.md`` for the semantics (exactly-once results, filters, keys).
    """

    def create_corpus(self, name: str, *, format: str | None = None) -> Corpus: ...

    def get_corpus(self, corpus_id: str) -> Corpus | None: ...

    def list_corpora(self) -> list[Corpus]: ...

    def delete_corpus(self, corpus_id: str) -> bool: ...

    def set_status(
        self,
        corpus_id: str,
        status: str,
        *,
        total: int | None = None,
        rejected: int | None = None,
        error: str | None = None,
    ) -> None: ...

    def add_results(self, corpus_id: str, records: Sequence[Mapping[str, Any]]) -> int: ...

    def stored_seqs(self, corpus_id: str) -> int: ...

    def results(
        self,
        corpus_id: str,
        *,
        offset: int = 0,
        limit: int = 50,
        style: str | None = None,
        helper: str | None = None,
        dimension: str | None = None,
        min_level: int | None = None,
        since: str | None = None,
        until: str | None = None,
        query: str | None = None,
        topic: str | None = None,
        conversation: str | None = None,
        attention: str | None = None,
    ) -> Page: ...

    def iter_results(
        self, corpus_id: str, *, batch_size: int = 1000
    ) -> Iterator[dict[str, Any]]: ...

    def facets(self, corpus_id: str, *, limit: int = 200) -> dict[str, list[tuple[str, int]]]: ...

    def close(self) -> None: ...

    def create_key(self, name: str) -> tuple[str, str]: ...

    def verify_key(self, secret: str) -> str | None: ...

    def list_keys(self) -> list[dict[str, Any]]: ...

    def revoke_key(self, key_id: str) -> bool: ...


def now_iso() -> str:
    """The current time as ISO-8601 UTC (``2024-12-03T20:01:00.123456+00:00``)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def new_id() -> str:
    """A fresh random id (uuid4 hex)."""
    return uuid.uuid4().hex


def record_timestamp(value: object) -> str | None:
    """A record's timestamp as the store keeps it (:func:`sortable`), read the way the pages
    and the insights read it (:func:`carelens.timestamps.parse_timestamp`: ISO-8601, compact
    dates or a Unix time, 1980 to 2100), so a date filter finds what they show as dated."""
    moment = parse_timestamp(value)
    return None if moment is None else sortable(moment)


def sortable(moment: datetime) -> str:
    """An aware datetime as sortable UTC text (``YYYY-MM-DDTHH:MM:SS.ffffffZ``)."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def normalize_timestamp(value: object) -> str | None:
    """A ``since`` / ``until`` bound as sortable UTC text (:func:`sortable`), or None.

    Any ISO-8601 string :func:`datetime.fromisoformat` reads is accepted (a date alone means
    midnight; no offset means UTC), in any year. Anything else gives None.
    """
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
        return sortable(parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC))
    except (ValueError, OverflowError):
        return None


def bound_timestamp(name: str, value: str | None) -> str | None:
    """A ``since`` / ``until`` argument in the stored form, or InvalidQueryError."""
    if value is None:
        return None
    normal = normalize_timestamp(value)
    if normal is None:
        raise InvalidQueryError(
            f"{name}={value!r} is not an ISO-8601 date or time (e.g. 2024-12-03 or "
            "2024-12-03T20:01:00+00:00)"
        )
    return normal


#: UTF-8 bytes of distinct words indexed per record (some 40,000 words); a longer text's
#: later new words are not searchable. (A PostgreSQL ``tsvector`` holds at most 1 MiB.)
MAX_SEARCH_BYTES = 256 * 1024
#: No longer word is indexed (PostgreSQL's limit, "word is too long to be indexed"; SQLite
#: keeps the same one so the backends find the same records).
_MAX_WORD_BYTES = 2047


def query_words(query: str) -> list[str]:
    """The words of a search query: runs of letters and digits, less English stop words.

    Everything else (quotes, ``*``, ``-``, parentheses, ``AND``/``OR``/``NOT``) is dropped,
    so no input can be query syntax.
    """
    return [word for word in _WORD_RE.findall(query) if word.lower() not in STOP_WORDS]


def common_words(query: str) -> list[str]:
    """The words of a search query that :func:`query_words` leaves out (English stop words:
    too common to search for), each once, in the order given."""
    found: list[str] = []
    for word in _WORD_RE.findall(query):
        if word.lower() in STOP_WORDS and word.lower() not in found:
            found.append(word.lower())
    return found


def clean_text(value: object) -> str | None:
    """A string that any database accepts (no NUL, valid UTF-8), or None for non-strings."""
    if not isinstance(value, str):
        return None
    text = value.replace("\x00", "")
    return text.encode("utf-8", "replace").decode("utf-8")


def _storable(value: object) -> bool:
    return isinstance(value, str) and clean_text(value) == value


@dataclass(frozen=True, slots=True)
class PreparedRecord:
    """A record split into the columns that index it and the JSON that keeps it."""

    seq: int
    response_id: str | None
    helper: str | None
    community: str | None
    timestamp: str | None
    style: str | None
    topic: str | None
    conversation_id: str | None
    seeker_text: str | None
    response_text: str | None
    record_json: str
    levels: tuple[tuple[str, int], ...]
    #: 1 when the seeker message has crisis cues (``seeker.needs_attention``), else 0.
    crisis_cues: int = 0
    #: 1 when the reply has unsafe wording (a non-empty ``unsafe``), else 0.
    unsafe_reply: int = 0


def record_seq(record: Mapping[str, Any], index: int) -> int:
    """The record's ``seq`` (0-based position in its input), or InputError."""
    seq = record.get("seq")
    if not int_between(seq, 0, MAX_SEQ):
        raise InputError(
            f"record {index} of the batch has seq={seq!r}; every stored record needs an "
            "integer 'seq' >= 0 (its position in the input)",
            field="seq",
        )
    return seq


#: Record fields stored in a column of their own that an index covers or a filter matches:
#: each at most :data:`~carelens.types.MAX_ID_CHARS` characters, as the readers ensure.
ID_COLUMNS: tuple[str, ...] = ("response_id", "speaker", "community", "conversation_id")


def record_attention(record: Mapping[str, Any]) -> tuple[int, int]:
    """Whether a record has crisis cues in its seeker message and unsafe wording in its
    reply, as 0 / 1 (what the store indexes for the ``attention`` filter)."""
    seeker = record.get("seeker")
    crisis = isinstance(seeker, Mapping) and seeker.get("needs_attention") is True
    unsafe = record.get("unsafe")
    return int(crisis), int(isinstance(unsafe, list) and len(unsafe) > 0)


def record_topic(record: Mapping[str, Any]) -> str | None:
    """The topic category of a record (``record["topic"]["category"]``), or None."""
    topic = record.get("topic")
    return clean_text(topic.get("category")) if isinstance(topic, Mapping) else None


def prepare_record(record: Mapping[str, Any], index: int) -> PreparedRecord:
    """The row of one result record; ``index`` (its place in the batch) locates errors.

    The texts move to their own columns (the JSON keeps the key with a null value, so key
    order survives); a text a database could not hold as is (NUL, lone surrogates) stays in
    the JSON and its column gets a cleaned copy for search.
    """
    seq = record_seq(record, index)
    for name in ID_COLUMNS:
        value = record.get(name)
        if isinstance(value, str) and len(value) > MAX_ID_CHARS:
            raise InputError(
                f"record {index} of the batch (seq {seq}): {name} has {len(value)} "
                f"characters, over the limit of {MAX_ID_CHARS}",
                field=name,
            )
    crisis, unsafe = record_attention(record)
    kept = dict(record)
    texts: dict[str, str | None] = {}
    for name in TEXT_FIELDS:
        value = kept.get(name)
        texts[name] = clean_text(value)
        if _storable(value):
            kept[name] = None
    try:
        record_json = json.dumps(kept, ensure_ascii=True, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise InputError(
            f"record {index} of the batch (seq {seq}) cannot be stored as JSON: {exc}",
            field="record",
        ) from exc
    levels: dict[str, int] = {}
    for name, value in record.items():
        if isinstance(name, str) and isinstance(value, Mapping):
            level = value.get("level")
            if int_between(level, LEVEL_MIN, LEVEL_MAX):
                levels.setdefault(clean_text(name) or "", level)
    return PreparedRecord(
        seq=seq,
        response_id=clean_text(record.get("response_id")),
        helper=clean_text(record.get("speaker")),
        community=clean_text(record.get("community")),
        timestamp=record_timestamp(record.get("timestamp")),
        style=clean_text(record.get("style")),
        topic=record_topic(record),
        conversation_id=clean_text(record.get("conversation_id")),
        seeker_text=texts["seeker_text"],
        response_text=texts["response_text"],
        record_json=record_json,
        levels=tuple(levels.items()),
        crisis_cues=crisis,
        unsafe_reply=unsafe,
    )


def restore_record(record_json: str, seeker_text: str | None, response_text: str | None) -> Any:
    """The record as it was given, from its stored JSON and text columns."""
    record = json.loads(record_json)
    for name, text in zip(TEXT_FIELDS, (seeker_text, response_text), strict=True):
        if text is not None and name in record and record[name] is None:
            record[name] = text
    return record


def new_secret(key_id: str) -> str:
    """A fresh API-key secret that names its key (so checking it needs one lookup)."""
    return f"{SECRET_PREFIX}{key_id}_{secrets.token_urlsafe(32)}"


def secret_key_id(secret: str) -> str | None:
    """The key id a well-formed secret names, or None."""
    match = _SECRET_RE.fullmatch(secret) if isinstance(secret, str) else None
    return match.group(1) if match else None


def hash_secret(secret: str) -> str:
    """The stored form of a secret: SHA-256 hex (secrets carry 256 random bits, so a slow
    password hash would add nothing)."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def secret_matches(secret: str, stored_hash: str) -> bool:
    """Whether ``secret`` hashes to ``stored_hash`` (compared in constant time)."""
    return hmac.compare_digest(hash_secret(secret), stored_hash)


def check_status(status: str) -> str:
    if status not in STATUSES:
        raise InvalidQueryError(f"status {status!r} is not one of {', '.join(STATUSES)}")
    return status


def check_page(offset: int, limit: int) -> None:
    for name, value in (("offset", offset), ("limit", limit)):
        if not int_between(value, 0, MAX_SEQ):
            raise InvalidQueryError(f"{name}={value!r} must be an integer from 0 to {MAX_SEQ}")


def fold_word(word: str) -> str:
    """``word`` without accents (compatibility forms decomposed, combining marks dropped)
    and case-folded: ``Café`` and ``CAFE`` both give ``cafe``."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return unicodedata.normalize("NFC", bare).casefold()


def search_document(*texts: str | None) -> str:
    """What a row's ``search`` column is made from: the distinct folded words of ``texts``
    (:func:`~carelens.store.base.query_words`, then :func:`fold_word`), space-separated, in
    the order they first occur, up to :data:`MAX_SEARCH_BYTES`."""
    seen: set[str] = set()
    kept: list[str] = []
    size = 0
    for text in texts:
        for word in query_words(text or ""):
            folded = fold_word(word)
            if folded in seen:
                continue
            length = len(folded.encode("utf-8"))
            if length > _MAX_WORD_BYTES:
                continue
            if size + length + 1 > MAX_SEARCH_BYTES:
                return " ".join(kept)
            seen.add(folded)
            kept.append(folded)
            size += length + 1
    return " ".join(kept)
