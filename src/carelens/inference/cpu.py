"""The CPU inference runs on: its model name and the vector instruction sets int8 uses.

The int8 models run several times faster with AVX-512 VNNI than with AVX2 alone, and ONNX
Runtime's float kernels differ in summation order between the two, so a figure measured on
one kind of CPU can differ in its last decimals on another. Benchmarks print this, and
``carelens evaluate --record`` stores it beside the figures it writes.
"""

from __future__ import annotations

import os
import platform
from pathlib import Path

#: Instruction sets that decide which of ONNX Runtime's x86 kernels run, best first.
VECTOR_FLAGS = ("amx_int8", "avx512_vnni", "avx_vnni", "avx512f", "avx2")

_CPUINFO = Path("/proc/cpuinfo")


def _first_value(cpuinfo: str, key: str) -> str | None:
    for line in cpuinfo.splitlines():
        name, sep, value = line.partition(":")
        if sep and name.strip() == key:
            return value.strip()
    return None


def cpu_model(cpuinfo: str) -> str:
    """The ``model name`` of the first processor in a ``/proc/cpuinfo`` text ("" if none)."""
    return _first_value(cpuinfo, "model name") or ""


def vector_flags(cpuinfo: str) -> list[str]:
    """Which of :data:`VECTOR_FLAGS` the first processor in a ``/proc/cpuinfo`` text has."""
    present = set((_first_value(cpuinfo, "flags") or "").split())
    return [flag for flag in VECTOR_FLAGS if flag in present]


def _read_cpuinfo() -> str:
    try:
        return _CPUINFO.read_text(encoding="utf-8", errors="replace")
    except OSError:  # not Linux
        return ""


def describe() -> dict[str, object]:
    """This machine: CPU model, vector flags, core count, platform and Python version."""
    info = _read_cpuinfo()
    return {
        "cpu": cpu_model(info) or platform.processor() or platform.machine(),
        "vector_flags": vector_flags(info),
        "cpu_count": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
    }


def measured_on() -> dict[str, object]:
    """What a recorded evaluation depends on besides the model: the CPU's vector flags and
    the ONNX Runtime version (stored with ``--record``)."""
    import onnxruntime

    machine = describe()
    return {
        "cpu": machine["cpu"],
        "vector_flags": machine["vector_flags"],
        "onnxruntime": onnxruntime.__version__,
    }


def summary_line(machine: dict[str, object]) -> str:
    """One line for a benchmark's output, e.g. ``machine: AMD EPYC, 2 CPUs (avx2), ...``."""
    flags = machine.get("vector_flags") or []
    assert isinstance(flags, list)
    return (
        f"machine: {machine['cpu']}, {machine['cpu_count']} CPUs "
        f"({', '.join(flags) if flags else 'no AVX2/AVX-512 flags seen'}), "
        f"{machine['platform']}, Python {machine['python']}"
    )
