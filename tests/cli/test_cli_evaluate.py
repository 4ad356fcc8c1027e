"""``carelens evaluate`` with the shipped model: table, JSON, split, errors."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

import carelens
from carelens.evaluation import model_split_ids

Invoke = Callable[..., Result]
DIMS = ("emotional_reaction", "interpretation", "exploration")


def test_evaluate_prints_a_table(invoke: Invoke, data: Path) -> None:
    result = invoke("evaluate", data / "labeled.csv")
    assert result.exit_code == 0, result.output
    for header in (
        "mechanism",
        "accuracy",
        "macro-F1",
        "95% interval",
        "token-F1",
        "IOU-F1",
        *DIMS,
    ):
        assert header in result.stdout
    assert "1 row rejected" in result.stderr


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


def test_evaluate_bad_split_or_file_exits_1(invoke: Invoke, data: Path, tmp_path: Path) -> None:
    bad = invoke("evaluate", data / "labeled.csv", "--split", "validation")
    assert bad.exit_code == 1 and bad.stderr.startswith("error: --split must be")
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
    assert "presence F1" in table.stdout and "style" in table.stdout


def test_evaluate_with_annotations_of_unknown_responses_exits_1(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    annotations = _annotations(tmp_path)
    text = annotations.read_text(encoding="utf-8").replace('"q3"', '"zz9"')
    annotations.write_text(text, encoding="utf-8")
    result = invoke("evaluate", data / "labeled.csv", "--annotations", annotations)
    assert result.exit_code == 1
    assert "not in the data file (first: zz9)" in result.stderr


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
