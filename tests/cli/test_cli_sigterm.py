"""``session(terminate=True)``: a SIGTERM is handled as a Ctrl-C (cleanup, note, exit 143);
a second SIGTERM or Ctrl-C while the command cleans up is ignored, so the cleanup and the note
always happen (a real ``carelens analyze`` stopped by two signals a moment apart too)."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer

from carelens.cli._session import EXIT_INTERRUPTED, EXIT_TERMINATED, session


@pytest.fixture(autouse=True)
def _ctrl_c_handled_by_python() -> Iterator[None]:
    """Python's own Ctrl-C handler, as in a terminal. A run started in the background by a
    shell (``cmd &``, as CI may start the suite) inherits SIGINT ignored, which a command
    then leaves alone, as it leaves any handler it did not install."""
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)


#: ``python -m carelens`` with Python's own Ctrl-C handler put back first (see above).
CARELENS_WITH_CTRL_C = (
    "import runpy, signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "sys.argv[0] = 'carelens'; runpy.run_module('carelens', run_name='__main__')"
)


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or os.name == "nt", reason="POSIX signals")
def test_a_sigterm_runs_the_cleanup_and_shows_the_note(capsys: pytest.CaptureFixture[str]) -> None:
    before = signal.getsignal(signal.SIGTERM)
    cleaned: list[bool] = []
    with pytest.raises(typer.Exit) as ended, session(False, False, on_interrupt="As it was.",
                                                     terminate=True):  # fmt: skip
        try:
            os.kill(os.getpid(), signal.SIGTERM)  # the handler raises before the next line
            cleaned.append(False)
        finally:
            cleaned.append(True)
    assert ended.value.exit_code == EXIT_TERMINATED == 143
    assert cleaned == [True]  # the finally ran, the line after the signal did not
    assert "interrupted (SIGTERM). As it was." in " ".join(capsys.readouterr().err.split())
    assert signal.getsignal(signal.SIGTERM) == before  # put back after the command


def test_without_terminate_a_command_leaves_sigterm_alone() -> None:
    before = signal.getsignal(signal.SIGTERM)
    with session(False, False):
        assert signal.getsignal(signal.SIGTERM) == before


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or os.name == "nt", reason="POSIX signals")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_repeated_signal_while_cleaning_up_is_ignored(
    capsys: pytest.CaptureFixture[str], signum: int
) -> None:
    # The first SIGTERM put back the default action, so a second one (GNU timeout sends
    # two) ended the process in the middle of the cleanup; a second Ctrl-C raised there.
    before = signal.getsignal(signum)
    cleaned: list[str] = []
    with pytest.raises(typer.Exit) as ended, session(False, False, on_interrupt="As it was.",
                                                     terminate=True):  # fmt: skip
        try:
            os.kill(os.getpid(), signum)
            cleaned.append("not reached")
        finally:
            os.kill(os.getpid(), signum)  # while cleaning up: ignored
            os.kill(os.getpid(), signal.SIGTERM)  # either kind
            cleaned.append("cleaned")
    sigterm = signum == signal.SIGTERM
    assert ended.value.exit_code == (EXIT_TERMINATED if sigterm else EXIT_INTERRUPTED)
    assert cleaned == ["cleaned"]
    said = " ".join(capsys.readouterr().err.split())
    assert ("interrupted (SIGTERM). As it was." if sigterm else "interrupted. As it was.") in said
    assert signal.getsignal(signum) == before


def test_a_handler_of_ctrl_c_set_by_the_caller_is_left_alone() -> None:
    # A notebook's or a server's own SIGINT handler stays in place while a command runs.
    def own(signum: int, frame: object) -> None:
        pass

    before = signal.signal(signal.SIGINT, own)
    try:
        with session(False, False, terminate=True):
            assert signal.getsignal(signal.SIGINT) is own
    finally:
        signal.signal(signal.SIGINT, before)


N_PAIRS = 3000


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or os.name == "nt", reason="POSIX signals")
@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_two_signals_a_moment_apart_stop_a_real_run_cleanly(
    tmp_path: Path, signum: int, code: int
) -> None:
    # GNU timeout sends a SIGTERM to the process, then one to its group: the second killed
    # the run mid-cleanup, with no note, sometimes leaving OUT.lock and the staged rejects.
    source = tmp_path / "pairs.jsonl"
    with source.open("w", encoding="utf-8") as fh:
        fh.write("not JSON\n")  # one reject: a rejects file is staged while the run goes on
        for i in range(N_PAIRS):
            row = {
                "seeker_id": f"s{i}",
                "response_id": f"r{i}",
                "seeker": f"I have been struggling since the move, week {i}. I feel alone.",
                "response": f"That sounds really lonely. What has week {i} been like for you?",
            }
            fh.write(json.dumps(row) + "\n")
    out = tmp_path / "out.jsonl"
    for _ in range(3):
        before = out.stat().st_size if out.exists() else 0
        command = [sys.executable, "-c", CARELENS_WITH_CTRL_C, "analyze", source, "-o", out]
        run = subprocess.Popen(
            [*command, "--threads", "2"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and run.poll() is None:
            if out.exists() and out.stat().st_size > before + 5_000:
                break
            time.sleep(0.01)
        assert run.poll() is None, "the run ended before it could be stopped"
        os.kill(run.pid, signum)
        time.sleep(0.005)
        with contextlib.suppress(ProcessLookupError):
            os.kill(run.pid, signum)
        err = run.communicate(timeout=120)[1].decode()
        # A second signal that comes once the cleanup is over, while Python ends, ends it
        # by the signal (what a shell reads as the same exit status).
        assert run.returncode in (code, -signum), err
        assert "interrupted" in err and "run the same command again to resume" in err, err
        left = [p.name for p in tmp_path.iterdir() if p.name.endswith((".lock", ".partial.jsonl"))]
        assert left == []
        assert (tmp_path / "out.jsonl.rejects.jsonl").is_file()
