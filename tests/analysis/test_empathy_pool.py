"""The worker threads of an :class:`EmpathyAnalyzer` (``threads`` > 1): :meth:`close` ends
them, and a Ctrl-C inside a call stops the pool, so that the program's exit (which waits for
such threads) never waits on batches nobody will read."""

from __future__ import annotations

import _thread
import signal
import threading
from collections.abc import Iterator

import pytest

from carelens.analysis.empathy import EmpathyAnalyzer

PAIRS = [
    ("I failed my driving test again.", "What was it like sitting in the car afterwards?"),
    ("My partner left and took the dog.", "That sounds so quiet and lonely."),
    ("I can't sleep before my exam.", "Have you tried a warm drink before bed?"),
    ("Nobody at my new school talks to me.", "I'm sorry, that sounds really isolating."),
    ("I'm so tired.", "Same."),
]


@pytest.fixture
def analyzer() -> Iterator[EmpathyAnalyzer]:
    made = EmpathyAnalyzer.load(threads=2, batch_size=1)
    yield made
    made.close()


def _workers() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if t.name.startswith("carelens_")}


def _ended(workers: set[threading.Thread]) -> bool:
    for worker in workers:
        worker.join(timeout=30)
    return not any(worker.is_alive() for worker in workers)


def test_close_ends_the_worker_threads(analyzer: EmpathyAnalyzer) -> None:
    before = _workers()
    first = analyzer.predict(PAIRS)  # five batches: run on the pool
    workers = _workers() - before
    assert workers
    analyzer.close()
    assert _ended(workers)
    analyzer.close()  # twice: nothing to do
    assert analyzer.predict(PAIRS) == first  # a later call starts new workers
    analyzer.close()


def test_a_ctrl_c_inside_a_call_stops_the_pool(analyzer: EmpathyAnalyzer) -> None:
    # The pool stayed up after a Ctrl-C, its workers waiting for work until the exit.
    release = threading.Event()
    started: list[int] = []
    predict_batch = analyzer._predict_batch

    def held(batch: list[tuple[int, tuple[str, str]]]) -> object:
        started.append(batch[0][0])
        if len(started) == 2:  # both workers busy: Ctrl-C the caller, waiting for them
            _thread.interrupt_main()
        release.wait(30)
        return predict_batch(batch)

    analyzer._predict_batch = held  # type: ignore[method-assign]
    before = _workers()
    # interrupt_main() acts only where Python handles Ctrl-C: a suite started in the
    # background by a shell (``cmd &``) inherits SIGINT ignored.
    handler = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt):
            analyzer.predict(PAIRS)
    finally:
        signal.signal(signal.SIGINT, handler)
    workers = _workers() - before
    release.set()
    assert _ended(workers)  # each ended with the batch it ran
    assert len(started) == 2  # the batches not begun never ran
