"""How :meth:`EmpathyAnalyzer.analyze_many` and :meth:`~EmpathyAnalyzer.predict` take their
arguments: checked when called, a bad pair's place kept on the error (``index``), the
results of the pairs read before it yielded first; counts of any integer type; no pickling."""

from __future__ import annotations

import pickle
from collections.abc import Iterator

import numpy as np
import pytest

import carelens
from carelens.analysis.empathy import EmpathyAnalyzer
from carelens.errors import InputError, PairTypeError
from carelens.types import Exchange, Turn

PAIRS = [
    ("I failed my driving test again.", "What was it like sitting in the car afterwards?"),
    ("My partner left and took the dog.", "That sounds so quiet and lonely."),
    ("I can't sleep before my exam.", "Have you tried a warm drink before bed?"),
    ("Nobody at my new school talks to me.", "I'm sorry, that sounds really isolating."),
    ("I'm so tired.", "Same."),
    ("My grandmother died on Tuesday.", "I'm so sorry for your loss."),
    ("I relapsed last night.", "Eight months took real strength."),
]


@pytest.fixture(scope="module")
def analyzer() -> EmpathyAnalyzer:
    # One pair per batch: a result depends on its pair alone, so results compare exactly.
    return EmpathyAnalyzer.load(threads=1, batch_size=1)


@pytest.mark.parametrize(
    ("bad", "error", "message"),
    [
        (("I lost my job.", " "), InputError, "pair 6: the response text is empty"),
        (("I lost my job.", None), PairTypeError, "pair 6: the response text must be a string"),
        ({"seeker": "a", "response": "b"}, PairTypeError, "pair 6: a pair is an Exchange"),
    ],
)
def test_the_pairs_before_a_bad_one_are_yielded_then_it_raises_with_its_index(
    analyzer: EmpathyAnalyzer, bad: object, error: type[Exception], message: str
) -> None:
    """A chunk (up to 256 pairs) was checked whole before any was analysed: the good pairs
    read before a bad one were lost with the error, whose place was only in its message."""
    stream = [*PAIRS[:6], bad, PAIRS[6]]
    got = []
    with pytest.raises(error, match=message) as raised:
        for result in analyzer.analyze_many(stream, chunk_size=4):  # type: ignore[arg-type]
            got.append(result)
    assert got == analyzer.predict(PAIRS[:6])  # a chunk of 4, then the 2 read before it
    assert raised.value.index == 6  # type: ignore[attr-defined]
    assert isinstance(raised.value, TypeError | InputError)


def test_predict_and_analyze_give_the_index_too(analyzer: EmpathyAnalyzer) -> None:
    with pytest.raises(InputError) as raised:
        analyzer.predict([PAIRS[0], PAIRS[1], ("", "Hello.")])
    assert (raised.value.index, raised.value.field) == (2, "seeker")
    with pytest.raises(PairTypeError) as typed:
        analyzer.predict([PAIRS[0], (b"bytes", "Hello.")])  # type: ignore[list-item]
    assert typed.value.index == 1
    with pytest.raises(TypeError, match=r"analyze\(\): the seeker text must be a string"):
        analyzer.analyze(None, "Hello.")  # type: ignore[arg-type]


def test_an_error_of_the_stream_comes_after_the_results_read_before_it(
    analyzer: EmpathyAnalyzer,
) -> None:
    def stream() -> Iterator[tuple[str, str]]:
        yield PAIRS[0]
        yield PAIRS[1]
        raise OSError("the source went away")

    got = []
    with pytest.raises(OSError, match="the source went away"):
        for result in analyzer.analyze_many(stream(), chunk_size=8):
            got.append(result)
    assert got == analyzer.predict(PAIRS[:2])


@pytest.mark.parametrize(
    ("pairs", "error", "message"),
    [
        (None, TypeError, "takes an iterable of pairs .*not NoneType"),
        (5, TypeError, "not int"),
        ("I feel alone.", TypeError, "not str"),
        (("I feel alone.", "I'm here."), TypeError, "not one pair: pass \\[pair\\]"),
    ],
)
def test_analyze_many_checks_its_pairs_when_called(
    analyzer: EmpathyAnalyzer, pairs: object, error: type[Exception], message: str
) -> None:
    """analyze_many was a generator function: analyze_many(None) raised only at the first
    next()."""
    with pytest.raises(error, match=message):
        analyzer.analyze_many(pairs)  # type: ignore[arg-type]
    exchange = Exchange(Turn("s", "I feel alone."), Turn("r", "I'm here.", reply_to="s"))
    with pytest.raises(TypeError, match="not one pair"):
        analyzer.analyze_many(exchange)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [0, -1, 2.5, "8", True])
def test_analyze_many_checks_its_chunk_size_when_called(
    analyzer: EmpathyAnalyzer, bad: object
) -> None:
    with pytest.raises(ValueError, match="chunk_size must be an integer of at least 1"):
        analyzer.analyze_many(PAIRS, chunk_size=bad)  # type: ignore[arg-type]


def test_counts_of_numpys_integer_types_are_taken_everywhere(
    analyzer: EmpathyAnalyzer,
) -> None:
    """threads=np.int64(2) was taken while chunk_size=np.int64(2) was refused."""
    streamed = list(analyzer.analyze_many(PAIRS[:3], chunk_size=np.int64(2)))  # type: ignore[arg-type]
    assert streamed == analyzer.predict(PAIRS[:3])
    made = carelens.load(
        threads=np.int64(2),  # type: ignore[arg-type]
        batch_size=np.int32(2),  # type: ignore[arg-type]
        idle_threads=np.int16(1),  # type: ignore[arg-type]
    )
    with made:
        assert (made.threads, made.batch_size) == (2, 2)
        assert type(made.threads) is int and type(made.batch_size) is int
        assert len(made.predict(PAIRS[:3])) == 3


def test_an_analyzer_cannot_be_pickled_and_says_what_to_do(analyzer: EmpathyAnalyzer) -> None:
    """pickle.dumps(analyzer) raised ONNX Runtime's "cannot pickle ... InferenceSession"."""
    with pytest.raises(TypeError, match="load one analyzer per process"):
        pickle.dumps(analyzer)
