"""`carelens summarize` and `carelens report` on damaged inputs and awkward output paths."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from carelens.cli.main import app

# The `invoke` fixture's type (tests/cli/conftest.py).
Invoke = Callable[..., Result]
DATA = Path(__file__).resolve().parents[1] / "data" / "cli"


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`carelens analyze` results (JSON Lines) of the three-response thread fixture."""
    out = tmp_path_factory.mktemp("analysed") / "results.jsonl"
    result = CliRunner().invoke(app, ["analyze", str(DATA / "thread.jsonl"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def result_records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def write_records(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


# --- outputs that would destroy the input, or cannot be written -------------------------


def test_rejects_naming_the_input_is_refused_before_it_is_truncated(
    invoke: Invoke, tmp_path: Path
) -> None:
    source = tmp_path / "thread.jsonl"
    shutil.copy(DATA / "thread.jsonl", source)
    before = source.read_bytes()
    for command in (["summarize"], ["report", "-o", tmp_path / "r.html"]):
        result = invoke(*command, source, "--rejects", source)
        assert result.exit_code == 2, result.output
        assert "would destroy the input" in result.output
        assert source.read_bytes() == before  # was emptied, then "analysed": 0 responses


def test_tables_never_overwrite_the_input(invoke: Invoke, tmp_path: Path) -> None:
    tables = tmp_path / "tables"
    tables.mkdir()
    source = tables / "responses.csv"  # a conversation file named like a table
    shutil.copy(DATA / "pairs.csv", source)
    before = source.read_bytes()
    result = invoke("summarize", source, "--tables", tables)
    assert result.exit_code == 2, result.output
    assert "would destroy the input" in result.output
    assert source.read_bytes() == before


def test_rejects_file_that_another_output_would_overwrite_is_refused(
    invoke: Invoke, tmp_path: Path
) -> None:
    html = tmp_path / "r.html"
    result = invoke("report", DATA / "thread.jsonl", "-o", html, "--rejects", html)
    assert result.exit_code == 2 and "--rejects" in result.output
    tables = tmp_path / "t"
    asked = tables / "helpers.csv"
    result = invoke("summarize", DATA / "thread.jsonl", "--tables", tables, "--rejects", asked)
    assert result.exit_code == 2 and "--rejects" in result.output


def test_output_paths_that_cannot_be_written_fail_before_the_work(
    invoke: Invoke, analysed: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "out.html"
    folder.mkdir()
    result = invoke("report", analysed, "-o", folder)
    assert result.exit_code == 1
    assert "--output names a folder" in result.stderr and str(folder) in result.stderr
    a_file = tmp_path / "plain.txt"
    a_file.write_text("x", encoding="utf-8")
    result = invoke("report", analysed, "-o", a_file / "sub" / "r.html")
    assert result.exit_code == 1
    assert f"{a_file}: this is a file" in result.stderr
    result = invoke("summarize", analysed, "--tables", a_file)
    assert result.exit_code == 1
    assert f"{a_file}: this is a file" in result.stderr
    assert "Communities" not in result.stdout  # refused before anything was read


def test_a_missing_input_leaves_no_output_folder_behind(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("report", tmp_path / "missing.jsonl", "-o", tmp_path / "new" / "a" / "r.html")
    assert result.exit_code != 0 and "no such file" in result.output
    result = invoke("summarize", tmp_path / "missing.jsonl", "--tables", tmp_path / "t")
    assert result.exit_code != 0 and "no such file" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_report_of_results_creates_the_output_folder(
    invoke: Invoke, analysed: Path, tmp_path: Path
) -> None:
    html = tmp_path / "new" / "folder" / "r.html"
    result = invoke("report", analysed, "-o", html)
    assert result.exit_code == 0, result.output
    assert html.is_file()


# --- damaged result files: bad records are listed and skipped, the rest is read -----------


def _rejects(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _helpers_read(tables: Path) -> list[str]:
    lines = (tables / "responses.csv").read_text(encoding="utf-8").splitlines()
    return [line.split(",")[0] for line in lines[1:]]  # response ids


def _damage(name: str, record: dict[str, Any]) -> dict[str, Any] | str:
    """Record 2 of the fixture damaged as ``name`` says (a string: the raw line)."""
    if name == "not JSON":
        return "this is not JSON"
    if name == "not an object":
        return "[1, 2, 3]"
    if name == "nested too deep":
        return "[" * 100_000  # json.loads raises RecursionError, not ValueError
    if name == "level as a string":
        record["emotional_reaction"]["level"] = "2"
    elif name == "flags as a list":
        record["flags"] = [0.1, 0.2]
    elif name == "helper distress NaN":
        record["helper"]["distress"] = float("nan")
    elif name == "text as a number":
        record["response_text"] = 42
    elif name == "no response id":
        del record["response_id"]
    elif name == "seeker as a string":
        record["seeker"] = "op"
    elif name == "model as a list":
        record["model"] = ["carelens-empathy-minilm"]
    return record


DAMAGE = {
    "not JSON": (None, "malformed JSON"),
    "not an object": (None, "not a JSON object"),
    "nested too deep": (None, "malformed JSON"),
    "level as a string": ("emotional_reaction.level", "invalid field value"),
    "flags as a list": ("flags", "invalid field value"),
    "helper distress NaN": ("helper.distress", "invalid field value"),
    "text as a number": ("response_text", "invalid field value"),
    "no response id": ("response_id", "missing id"),
    "seeker as a string": ("seeker", "invalid field value"),
    "model as a list": ("model", "invalid field value"),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_bad_record_of_a_result_file_is_listed_and_the_rest_read(
    invoke: Invoke, analysed: Path, tmp_path: Path, damage: str
) -> None:
    records = result_records(analysed)
    damaged = _damage(damage, records[1])
    lines = [json.dumps(r) if r is not damaged else None for r in records]
    lines[1] = damaged if isinstance(damaged, str) else json.dumps(damaged)
    source = tmp_path / "results.jsonl"
    source.write_text("\n".join(str(line) for line in lines) + "\n", encoding="utf-8")
    tables = tmp_path / "tables"
    result = invoke("summarize", source, "--tables", tables)
    assert result.exit_code == 0, result.output
    assert "1 bad input record skipped, listed in" in result.stderr
    (entry,) = _rejects(tables / "rejects.jsonl")
    field, reason = DAMAGE[damage]
    assert (entry["path"], entry["line"], entry["field"], entry["reason"]) == (
        str(source),
        2,
        field,
        reason,
    )
    assert "op" not in entry.get("detail", "")  # never a value that may be text
    kept = [records[0]["response_id"], records[2]["response_id"]]
    assert _helpers_read(tables) == kept
    html = tmp_path / "r.html"
    result = invoke("report", source, "-o", html)
    assert result.exit_code == 0, result.output
    assert len(_rejects(Path(f"{html}.rejects.jsonl"))) == 1


def test_a_result_file_cut_short_lists_its_last_record(
    invoke: Invoke, analysed: Path, tmp_path: Path
) -> None:
    text = analysed.read_text(encoding="utf-8")
    source = tmp_path / "cut.jsonl"
    source.write_text(text[: len(text) - 40], encoding="utf-8")  # an interrupted run
    tables = tmp_path / "t"
    result = invoke("summarize", source, "--tables", tables)
    assert result.exit_code == 0, result.output
    (entry,) = _rejects(tables / "rejects.jsonl")
    assert (entry["line"], entry["reason"]) == (3, "truncated file")
    assert len(_helpers_read(tables)) == 2
    # A last record that is whole but lacks its newline is read, not dropped.
    source.write_text(text.rstrip("\n"), encoding="utf-8")
    result = invoke("summarize", source, "--tables", tables)
    assert result.exit_code == 0, result.output
    assert len(_helpers_read(tables)) == 3 and "skipped" not in result.stderr


def test_byte_order_marks_blank_lines_and_repeats(
    invoke: Invoke, analysed: Path, tmp_path: Path
) -> None:
    lines = analysed.read_text(encoding="utf-8").splitlines()
    source = tmp_path / "saved-by-notepad.jsonl"
    body = "\r\n".join([lines[0], "", lines[1], lines[2], lines[0]]) + "\r\n"
    source.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    tables = tmp_path / "t"
    result = invoke("summarize", source, "--tables", tables)
    assert result.exit_code == 0, result.output
    assert "exchanges read" not in result.stderr  # read as results, not analysed again
    assert len(_helpers_read(tables)) == 3  # the blank line is no record; the repeat is one
    (entry,) = _rejects(tables / "rejects.jsonl")
    assert (entry["line"], entry["field"], entry["reason"]) == (5, "response_id", "duplicate id")
    results_csv = tmp_path / "results.csv"
    assert invoke("analyze", DATA / "thread.jsonl", "-o", results_csv).exit_code == 0
    bom_csv = tmp_path / "bom.csv"
    bom_csv.write_bytes(b"\xef\xbb\xbf" + results_csv.read_bytes())
    result = invoke("summarize", bom_csv, "--tables", tables)
    assert result.exit_code == 0, result.output
    assert len(_helpers_read(tables)) == 3


def test_a_damaged_or_blank_first_line_is_no_reason_to_analyse_the_results(
    invoke: Invoke, analysed: Path, tmp_path: Path
) -> None:
    """Only the first line used to decide whether a file is results: one cut short, or a
    blank one, made the file a conversation file ("cannot detect the input format")."""
    first, *rest = analysed.read_text(encoding="utf-8").splitlines(keepends=True)
    cut = tmp_path / "cut.jsonl"
    cut.write_text(first[:50] + "\n" + "".join(rest), encoding="utf-8")
    tables = tmp_path / "t"
    result = invoke("summarize", cut, "--tables", tables)
    assert result.exit_code == 0, result.output
    (entry,) = _rejects(tables / "rejects.jsonl")
    assert (entry["line"], entry["field"], entry["reason"]) == (1, None, "malformed JSON")
    assert _helpers_read(tables) == [json.loads(line)["response_id"] for line in rest]
    html = tmp_path / "r.html"
    result = invoke("report", cut, "-o", html)
    assert result.exit_code == 0, result.output
    assert len(_rejects(Path(f"{html}.rejects.jsonl"))) == 1
    blank = tmp_path / "blank.jsonl"
    blank.write_text("\n" + first + "".join(rest), encoding="utf-8")
    result = invoke("summarize", blank, "--tables", tables)
    assert result.exit_code == 0, result.output
    assert "skipped" not in result.stderr and len(_helpers_read(tables)) == 3


def test_a_csv_result_file_with_a_blank_first_line_is_read(invoke: Invoke, tmp_path: Path) -> None:
    # Was read as a conversation file ("missing required column(s) 'sp_id'"), and then as a
    # result file whose header was its blank first line.
    lines = _csv_results(invoke, tmp_path)
    source = tmp_path / "blank.csv"
    source.write_text("\n\n" + "".join(lines), encoding="utf-8")
    blank, plain = tmp_path / "t_blank", tmp_path / "t_plain"
    result = invoke("summarize", source, "--tables", blank)
    assert result.exit_code == 0, result.output
    assert "skipped" not in result.stderr
    assert invoke("summarize", tmp_path / "results.csv", "--tables", plain).exit_code == 0
    assert (blank / "helpers.csv").read_bytes() == (plain / "helpers.csv").read_bytes()


def _csv_results(invoke: Invoke, tmp_path: Path) -> list[str]:
    out = tmp_path / "results.csv"
    assert invoke("analyze", DATA / "thread.jsonl", "-o", out).exit_code == 0
    return out.read_text(encoding="utf-8").splitlines(keepends=True)


def test_csv_results_with_extra_columns_bad_cells_and_other_encodings(
    invoke: Invoke, tmp_path: Path
) -> None:
    header, *rows = _csv_results(invoke, tmp_path)
    assert len(rows) == 3 and all("\n" not in r[:-1] for r in rows)
    level = header.split(",").index("emotional_reaction_level")
    cells = rows[1].split(",")
    cells[level] = "two"
    source = tmp_path / "edited.csv"
    # A column of the user's own, a word for a level, a Latin-1 row, a row cut short.
    edited = [
        "note," + header,
        "mine," + rows[0],
        "mine," + ",".join(cells),
        "caf\xe9," + rows[2],
    ]
    source.write_bytes(
        b"".join(line.encode("latin-1" if "caf" in line else "utf-8") for line in edited)
        + ("mine," + rows[0][:30]).encode("utf-8")
    )
    tables = tmp_path / "t"
    result = invoke("summarize", source, "--tables", tables)
    assert result.exit_code == 0, result.output
    entries = _rejects(tables / "rejects.jsonl")
    assert [(e["line"], e["field"], e["reason"]) for e in entries] == [
        (3, "emotional_reaction_level", "invalid field value"),
        (4, None, "invalid UTF-8"),
        (5, None, "truncated file"),
    ]
    assert "4 bad input records" not in result.stderr
    assert "3 bad input records skipped" in result.stderr
    assert len(_helpers_read(tables)) == 1


def test_a_result_file_of_only_bad_records_says_so(
    invoke: Invoke, analysed: Path, tmp_path: Path
) -> None:
    records = result_records(analysed)
    for record in records:
        record["flags"] = "none"
    source = write_records(tmp_path / "bad.jsonl", records)
    html = tmp_path / "r.html"
    result = invoke("report", source, "-o", html)
    assert result.exit_code == 1, result.output  # written, but nothing to show: a failure
    assert "3 bad input records skipped" in result.stderr
    assert "Nothing to show: every record was rejected" in result.stderr
    assert 'id="nothing"' in html.read_text(encoding="utf-8")


def test_a_conversation_csv_with_a_level_column_is_analysed_not_read_as_results(
    invoke: Invoke, tmp_path: Path
) -> None:
    """A conversation file with ``response_id`` and a ``*_level`` column of its own is no
    result file: only a header with each dimension's level, probabilities and spans is."""
    source = tmp_path / "conversations.csv"
    source.write_text(
        "seeker_id,response_id,seeker,response,urgency_level\n"
        "s1,r1,I failed my exam again.,That sounds exhausting. What happened?,1\n",
        encoding="utf-8",
    )
    tables = tmp_path / "tables"
    result = invoke("summarize", source, "--tables", tables)
    assert result.exit_code == 0, result.output
    responses = (tables / "responses.csv").read_text(encoding="utf-8")
    assert "r1" in responses and responses.count("\n") == 2


def test_a_conversation_parquet_file_is_analysed_not_read_as_results(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from carelens.insights import is_result_file

    pairs = tmp_path / "pairs.parquet"
    rows = [{"seeker_id": "s1", "response_id": "r1", "seeker": "Hi.", "response": "Hello."}]
    pq.write_table(pa.Table.from_pylist(rows), pairs)
    assert not is_result_file(pairs)  # was taken as results: every level 0, nothing analysed
    junk = tmp_path / "junk.parquet"
    junk.write_bytes(b"not parquet")
    assert not is_result_file(junk)
    results = tmp_path / "results.parquet"
    result = CliRunner().invoke(app, ["analyze", str(DATA / "thread.jsonl"), "-o", str(results)])
    assert result.exit_code == 0, result.output
    assert is_result_file(results)


# --- names from the data ------------------------------------------------------------------


def test_control_characters_in_names_never_reach_the_terminal_or_the_page(
    invoke: Invoke, analysed: Path, tmp_path: Path
) -> None:
    records = result_records(analysed)
    records[0]["speaker"] = "eve\x1b[2J\x1b]0;owned\x07\x00"  # clear screen, set title, NUL
    records[1]["community"] = "forum\x1b[31m"
    source = write_records(tmp_path / "results.jsonl", records)
    result = invoke("summarize", source)
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\x00" not in result.stdout
    assert "eve\\x1b[2J" in result.stdout  # shown, harmlessly
    html = tmp_path / "r.html"
    assert invoke("report", source, "-o", html).exit_code == 0
    page = html.read_text(encoding="utf-8")
    assert not any(c in page for c in "\x00\x07\x1b")
    assert "eve\ufffd[2J" in page
