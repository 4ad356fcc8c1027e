"""``carelens evaluate`` with the shipped model: table, JSON, split, errors."""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

import carelens
from carelens.evaluation import model_split_ids
from carelens.inference.artifact import default_model_dir

Invoke = Callable[..., Result]
DIMS = ("emotional_reaction", "interpretation", "exploration")


def test_evaluate_prints_a_table(invoke: Invoke, data: Path) -> None:
    result = invoke("evaluate", data / "labeled.csv")
    assert result.exit_code == 0, result.output
    for header in (
        "mechanism",
        "accuracy",
        "macro-F1",
        "95% CI",
        "token-F1",
        "IOU-F1",
        *DIMS,
    ):
        assert header in result.stdout
    # q5's emotional reactions level is invalid: one cell, and q5 is scored on the others.
    assert "1 level cell rejected in 1 row (a pair is left out only of" in result.stderr
    assert "row rejected (not scored)" not in result.stderr
    assert "rationale parts" not in result.stderr  # every gold rationale is in its response


def test_evaluate_json(invoke: Invoke, data: Path, tmp_path: Path) -> None:
    rejects = tmp_path / "rejects.jsonl"
    result = invoke("evaluate", data / "labeled.csv", "--json", "-q", "--rejects", rejects)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["n_pairs"] == 5 and report["rejected"] == 1
    assert report["model"] == carelens.load().model_id
    assert set(report["mechanisms"]) == set(DIMS)
    assert report["mechanisms"]["emotional_reaction"]["n"] == 4
    for scores in report["mechanisms"].values():
        assert 0.0 <= scores["accuracy"] <= 1.0 and 0.0 <= scores["macro_f1"] <= 1.0
        low, high = scores["macro_f1_interval"]
        assert 0.0 <= low <= high <= 1.0
    (entry,) = [json.loads(x) for x in rejects.read_text(encoding="utf-8").splitlines()]
    assert (entry["line"], entry["field"]) == (6, "emotional_reactions_level")


def test_evaluate_split_scores_only_that_part(invoke: Invoke, data: Path) -> None:
    manifest = carelens.load().artifact.manifest
    part = model_split_ids(data / "labeled.csv", manifest, "train")
    result = invoke("evaluate", data / "labeled.csv", "--split", "train", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["split"] == "train"
    assert report["n_pairs"] == len(part) < 5
    assert "not the file this model was trained on" in result.stderr


def test_evaluate_bad_split_is_a_usage_error_a_bad_file_exits_1(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    bad = invoke("evaluate", data / "labeled.csv", "--split", "validation")
    assert bad.exit_code == 2 and "--split" in bad.stderr and "must be all" in bad.stderr
    missing = invoke("evaluate", tmp_path / "absent.csv")
    assert missing.exit_code == 1 and "no such file" in missing.stderr
    unlabelled = invoke("evaluate", data / "pairs.csv")
    assert unlabelled.exit_code == 1 and "no label columns" in unlabelled.stderr


def _annotations(tmp_path: Path) -> Path:
    """Taxonomy labels for three of ``labeled.csv``'s responses (two in the test part)."""
    base = {
        "sympathy": 0, "reflection": 0, "compassion": 0, "dismissive": 0,
        "advice": 0, "self_focus": 0, "seeker_distress": 1, "crisis": 0,
    }  # fmt: skip
    rows = [
        ("q2", "p2", "test", {"sympathy": 1}, {"sympathy": [[0, 9]]}),
        ("q3", "p3", "test", {"advice": 1}, {}),
        ("q4", "p4", "train", {"sympathy": 1}, {"sympathy": [[0, 17]]}),
    ]
    path = tmp_path / "annotations.jsonl"
    path.write_text(
        "".join(
            json.dumps(
                {"rp_id": rp, "sp_id": sp, "part": part, "annotator": "T",
                 "labels": base | labels, "rationales": rationales}
            ) + "\n"
            for rp, sp, part, labels, rationales in rows
        ),
        encoding="utf-8",
    )  # fmt: skip
    return path


def test_evaluate_with_annotations_scores_the_taxonomy(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    annotations = _annotations(tmp_path)
    result = invoke("evaluate", data / "labeled.csv", "--annotations", annotations, "--json", "-q")
    assert result.exit_code == 0, result.output
    taxonomy = json.loads(result.stdout)["taxonomy"]
    assert taxonomy["part"] == "all" and taxonomy["n_pairs"] == 3
    for name in ("sympathy", "reflection", "compassion", "dismissive", "empathy"):
        assert taxonomy["dimensions"][name]["n"] == 3
    assert taxonomy["dimensions"]["sympathy"]["n_rationales"] == 2
    assert set(taxonomy["binary"]) == {"advice", "self_focus", "crisis"}
    table = invoke("evaluate", data / "labeled.csv", "--annotations", annotations)
    assert table.exit_code == 0, table.output
    assert "taxonomy dimensions on the annotations (all, 3 pairs)" in table.stdout
    assert "presence macro-F1" in table.stdout and "style" in table.stdout


def test_evaluate_with_annotations_of_unknown_responses_exits_1(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    annotations = _annotations(tmp_path)
    text = annotations.read_text(encoding="utf-8").replace('"q3"', '"zz9"')
    annotations.write_text(text, encoding="utf-8")
    result = invoke("evaluate", data / "labeled.csv", "--annotations", annotations)
    assert result.exit_code == 1
    assert "not in the data file (first: zz9)" in result.stderr


def test_evaluate_split_scores_the_annotations_of_the_models_own_part(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    # Stored parts: q2 and q3 test, q4 train. The model's split of labeled.csv puts only q2
    # in its test part (q3 is in its train part): the model's split decides, and says so.
    manifest = carelens.load().artifact.manifest
    test_part = model_split_ids(data / "labeled.csv", manifest, "test")
    assert test_part == {"q2"}
    annotations = _annotations(tmp_path)
    result = invoke(
        "evaluate", data / "labeled.csv", "--split", "test", "--annotations", annotations, "--json"
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["n_pairs"] == report["taxonomy"]["n_pairs"] == 1
    message = " ".join(result.stderr.split())
    assert (
        "0 annotated responses in its test part are stored as another part, 1 stored as test "
        "are in another part; the model's split decides"
    ) in message


_LABELS = {
    "sympathy": 0, "reflection": 0, "compassion": 0, "dismissive": 0,
    "advice": 0, "self_focus": 0, "seeker_distress": 1, "crisis": 0,
}  # fmt: skip


def _annotation_line(rp_id: str, **changes: object) -> str:
    record = {"rp_id": rp_id, "sp_id": "p" + rp_id[1:], "part": "test", "annotator": "T"}
    return json.dumps(record | {"labels": _LABELS, "rationales": {}} | changes, ensure_ascii=False)


def test_evaluate_lists_bad_annotations_and_scores_the_rest(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    annotations = tmp_path / "annotations.jsonl"
    annotations.write_bytes(
        b"\xef\xbb\xbf"  # a UTF-8 byte-order mark is accepted
        + _annotation_line("q1").encode() + b"\n"
        + _annotation_line("q2", rationales=[[0, 5]]).encode() + b"\n"
        + _annotation_line("q3", annotator="Ren\u00e9").encode("latin-1") + b"\n"
        + _annotation_line("q4", rationales={"sympathy": [[-10, -2]]}).encode() + b"\n"
        + _annotation_line("q1", labels=_LABELS | {"sympathy": 2}).encode() + b"\n"
        + _annotation_line("q5").encode() + b"\n"  # its emotional reactions level is "x"
    )  # fmt: skip
    rejects = tmp_path / "rejects.jsonl"
    args = ("evaluate", data / "labeled.csv", "--annotations", annotations, "--rejects", rejects)
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert "taxonomy dimensions on the annotations (all, 2 pairs)" in " ".join(
        result.stdout.split()
    )
    message = " ".join(result.stderr.split())
    assert "taxonomy: 4 annotations rejected (not scored); 1 level cell of annotated rows" in (
        message
    )
    entries = [json.loads(x) for x in rejects.read_text(encoding="utf-8").splitlines()]
    got = [(Path(e["path"]).name, e["line"], e["field"]) for e in entries]
    assert got == [
        # q5's bad cell: left out of evaluate's EPITOME scores and of the taxonomy's gold
        # style, one problem and so one line (counted by both, see the JSON below).
        ("labeled.csv", 6, "emotional_reactions_level"),
        ("annotations.jsonl", 2, "rationales"),
        ("annotations.jsonl", 3, None),
        ("annotations.jsonl", 4, "rationales.sympathy"),
        ("annotations.jsonl", 5, "rp_id"),  # q1 again: the first is kept
    ]
    problems = [(e["path"], e["line"], e["field"], e["reason"]) for e in entries]
    assert len(set(problems)) == len(problems)
    as_json = invoke(*args, "--json", "-q")
    report = json.loads(as_json.stdout)
    assert (report["rejected"], report["rejected_levels"]) == (1, 1)
    taxonomy = report["taxonomy"]
    assert (taxonomy["n_pairs"], taxonomy["rejected"], taxonomy["rejected_levels"]) == (2, 4, 1)
    assert len(rejects.read_text(encoding="utf-8").splitlines()) == 5  # --json lists the same


#: A line nested too deep for the JSON parser (a RecursionError, not a ValueError).
TOO_DEEP = "[" * 100_000 + "]" * 100_000


def test_evaluate_lists_an_annotation_line_nested_too_deep_and_scores_the_rest(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    """It was a RecursionError traceback, with no scores and no rejects file."""
    annotations = tmp_path / "ann_deep.jsonl"
    lines = [_annotation_line("q1"), _annotation_line("q2"), TOO_DEEP, _annotation_line("q3")]
    annotations.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rejects = tmp_path / "rj" / "deep.jsonl"
    args = ("evaluate", data / "labeled.csv", "--annotations", annotations, "--rejects", rejects)
    result = invoke(*args, "--json", "-q")
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    taxonomy = json.loads(result.stdout)["taxonomy"]
    assert (taxonomy["n_pairs"], taxonomy["rejected"]) == (3, 1)
    entries = [json.loads(x) for x in rejects.read_text(encoding="utf-8").splitlines()]
    got = [(Path(e["path"]).name, e["line"], e["field"], e["reason"]) for e in entries]
    assert ("ann_deep.jsonl", 3, None, "malformed JSON") in got
    table = invoke(*args)
    assert table.exit_code == 0, table.output
    assert "taxonomy: 1 annotation rejected (not scored)" in _one_line(table.stderr)


def test_evaluate_refuses_a_utf16_annotations_file_without_a_traceback(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    annotations = tmp_path / "utf16.jsonl"
    annotations.write_text(_annotation_line("q1") + "\n", encoding="utf-16")
    result = invoke("evaluate", data / "labeled.csv", "--annotations", annotations)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    (error,) = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert "utf16.jsonl: the file is UTF-16 or UTF-32 encoded" in error


def test_an_unreadable_annotations_file_is_refused_before_the_model_loads(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    """Before, the whole data file was scored first (minutes on the EPITOME file)."""
    annotations = tmp_path / "utf16.jsonl"
    annotations.write_text(_annotation_line("q1") + "\n", encoding="utf-16")
    no_model = tmp_path / "no-model"  # loading it would be the first error otherwise
    rejects = tmp_path / "out" / "rejects.jsonl"
    result = invoke(
        "evaluate",
        data / "labeled.csv",
        "--annotations",
        annotations,
        "--model",
        no_model,
        "--rejects",
        rejects,
    )
    assert result.exit_code == 1
    (error,) = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert "UTF-16" in error and not rejects.parent.exists()


def test_evaluate_names_a_folder_as_a_folder(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("evaluate", tmp_path, "--rejects", tmp_path / "n" / "r.jsonl")
    assert result.exit_code == 1
    assert "this is a folder; pass the labelled CSV file" in result.stderr
    assert not (tmp_path / "n").exists()


def test_evaluate_contrast_reports_each_kind(invoke: Invoke, tmp_path: Path) -> None:
    contrast = tmp_path / "contrast.jsonl"
    item = {
        "id": "x1",
        "seeker": "My dog died last night and the house is so quiet.",
        "responses": {
            "sympathy": "I'm so sorry about your dog.",
            "empathy": "The quiet must make the loss feel even bigger. What do you miss most?",
            "compassion": "I can come over tomorrow and help you put her things away.",
            "dismissive": "It's just a dog, you can get another one.",
        },
    }
    contrast.write_text(json.dumps(item) + "\n", encoding="utf-8")
    result = invoke("evaluate-contrast", contrast, "--json", "-q")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["n_items"] == 1
    assert set(report["ranked_first"]) == {"sympathy", "empathy", "compassion", "dismissive"}
    assert report["ranked_first"]["dismissive"] == 1  # "it's just a dog" is caught by a rule
    table = invoke("evaluate-contrast", contrast)
    assert table.exit_code == 0 and "ranked first" in table.stdout
    contrast.write_text('{"id": "x2", "seeker": "hi", "responses": {}}\n', encoding="utf-8")
    bad = invoke("evaluate-contrast", contrast)
    assert bad.exit_code == 1 and "line 1" in bad.stderr


HEADER = (
    "sp_id,rp_id,seeker_post,response_post,emotional_reactions_level,interpretations_level,"
    "explorations_level\n"
)


def _labels(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "labels.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    return path


def _one_line(text: str) -> str:
    return " ".join(text.split())


def test_evaluate_with_nothing_scored_exits_1_and_says_why(invoke: Invoke, tmp_path: Path) -> None:
    invalid = _labels(
        tmp_path,
        "a1,b1,I lost my wallet on the bus.,That is a pain. Did you call them?,x,y,z\n"
        "a2,b2,My tooth aches all day.,Ouch. Have you seen a dentist?,3,,-1\n"
        "a3,b3,Nobody came to my party.,That hurts. Who did you invite?,one,two,three\n",
    )
    result = invoke("evaluate", invalid)
    assert result.exit_code == 1, result.output
    message = _one_line(result.stderr)
    assert "nothing to score: none of the 3 rows has a valid level" in message
    assert "9 invalid level cells" in message and "Traceback" not in message
    assert "0.000" not in result.stdout and "mechanism" not in result.stdout
    # One seeker post: the model's split puts it in train, and the dev part is empty.
    one = tmp_path / "one.csv"
    one.write_text(
        HEADER + "a1,b1,I lost my wallet on the bus.,That is a pain. Did you call them?,1,0,1\n",
        encoding="utf-8",
    )
    dev = invoke("evaluate", one, "--split", "dev", "--json")
    assert dev.exit_code == 1, dev.output
    assert "no row of the file is in the dev part of the model's split" in _one_line(dev.stderr)
    assert dev.stdout == ""


def test_evaluate_counts_rejected_level_cells_in_their_rows(invoke: Invoke, tmp_path: Path) -> None:
    # Two invalid cells in each of three rows: six rejects, and every row scored on one level.
    path = _labels(
        tmp_path,
        "a1,b1,I lost my wallet on the bus.,That is a pain. Did you call them?,x,y,1\n"
        "a2,b2,My tooth aches all day.,Ouch. Have you seen a dentist?,3,,0\n"
        "a3,b3,Nobody came to my party.,That hurts. Who did you invite?,one,two,1\n",
    )
    rejects = tmp_path / "rejects.jsonl"
    result = invoke("evaluate", path, "--rejects", rejects)
    assert result.exit_code == 0, result.output
    assert (
        "6 level cells rejected in 3 rows (a pair is left out only of the mechanisms whose "
        f"level is invalid); listed in {rejects}"
    ) in _one_line(result.stderr)
    assert len(rejects.read_text(encoding="utf-8").splitlines()) == 6
    cells = {
        row[1].strip(): [c.strip() for c in row[2:-1]]
        for row in (line.split("│") for line in result.stdout.splitlines() if "│" in line)
    }
    # No figure where nothing was scored: "-", not 0.000.
    assert cells["emotional_reaction"] == cells["interpretation"] == ["0"] + ["-"] * 6
    assert cells["exploration"][0] == "3" and "-" not in cells["exploration"][1:5]
    report = json.loads(invoke("evaluate", path, "--json", "-q").stdout)
    assert report["rejected"] == report["rejected_levels"] == 6
    assert report["rows_with_rejected_levels"] == 3 and report["n_pairs"] == 3
    assert report["mechanisms"]["interpretation"]["accuracy"] is None


def test_evaluate_split_counts_and_lists_only_the_rejects_of_its_part(
    invoke: Invoke, shared_data: Path, tmp_path: Path
) -> None:
    """A train row the reader rejected was counted and listed by --split dev (while a bad
    level cell of a train row was not)."""
    epitome = shared_data / "epitome-reddit" / "epitome_reddit_public.csv"
    with epitome.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        rows = [row for _, row in zip(range(60), reader, strict=False)]
    path = tmp_path / "epitome60.csv"

    def write() -> None:
        with path.open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerows([header, *rows])

    write()
    manifest = carelens.load().artifact.manifest
    dev = model_split_ids(path, manifest, "dev")
    train = model_split_ids(path, manifest, "train")
    rp_id = header.index("rp_id")
    empty, bad_level = [n for n, row in enumerate(rows) if row[rp_id] in train][:2]
    rows[empty][header.index("seeker_post")] = ""
    rows[bad_level][header.index("emotional_reactions_level")] = "x"
    write()
    assert dev and model_split_ids(path, manifest, "dev") == dev

    rejects = tmp_path / "rj" / "split.jsonl"
    result = invoke("evaluate", path, "--split", "dev", "--rejects", rejects)
    assert result.exit_code == 0, result.output
    assert "rejected (not scored)" not in _one_line(result.stderr)
    assert rejects.read_text(encoding="utf-8") == ""
    report = json.loads(invoke("evaluate", path, "--split", "dev", "--json", "-q").stdout)
    assert (report["n_pairs"], report["rejected"]) == (len(dev), 0)
    # In the train part both are counted and listed, a row and a level cell.
    result = invoke("evaluate", path, "--split", "train", "--rejects", rejects)
    assert result.exit_code == 0, result.output
    message = _one_line(result.stderr)
    assert "1 row rejected (not scored); 1 level cell rejected in 1 row" in message
    entries = [json.loads(x) for x in rejects.read_text(encoding="utf-8").splitlines()]
    assert [(e["line"], e["field"]) for e in entries] == [
        (empty + 2, "seeker_post"),
        (bad_level + 2, "emotional_reactions_level"),
    ]


def test_evaluate_record_refuses_a_mechanism_without_pairs(invoke: Invoke, tmp_path: Path) -> None:
    model = Path(shutil.copytree(default_model_dir(), tmp_path / "model"))
    manifest = (model / "manifest.json").read_bytes()
    path = _labels(
        tmp_path,
        "a1,b1,I lost my wallet on the bus.,That is a pain. Did you call them?,1,0,\n"
        "a3,b3,Nobody came to my party.,That hurts. Who did you invite?,0,1,?\n",
    )
    result = invoke("evaluate", path, "--model", model, "--record")
    assert result.exit_code == 1, result.output
    message = _one_line(result.stderr)
    assert "--record refused: no pair was scored for exploration (n 0)" in message
    assert "figures recorded" not in message
    assert (model / "manifest.json").read_bytes() == manifest


def test_evaluate_refuses_a_column_named_twice(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "twice.csv"
    path.write_text(
        "sp_id,rp_id,seeker_post,response_post,explorations_level,explorations_level\n"
        "a1,b1,I lost my wallet.,That is a pain. Did you call them?,1,0\n",
        encoding="utf-8",
    )
    result = invoke("evaluate", path)
    assert result.exit_code == 1, result.output
    assert "line 1, field 'explorations_level': the header names the column" in _one_line(
        result.stderr
    )


def test_evaluate_says_how_many_rationale_parts_were_not_found(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = tmp_path / "rationales.csv"
    path.write_text(
        "sp_id,rp_id,seeker_post,response_post,explorations_level,explorations_rationales\n"
        "a1,b1,I lost my wallet.,That is a pain. Did you call them?,1,"
        "Did you call them?|Did you ring them?|\n",
        encoding="utf-8",
    )
    result = invoke("evaluate", path)
    assert result.exit_code == 0, result.output
    assert "1 of 2 gold rationale parts are not found in their response" in _one_line(result.stderr)


def test_evaluate_contrast_malformed_or_empty_set_exits_1(invoke: Invoke, tmp_path: Path) -> None:
    contrast = tmp_path / "contrast.jsonl"
    responses = {
        "sympathy": "So sorry about the flat.",
        "empathy": "Losing the flat you'd set your heart on is crushing. How are you holding up?",
        "compassion": "I can send you two listings I saw this morning.",
        "dismissive": "There are loads of flats, stop moping.",
    }
    good = {"id": "f1", "seeker": "We lost the flat we wanted.", "responses": responses}
    cases = [
        ({"seeker": good["seeker"], "responses": responses}, "line 2, field 'id': bad contrast"),
        ({**good, "id": "f2", "responses": list(responses)}, "field 'responses'"),
        ({**good, "id": "f2", "responses": {**responses, "empathy": None}},
         "field 'responses.empathy'"),
        ({**good, "id": "f2", "seeker": None}, "field 'seeker': bad contrast item: must be"),
    ]  # fmt: skip
    for item, expected in cases:
        contrast.write_text(json.dumps(good) + "\n" + json.dumps(item) + "\n", encoding="utf-8")
        result = invoke("evaluate-contrast", contrast)
        assert result.exit_code == 1, result.output
        message = _one_line(result.stderr)
        assert message.startswith("error:") and expected in message, message
        assert "Traceback" not in result.output and "responses must be exactly" not in message
    contrast.write_bytes(json.dumps(good).encode() + b"\n\xff\xfe\n")
    result = invoke("evaluate-contrast", contrast)
    assert result.exit_code == 1 and "line 2: the line is not valid UTF-8" in result.stderr
    shipped = Path(carelens.__file__).resolve().parents[2] / "annotations" / "contrast"
    lines = (shipped / "contrast_set.jsonl").read_text(encoding="utf-8").splitlines()
    contrast.write_text("\n".join([*lines[:3], TOO_DEEP, *lines[3:]]) + "\n", encoding="utf-8")
    result = invoke("evaluate-contrast", contrast)  # a RecursionError traceback before
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"error: {contrast}, line 4: bad contrast item: not valid JSON" in _one_line(
        result.stderr
    )
    contrast.write_text("", encoding="utf-8")
    result = invoke("evaluate-contrast", contrast, "--json")
    assert result.exit_code == 1 and "holds no items" in result.stderr
    assert result.stdout == ""


# --- files the command writes must not be files it reads ---------------------------------


def _refused(result: Result, option: str) -> None:
    assert result.exit_code == 2, result.output
    assert option in result.output and "would destroy the input" in result.output


def test_evaluate_refuses_rejects_over_the_data_or_annotations(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    labeled = Path(shutil.copy(data / "labeled.csv", tmp_path / "lab.csv"))
    annotations = _annotations(tmp_path)
    before = labeled.read_bytes(), annotations.read_bytes()
    (tmp_path / "link.csv").symlink_to(labeled)
    for rejects in (labeled, tmp_path / "link.csv", tmp_path / "sub" / ".." / "lab.csv"):
        _refused(invoke("evaluate", labeled, "--rejects", rejects), "--rejects")
    result = invoke("evaluate", labeled, "--annotations", annotations, "--rejects", annotations)
    _refused(result, "--rejects")
    assert (labeled.read_bytes(), annotations.read_bytes()) == before  # were emptied
    assert not (tmp_path / "sub").exists()


def test_evaluate_refuses_to_write_over_the_model(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    model = Path(shutil.copytree(default_model_dir(), tmp_path / "model"))
    files = {p.name: p.read_bytes() for p in model.iterdir()}
    for name in files:
        result = invoke(
            "evaluate", data / "labeled.csv", "--model", model, "--rejects", model / name
        )
        _refused(result, "--rejects")
    manifest = model / "manifest.json"
    _refused(invoke("evaluate", manifest, "--model", model, "--record"), "--record")
    _refused(invoke("evaluate-contrast", manifest, "--model", model, "--record"), "--record")
    assert {p.name: p.read_bytes() for p in model.iterdir()} == files


def test_evaluate_creates_the_rejects_folder(invoke: Invoke, data: Path, tmp_path: Path) -> None:
    rejects = tmp_path / "new" / "folder" / "rejects.jsonl"
    result = invoke("evaluate", data / "labeled.csv", "--rejects", rejects, "-q")
    assert result.exit_code == 0, result.output
    assert len(rejects.read_text(encoding="utf-8").splitlines()) == 1
    missing = invoke("evaluate", tmp_path / "absent.csv", "--rejects", tmp_path / "n2" / "r.jsonl")
    assert missing.exit_code == 1 and "no such file" in missing.stderr
    assert not (tmp_path / "n2").exists()


def test_evaluate_split_with_a_bad_byte_keeps_every_row_in_its_part(
    invoke: Invoke, tmp_path: Path
) -> None:
    """A row with a byte that is not UTF-8 is rejected with its file, line and field, in
    the part it belongs to only; every other row is scored in the part it has in the clean
    file (leaving the row out of the split shuffled the seeker posts into other parts)."""
    header = (
        "sp_id,rp_id,seeker_post,response_post,emotional_reactions_level,"
        "interpretations_level,explorations_level\n"
    )
    rows = [f"s{i},r{i},I failed my exam again {i}.,That sounds hard.,1,0,0\n" for i in range(40)]
    clean = tmp_path / "clean.csv"
    clean.write_text(header + "".join(rows), encoding="utf-8")
    manifest = carelens.load().artifact.manifest
    test_part = model_split_ids(clean, manifest, "test")
    bad_row = min(int(rp[1:]) for rp in test_part)
    rows[bad_row] = f"s{bad_row},r{bad_row},Caf\xe9 exam {bad_row}.,That sounds hard.,1,0,0\n"
    bad = tmp_path / "bad.csv"
    bad.write_bytes((header + "".join(rows)).encode("latin-1"))

    for part, listed in (("test", 1), ("train", 0)):
        rejects = tmp_path / f"{part}.jsonl"
        result = invoke("evaluate", bad, "--split", part, "--json", "--rejects", rejects)
        assert result.exit_code == 0, result.output
        report = json.loads(result.stdout)
        expected = model_split_ids(clean, manifest, part)
        assert report["n_pairs"] == len(expected) - listed
        entries = [json.loads(x) for x in rejects.read_text(encoding="utf-8").splitlines()]
        assert [(e["path"], e["line"], e["field"], e["reason"]) for e in entries] == [
            (str(bad), bad_row + 2, "seeker_post", "invalid UTF-8")
        ][:listed]
    assert "1 rows hold bytes that are not UTF-8" in " ".join(result.stderr.split())


def test_evaluate_contrast_records_only_the_projects_set_unless_forced(
    invoke: Invoke, tmp_path: Path
) -> None:
    model = Path(shutil.copytree(default_model_dir(), tmp_path / "model"))
    manifest = model / "manifest.json"
    before = manifest.read_bytes()
    shipped = Path(carelens.__file__).resolve().parents[2] / "annotations" / "contrast"
    part = tmp_path / "contrast_set.jsonl"  # the shipped name, one item
    part.write_text(
        (shipped / "contrast_set.jsonl").read_text(encoding="utf-8").splitlines()[0] + "\n",
        encoding="utf-8",
    )
    result = invoke("evaluate-contrast", part, "--model", model, "--record")
    assert result.exit_code == 2, result.output
    said = _one_line(result.output)
    assert "is not the project's contrast set" in said and "--force" in said, said
    assert manifest.read_bytes() == before
    result = invoke("evaluate-contrast", part, "--model", model, "--record", "--force", "-q")
    assert result.exit_code == 0, result.output
    recorded = json.loads(manifest.read_text(encoding="utf-8"))["evaluation"]["contrast"]
    assert recorded["n_items"] == 1
    assert recorded["set"]["n_items"] == 1 and recorded["set"]["project_set"] is False
    assert len(recorded["set"]["sha256"]) == 64
