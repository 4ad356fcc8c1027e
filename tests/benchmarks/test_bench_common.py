"""``benchmarks/bench_common.py`` and ``benchmarks/local_server.py``: the flag types, the
machine line, unpacking a revision, a failing child, the imported-from check, and a server
that exits before it answers."""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BENCHMARKS = ROOT / "benchmarks"


@pytest.fixture(autouse=True)
def _benchmarks_importable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(BENCHMARKS))


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("positive_int", "3", 3),
        ("non_negative_int", "0", 0),
        ("positive_float", "0.5", 0.5),
        ("non_negative_float", "0", 0.0),
    ],
)
def test_flag_types_take_good_values(name: str, text: str, expected: float) -> None:
    import bench_common

    assert getattr(bench_common, name)(text) == expected


@pytest.mark.parametrize(
    ("name", "text", "said"),
    [
        ("positive_int", "0", "at least 1"),
        ("positive_int", "-1", "at least 1"),
        ("positive_int", "two", "whole number"),
        ("non_negative_int", "-1", "at least 0"),
        ("positive_float", "0", "above 0"),
        ("positive_float", "nan", "finite"),
        ("non_negative_float", "-0.5", "at least 0"),
        ("non_negative_float", "inf", "finite"),
    ],
)
def test_flag_types_refuse_bad_values(name: str, text: str, said: str) -> None:
    import bench_common

    with pytest.raises(argparse.ArgumentTypeError, match=said):
        getattr(bench_common, name)(text)


def test_machine_line_names_the_cpu() -> None:
    import bench_common

    line = bench_common.machine_line()
    assert line.startswith("machine: ") and " CPUs " in line and "Python" in line


def test_a_revision_git_cannot_read_stops_with_gits_message(tmp_path: Path) -> None:
    import bench_common

    with pytest.raises(SystemExit, match="cannot unpack src/ of revision 'no-such-rev'"):
        bench_common.unpack_src("no-such-rev", tmp_path)


def test_a_failing_child_shows_its_error() -> None:
    import bench_common

    command = [sys.executable, "-c", "import sys; sys.exit('the child went wrong')"]
    with pytest.raises(SystemExit) as raised:
        bench_common.run_child(command, {}, "the test child")
    message = str(raised.value.code)
    assert "the child went wrong" in message
    assert message.endswith("the test child failed (exit code 1); its error is above")


def test_a_child_that_imported_other_code_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import bench_common

    given = tmp_path / "src"
    (given / "carelens").mkdir(parents=True)
    bench_common.check_imported_from(given, str(given / "carelens" / "__init__.py"), "a part")
    with pytest.raises(SystemExit) as raised:
        bench_common.check_imported_from(given, str(ROOT / "src/carelens/__init__.py"), "a part")
    assert raised.value.code == 2
    assert "a part was meant to time the carelens in" in capsys.readouterr().err


def test_a_server_that_exits_early_is_reported_at_once() -> None:
    import local_server

    log = local_server.server_log()
    server = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.exit('Error: --threads must be at least 1')"],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    started = time.monotonic()
    with pytest.raises(SystemExit) as raised:
        local_server.wait_healthy(local_server.free_port(), 60.0, server, log)
    log.close()
    assert time.monotonic() - started < 30
    message = str(raised.value.code)
    assert "the server exited with code 1 before it answered /v1/health" in message
    assert "Error: --threads must be at least 1" in message
