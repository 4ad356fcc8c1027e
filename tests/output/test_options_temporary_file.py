"""The options file beside an output is written through a temporary file: one that cannot
be put in place (here a folder in the way; a full disk alike) leaves no temporary file."""

from __future__ import annotations

from pathlib import Path

import pytest

from carelens.output.options import RecordOptions, write_options


def test_an_options_file_that_cannot_be_written_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "o.jsonl.options.json"
    target.mkdir()
    (target / "in the way").write_text("x")
    with pytest.raises(OSError):
        write_options(target, RecordOptions())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o.jsonl.options.json"]
