"""hold_lock: one holder at a time, across processes; a second is refused at once, naming the
lock file and the holder; the file goes when the lock is released, and one left by a killed
holder is reused."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from carelens.errors import InputError
from carelens.locks import hold_lock

HOLDER = """
import sys, time
from carelens.locks import hold_lock
with hold_lock(sys.argv[1], "test run is writing here"):
    print("held", flush=True)
    time.sleep(60)
"""


def test_a_second_holder_in_another_process_is_refused_at_once(tmp_path: Path) -> None:
    lock = tmp_path / ".lock"
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(lock)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        started = time.monotonic()
        with pytest.raises(InputError) as caught, hold_lock(lock, "test run is writing here"):
            pass
        assert time.monotonic() - started < 1  # refused, not waited for
        assert caught.value.path == str(lock)
        assert f"another test run is writing here (process {proc.pid})" in str(caught.value)
        proc.kill()  # a holder killed with -9: the kernel releases its lock
        proc.wait()
        assert lock.is_file()  # its file is left behind, and reused
        with hold_lock(lock, "test run is writing here"):
            assert lock.read_text() == f"{os.getpid()}\n"
        assert not lock.exists()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()


def test_a_lock_is_held_once_even_in_one_process_and_free_again_after(tmp_path: Path) -> None:
    lock = tmp_path / ".lock"
    with hold_lock(lock, "run"):
        with pytest.raises(InputError, match="another run"), hold_lock(lock, "run"):
            pass
        assert lock.is_file()  # the refused one removes nothing
    with hold_lock(lock, "run"):  # released: free again
        pass
    assert not lock.exists()
