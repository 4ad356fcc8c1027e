"""File names in the rejects file: one that is not UTF-8 is written readably, never a crash."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from carelens.readers import RejectLog, read_exchanges
from carelens.readers.rejects import reject_entry, shown_path

#: A Latin-1 file name (``café.csv``), as a file system that is not UTF-8 holds it.
LATIN1_NAME = b"caf\xe9.csv"


def _latin1_file(folder: Path, content: str) -> Path:
    """A file named with the byte ``\\xe9`` (read by Python as the lone surrogate
    ``\\udce9``); skipped where the file system refuses such a name."""
    path = folder / os.fsdecode(LATIN1_NAME)
    try:
        path.write_text(content, encoding="utf-8")
    except (OSError, UnicodeError) as exc:
        pytest.skip(f"this file system refuses a name that is not UTF-8: {exc}")
    return path


def test_a_name_that_is_not_utf8_shows_its_bytes() -> None:
    assert shown_path(os.fsdecode(b"caf\xe9.csv")) == "caf\\xe9.csv"
    assert shown_path(Path(os.fsdecode(b"/data/\xff\xfe/x.csv"))) == "/data/\\xff\\xfe/x.csv"
    assert shown_path("\ud800.csv") == "\\ud800.csv"  # a surrogate no byte stands for
    for name in ("café.csv", "ünï côde.csv", "a\\xe9.csv", "/tmp/x.jsonl"):
        assert shown_path(name) == name  # UTF-8 names (and backslashes) as they are
    assert reject_entry(os.fsdecode(LATIN1_NAME), 3, "seeker", "missing text")["path"] == (
        "caf\\xe9.csv"
    )


def test_a_reject_in_a_file_whose_name_is_not_utf8_is_listed(tmp_path: Path) -> None:
    # Was a UnicodeEncodeError ("surrogates not allowed") at the first reject: the name
    # went into the UTF-8 rejects file as Python reads it.
    source = _latin1_file(
        tmp_path,
        "seeker_id,response_id,seeker,response\n"
        "s1,r1,I feel so alone,That sounds hard. What happened?\n"
        "s2,r2,,empty seeker\n",
    )
    listed = tmp_path / "rejects.jsonl"
    with RejectLog(listed) as log:
        exchanges = list(read_exchanges(source, rejects=log))
    assert [e.response.id for e in exchanges] == ["r1"]
    entries = [json.loads(line) for line in listed.read_text(encoding="utf-8").splitlines()]
    assert entries == [
        {
            "path": str(tmp_path / "caf\\xe9.csv"),
            "line": 3,
            "field": "seeker",
            "reason": "missing text",
        }
    ]
