"""A script of ``benchmarks/`` run as its smoke tests run it: ``python benchmarks/NAME ARGS``
in a process of its own, with this checkout's ``src`` as its ``PYTHONPATH`` (as the scripts
say to run them), its output captured as text and its exit status left to the test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

#: The checkout: ``benchmarks/`` and ``src/`` are below it.
ROOT = Path(__file__).resolve().parents[2]


def run_benchmark(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``benchmarks/<script>`` with ``args``; ten minutes at the most."""
    return subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
