"""``python -m carelens`` runs the same command as the console script."""

from __future__ import annotations

import subprocess
import sys

from carelens import __version__


def test_python_dash_m_runs_the_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "carelens", "--version"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert __version__ in done.stdout


def test_python_dash_m_help_names_the_command_carelens() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "carelens", "analyze", "--help"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={"COLUMNS": "100", "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    assert "carelens analyze" in done.stdout
    assert "__main__" not in done.stdout
