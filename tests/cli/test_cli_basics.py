"""The ``carelens`` app itself: ``--version``, help, and the installed console script."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

import carelens

Invoke = Callable[..., Result]


def test_version(invoke: Invoke) -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"carelens {carelens.__version__}"


def test_help_lists_the_commands(invoke: Invoke) -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    for command in ("analyze", "evaluate", "train"):
        assert command in result.stdout


def _console_script() -> str:
    beside = Path(sys.executable).with_name("carelens")
    found = str(beside) if beside.exists() else shutil.which("carelens")
    if found is None:
        pytest.skip("the carelens console script is not installed (pip install -e .)")
    return found


def test_console_script_end_to_end(data: Path, tmp_path: Path) -> None:
    script = _console_script()
    version = subprocess.run([script, "--version"], capture_output=True, text=True, check=False)
    assert (version.returncode, version.stdout.strip()) == (0, f"carelens {carelens.__version__}")

    out = tmp_path / "out.jsonl"
    run = subprocess.run(
        [script, "analyze", str(data / "pairs.csv"), "-o", str(out), "-q"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    ids = [json.loads(line)["response_id"] for line in out.read_text("utf-8").splitlines()]
    assert ids == [f"r{i}" for i in range(1, 9)]

    failed = subprocess.run(
        [script, "analyze", str(tmp_path / "absent.csv")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert failed.returncode == 1
    assert failed.stderr.startswith("error: ") and "Traceback" not in failed.stderr


@pytest.mark.parametrize("command", ["analyze", "evaluate"])
@pytest.mark.parametrize("option", ["--batch-size", "--threads"])
def test_counts_below_one_are_a_usage_error(
    invoke: Invoke, data: Path, command: str, option: str
) -> None:
    result = invoke(command, str(data / "labeled.csv"), option, "0")
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_record_stores_no_machine_paths(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from carelens.cli.main import app
    from carelens.inference.artifact import default_model_dir

    model = tmp_path / "model"
    shutil.copytree(default_model_dir(), model)
    labeled = Path(__file__).parents[1] / "data" / "cli" / "labeled.csv"
    result = CliRunner().invoke(app, ["evaluate", str(labeled), "--model", str(model), "--record"])
    assert result.exit_code == 0, result.output
    recorded = json.loads((model / "manifest.json").read_text())["evaluation"]["all"]
    assert recorded["path"] == "labeled.csv"
    assert str(tmp_path) not in json.dumps(recorded)
