"""Where the insights' records come from: a ``carelens batch`` output folder against a
result file, and how each treats records that repeat a seeker and response id."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from insight_rows import record
from typer.testing import CliRunner

from carelens.cli.main import app
from carelens.errors import InputError
from carelens.insights import Insights, records_from
from carelens.output.records import flatten_record, parquet_schema, require_pyarrow
from carelens.readers import RejectLog
from carelens.readers.helpers import HelperPatterns
from carelens.taxonomy import RESPONSE_DIMENSIONS

pa = require_pyarrow()
DIMS = list(RESPONSE_DIMENSIONS)


def _no_analyzer() -> Any:
    raise AssertionError("results are read, never analysed")


def _pair(seeker_id: str, response_id: str, helper: str, text: str) -> dict[str, Any]:
    out = record(response_id, speaker=helper, response=text)
    out["seeker_id"] = seeker_id
    return out


#: Two input files that both number their pairs s1/r1, s2/r2 (a CSV and a Parquet file, say):
#: four different pairs, as ``carelens batch`` scores them.
FIRST_FILE = [
    _pair("s1", "r1", "ana", "That sounds discouraging. What happened?"),
    _pair("s2", "r2", "ana", "I'm so sorry, you must feel lost."),
]
SECOND_FILE = [
    _pair("s1", "r1", "ben", "I'm so sorry, that sounds really hard."),
    _pair("s2", "r2", "ben", "Losing a pet is losing family."),
    _pair("s3", "r3", "ben", "What helps you on the hard days?"),
]


def _write_part(path: Path, records: Sequence[dict[str, Any]]) -> None:
    rows = [flatten_record(r, DIMS) for r in records]
    pa.parquet.write_table(pa.Table.from_pylist(rows, schema=parquet_schema(DIMS)), path)


def _batch_output(folder: Path, parts: Sequence[Sequence[dict[str, Any]]]) -> Path:
    """A finished ``carelens batch`` output folder holding ``parts``, with its manifest."""
    folder.mkdir()
    listed = []
    for k, records in enumerate(parts):
        name = f"part-{k:05d}.parquet"
        _write_part(folder / name, records)
        listed.append({"file": name, "pairs": len(records)})
    manifest = {"complete": True, "pairs": sum(len(p) for p in parts), "parts": listed}
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return folder


#: The same five pairs, as batch runs with 1, 2 and 4 shards might place them.
SHARDINGS = {
    "1 shard": [[*FIRST_FILE, *SECOND_FILE]],
    "2 shards": [[FIRST_FILE[0], SECOND_FILE[1]], [FIRST_FILE[1], SECOND_FILE[0], SECOND_FILE[2]]],
    "4 shards": [
        [FIRST_FILE[0], SECOND_FILE[0]],
        [FIRST_FILE[1]],
        [SECOND_FILE[1]],
        [SECOND_FILE[2]],
    ],
}


@pytest.mark.parametrize("shards", list(SHARDINGS))
def test_a_batch_output_counts_every_pair_whatever_its_shards(tmp_path: Path, shards: str) -> None:
    out = _batch_output(tmp_path / "out", SHARDINGS[shards])
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    rejects = RejectLog()
    records = list(records_from(out, _no_analyzer, rejects=rejects))
    assert rejects.total == 0, rejects.counts
    assert len(records) == manifest["pairs"] == 5
    texts = sorted(r["response_text"] for r in records)
    assert texts == sorted(r["response_text"] for r in [*FIRST_FILE, *SECOND_FILE])


def test_summarize_and_report_on_a_batch_output_agree_with_its_manifest(
    tmp_path: Path,
) -> None:
    runner = CliRunner()
    counts = set()
    for k, parts in enumerate(SHARDINGS.values()):
        out = _batch_output(tmp_path / f"out{k}", parts)
        html = tmp_path / f"report{k}.html"
        result = runner.invoke(app, ["report", str(out), "-o", str(html)])
        assert result.exit_code == 0, result.output
        assert "report of 5 responses by 2 helpers" in " ".join(result.stdout.split())
        assert not Path(f"{html}.rejects.jsonl").exists()
        tables = tmp_path / f"tables{k}"
        result = runner.invoke(app, ["summarize", str(out), "--tables", str(tables)])
        assert result.exit_code == 0, result.output
        helpers = (tables / "helpers.csv").read_text(encoding="utf-8").splitlines()
        counts.add(tuple(sorted(line.split(",")[1] for line in helpers[1:])))
    assert counts == {("2", "3")}


def test_a_damaged_record_of_a_batch_part_is_listed_and_the_rest_read(tmp_path: Path) -> None:
    bad = _pair("s9", "r9", "ana", "Damaged.")
    bad["compassion"]["level"] = 7
    unnamed = _pair("s8", "r8", "ana", "No id.")
    unnamed["response_id"] = None
    out = _batch_output(tmp_path / "out", [[FIRST_FILE[0], bad], [unnamed, SECOND_FILE[0]]])
    rejects = RejectLog(tmp_path / "rejects.jsonl")
    with rejects:
        records = list(records_from(out, _no_analyzer, rejects=rejects))
    assert [r["response_text"] for r in records] == [
        FIRST_FILE[0]["response_text"],
        SECOND_FILE[0]["response_text"],
    ]
    listed = [
        json.loads(line)
        for line in (tmp_path / "rejects.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert [(Path(e["path"]).name, e["line"], e["field"], e["reason"]) for e in listed] == [
        ("part-00000.parquet", 2, "compassion.level", "invalid field value"),
        ("part-00001.parquet", 1, "response_id", "missing id"),
    ]
    with pytest.raises(InputError, match="not a result record") as caught:
        list(records_from(out, _no_analyzer))
    assert caught.value.line == 2 and caught.value.field == "compassion.level"


def test_a_result_file_still_counts_a_repeated_record_once(tmp_path: Path) -> None:
    # One analyze output holding a record twice (two outputs joined): unlike a batch
    # output, where pairs are distinct by construction, the repeat is counted once.
    results = tmp_path / "results.parquet"
    _write_part(results, [*FIRST_FILE, FIRST_FILE[0]])
    rejects = RejectLog()
    records = list(records_from(results, _no_analyzer, rejects=rejects))
    assert len(records) == 2
    assert rejects.counts == {"duplicate id": 1}


def test_a_batch_output_gives_one_distress_per_message_across_its_parts(tmp_path: Path) -> None:
    # One input file's two replies to its s1, which the shards put apart (pair rows go by
    # place), and another input file's s1 with another text, in the first part.
    first = [
        _pair("s1", "r1", "ana", "That sounds so hard."),
        _pair("s1", "r2", "ben", "Have you thought about a new kitten?"),
    ]
    second = [_pair("s1", "r1", "cleo", "Try harder next time.")]
    for r, probabilities in zip(
        [*first, *second],
        [[0.02, 0.41, 0.57], [0.08, 0.49, 0.43], [0.11, 0.66, 0.23]],
        strict=True,
    ):
        r["seeker"]["distress"] = {
            "level": probabilities.index(max(probabilities)),
            "probabilities": probabilities,
            "spans": [],
        }
    for r in first:
        r["seeker_text"] = "My cat died."
    second[0]["seeker_text"] = "I failed again."
    out = _batch_output(tmp_path / "out", [[first[0], second[0]], [first[1]]])
    insights = Insights.from_records(records_from(out, _no_analyzer))
    # ana and ben: the level of their readings' mean, (0.05, 0.45, 0.50); cleo's message
    # is another file's, with its own reading.
    assert {r.helper: r.seeker_distress for r in insights.rows} == {"ana": 2, "ben": 2, "cleo": 1}


# --- telling a result file by its first record, however long -------------------------------

#: A text that makes a record's line longer than the 1 MiB read first.
LONG_TEXT = "It sounds like you feel so alone since the move, and nobody calls. " * 20_000


def _jsonl(path: Path, records: Sequence[dict[str, Any]]) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r) + "\n")
    return path


def test_a_result_file_whose_first_record_is_over_a_mebibyte_is_results(tmp_path: Path) -> None:
    # Was read as a conversation file ("cannot detect the input format"): only the first
    # MiB of the first line was parsed, and a cut JSON object does not parse.
    from carelens.insights import is_result_file

    first = record("r1", response=LONG_TEXT, seeker=LONG_TEXT)
    results = _jsonl(tmp_path / "results.jsonl", [first, record("r2")])
    assert len(results.read_bytes().split(b"\n", 1)[0]) > 1 << 20
    assert is_result_file(results)
    assert [r["response_id"] for r in records_from(results, _no_analyzer)] == ["r1", "r2"]
    # Texts first (a record written by hand): the start shows nothing, the whole line does.
    texts_first = {"response_text": LONG_TEXT, **first}
    assert is_result_file(_jsonl(tmp_path / "texts_first.jsonl", [texts_first]))


def test_a_conversation_file_with_a_long_first_line_is_not_results(tmp_path: Path) -> None:
    from carelens.insights import is_result_file

    pair = {"seeker_id": "s", "response_id": "r", "seeker": LONG_TEXT, "response": "b"}
    assert not is_result_file(_jsonl(tmp_path / "pairs.jsonl", [pair]))
    cut = tmp_path / "cut.jsonl"  # one result record cut short: its start shows results
    cut.write_text(json.dumps(record("r1", response=LONG_TEXT))[: 3 << 19], encoding="utf-8")
    assert is_result_file(cut)


def test_a_first_line_over_the_line_limit_is_judged_by_its_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Memory stays bounded: a line over the readers' limit is never read whole."""
    from carelens.insights import is_result_file
    from carelens.output import layouts

    monkeypatch.setattr(layouts, "line_limit", lambda: 2 << 20)
    first = record("r1", response=LONG_TEXT * 3)
    assert is_result_file(_jsonl(tmp_path / "ids_first.jsonl", [first]))
    texts_first = {"response_text": LONG_TEXT * 3, **first}
    assert not is_result_file(_jsonl(tmp_path / "texts_first.jsonl", [texts_first]))


# --- a first line that is blank or damaged --------------------------------------------------


def test_a_damaged_first_record_is_listed_and_the_file_read_as_results(tmp_path: Path) -> None:
    # Was read as a conversation file ("cannot detect the input format"): only the first
    # line decided, and a record cut short does not parse.
    from carelens.insights import is_result_file

    results = _jsonl(tmp_path / "results.jsonl", [record("r1"), record("r2"), record("r3")])
    lines = results.read_text(encoding="utf-8").splitlines(keepends=True)
    results.write_text(lines[0][:50] + "\n" + "".join(lines[1:]), encoding="utf-8")
    assert is_result_file(results)
    rejects = RejectLog()
    read = list(records_from(results, _no_analyzer, rejects=rejects))
    assert [r["response_id"] for r in read] == ["r2", "r3"]
    assert rejects.counts == {"malformed JSON": 1}


def test_blank_first_lines_are_passed_over(tmp_path: Path) -> None:
    from carelens.insights import is_result_file

    results = _jsonl(tmp_path / "results.jsonl", [record("r1"), record("r2")])
    results.write_bytes(b"\xef\xbb\xbf\n  \r\n" + results.read_bytes())
    assert is_result_file(results)
    rejects = RejectLog()
    assert [r["response_id"] for r in records_from(results, _no_analyzer, rejects=rejects)] == [
        "r1",
        "r2",
    ]
    assert rejects.total == 0
    pair = {"seeker_id": "s", "response_id": "r", "seeker": "a", "response": "b"}
    pairs = _jsonl(tmp_path / "pairs.jsonl", [pair])
    pairs.write_text("\nnot JSON\n" + pairs.read_text(encoding="utf-8"), encoding="utf-8")
    assert not is_result_file(pairs)  # the first record that can be read is a pair


def test_only_the_first_lines_are_looked_at(tmp_path: Path) -> None:
    from carelens.insights import is_result_file
    from carelens.output.layouts import PEEK_LINES

    results = _jsonl(tmp_path / "results.jsonl", [record("r1")])
    first = results.read_text(encoding="utf-8")
    damaged = "not JSON\n" * (PEEK_LINES - 1)
    results.write_text(damaged + first, encoding="utf-8")
    assert is_result_file(results)
    results.write_text("not JSON\n" + damaged + first, encoding="utf-8")
    assert not is_result_file(results)  # it is then read as a conversation file


def test_a_csv_result_file_with_blank_lines_before_its_header_is_read(tmp_path: Path) -> None:
    # Was read as a conversation file ("missing required column(s) 'sp_id'"), then failed
    # as a result file whose header was taken from its blank first line.
    from carelens.insights import is_result_file

    row = flatten_record(record("r1"), DIMS)
    results = tmp_path / "results.csv"
    with results.open("w", encoding="utf-8", newline="") as fh:
        fh.write("\n\n")
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(row)
        writer.writerow(row.values())
    assert is_result_file(results)
    log = RejectLog()
    assert [r["response_id"] for r in records_from(results, _no_analyzer, rejects=log)] == ["r1"]
    assert log.total == 0


@pytest.mark.parametrize("above", [",,,,\n", "\ufeff,,,,\r\n\n", " , ,\n,,,,,,,,\n"])
def test_a_csv_result_file_with_a_row_of_empty_cells_before_its_header_is_read(
    tmp_path: Path, above: str
) -> None:
    # Was read as a conversation file (the header taken as the row of empty cells, which
    # the conversation reader passes over): "missing required column(s) 'seeker', ...".
    from carelens.insights import is_result_file

    row = flatten_record(record("r1"), DIMS)
    results = tmp_path / "results.csv"
    with results.open("w", encoding="utf-8", newline="") as fh:
        fh.write(above)
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(row)
        writer.writerow(row.values())
        fh.write(",,,,\n" + "," * (len(row) - 1) + "\n")  # and after the records
    assert is_result_file(results)
    log = RejectLog()
    assert [r["response_id"] for r in records_from(results, _no_analyzer, rejects=log)] == ["r1"]
    assert log.total == 0
    result = CliRunner().invoke(app, ["summarize", str(results)])
    assert result.exit_code == 0, result.output


# --- one test of a result file, for summarize and report as for batch ------------------------


def _labelled_pair(response_id: str) -> dict[str, Any]:
    """A pair of a labelled data set: ids, texts and a level per dimension, no
    probabilities (a conversation to analyse, not carelens results)."""
    return {
        "seeker_id": f"s-{response_id}",
        "response_id": response_id,
        "seeker": "I lost my job today and I feel awful.",
        "response": "That sounds so hard. What happened?",
        "speaker": "ana",
        "emotional_reaction": {"level": 1},
        "interpretation": {"level": 2, "rationale": "sounds so hard"},
    }


def _without_seeker_id(response_id: str) -> dict[str, Any]:
    out = record(response_id)
    del out["seeker_id"]
    return out


def _csv_file(path: Path, header: Sequence[str], row: Sequence[object]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerow(row)
    return path


def _damaged_first(path: Path) -> Path:
    _jsonl(path, [record("r1"), record("r2")])
    path.write_text('{"seek\n' + path.read_text(encoding="utf-8"), encoding="utf-8")
    return path


RESULT_ROW = flatten_record(record("r1"), DIMS)
#: Files and whether they hold results. ``carelens summarize`` and ``carelens batch`` told
#: them apart each its own way and disagreed on those marked: summarize took any record
#: with a response id and some ``level`` for results (the labelled pairs, then all
#: rejected; batch analysed them), and batch judged only the first line's first MiB (the
#: damaged first line and the long first record, which it then read as conversations).
FILES: dict[str, tuple[Any, bool]] = {
    "results": (lambda p: _jsonl(p / "a.jsonl", [record("r1")]), True),
    "labelled pairs (disagreed)": (lambda p: _jsonl(p / "a.jsonl", [_labelled_pair("r1")]), False),
    "no seeker id (disagreed)": (
        lambda p: _jsonl(p / "a.jsonl", [_without_seeker_id("r1")]),
        False,
    ),
    "damaged first line (disagreed)": (lambda p: _damaged_first(p / "a.jsonl"), True),
    "texts first, over 1 MiB (disagreed)": (
        lambda p: _jsonl(p / "a.jsonl", [{"response_text": LONG_TEXT, **record("r1")}]),
        True,
    ),
    "pairs": (
        lambda p: _jsonl(p / "a.jsonl", [{"seeker_id": "s", "response_id": "r", "seeker": "a"}]),
        False,
    ),
    "csv results": (lambda p: _csv_file(p / "a.csv", list(RESULT_ROW), RESULT_ROW.values()), True),
    "csv levels only": (
        lambda p: _csv_file(
            p / "a.csv",
            ["seeker_id", "response_id", "seeker", "response", "sympathy_level"],
            ["s1", "r1", "I lost my job.", "So sorry.", 1],
        ),
        False,
    ),
}


@pytest.mark.parametrize("name", list(FILES))
def test_summarize_and_batch_agree_on_what_a_result_file_is(tmp_path: Path, name: str) -> None:
    from carelens.batch.inputs import analyze_results
    from carelens.insights import is_result_file
    from carelens.output.layouts import holds_results

    make, expected = FILES[name]
    path = make(tmp_path)
    assert is_result_file(path) is holds_results(path) is expected
    assert (path in analyze_results([path])) is expected  # left out of a batch input folder


def test_labelled_pairs_are_analysed_by_summarize_as_by_analyze(tmp_path: Path) -> None:
    """Their records carry a response id and levels: summarize took them for results and
    rejected every one (no probabilities, no style...): "Nothing to show"."""
    pairs = _jsonl(tmp_path / "labelled.jsonl", [_labelled_pair("r1"), _labelled_pair("r2")])
    tables = tmp_path / "tables"
    result = CliRunner().invoke(app, ["summarize", str(pairs), "--tables", str(tables)])
    assert result.exit_code == 0, result.output
    responses = (tables / "responses.csv").read_text(encoding="utf-8").splitlines()
    assert len(responses) == 3 and not (tables / "rejects.jsonl").exists()


class _ChunkSpy:
    """A real analyzer, wrapped: notes how many pairs each ``predict`` call is given (the
    chunk), and passes everything else through (its ``batch_size`` too)."""

    def __init__(self, analyzer: Any) -> None:
        self.analyzer = analyzer
        self.chunks: list[int] = []

    def predict(self, pairs: Sequence[Any]) -> Any:
        self.chunks.append(len(pairs))
        return self.analyzer.predict(pairs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.analyzer, name)


def test_a_conversation_file_is_analysed_in_analyzes_chunks_at_any_batch_size(
    tmp_path: Path,
) -> None:
    """`summarize` and `report` on a conversation file with `--batch-size 300` analyse it in
    the chunks `analyze --batch-size 300` takes (a pair's results depend on its chunk), not
    256 pairs at a time: their figures are those of its records."""
    import carelens
    from carelens.output import analyze_file, read_results

    pairs = tmp_path / "pairs.jsonl"
    lines = [
        {"seeker_id": f"s{i}", "response_id": f"r{i}", "seeker": f"I lost my job, day {i}.",
         "response": "That sounds so hard. What happened?"}
        for i in range(310)
    ]  # fmt: skip
    pairs.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    analyzer = carelens.load(threads=1, batch_size=300)
    analyzed = _ChunkSpy(analyzer)
    out = tmp_path / "out.jsonl"
    analyze_file(pairs, analyzed, out, rejects=RejectLog())
    assert analyzed.chunks == [300, 10]
    summarized = _ChunkSpy(analyzer)
    records = list(records_from(pairs, lambda: summarized))
    assert summarized.chunks == analyzed.chunks
    assert records == list(read_results(out))


def test_records_from_takes_a_loaded_analyzer_and_patterns_as_given() -> None:
    # An analyzer itself (not only a function loading one), and helper patterns as a list or
    # one string, as analyze_file takes them; before, each was an error only while reading.
    import carelens

    chat = Path(__file__).parents[2] / "examples" / "chat.jsonl"
    with carelens.load() as analyzer:
        by_loader = list(records_from(chat, lambda: analyzer, helpers=HelperPatterns(["vol-*"])))
        assert list(records_from(chat, analyzer, helpers=["vol-*"])) == by_loader
        assert list(records_from(chat, analyzer, helpers="vol-*")) == by_loader
    assert by_loader and all(r["speaker"].startswith("vol-") for r in by_loader)


def test_records_from_names_what_is_no_analyzer_when_called() -> None:
    with pytest.raises(TypeError, match=r"takes an analyzer or a function that loads one.*str"):
        records_from("results.jsonl", "carelens")  # type: ignore[arg-type]
