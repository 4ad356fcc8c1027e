"""The files a command writes: the options of what goes in them (``--no-text``,
``--redact``, ``--overwrite``), the checks made before any work, and where a rejects file
goes.

The checks of the files a command writes, made before any work (analyze, evaluate, the
insights, batch, train): :func:`refuse_writing_over` refuses an output path that names a file
the command reads (through links too: :func:`same_file`), a usage error;
:func:`prepare_output_files` refuses a path that is a folder and creates the folders the
files go in, and :func:`refuse_unwritable_place` (which it calls, and which makes nothing)
refuses a place with a file in the way or no permission to write (or on a read-only file
system, said so), both as an InputError, exit 1 like any other output that cannot be
written; an existing output a run resumes (appends to) must be writable too.

A rejects file is written straight into a device, a pipe or this process's own stdout or
stderr (:func:`written_straight`), else staged beside its place and moved there
(:func:`rejects_destination`); one nobody asked for is written in a private
:func:`staging_folder` and put in place (:func:`place_rejects`) only when a record was
rejected.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from carelens.errors import InputError

if TYPE_CHECKING:
    from carelens.cli._session import Session

NoText = Annotated[
    bool,
    typer.Option(
        "--no-text",
        help="Leave the seeker and response texts out of the results (they are kept by "
        "default, for `carelens report`). Span excerpts and feedback quotes stay; add "
        "--redact to take personal data out of them.",
    ),
]
Redact = Annotated[
    bool,
    typer.Option(
        "--redact",
        help="Replace e-mail addresses, phone numbers, URLs, @handles and street addresses "
        "in the message texts and feedback written to the results (and shown) with "
        "placeholders; speaker names, ids and timestamps are written as read.",
    ),
]
Overwrite = Annotated[
    bool, typer.Option("--overwrite", help="Start over instead of resuming an existing output.")
]


def same_file(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` name one file: through symbolic and hard links, and ``..``
    after folders that do not exist yet (``-o new/../in.csv``: ``new`` would be created).
    A path that is, or goes through, a symbolic link loop is an InputError naming it."""
    if _resolved(a) == _resolved(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet)
        return False


def _resolved(path: Path) -> Path:
    """``path`` resolved (:meth:`Path.resolve`), or an InputError naming it when it goes
    through a symbolic link loop (Python 3.11 raises RuntimeError, later ones OSError)."""
    try:
        return path.resolve()
    except (RuntimeError, OSError) as exc:
        raise InputError(
            "this is a symbolic link loop (a link that leads back to itself), so nothing can "
            "be written through it; remove the link or choose another path",
            path=str(path),
        ) from exc


def refuse_writing_over(sources: Sequence[Path], written: Sequence[tuple[str, Path]]) -> None:
    """Raise a usage error when a file to be written (``(option, path)`` pairs) is one of
    the ``sources`` a command reads; call it before anything is opened for writing."""
    for option, path in written:
        for source in sources:
            if same_file(path, source):
                raise typer.BadParameter(
                    f"{path} is the input file {source}; writing it would destroy the input. "
                    "Choose another path.",
                    param_hint=option,
                )


def prepare_output_files(
    written: Sequence[tuple[str, Path]],
    folders: Sequence[tuple[str, Path]] = (),
    *,
    appended: Sequence[Path] = (),
) -> None:
    """Make ready, before any work, the files a command will write (``(option, path)``
    pairs) and the folders it writes into (``(option, folder)`` pairs): refuse a path that
    is a folder, and create the missing folders, or raise an InputError saying why that
    cannot be done (a file in the way, no permission to create or to write in it, a
    read-only file system: :func:`refuse_unwritable_place`, naming the option). Every place
    is checked before any folder is made, the ``folders`` first (the files in them would
    name their own option: ``summarize --tables FILE`` is told of ``--tables``, not of the
    rejects file in it). ``appended``: existing files the command will write in, as it
    finds them (an output it resumes), refused when they cannot be written."""
    for option, path in written:
        if path.is_dir():
            raise InputError(f"{option} names a folder; name a file in it instead", path=str(path))
    places = [*folders, *((option, path.parent) for option, path in written)]
    for option, place in places:
        refuse_unwritable_place(place, option=option)
    for path in appended:
        if path.is_file() and not os.access(path, os.W_OK):
            raise InputError(
                f"this file cannot be written ({_unwritable(path)}), so the results in it "
                "cannot be resumed; make it writable, or pass --overwrite to start over",
                path=str(path),
            )
    for _, place in places:
        try:
            place.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(
                f"cannot create this folder ({exc.strerror or exc})", path=str(place)
            ) from exc
        if not os.access(place, os.W_OK | os.X_OK):
            raise InputError(f"cannot write in this folder ({_unwritable(place)})", path=str(place))


def refuse_unwritable_place(folder: Path, *, option: str | None = None) -> None:
    """Raise an InputError (exit 1) when nothing could be written in ``folder``, made if
    missing: it or a folder above it is a file, or the nearest folder of them that exists
    cannot be written in (permission denied, or a read-only file system). The error names
    the ``option`` whose path goes there, when given. Makes nothing."""
    instead = "choose another folder" + (f" for {option}" if option else "")
    for ancestor in (folder, *folder.parents):
        if not ancestor.exists():
            continue
        if not ancestor.is_dir():
            raise InputError(
                f"this is a file, so nothing can be written in it; {instead}", path=str(ancestor)
            )
        if not os.access(ancestor, os.W_OK | os.X_OK):
            what = "write in" if ancestor == folder else "create folders in"
            raise InputError(
                f"cannot {what} this folder ({_unwritable(ancestor)}); {instead}",
                path=str(ancestor),
            )
        return


def _unwritable(path: Path) -> str:
    """Why ``path``, which cannot be written (:func:`os.access`), cannot: ``read-only file
    system`` when its file system is mounted read-only (for root too), else ``permission
    denied``."""
    try:
        read_only = bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        read_only = False
    return "read-only file system" if read_only else "permission denied"


# --- where a rejects file goes ---------------------------------------------------------------


def written_straight(path: Path) -> bool:
    """Whether a file a command writes is written straight into rather than staged beside
    it and moved over it: an existing file that is neither a regular file nor a folder (a
    device such as ``/dev/null``, a named pipe), through symbolic links too, or the file this
    process's stdout or stderr writes to (``/dev/stderr`` of a run whose stderr goes to a
    file). Nothing is made beside such a file, nor put in its place."""
    try:
        found = path.stat()
    except OSError:  # missing (or a dangling link): made as a regular file
        return False
    if not (stat.S_ISREG(found.st_mode) or stat.S_ISDIR(found.st_mode)):
        return True
    for fd in (1, 2):
        try:
            std = os.fstat(fd)
        except OSError:
            continue
        if (std.st_dev, std.st_ino) == (found.st_dev, found.st_ino):
            return True
    return False


def link_target(path: Path) -> Path:
    """``path``, or, when it is a symbolic link, the file it points to (through every link
    of a chain; a missing target is made there): a file written there keeps the link."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def rejects_destination(path: Path) -> tuple[Path, bool]:
    """Where the rejects file ``path`` (``--rejects``) is written, and whether straight into
    it (:func:`written_straight`: a device, a named pipe, this process's stdout or stderr;
    an InputError when it cannot be written) or staged beside it and moved in its place
    (the target of a symbolic link: the link is kept)."""
    if written_straight(path):
        if not os.access(path, os.W_OK):
            raise InputError(
                f"cannot write the rejects here ({_unwritable(path)}); "
                "name another place with --rejects",
                path=str(path),
            )
        return path, True
    return link_target(path), False


# --- a rejects file nobody asked for ----------------------------------------------------------


def staging_folder() -> Path:
    """A new private temporary folder, where a command writes a rejects file that was not
    asked for (``./carelens-rejects.jsonl`` of a run that prints its results), so that a run
    in a folder it cannot write in works as long as nothing is rejected. Remove it with
    :func:`remove_staging`."""
    return Path(tempfile.mkdtemp(prefix="carelens-rejects-"))


def remove_staging(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def remove_older_rejects(s: Session, rejects: Path) -> None:
    """Remove the rejects file an earlier run left at ``rejects`` (this run rejected
    nothing); only a warning when it cannot be removed, as the run itself went through."""
    try:
        rejects.unlink(missing_ok=True)
    except OSError as exc:
        s.warn(f"{rejects}: an earlier run's rejects file could not be removed ({exc.strerror})")


def place_rejects(staged: Path, target: Path) -> None:
    """Move a rejects file written in a :func:`staging_folder` to ``target`` (the default
    path), or raise an InputError naming ``--rejects`` when it cannot be written there."""
    try:  # copied, not moved: a folder in the way is an error, not a place to move into
        shutil.copyfile(staged, target)
    except OSError as exc:
        raise InputError(
            f"cannot write the rejects file here ({exc.strerror or exc}); "
            "name another place with --rejects",
            path=str(target),
        ) from exc
