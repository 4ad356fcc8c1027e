"""A real server process killed with SIGKILL mid-corpus finishes on restart, each pair once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from postgres_schema import schema_url
from threaded_server import free_port

#: Pairs uploaded; CARELENS_UPLOAD_PAIRS=10000 runs the issue's full-size check (slow).
N_PAIRS = int(os.environ.get("CARELENS_UPLOAD_PAIRS", "1000"))


def serve_command(port: int, data_dir: Path, database_url: str | None) -> list[str]:
    args = ["serve", "--port", str(port), "--data-dir", str(data_dir), "--threads", "1", "-q"]
    if database_url is not None:
        args += ["--database-url", database_url]
    return [sys.executable, "-m", "carelens.cli.main", *args]


class Server:
    def __init__(self, port: int, data_dir: Path, log: Path, database_url: str | None) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("CARELENS_")}
        self.log = log.open("ab")
        self.process = subprocess.Popen(
            serve_command(port, data_dir, database_url),
            stdout=self.log,
            stderr=subprocess.STDOUT,
            env=env,
        )
        self.url = f"http://127.0.0.1:{port}"

    def wait_ready(self, timeout: float = 120.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "the server exited; see its log"
            try:
                if httpx.get(f"{self.url}/v1/health", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        raise AssertionError("the server did not start in time")

    def stop(self, *, kill: bool) -> None:
        if self.process.poll() is None:
            if kill:
                self.process.kill()  # SIGKILL: no shutdown, no cleanup
            else:
                self.process.terminate()
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self.log.close()


@pytest.fixture
def servers() -> Iterator[list[Server]]:
    started: list[Server] = []
    yield started
    for server in started:
        server.stop(kill=True)


def corpus(url: str, corpus_id: str) -> dict[str, Any]:
    response = httpx.get(f"{url}/v1/corpora/{corpus_id}", timeout=10)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest) -> Iterator[str | None]:
    """The server's store: SQLite in its data folder, then a PostgreSQL schema."""
    if request.param == "sqlite":
        yield None
        return
    with schema_url() as url:
        yield url


@pytest.mark.slow
def test_kill_9_mid_corpus_then_restart(
    tmp_path: Path, servers: list[Server], database_url: str | None
) -> None:
    pairs = tmp_path / "pairs.jsonl"
    with pairs.open("w", encoding="utf-8") as fh:
        for i in range(N_PAIRS):
            row = {
                "seeker_id": f"s{i}",
                "response_id": f"r{i}",
                "seeker": f"Day {i}: I keep arguing with my sister and I feel alone.",
                "response": f"That sounds lonely ({i}). What do the arguments tend to be about?",
            }
            fh.write(json.dumps(row) + "\n")
    data_dir, log, port = tmp_path / "data", tmp_path / "server.log", free_port()

    first = Server(port, data_dir, log, database_url)
    servers.append(first)
    first.wait_ready()
    with pairs.open("rb") as fh:
        created = httpx.post(f"{first.url}/v1/corpora", files={"file": ("pairs.jsonl", fh)})
    assert created.status_code == 202, created.text
    corpus_id = created.json()["id"]
    deadline = time.monotonic() + 300
    while (state := corpus(first.url, corpus_id))["done"] < 256:
        assert state["status"] in ("queued", "running"), state
        assert time.monotonic() < deadline, state
        time.sleep(0.1)
    first.stop(kill=True)
    assert state["done"] < N_PAIRS, "finished before it could be killed"

    second = Server(port, data_dir, log, database_url)
    servers.append(second)
    second.wait_ready()
    deadline = time.monotonic() + max(600, N_PAIRS // 5)
    while (state := corpus(second.url, corpus_id))["status"] != "done":
        assert state["status"] in ("queued", "running"), (state, log.read_text()[-2000:])
        assert time.monotonic() < deadline, state
        time.sleep(0.5)
    assert state["total"] == state["done"] == N_PAIRS
    assert state["rejected"] == 0

    seqs: list[int] = []
    ids: list[str] = []
    offset: int | None = 0
    while offset is not None:
        page = httpx.get(
            f"{second.url}/v1/corpora/{corpus_id}/results",
            params={"offset": offset, "limit": 500},
            timeout=30,
        ).json()
        assert page["total"] == N_PAIRS
        seqs += [r["seq"] for r in page["items"]]
        ids += [r["response_id"] for r in page["items"]]
        offset = page["next_offset"]
    assert seqs == list(range(N_PAIRS))  # every pair once, in order
    assert ids == [f"r{i}" for i in range(N_PAIRS)]
    second.stop(kill=False)  # SIGTERM: uvicorn shuts down, then re-raises the signal
    assert second.process.returncode in (0, -15), log.read_text()[-2000:]
    assert "Traceback" not in log.read_text()
