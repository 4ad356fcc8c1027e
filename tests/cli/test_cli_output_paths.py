"""`carelens analyze` and the paths it writes: a second run is refused at once through a
link or a hard link to the output, or naming a Parquet output's staging file; an output named
by a symbolic link is written where it points and the link kept; a write that fails says the
file and the cause in words; an output that cannot be resumed (a file that cannot be
written) or a read-only file system is refused before the model loads, and said so."""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import typer
from typer.testing import Result

from carelens.cli._session import os_error_text, session

Invoke = Callable[..., Result]

HOLDER = """
import sys, time
from carelens.output.paths import hold_output_locks
with hold_output_locks(sys.argv[1], "carelens analyze is writing " + sys.argv[1]):
    print("held", flush=True)
    time.sleep(60)
"""


def carelens(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "carelens.cli.main", *(str(a) for a in args)]


def write_pairs(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            row = {
                "seeker_id": f"s{i}",
                "response_id": f"r{i}",
                "seeker": f"I have been struggling since the move, week {i}. I feel alone.",
                "response": f"That sounds really lonely. What has week {i} been like for you?",
            }
            fh.write(json.dumps(row) + "\n")
    return path


def said(result: Result) -> str:
    return " ".join(result.stderr.split())


@pytest.mark.parametrize("name", ["a link", "a hard link", "the Parquet staging file"])
def test_a_second_run_by_another_name_is_refused_at_once(
    invoke: Invoke, tmp_path: Path, name: str
) -> None:
    source = write_pairs(tmp_path / "pairs.jsonl", 5)
    (tmp_path / "real").mkdir()
    held = tmp_path / "real" / "out.jsonl"
    if name == "a link":
        second = tmp_path / "link.jsonl"
        second.symlink_to(held)
        refused = f"{held}.lock: another carelens analyze is writing {held}"
    elif name == "a hard link":
        held.write_text("", encoding="utf-8")
        second = tmp_path / "h.jsonl"
        os.link(held, second)
        refused = f"{second}: another run is writing this file through another of its names"
    else:
        held = tmp_path / "o.parquet"
        second = tmp_path / "o.parquet.partial.jsonl"
        refused = f"{second}.lock: another carelens analyze is writing {held}"  # the holder's
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(held)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        # A model that does not exist: refused before the model is loaded.
        result = invoke("analyze", source, "-o", second, "--model", tmp_path / "no-such-model")
        assert result.exit_code == 1
        assert refused in said(result) and "no-such-model" not in said(result)
    finally:
        holder.kill()
        holder.communicate()
    assert not held.exists() or held.read_text(encoding="utf-8") == ""


def test_an_output_named_by_a_link_keeps_the_link(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    (tmp_path / "real").mkdir()
    link = tmp_path / "link.parquet"
    link.symlink_to(Path("real") / "t.parquet")
    for extra in ((), ("--overwrite",)):
        result = invoke("analyze", data / "pairs.csv", "-o", link, "--threads", "1", *extra)
        assert result.exit_code == 0, result.output
        assert link.is_symlink() and (tmp_path / "real" / "t.parquet").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.parquet", "real"]
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == [
        "t.parquet",
        "t.parquet.digests",
        "t.parquet.options.json",
    ]


def test_a_file_size_limit_is_said_in_words_and_the_results_kept_resume(tmp_path: Path) -> None:
    source = write_pairs(tmp_path / "pairs.jsonl", 150)
    out = tmp_path / "out.jsonl"
    args = ("analyze", source, "-o", out, "--threads", "1", "-q")
    env = {**os.environ, "COLUMNS": "400"}
    # A file size limit set by the shell (ulimit -f, in blocks of 512 or 1024 bytes).
    limited = subprocess.run(
        ["sh", "-c", 'ulimit -f 100 && exec "$@"', "sh", *carelens(*args)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert limited.returncode == 1
    error = " ".join(limited.stderr.split())
    kept = out.read_bytes().count(b"\n")
    assert error == (
        f"error: {out}: cannot write it: the file has reached the largest size allowed (file "
        "too large: a limit of the file system, or of this session, ulimit -f); the "
        f"{kept} results written so far are kept; run the same command again to resume"
    )
    assert 0 < kept < 150
    done = subprocess.run(carelens(*args), env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().count(b"\n") == 150


@contextmanager
def unwritable(path: Path) -> Iterator[None]:
    """``path`` made unwritable (``chattr +i`` for root, whom permissions do not stop)."""
    if os.geteuid() == 0:
        if shutil.which("chattr") is None:
            pytest.skip("root writes any file; chattr is needed to make one unwritable")
        made = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
        if made.returncode:
            pytest.skip("this file system has no immutable files (chattr +i)")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(path)], check=False)
    else:
        path.chmod(0o444)
        yield


def test_an_output_that_cannot_be_written_is_not_resumed(invoke: Invoke, tmp_path: Path) -> None:
    source = write_pairs(tmp_path / "pairs.jsonl", 5)
    out = tmp_path / "out.jsonl"
    out.write_text('{"seeker_id": "s0"\n', encoding="utf-8")
    with unwritable(out):
        result = invoke("analyze", source, "-o", out, "--model", tmp_path / "no-such-model")
        assert result.exit_code == 1
        assert said(result) == (
            f"error: {out}: this file cannot be written (permission denied), so the results "
            "in it cannot be resumed; make it writable, or pass --overwrite to start over"
        )
        over = invoke("analyze", source, "-o", out, "--overwrite", "--model", tmp_path / "none")
        assert over.exit_code == 1 and "cannot be resumed" not in said(over)  # on to the model


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[Path]:
    """A folder on a read-only file system (a read-only bind mount): needs root and mount."""
    folder = tmp_path / "ro"
    folder.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a read-only bind mount needs root and mount(8)")
    made = subprocess.run(
        ["mount", "--bind", "-o", "ro", str(folder), str(folder)], capture_output=True, check=False
    )
    if made.returncode:
        pytest.skip(f"cannot bind-mount here: {made.stderr.decode(errors='replace').strip()}")
    try:
        if os.access(folder, os.W_OK):  # an older mount(8) binds read-write first
            subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], check=True)
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_read_only_file_system_is_said_so(
    invoke: Invoke, tmp_path: Path, read_only: Path
) -> None:
    source = write_pairs(tmp_path / "pairs.jsonl", 5)
    for out, what in (
        (read_only / "o.jsonl", "write in"),
        (read_only / "sub" / "o.jsonl", "create folders in"),
    ):
        result = invoke("analyze", source, "-o", out, "--model", tmp_path / "no-such-model")
        assert result.exit_code == 1
        assert said(result) == (
            f"error: {read_only}: cannot {what} this folder (read-only file system); choose "
            "another folder for --output"
        )


def test_an_os_error_is_the_file_and_the_cause_in_words(
    capsys: pytest.CaptureFixture[str],
) -> None:
    full = OSError(errno.ENOSPC, "No space left on device")
    assert os_error_text(full) == "the disk is full (no space left on device)"
    gone = FileNotFoundError(errno.ENOENT, "No such file or directory", "a.jsonl", None, "b")
    assert os_error_text(gone) == "a.jsonl -> b: no such file or directory"
    with pytest.raises(typer.Exit) as ended, session(False, False):
        raise OSError(errno.EDQUOT, "Disk quota exceeded", "out.jsonl")
    assert ended.value.exit_code == 1
    line = " ".join(capsys.readouterr().err.split())
    assert line == "error: out.jsonl: the disk quota is used up (disk quota exceeded)"
    assert not re.search(r"Errno", line)
