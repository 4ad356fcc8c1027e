"""`carelens batch --helper`: only the named helpers' responses are analysed and written,
the others counted; the patterns are part of the plan, so a re-run with other patterns is
refused and one with the same patterns resumes, every pair written once."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner, Result

from carelens.batch.outputs import MANIFEST, WORK, write_rejects
from carelens.batch.plan import BatchPlan, make_plan, read_plan
from carelens.batch.rows import left_out_row, skip_row, to_table
from carelens.cli.main import app
from carelens.errors import InputError
from carelens.output.reading import read_results

#: maya opens the thread; jon answers, maya answers jon, ana answers maya.
THREAD = Path(__file__).resolve().parents[1] / "data" / "cli" / "thread.jsonl"


def test_the_plan_holds_the_helpers_sorted_and_checked(tmp_path: Path) -> None:
    plan = make_plan([THREAD], model_id="m", helpers=[" a* ", "JON", "a*"])
    assert plan.helpers == ("JON", "a*")  # stripped, once each, order left out
    assert make_plan([THREAD], model_id="m", helpers=["JON", "a*"]) == plan
    assert BatchPlan.from_dict(json.loads(json.dumps(plan.to_dict()))) == plan
    assert make_plan([THREAD], model_id="m").helpers == ()
    with pytest.raises(InputError, match="--helper pattern is empty"):
        make_plan([THREAD], model_id="m", helpers=["jon", " "])


def test_other_helpers_are_a_difference_that_names_helper() -> None:
    plan = make_plan([THREAD], model_id="m", helpers=["jon"])
    every = make_plan([THREAD], model_id="m")
    assert plan.differences(plan) == []
    # the same speakers: patterns are matched with case ignored
    assert plan.differences(make_plan([THREAD], model_id="m", helpers=["JON"])) == []
    (diff,) = every.differences(plan)
    assert diff == "--helper (the output's run: every speaker; this run: --helper jon)"
    other = make_plan([THREAD], model_id="m", helpers=["ana", "jon"], redact=True)
    assert plan.differences(other) == [
        "--redact",
        "--helper (the output's run: --helper jon; this run: --helper ana --helper jon)",
    ]


def test_a_plan_from_before_helpers_is_every_speakers(tmp_path: Path) -> None:
    data = make_plan([THREAD], model_id="m").to_dict()
    del data["helpers"]
    assert BatchPlan.from_dict(data).helpers == ()
    damaged = tmp_path / "plan.json"
    damaged.write_text(json.dumps({**data, "helpers": "jon"}))
    with pytest.raises(InputError, match="plan is damaged"):
        read_plan(damaged)


def test_left_out_counts_are_summed_with_the_rejects(tmp_path: Path) -> None:
    staged = tmp_path / "staged"
    (staged / "shard=-1").mkdir(parents=True)
    rows = [left_out_row(2, file=0), skip_row("deleted", 1, file=0), left_out_row(3, file=1)]
    pq.write_table(to_table(rows), staged / "shard=-1" / "a.parquet")
    rejected, skipped, left_out = write_rejects(staged, tmp_path)
    assert (rejected, skipped, left_out) == ({}, {"deleted": 1}, 5)


def batch(*args: str | Path) -> Result:
    return CliRunner().invoke(app, ["batch", *map(str, args)], env={"COLUMNS": "200"})


def written_ids(out: Path) -> list[object]:
    return [
        r["response_id"] for part in sorted(out.glob("part-*.parquet")) for r in read_results(part)
    ]


@pytest.mark.usefixtures("local_ray")
def test_batch_analyses_only_the_helpers_responses_and_resumes_only_with_them(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    helpers = ["--helper", "JON", "--helper", "a*"]
    result = batch(THREAD, "-o", out, "--shards", "2", "--keep-work", *helpers)
    assert result.exit_code == 0, result.output
    # maya's answer to jon (t3) is left out; ana's reply to it (t4) still has its seeker.
    assert written_ids(out) == ["t2", "t4"]
    said = " ".join(result.stdout.split())
    assert "pairs analysed │ 2" in said
    assert "left out │ 1 response by speakers not named by --helper" in said
    manifest = json.loads((out / MANIFEST).read_text())
    assert (manifest["pairs"], manifest["not_by_helpers"]) == (2, 1)
    assert manifest["plan"]["helpers"] == ["JON", "a*"]

    # Unfinished (the manifest and a part lost): other patterns are refused, untouched.
    (out / MANIFEST).unlink()
    next(out.glob("part-*.parquet")).unlink()
    left = sorted(p.name for p in out.iterdir())
    for other, shown in (
        (["--helper", "ana"], "--helper ana"),
        (["--helper", "JON"], "--helper JON"),
        ([], "every speaker"),
    ):
        refused = batch(THREAD, "-o", out, "--shards", "2", "--keep-work", *other)
        assert refused.exit_code == 1, refused.output
        message = " ".join(refused.stderr.split())
        assert (
            "differs from this one in: --helper (the output's run: --helper JON --helper a*; "
            f"this run: {shown})"
        ) in message
        assert sorted(p.name for p in out.iterdir()) == left
    assert (out / WORK / "staged").is_dir()

    # The same patterns, in another order, resume it: every pair once.
    again = batch(THREAD, "-o", out, "--shards", "2", "--helper", "a*", "--helper", "JON")
    assert again.exit_code == 0, again.output
    assert written_ids(out) == ["t2", "t4"]
    assert "left out │ 1 response" in " ".join(again.stdout.split())
    assert json.loads((out / MANIFEST).read_text())["not_by_helpers"] == 1
