"""``carelens --help``, ``--version`` and every command's ``--help`` start quickly: they import
neither the analysis (its compiled patterns), the model's runtime, the readers nor the
insights, which the command modules import where a run needs them.

Each start runs in a fresh interpreter, as the console script runs it, and lists the modules
it imported.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import carelens.cli.analyze
import carelens.cli.evaluate
import carelens.cli.insights
import carelens.evaluation
import carelens.insights
import carelens.insights.anonymize
import carelens.output

#: Modules no help or version line needs.
HEAVY = (
    "carelens.analysis.empathy",
    "carelens.analysis.crisis",
    "carelens.analysis.crisis_tellings",
    "carelens.analysis.feedback",
    "carelens.readers",
    "carelens.privacy",
    "carelens.output",
    "carelens.insights",
    "carelens.evaluation",
    "onnxruntime",
    "pandas",
)

#: The console script's own code, then the modules imported written to the file named first.
_RUN = (
    "import json, sys\n"
    "listing = sys.argv.pop(1)\n"
    "from carelens.cli.main import app\n"
    "try:\n"
    "    app()\n"
    "finally:\n"
    "    open(listing, 'w').write(json.dumps(list(sys.modules)))\n"
)

COMMANDS = [
    "analyze",
    "batch",
    "report",
    "summarize",
    "evaluate",
    "evaluate-contrast",
    "train",
    "fit-spans",
    "serve",
    "keys",
]


@pytest.mark.parametrize(
    "args",
    [["--help"], ["--version"], *([command, "--help"] for command in COMMANDS)],
    ids=lambda args: " ".join(args),
)
def test_help_and_version_import_nothing_heavy(args: list[str], tmp_path: Path) -> None:
    listing = tmp_path / "modules.json"
    done = subprocess.run(
        [sys.executable, "-c", _RUN, str(listing), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("carelens ") or "Usage:" in done.stdout
    imported = json.loads(listing.read_text(encoding="utf-8"))
    assert [name for name in HEAVY if name in imported] == []


def test_the_insights_class_is_there_on_first_use() -> None:
    assert carelens.cli.insights.Insights is carelens.insights.Insights
    with pytest.raises(AttributeError, match="has no attribute 'Nothing'"):
        carelens.cli.insights.Nothing  # noqa: B018


def test_the_anonymize_help_names_the_key_variable_the_insights_read() -> None:
    assert carelens.cli.insights.KEY_ENV == carelens.insights.anonymize.KEY_ENV


@pytest.mark.parametrize(
    ("forwarder", "real"),
    [
        (carelens.cli.analyze.analyze_file, carelens.output.analyze_file),
        (carelens.cli.evaluate.evaluate, carelens.evaluation.evaluate),
    ],
)
def test_the_forwarders_call_the_real_functions(forwarder: Any, real: Any) -> None:
    # A test replaces the module's name (the command calls it there); it hands its arguments
    # on unchanged, so the real function's own error comes back.
    assert forwarder is not real
    with pytest.raises(TypeError, match=rf"{real.__name__}\(\) missing"):
        forwarder()
