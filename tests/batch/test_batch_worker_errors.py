"""A carelens error met in a scoring worker stops `carelens batch` as the worker raised it:
one `error:` line and exit code 1, as `analyze` says it, never Ray's traceback (Ray wraps an
error raised in a worker in its own, whose message is the worker's whole traceback).

The failing workers are the real ShardScorer, in real Ray worker processes, with one thing
made to fail: the model's batches run out of GPU memory (as ONNX Runtime's CUDA provider
says it; at a fixed batch size, or with --batch-size auto down to one pair), or the model
the worker loads is missing."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from test_batch_size import exchanges, stage
from typer.testing import CliRunner

import carelens
from carelens.batch import engine
from carelens.batch.outputs import PLAN, WORK
from carelens.batch.scoring import ERROR, AdaptiveBatch, ShardScorer
from carelens.batch.worker_errors import error_payload, worker_error
from carelens.cli.main import app
from carelens.errors import (
    CarelensError,
    ConfigError,
    FormatDetectionError,
    InputError,
    MissingExtraError,
    ModelError,
)

PAIRS = Path(__file__).resolve().parents[1] / "data" / "readers" / "epitome_pairs.csv"


def test_a_workers_error_is_raised_as_it_was_raised() -> None:
    for error in (
        ConfigError("out of GPU memory with --batch-size 64: run again"),
        ModelError("no CUDA provider"),
        InputError("cannot decompress", path="caf\udce9.zst", line=3, field="body"),
        FormatDetectionError("cannot detect", path="x.bin"),
    ):
        back = worker_error(error_payload(error))
        assert type(back) is type(error) and str(back) == str(error)
        if isinstance(error, InputError):
            assert isinstance(back, InputError)
            assert (back.reason, back.path, back.line, back.field) == (
                error.reason,
                error.path,
                error.line,
                error.field,
            )
    other = worker_error(error_payload(MissingExtraError("onnxruntime-gpu", "gpu")))
    assert type(other) is CarelensError and "carelens[gpu]" in str(other)
    assert error_payload(InputError("x", path="caf\udce9.csv")).isascii()


def _run(tmp_path: Path, *options: str) -> Any:
    out = tmp_path / "out"
    args = ["batch", str(PAIRS), "-o", str(out), "--shards", "1", *options]
    return CliRunner().invoke(app, args, env={"COLUMNS": "200"})


def _one_error_line(result: Any) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and "ray::" not in result.output
    assert result.output.count("error:") == 1, result.output
    return " ".join(result.output.split("error:", 1)[1].split())


@pytest.mark.usefixtures("local_ray")
def test_out_of_gpu_memory_at_a_fixed_batch_size_is_one_error_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """scoring.py turns the out-of-memory error into one that says to start over with a
    smaller --batch-size; it reached the user inside Ray's traceback."""

    class OutOfMemory(ShardScorer):  # defined here: Ray sends it to the workers by value
        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self.device = "cuda"  # a GPU worker's words (the model runs on the CPU here)

            def predict(pairs: Any) -> Any:
                raise RuntimeError(
                    "[ONNXRuntimeError] : 6 : RUNTIME_EXCEPTION : CUDA failure 2: out of memory"
                )

            self.analyzer.predict = predict  # type: ignore[method-assign]

    monkeypatch.setattr(engine, "ShardScorer", OutOfMemory)
    error = _one_error_line(_run(tmp_path, "--batch-size", "2"))
    assert error.startswith("out of GPU memory with --batch-size 2: run again with a smaller")
    assert "--overwrite" in error
    assert (tmp_path / "out" / WORK / PLAN).is_file()  # the plan stays: the error says what next


def _out_of_memory(pairs: Any) -> Any:
    raise RuntimeError(
        "[ONNXRuntimeError] : 6 : RUNTIME_EXCEPTION : Non-zero status code returned while "
        "running MatMul node. CUDA failure 2: out of memory"
    )


@pytest.mark.usefixtures("local_ray")
def test_out_of_gpu_memory_at_one_pair_with_auto_is_one_error_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--batch-size auto halves the size on each out-of-memory error; at one pair there is
    nothing left to halve, and ONNX Runtime's error reached the user inside Ray's traceback.
    It is now one error line that names the problem and says what to run: free GPU memory,
    or the CPU (no smaller --batch-size can help). The workers stand in for GPU ones: auto
    sizing, on the "cuda" device, every batch out of memory."""

    class AutoOutOfMemory(ShardScorer):  # defined here: Ray sends it to the workers by value
        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**{**kwargs, "batch_size": "auto"})
            self.device = "cuda"
            self.adaptive = AdaptiveBatch(start=4)  # 4, 2, then 1: all out of memory

            def predict(pairs: Any) -> Any:  # here: Ray's workers cannot import this module
                raise RuntimeError(
                    "[ONNXRuntimeError] : 6 : RUNTIME_EXCEPTION : CUDA failure 2: out of memory"
                )

            self.analyzer.predict = predict  # type: ignore[method-assign]

    monkeypatch.setattr(engine, "ShardScorer", AutoOutOfMemory)
    error = _one_error_line(_run(tmp_path))
    assert error == (
        "out of GPU memory at a batch of one pair (--batch-size auto halved it down to 1), so "
        "no smaller --batch-size can help: the model does not fit in the GPU memory left free "
        "(other processes may hold it); free GPU memory and run the same command again to "
        "resume, or score on the CPU: run again without --gpu and --batch-size auto, with "
        "--overwrite (a run begun on a GPU is not resumed on the CPU)"
    )
    assert "ONNXRuntimeError" not in error
    assert (tmp_path / "out" / WORK / PLAN).is_file()  # the plan stays: the error says what next


@pytest.mark.parametrize(
    ("batch_size", "device", "said"),
    [
        ("auto", "cuda", "out of GPU memory at a batch of one pair (--batch-size auto halved"),
        (1, "cuda", "out of GPU memory at a batch of one pair (--batch-size 1), so no smaller"),
        (1, "cpu", "out of memory at a batch of one pair (--batch-size 1), so no smaller"),
        (4, "cpu", "out of memory with --batch-size 4: run again with a smaller --batch-size"),
    ],
)
def test_out_of_memory_says_what_to_run_for_the_batch_size_and_device(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, batch_size: Any, device: str, said: str
) -> None:
    """A worker's out-of-memory error, as the driver raises it: at one pair no smaller
    --batch-size is offered, and on the CPU neither is --batch-size auto (GPU only) nor the
    CPU; auto halves the size first, down to one pair."""
    staged = stage(tmp_path / "staged", {0: exchanges()[:6]})
    scorer = ShardScorer(
        staged=str(staged),
        out_dir=str(tmp_path),
        model=None,
        threads=1,
        include_text=True,
        redact=False,
        batch_size=batch_size,
    )
    scorer.device = device  # the messages' device: the model itself runs on the CPU here
    if scorer.adaptive is not None:
        scorer.adaptive = AdaptiveBatch(start=4)
    scorer.analyzer.predict = _out_of_memory  # type: ignore[method-assign]
    with caplog.at_level(logging.WARNING, logger="carelens.batch.scoring"):
        (payload,) = scorer({"shard": [0]})[ERROR]
    error = worker_error(payload)
    assert type(error) is ConfigError and str(error).startswith(said), str(error)
    if device == "cpu":  # neither is for the CPU
        assert "--gpu" not in str(error) and "auto" not in str(error)
    else:  # one pair does not fit: the CPU is what is left
        assert "score on the CPU: run again without --gpu" in str(error)
    halved = [r.getMessage() for r in caplog.records]
    assert halved == (
        ["out of GPU memory; batch size now 2", "out of GPU memory; batch size now 1"]
        if batch_size == "auto"
        else []
    )
    assert not list(tmp_path.glob("part-*"))  # nothing written for the shard


@pytest.mark.usefixtures("local_ray")
def test_a_model_a_worker_cannot_load_is_one_error_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An error raised while a worker loads its model (a missing CUDA provider, say) killed
    the worker's actor: Ray raised ActorDiedError with the worker's traceback as its text."""
    missing = tmp_path / "no-model"

    class NoModel(ShardScorer):
        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**{**kwargs, "model": str(missing)})

    monkeypatch.setattr(engine, "ShardScorer", NoModel)
    error = _one_error_line(_run(tmp_path))
    with pytest.raises(ModelError) as raised:
        carelens.load(missing)  # what the worker met, as this process meets it
    assert error == " ".join(str(raised.value).split())
