"""What ``carelens train`` writes: the model folder and the ``--save-state`` file, checked
before any work and put in place only when the run is complete.

:func:`output_problems` says, before anything is loaded, why an output cannot be written: the
model folder is a file, or already holds something (a model, whose recorded evaluation
figures would be lost, or other files the model would be mixed with), or lies inside another
model's folder (one with a ``manifest.json`` and a ``model.onnx``). ``overwrite`` lets a
model folder be replaced, never a folder holding other files; it also lets an existing
``--save-state`` file be replaced.

:func:`staged_outputs` builds the model in a sibling folder (``<output>.incomplete-<random>``)
and the saved weights in a sibling file, and moves them to their paths only when the model
is complete (exported, its manifest written, its rationale sentences fitted). A run that
fails or is interrupted removes them, so the output path holds either what it held before or
the complete new model, never a half-written one; only a killed process can leave an
``.incomplete-`` sibling behind. Torch is not needed here (the CLI checks first).
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from carelens.errors import ConfigError
from carelens.inference.artifact import MANIFEST, REQUIRED_FILES
from carelens.training.config import TrainConfig

#: The unquantised graph the export writes and removes once it is quantised.
FP32_MODEL = "model.fp32.onnx"
#: The files a model folder holds (the fp32 graph only when an export was cut short).
MODEL_FILES = frozenset({MANIFEST, *REQUIRED_FILES, FP32_MODEL})
#: Names shown when an output folder's files are listed in an error.
_LISTED = 3


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
    state: Path | None  #: the ``--save-state`` file being written (None: not asked for)


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
    staged = Staged(
        _fresh_sibling(target, "incomplete"),
        _fresh_sibling(state, "incomplete") if state else None,
    )
    staged.folder.mkdir()
    try:
        yield staged
    except BaseException:
        _discard(staged)
        raise
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
    if state is not None and staged.state is not None and staged.state.exists():
        os.replace(staged.state, state)


def _discard(staged: Staged) -> None:
    shutil.rmtree(staged.folder, ignore_errors=True)
    if staged.state is not None:
        staged.state.unlink(missing_ok=True)


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
