"""``read_results`` given a folder: the output folder of a finished ``carelens batch`` run is
read as ``carelens summarize`` reads it (every part, in order; a repeated pair kept), and any
other folder is an error that says it is a folder and what to pass."""

from __future__ import annotations

from pathlib import Path

import pytest

import carelens
from carelens.errors import InputError
from carelens.output import read_results
from carelens.readers import RejectLog
from carelens.types import Exchange, Turn

pytest.importorskip("pyarrow")

PAIRS = [
    ("I failed my driving test again.", "That sounds so frustrating. How are you feeling?"),
    ("My cat died yesterday.", "I'm so sorry for your loss."),
    ("I can't sleep before exams.", "Well, just stop worrying then."),
]


@pytest.fixture(scope="module")
def analyzer() -> carelens.EmpathyAnalyzer:
    return carelens.load(threads=1)


def write_batch_output(folder: Path, analyzer: carelens.EmpathyAnalyzer) -> list[str]:
    """A finished batch output of two parts (shards 0 and 3) as ``carelens batch`` writes
    them; the third pair repeats the first one's ids (another input pair in a batch run).
    Returns the response ids in order."""
    from carelens.batch.scoring import records_table, score_exchanges, shard_counts, write_part

    ids = [("s0", "r0"), ("s1", "r1"), ("s0", "r0")]
    exchanges = [
        Exchange(Turn(id=sid, text=s), Turn(id=rid, text=r, reply_to=sid))
        for (sid, rid), (s, r) in zip(ids, PAIRS, strict=True)
    ]
    records = score_exchanges(analyzer, exchanges)
    folder.mkdir()
    for shard, chunk in ((0, records[:2]), (3, records[2:])):
        write_part(
            folder,
            shard,
            records_table(chunk, analyzer.dimensions),
            shard_counts(chunk, analyzer.dimensions, shard),
        )
    (folder / "manifest.json").write_text(
        '{"complete": true, "parts": [{"file": "part-00000.parquet"}, '
        '{"file": "part-00003.parquet"}]}',
        encoding="utf-8",
    )
    return [rid for _, rid in ids]


def test_a_batch_output_folder_is_read_as_summarize_reads_it(
    analyzer: carelens.EmpathyAnalyzer, tmp_path: Path
) -> None:
    from carelens.insights import records_from

    out = tmp_path / "out"
    expected_ids = write_batch_output(out, analyzer)

    def no_analyzer() -> carelens.EmpathyAnalyzer:
        raise AssertionError("a batch folder holds results: nothing is analysed")

    got = list(read_results(out))
    assert [r["response_id"] for r in got] == expected_ids  # the repeated pair kept
    assert got == list(records_from(out, no_analyzer))  # as summarize reads it
    with RejectLog(tmp_path / "rejects.jsonl") as rejects:
        assert list(read_results(str(out), rejects=rejects)) == got
    assert rejects.total == 0


def test_an_unfinished_batch_output_folder_says_to_finish_the_run(tmp_path: Path) -> None:
    (tmp_path / "out" / "_work").mkdir(parents=True)
    (tmp_path / "out" / "_work" / "plan.json").write_text("{}", encoding="utf-8")
    with pytest.raises(InputError, match="unfinished batch run: run the same"):
        list(read_results(tmp_path / "out"))


def test_another_folder_is_an_error_that_says_what_to_pass(tmp_path: Path) -> None:
    (tmp_path / "results.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        list(read_results(tmp_path))
    message = str(raised.value)
    assert message.startswith(f"{tmp_path}: this is a folder, not a result file")
    assert "output folder of a finished carelens batch run" in message
    assert "no such file" not in message
    with pytest.raises(InputError, match="no such file; check the path"):
        list(read_results(tmp_path / "missing.jsonl"))
