"""A file a batch run cannot write (a full disk) is one ``error:`` line naming the file, the
cause in words, and that the finished parts are kept for a re-run: from a worker (its part,
sent back as data) and from a Ray task (the OSError Ray wraps, found behind its error)."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from test_batch_size import exchanges, stage

from carelens.batch.scoring import ERROR, ShardScorer
from carelens.batch.worker_errors import os_error_of, worker_error, write_failure
from carelens.errors import InputError

KEPT = "the parts finished so far are kept: run the same command again to resume"


class WrappedLikeRay(OSError):
    """Ray's ``RayTaskError(OSError)``: an OSError without an error number, the worker's
    own error in ``cause``."""

    def __init__(self, cause: BaseException) -> None:
        super().__init__("ray::Write() (pid=1) ... a whole traceback ...")
        self.cause = cause


def test_an_os_error_behind_rays_error_is_said_in_words(tmp_path: Path) -> None:
    full = OSError(errno.ENOSPC, "Error writing bytes to file. Detail: [errno 28] No space")
    wrapped = WrappedLikeRay(full)
    assert os_error_of(wrapped) is full
    error = write_failure(wrapped, tmp_path)
    assert isinstance(error, InputError)
    assert str(error) == (
        f"{tmp_path}: cannot write it: the disk is full (no space left on device); {KEPT}"
    )


def test_a_part_a_worker_cannot_write_comes_back_as_one_error(tmp_path: Path) -> None:
    staged = stage(tmp_path / "staged", {0: exchanges()[:4]})
    gone = tmp_path / "gone"  # the output folder, removed under the run
    scorer = ShardScorer(
        staged=str(staged), out_dir=str(gone), model=None, threads=1, include_text=True,
        redact=False, batch_size=1,
    )  # fmt: skip
    (payload,) = scorer({"shard": [0]})[ERROR]
    error = worker_error(payload)
    assert type(error) is InputError, error
    said = str(error)
    assert said.startswith(f"{gone}/.part-00000.json.tmp-") and said.endswith(
        f": cannot write it: no such file or directory; {KEPT}"
    ), said


@pytest.mark.parametrize("code", [errno.EACCES, errno.EROFS, errno.EDQUOT])
def test_other_write_failures_are_worded(tmp_path: Path, code: int) -> None:
    error = write_failure(OSError(code, "x"), tmp_path / "part-00001.parquet")
    assert str(error).startswith(f"{tmp_path / 'part-00001.parquet'}: cannot write it: ")
    assert "Errno" not in str(error) and str(error).endswith(KEPT)
