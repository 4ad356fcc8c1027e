"""A SIGTERM stops ``carelens batch`` as a Ctrl-C does (cleanup, the note saying what is
kept, exit 143): ``ray.init`` sets a SIGTERM handler of its own that ends the program at
once, and :func:`~carelens.batch.engine._connect` puts the command's back."""

from __future__ import annotations

import signal
import sys
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from carelens.batch import BatchOptions, engine
from signal_handlers import handler_put_back

ray = pytest.importorskip("ray", reason="the batch extra (Ray Data) is not installed")


def test_the_commands_sigterm_handler_is_kept_when_ray_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def commands(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    def init_like_ray(**kwargs: Any) -> None:  # ray.init's own handler: sys.exit at once
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(signum))

    monkeypatch.setattr(ray, "is_initialized", lambda: False)
    monkeypatch.setattr(ray, "init", init_like_ray)
    monkeypatch.setenv("RAY_USAGE_STATS_ENABLED", "0")
    with handler_put_back(signal.SIGTERM):
        signal.signal(signal.SIGTERM, commands)
        assert engine._connect(BatchOptions(output=tmp_path / "out"))
        assert signal.getsignal(signal.SIGTERM) is commands
