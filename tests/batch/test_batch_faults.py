"""Faults in `carelens batch`: a scoring worker killed with -9 mid-run is retried by the
engine, and a whole run killed with -9 resumes when run again; either way every pair is in
the output exactly once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("ray", reason="the batch extra (Ray Data) is not installed")
psutil = pytest.importorskip("psutil")

pytestmark = pytest.mark.slow

FILES, PAIRS_PER_FILE = 3, 400


def write_inputs(folder: Path) -> set[tuple[str, str]]:
    folder.mkdir()
    ids = set()
    for f in range(FILES):
        with (folder / f"shard-{f}.jsonl").open("w", encoding="utf-8") as fh:
            for i in range(PAIRS_PER_FILE):
                sid, rid = f"s{f}-{i}", f"r{f}-{i}"
                row = {
                    "seeker_id": sid,
                    "response_id": rid,
                    "seeker": f"Since the move in week {i} I have felt so alone and tired.",
                    "response": f"That sounds lonely. What has week {i} been like for you?",
                }
                fh.write(json.dumps(row) + "\n")
                ids.add((sid, rid))
    return ids


def command(source: Path, out: Path) -> list[str]:
    return [
        sys.executable, "-m", "carelens.cli.main", "batch", str(source), "-o", str(out),
        "--shards", "12", "--workers", "1", "--threads-per-worker", "1", "-q",
    ]  # fmt: skip


def output_ids(out: Path) -> list[tuple[str, str]]:
    import pyarrow.parquet as pq

    ids: list[tuple[str, str]] = []
    for part in sorted(out.glob("part-*.parquet")):
        table = pq.read_table(part, columns=["seeker_id", "response_id"])
        ids.extend(
            zip(table["seeker_id"].to_pylist(), table["response_id"].to_pylist(), strict=True)
        )
    return ids


def wait_for_parts(out: Path, proc: subprocess.Popen[bytes], at_least: int) -> None:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if len(list(out.glob("part-*.parquet"))) >= at_least:
            return
        assert proc.poll() is None, "the run ended before it could be interrupted"
        time.sleep(0.2)
    raise AssertionError("no part was written in time")


def scoring_workers(root: int) -> list[psutil.Process]:
    found = []
    for p in psutil.process_iter(["pid", "cmdline"]):
        cmdline = " ".join(p.info["cmdline"] or ())
        if "ShardScorer" in cmdline and p.pid != root:
            found.append(p)
    return found


def test_a_killed_worker_is_retried_and_nothing_is_lost(tmp_path: Path) -> None:
    expected = write_inputs(tmp_path / "in")
    out = tmp_path / "out"
    proc = subprocess.Popen(command(tmp_path / "in", out), stderr=subprocess.PIPE)
    try:
        wait_for_parts(out, proc, 1)
        workers = scoring_workers(proc.pid)
        assert workers, "no scoring worker process found"
        for worker in workers:
            worker.send_signal(signal.SIGKILL)
        _, stderr = proc.communicate(timeout=600)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, stderr.decode()[-2000:]
    ids = output_ids(out)
    assert len(ids) == len(set(ids)) == len(expected)
    assert set(ids) == expected


def test_a_killed_run_resumes_without_loss_or_duplicates(tmp_path: Path) -> None:
    expected = write_inputs(tmp_path / "in")
    out = tmp_path / "out"
    proc = subprocess.Popen(
        command(tmp_path / "in", out), stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        wait_for_parts(out, proc, 2)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the driver and the Ray it started
        proc.wait()
    before = len(list(out.glob("part-*.parquet")))
    assert 0 < before < 12
    done = subprocess.run(command(tmp_path / "in", out), capture_output=True, timeout=600)
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    ids = output_ids(out)
    assert len(ids) == len(set(ids)) == len(expected)
    assert set(ids) == expected
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["pairs"] == len(expected) and not (out / "_work").exists()
