"""``carelens.inference.cpu``: the CPU line of the benchmarks and of recorded figures."""

from __future__ import annotations

from carelens.inference import cpu

CPUINFO = """processor\t: 0
vendor_id\t: AuthenticAMD
model name\t: AMD EPYC 9B45
flags\t\t: fpu sse2 avx2 avx512f avx512_vnni avx_vnni
processor\t: 1
model name\t: Some Other CPU
flags\t\t: fpu sse2
"""


def test_cpu_model_and_flags_come_from_the_first_processor() -> None:
    assert cpu.cpu_model(CPUINFO) == "AMD EPYC 9B45"
    assert cpu.vector_flags(CPUINFO) == ["avx512_vnni", "avx_vnni", "avx512f", "avx2"]


def test_an_avx2_only_cpu_and_an_empty_text() -> None:
    assert cpu.vector_flags("flags : fpu sse2 avx2 fma\n") == ["avx2"]
    assert cpu.cpu_model("") == "" and cpu.vector_flags("") == []
    assert cpu.cpu_model("model name\n") == ""  # a line without a colon is not a field


def test_the_summary_line_names_cpu_cores_and_flags() -> None:
    line = cpu.summary_line(
        {"cpu": "X", "cpu_count": 2, "vector_flags": [], "platform": "P", "python": "3.11"}
    )
    assert line == "machine: X, 2 CPUs (no AVX2/AVX-512 flags seen), P, Python 3.11"
    here = cpu.describe()
    assert here["cpu"] and isinstance(here["cpu_count"], int) and here["cpu_count"] >= 1
    assert cpu.summary_line(here).startswith("machine: ")


def test_measured_on_names_flags_and_onnxruntime() -> None:
    import onnxruntime

    here = cpu.measured_on()
    assert here["onnxruntime"] == onnxruntime.__version__
    assert isinstance(here["vector_flags"], list)
    assert set(here["vector_flags"]) <= set(cpu.VECTOR_FLAGS)
