"""One writer at a time: an exclusive lock on a lock file, held while a command writes.

:func:`hold_lock` takes an exclusive, non-blocking ``flock`` on a lock file (made if
missing) and holds it until the block ends; a second holder is refused at once with an
:class:`~carelens.errors.InputError` naming the lock file and, when it can be read, the
process that holds it. The kernel releases the lock when its holder dies (``kill -9``
too), so a lock is never left stale; the file left by a killed holder is reused. On
release the file is removed: a holder checks after locking that the path still names the
file it locked (and locks again if it does not), so two holders never lock two different
files of one name. ``flock`` works on local file systems and on NFS (Linux emulates it
with NFS byte-range locks). Used by ``carelens batch`` on its output folder and by
``carelens analyze`` on its output (``OUT.lock``).
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from carelens.errors import InputError


@contextmanager
def hold_lock(path: str | os.PathLike[str], what: str) -> Iterator[None]:
    """Hold an exclusive lock on the file ``path`` while the block runs.

    ``what`` says what the holder does, as the refusal of a second one words it
    (``"carelens batch is writing out/"`` gives "another carelens batch is writing out/").
    The holder's process id is written into the file for that message.
    """
    lock = Path(path)
    while True:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            os.close(fd)
            raise InputError(
                f"another {what}{holder}; wait for it to end, or choose another output",
                path=str(lock),
            ) from None
        except OSError as exc:  # a file system without locks
            os.close(fd)
            raise InputError(
                f"cannot lock this file ({exc.strerror or exc}), so a second run could not be "
                "kept out; use a folder on a file system with locks",
                path=str(lock),
            ) from exc
        except BaseException:
            os.close(fd)
            raise
        if _same_file(fd, lock):
            break
        os.close(fd)  # the holder before removed the file we opened: lock the new one
    try:
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        yield
    finally:
        lock.unlink(missing_ok=True)  # still ours: removed before the lock is released
        os.close(fd)


def _same_file(fd: int, path: Path) -> bool:
    """Whether ``path`` still names the file open as ``fd``."""
    try:
        named = path.stat()
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def _holder(fd: int) -> str:
    """`` (process N)`` for the process id a holder wrote, or "" when there is none."""
    try:
        text = os.pread(fd, 32, 0).decode("ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""
    return f" (process {text})" if text.isdigit() else ""
