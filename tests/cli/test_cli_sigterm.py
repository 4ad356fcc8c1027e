"""``session(terminate=True)``: a SIGTERM is handled as a Ctrl-C (cleanup, note, exit 143)."""

from __future__ import annotations

import os
import signal

import pytest
import typer

from carelens.cli._common import EXIT_TERMINATED, session


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
