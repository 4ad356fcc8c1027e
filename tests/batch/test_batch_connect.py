"""How `carelens batch` reaches Ray: the private local Ray ignores a cluster named by
RAY_ADDRESS (as KubeRay pods set it) or left running by `ray start`, and an address that
needs Ray Client without it installed is a clear error before any work."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from carelens.batch import BatchOptions, engine, run_batch
from carelens.cli.main import app
from carelens.errors import ConfigError

ray = pytest.importorskip("ray", reason="the batch extra (Ray Data) is not installed")

DATA = Path(__file__).resolve().parents[1] / "data" / "readers"


def test_the_local_ray_is_started_as_a_new_local_instance(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(ray, "is_initialized", lambda: False)
    monkeypatch.setattr(ray, "init", lambda **kwargs: calls.append(kwargs))
    monkeypatch.setenv("RAY_ADDRESS", "10.0.0.1:6379")
    monkeypatch.setenv("RAY_USAGE_STATS_ENABLED", "0")  # _connect sets it otherwise
    assert engine._connect(BatchOptions(output=tmp_path / "out"))
    # "local": a new Ray even when RAY_ADDRESS or `ray start` names a running one
    # (ray.init would connect there, and refuse num_cpus).
    assert calls[0]["address"] == "local" and calls[0]["num_cpus"] >= 1


@pytest.mark.parametrize(
    ("address", "environment"),
    [("ray://head-svc:10001", None), ("auto", "ray://head-svc:10001")],
)
def test_ray_client_address_without_ray_client_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, address: str, environment: str | None
) -> None:
    monkeypatch.setattr(engine, "has_ray_client", lambda: False)
    if environment is None:
        monkeypatch.delenv("RAY_ADDRESS", raising=False)
    else:
        monkeypatch.setenv("RAY_ADDRESS", environment)
    out = tmp_path / "out"
    with pytest.raises(ConfigError, match=r"pip install 'ray\[client\]'"):
        run_batch([DATA / "pairs.jsonl"], BatchOptions(output=out, address=address))
    assert not out.exists()  # refused before any work
    result = CliRunner().invoke(
        app, ["batch", str(DATA / "pairs.jsonl"), "-o", str(out), "--address", address]
    )
    assert result.exit_code == 1 and "ray[client]" in result.output
    assert "Traceback" not in result.output


@pytest.mark.slow
def test_a_local_run_with_ray_address_set_runs_locally(tmp_path: Path) -> None:
    env = {**os.environ, "RAY_ADDRESS": "127.0.0.1:9", "RAY_USAGE_STATS_ENABLED": "0"}
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "carelens.cli.main", "batch", str(DATA / "pairs.jsonl"),
         "-o", str(out), "--threads-per-worker", "1", "-q"],
        env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads((out / "manifest.json").read_text())["complete"]
