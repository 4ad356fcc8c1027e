"""What a benchmark ran on: CPU model, core count and the instruction sets int8 inference uses.

Timings of the int8 ONNX model depend far more on the CPU's vector instructions than on its
core count (AVX-512 VNNI runs int8 matrix products several times faster than AVX2 alone),
so every benchmark that prints absolute times also prints this line.
"""

from __future__ import annotations

import os
import platform
from pathlib import Path

#: Instruction sets that matter for ONNX Runtime's int8 and fp32 kernels, best first.
INT8_FLAGS = ("amx_int8", "avx512_vnni", "avx_vnni", "avx512f", "avx2")


def cpu_model(cpuinfo: str) -> str:
    """The ``model name`` of the first processor in a ``/proc/cpuinfo`` text ("" if none)."""
    for line in cpuinfo.splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "model name":
            return value.strip()
    return ""


def vector_flags(cpuinfo: str) -> list[str]:
    """Which of :data:`INT8_FLAGS` the first processor in a ``/proc/cpuinfo`` text has."""
    for line in cpuinfo.splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "flags":
            present = set(value.split())
            return [f for f in INT8_FLAGS if f in present]
    return []


def describe() -> dict[str, object]:
    """This machine: platform, CPU model, core count, Python, and the vector flags."""
    try:
        info = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        info = ""
    return {
        "platform": platform.platform(),
        "cpu": cpu_model(info) or platform.processor() or platform.machine(),
        "vector_flags": vector_flags(info),
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
    }


def summary_line(machine: dict[str, object]) -> str:
    """One line for a benchmark's output, e.g. ``machine: AMD EPYC, 2 CPUs (avx512_vnni, ...)``."""
    flags = machine.get("vector_flags") or []
    assert isinstance(flags, list)
    return (
        f"machine: {machine['cpu']}, {machine['cpu_count']} CPUs "
        f"({', '.join(flags) if flags else 'no AVX2/AVX-512 flags seen'}), "
        f"{machine['platform']}, Python {machine['python']}"
    )
