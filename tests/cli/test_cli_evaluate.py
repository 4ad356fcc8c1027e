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
    for header in ("mechanism", "accuracy", "macro-F1", "token-F1", "IOU-F1", *DIMS):
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
