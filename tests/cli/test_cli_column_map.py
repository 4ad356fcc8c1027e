"""``--column-map``: a field no layout reads is a usage error, a column the file lacks an
error naming both; before, both were ignored and the run went on without the column."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import typer
from typer.testing import Result

from carelens.cli._inputs import parse_column_map
from carelens.output import read_results
from carelens.readers.layouts import MAPPABLE_FIELDS

Invoke = Callable[..., Result]

PAIRS = "seeker_id,response_id,seeker,response,helper\ns1,r1,I feel sad,I am here,vol-a\n"


def test_parse_column_map_refuses_an_unknown_field() -> None:
    assert parse_column_map(["speaker = helper", "seeker=q"]) == {
        "speaker": "helper",
        "seeker": "q",
    }
    with pytest.raises(typer.BadParameter, match="unknown field 'speker'") as info:
        parse_column_map(["speker=helper"])
    assert "did you mean 'speaker'?" in str(info.value)
    assert all(name in str(info.value) for name in MAPPABLE_FIELDS)


def test_analyze_with_a_misspelt_field_is_a_usage_error(invoke: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "cm.csv"
    source.write_text(PAIRS, encoding="utf-8")
    out = tmp_path / "cm.jsonl"
    result = invoke("analyze", source, "--threads", "1", "-o", out, "-m", "speker=helper")
    assert result.exit_code == 2, result.output + result.stderr
    assert "--column-map" in result.stderr and "'speker'" in result.stderr
    assert "speaker" in result.stderr and "conversation_id" in result.stderr
    assert not out.exists()


def test_analyze_with_a_misspelt_column_names_file_field_and_columns(
    invoke: Invoke, tmp_path: Path
) -> None:
    source = tmp_path / "cm.csv"
    source.write_text(PAIRS, encoding="utf-8")
    out = tmp_path / "cm.jsonl"
    result = invoke("analyze", source, "--threads", "1", "-o", out, "-m", "speaker=helpr")
    assert result.exit_code == 1, result.output + result.stderr
    message = " ".join(result.stderr.split())
    assert "cm.csv" in message and "'speaker'" in message and "'helpr'" in message
    assert "'seeker_id', 'response_id', 'seeker', 'response', 'helper'" in message
    assert not out.exists()
    good = invoke("analyze", source, "--threads", "1", "-o", out, "-m", "speaker=helper")
    assert good.exit_code == 0, good.output + good.stderr
    assert [r["speaker"] for r in read_results(out)] == ["vol-a"]


def test_analyze_warns_of_a_mapped_key_no_json_record_has(invoke: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "cm.jsonl"
    record = {"seeker_id": "s1", "response_id": "r1", "seeker": "I feel sad.", "response": "Hi."}
    source.write_text(json.dumps({**record, "helper": "vol-a"}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = invoke("analyze", source, "--threads", "1", "-o", out, "-m", "speaker=helpr")
    assert result.exit_code == 0, result.output + result.stderr
    message = " ".join(result.stderr.split())
    assert message.count("no record has a key the column map reads a field from: 'helpr'") == 1
