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
    CODEBOOKS,
    LABEL_RANGES,
    PARTS,
    Annotation,
    AnnotationError,
    check_offsets,
    from_raw,
    locate,
    read_annotation_lines,
    read_annotations,
    write_annotations,
)
from carelens.errors import InputError
from carelens.readers import RejectLog

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


def test_a_missing_label_is_an_annotation_error_naming_it() -> None:
    data = record()
    del data["labels"]["crisis"]
    with pytest.raises(AnnotationError, match="missing") as info:
        Annotation.from_dict(data)
    assert info.value.field == "labels.crisis"
    assert isinstance(info.value, ValueError)  # what annotations/ingest.py catches


def test_both_codebook_versions_are_accepted() -> None:
    assert CODEBOOKS == ("taxonomy-v1", "taxonomy-v1.1")
    for codebook in CODEBOOKS:
        data = {**record(), "codebook": codebook}
        assert Annotation.from_dict(data).codebook == codebook


def test_the_parts_are_the_split_parts() -> None:
    from carelens.evaluation import SPLIT_PARTS

    assert PARTS == SPLIT_PARTS


def _with(path: str, value: Any) -> dict[str, Any]:
    """The record with the value at a dotted ``path`` replaced (a key of ``labels``,
    ``rationales``, or the record)."""
    data = record()
    keys = path.split(".")
    target = data
    for key in keys[:-1]:
        target = target[key]
    target[keys[-1]] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        # nothing is coerced: a level is an integer in its range
        ("labels.sympathy", 1.7, "labels.sympathy"),
        ("labels.sympathy", 2.0, "labels.sympathy"),
        ("labels.sympathy", True, "labels.sympathy"),
        ("labels.crisis", False, "labels.crisis"),
        ("labels.advice", "1", "labels.advice"),
        ("labels.seeker_distress", None, "labels.seeker_distress"),
        ("labels.sympaty", 2, "labels.sympaty"),
        ("labels", [1, 2], "labels"),
        # offsets: [start, end], integers, 0 <= start < end
        ("rationales", [[0, 5]], "rationales"),
        ("rationales.sympathy", [[-10, -2]], "rationales.sympathy"),
        ("rationales.sympathy", [[0, 13], [5, 5]], "rationales.sympathy"),
        ("rationales.sympathy", [[9, 3]], "rationales.sympathy"),
        ("rationales.sympathy", [[0]], "rationales.sympathy"),
        ("rationales.sympathy", [[0, 1.5]], "rationales.sympathy"),
        ("rationales.sympathy", [[True, 3]], "rationales.sympathy"),
        ("rationales.sympathy", [0, 13], "rationales.sympathy"),
        ("rationales.sympathy", "so sorry", "rationales.sympathy"),
        ("rationales.sympaty", [[0, 3]], "rationales.sympaty"),
        ("crisis_evidence", [[-1, 4]], "crisis_evidence"),
        ("crisis_evidence", {"a": 1}, "crisis_evidence"),
        # the record's own fields
        ("codebook", "taxonomy-v9", "codebook"),
        ("part", "tset", "part"),
        ("part", "validation", "part"),
        ("rp_id", 17, "rp_id"),
        ("rp_id", "", "rp_id"),
        ("sp_id", None, "sp_id"),
        ("annotator", ["A"], "annotator"),
        ("rationale", {}, "rationale"),
    ],
)
def test_an_invalid_record_is_refused_naming_the_field(path: str, value: Any, field: str) -> None:
    with pytest.raises(AnnotationError) as info:
        Annotation.from_dict(_with(path, value))
    assert info.value.field == field


def test_a_record_that_is_not_an_object_is_refused() -> None:
    with pytest.raises(AnnotationError, match="not an array") as info:
        Annotation.from_dict([1, 2])
    assert info.value.field is None


def test_absent_or_null_rationales_and_evidence_mean_none() -> None:
    data = record()
    del data["rationales"]
    data["crisis_evidence"] = None
    a = Annotation.from_dict(data)
    assert (dict(a.rationales), a.crisis_evidence) == ({}, ())


def test_offsets_past_the_end_of_their_text_are_refused_where_the_text_is_known() -> None:
    a = annotation()
    check_offsets(a, RESPONSE, SEEKER)  # made on these texts
    with pytest.raises(AnnotationError, match="past the end of the response") as info:
        check_offsets(a, RESPONSE[:60], SEEKER)
    assert info.value.field == "rationales.compassion"
    with pytest.raises(AnnotationError, match="past the end of the seeker post") as info:
        check_offsets(a, RESPONSE, SEEKER[:20])
    assert info.value.field == "crisis_evidence"


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


#: A line nested too deep for the JSON parser (a RecursionError, not a ValueError).
TOO_DEEP = "[" * 100_000 + "]" * 100_000


@pytest.mark.parametrize(
    "bad",
    [
        "{not json",
        json.dumps(record(sympathy=7)),
        json.dumps({"rp_id": "r9"}),
        json.dumps({**record(), "labels": None}),
        "[1, 2]",
        TOO_DEEP,
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


@pytest.mark.parametrize(
    ("bad", "field"),
    [
        (json.dumps(_with("labels.sympathy", 1.7)), "labels.sympathy"),
        (json.dumps(_with("rationales", [[0, 5]])), "rationales"),
        (json.dumps(_with("rationales.sympathy", [[-10, -2]])), "rationales.sympathy"),
        (json.dumps(_with("codebook", "taxonomy-v9")), "codebook"),
    ],
)
def test_the_input_error_names_the_field(tmp_path: Path, bad: str, field: str) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(record(), ensure_ascii=False) + "\n" + bad + "\n", "utf-8")
    with pytest.raises(InputError) as info:
        list(read_annotations(path))
    assert (info.value.path, info.value.line, info.value.field) == (str(path), 2, field)


def _lines(*records: dict[str, Any]) -> bytes:
    return b"".join(json.dumps(r, ensure_ascii=False).encode("utf-8") + b"\n" for r in records)


def test_bytes_that_are_not_utf8_are_an_input_error_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.jsonl"
    latin1 = json.dumps({**record(), "annotator": "Ren\u00e9"}, ensure_ascii=False)
    path.write_bytes(_lines(record()) + latin1.encode("latin-1") + b"\n")
    with pytest.raises(InputError, match="not valid UTF-8") as info:
        list(read_annotations(path))
    assert (info.value.path, info.value.line) == (str(path), 2)


def test_a_utf16_file_is_an_input_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "utf16.jsonl"
    path.write_text(json.dumps(record()) + "\n", encoding="utf-16")
    for rejects in (None, RejectLog()):
        with pytest.raises(InputError, match="UTF-16") as info:
            list(read_annotation_lines(path, rejects))
        assert info.value.path == str(path)


def test_a_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + _lines(record(), {**record(), "rp_id": "r2"}))
    assert [a.rp_id for a in read_annotations(path)] == ["r1", "r2"]


def test_a_repeated_rp_id_is_refused_and_the_first_kept(tmp_path: Path) -> None:
    path = tmp_path / "dup.jsonl"
    path.write_bytes(_lines(record(), record(sympathy=0), {**record(), "rp_id": "r2"}))
    with pytest.raises(InputError, match="also on line 1") as info:
        list(read_annotations(path))
    assert (info.value.line, info.value.field) == (2, "rp_id")
    # Refused, the file keeps neither: the error says what to do, not "the first is kept".
    assert "keep one of the two" in str(info.value) and "is kept" not in str(info.value)
    log = RejectLog()
    read = list(read_annotation_lines(path, log))
    assert [(n, a.rp_id, a.labels["sympathy"]) for n, a in read] == [(1, "r1", 2), (3, "r2", 2)]
    assert log.counts == {"duplicate id": 1}


def test_with_a_reject_log_bad_lines_are_listed_and_the_others_read(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        _lines(record())
        + b"{not json\n"
        + b'{"rp_id": "caf\xe9"}\n'
        + b"[1, 2]\n"
        + _lines(_with("labels.sympathy", True), {**record(), "rp_id": "r2"})
    )
    rejects = tmp_path / "rejects.jsonl"
    with RejectLog(rejects) as log:
        read = list(read_annotation_lines(path, log))
    assert [(n, a.rp_id) for n, a in read] == [(1, "r1"), (6, "r2")]
    entries = [json.loads(x) for x in rejects.read_text(encoding="utf-8").splitlines()]
    assert [(e["path"], e["line"], e["field"], e["reason"]) for e in entries] == [
        (str(path), 2, None, "malformed JSON"),
        (str(path), 3, None, "invalid UTF-8"),
        (str(path), 4, None, "not a JSON object"),
        (str(path), 5, "labels.sympathy", "invalid field value"),
    ]


def test_a_line_nested_too_deep_is_malformed_json_and_the_rest_is_read(tmp_path: Path) -> None:
    """It was a RecursionError traceback: only ValueError was caught around the parser."""
    path = tmp_path / "deep.jsonl"
    path.write_bytes(
        _lines(record(), {**record(), "rp_id": "r2"})
        + TOO_DEEP.encode()
        + b"\n"
        + _lines({**record(), "rp_id": "r3"})
    )
    rejects = tmp_path / "rejects.jsonl"
    with RejectLog(rejects) as log:
        read = list(read_annotation_lines(path, log))
    assert [(n, a.rp_id) for n, a in read] == [(1, "r1"), (2, "r2"), (4, "r3")]
    (entry,) = [json.loads(x) for x in rejects.read_text(encoding="utf-8").splitlines()]
    assert (entry["line"], entry["field"], entry["reason"]) == (3, None, "malformed JSON")
    assert entry["detail"] == "not valid JSON (nested too deep to parse)"


def test_the_projects_annotation_files_load_without_a_reject() -> None:
    folder = Path(__file__).resolve().parents[1] / "annotations" / "taxonomy-v1"
    files = sorted(folder.glob("*.jsonl"))
    assert len(files) >= 4
    for path in files:
        log = RejectLog()
        read = list(read_annotation_lines(path, log))
        assert read and log.total == 0, (path, log.counts)


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


@pytest.mark.parametrize("value", [1.7, True, "2", None])
def test_from_raw_refuses_a_label_that_is_not_an_integer_in_its_range(value: Any) -> None:
    with pytest.raises(AnnotationError) as info:
        convert(raw(sympathy=value))
    assert info.value.field == "sympathy"
    with pytest.raises(AnnotationError, match="must be an object"):
        convert(raw(rationales=[["so sorry"]]))


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


def test_from_raw_reports_and_drops_rationales_of_level_zero() -> None:
    a, problems = convert(raw(rationales={**raw()["rationales"], "dismissive": ["so sorry"]}))
    assert problems == ["dismissive is 0 but has rationales (not stored)"]
    assert a.rationales["dismissive"] == ()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"rationales": {"sympathy": "so sorry"}}, "rationales.sympathy"),
        ({"rationales": {"sympathy": [3]}}, "rationales.sympathy"),
        ({"crisis_evidence": "I want to die"}, "crisis_evidence"),
    ],
)
def test_from_raw_refuses_quotes_that_are_not_a_list_of_strings(
    changes: dict[str, Any], field: str
) -> None:
    # A bare string would be read letter by letter: one-character offsets.
    with pytest.raises(AnnotationError, match=r"must be a list of quoted words|quote 1 must") as e:
        convert(raw(**changes))
    assert e.value.field == field


def test_from_raw_refuses_a_line_made_under_another_codebook() -> None:
    with pytest.raises(AnnotationError, match="the line says 'taxonomy-v2'") as info:
        convert(raw(codebook="taxonomy-v2"))
    assert info.value.field == "codebook"
    a, _ = from_raw(
        raw(codebook=CODEBOOKS[1]),
        sp_id="s1",
        part="test",
        annotator="B",
        response=RESPONSE,
        seeker=SEEKER,
        codebook=CODEBOOKS[1],
    )
    assert a.codebook == CODEBOOKS[1]


def test_from_raw_reports_crisis_without_evidence_and_evidence_without_crisis() -> None:
    _, problems = convert(raw(crisis_evidence=[]))
    assert problems == ["crisis: 1 without located evidence"]
    a, problems = convert(raw(crisis=0))
    assert problems == ["crisis is 0 but has evidence (not stored)"]
    assert a.crisis_evidence == ()


def test_from_raw_reports_unknown_keys_and_keeps_a_note_out_of_the_record() -> None:
    data = raw(note="unsafe reply", empathy=2)
    data["rationales"] = {**data["rationales"], "empathy": ["so sorry"]}
    a, problems = convert(data)
    assert problems == [
        "unknown keys 'empathy' (not stored)",
        "rationales: unknown keys 'empathy' (not stored; rationales are kept for sympathy, "
        "reflection, compassion, dismissive)",
    ]
    assert "note" not in a.to_dict()


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
        "crisis: 1 without located evidence",
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


def _select_items(repo_root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    script = repo_root / "annotations" / "select_items.py"
    return subprocess.run(
        [sys.executable, str(script), *args], capture_output=True, text=True, check=False
    )


def test_round_1_does_not_write_over_the_committed_item_list(
    repo_root: Path, tmp_path: Path
) -> None:
    # The committed list holds all three rounds; round 1 alone would leave 690 of them.
    items = tmp_path / "items.csv"
    items.write_text("rp_id\nr1\n", encoding="utf-8")
    run = _select_items(repo_root, str(tmp_path / "source.csv"), "--items", str(items))
    assert run.returncode == 1
    assert "round 1 starts the list afresh" in run.stderr and "--overwrite" in run.stderr
    assert items.read_text(encoding="utf-8") == "rp_id\nr1\n"
    run = _select_items(repo_root, str(tmp_path / "source.csv"), "--rest", "--items",
                        str(tmp_path / "none.csv"))  # fmt: skip
    assert run.returncode == 1 and "run round 1 first" in run.stderr


@pytest.mark.shared_data
def test_the_documented_three_rounds_rebuild_the_committed_item_list(
    repo_root: Path, shared_data: Path, tmp_path: Path
) -> None:
    source = str(shared_data / "epitome-reddit" / "epitome_reddit_public.csv")
    items = str(tmp_path / "items.csv")
    for args in ((), ("--rest",), ("--rest-test",)):
        run = _select_items(repo_root, source, *args, "--items", items)
        assert run.returncode == 0, run.stderr
        assert "trained on as given" not in run.stderr  # the trainer's warnings are not its
    committed = repo_root / "annotations" / "taxonomy-v1" / "items.csv"
    assert Path(items).read_bytes() == committed.read_bytes()
    readme = (repo_root / "annotations" / "README.md").read_text(encoding="utf-8")
    for step in ("select_items.py $SOURCE --items", "--rest --items", "--rest-test --items"):
        assert step in readme, step


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
    # What the trainer refuses, as it words it (file, line, field); then the project's rules.
    out = " ".join(run.stdout.split())
    assert f"{path}, line 2, field 'rationales.sympathy[0]': bad labelled pair: the quote " in out
    assert "'sorry!' is not in the response" in out
    assert (
        f"{path}, line 3, field 'labels.dismissive': bad labelled pair: must be an integer" in out
    )
    assert f"{path}:4: d: sympathy is 1 but has no rationale" in out
    assert f"{path}:5: a: id repeats {path}:1" in out
    assert f"{path}, line 6: bad labelled pair: not valid JSON" in out
    assert "5 bad line(s)" in out


def test_the_written_checker_refuses_what_the_trainer_refuses(
    repo_root: Path, tmp_path: Path
) -> None:
    # true == 1 and 0.0 == 0 in Python: "in (0, 1, 2)" let them through, the trainer did not.
    from carelens.training.data import load_written_pairs

    labels = dict.fromkeys(
        ("sympathy", "reflection", "compassion", "dismissive", "emotional_reaction",
         "interpretation", "exploration", "advice", "self_focus"), 0,
    ) | {"seeker_distress": 1}  # fmt: skip
    good = {"id": "a", "seeker": "Bad day.", "response": "Try a walk.", "written_as": "advice",
            "labels": labels | {"advice": 1},
            "rationales": {"sympathy": [], "reflection": [], "compassion": [],
                           "dismissive": []}}  # fmt: skip
    path = tmp_path / "pairs.jsonl"
    for change, field in (
        ({"advice": True}, "labels.advice"),
        ({"sympathy": 0.0}, "labels.sympathy"),
    ):
        path.write_text(json.dumps(good | {"labels": good["labels"] | change}) + "\n")
        run = _check_written(repo_root, str(path))
        assert run.returncode == 1, run.stdout
        assert f"{path}, line 1, field '{field}': bad labelled pair: must be an integer" in (
            " ".join(run.stdout.split())
        )
        with pytest.raises(InputError):
            load_written_pairs(path)
    # A byte that is not UTF-8 is a line error, not a traceback; the good lines are checked.
    path.write_bytes(
        json.dumps(good).encode() + b"\n" + json.dumps(good | {"id": "b"}).encode()[:-1]
        + b', "note": "caf\xe9"}\n'
    )  # fmt: skip
    run = _check_written(repo_root, str(path))
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    assert f"{path}, line 2: byte 0xe9 is not UTF-8 text" in " ".join(run.stdout.split())
    assert "1 bad line(s)" in run.stdout
    # A file without any pair, as the trainer refuses it.
    path.write_text("\n", encoding="utf-8")
    run = _check_written(repo_root, str(path))
    assert run.returncode == 1 and f"{path}: the file holds no labelled pair" in run.stdout
