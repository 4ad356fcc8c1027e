"""Reading the contrast set (:mod:`carelens.taxonomy_evaluation`): JSON the parser cannot
take is a clean InputError naming the line, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from carelens.errors import InputError
from carelens.taxonomy_evaluation import read_contrast_set

CONTRAST_SET = (
    Path(__file__).resolve().parents[1] / "annotations" / "contrast" / "contrast_set.jsonl"
)


def test_a_line_nested_too_deep_is_not_valid_json_naming_its_line(tmp_path: Path) -> None:
    """It was a RecursionError traceback: only ValueError was caught around the parser."""
    lines = CONTRAST_SET.read_text(encoding="utf-8").splitlines(keepends=True)
    assert len(read_contrast_set(CONTRAST_SET)) == len(lines)  # the copy is good but line 4
    path = tmp_path / "contrast.jsonl"
    deep = "[" * 100_000 + "]" * 100_000 + "\n"
    path.write_text("".join([*lines[:3], deep, *lines[3:]]), encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_contrast_set(path)
    assert (info.value.path, info.value.line) == (str(path), 4)
    assert "bad contrast item: not valid JSON (nested too deep to parse)" in str(info.value)
