"""A rejects file that cannot be written (``/dev/full``: every write fails as on a full
disk): :class:`RejectLog` raises a :class:`RejectsWriteError` naming the file and the cause
in words, never a bare OSError; and an error of the block it closes on is never hidden by
its own."""

from __future__ import annotations

import os
import pickle
import re
from pathlib import Path

import pytest

from carelens.errors import InputError
from carelens.readers.rejects import RejectLog, RejectsWriteError

FULL = Path("/dev/full")

pytestmark = pytest.mark.skipif(not FULL.exists(), reason="needs /dev/full (Linux)")

DISK_FULL = "cannot write it: the disk is full (no space left on device)"


def test_a_reject_that_cannot_be_written_names_the_file() -> None:
    log = RejectLog(FULL)
    with pytest.raises(RejectsWriteError) as raised:
        for line in range(1, 1000):  # past the write buffer: written while adding
            log.add("in.csv", line, "seeker", "missing text", detail="x" * 40)
    assert str(raised.value) == f"{FULL}: {DISK_FULL}"
    assert raised.value.path == str(FULL) and isinstance(raised.value, InputError)
    assert raised.value.cause == "the disk is full (no space left on device)"
    log.close()  # the file is closed already: nothing more to say


def test_closing_a_log_whose_last_rejects_cannot_be_written_names_the_file() -> None:
    log = RejectLog(FULL)
    log.add("in.csv", 3, "seeker", "missing text")  # in the buffer: fails on close
    with pytest.raises(RejectsWriteError, match=re.escape(f"{FULL}: {DISK_FULL}")):
        log.close()
    assert log.total == 1  # counting still works
    log.close()


def test_the_error_of_the_block_is_not_hidden_by_the_rejects_file() -> None:
    with pytest.raises(ValueError, match="the first error"), RejectLog(FULL) as log:
        log.add("in.csv", 3, "seeker", "missing text")
        raise ValueError("the first error")


def test_without_an_error_in_the_block_the_rejects_error_is_raised() -> None:
    with pytest.raises(RejectsWriteError), RejectLog(FULL) as log:
        log.add("in.csv", 3, "seeker", "missing text")


def test_the_error_pickles_with_its_cause(tmp_path: Path) -> None:
    log = RejectLog(FULL)
    log.add("in.csv", 3, "seeker", "missing text")
    with pytest.raises(RejectsWriteError) as raised:
        log.close()
    again = pickle.loads(pickle.dumps(raised.value))
    assert str(again) == str(raised.value) and again.cause == raised.value.cause
    assert os.path.exists(FULL)  # a device, never removed
