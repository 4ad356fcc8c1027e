"""Reading the contrast set (:mod:`carelens.taxonomy_evaluation`): JSON the parser cannot
take is a clean InputError naming the line, never a traceback."""

from __future__ import annotations

import json
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


def test_a_contrast_reply_of_invisible_characters_is_refused_naming_file_line_and_field(
    tmp_path: Path,
) -> None:

    responses = {"sympathy": "So sorry.", "empathy": "That hurts.", "compassion": "Call me."}
    good = {"id": "c1", "seeker": "My dog died.", "responses": {**responses, "dismissive": "Meh."}}
    blank = {"id": "c2", "seeker": "Hi.", "responses": {**responses, "dismissive": "\u200b\u200b"}}
    path = tmp_path / "contrast.jsonl"
    path.write_text(json.dumps(good) + "\n" + json.dumps(blank) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_contrast_set(path)
    said = str(info.value)
    assert f"{path}, line 2, field 'responses.dismissive'" in said
    assert "only invisible characters" in said


def test_the_contrast_set_digest_the_cli_records_is_the_shipped_sets() -> None:
    from carelens.cli.evaluate import CONTRAST_SET_SHA256
    from carelens.inference.artifact import sha256_file

    assert sha256_file(CONTRAST_SET) == CONTRAST_SET_SHA256
