"""The ONNX Runtime session: its graph rewrites keep the shipped model's arithmetic.

ONNX Runtime rewrites the graph when it loads it. Its fusion of each residual Add with the
next LayerNormalization both ran slower and moved the level logits of the int8 model (mean
0.008 on these pairs against the graph run without any rewrite), so the CPU session leaves
it out (``CPU_DISABLED_OPTIMIZERS``); the remaining rewrites keep the logits where the
unrewritten graph puts them.
"""

from __future__ import annotations

import numpy as np
import onnxruntime as ort
import pytest

import carelens
from carelens.inference.session import CPU_DISABLED_OPTIMIZERS, open_session

PAIRS = [
    (
        "I lost my job today and I can't stop crying.",
        "I'm so sorry. That sounds really frightening, losing the job you relied on.",
    ),
    (
        "My sister stopped talking to me after the wedding.",
        "It sounds like you feel shut out by someone you love. What happened at the wedding?",
    ),
    (
        "I relapsed again after six months sober.",
        "I can sit with you while you call your sponsor, if that would help.",
    ),
    ("Nobody at school talks to me.", "Well, maybe try being less weird."),
    (
        "I haven't slept properly in weeks because of the exams.",
        "That must be exhausting. Have you been able to talk to anyone about the pressure?",
    ),
]


def _unrewritten(path: str) -> ort.InferenceSession:
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    return ort.InferenceSession(path, sess_options=options, providers=["CPUExecutionProvider"])


def test_the_cpu_session_leaves_out_the_skip_layer_norm_fusion() -> None:
    assert "SkipLayerNormFusion" in CPU_DISABLED_OPTIMIZERS


def test_the_cpu_session_computes_what_the_graph_says() -> None:
    analyzer = carelens.load()
    path = str(analyzer.artifact.onnx_path)
    batch = analyzer.encoder.encode(PAIRS)
    feeds = batch.feeds()
    (expected,) = _unrewritten(path).run(["level_logits"], feeds)
    (got,) = open_session(path).run(["level_logits"], feeds)
    # With the fusion the mean difference was 0.008 (largest 0.035) on these pairs.
    assert float(np.abs(got - expected).mean()) < 0.003


def test_no_cuda_provider_tells_a_python_caller_what_to_do_too() -> None:
    """``carelens.load(device="cuda")`` has no ``--gpu`` to drop: the error names both ways
    back to the CPU."""
    if "CUDAExecutionProvider" in ort.get_available_providers():
        pytest.skip("this machine has ONNX Runtime's CUDA provider")
    with pytest.raises(carelens.ModelError) as info:
        carelens.load(threads=1, device="cuda")
    assert str(info.value).endswith(
        "install onnxruntime-gpu on a machine with a CUDA device, or run on the CPU "
        "(without --gpu on the command line, device='cpu' in Python)"
    )
