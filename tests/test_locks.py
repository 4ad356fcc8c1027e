"""hold_lock: one holder at a time, across processes; a second is refused at once, naming the
lock file and the holder; the file goes when the lock is released, and one left by a killed
holder is reused. hold_file_lock locks a file itself, by every name it has (hard links), and
a writer's lock of a file it opens leaves alone one its own process holds."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from carelens.errors import InputError
from carelens.locks import hold_file_lock, hold_lock, lock_open_file

HOLDER = """
import sys, time
from carelens.locks import hold_file_lock, hold_lock, lock_open_file
with hold_lock(sys.argv[1], "test run is writing here"):
    print("held", flush=True)
    time.sleep(60)
"""


def test_a_second_holder_in_another_process_is_refused_without_waiting(tmp_path: Path) -> None:
    lock = tmp_path / ".lock"
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(lock)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        started = time.monotonic()
        with pytest.raises(InputError) as caught, hold_lock(lock, "test run is writing here"):
            pass
        # refused after a short look (locks._PEEK_WAIT_S), not waited for: it holds 60 s
        assert time.monotonic() - started < 10
        assert caught.value.path == str(lock)
        assert f"another test run is writing here (process {proc.pid})" in str(caught.value)
        proc.kill()  # a holder killed with -9: the kernel releases its lock
        proc.wait()
        assert lock.is_file()  # its file is left behind, and reused
        with hold_lock(lock, "test run is writing here"):
            assert lock.read_text() == f"{os.getpid()}\ntest run is writing here\n"
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


FILE_HOLDER = """
import sys, time
from carelens.locks import hold_file_lock
with hold_file_lock(sys.argv[1]):
    print("held", flush=True)
    time.sleep(60)
"""


def test_a_file_lock_holds_the_file_by_every_name_across_processes(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("", encoding="utf-8")
    other = tmp_path / "other-name.jsonl"
    os.link(out, other)  # one file, two names
    proc = subprocess.Popen(
        [sys.executable, "-c", FILE_HOLDER, str(out)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        with pytest.raises(InputError) as caught, hold_file_lock(other):
            pass
        assert caught.value.path == str(other)
        assert "another run is writing this file through another of its names" in str(caught.value)
    finally:
        proc.kill()
        proc.communicate()
    with hold_file_lock(other):  # released with its holder
        pass
    assert out.read_text(encoding="utf-8") == ""  # locking changes nothing in the file


def test_a_file_lock_of_a_missing_file_holds_nothing_and_makes_nothing(tmp_path: Path) -> None:
    with hold_file_lock(tmp_path / "new.jsonl"), hold_file_lock(tmp_path / "new.jsonl"):
        pass
    assert list(tmp_path.iterdir()) == []


def test_a_writer_skips_a_file_its_process_holds_and_locks_any_other(tmp_path: Path) -> None:
    held, made = tmp_path / "held.jsonl", tmp_path / "made.jsonl"
    held.write_text("", encoding="utf-8")
    with hold_file_lock(held), held.open("a") as fh:
        lock_open_file(fh.fileno(), held)  # its own holder: no refusal
    with made.open("a") as fh:
        lock_open_file(fh.fileno(), made)  # a file made now, locked as it is opened
        os.link(made, tmp_path / "link.jsonl")
        with (
            pytest.raises(InputError, match="a hard link"),
            hold_file_lock(tmp_path / "link.jsonl"),
        ):
            pass
    with hold_file_lock(tmp_path / "link.jsonl"):  # closed: released
        pass


def test_a_second_holder_is_told_what_the_first_one_writes(tmp_path: Path) -> None:
    # A run refused for another run's rejects file was told "another carelens analyze is
    # writing" its own output, not the holder's.
    lock = tmp_path / "r.jsonl.lock"
    with (
        hold_lock(lock, "carelens analyze is writing first.jsonl"),
        pytest.raises(InputError) as caught,
        hold_lock(lock, "carelens analyze is writing second.jsonl"),
    ):
        pass
    said = str(caught.value)
    assert f"another carelens analyze is writing first.jsonl (process {os.getpid()})" in said
    assert "second.jsonl" not in said


def test_a_lock_file_without_a_description_is_still_refused_in_words(tmp_path: Path) -> None:
    # A lock held by an older carelens holds only the process id.
    lock = tmp_path / "out.jsonl.lock"
    code = (
        "import fcntl, os, sys, time\n"
        "fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)\n"
        "fcntl.flock(fd, fcntl.LOCK_EX)\n"
        "os.write(fd, b'4242\\n')\n"
        "print('held', flush=True)\n"
        "time.sleep(60)\n"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", code, str(lock)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(InputError) as caught, hold_lock(lock, "carelens analyze is writing x"):
            pass
        assert "another carelens run is writing this file (process 4242)" in str(caught.value)
    finally:
        holder.kill()
        holder.communicate()  # closes its pipe too


def test_a_look_at_the_lock_turns_no_run_away(tmp_path: Path) -> None:
    # lock_holder (summarize's check) takes a shared lock for an instant; a run that locks
    # in that instant waited for nothing before and was refused as if another run wrote.
    lock = tmp_path / ".lock"
    lock.write_text("")
    fd = os.open(lock, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_SH)  # a look that has just begun
    releaser = threading.Timer(0.05, lambda: os.close(fd))  # and ends at once
    releaser.start()
    try:
        with hold_lock(lock, "test run is writing here"):
            assert lock.read_text() == f"{os.getpid()}\ntest run is writing here\n"
    finally:
        releaser.join()
