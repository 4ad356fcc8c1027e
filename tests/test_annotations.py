"""Taxonomy annotations: the record format, reading and writing, and quote location."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from carelens.annotations import (
    ANNOTATED_DIMENSIONS,
    CODEBOOK,
    LABEL_RANGES,
    Annotation,
    from_raw,
    locate,
    read_annotations,
    write_annotations,
)
from carelens.errors import InputError

RESPONSE = "I'm so sorry. It sounds like you feel  alone.\nI'm here if you want to talk."
SEEKER = "I can't do this anymore. I want to die."

LABELS = {
    "sympathy": 2,
    "reflection": 1,
    "compassion": 1,
    "dismissive": 0,
    "advice": 0,
    "self_focus": 1,
    "seeker_distress": 2,
    "crisis": 1,
}


def annotation(**changes: Any) -> Annotation:
    fields: dict[str, Any] = {
        "rp_id": "r1",
        "sp_id": "s1",
        "part": "dev",
        "annotator": "A",
        "labels": dict(LABELS),
        "rationales": {
            "sympathy": ((0, 13),),
            "reflection": ((14, 45),),
            "compassion": ((46, 75),),
            "dismissive": (),
        },
        "crisis_evidence": ((25, 38),),
    }
    fields.update(changes)
    return Annotation(**fields)


def record(**label_changes: int) -> dict[str, Any]:
    data = annotation().to_dict()
    data["labels"].update(label_changes)
    return data


# --- the record ----------------------------------------------------------------------------


def test_to_dict_has_every_label_and_dimension() -> None:
    data = annotation().to_dict()
    assert data["codebook"] == CODEBOOK == "taxonomy-v1"
    assert list(data["labels"]) == list(LABEL_RANGES)
    assert list(data["rationales"]) == list(ANNOTATED_DIMENSIONS)
    assert data["rationales"]["sympathy"] == [[0, 13]]
    assert data["crisis_evidence"] == [[25, 38]]
    json.dumps(data)  # plain JSON


def test_round_trip() -> None:
    original = annotation()
    assert Annotation.from_dict(original.to_dict()) == original
    assert Annotation.from_dict(json.loads(json.dumps(original.to_dict()))) == original


def test_round_trip_of_the_dict_when_rationales_are_partial() -> None:
    partial = annotation(rationales={"sympathy": ((0, 13),)}, crisis_evidence=())
    data = partial.to_dict()
    assert data["rationales"]["reflection"] == []
    assert Annotation.from_dict(data).to_dict() == data


def test_codebook_defaults_when_absent() -> None:
    data = annotation().to_dict()
    del data["codebook"]
    assert Annotation.from_dict(data).codebook == CODEBOOK


@pytest.mark.parametrize(
    ("name", "value"),
    [("sympathy", 3), ("dismissive", -1), ("advice", 2), ("crisis", 2), ("seeker_distress", 3)],
)
def test_out_of_range_labels_are_rejected(name: str, value: int) -> None:
    with pytest.raises(ValueError, match=name):
        Annotation.from_dict(record(**{name: value}))


@pytest.mark.parametrize("name", sorted(LABEL_RANGES))
def test_highest_label_values_are_accepted(name: str) -> None:
    data = record(**{name: LABEL_RANGES[name]})
    assert Annotation.from_dict(data).labels[name] == LABEL_RANGES[name]


def test_a_missing_label_is_a_key_error() -> None:
    data = record()
    del data["labels"]["crisis"]
    with pytest.raises(KeyError):
        Annotation.from_dict(data)


# --- files ---------------------------------------------------------------------------------


def test_write_then_read(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    items = [annotation(rp_id="r2"), annotation(rp_id="r1", annotator="B")]
    write_annotations(path, items)
    back = list(read_annotations(path))
    assert [a.rp_id for a in back] == ["r1", "r2"]  # written sorted by rp_id
    assert back == sorted(items, key=lambda a: a.rp_id)


def test_read_skips_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text("\n" + json.dumps(record()) + "\n  \n", encoding="utf-8")
    assert len(list(read_annotations(path))) == 1


@pytest.mark.parametrize(
    "bad",
    [
        "{not json",
        json.dumps(record(sympathy=7)),
        json.dumps({"rp_id": "r9"}),
        json.dumps({**record(), "labels": None}),
        "[1, 2]",
    ],
)
def test_a_bad_line_is_an_input_error_naming_the_line(tmp_path: Path, bad: str) -> None:
    path = tmp_path / "a.jsonl"
    good = json.dumps(record())
    path.write_text(f"{good}\n\n{bad}\n{good}\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        list(read_annotations(path))
    assert info.value.line == 3
    assert info.value.path == str(path)
    assert "line 3" in str(info.value)


# --- locate --------------------------------------------------------------------------------


def test_locate_exact() -> None:
    start, end = locate(RESPONSE, "so sorry") or (-1, -1)
    assert RESPONSE[start:end] == "so sorry"
    assert (start, end) == (4, 12)


def test_locate_strips_the_quote() -> None:
    assert locate(RESPONSE, "  so sorry \n") == (4, 12)


def test_locate_prefers_an_occurrence_after_the_cursor() -> None:
    first = RESPONSE.index("I'm")
    second = RESPONSE.index("I'm", first + 1)
    assert locate(RESPONSE, "I'm") == (first, first + 3)
    assert locate(RESPONSE, "I'm", after=first + 1) == (second, second + 3)


def test_locate_is_case_insensitive() -> None:
    start, end = locate(RESPONSE, "SO SORRY") or (-1, -1)
    assert RESPONSE[start:end] == "so sorry"


def test_locate_tolerates_whitespace_differences() -> None:
    where = locate(RESPONSE, "you feel alone. i'm   here")
    assert where is not None
    assert RESPONSE[where[0] : where[1]] == "you feel  alone.\nI'm here"


@pytest.mark.parametrize("quote", ["not in the text", "", "   ", "sorrys"])
def test_locate_returns_none_when_absent(quote: str) -> None:
    assert locate(RESPONSE, quote) is None


def test_locate_treats_the_quote_literally() -> None:
    assert locate("a (b) c.*", "(b) C.*") == (2, 9)
    assert locate("abc", ".*") is None


# --- from_raw ------------------------------------------------------------------------------


def raw(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "rp_id": "r1",
        **LABELS,
        "rationales": {
            "sympathy": ["so sorry"],
            "reflection": ["IT SOUNDS LIKE you feel alone"],
            "compassion": ["I'm here if you want to talk", "I'm here if you want to talk"],
        },
        "crisis_evidence": ["I want to die", "want to die"],
    }
    data.update(changes)
    return data


def convert(data: dict[str, Any]) -> tuple[Annotation, list[str]]:
    return from_raw(data, sp_id="s1", part="test", annotator="B", response=RESPONSE, seeker=SEEKER)


def test_from_raw_maps_quotes_to_offsets() -> None:
    a, problems = convert(raw())
    assert problems == []
    assert (a.rp_id, a.sp_id, a.part, a.annotator, a.codebook) == (
        "r1",
        "s1",
        "test",
        "B",
        CODEBOOK,
    )
    assert dict(a.labels) == LABELS
    assert [RESPONSE[s:e] for s, e in a.rationales["sympathy"]] == ["so sorry"]
    assert [RESPONSE[s:e] for s, e in a.rationales["reflection"]] == [
        "It sounds like you feel  alone"
    ]
    # a repeated quote is kept once
    assert [RESPONSE[s:e] for s, e in a.rationales["compassion"]] == [
        "I'm here if you want to talk"
    ]
    assert a.rationales["dismissive"] == ()
    assert [SEEKER[s:e] for s, e in a.crisis_evidence] == ["I want to die", "want to die"]
    assert Annotation.from_dict(a.to_dict()) == a


def test_from_raw_offsets_are_sorted() -> None:
    a, _ = convert(raw(rationales={"sympathy": ["want to talk", "so sorry"]}))
    assert list(a.rationales["sympathy"]) == sorted(a.rationales["sympathy"])
    assert len(a.rationales["sympathy"]) == 2


def test_from_raw_reports_a_quote_not_found_without_failing() -> None:
    a, problems = convert(
        raw(rationales={**raw()["rationales"], "sympathy": ["so sorry", "never said this"]})
    )
    assert problems == ["sympathy: a quoted rationale is not in the response"]
    assert [RESPONSE[s:e] for s, e in a.rationales["sympathy"]] == ["so sorry"]
    assert a.labels["sympathy"] == 2


def test_from_raw_reports_a_level_without_a_rationale() -> None:
    a, problems = convert(raw(rationales={**raw()["rationales"], "reflection": []}))
    assert problems == ["reflection: level 1 without a located rationale"]
    assert a.labels["reflection"] == 1
    assert a.rationales["reflection"] == ()


def test_from_raw_reports_both_problems_for_an_unfound_only_quote() -> None:
    _, problems = convert(raw(rationales={"sympathy": ["nope"], "reflection": ["It sounds"]}))
    assert "sympathy: a quoted rationale is not in the response" in problems
    assert "sympathy: level 2 without a located rationale" in problems
    assert "compassion: level 1 without a located rationale" in problems


def test_from_raw_drops_rationales_of_level_zero() -> None:
    a, problems = convert(raw(rationales={**raw()["rationales"], "dismissive": ["so sorry"]}))
    assert problems == []
    assert a.rationales["dismissive"] == ()


def test_from_raw_reports_crisis_evidence_not_in_the_seeker_post() -> None:
    a, problems = convert(raw(crisis_evidence=["so sorry", "I want to die"]))
    assert problems == ["crisis_evidence: a quote is not in the seeker post"]
    assert [SEEKER[s:e] for s, e in a.crisis_evidence] == ["I want to die"]


def test_from_raw_without_rationales_or_evidence() -> None:
    data = raw()
    del data["rationales"]
    del data["crisis_evidence"]
    a, problems = convert(data)
    assert a.crisis_evidence == ()
    assert sorted(problems) == [
        "compassion: level 1 without a located rationale",
        "reflection: level 1 without a located rationale",
        "sympathy: level 2 without a located rationale",
    ]


# --- the committed item list ---------------------------------------------------------------


def test_taxonomy_v1_items(repo_root: Path) -> None:
    path = repo_root / "annotations" / "taxonomy-v1" / "items.csv"
    if not path.exists():
        pytest.skip(f"{path} is missing")
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows
    assert {"rp_id", "sp_id", "part", "second_pass"} <= set(rows[0])
    rp_ids = [row["rp_id"] for row in rows]
    assert len(set(rp_ids)) == len(rp_ids)
    assert {row["part"] for row in rows} == {"train", "dev", "test"}
    assert {row["second_pass"] for row in rows} <= {"0", "1"}
    # A random 120 of round 1 (the agreement study) and 60 of round 3 (the rest of test).
    second = [row for row in rows if row["second_pass"] == "1"]
    round_3 = [row for row in rows if row["part"] == "test" and row["stratum"] == "rest"]
    assert len(round_3) == 275
    assert len(second) == 180
    assert sum(row in round_3 for row in second) == 60


# --- the written training sets -------------------------------------------------------------


def _check_written(repo_root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    script = repo_root / "annotations" / "check_written.py"
    return subprocess.run(
        [sys.executable, str(script), *args], capture_output=True, text=True, check=False
    )


def test_the_written_sets_pass_their_checker(repo_root: Path) -> None:
    v1 = repo_root / "annotations" / "synthetic-v1" / "pairs.jsonl"
    v2 = repo_root / "annotations" / "synthetic-v2" / "pairs.jsonl"
    run = _check_written(repo_root, str(v1), str(v2))
    assert run.returncode == 0, run.stdout
    assert "901 pairs, all good" in run.stdout
    # The second set marks EPITOME's words too; the first does not.
    assert _check_written(repo_root, str(v2), "--require-epitome-rationales").returncode == 0
    assert _check_written(repo_root, str(v1), "--require-epitome-rationales").returncode == 1


def test_the_written_checker_names_each_problem(repo_root: Path, tmp_path: Path) -> None:
    labels = dict.fromkeys(
        ("sympathy", "reflection", "compassion", "dismissive", "emotional_reaction",
         "interpretation", "exploration", "advice", "self_focus"), 0,
    ) | {"sympathy": 1, "seeker_distress": 1}  # fmt: skip
    good = {"id": "a", "seeker": "Bad day.", "response": "Sorry, friend.",
            "written_as": "sympathy", "labels": labels,
            "rationales": {"sympathy": ["Sorry"], "reflection": [], "compassion": [],
                           "dismissive": []}}  # fmt: skip
    lines = [
        good,
        {**good, "id": "b", "rationales": {**good["rationales"], "sympathy": ["sorry!"]}},
        {**good, "id": "c", "labels": {**labels, "dismissive": 3}},
        {**good, "id": "d", "rationales": {**good["rationales"], "sympathy": []}},
        {**good},
    ]
    path = tmp_path / "pairs.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines) + "{oops\n", encoding="utf-8")
    run = _check_written(repo_root, str(path))
    assert run.returncode == 1
    assert f"{path}:2: b: sympathy rationale 'sorry!' is not in the response" in run.stdout
    assert f"{path}:3: c: label 'dismissive' must be 0, 1 or 2" in run.stdout
    assert f"{path}:4: d: sympathy is 1 but has no rationale" in run.stdout
    assert f"{path}:5: a: id repeats {path}:1" in run.stdout
    assert f"{path}:6: not JSON" in run.stdout
    assert "5 bad line(s)" in run.stdout
