"""``--column-map`` with Reddit or WordPress input is a usage error (exit 2) before any
reading, naming the formats a map applies to: it was an input error (exit 1) raised by the
reader once the run had begun, saying a map applies to "csv and jsonl input only", though it
applies to ConvoKit and Parquet input too."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import typer
from typer.testing import Result

from carelens.cli._inputs import refuse_column_map_for

Invoke = Callable[..., Result]

READERS = Path(__file__).resolve().parents[1] / "data" / "readers"
REDDIT = READERS / "reddit_dump.ndjson"
WXR = READERS / "wordpress_export.xml"
SAID = "a column map applies to csv, jsonl, convokit and parquet input, not"


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(
    ("source", "given", "found"),
    [(REDDIT, ["--format", "reddit"], "reddit"), (REDDIT, [], "reddit"), (WXR, [], "wxr")],
)
def test_analyze_refuses_a_map_for_reddit_or_wxr(
    invoke: Invoke, tmp_path: Path, source: Path, given: list[str], found: str
) -> None:
    out = tmp_path / "out.jsonl"
    result = invoke("analyze", source, *given, "-m", "speaker=author", "-o", out)
    assert result.exit_code == 2, result.output
    said = _words(result.stderr)
    assert "--column-map" in said and f"{source.name}: {SAID} {found}" in said
    assert not out.exists() and not out.with_name("out.jsonl.rejects.jsonl").exists()


def test_batch_refuses_a_map_for_reddit_in_a_folder(invoke: Invoke, tmp_path: Path) -> None:
    """Before any work: no Ray is started and no output folder made."""
    pytest.importorskip("ray", reason="the batch extra (Ray Data) is not installed")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "dump.ndjson").write_bytes(REDDIT.read_bytes())
    out = tmp_path / "out"
    result = invoke("batch", folder, "-o", out, "-m", "text=body")
    assert result.exit_code == 2, result.output
    assert f"dump.ndjson: {SAID} reddit" in _words(result.stderr)
    assert not out.exists()


def test_the_check_leaves_other_inputs_to_their_readers(tmp_path: Path, data: Path) -> None:
    mapping = {"speaker": "helper"}
    refuse_column_map_for([data / "pairs.csv", tmp_path / "missing.jsonl"], None, mapping)
    refuse_column_map_for([REDDIT], None, {})  # no map: nothing to refuse
    refuse_column_map_for([REDDIT], "jsonl", mapping)  # read as jsonl, as asked
    with pytest.raises(typer.BadParameter, match=f"{SAID} wxr"):
        refuse_column_map_for([tmp_path / "missing.xml"], "wxr", mapping)
