"""One writer at a time: an exclusive lock on a lock file, held while a command writes.

:func:`hold_lock` takes an exclusive, non-blocking ``flock`` on a lock file (made if
missing) and holds it until the block ends; a second holder is refused (after trying for
half a second, so that a look by :func:`lock_holder` turns no run away) with an
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
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from carelens.errors import InputError

#: ``(st_dev, st_ino)`` of the files this process holds a lock on (:func:`hold_file_lock`).
_HELD_FILES: set[tuple[int, int]] = set()


@contextmanager
def hold_lock(path: str | os.PathLike[str], what: str) -> Iterator[None]:
    """Hold an exclusive lock on the file ``path`` while the block runs.

    ``what`` says what the holder does, as the refusal of a second one words it
    (``"carelens batch is writing out/"`` gives "another carelens batch is writing out/").
    The holder's process id and ``what`` are written into the file for that message, so a
    second run is told what the first one writes, not what it meant to write itself (a run
    refused for another's rejects file writes an output of its own).
    """
    lock = Path(path)
    while True:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            _lock_exclusive(fd)
        except BlockingIOError:
            held, holder = _holder(fd)
            os.close(fd)
            raise InputError(
                f"another {held or 'carelens run is writing this file'}{holder}; wait for it "
                "to end, or choose another output",
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
        try:
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n{what}\n".encode("utf-8", "backslashreplace"))
        except OSError as exc:  # a full disk: said with the file's name, before any work
            from carelens.output.paths import failure_cause  # it locks through here

            raise InputError(
                f"cannot write this lock file: {failure_cause(exc)}; nothing else was written "
                "yet: run the command again once it can be written",
                path=str(lock),
            ) from exc
        yield
    finally:
        with suppress(OSError):  # one left behind blocks nothing: never hides the error
            lock.unlink(missing_ok=True)  # still ours: removed before the lock is released
        os.close(fd)


#: How long :func:`hold_lock` tries again before it refuses: :func:`lock_holder` takes a
#: shared lock for an instant to look, which must not turn a run away; a real holder holds
#: its lock for the whole run.
_PEEK_WAIT_S = 0.5


def _lock_exclusive(fd: int) -> None:
    """Take the exclusive lock on ``fd`` without waiting for a real holder: tries again for
    :data:`_PEEK_WAIT_S` while only a look (:func:`lock_holder`'s instant shared lock) may
    be in the way, then raises BlockingIOError."""
    deadline = time.monotonic() + _PEEK_WAIT_S
    delay = 0.005
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise
        time.sleep(delay)
        delay = min(delay * 2, 0.1)


def lock_holder(path: str | os.PathLike[str]) -> str | None:
    """What holds the lock file ``path`` now, as :func:`hold_lock`'s refusal words it
    (``carelens analyze is writing out.jsonl (process 12)``), or None when nobody does (no
    such file, one a killed run left, or one that cannot be opened). Takes no lock."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOCTTY | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        try:  # a shared lock is refused while a holder has its exclusive one
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            held, holder = _holder(fd)
            return f"{held or 'a carelens run is writing it'}{holder}"
        except OSError:  # a file system without locks: nothing to tell
            return None
        return None
    finally:
        os.close(fd)


def _same_file(fd: int, path: Path) -> bool:
    """Whether ``path`` still names the file open as ``fd``."""
    try:
        named = path.stat()
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def _holder(fd: int) -> tuple[str, str]:
    """What a holder wrote it does (``carelens analyze is writing out.jsonl``, or "") and
    `` (process N)`` for its process id (or "")."""
    try:
        lines = os.pread(fd, 4096, 0).decode("utf-8", "replace").split("\n")
    except OSError:
        return "", ""
    pid = lines[0].strip()
    held = lines[1].strip() if len(lines) > 2 else ""  # a whole line, ended by its "\n"
    return held, f" (process {pid})" if pid.isdigit() else ""


@contextmanager
def hold_file_lock(path: str | os.PathLike[str]) -> Iterator[None]:
    """Hold an exclusive lock on the file ``path`` itself while the block runs, when it is
    an existing regular file (otherwise nothing is held: a missing file has no other name
    yet, and a file that is made later is locked by its writer, :func:`lock_open_file`).

    The lock is the file's, not its name's: a second holder, through this name or another
    name of the file (a hard link), is refused at once, with an InputError naming ``path``.
    The file is opened without changing it (for writing where allowed, as NFS requires for an
    exclusive lock; else for reading).
    """
    fd = _open_existing(Path(path))
    if fd is None:
        yield
        return
    try:
        _lock_file(fd, path)
        key = _key(fd)
        _HELD_FILES.add(key)
        try:
            yield
        finally:
            _HELD_FILES.discard(key)
    finally:
        os.close(fd)


def lock_open_file(fd: int, path: str | os.PathLike[str]) -> None:
    """Lock the file open as ``fd`` (``path``) until it is closed, unless this process holds
    it already (:func:`hold_file_lock`); an InputError when another process holds it. A
    file system without locks is left to the lock file's own error (:func:`hold_lock`)."""
    if _key(fd) not in _HELD_FILES:
        _lock_file(fd, path)


def _lock_file(fd: int, path: str | os.PathLike[str]) -> None:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise InputError(
            "another run is writing this file through another of its names (a hard link to "
            "it); wait for it to end, or choose another output",
            path=os.fspath(path),
        ) from None
    except OSError:
        return


def _open_existing(file: Path) -> int | None:
    """The regular file ``file`` opened as it is (for writing where allowed, else for
    reading), or None when it is missing, not a regular file or cannot be opened."""
    try:
        if not stat.S_ISREG(file.stat().st_mode):
            return None
    except OSError:
        return None
    for flags in (os.O_RDWR, os.O_RDONLY):
        try:
            return os.open(file, flags | os.O_NONBLOCK | os.O_NOCTTY)
        except OSError:
            continue
    return None


def _key(fd: int) -> tuple[int, int]:
    held = os.fstat(fd)
    return held.st_dev, held.st_ino
