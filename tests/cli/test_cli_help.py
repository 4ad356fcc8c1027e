"""Every command's help: asked for with ``-h`` as with ``--help``, and a flag shown without a
type beside it (typer's rich help gives every option one, ``--overwrite  <bool>``, which
reads as if the flag took a value)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner, Result

from carelens.cli.main import app


def _run(*args: str | Path) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": "200"})


def _paths() -> list[list[str]]:
    """The app itself, and every command and group under it (``keys`` and its commands)."""
    root: Any = typer.main.get_command(app)
    found: list[list[str]] = [[]]
    for name, command in root.commands.items():
        found.append([name])
        found += [[name, sub] for sub in getattr(command, "commands", {})]
    return found


PATHS = _paths()


def _ids(path: list[str]) -> str:
    return "-".join(path) or "carelens"


def _option_row(help_text: str, option: str) -> str:
    """The line of ``help_text`` that begins with ``option`` (after the panel's border, or
    its short name in click's plain layout: ``-h, --help``)."""
    for line in help_text.splitlines():
        if re.match(rf"[│\s]*(?:-\w, )?{re.escape(option)}\b", line):
            return line
    raise AssertionError(f"{option} not in the help:\n{help_text}")


def test_every_command_and_group_is_walked() -> None:
    assert ["analyze"] in PATHS and ["train"] in PATHS and ["keys", "create"] in PATHS


@pytest.mark.parametrize("path", PATHS, ids=_ids)
def test_h_shows_the_same_help_as_help(path: list[str]) -> None:
    long, short = _run(*path, "--help"), _run(*path, "-h")
    assert long.exit_code == short.exit_code == 0, short.output
    assert short.stdout == long.stdout and "Usage: carelens" in short.stdout
    assert "-h" in _option_row(short.stdout, "--help")


@pytest.mark.parametrize("path", PATHS, ids=_ids)
def test_no_flag_shows_a_type(path: list[str]) -> None:
    shown = _run(*path, "--help").stdout
    assert "<bool>" not in shown, shown


@pytest.mark.parametrize(
    ("path", "flag", "valued"),
    [
        (["analyze"], "--overwrite", "--output"),
        (["analyze"], "--verbose", "--rejects"),
        (["summarize"], "--anonymize", "--tables"),
        (["report"], "--quiet", "--output"),
        (["batch"], "--gpu", "--workers"),
        (["serve"], "--require-key", "--port"),
        (["keys", "list"], "--quiet", "--data-dir"),
        ([], "--version", None),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_a_flag_row_has_no_type_and_an_option_with_a_value_keeps_its_own(
    path: list[str], flag: str, valued: str | None
) -> None:
    shown = _run(*path, "--help").stdout
    assert "<" not in _option_row(shown, flag)
    assert "<" not in _option_row(shown, "--help")
    if valued is not None:
        assert re.search(r"<\w+", _option_row(shown, valued))


@pytest.mark.parametrize("path", PATHS, ids=_ids)
def test_no_option_shows_the_list_a_command_receives(path: list[str]) -> None:
    shown = _run(*path, "--help").stdout
    assert "<list[" not in shown and "list[" not in shown, shown


@pytest.mark.parametrize(
    ("path", "option", "typed"),
    [
        (["analyze"], "--column-map", "<str>"),
        (["analyze"], "--helper", "<str>"),
        (["batch"], "--helper", "<str>"),
        (["batch"], "inputs...", "<path>"),
        (["summarize"], "--helper", "<str>"),
        (["report"], "--helper", "<str>"),
        (["train"], "--written", "<path>"),
        (["train"], "--soup-with", "<path>"),
    ],
    ids=lambda v: v if isinstance(v, str) and not v.startswith("<") else None,
)
def test_a_repeatable_option_shows_what_one_use_takes(
    path: list[str], option: str, typed: str
) -> None:
    # typer showed the list the command receives: --helper <list[str]>, inputs...
    # <list[Path]>, train's --written <list[Path]> in its plain layout. Its help says it
    # may be repeated.
    shown = _run(*path, "--help").stdout
    row = re.search(rf"^[│\s*]*{re.escape(option)}\s+(?:-\w\s+)?(<[^>]*>)", shown, re.M)
    assert row is not None and row.group(1) == typed, shown


def test_train_help_in_the_plain_layout_takes_h_too() -> None:
    result = _run("train", "-h")
    assert result.exit_code == 0, result.output
    assert "-h, --help" in result.stdout and "--overwrite " in result.stdout
    assert "<bool>" not in result.stdout


def test_h_after_arguments_and_a_wrong_option_still_say_how_to_get_help(tmp_path: Path) -> None:
    # -h wins over a missing input as --help does; a usage error still names --help.
    assert _run("analyze", tmp_path / "absent.csv", "-h").exit_code == 0
    wrong = _run("analyze", "--no-such-option")
    assert wrong.exit_code == 2
    assert "Try 'carelens analyze --help' for help." in wrong.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes and exit codes")
@pytest.mark.parametrize(
    "args",
    [["--help"], ["analyze", "-h"], ["train", "-h"], ["keys", "--help"], ["--version"], []],
    ids=_ids,
)
def test_help_and_version_into_a_closed_pipe_end_with_141(args: list[str]) -> None:
    # Were exit code 1 (`carelens --help | head -2`): click and rich end so on a broken pipe.
    process = subprocess.Popen(
        [sys.executable, "-m", "carelens", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # as `| head` does, before anything is written
    with process.stderr:
        err = process.stderr.read().decode()
    process.wait(timeout=120)
    assert process.returncode == 141, err
    assert err == ""
