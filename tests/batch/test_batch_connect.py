"""How `carelens batch` reaches Ray: the private local Ray ignores a cluster named by
RAY_ADDRESS (as KubeRay pods set it) or left running by `ray start`, an address that
needs Ray Client without it installed is a clear error before any work, and so is an
address nothing answers on (Ray would retry it forever)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from carelens.batch import BatchOptions, engine, run_batch
from carelens.batch.engine import closed_loopback_port
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


def test_an_address_nothing_answers_on_is_a_quick_clear_error_leaving_no_plan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A closed port: Ray would log "Failed to get cluster ID from GCS server" every 30 s
    forever, and leave a plan that refuses the corrected command's other options."""

    def never(**kwargs: Any) -> None:
        raise AssertionError("ray.init was called for an address nothing answers on")

    monkeypatch.setattr(ray, "is_initialized", lambda: False)  # as in a fresh `carelens`
    monkeypatch.setattr(ray, "init", never)
    monkeypatch.setenv("RAY_USAGE_STATS_ENABLED", "0")
    address = f"127.0.0.1:{closed_loopback_port()}"
    out = tmp_path / "out"
    started = time.monotonic()
    with pytest.raises(ConfigError, match=rf"cannot reach the Ray cluster at {address} "):
        run_batch([DATA / "pairs.jsonl"], BatchOptions(output=out, address=address, shards=2))
    assert not out.exists()  # no plan left: the corrected command may change any option
    result = CliRunner().invoke(
        app, ["batch", str(DATA / "pairs.jsonl"), "-o", str(out), "--address", address,
              "--workers", "1"],
    )  # fmt: skip
    assert result.exit_code == 1 and f"cannot reach the Ray cluster at {address}" in result.output
    assert "Traceback" not in result.output and not out.exists()
    assert time.monotonic() - started < 2 * engine.REACH_TIMEOUT_S


@pytest.mark.parametrize(
    ("address", "environment", "named"),
    [
        ("10.0.0.9:6379", None, ("10.0.0.9", 6379)),
        ("ray://head-svc:10001", None, ("head-svc", 10001)),
        ("[::1]:6379", None, ("::1", 6379)),
        ("auto", "ray://head-svc:10001", ("head-svc", 10001)),
        ("auto", None, None),  # the cluster `ray start` left here: Ray finds it
    ],
)
def test_the_host_and_port_an_address_names_are_checked(
    monkeypatch: pytest.MonkeyPatch,
    address: str,
    environment: str | None,
    named: tuple[str, int] | None,
) -> None:
    if environment is None:
        monkeypatch.delenv("RAY_ADDRESS", raising=False)
    else:
        monkeypatch.setenv("RAY_ADDRESS", environment)
    assert engine._host_and_port(address) == named


def test_an_address_that_answers_passes_the_check() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        engine._check_reachable(f"127.0.0.1:{listener.getsockname()[1]}")
