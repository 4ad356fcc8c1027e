"""The worker threads of an :class:`EmpathyAnalyzer` (``threads`` > 1): :meth:`close` ends
them, and a Ctrl-C inside a call stops the pool, so that the program's exit (which waits for
such threads) never waits on batches nobody will read; neither disturbs another thread's
call, and a child forked from the process starts workers of its own."""

from __future__ import annotations

import _thread
import multiprocessing
import signal
import threading
import warnings
from collections.abc import Iterator
from typing import Any

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


def test_close_lets_another_threads_call_finish(analyzer: EmpathyAnalyzer) -> None:
    """close() from one thread cancelled the batches another thread's call had not begun:
    that call raised a bare concurrent.futures.CancelledError."""
    expected = analyzer.predict(PAIRS)
    analyzer.close()
    first_started = threading.Event()
    release = threading.Event()
    predict_batch = analyzer._predict_batch

    def held(batch: list[tuple[int, tuple[str, str]]]) -> object:
        first_started.set()
        release.wait(30)
        return predict_batch(batch)

    analyzer._predict_batch = held  # type: ignore[method-assign]
    got: list[object] = []

    def call() -> None:
        try:
            got.append(analyzer.predict(PAIRS))
        except BaseException as exc:  # shown by the assertion below
            got.append(exc)

    caller = threading.Thread(target=call)
    before = _workers()
    caller.start()
    assert first_started.wait(30)  # two batches run, three wait on the pool
    analyzer.close()
    release.set()
    caller.join(60)
    assert not caller.is_alive()
    assert got == [expected]
    assert _ended(_workers() - before)  # the retired pool's threads end once done
    analyzer._predict_batch = predict_batch  # type: ignore[method-assign]
    assert analyzer.predict(PAIRS) == expected  # a later call starts new workers


def test_a_ctrl_c_in_one_call_leaves_another_threads_call_alone(
    analyzer: EmpathyAnalyzer,
) -> None:
    """A Ctrl-C drops the interrupted call's batches not begun, not those of a call another
    thread has in flight on the same workers."""
    expected = analyzer.predict(PAIRS)
    release = threading.Event()
    other_started = threading.Event()
    predict_batch = analyzer._predict_batch
    main_batches: list[int] = []

    def held(batch: list[tuple[int, tuple[str, str]]]) -> object:
        if threading.current_thread().name.startswith("carelens_") and not other_started.is_set():
            other_started.set()  # the other thread's first batch holds one worker
        release.wait(30)
        return predict_batch(batch)

    analyzer._predict_batch = held  # type: ignore[method-assign]
    got: list[object] = []

    def call() -> None:
        try:
            got.append(analyzer.predict(PAIRS))
        except BaseException as exc:
            got.append(exc)

    caller = threading.Thread(target=call)
    caller.start()
    assert other_started.wait(30)

    def noting(batch: list[tuple[int, tuple[str, str]]]) -> object:
        main_batches.append(batch[0][0])
        return held(batch)

    # The main thread's batches queue behind the other call's; a Ctrl-C while it waits (a
    # real signal: interrupt_main() would not wake the wait).
    analyzer._predict_batch = noting  # type: ignore[method-assign]
    main = threading.main_thread().ident
    assert main is not None
    timer = threading.Timer(0.5, signal.pthread_kill, (main, signal.SIGINT))
    handler = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        timer.start()
        with pytest.raises(KeyboardInterrupt):
            analyzer.predict(PAIRS)
    finally:
        timer.cancel()
        signal.signal(signal.SIGINT, handler)
    release.set()
    caller.join(60)
    assert not caller.is_alive()
    assert got == [expected]  # the other call finished, every batch of it
    assert main_batches == []  # the interrupted call's batches, all queued, were dropped


def _predict_in_child(analyzer: EmpathyAnalyzer, queue: Any) -> None:
    queue.put([r.to_dict() for r in analyzer.predict(PAIRS)])


def test_a_forked_child_runs_the_analyzer_it_inherits(analyzer: EmpathyAnalyzer) -> None:
    """The child of a fork inherited the pool but not its threads: a call with several
    batches waited forever for them."""
    expected = [r.to_dict() for r in analyzer.predict(PAIRS)]  # the parent's pool is up
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    with warnings.catch_warnings():  # Python 3.12+ warns of a fork with threads running
        warnings.simplefilter("ignore", DeprecationWarning)
        child = context.Process(target=_predict_in_child, args=(analyzer, queue))
        child.start()
    try:
        got = queue.get(timeout=60)
    finally:
        child.join(30)
        if child.is_alive():
            child.kill()
            child.join()
    assert child.exitcode == 0
    assert got == expected
    assert analyzer.predict(PAIRS) == analyzer.predict(PAIRS)  # the parent's pool is intact


def test_an_analyzer_is_a_context_manager_that_closes() -> None:
    before = _workers()
    with EmpathyAnalyzer.load(threads=2) as analyzer:
        analyzer.predict(PAIRS)
        workers = _workers() - before
        assert workers
    assert analyzer._pool is None
    assert _ended(workers)
