"""Analysis reaches no network: with every socket connection refused, the whole path works.

Loading the model (checksums), analysing through the Python API, and ``carelens analyze``,
``evaluate``, ``summarize`` and ``report`` on local files must not open a connection; any
attempt raises here. ``carelens serve`` on loopback is run in-process (the app that ``serve``
builds, on uvicorn in a thread, reached over real loopback sockets): connections to
127.0.0.1/::1 go through, any other one is recorded and refused.
"""

from __future__ import annotations

import ipaddress
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import carelens
from carelens.cli.main import app

ROOT = Path(__file__).resolve().parents[1]


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    attempts: list[Any] = []

    def refuse(self: socket.socket, address: Any, *args: Any) -> None:
        attempts.append(address)
        raise NetworkUsed(f"connection attempted to {address!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: refuse(None, a))  # type: ignore[arg-type]
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: refuse(None, a))  # type: ignore[arg-type]
    yield attempts
    assert attempts == [], f"network used: {attempts}"


def test_python_api_uses_no_network(no_network: list[Any]) -> None:
    analyzer = carelens.load(threads=1)
    result = analyzer.analyze("I lost my job today.", "That sounds scary. What happened?")
    assert result.style is not None


def test_cli_analyze_and_evaluate_use_no_network(no_network: list[Any], tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "out.jsonl"
    done = runner.invoke(app, ["analyze", str(ROOT / "examples" / "chat.jsonl"), "-o", str(out)])
    assert done.exit_code == 0, done.output
    assert out.stat().st_size > 0
    labeled = ROOT / "tests" / "data" / "cli" / "labeled.csv"
    done = runner.invoke(app, ["evaluate", str(labeled), "-q"])
    assert done.exit_code == 0, done.output


def test_cli_summarize_and_report_use_no_network(no_network: list[Any], tmp_path: Path) -> None:
    runner = CliRunner()
    source = ROOT / "examples" / "forum_thread.csv"
    done = runner.invoke(app, ["summarize", str(source), "-q", "--anonymize"])
    assert done.exit_code == 0, done.output
    report = tmp_path / "report.html"
    done = runner.invoke(app, ["report", str(source), "-o", str(report), "-q"])
    assert done.exit_code == 0, done.output
    assert report.stat().st_size > 0


def _loopback(address: Any) -> bool:
    """True for a loopback host or ``(host, port, ...)``: 127.0.0.0/8, ::1 or ``localhost``."""
    host = address[0] if isinstance(address, tuple) and address else address
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if host is None or host == "localhost":
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


@pytest.fixture
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, list[Any]]]:
    """Let connections and name look-ups for loopback through; record and refuse the rest."""
    seen: dict[str, list[Any]] = {"loopback": [], "outbound": []}
    connect, connect_ex, getaddrinfo = (
        socket.socket.connect,
        socket.socket.connect_ex,
        socket.getaddrinfo,
    )

    def guard(sock: socket.socket | None, address: Any) -> None:
        if sock is not None and sock.family == getattr(socket, "AF_UNIX", None):
            return  # a local socket file, not the network
        if _loopback(address):
            seen["loopback"].append(address)
            return
        seen["outbound"].append(address)
        raise NetworkUsed(f"connection attempted to {address!r}")

    def guarded_connect(self: socket.socket, address: Any) -> None:
        guard(self, address)
        connect(self, address)

    def guarded_connect_ex(self: socket.socket, address: Any) -> int:
        guard(self, address)
        return connect_ex(self, address)

    def guarded_getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        guard(None, host)
        return getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", guarded_connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", guarded_getaddrinfo)
    yield seen
    assert seen["outbound"] == [], f"network used: {seen['outbound']}"


def test_serve_on_loopback_uses_no_network(
    loopback_only: dict[str, list[Any]], tmp_path: Path
) -> None:
    httpx = pytest.importorskip("httpx")
    pytest.importorskip("uvicorn")
    from carelens.service import ServiceSettings, create_app
    from threaded_server import ThreadedServer

    # What `carelens serve --port 0 --threads 1 --data-dir ...` builds: the shipped model,
    # the default topic model, a SQLite store; loaded here, under the guard.
    settings = ServiceSettings(host="127.0.0.1", port=0, data_dir=tmp_path / "data", threads=1)
    app = create_app(settings)
    with (
        ThreadedServer(app) as server,
        httpx.Client(base_url=server.url, trust_env=False) as client,
    ):
        _exercise_server(client)
    # The guard saw the client's loopback connections: the traffic went through it.
    assert any(a[0] == "127.0.0.1" for a in loopback_only["loopback"] if isinstance(a, tuple))


def _exercise_server(client: Any) -> None:
    """The API (analyze, an upload until done, results) and every page, over loopback."""

    def ok(response: Any, kind: str = "application/json") -> Any:
        assert response.status_code < 300, (response.status_code, response.text[:300])
        assert response.headers.get("content-type", "").startswith(kind), response.headers
        return response

    ok(client.get("/v1/health"))
    ok(client.get("/v1/model"))
    one = ok(client.post("/v1/analyze", json={"seeker": "I lost my job.", "response": "Oh no."}))
    assert one.json()["style"]
    pairs = [{"id": "a", "seeker": "I feel alone.", "response": "I'm here. What happened?"}]
    assert len(ok(client.post("/v1/analyze", json={"pairs": pairs})).json()["results"]) == 1

    source = ROOT / "examples" / "forum_thread.csv"
    with source.open("rb") as fh:
        files = {"file": (source.name, fh, "text/csv")}
        corpus_id = ok(client.post("/v1/corpora", files=files)).json()["id"]
    deadline = time.monotonic() + 120
    while (corpus := ok(client.get(f"/v1/corpora/{corpus_id}")).json())["status"] != "done":
        assert corpus["status"] != "failed", corpus
        assert time.monotonic() < deadline, corpus
        time.sleep(0.25)
    assert corpus["done"] > 0
    assert corpus_id in [c["id"] for c in ok(client.get("/v1/corpora")).json()["corpora"]]
    page = ok(client.get(f"/v1/corpora/{corpus_id}/results", params={"limit": 5})).json()
    assert page["items"] and page["total"] == corpus["done"]
    conversation = page["items"][0]["conversation_id"]

    html = "text/html"
    pages = [
        "/",
        "/coach",
        "/explorer",
        f"/explorer/{corpus_id}",
        f"/explorer/{corpus_id}/thread/{conversation}",
        "/dashboards",
        f"/dashboards/{corpus_id}",
    ]
    assets: set[str] = set()
    for path in pages:
        text = ok(client.get(path), html).text
        assets.update(re.findall(r'(?:src|href)="(/static/[^"?#]+)', text))
    coach = {"seeker": "My dog died.", "response": "That must hurt. What was he like?"}
    ok(client.post("/coach", data=coach), html)
    assert assets, "the pages link no local assets"
    for asset in sorted(assets):
        ok(client.get(asset), "")
    assert ok(client.delete(f"/v1/corpora/{corpus_id}"), "").status_code == 204


def test_the_loopback_guard_refuses_everything_else(loopback_only: dict[str, list[Any]]) -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        address = listener.getsockname()
        with socket.create_connection(address, timeout=5):
            pass
    with pytest.raises(NetworkUsed), socket.socket() as sock:
        sock.connect(("192.0.2.1", 443))  # TEST-NET-1: never reached
    with pytest.raises(NetworkUsed):
        socket.create_connection(("example.org", 443), timeout=1)
    assert loopback_only["outbound"] == [("192.0.2.1", 443), "example.org"]
    assert address in loopback_only["loopback"]
    loopback_only["outbound"].clear()  # the refusals above were the point


def _telemetry_files(home: Path, code: str, env: dict[str, str] | None = None) -> list[Path]:
    """The files ONNX Runtime's telemetry leaves under ``home`` after ``code`` runs in a
    fresh interpreter whose home is ``home``."""
    environ = {k: v for k, v in os.environ.items() if k != "ORT_DISABLE_TELEMETRY"}
    environ.update(HOME=str(home), **(env or {}))
    subprocess.run([sys.executable, "-c", code], env=environ, check=True, timeout=120)
    return sorted(p for p in (home / ".cache").rglob("*") if p.is_file())


def test_onnx_runtime_keeps_no_telemetry_when_carelens_runs_it(tmp_path: Path) -> None:
    """ONNX Runtime records each process that imports it (device id, Python path, OS) under
    ``~/.cache/Microsoft`` to send to its makers; carelens turns that off before importing it,
    while a variable the user set is left as set."""
    plain = _telemetry_files(tmp_path / "plain", "import onnxruntime")
    if not plain:
        pytest.skip("this ONNX Runtime build keeps no telemetry on this platform")
    code = (
        "import carelens, os; carelens.load(threads=1).analyze('I failed.', 'That hurts.');"
        "assert os.environ['ORT_DISABLE_TELEMETRY'] == '1'"
    )
    assert _telemetry_files(tmp_path / "carelens", code) == []
    kept = "import carelens, os; assert os.environ['ORT_DISABLE_TELEMETRY'] == '0'"
    _telemetry_files(tmp_path / "kept", kept, {"ORT_DISABLE_TELEMETRY": "0"})
