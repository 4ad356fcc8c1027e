"""``check_result_record``: what carelens writes passes; a value it never writes, in a field
that readers show or count, is refused with the field named (and the value never quoted),
so ``summarize`` and ``report`` skip and list such a record instead of showing it."""

from __future__ import annotations

import copy
import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import carelens
from carelens.analysis import crisis
from carelens.analysis.crisis import crisis_cues
from carelens.analysis.crisis_model import LABEL as LEARNED_CUE_LABEL
from carelens.analysis.unsafe import UNSAFE_KINDS, unsafe_spans
from carelens.insights import Insights
from carelens.output import analyze_file, read_results
from carelens.output.records import CUE_LABELS, FieldError, check_result_record
from carelens.readers import RejectLog
from carelens.taxonomy import STYLES

SECRET = "secret@example.com"

#: Pairs whose records carry every list carelens writes: rationale spans, crisis cues of
#: both pattern labels, unsafe words, the helper's exhaustion, feedback and resources.
PAIRS = [
    {
        "seeker": "I want to end my life. Nobody would even notice.",
        "response": "kys, nobody cares about you.",
    },
    {
        "seeker": "I cut myself again last night and I hate it.",
        "response": "I'm so sorry you're hurting. What happened before you cut?",
    },
    {
        "seeker": "I lost my job and I feel so alone.",
        "response": "That sounds really lonely. Honestly I'm burned out myself.",
    },
]


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The pairs analysed by the shipped model, as ``carelens analyze`` writes them, in
    each output format."""
    folder = tmp_path_factory.mktemp("results")
    source = folder / "pairs.jsonl"
    with source.open("w", encoding="utf-8") as fh:
        for i, pair in enumerate(PAIRS):
            row = {"seeker_id": f"s{i}", "response_id": f"r{i}", "speaker": f"vol-{i}", **pair}
            fh.write(json.dumps(row) + "\n")
    analyzer = carelens.load(threads=1)
    outputs = {fmt: folder / f"out.{fmt}" for fmt in ("jsonl", "csv", "parquet")}
    for out in outputs.values():
        analyze_file(source, analyzer, out)
    return outputs


@pytest.fixture
def records(written: dict[str, Path]) -> list[dict[str, Any]]:
    """The JSON Lines records, fresh for each test to edit."""
    lines = written["jsonl"].read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_the_records_carelens_writes_have_every_checked_list(
    records: list[dict[str, Any]],
) -> None:
    # Without these the edits below would test nothing.
    unsafe, cut, tired = records
    assert [s["label"] for s in unsafe["unsafe"]] == ["urging"]
    assert {c["label"] for c in unsafe["seeker"]["crisis_cues"]} == {"suicide"}
    assert {c["label"] for c in cut["seeker"]["crisis_cues"]} == {"self_harm"}
    assert unsafe["seeker"]["needs_attention"] is True and unsafe["seeker"]["resources"]
    assert tired["helper"]["distress_high"] is True and tired["helper"]["spans"]
    assert any(r[d]["spans"] for r in records for d in ("dismissive", "empathy"))
    assert all(r["style"] in STYLES and r["feedback"] for r in records)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_every_record_carelens_writes_passes(written: dict[str, Path], fmt: str) -> None:
    log = RejectLog()
    read = list(read_results(written[fmt], rejects=log))
    assert len(read) == len(PAIRS) and log.total == 0
    for record in read:
        check_result_record(record)


def _set(path: str, value: object) -> Callable[[dict[str, Any]], None]:
    """An edit that sets the field at ``path`` (dots, ``[i]`` for list items)."""

    def edit(record: dict[str, Any]) -> None:
        *parents, last = path.replace("[", ".").replace("]", "").split(".")
        target: Any = record
        for key in parents:
            target = target[int(key)] if key.isdigit() else target[key]
        target[int(last) if last.isdigit() else last] = value

    return edit


# (record index, the edit, the field the error names)
EDITS = [
    (2, _set("style", SECRET), "style"),
    (2, _set("style", "Empathy"), "style"),
    (2, _set("style", ""), "style"),
    (2, _set("style", 3), "style"),
    (0, _set("unsafe[0].label", SECRET), "unsafe[0].label"),
    (0, _set("unsafe[0].label", None), "unsafe[0].label"),
    (0, _set("unsafe[0]", SECRET), "unsafe[0]"),
    (0, _set("unsafe[0].start", "0"), "unsafe[0].start"),
    (0, _set("unsafe[0].end", -1), "unsafe[0].end"),
    (0, _set("unsafe[0].start", 99), "unsafe[0].end"),  # end before start
    (0, _set("unsafe[0].score", "high"), "unsafe[0].score"),
    (0, _set("unsafe[0].text", 5), "unsafe[0].text"),
    (0, _set("seeker.crisis_cues[0].label", SECRET), "seeker.crisis_cues[0].label"),
    (1, _set("seeker.crisis_cues[0].label", "self-harm"), "seeker.crisis_cues[0].label"),
    (0, _set("seeker.needs_attention", "false"), "seeker.needs_attention"),
    (2, _set("seeker.needs_attention", 1), "seeker.needs_attention"),
    (0, _set("seeker.resources", SECRET), "seeker.resources"),
    (0, _set("seeker.resources[0]", 988), "seeker.resources[0]"),
    (0, _set("seeker.distress.level", 3), "seeker.distress.level"),
    (2, _set("helper.distress_high", "yes"), "helper.distress_high"),
    (2, _set("helper.spans[0].label", 7), "helper.spans[0].label"),
    (2, _set("emotional_reaction", {"spans": []}), "emotional_reaction.level"),
    (2, _set("emotional_reaction.level", True), "emotional_reaction.level"),
    (2, _set("emotional_reaction.spans", [SECRET]), "emotional_reaction.spans[0]"),
    (2, _set("feedback", SECRET), "feedback"),
    (2, _set("feedback[0]", {"text": SECRET}), "feedback[0]"),
]


@pytest.mark.parametrize(("index", "edit", "field"), EDITS)
def test_a_value_carelens_never_writes_is_refused_naming_the_field(
    records: list[dict[str, Any]], index: int, edit: Callable[[dict[str, Any]], None], field: str
) -> None:
    record = records[index]
    edit(record)
    with pytest.raises(FieldError) as caught:
        check_result_record(record)
    assert caught.value.field == field
    assert SECRET not in str(caught.value)  # the value may be personal: never quoted
    with pytest.raises(FieldError):  # the insights' own check (a stored or built record)
        check_result_record(record, needs_levels=False, needs_id=False)


def test_the_closed_sets_are_named_in_the_message(records: list[dict[str, Any]]) -> None:
    record = records[0]
    record["unsafe"][0]["label"] = SECRET
    with pytest.raises(FieldError, match="urging, method"):
        check_result_record(record)
    record = copy.deepcopy(records[0])
    record["style"] = SECRET
    with pytest.raises(FieldError, match=", ".join(STYLES)):
        check_result_record(record)


def test_labels_of_rationale_and_helper_spans_need_only_be_strings(
    records: list[dict[str, Any]],
) -> None:
    # They are shown nowhere, and analyze_file writes what any analyzer gives.
    record = records[2]
    record["helper"]["spans"][0]["label"] = "distress"
    for span in (s for d in ("empathy", "sympathy") for s in record[d]["spans"]):
        span["label"] = "my own label"
    check_result_record(record)


def test_the_label_sets_hold_every_label_carelens_writes() -> None:
    # Every label carelens has written: the same since each list was first written (git log).
    assert set(crisis.PATTERN_LABELS) | {LEARNED_CUE_LABEL} == set(CUE_LABELS)
    assert {c.label for c in crisis_cues("I want to kill myself. I cut myself.")} <= set(CUE_LABELS)
    assert {s.label for s in unsafe_spans("kys. the lethal dose is high")} <= set(UNSAFE_KINDS)
    assert STYLES == ("dismissive", "compassion", "empathy", "sympathy", "advice", "other")


def test_an_edited_record_is_skipped_and_listed_not_shown(
    written: dict[str, Path], records: list[dict[str, Any]], tmp_path: Path
) -> None:
    # Was shown: a style or unsafe label set to an e-mail address reached the report
    # unredacted with --anonymize, and the helper's style shares added up to 0.
    records[0]["unsafe"][0]["label"] = SECRET
    records[1]["seeker"]["needs_attention"] = "false"
    records[2]["style"] = SECRET
    edited = tmp_path / "edited.jsonl"
    edited.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    kept = json.loads(written["jsonl"].read_text(encoding="utf-8").splitlines()[1])
    kept["response_id"] = "r9"  # a good record, so that there is something to show
    with edited.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(kept) + "\n")
    with RejectLog(tmp_path / "rejects.jsonl") as log:
        read = list(read_results(edited, rejects=log))
    assert [r["response_id"] for r in read] == ["r9"]
    listed = [json.loads(line) for line in (tmp_path / "rejects.jsonl").read_text().splitlines()]
    assert [(e["line"], e["field"]) for e in listed] == [
        (1, "unsafe[0].label"),
        (2, "seeker.needs_attention"),
        (3, "style"),
    ]
    assert SECRET not in (tmp_path / "rejects.jsonl").read_text(encoding="utf-8")
    helpers = Insights.from_records(read, anonymize=True, key="k").helpers()
    shares = helpers[[f"style_{s}" for s in STYLES]].sum(axis=1)
    assert shares.tolist() == pytest.approx([1.0])


def _csv_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or ()), list(reader)


def _write_csv(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.mark.parametrize(
    ("column", "cell", "field"),
    [
        ("needs_attention", SECRET, "needs_attention"),
        ("needs_attention", "yes", "needs_attention"),
        ("helper_distress_high", "maybe", "helper_distress_high"),
        ("unsafe_reply", "maybe", "unsafe_reply"),
        ("style", SECRET, "style"),
        (
            "crisis_cues",
            json.dumps([{"start": 0, "end": 4, "label": SECRET}]),
            "seeker.crisis_cues[0].label",
        ),
        ("unsafe_spans", json.dumps([{"start": 0, "end": 3, "label": SECRET}]), "unsafe[0].label"),
    ],
)
def test_a_csv_cell_carelens_never_writes_is_refused(
    written: dict[str, Path], tmp_path: Path, column: str, cell: str, field: str
) -> None:
    # A true/false cell was read as false whatever it held ("yes", an address), and the
    # other cells passed on as the record's values.
    header, rows = _csv_rows(written["csv"])
    rows[0][column] = cell
    edited = tmp_path / "edited.csv"
    _write_csv(edited, header, rows)
    with RejectLog(tmp_path / "rejects.jsonl") as log:
        read = list(read_results(edited, rejects=log))
    assert [r["response_id"] for r in read] == ["r1", "r2"]
    (entry,) = [json.loads(line) for line in (tmp_path / "rejects.jsonl").read_text().splitlines()]
    assert entry["field"] == field
    assert SECRET not in json.dumps(entry)


@pytest.mark.parametrize(("cell", "value"), [("TRUE", True), ("false", False), ("0", False)])
def test_a_csv_true_false_cell_saved_by_a_spreadsheet_is_read(
    written: dict[str, Path], tmp_path: Path, cell: str, value: bool
) -> None:
    header, rows = _csv_rows(written["csv"])
    assert rows[0]["needs_attention"] == "True"  # what carelens writes
    rows[0]["needs_attention"] = cell
    edited = tmp_path / "edited.csv"
    _write_csv(edited, header, rows)
    first = next(iter(read_results(edited)))
    assert first["seeker"]["needs_attention"] is value
