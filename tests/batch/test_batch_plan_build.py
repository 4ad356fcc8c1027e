"""A batch folder whose plan names no model build (one of a carelens before the fingerprint
was kept) is refused by a run that knows its build, as ``carelens analyze`` refuses such an
output: nothing shows which build made its parts, and a resume would mix two builds."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from carelens.batch import BatchOptions, run_batch
from carelens.batch.outputs import MANIFEST, PLAN, WORK
from carelens.batch.plan import BatchPlan, make_plan
from carelens.errors import InputError

DATA = Path(__file__).resolve().parents[1] / "data" / "readers"


def plan_of(tmp_path: Path, fingerprint: str | None) -> BatchPlan:
    lines = tmp_path / "t.jsonl"
    lines.write_text('{"seeker": "Sad", "response": "Here"}\n', encoding="utf-8")
    return make_plan([lines], model_id="m", model_fingerprint=fingerprint)


def without_fingerprint(plan: BatchPlan) -> BatchPlan:
    """``plan`` as a carelens before the fingerprint wrote it (no such key)."""
    data = plan.to_dict()
    del data["model_fingerprint"]
    return BatchPlan.from_dict(data)


def test_a_plan_without_a_build_is_refused_by_a_run_that_knows_its_own(tmp_path: Path) -> None:
    run = plan_of(tmp_path, "aaaa")
    older = without_fingerprint(run)
    assert older.differences(run) == []  # the options agree: only the build is unknown
    unfinished = older.unknown_build(run, kept_in="_work/plan.json", finished=False)
    assert unfinished == (
        "the output folder cannot be resumed: it holds the results of an older carelens, "
        "which kept no record of the build of the model that made them (its _work/plan.json "
        "names the model, not its build); resuming with this run's model, 'm' (build aaaa), "
        "could put two builds' results in one folder: pass --overwrite to start over, or "
        "choose another output folder"
    )
    finished = older.unknown_build(run, kept_in="manifest.json", finished=True)
    assert finished is not None
    assert (
        "(its manifest.json names the model, not its build); nothing shows that they are the "
        "results of this run's model, 'm' (build aaaa): pass --overwrite"
    ) in finished
    nulled = BatchPlan.from_dict({**run.to_dict(), "model_fingerprint": None})
    assert nulled.unknown_build(run, kept_in="manifest.json", finished=True) == finished


def test_a_plan_with_a_build_or_a_run_without_one_is_not_refused_for_it(tmp_path: Path) -> None:
    """Another build is a difference (:meth:`BatchPlan.differences`); a run that does not
    know its build (a plan made from Python without one) judges the model by its id."""
    run = plan_of(tmp_path, "aaaa")
    assert run.unknown_build(plan_of(tmp_path, "aaaa"), kept_in=PLAN, finished=False) is None
    assert run.unknown_build(plan_of(tmp_path, "bbbb"), kept_in=PLAN, finished=False) is None
    unknowing = plan_of(tmp_path, None)
    assert without_fingerprint(run).unknown_build(unknowing, kept_in=PLAN, finished=True) is None


def folder_state(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.usefixtures("local_ray")
def test_a_batch_folder_without_a_build_is_left_as_it_is(tmp_path: Path) -> None:
    """It was resumed by any build: the missing parts scored by this one, the rest kept."""
    out = tmp_path / "out"
    inputs = [DATA / "thread.csv"]
    run_batch(inputs, BatchOptions(output=out, shards=2, keep_work=True))
    for path in (out / MANIFEST, out / WORK / PLAN):  # as an older carelens wrote them
        data = json.loads(path.read_text())
        del (data["plan"] if path.name == MANIFEST else data)["model_fingerprint"]
        path.write_text(json.dumps(data))
    finished = folder_state(out)
    with pytest.raises(InputError, match=r"manifest\.json names the model, not its build") as e:
        run_batch(inputs, BatchOptions(output=out, shards=2))
    assert e.value.path == str(out) and "--overwrite to start over" in e.value.reason
    assert folder_state(out) == finished
    (out / MANIFEST).unlink()
    next(out.glob("part-*.parquet")).unlink()
    unfinished = folder_state(out)
    with pytest.raises(InputError, match=r"_work/plan\.json names .*two builds' results"):
        run_batch(inputs, BatchOptions(output=out))  # the shard count is the plan's
    assert folder_state(out) == unfinished  # nothing scored, the plan kept as it was
    result = run_batch(inputs, BatchOptions(output=out, shards=2, overwrite=True))
    assert result.resumed == 0 and result.scored == result.pairs > 0
    plan = json.loads((out / MANIFEST).read_text())["plan"]
    assert isinstance(plan["model_fingerprint"], str)
