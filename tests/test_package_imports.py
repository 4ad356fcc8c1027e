"""``import carelens`` is quick: the analyzer and the readers are imported on first use.

Each check runs in a fresh interpreter, where nothing of carelens is imported yet (this test
process has imported most of it already).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import carelens

#: Modules that ``import carelens`` (or ``import carelens.types``) must leave for later: the
#: analysis with its compiled patterns, the model's runtime, the readers (which bring the
#: redaction patterns) and numpy.
HEAVY = (
    "carelens.analysis.empathy",
    "carelens.analysis.crisis",
    "carelens.analysis.crisis_tellings",
    "carelens.readers",
    "carelens.privacy",
    "onnxruntime",
    "numpy",
)


def _fresh(code: str, env: dict[str, str] | None = None) -> str:
    """What ``code`` prints in a fresh interpreter (the test fails with its error output)."""
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env={**os.environ, **(env or {})},
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("statement", ["import carelens", "import carelens.types"])
def test_importing_the_package_leaves_the_analysis_for_later(statement: str) -> None:
    imported = json.loads(
        _fresh(f"{statement}; import json, sys; print(json.dumps(list(sys.modules)))")
    )
    assert [name for name in HEAVY if name in imported] == []


def test_every_public_name_is_there_on_first_use() -> None:
    code = (
        "import json, carelens\n"
        "from carelens import EmpathyAnalyzer, read_exchanges\n"
        "from carelens.analysis.empathy import EmpathyAnalyzer as analyzer_class\n"
        "from carelens.readers import read_exchanges as reader\n"
        "assert EmpathyAnalyzer is analyzer_class and carelens.EmpathyAnalyzer is analyzer_class\n"
        "assert read_exchanges is reader and carelens.read_exchanges is reader\n"
        "assert all(getattr(carelens, name) is not None for name in carelens.__all__)\n"
        "scope = {}\n"
        "exec('from carelens import *', scope)\n"
        "print(json.dumps(sorted(k for k in scope if k != '__builtins__')))\n"
    )
    assert json.loads(_fresh(code)) == sorted(carelens.__all__)


def test_load_and_read_exchanges_work_in_a_fresh_process(repo_root: Path) -> None:
    code = (
        "import sys, carelens\n"
        "analyzer = carelens.load(threads=1)\n"
        "assert isinstance(analyzer, carelens.EmpathyAnalyzer)\n"
        "result = analyzer.analyze('I failed my exam again.', 'That sounds hard. What happened?')\n"
        "assert result['exploration'].level in (0, 1, 2)\n"
        "analyzer.close()\n"
        "print(len(list(carelens.read_exchanges(sys.argv[1]))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(repo_root / "examples" / "chat.jsonl")],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "17"


def test_telemetry_is_off_before_onnx_runtime_is_imported() -> None:
    code = (
        "import os, sys, carelens\n"
        "assert 'onnxruntime' not in sys.modules\n"
        "assert os.environ['ORT_DISABLE_TELEMETRY'] == '1'\n"
        "carelens.EmpathyAnalyzer\n"
        "print(os.environ['ORT_DISABLE_TELEMETRY'])\n"
    )
    environ = {k: v for k, v in os.environ.items() if k != "ORT_DISABLE_TELEMETRY"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, env=environ
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1"


def test_dir_lists_the_names_imported_on_first_use() -> None:
    listed = json.loads(_fresh("import carelens, json; print(json.dumps(dir(carelens)))"))
    assert set(carelens.__all__) <= set(listed)
    assert listed == sorted(listed)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="module 'carelens' has no attribute 'analyse'"):
        carelens.analyse  # noqa: B018
    assert not hasattr(carelens, "no_such_name")
