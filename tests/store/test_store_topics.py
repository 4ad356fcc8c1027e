"""The topic and conversation filters, facets, iteration, and upgrades from older schemas."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from store_records import raw, record, seqs

from carelens.store import (
    SCHEMA_VERSION,
    Corpus,
    InvalidQueryError,
    PostgresStore,
    SQLiteStore,
    Store,
)
from carelens.store import postgres as postgres_backend
from carelens.store import sql as sql_module
from carelens.store import sqlite as sqlite_backend
from carelens.store.base import clean_text, new_id, normalize_timestamp, now_iso
from carelens.store.sql import SQLStore

TOPICS = ("grief", "loneliness", "work", None)


def topical(seq: int, **changes: Any) -> dict[str, Any]:
    """A record whose topic cycles through :data:`TOPICS` (None: no topic assigned)."""
    category = TOPICS[seq % len(TOPICS)]
    return record(seq, topic={"category": category, "score": 0.5 + seq / 100}, **changes)


def test_schema_version_is_nine() -> None:
    assert SCHEMA_VERSION == 9


def test_topic_filter(store: Store) -> None:
    corpus = store.create_corpus("a.jsonl")
    store.add_results(corpus.id, [topical(i) for i in range(12)])
    assert seqs(store, corpus.id, topic="grief") == [0, 4, 8]
    assert seqs(store, corpus.id, topic="work", style="advice") == [
        i for i in (2, 6, 10) if record(i)["style"] == "advice"
    ]
    assert seqs(store, corpus.id, topic="nothing") == []
    assert store.results(corpus.id, topic="loneliness").items[0]["topic"] == {
        "category": "loneliness",
        "score": 0.51,
    }


def test_odd_topics_are_not_indexed(store: Store) -> None:
    corpus = store.create_corpus("a.jsonl")
    store.add_results(
        corpus.id,
        [
            record(0, topic="grief"),  # not an object
            record(1, topic={"category": 3}),  # not a string
            record(2, topic=None),
            record(3),  # no topic key
            record(4, topic={"category": "grief"}),
        ],
    )
    assert seqs(store, corpus.id, topic="grief") == [4]
    assert store.facets(corpus.id)["topic"] == [("grief", 1)]


def test_conversation_filter(store: Store) -> None:
    corpus = store.create_corpus("a.jsonl")
    store.add_results(corpus.id, [record(i) for i in range(10)])  # conversation c-(i // 4)
    assert seqs(store, corpus.id, conversation="c-1") == [4, 5, 6, 7]
    assert seqs(store, corpus.id, conversation="c-2") == [8, 9]
    assert seqs(store, corpus.id, conversation="c-1", query="job") == [4]
    assert seqs(store, corpus.id, conversation="missing") == []
    other = store.create_corpus("b.jsonl")
    store.add_results(other.id, [record(i) for i in range(3)])
    assert seqs(store, other.id, conversation="c-1") == []


def test_facets(store: Store) -> None:
    corpus = store.create_corpus("a.jsonl")
    store.add_results(corpus.id, [topical(i) for i in range(12)])
    facets = store.facets(corpus.id)
    assert set(facets) == {"style", "helper", "topic"}
    assert facets["topic"] == [("grief", 3), ("loneliness", 3), ("work", 3)]
    assert facets["helper"] == [("vol-ama", 4), ("vol-jonas", 4), ("vol-kim", 4)]
    assert sum(n for _, n in facets["style"]) == 12
    assert store.facets(corpus.id, limit=1)["topic"] == [("grief", 3)]
    assert store.facets("missing") == {"style": [], "helper": [], "topic": []}
    with pytest.raises(InvalidQueryError):
        store.facets(corpus.id, limit=-1)


def test_iter_results(store: Store) -> None:
    corpus = store.create_corpus("a.jsonl")
    given = [record(i) for i in range(23)]
    store.add_results(corpus.id, list(reversed(given)))
    for batch_size in (1, 5, 23, 1000):
        assert list(store.iter_results(corpus.id, batch_size=batch_size)) == given
    assert list(store.iter_results("missing")) == []
    with pytest.raises(InvalidQueryError, match="batch_size"):
        list(store.iter_results(corpus.id, batch_size=0))


_V1_COLUMNS = (
    "corpus_id, seq, response_id, helper, community, timestamp_utc, style, seeker_text, "
    "response_text, record"
)


_V2_COLUMNS = (
    "corpus_id, seq, response_id, helper, community, timestamp_utc, style, topic, "
    "conversation_id, seeker_text, response_text, record"
)


def store_at_version(
    version: int, open_url: Callable[[], Store], patch: pytest.MonkeyPatch
) -> SQLStore:
    """A store opened by a carelens that knew only the first ``version`` migrations."""
    patch.setattr(sql_module, "SCHEMA_VERSION", version)
    sqlite_steps = (
        sqlite_backend._SCHEMA_V1,
        sqlite_backend._SCHEMA_V2,
        sqlite_backend._SCHEMA_V3,
        sqlite_backend._SCHEMA_V4,
        sqlite_backend._SCHEMA_V5,
        sqlite_backend._SCHEMA_V6,
        sqlite_backend._SCHEMA_V7,
        sqlite_backend._SCHEMA_V8,
    )[:version]
    postgres_steps = (
        postgres_backend._SCHEMA_V1,
        postgres_backend._SCHEMA_V2,
        postgres_backend._SCHEMA_V3,
        postgres_backend._SCHEMA_V4,
        postgres_backend._SCHEMA_V5,
        postgres_backend._SCHEMA_V6,
        postgres_backend._SCHEMA_V7,
        postgres_backend._SCHEMA_V8,
    )[:version]
    patch.setattr(SQLiteStore, "_migrations", lambda self: sqlite_steps)
    patch.setattr(PostgresStore, "_migrations", lambda self: postgres_steps)
    old = open_url()
    assert isinstance(old, SQLStore) and old.schema_version() == version
    return old


def old_corpus(
    store: SQLStore, name: str, *, status: str = "queued", total: int | None = None
) -> Corpus:
    """A corpus written into the ``corpora`` columns every schema before version 7 has (no
    ``helpers``, no ``left_out``), as that carelens stored it."""
    now = now_iso()
    corpus = Corpus(new_id(), name, None, status, total, 0, 0, None, now, now)
    raw(
        store,
        "INSERT INTO corpora (id, name, format, status, total, done, rejected, error, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (corpus.id, name, None, status, total, 0, 0, None, now, now),
    )
    return corpus


_V3_COLUMNS = (
    "corpus_id, seq, response_id, helper, community, timestamp_utc, style, topic, "
    "conversation_id, crisis_cues, unsafe_reply, seeker_text, response_text, record"
)


def insert_old_rows(
    store: SQLStore, columns: str, corpus_id: str, rows: list[dict[str, Any]]
) -> None:
    """``rows`` written into the ``columns`` of an older schema, as that carelens stored them:
    texts in their columns, except that a text with NUL or a lone surrogate stays in the JSON
    and its column gets a cleaned copy for search; the columns of later versions unfilled."""
    names = [name.strip() for name in columns.split(",")]
    for r in rows:
        kept = dict(r)
        for name in ("seeker_text", "response_text"):
            if clean_text(r[name]) == r[name]:
                kept[name] = None
        values = {
            "corpus_id": corpus_id,
            "seq": r["seq"],
            "response_id": r["response_id"],
            "helper": r["speaker"],
            "community": r["community"],
            "timestamp_utc": None,
            "style": r["style"],
            "topic": None,
            "conversation_id": r["conversation_id"],
            "crisis_cues": 0,
            "unsafe_reply": 0,
            "seeker_text": clean_text(r["seeker_text"]),
            "response_text": clean_text(r["response_text"]),
            "record": json.dumps(kept, ensure_ascii=True),
        }
        marks = ", ".join("?" * len(names))
        raw(store, f"INSERT INTO results ({columns}) VALUES ({marks})", [values[n] for n in names])


def test_version_1_database_is_upgraded(
    open_url: Callable[[], Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database written by the previous carelens gets the new columns, filled from the JSON."""
    with monkeypatch.context() as patch:
        old = store_at_version(1, open_url, patch)
        corpus = old_corpus(old, "old.jsonl")
        rows = [
            topical(0),
            topical(1),
            record(2, topic={"category": 7}),
            record(3, conversation_id=None),
            record(4, seeker_text="I lost my job \x00 today", topic={"category": "work"}),
            # PostgreSQL's json could not give text from a record holding these escapes
            record(5, response_text="\x00", conversation_id="c-5", topic={"category": "grief"}),
            record(6, seeker_text="lost \ud800 job", conversation_id="c-5"),
            # SQLite's json_extract cut these at the NUL; a new record keeps the rest
            record(7, topic={"category": "lo\x00ss"}, conversation_id="c-\x007"),
        ]
        insert_old_rows(old, _V1_COLUMNS, corpus.id, rows)
        old.close()
    store = open_url()
    assert isinstance(store, SQLStore) and store.schema_version() == SCHEMA_VERSION
    assert raw(store, "SELECT count(*) FROM schema_version")[0][0] == SCHEMA_VERSION
    assert seqs(store, corpus.id, topic="grief") == [0, 5]
    assert seqs(store, corpus.id, topic="loneliness") == [1]
    assert seqs(store, corpus.id, topic="work") == [4]
    assert seqs(store, corpus.id, topic="loss") == [7]  # as a new record's (clean_text)
    assert seqs(store, corpus.id, conversation="c-7") == [7]
    assert ("loss", 1) in store.facets(corpus.id)["topic"]
    assert seqs(store, corpus.id, conversation="c-0") == [0, 1, 2]
    assert seqs(store, corpus.id, conversation="c-1") == [4]
    assert seqs(store, corpus.id, conversation="c-5") == [5, 6]
    # the search index still answers for old rows, and new rows go in with their topic
    assert seqs(store, corpus.id, query="job") == [0, 4, 6]
    assert store.results(corpus.id, query="job").items[2]["seeker_text"] == "lost \ud800 job"
    store.add_results(corpus.id, [topical(8), record(10, topic={"category": "lo\x00ss"})])
    assert seqs(store, corpus.id, topic="grief") == [0, 5, 8]
    assert seqs(store, corpus.id, topic="loss") == [7, 10]
    assert seqs(store, corpus.id, query="job") == [0, 4, 6, 8]


def test_version_1_database_with_a_nan_is_upgraded(
    open_url: Callable[[], Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite's JSON functions call a record with NaN (stored before carelens refused one)
    malformed, which failed the upgrade to versions 2 and 3; Python reads it."""
    with monkeypatch.context() as patch:
        old = store_at_version(1, open_url, patch)
        corpus = old_corpus(old, "old.jsonl")
        rows = [
            record(0, seeker={"needs_attention": True}, topic={"category": "grief"}),
            record(1, extra=float("nan"), unsafe=[{"start": 0}], topic={"category": "grief"}),
        ]
        insert_old_rows(old, _V1_COLUMNS, corpus.id, rows)
        old.close()
    store = open_url()
    assert isinstance(store, SQLStore) and store.schema_version() == SCHEMA_VERSION
    assert seqs(store, corpus.id, topic="grief") == [0, 1]
    assert seqs(store, corpus.id, attention="crisis") == [0]
    assert seqs(store, corpus.id, attention="unsafe") == [1]


def test_sqlite_text_updates_still_reach_the_search_index(store: Store) -> None:
    if not isinstance(store, SQLiteStore):
        pytest.skip("the FTS triggers are SQLite's")
    corpus = store.create_corpus("a.jsonl")
    store.add_results(corpus.id, [record(0), record(1)])
    raw(store, "UPDATE results SET seeker_text = ? WHERE seq = 1", ("a zebra crossing",))
    assert seqs(store, corpus.id, query="zebra") == [1]
    raw(store, "UPDATE results SET topic = ? WHERE seq = 0", ("grief",))
    assert seqs(store, corpus.id, query="job") == [0]


def test_version_2_database_is_upgraded(
    open_url: Callable[[], Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows stored before the attention columns get them, filled from the JSON."""
    with monkeypatch.context() as patch:
        old = store_at_version(2, open_url, patch)
        corpus = old_corpus(old, "old.jsonl")
        words = [{"start": 0, "end": 4, "label": "urging", "score": 1.0}]
        rows = [
            record(0, seeker={"needs_attention": True, "crisis_cues": []}),
            record(1, unsafe=words),
            record(2, seeker={"needs_attention": True}, unsafe=words),
            record(3, unsafe=[]),
            record(4, seeker="not an object", unsafe={"start": 0}),
            record(5, seeker={"needs_attention": "true"}),
            record(6, seeker={"needs_attention": True}, seeker_text="\x00 no more"),
        ]
        insert_old_rows(old, _V2_COLUMNS, corpus.id, rows)
        old.close()
    store = open_url()
    assert isinstance(store, SQLStore) and store.schema_version() == SCHEMA_VERSION
    assert seqs(store, corpus.id, attention="crisis") == [0, 2, 6]
    assert seqs(store, corpus.id, attention="unsafe") == [1, 2]
    assert seqs(store, corpus.id, attention="any") == [0, 1, 2, 6]
    store.add_results(corpus.id, [record(7, unsafe=words)])
    assert seqs(store, corpus.id, attention="unsafe") == [1, 2, 7]


def test_version_3_database_is_upgraded(
    open_url: Callable[[], Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows stored before version 4 are indexed again: on PostgreSQL their words are then
    split and folded as a query's are."""
    with monkeypatch.context() as patch:
        old = store_at_version(3, open_url, patch)
        corpus = old_corpus(old, "old.jsonl")
        rows = [
            record(0, seeker_text="We met at the CAFÉ", response_text="on example.com"),
            record(1, seeker_text="Nothing \x00 here", response_text="version 3.11.2"),
            record(2),
        ]
        insert_old_rows(old, _V3_COLUMNS, corpus.id, rows)
        old.close()
    store = open_url()
    assert isinstance(store, SQLStore) and store.schema_version() == SCHEMA_VERSION
    assert seqs(store, corpus.id, query="cafe") == [0]
    assert seqs(store, corpus.id, query="example.com") == [0]
    assert seqs(store, corpus.id, query="3.11.2 nothing") == [1]
    assert seqs(store, corpus.id, query="sister") == [2]
    store.add_results(corpus.id, [record(3, seeker_text="café")])
    assert seqs(store, corpus.id, query="Cafe") == [0, 3]


def test_version_4_database_is_upgraded(
    open_url: Callable[[], Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Version 4 read only ISO-8601 text into ``timestamp_utc``: a Unix time kept as text
    (a CSV column) had a date on the pages and matched no date filter, and a placeholder
    year-1 date matched. Version 5 reads them as the pages do."""
    stamps = [
        "1725300000",  # 2024-09-02T18:00:00Z, in seconds
        "1725300000000",  # the same, in milliseconds
        "2024-09-03T09:00:00+02:00",
        "0001-01-01",
        "20240904",
        "soon",
    ]
    with monkeypatch.context() as patch:
        old = store_at_version(4, open_url, patch)
        corpus = old_corpus(old, "old.csv")
        rows = [record(i, timestamp=stamp) for i, stamp in enumerate(stamps)]
        rows[5]["seeker_text"] = "Ελληνικά and a ﬁle"  # SQLite's old index: no match
        insert_old_rows(old, _V3_COLUMNS, corpus.id, rows)
        for i, stamp in enumerate(stamps):  # what version 4 stored
            raw(
                old,
                "UPDATE results SET timestamp_utc = ? WHERE seq = ?",
                (normalize_timestamp(stamp), i),
            )
        assert seqs(old, corpus.id, since="2024-09-01") == [2, 4]
        assert seqs(old, corpus.id, until="1990-01-01") == [3]
        old.close()
    store = open_url()
    assert isinstance(store, SQLStore) and store.schema_version() == SCHEMA_VERSION
    if isinstance(store, SQLiteStore):  # indexed again (PostgreSQL's index is unchanged)
        assert seqs(store, corpus.id, query="ελληνικα file") == [5]
        assert seqs(store, corpus.id, query="sister") == [2]
    assert seqs(store, corpus.id, since="2024-09-01") == [0, 1, 2, 4]
    assert seqs(store, corpus.id, since="2024-09-03", until="2024-09-03T23:59:59Z") == [2]
    assert seqs(store, corpus.id, until="1990-01-01") == []
    assert raw(store, "SELECT timestamp_utc FROM results WHERE seq = 0")[0][0] == (
        "2024-09-02T18:00:00.000000Z"
    )
    # new rows are stored the same way
    store.add_results(
        corpus.id, [record(6, timestamp="1725400000"), record(7, timestamp=1725400000)]
    )
    assert seqs(store, corpus.id, since="2024-09-03T12:00:00Z") == [4, 6, 7]


def test_version_5_database_is_upgraded(
    open_url: Callable[[], Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Version 5 folded a query word before it dropped stop words only on SQLite's side and
    kept a word that folds to several (``½``: 1, FRACTION SLASH, 2) whole, which
    PostgreSQL's parser then indexed as one word and SQLite's tokenizer as two. Version 6
    indexes such rows again on PostgreSQL; SQLite's old index answers as the new one."""
    texts = ["½ cup", "á la carte", "1 2 numbers", "plain words"]
    with monkeypatch.context() as patch:
        old = store_at_version(5, open_url, patch)
        corpus = old_corpus(old, "old.jsonl")
        old.add_results(
            corpus.id, [record(i, seeker_text=t, response_text="") for i, t in enumerate(texts)]
        )
        # the search documents version 5 made
        documents = ["1\u20442 cup", "a la carte", "1 2 numbers", "plain words"]
        for seq, document in enumerate(documents):
            if isinstance(old, PostgresStore):
                sql = "UPDATE results SET search = to_tsvector('english', ?) WHERE seq = ?"
            else:
                sql = (
                    "UPDATE results_search SET words = ? "
                    "WHERE rowid = (SELECT id FROM results WHERE seq = ?)"
                )
            raw(old, sql, (document, seq))
        if isinstance(old, PostgresStore):
            assert seqs(old, corpus.id, query="1") == [2]  # 1, FRACTION SLASH, 2: one word there
        old.close()
    store = open_url()
    assert isinstance(store, SQLStore) and store.schema_version() == SCHEMA_VERSION
    assert seqs(store, corpus.id, query="1") == [0, 2]
    assert seqs(store, corpus.id, query="½") == [0, 2]
    assert seqs(store, corpus.id, query="2 cup") == [0]
    assert seqs(store, corpus.id, query="á") == []  # a stop word once folded
    assert seqs(store, corpus.id, query="á carte") == [1]
    assert seqs(store, corpus.id, query="plain") == [3]


def test_version_6_database_is_upgraded(
    open_url: Callable[[], Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Version 7 keeps the helper patterns of an upload and how many responses they left
    out. Corpora stored before read as uploaded without helpers: every response analysed,
    so none left out once the file was counted (and unknown before)."""
    with monkeypatch.context() as patch:
        old = store_at_version(6, open_url, patch)
        with old._transaction(write=False) as tx:
            assert not {"helpers", "left_out"} & set(old._columns(tx, "corpora"))
        queued = old_corpus(old, "queued.jsonl")
        done = old_corpus(old, "done.jsonl", status="done", total=3)
        old.add_results(done.id, [record(i) for i in range(3)])
        old.close()
    store = open_url()
    assert isinstance(store, SQLStore) and store.schema_version() == SCHEMA_VERSION
    assert raw(store, "SELECT count(*) FROM schema_version")[0][0] == SCHEMA_VERSION
    upgraded = {c.id: c for c in store.list_corpora()}
    assert (upgraded[queued.id].helpers, upgraded[queued.id].left_out) == ((), None)
    assert (upgraded[done.id].helpers, upgraded[done.id].left_out) == ((), 0)
    with store._transaction(write=False) as tx:  # in the order a new database has them
        assert store._columns(tx, "corpora")[-5:-1] == [
            "helpers",
            "left_out",
            "model",
            "redacted",
        ]
    finished = upgraded[done.id]
    assert (finished.status, finished.total, finished.done) == ("done", 3, 3)
    assert seqs(store, done.id, query="job") == [0]
    # the old corpus goes on as a new one would, and new corpora keep their patterns
    store.set_status(queued.id, "running", total=4, rejected=0, left_out=2)
    resumed = store.get_corpus(queued.id)
    assert resumed is not None and (resumed.helpers, resumed.left_out) == ((), 2)
    new = store.create_corpus("new.jsonl", helpers=["vol-*", "ama"])
    assert store.get_corpus(new.id) == new and new.helpers == ("vol-*", "ama")


def test_version_7_database_is_upgraded(
    open_url: Callable[[], Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Version 8 keeps the fingerprint of the model build that analyses a corpus and whether
    its texts are redacted. Corpora stored before have neither (NULL), and keep their
    results: the worker records what it runs when it takes one up again."""
    with monkeypatch.context() as patch:
        old = store_at_version(7, open_url, patch)
        with old._transaction(write=False) as tx:
            assert {"model", "redacted"}.isdisjoint(old._columns(tx, "corpora"))
        running = old_corpus(old, "running.jsonl", status="running", total=5)
        raw(
            old,
            "UPDATE corpora SET helpers = ?, left_out = ? WHERE id = ?",
            ('["vol-*"]', 2, running.id),
        )
        old.add_results(running.id, [record(i) for i in range(3)])
        old.close()
    store = open_url()
    assert isinstance(store, SQLStore) and store.schema_version() == SCHEMA_VERSION
    assert raw(store, "SELECT count(*) FROM schema_version")[0][0] == SCHEMA_VERSION
    with store._transaction(write=False) as tx:  # in the order a new database has them
        assert store._columns(tx, "corpora")[-3:-1] == ["model", "redacted"]
    upgraded = store.get_corpus(running.id)
    assert upgraded is not None and (upgraded.model, upgraded.redacted) == (None, None)
    assert (upgraded.status, upgraded.total, upgraded.done) == ("running", 5, 3)
    assert (upgraded.helpers, upgraded.left_out) == (("vol-*",), 2)
    assert [c.model for c in store.list_corpora()] == [None]
    # the worker records its model; the results stored before stay
    store.set_model(running.id, "0123456789abcdef", redacted=True)
    recorded = store.get_corpus(running.id)
    assert recorded is not None and recorded.model == "0123456789abcdef" and recorded.redacted
    assert recorded.done == 3 and seqs(store, running.id) == [0, 1, 2]
    assert seqs(store, running.id, query="job") == [0]
    new = store.create_corpus("new.jsonl")
    assert (new.model, new.redacted) == (None, None) and store.get_corpus(new.id) == new
