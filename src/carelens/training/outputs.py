"""What ``carelens train`` writes: the model folder and the ``--save-state`` file, checked
before any work and put in place only when the run is complete.

:func:`output_problems` says, before anything is loaded, why an output cannot be written: the
model folder is a file, or already holds something (a model, whose recorded evaluation
figures would be lost, or other files the model would be mixed with), or lies inside another
model's folder (one with a ``manifest.json`` and a ``model.onnx``). ``overwrite`` lets a
model folder be replaced, never a folder holding other files; it also lets an existing
``--save-state`` file be replaced.

:func:`staged_outputs` builds the model in a sibling folder (``<output>.incomplete-<random>``)
and the saved weights in a sibling folder of theirs (``<save_state>.incomplete-<random>/``,
holding the file under its own name), and moves them to their paths only when the model is
complete (exported, its manifest written, its rationale sentences fitted). A run that fails
or is interrupted removes them, so each path holds either what it held before or the
complete new output, never a half-written one; only a killed process can leave an
``.incomplete-`` sibling behind. Torch is not needed here (the CLI checks first).

So that such a leftover can be told from the folder of a run still going, each staging
folder holds an owner file (:data:`OWNER_FILE`: the process id, the host name, the boot and
the process's start time) until the run is complete. That is why the weights are staged in
a folder, not as a bare sibling file: the owner file sits beside them, the folder is removed
in one piece, and one sweep serves both outputs. :func:`sweep_leftovers`, which the next run
calls for its output and for its ``--save-state`` path, removes a ``<path>.incomplete-<hex>``
folder only when its owner is certainly gone: it ran on this host and its process is no
longer running, or the machine has restarted since, or the pid now belongs to a process
started at another time (a reused pid). Everything else is kept: the folder of a run still
going, and with a warning one it cannot decide about (no owner file, another host, a pid
running that cannot be told apart), or a file of that name (earlier versions staged the
weights as a bare ``<save_state>.incomplete-<hex>`` file, which names no owner). The start
time and the boot come from Linux's ``/proc``; elsewhere a pid still running is always kept
(a reused pid included), and on Windows, where no signal can probe a pid, every leftover is
only reported.

Training keeps its checkpoints in a temporary folder (:func:`scratch_folder`,
``carelens-train-<random>`` in the system's temporary folder, hundreds of MB) that goes when
training ends, fails or is interrupted (a SIGTERM too: the CLI turns it into an interrupt).
It holds an owner file as well, so that the folder a killed run leaves is removed by the
next run (:func:`sweep_scratch`) by the same rules; folders of other users, and folders
without an owner file (made by carelens versions before it), are left alone.
"""

from __future__ import annotations

import json
import logging
import os
import re
import secrets
import shutil
import socket
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from carelens.errors import ConfigError
from carelens.inference.artifact import MANIFEST, REQUIRED_FILES
from carelens.training.config import TrainConfig

logger = logging.getLogger(__name__)

#: The unquantised graph the export writes and removes once it is quantised.
FP32_MODEL = "model.fp32.onnx"
#: The files a model folder holds (the fp32 graph only when an export was cut short).
MODEL_FILES = frozenset({MANIFEST, *REQUIRED_FILES, FP32_MODEL})
#: Names shown when an output folder's files are listed in an error.
_LISTED = 3
#: The file in a staging folder that names the process building it (gone once complete).
OWNER_FILE = ".carelens-train-owner.json"
#: The name of a temporary checkpoint folder starts so (:func:`scratch_folder`).
SCRATCH_PREFIX = "carelens-train-"
#: Linux: the id of the current boot, and the ``stat`` line of a process.
_BOOT_ID = Path("/proc/sys/kernel/random/boot_id")
_PROC = Path("/proc")


def output_problems(config: TrainConfig, overwrite: bool = False) -> list[tuple[str, str]]:
    """Why ``config``'s outputs cannot be written, as (setting, what is wrong): empty when
    they can. Only the outputs themselves are looked at; that no output is an input is the
    caller's check (``carelens train`` makes it)."""
    problems: list[tuple[str, str]] = []
    output = Path(config.output)
    if problem := _folder_problem(output, overwrite):
        problems.append(("output", problem))
    if config.save_state:
        state = Path(config.save_state)
        if problem := _state_problem(state, overwrite):
            problems.append(("save_state", problem))
        if within(state, output):
            problems.append(
                (
                    "save_state",
                    f"{state} is inside the model folder {output}, which only the model is "
                    "written to; choose a path outside it",
                )
            )
    return problems


def check_outputs(config: TrainConfig, overwrite: bool = False) -> None:
    """ConfigError naming every output of ``config`` that cannot be written
    (:func:`output_problems`)."""
    problems = output_problems(config, overwrite)
    if problems:
        raise ConfigError("; ".join(f"{name}: {what}" for name, what in problems))


def _state_problem(state: Path, overwrite: bool) -> str | None:
    if state.is_dir():
        return f"{state} is a folder; name a file in it instead"
    if state.exists() and not overwrite:
        return f"{state} already exists; choose another path, or pass --overwrite to replace it"
    return None


def _folder_problem(output: Path, overwrite: bool) -> str | None:
    if output.exists() and not output.is_dir():
        return f"{output} is a file; name a folder for the model"
    holder = next((p for p in output.resolve().parents if _is_model_folder(p)), None)
    if holder is not None:  # a model loads its folder's files: never mix a second one in
        return f"{output} is inside the model folder {holder}; choose a folder outside it"
    if not output.is_dir():
        return None
    entries = sorted(output.iterdir())
    if not entries:
        return None
    if not overwrite:
        return (
            f"{output} already holds {_listed(entries)}; choose a new or empty folder, or pass "
            "--overwrite to replace the model in it"
        )
    others = [e for e in entries if e.name not in MODEL_FILES or not e.is_file()]
    if others:
        return (
            f"{output} holds {_listed(others)}, not a carelens model's files; --overwrite "
            "replaces a model folder only: choose a new or empty folder"
        )
    return None


def _is_model_folder(folder: Path) -> bool:
    return all((folder / name).is_file() for name in (MANIFEST, "model.onnx"))


def _listed(entries: list[Path]) -> str:
    names = ", ".join(e.name + ("/" if e.is_dir() else "") for e in entries[:_LISTED])
    more = f" and {len(entries) - _LISTED} more" if len(entries) > _LISTED else ""
    return f"{names}{more}"


def within(path: Path, folder: Path) -> bool:
    """Whether ``path`` is ``folder`` or inside it (links resolved)."""
    path, folder = path.resolve(), folder.resolve()
    return path == folder or folder in path.parents


@dataclass(frozen=True, slots=True)
class Staged:
    """Where a run writes its outputs until they are complete."""

    folder: Path  #: the model folder being built
    #: the ``--save-state`` file being written, in a staging folder of its own that holds
    #: its owner file too (None: not asked for)
    state: Path | None


@contextmanager
def staged_outputs(
    output: str | os.PathLike[str],
    save_state: str | os.PathLike[str] | None = None,
    *,
    overwrite: bool = False,
) -> Iterator[Staged]:
    """Write the model (and the saved weights) in siblings of their paths; when the block
    ends normally move them into place, replacing what was there (checked before the run,
    :func:`output_problems`, and again now); when it raises, remove them and leave the paths
    as they were.

    Should a path have come to hold something meanwhile that may not be replaced, the
    ConfigError says so and where the complete new outputs were left."""
    target = Path(output).resolve()
    state = Path(save_state).resolve() if save_state else None
    target.parent.mkdir(parents=True, exist_ok=True)
    if state is not None:
        state.parent.mkdir(parents=True, exist_ok=True)
    staged = Staged(_staging_folder(target), None)
    try:
        if state is not None:
            staged = Staged(staged.folder, _staging_folder(state) / state.name)
        for folder in _folders(staged):
            _write_owner(folder)
        yield staged
    except BaseException:
        _discard(staged)
        raise
    # Complete: the owner files go now, before one could be published with the model or left
    # in a folder kept below (a later run must never remove that one).
    for folder in _folders(staged):
        (folder / OWNER_FILE).unlink(missing_ok=True)
    try:
        late = [_folder_problem(target, overwrite)]
        if state is not None:
            late.append(_state_problem(state, overwrite))
        if problems := [p for p in late if p]:
            kept = f"the new model is complete in {staged.folder}"
            if staged.state is not None:
                kept += f" and its weights in {staged.state}"
            raise ConfigError(f"{'; '.join(problems)} (not so when the run started): {kept}")
        _publish(staged.folder, target)
    except ConfigError:
        raise
    except OSError as exc:
        raise ConfigError(
            f"the new model could not be moved to {target} ({exc.strerror or exc}); it is "
            f"complete in {staged.folder}"
        ) from exc
    except BaseException:
        _discard(staged)
        raise
    if state is not None and staged.state is not None:
        if staged.state.exists():
            try:
                os.replace(staged.state, state)
            except OSError as exc:
                raise ConfigError(
                    f"the new model is in {target}, but its weights could not be moved to "
                    f"{state} ({exc.strerror or exc}); they are in {staged.state}"
                ) from exc
        shutil.rmtree(staged.state.parent, ignore_errors=True)  # empty now


def _folders(staged: Staged) -> list[Path]:
    """The staging folders of ``staged``: the model's, and the weights' when asked for."""
    return [staged.folder] + ([staged.state.parent] if staged.state is not None else [])


def _discard(staged: Staged) -> None:
    for folder in _folders(staged):
        shutil.rmtree(folder, ignore_errors=True)


def _staging_folder(path: Path) -> Path:
    """A new, empty folder beside ``path``, ``<name>.incomplete-<random>``, made here: so
    only folders this run made are ever discarded, never one that came meanwhile."""
    while True:
        folder = _fresh_sibling(path, "incomplete")
        try:
            folder.mkdir()
        except FileExistsError:
            continue
        return folder


def _fresh_sibling(path: Path, what: str) -> Path:
    """A path beside ``path`` that nothing holds: ``<name>.<what>-<random>``."""
    while True:
        sibling = path.with_name(f"{path.name}.{what}-{secrets.token_hex(4)}")
        if not os.path.lexists(sibling):
            return sibling


def _publish(folder: Path, target: Path) -> None:
    """Rename ``folder`` to ``target``; an existing ``target`` is moved aside first and
    removed after (put back when the rename fails), so ``target`` never holds a mix."""
    if not os.path.lexists(target):
        folder.rename(target)
        return
    aside = _fresh_sibling(target, "replaced")
    target.rename(aside)
    try:
        folder.rename(target)
    except BaseException:
        aside.rename(target)
        raise
    shutil.rmtree(aside, ignore_errors=True)  # the new model is in place already


@dataclass(frozen=True, slots=True)
class Owner:
    """The process that builds a staging folder, as its owner file records it."""

    pid: int
    host: str
    #: Linux's id of the boot the process ran in (None where there is no ``/proc``).
    boot_id: str | None = None
    #: When the process started, in clock ticks since that boot (None: not known).
    started: int | None = None


def owner_of(pid: int) -> Owner:
    """``pid`` on this host as an owner file records it (start time read while it runs)."""
    return Owner(pid, socket.gethostname(), _boot_id(), _process_start(pid))


def _boot_id() -> str | None:
    try:
        return _BOOT_ID.read_text(encoding="ascii").strip() or None
    except (OSError, ValueError):
        return None


def _process_stat(pid: int) -> tuple[str, int] | None:
    """The state letter and start time (ticks since boot) of ``pid`` from Linux's
    ``/proc/<pid>/stat``; None when it cannot be read (no such process, not Linux)."""
    try:
        stat = (_PROC / str(pid) / "stat").read_text(encoding="utf-8", errors="replace")
        # The command name (2nd field) may hold spaces and parentheses: split after its end.
        fields = stat[stat.rindex(")") + 2 :].split()
        return fields[0], int(fields[19])  # fields 3 (state) and 22 (starttime) of proc(5)
    except (OSError, ValueError, IndexError):
        return None


def _process_start(pid: int) -> int | None:
    stat = _process_stat(pid)
    return None if stat is None else stat[1]


def _write_owner(folder: Path) -> None:
    (folder / OWNER_FILE).write_text(json.dumps(asdict(owner_of(os.getpid()))), encoding="utf-8")


def _read_owner(folder: Path) -> Owner | None:
    """The owner ``folder``'s owner file names; None when it has none that reads as one."""
    try:
        raw = json.loads((folder / OWNER_FILE).read_text(encoding="utf-8"))
        owner = Owner(**raw)
    except (OSError, ValueError, TypeError):
        return None
    kinds_ok = (
        isinstance(owner.pid, int)
        and not isinstance(owner.pid, bool)
        and owner.pid > 0
        and isinstance(owner.host, str)
        and isinstance(owner.boot_id, str | None)
        and (owner.started is None or type(owner.started) is int)
    )
    return owner if kinds_ok else None


@contextmanager
def scratch_folder(parent: str | os.PathLike[str] | None = None) -> Iterator[Path]:
    """A new temporary folder for checkpoints (in ``parent``, default the system's temporary
    folder), marked with this process as its owner and removed when the block ends, however
    it ends; a killed run's is swept by :func:`sweep_scratch`."""
    folder = Path(tempfile.mkdtemp(prefix=SCRATCH_PREFIX, dir=parent))
    try:
        _write_owner(folder)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def sweep_scratch(parent: str | os.PathLike[str] | None = None) -> list[Leftover]:
    """Remove the checkpoint folders (:func:`scratch_folder`) in ``parent`` (default: the
    system's temporary folder) whose run is certainly gone, as :func:`sweep_leftovers`
    judges staging folders; log each removed one and return them. A folder of another user,
    one without an owner file, or one whose run may still go is left alone, unreported: the
    temporary folder is shared, and such a folder is not this run's to judge."""
    where = Path(parent) if parent is not None else Path(tempfile.gettempdir())
    removed: list[Leftover] = []
    try:
        entries = sorted(where.glob(SCRATCH_PREFIX + "*"))
    except OSError:
        return removed
    for entry in entries:
        try:
            if entry.is_symlink() or not entry.is_dir():
                continue
            if hasattr(os, "getuid") and entry.stat().st_uid != os.getuid():
                continue
        except OSError:
            continue
        owner = _read_owner(entry)
        if owner is None or _owner_state(owner)[0] != "removed":
            continue
        why = _owner_state(owner)[1]
        shutil.rmtree(entry, ignore_errors=True)
        if not entry.exists():
            removed.append(Leftover(entry, "removed", why))
            logger.info("removed %s, the checkpoints of a killed train (%s)", entry, why)
    return removed


@dataclass(frozen=True, slots=True)
class Leftover:
    """A staging folder of an earlier run found beside an output (or a file of that name),
    and what was done."""

    folder: Path
    #: "removed" (its run is certainly gone), "running" (its run is still going: kept) or
    #: "unknown" (kept: whether its run is gone cannot be told).
    verdict: str
    why: str


def sweep_leftovers(output: str | os.PathLike[str]) -> list[Leftover]:
    """Remove the staging folders (``<output>.incomplete-<hex>``) of runs for ``output``
    (a model folder or a ``--save-state`` file) that are certainly gone, keep the others;
    log each, and return what was found.

    A run's folder is removed only when its owner file names this host and a process that
    is no longer running (or the machine restarted since, or the pid was reused: see the
    module docstring); the folder of a run still going is kept (an info line), and one
    that cannot be decided about (or a file of that name) is kept with a warning saying why.
    """
    target = Path(output).resolve()
    staging = re.compile(re.escape(target.name) + r"\.incomplete-[0-9a-f]{8}")
    if not target.parent.is_dir():
        return []
    found = [
        entry
        for entry in sorted(target.parent.iterdir())
        if staging.fullmatch(entry.name) and not entry.is_symlink()
    ]
    swept = [_sweep_one(entry) if entry.is_dir() else _a_file(entry) for entry in found]
    for leftover in swept:
        _log_leftover(leftover)
    return swept


def _sweep_one(folder: Path) -> Leftover:
    """Judge the staging folder ``folder`` by its owner; remove it when its run is gone."""
    owner = _read_owner(folder)
    if owner is None:
        return Leftover(folder, "unknown", "it holds no owner file that names its train")
    verdict, why = _owner_state(owner)
    if verdict == "removed":
        shutil.rmtree(folder, ignore_errors=True)
        if folder.exists():  # e.g. no permission: then it is only reported
            return Leftover(
                folder, "unknown", f"its train ({why}) is gone, but it could not be removed"
            )
    return Leftover(folder, verdict, why)


def _a_file(path: Path) -> Leftover:
    """A file named as a staging folder is: kept (earlier versions staged the weights so)."""
    return Leftover(
        path,
        "unknown",
        "it is a file, not a staging folder, and names no train (earlier versions staged the "
        "--save-state weights so)",
    )


def _owner_state(owner: Owner) -> tuple[str, str]:
    """Whether ``owner``'s run is gone ("removed"), going ("running") or cannot be told
    ("unknown"), and why, in words."""
    pid = f"pid {owner.pid}"
    if owner.host != socket.gethostname():
        return "unknown", f"its train ({pid}) ran on another host, {owner.host}"
    boot = _boot_id()
    if owner.boot_id is not None and boot is not None and owner.boot_id != boot:
        return "removed", f"{pid}, before this machine restarted"
    alive = _pid_alive(owner.pid)
    if alive is None:
        return "unknown", f"whether its train ({pid}) still runs cannot be told on this system"
    if not alive:
        return "removed", f"{pid}, no longer running"
    stat = _process_stat(owner.pid)
    if stat is None or owner.started is None:
        return "unknown", f"{pid} is running, and whether it is still its train cannot be told"
    state, started = stat
    if started != owner.started:
        return "removed", f"{pid}, no longer running: the pid is another process's now"
    if state in ("Z", "X"):  # ended (a SIGKILL, say), not yet waited for by its parent
        return "removed", f"{pid}, no longer running: it ended, not yet reaped"
    return "running", pid


def _pid_alive(pid: int) -> bool | None:
    """Whether a process ``pid`` exists on this host; None when that cannot be asked."""
    if os.name == "nt":  # os.kill would terminate it there: no harmless probe
        return None
    try:
        os.kill(pid, 0)  # signal 0: nothing is sent, the pid is only looked up
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: it exists
        return True
    except OSError:
        return None
    return True


def _log_leftover(leftover: Leftover) -> None:
    if leftover.verdict == "removed":
        logger.info("removed %s, left by a killed train (%s)", leftover.folder, leftover.why)
    elif leftover.verdict == "running":
        logger.info(
            "left %s alone: a train still running writes it (%s)", leftover.folder, leftover.why
        )
    else:
        logger.warning(
            "kept %s, perhaps left by a killed train: %s; remove it yourself once no train "
            "writes it",
            leftover.folder,
            leftover.why,
        )
