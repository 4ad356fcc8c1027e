"""The lock file a run cannot write its process id in (a full disk; here a file size limit,
``ulimit -f``, which fails the same write) is one error naming the lock file and the cause
in words; and :func:`lock_holder` tells a held lock from a free one."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from carelens.locks import hold_lock, lock_holder

pytestmark = pytest.mark.skipif(os.name == "nt", reason="flock and ulimit of POSIX")

HOLD = (
    "import sys\n"
    "from carelens.errors import InputError\n"
    "from carelens.locks import hold_lock\n"
    "try:\n"
    "    with hold_lock(sys.argv[1], 'carelens analyze is writing o.jsonl'):\n"
    "        print('held')\n"
    "except InputError as exc:\n"
    "    print(exc)\n"
)


def _no_file_may_grow() -> None:
    """A file size limit of 0 bytes: every write to a file fails with EFBIG."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, resource.RLIM_INFINITY))


def test_a_lock_file_that_cannot_be_written_names_it(tmp_path: Path) -> None:
    lock = tmp_path / "o.jsonl.lock"
    done = subprocess.run(
        [sys.executable, "-c", HOLD, str(lock)],
        capture_output=True,
        text=True,
        preexec_fn=_no_file_may_grow,
        check=False,
    )
    said = " ".join(done.stdout.split())
    assert said.startswith(f"{lock}: cannot write this lock file: the file has reached the "), said
    assert "Errno" not in said and done.returncode == 0, done.stderr
    assert not lock.exists()  # removed again


def test_lock_holder_names_a_holder_and_nobody_after(tmp_path: Path) -> None:
    lock = tmp_path / "o.jsonl.lock"
    assert lock_holder(lock) is None  # no such file
    with hold_lock(lock, "carelens analyze is writing o.jsonl"):
        assert lock_holder(lock) == f"carelens analyze is writing o.jsonl (process {os.getpid()})"
    lock.write_text("123\ncarelens analyze is writing o.jsonl\n")  # a killed run's file
    assert lock_holder(lock) is None
