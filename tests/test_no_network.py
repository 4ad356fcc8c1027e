"""Analysis reaches no network: with every socket connection refused, the whole path works.

Loading the model (checksums), analysing through the Python API, and ``carelens analyze``,
``evaluate``, ``summarize`` and ``report`` on local files must not open a connection; any
attempt raises here.
"""

from __future__ import annotations

import socket
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
