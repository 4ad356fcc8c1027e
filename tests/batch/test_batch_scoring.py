"""The scoring pieces of a batch run that need no Ray: the DataFrame scorer shared with
Spark, the GPU batch-size rule, and the CUDA request on a machine without CUDA."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import carelens
from carelens.batch.scoring import AdaptiveBatch, records_table, score_dataframe
from carelens.errors import InputError, ModelError
from carelens.inference.session import open_session
from scored_pairs import (
    PAIRS,
    score_pairs,
    shipped_analyzer,
    unfinished_batch_output,
    write_manifest,
    write_parts,
)


def test_score_dataframe_gives_the_records_of_analyze() -> None:
    analyzer = shipped_analyzer()
    frame = pd.DataFrame(
        {
            "seeker_id": ["a", "b", "c"],
            "response_id": ["x", "y", "z"],
            "seeker": [s for s, _ in PAIRS],
            "response": [r for _, r in PAIRS],
        }
    )
    scored = score_dataframe(frame, analyzer)
    records = score_pairs(list(zip("abc", "xyz", strict=True)))
    expected = records_table(records, analyzer.dimensions)
    pd.testing.assert_frame_equal(scored, expected.to_pandas())
    assert list(scored["response_id"]) == ["x", "y", "z"]


def test_score_dataframe_needs_the_text_columns() -> None:
    analyzer = shipped_analyzer()
    with pytest.raises(KeyError, match="'response'"):
        score_dataframe(pd.DataFrame({"seeker": ["hi"]}), analyzer)
    renamed = pd.DataFrame({"post": ["I lost my job."], "reply": ["That must be hard."]})
    scored = score_dataframe(renamed, analyzer, seeker="post", response="reply")
    assert list(scored["seeker_id"]) == ["0"] and len(scored) == 1


@pytest.mark.parametrize("missing", [None, float("nan"), pd.NA])
def test_score_dataframe_names_a_missing_text_instead_of_scoring_its_name(
    missing: object,
) -> None:
    # Before, str() made the words "None" / "nan" a text, and they were scored.
    frame = pd.DataFrame(
        {"seeker": ["I lost my job.", missing], "response": ["That is hard.", "I'm sorry."]},
        dtype=object,
    )
    with pytest.raises(InputError, match="row 1 of the DataFrame has no text in column 'seeker'"):
        score_dataframe(frame, shipped_analyzer())


def test_score_dataframe_refuses_a_text_that_is_no_string() -> None:
    frame = pd.DataFrame({"seeker": ["I lost my job."], "response": [42]}, dtype=object)
    with pytest.raises(TypeError, match="row 0 of the DataFrame: column 'response' holds int"):
        score_dataframe(frame, shipped_analyzer())


def test_adaptive_batch_grows_while_faster_and_shrinks_on_memory_errors() -> None:
    batch = AdaptiveBatch(start=4, limit=64)
    batch.observe(4, 4.0)  # 1 s per pair
    assert batch.size == 8
    batch.observe(8, 4.0)  # 0.5 s per pair: better, grow
    assert batch.size == 16
    batch.observe(16, 8.0)  # no better: settle
    assert batch.size == 16
    batch.observe(16, 1.0)
    assert batch.size == 16
    assert batch.shrink() and batch.size == 8
    small = AdaptiveBatch(start=1)
    assert not small.shrink()


def test_cuda_requested_without_cuda_is_a_clear_error() -> None:
    import onnxruntime as ort

    if "CUDAExecutionProvider" in ort.get_available_providers():
        pytest.skip("this machine has CUDA")
    model = Path(carelens.__file__).parent / "models" / "empathy-minilm" / "model.onnx"
    with pytest.raises(ModelError, match="no CUDA provider"):
        open_session(model, device="cuda")
    with pytest.raises(ValueError, match="device"):
        open_session(model, device="tpu")


def test_a_cpu_run_imports_nothing_gpu_related(tmp_path: Path) -> None:
    """The batch scoring path on the CPU never imports torch or a CUDA library."""
    code = (
        "import sys, carelens\n"
        "from carelens.batch.scoring import ShardScorer\n"
        "s = ShardScorer(staged='x', out_dir='y', model=None, threads=1, include_text=True,"
        " redact=False)\n"
        "s.analyzer.analyze('I feel alone.', 'I am here for you.')\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in"
        " ('torch', 'cupy', 'tensorrt', 'pycuda', 'nvidia')]\n"
        "assert not bad, bad\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_summarize_and_report_read_a_finished_batch_folder(tmp_path: Path) -> None:
    from carelens.insights import batch_parts, records_from

    records = score_pairs()
    parts = write_parts(tmp_path, records)
    write_manifest(tmp_path, parts[:1], complete=False)
    with pytest.raises(InputError, match="unfinished"):
        batch_parts(tmp_path)
    write_manifest(tmp_path, parts)

    def no_analyzer() -> carelens.EmpathyAnalyzer:
        raise AssertionError("a batch folder holds results: nothing is analysed")

    got = list(records_from(tmp_path, no_analyzer))
    assert [r["response_id"] for r in got] == ["r0", "r1", "r2"]
    assert got[2]["style"] == records[2]["style"]
    assert batch_parts(tmp_path / parts[0]) is None


def test_counts_and_totals_include_unsafe_replies(tmp_path: Path) -> None:
    from carelens.batch.outputs import part_name, totals
    from carelens.batch.scoring import shard_counts

    def record(unsafe: list[dict[str, object]] | None) -> dict[str, object]:
        out: dict[str, object] = {"empathy": {"level": 0}, "style": "other"}
        if unsafe is not None:
            out["unsafe"] = unsafe
        return out

    words = [{"start": 0, "end": 8, "label": "urging", "score": 1.0, "text": "Just die"}]
    counts = shard_counts([record(words), record([]), record(None)], ["empathy"], 0)
    assert counts["unsafe_replies"] == 1
    older = {k: v for k, v in counts.items() if k != "unsafe_replies"}  # a part scored before
    for shard, part in ((0, counts), (1, {**older, "shard": 1})):
        (tmp_path / f"{part_name(shard)}.json").write_text(json.dumps(part), encoding="utf-8")
    summed = totals(tmp_path, [0, 1], ["empathy"])
    assert summed["unsafe_replies"] == 1 and summed["pairs"] == 6


def test_score_dataframe_keeps_the_helper_time_and_community() -> None:
    """The optional pair columns travel into the result rows as they do from a pair file
    (they were dropped, so rolled-up results had one unknown helper and no months)."""
    analyzer = shipped_analyzer()
    frame = pd.DataFrame(
        {
            "seeker": [s for s, _ in PAIRS[:2]],
            "response": [r for _, r in PAIRS[:2]],
            "author": ["kim", None],
            "seeker_speaker": ["sam", "ana"],
            "timestamp": ["2024-03-01T10:00:00Z", None],
            "thread_id": ["t1", "t2"],
            "community": ["grief", float("nan")],
        }
    )
    scored = score_dataframe(frame, analyzer)

    def column(name: str) -> list[object]:
        return [None if pd.isna(v) else v for v in scored[name]]

    assert column("speaker") == ["kim", None]
    assert column("seeker_speaker") == ["sam", "ana"]
    assert column("timestamp") == ["2024-03-01T10:00:00Z", None]
    assert column("conversation_id") == ["t1", "t2"]
    assert column("community") == ["grief", None]


def test_an_unfinished_batch_folder_says_to_finish_the_run(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from carelens.batch.scoring import shard_counts, write_part
    from carelens.cli.main import app
    from carelens.insights import batch_parts

    out = unfinished_batch_output(tmp_path / "out")
    with pytest.raises(InputError, match="unfinished batch run: run the same `carelens batch`"):
        batch_parts(out)
    result = CliRunner().invoke(app, ["summarize", str(out)], env={"COLUMNS": "200"})
    assert result.exit_code == 1
    assert "unfinished batch run" in result.output and "cannot detect" not in result.output

    # Parts whose plan and manifest are both gone: not a conversation file either.
    parts = tmp_path / "parts"
    parts.mkdir()
    write_part(parts, 0, records_table([], ["empathy"]), shard_counts([], ["empathy"], 0))
    with pytest.raises(InputError, match=r"no manifest\.json"):
        batch_parts(parts)
