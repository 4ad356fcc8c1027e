"""The batch plan: a column map is checked against each input's header when the plan is
made, so a misspelt column stops the run before any worker starts."""

from __future__ import annotations

from pathlib import Path

import pytest

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
