"""Shared fixtures for the reader tests: the fixture folder and a rejects-file reader."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).resolve().parents[1] / "data" / "readers"

RejectRows = list[tuple[Any, Any, Any, Any]]


def _reject_rows(path: Path) -> RejectRows:
    rows: RejectRows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        assert set(entry) <= {"path", "line", "field", "reason", "detail"}
        rows.append((Path(entry["path"]).name, entry["line"], entry["field"], entry["reason"]))
    return rows


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def reject_rows() -> Callable[[Path], RejectRows]:
    """Read a rejects file as (file name, line, field, reason) tuples, in order."""
    return _reject_rows
