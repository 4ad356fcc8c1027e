"""The worker threads of the model (``--threads`` above 1 runs batches at once on a pool of
threads, ``carelens_0``...) are stopped when a command that loaded it ends, done, failed
or stopped by Ctrl-C, as ``analyze`` stops them: ``evaluate``, ``summarize`` and
``report`` of a conversation file left them waiting, so a notebook or a test that runs
commands in-process gathered idle threads, and the exit of the program waited on them.
(``batch`` loads the model in its Ray workers only: ``tests/batch/test_batch_run.py``.)"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

import carelens.cli.evaluate
import carelens.cli.insights
from carelens.analysis.empathy import EmpathyAnalyzer

# The `invoke` fixture's type (tests/cli/conftest.py).
Invoke = Callable[..., Result]


def _pool_threads() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if t.name.startswith("carelens_")}


@pytest.fixture
def loaded(monkeypatch: pytest.MonkeyPatch) -> list[EmpathyAnalyzer]:
    """The analyzers a command loads, kept alive (a dropped analyzer's idle threads end once
    it is garbage collected, which would hide one left open)."""
    analyzers: list[EmpathyAnalyzer] = []
    real = EmpathyAnalyzer.load.__func__  # type: ignore[attr-defined]

    def load(cls: type[EmpathyAnalyzer], *args: Any, **kwargs: Any) -> EmpathyAnalyzer:
        analyzer: EmpathyAnalyzer = real(cls, *args, **kwargs)
        analyzers.append(analyzer)
        return analyzer

    monkeypatch.setattr(EmpathyAnalyzer, "load", classmethod(load))
    return analyzers


@pytest.fixture
def left_running() -> Callable[[], list[str]]:
    """The analyzer threads started since the test began that are still running a moment
    after the command (a stopped pool's threads end once they see it stopped)."""
    before = _pool_threads()

    def running() -> list[str]:
        started = _pool_threads() - before
        for thread in started:
            thread.join(timeout=10)
        return sorted(t.name for t in started if t.is_alive())

    return running


def _stopped(analyzers: list[EmpathyAnalyzer], running: Callable[[], list[str]]) -> None:
    """The command's one analyzer ran batches on its threads, and none is left running."""
    (analyzer,) = analyzers
    assert analyzer.threads == 2
    assert analyzer._pool is None  # stopped (a later call would start new threads)
    assert running() == []


def _commands(data: Path, tmp_path: Path) -> dict[str, list[str | Path]]:
    return {
        "analyze": ["analyze", data / "thread.jsonl", "-o", tmp_path / "out.jsonl"],
        "evaluate": ["evaluate", data / "labeled.csv"],
        "summarize": ["summarize", data / "thread.jsonl"],
        "report": ["report", data / "thread.jsonl", "-o", tmp_path / "report.html"],
    }


@pytest.mark.parametrize("command", ["analyze", "evaluate", "summarize", "report"])
def test_a_command_leaves_no_analyzer_thread_running(
    invoke: Invoke,
    data: Path,
    tmp_path: Path,
    loaded: list[EmpathyAnalyzer],
    left_running: Callable[[], list[str]],
    command: str,
) -> None:
    args = _commands(data, tmp_path)[command]
    result = invoke(*args, "--threads", "2")
    assert result.exit_code == 0, result.output
    _stopped(loaded, left_running)


def _then_ctrl_c(real: Callable[..., Any]) -> Callable[..., Any]:
    """``real``, run to its end (the model has analysed every pair), then a Ctrl-C."""

    def run(*args: Any, **kwargs: Any) -> Any:
        real(*args, **kwargs)
        raise KeyboardInterrupt

    return run


@pytest.mark.parametrize("command", ["evaluate", "summarize"])
def test_a_command_stopped_by_ctrl_c_leaves_no_analyzer_thread_running(
    invoke: Invoke,
    data: Path,
    tmp_path: Path,
    loaded: list[EmpathyAnalyzer],
    left_running: Callable[[], list[str]],
    monkeypatch: pytest.MonkeyPatch,
    command: str,
) -> None:
    if command == "evaluate":
        monkeypatch.setattr(
            carelens.cli.evaluate, "evaluate", _then_ctrl_c(carelens.cli.evaluate.evaluate)
        )
    else:
        real = carelens.cli.insights.Insights.from_records
        monkeypatch.setattr(
            carelens.cli.insights.Insights, "from_records", staticmethod(_then_ctrl_c(real))
        )
    result = invoke(*_commands(data, tmp_path)[command], "--threads", "2")
    assert result.exit_code == 130, result.output
    _stopped(loaded, left_running)
