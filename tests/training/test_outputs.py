"""What ``carelens train`` writes: checked before the run, put in place only when complete.

Torch-free: ``carelens.training.outputs`` is what the CLI checks before torch is loaded.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from carelens.errors import ConfigError
from carelens.training.config import TrainConfig
from carelens.training.outputs import check_outputs, output_problems, staged_outputs


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
