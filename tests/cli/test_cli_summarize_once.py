"""``carelens summarize --tables`` computes each table once and checks each record once (it
computed communities, helpers and strain signals twice, and checked every record of a
result file twice: as it was read, then as it became a row); and it says what the results of
an older carelens lack instead of counting it as 0."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from typer.testing import Result

import carelens.insights.frames as frames
import carelens.insights.rows as rows
import carelens.output.reading as reading
import carelens.output.result_scan as result_scan
from carelens.taxonomy import RESPONSE_DIMENSIONS

Invoke = Callable[..., Result]

EPITOME = ("emotional_reaction", "interpretation", "exploration")


def _record(i: int, *, old: bool = False) -> dict[str, Any]:
    dims = EPITOME if old else RESPONSE_DIMENSIONS
    out: dict[str, Any] = {
        "seeker_id": f"s{i}",
        "response_id": f"r{i}",
        "conversation_id": "c1",
        "speaker": ("ana", "ben")[i % 2],
        "timestamp": f"2024-0{1 + i % 3}-05T10:00:00Z",
        "community": "grief",
    }
    for d in dims:
        out[d] = {"level": i % 3, "probabilities": [0.2, 0.3, 0.5], "spans": []}
    out["style"] = "empathy"
    if not old:
        out["unsafe"] = []
    out["response_text"] = "That sounds so hard. What happened?"
    return out


def _write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _spy(monkeypatch: pytest.MonkeyPatch, module: Any, name: str, calls: Counter[str]) -> None:
    real = getattr(module, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls[name] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)


def test_each_table_is_computed_once_and_each_record_checked_once(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    results = _write(tmp_path / "results.jsonl", [_record(i) for i in range(9)])
    calls: Counter[str] = Counter()
    _spy(monkeypatch, result_scan, "check_result_record", calls)  # as the file is read
    _spy(monkeypatch, reading, "check_result_record", calls)  # (a Parquet file)
    _spy(monkeypatch, rows, "check_result_record", calls)  # as a record becomes a row
    _spy(monkeypatch, frames, "strain_signals", calls)
    _spy(monkeypatch, frames, "tally_by", calls)
    _spy(monkeypatch, frames, "monthly", calls)
    result = invoke("summarize", results, "--tables", tmp_path / "tables")
    assert result.exit_code == 0, result.output
    # Was 18 checks, 2 strain computations, 4 roll-ups and 6 monthly series.
    assert calls == {
        "check_result_record": 9,
        "strain_signals": 1,
        "tally_by": 2,  # helpers, communities
        "monthly": 2,  # per helper, per community
    }
    helpers = pd.read_csv(tmp_path / "tables" / "helpers.csv")
    assert list(helpers["responses"]) == [5, 4]


def test_older_results_are_said_to_lack_what_they_lack(invoke: Invoke, tmp_path: Path) -> None:
    records = [_record(i, old=True) for i in range(3)] + [_record(5)]
    results = _write(tmp_path / "results.jsonl", records)
    result = invoke("summarize", results, "--tables", tmp_path / "tables")
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "results of an older carelens: 3 responses without sympathy" in said
    assert "or the unsafe-wording check (left out of those figures, not counted as 0)" in said
    # Was "0 have unsafe wording", counting the three unchecked responses.
    assert "0 have unsafe wording (urging self-harm or giving method information) of the 1" in said
    helpers = pd.read_csv(tmp_path / "tables" / "helpers.csv", index_col="helper")
    assert helpers.loc["ben", "mean_sympathy"] == 2  # the one newer response, not (0 + 2) / 2
    ana = helpers.loc["ana"]
    assert pd.isna(ana["mean_sympathy"]) and pd.isna(ana["unsafe_replies"])


def test_no_response_checked_for_unsafe_wording_is_said(invoke: Invoke, tmp_path: Path) -> None:
    results = _write(tmp_path / "results.jsonl", [_record(i, old=True) for i in range(2)])
    result = invoke("summarize", results)
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "unsafe wording (urging self-harm or giving method information) was not checked" in said
