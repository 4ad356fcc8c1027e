"""Reading results: filters (combined with AND), pagination, and full-text search."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from store_records import HELPERS, record, seqs

from carelens.store import Corpus, InvalidQueryError, Store

N = 30


@pytest.fixture
def corpus(store: Store) -> Corpus:
    corpus = store.create_corpus("a.jsonl")
    store.add_results(corpus.id, [record(i) for i in reversed(range(N))])
    return corpus


def expect(predicate: object) -> list[int]:
    return [i for i in range(N) if predicate(record(i))]  # type: ignore[operator]


def test_no_filter_is_everything_in_seq_order(store: Store, corpus: Corpus) -> None:
    assert seqs(store, corpus.id) == list(range(N))


def test_style_and_helper(store: Store, corpus: Corpus) -> None:
    assert seqs(store, corpus.id, style="empathy") == expect(lambda r: r["style"] == "empathy")
    assert seqs(store, corpus.id, helper="vol-kim") == expect(lambda r: r["speaker"] == "vol-kim")
    both = expect(lambda r: r["style"] == "sympathy" and r["speaker"] == HELPERS[1])
    assert both and seqs(store, corpus.id, style="sympathy", helper=HELPERS[1]) == both
    assert seqs(store, corpus.id, style="nonexistent") == []


def test_dimension_and_min_level(store: Store, corpus: Corpus) -> None:
    assert seqs(store, corpus.id, dimension="empathy") == list(range(N))
    assert seqs(store, corpus.id, dimension="empathy", min_level=2) == expect(
        lambda r: r["empathy"]["level"] >= 2
    )
    assert seqs(store, corpus.id, dimension="emotional_reaction", min_level=1) == expect(
        lambda r: r["emotional_reaction"]["level"] >= 1
    )
    assert seqs(store, corpus.id, dimension="empathy", min_level=0) == list(range(N))
    assert seqs(store, corpus.id, dimension="compassion") == []  # not scored in these records
    assert seqs(store, corpus.id, dimension="seeker") == []  # nested scores are not dimensions
    with pytest.raises(InvalidQueryError, match="needs a dimension"):
        store.results(corpus.id, min_level=1)
    with pytest.raises(InvalidQueryError, match="min_level"):
        store.results(corpus.id, dimension="empathy", min_level=2**40)


def test_since_until(store: Store, corpus: Corpus) -> None:
    # record i is at 2024-12-(i % 28 + 1) 20:i, so days 1..28 then 1..2 again
    assert seqs(store, corpus.id, since="2024-12-27") == [26, 27]
    assert seqs(store, corpus.id, until="2024-12-02") == [0, 28]  # until is exclusive
    assert seqs(store, corpus.id, since="2024-12-05T00:00:00Z", until="2024-12-07") == [4, 5]
    # offsets are honoured: 21:00 at +01:00 is 20:00 UTC
    assert seqs(store, corpus.id, since="2024-12-05T21:04:00+01:00", until="2024-12-06") == [4]
    with pytest.raises(InvalidQueryError, match="since"):
        store.results(corpus.id, since="yesterday")


def test_records_without_a_timestamp_are_left_out_of_time_filters(store: Store) -> None:
    corpus = store.create_corpus("a.jsonl")
    store.add_results(corpus.id, [record(0, timestamp=None), record(1, timestamp="garbage")])
    assert seqs(store, corpus.id) == [0, 1]
    assert seqs(store, corpus.id, since="1970-01-01") == []


def test_filters_combine(store: Store, corpus: Corpus) -> None:
    got = seqs(
        store,
        corpus.id,
        helper=HELPERS[0],
        dimension="empathy",
        min_level=1,
        since="2024-12-03",
        query="alone",
    )
    want = expect(
        lambda r: (
            r["speaker"] == HELPERS[0]
            and r["empathy"]["level"] >= 1
            and r["timestamp"] >= "2024-12-03"
            and "alone" in r["seeker_text"]
        )
    )
    assert want and got == want


def test_pagination(store: Store, corpus: Corpus) -> None:
    page = store.results(corpus.id, offset=5, limit=10)
    assert (page.total, page.offset, page.limit) == (N, 5, 10)
    assert [item["seq"] for item in page.items] == list(range(5, 15))
    last = store.results(corpus.id, offset=25, limit=10)
    assert [item["seq"] for item in last.items] == list(range(25, 30))
    beyond = store.results(corpus.id, offset=100)
    assert beyond.items == [] and beyond.total == N
    assert store.results(corpus.id, limit=0).items == []
    filtered = store.results(corpus.id, style="empathy", offset=1, limit=2)
    assert filtered.total == len(expect(lambda r: r["style"] == "empathy"))
    assert [i["seq"] for i in filtered.items] == expect(lambda r: r["style"] == "empathy")[1:3]
    assert store.results(corpus.id).limit == 50
    for bad in ({"offset": -1}, {"limit": -5}, {"limit": True}):
        with pytest.raises(InvalidQueryError):
            store.results(corpus.id, **bad)


def test_full_text_search(store: Store, corpus: Corpus) -> None:
    job = expect(lambda r: "job" in r["seeker_text"])
    assert job and seqs(store, corpus.id, query="job") == job
    assert seqs(store, corpus.id, query="JOBS") == job  # case and stemming
    assert seqs(store, corpus.id, query="lost job") == job  # every word must occur
    assert seqs(store, corpus.id, query="job alone") == []
    # response texts are searched too
    assert seqs(store, corpus.id, query="loneliest") == expect(
        lambda r: "loneliest" in r["response_text"]
    )
    # stop words and operators are ignored; only the plain words count
    assert seqs(store, corpus.id, query='"the job" AND (NOT lost*)') == job
    assert seqs(store, corpus.id, query="the and of") == []  # no words left: nothing matches
    assert seqs(store, corpus.id, query="   ") == list(range(N))  # blank: no text filter
    assert seqs(store, corpus.id, query="") == list(range(N))


HOSTILE = [
    '"',
    "*",
    "AND(",
    "-",
    "NEAR(job alone, 2)",
    "seeker_text:job",
    "^job",
    "job OR",
    "' OR 1=1 --",
    "%s %(x)s ? ?1 :x $1",
    "\x00",
    "\ud800",
    "{job}",
    "job*",
    "!!!",
    "a'b\"c",
]


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    query=st.one_of(
        st.text(max_size=40),
        st.lists(
            st.sampled_from(
                [
                    "job",
                    "alone",
                    "AND",
                    "OR",
                    "NOT",
                    "NEAR",
                    '"',
                    "*",
                    "(",
                    ")",
                    "-",
                    "+",
                    ":",
                    "^",
                    "'",
                    "\\",
                    " ",
                    "\x00",
                ]
            ),
            max_size=12,
        ).map("".join),
    )
)
@example(query="job*")
def test_hostile_queries_never_raise(store: Store, corpus: Corpus, query: str) -> None:
    page = store.results(corpus.id, query=query, limit=5)
    assert 0 <= page.total <= N
    assert len(page.items) == min(5, page.total)


@pytest.mark.parametrize("query", HOSTILE)
def test_known_hostile_queries(store: Store, corpus: Corpus, query: str) -> None:
    page = store.results(corpus.id, query=query)
    assert page.total in (0, len(expect(lambda r: "job" in r["seeker_text"])), N)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(value=st.text(max_size=20))
def test_hostile_filter_values_never_raise(store: Store, corpus: Corpus, value: str) -> None:
    for name in ("style", "helper", "dimension"):
        assert store.results(corpus.id, **{name: value}).total >= 0  # type: ignore[arg-type]


def needing(seq: int) -> dict[str, object]:
    """Record ``seq`` with crisis cues when seq % 5 == 0 and unsafe words when seq % 7 == 0;
    seq % 7 == 3 has no ``unsafe`` at all (a record from before the check)."""
    changes: dict[str, object] = {}
    if seq % 5 == 0:
        changes["seeker"] = {"crisis_cues": [{"start": 0, "end": 4}], "needs_attention": True}
    if seq % 7 == 0:
        changes["unsafe"] = [{"start": 0, "end": 4, "label": "urging", "score": 1.0}]
    elif seq % 7 != 3:
        changes["unsafe"] = []
    return record(seq, **changes)


def test_attention_filter(store: Store) -> None:
    corpus = store.create_corpus("a.jsonl")
    store.add_results(corpus.id, [needing(i) for i in range(N)])
    crisis = [i for i in range(N) if i % 5 == 0]
    unsafe = [i for i in range(N) if i % 7 == 0]
    assert seqs(store, corpus.id, attention="crisis") == crisis
    assert seqs(store, corpus.id, attention="unsafe") == unsafe
    assert seqs(store, corpus.id, attention="any") == sorted(set(crisis) | set(unsafe))
    assert seqs(store, corpus.id, attention="unsafe", helper=HELPERS[0]) == [
        i for i in unsafe if record(i)["speaker"] == HELPERS[0]
    ]
    # a string "true" is not the boolean carelens writes
    store.add_results(corpus.id, [record(N, seeker={"needs_attention": "true"})])
    assert seqs(store, corpus.id, attention="crisis") == crisis
    for value in ("all", "", "CRISIS"):
        with pytest.raises(InvalidQueryError, match="attention"):
            store.results(corpus.id, attention=value)
