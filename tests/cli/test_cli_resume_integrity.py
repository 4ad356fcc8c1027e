"""`carelens analyze` resumes: with the shipped model and `--batch-size 8`, an output cut
between chunk boundaries resumes to the bytes of an uninterrupted run, and another batch size
is refused; an output of an older carelens, which kept no record of the model build, is
refused as it is; a second run on the same output is refused at once; no two files the run
writes may be one."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

Invoke = Callable[..., Result]

N_PAIRS = 300  # two chunks of 256 pairs (the least `analyze` analyses together) and a part

HOLDER = """
import sys, time
from carelens.locks import hold_lock
with hold_lock(sys.argv[1], "carelens analyze is writing " + sys.argv[2]):
    print("held", flush=True)
    time.sleep(60)
"""


def write_pairs(path: Path, n: int = N_PAIRS) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            row = {
                "seeker_id": f"s{i}",
                "response_id": f"r{i}",
                "seeker": f"I have been struggling since the move, week {i}. I feel alone."
                + " Really." * (i % 9),
                "response": f"That sounds lonely. What has week {i} been like for you?"
                + " I'm here." * (i % 5),
            }
            fh.write(json.dumps(row) + "\n")
    return path


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_a_cut_mid_chunk_resumes_to_the_bytes_of_an_uninterrupted_run(
    invoke: Invoke, tmp_path: Path, suffix: str
) -> None:
    source = write_pairs(tmp_path / "pairs.jsonl")
    clean, out = tmp_path / f"clean{suffix}", tmp_path / f"out{suffix}"
    args = ("--batch-size", "8", "--threads", "1")
    assert invoke("analyze", source, "-o", clean, *args).exit_code == 0
    assert invoke("analyze", source, "-o", out, *args).exit_code == 0
    data = out.read_bytes()
    lines = data.splitlines(keepends=True)
    keep = 270 + (suffix == ".csv")  # 270 records (and the CSV header), then a cut record
    out.write_bytes(b"".join(lines[:keep]) + lines[keep][:40])
    resumed = invoke("analyze", source, "-o", out, *args)
    assert resumed.exit_code == 0, resumed.output
    assert "44 (+ 256 already in the output" in resumed.stdout  # from the chunk boundary
    assert out.read_bytes() == clean.read_bytes()
    other = invoke("analyze", source, "-o", out, "--batch-size", "4", "--threads", "1")
    assert other.exit_code == 1
    assert "written with --batch-size 8 and this run's is 4" in other.stderr


#: The options file of an output begun by a carelens that kept the model's id, not its build.
OLDER_OPTIONS = {
    "written_by": "carelens 0.1.0",
    "no_text": False,
    "redact": False,
    "model": "carelens-empathy-minilm",
}


@pytest.mark.parametrize("options", ["none", "without a fingerprint"])
def test_an_output_of_an_older_carelens_is_refused_and_left_as_it_was(
    invoke: Invoke, tmp_path: Path, options: str
) -> None:
    # Its records may be another build's (an older carelens shipped other weights under the
    # same model id): resumed, the file would hold two builds' results, and its options
    # would then name this build for all of them.
    source = write_pairs(tmp_path / "pairs.jsonl", 20)
    out = tmp_path / "out.jsonl"
    assert invoke("analyze", source, "-o", out, "--threads", "1", "-q").exit_code == 0
    lines = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:12]) + lines[12][:40])  # as an interrupted run leaves it
    kept = tmp_path / "out.jsonl.options.json"
    if options == "none":
        kept.unlink()
        (tmp_path / "out.jsonl.digests").unlink()
        why = "no out.jsonl.options.json beside it"
    else:
        kept.write_text(json.dumps(OLDER_OPTIONS, indent=2) + "\n", encoding="utf-8")
        why = "its out.jsonl.options.json names the model, not its build"
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    result = invoke("analyze", source, "-o", out, "--threads", "1")
    assert result.exit_code == 1, result.output
    said = " ".join(result.stderr.split())
    assert (
        f"error: {out}: the existing output cannot be resumed: it holds the results of an "
        f"older carelens, which kept no record of the build of the model that made them ({why})"
    ) in said
    assert said.endswith("pass --overwrite to start over, or choose another output path")
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
    again = invoke("analyze", source, "-o", out, "--threads", "1", "-q", "--overwrite")
    assert again.exit_code == 0, again.output
    assert len(out.read_bytes().splitlines()) == 20
    assert isinstance(json.loads(kept.read_text(encoding="utf-8"))["model_fingerprint"], str)


def test_a_second_run_on_one_output_is_refused_at_once(invoke: Invoke, tmp_path: Path) -> None:
    source = write_pairs(tmp_path / "pairs.jsonl")
    out = tmp_path / "out.jsonl"
    lock = tmp_path / "out.jsonl.lock"
    staged = tmp_path / "out.jsonl.rejects.jsonl.partial.jsonl"  # the first run's
    staged.write_text("", encoding="utf-8")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(lock), str(out)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        # A model that does not exist: the lock is refused before the model is loaded.
        second = invoke("analyze", source, "-o", out, "--model", tmp_path / "no-such-model")
        assert second.exit_code == 1
        said = " ".join(second.stderr.split())
        assert f"{lock}: another carelens analyze is writing {out}" in said
        assert f"(process {holder.pid})" in said and "no-such-model" not in said
        assert staged.exists() and not out.exists()
    finally:
        holder.kill()
        holder.communicate()  # waits, and closes the pipe
    # The lock file a killed run leaves blocks nothing, and a run removes its own.
    assert lock.exists()
    staged.unlink()
    done = invoke("analyze", source, "-o", out, "--threads", "1", "-q")
    assert done.exit_code == 0, done.output
    assert not lock.exists()


@pytest.mark.parametrize(
    ("output", "rejects"),
    [
        ("r.parquet.partial.jsonl", "r.parquet"),  # rejects staged in the output
        ("r.parquet", "r.parquet.partial.jsonl"),  # rejects in the Parquet store
        ("r.jsonl", "r.jsonl.digests"),
        ("r.jsonl.rejects.jsonl.partial.jsonl", "r.jsonl.rejects.jsonl"),
    ],
)
def test_no_two_files_the_run_writes_may_be_one(
    invoke: Invoke, tmp_path: Path, output: str, rejects: str
) -> None:
    source = write_pairs(tmp_path / "pairs.jsonl")
    result = invoke("analyze", source, "-o", tmp_path / output, "--rejects", tmp_path / rejects)
    assert result.exit_code == 2
    assert "would be both" in " ".join(result.stderr.split())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pairs.jsonl"]
