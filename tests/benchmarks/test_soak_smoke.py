"""Smoke test for ``benchmarks/soak.py``: a real server, two clients, a few seconds.

Only that the script runs the whole mix, gets no 5xx and no connection failure, and writes
its figures; the memory limit is lifted (a few seconds say nothing about growth). It runs on
SQLite, and on PostgreSQL when a test server is set (``CARELENS_TEST_POSTGRES_URL``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from postgres_schema import schema_url

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
pytest.importorskip("psutil")

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(params=["sqlite", "postgresql"])
def store_args(request: pytest.FixtureRequest) -> Iterator[list[str]]:
    """No store option (SQLite in the server's data folder), or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield []
        return
    with schema_url() as url:  # skips without a PostgreSQL test server
        yield ["--database-url", url]


def test_soak_runs(tmp_path: Path, store_args: list[str]) -> None:
    out = tmp_path / "soak.json"
    command = [
        sys.executable, str(ROOT / "benchmarks" / "soak.py"), "--seconds", "4", "--warmup", "3",
        "--clients", "2", "--corpus-pairs", "10", "--upload-every", "1", "--keep", "1",
        "--max-growth", "10", "--json", str(out), *store_args,
    ]  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k != "CARELENS_DATABASE_URL"}
    done = subprocess.run(
        command, capture_output=True, text=True, check=False, timeout=600, env=env
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "result: PASS" in done.stdout
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["requests"] > 0
    assert figures["errors_5xx"] == 0 and figures["failures"] == []
    assert figures["rss_mib"]["start"] > 0 and figures["rss_mib"]["end"] > 0
    threads = figures["threads"]
    assert threads["start"] > 0 and threads["peak"] >= threads["end"]
    assert figures["store"] == ("postgresql" if store_args else "sqlite")
    assert figures["uploads"] >= 1
    assert "analyze one" in figures["statuses"]
