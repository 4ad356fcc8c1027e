"""Resuming an output this carelens cannot vouch for: one whose kept options do not name the
build of the model that made it (no options file, an older carelens's without the
fingerprint, one that cannot be read) is refused by a run that knows its build, and records
of another layout (an older carelens's fields, another model's) are refused naming the
fields, in one wording for every format; a refused run changes nothing, and a resume never
writes its options over the kept ones."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from carelens.errors import InputError
from carelens.output import PARTIAL_SUFFIX, analyze_file, options_path, read_results
from carelens.types import DimensionScore, Exchange, ResponseAnalysis

DIMS = ("emotional_reaction", "interpretation")
#: Where an interrupted run leaves its records: the output, or a Parquet output's store.
LAYOUTS = ("out.jsonl", "out.csv", "out.parquet", f"out.parquet{PARTIAL_SUFFIX}")


class BuildAnalyzer:
    """Levels from each pair alone, by a model that names its build (``model_fingerprint``,
    as the shipped model does; None: one that does not)."""

    dimensions = DIMS
    model_id = "build-model"
    batch_size = 1

    def __init__(self, fingerprint: str | None = "build-a") -> None:
        self.model_fingerprint = fingerprint
        self.seen: list[str] = []

    def predict(self, pairs: Sequence[Exchange]) -> list[ResponseAnalysis]:
        out = []
        for exchange in pairs:
            self.seen.append(exchange.response.id)
            dims = {}
            for d, name in enumerate(DIMS):
                level = (len(exchange.response.text) + d) % 3
                probs = [0.1, 0.1, 0.1]
                probs[level] = 0.8
                dims[name] = DimensionScore(level, tuple(probs), ())
            out.append(ResponseAnalysis(dimensions=dims, model_id=self.model_id, unsafe=()))
        return out


def write_pairs(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            row = {
                "seeker_id": f"s{i}",
                "response_id": f"r{i}",
                "seeker": f"Week {i}: I feel so alone since the move.",
                "response": f"That sounds lonely{'!' * (i % 4)} What was week {i} like?",
            }
            fh.write(json.dumps(row) + "\n")


def interrupted(tmp_path: Path, layout: str, n: int = 8, kept: int = 5) -> tuple[Path, Path]:
    """An input of ``n`` pairs and an output of it by :class:`BuildAnalyzer` (build-a) in
    ``layout``: finished (a Parquet output) or cut after ``kept`` records and part of the
    next, as an interrupted run leaves it. Returns the input and the output path."""
    source = tmp_path / "in.jsonl"
    write_pairs(source, n)
    out = tmp_path / layout.removesuffix(PARTIAL_SUFFIX)
    analyze_file(source, BuildAnalyzer(), out)
    if layout == "out.parquet":
        return source, out
    store = tmp_path / layout
    if layout.endswith(PARTIAL_SUFFIX):  # stopped before the Parquet file was written
        store.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in read_results(out)),
            encoding="utf-8",
        )
        out.unlink()
    lines = store.read_bytes().splitlines(keepends=True)
    head = 1 if layout == "out.csv" else 0
    store.write_bytes(b"".join(lines[: head + kept]) + lines[head + kept][:30])
    return source, out


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def edit_options(out: Path, edit: Callable[[dict[str, object]], None]) -> None:
    kept = json.loads(options_path(out).read_text(encoding="utf-8"))
    edit(kept)
    options_path(out).write_text(json.dumps(kept, indent=2) + "\n", encoding="utf-8")


#: What an output's kept options may lack of its model build, and how the refusal says it.
UNKNOWN_BUILDS = {
    # begun by a carelens that kept no options (nor digests)
    "no options file": "older carelens, which kept no record of the build of the model "
    "that made them (no {name} beside it)",
    # begun by a carelens that kept options without the fingerprint
    "no fingerprint": "older carelens, which kept no record of the build of the model that "
    "made them (its {name} names the model, not its build)",
    # begun by a run whose model did not name its build
    "null fingerprint": "the results of a model that does not name its build (its {name} has "
    "no fingerprint)",
    "unreadable": "its {name} cannot be read, so nothing records the build of the model",
}


def unknown_build(out: Path, how: str) -> None:
    """Make ``out``'s kept options what ``how`` names (:data:`UNKNOWN_BUILDS`)."""
    if how == "no options file":
        options_path(out).unlink()
        out.with_name(out.name + ".digests").unlink()
    elif how == "no fingerprint":
        edit_options(out, lambda kept: [kept.pop(k) for k in ("model_fingerprint", "helpers")])
    elif how == "null fingerprint":
        edit_options(out, lambda kept: kept.update(model_fingerprint=None))
    else:
        options_path(out).write_text('{"written_by": "carelens', encoding="utf-8")


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("how", list(UNKNOWN_BUILDS))
def test_an_output_that_does_not_name_its_model_build_is_refused_and_left_as_it_was(
    tmp_path: Path, layout: str, how: str
) -> None:
    source, out = interrupted(tmp_path, layout)
    unknown_build(out, how)
    before = files_of(tmp_path)
    analyzer = BuildAnalyzer()  # the very build that wrote it: the output cannot show that
    with pytest.raises(InputError) as caught:
        analyze_file(source, analyzer, out)
    said = str(caught.value)
    assert UNKNOWN_BUILDS[how].format(name=options_path(out).name) in said
    assert said.startswith(f"{tmp_path / layout}: the existing output cannot be resumed: ")
    assert "'build-model' (build build-a)" in said
    assert said.endswith("pass --overwrite to start over, or choose another output path")
    assert files_of(tmp_path) == before and analyzer.seen == []
    # Starting over writes the whole output, and options that name the build.
    assert analyze_file(source, BuildAnalyzer(), out, overwrite=True).analysed == 8
    assert json.loads(options_path(out).read_text(encoding="utf-8"))["model_fingerprint"] == (
        "build-a"
    )


def test_an_unknown_build_is_said_before_other_options(tmp_path: Path) -> None:
    # Other --helper patterns would be advised to resume it: no patterns could.
    source, out = interrupted(tmp_path, "out.jsonl")
    unknown_build(out, "no options file")
    with pytest.raises(InputError, match="cannot be resumed: it holds the results of an older"):
        analyze_file(source, BuildAnalyzer(), out, helpers=["vol-*"])


def test_a_model_that_does_not_name_its_build_still_judges_an_older_output_by_its_records(
    tmp_path: Path,
) -> None:
    # From Python, an analyzer without a fingerprint cannot tell builds apart: as before.
    source, out = interrupted(tmp_path, "out.jsonl")
    unknown_build(out, "no options file")
    summary = analyze_file(source, BuildAnalyzer(fingerprint=None), out)
    assert (summary.resumed, summary.analysed) == (5, 3)
    assert json.loads(options_path(out).read_text(encoding="utf-8"))["model_fingerprint"] is None


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_resume_leaves_the_kept_options_as_they_were(tmp_path: Path, layout: str) -> None:
    source, out = interrupted(tmp_path, layout)
    # Kept by an earlier release, before the batch size was: they agree where they say.
    edit_options(
        out, lambda kept: [kept.update(written_by="carelens 0.0.9"), kept.pop("batch_size")]
    )
    kept = options_path(out).read_bytes()
    summary = analyze_file(source, BuildAnalyzer(), out)
    assert summary.resumed + summary.analysed == 8 and summary.resumed >= 5
    assert options_path(out).read_bytes() == kept
    # A run whose model does not name its build resumes it (its build is not checked), and
    # the fingerprint the output was made with stays on record.
    write_pairs(source, 10)
    assert analyze_file(source, BuildAnalyzer(fingerprint=None), out).analysed == 2
    assert options_path(out).read_bytes() == kept


def drop_fields(store: Path, names: Sequence[str], lines: Sequence[int] | None = None) -> None:
    """Take ``names`` out of the JSON Lines records of ``store`` (those on ``lines``, 1-based;
    None: all), as an older carelens that did not write them would have left them."""
    records = store.read_text(encoding="utf-8").splitlines(keepends=True)
    for number, line in enumerate(records, start=1):
        if line.endswith("\n") and (lines is None or number in lines):
            record = json.loads(line)
            for name in names:
                record.pop(name)
            records[number - 1] = json.dumps(record, ensure_ascii=False) + "\n"
    store.write_text("".join(records), encoding="utf-8")


def drop_columns(path: Path, names: Sequence[str]) -> None:
    """Take the columns ``names`` out of a CSV or Parquet result file."""
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        pq.write_table(pq.read_table(path).drop_columns(list(names)), path)
        return
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    keep = [i for i, name in enumerate(rows[0]) if name not in names]
    whole = [r for r in rows if len(r) == len(rows[0])]  # not the row the cut left short
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows([[r[i] for i in keep] for r in whole])


#: The wording of every format for records of another layout.
OTHER = "the output already exists with other {kind} (another model's, or an older carelens's): "
AGAIN = "; pass --overwrite to replace it or choose a new output path"


@pytest.mark.parametrize(
    ("layout", "where", "kind"),
    [
        ("out.jsonl", ", line 1", "fields"),
        (f"out.parquet{PARTIAL_SUFFIX}", ", line 1", "fields"),
        ("out.csv", ", line 1", "columns"),
        ("out.parquet", "", "columns"),
    ],
)
def test_records_an_older_carelens_wrote_are_refused_naming_the_fields(
    tmp_path: Path, layout: str, where: str, kind: str
) -> None:
    # The model build is on record (the same): only the records show an older layout.
    source, out = interrupted(tmp_path, layout)
    store = tmp_path / layout
    if kind == "fields":
        drop_fields(store, ["seeker_speaker", "community"])
        missing = "seeker_speaker, community"
    else:
        drop_columns(
            store, ["seeker_speaker", "community", "unsafe_reply", "unsafe_spans", "feedback"]
        )
        missing = "seeker_speaker, community, unsafe_reply, unsafe_spans and 1 more"
    before = files_of(tmp_path)
    with pytest.raises(InputError) as caught:
        analyze_file(source, BuildAnalyzer(), out)
    assert str(caught.value) == (
        f"{store}{where}: {OTHER.format(kind=kind)}missing {missing}{AGAIN}"
    )
    assert files_of(tmp_path) == before


def test_a_record_of_another_layout_is_named_by_its_line(tmp_path: Path) -> None:
    source, out = interrupted(tmp_path, "out.jsonl")
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    record = json.loads(lines[3])
    del record["timestamp"]
    record["sentiment"] = "calm"  # a field this carelens does not write
    lines[3] = json.dumps(record) + "\n"
    out.write_text("".join(lines), encoding="utf-8")
    before = files_of(tmp_path)
    with pytest.raises(InputError) as caught:
        analyze_file(source, BuildAnalyzer(), out)
    assert str(caught.value) == (
        f"{out}, line 4: {OTHER.format(kind='fields')}missing timestamp; not written by this "
        f"run: sentiment{AGAIN}"
    )
    assert files_of(tmp_path) == before


def test_what_is_no_result_record_at_all_is_still_said_to_be_none(tmp_path: Path) -> None:
    source, out = interrupted(tmp_path, "out.jsonl")
    # An input record where the output should be: not the output of a carelens run at all.
    out.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(InputError, match="line 1: not a result record: this is not the output"):
        analyze_file(source, BuildAnalyzer(), out)
    csv_out = tmp_path / "out.csv"
    analyze_file(source, BuildAnalyzer(), csv_out)
    csv_out.write_text("seeker_id,response_id,seeker,response\ns0,r0,a,b\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 1: its header is not a result file's: this is not"):
        analyze_file(source, BuildAnalyzer(), csv_out)


def test_columns_in_another_order_are_named_so(tmp_path: Path) -> None:
    source, out = interrupted(tmp_path, "out.csv")
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    # Whole rows only: the cut one would not be a row any more once its cells move.
    with out.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows([[r[1], r[0], *r[2:]] for r in rows[:6]])
    with pytest.raises(InputError, match=r"other columns .*: the same ones in another order;"):
        analyze_file(source, BuildAnalyzer(), out)


@pytest.mark.parametrize("layout", ["out.jsonl", f"out.parquet{PARTIAL_SUFFIX}"])
def test_records_that_lack_only_unsafe_are_refused_as_an_older_layout(
    tmp_path: Path, layout: str
) -> None:
    # Every other field there, and options that name this build: the resume went on and
    # added checked records to records never checked for unsafe wording.
    source, out = interrupted(tmp_path, layout)
    store = tmp_path / layout
    drop_fields(store, ["unsafe"])
    before = files_of(tmp_path)
    analyzer = BuildAnalyzer()
    with pytest.raises(InputError) as caught:
        analyze_file(source, analyzer, out)
    assert (
        str(caught.value) == f"{store}, line 1: {OTHER.format(kind='fields')}missing unsafe{AGAIN}"
    )
    assert files_of(tmp_path) == before and analyzer.seen == []


class UncheckedAnalyzer(BuildAnalyzer):
    """:class:`BuildAnalyzer` without the unsafe-wording check (``unsafe`` None)."""

    def predict(self, pairs: Sequence[Exchange]) -> list[ResponseAnalysis]:
        return [replace(r, unsafe=None) for r in super().predict(pairs)]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_an_analysis_without_the_unsafe_check_resumes_its_own_output(
    tmp_path: Path, layout: str
) -> None:
    # Its records say "not checked" with a null unsafe (a flat file: an empty
    # unsafe_reply), which is this layout: its resume is not taken for an older one.
    source = tmp_path / "in.jsonl"
    write_pairs(source, 8)
    out = tmp_path / layout.removesuffix(PARTIAL_SUFFIX)
    analyze_file(source, UncheckedAnalyzer(), out)
    records = list(read_results(out))
    assert all(r["unsafe"] is None for r in records)
    if out.suffix == ".jsonl":
        assert all(json.loads(line)["unsafe"] is None for line in out.read_text().splitlines())
    store = tmp_path / layout
    if layout.endswith(PARTIAL_SUFFIX):
        store.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        out.unlink()
    if layout != "out.parquet":  # cut after 5 records and part of the next
        lines = store.read_bytes().splitlines(keepends=True)
        head = 1 if layout == "out.csv" else 0
        store.write_bytes(b"".join(lines[: head + 5]) + lines[head + 5][:30])
    write_pairs(source, 10)
    summary = analyze_file(source, UncheckedAnalyzer(), out)
    assert summary.resumed + summary.analysed == 10 and summary.resumed >= 5
    assert [r["unsafe"] for r in read_results(out)] == [None] * 10
