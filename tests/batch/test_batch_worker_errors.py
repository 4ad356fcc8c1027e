"""A carelens error met in a scoring worker stops `carelens batch` as the worker raised it:
one `error:` line and exit code 1, as `analyze` says it, never Ray's traceback (Ray wraps an
error raised in a worker in its own, whose message is the worker's whole traceback).

The failing workers are the real ShardScorer, in real Ray worker processes, with one thing
made to fail: the model's batches run out of GPU memory (as ONNX Runtime's CUDA provider
says it), or the model the worker loads is missing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import carelens
from carelens.batch import engine
from carelens.batch.outputs import PLAN, WORK
from carelens.batch.scoring import ShardScorer
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
