"""carelens: tell sympathy from empathy from compassion in supportive conversations.

Everything runs offline. ONNX Runtime's own usage telemetry (a record of each process kept
under ``~/.cache/Microsoft`` and sent to its makers when it can be) is turned off when
carelens is imported, before ONNX Runtime is (``ORT_DISABLE_TELEMETRY=1``, unless the
environment already sets it). The quickest start::

    import carelens
    analyzer = carelens.load()
    result = analyzer.analyze("I failed my exam again.", "That sounds exhausting. What happened?")
    result["exploration"].level
"""

from __future__ import annotations

import os
from pathlib import Path

# Before any module of carelens imports ONNX Runtime, which reads it once, at import.
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")

from carelens._version import __version__
from carelens.analysis.empathy import EmpathyAnalyzer
from carelens.errors import (
    CarelensError,
    ChecksumError,
    ConfigError,
    InputError,
    MissingExtraError,
    ModelError,
)
from carelens.readers import read_exchanges
from carelens.types import DimensionScore, Exchange, ResponseAnalysis, Span, Turn

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
    "ResponseAnalysis",
    "Span",
    "Turn",
    "__version__",
    "load",
    "read_exchanges",
]


def load(
    path: str | Path | None = None,
    *,
    threads: int | None = None,
    batch_size: int = 1,
    idle_threads: int = 1,
) -> EmpathyAnalyzer:
    """Load the shipped model (or the model folder at ``path``), verifying its checksums.

    ``threads`` is how many pairs are analysed at once (default: the number of CPUs);
    ``idle_threads`` > 1 lets a pair analysed while nothing else runs use that many CPU
    threads (quicker single requests in a service).
    """
    return EmpathyAnalyzer.load(
        path, threads=threads, batch_size=batch_size, idle_threads=idle_threads
    )
