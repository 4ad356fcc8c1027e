"""Exit codes and error paths every command shares: 2 when the command line is wrong (click's
usage message), 1 when the input, data or environment is wrong (one ``error:`` line), 1 when
nothing was analysed, 141 on a closed stdout, 143 on a SIGTERM; and the rejects file nobody
asked for, made only when a record is rejected."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

Invoke = Callable[..., Result]

CARELENS = [sys.executable, "-m", "carelens.cli.main"]


def said(text: str) -> str:
    return " ".join(text.split())


def _rejected_file(tmp_path: Path) -> Path:
    """A pairs file whose every record is rejected (no response text)."""
    source = tmp_path / "empty-replies.jsonl"
    source.write_text(
        '{"seeker": "I feel alone", "response": ""}\n{"seeker": "Help", "response": " "}\n',
        encoding="utf-8",
    )
    return source


@pytest.mark.parametrize(
    "args",
    [
        ("analyze", "{missing}"),
        ("summarize", "{missing}"),
        ("report", "{missing}", "-o", "{tmp}/r.html"),
        ("evaluate", "{missing}"),
        ("evaluate", "{data}/labeled.csv", "--annotations", "{missing}"),
        ("evaluate-contrast", "{missing}"),
        ("train", "--data", "{missing}", "--output", "{tmp}/model"),
        (
            "train",
            "--data",
            "{data}/train.csv",
            "--output",
            "{tmp}/model",
            "--written-for",
            "interpretation={missing}",
        ),
        ("fit-spans", "{tmp}", "{missing}"),
    ],
)
def test_a_missing_input_file_is_one_error_line_and_exit_1(
    invoke: Invoke, data: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    missing = tmp_path / "nope.jsonl"
    filled = [a.format(missing=missing, tmp=tmp_path, data=data) for a in args]
    result = invoke(*filled)
    assert result.exit_code == 1, result.output
    assert f"error: {missing}: no such file" in said(result.stderr)
    assert "Invalid value" not in result.stderr and not (tmp_path / "model").exists()


def test_a_missing_model_folder_is_an_error_too(invoke: Invoke, data: Path, tmp_path: Path) -> None:
    result = invoke("fit-spans", tmp_path / "nowhere", data / "train.csv")
    assert result.exit_code == 1
    assert f"error: {tmp_path / 'nowhere'}: no such folder" in said(result.stderr)


@pytest.mark.parametrize(
    "args",
    [
        ("analyze", "{data}/pairs.csv", "-o", "{tmp}/o.jsonl"),
        ("summarize", "{data}/pairs.csv"),
        ("evaluate", "{data}/labeled.csv"),
        ("evaluate-contrast", "{data}/labeled.csv"),
    ],
)
def test_a_missing_or_file_model_is_worded_as_fit_spans_words_it(
    invoke: Invoke, data: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    """``--model`` that names nothing, or a file, is said so: not "no manifest.json found"."""
    filled = [a.format(data=data, tmp=tmp_path) for a in args]
    for model, message in (
        (tmp_path / "nowhere", "no such folder"),
        (data / "train.csv", "this is a file; name a folder"),
    ):
        result = invoke(*filled, "--model", model)
        assert result.exit_code == 1, result.output
        assert said(result.stderr).endswith(f"error: {model}: {message}")
        assert "manifest" not in result.stderr


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (("analyze", "{data}/pairs.csv", "-f", "xlsx"), "--format"),
        (("summarize", "{data}/pairs.csv", "--format", "xlsx"), "--format"),
        (("analyze", "{data}/pairs.csv", "-m", "speaker"), "--column-map"),
        (("analyze", "{data}/pairs.csv", "-m", "speker=x"), "--column-map"),
        (("evaluate", "{data}/labeled.csv", "--split", "nonsense"), "--split"),
        (("analyze", "{data}/pairs.csv", "--threads", "0"), "--threads"),
        (("summarize", "{data}/thread.jsonl", "--top", "0"), "--top"),
        (("analyze", "{data}/pairs.csv", "-o", "{tmp}/out.txt"), "--output"),
        (("report", "{data}/thread.jsonl", "-o", "{tmp}/out.pdf"), "--output"),
    ],
)
def test_a_wrong_command_line_is_a_usage_error(
    invoke: Invoke, data: Path, tmp_path: Path, args: tuple[str, ...], option: str
) -> None:
    result = invoke(*(a.format(data=data, tmp=tmp_path) for a in args))
    assert result.exit_code == 2, result.output
    assert option in result.stderr and "error:" not in result.stderr
    assert not list(tmp_path.iterdir())  # nothing made


def test_an_output_that_is_a_folder_says_so(invoke: Invoke, data: Path, tmp_path: Path) -> None:
    result = invoke("analyze", data / "pairs.csv", "-o", tmp_path)
    assert result.exit_code == 1
    message = said(result.stderr)
    assert f"error: {tmp_path}: --output names a folder; name a file in it instead" in message
    assert "extension" not in message


def test_a_folder_input_is_not_told_the_python_keyword(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("analyze", tmp_path)
    assert result.exit_code == 1
    message = said(result.stderr)
    assert "pass one with --format." in message and "format=" not in message


def test_a_labelled_file_is_not_told_to_use_a_column_map(invoke: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "other.csv"
    source.write_text("question,answer,level\nI feel alone,Oh no,1\n", encoding="utf-8")
    evaluated = said(invoke("evaluate", source).stderr)
    assert "column map" not in evaluated and "thread" not in evaluated
    assert "read in the EPITOME layout only" in evaluated
    assert "rename the file's columns" in evaluated
    analysed = said(invoke("analyze", source).stderr)  # analyze takes one: told so
    assert "Map other names with a column map" in analysed


# --- outputs that cannot be written: exit 1 for every command ----------------------------


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (("analyze", "{data}/pairs.csv", "-o", "{file}/out.jsonl"), "--output"),
        (
            ("analyze", "{data}/pairs.csv", "-o", "{tmp}/o.jsonl", "--rejects", "{file}/r.jsonl"),
            "--rejects",
        ),
        (("summarize", "{data}/thread.jsonl", "--tables", "{file}"), "--tables"),
        (("summarize", "{data}/thread.jsonl", "--tables", "{file}/tables"), "--tables"),
        (("summarize", "{data}/thread.jsonl", "--rejects", "{file}/r.jsonl"), "--rejects"),
        (("report", "{data}/thread.jsonl", "-o", "{file}/r.html"), "--output"),
        (("batch", "{data}/pairs.csv", "-o", "{file}"), "--output"),
        (("batch", "{data}/pairs.csv", "-o", "{file}/out"), "--output"),
        (("evaluate", "{data}/labeled.csv", "--rejects", "{file}/r.jsonl"), "--rejects"),
        (("train", "--data", "{data}/train.csv", "--output", "{file}/model"), "--output"),
        (
            (
                "train",
                "--data",
                "{data}/train.csv",
                "--output",
                "{tmp}/m",
                "--save-state",
                "{file}/w/s.pt",
            ),
            "--save-state",
        ),
        (("serve", "--data-dir", "{file}", "--port", "0"), "--data-dir"),
    ],
)
def test_an_output_with_a_file_in_the_way_is_one_error_line_and_exit_1(
    invoke: Invoke, data: Path, tmp_path: Path, args: tuple[str, ...], option: str
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("mine", encoding="utf-8")
    result = invoke(*(a.format(data=data, tmp=tmp_path, file=blocker) for a in args))
    assert result.exit_code == 1, result.output
    message = said(result.stderr)
    assert message.startswith(
        f"error: {blocker}: this is a file, so nothing can be written in it; choose another "
        f"folder for {option}"
    ), message
    assert "Invalid value" not in result.stderr and "Traceback" not in result.output
    assert blocker.read_text(encoding="utf-8") == "mine" and not (tmp_path / "m").exists()


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("analyze", "{data}/pairs.csv", "-o", "{dir}"), "{dir}: --output names a folder"),
        (
            ("summarize", "{data}/thread.jsonl", "--rejects", "{dir}"),
            "{dir}: --rejects names a folder",
        ),
        # a folder without the .html of a report: a folder first, not a wrong extension (2)
        (("report", "{data}/thread.jsonl", "-o", "{dir}"), "{dir}: --output names a folder"),
        (
            ("evaluate", "{data}/labeled.csv", "--rejects", "{dir}"),
            "{dir}: --rejects names a folder",
        ),
        (
            ("train", "--data", "{data}/train.csv", "--output", "{file}"),
            "--output: {file} is a file; name a folder for the model",
        ),
        (
            ("train", "--data", "{data}/train.csv", "--output", "{tmp}/m", "--save-state", "{dir}"),
            "--save-state: {dir} is a folder; name a file in it instead",
        ),
        (
            ("train", "--data", "{data}/train.csv", "--output", "{full}"),
            "--output: {full} already holds notes.txt; choose a new or empty folder",
        ),
    ],
)
def test_an_output_of_the_wrong_kind_is_one_error_line_and_exit_1(
    invoke: Invoke, data: Path, tmp_path: Path, args: tuple[str, ...], says: str
) -> None:
    folder, file, full = tmp_path / "folder", tmp_path / "file", tmp_path / "full"
    folder.mkdir()
    full.mkdir()
    (full / "notes.txt").write_text("mine", encoding="utf-8")
    file.write_text("mine", encoding="utf-8")
    paths = {"data": data, "tmp": tmp_path, "dir": folder, "file": file, "full": full}
    result = invoke(*(a.format(**paths) for a in args))
    assert result.exit_code == 1, result.output
    assert said(result.stderr).startswith(f"error: {says.format(**paths)}"), result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "folder", "full"]
    assert list(folder.iterdir()) == [] and file.read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize(
    ("args", "what"),
    [
        (("analyze", "{data}/pairs.csv", "-o", "{locked}/out.jsonl"), "write in"),
        (("report", "{data}/thread.jsonl", "-o", "{locked}/sub/r.html"), "create folders in"),
        (("batch", "{data}/pairs.csv", "-o", "{locked}/out"), "create folders in"),
        # the model is built beside its folder, in the folder that cannot be written
        (("train", "--data", "{data}/train.csv", "--output", "{locked}/model"), "write in"),
    ],
)
def test_an_output_in_a_folder_without_write_permission_is_exit_1(
    invoke: Invoke,
    data: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    what: str,
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    if os.geteuid() == 0:  # root writes anywhere: the permission check is told it may not
        allowed = os.access
        monkeypatch.setattr(
            os, "access", lambda path, mode: Path(path) != locked and allowed(path, mode)
        )
    try:
        result = invoke(*(a.format(data=data, locked=locked) for a in args))
    finally:
        locked.chmod(0o700)
    assert result.exit_code == 1, result.output
    assert said(result.stderr).startswith(
        f"error: {locked}: cannot {what} this folder (permission denied); choose another "
        "folder for --output"
    ), result.stderr
    assert list(locked.iterdir()) == []


# --- nothing done ---------------------------------------------------------------------------


def test_analyze_of_a_file_whose_every_record_is_rejected_exits_1(
    invoke: Invoke, tmp_path: Path
) -> None:
    out = tmp_path / "o.jsonl"
    result = invoke("analyze", _rejected_file(tmp_path), "-o", out)
    assert result.exit_code == 1, result.output
    assert "Summary" in result.stdout and "rejected records" in result.stdout  # written first
    rejects = Path(f"{out}.rejects.jsonl")
    assert len(rejects.read_text(encoding="utf-8").splitlines()) == 2
    message = said(result.stderr)
    assert "error: Nothing was analysed: all 2 records were rejected" in message
    assert f"(rejects: {rejects})" in message


def test_summarize_and_report_of_only_rejected_records_exit_1(
    invoke: Invoke, tmp_path: Path
) -> None:
    source = _rejected_file(tmp_path)
    rejects = tmp_path / "r.jsonl"
    summarized = invoke("summarize", source, "--rejects", rejects)
    assert summarized.exit_code == 1, summarized.output
    assert "error: Nothing to show: every record was rejected" in said(summarized.stderr)
    assert str(rejects) in said(summarized.stderr) and rejects.is_file()
    html = tmp_path / "r.html"
    reported = invoke("report", source, "-o", html)
    assert reported.exit_code == 1, reported.output
    assert "Nothing to show" in said(reported.stderr) and html.is_file()  # says so, too


@pytest.mark.parametrize("command", ["analyze", "summarize"])
def test_a_helper_that_matches_no_one_exits_1(invoke: Invoke, data: Path, command: str) -> None:
    result = invoke(command, data / "thread.jsonl", "--helper", "nobody", "-q")
    assert result.exit_code == 1, result.output
    assert "by a speaker that matches --helper nobody" in said(result.stderr)


def test_an_input_with_no_record_exits_1(invoke: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "blank.jsonl"
    source.write_text("\n", encoding="utf-8")
    result = invoke("analyze", source, "-o", tmp_path / "o.jsonl", "-q")
    assert result.exit_code == 1
    assert "error: Nothing was analysed: the file holds no message" in said(result.stderr)


# --- the rejects file nobody asked for --------------------------------------------------------


@pytest.mark.parametrize("command", ["analyze", "summarize"])
def test_a_screen_only_run_makes_no_rejects_file_when_nothing_is_rejected(
    invoke: Invoke, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "carelens-rejects.jsonl").write_text("an earlier run's\n", encoding="utf-8")
    result = invoke(command, data / "thread.jsonl", "-q")
    assert result.exit_code == 0, result.output
    assert list(tmp_path.iterdir()) == []  # nothing made, the earlier run's removed


@pytest.mark.parametrize("command", ["analyze", "summarize"])
def test_a_screen_only_run_writes_its_rejects_at_the_end(
    invoke: Invoke, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke(command, data / "malformed.jsonl", "-q")
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.iterdir()] == ["carelens-rejects.jsonl"]
    assert (tmp_path / "carelens-rejects.jsonl").read_text(encoding="utf-8")


def test_a_default_rejects_file_that_cannot_be_written_names_the_option(
    invoke: Invoke, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "carelens-rejects.jsonl").mkdir()  # in the way of the file
    result = invoke("analyze", data / "malformed.jsonl", "-q")
    assert result.exit_code == 1
    message = said(result.stderr)
    assert "error: carelens-rejects.jsonl: cannot write the rejects file here" in message
    assert "--rejects" in message
    assert list((tmp_path / "carelens-rejects.jsonl").iterdir()) == []


# --- signals, pipes and ports (real processes) ----------------------------------------------

posix = pytest.mark.skipif(os.name == "nt", reason="POSIX signals and pipes")


def _pairs(path: Path, n: int) -> Path:
    rows = [
        {"seeker_id": f"s{i}", "response_id": f"r{i}", "seeker": f"I feel alone {i}",
         "response": f"That sounds hard, {i}."}
        for i in range(n)
    ]  # fmt: skip
    rows.insert(1, {"seeker_id": "s", "response_id": "r", "seeker": "no reply"})  # one reject
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@posix
def test_a_sigterm_stops_analyze_as_ctrl_c_does_and_the_run_resumes(tmp_path: Path) -> None:
    source, out = _pairs(tmp_path / "pairs.jsonl", 2000), tmp_path / "out.jsonl"
    command = [*CARELENS, "analyze", str(source), "-o", str(out), "--threads", "1"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    while not (out.is_file() and out.stat().st_size) and process.poll() is None:
        assert time.monotonic() < deadline, "no result was written"
        time.sleep(0.1)
    assert process.poll() is None, "the run ended before the signal"
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=120)
    message = said(err.decode())
    assert process.returncode == 143, message
    assert "interrupted (SIGTERM)." in message and "run the same command again to resume" in message
    assert "Traceback" not in message
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "out.jsonl",
        "out.jsonl.digests",
        "out.jsonl.options.json",
        "out.jsonl.rejects.jsonl",
        "pairs.jsonl",
    ]  # no out.jsonl.lock: the run removes its lock
    resumed = subprocess.run([*command, "-q"], capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2000


@posix
def test_a_closed_stdout_ends_quietly(data: Path) -> None:
    process = subprocess.Popen(
        [*CARELENS, "analyze", str(data / "thread.jsonl"), "-q"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # as `| head` does, before the table is printed
    with process.stderr:
        err = process.stderr.read().decode()
    process.wait(timeout=300)
    assert process.returncode == 141, err
    assert err == ""


def test_serve_on_a_busy_port_is_one_error_line_without_a_banner(tmp_path: Path) -> None:
    pytest.importorskip("uvicorn")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(
            [*CARELENS, "serve", "--port", str(port), "--data-dir", str(tmp_path)],
            capture_output=True,
            text=True,
            timeout=300,
        )
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith(f"error: port {port} is in use")
    assert "carelens on http" not in result.stderr and "Errno" not in result.stderr
