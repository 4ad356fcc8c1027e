"""``carelens.training.network``: the ordinal level head."""

from __future__ import annotations

import numpy as np
import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")

from carelens.taxonomy import RESPONSE_DIMENSIONS  # noqa: E402
from carelens.training.network import N_DIMS, EmpathyNetwork, ordinal_log_probs  # noqa: E402
from tiny_encoders import tiny_config  # noqa: E402

#: A one-layer BERT small enough to build in milliseconds.
TINY = tiny_config("bert", 100, 32, layers=1)


def test_ordinal_probabilities_are_a_distribution_with_ordered_thresholds() -> None:
    raw = torch.randn(500, 2, generator=torch.Generator().manual_seed(0)) * 6
    probs = ordinal_log_probs(raw).exp()
    assert torch.allclose(probs.sum(-1), torch.ones(500), atol=1e-5)
    assert bool((probs >= 0).all())
    at_least_1, at_least_2 = probs[:, 1:].sum(-1), probs[:, 2]
    assert bool((at_least_2 <= at_least_1 + 1e-6).all())
    assert torch.allclose(at_least_1, torch.sigmoid(raw[:, 0]), atol=1e-5)


def test_ordinal_hand_case() -> None:
    # P(>=1) = sigmoid(0) = 0.5; P(>=2) = sigmoid(0 - softplus(0)) = sigmoid(-ln 2) = 1/3.
    probs = ordinal_log_probs(torch.tensor([[0.0, 0.0]])).exp()[0]
    assert probs.tolist() == pytest.approx([0.5, 0.5 - 1 / 3, 1 / 3], abs=1e-6)


def test_ordinal_log_probs_stay_finite_with_gradients_at_the_extremes() -> None:
    raw = torch.tensor([[40.0, -40.0], [-40.0, 40.0], [0.0, -40.0]], requires_grad=True)
    out = ordinal_log_probs(raw)
    assert bool(torch.isfinite(out).all())
    out.sum().backward()
    assert raw.grad is not None and bool(torch.isfinite(raw.grad).all())


def test_ordinal_dimensions_output_normalised_log_probabilities_the_others_free_logits() -> None:
    torch.manual_seed(0)
    net = EmpathyNetwork.from_config(TINY, ordinal=("reflection", "interpretation")).eval()
    assert net.ordinal == ("interpretation", "reflection")  # taxonomy order
    ids = torch.randint(5, 100, (3, 12))
    types = torch.zeros_like(ids)
    types[:, 6:] = 1
    with torch.no_grad():
        levels = net(ids, torch.ones_like(ids), types)[0]
    assert levels.shape == (3, N_DIMS, 3) and net.level_head.out_features == 3 * N_DIMS
    sums = levels.exp().sum(-1)
    for d, name in enumerate(RESPONSE_DIMENSIONS):
        if name in ("interpretation", "reflection"):
            np.testing.assert_allclose(sums[:, d].numpy(), 1.0, atol=1e-5)
        else:  # free logits: not log-probabilities
            assert not np.allclose(sums[:, d].numpy(), 1.0, atol=1e-3)
    # Softmax, as inference applies it, gives back an ordinal dimension's probabilities.
    d = RESPONSE_DIMENSIONS.index("interpretation")
    np.testing.assert_allclose(
        levels[:, d].softmax(-1).numpy(), levels[:, d].exp().numpy(), atol=1e-6
    )


def test_an_unknown_ordinal_dimension_is_refused() -> None:
    with pytest.raises(ValueError, match="no response dimension named empathy"):
        EmpathyNetwork.from_config(TINY, ordinal=("empathy",))


def test_only_a_load_report_of_unused_pooler_weights_is_kept_out() -> None:
    import logging

    from carelens.training.network import _only_unused_pooler

    def record(message: str) -> logging.LogRecord:
        return logging.LogRecord("transformers.modeling_utils", 30, "", 0, message, None, None)

    table = (
        "BertModel LOAD REPORT from: /enc\n"
        "Key                 | Status     | Details\n"
        "--------------------+------------+--------\n"
        "{rows}\n\nNotes:\n- UNEXPECTED:\tcan be ignored when loading from different task"
    )
    pooler = "pooler.dense.weight | UNEXPECTED |        \npooler.dense.bias   | UNEXPECTED |  "
    assert not _only_unused_pooler(record(table.format(rows=pooler)))
    # Anything else the report says still shows: a weight missing, another one unused.
    missing = pooler + "\nencoder.layer.0.output.dense.weight | MISSING |"
    assert _only_unused_pooler(record(table.format(rows=missing)))
    assert _only_unused_pooler(record(table.format(rows="cls.predictions.bias | UNEXPECTED |")))
    assert _only_unused_pooler(record("Some other warning"))
