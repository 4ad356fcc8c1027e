"""Full-text search alike on both backends: words split and folded as queries are, and texts
too long for PostgreSQL's ``tsvector``. (Query syntax and stemming: test_store_queries.)"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from store_records import raw, record, seqs

from carelens.store import Store
from carelens.store.base import (
    MAX_QUERY_WORDS,
    MAX_SEARCH_BYTES,
    STOP_WORDS,
    common_words,
    fold_word,
    query_words,
    search_document,
    search_words,
)

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
    assert search_document("The Café, an á") == "cafe"  # stop words once folded


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
        assert word in document


@given(st.text(max_size=200))
def test_documents_and_queries_share_one_word_rule(text: str) -> None:
    """A query's words are a text's search words, folded once (folding them again would
    give other words for a few characters)."""
    words = list(search_words(text))
    assert query_words(text) == list(dict.fromkeys(words))[:MAX_QUERY_WORDS]
    assert search_document(text) == " ".join(dict.fromkeys(words))


@given(st.text(max_size=200) | st.text(alphabet="aBé½ﬁ \uff34\u2474", max_size=60))
def test_the_word_rule_is_one_rule_for_every_word(text: str) -> None:
    """ASCII words take a short cut and other words a cache; both give what folding each
    word (then splitting, then leaving out stop words and long words) gives."""
    expected = []
    for word in re.findall(r"[^\W_]+", text):
        for part in re.findall(r"[^\W_]+", fold_word(word)):
            if part not in STOP_WORDS and len(part.encode()) <= 2047:
                expected.append(part)
    assert list(search_words(text)) == expected


# Texts whose words are stop words, or split, or too long only once folded. SQLite searched
# for a query word that folds to a stop word (``á``, a fullwidth "The"), which PostgreSQL's
# plainto_tsquery drops, so "á job" found nothing there and every "job" here; ``½`` folds
# to 1, FRACTION SLASH, 2, which SQLite's tokenizer split and PostgreSQL's parser kept
# whole; a query word over 2,047 bytes was required on SQLite and dropped on PostgreSQL.
FOLDED_TEXTS = (
    "I lost my job",
    "á la carte",
    "\uff34\uff48\uff45 fullwidth",
    "½ cup",
    "1 2 numbers",
    "longword here",
    "\u2474 first",  # PARENTHESIZED DIGIT ONE: (1)
)
FOLDED_FOUND = [
    ("á", []),
    ("\uff34\uff48\uff45", []),
    ("á job", [0]),
    ("\uff34\uff48\uff45 fullwidth", [2]),
    ("½", [3, 4]),
    ("1", [3, 4, 6]),
    ("2 cup", [3]),
    ("longword " + "x" * 3000, [5]),
    ("x" * 3000, []),
    ("\u2474", [3, 4, 6]),
    ("\u2474 first", [6]),
]


@pytest.mark.parametrize(("query", "expected"), FOLDED_FOUND)
def test_words_that_change_when_folded_are_found_alike(
    store: Store, query: str, expected: list[int]
) -> None:
    corpus = store.create_corpus("a.jsonl")
    store.add_results(
        corpus.id,
        [record(i, seeker_text=t, response_text="") for i, t in enumerate(FOLDED_TEXTS)],
    )
    assert seqs(store, corpus.id, query=query) == expected


def test_the_word_rule_folds_first() -> None:
    assert query_words("á \uff34\uff48\uff45 Job ½ JOB") == ["job", "1", "2"]
    assert common_words("á \uff34\uff48\uff45 The job") == ["a", "the"]
    assert query_words("longword " + "x" * 3000) == ["longword"]
    assert query_words("é" * 1023) == ["e" * 1023]  # 2,046 bytes once folded: kept
    assert search_document("á la carte ½ cup", "the 1") == "la carte 1 2 cup"


def test_a_query_searches_for_its_first_distinct_words() -> None:
    words = distinct_words(MAX_QUERY_WORDS + 20)
    query = " ".join(["the", words[0], words[0].upper(), *words])
    assert query_words(query) == words[:MAX_QUERY_WORDS]


def test_a_query_of_any_size_never_fails(store: Store) -> None:
    """A query of some 120,000 distinct words (1 MB) made PostgreSQL fail with "value is too
    big in tsquery", quoting the query; only its first MAX_QUERY_WORDS words count now, on
    both backends."""
    corpus = store.create_corpus("a.jsonl")
    words = distinct_words(120_000)
    store.add_results(
        corpus.id,
        [
            record(0, seeker_text=" ".join(words[:MAX_QUERY_WORDS]), response_text=""),
            record(1, seeker_text=" ".join(words[1:MAX_QUERY_WORDS]), response_text=""),
        ],
    )
    assert seqs(store, corpus.id, query=" ".join(words)) == [0]  # the rest is left out
    assert seqs(store, corpus.id, query=" ".join(words[::-1])) == []
    longest = [word * (2047 // len(word)) for word in words[:MAX_QUERY_WORDS]]
    assert store.results(corpus.id, query=" ".join(longest)).total == 0


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
