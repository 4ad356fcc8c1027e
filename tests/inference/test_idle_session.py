"""The idle session: a model call that runs alone may use several operator threads; calls
that overlap use the single-threaded session. Results are the same either way."""

from __future__ import annotations

import threading
from typing import Any

import numpy as np
import pytest

import carelens
from carelens.inference.encoding import EncodedBatch
from carelens.inference.session import OnnxModel


class _Output:
    name = "level_logits"


class RecordingSession:
    """Stands in for an ONNX session: records its calls, optionally blocks in them."""

    def __init__(self, name: str, calls: list[str], gate: threading.Event | None = None) -> None:
        self.name, self.calls, self.gate = name, calls, gate
        self.entered = threading.Event()

    def get_outputs(self) -> list[_Output]:
        return [_Output()]

    def run(self, names: list[str], feeds: dict[str, Any]) -> list[Any]:
        self.calls.append(self.name)
        self.entered.set()
        if self.gate is not None:
            assert self.gate.wait(10)
        return [np.zeros((1, 1, 3), dtype=np.float32)]


def _batch() -> EncodedBatch:
    ids = np.zeros((1, 4), dtype=np.int64)
    return EncodedBatch(input_ids=ids, attention_mask=ids, token_type_ids=ids, response_offsets=())


def test_a_lone_call_uses_the_idle_session_and_overlapping_calls_do_not() -> None:
    calls: list[str] = []
    gate = threading.Event()
    idle = RecordingSession("idle", calls, gate)
    single = RecordingSession("single", calls)
    model = OnnxModel(single, idle)
    first = threading.Thread(target=model.run, args=(_batch(),))
    first.start()
    assert idle.entered.wait(10)
    model.run(_batch())  # starts while the first call is still running
    gate.set()
    first.join(10)
    assert calls == ["idle", "single"]
    idle.gate = None
    model.run(_batch())  # alone again
    assert calls == ["idle", "single", "idle"]


def test_without_an_idle_session_every_call_uses_the_one_session() -> None:
    calls: list[str] = []
    model = OnnxModel(RecordingSession("single", calls))
    model.run(_batch())
    model.run(_batch())
    assert calls == ["single", "single"]


def test_idle_threads_give_the_same_results() -> None:
    pairs = [
        ("I lost my job today and I feel like a failure.", "That sounds really painful."),
        ("My exams start tomorrow.", "What worries you most about them?"),
    ]
    one = carelens.load(threads=1)
    wide = carelens.load(threads=1, idle_threads=2)
    for seeker, response in pairs:
        a, b = one.analyze(seeker, response), wide.analyze(seeker, response)
        for dim in one.dimensions:
            assert a[dim].level == b[dim].level
            assert a[dim].probabilities == pytest.approx(b[dim].probabilities, abs=1e-4)
