"""Resuming keeps only what an uninterrupted run over the same input would have written: a
changed input is refused (texts, through the digests beside the output), records are kept in
whole chunks when the batch size makes results depend on their chunk, another batch size is
refused, and one run at a time writes an output."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from carelens.errors import InputError
from carelens.locks import hold_lock
from carelens.output import (
    PARTIAL_SUFFIX,
    analyze_file,
    digests_path,
    lock_path,
    options_path,
    read_results,
)
from carelens.output.writer import ResultWriter
from carelens.types import DimensionScore, Exchange, ResponseAnalysis

DIMS = ("emotional_reaction", "interpretation")
FORMATS = ("jsonl", "csv", "parquet")


class ChunkAnalyzer:
    """Levels that depend on the whole list of pairs it is given, as an int8 model's do on
    the pairs batched with them (``batch_size`` above 1)."""

    dimensions = DIMS
    model_id = "chunk-model"

    def __init__(self, batch_size: int = 4) -> None:
        self.batch_size = batch_size
        self.seen: list[str] = []

    def predict(self, pairs: Sequence[Exchange]) -> list[ResponseAnalysis]:
        self.seen.extend(e.response.id for e in pairs)
        shared = sum(len(e.response.text) for e in pairs)
        out = []
        for exchange in pairs:
            dims = {}
            for d, name in enumerate(DIMS):
                level = (len(exchange.response.text) + shared + d) % 3
                probs = [0.1, 0.1, 0.1]
                probs[level] = 0.8
                dims[name] = DimensionScore(level, tuple(probs), ())
            out.append(ResponseAnalysis(dimensions=dims, model_id=self.model_id))
        return out


class PairAnalyzer(ChunkAnalyzer):
    """Levels from each pair alone (``batch_size`` 1)."""

    def __init__(self) -> None:
        super().__init__(batch_size=1)

    def predict(self, pairs: Sequence[Exchange]) -> list[ResponseAnalysis]:
        return [r for e in pairs for r in ChunkAnalyzer.predict(self, [e])]


def write_pairs(path: Path, n: int, *, edit: int | None = None) -> None:
    """``n`` pairs in the generic layout; pair ``edit`` (1-based) with other texts."""
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            said = "Something else entirely, call 555-0100." if i + 1 == edit else "It hurts."
            row = {
                "seeker_id": f"s{i}",
                "response_id": f"r{i}",
                "seeker": f"Week {i}: I feel so alone since the move. {said}",
                "response": f"That sounds lonely{'!' * (i % 7)} What was week {i} like?",
            }
            fh.write(json.dumps(row) + "\n")


def store_of(out: Path) -> Path:
    return out.with_name(out.name + PARTIAL_SUFFIX) if out.suffix == ".parquet" else out


def cut_after(out: Path, records: int) -> None:
    """Leave ``records`` whole records and part of the next one, as a kill -9 does."""
    store = store_of(out)
    lines = store.read_bytes().splitlines(keepends=True)
    head = 1 if out.suffix == ".csv" else 0
    store.write_bytes(b"".join(lines[: head + records]) + lines[head + records][:30])


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("how", ["texts", "no_text", "redact"])
def test_a_resume_over_an_input_whose_texts_changed_is_refused(
    tmp_path: Path, fmt: str, how: str
) -> None:
    source, out = tmp_path / "in.jsonl", tmp_path / f"out.{fmt}"
    write_pairs(source, 20)
    options = {"include_text": how != "no_text", "redact": how == "redact"}
    analyze_file(source, PairAnalyzer(), out, **options)  # type: ignore[arg-type]
    if fmt == "parquet":
        before = out.read_bytes()
    write_pairs(source, 30, edit=6)  # pair 6 rewritten in place, pairs appended
    with pytest.raises(InputError, match=r"record 6 .*was the input changed") as caught:
        analyze_file(source, PairAnalyzer(), out, **options)  # type: ignore[arg-type]
    assert "'s5', 'r5'" in str(caught.value)
    if fmt == "parquet":
        assert out.read_bytes() == before and not store_of(out).exists()
    assert len(list(read_results(out))) == 20  # left as it was


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_input_with_pairs_appended_resumes_and_keeps_a_digest_per_record(
    tmp_path: Path, fmt: str
) -> None:
    source, out = tmp_path / "in.jsonl", tmp_path / f"out.{fmt}"
    write_pairs(source, 20)
    analyze_file(source, PairAnalyzer(), out, include_text=False)
    write_pairs(source, 30)
    summary = analyze_file(source, PairAnalyzer(), out, include_text=False)
    assert (summary.resumed, summary.analysed) == (20, 10)
    lines = digests_path(out).read_text(encoding="ascii").splitlines()
    assert lines[0].startswith("carelens text digests 1 ") and len(lines) == 31
    assert "alone" not in digests_path(out).read_text(encoding="ascii")


def test_an_output_begun_before_digests_were_kept_is_judged_by_its_texts(tmp_path: Path) -> None:
    source, out = tmp_path / "in.jsonl", tmp_path / "out.csv"
    write_pairs(source, 12)
    analyze_file(source, PairAnalyzer(), out, redact=True)
    digests_path(out).unlink()  # as written by a carelens that kept no digests
    write_pairs(source, 14, edit=6)
    with pytest.raises(InputError, match="record 6 are neither the input's nor its redaction"):
        analyze_file(source, PairAnalyzer(), out, redact=True)
    write_pairs(source, 14)
    summary = analyze_file(source, PairAnalyzer(), out, redact=True)
    assert (summary.resumed, summary.analysed) == (12, 2)
    assert len(digests_path(out).read_text(encoding="ascii").splitlines()) == 15  # made anew


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("cut", [6, 9])
def test_a_cut_between_chunk_boundaries_resumes_as_an_uninterrupted_run(
    tmp_path: Path, fmt: str, cut: int
) -> None:
    source = tmp_path / "in.jsonl"
    write_pairs(source, 15)
    clean, out = tmp_path / f"clean.{fmt}", tmp_path / f"out.{fmt}"
    analyze_file(source, ChunkAnalyzer(), clean, chunk_size=4)
    analyze_file(source, ChunkAnalyzer(), out, chunk_size=4)
    if fmt == "parquet":  # interrupted before the end: only the JSON Lines store is there
        out.unlink()
        store_of(out).write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in read_results(clean)),
            encoding="utf-8",
        )
    cut_after(out, cut)
    again = ChunkAnalyzer()
    summary = analyze_file(source, again, out, chunk_size=4)
    assert summary.resumed == (4 if cut == 6 else 8)  # the last whole chunk
    assert again.seen == [f"r{i}" for i in range(summary.resumed, 15)]
    if fmt == "parquet":
        assert list(read_results(out)) == list(read_results(clean))
    else:
        assert out.read_bytes() == clean.read_bytes()
    assert len(digests_path(out).read_bytes().splitlines()) == 1 + 15  # one per record


def test_a_finished_output_whose_last_chunk_is_short_is_kept_whole(tmp_path: Path) -> None:
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_pairs(source, 10)
    analyze_file(source, ChunkAnalyzer(), out, chunk_size=4)
    again = ChunkAnalyzer()
    summary = analyze_file(source, again, out, chunk_size=4)
    assert (summary.resumed, summary.analysed, again.seen) == (10, 0, [])
    write_pairs(source, 13)  # pairs appended: the short chunk is analysed again with them
    grown, clean = ChunkAnalyzer(), tmp_path / "clean.jsonl"
    summary = analyze_file(source, grown, out, chunk_size=4)
    assert (summary.resumed, summary.analysed) == (8, 5)
    analyze_file(source, ChunkAnalyzer(), clean, chunk_size=4)
    assert out.read_bytes() == clean.read_bytes()


def test_a_resume_with_another_batch_size_is_refused(tmp_path: Path) -> None:
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_pairs(source, 10)
    analyze_file(source, ChunkAnalyzer(batch_size=4), out, chunk_size=4)
    assert json.loads(options_path(out).read_text(encoding="utf-8"))["batch_size"] == 4
    write_pairs(source, 12)
    with pytest.raises(InputError, match=r"--batch-size 4 and this run's is 2.*--batch-size 4"):
        analyze_file(source, ChunkAnalyzer(batch_size=2), out, chunk_size=4)
    kept = json.loads(options_path(out).read_text(encoding="utf-8"))
    del kept["batch_size"]  # an options file written before the batch size was kept
    options_path(out).write_text(json.dumps(kept), encoding="utf-8")
    summary = analyze_file(source, ChunkAnalyzer(batch_size=2), out, chunk_size=4)
    assert summary.total == 12


def test_a_second_writer_of_one_output_is_refused_at_once(tmp_path: Path) -> None:
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_pairs(source, 5)
    with hold_lock(lock_path(out), "test is writing out.jsonl"):
        # the holder's own words: what it writes
        with pytest.raises(InputError, match=r"another test is writing out\.jsonl") as caught:
            analyze_file(source, PairAnalyzer(), out)
        assert str(lock_path(out)) in str(caught.value)
        assert not out.exists()
    lock_path(out).write_text("12345\n", encoding="ascii")  # left by a killed run
    assert analyze_file(source, PairAnalyzer(), out).analysed == 5
    assert not lock_path(out).exists()


def test_records_and_exchanges_must_match_in_number(tmp_path: Path) -> None:
    writer = ResultWriter(tmp_path / "o.jsonl", DIMS)
    writer.open(iter(()))
    with pytest.raises(ValueError, match="1 records for 0 exchanges"):
        writer.write([{}], [])
    writer.close()
