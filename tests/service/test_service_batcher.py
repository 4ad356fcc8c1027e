"""The analyze micro-batcher: own results per request, shared errors, limits, clean shutdown.

A gated analyzer wraps the shipped model so a test can hold a model call open while other
requests queue behind it; nothing here asserts how fast anything is (the load test shows
speed), only bounds far above any normal scheduling delay.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient
from service_helpers import BASE_URL, MakeApp, assert_error

from carelens.analysis.empathy import EmpathyAnalyzer
from carelens.output import result_record
from carelens.service.batcher import BatcherClosed, MicroBatcher
from carelens.types import Exchange, ResponseAnalysis, Turn

#: Generous bound for a future that must settle (a hang fails the test instead of the run).
SETTLE = 120.0

SEEKERS = (
    "I failed my exam again and I feel like giving up.",
    "My dog died yesterday.",
    "Work has been overwhelming and I can't sleep.",
    "My best friend stopped talking to me.",
    "I moved to a new city and I don't know anyone.",
)
RESPONSES = (
    "That sounds exhausting. What happened?",
    "I am so sorry. How are you holding up?",
    "Have you tried making a schedule?",
    "That must hurt a lot; it makes sense you feel lost.",
    "Same thing happened to me last year.",
    "You should just move on.",
)


def exchange(k: int) -> Exchange:
    pair_id = f"p{k}"
    return Exchange(
        seeker=Turn(id=pair_id, text=SEEKERS[k % len(SEEKERS)]),
        response=Turn(id=pair_id, text=RESPONSES[k % len(RESPONSES)], reply_to=pair_id),
    )


class GatedAnalyzer:
    """Delegates to a real analyzer; records each call; can hold calls until ``gate`` opens
    and fail them."""

    def __init__(self, real: EmpathyAnalyzer, *, gated: bool = True, fail: bool = False):
        self.real = real
        self.dimensions = real.dimensions
        self.model_id = real.model_id
        self.threads = 1
        self.gate = threading.Event()
        if not gated:
            self.gate.set()
        self.fail = fail
        self.calls: list[int] = []  # pairs per call, in the order calls started
        self.started = threading.Condition()
        self.in_flight = 0
        self.most_in_flight = 0
        self.started_at: list[float] = []

    def predict(self, pairs: Sequence[Exchange]) -> list[ResponseAnalysis]:
        with self.started:
            self.calls.append(len(pairs))
            self.started_at.append(time.monotonic())
            self.in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self.in_flight)
            self.started.notify_all()
        try:
            assert self.gate.wait(SETTLE), "the gate was never opened"
            if self.fail:
                raise RuntimeError(f"boom ({len(pairs)} pairs)")
            return self.real.predict(pairs)
        finally:
            with self.started:
                self.in_flight -= 1

    def wait_calls(self, n: int) -> None:
        """Block until ``n`` calls have started."""
        with self.started:
            assert self.started.wait_for(lambda: len(self.calls) >= n, SETTLE), self.calls


def wait_queued(batcher: MicroBatcher, pairs: int) -> None:
    deadline = time.monotonic() + SETTLE
    while batcher.queued < pairs:
        assert time.monotonic() < deadline, "the requests never queued"
        time.sleep(0.001)


def test_gathered_requests_get_exactly_their_own_results(analyzer: EmpathyAnalyzer) -> None:
    """Requests queued behind a busy lane share one model call; each gets its own pairs'
    results, equal to analysing its pairs alone."""
    gated = GatedAnalyzer(analyzer)
    batcher = MicroBatcher(gated, lanes=1, window=0.0, max_pairs=64)
    try:
        first = batcher.submit([exchange(0)])
        gated.wait_calls(1)  # the only lane is busy: the next requests queue
        sizes = [1, 3, 1, 2, 1, 4]
        requests: list[list[Exchange]] = []
        k = 1
        for size in sizes:
            requests.append([exchange(k + j) for j in range(size)])
            k += size
        futures = [batcher.submit(pairs) for pairs in requests]
        gated.gate.set()
        assert first.result(SETTLE) == analyzer.predict([exchange(0)])
        for pairs, future in zip(requests, futures, strict=True):
            got = future.result(SETTLE)
            assert got == [analyzer.predict([pair])[0] for pair in pairs]
        assert gated.calls == [1, sum(sizes)]  # one call for every queued request
    finally:
        batcher.close()


def test_concurrent_submitters_get_their_own_results(analyzer: EmpathyAnalyzer) -> None:
    """Many threads at once, two lanes, a real window: whatever the grouping, every request
    gets its own results in its own order."""
    real = GatedAnalyzer(analyzer, gated=False)
    batcher = MicroBatcher(real, lanes=2, window=0.005, max_pairs=8)
    expected = {k: analyzer.predict([exchange(k)])[0] for k in range(12)}
    try:
        with ThreadPoolExecutor(12) as pool:
            futures = {
                k: pool.submit(lambda k=k: batcher.submit([exchange(k), exchange(k + 1)]))
                for k in range(11)
            }
            for k, outer in futures.items():
                assert outer.result(SETTLE).result(SETTLE) == [expected[k], expected[k + 1]]
        assert sum(real.calls) == 22 and all(size <= 8 for size in real.calls)
        assert real.most_in_flight <= 2
    finally:
        batcher.close()


def test_an_error_reaches_every_waiter(analyzer: EmpathyAnalyzer) -> None:
    gated = GatedAnalyzer(analyzer, fail=True)
    batcher = MicroBatcher(gated, lanes=1, window=0.0, max_pairs=64)
    try:
        first = batcher.submit([exchange(0)])
        gated.wait_calls(1)
        queued = [batcher.submit([exchange(k)]) for k in range(1, 5)]
        gated.gate.set()
        for future in (first, *queued):
            with pytest.raises(RuntimeError, match="boom"):
                future.result(SETTLE)
        assert gated.calls == [1, 4]  # the four queued requests shared the failing call
        gated.fail = False  # the batcher keeps working after a failed call
        assert batcher.submit([exchange(5)]).result(SETTLE) == analyzer.predict([exchange(5)])
    finally:
        batcher.close()


def test_calls_are_limited_to_the_lanes_and_hold_the_lock(analyzer: EmpathyAnalyzer) -> None:
    gated = GatedAnalyzer(analyzer)
    lock = threading.BoundedSemaphore(2)
    batcher = MicroBatcher(gated, lock=lock, lanes=2, window=0.0, max_pairs=1)
    try:
        futures = [batcher.submit([exchange(k)]) for k in range(5)]
        gated.wait_calls(2)
        wait_queued(batcher, 3)
        assert gated.calls == [1, 1] and gated.in_flight == 2
        assert not lock.acquire(blocking=False)  # both permits are held by the calls
        gated.gate.set()
        for k, future in enumerate(futures):
            assert future.result(SETTLE) == analyzer.predict([exchange(k)])
        assert gated.calls == [1] * 5 and gated.most_in_flight == 2
        assert lock.acquire(blocking=False)
        lock.release()
    finally:
        batcher.close()


def test_a_request_is_never_split_and_runs_alone_when_too_big(
    analyzer: EmpathyAnalyzer,
) -> None:
    gated = GatedAnalyzer(analyzer)
    batcher = MicroBatcher(gated, lanes=1, window=0.0, max_pairs=3)
    try:
        first = batcher.submit([exchange(0)])
        gated.wait_calls(1)
        big = batcher.submit([exchange(k) for k in range(1, 6)])
        small = [batcher.submit([exchange(k)]) for k in (6, 7)]
        gated.gate.set()
        first.result(SETTLE)
        assert len(big.result(SETTLE)) == 5
        for future in small:
            future.result(SETTLE)
        assert gated.calls == [1, 5, 2]
    finally:
        batcher.close()


def test_a_lone_request_waits_at_most_the_window(analyzer: EmpathyAnalyzer) -> None:
    """With room for more pairs a lone request waits out the window, not longer; with
    ``max_pairs`` reached it does not wait at all (an hour-long window would hang)."""
    real = GatedAnalyzer(analyzer, gated=False)
    window = 0.05
    batcher = MicroBatcher(real, lanes=1, window=window, max_pairs=64)
    try:
        submitted = time.monotonic()
        assert batcher.submit([exchange(0)]).result(SETTLE) == analyzer.predict([exchange(0)])
        assert real.started_at[0] - submitted < window + 10.0  # bound, not a speed check
    finally:
        batcher.close()

    real = GatedAnalyzer(analyzer, gated=False)
    default = MicroBatcher(real, lanes=1, window=3600.0)  # default max_pairs: 1
    try:
        assert default.submit([exchange(1)]).result(SETTLE) == analyzer.predict([exchange(1)])
    finally:
        default.close()
    real = GatedAnalyzer(analyzer, gated=False)
    pairwise = MicroBatcher(real, lanes=1, window=3600.0, max_pairs=2)
    try:  # a second pair fills the batch: the lane stops gathering at once
        futures = [pairwise.submit([exchange(2)]), pairwise.submit([exchange(3)])]
        assert [f.result(SETTLE)[0] for f in futures] == analyzer.predict(
            [exchange(2), exchange(3)]
        )
        assert real.calls == [2]
    finally:
        pairwise.close()


def test_close_with_waiters_pending_does_not_hang(analyzer: EmpathyAnalyzer) -> None:
    gated = GatedAnalyzer(analyzer)
    batcher = MicroBatcher(gated, lanes=1, window=0.0, max_pairs=64)
    running = batcher.submit([exchange(0)])
    gated.wait_calls(1)
    queued = [batcher.submit([exchange(k)]) for k in (1, 2)]
    cancelled = batcher.submit([exchange(3)])
    assert cancelled.cancel()
    closer = threading.Thread(target=batcher.close)
    closer.start()
    for future in queued:  # failed at once, while the running call still holds the lane
        with pytest.raises(BatcherClosed):
            future.result(SETTLE)
    assert cancelled.cancelled()
    with pytest.raises(BatcherClosed):
        batcher.submit([exchange(4)])
    gated.gate.set()  # the running call finishes; close returns
    closer.join(SETTLE)
    assert not closer.is_alive()
    assert running.result(SETTLE) == analyzer.predict([exchange(0)])
    assert gated.calls == [1]
    batcher.close()  # twice is fine


def test_close_while_a_lane_gathers_does_not_hang(analyzer: EmpathyAnalyzer) -> None:
    gated = GatedAnalyzer(analyzer, gated=False)
    batcher = MicroBatcher(gated, lanes=1, window=3600.0, max_pairs=64)
    waiting = batcher.submit([exchange(0)])
    wait_queued(batcher, 1)
    batcher.close()  # wakes the gathering lane
    with pytest.raises(BatcherClosed):
        waiting.result(SETTLE)
    assert gated.calls == []


def test_empty_and_invalid(analyzer: EmpathyAnalyzer) -> None:
    batcher = MicroBatcher(analyzer)
    try:
        assert batcher.lanes == analyzer.threads
        assert batcher.submit([]).result(SETTLE) == []
    finally:
        batcher.close()
    with pytest.raises(ValueError):
        MicroBatcher(analyzer, window=-1)
    with pytest.raises(ValueError):
        MicroBatcher(analyzer, max_pairs=0)


# -- through the API --------------------------------------------------------------------------


def test_concurrent_api_requests_get_their_own_records(
    make_app: MakeApp, analyzer: EmpathyAnalyzer
) -> None:
    app = make_app(rate_limit=0)
    context = app.state.context
    with TestClient(app, base_url=BASE_URL) as client:
        context.batcher.close()  # a batcher that really gathers: two lanes, a window
        context.batcher = MicroBatcher(
            analyzer, lock=context.lock, lanes=2, window=0.005, max_pairs=8
        )

        def post(k: int) -> tuple[int, dict[str, object]]:
            pair = exchange(k)
            body = {"seeker": pair.seeker.text, "response": pair.response.text}
            response = client.post("/v1/analyze", json=body)
            assert response.status_code == 200, response.text
            return k, response.json()

        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(post, range(16)))
        for k, record in answers:
            pair = exchange(k)
            alone = Exchange(
                seeker=Turn(id="0", text=pair.seeker.text),
                response=Turn(id="0", text=pair.response.text, reply_to="0"),
            )
            expected = result_record(alone, analyzer.predict([alone])[0])
            assert record == json.loads(json.dumps(expected))


def test_api_errors_and_shutdown(make_app: MakeApp, analyzer: EmpathyAnalyzer) -> None:
    failing = GatedAnalyzer(analyzer, gated=False, fail=True)
    app = make_app(analyzer_=failing, rate_limit=0)
    body = {"seeker": "I lost my job.", "response": "That is hard."}
    with TestClient(app, base_url=BASE_URL) as client:
        with ThreadPoolExecutor(4) as pool:
            responses = list(pool.map(lambda _: client.post("/v1/analyze", json=body), range(4)))
        for response in responses:  # the same answer as any unexpected error
            assert_error(response, 500, "internal_error")
        app.state.context.batcher.close()
        assert_error(client.post("/v1/analyze", json=body), 503, "shutting_down")
    assert app.state.context.batcher.closed


def test_the_app_closes_its_batcher(make_app: MakeApp) -> None:
    app = make_app()
    with TestClient(app, base_url=BASE_URL) as client:
        assert client.post("/v1/analyze", json={"seeker": "hi", "response": "hello"}).is_success
        assert not app.state.context.batcher.closed
    assert app.state.context.batcher.closed
