"""kill -9 in the middle of `carelens analyze`, then the same command again: nothing lost,
nothing duplicated, and the output equals that of an uninterrupted run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

N_PAIRS = 500


def write_pairs(path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(N_PAIRS):
            row = {
                "seeker_id": f"s{i}",
                "response_id": f"r{i}",
                "seeker": f"I have been struggling since the move, week {i}. I feel alone.",
                "response": f"That sounds really lonely. What has week {i} been like for you?",
            }
            fh.write(json.dumps(row) + "\n")


def carelens(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "carelens.cli.main", *(str(a) for a in args)]


def records(path: Path) -> list[dict[str, object]]:
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    import pyarrow.parquet as pq

    return list(pq.read_table(path).to_pylist())


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_kill_9_then_rerun_loses_and_repeats_nothing(tmp_path: Path, suffix: str) -> None:
    source = tmp_path / "pairs.jsonl"
    write_pairs(source)
    out = tmp_path / f"out{suffix}"
    store = out if suffix != ".parquet" else out.with_name(out.name + ".partial.jsonl")
    env = {**os.environ, "COLUMNS": "120"}
    proc = subprocess.Popen(
        carelens("analyze", source, "-o", out, "--threads", "1", "-q"),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    # Kill once some, but not all, records are on disk.
    while time.monotonic() < deadline and proc.poll() is None:
        if store.exists() and store.stat().st_size > 20_000:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the run finished before it could be interrupted"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not out.exists() or suffix != ".parquet"  # Parquet is only written at the end
    done = subprocess.run(
        carelens("analyze", source, "-o", out, "--threads", "1", "-q"), env=env, check=False
    )
    assert done.returncode == 0
    clean = tmp_path / f"clean{suffix}"
    subprocess.run(carelens("analyze", source, "-o", clean, "--threads", "1", "-q"), check=True)
    if suffix == ".csv":
        assert out.read_bytes() == clean.read_bytes()
        return
    resumed, expected = records(out), records(clean)
    assert [r["response_id"] for r in resumed] == [f"r{i}" for i in range(N_PAIRS)]
    assert resumed == expected
