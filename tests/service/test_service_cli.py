"""``carelens serve`` and ``carelens keys``: thin commands over the service and the store."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner, Result

from carelens.cli.serve import keys_app, serve
from carelens.store import open_store


def cli() -> typer.Typer:
    """The ``carelens`` app once ``serve`` and ``keys`` are registered in it; until then, an
    app registering them the same way."""
    from carelens.cli.main import app

    if any(c.name == "serve" for c in app.registered_commands):
        return app
    local = typer.Typer()
    local.command("serve")(serve)
    local.add_typer(keys_app, name="keys")
    return local


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(cli(), [str(a) for a in args], env={"COLUMNS": "200"})


def test_keys_create_list_revoke(tmp_path: Path) -> None:
    created = invoke("keys", "create", "analytics team", "--data-dir", tmp_path)
    assert created.exit_code == 0, created.output
    secret = created.stdout.strip()
    assert secret.startswith("clk_") and len(secret.splitlines()) == 1
    assert "shown only now" in created.stderr

    store = open_store(None, data_dir=tmp_path)
    try:
        key_id = store.verify_key(secret)
        assert key_id is not None
        listed = invoke("keys", "list", "--data-dir", tmp_path)
        assert listed.exit_code == 0, listed.output
        assert key_id in listed.stdout and "analytics team" in listed.stdout
        assert secret not in listed.stdout

        revoked = invoke("keys", "revoke", key_id, "--data-dir", tmp_path)
        assert revoked.exit_code == 0, revoked.output
        assert store.verify_key(secret) is None
        assert store.list_keys()[0]["revoked"] is True
    finally:
        store.close()

    unknown = invoke("keys", "revoke", "nope", "--data-dir", tmp_path)
    assert unknown.exit_code == 1
    assert "no API key with id 'nope'" in unknown.stderr


def test_keys_list_piped_gives_whole_ids_and_names(tmp_path: Path) -> None:
    for name in ("analytics team with a long name", "night shift"):
        assert invoke("keys", "create", name, "--data-dir", tmp_path).exit_code == 0
    store = open_store(None, data_dir=tmp_path)
    try:
        keys = store.list_keys()
    finally:
        store.close()
    # CliRunner is not a terminal, so this is the piped form, whatever the width.
    listed = CliRunner().invoke(
        cli(), ["keys", "list", "--data-dir", str(tmp_path)], env={"COLUMNS": "40"}
    )
    assert listed.exit_code == 0, listed.output
    rows = [line.split("\t") for line in listed.stdout.splitlines()]
    assert [(r[0], r[1]) for r in rows] == [(k["id"], k["name"]) for k in keys]
    assert all(r[3] == "-" for r in rows)


def test_keys_list_in_a_narrow_terminal_never_cuts_an_id(tmp_path: Path) -> None:
    assert invoke("keys", "create", "a name of some length", "--data-dir", tmp_path).exit_code == 0
    store = open_store(None, data_dir=tmp_path)
    try:
        key_id = store.list_keys()[0]["id"]
    finally:
        store.close()
    # FORCE_COLOR makes rich treat the output as a terminal (80 columns wide).
    listed = CliRunner().invoke(
        cli(),
        ["keys", "list", "--data-dir", str(tmp_path)],
        env={"COLUMNS": "80", "FORCE_COLOR": "1"},
    )
    assert listed.exit_code == 0, listed.output
    text = re.sub(r"\x1b\[[0-9;]*m", "", listed.stdout)
    assert "\t" not in text and "API keys" in text  # the table, not the piped lines
    assert key_id in text and "a name" in text
    assert max(len(line) for line in text.splitlines()) <= 80


def test_keys_need_a_name(tmp_path: Path) -> None:
    for name in ("", "   "):
        created = invoke("keys", "create", name, "--data-dir", tmp_path)
        assert created.exit_code == 2
        assert "give the key a name" in created.output


def test_keys_list_when_empty(tmp_path: Path) -> None:
    listed = invoke("keys", "list", "--data-dir", tmp_path)
    assert listed.exit_code == 0
    assert "keys create" in listed.stderr


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Calls to uvicorn.run, recorded instead of serving."""
    import uvicorn

    calls: list[dict[str, Any]] = []

    def fake_run(app: Any, **kwargs: Any) -> None:
        calls.append({"app": app, **kwargs})

    monkeypatch.setattr(uvicorn, "run", fake_run)
    return calls


def test_serve_off_loopback_needs_a_key(tmp_path: Path, runs: list[dict[str, Any]]) -> None:
    result = invoke("serve", "--host", "0.0.0.0", "--data-dir", tmp_path)
    assert result.exit_code == 1
    assert "keys create" in result.stderr
    assert runs == []


def test_serve_runs_uvicorn(tmp_path: Path, runs: list[dict[str, Any]]) -> None:
    result = invoke("serve", "--port", "8765", "--data-dir", tmp_path, "--threads", "1")
    assert result.exit_code == 0, result.output
    (call,) = runs
    assert call["host"] == "127.0.0.1" and call["port"] == 8765
    assert call["access_log"] is False
    assert "http://127.0.0.1:8765/" in result.stderr and "API under /v1" in result.stderr


def test_serve_passes_the_store_timeout(tmp_path: Path, runs: list[dict[str, Any]]) -> None:
    args = ("serve", "--data-dir", tmp_path, "--threads", "1")
    result = invoke(*args, "--store-timeout", "7.5")
    assert result.exit_code == 0, result.output
    assert runs[0]["app"].state.context.settings.store_timeout == 7.5
    refused = invoke(*args, "--store-timeout", "0")
    assert refused.exit_code == 2 and len(runs) == 1


def test_serve_without_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # import uvicorn -> ImportError
    result = invoke("serve", "--data-dir", tmp_path)
    assert result.exit_code == 1
    assert "pip install 'carelens[serve]'" in result.stderr
