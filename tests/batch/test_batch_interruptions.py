"""`carelens batch` stopped or refused part-way: an input that cannot be read on, a second run
into the same folder, and a kill around the moment the manifest marks the run complete."""

from __future__ import annotations

import json
import logging
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from carelens.batch import BatchOptions, outputs, run_batch
from carelens.batch.outputs import LOCK, MANIFEST, PLAN, STAGED, WORK
from carelens.cli.main import app
from carelens.errors import InputError
from carelens.locks import hold_lock

DATA = Path(__file__).resolve().parents[1] / "data" / "readers"
PAIRS = DATA / "epitome_pairs.csv"

pytestmark = pytest.mark.usefixtures("local_ray")


def damaged_dump(path: Path) -> Path:
    """A Reddit ``.zst`` dump whose start reads well and whose second half is damaged."""
    import zstandard

    rng = random.Random(7)
    lines = [
        json.dumps(
            {
                "id": f"c{i}",
                "author": f"user{i % 5}",
                "body": f"Comment {i}: {rng.random():.12f} {rng.random():.12f}",
                "parent_id": "t3_abc",
                "link_id": "t3_abc",
                "created_utc": 1700000000 + i,
            }
        )
        for i in range(4000)
    ]
    data = bytearray(zstandard.ZstdCompressor().compress(("\n".join(lines) + "\n").encode()))
    for k in range(len(data) * 3 // 4, len(data) * 3 // 4 + 64):
        data[k] ^= 0xFF
    path.write_bytes(bytes(data))
    return path


def test_an_input_damaged_further_on_stops_with_one_clean_error_and_no_plan(
    tmp_path: Path,
) -> None:
    """The plan reads only an input's start; a stage-1 task meeting the damage raised it as
    a Ray traceback (ANSI codes, "open an issue on the Ray project") and left a plan that
    refused the corrected command ("differs from this one in: inputs")."""
    source = tmp_path / "in"
    source.mkdir()
    damaged_dump(source / "RC_bad.zst")
    (source / "pairs.csv").write_bytes(PAIRS.read_bytes())
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["batch", str(source), "-o", str(out), "--shards", "2"])
    assert result.exit_code == 1
    error = " ".join(result.output.split("error:", 1)[1].split())
    assert error.startswith(f"{source / 'RC_bad.zst'}: cannot decompress the Zstandard stream")
    assert "ray::" not in result.output and "\x1b[" not in result.output
    assert "Traceback" not in result.output
    assert not out.exists()  # no plan left behind, nor the folder the run made
    (source / "RC_bad.zst").unlink()
    done = run_batch([source], BatchOptions(output=out, shards=2))  # no --overwrite needed
    assert done.pairs > 0


def test_an_input_damaged_further_on_is_named_as_the_command_gave_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stage-1 task reads the input by its resolved path; its error names the input as
    given (`batch RC_bad.zst` says `RC_bad.zst: ...`, as `analyze RC_bad.zst` does), not the
    absolute path."""
    from carelens.batch.plan import make_plan
    from carelens.batch.rows import FAILED, failure
    from carelens.batch.staging import read_input

    zstandard = pytest.importorskip("zstandard")
    monkeypatch.chdir(tmp_path)
    dump = Path("RC_bad.zst")
    damaged = damaged_dump(dump).read_bytes()
    dump.write_bytes(zstandard.ZstdCompressor().compress(b'{"id": "c0", "body": "Hi"}\n'))
    plan = make_plan([dump], model_id="m")
    assert plan.inputs[0].path == str(tmp_path.resolve() / "RC_bad.zst")
    dump.write_bytes(damaged)  # damaged after the plan read its start
    rows = [row for table in read_input(plan, 0) for row in table.to_pylist()]
    failed = [failure(row["payload"]) for row in rows if row["kind"] == FAILED]
    assert [error.path for error in failed] == ["RC_bad.zst"]
    assert str(failed[0]).startswith("RC_bad.zst: cannot decompress the Zstandard stream")


def test_a_second_run_into_the_same_folder_is_refused_at_once(tmp_path: Path) -> None:
    """Two runs into one folder: the second died on the first's rename of its staged rows
    ("[Errno 39] Directory not empty: '_work/staged.tmp' -> '_work/staged'")."""
    out = tmp_path / "out"
    out.mkdir()
    with hold_lock(out / LOCK, f"carelens batch is writing {out}"):  # the first run
        with pytest.raises(InputError, match=rf"another carelens batch is writing {out} "):
            run_batch([PAIRS], BatchOptions(output=out, shards=2))
        assert [p.name for p in out.iterdir()] == [LOCK]  # nothing of the second run
    done = run_batch([PAIRS], BatchOptions(output=out, shards=2))  # the first has ended
    assert done.pairs > 0 and not (out / LOCK).exists()


class Killed(BaseException):
    """A kill -9 at this point of the run."""


def test_a_kill_just_before_the_manifest_leaves_no_texts_and_resumes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The staged texts go before the manifest marks the run complete: a kill in between
    leaves the plan (the run resumes, redoing stage 1) and no texts."""
    out = tmp_path / "out"
    first = BatchOptions(output=out, shards=2, include_text=False)

    def killed(*args: object) -> None:
        raise Killed

    with monkeypatch.context() as m:
        m.setattr(outputs, "write_manifest", killed)
        with pytest.raises(Killed):
            run_batch([PAIRS], first)
    assert (out / WORK / PLAN).is_file() and not (out / MANIFEST).exists()
    assert sorted(p.name for p in (out / WORK).iterdir()) == [PLAN]  # no staged rows
    resumed = run_batch([PAIRS], first)
    assert resumed.scored == 0 and resumed.resumed == resumed.pairs > 0
    assert json.loads((out / MANIFEST).read_text())["complete"]
    assert not (out / WORK).exists()


def test_a_work_folder_left_beside_a_complete_manifest_is_removed_and_said(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A kill after the manifest was written, before ``_work`` was removed (an earlier
    carelens wrote the manifest first: its staged texts stayed for good, since a re-run
    returned at once)."""
    out = tmp_path / "out"
    run_batch([PAIRS], BatchOptions(output=out, shards=2, keep_work=True))  # as left so
    assert (out / WORK / STAGED).is_dir()
    again = run_batch([PAIRS], BatchOptions(output=out, shards=2, keep_work=True))
    assert again.already_complete and (out / WORK / STAGED).is_dir()  # kept when asked
    with caplog.at_level(logging.WARNING, logger="carelens.batch.engine"):
        done = run_batch([PAIRS], BatchOptions(output=out, shards=2))
    assert done.already_complete and not (out / WORK).exists()
    assert f"removed {out / WORK}, left behind by a run stopped" in caplog.text
