"""``carelens batch`` whose inputs give no pair says why, as ``analyze`` says it of its one
file (:func:`carelens.cli.batch.no_pairs_in`): it once said only "the inputs hold no message
and reply to it"."""

from __future__ import annotations

import json
from pathlib import Path

from carelens.cli.batch import EXPLAINED_FILES, no_pairs_in
from carelens.readers import REPLIES_NEEDED

OPENING = {"id": "a", "speaker": "x", "text": "I lost my job."}


def _write(path: Path, *records: dict[str, str]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_one_input_is_named_with_why_and_what_to_give(tmp_path: Path) -> None:
    source = _write(tmp_path / "irt.jsonl", OPENING, {**OPENING, "id": "b", "inReplyTo": "a"})
    said = no_pairs_in([source], input_format=None, column_map={}, skipped={})
    assert said.startswith(f"{source}: no message in the file answers another (its 2 messages")
    assert "its field 'inReplyTo' may name the message each answers" in said
    assert "(reply_to=inReplyTo)" in said and said.endswith(REPLIES_NEEDED)


def test_of_several_inputs_the_one_with_a_field_to_map_is_named(tmp_path: Path) -> None:
    plain = _write(tmp_path / "a.jsonl", OPENING)
    mapped = _write(tmp_path / "b.jsonl", OPENING, {**OPENING, "id": "b", "parentId": "a"})
    said = no_pairs_in([plain, mapped], input_format=None, column_map={}, skipped={})
    assert said.startswith(
        f"none of the 2 input files holds a message and a reply to it; {mapped}: no message"
    )
    assert "(reply_to=parentId)" in said
    many = [_write(tmp_path / f"{n}.jsonl", OPENING) for n in range(EXPLAINED_FILES)]
    said = no_pairs_in([*many, mapped], input_format=None, column_map={}, skipped={})
    assert f"{many[0]}: no message in the file answers another (its one message opens" in said


def test_skipped_replies_are_said_of_every_input(tmp_path: Path) -> None:
    source = _write(tmp_path / "a.jsonl", OPENING)
    skipped = {"replies to deleted posts": 4}
    said = no_pairs_in([source], input_format=None, column_map={}, skipped=skipped)
    assert said == (
        "no message and reply to it is left once the items carelens skips are left out (4 "
        "replies to deleted posts); give a file with replies to messages that are still there"
    )
