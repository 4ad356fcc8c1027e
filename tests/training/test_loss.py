"""``carelens.training.train.batch_loss``: which pairs each loss term counts."""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")

from carelens.training.data import UNKNOWN  # noqa: E402
from carelens.training.network import N_DIMS, N_FLAGS, N_LEVELS  # noqa: E402
from carelens.training.train import batch_loss  # noqa: E402

SEQ = 6


def batch(
    levels: list[int], marked: list[bool] | None = None
) -> tuple[tuple[torch.Tensor, ...], tuple[torch.Tensor, ...]]:
    """Random outputs and targets for ``len(levels)`` pairs; dimension 0 gets ``levels``,
    the others are unknown; each pair's gold rationale is its tokens 1-2, a label only where
    ``marked`` says so (default: every pair)."""
    n = len(levels)
    gen = torch.Generator().manual_seed(0)
    outputs = (
        torch.randn(n, N_DIMS, N_LEVELS, generator=gen),
        torch.randn(n, SEQ, N_DIMS, generator=gen),
        torch.randn(n, N_FLAGS, generator=gen),
        torch.randn(n, N_LEVELS, generator=gen),
    )
    lv = torch.full((n, N_DIMS), UNKNOWN, dtype=torch.long)
    lv[:, 0] = torch.tensor(levels)
    tok = torch.zeros(n, SEQ, N_DIMS)
    tok[:, 1:3, 0] = 1.0
    rmask = torch.zeros(n, SEQ)
    rmask[:, 1:5] = 1.0
    targets = (
        lv,
        tok,
        rmask,
        torch.full((n, N_FLAGS), UNKNOWN, dtype=torch.long),
        torch.full((n,), UNKNOWN, dtype=torch.long),
        (lv != UNKNOWN).float() * torch.tensor(marked or [True] * n).float().unsqueeze(1),
    )
    return outputs, targets


def loss_after_changing_rationales(
    levels: list[int], pair: int, present_only: bool, marked: list[bool] | None = None
) -> float:
    """How much the loss moves when one pair's rationale logits change."""
    outputs, targets = batch(levels, marked)
    weights = torch.ones(N_DIMS + 1, N_LEVELS)
    before = batch_loss(outputs, targets, weights, 1.0, present_only)
    changed = outputs[1].clone()
    changed[pair] += 3.0
    after = batch_loss((outputs[0], changed, *outputs[2:]), targets, weights, 1.0, present_only)
    return float(after - before)


def test_every_labelled_pair_teaches_rationales_by_default() -> None:
    assert loss_after_changing_rationales([0, 2], pair=0, present_only=False) != 0.0
    assert loss_after_changing_rationales([0, 2], pair=1, present_only=False) != 0.0


def test_present_only_skips_pairs_that_do_not_show_the_dimension() -> None:
    assert loss_after_changing_rationales([0, 2], pair=0, present_only=True) == 0.0
    assert loss_after_changing_rationales([0, 2], pair=1, present_only=True) != 0.0
    assert loss_after_changing_rationales([1, UNKNOWN], pair=1, present_only=True) == 0.0
    assert loss_after_changing_rationales([1, UNKNOWN], pair=1, present_only=False) == 0.0


@pytest.mark.parametrize("present_only", [False, True])
def test_pairs_whose_words_were_never_marked_teach_no_rationales(present_only: bool) -> None:
    marked = [False, True]
    assert loss_after_changing_rationales([2, 2], 0, present_only, marked) == 0.0
    assert loss_after_changing_rationales([2, 2], 1, present_only, marked) != 0.0


def test_no_pair_showing_the_dimension_leaves_a_finite_loss() -> None:
    outputs, targets = batch([0, 0])
    loss = batch_loss(outputs, targets, torch.ones(N_DIMS + 1, N_LEVELS), 1.0, True)
    assert torch.isfinite(loss)
