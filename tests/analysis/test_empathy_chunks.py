"""The Python API chunks pairs as ``carelens analyze`` does, so with a batch size above 1
(where a pair's results depend on the pairs batched with it) ``analyze_many`` and
``predict`` give the command's records by default, also for more pairs than one chunk."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from carelens.analysis.empathy import CHUNK_SIZE, EmpathyAnalyzer, chunk_size_for
from carelens.cli.main import app
from carelens.readers import read_exchanges
from carelens.types import ResponseAnalysis


def test_the_chunk_is_256_pairs_or_the_batch_size_when_larger() -> None:
    assert CHUNK_SIZE == 256
    assert [chunk_size_for(b) for b in (1, 8, 256, 300)] == [256, 256, 256, 300]


def epitome_pairs(shared_data: Path, folder: Path, n: int) -> Path:
    """The first ``n`` EPITOME pairs, as an EPITOME CSV."""
    source = shared_data / "epitome-reddit" / "epitome_reddit_public.csv"
    with source.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames is not None
        rows = [row for row, _ in zip(reader, range(n), strict=False)]
        fields = reader.fieldnames
    path = folder / "epitome300.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return path


def same_as_record(result: ResponseAnalysis, record: dict[str, object]) -> bool:
    return (
        all(
            score.level == record[name]["level"]  # type: ignore[index]
            and list(score.probabilities) == record[name]["probabilities"]  # type: ignore[index]
            for name, score in result.dimensions.items()
        )
        and result.style == record["style"]
    )


@pytest.mark.slow  # about 20 s: 300 pairs analysed three times
def test_analyze_many_and_predict_give_the_records_of_analyze_batch_size(
    shared_data: Path, tmp_path: Path
) -> None:
    """300 pairs (a chunk of 256 and one of 44) in batches of 8. Before, analyze_many read
    512 pairs at a time and predict took the whole list as one chunk: 292 of these 300
    results differed from the command's records."""
    source = epitome_pairs(shared_data, tmp_path, 300)
    out = tmp_path / "out.jsonl"
    done = CliRunner().invoke(
        app, ["analyze", str(source), "-o", str(out), "--batch-size", "8", "--threads", "2"]
    )
    assert done.exit_code == 0, done.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    exchanges = list(read_exchanges(source))
    assert len(records) == len(exchanges) > CHUNK_SIZE
    analyzer = EmpathyAnalyzer.load(threads=2, batch_size=8)
    assert analyzer.chunk_size == CHUNK_SIZE
    streamed = list(analyzer.analyze_many(iter(exchanges)))
    differing = [
        e.response.id
        for e, r, rec in zip(exchanges, streamed, records, strict=True)
        if not same_as_record(r, rec)
    ]
    assert differing == []
    assert analyzer.predict(exchanges) == streamed
