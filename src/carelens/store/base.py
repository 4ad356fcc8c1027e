"""The store's data types and contract, and the pure helpers both backends share.

:class:`Corpus` and :class:`Page` are what the store hands back; :class:`Store` is the
protocol the SQLite and PostgreSQL backends implement. The helpers turn a result record into
the row that indexes it (:func:`prepare_record` / :func:`restore_record`), put timestamps in
one sortable UTC form (:func:`record_timestamp` for records, :func:`normalize_timestamp` for
query bounds), cut texts and free-text queries into the words the search indexes and
matches (:func:`search_words`, :func:`search_document`, :func:`query_words`), tell an id
that no row can have (:func:`known_id`), and make and check API-key secrets
(:func:`new_secret`, :func:`secret_matches`). None of them touches a database.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import re
import secrets
import unicodedata
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from carelens.checks import int_between
from carelens.errors import InputError
from carelens.store.errors import InvalidQueryError
from carelens.timestamps import from_iso, parse_timestamp
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
    """One uploaded file and the progress of its analysis.

    ``helpers`` are the speaker patterns the upload named (``--helper``: only those
    speakers' responses are analysed; empty for every response), and ``left_out`` how many
    responses they left out (None until the file has been counted). ``model`` is the
    fingerprint of the model build that analyses it
    (:attr:`~carelens.inference.artifact.ModelArtifact.fingerprint`; None until its
    analysis starts, and for the corpora stored before schema version 8), and ``redacted``
    whether its stored texts are redacted (``carelens serve --redact``; None likewise): one
    corpus holds the results of one model and one redaction setting. ``upload_folder`` is the
    id of the uploads folder that holds its file (the server that received it; None for a
    corpus created without one, and for those stored before schema version 9): a server
    analyses only the corpora whose file it holds.
    """

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
    helpers: tuple[str, ...] = ()
    left_out: int | None = None
    model: str | None = None
    redacted: bool | None = None
    upload_folder: str | None = None

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

    def create_corpus(
        self,
        name: str,
        *,
        format: str | None = None,
        helpers: Sequence[str] = (),
        upload_folder: str | None = None,
    ) -> Corpus: ...

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
        left_out: int | None = None,
        error: str | None = None,
    ) -> None: ...

    def set_model(
        self, corpus_id: str, model: str | None = None, *, redacted: bool | None = None
    ) -> None: ...

    def restart_corpus(
        self, corpus_id: str, model: str | None = None, *, redacted: bool | None = None
    ) -> int: ...

    def add_results(
        self,
        corpus_id: str,
        records: Sequence[Mapping[str, Any]],
        *,
        model: str | None = None,
        redacted: bool | None = None,
    ) -> int: ...

    def stored_seqs(self, corpus_id: str) -> int: ...

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
    dates or a Unix time, from 1980 up to the end of 2099), so a date filter finds what they
    show as dated."""
    moment = parse_timestamp(value)
    return None if moment is None else sortable(moment)


def sortable(moment: datetime) -> str:
    """An aware datetime as sortable UTC text (``YYYY-MM-DDTHH:MM:SS.ffffffZ``)."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def normalize_timestamp(value: object) -> str | None:
    """A ``since`` / ``until`` bound as sortable UTC text (:func:`sortable`), or None.

    Any ISO-8601 string :func:`datetime.fromisoformat` reads is accepted, its ``Z`` in either
    case (:func:`~carelens.timestamps.from_iso`; a date alone means midnight; no offset means
    UTC), in any year. A moment in year 1 east of UTC or in year
    9999 west of it has no UTC datetime; it is before (after) every time the store holds,
    so the first (last) one there is stands for it. Anything else gives None.
    """
    if not isinstance(value, str):
        return None
    try:
        parsed = from_iso(value.strip())
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    try:
        return sortable(parsed)
    except OverflowError:
        offset = parsed.utcoffset()
        edge = datetime.min if offset is not None and offset > timedelta(0) else datetime.max
        return sortable(edge.replace(tzinfo=UTC))


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
#: keeps the same one so the backends find the same records), nor searched for.
_MAX_WORD_BYTES = 2047
#: Distinct words a query searches for at most; later ones are left out. It bounds what a
#: query asks of either backend (PostgreSQL refuses a ``tsquery`` over 1 MiB, which a long
#: enough query reached); the service's ``q`` (200 characters) has no more in practice.
MAX_QUERY_WORDS = 100


def _folded_parts(word: str) -> list[str]:
    """``word`` folded (:func:`fold_word`), split again where folding made a character that
    is no letter or digit (``½`` gives 1, FRACTION SLASH, 2: ``1`` and ``2``), as SQLite's
    tokenizer splits it; PostgreSQL's parser kept it whole on a C-locale cluster."""
    folded = fold_word(word)
    # str.isalnum is what the word pattern matches (less "_", which fold_word never makes)
    return [folded] if folded.isalnum() else _WORD_RE.findall(folded)


def _word_rule(folded: str) -> bool:
    """Whether a folded word is indexed and searched for: not a stop word (checked after
    folding, as PostgreSQL checks it: ``á`` and a fullwidth ``The`` fold to stop words), and not
    over :data:`_MAX_WORD_BYTES`."""
    return folded not in STOP_WORDS and len(folded.encode("utf-8")) <= _MAX_WORD_BYTES


def search_words(text: str) -> Iterator[str]:
    """The words of ``text`` that the search indexes and matches, folded, in order (repeats
    included): runs of letters and digits, each folded (:func:`fold_word`) and split again
    where folding made another character, less English stop words and words over 2,047
    bytes. Documents (:func:`search_document`) and queries (:func:`query_words`) both use
    it, so both backends see the same words in a text and in a query."""
    for word in _WORD_RE.findall(text):
        if word.isascii():  # most words: folding is lower case, which splits nothing
            folded = word.lower()
            if folded not in STOP_WORDS and len(folded) <= _MAX_WORD_BYTES:
                yield folded
        elif len(word) <= _CACHED_CHARS:
            yield from _cached_parts(word)
        else:
            yield from _searchable_parts(word)


def _searchable_parts(word: str) -> tuple[str, ...]:
    """The words :func:`search_words` makes of one word."""
    return tuple(folded for folded in _folded_parts(word) if _word_rule(folded))


#: Words (not ASCII) up to this long have their parts cached (:func:`_cached_parts`): a
#: text repeats most of its words, and a corpus its texts' words. The bound keeps the cache
#: small.
_CACHED_CHARS = 40
_cached_parts = functools.lru_cache(maxsize=2**14)(_searchable_parts)


def query_words(query: str) -> list[str]:
    """The words a search query looks for (:func:`search_words`, already folded), each once,
    at most :data:`MAX_QUERY_WORDS` of them.

    Everything else (quotes, ``*``, ``-``, parentheses, ``AND``/``OR``/``NOT``) is dropped,
    so no input can be query syntax.
    """
    words: list[str] = []
    for word in search_words(query):
        if word not in words:
            words.append(word)
            if len(words) == MAX_QUERY_WORDS:
                break
    return words


def common_words(query: str) -> list[str]:
    """The words of a search query that :func:`query_words` leaves out as English stop words
    (too common to search for), folded, each once, in the order given."""
    found: list[str] = []
    for word in _WORD_RE.findall(query):
        for folded in _folded_parts(word):
            if folded in STOP_WORDS and folded not in found:
                found.append(folded)
    return found


def folding_splits(text: str | None) -> bool:
    """Whether a word of ``text`` folds to more than one word (``½``): before schema version
    6, such a word went into PostgreSQL's index whole (see :func:`_folded_parts`)."""
    if not text or text.isascii():  # an ASCII word folds to its lower case
        return False
    return any(
        not word.isascii() and not fold_word(word).isalnum() for word in _WORD_RE.findall(text)
    )


def clean_text(value: object) -> str | None:
    """A string that any database accepts (no NUL, valid UTF-8), or None for non-strings."""
    if not isinstance(value, str):
        return None
    text = value.replace("\x00", "")
    return text.encode("utf-8", "replace").decode("utf-8")


def _storable(value: object) -> bool:
    return isinstance(value, str) and clean_text(value) == value


def known_id(name: str, value: object) -> bool:
    """Whether ``value`` may be the id of a stored corpus or key; InvalidQueryError when it
    is not a string. A string with NUL or a lone surrogate is no id the store makes, and no
    database could hold it (PostgreSQL's driver refuses to send it, SQLite's to encode it),
    so the store answers "not found" without asking the database."""
    if not isinstance(value, str):
        raise InvalidQueryError(f"{name} must be a string, not {type(value).__name__}")
    return _storable(value)


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


def record_seq(record: object, index: int) -> int:
    """The record's ``seq`` (0-based position in its input), or InputError (also for a
    record that is not a mapping)."""
    if not isinstance(record, Mapping):
        raise InputError(
            f"record {index} of the batch is a {type(record).__name__}, not an object with "
            "fields (a mapping)",
            field="record",
        )
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


def _length_error(index: int, seq: int, what: str, field: str, length: int) -> InputError:
    return InputError(
        f"record {index} of the batch (seq {seq}): {what} has {length} characters, over "
        f"the limit of {MAX_ID_CHARS}",
        field=field,
    )


def check_indexed_lengths(record: Mapping[str, Any], index: int, seq: int) -> None:
    """InputError when a value the store indexes is over
    :data:`~carelens.types.MAX_ID_CHARS` characters: an id (:data:`ID_COLUMNS`), the style,
    the topic category or a dimension name. carelens' own labels are short, but a record
    from elsewhere may carry anything, and a PostgreSQL B-tree row holds at most 2,704
    bytes (512 four-byte characters fit)."""
    for name in (*ID_COLUMNS, "style"):
        value = record.get(name)
        if isinstance(value, str) and len(value) > MAX_ID_CHARS:
            raise _length_error(index, seq, name, name, len(value))
    topic = record.get("topic")
    category = topic.get("category") if isinstance(topic, Mapping) else None
    if isinstance(category, str) and len(category) > MAX_ID_CHARS:
        raise _length_error(index, seq, "topic.category", "topic.category", len(category))
    for name, _ in record_levels(record):
        if len(name) > MAX_ID_CHARS:
            raise _length_error(index, seq, "a dimension name", "dimension", len(name))


def record_levels(record: Mapping[str, Any]) -> Iterator[tuple[str, int]]:
    """Each top-level field of ``record`` that scores a dimension (an object with an integer
    ``level`` the store can index) as ``(name, level)``, names as given."""
    for name, value in record.items():
        if isinstance(name, str) and isinstance(value, Mapping):
            level = value.get("level")
            if int_between(level, LEVEL_MIN, LEVEL_MAX):
                yield name, level


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
    check_indexed_lengths(record, index, seq)
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
    for name, level in record_levels(record):
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


def check_helpers(helpers: object) -> tuple[str, ...]:
    """The ``helpers`` of a new corpus as the store keeps them: each pattern cleaned
    (:func:`clean_text`), in order; InvalidQueryError when they are not a list or tuple of
    strings (a single string is refused: ``helpers="vol-*"`` would be six patterns)."""
    if not isinstance(helpers, list | tuple) or not all(isinstance(h, str) for h in helpers):
        raise InvalidQueryError(
            f"helpers must be a list of strings (speaker patterns), not {helpers!r:.100}"
        )
    return tuple(clean_text(h) or "" for h in helpers)


def check_model(model: object, name: str = "model", what: str = "a model fingerprint") -> str:
    """The model fingerprint of a corpus as the store keeps it (:func:`clean_text`);
    InvalidQueryError when it is not a string, is blank, or is over
    :data:`~carelens.types.MAX_ID_CHARS` characters. ``name`` and ``what`` name the argument
    in the message (the ``upload_folder`` of a corpus is checked alike)."""
    if not isinstance(model, str):
        raise InvalidQueryError(f"{name} must be a string ({what}), not {type(model).__name__}")
    cleaned = clean_text(model) or ""
    if not cleaned.strip() or len(model) > MAX_ID_CHARS:
        raise InvalidQueryError(
            f"{name}={model!r:.100} must be {what}: not blank, at most {MAX_ID_CHARS} characters"
        )
    return cleaned


def check_redacted(redacted: object) -> bool | None:
    """Whether a corpus' texts are redacted, as the store takes it: True, False or None
    (not recorded); InvalidQueryError for anything else."""
    if redacted is None or isinstance(redacted, bool):
        return redacted
    raise InvalidQueryError(f"redacted must be True, False or None, not {type(redacted).__name__}")


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
    """What a row's ``search`` column is made from: the distinct words of ``texts``
    (:func:`search_words`: folded, stop words and over-long words left out),
    space-separated, in the order they first occur, up to :data:`MAX_SEARCH_BYTES`."""
    seen: set[str] = set()
    kept: list[str] = []
    size = 0
    for text in texts:
        for word in search_words(text or ""):
            if word in seen:
                continue
            length = len(word.encode("utf-8"))
            if size + length + 1 > MAX_SEARCH_BYTES:
                return " ".join(kept)
            seen.add(word)
            kept.append(word)
            size += length + 1
    return " ".join(kept)
