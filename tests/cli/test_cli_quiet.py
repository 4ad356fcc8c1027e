"""``-q``: a command that writes its results to files prints nothing on stdout; one whose
printed tables are its results (evaluate, summarize, keys list) still prints them; warnings
and errors show either way, and every command's help says which of the two it does."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import typer
from typer.testing import Result

from carelens.cli.main import app
from carelens.inference.artifact import default_model_dir

Invoke = Callable[..., Result]

#: The commands whose printed output is their result.
PRINT_RESULTS = {
    "evaluate",
    "evaluate-contrast",
    "summarize",
    "keys create",
    "keys list",
}


def test_quiet_analyze_to_a_file_prints_no_tables(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    result = invoke("analyze", data / "malformed.jsonl", "-o", out, "-q")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # no Summary, no "Responses per level"
    said = " ".join(result.stderr.split())
    assert "3 records rejected" in said  # the readers' warning still shows
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    loud = invoke("analyze", data / "malformed.jsonl", "-o", tmp_path / "loud.jsonl")
    assert "Summary" in loud.stdout and "Responses per level" in loud.stdout


def test_quiet_analyze_without_output_prints_only_the_responses(invoke: Invoke, data: Path) -> None:
    result = invoke("analyze", data / "pairs.csv", "-q")
    assert result.exit_code == 0, result.output
    assert "Levels per response" in result.stdout  # the results themselves
    assert "Summary" not in result.stdout and "Responses per level" not in result.stdout
    assert result.stderr == ""


def test_quiet_analyze_still_warns_when_nothing_was_analysed(
    invoke: Invoke, tmp_path: Path
) -> None:
    source = tmp_path / "pairs.jsonl"
    source.write_text('{"seeker": "I feel alone", "response": ""}\n', encoding="utf-8")
    result = invoke("analyze", source, "-o", tmp_path / "o.jsonl", "-q")
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    said = " ".join(result.stderr.split())
    assert "Nothing was analysed: the only record was rejected" in said


def test_quiet_evaluate_and_summarize_still_print_their_results(invoke: Invoke, data: Path) -> None:
    evaluated = invoke("evaluate", data / "labeled.csv", "-q")
    assert evaluated.exit_code == 0, evaluated.output
    assert "macro-F1" in evaluated.stdout and "emotional_reaction" in evaluated.stdout
    summarized = invoke("summarize", data / "thread.jsonl", "-q")
    assert summarized.exit_code == 0, summarized.output
    assert "Helpers" in summarized.stdout and "Communities" in summarized.stdout


def test_quiet_report_and_fit_spans_print_nothing(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    html = tmp_path / "r.html"
    reported = invoke("report", data / "thread.jsonl", "-o", html, "-q")
    assert reported.exit_code == 0, reported.output
    assert reported.stdout == "" and html.is_file()
    model = Path(shutil.copytree(default_model_dir(), tmp_path / "model"))
    before = json.loads((model / "manifest.json").read_text(encoding="utf-8"))
    fitted = invoke("fit-spans", model, data / "train.csv", "-q")
    assert fitted.exit_code == 0, fitted.output
    assert fitted.stdout == ""  # no table of ratios
    assert "ratios recorded" not in fitted.stderr  # no notes; warnings only
    assert json.loads((model / "manifest.json").read_text(encoding="utf-8")) != before


def _commands(group: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Every command under a (typer) click group, with its full name."""
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            yield from _commands(command, f"{prefix}{name} ")
        else:
            yield f"{prefix}{name}", command


def test_every_quiet_help_says_what_it_hides() -> None:
    root = typer.main.get_command(app)
    helps = {}
    for name, command in _commands(root):
        for param in command.params:
            if "--quiet" in getattr(param, "opts", ()):
                helps[name] = " ".join(str(getattr(param, "help", "")).split())
    assert {"analyze", "batch", "report", "evaluate", "keys list"} <= set(helps)
    for name, text in helps.items():
        assert "warnings and errors" in text, name
        if name in PRINT_RESULTS:
            assert "still printed" in text or "still listed" in text, name
        elif name in ("analyze", "batch", "train", "fit-spans"):
            assert "no progress bar, notes or summary tables" in text, name
        else:  # report, serve, keys revoke: what each hides, no summary tables
            assert "summary tables" not in text and text.startswith("Hide the"), name
    assert (
        "without -o the levels and feedback of each response are still printed"
        in (helps["analyze"])
    )
