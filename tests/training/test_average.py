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
        ({"v": torch.zeros(2)}, r"its weights are not those of this network: it has no w "),
        (
            {"w": torch.zeros(2), "steps": torch.tensor([0]), "v": torch.zeros(1)},
            r"it has v, which this network has not",
        ),
        (
            {"w": torch.zeros(3), "steps": torch.tensor([0])},
            r"w is \[3\] in it, \[2\] in this network",
        ),
        ({"w": [0.0, 0.0], "steps": torch.tensor([0])}, r"w is not a tensor but list"),
        (
            {"encoder.layer.0.w": torch.zeros(2), "encoder.layer.1.w": torch.zeros(2)},
            r"it has 2 encoder layers, this network 1",
        ),
        (
            "text",
            r"not a saved state of weights, as carelens train --save-state writes them "
            r"\(torch cannot read it as one\)$",
        ),
    ],
)
def test_a_soup_refuses_files_without_this_networks_weights_saying_what_differs(
    tmp_path: Path, state: object, message: str
) -> None:
    # One line that names what differs, never torch's multi-line advice to load with
    # weights_only=False (which would run code from the file).
    file = tmp_path / "other.pt"
    if isinstance(state, str):
        file.write_text(state, encoding="utf-8")
    else:
        torch.save(state, file)
    own = {"w": torch.zeros(2), "steps": torch.tensor([7])}
    if isinstance(state, dict) and "encoder.layer.0.w" in state:
        own = {"encoder.layer.0.w": torch.zeros(2)}
    with pytest.raises(ModelError, match=f"{file}: .*{message}") as raised:
        load_states([file], own)
    assert "\n" not in str(raised.value) and "weights_only" not in str(raised.value)
