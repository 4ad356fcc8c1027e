"""``carelens analyze`` on pipes, refusing to write over its own input, and inputs that are
not what their name says."""

from __future__ import annotations

import errno
import json
import os
import shutil
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import Result

from carelens.output import read_results

Invoke = Callable[..., Result]

CORPUS = Path(__file__).resolve().parents[1] / "data" / "readers" / "convokit_corpus"
PAIRS = (
    "seeker_id,response_id,seeker,response\n"
    "s1,r1,My dog is sick and I'm scared.,That's frightening. How is he doing today?\n"
    "s2,r2,I didn't get the job.,I'm sorry. You must be disappointed.\n"
)


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Callable[[str, str], Path]]:
    """A named pipe fed ``text`` once by a thread; later opens get an empty stream at once,
    so that reading it twice shows up as missing data instead of a hang."""
    threads: list[threading.Thread] = []
    stop = threading.Event()

    def make(name: str, text: str) -> Path:
        path = tmp_path / name
        os.mkfifo(path)

        def feed() -> None:
            with path.open("w", encoding="utf-8") as fh:  # blocks until a reader opens it
                fh.write(text)
            while not stop.is_set():
                try:
                    fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
                except OSError as exc:
                    if exc.errno != errno.ENXIO:  # ENXIO: no reader yet
                        raise
                    time.sleep(0.01)
                else:
                    os.close(fd)

        thread = threading.Thread(target=feed, daemon=True)
        thread.start()
        threads.append(thread)
        return path

    yield make
    stop.set()
    for thread in threads:
        thread.join(timeout=5)


def test_analyze_reads_a_pipe_with_format(
    invoke: Invoke, tmp_path: Path, fifo: Callable[[str, str], Path]
) -> None:
    source = fifo("stream", PAIRS)
    out = tmp_path / "p.jsonl"
    result = invoke("analyze", "-f", "csv", source, "-o", out)
    assert result.exit_code == 0, result.output
    assert [r["response_id"] for r in read_results(out)] == ["r1", "r2"]


def test_analyze_of_a_pipe_without_format_asks_for_it(
    invoke: Invoke, tmp_path: Path, fifo: Callable[[str, str], Path]
) -> None:
    source = fifo("stream", PAIRS)
    result = invoke("analyze", source, "-o", tmp_path / "p.jsonl")
    assert result.exit_code == 1
    assert "--format" in result.stderr and "pipe" in result.stderr
    assert "no such file" not in result.stderr


def _input(tmp_path: Path, name: str = "v.csv") -> Path:
    path = tmp_path / name
    path.write_text(PAIRS, encoding="utf-8")
    return path


def _refused(result: Result, source: Path, option: str) -> None:
    assert result.exit_code == 2, result.output
    assert option in result.stderr and "input" in result.stderr
    assert source.read_text(encoding="utf-8") == PAIRS


def test_output_over_the_input_is_refused(invoke: Invoke, tmp_path: Path) -> None:
    source = _input(tmp_path)
    _refused(invoke("analyze", source, "-o", source, "--overwrite"), source, "--output")
    _refused(invoke("analyze", source, "-o", source), source, "--output")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["v.csv"]


def test_output_through_a_link_is_refused(invoke: Invoke, tmp_path: Path) -> None:
    source = _input(tmp_path)
    (tmp_path / "soft.csv").symlink_to(source)
    os.link(source, tmp_path / "hard.csv")
    for link in ("soft.csv", "hard.csv"):
        _refused(
            invoke("analyze", source, "-o", tmp_path / link, "--overwrite"), source, "--output"
        )
    relative = invoke("analyze", source, "-o", tmp_path / "sub" / ".." / "v.csv", "--overwrite")
    _refused(relative, source, "--output")


def test_rejects_over_the_input_is_refused(invoke: Invoke, tmp_path: Path) -> None:
    source = _input(tmp_path, "v2.csv")
    out = tmp_path / "o.jsonl"
    _refused(invoke("analyze", source, "-o", out, "--rejects", source), source, "--rejects")
    assert not out.exists()


def test_default_rejects_path_over_the_input_is_refused(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _input(tmp_path, "o.jsonl.rejects.jsonl")
    _refused(invoke("analyze", source, "-o", tmp_path / "o.jsonl"), source, "--rejects")
    monkeypatch.chdir(tmp_path)
    source = _input(tmp_path, "carelens-rejects.jsonl")
    _refused(invoke("analyze", source), source, "--rejects")


def test_parquet_companion_over_the_input_is_refused(invoke: Invoke, tmp_path: Path) -> None:
    source = _input(tmp_path, "o.parquet.partial.jsonl")
    result = invoke("analyze", source, "-f", "csv", "-o", tmp_path / "o.parquet")
    _refused(result, source, "--output")


def test_options_file_over_the_input_is_refused(invoke: Invoke, tmp_path: Path) -> None:
    # The options of a run are kept beside its output, in OUT.options.json.
    source = _input(tmp_path, "o.jsonl.options.json")
    result = invoke("analyze", source, "-f", "csv", "-o", tmp_path / "o.jsonl")
    _refused(result, source, "--output")


def test_output_into_a_convokit_folder_input_is_refused(invoke: Invoke, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    utterances = corpus / "utterances.jsonl"
    utterances.write_text(PAIRS, encoding="utf-8")
    result = invoke("analyze", corpus, "-o", utterances, "--overwrite")
    _refused(result, utterances, "--output")


def test_a_rerun_into_a_convokit_folder_input_does_not_read_its_own_output(
    invoke: Invoke, tmp_path: Path
) -> None:
    # `analyze DIR -o DIR/results.jsonl` twice: the corpus is its utterances file alone, so
    # the results, options and digests written beside it are never read as input (a
    # folder that is not a corpus is not an input of analyze at all).
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    out = corpus / "results.jsonl"
    assert invoke("analyze", corpus, "-o", out).exit_code == 0
    written = out.read_bytes()
    again = invoke("analyze", corpus, "-o", out)
    assert again.exit_code == 0, again.output
    assert "0 (+ 1 already in the output: 1 in all)" in again.stdout
    assert out.read_bytes() == written
    other = invoke("analyze", corpus, "-o", corpus / "results2.jsonl")
    assert other.exit_code == 0 and len(list(read_results(corpus / "results2.jsonl"))) == 1


def test_rejects_over_the_output_is_refused(invoke: Invoke, tmp_path: Path) -> None:
    source = _input(tmp_path)
    out = tmp_path / "o.jsonl"
    result = invoke("analyze", source, "-o", out, "--rejects", out)
    assert result.exit_code == 2, result.output
    assert "--rejects" in result.stderr
    assert not out.exists()


def test_analyze_of_a_line_nested_too_deep_fails_cleanly(invoke: Invoke, tmp_path: Path) -> None:
    """Format detection let json.loads' RecursionError out: a traceback."""
    source = tmp_path / "nested.jsonl"
    source.write_text(
        '{"seeker": "I am sad", "response": ' + "[" * 10_000 + "]" * 10_000 + "}\n", "utf-8"
    )
    # json.loads fails on this nesting at Python's default recursion limit; a library an
    # earlier test used (hypothesis raises the limit while it runs) may have left it higher.
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(1000)
    try:
        result = invoke("analyze", source, "-o", tmp_path / "out.jsonl")
    finally:
        sys.setrecursionlimit(limit)
    assert result.exit_code == 1, result.output
    assert "cannot detect the input format" in result.stderr and "--format" in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert "RecursionError" not in result.output + result.stderr


def test_analyze_of_a_json_array_named_csv_quotes_none_of_it(
    invoke: Invoke, tmp_path: Path
) -> None:
    source = tmp_path / "array.csv"
    rows = [{"seeker": f"I lost my job {i}", "response": "That sounds hard"} for i in range(500)]
    source.write_text(json.dumps(rows), encoding="utf-8")
    result = invoke("analyze", source, "-o", tmp_path / "out.jsonl")
    assert result.exit_code == 1, result.output
    assert "does not look like a header" in result.stderr and "JSON" in result.stderr
    assert "lost my job" not in result.stderr and len(result.stderr) < 1500


def test_analyze_reads_a_csv_with_cr_line_ends(invoke: Invoke, tmp_path: Path) -> None:
    """Excel for Mac's "CSV (Macintosh)": the header could not be parsed, exit 1."""
    source = tmp_path / "mac.csv"
    source.write_bytes(
        b"seeker_id,response_id,seeker,response\r"
        b"s1,r1,I feel sad,I am here for you\r"
        b"s2,r2,I lost my job,\r"
        b"s3,r3,I lost my job,That is hard\r"
    )
    out = tmp_path / "mac.jsonl"
    result = invoke("analyze", source, "--threads", "1", "-o", out)
    assert result.exit_code == 0, result.output + result.stderr
    assert [r["response_id"] for r in read_results(out)] == ["r1", "r3"]
    (reject,) = [json.loads(line) for line in Path(f"{out}.rejects.jsonl").read_text().splitlines()]
    assert (reject["line"], reject["reason"]) == (3, "missing text")


def test_analyze_detects_a_csv_with_quoted_names_and_blank_lines_first(
    invoke: Invoke, tmp_path: Path
) -> None:
    """R's write.csv quotes every name: not detected unless named .csv."""
    source = tmp_path / "export.txt"
    source.write_text(
        '\n"seeker_id","response_id","seeker","response"\n"s1","r1","I feel sad","I am here"\n',
        encoding="utf-8",
    )
    out = tmp_path / "exp.jsonl"
    result = invoke("analyze", source, "--threads", "1", "-o", out)
    assert result.exit_code == 0, result.output + result.stderr
    assert [r["response_id"] for r in read_results(out)] == ["r1"]
