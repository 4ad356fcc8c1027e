"""What ``carelens train`` writes: checked before the run, put in place only when complete.

Torch-free: ``carelens.training.outputs`` is what the CLI checks before torch is loaded (one
test, skipped without torch, checks that ``train_model`` sweeps beside ``--save-state`` too).
"""

from __future__ import annotations

import json
import logging
import os
import socket
import subprocess
import sys
import time
from dataclasses import asdict, replace
from pathlib import Path

import pytest

from carelens.errors import ConfigError
from carelens.training.config import TrainConfig
from carelens.training.outputs import (
    OWNER_FILE,
    Owner,
    check_outputs,
    output_problems,
    owner_of,
    staged_outputs,
    sweep_leftovers,
)


def model_folder(folder: Path, mark: str = "old") -> Path:
    folder.mkdir(parents=True)
    for name in ("manifest.json", "model.onnx", "tokenizer.json"):
        (folder / name).write_text(f"{mark} {name}", encoding="utf-8")
    return folder


def contents(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())}


def test_a_new_or_empty_folder_takes_the_model(tmp_path: Path) -> None:
    assert output_problems(TrainConfig(data="d.csv", output=str(tmp_path / "new"))) == []
    (tmp_path / "empty").mkdir()
    assert output_problems(TrainConfig(data="d.csv", output=str(tmp_path / "empty"))) == []


def test_a_folder_that_holds_anything_is_refused_and_overwrite_replaces_only_a_model(
    tmp_path: Path,
) -> None:
    model = model_folder(tmp_path / "model")
    config = TrainConfig(data="d.csv", output=str(model))
    ((name, problem),) = output_problems(config)
    assert name == "output" and "already holds manifest.json, model.onnx" in problem
    assert "--overwrite" in problem
    assert output_problems(config, overwrite=True) == []
    with pytest.raises(ConfigError, match=r"^output: .* already holds"):
        check_outputs(config)
    # A folder with other files: the model would be mixed with them, --overwrite or not.
    other = tmp_path / "notes"
    other.mkdir()
    (other / "notes.txt").write_text("mine", encoding="utf-8")
    for overwrite in (False, True):
        ((_, problem),) = output_problems(TrainConfig(data="", output=str(other)), overwrite)
        assert "notes.txt" in problem
    (model / "sub").mkdir()
    ((_, problem),) = output_problems(config, overwrite=True)
    assert "sub/, not a carelens model's files" in problem
    (tmp_path / "file").write_text("x", encoding="utf-8")
    ((_, problem),) = output_problems(TrainConfig(data="", output=str(tmp_path / "file")))
    assert "is a file" in problem
    # Inside another model's folder: a second model would be mixed into the first.
    for overwrite in (False, True):
        inside = TrainConfig(data="", output=str(model / "new" / "model"))
        ((_, problem),) = output_problems(inside, overwrite)
        assert f"inside the model folder {model.resolve()}" in problem
    (other / "manifest.json").write_text("{}", encoding="utf-8")  # not a model: no model.onnx
    assert output_problems(TrainConfig(data="", output=str(other / "model"))) == []


def test_the_saved_state_is_not_written_over_or_into_the_model_folder(tmp_path: Path) -> None:
    state = tmp_path / "run.pt"
    state.write_bytes(b"earlier")
    config = TrainConfig(data="", output=str(tmp_path / "m"), save_state=str(state))
    assert output_problems(config) == [
        ("save_state", f"{state} already exists; choose another path, or pass --overwrite to "
                       "replace it"),
    ]  # fmt: skip
    assert output_problems(config, overwrite=True) == []
    inside = TrainConfig(data="", output=str(tmp_path / "m"), save_state=str(tmp_path / "m/x.pt"))
    ((name, problem),) = output_problems(inside)
    assert name == "save_state" and "inside the model folder" in problem


def test_a_failed_or_interrupted_run_leaves_the_paths_as_they_were(tmp_path: Path) -> None:
    model = model_folder(tmp_path / "model")
    state = tmp_path / "run.pt"
    state.write_bytes(b"earlier")
    for error in (KeyboardInterrupt, ConfigError):
        with pytest.raises(error), staged_outputs(model, state, overwrite=True) as staged:
            (staged.folder / "manifest.json").write_text("half", encoding="utf-8")
            assert staged.state is not None
            staged.state.write_bytes(b"new")
            raise error("stop")
        assert contents(model) == contents(model_folder(tmp_path / f"like-{error.__name__}"))
        assert state.read_bytes() == b"earlier"
        assert sorted(p.name for p in tmp_path.iterdir() if "like-" not in p.name) == [
            "model",
            "run.pt",
        ]


def test_a_complete_run_replaces_the_paths_at_the_end(tmp_path: Path) -> None:
    model = model_folder(tmp_path / "model")
    state = tmp_path / "states" / "run.pt"
    with staged_outputs(model, state, overwrite=True) as staged:
        assert staged.folder.parent == model.parent and staged.folder != model
        for name in ("manifest.json", "model.onnx", "tokenizer.json"):
            (staged.folder / name).write_text(f"new {name}", encoding="utf-8")
        assert staged.state is not None
        staged.state.write_bytes(b"new")
        assert contents(model)["manifest.json"] == "old manifest.json"  # not yet
        assert not state.exists()
    assert contents(model) == {
        name: f"new {name}" for name in ("manifest.json", "model.onnx", "tokenizer.json")
    }
    assert state.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model", "states"]
    assert sorted(p.name for p in state.parent.iterdir()) == ["run.pt"]


def test_a_folder_filled_during_the_run_is_not_replaced(tmp_path: Path) -> None:
    out = tmp_path / "model"
    refused = pytest.raises(ConfigError, match="not so when the run started")
    with refused as caught, staged_outputs(out) as staged:
        (staged.folder / "model.onnx").write_text("new", encoding="utf-8")
        out.mkdir()
        (out / "notes.txt").write_text("someone's", encoding="utf-8")
    assert (out / "notes.txt").read_text(encoding="utf-8") == "someone's"
    assert str(staged.folder) in str(caught.value)
    assert (staged.folder / "model.onnx").read_text(encoding="utf-8") == "new"


def dead_pid() -> Owner:
    """The owner record of a process that ran on this host and has exited (its start time
    read while it still existed, so a reused pid is told apart too)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    owner = owner_of(child.pid)
    child.wait()
    return owner


def leftover(beside: Path, name: str, owner: Owner | None, holds: str = "model.fp32.onnx") -> Path:
    """A staging folder a killed run would leave beside ``beside``, with ``owner``'s file
    (and ``holds``: a half-exported model, or the ``--save-state`` file)."""
    folder = beside.with_name(f"{beside.name}.incomplete-{name}")
    folder.mkdir()
    (folder / holds).write_bytes(b"half")
    if owner is not None:
        (folder / OWNER_FILE).write_text(json.dumps(asdict(owner)), encoding="utf-8")
    return folder


def test_a_run_marks_its_staging_folder_and_publishes_the_model_without_the_mark(
    tmp_path: Path,
) -> None:
    out = tmp_path / "model"
    with staged_outputs(out) as staged:
        owner = json.loads((staged.folder / OWNER_FILE).read_text(encoding="utf-8"))
        assert (owner["pid"], owner["host"]) == (os.getpid(), socket.gethostname())
        assert sweep_leftovers(out)[0].verdict == "running"  # never removed while it runs
        assert staged.folder.is_dir()
        (staged.folder / "model.onnx").write_text("new", encoding="utf-8")
    assert sorted(p.name for p in out.iterdir()) == ["model.onnx"]


def check_sweep_log(
    caplog: pytest.LogCaptureFixture,
    dead: Path,
    dead_pid: int,
    running: Path,
    elsewhere: Path,
    host: str,
    unknown: dict[Path, str],
) -> None:
    """The log of a sweep that removed ``dead``, left ``running`` alone, and kept
    ``elsewhere`` (another host) and each of ``unknown`` (for the reason given)."""
    said = {r.getMessage(): r.levelno for r in caplog.records}
    removed = next(m for m in said if m.startswith("removed "))
    # (Should the pid have been reused meanwhile, the start time tells: removed all the same.)
    assert removed.startswith(f"removed {dead}, left by a killed train (pid {dead_pid}, no longer")
    assert said.pop(removed) == logging.INFO
    keep = "remove it yourself once no train writes it"
    assert said == {
        f"left {running} alone: a train still running writes it (pid {os.getpid()})": (
            logging.INFO
        ),
        f"kept {elsewhere}, perhaps left by a killed train: its train (pid {os.getpid()}) ran "
        f"on another host, not-{host}; {keep}": logging.WARNING,
        **{
            f"kept {path}, perhaps left by a killed train: {why}; {keep}": logging.WARNING
            for path, why in unknown.items()
        },
    }


def test_only_leftovers_whose_run_is_certainly_gone_are_removed(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    out = tmp_path / "model"
    here = owner_of(os.getpid())
    gone = dead_pid()
    dead = leftover(out, "0000000a", gone)
    running = leftover(out, "0000000b", here)
    elsewhere = leftover(out, "0000000c", replace(here, host=f"not-{here.host}"))
    unmarked = leftover(out, "0000000d", None)
    garbled = leftover(out, "0000000e", None)
    (garbled / OWNER_FILE).write_text('{"pid": "12"}', encoding="utf-8")
    other_output = leftover(tmp_path / "model2", "0000000f", dead_pid())
    with caplog.at_level(logging.INFO, logger="carelens.training.outputs"):
        swept = sweep_leftovers(out)
    assert [(s.folder, s.verdict) for s in swept] == [
        (dead, "removed"),
        (running, "running"),
        (elsewhere, "unknown"),
        (unmarked, "unknown"),
        (garbled, "unknown"),
    ]
    assert not dead.exists()
    assert all(f.is_dir() for f in (running, elsewhere, unmarked, garbled, other_output))
    no_owner = "it holds no owner file that names its train"
    check_sweep_log(
        caplog,
        dead,
        gone.pid,
        running,
        elsewhere,
        here.host,
        {unmarked: no_owner, garbled: no_owner},
    )


def test_a_run_stages_the_saved_state_in_a_marked_folder_and_publishes_the_file_alone(
    tmp_path: Path,
) -> None:
    state = tmp_path / "states" / "run.pt"
    with staged_outputs(tmp_path / "model", state) as staged:
        assert staged.state is not None
        folder = staged.state.parent
        assert folder.parent == state.parent and folder.name.startswith("run.pt.incomplete-")
        assert staged.state.name == "run.pt"
        owner = json.loads((folder / OWNER_FILE).read_text(encoding="utf-8"))
        assert (owner["pid"], owner["host"]) == (os.getpid(), socket.gethostname())
        ((found, verdict),) = [(s.folder, s.verdict) for s in sweep_leftovers(state)]
        assert (found, verdict) == (folder, "running")  # never removed while it runs
        staged.state.write_bytes(b"new")
    assert state.read_bytes() == b"new"
    assert sorted(p.name for p in state.parent.iterdir()) == ["run.pt"]  # no folder, no mark


def test_a_run_that_saves_no_state_leaves_no_staging_folder_for_it(tmp_path: Path) -> None:
    state = tmp_path / "run.pt"
    with staged_outputs(tmp_path / "model", state) as staged:
        assert staged.state is not None and staged.state.parent.is_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model"]


def test_only_save_state_leftovers_whose_run_is_certainly_gone_are_removed(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A killed run's ``--save-state`` staging folder is swept by the next run for that path
    as its model folder is: removed only when its owner is certainly gone."""
    state = tmp_path / "run.pt"
    here = owner_of(os.getpid())
    gone = dead_pid()
    dead = leftover(state, "0000000a", gone, holds="run.pt")
    running = leftover(state, "0000000b", here, holds="run.pt")
    elsewhere = leftover(state, "0000000c", replace(here, host=f"not-{here.host}"), "run.pt")
    unmarked = leftover(state, "0000000d", None, holds="run.pt")
    # What earlier versions left: the weights as a bare file beside the path, no owner.
    bare = tmp_path / "run.pt.incomplete-0000000e"
    bare.write_bytes(b"half")
    other_path = leftover(tmp_path / "run.pt2", "0000000f", dead_pid(), holds="run.pt2")
    not_staging = tmp_path / "run.pt.incomplete-notours"
    not_staging.write_bytes(b"mine")
    with caplog.at_level(logging.INFO, logger="carelens.training.outputs"):
        swept = sweep_leftovers(state)
    assert [(s.folder, s.verdict) for s in swept] == [
        (dead, "removed"),
        (running, "running"),
        (elsewhere, "unknown"),
        (unmarked, "unknown"),
        (bare, "unknown"),
    ]
    assert not dead.exists()
    assert all(f.is_dir() for f in (running, elsewhere, unmarked, other_path))
    assert bare.read_bytes() == b"half" and not_staging.read_bytes() == b"mine"
    check_sweep_log(
        caplog,
        dead,
        gone.pid,
        running,
        elsewhere,
        here.host,
        {
            unmarked: "it holds no owner file that names its train",
            bare: "it is a file, not a staging folder, and names no train (earlier versions "
            "staged the --save-state weights so)",
        },
    )


def test_train_sweeps_the_save_state_leftovers_before_it_loads_anything(tmp_path: Path) -> None:
    """``train_model`` sweeps beside ``save_state`` as beside the model folder (the run
    below stops at once: its data file is missing)."""
    pytest.importorskip("torch")
    from carelens.training.train import train_model

    state = tmp_path / "run.pt"
    dead = leftover(state, "0000000a", dead_pid(), holds="run.pt")
    running = leftover(state, "0000000b", owner_of(os.getpid()), holds="run.pt")
    (tmp_path / "no-encoder").mkdir()
    config = TrainConfig(
        data=str(tmp_path / "d.csv"),
        output=str(tmp_path / "model"),
        save_state=str(state),
        encoder_dir=str(tmp_path / "no-encoder"),
    )
    with pytest.raises(FileNotFoundError, match=r"d\.csv"):
        train_model(config)
    assert not dead.exists() and running.is_dir()


@pytest.mark.skipif(owner_of(os.getpid()).started is None, reason="needs Linux's /proc")
def test_a_pid_now_held_by_another_process_or_a_restart_means_the_run_is_gone(
    tmp_path: Path,
) -> None:
    out = tmp_path / "model"
    here = owner_of(os.getpid())
    assert here.started is not None and here.boot_id is not None
    reused = leftover(out, "0000000a", replace(here, started=here.started - 1))
    rebooted = leftover(out, "0000000b", replace(here, boot_id=f"not-{here.boot_id}"))
    # Killed with SIGKILL and not yet waited for: its pid still answers, as a zombie.
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        killed = leftover(out, "0000000c", owner_of(child.pid))
        child.kill()
        stat = Path(f"/proc/{child.pid}/stat")
        while stat.read_text(encoding="utf-8").rsplit(")", 1)[1].split()[0] != "Z":
            time.sleep(0.01)
        swept = sweep_leftovers(out)
    finally:
        child.kill()
        child.wait()
    assert [(s.folder, s.verdict) for s in swept] == [
        (reused, "removed"),
        (rebooted, "removed"),
        (killed, "removed"),
    ]
    assert "the pid is another process's now" in swept[0].why
    assert "before this machine restarted" in swept[1].why
    assert swept[2].why == f"pid {child.pid}, no longer running: it ended, not yet reaped"
    assert not reused.exists() and not rebooted.exists() and not killed.exists()


def test_the_checkpoint_folder_is_marked_and_removed_however_the_block_ends(
    tmp_path: Path,
) -> None:
    from carelens.training.outputs import SCRATCH_PREFIX, scratch_folder

    with scratch_folder(tmp_path) as folder:
        assert folder.parent == tmp_path and folder.name.startswith(SCRATCH_PREFIX)
        owner = json.loads((folder / OWNER_FILE).read_text(encoding="utf-8"))
        assert owner["pid"] == os.getpid()
        (folder / "best.pt").write_bytes(b"weights")
    assert not folder.exists()
    with pytest.raises(KeyboardInterrupt), scratch_folder(tmp_path) as folder:
        raise KeyboardInterrupt  # a Ctrl-C, or a SIGTERM the CLI turns into one
    assert not folder.exists()


def test_only_checkpoint_folders_of_runs_certainly_gone_are_swept(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # A SIGKILL leaves the checkpoints (hundreds of MB) in the temporary folder: the next
    # run removes them when their owner is gone, and leaves every other folder alone.
    from carelens.training.outputs import SCRATCH_PREFIX, sweep_scratch

    def scratch(name: str, owner: Owner | None) -> Path:
        folder = tmp_path / f"{SCRATCH_PREFIX}{name}"
        folder.mkdir()
        (folder / "best.pt").write_bytes(b"weights")
        if owner is not None:
            (folder / OWNER_FILE).write_text(json.dumps(asdict(owner)), encoding="utf-8")
        return folder

    dead = scratch("dead", dead_pid())
    running = scratch("running", owner_of(os.getpid()))
    unmarked = scratch("old", None)  # an earlier version's: not this run's to judge
    elsewhere = scratch("host", replace(dead_pid(), host="another-host"))
    other = tmp_path / "someone-else"
    other.mkdir()
    with caplog.at_level(logging.INFO, logger="carelens.training.outputs"):
        swept = sweep_scratch(tmp_path)
    assert [s.folder for s in swept] == [dead] and not dead.exists()
    assert all(f.is_dir() for f in (running, unmarked, elsewhere, other))
    assert f"removed {dead}, the checkpoints of a killed train" in caplog.text
