"""Full-text search alike on both backends: words split and folded as queries are, and texts
too long for PostgreSQL's ``tsvector``. (Query syntax and stemming: test_store_queries.)"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from store_records import raw, record, seqs

from carelens.store import Store
from carelens.store.base import MAX_SEARCH_BYTES, fold_word, query_words, search_document

TEXTS = (
    "I emailed sam@example.com about it",
    "see example.com/help today",
    "python 3.11.2 broke again",
    "it lives in /usr/bin/tool",
    "we met at the café",
    "ÉCOLE was hard",
    "Ölçek büyük",
    "नमस्ते दोस्त",
    "naïve coöperation",
    "I'm wfh 24/7",
    "résumé résumés",
    "Ελληνικά κείμενα",
    "a ﬁle of ﬂowers",
)

# Each query and the texts (by index) it must find on SQLite and PostgreSQL alike. Before
# schema version 4, PostgreSQL found none of host names, addresses, versions, paths,
# accent-free spellings, non-ASCII upper case and Devanagari words cut at vowel signs.
FOUND = [
    ("sam@example.com", [0]),
    ("example.com", [0, 1]),
    ("example", [0, 1]),
    ("3.11.2", [2]),
    ("11", [2]),
    ("/usr/bin", [3]),
    ("usr", [3]),
    ("cafe", [4]),
    ("café", [4]),
    ("CAFÉ", [4]),
    ("école", [5]),
    ("ecole", [5]),
    ("ölçek", [6]),
    ("OLCEK", [6]),
    ("नमस्ते", [7]),
    ("दोस्त", [7]),
    ("naive cooperation", [8]),
    ("24/7", [9]),
    ("wfh", [9]),
    ("resume", [10]),
    ("RÉSUMÉS", [10]),
    ("cafe ecole", []),
    # Before schema version 5, SQLite's tokenizer removed accents from Latin letters only and
    # left compatibility forms alone: these found nothing there.
    ("ελληνικα", [11]),
    ("ΕΛΛΗΝΙΚΆ", [11]),
    ("file flowers", [12]),
]


@pytest.mark.parametrize(("query", "expected"), FOUND)
def test_backends_find_the_same_words(store: Store, query: str, expected: list[int]) -> None:
    corpus = store.create_corpus("a.jsonl")
    store.add_results(
        corpus.id, [record(i, seeker_text=t, response_text="") for i, t in enumerate(TEXTS)]
    )
    assert seqs(store, corpus.id, query=query) == expected


def test_words_of_both_texts_are_searched(store: Store) -> None:
    corpus = store.create_corpus("a.jsonl")
    store.add_results(corpus.id, [record(0, seeker_text="Über alles", response_text="Ça va")])
    assert seqs(store, corpus.id, query="uber ca") == [0]


def distinct_words(count: int) -> list[str]:
    """``count`` different letter-only words (base-26 numerals), none a stop word."""
    words = []
    for n in range(count):
        word = ""
        while True:
            n, digit = divmod(n, 26)
            word = "abcdefghijklmnopqrstuvwxyz"[digit] + word
            if not n:
                break
        words.append("q" + word)
    return words


def test_texts_beyond_a_tsvector_are_stored(store: Store) -> None:
    """PostgreSQL refused a record whose texts made a tsvector over 1 MiB (and failed its
    corpus); now only the words past MAX_SEARCH_BYTES are not searchable there."""
    words = distinct_words(240_000)
    seeker = " ".join(words[:120_000])
    response = " ".join(words[120_000:])
    assert len(seeker) + len(response) > 1_400_000
    corpus = store.create_corpus("a.jsonl")
    assert store.add_results(corpus.id, [record(0, seeker_text=seeker, response_text=response)])
    page = store.results(corpus.id, query=words[0])
    assert page.total == 1 and page.items[0]["seeker_text"] == seeker
    assert page.items[0]["response_text"] == response
    assert seqs(store, corpus.id, query=words[1000]) == [0]


def test_fold_word() -> None:
    assert fold_word("Café") == fold_word("CAFE") == "cafe"
    assert fold_word("STRAẞE") == "strasse"
    assert fold_word("ﬁle") == "file"  # compatibility forms decomposed
    assert fold_word("Ωμέγα") == "ωμεγα"
    assert fold_word("42") == "42"


def test_search_document_keeps_distinct_words_in_order() -> None:
    assert search_document("The job, the JOB and jobs", None, "Job café") == "job jobs cafe"
    assert search_document(None, "") == ""
    assert search_document("x" * 3000 + " short") == "short"  # PostgreSQL skips such words


def test_search_document_stops_at_its_byte_limit() -> None:
    words = distinct_words(100_000)
    document = search_document(" ".join(words))
    assert len(document.encode("utf-8")) <= MAX_SEARCH_BYTES
    kept = document.split(" ")
    assert kept == words[: len(kept)] and len(kept) > 30_000


@given(st.text(max_size=200), st.text(max_size=200))
def test_every_query_word_of_a_text_is_in_its_document(seeker: str, response: str) -> None:
    document = set(search_document(seeker, response).split(" "))
    for word in query_words(seeker + " " + response):
        assert fold_word(word) in document


def test_the_index_holds_the_words_carelens_folds(store: Store, backend: str) -> None:
    corpus = store.create_corpus("a.jsonl")
    store.add_results(corpus.id, [record(0, seeker_text="Cafés in Zürich", response_text="")])
    if backend == "postgres":
        (vector,) = raw(store, "SELECT search::text FROM results")[0]
        assert vector == "'cafe':1 'zurich':2"
    else:
        (words,) = raw(store, "SELECT words FROM results_search")[0]
        assert words == search_document("Cafés in Zürich", "") == "cafes zurich"


def test_sqlite_index_follows_deletes(store: Store, backend: str) -> None:
    if backend != "sqlite":
        pytest.skip("the search triggers are SQLite's")
    keep, drop = store.create_corpus("a.jsonl"), store.create_corpus("b.jsonl")
    store.add_results(keep.id, [record(0, seeker_text="Ελληνικά")])
    store.add_results(drop.id, [record(0, seeker_text="Ελληνικά")])
    assert store.delete_corpus(drop.id)
    assert raw(store, "SELECT count(*) FROM results_search")[0][0] == 1
    assert seqs(store, keep.id, query="ελληνικα") == [0]
