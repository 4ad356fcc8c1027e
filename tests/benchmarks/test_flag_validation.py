"""Every benchmark script refuses a bad flag value up front: exit 2 and one ``error:`` line
naming the flag (argparse's), before anything is measured or a traceback could appear; a
``--model`` folder that does not load is one line too."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BENCHMARKS = ROOT / "benchmarks"

CASES = [
    ("taxonomy_overhead.py", "--rounds", "0"),
    ("taxonomy_overhead.py", "--pairs", "0"),
    ("taxonomy_overhead.py", "--threads", "-1"),
    ("taxonomy_overhead.py", "--warmup", "-1"),
    ("pairing_scale.py", "--rounds", "0"),
    ("pairing_scale.py", "--threads", "0"),
    ("api_latency.py", "--clients", "0"),
    ("api_latency.py", "--seconds", "0"),
    ("api_latency.py", "--threads", "0"),
    ("report_scale.py", "--helpers", "0"),
    ("report_scale.py", "--responses", "0"),
    ("model_profile.py", "--top", "-1"),
    ("model_profile.py", "--warmup", "-1"),
    ("model_profile.py", "--rounds", "0"),
    ("throughput.py", "--warmup", "-1"),
    ("throughput.py", "--pairs", "0"),
    ("rule_cost.py", "--pairs", "0"),
    ("rule_cost.py", "--rounds", "0"),
    ("feedback_cost.py", "--pairs", "0"),
    ("soak.py", "--clients", "0"),
    ("soak.py", "--seconds", "0"),
    ("batch_scaling.py", "--files", "0"),
]


@pytest.mark.parametrize(("script", "flag", "value"), CASES)
def test_a_bad_value_exits_2_with_one_line(script: str, flag: str, value: str) -> None:
    if script == "soak.py":
        pytest.importorskip("psutil")
    extra = ["--against", "HEAD"] if script in ("rule_cost.py", "feedback_cost.py") else []
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / script), *extra, f"{flag}={value}"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 2, done.stderr
    errors = [line for line in done.stderr.splitlines() if "error:" in line]
    assert len(errors) == 1 and f"argument {flag}:" in errors[0]
    assert "Traceback" not in done.stderr and done.stdout == ""


@pytest.mark.parametrize("script", ["throughput.py", "model_profile.py", "api_latency.py"])
def test_a_missing_model_folder_is_one_line(tmp_path: Path, script: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / script), f"--model={tmp_path / 'absent'}"],
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [f"--model: {tmp_path / 'absent'}: no such folder"]
