"""carelens: tell sympathy from empathy from compassion in supportive conversations.

Everything runs offline. ONNX Runtime's own usage telemetry (a record of each process kept
under ``~/.cache/Microsoft`` and sent to its makers when it can be) is turned off when
carelens is imported, before ONNX Runtime is (``ORT_DISABLE_TELEMETRY=1``, unless the
environment already sets it). The quickest start::

    import carelens
    analyzer = carelens.load()
    result = analyzer.analyze("I failed my exam again.", "That sounds exhausting. What happened?")
    result["exploration"].level

Importing the package is quick: :class:`EmpathyAnalyzer` (and with it every analysis
module and its compiled patterns) and :func:`read_exchanges` (the readers) are imported on
first use, ``carelens.EmpathyAnalyzer`` or ``from carelens import EmpathyAnalyzer`` alike
(a module ``__getattr__``), so ``import carelens.types`` or ``carelens --help`` pays for
neither.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

# Before any module of carelens imports ONNX Runtime, which reads it once, at import.
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")

from carelens._version import __version__
from carelens.errors import (
    CarelensError,
    ChecksumError,
    ConfigError,
    InputError,
    MissingExtraError,
    ModelError,
    PairTypeError,
)
from carelens.types import DimensionScore, Exchange, ResponseAnalysis, Span, Turn

if TYPE_CHECKING:
    from carelens.analysis.empathy import EmpathyAnalyzer
    from carelens.readers import read_exchanges

__all__ = [
    "CarelensError",
    "ChecksumError",
    "ConfigError",
    "DimensionScore",
    "EmpathyAnalyzer",
    "Exchange",
    "InputError",
    "MissingExtraError",
    "ModelError",
    "PairTypeError",
    "ResponseAnalysis",
    "Span",
    "Turn",
    "__version__",
    "load",
    "read_exchanges",
]

#: The public names imported on first use, and the module each one comes from.
_LAZY = {
    "EmpathyAnalyzer": "carelens.analysis.empathy",
    "read_exchanges": "carelens.readers",
}


def __getattr__(name: str) -> Any:
    """``carelens.EmpathyAnalyzer`` and ``carelens.read_exchanges``, imported on first use
    and kept in the module's namespace, so the next use is a plain attribute."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The module's names with the ones imported on first use, as if they were here."""
    return sorted(set(globals()) | set(__all__))


def load(
    path: str | Path | None = None,
    *,
    threads: int | None = None,
    batch_size: int = 1,
    device: str = "cpu",
    idle_threads: int = 1,
) -> EmpathyAnalyzer:
    """Load the shipped model (or the model folder at ``path``), verifying its checksums.

    ``threads`` is how many pairs are analysed at once (default: the number of CPUs);
    ``device="cuda"`` runs the model on ONNX Runtime's CUDA provider (``onnxruntime-gpu``; a
    ModelError where there is none); ``idle_threads`` > 1 lets a pair analysed while nothing
    else runs use that many CPU threads (quicker single requests in a service). Counts are
    whole numbers (NumPy's integers too, never a bool). The analyzer is a context manager
    (``with carelens.load() as analyzer:``) whose worker threads end with the block
    (:meth:`~carelens.analysis.empathy.EmpathyAnalyzer.close`); see
    :meth:`~carelens.analysis.empathy.EmpathyAnalyzer.load`.
    """
    from carelens.analysis.empathy import EmpathyAnalyzer

    return EmpathyAnalyzer.load(
        path, threads=threads, batch_size=batch_size, device=device, idle_threads=idle_threads
    )
