"""Storing results: exactly once per (corpus, seq), atomic batches, exact round trips, resume."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_records import raw, record, seqs

from carelens.errors import InputError
from carelens.store import CorpusNotFoundError, Store, StoreError, StoreUnavailableError
from carelens.types import MAX_ID_CHARS

HYPOTHESIS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def test_add_results_is_idempotent(store: Store) -> None:
    corpus = store.create_corpus("a.jsonl")
    assert store.add_results(corpus.id, [record(i) for i in range(10)]) == 10
    assert store.add_results(corpus.id, [record(i) for i in range(10)]) == 0
    assert store.add_results(corpus.id, [record(i) for i in range(5, 15)]) == 5
    assert store.get_corpus(corpus.id).done == 15  # type: ignore[union-attr]
    assert seqs(store, corpus.id) == list(range(15))
    assert raw(store, "SELECT count(*) FROM results")[0][0] == 15
    assert raw(store, "SELECT count(*) FROM result_levels")[0][0] == 2 * 15


def test_first_record_for_a_seq_wins(store: Store) -> None:
    corpus = store.create_corpus("a.jsonl")
    assert store.add_results(corpus.id, [record(0, style="first"), record(0, style="second")]) == 1
    store.add_results(corpus.id, [record(0, style="third")])
    [item] = store.results(corpus.id).items
    assert item["style"] == "first"


def test_empty_batch(store: Store) -> None:
    corpus = store.create_corpus("a.jsonl")
    assert store.add_results(corpus.id, []) == 0
    assert store.stored_seqs(corpus.id) == 0


def test_same_seq_in_two_corpora(store: Store) -> None:
    a, b = store.create_corpus("a.jsonl"), store.create_corpus("b.jsonl")
    assert store.add_results(a.id, [record(0)]) == 1
    assert store.add_results(b.id, [record(0)]) == 1
    assert store.results(a.id).total == store.results(b.id).total == 1


@pytest.mark.parametrize(
    "bad", [None, "3", 1.0, -1, True, 2**63], ids=["none", "str", "float", "neg", "bool", "big"]
)
def test_record_needs_an_integer_seq(store: Store, bad: Any) -> None:
    corpus = store.create_corpus("a.jsonl")
    broken = record(1)
    if bad is None:
        del broken["seq"]
    else:
        broken["seq"] = bad
    with pytest.raises(InputError, match="seq") as info:
        store.add_results(corpus.id, [record(0), broken])
    assert info.value.field == "seq"
    assert store.results(corpus.id).total == 0  # nothing of the batch was stored


def test_batch_is_all_or_nothing(store: Store) -> None:
    corpus = store.create_corpus("a.jsonl")
    with pytest.raises(InputError, match="JSON"):
        store.add_results(corpus.id, [record(0), record(1, extra=object())])
    assert store.get_corpus(corpus.id).done == 0  # type: ignore[union-attr]
    assert store.results(corpus.id).total == 0


@pytest.mark.parametrize("number", [float("nan"), float("inf")])
def test_a_number_json_cannot_hold_is_refused(store: Store, number: float) -> None:
    """NaN was stored as JSON's non-standard NaN, which a schema upgrade then could not
    read (storage.md: a record that cannot be stored as JSON is an InputError)."""
    corpus = store.create_corpus("a.jsonl")
    with pytest.raises(InputError, match="JSON"):
        store.add_results(corpus.id, [record(0, extra=number)])
    assert store.results(corpus.id).total == 0


def test_unknown_corpus(store: Store) -> None:
    with pytest.raises(CorpusNotFoundError):
        store.add_results("missing", [record(0)])
    assert store.stored_seqs("missing") == 0
    assert store.results("missing").total == 0


def test_records_round_trip_exactly(store: Store) -> None:
    corpus = store.create_corpus("a.jsonl")
    given_records = [
        record(0),
        record(1, seeker_text=None, response_text=None),  # a --no-text run
        record(2, seeker_text="nul\x00inside", response_text="lone \ud800 surrogate"),
        {"seq": 3},  # nothing but the seq
        record(4, response_text="ünïcödé — 你好 🙂", timestamp="not a time", speaker=None),
    ]
    store.add_results(corpus.id, given_records)
    items = store.results(corpus.id).items
    assert items == given_records
    # key order survives too (the texts are stored apart from the JSON)
    assert [list(item) for item in items] == [list(r) for r in given_records]
    assert json.dumps(items[0]) == json.dumps(given_records[0])


text = st.one_of(st.none(), st.text(max_size=30))


@HYPOTHESIS
@given(seeker=text, response=text, speaker=text, style=text)
def test_any_text_round_trips(
    store: Store, seeker: Any, response: Any, speaker: Any, style: Any
) -> None:
    corpus = store.create_corpus("a.jsonl")
    given_record = record(0, seeker_text=seeker, response_text=response, speaker=speaker)
    given_record["style"] = style
    assert store.add_results(corpus.id, [given_record]) == 1
    assert store.results(corpus.id).items == [given_record]


@HYPOTHESIS
@given(batches=st.lists(st.lists(st.integers(0, 40), max_size=25), max_size=6))
def test_random_batches_store_each_seq_once(store: Store, batches: list[list[int]]) -> None:
    corpus = store.create_corpus("a.jsonl")
    stored: set[int] = set()
    for batch in batches:
        added = store.add_results(corpus.id, [record(seq) for seq in batch])
        assert added == len(set(batch) - stored)
        stored |= set(batch)
        expected_resume = 0
        while expected_resume in stored:
            expected_resume += 1
        assert store.stored_seqs(corpus.id) == expected_resume
    assert seqs(store, corpus.id) == sorted(stored)
    assert store.get_corpus(corpus.id).done == len(stored)  # type: ignore[union-attr]


def test_resume_point(store: Store) -> None:
    corpus = store.create_corpus("a.jsonl")
    assert store.stored_seqs(corpus.id) == 0
    store.add_results(corpus.id, [record(i) for i in (1, 2, 3)])
    assert store.stored_seqs(corpus.id) == 0  # seq 0 is missing
    store.add_results(corpus.id, [record(0)])
    assert store.stored_seqs(corpus.id) == 4
    store.add_results(corpus.id, [record(i) for i in (6, 7)])
    assert store.stored_seqs(corpus.id) == 4  # 4 and 5 are missing
    store.add_results(corpus.id, [record(i) for i in (4, 5)])
    assert store.stored_seqs(corpus.id) == 8


def test_interrupted_upload_resumes_exactly_once(store: Store) -> None:
    """A worker that dies mid-batch and restarts from stored_seqs stores every pair once."""
    corpus = store.create_corpus("a.jsonl")
    pairs = [record(i) for i in range(23)]
    store.add_results(corpus.id, pairs[:10])
    store.add_results(corpus.id, pairs[12:15])  # a later batch landed; 10 and 11 did not
    resume = store.stored_seqs(corpus.id)
    assert resume == 10
    for start in range(resume, len(pairs), 4):  # the restarted worker redoes 12..14 too
        store.add_results(corpus.id, pairs[start : start + 4])
    assert seqs(store, corpus.id) == list(range(23))
    assert store.get_corpus(corpus.id).done == 23  # type: ignore[union-attr]


def test_a_value_the_database_refuses_is_no_outage(store: Store, backend: str) -> None:
    """Only errors that may pass are StoreUnavailableError (the service retries and parks
    on those); a value PostgreSQL cannot index fails the same way every time. (add_results
    refuses such a value itself now, so it is written here past it.)"""
    corpus = store.create_corpus("a.jsonl")
    huge = "x" * 10_000 + "".join(chr(0x4E00 + i) for i in range(3000))
    insert = "INSERT INTO results (corpus_id, seq, topic, record) VALUES (?, ?, ?, ?)"
    if backend == "sqlite":
        raw(store, insert, (corpus.id, 0, huge, "{}"))
        return
    with pytest.raises(StoreError, match="index row") as info:
        raw(store, insert, (corpus.id, 0, huge, "{}"))
    assert not isinstance(info.value, StoreUnavailableError)


@pytest.mark.parametrize("name", ["response_id", "speaker", "community", "conversation_id"])
def test_an_id_too_long_to_index_is_refused_alike_by_both_backends(store: Store, name: str) -> None:
    """Ids and names have a length limit that fits PostgreSQL's B-tree rows even for
    4-byte characters; both backends refuse a longer one, naming the record and field."""
    corpus = store.create_corpus("a.jsonl")
    widest = "\U0001f600" * MAX_ID_CHARS  # 2,048 UTF-8 bytes: PostgreSQL indexes it
    assert store.add_results(corpus.id, [record(0, **{name: widest})]) == 1
    with pytest.raises(InputError, match=f"record 1 of the batch .seq 2.: {name} has 513") as info:
        store.add_results(corpus.id, [record(1), record(2, **{name: widest + "x"})])
    assert info.value.field == name
    assert seqs(store, corpus.id) == [0]  # the batch is refused whole, as for any bad record
    [stored] = store.results(corpus.id).items
    assert stored[name] == widest


def labelled(field: str, value: str) -> dict[str, Any]:
    """Record 2 whose ``field`` (a label the store indexes) is ``value``."""
    if field == "style":
        return record(2, style=value)
    if field == "topic.category":
        return record(2, topic={"category": value, "score": 0.5})
    return {**record(2), value: {"level": 1, "probabilities": []}}  # a dimension name


@pytest.mark.parametrize("field", ["style", "topic.category", "dimension"])
def test_a_label_too_long_to_index_is_refused_alike_by_both_backends(
    store: Store, field: str
) -> None:
    """The style, the topic category and the dimension names are indexed too: SQLite stored
    a 3,000-character one, PostgreSQL refused its whole batch ("index row size ...
    exceeds btree maximum"). Both now hold them to the ids' limit."""
    corpus = store.create_corpus("a.jsonl")
    widest = "\U0001f600" * MAX_ID_CHARS
    fits = labelled(field, widest)
    fits["seq"] = 0
    assert store.add_results(corpus.id, [fits]) == 1
    with pytest.raises(InputError, match=r"record 1 of the batch .seq 2.: .* has 513") as info:
        store.add_results(corpus.id, [record(1), labelled(field, widest + "x")])
    assert info.value.field == field
    assert seqs(store, corpus.id) == [0]
    assert store.results(corpus.id).items == [fits]


def test_a_dimension_name_counts_only_when_it_is_scored(store: Store) -> None:
    """A long field name that scores nothing (no integer level) is not indexed: stored."""
    corpus = store.create_corpus("a.jsonl")
    long_name = "n" * (MAX_ID_CHARS + 1)
    given = record(0, **{long_name: {"level": "high"}})
    assert store.add_results(corpus.id, [given]) == 1
    assert store.results(corpus.id).items == [given]


@pytest.mark.parametrize("bad", [[("seq", 1)], "seq", None, 7], ids=["list", "str", "none", "int"])
def test_a_record_that_is_not_a_mapping_is_an_input_error(store: Store, bad: Any) -> None:
    """storage.md: a record that cannot be stored is an InputError naming the field (a list
    of pairs raised a bare AttributeError)."""
    corpus = store.create_corpus("a.jsonl")
    with pytest.raises(InputError, match="record 1 of the batch is a") as info:
        store.add_results(corpus.id, [record(0), bad])
    assert info.value.field == "record"
    assert store.results(corpus.id).total == 0


_FILE_TOO_BIG = """
import resource, sys
from carelens.store.sqlite import SQLiteStore
from carelens.store import StoreUnavailableError

store = SQLiteStore(sys.argv[1])
corpus = store.create_corpus("a.jsonl")
# like `ulimit -f 300`: a write past 300 KiB fails (EFBIG), which SQLite reports as a disk
# I/O error after rolling the transaction back itself
resource.setrlimit(resource.RLIMIT_FSIZE, (300 * 1024, resource.RLIM_INFINITY))
text = " ".join(f"w{i}" for i in range(30_000))
batch = [{"seq": i, "seeker_text": text, "response_text": text} for i in range(10)]
for _ in range(2):
    try:
        store.add_results(corpus.id, batch)
    except StoreUnavailableError as exc:
        print("unavailable:", exc)
print("done", store.get_corpus(corpus.id).done, store.stored_seqs(corpus.id))
print("small", store.add_results(corpus.id, [{"seq": 0, "seeker_text": "fits"}]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_sqlite_io_error_is_unavailable_and_the_store_usable(tmp_path: Path) -> None:
    """A write that fails with an I/O error (here a file size limit) raised a bare
    sqlite3.OperationalError "cannot rollback - no transaction is active": SQLite had
    rolled back already, and the store's own ROLLBACK failed over the real error. Run in
    a process of its own, so the limit binds nothing else."""
    script = tmp_path / "too_big.py"
    script.write_text(_FILE_TOO_BIG)
    run = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "store.db")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert [line.split(":")[0] for line in lines[:2]] == ["unavailable", "unavailable"]
    assert "disk I/O error" in lines[0]
    assert lines[2:] == ["done 0 0", "small 1"]


def test_postgres_errors_that_may_pass() -> None:
    from carelens.store.postgres import transient_error

    class Failure(Exception):
        def __init__(self, sqlstate: str | None) -> None:
            self.sqlstate = sqlstate

    for state in (None, "08006", "53300", "57P01", "40001", "40P01", "55P03"):
        assert transient_error(Failure(state)), state
    for state in ("54000", "22001", "23505", "42P01", "XX000"):
        assert not transient_error(Failure(state)), state


def test_postgres_client_side_refusals_do_not_pass() -> None:
    """psycopg raises some errors itself, before sending anything, without a SQLSTATE: a
    NUL in a text is a DataError, which counted as a lost connection (so an id with NUL was
    a 503 "try again"). Only a client error about the connection may pass."""
    psycopg = pytest.importorskip("psycopg")
    from carelens.store.postgres import transient_error

    assert not transient_error(psycopg.DataError("PostgreSQL text fields cannot contain NUL"))
    assert not transient_error(psycopg.ProgrammingError("cannot adapt type 'object'"))
    assert not transient_error(psycopg.NotSupportedError("not supported"))
    assert transient_error(psycopg.OperationalError("the connection is lost"))
    assert transient_error(psycopg.InterfaceError("the connection is closed"))
