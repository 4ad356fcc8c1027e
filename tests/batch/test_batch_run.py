"""run_batch end to end on a local Ray: the same records as `carelens analyze`, resuming,
refusing foreign or mismatched output folders, and the rejects file."""

from __future__ import annotations

import json
import re
import shutil
import threading
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

import carelens
from carelens.batch import BatchOptions, engine, run_batch
from carelens.batch.outputs import MANIFEST, PLAN, REJECTS, WORK
from carelens.cli.main import app
from carelens.errors import ConfigError, InputError
from carelens.output import analyze_file
from carelens.output.reading import read_results
from carelens.readers import RejectLog

DATA = Path(__file__).resolve().parents[1] / "data" / "readers"
INPUTS = [DATA / "thread.csv", DATA / "epitome_pairs.csv", DATA / "turns.jsonl"]
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

pytestmark = pytest.mark.usefixtures("local_ray")


def docs_recipe() -> str:
    """The Python block of docs/batch.md's "What it writes" section."""
    text = (Path(__file__).resolve().parents[2] / "docs" / "batch.md").read_text("utf-8")
    section = text.split("## What it writes", 1)[1].split("\n## ", 1)[0]
    return section.split("```python\n", 1)[1].split("```", 1)[0]


def batch_records(out: Path) -> list[dict[str, object]]:
    return [r for part in sorted(out.glob("part-*.parquet")) for r in read_results(part)]


def analyze_records(paths: list[Path], tmp: Path) -> list[dict[str, object]]:
    analyzer = carelens.load(threads=1)
    records: list[dict[str, object]] = []
    for i, path in enumerate(paths):
        out = tmp / f"single-{i}.jsonl"
        analyze_file(path, analyzer, out, rejects=RejectLog())
        records.extend(read_results(out))
    return records


def by_ids(records: list[dict[str, object]]) -> dict[tuple[object, object], str]:
    keyed = {(r["seeker_id"], r["response_id"]): json.dumps(r, sort_keys=True) for r in records}
    assert len(keyed) == len(records), "duplicated pairs"
    return keyed


@pytest.mark.usefixtures("ray_default_shuffle")  # the shuffle a real run uses
def test_same_records_as_analyze_then_resume(tmp_path: Path) -> None:
    out = tmp_path / "out"
    options = BatchOptions(output=out, workers=2, shards=4, keep_work=True)
    seen: list[tuple[int, int]] = []
    result = run_batch(INPUTS, options, progress=lambda d, t: seen.append((d, t)))
    expected = by_ids(analyze_records(INPUTS, tmp_path))
    assert by_ids(batch_records(out)) == expected
    assert result.pairs == result.scored == len(expected) and result.resumed == 0
    assert seen[0] == (0, len(expected)) and seen[-1] == (len(expected), len(expected))
    manifest = json.loads((out / MANIFEST).read_text())
    assert manifest["complete"] and manifest["pairs"] == len(expected)
    assert sum(p["pairs"] for p in manifest["parts"]) == len(expected)
    assert sum(manifest["level_counts"]["empathy"]) == len(expected)
    for part in manifest["parts"]:  # every part has the columns of `analyze -o x.parquet`
        names = pq.read_schema(out / part["file"]).names
        assert {"seeker_id", "response_id", "empathy_level", "style"} <= set(names)

    # Finished: a re-run does nothing.
    again = run_batch(INPUTS, options)
    assert again.already_complete and again.scored == 0 and again.pairs == len(expected)

    # An interrupted run (manifest not yet written, one part missing) resumes that part only.
    parts = sorted(out.glob("part-*.parquet"))
    lost = parts[-1]
    lost_pairs = pq.read_metadata(lost).num_rows
    lost.unlink()
    (out / MANIFEST).unlink()
    resumed = run_batch(INPUTS, options)
    assert (resumed.scored, resumed.resumed) == (lost_pairs, len(expected) - lost_pairs)
    assert by_ids(batch_records(out)) == expected

    # The recipe of docs/batch.md reads the whole folder (manifest, counts, rejects and the
    # kept _work beside the parts) with pyarrow and pandas.
    assert (out / WORK).is_dir()
    scope: dict[str, Any] = {}
    exec(docs_recipe().replace("OUT_DIR", str(out)), scope)
    table, frame = scope["table"], scope["frame"]
    assert table.num_rows == len(frame) == len(expected)
    assert set(zip(frame["seeker_id"], frame["response_id"], strict=True)) == set(expected)


def test_other_inputs_or_options_are_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(INPUTS[:1], BatchOptions(output=out, shards=2))
    with pytest.raises(InputError, match=r"differs from this one in: inputs \("):
        run_batch(INPUTS[:2], BatchOptions(output=out, shards=2))
    with pytest.raises(InputError, match=r"differs from this one in: --no-text, --redact;"):
        run_batch(INPUTS[:1], BatchOptions(output=out, shards=2, include_text=False, redact=True))
    redone = run_batch(INPUTS[:2], BatchOptions(output=out, shards=2, overwrite=True))
    assert redone.pairs == 8 and not (out / WORK).exists()


def test_a_folder_that_is_not_a_batch_output_is_left_alone(tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me")
    for overwrite in (False, True):
        with pytest.raises(InputError, match="not empty"):
            run_batch(INPUTS[:1], BatchOptions(output=out, overwrite=overwrite))
    assert (out / "notes.txt").read_text() == "keep me"


def test_bad_records_go_to_the_rejects_file_and_texts_are_redacted(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    shutil.copy(DATA / "pairs.jsonl", source / "a.jsonl")
    bad = source / "b.jsonl"
    bad.write_bytes(
        b'{"seeker_id": "s9", "response_id": "r9", "seeker": "hi", "response": "  "}\n'
        b"{broken\n"
        b'{"seeker_id": "s8", "response_id": "r8", "seeker": "I lost my dog.", '
        b'"response": "I am so sorry. Write to me at kim.lee@example.org any time."}\n'
    )
    out = tmp_path / "out"
    result = run_batch([source], BatchOptions(output=out, redact=True))
    entries = [json.loads(line) for line in (out / REJECTS).read_text().splitlines()]
    assert [(Path(e["path"]).name, e["line"], e["reason"]) for e in entries] == [
        ("b.jsonl", 1, "missing text"),
        ("b.jsonl", 2, "malformed JSON"),
    ]
    assert result.rejected == {"missing text": 1, "malformed JSON": 1}
    records = {(r["seeker_id"], r["response_id"]): r for r in batch_records(out)}
    text = str(records["s8", "r8"]["response_text"])
    assert "[email]" in text and "example.org" not in text


def test_an_empty_input_gives_an_empty_complete_output(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    result = run_batch([empty], BatchOptions(output=tmp_path / "out"))
    assert (result.pairs, result.parts) == (0, 0)
    assert json.loads((tmp_path / "out" / MANIFEST).read_text())["complete"]


def test_gpu_without_a_gpu_is_refused_before_any_work(tmp_path: Path) -> None:
    import ray

    if ray.cluster_resources().get("GPU"):
        pytest.skip("this Ray has a GPU")
    with pytest.raises(InputError, match="sees no GPU"):
        run_batch(INPUTS[:1], BatchOptions(output=tmp_path / "out", gpu=True))
    assert not (tmp_path / "out" / WORK / "staged").exists()


def test_parts_without_their_plan_are_refused_not_trusted(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(INPUTS[:1], BatchOptions(output=out, shards=2))
    (out / MANIFEST).unlink()  # no manifest and no _work: nothing says whose parts these are
    assert not (out / WORK).exists() and list(out.glob("part-*.parquet"))
    for inputs in (INPUTS[:1], INPUTS[1:2]):
        with pytest.raises(InputError, match=r"no manifest\.json.*new output folder.*--overwrite"):
            run_batch(inputs, BatchOptions(output=out, shards=2))
    redone = run_batch(INPUTS[1:2], BatchOptions(output=out, shards=2, overwrite=True))
    assert redone.resumed == 0 and redone.scored == redone.pairs
    assert by_ids(batch_records(out)) == by_ids(analyze_records(INPUTS[1:2], tmp_path))

    # Staged pairs left without their plan are not reused either.
    (out / MANIFEST).unlink()
    for part in out.glob("part-*"):
        part.unlink()
    (out / REJECTS).unlink()
    (out / WORK / "staged").mkdir(parents=True)
    with pytest.raises(InputError, match="new output folder"):
        run_batch(INPUTS[1:2], BatchOptions(output=out, shards=2))


def test_an_output_folder_inside_an_input_folder_is_not_an_input(tmp_path: Path) -> None:
    source = tmp_path / "in2"
    source.mkdir()
    shutil.copy(DATA / "pairs.jsonl", source / "a.jsonl")
    options = BatchOptions(output=source / "out", shards=2)
    first = run_batch([source], options)
    again = run_batch([source], options)  # the parts and manifest under in2/out are no inputs
    assert again.already_complete and again.pairs == first.pairs > 0


def _pool_threads() -> set[threading.Thread]:
    """The worker threads of analyzers (``carelens_0``...) in this process."""
    return {t for t in threading.enumerate() if t.name.startswith("carelens_")}


def test_an_earlier_runs_output_folder_in_an_input_folder_is_not_an_input(tmp_path: Path) -> None:
    """`batch DIR -o DIR/out2` after `batch DIR -o DIR/out` read DIR/out's parts, part
    counts, manifest and rejects as input files. They are left out, and the run says so
    once; a re-run says the same of its own folder. No analyzer thread is left in this
    process (the model is loaded by the Ray workers, which Ray ends)."""
    source = tmp_path / "in"
    source.mkdir()
    shutil.copy(DATA / "pairs.jsonl", source / "a.jsonl")
    first = source / "out"
    run_batch([source], BatchOptions(output=first, shards=2))
    threads = _pool_threads()
    second = source / "out2"
    args = ["batch", str(source), "-o", str(second), "--shards", "2"]
    result = CliRunner().invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    left_out = f"{first}: not read as an input: the output folder of another carelens batch run"
    assert result.stderr.count(left_out) == 1, result.stderr
    manifest = json.loads((second / MANIFEST).read_text(encoding="utf-8"))
    assert [Path(i["path"]).name for i in manifest["plan"]["inputs"]] == ["a.jsonl"]
    assert by_ids(batch_records(second)) == by_ids(batch_records(first))
    again = CliRunner().invoke(app, args, env={"COLUMNS": "200"})
    assert again.exit_code == 0 and "(the output was already complete)" in again.stdout
    assert again.stderr.count(left_out) == 1
    assert f"{second}: not read as an input: the output folder of this run" in again.stderr
    assert not {t for t in _pool_threads() - threads if t.is_alive()}


def test_inputs_are_checked_before_the_output_folder_is_made(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with pytest.raises(InputError, match="no such file"):
        run_batch([tmp_path / "nope.csv"], BatchOptions(output=out))
    assert not out.exists()


def test_more_threads_per_worker_than_a_node_has_is_refused(tmp_path: Path) -> None:
    import ray

    cpus = int(ray.cluster_resources()["CPU"])
    out = tmp_path / "out"
    with pytest.raises(ConfigError, match=rf"--threads-per-worker {cpus + 1} .* at most {cpus}"):
        run_batch(INPUTS[:1], BatchOptions(output=out, threads=cpus + 1))
    assert not out.exists()  # refused before any work, and nothing left to resume
    out.mkdir()
    (out / "notes.txt").write_text("mine")  # not a batch output: refused by prepare
    with pytest.raises(InputError, match="not empty"):
        run_batch(INPUTS[:1], BatchOptions(output=out, threads=cpus + 1))
    (out / "notes.txt").unlink()
    with pytest.raises(ConfigError):
        run_batch(INPUTS[:1], BatchOptions(output=out, threads=cpus + 1))
    assert out.is_dir() and not any(out.iterdir())  # a folder given empty stays, empty
    # the corrected command may now change any option: no earlier run is in its way
    done = run_batch(INPUTS[:1], BatchOptions(output=out, threads=cpus, shards=3))
    assert done.pairs > 0


def test_a_run_that_cannot_reach_ray_leaves_no_plan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ray refused (a wrong --address): no work was done, so nothing is left to resume."""

    def refused(options: BatchOptions) -> bool:
        raise ConnectionError("could not connect to the Ray cluster at 10.0.0.9:6379")

    monkeypatch.setattr(engine, "_connect", refused)
    out = tmp_path / "out"
    with pytest.raises(ConnectionError):
        run_batch(INPUTS[:1], BatchOptions(output=out))
    assert not out.exists()


def test_a_ctrl_c_before_any_part_leaves_no_plan_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C while Ray is reached (a wrong --address waits there) or while stage 1 runs:
    no part was written, so no plan is kept to refuse the corrected command's options, and
    the note claims no finished parts."""

    def stopped(options: BatchOptions) -> bool:
        raise KeyboardInterrupt

    out = tmp_path / "out"
    with monkeypatch.context() as m:
        m.setattr(engine, "_connect", stopped)
        with pytest.raises(KeyboardInterrupt):
            run_batch(INPUTS[:1], BatchOptions(output=out))
        assert not out.exists()
        out.mkdir()  # a folder given empty stays, empty
        result = CliRunner().invoke(app, ["batch", str(INPUTS[0]), "-o", str(out)])
        assert result.exit_code == 130 and "Finished parts" not in result.output
        assert "No part was finished and nothing is kept" in result.output
        assert out.is_dir() and not any(out.iterdir())

    def stopped_staging(plan: object, staged: Path, *, partitions: int) -> None:
        tmp = staged.with_name(staged.name + ".tmp")
        (tmp / "shard=0").mkdir(parents=True)
        (tmp / "shard=0" / "rows.parquet").write_bytes(b"PAR1")
        raise KeyboardInterrupt

    with monkeypatch.context() as m:
        m.setattr(engine, "stage", stopped_staging)
        with pytest.raises(KeyboardInterrupt):
            run_batch(INPUTS[:1], BatchOptions(output=out, shards=2))
        assert out.is_dir() and not any(out.iterdir())
    # the corrected command may change any option
    assert run_batch(INPUTS[:1], BatchOptions(output=out, shards=3)).pairs > 0


def test_a_ctrl_c_after_stage_1_keeps_it_to_resume(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stage 1 finished, no part yet: the plan and staged pairs are kept (a re-run skips
    stage 1), and the note says that no part was finished."""

    def stopped(*args: object) -> int:
        raise KeyboardInterrupt

    out = tmp_path / "out"
    monkeypatch.setattr(engine, "_score", stopped)
    result = CliRunner().invoke(app, ["batch", str(INPUTS[0]), "-o", str(out), "--shards", "2"])
    assert result.exit_code == 130
    note = " ".join(result.output.split())
    assert "No part was finished yet" in note and "run the same command again" in note
    assert (out / WORK / PLAN).is_file() and (out / WORK / "staged").is_dir()
    monkeypatch.undo()
    done = run_batch(INPUTS[:1], BatchOptions(output=out, shards=2))
    assert done.scored == done.pairs > 0


def test_binary_communities_that_are_not_utf8_are_none_as_in_analyze(tmp_path: Path) -> None:
    """A binary ``community`` column of a Parquet pair file: UTF-8 values are the community,
    others none, as `carelens analyze` reads them (batch took their hexadecimal, "fffe")."""
    import pyarrow as pa

    path = tmp_path / "pairs.parquet"
    table = pa.table(
        {
            "seeker_id": ["s1", "s2", "s3"],
            "response_id": ["r1", "r2", "r3"],
            "seeker": ["I feel alone.", "I lost my job.", "I can't sleep."],
            "response": ["I am here for you.", "That sounds hard.", "That must be tiring."],
            "community": pa.array([b"\xff\xfe", b"night-owls", b"\xff\xfe"], pa.binary()),
        }
    )
    pq.write_table(table, path)
    run_batch([path], BatchOptions(output=tmp_path / "out", shards=2))
    expected = analyze_records([path], tmp_path)
    assert {r["response_id"]: r["community"] for r in expected} == {
        "r1": None,
        "r2": "night-owls",
        "r3": None,
    }
    assert by_ids(batch_records(tmp_path / "out")) == by_ids(expected)


def test_a_reply_to_a_rejected_message_is_reported_as_analyze_reports_it(tmp_path: Path) -> None:
    """Message 2 has no text; 3 replies to it. Both commands write the same rejects: 3's
    parent "was rejected (line 3)" (batch said it "is not in its conversation")."""
    thread = tmp_path / "thread.csv"
    thread.write_text(
        "message_id,thread_id,parent_id,author,text\n"
        "1,t1,,ana,I can't sleep again.\n"
        "2,t1,1,ben,\n"
        "3,t1,2,ana,Thanks for asking.\n"
        "4,t1,3,ben,I'm glad you wrote.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = run_batch([thread], BatchOptions(output=out, shards=2))
    with RejectLog(tmp_path / "rejects.jsonl") as log:
        expected = analyze_records_with(thread, tmp_path, log)
    assert by_ids(batch_records(out)) == by_ids(expected)
    assert (out / REJECTS).read_text() == (tmp_path / "rejects.jsonl").read_text()
    entries = [json.loads(line) for line in (out / REJECTS).read_text().splitlines()]
    assert [e.get("detail") for e in entries] == [
        None,
        "turn '3' in conversation 't1' replies to '2', which was rejected (line 3)",
    ]
    assert result.rejected == {"missing text": 1, "unknown parent": 1}


def test_files_reusing_ids_are_each_paired_as_analyze_pairs_them(tmp_path: Path) -> None:
    """Two WordPress sites both have post 58 (conversation ``post-58``): each site's comments
    pair with its own post, as `carelens analyze` pairs each file."""
    source = tmp_path / "in"
    source.mkdir()
    site_a, site_b = source / "siteA.xml", source / "siteB.xml"
    site_a.write_bytes((EXAMPLES / "blog_comments.xml").read_bytes())
    text = site_a.read_text(encoding="utf-8").replace("blog.example.org", "other.example.net")
    text = re.sub(r">30([0-9])<", r">40\1<", text)
    text = re.sub(r"Mum was diagnosed with Alzheimer's two years ago[^<]*", "SITE-B POST", text)
    site_b.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = run_batch([source], BatchOptions(output=out, shards=3))
    expected = analyze_records([site_a, site_b], tmp_path)
    assert by_ids(batch_records(out)) == by_ids(expected)
    assert "duplicate id" not in result.rejected
    seekers = {r["response_id"]: str(r["seeker_text"]) for r in batch_records(out)}
    assert "SITE-B POST" in seekers["comment-401"] and "SITE-B" not in seekers["comment-301"]


def test_overwrite_leaves_a_folder_with_other_files_untouched(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(INPUTS[:1], BatchOptions(output=out, shards=2))
    (out / "tables").mkdir()
    (out / "tables" / "helpers.csv").write_text("helper,pairs\n")
    before = sorted(p.name for p in out.iterdir())
    with pytest.raises(InputError, match=r"not empty .*\(tables\)"):
        run_batch(INPUTS[:1], BatchOptions(output=out, shards=2, overwrite=True))
    assert sorted(p.name for p in out.iterdir()) == before
    assert json.loads((out / MANIFEST).read_text())["complete"]


def test_a_run_staged_by_the_earlier_rule_is_not_resumed(tmp_path: Path) -> None:
    """Staged rows and parts made when every format was paired across files (plans without
    ``staging``) are never mixed with this rule's."""
    out = tmp_path / "out"
    run_batch(INPUTS[:1], BatchOptions(output=out, shards=2, keep_work=True))
    for path in (out / MANIFEST, out / WORK / PLAN):  # as the earlier carelens wrote them
        data = json.loads(path.read_text())
        (data["plan"] if path.name == MANIFEST else data).pop("staging")
        path.write_text(json.dumps(data))
    with pytest.raises(InputError, match=r"staged by another version .*--overwrite"):
        run_batch(INPUTS[:1], BatchOptions(output=out, shards=2))  # finished
    (out / MANIFEST).unlink()
    next(out.glob("part-*.parquet")).unlink()
    left = sorted(p.name for p in out.iterdir())
    with pytest.raises(InputError, match=r"across all files; this one: .* within each file"):
        run_batch(INPUTS[:1], BatchOptions(output=out, shards=2))  # unfinished
    assert sorted(p.name for p in out.iterdir()) == left  # nothing restaged or scored
    assert (out / WORK / "staged").is_dir()


def test_replies_to_deleted_comments_are_counted_as_analyze_counts_them(tmp_path: Path) -> None:
    """The read task sends the ids of the items it skipped to their conversation's group,
    so a reply to a removed comment is `reply to removed`, not an `unknown parent`."""
    dump = tmp_path / "RC_2023-11.ndjson"
    reply = {
        "id": "c7",
        "author": "kind_owl",
        "body": "I saw what you wrote before it went. I'm here.",
        "parent_id": "t1_c4",
        "link_id": "t3_abc2",
        "created_utc": 1700004000,
    }
    dump.write_text(
        (DATA / "reddit_dump.ndjson").read_text(encoding="utf-8") + json.dumps(reply) + "\n",
        encoding="utf-8",
    )
    result = run_batch([dump], BatchOptions(output=tmp_path / "out", workers=1, shards=2))
    log = RejectLog()
    expected = analyze_records_with(dump, tmp_path, log)
    assert log.skipped["reply to removed"] == 1
    assert dict(result.skipped) == log.skipped and dict(result.rejected) == log.counts
    assert by_ids(batch_records(tmp_path / "out")) == by_ids(expected)


def analyze_records_with(path: Path, tmp: Path, log: RejectLog) -> list[dict[str, object]]:
    out = tmp / "single.jsonl"
    analyze_file(path, carelens.load(threads=1), out, rejects=log)
    return list(read_results(out))


def test_rejects_name_each_input_as_the_command_gave_it_as_analyze_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`carelens batch in` listed its rejects under the inputs' absolute paths, where
    `carelens analyze in/b.jsonl` lists `in/b.jsonl`: both now show the path as given, for
    rejects of reading (a missing text, a damaged line) and of pairing (an unknown parent),
    and an input that cannot be read on is named so in the error too. The plan keeps the
    resolved path, which identifies the file."""
    monkeypatch.chdir(tmp_path)
    source = Path("in")
    source.mkdir()
    (source / "b.jsonl").write_bytes(
        b'{"seeker_id": "s9", "response_id": "r9", "seeker": "hi", "response": "  "}\n'
        b"{broken\n"
        b'{"seeker_id": "s8", "response_id": "r8", "seeker": "I lost my dog.", '
        b'"response": "I am so sorry."}\n'
    )
    (source / "thread.csv").write_text(
        "message_id,thread_id,parent_id,author,text\n"
        "m1,t1,,ana,I can't sleep again.\n"
        "m2,t1,m1,ben,That sounds exhausting. What changed?\n"
        "m3,t1,m9,ben,I am here for you.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    run_batch([source], BatchOptions(output=out, shards=2))
    got = [json.loads(line) for line in (out / REJECTS).read_text("utf-8").splitlines()]
    analyzer = carelens.load(threads=1)
    expected = []
    for name in ("b.jsonl", "thread.csv"):
        listed = tmp_path / f"{name}.rejects.jsonl"
        with RejectLog(listed) as log:
            analyze_file(source / name, analyzer, tmp_path / f"{name}.out.jsonl", rejects=log)
        expected += [json.loads(line) for line in listed.read_text("utf-8").splitlines()]
    assert got == expected
    assert {e["path"] for e in got} == {"in/b.jsonl", "in/thread.csv"}
    assert [e["reason"] for e in got] == ["missing text", "malformed JSON", "unknown parent"]
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert {i["path"] for i in manifest["plan"]["inputs"]} == {
        str((source / name).resolve()) for name in ("b.jsonl", "thread.csv")
    }


def test_a_result_file_of_analyze_in_an_input_folder_is_not_an_input(tmp_path: Path) -> None:
    """`carelens analyze in/a.jsonl -o in/results.jsonl`, then `carelens batch in`: the run
    stopped on results.jsonl (no format it could detect). It is left out, with the files
    kept beside it, and said once on stderr; the run gives the records of analyze."""
    source = tmp_path / "in"
    source.mkdir()
    shutil.copy(DATA / "pairs.jsonl", source / "a.jsonl")
    results = source / "results.jsonl"
    analyze = CliRunner().invoke(app, ["analyze", str(source / "a.jsonl"), "-o", str(results)])
    assert analyze.exit_code == 0, analyze.output
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["batch", str(source), "-o", str(out), "--shards", "1"], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.output
    note = f"{results}: not read as an input: a result file of carelens analyze"
    assert result.stderr.count(note) == 1, result.stderr
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert [Path(i["path"]).name for i in manifest["plan"]["inputs"]] == ["a.jsonl"]
    assert by_ids(batch_records(out)) == by_ids(list(read_results(results)))
