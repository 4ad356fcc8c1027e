"""``carelens.training.export``: the int8 graph computes the same on every x86 CPU."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")
onnx = pytest.importorskip("onnx")
pytest.importorskip("onnxruntime")

from onnx import numpy_helper  # noqa: E402

from carelens.training.export import export_onnx, quantize  # noqa: E402
from carelens.training.network import EmpathyNetwork  # noqa: E402
from tiny_encoders import tiny_config  # noqa: E402


def int8_weights(path: Path) -> dict[str, np.ndarray]:
    model = onnx.load(str(path))
    return {
        init.name: numpy_helper.to_array(init)
        for init in model.graph.initializer
        if init.data_type == onnx.TensorProto.INT8
    }


def scales_of(path: Path) -> dict[str, np.ndarray]:
    model = onnx.load(str(path))
    return {
        init.name: numpy_helper.to_array(init)
        for init in model.graph.initializer
        if init.name.endswith("_scale") and init.data_type == onnx.TensorProto.FLOAT
    }


@pytest.fixture(scope="module")
def quantised(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    torch.manual_seed(0)
    net = EmpathyNetwork.from_config(tiny_config("bert", 200, 64))
    folder = tmp_path_factory.mktemp("export")
    fp32, int8 = folder / "fp32.onnx", folder / "model.onnx"
    with warnings.catch_warnings():  # torch's exporter warns about itself, not about us
        warnings.simplefilter("ignore")
        export_onnx(net, fp32)
        quantize(fp32, int8)
    return fp32, int8


def test_weights_are_seven_bit_so_avx2_kernels_cannot_saturate(
    quantised: tuple[Path, Path],
) -> None:
    # AVX2 kernels add pairs of (uint8 activation x int8 weight) products in int16:
    # 2 * 255 * 64 = 32,640 fits, 2 * 255 * 127 = 64,770 does not.
    weights = int8_weights(quantised[1])
    assert weights, "no int8 weight in the quantised graph"
    for name, values in weights.items():
        assert np.abs(values.astype(np.int32)).max() <= 64, name


def test_weights_have_one_scale_per_output_channel(quantised: tuple[Path, Path]) -> None:
    scales = scales_of(quantised[1])
    assert any(s.ndim == 1 and s.size > 1 for s in scales.values())


def test_the_int8_graph_stays_close_to_fp32(quantised: tuple[Path, Path]) -> None:
    import onnxruntime as ort

    rng = np.random.default_rng(0)
    ids = rng.integers(5, 200, (1, 24)).astype(np.int64)
    feeds = {
        "input_ids": ids,
        "attention_mask": np.ones_like(ids),
        "token_type_ids": np.r_[np.zeros(12), np.ones(12)].astype(np.int64)[None],
    }
    fp32, int8 = (ort.InferenceSession(str(p)).run(None, feeds) for p in quantised)
    for exact, approx in zip(fp32, int8, strict=True):
        assert np.abs(exact - approx).max() < 0.1


def test_an_mpnet_network_exports_and_pools_by_segment(tmp_path: Path) -> None:
    """MPNet has no token-type embeddings: the exported graph still takes token_type_ids,
    computes what torch computes, and uses them to pool response and seeker apart."""
    import onnxruntime as ort

    torch.manual_seed(0)
    net = EmpathyNetwork.from_config(tiny_config("mpnet", 200, 66))
    assert not net.uses_token_types
    path = tmp_path / "mpnet.onnx"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        export_onnx(net, path)
    ids = np.random.default_rng(1).integers(5, 200, (1, 20)).astype(np.int64)
    types = np.r_[np.zeros(10), np.ones(10)].astype(np.int64)[None]
    session = ort.InferenceSession(str(path))
    feeds = {"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": types}
    levels = session.run(["level_logits"], feeds)[0]
    with torch.no_grad():
        expected = net(*(torch.from_numpy(feeds[k]) for k in feeds))[0].numpy()
    assert np.abs(levels - expected).max() < 1e-4
    moved = session.run(["level_logits"], feeds | {"token_type_ids": np.roll(types, 4)})[0]
    assert np.abs(moved - levels).max() > 1e-3


def test_only_the_heads_training_taught_are_exported(tmp_path: Path) -> None:
    # A run without annotations teaches EPITOME's three mechanisms alone: the graph outputs
    # their levels and rationales, and no flag or seeker logits from untrained heads. The
    # known-harmless messages of torch's exporter are kept out (no other warning than the
    # exporter's deprecation of itself, which users do not see, escapes where warnings are
    # errors).
    import onnxruntime as ort

    from carelens.training.export import Heads

    torch.manual_seed(0)
    net = EmpathyNetwork.from_config(tiny_config("bert", 200, 64))
    heads = Heads(dimensions=(0, 2), flags=(1,), seeker=False)
    path = tmp_path / "fp32.onnx"
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=DeprecationWarning)
        export_onnx(net, path, heads)
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    assert [o.name for o in session.get_outputs()] == [
        "level_logits",
        "rationale_logits",
        "flag_logits",
    ]
    ids = np.ones((1, 5), dtype=np.int64)
    feeds = {"input_ids": ids, "attention_mask": ids, "token_type_ids": np.zeros_like(ids)}
    level, rationale, flag = session.run(None, feeds)
    net.eval()
    with torch.no_grad():
        full = net(*(torch.from_numpy(feeds[k]) for k in ("input_ids", "attention_mask",
                                                           "token_type_ids")))  # fmt: skip
    assert np.allclose(level, full[0].numpy()[:, [0, 2]], atol=1e-4)
    assert np.allclose(rationale, full[1].numpy()[..., [0, 2]], atol=1e-4)
    assert np.allclose(flag, full[2].numpy()[:, [1]], atol=1e-4)


def test_quantising_keeps_onnx_runtimes_pre_processing_hint_out(
    quantised: tuple[Path, Path], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # It is logged on the root logger at every export, and applies to static quantisation.
    with caplog.at_level("WARNING"):
        quantize(quantised[0], tmp_path / "model.onnx")
    assert "pre-processing" not in caplog.text
    assert (tmp_path / "model.onnx").stat().st_size > 0
