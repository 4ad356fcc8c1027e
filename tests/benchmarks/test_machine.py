"""``benchmarks/machine.py``: the CPU line every timing benchmark prints."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]

CPUINFO = """processor\t: 0
vendor_id\t: AuthenticAMD
model name\t: AMD EPYC 9B45
flags\t\t: fpu sse2 avx2 avx512f avx512_vnni avx_vnni
processor\t: 1
model name\t: AMD EPYC 9B45
flags\t\t: fpu sse2 avx2 avx512f avx512_vnni avx_vnni
"""


def load_machine() -> Any:
    spec = importlib.util.spec_from_file_location(
        "bench_machine", ROOT / "benchmarks" / "machine.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cpu_model_and_flags_come_from_the_first_processor() -> None:
    machine = load_machine()
    assert machine.cpu_model(CPUINFO) == "AMD EPYC 9B45"
    assert machine.vector_flags(CPUINFO) == ["avx512_vnni", "avx_vnni", "avx512f", "avx2"]


def test_an_avx2_only_cpu_and_an_empty_text() -> None:
    machine = load_machine()
    assert machine.vector_flags("flags : fpu sse2 avx2 fma\n") == ["avx2"]
    assert machine.cpu_model("") == "" and machine.vector_flags("") == []


def test_the_summary_line_names_cpu_cores_and_flags() -> None:
    machine = load_machine()
    line = machine.summary_line(
        {"cpu": "X", "cpu_count": 2, "vector_flags": [], "platform": "P", "python": "3.11"}
    )
    assert line == "machine: X, 2 CPUs (no AVX2/AVX-512 flags seen), P, Python 3.11"
    described = machine.describe()
    assert described["cpu"] and described["cpu_count"] >= 1
    assert "machine: " in machine.summary_line(described)
