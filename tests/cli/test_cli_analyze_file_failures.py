"""``carelens analyze`` where files fail it: a rejects file that cannot be written (``/dev/
full``, as a full disk), an output that cannot grow (a file size limit, ``ulimit -f``) while
the rejects cannot be written either, an input cut short while it is read, symbolic link
loops, and a rejects folder removed while the run writes in it. Each ends with one
``error:`` line naming the file, the cause in words and what is kept; the first error is
the one shown."""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

import carelens.cli.analyze as analyze_command
from carelens.output.paths import hold_output_locks

Invoke = Callable[..., Result]

FULL = Path("/dev/full")

pytestmark = pytest.mark.skipif(os.name == "nt", reason="devices, links and limits of POSIX")


def _said(result: Result) -> str:
    return " ".join(result.stderr.split())


@pytest.fixture
def one_reject(data: Path, tmp_path: Path) -> Path:
    """The CLI pairs (8) with one more pair that has no seeker text (one reject)."""
    path = tmp_path / "pairs.csv"
    path.write_text((data / "pairs.csv").read_text(encoding="utf-8") + "s9,r9,,no seeker\n")
    return path


@pytest.mark.skipif(not FULL.exists(), reason="needs /dev/full (Linux)")
def test_rejects_on_a_full_device_name_it_and_what_is_kept(
    invoke: Invoke, one_reject: Path, tmp_path: Path
) -> None:
    out = tmp_path / "o.jsonl"
    result = invoke("analyze", one_reject, "-o", out, "--rejects", FULL, "-q")
    assert result.exit_code == 1
    assert _said(result).endswith(
        f"error: {FULL}: cannot write it: the disk is full (no space left on device); the 8 "
        f"results written so far are kept in {out}; run the same command again to resume"
    ), result.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 8


def _small_files() -> None:
    """Files may grow to 20 KB (``ulimit -f``): the output cannot hold every result."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, resource.RLIM_INFINITY))


@pytest.mark.skipif(not FULL.exists(), reason="needs /dev/full (Linux)")
def test_the_outputs_error_is_not_hidden_by_the_rejects_files(tmp_path: Path) -> None:
    rows = ["seeker_id,response_id,seeker,response"]
    rows += [f"s{i},r{i},I lost my job today and feel useless ({i}).,That sounds hard. #{i}"
             for i in range(300)]  # fmt: skip
    rows.append("s9x,r9x,,no seeker")  # one reject, kept in the buffer until the end
    source = tmp_path / "in.csv"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    args = ["analyze", str(source), "-o", str(out), "--rejects", str(FULL), "-q", "--no-text"]
    done = subprocess.run(
        [sys.executable, "-m", "carelens", *args],
        capture_output=True,
        text=True,
        preexec_fn=_small_files,
        check=False,
        env={**os.environ, "COLUMNS": "400"},
    )
    said = " ".join(done.stderr.split())
    assert done.returncode == 1, said
    assert f"error: {out}: cannot write it: the file has reached the largest size" in said
    assert "results written so far are kept; run the same command again to resume" in said
    assert "disk is full" not in said and "Traceback" not in said


def test_an_input_cut_short_while_it_is_read_is_an_error(
    invoke: Invoke, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "pairs.csv"
    shutil.copyfile(data / "pairs.csv", source)
    counted = analyze_command.count_pairs

    def count_then_cut(path: Path, *args: Any, **kwargs: Any) -> int | None:
        n = counted(path, *args, **kwargs)
        lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
        source.write_text("".join(lines[:5]), encoding="utf-8")  # the header and 4 pairs
        return n

    monkeypatch.setattr(analyze_command, "count_pairs", count_then_cut)
    out = tmp_path / "o.jsonl"
    result = invoke("analyze", source, "-o", out, "-q")
    assert result.exit_code == 1, result.output
    assert _said(result).endswith(
        f"error: {source}: the file changed while it was read: 8 pairs were counted before "
        "the run, but only 4 were read; the 4 results are kept in "
        f"{out}: run the same command again once the file is whole to analyse the rest"
    ), result.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 4


@pytest.mark.parametrize("option", ["-o", "--rejects"])
def test_a_symbolic_link_loop_is_named(
    invoke: Invoke, data: Path, tmp_path: Path, option: str
) -> None:
    loop = tmp_path / "a.jsonl"
    loop.symlink_to(tmp_path / "b.jsonl")
    (tmp_path / "b.jsonl").symlink_to(loop)
    extra = [] if option == "-o" else ["-o", tmp_path / "o.jsonl"]
    result = invoke("analyze", data / "pairs.csv", option, loop, *extra, "-q")
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    said = _said(result)
    assert said.startswith("error: ") and "a.jsonl: this is a symbolic link loop" in said


def test_a_rejects_folder_removed_during_the_run_is_said_so(
    invoke: Invoke, one_reject: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gone = tmp_path / "gone"
    analyse = analyze_command.analyze_file

    def remove_then_analyse(*args: Any, **kwargs: Any) -> Any:
        shutil.rmtree(gone)  # the rejects are being staged in it already
        return analyse(*args, **kwargs)

    monkeypatch.setattr(analyze_command, "analyze_file", remove_then_analyse)
    gone.mkdir()
    result = invoke(
        "analyze", one_reject, "-o", tmp_path / "o.jsonl", "--rejects", gone / "r.jsonl", "-q"
    )
    assert result.exit_code == 1, result.output
    said = _said(result)
    assert said.endswith(
        f"error: {gone / 'r.jsonl'}: cannot put the rejects in place: its folder {gone} was "
        "removed while the run wrote in it, with what was written there; run the same command "
        "again"
    ), said


def test_summarize_refuses_results_another_run_is_writing(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    out = tmp_path / "o.jsonl"
    assert invoke("analyze", data / "pairs.csv", "-o", out, "-q").exit_code == 0
    with hold_output_locks(out, f"carelens analyze is writing {out}"):
        result = invoke("summarize", out, "-q")
    assert result.exit_code == 1, result.output
    assert _said(result).startswith(
        f"error: {out}: these results are still being written (carelens analyze is writing "
        f"{out} (process {os.getpid()})); wait for that run to end, then run this again"
    ), result.stderr
    assert invoke("summarize", out, "-q").exit_code == 0  # once it has ended
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["response_id"] == "r1"
