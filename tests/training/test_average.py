"""``carelens.training.train``: the mean of several epochs' weights (``average_states``) and of
several runs' (``load_states`` reads them for ``carelens train --soup-with``)."""

from __future__ import annotations

from pathlib import Path

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")

from carelens.errors import ModelError  # noqa: E402
from carelens.training.train import average_states, load_states  # noqa: E402


def test_float_weights_are_averaged_and_integer_buffers_kept_from_the_last() -> None:
    states = [
        {"w": torch.tensor([1.0, 2.0]), "ids": torch.tensor([0, 1])},
        {"w": torch.tensor([3.0, 6.0]), "ids": torch.tensor([0, 1])},
        {"w": torch.tensor([5.0, 1.0]), "ids": torch.tensor([7, 8])},
    ]
    mean = average_states(states)
    assert torch.allclose(mean["w"], torch.tensor([3.0, 3.0]))
    assert mean["ids"].tolist() == [7, 8] and mean["ids"].dtype == torch.int64
    assert states[0]["w"].tolist() == [1.0, 2.0]  # the inputs are not changed


def test_the_mean_of_one_state_is_that_state() -> None:
    state = {"w": torch.randn(3, 4)}
    assert torch.equal(average_states([state])["w"], state["w"])


def test_a_soup_is_the_mean_of_this_run_and_the_saved_ones(tmp_path: Path) -> None:
    own = {"w": torch.tensor([1.0, 2.0]), "steps": torch.tensor([7])}
    saved = []
    for i, values in enumerate(([3.0, 4.0], [5.0, 0.0])):
        saved.append(tmp_path / f"run{i}.pt")
        torch.save({"w": torch.tensor(values), "steps": torch.tensor([i])}, saved[-1])
    soup = average_states([*load_states(saved, own), own])  # as carelens train does
    assert torch.allclose(soup["w"], torch.tensor([3.0, 2.0]))
    assert soup["steps"].tolist() == [7]  # integer buffers: this run's (the last)


@pytest.mark.parametrize(
    ("state", "message"),
    [
        ({"v": torch.zeros(2)}, "its weights are not those of this network"),
        ({"w": torch.zeros(3), "steps": torch.tensor([0])}, "w has another shape"),
        ({"w": [0.0, 0.0], "steps": torch.tensor([0])}, "w has another shape"),
        ("text", "not a saved state of weights"),
    ],
)
def test_a_soup_refuses_files_without_this_networks_weights(
    tmp_path: Path, state: object, message: str
) -> None:
    file = tmp_path / "other.pt"
    if isinstance(state, str):
        file.write_text(state, encoding="utf-8")
    else:
        torch.save(state, file)
    own = {"w": torch.zeros(2), "steps": torch.tensor([7])}
    with pytest.raises(ModelError, match=f"{file}: {message}"):
        load_states([file], own)
