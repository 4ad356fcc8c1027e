"""The batch plan: a column map is checked against each input's header when the plan is
made, so a misspelt column stops the run before any worker starts."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from carelens.batch.inputs import expand_inputs
from carelens.batch.plan import BatchPlan, make_plan
from carelens.errors import InputError


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_mapped_column_an_input_lacks_is_refused_with_the_plan(tmp_path: Path) -> None:
    """A worker raised it mid-run, as a Ray task failure around the reader's message."""
    named = write(
        tmp_path / "a.csv", "seeker_id,response_id,seeker,response,helper\ns1,r1,Sad,Here,vol-a\n"
    )
    plain = write(tmp_path / "b.csv", "seeker_id,response_id,seeker,response\ns2,r2,Low,Hi\n")
    assert len(make_plan([named], model_id="m", column_map={"speaker": "helper"}).inputs) == 1
    with pytest.raises(InputError, match="'helper', which the header does not have") as caught:
        make_plan([named, plain], model_id="m", column_map={"speaker": "helper"})
    assert caught.value.path is not None and caught.value.path.endswith("b.csv")
    assert caught.value.line == 1


def test_inputs_without_a_header_are_not_read_for_the_plan(tmp_path: Path) -> None:
    lines = write(tmp_path / "t.jsonl", '{"seeker": "Sad", "response": "Here", "who": "a"}\n')
    plan = make_plan([lines], model_id="m", column_map={"speaker": "who"})
    assert [i.format for i in plan.inputs] == ["jsonl"]


def test_another_build_of_the_model_is_another_run(tmp_path: Path) -> None:
    """Plans compared the model id alone, which every trained model shares."""
    lines = write(tmp_path / "t.jsonl", '{"seeker": "Sad", "response": "Here"}\n')
    one = make_plan([lines], model_id="m", model_fingerprint="aaaa")
    assert one.differences(make_plan([lines], model_id="m", model_fingerprint="aaaa")) == []
    other = make_plan([lines], model_id="m", model_fingerprint="bbbb")
    assert one.differences(other) == ["--model (another build of m: aaaa and bbbb)"]
    # Not a difference: a plan without a build is refused by BatchPlan.unknown_build.
    older = BatchPlan.from_dict({**one.to_dict(), "model_fingerprint": None})
    assert older.model_fingerprint is None and older.differences(one) == []
    del_key = one.to_dict()
    del del_key["model_fingerprint"]  # a plan written before the fingerprint was
    assert BatchPlan.from_dict(del_key).differences(other) == []


def test_an_input_that_cannot_be_decoded_is_refused_with_the_plan(tmp_path: Path) -> None:
    """A gzip file named ``.csv`` beside good files: refused as `carelens analyze` refuses
    it, before any work (a stage-1 task raised it, as a Ray traceback, leaving a plan)."""
    import gzip

    folder = tmp_path / "in"
    folder.mkdir()
    write(folder / "a.csv", "seeker_id,response_id,seeker,response\ns1,r1,Low,Here\n")
    (folder / "gz.csv").write_bytes(gzip.compress(b"seeker_id,response_id,seeker,response\n"))
    with pytest.raises(InputError, match="not valid UTF-8") as caught:
        make_plan([folder], model_id="m")
    assert caught.value.path is not None and caught.value.path.endswith("gz.csv")


def test_a_file_of_bad_lines_is_checked_at_its_first_reject(tmp_path: Path) -> None:
    """Reading an input's start for the plan stops at its first reject: lines that are all
    bad are rejected by stage 1, as `analyze` rejects them, not refused here."""
    bad = write(tmp_path / "t.jsonl", "{broken\n" * 1000)
    assert [i.format for i in make_plan([bad], model_id="m", format="jsonl").inputs] == ["jsonl"]


def _batch_output(folder: Path, *, manifest: bool) -> Path:
    """What a batch run leaves in ``folder``: parts, their counts, rejects, and a manifest
    (a finished run) or its plan under ``_work`` (an unfinished one)."""
    folder.mkdir(parents=True)
    write(folder / "part-00000.parquet", "PAR1")
    write(folder / "part-00000.json", '{"shard": 0, "pairs": 1}\n')
    write(folder / "rejects.jsonl", '{"path": "a.csv", "line": 2}\n')
    if manifest:
        write(folder / "manifest.json", '{"carelens": "0.1.0", "plan": {}, "complete": true}\n')
    else:
        (folder / "_work").mkdir()
        write(folder / "_work" / "plan.json", "{}\n")
    return folder


PAIRS = "seeker_id,response_id,seeker,response\ns1,r1,I feel low,I'm here for you\n"


def test_another_runs_output_in_an_input_folder_is_left_out_and_said_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """`batch DIR -o DIR/out2` after `batch DIR -o DIR/out` (or one stopped early) read
    DIR/out's parts, part counts, rejects and manifest as conversations."""
    source = tmp_path / "in"
    source.mkdir()
    write(source / "a.csv", PAIRS)
    done = _batch_output(source / "out", manifest=True)
    unfinished = _batch_output(source / "runs" / "early", manifest=False)
    with caplog.at_level(logging.WARNING, logger="carelens.batch.plan"):
        plan = make_plan([source], model_id="m", exclude=source / "out2")
    assert [Path(i.path).name for i in plan.inputs] == ["a.csv"]
    said = [r.getMessage() for r in caplog.records]
    assert said == [
        f"{folder}: not read as an input: the output folder of another carelens batch run (it "
        "holds its manifest.json or _work/plan.json): its results are not conversations to "
        "analyse"
        for folder in (done, unfinished)
    ]
    # The run's own folder, once it holds a run (a re-run), is said too, as such.
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="carelens.batch.plan"):
        make_plan([source], model_id="m", exclude=done)
    assert f"{done}: not read as an input: the output folder of this run" in caplog.text
    assert caplog.text.count(str(done)) == 1


def test_a_folder_of_nothing_but_a_runs_output_says_why_it_has_no_input(tmp_path: Path) -> None:
    out = _batch_output(tmp_path / "out", manifest=True)
    with pytest.raises(InputError, match="no input files besides the output of a carelens batch"):
        expand_inputs([out])
    # A user's manifest.json is no batch run's: read as an input, as before.
    (tmp_path / "notes").mkdir()
    write(tmp_path / "notes" / "manifest.json", '{"pages": 3}\n')
    assert expand_inputs([tmp_path / "notes"]) == [tmp_path / "notes" / "manifest.json"]


def test_result_files_of_analyze_in_an_input_folder_are_left_out_and_said_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """`carelens analyze DIR/a.csv -o DIR/results.jsonl`, then `carelens batch DIR`: the
    results (any format, finished or not) were read as conversations (a format that could
    not be detected, or every record a reject), and so were the files analyze keeps beside
    them (OUT.options.json, OUT.digests). They are left out, each result file said once;
    a pair file whose ids come first is an input still."""
    import shutil

    import carelens
    from carelens.output import analyze_file
    from carelens.readers import RejectLog

    source = tmp_path / "in"
    source.mkdir()
    pairs = write(source / "a.csv", PAIRS)
    analyzer = carelens.load(threads=1)
    results = [source / "results.jsonl", source / "sub" / "results.csv", source / "r.parquet"]
    for out in results:
        out.parent.mkdir(exist_ok=True)
        analyze_file(pairs, analyzer, out, rejects=RejectLog())
    # An unfinished Parquet output: its records in OUT.parquet.partial.jsonl, no OUT.parquet.
    shutil.copy(source / "results.jsonl", source / "u.parquet.partial.jsonl")
    shutil.copy(source / "results.jsonl.options.json", source / "u.parquet.options.json")
    results.append(source / "u.parquet.partial.jsonl")
    assert (source / "results.jsonl.digests").is_file()
    # The rejects file analyze writes by default, and what a killed run leaves of it.
    write(source / "results.jsonl.rejects.jsonl", '{"path": "a.csv", "line": 3}\n')
    write(source / "r.parquet.rejects.jsonl.partial.jsonl", '{"path": "a.csv", "line": 3}\n')
    write(source / "r.parquet.rejects.jsonl.lock", "")
    with caplog.at_level(logging.WARNING, logger="carelens.batch.plan"):
        plan = make_plan([source], model_id="m")
    assert [i.path for i in plan.inputs] == [str(pairs.resolve())]
    said = sorted(r.getMessage() for r in caplog.records)
    assert said == sorted(
        f"{out}: not read as an input: a result file of carelens analyze (its records have the "
        "result layout): results are not conversations to analyse; the files kept beside it "
        "(.options.json, .digests, .rejects.jsonl, .lock) are left out with it"
        for out in results
    )
    pairs.unlink()
    with pytest.raises(InputError, match="no input files besides the result files of carelens"):
        make_plan([source], model_id="m")
