"""`carelens batch` over an input whose file name is not UTF-8 (a Latin-1 ``café.jsonl``,
which Python reads as ``caf\\udce9.jsonl``): the plan keeps the name exactly and shows it
as the rejects file does, its rejects are filed under it, a resume compares the very same
file, and an output folder whose path is not UTF-8 is refused before any work."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import carelens
from carelens.batch import BatchOptions, engine, run_batch
from carelens.batch.outputs import MANIFEST, PLAN, REJECTS, WORK
from carelens.batch.pairing import pair_group
from carelens.batch.plan import PATH_BYTES, make_plan, read_plan, write_json_atomic
from carelens.batch.rows import PAIRED_KINDS, REJECT, Row, failed_row, failure, to_table
from carelens.batch.staging import read_input
from carelens.errors import ConfigError, InputError
from carelens.output import analyze_file
from carelens.output.reading import read_results
from carelens.readers import RejectLog
from carelens.readers.rejects import shown_path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
#: The name as a file system that is not UTF-8 holds it.
LATIN1_NAME = b"caf\xe9.jsonl"
#: How rejects files and manifests write it.
SHOWN = "caf\\xe9.jsonl"
#: A thread whose second reply answers a message that is not there (line 3: a reject).
THREAD = (
    '{"id": "m1", "speaker": "ana", "conversation_id": "c", "text": "I feel so low."}\n'
    '{"id": "m2", "speaker": "ben", "conversation_id": "c", "reply_to": "m1", '
    '"text": "I am sorry, that sounds heavy."}\n'
    '{"id": "m3", "speaker": "ben", "conversation_id": "c", "reply_to": "gone", '
    '"text": "Are you still there?"}\n'
)


def latin1_file(folder: Path, text: str) -> Path:
    """``folder/caf\\xe9.jsonl`` holding ``text``; skips where the file system refuses it."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / os.fsdecode(LATIN1_NAME)
    try:
        path.write_text(text, encoding="utf-8")
    except (OSError, UnicodeError) as exc:
        pytest.skip(f"this file system refuses a name that is not UTF-8: {exc}")
    return path


def test_the_plan_keeps_a_name_that_is_not_utf8_exactly(tmp_path: Path) -> None:
    # Writing the plan stopped the run: json cannot write the lone surrogate as UTF-8.
    path = latin1_file(tmp_path / "in", THREAD)
    plan = make_plan([path.parent], model_id="m")
    stored = tmp_path / PLAN
    write_json_atomic(stored, plan.to_dict())
    [entry] = json.loads(stored.read_text(encoding="utf-8"))["inputs"]
    assert entry["path"] == f"{shown_path(tmp_path)}/in/{SHOWN}"
    assert bytes.fromhex(entry[PATH_BYTES]) == os.fsencode(path.resolve())
    again = read_plan(stored)
    assert again is not None and again.inputs[0].path == str(path.resolve())
    assert again.differences(make_plan([path.parent], model_id="m")) == []


def test_a_changed_input_is_named_as_the_rejects_name_it(tmp_path: Path) -> None:
    path = latin1_file(tmp_path / "in", THREAD)
    before = make_plan([path], model_id="m")
    path.write_text(THREAD * 2, encoding="utf-8")
    after = make_plan([path], model_id="m")
    assert before.differences(after) == [f"inputs ({shown_path(path.resolve())})"]


def test_a_plan_of_utf8_names_is_written_and_read_as_before(tmp_path: Path) -> None:
    """A plan stored before names that are not UTF-8 were kept (no ``path_bytes``) resumes;
    a plan of UTF-8 names is written as it was."""
    path = tmp_path / "café.jsonl"
    path.write_text(THREAD, encoding="utf-8")
    plan = make_plan([path], model_id="m", model_fingerprint="f", shards=2)
    stat = path.stat()
    earlier = {
        "inputs": [
            {
                "index": 0,
                "path": str(path.resolve()),
                "format": "jsonl",
                "size": stat.st_size,
                "mtime_ns": stat.st_mtime_ns,
            }
        ],
        "shards": 2,
        "model_id": "m",
        "column_map": {},
        "max_chars": 1_000_000,
        "include_text": True,
        "redact": False,
        "helpers": [],
        "staging": 2,
        "model_fingerprint": "f",
    }
    assert plan.to_dict() == earlier
    stored = tmp_path / PLAN
    stored.write_text(json.dumps(earlier, indent=2, ensure_ascii=False), encoding="utf-8")
    assert read_plan(stored) == plan


def test_a_damaged_name_in_a_plan_is_a_damaged_plan(tmp_path: Path) -> None:
    path = latin1_file(tmp_path / "in", THREAD)
    data = make_plan([path], model_id="m").to_dict()
    for damaged in ("e9zz", 233):
        data["inputs"][0][PATH_BYTES] = damaged
        (tmp_path / PLAN).write_text(json.dumps(data), encoding="utf-8")
        with pytest.raises(InputError, match="the stored batch plan is damaged"):
            read_plan(tmp_path / PLAN)


def test_rejects_of_pairing_are_filed_under_their_real_path(tmp_path: Path) -> None:
    """Two files, one named ``caf\\xe9.jsonl`` in letters (a backslash, x, e, 9) and one
    with the byte \\xe9, show the same name: pairing looked a reject's file up by the name
    shown, so both unknown parents were filed under the first file (a name that is not
    UTF-8 alone: under file -1, listed before every other reject)."""
    latin1 = latin1_file(tmp_path / "in", THREAD)
    letters = tmp_path / "in" / SHOWN
    letters.write_text(THREAD, encoding="utf-8")
    plan = make_plan([letters, latin1], model_id="m", shards=2)
    assert [shown_path(i.path) for i in plan.inputs] == [str(letters.resolve())] * 2
    groups: dict[str, list[Row]] = defaultdict(list)
    for index in range(len(plan.inputs)):
        for table in read_input(plan, index):
            for row in table.to_pylist():
                if row["kind"] in PAIRED_KINDS:
                    groups[row["group"]].append(row)
    paths = [i.path for i in plan.inputs]
    rejects = [
        (row["file"], json.loads(row["payload"])["line"])
        for rows in groups.values()
        for row in pair_group(rows, paths=paths, shards=plan.shards)
        if row["kind"] == REJECT
    ]
    assert sorted(rejects) == [(0, 3), (1, 3)]


def test_a_failed_row_keeps_a_name_that_is_not_utf8(tmp_path: Path) -> None:
    """An input that cannot be read on: its error's path stopped the table with
    UnicodeEncodeError (Arrow writes UTF-8) instead of being raised as the reader raised it."""
    path = str(tmp_path / os.fsdecode(b"RC_caf\xe9.zst"))
    error = InputError("cannot decompress the Zstandard stream", path=path, line=7)
    [row] = to_table([failed_row(error, file=0)]).to_pylist()
    again = failure(row["payload"])
    assert (again.path, again.line, again.reason) == (path, 7, error.reason)


def test_a_working_folder_whose_path_is_not_utf8_is_refused_in_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ray stopped with UnicodeEncodeError (it sends the working folder to its workers)."""
    here = tmp_path / os.fsdecode(b"work\xe9")
    try:
        here.mkdir()
    except (OSError, UnicodeError) as exc:
        pytest.skip(f"this file system refuses a name that is not UTF-8: {exc}")
    monkeypatch.chdir(here)
    with pytest.raises(ConfigError, match=r"working folder .*work\\xe9: its name is not UTF-8"):
        engine._check_working_folder(None)
    engine._check_working_folder("ray://127.0.0.1:10001")  # a Ray Client driver: not here


def test_an_output_folder_whose_path_is_not_utf8_is_refused_before_any_work(
    tmp_path: Path,
) -> None:
    """Ray Data dropped the odd byte and wrote the staged rows under ``out`` (another
    folder), then finished with no pairs."""
    path = latin1_file(tmp_path / "in", THREAD)
    out = tmp_path / os.fsdecode(b"out\xe9")
    with pytest.raises(InputError, match=r"output folder's path \(.*out\\xe9\) is not UTF-8"):
        run_batch([path], BatchOptions(output=out, shards=2))
    assert not out.exists() and not (tmp_path / "out").exists()


def located(rejects: Path) -> list[tuple[object, ...]]:
    """Where each reject of a rejects file is, and why (its detail left out: a reply to a
    missing message is worded for the whole input by `analyze`, for its conversation by
    `batch`)."""
    lines = rejects.read_text(encoding="utf-8").splitlines()
    return [(e["path"], e["line"], e["field"], e["reason"]) for e in map(json.loads, lines)]


@pytest.mark.usefixtures("local_ray")
def test_batch_over_a_name_that_is_not_utf8_finishes_and_resumes(tmp_path: Path) -> None:
    """The whole command, with the file named on its command line (Ray keeps the command
    line as UTF-8 and stopped on it): the rejects are those of `carelens analyze`, in file
    order, the file shown as shown_path shows it; a lost part is scored again on a
    resume."""
    text = (EXAMPLES / "chat.jsonl").read_text(encoding="utf-8")
    path = latin1_file(tmp_path / "in", text + "{broken\n" + THREAD)
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict", "RAY_USAGE_STATS_ENABLED": "0"}
    command = [sys.executable, "-m", "carelens", "batch", str(path), "-o", str(out)]
    done = subprocess.run(
        [*command, "--shards", "2", "--keep-work", "-q"],
        capture_output=True,
        env=env,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")

    with RejectLog(tmp_path / "analyze-rejects.jsonl") as log:
        analyze_file(path, carelens.load(threads=1), tmp_path / "single.jsonl", rejects=log)
    shown = f"{shown_path(tmp_path)}/in/{SHOWN}"
    expected = [(shown, 25, None, "malformed JSON"), (shown, 28, "reply_to", "unknown parent")]
    assert located(tmp_path / "analyze-rejects.jsonl") == expected
    assert located(out / REJECTS) == expected
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["plan"]["inputs"][0]["path"] == shown
    pairs = len(list(read_results(tmp_path / "single.jsonl")))
    assert manifest["pairs"] == pairs

    # A run stopped before its manifest, one part lost: the stored plan names the same file.
    parts = sorted(out.glob("part-*.parquet"))
    lost = pq.read_metadata(parts[-1]).num_rows
    parts[-1].unlink()
    (out / MANIFEST).unlink()
    stored = read_plan(out / WORK / PLAN)
    assert stored is not None and stored.inputs[0].path == str(path.resolve())
    resumed = run_batch([path], BatchOptions(output=out))
    assert (resumed.scored, resumed.resumed, resumed.pairs) == (lost, pairs - lost, pairs)
    assert located(out / REJECTS) == expected
