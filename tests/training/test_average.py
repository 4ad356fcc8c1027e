"""``carelens.training.train.average_states``: the mean of several epochs' weights."""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")

from carelens.training.train import average_states  # noqa: E402


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
