"""The ONNX Runtime session that runs a carelens model (on the CPU unless asked otherwise).

Only the local file is read: no network access is made. The session's operators are
single-threaded; parallelism comes from running several pairs at once on it (``threads``).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from carelens.errors import ModelError
from carelens.inference.artifact import ModelArtifact
from carelens.inference.encoding import EncodedBatch

#: Devices a session can run on.
DEVICES = ("cpu", "cuda")

#: ONNX Runtime graph rewrites left out on the CPU. Fusing each residual Add with the
#: LayerNormalization after it (``SkipLayerNormalization``) made those six operators eight
#: times slower than the unfused pair (0.25 against 0.03 ms each for a 106-piece pair, one
#: thread, ONNX Runtime 1.32) and the whole model 14 % slower (docs/benchmarks.md).
CPU_DISABLED_OPTIMIZERS = ("SkipLayerNormFusion",)


def open_session(path: str | Path, device: str = "cpu", *, threads: int = 1) -> Any:
    """An ONNX Runtime session on ``path`` with ``threads`` threads per operator (one by
    default, see :meth:`OnnxModel.load`); ModelError when ONNX Runtime cannot load the file.

    ``device="cuda"`` runs it with ONNX Runtime's CUDA provider (``onnxruntime-gpu``); on a
    machine without one it is a ModelError, never a silent fall-back to the CPU.
    """
    import onnxruntime as ort

    if device not in DEVICES:
        raise ValueError(f"device must be one of {DEVICES}, got {device!r}")
    providers = ["CPUExecutionProvider"]
    if device == "cuda":
        if "CUDAExecutionProvider" not in ort.get_available_providers():
            raise ModelError(
                "the GPU was requested but ONNX Runtime has no CUDA provider here; install "
                "onnxruntime-gpu on a machine with a CUDA device, or run on the CPU "
                "(without --gpu on the command line, device='cpu' in Python)"
            )
        providers = ["CUDAExecutionProvider", *providers]
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    if threads > 1:
        # Idle operator threads would spin between operators, taking the core from a
        # concurrent call on the single-threaded session.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.log_severity_level = 3
    disabled = list(CPU_DISABLED_OPTIMIZERS) if device == "cpu" else []
    try:
        return ort.InferenceSession(
            str(path), sess_options=options, providers=providers, disabled_optimizers=disabled
        )
    except Exception as exc:  # onnxruntime raises its own untyped errors
        raise ModelError(f"{path}: ONNX Runtime cannot load it ({exc})") from exc


class OnnxModel:
    """Runs the exported network: inputs in, raw level and rationale logits out.

    With an ``idle_session`` (operators on several threads), a call that starts while no
    other call is running uses it, so a lone request finishes sooner; calls that overlap use
    the single-threaded session, each on its own core.
    """

    def __init__(self, session: object, idle_session: object | None = None) -> None:
        self._session = session
        self._idle_session = idle_session
        self._running = 0
        self._count_lock = threading.Lock()

    @classmethod
    def load(
        cls, artifact: ModelArtifact, device: str = "cpu", *, idle_threads: int = 1
    ) -> OnnxModel:
        """Open the model with single-threaded operators.

        Callers get parallelism by running several pairs at once on this one session (its
        ``run`` is thread-safe and releases the GIL): with the small matrices of one pair,
        that scales far better than splitting each operator across threads. ``idle_threads``
        above 1 also opens a session with that many operator threads for calls that run
        alone (an interactive service, where requests often come one at a time).
        """
        path = artifact.onnx_path
        idle = None
        if idle_threads > 1 and device == "cpu":
            idle = open_session(path, device, threads=idle_threads)
        return cls(open_session(path, device), idle)

    @property
    def output_names(self) -> tuple[str, ...]:
        return tuple(o.name for o in self._session.get_outputs())  # type: ignore[attr-defined]

    def run(self, batch: EncodedBatch) -> dict[str, NDArray[np.float32]]:
        """Every output of the model by name.

        ``level_logits [n, dims, 3]`` and ``rationale_logits [n, seq, dims]`` always; models
        with the full taxonomy add ``flag_logits [n, flags]`` and ``seeker_logits [n, 3]``.
        """
        feeds = batch.feeds()
        names = self.output_names
        with self._count_lock:
            alone = self._running == 0
            self._running += 1
        session = self._idle_session if alone and self._idle_session is not None else self._session
        try:
            values = session.run(list(names), feeds)  # type: ignore[attr-defined]
        finally:
            with self._count_lock:
                self._running -= 1
        return {n: np.asarray(v, dtype=np.float32) for n, v in zip(names, values, strict=True)}
