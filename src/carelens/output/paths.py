"""Where the results of an output are written, the files kept beside it, and the locks a run
holds while it writes them.

An output named by a symbolic link is written where the link points (:func:`written_path`,
resolved once, before anything is written): the link is kept, and the files kept beside the
output (``OUT.lock``, ``OUT.options.json``, ``OUT.digests``, ``OUT.parquet.partial.jsonl``,
:func:`kept_beside`) are those beside its target, whichever name a run is given. While a run
writes an output it holds :func:`hold_output_locks`: the lock files of every file it writes,
and a lock on each of them that exists, so that a second run is refused whether it names the
output, its Parquet staging file (:func:`store_path`), a link to it or another name of the
same file (a hard link). A write that fails (a full disk, a file size limit) is an
InputError naming the file and the cause in words (:func:`failure_cause`).
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path

from carelens.errors import InputError
from carelens.locks import hold_file_lock, hold_lock
from carelens.output.digests import digests_path
from carelens.output.options import options_path
from carelens.output.records import output_format

#: Suffix of the JSON Lines file a Parquet output is built in.
PARTIAL_SUFFIX = ".partial.jsonl"
#: Suffix of the lock file a run holds while it writes an output (:func:`lock_path`).
LOCK_SUFFIX = ".lock"
#: Suffix of the rejects file ``carelens analyze -o OUT`` writes without ``--rejects``.
DEFAULT_REJECTS_SUFFIX = ".rejects.jsonl"


def written_path(output: str | os.PathLike[str]) -> Path:
    """The file the results of ``output`` are written to: ``output`` itself, or, when it is
    a symbolic link, the file it points to (made there when missing; through every link
    of a chain). A run resolves its output once, before anything is written, so the link
    is kept: ``--overwrite`` and a Parquet output replace its target, never the link. The
    format stays the one the name given says: a link to a file whose name gives another
    format (or none) is an InputError."""
    p = Path(output)
    if not p.is_symlink():
        return p
    target = _followed(p)
    try:
        same = output_format(target) == output_format(p)
    except InputError:
        same = False
    if not same:
        raise InputError(
            f"a symbolic link to {target}, a file named for another format; results are "
            "written where the link points, so link to a file whose name ends like the "
            "link's, or name that file",
            path=str(p),
        )
    return target


def _followed(path: Path) -> Path:
    """``path``, or the file a symbolic link ``path`` points to."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def store_path(output: str | os.PathLike[str]) -> Path:
    """The file records of ``output`` are appended to: itself, or a Parquet output's
    ``OUT.parquet.partial.jsonl``."""
    p = Path(output)
    return p.with_name(p.name + PARTIAL_SUFFIX) if output_format(p) == "parquet" else p


def lock_path(output: str | os.PathLike[str]) -> Path:
    """The lock file a run holds while it writes ``output`` (:func:`carelens.locks.hold_lock`):
    ``OUT.lock`` beside the file written (a symbolic link's target, :func:`written_path`)."""
    p = _followed(Path(output))
    return p.with_name(p.name + LOCK_SUFFIX)


@contextmanager
def hold_output_locks(
    output: str | os.PathLike[str] | None,
    what: str,
    *,
    also: Sequence[str | os.PathLike[str]] = (),
) -> Iterator[None]:
    """Hold, while a run writes ``output``, the lock file of every file it writes: ``OUT.lock``,
    a Parquet output's ``OUT.parquet.partial.jsonl.lock`` (a run naming that file as its own
    output would write the same file), and those of ``also`` (its rejects file); and a lock
    on each of these files that exists, held on the file itself (a run through another name
    of it, a hard link, is refused too: :func:`carelens.locks.hold_file_lock`). A second
    holder of any is refused at once (an InputError naming the lock file and ``what`` the
    holder does, :func:`carelens.locks.hold_lock`). Without an ``output``, those of
    ``also`` alone."""
    files = [] if output is None else [written_path(output), store_path(written_path(output))]
    files = list(dict.fromkeys([*files, *(_followed(Path(p)) for p in also)]))
    with ExitStack() as held:
        for file in files:
            held.enter_context(hold_lock(lock_path(file), what))
        for file in files:
            held.enter_context(hold_file_lock(file))
        yield


#: The causes of a failed write, in words (:func:`failure_cause`).
_CAUSES = {
    errno.ENOSPC: "the disk is full (no space left on device)",
    errno.EDQUOT: "the disk quota is used up (disk quota exceeded)",
    errno.EFBIG: "the file has reached the largest size allowed (file too large: a limit of "
    "the file system, or of this session, ulimit -f)",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "the operation is not permitted",
    errno.EIO: "the disk could not be read or written (input/output error)",
}


def failure_cause(exc: OSError) -> str:
    """Why an operation on a file failed, in words (``the disk is full (no space left on
    device)``), from ``exc``'s error number; its own text, without the ``[Errno N]`` and
    the file name, for an error number not listed."""
    if exc.errno in _CAUSES:
        return _CAUSES[exc.errno]
    said = exc.strerror or str(exc) or type(exc).__name__
    return said[:1].lower() + said[1:]


def kept_beside(output: str | os.PathLike[str]) -> list[Path]:
    """The files ``carelens analyze`` keeps beside its output ``output`` (they need not
    exist): its lock file, the options and digests of its records (:mod:`.options`,
    :mod:`.digests`), a Parquet output's ``OUT.parquet.partial.jsonl``, and the rejects
    file it writes by default (``OUT.rejects.jsonl``, staged in
    ``OUT.rejects.jsonl.partial.jsonl``), each written file with its lock."""
    p = Path(output)
    rejects = p.with_name(p.name + DEFAULT_REJECTS_SUFFIX)
    written = [p, rejects, rejects.with_name(rejects.name + PARTIAL_SUFFIX)]
    if p.suffix.lower() == ".parquet":
        written.append(p.with_name(p.name + PARTIAL_SUFFIX))
    locks = [f.with_name(f.name + LOCK_SUFFIX) for f in written]
    return [*written[1:], options_path(p), digests_path(p), *locks]
