"""The shared CLI checks of the files a command writes (``carelens.cli._outputs``)."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from carelens.cli import _insights_load, analyze, evaluate
from carelens.cli._outputs import (
    prepare_output_files,
    refuse_unwritable_place,
    refuse_writing_over,
    same_file,
)
from carelens.errors import InputError


def test_every_command_uses_the_shared_checks() -> None:
    # One copy, in the shared helpers: no command imports another command's module for them.
    assert analyze.refuse_writing_over is refuse_writing_over
    assert evaluate.refuse_writing_over is refuse_writing_over
    assert _insights_load.refuse_writing_over is refuse_writing_over  # report, summarize
    assert analyze.prepare_output_files is prepare_output_files
    assert evaluate.prepare_output_files is prepare_output_files
    assert _insights_load.prepare_output_files is prepare_output_files


def test_refuse_writing_over_a_source(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text("x\n", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(source)
    assert same_file(tmp_path / "new" / ".." / "in.csv", source)
    refuse_writing_over([source], [("--output", tmp_path / "out.csv")])
    for path in (source, link, tmp_path / "new" / ".." / "in.csv"):
        with pytest.raises(typer.BadParameter, match="writing it would destroy the input"):
            refuse_writing_over([source], [("--output", path)])


def test_prepare_output_files(tmp_path: Path) -> None:
    out = tmp_path / "a" / "b" / "out.jsonl"
    prepare_output_files([("--output", out)])
    assert out.parent.is_dir() and not out.exists()
    with pytest.raises(InputError, match="--rejects names a folder"):
        prepare_output_files([("--output", tmp_path / "c" / "x.jsonl"), ("--rejects", tmp_path)])
    assert not (tmp_path / "c").exists()  # every path is checked before a folder is made
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="nothing can be written in it"):
        prepare_output_files([("--output", blocker / "sub" / "out.jsonl")])


def test_refuse_unwritable_place_makes_nothing_and_names_the_option(tmp_path: Path) -> None:
    refuse_unwritable_place(tmp_path / "new" / "deeper", option="--output")  # can be made
    assert list(tmp_path.iterdir()) == []
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    for place in (blocker, blocker / "sub", blocker / "sub" / "deeper"):
        with pytest.raises(InputError) as info:
            refuse_unwritable_place(place, option="--tables")
        assert info.value.path == str(blocker)
        assert info.value.reason == (
            "this is a file, so nothing can be written in it; choose another folder for --tables"
        )
    assert list(tmp_path.iterdir()) == [blocker]


def test_prepare_output_files_names_the_folder_option_before_its_files(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    # summarize --tables FILE: its rejects file would go in that folder too, but the folder
    # the command line named is the one told of.
    with pytest.raises(InputError, match="choose another folder for --tables"):
        prepare_output_files([("--rejects", blocker / "rejects.jsonl")], [("--tables", blocker)])
