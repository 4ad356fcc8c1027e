"""What `--overwrite` may remove from an output folder: only the files a batch run writes,
recognised exactly, and nothing at all when the folder holds anything else (decided before
anything is removed). No Ray is started here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from carelens.batch.outputs import (
    MANIFEST,
    PLAN,
    REJECTS,
    WORK,
    batch_entries,
    prepare,
    write_manifest,
)
from carelens.batch.plan import BatchPlan, InputFile, write_json_atomic
from carelens.errors import InputError

PLAN_OF_A_RUN = BatchPlan(
    inputs=(InputFile(0, "/data/a.csv", "csv", 10, 1),), shards=2, model_id="m"
)


def finished_run(out: Path) -> list[str]:
    """A folder as a finished batch run leaves it; the names of its files."""
    out.mkdir()
    for name in ("part-00000.parquet", "part-00000.json", "part-00001.parquet", "part-00001.json"):
        (out / name).write_bytes(b"results")
    (out / REJECTS).write_text("")
    write_manifest(out, PLAN_OF_A_RUN, {"pairs": 2, "parts": []})
    return sorted(p.name for p in out.iterdir())


def unfinished_run(out: Path) -> None:
    """A folder as a killed batch run leaves it: plan, staged rows, temporary files."""
    out.mkdir()
    (out / WORK / "staged" / "shard=0").mkdir(parents=True)
    (out / WORK / "staged.tmp").mkdir()
    write_json_atomic(out / WORK / PLAN, PLAN_OF_A_RUN.to_dict())
    (out / WORK / "plan.json.tmp-123").write_text("{")
    for name in (
        "part-00003.parquet",
        "part-00003.json",
        ".part-00004.json.tmp-77",
        ".part-00004.parquet.tmp-77",
        "manifest.json.tmp-77",
        ".rejects.jsonl.tmp",
    ):
        (out / name).write_bytes(b"x")


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_overwrite_refuses_a_finished_run_with_other_files_and_removes_nothing(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    before = finished_run(out)
    (out / "tables").mkdir()
    (out / "tables" / "helpers.csv").write_text("helper,pairs\n")
    for overwrite in (True, False):
        with pytest.raises(InputError, match=r"not empty .*does not write \(tables\).*move"):
            prepare(out, overwrite=overwrite)
        assert names(out) == sorted([*before, "tables"])
        assert (out / "tables" / "helpers.csv").is_file()


def test_a_users_manifest_and_notes_are_never_taken_for_a_batch_run(tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / MANIFEST).write_text(json.dumps({"dataset": "mine"}))
    (out / "data.txt").write_text("keep")
    (out / "part-of-my-notes.txt").write_text("keep")
    (out / "part-1.parquet").write_text("keep")  # not a part's name: five digits at least
    for overwrite in (False, True):
        with pytest.raises(InputError, match=r"not empty and holds no carelens batch run"):
            prepare(out, overwrite=overwrite)
    assert names(out) == ["data.txt", MANIFEST, "part-1.parquet", "part-of-my-notes.txt"]
    assert json.loads((out / MANIFEST).read_text()) == {"dataset": "mine"}


@pytest.mark.parametrize(
    "name", [MANIFEST, "part-of-my-notes.txt", REJECTS, "part-00001.csv", "manifest.json.bak"]
)
def test_one_file_that_only_looks_like_a_batch_file_is_kept(tmp_path: Path, name: str) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / name).write_text('{"mine": true}\n')
    with pytest.raises(InputError, match="holds no carelens batch run"):
        prepare(out, overwrite=True)
    assert (out / name).read_text() == '{"mine": true}\n'


def test_a_work_folder_with_a_users_file_is_not_a_batch_runs(tmp_path: Path) -> None:
    out = tmp_path / "out"
    unfinished_run(out)
    (out / WORK / "notes.txt").write_text("keep")
    with pytest.raises(InputError, match=r"not empty .*\(_work\)"):
        prepare(out, overwrite=True)
    assert (out / WORK / "notes.txt").is_file() and (out / WORK / PLAN).is_file()
    assert (out / "part-00003.parquet").is_file()


def test_every_file_a_run_writes_is_recognised_and_overwrite_removes_them(
    tmp_path: Path,
) -> None:
    finished, unfinished = tmp_path / "finished", tmp_path / "unfinished"
    finished_run(finished)
    unfinished_run(unfinished)
    for out in (finished, unfinished):
        ours, others = batch_entries(out)
        assert others == [] and [p.name for p in ours] == names(out)
        prepare(out, overwrite=False)  # a run to resume or report: nothing removed
        assert names(out) == [p.name for p in ours]
        prepare(out, overwrite=True)
        assert out.is_dir() and names(out) == []


def test_rejects_beside_parts_without_a_plan_are_the_runs(tmp_path: Path) -> None:
    """Results whose plan is gone: refused, but --overwrite may remove them."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "part-00000.parquet").write_bytes(b"x")
    (out / REJECTS).write_text("")
    with pytest.raises(InputError, match=r"no manifest\.json.*--overwrite"):
        prepare(out, overwrite=False)
    assert names(out) == ["part-00000.parquet", REJECTS]
    prepare(out, overwrite=True)
    assert names(out) == []


def test_a_damaged_batch_manifest_is_the_runs(tmp_path: Path) -> None:
    """A batch manifest whose plan cannot be read is still a batch run's: --overwrite may
    remove it (the engine says it is damaged)."""
    out = tmp_path / "out"
    out.mkdir()
    (out / MANIFEST).write_text(json.dumps({"carelens": "0.1.0", "plan": {"inputs": "?"}}))
    (out / "part-00000.parquet").write_bytes(b"x")
    prepare(out, overwrite=False)
    prepare(out, overwrite=True)
    assert names(out) == []


def test_a_new_or_empty_folder_is_made_ready(tmp_path: Path) -> None:
    prepare(tmp_path / "new" / "out", overwrite=False)
    assert (tmp_path / "new" / "out").is_dir()
    prepare(tmp_path / "new" / "out", overwrite=True)
    assert names(tmp_path / "new" / "out") == []
